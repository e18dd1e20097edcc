"""Vector files read with one-line errors: any OGR source through pyogrio, a Shapefile's text codec told from its .cpg or its records, a missing or damaged .prj named."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from geo.io import InputError, check_input_file, check_library_path, error_line, parse_json
from geo.vector_layers import kml_listing, layer_names, read_kml_documents


def _dbf_encoding(path: Path, *, sniff=False):
    """Encoding for a Shapefile's .dbf: the codec its .cpg names, when the records decode with it.

    Otherwise (no .cpg, ``System``, a codec that fails on the records, or ``sniff``) the
    records decide: UTF-8, else GB18030/GBK or Big5 (:func:`geo.text_codecs.detect_cjk_codec`).
    """
    declared = None if sniff else _declared_codec(path)
    dbf = next((p for p in (path.with_suffix(".dbf"), path.with_suffix(".DBF")) if p.exists()), None)
    if dbf is None:
        return declared
    return dbf_records_codec(_read_sidecar(dbf, dbf_sample), declared)


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


def _check_record_counts(path: Path):
    """InputError when a Shapefile's .shx indexes another number of shapes than its .dbf holds
    records: a .dbf from another version of the file. GDAL reads as many features as the .dbf
    has records, and would drop the shapes beyond them (or give the last ones no attributes)."""
    shx = next((p for p in (path.with_suffix(".shx"), path.with_suffix(".SHX")) if p.exists()), None)
    dbf = next((p for p in (path.with_suffix(".dbf"), path.with_suffix(".DBF")) if p.exists()), None)
    if shx is None or dbf is None:
        return  # GDAL rebuilds a missing .shx, and says what is wrong without a .dbf
    header = _read_sidecar(dbf, lambda handle: handle.read(8))
    if len(header) < 8:
        return
    records = int.from_bytes(header[4:8], "little")
    shapes = max(0, (shx.stat().st_size - 100) // 8)  # a 100-byte header, then 8 bytes per shape
    if shapes != records:
        raise InputError(path, f"holds {shapes} shape{'s' * (shapes != 1)} but its .dbf {records} "
                               f"record{'s' * (records != 1)} (a .dbf or .shx from another version of the file?)")


def dbf_sample(handle) -> bytes:
    """A .dbf's header and as many whole records as :data:`geo.settings.DBF_SAMPLE_BYTES` holds,
    read from the binary ``handle``: enough to tell its text's codec (:func:`dbf_records_codec`)
    without reading a file of gigabytes, and never a character cut in two."""
    from geo import settings

    head = handle.read(32)
    if len(head) < 12:
        return head
    header_length = int.from_bytes(head[8:10], "little")
    record_length = max(1, int.from_bytes(head[10:12], "little"))
    records = max(1, (settings.DBF_SAMPLE_BYTES - header_length) // record_length)
    return head + handle.read(max(0, header_length - len(head)) + records * record_length)


def dbf_fields(data: bytes) -> list:
    """The field names in a .dbf's header (its first bytes ``data``, e.g. :func:`dbf_sample`'s),
    read without GDAL: what a layer holds when GDAL will not open it (a damaged .prj)."""
    header_length = int.from_bytes(data[8:10], "little") if len(data) >= 10 else 0
    names = []
    for start in range(32, min(header_length, len(data)) - 31, 32):
        if data[start] == 0x0D:  # the descriptors' terminator
            break
        names.append(data[start:start + 11].split(b"\0")[0].decode("latin-1").strip())
    return names


def dbf_records_codec(data: bytes, declared=None):
    """The codec of a .dbf's attribute text, its bytes ``data``: ``declared`` (what a .cpg
    names) when the records decode with it, else UTF-8, GB18030/GBK or Big5 as the records
    tell (:func:`geo.text_codecs.detect_cjk_codec`); None for text of a one-byte code page
    (ogr2ogr's default, ISO-8859-1: GDAL then reads it by the .dbf's language driver byte)."""
    from geo.text_codecs import BIG5_CODECS, detect_cjk_codec, is_single_byte_text

    # Only the records: the header holds binary counts and dates that are not text.
    header_length = int.from_bytes(data[8:10], "little") if len(data) >= 10 else 0
    data = data[header_length:].rstrip(b"\x1a")
    if declared and _decodes(data, declared):
        return declared
    detected = detect_cjk_codec(data)
    if detected and is_single_byte_text(data):
        return None
    if detected != "big5":
        return detected or "utf-8"
    return next((codec for codec in BIG5_CODECS if _decodes(data, codec)), BIG5_CODECS[-1])


def _declared_codec(path: Path):
    """The codec the Shapefile's .cpg names, or None (no .cpg, or one saying ``System``)."""
    cpg = next((p for p in (path.with_suffix(".cpg"), path.with_suffix(".CPG")) if p.exists()), None)
    return cpg_codec(_read_sidecar(cpg).decode("ascii", errors="replace")) if cpg else None


def _read_sidecar(path: Path, read=None) -> bytes:
    """The bytes of a Shapefile's companion file (.dbf, .cpg), or what ``read`` takes of its
    open handle (:func:`dbf_sample`); InputError naming it if it cannot be read."""
    try:
        if read is not None:
            with open(path, "rb") as handle:
                return read(handle)
        return path.read_bytes()
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
        return True
    except UnicodeDecodeError:
        return False


# What .cpg files say (ArcGIS, QGIS, MapInfo exports) -> Python codec. "System" and a bare
# "ANSI" mean the writer's Windows code page, unknown here: the records are sniffed, which
# reads code page 936 (GBK, what Chinese Windows writes) and UTF-8 alike.
_CPG_CODECS = {"936": "gbk", "cp936": "gbk", "ansi936": "gbk", "gbk": "gbk", "gb2312": "gbk", "gb18030": "gb18030",
               "system": None, "ansi": None, "65001": "utf-8", "utf8": "utf-8", "utf-8": "utf-8",
               "950": "big5", "cp950": "big5", "big5": "big5", "1252": "cp1252", "ansi1252": "cp1252"}


def cpg_codec(text: str):
    """The codec a .cpg names (``ANSI 936``, ``936``, ``GBK``, ``CP936``, ``System``, ``UTF-8``...), or None."""
    import codecs

    key = re.sub(r"[\s_]", "", text.strip().lower())
    if key in _CPG_CODECS:
        return _CPG_CODECS[key]
    codec = None
    if key:
        with contextlib.suppress(LookupError, ValueError):  # ValueError: a NUL byte in the name
            codec = codecs.lookup(key).name
    return codec


def gdal_source(path):
    """What GDAL opens for the vector file ``path``: the path itself, or for a zip archive with no
    Shapefile at its top but all of them in one folder (a folder zipped whole, as Windows'
    "Send to > Compressed (zipped) folder" does) that folder inside it, which GDAL would not find."""
    import zipfile

    path = Path(path)
    if path.suffix.lower() != ".zip" or not path.is_file():
        return path
    try:
        with zipfile.ZipFile(path) as archive:
            names = [name.replace("\\", "/") for name in archive.namelist()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return path  # GDAL says what is wrong with it
    folders = {name.rpartition("/")[0] for name in names if name.lower().endswith(".shp")}
    if len(folders) != 1 or "" in folders:
        return path
    return f"/vsizip/{path.resolve()}/{folders.pop()}"


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

    total = pyogrio.read_info(source, **{k: v for k, v in kwargs.items() if k in ("layer", "encoding")})["features"]
    if total <= chunk:
        return pyogrio.read_dataframe(source, **kwargs)
    parts = []
    with progress.bar(total, f"reading {path.name}", unit="features", threshold=0) as advance:
        for start in range(0, total, chunk):
            parts.append(pyogrio.read_dataframe(source, skip_features=start, max_features=chunk, **kwargs))
            advance(len(parts[-1]))
    return pd.concat(parts, ignore_index=True)


def unbuilt_geometries(label, frame, warnings=None):
    """Warn (:func:`geo.io.warn`) when features of ``frame`` have no geometry, as a reader
    skipping what GEOS cannot build leaves them (an OSM extract cut at its edge keeps a
    multipolygon of a ring of two points); the caller leaves them out."""
    from geo.io import warn

    count = int(frame.geometry.isna().sum())
    if count:
        warn(f"{label}: {count} feature(s) without a geometry that can be built (a ring of fewer than four "
             "points: an extract cut at its edge?) left out", warnings)


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
    message; a GeoPackage without any table gets "GeoPackage has no layers", any other file
    GDAL opens but finds no layer in (a KML without a Placemark) "holds no layer". Returns
    None when there is nothing better to say than GDAL's message.
    """
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json") and path.is_file():
        parse_json(_read_sidecar(path).decode("utf-8-sig", errors="replace"), path, kind="a GeoJSON file")
    elif suffix == ".gpkg" and path.is_file():
        import sqlite3

        try:
            with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
                tables = db.execute("SELECT count(*) FROM gpkg_contents").fetchone()[0]
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
    """InputError when a KMZ holds no KML document, or a zip archive no vector file GDAL would read in it."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = [name.lower() for name in archive.namelist()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # GDAL's message says what is wrong
    if path.suffix.lower() == ".kmz" and not any(name.endswith(".kml") for name in names):
        raise InputError(path, "is not a valid KMZ: a zip archive without a KML document (doc.kml)")
    if path.suffix.lower() == ".zip" and not any(name.endswith(_ZIPPED_VECTORS) for name in names):
        raise InputError(path, "is a zip archive holding no Shapefile (.shp) nor other vector file GDAL reads")


def _check_layer(path: Path, layer):
    """InputError naming the layers there are when ``path`` has no layer ``layer`` (GDAL says only
    that it "could not be opened"); nothing when the file cannot be listed (read_vector says why)."""
    try:
        names = layer_names(path) if path.suffix.lower() == ".kmz" else \
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
    line = error_line(exc, source)
    if type(exc).__name__ == "CRSError":  # pyogrio.errors.CRSError, without importing pyogrio here
        prj = " (its .prj)" if str(source).lower().endswith(".shp") else ""
        return f"has a coordinate reference system{prj} GDAL cannot read ({line})"
    if "not recognized as being in a supported file format" in line:  # and GDAL's hint to prefix a driver
        return f"not a {what} GDAL reads (GeoJSON, GeoPackage, Shapefile, KML, GPX...)"
    return f"not a readable {what} ({line})"


def no_crs(path) -> str:
    """What to say of a vector file GDAL found no CRS in: for a Shapefile, whether its .prj is
    missing or there but unreadable (``has no coordinate reference system (add a .prj ...)``)."""
    path = Path(str(path))
    if path.suffix.lower() != ".shp":
        return "has no coordinate reference system"
    there = any(path.with_suffix(suffix).exists() for suffix in (".prj", ".PRJ"))
    return f"has no coordinate reference system ({'its .prj names none GDAL reads' if there else 'add a .prj file beside it'})"


def shapefiles_in(folder, *, levels=1):
    """The Shapefiles (``.shp``, in any case: ``ROADS.SHP`` from Windows) of ``folder`` and of
    its subfolders down to ``levels`` deep: the folder's own first, each level in name order."""
    patterns = ["/".join(["*"] * depth) for depth in range(1, levels + 1)]
    return [p for pattern in patterns for p in sorted(Path(folder).glob(pattern))
            if p.suffix.lower() == ".shp" and p.is_file()]


@contextlib.contextmanager
def _kml_field_names_kept(path):
    """GDAL's LIBKML driver turns every non-ASCII character of a field name into ``_`` (an
    ExtendedData ``坐标系`` or ``精度`` of an 奥维 or Google Earth file would be lost): not while
    reading a .kml or .kmz file."""
    if path.suffix.lower() not in (".kml", ".kmz"):
        yield
        return
    import pyogrio

    option = "LIBKML_LAUNDER_FIELD_NAMES"
    previous = pyogrio.get_gdal_config_option(option)
    pyogrio.set_gdal_config_options({option: "NO"})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({option: previous})


def read_vector(path, *, layer=None, assume_crs=None, bbox=None, where=None, skip_invalid=False):
    """Read any OGR-readable vector file into a GeoDataFrame with one-line errors.

    Shapefiles without a ``.cpg`` have their attribute encoding sniffed (UTF-8, else
    GBK/GB18030), since Chinese Shapefiles are often GBK. A file without a CRS is an
    error unless ``assume_crs`` is given. ``bbox`` (in the layer's CRS) and ``where`` (an
    attribute filter) are GDAL's, passed on to ``pyogrio.read_dataframe``. A geometry GEOS
    cannot build (a ring of two points) makes the file unreadable, unless ``skip_invalid``:
    then that feature's geometry is None (see :func:`unbuilt_geometries`).
    """
    path = Path(path)
    if path.is_dir() and not shapefiles_in(path):
        raise InputError(path, "is a directory, expected a vector file")
    if not path.is_dir():
        check_input_file(path)
    check_library_path(path)
    kwargs = {}
    container = path.is_dir() or path.suffix.lower() == ".zip"
    if path.suffix.lower() == ".shp":
        if not path.with_suffix(".dbf").exists() and not path.with_suffix(".DBF").exists():
            raise InputError(path, "Shapefile has no .dbf beside it")
        _check_record_counts(path)
        encoding = _dbf_encoding(path)
        if encoding:
            kwargs["encoding"] = encoding
    elif container:
        encoding = _container_encoding(path, layer)
        if encoding:
            kwargs["encoding"] = encoding
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
            with _kml_field_names_kept(path):
                gdf = _read_dataframe(path, kwargs)
        except UnicodeDecodeError:
            # A .cpg that says UTF-8 over GBK records (or the reverse) is common: the records decide.
            sniffed = None
            if "encoding" in kwargs:
                sniffed = _container_encoding(path, layer, sniff=True) if container else _dbf_encoding(path, sniff=True)
            if not sniffed or sniffed == kwargs["encoding"]:
                raise
            gdf = _read_dataframe(path, {**kwargs, "encoding": sniffed})
    except UnicodeDecodeError:
        raise InputError(path, undecodable(path)) from None
    except InputError:
        raise
    except Exception as exc:  # pyogrio/GDAL raise DataSourceError, DataLayerError, RuntimeError...
        _explain_unreadable(path)
        raise InputError(path, unreadable(exc, path)) from None
    if not _has_geometry(gdf):
        raise InputError(path, "has no geometry column")
    if gdf.crs is None:
        if assume_crs is None:
            raise InputError(path, no_crs(path))
        gdf = gdf.set_crs(assume_crs)
    from geo.crs import refuse_local_datum

    try:
        refuse_local_datum(gdf.crs)  # Xian 1980, Beijing 1954: read as WGS-84 they land tens of metres off
    except ValueError as exc:
        raise InputError(path, str(exc)) from None
    _warn_lost_characters(path, gdf)
    return _flat(gdf)


def _warn_lost_characters(path, gdf):
    """Warn when text values are mostly ``?``: what a writer puts for characters its encoding
    lacks (ogr2ogr saves a Shapefile in ISO-8859-1 unless told otherwise: 北园大街 -> ????)."""
    from pandas.api.types import is_object_dtype, is_string_dtype

    from geo.io import warn

    lost, example = 0, None
    for column in gdf.columns:
        if column == gdf.geometry.name or not (is_object_dtype(gdf[column]) or is_string_dtype(gdf[column])):
            continue
        values = gdf[column].dropna()
        values = values[values.map(lambda v: isinstance(v, str) and v.count("?") >= max(2, len(v.strip()) / 2))]
        lost += len(values)
        example = example or (values.iloc[0] if len(values) else None)
    if lost:
        warn(f"{path}: {lost} text value(s) are mostly '?' ({example!r}): the file was saved in an encoding without "
             "their characters, which are lost; save it again in UTF-8 (ogr2ogr -lco ENCODING=UTF-8) or as GeoPackage")


def _flat(gdf):
    """The frame with its geometries and CRS in two dimensions: heights (a survey's or a CAD
    export's Z) mean nothing to a plan map, and would go on into every layer and export
    (POLYGON Z); GDAL gives a GeoJSON with heights the 3D CRS EPSG:4979, which becomes 4326."""
    import geopandas as gpd
    import shapely

    geoms = gdf.geometry.values
    crs = gdf.crs.to_2d() if gdf.crs is not None and len(gdf.crs.axis_info) > 2 else gdf.crs  # EPSG:4979 -> 4326
    if not shapely.has_z(geoms).any() and crs == gdf.crs:
        return gdf
    flat = gdf.copy()
    flat[gdf.geometry.name] = gpd.GeoSeries(shapely.force_2d(geoms), index=gdf.index, crs=crs)
    return flat
