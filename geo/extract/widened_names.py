"""Rule names the tagger widens to a longer name it is sure of (凤山至乐业二级路 over 乐业二级路, 铜锣湾·万达广场 over two rule names), and the edges it may not widen them over."""

from __future__ import annotations

import bisect
import itertools
import re

from geo.lexicon import (
    FIRM_LEFT_EDGES,
    SIZE_UNITS, JURISDICTION_SUFFIXES, NEVER_IN_NAMES, PHASE_VERBS, PLACE_WORKS, TOWNSHIP_SUFFIXES,
    WORKS_NOUNS, heads)
from geo.lexicon_lookups import ACTION_INDEX, category_group, match_any
from geo.extract.apposition import ends_with_type
from geo.extract.name_tails import classed_works_to, generic_reach_at, uses_listed
from geo.extract.prefixes import is_address
from geo.extract.joined import holds_joined_pair
from geo.settings import CLASSED_WORKS_CATEGORIES
from geo.extract.patterns import CORNER_QUOTES, QUOTE_CLOSERS, COUNT_RE, TAGGER_EXTENDS


# A sum of money (2320万元, 1.5亿元, 300元): what a name the tagger widens never holds.
_SUM_OF_MONEY = re.compile(r"\d(?:万|亿|千)?元|[万亿]元")
# A day written in figures (111-07-27, 2024/3/5, 2024.03.05): what a name the tagger widens never holds.
_DAY_DATE = re.compile(r"\d{2,4}([-/.])\d{1,2}\1\d{1,2}")


def extend_to_names(norm, records, found):
    """Rule names inside a longer name the tagger is sure of become that name.

    凤山至乐业二级路 where the rules named 乐业二级路, 龙湾高速出入口 where they named 龙湾高速,
    铜锣湾·万达广场 where they named two places: the tagger, at least TAGGER_EXTENDS sure, reads
    the whole span as one name. The record that ends last inside the span takes it; the others
    inside it go. A span that only partly covers a record, or that holds a counted group, or a
    break (a comma, a list's 、), is left alone, and so is a name the rules ended before the type
    of their own mention (大江厂后门至鱼洞轻轨站 of 大江厂后门至鱼洞轻轨站人行道).
    """
    exact = {(r.start, r.end) for r in records}
    spans = [(start, end) for start, end, confidence in found
             if confidence >= TAGGER_EXTENDS and (start, end) not in exact]
    if not records or not spans:
        return records  # (most sentences: the tagger agrees with the rules or is unsure)
    order = sorted(records, key=lambda r: r.start)
    starts = [r.start for r in order]
    reach = list(itertools.accumulate((r.end for r in order), max))  # the furthest end up to each record
    dropped = set()
    for start, end in spans:
        if any(ch in _EXTENSION_BREAKS for ch in norm[start:end]):
            continue
        start, end = _with_brackets_balanced(norm, start, end)
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if lo > 0 and reach[lo - 1] > start:
            continue  # a record opening before the span goes into it
        inside = [r for r in order[lo:hi] if id(r) not in dropped]
        if not inside or any(not r.named or r.end > end for r in inside) or holds_joined_pair(norm, inside):
            continue  # (青河与白石沟河: two works objects a conjunction joins stay two)
        keep = max(inside, key=lambda r: (r.end, r.start))
        if start < keep.start and keep.mention.stop in FIRM_LEFT_EDGES:
            continue  # 城区道路|南环路, 如|青松公园: the rules' left edge is a word that opens no name
        if start < keep.start and _works_verb_after_place(norm, start, keep):
            continue  # 老城区新建|二院南侧区间路: the place's works verb governs the name, none of it
        if start < keep.start and ends_with_type(norm, start, keep.start):
            continue  # 市区第六座跨江大桥|伏龙大桥: a type in apposition before the name is none of it
        if start < keep.start and category_group(keep.category) == "roads" and is_address(norm, start, keep.start):
            continue  # 青山市白石区|红岭路: the road's address is none of its name (see prefixes)
        if _SUM_OF_MONEY.search(norm, start, keep.start):
            continue  # 投入2320万元改善|A镇卫生院: a sum spent is no part of a name
        if _DAY_DATE.search(norm, start, keep.start):
            continue  # 111-07-27改善|芬园乡道路: a dated headline's date (and its verb) is no part of a name
        if _particle_before(norm, start, keep.start):
            continue  # 张三检查了|青山县文化广场: a verb's particle before the rules' name is none of a name
        if _quote_opened_before(norm, start, keep.start, end):
            continue  # 东乡「|康安路道路拓宽工程」: the quote opens the works named, the place before it is outside
        if norm.startswith("对", keep.end) and keep.end < end:
            continue  # 东台中学|对科创中心进行改造: 对 opens the object of the place's works, none of its name
        if category_group(keep.category) != "roads" and _road_joined_after(norm, keep.end, end):
            continue  # 火车站站前广场|及快速通道: a road joined after a place is none of its name
        if uses_listed(norm, keep.end, end) or generic_reach_at(norm, keep.end):
            continue  # 青山医院|门诊和住院综合大楼: the rules ended the place before its building's listed uses
            # (桃米溪|上游河段: or the river before a reach naming no place)
        if _works_and_phase(norm, keep.end, end):
            continue  # 东风路步行街|改造提升二期: the phase of the works on a name is none of the name
        if keep.category in CLASSED_WORKS_CATEGORIES and classed_works_to(norm, keep.end, end):
            continue  # 青山河|综合提升改造项目: the works said of a river are none of its name
        if _place_works_after(norm, keep, end):
            continue  # 青山城区北山|生态综合治理项目: the works that name a hill are none of its name
        if (keep.start, keep.end) == (start, end) or keep.end < end <= keep.mention.end:
            continue  # (大江厂后门至鱼洞轻轨站|人行道: the rules ended the name before its own type)
        after = COUNT_RE.match(norm, keep.end, end)
        if after is not None and after.end() == end and after.group("unit") not in SIZE_UNITS:
            continue  # 宏昌小区三所(老旧小区): a count after a name is the next noun's, none of the name
        roads = COUNT_RE.match(norm[keep.end:end]) if category_group(keep.category) == "roads" else None
        if roads is not None and roads.group("unit") == "条":
            continue  # A线—B、C线—D两条公路: the roads counted are the list the name ends, none of the name
        counted = COUNT_RE.match(norm, start, keep.start + 1)
        if counted is not None and counted.end() <= keep.start and counted.group("unit") not in SIZE_UNITS:
            # 新建1个市民球场: a count before a name is the name's quantity, none of it (a length stays:
            # 19千米边巡路 says what an unnamed road is)
            start = counted.end()
            if (keep.start, keep.end) == (start, end):
                continue
        keep.start, keep.end, keep.base = start, end, (start, end)
        keep.section = keep.name_tail = None
        keep.category = _category_of_last_head(norm, keep.mention.end, end) or keep.category
        dropped.update(id(r) for r in inside if r is not keep)
    return [r for r in records if id(r) not in dropped] if dropped else records


def _particle_before(norm, start, name_start):
    """True when a one-character word never in a name (了, 是, 着: stop_words.tsv's ``never_in_name``
    other than the joining 与/及/或 and 的) stands between ``start`` and the rules' name."""
    return any(char in _PARTICLES for char in norm[start:name_start])


# The words never in a name that the tagger may not widen a name over (与, 及 and 或 join names
# the rules may have split, and a widened pair is checked apart: holds_joined_pair; a span over
# 的 is a described place some golds keep whole: 整洁的环岛道路).
_PARTICLES = frozenset(word for word in NEVER_IN_NAMES if len(word) == 1 and word not in "与及或的")


def _place_works_after(norm, keep, end):
    """True when the rules' place is a hill (no head: its works named it) that the works of a hill
    follow up to a works noun ending the wider name (北山|生态综合治理项目, 卧龙山|综合治理工程: lexicon
    PLACE_WORKS, the hill suffixes; 太行山绿化 without 工程 or 项目 names a zone, as the read labels do)."""
    if keep.mention.end != keep.end or not norm.endswith(WORKS_NOUNS, keep.end, end):
        return False
    return any(suffix not in TOWNSHIP_SUFFIXES and norm.endswith(suffix, keep.start, keep.end)
               and match_any(norm, keep.end, works) for suffix, works in PLACE_WORKS)


def _works_and_phase(norm, pos, end):
    """True when ``norm[pos:end]`` is a works verb of two or more characters and a phase
    (改造提升二期): the phase is the works', and the name ends before them. An extension is a
    part of its road, no works on it (民族路延伸三期)."""
    word = ACTION_INDEX.at(norm, pos)
    return word is not None and len(word) > 1 and not word.startswith("延") \
        and _WORKS_PHASE.fullmatch(norm, pos + len(word), end) is not None


_WORKS_PHASE = re.compile(r"[一二三四五六七八九十\d]{1,3}期")


def _category_of_last_head(norm, after, end):
    """The category of the head a widened name ends with when it is another place's than the rule
    name's (白沙湾片区|新建九年一贯制学校: a school, not the area), else None. Placeholders (a road's
    category waits for its works, a stem's for its stem) and heads inside the rule name say nothing."""
    table = heads()
    for start in range(max(after, end - 8), end - 1):
        info = table.get(norm[start:end])
        if info is not None and info[1] in ("facility", "name") and info[0] not in (None, "road", "station", "stem", "members"):
            return info[0]
    return None


def _road_joined_after(norm, name_end, end):
    """True when 及 or 和 right after the rules' name opens a tail ending with a road's head."""
    if name_end >= end or norm[name_end] not in "及和":
        return False
    table = heads()
    return any((info := table.get(norm[start:end])) is not None and info[0] == "road" and info[1] in ("facility", "name")
               for start in range(max(name_end + 1, end - 8), end - 1))


# What a name the tagger extends a rule name to never holds: clause and list breaks.
_EXTENSION_BREAKS = frozenset(",;:。!?、\n")


def _quote_opened_before(norm, start, name_start, end):
    """True when a quote opens between ``start`` and the rules' name at ``name_start`` and does
    not close before ``end`` (东勢鄉「康安路道路拓寬工程」: the tagger's 东乡「康安路 runs over the
    quote into the place the works are in; “齐鲁之心”生态文化公园 closes its quote inside)."""
    return any(char in CORNER_QUOTES and CORNER_QUOTES[char] not in norm[pos + 1:end]
               for pos, char in enumerate(norm[start:name_start], start))


_CLOSING_QUOTES = {closer: opener for opener, closer in QUOTE_CLOSERS.items() if closer != opener}


def _works_verb_after_place(norm, start, record):
    """True when a district's name and a works verb stand between ``start`` and the rules' record,
    the verb their left edge (老城区新建|二院南侧区间路): the works are the district's, not the name's."""
    mention = record.mention
    return mention.stop in PHASE_VERBS and len(mention.stop) > 1 and mention.stop_start is not None \
        and mention.stop_start + len(mention.stop) == record.start and mention.stop_start > start \
        and norm[start:mention.stop_start].endswith(JURISDICTION_SUFFIXES)


def _with_brackets_balanced(norm, start, end):
    """The span with its brackets closed: a bracket it closes first or last without opening it is
    left out ((记者 王明)青山路, 白石大道) of 2条道路(青松大道、白石大道)), one it opens last is
    closed if the text does so right after it (青山路(东段 -> 青山路(东段))."""
    text = norm[start:end]
    closing = text.find(")")
    if 0 <= closing < len(text) - 1 and "(" not in text[:closing]:
        # (记者 王明 李华)青山路改造: a bracket closed before the name (a byline's) is none of it
        start += closing + 1
        text = norm[start:end]
    if text.endswith(")") and text.count(")") > text.count("("):
        return start, end - 1
    if text[-1:] in _CLOSING_QUOTES and text.count(text[-1]) > text.count(_CLOSING_QUOTES[text[-1]]):
        return start, end - 1  # 加快“青山湖公园”建设: the quote closes around the name, none of it
    if text.count("(") > text.count(")") and norm[end:end + 1] == ")":
        return start, end + 1
    if text.count("(") > text.count(")") and _closed_further_on(norm, end):
        opened = start + text.rfind("(")
        if opened > start and _category_of_last_head(norm, opened + 1, end) is not None:
            # 青松路延伸段(东山小学门前)道路: a span stopping inside a bracket the text closes further
            # on, at another place's head, takes part of a note (where the works are), none of the name
            return start, opened
    return start, end


# How far a bracket a widened name stopped in may run on before the text closes it.
_BRACKET_RUN_ON = 12


def _closed_further_on(norm, end):
    """True when the text closes a bracket a few characters after ``end``, with no clause break on
    the way (the span ends inside the bracket's note)."""
    for char in norm[end + 1:end + _BRACKET_RUN_ON]:
        if char == ")":
            return True
        if char in _EXTENSION_BREAKS or char == "(":
            return False
    return False
