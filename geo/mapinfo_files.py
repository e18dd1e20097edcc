"""MapInfo files (.mif and its .mid, .tab and its .dat): a part missing, and a header naming another charset than the text's.

A .mif without its .mid, or a native .tab without its .dat, holds its shapes without the table of their
values: GDAL read every name as empty, or no file at all (:func:`check_parts`).

MapInfo writes its text in the charset its header names (``Charset "WindowsSimpChinese"``, GBK), and
GDAL converts it from there. A .mid or .mif converted to UTF-8 by a text editor or ``iconv`` (to read it
elsewhere), or written by a tool that keeps the header it was given, still names GBK: GDAL then reads
every name and column as other characters (北山街道 as 鍖楀北琛楅亾), without an error. Such a file is
read from a copy whose header names the charset its text is in (GDAL reads ``"UTF-8"``), with a warning.
A header saying ``Neutral`` passes the bytes on as they are (:func:`geo.vectors._mapinfo_codec` reads
those). A zipped set is so read too, and one in a folder of the zip (a folder zipped whole) is found
(:func:`zipped_mapinfo`).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

# A .tab's "!charset WindowsSimpChinese" and its table's 'Charset "WindowsSimpChinese"', a .mif's
# 'Charset "WindowsSimpChinese"'.
_CHARSET = re.compile(rb'(?im)^([ \t]*!charset[ \t]+)([^\s"]+)|(\bCharset[ \t]+")([^"\r\n]*)(")')
# The charsets MapInfo names, as Python codecs; a charset not here is left to GDAL.
_CODECS = {"windowssimpchinese": "gb18030", "windowstradchinese": "big5", "utf-8": "utf-8", "utf8": "utf-8",
           "windowslatin1": "cp1252", "iso8859_1": "latin-1", "windowsjapanese": "cp932", "windowskorean": "cp949"}
# The charset to name for the codec a text is found in.
_CHARSETS = {"utf-8": "UTF-8", "gb18030": "WindowsSimpChinese", "big5": "WindowsTradChinese"}
_LABELS = {"utf-8": "UTF-8", "gb18030": "GBK", "big5": "Big5", "cp1252": "Windows-1252", "latin-1": "ISO-8859-1",
           "cp932": "Shift-JIS", "cp949": "EUC-KR"}
_TEXT_PART = {".mif": ".mid", ".tab": ".dat"}
_HEADER_BYTES = 1 << 16


def check_parts(path) -> None:
    """InputError when the MapInfo file ``path`` lacks the part holding its table of values: a .mif its .mid
    (GDAL reads every value empty: `every feature has an empty '名称'`), a native .tab its .dat (GDAL reads
    no file: `not a vector file GDAL reads`); one that is a picture laid on the map (``Type RASTER``) is said."""
    from geo.io import InputError

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _TEXT_PART or not path.is_file():
        return
    if suffix == ".tab":
        with open(path, "rb") as handle:
            kind = re.search(rb'(?im)^[ \t]*Type[ \t]+"?(\w+)', handle.read(_HEADER_BYTES))
        kind = kind.group(1).decode("ascii").upper() if kind else "NATIVE"
        if kind == "RASTER":
            raise InputError(path, "is a MapInfo raster table (a picture placed on the map), no vector features: give "
                                   "the table of its regions or points")
        if kind != "NATIVE":
            return  # a table of a .dbf, a Shapefile, a seamless or linked one: GDAL says what it reads
    else:
        with open(path, "rb") as handle:
            columns = re.search(rb"(?im)^[ \t]*Columns[ \t]+(\d+)", handle.read(_HEADER_BYTES))
        if columns is not None and int(columns.group(1)) == 0:
            return  # shapes alone, no table of values
    part = _TEXT_PART[suffix]
    if _text_part(path) is None:
        raise InputError(path, f"MapInfo {suffix} has no {part} beside it (its table of values: names, codes); "
                               f"copy the {part} with it")


def laundered_field_hint(path, columns, *, option="--name-field") -> str:
    """What to add when a field named is no column of the MapInfo file ``path`` and some of its ``columns`` hold
    ``_`` beside other than ASCII (``名_``, ``_码``: GDAL 3.6's MapInfo writer, in QGIS 3.22 and ogr2ogr, turns
    each byte of a field name that is no letter in Latin-1 into ``_``, 名称 into 名_); else ''. ``option`` None: a
    file whose columns cannot be named (a gazetteer's name column is ``name`` or ``名称``)."""
    if Path(path).suffix.lower() not in _TEXT_PART:
        return ""
    garbled = [str(c) for c in columns if "_" in str(c) and not str(c).isascii()]
    if not garbled:
        return ""
    fix = f"Name the column as it is ({option} '{garbled[0]}'), or save" if option else "Rename it to 名称 (or name) saving the layer as GeoPackage, or save"
    return (f"; {', '.join(garbled[:3])}: field names whose characters the program that wrote the file turned "
            f"into '_' (GDAL 3.6's MapInfo writer: QGIS 3.22, ogr2ogr)? {fix} the file again in MapInfo or a newer QGIS")


def readable_mapinfo(path) -> Path:
    """What GDAL reads for the MapInfo file ``path`` (.mif, .tab): a copy whose header names the charset its
    text is in (UTF-8, GBK or Big5, as :func:`text_codec` finds it) when the header names another; else
    ``path`` itself (any other file, a header naming Neutral or none, a text GDAL reads right)."""
    from geo.io import file_version

    path = Path(path)
    if path.suffix.lower() not in _TEXT_PART or not path.is_file():
        return path
    version = file_version(path)
    return path if version is None else _copied(path, version)


@functools.lru_cache(maxsize=16)
def _copied(path, version):
    """:func:`readable_mapinfo` for one ``version`` of the file (:func:`geo.io.file_version`): the copy, made
    once, or ``path``."""
    header, text = _parts(path)
    fix = _charset_fix(path, header, text)
    if fix is None:
        return path
    return _copy(path, len(header), fix)


def _charset_fix(label, header, text, *, neutral=False):
    """The MapInfo ``header`` naming the charset the ``text`` is in, when it names another (one it knows, once),
    with a warning about ``label``; else None (no text part, no charset, Neutral, one GDAL alone knows, or the
    right one). ``neutral``: a header naming Neutral (bytes passed on as they are) names the text's charset too,
    without a word (a file on disk is read in it instead: :func:`geo.vectors._mapinfo_codec`)."""
    from geo.io import warn

    if header is None:
        return None
    declared = {match.group(2) or match.group(4) for match in _CHARSET.finditer(header)}
    names = {name.decode("ascii", "replace").strip().lower() for name in declared}
    if neutral and names == {"neutral"} and (found := text_codec(header, text)) is not None:
        return _CHARSET.sub(lambda m: _renamed(m, _CHARSETS[found]), header)
    codecs = {_CODECS.get(name) for name in names}
    if len(declared) != 1 or None in codecs:
        return None  # none, Neutral, one GDAL alone knows, or two: left to GDAL
    (name,), (codec,) = declared, codecs
    found = text_codec(header, text)
    if found is None or found == codec:
        return None
    warn(f"{label}: its header names the charset {name.decode('ascii', 'replace')} ({_LABELS.get(codec, codec)}), but "
         f"its text is {_LABELS[found]} (converted by a text editor or a tool that kept the header?): read as "
         f"{_LABELS[found]}")
    return _CHARSET.sub(lambda m: _renamed(m, _CHARSETS[found]), header)


def zipped_mapinfo(path, names):
    """What GDAL reads for a zip archive ``path`` whose members (``names``, as stored) hold one MapInfo file
    (.tab or .mif) and no Shapefile: in a folder of it (a folder zipped whole, which GDAL does not look in),
    that member; with a header naming another charset than its text's, a copy of its set whose header names
    that (as :func:`readable_mapinfo` does for files on disk); else None (GDAL reads the archive itself)."""
    from geo.io import file_version

    tables = [name for name in names if Path(name.replace("\\", "/")).suffix.lower() in _TEXT_PART]
    if len(tables) != 1 or any(name.lower().endswith(".shp") for name in names):
        return None
    version = file_version(path)
    return None if version is None else _zipped_copy(Path(path), version, tables[0], tuple(names))


@functools.lru_cache(maxsize=16)
def _zipped_copy(path, version, member, names):
    """:func:`zipped_mapinfo` for one ``version`` of the archive: the copy, made once, the member, or None."""
    import shutil
    import zipfile

    from geo.io import refuse_zip_bomb
    from geo.kml_encoding import temporary_folder

    folder, _, file_name = member.replace("\\", "/").rpartition("/")
    stem, suffix = file_name.rpartition(".")[0], Path(file_name).suffix.lower()
    siblings = [name for name in names if name.replace("\\", "/").rpartition("/")[0] == folder
                and name.replace("\\", "/").rpartition("/")[2].rpartition(".")[0] == stem]
    part = next((name for name in siblings if Path(name).suffix.lower() == _TEXT_PART[suffix]), None)
    with zipfile.ZipFile(path) as archive:
        with archive.open(member) as handle:
            header = _header(suffix, handle.read(_HEADER_BYTES))
        text = b""
        if part is not None:
            with archive.open(part) as handle:
                text = _records(_TEXT_PART[suffix], handle.read(_sample_bytes()))
        fix = _charset_fix(f"{path} ({shown_member(member)})", header, text, neutral=True) if part is not None else None
        if fix is None:
            return f"/vsizip/{path.resolve()}/{member}" if folder else None
        for name in siblings:  # a zip bomb is refused before a byte is written
            refuse_zip_bomb(path, archive.getinfo(name), shown=shown_member(name))
        copy = temporary_folder("geo-mapinfo-")
        for name in siblings:
            if Path(name).suffix.lower() in (".tab", ".mif", ".mid", ".dat", ".map", ".id", ".ind"):
                target_name = shown_member(name).replace("\\", "/").rpartition("/")[2]
                with archive.open(name) as source, open(copy / target_name, "wb") as target:
                    if name == member:
                        target.write(fix)
                        source.read(len(header))
                    shutil.copyfileobj(source, target)
    return copy / shown_member(file_name)


def shown_member(name):
    """A zip member's ``name`` as its writer meant it: Python reads a name not flagged UTF-8 as CP437, which
    Info-ZIP's and Windows' zips of Chinese names are not (UTF-8, or GBK)."""
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name  # flagged UTF-8: read so
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return name


def text_codec(header: bytes, text: bytes):
    """``utf-8``, ``gb18030`` or ``big5`` for the non-ASCII text of a MapInfo file's header (its column names)
    and text part, as :func:`geo.text_codecs.detect_cjk_codec` tells it; None for ASCII text alone and for
    text of a one-byte code page (:func:`geo.text_codecs.is_single_byte_text`)."""
    from geo.text_codecs import detect_cjk_codec, is_single_byte_text

    data = header + b"\n" + text
    if data.isascii():
        return None
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and len(text) >= _sample_bytes():  # a character cut by the sample
            return "utf-8"
    detected = detect_cjk_codec(data)
    return None if detected is None or is_single_byte_text(data) else detected


def _renamed(match, charset):
    if match.group(1) is not None:
        return match.group(1) + charset.encode("ascii")
    return match.group(3) + charset.encode("ascii") + match.group(5)


def _sample_bytes():
    from geo import settings

    return settings.DBF_SAMPLE_BYTES


def _parts(path):
    """(header bytes, a sample of the text) of the MapInfo file ``path``: a .mif's header up to its
    ``Data`` line and its .mid, a .tab and the records of its .dat; (None, None) without the text part."""
    from geo.dbf import read_sidecar

    suffix = _TEXT_PART[path.suffix.lower()]
    part = _text_part(path)
    if part is None:
        return None, None
    with open(path, "rb") as handle:
        header = _header(path.suffix.lower(), handle.read(_HEADER_BYTES))
    return header, _records(suffix, read_sidecar(part, lambda handle: handle.read(_sample_bytes())))


def _header(suffix, data):
    """The header of a MapInfo file's first bytes ``data``: a .mif's up to its ``Data`` line, a .tab's whole."""
    if suffix == ".mif":
        found = re.search(rb"(?im)^[ \t]*data[ \t]*\r?$", data)
        return data[:found.start()] if found else data
    return data


def _records(suffix, text):
    """The values of a MapInfo text part's first bytes ``text``: a .mid's whole, a .dat's records (its header
    holds binary counts)."""
    if suffix == ".dat" and len(text) >= 10:
        return text[int.from_bytes(text[8:10], "little"):]
    return text


def _text_part(path):
    """The part holding the MapInfo file ``path``'s table of values beside it (its .mid or .dat, in either
    case), or None."""
    suffix = _TEXT_PART[path.suffix.lower()]
    return next((p for p in (path.with_suffix(suffix), path.with_suffix(suffix.upper())) if p.is_file()), None)


def _copy(path, length, header):
    """A copy of the MapInfo file ``path`` with ``header`` in place of its first ``length`` bytes: the header written anew,
    its other parts (.mid, .dat, .map, .id, .ind) linked, in a folder of their own."""
    import os
    import shutil

    from geo.kml_encoding import temporary_folder

    folder = temporary_folder("geo-mapinfo-")
    with open(path, "rb") as source, open(folder / path.name, "wb") as target:
        target.write(header)
        source.seek(length)
        shutil.copyfileobj(source, target)
    for part in sorted(path.parent.iterdir()):
        if part.stem == path.stem and part != path and part.suffix.lower() in (".mid", ".dat", ".map", ".id", ".ind"):
            try:
                os.symlink(part.resolve(), folder / part.name)
            except OSError:  # no symbolic links (Windows without the right): a copy
                shutil.copyfile(part, folder / part.name)
    return folder / path.name
