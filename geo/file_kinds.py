"""A vector or OSM file's first bytes against what its name says it is: a file renamed, or binary where text belongs; zips GDAL cannot unpack."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from geo.io import InputError, file_version

# A Shapefile's main file opens with its file code, 9994, as a big-endian integer (ESRI's white paper).
SHAPEFILE_CODE = b"\x00\x00\x27\x0a"
# What other files a .shp may really be, by their first bytes.
_KINDS = ((b"{", "JSON text (a GeoJSON file?)"), (b"[", "JSON text"), (b"PK\x03\x04", "a zip archive"),
          (b"SQLite format 3\x00", "an SQLite database (a GeoPackage?)"), (b"<", "XML or HTML text (a KML file?)"),
          (b"\xef\xbb\xbf", "text"))
_GEOJSON_SUFFIXES = (".geojson", ".json", ".js")  # .js: GeoJSON in JavaScript (var jiedao = {…};)


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


# Archives GDAL does not open (it opens zip, gzip and tar), by their first bytes: WinRAR, 360压缩 and 7-Zip pack most
# downloads with them.
_UNREAD_ARCHIVES = ((b"Rar!\x1a\x07", "a RAR archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"))


def check_unread_archive(path: Path) -> None:
    """InputError when ``path`` is an archive GDAL cannot open, whatever its name: GDAL said the file is no
    format it reads, or, named .zip, Python's zipfile that it is no zip file."""
    if not path.is_file():
        return
    from geo.dbf import read_sidecar

    head = read_sidecar(path, lambda handle: handle.read(8))
    kind = next((label for magic, label in _UNREAD_ARCHIVES if head.startswith(magic)), None)
    if kind:
        raise InputError(path, f"is {kind}, which GDAL cannot open: unpack it (WinRAR, 7-Zip) and give the Shapefile, "
                               "GeoPackage or GeoJSON inside, or zip those files")


# What opens an Esri JSON file's features or geometry (ArcGIS REST's query answers), as its first bytes hold it.
_ESRI_JSON = re.compile(rb'"(?:geometryType|rings|paths|spatialReference)"\s*:')


def esri_json_crs_hint(path: Path) -> str:
    """Where an Esri JSON file (``path``, read by GDAL without a CRS) states its CRS, else ''."""
    if path.suffix.lower() not in (*_GEOJSON_SUFFIXES, ".esrijson") or not path.is_file():
        return ""
    from geo.dbf import read_sidecar

    if not _ESRI_JSON.search(read_sidecar(path, lambda handle: handle.read(65536))):
        return ""
    return ('an Esri JSON file states it as "spatialReference": {"wkid": 4490}: add that, with the code of its '
            "coordinates' CRS")


# The compression methods of zip members (stored, deflate, deflate64, bzip2, LZMA, Zstandard, xz, PPMd, AES).
_ZIP_METHODS = {0, 8, 9, 12, 14, 93, 95, 98, 99}


def zip_cut_short(path) -> str | None:
    """What to say of a file that opens as a zip archive and lacks a zip archive's end, the list of its files
    (a download or copy stopped half-way: zipfile says only "File is not a zip file"); else None."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(30)  # a member's local header: its compression method at bytes 8-9
            size = handle.seek(0, 2)
            handle.seek(max(0, size - _ZIP_END_REACH))
            tail = handle.read()
    except OSError:
        return None
    return zip_bytes_cut_short(head, tail)


# How far from its end a zip archive's end record begins at most: 22 bytes and a comment of 64 KB.
_ZIP_END_REACH = 65_557


def zip_bytes_cut_short(head: bytes, tail: bytes) -> str | None:
    """:func:`zip_cut_short` of a file's first 30 bytes ``head`` and its last ``_ZIP_END_REACH`` ``tail``
    (a document read whole: its bytes' ends)."""
    if len(head) < 30 or not head.startswith(b"PK\x03\x04") or \
            int.from_bytes(head[8:10], "little") not in _ZIP_METHODS:
        return None
    if b"PK\x05\x06" in tail[-_ZIP_END_REACH:]:
        return None
    return ("is a zip archive cut short (its end, the list of its files, is missing: a download or copy stopped "
            "half-way?); get the whole file again")


def check_geojson_text(path: Path) -> None:
    """InputError when a GeoJSON file is over the size limit (``--max-size``: it is read whole), or holds NUL
    bytes: UTF-16 text (Notepad's "Unicode"), named as such,
    or binary data, or a damaged copy, which GDAL reads cut at the first one (a property named
    \\x00name is read as no name); when it is an ECharts map file of encoded coordinates, or gives its
    coordinates as text (GDAL reads either as features without geometry: ``has no geometries``)."""
    if path.suffix.lower() not in _GEOJSON_SUFFIXES or not path.is_file():
        return
    from geo.io import read_bytes_limited
    from geo.text_codecs import nul_bytes_problem, wide_unicode

    data = read_bytes_limited(path)  # held to --max-size, as every file read whole as text
    if (problem := nul_bytes_problem(data)) is not None:
        wide = wide_unicode(data)
        raise InputError(path, f"is {wide} text, and GeoJSON text must be UTF-8 (RFC 7946); save the file as UTF-8"
                         if wide else problem)
    if _ECHARTS_ENCODED.search(data):
        raise InputError(path, "is an ECharts map file (\"UTF8Encoding\": its coordinates are encoded as text, to some "
                               "100 m): give a GeoJSON of plain lon/lat numbers (DataV.GeoAtlas, 天地图, or the source "
                               "the map was made from)")
    if text := _TEXT_COORDINATE.search(data):
        raise InputError(path, f"gives its coordinates as text ({text.group(1)[:30].decode('utf-8', 'replace')!r} in "
                               "quotes), not as numbers: GeoJSON coordinates are numbers (RFC 7946); save them without "
                               "the quotes")


# ECharts' map files (echarts-map, china.json): coordinates encoded as strings, read by echarts alone.
_ECHARTS_ENCODED = re.compile(rb'"UTF8Encoding"\s*:\s*true')
# A geometry's first coordinate given as a JSON string ("117.01"): GDAL reads the geometry as none.
_TEXT_COORDINATE = re.compile(rb'"coordinates"\s*:\s*(?:\[\s*)+"([^"]*)"')


# A \uD800-\uDFFF escape, as the bytes of JSON text (geo.json_text reads the text).
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def geojson_copy(path: Path) -> Path:
    """What GDAL reads for the GeoJSON file ``path``: a copy, with a warning, when it holds a lone
    surrogate escape (``\\ud800``, half of no pair: GDAL's reader swallows the character after it,
    无影山\\ud800街道 became 无影山�道; in the copy U+FFFD) or an integer past 64 bits in a property
    (GDAL refuses the file for one of 19 digits, ``Unrecognized number: 9223372036854775808``; in the
    copy text, as the exports write one: :func:`geo.json_text.wide_integers_as_text`), or when it is JavaScript holding
    the GeoJSON (``var jiedao = {…};``, a web map's data file, named ``.js`` or not: in the copy the GeoJSON alone,
    :func:`geo.json_text.unwrapped_json`); else ``path`` itself. The copy is made once per version of the file and
    kept until the program ends."""
    if path.suffix.lower() not in _GEOJSON_SUFFIXES or not path.is_file():
        return path
    version = file_version(path)
    return path if version is None else _readable_copy(path, version)


# An integer of 19 digits or more outside a string (2**63 has 19): perhaps one past 64 bits.
_LONG_INTEGER = re.compile(rb'(?<![\w."])-?\d{19,}(?![\w."])')


@functools.lru_cache(maxsize=16)
def _readable_copy(path, version):
    import json

    from geo.dbf import read_sidecar
    from geo.io import warn
    from geo.json_text import load_json_counting, unwrapped_json, wide_integers_as_text
    from geo.kml_encoding import temporary_folder
    from geo.safe_text import one_line

    data = read_sidecar(path)
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):  # var jiedao = {…}; a web map's data file
        try:
            inner = unwrapped_json(data.decode("utf-8-sig"))
        except UnicodeDecodeError:  # not UTF-8: refused as such (check_geojson_text, GDAL), JavaScript here
            _refuse_legacy_javascript(path, data)
            inner = None
        if inner is not None:
            data = inner.encode("utf-8")
            copy = temporary_folder("geo-json-") / f"{path.stem}.geojson"
            copy.write_bytes(data)
            return _readable_copy(copy, file_version(copy))  # its surrogates and long integers as any GeoJSON's
    long_integers = _LONG_INTEGER.search(data) is not None
    if _SURROGATE_ESCAPE.search(data) is None and not long_integers:
        return path
    try:
        value, count = load_json_counting(data.decode("utf-8-sig"), path)
    except (ValueError, RecursionError):  # not UTF-8, not one JSON text (a sequence): GDAL says what it says
        return path
    value, wide, widened = wide_integers_as_text(value) if long_integers else (value, {}, False)
    wide.pop("type", None)  # a GeoJSON object's type, no value: refused as no 'Feature' once read, without a warning
    if wide:
        keys = ", ".join(repr(key) for key in list(wide)[:5]) + (" and more" if len(wide) > 5 else "")
        first = next(iter(wide.values()))
        warn(f"{one_line(path)}: {sum(len(v) for v in wide.values())} value(s) of {keys} are integers beyond a 64-bit "
             f"integer's range ({first[0][:30]}{'…' if len(first[0]) > 30 else ''}), which GDAL cannot read: read as text")
    if not count and not widened:
        return path
    copy = temporary_folder("geo-json-") / path.name
    copy.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return copy


def _refuse_legacy_javascript(path, data):
    """InputError when ``data``, no UTF-8, is JavaScript holding one JSON value in a Chinese legacy code (GBK, Big5:
    a web map's data file saved by a Chinese editor), which GDAL would call no vector file; nothing else."""
    from geo.json_text import unwrapped_json
    from geo.text_codecs import detect_cjk_codec

    codec = detect_cjk_codec(data)
    if codec and unwrapped_json(data.decode(codec, errors="replace")) is not None:
        raise InputError(path, f"is JavaScript holding JSON in {_CODEC_NAMES.get(codec, codec)}, and GeoJSON text must "
                               "be UTF-8 (RFC 7946); save the file as UTF-8")


# The names people know the codecs of :func:`geo.text_codecs.detect_cjk_codec` by.
_CODEC_NAMES = {"gb18030": "GBK", "big5": "Big5"}


# What an OSM file holds, by its first bytes: (magic, what it is, the name's end osmium reads it by).
_OSM_MAGIC = ((b"\x1f\x8b", "gzip-compressed data", ".osm.gz"), (b"BZh", "bzip2-compressed data", ".osm.bz2"),
              (b"\xff\xe0", "an o5m file", ".o5m"))
# The ends of a name osmium tells an OSM file's format by, and the format each says.
_OSM_NAMED = {".pbf": (".osm.pbf", "PBF"), ".o5m": (".o5m", "o5m"), ".gz": (".osm.gz", "gzip"),
              ".bz2": (".osm.bz2", "bzip2"), ".osm": (".osm", "XML"), ".osc": (".osm", "XML")}

# Packings of OSM downloads osmium does not unpack (it reads .gz and .bz2), by the end of their names.
_OSM_UNREAD_PACKING = {".xz": "xz", ".7z": "7-Zip", ".zst": "Zstandard", ".lz4": "LZ4", ".rar": "RAR"}


def check_osm_named(path: Path) -> None:
    """InputError when an OSM file's content is not what its name tells osmium (a PBF named ``.osm``, gzip
    data named ``.osm`` or ``.osm.bz2``, XML named ``.osm.pbf``): osmium reads a file by its name and stops
    in its own words (``PBF error: invalid BlobHeader size``, ``XML parsing error at line 1``). Plain XML
    named ``.gz`` (a browser unpacked the download) is read as it is. A file whose first bytes are none of
    these (damaged, empty) is left to osmium's reading. One packed by xz, 7-Zip, Zstandard, LZ4 or RAR, which
    osmium cannot unpack, is refused, saying so."""
    path = Path(path)
    if path.suffix.lower() in _OSM_UNREAD_PACKING:  # osmium: 'Could not detect file format for filename …'
        raise InputError(path, f"is packed with {_OSM_UNREAD_PACKING[path.suffix.lower()]}, which osmium cannot "
                               "unpack: unpack it and give the .osm inside, or download the extract as .osm.pbf")
    named = _OSM_NAMED.get(path.suffix.lower())
    if named is None or not path.is_file():
        return
    with open(path, "rb") as handle:
        head = handle.read(16)
    archive = next((label for magic, label in _UNREAD_ARCHIVES if head.startswith(magic)), None)
    if archive:  # a download re-packed by WinRAR or 7-Zip under the extract's name
        raise InputError(path, f"is {archive}, which osmium cannot unpack: unpack it and give the .osm inside, or "
                               "download the extract as .osm.pbf")
    found = next(((label, end) for magic, label, end in _OSM_MAGIC if head.startswith(magic)), None)
    if found is None and head[4:15] == b"\x0a\x09OSMHeader":  # a BlobHeader of type OSMHeader
        found = ("an OSM PBF file", ".osm.pbf")
    elif found is None and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        found = ("XML text", ".osm")
    if found is None or found[1] == named[0] or (found[1] == ".osm" and named[0] == ".osm.gz"):
        return
    raise InputError(path, f"is {found[0]}, but its name ({path.suffix}) says {named[1]}: name it to end in "
                           f"{found[1]} (a renamed or unpacked download?)")


def is_osm_change(path) -> bool:
    """True for an osmChange file (``.osc``, a replication diff; gzipped or bzipped too), by its root element:
    osmium reads it as an extract, the objects it creates or modifies, without the map around them."""
    from geo.osm_files import OSM_ROOT, open_xml

    root = re.compile(OSM_ROOT.pattern.replace(rb"<osm[\s>]", rb"<osmChange[\s>]"), re.DOTALL)
    try:
        with open_xml(path) as handle:
            return root.match(handle.read(4096)) is not None
    except (OSError, EOFError, ValueError):  # a folder, damaged gzip data: not one
        return False


# Zip compression methods GDAL's /vsizip/ unpacks: stored and deflate (APPNOTE's numbers).
GDAL_ZIP_METHODS = {0, 8}
# Names of the other methods a zip tool may choose (7-Zip, WinRAR, Bandizip: bzip2, LZMA, Zstandard; AES: 99).
_ZIP_METHOD_NAMES = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "xz", 99: "AES encryption"}


def check_zip_packing(path: Path) -> None:
    """InputError when a zip archive (a zipped Shapefile, a KMZ) that GDAL is to open holds members
    encrypted with a password, or packed by a method GDAL cannot unpack (:data:`GDAL_ZIP_METHODS`):
    GDAL said the archive ``holds no layer``, or was no vector file, and Python's zip reader stopped at
    the password. An archive that is no zip is left to its reader."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    if locked := [m.filename for m in members if m.flag_bits & 1 or m.compress_type == 99]:
        raise InputError(path, f"holds members encrypted with a password ({'、'.join(locked[:3])}"
                               f"{'…' * (len(locked) > 3)}): zip the files again without a password")
    if odd := [m for m in members if m.compress_type not in GDAL_ZIP_METHODS]:
        method = _ZIP_METHOD_NAMES.get(odd[0].compress_type, f"method {odd[0].compress_type}")
        raise InputError(path, f"packs its files with {method} ({odd[0].filename}), which GDAL cannot unpack: zip "
                               "them again with the usual method, Deflate (in 7-Zip: Compression method Deflate)")


# Columnar files GDAL reads only when built with their driver: first bytes, what they are, the driver.
_COLUMNAR = ((b"PAR1", "a Parquet file (GeoParquet?)", "Parquet"), (b"ARROW1", "an Arrow IPC file (Feather?)", "Arrow"))


def check_columnar(path: Path) -> None:
    """Refuse a (Geo)Parquet or Arrow file when the GDAL geo runs on has no driver for it: its words name
    a library it lacks (``libduckdb.so: cannot open shared object file``), or no format at all.

    Raises
    ------
    InputError
        Naming the format and how to save the file as one GDAL reads.
    """
    import pyogrio

    from geo.dbf import read_sidecar

    if not path.is_file():
        return
    head = read_sidecar(path, lambda handle: handle.read(8))
    for magic, kind, driver in _COLUMNAR:
        if head.startswith(magic) and driver not in pyogrio.list_drivers():
            raise InputError(path, f"is {kind}, which this GDAL cannot read (it has no {driver} driver): save it as "
                                   "a GeoPackage (QGIS: Export > Save Features As; or ogr2ogr -f GPKG)")
