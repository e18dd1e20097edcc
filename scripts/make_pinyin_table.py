#!/usr/bin/env python3
"""Write geo/data/pinyin.txt: the reading of every character U+3400-U+9FFF that project ids spell.

A project's id spells its name in pinyin, each Han character by its default reading as pypinyin's
``lazy_pinyin`` gives it alone (no tones, ü as v: 绿 -> lv). Reading that table from a text file
costs about 2 ms; importing pypinyin, which parses its whole dictionary, about 35 ms of every
``geo extract`` (see :func:`geo.extract.slugs.pinyin_readings`). The file lists the characters
in code point order, 32 a line after the line's first code point in hex; ``-`` stands for a
character pypinyin leaves as it is (one with no reading). Deterministic: the same pypinyin, the
same bytes; ``tests/test_extract_pinyin.py`` checks the file against the pypinyin installed.

Usage: python scripts/make_pinyin_table.py [--check]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # loaded by file from the tests, too

from generated_files import write_or_check  # noqa: E402 - scripts/generated_files.py
TABLE_PATH = ROOT / "geo" / "data" / "pinyin.txt"
FIRST, LAST = 0x3400, 0x9FFF
PER_LINE = 32
HEADER = (
    "# The default reading of every character U+3400-U+9FFF, as pypinyin's lazy_pinyin gives it alone\n"
    "# (no tones, u-umlaut as v), for project ids (geo.extract.features). 32 characters a line after\n"
    "# the code point of the line's first in hex; - : a character pypinyin leaves as it is.\n"
    "# Made by scripts/make_pinyin_table.py from pypinyin {version}.\n"
)


def readings():
    """The reading of each character FIRST..LAST in order ("-" for none), and pypinyin's version."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    import pypinyin
    from pypinyin import lazy_pinyin

    out = []
    for code in range(FIRST, LAST + 1):
        char = chr(code)
        (reading,) = lazy_pinyin(char)
        out.append("-" if reading == char else reading)
    return out, pypinyin.__version__


def table_text(values, version):
    """The file's text for ``values`` (one reading a character, from FIRST on)."""
    lines = [HEADER.format(version=version)]
    for start in range(0, len(values), PER_LINE):
        lines.append(f"{FIRST + start:04x} {' '.join(values[start:start + PER_LINE])}\n")
    return "".join(lines)


def main():
    return write_or_check(__doc__.splitlines()[0], TABLE_PATH, lambda: table_text(*readings()), "pypinyin")


if __name__ == "__main__":
    sys.exit(main())
