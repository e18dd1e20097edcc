"""Regular expressions, character classes and length limits of the extraction rules (words are in lexicon)."""

from __future__ import annotations

import re

from geo.lexicon import BUDGET_WORDS, MEASURE_NOUNS, MEASURE_UNITS, SECTION_UNITS, UNITS_BY_GROUP, VOLTAGE_UNITS, heads
from geo.names import ENCLOSED_FIRST, ENCLOSED_LAST
from geo.numbers import NUMERALS
from geo.settings import ROUTE_ENDS_REACH

# Characters that always end a stem (quotes are allowed inside names: 图书“五位一体”工作示范点).
# Bullets and list marks (●, ◆, ■, ★, •, ※, ①, ⑴, arrows, dingbats, an asterisk) end a stem too: they
# open (or mark: *新增1家…、*3家…) items of web pages, lists and flattened tables, never a name.
_MARKS = "\u2022\u2023\u2043\u203b" + "".join(
    chr(c) for lo, hi in ((0x2190, 0x21FF), (ord(ENCLOSED_FIRST), ord(ENCLOSED_LAST)), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF))
    for c in range(lo, hi + 1))
HARD_BREAKS = frozenset(",;:。!?、()[]{}<>|/…—·.【】〔〕〖〗*\t\r\n \u3000" + _MARKS)
DASHES = "—–-－~～"
# What joins the items of a plain list of places (青山路、白石路和红水路): after one, another item follows.
LIST_JOINS = ("、", "和", "及")
# The characters joining a list's items, 与 with them (青山花园、红水堡与白石湾; 1个220千伏和4个110千伏…).
LIST_JOIN_CHARS = "、和及与"
# The marks that end a clause in normalised text (NFKC: full-width ，；： are these).
CLAUSE_MARKS = ",;:。"
# What joins the two ends of a range or route (A至B段, 大四站—倭肯).
RANGE_MARKS = "至" + DASHES
# How a bracket opens in a name as written (a record's name keeps the report's own brackets).
OPENING_BRACKETS = ("(", "（")
# Corner quotes (Taiwan, Hong Kong) and their closers: a name may follow one opened inside a stem
# (东乡「康安路道路拓宽工程」), and a name the tagger widens opens inside none.
CORNER_QUOTES = {"「": "」", "『": "』"}
# Opening quotes and their closers (a stem may open with one: 张勇说:“南开中学在…).
QUOTE_CLOSERS = {"“": "”", "‘": "’", **CORNER_QUOTES, "《": "》"}
# Categories of linear projects, which take place-name sections (济微高速东平段).
LINEAR = frozenset({"road", "rail", "water"})
ROAD_CATEGORIES = frozenset({"road_new", "road_rebuild", "road_greening"})  # (asked of every record: a set look-up)
# A road whose action says neither new nor greening is rebuilt.
DEFAULT_ROAD_CATEGORY = "road_rebuild"
# What a building named by its street is (白石路综合楼: a block of the town, no road)
BUILDING_BY_STREET_CATEGORY = "area"
COUNTED_PROJECTS = "project"  # projects counted with no place type (categories.csv)
# What a list item ends like when it is a township (镇, 乡 or 街道 all count as one shape).
TOWNSHIP = "township"


CN_DIGITS = NUMERALS  # 零〇一二两三四五六七八九十百千
NUM = rf"(?:\d+(?:\.\d+)?|[{CN_DIGITS}]+)"

# Section qualifiers kept inside one project: 东段, C段, 北延, 南通, 一期, 改线, (A至B段), 南(A-B),
# A至B段, A-B段, 东延至A, 西接A工程 (搬迁至A路东段 is where a facility moves to, no range; 公路和国道X线A至B段
# is a second road, as no range opens with a conjunction). The sides of a place are kept with it where they
# are the works' area: renewed (青山路两侧改造, 青山广场周边综合整治) or listed (A路两侧、B片区; A周边等区域).
# A landmark's dash range (广成桥——永康北路路段) is a stretch from it: see extents._sections_end.
_SECTION_BODY = (
    r"\((?P<paren>[^()]{1,24}?[至到\-—–~][^()]{1,24}?|[GSXY]\d{1,4}线?|[^()]{2,12}?(?:医院|卫生院|学校|小学|中学|幼儿园)|[^()]{0,10}?(?:段|期|校区|院区|延线|[小初高]中部|小学部)|[东西南北中]区|[东西南北]出城?口|部分|[^()]{2,10}?以[东西南北])\)"
    r"|(?P<range>(?![和及与])[^\s,;:。!?、()]{0,12}?(?<![迁移])至[^\s,;:。!?、()]{1,12}?段|[\u4e00-\u9fff]{2,6}[\-—–~][\u4e00-\u9fff]{2,6}段"
    r"|[\u4e00-\u9fff]{1,6}?(?:大道|大街|路|街)和[\u4e00-\u9fff]{1,6}?(?:大道|大街|路|街)段)"
    r"|(?P<dash_range>[—–~]{1,2}[\u4e00-\u9fff]{2,10}?段)"
    r"|(?P<extension>[东西南北]延伸?至[^\s,;:。!?、()]{2,12}?(?=[,;:。!?、()\s]|工程|项目|建设|$)|[东西南北]延?接[^\s,;:。!?、()]{2,12}?(?=工程|项目))"
    r"|(?P<simple>周边(?:区域|地区|片区|地块|(?:规划)?(?:市政|配套)?道路)|(?:周边|两侧)(?=(?:环境)?综合整治|改造(?:[,;:。!?、\s]|$)|、|等)|[东西南北中]段|[A-Z]\d?段|[A-Z]\d?区(?!域)|[东西南北](?=\([^()]{1,24}?[至\-—–~])|[东西南北]区|(?:东北|东南|西北|西南|东西|南北|[东西南北])?(?:延长线|延伸线|延伸段)|[东西南北]延伸?(?:线|段)?|[东西南北]通(?=工程|项目|[,;:。!?、\s]|$)|[东西南北]出城?口|延伸段|延伸线|延长线|延伸(?=工程|项目)|支线|复线|改线段?|[一二三四五六七八九十\d]+期)"
)
# What a section can open with; a range (A至B段, A-B段) is any text up to 段 within 25 characters.
SECTION_FIRST = r"(东西南北中周两A-Z延支复改一二三四五六七八九十\d"
SECTION_RE = re.compile(rf"(?=[{SECTION_FIRST}]|[^段]{{0,25}}段)(?:{_SECTION_BODY})")
# Another name of a road in brackets, kept with it: 新城大路(南部快速路), 郭洲路(旧广虎路),
# 海榆东线(国道223), 野鸡城沟(含窑湾沟).
ALIAS_RE = re.compile(
    r"\((?:旧|原|即|又称|含)?(?:[\u4e00-\u9fff]{1,8}(?:路|街|大道|快速路|公路|高速|线|沟|河|渠)|(?:国道|省道|县道)\d{1,4}(?:线)?)\)")
# A section in brackets ending a stretch of text: 平塘至天峨(天峨段), 巴马(天峨段)高速公路.
BRACKETED_SECTION_END = re.compile(r"(?<=[\u4e00-\u9fff])\([\u4e00-\u9fff]{1,8}段\)$")
# A place in brackets inside a name, right before its head: 青神(观金)互通, 乌恰(常州)工业园区.
BRACKETED_PLACE_END = re.compile(r"(?<=[\u4e00-\u9fff]{2})\([\u4e00-\u9fff]{2,4}\)$")
# One character of a short name filled in, in brackets, right before its head (宁宣(黄)铁路, 兴华(富)园,
# 新(店)高(梁)路: see stems.find_stem).
BRACKETED_INFIX_END = re.compile(r"(?<=[\u4e00-\u9fff])\([\u4e00-\u9fff]\)$")
# How a street's own name ends: geo.lexicon.STREET_NAME_ENDINGS.
STREET_HEAD_CHARS = "路街巷村"  # one-character heads of a street or village (许由路, 辽原村: 由, 原 before the head are the name's)
# A street's endings a works verb before them names (新建街小学, 建设路幼儿园: stems, statistical).
VERB_STREET_ENDINGS = "路街巷"
# A place-name section of a linear project (济微高速东平段, 国道220线东平湖段): roads, rail, water.
# A 街道 may be named after a street and run longer (纬北路街道段, 桑梓店街道段, 天桥东街街道段).
# A stretch within a place's bounds (S48青山境内) is one too; the place holds no particle (在A境内)
# and is no attribute (A境内的扩建工程: the works within it).
PLACE_SECTION_RE = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,4}?(?:境内段|段)|[\u4e00-\u9fff]{2,5}街道段"
                              r"|(?:(?![在从自等于的和与及])[\u4e00-\u9fff]){2,4}?境内(?!的))")
# A phase after a headless name (宽厚里二期).
PHASE_RE = re.compile(r"[一二三四五六七八九十\d]{1,2}期")

_ALL_UNITS = sorted({u for units in UNITS_BY_GROUP.values() for u in units}, key=lambda u: (-len(u), u))
LONGEST_UNIT = max(map(len, _ALL_UNITS))  # characters of the longest counting unit (公里, 平方公里...)
# Words that bound a count before its number: 不少于75个, 约20所, 共12条, 总计17条; 各 gives each type
# listed before it that count (垃圾中转站、公厕各4座).
COUNT_PREFIX = "不少于|不低于|不超过|超过|达到|多达|各达|各|约|共计|总计|合计|共|近"
# A count: 13条, 十三条, 2400余个, 100个以上, 不少于75个.
# 四大片区 counts the areas (大 as a unit), 一大批 is vague, a road named by a date (五四大道,
# 三八大街) is no count (十大道路工程 is); 17大项64个项目 counts the 64 projects,
# and so does 6个方面27个项目 (the aspects are no things counted); an ordinal's number (第四条跨江大桥)
# is no count (see stems._ORDINAL).
# A section unit after a Chinese numeral (人民南路二段, 圣宴路南一段道路) is no count; in digits it is (5段道路).
_SECTIONS_IN_NUMERALS = "".join(f"(?<![{CN_DIGITS}]{unit})" for unit in SECTION_UNITS)
# A place named by a numeral, 大 and a one-character place word before a type (八大湖小区, 三大关景区)
# is no count of that type (四大片区, 三大园区 and 四大河流 are: the word after 大 is a type itself).
# The type after the place word is told by its first character (a full list of the types here would
# be compiled again into each pattern made from COUNT_RE's: some 50 ms at every start).
_ONE_CHAR_PLACES = "".join(sorted(h for h, row in heads().items() if len(h) == 1 and row[1] == "name"))
_PLACE_TYPES = "|".join(sorted((h for h in heads() if len(h) >= 2 and h[0] in _ONE_CHAR_PLACES), key=len, reverse=True))
_TYPE_OPENINGS = "".join(sorted({h[0] for h in heads() if len(h) >= 2}))
_NUMERAL_PLACE = rf"(?!(?<=大)(?!(?:{_PLACE_TYPES}))[{_ONE_CHAR_PLACES}](?:[{_TYPE_OPENINGS}]|$))"
COUNT_RE = re.compile(rf"(?:{COUNT_PREFIX})?(?<!\d)(?<!\d\.)(?<!第)(?P<num>{NUM})(?:余|多)?(?P<unit>{'|'.join(_ALL_UNITS)})(?!(?P=unit))(?<!一大)(?<!大大)(?!(?<=大)[项类][\d{CN_DIGITS}])(?!(?<=大)(?:道(?!路)|街)){_NUMERAL_PLACE}{_SECTIONS_IN_NUMERALS}(?!批)(?!方面[\d{CN_DIGITS}])(?:以上|左右)?")
# A character that opens a count's number: a text without one holds no count.
NUMBER_CHAR_RE = re.compile(rf"[\d{CN_DIGITS}]")
_LONGEST_COUNT_PREFIX = max(map(len, COUNT_PREFIX.split("|")))  # (不少于)


def counts_in(text, start=0, end=None):
    """``COUNT_RE.finditer(text, start, end)``, searched from the first number character of the
    stretch less the longest COUNT_PREFIX word (no count opens before: its number opens with one);
    COUNT_RE, which the engine tries at every position, is not tried over the stretch before."""
    end = len(text) if end is None else end
    first = NUMBER_CHAR_RE.search(text, start, end)
    if first is None:
        return iter(())
    return COUNT_RE.finditer(text, max(start, first.start() - _LONGEST_COUNT_PREFIX), end)


def count_search(text, start=0, end=None):
    """``COUNT_RE.search(text, start, end)`` searched as :func:`counts_in` searches."""
    return next(counts_in(text, start, end), None)


# Road and rail codes: G105, 省道S243线, 县道X032, 104国道, 地铁6号线, R3线 (县道5条 counts roads).
_CODE_BODY = (
    r"(?P<road>(?:国道|省道|县道|乡道)(?:[GSXY]?\d{1,4}|[\u4e00-\u9fff]{2,4}?)线|(?:国道|省道|县道|乡道)(?:[GSXY]\d{1,4}|\d{1,4}(?![\d.]|条|公里|千米|米|余|多))|[GSXY]\d{1,4}(?:国道|省道|县道|线|[\u4e00-\u9fff]{2}线(?=[\u4e00-\u9fff]{2}段|[^\u4e00-\u9fff]|改|拓|提|大修|建设))?"
    r"|\d{1,4}(?:国道|省道)线?)"
    r"|(?P<rail>(?:地铁|轨道交通|轻轨)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})号线|(?:地铁|轨道交通)?[RM]\d{1,2}线|有轨电车T\d{1,2}线)"
)
# The characters a code can open with: the scan tries the code's alternatives only there.
CODE_FIRST = r"国省县乡GSXY\d地轨轻一二三四五六七八九十RM有"
# _CODE_BODY with its first character consumed as one class (the engine searches for it; a look-ahead
# first was tried at every position) and each alternative testing, behind, the character it opens with.
# The road and rail groups start after that character (only whether one matched is used).
_NUMERALS = "一二三四五六七八九十"
_CODE_REST = (
    r"(?P<road>(?<=[国省县乡])道(?:[GSXY]?\d{1,4}|[\u4e00-\u9fff]{2,4}?)线|(?<=[国省县乡])道(?:[GSXY]\d{1,4}|\d{1,4}(?![\d.]|条|公里|千米|米|余|多))|(?<=[GSXY])\d{1,4}(?:国道|省道|县道|线|[\u4e00-\u9fff]{2}线(?=[\u4e00-\u9fff]{2}段|[^\u4e00-\u9fff]|改|拓|提|大修|建设))?"
    r"|(?<=\d)\d{0,3}(?:国道|省道)线?)"
    rf"|(?P<rail>(?:(?<=地)铁|(?<=轨)道交通|(?<=轻)轨)(?:\d{{1,2}}|[{_NUMERALS}]{{1,3}})号线|(?<=\d)\d?号线|(?<=[{_NUMERALS}])[{_NUMERALS}]{{0,2}}号线"
    r"|(?:(?<=地)铁|(?<=轨)道交通)[RM]\d{1,2}线|(?<=[RM])\d{1,2}线|(?<=有)轨电车T\d{1,2}线)"
)
CODE_RE = re.compile(rf"[{CODE_FIRST}](?:{_CODE_REST})")
# County and provincial roads named by the two places they join (辛高线, 甬临复线), accepted
# only among other such names or before a road word (see routes.county_road_ok).
COUNTY_ROAD_RE = re.compile(r"[\u4e00-\u9fff]{2}复?线")
# A county road's number written without its letter (023 of 023黄田线: a leading zero) or after its class
# (县道026 of 县道026黄田线), before its two-place name in 线.
BARE_ROAD_NUMBER = r"(?:(?<![0-9A-Za-z.])0\d{2}|(?:国道|省道|县道|乡道)\d{1,4})"
# Two Han characters: a place shortened to its first two (河金省道, 辛高线).
TWO_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
# A run of Han characters (a stem with no digit, letter or mark).
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
# One designator of a plot, building or road, digits or a capital letter, written together with the
# next after 、 (五浦会D、E地块, 永兴岛3、4号楼: see stems.find_stem).
DESIGNATOR = re.compile(r"\d{1,2}|[A-Z]")
# Schools named by a number (85中, 88小, 汉沽三中, 长安十小, 十三幼) when the noun phrase ends after them.
NUMBERED_SCHOOL_RE = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})[中小幼]")
NUMBERED_SCHOOL_HEADS = "中小幼"  # what a number before it makes a school (NUMBERED_SCHOOL_RE: 三中, 十小)
# A rating between a count and the noun it counts (莱州港2个10万吨级泊位, 3个35千伏变电站): the
# noun after it is what the count counts.
VOLTAGE_UNIT = "|".join(VOLTAGE_UNITS)  # (a pattern: 千伏|kV|...)
RATING_RE = re.compile(rf"\d+(?:\.\d+)?(?:{VOLTAGE_UNIT}|万?千瓦|兆瓦|万?吨级)")
# Measures attached to the nearest project of the sentence (学位4500个, 新增停车泊位2400个): a noun
# then a number, or a number then a noun. The first character is consumed as one class the engine
# searches for (a noun's or a number's), and each alternative tests it behind: the noun1 and num2
# groups start after it (measure_parts puts it back).
_MEASURE_FIRST = "".join(sorted({noun[0] for noun in MEASURE_NOUNS})) + rf"\d{CN_DIGITS}"
_NOUN_RESTS = "|".join(f"(?<={noun[0]}){noun[1:]}" for noun in MEASURE_NOUNS)
_NUM_REST = rf"(?<=\d)\d*(?:\.\d+)?|(?<=[{CN_DIGITS}])[{CN_DIGITS}]*"
MEASURE_RE = re.compile(
    rf"[{_MEASURE_FIRST}](?:(?P<noun1>{_NOUN_RESTS})(?:约|达到|达|共|超过)?(?P<num1>{NUM})(?P<unit1>{'|'.join(MEASURE_UNITS)})"
    rf"|(?P<num2>{_NUM_REST})(?P<unit2>{'|'.join(MEASURE_UNITS)})(?:以上)?(?P<noun2>{'|'.join(MEASURE_NOUNS)}))"
)


def measure_parts(match):
    """(noun, number, unit) of a MEASURE_RE match, the first character put back in front of its group."""
    if match.start("noun1") >= 0:
        return match.string[match.start():match.end("noun1")], match.group("num1"), match.group("unit1")
    return match.group("noun2"), match.string[match.start():match.end("num2")], match.group("unit2")

# The name tagger (geo/data/name_tagger.npz): a name it proposes with at least this confidence
# (the smallest label probability along it) and that no rule found becomes a record if the
# rules' filters pass it; a rule's name whose characters it holds to be outside any name with
# at least this mean probability is dropped. Chosen by leave-one-text-out cross-validation over
# the real texts; the drop threshold lowered from 0.95 once the tagger was trained on the blind
# sets (on the unread sets -0.003 recall, +0.011 named precision; docs/extraction_accuracy.md).
TAGGER_ADD_CONFIDENCE = 0.7
TAGGER_DROP_OUTSIDE = 0.9
# A name the tagger proposes with at least this confidence is added even where the rules saw a
# place and discarded it (or one listed next to it): the record model judges it. Chosen on the
# tagger_only sets, each tagged by a tagger trained without it (recall +13 rows of 3,348, named
# precision unchanged; docs/extraction_accuracy.md).
TAGGER_OVERRULES = 0.9
# A road the tagger proposes with at least this confidence needs no distinctive stem when a project word
# follows it (新建街综合改造项目, 城市快速路南区段等项目: geo.extract.added_names). Measured at 0.9 (0.99 lost
# rows and kept a false name on the unread sets).
TAGGER_TRUSTS_ROAD = 0.9
# A rule name inside a longer name the tagger proposes with at least this confidence becomes
# that name (geo.extract.widened_names.extend_to_names).
TAGGER_EXTENDS = 0.8
# A named record's name is dropped when none of its mentions is a project with at least this
# probability by the record model (geo/data/record_model.json, see geo.extract.confidence).
# Below 0.5, the even odds: a project missed costs a planner more than a false name, which the
# catalog shows and a planner deletes. On the tagger_only sets, each with a tagger and a record
# model fitted without it: 0.3 gives recall 0.796 / named precision 0.764, 0.4 0.790 / 0.786,
# 0.5 0.778 / 0.808 (docs/extraction_accuracy.md).
RECORD_MIN_CONFIDENCE = 0.4
# Texts of at least this many characters are cut at a line end, and the lines after the cut
# normalised, tagged and put through the rules in a forked worker process while this process
# does those before it (0: never); shorter ones in the process itself.
PARALLEL_MIN_CHARS = 50_000
# The share of the characters this process keeps (the cut is at the first line end after it);
# this process also makes the features of both parts once the worker is done. A little over
# half: the worker also packs and pickles its records (on 1 MB, about 150 M instructions; the
# pages it copies after the fork cost about what this process's own new pages do). Measured on
# the bench's 1 MB (callgrind): at 0.52 this process's part took 9,514 M instructions and the
# worker's 9,057 M with its packing, at 0.505 9,181 M and 9,380 M: the two meet near 0.51.
PARALLEL_OWN_SHARE = 0.51
# Hard-wrapped text (copied from a PDF or a scanned yearbook: every line cut at the same width,
# mid-sentence): a line break is dropped when the line before is as wide as the text's wrapped
# lines (display width: a Han character or full-width mark counts 2, ASCII 1) and ends in no
# sentence mark. The wrap width is the most common width of lines at least WRAP_MIN_WIDTH wide,
# give or take WRAP_SLACK below and WRAP_OVER above (a line ends early when a number or a
# word does not fit); it holds when at least WRAP_MIN_LINES distinct lines have it, at least
# WRAP_MIN_SHARE of the distinct wide lines, and at least WRAP_MIN_UNENDED of them end in no
# sentence mark (headlines and captions of one width mostly do not go on).
WRAP_MIN_WIDTH = 34  # 17 Han characters: a two-column PDF page holds 17 to 20 a line
WRAP_SLACK = 6
WRAP_OVER = 2
WRAP_MIN_LINES = 6
WRAP_MIN_SHARE = 0.3
WRAP_MIN_UNENDED = 0.6
# Narrow columns (a two-column A4 page at 三号, a newspaper column: 10 to 16 characters a line) wrap
# below WRAP_MIN_WIDTH, as wide as lists a line each, table cells and the phrase-a-line text of web
# articles. A narrow wrap width (at least WRAP_NARROW_MIN_WIDTH) holds only where no wide one does,
# where the distinct lines of its band are at least WRAP_NARROW_MIN_SHARE of all distinct lines with
# text, and where at most WRAP_NARROW_MAX_OVER of them are wider than the band: a column's lines
# are almost all of its width and none wider (a paragraph's last line aside), where short lines
# written one by one spread over every width and stand among longer ones.
WRAP_NARROW_MIN_WIDTH = 20  # 10 Han characters
WRAP_NARROW_MIN_SHARE = 0.4
WRAP_NARROW_MAX_OVER = 0.1
# A time said between a name and its works, after any adverbs (将于年底前投用, 已于去年完工,
# 计划于2024年6月底前建成, 今年上半年开工, 一季度开通, 今年第三季度末建成), or the day a news piece
# gives (今日启用, 昨日开工, 今天竣工, 今(5)日启用): passed over like an adverb.
# A works noun right after a name: two characters the lexicon need not know, then 工程 (提质工程,
# 改迁工程), closing the clause, the list item or the phrase (和, 及).
WORKS_NOUN_RE = re.compile(r"[\u4e00-\u9fff]{2}工程(?=$|[,;:。!?、()\s和及])")
WORKS_TIME_RE = re.compile(r"[于在]?(?:(?:19|20)\d{2}年|[今明去当]年|年内|年底|年初|年中|年前|[上下]半年|近期|\d{1,2}月|第?[一二三四1-4]季度"
                           r"|[今昨]日|[今昨]天|今\(\d{1,2}\)日)"
                           r"(?:[上下]半年|\d{1,2}月|第?[一二三四1-4]季度)?(?:年?底|年?内|初|末|中旬|上旬|下旬|份)?(?:以前|之前|前)?")
# A length between a name and its works (半苗线56.9公里路基路面改造, 青山路800米的改造).
LENGTH_AFTER_RE = re.compile(r"的?\d+(?:\.\d+)?(?:公里|千米|km|KM|延米|米)的?")
# A budget right after a name, on its line (青山快速道路 总经费逾39亿, 改善经费约需240万元): a budget word, an
# approximation, a figure.
BUDGET_AFTER_RE = re.compile(r"[ \t\u3000]*(?:%s)(?:约需|约|逾|达|为|共计|需)?[\d一二三四五六七八九十百千]"
                             % "|".join(map(re.escape, BUDGET_WORDS)))
INCLUDED_MEMBER_END = "在内"  # 包括长者公园在内的8个新建公园: a member of the group counted after it
# The verb a route passes places by (起于A,经B路,止于C): opening a clause near the route's
# ends it ends a stem (geo.extract.stems) and makes the places it governs context.
ROUTE_VIA_STOP = "经"
_ROUTE_ENDS = re.compile(r"起于|起点|止于|终点|终于|顺接")
# The standard works are done to, before their verb (按三级公路标准改建, 按照城市主干道标准进行建设).
STANDARD_BEFORE_WORKS_RE = re.compile(r"(?:按照|按|依照)[^,;。!?\n]{1,12}?标准")


def on_a_route_described(norm, pos):
    """True when a route's start or end (起于, 止于, 终点…) is described near ``pos``: a 经
    there says where the route passes (记者驱车经A路 is a drive, 经专家论证 a process)."""
    return _ROUTE_ENDS.search(norm, max(0, pos - ROUTE_ENDS_REACH), pos + ROUTE_ENDS_REACH) is not None


CLAUSE_BREAKS = ",;。!?:\n"  # what ends a clause a rule looks back through


def clause_floor(norm, clause_start, lo, end, marks=CLAUSE_BREAKS):
    """Where a look back over ``norm[lo:end]`` for a run holding none of ``marks`` may begin.

    Such a run ending at ``end`` lies after the last of them: ``clause_start`` when the character
    before it is one (and it is within reach), else ``lo``. The answer of the search is the same,
    over fewer characters.
    """
    if lo < clause_start <= end and norm[clause_start - 1] in marks:
        return clause_start
    return lo


# Planning documents drawn up for places listed before them (城西新区、环城南路两侧的城市设计编制,
# 丽湖等单元控规编制): the places are context, not works.
# (沙尾村改造规划编制 plans works on the place: a project.)
PLANNING_AFTER_RE = re.compile(r"(?:两侧|周边|沿线)?(?:的|等)?(?:单元)?(?:城市设计|控规|详细规划|总体规划|专项规划|规划)(?:编制|修编)"
                               r"|(?:已|均|正在)?(?:编制完成|完成编制)")  # (A村、B村等8个村已编制完成: their plans)
# A part of a town named by its direction (城东, 城南, 西北片, 东部): listed before a road type, a
# part of town the works are in, not a road.
DIRECTION_AREA_RE = re.compile(r"城[东西南北]{1,2}|[东西南北]{1,2}(?:片区?|城|部|区)?")
# A heading the next words describe as a project (长风绿地:该工程位于…): the heading names it.
DESCRIBED_PROJECT_RE = re.compile(r"[:：]\s*(?:该|本|此)?(?:工程|项目)")
# A visited place's own works named after it (踏勘青松祠戏台新建工程, 深入A公园、B河综合治理工程现场): the
# project inspected, not a place of context (来到白石路棚户区改造项目: the works are a district's, 区).
VISITED_OWN_WORKS_RE = re.compile(r"等?(?:(?!区)[\u4e00-\u9fff]){0,6}?(?:新建|改扩建|改建|扩建|改造|提升|整治|治理|修缮|改善"
                                  r"|拓宽|修复|整建|维修|翻修|硬化|建设)(?:工程|项目)")
# What a place visited with works named after it may not be for them to be its own: a village or district
# (调研白石村人居环境整治项目), a road or a river (with them the blind sets gained false names).
VISITED_PLACE_CATEGORIES = ("village", "area", "road", "water")
