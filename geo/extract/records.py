"""Records made from mentions: the named project or counted group each mention stands for, its category and action.

Each mention is classified here (its label, count and category: the Case) and put through the rules of the
cascade, in geo.extract.record_rules; the extent and name of the records they make are in
geo.extract.record_spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.lexicon import (
    AMENITY_CLASSES, FORMER_WORDS, COUNTED_WORKS, TYPE_WORDS, NETWORK_HEADS, AREA_ACTIONS,
    NEIGHBOURHOOD_HEADS, SIZE_UNITS, DWELLING_UNITS, STREET_NAMED_HEADS, SITED_PARK_TYPES, heads)
from geo.lexicon_lookups import is_generic, category_group
from geo.extract.chains import followed_by, holds_head, of_list, once_per_chain, positions
from geo.extract.lists import kind_after_kinds, listed_with_counted_types, resolve_enumerations
from geo.extract.partners import drop_locators, drop_partners
from geo.extract.routes import listed_sections
from geo.extract.extents import is_range
from geo.extract.mentions import clause_mentions, may_hold_records
from geo.extract.context import CONTEXT_RULES, CONTEXT_RULES_WITH_ACTION, governed_by_context_verb
from geo.extract.counts import counted_things, counted_works
from geo.extract.sized_counts import counted_before_size
from geo.extract.listed_counts import counted_after_list, listed_projects, totals_after_names
from geo.extract.model import Count, Mention
from geo.extract.patterns import COUNTED_PROJECTS, DASHES, DIRECTION_AREA_RE, ROAD_CATEGORIES
from geo.extract.stem_labels import analyse_stem
from geo.extract.record_rules import RULES_FOR_COUNTED, RULES_FOR_UNCOUNTED
from geo.extract.record_spans import named_record
from geo.extract.rule_gates import GatedRules
from geo.extract.titled_brackets import alone_in_titled_brackets, drop_titles
from geo.extract.works import action_for, resolve_category
from geo.settings import PEER_WATER_MIN_STEM


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
        made = _mention_records(norm, mention, sentence, end, right_actions, start)
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
        records = drop_titles(norm, listed_sections(norm, records, end))
    works = counted_works(norm, start, end, records, mentions)
    things = counted_things(norm, start, end, records + works, mentions)
    things += counted_before_size(norm, start, end, records + works + things, mentions)
    groups = counted_after_list(norm, start, end, records + works + things, mentions)
    totals_after_names(norm, start, end, records, mentions)
    return _places_of_projects(listed_projects(norm, start, end, records + works + things + groups))


def _places_of_projects(records):
    """建湖十大民生实事, 连江3个项目开工: a body of water with fewer than PEER_WATER_MIN_STEM characters
    before its head, right before a count of projects, is the county they are in (建湖县, 连江县), no works."""
    starts = {r.start for r in records if not r.named and r.category == COUNTED_PROJECTS}
    if not starts:
        return records  # (most clauses: no projects counted)
    return [r for r in records if not (r.named and r.category == _WATER and r.end in starts
                                       and r.mention.head_start - r.start < PEER_WATER_MIN_STEM)]


_WATER = "water"


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
    """True when a mention's stem holds an official's title (see ``_TITLE_IN_NAME``; each title holds 长 or
    书记: a stem with neither, most, is not searched)."""
    start, end = mention.stem_start, mention.head_start
    return (norm.find("长", start, end) >= 0 or norm.find("书记", start, end) >= 0) \
        and _TITLE_IN_NAME.search(norm, start, end) is not None


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


# The context rules asked of a mention, without and with works: those that can hold for its category and kind.
_CONTEXT_GATES = GatedRules(CONTEXT_RULES)
_CONTEXT_GATES_WITH_ACTION = GatedRules(CONTEXT_RULES_WITH_ACTION)


@dataclass(eq=False, slots=True)
class Case:
    """What the record rules look at for one mention (see RECORD_RULES)."""

    norm: str
    mention: Mention
    sentence: str
    clause_end: int
    clause_start: int = 0  # (0 when unknown: the rules then look back as far as they reach)
    action: str | None = None
    count: Count | None = None
    rest_start: int = 0
    label: str = ""
    category: str | None = None
    section_text: str = ""


def _mention_records(norm, mention, sentence, clause_end, right_actions=None, clause_start=0):
    """Records made by one mention: a named project, a group record, or nothing.

    The context rules run first (CONTEXT_RULES: a mention they flag is context, not works);
    then the stem, category and action are worked out; then the record rules run in order
    (RECORD_RULES), and the first that decides gives the records. ``right_actions``: the
    clause's right actions looked up so far (see :func:`geo.extract.works.action_for`);
    ``clause_start``: where the clause opens (rules that look back stop at its mark).
    """
    if mention.kind == "skip":
        return []
    case = Case(norm, mention, sentence, clause_end, clause_start)
    if governed_by_context_verb(case):
        return []
    case.action = action_for(norm, mention, clause_end, right_actions)
    typed = mention.typed_by
    if case.action is None and typed is not None and typed.end <= mention.stem_start:
        case.action = action_for(norm, typed, clause_end, right_actions)  # 新建2条道路(发展大道、…): the type's works
    if case.action is None:
        case.action = alone_in_titled_brackets(norm, mention)  # 供水管网改造工程(白石路): the title's works
    for rule in (_CONTEXT_GATES if case.action is None else _CONTEXT_GATES_WITH_ACTION).for_mention(mention):
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
    own head (or, for roads, of any road head). A small park's kind (街心公园, 口袋公园: SITED_PARK_TYPES) is
    no name among names (建成了街心公园、白石游园、青山文化公园等市民休闲公园)."""
    if count is not None or mention.count is not None or mention.kind not in ("name", "facility") \
            or mention.head in TYPE_WORDS or norm[mention.stem_start:mention.head_end] in SITED_PARK_TYPES \
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


def _type_category(mention):
    type_head = mention.typed_by
    return type_head.category if type_head is not None else None
