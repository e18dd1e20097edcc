"""Names the rules missed that the tagger marks, added as records where the rules' filters pass them (a head's category, the left edge and stem, the context rules, no place the rules discarded beside them)."""

from __future__ import annotations

import bisect
import re

from geo.lexicon import (
    LOCATOR_WORDS, SEPARATORS, CONTEXT_LABELS, CREDIT_LABELS, TAGGED_HEADS, JURISDICTION_SUFFIXES,
    TOWN_AREAS, heads)
from geo.lexicon_lookups import match_any, is_generic, stem_category, stop_ending_at
from geo.settings import ENCLOSURE_REACH, HEADLESS_MAX, LISTED_NAME_REACH, MAX_NESTED_SECTIONS, MAX_SUBUNIT_STEM
from geo.extract.name_tails import names_a_firm
from geo.extract.partners import drop_locators, drop_partners
from geo.extract.prefixes import place_before_side
from geo.extract.headfit import head_holds
from geo.extract.model import Covered, Mention, Record
from geo.extract.patterns import (NUMBER_CHAR_RE, DASHES, NUMBERED_SCHOOL_RE, CODE_RE, COUNT_RE, HARD_BREAKS,
                                  LIST_JOIN_CHARS, TAGGER_ADD_CONFIDENCE, TAGGER_OVERRULES, TAGGER_TRUSTS_ROAD)
from geo.extract.segment import clauses
from geo.extract.water_titles import titled_water_works
from geo.extract.attributed_titles import attributed_title_category

_BARE_PHASE = re.compile(r"[一二三四五六七八九十\d]{1,2}期")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Two places joined by 至 or a dash, perhaps as a stretch (段): a road's name without a head.
_ROUTE_SPAN = re.compile(r"[\u4e00-\u9fff\dA-Z]{2,12}(?:至|[" + re.escape(DASHES) + r"]{1,2})(?!少|今|此)[\u4e00-\u9fff\dA-Z]{2,12}")
_NUMBERED_ROAD = re.compile(r"\d{1,3}号路$")
# What a tagged name may hold that breaks a rule's stem: a short bracket (海南医学院西海岸校区(海口医学
# 城一期)) and a dash between two names (福禄净化厂—两路调压计量站中压管线).
_INNER_PARTS = re.compile(r"\([^()]{1,12}\)|(?<=[\u4e00-\u9fff])[" + re.escape(DASHES) + r"]{1,2}(?=[\u4e00-\u9fff])")
_NUMBERED_SCHOOL_END = re.compile(NUMBERED_SCHOOL_RE.pattern + "$")
# Further list items after a name (、B路、C街) before what the list is said to do.
_LIST_ITEMS = re.compile(r"^(?:[、与和及][^,;:。!?、]{1,8}?(?=[、与和及]|合围|围合|围成))+")


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
    spans = starts = neighbours = None
    seen = {}  # clause -> its mentions, looked up once for all the spans in it
    texts = {}  # clause -> its text
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
        text = texts.get(clause)
        if text is None:
            text = texts[clause] = norm[clause[0]:clause[1]]  # (sliced once a clause, not once a span)
        if neighbours is None:
            neighbours = _Neighbours(records)
        record = _record_for_span(norm, start, end, clause, records, text, neighbours, confidence)
        if record is not None and not covered.hit(record.start, record.end):
            added.append(record)
            covered.add(record.start, record.end)
    added = _without_partners(norm, added)
    return sorted(records + added, key=lambda r: r.start) if added else records


def _without_partners(norm, added):
    """The added records less partners and examples (与A大学合作, 九江等城市, A路、B路合围) as the
    rules judge them: once for the records of a clause, as the rules do (a clause of thousands of
    names reads its rest once, not once a name)."""
    if not added:
        return added
    by_clause = {}
    for record in added:
        by_clause.setdefault(record.clause, []).append(record)
    kept = {id(record) for clause, group in by_clause.items() for record in drop_partners(norm, group, clause[1])}
    return [record for record in added if id(record) in kept]


_SEPARATOR_MAX = max(map(len, SEPARATORS))  # characters of the longest list separator (以及)


def _discarded_nearby(norm, start, end, clause, records, seen=None):
    """True when the rules saw a place at the span, or listed next to it, and made no record of it.

    The rules discard what they judge context, partners or locators (九江 in 与镇江、九江等城市合作;
    胜利路 in 胜利路、新华路沿线历史建筑修缮; universities listed as scenery): the tagger does not
    bring such a place back, nor a place listed with it. ``seen`` keeps each clause's places for
    the spans after the first (``records`` are the same for all of them).
    """
    places = None if seen is None else seen.get(clause)
    if places is None:
        places = _DiscardedPlaces(norm, clause, records)
        if seen is not None:
            seen[clause] = places
    return places.near(norm, start, end)


class _DiscardedPlaces:
    """The places the rules saw in a clause and made no record of, marked by the characters they
    cover, where they end and where they start: a span is looked up by its own characters and the
    few around it (a clause of thousands of places reads no stretch of them per span)."""

    def __init__(self, norm, clause, records):
        from geo.extract.lists import resolve_enumerations
        from geo.extract.mentions import clause_mentions

        mentions = [m for m in clause_mentions(norm, *clause) if m.kind != "skip"]
        resolve_enumerations(norm, mentions, clause[0])
        kept = {(r.mention.stem_start, r.mention.end) for r in records}
        places = [m for m in mentions if (m.stem_start, m.end) not in kept and m.kind != "raw"]
        self.covered = Covered(clause[0], clause[1], [(m.stem_start, m.end) for m in places])
        self.unspanned = [(m.stem_start, m.end) for m in places if m.stem_start >= m.end]  # (none cover a character)
        self.ends = {m.end for m in places}
        self.starts = {m.stem_start for m in places}

    def near(self, norm, start, end):
        """True when a place overlaps ``norm[start:end]`` or a separator alone parts it from one."""
        if self.covered.hit(start, end) or any(lo < end and start < hi for lo, hi in self.unspanned):
            return True
        return any(pos in self.ends and norm[pos:start] in SEPARATORS for pos in range(max(0, start - _SEPARATOR_MAX), start)) \
            or any(pos in self.starts and norm[end:pos] in SEPARATORS for pos in range(end + 1, end + _SEPARATOR_MAX + 1))


def _record_for_span(norm, start, end, clause, records, clause_text=None, neighbours=None, confidence=0.0):
    """The record a tagged span stands for, once the rules' filters pass it; else None.

    The span's head gives its category; the rules' left edge is found inside the span (a
    verb inside it starts the name after it: 举行邕宁区中医医院), the rules' stem analysis
    must find a name (1号教学楼, a bare 体育馆 and slogans are none), and the rules' context
    rules must not find context (see :func:`_context`). ``clause_text``: the clause's text, sliced
    once for all the spans in it (a list of thousands of names is no slice per name);
    ``neighbours``: ``records`` as :class:`_Neighbours`, made once for all the spans.
    """
    from geo.extract.stems import find_stem
    from geo.extract.works import action_for, resolve_category
    from geo.extract.stem_labels import analyse_stem

    if norm.endswith("第", start, end):
        end -= 1  # 开发区第一个…: an ordinal opens what follows the name
    text = norm[start:end]
    if len(text) < 2 or not _HAN.search(text) or any(ch in HARD_BREAKS for ch in _INNER_PARTS.sub("", text).strip("()")):
        # (the short brackets go first, then an unmatched one at an end: 旅游大道(立交桥) ends in its bracket)
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
            and not norm.endswith(JURISDICTION_SUFFIXES, clause[0], start) and not norm.endswith(TOWN_AREAS, clause[0], start) \
            and not _opens_after_a_word(norm, start, clause[0]):
        # 国际旅|游新城区: a span opening inside a word (横县|大竹新区: after a jurisdiction; 县城|红花沥: after
        # the built-up part of one)
        return None
    category, kind, head_start, min_stem = _category(norm, start, end, neighbours or _Neighbours(records))
    whole = category is None and _ROUTE_SPAN.fullmatch(norm, start, end) is not None
    if whole:
        # 扎乍至阳坡庄, 渝州宾馆-上清寺段: a road named by the two places it joins, marked whole
        category, kind, head_start, min_stem = "road", "name", end, 0
    elif (category is None or kind == "generic") and titled_water_works(norm, start, end, clause[0]):
        # 此外,白沙湖湿地生态保护与修复工程也被纳入…: a water works written as its title, marked whole
        # (桃山湖坝下综合治理项目正式开工: also where the rules read its 项目 as a bare type head)
        category, kind, head_start, min_stem, whole = "water", "name", end, 0, True
    elif (category is None or kind == "generic") and (titled := attributed_title_category(norm, start, end, confidence)):
        # 投资2.38亿元的白石园区排水工程: a works title right after the 的 closing what describes it
        category, kind, head_start, min_stem, whole = titled, "name", end, 0, True
    if category is None:
        return None
    if not whole and head_start == end and (end - start > HEADLESS_MAX or any(
            len(word) > 1 for p in range(start + 1, end + 1) for word in (stop_ending_at(norm, p, start),) if word)):
        return None  # a name without a head is short and holds no verb (丽江花园配套学校签订征地协议)
    stem = (start, None, None) if whole else find_stem(norm, head_start, start, min_stem, MAX_SUBUNIT_STEM)
    if stem is None:
        return None
    stem_start, stop, stop_start = stem
    if stop is None and stem_start == start:
        stop = stop_ending_at(norm, start, clause[0])
        stop_start = start - len(stop) if stop else None
    if end - stem_start < 2 or _BARE_PHASE.fullmatch(norm, stem_start, head_start):
        return None  # (新城区一期、二期路网: a phase alone names no place)
    along = place_before_side(norm, stop, stop_start, start) \
        if stop and stop_start is not None and stop_start > start and head_start - stem_start >= 2 else None
    if along is not None:
        stem_start, stop, stop_start = along  # 西支河两岸堤顶路 tagged whole: the place and its side name it too
    mention = Mention(kind=kind, head=norm[head_start:end], category=category, head_start=head_start,
                      head_end=end, stem_start=stem_start, end=end, stop=stop, stop_start=stop_start,
                      min_stem=min_stem)
    if not head_holds(norm, mention, clause[0], clause[1]):
        return None  # 石山变成土山: a common word, no substation; 龙庙3个乡镇: a township
    if head_start < end:
        _, _, label = analyse_stem(norm, mention)
        if not (label == "distinctive" or label == "definite" and kind == "facility"
                or label == "short" and _listed(norm, start, end, clause)
                or _trusted_road(norm, mention, confidence, clause)):
            return None  # (西园、广福园: a short stem the tagger marks in a list of names is a name)
    action = action_for(norm, mention, clause[1])
    if clause_text is None:
        clause_text = norm[clause[0]:clause[1]]
    if _context(norm, mention, action, clause, clause_text):
        return None
    resolved = resolve_category(category, action, norm, mention, clause_text)
    if resolved is None:
        return None
    record = Record(named=True, category=resolved, action=action, start=stem_start, end=end,
                    base=(stem_start, end), mention=mention, clause=clause)
    if _locates_a_later_record(norm, record, records, clause):
        return None
    # Locators (A路两侧...) as the rules judge them; partners and examples once a clause (see add_missed).
    return record if drop_locators(norm, [record]) else None


# A project word a few characters after a road (改扩建工程, 综合改造项目, 等项目): its own works or the list of
# projects it closes, where the tagger is trusted for its name (see TAGGER_TRUSTS_ROAD). A bare 等 is not
# enough (等7条道路, 等一批: measured, it brings false names).
_WORKS_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:工程|项目)")


# A road code opening a span (仙居|X730田柯线): the script changes where the word ends.
_CODE_OPENING = re.compile(r"[A-Z]\d")


def _opens_after_a_word(norm, start, lo):
    """True when a word ends where a span opens after a Han character: a road code opens it (仙居|X730田柯线),
    or a road type that is the role of the road after it ends there, alone or before 中 (新进城主干道|兴宁大道,
    路网中|瓦青路)."""
    if _CODE_OPENING.match(norm, start):
        return True
    pos = start - 1 if norm[start - 1:start] == "中" else start
    table = heads()
    for length in range(2, 6):
        info = table.get(norm[max(lo, pos - length):pos]) if pos - length >= lo else None
        if info is not None and info[0] == "road" and info[1] == "generic":
            return True
    return False


def _trusted_road(norm, mention, confidence, clause):
    """True when the tagger is sure of a road (TAGGER_TRUSTS_ROAD) that a project word follows, its own works
    or a closing 等 before it (新建街综合改造项目, 城市快速路南区段等项目), of a stem of two characters or more
    that no ordinal opens (第二通道 tagged alone names no road): its stem need not be distinctive."""
    return mention.category == "road" and confidence >= TAGGER_TRUSTS_ROAD \
        and mention.head_start - mention.stem_start >= 2 and not norm.startswith("第", mention.stem_start) \
        and _WORKS_AFTER.match(norm, mention.end, clause[1]) is not None


def _listed(norm, start, end, clause):
    """True when a list's 、 parts the span from a Han character on either side (紫园、旭园、畅园),
    the span holds no count (千亩茶园) and no count closes the list (A园、B园等7处游园: a counted
    group's members are the rules' to name, as they judge the group)."""
    if not (start - 2 >= clause[0] and norm[start - 1] == "、" and _HAN.match(norm[start - 2])
            or end + 2 <= clause[1] and norm[end] == "、" and _HAN.match(norm[end + 1])):
        return False
    if NUMBER_CHAR_RE.search(norm, start, end):
        return False
    closer = _COUNTED_LIST_END.match(norm, end, min(clause[1], end + LISTED_NAME_REACH))
    return closer is None or COUNT_RE.match(norm, closer.end(), clause[1]) is None


# The rest of a list after a member up to the 等 that closes it (、B园、C园等), looked for within reach.
_COUNTED_LIST_END = re.compile(r"(?:、[\u4e00-\u9fff]{1,8})*等")


def _locates_a_later_record(norm, record, records, clause):
    """True when a locator word and 的 follow the name and a record of its clause comes after
    them (白石公园旁的青松街旧改项目: the park only says where the street lies)."""
    locator = match_any(norm, record.end, LOCATOR_WORDS)
    return bool(locator) and norm.startswith("的", record.end + len(locator)) \
        and any(record.end < r.start and r.end <= clause[1] for r in records)


def _context(norm, mention, action, clause, clause_text):
    """True when the rules would take the place the tagger marks for context.

    The context rules of :mod:`records` (a context verb, also after a status word: 北至规划A路;
    jurisdictions without works; range and alias brackets; a place before 的 and a count),
    roads enclosing a site (A路、B路合围), bounding directions (A路以东) and counts of
    something else per place (大石街1所), and the second road of a junction (A路与B路交叉口:
    the rules name junctions, and judge them by what governs the first road).
    """
    from geo.lexicon import BOUNDING_WORDS, ENCLOSURE_WORDS, JUNCTION_HEADS
    from geo.lexicon_lookups import match_any, unit_fits
    from geo.extract.context import CONTEXT_RULES, governed_by_context_verb
    from geo.extract.records import Case

    case = Case(norm, mention, clause_text, clause[1], clause[0], action=action)
    if governed_by_context_verb(case) or any(rule(case) for rule in CONTEXT_RULES):
        return True
    end = mention.end
    rest = _LIST_ITEMS.sub("", norm[end:min(clause[1], end + ENCLOSURE_REACH)], count=1)
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


# An extension ending a name (平香线|南延, 青山大道|再北延): a section after its head.
_EXTENSION_TAIL = re.compile(r"再?[东南西北]延(?:伸|长)?$")
_EXTENSION_ENDS = ("延", "延伸", "延长")


def _section_starts(norm, start, end):
    """Where a section ending the span at ``end`` may start, shortest section first: a bracket
    (``(青山段)``) or two to eight Han characters and 段; two characters of the span stay before it."""
    if norm[end - 1:end] == ")":
        opened = norm.rfind("(", start + 2, end)
        return [opened] if opened >= 0 and end - opened <= 26 else []
    if norm[end - 1:end] == "段":
        return [cut for cut in range(end - 3, max(start + 2, end - 9) - 1, -1) if _HAN.match(norm[cut])]
    return []


def _category(norm, start, end, records, depth=0):
    """(category or placeholder, head kind, head start, minimum stem) of a span; ``records``: the
    sentence's records as :class:`_Neighbours`; ``depth``: the sections and extensions cut off the
    span's end so far (a head is looked for behind at most :data:`MAX_NESTED_SECTIONS` of them).

    From the head it ends with, or that ends it before a section or an extension (国道324线周宁段,
    平香线南延); else a numbered road (24号路) or a road code; else, for a name
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
    for cut in _section_starts(norm, start, end) if depth < MAX_NESTED_SECTIONS else ():
        # 国道324线周宁段, 福州至昆明公路(横县五权至良圻): the head stands before the section
        found = _category(norm, start, cut, records, depth + 1)
        if found[0] is not None:
            return found
    tail = _EXTENSION_TAIL.search(norm, start + 2, end) \
        if depth < MAX_NESTED_SECTIONS and norm.endswith(_EXTENSION_ENDS, start, end) else None
    if tail is not None:
        found = _category(norm, start, tail.start(), records, depth + 1)
        if found[0] is not None and found[2] < tail.start():
            return found  # 平香线|南延, 地铁5号线|北延: the head stands before the extension
    neighbour = records.listed_beside(norm, start, end)
    if neighbour is not None:
        return neighbour.category, "name", end, 0
    stem = norm[start:end]
    code = stem_category(stem)
    if code is not None:
        return code, "name", end, 0
    return None, None, end, 0


_LIST_JOINS = frozenset(LIST_JOIN_CHARS)


class _Neighbours:
    """A sentence's named records by where they start and end, made when first asked: the record a
    name is listed with is found by the one character between them (a sentence of thousands of
    names is no walk through its records per name)."""

    def __init__(self, records):
        self.records = records
        self.by_end = self.by_start = None

    def listed_beside(self, norm, start, end):
        """The first named record (in the records' order) that one list join (、和及与) alone parts
        from ``norm[start:end]``, on either side; None when there is none."""
        if self.by_end is None:
            self.by_end, self.by_start = {}, {}
            for index, record in enumerate(self.records):
                if record.named:
                    self.by_end.setdefault(record.end, (index, record))
                    self.by_start.setdefault(record.start, (index, record))
        left = self.by_end.get(start - 1) if start > 0 and norm[start - 1] in _LIST_JOINS else None
        right = self.by_start.get(end + 1) if norm[end:end + 1] in _LIST_JOINS else None
        found = min((pair for pair in (left, right) if pair is not None), key=lambda pair: pair[0], default=None)
        return None if found is None else found[1]
