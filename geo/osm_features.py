"""Named OSM features as the gazetteer's raw ways, points and areas: lines kept under their names, road codes and routes, areas made valid, and the features of GeoJSON exports, shapefiles and tables sorted into them."""

from __future__ import annotations

import re

from geo.io import InputError
from geo.names import normalise_name, road_code
from geo.osm_routes import ROUTE_NAME_KEY, geojson_routes, with_routes
from geo.osm_sites import geojson_sites
from geo.osm_tags import (LINE_KEYS, area_key, former_names, is_place, oneway_of, point_key, road_codes, square_key,
                          tag_names)


def taken(features):
    """The ways, points and areas of ``(tags, object id, geometry)`` features (:func:`take_feature`)."""
    ways, points, areas = {}, [], []
    for tags, object_id, geom in features:
        take_feature(ways, points, areas, tags, object_id, geom)
    return ways, points, areas


def take_feature(ways, points, areas, tags, object_id, geom):
    """Keep one feature of a GeoJSON export, a shapefile or a table, its tags OSM's: a line (each part of a
    multi-line), a POI point, an area; or nothing, when it has no name (a road: nor code)."""
    import shapely

    names = tag_names(tags)
    if not (names or road_codes(tags) or tags.get(ROUTE_NAME_KEY)) or geom is None or geom.is_empty:
        return
    if geom.geom_type in ("LineString", "MultiLineString"):
        kind = next((k for k in LINE_KEYS if k in tags), None)
        for part in shapely.get_parts(geom) if kind and not is_place(tags) else ():
            add_line(ways, names, kind, tags, object_id, part)
    elif names and geom.geom_type == "Point":
        kind = point_key(tags)
        if kind:
            points.append((names, tags, kind, object_id, geom))
    elif names and geom.geom_type in ("Polygon", "MultiPolygon"):
        # A highway the export drew as a polygon is an area (a square): GDAL drops area=yes from its tags.
        kind = area_key(tags) or square_key({**tags, "area": "yes"})
        if kind:
            add_area(areas, names, tags, kind, object_id, geom)


def add_line(ways, names, kind, tags, object_id, line):
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

    def keep(name, spellings, **more):
        ways.setdefault((name, kind), []).append({"line": line, "names": spellings, "id": object_id,
                                                  "oneway": oneway, "link": link,
                                                  "former": tuple(n for n in former if n in spellings), **more})

    if road:
        names = with_bracketed_bases(names)
    # A road named by its code alone (309国道) is kept under the code's one form (G309).
    own_code = road_code(names[0]) if names and road else None
    if names and own_code is None:
        keep(names[0], names)
    for code in sorted(set(road_codes(tags) if road else ()) | {own_code} - {None}):
        keep(code, [code] + ([n for n in names if n != code] if code == own_code else []))
    if road and (bridge := bridge_name(names, tags)) is not None:  # 白石路桥: the bridge way of 白石路
        keep(bridge, [bridge], bridge_of=names[0] if names else "")
    own = {normalise_name(n) for n in names[:1]}
    for name in filter(None, str(tags.get(ROUTE_NAME_KEY, "")).split(";")):
        if normalise_name(name) not in own and (not road or road_code(name) is None):  # a code: kept above
            keep(name, [name])


def bridge_name(names, tags):
    """The name of a road's bridge way (``bridge`` tagged, not ``no``) when it is not the way's own: its
    ``bridge:name`` (岚溪大桥), else the road's name and 桥 (白石路桥: a report names a bridge after its road,
    OSM draws it as the road's way); None for no bridge, or a way named as a bridge (…桥) already."""
    if str(tags.get("bridge", "no")).lower() in ("no", "false", "0"):
        return None
    named = str(tags.get("bridge:name", "")).strip()
    if named:
        return None if names and normalise_name(named) == normalise_name(names[0]) else named
    own = names[0] if names else ""
    return f"{own}桥" if own.endswith(("路", "街", "道", "大道")) else None


# A road's name with a qualifier in brackets after it, as mappers in China write a section or a stage
# into the name: 体育东路（北段）, 科韵路(北延段), 广园快速路【在建】. The name before the brackets is the road's.
_BRACKETED = re.compile(r"^(.{2,}?(?:路|街|大道|公路|道|巷|桥|隧道|线))\s*[（(【\[][^（()）【】\[\]]+[）)】\]]$")


def with_bracketed_bases(names):
    """A road's ``names`` and, for each with a bracketed qualifier (:data:`_BRACKETED`), the name before it,
    after them: a report's 体育东路 is OSM's 体育东路（北段）."""
    bases = [match.group(1) for match in map(_BRACKETED.match, names) if match]
    return list(names) + [base for base in dict.fromkeys(bases) if base not in names]


def add_way(ways, names, kind, tags, way_id, coords, shapely):
    if len(coords) >= 2:
        add_line(ways, names, kind, tags, f"w{way_id}", shapely.LineString(coords))


def add_area(areas, names, tags, kind, object_id, geom):
    """Keep an area, one drawn invalid made valid by its structure (as
    :func:`geo.boundary_checks.repair_polygons` repairs a user's: two parts that overlap are one, a
    hole is cut from its own shell only); one that collapses to no area at all is none."""
    import shapely

    if not geom.is_valid:
        geom = shapely.make_valid(geom, method="structure", keep_collapsed=False)
    if not geom.is_empty:
        areas.append((names, tags, kind, object_id, geom))


def read_geojson(path, warnings=None):
    """Overpass Turbo's GeoJSON export, read into the same ways, points and areas as an OSM file.

    Its properties are the OSM tags, with the object in ``@id`` ("way/123"); older
    exports nest them as ``{"type": "way", "id": 123, "tags": {...}}``. Features sharing an
    ``@id`` are one object, the first kept (``warnings`` gets those that differ named).
    """
    from geo.geojson_read import read_feature_collection
    from geo.osm_files import geojson_osm_id, one_feature_per_id

    _, features = read_feature_collection(path)
    features = one_feature_per_id(path, features, warnings)  # an object exported twice is one
    ways, points, areas = {}, [], []
    # A site relation is no feature of the export: its members list it (geo.osm_sites.geojson_sites).
    for tags, object_id, geom in geojson_sites([(f["properties"], f["geometry"]) for f in features]):
        take_feature(ways, points, areas, tags, object_id, geom)
    for number, feature in enumerate(features, 1):
        props, geom = feature["properties"], feature["geometry"]
        tags = props.get("tags") if isinstance(props.get("tags"), dict) else \
            {k: v for k, v in props.items() if not k.startswith("@") and k not in ("id", "type")}
        tags = {str(k): str(v) for k, v in tags.items() if v is not None}
        route = geojson_routes(props)
        if route and geom is not None and geom.geom_type in ("LineString", "MultiLineString"):
            tags = with_routes(tags, route)
        osm_id = geojson_osm_id(feature) or f"{props.get('type', 'feature')}/{props.get('id', number)}"
        kind_letter, _, number_text = osm_id.partition("/")
        take_feature(ways, points, areas, tags, f"{kind_letter[:1]}{number_text or number}", geom)
    if not features:
        raise InputError(path, "GeoJSON has no features")
    return ways, points, areas
