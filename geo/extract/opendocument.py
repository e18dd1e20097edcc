"""OpenDocument texts (.odt from LibreOffice or WPS, flat .fodt): the text of their body, a line per paragraph, heading or table cell."""

from __future__ import annotations

import lzma
import re
import zipfile
import zlib

from geo.extract.documents import (ExpatText, damaged_zip, open_zip, refuse_pictures_alone, unpacked_limit, zip_head,
                                    zip_part)
from geo.io import InputError, utf8_size

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_CONTENT = "content.xml"
_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_MANIFEST = "META-INF/manifest.xml"  # names the members encrypted with a password
# Elements of the text namespace that hold no text shown where they stand: tracked changes (the
# deleted text), footnotes and endnotes (with their citation), ruby text above its base, text hidden
# by a condition, the declarations of variables and sequences, a table of contents' template.
_UNSHOWN = frozenset({"tracked-changes", "note", "ruby-text", "hidden-text", "hidden-paragraph",
                      "variable-decls", "sequence-decls", "user-field-decls", "dde-connection-decls",
                      "table-of-content-source", "illustration-index-source", "alphabetical-index-source"})
# Office elements that hold no text of the body: comments; in a flat .fodt, its styles (running heads
# and feet), settings, scripts and metadata.
_OFFICE_UNSHOWN = frozenset({"annotation", "styles", "master-styles", "settings", "scripts", "meta",
                             "font-face-decls"})
# The automatic styles (before the body) that hide text: text properties of text:display="none".
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
# Elements of other namespaces holding no text shown: a picture's title and description (alt text), its
# data (a flat .fodt's pictures, base64), forms, embedded objects (a chart's labels).
_OTHER_UNSHOWN = frozenset({("urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", "title"),
                            ("urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", "desc"),
                            (_OFFICE, "binary-data"), (_OFFICE, "forms"),
                            ("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "object")})
# White space in a paragraph's XML: one space, as ODF reads it (text:s, text:tab, text:line-break are the
# document's own spaces, tabs and line breaks).
_SPACES = re.compile(r"[ \t\r\n]+")


# The local header of the member an OpenDocument package opens with (stored, no extra field: ODF 1.2
# part 3, 3.3): a damaged package is still told by it.
_MIMETYPE_HEADER = re.compile(rb"\APK\x03\x04.{22}\x08\x00\x00\x00mimetype" + re.escape(_MIMETYPE), re.DOTALL)


def is_odt(data: bytes) -> bool:
    """True when ``data`` is an OpenDocument text: a zip archive whose ``mimetype`` member names it
    (a damaged archive: one opening with that member)."""
    try:
        archive = open_zip(data)
        return "mimetype" in archive.namelist() and zip_head(archive, "mimetype").strip().endswith(_MIMETYPE)
    except Exception:  # a damaged archive: its first member may still tell (else it is read as a Word file)
        return _MIMETYPE_HEADER.match(data) is not None


def odt_text(data: bytes, path, max_bytes: int, max_text: int | None = None) -> str:
    """The text of an OpenDocument text (.odt): its body a line per paragraph, heading or table cell,
    text boxes after their paragraph, tabs and line breaks as written; tracked deletions, comments,
    footnotes and running heads left out.

    Parameters
    ----------
    data : bytes
        The file's bytes (a zip archive holding content.xml).
    path : path-like
        Named in errors.
    max_bytes : int
        The most its content.xml may take once unpacked; less when it unpacks to far more than its
        zipped size (a zip bomb is refused).
    max_text : int, optional
        The most bytes its text may take as UTF-8 (as a text file of it would).

    Raises
    ------
    geo.io.InputError
        A damaged, encrypted or too large package, or XML declaring entities.
    """
    try:
        archive = open_zip(data)
        if _CONTENT not in archive.namelist():
            raise InputError(path, "is a damaged OpenDocument text (it holds no content.xml)")
        info = archive.getinfo(_CONTENT)
        manifest = zip_part(archive, _MANIFEST, path, max_bytes, "an OpenDocument text") \
            if _MANIFEST in archive.namelist() else b""
        if b"encryption-data" in manifest:
            raise InputError(path, "is a password-protected OpenDocument text: save it without a password")
        limit, too_big = unpacked_limit(path, "an OpenDocument text", "content", max_bytes, info.compress_size)
        if info.file_size > limit:
            raise too_big
        reader = _OdfText(path)
        with archive.open(info) as content:
            unpacked = 0
            while chunk := content.read(1 << 20):
                unpacked += len(chunk)
                if unpacked > limit:
                    raise too_big
                reader.feed(chunk)
                _check_size(reader, path, max_text)
        reader.feed(b"", final=True)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, RuntimeError, NotImplementedError,
            ValueError, zlib.error, lzma.LZMAError) as exc:  # ValueError: a member's name not UTF-8 as flagged
        raise damaged_zip(path, data, "a damaged OpenDocument text", exc) from None
    text = _text(reader)
    if not text.strip():
        refuse_pictures_alone(archive.namelist(), "Pictures/", path)  # a scanned report inserted, a page a picture
    return text


def fodt_text(text: str, path, max_text: int | None = None) -> str:
    """The text of a flat OpenDocument text (.fodt: the package in one XML file), as :func:`odt_text`
    reads an .odt's: its body only (the styles holding its running heads and feet left out)."""
    from geo.extract.documents import DECLARED_ENCODING

    reader = _OdfText(path)
    reader.feed(DECLARED_ENCODING.sub(r"\g<1>UTF-8", text, count=1).encode("utf-8"), final=True)
    _check_size(reader, path, max_text)
    return _text(reader)


def _check_size(reader, path, max_text):
    if max_text is not None and reader.size > max_text:
        raise InputError(path, f"is an OpenDocument text whose text is over the {max_text / 1e6:g} MB size limit "
                               "(raise it with --max-size MB or GEO_MAX_REPORT_MB)")


def _text(reader) -> str:
    from geo.extract.documents import tidy_paragraphs

    return tidy_paragraphs("\n".join(reader.lines))


class _OdfText(ExpatText):
    """Collects the paragraphs of an OpenDocument's body as it is parsed."""

    KIND = "OpenDocument text"

    def __init__(self, path):
        super().__init__(path)
        self.skip = 0
        self.style, self.hiding = None, set()  # the automatic style being read; the names of those hiding text

    def _start(self, name, attrs):
        space, _, tag = name.rpartition(" ")
        if space == _STYLE and not self.skip:
            if tag == "style":
                self.style = attrs.get(f"{_STYLE} name")
            elif tag == "text-properties" and self.style and attrs.get(f"{_TEXT} display") == "none":
                self.hiding.add(self.style)
            return
        if self.skip or space == _TEXT and tag in _UNSHOWN or space == _OFFICE and tag in _OFFICE_UNSHOWN \
                or (space, tag) in _OTHER_UNSHOWN \
                or space == _TEXT and self.hiding and attrs.get(f"{_TEXT} style-name") in self.hiding:
            self.skip += 1  # what the document does not show; hidden text (a paragraph or span of a hiding style)
        elif space != _TEXT:
            return
        elif tag in ("p", "h"):
            self.open_paragraph()
        elif self.open and tag == "s":  # c spaces
            count = attrs.get(f"{_TEXT} c", "1")  # a nonNegativeInteger: ASCII digits (not ², which int() refuses)
            self._add(" " * min(int(count) if count.isascii() and count.isdigit() else 1, 1000))
        elif self.open and tag == "tab":
            self._add("\t")
        elif self.open and tag == "line-break":
            self._add("\n")

    def _end(self, name):
        if self.skip:
            self.skip -= 1
            return
        space, _, tag = name.rpartition(" ")
        if space == _TEXT and tag in ("p", "h") and self.open:
            self.close_paragraph()  # a text box's paragraphs follow its own

    def _text(self, data):
        if self.open and not self.skip:
            self._add(_SPACES.sub(" ", data))

    def _add(self, text):
        self.open[-1][0].append(text)
        self.size += utf8_size(text)
