"""OpenStreetMap extracts (.osm, .osm.pbf) as gazetteer entries: named roads, POIs and areas, read with pyosmium."""

from __future__ import annotations

import struct
from pathlib import Path

from geo import settings
from geo.io import InputError
from geo.names import normalise_name, road_code
from geo.osm_files import (OUT_CENTER, is_geojson, is_osm_geojson, is_overpass_json, overpass_xml, scan_xml,
                           without_unreadable_coordinates)
from geo.osm_order import node_storage
from geo.osm_roads import outside_entries, road_entries
from geo.osm_routes import ROUTE_NAME_KEY, by_id, geojson_routes, read_routes, route_ways, with_routes
from geo.osm_shapefiles import is_shapefile_extract, read_features, source_name
from geo.osm_sites import geojson_sites, is_site, osmium_sites, site_method
from geo.osm_tables import EXPECTED, is_osm_table, read_tables
from geo.osm_tables import source_name as table_source_name
from geo.safe_text import file_name
from geo.osm_tags import (LINE_KEYS, NAME_KEYS, PLACE_KEY, area_key, former_names, is_place, oneway_of, osm_category,
                          point_key, road_codes, station_names, tag_names)

__all__ = ["is_osm_geojson", "load_osm", "osm_category"]


def load_osm(path, outline=None, *, metric_crs=None, warnings=None, outside=None):
    """Read the named features of an OSM extract as gazetteer entries, streaming it with pyosmium.

    Parameters
    ----------
    path : path
        An OSM file: XML (.osm, also gzip- or bzip2-compressed; from JOSM, with negative
        ids and deletions, or from the Overpass API, ``out geom`` included), PBF
        (.osm.pbf), or Overpass Turbo's GeoJSON export; or Geofabrik's free shapefiles: the
        ``*-latest-free.shp.zip`` (read in place), a folder of its ``gis_osm_*_free_1.shp``
        layers, or one of them, their ``fclass`` read as OSM tags (BBBike's shapefile
        extracts alike; :mod:`geo.osm_shapefiles`); or a table of OSM features, told by its
        columns: GDAL's OSM layers (``ogr2ogr``, QGIS: ``osm_id``, key columns and the
        ``other_tags`` hstore) or QuickOSM's results (``full_id``, ``osm_type``), saved as
        GeoPackage, GeoJSON or Shapefiles (:mod:`geo.osm_tables`).
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
        ``short_name``, ``loc_name``; ``;``-separated values split) as aliases, and
        ``old_name`` as a former name (matched only where no entry bears the name now,
        :class:`geo.gazetteer.Entry`), sorted by name:

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
          relation's codes and names (:func:`geo.osm_routes.read_routes`); so does a member way of a
          rail line's route relation (``route=subway``..., and its ``route_master``: its
          name without a direction, ``济南轨道交通3号线``) or of a river's
          (``type=waterway``), named or not. Links
          (``motorway_link``...) are left out of a road that has other ways. Ways
          that do not touch stay separate parts. One-way
          ways of opposite directions within :data:`geo.settings.DUAL_CARRIAGEWAY_M`
          of each other (a dual carriageway) become their centre line, so a road is
          measured once (:func:`geo.lines.merge_ways`).
        * **POIs**: nodes with an amenity, shop, healthcare, tourism, man_made, power... tag become
          points; closed ways and multipolygon relations with such a tag become
          polygons (osmium's area handler): ``feature_type`` "area" for land use,
          leisure and natural features, "facility" otherwise. A way tagged as a station,
          a platform or a river's banks (:data:`AREA_TAGS`) is such an area, never a
          line; a station's Chinese names without 站 get it as aliases (王府庄: 王府庄站).
        * **sites**: a site relation (``type=site`` with such a tag: a school's or a museum's
          buildings, grounds and gates under one name, :mod:`geo.osm_sites`) is the union of
          its members' areas, or, when no member is an area, a point at their centre whose
          ``accuracy_m`` adds how far they spread; its ``method`` names the site relation.

        Each carries ``source`` (the file, © OpenStreetMap contributors, ODbL),
        ``source_datum`` wgs84, ``accuracy_m`` :data:`geo.settings.OSM_ACCURACY_M`,
        a ``category`` from its tags (the ``osm_tags`` column of ``geo/data/categories.csv``) and the OSM ids
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
    if not (path.is_dir() and is_shapefile_extract(path)):  # a folder of shapefiles is read as one extract
        check_input_file(path)
    from geo.osm_boundaries import shared_reading

    left_out, cut = set(), set()
    shared = shared_reading(path, read_window(outline))  # the boundary pass read the file for us
    ways, points, areas = shared[:3] if shared else _read(path, left_out, read_window(outline), warnings, cut)
    if shared:
        left_out, cut = shared[3:]
    if left_out:
        problem = f"{len(left_out)} node(s) with invalid coordinates (not a number, or beyond ±90/±180)"
        if not (ways or points or areas):
            raise InputError(path, f"nothing usable: {problem}")
        warn(f"{path}: left out {problem}", warnings)
    if cut:
        warn(f"{path}: {len(cut)} named way(s) use nodes the file does not hold (an extract cut at its edge, or "
             "edited by hand?): they are kept only between the nodes it has, an area not at all", warnings)
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
    extract = table_source_name(path) if is_osm_table(path, loose=True) else source_name(path) \
        if is_shapefile_extract(path) else f"OpenStreetMap extract {file_name(path)}"
    source = f"{extract} (© OpenStreetMap contributors, ODbL)"
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


def read_window(outline):
    """(west, south, east, north) in degrees: the outline's bounds widened by
    :data:`geo.settings.OSM_READ_BEYOND_M` on each side (None without an outline), beyond
    which :func:`_read` skips features unread."""
    import math

    if outline is None or outline.is_empty:
        return None
    metres = settings.OSM_READ_BEYOND_M
    west, south, east, north = outline.bounds
    dlat = metres / 111_320.0
    dlon = metres / (111_320.0 * max(math.cos(math.radians(max(abs(south), abs(north)))), 0.01))
    return west - dlon, south - dlat, east + dlon, north + dlat


def _read(path, left_out, window=None, warnings=None, cut=None):
    """Stream the file: named line ways by (name, kind), POI nodes, areas; plain Python values.

    With a ``window`` (:func:`read_window`), an OSM file's features lying wholly outside it are
    skipped before their tags are read: a province's or the country's extract costs little
    more than the district's own. Shapefiles (:mod:`geo.osm_shapefiles`) and tables of OSM
    features (:mod:`geo.osm_tables`) are read through GDAL's spatial filter on the window.

    Objects an editor marked deleted (``visible="false"``, JOSM's ``action="delete"``) are
    skipped. Ways whose nodes osmium could not locate (negative ids of a file saved by
    JOSM, Overpass ``out geom`` output with coordinates on the ways, nodes cut off by a
    bounding box) get a second, cheaper pass (:func:`_locate_incomplete`). An Overpass
    API JSON answer is read as the XML form of the same answer. The ids of nodes whose
    coordinates are not numbers or out of range are added to ``left_out``, and the ids of
    named ways using nodes the file does not hold to ``cut``.
    """
    import tempfile

    if is_osm_table(path, loose=True):
        return _taken(read_tables(path, window, warnings))
    if is_shapefile_extract(path):
        return _taken(read_features(path, window, warnings))
    if is_overpass_json(path):
        with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:
            return _read_osm(overpass_xml(path, Path(folder)), path, set(), left_out, window, cut)
    if is_geojson(path):
        if not is_osm_geojson(path):  # a gazetteer of the user's: no OSM tags to read
            from geo.io import read_feature_collection

            read_feature_collection(path)  # what is wrong with it, first
            raise InputError(path, f"GeoJSON without OSM ids or tags; {EXPECTED}")
        return _read_geojson(path, warnings)
    deleted, unreadable, inline, unordered = scan_xml(path)
    if inline:  # an Overpass 'out geom' answer with relations, or with areas: osmium reads its plain form
        with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:
            return _read_osm(overpass_xml(path, Path(folder)), path, deleted, left_out, window, cut)
    if not unreadable:
        return _read_osm(path, path, deleted, left_out, window, cut, unordered=unordered)
    with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:
        return _read_osm(without_unreadable_coordinates(path, Path(folder), left_out), path, deleted, left_out, window,
                         cut, unordered=unordered)


def _taken(features):
    """The ways, points and areas of ``(tags, object id, geometry)`` features (:func:`_take_feature`)."""
    ways, points, areas = {}, [], []
    for tags, object_id, geom in features:
        _take_feature(ways, points, areas, tags, object_id, geom)
    return ways, points, areas


def _read_osm(source, path, deleted, left_out, window=None, cut=None, admin=None, unordered=False):
    """:func:`_read` of an OSM file ``source`` that osmium reads; errors name ``path``, the user's file.
    ``admin`` (:func:`geo.osm_boundaries.read_admin_areas`' pass shared with this one) gets the
    administrative areas of its ``levels`` the area handler built, and whether it ran (``assembled``).
    Node locations are kept as :func:`geo.osm_order.node_storage` says (``unordered``: an XML
    file whose elements are out of order, :func:`geo.osm_files.scan_xml`)."""
    import osmium
    import shapely

    from geo import progress
    from geo.io import check_library_path

    if source == path:
        check_library_path(path, "osmium")

    wkb = osmium.geom.WKBFactory()
    try:
        storage = node_storage(source, unordered)
    except (RuntimeError, OSError, ValueError) as exc:
        raise InputError(path, f"not a readable OSM file ({_first_line(exc)})") from None
    for assemble_areas in (True, False):
        ways, points, areas, incomplete, sites = {}, [], [], {}, {}
        if admin is not None:
            admin.update(areas=[], assembled=assemble_areas)
        try:
            routes = read_routes(source, deleted)
            pending = set(routes)  # member ways of routes not yet read
            processor = osmium.FileProcessor(str(source)).with_locations(storage)
            if assemble_areas:
                # Only named multipolygons are assembled: the others would be dropped once built.
                processor = processor.with_areas(osmium.filter.KeyFilter(*NAME_KEYS))
            # Unnamed objects are never looked up, except roads known by their code (ref=G104).
            processor = processor.with_filter(osmium.filter.KeyFilter(*NAME_KEYS, "ref"))
            with progress.counter(f"reading {Path(path).name}", size_bytes=Path(source).stat().st_size) as advance:
                for obj in processor:
                    advance()
                    if obj.visible and (obj.type_str(), obj.id) not in deleted:
                        if obj.is_way():
                            pending.discard(obj.id)
                        _take(obj, ways, points, areas, incomplete, wkb, shapely, assemble_areas, left_out, routes,
                              window, sites=sites, admin=admin)
            # Unnamed ways of a route, named by it: their nodes were located in the pass above.
            storage = processor.node_location_storage
            for obj in route_ways(source, pending):
                if obj.visible and ("w", obj.id) not in deleted:
                    _take(obj, ways, points, areas, incomplete, wkb, shapely, assemble_areas, left_out, routes,
                          window, storage)
            if incomplete:
                _locate_incomplete(source, incomplete, ways, areas, shapely, left_out, window, cut)
            for site in osmium_sites(source, sites, storage, deleted, window) if sites else ():
                (points if site[-1].geom_type == "Point" else areas).append(site)
        except (RuntimeError, OSError, ValueError, osmium.InvalidLocationError) as exc:
            if assemble_areas and "out of order" in str(exc):
                # An editor's file (JOSM) not sorted by id: osmium cannot assemble multipolygons
                # from it; closed ways still become areas, by the second pass.
                continue
            raise InputError(path, f"not a readable OSM file ({_first_line(exc)})") from None
        return ways, points, areas


def _first_line(exc):
    from geo.io import error_line

    text = error_line(exc)
    if "<way>: center" in text or "<relation>: center" in text:
        text += f"; {OUT_CENTER}"
    return text


def _take(obj, ways, points, areas, incomplete, wkb, shapely, assemble_areas, left_out, routes=None, window=None,
          storage=None, sites=None, admin=None):
    """Keep one named OSM object (a road or river way, a POI node, an area), or a road known by
    its code; a way that is a member of routes (``routes``, :func:`geo.osm_routes.read_routes`: roads, rail lines,
    rivers) is read as if it carried their codes and names. An object wholly outside ``window``
    (:func:`read_window`) is skipped first. A way read without node locations has them looked up
    in ``storage`` (the first pass's location table), else in a second pass (``incomplete``). A named
    site relation (:func:`geo.osm_sites.is_site`) goes to ``sites``, read from its members once every
    object was seen (:func:`geo.osm_sites.osmium_sites`). An administrative area of ``admin``'s
    levels goes to its ``areas`` as ``(type letter, id, tags, WKB)`` (:func:`_read_osm`)."""
    stored = _stored_nodes(obj, storage) if storage is not None and obj.is_way() else None
    if window is not None and (_nodes_beyond(stored, window) if stored is not None else _beyond(obj, window, wkb)):
        return
    # Copy tags: pyosmium objects are only valid inside the iteration step.
    tags = {tag.k: tag.v for tag in obj.tags}
    if routes and obj.is_way() and obj.id in routes:
        tags = with_routes(tags, routes[obj.id])
    names = tag_names(tags)
    if not names and not (obj.is_way() and (road_codes(tags) or tags.get(ROUTE_NAME_KEY))):
        return
    if obj.is_node() and not obj.location.valid():  # lat="95", or coordinates _read took out
        left_out.add(obj.id)
    elif obj.is_node():
        kind = point_key(tags)
        if kind:
            points.append((names, tags, kind, f"n{obj.id}", shapely.Point(obj.location.lon, obj.location.lat)))
    elif obj.is_way():
        kind = next((k for k in LINE_KEYS if k in tags), None)
        line = kind and tags.get("area") != "yes" and not is_place(tags)
        area_kind = None if line else area_key(tags)
        if not (line or names):  # a route's unnamed member that is a place (a river's banks): no name of its own
            return
        nodes = stored or [(n.ref, (n.location.lon, n.location.lat) if n.location.valid() else None)
                           for n in obj.nodes]
        missing = any(xy is None for _, xy in nodes)
        closed = bool(nodes) and nodes[0][0] == nodes[-1][0]  # a way without nodes (Overpass out tags): none
        if missing or not (assemble_areas or stored):
            if line or (area_kind and closed):
                # osmium could not place every node: the second pass does (or cuts the way at the gaps).
                incomplete[obj.id] = (names, tags, kind if line else area_kind, bool(line), [ref for ref, _ in nodes])
        elif line:
            _add_way(ways, names, kind, tags, obj.id, [xy for _, xy in nodes], shapely)
        elif stored and area_kind and closed and len(nodes) >= 4:  # no area handler saw it: made here
            _add_area(areas, names, tags, area_kind, f"w{obj.id}", shapely.Polygon([xy for _, xy in nodes]))
    elif obj.is_relation():
        if sites is not None and is_site(tags):
            sites[obj.id] = (names, tags, [(member.type, member.ref, member.role) for member in obj.members])
    elif obj.is_area():
        if admin is not None and tags.get("boundary") == "administrative":
            _take_admin(obj, tags, wkb, admin)
        kind = area_key(tags)
        if kind and not (obj.from_way() and obj.orig_id() in incomplete):
            try:
                geom = shapely.from_wkb(wkb.create_multipolygon(obj))
            except RuntimeError:  # a broken multipolygon: osmium could not assemble its rings
                return
            if window is not None and _bounds_beyond(geom.bounds, window):
                return
            areas.append((names, tags, kind, f"{'w' if obj.from_way() else 'r'}{obj.orig_id()}", geom))


def _take_admin(area, tags, wkb, admin):
    from geo.osm_boundaries import area_read

    if area_read(tags, admin["levels"]):
        try:
            admin["areas"].append(("w" if area.from_way() else "r", area.orig_id(), tags, wkb.create_multipolygon(area)))
        except RuntimeError:  # rings osmium could not close (an extract cut through the boundary)
            pass


def _beyond(obj, window, wkb):
    """True for a node or way whose coordinates all lie outside ``window`` (west, south, east,
    north); a way with nodes not yet located is not (the second pass places it), and areas are
    judged once built (:func:`_take`)."""
    import osmium

    west, south, east, north = window
    if obj.is_node():
        location = obj.location
        return location.valid() and not (west <= location.lon <= east and south <= location.lat <= north)
    if not obj.is_way():
        return False
    try:
        raw = bytes.fromhex(wkb.create_linestring(obj))
    except (RuntimeError, osmium.InvalidLocationError):  # a node not located, or a single point
        return False
    # WKB of a linestring: byte order, type, number of points, then x y doubles (shapely's
    # reader costs more than the rest of the test for each of a country's ways).
    order = "<" if raw[0] == 1 else ">"
    xy = struct.unpack_from(f"{order}{2 * int.from_bytes(raw[5:9], 'little' if raw[0] == 1 else 'big')}d", raw, 9)
    return _bounds_beyond((min(xy[0::2]), min(xy[1::2]), max(xy[0::2]), max(xy[1::2])), window)


def _stored_nodes(way, storage):
    """``[(node id, (lon, lat) or None)]`` of a way's nodes, as ``storage`` (an osmium location
    table) has them."""
    nodes = []
    for node in way.nodes:
        try:
            location = storage.get(node.ref) if node.ref > 0 else None  # a new node of JOSM's: no index
        except KeyError:  # not in the file (cut off by a bounding box)
            location = None
        nodes.append((node.ref, (location.lon, location.lat) if location is not None and location.valid() else None))
    return nodes


def _nodes_beyond(nodes, window):
    """True when every node of ``nodes`` (:func:`_stored_nodes`) is located and none lies in ``window``."""
    if not nodes or any(xy is None for _, xy in nodes):
        return False
    xs, ys = [x for (_, (x, _)) in nodes], [y for (_, (_, y)) in nodes]
    return _bounds_beyond((min(xs), min(ys), max(xs), max(ys)), window)


def _bounds_beyond(bounds, window):
    """True when the box ``bounds`` and ``window`` (both west, south, east, north) do not meet."""
    return bounds[2] < window[0] or bounds[0] > window[2] or bounds[3] < window[1] or bounds[1] > window[3]


def _add_way(ways, names, kind, tags, way_id, coords, shapely):
    if len(coords) >= 2:
        _add_line(ways, names, kind, tags, f"w{way_id}", shapely.LineString(coords))


def _add_line(ways, names, kind, tags, object_id, line):
    """Keep a line way under its own name and, a road, under each code of its ``ref`` tag as
    well: the ways of G104 are one road called G104, whatever each is named locally. A way of
    a named route (``京沪高速公路``, ``济南轨道交通3号线``, ``小清河``; :func:`geo.osm_routes.read_routes`) is kept
    under that name too.

    Ways of links (``highway=motorway_link``..., also being built) are marked ``link``:
    :mod:`geo.osm_roads` leaves them out of a road that has other ways."""
    road = kind == "highway"
    oneway = oneway_of(tags) if road else 0
    highway = str(tags.get("highway", ""))
    # A ramp being built or planned is a link too (highway=construction + construction=motorway_link).
    built_as = str(tags.get(highway, "")) if highway in ("construction", "proposed") else highway
    link = road and built_as.endswith("_link")
    former = former_names(tags)

    def keep(name, spellings):
        ways.setdefault((name, kind), []).append({"line": line, "names": spellings, "id": object_id,
                                                  "oneway": oneway, "link": link,
                                                  "former": tuple(n for n in former if n in spellings)})

    # A road named by its code alone (309国道) is kept under the code's one form (G309).
    own_code = road_code(names[0]) if names and road else None
    if names and own_code is None:
        keep(names[0], names)
    for code in sorted(set(road_codes(tags) if road else ()) | {own_code} - {None}):
        keep(code, [code] + ([n for n in names if n != code] if code == own_code else []))
    own = {normalise_name(n) for n in names[:1]}
    for name in filter(None, str(tags.get(ROUTE_NAME_KEY, "")).split(";")):
        if normalise_name(name) not in own and (not road or road_code(name) is None):  # a code: kept above
            keep(name, [name])


def _locate_incomplete(path, incomplete, ways, areas, shapely, left_out, window=None, cut=None):
    """Second pass for ways osmium's location index could not place.

    Node locations come from the nodes themselves (negative ids included) or from the
    coordinates Overpass writes on a way's ``<nd>`` elements. A node that is nowhere in
    the file cuts the way there: the parts on either side are kept, the gap is not
    bridged. A closed way (an area) is kept only when all its nodes are found. The ids of the
    ways with a node found nowhere are added to ``cut``.
    """
    import osmium

    wanted = {ref for *_, refs in incomplete.values() for ref in refs}
    found = {}
    processor = by_id(osmium.FileProcessor(str(path), osmium.osm.NODE | osmium.osm.WAY), wanted, osmium.osm.NODE)
    for obj in by_id(processor, set(incomplete), osmium.osm.WAY):
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
        located = [xy for xy in coords if xy is not None]
        if window is not None and located and _bounds_beyond(
                (min(x for x, _ in located), min(y for _, y in located), max(x for x, _ in located),
                 max(y for _, y in located)), window):
            continue
        if cut is not None and any(xy is None and ref not in left_out for ref, xy in zip(refs, coords)):
            cut.add(way_id)  # (a node left out for its invalid coordinates has its own warning)
        if not line:
            if all(coords) and len(coords) >= 4:
                _add_area(areas, names, tags, kind, f"w{way_id}", shapely.Polygon(coords))
            continue
        run = []
        for xy in [*coords, None]:
            if xy is None:
                _add_way(ways, names, kind, tags, way_id, run, shapely)
                run = []
            else:
                run.append(xy)


def _read_geojson(path, warnings=None):
    """Overpass Turbo's GeoJSON export, read into the same ways, points and areas as an OSM file.

    Its properties are the OSM tags, with the object in ``@id`` ("way/123"); older
    exports nest them as ``{"type": "way", "id": 123, "tags": {...}}``.
    """
    from geo.io import read_feature_collection

    from geo.osm_files import one_feature_per_id

    _, features = read_feature_collection(path)
    features = one_feature_per_id(path, features, warnings)  # an object exported twice is one
    ways, points, areas = {}, [], []
    # A site relation is no feature of the export: its members list it (geo.osm_sites.geojson_sites).
    for tags, object_id, geom in geojson_sites([(f["properties"], f["geometry"]) for f in features]):
        _take_feature(ways, points, areas, tags, object_id, geom)
    for number, feature in enumerate(features, 1):
        props, geom = feature["properties"], feature["geometry"]
        tags = props.get("tags") if isinstance(props.get("tags"), dict) else \
            {k: v for k, v in props.items() if not k.startswith("@") and k not in ("id", "type")}
        tags = {str(k): str(v) for k, v in tags.items() if v is not None}
        route = geojson_routes(props)
        if route and geom is not None and geom.geom_type in ("LineString", "MultiLineString"):
            tags = with_routes(tags, route)
        osm_id = str(props.get("@id") or feature.get("id") or f"{props.get('type', 'feature')}/{props.get('id', number)}")
        kind_letter, _, number_text = osm_id.partition("/")
        _take_feature(ways, points, areas, tags, f"{kind_letter[:1]}{number_text or number}", geom)
    if not features:
        raise InputError(path, "GeoJSON has no features")
    return ways, points, areas


def _take_feature(ways, points, areas, tags, object_id, geom):
    """Keep one feature of a GeoJSON export, a shapefile or a table, its tags OSM's: a line (each part of a
    multi-line), a POI point, an area; or nothing, when it has no name (a road: nor code)."""
    import shapely

    names = tag_names(tags)
    if not (names or road_codes(tags) or tags.get(ROUTE_NAME_KEY)) or geom is None or geom.is_empty:
        return
    if geom.geom_type in ("LineString", "MultiLineString"):
        kind = next((k for k in LINE_KEYS if k in tags), None)
        for part in shapely.get_parts(geom) if kind and not is_place(tags) else ():
            _add_line(ways, names, kind, tags, object_id, part)
    elif names and geom.geom_type == "Point":
        kind = point_key(tags)
        if kind:
            points.append((names, tags, kind, object_id, geom))
    elif names and geom.geom_type in ("Polygon", "MultiPolygon"):
        kind = area_key(tags)
        if kind:
            _add_area(areas, names, tags, kind, object_id, geom)


def _add_area(areas, names, tags, kind, object_id, geom):
    """Keep an area, one drawn invalid made valid by its structure (as
    :func:`geo.boundary_checks.repair_polygons` repairs a user's: two parts that overlap are one, a
    hole is cut from its own shell only); one that collapses to no area at all is none."""
    import shapely

    if not geom.is_valid:
        geom = shapely.make_valid(geom, method="structure", keep_collapsed=False)
    if not geom.is_empty:
        areas.append((names, tags, kind, object_id, geom))


def _poi_entry(names, tags, geom, kind, ids, source):
    from geo.gazetteer import Entry

    # Land use, parks, water and places are areas; an amenity, shop or building outline is a facility.
    point = geom.geom_type == "Point"
    feature_type = "area" if kind in ("landuse", "leisure", "natural", "waterway", PLACE_KEY) and not point \
        else "facility"
    names = station_names(names, tags)
    former = former_names(tags)
    method = f"name match on OSM {kind} feature ({'node' if ids[0] == 'n' else 'area'} {ids[1:]})"
    accuracy = settings.OSM_PLACE_ACCURACY_M if kind == PLACE_KEY and point else settings.OSM_ACCURACY_M
    if kind == PLACE_KEY and point:
        method += f"; a {tags[PLACE_KEY]}'s node marks its centre"
    method, accuracy = site_method(tags, kind, ids) or (method, accuracy)
    return Entry(name=names[0], geometry=geom, source=source, method=method, source_datum="wgs84",
                 accuracy_m=accuracy,
                 tier="OSM extract",
                 aliases=tuple(n for n in names[1:] if n not in former), former_names=former,
                 feature_type=feature_type, category=osm_category(tags), extra={"osm_ids": ids})
