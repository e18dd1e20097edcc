"""Context rules for places a sentence describes rather than works on.

Places named for their people or authority, rivers whose floods are fought, works counted again, one of a type a place becomes,
examples of a kind, a building's uses, events held, roles to take on, residents' needs, a school's
catchment, a place's surroundings, types of schools written together, a place's projects growing in
number, the use of a place's land, kinds of facility listed, the journey to a place, a place's problem,
a place whose growth a project drives, a zone given an honour.
"""

from __future__ import annotations

import re

from geo.lexicon import (
    AMENITY_CLASS_ENDS, AUTHORITIES, BACK_REFERENCES, FLOOD_DUTY_PARTS, GROWTH_VERBS, JOINED_SCHOOL_HEADS,
    JURISDICTION_SUFFIXES, KIND_QUANTIFIERS, LIES_AT, PERSON_ROLES, PART_OF_WORDS, PLURAL_SCHOOL_TYPES,
    SERVED_PEOPLE, SURROUNDINGS, ZONE_HONOURS)
from geo.lexicon_lookups import ACTION_INDEX, match_any, multi_stop_ending_at
from geo.extract.chains import once_per_chain
from geo.extract.model import chain_end
from geo.extract.patterns import CLAUSE_BREAKS, COUNT_RE, NUM, clause_floor, count_search, VISITED_OWN_WORKS_RE, VISITED_PLACE_CATEGORIES
from geo.extract.rule_gates import only_for
from geo.extract.runs import run_end
from geo.extract.works import first_action
from geo.settings import (
    BECOMES_LIST_REACH, BECOMES_REACH, CONTENTS_LISTED_REACH, ENROLMENT_REACH, FACILITY_CLASS_REACH,
    FUNCTIONS_LISTED_REACH, GROWTH_VERB_REACH, MADE_LIST_REACH, REPRESENTED_REACH, SERVED_STEM_REST,
    SPACED_QUOTE_REACH, STRATEGIES_REACH, SURROUNDINGS_REACH)


def people_of_place(case):
    """任民镇中学教师李平荣获奖章: a place named for its people, or for its authority (青山新区管委会社会
    事业局将…), is context."""
    return case.norm.startswith(PERSON_ROLES, case.mention.end) or case.norm.startswith(AUTHORITIES, case.mention.end)


# A flood season's duties on a river (防汛战, 防汛工作, 安全度汛), no works: the river is where they are done
# (the lexicon's flood_season, flood_relief, flood_duty and flood_duty_whole words).
# (The rest of a list of waters may come first: the tagger's name has no list of its own.)
_FLOOD_DUTIES = re.compile("(?:{})(?:{})?(?:{})|{}".format(*("|".join(map(re.escape, part))
                                                           for part in FLOOD_DUTY_PARTS)))
_WATER_LINKS, _WATER_ENDS, _ITEM_HAN = "、和及与", "河江湖库渠溪", 8  # (、漳卫新河: a link, 1-8 Han, an end)
_FLOOD_REACH: list = [None, {}]  # the text, and by position whether flood duties follow it (after waters listed)


@only_for(lambda category, kind: category == "water")
def flood_duties(case):
    """打赢了漳卫新河、南运河防汛战, 做好青河防汛工作: rivers whose floods are fought are context
    (防汛提升改造, 防洪工程 are works on them)."""
    return case.mention.category == "water" and _reaches_flood_duties(case.norm, chain_end(case.mention))


def _reaches_flood_duties(norm, start):
    """Whether flood duties follow ``start``, after any waters listed (、南运河和青河防汛工作). Each position
    of a text is looked at once for all its mentions (a list of 10,000 waters: linear, not quadratic)."""
    if _FLOOD_REACH[0] is not norm:
        _FLOOD_REACH[:] = [norm, {}]
    known, stack = _FLOOD_REACH[1], [start]
    while stack:
        at = stack[-1]
        if at in known:
            stack.pop()
            continue
        if _FLOOD_DUTIES.match(norm, at) is not None:
            known[at] = True
            stack.pop()
            continue
        ends = _listed_water_ends(norm, at)
        pending = [end for end in ends if end not in known]
        if pending:
            stack.extend(pending)  # (ends lie after ``at``: no cycle)
            continue
        known[at] = any(known[end] for end in ends)
        stack.pop()
    return known[start]


def forget_flood_reach():
    """Let go of the text whose positions were found to reach flood duties (see mentions.forget_text)."""
    _FLOOD_REACH[:] = [None, {}]


def _listed_water_ends(norm, at):
    """Where each water listed at ``at`` may end (、南运河: after 河; 、青河湖: after 河 and after 湖)."""
    if at >= len(norm) or norm[at] not in _WATER_LINKS:
        return ()
    ends = []
    for han in range(1, _ITEM_HAN + 1):
        if at + han >= len(norm) or not "\u4e00" <= norm[at + han] <= "\u9fff":
            break
        if at + han + 1 < len(norm) and norm[at + han + 1] in _WATER_ENDS:
            ends.append(at + han + 2)
    return ends


# What the works just named, counted again, do as a clause's subject: 两条道路的建成将…, 这3所学校的投用使….
_RECOUNTED_AFTER = re.compile(r"的(?:建成|建设|实施|完工|开通|通车|投用|投运|启用)(?:将|后|使|可|为|[,;。])")
_RECOUNT_OPENERS = tuple("两二三四五六七八九十23456789")  # (a count of one is no list named before)


def recounted_works(case):
    """两条道路的建成将进一步促进…: a count opening a clause, its works nominalised after 的, counts
    the works named before it again (新建A路…；新建B路…。两条道路的建成…), no group of its own."""
    mention, norm = case.mention, case.norm
    if not norm.startswith("的", mention.end):
        return False  # (most mentions: one look)
    start = mention.stem_start
    back = next((word for word in BACK_REFERENCES if norm.startswith(word, start)), "")
    start += len(back)  # (这两条道路: the stem may open with the reference)
    if not norm.startswith(_RECOUNT_OPENERS, start) or _RECOUNTED_AFTER.match(norm, mention.end) is None \
            or COUNT_RE.match(norm, start, mention.head_start) is None:
        return False
    opens = start - len(back)
    return opens == 0 or norm[opens - 1] in CLAUSE_BREAKS or bool(back) or norm.endswith(BACK_REFERENCES, 0, opens)


# One of a type after 成为 or 作为 (改造成为一座智慧化农贸市场, 将成为一所现代化学校): what a place
# named before becomes, no project of its own. (是一所… is left: the labels pair such a group with
# a count of that type said elsewhere.)
_ONE_OF_A_TYPE = re.compile(r"一[座所个家处条]")


def one_described(case):
    """现已改造成为一座智慧化农贸市场, 打造成为一座生态公园: one of a type after 成为 or 作为."""
    mention, norm = case.mention, case.norm
    if mention.stop != "为" or not mention.stop_start or not _ONE_OF_A_TYPE.match(norm, mention.stem_start):
        return False
    return norm[mention.stop_start - 1] in "成作"


def centres_made(case):
    """全力打造行政科教文化中心、旅游集散中心: a bare 中心 (its category read from its stem's words)
    in a list 打造 opens is a role the district is to take on, no place."""
    mention, norm = case.mention, case.norm
    start = mention.stem_start
    if mention.head != "中心" or start is None:
        return False
    lo = (start - MADE_LIST_REACH if start > MADE_LIST_REACH else 0)
    return norm.find("打造", lo, start) >= 0 and _MADE_LISTED.search(norm, lo, start) is not None


# 打造 and the items of its list before a place (打造A中心、B中心、|旅游集散中心).
_MADE_LISTED = re.compile(r"打造(?:[^,;:。!?\n、]{1,16}、)*$")


# The rest of a list after a place, passed over to what follows the list (a name the tagger marks,
# or one listed with places of other kinds, has no list of its own).
_REST_OF_LIST = r"(?:、[^、,;:。!?\n]{1,16}?)*"
# Places given as examples of a kind (以青山森林公园、白石水库等为代表的山水旅游): what they stand
# for is described, no works on them (unless what they stand for is counted).
_REPRESENTED = re.compile(_REST_OF_LIST + "等?为代表")


def examples_of_a_kind(case):
    """以A公园、B水库等为代表的生态旅游: the places that exemplify a kind are context; one that
    stands for a counted group of works (以建设A市场为代表的21个项目, 建成以B园为代表的园区128个)
    is one of them."""
    end = case.mention.end
    reach = (end + REPRESENTED_REACH if end + REPRESENTED_REACH < case.clause_end else case.clause_end)
    if case.norm.find("为代表", end, reach) < 0:
        return False  # (most places: the pattern's literal end is not within reach, nothing else tried)
    found = _REPRESENTED.match(case.norm, end, reach)
    return found is not None and count_search(case.norm, found.end(), case.clause_end) is None


# Strategies listed (融入成渝地区双城经济圈建设、西部陆海新通道建设等国家战略): the places a list of
# strategies names are what a plan serves, no works (战略通道, 战略项目 are works, and go on past 战略).
_STRATEGIES = re.compile(r"(?:建设|发展|开发|开放|保护)?" + _REST_OF_LIST
                         + r"等?(?:国家|重大|区域|发展|重点){0,3}战略(?:(?![\u4e00-\u9fff])|部署|要求|任务|机遇|实施|落地)")


def strategies_listed(case):
    """紧扣成渝地区双城经济圈建设、西部陆海新通道建设等国家战略: a place named in a list of
    strategies is context, the works word after it (建设) part of the strategy's name."""
    end = case.mention.end
    reach = (end + STRATEGIES_REACH if end + STRATEGIES_REACH < case.clause_end else case.clause_end)
    return case.norm.find("战略", end, reach) >= 0 and _STRATEGIES.match(case.norm, end, reach) is not None


# A building's uses listed (使用功能包括图书馆、档案馆及市民中心): the rooms it holds, up to the place.
_FUNCTIONS_LISTED = re.compile(r"功能(?:包括|包含|涵盖|有)(?:[^,;:。!?\n、和及与]{1,12}[、和及与])*$")


def functions_of_a_building(case):
    """实际使用功能包括综合展览馆、图书馆、档案馆及市民中心: the uses a building described is put
    to are rooms of it, no facilities of their own (with no works on them)."""
    norm, start = case.norm, case.mention.stem_start
    lo = (start - FUNCTIONS_LISTED_REACH if start > FUNCTIONS_LISTED_REACH else 0)
    if case.action is not None or norm.find("功能", lo, start) < 0:
        return False  # (most places: no uses listed before them)
    return _FUNCTIONS_LISTED.search(norm, lo, start) is not None


# What a project is said to hold (文化体育园区包括建设体育场、体育馆、图书馆及档案馆): the list after
# 包括 up to a place, with the works that may open it.
_CONTENTS_LISTED = re.compile(r"(?P<opener>包括|包含|涵盖|建设内容[为有]|建设项目有|主要建设有|内设有):?(?:建设|新建|改建|扩建)?"
                              r"(?:[^,;:。!?\n、和及与]{1,12}[、和及与])*$")
# The literals of those openers, one of which must stand within reach before a type (a fast look-up first).
_CONTENTS_LITERALS = ("包", "含", "涵盖", "内容", "项目有", "建设有", "设有")
_CONTENTS_LITERAL_RE = re.compile("|".join(_CONTENTS_LITERALS))  # (one search for them all)
# The openers of a building's or a project's parts (建设内容有, 馆内设有), not of a list of projects
# (包括, 建设项目有): a type with a stem listed after them beside a bare type is a part too.
_PARTS_OPENERS = frozenset(("建设内容为", "建设内容有", "主要建设有", "内设有"))
_CONTENTS_OPENER_MAX = 5  # characters of the longest opener of _CONTENTS_LISTED (建设内容为)
_CONTENTS_MARKS = ",;。!?\n"  # what no list of _CONTENTS_LISTED holds (its colon follows the opener)


def types_contained(case):
    """文化体育园区包括建设体育场、体育馆、图书馆及档案馆, 建设项目有图书馆、文化馆: bare types (a
    head with no name before it) listed as what a project holds are its parts, no places of their
    own (A路、B路 listed so are). After the openers of a building's parts (建设内容有新建住院楼、妇幼病房楼,
    馆内设有乒乓球馆、游泳馆) a type with a stem listed beside a bare type is a part too."""
    mention, norm = case.mention, case.norm
    start = mention.stem_start
    if start is None or mention.count:
        return False  # (a road's code with its section, or a counted one)
    lo = _contents_floor(norm, case.clause_start, (start - CONTENTS_LISTED_REACH if start > CONTENTS_LISTED_REACH else 0), start)
    if _CONTENTS_LITERAL_RE.search(norm, lo, start) is None:
        return False  # (most places: no opener of a project's contents before them)
    bare = _bare_type(norm, mention)
    if not bare and not once_per_chain(mention.chain or (), _holds_bare_type, norm):
        return False  # (a named place, in no list of parts)
    match = _CONTENTS_LISTED.search(norm, lo, start)
    return match is not None and (bare or match.group("opener") in _PARTS_OPENERS)


def _contents_floor(norm, clause_start, lo, start):
    """Where the look back for a list's opener may begin: the list holds no mark, but the colon
    right after its opener (包括:), which the opener stands right before. A newline before the
    place itself is left (``$`` matches before it)."""
    if lo < clause_start <= start and norm[clause_start - 1] == ":":
        return max(lo, clause_start - 1 - _CONTENTS_OPENER_MAX)
    return clause_floor(norm, clause_start, lo, start,
                        _CONTENTS_MARKS if clause_start < start else _CONTENTS_MARKS.replace("\n", ""))


def _bare_type(norm, mention):
    """True when a mention is its head alone (体育馆), with no name before it."""
    return bool(mention.head) and mention.stem_start is not None and norm[mention.stem_start:mention.end] == mention.head


def _holds_bare_type(chain, norm):
    """True when an item of the list is its head alone (asked once per list: see geo.extract.chains)."""
    return any(_bare_type(norm, mate) for mate in chain)


def what_it_becomes(case):
    """青山将成为三省结合部的商贸物流中心, 成为中心城区的金融中心、科教文化中心: what a place is to
    become, described after 成为 and 的 or listed after it, with no works of its own, is a role, no place."""
    mention, norm = case.mention, case.norm
    if case.action is not None:
        return False
    de = _de_before(norm, mention)
    if de is not None:
        lo = (de - BECOMES_REACH if de > BECOMES_REACH else 0)
        lo = max([lo] + [norm.rfind(char, lo, de) + 1 for char in CLAUSE_BREAKS])  # its own clause
        if norm.find("成为", lo, de) >= 0:
            return True
    start = mention.stem_start
    return _BECOMES_LIST.search(norm, (start - BECOMES_LIST_REACH if start > BECOMES_LIST_REACH else 0), start) is not None


def _de_before(norm, mention):
    """Where the 的 before a mention stands, or None: its stop word, or a 的 with only white space
    and an opening quote between (成为联系群众的 “连心桥”: a repost spaces its quotes)."""
    if mention.stop == "的" and mention.stop_start is not None:
        return mention.stop_start
    if mention.stop is not None:
        return None
    start = mention.stem_start
    for end in (start, start + 1):  # (the stem may hold its opening quote or start after it)
        match = _SPACED_QUOTE_AFTER_DE.search(norm, (end - SPACED_QUOTE_REACH if end > SPACED_QUOTE_REACH else 0), end)
        if match is not None:
            return match.start()
    return None


# 的, white space, then the opening quote the mention's stem starts at (的 “连心桥”).
_SPACED_QUOTE_AFTER_DE = re.compile(r"的\s+[“‘\"]$")
# The roles listed after 成为 (成为青山县中心城区的金融中心、科教文化中心、…): the items after the first.
_BECOMES_LIST = re.compile(r"成为(?:[^,;:。!?\n、]{0,16}?的)?(?:[^、,;:。!?\n]{1,16}?、)+$")


def holds_an_event(case):
    """青山小学举行清明祭扫活动: a place holding an event, with no works said, is its host, context
    (白石医院举行开工仪式: its works started)."""
    norm, end = case.norm, case.mention.end
    if case.action is not None or not norm.startswith(("举行", "举办"), end):
        return False  # (most places: no event held right after them)
    # No action starts in the rest of the clause (one may run past its end): the first one after the
    # event found once per text for a list of hosts (see works.first_action).
    found = first_action(norm, end + 2, min(len(norm), case.clause_end + ACTION_INDEX.lengths[0] - 1))
    return found is None or found[0] >= case.clause_end


# The needs of a place's people named after it (解决A小区、B村区域居民入学问题, C村群众出行难): the
# places are whose people a project serves, no works on them (their water works are: A村群众饮水工程).
# A line may break the phrase where no mark stands (a post a phrase a line: …胡张村区域\n居民入学问题).
# The villages may be counted first, with their neighbours and people (解决A村、B村2个贫困村及周边
# 3个村近千人的交通通行条件, …等35个村2.6万人的安全饮水问题): the road or the water works serving them
# is the project.
_VILLAGES_COUNTED = (rf"(?:等|共)?{NUM}个[\u4e00-\u9fff]{{0,6}}?(?:村|社区|小区|组)[^、,;:。!?\n]{{0,24}}?"
                     r"的?(?:居民|群众|村民|住户)?的?(?:安全)?(?:交通|出行|通行|饮水|用水|吃水)+(?:安全)?(?:条件|问题|难|困难)")
_RESIDENTS_NEEDS = re.compile(_REST_OF_LIST + r"(?:(?:区域|片区|周边|一带)?\n?的?(?:居民|群众|村民|住户)(?:子女)?的?"
                              r"(?:就近)?(?:入学|就学|上学|就医|出行)|" + _VILLAGES_COUNTED + ")")
# The needs either form ends with: one of them within reach before the pattern is tried.
_RESIDENTS_NEED_WORDS = re.compile(r"入学|就学|上学|就医|出行|交通|通行|饮水|用水|吃水")


def residents_served(case):
    """解决青山小区、红枫村区域居民入学问题: places named for their residents' needs are context."""
    norm, end, clause_end = case.norm, case.mention.end, case.clause_end
    reach = (end + REPRESENTED_REACH if end + REPRESENTED_REACH < len(norm) else len(norm))  # (the pattern stops at marks itself)
    # A need is looked for up to the clause's mark when one closes it (no need past it is in reach of the pattern)
    needs_end = clause_end if end <= clause_end < reach and norm[clause_end] in _NEEDS_STOPS else reach
    return _RESIDENTS_NEED_WORDS.search(norm, end, needs_end) is not None \
        and _RESIDENTS_NEEDS.match(norm, end, reach) is not None


_NEEDS_STOPS = frozenset(",;:。!?")  # (marks _RESIDENTS_NEEDS matches none of: a clause's or a sentence's)


# How many projects a place has, said to grow or shrink (北山片区建设项目逐渐增多, 待A片区工程建设项目
# 减少时): the place is described, its projects are not named.
_PROJECTS_CHANGING = re.compile(_REST_OF_LIST + r"(?:工程)?(?:建设)?项目(?:逐渐|日益|不断|越来越|明显)?(?:增多|增加|减少)")


def projects_changing(case):
    """北山片区建设项目逐渐增多: a place whose number of projects grows or shrinks is context."""
    end = case.mention.end
    reach = (end + REPRESENTED_REACH if end + REPRESENTED_REACH < len(case.norm) else len(case.norm))
    return case.norm.find("项目", end, reach) >= 0 and _PROJECTS_CHANGING.match(case.norm, end, reach) is not None


# What land a place is, by its planned use (秀水河东岸为城市绿化用地, A地块现状为工业用地): described.
_LAND_USE = re.compile(r"(?:现状)?(?:为|属于?)(?:城市|规划|现状)?[\u4e00-\u9fff]{0,6}?用地")
_LAND_USE_FIRST = ("现", "为", "属")  # the characters the pattern can open with


def land_use_described(case):
    """青山河东岸为城市绿化用地,未规划道路用地: a place said to be land of some use is context."""
    return case.norm.startswith(_LAND_USE_FIRST, case.mention.end) and _LAND_USE.match(case.norm, case.mention.end) is not None


# A distance after a place (距伊河大桥3.5公里, 距县城约5公里): the place it is measured from. The time or
# distance of a journey to a place (县城至青山站的时间将由30分钟缩短到10分钟, 到白石机场的车程仅需20分钟):
# where a trip ends.
_DISTANCE_AFTER = re.compile(r"(?:约|仅|不到|不足)?\d+(?:\.\d+)?(?:公里|千米|km|KM|米)")
_JOURNEY_AFTER = re.compile(r"的?(?:通行|行车|出行|单程|往返)?(?:时间|车程|时长|行程|里程)")


def distance_or_journey(case):
    """距伊河大桥3.5公里, 县城至青山站的时间将缩短到10分钟: a place a distance is measured from, or one whose
    journey time or distance is said with no works on it, is context (新建青山站的时间: the works' time).

    距 is one character and no stop word: in 者跃村距县城9公里 it would cut the run before it into a name.
    """
    norm, mention = case.norm, case.mention
    if norm.startswith("距", mention.stem_start) and _DISTANCE_AFTER.match(norm, mention.head_end) is not None:
        return True
    return case.action is None and _JOURNEY_AFTER.match(norm, mention.end) is not None


# A school's catchment (招生范围为A村的房产,包括B花城、C小区) and the school enrolling: context.
_ENROLMENT_AREA = re.compile(r"招生(?:范围|面积|片区|区域|地段)|划片范围|施教区|学区范围")
_ENROLMENT_WORDS = ("招生", "划片范围", "施教区", "学区范围")  # one of them opens every form of the pattern


def enrolment_area(case):
    """白石小学今年的招生范围为青山村的房产,包括A花城、B小区: with no works, the places of a sentence
    on a school's catchment are context (新建青山小学,招生范围为… keeps the school its works govern)."""
    if case.action is not None:
        return False
    norm, start = case.norm, case.mention.stem_start
    begin = (start - ENROLMENT_REACH if start > ENROLMENT_REACH else 0)
    hi = (case.mention.end + ENROLMENT_REACH if case.mention.end + ENROLMENT_REACH < case.clause_end else case.clause_end)
    if not any(norm.find(word, begin, hi) >= 0 for word in _ENROLMENT_WORDS):
        return False  # (most places: no catchment word within reach, no marks looked for)
    begin = max([begin] + [norm.rfind(mark, begin, start) + 1 for mark in "。!?\n"])
    # (within reach after the place too: a list of thousands in one clause stays linear)
    return _ENROLMENT_AREA.search(norm, begin, hi) is not None


# What lies around a place, described (未来城周边的高速公路网络发达,如A高速、B高速等; A、B等知名学校均位于
# 未来城周边): in a sentence with no works, the places given as examples of it, or said to lie there as a
# list, are context. (设有 and 拥有 are left: the unread sets label places such sentences say are there.)
_THERE_BEFORE = re.compile(r"(?:如|包括|例如|比如)(?:[^、,;:。!?\n]{1,16}?、)*$")
# (a list's places, typed after 等: a place described alone, 青山路位于白石镇境内, is the subject)
_THERE_AFTER = re.compile(_REST_OF_LIST + r"等[\u4e00-\u9fff]{0,6}?均?(?:位于|坐落于|坐落在|分布在|分布于)")


def surroundings_described(case):
    """青山一中、白石中学等知名学校均位于新城周边, 周边的商业街区逐渐形成,如A广场、B汇等: with no works in the
    sentence (within reach), places it lists as lying around a place, or gives as examples, are context."""
    if case.action is not None:
        return False
    norm, mention = case.norm, case.mention
    lo = (mention.stem_start - SURROUNDINGS_REACH if mention.stem_start > SURROUNDINGS_REACH else 0)
    hi = (mention.end + SURROUNDINGS_REACH if mention.end + SURROUNDINGS_REACH < len(norm) else len(norm))
    if not any(norm.find(word, lo, hi) >= 0 for word in SURROUNDINGS):
        return False  # (most places: nothing around is described within reach, no marks looked for)
    lo = max([lo] + [norm.rfind(mark, lo, mention.stem_start) + 1 for mark in "。!?\n"])
    hi = min([hi] + [pos for pos in (norm.find(mark, mention.end, hi) for mark in "。!?\n") if pos >= 0])
    # the place around which is named first (未来城周边…,如A、B等), or after a list said to lie there (A、B等
    # 学校均位于新城周边); 包括青山国小校园周边…改善 names the place whose surroundings are worked on
    described = any(word in norm[lo:mention.stem_start] for word in SURROUNDINGS) \
        and _THERE_BEFORE.search(norm, (mention.stem_start - 60 if mention.stem_start - 60 > lo else lo), mention.stem_start) is not None \
        or _THERE_AFTER.match(norm, mention.end, hi) is not None and any(word in norm[mention.end:hi] for word in SURROUNDINGS)
    return described and ACTION_INDEX.first_in(norm, lo, hi) is None  # (the works looked for last: the dearest)


# A village said to lie somewhere (青山村位于白石镇东部, 村庄紧邻青河: ``lies_at`` in stop_words.tsv): the
# subject of a description.


@only_for(lambda category, kind: category == "village")
def village_located(case):
    """青山村位于白石镇东部,村庄紧邻青河: a village whose sentence says where it lies, with no works
    in it, is described as the scene of what follows (a reporter's visit, its people's words), no
    project of its own."""
    mention, norm = case.mention, case.norm
    if case.action is not None or mention.category != "village" or not norm.startswith(LIES_AT, mention.end):
        return False
    # (青山村位于…,今年硬化道路; the sentence's end and its first action after the village found once per text)
    return first_action(norm, mention.end, run_end(norm, mention.end, "sentence")) is None


def types_joined(case):
    """青山县中小学幼儿园基础设施提升改造: types written one after another (中小学 and 幼儿园) right
    after a jurisdiction are its schools, no school of its own (A大学附属中小学幼儿园 is one)."""
    mention, norm = case.mention, case.norm
    if mention.head not in JOINED_SCHOOL_HEADS or mention.count:
        return False
    plural = next((t for t in PLURAL_SCHOOL_TYPES if norm.endswith(t, mention.stem_start, mention.head_start)), None)
    return plural is not None and norm.endswith(tuple(JURISDICTION_SUFFIXES), mention.stem_start,
                                                mention.head_start - len(plural))


def kinds_of_facility(case):
    """设置游泳馆、网球馆、室内冰场等各种体育设施: the members of a list typed as many kinds (各种, 各类,
    多种) are the kinds a project holds, no places of their own. So are the members of a list typed as a
    class of facilities (等便民利民设施, 等基础设施) named only by the people they serve
    (建设儿童公园、停车场等便民利民设施, 配套建设文化大院、老年人活动中心等基础设施; 青山公园、白石广场等
    便民设施 stay names). So are the items of a list closed by a class of facilities that says they are the
    parts of one project (青山公园建有白石桥、青松亭等配套设施, 增设挡浪墙、导航灯等相关渔港设施: ``part_of``
    in modifiers.tsv)."""
    typed, norm, mention = case.mention.typed_by, case.norm, case.mention
    if _PARTS_AFTER.match(norm, mention.end, min(case.clause_end, mention.end + FACILITY_CLASS_REACH)) is not None:
        return True
    if typed is None:
        # a name the tagger adds has no type read: the list's class is looked for after it (bounded)
        return _named_by_people(norm, mention) \
            and _CLASS_AFTER.match(norm, mention.end, min(case.clause_end, mention.end + FACILITY_CLASS_REACH)) is not None
    if norm.startswith(KIND_QUANTIFIERS, typed.stem_start):
        return True
    return norm.endswith(AMENITY_CLASS_ENDS, typed.stem_start, typed.end) and _named_by_people(norm, mention) \
        and not _JOINED_BY_AND.search(norm, mention.end, chain_end(mention))


# A list's items joined by 及 or 和 after a facility named by its people: the facility decides for the
# items joined to it (青少年活动中心及县城污水处理、垃圾填埋等设施: the town's works are left).
_JOINED_BY_AND = re.compile("[及和]")
# The rest of a list after a member, then 等 and a class of facilities (、停车场等一大批便民设施).
_CLASS_AFTER = re.compile(r"(?:、[^,;:。!?\n、及和]{1,12})*等[^,;:。!?\n]{0,8}?(?:" + "|".join(map(re.escape, AMENITY_CLASS_ENDS)) + ")")
# The rest of a list after a member (items joined by 、, 及 or 和), then 等, a word of parts and a class of
# facilities at most a short word after it (、室外活动场地及管网等附属设施, 、导航灯等相关渔港设施).
_PARTS_AFTER = re.compile(r"(?:[、及和][^,;:。!?\n、及和等]{1,12})*等(?:" + "|".join(map(re.escape, PART_OF_WORDS))
                          + r")[^,;:。!?\n、等]{0,6}?(?:" + "|".join(map(re.escape, AMENITY_CLASS_ENDS)) + ")")


def _named_by_people(norm, mention):
    """True when ``mention``'s stem is only the people it serves and a short word (老年人活动中心; a bare
    type is left to the rules of types: 县城污水处理 listed before 等设施 is the town's own)."""
    if mention.stem_start is None:
        return False
    stem = norm[mention.stem_start:mention.head_start]
    if not stem or stem[0] not in _PEOPLE_FIRST:
        return False  # (most names: one set look-up)
    people = max((len(word) for word in SERVED_PEOPLE if stem.startswith(word)), default=0)
    return people > 0 and len(stem) - people <= SERVED_STEM_REST


_PEOPLE_FIRST = frozenset(word[0] for word in SERVED_PEOPLE)


# A project said to serve a place (也是加快推进X片区建设的关键性工程, 是X新区开发的重要一环): the place
# whose growth it serves, after 是 and before its development and 的, is
# the purpose, no project of the clause (是 in the same clause).
_IS_BEFORE = re.compile(r"是[^,;:。!?\n]{0,24}$")
_SERVED_AFTER = re.compile(r"(?:建设|开发|发展|更新|提升)的(?:[\u4e00-\u9fff]{0,4}?)(?:工程|项目|举措|一环|环节|抓手|支撑)")


def purpose_served(case):
    """X片区 of 也是加快推进X片区建设的关键性工程: the place a project serves, no project itself."""
    mention, norm = case.mention, case.norm
    start = mention.stem_start
    return _SERVED_AFTER.match(norm, chain_end(mention)) is not None \
        and _IS_BEFORE.search(norm, (start - 25 if start > 25 else 0), start) is not None


# A zone or village whose growth a project drives, right after the verb or listed after it (带动沿线|A镇、
# |B镇等集镇的发展, 促进|A片区开发): what benefits, no project of the clause. Other kinds of place
# stay (促进A市场加快融合发展: the market's own upgrade).
_DRIVEN_BEFORE = re.compile("(?:" + "|".join(map(re.escape, GROWTH_VERBS)) + r")(?:沿线|周边)?"
                            r"((?:[^,;:。!?\n、和及与]{1,16}[、和及与])+)?$")
_DRIVEN_CATEGORIES = ("area", "village")


@only_for(lambda category, kind: not category or category in _DRIVEN_CATEGORIES)  # (none: its list's type)
def growth_driven(case):
    """A镇 of 带动沿线A镇、B镇等集镇的发展, A片区 of 促进A片区开发: a zone or village whose growth
    another project drives is what benefits, no project itself."""
    mention, norm = case.mention, case.norm
    typed = mention.typed_by  # (a bare item takes its list's type: 白石镇、青松镇等集镇)
    if (mention.category or (typed.category if typed is not None else None)) not in _DRIVEN_CATEGORIES:
        return False
    start = mention.stem_start
    low = (start - GROWTH_VERB_REACH if start > GROWTH_VERB_REACH else 0)
    if not any(norm.find(verb, low, start) >= 0 for verb in GROWTH_VERBS):
        return False  # (most places: no such verb before them, and no pattern to look for)
    driven = _DRIVEN_BEFORE.search(norm, low, start)
    # a later item of a list with works of its own is left (带动A新区和B小区开发: B's 开发)
    return driven is not None and (case.action is None or driven.group(1) is None)


# A problem of a place closing its clause (A片区学校配套不足问题, A片区适龄儿童就近入学问题), after a
# verb that relieves or heeds it (解决 is left out: 解决A村饮水问题 is often works in the village).
_PROBLEM_CLOSES = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:问题|难题)(?=[,;。!?\n]|$)")
_RELIEVED_BEFORE = re.compile(r"(?:缓解|破解|化解|重视|关注)[\u4e00-\u9fff]{0,6}$")


def problem_of_place(case):
    """缓解A片区适龄儿童就近入学问题, 重视A片区学校配套不足问题: a place whose problem closes the
    clause, with no verb between them, after a verb that relieves it, is what a project relieves,
    no works of its own."""
    norm, start, end = case.norm, case.mention.stem_start, chain_end(case.mention)
    problem = _PROBLEM_CLOSES.match(norm, end, case.clause_end)
    return problem is not None and _RELIEVED_BEFORE.search(norm, (start - 10 if start > 10 else 0), start) is not None \
        and not any(multi_stop_ending_at(norm, pos, end) for pos in range(end + 2, problem.end() + 1))


def own_works_visited(norm, mention, clause_end):
    """True when a visited place (or the list it closes) is followed by its own works (踏勘青松祠戏台新建
    工程, 深入A公园、B河综合治理工程现场): the place is the project inspected."""
    if mention.category in VISITED_PLACE_CATEGORIES:
        return False
    end = chain_end(mention) if norm.startswith("、", mention.end) else mention.end
    return VISITED_OWN_WORKS_RE.match(norm, end, clause_end) is not None


@only_for(lambda category, kind: category == "area")
def honoured_zone(case):
    """青山小镇入选国家级特色小镇, 白石度假区创建为国家aaa级旅游景区: a zone an honour or a title is given
    to right after its name (ZONE_HONOURS, 成功入选 too; not a listing, 列为重点项目, or an approval, 获批建设, which
    may well be its works'), with no works but the honour's own verb (创建 of 创建为), holds the honour:
    it is no project."""
    mention = case.mention
    if mention.category != "area":
        return False
    honour = match_any(case.norm, chain_end(mention), ZONE_HONOURS)
    return honour is not None and (case.action is None or case.action in honour)
