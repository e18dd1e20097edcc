"""Mentions of a clause: the heads and road codes found in it, left to right and without overlaps, and estates named before a phase (the mention a head makes, its stem, section and count: head_mentions)."""

from __future__ import annotations

import bisect
import functools
import re

from geo.lexicon import (
    ROAD_CLEARANCE_WORDS, BUS_WORDS, COUNTED_WORKS, ESTATE_SUFFIXES, HONOUR_VERBS, COUNTED_ROAD_WORDS,
    ROAD_CLASSES, ROADS_OVER_NONE, NOUN_OBJECT_VERBS, PHASE_NOT_NAMES, PHASE_VERBS, PLACE_WORKS, heads)
from geo.lexicon_lookups import (
    ACTION_INDEX, FOLLOWERS_SORTED, FILLER_INDEX, head_endings, head_lengths_by_ending, is_generic,
    match_any, stem_category, stop_ending_at)
from geo.extract.village_roads import road_after_its_village
from geo.extract.crossings import merge_junctions
from geo.extract.extents import extend_right, right_ok
from geo.extract.model import Mention
from geo.extract.patterns import (CN_DIGITS, DESIGNATOR, LONGEST_UNIT, TWO_HAN, HAN_RUN, NUMBERED_SCHOOL_HEADS,
                                  CODE_RE, COUNT_RE, COUNTY_ROAD_RE, NUMBERED_SCHOOL_RE, HARD_BREAKS, PHASE_RE)
from geo.extract.routes import LENGTH_BEFORE_ROAD, code_mention, county_road_ok, joined_county_road, with_class_sections, with_routes_in_prose
from geo.extract.stems import find_stem
from geo.extract.head_mentions import forget_quotes, head_mention, numeral_start
from geo.extract.prefixes import named_along_side
from geo.extract.runs import forget_runs
from geo.extract.works import forget_closing_actions
from geo.extract.described import forget_flood_reach
from geo.settings import COUNTED_ROAD_GAP, PHASE_MAX_STEM


_PHASE_END = re.compile(r"期\)?$")
_DIGIT = re.compile(r"[0-9一二三四五六七八九十]")


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
            joined = joined_county_road(norm, match.end(), end)  # 宁凤线和罗伯克线: a longer name joined to it
            if joined is not None:
                codes.setdefault(joined.end(), []).append(joined)
    mentions = []
    covered = before = start  # (before: where the last mention's search began)
    lengths = head_lengths_by_ending()
    # Only positions where some rule can fire: after a head's last character (or 中/小, 镇, 山),
    # before a phase's first character, and at the end of a code.
    ends = _candidates(norm)
    candidates = ends[bisect.bisect_left(ends, start + 1):bisect.bisect_right(ends, end)]
    inside_code = _code_interiors(codes)
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
        if mention is None and tried and e not in inside_code:
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
                        mention = head_mention(norm, e - length, e, table[head], covered, end)
                    elif norm[e - length - 1:e] in ROADS_OVER_NONE and e - length - 1 >= covered:
                        # 邮电路, 广电路: a road named after a body, over a word that is none (电路)
                        mention = head_mention(norm, e - 1, e, table[norm[e - 1]], covered, end)
                    elif head in COUNTED_ROAD_WORDS and _counted_as_road(norm, head, covered, e - length, end):
                        # 辛高线、……高上线五条县道, 7条街道: counted road classes (and 街道 counted in 条)
                        # count the list before them.
                        mention = head_mention(norm, e - length, e, ("road", "generic", 1), covered, end)
                    elif head in ROAD_CLASSES and TWO_HAN.fullmatch(norm, max(covered, e - length - 2), e - length) \
                            and not stop_ending_at(norm, e - length, covered) and not COUNT_RE.match(norm, e, end):
                        # 河金省道, 沿江大道、河金省道改造: a road of that class named by two places
                        mention = head_mention(norm, e - length, e, ("road", "name", 2), covered, end)
                    break
        if mention is None and last in NUMBERED_SCHOOL_HEADS and _numbered_school_ends(norm, e, covered, end):
            # 85中, 汉沽三中, 长安十小: a number before 中/小 that ends the noun phrase is a school
            # (三中全会 and 一小时 go on with a character, so they are none).
            mention = head_mention(norm, e - 1, e, ("school", "facility", 1), covered, end)
        if mention is None and last == "小" and _central_school_ends(norm, e, covered, end):
            # 马畅中小、湑水中小等学校, 莲花中小等59所: a place's central primary school (中心小学) written
            # short, listed (中小学, 中小企业, 中小河流 go on; 大中小 is a range of sizes)
            mention = head_mention(norm, e - 2, e, ("school", "facility", 2), covered, end)
        if mention is None and last in PLACE_SUFFIX_LAST and e - covered >= 3 and _place_before_works(norm, e):
            # 银桥镇美丽乡村建设, 南峰山矿山生态修复: 镇 and 山 are no heads elsewhere (they end
            # 城镇, 乡镇, 青山 and stems of facilities), but before works on that kind of place
            # they name the place. The head is empty, so that the place is the stem and a list
            # before it (银桥镇、湾桥镇) shares the works as parallel items do.
            mention = head_mention(norm, e, e, ("area", "name", 3), covered, end)
        if mention is None and e < end and norm[e] in PHASE_FIRST and PHASE_RE.match(norm, e, end):
            mention = _phase_mention(norm, e, covered, end)
        if mention is not None:
            if mentions and _named_by_the_one_before(norm, mentions[-1], mention):
                # 五一路10号小区, 白石路拆迁安置区, 西支河两岸堤顶路, 生物产业园1、2号路: the mention before
                # names this one (see _named_by_the_one_before), which takes its stem and stands in its place
                namer = mentions[-1]
                mention.stem_start, mention.stop, mention.stop_start = namer.stem_start, namer.stop, namer.stop_start
                mentions[-1], covered = mention, mention.end
                continue
            if mentions and _modifies(norm, mentions[-1], mention):
                # 8所农村标准化幼儿园: 农村 modifies the kindergartens the count counts.
                wider = head_mention(norm, mention.head_start, mention.head_end, table[mention.head], before, end)
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


def _named_by_the_one_before(norm, before, mention):
    """True when ``mention`` is named by the mention ``before`` it, whose stem it takes: a compound named
    by its address, a road and a door number (五一路|10号小区: the road was a road of its own, the
    compound 10号小区); housing for those the works on the road before it move (白石路|拆迁安置区); a
    road along a side of the place before it (西支河|两岸堤顶路); designators written together after a
    name (生物产业园|1、2号路); a quote ending in a generic head before the facility it names
    (“书香之家”|图书馆)."""
    return _at_door_number(norm, before, mention) or _named_by_its_road(norm, before, mention) \
        or named_along_side(norm, before, mention) or _joins_designators(norm, before, mention) \
        or _quoted_before_type(norm, before, mention) or road_after_its_village(before, mention)


def _quoted_before_type(norm, before, mention):
    """True when a quote closing right after a generic head (“书香之家”) is followed by the head of
    ``mention`` (图书馆): the quote names the facility, its generic word is no place of its own."""
    return (before.kind == "generic" and before.count is None and before.section is None
            and before.end < len(norm) and norm[before.end] == "”" and mention.kind in ("facility", "name")
            and mention.stem_start == before.end and mention.head_start == before.end + 1
            and "“" in norm[before.stem_start:before.head_start])


def _at_door_number(norm, before, mention):
    """True when ``mention`` is an estate (小区) whose stem is a door number right after the road
    ``before`` names (五一路10号小区)."""
    return (mention.category == "area" and before.category == "road" and before.kind == "name"
            and before.end == mention.stem_start and before.count is None
            and _DOOR_NUMBER.fullmatch(norm, mention.stem_start, mention.head_start) is not None)


def _named_by_its_road(norm, before, mention):
    """True when ``mention`` is housing (an area head) right after the road ``before`` names, with no
    stem of its own, only works on the road that move people between them (白石路|拆迁|安置区)."""
    return (before.category == "road" and before.kind == "name" and before.count is None and before.section is None
            and mention.kind == "name" and mention.category == "area" and mention.stem_start == mention.head_start
            and mention.stop_start == before.end and mention.stop in ROAD_CLEARANCE_WORDS)


def _joins_designators(norm, before, mention):
    """True when ``mention``'s stem opens, where the name ``before`` ends, with a designator
    joined by 、 to the next (青山园|1、2号楼; see :func:`geo.extract.stems.find_stem`)."""
    if before.kind != "name" or before.end != mention.stem_start or before.count is not None:
        return False
    first = DESIGNATOR.match(norm, mention.stem_start, mention.head_start)
    return first is not None and norm.startswith("、", first.end())


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
    count = _COUNT_END.search(norm, _count_reach(norm, lo, pos), pos)
    if count is None:
        # 6条主干街道: generic words between the count and the word
        count = next((m for m in _COUNT_BEFORE_TYPE.finditer(norm, max(lo, pos - COUNTED_ROAD_GAP), pos)
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


def _code_interiors(codes):
    """The positions inside a road or rail code with a digit, where it goes on past a head's end
    (轨道交通 of 轨道交通1号线): marked once for the clause, each code's characters once (a clause
    of thousands of codes and heads stays linear)."""
    return {e for matches in codes.values() for match in matches if _DIGIT.search(match.group())
            for e in range(match.start() + 1, match.end())}


# First characters of a phase (二期, 3期) and last characters of place suffixes (镇, 山): the
# only positions where those rules are tried.
PHASE_FIRST = frozenset("一二三四五六七八九十0123456789")
PLACE_SUFFIX_LAST = frozenset(suffix[-1] for suffix, _ in PLACE_WORKS)

_COUNT_END = re.compile(COUNT_RE.pattern + "$")
# What a count holds after its number: 余 or 多, its longest unit, 以上 or 左右, and a newline
# before which $ also matches; before its number, at most a prefix of three characters (不少于).
_COUNT_TAIL = 1 + LONGEST_UNIT + 2 + 1
_COUNT_PREFIX_LONGEST = 3
_NUMERAL_CHARS = frozenset(".零〇一二两三四五六七八九十百千")


def _count_reach(norm, lo, pos):
    """Where a count ending at ``pos`` may start, at ``lo`` or after: its tail is a few characters
    long, its number a run of digits as long as it is (read back over), its prefix three characters.
    Searched from there, not from the clause's start, for each counted word (a clause of thousands of
    counted road words stays linear), it finds what a search from ``lo`` would."""
    start = max(lo, pos - _COUNT_TAIL)
    while start > lo and (norm[start - 1] in _NUMERAL_CHARS or norm[start - 1].isdecimal()):
        start -= 1
    return max(lo, start - _COUNT_PREFIX_LONGEST)
_COUNT_BEFORE_TYPE = re.compile(rf"(?:{COUNT_RE.pattern})(?=[\u4e00-\u9fff]{{1,4}}$)")
# What may stand between a phase's first character and 期 (十|二|期: see _phase_starts; or a digit).
_PHASE_SECOND = frozenset("一二三四五六七八九十")


def _phase_starts(norm):
    """Where a phase opens (二期, 12期): a character of PHASE_FIRST, then what PHASE_RE allows up to
    期, one character of _PHASE_SECOND or a digit at most (overlapping ones too: 十二期 at 十 and at 二);
    not at the text's start. Found from each 期 back (a text holds few), not tried at every position."""
    found, at = [], norm.find("期", 1)
    while at >= 0:
        if at - 1 > 0 and norm[at - 1] in PHASE_FIRST:
            found.append(at - 1)
        if at - 2 > 0 and norm[at - 2] in PHASE_FIRST and (norm[at - 1] in _PHASE_SECOND or norm[at - 1].isdecimal()):
            found.append(at - 2)
        at = norm.find("期", at + 1)
    return found


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


def may_hold_records(norm, start, end):
    """False when no rule of a clause can make a record in ``norm[start:end]``: no position
    where a mention may end (see :func:`_candidates`, built from the heads' and place
    suffixes' last characters), no numeral for a count, no code's letter or road word.

    Most clauses of a report are prose of this kind; they are passed over before the
    clause's mention finder and count rules each look at them.
    """
    ends = _candidates(norm)
    if bisect.bisect_right(ends, end) > bisect.bisect_left(ends, start + 1):
        return True
    return _GATE_CHARACTERS.search(norm, start, end) is not None


# The characters without a mention's end that still let a clause make a record: a numeral (a count:
# NUMBER_CHAR_RE's class), a Latin letter or 道/线 (a code: CODE_RE, COUNTY_ROAD_RE).
_GATE_CHARACTERS = re.compile(rf"[\d{CN_DIGITS}A-Za-z道线]")


def _candidates(norm):
    """Sorted positions of ``norm`` where a mention may end (see clause_mentions).

    Computed once per text: every clause of a text asks for the same list.
    """
    if _CANDIDATES[0] is not norm:
        found = set(_candidate_array_ends(norm)) if len(norm) >= _ARRAY_MIN_CHARS \
            else {m.end() for m in _candidate_ends().finditer(norm)}
        found.update(_phase_starts(norm))
        _CANDIDATES[:] = [norm, sorted(found)]
    return _CANDIDATES[1]


def forget_text():
    """Let go of the text the candidates, quotes, list walks, runs, clauses' last actions and the
    waters' reach to flood duties were worked out for, and of them, once it is done."""
    _CANDIDATES[:] = [None, None]
    _WALKS[:] = [None, {}]
    forget_quotes()
    forget_runs()
    forget_closing_actions()
    forget_flood_reach()


def warm():
    """Compile the pattern of the characters a mention can end with and build the heads' lengths by
    their endings, as the first clause would."""
    _candidate_ends()
    head_lengths_by_ending()


@functools.lru_cache(maxsize=1)
def _candidate_ends():
    """A pattern of the characters a mention can end with, where a rule of clause_mentions can
    fire after them: the last character of a one-character head or of a place suffix (镇, 山);
    the last two characters of a longer head; a numeral and 中/小/幼 (85中).

    Half the characters that end a head end it nowhere in a text (其中, 不同): testing the
    character before them here, in the pattern, spares the clause loop looking at them.
    """
    anywhere, before = _candidate_characters()
    # One literal opens each alternative, so that the pattern is searched for by its first
    # characters; a look-behind then tests the character before.
    alternatives = [re.escape(char) for char in sorted(anywhere)] + [
        re.escape(char) + "(?<=[" + (r"\d" if char in NUMBERED_SCHOOL_HEADS else "") + "".join(re.escape(c) for c in sorted(firsts))
        + "]" + re.escape(char) + ")" for char, firsts in sorted(before.items())]
    return re.compile("|".join(alternatives))


@functools.lru_cache(maxsize=1)
def _candidate_characters():
    """(the characters a mention may end with whatever stands before them, {a character a mention may
    end with -> the characters that must stand before it}): see :func:`_candidate_ends`. A decimal digit
    may stand before a character of NUMBERED_SCHOOL_HEADS too (its pattern's ``\\d``)."""
    single, pairs = head_endings()
    anywhere = set(single) | set(PLACE_SUFFIX_LAST)
    before = {}  # last character -> the characters that may stand before it
    for pair in pairs:
        if pair[1] not in anywhere:
            before.setdefault(pair[1], set()).add(pair[0])
    for char in NUMBERED_SCHOOL_HEADS:  # (NUMBERED_SCHOOL_RE: a digit or a Chinese numeral before it)
        if char not in anywhere:
            before.setdefault(char, set()).update("一二三四五六七八九十")
    before.setdefault("小", set()).add("中")  # (马畅中小: a central primary school written short)
    return frozenset(anywhere), {char: frozenset(firsts) for char, firsts in before.items()}


def _candidate_array_ends(norm):
    """The ends of the matches of :func:`_candidate_ends` in a long text, in order, found over an array
    of its code points (1 MB's half: ~100 M instructions by the pattern, a match object a position)."""
    import numpy as np

    anywhere, before = _candidate_characters()
    codes = np.frombuffer(norm.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    found = np.isin(codes, [ord(char) for char in anywhere])
    # the positions (after the first) of a character that ends a mention after some characters alone
    at = np.flatnonzero(np.isin(codes[1:], [ord(char) for char in before])) + 1
    pairs = codes[at - 1].astype(np.uint64) << np.uint64(21) | codes[at]  # (a code point has 21 bits)
    after = np.isin(pairs, np.array([ord(first) << 21 | ord(char) for char, firsts in before.items() for first in firsts],
                                    dtype=np.uint64))
    numbered = np.isin(codes[at], [ord(char) for char in NUMBERED_SCHOOL_HEADS if char in before])
    if numbered.any():  # (\d: every decimal digit, as str.isdecimal says)
        previous = codes[at[numbered] - 1]
        digits = [code for code in np.unique(previous).tolist() if chr(code).isdecimal()]
        after[numbered] |= np.isin(previous, digits)
    found[at[after]] = True
    return (np.flatnonzero(found) + 1).tolist()


_ARRAY_MIN_CHARS = 4096  # shorter texts: the pattern (the array costs more than it saves)


def _numbered_school_ends(norm, e, lo, clause_end):
    """True when a school named by a number (85中, 汉沽三中, 市二中等) ends at ``e``.

    The noun phrase must end there (三中全会, 一小时 and 一中学生 go on); a session's number
    (二十届二中、三中全会) is no school's.
    """
    start = numeral_start(norm, e - 1, lo)
    if start == e - 1 or NUMBERED_SCHOOL_RE.fullmatch(norm, start, e) is None or norm[start - 1:start] == "届":
        return False
    return norm.startswith("等", e) or (right_ok(norm, e, clause_end)
                                        and not norm.startswith(("学", "心", "型"), e))


def _central_school_ends(norm, e, lo, clause_end):
    """True when a place's central primary school written short (马畅中小) ends at ``e``: 中小 after two
    Han characters or more that are no size or count (大中小, 七所国中小), with a list's mark after it."""
    return e - 4 >= lo and norm[e - 2] == "中" and e < clause_end and norm[e] in _CENTRAL_SCHOOL_AFTER \
        and all("\u4e00" <= c <= "\u9fff" and c not in _NOT_CENTRAL_SCHOOL_STEM for c in norm[e - 4:e - 2])


_CENTRAL_SCHOOL_AFTER = frozenset("、等和及")
_NOT_CENTRAL_SCHOOL_STEM = frozenset("大国所个座各等和及与")


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
            or not HAN_RUN.fullmatch(text) or is_generic(text) \
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
    mention.category = stem_category(text) or ("area" if text.endswith(ESTATE_SUFFIXES) else "commercial")
    return mention


def _place_before_works(norm, pos):
    """True when a township or hill name ends at ``pos`` before works on such a place (a list
    may end with 等 before them: 北山、南山等造林工程)."""
    at = pos + 1 if norm.startswith("等", pos) else pos
    kinds = [works for suffix, works in PLACE_WORKS if norm.endswith(suffix, 0, pos)]
    if any(match_any(norm, at, works) for works in kinds):
        return True
    # 敖包山、敖包西山、少郎河综合治理工程: the works follow the last item of the list.
    return bool(kinds) and _works_after_list(norm, at, kinds)


_WALKS: list = [None, {}]  # the text walked, and what each walk from a 、 of it found


def _works_after_list(norm, at, kinds):
    """True when works of ``kinds`` follow the list items from ``at`` on, each a few characters
    after a 、. What a walk from each 、 finds is kept for the text: the places of one list of
    thousands each walk it only as far as a 、 walked before (it stays linear)."""
    if _WALKS[0] is not norm:
        _WALKS[0], _WALKS[1] = norm, {}
    kinds_key, walked, found = tuple(map(id, kinds)), [], False
    while norm.startswith("、", at):
        known = _WALKS[1].get((at, kinds_key))
        if known is not None:
            found = known
            break
        walked.append(at)
        at += 1
        end = at
        for end in range(at + 1, min(len(norm), at + 10)):
            if norm[end] in HARD_BREAKS or norm.startswith("等", end):
                break
            if any(match_any(norm, end, works) for works in kinds):
                found = True
                break
        if found:
            break
        at = end
    for pos in walked:
        _WALKS[1][pos, kinds_key] = found
    return found
