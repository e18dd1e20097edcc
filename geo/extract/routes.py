"""Roads named by a code or by the places they join: G105 and 省道S243线, county roads named A B线
(辛高线), routes in prose (蓝溪镇黄潭村到太拔镇太拔村的道路), and sections listed after a line's
own (南湖高铁东山至西山段、西山至北山段)."""

from __future__ import annotations

import re

from geo.extract.extents import extend_right
from geo.lexicon import (COUNTY_ROAD_OWNERS, COUNTY_ROAD_WORKS, COUNTY_ROAD_WORKS_BEFORE, ONE_CHARACTER_LEVELS, LINE_WORDS,
                         NOT_COUNTY_ROADS, ROAD_CLASSES, WALKWAY_WORDS, heads)
from geo.lexicon_lookups import ACTION_INDEX, category_group, is_generic, stop_ending_at
from geo.extract.model import Mention, Record
from geo.extract.patterns import BARE_ROAD_NUMBER, DASHES, HAN_RUN, TWO_HAN, CODE_RE, COUNTY_ROAD_RE, HARD_BREAKS, LENGTH_AFTER_RE
from geo.settings import MAX_STEM, ROUTE_ADDRESS_NAME_CHARS, ROUTE_COVER_REACH, ROUTE_LENGTH_REACH
from geo.extract.stems import find_stem

# A road's code right before its two-place name in 线 (G318南青线, 214省道望十线), also a county road's number
# without its letter (023黄田线, 县道026黄田线: BARE_ROAD_NUMBER).
_CODE_BEFORE_NAME = re.compile(rf"(?:(?<![0-9A-Za-z])[GSXY]\d{{1,4}}|(?<![0-9])\d{{2,4}}(?:国道|省道|县道)|{BARE_ROAD_NUMBER})$")
_JOINED_PLACES = re.compile(r"[\u4e00-\u9fff]{2,5}(?P<to>至)[\u4e00-\u9fff]{2,5}$")
# The first place of a two-place name in 线 whose second place is the name's own (璧山至铜梁线).
_FROM_PLACE = re.compile(r"[\u4e00-\u9fff]{2,5}(?P<to>至)$")
# The first place of a route written with one dash right before a named road (梅力盖图—|凉城岱海路; a double
# dash heads what follows: 民生工程——花泥路, 明代古桥——太平桥).
_JOINS = "至—–-"  # a route's join: 至, or a dash (梅力盖图—凉城岱海路)
_FROM_PLACE_DASHED = re.compile(rf"[\u4e00-\u9fff]{{2,5}}(?P<to>[{_JOINS[1:]}])$")
_ROUTE_JOINS = re.compile(f"[{_JOINS}]")


def code_mention(norm, match, clause_start, clause_end):
    """A road or rail code (G105, 省道S243线, 地铁6号线): the code is the whole base name."""
    category = "rail" if match.re is CODE_RE and match.group("rail") else "road"
    if category == "road" and _LINE_CODE.match(match.group()) and \
            _RAIL_BEFORE.search(norm, max(clause_start, match.start() - 4), match.start()):
        category = "rail"  # 市域铁路S2线, 轨道交通S1线: a rail line's letter, not a provincial road
    # The verb right before the code governs it (开工建设S306线...: a new road).
    start = _places_joined_before(norm, match.start(), clause_start) if category == "road" else match.start()
    if match.re is COUNTY_ROAD_RE and start == match.start():
        start = _places_joined_before(norm, start, clause_start, _FROM_PLACE)  # 璧山至铜梁线: the line's first place
    if match.re is COUNTY_ROAD_RE:
        coded = _CODE_BEFORE_NAME.search(norm, (start - 6 if start - 6 > clause_start else clause_start), start)
        start = coded.start() if coded is not None else start  # G318南青线, 214省道望十线: the code is part of the name
        start = _county_before(norm, start, clause_start)  # 射阳县合海线: the county whose road it is
    elif start == match.start() and _LINE_CODE.match(match.group()):
        start = _abbreviation_before(norm, start, clause_start)  # 锡澄S1, 宁句S6线: the places it joins, abbreviated
    stop = stop_ending_at(norm, start, clause_start)
    mention = Mention(
        head=match.group(0), category=category, kind="code",
        stem_start=start, head_start=match.start(), head_end=match.end(),
        stop=stop, stop_start=start - len(stop) if stop else None,
    )
    extended = extend_right(norm, mention, clause_end)
    if extended is None and match.re is _JOINED_LONG_NAME:
        mention.end = mention.head_end  # 宁凤线和罗伯克线集中连片…项目: the joined names end there
        return mention
    return extended


# A line's code that a two-place abbreviation may precede (S1, S6线; not 国道 or 省道 codes).
_LINE_CODE = re.compile(r"[SR]\d{1,2}线?$")
# A rail word right before a line's code: the code is a rail line's (市域铁路S2线, 城际铁路S1线).
_RAIL_BEFORE = re.compile(r"(?:铁路|轨道交通|轨交|轨道|轻轨|快轨|城轨|地铁)$")


def _abbreviation_before(norm, pos, clause_start):
    """Start of the two-place abbreviation right before a line's code at ``pos`` (锡澄 of 锡澄S1),
    when it follows a break or a stop word; else ``pos``."""
    before = pos - 2
    if before < clause_start or not TWO_HAN.fullmatch(norm, before, pos) or stop_ending_at(norm, pos, clause_start):
        return pos
    if before == clause_start or norm[before - 1] in HARD_BREAKS or stop_ending_at(norm, before, clause_start):
        return before
    return pos


def _places_joined_before(norm, pos, clause_start, joined=_JOINED_PLACES, after=frozenset()):
    """Start of 'A至B' right before a road code at ``pos`` (中川至永登G341), or of 'A至' right before
    a two-place name in 线 (璧山至|铜梁线), else ``pos``. A verb ending at 至 (延伸至) joins no place.
    A character of ``after`` before A also ends it (an address's last character, see :func:`first_end`)."""
    match = joined.search(norm, (pos - 11 if pos - 11 > clause_start else clause_start), pos)
    if match is None or _verb_ending_at(norm, match.start("to")):
        return pos
    for start in range(match.start("to") - 2, match.start() - 1, -1):
        if start == clause_start or norm[start - 1] in HARD_BREAKS or norm[start - 1] in after \
                or stop_ending_at(norm, start, clause_start) \
                or _RAIL_BEFORE.search(norm, (start - 4 if start - 4 > clause_start else clause_start), start):
            return start  # (市郊铁路|璧山至铜梁线: a rail word before the places is the line's kind)
    return pos


def _verb_ending_at(norm, pos):
    """True when a works word or a stop word ends at ``pos`` (延伸至, 通至)."""
    return bool(stop_ending_at(norm, pos, (pos - 4 if pos > 4 else 0))) or any(
        ACTION_INDEX.at(norm, pos - size) == norm[pos - size:pos] for size in (2, 3) if pos >= size)


# Words before which a two-place name ending in 线 is a road (辛高线等县道, 象西线改造): a road class, a road, a list's
# mark or the works of geo.lexicon.COUNTY_ROAD_WORKS.
_COUNTY_ROAD_AFTER = (*ROAD_CLASSES, "公路", "道路", "等", "、", "(") + COUNTY_ROAD_WORKS + tuple(DASHES)


def county_road_ok(norm, match, lo, hi):
    """True when a two-place name ending in 线 is a road: listed with another, or before a road word."""
    stem = match.group(0)[:2]
    word = heads().get(norm[match.end() - 2:match.end()])  # 东城快线, 品质直线: a head of its own
    if stem in NOT_COUNTY_ROADS or word is not None or norm[match.end() - 2:match.end()] in LINE_WORDS or stem.endswith("管") or norm[match.start() - 1:match.start()] in ("路", "号") \
            or not TWO_HAN.fullmatch(stem) or _ends_in_head(norm, lo, match.end()) \
            or norm.endswith("全线", 0, match.end()):  # 管道已全线贯通: 全线 is "the whole line"
        return False
    # (The words on either side are read in place or in a window of a few characters, never sliced
    # to the clause's ends: a clause listing thousands of such names stays linear.)
    start, end = match.start(), match.end()
    length = LENGTH_AFTER_RE.match(norm, end, hi)
    if length is not None and norm.startswith(COUNTY_ROAD_WORKS, length.end(), hi):
        return True  # 半苗线56.9公里路基路面改造: works on a length of it
    listed = (norm.startswith("、", end, hi) and COUNTY_ROAD_RE.match(norm, end + 1, hi) is not None) or (
        norm.endswith("、", lo, start) and _LISTED_BEFORE.search(norm, max(lo, start - _LISTED_BEFORE_REACH), start) is not None)
    if norm.endswith(COUNTY_ROAD_WORKS_BEFORE, lo, start) and (end >= hi or norm[end] in HARD_BREAKS):
        return True
    return listed or norm.startswith(_COUNTY_ROAD_AFTER, end, hi) \
        or _CODE_BEFORE_NAME.search(norm[(start - _CODE_BEFORE_REACH if start - _CODE_BEFORE_REACH > lo else lo):start]) is not None \
        or _places_joined_before(norm, start, lo, _FROM_PLACE) < start \
        or _county_before(norm, start, lo) < start  # 璧山至铜梁线: a route; 射阳县合海线: a county's road


# A name in 线 of three places' characters joined right after such a name (宁凤线和罗伯克线).
_JOINED_LONG_NAME = re.compile(r"(?<=[和及与、])[\u4e00-\u9fff]{3}线")


def joined_county_road(norm, end, hi):
    """The match of a county road named by three characters and 线 that a conjunction joins to the
    county road ending at ``end`` (罗伯克线 of 宁凤线和罗伯克线), or None."""
    match = _JOINED_LONG_NAME.match(norm, end + 1, hi)
    if match is None or norm[end] == "、" and COUNTY_ROAD_RE.match(norm, end + 1, hi) is not None:
        return None  # (东岭线、西岭线: a name of two characters, which the rules read on their own)
    stem = match.group()[:3]
    if any(stop_ending_at(norm, match.start() + n, match.start()) for n in (1, 2, 3)) \
            or heads().get(stem[-2:] + "线") is not None or stem[-2:] + "线" in LINE_WORDS or stem[-2:] in NOT_COUNTY_ROADS \
            or _ends_in_head(norm, match.start(), match.end()):
        return None  # (和高压线, 及生产线: no road's name)
    return match


# Another such name listed right before one (东岭线、西岭线), and the characters it takes.
_LISTED_BEFORE = re.compile(r"[\u4e00-\u9fff]{2}复?线、$")
_LISTED_BEFORE_REACH = 5
# Characters before a name that hold any code _CODE_BEFORE_NAME finds there, and the one its
# look-behind reads (a code of six characters at most: 310国道).
_CODE_BEFORE_REACH = 8


# A county right before a two-place name in 线 (射阳县合海线, 南涧县宁凤线): its place and its word.
_COUNTY_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,3}(?:" + "|".join(COUNTY_ROAD_OWNERS) + ")$")
_COUNTY_BEFORE_REACH = 4


def _county_before(norm, pos, lo):
    """Start of the county named right before a two-place name in 线 at ``pos`` (射阳县 of 射阳县合海线),
    when a break, a stop word or the clause's start is before it; else ``pos``."""
    county = _COUNTY_BEFORE.search(norm, max(lo, pos - _COUNTY_BEFORE_REACH), pos)
    if county is None:
        return pos
    for start in range(pos - 3, county.start() - 1, -1):  # (the shortest place first: 的射阳县 is 射阳县)
        if any(stop_ending_at(norm, inner, start) for inner in range(start + 1, pos - 1)):
            break  # (实施全县白石线: a word of the clause, no county's place)
        if start == lo or norm[start - 1] in HARD_BREAKS or stop_ending_at(norm, start, lo):
            return start
    return pos


def _ends_in_head(norm, lo, end):
    """True when a head longer than two characters ends at ``end`` (北广场连接线 is no 接线)."""
    table = heads()
    return any(norm[end - n:end] in table for n in range(3, min(end - lo, 6) + 1))


# A road named by its two ends in prose, with 的 or a length before its type:
# 蓝溪镇黄潭村到太拔镇太拔村的道路, 富水镇龙窝至黄柏的2公里道路 (A至B公路 is a head's stem).
# Walkways along a route take its two ends right before them too: 大江厂后门至鱼洞轻轨站人行道.
_WALKWAYS = "|".join(WALKWAY_WORDS)
_ROUTE_TAIL = re.compile(rf"(?:的)?(?:\d+(?:\.\d+)?(?:公里|千米|米))?(?:的)?(?:道路|公路|{_WALKWAYS})")
_TO = re.compile(r"[到至]")
# (its first character, a digit or 至, consumed as one class the engine searches for, then tested behind)
LENGTH_BEFORE_ROAD = re.compile(rf"[\d至](?:(?<=\d)(?:公里|千米|米)的?(?:道路|公路)|(?<=至)[^,;。、]{{2,10}}?(?:{_WALKWAYS})"
                                rf"|(?<=至)[\u4e00-\u9fff]{{2,{ROUTE_LENGTH_REACH}}}?\d+(?:\.\d+)?(?:公里|千米))")
# A road named by its two ends whose length alone ends its clause or list item (桃园沟村胡家湾至余家峡1.5公里;):
# the second end is Han characters only (no 的), the length what the item says of it; 到 is too often a
# verb's (延伸到, 达到) for it.
_LENGTH_ROUTE_END = re.compile(
    rf"(?:(?![的到至])[\u4e00-\u9fff]){{2,{ROUTE_LENGTH_REACH}}}?(?=(?:约)?\d+(?:\.\d+)?(?:公里|千米)(?:、|$))")
_LENGTH_TAIL = re.compile(r"(?:约)?\d+(?:\.\d+)?(?:公里|千米)")
_ITEM_ENDS = (";", "；", "、")
_ROUTE_END = re.compile(
    rf"[\u4e00-\u9fff\d]{{2,10}}?(?=(?:的)?(?:\d+(?:\.\d+)?(?:公里|千米|米))?(?:的)?(?:道路|公路|{_WALKWAYS}))")


def with_routes_in_prose(norm, mentions, start, end):
    """The clause's mentions with roads named by their two ends in prose in place of the places
    they name (蓝溪镇黄潭村 and 太拔镇太拔村 of 蓝溪镇黄潭村到太拔镇太拔村的道路)."""
    routes = []
    for to in _TO.finditer(norm, start + 2, max(start + 2, end - 4)):
        pos = to.start()
        second = _ROUTE_END.match(norm, pos + 1, end)
        tail = _ROUTE_TAIL.match(norm, second.end(), end) if second is not None else None
        if second is None:
            second = _LENGTH_ROUTE_END.match(norm, pos + 1, end) if to.group() == "至" else None
            if second is None:
                continue
            tail = _LENGTH_TAIL.match(norm, second.end(), end)
            if tail.end() == end and norm[end:end + 1] not in _ITEM_ENDS:
                continue  # (a list item's: 石门至松岭2.3公里; not a sentence's 全长30公里。)
        if tail is None or tail.end() - second.end() == len(tail.group()) and tail.group() in ("道路", "公路"):
            continue  # A至B公路 right after the second end: the head's own stem
        stem = find_stem(norm, pos, start, 2, MAX_STEM)
        if stem is None or pos - stem[0] < 2 or is_generic(second.group()):
            continue  # (a generic first end is the town's one: 行政中心至县第三中学的道路, 县城至青山镇的公路)
        # The name is the two ends (the head is empty); the mention goes on to the road's type,
        # where its works are looked for.
        routes.append(Mention(kind="name", head="", category="road", head_start=second.end(), head_end=second.end(),
                              stem_start=stem[0], stop=stem[1], stop_start=stem[2], end=tail.end(), min_stem=2))
    return _in_place_of(mentions, routes)


def with_class_sections(norm, mentions, start, end):
    """The clause's mentions with road sections named by a class and a range (省道青山至白石段) in
    place of the places inside them."""
    return _in_place_of(mentions, _class_sections(norm, start, end))


def _in_place_of(mentions, routes):
    """``mentions`` with ``routes`` in place of those that start inside one of them."""
    if not routes:
        return mentions
    kept = [m for m in mentions if not any(r.stem_start <= (m.stem_start if m.stem_start is not None else m.head_start) < r.end
                                           for r in routes)]
    return sorted(kept + routes, key=lambda m: m.head_start)


# A road class named by the range of its section (省道青松至白石段, 县道红岭至东坪段), no code or name between.
_CLASS_SECTION = re.compile(r"(?:国道|省道|县道|乡道)(?P<first>[\u4e00-\u9fff]{2,6}?)至(?P<second>[\u4e00-\u9fff]{2,6}?)段")


def _class_sections(norm, start, end):
    """Mentions of road sections named by a class and a range (省道青山至白石段: one road, whose
    two ends are its name; 省道S203线, 省道青白线 are codes)."""
    found = []
    for match in _CLASS_SECTION.finditer(norm, start, end):
        first, second = match.group("first"), match.group("second")
        if first.endswith("线") or any(ch in "和及与、" for ch in first + second) \
                or match.start() > start and norm[match.start() - 1].isascii() and norm[match.start() - 1].isalnum():
            continue  # (G318国道A至B段, 346国道A至B段: the code's road, named by the code)
        stop = stop_ending_at(norm, match.start(), start)
        found.append(Mention(kind="name", head="", category="road", head_start=match.end(), head_end=match.end(),
                             stem_start=match.start(), stop=stop, stop_start=match.start() - len(stop) if stop else None,
                             end=match.end(), min_stem=2))
    return found


# A section listed after a linear project's own (南湖高铁东山至西山段、西山至北山段, G205线东山段、西山段):
# a range A至B段 or a place's 段, alone between separators, before the list's works or a break.
_PLACE_CHAR = r"(?:(?![段和及至与])[\u4e00-\u9fff])"
_LISTED_SECTION = re.compile(rf"[、和及](?P<section>{_PLACE_CHAR}{{2,8}}至{_PLACE_CHAR}{{2,8}}段|{_PLACE_CHAR}{{2,4}}段)")


def _works_follow(norm, pos, clause_end):
    """True when works (or adverbs and a progress verb: 加快建设) follow ``pos``."""
    from geo.extract.works import skip_adverbs

    after, progress = skip_adverbs(norm, pos, clause_end)
    return bool(progress or ACTION_INDEX.at(norm, after))


def listed_sections(norm, records, clause_end):
    """Sections listed after a named linear project that carries a section: each is a project of
    its own, named as written (``西山至北山段``), of the project's category and works.

    The rules name a project by its head; a section after a separator has none, so only the
    tagger could find it, and it found a place's section (西山段) but not a range (A至B段).
    """
    if not records:
        return records
    added = []
    covered = [(r.start, r.end) for r in records]
    for record in records:
        if not (record.named and record.section and category_group(record.category) in ("roads",) or
                record.named and record.section and record.category in ("rail", "water")):
            continue
        pos = record.end
        while pos < clause_end:
            match = _LISTED_SECTION.match(norm, pos, clause_end)
            if match is None:
                break
            start, end = match.span("section")
            after = norm[end:end + 1]
            if not (after == "" or after in "、和及,;:。!?)" or after.isspace() or end == clause_end
                    or _works_follow(norm, end, clause_end)):
                break  # 、西山至北山段道路: a head goes on, the name is the rules' own
            if any(s < end and start < e for s, e in covered):
                break
            mention = Mention(kind="name", head="", category=record.mention.category, head_start=end,
                              head_end=end, stem_start=start, end=end)
            added.append(Record(named=True, category=record.category, action=record.action, start=start,
                                end=end, base=(start, end), mention=mention, clause=record.clause))
            covered.append((start, end))
            pos = end
    return sorted(records + added, key=lambda r: r.start) if added else records


def with_first_ends(norm, records, sent_start):
    """Named roads cut at their route's join (龙王淌改线 of 哨路道班至龙王淌改线) given their first end.

    A named road or bridge starting right after 至, with a first end of two to five characters before
    it (at a break, a stop word of two characters or more, or the clause's start; no verb ending at
    至, as 延伸至), starts at that end. Where a named record of the sentence already covers the whole
    route, the cut one is dropped (滨江西路至长江二桥 over 长江二桥).

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The sentence's records (after the tagger); changed in place.
    sent_start : int
        Where the sentence starts.

    Returns
    -------
    list of Record
        ``records``.
    """
    if _ROUTE_JOINS.search(norm, sent_start, max((r.end for r in records), default=sent_start)) is None:
        return records
    furthest = {}  # where the named records starting at a position end, at the furthest
    for r in records:
        if r.named:
            furthest[r.start] = max(furthest.get(r.start, r.end), r.end)
    kept = []
    for record in records:
        first = first_end(norm, record, sent_start)
        if first < record.start:
            if any(furthest.get(s, 0) >= record.end for s in range(first - ROUTE_COVER_REACH, first + 1)):
                continue  # 滨江西路至长江二桥 named already: 长江二桥 is its end
            record.start = first
            record.base = (first, record.base[1])
        kept.append(record)
    records[:] = kept
    return records


def first_end(norm, record, sent_start):
    """Where a named road or bridge starting right after 至 starts once given its route's first end
    (龙王淌改线 of 哨路道班至龙王淌改线: at 哨路道班), see :func:`with_first_ends`; else its start."""
    start = record.start
    if not (record.named and start > sent_start and norm[start - 1] in _JOINS and category_group(record.category) == "roads"):
        return start
    lo = record.clause[0] if record.clause else sent_start
    first = _places_joined_before(norm, start, lo, _FROM_PLACE if norm[start - 1] == "至" else _FROM_PLACE_DASHED,
                                  _ADDRESS_ENDS)
    if first < start and norm[first - 1] in _ADDRESS_ENDS:
        return _address_start(norm, first, lo)
    if first < start and (first == lo or norm[first - 1] in HARD_BREAKS or len(stop_ending_at(norm, first, lo) or "") > 1):
        return first  # (not after a one-character stop word: 中和营镇至… is no 营镇 after 和)
    return start


def _address_start(norm, first, lo):
    """Where a route's first end after an address ending at ``first`` starts: at the address when it is
    a place's short name and its suffix (吴屯乡|加油站: 吴屯乡加油站) opening the clause, after a break or
    a stop word; else after it (台州湾循环经济产业集聚区|温岭新河)."""
    for size in range(ROUTE_ADDRESS_NAME_CHARS[0] + 1, ROUTE_ADDRESS_NAME_CHARS[1] + 2):
        begin = first - size
        if begin < lo or not HAN_RUN.fullmatch(norm, begin, first - 1):
            break
        if begin == lo or norm[begin - 1] in HARD_BREAKS or len(stop_ending_at(norm, begin, lo) or "") > 1:
            return begin
    return first


# The last characters of the address a route's first end may follow (产业集聚区|温岭新河至伍佰屿公路,
# 吴屯乡|加油站至瑞岩寺生态公路): a jurisdiction's or a township's of one character.
_ADDRESS_ENDS = ONE_CHARACTER_LEVELS
