"""Shapefile .dbf files read without GDAL: the codec of their text (its .cpg, else its records) and their field names, cut at 10 bytes; a Shapefile sent without its .shx, indexed anew in a folder of its own."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from geo.io import InputError


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
    if (foreign := _foreign_records_codec(data, declared)) is not None:
        return foreign
    if declared and decodes(data, declared):
        return declared
    detected = detect_cjk_codec(data)
    if detected and is_single_byte_text(data):
        return None
    if detected != "big5":
        return detected or "utf-8"
    return next((codec for codec in BIG5_CODECS if decodes(data, codec)), BIG5_CODECS[-1])


def _foreign_records_codec(data: bytes, declared=None):
    """``cp932`` or ``cp949`` for .dbf records of Japanese (Shift-JIS) or Korean (EUC-KR) text, which GBK
    reads into other characters without an error (``東京`` as ``搶嫗``), with no .cpg or one naming GBK (the
    Chinese Windows' default a tool wrote); None for Chinese records, a .cpg of another codec, and records
    of fewer than ``settings.FOREIGN_DBF_LEAST_CHARACTERS`` two-byte characters (too few to tell)."""
    from geo import settings
    from geo.text_codecs import FOREIGN_CODECS, foreign_codec

    if declared not in (None, "gbk", "gb18030") or decodes(data, "utf-8"):
        return None
    if len(re.findall(rb"[\x81-\xfe][\x40-\xfe]", data[:200_000])) < settings.FOREIGN_DBF_LEAST_CHARACTERS:
        return None
    return FOREIGN_CODECS.get(foreign_codec(data))


def read_sidecar(path: Path, read=None) -> bytes:
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


def decodes(data: bytes, codec: str) -> bool:
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
               "950": "big5", "cp950": "big5", "big5": "big5", "1252": "cp1252", "ansi1252": "cp1252",
               "ansi950": "big5", "ansi932": "cp932", "ansi949": "cp949"}


def cpg_codec(text: str):
    """The codec a .cpg names (``ANSI 936``, ``936``, ``GBK``, ``CP936``, ``System``, ``UTF-8``...), or
    None: also for a codec no .dbf is written in, one that does not keep ASCII as it is (``UTF-16``,
    EBCDIC ``cp037``, which gave garbage) or no text codec at all (``rot13``, ``base64``: LookupError,
    naming no file); the records are then sniffed."""
    import codecs

    key = re.sub(r"[\s_]", "", text.strip().lower())
    if key in _CPG_CODECS:
        return _CPG_CODECS[key]
    codec = None
    if key:
        with contextlib.suppress(LookupError, ValueError):  # ValueError: a NUL byte in the name
            named = codecs.lookup(key).name
            if _ASCII.encode(named) == _ASCII.encode("ascii") and _ASCII.encode("ascii").decode(named) == _ASCII:
                codec = named
    return codec


# What every codec of a .dbf's text writes as it is: its numbers, dates and field names are ASCII.
_ASCII = "".join(map(chr, range(32, 127)))


# A .dbf field name holds at most 10 bytes: GDAL (QGIS, ogr2ogr) cuts a longer one there, in UTF-8
# mid-character (街道名称, 12 bytes, becomes 街道名 and the first byte of 称).
DBF_FIELD_NAME_BYTES = 10


def cut_field_names(path: Path, codec: str) -> dict:
    """{raw name: name} of the .dbf's field names that ``codec`` decodes only without the part of a
    character cut off at the end (:data:`DBF_FIELD_NAME_BYTES`), when its records decode with it;
    {} otherwise (the names or records are in another code)."""
    dbf = next((p for p in (path.with_suffix(".dbf"), path.with_suffix(".DBF")) if p.exists()), None)
    if dbf is None:
        return {}
    data = read_sidecar(dbf, dbf_sample)
    header_length = int.from_bytes(data[8:10], "little") if len(data) >= 10 else 0
    if not decodes(data[header_length:].rstrip(b"\x1a"), codec):
        return {}
    cut = {}
    for start in range(32, min(header_length, len(data)) - 31, 32):
        if data[start] == 0x0D:
            break
        raw = data[start:start + 11].split(b"\0")[0]
        if decodes(raw, codec):
            continue
        whole = next((raw[:-n] for n in (1, 2, 3) if decodes(raw[:-n], codec)), None)
        if whole is None or len(raw) < DBF_FIELD_NAME_BYTES - 1:  # not cut at the limit: another code
            return {}
        cut[raw.decode("latin-1")] = whole.decode(codec)
    return cut


def dbf_cut_names(name: str) -> set:
    """What GDAL makes of the field name ``name`` in a .dbf of UTF-8 or GBK: its first
    :data:`DBF_FIELD_NAME_BYTES` bytes, a character cut there left out; empty when it fits."""
    names = set()
    for codec in ("utf-8", "gbk"):
        with contextlib.suppress(UnicodeEncodeError):
            raw = name.encode(codec)
            if len(raw) > DBF_FIELD_NAME_BYTES:
                names.add(raw[:DBF_FIELD_NAME_BYTES].decode(codec, errors="ignore"))
    return names - {""}


def without_shx(path: Path) -> bool:
    """Whether ``path`` is a Shapefile sent without its .shx (the index of its shapes)."""
    return path.suffix.lower() == ".shp" and path.is_file() and not any(
        path.with_suffix(suffix).exists() for suffix in (".shx", ".SHX"))


_INDEXED = {}  # (resolved .shp path, its mtime, its size) -> its copy (indexed_copy)


def indexed_copy(path: Path) -> Path:
    """A Shapefile without its .shx as GDAL opens it: links to its files in a folder of their own, where
    GDAL writes the index anew (``SHAPE_RESTORE_SHX``), the user's folder left as it is; the first
    time, said in a warning naming ``path``."""
    import os
    import shutil

    from geo.io import warn
    from geo.kml_encoding import temporary_folder
    from geo.prj_text import gbk_prj

    shp = path.resolve()
    key = (shp, shp.stat().st_mtime_ns, shp.stat().st_size)  # the file as it is now
    if key not in _INDEXED or not _INDEXED[key].parent.exists():
        folder = temporary_folder("geo-shx-")
        for sidecar in sorted(shp.parent.iterdir()):
            if sidecar.stem == shp.stem and sidecar.suffix.lower() in (".shp", ".dbf", ".prj", ".cpg"):
                target = folder / f"{shp.stem}{sidecar.suffix.lower()}"
                if sidecar.suffix.lower() == ".prj" and gbk_prj(shp) == sidecar:  # its CRS named in GBK: in UTF-8
                    target.write_text(sidecar.read_bytes().decode("gb18030"), encoding="utf-8")
                    continue
                try:
                    os.symlink(sidecar, target)
                except OSError:  # no symbolic links (Windows without the right): a copy
                    shutil.copyfile(sidecar, target)
        _INDEXED[key] = folder / f"{shp.stem}.shp"
        warn(f"{path}: has no .shx beside it (the index of its shapes): read by indexing its shapes anew")
    return _INDEXED[key]
