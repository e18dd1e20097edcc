"""OSM shapefile extracts (Geofabrik's free .shp.zip, a folder of its layers, one layer; BBBike's) read as OSM tags."""

from __future__ import annotations

import csv
import functools
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from geo.io import InputError
from geo.vector_frames import unbuilt_geometries
from geo.vectors import unreadable

# Geofabrik's layers: gis_osm_<layer>_free_1.shp, gis_osm_<layer>_a_free_1.shp for areas
# (_free_2... for the spill-over of a layer past 2 GB).
GEOFABRIK_LAYER = re.compile(r"^gis_osm_([a-z]+(?:_[a-z]+)*?)(?:_a)?_free_\d+$", re.IGNORECASE)
# BBBike's layers, by file name, and the Geofabrik layer whose classes they share.
BBBIKE_LAYERS = {"roads": "roads", "railways": "railways", "waterways": "waterways", "points": "pois",
                 "landuse": "landuse", "natural": "natural", "buildings": "buildings", "places": "places"}
# Columns: the class is Geofabrik's fclass or BBBike's type.
CLASS_COLUMNS = ("fclass", "type")
_SUFFIXES = (".zip", ".shp")


@dataclass(frozen=True)
class Layer:
    """One shapefile of an extract.

    Attributes
    ----------
    family : str
        The Geofabrik layer without ``_a`` (``pois`` for pois and pois_a; BBBike's
        points.shp is ``pois``): the ``layer`` column of ``geo/data/geofabrik_fclass.csv``.
    vendor : str
        ``Geofabrik`` or ``BBBike``.
    shp : str
        The .shp: its path on disk, or its name inside ``archive``.
    archive : Path, optional
        The zip holding it, read in place through GDAL's ``/vsizip/``.
    """

    family: str
    vendor: str
    shp: str
    archive: Path | None = None

    @property
    def label(self) -> str:
        """How messages name the layer: its file, or ``the.zip/its name``."""
        return f"{self.archive}/{self.shp}" if self.archive else self.shp

    @property
    def source(self) -> str:
        """What GDAL opens."""
        if self.archive is None:
            return self.shp
        member = self.shp.replace("\\", "/")  # GDAL lists a zip's members with "/" for the "\\" of a Windows tool
        return f"/vsizip/{self.archive.resolve()}/{member}"


def is_shapefile_extract(path) -> bool:
    """True for what :func:`read_features` reads, by its name: a zip, a .shp, a folder."""
    path = Path(path)
    return path.is_dir() or path.name.lower().endswith(_SUFFIXES)


def is_geofabrik_extract(path) -> bool:
    """True for Geofabrik's shapefiles (a zip or folder holding ``gis_osm_*_free_1.shp``, or one
    such layer): what a user may give as a gazetteer too, to be read as OSM."""
    if not is_shapefile_extract(path) or not Path(path).exists():
        return False
    try:
        return any(layer.vendor == "Geofabrik" for layer in _layers(Path(path)))
    except InputError:
        return False


def source_name(path) -> str:
    """``Geofabrik shapefile china-latest-free.shp.zip`` (or BBBike's), for an entry's ``source``."""
    layers = _layers(Path(path))
    vendor = layers[0].vendor if layers else "OSM"
    return f"{vendor} shapefile {Path(path).resolve().name}"


def read_features(path, bbox=None, warnings=None):
    """The named features of a shapefile extract, each as OSM tags.

    Parameters
    ----------
    path : path
        Geofabrik's ``*-latest-free.shp.zip`` (read in place, nothing unpacked), a folder
        holding its layers (or BBBike's ``roads.shp``, ``points.shp``...), or one layer
        (``gis_osm_roads_free_1.shp``: only that one).
    bbox : tuple, optional
        ``(west, south, east, north)`` in WGS-84: only features whose bounding box meets it
        are read (GDAL's spatial filter, in the layer's CRS).

    Returns
    -------
    list of (dict, str, shapely geometry)
        ``(tags, object id, geometry in WGS-84)`` of each feature with a name (roads: or a
        ``ref``) whose class ``geo/data/geofabrik_fclass.csv`` maps: ``fclass`` (BBBike:
        ``type``) becomes its OSM key and value (``motorway_link``: ``highway=motorway_link``,
        ``school``: ``amenity=school``, ``railway_station``: ``railway=station``...), ``name``
        the name tag, ``ref`` the ref tag, ``oneway`` ``F``/``T`` ``oneway=yes``/``-1``
        (``B``: none, so a motorway is one-way as in OSM). Ids are ``n<osm_id>`` for points,
        ``w<osm_id>`` for lines and polygons (Geofabrik's polygons from multipolygon relations
        carry the relation's id: it is written ``w`` too).

        Layers whose classes the table does not list (boundaries, protected areas...) are not
        read, nor places other than villages (``village``, ``hamlet``, ``isolated_dwelling``):
        as in an .osm.pbf, a city's or a town's name is no project site, a village's is.

    Raises
    ------
    geo.io.InputError
        One line naming the file (a zip's layer as ``the.zip/layer.shp``): no Geofabrik or
        BBBike layer; a layer without ``osm_id``, ``name`` or ``fclass``/``type`` column,
        without a CRS (``.prj``), or whose attribute text does not decode; a single layer with
        no features, or every layer empty.
    """
    from geo import progress

    path = Path(path)
    layers = [layer for layer in _layers(path) if layer.family in _families()]
    if not layers:
        found = ", ".join(sorted({layer.family for layer in _layers(path)}))
        raise InputError(path, f"{'is a' if path.suffix.lower() == '.shp' else 'holds only'} {found} layer(s), "
                               f"not read: no project site is mapped there (read are {', '.join(sorted(_families()))})")
    single = len(layers) == 1 and path.suffix.lower() == ".shp"
    features, empty = [], 0
    with progress.bar(len(layers), f"reading {path.name}", unit="layers", threshold=2) as advance:
        for layer in layers:
            read = _read_layer(layer, bbox, single, warnings)
            empty += read is None
            features += read or []
            advance(1)
    if empty == len(layers):
        raise InputError(path, "every layer is empty (no features)")
    return features


# --------------------------------------------------------------------------- finding layers


def _layers(path):
    """The layers of a zip, a folder or one .shp, in name order; InputError when there are none."""
    if path.is_dir():
        # "*", not "*.shp": GIS_OSM_ROADS_FREE_1.SHP, as a zip's names are, whatever their case.
        names = next((found for pattern in ("*", "*/*", "*/*/*")
                      if (found := [str(p) for p in sorted(path.glob(pattern)) if _family(p.name)])), [])
        archive = None
    elif path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as archive_file:
                names = sorted(n for n in archive_file.namelist() if _family(n))
        except (zipfile.BadZipFile, OSError, ValueError) as exc:  # ValueError: a name not UTF-8 as flagged
            raise InputError(path, f"not a readable zip file ({exc})") from None
        archive = path
    else:
        names, archive = ([str(path)] if _family(path.name) else []), None
    if not names:
        what = "is not a" if path.suffix.lower() == ".shp" else "holds no"
        raise InputError(path, f"{what} Geofabrik OSM layer (gis_osm_roads_free_1.shp, gis_osm_pois_free_1.shp...) "
                               "or BBBike's (roads.shp, points.shp...)")
    layers = []
    for name in names:
        family, vendor = _family(name)
        layers.append(Layer(family, vendor, name, archive))
    return layers


def _family(name):
    """(layer family, vendor) of a .shp's file name, or None when it is no OSM layer."""
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.suffix.lower() != ".shp":
        return None
    if match := GEOFABRIK_LAYER.match(pure.stem):
        return match.group(1).lower(), "Geofabrik"
    family = BBBIKE_LAYERS.get(pure.stem.lower())
    return (family, "BBBike") if family else None


def _sidecar(layer, suffix, *, read=True):
    """The bytes of a layer's companion file (``.cpg``; a ``.dbf``'s sample, :func:`geo.dbf.dbf_sample`;
    with ``read=False`` only whether it is there), or None when there is none."""
    from geo.dbf import dbf_sample

    take = dbf_sample if suffix == ".dbf" else (lambda handle: handle.read())
    stem = layer.shp[:-4]
    try:
        if layer.archive is None:
            found = next((p for p in (Path(stem + suffix), Path(stem + suffix.upper())) if p.exists()), None)
            if found is None or not read:
                return found is not None or None
            with open(found, "rb") as handle:
                return take(handle)
        with zipfile.ZipFile(layer.archive) as archive:
            wanted = (stem + suffix).lower()
            member = next((n for n in archive.namelist() if n.lower() == wanted), None)
            if member is None or not read:
                return member is not None or None
            with archive.open(member) as handle:
                return take(handle)
    except (OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error) as exc:  # a damaged zip, an unreadable file
        problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        raise InputError(layer.label, f"cannot read its {suffix} ({problem})") from None


# --------------------------------------------------------------------------- reading a layer


def _read_layer(layer, bbox, single, warnings=None):
    """The features of one layer (see :func:`read_features`); None when it has none at all."""
    import pyogrio

    if not _sidecar(layer, ".dbf", read=False):
        raise InputError(layer.label, "Shapefile has no .dbf beside it")
    try:
        info = pyogrio.read_info(layer.source)
    except Exception as exc:  # noqa: BLE001 - pyogrio/GDAL raise several types: one line naming the file
        raise InputError(layer.label, unreadable(exc, layer.source, "shapefile")) from None
    columns = _columns(layer, info)
    if info["crs"] is None:
        prj = "its .prj names none GDAL reads" if _sidecar(layer, ".prj", read=False) else "add a .prj file beside it"
        raise InputError(layer.label, f"has no coordinate reference system ({prj})")
    if not info["features"]:
        if single:
            raise InputError(layer.label, "layer is empty (no features)")
        return None
    frame = _read_frame(layer, info, columns, bbox)
    unbuilt_geometries(layer.label, frame, warnings)
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    return _features(layer, frame, columns)


def _columns(layer, info):
    """{role: the layer's column}: ``id``, ``class``, ``name``, and ``ref``/``oneway`` when present."""
    fields = {str(f).lower(): str(f) for f in info["fields"]}
    columns = {"id": fields.get("osm_id"), "name": fields.get("name"),
               "class": next((fields[c] for c in CLASS_COLUMNS if c in fields), None)}
    missing = [role for role, column in columns.items() if column is None]
    if missing:
        wanted = {"id": "osm_id", "name": "name", "class": "fclass (Geofabrik) or type (BBBike)"}
        raise InputError(layer.label, f"not an OSM layer of Geofabrik or BBBike: no "
                                      f"{' and no '.join(wanted[m] for m in missing)} column "
                                      f"(found: {', '.join(map(str, info['fields'])) or 'none'})")
    if layer.family == "roads":
        columns.update({role: fields[role] for role in ("ref", "oneway") if role in fields})
    return columns


def _read_frame(layer, info, columns, bbox):
    """Read the named (roads: or coded) features of a layer, decoded, within ``bbox``."""
    import pyogrio

    from geo.dbf import dbf_records_codec
    from geo.vector_explain import undecodable

    named = [f"\"{columns[role]}\" <> ''" for role in ("name", "ref") if role in columns]
    options = {"columns": list(columns.values()), "where": " OR ".join(named), "on_invalid": "ignore"}
    if bbox is not None:
        options["bbox"] = layer_bbox(bbox, info["crs"])
    declared = _declared_codec(layer)
    codec = declared or dbf_records_codec(_sidecar(layer, ".dbf") or b"")
    try:
        try:
            return pyogrio.read_dataframe(layer.source, encoding=codec, **options)
        except UnicodeDecodeError:
            # A .cpg that names the wrong codec (UTF-8 over GBK records): the records decide.
            sniffed = dbf_records_codec(_sidecar(layer, ".dbf") or b"") if declared else None
            if not sniffed or sniffed == codec:
                raise
            return pyogrio.read_dataframe(layer.source, encoding=sniffed, **options)
    except UnicodeDecodeError:
        raise InputError(layer.label, undecodable(Path(layer.shp))) from None
    except Exception as exc:  # noqa: BLE001 - pyogrio/GDAL raise several types: one line naming the file
        raise InputError(layer.label, unreadable(exc, layer.source, "shapefile")) from None


def _declared_codec(layer):
    """The codec the layer's .cpg names (Geofabrik's say UTF-8), or None."""
    from geo.dbf import cpg_codec

    cpg = _sidecar(layer, ".cpg")
    return cpg_codec(cpg.decode("ascii", errors="replace")) if cpg is not None else None


def layer_bbox(bbox, crs):
    """A WGS-84 ``(west, south, east, north)`` in the layer's CRS."""
    import pyproj

    if pyproj.CRS.from_user_input(crs).equals(pyproj.CRS.from_epsg(4326), ignore_axis_order=True):
        return tuple(bbox)
    return pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform_bounds(*bbox, densify_pts=21)


def _features(layer, frame, columns):
    """``(tags, object id, geometry)`` of each row whose class is mapped."""
    roles = list(columns)
    features = []
    rows = frame[[columns[role] for role in roles]].itertuples(index=False, name=None)
    for values, geom in zip(rows, frame.geometry.values):
        row = {role: cell_text(value) for role, value in zip(roles, values)}
        tags = _tags(layer.family, row)
        if tags is None or geom is None or geom.is_empty:
            continue
        letter = "n" if geom.geom_type in ("Point", "MultiPoint") else "w"
        features.append((tags, f"{letter}{row['id']}", geom))
    return features


def cell_text(value):
    """A cell as text: ``None`` for an empty or missing one; whole numbers without ``.0`` (BBBike's ids)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


# Geofabrik's oneway: F one-way in the line's direction, T against it, B both; BBBike's 1, -1, 0.
_ONEWAY = {"f": "yes", "t": "-1", "1": "yes", "-1": "-1", "yes": "yes"}


def _tags(family, row):
    """The OSM tags of one row, or None when its class is not mapped."""
    mapped = fclass_tags().get((family, (row["class"] or "").lower())) or fclass_tags().get((family, "*"))
    if mapped is None:
        return None
    key, value, also = mapped
    tags = {key: row["class"] if value == "*" else value, **also}
    if row["name"]:
        tags["name"] = row["name"]
    if row.get("ref"):
        tags["ref"] = row["ref"]
    oneway = _ONEWAY.get((row.get("oneway") or "").lower())
    if oneway:
        tags["oneway"] = oneway
    return tags


# --------------------------------------------------------------------------- the class table


def _families():
    return {family for family, _ in fclass_tags()}


@functools.lru_cache(maxsize=1)
def fclass_tags():
    """(layer, fclass) -> (key, value, more tags), from ``geo/data/geofabrik_fclass.csv``.

    ``fclass`` ``*`` is the layer's default for a class not listed; ``value`` ``*`` is the
    class itself (roads: ``fclass=primary`` is ``highway=primary``). The classes are those of
    Geofabrik's "OpenStreetMap Data in Layered GIS Format" (free shapefiles): its layer list
    and version history were looked up, its class tables were not at hand, so the rows are
    written from knowledge of that document and of OSM tagging, not copied from it.
    """
    from geo.data import DATA_DIR

    table = {}
    with open(DATA_DIR / "geofabrik_fclass.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            also = dict(tag.split("=", 1) for tag in filter(None, (row["also"] or "").split("|")))
            table[(row["layer"], row["fclass"])] = (row["key"], row["value"], also)
    return table
