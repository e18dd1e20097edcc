"""Decoding text files (reports, tables, Shapefile records): UTF-8, UTF-16/32, GB18030/GBK or Big5."""

from __future__ import annotations

import re

from geo.io import InputError

_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

# A compound (OLE) file: Word 97-2003 and WPS documents, Excel 97-2003 workbooks, Outlook
# messages, password-protected OOXML files.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_DOCUMENT_MAGIC = ((b"%PDF", "a PDF document"),
                   (b"PK\x03\x04", "a zip archive (a Word .docx, an Excel .xlsx or a .zip)"),
                   (OLE_MAGIC, "an old Office document (.doc, .xls, .wps) or a password-protected "
                    "Office file"),
                   (b"{\\rtf", "an RTF document"),
                   (b"Rar!\x1a\x07", "a RAR archive (unpack it first)"),
                   (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive (unpack it first)"),
                   (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                   (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),  # a scanner's
                   (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"))


def decode_text(data: bytes, path, encoding="auto") -> str:
    """Decode report or table bytes: UTF-8 (with or without BOM), UTF-16 or UTF-32, GB18030/GBK or Big5.

    ``encoding`` is ``auto`` (UTF-32 by its byte-order mark, UTF-16 by its mark or its NUL bytes, else UTF-8,
    else GB18030 or Big5 as :func:`detect_cjk_codec` tells them apart), ``big5`` (with
    the HKSCS and Microsoft extensions), or a codec name to force. Binary data (NUL
    bytes, control characters) is refused rather than decoded as garbage.
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) and encoding in (None, "auto"):
        try:
            return data.decode("utf-32")  # its BOM begins like UTF-16's, so it is looked for first
        except UnicodeDecodeError:
            raise InputError(path, "starts with a UTF-32 byte-order mark but is not valid UTF-32") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and encoding in (None, "auto"):
        try:
            return data.decode("utf-16")  # Notepad's "Unicode"; the codec reads and drops the BOM
        except UnicodeDecodeError:
            raise InputError(path, "starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    kind = next((label for magic, label in _DOCUMENT_MAGIC if data.startswith(magic)), None)
    if kind:
        raise InputError(path, f"is {kind}, not plain text (save or copy its text as a .txt file)")
    if b"\x00" in data[:65536]:
        text = _utf16_without_bom(data) if encoding in (None, "auto") else None
        if text is not None:
            return text
        if (problem := nul_bytes_problem(data)) is not None:
            raise InputError(path, problem)
        data = data.rstrip(b"\x00")  # text padded with NUL bytes (a copy or a save cut short): the text
    data = data.rstrip(b"\x1a")  # DOS's end-of-file mark, Ctrl-Z (copy /a, old survey and DOS tools): no line
    if encoding == "big5":
        return _decode_big5(data, path)
    if encoding and encoding != "auto":
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot decode as {encoding}: {exc.reason if hasattr(exc, 'reason') else exc}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        _refuse_mixed_codes(data, path)
        if detect_cjk_codec(data) == "big5":
            return _decode_big5(data, path)
        if (foreign := foreign_codec(data)) is not None:
            shown = data[:4096].decode("gb18030", errors="replace")
            shown = "".join(re.findall(r"[^\x00-\x7f\s]+", shown))[:12]
            raise InputError(path, f"looks like {foreign} text, not Chinese in GBK or UTF-8 (read as GBK it shows "
                                   f"{shown}…): save it as UTF-8 in the program that wrote it")
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError(path, "unknown text encoding (neither UTF-8 nor GB18030/GBK nor Big5)") from None
    if _is_mojibake(text[:65536]):
        raise InputError(path, "is UTF-8 text that was read as Windows-1252 (Latin) and saved again: its Chinese "
                               "shows as letters like é¡¹ç›® (项目); save the report again from the original")
    controls = len(_CONTROL_CHARS.findall(text, 0, 65536))
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(path, "looks like a binary file, not text")
    return text


def nul_bytes_problem(data: bytes) -> str | None:
    """What to say of text holding NUL bytes (a binary file), or None when it holds none but at its
    end (text padded with them, a copy or a save cut short: the text before them is read)."""
    if b"\x00" in data.rstrip(b"\x00") or (data and not data.strip(b"\x00")):
        return f"looks like a binary file, not text (contains NUL bytes, the first at byte {data.index(0):,})"
    return None


# A UTF-8 line holding this many Chinese characters is UTF-8: GBK or Big5 bytes line up as UTF-8
# by chance for a character or two, not for a run of them.
_UTF8_HAN_RUN = re.compile("[\u3400-\u9fff]{4}")


def _refuse_mixed_codes(data: bytes, path) -> None:
    """InputError when ``data``, no UTF-8 as a whole, has lines of Chinese UTF-8 text and lines that
    are no UTF-8 (pieces pasted from a UTF-8 file and a GBK one): decoded as GB18030, the UTF-8 lines
    would become other characters without a word (天桥 as 澶╂ˉ), and their names match nothing."""
    utf8 = other = None
    for number, line in enumerate(data.split(b"\n"), 1):
        if line.isascii():
            continue
        try:
            decoded = line.decode("utf-8")
        except UnicodeDecodeError:
            other = other or number
        else:
            utf8 = utf8 or (number if _UTF8_HAN_RUN.search(decoded) else None)
        if utf8 and other:
            raise InputError(path, f"mixes text encodings: line {utf8} is UTF-8 and line {other} is not (GBK?); "
                                   "save the file again in one encoding, UTF-8")


# A Chinese character's three UTF-8 bytes (E0-EF, then two of 80-BF) read as Windows-1252 or Latin-1
# characters: é¡¹ for 项. Bytes Windows-1252 leaves undefined read as U+FFFD or as Latin-1's controls.
_CONTINUATION = "".join(sorted({chr(b) for b in range(0x80, 0xC0)}
                               | set(bytes(range(0x80, 0xC0)).decode("cp1252", errors="replace"))))
_MISREAD_HAN = re.compile(f"[\u00e0-\u00ef][{re.escape(_CONTINUATION)}]{{2}}")
_MOJIBAKE_SHARE = 0.3


def _is_mojibake(text: str) -> bool:
    """True when ``text`` is UTF-8 read once as Windows-1252 or Latin-1 (and saved as UTF-8 again):
    more of its characters are misread Chinese ones than Chinese ones, and they make a good share of it."""
    misread = len(_MISREAD_HAN.findall(text))
    if not misread:
        return False
    han = sum(1 for char in text if "\u3400" <= char <= "\u9fff")
    shown = sum(1 for char in text if not char.isspace())
    return misread > han and 3 * misread >= _MOJIBAKE_SHARE * shown


# Python codecs tried for Big5 text, widest first: Hong Kong (HKSCS) and Microsoft (cp950)
# extensions are common in real files.
BIG5_CODECS = ("big5hkscs", "cp950", "big5")
# Lead bytes of the frequently used characters of each standard: GB2312 level 1 (3,755
# characters) and Big5 常用字 (5,401). Chinese text decoded with the right codec is mostly made of
# these; the same bytes decoded with the other codec fall on rare characters.
_COMMON_LEAD = {"gb18030": (0xB0, 0xD7), "big5": (0xA4, 0xC6)}


def detect_cjk_codec(data: bytes) -> str | None:
    """``big5`` or ``gb18030`` for bytes that are neither UTF-8 nor UTF-16 text, else None.

    The one detector of Chinese legacy encodings: reports, tables and Shapefile records.

    Parameters
    ----------
    data : bytes
        The file's bytes (or a Shapefile's records).

    Returns
    -------
    str or None
        ``big5`` when the bytes decode as Big5 and more of their characters are common
        Big5 characters than common GB2312 ones under GB18030; ``gb18030`` otherwise; None
        when the bytes are UTF-8 or start with a UTF-8 or UTF-16 byte-order mark.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    sample = data[:200_000]
    big5 = _common_share(sample, "big5")
    if big5 is None:
        return "gb18030"
    gb = _common_share(sample, "gb18030")
    return "big5" if gb is None or big5 > gb else "gb18030"


# Of the two-byte characters of Japanese text in Shift-JIS read as GB18030, next to none are common GB2312
# ones (its lead bytes, 0x81-0x9F and 0xE0-0xEF, are GBK's rare extensions); of Chinese text at least half
# are, Traditional Chinese saved as GBK included (some 0.7).
_SHIFT_JIS_COMMON_SHARE = 0.2
# Korean text in EUC-KR is Hangul in rows 0xB0-0xC8, common GB2312 characters read as GBK: Chinese text of
# this many characters always has some beyond (是, 在, 中, 一, 路, 园) or full-width punctuation.
_HANGUL_ROWS = (0xB0, 0xC8)
_HANGUL_LEAST = 40
_TWO_BYTES = re.compile(rb"[\x81-\xfe][\x40-\xfe]")


def foreign_codec(data: bytes) -> str | None:
    """``Shift-JIS (Japanese)`` or ``EUC-KR (Korean)`` for bytes that are no UTF-8 and that code's text, which
    GB18030 would read as other characters without a word; None for Chinese (GBK) bytes and the rest.

    Parameters
    ----------
    data : bytes
        The file's bytes, no UTF-8 (the first 200,000 are weighed).
    """
    sample = data[:200_000]
    share = _common_share(sample, "gb18030")
    if share is not None and share < _SHIFT_JIS_COMMON_SHARE and _decodes(sample, "cp932"):
        return "Shift-JIS (Japanese)"
    leads = [pair[0] for pair in _TWO_BYTES.findall(sample)]
    low, high = _HANGUL_ROWS
    if len(leads) >= _HANGUL_LEAST and all(low <= lead <= high for lead in leads) and _decodes(sample, "euc_kr"):
        return "EUC-KR (Korean)"
    return None


# The codec of each foreign code :func:`foreign_codec` names (Windows' own, a superset: what a .dbf is written in).
FOREIGN_CODECS = {"Shift-JIS (Japanese)": "cp932", "EUC-KR (Korean)": "cp949"}


def _decodes(data: bytes, codec: str) -> bool:
    """Whether ``data`` is text of ``codec`` (a character cut at its end allowed)."""
    try:
        data.decode(codec)
    except UnicodeDecodeError as exc:
        return exc.start >= len(data) - 2 and _decodes(data[:exc.start], codec)
    return True


def is_single_byte_text(data: bytes) -> bool:
    """True for bytes that are text of a one-byte code page (ISO-8859-1, Windows-1252: Cimeti\\xe8re),
    not of a Chinese two-byte one: most of their bytes above ASCII stand alone between ASCII
    bytes, where a Chinese character's two bytes, and the characters of a name, come in runs."""
    import re

    high = len(re.findall(rb"[\x80-\xff]", data))
    alone = len(re.findall(rb"(?<![\x80-\xff])[\x80-\xff](?![\x80-\xff])", data))
    return high > 0 and alone > high / 2


def _common_share(data, standard):
    """Share of the two-byte characters of ``data`` that are common ones of ``standard``.

    None when the bytes are not valid in that standard (a cut last character is allowed).
    """
    codecs = BIG5_CODECS if standard == "big5" else ("gb18030",)
    for codec in codecs:
        try:
            text = data.decode(codec, errors="strict")
            break
        except UnicodeDecodeError as exc:
            if exc.start >= len(data) - 2:  # a sample cut inside the last character
                text = data[:exc.start].decode(codec, errors="strict")
                break
    else:
        return None
    low, high = _COMMON_LEAD[standard]
    total = common = 0
    for char in text:
        if char < "\u0080":
            continue
        try:
            encoded = char.encode(codecs[0] if standard == "gb18030" else "big5hkscs")
        except UnicodeEncodeError:
            continue
        if len(encoded) != 2:
            continue
        total += 1
        common += low <= encoded[0] <= high
    return common / total if total else 0.0


def _decode_big5(data, path):
    """Text of Big5 bytes, by the first of :data:`BIG5_CODECS` that decodes them all.

    Parameters
    ----------
    data : bytes
        The file's bytes.
    path : str or path-like
        The file, for the error message.

    Raises
    ------
    InputError
        No Big5 codec decodes the bytes.
    """
    for codec in BIG5_CODECS:
        try:
            return data.decode(codec).lstrip("\ufeff")
        except UnicodeDecodeError:
            continue
    raise InputError(path, "cannot decode as Big5")


def wide_unicode(data: bytes) -> str | None:
    """``"UTF-32"`` or ``"UTF-16"`` when ``data`` is text in one (by its byte-order mark, or UTF-16's
    NUL bytes without one), else None."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(data) is not None:
        return "UTF-16"
    return None


def _utf16_without_bom(data: bytes):
    """Text of UTF-16 bytes written without a byte-order mark, else None.

    In UTF-16 text most NUL bytes are the high bytes of ASCII characters (digits, line
    ends): on odd offsets for little-endian, on even ones for big-endian. A CJK character
    such as 一 (U+4E00) puts one on the other side: 22 of 179 in the bundled report.
    Binary data has them anywhere. A short text (a line or two: fewer than 8 NUL bytes) says too little
    by its NUL bytes alone, so it is read only when its characters are Chinese text, as in the mixed case.
    """
    head = data[:65536]
    odd = head[1::2].count(0)
    even = head[0::2].count(0)
    if len(data) % 2:
        return None
    if odd + even >= 8 and max(odd, even) >= 0.75 * (odd + even):
        return _utf16(data, "utf-16-le" if odd > even else "utf-16-be", plausible=False)
    # Chinese text with full-width punctuation has few ASCII characters, and CJK ones as common
    # as 一 (U+4E00) put NUL bytes on the other side: the order whose characters are Chinese text wins
    # (the order its ASCII characters' NUL bytes point to first).
    orders = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    return _utf16(data, orders[0], plausible=True) or _utf16(data, orders[1], plausible=True)


# CJK characters and punctuation, full-width forms, ASCII text: Chinese text decoded in its byte order is
# almost all of these; in the other order, its characters scatter over the whole of Unicode.
_CHINESE_TEXT = re.compile("[\t\n\r\x20-\x7e\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_CHINESE_SHARE = 0.9


def _utf16(data: bytes, codec: str, plausible: bool):
    """Text of ``data`` decoded with ``codec`` if it decodes and is no binary data (few control
    characters; when ``plausible``, mostly :data:`_CHINESE_TEXT`), else None."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    sample = text[:32768]
    if len(_CONTROL_CHARS.findall(sample)) > max(8, len(sample) // 100):
        return None
    if plausible and len(_CHINESE_TEXT.findall(sample)) < _CHINESE_SHARE * len(sample):
        return None
    return text


def argv_bytes_problem(value: str) -> str | None:
    """What is wrong with a command-line value holding bytes that are no UTF-8 (kept by Python as
    lone surrogates, ``os.fsdecode``), naming the text they are in GBK when they are; None when it has none."""
    import os

    if not any("\udc80" <= ch <= "\udcff" for ch in value):
        return None
    data = os.fsencode(value)
    try:
        as_gbk = data.decode("gb18030")
    except UnicodeDecodeError:
        as_gbk = None
    said = f"; read as GBK they are {as_gbk!r}" if as_gbk is not None else ""
    return (f"holds bytes that are no UTF-8 ({data[:24]!r}{'…' if len(data) > 24 else ''}){said}: the terminal or "
            "script that passed it is not in UTF-8; type it in a UTF-8 terminal, or save the script as UTF-8")

