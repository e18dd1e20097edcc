"""Records made from mentions: the named project or counted group each mention stands for, its category and action.

The rules of the cascade are here; the extent and name of the records they make are in geo.extract.record_spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.settings import NAME_BEFORE_WATER_TYPE_MIN
from geo.lexicon import AMENITY_CLASSES, FORMER_WORDS, COUNTED_WORKS, JURISDICTION_SUFFIXES, TYPE_WORDS, INTERCITY_HEADS, NETWORK_HEADS, is_generic, AREA_ACTIONS, NEIGHBOURHOOD_HEADS, ORGANISATION_HEADS, PHASE_VERBS, SINGLETON_FACILITY_HEADS, SIZE_UNITS, DWELLING_UNITS, STREET_NAMED_HEADS, TITLE_RANKS, TITLE_VERBS, category_group, heads
from geo.extract.chains import followed_by, holds_head, of_list, once_per_chain, positions
from geo.extract.lists import kind_after_kinds, listed_with_counted_types, resolve_enumerations
from geo.extract.partners import drop_locators, drop_partners
from geo.extract.routes import listed_sections
from geo.extract.extents import is_range
from geo.extract.mentions import clause_mentions, may_hold_records
from geo.extract.context import CONTEXT_RULES, CONTEXT_RULES_WITH_ACTION, governed_by_context_verb
from geo.extract.counts import counted_things, counted_works, sentence_part_before, stock_counted, BREAKDOWN_REACH
from geo.extract.sized_counts import counted_before_size
from geo.extract.listed_counts import counted_after_list, listed_projects, totals_after_names
from geo.extract.model import Count, Mention, Record, chain_first
from geo.extract.patterns import COUNTED_PROJECTS, DASHES, DIRECTION_AREA_RE, ROAD_CATEGORIES
from geo.extract.stem_labels import analyse_stem
from geo.extract.record_spans import group_records, named_record
from geo.extract.works import action_for, resolve_category, works_at


_PHASE_END = re.compile(r"期\)?$")


def clause_records(norm, start, end, sent_start, sent_end):
    """All records of one clause: named projects, group records and their members."""
    if not may_hold_records(norm, start, end):
        return []  # (a clause of prose: no head, count or code for a rule to start from)
    mentions = [m for m in clause_mentions(norm, start, end) if not _official_in_name(norm, m)]
    sentence = norm[sent_start:sent_end]
    resolve_enumerations(norm, mentions, start)
    records = []
    right_actions = {}  # the works said after a position of the clause, looked up once (a list's items share them)
    for mention in mentions:
        made = _mention_records(norm, mention, sentence, end, right_actions)
        for record in made:
            record.clause = (start, end)
        records.extend(made)
    for record in records:
        typed = record.mention.typed_by
        if record.named and typed is not None and typed.full_count and record.group_total is None:
            record.group_total = dict(typed.full_count)
    if records:  # (no mention made one in most clauses)
        records = _lengths_of_named(drop_partners(norm, drop_locators(norm, records, mentions), end))
        amenities = _amenity_types(norm, records)
        records = [r for r in records if not _bare_direction(norm, r) and not _types_alone(norm, r)
                   and not _counted_opening(norm, r) and id(r) not in amenities
                   and not _former_type(norm, r)]
        records = listed_sections(norm, records, end)
    works = counted_works(norm, start, end, records, mentions)
    things = counted_things(norm, start, end, records + works, mentions)
    things += counted_before_size(norm, start, end, records + works + things, mentions)
    groups = counted_after_list(norm, start, end, records + works + things, mentions)
    totals_after_names(norm, start, end, records, mentions)
    return listed_projects(norm, start, end, records + works + things + groups)


def _lengths_of_named(records):
    """团结河堤防加固12公里: a length counted by a bare head right after a name (堤防 of 团结河) is
    the named place's measure, not a group of its own."""
    ends = {r.end: r for r in records if r.named}
    kept = []
    for record in records:
        owner = ends.get(record.mention.stem_start) if not record.named and record.quantity else None
        if owner is not None and record.mention.head_start == record.mention.stem_start and not record.remainder \
                and record.quantity["unit"] in SIZE_UNITS:
            owner.measures.append({"value": record.quantity["value"], "unit": record.quantity["unit"], "noun": None})
            owner.action = owner.action or record.action
            continue
        kept.append(record)
    return kept


def _bare_direction(norm, record):
    """九原小区东区、西区; 东、西片区老旧小区: a part of town named only by its direction (西区,
    南片) names no place by itself (it is a part of something named before it)."""
    return record.named and norm[record.start:record.start + 1] in _DIRECTION_CHARS \
        and _BARE_DIRECTION_RE.fullmatch(norm, record.start, record.end) is not None


_DIRECTION_CHARS = "东西南北中"  # (what such a name opens with: one look before the pattern)
_BARE_DIRECTION_RE = re.compile(rf"[{_DIRECTION_CHARS}]{{1,2}}(?:片区?|区|部|侧)")


def _counted_opening(norm, record):
    """两个中学部, 8座桥梁横跨剥隘, 80%入普惠性幼儿园, 一颗颗链上公园: a name that opens with a count of
    things, a share or a reduplicated measure word is prose run on into a head (how many, how
    much, one after another), no place's name. An area's is left: blocks counted with their works
    (5个城中村改造) name the group a count row holds."""
    if not record.named:
        return False
    first = norm[record.start:record.start + 1]  # (a figure, 两 or 一 opens it: one look before the pattern)
    return (first.isdecimal() or first in _COUNTED_OPENING_WORDS) \
        and _COUNTED_OPENING_RE.match(norm, record.start, record.end) is not None and record.category != "area"


# A count of things in figures or with 两 (8座, 两个; not 204所, a unit's number), a share (80%), a
# measure word doubled after 一 (一颗颗, 一座座): what no name opens with.
_COUNTED_OPENING_RE = re.compile(r"(?:\d+(?:\.\d+)?|两)[个座条处家项栋件]|两所|\d+(?:\.\d+)?%|一([颗座条个片处栋家])\1")
_COUNTED_OPENING_WORDS = ("两", "一")  # (with the figures: \d is what str.isdecimal tells)
_ALTERNATIVE_TYPE_RE = re.compile(r"([\u4e00-\u9fff]{2,6})\(([\u4e00-\u9fff]{2,6})\)")


# An official's title inside a stem (青山区区长王江白石新区, 白石县委书记李华…): a person's mention
# run on into a place, no project (nor a member of a count after it). 区长 alone is no title there
# (新区长江路: 区, then 长江路).
_TITLE_IN_NAME = re.compile(r"([区县市镇乡旗])\1长|(?:副|代)[区县市镇乡]长|委书记|局长")


def _amenity_types(norm, records):
    """ids of the named records that are types of amenity (配套建设文化大院、老年人活动中心等基础设施,
    新建农贸市场、公共厕所、农民公园等便民设施): items of a list closed by a class of amenities
    (设施, 场馆: ``amenity_class`` in head_roles.tsv) of which at least half are bare types, so that
    the list names kinds of amenity, and its named items (老年人活动中心, 农民公园) are kinds too."""
    verdicts, found = {}, set()
    for record in records:
        typed = record.mention.typed_by
        if not record.named or typed is None or typed.head not in AMENITY_CLASSES or not typed.members:
            continue
        if id(typed) not in verdicts:  # (once per list: its items share the verdict)
            bare = sum(1 for member in typed.members if member.stem_start >= member.head_start
                       or is_generic(norm[member.stem_start:member.head_start]))
            verdicts[id(typed)] = 2 * bare >= len(typed.members)
        if verdicts[id(typed)]:
            found.add(id(record))
    return found


def _former_type(norm, record):
    """改造原妇幼保健院用房: an institution named before a generic head (用房, 设施) right after a word of
    the former (原, ``former`` in modifiers.tsv) is the old premises of one that has moved, no place of its own."""
    if not record.named or not norm.endswith(FORMER_WORDS, 0, record.start):
        return False
    return record.mention.kind == "generic"


def _official_in_name(norm, mention):
    """True when a mention's stem holds an official's title (see ``_TITLE_IN_NAME``)."""
    return _TITLE_IN_NAME.search(norm, mention.stem_start, mention.head_start) is not None


def _types_alone(norm, record):
    """敬老院(福利院)电梯加装, 卫生院(卫生室)改造: a type with another type in brackets (the works
    on either kind) names no place."""
    if not record.named or norm[record.end - 1:record.end] != ")":
        return False  # (the pattern ends with the closing bracket: one look before it)
    match = _ALTERNATIVE_TYPE_RE.fullmatch(norm, record.start, record.end)
    table = heads()
    return match is not None and all(part in table or is_generic(part) for part in match.groups())
# A network laid along the roads a list names (等路段中压燃气管道, 等道路雨污管网): a word or a few of
# its kind, then its head (等道路管网改造 may read as roads and their networks: no such word, no match).
_DASH = re.compile(r"[—\-–]")
_DWELLINGS_AFTER = re.compile(r"(?:项目|工程)(?:共)?\d+(?:\.\d+)?万?(?:%s)" % "|".join(DWELLING_UNITS))
_NETWORK_AFTER = re.compile(r"(?:、[^、,;。等]{1,15}){0,8}等(?:路段|道路|沿线)[\u4e00-\u9fff]{1,6}?(%s)"
                            % "|".join(sorted(NETWORK_HEADS, key=lambda head: (-len(head), head))))  # (one string each run)
_NETWORK_REACH = 8 * 16 + 1  # the furthest 等 _NETWORK_AFTER reaches after a road (8 items of 16 characters)


@dataclass(eq=False, slots=True)
class Case:
    """What the record rules look at for one mention (see RECORD_RULES)."""

    norm: str
    mention: Mention
    sentence: str
    clause_end: int
    action: str | None = None
    count: Count | None = None
    rest_start: int = 0
    label: str = ""
    category: str | None = None
    section_text: str = ""


def _mention_records(norm, mention, sentence, clause_end, right_actions=None):
    """Records made by one mention: a named project, a group record, or nothing.

    The context rules run first (CONTEXT_RULES: a mention they flag is context, not works);
    then the stem, category and action are worked out; then the record rules run in order
    (RECORD_RULES), and the first that decides gives the records. ``right_actions``: the
    clause's right actions looked up so far (see :func:`geo.extract.works.action_for`).
    """
    if mention.kind == "skip":
        return []
    case = Case(norm, mention, sentence, clause_end)
    if governed_by_context_verb(case):
        return []
    case.action = action_for(norm, mention, clause_end, right_actions)
    typed = mention.typed_by
    if case.action is None and typed is not None and typed.end <= mention.stem_start:
        case.action = action_for(norm, typed, clause_end, right_actions)  # 新建2条道路(发展大道、…): the type's works
    for rule in CONTEXT_RULES if case.action is None else CONTEXT_RULES_WITH_ACTION:
        if rule(case):
            return []
    if mention.kind == "raw":
        type_head = mention.typed_by
        if type_head.category == "road" and DIRECTION_AREA_RE.fullmatch(norm, mention.stem_start, mention.end):
            return []  # 完善城东、城南、西北片等道路建设: parts of town, no roads (城东、城西两座污水处理厂 are plants)
        category = resolve_category(type_head.category, case.action, norm, type_head, sentence, members_only=True)
        if category is None and type_head.category == "members" and "至" in norm[mention.stem_start:mention.end]:
            # 桥圩至东津、…公路等项目: a project named by the two places it joins is a road
            category = resolve_category("road", case.action, norm, type_head, sentence)
        record = named_record(norm, mention, category, case.action) if category else None
        # 青山、白石等一批骨干水源工程和…: an item left with a works noun alone (工程) names nothing
        return [record] if record is not None and not is_generic(norm[record.start:record.end]) else []
    _classify(case)
    for rule in RULES_FOR_COUNTED if case.count is not None else RULES_FOR_UNCOUNTED:
        made = rule(case)
        if made is not None:
            return made
    return []


# --------------------------------------------------------------------------- classification


def _named_after_a_road(mention, type_category):
    """True when a road's name is listed as a facility of the type that closes the list: 化工路、
    中车等小学 and 大东关、解放路等小学 are schools named after their streets."""
    return mention.category == "road" and mention.typed_by.head in STREET_NAMED_HEADS


def _classify(case):
    """Fill in the case's count, stem label, category and section text."""
    norm, mention, action, sentence = case.norm, case.mention, case.action, case.sentence
    count, case.rest_start, label = analyse_stem(norm, mention)
    if mention.count is not None and not (count is not None and mention.count.unit in SIZE_UNITS
                                          and count.unit not in SIZE_UNITS):
        count = mention.count  # 6所农村中学学生宿舍楼11961平方米: the 6 schools are counted, the area is a size
    category = resolve_category(mention.category, action, norm, mention, sentence)
    if mention.typed_by is not None and mention.category in ("stem", "road", "station"):
        type_category = resolve_category(mention.typed_by.category, action, norm,
                                          mention.typed_by, sentence, members_only=True)
        if type_category and (mention.category == "stem" or category is None or _named_after_a_road(mention, type_category)):
            category = type_category  # a list typed only as projects (等项目) keeps its items' own
    elif mention.typed_by is not None:
        type_category = resolve_category(mention.typed_by.category, action, norm,
                                          mention.typed_by, sentence, members_only=True)
        if type_category and type_category != category and (
                label == "short" or category_group(category) != category_group(type_category)
                or category == "water" and len(mention.head) == 1):
            # 左岭、花山、龙泉3个卫生服务中心: a listed member is what the list says it is, even
            # when its own last character looks like a head (泉).
            category = type_category
            label = "distinctive" if label == "short" else label
        elif type_category == category and category != "village" and label == "short":
            # 马沟等3座水库, 翠园、馨园等公园, 翠苑、金城3个社区: a short name among its kind is one (villages
            # are left to _short_name_among_names: listed as context more often than any kind)
            label = "distinctive"
    if category in ROAD_CATEGORIES and norm.find("等", mention.end, mention.end + _NETWORK_REACH if mention.end + _NETWORK_REACH < case.clause_end else case.clause_end) >= 0 \
            and not _DASH.search(norm, mention.stem_start, mention.end):
        network = _NETWORK_AFTER.match(norm, mention.end, case.clause_end)
        if network is not None:
            # 长安路、台北路等路段中压燃气管道建设: the roads are where a network is laid, its works
            # (a stretch between two roads, 青松路—白石路等路段污水管网, stays road works)
            category = heads().get(network.group(1), ("utility",))[0]
    if category in ROAD_CATEGORIES and _DWELLINGS_AFTER.match(norm, mention.end) is not None:
        category = "area"  # 开工建设南京路项目1200套安置房: a housing project named by its road, no road works
    section = mention.section
    case.section_text = section_text = norm[section[0]:section[1]] if section else ""
    if section_text.startswith("周边") and section_text.endswith("道路"):
        category = resolve_category("road", action, norm, mention, sentence)  # 火车站周边道路
    elif section_text.startswith(("周边", "两侧")):
        category = "area"  # 鲁巷广场周边区域, 青山路两侧改造: the area around a landmark or along a road
    elif is_range(section_text) and category not in ("rail", "water", *ROAD_CATEGORIES) and not (
            category == "bridge" and not section_text.startswith(("至", *DASHES))):
        # A bridge keeps a range of its own (浮桥东阿码头至东平段); from the bridge on it is a road
        # (广成桥——永康北路路段).
        # 二郎立交至高九路段: the stretch between two landmarks is a road.
        category = resolve_category("road", action, norm, mention, sentence)
    if category in (*ROAD_CATEGORIES, "village") and (
            action in AREA_ACTIONS or _type_category(mention) == "area"
            or of_list(mention, followed_by, norm, AREA_ACTIONS)):
        # 兴华街、北二路棚户区改造; 工人村、保工北街等老旧小区: the street or 村 names a neighbourhood.
        category = "area"
    if category == "water" and len(mention.head) == 1 and (
            action in AREA_ACTIONS or of_list(mention, followed_by, norm, AREA_ACTIONS)):
        category = "area"  # 王家河、李家沟城中村改造: a village named for its stream, renewed as a neighbourhood
    if category == "village" and of_list(mention, holds_head, NEIGHBOURHOOD_HEADS):
        category = "area"  # 甸柳新村、燕子山小区: a 村 listed with neighbourhoods is one
    if label in ("generic", "definite") and _named_among_names(norm, mention, count, case.rest_start):
        label = "distinctive"  # 民生尚都小学、宜居小学、东湖路学校: a list item among names is one
    elif label == "short" and _short_name_among_names(norm, mention, count, case.rest_start):
        label = "distinctive"  # 思溪村、延村、虹关村: one character before 村 names a village in a list of them
    elif label == "distinctive" and mention.head in NETWORK_HEADS and kind_after_kinds(norm, case.rest_start, mention.head_start):
        label = "generic"  # 供水、燃气、消防管网: a kind of network listed after kinds, no name
    if category is None and count is not None and all(member.kind == "raw" for member in mention.members) and (
            mention.category == "members" or count.start > mention.head_end
            and norm.endswith(COUNTED_WORKS, 0, count.start)):
        # 在建项目26项, 28个亿元以上项目, 弘融精密等项目20个, 城市基础设施建设项目88个: projects
        # counted with no type of place (nor members that are places) are still a counted group
        # of the year's works (district-wide, never placed).
        category = COUNTED_PROJECTS
    if (count is not None and label == "distinctive" and count.unit in SIZE_UNITS
            and listed_with_counted_types(norm, mention)):
        # 新建社区公园12个、山城步道20公里: listed among counted types, a length counts a type too.
        label = "generic"
    case.count, case.label, case.category = count, label, category


def _named_among_names(norm, mention, count, rest_start):
    """True when a type-like item (宜居小学, 市区中心大街) stands in a 、-list between names of its
    own head (or, for roads, of any road head)."""
    if count is not None or mention.count is not None or mention.kind not in ("name", "facility") \
            or mention.head in TYPE_WORDS \
            or mention.head_start - rest_start < 2 or len(mention.chain) < 2:
        return False
    if norm[mention.stem_start - 1:mention.stem_start] != "、" and not norm.startswith("、", mention.end):
        return False
    # Its neighbours in the list decide (a chain of thousands of items is looked at near it only).
    index = once_per_chain(mention.chain, positions).get(id(mention), 0)
    near = mention.chain[max(0, index - LIST_NEIGHBOURS):index + LIST_NEIGHBOURS + 1]
    return any(other is not mention and (other.head == mention.head or other.category == mention.category == "road")
               and analyse_stem(norm, other)[2] == "distinctive" for other in near)


LIST_NEIGHBOURS = 3  # items on each side of a list item that tell whether the list names places
_ABBREVIATING = frozenset("东西南北中上下前后左右内外新老大小一二三四五六七八九十東後內舊")


def _short_name_among_names(norm, mention, count, rest_start):
    """True when a list item's stem of one Han character, below its head's minimum (延村, 葛沟, 板桥), stands
    in a 、-list beside a name of the same head (思溪村、延村): a short name, as villages and streams
    have. Not a direction or a number: in a list those are the rest of an abbreviated name (中山东路、西路,
    一桥、二桥)."""
    if count is not None or mention.count is not None or mention.kind != "name" or len(mention.chain) < 2 \
            or mention.head_start - rest_start != 1 or not "\u4e00" <= norm[rest_start] <= "\u9fff":
        return False
    if norm[rest_start - 1:rest_start] != "、" and not norm.startswith("、", mention.end):
        return False
    index = once_per_chain(mention.chain, positions).get(id(mention), 0)
    near = mention.chain[max(0, index - 1):index + 2]
    street = False
    if norm[rest_start] in _ABBREVIATING:
        # 西苑路、西街、北街、南后街: 东街, 西街, 南街 and 北街 are a town's old streets, unless a
        # street of a direction was written just before (人民东街、西街: the rest of 人民西街).
        earlier = mention.chain[index - 1] if index else None
        if mention.head != "街" or norm[rest_start] not in "东西南北" or earlier is not None and (
                earlier.head == "街" and earlier.head_start - earlier.stem_start > 1
                and norm[earlier.head_start - 1] in _ABBREVIATING):
            return False
        street = True
    return any(other is not mention and (other.head == mention.head or street and other.category == "road")
               and analyse_stem(norm, other)[2] == "distinctive" for other in near)


# --------------------------------------------------------------------------- record rules
# Each rule returns the records it decides on (possibly none: []) or None to pass on.


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
        and "其中" in sentence_part_before(case.norm, mention.stem_start, BREAKDOWN_REACH)


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
    kinds = (category,) if category in (*ROAD_CATEGORIES, "station") else (category, "village")
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
    """推进会展中心二期建设: a phase of a bare facility is one specific project."""
    mention = case.mention
    if case.label == "empty" and mention.section and not case.section_text.startswith("周边") and (
            mention.kind == "facility" or mention.kind == "name" and len(mention.head) >= 3):
        return [named_record(case.norm, mention, case.category, case.action)]
    return None


RECORD_RULES = (
    _title_sought, _no_category, _counted_organisation, _named_with_size, _road_metaphor,
    _definite_single, _area_measure_of_type, _counted_group, _phase_of_typed_facility,
    _route_between_places, _name_before_its_type, _school_type_after_a_name, _type_or_slogan, _distinctive_name,
    _singleton_facility, _built_facility, _phase_of_bare_facility,
)
# Rules that decide only on a counted mention, and rules that decide only on an uncounted one:
# each mention is put through the rules that can decide on it, in the same order (the same
# first decision, in half the calls).
_COUNTED_ONLY = frozenset((_counted_organisation, _named_with_size, _road_metaphor, _definite_single,
                           _area_measure_of_type, _counted_group))
_UNCOUNTED_ONLY = frozenset((_title_sought, _route_between_places, _name_before_its_type, _school_type_after_a_name,
                            _built_facility))
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


def _type_category(mention):
    type_head = mention.typed_by
    return type_head.category if type_head is not None else None
