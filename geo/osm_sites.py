"""OSM site relations (``type=site``: a school's or a museum's buildings, grounds and gates under one name) as one area or point."""

from __future__ import annotations

from geo import settings
from geo.osm_tags import area_key, point_key

# Tag under which a site read from its members carries how its geometry was made (not an OSM key):
# "areas <n>" (the union of n member areas) or "centre <n> <metres>" (n members within metres of their centre).
SITE_KEY = "geo:site"


def is_site(tags) -> bool:
    """True for the tags of a site relation that names a kind of feature (a school, a museum):
    ``type=site`` and a key of :func:`geo.osm_tags.area_key` or :func:`geo.osm_tags.point_key`;
    a survey point's site (``site=geodesic``, no such key) is none."""
    return tags.get("type") == "site" and bool(area_key(tags) or point_key(tags))


def site_feature(tags, parts):
    """``(tags with SITE_KEY, geometry)`` of a site relation from its members' geometries, or None.

    Parameters
    ----------
    tags : dict
        The relation's tags (its names and kind).
    parts : list of shapely geometry
        Its members: a closed way as a polygon (or a ring, made one here), an open way as a line,
        a node as a point, a member multipolygon as its polygons; empty ones are no member.

    Returns
    -------
    tuple or None
        When members make areas, their union (a site's node members, a gate, add nothing);
        else a point at the centre of the members' coordinates (of their convex hull), its
        spread (the farthest member coordinate, in metres along the ellipsoid) stored in
        :data:`SITE_KEY` for :func:`site_method`. None when no member has a geometry.
    """
    import shapely
    from pyproj import Geod

    pieces = [p for part in parts if part is not None for p in shapely.get_parts(part) if not p.is_empty]
    areas = [_area(p) for p in pieces]
    areas = [a for a in areas if a is not None and not a.is_empty]
    if areas:
        return {**tags, SITE_KEY: f"areas {len(areas)}"}, shapely.union_all(areas).normalize()
    if not pieces:
        return None
    coords = shapely.get_coordinates(shapely.GeometryCollection(pieces))
    centre = shapely.MultiPoint(coords).convex_hull.centroid
    geod = Geod(ellps="WGS84")
    spread = max(geod.inv(centre.x, centre.y, x, y)[2] for x, y in coords)
    return {**tags, SITE_KEY: f"centre {len(pieces)} {spread:.0f}"}, shapely.Point(round(centre.x, 7),
                                                                                  round(centre.y, 7))


def _area(piece):
    """A member's area: a polygon made valid by its structure, a closed line's ring as a
    polygon; None for a line or a point."""
    import shapely

    if piece.geom_type == "LineString" and piece.is_closed and len(piece.coords) >= 4:
        piece = shapely.Polygon(piece.coords)
    if piece.geom_type != "Polygon":
        return None
    return piece if piece.is_valid else shapely.make_valid(piece, method="structure", keep_collapsed=False)


def site_method(tags, kind, object_id):
    """``(method, accuracy_m)`` of an entry read from a site relation (:data:`SITE_KEY` in its
    tags), or None for any other object."""
    made = str(tags.get(SITE_KEY, "")).split()
    if not made:
        return None
    relation = object_id[1:]
    if made[0] == "areas":
        return (f"name match on OSM {kind} site relation {relation} (type=site: the union of its {made[1]} member "
                "areas)", settings.OSM_ACCURACY_M)
    spread = float(made[2])
    return (f"name match on OSM {kind} site relation {relation} (type=site: a point at the centre of its {made[1]} "
            f"members, the farthest {spread:.0f} m from it)", round(settings.OSM_ACCURACY_M + spread))


def geojson_sites(features):
    """The site relations of an Overpass Turbo GeoJSON export, which writes no feature of a site
    but lists it in its members' ``@relations``: ``[(tags, "r<id>", geometry)]`` (:func:`site_feature`).

    ``features`` are ``(properties, geometry)`` pairs."""
    found = {}
    for props, geom in features:
        relations = props.get("@relations")
        for relation in relations if isinstance(relations, list) else ():
            reltags = relation.get("reltags") if isinstance(relation, dict) else None
            if not isinstance(reltags, dict) or not isinstance(relation.get("rel"), int):
                continue
            reltags = {str(k): str(v) for k, v in reltags.items() if v is not None}
            if is_site(reltags):
                found.setdefault(relation["rel"], (reltags, []))[1].append(geom)
    sites = []
    for relation_id, (tags, parts) in sorted(found.items()):
        made = site_feature(tags, parts)
        if made is not None:
            sites.append((made[0], f"r{relation_id}", made[1]))
    return sites


def table_site(tags, geom):
    """A site relation of GDAL's ``other_relations`` layer (its geometry the collection of its
    members') as ``(tags, geometry)`` (:func:`site_feature`), or None."""
    import shapely

    if not is_site(tags) or geom is None:
        return None
    return site_feature(tags, list(shapely.get_parts(geom)))


def osmium_sites(source, sites, storage, deleted=frozenset(), window=None):
    """The site relations of an OSM file osmium reads, from their members.

    Parameters
    ----------
    source : path
        The file.
    sites : dict
        ``relation id -> (names, tags, [(member type "n"/"w"/"r", ref, role)])`` of the named site
        relations (:func:`is_site`) the first pass met.
    storage : osmium location table or None
        The first pass's node locations; nodes it lacks (a JOSM file's new ones) are read again.
    deleted : set
        ``(type letter, id)`` of objects an editor marked deleted: no member.
    window : tuple, optional
        ``(west, south, east, north)``: a site wholly outside it is left out.

    Returns
    -------
    list of (names, tags, kind, object id, geometry)
        As :func:`geo.osm._read` keeps points and areas; tags carry :data:`SITE_KEY`.
    """
    import osmium
    import shapely

    from geo.osm_routes import by_id

    wanted = {ref for *_, members in sites.values() for kind, ref, _ in members if kind == "r"}
    multipolygons = {}  # a member multipolygon relation's ways, with their roles
    if wanted:
        for relation in by_id(osmium.FileProcessor(str(source), osmium.osm.RELATION), wanted, osmium.osm.RELATION):
            if relation.id in wanted and relation.visible and ("r", relation.id) not in deleted \
                    and relation.tags.get("type") in ("multipolygon", "boundary"):
                multipolygons[relation.id] = [(m.ref, m.role) for m in relation.members if m.type == "w"]
    way_ids = {ref for *_, members in sites.values() for kind, ref, _ in members if kind == "w"}
    way_ids |= {ref for ways in multipolygons.values() for ref, _ in ways}
    way_nodes, locations = {}, {}
    if way_ids:
        for way in by_id(osmium.FileProcessor(str(source), osmium.osm.WAY), way_ids, osmium.osm.WAY):
            if way.id in way_ids and way.visible and ("w", way.id) not in deleted:
                way_nodes[way.id] = [node.ref for node in way.nodes]
                for node in way.nodes:  # an Overpass answer's <nd> may carry its coordinates
                    if node.location.valid():
                        locations.setdefault(node.ref, (node.location.lon, node.location.lat))
    node_ids = {ref for refs in way_nodes.values() for ref in refs}
    node_ids |= {ref for *_, members in sites.values() for kind, ref, _ in members if kind == "n"}
    _locate(source, node_ids - set(locations), locations, storage, deleted)

    def way_line(ref):
        coords = [locations.get(node) for node in way_nodes.get(ref, ())]
        coords = [xy for xy in coords if xy is not None]
        return shapely.LineString(coords) if len(coords) >= 2 else shapely.Point(coords[0]) if coords else None

    found = []
    for relation_id, (names, tags, members) in sorted(sites.items()):
        parts = []
        for kind, ref, _ in members:
            if kind == "n" and ref in locations:
                parts.append(shapely.Point(locations[ref]))
            elif kind == "w":
                parts.append(way_line(ref))
            elif kind == "r" and ref in multipolygons:
                parts.append(_polygons([way_line(w) for w, role in multipolygons[ref] if role != "inner"],
                                       [way_line(w) for w, role in multipolygons[ref] if role == "inner"]))
        made = site_feature(tags, parts)
        if made is None:
            continue
        site_tags, geom = made
        west, south, east, north = geom.bounds
        if window is not None and (east < window[0] or west > window[2] or north < window[1] or south > window[3]):
            continue
        key = area_key(tags) if geom.geom_type != "Point" else point_key(tags)
        found.append((names, site_tags, key or area_key(tags) or point_key(tags), f"r{relation_id}", geom))
    return found


def _locate(source, wanted, locations, storage, deleted):
    """Add to ``locations`` the ``(lon, lat)`` of the nodes ``wanted``: from ``storage``, else read again."""
    import osmium

    from geo.osm_routes import by_id

    missing = set()
    for ref in wanted:
        try:
            location = storage.get(ref) if storage is not None and ref > 0 else None
        except KeyError:
            location = None
        if location is not None and location.valid():
            locations[ref] = (location.lon, location.lat)
        else:
            missing.add(ref)
    if not missing:
        return
    for node in by_id(osmium.FileProcessor(str(source), osmium.osm.NODE), missing, osmium.osm.NODE):
        if node.id in missing and node.visible and ("n", node.id) not in deleted and node.location.valid():
            locations[node.id] = (node.location.lon, node.location.lat)


def _polygons(outer, inner):
    """A member multipolygon's area from its outer and inner ways' lines (rings joined end to end)."""
    import shapely

    def rings(lines):
        lines = [line for line in lines if line is not None and line.geom_type == "LineString"]
        return shapely.union_all(list(shapely.get_parts(shapely.polygonize(lines)))) if lines else None

    shell, holes = rings(outer), rings(inner)
    if shell is None or shell.is_empty:
        return None
    return shell.difference(holes) if holes is not None and not holes.is_empty else shell
