"""What the document readers share: XML parsed as it streams, zipped parts read within the size limit, text tidied into lines."""

from __future__ import annotations

import io
import re
import zipfile

from geo.io import InputError, zip_part_limit

# Blank lines between paragraphs (spaces, full-width or non-breaking ones, on them).
_BLANK_LINES = re.compile(r"\n(?:[ \t\u3000\xa0]*\n)+")
# The encoding an XML declaration names (a document decoded already is read as UTF-8).
DECLARED_ENCODING = re.compile(r"""\A(\s*<\?xml[^>]*?\bencoding\s*=\s*["'])[^"']*""")


def open_zip(data: bytes, fold_case: bool = False) -> zipfile.ZipFile:
    """A zipped document (.docx, .odt, .ofd) opened from its bytes, its members named with slashes:
    some Windows tools write ``word\\document.xml``, which Word and WPS read as ``word/document.xml``
    (Python's zipfile turns backslashes into slashes only on Windows). With ``fold_case`` (an Office
    Open XML package, whose part names ignore case: ``word/Document.xml``), members are named in lower
    case, unless two names differ by case alone.

    Raises
    ------
    zipfile.BadZipFile
        Bytes that are no zip archive.
    """
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    names = [info.filename.replace("\\", "/") for info in infos]
    if fold_case and len({name.lower() for name in names}) == len(names):
        names = [name.lower() for name in names]
    if names != [info.filename for info in infos]:
        for info, name in zip(infos, names):
            info.filename = name
        archive.NameToInfo = {info.filename: info for info in infos}
    return archive


def damaged_zip(path, data: bytes, said: str, exc) -> InputError:
    """The InputError of a zipped document (its bytes ``data``) zipfile could not read (``exc``): cut short
    (a download stopped half-way: :func:`geo.file_kinds.zip_bytes_cut_short`), else ``is {said} ({exc})``."""
    from geo.file_kinds import zip_bytes_cut_short

    return InputError(path, zip_bytes_cut_short(data[:30], data[-65_557:]) or f"is {said} ({exc})")


def zip_part(archive: zipfile.ZipFile, name: str, path, max_bytes: int, kind: str = "a Word file") -> bytes:
    """The bytes of the part ``name`` of a zipped document (``kind``, as errors name it), unpacked up to
    the size limit (at most ``max_bytes``; less when it unpacks to far more than its zipped size,
    whatever its header says).

    Raises
    ------
    geo.io.InputError
        A part over the size limit.
    """
    info = archive.getinfo(name)
    limit = min(max_bytes, zip_part_limit(info.compress_size))
    with archive.open(info) as part:
        data = part.read(limit + 1) if info.file_size <= limit else b""
    if info.file_size > limit or len(data) > limit:
        raise InputError(path, f"is {kind} whose part {name} is over the size limit")
    return data


def unpacked_limit(path, kind: str, part: str, max_bytes: int, compress_size: int):
    """The most bytes a zipped document's ``part`` (its text, its pages) may unpack to, and the
    InputError to raise past it, naming the bound that holds: the size limit (``max_bytes``), or
    the zip-bomb ratio (:func:`geo.io.zip_part_limit`) when the part is small zipped.

    Parameters
    ----------
    path : path-like
        The document, as errors name it.
    kind, part : str
        What it is and what of it unpacks, as errors name them ("a Word file", "text").
    max_bytes : int
        The size limit left for it.
    compress_size : int
        The part's zipped size.

    Returns
    -------
    (int, geo.io.InputError)
    """
    from geo import settings

    ratio = zip_part_limit(compress_size)
    if ratio < max_bytes:
        return ratio, InputError(path, f"is {kind}: its {part} would unpack to more than {settings.ZIP_UNPACKED_FACTOR} "
                                       "times its zipped size (a zip bomb?)")
    return max_bytes, InputError(path, f"is {kind}: its {part} would unpack past the {max_bytes / 1e6:g} MB size "
                                       "limit (raise it with --max-size MB or GEO_MAX_REPORT_MB)")


def zip_head(archive: zipfile.ZipFile, name: str, size: int = 100) -> bytes:
    """The first ``size`` bytes of the member ``name`` (an OpenDocument's mimetype): however far it unpacks."""
    with archive.open(name) as member:
        return member.read(size)


def refuse_pictures_alone(names, folder: str, path) -> None:
    """InputError when a document that shows no text holds pictures (``names`` of its package's members, its
    pictures under ``folder``: ``word/media/``, ``Pictures/``): a scanned report pasted in, a page a picture,
    whose text needs OCR; "no spatial projects found" would blame the report."""
    from pathlib import PurePosixPath

    pictures = sorted(name for name in names if name.lower().startswith(folder.lower()) and not name.endswith("/"))
    if pictures:
        shown = "、".join(PurePosixPath(name).name for name in pictures[:3]) + ("…" if len(pictures) > 3 else "")
        raise pictures_alone(path, shown)


def no_projects(path, text: str) -> InputError:
    """The InputError of a report in which no project was found: one whose text is white space alone (a byte
    order mark, blank lines: an export or a save that went wrong) says so; "no spatial projects found"
    would blame what it says."""
    if not text.strip():
        return InputError(path, "holds no text, only white space (an export or save that went wrong?): give the "
                                "report's text")
    return InputError(path, f"no spatial projects found in the report: {what_was_read(text)}")


# A sentence ends with one of these marks; a heading (一、加快城市更新) with none.
_SENTENCE_END = re.compile(r"[^\s。！？；!?;]\s*[。！？；!?;]")


def what_was_read(text: str) -> str:
    """One clause saying what was read of a report in which no project was found.

    Parameters
    ----------
    text : str
        The report's text, as read.

    Returns
    -------
    str
        Its characters and lines, then: that it is headings alone (no line ends a sentence: an outline, a table
        of contents), that none of its sentences says works (新建, 改造…), or how many do without naming a place.
    """
    lines = sum(1 for line in text.splitlines() if line.strip())
    read = f"read {len(text):,} characters in {lines:,} line{'s' * (lines != 1)}"
    ends = [found.end() for found in _SENTENCE_END.finditer(text)]
    if not ends:
        return f"{read}, headings alone with no sentence (an outline or a table of contents?): give the report's text"
    works = sum(1 for start, end in zip([0] + ends, ends) if _says_works(text[start:end]))
    said = f"{read}, {len(ends):,} sentence{'s' * (len(ends) != 1)}"
    if not works:
        return f"{said}, none saying works to build (新建, 改造, 建设…)"
    return f"{said}, {works:,} saying works (新建, 改造, 建设…) but naming no place or facility"


def _says_works(sentence: str) -> bool:
    """Whether a sentence holds a works verb of the lexicon (新建, 改造, 建设…)."""
    import unicodedata

    from geo.lexicon_lookups import ACTIONS_SORTED, match_any
    from geo.names import to_simplified

    norm = to_simplified(unicodedata.normalize("NFKC", sentence))
    return any(match_any(norm, pos, ACTIONS_SORTED) for pos in range(len(norm)))


def pictures_alone(path, shown: str) -> InputError:
    """The InputError of a document holding no text but pictures (``shown``: their names, or how many)."""
    return InputError(path, f"holds no text, only pictures ({shown}): a scanned report? Its text needs OCR "
                            "(WPS: 图片转文字), or give the report as text")


def fixed_layout_text(text: str, path, kind: str, viewer: str) -> str:
    """The text of a fixed-layout document (a PDF, an OFD) as read, a form feed opening each page
    after the first: tidied, or refused when it has no text layer worth reading.

    Parameters
    ----------
    text : str
        Its pages' printed lines.
    path : path-like
        Named in errors.
    kind, viewer : str
        The document and the program that shows it, as errors name them (``"a PDF"``, ``"a PDF viewer"``).

    Raises
    ------
    geo.io.InputError
        Too few characters for its pages (a scan: its text needs OCR first, whatever a scanning
        app printed on each page), or too many of them mapped to
        none (U+FFFD, private use: fonts without a Unicode map).
    """
    shown = [c for c in text if not c.isspace()]
    pages = text.count("\f") + 1
    if len(shown) < max(_PDF_MIN_CHARACTERS, _PDF_MIN_PAGE_CHARACTERS * pages):  # a scan's stamp on each page
        raise InputError(path, f"is {kind} without a text layer (a scan?): run OCR on it, or give its text as a .txt file")
    unmapped = sum(1 for c in shown if c == "\ufffd" or "\ue000" <= c <= "\uf8ff")
    if unmapped > _PDF_MAX_UNMAPPED * len(shown):
        raise InputError(path, f"is {kind} whose fonts map {unmapped / len(shown):.0%} of the characters to none: "
                               f"save its text from {viewer}, or run OCR on it")
    return _tidy_pages(text)


# A PDF with fewer characters than this, or than the second a page, has no text layer worth reading
# (a scanning app's stamp, 扫描全能王 创建, is 7 a page, and a page number; a page of a report holds
# hundreds); one with more than this share of its characters unmapped (U+FFFD, private use) has
# fonts without a Unicode map.
_PDF_MIN_CHARACTERS = 20
_PDF_MIN_PAGE_CHARACTERS = 15
_PDF_MAX_UNMAPPED = 0.2


# --------------------------------------------------------------------------- helpers


class ExpatText:
    """Base of the readers that collect a document's paragraphs as its XML is parsed (expat, no
    tree: no depth or size of the XML makes them recurse or hold more than the text). A subclass
    gives ``KIND`` (how messages name the file) and the handlers ``_start``, ``_end``, ``_text``.

    A paragraph takes its line in ``lines`` as it opens (:meth:`open_paragraph`) and gets its text
    as it closes (:meth:`close_paragraph`): the paragraphs inside it (a text box's) follow it
    without being copied, however deep they nest (copying them up level by level made a 20 KB
    file of nested paragraphs take hours)."""

    KIND = "document"

    def __init__(self, path):
        import xml.parsers.expat

        self.path, self.lines, self.size = path, [], 0
        self.open = []  # paragraphs being read, outermost first: (their text's parts, their line in lines)
        self.parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.EntityDeclHandler = self._doctype

    def feed(self, data, final=False):
        import xml.parsers.expat

        try:
            self.parser.Parse(data, final)
        except (xml.parsers.expat.ExpatError, LookupError) as exc:  # LookupError: an encoding no codec reads
            raise InputError(self.path, f"is a damaged {self.KIND} (its XML: {exc})") from None

    def open_paragraph(self):
        """A paragraph starts: its line is the next one, before those of any paragraph inside it."""
        self.open.append(([], len(self.lines)))
        self.lines.append("")

    def close_paragraph(self):
        """The innermost paragraph open ends: its line gets its text."""
        parts, line = self.open.pop()
        self.lines[line] = "".join(parts)

    def _doctype(self, *args):
        article = "an" if self.KIND[:1] in "AEIOU" else "a"
        raise InputError(self.path, f"is {article} {self.KIND} whose XML declares a document type or entities")


def _tidy_pages(text: str) -> str:
    """Lines without trailing spaces; blank lines kept (a PDF reader's line spacing tells wrapped
    lines apart), runs of them at most two."""
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{4,}", "\n\n\n", text).strip("\n") + "\n"


def tidy_paragraphs(text: str) -> str:
    """Lines without trailing spaces, and no blank ones (a paragraph is a line)."""
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n", text).strip("\n") + "\n"
