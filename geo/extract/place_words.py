"""County and city names (geo/data/china_counties.csv) that a stop word cuts inside.

A stop word may be the first or last character of a place name the name opens with: 原 (former) in
太原市第一外国语学校分校, the join 和 in 和县第二中学. The
bundled county list says where such a word may be a place: :func:`place_across` finds the county or city
name written across the edge a stop word would cut. A join may still join a list before a county named
after it (县城文化中心和县广播电视台): :func:`written_elsewhere` tells whether the report writes the place
somewhere else too (see geo.extract.stems._place_cut).
"""

from __future__ import annotations

import functools
from collections import defaultdict

from geo import data as geo_data
from geo.lexicon import LEVEL_COMPOUNDS
from geo.lexicon_lookups import STOP_LAST_CHARS
from geo.settings import PLACE_WORD_MIN_BARE

_LEVEL_ENDINGS = "市县区旗"


@functools.lru_cache(maxsize=1)
def _names_by_pair():
    """{two adjacent characters: ((offset of the pair in a name, the names' length, frozenset of names), ...)}
    over the place names, longest names first: a look-up slices the text once per (offset, length), not once
    per name (自治 is in 271 names, in 19 such groups)."""
    names = set()
    for name in geo_data.county_and_city_names():
        if len(name) < 2:
            continue
        names.add(name)
        if name[-1] in _LEVEL_ENDINGS and len(name) - 1 >= PLACE_WORD_MIN_BARE:
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
