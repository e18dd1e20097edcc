"""Outputs written atomically: output folders checked and made, files staged or renamed into place, CSV with its .csvt types."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from geo.io import InputError


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


