"""Nominatim lookups for ``--online``: one request a second, answers cached on disk, unreachable said once."""

from __future__ import annotations

from geo import settings
from geo.safe_text import one_line


def nominatim_lookup(district_label, bounds, cache_path, *, user_agent=settings.NOMINATIM_USER_AGENT, request=None):
    """Build the ``online`` callable for :func:`geocode_projects`: Nominatim via geopy.

    One request per second (Nominatim's usage policy), answers cached on disk as JSON
    keyed by query so that re-runs, and tests replaying a recorded answer, make no request.
    When Nominatim cannot be reached (no network, a proxy, a timeout, an error status), the
    lookup stops asking for the rest of the run, caches nothing for the names it could not
    ask about, and says why in its ``unreachable`` attribute (None while all is well).
    ``request(query)`` replaces the HTTP request (tests).
    """
    import json
    from pathlib import Path

    import shapely.errors
    import shapely.geometry

    from geo.gazetteer import Entry
    from geo.atomic_files import write_text_atomic
    from geo.io import InputError, parse_json

    cache_path = Path(cache_path)
    cache = parse_json(cache_path.read_text(encoding="utf-8"), cache_path) if cache_path.exists() else {}
    if not isinstance(cache, dict):
        raise InputError(cache_path, f"is no cache of Nominatim answers (a JSON {type(cache).__name__}, not an "
                                     "object); delete it to ask Nominatim again")
    state = {"geocoder": None}

    def _request(query):
        if state["geocoder"] is None:
            from geopy.extra.rate_limiter import RateLimiter
            from geopy.geocoders import Nominatim

            nominatim = Nominatim(user_agent=user_agent, timeout=settings.NOMINATIM_TIMEOUT_S)
            # Errors are raised, not logged and swallowed: a failure is no answer to cache.
            state["geocoder"] = RateLimiter(nominatim.geocode, min_delay_seconds=settings.NOMINATIM_MIN_DELAY_S,
                                            max_retries=0, swallow_exceptions=False)
        x0, y0, x1, y1 = bounds
        location = state["geocoder"](query, exactly_one=True, geometry="geojson",
                                     viewbox=[(y0, x0), (y1, x1)], bounded=True, language="zh")
        return location.raw if location is not None else None

    def lookup(name, category):
        query = f"{name}, {district_label}"
        if query not in cache:
            if lookup.unreachable:
                return None
            try:
                cache[query] = (request or _request)(query)
            except Exception as exc:  # noqa: BLE001 - geopy's GeocoderServiceError family, OSError
                lookup.unreachable = f"{type(exc).__name__}: {one_line(str(exc).strip())[:160]}"
                return None
            write_text_atomic(cache_path, json.dumps(cache, ensure_ascii=False, sort_keys=True, indent=1), staged=False)
        raw = cache[query]
        if not raw:
            return None
        try:
            geom = shapely.geometry.shape(raw["geojson"]) if raw.get("geojson") else \
                shapely.geometry.Point(float(raw["lon"]), float(raw["lat"]))
            label = str(raw.get("display_name", name)).split(",")[0]
        except (AttributeError, KeyError, TypeError, ValueError, shapely.errors.ShapelyError) as exc:
            raise InputError(cache_path, f"its answer for {query!r} is damaged ({type(exc).__name__}: "
                                         f"{one_line(exc)}); delete it to ask Nominatim again") from None
        return Entry(name=label, geometry=geom,
                     source="Nominatim (© OpenStreetMap contributors, ODbL)",
                     method=f"Nominatim search {query!r}", source_datum="wgs84",
                     accuracy_m=_bbox_accuracy(raw), tier="Nominatim")

    lookup.unreachable = None
    return lookup


def _bbox_accuracy(raw):
    # Half the geodesic diagonal of Nominatim's bounding box, at least OSM's typical error.
    from pyproj import Geod

    try:
        south, north, west, east = (float(v) for v in raw["boundingbox"])
    except (KeyError, ValueError, TypeError):
        return settings.NOMINATIM_DEFAULT_ACCURACY_M
    diagonal = Geod(ellps="WGS84").inv(west, south, east, north)[2]
    return max(settings.OSM_ACCURACY_M, round(diagonal / 2))
