"""A vector file's first bytes against what its name says it is: a file renamed, or binary where text belongs."""

from __future__ import annotations

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
    """InputError when a GeoJSON file holds NUL bytes: binary data, or a damaged copy, which GDAL
    reads cut at the first one (a property named \\x00name is read as no name)."""
    if path.suffix.lower() not in _GEOJSON_SUFFIXES or not path.is_file():
        return
    from geo.dbf import read_sidecar
    from geo.text_codecs import nul_bytes_problem

    if (problem := nul_bytes_problem(read_sidecar(path))) is not None:
        raise InputError(path, problem)
