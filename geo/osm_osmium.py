"""OSM files read with pyosmium: named ways, POI nodes and areas (multipolygons assembled by osmium; from a sorted copy when the file's ids are out of order), in one pass over the file, and a second pass placing the ways its location index could not."""

from __future__ import annotations

import struct
from pathlib import Path

from geo.io import InputError
from geo.osm_features import add_area, add_way
from geo.osm_files import OUT_CENTER
from geo.osm_order import (OWN_ID, check_history, check_history_header, negative_ids, node_storage, repeated_ids,
                            sorted_copy)
from geo.osm_routes import ROUTE_NAME_KEY, by_id, read_routes, route_ways, with_routes
from geo.osm_sites import is_site, osmium_sites
from geo.osm_tags import LINE_KEYS, NAME_KEYS, area_key, is_place, point_key, road_codes, tag_names


def read_osm(source, path, deleted, left_out, window=None, cut=None, admin=None, unordered=False, negative=None):
    """:func:`geo.osm._read` of an OSM file ``source`` that osmium reads; errors name ``path``, the user's file.
    ``admin`` (:func:`geo.osm_boundaries.read_admin_areas`' pass shared with this one) gets the
    administrative areas of its ``levels`` the area handler built, and whether it ran (``assembled``),
    and the named ``boundary=administrative`` relations the file holds (``relations``: id to admin_level).
    Node locations are kept as :func:`geo.osm_order.node_storage` says (``unordered``: an XML
    file whose elements are out of order, :func:`geo.osm_files.scan_xml`). The named multipolygon
    relations osmium cannot assemble from the file as it is (ids out of order; ``negative``: it holds
    JOSM's new objects, :func:`geo.osm_order.negative_ids`, looked up when None) are assembled from a
    sorted copy of them (:func:`_copied_areas`)."""
    import osmium
    import shapely

    from geo import progress
    from geo.io import check_library_path

    if source == path:
        check_library_path(path, "osmium")

    wkb = osmium.geom.WKBFactory()
    try:
        check_history_header(source, path)
        storage = node_storage(source, unordered)
        negative = negative_ids(source) if negative is None else negative
    except (RuntimeError, OSError, ValueError, osmium.InvalidLocationError) as exc:  # a lon of '400' in a node pass
        raise InputError(path, f"not a readable OSM file ({_first_line(exc)})") from None
    for assemble_areas in (True, False):
        ways, points, areas, incomplete, sites = {}, [], [], {}, {}
        polygons = {"named": {}, "built": set()}  # named multipolygon relations, and those osmium assembled
        if admin is not None:
            admin.update(areas=[], assembled=assemble_areas, relations={})
        try:
            routes = read_routes(source, deleted)
            pending = set(routes)  # member ways of routes not yet read
            processor = osmium.FileProcessor(str(source)).with_locations(storage)
            if assemble_areas:
                # Only named multipolygons are assembled: the others would be dropped once built.
                processor = processor.with_areas(osmium.filter.KeyFilter(*NAME_KEYS))
            # Unnamed objects are never looked up, except roads known by their code (ref=G104).
            processor = processor.with_filter(osmium.filter.KeyFilter(*NAME_KEYS, "ref"))
            last = None  # the object read before: a history file gives its versions one after the other
            with progress.counter(f"reading {Path(path).name}", size_bytes=Path(source).stat().st_size) as advance:
                for obj in processor:
                    advance()
                    last = check_history(source, path, last, obj)
                    if obj.visible and (obj.type_str(), obj.id) not in deleted:
                        if obj.is_way():
                            pending.discard(obj.id)
                        _take(obj, ways, points, areas, incomplete, wkb, shapely, assemble_areas, left_out, routes,
                              window, sites=sites, admin=admin, polygons=polygons)
            # Unnamed ways of a route, named by it: their nodes were located in the pass above.
            storage = processor.node_location_storage
            for obj in route_ways(source, pending):
                if obj.visible and ("w", obj.id) not in deleted:
                    _take(obj, ways, points, areas, incomplete, wkb, shapely, assemble_areas, left_out, routes,
                          window, storage)
            if incomplete:
                locate_incomplete(source, incomplete, ways, areas, shapely, left_out, window, cut)
            for site in osmium_sites(source, sites, storage, deleted, window) if sites else ():
                (points if site[-1].geom_type == "Point" else areas).append(site)
            partial = {}  # relations assembled from the member ways the file holds, without the others
            if negative or not assemble_areas:  # relations osmium could not assemble: from a sorted copy
                areas += _new_areas(areas, _copied_areas(source, deleted, window, polygons["built"],
                                                         partial=partial))
            unbuilt = [number for number in polygons["named"] if f"r{number}" not in polygons["built"]]
            if unbuilt and min(unbuilt) > 0:  # a member way the file lacks (cut from it): the rings it holds
                areas += _new_areas(areas, _copied_areas(source, deleted, window, polygons["built"], unbuilt,
                                                         partial))
            if cut is not None:  # a member way missing (cut from the extract), or rings that do not close
                cut.update(("r", number, name) for number, name in polygons["named"].items()
                           if f"r{number}" not in polygons["built"])
                cut.update(("part", number, polygons["named"][number], tuple(roles))
                           for number, roles in partial.items() if number in polygons["named"])
        except (RuntimeError, OSError, ValueError, osmium.InvalidLocationError) as exc:
            if assemble_areas and ("out of order" in str(exc) or "twice in input" in str(exc)):
                # Ids not ascending (an editor's file, JOSM's new objects; files merged unsorted), or an
                # object given twice (files joined, the answers of two Overpass queries): osmium cannot
                # assemble multipolygons from it. Closed ways still become areas, by the second pass,
                # and named multipolygon relations are assembled from a sorted copy of them.
                if "twice in input" in str(exc):  # (a file out of order: not looked for)
                    repeated = repeated_ids(source, path)  # refused when they are versions: a history file
                    if cut is not None:
                        cut.update(("twice", kind, number) for kind, number in repeated)
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
          storage=None, sites=None, admin=None, polygons=None):
    """Keep one named OSM object (a road or river way, a POI node, an area), or a road known by
    its code; a way that is a member of routes (``routes``, :func:`geo.osm_routes.read_routes`: roads, rail lines,
    rivers) is read as if it carried their codes and names. An object wholly outside ``window``
    (:func:`geo.osm.read_window`) is skipped first. A way read without node locations has them looked up
    in ``storage`` (the first pass's location table), else in a second pass (``incomplete``). A named
    site relation (:func:`geo.osm_sites.is_site`) goes to ``sites``, read from its members once every
    object was seen (:func:`geo.osm_sites.osmium_sites`). An administrative area of ``admin``'s
    levels goes to its ``areas`` as ``(type letter, id, tags, WKB)`` (:func:`read_osm`). ``polygons``
    gets the named multipolygon relations of areas (``named``: id to name) and the ids of the areas
    osmium assembled, within ``window`` or not (``built``: ``r12``)."""
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
            add_way(ways, names, kind, tags, obj.id, [xy for _, xy in nodes], shapely)
        elif stored and area_kind and closed and len(nodes) >= 4:  # no area handler saw it: made here
            add_area(areas, names, tags, area_kind, f"w{obj.id}", shapely.Polygon([xy for _, xy in nodes]))
    elif obj.is_relation():
        if admin is not None and tags.get("boundary") == "administrative":
            admin["relations"][obj.id] = tags.get("admin_level", "")  # built or not: the caller tells them apart
        if polygons is not None and tags.get("type") in ("multipolygon", "boundary") and area_key(tags):
            polygons["named"][obj.id] = names[0]
        if sites is not None and is_site(tags):
            sites[obj.id] = (names, tags, [(member.type, member.ref, member.role) for member in obj.members])
    elif obj.is_area():
        if admin is not None and tags.get("boundary") == "administrative":
            _take_admin(obj, tags, wkb, admin)
        kind = area_key(tags)
        if kind and not (obj.from_way() and obj.orig_id() in incomplete):
            area = _area(obj, names, tags, kind, wkb, shapely, window, built=polygons and polygons["built"])
            if area is not None:
                areas.append(area)


def _area(area, names, tags, kind, wkb, shapely, window, own_id=None, built=None):
    """``(names, tags, kind, object id, geometry)`` of an area osmium built, its object id ``w12`` or
    ``r34`` (``own_id``: the number of the object it was built from, else osmium's); None when osmium
    could not assemble its rings (a broken multipolygon) or it lies outside ``window``. The ids of
    those it assembled go to ``built``, if given, wherever they lie."""
    try:
        geom = shapely.from_wkb(wkb.create_multipolygon(area))
    except RuntimeError:
        return None
    if built is not None:
        built.add(f"{'w' if area.from_way() else 'r'}{own_id or area.orig_id()}")
    if window is not None and _bounds_beyond(geom.bounds, window):
        return None
    return names, tags, kind, f"{'w' if area.from_way() else 'r'}{own_id or area.orig_id()}", geom


def _new_areas(areas, more):
    """The areas of ``more`` whose object is none of ``areas``'."""
    built = {area[3] for area in areas}
    return [area for area in more if area[3] not in built]


def _copied_areas(source, deleted, window, built=None, only=None, partial=None):
    """The areas of the named multipolygon relations (``type=multipolygon`` or ``boundary`` with an
    area's tag: a park, a campus) of an OSM file osmium's area assembly refused for its ids out of
    order, or (``only``: their ids) refused for a member way the file lacks, assembled from a sorted
    copy of them, of the member ways it holds and their nodes (:func:`geo.osm_order.sorted_copy`),
    under their own ids; as :func:`_take` keeps areas. A relation whose rings close without the
    member ways the file lacks (an inner ring's, or a whole outer ring's: an extract cut at its edge)
    is kept, the roles of those ways in ``partial``; one with a member way cut short is not (its
    rings would close across the gap, a false outline)."""
    import tempfile

    import osmium
    import shapely

    polygons = [osmium.filter.KeyFilter(*NAME_KEYS), osmium.filter.TagFilter(("type", "multipolygon"),
                                                                             ("type", "boundary"))]
    if only is not None:
        polygons.append(osmium.filter.IdFilter(only))
    wkb, areas, dropped = osmium.geom.WKBFactory(), [], {}
    with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:
        copy = sorted_copy(source, Path(folder), deleted, polygons, keep=area_key, dropped=dropped)
        processor = (osmium.FileProcessor(str(copy)).with_locations(node_storage(copy))
                     .with_areas(osmium.filter.KeyFilter(*NAME_KEYS))
                     .with_filter(osmium.filter.EntityFilter(osmium.osm.AREA)))
        for obj in processor:
            tags = {tag.k: tag.v for tag in obj.tags}
            own_id = tags.pop(OWN_ID)
            lost = () if obj.from_way() else dropped.get(int(own_id), ())
            if "cut" in lost:
                continue
            names, kind = tag_names(tags), area_key(tags)
            area = _area(obj, names, tags, kind, wkb, shapely, window, own_id, built) if names and kind else None
            if area is not None:
                areas.append(area)
                if lost and partial is not None:
                    partial[int(own_id)] = lost
    return areas


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


def locate_incomplete(path, incomplete, ways, areas, shapely, left_out, window=None, cut=None):
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
        elif obj.is_way() and obj.id in incomplete:
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
                add_area(areas, names, tags, kind, f"w{way_id}", shapely.Polygon(coords))
            continue
        run = []
        for xy in [*coords, None]:
            if xy is None:
                add_way(ways, names, kind, tags, way_id, run, shapely)
                run = []
            else:
                run.append(xy)
