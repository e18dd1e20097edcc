"""Project ids: a deterministic ASCII slug from a category and a name, read in pinyin from a bundled table."""

from __future__ import annotations

import functools
import hashlib
import itertools
import os
import re
from pathlib import Path

from geo.names import normalise_name


def project_slug(category: str, name: str, parts=None) -> str:
    """Deterministic ASCII id from a category and a name (pinyin syllables, else a hash).

    Parameters
    ----------
    category : str
        Category code, e.g. ``school``.
    name : str
        The project name (Simplified or Traditional; it is normalised first).
    parts : tuple of str, optional
        The name's syllables as :func:`slug_parts` gives them, when already worked out.

    Returns
    -------
    str
        E.g. ``school-hui-cai-jiao-yu-ji-tuan``. A name with no pinyin (or holding a character
        only pypinyin reads, without pypinyin installed) gets ``<category>-<12 hex digits of
        SHA-1>``; long slugs are cut and end in a hash.
    """
    norm = normalise_name(name)
    prefix = category.replace("_", "-")

    def digest():  # (only a name without pinyin, or a long one, needs its hash)
        return hashlib.sha1(f"{category}|{norm}".encode("utf-8")).hexdigest()

    parts = slug_parts(norm) if parts is None else parts
    if not parts:
        return f"{prefix}-{digest()[:12]}"
    slug = "-".join([prefix, *parts])
    if len(slug) > 96:
        slug = f"{slug[:80].rstrip('-')}-{digest()[:8]}"
    return slug


def slug_parts(norm):
    """The lower-case ASCII pieces of the pinyin of a normalised name; None when a character of
    it only pypinyin reads (〇, an extension ideograph) and pypinyin is not installed."""
    syllables = _pinyin(norm)
    if syllables is None:
        return None
    return tuple(itertools.chain.from_iterable(map(_syllable_parts, syllables)))


@functools.lru_cache(maxsize=65536)
def _syllable_parts(syllable):
    """The lower-case ASCII pieces of one reading (or run of other characters): a report repeats
    its characters, and each reading is split once, not once a name."""
    return tuple(p for p in _NOT_SLUG.split(syllable.lower()) if p)


def _pinyin(text):
    # Ids use each character's default reading, looked up one character at a time:
    # the same id whatever pypinyin's phrase dictionary says (and whether it is loaded).
    table = pinyin_readings()
    if _HAN_ONLY.fullmatch(text) is not None:  # (most names: each character's reading from the table)
        return [table[ord(char) - _TABLE_FIRST] or char for char in text]
    syllables = []
    for piece in _PIECES.findall(text):  # one Han character, or a run of others
        if "\u3400" <= piece <= "\u9fff":
            syllables.append(table[ord(piece) - _TABLE_FIRST] or piece)
        elif _READ_BY_PYPINYIN.search(piece) is None:
            syllables.append(piece)  # (pypinyin gives such a run back whole)
        else:  # 〇, a compatibility or extension ideograph: pypinyin reads them
            reading = _reading()
            if reading is None:
                return None
            syllables.extend(reading(piece))
    return syllables


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_PIECES = re.compile(r"[\u3400-\u9fff]|[^\u3400-\u9fff]+")
_HAN_ONLY = re.compile(r"[\u3400-\u9fff]+")  # a name of the table's characters alone: one piece a character
# Characters beyond the table that pypinyin reads (its Han ranges, widened): a run of other
# characters is its own reading (tests/test_extract_pinyin.py checks every character of the BMP).
_READ_BY_PYPINYIN = re.compile("[\u3007\ue815-\ue864\uf900-\ufaff\U00020000-\U0003ffff]")
PINYIN_PATH = Path(__file__).resolve().parents[1] / "data" / "pinyin.txt"
_TABLE_FIRST = 0x3400


def warm():
    """Read the pinyin table, as the first project id would."""
    pinyin_readings()


@functools.lru_cache(maxsize=1)
def pinyin_readings():
    """The reading of each character U+3400-U+9FFF (index: code point - 0x3400), None where the
    character is its own, as pypinyin's ``lazy_pinyin`` gives it alone: the bundled table
    ``geo/data/pinyin.txt`` (``scripts/make_pinyin_table.py``), read in 2 ms where importing
    pypinyin takes 35 ms."""
    readings = []
    with open(PINYIN_PATH, encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                first, *row = line.split()
                if int(first, 16) != _TABLE_FIRST + len(readings):
                    raise ValueError(f"{PINYIN_PATH}: line {first} out of order")
                readings.extend(None if reading == "-" else reading for reading in row)
    if len(readings) != 0x9FFF - _TABLE_FIRST + 1:
        raise ValueError(f"{PINYIN_PATH}: {len(readings)} readings, not one for each character U+3400-U+9FFF")
    return tuple(readings)


@functools.lru_cache(maxsize=1)
def _reading():
    """pypinyin's reading of a piece, cached, or None without pypinyin."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")  # (its phrases would cost 0.15 s more)
    try:
        from pypinyin import lazy_pinyin
    except ImportError:
        return None
    return functools.lru_cache(maxsize=65536)(lambda piece: tuple(lazy_pinyin(piece)))
