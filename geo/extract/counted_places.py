"""Places counted before their type when the noun goes on past it (13个村饮水除氟, 9个小区隔墙) or
its clause says no works right after it (以8个县城路口为改造重点): no mention reads such a type."""

from __future__ import annotations

import re

from geo.lexicon import (
    ALL_OF,
    ADDING_VERBS, BUS_WORDS, COUNTED_AFTER_VERBS, COUNTED_PLACE_VERBS, DEVICE_NOUNS, PHASE_VERBS,
    PLACE_AS_UNIT, THING_UNITS, UNCOUNTED_NOUNS, heads)
from geo.lexicon_lookups import ACTION_INDEX, match_any
from geo.extract.counted_nouns import thing_category
from geo.extract.counts import LOCATIVE_BEFORE_COUNT, works_category, group_record, stock_counted
from geo.extract.model import Covered
from geo.extract.works import skip_adverbs
from geo.numbers import parse_number
from geo.settings import COUNTED_PLACE_REACH, COUNTED_PLACE_STEM

_NUMERALS = "一二两三四五六七八九十百"
# A count of things (13个, 两条, 177座): digits, or numerals no numeral or digit stands before.
# (One class opens it, a digit or a numeral, that the text is searched for; the look-behind, no
# digit, point, 第 or numeral before the number, is tested after it, and then what the first
# character was: the rest of the digits or of the numerals.)
_PLACE_COUNT = re.compile(rf"(?P<num>[\d{_NUMERALS}](?<![\d.第{_NUMERALS}][\d{_NUMERALS}])"
                          rf"(?:(?<=\d)\d*|(?<=[{_NUMERALS}])[{_NUMERALS}]{{0,2}}))(?:余|多)?(?P<unit>{'|'.join(THING_UNITS)})")
# A count in digits written right before a place type that is its own unit (31村, 9屯: ``place_as_unit``).
_BARE_COUNT = re.compile(rf"(?P<num>\d(?<![\d.第]\d)\d*)(?P<unit>)(?={'|'.join(PLACE_AS_UNIT)})")
_KINDS = frozenset({"name", "facility", "generic"})  # heads that name places (not skip, none)


def counted_places(norm, clause_spans, records):
    """Groups of places counted right before their type, that no record of the sentence took.

    Parameters
    ----------
    norm : str
        The normalised text.
    clause_spans : list of (int, int)
        The sentence's clauses (their works are looked for within them), in order.
    records : list of Record
        The sentence's records, the tagger's names among them: a count inside one of them is theirs.

    Returns
    -------
    list of Record
        One unnamed record per count of two or more in a unit of things (``thing_unit``),
        followed within a few characters of Han text by a place type of the lexicon (not ``skip``
        or ``none``): 完成13个村饮水除氟, 并联拆除周边9个小区隔墙, 以8个县城路口为改造重点. No
        mention reads such a type (the noun goes on past it, or no works follow it). The clause
        must say works (a works word before the count or right after the type); a stock (现有,
        原有), a count after 在 (where), one a record states already, one inside a record (an aside
        of a name: 房产小区(3栋楼)) are none. Its category is the type's (a road's by its works; a stem
        type's by a stem word in the noun).
    """
    if not clause_spans:
        return []
    out, taken, stated = [], None, None
    for start, end in clause_spans:
        for match in _counts_in(norm, start, end):
            value = parse_number(match.group("num"))
            if not value or value < 2 or LOCATIVE_BEFORE_COUNT.search(norm, max(start, match.start() - 3), match.start()):
                continue  # (在全省15个…县: where the works are)
            found = _type_after(norm, match.end(), end)
            if found is None:
                continue
            head_start, head_end, family = found
            if taken is None:  # (marked once a count is found: most sentences hold none)
                taken = Covered(clause_spans[0][0], clause_spans[-1][1], [(r.start, r.end) for r in records])
                stated = _stated_values(records)
            if value in stated or taken.hit(match.start(), head_end) \
                    or not _counts_places(norm, match.end(), head_end, end):
                continue
            action = _works_of(norm, match.start(), head_end, start, end)
            if action is None or stock_counted(norm, match.start()):
                continue
            noun = norm[match.end():head_end]
            category = thing_category(noun) if family == "stem" else works_category(family, action)
            if category is None:
                continue
            out.append(group_record(category, action, (match.start(), head_end), (match.end(), head_end), head_start,
                                    {"value": value, "unit": match.group("unit") or norm[head_start:head_end]}))
            taken.add(match.start(), head_end)
    return out


def _counts_in(norm, start, end):
    """The counts of things in ``norm[start:end]`` in order: in a unit (13个, 两条), or in digits
    right before a type that is its own unit (完成上袁等31村…, 9屯饮水改造工程)."""
    found = list(_PLACE_COUNT.finditer(norm, start, end))
    bare = list(_BARE_COUNT.finditer(norm, start, end))
    return sorted(found + bare, key=lambda m: m.start()) if bare else found


def _stated_values(records):
    """The counts the records state (a quantity, a list's total): a count they state is theirs
    (青松、白石2个社区卫生服务中心: the list's; 3所学校的投用: the schools counted before)."""
    stated = set()
    for record in records:
        for count in (record.quantity, record.group_total):
            if count:
                stated.add(count.get("value"))
    return stated


def _counts_places(norm, noun_start, head_end, end):
    """True when the places of the type ending at ``head_end`` are what is counted: not when 的
    follows the type (6所学校的建成: counted again), not a bus route (3条公交线路), not a
    service of the places or another noun counting no works (7栋楼物业服务: ``uncounted``; a device
    set up at them is works on the places: 增设4处交叉口信号灯, ``uncounted`` valued ``device``), not a
    bare type all of whose places did something (58个社区全部完成)."""
    if norm.startswith("的", head_end) or any(word in norm[noun_start:head_end] for word in BUS_WORDS):
        return False
    if norm[noun_start:head_end] in heads() and norm.startswith(ALL_OF, head_end):
        return False  # 全县58个社区全部完成…: the places all done, no works on them
    run = head_end
    while run < end and "\u4e00" <= norm[run] <= "\u9fff" and run - head_end < COUNTED_PLACE_REACH:
        run += 1
    noun = norm[noun_start:run]
    return not noun.endswith(UNCOUNTED_NOUNS) or noun.endswith(DEVICE_NOUNS)  # (10个路口信号灯: the junctions)


def _works_of(norm, count_start, head_end, start, end):
    """The works of places counted at ``count_start`` whose type ends at ``head_end``: said right
    after the type (its adverbs and fillers skipped; a ``counted_after_verb`` too: 为10条街道栽植垂柳),
    else the last works word (or verb of phase, of adding or ``counted_place_verb``: 完成13个村…, 增设4处…,
    实施110村…) within ``COUNTED_PLACE_REACH`` characters before the count; a verb before 后 says when
    (建成后可解决2个贫困村…: no works on them). None when there is none."""
    after = skip_adverbs(norm, head_end + norm.startswith("为", head_end), end)[0]  # (以8个路口为改造重点)
    action = ACTION_INDEX.at(norm, after) or match_any(norm, after, COUNTED_AFTER_VERBS)
    if action:
        return action  # (right after the type and its adverbs: 11个停车场实行免费开放 is no works; 为10条街道栽植)
    lo, found, at = (count_start - COUNTED_PLACE_REACH if count_start - COUNTED_PLACE_REACH > start else start), None, -1
    pos = lo
    while (hit := ACTION_INDEX.first_in(norm, pos, count_start)) is not None:
        found, at, pos = hit[1], hit[0], hit[0] + len(hit[1])
    for verb in _PHASE_OR_ADDING:
        verb_at = norm.rfind(verb, lo, count_start)
        if verb_at > at:
            found, at = verb, verb_at
    if found and not norm.startswith("后", at + len(found)):
        return found
    return works_after_jinxing(norm, lo, count_start, head_end, end)


def works_after_jinxing(norm, lo, count_start, head_end, end):
    """The works of 对 N X…进行…改造 (对48条道路、6个广场进行提升改造; 对177座公厕设施进行采暖等
    提升改造): after 对 before the count, the first works word after the 进行 that follows the type,
    each within ``COUNTED_PLACE_REACH`` characters; else None."""
    if norm.rfind("对", lo, count_start) < 0:
        return None
    doing = norm.find("进行", head_end, (head_end + COUNTED_PLACE_REACH if head_end + COUNTED_PLACE_REACH < end else end))
    hit = ACTION_INDEX.first_in(norm, doing + 2, min(end, doing + 2 + COUNTED_PLACE_REACH)) if doing >= 0 else None
    return hit[1] if hit is not None else None


_PHASE_OR_ADDING = tuple(sorted(set(PHASE_VERBS) | ADDING_VERBS | set(COUNTED_PLACE_VERBS)))  # (实施110村…)


def _type_after(norm, pos, end):
    """(start, end, family) of the first place type in the Han text after ``pos`` (within
    ``COUNTED_PLACE_STEM`` characters before it), the longest that starts there (村庄 over 村);
    None when there is none or the text breaks first."""
    table = heads()
    limit = pos + COUNTED_PLACE_STEM + 4 if pos + COUNTED_PLACE_STEM + 4 < end else end
    for e in range(pos + 1, limit + 1):
        if not "\u4e00" <= norm[e - 1] <= "\u9fff" or norm[e - 1] == "的":
            return None  # (36个班的初级中学: a description)
        for length in range(4 if e - pos > 4 else e - pos, 0, -1):
            row = table.get(norm[e - length:e])
            if row is not None and row[1] in _KINDS and row[0] not in (None, "members"):
                s, stop = e - length, e
                while stop < limit and (longer := table.get(norm[s:stop + 1])) is not None:
                    stop, row = stop + 1, longer if longer[1] in _KINDS else row  # (村 → 村庄; 街 → 街道, a road)
                return (s, stop, row[0]) if s - pos <= COUNTED_PLACE_STEM else None
    return None
