"""The name tagger in front of the rules' filters: names the rules missed, and rule names it rejects."""

from __future__ import annotations

import bisect
import itertools
import re

from geo.extract.confidence import score_records
from geo.lexicon import ACTION_INDEX, LOCATOR_WORDS, SIZE_UNITS, CONTEXT_LABELS, CREDIT_LABELS, FOLLOWERS_SORTED, TAGGED_HEADS, JURISDICTION_SUFFIXES, WORKS_TAILS, match_any, PHASE_VERBS, SINGLETON_FACILITY_HEADS, STEM_CATEGORY, heads, is_generic, stop_ending_at
from geo.extract.extents import names_a_firm
from geo.extract.partners import drop_locators, drop_partners
from geo.extract.headfit import head_holds
from geo.extract.apposition import ends_with_type
from geo.extract.joined import holds_joined_pair, rejoined, share_confidence
from geo.extract.model import Covered, Mention, Record
from geo.extract.patterns import CORNER_QUOTES, STREET_NAME_ENDINGS, DASHES, NUMBERED_SCHOOL_RE, QUOTE_CLOSERS, DESCRIBED_PROJECT_RE, INCLUDED_MEMBER_END, ROAD_CATEGORIES, CODE_RE, COUNT_RE, HARD_BREAKS, LENGTH_AFTER_RE, MAX_SUBUNIT_STEM, TAGGER_ADD_CONFIDENCE, TAGGER_DROP_OUTSIDE, TAGGER_EXTENDS, TAGGER_OVERRULES
from geo.extract.segment import clauses
from geo.extract.works import main_part_done, works_at

_BARE_PHASE = re.compile(r"[一二三四五六七八九十\d]{1,2}期")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Two places joined by 至 or a dash, perhaps as a stretch (段): a road's name without a head.
_ROUTE_SPAN = re.compile(r"[\u4e00-\u9fff\dA-Z]{2,12}(?:至|[" + re.escape(DASHES) + r"]{1,2})(?!少|今|此)[\u4e00-\u9fff\dA-Z]{2,12}")
HEADLESS_MAX = 6  # characters of a name without a head (宝马, 王家咀)
_NUMBERED_ROAD = re.compile(r"\d{1,3}号路$")
# What a tagged name may hold that breaks a rule's stem: a short bracket (海南医学院西海岸校区(海口医学
# 城一期)) and a dash between two names (福禄净化厂—两路调压计量站中压管线).
_INNER_PARTS = re.compile(r"\([^()]{1,12}\)|(?<=[\u4e00-\u9fff])[" + re.escape(DASHES) + r"]{1,2}(?=[\u4e00-\u9fff])")
_NUMBERED_SCHOOL_END = re.compile(NUMBERED_SCHOOL_RE.pattern + "$")
# Further list items after a name (、B路、C街) before what the list is said to do.
_LIST_ITEMS = re.compile(r"^(?:[、与和及][^,;:。!?、]{1,8}?(?=[、与和及]|合围|围合|围成))+")


def combine(norm, records, tagging, sent_start, sent_end):
    """The sentence's records after the tagger's rules, in order, the droppable ones scored
    (:func:`geo.extract.confidence.score_records`): rule names it rejects are dropped
    (:func:`drop_rejected`), names the rules missed added (:func:`add_missed`).

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The rules' records of one sentence.
    tagging : geo.extract.tagger.Tagging
        What the tagger says about the text.
    sent_start, sent_end : int
        The sentence.

    Returns
    -------
    list of Record
    """
    found = tagging.names_in(sent_start, sent_end)
    if not records and not found:
        return records  # nothing to drop, widen, add or score
    records = drop_rejected(norm, records, tagging, found, sent_start, sent_end)
    records = extend_to_names(norm, records, found)
    ruled = {id(r) for r in records}
    records = add_missed(norm, records, tagging, found, sent_start, sent_end)
    score_records(norm, records, tagging, sent_start, sent_end, {id(r) for r in records} - ruled)
    share_confidence(norm, records)  # 实施青河与白石沟河综合治理: B stands with A
    for record in records:
        if record.confidence is not None and (_coded_road_worked(norm, record, sent_end)
                                              or _coded_road_built(norm, record, sent_end)
                                              or main_part_done(norm, record, sent_end)):
            record.confidence = None  # 实施G210改造, A医院主体工程完工: the works' own object, whatever the model says
    return records


_ALONG_ROAD = ("沿线", "两侧")
# Left edges the rules found that the tagger does not widen a name over: the type of the roads listed
# after it (城区道路南环路), "such as" (如青松公园).
_FIRM_LEFT_EDGES = frozenset(("道路", "如"))
# A sum of money (2320万元, 1.5亿元, 300元): what a name the tagger widens never holds.
_SUM_OF_MONEY = re.compile(r"\d(?:万|亿|千)?元|[万亿]元")
# A day written in figures (111-07-27, 2024/3/5, 2024.03.05): what a name the tagger widens never holds.
_DAY_DATE = re.compile(r"\d{2,4}([-/.])\d{1,2}\1\d{1,2}")


def _coded_road_worked(norm, record, sent_end):
    """实施G210改造, 实施G4201成都绕城高速改造: a road named by its code (alone or before its name)
    that works follow directly (or along it: 沿线绿化), closing the clause: the works' only object is the road, a project
    the record model must not drop (沿G210建设绿道 and 接县道618线 stay its to weigh)."""
    code = CODE_RE.match(norm, record.start)  # the rules' own road codes, opening the name
    if not (_numbered_code(record.mention) or code is not None and code.group("road")):
        return False
    pos, said = record.end, False
    if norm.startswith(_ALONG_ROAD, pos):
        pos += 2  # 实施G4201沿线绿化: works along the road are the road's
    elif norm.startswith("的", pos):
        pos += 1  # 加快G353的建设力度: the road's works
    while pos < sent_end:
        works = works_at(norm, pos, sent_end)
        if not works:
            break
        pos, said = pos + len(works), True
    if said and norm.startswith(_PACE_WORDS, pos):
        pos += 2  # 加大G353的建设力度, 加快S203改造进度: the pace of the works
    return said and (pos >= sent_end or norm[pos] in HARD_BREAKS)


_PACE_WORDS = ("力度", "进度", "步伐")


def _coded_road_built(norm, record, sent_end):
    """开建省道210;: a road named by its code right after a works verb, closing the clause: the
    works' whole object (接县道618线, 沿G210 are no works verbs: the model weighs those)."""
    mention = record.mention
    return _numbered_code(mention) and mention.stop in ACTION_INDEX.words and mention.stop_start is not None \
        and mention.stop_start + len(mention.stop) == record.start \
        and (record.end >= sent_end or norm[record.end] in HARD_BREAKS)


_LIST_HEADER = re.compile(r"(?:项目|工程)\(?[0-9一二三四五六七八九十]+[个项]\)?$")


def drop_rejected(norm, records, tagging, found, sent_start, sent_end):
    """A named record whose characters the tagger holds to be outside any name is dropped.

    凌风街 in 由凌风街与凌霜街合围, 终点接23号路: places of context the rules took for works.
    Members of a counted group stay (the group's count depends on them), and so does what the
    rules have their strongest evidence for (see :func:`_evident`).
    """
    kept = [r for r in records if not (r.named and r.mention.typed_by is None and not r.listed_members
                                       and tagging.outside(r.start, r.end) >= TAGGER_DROP_OUTSIDE
                                       and not _evident(norm, r, sent_start))]
    return rejoined(norm, records, kept)  # 改造青山小学与白石中学: B joined to a kept A is no context


def _evident(norm, record, sent_start):
    """True when the rules' evidence for a named record outweighs the tagger: a road code; a name
    right before its works, or in a list right before them (龙山光伏发电项目建设, 东外环、山前大道通车);
    a district's one facility built; an item under a counted works header; a member counted with
    its group (包括长者公园在内的8个公园); a heading described as a project (长风绿地:该工程位于…)."""
    return _numbered_code(record.mention) or _before_works(norm, record) or _built_singleton(record) \
        or _under_list_header(norm, record, sent_start) or norm.startswith(INCLUDED_MEMBER_END, record.end) \
        or DESCRIBED_PROJECT_RE.match(norm, record.end) is not None or _after_works_verb(record) \
        or _built_facility(norm, record) or _built_numbered_school(norm, record) or _street_named_by_a_verb(norm, record) \
        or main_part_done(norm, record, len(norm))


def _street_named_by_a_verb(norm, record):
    """建设大街(惠民路-果园路), 改造建设路: a street whose whole stem is a works verb (建设, 发展) is
    named by it; the rules took the verb for the name (see stems.find_stem), the tagger reads a verb."""
    mention = record.mention
    verb = ACTION_INDEX.at(norm, record.start)
    return mention.category == "road" and record.start == mention.stem_start and verb is not None \
        and record.start + len(verb) == mention.head_start and norm.startswith(STREET_NAME_ENDINGS, mention.head_start)


def _built_facility(norm, record):
    """新建东岸社区养老服务站。: a facility (a head of its kind, not a road or area) that a works verb opens and
    the clause's end closes: the works' whole object."""
    mention = record.mention
    return mention.kind == "facility" and mention.stop in PHASE_VERBS and record.start == mention.stem_start \
        and (record.end >= len(norm) or norm[record.end] in HARD_BREAKS) \
        and not _NUMBER.search(norm, record.start, record.end) and not norm.startswith(_SCOPES, record.start)


_NUMBER = re.compile(r"[\d%]")  # 4.665万米给水管道, 适龄幼儿50%入公办幼儿园: no names
_SCOPES = ("全市", "全县", "全区", "首")  # 全市首条地下综合管廊: a description


def _built_numbered_school(norm, record):
    """年内建成51中、沙河街小学: a school named by its number alone, right after a works verb (the
    tagger, seeing digits, holds 51中 to be no name)."""
    mention = record.mention
    return mention.stop in PHASE_VERBS and record.start == mention.stem_start \
        and NUMBERED_SCHOOL_RE.fullmatch(norm, record.start, record.end) is not None


def _after_works_verb(record):
    """建设55个新农村幸福家园、12.8公里敖江休闲步道: a list item after a works verb that opens the list."""
    mention = record.mention
    first = (mention.chain or [mention])[0]
    return first is not mention and first.stop in PHASE_VERBS


def _under_list_header(norm, record, sent_start):
    """新开工项目(3个):博鳌机场、…: an item of a list that a counted works header opens."""
    colon = norm.rfind(":", sent_start, record.start)
    return colon >= 0 and _LIST_HEADER.search(norm, sent_start, colon) is not None \
        and all(ch not in "。;" for ch in norm[colon:record.start])


def _built_singleton(record):
    """建设园博园: a bare facility a district has one of, built by a works verb (see records)."""
    mention = record.mention
    return mention.head in SINGLETON_FACILITY_HEADS and mention.stop in PHASE_VERBS and record.start == mention.head_start


def _numbered_code(mention):
    """G309, 107国道, 省道315线: a road code with a number is no prose."""
    return mention.kind == "code" and any(char.isdigit() for char in mention.head)


def _before_works(norm, record):
    """True when works follow the record's name, or the list it opens (东外环、山前大道通车)."""
    ends = {record.end, record.mention.end}  # 新康家园保障房建设: the type after the name, then works
    road = record.category in ROAD_CATEGORIES
    if norm.startswith(("、", "与", "和", "及"), record.end):
        ends.update(m.end for m in record.mention.chain or () if m.end > record.end)
    for end in list(ends):
        length = LENGTH_AFTER_RE.match(norm, end) if norm[end:end + 1].isdigit() or norm.startswith("的", end) else None
        pos = length.end() if length else end
        while (length or road) and (follower := match_any(norm, pos, FOLLOWERS_SORTED)):
            pos += len(follower)  # 路基, 路面: the parts of it the works are on
        # 半苗线56.9公里路基路面改造: works on a length of it; 临夏线A村至B镇路面改造: on a road's part
        ends.add(pos)
    for end in list(ends):
        tail = match_any(norm, end, WORKS_TAILS) if norm.startswith(WORKS_TAILS, end) else None
        if tail:
            ends.add(end + len(tail))  # 红枫路南通工程建成通车, 青山客运站及配套工程将完成: works after 工程
    return any(works_at(norm, end, len(norm)) for end in ends)


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
        if start < keep.start and keep.mention.stop in _FIRM_LEFT_EDGES:
            continue  # 城区道路|南环路, 如|青松公园: the rules' left edge is a word that opens no name
        if start < keep.start and _works_verb_after_place(norm, start, keep):
            continue  # 老城区新建|二院南侧区间路: the place's works verb governs the name, none of it
        if start < keep.start and ends_with_type(norm, start, keep.start):
            continue  # 市区第六座跨江大桥|伏龙大桥: a type in apposition before the name is none of it
        if _SUM_OF_MONEY.search(norm, start, keep.start):
            continue  # 投入2320万元改善|A镇卫生院: a sum spent is no part of a name
        if _DAY_DATE.search(norm, start, keep.start):
            continue  # 111-07-27改善|芬园乡道路: a dated headline's date (and its verb) is no part of a name
        if _quote_opened_before(norm, start, keep.start, end):
            continue  # 东乡「|康安路道路拓宽工程」: the quote opens the works named, the place before it is outside
        if norm.startswith("对", keep.end) and keep.end < end:
            continue  # 东台中学|对科创中心进行改造: 对 opens the object of the place's works, none of its name
        if _works_and_phase(norm, keep.end, end):
            continue  # 东风路步行街|改造提升二期: the phase of the works on a name is none of the name
        if (keep.start, keep.end) == (start, end) or keep.end < end <= keep.mention.end:
            continue  # (大江厂后门至鱼洞轻轨站|人行道: the rules ended the name before its own type)
        after = COUNT_RE.match(norm, keep.end, end)
        if after is not None and after.end() == end and after.group("unit") not in SIZE_UNITS:
            continue  # 宏昌小区三所(老旧小区): a count after a name is the next noun's, none of the name
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


def add_missed(norm, records, tagging, found, sent_start, sent_end):
    """A confident name span that no record covers becomes a record, if the rules' filters pass it.

    Filters: a category from the head it ends with (else from a record it is listed with,
    else from a keyword of its stem), the rules' left edge and stem analysis, no count of a
    type (15家农贸市场 is a group the rules count), not governed by a context verb (位于,
    东起...) nor after a field label (地址:), and no place the rules saw there or listed next
    to it and discarded, unless the tagger is at least TAGGER_OVERRULES sure (the record
    model then judges the name, see geo.extract.confidence).
    """
    covered = None  # what the records cover, worked out for the first confident name (most sentences have none)
    added = []
    spans = starts = None
    seen = {}  # clause -> its mentions, looked up once for all the spans in it
    for start, end, confidence in found:
        if confidence < TAGGER_ADD_CONFIDENCE:
            continue
        if covered is None:
            covered = Covered(sent_start, sent_end, [(r.start, r.end) for r in records])
        if covered.hit(start, end):
            continue
        if spans is None:
            spans = list(clauses(norm, sent_start, sent_end))
            starts = [c0 for c0, _ in spans]
        index = bisect.bisect_right(starts, start) - 1
        clause = spans[index] if index >= 0 and start < spans[index][1] else None
        if clause is None or end > clause[1] or (
                confidence < TAGGER_OVERRULES and _discarded_nearby(norm, start, end, clause, records, seen)):
            continue
        record = _record_for_span(norm, start, end, clause, records)
        if record is not None and not covered.hit(record.start, record.end):
            added.append(record)
            covered.add(record.start, record.end)
    return sorted(records + added, key=lambda r: r.start) if added else records


def _discarded_nearby(norm, start, end, clause, records, seen=None):
    """True when the rules saw a place at the span, or listed next to it, and made no record of it.

    The rules discard what they judge context, partners or locators (九江 in 与镇江、九江等城市合作;
    胜利路 in 胜利路、新华路沿线历史建筑修缮; universities listed as scenery): the tagger does not
    bring such a place back, nor a place listed with it.
    """
    from geo.lexicon import SEPARATORS
    from geo.extract.lists import resolve_enumerations
    from geo.extract.mentions import clause_mentions

    mentions = None if seen is None else seen.get(clause)
    if mentions is None:
        mentions = [m for m in clause_mentions(norm, *clause) if m.kind != "skip"]
        resolve_enumerations(norm, mentions, clause[0])
        if seen is not None:
            seen[clause] = mentions
    kept = {(r.mention.stem_start, r.mention.end) for r in records}
    for mention in mentions:
        if (mention.stem_start, mention.end) in kept or mention.kind == "raw":
            continue
        gap_before = norm[mention.end:start]
        gap_after = norm[end:mention.stem_start]
        if mention.stem_start < end and start < mention.end \
                or mention.end <= start and gap_before in SEPARATORS \
                or mention.stem_start >= end and gap_after in SEPARATORS:
            return True
    return False


def _record_for_span(norm, start, end, clause, records):
    """The record a tagged span stands for, once the rules' filters pass it; else None.

    The span's head gives its category; the rules' left edge is found inside the span (a
    verb inside it starts the name after it: 举行邕宁区中医医院), the rules' stem analysis
    must find a name (1号教学楼, a bare 体育馆 and slogans are none), and the rules' context
    rules must not find context (see :func:`_context`).
    """
    from geo.extract.stems import find_stem
    from geo.extract.works import action_for, resolve_category
    from geo.extract.stems import analyse_stem

    if norm.endswith("第", start, end):
        end -= 1  # 开发区第一个…: an ordinal opens what follows the name
    text = norm[start:end]
    if len(text) < 2 or not _HAN.search(text) or any(ch in HARD_BREAKS for ch in _INNER_PARTS.sub("", text.strip("()"))):
        return None
    if text in heads() and heads()[text][0] == "road":
        return None  # 北海桥及|延长线: a road's head alone is a type (of the place before it)
    count = COUNT_RE.match(text)
    if count is not None and is_generic(text[count.end():]):
        return None  # 15家农贸市场: a counted type, which the rules count
    if names_a_firm(norm, end, clause[1]):
        return None  # 天津经开区|城市更新公司: the place names a firm
    if after_label(norm, clause):
        return None  # 地址:同济街: a labelled field is context
    if start > clause[0] and _HAN.match(norm[start - 1]) and not stop_ending_at(norm, start, clause[0]) \
            and not norm.endswith(JURISDICTION_SUFFIXES, clause[0], start):
        return None  # 国际旅|游新城区: a span opening inside a word (横县|大竹新区: after a jurisdiction)
    category, kind, head_start, min_stem = _category(norm, start, end, records)
    route = category is None and _ROUTE_SPAN.fullmatch(norm, start, end) is not None
    if route:
        # 扎乍至阳坡庄, 渝州宾馆-上清寺段: a road named by the two places it joins, marked whole
        category, kind, head_start, min_stem = "road", "name", end, 0
    if category is None:
        return None
    if not route and head_start == end and (end - start > HEADLESS_MAX or any(
            len(word) > 1 for p in range(start + 1, end + 1) for word in (stop_ending_at(norm, p, start),) if word)):
        return None  # a name without a head is short and holds no verb (丽江花园配套学校签订征地协议)
    stem = (start, None, None) if route else find_stem(norm, head_start, start, min_stem, MAX_SUBUNIT_STEM)
    if stem is None:
        return None
    stem_start, stop, stop_start = stem
    if stop is None and stem_start == start:
        stop = stop_ending_at(norm, start, clause[0])
        stop_start = start - len(stop) if stop else None
    if end - stem_start < 2 or _BARE_PHASE.fullmatch(norm, stem_start, head_start):
        return None  # (新城区一期、二期路网: a phase alone names no place)
    mention = Mention(kind=kind, head=norm[head_start:end], category=category, head_start=head_start,
                      head_end=end, stem_start=stem_start, end=end, stop=stop, stop_start=stop_start,
                      min_stem=min_stem)
    if not head_holds(norm, mention, clause[0], clause[1]):
        return None  # 石山变成土山: a common word, no substation; 龙庙3个乡镇: a township
    if head_start < end:
        _, _, label = analyse_stem(norm, mention)
        if not (label == "distinctive" or label == "definite" and kind == "facility"):
            return None
    action = action_for(norm, mention, clause[1])
    if _context(norm, mention, action, clause):
        return None
    resolved = resolve_category(category, action, norm, mention, norm[clause[0]:clause[1]])
    if resolved is None:
        return None
    record = Record(named=True, category=resolved, action=action, start=stem_start, end=end,
                    base=(stem_start, end), mention=mention, clause=clause)
    if _locates_a_later_record(norm, record, records, clause):
        return None
    # Partners, examples and locators (与A大学合作, 九江等城市, A路两侧...) as the rules judge them.
    return record if drop_partners(norm, drop_locators(norm, [record]), clause[1]) else None


def _locates_a_later_record(norm, record, records, clause):
    """True when a locator word and 的 follow the name and a record of its clause comes after
    them (白石公园旁的青松街旧改项目: the park only says where the street lies)."""
    locator = match_any(norm, record.end, LOCATOR_WORDS)
    return bool(locator) and norm.startswith("的", record.end + len(locator)) \
        and any(record.end < r.start and r.end <= clause[1] for r in records)


def _context(norm, mention, action, clause):
    """True when the rules would take the place the tagger marks for context.

    The context rules of :mod:`records` (a context verb, also after a status word: 北至规划A路;
    jurisdictions without works; range and alias brackets; a place before 的 and a count),
    roads enclosing a site (A路、B路合围), bounding directions (A路以东) and counts of
    something else per place (大石街1所), and the second road of a junction (A路与B路交叉口:
    the rules name junctions, and judge them by what governs the first road).
    """
    from geo.lexicon import BOUNDING_WORDS, ENCLOSURE_WORDS, JUNCTION_HEADS, match_any, unit_fits
    from geo.extract.context import CONTEXT_RULES, governed_by_context_verb
    from geo.extract.records import Case

    case = Case(norm, mention, norm[clause[0]:clause[1]], clause[1], action=action)
    if governed_by_context_verb(case) or any(rule(case) for rule in CONTEXT_RULES):
        return True
    end = mention.end
    rest = _LIST_ITEMS.sub("", norm[end:clause[1]], count=1)
    if rest.startswith(ENCLOSURE_WORDS) or match_any(norm, end, BOUNDING_WORDS):
        return True
    count = COUNT_RE.match(norm, end, clause[1])
    if count is not None and not unit_fits(count.group("unit"), mention.category, mention.head):
        return True
    return mention.head in JUNCTION_HEADS and norm[mention.stem_start - 1:mention.stem_start] in ("与", "和")


def after_label(norm, clause):
    """True when the clause follows a field label and its colon (地址:, 对口学校:); a clause after
    a label word and a comma (优化5条公交线路,改造…) does not."""
    if clause[0] == 0 or norm[clause[0] - 1] != ":":
        return False
    before = norm[max(0, clause[0] - 12):clause[0] - 1].rstrip()
    if before.endswith(CONTEXT_LABELS):
        return True
    credit = next((label for label in CREDIT_LABELS if before.endswith(label)), None)
    return credit is not None and not _HAN.match(before[-len(credit) - 1:-len(credit)] or " ")


def _section_starts(norm, start, end):
    """Where a section ending the span at ``end`` may start, shortest section first: a bracket
    (``(青山段)``) or two to eight Han characters and 段; two characters of the span stay before it."""
    if norm[end - 1:end] == ")":
        opened = norm.rfind("(", start + 2, end)
        return [opened] if opened >= 0 and end - opened <= 26 else []
    if norm[end - 1:end] == "段":
        return [cut for cut in range(end - 3, max(start + 2, end - 9) - 1, -1) if _HAN.match(norm[cut])]
    return []


def _category(norm, start, end, records):
    """(category or placeholder, head kind, head start, minimum stem) of a span.

    From the head it ends with; else a numbered road (24号路) or a road code; else, for a name
    without a head, the category of a named record it is listed with (长郡雨外 after
    圭星小学及), or a keyword of its stem.
    """
    table = heads()
    for length in range(min(6, end - start - 1), 0, -1):
        info = table.get(norm[end - length:end])
        if info is not None and info[1] == "none" and length >= 3:
            # 感慨道: a longer word that ends like a head but is none is a word of its own (a
            # two-character one may end a name: 石太二通道)
            return None, None, end, 0
        if info is not None and info[1] not in ("none", "skip") and info[0]:
            return info[0], info[1], end - length, info[2]
    if _NUMBERED_ROAD.search(norm, start, end) or CODE_RE.fullmatch(norm, start, end):
        return "road", "name", end, 0
    school = _NUMBERED_SCHOOL_END.search(norm, start, end)
    if school is not None and school.start() > start:
        return "school", "facility", school.start(), 0  # 瑞金八中, 汉沽三中: a school named by its number
    for word, code in TAGGED_HEADS:
        if norm.endswith(word, start, end) and end - start > len(word):
            # 蒋家巷花园, 龙韵景苑, 仲子路钢坝闸: types too often part of other names for the rules
            return code, "facility", end - len(word), 2
    for cut in _section_starts(norm, start, end):
        # 国道324线周宁段, 福州至昆明公路(横县五权至良圻): the head stands before the section
        found = _category(norm, start, cut, records)
        if found[0] is not None:
            return found
    for record in records:
        between = norm[record.end:start] if record.end <= start else norm[end:record.start]
        if record.named and between in ("、", "和", "及", "与"):
            return record.category, "name", end, 0
    stem = norm[start:end]
    for word, code in STEM_CATEGORY:
        if word in stem:
            return code, "name", end, 0
    return None, None, end, 0
