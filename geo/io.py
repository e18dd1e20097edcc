"""Reading and writing files safely: input errors, text encodings, vector files, atomic deterministic output."""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import tempfile
from pathlib import Path

# Coordinates are rounded to 7 decimals (about 1 cm) in stored GeoJSON: far below any
# accuracy we claim, and it keeps files diff-able and byte-stable across platforms.
COORD_PRECISION = 7

# C0/C1 control characters other than tab, newlines and form feed: text files have none.


class InputError(Exception):
    """A problem with a file the user gave us: reported as one line, exit code 2."""

    def __init__(self, path, problem: str):
        self.path = str(path) if path is not None else None
        # One line, whatever the problem quotes: library messages (GEOS, GDAL) end in or hold newlines.
        self.problem = re.sub(r"\s+([)\]])", r"\1", " ".join(str(problem).split()))
        problem = self.problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


def warn(message: str, warnings=None):
    """A warning of a reader: appended to ``warnings`` when the caller collects them, else
    printed at once on stderr as ``warning: message`` (the CLI's form)."""
    if warnings is not None:
        warnings.append(message)
    else:
        import sys

        print(f"warning: {message}", file=sys.stderr)


# --------------------------------------------------------------------------- output


def ensure_output_dir(directory) -> Path:
    """Create ``directory`` if needed; InputError (one line) if impossible or read-only."""
    directory = Path(directory) if str(directory) else Path(".")
    if directory.exists() and not directory.is_dir():
        raise InputError(directory, "is a file, expected an output directory")
    if directory.is_symlink() and not directory.exists():
        raise InputError(directory, f"is a broken symbolic link (to {os.readlink(directory)}), expected an output directory")
    missing = [p for p in [directory, *directory.parents] if not os.path.lexists(p)]
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(directory, f"cannot create output directory ({exc.strerror})") from None
    from geo.outputs import active

    if missing and active() is not None:
        active().made(missing)  # a run that fails leaves no empty folder behind
    if not os.access(directory, os.W_OK):
        raise InputError(directory, "output directory is not writable")
    return directory


@contextlib.contextmanager
def atomic_path(path, suffix=None, *, staged=True):
    """Yield a temporary path to write ``path`` to; it replaces ``path`` only when all is done.

    Inside :func:`geo.outputs.output_set` (every CLI command that writes) the file is staged
    and moves into place with the rest of the run's outputs at commit. Otherwise (or with
    ``staged=False``, for caches) it is renamed over ``path`` as soon as it is written.
    Either way, readers never see a half-written file.
    """
    from geo.outputs import active

    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a directory, expected an output file name")
    outputs = active() if staged else None
    if outputs is not None:
        tmp = outputs.staged_path(path)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)  # libraries such as pyogrio refuse to write over an existing file
        yield tmp
        return
    directory = ensure_output_dir(path.parent)
    try:
        # A short temporary name: a long but valid output name must not fail because of it.
        fd, tmp = tempfile.mkstemp(prefix=".geo", suffix=suffix or path.suffix or ".tmp", dir=directory)
    except OSError as exc:  # e.g. /proc, a read-only mount: os.access does not always know
        raise InputError(directory, f"cannot write output there ({exc.strerror})") from None
    os.close(fd)
    os.unlink(tmp)  # libraries such as pyogrio refuse to write over an existing file
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def write_bytes_atomic(path, data: bytes, *, staged=True) -> Path:
    """Write bytes to ``path`` atomically (see :func:`atomic_path`).

    The rename is what protects readers and earlier outputs from a crash or a kill;
    no fsync, since these are regenerable build products, not a database.
    """
    with atomic_path(path, staged=staged) as tmp:
        with open(tmp, "wb") as handle:
            handle.write(data)
    return Path(path)


def write_text_atomic(path, text: str, *, staged=True) -> Path:
    """Write UTF-8 text to ``path`` atomically, with Unix newlines."""
    return write_bytes_atomic(path, text.encode("utf-8"), staged=staged)


def _round_coords(obj, precision):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), precision) + 0.0 for v in obj]
        return [_round_coords(o, precision) for o in obj]
    return obj


def _clean_value(value):
    # NaN is not JSON; numpy scalars are not serialisable; both appear in GeoDataFrames.
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _clean_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean_value(v) for v in value]
    return value


def geometry_to_geojson(geom, precision=COORD_PRECISION):
    """Shapely geometry -> RFC 7946 GeoJSON dict (counter-clockwise exteriors, rounded)."""
    import shapely

    if geom is None or geom.is_empty:
        return None
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    mapping = shapely.geometry.mapping(geom)
    return _geometry_mapping_rounded(mapping, precision)


def _geometry_mapping_rounded(mapping, precision):
    if mapping["type"] == "GeometryCollection":
        return {"type": "GeometryCollection",
                "geometries": [_geometry_mapping_rounded(g, precision) for g in mapping["geometries"]]}
    return {"type": mapping["type"], "coordinates": _round_coords(mapping["coordinates"], precision)}


def feature_collection_text(features, *, name=None, metadata=None, precision=COORD_PRECISION) -> str:
    """Serialise GeoJSON features deterministically: sorted keys, rounded coordinates, one feature a line.

    ``features`` are dicts whose ``geometry`` is a shapely geometry, a GeoJSON mapping or None.
    The caller decides feature order; keys are sorted so equal inputs give equal bytes.
    """
    lines = []
    for feature in features:
        geom = feature.get("geometry")
        if geom is not None and not isinstance(geom, dict):
            geom = geometry_to_geojson(geom, precision)
        elif isinstance(geom, dict):
            geom = _geometry_mapping_rounded(geom, precision)
        out = {"type": "Feature", "properties": _clean_value(feature.get("properties") or {}), "geometry": geom}
        if feature.get("id") is not None:
            out["id"] = feature["id"]
        lines.append(json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    head = {"type": "FeatureCollection"}
    if name:
        head["name"] = name
    if metadata:
        head["metadata"] = _clean_value(metadata)
    head_text = json.dumps(head, ensure_ascii=False, sort_keys=True, separators=(",", ":"))[:-1]
    body = ",\n".join(lines)
    return f'{head_text},"features":[\n{body}\n]}}\n' if lines else f'{head_text},"features":[]}}\n'


def write_feature_collection(path, features, **kwargs) -> Path:
    """Write features as a deterministic GeoJSON FeatureCollection, atomically."""
    return write_text_atomic(path, feature_collection_text(features, **kwargs))


def gdf_to_features(gdf, id_column="id"):
    """GeoDataFrame (EPSG:4326) -> list of feature dicts, in frame order."""
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    features = []
    for row, geom in zip(gdf[columns].itertuples(index=False, name=None), gdf.geometry.values):
        props = {k: _clean_value(v) for k, v in zip(columns, row)}
        features.append({"id": props.get(id_column), "properties": props, "geometry": geom})
    return features


def write_gdf_geojson(path, gdf, *, name=None, metadata=None, sort_by="id") -> Path:
    """Write a GeoDataFrame as deterministic RFC 7946 GeoJSON (reprojected to EPSG:4326)."""
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    if sort_by and sort_by in gdf.columns and len(gdf):
        gdf = gdf.sort_values(sort_by, kind="stable")
    return write_feature_collection(path, gdf_to_features(gdf), name=name, metadata=metadata)


# --------------------------------------------------------------------------- input


def check_input_file(path, *, streams=False) -> Path:
    """Fail with an InputError unless ``path`` is an existing, readable, non-empty file.

    With ``streams=True`` a pipe or character device (``/dev/stdin``, ``<(cmd)``) is
    accepted too: its size is only known once read.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(path, "file not found")
    if path.is_dir():
        raise InputError(path, "is a directory, expected a file")
    if not os.access(path, os.R_OK):
        raise InputError(path, "permission denied (not readable)")
    if _is_stream(path):
        if streams:
            return path
        raise InputError(path, "is a pipe or device, expected a regular file")
    if path.stat().st_size == 0:
        raise InputError(path, "file is empty (0 bytes)")
    return path


def _is_stream(path: Path) -> bool:
    import stat

    mode = path.stat().st_mode
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)


def read_bytes_limited(path, *, max_mb=None) -> bytes:
    """Read a whole file or stream, refusing more than ``max_mb`` megabytes.

    Parameters
    ----------
    path : str or path-like
        A regular file, or a pipe such as ``/dev/stdin``.
    max_mb : float, optional
        Size limit (default :data:`geo.settings.MAX_REPORT_MB`, which ``--max-size`` sets,
        else the ``GEO_MAX_REPORT_MB`` environment variable, else 50 MB).

    Raises
    ------
    InputError
        Not found, unreadable, empty, or over the limit (checked before reading a
        regular file, and while reading a stream).
    """
    from geo import progress, settings

    path = check_input_file(path, streams=True)
    limit_mb = max_mb if max_mb is not None else _max_report_mb(settings)
    limit = int(limit_mb * 1_000_000)
    too_big = f"is over the {limit_mb:g} MB size limit (raise it with --max-size MB or GEO_MAX_REPORT_MB)"
    size = None if _is_stream(path) else path.stat().st_size
    if size is not None and size > limit:
        raise InputError(path, too_big)
    chunks, total = [], 0
    with open(path, "rb") as handle, progress.bar(size, f"reading {path.name}") as advance:
        while True:
            chunk = handle.read(1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise InputError(path, too_big)
            chunks.append(chunk)
            advance(len(chunk))
    if total == 0:
        raise InputError(path, "file is empty (0 bytes)")
    return b"".join(chunks)


def zip_part_limit(compress_size: int) -> int:
    """The most bytes a part of a zipped Office file taking ``compress_size`` bytes zipped may
    unpack to; more is a zip bomb (:data:`geo.settings.ZIP_UNPACKED_FACTOR`)."""
    from geo import settings

    return settings.ZIP_UNPACKED_FACTOR * compress_size + settings.ZIP_UNPACKED_SLACK_BYTES


def max_report_bytes() -> int:
    """The size limit of a report in bytes (see :func:`read_bytes_limited`)."""
    from geo import settings

    return int(_max_report_mb(settings) * 1_000_000)


def _max_report_mb(settings) -> float:
    if settings.MAX_REPORT_MB is not None:
        return float(settings.MAX_REPORT_MB)
    try:
        return float(os.environ["GEO_MAX_REPORT_MB"])
    except (KeyError, ValueError):
        return settings.DEFAULT_MAX_REPORT_MB


def read_text(path, encoding="auto") -> str:
    """Read a text file or stream (report, CSV) with encoding detection; see
    :func:`geo.text_codecs.decode_text`."""
    from geo.text_codecs import decode_text

    return decode_text(read_bytes_limited(path), Path(path), encoding)


def parse_json(text: str, path, *, kind=None):
    """Parse the JSON text of a user's file: the one place user JSON is parsed.

    Parameters
    ----------
    text : str
        The file's text.
    path : str or path-like or None
        The file, for the error message.
    kind : str, optional
        What the file should be ("a GeoJSON file"), named when its nesting is too deep.

    Raises
    ------
    InputError
        Invalid JSON (with its line and column), or nesting deeper than Python's parser
        goes (a ``RecursionError`` otherwise).
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg})") from None
    except RecursionError:
        raise InputError(path, "JSON nested too deeply" + (f" (not {kind}?)" if kind else "")) from None


def read_json(path, *, kind=None):
    """Read and parse a JSON file, turning every failure into a one-line InputError (see :func:`parse_json`)."""
    return parse_json(read_text(path), path, kind=kind)


def read_feature_collection(path):
    """Read a GeoJSON FeatureCollection as (collection dict, features with shapely geometries)."""
    import shapely.geometry

    data = read_json(path, kind="a GeoJSON file")
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        kind = data.get("type") if isinstance(data, dict) else type(data).__name__
        raise InputError(path, f"expected a GeoJSON FeatureCollection, found {kind!r}")
    features = data.get("features")
    if not isinstance(features, list):
        raise InputError(path, "FeatureCollection has no 'features' list")
    out = []
    for number, feature in enumerate(features, 1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise InputError(path, f"feature {number} is not a GeoJSON Feature")
        geometry = feature.get("geometry")
        geom = None
        if geometry is not None:
            try:
                geom = shapely.geometry.shape(geometry)
            except Exception as exc:  # shapely raises several types for bad geometry
                raise InputError(path, f"feature {number} has an invalid geometry ({exc})") from None
            _check_finite(geom, path, number)
        properties = feature.get("properties")
        if properties is not None and not isinstance(properties, dict):
            raise InputError(path, f"feature {number} properties must be an object or null")
        out.append({"id": feature.get("id"), "properties": dict(properties or {}), "geometry": geom})
    return data, out


def read_geojson_frame(path):
    """Read a GeoJSON FeatureCollection into a GeoDataFrame (EPSG:4326) with plain json and shapely.

    Used for the bundled data and our own layers: it avoids loading GDAL for small
    files we wrote ourselves. User files go through :func:`read_vector`.
    """
    import geopandas as gpd

    _, features = read_feature_collection(path)
    rows = [f["properties"] for f in features]
    return gpd.GeoDataFrame(rows, geometry=[f["geometry"] for f in features], crs="EPSG:4326")


def _check_finite(geom, path, number):
    import shapely

    coords = shapely.get_coordinates(geom)
    if coords.size and not math.isfinite(float(coords.sum())):
        raise InputError(path, f"feature {number} has NaN or infinite coordinates")
    if coords.size and (abs(coords[:, 0]).max() > 180 or abs(coords[:, 1]).max() > 90):
        raise InputError(path, f"feature {number} has coordinates outside lon/lat range "
                               "(GeoJSON is WGS-84 degrees; projected data?)")


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
    tell (:func:`geo.text_codecs.detect_cjk_codec`)."""
    from geo.text_codecs import BIG5_CODECS, detect_cjk_codec

    # Only the records: the header holds binary counts and dates that are not text.
    header_length = int.from_bytes(data[8:10], "little") if len(data) >= 10 else 0
    data = data[header_length:].rstrip(b"\x1a")
    if declared and _decodes(data, declared):
        return declared
    detected = detect_cjk_codec(data)
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


def _read_dataframe(path, kwargs, chunk=50_000):
    """pyogrio.read_dataframe, in chunks under a progress bar when the file is large and
    stderr is a terminal (a 60 MB districts file takes half a minute)."""
    import pyogrio

    from geo import progress

    size = sum(p.stat().st_size for p in ([path] if path.is_file() else path.iterdir()) if p.is_file())
    if size < progress.settings.PROGRESS_MIN_BYTES or not progress.enabled():
        return pyogrio.read_dataframe(path, **kwargs)
    import pandas as pd

    total = pyogrio.read_info(path, **{k: v for k, v in kwargs.items() if k in ("layer", "encoding")})["features"]
    if total <= chunk:
        return pyogrio.read_dataframe(path, **kwargs)
    parts = []
    with progress.bar(total, f"reading {path.name}", unit="features", threshold=0) as advance:
        for start in range(0, total, chunk):
            parts.append(pyogrio.read_dataframe(path, skip_features=start, max_features=chunk, **kwargs))
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

    A GeoJSON file whose JSON is broken or nested too deeply gets :func:`parse_json`'s
    message; a GeoPackage without any table gets "GeoPackage has no layers". Returns
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


def error_line(exc, source=None) -> str:
    """The first line of what a library raised (its type when it says nothing), without the
    ``source`` it names (GDAL repeats the path the message is already about)."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text.replace(str(source), "").strip(" :'") if source is not None else text


def unreadable(exc, source, what="vector file") -> str:
    """What to say of a vector file GDAL raised ``exc`` on: its CRS unreadable (a damaged
    .prj: ``CRSError``), or the file itself (``not a readable vector file (...)``)."""
    line = error_line(exc, source)
    if type(exc).__name__ == "CRSError":  # pyogrio.errors.CRSError, without importing pyogrio here
        prj = " (its .prj)" if str(source).lower().endswith(".shp") else ""
        return f"has a coordinate reference system{prj} GDAL cannot read ({line})"
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


def read_vector(path, *, layer=None, assume_crs=None, bbox=None, where=None):
    """Read any OGR-readable vector file into a GeoDataFrame with one-line errors.

    Shapefiles without a ``.cpg`` have their attribute encoding sniffed (UTF-8, else
    GBK/GB18030), since Chinese Shapefiles are often GBK. A file without a CRS is an
    error unless ``assume_crs`` is given. ``bbox`` (in the layer's CRS) and ``where`` (an
    attribute filter) are GDAL's, passed on to ``pyogrio.read_dataframe``.
    """
    path = Path(path)
    if path.is_dir() and not shapefiles_in(path):
        raise InputError(path, "is a directory, expected a vector file")
    if not path.is_dir():
        check_input_file(path)
    kwargs = {}
    if path.suffix.lower() == ".shp":
        if not path.with_suffix(".dbf").exists() and not path.with_suffix(".DBF").exists():
            raise InputError(path, "Shapefile has no .dbf beside it")
        encoding = _dbf_encoding(path)
        if encoding:
            kwargs["encoding"] = encoding
    for option, value in (("layer", layer), ("bbox", bbox), ("where", where)):
        if value is not None:
            kwargs[option] = value
    _check_geojson_crs(path)
    try:
        try:
            with _kml_field_names_kept(path):
                gdf = _read_dataframe(path, kwargs)
        except UnicodeDecodeError:
            # A .cpg that says UTF-8 over GBK records (or the reverse) is common: the records decide.
            sniffed = _dbf_encoding(path, sniff=True) if "encoding" in kwargs else None
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
    return gdf

