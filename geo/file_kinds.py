"""A vector file's first bytes against what its name says it is: a file renamed, or binary where text belongs."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from geo.io import InputError

# A Shapefile's main file opens with its file code, 9994, as a big-endian integer (ESRI's white paper).
SHAPEFILE_CODE = b"\x00\x00\x27\x0a"
# What other files a .shp may really be, by their first bytes.
_KINDS = ((b"{", "JSON text (a GeoJSON file?)"), (b"[", "JSON text"), (b"PK\x03\x04", "a zip archive"),
          (b"SQLite format 3\x00", "an SQLite database (a GeoPackage?)"), (b"<", "XML or HTML text (a KML file?)"),
          (b"\xef\xbb\xbf", "text"))
_GEOJSON_SUFFIXES = (".geojson", ".json")


def check_shapefile_header(path: Path) -> None:
    """InputError when ``path``, named ``.shp``, does not open with a Shapefile's file code: another
    file given the name (a GeoJSON saved as ``.shp``), which GDAL would report as a Shapefile without
    its .dbf or .shx."""
    if path.suffix.lower() != ".shp" or not path.is_file():
        return
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head.startswith(SHAPEFILE_CODE):
        return
    kind = next((label for magic, label in _KINDS if head.lstrip(b" \t\r\n").startswith(magic)), None)
    raise InputError(path, "is not a Shapefile (it does not open with a Shapefile's header" +
                     (f"; it holds {kind}): name it by what it is" if kind else "): a damaged or renamed file?"))


def check_geojson_text(path: Path) -> None:
    """InputError when a GeoJSON file holds NUL bytes: UTF-16 text (Notepad's "Unicode"), named as such,
    or binary data, or a damaged copy, which GDAL reads cut at the first one (a property named
    \\x00name is read as no name)."""
    if path.suffix.lower() not in _GEOJSON_SUFFIXES or not path.is_file():
        return
    from geo.dbf import read_sidecar
    from geo.text_codecs import nul_bytes_problem, wide_unicode

    data = read_sidecar(path)
    if (problem := nul_bytes_problem(data)) is not None:
        wide = wide_unicode(data)
        raise InputError(path, f"is {wide} text, and GeoJSON text must be UTF-8 (RFC 7946); save the file as UTF-8"
                         if wide else problem)


# A \uD800-\uDFFF escape, as the bytes of JSON text (geo.json_text reads the text).
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def geojson_copy(path: Path) -> Path:
    """What GDAL reads for the GeoJSON file ``path``: a copy with each lone surrogate escape
    (``\\ud800``, half of no pair) as U+FFFD, with a warning, when it holds one (GDAL's reader
    swallows the character after it: 无影山\\ud800街道 became 无影山�道); else ``path`` itself. The
    copy is made once per version of the file and kept until the program ends."""
    if path.suffix.lower() not in _GEOJSON_SUFFIXES or not path.is_file():
        return path
    stat = path.stat()
    return _surrogate_free(path, (str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ino))


@functools.lru_cache(maxsize=16)
def _surrogate_free(path, version):
    import json

    from geo.dbf import read_sidecar
    from geo.json_text import load_json_counting
    from geo.kml_encoding import temporary_folder

    data = read_sidecar(path)
    if _SURROGATE_ESCAPE.search(data) is None:
        return path
    try:
        value, count = load_json_counting(data.decode("utf-8-sig"), path)
    except (ValueError, RecursionError):  # not UTF-8, not one JSON text (a sequence): GDAL says what it says
        return path
    if not count:
        return path
    copy = temporary_folder("geo-json-") / path.name
    copy.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return copy
