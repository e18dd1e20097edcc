"""Input files read safely: one-line input errors and warnings, files checked, read within the size limit, JSON parsed."""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import sys
from pathlib import Path

from geo.json_text import load_json_text, unwrapped_json


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


def file_version(path):
    """(resolved path, size, modification time in ns, inode) of the file ``path``: the key of what is made
    once per version of a file and kept while the program runs (a copy GDAL reads, a listing of its layers);
    None when it cannot be looked at."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        return None
    return str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ino


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


def is_resource_fork(name) -> bool:
    """Whether the zip member ``name`` is what a Mac adds to an archive it makes (Finder's Compress): a file's
    resource fork, ``__MACOSX/成果/._jd.shp``, or ``._jd.shp`` beside it (AppleDouble), or Finder's ``.DS_Store``;
    GDAL reads them as files of their names (a Shapefile or KML of noise)."""
    parts = name.replace("\\", "/").split("/")
    return parts[0] == "__MACOSX" or parts[-1].startswith("._") or parts[-1] == ".DS_Store"


def zip_part_limit(compress_size: int) -> int:
    """The most bytes a part of a zipped Office file taking ``compress_size`` bytes zipped may
    unpack to; more is a zip bomb (:data:`geo.settings.ZIP_UNPACKED_FACTOR`)."""
    from geo import settings

    return settings.ZIP_UNPACKED_FACTOR * compress_size + settings.ZIP_UNPACKED_SLACK_BYTES


def refuse_zip_bomb(path, info, kind="zip archive", part="member", shown=None) -> None:
    """Raise :class:`InputError` naming ``path`` when its zip member ``info`` (a :class:`zipfile.ZipInfo`) unpacks to
    more than :func:`zip_part_limit` allows: "is a damaged {kind}: its {part} {shown!r} unpacks to … (a zip bomb?)";
    ``shown`` is the member's name as the message gives it (default: as the archive writes it)."""
    if info.file_size > zip_part_limit(info.compress_size):
        raise InputError(path, f"is a damaged {kind}: its {part} {info.filename if shown is None else shown!r} unpacks "
                               f"to {info.file_size / 1e6:g} MB from {info.compress_size / 1e6:g} MB (a zip bomb?)")


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

    JavaScript holding one JSON value (``var jiedao = {…};``, a JSONP answer: :func:`geo.json_text.unwrapped_json`) is
    read as that value.

    Raises
    ------
    InputError
        Invalid JSON (with its line and column), or nesting deeper than Python's parser
        goes (a ``RecursionError`` otherwise).
    """
    try:
        return load_json_text(text, path)
    except json.JSONDecodeError as exc:
        inner = unwrapped_json(text) if exc.pos == len(text) - len(text.lstrip("\ufeff \t\r\n")) else None
        if inner is not None:  # var jiedao = {…}; (a web map's data file): the GeoJSON inside
            return parse_json(inner, path, kind=kind)
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
