"""Context rules: the places a mention names only as context, and the verbs of context governing it.

Jurisdictions, scenery, places located by what is counted, courses of routes, visits (whose works sites are
in geo.extract.visits), plans compiled.
The rules for places a sentence describes rather than works on (their people, roles, uses, surroundings)
are in geo.extract.described; those that read brackets and title marks (the ends of a range, aliases,
places a facility serves, titles of documents) in geo.extract.brackets.
"""

from __future__ import annotations

import re

from geo.lexicon import (
    ADVERBS_BEFORE_COPULA, CONTEXT_VERBS, COPULAS, EXISTING_WORDS, NEEDS_ACTION_HEADS, NOT_STOPS, RELIANCE_VERBS,
    RELOCATED_WORDS, ROUTE_VERBS, SERVICE_REACH_VERBS, STATUS_WORDS, SURROUNDINGS, TITLES, VISIT_VERBS, VISITING_BODIES,
    heads)
from geo.lexicon_lookups import ACTION_INDEX, category_group, stop_ending_at, word_index
from geo.extract.brackets import alias_in_brackets, coverage_in_brackets, inside_range_brackets, inside_title_marks
from geo.extract.chains import holds_head, once_per_chain
from geo.extract.crossed import crossed_place
from geo.extract.line_forms import shown_as_built
from geo.extract.model import NAMED_KINDS, chain_end, chain_first, list_end
from geo.extract.rule_gates import only_for
from geo.extract.runs import role_of, teams_close
from geo.extract.visits import (estate_visited, visited_as_works, visited_works_sites, works_inspected,
                                works_seen, works_site_visited)
from geo.extract.patterns import (CLAUSE_BREAKS, HARD_BREAKS, clause_floor, LIST_JOINS, NUM, PLANNING_AFTER_RE,
                                  ROUTE_VIA_STOP, on_a_route_described)
from geo.extract.works import first_action, works_at
from geo.extract.described import centres_made, enrolment_area, examples_of_a_kind, strategies_listed, functions_of_a_building, holds_an_event, \
    distance_or_journey, kinds_of_facility, land_use_described, one_described, people_of_place, projects_changing, \
    problem_of_place, purpose_served, recounted_works, residents_served, flood_duties, surroundings_described, types_contained, types_joined, \
    village_located, what_it_becomes, growth_driven, honoured_zone
from geo.extract.region_lists import region_listed
from geo.settings import (
    ATTRIBUTIVE_MAX, CONTEXT_CLAUSE_REACH, COPULA_LIST_REACH, COURSE_VIA_REACH, COVERED_LIST_REACH, EXISTING_LIST_REACH,
    FORMING_LIST_REACH, GOVERNS_REACH, LIST_REST_REACH, PLANNED_LIST_REACH, PRECEDENTS_REACH, RELIANCE_REACH)

_OWN_WORKS = re.compile(r"(?:道路)?(?:建设|改造|更新改造)?(?:计划)?(?:工程|项目)")
# What is fitted on a road (在青山路安装护栏, 增设信号灯): works on that road.
_ROAD_FURNISHED = re.compile(r"(?:安装|增设|设置|加装|铺设)(?:[^,;。]{0,6}?)(?:护栏|标志|标线|信号灯|路灯|隔离|减速带|监控)")
# Teams formed in the places listed before them (组建A村、B村共9支村级志愿消防队): the places are
# where a body is set up, no works (the teams closing the list: runs.teams_close).
_FORMING_BEFORE = re.compile(r"组建(?:[\u4e00-\u9fff]{1,8}、)*$")
# (的一期工程 is the first phase of the place's own works, no count: 象山公园的一期工程建设)
_COUNTED_AFTER_DE = re.compile(r"的(?:一(?!期(?:工程|建设))|[\d二两三四五六七八九十]+[条个座所处家])")
# A range mark next to a name's character (not w- a of forum junk).
# A road's traffic as what a project relieves (…附近,文化路的交通壅塞情形; 青山路的交通压力), takes over
# (分解通往A路、B街的车辆) or keeps apart (保证B街行车和区内交通互不干扰): the road is the place served,
# no works on it.
_TRAFFIC_OF = re.compile(r"的?交通(?:压力|拥堵|拥挤|壅塞|堵塞|瓶颈)|的车辆|行车(?:和|与|及|安全|秩序|效率)")


def governed_by_context_verb(case):
    """缓解A路的交通压力, 位于A路与B路交口, 东起A路, 北至规划B路: places given as context."""
    mention = case.mention
    first = chain_first(mention)
    listed_to = list_end(mention)
    visiting = first.stop in VISIT_VERBS
    if works_site_visited(case, visiting, listed_to):
        return False  # 走进毕节二十小扩建项目施工现场, 来到A、B等重点工程现场: a works site (see geo.extract.visits)
    if _TRAFFIC_OF.match(case.norm, listed_to):
        return True  # 纾缓尖峰时间,文化路的交通壅塞情形: the road whose traffic is relieved
    if _facility_of(case.norm, first, listed_to) or (first is not mention or listed_to != mention.end) \
            and _facility_of(case.norm, mention, mention.end):
        # 青山东站是白石高铁和青云铁路的客运始发站: the lines the station serves (a place alone in no
        # list is asked once: the second look would be the first again)
        return True
    if _on_a_course(case, first):
        return True  # 起于A,经B、C至D: the places a route runs through are its course
    if _relied_on(case):
        return True  # 依托青山老街、白石花园,搭建消费平台: the places relied on close the clause
    if _teams_formed(case):
        return True  # 组建A村、B村共2支村级志愿消防队: where teams are formed
    if works_seen(case, visiting, first, listed_to):
        return False  # 视察青山路158巷修缮成果, 深入A小学等学校,实地查看工程建设进展: the works seen there
    if first.stop in STATUS_WORDS and first.stop_start is not None:
        return stop_ending_at(case.norm, first.stop_start, 0) in CONTEXT_VERBS
    if first.stop == "在" and _OWN_WORKS.match(case.norm, _works_after(case.norm, mention)):
        # 在新城第二小学建设项目(现场): a project named with its own works is no place of context; nor
        # is each of a list the works follow (在青山路、白石大街道路改造项目现场)
        return False
    if first.stop == "在" and (mention.category == "road" and _ROAD_FURNISHED.match(case.norm, _after_list(case.norm, mention))
                               or category_group(mention.category) == "facilities"
                               and works_at(case.norm, _after_list(case.norm, mention), case.clause_end)
                               or mention.category == "park" and _works_inside(case, mention)):
        # 在滨河大道、丰庆路等4条一级公路安装护栏, 在第四中学、第五中学建设实验室, 在白石公园建设儿童
        # 健身苑, 在A路、B路等安装护栏: works on a road, at a facility or in one park (在哈西、群力等新区配建
        # 学校: districts stay context, and so do kinds of park listed after 在 a long way back)
        return False
    if first.stop == "的" and first.stop_start is not None:
        # 沿线经过东联镇的新河、永丰等村, 起点位于东联镇境内的纵八路: a route's verb before the
        # place's attribute governs it
        # (位于X的Y, 距离X的Y and 北至X的Y are relative clauses: Y may well be a project)
        return _verb_before_attributive(case.norm, first.stop_start) in ROUTE_VERBS
    # 起于A,经B路,止于C: the places a route passes (find_stem ends a stem at that 经)
    return first.stop in CONTEXT_VERBS or mention.stop in CONTEXT_VERBS or first.stop == ROUTE_VIA_STOP


def _on_a_course(case, first):
    """起于白石路,经红枫镇、青松乡至G15高速: a list after 经 opening a clause is the course a route
    runs, the last item to where it ends (青松乡至G15高速 was named a road), or, near the route's
    start or end (起于, 终点…), the places it passes (经青山镇政府、青山卫生院北侧); ``first`` is the
    first mention of the case's list."""
    norm, start = case.norm, first.stem_start
    if "经" not in norm[(start - COURSE_VIA_REACH if start > COURSE_VIA_REACH else 0):start]:
        return False
    via = _VIA_BEFORE.search(norm, (start - COURSE_VIA_REACH if start > COURSE_VIA_REACH else 0), start)
    # (经A、B、C北侧,然后往西至D, with the route's start or end described: the list is the course too)
    return via is not None and ("至" in norm[via.start():case.mention.head_start]
                                or on_a_route_described(norm, via.start()))


# (its first character consumed as one class the engine searches for, then tested behind: ^ is the text's start)
_VIA_BEFORE = re.compile(r"[,;:。途经](?:(?<=[,;:。])途?经|(?<=^途)经|(?<=^经))"
                         r"(?:[\u4e00-\u9fff\d]{1,12}[、和及与])*(?:[\u4e00-\u9fff\d]{1,12}至)?$")


def _relied_on(case):
    """依托青山老街、白石花园,搭建夜间消费平台: places listed after a verb of reliance that close
    their clause are what a plan relies on (依托青山产业园建设, with the place's own works, and
    依托A等新建商业载体, with works in the list's type, are left)."""
    mention, norm = case.mention, case.norm
    lo = (mention.stem_start - RELIANCE_REACH if mention.stem_start > RELIANCE_REACH else 0)
    start = clause_floor(norm, case.clause_start, lo, mention.stem_start)  # (the verb's list holds no mark)
    if _RELIANCE_VERB.search(norm, start, mention.stem_start) is None:
        return False  # (most places: no such verb in their clause, and no pattern to look for)
    if start > lo and _RELIANCE_VERB.search(norm, lo, start) is not None:
        return False  # (the first verb within reach, in a clause before: its list ends at the mark)
    match = _RELIANCE_BEFORE.search(norm, start, mention.stem_start)
    if match is None or match.end() != mention.stem_start or _ends_an_action(norm, match.start(), match.group(1)) \
            or list_end(mention) < case.clause_end and not _list_rest_closes(norm, mention.end, case.clause_end):
        return False  # (the verb first: a list's end is looked up over all its items)
    # 依托金牛建材等新建商业载体: works in what types the list make its places projects. No action starts
    # in the rest of the clause (one may run past its end): the first found once for the list (works.first_action).
    found = first_action(norm, mention.end, min(len(norm), case.clause_end + ACTION_INDEX.lengths[0] - 1))
    return found is None or found[0] >= case.clause_end


# (longest first, then by code point: the same pattern string whatever the hash seed orders the set by)
_RELIANCE_ORDER = sorted(RELIANCE_VERBS, key=lambda word: (-len(word), word))
_RELIANCE_VERB = re.compile("|".join(map(re.escape, _RELIANCE_ORDER)))  # any of them, in one search
# A verb of reliance and the items listed after it, up to a place (依托|青山老街、|白石花园).
_RELIANCE_BEFORE = re.compile("(" + "|".join(map(re.escape, _RELIANCE_ORDER))
                              + r")(?:[^,;:。!?\n、]{1,16}[、和及])*")
# The rest of a list after an item, and the type after 等 that closes it (、白石广场等项目载体): for a name
# the tagger adds, whose list and type were not read.
_LIST_REST = re.compile(r"(?:[、和及][^,;:。!?\n、和及等]{1,16})*(?:等[^,;:。!?\n、]{0,10})?")


def _list_rest_closes(norm, pos, clause_end):
    """True when the rest of a list and its type (:data:`_LIST_REST`) run from ``pos`` to the clause's end."""
    return clause_end - pos <= LIST_REST_REACH and _LIST_REST.fullmatch(norm, pos, clause_end) is not None


def _ends_an_action(norm, start, verb):
    """True when the verb of reliance at ``start`` ends a longer works word (综合利用, 保护利用: the
    places after it are what the works are done on)."""
    return any(len(ACTION_INDEX.at(norm, start - k) or "") == k + len(verb) for k in (1, 2, 3) if start >= k)


def _works_inside(case, mention):
    """在白石公园建设儿童健身苑1座: works on a thing inside one park (a noun after the works verb, no
    工程 or 项目 of the park's own, no list of kinds of park after a 在 a long way back)."""
    if len(mention.chain) > 1:
        return False
    works = works_at(case.norm, mention.end, case.clause_end)
    if not works:
        return False
    after = case.norm.find(works, mention.end) + len(works)
    return after < case.clause_end and "\u4e00" <= case.norm[after] <= "\u9fff" \
        and not case.norm.startswith(("工程", "项目", "情况", "进度", "进展"), after)


def _after_list(norm, mention):
    """Where what is said of a list a mention is in begins: after its type, or after a bare 等
    that closes it (A路、B路等|安装护栏)."""
    end = list_end(mention)
    return end + 1 if mention.typed_by is None and norm.startswith("等", end) else end


def _facility_of(norm, first, end):
    """True when the places listed after 是 or 为 own the facility the clause ends with (是白石高铁和
    青云高铁的客运站, 作为青山新区的配套学校): the subject is a facility of theirs; an adverb before 是 (特别是,
    只是) or works words after 的 (是青山路的改造工程) leave them alone. ``first`` is the first place of
    a list and ``end`` where the list ends, or a place and its end (the items after it are read: a
    list no rule has chained)."""
    if first.stop in COPULAS and first.stop_start is not None:
        shi_start = first.stop_start
    elif norm[first.stem_start - 1:first.stem_start] not in _LISTED_AFTER_SHI_LAST:
        return False  # (most places: no 是, 为 or list mark right before them, nothing searched for)
    else:
        shi = _LISTED_AFTER_SHI.search(norm, (first.stem_start - COPULA_LIST_REACH if first.stem_start > COPULA_LIST_REACH else 0), first.stem_start)
        shi_start = None if shi is None else shi.start()
    if shi_start is None or norm.endswith(ADVERBS_BEFORE_COPULA, 0, shi_start):
        return False
    role = role_of(norm, end)  # (after 是 is found: from a place inside a list of thousands the
    if role is None or _ROLE_WORKS.search(role.group(1)):  # match would read the rest of the list)
        return False
    table = heads()
    return any(role.group(1)[-n:] in table and table[role.group(1)[-n:]][1] != "none" for n in range(1, 5))


_SHI_WORDS, _SHI_LIST_MARKS = "是为", "、和及与"
_LISTED_AFTER_SHI = re.compile(rf"[{_SHI_WORDS}](?:[\u4e00-\u9fff]{{2,12}}?[{_SHI_LIST_MARKS}])*$")
# What a match of it ends with, right before the place ($ also matches before a last line break).
_LISTED_AFTER_SHI_LAST = frozenset(_SHI_WORDS + _SHI_LIST_MARKS + "\n")
_ROLE_WORKS = re.compile(r"工程|项目|改造|建设|提升|整治|新建|扩建|改建|治理")


def _works_after(norm, mention):
    """Where the works said of a mention begin: after its list when a separator follows it (在青山路、
    白石大街|道路改造项目现场), else right after it (a place run into the next word is no list item)."""
    return _after_list(norm, mention) if norm.startswith(LIST_JOINS, mention.end) else mention.end


def _verb_before_attributive(norm, pos, window=ATTRIBUTIVE_MAX):
    """The first stop word ending left of ``pos`` within ``window`` characters (no break between)."""
    for end in range(pos, (pos - window if pos > window else 0), -1):
        if norm[end - 1] in HARD_BREAKS:
            return None
        word = stop_ending_at(norm, end, 0)
        if word:
            return word
    return None


def _jurisdiction_without_works(case):
    """合肥高新区将推进..., 陕西师范大学: a jurisdiction or university is context unless works
    govern it directly (建设晋安新城, 综合保税区封关运营, 梓山湖新城进行综合开发) or the form of its
    line says it is built (see :func:`geo.extract.line_forms.shown_as_built`)."""
    mention, action = case.mention, case.action
    return (mention.head in NEEDS_ACTION_HEADS and not mention.count and not mention.section
            and mention.typed_by is None and (len(mention.chain) < 2 or action is None)
            and not (mention.left_verb or (action and _works_right_after(case.norm, mention.end, action)))
            and not shown_as_built(case.norm, mention))


def _works_right_after(norm, end, action):
    """True when ``action`` follows a name ending at ``end`` right away, after 进行, or after a word
    of its moving to a new site (青山学院移址新建, 白石大学异地新建)."""
    moved = next((word for word in RELOCATED_WORDS if norm.startswith(word, end)), "")
    return norm.startswith((action, "进行" + action), end + len(moved))


def _scenery_list(case):
    """潏河公园、柳青广场、西京学院、政法大学…分布: places listed with universities and no works."""
    chain = case.mention.chain or ()
    return case.action is None and len(chain) >= 3 and once_per_chain(chain, holds_head, NEEDS_ACTION_HEADS)


def _governed_jurisdictions(case):
    """辖东风、新市、红旗6个社区, 青山乡下辖东风、新市等12个行政村: the communities or villages a
    place governs (a yearbook's 概况) are context, not areas of works (辖区 is no such verb)."""
    norm, mention = case.norm, case.mention
    low = mention.stem_start - 4 * GOVERNS_REACH
    if norm.find("辖", low if low > 0 else 0, mention.head_start) < 0:
        return False  # (most mentions: no 辖 near them, nothing else looked up)
    start = chain_first(mention).stem_start
    window = norm[(start - GOVERNS_REACH if start > GOVERNS_REACH else 0):mention.head_start]
    window = window[max(window.rfind(char) for char in CLAUSE_BREAKS) + 1:]
    if _GOVERNS.search(window) is None:
        return False
    end = list_end(mention)
    return _JURISDICTIONS_COUNTED.search(norm, start, end) is not None or \
        _JURISDICTIONS_COUNTED.match(norm, end) is not None


_GOVERNS = re.compile(r"辖(?![区内])")
# The list's close: a count of communities or villages (…联丰6个社区, …等12个行政村).
_JURISDICTIONS_COUNTED = re.compile(
    rf"(?:等|共)?{NUM}个?(?:社区|行政村|自然村|村|居委会|村委会|居民委员会|村民委员会|乡镇|乡|镇|街道)(?![\u4e00-\u9fff])")


def _plenary_session(case):
    """十八届三中、四中、五中全会: numbered sessions of a plenum, no schools."""
    return case.norm.startswith(_SESSION_LIST_FIRST, case.mention.end) \
        and _SESSION_LIST.match(case.norm, case.mention.end) is not None


_SESSION_LIST = re.compile(r"(?:、[一二三四五六七八九十\d]{1,3}中)*全会")
_SESSION_LIST_FIRST = ("、", "全会")  # what the pattern can open with


def _attributive_place(case):
    """贯通丹徒新城的一条干道: a place before 的 and a count locates what is counted."""
    return _attributive(case.norm, case.mention, case.clause_end)


_LONG_CONTEXT_VERBS = word_index(tuple(verb for verb in CONTEXT_VERBS if len(verb) > 1))


def _listed_after_context_verb(case):
    """惠及青山小学、白石中学等学校和红枫苑等小区: places a context verb governs earlier in the
    clause, with no works of their own, are context (the verb reaches over the whole list); a
    named project visited (视察东湖学校项目) is a project, and a body visiting (调研组) no verb."""
    if case.action is not None:
        return False
    norm, start = case.norm, case.mention.stem_start
    window = norm[(start - CONTEXT_CLAUSE_REACH if start > CONTEXT_CLAUSE_REACH else 0):start]  # bounded: the rule stays linear
    # (a byline's closing bracket ends what a verb before it reaches: (记者 王江) 15个…)
    window = window[max(window.rfind(char) for char in CLAUSE_BREAKS + ")") + 1:]
    verb = _LONG_CONTEXT_VERBS.first_in(window)
    while verb is not None and (window.startswith(VISITING_BODIES, verb[0] + len(verb[1]))
                                or window.startswith(NOT_STOPS, verb[0]) or verb[1] in TITLES):
        # 调研组察看了…: a body visiting, no verb; 玉米方便面等项目: a word the verb only begins;
        # 副区长王江先后查看了…, 县领导共同为青松中学揭牌: a title governs only the names right after it
        verb = _LONG_CONTEXT_VERBS.first_in(window, verb[0] + 1)
    # 地处A路与B路交会的青山公园: after 的 the place described is the subject, not context.
    return verb is not None and "的" not in window[verb[0]:] and ACTION_INDEX.first_in(window) is None \
        and not (case.mention.kind in NAMED_KINDS and norm.startswith(("项目", "工程"), case.mention.end)) \
        and not (any(word in window for word in VISIT_VERBS)
                 and (works_inspected(case) or visited_works_sites(case)
                      or visited_as_works(norm, case.mention, case.clause_end))) \
        and not estate_visited(case)


# The corner or side of a crossing (A路与B路交界西南角, A街和B路交叉口为中心): the roads that make the
# crossing locate what lies there, no works of theirs (the second road is read after 与, 和 or 及).
_CROSSING_WORD = r"(?:交界|交叉口|交口|交汇处|交汇|十字路口|路口)"
_CORNER = r"处?的?(?:[东西南北][南北]?(?:角|侧)|为中心)"
_CROSSING_CORNER = re.compile(r"(?:[与和及][^,;:。、与和及\s]{2,12}?" + _CROSSING_WORD + r"?|" + _CROSSING_WORD + r")" + _CORNER)
_CROSSING_FIRST = frozenset("与和及交十路")
_CORNER_OF_CROSSING = re.compile(_CORNER)  # after a name that is the crossing (A街和B路交叉口)
_CROSSING_ENDS = ("交叉口", "交口", "路口", "交汇处")
# A house number after a road (青山路341号, 白石巷44号房屋): an address (号线, 号桥, 号路 and the like name
# a line, a bridge or a road of their own; 号楼 and 号院 a building whose name keeps the road).
_HOUSE_NUMBER = re.compile(r"[0-9一二三四五六七八九十百零〇]{1,5}(?:-[0-9]{1,4})?号(?![线桥路街道隧楼院])")
_NUMBER_FIRST = frozenset("0123456789一二三四五六七八九十百零〇")


@only_for(lambda category, kind: category == "road")
def _road_as_address(case):
    """位于青山区白石路341号, 对青山路与白石路交界西南角的绿地进行改造, 以青松街和白沙路交叉口为中心:
    roads named in an address (a house number, the corner or centre of a crossing) only locate what lies
    there."""
    mention, norm = case.mention, case.norm
    if mention.category != "road":
        return False
    if norm[mention.end:mention.end + 1] in _NUMBER_FIRST and _HOUSE_NUMBER.match(norm, mention.end, case.clause_end):
        return True
    if norm.endswith(_CROSSING_ENDS, mention.stem_start, mention.end):
        return _CORNER_OF_CROSSING.match(norm, mention.end, case.clause_end) is not None
    return any(norm[end:end + 1] in _CROSSING_FIRST and _CROSSING_CORNER.match(norm, end, case.clause_end)
               for end in {mention.end, list_end(mention)})


def _teams_formed(case):
    """组建A村、B村、C村共3支村级志愿消防队: a place listed after 组建 before the teams formed."""
    mention, norm = case.mention, case.norm
    start = (mention.stem_start - FORMING_LIST_REACH if mention.stem_start > FORMING_LIST_REACH else 0)
    if norm.find("组建", start, mention.stem_start) < 0:
        return False  # (a look back, not through the sentence: a list of thousands stays linear)
    return _FORMING_BEFORE.search(norm, start, mention.stem_start) is not None \
        and teams_close(norm, mention.end, case.clause_end)


def _planned_only(case):
    """完成了三江口、城西新区C街区、环城南路两侧的城市设计编制, A村、B村等8个村已编制完成: places a
    plan is drawn up for (also a name the tagger marks alone in such a list)."""
    norm, mention = case.norm, case.mention
    if PLANNING_AFTER_RE.match(norm, list_end(mention), case.clause_end) is not None:
        return True
    reach = (mention.end + PLANNED_LIST_REACH if mention.end + PLANNED_LIST_REACH < case.clause_end else case.clause_end)
    if norm.find("编", mention.end, reach) >= 0 and _PLANNED_AFTER_LIST.match(norm, mention.end, reach) is not None:
        return True
    return _inside_plans_compiled(norm, mention, case.clause_end)


def _inside_plans_compiled(norm, mention, clause_end):
    """编制了《青山县总体规划》、白石山等旅游区的控制性详细规划: a clause that compiles plans and
    ends with them (no works after the place) names the places planned."""
    if not norm.endswith("规划", mention.end, clause_end) or first_action(norm, mention.end, clause_end):
        return False
    window = norm[(mention.stem_start - CONTEXT_CLAUSE_REACH if mention.stem_start > CONTEXT_CLAUSE_REACH else 0):mention.stem_start]
    window = window[max(window.rfind(char) for char in CLAUSE_BREAKS) + 1:]
    return _COMPILING.search(window) is not None


_COMPILING = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:编制|修编|编修)了?")


# The rest of a list (、B村等8个村) before a plan's compiling: a few items, within reach (a list of
# thousands in one clause stays linear).
_PLANNED_AFTER_LIST = re.compile(r"(?:[、和及][\u4e00-\u9fff]{1,10}?){0,6}(?:等(?:[\d一二三四五六七八九十]+个)?[\u4e00-\u9fff]{0,4}?)?"
                                 r"(?:" + PLANNING_AFTER_RE.pattern + ")")


# A list of places opened by 继 up to a place (继|青山隧道、|白石隧道), and one closed by 之后 after it.
_PRECEDENTS_OPENED = re.compile(r"(?<!相)继(?!续)(?:[\u4e00-\u9fff\d]{1,16}[、和与及])*$")
_PRECEDENTS_CLOSED = re.compile(r"(?:[、和与及][\u4e00-\u9fff\d]{1,16}?)*(?:之后|以后)")
_PRECEDENTS_CLOSED_FIRST = ("、", "和", "与", "及", "之后", "以后")  # what the closing pattern can open with


def _precedents_compared(case):
    """继青山隧道、白石隧道之后的第三条海底隧道, 继青山公园之后: places listed after 继 and closed
    by 之后 are the precedents a project is compared with, no works of their own (继去年南岸公园
    正式开园后, with no 之后 right after the place, is left)."""
    norm, mention = case.norm, case.mention
    if not norm.startswith(_PRECEDENTS_CLOSED_FIRST, mention.end):
        return False  # (most places: no list or 之后 right after them, nothing looked for back)
    start = mention.stem_start + 1 if norm.startswith("继", mention.stem_start) else mention.stem_start
    lo = (start - PRECEDENTS_REACH if start > PRECEDENTS_REACH else 0)
    if norm.find("继", lo, start) < 0 or _PRECEDENTS_OPENED.search(norm, lo, start) is None:
        return False
    return _PRECEDENTS_CLOSED.match(norm, mention.end) is not None


# A list of roads opened by 现有的 or 原有的 (the lexicon's ``existing`` words) up to a road (与现有的|A高速、|B高速),
# looked back for over settings.EXISTING_LIST_REACH characters.
_EXISTING_OPENED = re.compile("(?:" + "|".join(map(re.escape, EXISTING_WORDS)) + r")的(?:[\u4e00-\u9fff\dA-Za-z]{1,16}[、和与及])*$")


@only_for(lambda category, kind: category_group(category) == "roads")
def _existing_road(case):
    """与现有的青山高速、白石高速等国省干线为支点, 与原有的G105国道无缝对接: roads written as the ones there
    already are what a project joins, no project (对现有的青山路进行改造 has works: see
    CONTEXT_RULES_WITH_ACTION)."""
    mention, norm = case.mention, case.norm
    if category_group(mention.category) != "roads":
        return False
    lo = (mention.stem_start - EXISTING_LIST_REACH if mention.stem_start > EXISTING_LIST_REACH else 0)
    if norm.find("的", lo, mention.stem_start) < 0:
        return False  # (a look back, not through the sentence: a list of thousands stays linear)
    return _EXISTING_OPENED.search(norm, lo, mention.stem_start) is not None


@only_for(lambda category, kind: kind == "raw")
def _bare_places_covered(case):
    """修建斗渠12条,覆盖沿河、南甸、天星5个村; 涉及紫云、五角场、三角场三个站点的周边地区: places written without
    their head in a list a verb of service opens (the villages a works serves), or in a counted list whose
    surroundings are the works (the stations a road upgrade runs around), are where the works reach, no
    projects of their own (涉及A、B、C3个小区 names the works' own objects: no such verb)."""
    mention, norm = case.mention, case.norm
    if mention.kind != "raw":
        return False
    typed = mention.typed_by
    if typed is not None and (typed.count is not None or typed.list_end is not None) \
            and norm.startswith(_SURROUNDINGS_AFTER, typed.end):
        return True
    lo = (mention.stem_start - COVERED_LIST_REACH if mention.stem_start > COVERED_LIST_REACH else 0)
    if not any(norm.find(verb, lo, mention.stem_start) >= 0 for verb in SERVICE_REACH_VERBS):
        return False  # (most bare places: no such verb within reach, no pattern to run)
    return _COVERED_OPENED.search(norm, lo, mention.stem_start) is not None


# A verb of service and the items listed after it up to a place (覆盖沿河、南甸、: the list goes on to it).
_COVERED_OPENED = re.compile("(?:" + "|".join(map(re.escape, SERVICE_REACH_VERBS)) + r")(?:[\u4e00-\u9fff]{1,8}[、和与及])*$")
# The surroundings of what a counted list counts (五个站点的周边地区), written right after its type.
_SURROUNDINGS_AFTER = tuple(f"{joint}{word}" for word in SURROUNDINGS for joint in ("", "的"))


CONTEXT_RULES = (types_joined, _jurisdiction_without_works, _scenery_list, inside_range_brackets, alias_in_brackets,
                 coverage_in_brackets, inside_title_marks, _governed_jurisdictions, _plenary_session, _attributive_place,
                 _listed_after_context_verb, _planned_only, people_of_place, flood_duties, recounted_works, one_described,
                 examples_of_a_kind, strategies_listed, functions_of_a_building, holds_an_event, what_it_becomes, residents_served,
                 enrolment_area, surroundings_described, projects_changing, land_use_described, kinds_of_facility,
                 types_contained, _precedents_compared, village_located, distance_or_journey, purpose_served, problem_of_place,
                 growth_driven, centres_made, _road_as_address, _existing_road, crossed_place, honoured_zone,
                 region_listed, _bare_places_covered)
# The rules that can find a mention with works to be context (the others hold only without works):
# fewer calls, the same answer.
CONTEXT_RULES_WITH_ACTION = tuple(rule for rule in CONTEXT_RULES
                                  if rule not in (_scenery_list, _listed_after_context_verb, functions_of_a_building,
                                                  holds_an_event, what_it_becomes, enrolment_area,
                                                  surroundings_described, village_located, problem_of_place, _existing_road))


def _attributive(norm, mention, clause_end):
    """True when 的 and a count follow the mention: it locates a thing counted (丹徒新城的一条干道)."""
    end = chain_end(mention)
    if not norm.startswith("的", end) or mention.kind in ("raw", "code"):
        return False
    if mention.typed_by is not None and mention.typed_by.list_end == end:
        return False  # 青山路、白石路的2条道路: the list's members, closed by 的 before their count
    return _COUNTED_AFTER_DE.match(norm, end, clause_end) is not None
