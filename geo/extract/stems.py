"""Stems of mentions: where one starts left of its head, a year or size before it cut off (what it says: stem_labels)."""

from __future__ import annotations

import functools
import re

from geo.lexicon import (
    COUNTED_MEASURES,
    BUDGET_WORDS, SIZE_UNITS, ACTIONS, ADVERBS, CONTEXT_VERBS, NEVER_IN_NAMES, NAME_INITIAL_STOPS, NOT_STOPS, JOIN_WORDS,
    PREPOSITIONS_AFTER_ADVERBS, DEMONSTRATIVES, JURISDICTION_SUFFIXES, LAST_ITEM_JOINS, NAMED_AFTER_AND_HEADS, STEM_QUOTES,
    heads)
from geo.lexicon_lookups import (
    DIRECTIONS, GENERIC_SORTED, STOP_LAST_CHARS, is_generic, match_any, multi_stop_ending_at, stop_ending_at,
    verb_ending_at)
from geo.extract.patterns import DESIGNATOR, HAN_RUN, BRACKETED_PLACE_END, BRACKETED_INFIX_END, CORNER_QUOTES, BRACKETED_SECTION_END, COUNT_RE, HARD_BREAKS, NUMBER_CHAR_RE, ROUTE_VIA_STOP, on_a_route_described, STREET_HEAD_CHARS, VERB_STREET_ENDINGS
from geo.lexicon import STREET_NAME_ENDINGS
from geo.extract.street_words import ROAD_NAME_OPENING, USED_RESOURCE_END, one_character_before, street_after_jurisdiction
from geo.extract.apposition import name_after_inner_type, name_after_parent
from geo.extract.place_words import place_across, written_elsewhere
from geo.numbers import parse_number


# A length as reports write it before what it measures: 145.6公里, 全长60公里(的), 共28.4公里(的).
_LENGTH = r"[、,]?(?:共计|合计|共|总|全)?[长宽]?约?\d[\d.]*(?:米|公里|千米)"  # 全长, 共计长, 宽: a length or width
MEASURED = re.compile(
    rf"{_LENGTH}[宽长]?的?|[\d一二三四五六七八九十百]+(?:班|床|轨)制?"  # 20米宽, 60班, 500床, 六轨制
    r"|[日年]?(?:处理|供水|产|吞吐|运转|转运)(?:能力|量|规模)?(?:达|约)?[\d.]+万?(?:吨|立方米|方|千瓦|兆瓦)(?:/[日天])?的?"  # 日处理4000立方米, 日供水5万吨, 日运转量达140吨
    r"|[\d.]+万?(?:千瓦|兆瓦|MW|mw)(?:级)?的?"  # 100兆瓦, 20万千瓦: a plant's capacity
    r"|第[\d一二三四五六七八九十]+批")  # 第二批: a batch of a programme
# A digit: what a stem holding a length has (find_stem) and a name's stem has not (stem_labels).
DIGIT = re.compile(r"\d")
# A number a road is named by after a word (二号, 3支: 幸福二号路).
ROAD_NUMBER = re.compile(r"[一二三四五六七八九十\d]{1,3}号?支?")
_YEAR = re.compile(r"(?:19|20)\d\d(?:年度|年)?")
# 沿 before a road's name is the preposition (完成沿泰山路至…道路), before 江/河 a name's start (沿江大道).
_ALONG_A_ROAD = re.compile(r"[\u4e00-\u9fff]{2,4}(?:路|街|大道)(?:至|到|[\-—–])")
_BOUND_DIRECTIONS = frozenset(d + t for d in "东西南北" for t in "至到")
_MONTH_DAY = re.compile(r"\d{1,2}月(?:\d{1,2}[日号])?")
# A month or day just written (3月, 12月18日): a 和 after it opens a name (和平大街), joins no date to it.
_DATE_END = re.compile(r"[\d一二三四五六七八九十][月日]$")
_ITEM_BEFORE_DATE = re.compile(r"\d{1,3}[.．](?=(?:[1-9]|1[0-2])月|(?:19|20)\d{2}年)")
_LENGTH_INSIDE = re.compile(rf"{_LENGTH}的?")
_YEARS_AGO = re.compile(r"[\d一二三四五六七八九十几多]+年(?:前|后|来)")
_OPENING_NOTE = re.compile(r"[(（][\u4e00-\u9fff]{1,4}[)）]")
_AMOUNT_END = re.compile(r"\d[万亿]?元$")
# 投6000万建青山广场 (a headline's amount with no 元): the amount ends the name only before the verb it pays for
_BARE_AMOUNT_END = re.compile(r"\d[万亿]$")
_BUILT_WITH = re.compile(r"(?:新建|修建|兴建|建)(?!设|成|湖|国|新|华|业|安|平|宁)")
_YEAR_INSIDE = re.compile(r"(?:19|20)\d\d年")


def _opening_verb_ending_at(norm, pos, lo):
    """True when a verb of works ends at ``pos`` that opens its clause, maybe after an adverb or a
    time (新建 of 新建和平路, 今年新建和平路; not 加固 of 加宽加固和A大桥 nor 新建 of 搬迁新建和县医院:
    after another verb 和 joins the works of two, and 支持 of 支持和服务好… is no works)."""
    verb = stop_ending_at(norm, pos, lo)
    if verb is None or verb not in _ACTION_SET:
        return False
    start = pos - len(verb)
    before = stop_ending_at(norm, start, lo)
    return start == 0 or norm[start - 1] in HARD_BREAKS or before is not None and before in ADVERBS


_ACTION_SET = frozenset(ACTIONS)


def after_year(norm, start, head_start):
    """Where a name starts once a year (or a size) before it is cut off.

    2022年合肥高新区: a date opening the stem is no part of the name; 青山县2022年白石片区: a
    year inside the stem (with 年) starts the name after it, if two characters are left; (改建)海同高速:
    a short bracket opening the stem is a note on the name, not part of it.
    """
    note = _OPENING_NOTE.match(norm, start, head_start)
    if note is not None and head_start - note.end() >= 2:
        start = note.end()
    if NUMBER_CHAR_RE.search(norm, start, head_start) is None and "." not in norm[start:head_start]:
        return start  # no year, day or size without a number
    item = _ITEM_BEFORE_DATE.match(norm, start, head_start)
    if item is not None:
        start = item.end()  # 1.9月太师二附小投入使用: the list's item number, then a month
    ago = _YEARS_AGO.match(norm, start, head_start)
    if ago is not None and head_start - ago.end() >= 2:
        start = ago.end()  # 13年前里阳大桥: a time before the name
    year = _YEAR.match(norm, start, head_start)
    if year is not None and year.end() < head_start:
        start = year.end()
    day = _MONTH_DAY.match(norm, start, head_start)
    if day is not None and head_start - day.end() >= 2:
        start = day.end()  # 2014年8月16日拉日铁路: the day too
    inside = None
    for inside in _YEAR_INSIDE.finditer(norm, start, head_start):
        pass
    if inside is not None and head_start - inside.end() >= 2:
        start = inside.end()
    size = MEASURED.match(norm, start, head_start)
    if size is not None and head_start - size.end() >= 2:
        start = size.end()  # 24班青山小学, 20米宽青山绿道: a size before a name is no part of it
    return start


# --------------------------------------------------------------------------- where a stem starts


# 11所新改扩建学校, 9条灾后重建道路: a count before the works verb that modifies what it counts
_COUNT_BEFORE = re.compile(COUNT_RE.pattern + "(?:新|灾后|震后)?$")
# the last count of a stretch (a length may follow it: 53条145.6公里道路)
_COUNT_INSIDE = re.compile(rf"(?:{COUNT_RE.pattern})(?=(?:{_LENGTH}的?)?\D*$)")
_COUNTED_LENGTH_BEFORE = re.compile(rf"(?:{COUNT_RE.pattern})(?:{_LENGTH})+的$")  # 2条共计长2.7公里、宽5米的
# 17个有特色、功能性强的口袋公园: a count, then what describes the things it counts, then 的
# (a size or capacity may stand in it after a word: 3所占地50亩的中学; 14个、2万平方米以上的广场 is a class)
_COUNTED_DESCRIPTION_BEFORE = re.compile(rf"(?:{COUNT_RE.pattern})(?P<desc>[\u4e00-\u9fff、]{{2,16}}|[\u4e00-\u9fff](?:[\u4e00-\u9fff、]|\d[\d.]*){{1,15}})的$")
_NUMBER_OVERHANG = 6  # characters of a number that may lie before the stretch looked at


def _counted_description(norm, pos, lo):
    """The count before a description ending in 的 at ``pos`` - 1 (17个有特色的口袋公园), else None; not a
    count of one, a size, or a count of places or of a measure (12个村的道路, 36个班的中学: those are what
    is counted)."""
    counted = _COUNTED_DESCRIPTION_BEFORE.search(norm, max(lo, pos - 24), pos) if DIGIT.search(norm, max(lo, pos - 24), pos) else None
    if counted is None:
        return None
    desc, table = counted.group("desc"), heads()
    if counted.group("unit") in SIZE_UNITS or (parse_number(counted.group("num")) or 0) < 2 \
            or desc.endswith(COUNTED_MEASURES) or desc[-1] in table \
            or any(desc[i:i + n] in table for n in range(2, 5) for i in range(len(desc) - n + 1)) \
            or norm[counted.start() - 1:counted.start()] == "等" and DIGIT.search(desc) \
            or DIGIT.search(desc) and _MONEY_IN.search(desc):
        return None  # (有一处1000平方米以上的绿地, 33个集中开工项目中的代表项目: no count of the type; a list's
        # count before a size, A、B等18个1万平方米以上的广场, leaves the list its own; money is no size:
        # 3个总投资30亿元的产业园 are things that need their works, see geo.extract.sized_counts)
    return counted


# A budget or a sum of money in a description (总投资30亿元, 投资5000万元): no size of the things counted.
_MONEY_IN = re.compile("|".join(sorted(BUDGET_WORDS, key=lambda w: (-len(w), w))) + r"|\d[\d.]*[万亿]?元")


def quoted_name(norm, start, head_start):
    """True when the quote opening at ``start`` holds a distinctive stem before the head (“青山湖公园”,
    “广华同城大道”), not a programme's title (“四好农村路”, “两横三纵”: numbers or generic words)."""
    inner = norm[start + 1:head_start]
    return len(inner) >= 2 and HAN_RUN.fullmatch(inner) is not None and NUMBER_CHAR_RE.search(inner) is None \
        and not is_generic(inner) and not any(len(word) > 1 and word in inner for word in GENERIC_SORTED)


def decimal_point(norm, pos):
    """True when ``norm[pos]`` is the point of a decimal number (12.8公里), which breaks no stem."""
    return norm[pos] == "." and norm[pos - 1:pos].isdigit() and norm[pos + 1:pos + 2].isdigit()


def _named_after_and(norm, head_start):
    """True when the head at ``head_start`` is an estate head that a 和 right before belongs to
    (金星和园四期, 爱和家园), not the start of a longer head (园区 of 景区和园区)."""
    for word in NAMED_AFTER_AND_HEADS:
        if norm.startswith(word, head_start):
            return not any(norm.startswith(longer, head_start) for longer in _longer_heads()[word])
    return False


@functools.lru_cache(maxsize=1)
def _longer_heads():
    """{estate head after 和: the longer heads that open with it (园: 园区, 园博园)}."""
    return {word: tuple(h for h in heads() if h.startswith(word) and h != word) for word in NAMED_AFTER_AND_HEADS}


def find_stem(norm, head_start, lo, min_stem, max_stem, free_quotes=False, parents=True):
    """(stem start, stop word, stop start) scanning left from the head; None if no edge found.

    With ``free_quotes`` the quote marks inside the stem do not count toward ``max_stem``
    (“一事一议”财政奖补美丽乡村示范村; not for roads, whose quoted programme opens no name:
    “九联”路网中瓦青路).

    A one-character stop word glued to a stem shorter than ``min_stem`` is part of the name
    and skipped (和平路, 于家村, 将军路); a stop word right before the head leaves an empty stem (学校 in
    开工建设学校10所), which only a count can turn into a record. With ``parents``, a stem too long
    for one name may open with the name of the institution the head's facility belongs to
    (江苏省人民医院|重庆医院, see apposition.name_after_parent).
    """
    if free_quotes and _STEM_QUOTE_RE.search(norm, lo, head_start) is None:
        free_quotes = False  # (most stems: no quote mark to leave out of their length)
    pos, quotes = head_start, free_quotes and head_start > 0 and norm[head_start - 1] in STEM_QUOTES
    quoted = False  # inside a short quote closing before the head (“白石之家”文化中心): no stop word
    closing = head_start > lo and norm[head_start - 1] == "”"  # (else never inside one)
    reach = head_start - max_stem - 8 if head_start - max_stem - 8 > lo else lo
    length = _LENGTH_INSIDE.search(norm, reach, head_start) if DIGIT.search(norm, reach, head_start) else None
    if length is not None:
        max_stem += len(length.group())  # 45条170公里村级公路: the length of what is counted does not count
    while pos > lo:
        char = norm[pos - 1]
        if char in _EDGE_CHARS:  # (most characters are none of these: one test for all)
            if char == ")":
                # 天峨经凤山至巴马(天峨段)高速公路: a section written before the head; 乌恰(常州)工业园区,
                # 西南(泸州)建材产业园: a place in brackets inside the name; 宁宣(黄)铁路: a character
                # of a short name filled in before its head
                inner = (BRACKETED_SECTION_END.search(norm, (pos - 14 if pos - 14 > lo else lo), pos) if pos == head_start else None) \
                    or BRACKETED_PLACE_END.search(norm, (pos - 8 if pos - 8 > lo else lo), pos) \
                    or (BRACKETED_INFIX_END.search(norm, (pos - 3 if pos - 3 > lo else lo), pos) if pos == head_start else None)
                if inner is not None:
                    pos = inner.start()
                    continue
            if char in _CLOSING_QUOTES and pos < head_start and (
                    "“‘《"[_CLOSERS.index(char)] not in norm[(pos - 7 if pos - 7 > lo else lo):pos - 1]
                    or COUNT_RE.match(norm, pos, head_start)):
                # 金山银山”实践创新基地, ”“浏阳河: a quote closed before the stem ends it, unless it
                # quotes a short name (“知宇”口袋公园); a quoted programme before a count ends it too
                # (“三横六纵”九条城市道路)
                return pos, None, None
            if char in CORNER_QUOTES and pos - 1 > lo and CORNER_QUOTES[char] not in norm[pos:head_start]:
                # 东乡「康安路道路拓宽工程」: a quote opened inside the stem holds the name (or its works);
                # the place before it is where they are (“齐鲁之心”生态文化公园 closes its quote first)
                return pos, None, None
            if char == "、" and pos < head_start:
                joined = _joined_designator_start(norm, pos, lo)
                if joined is not None:
                    pos = joined  # 五浦会D、E地块, 生物产业园1、2号路: designators written together share one name
                    continue
            if char == "·" and head_start - pos < min_stem and pos - 1 > lo and "\u4e00" <= norm[pos - 2] <= "\u9fff":
                pos -= 1  # 海拓·和家园: a brand before the dot of a name too short without it
                continue
            if char in HARD_BREAKS and not decimal_point(norm, pos - 1):
                return pos, None, None  # (12.8公里敖江步道: a decimal point is no break)
            if char in "元万亿" and head_start - pos >= 2 and (_AMOUNT_END if char == "元" else _BARE_AMOUNT_END).search(
                    norm, (pos - 4 if pos - 4 > lo else lo), pos) and (char == "元" or _BUILT_WITH.match(norm, pos, head_start)):
                return _past_built_with(norm, pos, head_start)  # 总投资1792万元青山路: an amount ends the name on its left
            if char == "年" and pos - 5 >= lo and _YEAR_INSIDE.fullmatch(norm, pos - 5, pos) and pos < head_start:
                return pos, norm[pos - 5:pos], pos - 5  # 青山县2022年白石片区: a date ends the name on its left
            if char == "设" and head_start - pos >= 2 and (pos - 1 == lo or norm[pos - 2] in _SET_UP_AFTER) \
                    and not norm.startswith(NOT_STOPS, pos - 1):
                return pos, char, pos - 1  # 向东设石岭大桥，设白河大桥 (a route's description: sets up), 设施农业园 a name
            if char == ROUTE_VIA_STOP and head_start - pos >= 1 and (pos - 1 == lo or norm[pos - 2] in _VIA_AFTER) \
                    and not _NOT_VIA.match(norm, pos) and on_a_route_described(norm, pos):
                return pos, char, pos - 1  # ,经青山大道,…止于 (a route's description: passes through); 经济, 经开区, 经二路 are names
            if char == "如" and head_start - pos >= 2 and (pos - 1 == lo or norm[pos - 2] in _SUCH_AS_AFTER) \
                    and not norm.startswith(NOT_STOPS, pos - 1):
                return pos, char, pos - 1  # ，如青松公园二期、滨河公园等: "such as" opens the list (如意湖, 如皋 are names)
            if char == "路" and norm[pos - 2:pos] == "道路" and head_start - pos >= max(1, min_stem) \
                    and any(c in "路街道线" for c in norm[head_start:head_start + 2]) \
                    and not norm.startswith(("街区", "街道"), head_start):
                return pos, "道路", pos - 2  # 城区道路青松路、白石路: the type of the roads listed is no part of the first
            if char == "度" and pos < head_start and norm[pos - 2:pos] == "季度":
                quarter = _QUARTER_END.search(norm, (pos - 10 if pos - 10 > lo else lo), pos)
                if quarter is not None:
                    return pos, quarter.group(), quarter.start()  # 2024年第二季度青山小学: a quarter ends the name
            if char == "度" and pos - 6 >= lo and _YEAR_INSIDE.fullmatch(norm, pos - 6, pos - 1) and pos < head_start:
                return pos, norm[pos - 6:pos], pos - 6  # 2023年度老旧楼房棚户区: a year's batch too
        if closing:
            if char == "”" and pos == head_start:
                quoted = True  # (a short quote closing before the head: see below)
            elif char == "“":
                quoted = False
        # Most characters end no stop word: the rules on stop words are skipped for them.
        stop = stop_ending_at(norm, pos, lo) if char in STOP_LAST_CHARS and not quoted else None
        if stop:
            if stop in _BOUND_DIRECTIONS and pos - 3 >= lo and "\u4e00" <= norm[pos - 3] <= "\u9fff" \
                    and not stop_ending_at(norm, pos - 2, lo):
                stop = stop[-1]  # 浦北至北流清湾高速: 北 ends the place before 至, no bound (北至青山路)
            length = head_start - pos
            if stop and len(stop) == 1 and length > 0 and pos - 1 > lo and norm[pos - 2] == "、" \
                    and stop not in NEVER_IN_NAMES and stop not in ("等", "并"):
                stop = None  # 新华路、和平大街: a list item does not open with a conjunction
            place = _place_cut(norm, pos, lo, stop) if stop and length > 0 else None
            if place is not None:
                # 太原市第一外国语学校分校, 和县第二中学: a stop word is no cut inside a county's name, which opens
                # the name (a join's place may go on to the left: 民和县高铁站 holds 和县, 呼和浩特市…)
                if stop not in _JOIN_STOPS:
                    before = stop_ending_at(norm, place, lo)
                    return place, before, (place - len(before) if before else None)
                stop = None
            if stop and length == 0 and USED_RESOURCE_END.search(norm, (pos - 6 if pos - 6 > lo else lo), pos):
                stop = None  # 固废综合利用产业园: the use of a resource names the place that uses it
            if stop and len(stop) > 1 and 0 < length and ROAD_NAME_OPENING.match(norm, pos, head_start):
                stop = None  # 建设北路西棚户区: a stem does not open with a road's ending; the verb is the road's name
            if stop and norm.startswith(NOT_STOPS, pos - len(stop)) \
                    and len(match_any(norm, pos - len(stop), NOT_STOPS)) >= len(stop):
                # 亿元以上项目, 综合为老服务中心, 城区连接段道路: a word that opens with a stop (a shorter one
                # that opens the stop is none: 对面 of 对面是白石公园)
                stop = None
            if stop == "规划" and length > 0 and norm.startswith(STREET_NAME_ENDINGS, head_start) \
                    and ROAD_NUMBER.fullmatch(norm, pos, head_start):
                return pos - 2, None, None  # 白石片区规划二路: a planned road is named by its number
            if stop in ("和", "以", "沿", "将") and pos - 2 >= lo and norm[pos - 2] not in "了的地得着过" \
                    and not (stop == "将" and stop_ending_at(norm, pos - 1, lo)) and (
                    pos - 2 == lo or norm[pos - 3] in HARD_BREAKS or norm[pos - 3] in "、与和及了的"
                    or multi_stop_ending_at(norm, pos - 2, lo)):
                # 太和片区, 、永和镇, 推进太和城遗址..., 德和路和仁和路, 茅以升学校, 南沿路, 飞将广场, 新建的永和中学: one character between a list edge or
                # a verb and 和/以 makes a place name; a conjunction does not join one character (已将广惠街:
                # 将 after a word of its own is the preposition).
                stop = None
            if stop == "和" and pos - 3 >= lo and _after_own_marker(norm, pos - 2, lo):
                stop = None  # 包括市太和医院, 、区人和小学: one character after 市/县/区 before 和 is a name's
            if stop == "和" and 0 < length < 2 and (pos - 1 == lo or pos - 2 >= lo and norm[pos - 2] == "的"):
                # 民生清单中的和谐公园, 和谐公园、南山公园: 和 right after 的 or opening the clause, before
                # one character, opens a word (和谐, 和平), no conjunction
                stop = None
            if stop == "和" and _one_character_name(norm, pos, head_start) and _name_goes_on_before(norm, pos - 1, lo):
                # 、青岭和平小学(校舍), 、白石新和小学教学楼: a conjunction joins no name of one character
                # (or none, a bare head) to a short word holding no head
                stop = None
            if stop == "和" and length == 0 and _named_after_and(norm, head_start):
                stop = None  # 金星和园四期, 爱和家园: a conjunction joins no bare estate head; 和 is the name's
            if stop == "和" and length > 0 and _DATE_END.search(norm, (pos - 4 if pos - 4 > lo else lo), pos - 1):
                stop = None  # 3月和平大街, 12月18日和菱快速干道: no conjunction joins a date to a place
            if stop == "和" and length > 0 and _opening_verb_ending_at(norm, pos - 1, lo):
                stop = None  # 新建和平快速路, 建设和林格尔新区: a verb opening the clause takes a name opening with 和
            if stop == "和" and length > 0 and pos - 2 >= lo and norm[pos - 2] in " \u3000":
                stop = None  # 效果图 和林格尔新区中学效果图: a conjunction joins nothing over a space; 和 opens the name
            if length == 1 and stop in ("和", "及") and norm[pos - 1:pos + 1] in JOIN_WORDS:
                stop = None  # 青山区和谐小区, 扩建和顺一中: no join leaves one character before a head; 和谐 is a word
            if stop and len(stop) > 1 and length == 1 and norm[pos] in VERB_STREET_ENDINGS and _long_head_at(norm, head_start):
                stop = None  # 新建街小学, 扩建建设路幼儿园: a verb before a street's ending alone names the street (no 街小学)
            if stop == "之" and length > 0 and (pos - 1 == lo or norm[pos - 2] in HARD_BREAKS):
                stop = None  # (之江第一中学、…: the particle 之 follows a word; opening a clause or bracket it is a name's
            if stop == "沿" and length > 0 and pos - 2 >= lo and norm[pos - 2] in "河江湖海溪":
                stop = None  # 伊敏河沿河景观长廊: along the river it names, inside the name
            if stop and len(stop) == 1 and stop in NAME_INITIAL_STOPS and length > 0 \
                    and not (stop == "沿" and _ALONG_A_ROAD.match(norm, pos)) and (
                    (verb_ending_at if stop in PREPOSITIONS_AFTER_ADVERBS else multi_stop_ending_at)(norm, pos - 1, lo)
                    or pos - 1 > lo and norm[pos - 2] in "、与和及"):
                # 建成沿江快速路, 改造向阳路, 和平路与将军路: after a verb or a list separator the
                # preposition is the name's first character (verbs do not take 沿/向 before their object).
                stop = None
            if stop and len(stop) > 1 and 0 < length < min_stem and pos - len(stop) > lo and (
                    norm[pos - len(stop) - 1] in "、和与及" or multi_stop_ending_at(norm, pos - len(stop), lo)
                    or multi_stop_ending_at(norm, pos - len(stop) + 1, lo)) \
                    and not is_generic(norm[pos:head_start + 1]):
                # 沈辽路、建设大路, 打通建设北路: a list item does not open with a verb, nor does a verb
                # follow a verb, so 建设 belongs to a name that would otherwise be too short (unless the
                # stem and the head's first character are a type word: 持续开展农村人居环境整治); nor
                # does a verb overlap one (启动建北巷: 启动, then 建北巷, no 动建).
                stop = None
            elif stop and len(stop) > 1 and length == 0 and pos - len(stop) >= lo and (
                    min_stem > 1 and norm[pos - len(stop) - 1] in "、和与及" or min_stem > 0 and norm.startswith(STREET_NAME_ENDINGS, head_start)) and (
                    pos - len(stop) == lo or norm[pos - len(stop) - 1] in "、和与及" or norm[pos - len(stop) - 1] in HARD_BREAKS
                    or multi_stop_ending_at(norm, pos - len(stop), lo)
                    or street_after_jurisdiction(norm, pos - len(stop), head_start, lo)):
                # 幸福路、建设路, 和平村、建设村, 青年路和建设路: the whole list item is the name; so is a clause's first
                # word (建设路改造), a word after a verb (新建开放大道), as verbs do not follow verbs, or a
                # street's word after the town it is in (青山县建设路).
                stop = None
            if stop == "的" and (min_stem == 0 or is_generic(norm[pos:head_start])):
                counted = _COUNTED_LENGTH_BEFORE.search(norm, (pos - 24 if pos - 24 > lo else lo), pos) or _counted_description(norm, pos, lo)
                if counted is not None:
                    pos = counted.start()  # 3条全长60公里的景观大道: the length of what is counted
                    continue
            if stop and len(stop) > 1 and (min_stem == 0 or is_generic(norm[pos:head_start])):
                counted = _COUNT_BEFORE.search(norm, lo, pos - len(stop))
                if counted is not None:
                    # 11所新改扩建学校: a works verb between a count and its type is a modifier.
                    pos = counted.start()
                    continue
            if stop and len(stop) == 1 and length == 0 and min_stem >= 1 and (norm[head_start] in STREET_HEAD_CHARS or stop == "原"
                                                                     or one_character_before(norm, pos - 1, lo)) \
                    and stop not in NEVER_IN_NAMES and stop not in CONTEXT_VERBS and stop not in NAME_INITIAL_STOPS and stop != "之" \
                    and pos - 1 > lo and norm[pos - 2] not in HARD_BREAKS:
                stop = None  # 许由路, 自由路: a street's last character before 路 is its name's (回家之路 a metaphor); 、天有高中
            if stop and (length >= min_stem or length == 0 or len(stop) > 1 or stop in CONTEXT_VERBS or stop == "等"
                         or stop in NEVER_IN_NAMES or norm[pos:head_start] in DEMONSTRATIVES):
                # 奉浦大桥与东桥: 与 opens no name; 对该路: the road named before, no name of its own
                return pos, stop, pos - len(stop)
        if head_start - pos - quotes >= max_stem:
            if min_stem == 0:
                # 明月山绿色发展示范带28个重点项目: a type counted before it is named from its count.
                # (the count's number may open before the stretch: 等55.2公里自然村庄通达工程)
                counted = _COUNT_INSIDE.search(norm, (pos - _NUMBER_OVERHANG if pos - _NUMBER_OVERHANG > lo else lo), head_start)
                if counted is not None and counted.end() > pos:
                    stop = stop_ending_at(norm, counted.start(), lo)
                    return counted.start(), stop, (counted.start() - len(stop)) if stop else None
            inner = name_after_inner_type(norm, pos, head_start)
            if inner is not None:
                return inner, None, None  # 第六座跨江大桥伏龙大桥: a type opens the name
            # 江苏省人民医院重庆医院: the name of the facility it belongs to opens the name
            return name_after_parent(norm, lo, pos, head_start, min_stem, max_stem, _parent_stem) if parents else None
        pos -= 1
        if free_quotes and pos > 0 and norm[pos - 1] in STEM_QUOTES:
            quotes += 1  # (the marks up to the next character read)
    if pos > 0 and norm[pos] in LAST_ITEM_JOINS and pos + 1 < head_start and norm[pos - 1] not in HARD_BREAKS \
            and not (head_start - pos == 2 and norm[pos:pos + 2] in JOIN_WORDS):
        # 城中村和整村: a conjunction right after the mention before it opens no name (三河市|和平公园: one
        # character before the head makes a word with it).
        return pos + 1, norm[pos], pos
    return pos, None, None


_JOIN_STOPS = ("和", "及", "与")  # (a join's place goes on to the left: 民和县, 呼和浩特市)


def _place_cut(norm, pos, lo, stop):
    """Where the county or city name across ``pos`` starts when it holds the stop word ending there, or None.

    The place opens before the stop word (太原市 holds 原) or with it when it is one character (和县); a
    join (和/及/与) only when the report writes the place elsewhere too (县城文化中心和县广播电视台, written
    once, joins; see geo.extract.place_words). A verb opening the place or holding its start is the verb
    (新建区委党校: 新建 then 区委; 完成县城小学: no 成县)."""
    place = place_across(norm, pos, lo)
    if place is None or place[0] > pos - len(stop) or place[0] == pos - len(stop) and len(stop) > 1:
        return None
    return place[0] if stop not in _JOIN_STOPS or written_elsewhere(norm, place[1], place[0]) else None


def _long_head_at(norm, head_start):
    """True when a head of two characters or more starts at ``head_start`` (小学, 幼儿园; not 灯 of 路灯)."""
    table = heads()
    return any(norm[head_start:head_start + size] in table for size in range(2, 6))


def _parent_stem(norm, head_start, lo, min_stem, max_stem):
    """A parent facility's stem (see apposition.name_after_parent), found with no parent of its own."""
    return find_stem(norm, head_start, lo, min_stem, max_stem, parents=False)


# A jurisdiction's own marker (市太和医院: the city's 太和医院) and the characters that make a word
# with it (市区, 县城, 市场, 区域...), after which 和 is a conjunction.
_OWN_MARKERS = "市县区"
_WORDS_WITH_MARKER = "区城场域内外级属直委民镇乡里"


def _after_own_marker(norm, pos, lo):
    """True when norm[pos] is one character after 市/县/区 that opens the clause, a list item or
    follows a verb (包括市太和医院, 、县人和中学), so 和 after it is inside a name.

    Parameters
    ----------
    norm : str
        The normalised text.
    pos : int
        Offset of the character between the marker and 和.
    lo : int
        The clause's start.
    """
    if norm[pos] in _WORDS_WITH_MARKER or norm[pos - 1] not in _OWN_MARKERS:
        return False
    before = pos - 1
    return before == lo or norm[before - 1] in HARD_BREAKS or norm[before - 1] in "、与和及了的" \
        or bool(multi_stop_ending_at(norm, before, lo))


def _past_built_with(norm, pos, head_start):
    """(stem start, verb, verb start) after an amount at ``pos``: 投6000万元建青山广场 builds 青山广场.

    The verb the amount pays for (建, 新建) is no part of the name when at least two characters stay.
    """
    verb = _BUILT_WITH.match(norm, pos, head_start)
    if verb is None or head_start - verb.end() < 2:
        return pos, None, None
    return verb.end(), verb.group(), pos


def _one_character_name(norm, pos, head_start):
    """True when ``norm[pos:head_start]``, right of a 和, is one character, or at most one before a
    head of two characters or more (平|小学 before 校舍, 小学 before 教学楼), and no generic word (旧小区)."""
    table = heads()
    right = norm[pos:head_start]
    return (len(right) == 1 and not is_generic(right)) or right in table \
        or len(right) >= 3 and right[1:] in table and not is_generic(right[0])


def _name_goes_on_before(norm, pos, lo):
    """True when the word before ``pos`` (a 和) is the start of a name rather than a conjunct: two or
    three Han characters after a break or a stop word, holding no head, no generic word, no jurisdiction
    (、青岭|和平小学, 、白石新|和小学; 一中|和二中, 路基|和北屯火车站, 省级|和美乡村, 府谷县|和谐小区 are conjuncts)."""
    start = pos
    while start > lo and pos - start < 4 and "\u4e00" <= norm[start - 1] <= "\u9fff" \
            and not stop_ending_at(norm, start, lo):
        start -= 1
    word = norm[start:pos]
    if not 2 <= len(word) <= 3 or not (start == lo or norm[start - 1] in HARD_BREAKS or stop_ending_at(norm, start, lo)):
        return False
    table = heads()
    return not any(word[i:k] in table for i in range(len(word)) for k in range(i + 1, len(word) + 1)) \
        and not is_generic(word) and word[-1] not in JURISDICTION_SUFFIXES
_CLOSERS = "”’》"
_CLOSING_QUOTES = frozenset(_CLOSERS)


def _joined_designator_start(norm, pos, lo):
    """Where a designator joined to the next by the 、 at ``pos - 1`` starts, or None.

    ``五浦会D、E地块安置房``, ``永兴岛3、4号楼``: two designators of one kind (digits, or a capital
    letter) written together after a stem of Han characters, before one head, are one name, as
    written; a list of items each with its own word (230号、382号) is not joined. The first
    designator may open the stem where the mention before ends (生物产业园|1、2号路), which
    :func:`geo.extract.mentions.clause_mentions` then joins to that mention.
    """
    after = DESIGNATOR.match(norm, pos)
    if after is None:
        return _joined_side_start(norm, pos, lo)
    for width in (1, 2):
        start = pos - 1 - width
        if start < max(lo, 1):
            return None
        item = norm[start:pos - 1]
        if DESIGNATOR.fullmatch(item) and item.isdigit() == after.group().isdigit() \
                and "\u4e00" <= norm[start - 1] <= "\u9fff" and not stop_ending_at(norm, start, lo):
            return start
        if not item.isdigit():
            return None
    return None


def _joined_side_start(norm, pos, lo):
    """Where a side of a place joined to the next by the 、 at ``pos - 1`` starts, or None:
    ``端州区东、西片区老旧小区`` (two sides of one place, one character each, before one head: one
    name, as written, as 五浦会D、E地块 is); not before a street's head (沿河东、西路 are two roads)."""
    start = pos - 2
    if start < max(lo, 1) or norm[pos] not in DIRECTIONS or norm[start] not in DIRECTIONS or norm[start] == norm[pos] \
            or not "\u4e00" <= norm[start - 1] <= "\u9fff" or norm[start - 1] in DIRECTIONS or stop_ending_at(norm, start, lo) \
            or norm[pos + 1:pos + 2] in STREET_HEAD_CHARS or norm.startswith(STREET_NAME_ENDINGS, pos + 1):
        return None  # (沿河东、西路: two streets, each its own name)
    return start


# The characters find_stem looks at before the stop words (brackets, quotes, breaks, amounts, years).
_STEM_QUOTE_RE = re.compile("[" + "".join(sorted(STEM_QUOTES)) + "]")
_EDGE_CHARS = HARD_BREAKS | _CLOSING_QUOTES | frozenset(CORNER_QUOTES) | frozenset(")元万亿年度如路设" + ROUTE_VIA_STOP)
_QUARTER_END = re.compile(r"(?:\d{4}年)?第?[一二三四1-4]季度$")
# What 经 (a route passes through) follows when it opens the places it passes: a break, or
# 又/再/后/并 (又经青山镇); what follows it in a word (经济, 经开区, 经营, 经贸, 经纬, 经二路).
_VIA_AFTER = HARD_BREAKS | frozenset("又再后并")
_NOT_VIA = re.compile(r"[济开营贸纬\d一二三四五六七八九十]")
# What 如 ("such as") follows when it opens a list of examples: a break, or the type they are of.
_SUCH_AS_AFTER = HARD_BREAKS | frozenset("目程等")
# What 设 (sets up) follows in a route's description: a break, the direction it goes (向东设), the
# line it is on (全线设) or 新 (新设: newly set up).
_SET_UP_AFTER = HARD_BREAKS | frozenset("东西南北线新")