"""KML declaring a Chinese encoding (GBK, GB2312, GB18030, Big5: 91卫图, 奥维 and older tools) read through a UTF-8 copy: GDAL's XML parser knows UTF-8, UTF-16 and Latin-1 only."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from geo.io import InputError

# The XML declaration's encoding, at the head of the file (after a BOM and blanks).
_DECLARATION = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml\b[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1""")
# Encodings expat reads itself (GDAL adds Windows-1252 and ISO-8859-15): a file declaring one is read as it is.
_READ_BY_GDAL = {"utf-8", "utf8", "utf-16", "utf16", "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii",
                 "windows-1252", "cp1252", "iso-8859-15"}
# Declared names of Chinese encodings -> the codec read: GB18030 holds GB2312 and GBK (and
# Windows' code page 936), Big5 is read with the HKSCS extensions (as text_codecs reads it).
_CODECS = {"gbk": "gb18030", "gb2312": "gb18030", "gb18030": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
           "x-gbk": "gb18030", "euc-cn": "gb18030", "ms936": "gb18030", "windows-936": "gb18030",
           "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "big5hkscs": "big5hkscs", "cp950": "big5hkscs",
           "x-big5": "big5hkscs"}


def declared_encoding(data: bytes):
    """The encoding the XML declaration at the head of ``data`` names, as written; None when it names none."""
    match = _DECLARATION.match(data[:1024])
    return match.group(2).decode("ascii", "replace").strip() if match else None


def to_utf8(data: bytes, where):
    """``data``, a KML document, as UTF-8 with its declaration saying so; ``data`` itself when it declares
    an encoding GDAL reads (or none). ``where`` names the document in errors.

    Raises
    ------
    geo.io.InputError
        When the declared encoding is not one of China's (:data:`_CODECS`) nor GDAL's, or the text
        does not decode in it: naming the encoding and the fix (save the file as UTF-8).
    """
    declared = declared_encoding(data)
    if declared is None or declared.lower() in _READ_BY_GDAL:
        return data
    codec = _CODECS.get(declared.lower())
    if codec is None:
        raise InputError(where, f"declares encoding={declared!r}, which GDAL cannot read (UTF-8, UTF-16, ISO-8859-1, "
                                "or GBK, GB18030 and Big5 through a copy): save it as UTF-8")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(where, f"declares encoding={declared!r} but is no {declared} text (byte {exc.start:,} does "
                                "not decode): save it as UTF-8") from None
    head = _DECLARATION.match(text.encode("utf-8")[:1024])
    body = text.encode("utf-8")
    return body[:head.start(2)] + b"UTF-8" + body[head.end(2):]


def readable_copy(path):
    """What GDAL reads for the KML or KMZ file ``path``: a UTF-8 copy of it when it (or a KML document in
    the KMZ) declares a Chinese encoding (:func:`to_utf8`), made once per version of the file and kept
    until the program ends; else ``path`` itself (any other file, one that cannot be read: GDAL says why)."""
    path = Path(path)
    if path.suffix.lower() not in (".kml", ".kmz") or not path.is_file():
        return path
    try:
        stat = path.stat()
    except OSError:
        return path
    return _copied(path, (str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ino))


@functools.lru_cache(maxsize=16)
def _copied(path, version):
    if path.suffix.lower() == ".kml":
        try:
            with open(path, "rb") as handle:
                head = handle.read(1024)
                declared = declared_encoding(head)
                if declared is None or declared.lower() in _READ_BY_GDAL:
                    return path
                data = head + handle.read()
        except OSError:
            return path
        return _written(path.name, to_utf8(data, path))
    return _kmz_copy(path)


def _kmz_copy(path):
    """A copy of the KMZ ``path`` with its KML documents in UTF-8 (:func:`to_utf8`), or ``path`` when none
    needs it, or when the archive is damaged or a document's sizes say it is a zip bomb (read from
    ``path``, where :func:`geo.vector_layers.kml_sources` refuses it)."""
    import io
    import zipfile

    from geo.io import zip_part_limit

    try:
        with zipfile.ZipFile(path) as archive:
            documents = [info for info in archive.infolist()
                         if not info.is_dir() and info.filename.lower().endswith(".kml")]
            if any(info.file_size > zip_part_limit(info.compress_size) for info in documents):
                return path
            heads = {}
            for info in documents:
                with archive.open(info) as handle:
                    heads[info.filename] = declared_encoding(handle.read(1024))
            if all(head is None or head.lower() in _READ_BY_GDAL for head in heads.values()):
                return path
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
                for info in archive.infolist():
                    data = archive.read(info)
                    if info.filename in heads:
                        data = to_utf8(data, f"{path} (its KML document {info.filename!r})")
                    copy.writestr(info, data)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        return path
    return _written(path.name, buffer.getvalue())


def _written(name, data):
    """``data`` written as ``name`` in a folder of its own that is removed when the program ends."""
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="geo-kml-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    copy = folder / name
    copy.write_bytes(data)
    return copy
