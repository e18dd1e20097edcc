"""The mention a head makes where it is found: its section and count, its stem (a code or a place before it, quotes, a title, the edge of a 等 list), or none where the head names nothing there."""

from __future__ import annotations

import bisect
import functools
import re

from geo.lexicon import (
    ACTIONS, HONOUR_VERBS, INTERCITY_HEADS, LAST_ITEM_JOINS, LIST_CLOSERS, LINK_HEADS, ROUTE_HEADS,
    PROPOSALS, SINGLETON_FACILITY_HEADS, SUBUNIT_HEADS, THING_UNITS, TITLE_NOUNS, TITLE_VERBS_WITH_NOUN, heads)
from geo.lexicon_lookups import (
    ACTION_INDEX, ACTIONS_SORTED, deng_in_word, is_generic, match_any, stop_ending_at, unit_fits)
from geo.extract.extents import extend_right, right_ok
from geo.extract.extension_gate import names_nothing_after
from geo.extract.headfit import ends_with_head_of, head_holds
from geo.extract.line_forms import title_start
from geo.extract.model import Mention
from geo.numbers import parse_number
from geo.settings import (JOINED_ITEM_REACH, LISTED_ITEM_BEFORE_DE_REACH, MAX_ROAD_STEM, MAX_STEM, MAX_SUBUNIT_STEM,
                         SPAN_END_STEM, TITLE_NAME_MIN_BEFORE_STOP)
from geo.extract.patterns import (NUM, HAN_RUN, NUMBERED_SCHOOL_HEADS, INCLUDED_MEMBER_END, RANGE_MARKS,
                                  QUOTE_CLOSERS, COUNT_RE, counts_in, HARD_BREAKS, PHASE_RE, VOLTAGE_UNIT)
from geo.extract.stems import decimal_point, find_stem, quoted_name
from geo.extract.prefixes import quote_after_locative, quoted_range_start, road_after_address, stem_after_autonomy, stem_after_jurisdiction


_CODE_AT_END = re.compile(r"[GSXY]\d{1,4}(?=[\u4e00-\u9fff]{1,8}$)")
# G234青山县城至…, 244国道凤翔至…: a road code, then the first place of the line it names.
_CODED_PLACE_BEFORE = re.compile(
    r"(?:(?<![A-Za-z0-9])[GSXYgsxy]\d{1,4}|(?<!\d)\d{1,4}(?:国道|省道|县道)|(?:国道|省道|县道)[GSXYgsxy]?\d{1,4}线?)"
    r"[\u4e00-\u9fff]{2,6}$")
# A county before a route's first place (青山县白石镇民族村): the place after it is of two to eight characters.
_COUNTY_BEFORE_PLACE = re.compile(r"[\u4e00-\u9fff]{1,3}[县旗][\u4e00-\u9fff]{2,8}$")
_NUMBER_ONLY = re.compile(rf"{NUM}(?:余|多)?")
# A count in digits after a Han noun, right before a head that is also a unit of things (涵洞138|道).
_COUNT_BEFORE_UNIT = re.compile(r"(?<=[\u4e00-\u9fff])\d+(?:余|多)?$")
_COUNTED_LINES = re.compile(r"(?<![\dA-Za-z])\d{2,}$")  # 500 of 监控500路 (no code: G104 is one)


def head_mention(norm, head_start, head_end, info, lo, clause_end):
    """A head found at [head_start, head_end) with its section, count and stem.

    Parameters
    ----------
    norm : str
        The normalised text.
    head_start, head_end : int
        The head's span.
    info : tuple
        The head's (category, kind, minimum stem) from the lexicon (kind ``skip``: no head).
    lo : int
        How far left the stem may reach (the clause's start, or the end of the mention before).
    clause_end : int
        The end of the clause.

    Returns
    -------
    Mention or None
        The mention, its stem found and its section and count attached; a ``skip`` mention for a
        span no shorter head may be tried in; None if the head names nothing there (the noun
        phrase goes on, a head inside an action word, no stem for a head that needs one...).
    """
    category, kind, min_stem = info
    if kind == "skip":
        # Mark the span so that a shorter head inside it (站 of 工作站) is not tried again;
        # 中心 inside 镇中心幼儿园 is no head at all, since the noun phrase goes on.
        if not right_ok(norm, head_end, clause_end):
            return None
        return Mention(kind="skip", end=head_end, stem_start=head_start, head_start=head_start,
                head_end=head_end, category=None, head=norm[head_start:head_end],
                stop=None, stop_start=None, count=None, section=None)
    if names_nothing_after(norm, head_start, head_end, category, kind, clause_end):
        return None  # 青山路猫咖: a character no section, count, works or phrase end opens with (see extension_gate)
    head = norm[head_start:head_end]
    if head in _heads_ending_actions() and _inside_action(norm, head_start, head_end, lo):
        return None  # 即将开港运营: 港 ends the action 开港, it names no port
    mention = Mention(
        head=head, category=category, kind=kind,
        head_start=head_start, head_end=head_end,
    )
    if _inside_open_quote(norm, lo, head_start, head_end, clause_end):
        return None
    mention = extend_right(norm, mention, clause_end)
    if mention is None:
        return None
    stem = _deng_stem(norm, head_start, lo)
    if stem is None:
        # Road names are short (二环北路, 济微高速): a longer stem is a sentence, not a name.
        max_stem = MAX_ROAD_STEM if category == "road" else (
            MAX_SUBUNIT_STEM if mention.head in SUBUNIT_HEADS else MAX_STEM)
        code = _CODE_AT_END.search(norm[(head_start - 14 if head_start - 14 > lo else lo):head_start]) if category == "road" else None
        if code:
            max_stem += len(code.group())  # X254丁卯开发区连接线: the code does not count
        stem = find_stem(norm, head_start, lo, min_stem if kind in ("name", "facility") else 0, max_stem,
                         free_quotes=category != "road")
        if stem is None and category == "road":
            stem = stem_after_jurisdiction(norm, head_start, lo, min_stem if kind == "name" else 0, max_stem)
        elif stem is None:
            stem = stem_after_autonomy(norm, head_start, lo, min_stem if kind in ("name", "facility") else 0, max_stem)
        if stem is not None and stem[1] == "至" and mention.head in LINK_HEADS:
            # S209省道至G105国道连接线: a link road is named by both its ends.
            outer = find_stem(norm, stem[2], lo, 1, MAX_ROAD_STEM)
            if outer is not None and outer[0] < stem[2]:
                stem = outer
        elif stem is not None and stem[1] == "至" and mention.head in ROUTE_HEADS \
                and 2 <= head_start - stem[0] <= 6:
            # 翠屏山至玫瑰湖休闲绿道: a route is named by the places it joins.
            outer = find_stem(norm, stem[2], lo, 2, 5)
            if outer is not None and 2 <= stem[2] - outer[0] <= 5:
                stem = outer
        elif stem is not None and stem[1] == "至" and mention.head in INTERCITY_HEADS \
                and 2 <= head_start - stem[0] <= 8:
            # 铜仁至吉首高速公路, 县城至白石乡村旅游公路: an intercity line is named by the two
            # places it joins, and by its road code before them (G234青山县城至白石公路).
            coded = _CODED_PLACE_BEFORE.search(norm, max(lo, stem[2] - 11), stem[2])
            if coded is not None:
                start = coded.start()
                stop = stop_ending_at(norm, start, lo)
                stem = (start, stop, start - len(stop)) if stop else (start, None, None)
            else:
                outer = find_stem(norm, stem[2], lo, 2, 6)
                if outer is None:
                    # 大鹏镇景华村北帝山景区至思洪村公路: a longer first place opens a list item
                    outer = find_stem(norm, stem[2], lo, 2, 12)
                    if outer is not None and not (outer[0] > lo and norm[outer[0] - 1] == "、") \
                            and not _COUNTY_BEFORE_PLACE.match(norm, outer[0], stem[2]):
                        outer = None  # (青山县白石镇民族村至黄沙镇二级公路: a county before the first place)
                if outer is not None and 2 <= stem[2] - outer[0] <= 12:
                    stem = outer
    if stem is not None and category == "area" and stem[1] is None and stem[0] - 1 > lo \
            and norm[stem[0] - 1] in _SPAN_DASHES:
        # 安州区河东—科技城片区: an area named by the two places it spans, a district before them
        outer = find_stem(norm, stem[0] - 1, lo, 2, SPAN_END_STEM)
        if outer is not None and 2 <= stem[0] - 1 - outer[0] <= SPAN_END_STEM \
                and HAN_RUN.fullmatch(norm, outer[0], stem[0] - 1):
            stem = outer
    if stem is None:
        return None
    if mention.head in THING_UNITS and (_NUMBER_ONLY.fullmatch(norm, stem[0], head_start)
                                        or _COUNT_BEFORE_UNIT.search(norm, stem[0], head_start)):
        # a head that is also a unit: 等243道“我家美食” (a number before it counts things), 涵洞138道
        # (a noun counted in it: no road 涵洞138道)
        return None
    if mention.head == "路" and _COUNTED_LINES.search(norm, stem[0], head_start):
        return None  # 监控500路, 公交101路: channels and bus lines counted in 路, no roads
    mention.stem_start, mention.stop, mention.stop_start = stem
    if category == "road":  # 青山市白石区|红岭路: the address is no part of the road's name
        mention.stem_start = road_after_address(norm, mention.stem_start, head_start, min_stem) or mention.stem_start
    if mention.stop is not None and len(mention.stop) > 1 and kind in ("name", "facility"):
        _title_over_stop(norm, mention)
    if not head_holds(norm, mention, lo, clause_end):
        return None  # 嵊州嬗变: a change, no substation; 扎下、龙庙3个乡镇: a township, no temple
    if kind == "name" and head_start - mention.stem_start < min_stem and mention.section \
            and mention.section[0] == head_end and any(mark in norm[slice(*mention.section)] for mark in RANGE_MARKS):
        return None  # 江城大街菜市街至二号桥段: no river 江 with a stretch, a later head names it
    if mention.head_start != head_start and is_generic(norm[mention.stem_start:head_start]) \
            and norm[mention.stem_start:head_end] not in SINGLETON_FACILITY_HEADS:
        # 学校周边道路, 道路两侧绿地: no place names what lies along (see extents); the one
        # 会展中心 or 火车站 of a town does (火车站周边旧屋区).
        return None
    ranged = quoted_range_start(norm, mention.stem_start, mention.end, lo)
    if ranged is not None:  # “三礼——小圩”道路: a quoted range names the road (see prefixes)
        stop = stop_ending_at(norm, ranged, lo)
        mention.stem_start, mention.stop, mention.stop_start = ranged, stop, (ranged - len(stop)) if stop else None
    mention.stem_start = quote_after_locative(norm, mention.stem_start, head_start) or mention.stem_start  # 东部“白沙公园”
    opener = norm[mention.stem_start:mention.stem_start + 1]
    if opener in QUOTE_CLOSERS and (QUOTE_CLOSERS[opener] not in norm[mention.stem_start + 1:mention.end + 1]
                                    or _quoted_whole_name(norm, mention, QUOTE_CLOSERS[opener], clause_end)):
        mention.stem_start += 1  # 张勇说:“南开中学在…: quoted speech opens before the name; 加快“青山湖公园”建设
    if mention.stop in HONOUR_VERBS or _titled(norm, mention, clause_end):
        return None
    if mention.stop is None or mention.stop == "的" or mention.stop in LAST_ITEM_JOINS:
        _split_counted_list(norm, mention, lo)
    mention.min_stem = min_stem if kind in ("name", "facility") else 0
    return mention


def _title_over_stop(norm, mention):
    """10.青山医院医养结合楼, 白石镇新村搬迁安置点道路建设项目: a line that is a title (a list item's or
    subhead's, see :func:`geo.extract.line_forms.title_start`) names one place (a named or facility
    head: the works of 建设项目 and a count's 民生实事 keep their verbs); a two-character
    stop word inside it that is no works verb (结合, 搬迁, 融合) is the name's, when no other stop word stands between the
    line's start and it and three characters or more of name come before it."""
    if mention.stop in ACTIONS:
        return  # 3.老旧小区改造配套设施项目: works in a title are the item's, no name's
    start = title_start(norm, mention.end)
    stop_start = mention.stop_start
    if start is None or stop_start - start < TITLE_NAME_MIN_BEFORE_STOP or not HAN_RUN.fullmatch(norm, start, stop_start):
        return
    if any(stop_ending_at(norm, pos, start) for pos in range(start + 1, stop_start + 1)):
        return
    mention.stem_start, mention.stop, mention.stop_start = start, None, None


def _inside_action(norm, head_start, head_end, lo):
    """True when an action word that opens before the head ends with it (开港 of 开港运营)."""
    for start in range((head_start - 3 if head_start - 3 > lo else lo), head_start):
        action = ACTION_INDEX.at(norm, start)
        if action and start + len(action) == head_end:
            return True
    return False


@functools.lru_cache(maxsize=1)
def _heads_ending_actions():
    """Heads that end an action word of more characters (港 of 开港)."""
    table = heads()
    return frozenset(action[-n:] for action in ACTIONS_SORTED for n in range(1, len(action)) if action[-n:] in table)


_SPAN_DASHES = "—–-"


def _quoted_whole_name(norm, mention, closer, clause_end):
    """True when quotes hold exactly a name (“青山湖公园”建设: see :func:`quoted_name`), not the
    first part of a name going on after them (“广华同城大道”华蓥段: the quotes stay in it; a phase
    after them is the project's, “烟雨洪江”二期)."""
    head_start = mention.head_start
    if mention.kind == "facility" and len(mention.head) == 1 and mention.head in NUMBERED_SCHOOL_HEADS:
        head_start = numeral_start(norm, head_start, mention.stem_start)  # “最美一中”: the number is the head's
    return norm.startswith(closer, mention.end) \
        and (right_ok(norm, mention.end + 1, clause_end) or PHASE_RE.match(norm, mention.end + 1)) \
        and quoted_name(norm, mention.stem_start, head_start)


def _titled(norm, mention, clause_end):
    """True when 获得 governs the head and a title noun follows it (获得国家湿地公园称号)."""
    if mention.stop not in TITLE_VERBS_WITH_NOUN:
        return False
    pos = mention.end
    pos += 1 if pos < clause_end and norm[pos] in "”’\"" else 0
    return match_any(norm, pos, TITLE_NOUNS) is not None


def _inside_open_quote(norm, lo, head_start, head_end, clause_end):
    """True when the head lies inside a quoted slogan that goes on after it (“在天桥·事好办”).

    A quote closed before the head (图书“五位一体”工作示范点) or right after it (“四好农村路”)
    still allows a name, and so does quoted speech that runs past the clause (张勇说:“南开中学在…)
    and a delegate's proposal quoted by its title (“关于修建A村至B村连接道路的建议”).
    """
    marks, closing = _quote_marks(norm)  # (straight quotes cannot tell open from close)
    last = bisect.bisect_left(marks, head_start) - 1  # the last quote before the head: an opening one, in reach?
    if last < 0 or marks[last] < lo or norm[marks[last]] != "“":
        return False
    after = bisect.bisect_left(closing, head_end)
    if not (head_end < len(norm) and norm[head_end] != "”" and after < len(closing) and closing[after] < clause_end):
        return False
    # “关于修建A村至B村连接道路的建议”: a proposal quoted by its title names the works it asks for
    return not (norm.startswith("关于", marks[last] + 1) and norm.endswith(PROPOSALS, head_end, closing[after]))


_QUOTE_MARK = re.compile("[“”]")


_QUOTES: list = [None, None]  # the text whose quotes were found (compared by identity) and its marks


def _quote_marks(norm):
    """Where the curly quotes of ``norm`` stand, all and the closing ones, in order: found once for a
    text (a clause of megabytes without quotes was searched back to its start for each head).

    Kept for the text by identity until :func:`forget_quotes`: a cache keyed by the text compared
    an equal text of an earlier call with this one character by character, at every head.
    """
    if _QUOTES[0] is not norm:
        marks = [match.start() for match in _QUOTE_MARK.finditer(norm)]
        _QUOTES[:] = [norm, (marks, [pos for pos in marks if norm[pos] == "”"])]
    return _QUOTES[1]


def forget_quotes():
    """Let go of the text whose quotes were found, and of them (see mentions.forget_text)."""
    _QUOTES[:] = [None, None]


def _split_counted_list(norm, mention, lo):
    """洛塘、两水、桔柑3个乡镇卫生院: the last list item before a count is a member, not the stem.

    Without 等, a count followed only by generic words (3个乡镇) inside a stem that opens a list
    item (after 、) ends the enumeration; the stem then starts at the count and ``list_end``
    tells :func:`resolve_enumerations` where the members end.
    """
    start, head_start = mention.stem_start, mention.head_start
    if start == lo and lo > 0 and norm[lo - 1] not in HARD_BREAKS:
        # 左岭、花山、龙泉3个...卫生服务中心: the last item is itself a mention ending at the count.
        match = COUNT_RE.match(norm, start, head_start)
        if match and is_generic(norm[match.end():head_start]) \
                and unit_fits(match.group("unit"), mention.category, mention.head):
            mention.list_end = start
        return
    if mention.stop == "的" and _listed_before_de(norm, mention):
        mention.list_end = mention.stop_start  # A路、B路、C路的3条农村道路: 的 closes the list
        return
    # A、B和C3所小学: the list's last item after 和, 及, 与 (not villages: 南吕、北吕和赵念3个村的幼儿 are
    # where what is said happens; nor two items, 西安和河滨带状两处公园: a list of three or more)
    joined = mention.stop in LAST_ITEM_JOINS and mention.category != "village"
    if start <= lo or norm[start - 1] != "、" and not joined:
        return
    for match in counts_in(norm, start + 1, head_start):
        if not 1 <= match.start() - start <= 10:
            continue  # (a count too far from the item's start: nothing else is looked at)
        value = parse_number(match.group("num")) or 0
        rated = _past_rating(norm, match.end(), head_start)  # (a list before a rating numbers its count)
        if is_generic(norm[rated:head_start]) \
                and not norm[match.start() - 1].isdigit() \
                and unit_fits(match.group("unit"), mention.category, mention.head) \
                and value >= 2 and (not joined or value >= 3 and _items_joined(norm, mention.stop_start, lo, value) == value) \
                and (rated == match.end() or joined or _items_joined(norm, start - 1, lo, value) == value):
            # (a list is never counted by 1: …、联合办1所公立幼儿园; one joined by 和 numbers its items)
            mention.stem_start = match.start()
            word = next((w for w in LIST_CLOSERS if norm.startswith(w, match.start() - len(w))), "")
            mention.list_end = match.start() - len(word)  # A路、B路、C路这3条道路: 这 ends no name
            return


def _past_rating(norm, pos, head_start):
    """``pos`` moved past a rating written right after a count (大杖子、安子岭、梓木林3个35千伏变电站,
    a space in it as a PDF leaves it: 35 千伏), else ``pos``."""
    rating = _RATING_AFTER_COUNT.match(norm, pos, head_start)
    return rating.end() if rating else pos


# RATING_RE with the spaces a PDF's layout leaves (3个 35 千伏变电站)
_RATING_AFTER_COUNT = re.compile(rf" ?\d+(?:\.\d+)? ?(?:{VOLTAGE_UNIT})")


def _items_joined(norm, join, lo, value):
    """How many items a list whose last item follows the join word at ``join`` holds (青山、白石和
    红旗: 3): one after the join and one per item before it, the items before it a run of Han
    parted by 、 (the first may open with the list's verb); 0 when the run reaches past ``value``
    items' reach (no list that short)."""
    reach = max(lo, join - value * JOINED_ITEM_REACH)
    pos, items = join, 2
    while pos > reach and ("\u4e00" <= norm[pos - 1] <= "\u9fff" or norm[pos - 1] == "、"):
        pos -= 1
        items += norm[pos] == "、"
    return 0 if pos == reach and reach > lo else items


def _listed_before_de(norm, mention):
    """青山路、白石路、红枫路的3条道路: True when the stem is a count of two or more that fits the head
    with generic words, after 的 right after a list item of the head's category (a 、 within reach
    before it, no break)."""
    count = COUNT_RE.match(norm, mention.stem_start, mention.head_start)
    if count is None or not is_generic(norm[count.end():mention.head_start]) \
            or not unit_fits(count.group("unit"), mention.category, mention.head) \
            or (parse_number(count.group("num")) or 0) < 2:
        return False
    de = mention.stop_start
    item = norm.rfind("、", (de - LISTED_ITEM_BEFORE_DE_REACH if de > LISTED_ITEM_BEFORE_DE_REACH else 0), de)
    return item >= 0 and not any(char in HARD_BREAKS for char in norm[item + 1:de]) \
        and ends_with_head_of(norm, de, mention.category)


_DENG_STEM_EDGES = HARD_BREAKS | frozenset("等的")
_DENG_STEM_EDGE = re.compile("[" + "".join(re.escape(char) for char in sorted(_DENG_STEM_EDGES)) + "]")


# A place word after 等 that the works follow (等区域新建, 等地建设): where the list's places are.
_LOCATIVE_THEN_VERB = re.compile(r"(?:区域|地区|地方|地段|点位|场所|地)(?=新建|建设|改造|建成|增设|安装|新增|设置|布设|修建|实施)")


def _deng_stem(norm, head_start, lo, window=14):
    """The stem of a type head after 等 (等13条道路, 等新建商业载体), or None.

    Only counts and generic modifiers may stand between 等 and the head, so a name after 等
    is never swallowed.
    """
    low = (head_start - window if head_start - window > lo else lo)
    if _DENG_STEM_EDGE.search(norm, low, head_start) is None:
        return None  # (most stems: no break, 等 or 的 before the head, nothing below to look at)
    for pos in range(head_start - 1, low - 1, -1):
        char = norm[pos]
        if char not in _DENG_STEM_EDGES:
            continue  # the rules below look at breaks, 等 and the 的 of 在内的 only
        if char in HARD_BREAKS and not decimal_point(norm, pos):
            return None  # (等55.2公里通达工程: a decimal point is no break)
        marker = pos - len(INCLUDED_MEMBER_END) if norm.startswith(INCLUDED_MEMBER_END + "的", pos - 2) else None
        if char == "等" and not deng_in_word(norm, pos, lo) or marker is not None and marker >= lo:
            # 包括长者公园在内的8个公园: 在内的 closes a list of members as 等 does
            between = norm[pos + 1:head_start]
            if _LOCATIVE_THEN_VERB.match(between):
                return None  # 在A、B等区域新建基站42个: 等 closes the places where; the verb's object is its own
            count = COUNT_RE.match(between)
            if count:
                between = between[count.end():]
            return (pos + 1, "等", pos if marker is None else marker) if is_generic(between) else None
    return None


def numeral_start(norm, pos, lo):
    """Where the run of digits or Chinese numerals ending at ``pos`` starts.

    Parameters
    ----------
    norm : str
        The normalised text.
    pos : int
        Where the run ends (the head of a school named by its number: 三中, 85中).
    lo : int
        How far left it may reach.

    Returns
    -------
    int
        The run's start; ``pos`` if no numeral ends there.
    """
    start = pos
    while start > lo and (norm[start - 1].isdigit() or norm[start - 1] in "一二三四五六七八九十"):
        start -= 1
    return start
