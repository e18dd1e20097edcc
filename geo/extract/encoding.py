"""Reading a report file: UTF-8, UTF-16, GB18030/GBK or Big5, told apart by the characters each decoding gives."""

from __future__ import annotations

from pathlib import Path

from geo.io import InputError, decode_text, read_bytes_limited

ENCODINGS = ("auto", "utf-8", "gb18030", "big5")
# Python codecs tried for Big5 text, widest first: Hong Kong (HKSCS) and Microsoft (cp950)
# extensions are common in real files.
_BIG5_CODECS = ("big5hkscs", "cp950", "big5")
# Lead bytes of the frequently used characters of each standard: GB2312 level 1 (3,755
# characters) and Big5 常用字 (5,401). Chinese text decoded with the right codec is mostly made of
# these; the same bytes decoded with the other codec fall on rare characters.
_COMMON_LEAD = {"gb18030": (0xB0, 0xD7), "big5": (0xA4, 0xC6)}


def read_report(path, encoding: str = "auto") -> str:
    """Read a report file as text.

    Parameters
    ----------
    path : str or path-like
        The report (plain text).
    encoding : {"auto", "utf-8", "gb18030", "big5"}
        ``auto`` detects UTF-8 (with or without BOM), UTF-16 (with BOM), GB18030/GBK or
        Big5: when the bytes are not UTF-8, the decoding whose characters are mostly common
        ones (GB2312 level 1, Big5 常用字) wins.

    Returns
    -------
    str
        The decoded text, without a byte-order mark.

    Raises
    ------
    geo.io.InputError
        The file is missing, empty, binary, undecodable, or the encoding is unknown.
    """
    if encoding not in ENCODINGS:
        raise InputError(path, f"unknown encoding {encoding!r} (use one of: {', '.join(ENCODINGS)})")
    data = read_bytes_limited(path)  # a file or a pipe, within the size limit
    path = Path(path)
    if encoding == "big5" or (encoding == "auto" and detect_cjk_codec(data) == "big5"):
        return _decode_big5(data, path).lstrip("\ufeff")
    return decode_text(data, path, encoding).lstrip("\ufeff")


def detect_cjk_codec(data: bytes) -> str | None:
    """``big5`` or ``gb18030`` for bytes that are neither UTF-8 nor UTF-16 text, else None.

    Parameters
    ----------
    data : bytes
        The file's bytes.

    Returns
    -------
    str or None
        ``big5`` when the bytes decode as Big5 and more of their characters are common
        Big5 characters than common GB2312 ones under GB18030; ``gb18030`` otherwise; None
        when the bytes are UTF-8 or start with a UTF-16 byte-order mark.
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


def _common_share(data, standard):
    """Share of the two-byte characters of ``data`` that are common ones of ``standard``.

    None when the bytes are not valid in that standard (a cut last character is allowed).
    """
    codecs = _BIG5_CODECS if standard == "big5" else ("gb18030",)
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
    for codec in _BIG5_CODECS:
        try:
            return decode_text(data, path, codec)
        except InputError:
            continue
    raise InputError(path, "cannot decode as Big5")
