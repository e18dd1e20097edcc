"""Where a mention ends on its right: its sections (东段, 二期, (A至B段)), its count, and the end of the noun phrase."""

from __future__ import annotations

import re

from geo.lexicon import (
    WATER_STRUCTURES, EXISTING_WORDS, WORKS_FOLLOWERS, INTERCITY_HEADS, AREA_TYPE_TAILS,
    CONTEXT_VERBS, COUNTED_PARTS, COUNTED_WORKS, CROSSING_HEADS, BOUNDING_WORDS,
    LIST_OPENERS, SIDE_WORDS, NOT_SECTIONS, SECTIONED_AREA_HEADS, SIZE_UNITS, heads,
    COUNT_AFTER_WORDS, DIRECTED_ROAD_HEADS, PLAN_WORDS, ROUTE_NAME_FOLLOWERS, TALLY_WORDS)
from geo.lexicon_lookups import (
    FILLER_INDEX, ACTION_INDEX, ACTIONS_SORTED, FOLLOWERS_SORTED, deng_in_word, is_generic,
    match_any, multi_stop_ending_at, unit_fits, word_index)
from geo.extract import head_words
from geo.extract.model import Count
from geo.extract.titled_brackets import works_title
from geo.extract.name_tails import generic_reach_at, head_length_at, kind_word_at, names_a_firm, uses_listed
from geo.numbers import parse_number
from geo.settings import (CLASSED_WORKS_CATEGORIES, CLASSED_WORKS_MAX_MODIFIERS, MAX_ADVERBS, MAX_LOCATED_HEAD,
                         ROUTE_JOINT_REACH)
from geo.extract.patterns import (CORNER_QUOTES, DASHES, RANGE_MARKS, ALIAS_RE, COUNT_PREFIX, COUNT_RE, HARD_BREAKS,
                                  LINEAR, PLACE_SECTION_RE, RATING_RE, SECTION_FIRST, SECTION_RE,
                                  STANDARD_BEFORE_WORKS_RE, WORKS_NOUN_RE, WORKS_TIME_RE)

_PHASE_END = re.compile(r"期\)?$")
# 国道210线邻水高滩至川渝界, S316石牛寨-长庆: the stretch a code is given with.
# (or a dash right after the code: S310-前郭, 汾郝线—上林舍, the road from the coded road to a place)
_CODE_ROUTE = re.compile(r"(?:[\u4e00-\u9fff]{2,8}?)?(?P<to>至|[" + re.escape(DASHES) + r"]{1,2})[\u4e00-\u9fff]{2,8}")
_BRACKETED = re.compile(r"\([^()]+\)")  # 实验小学(东区)活动场地: a bracket closes the name
_DASH_RANGE = re.compile(r"\([^()]+[\-—–~][^()]+\)")
_TO_RANGE = re.compile(r"\([^()]+[至到][^()]+\)$")  # 南段(滨海路口至江山大道路口)
# 青山大道36号, 昌榮巷十三號, 南勢巷一八六-十八號: a house number (digits or Chinese numerals, a second one after a dash)
_HOUSE_NUMBER = re.compile(r"(?:\d{1,4}|[一二三四五六七八九十百零〇]{1,5})(?:-(?:\d{1,4}|[一二三四五六七八九十百零〇]{1,5}))?号")
_LANE_NUMBER = re.compile(r"\d{1,4}[巷弄](?![\d一二三四五六七八九十])")  # 草堤路158巷, 青山路10弄: a numbered lane off a road
# A village's group (村民小组) named after it: 乌宿村孙家组, 白石村3组 (not 组织, 组建; not 村民小组 itself).
_VILLAGE_GROUP = re.compile(r"(?:[\d一二三四五六七八九十]{1,2}|(?!民|小|党|工作)[\u4e00-\u9fff]{2})组(?![织成建团合])")
_DIRECTED_END = re.compile(r"[东西南北](?![\d延“]|、[东西南北](?:[^\u4e00-\u9fff]|两|侧))")
_COUNT_OPENERS = frozenset("一二两三四五六七八九十" + "".join(w[0] for w in COUNT_PREFIX.split("|")))
_FOLLOWER_INDEX = word_index(FOLLOWERS_SORTED)
_WORKS_FOLLOWER_INDEX = word_index(WORKS_FOLLOWERS)
_AREA_TAIL_INDEX = word_index(AREA_TYPE_TAILS)
_WATER_STRUCTURE_INDEX = word_index(WATER_STRUCTURES)
_COUNTED_PART_INDEX = word_index(COUNTED_PARTS)
_BOUNDING_INDEX = word_index(BOUNDING_WORDS)
_SIDE_INDEX = word_index(SIDE_WORDS)


def _crossed_way_end(norm, pos, clause_end, window=12):
    """End of the road or railway named right after 下穿 (汉宜高速段), or None."""
    table = heads()
    for end in range(pos + 2, (pos + window if pos + window < clause_end else clause_end) + 1):
        if multi_stop_ending_at(norm, end, pos):
            return None  # 下穿U槽段位于北京路: a verb ends the crossed way's name
        way = norm[pos:end].removesuffix("段")
        if any(way.endswith(h) and table[h][0] in ("road", "rail") for h in (way[-n:] for n in (1, 2, 3, 4))
               if h in table) and right_ok(norm, end, clause_end):
            return end
    return None


def extend_right(norm, mention, clause_end):
    """Add section, count and the end of the mention; None when the noun phrase goes on (every word
    list or pattern looked for at the head's end, here and in right_ok, is in extension_gate's too)."""
    pos = mention.head_end
    if pos >= clause_end or norm[pos] == "、":
        # A quarter of the heads end their clause or a list item: no locator, section, count or
        # works can follow them (every rule below looks for a word or a number at ``pos``).
        mention.section = mention.count = None
        mention.end = pos
        return mention
    located = _located_head(norm, pos, clause_end, mention)
    if located is not None:
        # 资江两岸风光带, 石峰大道两侧辅道, 永安市场周边小区: what lies along or around a place,
        # named by it; the later head types the project.
        head_start, head_end, (category, kind, _) = located
        mention.head_start, mention.head_end, pos = head_start, head_end, head_end
        mention.head, mention.category, mention.kind = norm[head_start:head_end], category, kind
    tail = _AREA_TAIL_INDEX.at(norm, pos) if mention.category == "area" else None
    if tail and mention.kind == "name":
        # 满江片区城市更新单元: the unit is named by the area it renews, as 陈塘庄城市更新单元 is.
        pos = mention.head_end = pos + len(tail)
        mention.head = norm[mention.head_start:pos]
    structure = _water_structure_end(norm, pos, clause_end) if mention.category == "water" and mention.kind == "name" else None
    if structure is not None:
        # 白石江防洪工程, 青山河生态防洪岸: the flood defence built along the river is named by it, as one place.
        pos = mention.head_end = structure
        mention.head = norm[mention.head_start:pos]
    house = _HOUSE_NUMBER.match(norm, pos, clause_end) if mention.category == "road" and mention.kind == "name" else None
    if house is not None and right_ok(norm, house.end(), clause_end) and not COUNT_RE.match(norm, pos, clause_end):
        # 青山大道36号: a road and a house number are an address, a compound (area).
        pos = mention.head_end = house.end()
        mention.head = norm[mention.head_start:pos]
        mention.category = "area"
    group = _VILLAGE_GROUP.match(norm, pos, clause_end) if mention.category == "village" and mention.head == "村" else None
    if group is not None and right_ok(norm, group.end(), clause_end):
        # 乌宿村孙家组道路硬化: the group of a village is a place of it, named by both.
        pos = mention.head_end = group.end()
        mention.head = norm[mention.head_start:pos]
    lane = _LANE_NUMBER.match(norm, pos, clause_end) if mention.category == "road" and mention.kind == "name" else None
    if lane is not None and right_ok(norm, lane.end(), clause_end):
        # 大里草堤路158巷修繕: a lane numbered off a road is a road named by both.
        pos = mention.head_end = lane.end()
        mention.head = norm[mention.head_start:pos]
    if (mention.category == "road" and mention.kind == "name" and mention.head in DIRECTED_ROAD_HEADS
            and _DIRECTED_END.match(norm, pos, clause_end) and right_ok(norm, pos + 1, clause_end)):
        # 商业大道东、商业大道西建成通车, 改造人民路北: a direction after the head ends the road's
        # name (the sides of a road say 东侧, 以东; a distance 东100米; an extension 北延伸).
        pos = mention.head_end = pos + 1
        mention.head = norm[mention.head_start:pos]
    if mention.head in CROSSING_HEADS and not right_ok(norm, pos, clause_end):
        crossed = _crossed_way_end(norm, pos, clause_end)
        if crossed is not None:
            # 花溪路下穿汉宜高速段: the way passed under is part of the name.
            pos = mention.head_end = crossed
            mention.head = norm[mention.head_start:pos]
    mention.section = None
    mention.count = None
    sectioned = mention.category in LINEAR or mention.head in SECTIONED_AREA_HEADS
    section_end = _sections_end(norm, pos, clause_end, sectioned, mention.category)
    if section_end == pos and norm.startswith("”", pos) and norm.startswith("“", mention.stem_start):
        # “广华同城大道”华蓥段: the section of a quoted name follows its closing quote
        after = _sections_end(norm, pos + 1, clause_end, sectioned, mention.category)
        section_end = after if after > pos + 1 and norm[after - 1] == "段" else pos
    if section_end == pos and mention.kind == "code":
        section_end = _route_after_code(norm, pos, clause_end) or (
            _stretch_after_code(norm, pos, clause_end) if _NUMBERED_ROAD.search(mention.head) else None) or pos
    if norm.startswith("周边道路", pos) and mention.category in ("station", "rail", "transport"):
        # 匡山站周边道路改造 is the station's own works (see partners.drop_locators); 青松湖周边道路
        # are roads named by the lake.
        section_end = pos
    closing = section_end > pos and _closes_name(norm[pos:section_end])
    if section_end > pos and (right_ok(norm, section_end, clause_end) or closing):
        mention.section = (pos, section_end)
        pos = section_end
        if closing and _count_at(norm, pos, clause_end, mention) is None:
            # 二郎立交至高九路段城市风貌提升, 综合保税区二期封关运营: a range or a phase closes
            # the name whatever follows.
            mention.end = pos
            return mention
    count = _count_at(norm, pos, clause_end, mention)
    if count is None and norm.startswith(COUNT_AFTER_WORDS, pos):
        # 市政道路有15条: a count after 有 (looked for here only: 有 is too common to open counts)
        count = _count_at(norm, pos + len(next(word for word in COUNT_AFTER_WORDS if norm.startswith(word, pos))), clause_end,
                          mention)
    if count is None and norm.startswith("(", pos):
        # 重点项目(4个): a count in brackets right after the type.
        count = _count_at(norm, pos + 1, clause_end, mention)
        if count is not None and not norm.startswith(")", count.end):
            count = None
    if count is None and pos < clause_end and norm[pos] in "”’\"":
        # “四好农村路”80公里: a quoted type name with its count after the closing quote.
        count = _count_at(norm, pos + 1, clause_end, mention)
        if count is not None:
            mention.closing_quote = pos + 1
    if count is None and mention.kind in ("generic", "designation", "name", "facility"):
        # 背街小巷改造30条, 乡村公路提升改造120公里, 背街小巷“微改造”60条: the count follows the
        # (possibly quoted) action.
        quoted = 1 if pos < clause_end and norm[pos] in "“‘\"" else 0
        closing = 0
        if not quoted and pos < clause_end and norm[pos] in "”’":
            # “四好农村路”提档升级150公里: the count follows the action after the closing quote.
            closing = 1
        if not quoted:
            # 安置点配套设施提升12个: the works on a type's facilities count the type.
            quoted = len(_COUNTED_PART_INDEX.at(norm, pos) or "")
        start = _after_plan_words(norm, pos + quoted + closing) if not (quoted or closing) else pos + quoted + closing
        action = ACTION_INDEX.at(norm, start)
        if action:
            after = start + len(action)
            after += 1 if quoted == 1 and after < clause_end and norm[after] in "”’\"" else 0
            if norm.startswith(COUNTED_WORKS, after) and COUNT_RE.match(norm, after + 2, clause_end):
                after += 2  # 便民码头建设项目5个, 农村公路中修项目28个: the works' projects are counted
            count = _count_at(norm, after, clause_end, mention)
            if count is not None and head_words.share_of_count_before(norm, mention, count):
                count = None  # 123个建设项目开工97个: the count before the type is the whole
            if count is not None:
                mention.post_action = action
                if closing:
                    mention.closing_quote = pos + 1
    if count is None and mention.head in COUNTED_WORKS and norm.startswith(TALLY_WORDS, pos):
        tally = next(word for word in TALLY_WORDS if norm.startswith(word, pos))
        count = _count_at(norm, pos + len(tally), clause_end, mention)  # 续建、新建项目完成165个, 实事项目安排40项
    if count is not None:
        mention.count = count
        mention.end = count.end
        return mention
    ends = right_ok(norm, pos, clause_end)
    if not ends and head_words.counted_before(norm, mention) and head_words.part_then_works(norm, pos, clause_end):
        # 完善43个村卫生室网络建设, 在50所学校食堂开展…: works on a part of each of the places
        # counted; the count counts the places
        mention.end = pos
        return mention
    if not ends and _route_between_places(norm, mention) and WORKS_NOUN_RE.match(norm, pos, clause_end):
        # 青岭至白鹭湾道路提质工程: a route named by its two ends, then works the lexicon does not know
        mention.end = pos
        return mention
    if not ends and _route_between_places(norm, mention) and _route_name_ends(norm, pos, mention.head_start):
        # 在拓宽青岭至白鹭湾公路上, 青岭至白鹭湾二级公路经…争取: a route named by its two ends
        # and its type is a whole name before a word no noun phrase goes on with
        mention.end = pos
        return mention
    if not ends and mention.kind in ("name", "facility") and _WORKS_FOLLOWER_INDEX.at(norm, pos) \
            and not head_words.count_ends_at(norm, mention.head_start):
        # 青松路改善工程, 白石村社区改善经费: a works word no action is (改善) ends a place's name;
        # 五件道路改善工程 stays a count of works, no road
        mention.end = pos
        return mention
    if not ends and mention.category in CLASSED_WORKS_CATEGORIES and mention.kind in ("name", "facility") \
            and _classed_works_follow(norm, pos, clause_end):
        # 青山河文化生态综合治理工程, 白石湖综合提升改造项目: words of a kind, then the works, end the name
        mention.end = pos
        return mention
    if not ends or (mention.category == "area" and head_words.network_follows(norm, pos, clause_end)):
        return None  # 老城片区排水管网: a network in an area is named by the area, as one noun phrase
    bound = _BOUNDING_INDEX.at(norm, pos)
    if bound and right_ok(norm, pos + len(bound), clause_end) and pos + len(bound) < clause_end \
            and not _FOLLOWER_INDEX.at(norm, pos + len(bound)):
        return None  # 三环路以西、化工路以北: roads bounding a site are context
    breakdown = COUNT_RE.match(norm, pos, clause_end)
    if breakdown is not None and right_ok(norm, breakdown.end(), clause_end) \
            and not unit_fits(breakdown.group("unit"), mention.category, mention.head) and breakdown.group("unit") not in SIZE_UNITS:
        return None  # 大石街1所、沙湾街2所: a count of something else per place is a breakdown
    mention.end = pos
    return mention


def _water_structure_end(norm, pos, clause_end):
    """Where a flood defence written right after a river ends (防洪工程, 防洪岸: ``water_structure`` in
    head_roles.tsv, after at most one word of a kind: 生态防洪岸), when the noun phrase ends there; else None."""
    kind = kind_word_at(norm, pos)
    for start in (pos, pos + len(kind)) if kind else (pos,):
        word = _WATER_STRUCTURE_INDEX.at(norm, start)
        if word and right_ok(norm, start + len(word), clause_end):
            return start + len(word)
    return None


def _classed_works_follow(norm, pos, clause_end):
    """True when words of a kind (综合, 生态, 文化; no head among them) and then an action ending a
    noun phrase follow ``pos``: 文化生态综合治理工程, 综合提升改造项目 (the works said of the name
    before them, with words the lexicon has no action for)."""
    after = pos
    for _ in range(CLASSED_WORKS_MAX_MODIFIERS):
        word = kind_word_at(norm, after)
        if word is None:
            return False
        after += len(word)
        action = ACTION_INDEX.at(norm, after)
        if action and right_ok(norm, after + len(action), clause_end):
            return True
    return False


def _after_plan_words(norm, pos):
    """Where the works start after a word that plans or tallies them (项目安排建设56项, 道路计划改造30条,
    项目累计建成12个); ``pos`` when none is there or no works follow it."""
    if not norm.startswith(PLAN_WORDS, pos):
        return pos  # (most counted types: no such word after them)
    word = next(w for w in PLAN_WORDS if norm.startswith(w, pos))
    return pos + len(word) if word and ACTION_INDEX.at(norm, pos + len(word)) else pos


def _route_between_places(norm, mention):
    """True when the head is a route's (道路, 公路) and 至 joins two places right before it."""
    return mention.head in INTERCITY_HEADS and "至" in norm[max(0, mention.head_start - ROUTE_JOINT_REACH):mention.head_start]


def _route_name_ends(norm, pos, head_start):
    """True when a route's name ends at ``pos`` before a word that cannot go on a noun phrase (a
    locative 上, a conjunction 暨, a preposition 经, 因) and its 至 lies in its own list item
    (not in 白石至青山段、青石高铁)."""
    if not norm.startswith(ROUTE_NAME_FOLLOWERS, pos):
        return False
    lo = (head_start - ROUTE_JOINT_REACH if head_start > ROUTE_JOINT_REACH else 0)
    joint = norm.rfind("至", lo, head_start)
    return head_start - joint > 2 and norm.find("、", joint, head_start) < 0


def _route_after_code(norm, pos, clause_end):
    """End of the stretch a road code is given with, as two places without 段 (国道210线邻水高滩至
    川渝界改造), when the noun phrase ends there; else None."""
    match = _CODE_ROUTE.match(norm, pos, clause_end)
    if match is None:
        return None
    for end in range(match.end("to") + 2, match.end() + 1):  # the shortest end the phrase allows
        if right_ok(norm, end, clause_end):
            return end
    return None


# A stretch of a coded road named by two characters (its ends' first ones) before 项目 or 工程: 青新 of G321青新项目;
# only after a road numbered in three digits or four (a national, provincial or county road: G20峰会, G60科创 are
# no expressways' stretches).
_NUMBERED_ROAD = re.compile(r"\d{3}")
_ABBREVIATED_STRETCH = re.compile(r"[\u4e00-\u9fff]{2}(?=项目|工程)")


def _stretch_after_code(norm, pos, clause_end):
    """End of the two-character name of a stretch right after a road code, before 项目 or 工程 (G321青新项目,
    G354大落项目: the 青新 and 大落 stretches), when the two characters are no works (G4扩容项目), no follower
    (G210沿线项目), no generic word and no head; else None."""
    match = _ABBREVIATED_STRETCH.match(norm, pos, clause_end)
    if match is None or ACTION_INDEX.at(norm, pos) or ACTION_INDEX.at(norm, pos + 1) or _FOLLOWER_INDEX.at(norm, pos) \
            or is_generic(match.group()) or head_length_at(norm, pos) or head_length_at(norm, pos + 1) \
            or multi_stop_ending_at(norm, pos + 2, pos):
        return None
    return match.end() if right_ok(norm, match.end(), clause_end) else None


# Another name of a facility in brackets after its name: 数字艺术馆(综合档案馆).
_FACILITY_ALIAS_RE = re.compile(r"\(([\u4e00-\u9fff]{3,12})\)")


def _located_head(norm, pos, clause_end, mention):
    """(head start, head end, head entry) of a head right after a locator word right after a
    named place (资江|两岸|风光带), the head ending the noun phrase; else None.

    A station's 周边道路 stay its own works (匡山站周边道路改造, see partners.drop_locators), and a
    generic or counted head is no project of the place (两侧20米宽绿道, 沿线10个小区).
    """
    if norm[pos:pos + 1] not in _SIDE_INDEX.firsts or mention.kind not in ("name", "facility"):
        return None
    locator = _SIDE_INDEX.at(norm, pos)
    if not locator:
        return None
    start, table = pos + len(locator), heads()
    for end in range((start + MAX_LOCATED_HEAD if start + MAX_LOCATED_HEAD < clause_end else clause_end), start + 1, -1):
        entry = table.get(norm[start:end])
        if entry is None:
            continue
        if entry[1] not in ("name", "facility") or not (right_ok(norm, end, clause_end) or norm.startswith("(", end)):
            return None
        if locator == "周边" and entry[0] == "road" and mention.category in ("station", "rail", "transport"):
            return None
        return start, end, entry
    return None


def _closes_name(section):
    """A range (A至B段) or a phase (二期) ends a name: nothing of the name follows it."""
    return is_range(section) or bool(_PHASE_END.search(section)) or _BRACKETED.fullmatch(section) is not None \
        or bool(_DASH_RANGE.fullmatch(section)) or bool(_TO_RANGE.search(section))  # (华腾路-凌边路)


def is_range(section):
    """A section from one place to another (至建设大路段, (奥体西路至凤凰路段), 界牌-集兵段)."""
    return section.rstrip(")").endswith("段") and any(mark in section for mark in RANGE_MARKS)


def _sections_end(norm, pos, clause_end, linear, category=None):
    """End of the section qualifiers right after a head (东段, 一期, (A至B段), 东平湖段改线), and of
    another name of a facility in brackets (数字艺术馆(综合档案馆))."""
    if not _SECTION_OPENING.match(norm, pos, clause_end) and not section_word_ahead(norm, pos, clause_end):
        return pos  # (most heads: no section, range or bracket can open here; one test for all the patterns)
    if match_any(norm, pos, LIST_OPENERS):
        return pos  # 项目包括黄坛至菊水段公路改建工程: what the type holds, no section of it
    for _ in range(3):
        if generic_reach_at(norm, pos):
            break  # 惠济河重点河段: a reach naming no place is no section of the name
        match = SECTION_RE.match(norm, pos, clause_end)
        if match is not None and match.group("range") and head_words.starts_with_head(match.group("range")):
            match = None  # 黄河浮桥东阿码头至东平段: the range belongs to the 浮桥, not to the 河
        if match is not None and "从" in (match.group("range") or "")[1:]:
            match = None  # 广场贯通已完成从320国道至秋收广场段: a range opened by 从 after other words is none of the head's
        if match is not None and match.group("dash_range") and linear:
            match = None  # 德阳三环—什邡路段: after a road a dash is a heading's, not a stretch from a landmark
        if match is None and linear:
            match = ALIAS_RE.match(norm, pos, clause_end)
        if match is None and not linear and category is not None:
            match = _FACILITY_ALIAS_RE.match(norm, pos, clause_end)
            alias_head = head_words.head_ending(match.group(1)) if match is not None else None
            entry = heads().get(alias_head, ("", "", 0))
            if match is not None and (entry[0] != category or len(match.group(1)) - len(alias_head) < int(entry[2] or 0)
                                      or category == "members" and works_title(norm, pos) is not None):
                # (建设项目(白石小区改造项目): the place of a generic title's works, no alias; 青山学校(九年一贯制):
                # a head with a stem shorter than its names need is the school's kind, no other name)
                match = None
        if match is None and linear:
            match = PLACE_SECTION_RE.match(norm, pos, clause_end)
            if match is not None and (match.group(0).endswith(NOT_SECTIONS)
                                      or not match.group(0).endswith("街道段")
                                      and any(h in match.group(0) for h in ("路", "街", "大道"))
                                      or _UNNAMED_STREET_DISTRICT.match(match.group(0))
                                      or _WATER_NAME_SECTION.match(match.group(0))
                                      or head_words.starts_with_head(match.group(0)) and not head_words.is_place(match.group(0)[:-1])
                                      or not right_ok(norm, match.end(), clause_end)
                                      and not SECTION_RE.match(norm, match.end(), clause_end)):
                # 哈伊高速铁路北安段: 铁路 is the head of the name, not the start of a section.
                match = None
        if match is None:
            break
        pos = match.end()
    return pos


# What every section or alias opens with: a character of SECTION_FIRST (a bracket among them), or
# a text reaching 段 within 26 characters (SECTION_RE's ranges, PLACE_SECTION_RE).
_SECTION_OPENING = re.compile(rf"[{SECTION_FIRST}]")
SECTION_WORDS, SECTION_WORD_REACH = ("段", "境内"), 26  # (what section_word_ahead looks for, and how far: the gate reads both)


def section_word_ahead(norm, pos, clause_end):
    """True when 段 or 境内 lies within 26 characters of ``pos`` in its clause: a range or a place
    may end a section there (see _sections_end and extension_gate.names_nothing_after)."""
    reach = pos + SECTION_WORD_REACH if pos + SECTION_WORD_REACH < clause_end else clause_end
    return norm.find("段", pos, reach) >= 0 or norm.find("境内", pos, reach) >= 0

# 街道段 after a road's head (小清河纬北路街道段): no 街道 is named (a 街道's name has two characters at least).
_UNNAMED_STREET_DISTRICT = re.compile(r"^.?街道段$")

# 安河武侯段 after the head 江 of 江安河武侯段: a river's name (江安河) and its section, not a
# section of 江.
_WATER_NAME_SECTION = re.compile(r"[\u4e00-\u9fff]{1,3}[河江渠溪](?=[\u4e00-\u9fff]{2,4}段$)")


# The size the things counted come to, right after their count: 桥梁8座计956延长米, 道路5条共计12公里.
_TOTAL_AFTER_COUNT = re.compile(r"(?:共计|合计|总计|计)\d")


def _count_at(norm, pos, clause_end, mention):
    match = COUNT_RE.match(norm, pos, clause_end)
    if match is None or not unit_fits(match.group("unit"), mention.category, mention.head):
        return None
    rating = RATING_RE.match(norm, match.end(), clause_end)
    if rating is not None and not right_ok(norm, rating.end(), clause_end):
        return None  # 莱州港2个10万吨级泊位: a rating, then the noun the count counts
    if not right_ok(norm, match.end(), clause_end) and not norm.startswith(("的", "以"), match.end()) \
            and not _TOTAL_AFTER_COUNT.match(norm, match.end(), clause_end) \
            or head_words.noun_follows(norm, match.end(), clause_end) or head_words.device_follows(norm, match.end(), clause_end):
        # 龙泉3个街道社区卫生服务中心, 大明渠2条内河黑臭水体: a count followed by a noun counts
        # that noun, not this name.
        return None
    if match.group("unit") in SIZE_UNITS and norm.startswith("/", match.end()) and mention.category == "bridge":
        counted = COUNT_RE.match(norm, match.end() + 1, clause_end)
        if counted is not None and counted.group("unit") not in SIZE_UNITS \
                and unit_fits(counted.group("unit"), mention.category, mention.head) \
                and parse_number(counted.group("num")) is not None:
            # 大桥1650米/5座, 隧道3100米/2座 (a highway's bridges and tunnels: their length, then
            # how many): the count is 5
            return Count(value=parse_number(counted.group("num")), unit=counted.group("unit"),
                         start=match.start(), end=counted.end())
    value = parse_number(match.group("num"))
    if value is None:
        return None
    unit = match.group("unit")
    return Count(value=value, unit=unit, start=match.start(), end=match.end())


_MANNER = re.compile(r"[\u4e00-\u9fff]{1,3}化")


# A part of a place that works are done on (对科创中心进行改造), right after the place's name.
_PART_WORKED_ON = re.compile(r"对[\u4e00-\u9fff]{2,8}?进行")
LIST_END, BASIN = "等", "流域"  # a list's end and a river's basin after a name (see right_ok)
_QUOTE_MARKS = frozenset("“”\"").union(CORNER_QUOTES)  # quote marks a name may end before (see right_ok)


def right_ok(norm, pos, clause_end):
    """True when the noun phrase ends at ``pos`` (see FOLLOWERS and ACTIONS)."""
    if pos >= clause_end:
        return True
    char = norm[pos]
    if char in HARD_BREAKS or char in _QUOTE_MARKS:
        return True
    if char.isdigit() or (char in _COUNT_OPENERS and COUNT_RE.match(norm, pos, clause_end)):
        return True  # a count follows: 5条, 五条县道, 不少于75个
    if norm.startswith(LIST_END, pos) and not deng_in_word(norm, pos, pos):
        return True
    if norm.startswith("对", pos) and (part := _PART_WORKED_ON.match(norm, pos, clause_end)) is not None \
            and ACTION_INDEX.at(norm, part.end()):
        return True  # 东台中学对科创中心进行改造: works done on a part of the named place
    if norm.startswith(BASIN, pos):
        # 跳磴河流域综合治理 is the river's project; 黄河流域生态保护和高质量发展 is a strategy.
        return bool(match_any(norm, pos + len(BASIN), ACTIONS_SORTED))
    if uses_listed(norm, pos, clause_end) or generic_reach_at(norm, pos):
        return True  # 青山卫生院门诊、住院综合楼: the uses of the place's building, listed, are none of its name
    existing = match_any(norm, pos, EXISTING_WORDS)
    if existing and head_words.building_after(norm, pos + len(existing)):
        return True  # 小江初中现有教学楼: the buildings a place has are its parts, its name ends before them
    follower = _FOLLOWER_INDEX.at(norm, pos)
    works = ACTION_INDEX.at(norm, pos)
    if works and names_a_firm(norm, pos, clause_end):
        return False  # 天津经开区城市更新公司: the place names the firm that does the works
    if follower and head_length_at(norm, pos) <= len(follower) and not head_words.building_after(norm, pos + len(follower)) \
            or works:
        # (青山中心消防站: 消防 follows a name, 消防站 is a head that goes on; so does 青山医院主体业务楼:
        # a building of the hospital named after the follower)
        return True
    after = pos
    for _ in range(MAX_ADVERBS):
        filler = FILLER_INDEX.at(norm, after)
        time = (WORKS_TIME_RE.match(norm, after, clause_end) or STANDARD_BEFORE_WORKS_RE.match(norm, after, clause_end)) \
            if not filler else None  # (按三级路标准改建: the standard the works are done to)
        if not filler and (time is None or time.end() == after):
            break
        after += len(filler) if filler else time.end() - after
        if ACTION_INDEX.at(norm, after) or after >= clause_end or norm[after] in HARD_BREAKS:
            # 市体育中心如期竣工, 南山大道向西打通, 西绕城高速正加快推进: adverbs before the works
            return True
        manner = _MANNER.match(norm, after, clause_end)
        if manner is not None and ACTION_INDEX.at(norm, manner.end()):
            return True  # 9处农村中小学实行楼房化改造: works in a manner (X化) after a verb of doing
    # 青山路连接白石路, 青山公园位于...: a context verb ends it too, unless it opens a head (连接线).
    return bool(match_any(norm, pos, CONTEXT_VERBS)) and not head_words.starts_with_head(norm[pos:pos + 6])
