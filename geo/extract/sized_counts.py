"""Groups counted right before a size or a second count of theirs (改造187个640幢131万平方米建筑,
对60片47.5万平方米里巷道路…进行整修改造): the noun after both is what the first counts."""

from __future__ import annotations

import re

from geo.extract.counted_places import works_after_jinxing
from geo.extract.counted_nouns import THING_NOUN, end_of_noun, thing_category, type_family
from geo.extract.counts import group_record, is_thing, last_action, taken_spans, works_category
from geo.extract.patterns import COUNT_RE, COUNTED_PROJECTS
from geo.lexicon import BUDGET_WORDS, COUNTED_WORKS, THING_UNITS
from geo.lexicon_lookups import match_any
from geo.numbers import parse_number
from geo.extract.works import right_action
from geo.settings import SIZED_ACTION_REACH

# A count in figures right before a second count or a size (187个|640幢131万平方米建筑, 60片|47.5万
# 平方米里巷道路, 132栋|共计4900余户的棚户区, 230个|50户以上木质房屋): the noun after both is what
# the first counts; the money of works is their size too (24个|近200亿投资额的招商引资项目, 8个|总投资30亿元的).
_BUDGET = "|".join(BUDGET_WORDS)
# (The look-behind, no digit, point or 第 before the number, is tested after its first digit: a
# pattern opening with a character class is searched for by it, one opening with a look-behind is
# tried at every position.)
_COUNT_BEFORE_SIZE = re.compile(rf"(?P<num>\d(?<![\d.第]\d)\d*)(?P<unit>{'|'.join(THING_UNITS)}|片)(?=(?:{_BUDGET})?(?:共计|共|超|近|约)?\d)")


def counted_before_size(norm, start, end, records, mentions=()):
    """Groups counted right before a second count or a size of theirs: 改造187个640幢131万平方米建筑.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The clause.
    records : list of Record
        The clause's records so far: a first count inside one of them is theirs.
    mentions : list of Mention
        The clause's mentions: a first count one of them took is theirs.

    Returns
    -------
    list of Record
        One unnamed record per count in figures (of two or more, in a unit of things or 片)
        followed by counts, sizes or money and then, after 的 or not, a noun of things (see
        :func:`is_thing`), in a clause that says works (right after the noun, before the count,
        or after the 进行 of 对 … 进行, past the list the noun opens; a noun of works, 工程/项目,
        says them itself); its category that of a stem word in the noun or of the place type it ends
        with, else ``project`` for works.
    """
    out, taken, sized = [], None, start
    for match in _COUNT_BEFORE_SIZE.finditer(norm, start, end):
        if match.start() < sized:
            continue  # (640幢 of 187个640幢…: a size of the count before it)
        pos = match.end()
        while (size := COUNT_RE.match(norm, pos, end) or _HOUSEHOLDS.match(norm, pos, end)
               or _MONEY.match(norm, pos, end)) is not None:
            pos = size.end()  # (640幢131万平方米: sizes one after another)
        sized = pos
        pos += norm.startswith("的", pos)
        run = THING_NOUN.match(norm, pos, end) if sized > match.end() else None
        noun_end = end_of_noun(norm, pos, run.end()) if run else pos
        not_yet = norm.find("未", pos + 2, noun_end)  # (27条共320公里通村水泥路|未硬化)
        noun_end = not_yet if not_yet > 0 else noun_end
        noun_end += len(match_any(norm, noun_end, COUNTED_WORKS) or "")  # (招商引资|项目: the works noun closes it)
        noun = norm[pos:noun_end]
        value = parse_number(match.group("num"))
        if len(noun) < 2 or not value or value < 2 or not is_thing(noun):
            continue
        lo = max(start, match.start() - SIZED_ACTION_REACH)
        action = right_action(norm, noun_end, end) or last_action(norm, lo, match.start()) \
            or works_after_jinxing(norm, lo, match.start(), noun_end, end)  # (对60片…道路、7条…、12片…进行整修)
        category = _size_counted_category(noun, action)
        if noun.endswith(COUNTED_WORKS):
            category = category or COUNTED_PROJECTS  # (实施了3条28.4公里的通村道路生命安全防护工程: works itself)
        elif category is None or action is None:
            continue
        if taken is None:
            taken = taken_spans(records, mentions, start, end)
        if taken.hit(match.start(), match.end()):
            continue
        out.append(group_record(category, action, (match.start(), noun_end), (pos, noun_end), noun_end - 1,
                                 {"value": value, "unit": match.group("unit")}))
    return out


_MONEY = re.compile(rf"(?:{_BUDGET})?(?:共计|共|超|近|约|达)?\d+(?:\.\d+)?(?:余|多)?[万亿]元?(?:{_BUDGET})?(?:以上|左右)?")  # (近200亿投资额)
_HOUSEHOLDS = re.compile(r"(?:共计|共|超|近)?\d+(?:余|多)?户(?:以上|左右)?")  # (132栋共计4900余户的棚户区)


def _size_counted_category(noun, action):
    """The category of a noun counted before its size: a stem word's, or its place type's (a road
    type's by the works: 60片里巷道路 整修), else None."""
    category = thing_category(noun)
    if category is None and (family := type_family(noun)) is not None:
        category = works_category(family, action)
    return category
