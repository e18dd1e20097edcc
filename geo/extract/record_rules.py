"""The rules of the record cascade: each decides what one mention stands for (a named project, a counted
group, nothing) or leaves it to the next; geo.extract.records puts each mention through them in order."""

from __future__ import annotations

import re

from geo.settings import COUNT_BREAKDOWN_REACH, NAME_BEFORE_WATER_TYPE_MIN, NETWORK_PLACE_MIN_STEM, NETWORK_PLACE_REACH
from geo.lexicon import (
    BARE_PHASE_UNNAMED_HEADS, DIRECTION_NAMED_HEADS, JURISDICTION_SUFFIXES, INTERCITY_HEADS, NETWORK_LINKS, NETWORKED_ZONES, ORGANISATION_HEADS, PHASE_VERBS,
    PLACE_NETWORK_HEADS, PLACE_ROAD_TYPES, SINGLETON_FACILITY_HEADS, SIZE_UNITS, TITLE_RANKS, TITLE_VERBS, heads)
from geo.lexicon_lookups import is_generic
from geo.extract.counts import sentence_part_before, stock_counted
from geo.extract.model import Record, chain_first
from geo.extract.patterns import COUNTED_PROJECTS, ROAD_CATEGORIES
from geo.extract.record_spans import group_records, named_record
from geo.extract.stems import find_stem
from geo.extract.works import works_at
from geo.extract.village_roads import road_of_a_named_village


_PHASE_END = re.compile(r"期\)?$")


def _title_sought(case):
    """申报国家考古遗址公园: a ranked name after 申报/争创 is a title sought, not a place."""
    if case.mention.stop in TITLE_VERBS and case.norm.startswith(TITLE_RANKS, case.rest_start) \
            and case.count is None:
        return []
    return None


def _no_category(case):
    """Without a category (数据中心) or with a money amount for a stem (亿元楼宇) there is no project;
    projects and places counted by their size (28个亿元以上项目, 亿元以上大型市场5个) are still a
    counted group."""
    if case.label == "value" and case.count is not None and case.category not in (None, "commercial"):
        case.label = "generic"  # 建成亿元以上大型市场5个: places counted by a class of their size are a group
    if case.category is None or (case.label == "value" and case.category != COUNTED_PROJECTS):
        return []  # (税收超亿元楼宇12幢: office towers counted by their revenue are a statistic)
    return None


def _counted_organisation(case):
    """组建教育集团4个: counted organisations are no places (汇才教育集团 stays named)."""
    return [] if case.count is not None and case.mention.head in ORGANISATION_HEADS else None


def _named_with_size(case):
    """新建一条滨河路, 海泊河绿道12公里: one named project; a length or area is its size."""
    count = case.count
    if (count is not None and case.label == "distinctive" and case.mention.kind in ("name", "facility", "code")
            and (count.value == 1 or count.unit in SIZE_UNITS)):
        record = named_record(case.norm, case.mention, case.category, case.action, start=case.rest_start)
        if count.value != 1:
            record.quantity = {"value": count.value, "unit": count.unit}
        return [record]
    return None


def _road_metaphor(case):
    """走出一条特色发展新路: one road of a type is a metaphor, not a road."""
    count = case.count
    return [] if count is not None and count.value == 1 and case.mention.category == "road" else None


def _definite_single(case):
    """建设区级养老服务中心1个: the district's own one, named as the definite facility."""
    count = case.count
    if count is not None and count.value == 1 and case.label == "definite" and case.mention.kind == "facility":
        return [named_record(case.norm, case.mention, case.category, case.action, start=case.rest_start)]
    return None


def _area_measure_of_type(case):
    """新增城市绿地50万平方米: an area measure of a type, not a count of places."""
    count = case.count
    if count is not None and case.label != "distinctive" and count.unit in ("平方米", "万平方米"):
        return []
    return None


def _counted_group(case):
    """学校10所, 13条道路: an unnamed group record for the places counted (less named members)."""
    if case.count is None:
        return None
    if _share_of_a_jurisdiction(case) or _stock_counted(case) or _flowed_past(case):
        return []
    return group_records(case.norm, case.mention, case.category, case.action, case.count, case.rest_start)


def _stock_counted(case):
    """全县现有学校56所: what a place has is counted, no works (see counts.stock_counted)."""
    return case.action is None and stock_counted(case.norm, case.mention.stem_start)


def _flowed_past(case):
    """青龙河流经5个行政村: the villages a river flows past, counted with no works, are no group."""
    return case.action is None and case.count.end <= case.mention.head_start \
        and case.norm.endswith(_FLOWS_THROUGH, 0, case.count.start)


_FLOWS_THROUGH = ("流经",)  # 青龙河流经5个行政村: what a river runs past, no works


def _share_of_a_jurisdiction(case):
    """其中沿滩区2个、高新区2个: after 其中 a district named with a count and no works of its own is
    its share of the works counted before, no group of districts (其中建有服务区1处: a verb before
    the list makes them places)."""
    mention, count = case.mention, case.count
    stop = chain_first(mention).stop
    return case.action is None and (stop is None or len(stop) == 1 or stop == "其中") \
        and case.label in ("empty", "distinctive") and count.start >= mention.head_end \
        and mention.head.endswith(JURISDICTION_SUFFIXES) \
        and "其中" in sentence_part_before(case.norm, mention.stem_start, COUNT_BREAKDOWN_REACH)


def _phase_of_typed_facility(case):
    """数字经济产业园二期: a phase of a typed facility is one specific project."""
    mention = case.mention
    if case.label in ("generic", "slogan") and mention.kind in ("name", "facility") and len(mention.head) >= 2 \
            and _PHASE_END.search(case.section_text):
        return [named_record(case.norm, mention, case.category, case.action)]
    return None


def _route_between_places(case):
    """五华山至凤凰湾道路, 青山路跨白河桥梁: two places joined by 至 (跨 before 桥梁) name the route."""
    mention = case.mention
    joint = "跨" if mention.head == "桥梁" else "至"
    if mention.kind != "generic" or joint == "至" and mention.head not in INTERCITY_HEADS or case.count is not None:
        return None
    stem = case.norm[mention.stem_start:mention.head_start]
    before, _, after = stem.partition(joint)
    if len(before) >= 2 and len(after) >= 2 and not is_generic(after):
        return [named_record(case.norm, mention, case.category, case.action)]
    return None


def _network_of_a_named_place(case):
    """青山新区路网, 白石小学配套路网, 青山工业园规划路网一期: a road network after a named place (a school or
    a zone of NETWORKED_ZONES, a distinctive word of two characters or more before its head), or after the place
    and a word linking the two (配套, 规划), is that place's network, one project. 城市路网, 园区路网 are types;
    a network a dash or colon follows heads the roads listed after it (白石站片区路网——青山路、…)."""
    norm, mention = case.norm, case.mention
    if mention.kind != "generic" or mention.head not in PLACE_NETWORK_HEADS or norm.startswith(_HEADING_MARKS, mention.end):
        return None
    end = mention.head_start
    link = next((word for word in NETWORK_LINKS if norm.startswith(word, end - len(word))), None)
    end -= len(link) if link else 0
    own = end > case.rest_start  # (the place in the network's own stem; or before the link, a stop word: 规划)
    if not own and not (link and mention.stop == link):
        return None
    table = heads()
    head = next((norm[end - n:end] for n in range(4, 0, -1) if norm[end - n:end] in table), None)
    if head is None or table[head][1] not in ("name", "facility") or not (table[head][0] == "school" or head in NETWORKED_ZONES):
        return None
    stem = None if own else find_stem(norm, end - len(head), max(0, end - NETWORK_PLACE_REACH), 1, NETWORK_PLACE_REACH)
    start = case.rest_start if own else (stem[0] if stem else end)
    place = norm[start:end - len(head)]
    if len(place) < max(NETWORK_PLACE_MIN_STEM, table[head][2]) or is_generic(place):
        return None
    return [named_record(norm, mention, case.category, case.action, start=start)]


_HEADING_MARKS = ("—", "-", ":")  # (a full-width colon is normalised to ":")


def _name_before_its_type(case):
    """丹霍线南河川桥危桥拆除重建, 湾沚区文化馆公共文化场馆提升: a named place, then a type of its
    kind again (危桥; 场馆 after generic words): the place."""
    norm, mention = case.norm, case.mention
    start = case.rest_start
    category = mention.category if mention.category != "stem" else case.category
    if mention.kind != "generic" or case.label != "distinctive" or mention.section or case.count is not None \
            or mention.head_start - start < (shortest := NAME_BEFORE_WATER_TYPE_MIN if category == "water" else 3):
        return None
    # 碗厂村高标准农田, 白石村山塘: a type of another kind after a village names the village (not a
    # road or a stop, which the village names: 白石村通组路, 白石村公交站点).
    kinds = (category,) if category in (*ROAD_CATEGORIES, "road", "station") else (category, "village")
    end, kind = next(((k, c) for k in range(mention.head_start, start + shortest - 1, -1) for c in kinds
                      if is_generic(norm[k:mention.head_start]) and _ends_in_head_of(norm, start, k, c)
                      and (c == category or not is_generic(norm[start:k]))), (None, None))
    if end is None:
        return None
    return [Record(named=True, category=case.category if kind == category else kind, action=case.action,
                   start=start, end=end, base=(start, end), mention=mention)]


def _school_type_after_a_name(case):
    """古襄路中小学, 华侨城中小学: a school type (中小学: generic after generic words, 农村中小学) after
    a distinctive name (not a jurisdiction's: 岚皋县中小学) names one school."""
    norm, mention = case.norm, case.mention
    if mention.kind != "generic" or mention.category != "school" or case.label != "distinctive" \
            or case.count is not None or norm.endswith(JURISDICTION_SUFFIXES, case.rest_start, mention.head_start) \
            or mention.head_start - case.rest_start < 2:
        return None
    return [named_record(norm, mention, case.category, case.action, start=case.rest_start)]


# A direction alone (中, 东, 东西, 南北) as a whole stem.
_DIRECTION_STEM = re.compile(r"[东西南北中]|东西|南北")


def named_by_direction(norm, mention):
    """True when a direction alone (中, 东西) is the whole stem before a road head of DIRECTION_NAMED_HEADS
    (中干道, 西快线, 东西干道): it names one road, not a side of a type (city roads: 城区干道).

    Parameters
    ----------
    norm : str
        The normalised text.
    mention : Mention
        A mention whose stem starts where its name does (the caller checks).

    Returns
    -------
    bool
    """
    return mention.head in DIRECTION_NAMED_HEADS \
        and _DIRECTION_STEM.fullmatch(norm, mention.stem_start, mention.head_start) is not None


def _road_named_by_direction(case):
    """中干道, 西快线, 东西干道: a direction alone before a road head of DIRECTION_NAMED_HEADS, the whole stem
    (a break or a stop word before it), names one road (:func:`named_by_direction`); 城区干道, 青山快线 are
    the other rules'."""
    mention = case.mention
    if case.count is not None or mention.category != "road" or mention.stem_start != case.rest_start \
            or not named_by_direction(case.norm, mention):
        return None
    return [named_record(case.norm, mention, case.category, case.action)]


def _roads_of_a_named_place(case):
    """…、康泰市政道路、松林河治理等12个项目: a road type of PLACE_ROAD_TYPES right after a distinctive stem
    with no head of its own, listed with other projects, is that place's roads, one of them (a stem with a
    head before the type is the place: 松林片区市政道路, see :func:`_name_before_its_type`). Outside a list
    the stem may be a town's name run into the type (白石市政道路: 白石市's roads); a jurisdiction's
    (青山县市政道路) and a place's seen from around it (洲上市政道路) are a type in a list too."""
    norm, mention = case.norm, case.mention
    if mention.kind != "generic" or mention.head not in PLACE_ROAD_TYPES or case.label != "distinctive" \
            or case.count is not None or mention.section \
            or mention.typed_by is not None and mention.typed_by.kind != "generic" \
            or not _listed(norm, case.rest_start, mention.end):
        return None
    stem = norm[case.rest_start:mention.head_start]
    if len(stem) < 2 or stem.endswith(JURISDICTION_SUFFIXES) or stem[-1] in _AROUND_PLACE:
        return None
    return [named_record(norm, mention, case.category, case.action, start=case.rest_start)]


_AROUND_PLACE = "上内外"  # 洲上, 城内, 园外: the roads around a place, no name


def _listed(norm, start, end):
    """True when ``norm[start:end]`` is an item of a list (a 、 right before or after it)."""
    return norm.startswith("、", end) or start > 0 and norm[start - 1] == "、"


def _type_or_slogan(case):
    """美丽天桥, 道路, 示范村: slogans, uncounted types and designations are no projects."""
    return [] if case.label == "slogan" or case.mention.kind in ("generic", "designation") else None


def _distinctive_name(case):
    """天桥医院, 区级疾控中心: a distinctive stem, or a definite marker before a facility, names it."""
    if case.label == "distinctive" or (case.label == "definite" and case.mention.kind == "facility"):
        return [named_record(case.norm, case.mention, case.category, case.action)]
    return None


def _singleton_facility(case):
    """建成科技馆、全民健身中心, 启动体育公园建设, 全民健身中心、X等项目将于年底前投用: a district
    has one of these, so the bare type built by a works verb (or listed in works on projects) is
    its own facility."""
    norm, mention = case.norm, case.mention
    typed_by = mention.typed_by
    if case.label in ("empty", "generic") and norm[case.rest_start:mention.head_end] in SINGLETON_FACILITY_HEADS \
            and not mention.section and (typed_by is None or typed_by.category == "members"
                                     and (case.action or _works_follow(norm, typed_by.end, case.clause_end))) \
            and (mention.stop in PHASE_VERBS or mention.stop in ("和", "及")
                 or mention.stop is None and mention.stem_start > 0 and norm[mention.stem_start - 1] == "、"
                 or _opens_list(norm, mention)
                 or mention.stop is None and _works_follow(norm, (mention.chain or [mention])[-1].end, case.clause_end)
                 or typed_by is not None and mention.stop is None):
        return [named_record(norm, mention, case.category, case.action)]
    return None


def _opens_list(norm, mention):
    """来到大剧院、涂山路、体育中心等重点工程现场: a bare type opening a list (its next item after 、) is
    read as its bare one-of-a-kind mates after 、 are, whatever word stands before it; without such a
    mate (将市民中心、文化中心、青山大桥等10大项目) it is a type of the list's count."""
    return len(mention.chain) > 1 and chain_first(mention) is mention and norm.startswith("、", mention.end) \
        and any(m is not mention and norm[m.stem_start:m.head_end] in SINGLETON_FACILITY_HEADS for m in mention.chain)


def _works_follow(norm, end, clause_end):
    """True when works are said right after ``end``, or after 工程/项目 (规划展览馆工程已竣工)."""
    end += 2 if norm.startswith(("工程", "项目"), end) else 0
    return works_at(norm, end + (1 if norm.startswith("已", end) else 0), clause_end) is not None


def _built_facility(case):
    """即将竣工的全民健身中心, 正在改造的口袋公园: a bare facility described by the works done on it
    right before its 的 is the one place those works are on."""
    mention = case.mention
    if case.label in ("empty", "generic") and mention.kind == "facility" and mention.stop == "的" \
            and case.action is not None and case.norm.endswith(case.action, 0, mention.stop_start or 0):
        return [named_record(case.norm, mention, case.category, case.action)]
    return None


def _phase_of_bare_facility(case):
    """推进会展中心二期建设: a phase of a bare facility is one specific project (完成广场一期彩砖铺设,
    景区二期拆迁: a park's bare type is one of many such places, the phase is that of the unnamed project)."""
    mention = case.mention
    if mention.head in BARE_PHASE_UNNAMED_HEADS:
        return None
    if case.label == "empty" and mention.section and not case.section_text.startswith("周边") and (
            mention.kind == "facility" or mention.kind == "name" and len(mention.head) >= 3):
        return [named_record(case.norm, mention, case.category, case.action)]
    return None


RECORD_RULES = (
    _title_sought, _no_category, _counted_organisation, _named_with_size, _road_metaphor,
    _definite_single, _area_measure_of_type, _counted_group, _phase_of_typed_facility,
    _route_between_places, _network_of_a_named_place, _name_before_its_type, road_of_a_named_village, _school_type_after_a_name,
    _road_named_by_direction, _roads_of_a_named_place, _type_or_slogan,
    _distinctive_name, _singleton_facility, _built_facility, _phase_of_bare_facility,
)
# Rules that decide only on a counted mention, and rules that decide only on an uncounted one:
# each mention is put through the rules that can decide on it, in the same order (the same
# first decision, in half the calls).
_COUNTED_ONLY = frozenset((_counted_organisation, _named_with_size, _road_metaphor, _definite_single,
                           _area_measure_of_type, _counted_group))
_UNCOUNTED_ONLY = frozenset((_title_sought, _route_between_places, _network_of_a_named_place, _name_before_its_type,
                            road_of_a_named_village,
                            _school_type_after_a_name, _road_named_by_direction, _roads_of_a_named_place, _built_facility))
RULES_FOR_COUNTED = tuple(rule for rule in RECORD_RULES if rule not in _UNCOUNTED_ONLY)
RULES_FOR_UNCOUNTED = tuple(rule for rule in RECORD_RULES if rule not in _COUNTED_ONLY)


def _ends_in_head_of(norm, start, end, category):
    """True when the longest head ending ``norm[start:end]`` names a place of ``category`` (南河川桥
    before 危桥; not 主干道, a type)."""
    table = heads()
    head = next((norm[end - n:end] for n in range(min(4, end - start - 1), 0, -1) if norm[end - n:end] in table), None)
    if head is None or table[head][0] != category:
        return False
    # 北城中小学新校: a type of school after a distinctive stem names one (roads' types do not: 镇域主干道)
    return table[head][1] in ("name", "facility") or (
        table[head][1] == "generic" and category != "road" and not is_generic(norm[start:end - len(head)]))
