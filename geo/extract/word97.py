"""Word 97-2003 documents (.doc; WPS .wps in that format): the text of their main story, by the FIB and piece table of [MS-DOC]."""

from __future__ import annotations

import bisect
import io
import re
import struct
from typing import NamedTuple

from geo.extract.documents import pictures_alone, tidy_paragraphs
from geo.io import InputError, utf8_size


# FibBase: its identifier, and the flags of its word at offset 0x0A.
_WORD_IDENT = 0xA5EC
_F_ENCRYPTED = 0x0100  # encrypted or XOR-obfuscated with a password
_F_WHICH_TABLE = 0x0200  # the table stream is 1Table, else 0Table
# Word 6.0 and 95 (nFib 101-105) and earlier lay out their FIB otherwise: no csw, cslw, fibRgFcLcb.
_FIRST_WORD97_NFIB = 106
# Where the 97 FIB's counted arrays say what they hold: FibRgLw97.ccpText is its 4th long,
# FibRgFcLcb97.fcPlcfBteChpx/lcbPlcfBteChpx its 13th pair, fcClx/lcbClx its 34th.
_CCP_TEXT, _CHPX_PAIR, _CLX_PAIR = 3, 12, 33
# [MS-DOC] 2.6.1: the character properties (sprms) that hide a run Word does not show: a tracked
# deletion (sprmCFRMarkDel) and hidden text (sprmCFVanish). Their toggle operand is on at 1, and at
# 0x81 (the opposite of the style's, which hides nothing).
_HIDING_SPRMS = frozenset({0x0800, 0x083C})
_TOGGLE_ON = frozenset({1, 0x81})
# The size of a sprm's operand by its spra (its top three bits); 6: a byte giving the size precedes it.
_OPERAND_SIZES = (1, 1, 2, 4, 2, 2, None, 3)
# Characters kept where a run is hidden: ends of paragraphs, cells and lines, and marks of fields (a
# deleted paragraph mark leaves a blank line, fields stay whole).
_STRUCTURE = frozenset("\r\x07\x0b\x0c\x0e\x13\x14\x15")
_FKP_SIZE = 512

# [MS-DOC] 2.9.73 FcCompressed: an 8-bit character is the Unicode one of that number, except these.
_COMPRESSED_EXCEPTIONS = str.maketrans({
    0x82: "\u201a", 0x83: "\u0192", 0x84: "\u201e", 0x85: "\u2026", 0x86: "\u2020", 0x87: "\u2021",
    0x88: "\u02c6", 0x89: "\u2030", 0x8A: "\u0160", 0x8B: "\u2039", 0x8C: "\u0152", 0x91: "\u2018",
    0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022", 0x96: "\u2013", 0x97: "\u2014",
    0x98: "\u02dc", 0x99: "\u2122", 0x9A: "\u0161", 0x9B: "\u203a", 0x9C: "\u0153", 0x9F: "\u0178"})

# Word's special characters in the text: paragraph marks (\r), cell and row ends (\x07: a table
# read one cell per line), soft line breaks (\x0b), page and section breaks (\x0c) and column
# breaks (\x0e) end a line; a non-breaking hyphen (\x1e) is a hyphen; anchors of pictures (\x01),
# drawings (\x08), footnotes (\x02), comments (\x05), optional hyphens (\x1f) and the other
# control characters show nothing. Tabs stay.
_SHOWN = str.maketrans({**{c: None for c in range(0x20) if c not in (0x09, 0x0A)},
                        0x0D: "\n", 0x07: "\n", 0x0B: "\n", 0x0C: "\n", 0x0E: "\n", 0x1E: "-"})
# A field is \x13 code [\x14 result] \x15; fields nest.
_FIELD_MARK = re.compile("[\x13\x14\x15]")

_DAMAGED = "is a damaged Word document"
_DAMAGED_OLE = "is a damaged Office document (.doc, .wps, .xls)"


class _Fib(NamedTuple):
    """What the File Information Block says of the main story: its length in characters, the
    table stream holding the piece table, and where the piece table (the Clx) lies in it."""

    ccp_text: int
    table: str
    fc_clx: int
    lcb_clx: int
    fc_chpx: int
    lcb_chpx: int


class _Piece(NamedTuple):
    """A run of the text stored in one place: characters ``start`` to ``end`` of the document at
    byte ``offset`` of the WordDocument stream, one byte a character when ``compressed``, else two."""

    start: int
    end: int
    offset: int
    compressed: bool


def doc_text(data: bytes, path, max_text: int | None = None) -> str:
    """The text of a Word 97-2003 file (.doc; also a WPS Office .wps in that format), a line per
    paragraph or table cell, as :func:`geo.extract.wordml.docx_text` reads a .docx: tabs and line
    breaks as written, field codes left out and their results kept, tracked deletions and hidden
    text left out.

    Headers, footers, footnotes, comments and text boxes are left out (a .docx's text boxes are
    read: a .doc keeps them in a story of their own, see :func:`word97_text`).

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
    return tidy_paragraphs(word97_text(data, path, max_text=max_text))


def word97_text(data: bytes, path, max_text: int | None = None) -> str:
    """The text of the main story of a Word 97-2003 document: a line per paragraph or table
    cell, field codes left out (their results kept).

    Headers, footers, footnotes, comments and text boxes are stories of their own and are left
    out; so are pictures and embedded objects, and text Word does not show: tracked deletions and
    hidden text.

    Parameters
    ----------
    data : bytes
        The file's bytes (a compound file).
    path : path-like
        Named in errors.
    max_text : int, optional
        The most characters its text may hold.

    Returns
    -------
    str
        The text, ``\\n`` ending each paragraph and cell (blank lines left to the caller).

    Raises
    ------
    geo.io.InputError
        A compound file that is no Word document (an Excel .xls, an Outlook .msg, a
        password-protected .docx), a password-protected Word file, a Word 6/95 one, or one
        damaged: streams cut short, offsets beyond them, a piece table that does not parse.
    """
    word, tables = _word_streams(data, path)
    fib = _read_fib(word, path)
    table = tables.get(fib.table)
    if table is None:
        raise InputError(path, f"{_DAMAGED} (its {fib.table} stream is missing)")
    pieces = _piece_table(_clx(table, fib, path), path)
    size = min(fib.ccp_text, pieces[-1].end if pieces else 0)
    if size > len(word):  # each character takes a byte of the stream at least: pieces read over and over
        raise InputError(path, f"{_DAMAGED} (its piece table gives more text than its WordDocument stream holds)")
    if max_text is not None and size > max_text:  # characters: the fewest bytes they take, before reading them
        raise _text_too_big(path, max_text)
    hidden = _hidden_spans(word, table, fib)
    raw = "".join(_shown_text(_piece_text(word, piece, size, path), piece, hidden)
                  for piece in pieces if piece.start < size)
    if max_text is not None and utf8_size(raw) > max_text:  # as a text file of it counts (a Han character: 3)
        raise _text_too_big(path, max_text)
    text = _field_results(raw).translate(_SHOWN)
    if not text.strip() and (anchors := raw.count("\x01") + raw.count("\x08")):
        raise pictures_alone(path, f"{anchors} picture{'s' * (anchors != 1)} or drawing{'s' * (anchors != 1)}")
    return text


def _text_too_big(path, max_text: int) -> InputError:
    return InputError(path, f"is a Word file whose text is over the {max_text / 1e6:g} MB size limit "
                            "(raise it with --max-size MB or GEO_MAX_REPORT_MB)")


# --------------------------------------------------------------------------- the compound file


def _word_streams(data: bytes, path) -> tuple:
    """(WordDocument stream, {"0Table": ..., "1Table": ...}) of a compound file; an error naming
    what the file is when it holds no Word document."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
        if not ole.exists("WordDocument"):
            names = {"/".join(entry) for entry in ole.listdir(streams=True, storages=False)}
            kind = _not_word(names)
            if kind is None and (ole.parsing_issues or not names):  # a directory of noise: no stream, or odd ones
                problem = ole.parsing_issues[0][1] if ole.parsing_issues else "no streams"
                raise InputError(path, f"{_DAMAGED_OLE} ({problem})")
            raise InputError(path, kind or "is a compound Office file that holds no Word document: "
                                           "give the report as text, a web page or a Word file")
        streams = {}
        for name in ("WordDocument", "0Table", "1Table"):
            if ole.exists(name):
                # A stream no larger than the file: a FAT chain looping back on itself is not
                # read round and round into memory.
                if ole.get_size(name) > len(data):
                    raise InputError(path, f"{_DAMAGED} (its {name} stream is said to be larger than the file)")
                streams[name] = ole.openstream(name).read()
    except InputError:
        raise
    except Exception as exc:  # olefile raises many kinds on a damaged file; none is ours to show whole
        raise InputError(path, f"{_DAMAGED_OLE} ({type(exc).__name__}: {str(exc)[:120]})") from None
    return streams.pop("WordDocument"), streams


def _not_word(names) -> str | None:
    """What a compound file without a WordDocument stream is, as an error's problem; None when
    its streams are none of an Office file's known kinds."""
    if "EncryptedPackage" in names:
        return "is a password-protected Office file (.docx, .xlsx): save it without a password"
    if names & {"Workbook", "Book"}:
        return "is an Excel spreadsheet (.xls), not a report: give the report as text, a web page or a Word file"
    if "PowerPoint Document" in names:
        return "is a PowerPoint presentation (.ppt), not a report: save its text as a .txt file"
    if any(name.startswith("__substg1.0_") for name in names):
        return "is an Outlook message (.msg), not a report: save the report it carries as a file of its own"
    return None


# --------------------------------------------------------------------------- the FIB and piece table


def _read_fib(word: bytes, path) -> _Fib:
    """The File Information Block at the start of the WordDocument stream ([MS-DOC] 2.5.1).

    Raises
    ------
    geo.io.InputError
        Not a Word 97 FIB, a password-protected document, or a FIB cut short.
    """
    if len(word) < 34:
        raise InputError(path, f"{_DAMAGED} (its WordDocument stream is cut short)")
    ident, n_fib = struct.unpack_from("<HH", word, 0)
    flags, = struct.unpack_from("<H", word, 0x0A)
    if ident != _WORD_IDENT:
        raise InputError(path, f"{_DAMAGED} (its WordDocument stream does not open with a Word header)")
    if flags & _F_ENCRYPTED:
        raise InputError(path, "is a password-protected Word document: save it without a password")
    if n_fib < _FIRST_WORD97_NFIB:
        raise InputError(path, "is a Word 6.0/95 (or older) document, which geo does not read: "
                               "save it as a .docx, or as a .doc from Word 97 or later")
    at = 32
    csw, = struct.unpack_from("<H", word, at)
    at += 2 + 2 * csw
    if at + 2 > len(word):
        raise InputError(path, f"{_DAMAGED} (its FIB is cut short)")
    cslw, = struct.unpack_from("<H", word, at)
    longs = at + 2
    at = longs + 4 * cslw
    if cslw <= _CCP_TEXT or at + 2 > len(word):
        raise InputError(path, f"{_DAMAGED} (its FIB is cut short)")
    pairs_count, = struct.unpack_from("<H", word, at)
    pairs = at + 2
    if pairs_count <= _CLX_PAIR or pairs + 8 * (_CLX_PAIR + 1) > len(word):
        raise InputError(path, f"{_DAMAGED} (its FIB is cut short)")
    ccp_text, = struct.unpack_from("<i", word, longs + 4 * _CCP_TEXT)
    fc_clx, lcb_clx = struct.unpack_from("<II", word, pairs + 8 * _CLX_PAIR)
    fc_chpx, lcb_chpx = struct.unpack_from("<II", word, pairs + 8 * _CHPX_PAIR)
    if ccp_text < 0:
        raise InputError(path, f"{_DAMAGED} (its FIB gives the text a negative length)")
    return _Fib(ccp_text, "1Table" if flags & _F_WHICH_TABLE else "0Table", fc_clx, lcb_clx, fc_chpx, lcb_chpx)


def _clx(table: bytes, fib: _Fib, path) -> memoryview:
    """The Clx, where the FIB says it lies in the table stream."""
    if fib.lcb_clx == 0 or fib.fc_clx + fib.lcb_clx > len(table):
        raise InputError(path, f"{_DAMAGED} (its piece table lies beyond the end of its {fib.table} stream)")
    return memoryview(table)[fib.fc_clx:fib.fc_clx + fib.lcb_clx]


def _piece_table(clx: memoryview, path) -> list:
    """The pieces of a Clx ([MS-DOC] 2.9.38): property modifiers (Prc, clxt 1: a fast-saved
    file's) are skipped up to the Pcdt (clxt 2) and its PlcPcd, n + 1 character positions then
    n piece descriptors of 8 bytes.

    Raises
    ------
    geo.io.InputError
        A Clx that does not parse, or positions that do not ascend.
    """
    at = 0
    while at < len(clx) and clx[at] == 1:  # a Prc: clxt, a signed 16-bit size, its property modifiers
        if at + 3 > len(clx):
            break
        size, = struct.unpack_from("<h", clx, at + 1)
        if size < 0:
            raise InputError(path, f"{_DAMAGED} (its piece table does not parse)")
        at += 3 + size
    if at + 5 > len(clx) or clx[at] != 2:
        raise InputError(path, f"{_DAMAGED} (its piece table does not parse)")
    lcb, = struct.unpack_from("<I", clx, at + 1)
    plc = clx[at + 5:at + 5 + lcb]
    if len(plc) != lcb or lcb < 4 or (lcb - 4) % 12:
        raise InputError(path, f"{_DAMAGED} (its piece table does not parse)")
    count = (lcb - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces = []
    for i in range(count):
        start, end = cps[i], cps[i + 1]
        if end < start or end > 0x7FFFFFFF:
            raise InputError(path, f"{_DAMAGED} (its piece table's character positions do not ascend)")
        fc, = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * i + 2)
        compressed = bool(fc & 0x40000000)
        offset = fc & 0x3FFFFFFF
        pieces.append(_Piece(start, end, offset // 2 if compressed else offset, compressed))
    return pieces


def _piece_text(word: bytes, piece: _Piece, size: int, path) -> str:
    """The characters of a piece that fall within the first ``size`` of the document."""
    count = min(piece.end, size) - piece.start
    width = 1 if piece.compressed else 2
    end = piece.offset + width * count
    if end > len(word):
        raise InputError(path, f"{_DAMAGED} (a piece of its text lies beyond the end of its WordDocument stream)")
    data = word[piece.offset:end]
    if piece.compressed:
        return data.decode("latin-1").translate(_COMPRESSED_EXCEPTIONS)
    return data.decode("utf-16-le", errors="replace")  # a lone surrogate of a damaged file: U+FFFD


# --------------------------------------------------------------------------- character properties


def _hidden_spans(word: bytes, table: bytes, fib: _Fib) -> list:
    """The byte spans of the WordDocument stream holding text Word does not show, tracked deletions
    and hidden text, by the character properties of its runs: the PlcBteChpx in the table stream
    points at 512-byte ChpxFkp pages, each giving runs (spans of the stream) and their Chpx
    ([MS-DOC] 2.8.x, 2.9.x). A page out of the stream is passed over: its runs are read as shown.

    Returns
    -------
    list of (int, int)
        Sorted, non-overlapping spans.
    """
    lcb = fib.lcb_chpx
    if lcb < 12 or (lcb - 4) % 8 or fib.fc_chpx + lcb > len(table):
        return []
    count = (lcb - 4) // 8
    spans = []
    # each page once: a damaged or hostile table pointing at one page again and again gives no more spans
    pages = struct.unpack_from(f"<{count}I", table, fib.fc_chpx + 4 * (count + 1))
    for pn in dict.fromkeys(pn & 0x3FFFFF for pn in pages):
        page = pn * _FKP_SIZE
        if page + _FKP_SIZE > len(word):
            continue
        runs = word[page + _FKP_SIZE - 1]
        if 5 * runs + 4 > _FKP_SIZE - 1:
            continue
        fcs = struct.unpack_from(f"<{runs + 1}I", word, page)
        for i in range(runs):
            at = page + 2 * word[page + 4 * (runs + 1) + i]  # 0: the run has default properties
            if at > page and _hides(word[at + 1:at + 1 + word[at]]) and fcs[i] < fcs[i + 1]:
                spans.append((fcs[i], fcs[i + 1]))
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _hides(grpprl: bytes) -> bool:
    """True when the sprms of a run's Chpx mark it deleted or hidden."""
    at = 0
    while at + 2 < len(grpprl):
        sprm, = struct.unpack_from("<H", grpprl, at)
        at += 2
        if sprm in _HIDING_SPRMS and grpprl[at] in _TOGGLE_ON:
            return True
        size = _OPERAND_SIZES[sprm >> 13]
        at += size if size is not None else 1 + grpprl[at]
    return False


def _shown_text(text: str, piece: _Piece, hidden: list) -> str:
    """A piece's characters less those in the hidden byte spans (the marks of :data:`_STRUCTURE` kept)."""
    width = 1 if piece.compressed else 2
    start, end = piece.offset, piece.offset + width * len(text)
    first = bisect.bisect_right(hidden, (start, float("inf"))) - 1
    parts, at = [], 0
    for low, high in hidden[max(first, 0):]:
        if low >= end:
            break
        if high <= start:
            continue
        cut = max(0, -(-(low - start) // width))
        stop = min(len(text), -(-(high - start) // width))
        if cut > at:
            parts.append(text[at:cut])
        parts.append("".join(c for c in text[max(cut, at):stop] if c in _STRUCTURE))
        at = max(at, stop)
    parts.append(text[at:])
    return "".join(parts)


def _field_results(text: str) -> str:
    """``text`` with each field (\\x13 code \\x14 result \\x15, nested or not) reduced to its
    result: a page number's digits, a hyperlink's words, an embedded object's anchor."""
    parts, fields, in_code, at = [], [], 0, 0  # fields: per field open, whether still in its code
    for mark in _FIELD_MARK.finditer(text):
        if not in_code:
            parts.append(text[at:mark.start()])
        at = mark.end()
        char = mark.group()
        if char == "\x13":
            fields.append(True)
            in_code += 1
        elif char == "\x14":
            if fields and fields[-1]:
                fields[-1] = False
                in_code -= 1
        elif fields:  # \x15: the field ends (a stray one ends nothing)
            in_code -= fields.pop()
    if not in_code:
        parts.append(text[at:])
    return "".join(parts)
