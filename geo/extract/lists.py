"""Lists: 等-typed enumerations, members in brackets after a counted type, parallel items sharing a head, members named after 其中 (partners and locators: ``partners``)."""

from __future__ import annotations

import bisect
import re

from geo.lexicon import CONTEXT_VERBS, LEFT_ACTIONS, NETWORK_HEADS, PHASE_VERBS, JURISDICTION_SUFFIXES, category_group, PRODUCT_TYPES, SIDE_WORDS, WORKS_TAILS, ABBREVIATED_ROUTE_HEADS, ACTIONS_SORTED, DWELLING_UNITS, ROAD_ACTION_CATEGORY, TYPE_WORDS, BOUNDING_WORDS, INTERCITY_HEADS, FOLLOWERS_SORTED, heads, DIRECTIONS, MEMBER_MARKERS, SEPARATORS, SIZE_UNITS, STOP_WORDS, TOWNSHIP_SUFFIXES, is_generic, match_any, stop_ending_at
from geo.numbers import parse_number
from geo.extract.model import Mention
from geo.extract.patterns import MAX_BRACKETED_LIST, MAX_CHAIN, BRACKETED_SECTION_END, COUNT_RE, RANGE_MARKS, HARD_BREAKS, ROAD_CATEGORIES, ROUTE_VIA_STOP, TOWNSHIP
from geo.extract.segment import clauses
from geo.extract.stems import analyse_stem


# A place of two to six Han characters (夏家湾): what a list item sharing the next item's head is.
_HAN_PLACE = re.compile(r"[\u4e00-\u9fff]{2,6}")
_ACTIONS = frozenset(ACTIONS_SORTED)
_VILLAGE_TAILS = ("社区", "村")
_LONG_STOPS = frozenset(word for word in STOP_WORDS if len(word) > 1)
_LONGEST_STOP = max(map(len, _LONG_STOPS))
# Context verbs ending in a separator's character (惠及): before a list the character ends the verb.
_VERBS_ENDING_IN_SEPARATOR = tuple(verb for verb in CONTEXT_VERBS
                                   if len(verb) > 1 and any(verb.endswith(s) for s in SEPARATORS))

# Words of works, also on roads (绿化, 打通), longest first: what may end a list item that names no place.
_WORKS_WORDS = tuple(sorted({*ACTIONS_SORTED, *(word for word, _ in ROAD_ACTION_CATEGORY)}, key=lambda w: (-len(w), w)))


def resolve_enumerations(norm, mentions, clause_start):
    """Link ``A、B等N<head>`` members to their type head and build chains for actions."""
    if not mentions:
        return  # (half the clauses of a report have none: nothing to link, no items to add)
    by_end = {m.end: m for m in mentions if m.kind != "skip"}
    skip_ends = {m.end for m in mentions if m.kind == "skip"}
    raw_items = []
    for mention in mentions:
        if mention.kind == "skip" or (mention.stop != "等" and not mention.list_end):
            continue
        if mention.stem_start is not None and any(word in norm[mention.stem_start:mention.head_start] for word in PRODUCT_TYPES):
            continue  # 中药材、烤烟等万亩农产品基地: the items listed are products, not places
        pos = mention.stop_start if mention.stop == "等" else mention.list_end
        members = []
        while pos > clause_start and pos not in skip_ends:  # 六个乡镇39个村庄: 乡镇 is no member
            item = by_end.get(pos)
            if item is None and mention.category == "members":
                # 甲路提升改造、乙路完善工程等在建项目: in a list of projects each item may
                # carry its own works; the item is the mention before them.
                item = next((by_end[pos - n] for n in range(1, 7)
                             if by_end.get(pos - n) is not None and _works_only(norm[pos - n:pos])), None)
            if item is None:
                item = _item_before_follower(norm, pos, by_end)
            if item is not None and item is not mention and (item.stop == "等" or item.list_end):
                break  # A等55公里通达工程和B等4座危桥: a type closing a list of its own is no member
            if item is not None and item is not mention and members and _counted_share(norm, item, mention):
                break  # A镇11个小区、B街道21个小区: a share counted on its own closes the list before it
            if item is not None and item.kind == "designation" and item.stem_start >= item.head_start:
                break  # 农村6座污水处理站: a designation word alone is the count's scope, no member
            if item is not None and item is not mention and not members and mention.stop != "等" \
                    and (item.stem_start >= item.head_start or is_generic(norm[item.stem_start:item.head_start])) \
                    and not ((count := COUNT_RE.match(norm, item.end)) and count.group("unit") in SIZE_UNITS) \
                    and not _after_separator(norm, item.stem_start, clause_start):
                # 改造棚户区23个区块: a type alone before the count is what is counted, no member (a
                # length is of the place before it: S103西青线3.2公里路段)
                break
            if item is not None and item is not mention:
                if _shares_type_head(mention, item):
                    item.shared_head = (mention.head_start, mention.head_end)  # 化工路、解放路等小学: 化工路小学
                members.append(item)
                pos = item.stem_start
            else:
                raw = _raw_item(norm, pos, clause_start)
                if raw is None and mention.category in ("road", "members"):
                    raw = _route_end_item(norm, pos, clause_start)
                if raw is None:
                    break
                if _shares_type_head(mention, raw):
                    raw.shared_head = (mention.head_start, mention.head_end)  # 中车、杨家峪等小学: 中车小学
                members.append(raw)
                raw_items.append(raw)
                pos = raw.stem_start
            while mention.category in ("road", "members") and pos - 1 > clause_start and norm[pos - 1] in RANGE_MARKS \
                    and "\u4e00" <= norm[pos - 2] <= "\u9fff":
                # 高酿镇至石洞镇、蓝田镇至瓮洞镇等4条通乡油路, 大四站—倭肯: a road listed by the places it joins
                # (also in a list of projects: 桥圩至东津、…公路等项目; through more places: A—B—C—县城).
                origin = by_end.get(pos - 1) or _raw_item(norm, pos - 1, clause_start, generic_ok=True)
                if origin is None or origin is mention:
                    break
                origin.kind = "skip"
                members[-1].stem_start = pos = origin.stem_start
                members[-1].stop, members[-1].stop_start = origin.stop, origin.stop_start
            separator = next((s for s in SEPARATORS if pos - len(s) >= clause_start
                              and norm.startswith(s, pos - len(s))), None)
            if separator is None or len(separator) == 1 and (len(stop_ending_at(norm, pos, clause_start) or "") > 1
                                                             or norm.endswith(_VERBS_ENDING_IN_SEPARATOR, clause_start, pos)):
                break  # (共涉及紫云、五角场, 将惠及梅花、星星: 及 ends the verb, no separator: the list opens after it)
            pos -= len(separator)
        if _townships_in_scope(norm, mention, members):
            for member in members:  # 对中北镇、西营门街、李七庄街共13个小区改造: where the 13 are
                member.kind = "skip"
            if mention.stop is None:  # (改造A镇、B镇5所卫生院: the list's verb is the group's)
                mention.stop, mention.stop_start = members[-1].stop, members[-1].stop_start
            members = []
        members.reverse()
        mention.members = members
        for member in members:
            member.typed_by = mention
    _bracketed_members(norm, mentions)
    raw_items.extend(_parallel_items(norm, mentions, clause_start, by_end))
    raw_items.extend(_route_items(norm, mentions, clause_start))
    raw_items.extend(_abbreviated_items(norm, mentions, clause_start))
    mentions.extend(raw_items)
    mentions.sort(key=lambda m: m.stem_start)
    # Chains: mentions joined only by separators (or a 等 type head) share the action on the right.
    chain = []
    chains = []
    previous_end = None
    for mention in mentions:
        if mention.kind == "skip":
            continue
        gap = norm[previous_end:mention.stem_start] if previous_end is not None else None
        joined = gap is not None and (gap in SEPARATORS or gap == "等" or gap == "")
        if chain and joined and len(chain) < MAX_CHAIN:
            chain.append(mention)
        else:
            if chain:
                chains.append(chain)
            chain = [mention]
        previous_end = mention.end
    if chain:
        chains.append(chain)
    for chain in chains:
        # A mention alone keeps its empty chain (the rules read it as [mention]): a list holding the
        # mention itself would be a cycle that only the garbage collector frees, after the report.
        if len(chain) > 1:
            for mention in chain:
                mention.chain = chain


def _shares_type_head(mention, item):
    """True when a list item is named with the head of the type that closes the list
    (新建化工路、中车、杨家峪等小学: 化工路小学, 中车小学): the type is a bare head of the
    institutions named for a place (a school, a clinic), and the item has no head or a road's."""
    return mention.stem_start == mention.head_start and mention.head in _PLACE_NAMED_INSTITUTIONS \
        and (item.kind == "raw" or item.category == "road")


# Institutions named for the place or road they stand at (化工路小学, 青松卫生院).
_PLACE_NAMED_INSTITUTIONS = frozenset(("小学", "中学", "幼儿园", "卫生院", "卫生室"))


def _townships_in_scope(norm, mention, members):
    """True when the items of a list closed by a count without 等 are townships (镇, 乡, 街道, and 街
    beside them) fewer than the things counted, which are no townships: the towns hold the things
    counted (中北镇、西营门街共13个小区), they are none of them (青山镇、白石镇2所卫生院 are clinics)."""
    if mention.stop == "等" or not members or mention.head.endswith(TOWNSHIP_SUFFIXES):
        return False
    count = COUNT_RE.match(norm, mention.stem_start, mention.head_start)  # (the count opens the stem: 共13个小区)
    value = parse_number(count.group("num")) if count is not None else None
    if value is None or value <= len(members) or count.group("unit") in SIZE_UNITS:
        return False
    endings = [norm[:member.end].endswith(TOWNSHIP_SUFFIXES) for member in members]
    return any(endings) and all(ends or norm[member.end - 1] == "街" for ends, member in zip(endings, members))


def _counted_share(norm, item, counted):
    """True when a list item counts things of the kind ``counted`` counts itself (池店镇11个小区 before
    青阳街道21个小区): a share of its own (隆里乡三大桥至华寨 names a road by a bridge, 204所西侧规划路
    a road by a number)."""
    if item.category != counted.category:
        return False
    if item.count is not None:
        return True
    # the count after the place holding the things (204所西侧规划路 opens with a number, no count)
    return item.stem_start is not None and COUNT_RE.search(norm, item.stem_start + 1, item.head_start) is not None


def _after_separator(norm, pos, clause_start):
    """True when a list's separator (、, 和…) ends right before ``pos`` in the clause."""
    return any(pos - len(s) >= clause_start and norm.startswith(s, pos - len(s)) for s in SEPARATORS)


def _bracketed_members(norm, mentions):
    """新建2条道路(发展大道、产业大道): names listed in brackets right after a counted type are its
    members, as they are before it (发展大道、产业大道2条道路)."""
    starts = [m.stem_start for m in mentions]  # (left to right: the clause's mentions)
    for index, mention in enumerate(mentions):
        if mention.kind == "skip" or mention.members or norm[mention.end:mention.end + 1] != "(" or not (
                mention.count is not None or COUNT_RE.match(norm, mention.stem_start, mention.head_start)):
            continue
        close = norm.find(")", mention.end, mention.end + MAX_BRACKETED_LIST)
        inside = mentions[index + 1:bisect.bisect_right(starts, close)]
        members = [m for m in inside if m.kind != "skip" and m.typed_by is None and mention.end < m.stem_start
                   and m.end <= close]
        if close < 0 or len(members) < 2:
            continue  # 3个项目(青山路): one name in brackets may be a note on the type, no list
        mention.members = members
        for member in members:
            member.typed_by = mention


def _ends_with_any_head(text):
    """True when a head of the lexicon (of any length) ends ``text`` (三环路, 青山站)."""
    table = heads()
    return any(text[-n:] in table for n in range(1, len(text) + 1))


def _works_only(text):
    """True when ``text`` is made of actions and followers only (提升改造, 完善工程, 教学设施)."""
    while text:
        word = match_any(text, 0, ACTIONS_SORTED) or match_any(text, 0, FOLLOWERS_SORTED)
        if word is None:
            return False
        text = text[len(word):]
    return True


def _parallel_items(norm, mentions, clause_start, by_end):
    """城关镇、江洛镇敬老院: list items shaped like the named stem share its head.

    An item before 、 that ends like the stem (镇 and 镇, 乡 and 乡, or two directions as in
    城西、城北) is a place of the same kind, written once with the shared head. A road before
    it that ends like the stem (东门街、十字街片区) is typed by the head instead of being a road.
    Only for uncounted facilities whose stem opens the list item.
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
            raw = _raw_item(norm, pos, clause_start)
            if raw is None or not _alike(_item_tail(norm, raw.stem_start, pos), last) \
                    or not 2 <= pos - raw.stem_start <= 6:
                break
            raw.typed_by = mention
            items.append(raw)
            pos = raw.stem_start - 1
            if pos <= clause_start or norm[pos] != "、":
                break
        if len(items) == found and _bare_place_stem(norm, mention):
            items.extend(_bare_items(norm, mention, start - 1, clause_start, by_end))
    return items


def _route_items(norm, mentions, clause_start):
    """南丹至天峨、平塘至天峨(天峨段)、天峨经凤山至巴马高速公路: routes listed before a route
    that ends with an intercity head (高速公路, 铁路) share that head."""
    items = []
    for mention in mentions:
        start = mention.stem_start
        if mention.head not in INTERCITY_HEADS or mention.stop or mention.typed_by or mention.count \
                or "至" not in norm[start:mention.head_start] or start - 1 <= clause_start or norm[start - 1] != "、":
            continue
        pos = start - 1
        while pos > clause_start and norm[pos] == "、":
            bracket = BRACKETED_SECTION_END.search(norm, max(clause_start, pos - 10), pos)
            found = _route_start(norm, bracket.start() if bracket else pos, clause_start)
            if found is None:
                via = _route_start(norm, pos, clause_start, mark=ROUTE_VIA_STOP)
                if via is not None and _via_only(norm[via[0]:pos]):
                    # 青山经红岩、白石至黄沙公路: the places a route passes (经A、B) are listed in its name
                    mention.stem_start, mention.stop = via
                    mention.stop_start = via[0] - len(via[1]) if via[1] else None
                    for inside in mentions:  # 陆川经大桥: a town passed (大桥镇) is no bridge
                        if inside is not mention and inside.stem_start >= via[0] and inside.end <= pos:
                            inside.kind = "skip"
                break
            item_start, stop = found
            for inside in mentions:  # 沿河至德江: a town the route ends at (德江, 松江) is no river
                if inside is not mention and inside.stem_start >= item_start and inside.end <= pos \
                        and inside.category == "water" and len(inside.head) == 1:
                    inside.kind = "skip"
            items.append(Mention(kind="raw", head="", category=None, stem_start=item_start, head_start=pos,
                                 head_end=pos, end=pos, section=None, count=None, stop=stop,
                                 stop_start=item_start - len(stop) if stop else None, members=[], typed_by=mention))
            pos = item_start - 1
    return items


def _via_only(text):
    """True when a listed item says where a route starts and passes (青山经红岩) but not where it
    ends: the list goes on inside one route's name, no route of its own."""
    return ROUTE_VIA_STOP in text[1:] and not any(mark in text for mark in "至到—–-")


def _abbreviated_items(norm, mentions, clause_start):
    """平文、蒙文砚、文马、文麻高速公路, 合周、淮桐、淮扬高速: routes named by abbreviations of the
    places they join (two or three characters each), listed before one that carries the head,
    share it: each is named with it. The last two may be joined by 和 or 及 (雄商和津潍高铁)."""
    items = []
    for mention in mentions:
        start = mention.stem_start
        if mention.head not in ABBREVIATED_ROUTE_HEADS or mention.typed_by or mention.count \
                or mention.stop and not (mention.stop in _ABBREVIATION_JOINS and mention.stop_start == start - 1) \
                or not 2 <= mention.head_start - start <= 3 or start - 1 <= clause_start \
                or norm[start - 1] not in _ABBREVIATION_JOINS:
            continue
        pos = start - 1
        while pos > clause_start and (norm[pos] == "、" or pos == start - 1):
            raw = _raw_item(norm, pos, clause_start)
            if raw is None or not 2 <= pos - raw.stem_start <= 3 or _ends_with_any_head(norm[raw.stem_start:pos]):
                break  # (三环路、温福铁路: a road of its own is no abbreviation)
            if norm[pos] != "、" and norm.endswith(_PLACE_SUFFIXES, raw.stem_start, pos):
                break  # (完善饶河县和建鸡高速的连接: a county joined to a route is no abbreviation)
            raw.typed_by, raw.shared_head = mention, (mention.head_start, mention.head_end)
            items.append(raw)
            pos = raw.stem_start - 1
    return items


# What joins the last abbreviated route to the one before it: 、 or a conjunction (雄商和津潍高铁);
# 与 is left out (连接A县与B高速: a place joined to a route). A place before a conjunction that
# ends like a jurisdiction or township (青河县和白鹤高速) is no abbreviation.
_ABBREVIATION_JOINS = ("、", "和", "及")
_PLACE_SUFFIXES = tuple(JURISDICTION_SUFFIXES) + tuple(TOWNSHIP_SUFFIXES)


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
    items = []
    while pos > clause_start and len(items) < MAX_CHAIN:
        item = by_end.get(pos)
        if item is not None and not _bare_village(norm, item):
            return []
        item = item or _raw_item(norm, pos, clause_start)
        if item is None or not _bare_place(norm, item.stem_start, pos):
            return []
        items.append(item)
        opens_clause = item.stop is None and item.stem_start == clause_start and _works_after(norm, mention.end)
        if item.stop is not None or opens_clause:
            if item.stop is not None and item.stop not in LEFT_ACTIONS and item.stop not in PHASE_VERBS:
                return []  # (把石山、牛山、柳湾水库连成一片: the list opens at no works, the places are context)
            for item in items:
                item.typed_by, item.shared_head = mention, (mention.head_start, mention.head_end)
            return [item for item in items if item.kind == "raw"]
        pos = item.stem_start - 1
        if pos <= clause_start or norm[pos] != "、":
            return []
    return []


def _bare_village(norm, mention):
    """True when a mention is a village named bare (青村), with nothing of its own: a list item too."""
    return mention.category == "village" and not mention.count and not mention.section \
        and not mention.typed_by and not mention.members


def _works_after(norm, end):
    """True when works are said after ``end`` in its clause (…灌区现代化改造): a list opening its
    clause has its verb there."""
    stop = next((i for i in range(end, min(len(norm), end + 16)) if norm[i] in HARD_BREAKS or norm[i] in "，,"), len(norm))
    return any(action in norm[end:stop] for action in _ACTIONS if len(action) > 1)


def _bare_place(norm, start, end):
    """True when ``norm[start:end]`` is a bare place of two to five Han characters (白沙, 青石岭):
    no generic word, nothing of works."""
    text = norm[start:end]
    return (2 <= len(text) <= 5 and _HAN_PLACE.fullmatch(text) is not None and text[0] not in "和与及或"
            and not any(is_generic(text[i:]) for i in range(len(text) - 1)) and text[-1] not in "大小新旧老"  # (白坪大型, 平东小)
            and not any(word in text for word in _WORKS_WORDS if len(word) > 1)  # (更换路灯: works)
            and "期" not in text and COUNT_RE.search(text) is None  # (一期, 万亩荷花: a phase, a count)
            and not any(ch in _AREA_UNITS for ch in text)
            and text[-1] != "市" and not any(ch in "路街巷" for ch in text[1:]))  # (宣化路早市: a street's market)


def _bare_place_stem(norm, mention):
    """True when a facility of ``_BARE_PLACE_CATEGORIES`` is named by a bare place before a head of
    two or more characters (青石岭灌区, 东风水库): a bare place listed before it, right after the
    list's verb, shares the head (白沙、青石岭灌区: 白沙灌区)."""
    return len(mention.head) >= 2 and mention.category in _BARE_PLACE_CATEGORIES and mention.head not in NETWORK_HEADS \
        and _bare_place(norm, mention.stem_start, mention.head_start)


def _alike(first, second):
    """Two tails of parallel list items: equal, or both directions (城西、城北)."""
    return first == second or (first in DIRECTIONS and second in DIRECTIONS)


# Words after a place that narrow its works (县道头沙线全线, 青山路人行道), its sides aside (青山路周边).
_ITEM_FOLLOWERS = tuple(word for word in FOLLOWERS_SORTED
                        if word not in SIDE_WORDS and not word.endswith(WORKS_TAILS) and len(word) > 1)


def _item_before_follower(norm, pos, by_end):
    """The mention a list item names before a follower word ending at ``pos`` (县道头沙线全线、…等
    农村公路: the member is 县道头沙线, not a raw item 县道头沙线全线), or None."""
    for word in _ITEM_FOLLOWERS:
        if norm.endswith(word, 0, pos) and by_end.get(pos - len(word)) is not None:
            return by_end[pos - len(word)]
    return None


def _village_tail(norm, start, end):
    """社区 or 村 when a list item ends with one, less a generic word after it (茅梓桥社区居家, before
    养老服务站点), else None."""
    for pos in range(end, max(start + 2, end - 4) - 1, -1):
        if is_generic(norm[pos:end]) and norm.endswith(_VILLAGE_TAILS, start + 2, pos):
            return next(tail for tail in _VILLAGE_TAILS if norm.endswith(tail, 0, pos))
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


def _route_end_item(norm, pos, clause_start):
    """A generic word after a range mark ending at ``pos``: a route's end (县城 of 南大里—县城), or None."""
    item = _raw_item(norm, pos, clause_start, generic_ok=True)
    if item is None or item.stem_start - 1 <= clause_start or norm[item.stem_start - 1] not in RANGE_MARKS:
        return None
    return item


def _raw_item(norm, pos, clause_start, generic_ok=False):
    """A list item without a head (金牛建材, 宝华) ending at ``pos``; None if implausible.

    ``generic_ok``: a generic word is an item too (县城 in 县城至润松集镇, a route's end).
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
    if not all("\u4e00" <= ch <= "\u9fff" or (ch.isascii() and ch.isalnum()) or ch == "-" for ch in text.strip("-")):
        return None
    if "的" in text or len(text) > 2 and text[-1] in "和与及或":
        return None  # 省道里的三、四级和等外级路段: words of a phrase, no name (永和, 太和 are places)
    if any(text[i:j] in _LONG_STOPS for i in range(len(text) - 1) for j in range(i + 2, min(len(text), i + _LONGEST_STOP) + 1)):
        return None
    return Mention(kind="raw", head="", category=None, stem_start=start, head_start=pos,
            head_end=pos, end=pos, section=None, count=None, stop=stop,
            stop_start=start - len(stop) if stop else None, members=[], typed_by=None)


def link_listed_members(norm, records, sent_start, sent_end):
    """新建幼儿园8所，其中包括A、B: A and B become members of the counted group before them."""
    if all(record.named for record in records):
        return  # no counted group to take members (most sentences)
    spans = list(clauses(norm, sent_start, sent_end))
    for index, (c0, c1) in enumerate(spans[1:], 1):
        clause_text = norm[c0:c1]
        if not clause_text.startswith(MEMBER_MARKERS):
            continue
        # The counted group is in the nearest earlier clause that has any record: a clause of
        # measures between them (新增学位1.2万个) does not break the link.
        previous = next((c for c in reversed(spans[:index])
                         if any(c[0] <= r.start < c[1] for r in records)), None)
        if previous is None:
            continue
        groups = [r for r in records if not r.named and not r.remainder
                  and previous[0] <= r.start < previous[1]]
        if len(groups) != 1:
            continue
        group = groups[0]
        members = [r for r in records if r.named and c0 <= r.start < c1
                   and _same_kind(r.category, group.category)]
        # 其中新建A、B，改造升级C、D: the listing goes on over clauses that open with a works verb
        # and hold named members only (加快C建设 is a new statement, not a part of the list).
        for d0, d1 in spans[index + 1:]:
            inside = [r for r in records if d0 <= r.start < d1]
            if not match_any(norm, d0, ACTIONS_SORTED) or not inside or any(
                    not r.named or not _same_kind(r.category, group.category) for r in inside):
                break
            members.extend(inside)
        list_members(group, members)


def list_members(group, members):
    """Make ``members`` the named members of the counted ``group`` (fewer than its count): the
    group keeps the rest of the count, and members without works take the group's."""
    total = group.quantity["value"]
    if not members or len(members) >= total or group.quantity["unit"] in DWELLING_UNITS:
        return  # (新建安置房1200套,其中包括A花园: the estates hold the dwellings, no 1199套 are left)
    group.quantity = {"value": total - len(members), "unit": group.quantity["unit"]}
    group.group_total = {"value": total, "unit": group.quantity["unit"]}
    group.remainder = True
    group.listed_members = members
    for member in members:
        member.action = member.action or group.action



def listed_with_counted_types(norm, mention):
    """True when the mention's list (chain) holds a counted type noun (社区公园12个)."""
    for other in mention.chain or []:
        if other is mention or other.kind in ("raw", "skip", "code"):
            continue
        count, _, label = analyse_stem(norm, other)
        if (count or other.count) and label in ("generic", "empty"):
            return True
    return False


def _same_kind(first, second):
    """Equal categories, or two road categories (a 新建 and an 改造 road of one road count)."""
    return first == second or (first in ROAD_CATEGORIES and second in ROAD_CATEGORIES)


def kind_after_kinds(norm, start, head_start):
    """True when the short stem at ``start`` ends a 、-list of generic kinds (供水、燃气、消防管网,
    雨水、污水、再生水管网): it is a kind of its own, no name."""
    if not 0 < head_start - start <= _KIND_MAXLEN or start < 2 or norm[start - 1] != "、":
        return False
    end, kinds = start - 1, 0
    while end > 0 and kinds < _KIND_LIST_MAX:
        item = next((norm[end - n:end] for n in range(_KIND_MAXLEN, 1, -1)
                     if end - n >= 0 and is_generic(norm[end - n:end])), None)
        if item is None:
            return False
        kinds += 1
        end -= len(item)
        if norm[end - 1:end] != "、":
            return kinds >= 2
        end -= 1
    return kinds >= 2


_KIND_MAXLEN = 3  # characters of a kind of network (燃气, 再生水)
_KIND_LIST_MAX = 6
