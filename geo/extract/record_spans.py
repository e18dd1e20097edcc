"""The records a rule makes from a mention: a named record's extent and name, a counted group's record."""

from __future__ import annotations

from geo.lexicon import AFTER_WORKS_NOUN, ALONG_WORDS, COMPOUND_OWNERS, DWELLING_UNITS, ESTATE_ENDINGS, ESTATE_SUFFIXES, NETWORK_HEADS, RENEWED_TYPE_TAILS, SIZE_UNITS, SUBUNIT_HEADS, \
    VILLAGE_SUFFIXES, WORKS_STAGES, heads
from geo.lexicon_lookups import is_generic
from geo.extract.model import Record
from geo.extract.patterns import COUNT_RE, QUOTE_CLOSERS, RANGE_MARKS, ROAD_CATEGORIES
from geo.lexicon import STREET_NAME_ENDINGS
from geo.extract.stems import after_year

_ALONG_LAST = frozenset(word[-1] for word in ALONG_WORDS)

def named_record(norm, mention, category, action, start=None):
    """The named record a mention stands for: its extent from its stem (or ``start``) to its head or
    section, less a year or a type in apposition before the name (2019年青山公园, 公办幼儿园白石幼儿园),
    a network named by the road it is laid along, a name given in brackets after its type.

    Parameters
    ----------
    norm : str
        The normalised text.
    mention : Mention
    category, action : str or None
        The record's category and action, as the rules decided them.
    start : int, optional
        Where the name starts, when a rule decided it (default: after a year at the stem's start).

    Returns
    -------
    Record
    """
    section = mention.section
    end = section[1] if section else mention.head_end
    if start is None:
        start = after_year(norm, mention.stem_start, mention.head_start)  # 2019年青山公园
    if mention.head not in SUBUNIT_HEADS:  # 国妇婴奉贤院区: a campus is named with its hospital
        start = _after_type_in_apposition(norm, start, mention.head_start, category)
    start = _after_works_in_apposition(norm, start, mention.head_start)
    if section and _named_in_brackets(norm, start, mention, section):  # 安置小区(锦苑小区): the name is inside
        section, start, end = None, section[0] + 1, section[1] - 1
    if mention.head in NETWORK_HEADS and not section:
        road = _road_before_generic(norm, start, mention.head_start)
        if road is not None:
            # 靖宁路给水管网, 李石河污水截流管网: a network laid along a road or river is named by it.
            return Record(named=True, category=category, action=action, start=start, end=road,
                          base=(start, road), mention=mention)
    if mention.head == "道路" and not section and mention.head_start - start >= 3 \
            and norm.endswith(STREET_NAME_ENDINGS, start, mention.head_start):
        # 红九路道路建设, 光明路道路改造: the road is named; 道路 repeats its type
        return Record(named=True, category=category, action=action, start=start, end=mention.head_start,
                      base=(start, mention.head_start), mention=mention)
    tail = next((t for t in RENEWED_TYPE_TAILS if norm.endswith(t, start, end)), None) \
        if norm.endswith(RENEWED_TYPE_TAILS, start, end) else None  # (one test for all the tails first)
    place = norm[start:end - len(tail)] if tail else ""
    quoted = len(place) > 2 and place[0] in QUOTE_CLOSERS and place[-1] == QUOTE_CLOSERS[place[0]]
    if quoted:
        place = place[1:-1]  # “吉祥苑”保障房: the estate's name in quotes
    if not section and tail and len(place) >= 2 and not is_generic(place) and (
            tail == RENEWED_TYPE_TAILS[0] and not place.endswith(COMPOUND_OWNERS)
            or quoted and place.endswith(ESTATE_SUFFIXES + ("小区", *VILLAGE_SUFFIXES))):
        # 匡山小区老旧小区改造, 堤口庄老旧小区改造: the renewal type after a place says what is
        # renewed; the place is the name. An estate in quotes before a housing type (“吉祥苑”保障房)
        # is named by the quotes; unquoted, the housing type is part of the project's name
        # (新康家园安置房: the resettlement flats of the estate, as labellers name them).
        start, end = start + quoted, end - len(tail) - quoted
        return Record(
            named=True, category=category, action=action, start=start, end=end,
            base=(start, end), section=None, quantity=None, group_total=None,
            mention=mention, measures=[],
        )
    return Record(
        named=True, category=category, action=action,
        start=start, end=end,
        base=(start, mention.head_end), section=section,
        quantity=None, group_total=None, mention=mention, measures=[], name_tail=mention.shared_head,
    )


def housed_estate(norm, record):
    """True for a named estate with a housing type right after it or as its tail: the flats or
    the renewal of an estate (平安小区3期廉租房, 阳光嘉园老旧小区改造, 凤凰山自然村安置房), a project
    whatever the record model says (a district's 老旧小区改造 or 安置房 is no estate)."""
    if record.category != "area" or not record.named:
        return False
    mention = record.mention
    if norm.startswith(RENEWED_TYPE_TAILS, record.end):
        return norm.endswith(ESTATE_ENDINGS, record.start, min(record.end, mention.head_end))  # (less a phase)
    tail = next((t for t in RENEWED_TYPE_TAILS if norm.endswith(t, record.start, record.end)), None) \
        if norm.endswith(RENEWED_TYPE_TAILS, record.start, record.end) else None
    return tail is not None and norm.endswith(ESTATE_ENDINGS + ("村",), record.start, record.end - len(tail))


def named_inside_brackets(norm, record):
    """True for a named record the brackets after its type name (安置小区(锦苑小区), see
    :func:`named_record`): the text gives the name as the type's own, whatever the tagger reads there."""
    mention = record.mention
    section = mention.section if mention is not None else None
    return record.named and section is not None and norm[section[0]] == "(" \
        and record.start == section[0] + 1 and record.end == section[1] - 1


def _named_in_brackets(norm, start, mention, section):
    """True when generic words and a head (安置小区) precede a name in brackets that ends like the head
    (锦苑小区) and gives no range (体育路(体育南路至龙池路))."""
    inner = norm[section[0] + 1:section[1] - 1]
    return norm[section[0]] == "(" and len(mention.head) >= 2 and inner.endswith(mention.head[-2:]) \
        and len(inner) > 2 and not any(mark in inner for mark in RANGE_MARKS) \
        and is_generic(norm[start:mention.head_start])


def _after_type_in_apposition(norm, start, head_start, category):
    """Where a name starts after a type in apposition before it (民营医院|信合医院, 公办幼儿园|白石幼儿园:
    generic words and a head of the name's own category, then the name); else ``start``."""
    table = heads()
    road = category in ROAD_CATEGORIES
    for pos in range(head_start - 2, start + 1, -1):
        for length in range(min(4, pos - start), 1, -1):
            word = norm[pos - length:pos]
            if word in table and (table[word][0] == category and table[word][1] in ("name", "facility")
                                  or road and table[word][0] == "road" and table[word][1] == "generic") \
                    and (pos - length == start or is_generic(norm[start:pos - length])):
                return pos  # (新进城主干道|兴宁大道: a road type before a road's name)
    return start


# A works noun a description before a name ends with (民生工程|滨河水厂, 关键性工程|营盘山隧洞).
_WORKS_NOUN = "工程"
# What a works noun's description leaves before a head that is no name of its own: a stage or batch
# (工程第一阶段管道), a phase, a part of the works (工程支线): 第 and geo.lexicon.WORKS_STAGES.
_NO_NAME_AFTER_WORKS = ("第", *WORKS_STAGES)


def _after_works_in_apposition(norm, start, head_start):
    """Where a name starts after a description ending in a works noun (县政府一号民生工程|滨河水厂,
    灌溉渠道关键性工程|营盘山隧洞, 慢行系统工程|9号步道): the works noun ends the description, and
    the name is what follows it, two characters or more and no generic words; else ``start``."""
    pos = norm.rfind(_WORKS_NOUN, start, head_start)
    if pos < 0:
        return start
    name_start = pos + len(_WORKS_NOUN)
    rest = norm[name_start:head_start]
    if len(rest) < 2 or is_generic(rest) or rest.startswith(_NO_NAME_AFTER_WORKS + AFTER_WORKS_NOUN) \
            or any(word in rest for word in WORKS_STAGES):
        return start
    return name_start


def _road_before_generic(norm, start, head_start):
    """End of a road or river name in ``norm[start:head_start]`` followed only by generic words, or None."""
    for end in range(head_start, start + 2, -1):
        if norm[end - 1] in _ALONG_LAST and norm.endswith(ALONG_WORDS, start, end) \
                and is_generic(norm[end:head_start]) and end - start >= 3:
            return end
    return None


def group_records(norm, mention, category, action, count, rest_start):
    """The counted group a mention's count stands for, less its members named in the list: a
    one-element list with the unnamed remainder (青山路、白石路等5条道路: 3 more roads), or none
    when every member is named or the count is a size of them all (等55公里通达工程).

    Returns
    -------
    list of Record
    """
    members = [m for m in mention.members if m.kind != "skip"]
    total = count.value
    remaining = total - len(members) if members else total
    if remaining <= 0 or members and (count.unit in SIZE_UNITS or count.unit in DWELLING_UNITS):
        # A length or area is not a number of members: A至B等55.2公里通达工程 states the length of all
        # (and A花园、B苑等安置房1200套 the dwellings of all: no 1198套 are left for the rest).
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


def one_of_a_type(norm, record, listed_action=None):
    """首要建造1座废物二次转运站: a named record that a count of one in figures opens (see
    records._named_with_size) and whose name the tagger rejects is one of a type, a group of one;
    None for any other record (一座, written out, describes; 1.5座 is no count).

    Parameters
    ----------
    norm : str
        The normalised text.
    record : Record
        A named record the tagger rejects.
    listed_action : str, optional
        The works of the list item before it, taken when the record has none of its own.

    Returns
    -------
    Record or None
    """
    mention, action = record.mention, record.action or listed_action
    if action is None or record.section or mention.stem_start >= record.start \
            or norm[mention.stem_start] != "1" or record.start - mention.stem_start > _ONE_COUNT_REACH:
        return None  # (most records: no count opens the stem)
    count = COUNT_RE.match(norm, mention.stem_start, record.start)
    if count is None or count.end() != record.start or count.group("num") != "1":
        return None
    return Record(named=False, category=record.category, action=action, start=count.start(), end=record.end,
                  base=(record.start, record.end), quantity={"value": 1, "unit": count.group("unit")},
                  mention=mention, measures=[])


_ONE_COUNT_REACH = 4  # characters of 1座, 1个, 1处 (a unit of up to 3 characters)
