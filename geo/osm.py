"""OpenStreetMap extracts (.osm, .osm.pbf) as gazetteer entries: named roads, POIs and areas, read with pyosmium."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from geo import settings
from geo.io import InputError
from geo.names import normalise_name, road_code
from geo.osm_roads import outside_entries, road_entries

# Tags holding a name, in order of preference for an entry's own name; every other
# value (and each of several values separated by ";") is an alias.
NAME_KEYS = ("name:zh-Hans", "name:zh", "name", "name:zh-Hant", "official_name", "alt_name", "old_name",
             "short_name", "loc_name")
LINE_KEYS = ("highway", "railway", "waterway")
POINT_KEYS = ("amenity", "shop", "healthcare", "tourism", "leisure", "office", "building", "railway",
              "public_transport")
AREA_KEYS = ("landuse", "leisure", "amenity", "natural", "tourism", "building", "shop", "healthcare")
# Ways with these tags are places, not lines: the outline of a station or a platform, a river's
# banks (old tagging); a closed one is an area, an open one nothing.
AREA_TAGS = {"railway": ("station", "halt", "platform"), "public_transport": ("station", "platform"),
             "waterway": ("riverbank",)}
# A station, whose name OSM usually writes without 站 (王府庄 for 王府庄站).
STATION_TAGS = (("railway", "station"), ("railway", "halt"), ("public_transport", "station"))
_ONEWAY = {"yes": 1, "true": 1, "1": 1, "-1": -1, "reverse": -1}


def load_osm(path, outline=None, *, metric_crs=None, warnings=None, outside=None):
    """Read the named features of an OSM extract as gazetteer entries, streaming it with pyosmium.

    Parameters
    ----------
    path : path
        An OSM file: XML (.osm, also gzip- or bzip2-compressed; from JOSM, with negative
        ids and deletions, or from the Overpass API, ``out geom`` included), PBF
        (.osm.pbf), or Overpass Turbo's GeoJSON export.
    outline : shapely geometry, optional
        The district in WGS-84: only features within
        :data:`geo.settings.NEAR_DISTRICT_M` of it are kept.
    metric_crs : str, optional
        The metric CRS for distances (default: chosen from ``outline``, or from the
        roads themselves; see :func:`geo.crs.metric_crs_for`).
    warnings : list, optional
        Gets one line when nodes with invalid coordinates (``lat="95"``, ``"abc"``,
        ``NaN``) were left out; without a list the line goes to stderr
        (:func:`geo.io.warn`).
    outside : list, optional
        Gets light entries (ways not merged) of the named features left out for lying
        beyond the district, so that a project's reason can say where OSM has its name.

    Returns
    -------
    list of geo.gazetteer.Entry
        Named by ``name:zh-Hans``, ``name:zh`` or ``name`` (in that order), with every
        other name tag (``name``, ``name:zh-Hant``, ``official_name``, ``alt_name``,
        ``old_name``, ``short_name``, ``loc_name``; ``;``-separated values split) as
        aliases, sorted by name:

        * **roads, railways, waterways**: one entry per road, the union of its ways
          (closed ones included, except ``area=yes``) merged with ``shapely.line_merge``:
          ways of one kind whose names agree in matching form (紅柳街 and 红柳街, or one
          way's ``alt_name`` the other's name) within
          :data:`geo.settings.SAME_ROAD_GAP_M` of each other
          (:mod:`geo.osm_roads`); namesakes farther apart are separate entries. A road
          with a code in its ``ref`` tag (``G104``, ``G309;S102``), named or not, is also
          part of an entry named by the code (:func:`geo.names.road_code`), as is a road
          named by a code alone (``309国道``: entry ``G309``). A member way of a road
          route relation (``type=route`` + ``route=road``) counts as carrying the
          relation's codes and names (:func:`_routes`); so does a member way of a
          rail line's route relation (``route=subway``..., and its ``route_master``: its
          name without a direction, ``济南轨道交通3号线``) or of a river's
          (``type=waterway``), named or not. Links
          (``motorway_link``...) are left out of a road that has other ways. Ways
          that do not touch stay separate parts. One-way
          ways of opposite directions within :data:`geo.settings.DUAL_CARRIAGEWAY_M`
          of each other (a dual carriageway) become their centre line, so a road is
          measured once (:func:`geo.lines.merge_ways`).
        * **POIs**: nodes with an amenity, shop, healthcare, tourism... tag become
          points; closed ways and multipolygon relations with such a tag become
          polygons (osmium's area handler): ``feature_type`` "area" for land use,
          leisure and natural features, "facility" otherwise. A way tagged as a station,
          a platform or a river's banks (:data:`AREA_TAGS`) is such an area, never a
          line; a station's Chinese names without 站 get it as aliases (王府庄: 王府庄站).

        Each carries ``source`` (the file, © OpenStreetMap contributors, ODbL),
        ``source_datum`` wgs84, ``accuracy_m`` :data:`geo.settings.OSM_ACCURACY_M`,
        a ``category`` from its tags (``geo/data/osm_categories.csv``) and the OSM ids
        in ``extra["osm_ids"]``.

    Raises
    ------
    geo.io.InputError
        When the file is missing, empty or not readable as OSM data, or when every named
        feature was left out for invalid coordinates.
    """
    import shapely

    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry
    from geo.io import check_input_file, warn

    path = Path(path)
    check_input_file(path)
    left_out = set()
    ways, points, areas = _read(path, left_out)
    if left_out:
        problem = f"{len(left_out)} node(s) with invalid coordinates (not a number, or beyond ±90/±180)"
        if not (ways or points or areas):
            raise InputError(path, f"nothing usable: {problem}")
        warn(f"{path}: left out {problem}", warnings)
    crs = metric_crs or (metric_crs_for(outline) if outline is not None else None)
    if crs is None:
        every = [w["line"] for group in ways.values() for w in group] + [g for *_, g in points + areas]
        crs = metric_crs_for(shapely.GeometryCollection(every)) if every else None
    near, far_ways = None, {}
    if outline is not None:
        near = wgs84_geometry(metric_geometry(outline, crs).buffer(settings.NEAR_DISTRICT_M), crs)
        shapely.prepare(near)  # tested against every way
        # A namesake road in the next county is not part of ours: ways are kept one by one.
        ways, far_ways = _split_ways(ways, near)
    source = f"OpenStreetMap extract {path.name} (© OpenStreetMap contributors, ODbL)"
    entries = road_entries(ways, crs, source) if ways else []
    entries += [_poi_entry(name, tags, geom, kind, ids, source) for name, tags, kind, ids, geom in points + areas]
    if near is not None:
        inside = [e.geometry.intersects(near) for e in entries]
        if outside is not None:
            outside.extend([e for e, kept in zip(entries, inside) if not kept] + outside_entries(far_ways, source))
        entries = [e for e, kept in zip(entries, inside) if kept]
    return sorted(entries, key=lambda e: (e.name, e.feature_type or "", e.extra["osm_ids"]))


def _split_ways(ways, near):
    """(ways that reach ``near``, ways that do not), each ``(own name, kind) -> list of ways``."""
    kept, far = {}, {}
    for key, group in ways.items():
        for way in group:
            (kept if way["line"].intersects(near) else far).setdefault(key, []).append(way)
    return kept, far


def _read(path, left_out):
    """Stream the file: named line ways by (name, kind), POI nodes, areas; plain Python values.

    Objects an editor marked deleted (``visible="false"``, JOSM's ``action="delete"``) are
    skipped. Ways whose nodes osmium could not locate (negative ids of a file saved by
    JOSM, Overpass ``out geom`` output with coordinates on the ways, nodes cut off by a
    bounding box) get a second, cheaper pass (:func:`_locate_incomplete`). An Overpass
    API JSON answer is read as the XML form of the same answer. The ids of nodes whose
    coordinates are not numbers or out of range are added to ``left_out``.
    """
    import tempfile

    if is_overpass_json(path):
        with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:
            return _read_osm(_overpass_xml(path, Path(folder)), path, set(), left_out)
    if is_geojson(path):
        return _read_geojson(path)
    deleted, unreadable = _scan_xml(path)
    if not unreadable:
        return _read_osm(path, path, deleted, left_out)
    with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:
        return _read_osm(_without_unreadable_coordinates(path, Path(folder), left_out), path, deleted, left_out)


def _read_osm(source, path, deleted, left_out):
    """:func:`_read` of an OSM file ``source`` that osmium reads; errors name ``path``, the user's file."""
    import osmium
    import shapely

    from geo import progress

    wkb = osmium.geom.WKBFactory()
    for assemble_areas in (True, False):
        ways, points, areas, incomplete = {}, [], [], {}
        try:
            routes = _routes(source, deleted)
            pending = set(routes)  # member ways of routes not yet read
            processor = osmium.FileProcessor(str(source)).with_locations()
            if assemble_areas:
                processor = processor.with_areas()
            # Unnamed objects are never looked up, except roads known by their code (ref=G104).
            processor = processor.with_filter(osmium.filter.KeyFilter(*NAME_KEYS, "ref"))
            with progress.counter(f"reading {Path(path).name}", size_bytes=Path(source).stat().st_size) as advance:
                for obj in processor:
                    advance()
                    if obj.visible and (obj.type_str(), obj.id) not in deleted:
                        if obj.is_way():
                            pending.discard(obj.id)
                        _take(obj, ways, points, areas, incomplete, wkb, shapely, assemble_areas, left_out, routes)
            for obj in _route_ways(source, pending):  # unnamed ways of a route: named by it
                if obj.visible and ("w", obj.id) not in deleted:
                    _take(obj, ways, points, areas, incomplete, wkb, shapely, assemble_areas, left_out, routes)
            if incomplete:
                _locate_incomplete(source, incomplete, ways, areas, shapely, left_out)
        except (RuntimeError, OSError, ValueError, osmium.InvalidLocationError) as exc:
            if assemble_areas and "out of order" in str(exc):
                # An editor's file (JOSM) not sorted by id: osmium cannot assemble multipolygons
                # from it; closed ways still become areas, by the second pass.
                continue
            raise InputError(path, f"not a readable OSM file ({_first_line(exc)})") from None
        return ways, points, areas


def _first_line(exc):
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "<way>: center" in text or "<relation>: center" in text:
        text += f"; {_OUT_CENTER}"
    return text


_OUT_CENTER = "Overpass 'out center' output has no way geometry: use 'out geom' or 'out body; >; out skel qt'"


def _take(obj, ways, points, areas, incomplete, wkb, shapely, assemble_areas, left_out, routes=None):
    """Keep one named OSM object (a road or river way, a POI node, an area), or a road known by
    its code; a way that is a member of routes (``routes``, :func:`_routes`: roads, rail lines,
    rivers) is read as if it carried their codes and names."""
    # Copy tags: pyosmium objects are only valid inside the iteration step.
    tags = {tag.k: tag.v for tag in obj.tags}
    if routes and obj.is_way() and obj.id in routes:
        tags = _with_routes(tags, routes[obj.id])
    names = _names(tags)
    if not names and not (obj.is_way() and (_road_codes(tags) or tags.get(ROUTE_NAME_KEY))):
        return
    if obj.is_node() and not obj.location.valid():  # lat="95", or coordinates _read took out
        left_out.add(obj.id)
    elif obj.is_node():
        kind = next((k for k in POINT_KEYS if k in tags), None)
        if kind:
            points.append((names, tags, kind, f"n{obj.id}", shapely.Point(obj.location.lon, obj.location.lat)))
    elif obj.is_way():
        kind = next((k for k in LINE_KEYS if k in tags), None)
        line = kind and tags.get("area") != "yes" and not _is_place(tags)
        area_kind = None if line else _area_kind(tags)
        nodes = [(n.ref, (n.location.lon, n.location.lat) if n.location.valid() else None) for n in obj.nodes]
        missing = any(xy is None for _, xy in nodes)
        if (missing or not assemble_areas) and (line or (area_kind and nodes[0][0] == nodes[-1][0])):
            # osmium could not place every node: the second pass does (or cuts the way at the gaps).
            incomplete[obj.id] = (names, tags, kind if line else area_kind, bool(line), [ref for ref, _ in nodes])
        elif line:
            _add_way(ways, names, kind, tags, obj.id, [xy for _, xy in nodes], shapely)
    elif obj.is_area():
        kind = _area_kind(tags)
        if kind and not (obj.from_way() and obj.orig_id() in incomplete):
            try:
                geom = shapely.from_wkb(wkb.create_multipolygon(obj))
            except RuntimeError:  # a broken multipolygon: osmium could not assemble its rings
                return
            areas.append((names, tags, kind, f"{'w' if obj.from_way() else 'r'}{obj.orig_id()}", geom))


def _add_way(ways, names, kind, tags, way_id, coords, shapely):
    if len(coords) >= 2:
        _add_line(ways, names, kind, tags, f"w{way_id}", shapely.LineString(coords))


def _add_line(ways, names, kind, tags, object_id, line):
    """Keep a line way under its own name and, a road, under each code of its ``ref`` tag as
    well: the ways of G104 are one road called G104, whatever each is named locally. A way of
    a named route (``京沪高速公路``, ``济南轨道交通3号线``, ``小清河``; :func:`_routes`) is kept
    under that name too.

    Ways of links (``highway=motorway_link``..., also being built) are marked ``link``:
    :mod:`geo.osm_roads` leaves them out of a road that has other ways."""
    road = kind == "highway"
    oneway = _oneway(tags) if road else 0
    highway = str(tags.get("highway", ""))
    # A ramp being built or planned is a link too (highway=construction + construction=motorway_link).
    built_as = str(tags.get(highway, "")) if highway in ("construction", "proposed") else highway
    link = road and built_as.endswith("_link")

    def keep(name, spellings):
        ways.setdefault((name, kind), []).append({"line": line, "names": spellings, "id": object_id,
                                                  "oneway": oneway, "link": link})

    # A road named by its code alone (309国道) is kept under the code's one form (G309).
    own_code = road_code(names[0]) if names and road else None
    if names and own_code is None:
        keep(names[0], names)
    for code in sorted(set(_road_codes(tags) if road else ()) | {own_code} - {None}):
        keep(code, [code] + ([n for n in names if n != code] if code == own_code else []))
    own = {normalise_name(n) for n in names[:1]}
    for name in filter(None, str(tags.get(ROUTE_NAME_KEY, "")).split(";")):
        if normalise_name(name) not in own and (not road or road_code(name) is None):  # a code: kept above
            keep(name, [name])


def _road_codes(tags):
    """The road codes of a way's ``ref`` tag (``G104;S102``, also ``G104/S102``: both), in their
    one form; ``G 104``, ``Ｇ１０４`` and ``g104`` are ``G104``."""
    codes = [road_code(value) for value in _REF_SEPARATORS.split(str(tags.get("ref", ""))) if value.strip()]
    return sorted({code for code in codes if code})


_REF_SEPARATORS = re.compile(r"[;,/，；、]")
# Tag under which a way read as a member of named road routes carries their names (not an OSM key).
ROUTE_NAME_KEY = "geo:route_name"
# The class letter of a road route whose ``ref`` is a bare number (``ref=104``), by the last
# part of its ``network`` tag: CN:national, CN:expressway (national), CN:SD:expressway
# (a province's), CN:provincial, CN:county...
_NETWORK_LETTERS = {"national": "G", "provincial": "S", "county": "X", "township": "Y", "village": "C"}


def _routes(source, deleted=frozenset()):
    """First pass: ``way id -> {line key: (codes, names)}`` of the route relations it is a member of.

    A road route (``type=route`` + ``route=road``) gives its ``highway`` members the codes of
    its ``ref`` (and of a name that is a code, ``104国道``) and its other names
    (``京沪高速公路``); a rail line's route (``route=subway``, ``train``...; see
    :data:`RAIL_ROUTES`) and the ``route_master`` above it give their ``railway`` members
    their names without a direction (:func:`_line_names`); a river (``type=waterway``) gives
    its ``waterway`` members its names. Stops and platforms of a route are not its course.
    Only relations are read; only the ids of their member ways are kept.
    """
    import osmium

    found, ways_of, masters_of = {}, {}, {}
    relations = osmium.FileProcessor(str(source), osmium.osm.RELATION)
    for relation in relations.with_filter(osmium.filter.KeyFilter("route", "route_master", "waterway")):
        if not relation.visible or ("r", relation.id) in deleted:
            continue
        route = _route({tag.k: tag.v for tag in relation.tags})
        if route is None:
            continue
        found[relation.id] = route
        for member in relation.members:
            if member.type == "w" and not _STOP_ROLES.match(member.role):
                ways_of.setdefault(relation.id, []).append(member.ref)
            elif member.type == "r":  # a route_master's routes
                masters_of.setdefault(member.ref, []).append(relation.id)
    routes = {}
    for relation_id, members in ways_of.items():
        kind, codes, names = found[relation_id]
        route = (list(codes), list(names))
        for master in masters_of.get(relation_id, ()):
            if found[master][0] == kind:
                _join_route(route, found[master][1:])
        for way_id in members if route[0] or route[1] else ():
            _join_route(routes.setdefault(way_id, {}).setdefault(kind, ([], [])), route)
    return routes


# Route relations of rail lines (``type=route`` + ``route=subway``...; ``route_master=subway``).
RAIL_ROUTES = ("subway", "light_rail", "train", "railway", "tram", "monorail")
# Those whose bare ``ref`` (3, R3) is a metro line's number: 3号线, R3线.
_METRO_ROUTES = ("subway", "light_rail", "monorail", "tram")
# Roles of a route's members that are not its course (PTv2: stop, stop_entry_only, platform...).
_STOP_ROLES = re.compile(r"(?:stop|platform)")
# The direction a route relation adds to its line's name: 济南轨道交通3号线: 汉峪 => 滩头,
# 济南地铁1号线 (方特 → 工研院), 3号线（汉峪-滩头）.
_ARROWS = r"(?:=>|->|→|⇒|－|—|–|-|~|～|至|到)"
_DIRECTION = re.compile(rf"\s*(?:[:：].*{_ARROWS}.*|[(（][^()（）]*{_ARROWS}[^()（）]*[)）])\s*$")


def _route(tags):
    """``(line key, codes, names)`` a route relation with these tags gives its member ways of that
    key (``highway``, ``railway``, ``waterway``), or None when it is none of these routes."""
    kind = tags.get("type", "route")
    if kind == "route" and tags.get("route") == "road":
        route = _road_route(tags)
        return ("highway", *route) if route else None
    if kind in ("route", "route_master") and tags.get(kind) in RAIL_ROUTES:
        return "railway", [], _line_names(tags, tags[kind])
    if kind == "waterway":
        return "waterway", [], _names(tags)
    return None


def _line_names(tags, mode):
    """A rail route's names without their direction (``济南轨道交通3号线: 汉峪 => 滩头``:
    ``济南轨道交通3号线``); a metro route's bare ``ref`` (3, R3) names its line too (3号线).
    A train's number (``G1: 北京南 => 上海虹桥``) is no name: it would be the road code G1."""
    from geo.names import rail_line

    names = []
    for name in _names(tags):
        name = _DIRECTION.sub("", name)
        if name and name not in names and road_code(name) is None:
            names.append(name)
    ref = str(tags.get("ref", "")).strip()
    line = rail_line(f"{ref}号线" if ref.isdigit() else f"{ref}线") if ref and mode in _METRO_ROUTES else None
    if line and all(rail_line(name) != line for name in names):
        names.append(ref + ("号线" if ref.isdigit() else "线"))
    return names


def _road_route(tags):
    """``(codes, names)`` a road route relation with these tags gives its member ways (names
    that are codes, ``104国道``, among the codes), or None when it is no road route or has neither."""
    if tags.get("route") != "road" or tags.get("type", "route") != "route":
        return None
    names = _names(tags)
    codes = sorted(set(_route_codes(tags)) | {road_code(n) for n in names} - {None})
    names = [n for n in names if road_code(n) is None]
    return (codes, names) if codes or names else None


def _join_route(known, route):
    """Add a route's codes and names to ``known`` (a way's, from its other routes), each once."""
    for have, new in zip(known, route):
        have.extend(value for value in new if value not in have)


def _route_codes(tags):
    """The codes of a road route's ``ref``; a bare number (``ref=104``) gets the letter of its
    ``network`` (``CN:national``: G104)."""
    codes = set(_road_codes(tags))
    network = [part.lower() for part in str(tags.get("network", "")).split(":")]
    if network[0] != "cn":
        return sorted(codes)
    # CN:expressway is the national expressways' network, CN:SD:expressway a province's.
    letter = ("G" if len(network) == 2 else "S") if network[-1] == "expressway" else _NETWORK_LETTERS.get(network[-1])
    for value in _REF_SEPARATORS.split(str(tags.get("ref", ""))) if letter else ():
        if road_code(value) is None and road_code(letter + value.strip()):
            codes.add(road_code(letter + value.strip()))
    return sorted(codes)


def _with_routes(tags, routes):
    """A way's tags with the codes and names of its routes of its own kind (``{line key: (codes,
    names)}``, see :func:`_routes`): a tram route's names do not reach a street it runs on."""
    kind = next((k for k in LINE_KEYS if k in tags), None)
    if kind not in routes:
        return tags
    codes, names = routes[kind]
    tags = dict(tags)
    if codes:
        tags["ref"] = ";".join(filter(None, [tags.get("ref", "")] + codes))
    if names:
        tags[ROUTE_NAME_KEY] = ";".join(names)
    return tags


def _route_ways(source, ids):
    """The ways ``ids`` (members of routes without a name or ref of their own), read
    without node locations: :func:`_take` leaves them to :func:`_locate_incomplete`, which
    locates only their nodes (no second index of every node of a province)."""
    import osmium

    if not ids:
        return
    for way in _by_id(osmium.FileProcessor(str(source), osmium.osm.WAY), ids, osmium.osm.WAY):
        if way.id in ids:
            yield way


def _by_id(processor, ids, entity):
    """``processor`` letting through only the objects of kind ``entity`` whose id is in ``ids``,
    filtered by osmium (its id filter takes no negative ids, new objects in a JOSM file: then
    every object comes through, and the caller checks)."""
    import osmium

    if ids and min(ids) > 0:
        return processor.with_filter(osmium.filter.IdFilter(ids).enable_for(entity))
    return processor


def _locate_incomplete(path, incomplete, ways, areas, shapely, left_out):
    """Second pass for ways osmium's location index could not place.

    Node locations come from the nodes themselves (negative ids included) or from the
    coordinates Overpass writes on a way's ``<nd>`` elements. A node that is nowhere in
    the file cuts the way there: the parts on either side are kept, the gap is not
    bridged. A closed way (an area) is kept only when all its nodes are found.
    """
    import osmium

    wanted = {ref for *_, refs in incomplete.values() for ref in refs}
    found = {}
    processor = _by_id(osmium.FileProcessor(str(path), osmium.osm.NODE | osmium.osm.WAY), wanted, osmium.osm.NODE)
    for obj in _by_id(processor, set(incomplete), osmium.osm.WAY):
        if obj.is_node() and obj.id in wanted:
            if obj.location.valid():
                found[obj.id] = (obj.location.lon, obj.location.lat)
            elif obj.visible:
                left_out.add(obj.id)
        elif obj.id in incomplete:
            for node in obj.nodes:  # Overpass "out geom": each <nd> carries lat and lon
                if node.location.valid():
                    found.setdefault(node.ref, (node.location.lon, node.location.lat))
    for way_id, (names, tags, kind, line, refs) in sorted(incomplete.items()):
        coords = [found.get(ref) for ref in refs]
        if not line:
            if all(coords) and len(coords) >= 4:
                areas.append((names, tags, kind, f"w{way_id}", shapely.make_valid(shapely.Polygon(coords))))
            continue
        run = []
        for xy in [*coords, None]:
            if xy is None:
                _add_way(ways, names, kind, tags, way_id, run, shapely)
                run = []
            else:
                run.append(xy)


def _scan_xml(path):
    """One pass over an XML file: (type, id) of the objects JOSM marks ``action="delete"``
    (rarely any), and whether a coordinate is not a plain decimal number (``lat="abc"``,
    ``NaN``, ``1e308``: osmium stops at the first, or reads ``1e308`` as 0).

    Raises InputError when the file is an Overpass answer that says it is incomplete
    (``<remark> runtime error: Query timed out...``): its roads would be partial.
    """
    import bz2
    import gzip
    import xml.etree.ElementTree as ET
    import zlib

    name = Path(path).name.lower()
    if name.endswith((".pbf", ".o5m")) or is_geojson(path):
        return set(), False
    opener = gzip.open if name.endswith(".gz") else bz2.open if name.endswith(".bz2") else open
    try:
        marked, unreadable, remark, tail = False, False, None, b""
        with opener(path, "rb") as handle:
            while chunk := handle.read(1 << 22):
                text = tail + chunk
                marked = marked or b"action=" in text
                unreadable = unreadable or _ODD_COORDINATE.search(text) is not None
                if remark is None and b"<remark>" in text:
                    remark = text[text.index(b"<remark>") + 8:][:600]
                tail = chunk[-600:]
        if remark is not None:
            _refuse_incomplete(path, remark.split(b"</remark>")[0].decode("utf-8", "replace"))
        if not marked:
            return set(), unreadable
        deleted = set()
        with opener(path, "rb") as handle:
            for _, element in ET.iterparse(handle):
                if element.get("action") == "delete" and element.tag in ("node", "way", "relation"):
                    deleted.add((element.tag[0], int(element.get("id"))))
                if element.tag in ("node", "way", "relation"):
                    element.clear()
        return deleted, unreadable
    except (OSError, EOFError, ValueError, ET.ParseError, zlib.error):  # zlib.error: damaged gzip data
        return set(), False  # osmium's own reading reports what is wrong with the file


# A lat or lon attribute whose value is not a plain decimal (what every OSM writer writes).
_ODD_COORDINATE = re.compile(rb"""\s(?:lat|lon)\s*=\s*(["'])(?!-?\d{1,3}(?:\.\d+)?\1)""")
_COORDINATE = re.compile(rb"""\s(lat|lon)\s*=\s*(["'])(.*?)\2""")
_NODE_ELEMENT = re.compile(rb"<(node|nd)\b[^>]*>")
_ID = re.compile(rb"""\sid\s*=\s*["'](-?\d+)""")


def _without_unreadable_coordinates(path, folder, left_out):
    """A copy of an XML file whose ``node`` and ``nd`` elements lose coordinates that are not
    plain decimals, so that osmium reads the rest; the ids of such nodes go to ``left_out``."""
    import bz2
    import gzip

    name = Path(path).name.lower()
    opener = gzip.open if name.endswith(".gz") else bz2.open if name.endswith(".bz2") else open
    with opener(path, "rb") as handle:
        data = handle.read()

    def clean(match):
        element = match.group(0)
        values = [value for _, _, value in _COORDINATE.findall(element)]
        if not values or all(re.fullmatch(rb"-?\d{1,3}(?:\.\d+)?", v) for v in values):
            return element
        if match.group(1) == b"node" and (node_id := _ID.search(element)):
            left_out.add(int(node_id.group(1)))
        return _COORDINATE.sub(b"", element)

    clean_path = Path(folder) / "clean.osm"
    clean_path.write_bytes(_NODE_ELEMENT.sub(clean, data))
    return clean_path


def _refuse_incomplete(path, remark):
    """InputError when an Overpass answer's remark says it is incomplete (a timeout, a size limit)."""
    message = " ".join(remark.split())
    if "error" in message.lower():
        raise InputError(path, f"the Overpass API says its answer is incomplete ({message[:160]}); "
                               "ask for a smaller area or raise [timeout:...]/[maxsize:...]")


def is_overpass_json(path) -> bool:
    """True for an Overpass API answer in JSON (``[out:json]``), by its first bytes: an
    object whose ``elements`` list comes before any other list (GeoJSON's ``features``)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return re.match(rb'(?:\xef\xbb\xbf)?\s*\{[^\[]*"elements"\s*:\s*\[', head) is not None


_ELEMENT_ORDER = {"node": 0, "way": 1, "relation": 2}


def _overpass_xml(path, folder):
    """The XML form of an Overpass JSON answer (``out body``, ``out geom``, ``out skel``), as
    a file in ``folder``: one reader, osmium's, for both forms.

    Elements are written nodes, ways, relations, each by id. A coordinate that is not a
    number within ±90/±180 is left off, so that its node counts as one without valid
    coordinates. ``out center`` answers are refused, as in XML: they hold no way geometry.
    """
    from xml.sax.saxutils import quoteattr

    from geo.io import read_json

    data = read_json(path, kind="an Overpass answer")
    elements = data.get("elements") if isinstance(data, dict) else None
    if not isinstance(elements, list):
        raise InputError(path, "Overpass JSON has no 'elements' list")
    if isinstance(data.get("remark"), str):
        _refuse_incomplete(path, data["remark"])
    elements = [e for e in elements if isinstance(e, dict) and e.get("type") in _ELEMENT_ORDER
                and isinstance(e.get("id"), int)]
    if any("center" in e and "geometry" not in e for e in elements if e["type"] != "node"):
        raise InputError(path, _OUT_CENTER)
    lines = ["<?xml version='1.0' encoding='UTF-8'?>", '<osm version="0.6" generator="geo, from Overpass JSON">']
    for element in sorted(elements, key=lambda e: (_ELEMENT_ORDER[e["type"]], e["id"])):
        kind, attributes, children = element["type"], f' id="{element["id"]}"', []
        if kind == "node":
            attributes += _lat_lon_attributes(element)
        elif kind == "way":
            refs = [r for r in element.get("nodes") or [] if isinstance(r, int)]
            geometry = element.get("geometry") if isinstance(element.get("geometry"), list) else []
            geometry += [None] * (len(refs) - len(geometry))
            children = [f'<nd ref="{ref}"{_lat_lon_attributes(xy)}/>' for ref, xy in zip(refs, geometry)]
        else:
            children = [f'<member type={quoteattr(str(m.get("type")))} ref="{m["ref"]}" '
                        f'role={quoteattr(str(m.get("role") or ""))}/>'
                        for m in element.get("members") or [] if isinstance(m, dict) and isinstance(m.get("ref"), int)]
        tags = element.get("tags") if isinstance(element.get("tags"), dict) else {}
        children += [f"<tag k={quoteattr(str(k))} v={quoteattr(str(v))}/>" for k, v in tags.items() if v is not None]
        lines.append(f"<{kind}{attributes}>{''.join(children)}</{kind}>")
    lines.append("</osm>")
    xml_path = Path(folder) / "overpass.osm"
    xml_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return xml_path


def _lat_lon_attributes(element):
    """`` lat=".." lon=".."`` for an element with numeric coordinates in range, else ``""``."""
    import math

    if not isinstance(element, dict):
        return ""
    lat, lon = element.get("lat"), element.get("lon")
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in (lat, lon))
    if not numbers or abs(lat) > 90 or abs(lon) > 180:
        return ""
    return f' lat="{lat:.7f}" lon="{lon:.7f}"'


def is_geojson(path) -> bool:
    """True for a GeoJSON file (Overpass Turbo's "export as GeoJSON"), by its first bytes."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(256).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return head.startswith(b"{") or Path(path).suffix.lower() in (".geojson", ".json")


def is_osm_geojson(path) -> bool:
    """True for GeoJSON exported from OpenStreetMap (Overpass Turbo: ``@id`` "way/123", or its older ``tags``)."""
    from geo.io import parse_json

    if is_overpass_json(path):
        return True
    if not is_geojson(path):
        return False
    try:
        with open(path, "rb") as handle:
            data = parse_json(handle.read().decode("utf-8-sig"), path)
        first = (data.get("features") or [{}])[0].get("properties") or {}
    except (OSError, ValueError, InputError, AttributeError, IndexError, TypeError):
        return False  # the reader of the file says what is wrong with it
    return str(data.get("generator", "")).startswith("overpass") or "@id" in first or \
        (isinstance(first.get("tags"), dict) and first.get("type") in ("node", "way", "relation"))


def _read_geojson(path):
    """Overpass Turbo's GeoJSON export, read into the same ways, points and areas as an OSM file.

    Its properties are the OSM tags, with the object in ``@id`` ("way/123"); older
    exports nest them as ``{"type": "way", "id": 123, "tags": {...}}``.
    """
    import shapely

    from geo.io import read_feature_collection

    _, features = read_feature_collection(path)
    ways, points, areas = {}, [], []
    for number, feature in enumerate(features, 1):
        props, geom = feature["properties"], feature["geometry"]
        tags = props.get("tags") if isinstance(props.get("tags"), dict) else \
            {k: v for k, v in props.items() if not k.startswith("@") and k not in ("id", "type")}
        tags = {str(k): str(v) for k, v in tags.items() if v is not None}
        route = _geojson_routes(props)
        if route and geom is not None and geom.geom_type in ("LineString", "MultiLineString"):
            tags = _with_routes(tags, route)
        names = _names(tags)
        if not (names or _road_codes(tags) or tags.get(ROUTE_NAME_KEY)) or geom is None or geom.is_empty:
            continue
        osm_id = str(props.get("@id") or feature.get("id") or f"{props.get('type', 'feature')}/{props.get('id', number)}")
        kind_letter, _, number_text = osm_id.partition("/")
        object_id = f"{kind_letter[:1]}{number_text or number}"
        if geom.geom_type in ("LineString", "MultiLineString"):
            kind = next((k for k in LINE_KEYS if k in tags), None)
            for part in shapely.get_parts(geom) if kind and not _is_place(tags) else ():
                _add_line(ways, names, kind, tags, object_id, part)
        elif names and geom.geom_type == "Point":
            kind = next((k for k in POINT_KEYS if k in tags), None)
            if kind:
                points.append((names, tags, kind, object_id, geom))
        elif names and geom.geom_type in ("Polygon", "MultiPolygon"):
            kind = _area_kind(tags)
            if kind:
                areas.append((names, tags, kind, object_id, shapely.make_valid(geom)))
    if not features:
        raise InputError(path, "GeoJSON has no features")
    return ways, points, areas


def _geojson_routes(props):
    """``{line key: (codes, names)}`` of the routes an Overpass Turbo feature is a member of (its
    ``@relations`` property: ``[{"rel": 900, "role": "", "reltags": {...}}]``), or None."""
    known = {}
    for relation in props.get("@relations") or () if isinstance(props.get("@relations"), list) else ():
        reltags = relation.get("reltags") if isinstance(relation, dict) else None
        route = _route({str(k): str(v) for k, v in reltags.items()}) if isinstance(reltags, dict) else None
        if route and (route[1] or route[2]) and not _STOP_ROLES.match(str(relation.get("role") or "")):
            _join_route(known.setdefault(route[0], ([], [])), route[1:])
    return known or None


def _names(tags):
    """The object's names: its own name first, then the other values of NAME_KEYS, each once."""
    names = []
    for key in NAME_KEYS:
        for value in str(tags.get(key, "")).split(";"):
            value = value.strip()
            if value and value not in names:
                names.append(value)
    return names


def _is_place(tags):
    """True for a way that is a place, not a line, though tagged like one (:data:`AREA_TAGS`)."""
    return any(tags.get(key) in values for key, values in AREA_TAGS.items())


def _area_kind(tags):
    """The key that makes an area a feature (:data:`AREA_KEYS`, else :data:`AREA_TAGS`), or None."""
    return next((k for k in AREA_KEYS if k in tags), None) or \
        next((k for k, values in AREA_TAGS.items() if tags.get(k) in values), None)


def _station_names(names, tags):
    """A station's names and, for each Chinese one without 站, that name with it: OSM writes
    王府庄 and 济南西 for what reports call 王府庄站 and 济南西站 (never 王府庄路, 王府庄村)."""
    if not any(tags.get(key) == value for key, value in STATION_TAGS):
        return names
    more = [f"{n}站" for n in names if _CJK_END.search(n) and not n.endswith("站")]
    return names + [n for n in more if n not in names]


_CJK_END = re.compile(r"[\u4e00-\u9fff]$")


def _oneway(tags):
    """1 when the way is one-way in its drawn direction, -1 against it, 0 when two-way."""
    value = tags.get("oneway", "").strip().lower()
    if value in _ONEWAY:
        return _ONEWAY[value]
    if value == "no":
        return 0
    # Motorways and roundabouts are one-way without saying so.
    return 1 if tags.get("highway") == "motorway" or tags.get("junction") in ("roundabout", "circular") else 0


def _poi_entry(names, tags, geom, kind, ids, source):
    from geo.gazetteer import Entry

    # Land use, parks and water are areas; an amenity, shop or building outline is a facility.
    feature_type = "area" if kind in ("landuse", "leisure", "natural", "waterway") and geom.geom_type != "Point" \
        else "facility"
    names = _station_names(names, tags)
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
