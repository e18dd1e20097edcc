"""Counts whose noun is left out: the noun of the count said just before them (扩建学校3所,新建成5所)."""

from __future__ import annotations

import re

from geo.lexicon import ACTIONS_SORTED, match_any
from geo.extract.counts import _group_record
from geo.extract.patterns import NUM
from geo.numbers import parse_number

# What a clause holds after its works: a count and its unit alone (改扩建5所, 新建成5所。).
_BARE_COUNT = re.compile(rf"[了成]?(?P<num>{NUM})(?P<unit>[所座个处条家])\s*")
_SHARE = "其中"  # 其中新建5所: the share of a count before it is counted the same way


def elided_counts(norm, start, end, earlier):
    """A clause made of works and a bare count counts the noun of the last count before it.

    新建学校3所、改扩建5所 and 扩建学校3所,新建成5所: the second count is of schools too, with
    works of its own. The noun is taken from the last unnamed group of the sentence so far
    (``earlier``) whose count has the same unit; without one nothing is counted.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The clause, which made no record of its own.
    earlier : list of Record
        The sentence's records before the clause.

    Returns
    -------
    list of Record
        One unnamed group record, or none.
    """
    pos = start + len(_SHARE) if norm.startswith(_SHARE, start) else start
    action = None
    while (word := match_any(norm, pos, ACTIONS_SORTED)) is not None:
        action, pos = word, pos + len(word)
    if action is None:
        return []
    count = _BARE_COUNT.fullmatch(norm, pos, end)
    value = parse_number(count.group("num")) if count else None
    if value is None:
        return []
    unit = count.group("unit")
    before = next((r for r in reversed(earlier) if not r.named and r.start < start
                   and (r.quantity or {}).get("unit") == unit), None)
    if before is None:
        return []
    return [_group_record(before.category, action, (pos, count.end("unit")), before.base, before.base[1] - 1,
                          {"value": value, "unit": unit})]
