"""Villages and townships listed as the region works lie in (A村、B村等地多处道路): context, no project."""

from __future__ import annotations

import re

from geo.lexicon import LISTED_REGIONS, TOWNSHIP_SUFFIXES, VILLAGE_SUFFIXES
from geo.lexicon_lookups import ACTION_INDEX, FILLER_INDEX
from geo.extract.rule_gates import only_for
from geo.settings import REGION_LIST_ITEMS

# What ends a settlement's name (青山村, 白石社区, 红枫镇).
_SETTLEMENT_ENDS = tuple(TOWNSHIP_SUFFIXES) + tuple(VILLAGE_SUFFIXES)
# The rest of the list (、B村及C村: up to REGION_LIST_ITEMS items of 1-12 characters, none holding a
# join, so a list is read one way) and 等 with a place word closing it (等地, 等处, 等区域), not a word
# it opens (等地块, 等地产, 等处理).
_REGION_CLOSE = re.compile(r"(?:[、及和与][^、及和与,,。;;:!?\n等]{{1,12}}){{0,{}}}等(?:{})(?![块产段标理置])".format(
    REGION_LIST_ITEMS, "|".join(sorted(map(re.escape, LISTED_REGIONS), key=lambda word: (-len(word), word)))))
_REGION_CATEGORIES = ("village", "area")
# Fillers that open no works (等处的胡同); any other (实施, 全面, 进行) leads to the places' own works.
_NOT_WORKS_FILLERS = (None, "的")


@only_for(lambda category, kind: category in _REGION_CATEGORIES)
def region_listed(case):
    """针对青山村、白石村及红枫村等地多处老旧道路进行整修, 对青山社区、白石社区等处的胡同进行硬化:
    villages, communities and townships a list closes with 等地 or 等处 are where the works named after
    them lie (the roads, the lanes), no project of their own; works said right after the list
    (对青山村、白石村等地实施亮化工程, 等地进行) are the places' own and keep them.

    Parameters
    ----------
    case : geo.extract.record_rules.Case
        The mention, its text and its clause.

    Returns
    -------
    bool
        True when the mention is such a region.
    """
    mention, norm = case.mention, case.norm
    if mention.category not in _REGION_CATEGORIES or not norm.endswith(_SETTLEMENT_ENDS, 0, mention.end):
        return False
    close = _REGION_CLOSE.match(norm, mention.end)
    if close is None or ACTION_INDEX.at(norm, close.end()) is not None:
        return False
    return FILLER_INDEX.at(norm, close.end()) in _NOT_WORKS_FILLERS  # (等地实施, 等地全面推进: the works' own)
