"""Mentions joined across a junction, a dash or a link: 港城大道与滨江路交叉口 and 东湖大道—光谷二路连接线 are one name each."""

from __future__ import annotations

import re

from geo.lexicon import CROSSING_HEADS, JUNCTION_HEADS, JUNCTION_STRUCTURE_HEADS, LINK_HEADS, ROAD_JUNCTION_HEADS
from geo.extract.patterns import COUNT_RE, DASHES

_NUMBERED_ROAD_STEM = re.compile(r"\d{1,3}号")
_DASHED_PAIR = re.compile(r"[\u4e00-\u9fff]{2,5}[\-—–][\u4e00-\u9fff]{2,5}")


# A second road written before a junction head with no conjunction ends like a road name.
_ROAD_NAME_END = re.compile(r"(?:路|街|大道|大街|公路|线)$")


_JUNCTION_IN_STEM = re.compile(r"(?:路|街|大道)(?:" + "|".join(sorted(JUNCTION_HEADS, key=len, reverse=True)) + ")")


_JUNCTION_LIST_OPENER = re.compile(r"(?:交叉口|交叉路口|路口|交口)[\u4e00-\u9fff]{0,6}\($")


def _in_junction_list(norm, start, end):
    """True when ``norm[start:end]`` lies in brackets opened right after junctions (4处交叉口信号灯(…))."""
    opened = norm.rfind("(", max(0, start - 40), start)
    return opened >= 0 and ")" not in norm[opened:end] and _JUNCTION_LIST_OPENER.search(norm, max(0, opened - 12), opened + 1) is not None


def merge_junctions(norm, mentions):
    """港城大道与滨江路交叉口, 东湖大道—光谷二路连接线: two roads joined make one name."""
    merged = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        start = mention.stem_start
        if previous is None or previous.end not in (start, start - 1, mention.stop_start):
            # The first mention kept joins nothing before it, nor does one that does not follow
            # it right away or after its conjunction (every join below needs that).
            if _names_its_own(norm, mention):
                merged.append(mention)
            continue
        at_junction = mention.head in JUNCTION_HEADS or mention.head in JUNCTION_STRUCTURE_HEADS and mention.stop == "与" or (
            # 友谊路与弯塘路路口人行下穿通道: a structure at the junction of two roads
            mention.category not in ("road", None) and _JUNCTION_IN_STEM.search(norm, start, mention.head_start))
        junction = at_junction and previous is not None and (
            (mention.stop in ("与", "和") and previous.end == mention.stop_start)
            # 剑南大道锦城大道路口, 青松路、白石路交叉口, 青松路/白石路路口: two roads side by side
            # (a junction listed before is none of them: A路B路路口、C路D路路口)
            or (not mention.stop and (previous.end == start or (previous.end == start - 1 and norm[start - 1] in "、/"))
                and _ROAD_NAME_END.search(norm, start, mention.head_start) and previous.head not in JUNCTION_HEADS))
        stretch = (previous is not None and mention.category == previous.category == "road" and not mention.stop
                   and mention.kind == previous.kind == "name" and start > 0 and norm[start - 1] in DASHES
                   and previous.end == start - 1 and not previous.section)  # 中山路—察尔汗北路: the stretch between
        link = mention.head in LINK_HEADS and previous is not None and (
            (not mention.stop and start > 0 and norm[start - 1] in DASHES and previous.end == start - 1)
            or (mention.stop == "与" and previous.end == mention.stop_start))  # A路与B广场连接线
        # 芙蓉街—百花洲历史文化街区: a named place, a dash and a stem before a non-road head are
        # one project named by both places (the shared head covers both).
        dash_join = (not link and mention.kind in ("name", "facility") and not mention.stop
                     and mention.category not in ("road", None) and start > 0
                     and norm[start - 1] in DASHES and mention.head_start > start
                     and previous is not None and previous.end == start - 1
                     and previous.kind in ("name", "facility") and not previous.section)
        # 增设4处交叉口信号灯(九龙大道和粮棉河路、建湖大道和宝冈线): junctions listed in brackets
        bracketed = (previous is not None and mention.category == "road" and mention.stop in ("与", "和")
                     and previous.end == mention.stop_start and _in_junction_list(norm, previous.stem_start, mention.end))
        junction = junction or bracketed
        if (junction or link or dash_join or stretch) and (previous.category == "road" or dash_join) \
                and not previous.count:
            mention.stem_start = previous.stem_start
            mention.stop, mention.stop_start = previous.stop, previous.stop_start
            merged[-1] = mention
        elif at_junction and _second_partners_listed(norm, merged, mention):
            # 青松路与白石大街、红枫大街交叉口街角游园: a road's junctions with two listed roads locate
            # what is built there; the three roads are its name, none a project of its own
            first = merged[-2] if merged[-1].stop in ("与", "和") else merged[-1]
            mention.stem_start = first.stem_start
            mention.stop, mention.stop_start = first.stop, first.stop_start
            del merged[merged.index(first):]
            merged.append(mention)
        elif previous is not None and previous.end == start and not mention.stop and mention.category == "road" \
                and previous.kind in ("name", "facility") and previous.category not in ("road", None) \
                and not previous.count and not previous.section and _NUMBERED_ROAD_STEM.fullmatch(norm, start, mention.head_start):
            # 青松商务区24号路, 北部湾1号路: a numbered road is named with the zone it belongs to.
            mention.stem_start = previous.stem_start
            mention.stop, mention.stop_start = previous.stop, previous.stop_start
            merged[-1] = mention
        elif previous is not None and previous.kind == "code" and previous.category == "road" \
                and mention.category == "road" and mention.kind == "name" and not mention.stop \
                and previous.end == start and not previous.count and not _opens_with_count(norm, mention):
            # X254丁卯开发区连接线: a road code written before a road's name is part of it (not before a
            # count: G105、S203两条国省道, A线—B、C线—D两条公路 count the list the code ends).
            mention.stem_start = previous.stem_start
            mention.stop, mention.stop_start = previous.stop, previous.stop_start
            merged[-1] = mention
        elif previous is not None and previous.head in CROSSING_HEADS and previous.end == start and not mention.stop \
                and mention.kind in ("name", "facility", "code") and not previous.count:
            # 花溪路下穿汉宜高速段, 滨江西路下穿五一广场: what a road passes under is part of its name.
            mention.stem_start = previous.stem_start
            mention.stop, mention.stop_start = previous.stop, previous.stop_start
            mention.category = previous.category
            merged[-1] = mention
        elif _names_its_own(norm, mention):
            merged.append(mention)
    return merged


def _opens_with_count(norm, mention):
    """True when ``mention``'s stem opens with a count (两条 of 两条公路)."""
    # (the stem with its head, sliced: a code's digits right before the count do not glue to it, S203两条)
    return mention.stem_start < mention.head_start and COUNT_RE.match(norm[mention.stem_start:mention.head_end]) is not None


def _second_partners_listed(norm, merged, mention):
    """True when ``mention`` (a facility whose stem holds a junction) is listed with 、 after a
    road that a conjunction joins to a road before it, or that holds such a join itself (青松路与
    白石大街、|红枫大街交叉口街角游园)."""
    previous, start = merged[-1], mention.stem_start
    if mention.stop or mention.category in ("road", None) or previous.category != "road" or previous.count \
            or previous.end != start - 1 or norm[start - 1] != "、":
        return False
    if previous.stop in ("与", "和"):
        before = merged[-2] if len(merged) > 1 else None
        return before is not None and before.category == "road" and before.end == previous.stop_start and not before.count
    return _JOINED_ROADS.fullmatch(norm, previous.stem_start, previous.end) is not None


# Two roads joined by a conjunction in one mention (青松路与白石大街).
_JOINED_ROADS = re.compile(r"[\u4e00-\u9fff\d]{1,10}(?:路|街|大道|大街)[与和][\u4e00-\u9fff\d]{1,10}(?:路|街|大道|大街)")


def _names_its_own(norm, mention):
    """True when a mention joined to none before it names a place (青松路路口 is the road's
    junction, 海滨-黄山路口 two roads' junction; 平交路口, 五一路口 name none; a junction type
    counted, 渠化路口3处, is a group of junctions)."""
    start = mention.stem_start
    return mention.head not in ROAD_JUNCTION_HEADS or mention.count is not None \
        or _ROAD_NAME_END.search(norm, start, mention.head_start) is not None \
        or _DASHED_PAIR.fullmatch(norm, start, mention.head_start) is not None
