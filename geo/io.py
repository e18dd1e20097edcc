"""Reading and writing files safely: input errors, text encodings, vector files, atomic deterministic output."""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import sys
import tempfile
from pathlib import Path

from geo.json_text import load_json_text

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


def check_output_dir(directory) -> None:
    """InputError (one line) when ``directory`` cannot be an output folder, told before a run's work and
    creating nothing: a file, a broken link, a folder not writable, or a folder to make under a file or
    under a folder not writable."""
    import errno

    directory = Path(directory) if str(directory) else Path(".")
    if directory.exists() and not directory.is_dir():
        raise InputError(directory, "is a file, expected an output directory")
    if directory.is_symlink() and not directory.exists():
        raise InputError(directory, f"is a broken symbolic link (to {os.readlink(directory)}), expected an output directory")
    existing = next((p for p in [directory, *directory.parents] if os.path.lexists(p)), Path("."))
    if existing != directory and not existing.is_dir():
        raise InputError(directory, f"cannot create output directory ({os.strerror(errno.ENOTDIR)})")
    if not os.access(existing, os.W_OK):
        raise InputError(directory, "output directory is not writable" if existing == directory else
                         f"cannot create output directory ({os.strerror(errno.EACCES)})")


def ensure_output_dir(directory) -> Path:
    """Create ``directory`` if needed; InputError (one line) if impossible or read-only (:func:`check_output_dir`)."""
    directory = Path(directory) if str(directory) else Path(".")
    check_output_dir(directory)
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

    if str(path).endswith(("/", os.sep)) or (os.altsep and str(path).endswith(os.altsep)):
        raise InputError(path, "names a folder (it ends in a slash), expected an output file name")
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a directory, expected an output file name")
    if path.exists() and not path.is_file():  # renamed over, /dev/null (as root) would become a file
        raise InputError(path, "is a pipe or device, expected an output file name (geo writes its outputs to files)")
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
        try:
            with open(tmp, "wb") as handle:
                handle.write(data)
        except OSError as exc:  # a full disk or quota: the file named, not Python's errno
            raise InputError(path, f"cannot be written ({exc.strerror or exc})") from None
    return Path(path)


def write_text_atomic(path, text: str, *, staged=True) -> Path:
    """Write UTF-8 text to ``path`` atomically, with Unix newlines."""
    return write_bytes_atomic(path, text.encode("utf-8"), staged=staged)


# The column types of a CSV's ``.csvt``, in the names both of QGIS's readers know: GDAL (a
# dragged-in CSV) and QGIS 3.22's Delimited Text dialog, which refuses a whole file that names any
# type but String, Integer, Real (and dates) with an error window, and then guesses every type (a
# 街道 code as a number). So booleans stay their text (true/false), integers are GDAL's 32-bit
# Integer (counts and offsets), and the WKT column is String: GDAL still reads a column named wkt
# as the geometry, and the dialog is told which column it is.
# Integers beyond GDAL's 32-bit Integer are "integer64" (Integer64 in a GeoPackage or Shapefile),
# Real in a .csvt: the dialog knows no Integer64, and GDAL reads 3000000000 typed Integer as 2147483647.
CSVT_TYPES = {"boolean": "String", "integer": "Integer", "integer64": "Real", "real": "Real", "text": "String",
              "wkt": "String"}
# The largest integers a column of each kind holds exactly: GDAL's Integer (32 bits), and a Real
# (a double: beyond 2**53 its digits go; such numbers are identifiers, kept as text).
_INT32_MAX = 2**31 - 1
_EXACT_REAL_MAX = 2**53


def value_kind(values) -> str:
    """``"boolean"``, ``"integer"``, ``"integer64"``, ``"real"`` or ``"text"``: the kind every one
    of ``values`` (plain Python values, no nulls) is of; text for none. Integers are ``"integer"``
    within 32 bits, ``"integer64"`` up to 2**53, and text beyond (their digits, exactly)."""
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        largest = max(abs(v) for v in values)
        return "integer" if largest <= _INT32_MAX else "integer64" if largest <= _EXACT_REAL_MAX else "text"
    if values and all(isinstance(v, float) or isinstance(v, int) and not isinstance(v, bool)
                      and abs(v) <= _EXACT_REAL_MAX for v in values):
        return "real"
    return "text"


def csvt_line(kinds) -> str:
    """The one line of a ``.csvt``: GDAL's type of each column's kind (:data:`CSVT_TYPES`), in order."""
    return ",".join(f'"{CSVT_TYPES[kind]}"' for kind in kinds)


def write_csv_atomic(path, text: str, *, staged=True) -> Path:
    """Write CSV text to ``path`` atomically, in UTF-8 with a byte-order mark: Excel on Chinese
    Windows reads a CSV without one as GBK and garbles every name."""
    return write_bytes_atomic(path, text.encode("utf-8-sig"), staged=staged)


def _round_coords(obj, precision):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), precision) + 0.0 for v in obj]
        return [_round_coords(o, precision) for o in obj]
    return obj


# Values JSON writes as they are (exactly these types: numpy's scalars and floats are looked at).
_PLAIN = frozenset((str, int, bool, type(None)))


def _clean_value(value):
    # NaN is not JSON; numpy scalars are not serialisable; both appear in GeoDataFrames.
    if type(value) in _PLAIN:  # most values of a catalog: nothing to clean, no call per value
        return value
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): v if type(v) in _PLAIN else _clean_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [v if type(v) in _PLAIN else _clean_value(v) for v in value]
    return value


def geometry_to_geojson(geom, precision=COORD_PRECISION):
    """Shapely geometry -> RFC 7946 GeoJSON dict (counter-clockwise exteriors, rounded).

    A valid polygon that rounding would make invalid (vertices of a tiny spike, or of two rings,
    less than the rounding apart: a ring crossing itself, which QGIS's tools refuse) is snapped to the
    grid of ``precision`` decimals by GEOS, which keeps it valid, before it is rounded."""
    import shapely

    if geom is None or geom.is_empty:
        return None
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    if geom.geom_type in ("Polygon", "MultiPolygon", "GeometryCollection") and geom.is_valid \
            and not shapely.transform(geom, lambda xy: xy.round(precision)).is_valid:
        snapped = shapely.set_precision(geom, 10.0 ** -precision)
        geom = geom if snapped.is_empty else shapely.orient_polygons(snapped, exterior_cw=False)
    return _geometry_mapping_rounded(shapely.geometry.mapping(geom), precision)


def _geometry_mapping_rounded(mapping, precision):
    if mapping["type"] == "GeometryCollection":
        return {"type": "GeometryCollection",
                "geometries": [_geometry_mapping_rounded(g, precision) for g in mapping["geometries"]]}
    return {"type": mapping["type"], "coordinates": _round_coords(mapping["coordinates"], precision)}


# What json.dumps(..., ensure_ascii=False, separators=(",", ":")) writes, made once for every feature.
_FEATURE_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def feature_collection_text(features, *, name=None, metadata=None, precision=COORD_PRECISION,
                            field_order=()) -> str:
    """Serialise GeoJSON features deterministically: keys in a fixed order, rounded coordinates, one feature a line.

    ``features`` are dicts whose ``geometry`` is a shapely geometry, a GeoJSON mapping or None.
    The caller decides feature order. Properties named in ``field_order`` come first, in
    that order (QGIS lists a GeoJSON layer's fields as they come: name before accuracy_m),
    the others after them sorted, and every other object's keys sorted, so equal inputs give
    equal bytes.
    """
    lines, orders = [], {}
    for feature in features:
        geom = feature.get("geometry")
        if geom is not None and not isinstance(geom, dict):
            geom = geometry_to_geojson(geom, precision)
        elif isinstance(geom, dict):
            geom = _geometry_mapping_rounded(geom, precision)
        properties = _ordered_properties(feature.get("properties") or {}, field_order, orders)
        out = {"geometry": _sorted_geometry(geom)}
        if feature.get("id") is not None:
            out["id"] = feature["id"]
        out.update(properties=properties, type="Feature")
        lines.append(_FEATURE_JSON.encode(out))
    head = {"type": "FeatureCollection"}
    if name:
        head["name"] = name
    if metadata:
        head["metadata"] = _clean_value(metadata)
    head_text = json.dumps(head, ensure_ascii=False, sort_keys=True, separators=(",", ":"))[:-1]
    body = ",\n".join(lines)
    return f'{head_text},"features":[\n{body}\n]}}\n' if lines else f'{head_text},"features":[]}}\n'


def _ordered_properties(properties, field_order, orders):
    """``properties`` cleaned (:func:`_clean_value`), those of ``field_order`` first in that
    order and the others after them sorted, every object inside with its keys sorted.

    The order of the keys is worked out once per set of keys (``orders``: a dict the caller
    keeps over its features, which nearly all have the same keys) and the plain values are
    taken as they are, in one pass."""
    keys = tuple(properties)
    order = orders.get(keys)
    if order is None:
        if not isinstance(properties, dict) or not all(type(key) is str for key in keys):
            # (a mapping of another kind, or keys that str() would change, even make one: as before)
            cleaned = _sorted_keys(_clean_value(properties))
            first = [key for key in field_order if key in cleaned]
            return {key: cleaned[key] for key in first + [k for k in cleaned if k not in first]}
        first = [key for key in field_order if key in properties]
        order = orders[keys] = first + [key for key in sorted(keys) if key not in first]
    return {key: value if type(value) in _PLAIN else _sorted_keys(_clean_value(value))
            for key, value in zip(order, map(properties.__getitem__, order))}


def _sorted_geometry(geom):
    """A rounded GeoJSON geometry (:func:`_geometry_mapping_rounded`) with its keys sorted, as
    :func:`_sorted_keys` gives it, without walking its coordinates (a million vertices of a city's
    街道), where there is no key to sort."""
    if geom is None:
        return None
    if geom["type"] == "GeometryCollection":
        return {"geometries": [_sorted_geometry(part) for part in geom["geometries"]], "type": geom["type"]}
    return {"coordinates": geom["coordinates"], "type": geom["type"]}


def _sorted_keys(value):
    """``value`` with the keys of every object in it sorted (json.dumps's sort_keys, kept apart)."""
    if isinstance(value, dict):
        return {key: _sorted_keys(value[key]) if type(value[key]) not in _PLAIN else value[key] for key in sorted(value)}
    if isinstance(value, list):
        return [item if type(item) in _PLAIN else _sorted_keys(item) for item in value]
    return value


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
    """Write a GeoDataFrame as deterministic RFC 7946 GeoJSON (reprojected to EPSG:4326), fields in column order."""
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    if sort_by and sort_by in gdf.columns and len(gdf):
        gdf = gdf.sort_values(sort_by, kind="stable")
    return write_feature_collection(path, gdf_to_features(gdf), name=name, metadata=metadata,
                                    field_order=[c for c in gdf.columns if c != gdf.geometry.name])


# --------------------------------------------------------------------------- input


def check_input_file(path, *, streams=False) -> Path:
    """Fail with an InputError unless ``path`` is an existing, readable, non-empty file.

    With ``streams=True`` a pipe or character device (``/dev/stdin``, ``<(cmd)``) is
    accepted too: its size is only known once read.
    """
    path = Path(path)
    if not path.exists():
        if path.is_symlink():  # ls lists it: "file not found" would send the user looking in vain
            raise InputError(path, f"is a broken symbolic link (to {os.readlink(path)}: {_link_problem(path)})")
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


def _link_problem(path) -> str:
    """Why a symbolic link leads to no file: a loop of links, or a target that is not there."""
    import errno

    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a loop of links"
    return "no such file"


def check_not_stream(path) -> None:
    """InputError when ``path`` is a pipe or device (``<(cmd)``, a FIFO): a file that is read more
    than once (sniffed for its kind, then read) must be a regular one, and a FIFO no program writes to
    would keep the run waiting for ever. Anything else (a missing file) is left to its reader."""
    path = Path(path)
    with contextlib.suppress(OSError):
        if path.exists() and _is_stream(path):
            raise InputError(path, "is a pipe or device, expected a regular file")


def check_library_path(path, library: str = "GDAL") -> Path:
    """``path``, unless its name holds bytes that are no UTF-8, which a C library taking UTF-8 names
    (GDAL, osmium) cannot open: InputError naming it (a GBK name unzipped from a Windows zip)."""
    try:
        os.fspath(path).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(path, f"its name (or its folder's) holds bytes that are no UTF-8, a GBK name from a zip "
                               f"made on Windows?, which {library} cannot open: rename it, or unzip with "
                               "'unzip -O GBK'") from None
    return Path(path)


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
    limit = limit_mb * 1_000_000  # a float: a limit of 1e308 MB is no overflow
    too_big = f"is over the {limit_mb:g} MB size limit (raise it with --max-size MB or GEO_MAX_REPORT_MB)"
    size = None if _is_stream(path) else path.stat().st_size
    if size is not None and size > limit:
        raise InputError(path, too_big)
    chunks, total = [], 0
    with _open_for_reading(path) as handle, progress.bar(size, f"reading {path.name}") as advance:
        while True:
            chunk = handle.read(1 << 20) or (_late_writer(handle) if total == 0 and _is_fifo(path) else b"")
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise InputError(path, too_big)
            chunks.append(chunk)
            advance(len(chunk))
    if total == 0 and _is_fifo(path):
        raise InputError(path, "is a named pipe (FIFO) that no program writes to: start the program writing it "
                               "first, or give a file")
    if total == 0:
        raise InputError(path, "file is empty (0 bytes)")
    return b"".join(chunks)


def _is_fifo(path) -> bool:
    import stat

    return stat.S_ISFIFO(Path(path).stat().st_mode)


def _late_writer(handle) -> bytes:
    """The first bytes of a named pipe no program had open to write: read again for
    :data:`geo.settings.FIFO_WRITER_WAIT_S` seconds (a program started just before, on its way to open
    it), else none."""
    import time

    from geo import settings

    deadline = time.monotonic() + settings.FIFO_WRITER_WAIT_S
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if chunk := handle.read(1 << 20):
            return chunk
    return b""


def _open_for_reading(path):
    """``path`` opened to be read in binary. A named pipe is opened without waiting for a program to
    write to it (``open`` would wait for ever when none does), then read as usual: to its end once
    the programs writing it close it, at once when none has it open (``<(cmd)`` and ``/dev/stdin`` of
    a pipe have theirs)."""
    if not _is_fifo(path):
        return open(path, "rb")
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(descriptor, True)
    return os.fdopen(descriptor, "rb")


def zip_part_limit(compress_size: int) -> int:
    """The most bytes a part of a zipped Office file taking ``compress_size`` bytes zipped may
    unpack to; more is a zip bomb (:data:`geo.settings.ZIP_UNPACKED_FACTOR`)."""
    from geo import settings

    return settings.ZIP_UNPACKED_FACTOR * compress_size + settings.ZIP_UNPACKED_SLACK_BYTES


def utf8_size(text: str) -> int:
    """The bytes ``text`` takes as a UTF-8 file: what the report size limit (:func:`max_report_bytes`)
    counts of the text a document unpacks to, as it counts a text file's bytes (a Han character: 3)."""
    return len(text.encode("utf-8", "surrogatepass"))


def max_report_bytes() -> int:
    """The size limit of a report in bytes (see :func:`read_bytes_limited`)."""
    from geo import settings

    return int(min(_max_report_mb(settings) * 1_000_000, sys.maxsize))


def _max_report_mb(settings) -> float:
    """The report size limit in MB: ``--max-size``, else ``GEO_MAX_REPORT_MB``, else the default.

    Raises
    ------
    InputError
        ``GEO_MAX_REPORT_MB`` is set to no positive finite number (``abc``, ``-5``, ``nan``).
    """
    if settings.MAX_REPORT_MB is not None:
        return float(settings.MAX_REPORT_MB)
    text = os.environ.get("GEO_MAX_REPORT_MB", "")
    if not text.strip():
        return settings.DEFAULT_MAX_REPORT_MB
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise InputError("GEO_MAX_REPORT_MB", f"must be a positive number of MB, found {text!r}")
    return value


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
        return load_json_text(text, path)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg})") from None
    except RecursionError:
        raise InputError(path, "JSON nested too deeply" + (f" (not {kind}?)" if kind else "")) from None


def read_json(path, *, kind=None):
    """Read and parse a JSON file, turning every failure into a one-line InputError (see :func:`parse_json`)."""
    return parse_json(read_text(path), path, kind=kind)


# The most of a library's message an error line quotes: GDAL's quotes the bytes it choked on (a number of
# 5,000 digits, a line of a file), which made an error line of kilobytes.
ERROR_QUOTE_CHARS = 300


def error_line(exc, source=None) -> str:
    """The first line of what a library raised (its type when it says nothing), without the
    ``source`` it names (GDAL repeats the path the message is already about), cut to
    :data:`ERROR_QUOTE_CHARS`."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    text = text.replace(str(source), "").strip(" :'") if source is not None else text
    return text if len(text) <= ERROR_QUOTE_CHARS else text[:ERROR_QUOTE_CHARS] + "…"
