"""The works said of a mention (the action on its right, or the verb on its left) and the category they give it."""

from __future__ import annotations

import functools
import re

from geo.lexicon import (
    ROAD_LINES,
    MAIN_PARTS, MAIN_PART_DONE, BUS_WORDS, LEFT_ACTIONS, MALL_ACTIONS, MALL_BRANDS, MALL_FOLLOWERS,
    MALL_SQUARE_HEADS, PHASE_VERBS, RAIL_WORDS, ROAD_ACTION_CATEGORY, SCHOOL_ACTIONS,
    FACILITY_STEM_CATEGORY)
from geo.lexicon_lookups import (
    FILLER_INDEX, ACTION_INDEX, ACTIONS_SORTED, LEFT_ACTIONS_SORTED, STOPS, is_generic, match_any,
    stem_category, stop_ending_at, word_index)
from geo.extract.patterns import COUNTED_PROJECTS, BUILDING_BY_STREET_CATEGORY, DEFAULT_ROAD_CATEGORY, HARD_BREAKS, NUMBERED_SCHOOL_RE, STANDARD_BEFORE_WORKS_RE, WORKS_TIME_RE
from geo.lexicon import STREET_NAME_ENDINGS

# A headline's short tail after a gap (沿江大道 年底通车); in prose a gap stands for a comma.
_HEADLINE_TAIL = re.compile(r" +[^\s,;。!?]{1,10}(?:\n|$)")
_GAP_CHARS = " \u3000"
_WORDS_END = re.compile(r"[\s,;。!?]")  # where the words after a gap end: the next gap, a line's end, a mark
_EXTENSION = re.compile(r"[东西南北]延伸?至")  # 东进路东延至范公路: an extension is a new road


# Words of rail in a line's stem (青山轻轨线, 有轨电车东线, 苏淀沪城际线), not a station's (高铁杨桥站至…).
_RAIL_LINE = re.compile(r"(?:轻轨|地铁|有轨电车|城轨|城际|高铁|铁路|磁悬浮)(?!.*站)")


@functools.lru_cache(maxsize=4096)
def _road_code(words):
    """The road category of the first word of the road_action table in ``words`` (works said of a
    road), or None: worked out once per phrase (the works phrases of a text are few)."""
    return next((code for word, code in ROAD_ACTION_CATEGORY if word in words), None)


def resolve_category(category, action, norm, mention, sentence, members_only=False):
    """Turn placeholders (road, station, stem, members) into category codes.

    ``members_only``: resolving the type of a list for one of its members, where a type
    defined by its members (项目) says nothing.
    """
    if category == "road":
        if mention.head.endswith("线") and mention.head not in ROAD_LINES and _RAIL_LINE.search(
                norm, mention.stem_start, mention.head_start):
            return "rail"  # 青山轻轨线, 有轨电车东线: a line of rail (高铁站连接线 is a road to a station)
        if "林荫" in norm[mention.stem_start:mention.head_end]:
            return "road_greening"  # 打造林荫路10条: a tree-lined road is a greening project
        section = mention.section
        if section and ("至" not in norm[section[0]:section[1]] or _EXTENSION.match(norm, section[0])):
            # 北延, 改线 say new road; a range (A至B段) names places, whose words (建设大路) do not.
            text = norm[section[0]:section[1]]
            for word, code in ROAD_ACTION_CATEGORY:
                if word in text and code == "road_new":
                    return code
        for source in (action, mention.post_action, mention.left_verb):
            code = _road_code(source) if source else None
            if code is not None:
                return code
        return DEFAULT_ROAD_CATEGORY
    if category == "station":
        stem = norm[mention.stem_start:mention.head_start]
        if any(word in stem for word in BUS_WORDS):
            return "transport"  # 城北公交枢纽站 in a sentence about a railway
        return "rail" if _about_rail(sentence) else "transport"
    if category == "park" and mention.head in MALL_SQUARE_HEADS:
        stem = norm[mention.stem_start:mention.head_start]
        after = norm[mention.end:mention.end + 3]
        if any(brand in stem for brand in MALL_BRANDS) or action in MALL_ACTIONS \
                or after.startswith(MALL_FOLLOWERS):
            # 万达广场, 恒隆广场改造升级, X广场开业运营, X广场商业综合体: a mall, not a square.
            return "commercial"
    if category in ("stem", "members"):
        stem = norm[mention.stem_start:mention.head_start]
        if category == "members" and mention.stop_start is not None:
            stem = norm[mention.stop_start:mention.head_start]  # 推动更新项目20个: 更新 says renewal
        code = stem_category(stem)
        if code is not None:
            return code
        if category == "stem":
            code = _facility_stem_code(stem, norm[mention.head_start:mention.head_end])
            if code:
                return code
        if category == "stem" and _SCHOOL_IN_STEM.search(stem):
            return "school"  # 城关镇三小宿舍楼, 十七中综合楼: a building of a school named by its number
        if category == "stem" and _HOSPITAL_IN_STEM.search(stem):
            return "health"  # 二院新院区, 市三院综合楼: a building or campus of a hospital named by its number
        if category == "stem" and _named_by_its_street(stem):
            return BUILDING_BY_STREET_CATEGORY  # 白石路综合楼: a building named by the street it stands on
        if category == "members" and not members_only:
            # 甲路、乙路等12个项目: a list typed only as projects is what its members are; members of
            # different kinds (青山学校、白石医院等12个重大项目) leave the others projects of any kind
            # (one example, 青山学校等12个重大项目, says nothing of the other eleven either)
            codes = [resolve_category(member.category, action, norm, member, sentence)
                     for member in mention.members
                     if member.kind not in ("raw", "skip") and member.category not in (None, "members")]
            codes = [code for code in codes if code]
            if codes:
                return codes[0] if len(codes) > 1 and len(set(codes)) == 1 else COUNTED_PROJECTS
        return None
    return category


def _named_by_its_street(stem):
    """True when a building's stem is a street's name, maybe with generic words after it (白石街综合
    of 白石街综合楼): the street it stands on names it."""
    for cut in range(len(stem), 1, -1):
        if stem.endswith(STREET_NAME_ENDINGS, 0, cut) and is_generic(stem[cut:]):
            return not is_generic(stem[:cut])
    return False


def _facility_stem_code(stem, head):
    """The category a keyword of a facility's stem gives a bare 中心 or 服务中心 head, or None.

    A keyword may run on into the head (行政服务 before the head 服务中心 of 青山县行政服务中心):
    it is looked for in the stem with the head's first characters after it, and the stem must
    hold the part before the head.
    """
    for word, code in FACILITY_STEM_CATEGORY:
        overlap = next((n for n in range(len(word) - 1, 0, -1) if head.startswith(word[n:]) and stem.endswith(word[:n])), 0)
        if overlap:
            word = word[:overlap]  # 行政服务 over 白石县行政|服务中心: the stem ends in 行政
        elif word not in stem:
            continue
        if not (stem.endswith(word) and _names_no_owner(stem[:-len(word)])):
            return code  # (a bare, classed or sized 活动中心, 村级活动中心, 500平方米活动中心: a type)
    return None


def _names_no_owner(rest):
    """Whether what precedes a facility's stem word names no owner: nothing, a class word or a size."""
    return is_generic(rest) or rest.endswith(("米", "亩"))


# A school named by its number inside a building's stem (三小宿舍, 十七中综合): not a session
# (二十届三中全会), an hour (一小时) or a pupil (一中学生).
_SCHOOL_IN_STEM = re.compile(r"(?<!届)" + NUMBERED_SCHOOL_RE.pattern + r"(?![学心型时])")
# A hospital named by its number inside a building's or campus's stem (二院新, 县一院医技综合): 第一院 and
# 三院一馆 (a list of kinds) are none.
_HOSPITAL_IN_STEM = re.compile(r"(?<![第届\d一二三四五六七八九十])(?:\d{1,2}|[一二三四五六七八九十]{1,3})院(?![一二三四五六七八九十])")

def action_for(norm, mention, clause_end, right_actions=None):
    """The verb phrase governing a mention: right of its chain first, else the left verb.

    ``right_actions`` (position -> :func:`right_action` there), when given, holds the right
    actions of the clause looked up so far and takes those looked up now: the items of a list
    share the one after it.
    """
    chain = mention.chain or [mention]
    last = chain[-1]
    type_head = mention.typed_by
    if type_head is not None and type_head.category == "members":
        type_head = None  # 甲路改扩建、乙路等项目建设: a list typed only as projects keeps its items' works
    end = type_head.end if type_head and type_head.end > last.end else last.end
    for item in (mention, last):
        if item.post_action:
            return item.post_action
    section = mention.section
    if section and "改线" in norm[section[0]:section[1]]:
        return "改线"
    if right_actions is None:
        action = right_action(norm, end, clause_end)
    elif end in right_actions:
        action = right_actions[end]
    else:
        action = right_actions[end] = right_action(norm, end, clause_end)
    after = end + len(action or "")
    if (action and mention is not last and norm.startswith(action, end)
            and after < clause_end and norm[after] == "、"):
        # A、B改扩建、C等项目建设: 改扩建 is B's own (the list goes on after it); A takes
        # the action that closes the whole list.
        closing = _closing_action(norm, after, clause_end)
        if closing:
            return closing
    if action:
        return action
    if mention.category == "school" and norm.startswith(SCHOOL_ACTIONS, end):
        return next(word for word in SCHOOL_ACTIONS if norm.startswith(word, end))  # 青山学院落地
    # An action inside the type head's modifiers: 金牛建材等新建商业载体 -> 新建.
    if type_head is not None:
        modifiers = norm[type_head.stem_start:type_head.head_start]
        found = [a for p in range(len(modifiers)) for a in ACTION_INDEX.all_at(modifiers, p)
                 if p + len(a) <= len(modifiers)]
        if found:
            order = {a: i for i, a in enumerate(ACTIONS_SORTED)}
            return min(found, key=order.__getitem__)
    first = chain[0]
    stop = first.stop
    if stop is None or first.stop_start is None:
        return None
    # Walk left over the run of stop words before the name (新建高标准农田: 高标准 is an
    # adverb, 新建 the verb), taking the longest verb at each step (加快推进 over 推进).
    pos = first.stop_start + len(stop)
    for _ in range(4):
        verbs = _LEFT_ACTION_INDEX.ending_at(norm, pos)
        if verbs:
            mention.left_verb = verbs[0]
            return LEFT_ACTIONS[verbs[0]]
        stop = stop_ending_at(norm, pos, 0)
        if stop is None and norm.startswith(_AFTER_WORKS, pos - 1):
            stop = "后"  # 改造提升后的城北环路: the works done on what the phrase names
        if stop is None or norm[pos - 1] in HARD_BREAKS:
            return None
        pos -= len(stop)
    return None


_LEFT_ACTION_INDEX = word_index(LEFT_ACTIONS_SORTED)  # the left verbs, looked up once (not once a step)
_AFTER_WORKS = "后的"  # a verb's works before the noun they were done on (改造后的, 提升后的)
_LAST_ACTIONS: list = [None, {}]  # the text, and by clause end (how far back no action ends, the last end)


_FIRST_ACTIONS: list = [None, {}]  # the text, and by end (where a scan up to it began, what it found first)


def forget_closing_actions():
    """Let go of the text the last and first actions of its clauses were found in (see mentions.forget_text)."""
    _LAST_ACTIONS[:] = [None, {}]
    _FIRST_ACTIONS[:] = [None, {}]


def first_action(norm, start, end):
    """``ACTION_INDEX.first_in(norm, start, end)``: the first action in the rest of a clause (or sentence).

    Every item of a list asking for it read the rest of the clause: quadratic in a clause of
    thousands of items. The last scan up to each end is kept for the text: where no action starts
    from its start to what it found, a scan from any place in between finds the same.
    """
    if _FIRST_ACTIONS[0] is not norm:
        _FIRST_ACTIONS[0], _FIRST_ACTIONS[1] = norm, {}
    scanned = _FIRST_ACTIONS[1].get(end)
    if scanned is not None and scanned[0] <= start and (scanned[1] is None or scanned[1][0] >= start):
        return scanned[1]
    found = ACTION_INDEX.first_in(norm, start, end)
    _FIRST_ACTIONS[1][end] = (start, found)
    return found


def _closing_action(norm, after, clause_end):
    """The action ending last in ``norm[after:clause_end]`` (the longest ending there), or None.

    Every item of a list with its own works (A改造、B改造、…) asks for the action closing the list:
    reading the rest of the clause from each is quadratic. The last place in a clause where an
    action ends is found once for the text (the look back reaching no further than asked); an
    action starting at or after ``after`` ends there unless ``after`` is within an action's
    length of it, and only then are the few places before it looked at.
    """
    if _LAST_ACTIONS[0] is not norm:
        _LAST_ACTIONS[0], _LAST_ACTIONS[1] = norm, {}
    low, last = _LAST_ACTIONS[1].get(clause_end, (clause_end, None))  # (no action ends in low+1..clause_end)
    if last is None and after < low:
        last = next((end for end in range(low, after, -1) if ACTION_INDEX.ending_at(norm, end)), None)
        _LAST_ACTIONS[1][clause_end] = (after, last)
    for end in range(last or after, after, -1):
        words = ACTION_INDEX.ending_at(norm, end, after)
        if words:
            return words[0]
    return None


def right_action(norm, pos, clause_end):
    """The works said right after ``pos``, or a few characters on, before ``clause_end``; else None."""
    pos, progress = skip_adverbs(norm, pos, clause_end)
    action = _works_after(norm, pos, progress, clause_end)
    if action:
        return action
    # 加快线上线下融合发展: an action a few characters on, before the clause ends.
    window = norm[pos:(pos + 12 if pos + 12 < clause_end else clause_end)]
    if window[:1] in _GAP_CHARS and ACTION_INDEX.at(window.lstrip(_GAP_CHARS), 0):
        return _works_alone(window.lstrip(_GAP_CHARS))  # (经六路 经八路建设: a list sharing its works)
    comma = window.find("、")
    if comma >= 0 and (match_any(norm, pos + comma + 1, ACTIONS_SORTED)
                       or match_any(norm, pos + comma + 1, STOPS)):
        window = window[:comma]  # 新建换热站15座、改造供热管网: 改造 opens the next item
    first = ACTION_INDEX.first_in(window)
    return first[1] if first else None


def _tail_is_own(norm, pos):
    """True when a headline's tail after the gap at ``pos`` speaks of the name before it: it opens
    with no works (年底通车), or with works that have no object of their own (改造完成; not 建设松林小学)."""
    words = norm[pos:pos + 12].lstrip(_GAP_CHARS)
    return not ACTION_INDEX.at(words, 0) or _works_alone(words) is not None


def _works_alone(words):
    """The works that open ``words`` (the words after a gap up to the next) when no object of
    their own follows them, as in a table's cell or a headline (解放南路 提升改造, 北园路
    改造工程年底完工); else None: works with their own object after a gap (新建北园路
    改造堤口路) are the next clause's."""
    words = _WORDS_END.split(words, 1)[0]
    action = ACTION_INDEX.at(words, 0)
    if not action:
        return None
    rest = words[len(action):]
    rest = rest[2:] if rest.startswith(("工程", "项目")) else rest
    if not rest or ACTION_INDEX.at(rest, 0) or FILLER_INDEX.at(rest, 0) or WORKS_TIME_RE.match(rest):
        return action
    return None


def main_part_done(norm, record, clause_end):
    """True when a distinctive name is followed by its main part's works done (青山医院主体工程完工,
    白石图书馆主体封顶): the building's own works, not those of a type (乡镇卫生院主体工程) or of
    a part fitted out (主体进行了装修)."""
    part = match_any(norm, record.end, MAIN_PARTS)
    return bool(part) and works_at(norm, record.end + len(part), clause_end) in MAIN_PART_DONE \
        and not is_generic(norm[record.start:record.mention.head_start])


def works_at(norm, pos, clause_end):
    """The works said at ``pos`` after any adverbs (如期竣工, 向西打通), or None.

    Works that go on (七院门诊综合楼加快推进) are said by the progress verb when nothing follows it.
    """
    return _works_after(norm, *skip_adverbs(norm, pos, clause_end), clause_end)


def _works_after(norm, pos, progress, clause_end):
    action = ACTION_INDEX.at(norm, pos)
    if action:
        return action
    if progress and (pos >= clause_end or norm[pos] in HARD_BREAKS):
        return progress
    return None


def skip_adverbs(norm, pos, clause_end):
    """(position after the adverbs, quotes and gaps at ``pos``, the last progress verb among them)."""
    skipped = True
    progress = None
    while skipped and pos < clause_end:
        skipped = False
        if norm[pos] in "“‘\"" or norm[pos] == " " and _HEADLINE_TAIL.match(norm, pos) and _tail_is_own(norm, pos):
            pos += 1  # 实施A路“白改黑”工程: a quoted action; 沿江大道 年底通车: a headline's gap
            skipped = True
            continue
        filler = FILLER_INDEX.at(norm, pos)
        action = ACTION_INDEX.at(norm, pos)
        if filler and (not action or len(filler) >= len(action)):
            pos += len(filler)
            skipped = True
            progress = filler if filler in PHASE_VERBS else progress
            continue
        time = WORKS_TIME_RE.match(norm, pos, clause_end) if not action else None
        if time is not None and time.end() > pos:
            pos = time.end()  # 将于年底前投用, 已于去年完工: a time before the works
            skipped = True
            continue
        standard = STANDARD_BEFORE_WORKS_RE.match(norm, pos, clause_end) if not action else None
        if standard is not None:
            pos = standard.end()  # 按三级公路标准进行改建: the standard the works are done to
            skipped = True
    return pos, progress


@functools.lru_cache(maxsize=8)
def _about_rail(sentence):
    """True when a sentence speaks of rail (looked up once per sentence, not once per station)."""
    return any(word in sentence for word in RAIL_WORDS)
