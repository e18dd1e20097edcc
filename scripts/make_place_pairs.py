#!/usr/bin/env python3
"""Write geo/data/place_pairs.txt: the county and city names that a stop word may cut inside, by pair.

Extraction looks up, where a stop word ends, the county or city name written across its edge
(geo.extract.place_words.place_across). Building that table from geo/data/china_counties.csv and
the stop words of the lexicon took about 63 M instructions in each process of a long text's
extraction (reading the CSV's every column about 31 M, grouping the names about 31 M); the
file is read in about 11 M. It holds, for each two adjacent characters of a name whose first is
the last character of a stop word (:data:`geo.lexicon_lookups.STOP_LAST_CHARS`), the names that
hold them at one offset and have one length: a line ``pair<TAB>offset<TAB>length<TAB>names``
(names separated by spaces, in code point order), the lines of a pair in the order a look-up
tries them (longest names first; of two as long, the pair further into the name first). The
names are those of every bundled county and of its city (``geo.data.county_and_city_names``) and
the bare form of one ending in 市, 县, 区 or 旗 with :data:`geo.settings.PLACE_WORD_MIN_BARE`
characters or more before it (五家渠 of 五家渠市). Deterministic: the same county list, stop words
and setting, the same bytes; ``tests/test_extract_place_words.py`` checks the file against them,
so a change to any of them is followed by a run of this script.

Usage: python scripts/make_place_pairs.py [--check]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # loaded by file from the tests, too
sys.path.insert(0, str(ROOT))

from generated_files import write_or_check  # noqa: E402 - scripts/generated_files.py
from geo import data as geo_data  # noqa: E402 - after the path
from geo.extract.place_words import LEVEL_ENDINGS, PLACE_PAIRS_PATH  # noqa: E402
from geo.lexicon_lookups import STOP_LAST_CHARS  # noqa: E402
from geo.settings import PLACE_WORD_MIN_BARE  # noqa: E402

HEADER = (
    "# County and city names (and their bare forms) by two adjacent characters, the first the last\n"
    "# character of a stop word: pair, offset of the pair in the names, the names' length, the names.\n"
    "# Made by scripts/make_place_pairs.py from china_counties.csv and the lexicon's stop words.\n"
)


def names_by_pair():
    """{pair: ((offset, length, frozenset of names), ...)} from the county list and the stop words,
    each pair's groups longest names first (of two as long, the larger offset first)."""
    names = set()
    for name in geo_data.county_and_city_names():
        if len(name) < 2:
            continue
        names.add(name)
        if name[-1] in LEVEL_ENDINGS and len(name) - 1 >= PLACE_WORD_MIN_BARE:
            names.add(name[:-1])  # 五家渠 of 五家渠市, 乌鲁木齐 of 乌鲁木齐市
    groups = defaultdict(set)
    for name in names:
        for offset in range(len(name) - 1):
            if name[offset] in STOP_LAST_CHARS:  # (the pairs looked up open with a stop word's last character)
                groups[name[offset:offset + 2], offset, len(name)].add(name)
    pairs = defaultdict(list)
    for (pair, offset, length), found in groups.items():
        pairs[pair].append((offset, length, frozenset(found)))
    return {pair: tuple(sorted(found, key=lambda g: (-g[1], -g[0]))) for pair, found in pairs.items()}


def table_text(pairs):
    """The file's text for ``pairs`` (as :func:`names_by_pair` gives them)."""
    lines = [HEADER]
    for pair in sorted(pairs):
        for offset, length, names in pairs[pair]:
            if any(" " in name or "\t" in name or "\n" in name for name in names):
                raise ValueError(f"a name holds a space, tab or line break: {sorted(names)}")
            lines.append(f"{pair}\t{offset}\t{length}\t{' '.join(sorted(names))}\n")
    return "".join(lines)


def main():
    return write_or_check(__doc__.splitlines()[0], PLACE_PAIRS_PATH, lambda: table_text(names_by_pair()), "the county list and stop words")


if __name__ == "__main__":
    sys.exit(main())
