"""Reports handed over as web pages: a saved page (HTML) or a web archive (.mht, .mhtml) read as the text a browser shows, a line per paragraph, table cell or line break."""

from __future__ import annotations

import html
import re

from geo.extract.documents import tidy_paragraphs
from geo.io import InputError

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
# What ends a paragraph left without its end tag: the start or end of a block, a cell or a row (not a line break).
_ENDS_P = _BREAKS - {"br"}
_HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)
# A line break inside a text node is the page source's, not the page's (browsers show none
# between Han characters); other runs of white space are one space.
_SOURCE_BREAK = re.compile(r"[ \t\r\f]*\n\s*")
_SPACES = re.compile(r"[ \t\r\f\v]+")

# A web archive (.mht, .mhtml: a page saved "as a single file" by a browser or by Word): a MIME message,
# its header lines first, naming its MIME version or content type.
_MIME_START = re.compile(r"\A(?:[A-Za-z][A-Za-z0-9-]*:[^\n]*\n(?:[ \t][^\n]*\n)*)*?(?:MIME-Version|Content-Type)\s*:",
                         re.IGNORECASE)
# An XML document that is no web page: a Word 2003 XML or Word XML (flat OPC) file, a flat OpenDocument.
_XML_START = re.compile(r"\s*<\?xml\b")
WORD_XML = "a Word XML document (.xml)"
FLAT_ODT = "a flat OpenDocument text (.fodt)"
_XML_KINDS = ((re.compile(r"<\?mso-application\s+progid=\"Word\.Document\"|<w:wordDocument\b|"
                          r"pkg:name=\"/word/document\.xml\""), WORD_XML),
              (re.compile(r"opendocument\.text|<office:text\b"), FLAT_ODT))

def is_html(text: str) -> bool:
    """True when ``text`` is a saved web page (it opens with an HTML tag, after any XML
    declaration, comments and blank lines, however long), not plain text."""
    at = _lead_end(text)
    return _HTML_START.match(text[at:at + 4096]) is not None


_BLANKS = re.compile(r"\s*")


def _lead_end(text: str) -> int:
    """Where the comments and white space a page may open with end (a counter's script commented out,
    a licence, the blank lines a CMS leaves), an XML declaration before them passed over."""
    at = _BLANKS.match(text).end()
    if text.startswith("<?xml", at) and (close := text.find(">", at)) >= 0:
        at = _BLANKS.match(text, close + 1).end()
    while text.startswith("<!--", at) and (close := text.find("-->", at + 4)) >= 0:
        at = _BLANKS.match(text, close + 3).end()
    return at


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
        A web archive holding no web page, one whose page is not text, or one of parts nested
        thousands deep.
    """
    import email
    import email.policy

    from geo.text_codecs import decode_text

    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        page = next((part for part in message.walk() if part.get_content_type() == "text/html"), None)
    except RecursionError:  # the email package parses and walks nested parts by recursion
        raise InputError(path, "is a web archive (.mht) whose parts nest inside one another deeper than Python "
                               "reads (no browser saves a page so): open it in a browser and save its text "
                               "as a .txt file") from None
    if page is None:
        raise InputError(path, "is a web archive (.mht) that holds no web page: open it in a browser "
                               "and save its text as a .txt file")
    body = _base64_body(page) if page.get("Content-Transfer-Encoding", "").strip().lower() == "base64" \
        else page.get_payload(decode=True) or b""
    charset = (page.get_content_charset() or "").lower()
    charset = "gb18030" if charset in ("gb2312", "gbk", "x-gbk", "cp936") else charset
    try:
        text = body.decode(charset) if charset else None
    except (LookupError, UnicodeDecodeError):
        text = None
    if text is None:  # no charset, or a wrong one: the page's bytes tell (a <meta> of a page saved by Chrome)
        text = decode_text(body, path)
    return html_text(text.lstrip("\ufeff"))


def _base64_body(part) -> bytes:
    """The bytes of a base64 part as a browser decodes them: characters of no base64 (line breaks, padding,
    junk) passed over, and a last one that makes no byte (a file cut short) left out, where the email
    package gives back the base64 text itself."""
    import base64

    encoded = re.sub(rb"[^A-Za-z0-9+/]", b"", part.get_payload().encode("ascii", "surrogateescape"))
    encoded = encoded[:len(encoded) - (len(encoded) % 4 == 1)]
    return base64.b64decode(encoded + b"=" * (-len(encoded) % 4))


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
                    unshown += len(text.strip()) if concealed.by_attributes_now() else 0
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
    text = tidy_paragraphs("".join(parts))
    if conceal and unshown > sum(not c.isspace() for c in text):
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

    def by_attributes_now(self) -> bool:
        """True when what is not shown now is hidden by attributes (which a page's scripts may undo), not
        ruby text (which no script shows)."""
        return self.depth > 0 and self.name not in _RUBY_TEXT

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
