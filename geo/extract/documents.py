"""Reports handed over as documents: the text of a saved web page (HTML) or a Word file (.docx), a line per paragraph."""

from __future__ import annotations

import html.parser
import io
import re
import zipfile

from geo.io import InputError

# A saved web page: its first tag (after an XML declaration and comments) is one of a page's.
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                         r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|article|section)\b",
                         re.IGNORECASE | re.DOTALL)
# Elements whose content is no text of the page.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select"})
# Elements that end a line: blocks, table cells (a table read one cell per line), line breaks.
_BREAKS = frozenset({"p", "div", "br", "li", "dt", "dd", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
                     "section", "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dl",
                     "figure", "figcaption", "caption", "hr", "address", "main", "nav", "aside", "form"})
# A line break inside a text node is the page source's, not the page's (browsers show none
# between Han characters); other runs of white space are one space.
_SOURCE_BREAK = re.compile(r"[ \t\r\f]*\n\s*")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n(?:[ \t\u3000\xa0]*\n)+")

_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_BODY = "word/document.xml"


def is_html(text: str) -> bool:
    """True when ``text`` is a saved web page (it opens with an HTML tag, after any XML
    declaration and comments), not plain text."""
    return _HTML_START.match(text[:4096]) is not None


def html_text(page: str) -> str:
    """The text a browser shows of a web page: a line per paragraph, table cell or line break.

    Scripts, styles and the page's head are left out; character references are decoded;
    line breaks of the page's source inside a paragraph are dropped (a name the source wraps,
    or that bold type cuts, 北园<b>大街</b>, reads whole).

    Parameters
    ----------
    page : str
        The decoded page.

    Returns
    -------
    str
        Its text, lines without trailing spaces, no blank lines.
    """
    reader = _PageText()
    reader.feed(page)
    reader.close()
    return _tidy("".join(reader.parts))


def docx_text(data: bytes, path, max_bytes: int) -> str:
    """The text of a Word file (.docx; also WPS and LibreOffice's): a line per paragraph,
    table cells included, tabs and line breaks as written.

    Parameters
    ----------
    data : bytes
        The file's bytes (a zip archive).
    path : path-like
        Named in errors.
    max_bytes : int
        The most the document's XML may take once unpacked (a zip bomb is refused).

    Raises
    ------
    geo.io.InputError
        A zip archive that is no Word file (an Excel workbook, a plain .zip), a damaged or
        too large one, or one whose XML declares entities.
    """
    import xml.etree.ElementTree as ET

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if _DOCX_BODY not in names:
            kind = "an Excel workbook (.xlsx)" if "xl/workbook.xml" in names else "a zip archive, not a Word .docx"
            raise InputError(path, f"is {kind}: give the report as text, a web page (.html) or a Word .docx")
        if archive.getinfo(_DOCX_BODY).file_size > max_bytes:
            raise InputError(path, f"is a Word file whose text is over the size limit ({max_bytes / 1e6:g} MB unpacked)")
        body = archive.read(_DOCX_BODY)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
        raise InputError(path, f"is a damaged or encrypted Word file ({exc})") from None
    if b"<!DOCTYPE" in body[:4096].upper() or b"<!ENTITY" in body.upper():
        raise InputError(path, "is a Word file whose XML declares a document type or entities (no Word file does)")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise InputError(path, f"is a damaged Word file (its XML: {exc})") from None
    lines = []
    _paragraph_lines(root, lines)
    return _tidy("\n".join(lines))


# --------------------------------------------------------------------------- helpers


class _PageText(html.parser.HTMLParser):
    """Collects the shown text of a page, a line break at each block's edge."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0  # depth inside elements whose content is not shown

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.hidden = 0  # a head left open ends where the body begins
        elif tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(_SPACES.sub(" ", _SOURCE_BREAK.sub("", data)))


def _run_text(node) -> str:
    """The text a WordprocessingML node adds to its paragraph."""
    tag = node.tag
    if tag == _WORD + "t":
        return node.text or ""
    if tag == _WORD + "tab":
        return "\t"
    if tag in (_WORD + "br", _WORD + "cr"):
        return "\n"
    return ""


def _paragraph_lines(node, lines):
    """Append the text of each paragraph under ``node`` to ``lines``, in document order; a
    paragraph inside another (a text box) is a line of its own, after it."""
    if node.tag != _WORD + "p":
        for child in node:
            _paragraph_lines(child, lines)
        return
    parts, nested, stack = [], [], list(reversed(node))
    while stack:
        child = stack.pop()
        if child.tag == _WORD + "p":
            nested.append(child)
            continue
        parts.append(_run_text(child))
        stack.extend(reversed(child))
    lines.append("".join(parts))
    for paragraph in nested:
        _paragraph_lines(paragraph, lines)


def _tidy(text: str) -> str:
    """Lines without trailing spaces, and no blank ones (a paragraph is a line)."""
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n", text).strip("\n") + "\n"
