"""Reports handed over as documents: the text of a saved web page (HTML), a Word file (.docx, .doc) or a PDF, a line per paragraph or printed line."""

from __future__ import annotations

import html
import io
import lzma
import re
import zipfile
import zlib

from geo.io import InputError, zip_part_limit

# A saved web page: its first tag (after an XML declaration and comments) is one of a page's.
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                         r"<(?:!doctype\s+html|html|head|body|meta|title|link|base|script|style|noscript|frameset|"
                         r"center|font|div|p|span|table|form|article|section|header|nav|main|h[1-6]|ul|ol|pre)\b",
                         re.IGNORECASE | re.DOTALL)
# Elements whose content is no text of the page.
_HIDDEN = frozenset({"title", "svg", "object", "select", "template"})
# Elements whose content is raw text up to their end tag (markup inside is not markup), not shown.
_RAW = frozenset({"script", "style", "noscript", "iframe", "noembed", "noframes", "xmp", "title"})
# Elements whose line breaks and spaces are shown as written (a newline just after the start tag is not).
_PRE = frozenset({"pre", "listing", "textarea"})
# What a page's head holds; anything else (text, a paragraph) ends a head left open.
_HEAD_CONTENT = frozenset({"head", "html", "meta", "title", "link", "style", "script", "base", "noscript", "template"})
# Elements that end a line: blocks, table cells (a table read one cell per line), line breaks.
_BREAKS = frozenset({"p", "div", "br", "li", "dt", "dd", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
                     "section", "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dl",
                     "figure", "figcaption", "caption", "hr", "address", "main", "nav", "aside", "form",
                     "listing", "textarea", "center"})
# One token of a page, as a browser's tokenizer reads it; each alternative ends at the end of the
# page when its closing part is missing (an unclosed comment or tag hides the rest), so the scan
# never backtracks: linear in the page's size whatever its markup.
_TOKEN = re.compile(r"""
    <!--(?:-?>|.*?(?:-->|\Z))                           # comment (<!--> and <!---> are empty ones)
  | <[!?][^>]*>?                                         # doctype, CDATA, XML declaration
  | </(?P<end>[a-zA-Z][^\s/>]*)[^>]*>?                   # end tag
  | <(?P<start>[a-zA-Z][^\s/>]*)                         # start tag, attributes (quotes may hold >)
      (?:[^>"'=]|=\s*"[^"]*"?|=\s*'[^']*'?|=|["'])*(?P<close>>?)
  | </[^>]*>?                                            # </ and no tag name: a bogus comment
""", re.DOTALL | re.VERBOSE)
# Elements that hold nothing (an attribute hiding one hides no text).
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr", "keygen"})
# Elements a browser does not show whatever their attributes: ruby text above its base, and the
# parentheses around it for browsers without ruby.
_RUBY_TEXT = frozenset({"rt", "rp"})
# An element's attributes (name, then a value quoted or not); a style that hides it.
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?""")
_TAG_NAME = re.compile(r"<[^\s/>]*")
# What ends a paragraph left without its end tag: the start or end of a block (not a line break, nor a cell).
_ENDS_P = _BREAKS - {"br", "td", "th", "tr"}
_HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)
# A line break inside a text node is the page source's, not the page's (browsers show none
# between Han characters); other runs of white space are one space.
_SOURCE_BREAK = re.compile(r"[ \t\r\f]*\n\s*")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n(?:[ \t\u3000\xa0]*\n)+")

# A web archive (.mht, .mhtml: a page saved "as a single file" by a browser or by Word): a MIME message,
# its header lines first, naming its MIME version or content type.
_MIME_START = re.compile(r"\A(?:[A-Za-z][A-Za-z0-9-]*:[^\n]*\n(?:[ \t][^\n]*\n)*)*?(?:MIME-Version|Content-Type)\s*:",
                         re.IGNORECASE)
# An XML document that is no web page: a Word 2003 XML or Word XML (flat OPC) file, a flat OpenDocument.
_XML_START = re.compile(r"\s*<\?xml\b")
_XML_KINDS = ((re.compile(r"<\?mso-application\s+progid=\"Word\.Document\"|<w:wordDocument\b|"
                          r"pkg:name=\"/word/document\.xml\""), "a Word XML document (.xml)"),
              (re.compile(r"opendocument\.text|<office:text\b"), "a flat OpenDocument text (.fodt)"))

# WordprocessingML, transitional (Word, WPS, LibreOffice) and strict (Word's "Strict Open XML").
_WORD_SPACES = frozenset({"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                          "http://purl.oclc.org/ooxml/wordprocessingml/main"})
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Office Math: an equation's text (m:t) is text of its paragraph.
_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
# Elements whose text Word does not show: deleted or moved-away text, paragraph and run properties
# (their tab stops are no tabs), ruby text above its base, hidden instructions of fields.
_WORD_UNSHOWN = frozenset({"del", "moveFrom", "pPr", "rPr", "rt", "instrText", "delText", "delInstrText"})
_DOCX_BODY = "word/document.xml"
# A run's characters Word shows for its special elements: a non-breaking hyphen, an absolute
# position tab; the rest show nothing (an optional hyphen, a symbol of a picture font).
_WORD_CHARS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
# Values of an on/off property that turn it off (<w:vanish w:val="0"/>).
_WORD_OFF = frozenset({"0", "false", "off"})


def is_html(text: str) -> bool:
    """True when ``text`` is a saved web page (it opens with an HTML tag, after any XML
    declaration and comments), not plain text."""
    return _HTML_START.match(text[:4096]) is not None


def is_web_archive(text: str) -> bool:
    """True when ``text`` is a web archive (.mht, .mhtml): a MIME message, not plain text."""
    return _MIME_START.match(text[:4096].replace("\r\n", "\n")) is not None


def xml_kind(text: str) -> str | None:
    """What an XML document that is no web page is (``"a Word XML document (.xml)"``), ``"an XML file"``
    when none of the known kinds; None for text that is no XML document."""
    if _XML_START.match(text[:4096]) is None or is_html(text):
        return None
    head = text[:8192]
    return next((kind for pattern, kind in _XML_KINDS if pattern.search(head)), "an XML file")


def web_archive_text(data: bytes, path) -> str:
    """The text a browser shows of a web archive (.mht, .mhtml): its page (the first HTML part of the
    MIME message, decoded as its transfer encoding and charset say) read as :func:`html_text` reads one.

    Parameters
    ----------
    data : bytes
        The file's bytes.
    path : path-like
        Named in errors.

    Raises
    ------
    geo.io.InputError
        A web archive holding no web page, or one whose page is not text.
    """
    import email
    import email.policy

    from geo.text_codecs import decode_text

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    page = next((part for part in message.walk() if part.get_content_type() == "text/html"), None)
    if page is None:
        raise InputError(path, "is a web archive (.mht) that holds no web page: open it in a browser "
                               "and save its text as a .txt file")
    body = page.get_payload(decode=True) or b""
    charset = (page.get_content_charset() or "").lower()
    charset = "gb18030" if charset in ("gb2312", "gbk", "x-gbk", "cp936") else charset
    try:
        text = body.decode(charset) if charset else None
    except (LookupError, UnicodeDecodeError):
        text = None
    if text is None:  # no charset, or a wrong one: the page's bytes tell (a <meta> of a page saved by Chrome)
        text = decode_text(body, path)
    return html_text(text.lstrip("\ufeff"))


def html_text(page: str, conceal: bool = True) -> str:
    """The text a browser shows of a web page: a line per paragraph, table cell or line break.

    Scripts, styles and the page's head are left out, and so are elements hidden by their
    attributes (``hidden``, ``style="display: none"``) and ruby text; character references are
    decoded; line breaks of the page's source inside a paragraph are dropped (a name the source
    wraps, or that bold type cuts, 北园<b>大街</b>, reads whole). A page that hides more text than
    it shows is read whole: its scripts show what it hides (a page saved before they ran).

    Parameters
    ----------
    page : str
        The decoded page.
    conceal : bool
        Whether elements hidden by their attributes are left out.

    Returns
    -------
    str
        Its text, lines without trailing spaces, no blank lines.
    """
    parts, hidden, pre, in_head, at = [], 0, 0, False, 0
    concealed, unshown = _Concealed(conceal), 0
    size = len(page)
    while at < size:
        tag = page.find("<", at)
        if tag < 0:
            tag = size
        if tag > at:  # text
            text = page[at:tag]
            if in_head and text.strip():
                in_head = False
            if not (hidden or in_head):
                if concealed.depth:
                    unshown += len(text.strip())
                else:
                    parts.append(_shown(text, pre))
        if tag == size:
            break
        token = _TOKEN.match(page, tag)
        if token is None:  # a "<" that opens no markup is text
            if not (hidden or in_head or concealed.depth):
                parts.append("<")
            at = tag + 1
            continue
        at = token.end()
        name = (token["start"] or token["end"] or "").lower()
        if token["end"]:
            concealed.end(name)
            if name == "head":
                in_head = False
            elif name in _HIDDEN:
                hidden = max(0, hidden - 1)
            elif name in _PRE:
                pre = max(0, pre - 1)
            if name in _BREAKS:
                parts.append("\n")
        elif token["start"]:
            if not token["close"]:
                break  # a tag cut by the end of the page: nothing of it is shown
            concealed.start(name, token[0])
            if name == "head":
                in_head = True
            elif name in _HIDDEN:
                hidden += not token[0].endswith("/>")  # <svg/> holds nothing
            elif name == "body" or name not in _HEAD_CONTENT:
                in_head, hidden = False, (0 if name == "body" else hidden)
            if name in _BREAKS:
                parts.append("\n")
            if name in _RAW:  # its content runs to its end tag, or the page's end
                closing = re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE).search(page, at)
                at = closing.start() if closing else size
            elif name in _PRE:
                pre += 1
                if page.startswith("\n", at):
                    at += 1
            if name == "plaintext":  # the rest of the page is its text
                parts.append(_shown(page[at:], 1))
                break
    text = _tidy("".join(parts))
    if unshown > sum(not c.isspace() for c in text):
        return html_text(page, conceal=False)
    return text


class _Concealed:
    """The element of a page a browser does not show as it is read, by its attributes (``hidden``, a
    style of ``display: none`` or ``visibility: hidden``) or its kind (ruby text): its start tag, then
    until its end tag (or what ends it when it has none: a block for ``<p>``, the next ruby text or
    the ruby's end for ``<rt>``). Nothing inside it is shown."""

    def __init__(self, by_attributes: bool = True):
        self.name, self.depth, self.by_attributes = None, 0, by_attributes

    def start(self, name: str, tag: str):
        """A start tag ``tag`` of element ``name``."""
        if self.depth:
            if self.name == "p" and name in _ENDS_P or self.name in _RUBY_TEXT and name in _RUBY_TEXT:
                self.depth = 0  # an element without its end tag, ended by the next
            elif name == self.name and name not in _VOID:
                self.depth += 1
                return
            else:
                return
        if name in _RUBY_TEXT or self.by_attributes and name not in _VOID and _hides(tag):
            self.name, self.depth = name, 1

    def end(self, name: str):
        """An end tag of element ``name``."""
        if not self.depth:
            return
        if name == self.name:
            self.depth -= 1
        elif self.name == "p" and name in _ENDS_P or self.name in _RUBY_TEXT and (name == "ruby" or name in _BREAKS):
            self.depth = 0


def _hides(tag: str) -> bool:
    """True when a start tag's attributes hide its element: ``hidden``, or a style hiding it."""
    if "hidden" not in tag.lower() and "none" not in tag.lower():
        return False
    for match in _ATTRIBUTE.finditer(tag, _TAG_NAME.match(tag).end()):
        attribute = match[1].lower()
        value = match[2] if match[2] is not None else match[3] if match[3] is not None else match[4] or ""
        if attribute == "hidden" or attribute == "style" and _HIDING_STYLE.search(value):
            return True
    return False


def _shown(text: str, pre: int) -> str:
    """Source text as a browser shows it: references decoded; outside pre-formatted text, line
    breaks of the source dropped and runs of spaces one."""
    text = html.unescape(text)
    if pre:
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return _SPACES.sub(" ", _SOURCE_BREAK.sub("", text))


def docx_text(data: bytes, path, max_bytes: int, max_text: int | None = None) -> str:
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
        The most characters its text may hold.

    Raises
    ------
    geo.io.InputError
        A zip archive that is no Word file (an Excel workbook, a plain .zip), a damaged or
        too large one, or one whose XML declares entities.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if _DOCX_BODY not in names:
            raise InputError(path, f"is {_zip_kind(archive, names)}")
        info = archive.getinfo(_DOCX_BODY)
        # A zip bomb: the XML unpacks to far more than it takes zipped (pictures beside it do not count).
        limit = min(max_bytes, zip_part_limit(info.compress_size))
        too_big = InputError(path, f"is a Word file whose text is over the size limit ({limit / 1e6:g} MB unpacked)")
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
                    raise InputError(path, f"is a Word file whose text is over the {max_text / 1e6:g} MB size limit "
                                           "(raise it with --max-size MB or GEO_MAX_REPORT_MB)")
        reader.feed(b"", final=True)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, RuntimeError, NotImplementedError,
            zlib.error, lzma.LZMAError) as exc:  # the last two: compressed data damaged
        raise InputError(path, f"is a damaged or encrypted Word file ({exc})") from None
    return _tidy("\n".join(reader.lines))


def doc_text(data: bytes, path, max_text: int | None = None) -> str:
    """The text of a Word 97-2003 file (.doc; also a WPS Office .wps in that format), a line per
    paragraph or table cell, as :func:`docx_text` reads a .docx: tabs and line breaks as written,
    field codes left out and their results kept, tracked deletions and hidden text left out.

    Headers, footers, footnotes, comments and text boxes are left out (a .docx's text boxes are
    read: a .doc keeps them in a story of their own, see :mod:`geo.extract.word97`).

    Parameters
    ----------
    data : bytes
        The file's bytes (a compound file: OLE's signature D0 CF 11 E0).
    path : path-like
        Named in errors.
    max_text : int, optional
        The most characters its text may hold.

    Raises
    ------
    geo.io.InputError
        A compound file that is no Word document (an Excel .xls, an Outlook .msg, a
        password-protected Office file), a password-protected, Word 6/95 or damaged one.
    """
    from geo.extract.word97 import word97_text

    return _tidy(word97_text(data, path, max_text=max_text))


def pdf_text(data: bytes, path) -> str:
    """The text of a PDF's pages, read with pypdf: the lines as printed, a form feed opening
    each page after the first (extraction joins the lines a paragraph wraps over, see
    :func:`geo.extract.segment.wrapped_line_breaks`).

    Parameters
    ----------
    data : bytes
        The file's bytes.
    path : path-like
        Named in errors.

    Raises
    ------
    geo.io.InputError
        A damaged PDF, one that needs a password, one with no text layer (a scan: its text
        needs OCR first), or one whose fonts map to no characters.
    """
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd objects are no errors of ours
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "is a password-protected PDF: open it, then save its text as a .txt file")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (pypdf.errors.DependencyError, pypdf.errors.FileNotDecryptedError, pypdf.errors.WrongPasswordError):
        # AES needs the cryptography package, which geo does not install for this alone
        raise InputError(path, "is an encrypted PDF geo cannot open: save its text from a PDF viewer as a .txt file") \
            from None
    except Exception as exc:  # pypdf raises many kinds on a damaged file; none is ours to show whole
        raise InputError(path, f"is a damaged PDF ({type(exc).__name__}: {str(exc)[:120]})") from None
    text = "\n\f".join(page.rstrip("\n") for page in pages)
    return fixed_layout_text(text, path, kind="a PDF", viewer="a PDF viewer")


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
        Too few characters (a scan: its text needs OCR first), or too many of them mapped to
        none (U+FFFD, private use: fonts without a Unicode map).
    """
    shown = [c for c in text if not c.isspace()]
    if len(shown) < _PDF_MIN_CHARACTERS:
        raise InputError(path, f"is {kind} without a text layer (a scan?): run OCR on it, or give its text as a .txt file")
    unmapped = sum(1 for c in shown if c == "\ufffd" or "\ue000" <= c <= "\uf8ff")
    if unmapped > _PDF_MAX_UNMAPPED * len(shown):
        raise InputError(path, f"is {kind} whose fonts map {unmapped / len(shown):.0%} of the characters to none: "
                               f"save its text from {viewer}, or run OCR on it")
    return _tidy_pages(text)


# A PDF with fewer characters than this has no text layer worth reading; one with more than this
# share of its characters unmapped (U+FFFD, private use) has fonts without a Unicode map.
_PDF_MIN_CHARACTERS = 20
_PDF_MAX_UNMAPPED = 0.2


# --------------------------------------------------------------------------- helpers


class _WordText:
    """Collects the paragraphs of WordprocessingML as it is parsed (expat, no tree: no depth or
    size of the XML makes it recurse or hold more than the text)."""

    def __init__(self, path):
        import xml.parsers.expat

        self.path, self.lines = path, []
        self.open = []  # paragraphs being read, outermost first: (parts, lines of paragraphs inside it)
        self.skip = 0  # depth inside what Word does not show (deletions, properties, ruby text, fallbacks)
        self.runs = []  # per run open: whether its properties hide it (w:vanish: hidden text)
        self.run_props = 0  # the depth of skip inside the properties of the innermost run open, else 0
        self.in_text = 0
        self.size = 0  # characters of text read
        self.choices = []  # per mc:AlternateContent open: whether one of its choices was read
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
        except xml.parsers.expat.ExpatError as exc:
            raise InputError(self.path, f"is a damaged Word file (its XML: {exc})") from None

    def _doctype(self, *args):
        raise InputError(self.path, "is a Word file whose XML declares a document type or entities (no Word file does)")

    def _start(self, name, attrs):
        space, _, tag = name.rpartition(" ")
        if self.skip and self.skip == self.run_props and tag == "vanish" and space in _WORD_SPACES:
            # hidden text: Word neither shows nor prints it
            self.runs[-1] = attrs.get(f"{space} val", "on").lower() not in _WORD_OFF
        if self.skip or (space == _MC and tag == "Choice" and self.choices and self.choices[-1]):
            self.skip += 1  # a second choice of the same content is read once only
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
            self.open.append(([], []))
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
                parts, inside = self.open.pop()
                lines = self.open[-1][1] if self.open else self.lines  # a text box's paragraphs follow its own
                lines.append("".join(parts))
                lines.extend(inside)

    def _text(self, data):
        if self.in_text and not self.skip and self.open and not (self.runs and self.runs[-1]):
            self.open[-1][0].append(data)
            self.size += len(data)


def _zip_kind(archive, names) -> str:
    """What a zip archive that holds no Word document is and what to give instead, as an error says it."""
    instead = "give the report as text, a web page (.html) or a Word .docx"
    if "xl/workbook.xml" in names:
        return f"an Excel workbook (.xlsx): {instead}"
    if "mimetype" in names:  # an OpenDocument package names its kind first
        mimetype = archive.read("mimetype")[:100].decode("ascii", "replace")
        if mimetype.endswith("opendocument.text"):
            return "an OpenDocument text (.odt, from LibreOffice or WPS), which geo does not read: save it as a Word .docx"
        if mimetype.endswith("opendocument.spreadsheet"):
            return f"an OpenDocument spreadsheet (.ods): {instead}"
    return f"a zip archive, not a Word .docx: {instead}"


def _tidy_pages(text: str) -> str:
    """Lines without trailing spaces; blank lines kept (a PDF reader's line spacing tells wrapped
    lines apart), runs of them at most two."""
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{4,}", "\n\n\n", text).strip("\n") + "\n"


def _tidy(text: str) -> str:
    """Lines without trailing spaces, and no blank ones (a paragraph is a line)."""
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n", text).strip("\n") + "\n"
