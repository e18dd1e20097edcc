"""Administrative boundaries of an OpenStreetMap extract (街道/乡镇 at admin_level 8), assembled into polygons by osmium (or by GDAL, in its OSM layers)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from geo import settings
from geo.io import InputError

ADMIN_KEY, ADMIN_VALUE, LEVEL_KEY = "boundary", "administrative", "admin_level"
# The gazetteer's reading of the last file read_admin_areas read in the same pass, by the file and the
# window: {key: (ways, points, areas, left_out, cut)}, taken (once) by geo.osm.load_osm.
_SHARED = {}


@dataclass(frozen=True)
class AdminArea:
    """One administrative area of an extract."""

    osm_id: str  # "r123" for a boundary relation, "w45" for a closed way
    level: str  # its admin_level
    names: tuple  # its name tags as written (geo.osm_tags.tag_names: name:zh-Hans, name:zh, name...)
    geometry: object  # shapely (Multi)Polygon with its holes, WGS-84 lon/lat


def read_admin_areas(path, window=None, levels=None, unreadable=None, built=None, seen=None):
    """The ``boundary=administrative`` areas of ``levels`` in an OSM extract.

    Boundary relations (outer and inner ways, as multipolygons) and closed ways are
    assembled by osmium's area handler, holes included. The forms read are those that hold
    relations: PBF, XML (also gzip or bzip2), o5m, Overpass API answers in XML or JSON (read
    as their plain XML, :func:`geo.overpass_answers.overpass_xml`), Overpass Turbo's GeoJSON
    export (its polygons), and GDAL's OSM layers or QuickOSM's results, whose polygons GDAL
    assembled (:func:`geo.osm_tables.read_table_boundaries`). Geofabrik's and BBBike's
    shapefiles hold no boundaries.

    Parameters
    ----------
    path : path
        The extract (``--osm``).
    window : tuple, optional
        ``(west, south, east, north)`` in degrees (:func:`geo.osm.read_window`): an area
        wholly outside it is left out once built.
    levels : sequence of str, optional
        The ``admin_level`` values read; default
        :data:`geo.settings.OSM_SUBDISTRICT_ADMIN_LEVELS`.

    Returns
    -------
    list of AdminArea
        Named areas only (:func:`geo.osm_tags.tag_names`), by OSM id; ``admin_level`` read as
        a number (``08``, full-width ``８``: 8, :func:`admin_level`). A file this cannot read
        gives none: reading it as the gazetteer (:func:`geo.osm.load_osm`) says what is wrong
        with it. An editor's file osmium cannot assemble areas from (JOSM's new objects, with
        negative ids; objects out of order) is read from a sorted copy (:func:`_admin_copy`).
        An Overpass Turbo feature without an ``@id`` is known by its place in the file (``f3``).
    unreadable : list, optional
        Gets the named areas left out for an ``admin_level`` that is no level (``8;9``, ``街道``,
        none at all: :func:`unreadable_level`), to be named where their absence matters.
    built : set, optional
        Gets the id (int) of every boundary relation osmium built, of any level, in the window or
        not: the others' rings did not close (:func:`geo.boundary_checks.osm_boundaries_unbuilt`).
    seen : dict, optional
        Gets ``relations``: the named boundary relations the file holds, built or not, of any level
        (id to ``admin_level`` as written), when the gazetteer's pass read them (:func:`_shared_pass`); left without it
        otherwise (that file's relations are not known).
    """
    levels = tuple(admin_level(level) for level in (levels or settings.OSM_SUBDISTRICT_ADMIN_LEVELS))
    found = _read_areas(Path(path), window, levels, set() if built is None else built, seen)
    if unreadable is not None:
        unreadable.extend(area for area in found if area.level not in levels)
    return [area for area in found if area.level in levels]


def unreadable_level(value) -> bool:
    """True for an ``admin_level`` that is no level: not a number (``8;9``, ``8.5``, ``街道``) or none."""
    return not admin_level(value).isdigit()


def area_read(tags, levels) -> bool:
    """An area of ``levels`` is read, and so is one of no readable level (:func:`unreadable_level`):
    read_admin_areas tells them apart."""
    value = tags.get(LEVEL_KEY, "")
    return admin_level(value) in levels or unreadable_level(value)


def _read_areas(path, window, levels, built, seen=None):
    """:func:`read_admin_areas`, the areas of no readable level included; ``built`` gets the relations' ids."""
    import tempfile

    from geo.osm_files import is_geojson, is_osm_file, is_osm_geojson, is_overpass_json, osmium_name
    from geo.osm_files import scan_xml
    from geo.overpass_answers import overpass_xml
    from geo.osm_files import without_unreadable_coordinates
    from geo.osm_order import negative_ids
    from geo.osm_tables import is_osm_table

    try:
        if not (path.is_file() or is_osm_table(path)):  # GDAL's layers may be a folder of Shapefiles
            return []
        if is_overpass_json(path):
            with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:
                return _assembled(overpass_xml(path, Path(folder)), set(), window, levels, built=built)
        if is_geojson(path) and is_osm_geojson(path):
            return _from_geojson(path, window, levels)
        if is_osm_table(path):
            return _from_table(path, window, levels)
        if not is_osm_file(path):
            return []  # Geofabrik's and BBBike's shapefiles, any other file
        deleted, unreadable, inline, unordered = scan_xml(path)
        if not (unreadable or inline or negative_ids(path)):
            with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:  # (osmium tells formats by their names)
                found = _shared_pass(path, deleted, window, levels, unordered, osmium_name(path, folder), built,
                                     seen)
            if found is not None:
                return found
        with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:
            source = overpass_xml(path, Path(folder)) if inline else \
                without_unreadable_coordinates(path, Path(folder), set()) if unreadable else osmium_name(path, folder)
            if negative_ids(source):  # osmium's location index leaves such nodes out
                return _assembled(_admin_copy(source, Path(folder), deleted), set(), window, levels, copy=True,
                                 built=built)
            try:
                return _assembled(source, deleted, window, levels, unordered=unordered and not inline, built=built)
            except RuntimeError as exc:
                if "out of order" not in str(exc) and "twice in input" not in str(exc):
                    raise  # ids out of order (an editor's file, files merged), an object twice: a sorted copy
                return _assembled(_admin_copy(source, Path(folder), deleted), set(), window, levels, copy=True,
                                 built=built)
    except (InputError, RuntimeError, OSError, ValueError):
        return []


def _shared_pass(path, deleted, window, levels, unordered=False, source=None, built=None, seen=None):
    """:func:`read_admin_areas` of a file osmium reads as it is, in the gazetteer's pass over it
    (:func:`geo.osm_osmium.read_osm`, whose area handler builds the named boundaries anyway): the
    reading is kept for :func:`geo.osm.load_osm` (:func:`shared_reading`), so that a run with
    ``--osm`` reads a country's extract once, not twice. None when that pass built no areas (a
    file out of order): the boundaries' own pass reads it. ``source`` is the file osmium reads, when
    it is not ``path`` (:func:`geo.osm_files.osmium_name`); ``seen`` gets the ids of the boundary
    relations the pass read (``relations``: id to admin_level)."""
    import shapely

    from geo.osm_osmium import read_osm

    admin, left_out, cut = {"levels": levels}, set(), set()
    reading = read_osm(source or path, path, deleted, left_out, window, cut, admin=admin, unordered=unordered,
                       negative=False)
    _SHARED.clear()
    _SHARED[_file_key(path, window)] = (*reading, left_out, cut)
    if seen is not None:
        seen["relations"] = dict(admin["relations"])
    if not admin["assembled"]:
        return None
    found = {}
    for kind, number, tags, wkb in admin["areas"]:
        if (kind, number) not in deleted:
            if kind == "r" and built is not None:
                built.add(int(number))
            _keep(found, f"{kind}{number}", tags, shapely.from_wkb(wkb), window)
    return [found[key] for key in sorted(found)]


def shared_reading(path, window):
    """The gazetteer's reading of ``path`` for ``window`` (``(ways, points, areas, left_out, cut)``,
    as :func:`geo.osm._read` gives them and the ids it left out), when :func:`read_admin_areas` read
    the file, unchanged since, in the same pass; else None. Taken once."""
    try:
        return _SHARED.pop(_file_key(path, window), None)
    except OSError:
        return None


def _file_key(path, window):
    stat = Path(path).stat()
    return str(Path(path).resolve()), stat.st_ino, stat.st_size, stat.st_mtime_ns, window


def admin_level(value):
    """An ``admin_level`` value as written, stripped; a number's without leading zeros, in ASCII
    digits (``08``, `` 8``, full-width ``８``: ``8``)."""
    import unicodedata

    text = unicodedata.normalize("NFKC", str(value)).strip()
    return str(int(text)) if text.isascii() and text.isdigit() else text


def _admin_copy(source, folder, deleted):
    """A sorted copy of the boundaries of an OSM file osmium cannot assemble areas from as it is
    (:func:`geo.osm_order.sorted_copy`): the ``boundary=administrative`` relations and ways, their member
    ways and their nodes."""
    import osmium

    from geo.osm_order import sorted_copy

    admin = osmium.filter.TagFilter((ADMIN_KEY, ADMIN_VALUE))
    return sorted_copy(source, folder, deleted, [admin], [admin])


def _assembled(source, deleted, window, levels, copy=False, unordered=False, built=None):
    """:func:`read_admin_areas` of a file osmium reads (``copy``: :func:`_admin_copy`'s, ids in
    :data:`geo.osm_order.OWN_ID`); node locations kept as :func:`geo.osm_order.node_storage` says."""
    import osmium
    import shapely

    from geo.io import check_library_path
    from geo.osm_order import OWN_ID, node_storage

    check_library_path(source, "osmium")
    wkb = osmium.geom.WKBFactory()
    admin = osmium.filter.TagFilter((ADMIN_KEY, ADMIN_VALUE))
    processor = (osmium.FileProcessor(str(source)).with_locations(node_storage(source, unordered)).with_areas(admin)
                 .with_filter(osmium.filter.EntityFilter(osmium.osm.AREA)).with_filter(admin))
    found = {}
    for area in processor:
        kind = "w" if area.from_way() else "r"
        tags = {tag.k: tag.v for tag in area.tags}
        own = tags.pop(OWN_ID, None) if copy else None
        if not area_read(tags, levels) or (kind, area.orig_id()) in deleted:
            continue
        try:
            geom = shapely.from_wkb(wkb.create_multipolygon(area))
        except RuntimeError:  # rings osmium could not close (an extract cut through the boundary)
            continue
        if kind == "r" and built is not None:
            built.add(int(own or area.orig_id()))
        _keep(found, f"{kind}{own or area.orig_id()}", tags, geom, window)
    return [found[key] for key in sorted(found)]


def _from_geojson(path, window, levels):
    """The boundary polygons of Overpass Turbo's GeoJSON export (``@id`` ``relation/123``, tags as properties)."""
    from geo.geojson_read import read_feature_collection

    from geo.osm_files import geojson_osm_id, one_feature_per_id

    _, features = read_feature_collection(path)
    features = one_feature_per_id(path, features, [])  # the first of an id; the gazetteer's reading warns
    found = {}
    for position, feature in enumerate(features):
        props, geom = feature["properties"], feature["geometry"]
        tags = props.get("tags") if isinstance(props.get("tags"), dict) else props
        tags = {str(k): str(v) for k, v in tags.items() if v is not None}
        if tags.get(ADMIN_KEY) != ADMIN_VALUE or not area_read(tags, levels) or geom is None:
            continue
        if geom.geom_type not in ("Polygon", "MultiPolygon"):
            continue
        kind, _, number = str(geojson_osm_id(feature) or "/").partition("/")
        _keep(found, f"{kind[:1]}{number}" if kind and number else f"f{position}", tags, geom, window)
    return [found[key] for key in sorted(found)]


def _from_table(path, window, levels):
    """The boundary polygons of GDAL's OSM layers (their ``multipolygons``, as assembled by GDAL) or
    of QuickOSM's result (:func:`geo.osm_tables.read_table_boundaries`)."""
    from geo.osm_tables import read_table_boundaries

    found = {}
    for tags, object_id, geom in read_table_boundaries(path, window):
        if area_read(tags, levels):
            _keep(found, object_id, tags, geom, window)
    return [found[key] for key in sorted(found)]


def _keep(found, osm_id, tags, geom, window):
    """Add a named area that reaches ``window`` to ``found`` (by id)."""
    from geo.osm_tags import FORMER_NAME_KEYS, tag_names

    names = tag_names({k: v for k, v in tags.items() if k not in FORMER_NAME_KEYS})
    if not names or geom.is_empty:
        return
    west, south, east, north = geom.bounds
    if window is not None and (east < window[0] or west > window[2] or north < window[1] or south > window[3]):
        return
    found[osm_id] = AdminArea(osm_id=osm_id, level=admin_level(tags.get(LEVEL_KEY, "")), names=tuple(names), geometry=geom)
