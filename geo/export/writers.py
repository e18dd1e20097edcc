"""Writing export tables as GeoJSON, CSV and GeoPackage (with QGIS styles), atomically and reproducibly; the names, families and guards the Shapefile writer shares."""

from __future__ import annotations

import contextlib
import csv
import glob
import io
import os
import shutil
from pathlib import Path

from geo import settings
from geo.export.tables import PROJECTS, cell_text, column_kinds, typed_frame
from geo.io import InputError, warn
from geo.safe_text import cell_text as safe_cell
from geo.safe_text import one_line

# Fixed short names for the long layer columns, so that every Shapefile export of
# every layer uses the same names (readable abbreviations rather than cut-off words).
SHAPEFILE_FIELD_NAMES = {
    "quantity_value": "qty_value",
    "quantity_unit": "qty_unit",
    "source_datum": "src_datum",
    "subdistrict_codes": "sd_codes",
    "subdistrict_names": "sd_names",
    "boundary_quality": "bnd_qual",
}
DBF_FIELD_BYTES = 10
DBF_TEXT_BYTES = 254

_FAMILIES = {"Point": "point", "MultiPoint": "point", "LineString": "line", "MultiLineString": "line",
             "LinearRing": "line", "Polygon": "polygon", "MultiPolygon": "polygon"}
_FAMILY_ORDER = ("point", "line", "polygon")



# --------------------------------------------------------------------------- writers


def write_geojson(path, table, frame):
    import pandas as pd

    from geo.catalog import as_real
    from geo.export.tables import column_kinds
    from geo.geojson_write import write_gdf_geojson

    # A real column's whole numbers are written 15.0 (a layer of an earlier version holds 15): GDAL and QGIS
    # type a GeoJSON column from its values, and would read one of whole numbers as Integer.
    reals = [column for column, kind in column_kinds(frame).items() if kind == "real"]
    frame = frame.assign(**{column: pd.Series([as_real(v) for v in frame[column]], dtype=object, index=frame.index)
                            for column in reals})
    # Rows are already in id/code order; the writer must not reorder them.
    return write_gdf_geojson(path, frame, name=table.name, sort_by=None)


def write_csv(path, frame, layer=None):
    from geo.atomic_files import write_bytes_atomic

    header, rows, names, fields = table_cells(path, frame, layer)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) if isinstance(v, str) and i < fields else cell_text(v) for i, v in enumerate(row)])
    _write_csv_sidecars(path, frame.rename(columns=names), header)
    return write_bytes_atomic(path, buffer.getvalue().encode("utf-8-sig"))


def table_cells(path, frame, layer=None):
    """``(header, rows, names, fields)`` of a layer as a table (a CSV, a sheet): its fields' values (the first
    ``fields`` of each row) then a ``wkt`` (simplified to fit an Excel cell, by ``wkt_simplified_m``) and for
    points ``lon``/``lat`` (``x``/``y`` when projected); ``names`` the fields renamed (a field named as an added
    column). A geometry simplified is said."""
    geoms = list(frame.geometry.values)
    projected = frame.crs is not None and not frame.crs.is_geographic
    decimals = 3 if projected else 7
    points = any(g is not None for g in geoms) and all(g is None or g.geom_type == "Point" for g in geoms)
    columns = [c for c in frame.columns if c != frame.geometry.name]
    cells = [_wkt_cell(g, decimals, frame.crs) if g is not None and not g.is_empty else ("", None) for g in geoms]
    simplified = [tolerance for _, tolerance in cells if tolerance]
    too_long = sum(1 for wkt, tolerance in cells if tolerance and not wkt)
    added = ["wkt"] + (["wkt_simplified_m"] if simplified else []) \
        + ((["x", "y"] if projected else ["lon", "lat"]) if points else [])
    # A field of the layer named as a column added here (a wkt or lon field of a layer edited in QGIS)
    # is renamed: GDAL and QGIS would read the geometry from the first column of the name, the field's.
    names = _renamed_fields(path, layer, unique_field_names(columns, taken=added))
    header = [names[c] for c in columns] + added
    rows = []
    for values, geom, (wkt, tolerance) in zip(frame[columns].itertuples(index=False, name=None), geoms, cells):
        row = list(values) + [wkt]
        row += [(tolerance or 0.0) if wkt else None] if simplified else []
        if points:
            row += [None, None] if not wkt else [round(float(geom.x), decimals) + 0.0, round(float(geom.y), decimals) + 0.0]
        rows.append(row)
    if simplified:
        warn(f"{path}: {len(simplified)} geometr{'y' if len(simplified) == 1 else 'ies'} longer than "
             f"an Excel cell ({settings.EXCEL_CELL_MAX_CHARS:,} characters) written simplified in the wkt column, "
             f"by up to {max(simplified):g} m (wkt_simplified_m; the GeoJSON and GeoPackage keep them whole)"
             + (f"; {too_long} did not fit even so and have no wkt" if too_long else ""))
    return header, rows, names, len(columns)


def _write_csv_sidecars(path, frame, header):
    """The ``.csvt`` and ``.prj`` beside a CSV, from which GDAL (and so QGIS, opening a dragged-in
    CSV) takes its column types and its CRS; without them the layer has no CRS (QGIS draws it
    in the wrong place) and every number is text. Written before the CSV, which completes the set."""
    from pyproj import CRS

    from geo.atomic_files import csvt_line, write_bytes_atomic

    kinds = {**column_kinds(frame), "wkt": "wkt"}  # the other added columns (lon/lat, x/y...) are real
    types = csvt_line(kinds.get(column, "real") for column in header)
    write_bytes_atomic(Path(path).with_suffix(".csvt"), (types + "\r\n").encode("ascii"))
    crs = CRS.from_user_input(frame.crs if frame.crs is not None else "EPSG:4326")
    wkt = crs.to_wkt("WKT1_GDAL") or crs.to_wkt()  # WKT1 with its EPSG code, read by every GDAL since 1.x
    write_bytes_atomic(Path(path).with_suffix(".prj"), wkt.encode("utf-8"))


def _wkt_cell(geom, decimals, crs):
    """(WKT, tolerance in metres or None) of a geometry for a CSV cell: exact when it fits in
    an Excel cell (:data:`geo.settings.EXCEL_CELL_MAX_CHARS`), else simplified by the first
    tolerance of :data:`geo.settings.CSV_WKT_SIMPLIFY_M` that makes it fit (no WKT when none
    does: a box in its place would draw a shape that is not there)."""
    import shapely

    geom = shapely.orient_polygons(geom, exterior_cw=False)
    text = shapely.to_wkt(geom, rounding_precision=decimals, trim=True)
    if len(text) <= settings.EXCEL_CELL_MAX_CHARS:
        return text, None
    for tolerance in settings.CSV_WKT_SIMPLIFY_M:
        text = shapely.to_wkt(_simplified(geom, tolerance, crs), rounding_precision=decimals, trim=True)
        if len(text) <= settings.EXCEL_CELL_MAX_CHARS:
            return text, tolerance
    return "", settings.CSV_WKT_SIMPLIFY_M[-1]


def _simplified(geom, tolerance_m, crs):
    """``geom`` simplified by ``tolerance_m`` metres, measured in its own CRS when that is
    projected, else in the metric CRS of its place (:func:`geo.crs.metric_crs_for`)."""
    import shapely

    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry

    if crs is not None and not crs.is_geographic:
        return shapely.simplify(geom, tolerance_m / crs.axis_info[0].unit_conversion_factor, preserve_topology=True)
    metric = metric_crs_for(geom)
    simple = shapely.simplify(metric_geometry(geom, metric), tolerance_m, preserve_topology=True)
    return shapely.orient_polygons(wgs84_geometry(simple, metric), exterior_cw=False)


def write_gpkg(path, frames, *, catalog_layers=False):
    """One GeoPackage: each layer as a table per geometry family, the catalog as a plain
    table, and a QGIS ``layer_styles`` table so QGIS opens every layer styled.

    The catalog's located projects are also written as spatial tables (``projects_point``...)
    when it is what is exported (``catalog_layers``); with ``all`` they are in the category
    layers already.
    """
    import pyogrio

    from geo.atomic_files import atomic_path

    styles = []
    with atomic_path(path, suffix=".gpkg") as tmp, _gdal_options(_reproducible_gpkg_options()), \
            _written_or_said(path, tmp):
        append = False
        for table, frame in frames:
            typed = typed_frame(frame)
            # A GeoPackage's field names ignore case (SQLite's), and it adds fid and geom (and wkt to the catalog).
            columns = [c for c in typed.columns if c != typed.geometry.name]
            taken = ("fid", "geom") + (("wkt",) if table.name == PROJECTS else ())
            typed = typed.rename(columns=_renamed_fields(path, table.name, unique_field_names(columns, taken=taken)))
            if table.name == PROJECTS:  # every record, located or not, as a table QGIS and Excel can read
                _quiet_write(pyogrio.write_dataframe, _attribute_table(typed), tmp, layer=PROJECTS, driver="GPKG",
                             append=append, **_gpkg_version(append))
                append = True
                if not catalog_layers:
                    continue
            for name, family, part in _family_parts(table.name, typed, skip_empty=table.name == PROJECTS,
                                                      source=table.path):
                _quiet_write(pyogrio.write_dataframe, part, tmp, layer=name, driver="GPKG", append=append,
                             promote_to_multi=True, geometry_type=_GPKG_TYPES[family], **_gpkg_version(append))
                append = True
                styles.append((name, family, _approximate(part)))
        if styles:
            _quiet_write(pyogrio.write_dataframe, _layer_styles(styles), tmp, layer="layer_styles", driver="GPKG",
                         append=append)
        _refuse_dropping_layers(path, tmp)
    return Path(path)


# The first characters GDAL refuses in a GeoPackage table's name, and the prefixes the format and
# SQLite keep for their own tables (with QGIS's styles, which geo writes itself).
_GPKG_BAD_FIRST = frozenset("`~!@#$%^&*()+-={}|[]\\:\";'<>?,./")
_GPKG_RESERVED = ("gpkg", "sqlite_", "rtree_", "layer_styles")
# Characters GDAL reads as its own in a Shapefile's path (it writes elsewhere, or nothing), and the
# control characters (a line break in a layer file's name), with which it writes no file at all.
_SHAPEFILE_BAD = frozenset(";!\\" + "".join(map(chr, range(32))) + "\x7f")


def check_table_names(frames, fmt, *, catalog_layers=False, stem=None):
    """InputError naming the layer file when a layer cannot be written as a table of a GeoPackage
    (``fmt`` gpkg) or as Shapefiles (shp) by its name, or two would be written under one name
    (``culture``, of points and polygons, writes ``culture_point`` as a layer file of that name
    would: GDAL appended the one to the other without a word). ``stem`` is the Shapefile name of
    a single layer's export (its ``-o``)."""
    seen = {}
    for table, frame in frames:
        names = [table.name] if fmt == "gpkg" and table.name == PROJECTS else []
        if fmt == "shp" or table.name != PROJECTS or catalog_layers:
            families = {_FAMILIES.get(g.geom_type) for g in frame.geometry.values if g is not None and not g.is_empty}
            present = [f for f in _FAMILY_ORDER if f in families]
            base = stem or table.name
            split = len(present) > 1 or (fmt == "gpkg" and table.name == PROJECTS)
            names += [f"{base}_{family}" if split else base for family in present]
        for name in names:
            if fmt == "gpkg" and (name[:1] in _GPKG_BAD_FIRST or name.lower().startswith(_GPKG_RESERVED)):
                raise InputError(table.path, f"layer {table.name!r} cannot be a GeoPackage table named {name!r} "
                                             "(its first character, or a name the format keeps for its own tables): "
                                             "rename the file")
            if fmt == "shp" and (bad := sorted(_SHAPEFILE_BAD & set(name))):
                raise InputError(table.path, f"layer {table.name!r} cannot be written as a Shapefile named {name!r} "
                                             f"(GDAL cannot write {' '.join(one_line(char) for char in bad)} in a "
                                             "Shapefile's path): rename the file")
            other = seen.setdefault(name.lower(), table)
            if other is not table:
                raise InputError(table.path, f"layer {table.name!r} would be written as {name}, as layer "
                                             f"{other.name!r} ({other.path}) is: rename one of the two files")


def _refuse_dropping_layers(path, written):
    """InputError when ``path`` is a GeoPackage holding layers that the new one ``written`` lacks:
    a planner's own GeoPackage (or an export of other layers) would lose them without a word.
    The same layers exported again replace the file; a file GDAL cannot list is replaced as any."""
    import pyogrio

    path = Path(path)
    if not path.is_file():
        return
    try:
        old = {str(name) for name, _ in pyogrio.list_layers(path)}
    except Exception:  # noqa: BLE001 - no GeoPackage GDAL reads: nothing in it to keep
        return
    lost = sorted(old - {str(name) for name, _ in pyogrio.list_layers(written)})
    if lost:
        shown = ", ".join(lost[:3]) + (f" and {len(lost) - 3} more" if len(lost) > 3 else "")
        raise InputError(path, f"holds {len(lost)} layer{'s' * (len(lost) != 1)} this export would delete "
                               f"({shown}): export to another file, or delete it first")


_GPKG_TYPES = {"point": "MultiPoint", "line": "MultiLineString", "polygon": "MultiPolygon"}
# GeoPackage 1.2: what the GDAL inside QGIS 3.10 to 3.22 (still common on intranets) reads without warnings.
GPKG_VERSION = "1.2"


def _gpkg_version(append):
    return {} if append else {"dataset_options": {"VERSION": GPKG_VERSION}}


def _family_parts(layer, typed, *, skip_empty=False, source=None):
    """(name, family, frame) per geometry family: ``layer`` if it has one, else ``layer_<family>``."""
    present_rows = [g is not None and not g.is_empty for g in typed.geometry.values]
    if skip_empty:
        typed = typed[present_rows]
    elif not all(present_rows):
        raise InputError(source, f"layer {layer!r} has features without geometry")
    families = [_family(g, layer, source) for g in typed.geometry.values]
    present = [f for f in _FAMILY_ORDER if f in families]
    split = len(present) > 1 or layer == PROJECTS
    return [(f"{layer}_{family}" if split else layer, family, typed[[f == family for f in families]])
            for family in present]


def _attribute_table(typed):
    """The typed frame without its geometry, which becomes a ``wkt`` text column."""
    import pandas as pd
    import shapely

    table = pd.DataFrame(typed.drop(columns=typed.geometry.name))
    table["wkt"] = [None if g is None or g.is_empty else shapely.to_wkt(g, rounding_precision=7, trim=True)
                    for g in typed.geometry.values]
    return table


def _approximate(frame) -> bool:
    column = frame.get("boundary_quality")
    return column is not None and any(str(v) != "official" for v in column)


def _layer_styles(styles):
    """The ``layer_styles`` table of QGIS: one default QML and SLD style per layer."""
    import pandas as pd

    from geo import qgis_styles

    rows = []
    for name, family, approximate in styles:
        style = qgis_styles.layer_style(name, family, approximate=approximate)
        mixed = name.startswith(f"{PROJECTS}_")  # the catalog's located projects, every category in one layer
        rows.append({"f_table_catalog": "", "f_table_schema": "", "f_table_name": name, "f_geometry_column": "geom",
                     "styleName": name, "styleQML": qgis_styles.qml(style, by_category=mixed),
                     "styleSLD": qgis_styles.sld(name, style),
                     "useAsDefault": True, "description": "geo: the web map's style", "owner": "", "ui": None,
                     "update_time": _source_date().strftime("%Y-%m-%dT%H:%M:%SZ")})
    frame = pd.DataFrame(rows, columns=list(qgis_styles.LAYER_STYLES_COLUMNS))
    frame["useAsDefault"] = frame["useAsDefault"].astype("boolean")
    return frame


def unique_field_names(columns, *, taken=(), width=None, preferred=None):
    """Map column names to field names unique whatever their case, as GDAL's formats need them
    (a GeoPackage refuses ``Name`` beside ``name``; a Shapefile renames it behind its field map).

    A name that fits (at most ``width`` UTF-8 bytes), shows something and is the first of its
    spelling in any case keeps it, unless it is one of ``taken`` (the columns the writer adds: a
    CSV's ``wkt``, a GeoPackage's ``fid``); another gets its ``preferred`` short name or is cut to
    ``width``, then numbered (``_1``, ``_2``...) until it is unique.

    Returns
    -------
    dict
        ``{column: field name}`` for every column, in order.
    """
    width = width or 10**9
    taken = {name.lower() for name in taken}

    def fits(name):
        return len(name.encode("utf-8")) <= width and name.strip() == name and name != ""

    kept = {}
    for column in columns:
        if fits(column) and column.lower() not in taken:
            kept.setdefault(column.lower(), column)
    used = set(kept) | taken
    mapping = {}
    for column in columns:
        if kept.get(column.lower()) == column:
            mapping[column] = column
            continue
        base = column.strip() or "field"
        candidate = (preferred or {}).get(column) or _cut(base, width)
        number = 0
        while candidate.lower() in used:
            number += 1
            suffix = f"_{number}"
            candidate = _cut(base, width - len(suffix)) + suffix
        used.add(candidate.lower())
        mapping[column] = candidate
    return mapping


def _renamed_fields(path, layer, mapping):
    """Warn of the fields ``mapping`` renames (it has ``{column: field}`` for every column), naming
    the file written; ``mapping`` itself."""
    renamed = {column: field for column, field in mapping.items() if column != field}
    if renamed:
        shown = ", ".join(f"{column!r} as {field}" for column, field in list(renamed.items())[:4])
        more = f" and {len(renamed) - 4} more" if len(renamed) > 4 else ""
        warn(f"{path}: layer {layer!r} has fields whose names the file cannot hold beside another of the name in "
             f"any case, or beside the columns it adds: written {shown}{more}")
    return mapping


def _cut(text, limit):
    """``text`` cut to at most ``limit`` UTF-8 bytes without splitting a character."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def _family(geom, layer, source=None):
    """The geometry family (point, line, polygon) of ``geom``; InputError naming the layer's file
    ``source`` for a kind no exported table holds."""
    family = _FAMILIES.get(geom.geom_type)
    if family is None:
        raise InputError(source, f"layer {layer!r} has a {geom.geom_type}, which no exported table holds "
                               "(each holds points, lines or polygons: split it into one geometry kind per feature)")
    return family


# What GDAL's and SQLite's messages say when the file system takes no more (a full disk or quota,
# a limit on file size): said as the reason a file cannot be written.
_NO_ROOM = ("No space left on device", "File too large", "Disk quota exceeded", "database or disk is full")


@contextlib.contextmanager
def _written_or_said(target, staged):
    """Turn a write that failed for want of room into an InputError naming ``target``, the file asked
    for: GDAL's or SQLite's message says so (:data:`_NO_ROOM`), the disk has under
    :data:`geo.settings.DISK_NEARLY_FULL_BYTES` left (SQLite's message then only says a table it
    could not add is missing), or a file written in ``staged`` (a file or folder) reached the size
    the process may write (``ulimit -f``). Other failures pass on as they are."""
    try:
        yield
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pyogrio's errors, OSError, sqlite3's: all are looked at
        said = next((reason for reason in _NO_ROOM if reason.lower() in str(exc).lower()), None) \
            or _no_room(Path(target).parent, Path(staged))
        if said is None:
            raise
        raise InputError(target, f"cannot be written ({said})") from None


def _no_room(directory: Path, staged: Path):
    """Why a write into ``staged`` failed for want of room, or None: the disk of ``directory`` is
    (nearly) full, or a file of ``staged`` is as large as the process may write."""
    import resource

    with contextlib.suppress(OSError):
        free = shutil.disk_usage(directory).free
        if free < settings.DISK_NEARLY_FULL_BYTES:
            return f"No space left on device: {free:,} bytes free"
    most = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    if most != resource.RLIM_INFINITY:
        # A folder's files; a file and those beside it it names (SQLite's -journal and -wal).
        files = list(staged.glob("*")) if staged.is_dir() else list(staged.parent.glob(glob.escape(staged.name) + "*"))
        if any(f.is_file() and f.stat().st_size >= most for f in files):
            return f"File too large: a file may take at most {most:,} bytes here, see ulimit -f"
    return None


def _quiet_write(write, *args, **kwargs):
    import warnings

    with warnings.catch_warnings():
        # Text is already cut to the dBASE limit; GDAL's remaining notes are not for the user.
        warnings.simplefilter("ignore", RuntimeWarning)
        write(*args, **kwargs)


def _source_date():
    """The date written into file headers: ``SOURCE_DATE_EPOCH`` when set, else the Unix epoch,
    so equal exports are byte-identical (a build product's date says nothing useful)."""
    import datetime

    text = os.environ.get("SOURCE_DATE_EPOCH", "0")
    try:
        return datetime.datetime.fromtimestamp(int(text), tz=datetime.timezone.utc)
    except (ValueError, OverflowError, OSError):  # not a number, or a date no calendar holds
        raise InputError("SOURCE_DATE_EPOCH", f"must be a whole number of seconds since 1970-01-01, found {text!r} "
                                              "(see reproducible-builds.org)") from None


def _reproducible_gpkg_options():
    return {"OGR_CURRENT_DATE": _source_date().strftime("%Y-%m-%dT%H:%M:%S.000Z")}


@contextlib.contextmanager
def _gdal_options(options):
    import pyogrio

    previous = {k: pyogrio.get_gdal_config_option(k) for k in options}
    pyogrio.set_gdal_config_options(options)
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options(previous)
