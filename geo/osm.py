"""OpenStreetMap extracts (.osm, .osm.pbf) as gazetteer entries: named roads, POIs and areas, read with pyosmium."""

from __future__ import annotations

from pathlib import Path

from geo import settings
from geo.crs import METRES_PER_DEGREE
from geo.file_kinds import check_osm_named, is_osm_change
from geo.io import InputError
from geo.osm_features import read_geojson, taken
from geo.osm_files import (OUT_CSV, extract_bounds, is_geojson, is_osm_geojson, is_overpass_csv, is_overpass_json,
                           osmium_name, scan_xml, without_unreadable_coordinates)
from geo.osm_osmium import read_osm
from geo.osm_roads import outside_entries, road_entries
from geo.osm_shapefiles import is_shapefile_extract, read_features, source_name
from geo.osm_sites import site_method
from geo.osm_tables import EXPECTED, is_osm_table, read_tables
from geo.osm_tables import source_name as table_source_name
from geo.overpass_answers import overpass_xml
from geo.safe_text import file_name
from geo.osm_tags import PLACE_KEY, former_names, osm_category, station_names

__all__ = ["is_osm_geojson", "load_osm", "osm_category"]


# What is said of an osmChange file given as an extract (:func:`geo.osm_files.is_osm_change`).
OSM_CHANGE = ("is an osmChange file (the edits of a changeset, not an extract): only the objects it creates or "
              "modifies are read, without the map around them; give an extract of the district (.osm, .osm.pbf)")


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
          polygons (osmium's area handler; the relations of a file whose ids are out of order,
          or that holds JOSM's new objects, from a sorted copy of them,
          :func:`geo.osm_osmium.read_osm`): ``feature_type`` "area" for land use,
          leisure and natural features, "facility" otherwise. A way tagged as a station,
          a platform or a river's banks (:data:`geo.osm_tags.AREA_TAGS`) is such an area, never a
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
        check_osm_named(path)  # a PBF named .osm: osmium reads a file by its name
    from geo.osm_boundaries import shared_reading

    left_out, cut = set(), set()
    shared = shared_reading(path, read_window(outline))  # the boundary pass read the file for us
    ways, points, areas = shared[:3] if shared else _read(path, left_out, read_window(outline), warnings, cut)
    if shared:
        left_out, cut = shared[3:]
    if is_osm_change(path):
        warn(f"{path}: {OSM_CHANGE}", warnings)
    if left_out:
        problem = f"{len(left_out)} node(s) with invalid coordinates (not a number, or beyond ±90/±180)"
        if not (ways or points or areas):
            raise InputError(path, f"nothing usable: {problem}")
        warn(f"{path}: left out {problem}", warnings)
    twice = [f"{kind}{number}" for _, kind, number in
             sorted(item for item in cut if isinstance(item, tuple) and item[0] == "twice")]
    broken = sorted(item for item in cut if isinstance(item, tuple) and item[0] == "r")
    partial = sorted(item for item in cut if isinstance(item, tuple) and item[0] == "part")
    cut = {item for item in cut if not isinstance(item, tuple)}
    if twice:
        from geo.boundary_checks import listed

        warn(f"{path}: {len(twice)} way(s) or relation(s) appear twice (files joined together, or the answers of "
             f"two queries saved as one?): read all the same: {listed(twice)}", warnings)
    if cut:
        warn(f"{path}: {len(cut)} named way(s) use nodes the file does not hold (an extract cut at its edge, or "
             "edited by hand?): they are kept only between the nodes it has, an area not at all", warnings)
    if broken:
        from geo.boundary_checks import listed

        warn(f"{path}: {len(broken)} named multipolygon relation(s) left out: the file lacks some of their member ways "
             f"or their rings do not close (an extract cut at its edge?): "
             f"{listed([f'{name} (r{number})' for _, number, name in broken])}", warnings)
    if partial:
        _say_partial(path, partial, warnings)
    crs = metric_crs or (metric_crs_for(outline) if outline is not None else None)
    if outline is not None:
        _say_bounds(path, outline, crs, warnings)
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


def _say_partial(path, partial, warnings):
    """One warning naming the multipolygon relations read without member ways the file lacks
    (``("part", id, name, roles)``, :func:`geo.osm_osmium.read_osm`)."""
    from geo.boundary_checks import listed
    from geo.io import warn

    def lacking(roles):
        return "、".join(f"{roles.count(role)} {role}" for role in sorted(set(roles)))

    warn(f"{path}: {len(partial)} named multipolygon relation(s) lack member ways the file does not hold (an "
         "extract cut at its edge?): each is drawn from the rings it holds, a missing inner ring's hole filled: "
         f"{listed([f'{name} (r{number}: {lacking(roles)} missing)' for _, number, name, roles in partial])}",
         warnings)


def _say_bounds(path, outline, crs, warnings):
    """A warning when the bounds the extract was cut to (:func:`geo.osm_files.extract_bounds`) cover
    less than :data:`geo.settings.OSM_EXTRACT_COVER_MIN` of the district: what lies beyond is not in
    it, and a name it holds once (a 长安路 of the east half) may be borne in the rest too."""
    import shapely

    from geo.crs import metric_geometry
    from geo.io import warn

    boxes = extract_bounds(path)
    if not boxes:
        return
    district = metric_geometry(outline, crs)
    covered = metric_geometry(shapely.union_all([shapely.box(*box) for box in boxes]), crs)
    share = district.intersection(covered).area / district.area if district.area else 1.0
    if share >= settings.OSM_EXTRACT_COVER_MIN:
        return
    where = "; ".join(f"{w:g},{s:g} to {e:g},{n:g}" for w, s, e, n in boxes)
    warn(f"{path}: its bounds ({where}) cover {share:.0%} of the district: what lies beyond them is not in the "
         "extract (a road or place not found may be mapped there, and a name found once may be borne there too); "
         "export the whole district", warnings)


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
    dlat = metres / METRES_PER_DEGREE
    dlon = metres / (METRES_PER_DEGREE * max(math.cos(math.radians(max(abs(south), abs(north)))), 0.01))
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
    bounding box) get a second, cheaper pass (:func:`geo.osm_osmium.locate_incomplete`). An Overpass
    API JSON answer is read as the XML form of the same answer. The ids of nodes whose
    coordinates are not numbers or out of range are added to ``left_out``, and the ids of
    named ways using nodes the file does not hold to ``cut``.
    """
    import tempfile

    if is_osm_table(path, loose=True):
        return taken(read_tables(path, window, warnings))
    if is_shapefile_extract(path):
        return taken(read_features(path, window, warnings))
    if is_overpass_json(path):
        with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:
            return read_osm(overpass_xml(path, Path(folder)), path, set(), left_out, window, cut)
    if is_geojson(path):
        if not is_osm_geojson(path):  # a gazetteer of the user's: no OSM tags to read
            from geo.geojson_read import read_feature_collection

            read_feature_collection(path)  # what is wrong with it, first
            raise InputError(path, f"GeoJSON without OSM ids or tags; {EXPECTED}")
        return read_geojson(path, warnings)
    if is_overpass_csv(path):
        raise InputError(path, OUT_CSV)
    deleted, unreadable, inline, unordered = scan_xml(path)
    if inline:  # an Overpass 'out geom' answer with relations, or with areas: osmium reads its plain form
        with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:
            return read_osm(overpass_xml(path, Path(folder)), path, deleted, left_out, window, cut)
    if not unreadable:
        with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:  # (osmium tells formats by their names)
            return read_osm(osmium_name(path, folder), path, deleted, left_out, window, cut, unordered=unordered)
    with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:
        return read_osm(without_unreadable_coordinates(path, Path(folder), left_out), path, deleted, left_out, window,
                         cut, unordered=unordered)


def _poi_entry(names, tags, geom, kind, ids, source):
    from geo.addresses import osm_address_aliases
    from geo.gazetteer import Entry

    # Land use, parks, water and places are areas; an amenity, shop or building outline is a facility.
    point = geom.geom_type == "Point"
    feature_type = "area" if kind in ("landuse", "leisure", "natural", "waterway", PLACE_KEY, "highway") and not point \
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
                 aliases=tuple(n for n in names[1:] if n not in former) + osm_address_aliases(tags), former_names=former,
                 feature_type=feature_type, category=osm_category(tags), extra={"osm_ids": ids})
