"""A counted group's breakdown by place or by year, listed right after its count (272个小区(新城区10个,
回民区50个), 改造1263个(2021年333个,2022年392个), 小区40个, 西市区15个,老边区5个): each share is a group
of the same noun, named by its place or year before the noun (新城区小区（改造）10个)."""

from __future__ import annotations

import re

from geo.lexicon import BREAKDOWN_WHOLE, COUNT_QUALIFIERS, JURISDICTION_SUFFIXES, THING_UNITS, TOWNSHIP_SUFFIXES
from geo.extract.counts import group_record
from geo.extract.model import Covered
from geo.extract.patterns import NUM
from geo.numbers import parse_number
from geo.settings import BREAKDOWN_MIN_SHARES, BREAKDOWN_QUALIFIER_CHARS

_UNIT = "|".join(THING_UNITS)
# What opens a breakdown right after the group: a bracket, or a comma, each maybe with 其中 or 含 after it.
_OPENING = re.compile(r"\s*(?:(?P<bracket>[(（])|[,，;；]\s*)(?:其中|含)?[:：,，]?\s*")
# One share: its place or year alone, then its count in the group's unit (玉泉区62个, 2021年333个).
_SHARE = re.compile(rf"(?P<qual>(?:19|20)\d{{2}}年|[\u4e00-\u9fff]{{1,{BREAKDOWN_QUALIFIER_CHARS}}}?)"
                    rf"(?P<num>{NUM})(?:余|多)?(?P<unit>{_UNIT})")
_BETWEEN = re.compile(r"\s*[,，、;；]\s*")
_PLACE_ENDINGS = tuple(JURISDICTION_SUFFIXES) + tuple(TOWNSHIP_SUFFIXES)
# A count alone in digits right before a bracket (已完成改造1263个(…): the group's noun left out.
_BARE_BEFORE_BRACKET = re.compile(rf"(?<![\d.])(?P<num>\d+)(?P<unit>{_UNIT})(?=[(（])")


def count_breakdowns(norm, records, sent_start, sent_end):
    """Groups of a sentence's counted groups' breakdowns (see the module docstring).

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The sentence's records.
    sent_start, sent_end : int
        The sentence.

    Returns
    -------
    list of Record
        One unnamed record per share of a breakdown of at least
        :data:`geo.settings.BREAKDOWN_MIN_SHARES` shares, each a place (ending 区, 县, 旗, 镇…), a
        year or a qualifier of the lexicon (省级) with a count in the group's unit, and per count in
        digits alone right before such a breakdown in brackets, no rule counted, the group it is,
        counting the noun of the last group before it in its unit. Shares a record covers make none.
    """
    groups = [r for r in records if not r.named and r.quantity and r.quantity.get("unit")]
    if not groups:
        return []
    covered = _Taken(records, sent_start, sent_end)
    found = []
    for group in groups:
        found.extend(_shares(norm, group, group.end, sent_end, covered, in_brackets=False))
    if norm.find("(", sent_start, sent_end) >= 0 or norm.find("（", sent_start, sent_end) >= 0:
        found.extend(_bare_groups(norm, groups, sent_start, sent_end, covered))
    return found


class _Taken:
    """The sentence's records' spans, marked only when a share is first looked up (most sentences have none)."""

    def __init__(self, records, start, end):
        self.records, self.start, self.end, self.marks = records, start, end, None

    def hit(self, start, end):
        """True when a record covers a character of ``norm[start:end]``."""
        if self.marks is None:
            self.marks = Covered(self.start, self.end, [(r.start, r.end) for r in self.records])
        return self.marks.hit(start, end)


def _shares(norm, group, pos, end, covered, in_brackets):
    """The share records of the breakdown opening at ``pos`` after ``group`` (see count_breakdowns)."""
    opening = _OPENING.match(norm, pos, end)
    if opening is None or in_brackets and not opening.group("bracket"):
        return []
    unit, at, shares = group.quantity["unit"], opening.end(), []
    while (share := _SHARE.match(norm, at, end)) is not None:
        value = parse_number(share.group("num"))
        if share.group("unit") != unit or not value or not _is_qualifier(share.group("qual")) \
                or covered.hit(share.start(), share.end()):
            break
        shares.append((share, value))
        between = _BETWEEN.match(norm, share.end(), end)
        if between is None:
            break
        at = between.end()
    if len(shares) < BREAKDOWN_MIN_SHARES:
        return []
    noun = group.noun or norm[group.base[0]:group.base[1]]
    return [group_record(group.category, group.action, (share.start(), share.end()), group.base,
                         group.mention.head_start, {"value": value, "unit": unit}, noun=share.group("qual") + noun)
            for share, value in shares]


def _bare_groups(norm, groups, sent_start, sent_end, covered):
    """The groups of counts in digits alone right before a breakdown in brackets (已完成改造1263个(2021年
    333个,2022年392个)), counting the noun of the last group before them in their unit, and their shares."""
    out, by_end, last, taken = [], sorted(groups, key=lambda g: g.end), {}, 0
    for bare in _BARE_BEFORE_BRACKET.finditer(norm, sent_start, sent_end):
        while taken < len(by_end) and by_end[taken].end <= bare.start():  # (the groups ending before it, once each)
            last[by_end[taken].quantity.get("unit")] = by_end[taken]
            taken += 1
        unit, value = bare.group("unit"), parse_number(bare.group("num"))
        before = last.get(unit)
        if before is None or not value or covered.hit(bare.start(), bare.end()):
            continue
        group = group_record(before.category, before.action, (bare.start(), bare.end()), before.base,
                             before.mention.head_start, {"value": value, "unit": unit})
        shares = _shares(norm, group, bare.end(), sent_end, covered, in_brackets=True)
        if shares:
            out.append(group)
            out.extend(shares)
    return out


def _is_qualifier(word):
    """True for a place (玉泉区, 托县, 白石镇), a year (2021年) or a count qualifier (省级) alone."""
    if word[:2].isdecimal():
        return True  # (the pattern reads a year only in digits)
    if word in COUNT_QUALIFIERS:
        return True
    return len(word) >= 2 and word.endswith(_PLACE_ENDINGS) and not word.startswith(BREAKDOWN_WHOLE)
