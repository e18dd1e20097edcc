"""Counts whose noun is left out: the noun of the count said just before them (扩建学校3所,新建成5所)."""

from __future__ import annotations

import re
from itertools import islice

from geo.lexicon import ADDING_VERBS, COUNT_REST_WORDS, COUNT_STATE_WORDS, PHASE_VERBS
from geo.lexicon_lookups import ACTION_INDEX, ACTIONS_SORTED, longest_first, match_any
from geo.extract.counts import group_record
from geo.extract.works import skip_adverbs
from geo.extract.patterns import CN_DIGITS, NUM
from geo.numbers import parse_number
from geo.settings import STATE_COUNT_LOOKBACK

# What a clause holds after its works: a count and its unit alone (改扩建5所, 新建成5所。).
_UNITS = "所座个处条家"
_BARE_COUNT = re.compile(rf"[了成]?(?P<num>{NUM})(?P<unit>[{_UNITS}])\s*")
_SHARE = "其中"  # 其中新建5所: the share of a count before it is counted the same way
# Verbs of a phase or of adding that may stand for the works before a bare count (其中完成改造9个, 新增3所).
_PHASE_WORDS = longest_first(tuple(PHASE_VERBS) + tuple(ADDING_VERBS))
_ITEM_BREAK = "、"  # 新建学校3所、改扩建5所: the items of a clause
# A unit ending an item (before white space only): where an item can be a bare count (\s is what str.isspace tells).
_UNIT_ENDS_ITEM = re.compile(rf"[{_UNITS}]\s*(?:{_ITEM_BREAK}|\Z)")
# A clause opening with a bare count and the state of its works (还有80个正在开展前期设计, 2处正在推进).
_STATE_COUNT = re.compile(rf"(?:{'|'.join(COUNT_REST_WORDS)})?(?P<num>{NUM})(?P<unit>[{_UNITS}])"
                          rf"(?:{'|'.join(COUNT_STATE_WORDS)})")
# The characters such a clause may open with (a word of COUNT_REST_WORDS or a numeral; a digit is
# told apart by str.isdecimal, as the pattern's \d reads it): a clause opening otherwise is not matched.
_STATE_OPENERS = frozenset("".join(word[0] for word in COUNT_REST_WORDS) + CN_DIGITS)


def elided_counts(norm, start, end, earlier, states=True):
    """A list item or clause made of works and a bare count counts the noun of the count before it.

    新建学校3所、改扩建5所 and 扩建学校3所,新建成5所: the second count is of schools too, with
    works of its own. The noun is taken from the last unnamed group before it (in ``earlier``,
    the sentence's records so far) whose count has the same unit; without one nothing is counted.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The clause.
    earlier : list of Record
        The sentence's records so far, the clause's own included (last).
    states : bool
        Whether a clause opening with a bare count and the state of its works counts the noun of
        the group before it (31个老旧小区正在施工,还有80个正在开展前期设计): on the rules' first reading
        only, where the clause's own records come last.

    Returns
    -------
    list of Record
        One unnamed group record per such item.
    """
    opening = norm[start]
    state = _STATE_COUNT.match(norm, start, end) if states and (opening in _STATE_OPENERS or opening.isdecimal()) else None
    if state is not None:
        record = _state_count(norm, state, end, earlier)
        return [record] if record is not None else []
    if _UNIT_ENDS_ITEM.search(norm, start, end) is None:
        return []  # (most clauses: no item ends with a unit, no item looked at)
    out = []
    item_start = start
    while item_start < end:
        item_end = norm.find(_ITEM_BREAK, item_start, end)
        item_end = end if item_end < 0 else item_end
        last = item_end - 1
        while last > item_start and norm[last].isspace():
            last -= 1
        if norm[last] in _UNITS:  # (most items end otherwise: nothing more looked up)
            record = _elided_count(norm, item_start, item_end, (earlier, states), out)
            if record is not None:
                out.append(record)
        item_start = item_end + 1
    return out


def _state_count(norm, match, end, earlier):
    """The group of a clause opening with a bare count and the state of its works (31个老旧小区正在施工,
    还有80个正在开展前期设计: the 80 are compounds too), counting the noun of the last unnamed group
    before it in the same unit; None without one, or when a rule counted it already."""
    value = parse_number(match.group("num"))
    count_start, count_end = match.start("num"), match.end("unit")
    if value is None or norm.find("的", match.end(), end) >= 0:
        return None  # (3个正在建设的产业园: the count counts the noun after it)
    unit, before = match.group("unit"), None
    for record in islice(reversed(earlier), STATE_COUNT_LOOKBACK):  # (the clause's own records come last)
        if record.start < count_end and record.end > count_start:
            return None  # a rule counted it already
        if not record.named and record.start < count_start and (record.quantity or {}).get("unit") == unit:
            before = record
            break
    if before is None:
        return None
    verb = ACTION_INDEX.first_in(norm, match.end(), end)
    return group_record(before.category, verb[1] if verb else None, (count_start, count_end), before.base,
                        before.base[1] - 1, {"value": value, "unit": unit})


def _elided_count(norm, start, end, reading, out):
    """The group of one list item or clause (see :func:`elided_counts`), or None; ``reading`` the
    sentence's records so far and which reading made them, ``out`` the clause's groups made before it."""
    pos = start + len(_SHARE) if norm.startswith(_SHARE, start) else start
    pos = skip_adverbs(norm, pos, end)[0]  # (其中已完工8个, 正在施工3个: the adverbs and times before the works)
    action = None
    while (word := match_any(norm, pos, ACTIONS_SORTED) or match_any(norm, pos, _PHASE_WORDS)) is not None:
        action, pos = word, pos + len(word)
    count = _BARE_COUNT.fullmatch(norm, pos, end) if action is not None else None
    value = parse_number(count.group("num")) if count else None
    if value is None:
        return None
    unit, count_end = count.group("unit"), count.end("unit")
    seen = _seen(*reading)  # (indexed only once an item is a bare count: most are not)
    if seen.covers(pos, count_end) or any(r.start < count_end and r.end > pos for r in out):
        return None  # a rule counted it already
    before = next((r for r in reversed(out) if r.start < start and r.quantity.get("unit") == unit), None) \
        or seen.last_group(unit, start)
    if before is None:
        return None
    return group_record(before.category, action, (pos, count_end), before.base, before.base[1] - 1,
                         {"value": value, "unit": unit})


class _Seen:
    """The spans a sentence's records cover and its unnamed groups by unit, kept up to date as the
    records of one reading grow (they are only appended to): a bare count is looked up in the time
    of its own length, not of the records before it (a sentence of thousands of clauses stays linear)."""

    __slots__ = ("records", "states", "count", "covered", "groups")

    def __init__(self, records, states):
        self.records, self.states, self.count, self.covered, self.groups = records, states, 0, set(), {}

    def update(self):
        """Take in the records appended since the last look."""
        for record in self.records[self.count:]:
            self.covered.update(range(record.start, record.end))
            if not record.named and record.quantity:
                self.groups.setdefault(record.quantity.get("unit"), []).append(record)
        self.count = len(self.records)
        return self

    def covers(self, start, end):
        """True when a record covers a character of ``norm[start:end]``."""
        return not self.covered.isdisjoint(range(start, end))

    def last_group(self, unit, before):
        """The last unnamed group counted in ``unit`` (in the records' order) starting before ``before``."""
        return next((r for r in reversed(self.groups.get(unit, ())) if r.start < before), None)


_SEEN = [None]  # the _Seen of the reading under way (its records' list and reading)


def _seen(records, states):
    """The :class:`_Seen` of ``records`` (one reading of a sentence: ``states`` tells which), up to date."""
    seen = _SEEN[0]
    if seen is None or seen.records is not records or seen.states != states or seen.count > len(records):
        seen = _SEEN[0] = _Seen(records, states)
    return seen.update()
