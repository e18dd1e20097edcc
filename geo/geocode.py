"""Geocoding: give each catalog project a geometry from the gazetteer tiers, or a stated reason why not."""

from __future__ import annotations

import re

from geo.gazetteer import AREA_TYPES, LINE_TYPES, POINT_TYPES, normalise_name

MATCHED = "matched"
APPROXIMATE = "approximate"
UNLOCATED = "unlocated"

# A match must lie within this distance of the district outline: a gazetteer hit
# farther away is a namesake elsewhere (every city has a 北园路), not our project.
OUTSIDE_TOLERANCE_DEG = 0.01  # about 1 km at 36.7N

_CARDINAL_SECTION = {"东段": "east", "西段": "west", "南段": "south", "北段": "north", "中段": "middle"}
_RANGE_SECTION = re.compile(r"^(?P<start>.+?)(?:至|到|—|-|~)(?P<end>.+?)段$")


def geocode_projects(features, gazetteer, outline, *, online=None, zones=None):
    """Locate catalog projects; return new features and the list of unlocated ones.

    Parameters
    ----------
    features : list of dict
        Catalog features (see :mod:`geo.catalog`); ``properties`` has ``name``,
        ``category``, ``named``, and optionally ``base_name`` and ``section``.
    gazetteer : geo.gazetteer.Gazetteer
        Sources in priority order; the first tier with a fitting match wins.
    outline : shapely geometry
        District outline in WGS-84; matches farther than ~1 km from it are rejected.
    online : callable or None
        ``online(name, category) -> Entry or None``, the Nominatim fallback (``--online``).
    zones : GeoDataFrame or None
        街道 polygons (code, name, geometry; WGS-84). A facility that no source knows but
        whose name contains a 街道's place name (泺口垃圾转运站 -> 泺口街道) is placed
        inside that 街道, status ``approximate``, with an accuracy that spans the 街道.

    Returns
    -------
    (list of dict, list of dict)
        Features with ``geometry`` (shapely, WGS-84, or None) and a ``geocode`` property
        {status, source, method, source_datum, accuracy_m, reason}; and the unlocated
        features' ``{id, name, reason}``.
    """
    from geo.data import categories

    kinds = {code: row["geometry"] for code, row in categories().items()}
    near = outline.buffer(OUTSIDE_TOLERANCE_DEG) if outline is not None else None
    areas = _zone_areas(zones) if zones is not None else []
    located, unlocated = [], []
    for feature in features:
        props = dict(feature["properties"])
        kind = kinds.get(props.get("category"), "point")
        geom, geocode = _locate(props, gazetteer, kind, near, online)
        if geom is None and kind == "point" and props.get("named") is not False:
            geom, geocode = _place_in_zone(props.get("name") or "", areas, geocode)
        props["geocode"] = geocode
        located.append({"id": feature.get("id", props.get("id")), "properties": props, "geometry": geom})
        if geom is None:
            unlocated.append({"id": props.get("id"), "name": props.get("name"), "reason": geocode["reason"]})
    return located, unlocated


def _locate(props, gazetteer, kind, near, online):
    name = props.get("name") or ""
    if props.get("named") is False:
        return None, _unlocated("counted group, not named in the report: stays district-wide by design")
    accepts = _accepts(kind, name)
    base = props.get("base_name") or name
    section = props.get("section")
    # The full name first: a gazetteer may hold the section itself (二环北路东段).
    match = gazetteer.lookup(name, accepts=accepts, category=props.get("category"))
    cut = None
    if match is None and section and base != name:
        match = gazetteer.lookup(base, accepts=accepts, category=props.get("category"))
        cut = section if match else None
    if match is None and online is not None:
        entry = online(name, props.get("category"))
        if entry is not None and accepts(entry):
            from geo.gazetteer import Match

            match = Match(entry, "online", entry.name)
    if match is None:
        tiers = ", ".join(t for t, _ in gazetteer.tiers) or "no gazetteer"
        return None, _unlocated(f"no {kind} named {name!r} in any source ({tiers}{', Nominatim' if online else ''}); "
                                "add its position with --gazetteer or --osm")
    entry = match.entry
    geom = entry.geometry
    if near is not None and not geom.intersects(near):
        return None, _unlocated(f"{entry.tier} match {entry.name!r} lies outside the district")
    status = MATCHED if match.strength in ("exact", "folded") else APPROXIMATE
    method = entry.method
    if match.strength not in ("exact", "folded"):
        method += f"; name matched loosely ({match.strength}: {entry.name})"
    if kind == "point" and geom.geom_type in AREA_TYPES and entry.feature_type != "area":
        # A hospital's campus polygon becomes a point; a park or culture park that
        # the gazetteer knows as an area stays an area.
        geom = geom.representative_point()
        method += "; point inside the area"
    if cut:
        geom, note, exact_cut = _cut_section(geom, cut, gazetteer)
        method += f"; {note}"
        if not exact_cut:
            status = APPROXIMATE
    if near is not None:
        geom = _clip_lines_to(geom, near)
    geocode = {
        "status": status,
        "source": entry.source,
        "method": method,
        "source_datum": entry.source_datum,
        "accuracy_m": round(float(entry.accuracy_m)),
        "matched_name": entry.name,
    }
    return geom, geocode


def _zone_areas(zones):
    """(place-name stem, 街道 name, point inside, radius in m) for each 街道, longest stem first."""
    import shapely
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    areas = []
    for name, geom in zip(zones["name"], zones.geometry.values):
        stem = re.sub(r"(街道办事处|街道|办事处|镇|乡)$", "", str(name))
        if len(stem) < 2 or geom is None or geom.is_empty:
            continue
        point = geom.representative_point()
        coords = shapely.get_coordinates(geom)
        _, _, dist = geod.inv([point.x] * len(coords), [point.y] * len(coords), coords[:, 0], coords[:, 1])
        areas.append((stem, str(name), point, float(max(dist))))
    return sorted(areas, key=lambda a: (-len(a[0]), a[1]))


def _place_in_zone(name, areas, previous):
    # A name such as 泺口垃圾转运站 or 桑梓店卫生院 carries its place: that 街道 is
    # where it is, even when no source knows the site. 桑梓 (a school brand) names
    # the place 桑梓店 by its first characters, hence the prefix rule.
    name = normalise_name(name)  # Traditional 濼口 is 泺口
    for stem, zone_name, point, radius in areas:
        if stem in name or (len(name) >= 2 and stem.startswith(name)):
            return point, {
                "status": APPROXIMATE,
                "source": f"街道 polygon of {zone_name}",
                "method": f"site unknown; the name contains the place name {stem}, so placed inside "
                          f"{zone_name} (accuracy spans the 街道). {previous.get('reason', '')}".strip(),
                "source_datum": "wgs84",
                "accuracy_m": round(radius, -1),
                "matched_name": zone_name,
            }
    return None, previous


def _unlocated(reason):
    return {"status": UNLOCATED, "source": None, "method": None, "source_datum": None,
            "accuracy_m": None, "reason": reason}


def _accepts(kind, name):
    """Which entry geometries fit a project: roads must be lines; facilities may be areas."""
    if kind == "line":
        station = name.endswith(("站", "枢纽"))
        allowed = LINE_TYPES | (POINT_TYPES if station else set())
    elif kind == "point":
        allowed = POINT_TYPES | AREA_TYPES | LINE_TYPES
    else:
        allowed = AREA_TYPES | LINE_TYPES | POINT_TYPES
    return lambda entry: entry.geometry is not None and entry.geometry.geom_type in allowed


def _clip_lines_to(geom, near):
    # Long roads and rivers run beyond the district; keep the part that concerns it.
    if geom.geom_type in LINE_TYPES and not near.contains(geom):
        clipped = geom.intersection(near)
        if not clipped.is_empty and clipped.geom_type in LINE_TYPES:
            return clipped
    return geom


def _cut_section(geom, section, gazetteer):
    """Cut a road line to the named section; return (geometry, method note, exact?)."""
    import shapely
    from shapely.ops import substring

    from geo.crs import metric_geometry, wgs84_geometry

    if geom.geom_type not in LINE_TYPES:
        return geom, f"section {section} not cut (not a line)", False
    line = shapely.line_merge(geom) if geom.geom_type == "MultiLineString" else geom
    if line.geom_type != "LineString":
        # Disconnected parts: work on the longest, which carries the road's direction.
        line = max(shapely.get_parts(line), key=lambda g: g.length)
    metric = metric_geometry(line)
    m = _RANGE_SECTION.match(section)
    if m:
        cuts = []
        for cross_name in (m.group("start"), m.group("end")):
            cross = gazetteer.find_line(cross_name)
            if cross is None:
                return geom, f"section {section}: cross street {cross_name} unknown, whole road used", False
            cross_metric = metric_geometry(cross.geometry)
            cuts.append(metric.project(shapely.ops.nearest_points(metric, cross_metric)[0]))
        start, end = sorted(cuts)
        piece = substring(metric, start, end)
        note, exact = f"cut between cross streets {m.group('start')} and {m.group('end')}", True
    elif section in _CARDINAL_SECTION:
        direction = _CARDINAL_SECTION[section]
        half = metric.length / 2
        if direction == "middle":
            piece = substring(metric, metric.length / 3, 2 * metric.length / 3)
        else:
            first, second = substring(metric, 0, half), substring(metric, half, metric.length)
            axis, sign = {"east": (0, 1), "west": (0, -1), "north": (1, 1), "south": (1, -1)}[direction]
            piece = max((first, second), key=lambda p: sign * p.centroid.coords[0][axis])
        note, exact = f"{section} taken as the {direction} part of the line, cut at its midpoint", False
    else:
        return geom, f"section {section}: extent unknown, whole road used", False
    return wgs84_geometry(piece), note, exact


def nominatim_lookup(district_label, bounds, cache_path, *, user_agent="geo-worksreport"):
    """Build the ``online`` callable for :func:`geocode_projects`: Nominatim via geopy.

    One request per second (Nominatim's usage policy), answers cached on disk as JSON
    keyed by query so that re-runs, and tests replaying a recorded answer, make no request.
    """
    import json
    from pathlib import Path

    import shapely.geometry

    from geo.gazetteer import Entry
    from geo.io import write_text_atomic

    cache_path = Path(cache_path)
    cache = json.loads(cache_path.read_text(encoding="utf-8")) if cache_path.exists() else {}
    state = {"geocoder": None}

    def _request(query):
        if state["geocoder"] is None:
            from geopy.extra.rate_limiter import RateLimiter
            from geopy.geocoders import Nominatim

            nominatim = Nominatim(user_agent=user_agent, timeout=10)
            state["geocoder"] = RateLimiter(nominatim.geocode, min_delay_seconds=1.0)
        x0, y0, x1, y1 = bounds
        location = state["geocoder"](query, exactly_one=True, geometry="geojson",
                                     viewbox=[(y0, x0), (y1, x1)], bounded=True, language="zh")
        return location.raw if location is not None else None

    def lookup(name, category):
        query = f"{name}, {district_label}"
        if query not in cache:
            cache[query] = _request(query)
            write_text_atomic(cache_path, json.dumps(cache, ensure_ascii=False, sort_keys=True, indent=1))
        raw = cache[query]
        if not raw:
            return None
        geom = shapely.geometry.shape(raw["geojson"]) if raw.get("geojson") else \
            shapely.geometry.Point(float(raw["lon"]), float(raw["lat"]))
        return Entry(name=raw.get("display_name", name).split(",")[0], geometry=geom,
                     source="Nominatim (© OpenStreetMap contributors, ODbL)",
                     method=f"Nominatim search {query!r}", source_datum="wgs84",
                     accuracy_m=_bbox_accuracy(raw), tier="Nominatim")

    return lookup


def _bbox_accuracy(raw):
    # Half the diagonal of Nominatim's bounding box, at least OSM's typical 20 m.
    import math

    try:
        south, north, west, east = (float(v) for v in raw["boundingbox"])
    except (KeyError, ValueError, TypeError):
        return 200.0
    dy = (north - south) * 111_000
    dx = (east - west) * 111_000 * math.cos(math.radians((north + south) / 2))
    return max(20.0, round(math.hypot(dx, dy) / 2))
