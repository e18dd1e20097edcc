"""Mentions of a clause: heads and road codes with their stems, sections and counts."""

from __future__ import annotations

import bisect
import functools
import re

from geo.lexicon import ACTION_INDEX, ACTIONS_SORTED, BUS_WORDS, FOLLOWERS_SORTED, COUNTED_WORKS, FILLER_INDEX, ESTATE_SUFFIXES, HONOUR_VERBS, INTERCITY_HEADS, COUNTED_ROAD_WORDS, ROAD_CLASSES, ROADS_OVER_NONE, LIST_CLOSERS, LINK_HEADS, NOUN_OBJECT_VERBS, PHASE_NOT_NAMES, PHASE_VERBS, PLACE_WORKS, ROUTE_HEADS, SINGLETON_FACILITY_HEADS, STEM_CATEGORY, SUBUNIT_HEADS, THING_UNITS, TITLE_NOUNS, TITLE_VERBS_WITH_NOUN, deng_in_word, head_endings, head_lengths_by_ending, heads, is_generic, match_any, stop_ending_at, unit_fits
from geo.extract.crossings import merge_junctions
from geo.extract.extents import extend_right, right_ok
from geo.extract.headfit import ends_with_head_of, head_holds
from geo.extract.model import Mention
from geo.numbers import parse_number
from geo.extract.patterns import NUM, TWO_HAN, INCLUDED_MEMBER_END, RANGE_MARKS, QUOTE_CLOSERS, CODE_RE, COUNT_RE, COUNTY_ROAD_RE, NUMBERED_SCHOOL_RE, HARD_BREAKS, MAX_ROAD_STEM, MAX_STEM, MAX_SUBUNIT_STEM, PHASE_MAX_STEM, PHASE_RE
from geo.extract.routes import LENGTH_BEFORE_ROAD, code_mention, county_road_ok, with_class_sections, with_routes_in_prose
from geo.extract.stems import decimal_point, find_stem, quoted_name
from geo.extract.prefixes import quote_after_locative, quoted_range_start, stem_after_autonomy, stem_after_jurisdiction


_CODE_AT_END = re.compile(r"[GSXY]\d{1,4}(?=[\u4e00-\u9fff]{1,8}$)")
# G234青山县城至…, 244国道凤翔至…: a road code, then the first place of the line it names.
_CODED_PLACE_BEFORE = re.compile(
    r"(?:(?<![A-Za-z0-9])[GSXYgsxy]\d{1,4}|(?<!\d)\d{1,4}(?:国道|省道|县道)|(?:国道|省道|县道)[GSXYgsxy]?\d{1,4}线?)"
    r"[\u4e00-\u9fff]{2,6}$")
_PHASE_END = re.compile(r"期\)?$")
_DIGIT = re.compile(r"[0-9一二三四五六七八九十]")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_NUMBER_ONLY = re.compile(rf"{NUM}(?:余|多)?")
_COUNTED_LINES = re.compile(r"(?<![\dA-Za-z])\d{2,}$")  # 500 of 监控500路 (no code: G104 is one)
_NUMBERED_SCHOOL_HEADS = "中小幼"  # what a number before it makes a school (NUMBERED_SCHOOL_RE: 三中, 十小)


def clause_mentions(norm, start, end):
    """Heads and codes of a clause with their stems, left to right, without overlaps."""
    table = heads()
    codes = {}
    clause = norm[start:end]
    for match in (CODE_RE.finditer(norm, start, end) if _may_hold_code(clause) else ()):
        before = norm[match.start() - 1] if match.start() > start else ""
        after = norm[match.end()] if match.end() < end else ""
        decimal = after == "." and norm[match.end() + 1:match.end() + 2].isdigit()  # 县道185.857公里: a length
        if (before.isascii() and before.isalnum()) or (after.isdigit() and match.group()[-1].isdigit()) or decimal \
                or _LATIN_AFTER_SPACE.match(norm, match.end(), end):
            continue  # G3091 goes on; "S0 l( Q&", "X7 V": letters and digits of forum junk
        codes.setdefault(match.end(), []).append(match)
    for match in (COUNTY_ROAD_RE.finditer(norm, start, end) if "线" in clause else ()):
        if county_road_ok(norm, match, start, end):
            codes.setdefault(match.end(), []).append(match)
    mentions = []
    covered = before = start  # (before: where the last mention's search began)
    lengths = head_lengths_by_ending()
    # Only positions where some rule can fire: after a head's last character (or 中/小, 镇, 山),
    # before a phase's first character, and at the end of a code.
    ends = _candidates(norm)
    candidates = ends[bisect.bisect_left(ends, start + 1):bisect.bisect_right(ends, end)]
    if codes:
        candidates = sorted(set(candidates).union(codes))
    for e in candidates:
        if e <= covered:
            continue
        last = norm[e - 1]
        mention = None
        for match in codes.get(e, ()) if codes else ():
            if match.start() >= covered:
                mention = code_mention(norm, match, start, end)
                break
        tried = lengths.get(norm[e - 2:e]) or lengths.get(last)  # (the lengths of the heads that may end here)
        if mention is None and tried and not (codes and _inside_code(codes, e)):
            for length in tried:
                if length > e - covered:
                    continue
                head = norm[e - length:e]
                if head in table:
                    if length >= 3 and norm[e - length + 1:e] in table and stop_ending_at(norm, e - length + 1, covered):
                        continue  # 其中小学3所: a stop word (其中) ends on the first character of 中小学
                    if e < end and norm[e - length:e + 1] in table and match_any(norm, e + 1, FOLLOWERS_SORTED):
                        # 5条道路路面改造: 道 goes on as 道路, a head ending on the next character that a
                        # follower (路面, 路灯) ends
                        break
                    if table[head][1] != "none":
                        mention = _head_mention(norm, e - length, e, table[head], covered, end)
                    elif norm[e - length - 1:e] in ROADS_OVER_NONE and e - length - 1 >= covered:
                        # 邮电路, 广电路: a road named after a body, over a word that is none (电路)
                        mention = _head_mention(norm, e - 1, e, table[norm[e - 1]], covered, end)
                    elif head in COUNTED_ROAD_WORDS and _counted_as_road(norm, head, covered, e - length, end):
                        # 辛高线、……高上线五条县道, 7条街道: counted road classes (and 街道 counted in 条)
                        # count the list before them.
                        mention = _head_mention(norm, e - length, e, ("road", "generic", 1), covered, end)
                    elif head in ROAD_CLASSES and TWO_HAN.fullmatch(norm, max(covered, e - length - 2), e - length) \
                            and not stop_ending_at(norm, e - length, covered) and not COUNT_RE.match(norm, e, end):
                        # 河金省道, 沿江大道、河金省道改造: a road of that class named by two places
                        mention = _head_mention(norm, e - length, e, ("road", "name", 2), covered, end)
                    break
        if mention is None and last in _NUMBERED_SCHOOL_HEADS and _numbered_school_ends(norm, e, covered, end):
            # 85中, 汉沽三中, 长安十小: a number before 中/小 that ends the noun phrase is a school
            # (三中全会 and 一小时 go on with a character, so they are none).
            mention = _head_mention(norm, e - 1, e, ("school", "facility", 1), covered, end)
        if mention is None and last in PLACE_SUFFIX_LAST and e - covered >= 3 and _place_before_works(norm, e):
            # 银桥镇美丽乡村建设, 南峰山矿山生态修复: 镇 and 山 are no heads elsewhere (they end
            # 城镇, 乡镇, 青山 and stems of facilities), but before works on that kind of place
            # they name the place. The head is empty, so that the place is the stem and a list
            # before it (银桥镇、湾桥镇) shares the works as parallel items do.
            mention = _head_mention(norm, e, e, ("area", "name", 3), covered, end)
        if mention is None and e < end and norm[e] in PHASE_FIRST and PHASE_RE.match(norm, e, end):
            mention = _phase_mention(norm, e, covered, end)
        if mention is not None:
            if mentions and _at_door_number(norm, mentions[-1], mention):
                # 五一路10号小区: a compound named by its address, a road and a door number (the road
                # was a road of its own, the compound 10号小区).
                road = mentions[-1]
                mention.stem_start, mention.stop, mention.stop_start = road.stem_start, road.stop, road.stop_start
                mentions[-1], covered = mention, mention.end
                continue
            if mentions and _modifies(norm, mentions[-1], mention):
                # 8所农村标准化幼儿园: 农村 modifies the kindergartens the count counts.
                wider = _head_mention(norm, mention.head_start, mention.head_end, table[mention.head], before, end)
                if wider is not None and wider.stem_start == mentions[-1].stem_start:
                    mentions[-1], covered = wider, wider.end
                    continue
            mentions.append(mention)
            before, covered = covered, mention.end
    # (LENGTH_BEFORE_ROAD needs 至 or a length in 公里, 千米 or 米: substring tests before the scan)
    if "的" in clause or ("至" in clause or "米" in clause or "里" in clause) and LENGTH_BEFORE_ROAD.search(clause):
        mentions = with_routes_in_prose(norm, mentions, start, end)
    if "至" in clause and "道" in clause:
        mentions = with_class_sections(norm, mentions, start, end)  # 省道青山至白石段
    return merge_junctions(norm, mentions)


def _at_door_number(norm, before, mention):
    """True when ``mention`` is an estate (小区) whose stem is a door number right after the road
    ``before`` names (五一路10号小区)."""
    return (mention.category == "area" and before.category == "road" and before.kind == "name"
            and before.end == mention.stem_start and before.count is None
            and _DOOR_NUMBER.fullmatch(norm, mention.stem_start, mention.head_start) is not None)


def _modifies(norm, before, mention):
    """True when ``before`` is a designation made of generic words (农村), after nothing but a
    count and generic words, that opens the noun phrase of ``mention``: only generic words lie
    between them (8所农村标准化幼儿园; not 铜仁市首家农村“长者食堂”)."""
    if not (before.kind == "designation" and mention.kind in ("facility", "name") and before.section is None
            and before.end == mention.stem_start and before.count is None and mention.head in heads()
            and is_generic(norm[before.head_start:before.head_end])
            and is_generic(norm[mention.stem_start:mention.head_start])):
        return False
    count = COUNT_RE.match(norm, before.stem_start, before.head_start)
    return is_generic(norm[count.end() if count else before.stem_start:before.head_start])


def _counted_as_road(norm, head, lo, pos, clause_end):
    """True when a count before ``head`` (at ``pos``) makes it a road type (五条县道; 7条街道: the
    other words only in 条), or a count in 条 right after it (人行道11条)."""
    if head not in ROAD_CLASSES and any(norm.endswith(word, lo, pos) for word in BUS_WORDS):
        return False  # 3条公交路线: bus routes, no roads
    count = _COUNT_END.search(norm, lo, pos)
    if count is None:
        # 6条主干街道: generic words between the count and the word
        count = next((m for m in _COUNT_BEFORE_TYPE.finditer(norm, max(lo, pos - _MAX_COUNTED_GAP), pos)
                      if is_generic(norm[m.end():pos])), None)
    if count is not None and (head in ROAD_CLASSES or count.group("unit") == "条"):
        return True
    rest = pos + len(head)
    action = ACTION_INDEX.at(norm, rest)
    if action:  # 实施省道提升工程3条, 县道改造5条: the count follows the works on the class
        rest += len(action)
        rest += len(match_any(norm, rest, COUNTED_WORKS) or "")
    after = COUNT_RE.match(norm, rest, clause_end)
    return after is not None and after.group("unit") == "条"


def _inside_code(codes, e):
    """True when a road or rail code goes on past ``e`` (轨道交通 of 轨道交通1号线)."""
    return any(match.start() < e < match.end() and _DIGIT.search(match.group())
               for matches in codes.values() for match in matches)


# First characters of a phase (二期, 3期) and last characters of place suffixes (镇, 山): the
# only positions where those rules are tried.
PHASE_FIRST = frozenset("一二三四五六七八九十0123456789")
PLACE_SUFFIX_LAST = frozenset(suffix[-1] for suffix, _ in PLACE_WORKS)

_COUNT_END = re.compile(COUNT_RE.pattern + "$")
_COUNT_BEFORE_TYPE = re.compile(rf"(?:{COUNT_RE.pattern})(?=[\u4e00-\u9fff]{{1,4}}$)")
_MAX_COUNTED_GAP = 12  # characters before a counted road word where its count may be
# Where a phase opens (二期, 12期): a character of PHASE_FIRST, then what PHASE_RE allows up to 期
# (every position, overlapping ones too: 十二期 is tried at 十 and at 二).
_PHASE_START = re.compile("(?=[" + "".join(sorted(PHASE_FIRST)) + r"][一二三四五六七八九十\d]?期)")


# Every code of CODE_RE has 道 (国道...), 号线, or one of these letters before a digit (G105, M1线, T1线).
_CODE_LETTER = re.compile("[GSXYRMT]")
_ASCII_DIGIT = re.compile("[0-9]")


def _may_hold_code(clause):
    """False when no code of CODE_RE can be in the clause (most clauses with a number count things)."""
    return "道" in clause or "号线" in clause or (
        _CODE_LETTER.search(clause) is not None and _ASCII_DIGIT.search(clause) is not None)
# A code followed by a space and a Latin letter is forum junk or English (S0 l(, X7 V).
_LATIN_AFTER_SPACE = re.compile(r" +[A-Za-z]")
_DOOR_NUMBER = re.compile(r"\d{1,4}号?")  # a door number: 10号 of 五一路10号小区, 10 of 五一路10号院


_CANDIDATES = [None, None]  # the text last looked at (compared by identity) and its candidates


def _candidates(norm):
    """Sorted positions of ``norm`` where a mention may end (see clause_mentions).

    Computed once per text: every clause of a text asks for the same list.
    """
    if _CANDIDATES[0] is not norm:
        found = {m.end() for m in _candidate_ends().finditer(norm)}
        found.update(m.start() for m in _PHASE_START.finditer(norm) if m.start() > 0)
        _CANDIDATES[:] = [norm, sorted(found)]
    return _CANDIDATES[1]


def forget_text():
    """Let go of the text the candidates were worked out for, and of them, once it is done."""
    _CANDIDATES[:] = [None, None]


@functools.lru_cache(maxsize=1)
def _candidate_ends():
    """A pattern of the characters a mention can end with, where a rule of clause_mentions can
    fire after them: the last character of a one-character head or of a place suffix (镇, 山);
    the last two characters of a longer head; a numeral and 中/小/幼 (85中).

    Half the characters that end a head end it nowhere in a text (其中, 不同): testing the
    character before them here, in the pattern, spares the clause loop looking at them.
    """
    single, pairs = head_endings()
    anywhere = set(single) | set(PLACE_SUFFIX_LAST)
    before = {}  # last character -> the characters that may stand before it
    for pair in pairs:
        if pair[1] not in anywhere:
            before.setdefault(pair[1], set()).add(pair[0])
    for char in _NUMBERED_SCHOOL_HEADS:  # (NUMBERED_SCHOOL_RE: a digit or a Chinese numeral before it)
        if char not in anywhere:
            before.setdefault(char, set()).update("一二三四五六七八九十")
    # One literal opens each alternative, so that the pattern is searched for by its first
    # characters; a look-behind then tests the character before.
    alternatives = [re.escape(char) for char in sorted(anywhere)] + [
        re.escape(char) + "(?<=[" + (r"\d" if char in _NUMBERED_SCHOOL_HEADS else "") + "".join(re.escape(c) for c in sorted(firsts))
        + "]" + re.escape(char) + ")" for char, firsts in sorted(before.items())]
    return re.compile("|".join(alternatives))


def _numbered_school_ends(norm, e, lo, clause_end):
    """True when a school named by a number (85中, 汉沽三中, 市二中等) ends at ``e``.

    The noun phrase must end there (三中全会, 一小时 and 一中学生 go on); a session's number
    (二十届二中、三中全会) is no school's.
    """
    start = _numeral_start(norm, e - 1, lo)
    if start == e - 1 or NUMBERED_SCHOOL_RE.fullmatch(norm, start, e) is None or norm[start - 1:start] == "届":
        return False
    return norm.startswith("等", e) or (right_ok(norm, e, clause_end)
                                        and not norm.startswith(("学", "心", "型"), e))


def _numeral_start(norm, pos, lo):
    """Start of the run of digits or Chinese numerals ending at ``pos`` (``pos`` if none)."""
    start = pos
    while start > lo and (norm[start - 1].isdigit() or norm[start - 1] in "一二三四五六七八九十"):
        start -= 1
    return start


def _phase_mention(norm, pos, lo, clause_end):
    """宽厚里二期, 鲍山花园三期: a headless name before a phase, listed or after a works verb.

    The phase says a building project is meant, so a short distinctive stem before it is a
    place (an estate or a block: area) even without a place-name suffix.
    """
    if pos > lo and norm[pos - 1] == "第":
        return None  # 开工建设的第一期工程: an ordinal phase names nothing
    mention = Mention(head="", category="area", kind="name", head_start=pos, head_end=pos,
               phase_only=True)
    mention = extend_right(norm, mention, clause_end)
    if mention is None or not mention.section or mention.count:
        return None
    stem = find_stem(norm, pos, lo, 2, PHASE_MAX_STEM)
    if stem is None:
        return None
    start, stop, stop_start = stem
    if stop is not None and len(stop) > 1 and stop_start > lo \
            and stop_ending_at(norm, stop_start, lo) in NOUN_OBJECT_VERBS:
        # 交付启动区标准厂房三期: 交付 takes a noun, not a verb, so 启动 opens the name
        # (加快建设 is different: 加快 takes a verb).
        stem = (stop_start, stop_ending_at(norm, stop_start, lo), None)
        stem = (stem[0], stem[1], stop_start - len(stem[1]) if stem[1] else None)
        start, stop, stop_start = stem
    text = norm[start:pos]
    before = norm[start - 1] if start > 0 else ""
    listed = before == "、" or norm.startswith("、", mention.end)
    works_verb = stop is not None and stop in PHASE_VERBS
    if not (2 <= len(text) <= PHASE_MAX_STEM) or not (listed or works_verb) \
            or not _HAN_RUN.fullmatch(text) or is_generic(text) \
            or text.endswith(PHASE_NOT_NAMES) or (stop is None and before not in ("、", "")) \
            or text in (ACTION_INDEX.at(text, 0), FILLER_INDEX.at(text, 0)):  # 完成一期工程、启动二期: a verb names no phase
        return None
    mention.stem_start, mention.stop, mention.stop_start = stem
    if mention.stop in HONOUR_VERBS:
        return None
    mention.min_stem = 2
    # 大陆引水三期 is a water-supply work: a keyword of the stem says what it is; an estate's
    # suffix (鲍山花园, 幸福家园) makes a neighbourhood; any other brand name (宽厚里, 印象济南)
    # is a commercial development.
    mention.category = next((code for word, code in STEM_CATEGORY if word in text),
                               "area" if text.endswith(ESTATE_SUFFIXES) else "commercial")
    return mention


def _inside_action(norm, head_start, head_end, lo):
    """True when an action word that opens before the head ends with it (开港 of 开港运营)."""
    for start in range(max(lo, head_start - 3), head_start):
        action = ACTION_INDEX.at(norm, start)
        if action and start + len(action) == head_end:
            return True
    return False


@functools.lru_cache(maxsize=1)
def _heads_ending_actions():
    """Heads that end an action word of more characters (港 of 开港)."""
    table = heads()
    return frozenset(action[-n:] for action in ACTIONS_SORTED for n in range(1, len(action)) if action[-n:] in table)


def _head_mention(norm, head_start, head_end, info, lo, clause_end):
    """A head found at [head_start, head_end) with its section, count and stem; None if rejected."""
    category, kind, min_stem = info
    if kind == "skip":
        # Mark the span so that a shorter head inside it (站 of 工作站) is not tried again;
        # 中心 inside 镇中心幼儿园 is no head at all, since the noun phrase goes on.
        if not right_ok(norm, head_end, clause_end):
            return None
        return Mention(kind="skip", end=head_end, stem_start=head_start, head_start=head_start,
                head_end=head_end, category=None, head=norm[head_start:head_end],
                stop=None, stop_start=None, count=None, section=None)
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
        code = _CODE_AT_END.search(norm[max(lo, head_start - 14):head_start]) if category == "road" else None
        if code:
            max_stem += len(code.group())  # X254丁卯开发区连接线: the code does not count
        stem = find_stem(norm, head_start, lo, min_stem if kind in ("name", "facility") else 0, max_stem)
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
                    if outer is not None and not (outer[0] > lo and norm[outer[0] - 1] == "、"):
                        outer = None
                if outer is not None and 2 <= stem[2] - outer[0] <= 12:
                    stem = outer
    if stem is not None and category == "area" and stem[1] is None and stem[0] - 1 > lo \
            and norm[stem[0] - 1] in _SPAN_DASHES:
        # 安州区河东—科技城片区: an area named by the two places it spans, a district before them
        outer = find_stem(norm, stem[0] - 1, lo, 2, _SPAN_END_STEM)
        if outer is not None and 2 <= stem[0] - 1 - outer[0] <= _SPAN_END_STEM \
                and _HAN_RUN.fullmatch(norm, outer[0], stem[0] - 1):
            stem = outer
    if stem is None:
        return None
    if mention.head in THING_UNITS and _NUMBER_ONLY.fullmatch(norm, stem[0], head_start):
        return None  # 等243道“我家美食”: a number before a head that is also a unit counts things
    if mention.head == "路" and _COUNTED_LINES.search(norm, stem[0], head_start):
        return None  # 监控500路, 公交101路: channels and bus lines counted in 路, no roads
    mention.stem_start, mention.stop, mention.stop_start = stem
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
    if mention.stop is None or mention.stop == "的":
        _split_counted_list(norm, mention, lo)
    mention.min_stem = min_stem if kind in ("name", "facility") else 0
    return mention


_SPAN_DASHES = "—–-"
_SPAN_END_STEM = 6  # characters of an area's first end (with its district: 安州区河东)


def _quoted_whole_name(norm, mention, closer, clause_end):
    """True when quotes hold exactly a name (“青山湖公园”建设: see :func:`quoted_name`), not the
    first part of a name going on after them (“广华同城大道”华蓥段: the quotes stay in it; a phase
    after them is the project's, “烟雨洪江”二期)."""
    head_start = mention.head_start
    if mention.kind == "facility" and len(mention.head) == 1 and mention.head in _NUMBERED_SCHOOL_HEADS:
        head_start = _numeral_start(norm, head_start, mention.stem_start)  # “最美一中”: the number is the head's
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
    return not (norm.startswith("关于", marks[last] + 1) and norm.endswith(_PROPOSALS, head_end, closing[after]))


_PROPOSALS = ("建议", "提案", "议案")


_QUOTE_MARK = re.compile("[“”]")


@functools.lru_cache(maxsize=2)
def _quote_marks(norm):
    """Where the curly quotes of ``norm`` stand, all and the closing ones, in order: found once for a
    text (a clause of megabytes without quotes was searched back to its start for each head)."""
    marks = [match.start() for match in _QUOTE_MARK.finditer(norm)]
    return marks, [pos for pos in marks if norm[pos] == "”"]


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
    if start <= lo or norm[start - 1] != "、":
        return
    for match in COUNT_RE.finditer(norm, start + 1, head_start):
        if 1 <= match.start() - start <= 10 and is_generic(norm[match.end():head_start]) \
                and not norm[match.start() - 1].isdigit() \
                and unit_fits(match.group("unit"), mention.category, mention.head) \
                and (parse_number(match.group("num")) or 0) >= 2:  # a list is never counted by 1 (…、联合办1所公立幼儿园)
            mention.stem_start = match.start()
            word = next((w for w in LIST_CLOSERS if norm.startswith(w, match.start() - len(w))), "")
            mention.list_end = match.start() - len(word)  # A路、B路、C路这3条道路: 这 ends no name
            return


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
    item = norm.rfind("、", max(0, de - _LISTED_ITEM_REACH), de)
    return item >= 0 and not any(char in HARD_BREAKS for char in norm[item + 1:de]) \
        and ends_with_head_of(norm, de, mention.category)


_LISTED_ITEM_REACH = 12  # characters of the list item before 的


_DENG_STEM_EDGES = HARD_BREAKS | frozenset("等的")
_DENG_STEM_EDGE = re.compile("[" + "".join(re.escape(char) for char in sorted(_DENG_STEM_EDGES)) + "]")


# A place word after 等 that the works follow (等区域新建, 等地建设): where the list's places are.
_LOCATIVE_THEN_VERB = re.compile(r"(?:区域|地区|地方|地段|点位|场所|地)(?=新建|建设|改造|建成|增设|安装|新增|设置|布设|修建|实施)")


def _deng_stem(norm, head_start, lo, window=14):
    """The stem of a type head after 等 (等13条道路, 等新建商业载体), or None.

    Only counts and generic modifiers may stand between 等 and the head, so a name after 等
    is never swallowed.
    """
    low = max(lo, head_start - window)
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


def _place_before_works(norm, pos):
    """True when a township or hill name ends at ``pos`` before works on such a place (a list
    may end with 等 before them: 北山、南山等造林工程)."""
    at = pos + 1 if norm.startswith("等", pos) else pos
    kinds = [works for suffix, works in PLACE_WORKS if norm.endswith(suffix, 0, pos)]
    if any(match_any(norm, at, works) for works in kinds):
        return True
    # 敖包山、敖包西山、少郎河综合治理工程: the works follow the last item of the list.
    while kinds and norm.startswith("、", at):
        at += 1
        end = at
        for end in range(at + 1, min(len(norm), at + 10)):
            if norm[end] in HARD_BREAKS or norm.startswith("等", end):
                break
            if any(match_any(norm, end, works) for works in kinds):
                return True
        at = end
    return False
