"""Listing the layers and exporting them as GeoJSON, GeoPackage, Shapefile or CSV, filtered and reprojected.

Layers
    ``LAYER`` is the stem of a file in the layers directory (``school``, ``road_rebuild``,
    ``subdistricts``, ``district_outline``...), ``all`` (every layer there), or
    ``projects``: the whole catalog ``projects.geojson`` found next to the layers
    directory (``<layers_dir>/../projects.geojson``), flattened to the layer columns of
    :data:`geo.catalog.LAYER_COLUMNS`, *including unlocated projects with a null geometry*
    (GeoJSON, GeoPackage and CSV keep them; a Shapefile cannot, so it holds the located
    ones only). ``all`` does not include ``projects`` (its located projects are already in
    the category layers).

Default output paths (relative to the current directory)
    one layer: ``exports/<layer>.<ext>`` (``.geojson``, ``.gpkg``, ``.shp`` + sidecars, ``.csv``);
    ``all``: ``exports/all.gpkg`` (one table per layer), or the directory ``exports/all/``
    with one ``<layer>.<ext>`` per layer for the other formats. ``-o`` names the file, or a
    directory (an existing one, one ending in ``/``, or any non-``.shp`` path for Shapefile
    and for ``all``) that receives ``<layer>.<ext>``.

Formats
    geojson
        RFC 7946: WGS-84 lon/lat only (``--crs`` other than EPSG:4326 is refused),
        counter-clockwise exteriors, coordinates rounded to 7 decimals, features ordered by
        ``id`` (``code`` for the 街道 layers), keys sorted: equal layers give equal bytes.
    gpkg
        One table per layer, named after it. Mixed single/multi geometries are promoted to
        multi. ``gpkg_contents.last_change`` is taken from ``SOURCE_DATE_EPOCH`` when set,
        so reproducible builds can get byte-identical files.
    shp
        UTF-8 attributes with a ``.cpg`` saying so. dBASE limits apply: field names are at
        most 10 bytes and text at most 254 bytes (longer text is cut at a character
        boundary; use gpkg for full quotes). Long field names are mapped by
        :data:`SHAPEFILE_FIELD_NAMES`; any other long name is cut to 10 bytes, and a name
        that then collides (case-insensitively, as dBASE compares) is cut shorter and given
        ``_1``, ``_2``... in column order. The full mapping of every field is written beside
        each ``.shp`` as ``<name>.fields.csv`` (``long,short``, UTF-8). A Shapefile holds one
        geometry family, so a layer with several is split into ``<layer>_point.shp``,
        ``<layer>_line.shp`` and ``<layer>_polygon.shp``. The ``.dbf`` header date is taken
        from ``SOURCE_DATE_EPOCH`` when set, as for gpkg.
    csv
        UTF-8 *with* a byte-order mark (``utf-8-sig``) and CRLF line ends, because Excel on
        Chinese Windows reads BOM-less CSV as GBK and garbles the names. Geometry is a
        ``wkt`` column (7 decimals in degrees, 3 in metres); layers of points also get
        ``lon``/``lat`` columns (``x``/``y`` in a projected ``--crs``). Null is an empty
        cell, booleans are ``true``/``false``, nested values are JSON.

Filters
    ``--category`` keeps projects of one category code. ``--subdistrict`` keeps projects
    allocated to a 街道 given by code (``370105001``) or name (``无影山街道``, or without
    the ``街道`` suffix), matched against the ``;``-joined ``subdistrict_codes`` /
    ``subdistrict_names`` columns; on the ``subdistricts`` layer it keeps that 街道. With
    ``all``, layers a filter does not apply to are left out. Nothing left -> InputError.

Atomicity
    Every file is written to a hidden temporary name in the target directory and renamed
    into place. A Shapefile is a set of files, so the set is written into a hidden
    temporary directory beside the target; the old ``.shp`` is removed first, the
    sidecars are renamed in, and the new ``.shp`` last: at any moment a ``.shp`` that
    exists belongs to a complete set.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import shutil
import tempfile
from pathlib import Path

from geo.io import InputError, ensure_output_dir

FORMATS = ("geojson", "gpkg", "shp", "csv")
EXTENSIONS = {"geojson": ".geojson", "gpkg": ".gpkg", "shp": ".shp", "csv": ".csv"}
ALL = "all"
PROJECTS = "projects"
DEFAULT_EXPORT_DIR = Path("exports")

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

# Column order of the reference layers (the 街道 contract); project layers follow LAYER_COLUMNS.
_ZONE_COLUMNS = ["code", "name", "boundary_quality", "source"]
_FAMILIES = {"Point": "point", "MultiPoint": "point", "LineString": "line", "MultiLineString": "line",
             "LinearRing": "line", "Polygon": "polygon", "MultiPolygon": "polygon"}
_FAMILY_ORDER = ("point", "line", "polygon")
_SHAPEFILE_SIDECARS = (".dbf", ".shx", ".prj", ".cpg", ".fields.csv")


class _Table:
    """One layer in memory: ordered columns, rows of plain Python values, shapely geometries (EPSG:4326)."""

    def __init__(self, name, path, columns, rows, geoms):
        self.name, self.path, self.columns, self.rows, self.geoms = name, Path(path), columns, rows, geoms

    def subset(self, keep):
        return _Table(self.name, self.path, self.columns, [r for r, k in zip(self.rows, keep) if k],
                      [g for g, k in zip(self.geoms, keep) if k])


def list_layers(layers_dir="layers"):
    """Describe every ``*.geojson`` layer in ``layers_dir``.

    Parameters
    ----------
    layers_dir : path
        The layers directory written by ``geo geocode`` / ``geo build``.

    Returns
    -------
    list of dict
        Sorted by layer name; each ``{"layer": str, "features": int, "geometry_types": str,
        "crs": str}``, geometry types sorted and comma-joined (``"none"`` counts features
        without geometry). Empty if the directory does not exist.

    Raises
    ------
    InputError
        If ``layers_dir`` is not a directory, or a layer file is not a readable GeoJSON
        FeatureCollection.
    """
    rows = []
    for name, path in _layer_files(layers_dir, must_exist=False).items():
        table = _read_layer(name, path)
        kinds = sorted({g.geom_type if g is not None else "none" for g in table.geoms})
        rows.append({"layer": name, "features": len(table.rows), "geometry_types": ", ".join(kinds),
                     "crs": "EPSG:4326"})
    return rows


def export_layers(layer, *, fmt="geojson", category=None, subdistrict=None, crs=None, output=None,
                  layers_dir="layers"):
    """Export a layer (or ``all``, or the ``projects`` catalog) to a file format.

    Parameters
    ----------
    layer : str
        Layer name (file stem in ``layers_dir``), ``all`` or ``projects``; see the module docstring.
    fmt : {"geojson", "gpkg", "shp", "csv"}
        Output format.
    category : str, optional
        Keep only projects of this category code (see ``geo/data/categories.csv``).
    subdistrict : str, optional
        Keep only projects allocated to this 街道 (code or name).
    crs : str, optional
        Output CRS, anything pyproj understands (``EPSG:4548``); default EPSG:4326.
        GeoJSON accepts only EPSG:4326.
    output : path, optional
        Output file or directory; default ``exports/<layer>.<ext>`` (see the module docstring).
    layers_dir : path
        The layers directory; ``projects`` is read from its parent.

    Returns
    -------
    list of pathlib.Path
        Every file written (for Shapefile the ``.shp`` files and their ``.fields.csv``).

    Raises
    ------
    InputError
        Unknown layer or format, invalid CRS, a non-WGS-84 CRS for GeoJSON, a filter that
        does not apply or matches nothing, unreadable layers or an unwritable output.
    """
    if fmt not in FORMATS:
        raise InputError("--format", f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    target_crs = _target_crs(crs, fmt)
    if category is not None:
        _check_category(category)
    tables = _select_tables(layer, layers_dir)
    catalog = Path(layers_dir).parent / "projects.geojson"
    if fmt == "gpkg" and layer == ALL and catalog.is_file():
        tables.append(_read_projects(catalog))  # the whole catalog rides along as a plain table
    tables = _filter_tables(tables, layer, category=category, subdistrict=subdistrict)
    if fmt == "shp":
        tables = [_located_only(t, single=layer != ALL) for t in tables]
        tables = [t for t in tables if t is not None]
    frames = [(t, _to_frame(t, target_crs)) for t in tables]
    many = layer == ALL
    sources = _source_files(layers_dir)
    if fmt == "gpkg":
        path = _not_a_source(_output_file(output, layer, fmt), sources)
        return [_write_gpkg(path, frames, catalog_layers=layer == PROJECTS)]
    written = []
    for table, frame in frames:
        if fmt == "shp":
            shp = _not_a_source(_output_shp(output, table.name, many), sources)
            written += _write_shapefiles(shp, table.name, frame)
        else:
            path = _output_in_dir(output, table.name, fmt) if many else _output_file(output, layer, fmt)
            path = _not_a_source(path, sources)
            written.append(_write_geojson(path, table, frame) if fmt == "geojson" else _write_csv(path, frame))
    return written


# --------------------------------------------------------------------------- reading


def _layer_files(layers_dir, *, must_exist=True):
    layers_dir = Path(layers_dir)
    if not layers_dir.exists():
        if must_exist:
            raise InputError(layers_dir, "layers directory not found (run geo build or geo geocode first)")
        return {}
    if not layers_dir.is_dir():
        raise InputError(layers_dir, "is not a directory (expected the layers directory)")
    return {p.stem: p for p in sorted(layers_dir.glob("*.geojson")) if p.is_file() and not p.name.startswith(".")}


def _select_tables(layer, layers_dir):
    files = _layer_files(layers_dir)
    projects_path = Path(layers_dir).parent / "projects.geojson"
    if layer == ALL:
        if not files:
            raise InputError(layers_dir, "no layers found (run geo build or geo geocode first)")
        return [_read_layer(name, path) for name, path in files.items()]
    if layer == PROJECTS and PROJECTS not in files:
        if not projects_path.exists():
            raise InputError(projects_path, "catalog not found (run geo build, or pass --layers-dir)")
        return [_read_projects(projects_path)]
    if layer not in files:
        known = list(files) + ([PROJECTS] if projects_path.exists() else []) + [ALL]
        raise InputError(None, f"unknown layer {layer!r} in {layers_dir} (known: {', '.join(known)})")
    return [_read_layer(layer, files[layer])]


def _read_layer(name, path):
    from geo.io import read_feature_collection

    collection, features = read_feature_collection(path)
    crs_member = collection.get("crs")
    if crs_member and "CRS84" not in json.dumps(crs_member) and "4326" not in json.dumps(crs_member):
        raise InputError(path, "layer is not in WGS-84 lon/lat (has a non-RFC 7946 'crs' member)")
    keys = []
    for feature in features:
        keys += [k for k in feature["properties"] if k not in keys]
    return _sorted_table(_Table(name, path, _ordered_columns(keys), [f["properties"] for f in features],
                                [f["geometry"] for f in features]))


def _read_projects(path):
    from geo.catalog import LAYER_COLUMNS, flat_properties
    from geo.pipeline import read_catalog

    features, _ = read_catalog(path)
    rows = [flat_properties(f["properties"]) for f in features]
    return _sorted_table(_Table(PROJECTS, path, list(LAYER_COLUMNS), rows, [f["geometry"] for f in features]))


def _ordered_columns(keys):
    from geo.catalog import LAYER_COLUMNS

    known = [c for c in list(LAYER_COLUMNS) + _ZONE_COLUMNS if c in keys]
    known = list(dict.fromkeys(known))
    return known + sorted(k for k in keys if k not in known)


def _sorted_table(table):
    key = "id" if "id" in table.columns else ("code" if "code" in table.columns else None)
    if key is None:
        return table
    order = sorted(range(len(table.rows)), key=lambda i: str(table.rows[i].get(key) or ""))
    return _Table(table.name, table.path, table.columns, [table.rows[i] for i in order],
                  [table.geoms[i] for i in order])


# --------------------------------------------------------------------------- filters


def _check_category(category):
    from geo.data import category_codes

    codes = category_codes()
    if category not in codes:
        raise InputError("--category", f"unknown category {category!r} (known: {', '.join(codes)})")


def _filter_tables(tables, layer, *, category, subdistrict):
    out = []
    for table in tables:
        keep = [True] * len(table.rows)
        applicable = True
        for option, value, test in (("--category", category, _category_test),
                                    ("--subdistrict", subdistrict, _subdistrict_test)):
            if value is None:
                continue
            row_test = test(table, value.strip())
            if row_test is None:
                if layer != ALL:
                    raise InputError(table.path, f"{option} does not apply to layer {table.name!r} "
                                                 f"(it has no such column)")
                applicable = False
                break
            keep = [k and row_test(r) for k, r in zip(keep, table.rows)]
        if not applicable:
            continue
        subset = table.subset(keep)
        if subset.rows or layer != ALL:
            out.append(subset)
    filters = " ".join(f"{o} {v}" for o, v in (("--category", category), ("--subdistrict", subdistrict)) if v)
    if not out or not any(t.rows for t in out):
        where = Path(tables[0].path).parent if layer == ALL else tables[0].path
        raise InputError(where, f"no features match {filters}" if filters else "layer has no features")
    return out


def _category_test(table, category):
    if "category" not in table.columns:
        return None
    return lambda row: row.get("category") == category


def _subdistrict_test(table, value):
    wanted = {value, value if value.endswith("街道") else value + "街道"}
    if "subdistrict_codes" in table.columns or "subdistrict_names" in table.columns:
        def test(row):
            values = set()
            for column in ("subdistrict_codes", "subdistrict_names"):
                values.update(s.strip() for s in str(row.get(column) or "").split(";") if s.strip())
            return bool(values & wanted)
        return test
    if table.name == "subdistricts" or ("code" in table.columns and "boundary_quality" in table.columns):
        return lambda row: str(row.get("code")) in wanted or str(row.get("name")) in wanted
    return None


def _located_only(table, *, single):
    keep = [g is not None and not g.is_empty for g in table.geoms]
    if all(keep):
        return table
    if not any(keep):
        if single:
            raise InputError(table.path, "no located features to write as a Shapefile "
                                         "(use --format geojson, gpkg or csv to export unlocated projects)")
        return None
    return table.subset(keep)


# --------------------------------------------------------------------------- CRS and frames


def _target_crs(crs, fmt):
    if crs is None:
        return None
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        target = CRS.from_user_input(crs)
    except CRSError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else "unknown"
        raise InputError("--crs", f"{crs!r} is not a valid coordinate reference system ({reason})") from None
    is_wgs84 = target.to_epsg() == 4326 or target.equals(CRS.from_user_input("OGC:CRS84"))
    if fmt == "geojson" and not is_wgs84:
        raise InputError("--crs", f"GeoJSON is always WGS-84 lon/lat (RFC 7946), not {crs}; "
                                  "use --format gpkg, shp or csv for another CRS")
    return None if is_wgs84 else target


def _to_frame(table, target_crs):
    """GeoDataFrame of object columns (exact JSON values, None for null), reprojected."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely

    data = {c: pd.Series([r.get(c) for r in table.rows], dtype=object) for c in table.columns}
    frame = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(list(table.geoms), crs="EPSG:4326"))
    if target_crs is not None:
        frame = frame.to_crs(target_crs)
        coords = shapely.get_coordinates(frame.geometry.values)
        if coords.size and not np.isfinite(coords).all():
            raise InputError("--crs", f"layer {table.name!r} falls outside the area {target_crs.name} can represent")
    return frame


def _typed_frame(frame):
    """Frame with pandas nullable dtypes, so OGR gets integer, real, boolean and text fields.

    Columns of the layer contract (:data:`geo.catalog.LAYER_SCHEMA`, ``ZONE_SCHEMA``) take
    their declared type, so a real column stays real even when every value is null; other
    columns are typed from their values.
    """
    import pandas as pd

    from geo.catalog import LAYER_SCHEMA, ZONE_SCHEMA

    schema = {**ZONE_SCHEMA, **LAYER_SCHEMA}
    out = frame.copy()
    for column in frame.columns:
        if column == frame.geometry.name:
            continue
        values = list(frame[column])
        kind = schema.get(column) or _sniffed_type([v for v in values if v is not None])
        if kind == "boolean":
            out[column] = pd.array([None if v is None else bool(v) for v in values], dtype="boolean")
        elif kind == "integer":
            out[column] = pd.array([None if v is None else int(v) for v in values], dtype="Int64")
        elif kind == "real":
            out[column] = pd.array([None if v is None else float(v) for v in values], dtype="Float64")
        else:
            out[column] = pd.Series([_cell_text(v) if v is not None else None for v in values],
                                    dtype=object, index=frame.index)
    return out


def _sniffed_type(values) -> str:
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "real"
    return "text"


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


# --------------------------------------------------------------------------- output paths


def _source_files(layers_dir) -> set:
    """The files an export reads (every layer and the catalog), resolved."""
    files = set(_layer_files(layers_dir, must_exist=False).values()) | {Path(layers_dir).parent / "projects.geojson"}
    return {os.path.realpath(p) for p in files}


def _not_a_source(path, sources):
    """``path``, unless writing it would overwrite a layer or the catalog being exported from."""
    if os.path.realpath(path) in sources:
        raise InputError(path, "is a source layer or the catalog: an export must not overwrite its input "
                               "(choose another -o, e.g. exports/)")
    return path


def _output_file(output, layer, fmt):
    name = f"{layer}{EXTENSIONS[fmt]}"
    if output is None:
        return DEFAULT_EXPORT_DIR / name
    text = str(output)
    if Path(output).is_dir() or text.endswith(("/", os.sep)):
        return Path(output) / name
    return Path(output)


def _output_in_dir(output, layer, fmt):
    directory = DEFAULT_EXPORT_DIR / ALL if output is None else Path(output)
    return directory / f"{layer}{EXTENSIONS[fmt]}"


def _output_shp(output, layer, many):
    if output is None:
        return (DEFAULT_EXPORT_DIR / ALL if many else DEFAULT_EXPORT_DIR) / f"{layer}.shp"
    output = Path(output)
    if not many and output.suffix.lower() == ".shp" and not output.is_dir():
        return output
    return output / f"{layer}.shp"


# --------------------------------------------------------------------------- writers


def _write_geojson(path, table, frame):
    from geo.io import write_gdf_geojson

    # Rows are already in id/code order; the writer must not reorder them.
    return write_gdf_geojson(path, frame, name=table.name, sort_by=None)


def _write_csv(path, frame):
    import shapely

    from geo.io import write_bytes_atomic

    geoms = list(frame.geometry.values)
    projected = frame.crs is not None and not frame.crs.is_geographic
    decimals = 3 if projected else 7
    points = any(g is not None for g in geoms) and all(g is None or g.geom_type == "Point" for g in geoms)
    columns = [c for c in frame.columns if c != frame.geometry.name]
    header = columns + ["wkt"] + ((["x", "y"] if projected else ["lon", "lat"]) if points else [])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for values, geom in zip(frame[columns].itertuples(index=False, name=None), geoms):
        row = [_cell_text(v) for v in values]
        if geom is None or geom.is_empty:
            row.append("")
            row += ["", ""] if points else []
        else:
            geom = shapely.orient_polygons(geom, exterior_cw=False)
            row.append(shapely.to_wkt(geom, rounding_precision=decimals, trim=True))
            if points:
                row += [_number_text(geom.x, decimals), _number_text(geom.y, decimals)]
        writer.writerow(row)
    return write_bytes_atomic(path, buffer.getvalue().encode("utf-8-sig"))


def _number_text(value, decimals):
    return repr(round(float(value), decimals) + 0.0)


def _write_gpkg(path, frames, *, catalog_layers=False):
    """One GeoPackage: each layer as a table per geometry family, the catalog as a plain
    table, and a QGIS ``layer_styles`` table so QGIS opens every layer styled.

    The catalog's located projects are also written as spatial tables (``projects_point``...)
    when it is what is exported (``catalog_layers``); with ``all`` they are in the category
    layers already.
    """
    import pyogrio

    from geo.io import atomic_path

    styles = []
    with atomic_path(path, suffix=".gpkg") as tmp, _gdal_options(_reproducible_gpkg_options()):
        append = False
        for table, frame in frames:
            typed = _typed_frame(frame)
            if table.name == PROJECTS:  # every record, located or not, as a table QGIS and Excel can read
                _quiet_write(pyogrio.write_dataframe, _attribute_table(typed), tmp, layer=PROJECTS, driver="GPKG",
                             append=append, **_gpkg_version(append))
                append = True
                if not catalog_layers:
                    continue
            for name, family, part in _family_parts(table.name, typed, skip_empty=table.name == PROJECTS):
                _quiet_write(pyogrio.write_dataframe, part, tmp, layer=name, driver="GPKG", append=append,
                             promote_to_multi=True, geometry_type=_GPKG_TYPES[family], **_gpkg_version(append))
                append = True
                styles.append((name, family, _approximate(part)))
        if styles:
            _quiet_write(pyogrio.write_dataframe, _layer_styles(styles), tmp, layer="layer_styles", driver="GPKG",
                         append=append)
    return Path(path)


_GPKG_TYPES = {"point": "MultiPoint", "line": "MultiLineString", "polygon": "MultiPolygon"}
# GeoPackage 1.2: what the GDAL inside QGIS 3.10 to 3.22 (still common on intranets) reads without warnings.
GPKG_VERSION = "1.2"


def _gpkg_version(append):
    return {} if append else {"dataset_options": {"VERSION": GPKG_VERSION}}


def _family_parts(layer, typed, *, skip_empty=False):
    """(name, family, frame) per geometry family: ``layer`` if it has one, else ``layer_<family>``."""
    present_rows = [g is not None and not g.is_empty for g in typed.geometry.values]
    if skip_empty:
        typed = typed[present_rows]
    elif not all(present_rows):
        raise InputError(None, f"layer {layer!r} has features without geometry")
    families = [_family(g, layer) for g in typed.geometry.values]
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


def _write_shapefiles(shp_path, layer, frame):
    import pyogrio

    shp_path = Path(shp_path)
    directory = ensure_output_dir(shp_path.parent)
    stem = shp_path.stem
    typed = _typed_frame(frame)
    names = shapefile_field_names([c for c in typed.columns if c != typed.geometry.name])
    typed = typed.rename(columns=names)
    for short in names.values():
        if typed[short].dtype == object:
            typed[short] = typed[short].map(_dbf_text)
    families = [_family(g, layer) for g in typed.geometry.values]
    present = [f for f in _FAMILY_ORDER if f in families]
    split = len(present) > 1
    try:
        tmpdir = Path(tempfile.mkdtemp(prefix=f".{stem}.", dir=directory))
    except OSError as exc:
        raise InputError(directory, f"cannot write output there ({exc.strerror})") from None
    written = []
    try:
        for family in present:
            name = f"{stem}_{family}" if split else stem
            part = typed[[f == family for f in families]]
            layer_options = {"DBF_DATE_LAST_UPDATE": _source_date().strftime("%Y-%m-%d")}
            _quiet_write(pyogrio.write_dataframe, part, tmpdir / f"{name}.shp", driver="ESRI Shapefile",
                         encoding="UTF-8", layer_options=layer_options or None)
            (tmpdir / f"{name}.fields.csv").write_bytes(_fields_csv(names).encode("utf-8"))
            written.append(name)
        paths = []
        for name in written:
            paths += _commit_shapefile(tmpdir, directory, name)
        return paths
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def shapefile_field_names(columns):
    """Map column names to unique dBASE field names of at most 10 bytes (see the module docstring).

    Parameters
    ----------
    columns : list of str
        Column names in output order.

    Returns
    -------
    dict
        ``{long: short}`` for every column (``short == long`` when it already fits).
    """
    def fits(name):
        return len(name.encode("utf-8")) <= DBF_FIELD_BYTES

    used = {c.lower() for c in columns if fits(c)}
    mapping = {}
    for column in columns:
        if fits(column):
            mapping[column] = column
            continue
        candidate = SHAPEFILE_FIELD_NAMES.get(column) or _cut(column, DBF_FIELD_BYTES)
        number = 0
        while candidate.lower() in used:
            number += 1
            suffix = f"_{number}"
            candidate = _cut(column, DBF_FIELD_BYTES - len(suffix)) + suffix
        used.add(candidate.lower())
        mapping[column] = candidate
    return mapping


def _cut(text, limit):
    """``text`` cut to at most ``limit`` UTF-8 bytes without splitting a character."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def _dbf_text(value):
    return None if value is None else _cut(value, DBF_TEXT_BYTES)


def _fields_csv(mapping):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["long", "short"])
    writer.writerows(mapping.items())
    return buffer.getvalue()


def _family(geom, layer):
    family = _FAMILIES.get(geom.geom_type)
    if family is None:
        raise InputError(None, f"layer {layer!r} has a {geom.geom_type}, which a Shapefile cannot hold; "
                               "use --format gpkg")
    return family


def _commit_shapefile(tmpdir, directory, name):
    # The .shp is the commit marker: the sidecars go in first, the new .shp last, so a
    # crash never leaves a .shp beside mismatched sidecars. Inside a run's output set
    # they are staged, and move into place with the rest of the run.
    from geo.outputs import place

    target = directory / f"{name}.shp"
    for suffix in _SHAPEFILE_SIDECARS:
        source = tmpdir / f"{name}{suffix}"
        if source.exists():
            place(source, directory / f"{name}{suffix}")
    place(tmpdir / f"{name}.shp", target)
    return [target, directory / f"{name}.fields.csv"]


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

    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    except ValueError:
        epoch = 0
    return datetime.datetime.fromtimestamp(epoch, tz=datetime.timezone.utc)


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
