"""What to say of a vector file GDAL cannot read, or reads without a CRS or with text in an unknown codec."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from geo.dbf import read_sidecar
from geo.file_kinds import check_columnar, esri_json_crs_hint, zip_cut_short
from geo.io import InputError, error_line, parse_json
from geo.survey import unstated_zone_hint
from geo.vector_sources import gdal_source, zipped_geodatabases


def undecodable(path: Path) -> str:
    """What to say about attribute text that does not decode: the fix depends on the format."""
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json", ".js"):  # .js: var jiedao = {…}; a web map's data file
        return "GeoJSON text must be UTF-8 (RFC 7946); save the file as UTF-8"
    if suffix in (".shp", ".dbf"):
        return "attribute text is in an unknown encoding; add a .cpg file naming it (e.g. GBK, UTF-8, BIG5)"
    return "attribute text is in an unknown encoding (expected UTF-8)"


# The (old, pre-RFC 7946) "crs" member of a GeoJSON file: {"type": "name", "properties": {"name": ...}}.
_GEOJSON_CRS = re.compile(rb'"crs"\s*:\s*\{[^{}]*"properties"\s*:\s*\{[^{}]*"name"\s*:\s*"([^"]*)"')


def check_geojson_crs(path: Path):
    """InputError when a GeoJSON file declares a CRS that does not exist; the CRS of a Chinese web
    map's datum when it declares one by its label.

    GDAL reads ``"crs": {... "name": "urn:ogc:def:crs:EPSG::999999"}`` as WGS-84 without a
    word; coordinates in an unknown CRS must not be taken for degrees. The member comes
    before the features in every writer's output, so the head of the file is enough. A label
    such as ``GCJ02`` or ``BD09`` (a web-map downloader's, as in its ``.prj`` files) is no CRS
    pyproj knows but says the datum of the lon/lat: it gives lon/lat on that datum, as a
    ``.prj`` of that name does (:func:`geo.crs.stated_web_datum`), for the caller to set.
    """
    if path.is_dir() or path.suffix.lower() not in (".geojson", ".json"):
        return None
    with open(path, "rb") as handle:
        match = _GEOJSON_CRS.search(handle.read(65536))
    if match is None:
        return None
    import pyproj

    from geo.crs import stated_web_datum

    name = match.group(1).decode("utf-8", "replace")
    try:
        pyproj.CRS.from_user_input(name)
    except pyproj.exceptions.CRSError:
        labelled = pyproj.CRS.from_wkt(_WEB_DATUM_WKT.format(name=name.replace('"', "")))
        if stated_web_datum(labelled):
            return labelled
        raise InputError(path, f"declares an unknown coordinate reference system {name!r}") from None
    return None


# Lon/lat on a web map's datum named by its label, as the .prj files of web-map downloaders give them.
_WEB_DATUM_WKT = ('GEOGCS["{name}",DATUM["D_{name}",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
                  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')


# 奥维互动地图's own formats (its objects, tracks and marks): the KML it exports is read.
_OVITAL = {".ovobj": "object file (.ovobj)", ".ovjsn": "object file (.ovjsn)"}


def explain_unreadable(path: Path):
    """Say why GDAL could not read a file, when its own words would mislead ("not recognized").

    A GeoJSON file whose JSON is broken or nested too deeply gets :func:`geo.io.parse_json`'s
    message, one with a coordinate that is no number (NaN opening a ring: GDAL's "not closed")
    :func:`geo.geojson_read.check_coordinate_numbers`'s; a GeoPackage without any table gets "GeoPackage has no layers", any other file
    GDAL opens but finds no layer in (a KML without a Placemark) "holds no layer". Returns
    None when there is nothing better to say than GDAL's message.
    """
    suffix = path.suffix.lower()
    if suffix == ".dwg":
        raise InputError(path, "an AutoCAD DWG drawing, which GDAL cannot read: save it as DXF in CAD (另存为 DXF), "
                               "with its .prj beside it")
    if suffix in _OVITAL:  # 奥维's own files, as planners share them: GDAL reads none
        raise InputError(path, f"is an 奥维互动地图 (Ovital Map) {_OVITAL[suffix]}, which GDAL cannot read: in 奥维, "
                               "export the objects as KML or KMZ (导出 > KML/KMZ) and give that")
    if (kind := _unread_kind(path)) is not None:  # GDAL writes them (ogr2ogr, QGIS), pyogrio's reads none
        raise InputError(path, f"is {kind}, which geo cannot read: export the layer from the program that made it "
                               "as GeoPackage, Shapefile, GeoJSON or KML (QGIS: Export > Save Features As)")
    check_columnar(path)  # GeoParquet without GDAL's Parquet driver: "libduckdb.so: cannot open shared object file"
    if suffix == ".js" and path.is_file():  # var jiedao = {…}; a web map's data file, when it holds JSON
        from geo.geojson_read import check_untyped_collection
        from geo.json_text import unwrapped_json

        if (inner := unwrapped_json(read_sidecar(path).decode("utf-8-sig", errors="replace"))) is not None:
            check_untyped_collection(parse_json(inner, path, kind="a GeoJSON file"), path)
    elif suffix in (".geojson", ".json") and path.is_file():
        from geo.geojson_read import check_coordinate_numbers, check_feature_array, check_untyped_collection
        from geo.web_answers import answer_refusal

        data = parse_json(read_sidecar(path).decode("utf-8-sig", errors="replace"), path, kind="a GeoJSON file")
        check_coordinate_numbers(data, path)  # NaN opening a ring: GDAL says "not a closed linestring"
        check_feature_array(data, path)  # [{"type": "Feature", …}]: GDAL reads no such file
        check_untyped_collection(data, path)  # {"features": […]}: GDAL's "Failed to read GeoJSON data"
        if (refusal := answer_refusal(data)) is not None:  # a script's saved answer of Amap, Overpass…
            raise InputError(path, refusal)
    elif suffix == ".gpkg" and path.is_file():
        import sqlite3

        try:
            with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
                tables = db.execute("SELECT count(*) FROM gpkg_contents").fetchone()[0]
        except sqlite3.OperationalError:  # no such table, a journal to roll back: GDAL's message says it
            return
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # corrupt (its message may quote the bad bytes)
            if read_sidecar(path, lambda handle: handle.read(16)) == b"SQLite format 3\x00":
                said = exc.object.decode("utf-8", "replace") if isinstance(exc, UnicodeDecodeError) else str(exc)
                raise InputError(path, f"is a damaged GeoPackage (SQLite: {said})") from None
            return
        except sqlite3.Error:
            return
        if tables == 0:
            raise InputError(path, "GeoPackage has no layers")
    else:
        if suffix in (".kmz", ".zip") and path.is_file():
            _explain_zip(path)
        import pyogrio

        try:
            layers = pyogrio.list_layers(gdal_source(path))
        except Exception:  # noqa: BLE001 - not readable at all: GDAL's message says why
            return
        if len(layers) == 0:  # a KML without any Placemark; pyogrio: "index 0 is out of bounds"
            raise InputError(path, "holds no layer (no features to read)")


# Files GDAL 3.6 writes (ogr2ogr, QGIS 3.22's Save Features As) that the GDAL geo reads through cannot open, by their
# first bytes (a suffix alone may be another's: .map, .sql): what each is.
_UNREAD_KINDS = ((".pdf", b"%PDF-", "a PDF (a map exported or printed to PDF, a GeoPDF: drawn, not data)"),
                 (".sql", b"SET ", "a PostgreSQL dump (SQL statements, GDAL's PGDump: load it into PostGIS to read it)"),
                 (".sql", b"--", "an SQL script (a PostgreSQL dump?: load it into its database to read it)"),
                 (".nc", b"CDF", "a netCDF file (a grid of values, not features)"),
                 (".gxt", b"//", "a Geoconcept export (.gxt)"),
                 (".mapml", b"<mapml", "a MapML document (for web maps)"))


def _unread_kind(path: Path):
    """What the file ``path`` is when it is one of :data:`_UNREAD_KINDS`, by its suffix and first bytes; else None."""
    if not path.is_file():
        return None
    head = read_sidecar(path, lambda handle: handle.read(64)).lstrip(b"\xef\xbb\xbf \t\r\n")
    return next((kind for suffix, magic, kind in _UNREAD_KINDS if path.suffix.lower() == suffix
                 and head.startswith(magic)), None)


# What GDAL reads inside a zip archive (a zipped Shapefile's .shp, or another vector file).
_ZIPPED_VECTORS = (".shp", ".geojson", ".json", ".gpkg", ".kml", ".gml", ".gpx", ".tab", ".mif", ".csv", ".fgb")


def _explain_zip(path: Path):
    """InputError when a KMZ holds no KML document, or a zip archive no vector file GDAL would read in it,
    or several File Geodatabases and nothing else GDAL reads (GDAL opens none of them)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            members = [name.replace("\\", "/") for name in archive.namelist()]
    except (zipfile.BadZipFile, ValueError) as exc:  # GDAL's says "/vsizip/... does not exist"
        raise InputError(path, zip_cut_short(path) or f"is a damaged zip archive, or none ({exc})") from None
    except OSError:
        return  # GDAL's message says what is wrong
    names = [name.lower() for name in members]
    if path.suffix.lower() == ".kmz" and not any(name.endswith(".kml") for name in names):
        raise InputError(path, "is not a valid KMZ: a zip archive without a KML document (doc.kml)")
    geodatabases = sorted(zipped_geodatabases(members))
    if path.suffix.lower() == ".zip" and len(geodatabases) > 1 and not any(name.endswith(".shp") for name in names):
        shown = ", ".join(geodatabases[:5]) + ("…" if len(geodatabases) > 5 else "")
        raise InputError(path, f"is a zip archive holding {len(geodatabases)} File Geodatabases ({shown}), and geo "
                               "reads one: unzip it and give the .gdb folder to read, or zip that one alone")
    if path.suffix.lower() == ".zip" and not any(name.endswith(_ZIPPED_VECTORS) for name in names) \
            and not zipped_geodatabases(names):
        inner = [member for member in members if member.lower().endswith((".zip", ".rar", ".7z"))]
        if inner:  # a download packed twice: 资料.zip holding 街道边界.zip
            raise InputError(path, f"is a zip archive holding no vector file GDAL reads, but another archive "
                                   f"({'、'.join(inner[:3])}): unzip it and give the one inside")
        raise InputError(path, "is a zip archive holding no Shapefile (.shp) nor other vector file GDAL reads")


def zipped_tables(path: Path):
    """``is a zip archive holding a table (点位.csv)…`` when ``path`` is a zip archive whose files are tables alone
    (GDAL reads a zipped CSV without its coordinates: "has no geometry column"); else None."""
    import zipfile

    if path.suffix.lower() != ".zip" or not path.is_file():
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            members = [name for name in archive.namelist() if not name.endswith("/")]
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    tables = [name for name in members if name.lower().endswith((".csv", ".tsv", ".txt", ".xlsx", ".xls"))]
    if not tables or len(tables) != len(members):
        return None
    return f"is a zip archive holding a table ({'、'.join(tables[:3])}), no vector file: unzip it and give the table"


def unreadable(exc, source, what="vector file") -> str:
    """What to say of a vector file GDAL raised ``exc`` on: its CRS unreadable (a damaged
    .prj: ``CRSError``), or the file itself (``not a readable vector file (...)``)."""
    from geo.kml_encoding import copy_path

    line = error_line(exc, source)
    if (copy := copy_path(source)) is not None:  # GDAL read the UTF-8 copy of a GBK KML: not a path to show
        line = error_line(exc, copy)
    if type(exc).__name__ == "CRSError":  # pyogrio.errors.CRSError, without importing pyogrio here
        prj = " (its .prj)" if str(source).lower().endswith(".shp") else ""
        return f"has a coordinate reference system{prj} GDAL cannot read ({line})"
    if "not recognized as being in a supported file format" in line:  # and GDAL's hint to prefix a driver
        return f"not a {what} GDAL reads (GeoJSON, GeoPackage, Shapefile, KML, GPX...)"
    return f"not a readable {what} ({line})"


def no_crs(path, frame=None, local=False) -> str:
    """What to say of a vector file GDAL found no CRS in: for a Shapefile, whether its .prj is
    missing or there but unreadable (``has no coordinate reference system (add a .prj ...)``), and
    which one its numbers ask for when ``frame`` (what was read) holds Gauss-Kruger metres. A CSV of
    WKT can hold no CRS: GDAL reads one from a .prj beside it, as beside a Shapefile. ``local``: its CRS
    is a local (engineering) one, a plane placed nowhere on the earth (MapInfo's NonEarth)."""
    path = Path(str(path))
    hint = unstated_zone_hint(frame) if frame is not None else ""
    if local:
        mapinfo = " (MapInfo's NonEarth)" if path.suffix.lower() in (".tab", ".mif") else ""
        advice = ("; give the table its projection in MapInfo (Table > Maintenance > Table Structure > Projection)"
                  if mapinfo else "; put a .prj of its CRS in place of its .prj" if path.suffix.lower() in (".shp", ".csv")
                  else "")
        return (f"has no coordinate reference system placing it on the earth: its CRS is a local plane{mapinfo}"
                f"{hint}{advice}")
    if path.suffix.lower() not in (".shp", ".csv"):
        said = "; ".join(filter(None, (esri_json_crs_hint(path), hint[2:])))  # an ArcGIS REST answer without it
        return f"has no coordinate reference system{f' ({said})' if said else ''}"
    there = any(path.with_suffix(suffix).exists() for suffix in (".prj", ".PRJ"))
    return (f"has no coordinate reference system ({'its .prj names none GDAL reads' if there else 'add a .prj file beside it'}"
            f"{hint})")


def attribute_table(path: Path, frame, layer=None):
    """``has no geometry column: its layer '点位表' is a table of attributes alone (名称, 经度, 纬度)…`` for a
    GeoPackage or SQLite table without geometry (an attribute table QGIS or ArcGIS wrote beside, or instead
    of, a layer of points) or a MapInfo table of no map objects (no .map), saying that a table's lon/lat columns are read from a CSV or workbook; else None."""
    import pyogrio

    from geo.table_headers import LAT_COLUMNS, LON_COLUMNS, header_key

    mapinfo = path.suffix.lower() in (".tab", ".mif")
    if path.suffix.lower() not in (".gpkg", ".sqlite", ".db", ".tab", ".mif") or not path.is_file():
        return None
    if mapinfo:
        layer = layer or path.stem
    if layer is None:
        with contextlib.suppress(Exception):  # (GDAL's errors: it was read a moment ago)
            layer = str(pyogrio.list_layers(path)[0][0])
    columns = [str(column) for column in frame.columns if str(column).lower() not in ("geometry", "fid")]
    shown = ", ".join(columns[:6]) + ("…" if len(columns) > 6 else "")
    keys = {header_key(column) for column in columns}
    said = f"has no geometry column: its layer '{layer}' is a table of attributes alone ({shown})"
    if mapinfo and path.suffix.lower() == ".tab" and not any(path.with_suffix(s).exists() for s in (".map", ".MAP")):
        said += " (no .map beside it: a table of no map objects, or its .map and .id not copied with it?)"
    if keys & set(LON_COLUMNS) and keys & set(LAT_COLUMNS):
        said += ("; geo reads the lon/lat columns of a CSV or .xlsx table: export the layer as one (QGIS: "
                 "Export > Save Features As…, CSV" + ("; MapInfo: Table > Export, or Table > Create Points)"
                                                      if mapinfo else ")"))
    return said
