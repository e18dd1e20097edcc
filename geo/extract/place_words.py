"""County and city names (geo/data/china_counties.csv, by pair in geo/data/place_pairs.txt) that a stop word cuts inside.

A stop word may be the first or last character of a place name the name opens with: 原 (former) in
太原市第一外国语学校分校, the join 和 in 和县第二中学. The
bundled county list says where such a word may be a place: :func:`place_across` finds the county or city
name written across the edge a stop word would cut. A join may still join a list before a county named
after it (县城文化中心和县广播电视台): :func:`written_elsewhere` tells whether the report writes the place
somewhere else too (see geo.extract.stems._place_cut).
"""

from __future__ import annotations

import functools

from geo.data import DATA_DIR
from geo.lexicon import LEVEL_COMPOUNDS

# The names of the county list a stop word may cut inside, by the pair of characters it cuts
# between (made by scripts/make_place_pairs.py; tests/test_extract_place_words.py checks it).
PLACE_PAIRS_PATH = DATA_DIR / "place_pairs.txt"
# The level suffixes a county or city name is also written without (五家渠 of 五家渠市).
LEVEL_ENDINGS = "市县区旗"


@functools.lru_cache(maxsize=1)
def _names_by_pair():
    """{two adjacent characters: ((offset of the pair in a name, the names' length, frozenset of names), ...)}
    over the place names, longest names first: a look-up slices the text once per (offset, length), not once
    per name (自治 is in 271 names, in 19 such groups). Read from :data:`PLACE_PAIRS_PATH`, which
    scripts/make_place_pairs.py builds from the county list and the stop words (building it in each
    process of an extraction took about six times as long as reading it)."""
    pairs = {}
    for line in PLACE_PAIRS_PATH.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            pair, offset, length, names = line.split("\t")
            pairs.setdefault(pair, []).append((int(offset), int(length), frozenset(names.split(" "))))
    return {pair: tuple(found) for pair, found in pairs.items()}


def place_across(norm, pos, lo):
    """The (start, name) of a county or city name holding both ``norm[pos - 1]`` (the last character of a
    stop word: :data:`geo.lexicon_lookups.STOP_LAST_CHARS`) and ``norm[pos]`` and starting at or after ``lo`` (the longest; of two as long, the one starting first), or None. A
    name whose level suffix opens a word (中原区域, 开原市场: :data:`geo.lexicon.LEVEL_COMPOUNDS`) is none."""
    found = _names_by_pair().get(norm[pos - 1:pos + 1]) if pos - 1 >= lo else None
    for offset, length, names in found or ():
        start = pos - 1 - offset
        if start >= lo and norm[start:start + length] in names \
                and norm[start + length - 1:start + length + 1] not in LEVEL_COMPOUNDS:  # (中原区域: no 中原区)
            return start, norm[start:start + length]
    return None


def written_elsewhere(norm, name, start):
    """True when the report writes ``name`` at some place other than ``start`` too."""
    other = norm.find(name)
    if other == start:
        other = norm.find(name, start + 1)
    return other >= 0
