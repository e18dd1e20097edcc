"""Counts listed before a counted group that share its noun: each a count and a qualifier alone
(建设1个220千伏和4个110千伏输变电工程, 推进1个主辅型、2个多点型和3个乡村型党群服务中心)."""

from __future__ import annotations

import bisect
import re

from geo.lexicon import COUNT_QUALIFIERS, THING_UNITS
from geo.extract.counts import group_record
from geo.extract.patterns import CN_DIGITS, LIST_JOIN_CHARS, NUM, RATING_RE
from geo.numbers import parse_number
from geo.settings import SHARED_COUNT_LOOKBACK, SHARED_COUNT_NAMED_BEFORE

# What stands between a count and the noun a later count of its list names: a rating (220千伏,
# 10万吨级), a qualifier of the lexicon (公办, 省级: ``count_qualifier``) or a kind ending in 型 (乡村型).
_QUALIFIER = rf"(?:{RATING_RE.pattern}|{'|'.join(COUNT_QUALIFIERS)}|[\u4e00-\u9fff]{{1,2}}型)"
_UNIT = "|".join(THING_UNITS)
_NUMBER_OPENERS = frozenset(CN_DIGITS)
# A count and a qualifier alone, then a joiner, ending where the group's count starts.
_LEADING = re.compile(rf"(?<![\d.{CN_DIGITS}])(?P<num>{NUM})(?P<unit>{_UNIT})(?P<mod>{_QUALIFIER})[{LIST_JOIN_CHARS}]")
# The group's own count and qualifier, at its start (4个110千伏…).
_OWN = re.compile(rf"{NUM}(?P<unit>{_UNIT})(?P<mod>{_QUALIFIER})")


def shared_counts(norm, records, sent_start):
    """Groups counted before a counted group of the sentence, in the same unit, whose nouns are
    left for the group's noun: 1个220千伏和4个110千伏输变电工程 counts one 220 kV project too.

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The sentence's records; an unnamed record a leading count and its qualifier alone made
        (公办 in 3所公办和2所民办幼儿园) is taken out of it.
    sent_start : int
        Where the sentence starts (no count is looked for before it).

    Returns
    -------
    list of Record
        One unnamed record per leading count: the group's category, works and noun (its type
        after its own qualifier), the count's value and unit. A count a named record covers, or
        one written before no group whose own count opens with a qualifier, makes none.
    """
    found, leads = [], set()
    groups = [r for r in records if not r.named and r.quantity and not r.remainder
              and r.start > sent_start and norm[r.start - 1] in LIST_JOIN_CHARS]
    if not groups:
        return found
    named = sorted((r.start, r.end) for r in records if r.named)
    for group in groups:
        own = _OWN.match(norm, group.start, group.end)
        if own is None or own.group("unit") != group.quantity.get("unit") \
                or not group.base[0] <= own.end() < group.base[1]:
            continue
        at = group.start
        while (lead := _leading(norm, max(sent_start, at - SHARED_COUNT_LOOKBACK), at)) is not None:
            if lead.group("unit") != own.group("unit") or _named_over(named, lead.start(), at):
                break
            value = parse_number(lead.group("num"))
            if not value:
                break
            leads.update(range(lead.start(), at))
            found.append(group_record(group.category, group.action, (lead.start(), lead.end("mod")),
                                      (own.end(), group.base[1]), group.mention.head_start,
                                      {"value": value, "unit": lead.group("unit")}))
            at = lead.start()
    if leads:  # (公办 of 3所公办和2所民办幼儿园: a record the count and its qualifier alone made)
        records[:] = [r for r in records if r.named or r.start not in leads]
    return found


def _leading(norm, lo, at):
    """The count, qualifier and joiner ending right at ``at`` (searched from ``lo``), else None."""
    for pos in range(lo, at - 3):
        if norm[pos] in _NUMBER_OPENERS or norm[pos].isdecimal():  # (a count opens it: most positions none)
            match = _LEADING.match(norm, pos, at)
            if match is not None and match.end() == at:
                return match
    return None


def _named_over(named, start, end):
    """True when one of the named records' spans (``named``, sorted) overlaps ``norm[start:end]``: of the
    :data:`geo.settings.SHARED_COUNT_NAMED_BEFORE` last starting before ``end``."""
    at = bisect.bisect_left(named, (end,))
    return any(s < end and start < e for s, e in named[max(0, at - SHARED_COUNT_NAMED_BEFORE):at])
