"""The name tagger in front of the rules' filters: a sentence's records combined with what it says, rule names it rejects dropped (names widened: ``widened_names``; names the rules missed: ``added_names``)."""

from __future__ import annotations

import re

from geo.extract.chains import once_per_chain
from geo.extract.confidence import score_records
from geo.lexicon import (
    BUDGET_WORDS, COUNTY_ROAD_OWNERS, STREET_NAMING_VERBS, ROAD_CLASSES, TOWNSHIP_SUFFIXES, heads, INTERCITY_HEADS,
    WORKS_TAILS, WORKS_FOLLOWERS, PHASE_VERBS, SINGLETON_FACILITY_HEADS, DEVELOPMENT_ACTIONS,
    ALONG_CODED_ROAD, DESCRIPTION_OPENERS, TYPED_ROUTE_HEADS, WORKS_PACE_WORDS)
from geo.settings import BUDGET_WORKS_REACH
from geo.lexicon_lookups import ACTIONS_SORTED, FILLERS_SORTED, ACTION_INDEX, FOLLOWERS_SORTED, is_generic, match_any, stop_ending_at
from geo.extract.patterns import BARE_ROAD_NUMBER
from geo.extract.joined import rejoined, share_confidence
from geo.extract.line_forms import quoted_works_title, shown_as_built, titled_works, widened_to_quoted_titles
from geo.extract.patterns import NUMBERED_SCHOOL_RE, DESCRIBED_PROJECT_RE, INCLUDED_MEMBER_END, ROAD_CATEGORIES, BUDGET_AFTER_RE, CODE_RE, HARD_BREAKS, LENGTH_AFTER_RE, TAGGER_DROP_OUTSIDE, VERB_STREET_ENDINGS
from geo.lexicon import STREET_NAME_ENDINGS
from geo.extract.record_rules import named_by_direction
from geo.extract.record_spans import housed_estate, named_inside_brackets, one_of_a_type
from geo.extract.listed_estates import estate_listed_before_housing
from geo.extract.stems import quoted_name
from geo.extract.prefixes import after_verb
from geo.extract.works import main_part_done, works_at
from geo.extract.added_names import add_missed
from geo.extract.diversions import is_diversion, with_diversion_titles
from geo.extract.widened_names import extend_to_names
from geo.extract.village_roads import village_end


def combine(norm, records, tagging, sent_start, sent_end):
    """The sentence's records after the tagger's rules, in order, the droppable ones scored
    (:func:`geo.extract.confidence.score_records`): rule names it rejects are dropped
    (:func:`drop_rejected`), names the rules missed added (:func:`add_missed`).

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The rules' records of one sentence.
    tagging : geo.extract.tagger.Tagging
        What the tagger says about the text.
    sent_start, sent_end : int
        The sentence.

    Returns
    -------
    list of Record
    """
    found = with_diversion_titles(norm, tagging.names_in(sent_start, sent_end), sent_start, sent_end)
    if not records and not found:
        return records  # nothing to drop, widen, add or score
    records = widened_to_quoted_titles(norm, records)  # (before the tagger weighs them: the title is the name)
    records = drop_rejected(norm, records, tagging, found, sent_start, sent_end)
    records = extend_to_names(norm, records, found)
    ruled = {id(r) for r in records}
    records = add_missed(norm, records, tagging, found, sent_start, sent_end)
    score_records(norm, records, tagging, sent_start, sent_end, {id(r) for r in records} - ruled)
    share_confidence(norm, records)  # 实施青河与白石沟河综合治理: B stands with A
    for record in records:
        if record.confidence is not None and (_coded_road_worked(norm, record, sent_end)
                                              or record.named and _county_s_road(norm, record.mention)  # 射阳县合海线
                                              or record.named and _numbered_county_road(norm, record.mention)  # 023黄田线
                                              or _coded_road_built(norm, record, sent_end)
                                              or record.named and _quoted_before_head(norm, record)
                                              or main_part_done(norm, record, sent_end)
                                              or shown_as_built(norm, record.mention)
                                              or record.named and titled_works(norm, record.start, record.end)
                                              or record.named and quoted_works_title(norm, record.start, record.end)
                                              or housed_estate(norm, record) or _typed_route(norm, record)
                                              or estate_listed_before_housing(norm, record)
                                              or named_inside_brackets(norm, record)
                                              or _village_before_works(norm, record)
                                              or _village_road_under_township(norm, record)
                                              or record.named and _kept_street_named_by_a_verb(norm, record)
                                              or record.named and _budgeted(norm, record)
                                              or record.named and is_diversion(norm, record.start, record.end)):
            # 实施G210改造, “渝湘复线”高速, A医院主体工程完工: the works' own object, whatever the model
            # says; a university alone on its line or a rendering's subject (line_forms.shown_as_built),
            # an item's title before its works (line_forms.titled_works);
            # an estate beside its housing type (record_spans.housed_estate), or listed before one
            # (listed_estates); a name its budget follows;
            # a name the brackets after its type give (安置小区(锦苑小区): record_spans.named_inside_brackets);
            # a village under its township before its works (_village_before_works), or its road
            # (_village_road_under_township); a street named by a works
            # verb (建设大街: _kept_street_named_by_a_verb), which the model reads as the verb; a water
            # diversion named by its rivers (引汉济渭工程: diversions), which the tagger seldom marks
            record.confidence = None
        if record.named and record.category != _WATER and is_diversion(norm, record.start, record.end):
            record.category = _WATER  # 引江济淮二期: a diversion's phase is no headless estate's (commercial)
    return records


# The category of a water diversion named by its rivers (geo.extract.diversions).
_WATER = "water"


def _village_before_works(norm, record):
    """True for a village written under its township that works follow, right after it or after its parts
    (元马镇丙华行政村路面加宽, 马桥河镇西河村项目新建硬化道路): the works' place, whatever the record model says.
    Not when the works are only its development (白石镇青山村建设: DEVELOPMENT_ACTIONS, the model's to weigh)."""
    return record.category == "village" and record.named and record.action is not None \
        and record.action not in DEVELOPMENT_ACTIONS \
        and _TOWN_VILLAGE.fullmatch(norm, record.start, record.end) is not None and _before_works(norm, record)


# A village under its township: two Han characters or more, 镇 or 乡, two or more before 村.
_TOWN_VILLAGE = re.compile(r"[\u4e00-\u9fff]{2,}[镇乡][\u4e00-\u9fff]{2,}村")


def _coded_road_worked(norm, record, sent_end):
    """实施G210改造, 实施G4201成都绕城高速改造: a road named by its code (alone or before its name)
    that works follow directly (or along it: 沿线绿化), closing the clause: the works' only object is the road, a project
    the record model must not drop (沿G210建设绿道 and 接县道618线 stay its to weigh)."""
    code = CODE_RE.match(norm, record.start)  # the rules' own road codes, opening the name
    if not (_numbered_code(record.mention) or code is not None and code.group("road")):
        return False
    pos, said = record.end, False
    if norm.startswith(ALONG_CODED_ROAD, pos):
        pos += len(next(word for word in ALONG_CODED_ROAD if norm.startswith(word, pos)))  # 实施G4201沿线绿化: the road's
    elif norm.startswith("的", pos):
        pos += 1  # 加快G353的建设力度: the road's works
    while pos < sent_end:
        works = works_at(norm, pos, sent_end)
        if not works:
            break
        pos, said = pos + len(works), True
    if said and norm.startswith(WORKS_PACE_WORDS, pos):
        pos += len(next(word for word in WORKS_PACE_WORDS if norm.startswith(word, pos)))  # 加大G353的建设力度: its pace
    return said and (pos >= sent_end or norm[pos] in HARD_BREAKS)


def _coded_road_built(norm, record, sent_end):
    """开建省道210;: a road named by its code right after a works verb, closing the clause: the
    works' whole object (接县道618线, 沿G210 are no works verbs: the model weighs those)."""
    mention = record.mention
    return _numbered_code(mention) and mention.stop in ACTION_INDEX.words and mention.stop_start is not None \
        and mention.stop_start + len(mention.stop) == record.start \
        and (record.end >= sent_end or norm[record.end] in HARD_BREAKS)


_LIST_HEADER = re.compile(r"(?:项目|工程)\(?[0-9一二三四五六七八九十]+[个项]\)?$")


def drop_rejected(norm, records, tagging, found, sent_start, sent_end):
    """A named record whose characters the tagger holds to be outside any name is dropped.

    凌风街 in 由凌风街与凌霜街合围, 终点接23号路: places of context the rules took for works.
    Members of a counted group stay (the group's count depends on them), and so does what the
    rules have their strongest evidence for (see :func:`_evident`). A dropped name a count of one
    in figures opens is one of a type: a group of one (see record_spans.one_of_a_type).
    """
    kept = [r for r in records if not (r.named and r.mention.typed_by is None and not r.listed_members
                                       and tagging.outside(r.start, r.end) >= TAGGER_DROP_OUTSIDE
                                       and not _evident(norm, r, sent_start))]
    kept = rejoined(norm, records, kept)  # 改造青山小学与白石中学: B joined to a kept A is no context
    return kept if len(kept) == len(records) else _dropped_ones_counted(norm, records, kept)


def _dropped_ones_counted(norm, records, kept):
    """``kept`` with a group of one in place of each dropped name a count of one opens (建造1座废物二次转运站)."""
    held, out = {id(r) for r in kept}, []
    for record in records:
        if id(record) in held:
            out.append(record)
        elif (group := one_of_a_type(norm, record, _listed_action(norm, out[-1] if out else None, record))) is not None:
            out.append(group)
    return out


def _listed_action(norm, previous, record):
    """The works of ``previous`` when ``record`` is the next item of its list (2座“环卫之家”、1座…站), else None."""
    if previous is None or previous.end > record.mention.stem_start:
        return None
    return previous.action if norm[previous.end:record.mention.stem_start].lstrip("”’\"") in _LIST_JOINS else None


_LIST_JOINS = frozenset(("、", "和", "及", "与"))  # 改造青山小学与白石中学: B joined to a kept A is no context


def _evident(norm, record, sent_start):
    """True when the rules' evidence for a named record outweighs the tagger: a road code (or a county road
    with its county, 射阳县合海线); a name
    right before its works, or in a list right before them (龙山光伏发电项目建设, 东外环、山前大道通车);
    a district's one facility built; an item under a counted works header; a member counted with
    its group (包括长者公园在内的8个公园); a heading described as a project (长风绿地:该工程位于…); a university
    or zone the form of its line shows as built (line_forms.shown_as_built); a name its budget follows; a road a
    direction alone names (东西干道); a village's road written under its township (程龙镇林中村道路)."""
    return _numbered_code(record.mention) or _numbered_county_road(norm, record.mention) \
        or _county_s_road(norm, record.mention) or _before_works(norm, record) \
        or _built_singleton(record) \
        or _under_list_header(norm, record, sent_start) or norm.startswith(INCLUDED_MEMBER_END, record.end) \
        or DESCRIBED_PROJECT_RE.match(norm, record.end) is not None or _after_works_verb(record) \
        or _built_facility(norm, record) or _built_numbered_school(norm, record) or _street_named_by_a_verb(norm, record) \
        or _on_street_named_by_a_verb(norm, record) \
        or _quoted_before_head(norm, record) or main_part_done(norm, record, len(norm)) \
        or shown_as_built(norm, record.mention) or _typed_route(norm, record) or _budgeted(norm, record) \
        or named_inside_brackets(norm, record) or _named_by_direction(norm, record) \
        or _village_road_under_township(norm, record) or quoted_works_title(norm, record.start, record.end)


def _village_road_under_township(norm, record):
    """硬化程龙镇林中村中坪自然村道路, 实施马街镇后山村委会村组公路硬化: a road (公路, 道路) named by the village
    it serves written under its township, right after a works verb, which the tagger reads as places (as
    _village_before_works, a village's works); a generic road head after the village (钟山镇百富村委何家自然村硬化路:
    village_roads) too. Not a road the sentence only describes (A镇B村C道路路面破损)."""
    mention = record.mention
    start = mention.stem_start
    return record.named and (mention.kind == "name" and mention.head.endswith(TYPED_ROUTE_HEADS) and "高速" not in mention.head
                             or mention.kind == "generic" and mention.category == "road"
                             and village_end(norm, start, mention.head_start) is not None) and record.start == start \
        and _TOWN_VILLAGE.match(norm, start, mention.head_start) is not None \
        and after_verb(norm, start)


def _named_by_direction(norm, record):
    """东西干道, 中干道: a road a direction alone names (record_rules.named_by_direction), which the tagger
    reads as a side."""
    return record.named and record.start == record.mention.stem_start and named_by_direction(norm, record.mention)


# A road named by its two ends right before its type (下江镇民族村至宰便镇二级公路, 加家塔至南洼自然村道路):
# two places of two characters or more joined by 至 or 到, Han characters only (see _typed_route).
_TYPED_ROUTE_STEM = re.compile(r"(?:(?![的至到])[\u4e00-\u9fff]){2,}[至到](?:(?![的至到])[\u4e00-\u9fff]){2,}")
_GRADE = re.compile(r"[一二三四]级")


def _typed_route(norm, record):
    """True when a named road's stem is a route (``_TYPED_ROUTE_STEM``) to a village or a township right
    before a road type in 公路 or 道路: the form names the road between two places, which the tagger and
    the record model read as places (not an expressway's: 高淳至宣城高速公路 is theirs to weigh; nor a
    route to a town or a zone: 两江新区至长寿道路, whose like are as often context)."""
    mention = record.mention
    return record.named and mention.kind == "name" and mention.head.endswith(TYPED_ROUTE_HEADS) \
        and "高速" not in mention.head \
        and record.start == mention.stem_start and (record.category == "road" or record.category in ROAD_CATEGORIES) \
        and _TYPED_ROUTE_STEM.fullmatch(norm, mention.stem_start, mention.head_start) is not None \
        and _ends_in_settlement(norm, mention.head_start)


def _ends_in_settlement(norm, pos):
    """True when a village's or a township's name ends at ``pos``, or before a road's grade there
    (南洼自然村, 宰便镇二级)."""
    table = heads()
    pos -= 2 if _GRADE.match(norm, pos - 2) else 0  # 宰便镇二级公路: the road's grade after the place
    return norm.endswith(TOWNSHIP_SUFFIXES, 0, pos) or any(
        table.get(norm[pos - n:pos], (None,))[0] == "village" for n in (1, 2, 3))


def _quoted_before_head(norm, record):
    """“渝湘复线”高速公路: an expressway or railway named in quotes right before its head (no road's
    slogan, “最美彩虹”公路; no programme's title, see :func:`geo.extract.stems.quoted_name`)."""
    start, close, head = record.mention.stem_start, record.mention.head_start - 1, record.mention.head
    return head in INTERCITY_HEADS and (head.startswith(("高速", "城际")) or head.endswith(("铁路", "高铁"))) \
        and record.start == start and close > start + 2 and norm[start] in "“‘" and norm[close] in "”’" \
        and quoted_name(norm, start, close)


def _street_named_by_a_verb(norm, record):
    """建设大街(惠民路-果园路), 改造建设路: a street whose whole stem is a works verb (建设, 发展) is
    named by it; the rules took the verb for the name (see stems.find_stem), the tagger reads a verb."""
    mention = record.mention
    verb = ACTION_INDEX.at(norm, record.start)
    return mention.category == "road" and record.start == mention.stem_start and verb is not None \
        and record.start + len(verb) == mention.head_start and norm.startswith(STREET_NAME_ENDINGS, mention.head_start)


def _on_street_named_by_a_verb(norm, record):
    """扩建新建街小学, 建设路幼儿园: a facility whose whole stem is a works verb and a street's ending is on the
    street the verb names (see stems.find_stem); the tagger reads the verb."""
    mention = record.mention
    verb = ACTION_INDEX.at(norm, record.start) if record.named and record.start == mention.stem_start else None
    return verb is not None and record.start + len(verb) + 1 == mention.head_start \
        and norm[mention.head_start - 1] in VERB_STREET_ENDINGS


def _kept_street_named_by_a_verb(norm, record):
    """建设大街(惠民路-果园路), 开发大道拓宽改造: a street named by a works verb (see :func:`_street_named_by_a_verb`),
    which the record model reads as the verb, when its works are its own or the verb is one streets are often
    named by (STREET_NAMING_VERBS): the street, whatever the model says (a street of another verb with no works,
    开发大道两侧, stays the model's to weigh)."""
    return (record.action is not None or norm.startswith(STREET_NAMING_VERBS, record.start)) \
        and _street_named_by_a_verb(norm, record)


def _built_facility(norm, record):
    """新建东岸社区养老服务站。: a facility (a head of its kind, not a road or area) that a works verb opens and
    the clause's end closes: the works' whole object."""
    mention = record.mention
    return mention.kind == "facility" and mention.stop in PHASE_VERBS and record.start == mention.stem_start \
        and (record.end >= len(norm) or norm[record.end] in HARD_BREAKS) \
        and not _NUMBER.search(norm, record.start, record.end) and not norm.startswith(DESCRIPTION_OPENERS, record.start)


_NUMBER = re.compile(r"[\d%]")  # 4.665万米给水管道, 适龄幼儿50%入公办幼儿园: no names


def _built_numbered_school(norm, record):
    """年内建成51中、沙河街小学: a school named by its number alone, right after a works verb (the
    tagger, seeing digits, holds 51中 to be no name)."""
    mention = record.mention
    return mention.stop in PHASE_VERBS and record.start == mention.stem_start \
        and NUMBERED_SCHOOL_RE.fullmatch(norm, record.start, record.end) is not None


def _after_works_verb(record):
    """建设55个新农村幸福家园、12.8公里敖江休闲步道: a list item after a works verb that opens the list."""
    mention = record.mention
    first = (mention.chain or [mention])[0]
    return first is not mention and first.stop in PHASE_VERBS


def _under_list_header(norm, record, sent_start):
    """新开工项目(3个):博鳌机场、…: an item of a list that a counted works header opens."""
    colon = norm.rfind(":", sent_start, record.start)
    return colon >= 0 and _LIST_HEADER.search(norm, sent_start, colon) is not None \
        and all(ch not in "。;" for ch in norm[colon:record.start])


def _built_singleton(record):
    """建设园博园: a bare facility a district has one of, built by a works verb (see records)."""
    mention = record.mention
    return mention.head in SINGLETON_FACILITY_HEADS and mention.stop in PHASE_VERBS and record.start == mention.head_start


def _county_s_road(norm, mention):
    """射阳县合海线, 省道老宽线东山岔口至南店段: a two-place name in 线 with its county before it, or with its
    road class and a section, names a county road, no prose."""
    if mention.kind != "code" or not mention.head.endswith("线"):
        return False
    if _CLASSED_COUNTY_ROAD.fullmatch(mention.head) is not None:
        return bool(mention.section)
    return mention.stem_start is not None and mention.stem_start + 2 < mention.head_start \
        and norm[mention.head_start - 1] in COUNTY_ROAD_OWNERS


# A road class before a two-place name in 线 (省道老宽线): a county or provincial road's name, no code.
_CLASSED_COUNTY_ROAD = re.compile("(?:" + "|".join(ROAD_CLASSES) + r")(?!和|与|及)[\u4e00-\u9fff]{2}线")


def _numbered_code(mention):
    """G309, 107国道, 省道315线: a road code with a number is no prose."""
    return mention.kind == "code" and any(char.isdigit() for char in mention.head)


def _numbered_county_road(norm, mention):
    """023黄田线, 县道026黄田线: a two-place name in 线 after a county road's number without its letter
    (patterns.BARE_ROAD_NUMBER) is no prose either, which the tagger and the record model seldom saw."""
    start, end = mention.head_start, mention.head_end
    return mention.kind == "code" and mention.head.endswith("线") and mention.stem_start is not None \
        and _BARE_ROAD_NUMBER.fullmatch(norm, mention.stem_start, start) is not None \
        and not stop_ending_at(norm, start + 1, start) and not is_generic(norm[start + 1:end])


_BARE_ROAD_NUMBER = re.compile(BARE_ROAD_NUMBER)


# Categories whose parts or facilities may stand between the name and its works (青山路路面改造,
# 白石村基础设施改造, 白石行政村路面加宽: a road's or a village's own works, FOLLOWERS_SORTED).
_PARTS_BEFORE_WORKS = (*ROAD_CATEGORIES, "village")


def _before_works(norm, record):
    """True when works follow the record's name, or the list it opens (东外环、山前大道通车); for a
    road or a village, after its parts or facilities (白石村基础设施改造(二期)项目)."""
    road = record.category in _PARTS_BEFORE_WORKS
    # 新康家园保障房建设: the type after the name, then works
    if any(_works_from(norm, end, road) for end in {record.end, record.mention.end}):
        return True
    chain = record.mention.chain
    return bool(chain) and norm.startswith(("、", "与", "和", "及"), record.end) \
        and once_per_chain(chain, _last_end_before_works, norm, road) > record.end


def _last_end_before_works(chain, norm, road):
    """Where the last item of a list that works follow ends (-1 when none): an item before it
    opens a list the works follow (read once per list, not once per item)."""
    return next((end for end in sorted({m.end for m in chain}, reverse=True) if _works_from(norm, end, road)), -1)


def _works_from(norm, end, road):
    """True when works follow ``end``: right after it, after a length or a road's parts, after 工程."""
    length = LENGTH_AFTER_RE.match(norm, end) if norm[end:end + 1].isdigit() or norm.startswith("的", end) else None
    pos = length.end() if length else end
    while (length or road) and (follower := match_any(norm, pos, FOLLOWERS_SORTED)):
        pos += len(follower)  # 路基, 路面: the parts of it the works are on
    # 半苗线56.9公里路基路面改造: works on a length of it; 临夏线A村至B镇路面改造: on a road's part
    for at in {end, pos}:
        tail = match_any(norm, at, WORKS_TAILS) if norm.startswith(WORKS_TAILS, at) else None
        # 红枫路南通工程建成通车, 青山客运站及配套工程将完成: works after 工程
        if works_at(norm, at, len(norm)) or tail and works_at(norm, at + len(tail), len(norm)):
            return True
    return False


def _budgeted(norm, record):
    """True when the record's budget follows its name on its line, after its works word at most
    (青山快速道路 总经费逾39亿, 白石村排水沟改善经费约需240万元, 青山路改造总投资2亿元): what is paid for is
    a project, whatever the tagger and the record model say of a headline or a figure's line."""
    pos = record.end
    if _BUDGET_START.search(norm, pos, pos + _LONGEST_WORKS + 1) is None:
        return False  # (a budget starts at the name's end or after its works: none can, most names)
    works = works_at(norm, pos, min(len(norm), pos + BUDGET_WORKS_REACH)) or match_any(norm, pos, WORKS_FOLLOWERS)
    if works and norm.startswith(works, pos):
        pos += len(works)  # (works after adverbs are no budget's)
    return BUDGET_AFTER_RE.match(norm, pos) is not None


# Where a budget may start (a gap, or a budget word's first character), and the longest works word it may follow.
_BUDGET_START = re.compile("[ \t\u3000%s]" % "".join(sorted({word[0] for word in BUDGET_WORDS})))
_LONGEST_WORKS = max(map(len, (*ACTIONS_SORTED, *FILLERS_SORTED, *WORKS_FOLLOWERS)))
