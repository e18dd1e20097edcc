"""Records made from mentions: the named project or counted group each mention stands for, its category and action."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.lexicon import COUNTED_WORKS, INTERCITY_HEADS, STATUS_WORDS, ESTATE_SUFFIXES, ACTIONS_SORTED, CONTEXT_VERBS, NEEDS_ACTION_HEADS, NETWORK_HEADS, is_generic, AREA_ACTIONS, BUS_WORDS, FILLERS_SORTED, LEFT_ACTIONS, LEFT_ACTIONS_SORTED, MALL_ACTIONS, MALL_BRANDS, MALL_FOLLOWERS, MALL_SQUARE_HEADS, NEIGHBOURHOOD_HEADS, ORGANISATION_HEADS, PHASE_VERBS, RAIL_WORDS, RENEWED_TYPE_TAILS, ROAD_ACTION_CATEGORY, SINGLETON_FACILITY_HEADS, SIZE_UNITS, STEM_CATEGORY, STOPS, TITLE_RANKS, TITLE_VERBS, category_group, match_any, stop_ending_at, word_index
from geo.extract.lists import drop_locators, drop_partners, listed_with_counted_types, resolve_enumerations
from geo.extract.mentions import clause_mentions, is_range
from geo.extract.model import Count, Mention, Record
from geo.extract.numbers import parse_number
from geo.extract.patterns import COUNT_PREFIX, COUNT_RE, COUNTED_PROJECTS, NUM, DEFAULT_ROAD_CATEGORY, HARD_BREAKS, MEASURE_RE, ROAD_CATEGORIES
from geo.extract.stems import after_year, analyse_stem


_COUNTED_AFTER_DE = re.compile(r"的(?:一|[\d二两三四五六七八九十]+[条个座所处家])")
_ACTION_INDEX = word_index(ACTIONS_SORTED)
_FILLER_INDEX = word_index(FILLERS_SORTED)
_RANGE_MARK = re.compile(r"[至\-—–~]")
_EXTENSION = re.compile(r"[东西南北]延伸?至")  # 东进路东延至范公路: an extension is a new road
_PHASE_END = re.compile(r"期\)?$")
_CLASS_COUNTERS = frozenset("0123456789一二三四五六七八九十大")
# Works counted with no place type: 11项产业工程, 6个城市品质提升工程, 道路桥梁工程34项.
_WORKS_COUNT = rf"(?:{COUNT_PREFIX})?(?P<num{{}}>{NUM})(?:余|多)?(?P<unit{{}}>项|个|处|件)"
_COUNTED_WORKS_RE = re.compile(
    rf"{_WORKS_COUNT.format(1, 1)}(?P<noun1>[\u4e00-\u9fff“”]{{0,10}}?(?:{'|'.join(COUNTED_WORKS)}))"
    rf"|(?P<noun2>[\u4e00-\u9fff“”]{{0,10}}?(?:{'|'.join(COUNTED_WORKS)})){_WORKS_COUNT.format(2, 2)}"
    # A class of a tally (道路类(21个), 工程治理类162处, 教育类项目共有4项); 8类32项 counts classes.
    rf"|(?P<noun3>[\u4e00-\u9fff]{{2,8}}?类(?:项目)?)(?:共有|共)?\(?{_WORKS_COUNT.format(3, 3)}\)?")


def clause_records(norm, start, end, sent_start, sent_end):
    """All records of one clause: named projects, group records and their members."""
    mentions = clause_mentions(norm, start, end)
    sentence = norm[sent_start:sent_end]
    resolve_enumerations(norm, mentions, start)
    records = []
    for mention in mentions:
        made = _mention_records(norm, mention, sentence, end)
        for record in made:
            record.clause = (start, end)
        records.extend(made)
    for record in records:
        typed = record.mention.typed_by
        if record.named and typed is not None and typed.full_count and record.group_total is None:
            record.group_total = dict(typed.full_count)
    records = drop_partners(norm, drop_locators(norm, records, mentions), end)
    return records + counted_works(norm, start, end, records, mentions)


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
        One unnamed record of counted projects per count (项, 个, 处, 件) written right
        before or after a works noun (lexicon role ``counted_works``), or after a class of
        a tally (X类); a count of classes (8类32项) is none.
    """
    out = []
    taken = {m.count.start for m in mentions if m.count is not None}
    heads_at = [m.head_start for m in mentions if m.kind not in ("raw", "skip")]
    for match in _COUNTED_WORKS_RE.finditer(norm, start, end):
        which = next(n for n in (1, 2, 3) if match.group(f"num{n}"))
        value = parse_number(match.group(f"num{which}"))
        count_start, count_end = match.span(f"num{which}")[0], match.end(f"unit{which}")
        if value is None or count_start in taken or any(r.start < count_end and count_start < r.end for r in records):
            continue
        noun_start, noun_end = match.span(f"noun{which}")
        if which == 1 and any(noun_start <= h < noun_end for h in heads_at):
            continue  # 2个社区卫生服务中心新建工程: the count counts the places named
        if which == 3 and norm[norm.rfind("类", noun_start, noun_end) - 1] in _CLASS_COUNTERS:
            continue  # 8类32项, 十大类60项: the classes of a whole list are counted
        if which == 1 and noun_end < end and "\u4e00" <= norm[noun_end] <= "\u9fff" \
                and not (match_any(norm, noun_end, STOPS) or _FILLER_INDEX.at(norm, noun_end)
                         or norm.startswith("项目", noun_end)):
            continue  # 3个工程技术中心: the noun goes on
        noun_start = _after_leading_verbs(norm, noun_start, noun_end - 2)
        head = norm[noun_end - 2:noun_end]
        mention = Mention(kind="generic", head=head, category=COUNTED_PROJECTS, head_start=noun_end - 2,
                          head_end=noun_end, stem_start=noun_start, end=match.end())
        out.append(Record(named=False, category=COUNTED_PROJECTS, action=_right_action(norm, match.end(), end),
                          start=match.start() if which == 1 else noun_start, end=match.end(),
                          base=(noun_start, noun_end), mention=mention,
                          quantity={"value": value, "unit": match.group(f"unit{which}")}, measures=[]))
    return out


def _after_leading_verbs(norm, pos, limit):
    """``pos`` moved past the works verbs and stop words that open a noun (新开工道路桥梁工程)."""
    moved = True
    while moved and pos < limit:
        moved = False
        word = match_any(norm, pos, ACTIONS_SORTED) or match_any(norm, pos, STOPS)
        if word and pos + len(word) <= limit:
            pos += len(word)
            moved = True
    return pos


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


def _mention_records(norm, mention, sentence, clause_end):
    """Records made by one mention: a named project, a group record, or nothing.

    The context rules run first (CONTEXT_RULES: a mention they flag is context, not works);
    then the stem, category and action are worked out; then the record rules run in order
    (RECORD_RULES), and the first that decides gives the records.
    """
    if mention.kind == "skip":
        return []
    case = Case(norm, mention, sentence, clause_end)
    if _governed_by_context_verb(case):
        return []
    case.action = _action_for(norm, mention, clause_end)
    if any(rule(case) for rule in CONTEXT_RULES):
        return []
    if mention.kind == "raw":
        type_head = mention.typed_by
        category = _resolve_category(type_head.category, case.action, norm, type_head, sentence, members_only=True)
        return [_named_record(norm, mention, category, case.action)] if category else []
    _classify(case)
    for rule in RECORD_RULES:
        made = rule(case)
        if made is not None:
            return made
    return []


# --------------------------------------------------------------------------- context rules


def _governed_by_context_verb(case):
    """缓解A路的交通压力, 位于A路与B路交口, 东起A路, 北至规划B路: places given as context."""
    mention = case.mention
    first = min(mention.chain or [mention], key=lambda m: m.stem_start)
    if first.stop in STATUS_WORDS and first.stop_start is not None:
        return stop_ending_at(case.norm, first.stop_start, 0) in CONTEXT_VERBS
    return first.stop in CONTEXT_VERBS or mention.stop in CONTEXT_VERBS


def _jurisdiction_without_works(case):
    """合肥高新区将推进..., 陕西师范大学: a jurisdiction or university is context unless works
    govern it directly (建设晋安新城, 综合保税区封关运营)."""
    mention, action = case.mention, case.action
    return (mention.head in NEEDS_ACTION_HEADS and not mention.count and not mention.section
            and mention.typed_by is None and (len(mention.chain) < 2 or action is None)
            and not (mention.left_verb or (action and case.norm.startswith(action, mention.end))))


def _scenery_list(case):
    """潏河公园、柳青广场、西京学院、政法大学…分布: places listed with universities and no works."""
    chain = case.mention.chain or [case.mention]
    return case.action is None and len(chain) >= 3 and any(m.head in NEEDS_ACTION_HEADS for m in chain)


def _inside_range_brackets(case):
    """简渎河清淤工程(香草河—南二环段): the ends of a section are context."""
    return _in_range_brackets(case.norm, case.mention)


def _alias_in_brackets(case):
    """30号路(青山路), 交通枢纽(青山路与白石路): a name in brackets right after a name is its
    alias or its place, not a project of its own."""
    norm, mention = case.norm, case.mention
    start = mention.stem_start
    if start < 2 or norm[start - 1] != "(" or norm[start - 2] in HARD_BREAKS or mention.count \
            or COUNT_RE.search(norm, start, mention.head_start):
        return False  # (含站点4座) is a count
    return norm.startswith(")", mention.end)


def _attributive_place(case):
    """贯通丹徒新城的一条干道: a place before 的 and a count locates what is counted."""
    return _attributive(case.norm, case.mention, case.clause_end)


_CLAUSE_BREAKS = ",;。!?:\n"
_CLAUSE_REACH = 80
_LONG_CONTEXT_VERBS = word_index(tuple(verb for verb in CONTEXT_VERBS if len(verb) > 1))


def _listed_after_context_verb(case):
    """惠及青山小学、白石中学等学校和红枫苑等小区: places a context verb governs earlier in the
    clause, with no works of their own, are context (the verb reaches over the whole list)."""
    if case.action is not None:
        return False
    norm, start = case.norm, case.mention.stem_start
    window = norm[max(0, start - _CLAUSE_REACH):start]  # bounded: the rule stays linear
    window = window[max(window.rfind(char) for char in _CLAUSE_BREAKS) + 1:]
    verb = _LONG_CONTEXT_VERBS.first_in(window)
    # 地处A路与B路交会的青山公园: after 的 the place described is the subject, not context.
    return verb is not None and "的" not in window[verb[0]:] and _ACTION_INDEX.first_in(window) is None


CONTEXT_RULES = (_jurisdiction_without_works, _scenery_list, _inside_range_brackets, _alias_in_brackets,
                 _attributive_place, _listed_after_context_verb)


# --------------------------------------------------------------------------- classification


def _classify(case):
    """Fill in the case's count, stem label, category and section text."""
    norm, mention, action, sentence = case.norm, case.mention, case.action, case.sentence
    count, case.rest_start, label = analyse_stem(norm, mention)
    if mention.count is not None and not (count is not None and mention.count.unit in SIZE_UNITS
                                          and count.unit not in SIZE_UNITS):
        count = mention.count  # 6所农村中学学生宿舍楼11961平方米: the 6 schools are counted, the area is a size
    category = _resolve_category(mention.category, action, norm, mention, sentence)
    if mention.typed_by is not None and mention.category in ("stem", "road", "station"):
        type_category = _resolve_category(mention.typed_by.category, action, norm,
                                          mention.typed_by, sentence, members_only=True)
        if type_category and (mention.category == "stem" or category is None):
            category = type_category  # a list typed only as projects (等项目) keeps its items' own
    elif mention.typed_by is not None:
        type_category = _resolve_category(mention.typed_by.category, action, norm,
                                          mention.typed_by, sentence, members_only=True)
        if type_category and type_category != category and (
                label == "short" or category_group(category) != category_group(type_category)):
            # 左岭、花山、龙泉3个卫生服务中心: a listed member is what the list says it is, even
            # when its own last character looks like a head (泉).
            category = type_category
            label = "distinctive" if label == "short" else label
    section = mention.section
    case.section_text = section_text = norm[section[0]:section[1]] if section else ""
    if section_text.startswith("周边") and section_text.endswith("道路"):
        category = _resolve_category("road", action, norm, mention, sentence)  # 火车站周边道路
    elif section_text.startswith("周边"):
        category = "area"  # 鲁巷广场周边区域: the area around a landmark
    elif is_range(section_text) and category not in ("rail", "water", *ROAD_CATEGORIES) and not (
            category == "bridge" and not section_text.startswith("至")):
        # A bridge keeps a range of its own (浮桥东阿码头至东平段); from the bridge on it is a road.
        # 二郎立交至高九路段: the stretch between two landmarks is a road.
        category = _resolve_category("road", action, norm, mention, sentence)
    chain = mention.chain or [mention]
    if category in (*ROAD_CATEGORIES, "village") and (
            action in AREA_ACTIONS or _type_category(mention) == "area"
            or any(norm.startswith(AREA_ACTIONS, m.end) for m in chain)):
        # 兴华街、北二路棚户区改造; 工人村、保工北街等老旧小区: the street or 村 names a neighbourhood.
        category = "area"
    if category == "village" and any(m.head in NEIGHBOURHOOD_HEADS for m in chain):
        category = "area"  # 甸柳新村、燕子山小区: a 村 listed with neighbourhoods is one
    if label in ("generic", "definite") and _named_among_names(norm, mention, count, case.rest_start):
        label = "distinctive"  # 民生尚都小学、宜居小学、东湖路学校: a list item among names is one
    if category is None and count is not None and mention.category == "members" \
            and all(member.kind == "raw" for member in mention.members):
        # 在建项目26项, 28个亿元以上项目, 弘融精密等项目20个: projects counted with no type of
        # place (nor members that are places) are still a counted group of the year's works
        # (district-wide, never placed).
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
            or mention.head_start - rest_start < 2 or len(mention.chain) < 2:
        return False
    if norm[mention.stem_start - 1:mention.stem_start] != "、" and not norm.startswith("、", mention.end):
        return False
    return any(other is not mention and (other.head == mention.head or other.category == mention.category == "road")
               and analyse_stem(norm, other)[2] == "distinctive" for other in mention.chain)


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
    projects counted by their size (28个亿元以上项目) are still a counted group."""
    if case.category is None or (case.label == "value" and case.category != COUNTED_PROJECTS):
        return []
    return None


def _counted_organisation(case):
    """组建教育集团4个: counted organisations are no places (汇才教育集团 stays named)."""
    return [] if case.count is not None and case.mention.head in ORGANISATION_HEADS else None


def _named_with_size(case):
    """新建一条滨河路, 海泊河绿道12公里: one named project; a length or area is its size."""
    count = case.count
    if (count is not None and case.label == "distinctive" and case.mention.kind in ("name", "facility")
            and (count.value == 1 or count.unit in SIZE_UNITS)):
        record = _named_record(case.norm, case.mention, case.category, case.action, start=case.rest_start)
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
        return [_named_record(case.norm, case.mention, case.category, case.action, start=case.rest_start)]
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
    return _group_records(case.norm, case.mention, case.category, case.action, case.count, case.rest_start)


def _phase_of_typed_facility(case):
    """数字经济产业园二期: a phase of a typed facility is one specific project."""
    mention = case.mention
    if case.label in ("generic", "slogan") and mention.kind in ("name", "facility") and len(mention.head) >= 2 \
            and _PHASE_END.search(case.section_text):
        return [_named_record(case.norm, mention, case.category, case.action)]
    return None


def _route_between_places(case):
    """五华山至凤凰湾道路: a generic road word after two places joined by 至 names that road."""
    mention = case.mention
    if mention.kind != "generic" or mention.head not in INTERCITY_HEADS or case.count is not None:
        return None
    stem = case.norm[mention.stem_start:mention.head_start]
    before, _, after = stem.partition("至")
    if len(before) >= 2 and len(after) >= 2 and not is_generic(after):
        return [_named_record(case.norm, mention, case.category, case.action)]
    return None


def _type_or_slogan(case):
    """美丽天桥, 道路, 示范村: slogans, uncounted types and designations are no projects."""
    return [] if case.label == "slogan" or case.mention.kind in ("generic", "designation") else None


def _distinctive_name(case):
    """天桥医院, 区级疾控中心: a distinctive stem, or a definite marker before a facility, names it."""
    if case.label == "distinctive" or (case.label == "definite" and case.mention.kind == "facility"):
        return [_named_record(case.norm, case.mention, case.category, case.action)]
    return None


def _singleton_facility(case):
    """建成科技馆、全民健身中心, 启动体育公园建设: a district has one of these, so the bare type
    built by a works verb is its own facility."""
    norm, mention = case.norm, case.mention
    if case.label in ("empty", "generic") and norm[case.rest_start:mention.head_end] in SINGLETON_FACILITY_HEADS \
            and not mention.section and mention.typed_by is None \
            and (mention.stop in PHASE_VERBS or mention.stop is None
                 and mention.stem_start > 0 and norm[mention.stem_start - 1] == "、"):
        return [_named_record(norm, mention, case.category, case.action)]
    return None


def _phase_of_bare_facility(case):
    """推进会展中心二期建设: a phase of a bare facility is one specific project."""
    mention = case.mention
    if case.label == "empty" and mention.section and not case.section_text.startswith("周边") and (
            mention.kind == "facility" or mention.kind == "name" and len(mention.head) >= 3):
        return [_named_record(case.norm, mention, case.category, case.action)]
    return None


RECORD_RULES = (
    _title_sought, _no_category, _counted_organisation, _named_with_size, _road_metaphor,
    _definite_single, _area_measure_of_type, _counted_group, _phase_of_typed_facility,
    _route_between_places, _type_or_slogan, _distinctive_name, _singleton_facility, _phase_of_bare_facility,
)


def _type_category(mention):
    type_head = mention.typed_by
    return type_head.category if type_head is not None else None


def _named_record(norm, mention, category, action, start=None):
    section = mention.section
    end = section[1] if section else mention.head_end
    if start is None:
        start = after_year(norm, mention.stem_start, mention.head_start)  # 2019年青山公园
    if mention.head in NETWORK_HEADS and not section:
        road = _road_before_generic(norm, start, mention.head_start)
        if road is not None:
            # 靖宁路给水管网: a network laid along a road is named by the road.
            return Record(named=True, category=category, action=action, start=start, end=road,
                          base=(start, road), mention=mention)
    tail = next((t for t in RENEWED_TYPE_TAILS if norm.endswith(t, start, end)), None)
    place = norm[start:end - len(tail)] if tail else ""
    if not section and tail and len(place) >= 2 and not is_generic(place) and (
            tail == RENEWED_TYPE_TAILS[0] or place.endswith(ESTATE_SUFFIXES + ("小区", "村", "社区"))):
        # 匡山小区老旧小区改造, 堤口庄老旧小区改造, 新康家园保障房: the type after a place says
        # what is renewed or built; the place (an estate for housing types) is the name.
        end = end - len(tail)
        return Record(
            named=True, category=category, action=action, start=start, end=end,
            base=(start, end), section=None, quantity=None, group_total=None,
            mention=mention, measures=[],
        )
    return Record(
        named=True, category=category, action=action,
        start=start, end=end,
        base=(start, mention.head_end), section=section,
        quantity=None, group_total=None, mention=mention, measures=[],
    )


def _in_range_brackets(norm, mention):
    """True when the mention lies inside brackets that give a range (A—B段, A至B)."""
    opened = norm.rfind("(", 0, mention.stem_start)
    if opened < 0 or norm.rfind(")", opened, mention.stem_start) >= 0:
        return False
    closed = norm.find(")", mention.end)
    inside = norm[opened + 1:closed] if closed >= 0 else ""
    return bool(_RANGE_MARK.search(inside))


def _attributive(norm, mention, clause_end):
    """True when 的 and a count follow the mention: it locates a thing counted (丹徒新城的一条干道)."""
    chain = mention.chain or [mention]
    end = max(m.end for m in chain)
    if not norm.startswith("的", end) or mention.kind in ("raw", "code"):
        return False
    return _COUNTED_AFTER_DE.match(norm[end:clause_end]) is not None


def _road_before_generic(norm, start, head_start):
    """End of a road name in ``norm[start:head_start]`` followed only by generic words, or None."""
    for end in range(head_start, start + 2, -1):
        if norm[end - 1] in "路街道" and (norm.endswith(("路", "街", "大道", "大街", "公路"), start, end)) \
                and is_generic(norm[end:head_start]) and end - start >= 3:
            return end
    return None


def _group_records(norm, mention, category, action, count, rest_start):
    members = [m for m in mention.members if m.kind != "skip"]
    total = count.value
    remaining = total - len(members) if members else total
    if remaining <= 0:
        # 靖宁路、长兴南路2个积水点: every member is named; each states the group's total.
        mention.full_count = {"value": total, "unit": count.unit}
        return []
    span_start = min(mention.stem_start, count.start)
    span_end = max(mention.end, count.end)
    quantity = {"value": remaining, "unit": count.unit}
    base_end = mention.closing_quote or mention.head_end
    return [Record(
        named=False, category=category, action=action,
        start=span_start, end=span_end, base=(rest_start, base_end),
        section=None, quantity=quantity,
        group_total={"value": total, "unit": count.unit} if members else None,
        remainder=bool(members), mention=mention, measures=[],
    )]


def _resolve_category(category, action, norm, mention, sentence, members_only=False):
    """Turn placeholders (road, station, stem, members) into category codes.

    ``members_only``: resolving the type of a list for one of its members, where a type
    defined by its members (项目) says nothing.
    """
    if category == "road":
        if "林荫" in norm[mention.stem_start:mention.head_end]:
            return "road_greening"  # 打造林荫路10条: a tree-lined road is a greening project
        section = mention.section
        if section and ("至" not in norm[section[0]:section[1]] or _EXTENSION.match(norm, section[0])):
            # 北延, 改线 say new road; a range (A至B段) names places, whose words (建设大路) do not.
            text = norm[section[0]:section[1]]
            for word, code in ROAD_ACTION_CATEGORY:
                if word in text and code == "road_new":
                    return code
        for source in (action or "", mention.post_action or "", mention.left_verb or ""):
            for word, code in ROAD_ACTION_CATEGORY:
                if word in source:
                    return code
        return DEFAULT_ROAD_CATEGORY
    if category == "station":
        stem = norm[mention.stem_start:mention.head_start]
        if any(word in stem for word in BUS_WORDS):
            return "transport"  # 城北公交枢纽站 in a sentence about a railway
        return "rail" if any(word in sentence for word in RAIL_WORDS) else "transport"
    if category == "park" and mention.head in MALL_SQUARE_HEADS:
        stem = norm[mention.stem_start:mention.head_start]
        after = norm[mention.end:mention.end + 3]
        if any(brand in stem for brand in MALL_BRANDS) or action in MALL_ACTIONS \
                or after.startswith(MALL_FOLLOWERS):
            # 万达广场, 恒隆广场改造升级, X广场开业运营, X广场商业综合体: a mall, not a square.
            return "commercial"
    if category in ("stem", "members"):
        stem = norm[mention.stem_start:mention.head_start]
        if category == "members" and mention.stop_start is not None:
            stem = norm[mention.stop_start:mention.head_start]  # 推动更新项目20个: 更新 says renewal
        for word, code in STEM_CATEGORY:
            if word in stem:
                return code
        if category == "members" and not members_only:
            # 甲路、乙路等12个项目: a list typed only as projects is what its members are.
            for member in mention.members:
                if member.kind not in ("raw", "skip") and member.category not in (None, "members"):
                    code = _resolve_category(member.category, action, norm, member, sentence)
                    if code:
                        return code
        return None
    return category


def _action_for(norm, mention, clause_end):
    """The verb phrase governing a mention: right of its chain first, else the left verb."""
    chain = mention.chain or [mention]
    last = chain[-1]
    type_head = mention.typed_by
    if type_head is not None and type_head.category == "members":
        type_head = None  # 甲路改扩建、乙路等项目建设: a list typed only as projects keeps its items' works
    end = max(last.end, type_head.end if type_head else 0)
    for item in (mention, last):
        if item.post_action:
            return item.post_action
    section = mention.section
    if section and "改线" in norm[section[0]:section[1]]:
        return "改线"
    action = _right_action(norm, end, clause_end)
    after = end + len(action or "")
    if (action and mention is not last and norm.startswith(action, end)
            and after < clause_end and norm[after] == "、"):
        # A、B改扩建、C等项目建设: 改扩建 is B's own (the list goes on after it); A takes
        # the action that closes the whole list.
        actions = word_index(ACTIONS_SORTED)
        closing = [(p + len(a), len(a), a) for p in range(after, clause_end)
                   for a in actions.all_at(norm, p) if p + len(a) <= clause_end]
        if closing:
            return max(closing)[2]
    if action:
        return action
    # An action inside the type head's modifiers: 金牛建材等新建商业载体 -> 新建.
    if type_head is not None:
        modifiers = norm[type_head.stem_start:type_head.head_start]
        found = [a for p in range(len(modifiers)) for a in word_index(ACTIONS_SORTED).all_at(modifiers, p)
                 if p + len(a) <= len(modifiers)]
        if found:
            order = {a: i for i, a in enumerate(ACTIONS_SORTED)}
            return min(found, key=order.__getitem__)
    first = chain[0]
    stop = first.stop
    if stop is None or first.stop_start is None:
        return None
    # Walk left over the run of stop words before the name (新建高标准农田: 高标准 is an
    # adverb, 新建 the verb), taking the longest verb at each step (加快推进 over 推进).
    pos = first.stop_start + len(stop)
    for _ in range(4):
        verbs = word_index(LEFT_ACTIONS_SORTED).ending_at(norm, pos)
        if verbs:
            mention.left_verb = verbs[0]
            return LEFT_ACTIONS[verbs[0]]
        stop = stop_ending_at(norm, pos, 0)
        if stop is None or norm[pos - 1] in HARD_BREAKS:
            return None
        pos -= len(stop)
    return None


def _right_action(norm, pos, clause_end):
    skipped = True
    progress = None
    while skipped and pos < clause_end:
        skipped = False
        if norm[pos] in "“‘\"":
            pos += 1  # 实施A路“白改黑”工程: a quoted action
            skipped = True
            continue
        filler = _FILLER_INDEX.at(norm, pos)
        action = _ACTION_INDEX.at(norm, pos)
        if filler and (not action or len(filler) >= len(action)):
            pos += len(filler)
            skipped = True
            progress = filler if filler in PHASE_VERBS else progress
    action = _ACTION_INDEX.at(norm, pos)
    if action:
        return action
    if progress and (pos >= clause_end or norm[pos] in HARD_BREAKS):
        return progress  # 七院门诊综合楼加快推进: the works go on
    # 加快线上线下融合发展: an action a few characters on, before the clause ends.
    window = norm[pos:min(clause_end, pos + 12)]
    comma = window.find("、")
    if comma >= 0 and (match_any(norm, pos + comma + 1, ACTIONS_SORTED)
                       or match_any(norm, pos + comma + 1, STOPS)):
        window = window[:comma]  # 新建换热站15座、改造供热管网: 改造 opens the next item
    first = word_index(ACTIONS_SORTED).first_in(window)
    return first[1] if first else None


def attach_measures(norm, start, end, records):
    """Attach 学位4500个-style measures to the nearest preceding record of the sentence."""
    if not records:
        return
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
