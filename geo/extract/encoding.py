"""Reading a report file: UTF-8, UTF-16, GB18030/GBK or Big5, told apart by the characters each decoding gives."""

from __future__ import annotations

from pathlib import Path

from geo.io import InputError, read_bytes_limited
from geo.text_codecs import decode_text

ENCODINGS = ("auto", "utf-8", "gb18030", "big5")


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
    return decode_text(data, Path(path), encoding).lstrip("\ufeff")
