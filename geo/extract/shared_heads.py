"""List items written without a head (金牛建材, 宝华) and the head they share with the item after them: parallel places (城关镇、江洛镇敬老院), routes by their ends (南丹至天峨、…高速公路), abbreviated routes (合周、淮桐高速), bare places before a facility (白沙、青石岭灌区)."""

from __future__ import annotations

import bisect
import operator
import re

from geo.lexicon import (
    VILLAGE_SUFFIXES,
    CONSTRUCTION_STEPS, SHARED_BY_PLACES_HEADS, LEFT_ACTIONS, NETWORK_HEADS, PHASE_VERBS,
    JURISDICTION_SUFFIXES, ABBREVIATED_ROUTE_HEADS, ROAD_ACTION_CATEGORY, TYPE_WORDS, BOUNDING_WORDS,
    INTERCITY_HEADS, heads, SEPARATORS, STOP_WORDS, TOWNSHIP_SUFFIXES)
from geo.lexicon_lookups import (
    category_group, ACTIONS_SORTED, DIRECTIONS, is_generic, match_any, stop_ending_at)
from geo.extract.model import Mention
from geo.settings import MAX_CHAIN, MAX_ROUTE_LIST
from geo.extract.patterns import BRACKETED_SECTION_END, count_search, HARD_BREAKS, LIST_JOINS, ROUTE_VIA_STOP, TOWNSHIP


# A place of two to six Han characters (夏家湾): what a list item sharing the next item's head is.
_HAN_PLACE = re.compile(r"[\u4e00-\u9fff]{2,6}")
# A list item ending in a number (230号, 申夏港区五号) before an item named by a number alone (318号规划路,
# 六号码头): the number names nothing without the head the two share.
_NUMBERED_ITEM = re.compile(r"(?:\d{1,4}|[一二三四五六七八九十百零〇]{1,4})号$")
_ACTIONS = frozenset(ACTIONS_SORTED)
_LONG_STOPS = frozenset(word for word in STOP_WORDS if len(word) > 1)
_LONGEST_STOP = max(map(len, _LONG_STOPS))

# Words of works, also on roads (绿化, 打通), longest first: what may end a list item that names no place.
_WORKS_WORDS = tuple(sorted({*ACTIONS_SORTED, *(word for word, _ in ROAD_ACTION_CATEGORY)}, key=lambda w: (-len(w), w)))


def raw_item(norm, pos, clause_start, generic_ok=False):
    """A list item without a head (金牛建材, 宝华) ending at ``pos``.

    Parameters
    ----------
    norm : str
        The normalised text.
    pos : int
        Where the item ends (at the separator or range mark after it, or at the next item's head).
    clause_start : int
        Where the clause starts; the item starts no earlier.
    generic_ok : bool
        Whether a generic word is an item too (县城 in 县城至润松集镇, a route's end).

    Returns
    -------
    Mention or None
        A mention of kind ``raw`` (no head, no category) with the stop word before it, if any;
        None if the text there is implausible as an item (too long or short, a bound, works on a
        type, words of a phrase, a stop word inside).
    """
    start = pos
    stop = None
    while start > clause_start:
        char = norm[start - 1]
        if char in HARD_BREAKS:
            break
        if pos - start >= 2:
            if any(norm.startswith(s, start - len(s)) for s in SEPARATORS[1:]):
                break
            stop = stop_ending_at(norm, start, clause_start)
            if stop:
                break
        if pos - start >= 10:
            return None
        start -= 1
    text = norm[start:pos]
    if text.endswith("第"):
        return None  # 开发区第一个保障性住房项目: the ordinal and what follows are one item
    if not 2 <= len(text) <= 10 or (is_generic(text) and not generic_ok) or text.endswith(BOUNDING_WORDS):
        return None  # (河滩路以东、人民路以南40个老旧小区: bounds locate the group, they are no members)
    works = next((a for a in _WORKS_WORDS if text.endswith(a)), None) if text.endswith(_WORKS_WORDS) else None
    if works and (is_generic(text[:-len(works)]) or text[:-len(works)] in TYPE_WORDS):
        return None  # 公园及道路绿化、村社区文化服务中心等工程: works on a type are no member
    if text.endswith(CONSTRUCTION_STEPS):
        return None  # 软基处理等道路加宽作业, 基槽开挖、青山路等7条道路: a step of the works, no place
    if not all("\u4e00" <= ch <= "\u9fff" or (ch.isascii() and ch.isalnum()) or ch == "-" for ch in text.strip("-")):
        return None
    if "的" in text or len(text) > 2 and text[-1] in "和与及或":
        return None  # 省道里的三、四级和等外级路段: words of a phrase, no name (永和, 太和 are places)
    if any(text[i:j] in _LONG_STOPS for i in range(len(text) - 1) for j in range(i + 2, min(len(text), i + _LONGEST_STOP) + 1)):
        return None
    return Mention(kind="raw", head="", category=None, stem_start=start, head_start=pos,
            head_end=pos, end=pos, section=None, count=None, stop=stop,
            stop_start=start - len(stop) if stop else None, members=[], typed_by=None)


def parallel_items(norm, mentions, clause_start, by_end):
    """城关镇、江洛镇敬老院: list items shaped like the named stem share its head.

    An item before 、 that ends like the stem (镇 and 镇, 乡 and 乡, or two directions as in
    城西、城北) is a place of the same kind, written once with the shared head. A road before
    it that ends like the stem (东门街、十字街片区) is typed by the head instead of being a road.
    Only for uncounted facilities whose stem opens the list item.

    Parameters
    ----------
    norm : str
        The normalised text.
    mentions : list of Mention
        The clause's mentions, left to right (their members already linked).
    clause_start : int
        Where the clause starts.
    by_end : dict
        The clause's mentions (other than skipped ones) by where they end.

    Returns
    -------
    list of Mention
        The new raw items, typed by the mention whose head they share (mentions already found
        there are typed in place).
    """
    items = []
    for mention in mentions:
        if mention.kind not in ("facility", "name") or mention.count or mention.typed_by:
            continue
        start, head_start = mention.stem_start, mention.head_start
        if mention.stop or head_start - start < 2 or start - 1 <= clause_start \
                or norm[start - 1] != "、":
            continue
        last = _item_tail(norm, start, head_start)
        pos = start - 1
        road = by_end.get(pos)
        if (road is not None and road.category == "road" and mention.category == "area"
                and road.head == norm[head_start - 1] and not road.section):
            road.typed_by = mention
            continue
        if (road is not None and road.category in ("village", "area") and not road.typed_by and not road.section
                and not road.count and category_group(mention.category) == "facilities"
                and _village_tail(norm, road.stem_start, road.end) is not None
                and _village_tail(norm, road.stem_start, road.end) == _village_tail(norm, start, head_start)):
            road.typed_by = mention  # 青山村、白石村卫生室, A社区、B社区居家养老服务站点: two clinics, one head
            continue
        if (road is not None and road.category == "water" and len(road.head) == 1 and not road.typed_by
                and category_group(mention.category) == "facilities" and not road.section
                and _HAN_PLACE.fullmatch(norm, road.stem_start, road.end) and not is_generic(norm[start:head_start])
                and (road.stop in _ACTIONS or match_any(norm, mention.end, ACTIONS_SORTED))):
            # 夏家湾、杨树港污水处理厂升级: a place named for its bay shares the plant's head and works
            # (where no works are, 楼盘有北湖蓝湾、新能源云殿, the item is left to the rules as it was)
            road.typed_by = mention
            continue
        found = len(items)
        while pos > clause_start and pos not in by_end:
            raw = raw_item(norm, pos, clause_start)
            if raw is None or not _alike(_item_tail(norm, raw.stem_start, pos), last) \
                    or not 2 <= pos - raw.stem_start <= 6:
                break
            raw.typed_by = mention
            raw.shared_head = numbered_share(norm, raw, mention) or raw.shared_head
            items.append(raw)
            pos = raw.stem_start - 1
            if pos <= clause_start or norm[pos] != "、":
                break
        if len(items) == found and _bare_place_stem(norm, mention):
            items.extend(_bare_items(norm, mention, start - 1, clause_start, by_end))
    return items


def numbered_share(norm, item, after):
    """The head a list item ending in a number (230号, 申夏港区五号) shares with the item after it
    when that one is named by a number alone (318号规划路, 六号码头, or a number sharing a head
    already: 382号 before 318号规划路), as (start, end); else None."""
    if not _NUMBERED_ITEM.search(norm, item.stem_start, item.head_start):
        return None
    if after.kind == "raw":
        return after.shared_head if _NUMBERED_ITEM.fullmatch(norm, after.stem_start, after.end) else None
    if after.head_end > after.head_start and after.stem_start is not None \
            and _NUMBERED_ITEM.fullmatch(norm, after.stem_start, after.head_start):
        return after.shared_head or (after.head_start, after.head_end)
    return None


def _alike(first, second):
    """Two tails of parallel list items: equal, or both directions (城西、城北)."""
    return first == second or (first in DIRECTIONS and second in DIRECTIONS)


def _village_tail(norm, start, end):
    """社区 or 村 when a list item ends with one, less a generic word after it (茅梓桥社区居家, before
    养老服务站点), else None."""
    for pos in range(end, max(start + 2, end - 4) - 1, -1):
        if is_generic(norm[pos:end]) and norm.endswith(VILLAGE_SUFFIXES, start + 2, pos):
            return next(tail for tail in VILLAGE_SUFFIXES if norm.endswith(tail, 0, pos))
    return None


def _item_tail(norm, start, end):
    """What a list item ends like: its last character, or TOWNSHIP for any 镇, 乡 or 街道.

    Townships of one county mix 镇, 乡 and 街道 (寨英镇、冷水溪乡污水处理站), and the shared
    head may keep a generic modifier after the township (孟溪镇、太平营镇中心卫生院).
    """
    for pos in range(end, start + 1, -1):
        if is_generic(norm[pos:end]) and norm.endswith(TOWNSHIP_SUFFIXES, 0, pos) \
                and pos - start >= 3:
            return TOWNSHIP
        if end - pos >= 4:
            break
    return norm[end - 1]


# Works named by the place they serve, listed bare before the last one's head (白沙、青石岭水库,
# 青村、乐山污水处理厂, 东关、西门农贸市场); not networks (更换路灯、疏通排水管网: works on kinds).
_BARE_PLACE_CATEGORIES = ("water", "utility", "sanitation", "market")
# Units of land and counts of ten thousand that describe a place's size (万亩荷花), no place's name.
_AREA_UNITS = "亩万"


def _bare_items(norm, mention, pos, clause_start, by_end):
    """白沙、银湖、青石岭灌区: bare places (or villages: 青村、乐山污水处理厂) listed right after the
    list's verb (or opening a clause whose works follow the facility), before a facility named by a
    bare place, share its head (白沙灌区, 银湖灌区); none if the list opens at no verb (a bare place
    after other words is no member of it). Returns the new raw items."""
    items, passed = [], set()
    while pos > clause_start and len(items) < MAX_CHAIN:
        item = by_end.get(pos)
        if item is not None and _named_site(mention, item):
            passed.add(id(item))  # (北坡、桥沟路、炭灰堡棚户区: the street named on its own is one of the sites)
        elif item is not None and not _bare_village(norm, item):
            return []
        item = item or raw_item(norm, pos, clause_start)
        if item is None or id(item) not in passed and not bare_place(norm, item.stem_start, pos):
            return []
        items.append(item)
        opens_clause = item.stop is None and item.stem_start == clause_start and _works_after(norm, mention.end)
        if item.stop is not None or opens_clause:
            if item.stop is not None and item.stop not in LEFT_ACTIONS and item.stop not in PHASE_VERBS:
                return []  # (把石山、牛山、柳湾水库连成一片: the list opens at no works, the places are context)
            items = [item for item in items if id(item) not in passed]
            if items and items[-1].kind == "raw":
                _after_generic_place(norm, items[-1])
            for item in items:
                item.typed_by = mention
                if mention.head not in SHARED_BY_PLACES_HEADS:  # (青坡、红水堡棚户区: 青坡 as written)
                    item.shared_head = (mention.head_start, mention.head_end)
            return [item for item in items if item.kind == "raw"]
        pos = item.stem_start - 1
        if pos <= clause_start or norm[pos] != "、":
            return []
    return []


def _after_generic_place(norm, item):
    """Start the first item of a list after a generic word of place that opens it (加快县城北坡、…: 北坡),
    when two characters or more are left."""
    for size in (2, 3):
        if item.head_start - item.stem_start - size >= 2 and is_generic(norm[item.stem_start:item.stem_start + size]):
            item.stem_start += size
            return


def _named_site(mention, item):
    """True when ``item``, listed before a housing or renewal head the places before it share
    (``mention``), is a street or a place named by a one-character head of its own (桥沟路, 校场坝)
    with nothing else of its own: one of the sites, left as it was named."""
    return mention.head in SHARED_BY_PLACES_HEADS and item.category in ("road", "water") and len(item.head) == 1 \
        and not item.count and not item.section and not item.typed_by and not item.members


def _bare_village(norm, mention):
    """True when a mention is a village named bare (青村), with nothing of its own: a list item too."""
    return mention.category == "village" and not mention.count and not mention.section \
        and not mention.typed_by and not mention.members


def _works_after(norm, end):
    """True when works are said after ``end`` in its clause (…灌区现代化改造): a list opening its
    clause has its verb there."""
    stop = next((i for i in range(end, min(len(norm), end + 16)) if norm[i] in HARD_BREAKS or norm[i] in "，,"), len(norm))
    return any(action in norm[end:stop] for action in _ACTIONS if len(action) > 1)


def bare_place(norm, start, end):
    """True when ``norm[start:end]`` is a bare place of two to five Han characters (白沙, 青石岭):
    no generic word, nothing of works."""
    text = norm[start:end]
    return (2 <= len(text) <= 5 and _HAN_PLACE.fullmatch(text) is not None and text[0] not in "和与及或"
            and not any(is_generic(text[i:]) for i in range(len(text) - 1)) and text[-1] not in "大小新旧老"  # (白坪大型, 平东小)
            and not _holds_long_works_word(text)  # (更换路灯: works)
            and "期" not in text and count_search(text) is None  # (一期, 万亩荷花: a phase, a count)
            and not any(ch in _AREA_UNITS for ch in text)
            and text[-1] != "市" and not any(ch in "路街巷" for ch in text[1:]))  # (宣化路早市: a street's market)


def _holds_long_works_word(text):
    """True when a works word of two or more characters stands anywhere in ``text`` (a few
    characters: its pieces are looked up, not each of the words looked for in it)."""
    return any(text[i:j] in _LONG_WORKS_WORDS for i in range(len(text) - 1)
               for j in range(i + 2, min(len(text), i + _LONGEST_WORKS_WORD) + 1))


_LONG_WORKS_WORDS = frozenset(word for word in _WORKS_WORDS if len(word) > 1)
_LONGEST_WORKS_WORD = max(map(len, _LONG_WORKS_WORDS))


def _bare_place_stem(norm, mention):
    """True when a facility of ``_BARE_PLACE_CATEGORIES`` is named by a bare place before a head of
    two or more characters (青石岭灌区, 东风水库): a bare place listed before it, right after the
    list's verb, shares the head (白沙、青石岭灌区: 白沙灌区)."""
    return len(mention.head) >= 2 and (mention.category in _BARE_PLACE_CATEGORIES or mention.head in SHARED_BY_PLACES_HEADS) \
        and mention.head not in NETWORK_HEADS \
        and bare_place(norm, mention.stem_start, mention.head_start)


def route_items(norm, mentions, clause_start):
    """南丹至天峨、平塘至天峨(天峨段)、天峨经凤山至巴马高速公路: routes listed before a route
    that ends with an intercity head (高速公路, 铁路) share that head.

    Parameters
    ----------
    norm : str
        The normalised text.
    mentions : list of Mention
        The clause's mentions, left to right (their members already linked).
    clause_start : int
        Where the clause starts.

    Returns
    -------
    list of Mention
        The new raw items, one a route written as its two ends, typed by the route with the head.
    """
    items, index = [], []

    def inside_of(lo, hi):
        """The clause's mentions from ``lo`` to ``hi``, found by bisection (not by a scan of all); the
        index is made the first time a route asks (most clauses hold none)."""
        if not index:
            index.append(sorted(mentions, key=_STEM_START))
            index.append([inside.stem_start for inside in index[0]])
        by_start, starts = index
        return [inside for inside in by_start[bisect.bisect_left(starts, lo):bisect.bisect_right(starts, hi)]
                if inside.end <= hi]

    for mention in mentions:
        start = mention.stem_start
        if mention.head not in INTERCITY_HEADS or mention.stop or mention.typed_by or mention.count \
                or "至" not in norm[start:mention.head_start] or start - 1 <= clause_start or norm[start - 1] != "、":
            continue
        pos, walked = start - 1, 0
        while pos > clause_start and norm[pos] == "、" and walked < MAX_ROUTE_LIST:
            walked += 1
            bracket = BRACKETED_SECTION_END.search(norm, max(clause_start, pos - 10), pos)
            found = _route_start(norm, bracket.start() if bracket else pos, clause_start)
            if found is None:
                via = _route_start(norm, pos, clause_start, mark=ROUTE_VIA_STOP)
                if via is not None and _via_only(norm[via[0]:pos]):
                    # 青山经红岩、白石至黄沙公路: the places a route passes (经A、B) are listed in its name
                    mention.stem_start, mention.stop = via
                    mention.stop_start = via[0] - len(via[1]) if via[1] else None
                    for inside in inside_of(via[0], pos):  # 陆川经大桥: a town passed (大桥镇) is no bridge
                        if inside is not mention:
                            inside.kind = "skip"
                break
            item_start, stop = found
            for inside in inside_of(item_start, pos):  # 沿河至德江: a town the route ends at (德江, 松江) is no river
                if inside is not mention and inside.category == "water" and len(inside.head) == 1:
                    inside.kind = "skip"
            items.append(Mention(kind="raw", head="", category=None, stem_start=item_start, head_start=pos,
                                 head_end=pos, end=pos, section=None, count=None, stop=stop,
                                 stop_start=item_start - len(stop) if stop else None, members=[], typed_by=mention))
            pos = item_start - 1
    return items


_STEM_START = operator.attrgetter("stem_start")


def _via_only(text):
    """True when a listed item says where a route starts and passes (青山经红岩) but not where it
    ends: the list goes on inside one route's name, no route of its own."""
    return ROUTE_VIA_STOP in text[1:] and not any(mark in text for mark in "至到—–-")


def _route_start(norm, end, clause_start, longest=14, mark="至"):
    """(start, the stop word before it or None) of a route written as its two ends (南丹至天峨下老),
    ending at ``end``; None if the text there is no route (no 至, a verb inside, too long). The stop
    word gives the list its verb (建成A至B、C至D高速公路: 建成). ``mark`` 经 finds where a route
    starts and the first place it passes (青山经红岩)."""
    start, stop = end, None
    while start > clause_start and norm[start - 1] not in HARD_BREAKS:
        stop = stop_ending_at(norm, start, clause_start)
        if stop and stop not in ("至", "经") and not (len(stop) == 1 and norm.startswith("至", start + 1)):
            break  # (沿河至德江: a place before 至 is no one character; the stop is its first)
        stop = None
        start -= 1
        if end - start > longest:
            return None
    text = norm[start:end]
    if mark not in text or text.startswith(mark) or text.endswith(mark) or len(text) < 4:
        return None
    return start, stop


def abbreviated_items(norm, mentions, clause_start):
    """平文、蒙文砚、文马、文麻高速公路, 合周、淮桐、淮扬高速: routes named by abbreviations of the
    places they join (two or three characters each), listed before one that carries the head,
    share it: each is named with it. The last two may be joined by 和 or 及 (雄商和津潍高铁).

    Parameters
    ----------
    norm : str
        The normalised text.
    mentions : list of Mention
        The clause's mentions, left to right (their members already linked).
    clause_start : int
        Where the clause starts.

    Returns
    -------
    list of Mention
        The new raw items, typed by the route with the head and sharing it.
    """
    items = []
    for mention in mentions:
        start = mention.stem_start
        if mention.head not in ABBREVIATED_ROUTE_HEADS or mention.typed_by or mention.count \
                or mention.stop and not (mention.stop in LIST_JOINS and mention.stop_start == start - 1) \
                or not 2 <= mention.head_start - start <= 3 or start - 1 <= clause_start \
                or norm[start - 1] not in LIST_JOINS:
            continue
        pos = start - 1
        while pos > clause_start and (norm[pos] == "、" or pos == start - 1):
            raw = raw_item(norm, pos, clause_start)
            if raw is None or not 2 <= pos - raw.stem_start <= 3 or _ends_with_any_head(norm[raw.stem_start:pos]):
                break  # (三环路、温福铁路: a road of its own is no abbreviation)
            if norm[pos - 1] == _SECTION_END:
                break  # (深南高铁珠三角机场至省界段、珠肇高铁: the end of the section before, no abbreviation)
            if norm[pos] != "、" and norm.endswith(_PLACE_SUFFIXES, raw.stem_start, pos):
                break  # (完善饶河县和建鸡高速的连接: a county joined to a route is no abbreviation)
            raw.typed_by = mention
            if len(mention.head) < _WRITTEN_ONCE_HEAD:
                raw.shared_head = (mention.head_start, mention.head_end)
            items.append(raw)
            pos = raw.stem_start - 1
    return items


# What ends a section of a route (A至B段): an item ending with it ends the range of the item before.
_SECTION_END = "段"


# A route type of four characters (高速公路, 城际铁路) written once after abbreviated routes is the
# list's type: each abbreviation is named as written (淮宿蚌、淮阜高速铁路: 淮宿蚌). A short one (高速,
# 高铁, 铁路) is part of each route's usual name (合周、淮桐高速: 合周高速).
_WRITTEN_ONCE_HEAD = 4


# The last abbreviated route is joined to the one before it by LIST_JOINS: 、 or a conjunction (雄商和津潍高铁;
# 与 is none: 连接A县与B高速 is a place joined to a route). A place before a conjunction that
# ends like a jurisdiction or township (青河县和白鹤高速) is no abbreviation.
_PLACE_SUFFIXES = tuple(JURISDICTION_SUFFIXES) + tuple(TOWNSHIP_SUFFIXES)


def _ends_with_any_head(text):
    """True when a head of the lexicon (of any length) ends ``text`` (三环路, 青山站)."""
    table = heads()
    return any(text[-n:] in table for n in range(1, len(text) + 1))
