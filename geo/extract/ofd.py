"""OFD documents (GB/T 33190-2016, 开放版式文档): the text of their pages, a line per printed line."""

from __future__ import annotations

import codecs
import lzma
import math
import posixpath
import re
import struct
import unicodedata
import zipfile
import zlib

from geo.extract.documents import damaged_zip, open_zip, unpacked_limit
from geo.io import InputError, utf8_size

# A package's entry (GB/T 33190 §7.3) and, when its files are encrypted, GM/T 0099-2020's
# decryption entry beside it.
_ENTRY = "ofd.xml"
_ENCRYPTIONS = "encryptions.xml"
# The local header of a zip member named OFD.xml: a damaged package is still told by it.
_ENTRY_HEADER = re.compile(rb"PK\x03\x04.{22}\x07\x00.{2}(?i:ofd\.xml)", re.DOTALL)
# The encoding an XML declaration names.
_DECLARED = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]{1,40})[\"']")
# Chinese encodings expat does not read (it reads UTF-8, UTF-16 and one-byte ones): a part declaring
# one is decoded here first. No other codec is asked (zlib and base64 are codecs too).
_CHINESE_CODECS = frozenset({"gb2312", "gbk", "gb18030", "hz", "big5", "big5hkscs", "cp950"})
# Line breaks and indentation around a TextCode's text are the XML's pretty-printing, not text.
_PRETTY_EDGES = re.compile(r"\A\s*[\r\n]\s*|\s*[\r\n]\s*\Z")

# Glyphs whose baselines lie less than this share of the larger font size apart stand on one
# line (a superscript ² is raised about a third of its line's size; lines stand a size apart at least).
_SAME_LINE = 0.5
# A gap wider than this many font sizes beside a Latin letter or a digit is a space; between
# Han characters (a title spaced out, justified text) it is none.
_SPACE_GAP = 1.0
# The same character drawn again less than this share of its size away is one (bold drawn twice);
# two others nearer than this share of their size overlap (no narrow letter is that narrow).
_TWIN_GAP = 0.3
_OVERLAP = 0.1
# A TextObject turned more than this (the share of its CTM's off-diagonal terms) is a watermark
# or a seal's ring of text: its characters stand on no line of the page, and are left out.
_TURNED = 0.1
# Font sizes (mm) below this count as this in tolerances; a TextObject without a Size has its
# Boundary's height, or the default.
_MIN_SIZE = 0.5
_DEFAULT_SIZE = 3.5
# Documents listing more pages than this (all of a package's together), or a page holding more characters, is
# no report.
_MAX_PAGES = 50_000
_MAX_PAGE_CHARACTERS = 200_000


def is_ofd(data: bytes) -> bool:
    """True when ``data`` is an OFD package: a zip archive holding ``OFD.xml`` at its root, or in
    the one folder all its members lie in (:func:`_package_root`; a damaged archive: one whose
    local headers name it at its root)."""
    try:
        names = open_zip(data).namelist()
    except Exception:  # a damaged archive: whatever zipfile raises, its headers may still tell
        return _ENTRY_HEADER.search(data) is not None
    return _package_root(names) is not None


def _package_root(names) -> str | None:
    """The folder of a zip's members (``/`` separated, no leading one) that is its package's root:
    ``""`` when OFD.xml is at the zip's root, as producers write it; the one folder every member lies
    in when OFD.xml is there (a package unpacked, then its folder zipped whole: 报告/OFD.xml; a Mac's
    ``__MACOSX`` aside); None when there is none (a Word file holding an OFD.xml in one of its folders)."""
    names = [name for name in map(_member_name, names) if name not in ("", ".") and not name.startswith("__MACOSX")]
    if any(name.lower() == _ENTRY for name in names):
        return ""
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) == 1 and any(name.lower() == f"{next(iter(tops)).lower()}/{_ENTRY}" for name in names):
        return next(iter(tops))
    return None


def ofd_text(data: bytes, path, max_bytes: int, max_text: int | None = None) -> str:
    """The text of an OFD's pages: the lines as printed, top to bottom and each left to right (a page
    set in columns a column at a time), a form feed opening each page after the first, as
    :func:`geo.extract.pdf.pdf_text` gives a PDF's (extraction joins the lines a paragraph wraps over).

    The characters of the pages' TextObjects are placed by their Boundary, CTM, X, Y, DeltaX and
    DeltaY (GB/T 33190 §11) and grouped into lines by their baselines, whatever their order in
    the XML and however many characters each TextCode holds (a line's pieces that overlap one
    another keep the XML's order). Templates (running heads and feet, a red masthead),
    annotations, signatures and seals are left out, and so is hidden text, text turned off the
    horizontal (watermarks, a seal's ring) and text set vertically.

    Parameters
    ----------
    data : bytes
        The file's bytes (a zip archive holding ``OFD.xml``).
    path : path-like
        Named in errors.
    max_bytes : int
        The most its XML may take once unpacked, all parts read together; less for a part that
        unpacks to far more than its zipped size (a zip bomb is refused).
    max_text : int, optional
        The most bytes its text may take as UTF-8 (as a text file of it would).

    Raises
    ------
    geo.io.InputError
        A damaged, encrypted or too large package; XML declaring a document type or entities;
        a page outside the package or missing from it; numbers that are none; a package without
        a text layer (a scan) or whose fonts map its characters to none.
    """
    from geo.extract.documents import fixed_layout_text

    pages, size = [], 0
    try:
        package = _Package(open_zip(data), path, max_bytes)
        for number, page in package.pages():
            lines = _lines(package.read(page, _PageReader(path, f"page {number}")).glyphs)
            size += sum(utf8_size(line) + 1 for line in lines)
            if max_text is not None and size > max_text:
                raise InputError(path, f"is an OFD whose text is over the {max_text / 1e6:g} MB size limit "
                                       "(raise it with --max-size MB or GEO_MAX_REPORT_MB)")
            if lines:  # an empty page (a picture, a blank) adds no page break of its own
                pages.append("\n".join(lines))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, RuntimeError, NotImplementedError,
            ValueError, struct.error, zlib.error, lzma.LZMAError) as exc:  # zipfile's, on a damaged archive
        raise damaged_zip(path, data, "a damaged OFD", exc) from None
    return fixed_layout_text("\n\f".join(pages), path, kind="an OFD", viewer="an OFD reader (数科, 福昕, 永中)")


# --------------------------------------------------------------------------- the package


class _Package:
    """The members of an OFD package, found by the locations its XML gives (ST_Loc) and read
    within one budget of unpacked bytes."""

    def __init__(self, archive: zipfile.ZipFile, path, budget: int):
        self.archive, self.path, self.budget = archive, path, budget
        self.members, self.folded, self.names = {}, {}, {}
        root = _package_root(archive.namelist()) or ""
        for info in archive.infolist():
            name = _member_name(info.filename)
            if info.is_dir() or root and not name.startswith(f"{root}/"):
                continue
            name = self.names[info.filename] = name[len(root) + 1:] if root else name
            self.members.setdefault(name, info)
            self.folded.setdefault(name.lower(), info)
        if _ENCRYPTIONS in self.folded or any(info.flag_bits & 0x1 for info in archive.infolist()):
            raise InputError(path, "is an encrypted OFD: open it in an OFD reader (数科, 福昕, 永中) "
                                   "with its password or certificate, then save its text as a .txt file")

    def pages(self):
        """(number, ZipInfo) of each page's content, in the documents' order (a page listed twice is read once)."""
        entry = self.folded.get(_ENTRY)
        if entry is None:
            raise InputError(self.path, "is a zip archive, not an OFD: it holds no OFD.xml")
        roots = self.read(entry, _ListReader(("DocRoot",), "DocBody")).found
        if not roots:
            raise InputError(self.path, "is an OFD package without a document (its OFD.xml names no DocRoot)")
        seen, count, documents = set(), 0, set()
        for loc in dict.fromkeys(roots):
            document = self.find(loc, "", "its document")
            if document.filename in documents:  # listed again, spelled otherwise (./Doc_0, /Doc_0, doc_0)
                continue
            documents.add(document.filename)
            folder = posixpath.dirname(self.names[document.filename])
            listed = self.read(document, _ListReader(("Page",), "Pages", attribute="BaseLoc",
                                                     most=_MAX_PAGES - count))
            if listed.over:  # (all its documents together)
                raise InputError(self.path, f"is an OFD whose documents list over {_MAX_PAGES} pages "
                                            "(no report has as many)")
            for number, page_loc in enumerate(listed.found, count + 1):
                page = self.find(page_loc, folder, f"page {number}")
                if page.filename not in seen:
                    seen.add(page.filename)
                    yield number, page
            count += len(listed.found)
        if not count:
            raise InputError(self.path, "is an OFD whose document lists no pages")

    def find(self, loc: str, folder: str, what: str) -> zipfile.ZipInfo:
        """The member at ``loc``: from the package's root (:func:`_package_root`) when it opens with ``/``, else from
        ``folder`` (the referring file's); a page's BaseLoc may also name its folder."""
        loc = (loc or "").strip().replace("\\", "/")
        if not loc:
            raise InputError(self.path, f"is a damaged OFD: {what} has no location")
        name = posixpath.normpath(loc.lstrip("/") if loc.startswith("/") else posixpath.join(folder, loc))
        if name in ("..", ".") or name.startswith(("../", "/")):
            raise InputError(self.path, f"is a damaged OFD: {what} ({loc[:80]}) points outside the package")
        for candidate in (name, posixpath.normpath(loc.lstrip("/")), f"{name}/Content.xml"):
            info = self.members.get(candidate) or self.folded.get(candidate.lower())
            if info is not None:
                return info
        raise InputError(self.path, f"is a damaged OFD: {what} ({loc[:80]}) is missing from the package")

    def read(self, info: zipfile.ZipInfo, reader):
        """Parse the member ``info`` with ``reader`` (its ``start``, ``end`` and ``text`` see the
        elements by their local names), a piece at a time; returns ``reader``."""
        limit, too_big = unpacked_limit(self.path, "an OFD", "pages", self.budget, info.compress_size)
        if info.file_size > limit:
            raise too_big
        parser = _XmlParser(reader, self.path, info.filename)
        with self.archive.open(info) as stream:
            unpacked, decoder = 0, None
            while chunk := stream.read(1 << 20):
                if not unpacked:  # the XML declaration: its encoding
                    decoder = _decoder(chunk)
                unpacked += len(chunk)
                if unpacked > limit:
                    raise too_big
                parser.feed(decoder.decode(chunk) if decoder else chunk)
            parser.feed(decoder.decode(b"", final=True) if decoder else b"", final=True)
        self.budget -= unpacked
        return reader


def _member_name(name: str) -> str:
    """A zip member's name as locations name it: ``/`` separated, without a leading one."""
    return posixpath.normpath(name.replace("\\", "/")).lstrip("/")


def _decoder(head: bytes):
    """An incremental decoder for an XML part in a Chinese encoding expat does not read (GBK,
    GB18030, Big5), or None."""
    declared = _DECLARED.match(head)
    if declared is None:
        return None
    try:
        name = codecs.lookup(declared[1].decode("ascii")).name
    except LookupError:
        return None  # expat names the unknown encoding
    return codecs.getincrementaldecoder(name)(errors="replace") if name in _CHINESE_CODECS else None


class _XmlParser:
    """expat, namespaces aside (producers write ``ofd:`` undeclared, or the 2016 namespace or none):
    elements and attributes by their local names; a document type or entities refused."""

    def __init__(self, reader, path, member):
        import xml.parsers.expat

        self.path, self.member = path, member
        self.parser = xml.parsers.expat.ParserCreate()
        self.parser.buffer_text = True
        self.parser.StartElementHandler = lambda name, attrs: reader.start(
            name.rpartition(":")[2], {key.rpartition(":")[2]: value for key, value in attrs.items()})
        self.parser.EndElementHandler = lambda name: reader.end(name.rpartition(":")[2])
        self.parser.CharacterDataHandler = reader.text
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.EntityDeclHandler = self._doctype

    def feed(self, data, final=False):
        import xml.parsers.expat

        try:
            self.parser.Parse(data, final)
        except (xml.parsers.expat.ExpatError, LookupError, UnicodeError) as exc:  # the last two: its encoding
            raise InputError(self.path, f"is a damaged OFD (its {self.member[:80]}: {exc})") from None

    def _doctype(self, *args):
        raise InputError(self.path, f"is an OFD whose XML ({self.member[:80]}) declares a document type or entities "
                                    "(no OFD does)")


class _ListReader:
    """Collects the text (or ``attribute``) of the elements named ``names`` inside ``parent``, in
    order (``found``): OFD.xml's DocRoot, Document.xml's pages; ``over`` once more than ``most``."""

    def __init__(self, names, parent, attribute=None, most=None):
        self.names, self.parent, self.attribute, self.most = frozenset(names), parent, attribute, most
        self.found, self.over = [], False
        self.open = []  # local names of the open elements
        self.parts = None  # the text of the element being collected

    def start(self, name, attrs):
        if name in self.names and self.open and self.open[-1] == self.parent and not self.over:
            if self.attribute is None:
                self.parts = []
            else:
                self.found.append(attrs.get(self.attribute, ""))
                self.over = self.most is not None and len(self.found) > self.most
        self.open.append(name)

    def end(self, name):
        if self.open:
            self.open.pop()
        if self.parts is not None and name in self.names:
            self.found.append("".join(self.parts).strip())
            self.parts = None

    def text(self, data):
        if self.parts is not None:
            self.parts.append(data)


# --------------------------------------------------------------------------- a page's characters


class _PageReader:
    """Collects the characters of a page's TextObjects (Content.xml) with their places on the page:
    ``glyphs``, (baseline y, x, font size, advance, character, order, TextCode) in mm of the page."""

    def __init__(self, path, where):
        self.path, self.where = path, where
        self.glyphs = []
        self.open = []  # local names of the open elements
        self.object = None  # the open TextObject's placing: (x, y, a, b, c, d, e, f, size) or None when left out
        self.last = (0.0, 0.0)  # X, Y of the TextObject's last TextCode: a TextCode without them goes on from there
        self.code = None  # (attributes, text parts) of the open TextCode
        self.pattern = 0  # depth inside a fill pattern's cell (CellContent): no text of the page
        self.codes = 0  # TextCodes read

    def start(self, name, attrs):
        parent = self.open[-1] if self.open else None
        self.open.append(name)
        if name == "CellContent":
            self.pattern += 1
        elif name == "TextObject" and not self.pattern:
            self.object, self.last = self._placing(attrs), (0.0, 0.0)
        elif name == "TextCode" and parent == "TextObject" and self.object is not None and not self.pattern:
            self.code = (attrs, [])

    def end(self, name):
        if self.open:
            self.open.pop()
        if name == "CellContent":
            self.pattern -= 1
        elif name == "TextObject" and not self.pattern:
            self.object = None
        elif name == "TextCode" and self.code is not None:
            attrs, parts = self.code
            self.code = None
            self._place(attrs, "".join(parts))

    def text(self, data):
        if self.code is not None:
            self.code[1].append(data)

    def _placing(self, attrs):
        """How a TextObject places its codes on the page, or None for one not shown on a line."""
        if attrs.get("Visible", "true").strip() == "false" or attrs.get("ReadDirection", "0").strip() not in ("0", ""):
            return None
        x, y, _, height = _numbers(attrs.get("Boundary", ""), 4, self, "a TextObject's Boundary")
        ctm = _numbers(attrs["CTM"], 6, self, "a TextObject's CTM") if "CTM" in attrs else (1, 0, 0, 1, 0, 0)
        a, b, c, d, e, f = ctm
        if abs(b) + abs(c) > _TURNED * (abs(a) + abs(d)):
            return None
        size = attrs.get("Size", attrs.get("size"))  # easyofd writes size
        size = abs(_numbers(size, 1, self, "a TextObject's Size")[0]) if size is not None else (abs(height) or None)
        return x, y, a, b, c, d, e, f, size

    def _place(self, attrs, text):
        """Add the characters of a TextCode at their places: the first at X, Y of the TextObject's
        space (its CTM turns them into the Boundary's, which stands on the page), each next one
        DeltaX, DeltaY further."""
        text = _PRETTY_EDGES.sub("", text)
        if not text:
            return
        x = _numbers(attrs["X"], 1, self, "a TextCode's X")[0] if "X" in attrs else self.last[0]
        y = _numbers(attrs["Y"], 1, self, "a TextCode's Y")[0] if "Y" in attrs else self.last[1]
        self.last = (x, y)
        self.codes += 1
        left, top, a, b, c, d, e, f, size = self.object
        scale = math.sqrt(abs(a * d - b * c))
        size = size if size is not None else _DEFAULT_SIZE / (scale or 1)
        page_size = max(size * scale, _MIN_SIZE)
        steps = len(text) - 1
        delta_x = _deltas(attrs.get("DeltaX"), steps, self, "DeltaX")
        delta_y = _deltas(attrs.get("DeltaY"), steps, self, "DeltaY", going_on=False)
        if len(self.glyphs) + len(text) > _MAX_PAGE_CHARACTERS:
            raise InputError(self.path, f"is an OFD whose {self.where} holds over {_MAX_PAGE_CHARACTERS} characters "
                                        "(no printed page does)")
        for i, char in enumerate(text):
            if i:
                x += delta_x[i - 1] if delta_x else _advance(text[i - 1], size)
                y += delta_y[i - 1] if delta_y else 0.0
            advance = delta_x[i] if i < steps and delta_x and delta_x[i] > 0 else _advance(char, size)
            page_x, page_y = left + a * x + c * y + e, top + b * x + d * y + f
            if math.isfinite(page_x) and math.isfinite(page_y):
                self.glyphs.append((page_y, page_x, page_size, abs(a) * advance, " " if char.isspace() else char,
                                    len(self.glyphs), self.codes))


def _numbers(value: str, count: int, reader, what: str) -> tuple:
    """``count`` finite numbers of an attribute (separated by spaces, or commas), or an InputError."""
    parts = value.replace(",", " ").split()
    try:
        numbers = tuple(float(part) for part in parts[:count])
    except ValueError:
        numbers = ()
    if len(numbers) < count or not all(math.isfinite(n) for n in numbers):
        raise InputError(reader.path, f"is a damaged OFD: {what} on its {reader.where} is not "
                                      f"{f'{count} numbers' if count > 1 else 'a number'} ({value[:40]!r})")
    return numbers


def _deltas(value, count: int, reader, what: str, going_on=True) -> list:
    """The first ``count`` offsets of a DeltaX or DeltaY (``g N v`` stands for N times v); when it
    lists fewer, its last one goes on (``going_on``: a DeltaX, as ofdrw reads it) or none (a DeltaY:
    the characters after a line break stay on the new line); empty when there is none."""
    if not value or not count:
        return []
    tokens, deltas, i = value.replace(",", " ").split(), [], 0
    try:
        while i < len(tokens) and len(deltas) < count:
            if tokens[i] == "g":
                times, step = int(tokens[i + 1]), float(tokens[i + 2])
                deltas.extend([step] * max(0, min(times, count - len(deltas))))
                i += 3
            else:
                deltas.append(float(tokens[i]))
                i += 1
    except (ValueError, IndexError):
        deltas = [math.nan]
    if not all(math.isfinite(delta) for delta in deltas):
        raise InputError(reader.path, f"is a damaged OFD: a TextCode's {what} on its {reader.where} is not numbers "
                                      f"({value[:40]!r})")
    if not deltas:
        return []
    return deltas + (deltas[-1:] if going_on else [0.0]) * (count - len(deltas))


def _wide(char: str) -> bool:
    """True for a Han character, a full-width mark or one East Asian fonts draw wide (“ ” …)."""
    return unicodedata.east_asian_width(char) in "WFA"


def _advance(char: str, size: float) -> float:
    """How far a character without a DeltaX moves the next: a size for a wide one, half for others."""
    return size if _wide(char) else size / 2


# --------------------------------------------------------------------------- lines


def _lines(glyphs: list) -> list:
    """The printed lines of a page's glyphs: top to bottom, each left to right; a column at a time when
    the page is set in columns (:func:`geo.extract.columns.column_text`: a table's rows, standing at one
    height, stay lines)."""
    from geo.extract.columns import column_text

    lines, line = [], []
    for glyph in sorted(glyphs):
        if line and glyph[0] - line[0][0] > _SAME_LINE * max(line[0][2], glyph[2]):
            lines.append(_ordered(line))
            line = []
        line.append(glyph)
    if line:
        lines.append(_ordered(line))
    columns = column_text([run for baseline, ordered, overlapping in lines
                           for run in _runs(baseline, ordered, overlapping)])
    if columns is not None:
        return [text for text in columns.split("\n") if text]
    return [text for text in (_line_text(ordered, overlapping) for _, ordered, overlapping in lines) if text]


def _ordered(glyphs: list) -> tuple:
    """One line's glyphs: (its baseline, the glyphs left to right with a character drawn twice once
    (bold, a shadow), whether pieces of it overlap one another (a producer placing them all at the
    line's start: they are not placed with sense))."""
    ordered, last = [], None
    for glyph in sorted(glyphs, key=lambda glyph: (glyph[1], glyph[5])):
        if last is not None and glyph[4] == last[4] and abs(glyph[1] - last[1]) < _TWIN_GAP * glyph[2]:
            continue
        ordered.append(glyph)
        last = glyph
    overlapping = any(b[1] - a[1] < _OVERLAP * min(a[2], b[2]) and a[6] != b[6] for a, b in zip(ordered, ordered[1:]))
    return glyphs[0][0], ordered, overlapping


def _line_text(ordered: list, overlapping: bool) -> str:
    """The text of one line's glyphs (:func:`_ordered`): left to right, Han characters joined as they are;
    a space where a gap wider than a character stands beside a Latin letter or a digit. Overlapping
    pieces keep the XML's order."""
    if overlapping:
        return _spaced(sorted(ordered, key=lambda glyph: glyph[5]), gaps=False)
    return _spaced(ordered)


def _runs(baseline: float, ordered: list, overlapping: bool) -> list:
    """A line's pieces set apart by gaps wider than :data:`_SPACE_GAP` font sizes (where a column may
    end and the next start), as :class:`geo.extract.columns.Run` on the line's ``baseline`` (upward, as
    a PDF's); a line whose pieces overlap is one."""
    from geo.extract.columns import Run

    pieces = [[ordered[0]]] if ordered else []
    for glyph in ordered[1:]:
        last = pieces[-1][-1]
        if overlapping or glyph[1] - (last[1] + last[3]) <= _SPACE_GAP * max(glyph[2], last[2]):
            pieces[-1].append(glyph)
        else:
            pieces.append([glyph])
    return [Run(_line_text(piece, overlapping), piece[0][1], -baseline, max(glyph[2] for glyph in piece),
                end=max(glyph[1] + glyph[3] for glyph in piece)) for piece in pieces]


def _spaced(glyphs: list, gaps=True) -> str:
    """The characters of glyphs in their order, runs of spaces one; with ``gaps``, a space where
    a gap wider than a character stands beside a narrow (not East Asian) character."""
    out, last = [], None
    for _, x, size, advance, char, _, _ in glyphs:
        if gaps and last is not None and out and out[-1] != " ":
            last_x, last_size, last_advance, last_char = last
            if x - (last_x + last_advance) > _SPACE_GAP * max(size, last_size) \
                    and not (_wide(char) and _wide(last_char)):
                out.append(" ")
        last = (x, size, advance, char)
        if char != " " or (out and out[-1] != " "):
            out.append(char)
    return "".join(out).strip()
