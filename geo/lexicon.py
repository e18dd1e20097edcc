"""The place-name vocabulary (geo/data/lexicon/*.tsv), loaded once for extraction and the place-name fallback.

Every word lives in one data file, one row per word and role, with an example phrase:

* ``heads.tsv``: place-name suffixes (路, 医院, 水库...) with their category, kind and the
  minimum stem length before them. ``category`` is a code of geo/data/categories.csv or a
  placeholder resolved from context: ``road`` (road_new / road_rebuild / road_greening from
  the action), ``station`` (rail or transport from the sentence), ``stem`` (from keywords of
  the stem, see stem_categories.tsv). ``kind``: ``name`` needs a distinctive stem, ``facility``
  also takes a definite marker (新图书馆), ``generic`` is a type noun (only counts and 等-lists
  make records), ``designation`` a title (示范村), ``skip`` a non-spatial institution that hides
  the shorter heads inside it (工作站), ``none`` a word that ends in a head but is none (街道).
* ``actions.tsv``, ``stop_words.tsv``, ``followers.tsv``, ``modifiers.tsv``,
  ``stem_categories.tsv``, ``units.tsv``, ``head_roles.tsv``: ``word, role, value, example``.
  A role names a word list (``stop``, ``follower``, ``generic``...); ``value`` carries what the
  word maps to where a list needs it (a category, a canonical verb, unit groups). Rows keep
  their file order, which matters where the first match wins (road_action, stem_category).

:func:`check` reports duplicate or conflicting rows; the tests require it to find none.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from geo.word_index import Words

LEXICON_DIR = Path(__file__).resolve().parent / "data" / "lexicon"
_WORD_FILES = ("actions.tsv", "stop_words.tsv", "followers.tsv", "modifiers.tsv",
               "stem_categories.tsv", "units.tsv", "head_roles.tsv")


def _rows(name):
    with open(LEXICON_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.lru_cache(maxsize=1)
def _tables():
    """(heads rows, {role: [(word, value), ...]}) read from the TSV files, in file order."""
    roles = {}
    for name in _WORD_FILES:
        for row in _rows(name):
            roles.setdefault(row["role"], []).append((row["word"], row["value"]))
    return _rows("heads.tsv"), roles


def check():
    """Problems of the lexicon files as one-line strings (empty when consistent).

    A problem is a duplicate row (the same word twice in one role, or a head twice), a
    row without a word or an example, or a word whose roles contradict each other (a verb
    that is both an action ending names and one occurring inside them). A left verb may
    respell an action (新开办 -> 开办).
    """
    problems = []
    heads = {}
    for row in _rows("heads.tsv"):
        if not row["head"] or not row["example"]:
            problems.append(f"heads.tsv: row without head or example: {row}")
        if row["head"] in heads:
            problems.append(f"heads.tsv: {row['head']} listed twice")
        heads[row["head"]] = row
    seen = {}
    for name in _WORD_FILES:
        for row in _rows(name):
            key = (row["word"], row["role"])
            if not row["word"] or not row["example"]:
                problems.append(f"{name}: row without word or example: {row}")
            if key in seen:
                problems.append(f"{name}: {row['word']} listed twice as {row['role']} (also in {seen[key]})")
            seen[key] = name
    roles = {}
    for word, role in seen:
        roles.setdefault(word, set()).add(role)
    for word, its in sorted(roles.items()):
        for a, b in (("action", "action_in_name"),):
            if a in its and b in its:
                problems.append(f"actions.tsv: {word} is both {a} and {b}")
    return problems


def words(role):
    """The words of one role, in file order."""
    return Words(word for word, _ in _tables()[1].get(role, ()))


def pairs(role):
    """(word, value) pairs of one role, in file order."""
    return tuple(_tables()[1].get(role, ()))


@functools.lru_cache(maxsize=1)
def heads():
    """head -> (category or None, kind, minimum stem length)."""
    return {row["head"]: (row["category"] or None, row["kind"], int(row["min_stem"]))
            for row in _tables()[0]}


def longest_first(items):
    """Distinct words, longest first (ties in file order)."""
    return Words(sorted(dict.fromkeys(items), key=len, reverse=True))


# --------------------------------------------------------------------------- word lists
# Lists the rules only ask whether a word is in are frozensets: ``in`` is then a set look-up
# in C, where a Words tuple's ``in`` is a call of its set's method through its class (~1.5 times
# as long; these are asked hundreds of thousands of times in a long report). Lists that are
# searched (startswith, word indexes in file order, patterns) stay Words.

ACTIONS = words("action") + words("action_in_name")
# Actions that occur inside names or only after them (经济开发区, 城市更新片区, 水系连通):
# they do not end a name on their left, unlike every other action (改造升级文化大道).
NAME_ACTIONS = words("action_in_name")
# Verbs on the left that govern a project: every action, plus these (对外开放 -> 开放).
LEFT_ACTIONS = {**{action: action for action in ACTIONS}, **dict(pairs("left_verb"))}
ROAD_ACTION_CATEGORY = pairs("road_action")
AREA_ACTIONS = words("area_action")
MALL_ACTIONS = words("mall_action")
# Works said only of a school (青山职业技术学院汽车学院落地: a college arrives; 项目落地 says a deal of any kind).
SCHOOL_ACTIONS = tuple(words("school_action"))
PHASE_VERBS = words("phase_verb")
# Works that after a village are its development, not works on it (白石镇青山村建设): the record model weighs those.
DEVELOPMENT_ACTIONS = frozenset(words("development_action"))
# Verbs that place things counted after them or before their count (设立收集点25个, 布设监测点30处):
# works of a counted thing only, never of a named place. (新增 and 增加 are none: they open counts
# of places for pupils, firms, vehicles and classes as often as of things built.)
ADDING_VERBS = frozenset(words("adding_verb"))
# Verbs that say works of things counted when said right after their noun (187个排水达标区整改,
# 为10条街道栽植垂柳): works of a counted group only, never of a named place (进行整改 stays no works).
COUNTED_AFTER_VERBS = words("counted_after_verb")
# Words of planning or pace before a noun counted after it (本区将安排|重大工程建设12项, 推进建设12项): the noun
# starts after the last of them (geo.extract.counts).
TALLYING_VERBS = words("tallying_verb")
# Investment said of what a clause opens with (9座矿井完成投资16亿元, 32个重点项目投资完成率150%): the things or
# works counted there are under way, a group (geo.extract.counted_nouns).
INVESTMENT_PREDICATES = words("investment_predicate")
# Verbs before places counted before their type that say works on them there only (实施110村…, 实施13个村饮水…):
# too general for any other count (实施 opens every kind of clause).
COUNTED_PLACE_VERBS = words("counted_place_verb")
NOUN_OBJECT_VERBS = words("noun_object_verb")
ACTION_FILLERS = words("filler")
# Words of a facility moved to a new site, between its name and the works (青山学院移址新建): the
# works are the facility's own.
RELOCATED_WORDS = words("relocated")
# Works on a road that move people, between the road and the housing built for them (白石路拆迁安置区):
# the housing is named by the road and the works.
ROAD_CLEARANCE_WORDS = frozenset(words("road_clearance"))
# Steps of a construction (软基处理, 基槽开挖): a list item ending in one is works, no place.
CONSTRUCTION_STEPS = tuple(words("construction_step"))

STOP_WORDS = words("stop")
HONOUR_VERBS = frozenset(words("honour_verb"))
TITLE_VERBS_WITH_NOUN = frozenset(words("title_verb_with_noun"))
TITLE_VERBS = frozenset(words("title_verb"))
NAME_INITIAL_STOPS = words("name_initial")
# Adverbs and times among the stop words, and the name-initial stop words that after them are a
# preposition, as after no verb (重点将A小学创建成; a verb takes a name opening with one: 改造将军路;
# 今年于洪北部文化中心投用: 于 after a time still opens a name).
ADVERBS = words("adverb")
PREPOSITIONS_AFTER_ADVERBS = words("preposition_after_adverb")
# Words that open with a one-character stop word and are none (以上, 为老): tuple for startswith.
NOT_STOPS = words("not_stop")
# Words opening with a list join (和谐, 和平, 及第): before one character and a head the join is the word's.
JOIN_WORDS = frozenset(words("join_word"))
# Words a level suffix opens (区域, 市场): a county name ending there is none (中原区域, see extract.place_words).
LEVEL_COMPOUNDS = frozenset(words("level_compound"))
# Verbs whose object is context, never a project (缓解A路的交通压力, 位于A路与B路交口, 东起A路).
CONTEXT_VERBS = frozenset(words("context_verb"))
# Titles among the context verbs (副县长王江, 县领导李华桥): a title governs the names right after it
# (whose people they are), no places later in its clause (副区长王江先后查看了青山中学).
TITLES = frozenset(words("title"))
# Verbs of a visit (调研, 视察, 来到...): a named project they reach is still a project (geo.extract.visits).
VISIT_VERBS = frozenset(words("visit_verb"))
# A housing estate a visit opens a clause with (走进青松小区), and the words of a sentence on its renewal (改造, 老旧):
# the estate is the works' site (geo.extract.visits.estate_visited).
VISITED_ESTATE_HEADS = frozenset(words("visited_estate_head"))
RENEWAL_WORDS = words("renewal_word")
# Verbs of what a plan relies on (依托): places listed after one that close their clause
# (依托青山老街、白石花园,搭建…) are context; followed by their own works they are projects.
RELIANCE_VERBS = frozenset(words("reliance"))
# Verbs saying what a subject is (是, 为, 作为), and the adverbs before 是 or 为 that make the places listed after it
# no owners of the facility the clause ends with (是青山高铁的客运站 owns; 特别是, 只是 single out: geo.extract.context).
COPULAS = frozenset(words("copula"))
ADVERBS_BEFORE_COPULA = words("adverb_before_copula")
# A body visiting after a context verb (调研组, 考察团, 督查队): the verb names the body, governing no place.
VISITING_BODIES = words("visiting_body")
# Verbs of a works passing over or under a place (上跨, 下穿, 横跨): the places listed right after one
# are what it crosses, no projects; words of manner may come before them (连续上跨). No stop words:
# a crossing's own name holds them (汇通路上跨迎宾街跨线桥).
CROSSING_VERBS = longest_first(words("crossing_verb"))
CROSSING_MANNERS = frozenset(words("crossing_manner"))
# Verbs of a project driving a place's growth (带动沿线A镇的发展, 促进A片区开发): a zone or
# village after one, alone or listed, is what benefits (see geo.extract.described.growth_driven).
GROWTH_VERBS = words("growth_verb")
# Words pointing back to works named before, opening a count of them (这3所学校的投用, 上述两条道路的建成):
# the count is no group of its own (geo.extract.described.recounted_works).
BACK_REFERENCES = words("back_reference")
# Words of what lies around a place (未来城周边, 青山站附近): the places a sentence with no works lists there
# are context (geo.extract.described.surroundings_described).
SURROUNDINGS = words("surroundings")
# Verbs saying where a place lies (青山村位于白石镇东部): a village's sentence with no works describes it.
LIES_AT = words("lies_at")
# Words typing a list as many kinds (各种体育设施, 各类文化设施): its members are kinds a project holds.
KIND_QUANTIFIERS = words("kind_quantifier")
# A type of several schools at once (中小学), and the school heads written right after it as one more type
# (中小学幼儿园, 中小学校舍): a jurisdiction's schools, no school (geo.extract.described.types_joined).
PLURAL_SCHOOL_TYPES = words("plural_school_type")
JOINED_SCHOOL_HEADS = frozenset(words("joined_school_head"))
# What a zone is given right after its name (入选, 创建为): an honour or a title (see described.honoured_zone).
ZONE_HONOURS = words("zone_honour")
# A flood season's duties on a river (防汛, maybe 抢险, then 工作; or 安全度汛 whole): see described.flood_duties.
FLOOD_DUTY_PARTS = tuple(words(role) for role in ("flood_season", "flood_relief", "flood_duty", "flood_duty_whole"))
# Status words between a context verb and a place (北至规划青山路): the place stays context.
STATUS_WORDS = frozenset(words("status"))
SEPARATORS = words("separator")

VILLAGE_PROGRAMMES = words("village_programme")
FOLLOWERS = words("follower") + VILLAGE_PROGRAMMES
LOCATOR_WORDS = words("locator")
# The sides of a place along which a project lies, named by it (资江两岸风光带, 石峰大道两侧辅道).
SIDE_WORDS = words("side")
# Blocks, compounds and parks ending in 区 that are no jurisdictions: their roads are one project.
BLOCK_HEADS = words("block")
# Heads that listed abbreviations of the places a route joins share (平文、蒙文砚、文麻高速公路).
ABBREVIATED_ROUTE_HEADS = frozenset(words("abbreviated_route"))
# Road classes: no heads before a code (国道220线), types after a count (五条县道), roads after two
# places (河金省道). Words that are roads only when counted (7条街道) count like them.
ROAD_CLASSES = words("road_class")
COUNTED_ROAD_WORDS = ROAD_CLASSES + words("counted_road")
# Particles and conjunctions that never open a name, however short the name (与东桥, 的新园).
NEVER_IN_NAMES = frozenset(words("never_in_name"))
# Verbs of a route's course that govern a place through its attribute (经过东联镇的新河).
ROUTE_VERBS = frozenset(words("route_verb"))
# Two characters before 线 that make no county road of it (天际线, 斑马线, 高压线).
NOT_COUNTY_ROADS = frozenset(words("not_county_road"))
# Words after which a name of two places in 线 is a road (辛高线改造, 半苗线56.9公里路基路面改造), and road works right
# before such a name that ends its clause (建议改造浮里线。, 拓宽辛高线。): geo.extract.routes.
COUNTY_ROAD_WORKS = words("county_road_works")
COUNTY_ROAD_WORKS_BEFORE = words("county_road_works_before")
COUNTY_ROAD_OWNERS = words("county_road_owner")  # 射阳县合海线: a county before a name in 线 makes it its road
LINE_WORDS = frozenset(words("line_word"))  # 底线, 红线: words ending in 线 that end no county road's name
# Words of what a place has (全县现有学校56所, 该镇原有3座公厕): a count said with no works after one, and each
# share of it after 其中, is a stock, no works (geo.extract.counts.stock_counted).
STOCK_WORDS = words("stock_word")
# Words after a bare type counted saying all of them did (12个村全部完成): a status, no works (geo.extract.counted_places).
ALL_OF = words("all_of")
# Words opening a list of projects closed by its count (分别是A、B、C等4个项目): the first item begins after the first of
# them it holds, in file order (geo.extract.listed_counts).
PROJECT_LIST_OPENERS = words("project_list_opener")
# Left edges the rules found that the tagger does not widen a name over: the type of the roads listed after it
# (城区道路|南环路), "such as" (如|青松公园): geo.extract.widened_names.
FIRM_LEFT_EDGES = frozenset(words("firm_left_edge"))
# Words between a list and the count that sums it up (A路、B路、C路这3条道路).
LIST_CLOSERS = longest_first(words("list_closer"))
# Words that open a list of what a type before them holds (项目包括A至B段公路): no section of the type.
LIST_OPENERS = longest_first(words("list_opener"))
# What joins a list's last item (A、B和C3所小学), and a conjunction right after the mention before a
# stem (城中村和整村): no name opens with it.
LAST_ITEM_JOINS = frozenset(words("last_item_join"))
# Quote marks a stem's length does not count (“一事一议”财政奖补美丽乡村示范村: geo.extract.stems).
STEM_QUOTES = frozenset(words("stem_quote"))
# Verbs opening the list of places a works reaches (涉及青山村、白石村等5个村): no peers (geo.extract.peers).
COVERAGE_VERBS = longest_first(words("coverage_verb"))
# Verbs opening the list of places a works serves (修建斗渠12条,覆盖A、B、C3个村): places written there without their
# head are where it reaches, no projects (涉及, which opens the works' own objects too, is none: geo.extract.context).
SERVICE_REACH_VERBS = longest_first(words("service_reach"))
# Verbs opening the parts a project holds (青山文化园包括展览馆、图书馆和档案馆): kinds listed bare there are its parts,
# wherever the text names them bare again (geo.extract.declared_parts).
PARTS_OPENERS = longest_first(words("parts_opener"))
# What follows a project's name before its works (红枫路南通工程建成通车, 青山客运站及配套工程将于6月完成).
WORKS_TAILS = longest_first(words("works_tail"))
# What closes a works written as its title, with no head at its end (白沙湖湿地生态保护与修复工程:
# geo.extract.water_titles).
TITLED_WORKS = longest_first(words("titled_works"))
# A water diversion named by the rivers it draws on and feeds (引汉济渭, 引江补汉): the word opening its
# name and the verbs joining its two rivers (geo.extract.diversions).
DIVERSION_OPENERS = longest_first(words("diversion_opener"))
DIVERSION_JOINS = longest_first(words("diversion_join"))
# A works word written right after a place's name where the lexicon's actions are not (青松路改善工程,
# 白石村社区改善经费: 改善, the works word of Taiwanese reports, is also a verb of conditions, 改善环境;
# 青山水源地保护工程: 保护 alone is a stop word, 加强生态保护).
WORKS_FOLLOWERS = longest_first(words("works_follower"))
# A project's budget written right after its name (青山快速道路 总经费逾39亿, 白石村排水沟改善经费约需240万元), or
# the money of counted works before its amount (4件改善工程经费共760万元): it ends the name or the noun.
BUDGET_WORDS = longest_first(words("budget_word"))
# A building's main part, whose works done say the building's (青山医院主体工程完工, 主体封顶).
MAIN_PARTS = longest_first(words("main_part"))
MAIN_PART_DONE = frozenset(words("main_part_done"))  # its works that say the building stands (完工, 封顶)
# What a place has already (现有, 原有): the buildings named after them are its parts, no part of its name.
EXISTING_WORDS = longest_first(words("existing"))
# The uses of a building, listed (青山卫生院门诊、住院综合楼): the place whose building it is ends before them.
BUILDING_USES = longest_first(words("building_use"))
PARTNER_WORDS = words("partner")
# Words that make a road after 与 a partner (与青山路、白石路形成环线, 与白石大道贯通, 与青山路交汇成网): the road a
# project joins or meets, no works of its own (geo.extract.partners; other kinds keep their place).
ROAD_PARTNER_WORDS = words("road_partner")
# Verbs closing a clause after the places a route strings together (将沿线A、B等景点串联).
STRINGING_WORDS = longest_first(words("stringing"))
# Words after a road's extent in brackets that make it the title of its own paragraph (白石路(A-B)是…).
EXTENT_TITLE_FOLLOWERS = words("extent_title_follower")
# Words after a place or a list of places that make them context: bounds and roads passing through
# (合围, 贯穿全境), and uses of a place that are no works on it (占道经营: street vending).
ENCLOSURE_WORDS = Words((*words("enclosure"), *words("place_use")))
MEMBER_MARKERS = words("member_marker")
# A delegate's proposal (建议, 提案, 议案) closing a title (《关于加快青山中学南侧道路建设的建议》): it asks for the works it
# names (geo.extract.brackets, geo.extract.head_mentions).
PROPOSALS = words("proposal")
# Words opening brackets after a facility that hold the places it serves (养老服务中心(覆盖A、B社区)): context.
COVERAGE_BRACKET_WORDS = words("coverage_bracket")
# A rendering of a place (青山文化中心效果图): what is to be built there; and a list item's or subhead's works word
# right after the name that closes its line (一、青山广场建设): geo.extract.line_forms.
RENDERINGS = words("rendering")
LINE_TITLE_WORKS = words("line_title_works")
# A stage, batch, phase or part of works after the works noun (工程第一阶段, 工程一期, 工程标段): what a description
# ending with 工程 leaves before a head is no name of its own (geo.extract.record_spans; 第 opens a stage too).
WORKS_STAGES = words("works_stage")
# Words a word opens with after the works noun 工程 (大宇工程机械物流园, 工程技术中心, 工程学院): no description before a
# name ends with that 工程 (geo.extract.record_spans).
AFTER_WORKS_NOUN = words("after_works_noun")
# Words opening a list of routes after a header of road projects (即, 主要包括; geo.extract.listed_routes).
ROUTE_LIST_OPENERS = words("route_list_opener")
# A small park type sited by where it lies (口袋公园, 小游园), and the side words ending such a site
# (青山站旁, 白石路西南角): geo.extract.sited_parks.
SITED_PARK_TYPES = words("sited_park")
PARK_SITE_WORDS = words("park_site")
# Works after a list of landmarks without heads (青峰山、白石塔绿化改造工程), with the category they give the
# landmarks when the last is no named place: geo.extract.listed_landmarks.
LANDMARK_WORKS = dict(pairs("landmark_works"))
MALL_FOLLOWERS = words("mall_follower")
TITLE_NOUNS = words("title_noun")
# People of a place after its name (青山中学教师, 白石村村民): the place is context.
PERSON_ROLES = words("person_role")
# The authority a zone or town names (青山新区管委会, 白石镇党委): the place is context.
AUTHORITIES = words("authority")
# A firm named after a place and its works (天津经开区城市更新公司, 青山新区开发建设集团): the place is
# the firm's name, no project. FIRMS close such a name, FIRM_WORDS stand in it with works.
FIRMS = longest_first(words("firm"))
FIRM_WORDS = longest_first(words("firm_word"))
DENG_WORDS = words("deng_word")
NOT_SECTIONS = words("not_section")
# A reach of a river that names no place (重点河段, 上游河段): the river's name ends before it
# (a named reach, 青山段, stays in the name as its section, and so does 城区段: the read golds keep it).
GENERIC_REACHES = longest_first(words("generic_reach"))
NON_PLACE_TYPES = words("non_place_type")
# Field labels before a colon (地址:, 对口学校:, 责任部门:): what follows them is context.
CONTEXT_LABELS = words("context_label")
# A press piece's credits (策划:, 执行:, 文字:): the names after them are people, when the label opens
# its line or follows a space or a mark (告诉记者:“… is speech).
CREDIT_LABELS = words("credit_label")
# A page's heading over links to other pages (推荐阅读, 相关新闻), alone on its line: the headlines
# under it are other pieces' (see geo.extract.page_parts.link_blocks).
LINKS_HEADINGS = frozenset(words("links_heading"))
# A page's trail of sections near its top (当前位置: 首页 > 新闻): the lines above it are the site's
# menus (see geo.extract.page_parts.page_menu_lines).
BREADCRUMB_LABELS = words("breadcrumb_label")
# Road names over a word that is no place (邮电路 over 电路, which 集成电路 holds): the road head wins.
ROADS_OVER_NONE = frozenset(words("road_over_none"))

GENERIC_WORDS = words("generic")
ROAD_TYPE_WORDS = words("road_type")
ABSTRACT_WORDS = words("abstract")
DEFINITE_MARKERS = words("definite")
# Words that point back to a place named before (该路, 此桥): never a name, whatever opens them.
DEMONSTRATIVES = words("demonstrative")
SLOGAN_WORDS = words("slogan")
POSITIONAL_WORDS = frozenset(words("positional"))
TITLE_RANKS = words("title_rank")
MALL_BRANDS = words("mall_brand")
ESTATE_SUFFIXES = words("estate_suffix")
# An estate's own endings: the suffixes of two characters or more (a single 城, 居 or 府 ends other
# places too: 县城) and 苑, and 小区 (extract.record_spans.housed_estate, extract.listed_estates).
ESTATE_ENDINGS = tuple(suffix for suffix in ESTATE_SUFFIXES if len(suffix) > 1 or suffix == "苑") + ("小区",)
PHASE_NOT_NAMES = words("phase_not_name")
TOWNSHIP_SUFFIXES = words("township_suffix")
# What ends a village's or a community's name (青山村, 白石社区): a place named as written, no type.
VILLAGE_SUFFIXES = words("village_suffix")
# Zones that hold what a count right after them counts (静海新城21个旧楼区: old compounds in the new town).
HOLDING_ZONES = words("holding_zone")
# Places a list closed by 等 is of when the roads follow them (A村及B村等2村道路, A、B等农地重划区内共
# 十六条农路): the roads are in those places, none of the places is a road.
ROAD_HOLDING_PLACES = words("road_holding_place")
# The place word after 等 closing a list of villages or townships that works lie in, not on (A村、B村等地多处
# 道路, A社区、B社区等处的胡同): extract.region_lists.
LISTED_REGIONS = words("listed_region")

STEM_CATEGORY = pairs("stem_category")
# Words that give a bare facility head (中心, 楼) its category, and nothing else (旅游 in 县旅游集散中心;
# as a stem_category it would make a list of 旅游项目 commercial too).
FACILITY_STEM_CATEGORY = pairs("facility_stem_category")
RAIL_WORDS = words("rail_context")
BUS_WORDS = words("bus_context")

# Words between a counted type and its works (项目安排建设56项, 道路计划改造30条; not 已/正在: 已开工建设26个 is news),
# between projects and their count with no works word (项目完成165个), and between a type and its count
# (市政道路有15条): geo.extract.extents reads the count after them.
PLAN_WORDS = words("plan_word")
TALLY_WORDS = words("tally_word")
COUNT_AFTER_WORDS = words("count_after_word")
# Words after a route's name that no noun phrase goes on with (在青岭至白鹭湾公路上, A至B公路暨C公路开工,
# A至B二级公路经…争取, A至B道路因…破坏): the name ends there (geo.extract.extents).
ROUTE_NAME_FOLLOWERS = words("route_name_follower")
# How a street's own name ends (建设路, 开放大道, 红九路道路): not 道路 or 村 (geo.extract stems, works, statistical...).
STREET_NAME_ENDINGS = words("street_name_ending")
# Road heads a direction right after ends the name of (商业大道东、商业大道西, 改造人民路北: geo.extract.extents).
DIRECTED_ROAD_HEADS = frozenset(words("directed_road_head"))
# Scopes before a count in a stem (全区12座城镇污水处理厂), longest first where one opens another: no part of a name
# (geo.extract.stem_labels); and the scopes and the 首 opening a description (全市首条地下综合管廊: geo.extract.statistical).
SCOPES = words("scope")
DESCRIPTION_OPENERS = words("description_opener")
# Words after a road named by its code: works along it (G4201沿线绿化), and the pace of its works (加大G353的建设力度):
# the road is the works' object (geo.extract.statistical).
ALONG_CODED_ROAD = words("along_coded_road")
WORKS_PACE_WORDS = words("works_pace")
# Words opening a clause of a bare count that counts the noun of the count before it (还有80个正在…),
# and the states of works said right after such a count (正在, 已: 2处正在推进).
COUNT_REST_WORDS = words("count_rest")
COUNT_STATE_WORDS = words("count_state")
# Qualifiers a count may stand before alone when the next count of a list shares its noun (3所公办和2所民办幼儿园).
COUNT_QUALIFIERS = words("count_qualifier")
# First characters of a breakdown's share naming the whole or each, no share (小区40个,全市10个, 各区2个:
# geo.extract.count_breakdowns).
BREAKDOWN_WHOLE = words("breakdown_whole")
# Words a stretch's first end ends in when a street (石梁路至建设路段: the road's crossings, not a stretch of
# geo.extract.joined_stretches).
STRETCH_STREET_ENDS = words("stretch_street_end")
# The lot a site given by roads' sides is (白石路东侧地块) and the units of a distance, with their metres
# (距县政府东南1.5公里: geo.relative_places).
SITE_LOTS = words("site_lot")
DISTANCE_METRES = {word: float(value) for word, value in pairs("distance_metres")}

UNITS_BY_GROUP = {}
for _unit, _groups in pairs("count_unit"):
    for _group in _groups.split("|"):
        UNITS_BY_GROUP.setdefault(_group, ())
        UNITS_BY_GROUP[_group] += (_unit,)
SIZE_UNITS = words("size_unit")
# Units of dwellings (1200套, 1500户): what estates listed by name hold, not one member each.
DWELLING_UNITS = words("dwelling_unit")
MEASURE_NOUNS = words("measure_noun")
# Units of things counted with no place type (建成15家放心粮油连锁店), and nouns such counts never
# make works of (培育龙头企业7家, 提高3个百分点, 安装路灯79盏).
THING_UNITS = words("thing_unit")
# Place types written as their own unit right after a count in digits (31村, 9屯): the count counts them.
PLACE_AS_UNIT = words("place_as_unit")
# Units of works counted with no place type (11项产业工程, 20宗城建项目, 十大工程).
WORKS_UNITS = words("works_unit")
# Units that after a Chinese numeral are a section, not a count (人民南路二段; 5段道路 counts).
SECTION_UNITS = words("section_unit")
# A voltage's units, as written after its number (110千伏, 35kV: a substation's or a line's rating).
VOLTAGE_UNITS = words("voltage_unit")
# Words a number right before is part of (1 号路, 2023 年, 3 期): a number opening a line before one is no
# list item's number (geo.extract.segment); nor is a row's number glued to one, to a road class (320国道) or
# to these: a road, a school written short (85中), a magnitude (12万), an approximation (20余条).
NUMBERED_WORDS = words("numbered_word")
GLUED_ROW_WORDS = words("glued_row_word")
# Units of a length (米, 公里): a count listed before a length of the same works (完成13条、32.4公里水系整治).
LENGTH_UNITS = words("length_unit")
# Measures of a thing counted before it (36个班的中学, 500户的小区): the count is the thing's measure, no count of
# things (geo.extract.stems).
COUNTED_MEASURES = words("counted_measure")
# Walkways named by the two ends of the stretch they run along (A至B人行道).
WALKWAY_WORDS = longest_first(words("walkway"))
# Place types only a name the tagger marks may end with (花园 is also an estate's, 苑 a shop's).
TAGGED_HEADS = pairs("tagged_head")
UNCOUNTED_NOUNS = tuple(words("uncounted"))
# Devices among them (uncounted, value device: 灯, 电梯): set up at places, whose count counts
# the places when a place type stands between (新建10个路口信号灯: ten junctions).
DEVICE_NOUNS = tuple(word for word, value in pairs("uncounted") if value == "device")
MEASURE_UNITS = words("measure_unit")

JUNCTION_HEADS = words("junction")
# How a stem may end in a natural place (复兴岛第三通道, 智慧湖公园): a street's own stem, no slogan (geo.extract.stem_labels).
NATURAL_PLACE_ENDINGS = words("natural_place_ending")
# Road types a route named by its two ends is written before (A镇至B村二级公路, A至B自然村道路: geo.extract.statistical).
TYPED_ROUTE_HEADS = words("typed_route_head")
# University heads (of NEEDS_ACTION_HEADS) that a subhead or cell names alone as the project below it (青山大学);
# a zone alone on its line is as often a report's section heading (geo.extract.line_forms).
LINE_UNIVERSITY_HEADS = words("line_university_head")
# Heads in 线 that are roads, never rail lines (青山大道连接线, 青山城区环线: geo.extract.works).
ROAD_LINES = frozenset(words("road_line"))
# How a count of townships names them (3个乡镇, 5个街道), longest first where one opens another (geo.extract.headfit).
TOWNSHIP_TYPES = words("township_type")
# Structures built where two roads meet, named by both (青山路与白石路立交).
JUNCTION_STRUCTURE_HEADS = frozenset(words("junction_structure"))
# Junction words that name a place only between two named roads (路口: 五一路口 is no project).
ROAD_JUNCTION_HEADS = frozenset(word for word, value in pairs("junction") if value == "roads")
LINK_HEADS = frozenset(words("link"))
INTERCITY_HEADS = frozenset(words("intercity"))
ROUTE_HEADS = frozenset(words("route"))
SECTIONED_AREA_HEADS = frozenset(words("sectioned_area"))
ORGANISATION_HEADS = frozenset(words("organisation"))
SUBUNIT_HEADS = frozenset(words("subunit"))
# Classes of amenities a list of types is closed by (文化大院、老年人活动中心等基础设施): no place each.
AMENITY_CLASSES = frozenset(words("amenity_class"))
# The same classes as suffixes, longest first (等便民利民设施, 等文娱场馆).
AMENITY_CLASS_ENDS = tuple(sorted(AMENITY_CLASSES, key=lambda word: (-len(word), word)))
# Words saying a class of amenities holds the parts of one project (青山公园建有白石桥、青松亭等配套设施):
# the items listed before it are no places of their own (geo.extract.described.kinds_of_facility).
PART_OF_WORDS = tuple(words("part_of"))
SINGLETON_FACILITY_HEADS = frozenset(words("singleton_facility"))
# People a facility is named by (儿童公园, 老年人活动中心): listed before a class of facilities (等便民设施),
# such a name is a kind the works hold, not a place (geo.extract.described.kinds_of_facility).
SERVED_PEOPLE = frozenset(words("served_people"))
# Words of the former (原妇幼保健院用房): an institution named before a generic head after one is its old
# premises, no place (geo.extract.records._former_type).
FORMER_WORDS = tuple(words("former"))
# The types a slogan counts by one character, and their categories (“三校五园”, “九路一桥”).
SLOGAN_TYPES = dict(pairs("slogan_type"))
NEIGHBOURHOOD_HEADS = words("neighbourhood")
AREA_TYPE_TAILS = words("area_type_tail")
# Flood defences written after a river (白石江防洪工程, 青山河生态防洪岸): the works' structure, named with the
# river as one place (the read labels keep them; 防洪治理, an action, they leave out).
WATER_STRUCTURES = words("water_structure")
MALL_SQUARE_HEADS = words("mall_square")
POSITIONAL_TYPE_ROAD_HEADS = words("positional_type_road")
RENEWED_TYPE_TAILS = words("renewed_type_tail")
# The housing or renewal type a list of estates closes with (青山花园、白石湾3个老旧物业小区: extract.listed_estates):
# a housing word (老旧, 棚改, 安置…), a few more characters (物业), then the kind of building (小区, 厂房, 楼宇).
LISTED_HOUSING_WORDS = words("listed_housing_word")
LISTED_HOUSING_BUILDINGS = words("listed_housing_building")
# Owners of staff compounds (青山东站, 白石鞋厂): their 老旧小区 is no place of its own, the tail stays in the name.
COMPOUND_OWNERS = tuple(words("compound_owner"))
# Housing and renewal heads a list of bare places shares, each place named as written (青坡、白石岗、红水堡棚户区改造).
SHARED_BY_PLACES_HEADS = frozenset(words("shared_by_places"))
# Estate heads a 和 right before belongs to (金星和园四期, 爱和家园): a conjunction joins no bare head.
NAMED_AFTER_AND_HEADS = words("named_after_and")
# Heads that are common words too (变, a substation written short: 青山变): a place only with a cue
# of its kind (a voltage in its name, another one listed, a project after it; see extract.headfit).
CUED_HEADS = frozenset(words("cued_head"))
# Common words that end in such a head (裂变, 转变: a change, no substation), whatever cues follow.
CUED_WORDS = frozenset(words("cued_word"))
COUNTED_PARTS = words("counted_part")
# A road network (路网) after a named place is that place's one project (青山新区路网); the words that may
# link the two (白石小学配套路网, 青山工业园规划路网: see extract.record_rules).
PLACE_NETWORK_HEADS = frozenset(words("place_network"))
NETWORK_LINKS = tuple(words("network_link"))
# The zones whose road network is named so (青山新区路网, 白石工业园路网); other areas' (片区, 小区, 开发区...) are
# left to the tagger and the record model.
NETWORKED_ZONES = frozenset(words("networked_zone"))
# Road types a distinctive stem with no head of its own names one listed project (康泰市政道路: that place's roads; a
# place with a head before the type is the place, 青山片区市政道路: see extract.record_rules).
PLACE_ROAD_TYPES = frozenset(words("place_road_type"))
# Works verbs streets are often named by (建设大街, 发展大道): such a street is kept whatever the record model reads.
STREET_NAMING_VERBS = tuple(words("street_naming_verb"))
# Road heads a direction alone names (中干道, 西快线, 东西干道): a stem of a direction is the road's name, not its side.
DIRECTION_NAMED_HEADS = frozenset(words("direction_named"))
# Roads and rivers a network is laid along (靖宁路给水管网, 李石河污水截流管网).
ALONG_WORDS = words("along")
# Jurisdictions whose roads are a type (上蔡县公路; 藤州镇公路 goes to the town: a name).
JURISDICTION_SUFFIXES = words("jurisdiction")
# The suffixes of one character of a jurisdiction or a township (省, 市, 县, 区, 旗, 镇, 乡; not 街道, whose 道
# is a road word): a level written alone (续建市|中心城区…), or an address's last character (吴屯乡|加油站).
ONE_CHARACTER_LEVELS = frozenset(suffix for suffix in (*JURISDICTION_SUFFIXES, *TOWNSHIP_SUFFIXES) if len(suffix) == 1)
# The built-up part of a jurisdiction (县城, 城区): a name may open right after it, as after a jurisdiction
# (县城白石沥黑臭水体整治, 五华县城青山河堤新貌: geo.extract.added_names).
TOWN_AREAS = words("town_area")
TOWN_QUALIFIERS = words("town_qualifier")  # 主城区, 中心城区, 老城区: a town area so qualified (see extract.prefixes)
TYPE_WORDS = frozenset(words("type_word"))  # 道路: a head that names only with a distinctive stem, never by its list
VAGUE_QUANTITIES = words("vague_quantity")  # 武汉一批公园: a vague quantity makes a type
PRODUCT_TYPES = words("product_type")  # 烤烟等农产品基地: a type of products, whose list items are no places
# 坑洼、车辙等道路病害: after the head of a list's type, a defect of it, whose list items are kinds of defect
DEFECT_WORDS = words("defect")
# Endings of an industry, a product or a programme (锂电池, 热电联产, 防沙治沙): a list item ending in
# one between two named places is a sector, no place (geo.extract.sandwiched).
SECTOR_WORDS = words("sector_word")
# Directions after a road that bound a site (三环路以西, 温福铁路以南).
BOUNDING_WORDS = words("bounding")
STREET_TYPES = words("street_type")  # 果园路等街道: after roads, 街道 are streets, not subdistricts
CROSSING_HEADS = frozenset(words("crossing"))  # 花溪路下穿汉宜高速段: a road passing under another
COUNTED_WORKS = words("counted_works")  # 11项产业工程, 道路桥梁工程34项: works counted with no place type
WORKS_NOUNS = words("works_noun")  # 综合治理工程, 生态治理项目: the nouns a project's title ends with
# Park types whose bare phase (广场一期, 景区二期) is the phase of the report's own unnamed project (extract.record_rules).
BARE_PHASE_UNNAMED_HEADS = frozenset(words("bare_phase_unnamed"))
# A school's building (宿舍楼) and the institution's own name (A小学, A一中) told apart (extract.features), as are
# an attached institution (附属幼儿园) and a campus named by its side alone (北校区).
INSTITUTION_WORDS, ATTACHED_WORDS, CAMPUS_HEADS = words("institution_word"), words("attached"), words("campus_head")
# Jurisdictions and universities: places of context unless a works verb governs them.
NEEDS_ACTION_HEADS = frozenset(words("needs_action"))
# Networks laid along a place (靖宁路给水管网): the place names the project.
NETWORK_HEADS = frozenset(words("network"))
# Facilities drawn as lines, counted like roads whatever their category (3条健身步道, 9条电力线路).
LINEAR_HEADS = frozenset(words("linear"))
# Facilities named after their street (解放路小学): a road listed as one of them is that facility
# (大东关、解放路等小学), where a road listed as a spot on it (靖宁路、长兴南路2个积水点) stays a road.
STREET_NAMED_HEADS = frozenset(words("street_named"))
# Place suffixes that are no heads, and the works that name a place with them before them
# (银桥镇美丽乡村建设, 南峰山矿山生态修复).
PLACE_WORKS = tuple((suffix, VILLAGE_PROGRAMMES) for suffix in TOWNSHIP_SUFFIXES) + tuple(
    (suffix, tuple(value.split("|"))) for suffix, value in pairs("hill_suffix"))
