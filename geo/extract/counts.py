"""Records made of counts alone (works counted with no place type, things counted after works, tallies by class) and measures attached to records (counts closing a list: listed_counts)."""

from __future__ import annotations

import bisect
import re

from geo import data as geo_data
from geo.lexicon import (
    COUNTED_AFTER_VERBS, COUNTED_WORKS, BUDGET_WORDS, INVESTMENT_PREDICATES, ROAD_ACTION_CATEGORY, SLOGAN_TYPES, heads,
    MEASURE_NOUNS, PHASE_VERBS, STOCK_WORDS, STOP_WORDS, TALLYING_VERBS, THING_UNITS, UNCOUNTED_NOUNS, WORKS_UNITS)
from geo.lexicon_lookups import ACTION_INDEX, FILLER_INDEX, STOPS, match_any
from geo.extract.counted_nouns import INVESTMENT_WORKS, THING_NOUN, action_ending_at, after_leading_verbs, end_of_noun, generic_type_ending, head_category, thing_category
from geo.extract.model import Covered, Mention, Record
from geo.numbers import parse_number
from geo.settings import (
    COUNT_BREAKDOWN_REACH, COUNTED_LIST_VERB_ITEMS, COUNTED_LIST_ITEM_REACH, COUNTED_WORKS_NOUN, COUNTED_SUBJECT_PREFIX,
    MAX_STEM, SLOGAN_ACTION_REACH, SLOGAN_MAX_CHARS, STOCK_REACH)
from geo.extract.patterns import (COUNT_PREFIX, COUNTED_PROJECTS, DEFAULT_ROAD_CATEGORY, HAN_RUN, HARD_BREAKS,
                                  MEASURE_RE, NUM, measure_parts)
from geo.extract.works import right_action, skip_adverbs

_WORKS_UNIT = re.compile(rf"[\d一二两三四五六七八九十百千][余多]?(?:{'|'.join(WORKS_UNITS)})")  # a count of works at all
_CLASS_COUNTERS = frozenset("0123456789一二三四五六七八九十大")  # before 类, they count classes (8类32项)
_CLASSES = r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})大?类"  # the classes of a tally (5大类, 8类)
_CLASSES_BEFORE = re.compile(_CLASSES + "$")
# Works counted with no place type: 11项产业工程, 6个城市品质提升工程, 道路桥梁工程34项.
# (一个个重点项目, 一项项工程: a reduplicated unit says "one after another", no count)
_WORKS_COUNT = rf"(?:{COUNT_PREFIX})?(?P<num{{0}}>{NUM})(?:余|多)?(?P<unit{{0}}>{'|'.join(WORKS_UNITS)})(?!(?P=unit{{0}}))(?<!一大)(?!(?<=大)(?:道(?!路)|街|类[\d一二三四五六七八九十]))(?!批)"
_WORKS_NOUN = "|".join(COUNTED_WORKS)  # (a pattern: 项目|工程|...)
_COUNTED_WORKS_RE = re.compile(
    rf"{_WORKS_COUNT.format(1, 1)}(?P<noun1>[\u4e00-\u9fff“”]{{0,{COUNTED_WORKS_NOUN}}}?(?:{_WORKS_NOUN}))"
    rf"|(?P<noun2>[\u4e00-\u9fff“”]{{0,10}}?(?:{_WORKS_NOUN})){_WORKS_COUNT.format(2, 2)}"
    # A class of a tally (道路类(21个), 工程治理类162处, 教育类项目共有4项); 8类32项 counts classes.
    rf"|(?P<noun3>[\u4e00-\u9fff]{{2,8}}?类(?:项目)?)(?:共有|共)?\(?{_WORKS_COUNT.format(3, 3)}\)?"
    # Works tallied by classes, then counted (民生实事项目共5大类12个): the count after the classes.
    rf"|(?P<noun4>[\u4e00-\u9fff“”]{{0,10}}?(?:{_WORKS_NOUN}))(?:共有|共)?{_CLASSES}{_WORKS_COUNT.format(4, 4)}"
    # Works of a kind counted in items (城市基本建设8项, 重大工程建设12项): 建设 is the works noun
    # (推进建设182项重点工程: a noun after the count is what it counts).
    rf"|(?P<noun5>[\u4e00-\u9fff]{{2,8}}?建设)(?P<num5>\d+)(?P<unit5>项)(?![\u4e00-\u9fff])")


def counted_works(norm, start, end, records, mentions=()):
    """Groups of works counted with no place type: 11项产业工程, 道路桥梁工程34项, 道路类(21个).

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The clause.
    records : list of Record
        The clause's records so far: a count inside one of them counts its places, not works.
    mentions : list of Mention
        The clause's mentions: a count one of them took, or one written before a place type,
        counts those places.

    Returns
    -------
    list of Record
        One unnamed record of counted projects per count (units of the ``works_unit`` role:
        项, 个, 处, 件, 宗, 大) written right before or after a works noun (lexicon role
        ``counted_works``), after a class of a tally (X类) or after the classes of one (项目共
        5大类12个), or in items (项) after 建设 (城市基本建设8项); a count of classes (8类32项)
        is none. A works noun closing its clause with 中 (在完工的14个扶贫项目中,) is counted too.
    """
    clause = norm[start:end]
    if not _WORKS_UNIT.search(clause) or ("类" not in clause and "建设" not in clause
                                          and not any(word in clause for word in COUNTED_WORKS)):
        return []
    out = []
    taken = {m.count.start for m in mentions if m.count is not None}
    covered = Covered(start, end, [(r.start, r.end) for r in records])
    # A place head inside the noun means the count counts those places, and a project type after
    # 等 counts the list before it; a generic head (7项基础设施建设项目, 6个交通项目) counts nothing.
    heads_at = sorted(m.head_start for m in mentions if m.kind not in ("raw", "skip")
                      and (m.kind != "generic" or m.category == "members" and m.stop == "等"))
    listed_at = {m.head_start for m in mentions if m.kind == "generic" and m.category == "members"}
    for match in _COUNTED_WORKS_RE.finditer(norm, start, end):
        which = next(n for n in (1, 2, 3, 4, 5) if match.group(f"num{n}"))
        value = parse_number(match.group(f"num{which}"))
        count_start, count_end = match.span(f"num{which}")[0], match.end(f"unit{which}")
        if value is None or count_start in taken or covered.hit(count_start, count_end):
            continue
        noun_start, noun_end = match.span(f"noun{which}")
        if which == 1 and _noun_goes_on(norm, match, noun_end, start, end):
            noun_end = _next_works_noun(norm, noun_end, match.end("unit1") + COUNTED_WORKS_NOUN, end) \
                if norm.startswith("类", noun_end) else None
            if noun_end is None or _noun_goes_on(norm, match, noun_end, start, end):
                continue  # 3个工程技术中心: the noun goes on (11个新建工程类项目中: a class, to the next works noun)
        first_head = bisect.bisect_left(heads_at, noun_start)  # (the first head at or after the noun: inside it?)
        if which in (1, 5) and first_head < len(heads_at) and heads_at[first_head] < noun_end \
                and (heads_at[first_head] in listed_at and any(r.end <= count_start for r in records)
                     or value in _stated_counts(records)):
            continue  # 青松、白石2个社区卫生服务中心新建工程, A、B等12个项目: the count counts the places named
        if which == 1 and norm.startswith(MEASURE_NOUNS, noun_start):
            continue  # 新增540个学位|天涯区…改扩建项目: a measure, the works noun another's
        if which == 3 and norm[norm.rfind("类", noun_start, noun_end) - 1] in _CLASS_COUNTERS:
            continue  # 8类32项, 十大类60项: the classes of a whole list are counted
        if which == 5:
            noun_start = _after_last_verb(norm, noun_start, noun_end - 2)  # (本区将安排|重大工程建设)
            if noun_end - noun_start <= 2:
                continue  # 推进建设12项: the works, no kind of them
        noun_start = after_leading_verbs(norm, _after_sum(norm, noun_start, noun_end - 2), noun_end - 2)
        out.append(group_record(COUNTED_PROJECTS, right_action(norm, match.end(), end),
                                 (match.start() if which == 1 else noun_start, match.end()), (noun_start, noun_end),
                                 noun_end - 2, {"value": value, "unit": match.group(f"unit{which}")}))
    return out


def _noun_goes_on(norm, match, noun_end, start, end):
    """True when the noun of works counted before it (``noun1`` of :data:`_COUNTED_WORKS_RE`) goes on
    at ``noun_end`` (3个工程技术中心); not before a stop word, a filler, 项目, 中 closing the clause,
    an investment or its money, nor after classes (10大类34个子项目分解到…)."""
    return noun_end < end and "\u4e00" <= norm[noun_end] <= "\u9fff" \
        and not (match_any(norm, noun_end, STOPS) or FILLER_INDEX.at(norm, noun_end)
                 or norm.startswith("项目", noun_end) or _partitive(norm, match.start(), noun_end, end)
                 or _CLASSES_BEFORE.search(norm, max(start, match.start("num1") - 5), match.start("num1"))
                 or norm.startswith(INVESTMENT_PREDICATES, noun_end) or _MONEY_AFTER.match(norm, noun_end))


def _next_works_noun(norm, pos, limit, end):
    """The end of the next works noun (``counted_works``: 工程, 项目) in the run of Han from ``pos``
    within ``limit`` (11个新建工程|类项目: 项目; called for a class of works only, 类 at ``pos``:
    33个集中开工项目中的代表项目 counts no 代表项目), else None."""
    found = _WORKS_NOUN_RE.search(norm, pos, min(limit, end))
    return found.end() if found and found.start() > pos and HAN_RUN.fullmatch(norm, pos, found.start()) else None


_WORKS_NOUN_RE = re.compile(_WORKS_NOUN)


# The money of the works counted, then its amount (4件改善工程经费共760万元, 3个工程总投资5亿元).
_MONEY_AFTER = re.compile(rf"(?:{'|'.join(BUDGET_WORDS)})(?:共|约|达|为|合计|总计)?\d")


def _stated_counts(records):
    """The counts the records state (their quantity, their list's total): a count one states before
    a place type inside a works noun counts those places (青松、白石2个社区卫生服务中心新建工程); one
    none states counts the works (17件道路及排水沟改善工程, 长安跨越…等50个项目开工)."""
    return {count.get("value") for record in records for count in (record.quantity, record.group_total) if count}


def _after_last_verb(norm, lo, hi):
    """Where a noun starts after the last works verb or word of planning or pace (安排, 推进) in
    ``norm[lo:hi]`` (本区将安排|重大工程建设12项); ``lo`` when there is none."""
    found, pos = lo, lo
    while (hit := ACTION_INDEX.first_in(norm, pos, hi)) is not None:
        found = pos = hit[0] + len(hit[1])
    for word in TALLYING_VERBS:
        at = norm.rfind(word, found, hi)
        found = max(found, at + len(word)) if at >= 0 else found
    return found


def _partitive(norm, count_start, pos, clause_end):
    """True when 中 at ``pos`` closes the clause (在完工的14个扶贫项目中,A…): the works counted are
    the whole of which the clause after speaks, no noun going on; not after 从 (从12个候选项目中
    选出: what is chosen from)."""
    return norm[pos] == "中" and pos + 1 == clause_end and norm[count_start - 1:count_start] != "从"


def _after_sum(norm, pos, limit):
    """``pos`` moved past the unit of a sum of money that a number before it opens (512|万元建成…:
    the noun starts after 万元); ``pos`` itself otherwise."""
    sum_unit = _SUM_UNIT.match(norm, pos, limit) if pos and norm[pos - 1].isdigit() else None
    return sum_unit.end() if sum_unit else pos


_SUM_UNIT = re.compile(r"(?:万|亿|千)?元")


def group_record(category, action, span, base, head_start, quantity, **extra):
    """An unnamed record of a counted group: ``span`` its count and noun, ``base`` the noun that names it."""
    mention = Mention(kind="generic", head="", category=category, head_start=head_start, head_end=base[1],
                      stem_start=base[0], end=span[1])
    return Record(named=False, category=category, action=action, start=span[0], end=span[1], base=base,
                  mention=mention, quantity=quantity, measures=[], **extra)


def taken_spans(records, mentions, start, end):
    """What a count of a clause may not take: the records' and the mentions' counts.

    Parameters
    ----------
    records : list of Record
        The clause's records so far.
    mentions : list of Mention
        The clause's mentions.
    start, end : int
        The clause.

    Returns
    -------
    Covered
        The spans of the records and of the counts the mentions took, within the clause.
    """
    spans = [(r.start, r.end) for r in records] + [(m.count.start, m.count.end) for m in mentions if m.count]
    return Covered(start, end, spans)


def attach_measures(norm, start, end, records):
    """Attach 学位4500个-style measures to the nearest preceding record of the sentence."""
    if not records or not _MEASURE_NOUN.search(norm, start, end):
        return  # (every measure names its noun: one quick scan for the nouns first)
    # The records ending before each measure, taken in order of their ends as the measures come
    # (a sentence of thousands of measures stays linear): the last ending of them, and of the groups.
    by_end = sorted(records, key=lambda r: r.end)  # (stable: of records ending together, the first listed)
    taken, last, last_group, first = 0, None, None, None
    for match in MEASURE_RE.finditer(norm, start, end):
        noun, number, unit = measure_parts(match)
        value = parse_number(number)
        if value is None:
            continue
        while taken < len(by_end) and by_end[taken].end <= match.start():
            record, taken = by_end[taken], taken + 1
            last = record if last is None or record.end > last.end else last
            if not record.named and (last_group is None or record.end > last_group.end):
                last_group = record
        if last is None and first is None:
            first = min(records, key=lambda r: r.start)  # (none before it: the first, looked for once)
        # 新增学位6000个 after 幼儿园8所，其中包括A、B belongs to the counted group, not to B.
        target = last_group or last or first
        target.measures.append({"value": value, "unit": unit, "noun": noun})



_MEASURE_NOUN = re.compile("|".join(MEASURE_NOUNS))  # the nouns of MEASURE_RE (words: a fast scan)

# Things counted with no place type of the lexicon: 建成15家放心粮油连锁店, 新建农贸市场快检室8个.
# The 约 of 签约, 预约, 节约 is no "about": 加装电梯签约8台 counts 电梯, not 电梯签.
# Its first character (a digit or a COUNT_PREFIX word's) is consumed as one class, which the engine searches
# for (with the look-behind first it tried the pattern at every position), and what stands before it and the
# prefix it opens are tested behind it; the number is ``num`` after a prefix, else the first digit and ``more``.
_PREFIX_OPENINGS = "".join(dict.fromkeys(word[0] for word in COUNT_PREFIX.split("|")))
_PREFIX_RESTS = "|".join(f"(?<={word[0]}){word[1:]}" for word in COUNT_PREFIX.split("|"))
_THING_COUNT = re.compile(rf"[\d{_PREFIX_OPENINGS}](?<![\d.第].)(?<![签预节履]约)(?:(?:{_PREFIX_RESTS})(?P<num>\d+)|(?<=\d)(?P<more>\d*))"
                          rf"(?:余|多)?(?P<unit>{'|'.join(THING_UNITS)})")
_DIGIT = re.compile(r"\d")
_PREFIX_MAX = max(map(len, COUNT_PREFIX.split("|")))  # (不少于: the longest of COUNT_PREFIX)
_NOT_THING_START = "的又有很更各每其该"  # 一座宽敞的大桥, 一个又一个: a description, not a thing


def counted_things(norm, start, end, records, mentions=()):
    """Groups of things counted right after a works verb, of a type the lexicon does not know.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The clause.
    records : list of Record
        The clause's records so far: a count or noun inside one of them is theirs.
    mentions : list of Mention
        The clause's mentions: a count one of them took is theirs.

    Returns
    -------
    list of Record
        One unnamed record per count written in digits, in a unit of things (thing_unit in
        units.tsv), either after a works verb and before its noun (建成15家放心粮油连锁店) or after
        a works verb and its noun at the end of an item (新建农贸市场快检室8个、...), or opening the
        clause with its works after the noun (165栋老旧住宅经过修缮). Nouns that count no works
        (企业, 百分点, 路灯: ``uncounted`` in stop_words.tsv), measures (学位, 停车位), nouns ending
        in a place type of the lexicon and counts of one make none. The category is that of a
        stem category word in the noun, else ``project``.
    """
    digit = _DIGIT.search(norm, start, end)
    if digit is None:
        return []  # (_THING_COUNT counts in digits)
    taken = None  # what the records took, worked out once a thing is found (most counts count none)
    out = []
    # (no count opens further before its first digit than a prefix's length: the clause before is not tried)
    for match in _THING_COUNT.finditer(norm, max(start, digit.start() - _PREFIX_MAX), end):
        found = _thing_after(norm, match, start, end) or _thing_before(norm, match, start, end) \
            or _thing_subject(norm, match, start, end)
        if found is None:
            continue
        (noun_start, noun_end), action = found
        span = (min(noun_start, match.start()), max(noun_end, match.end()))
        if taken is None:
            taken = taken_spans(records, _counts_kept(records, mentions), start, end)
        if taken.hit(*span) or not is_thing(norm[noun_start:noun_end]):
            continue
        value = parse_number(match.group("num") or norm[match.start():match.end("more")])
        category = thing_category(norm[noun_start:noun_end]) or _type_no_mention_counted(norm, noun_start, noun_end)
        if not value or value < 2 or category is None:
            continue
        out.append(group_record(category, action, span, (noun_start, noun_end), noun_end - 1,
                                 {"value": value, "unit": match.group("unit")}))
        taken.add(*span)
    return out


def _counts_kept(records, mentions):
    """The mentions whose counts are theirs: all but a generic type that takes its category from
    its stem and made no record (消防设施157处: 设施 with no category word in 消防 is dropped, and
    its count is the thing's; a facility's, 人才驿站6个, stays the dropped facility's)."""
    made = {id(record.mention) for record in records}
    return [m for m in mentions if m.count is None or m.category != "stem" or m.kind != "generic" or id(m) in made]




def _type_no_mention_counted(norm, noun_start, noun_end):
    """The category of the place type ``norm[noun_start:noun_end]`` ends with when a count no
    mention took counts it (its stem too long for a mention: 长三角农产品直供基地4家, 美丽乡村示范村3个);
    None for a bare type (社区), a generic type (线路, 设施: a kind of works), a noun described (36个班的初级中学) and one
    whose works are said after 的 (6所学校的建成将…: counted again, see described.recounted_works)."""
    noun = norm[noun_start:noun_end]
    if "的" in noun or norm.startswith("的", noun_end) or generic_type_ending(noun) or noun in heads():
        return None  # (全区104个社区全部完成…: a bare type, no kind named; its mentions' rules stand)
    return head_category(noun)


def _thing_after(norm, match, start, end):
    """((noun start, end), verb) of 建成15家放心粮油连锁店: a verb, the count, then the noun."""
    verb_end = match.start() - 1 if norm.startswith("了", match.start() - 1) else match.start()  # 建成了15家
    action = action_ending_at(norm, verb_end, start)
    run = THING_NOUN.match(norm, match.end(), end) if action else None
    if run is None:
        return None
    noun_end = end_of_noun(norm, match.end(), run.end())  # 新建3座废酸处理中心, 改造4个小区停车位
    return ((match.end(), noun_end), action) if noun_end - match.end() >= 2 else None


def _thing_before(norm, match, start, end):
    """((noun start, end), verb) of 新建农贸市场快检室8个: a verb, the noun, then the count at an item's end."""
    after = match.end()
    if after < end and norm[after] not in HARD_BREAKS and not norm.startswith(("和", "及"), after):
        return None
    low = match.start() - MAX_STEM if match.start() - MAX_STEM > start else start
    for pos in range(match.start() - 1, low - 1, -1):
        if norm[pos] == "、" and match.start() - pos >= 3:
            action = _verb_of_counted_list(norm, pos, start)  # 新建日光温室1500亩、冷库6个
            return ((pos + 1, match.start()), action) if action else None
        if not ("\u4e00" <= norm[pos] <= "\u9fff" or norm[pos] in "“”"):
            return None
        action = action_ending_at(norm, pos, start) if match.start() - pos >= 2 else None
        if action:  # (the whole noun is a thing too: 项目已完成4座 is no noun cut to 项目已)
            noun_end = _before_stop_verb(norm, pos, match.start())
            if noun_end < match.start() and not is_thing(norm[pos:match.start()]):
                return None
            return (pos, noun_end), action
    return _comma_item(norm, match.start(), start)


def _comma_item(norm, count_start, start):
    """((noun start, end), verb) of 新建A配送中心1个,|放心粮油店7个: a clause made of a noun and its
    count alone takes the verb of the counted item closing the clause before it, when that verb
    builds or rebuilds things (``road_action``: 新建, 改造; not 培育 or 发展, which count farms and
    firms) and the noun holds no stop word of two characters or more (带动就业12个: a verb of its
    own); None otherwise."""
    if not 2 <= count_start - start <= MAX_STEM or start < 1 or norm[start - 1] != ",":
        return None
    noun = norm[start:count_start]
    if any(not "\u4e00" <= ch <= "\u9fff" for ch in noun) or action_ending_at(norm, count_start, start) is not None \
            or any(noun[i:j] in _STOP_SET for i in range(len(noun)) for j in range(i + 2, len(noun) + 1)):
        return None  # (带动就业12个: a verb inside says what else the clause does)
    action = _verb_of_counted_list(norm, start - 1, max(0, start - 1 - COUNTED_LIST_ITEM_REACH))
    return ((start, count_start), action) if action in _BUILDING_VERBS else None


_BUILDING_VERBS = frozenset(word for word, _ in ROAD_ACTION_CATEGORY)  # verbs of works on things built


def _verb_of_counted_list(norm, comma, start):
    """The works verb a list of counted or measured items opens, the item before ``comma`` (a 、)
    its last (新建日光温室1500亩、|冷库6个: 冷库 is built too); None when an item before it is no
    noun and its count, or no verb opens the first."""
    for _ in range(COUNTED_LIST_VERB_ITEMS):
        count = _ITEM_COUNT_END.search(norm, max(start, comma - MAX_STEM - 8), comma)
        if count is None:
            return None
        for pos in range(count.start() - 1, max(start, count.start() - MAX_STEM) - 1, -1):
            if norm[pos] == "、":
                comma = pos
                break
            if not "\u4e00" <= norm[pos] <= "\u9fff":
                return None
            action = action_ending_at(norm, pos, start) if count.start() - pos >= 2 else None
            if action:
                return action
        else:
            return None
    return None


# A count or a measure ending an item of a list (…1500亩, …6个, …3.5公里).
_ITEM_COUNT_END = re.compile(rf"(?<![\d.]){NUM}(?:余|多)?[\u4e00-\u9fff]{{1,3}}$")
_STOP_SET = frozenset(STOP_WORDS)


def _before_stop_verb(norm, lo, hi):
    """Where the noun ``norm[lo:hi]`` ends before a stop word closing it: 加装电梯签约8台 counts 电梯."""
    for length in (2, 3):
        if hi - length - lo >= 2 and norm[hi - length:hi] in _STOP_SET:
            return hi - length
    return hi


def _thing_subject(norm, match, start, end):
    """((noun start, end), verb) of 16个旅游驿站连线成景, 165栋老旧住宅经过修缮: the count opens the
    clause (after a place or time of a few characters) or a list item (、30幢建筑立面改造、), its noun is
    the subject of works said after it, or of investment (9座矿井完成投资…: INVESTMENT_PREDICATES)."""
    if norm[match.start() - 1:match.start()] == "、":
        start = match.start()  # 、30幢建筑立面改造、: the count opens a list item of works
    if match.start() - start > COUNTED_SUBJECT_PREFIX or ACTION_INDEX.first_in(norm[start:match.start()]) is not None:
        return None
    run = THING_NOUN.match(norm, match.end(), end)
    if run is None:
        return None
    noun_end = end_of_noun(norm, match.end(), run.end())
    if LOCATIVE_BEFORE_COUNT.search(norm, max(start, match.start() - 3), match.start()) is not None:
        verb = ACTION_INDEX.first_in(norm[match.end():end])
        if verb is not None and _WHERE_OR_WHEN.search(norm[match.end():match.end() + verb[0]]) is not None:
            return None  # 在全市8个县区新建…, 在2个月内完成…: counties or months after 在 say where or when
    action = right_action(norm, noun_end, end) or _counted_after_verb(norm, noun_end, end) \
        if noun_end - match.end() >= 2 else None
    if action is None and noun_end - match.end() >= 2 and norm.startswith(INVESTMENT_PREDICATES, noun_end):
        action = INVESTMENT_WORKS  # 9座基建矿井完成投资16.5亿元
    return ((match.end(), noun_end), action) if action else None


def _counted_after_verb(norm, pos, end):
    """The verb of works on things counted said right after their noun at ``pos`` (its adverbs
    skipped: 187个排水达标区整改, lexicon role ``counted_after_verb``), else None."""
    return match_any(norm, skip_adverbs(norm, pos, end)[0], COUNTED_AFTER_VERBS)


LOCATIVE_BEFORE_COUNT = re.compile(r"在(?:全[省市县州区国])?$")  # 在全省15个县, 在2个月内: 在 right before the count
# What such a count counts: counties (县, 县区, 重点帮扶县率先…) or a time (月内, 年内, 天内).
_WHERE_OR_WHEN = re.compile(r"^(?:月|年|天|周|日)内|县(?:区|市|\(市、区\))?(?:率先|全部|均|已|都|先后)?$")


def is_thing(noun):
    """False for a description (的居民小区), a list (A等), a verb (已完成) or a noun counting no works."""
    return noun[0] not in _NOT_THING_START and "等" not in noun and not noun.endswith(UNCOUNTED_NOUNS) \
        and not noun.endswith(MEASURE_NOUNS) and ACTION_INDEX.first_in(noun) is None \
        and not any(verb in noun for verb in PHASE_VERBS)


def stock_counted(norm, pos):
    """True when the count of the noun at ``pos`` (said with no works) is what a place has: 全县现有
    学校56所, 该镇原有3座公厕, and each share of it after 其中 (现有文保单位52处,其中…,A、B等15处)."""
    before = sentence_part_before(norm, pos, STOCK_REACH)
    breakdown = before.rfind("其中")
    near = before[-COUNT_BREAKDOWN_REACH:] if breakdown < 0 else before[:breakdown]
    return any(word in near for word in STOCK_WORDS)


def sentence_part_before(norm, pos, reach):
    """Up to ``reach`` characters before ``pos``, from the sentence's last end on (。!?; or a line)."""
    window = norm[max(0, pos - reach):pos]
    return window[max(window.rfind(mark) for mark in "。!?;\n") + 1:]


def slogan_counts(norm, start, end, records):
    """Groups a quoted slogan counts by their types' first characters: “三校五园”, “两街四广场”.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The sentence.
    records : list of Record
        The sentence's records, the tagger's names among them: a slogan one of them overlaps is
        part of its name.

    Returns
    -------
    list of Record
        One unnamed record per count of two or more in a quote that opens with counted types
        (a numeral, then a type of one character, ``slogan_type`` in head_roles.tsv: 桥, 路, 校;
        or a place type of two: 广场), when the quote holds two such counts (“一河两坝六桥”) or
        one and at most two characters more (“六桥西穿”), and no record of the sentence takes the
        quote (“三渠一河” named). Its noun is the count and the type (六桥), its works those said
        after the quote or else before it in the sentence.
    """
    out, named = [], None  # (what the records take, marked once a slogan is found: most quotes are none)
    pos = norm.find("“", start, end)
    while pos >= 0:
        close = norm.find("”", pos + 1, min(end, pos + SLOGAN_MAX_CHARS + 2))
        parts = _slogan_parts(norm, pos + 1, close) if close > 0 else []
        if parts and named is None:
            named = Covered(start, end, [(r.start, r.end) for r in records])
        if parts and not named.hit(pos, close):  # (“三渠一河” named)
            action = right_action(norm, close + 1, end) or last_action(norm, max(start, pos - SLOGAN_ACTION_REACH), pos)
            for part_start, type_start, part_end, value in parts:
                category = works_category(_slogan_category(norm[type_start:part_end]), action)
                if value >= 2 and category is not None:
                    out.append(group_record(category, action, (part_start, part_end), (part_start, part_end),
                                             type_start, {"value": value, "unit": norm[type_start:part_end]}))
        pos = norm.find("“", pos + 1, end)
    return out


_SLOGAN_NUMERALS = "一二两三四五六七八九十"


def _slogan_parts(norm, lo, hi):
    """(start, type start, end, count) of each counted type opening ``norm[lo:hi]``, when they make
    a slogan (see :func:`slogan_counts`); else []."""
    parts, pos = [], lo
    while pos < hi and norm[pos] in _SLOGAN_NUMERALS:
        numeral_end = pos + 1 + (norm[pos + 1:pos + 2] in _SLOGAN_NUMERALS)  # (十二路)
        kind = next((norm[numeral_end:numeral_end + n] for n in (2, 1)
                     if numeral_end + n <= hi and _slogan_category(norm[numeral_end:numeral_end + n])), None)
        if kind is None:
            break
        parts.append((pos, numeral_end, numeral_end + len(kind), parse_number(norm[pos:numeral_end])))
        pos = numeral_end + len(kind)
    return parts if len(parts) >= 2 or parts and hi - pos <= 2 else []


def _slogan_category(word):
    """The category of a type a slogan counts: one character of ``slogan_type`` (桥, 校), or a
    place type of two characters (广场, 公园; no generic one), else None."""
    if len(word) == 1:
        return SLOGAN_TYPES.get(word)
    row = heads().get(word)
    return row[0] if row is not None and row[0] not in ("stem", None) and row[1] in ("name", "facility") else None


def works_category(family, action):
    """The category of a slogan's type ``family`` (road: by the works, 新建 a new road), or None
    for a family that is no category of the data."""
    if family == "road":
        return next((code for word, code in ROAD_ACTION_CATEGORY if word in (action or "")), DEFAULT_ROAD_CATEGORY)
    return family if family in geo_data.categories() else None


def last_action(norm, lo, hi):
    """The last works verb in ``norm[lo:hi]`` (重点实施“九路一桥”工程: 实施), or None."""
    found, pos = None, lo
    while (hit := ACTION_INDEX.first_in(norm, pos, hi)) is not None:
        found, pos = hit[1], hit[0] + len(hit[1])
    return found
