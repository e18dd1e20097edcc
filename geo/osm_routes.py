"""Route relations of an OSM file (roads, rail lines, rivers): the codes and names they give their member ways."""

from __future__ import annotations

import re

from geo.names import road_code
from geo.osm_tags import LINE_KEYS, REF_SEPARATORS, road_codes, tag_names


# Tag under which a way read as a member of named road routes carries their names (not an OSM key).
ROUTE_NAME_KEY = "geo:route_name"
# The class letter of a road route whose ``ref`` is a bare number (``ref=104``), by the last
# part of its ``network`` tag: CN:national, CN:expressway (national), CN:SD:expressway
# (a province's), CN:provincial, CN:county...
_NETWORK_LETTERS = {"national": "G", "provincial": "S", "county": "X", "township": "Y", "village": "C"}


def read_routes(source, deleted=frozenset()):
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
            elif member.type == "r" and relation.tags.get("type") == "route_master":  # its routes
                # (only a route_master's: a river's relation listing its tributaries' is no master of theirs)
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
_METRO_ROUTES = ("subway", "light_rail", "monorail")  # a tram's 1 is 有轨电车1号线, not 地铁1号线
# Roles of a route's members that are not its course (PTv2: stop, stop_entry_only, platform...).
_STOP_ROLES = re.compile(r"(?:stop|platform)")
# The direction a route relation adds to its line's name: 济南轨道交通3号线: 汉峪 => 滩头,
# 济南地铁1号线 (方特 → 工研院), 3号线（汉峪-滩头）.
_ARROWS = r"(?:=>|->|→|⇒|－|—|–|-|~|～|至|到)"
_ARROW = re.compile(_ARROWS)
_LAST_BRACKETS = re.compile(r"[(（]([^()（）]*)[)）]\s*$")


def _without_direction(name):
    """``name`` without the direction a route relation adds to it (see :data:`_ARROWS`): from its
    first colon when an arrow follows, or its last brackets when they hold an arrow. Linear in the
    name (a pattern searched from every colon was quadratic: minutes for a damaged 100 KB name)."""
    colon = re.search(r"[:：]", name)
    if colon and _ARROW.search(name, colon.end()):
        return name[:colon.start()].rstrip()
    brackets = _LAST_BRACKETS.search(name)
    if brackets and _ARROW.search(brackets.group(1)):
        return name[:brackets.start()].rstrip()
    return name


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
        return "waterway", [], tag_names(tags)
    return None


def _line_names(tags, mode):
    """A rail route's names without their direction (``济南轨道交通3号线: 汉峪 => 滩头``:
    ``济南轨道交通3号线``); a metro route's bare ``ref`` (3, R3) names its line too (3号线).
    A train's number (``G1: 北京南 => 上海虹桥``) is no name: it would be the road code G1; a
    metro line whose name reads as a road code too (``S1线``: the road S1) is named ``地铁S1线``."""
    from geo.names import rail_line

    metro = mode in _METRO_ROUTES
    names = []
    for name in tag_names(tags):
        name = _without_direction(name)
        if road_code(name) is not None:
            # S1线 is a metro line's name as well as the road code S1: the line in its own form.
            name = rail_line(name) if metro else None
        if name and name not in names:
            names.append(name)
    ref = str(tags.get("ref", "")).strip()
    line = rail_line(f"{ref}号线" if ref.isdigit() else f"{ref}线") if ref and metro else None
    if line and all(rail_line(name) != line for name in names):
        bare = ref + ("号线" if ref.isdigit() else "线")
        names.append(line if road_code(bare) else bare)  # S1线 would be the road S1: 地铁S1线
    return names


def _road_route(tags):
    """``(codes, names)`` a road route relation with these tags gives its member ways (names
    that are codes, ``104国道``, among the codes), or None when it is no road route or has neither."""
    if tags.get("route") != "road" or tags.get("type", "route") != "route":
        return None
    names = tag_names(tags)
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
    codes = set(road_codes(tags))
    network = [part.lower() for part in str(tags.get("network", "")).split(":")]
    if network[0] != "cn":
        return sorted(codes)
    # CN:expressway is the national expressways' network, CN:SD:expressway a province's.
    letter = ("G" if len(network) == 2 else "S") if network[-1] == "expressway" else _NETWORK_LETTERS.get(network[-1])
    for value in REF_SEPARATORS.split(str(tags.get("ref", ""))) if letter else ():
        if road_code(value) is None and road_code(letter + value.strip()):
            codes.add(road_code(letter + value.strip()))
    return sorted(codes)


def with_routes(tags, routes):
    """A way's tags with the codes and names of its routes of its own kind (``{line key: (codes,
    names)}``, see :func:`read_routes`): a tram route's names do not reach a street it runs on."""
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


# The value a line standing for a route's course gets under its key (OSM's own "unknown kind").
_COURSE_VALUES = {"highway": "road", "railway": "rail", "waterway": "river"}


def course_tags(tags):
    """The tags of a line standing for part of the course of the route relation with these tags
    (``{"highway": "road"}`` for a road route), or ``{}`` when it is no road, rail or river route."""
    route = _route(tags)
    return {route[0]: _COURSE_VALUES[route[0]]} if route else {}


def table_routes(features, relations):
    """A table's features, with what its route relations give their member ways.

    A table of OSM features (GDAL's OSM layers, QuickOSM's) holds a relation with its course
    (GDAL's ``multilinestrings`` layer: one line per member way) but no member list. A way
    drawn exactly as a part of the course of a road, rail or river route
    (:func:`read_routes`) is its member: it gets the route's codes and names
    (:func:`with_routes`). The parts no way read matches (members without a name or ref of
    their own, which the table's reader leaves unread) are kept as lines of the relation,
    carrying its codes and names: ``(line tags, "r<id>", part)``.

    Parameters
    ----------
    features : list of (dict, str, shapely geometry)
        ``(tags, object id, geometry)`` of the ways, nodes and areas read.
    relations : list of (dict, str, shapely geometry)
        The same of relations whose geometry is lines; those that are no such route are
        features as they are.
    """
    import shapely

    features, parts, found = list(features), {}, []
    for tags, object_id, geom in relations:
        route = _route(tags)
        if route is None or not (route[1] or route[2]):
            features.append((tags, object_id, geom))
            continue
        for part in shapely.get_parts(geom):
            parts.setdefault(_line_key(part), []).append(route)
            found.append((route, object_id, part))
    if not parts:
        return features
    out, matched = [], set()
    for tags, object_id, geom in features:
        routes, line = {}, next((k for k in LINE_KEYS if k in tags), None)
        if line and object_id.startswith("w") and geom is not None and geom.geom_type == "LineString":
            for kind, codes, names in parts.get(_line_key(geom), ()):
                if kind == line:  # a tram route's names do not reach the street it runs on
                    _join_route(routes.setdefault(kind, ([], [])), (codes, names))
            if routes:
                matched.add((line, _line_key(geom)))
        out.append((with_routes(tags, routes) if routes else tags, object_id, geom))
    for (kind, codes, names), object_id, part in found:
        if (kind, _line_key(part)) not in matched:
            out.append((with_routes({kind: _COURSE_VALUES[kind]}, {kind: (codes, names)}), object_id, part))
    return out


def _line_key(line):
    """A line's coordinates, the same whichever way it is drawn (a way and its copy in a course)."""
    import shapely

    coords = tuple(map(tuple, shapely.get_coordinates(line).round(7)))
    return min(coords, coords[::-1])


def route_ways(source, ids):
    """The ways ``ids`` (members of routes without a name or ref of their own), read
    without node locations: :func:`geo.osm_osmium._take` looks their nodes up in the first pass's
    location table, and leaves those it has not (new nodes of a JOSM file, negative ids; nodes
    cut off) to :func:`geo.osm_osmium.locate_incomplete`."""
    import osmium

    if not ids:
        return
    for way in by_id(osmium.FileProcessor(str(source), osmium.osm.WAY), ids, osmium.osm.WAY):
        if way.id in ids:
            yield way


def by_id(processor, ids, entity):
    """``processor`` letting through only the objects of kind ``entity`` whose id is in ``ids``,
    filtered by osmium (its id filter takes no negative ids, new objects in a JOSM file: then
    every object comes through, and the caller checks)."""
    import osmium

    if ids and min(ids) > 0:
        return processor.with_filter(osmium.filter.IdFilter(ids).enable_for(entity))
    return processor


def geojson_routes(props):
    """``{line key: (codes, names)}`` of the routes an Overpass Turbo feature is a member of (its
    ``@relations`` property: ``[{"rel": 900, "role": "", "reltags": {...}}]``), or None."""
    known = {}
    for relation in props.get("@relations") or () if isinstance(props.get("@relations"), list) else ():
        reltags = relation.get("reltags") if isinstance(relation, dict) else None
        route = _route({str(k): str(v) for k, v in reltags.items()}) if isinstance(reltags, dict) else None
        if route and (route[1] or route[2]) and not _STOP_ROLES.match(str(relation.get("role") or "")):
            _join_route(known.setdefault(route[0], ([], [])), route[1:])
    return known or None
