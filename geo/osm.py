"""OpenStreetMap extracts (.osm, .osm.pbf) as gazetteer entries: named roads, POIs and areas, read with pyosmium."""

from __future__ import annotations

import functools
from pathlib import Path

from geo import settings
from geo.io import InputError

# Tags holding a name, in order of preference for an entry's own name; every other
# value (and each of several values separated by ";") is an alias.
NAME_KEYS = ("name:zh-Hans", "name:zh", "name", "name:zh-Hant", "official_name", "alt_name", "old_name",
             "short_name", "loc_name")
LINE_KEYS = ("highway", "railway", "waterway")
POINT_KEYS = ("amenity", "shop", "healthcare", "tourism", "leisure", "office", "building", "railway",
              "public_transport")
AREA_KEYS = ("landuse", "leisure", "amenity", "natural", "tourism", "building", "shop", "healthcare")
_LINE_TYPES = {"highway": "road", "railway": "rail", "waterway": "water"}
_LINE_CATEGORIES = {"railway": "rail", "waterway": "water"}
_ONEWAY = {"yes": 1, "true": 1, "1": 1, "-1": -1, "reverse": -1}


def load_osm(path, outline=None, *, metric_crs=None):
    """Read the named features of an OSM extract as gazetteer entries, streaming it with pyosmium.

    Parameters
    ----------
    path : path
        An OSM XML (.osm) or PBF (.osm.pbf) file.
    outline : shapely geometry, optional
        The district in WGS-84: only features within
        :data:`geo.settings.NEAR_DISTRICT_M` of it are kept.
    metric_crs : str, optional
        The metric CRS for distances (default: chosen from ``outline``, or from the
        roads themselves; see :func:`geo.crs.metric_crs_for`).

    Returns
    -------
    list of geo.gazetteer.Entry
        Named by ``name:zh-Hans``, ``name:zh`` or ``name`` (in that order), with every
        other name tag (``name``, ``name:zh-Hant``, ``official_name``, ``alt_name``,
        ``old_name``, ``short_name``, ``loc_name``; ``;``-separated values split) as
        aliases, sorted by name:

        * **roads, railways, waterways**: one entry per name and kind, the union of
          all its ways (closed ones included, except ``area=yes``) merged with
          ``shapely.line_merge``. Ways that do not touch stay separate parts. One-way
          ways of opposite directions within :data:`geo.settings.DUAL_CARRIAGEWAY_M`
          of each other (a dual carriageway) become their centre line, so a road is
          measured once (:func:`geo.lines.merge_ways`).
        * **POIs**: nodes with an amenity, shop, healthcare, tourism... tag become
          points; closed ways and multipolygon relations with such a tag become
          polygons (osmium's area handler): ``feature_type`` "area" for land use,
          leisure and natural features, "facility" otherwise.

        Each carries ``source`` (the file, © OpenStreetMap contributors, ODbL),
        ``source_datum`` wgs84, ``accuracy_m`` :data:`geo.settings.OSM_ACCURACY_M`,
        a ``category`` from its tags (``geo/data/osm_categories.csv``) and the OSM ids
        in ``extra["osm_ids"]``.

    Raises
    ------
    geo.io.InputError
        When the file is missing, empty or not readable as OSM data.
    """
    import shapely

    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry
    from geo.io import check_input_file

    path = Path(path)
    check_input_file(path)
    ways, points, areas = _read(path)
    crs = metric_crs or (metric_crs_for(outline) if outline is not None else None)
    if crs is None:
        every = [w["line"] for group in ways.values() for w in group] + [g for *_, g in points + areas]
        crs = metric_crs_for(shapely.GeometryCollection(every)) if every else None
    near = None
    if outline is not None:
        near = wgs84_geometry(metric_geometry(outline, crs).buffer(settings.NEAR_DISTRICT_M), crs)
        shapely.prepare(near)  # tested against every way
        # A namesake road in the next county is not part of ours: ways are kept one by one.
        ways = {key: kept for key, group in ways.items() if (kept := [w for w in group if w["line"].intersects(near)])}
    source = f"OpenStreetMap extract {path.name} (© OpenStreetMap contributors, ODbL)"
    entries = [_road_entry(name, kind, group, crs, source) for (name, kind), group in sorted(ways.items())]
    entries += [_poi_entry(name, tags, geom, kind, ids, source) for name, tags, kind, ids, geom in points + areas]
    if near is not None:
        entries = [e for e in entries if e.geometry.intersects(near)]
    return sorted(entries, key=lambda e: (e.name, e.feature_type or "", e.extra["osm_ids"]))


def _read(path):
    """Stream the file once: named line ways by (name, kind), POI nodes, areas; plain Python values."""
    import osmium
    import shapely

    from geo import progress

    ways, points, areas = {}, [], []
    wkb = osmium.geom.WKBFactory()
    try:
        processor = (osmium.FileProcessor(str(path))
                     .with_locations()
                     .with_areas()
                     .with_filter(osmium.filter.KeyFilter(*NAME_KEYS)))  # unnamed objects are never looked up
        with progress.counter(f"reading {Path(path).name}", size_bytes=Path(path).stat().st_size) as advance:
            for obj in processor:
                advance()
                _take(obj, ways, points, areas, wkb, shapely)
    except (RuntimeError, OSError, ValueError) as exc:
        raise InputError(path, f"not a readable OSM file ({str(exc).splitlines()[0] if str(exc) else exc})") from None
    return ways, points, areas


def _take(obj, ways, points, areas, wkb, shapely):
    """Keep one named OSM object: a road or river way, a POI node, or an area."""
    # Copy tags: pyosmium objects are only valid inside the iteration step.
    tags = {tag.k: tag.v for tag in obj.tags}
    names = _names(tags)
    if not names:
        return
    if obj.is_node():
        kind = next((k for k in POINT_KEYS if k in tags), None)
        if kind:
            points.append((names, tags, kind, f"n{obj.id}", shapely.Point(obj.location.lon, obj.location.lat)))
    elif obj.is_way():
        kind = next((k for k in LINE_KEYS if k in tags), None)
        if kind and tags.get("area") != "yes":
            coords = [(n.location.lon, n.location.lat) for n in obj.nodes if n.location.valid()]
            if len(coords) >= 2:
                ways.setdefault((names[0], kind), []).append(
                    {"line": shapely.LineString(coords), "names": names, "id": f"w{obj.id}",
                     "oneway": _oneway(tags) if kind == "highway" else 0})
    elif obj.is_area():
        kind = next((k for k in AREA_KEYS if k in tags), None)
        if kind:
            try:
                geom = shapely.from_wkb(wkb.create_multipolygon(obj))
            except RuntimeError:  # a broken multipolygon: osmium could not assemble its rings
                return
            areas.append((names, tags, kind, f"{'w' if obj.from_way() else 'r'}{obj.orig_id()}", geom))


def _names(tags):
    """The object's names: its own name first, then the other values of NAME_KEYS, each once."""
    names = []
    for key in NAME_KEYS:
        for value in str(tags.get(key, "")).split(";"):
            value = value.strip()
            if value and value not in names:
                names.append(value)
    return names


def _oneway(tags):
    """1 when the way is one-way in its drawn direction, -1 against it, 0 when two-way."""
    value = tags.get("oneway", "").strip().lower()
    if value in _ONEWAY:
        return _ONEWAY[value]
    if value == "no":
        return 0
    # Motorways and roundabouts are one-way without saying so.
    return 1 if tags.get("highway") == "motorway" or tags.get("junction") in ("roundabout", "circular") else 0


def _road_entry(name, kind, group, crs, source):
    import shapely

    from geo.crs import metric_geometry, wgs84_geometry
    from geo.gazetteer import Entry
    from geo.lines import merge_ways

    two_way = [metric_geometry(w["line"], crs) for w in group if w["oneway"] == 0]
    one_way = [metric_geometry(w["line"] if w["oneway"] > 0 else shapely.reverse(w["line"]), crs)
               for w in group if w["oneway"] != 0]
    merged, paired = merge_ways(two_way, one_way, carriageway_m=settings.DUAL_CARRIAGEWAY_M)
    method = f"name match on OSM {kind} feature ({f'{len(group)} ways merged' if len(group) > 1 else '1 way'}"
    if paired:
        method += f"; {paired} dual carriageway{'s' if paired > 1 else ''} measured once, along the centre line"
    aliases = []
    for way in group:
        aliases.extend(n for n in way["names"] if n != name and n not in aliases)
    return Entry(name=name, geometry=wgs84_geometry(merged, crs), source=source, method=method + ")",
                 source_datum="wgs84", accuracy_m=settings.OSM_ACCURACY_M, tier="OSM extract",
                 aliases=tuple(aliases), feature_type=_LINE_TYPES[kind], category=_LINE_CATEGORIES.get(kind),
                 extra={"osm_ids": ";".join(sorted(w["id"] for w in group))})


def _poi_entry(names, tags, geom, kind, ids, source):
    from geo.gazetteer import Entry

    # Land use, parks and water are areas; an amenity, shop or building outline is a facility.
    feature_type = "area" if kind in ("landuse", "leisure", "natural") and geom.geom_type != "Point" else "facility"
    return Entry(name=names[0], geometry=geom, source=source,
                 method=f"name match on OSM {kind} feature ({'node' if ids[0] == 'n' else 'area'} {ids[1:]})",
                 source_datum="wgs84", accuracy_m=settings.OSM_ACCURACY_M, tier="OSM extract",
                 aliases=tuple(names[1:]), feature_type=feature_type, category=osm_category(tags),
                 extra={"osm_ids": ids})


@functools.lru_cache(maxsize=1)
def _osm_categories():
    """(key, value) -> category, from the ``osm_tags`` column of ``geo/data/categories.csv``."""
    from geo.data import categories

    table = {}
    for code, row in categories().items():
        for tag in filter(None, (row.get("osm_tags") or "").split("|")):
            key, _, value = tag.partition("=")
            table[(key, value)] = code
    return table


def osm_category(tags):
    """Our category for an OSM object's tags (``osm_tags`` in ``geo/data/categories.csv``; ``*`` is any value)."""
    table = _osm_categories()
    for key, value in tags.items():
        category = table.get((key, value)) or table.get((key, "*"))
        if category:
            return category
    return None
