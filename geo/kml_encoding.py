"""KML (and GPX) declaring a Chinese encoding (GBK, GB2312, GB18030, Big5: 91卫图, 奥维, Chinese GPS software and older tools) read through a UTF-8 copy: GDAL's XML parser knows UTF-8, UTF-16 and Latin-1 only."""

from __future__ import annotations

import codecs
import functools
import re
from pathlib import Path

from geo.io import InputError, file_version

# The XML declaration's encoding, at the head of the text (after blanks).
_DECLARATION = re.compile(r"""\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1""")
# Byte-order marks: they, not the declaration, say what a file is in (Notepad keeps encoding="GBK"
# when it saves a GBK file again as UTF-8) -> the codec, and the declared names that agree with it.
_BOMS = ((b"\xef\xbb\xbf", "utf-8", {"utf-8", "utf8"}),
         (b"\xff\xfe", "utf-16-le", {"utf-16", "utf16", "utf-16le"}),
         (b"\xfe\xff", "utf-16-be", {"utf-16", "utf16", "utf-16be"}))
# Encodings expat reads itself (GDAL adds Windows-1252 and ISO-8859-15): a file declaring one is read as it is.
_READ_BY_GDAL = {"utf-8", "utf8", "utf-16", "utf16", "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii",
                 "windows-1252", "cp1252", "iso-8859-15"}
# Declared names of Chinese encodings -> the codec read: GB18030 holds GB2312 and GBK (and
# Windows' code page 936), Big5 is read with the HKSCS extensions (as text_codecs reads it).
_CODECS = {"gbk": "gb18030", "gb2312": "gb18030", "gb18030": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
           "x-gbk": "gb18030", "euc-cn": "gb18030", "ms936": "gb18030", "windows-936": "gb18030",
           "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "big5hkscs": "big5hkscs", "cp950": "big5hkscs",
           "x-big5": "big5hkscs"}
_CHUNK = 1 << 18  # bytes decoded at a time: a copy never holds the file whole
_FOLDERS = []  # the copies' folders, removed when the program ends (remove_copies)


def declared_encoding(data: bytes):
    """The encoding the XML declaration at the head of ``data`` names, as written; None when it names none."""
    bom = next(((len(mark), codec) for mark, codec, _ in _BOMS if data.startswith(mark)), (0, "latin-1"))
    match = _DECLARATION.match(data[bom[0]:1024].decode(bom[1], "ignore"))
    return match.group(2).strip() if match else None


def _plan(head: bytes, where):
    """(codec the document is read in, bytes of its byte-order mark, what it says of itself, the
    encoding's name) for a
    document starting with ``head`` that GDAL cannot read as it is; None when it can."""
    declared = declared_encoding(head)
    for mark, codec, agreeing in _BOMS:
        if head.startswith(mark):
            if declared is None or declared.lower() in agreeing:
                return None
            name = codec[:6].upper()
            return codec, len(mark), f"starts with a {name} byte-order mark", name
    if declared is None or declared.lower() in _READ_BY_GDAL:
        return None
    if declared.lower() not in _CODECS:
        raise InputError(where, f"declares encoding={declared!r}, which GDAL cannot read (UTF-8, UTF-16, ISO-8859-1, "
                                "or GBK, GB18030 and Big5 through a copy): save it as UTF-8")
    return _CODECS[declared.lower()], 0, f"declares encoding={declared!r}", declared


def _convert(source, target, plan, where):
    """Copy the document read from ``source`` to ``target`` in UTF-8, chunk by chunk, its declaration
    saying so and nothing before it (GDAL refuses blanks there); ``plan`` is :func:`_plan`'s."""
    codec, skip, said, name = plan
    decoder = codecs.getincrementaldecoder(codec)()
    offset, first = skip, True
    source.read(skip)
    while True:
        chunk = source.read(_CHUNK)
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            # exc.object is the bytes the decoder held back from the chunk before (a character cut in
            # two by the chunk's end) and this chunk: after the error, getstate() holds none of them.
            at = offset - (len(exc.object) - len(chunk)) + exc.start
            raise InputError(where, f"{said} but is no {name} text (byte {at:,} does not decode): "
                                    "save it as UTF-8") from None
        offset += len(chunk)
        if first:
            head = _DECLARATION.match(text)
            text = text[:head.start(2)].lstrip() + "UTF-8" + text[head.end(2):] if head else text.lstrip()
            first = False
        target.write(text.encode("utf-8"))
        if not chunk:
            return


def readable_copy(path, archive=False):
    """What GDAL reads for the KML or KMZ file ``path``: a UTF-8 copy of it when it (or a KML document in
    the KMZ) declares a Chinese encoding, or its byte-order mark contradicts its declaration (:func:`_plan`),
    made once per version of the file and kept until the program ends; else ``path`` itself (any
    other file, one that cannot be read: GDAL says why). With ``archive``, ``path`` is a zip archive
    holding KML documents (a .zip, read like a KMZ)."""
    path = Path(path)
    if (path.suffix.lower() not in (".kml", ".kmz", ".gpx") and not archive) or not path.is_file():
        return path  # a GPX file is XML alike: GDAL's GPX reader knows the same encodings
    version = file_version(path)
    if version is None:
        return path
    return _copied(path, version, archive or path.suffix.lower() == ".kmz")


@functools.lru_cache(maxsize=16)
def _copied(path, version, archive=False):
    if archive:
        return _kmz_copy(path)
    try:
        with open(path, "rb") as handle:
            plan = _plan(handle.read(1024), path)
    except OSError:
        return path
    if plan is None:
        return path
    with _Copy(path.name) as (copy, target), open(path, "rb") as source:
        _convert(source, target, plan, path)
    return copy


def _kmz_copy(path):
    """A copy of the KMZ ``path`` with its KML documents in UTF-8 (:func:`_convert`), or ``path`` when none
    needs it, or when the archive is damaged or a document's sizes say it is a zip bomb (read from
    ``path``, where :func:`geo.vector_layers.kml_sources` refuses it)."""
    import shutil
    import zipfile
    import zlib

    from geo.io import zip_part_limit

    try:
        with zipfile.ZipFile(path) as archive:
            documents = [info for info in archive.infolist()
                         if not info.is_dir() and info.filename.lower().endswith(".kml")]
            if any(info.file_size > zip_part_limit(info.compress_size) for info in documents):
                return path
            plans = {}
            for info in documents:
                with archive.open(info) as handle:
                    plans[info.filename] = _plan(handle.read(1024), f"{path} (its KML document {info.filename!r})")
            if all(plan is None for plan in plans.values()):
                return path
            with _Copy(path.name) as (copy, target), zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
                for info in archive.infolist():
                    member = zipfile.ZipInfo(info.filename, info.date_time)
                    member.compress_type, member.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
                    if info.is_dir():
                        out.writestr(member, b"")
                        continue
                    with archive.open(info) as source, out.open(member, "w", force_zip64=info.file_size * 3 // 2 >= zipfile.ZIP64_LIMIT) as written:
                        if plans.get(info.filename) is None:
                            shutil.copyfileobj(source, written, _CHUNK)
                        else:
                            _convert(source, written, plans[info.filename],
                                     f"{path} (its KML document {info.filename!r})")
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, zlib.error):
        return path
    return copy


class _Copy:
    """``with _Copy(name) as (path, handle)``: a file ``name`` open for writing in a folder of its own,
    removed when the program ends (:func:`remove_copies`), or at once when the block fails."""

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        self.folder = temporary_folder()
        self.handle = open(self.folder / self.name, "wb")
        return self.folder / self.name, self.handle

    def __exit__(self, kind, value, traceback):
        import shutil

        self.handle.close()
        if kind is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            _FOLDERS.remove(self.folder)
        return False


def temporary_folder(prefix="geo-kml-"):
    """A new folder of its own for copies of a user's files, removed when the program ends (:func:`remove_copies`)."""
    import atexit
    import tempfile

    if not _FOLDERS:
        atexit.register(remove_copies)
    _FOLDERS.append(Path(tempfile.mkdtemp(prefix=prefix)))
    return _FOLDERS[-1]


def remove_copies():
    """Remove every copy made: at exit (atexit), and by :func:`geo.__main__._exit`, which leaves by
    ``os._exit`` and so runs no atexit handler."""
    import shutil

    while _FOLDERS:
        shutil.rmtree(_FOLDERS.pop(), ignore_errors=True)


def copy_path(path):
    """The copy GDAL reads for ``path`` (:func:`readable_copy`), or None: errors name ``path`` instead."""
    if Path(path).suffix.lower() not in (".kml", ".kmz", ".gpx"):
        return None
    try:
        copy = readable_copy(path)
    except InputError:
        return None
    return copy if copy != Path(path) else None
