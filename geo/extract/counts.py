"""Records made of counts alone (works counted with no place type, tallies by class) and measures attached to records."""

from __future__ import annotations

import re

from geo import data as geo_data
from geo.lexicon import JURISDICTION_SUFFIXES, TOWNSHIP_SUFFIXES, ACTION_INDEX, FILLER_INDEX, ACTIONS_SORTED, COUNTED_WORKS, MEASURE_NOUNS, PHASE_VERBS, STEM_CATEGORY, STOP_WORDS, STOPS, THING_UNITS, UNCOUNTED_NOUNS, WORKS_UNITS, heads, is_generic, match_any
from geo.extract.model import Covered, Mention, Record
from geo.numbers import parse_number
from geo.extract.patterns import COUNT_PREFIX, COUNTED_PROJECTS, HARD_BREAKS, MAX_STEM, MEASURE_RE, NUM, STREET_NAME_ENDINGS
from geo.extract.works import right_action

_WORKS_UNIT = re.compile(rf"[\d一二两三四五六七八九十百千][余多]?(?:{'|'.join(WORKS_UNITS)})")  # a count of works at all
_CLASS_COUNTERS = frozenset("0123456789一二三四五六七八九十大")  # before 类, they count classes (8类32项)
# Works counted with no place type: 11项产业工程, 6个城市品质提升工程, 道路桥梁工程34项.
# (一个个重点项目, 一项项工程: a reduplicated unit says "one after another", no count)
_WORKS_COUNT = rf"(?:{COUNT_PREFIX})?(?P<num{{0}}>{NUM})(?:余|多)?(?P<unit{{0}}>{'|'.join(WORKS_UNITS)})(?!(?P=unit{{0}}))(?<!一大)(?!(?<=大)(?:道(?!路)|街))(?!批)"
_COUNTED_WORKS_RE = re.compile(
    rf"{_WORKS_COUNT.format(1, 1)}(?P<noun1>[\u4e00-\u9fff“”]{{0,12}}?(?:{'|'.join(COUNTED_WORKS)}))"
    rf"|(?P<noun2>[\u4e00-\u9fff“”]{{0,10}}?(?:{'|'.join(COUNTED_WORKS)})){_WORKS_COUNT.format(2, 2)}"
    # A class of a tally (道路类(21个), 工程治理类162处, 教育类项目共有4项); 8类32项 counts classes.
    rf"|(?P<noun3>[\u4e00-\u9fff]{{2,8}}?类(?:项目)?)(?:共有|共)?\(?{_WORKS_COUNT.format(3, 3)}\)?")


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
        ``counted_works``), or after a class of a tally (X类); a count of classes (8类32项) is
        none.
    """
    clause = norm[start:end]
    if not _WORKS_UNIT.search(clause) or ("类" not in clause and not any(word in clause for word in COUNTED_WORKS)):
        return []
    out = []
    taken = {m.count.start for m in mentions if m.count is not None}
    covered = Covered(start, end, [(r.start, r.end) for r in records])
    # A place head inside the noun means the count counts those places, and a project type after
    # 等 counts the list before it; a generic head (7项基础设施建设项目, 6个交通项目) counts nothing.
    heads_at = [m.head_start for m in mentions if m.kind not in ("raw", "skip")
                and (m.kind != "generic" or m.category == "members" and m.stop == "等")]
    for match in _COUNTED_WORKS_RE.finditer(norm, start, end):
        which = next(n for n in (1, 2, 3) if match.group(f"num{n}"))
        value = parse_number(match.group(f"num{which}"))
        count_start, count_end = match.span(f"num{which}")[0], match.end(f"unit{which}")
        if value is None or count_start in taken or covered.hit(count_start, count_end):
            continue
        noun_start, noun_end = match.span(f"noun{which}")
        if which == 1 and any(noun_start <= h < noun_end for h in heads_at):
            continue  # 2个社区卫生服务中心新建工程: the count counts the places named
        if which == 3 and norm[norm.rfind("类", noun_start, noun_end) - 1] in _CLASS_COUNTERS:
            continue  # 8类32项, 十大类60项: the classes of a whole list are counted
        if which == 1 and noun_end < end and "\u4e00" <= norm[noun_end] <= "\u9fff" \
                and not (match_any(norm, noun_end, STOPS) or FILLER_INDEX.at(norm, noun_end)
                         or norm.startswith("项目", noun_end)):
            continue  # 3个工程技术中心: the noun goes on
        noun_start = _after_leading_verbs(norm, _after_sum(norm, noun_start, noun_end - 2), noun_end - 2)
        out.append(group_record(COUNTED_PROJECTS, right_action(norm, match.end(), end),
                                 (match.start() if which == 1 else noun_start, match.end()), (noun_start, noun_end),
                                 noun_end - 2, {"value": value, "unit": match.group(f"unit{which}")}))
    return out


def group_record(category, action, span, base, head_start, quantity, **extra):
    """An unnamed record of a counted group: ``span`` its count and noun, ``base`` the noun that names it."""
    mention = Mention(kind="generic", head="", category=category, head_start=head_start, head_end=base[1],
                      stem_start=base[0], end=span[1])
    return Record(named=False, category=category, action=action, start=span[0], end=span[1], base=base,
                  mention=mention, quantity=quantity, measures=[], **extra)


def _after_sum(norm, pos, limit):
    """``pos`` moved past the unit of a sum of money that a number before it opens (512|万元建成…:
    the noun starts after 万元); ``pos`` itself otherwise."""
    sum_unit = _SUM_UNIT.match(norm, pos, limit) if pos and norm[pos - 1].isdigit() else None
    return sum_unit.end() if sum_unit else pos


_SUM_UNIT = re.compile(r"(?:万|亿|千)?元")


def _after_leading_verbs(norm, pos, limit):
    """``pos`` moved past the works verbs and stop words that open a noun (新开工道路桥梁工程)."""
    moved = True
    while moved and pos < limit:
        moved = False
        word = max(match_any(norm, pos, ACTIONS_SORTED) or "", match_any(norm, pos, STOPS) or "", key=len)
        if word and pos + len(word) <= limit:
            pos += len(word)
            moved = True
    return pos


def _past_listed_works(norm, pos, limit):
    """``pos`` moved past works verbs listed before a noun (新建、改扩建项目: to 项目); ``pos`` itself
    when no list of works opens there (新建道路 is a noun of its own)."""
    def past_works(at):
        word = match_any(norm, at, ACTIONS_SORTED)
        return at + len(word) if word and at + len(word) <= limit else at

    moved = pos
    while True:
        after = past_works(moved)
        if after == moved or after >= limit or norm[after] not in "、和及与":
            break
        moved = after + 1
    after = past_works(moved)
    return after if moved > pos and after > moved else pos


def attach_measures(norm, start, end, records):
    """Attach 学位4500个-style measures to the nearest preceding record of the sentence."""
    if not records or not _MEASURE_NOUN.search(norm, start, end):
        return  # (every measure names its noun: one quick scan for the nouns first)
    for match in MEASURE_RE.finditer(norm, start, end):
        noun = match.group("noun1") or match.group("noun2")
        value = parse_number(match.group("num1") or match.group("num2"))
        unit = match.group("unit1") or match.group("unit2")
        if value is None:
            continue
        before = [r for r in records if r.end <= match.start()]
        groups = [r for r in before if not r.named]
        # 新增学位6000个 after 幼儿园8所，其中包括A、B belongs to the counted group, not to B.
        before = groups or before
        target = max(before, key=lambda r: r.end) if before else min(records, key=lambda r: r.start)
        target.measures.append({"value": value, "unit": unit, "noun": noun})



_MEASURE_NOUN = re.compile("|".join(MEASURE_NOUNS))  # the nouns of MEASURE_RE (words: a fast scan)

# Things counted with no place type of the lexicon: 建成15家放心粮油连锁店, 新建农贸市场快检室8个.
# The 约 of 签约, 预约, 节约 is no "about": 加装电梯签约8台 counts 电梯, not 电梯签.
_THING_COUNT = re.compile(rf"(?<![\d.第])(?!(?<=[签预节履])约)(?:{COUNT_PREFIX})?(?P<num>\d+)(?:余|多)?(?P<unit>{'|'.join(THING_UNITS)})")
_THING_NOUN = re.compile(r"[\u4e00-\u9fff“”]{2,%d}" % MAX_STEM)
_DIGIT = re.compile(r"\d")
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
    if not _DIGIT.search(norm, start, end):
        return []  # (_THING_COUNT counts in digits)
    taken = None  # what the records took, worked out once a thing is found (most counts count none)
    out = []
    for match in _THING_COUNT.finditer(norm, start, end):
        found = _thing_after(norm, match, start, end) or _thing_before(norm, match, start, end) \
            or _thing_subject(norm, match, start, end)
        if found is None:
            continue
        (noun_start, noun_end), action = found
        span = (min(noun_start, match.start()), max(noun_end, match.end()))
        if taken is None:
            taken = _taken_spans(records, mentions, start, end)
        if taken.hit(*span) or not _is_thing(norm[noun_start:noun_end]):
            continue
        value = parse_number(match.group("num"))
        category = _thing_category(norm[noun_start:noun_end])
        if not value or value < 2 or category is None:
            continue
        out.append(group_record(category, action, span, (noun_start, noun_end), noun_end - 1,
                                 {"value": value, "unit": match.group("unit")}))
        taken.add(*span)
    return out


def _thing_after(norm, match, start, end):
    """((noun start, end), verb) of 建成15家放心粮油连锁店: a verb, the count, then the noun."""
    verb_end = match.start() - 1 if norm.startswith("了", match.start() - 1) else match.start()  # 建成了15家
    action = _action_ending_at(norm, verb_end, start)
    run = _THING_NOUN.match(norm, match.end(), end) if action else None
    if run is None:
        return None
    noun_end = _noun_end(norm, match.end(), run.end())  # 新建3座废酸处理中心, 改造4个小区停车位
    return ((match.end(), noun_end), action) if noun_end - match.end() >= 2 else None


def _thing_before(norm, match, start, end):
    """((noun start, end), verb) of 新建农贸市场快检室8个: a verb, the noun, then the count at an item's end."""
    after = match.end()
    if after < end and norm[after] not in HARD_BREAKS and not norm.startswith(("和", "及"), after):
        return None
    for pos in range(match.start() - 1, max(start, match.start() - MAX_STEM) - 1, -1):
        if not ("\u4e00" <= norm[pos] <= "\u9fff" or norm[pos] in "“”"):
            return None
        action = _action_ending_at(norm, pos, start) if match.start() - pos >= 2 else None
        if action:  # (the whole noun is a thing too: 项目已完成4座 is no noun cut to 项目已)
            noun_end = _before_stop_verb(norm, pos, match.start())
            if noun_end < match.start() and not _is_thing(norm[pos:match.start()]):
                return None
            return (pos, noun_end), action
    return None


_STOP_SET = frozenset(STOP_WORDS)


def _before_stop_verb(norm, lo, hi):
    """Where the noun ``norm[lo:hi]`` ends before a stop word closing it: 加装电梯签约8台 counts 电梯."""
    for length in (2, 3):
        if hi - length - lo >= 2 and norm[hi - length:hi] in _STOP_SET:
            return hi - length
    return hi


def _thing_subject(norm, match, start, end):
    """((noun start, end), verb) of 16个旅游驿站连线成景, 165栋老旧住宅经过修缮: the count opens the
    clause (after a place or time of a few characters), its noun is the subject of works said after it."""
    if match.start() - start > MAX_SUBJECT_PREFIX or ACTION_INDEX.first_in(norm[start:match.start()]) is not None:
        return None
    run = _THING_NOUN.match(norm, match.end(), end)
    if run is None:
        return None
    noun_end = _noun_end(norm, match.end(), run.end())
    if _LOCATIVE.search(norm, max(start, match.start() - 3), match.start()) is not None:
        verb = ACTION_INDEX.first_in(norm[match.end():end])
        if verb is not None and _WHERE_OR_WHEN.search(norm[match.end():match.end() + verb[0]]) is not None:
            return None  # 在全市8个县区新建…, 在2个月内完成…: counties or months after 在 say where or when
    action = right_action(norm, noun_end, end) if noun_end - match.end() >= 2 else None
    return ((match.end(), noun_end), action) if action else None


MAX_SUBJECT_PREFIX = 6  # 贺兰县一季度28个…: what may stand before a count that opens a clause
_LOCATIVE = re.compile(r"在(?:全[省市县州区国])?$")  # 在全省15个县, 在2个月内: 在 right before the count
# What such a count counts: counties (县, 县区, 重点帮扶县率先…) or a time (月内, 年内, 天内).
_WHERE_OR_WHEN = re.compile(r"^(?:月|年|天|周|日)内|县(?:区|市|\(市、区\))?(?:率先|全部|均|已|都|先后)?$")


def _taken_spans(records, mentions, start, end):
    """The spans the clause's records and the counts its mentions took cover."""
    spans = [(r.start, r.end) for r in records] + [(m.count.start, m.count.end) for m in mentions if m.count]
    return Covered(start, end, spans)


def _action_ending_at(norm, pos, lo):
    """The works verb of two to four characters ending at ``pos`` (新建, 改造提升), or None."""
    for length in (4, 3, 2):
        word = norm[pos - length:pos]
        # (a word that is no action is no longest action either: the set is asked first)
        if pos - length >= lo and word in ACTION_INDEX.words and ACTION_INDEX.at(norm, pos - length) == word:
            return word
    return None


def _is_thing(noun):
    """False for a description (的居民小区), a list (A等), a verb (已完成) or a noun counting no works."""
    return noun[0] not in _NOT_THING_START and "等" not in noun and not noun.endswith(UNCOUNTED_NOUNS) \
        and not noun.endswith(MEASURE_NOUNS) and ACTION_INDEX.first_in(noun) is None \
        and not any(verb in noun for verb in PHASE_VERBS)


def _thing_category(noun):
    """The category of a stem category word in ``noun`` (健身, 卫生), else ``project``; None when
    the noun ends with a place type of the lexicon (its mentions had their say on it), unless
    the type takes its category from its stem and none was found (7个“居民之家”)."""
    ending = _type_ending(noun)
    if ending is not None and ending[0] != "stem":
        return None
    for word, category in STEM_CATEGORY:
        if word in noun:
            return category
    return COUNTED_PROJECTS


def _type_ending(noun):
    """The lexicon row of the longest place type of two characters or more ``noun`` ends with, or None."""
    table, bare = heads(), noun.strip("“”")
    return next((table[bare[cut:]] for cut in range(len(bare) - 1) if bare[cut:] in table), None)


# A count right after the 等 that closes a list: A、B等14个老旧小区, 公厕、垃圾转运站等11座.
_LISTED_COUNT = re.compile(rf"等(?P<num>{NUM})(?:余|多)?(?P<unit>{'|'.join(THING_UNITS)})")


def counted_after_list(norm, start, end, records, mentions=()):
    """The group a list's count after 等 states, when no rule took the count.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The clause.
    records : list of Record
        The clause's records so far: the list's named members among them.
    mentions : list of Mention
        The clause's mentions: a count one of them took is theirs.

    Returns
    -------
    list of Record
        For each such count with named members listed right before 等: an unnamed record of
        the members not named (quantity the count less the members, ``group_total`` the count),
        named by the noun after the count (else by the list), of the category of that noun's
        type or stem (else the members'). When the members are all the count names, they state
        the total and no record is made.
    """
    if "等" not in norm[start:end]:
        return []
    taken = _taken_spans(records, mentions, start, end)
    out = []
    for match in _LISTED_COUNT.finditer(norm, start, end):
        if taken.hit(match.start("num"), match.end()):
            continue
        value = parse_number(match.group("num"))
        members = _listed_before(norm, match.start(), records)
        listed = None if members else _listed_types(norm, match.start(), start)
        last_item = _before_own_works(norm, match.start(), start) if not (members or listed) else None
        if last_item is not None:  # A、老旧小区改造项目等55个项目: the last item's own works end the list
            members = _listed_before(norm, last_item, records)
            listed = None if members else _listed_types(norm, last_item, start)
        if not value or value != int(value) or not (members or listed):
            continue
        total = {"value": value, "unit": match.group("unit")}
        if len(members) >= value:
            for member in members:
                member.group_total = member.group_total or dict(total)
            continue
        noun_start = _past_listed_works(norm, match.end(), end)  # 等7个新建、改扩建项目: the noun is 项目
        run = _THING_NOUN.match(norm, noun_start, end)
        if run and _works_said(norm, noun_start, end):
            run = None  # A、B等3所已开工: the count is followed by what is said of the list, no noun
        noun_end = _first_type_end(norm, noun_start, _noun_end(norm, noun_start, run.end())) if run else noun_start
        noun = None
        if noun_end - noun_start >= 2:
            base = (noun_start, noun_end)  # 等14个老旧小区: the noun after the count
        else:
            base = listed or (members[0].start, match.start())  # 公厕、垃圾转运站、溶盐池等11座
            noun = _members_noun(members) if members else None
        category = _head_category(norm[base[0]:base[1]]) or (members[-1].category if members else None) \
            or _thing_category(norm[base[0]:base[1]]) or COUNTED_PROJECTS
        action = (members[-1].action if members else None) or right_action(norm, max(base[1], match.end()), end) \
            or _action_ending_at(norm, base[0], start)
        if action is None and stock_counted(norm, match.start()):
            continue  # 现有文保单位52处,其中A、B等15处省级文保单位: what is there, no works
        group_end = max(base[1], match.end())
        out.append(group_record(category, action, (min(base[0], match.start("num")), group_end), base, base[1] - 1,
                                 {"value": value - len(members), "unit": total["unit"]},
                                 group_total=total if members else None, remainder=bool(members),
                                 listed_members=members, noun=noun))
        taken.add(match.start(), group_end)
    return out


_STOCK_WORDS = ("现有", "原有", "现存")
BREAKDOWN_REACH = 40  # characters back from a count to the 其中 that opens a breakdown
_STOCK_REACH = 160  # characters back from a share's count to the stock that 其中 breaks down


def stock_counted(norm, pos):
    """True when the count of the noun at ``pos`` (said with no works) is what a place has: 全县现有
    学校56所, 该镇原有3座公厕, and each share of it after 其中 (现有文保单位52处,其中…,A、B等15处)."""
    before = sentence_part_before(norm, pos, _STOCK_REACH)
    breakdown = before.rfind("其中")
    near = before[-BREAKDOWN_REACH:] if breakdown < 0 else before[:breakdown]
    return any(word in near for word in _STOCK_WORDS)


def sentence_part_before(norm, pos, reach):
    """Up to ``reach`` characters before ``pos``, from the sentence's last end on (。!?; or a line)."""
    window = norm[max(0, pos - reach):pos]
    return window[max(window.rfind(mark) for mark in "。!?;\n") + 1:]


def _works_said(norm, pos, limit):
    """True when works are said at ``pos``, after stop words or not (已开工, 今年完成提升改造), not a noun."""
    said = norm[pos:_after_leading_verbs(norm, pos, limit)]
    return bool(said) and ACTION_INDEX.first_in(said) is not None


def _members_noun(members):
    """What the rest of a list of named places counted with no noun is (A小学、B小学等5所: 小学):
    the head its members share, else 项目; never the members' own names."""
    heads = {member.mention.head for member in members}
    return heads.pop() if len(heads) == 1 and len(next(iter(heads))) >= 2 else "项目"


# What the name of a place (not a type) ends with: townships, jurisdictions, streets, villages.
_PLACE_ENDINGS = tuple(TOWNSHIP_SUFFIXES) + tuple(JURISDICTION_SUFFIXES) + STREET_NAME_ENDINGS + ("村", "社区")


MAX_LISTED_TYPES = 40  # characters of a list of types before 等 (公厕、垃圾转运站、溶盐池)


def _listed_types(norm, pos, lo):
    """(start, end) of a list of types right before 等 at ``pos`` (公厕、垃圾转运站、溶盐池), else None."""
    start = pos
    while start > max(lo, pos - MAX_LISTED_TYPES) and ("\u4e00" <= norm[start - 1] <= "\u9fff" or norm[start - 1] == "、") \
            and not _action_ending_at(norm, start, lo):
        start -= 1
    if "、" not in norm[start:pos] or pos - start < 5 or norm[start] == "、":
        return None
    # Types, not places: one item at least a place type itself, none a township's or village's name.
    items = norm[start:pos].split("、")
    table = heads()
    if any(item.endswith(_PLACE_ENDINGS) for item in items) or not any(item in table for item in items):
        return None
    return start, pos


def _before_own_works(norm, pos, lo):
    """Where the works an item names of itself before 等 at ``pos`` begin (老旧小区|改造项目等), else None."""
    tail = next((t for t in ("项目", "工程") if norm.endswith(t, lo, pos)), None)
    action = _action_ending_at(norm, pos - len(tail), lo) if tail else None
    return pos - len(tail) - len(action) if action else None


def _first_type_end(norm, noun_start, noun_end):
    """The end of the first place type in a noun (老旧小区 of 老旧小区施行路面黑色化), else ``noun_end``."""
    table = heads()
    for pos in range(noun_start + 2, noun_end + 1):
        if any(norm[pos - n:pos] in table and table[norm[pos - n:pos]][1] not in ("none", "skip")
               for n in range(2, min(5, pos - noun_start) + 1)):
            return pos
    return noun_end


def _listed_before(norm, pos, records):
    """The named records listed right before ``pos`` (A、B和C before 等), in text order."""
    by_end = {r.end: r for r in records if r.named}
    members = []
    while pos in by_end:
        member = by_end[pos]
        members.insert(0, member)
        pos = member.start - 1
        if pos < 0 or norm[pos] not in "、和及与":
            break
        if pos not in by_end:  # B小学改扩建项目、C中学: an item may name its own works
            pos = _before_own_works(norm, pos, 0) or pos
    return members


def _noun_end(norm, noun_start, run_end):
    """Where a noun after a count ends: at the quote closing a quoted noun (7个“居民之家”), else
    before a verb, 的 or a stop word, else at ``run_end``."""
    if norm.startswith("“", noun_start):
        closing = norm.find("”", noun_start + 1, run_end)
        if closing > noun_start + 1:
            return closing + 1
    for pos in range(noun_start + 2, run_end):
        if norm[pos] == "的" or ACTION_INDEX.at(norm, pos) or match_any(norm, pos, STOPS) \
                or len(FILLER_INDEX.at(norm, pos) or "") >= 2:
            return pos  # 104个社区全部完成: an adverb ends the noun too
    return run_end


def _head_category(noun):
    """The category of the place type ``noun`` ends with, or None."""
    row = _type_ending(noun)
    return row[0] if row is not None and row[0] in geo_data.categories() else None


# A list of projects closed by its count (A、B、C等4个项目, 等10大项目, 等8项工程): every item is
# one of them when the items number the count.
_PROJECT_LIST = re.compile(rf"等(?P<num>{NUM})(?P<unit>个|项|大|件)[\u4e00-\u9fff]{{0,6}}?(?:项目|工程)")
_LIST_OPENERS = ("分别是", "分别为", "包括", "其中", "为", "是", "将", "有", "对", "把")
_ITEM_CHARS = re.compile(r"[\u4e00-\u9fff0-9A-Za-z()\-—]+")
_ITEM_COUNT = re.compile(rf"{NUM}(?:余|多)?(?:{'|'.join(THING_UNITS)})")
_WORKS_ON_PART = re.compile(rf"及[\u4e00-\u9fff]{{1,4}}?(?:{'|'.join(map(re.escape, ACTIONS_SORTED))})(?:项目|工程)$")
MAX_LISTED_PROJECTS = 30  # items of a list closed by a count of projects


def listed_projects(norm, start, end, records):
    """Name the items of a list of projects that its count numbers whole.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The clause.
    records : list of Record
        The clause's records: named, counted groups and remainders.

    Returns
    -------
    list of Record
        ``records`` with a named record for each item no record names (青禾路周边改造项目一期
        of `青松学校、青禾路周边改造项目一期、白石西路等3个项目`), of its type's category or
        ``project``; when every item is then named, the count of the list is no group: its
        unnamed records are dropped and each member states the total.
    """
    if "等" not in norm[start:end]:
        return records
    for match in _PROJECT_LIST.finditer(norm, start, end):
        value = parse_number(match.group("num"))
        if not value or value != int(value) or not 2 <= value <= MAX_LISTED_PROJECTS:
            continue
        list_start = max((norm.rfind(mark, start, match.start()) + 1 for mark in ",;:。!?"), default=start)
        list_start = max(list_start, start)
        items, pos = [], list_start
        for text in norm[list_start:match.start()].split("、"):
            items.append((pos, pos + len(text)))
            pos += len(text) + 1
        if len(items) < value:
            _rest_of_listed(match, items, records)
            continue
        if len(items) != value:
            continue
        opener = next((w for w in _LIST_OPENERS if w in norm[items[0][0]:items[0][1]]), None)
        first = norm.find(opener, items[0][0], items[0][1]) + len(opener) if opener else items[0][0]
        items[0] = (_after_leading_verbs(norm, first, items[0][1]), items[0][1])  # 将A、B: A follows 将
        named = [r for r in records if r.named]
        covered = [next((r for r in named if r.start < b and r.end > a), None) for a, b in items]
        if 2 * sum(r is not None for r in covered) < value:
            continue  # (most items unnamed: a list of services or programmes, not of places)
        members, added = [], []
        for item_start, item_end in items:
            member = next((r for r in named if r.start < item_end and r.end > item_start), None)
            if member is None:
                member = _listed_project(norm, item_start, item_end)
                if member is None:
                    continue  # (a type alone, 文化中心: one of the projects, not named)
                added.append(member)
            members.append(member)
        if not added:
            continue
        action = next((m.action for m in members if m.action), None)
        for member in added:
            member.action = action
        groups = [r for r in records if not r.named and r.start < match.end() and r.end > match.start()]
        if len(members) == value:  # every project named: the count is their total, no group
            for member in members:
                member.group_total = member.group_total or {"value": value, "unit": match.group("unit")}
            records = [r for r in records if r not in groups]
        else:
            for group in groups:
                if group.remainder:  # the projects not named are fewer now
                    group.quantity = {**group.quantity, "value": value - len(members)}
        records = records + added
    return records


def _rest_of_listed(match, items, records):
    """A、B、C等23项工程 with every item named: the list's count, a group of its own, says how many
    projects are left (其余工程 20), as a count of projects after 等 does (其余项目)."""
    from geo.extract.lists import _list_members

    named = [r for r in records if r.named]
    members = [next((r for r in named if r.start < b and r.end > a), None) for a, b in items]
    groups = [r for r in records if not r.named and not r.remainder and r.start < match.end() and r.end > match.start()]
    if len(items) >= 2 and None not in members and len(set(map(id, members))) == len(members) and len(groups) == 1:
        _list_members(groups[0], members)


def _listed_project(norm, start, end):
    """A named record of the list item ``norm[start:end]`` (货运车通道, 旧城片区雨污分流改造), or None
    when the item is no project's name: a type, generic words, a count or a phrase."""
    text = norm[start:end]
    if not 3 <= len(text) <= 24 or not _ITEM_CHARS.fullmatch(text) or "的" in text or _ITEM_COUNT.search(text) \
            or is_generic(text) or text in heads() or match_any(norm, start, STOPS):
        return None
    joined = text.find("及", 4)
    if joined > 0 and _WORKS_ON_PART.search(text, joined):  # A病房及院区改造项目: the works on A's grounds
        end, text = start + joined, text[:joined]
    category = _head_category(text) or COUNTED_PROJECTS
    mention = Mention(kind="raw", head="", category=category, stem_start=start, head_start=end, head_end=end, end=end)
    return Record(named=True, category=category, action=None, start=start, end=end, base=(start, end),
                  mention=mention, measures=[])
