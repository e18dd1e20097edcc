"""Word files of 2007 on (.docx, WPS and LibreOffice's too) and Word XML documents: their text, a line per paragraph."""

from __future__ import annotations

import lzma
import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from geo.extract.documents import (DECLARED_ENCODING, ExpatText, damaged_zip, open_zip, refuse_pictures_alone,
                                   tidy_paragraphs,
                                   unpacked_limit, zip_head, zip_part)
from geo.io import InputError, utf8_size

# WordprocessingML, transitional (Word, WPS, LibreOffice) and strict (Word's "Strict Open XML").
# Word 2003 XML (.xml, and the .doc files programs write from its templates) has elements of the same
# names in a namespace of its own.
_WORD_2003 = "http://schemas.microsoft.com/office/word/2003/wordml"
_WORD_SPACES = frozenset({"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                          "http://purl.oclc.org/ooxml/wordprocessingml/main", _WORD_2003})
# Word 2003 XML's annotations: a comment's is no text of the document (a deletion's holds delText only).
_AML = "http://schemas.microsoft.com/aml/2001/core"
# A Word XML document of Word 2007 on (flat OPC): the package's parts, one element each; the document's is read.
_PKG = "http://schemas.microsoft.com/office/2006/xmlPackage"
_PKG_BODY = "/word/document.xml"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Office Math: an equation's text (m:t) is text of its paragraph.
_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
# Elements whose text Word does not show: deleted or moved-away text, paragraph and run properties
# (their tab stops are no tabs), ruby text above its base, hidden instructions of fields.
_WORD_UNSHOWN = frozenset({"del", "moveFrom", "pPr", "rPr", "rt", "instrText", "delText", "delInstrText",
                           # Word 2003 XML keeps footnotes where they are cited, headers and footers in its sections
                           "footnote", "endnote", "hdr", "ftr"})
# The document's part where Word and most programs put it; the package's relationships (_rels/.rels)
# name it (word/document2.xml in some files Word Online converted).
_DOCX_BODY = "word/document.xml"
_PACKAGE_RELS = "_rels/.rels"
# Excel's and PowerPoint's main parts, which their package relationships name the officeDocument too.
_OTHER_OFFICE_PARTS = ("xl/", "ppt/")
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# A relationship of a part (its tag, up to the next bracket: linear however many tags are left
# unended), and the attributes read of it, in any order.
_RELATIONSHIP = re.compile(r"<(?:\w+:)?Relationship\b[^<>]*")
_RELATIONSHIP_ATTRIBUTE = re.compile(r"""\b(Id|Target|Type)\s*=\s*["']([^"']*)["']""")
# How much of the package's relationships (_rels/.rels) is read to find its document part.
_PACKAGE_RELS_HEAD = 100_000
# Parts shown inside parts (an altChunk that is a Word file showing one...) no deeper than this.
_MAX_CHUNK_DEPTH = 8
# Where an altChunk (a part of another format, shown in the text) stands among the lines read:
# this, then its relationship's id (no text of a Word file holds a NUL).
_CHUNK = "\x00altChunk\x00"
# A run's characters Word shows for its special elements: a non-breaking hyphen, an absolute
# position tab; the rest show nothing (an optional hyphen, a symbol of a picture font).
_WORD_CHARS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
# Values of an on/off property that turn it off (<w:vanish w:val="0"/>).
_WORD_OFF = frozenset({"0", "false", "off"})


def docx_text(data: bytes, path, max_bytes: int, max_text: int | None = None, depth: int = 0) -> str:
    """The text of a Word file (.docx; also WPS and LibreOffice's): a line per paragraph,
    table cells, text boxes and equations included, tabs and line breaks as written; what
    Word does not show (deleted text, hidden text, field codes) left out.

    Parameters
    ----------
    data : bytes
        The file's bytes (a zip archive).
    path : path-like
        Named in errors.
    max_bytes : int
        The most the document's XML may take once unpacked; less when it unpacks to more than
        a hundred times its zipped size (a zip bomb is refused).
    max_text : int, optional
        The most bytes its text may take as UTF-8 (as a text file of it would), the parts it shows (altChunks) included.
    depth : int
        How many parts deep this file is shown (an altChunk that is a Word file: 1).

    Raises
    ------
    geo.io.InputError
        A zip archive that is no Word file (an Excel workbook, a plain .zip), a damaged or
        too large one, or one whose XML declares entities.
    """
    try:
        archive = open_zip(data, fold_case=True)  # OPC part names ignore case
        names = set(archive.namelist())
        body_name = _docx_body(archive, names)
        if body_name is None:
            raise InputError(path, f"is {_zip_kind(archive, names, path)}")
        info = archive.getinfo(body_name)
        # A zip bomb: the XML unpacks to far more than it takes zipped (pictures beside it do not count).
        limit, too_big = unpacked_limit(path, "a Word file", "text", max_bytes, info.compress_size)
        if info.file_size > limit:
            raise too_big
        reader = _WordText(path)
        with archive.open(info) as body:  # read and parsed a piece at a time: memory for its text only
            unpacked = 0
            while chunk := body.read(1 << 20):
                unpacked += len(chunk)
                if unpacked > limit:
                    raise too_big
                reader.feed(chunk)
                if max_text is not None and reader.size > max_text:
                    raise _text_too_big(path, max_text)
        reader.feed(b"", final=True)
        lines = _with_chunks(archive, body_name, reader.lines, path, max_bytes, max_text, depth)
        _check_not_embedded_only(lines, names, path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, RuntimeError, NotImplementedError,
            ValueError, zlib.error, lzma.LZMAError) as exc:  # a name not UTF-8 as flagged; compressed data damaged
        raise damaged_zip(path, data, "a damaged or encrypted Word file", exc) from None
    return tidy_paragraphs("\n".join(lines))


def _check_not_embedded_only(lines, names, path) -> None:
    """Refuse a Word file that shows no text of its own but embedded objects (``word/embeddings/``: a
    report pasted in as an object, an icon to double-click): its text is in the object, which is not read;
    or but pictures (``word/media/``: a scanned report, a page a picture), whose text needs OCR;
    "no spatial projects found" would blame the report."""
    if any(line.strip() for line in lines):
        return
    embedded = sorted(name for name in names if name.lower().startswith("word/embeddings/") and not name.endswith("/"))
    if embedded:
        shown = "、".join(Path(name).name for name in embedded[:3]) + ("…" if len(embedded) > 3 else "")
        raise InputError(path, f"holds no text of its own, only embedded objects ({shown}): open it in Word, open "
                               "the object (double-click it) and save that document, or copy its text into this one")
    refuse_pictures_alone(names, "word/media/", path)  # a scanned report pasted in, a page a picture


def word_xml_text(text: str, path, max_text: int | None = None) -> str:
    """The text of a Word XML document (Word 2003 XML, or Word's "XML document" of 2007 on: a flat
    package, its document part read), as :func:`docx_text` reads a .docx: a line per paragraph or
    table cell, what Word does not show (deletions, hidden text, field codes, comments, footnotes,
    headers and footers) left out.

    Parameters
    ----------
    text : str
        The decoded document.
    path : path-like
        Named in errors.
    max_text : int, optional
        The most bytes its text may take as UTF-8 (as a text file of it would).

    Raises
    ------
    geo.io.InputError
        XML that does not parse or declares entities, text over the size limit, or a part of another
        format (an altChunk) shown in it.
    """
    reader = _WordText(path)
    reader.feed(DECLARED_ENCODING.sub(r"\g<1>UTF-8", text, count=1).encode("utf-8"), final=True)
    if max_text is not None and reader.size > max_text:
        raise _text_too_big(path, max_text)
    if any(line.startswith(_CHUNK) for line in reader.lines):
        raise InputError(path, "is a Word XML document showing a part of another format (an altChunk): "
                               "open it in Word and save it as a .docx")
    return tidy_paragraphs("\n".join(reader.lines))


def _docx_body(archive: zipfile.ZipFile, names) -> str | None:
    """The name of a Word file's document part, None when the zip holds none (an .xlsx, an .odt)."""
    if _DOCX_BODY in names:
        return _DOCX_BODY
    if _PACKAGE_RELS not in names:
        return None
    with archive.open(_PACKAGE_RELS) as part:  # its head only, however far it unpacks
        rels = part.read(_PACKAGE_RELS_HEAD).decode("utf-8", "replace")
    return next((name for rel in _relationships(rels) if rel.get("Type", "").endswith("/officeDocument")
                 and (name := rel.get("Target", "").lstrip("/").lower()) in names and name.endswith(".xml")
                 and not name.startswith(_OTHER_OFFICE_PARTS)), None)


def _relationships(rels: str):
    """The relationships of a relationships part, each a dict of its ``Id``, ``Target`` and ``Type``
    (those it has); read in time linear in the part, whatever its markup."""
    for tag in _RELATIONSHIP.finditer(rels):
        yield {name: value for name, value in _RELATIONSHIP_ATTRIBUTE.findall(tag[0])}


def _text_too_big(path, max_text: int) -> InputError:
    return InputError(path, f"is a Word file whose text is over the {max_text / 1e6:g} MB size limit "
                            "(raise it with --max-size MB or GEO_MAX_REPORT_MB)")


def _with_chunks(archive: zipfile.ZipFile, body: str, lines: list, path, max_bytes: int, max_text, depth: int):
    """The lines of a Word file's document part with the text of each altChunk in its place: a part
    shown again and again is read once, and the text as a whole takes at most ``max_text`` bytes as UTF-8.

    Raises
    ------
    geo.io.InputError
        The text over the size limit, parts shown inside parts over :data:`_MAX_CHUNK_DEPTH` deep, or
        what :func:`_chunk_text` refuses.
    """
    if not any(line.startswith(_CHUNK) for line in lines):
        return lines
    if depth >= _MAX_CHUNK_DEPTH:
        raise InputError(path, f"is a Word file showing parts nested over {_MAX_CHUNK_DEPTH} deep (altChunks: "
                               "no Word file nests them so): open it in Word and save it again as a .docx")
    chunks, shown, size = {}, [], 0
    for line in lines:
        if line.startswith(_CHUNK):
            rid = line[len(_CHUNK):]
            if rid not in chunks:
                chunks[rid] = _chunk_text(archive, body, rid, path, max_bytes, max_text, depth)
            line = chunks[rid]
        size += utf8_size(line) + 1
        if max_text is not None and size > max_text:
            raise _text_too_big(path, max_text)
        shown.append(line)
    return shown


def _chunk_text(archive: zipfile.ZipFile, body: str, rid: str, path, max_bytes: int, max_text=None,
                depth: int = 0) -> str:
    """The text of an altChunk of a Word file: a part of another format (a web page, mostly, as
    programs writing Word files from HTML leave it) that Word shows where it stands, by its
    relationship ``rid``.

    Raises
    ------
    geo.io.InputError
        A chunk missing, too large, or of a format geo does not read (RTF).
    """
    from geo.extract.webpages import html_text, is_web_archive, web_archive_text
    from geo.text_codecs import decode_text

    folder, _, part = body.rpartition("/")
    rels_name = f"{folder}/_rels/{part}.rels" if folder else f"_rels/{part}.rels"
    rels = zip_part(archive, rels_name, path, max_bytes).decode("utf-8", "replace") \
        if rels_name in archive.namelist() else ""
    target = next((rel.get("Target") for rel in _relationships(rels) if rel.get("Id") == rid), None)
    if target is not None:  # a target is relative to the document part's folder, or absolute
        target = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}".lstrip("/")
    name = target and posixpath.normpath(target).lower()  # the package's names are folded (open_zip)
    if name not in archive.namelist():
        raise InputError(path, f"is a damaged Word file (the part {rid} it shows in its text is missing)")
    data = zip_part(archive, name, path, max_bytes)
    if name.lower().endswith(".docx"):
        return docx_text(data, path, max_bytes, max_text, depth + 1)
    if name.lower().endswith((".mht", ".mhtml")) or is_web_archive(data[:4096].decode("latin-1")):
        return web_archive_text(data, path)
    if name.lower().endswith((".txt", ".htm", ".html", ".xhtml", ".xml")):
        text = decode_text(data, path).lstrip("\ufeff")
        return text if name.lower().endswith(".txt") else html_text(text)
    raise InputError(path, f"is a Word file showing a part of another format ({name}) geo does not read: "
                           "open it in Word and save it again as a .docx")


# --------------------------------------------------------------------------- helpers


class _WordText(ExpatText):
    """Collects the paragraphs of WordprocessingML as it is parsed."""

    KIND = "Word file"

    def __init__(self, path):
        super().__init__(path)
        self.skip = 0  # depth inside what Word does not show (deletions, properties, ruby text, fallbacks)
        self.runs = []  # per run open: whether its properties hide it (w:vanish: hidden text)
        self.run_props = 0  # the depth of skip inside the properties of the innermost run open, else 0
        self.in_text = 0
        self.choices = []  # per mc:AlternateContent open: whether one of its choices was read

    def _start(self, name, attrs):
        space, _, tag = name.rpartition(" ")
        if self.skip and self.skip == self.run_props and tag == "vanish" and space in _WORD_SPACES:
            # hidden text: Word neither shows nor prints it
            self.runs[-1] = attrs.get(f"{space} val", "on").lower() not in _WORD_OFF
        if self.skip or (space == _MC and tag == "Choice" and self.choices and self.choices[-1]) \
                or space == _PKG and tag == "part" and attrs.get(f"{_PKG} name") != _PKG_BODY \
                or space == _AML and tag == "annotation" and attrs.get(f"{_WORD_2003} type") == "Word.Comment":
            self.skip += 1  # a second choice of the same content is read once only; other parts, comments not
            return
        if space == _MC:
            if tag == "AlternateContent":
                self.choices.append(False)
            elif tag == "Choice" and self.choices:
                self.choices[-1] = True
            elif tag == "Fallback" and self.choices and self.choices[-1]:
                self.skip += 1
            return
        if space == _MATH and tag == "t" and self.open:
            self.in_text += 1
        if space not in _WORD_SPACES:
            return
        if tag in _WORD_UNSHOWN:
            self.skip += 1
            if tag == "rPr" and self.runs and not self.run_props:
                self.run_props = self.skip  # a run's properties: they may hide it
        elif tag == "p":
            self.open_paragraph()
        elif tag == "altChunk":  # read when the document is: its part may come after
            self.lines.append(_CHUNK + attrs.get(f"{_RELATIONSHIPS} id", ""))
        elif tag == "r":
            self.runs.append(False)
        elif self.open:
            if tag == "t":
                self.in_text += 1
            elif tag in _WORD_CHARS and not (self.runs and self.runs[-1]):
                self.open[-1][0].append(_WORD_CHARS[tag])

    def _end(self, name):
        if self.skip:
            if self.skip == self.run_props:
                self.run_props = 0
            self.skip -= 1
            return
        space, _, tag = name.rpartition(" ")
        if space == _MATH and tag == "t" and self.in_text:
            self.in_text -= 1
        elif space == _MC:
            if tag == "AlternateContent" and self.choices:
                self.choices.pop()
        elif space in _WORD_SPACES:
            if tag == "t" and self.in_text:
                self.in_text -= 1
            elif tag == "r" and self.runs:
                self.runs.pop()
            elif tag == "p" and self.open:
                self.close_paragraph()  # a text box's paragraphs follow its own

    def _text(self, data):
        if self.in_text and not self.skip and self.open and not (self.runs and self.runs[-1]):
            self.open[-1][0].append(data)
            self.size += utf8_size(data)


def _zip_kind(archive, names, path=None) -> str:
    """What a zip archive that holds no Word document is and what to give instead, as an error says it:
    what it holds (an Excel workbook), else which document its name says it is and lacks (a .docx
    without word/document.xml, an .odt without content.xml, an .ofd without OFD.xml)."""
    instead = "give the report as text, a web page (.html) or a Word .docx"
    if "xl/workbook.xml" in names:
        return f"an Excel workbook (.xlsx): {instead}"
    if "mimetype" in names and zip_head(archive, "mimetype").strip().endswith(b"opendocument.spreadsheet"):
        return f"an OpenDocument spreadsheet (.ods): {instead}"
    claimed = _ZIP_DOCUMENTS.get(Path(str(path or "")).suffix.lower())
    if claimed is not None:
        return f"not a valid {claimed[0]}: a zip archive without {claimed[1]} (damaged, or renamed?); {instead}"
    return f"a zip archive, not a Word .docx: {instead}"


# The documents a zip archive's name may say it is: (what, the part it lacks when it is none).
_ZIP_DOCUMENTS = {".docx": ("Word .docx", "word/document.xml"), ".docm": ("Word .docm", "word/document.xml"),
                  ".dotx": ("Word .dotx", "word/document.xml"),
                  ".odt": ("OpenDocument text (.odt)", "its mimetype and content.xml"),
                  ".ofd": ("OFD", "OFD.xml")}
