"""Listing the layers and exporting them as GeoJSON, GeoPackage, Shapefile, CSV, KML or Excel, filtered and reprojected.

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
    one layer: ``exports/<layer>.<ext>`` (``.geojson``, ``.gpkg``, ``.shp`` + sidecars, ``.csv`` + ``.csvt`` and ``.prj``);
    ``all``: ``exports/all.gpkg`` (one table per layer), ``exports/all.kml`` (one folder per
    layer), ``exports/all.xlsx`` (one sheet per layer), or the directory ``exports/all/``
    with one ``<layer>.<ext>`` per layer for the other formats (the files there of a layer an
    earlier ``all`` wrote and this one does not, a category the report no longer has, are
    removed: the folder holds one export's set). ``-o`` names the file, or a
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
        ``<layer>_line.shp`` and ``<layer>_polygon.shp`` (and the parts an earlier export of the
        layer left there that this one does not write go). The ``.dbf`` header date is taken
        from ``SOURCE_DATE_EPOCH`` when set, as for gpkg.
    csv
        UTF-8 *with* a byte-order mark (``utf-8-sig``) and CRLF line ends, because Excel on
        Chinese Windows reads BOM-less CSV as GBK and garbles the names. Geometry is a
        ``wkt`` column (7 decimals in degrees, 3 in metres); layers of points also get
        ``lon``/``lat`` columns (``x``/``y`` in a projected ``--crs``). Null is an empty
        cell, booleans are ``true``/``false``, nested values are JSON. Beside it, a ``.csvt``
        (the column types) and a ``.prj`` (the CRS, WKT1 with its EPSG code), from which
        GDAL, and so QGIS opening the CSV, takes typed fields and the layer's CRS.
    kml
        KML 2.2 for Google Earth, 奥维互动地图 and 91卫图 (:func:`geo.export.kml.write_kml`):
        WGS-84 lon/lat only, as KML always is (they shift it for their GCJ-02 maps themselves);
        one folder per layer, placemarks named by ``name``, styled in the web map's colours,
        every field as ``ExtendedData`` and in the balloon.
    xlsx
        An Excel workbook (:func:`geo.export.sheets.write_xlsx`): a sheet per layer with the CSV's columns, text
        cells for text (a 12-digit 街道 code stays whole: a CSV opened in Excel shows it as ``3.30106E+11``),
        numbers and booleans typed, then a 说明 sheet naming each sheet's layer, CRS and features; ``all`` in one
        workbook. Byte-identical for equal layers.

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

import os
from pathlib import Path

from geo.export.tables import ALL, PROJECTS, check_category, filter_tables, layer_files, located_only, \
    read_layer, read_projects, select_tables, target_crs, to_frame
from geo.export.shapefiles import check_shared_prj, remove_exported_layer, shapefile_field_names, shapefile_names, \
    write_shapefiles
from geo.export.writers import SHAPEFILE_FIELD_NAMES, check_table_names, write_csv, write_geojson, write_gpkg
from geo.io import InputError

FORMATS = ("geojson", "gpkg", "shp", "csv", "kml", "xlsx")
EXTENSIONS = {"geojson": ".geojson", "gpkg": ".gpkg", "shp": ".shp", "csv": ".csv", "kml": ".kml", "xlsx": ".xlsx"}
# Formats writing every layer of ``all`` into one file.
ONE_FILE_FORMATS = ("gpkg", "kml", "xlsx")
# Extensions of formats geo does not write: never a file's name nor an export directory's.
OTHER_FORMATS = (".xls", ".ods", ".kmz", ".zip", ".gz", ".7z", ".rar", ".gml", ".dxf", ".dwg",
                 ".tab", ".mif", ".fgb", ".parquet", ".geojsonl", ".txt", ".pdf", ".png", ".html", ".sqlite", ".mbtiles")
DEFAULT_EXPORT_DIR = Path("exports")

__all__ = ["ALL", "FORMATS", "PROJECTS", "SHAPEFILE_FIELD_NAMES", "export_layers", "list_layers",
           "shapefile_field_names"]


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
        "crs": str, "quality": str}``, geometry types sorted and comma-joined (``"none"`` counts
        features without geometry), ``quality`` what a layer with a ``boundary_quality`` column
        (the 街道) says of its boundaries (``街道 boundaries: OpenStreetMap (not official)``), else
        empty. Empty if the directory does not exist.

    Raises
    ------
    InputError
        If ``layers_dir`` is not a directory, or a layer file is not a readable GeoJSON
        FeatureCollection.
    """
    from geo.places import zone_level
    from geo.render.style import APPROXIMATE_LABEL, ZONE_LABELS, zone_words

    rows = []
    for name, path in layer_files(layers_dir, must_exist=False).items():
        table = read_layer(name, path)
        kinds = sorted({g.geom_type if g is not None else "none" for g in table.geoms})
        qualities = sorted({str(row.get("boundary_quality")) for row in table.rows if "boundary_quality" in row})
        quality = "" if not qualities else ZONE_LABELS.get(qualities[0], APPROXIMATE_LABEL) if len(qualities) == 1 \
            else APPROXIMATE_LABEL
        if quality:  # 街道/乡镇 boundaries for a district with towns, as its maps say
            quality = zone_words(quality, zone_level([str(row.get("name") or "") for row in table.rows]))
        rows.append({"layer": name, "features": len(table.rows), "geometry_types": ", ".join(kinds),
                     "crs": "EPSG:4326", "quality": quality})
    return rows


def export_layers(layer, *, fmt=None, category=None, subdistrict=None, crs=None, output=None,
                  layers_dir="layers"):
    """Export a layer (or ``all``, or the ``projects`` catalog) to a file format.

    Parameters
    ----------
    layer : str
        Layer name (file stem in ``layers_dir``), ``all`` or ``projects``; see the module docstring.
    fmt : {"geojson", "gpkg", "shp", "csv", "kml"}, optional
        Output format; default: the one ``output``'s extension names, else geojson. An
        ``output`` whose extension names another format is refused, and so is a file-like
        name (``x.csv``) where ``all`` writes a directory of files.
    category : str, optional
        Keep only projects of this category code (see ``geo/data/categories.csv``).
    subdistrict : str, optional
        Keep only projects allocated to this 街道 (code or name).
    crs : str, optional
        Output CRS, anything pyproj understands (``EPSG:4548``); default EPSG:4326.
        GeoJSON and KML accept only EPSG:4326.
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
        Unknown layer or format, invalid CRS, a non-WGS-84 CRS for GeoJSON or KML, a filter that
        does not apply or matches nothing, unreadable layers or an unwritable output.
    """
    fmt = _check_format(fmt, output, many=layer == ALL)
    output_crs = target_crs(crs, fmt)
    if category is not None:
        check_category(category)
    if subdistrict is not None and not subdistrict.strip():
        raise InputError("--subdistrict", "the 街道 is empty (give its name or code, or leave the option out)")
    tables = select_tables(layer, layers_dir)
    catalog = Path(layers_dir).parent / "projects.geojson"
    if fmt == "gpkg" and layer == ALL and catalog.is_file():
        tables.append(read_projects(catalog))  # the whole catalog rides along as a plain table
    tables = filter_tables(tables, layer, category=category, subdistrict=subdistrict)
    if fmt == "shp":
        tables = [located_only(t, single=layer != ALL) for t in tables]
        tables = [t for t in tables if t is not None]
    frames = [(t, to_frame(t, output_crs)) for t in tables]
    return _write(frames, layer, fmt, output, _source_files(layers_dir))


def _write(frames, layer, fmt, output, sources):
    """Write the frames; the list of files written."""
    many = layer == ALL
    if fmt in ("gpkg", "shp"):
        stem = None if many or fmt == "gpkg" or not frames else _output_shp(output, frames[0][0].name, many).stem
        check_table_names(frames, fmt, catalog_layers=layer == PROJECTS, stem=stem)
    if fmt == "gpkg":
        path = _not_a_source(_output_file(output, layer, fmt), sources)
        return [write_gpkg(path, frames, catalog_layers=layer == PROJECTS)]
    if fmt == "kml":
        from geo.export.kml import write_kml

        path = _not_a_source(_output_file(output, layer, fmt), sources)
        return [write_kml(path, frames, title=f"geo: {layer}")]
    if fmt == "xlsx":  # Excel: codes of 12 digits kept as text, which a CSV opened in Excel loses
        from geo.export.sheets import write_xlsx

        path = _not_a_source(_output_file(output, layer, fmt), sources)
        return [write_xlsx(path, frames, title=f"geo export {layer}")]
    for table, frame in frames:  # before anything is written
        if fmt == "shp":
            shp = _output_shp(output, table.name, many)
            check_shared_prj(shp.parent, shapefile_names(shp.stem, frame), fmt, frame.crs)
        elif fmt == "csv":
            path = _output_in_dir(output, table.name, fmt) if many else _output_file(output, layer, fmt)
            check_shared_prj(path.parent, [path.stem], fmt, frame.crs)
    written = []
    for table, frame in frames:
        if fmt == "shp":
            shp = _not_a_source(_output_shp(output, table.name, many), sources)
            written += write_shapefiles(shp, table.name, frame, table.path)
        else:
            path = _output_in_dir(output, table.name, fmt) if many else _output_file(output, layer, fmt)
            path = _not_a_source(path, sources)
            written.append(write_geojson(path, table, frame) if fmt == "geojson" else write_csv(path, frame, table.name))
    if many:
        _remove_earlier_layers(output, fmt, {table.name for table, _ in frames})
    return written


def _remove_earlier_layers(output, fmt, exported):
    """Remove from the folder of ``all`` the layers an earlier export wrote there and this one does
    not (a category the report no longer has, or one a filter left out): one export, one set."""
    from geo.data import category_codes
    from geo.pipeline import OUTLINE_LAYER, ZONES_LAYER

    directory = _output_in_dir(output, ALL, fmt).parent
    for name in sorted({*category_codes(), ZONES_LAYER, OUTLINE_LAYER} - exported):
        remove_exported_layer(directory, name, fmt)


# --------------------------------------------------------------------------- output paths


def _check_format(fmt, output, *, many):
    """The format to write: ``fmt``, or the one ``output`` names; InputError when the two disagree."""
    if fmt is not None and fmt not in FORMATS:
        raise InputError("--format", f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    suffix = Path(str(output)).suffix.lower() if output is not None and not Path(output).is_dir() else ""
    named = {".json": "geojson", **{ext: name for name, ext in EXTENSIONS.items()}}.get(suffix)
    as_directory = many or fmt == "shp" or str(output).endswith(("/", os.sep))
    if suffix and named is None and (not as_directory or suffix in OTHER_FORMATS):
        # s.xlsx, s.kml, s.zip: a name promising a format this export does not write
        raise InputError("-o", f"{output} ends in {suffix}, which is not a format geo exports "
                               f"(use {', '.join(EXTENSIONS.values())}, or --format with a matching name)")
    if fmt is None:
        # an existing folder named out.csv: the format its name says, written in it (not GeoJSON, unsaid)
        fmt = named or _named_by_folder(output) or "geojson"
    elif named and named != fmt:
        raise InputError("-o", f"{output} ends in {suffix} but --format is {fmt} (name it {Path(output).stem}"
                               f"{EXTENSIONS[fmt]}, or drop --format)")
    if many and named and fmt not in ONE_FILE_FORMATS:
        raise InputError("-o", f"{output}: 'all' as {fmt} writes one file per layer, so -o names a directory "
                               f"(e.g. {Path(output).stem}/)")
    return fmt


def _named_by_folder(output):
    """The format an existing folder ``output``'s name ends in (``成果.csv/``), else None."""
    if output is None or not Path(output).is_dir():
        return None
    return {".json": "geojson", **{ext: name for name, ext in EXTENSIONS.items()}}.get(Path(str(output)).suffix.lower())


def _source_files(layers_dir) -> set:
    """The files an export reads (every layer and the catalog), resolved, and the layers folder
    itself (a ``*.geojson`` written there would be read as a layer); with the identity
    (device, inode) of each that exists, which a hard link to it shares."""
    files = set(layer_files(layers_dir, must_exist=False).values()) | {Path(layers_dir).parent / "projects.geojson"}
    return {os.path.realpath(p) for p in files} | {os.path.join(os.path.realpath(layers_dir), "*.geojson")} | \
        {identity for p in files if (identity := _identity(p)) is not None}


def _identity(path):
    """``(device, inode)`` of an existing file, else None."""
    try:
        stat = os.stat(path)
    except (OSError, ValueError):
        return None
    return (stat.st_dev, stat.st_ino)


def _not_a_source(path, sources):
    """``path``, unless writing it would overwrite a layer or the catalog being exported from (by its
    path, through a symbolic link, or as a hard link to it), or add a GeoJSON file to the layers
    folder (every later stage and export would take it for a layer)."""
    real = os.path.realpath(path)
    if real in sources or _identity(path) in sources:
        raise InputError(path, "is a source layer or the catalog: an export must not overwrite its input "
                               "(choose another -o, e.g. exports/)")
    if real.lower().endswith(".geojson") and os.path.join(os.path.dirname(real), "*.geojson") in sources:
        raise InputError(path, "is in the layers folder, where a GeoJSON file is read as a layer (geo layers, "
                               "geo export all): choose another -o, e.g. exports/")
    return path


def _output_file(output, layer, fmt):
    name = f"{layer}{EXTENSIONS[fmt]}"
    if output is None:
        return DEFAULT_EXPORT_DIR / name
    text = str(output)
    if Path(output).is_dir() or text.endswith(("/", os.sep)):
        return Path(output) / name
    if not Path(output).suffix:  # -o 成果: 成果.gpkg, a file Windows and GDAL know by its name
        return Path(f"{text}{EXTENSIONS[fmt]}")
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


