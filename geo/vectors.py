"""Vector files read with one-line errors: any OGR source through pyogrio, a Shapefile's text codec told from its .cpg or its records, a missing or damaged .prj named."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from geo.dbf import (  # noqa: F401 - dbf_* and cpg_codec are read from here too
    cpg_codec, cut_field_names, dbf_cut_names, dbf_fields, dbf_records_codec, dbf_sample, decodes, indexed_copy,
    read_sidecar, without_shx,
)
from geo.cad import is_drawing, no_crs_of_drawing, prj_beside
from geo.csv_geometry import csv_open_options, with_stated_srid
from geo.file_kinds import (check_columnar, check_geojson_text, check_shapefile_header, check_unread_archive,
                            check_zip_packing, esri_json_crs_hint, geojson_copy, zip_cut_short)
from geo.geojson_read import check_features_read
from geo.io import InputError, check_input_file, check_library_path, error_line, parse_json
from geo.survey import unstated_zone_hint
from geo.vector_frames import check_numbers_fit_crs, drawing_text, flat, warn_lost_characters, without_false_places
from geo.vector_layers import (check_network_link, field_aliases, is_kml_archive, kml_listing, kml_sources, layer_names,
                               read_kml_documents)


def _dbf_encoding(path: Path, *, sniff=False):
    """Encoding for a Shapefile's .dbf: the codec its .cpg names, when the records decode with it.

    Otherwise (no .cpg, ``System``, a codec that fails on the records, or ``sniff``) the
    records decide: UTF-8, else GB18030/GBK or Big5 (:func:`geo.text_codecs.detect_cjk_codec`).
    """
    declared = None if sniff else _declared_codec(path)
    dbf = next((p for p in (path.with_suffix(".dbf"), path.with_suffix(".DBF")) if p.exists()), None)
    if dbf is None:
        return declared
    return dbf_records_codec(read_sidecar(dbf, dbf_sample), declared)


def _container_encoding(path: Path, layer=None, *, sniff=False):
    """Encoding for the Shapefiles inside a folder or a zip archive (``jd.zip``, ``jd.shp.zip``).

    GDAL reads a .dbf without a .cpg as ISO-8859-1, inside a folder or an archive as beside
    it: each Shapefile of ``path`` (only the one named ``layer`` when given) has its codec
    told as :func:`_dbf_encoding` tells a lone .shp's. None when there is no Shapefile,
    when the archive cannot be opened (GDAL then says why) or when the Shapefiles disagree.
    """
    codecs = set()
    if path.is_dir():
        for shp in shapefiles_in(path):
            if layer is None or shp.stem == layer:
                codecs.add(_dbf_encoding(shp, sniff=sniff))
        return codecs.pop() if len(codecs) == 1 else None
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            members = {name.lower(): name for name in archive.namelist()}
            for lower, name in sorted(members.items()):
                stem, suffix = lower[:-4], lower[-4:]
                if suffix != ".shp" or (layer is not None and Path(name).stem != layer):
                    continue
                dbf, cpg = members.get(f"{stem}.dbf"), members.get(f"{stem}.cpg")
                if dbf is None:
                    continue
                declared = None
                if cpg is not None and not sniff:
                    declared = cpg_codec(archive.read(cpg).decode("ascii", errors="replace"))
                with archive.open(dbf) as handle:
                    codecs.add(dbf_records_codec(dbf_sample(handle), declared))
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return None
    return codecs.pop() if len(codecs) == 1 else None


def _check_dbf_beside(path: Path) -> None:
    """InputError when a Shapefile has no .dbf (nor .DBF) beside it."""
    if not path.with_suffix(".dbf").exists() and not path.with_suffix(".DBF").exists():
        raise InputError(path, "Shapefile has no .dbf beside it")


def _check_record_counts(path: Path):
    """InputError when a Shapefile's .shx indexes another number of shapes than its .dbf holds
    records: a .dbf from another version of the file. GDAL reads as many features as the .dbf
    has records, and would drop the shapes beyond them (or give the last ones no attributes)."""
    shx = next((p for p in (path.with_suffix(".shx"), path.with_suffix(".SHX")) if p.exists()), None)
    dbf = next((p for p in (path.with_suffix(".dbf"), path.with_suffix(".DBF")) if p.exists()), None)
    if shx is None or dbf is None:
        return  # a missing .shx is made anew (indexed_copy); GDAL says what is wrong without a .dbf
    header = read_sidecar(dbf, lambda handle: handle.read(8))
    if len(header) < 8:
        return
    records = int.from_bytes(header[4:8], "little")
    shapes = max(0, (shx.stat().st_size - 100) // 8)  # a 100-byte header, then 8 bytes per shape
    if shapes != records:
        raise InputError(path, f"holds {shapes} shape{'s' * (shapes != 1)} but its .dbf {records} "
                               f"record{'s' * (records != 1)} (a .dbf or .shx from another version of the file?)")


def _declared_codec(path: Path):
    """The codec the Shapefile's .cpg names, or None (no .cpg, or one saying ``System``)."""
    cpg = next((p for p in (path.with_suffix(".cpg"), path.with_suffix(".CPG")) if p.exists()), None)
    return cpg_codec(read_sidecar(cpg).decode("ascii", errors="replace")) if cpg else None


def gdal_source(path):
    """What GDAL opens for the vector file ``path``: the path itself, or for a zip archive with no
    Shapefile at its top but all of them in one folder (a folder zipped whole, as Windows'
    "Send to > Compressed (zipped) folder" does) that folder inside it, which GDAL would not find,
    and for one holding a File Geodatabase (GDAL finds one only in ``jd.gdb.zip``) the ``.gdb`` in it;
    for a KML declaring GBK or Big5 (or a KMZ holding one), a UTF-8 copy of it
    (:func:`geo.kml_encoding.readable_copy`)."""
    import zipfile

    from geo.kml_encoding import readable_copy

    path = Path(path)
    if path.suffix.lower() in (".kml", ".kmz"):
        if path.suffix.lower() == ".kmz":
            kml_sources(path)  # its checks first (a zip bomb: GDAL would unpack and parse all of it)
        return readable_copy(path)  # a KML in GBK or Big5: a UTF-8 copy of it
    if path.suffix.lower() in (".geojson", ".json"):
        return geojson_copy(path)  # lone surrogate escapes, integers past 64 bits: GDAL misreads them
    if without_shx(path):
        check_shapefile_header(path)  # another file named .shp has no .shx to make anew either
        _check_dbf_beside(path)  # nor one without its .dbf (refused before a warning of its .shx)
        return indexed_copy(path)  # its .shx made anew, beside links to its files
    if path.suffix.lower() != ".zip" or not path.is_file():
        return path
    try:
        with zipfile.ZipFile(path) as archive:
            names = [name.replace("\\", "/") for name in archive.namelist()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return path  # GDAL says what is wrong with it
    folders = {name.rpartition("/")[0] for name in names if name.lower().endswith(".shp")}
    if not folders and len(geodatabases := zipped_geodatabases(names)) == 1:
        return f"/vsizip/{path.resolve()}/{geodatabases.pop()}"  # 街道数据.zip holding jd.gdb
    if is_kml_archive(path):
        return readable_copy(path, archive=True)  # a KML zipped (to send it): read as a KMZ
    if len(folders) != 1 or "" in folders:
        return path
    return f"/vsizip/{path.resolve()}/{folders.pop()}"


def zipped_geodatabases(names):
    """The File Geodatabases (``jd.gdb``, ``成果/jd.gdb``) among the member ``names`` of a zip archive."""
    found = set()
    for name in names:
        parts = name.split("/")
        depth = next((i for i, part in enumerate(parts[:-1]) if part.lower().endswith(".gdb")), None)
        if depth is not None:
            found.add("/".join(parts[:depth + 1]))
    return found


def _read_dataframe(path, kwargs, chunk=50_000):
    """pyogrio.read_dataframe, in chunks under a progress bar when the file is large and
    stderr is a terminal (a 60 MB districts file takes half a minute). A KMZ holding several
    KML documents is read whole (:func:`geo.vector_layers.read_kml_documents`)."""
    import pyogrio

    from geo import progress

    if len(sources := [source for source, _, _ in kml_listing(path)]) > 1:
        return read_kml_documents(path, sources, kwargs)
    source = gdal_source(path)
    size = sum(p.stat().st_size for p in ([path] if path.is_file() else path.iterdir()) if p.is_file())
    if size < progress.settings.PROGRESS_MIN_BYTES or not progress.enabled():
        return pyogrio.read_dataframe(source, **kwargs)
    import pandas as pd

    total = pyogrio.read_info(source, **{k: v for k, v in kwargs.items() if k in ("layer", "encoding", "ENCODING")})["features"]
    if total <= chunk:
        return pyogrio.read_dataframe(source, **kwargs)
    parts = []
    with progress.bar(total, f"reading {path.name}", unit="features", threshold=0) as advance:
        for start in range(0, total, chunk):
            parts.append(pyogrio.read_dataframe(source, skip_features=start, max_features=chunk, **kwargs))
            advance(len(parts[-1]))
    return pd.concat(parts, ignore_index=True)


def undecodable(path: Path) -> str:
    """What to say about attribute text that does not decode: the fix depends on the format."""
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json"):
        return "GeoJSON text must be UTF-8 (RFC 7946); save the file as UTF-8"
    if suffix in (".shp", ".dbf"):
        return "attribute text is in an unknown encoding; add a .cpg file naming it (e.g. GBK, UTF-8, BIG5)"
    return "attribute text is in an unknown encoding (expected UTF-8)"


# The (old, pre-RFC 7946) "crs" member of a GeoJSON file: {"type": "name", "properties": {"name": ...}}.
_GEOJSON_CRS = re.compile(rb'"crs"\s*:\s*\{[^{}]*"properties"\s*:\s*\{[^{}]*"name"\s*:\s*"([^"]*)"')


def _check_geojson_crs(path: Path):
    """InputError when a GeoJSON file declares a CRS that does not exist.

    GDAL reads ``"crs": {... "name": "urn:ogc:def:crs:EPSG::999999"}`` as WGS-84 without a
    word; coordinates in an unknown CRS must not be taken for degrees. The member comes
    before the features in every writer's output, so the head of the file is enough.
    """
    if path.is_dir() or path.suffix.lower() not in (".geojson", ".json"):
        return
    with open(path, "rb") as handle:
        match = _GEOJSON_CRS.search(handle.read(65536))
    if match is None:
        return
    import pyproj

    name = match.group(1).decode("utf-8", "replace")
    try:
        pyproj.CRS.from_user_input(name)
    except pyproj.exceptions.CRSError:
        raise InputError(path, f"declares an unknown coordinate reference system {name!r}") from None


def _explain_unreadable(path: Path):
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
    check_columnar(path)  # GeoParquet without GDAL's Parquet driver: "libduckdb.so: cannot open shared object file"
    if suffix in (".geojson", ".json") and path.is_file():
        from geo.geojson_read import check_coordinate_numbers, check_feature_array

        data = parse_json(read_sidecar(path).decode("utf-8-sig", errors="replace"), path, kind="a GeoJSON file")
        check_coordinate_numbers(data, path)  # NaN opening a ring: GDAL says "not a closed linestring"
        check_feature_array(data, path)  # [{"type": "Feature", …}]: GDAL reads no such file
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


def _zipped_tables(path: Path):
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


def _check_layer(path: Path, layer):
    """InputError naming the layers there are when ``path`` has no layer ``layer`` (GDAL says only
    that it "could not be opened"); nothing when the file cannot be listed (read_vector says why)."""
    try:
        names = layer_names(path) if is_kml_archive(path) else \
            [name for _, layers, error in kml_listing(path) if error is None for name, _ in layers]
    except Exception:  # noqa: BLE001 - not readable: read_vector reports it in one line
        return
    if names and str(layer) not in names:
        shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
        raise InputError(path, f"has no layer {str(layer)!r} (its layers: {shown})")


def _has_geometry(frame) -> bool:
    """True when ``frame`` (what pyogrio read) is a GeoDataFrame with an active geometry column.

    pyogrio gives a plain DataFrame for a table without geometry (a spreadsheet, a
    GeoPackage attribute table), which has no ``geometry`` attribute at all.
    """
    import geopandas

    if not isinstance(frame, geopandas.GeoDataFrame):
        return False
    name = getattr(frame, "_geometry_column_name", None)
    return name is not None and name in frame


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


def no_crs(path, frame=None) -> str:
    """What to say of a vector file GDAL found no CRS in: for a Shapefile, whether its .prj is
    missing or there but unreadable (``has no coordinate reference system (add a .prj ...)``), and
    which one its numbers ask for when ``frame`` (what was read) holds Gauss-Kruger metres. A CSV of
    WKT can hold no CRS: GDAL reads one from a .prj beside it, as beside a Shapefile."""
    path = Path(str(path))
    hint = unstated_zone_hint(frame) if frame is not None else ""
    if path.suffix.lower() not in (".shp", ".csv"):
        said = "; ".join(filter(None, (esri_json_crs_hint(path), hint[2:])))  # an ArcGIS REST answer without it
        return f"has no coordinate reference system{f' ({said})' if said else ''}"
    there = any(path.with_suffix(suffix).exists() for suffix in (".prj", ".PRJ"))
    return (f"has no coordinate reference system ({'its .prj names none GDAL reads' if there else 'add a .prj file beside it'}"
            f"{hint})")


def is_topojson(path) -> bool:
    """Whether ``path`` is a TopoJSON file (``"type": "Topology"`` in its first kilobytes), which GDAL reads
    without a CRS: the format has no member for one, and its coordinates are lon/lat, as d3 and mapshaper
    write them (a projected one is refused by :func:`geo.vector_frames.check_numbers_fit_crs`)."""
    path = Path(path)
    if path.suffix.lower() not in (".json", ".topojson") or not path.is_file():
        return False
    with open(path, "rb") as handle:
        return re.search(rb'"type"\s*:\s*"Topology"', handle.read(1 << 16)) is not None


def is_geodatabase(path) -> bool:
    """Whether ``path`` is an ArcGIS File Geodatabase: a folder named ``*.gdb`` (GDAL's OpenFileGDB reads it)."""
    path = Path(path)
    return path.is_dir() and path.suffix.lower() == ".gdb"


def shapefiles_in(folder, *, levels=1):
    """The Shapefiles (``.shp``, in any case: ``ROADS.SHP`` from Windows) of ``folder`` and of
    its subfolders down to ``levels`` deep: the folder's own first, each level in name order."""
    patterns = ["/".join(["*"] * depth) for depth in range(1, levels + 1)]
    return [p for pattern in patterns for p in sorted(Path(folder).glob(pattern))
            if p.suffix.lower() == ".shp" and p.is_file()]


def arc_step_degrees() -> float:
    """The angle between the vertices GDAL puts along an arc (its ``OGR_ARC_STEPSIZE``) so that the
    chords depart at most ``settings.CURVE_TOLERANCE_M`` from an arc of radius ``settings.CURVE_RADIUS_M``
    (a chord of angle a departs r (1 - cos(a/2)) from its arc)."""
    import math

    from geo import settings

    return math.degrees(2 * math.acos(1 - settings.CURVE_TOLERANCE_M / settings.CURVE_RADIUS_M))


@contextlib.contextmanager
def _gdal_options(path):
    """GDAL's options while reading ``path``: GDAL's LIBKML driver turns every non-ASCII character of
    a field name into ``_`` (an ExtendedData ``坐标系`` or ``精度`` of an 奥维 or Google Earth file
    would be lost): not for a .kml or .kmz file; a DXF's text in its own encoding
    (:func:`geo.cad.drawing_gdal_options`); arcs linearised to ``settings.CURVE_TOLERANCE_M`` (:func:`arc_step_degrees`)."""
    import pyogrio

    from geo.cad import drawing_gdal_options

    options = {"LIBKML_LAUNDER_FIELD_NAMES": "NO"} if path.suffix.lower() == ".kml" or is_kml_archive(path) else {}
    options.update(drawing_gdal_options(path))
    options["OGR_ARC_STEPSIZE"] = f"{arc_step_degrees():.6f}"
    if without_shx(path):
        options["SHAPE_RESTORE_SHX"] = "YES"  # in the copy (gdal_source)
    previous = {option: pyogrio.get_gdal_config_option(option) for option in options}
    pyogrio.set_gdal_config_options(options)
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options(previous)


def read_vector(path, *, layer=None, assume_crs=None, bbox=None, where=None, skip_invalid=False, unstated=None):
    """Read any OGR-readable vector file into a GeoDataFrame with one-line errors.

    Shapefiles without a ``.cpg`` have their attribute encoding sniffed (UTF-8, else
    GBK/GB18030), since Chinese Shapefiles are often GBK. A file without a CRS is an
    error unless ``assume_crs`` is given. ``bbox`` (in the layer's CRS) and ``where`` (an
    attribute filter) are GDAL's, passed on to ``pyogrio.read_dataframe``. A geometry GEOS
    cannot build (a ring of two points) makes the file unreadable, unless ``skip_invalid``:
    then that feature's geometry is None (see :func:`geo.vector_frames.unbuilt_geometries`). The aliases of a
    GeoPackage's fields are in ``attrs["field_aliases"]`` (:func:`geo.vector_layers.field_aliases`). ``unstated``, a function
    of the frame read, gives more to say when the file has no CRS (the zone its numbers fit).
    """
    path = Path(path)
    if path.is_dir() and not shapefiles_in(path) and not is_geodatabase(path):
        raise InputError(path, "is a directory, expected a vector file")
    if not path.is_dir():
        check_input_file(path)
    check_library_path(path)
    check_unread_archive(path)  # RAR, 7-Zip: "not a vector file GDAL reads", named .zip "not a zip file"
    check_shapefile_header(path)
    check_geojson_text(path)
    if path.suffix.lower() in (".zip", ".kmz") and path.is_file():
        check_zip_packing(path)  # encrypted, or bzip2: GDAL finds no layer, zipfile raises RuntimeError
    check_network_link(path)  # a KML of a NetworkLink alone: GDAL says "no container element at the root"
    kwargs = {}
    container = path.is_dir() or path.suffix.lower() == ".zip"
    if path.suffix.lower() == ".shp":
        _check_dbf_beside(path)
        _check_record_counts(path)
        encoding = _dbf_encoding(path)
        if encoding:
            kwargs["encoding"] = encoding
    elif container:
        encoding = _container_encoding(path, layer)
        if encoding:
            kwargs["encoding"] = encoding
    kwargs.update(csv_open_options(path))
    for option, value in (("layer", layer), ("bbox", bbox), ("where", where)):
        if value is not None:
            kwargs[option] = value
    if skip_invalid:
        kwargs["on_invalid"] = "ignore"
    if layer is not None:
        _check_layer(path, layer)
    _check_geojson_crs(path)
    try:
        try:
            with _gdal_options(path):
                gdf = _read_dataframe(path, kwargs)
        except UnicodeDecodeError:
            # A .cpg that says UTF-8 over GBK records (or the reverse) is common: the records decide.
            sniffed = None
            if "encoding" in kwargs:
                sniffed = _container_encoding(path, layer, sniff=True) if container else _dbf_encoding(path, sniff=True)
            codec = sniffed or kwargs.get("encoding")
            if codec and path.suffix.lower() == ".shp" and cut_field_names(path, codec):
                gdf = _read_with_cut_field_names(path, kwargs, codec)
            elif (mapinfo := _mapinfo_codec(path)) is not None:
                gdf = _read_dataframe(path, {**kwargs, "encoding": mapinfo})
            elif not sniffed or sniffed == kwargs["encoding"]:
                raise
            else:
                gdf = _read_dataframe(path, {**kwargs, "encoding": sniffed})
    except UnicodeDecodeError:
        raise InputError(path, undecodable(path)) from None
    except InputError:
        raise
    except Exception as exc:  # pyogrio/GDAL raise DataSourceError, DataLayerError, RuntimeError...
        _explain_unreadable(path)
        raise InputError(path, unreadable(exc, path)) from None
    check_features_read(path, gdf)  # a collection in a Feature, a 'feature', a Polygon of 4 levels: GDAL read none
    if not _has_geometry(gdf):
        raise InputError(path, _zipped_tables(path) or "has no geometry column")
    gdf = with_stated_srid(path, gdf)  # a PostGIS dump's EWKT or hex EWKB
    if gdf.crs is None and is_drawing(path):
        crs = prj_beside(path) or assume_crs  # ArcGIS's way: jd.prj beside jd.dxf
        if crs is None:
            raise InputError(path, no_crs_of_drawing(path) + unstated_zone_hint(gdf) + (unstated(gdf) if unstated else ""))
        gdf = gdf.set_crs(crs)
    if gdf.crs is None and is_topojson(path):  # lon/lat by the format's use (d3, mapshaper); metres are refused below
        gdf = gdf.set_crs(4326)
    if gdf.crs is None:
        if assume_crs is None:
            raise InputError(path, no_crs(path, gdf) + (unstated(gdf) if unstated else ""))
        gdf = gdf.set_crs(assume_crs)
    from geo.crs import refuse_local_datum

    try:
        refuse_local_datum(gdf.crs)  # Xian 1980, Beijing 1954: read as WGS-84 they land tens of metres off
    except ValueError as exc:
        raise InputError(path, str(exc)) from None
    if is_drawing(path):
        gdf = drawing_text(gdf)
    warn_lost_characters(path, gdf)
    gdf = without_false_places(flat(gdf))
    check_numbers_fit_crs(path, gdf, lambda: unstated_zone_hint(gdf) + (unstated(gdf) if unstated else ""))
    if aliases := {field: alias for field, alias in field_aliases(path, layer).items() if field in gdf.columns}:
        gdf.attrs["field_aliases"] = aliases  # 街道名称 for JDMC: what ArcGIS and QGIS show
    return gdf


def _mapinfo_codec(path: Path):
    """GB18030 or Big5 for a MapInfo file (.mif, .tab) whose text (its .mid, or its .dat) is no UTF-8,
    as a header saying Charset "Neutral" leaves it (GDAL passes the bytes on); else None."""
    from geo import settings
    from geo.text_codecs import detect_cjk_codec

    suffix = path.suffix.lower()
    if suffix not in (".mif", ".tab"):
        return None
    text = {".mif": ".mid", ".tab": ".dat"}[suffix]
    part = next((p for p in (path.with_suffix(text), path.with_suffix(text.upper())) if p.is_file()), None)
    if part is None:
        return None
    return detect_cjk_codec(read_sidecar(part, lambda handle: handle.read(settings.DBF_SAMPLE_BYTES)))


def _read_with_cut_field_names(path: Path, kwargs, codec):
    """The Shapefile read byte for byte (GDAL told its .dbf is ISO-8859-1), then its field names and
    text decoded with ``codec``, a name cut mid-character (:func:`geo.dbf.cut_field_names`) without the cut part."""
    from pandas.api.types import is_object_dtype, is_string_dtype

    cut = cut_field_names(path, codec)
    options = {key: value for key, value in kwargs.items() if key != "encoding"}
    gdf = _read_dataframe(path, {**options, "ENCODING": "ISO-8859-1"})
    for column in gdf.columns:
        if column != gdf.geometry.name and (is_object_dtype(gdf[column]) or is_string_dtype(gdf[column])):
            gdf[column] = gdf[column].map(lambda v: v.encode("latin-1").decode(codec) if isinstance(v, str) else v)
    return gdf.rename(columns={c: cut.get(c) or c.encode("latin-1").decode(codec) for c in gdf.columns
                               if c != gdf.geometry.name})
