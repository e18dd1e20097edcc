"""Lists: 等-typed enumerations, members in brackets after a counted type, chains sharing an action, members named after 其中, rivers a list without works only describes (items sharing a head: ``shared_heads``; partners and locators: ``partners``)."""

from __future__ import annotations

import bisect
import re

from geo.lexicon import (
    CONTEXT_VERBS, DEFECT_WORDS, PRODUCT_TYPES, SIDE_WORDS, WORKS_TAILS, DWELLING_UNITS, MEMBER_MARKERS, SEPARATORS,
    SIZE_UNITS, TOWNSHIP_SUFFIXES, HOLDING_ZONES, ROAD_HOLDING_PLACES)
from geo.lexicon_lookups import (
    ACTION_INDEX, ACTIONS_SORTED, FOLLOWERS_SORTED, is_generic, match_any, stop_ending_at, word_index)
from geo.numbers import parse_number
from geo.extract.patterns import COUNT_RE, count_search, RANGE_MARKS, ROAD_CATEGORIES
from geo.extract.chains import Chain, once_per_chain
from geo.extract.segment import clauses
from geo.extract.shared_heads import abbreviated_items, numbered_share, parallel_items, raw_item, route_items
from geo.extract.stem_labels import analyse_stem
from geo.settings import (DESCRIBED_GROUP_CATEGORIES, MAX_BRACKETED_LIST, MAX_CHAIN, NETWORK_KIND_LIST_MAX,
                         NETWORK_KIND_MAX_CHARS)


# Context verbs ending in a separator's character (惠及): before a list the character ends the verb.
_VERBS_ENDING_IN_SEPARATOR = tuple(verb for verb in CONTEXT_VERBS
                                   if len(verb) > 1 and any(verb.endswith(s) for s in SEPARATORS))


def resolve_enumerations(norm, mentions, clause_start):
    """Link ``A、B等N<head>`` members to their type head and build chains for actions."""
    if not mentions:
        return  # (half the clauses of a report have none: nothing to link, no items to add)
    by_end = {m.end: m for m in mentions if m.kind != "skip"}
    skip_ends = {m.end for m in mentions if m.kind == "skip"}
    counted_ends = sorted(m.end for m in mentions if m.kind != "skip" and m.list_end)
    raw_items = []
    for mention in mentions:
        if mention.kind == "skip" or (mention.stop != "等" and not mention.list_end):
            continue
        if mention.stem_start is not None and any(word in norm[mention.stem_start:mention.head_start] for word in PRODUCT_TYPES):
            continue  # 中药材、烤烟等万亩农产品基地: the items listed are products, not places
        if mention.stop == "等" and norm.startswith(DEFECT_WORDS, mention.end):
            continue  # 坑洼、车辙等道路病害: the items listed are the defects of a kind of place, not places
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
                raw = raw_item(norm, pos, clause_start)
                if raw is None and mention.category in ("road", "members"):
                    raw = _route_end_item(norm, pos, clause_start)
                if raw is None or _counted_inside(counted_ends, raw.stem_start, pos):
                    break  # (总计17条街路工程、…: a counted type closing a list of its own is no member, nor its item)
                if _shares_type_head(mention, raw):
                    raw.shared_head = (mention.head_start, mention.head_end)  # 中车、杨家峪等小学: 中车小学
                elif members:
                    raw.shared_head = numbered_share(norm, raw, members[-1])  # 230号、318号规划路等: 230号规划路
                members.append(raw)
                raw_items.append(raw)
                pos = raw.stem_start
            while mention.category in ("road", "members") and pos - 1 > clause_start and norm[pos - 1] in RANGE_MARKS \
                    and "\u4e00" <= norm[pos - 2] <= "\u9fff":
                # 高酿镇至石洞镇、蓝田镇至瓮洞镇等4条通乡油路, 大四站—倭肯: a road listed by the places it joins
                # (also in a list of projects: 桥圩至东津、…公路等项目; through more places: A—B—C—县城).
                origin = by_end.get(pos - 1) or raw_item(norm, pos - 1, clause_start, generic_ok=True)
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
        zone = _holding_zone(norm, mention, members)
        if zone is not None:
            zone.kind = "skip"  # 静海新城21个旧楼区: the compounds are in the new town, which is none of them
            if mention.stop is None and len(members) == 1:
                mention.stop, mention.stop_start = zone.stop, zone.stop_start
            members = []  # (A公园和团泊新城3座公园: the list before the zone is no member either)
        if members and _places_holding_roads(norm, mention):
            for member in members:  # A村及B村等2村道路: the villages whose roads these are, no road each
                member.kind = "skip"
            members = []
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
    raw_items.extend(parallel_items(norm, mentions, clause_start, by_end))
    raw_items.extend(route_items(norm, mentions, clause_start))
    raw_items.extend(abbreviated_items(norm, mentions, clause_start))
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
            chain = Chain([mention])
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
    institutions named for a place (a school, a clinic), and the item has no head, a road's or a
    river's or lake's of one character (长江、杨家峪等小学: 长江小学, named for the river)."""
    return mention.stem_start == mention.head_start and mention.head in _PLACE_NAMED_INSTITUTIONS \
        and (item.kind == "raw" or item.category == "road" or item.category == "water" and len(item.head) == 1)


# Institutions named for the place or road they stand at (化工路小学, 青松卫生院).
_PLACE_NAMED_INSTITUTIONS = frozenset(("小学", "中学", "幼儿园", "卫生院", "卫生室"))


# What follows 等 when the list's items are places holding the roads the type names: a count of
# villages (等2村道路), or a zone (等农地重划区内共十六条农路). One character needs the count: 等村道
# closes a list of village roads.
_HOLDING_PLACE = re.compile(r"(?P<count>(?:\d+|[一二两三四五六七八九十]+)个?)?(?P<place>"
                            + "|".join(sorted(ROAD_HOLDING_PLACES, key=lambda w: (-len(w), w))) + ")")


def _places_holding_roads(norm, mention):
    """True when a road type closes a 等 list with the places whose roads it names (青山村及白石村等
    2村道路, 白石、红厝等农地重划区内共十六条农路): the items are those places, none of them a road."""
    if mention.stop != "等" or mention.category != "road":
        return False
    match = _HOLDING_PLACE.match(norm, mention.stop_start + 1, mention.head_start)
    return match is not None and (match.group("count") is not None or len(match.group("place")) > 1)


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


def _holding_zone(norm, mention, members):
    """The zone right before a count that holds the things counted, or None: 静海新城21个旧楼区 (old
    compounds in the new town), 团泊新城3座市政公园, 下花园区15个项目, 其中A街14个社区 (communities of
    a subdistrict). The zone is none of them: the count is more than the list, and of another kind
    (A园区、B园区3个园区 counts zones)."""
    if mention.stop == "等" or not members or members[0].end != mention.stem_start:
        return None
    zone = members[0]  # (the item next to the count: members are collected right to left)
    if any(member.kind == "raw" for member in members):
        return None  # (a raw item is a place only as a member: a list of them is no zone's)
    count = COUNT_RE.match(norm, mention.stem_start, mention.head_start)
    value = parse_number(count.group("num")) if count is not None else None
    if value is None or value <= len(members) or count.group("unit") in SIZE_UNITS:
        return None
    word = next((w for w in HOLDING_ZONES if norm.endswith(w, zone.stem_start, zone.end)), None)
    if word is None and zone.head == "街" and mention.category == "area":
        word = "街"  # (a subdistrict written 街, as 中北镇、西营门街 in a list of townships)
    return zone if word is not None and not mention.head.endswith(word) else None


def _counted_share(norm, item, counted):
    """True when a list item counts things of the kind ``counted`` counts itself (池店镇11个小区 before
    青阳街道21个小区): a share of its own (隆里乡三大桥至华寨 names a road by a bridge, 204所西侧规划路
    a road by a number)."""
    if item.category != counted.category:
        return False
    if item.count is not None:
        return True
    # the count after the place holding the things (204所西侧规划路 opens with a number, no count)
    return item.stem_start is not None and count_search(norm, item.stem_start + 1, item.head_start) is not None


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


def _works_only(text):
    """True when ``text`` is made of actions and followers only (提升改造, 完善工程, 教学设施)."""
    while text:
        word = match_any(text, 0, ACTIONS_SORTED) or match_any(text, 0, FOLLOWERS_SORTED)
        if word is None:
            return False
        text = text[len(word):]
    return True


# Words after a place that narrow its works (县道头沙线全线, 青山路人行道), its sides aside (青山路周边).
_ITEM_FOLLOWERS = tuple(word for word in FOLLOWERS_SORTED
                        if word not in SIDE_WORDS and not word.endswith(WORKS_TAILS) and len(word) > 1)
_ITEM_FOLLOWER_INDEX = word_index(_ITEM_FOLLOWERS)


def _item_before_follower(norm, pos, by_end):
    """The mention a list item names before a follower word ending at ``pos`` (县道头沙线全线、…等
    农村公路: the member is 县道头沙线, not a raw item 县道头沙线全线), or None.

    The words ending there are looked up by their last character, longest first (the order of
    ``_ITEM_FOLLOWERS``), not each word of the list tried in turn."""
    for word in _ITEM_FOLLOWER_INDEX.ending_at(norm, pos):
        item = by_end.get(pos - len(word))
        if item is not None:
            return item
    return None


def _counted_inside(counted_ends, start, end):
    """True when a counted type closing a list of its own (``counted_ends``, sorted) ends inside
    ``start..end`` (before ``end``: one ending there is the item the walk stops at already)."""
    i = bisect.bisect_right(counted_ends, start)
    return i < len(counted_ends) and counted_ends[i] < end


def _route_end_item(norm, pos, clause_start):
    """A generic word after a range mark ending at ``pos``: a route's end (县城 of 南大里—县城), or None."""
    item = raw_item(norm, pos, clause_start, generic_ok=True)
    if item is None or item.stem_start - 1 <= clause_start or norm[item.stem_start - 1] not in RANGE_MARKS:
        return None
    return item


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
    if not mention.chain:
        return False
    return any(other is not mention for other in once_per_chain(mention.chain, _counted_types, norm))


def _counted_types(chain, norm):
    """The first two counted type nouns of a list (with two, every item of it has one other than itself)."""
    found = []
    for other in chain:
        if other.kind in ("raw", "skip", "code"):
            continue
        count, _, label = analyse_stem(norm, other)
        if (count or other.count) and label in ("generic", "empty"):
            found.append(other)
            if len(found) == 2:
                break
    return found


def _same_kind(first, second):
    """Equal categories, or two road categories (a 新建 and an 改造 road of one road count)."""
    return first == second or (first in ROAD_CATEGORIES and second in ROAD_CATEGORIES)


def kind_after_kinds(norm, start, head_start):
    """True when the short stem at ``start`` ends a 、-list of generic kinds (供水、燃气、消防管网,
    雨水、污水、再生水管网): it is a kind of its own, no name."""
    if not 0 < head_start - start <= NETWORK_KIND_MAX_CHARS or start < 2 or norm[start - 1] != "、":
        return False
    end, kinds = start - 1, 0
    while end > 0 and kinds < NETWORK_KIND_LIST_MAX:
        item = next((norm[end - n:end] for n in range(NETWORK_KIND_MAX_CHARS, 1, -1)
                     if end - n >= 0 and is_generic(norm[end - n:end])), None)
        if item is None:
            return False
        kinds += 1
        end -= len(item)
        if norm[end - 1:end] != "、":
            return kinds >= 2
        end -= 1
    return kinds >= 2


def described_members(norm, records, sent_start, sent_end):
    """The records of a sentence less the named members of a type of water bodies (counted, or after 等) in a
    sentence that says no works (长江、清江、渔洋河三条河流流经其境内; 横跨A江、B河等3条江河; A河、B河等
    9条幸福河湖评估): the list describes the place, its rivers are no projects.

    A member with works of its own, a type that is itself a named place (白沙、青石岭水库) or any
    works word in the sentence keeps them all (实施A河、B河等5条河道综合整治).
    """
    if not any(r.named and r.action is None and r.category in DESCRIBED_GROUP_CATEGORIES and r.mention.typed_by
               or r.listed_members for r in records):
        return records  # (no list under a type: most sentences)
    named = {id(r.mention) for r in records if r.named}
    listed = {id(member) for r in records if not r.named and r.category in DESCRIBED_GROUP_CATEGORIES
              for member in r.listed_members}  # (当代上品湾、恒大雅苑等5个楼盘: a bay's name, no river)
    described = [r for r in records if r.named and r.action is None and r.category in DESCRIBED_GROUP_CATEGORIES
                 and (id(r) in listed or _typed_by_type(r.mention, named))]
    if not described or ACTION_INDEX.first_in(norm, sent_start, sent_end) is not None:
        return records  # (works said: the list names works sites)
    dropped = set(map(id, described))
    return [r for r in records if id(r) not in dropped]


def _typed_by_type(mention, named):
    """True when a mention is listed under a type of its category that names no place itself
    (``named``: the ids of the sentence's named records' mentions)."""
    typed = mention.typed_by
    return typed is not None and typed.category == mention.category and id(typed) not in named
