"""Administrative boundaries of an OpenStreetMap extract (街道/乡镇 at admin_level 8), assembled into polygons by osmium."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from geo import settings
from geo.io import InputError

ADMIN_KEY, ADMIN_VALUE, LEVEL_KEY = "boundary", "administrative", "admin_level"


@dataclass(frozen=True)
class AdminArea:
    """One administrative area of an extract."""

    osm_id: str  # "r123" for a boundary relation, "w45" for a closed way
    level: str  # its admin_level
    names: tuple  # its name tags as written (geo.osm_tags.tag_names: name:zh-Hans, name:zh, name...)
    geometry: object  # shapely (Multi)Polygon with its holes, WGS-84 lon/lat


def read_admin_areas(path, window=None, levels=None):
    """The ``boundary=administrative`` areas of ``levels`` in an OSM extract.

    Boundary relations (outer and inner ways, as multipolygons) and closed ways are
    assembled by osmium's area handler, holes included. The forms read are those that hold
    relations: PBF, XML (also gzip or bzip2), o5m, Overpass API answers in XML or JSON (read
    as their plain XML, :func:`geo.osm_files.overpass_xml`) and Overpass Turbo's GeoJSON
    export (its polygons). Geofabrik's and BBBike's shapefiles hold no boundaries, and GDAL's
    OSM layers are not read for them.

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
        Named areas only, by OSM id. A file this cannot read gives none: reading it as the
        gazetteer (:func:`geo.osm.load_osm`) says what is wrong with it.
    """
    import tempfile

    from geo.osm_files import is_geojson, is_osm_file, is_osm_geojson, is_overpass_json, overpass_xml, scan_xml
    from geo.osm_files import without_unreadable_coordinates

    levels = tuple(str(level) for level in (levels or settings.OSM_SUBDISTRICT_ADMIN_LEVELS))
    path = Path(path)
    try:
        if not path.is_file():
            return []
        if is_overpass_json(path):
            with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:
                return _assembled(overpass_xml(path, Path(folder)), set(), window, levels)
        if is_geojson(path):
            return _from_geojson(path, window, levels) if is_osm_geojson(path) else []
        if not is_osm_file(path):
            return []  # shapefiles and GDAL's tables
        deleted, unreadable, inline = scan_xml(path)
        with tempfile.TemporaryDirectory(prefix="geo-osm-") as folder:
            source = overpass_xml(path, Path(folder)) if inline else \
                without_unreadable_coordinates(path, Path(folder), set()) if unreadable else path
            return _assembled(source, deleted, window, levels)
    except (InputError, RuntimeError, OSError, ValueError):
        return []


def _assembled(source, deleted, window, levels):
    """:func:`read_admin_areas` of a file osmium reads."""
    import osmium
    import shapely

    from geo.io import check_library_path

    check_library_path(source, "osmium")
    wkb = osmium.geom.WKBFactory()
    admin = osmium.filter.TagFilter((ADMIN_KEY, ADMIN_VALUE))
    processor = (osmium.FileProcessor(str(source)).with_areas(admin)
                 .with_filter(osmium.filter.EntityFilter(osmium.osm.AREA)).with_filter(admin))
    found = {}
    for area in processor:
        kind = "w" if area.from_way() else "r"
        tags = {tag.k: tag.v for tag in area.tags}
        if str(tags.get(LEVEL_KEY, "")).strip() not in levels or (kind, area.orig_id()) in deleted:
            continue
        try:
            geom = shapely.from_wkb(wkb.create_multipolygon(area))
        except RuntimeError:  # rings osmium could not close (an extract cut through the boundary)
            continue
        _keep(found, f"{kind}{area.orig_id()}", tags, geom, window)
    return [found[key] for key in sorted(found)]


def _from_geojson(path, window, levels):
    """The boundary polygons of Overpass Turbo's GeoJSON export (``@id`` ``relation/123``, tags as properties)."""
    from geo.io import read_feature_collection

    _, features = read_feature_collection(path)
    found = {}
    for feature in features:
        props, geom = feature["properties"], feature["geometry"]
        tags = props.get("tags") if isinstance(props.get("tags"), dict) else props
        tags = {str(k): str(v) for k, v in tags.items() if v is not None}
        if tags.get(ADMIN_KEY) != ADMIN_VALUE or tags.get(LEVEL_KEY, "").strip() not in levels or geom is None:
            continue
        if geom.geom_type not in ("Polygon", "MultiPolygon"):
            continue
        kind, _, number = str(props.get("@id") or f"{props.get('type', '')}/{props.get('id', '')}").partition("/")
        _keep(found, f"{kind[:1]}{number}", tags, geom, window)
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
    found[osm_id] = AdminArea(osm_id=osm_id, level=tags[LEVEL_KEY].strip(), names=tuple(names), geometry=geom)
