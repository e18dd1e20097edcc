"""Text from reports and data files made safe where it is shown: a terminal line, a spreadsheet cell, Markdown."""

from __future__ import annotations

import os
import re
import unicodedata

# C0 and C1 control characters (tab, line breaks and escapes included), the line separators and
# the bidirectional controls (marks, embeddings, overrides, isolates: U+202E shows the rest of a
# line right to left, as in Trojan Source, CVE-2021-42574).
# Lone surrogates too: the bytes of a file name in another code (GBK on a UTF-8 system), which
# cannot be written to a terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Characters a spreadsheet cell cannot hold (the XML 1.0 exclusions openpyxl refuses).
_NOT_IN_CELLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# A cell opening with one of these is a formula to Excel, LibreOffice and WPS (OWASP CSV injection).
FORMULA_OPENERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


# The bidirectional embeddings, overrides and isolates: in a page they show the characters after
# them in another order than written (青松\u202e路小学 as 青松学小路).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_bidi_controls(text) -> str:
    """``text`` without bidirectional embeddings, overrides and isolates (:data:`_BIDI_CONTROLS`):
    as a page, a spreadsheet or Google Earth shows it, the rest of it would read reversed."""
    return _BIDI_CONTROLS.sub("", str(text))


def page_text(text) -> str:
    """``text`` as the text of an HTML page shows it as written: HTML-escaped (quotes too), without
    bidirectional embeddings, overrides and isolates (:data:`_BIDI_CONTROLS`)."""
    import html  # (here, not at the top: its 2,231 entities are read by every command that imports this)

    return html.escape(without_bidi_controls(text), quote=True)


def has_visible(text) -> bool:
    """True when ``text`` shows something: a character that is not blank, a control character or
    an invisible format character (zero-width space, byte order mark, soft hyphen, the
    bidirectional controls). A name of such characters alone is no name."""
    return any(not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf") for char in str(text))


def one_line(text) -> str:
    """``text`` on one terminal line: line breaks, tabs, escapes and bidirectional controls written
    as ``\\n``, ``\\x1b``, ``\\u202e``, and the lone surrogates of a file name in another code as
    ``\\udcb1``.

    A message that names a file or a value read from one (a path holding a newline, a name
    holding an ANSI escape) stays one line and cannot restyle the terminal.
    """
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def terminal_line(text) -> str:
    """``text`` as :func:`one_line` gives it, with each run of characters without a space longer than
    ``settings.TERMINAL_RUN_CHARS`` cut, saying how much was left out: for warnings and errors,
    which quote names read from files."""
    from geo import settings

    limit = settings.TERMINAL_RUN_CHARS
    return re.sub(r"\S{%d,}" % (limit + 1), lambda m: f"{m.group()[:limit]}…({len(m.group()) - limit} more characters)",
                  one_line(text))


def file_name(path) -> str:
    """The name of the file ``path`` as text that can be written (UTF-8) anywhere.

    A name the file system holds in another code (GBK bytes, from a zip made on Chinese
    Windows, on a UTF-8 system) reaches Python with its bytes as lone surrogates, which no
    file can hold: it is decoded as GB18030 when it can be, else its bytes that are no
    UTF-8 become U+FFFD.
    """
    name = os.path.basename(os.fspath(path))
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def cell_text(text: str, quote_formula: bool = True) -> str:
    """``text`` as a spreadsheet cell shows it literally, never as a formula, and whole in one cell.

    Characters no cell can hold (BEL, ESC...) become U+FFFD, and bidirectional embeddings, overrides
    and isolates are left out (Excel would show the rest of the cell reversed). With ``quote_formula`` (CSV, which
    Excel, LibreOffice and WPS read with formulas), a text opening like a formula
    (``=HYPERLINK(...)``, ``+1``, ``-2+3``, ``@SUM``) gets a leading apostrophe, as OWASP advises; an
    .xlsx cell is typed as text instead (see :mod:`geo.workbook`). A text longer than an Excel
    cell holds (:data:`geo.settings.EXCEL_CELL_MAX_CHARS`) is cut, ending in …: Excel would spill
    the rest of a CSV cell over the next rows, and repair a workbook by dropping the cell.
    """
    from geo import settings

    text = _NOT_IN_CELLS.sub("\ufffd", without_bidi_controls(text))  # (青松\u202e路小学 shown reversed)
    text = "'" + text if quote_formula and text.startswith(FORMULA_OPENERS) else text
    limit = settings.EXCEL_CELL_MAX_CHARS
    return text if len(text) <= limit else text[:limit - 1] + "…"


def markdown_text(text) -> str:
    """``text`` inside a Markdown line or table cell: one line, HTML escaped, and no table pipe,
    link bracket or code span of its own."""
    import html

    text = html.escape(_CONTROL.sub(" ", str(text)), quote=False)
    return re.sub(r"([|\\`\[\]])", r"\\\1", text)
