"""Counts closing a list (A、B等5所, A、B、C等3个项目): the group of the members a list's count after 等 leaves unnamed, and the items of a list of projects its count numbers whole."""

from __future__ import annotations

import re

from geo.lexicon import (COUNTED_WORKS, JURISDICTION_SUFFIXES, PROJECT_LIST_OPENERS, TOWNSHIP_SUFFIXES, THING_UNITS,
                         VILLAGE_SUFFIXES, heads)
from geo.settings import LISTED_PROJECT_ITEM_REACH, MAX_LISTED_PROJECTS, MAX_LISTED_TYPES
from geo.lexicon_lookups import ACTIONS_SORTED, STOPS, ACTION_INDEX, is_generic, match_any
from geo.extract.counted_nouns import THING_NOUN, action_ending_at, after_leading_verbs, end_of_noun, generic_type_ending, \
    head_category, thing_category
from geo.extract.counts import group_record, is_thing, stock_counted, taken_spans
from geo.extract.lists import list_members
from geo.extract.model import Mention, Record
from geo.numbers import parse_number
from geo.extract.patterns import COUNTED_PROJECTS, NUM
from geo.lexicon import STREET_NAME_ENDINGS
from geo.extract.works import right_action, works_at

# A count right after the 等 that closes a list: A、B等14个老旧小区, 公厕、垃圾转运站等11座.
_LISTED_COUNT = re.compile(rf"等(?P<num>{NUM})(?:余|多)?(?P<unit>{'|'.join(THING_UNITS)})")


def counted_after_list(norm, start, end, records, mentions=()):
    """The group a list's count after 等 states, when no rule took the count.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The clause.
    records : list of Record
        The clause's records so far: the list's named members among them.
    mentions : list of Mention
        The clause's mentions: a count one of them took is theirs.

    Returns
    -------
    list of Record
        For each such count with named members listed right before 等: an unnamed record of
        the members not named (quantity the count less the members, ``group_total`` the count),
        named by the noun after the count (else by the list), of the category of that noun's
        type or stem (else the members'). When the members are all the count names, they state
        the total and no record is made.
    """
    if "等" not in norm[start:end]:
        return []
    taken = taken_spans(records, mentions, start, end)
    out, by_end = [], _named_by_end(records)
    for match in _LISTED_COUNT.finditer(norm, start, end):
        if taken.hit(match.start("num"), match.end()):
            continue
        value = parse_number(match.group("num"))
        members = _listed_before(norm, match.start(), by_end)
        listed = None if members else _listed_types(norm, match.start(), start)
        last_item = _before_own_works(norm, match.start(), start) if not (members or listed) else None
        if last_item is not None:  # A、老旧小区改造项目等55个项目: the last item's own works end the list
            members = _listed_before(norm, last_item, by_end)
            listed = None if members else _listed_types(norm, last_item, start)
        if not value or value != int(value):
            continue
        if not (members or listed):  # 河东、河西等4个新区: no item is a named place or a type
            group = _unlisted_group(norm, match, start, end, value)
            if group is not None:
                out.append(group)
                taken.add(group.start, group.end)
            continue
        total = {"value": value, "unit": match.group("unit")}
        if len(members) >= value:
            for member in members:
                member.group_total = member.group_total or dict(total)
            continue
        noun_start = _past_listed_works(norm, match.end(), end)  # 等7个新建、改扩建项目: the noun is 项目
        run = THING_NOUN.match(norm, noun_start, end)
        if run and _works_said(norm, noun_start, end):
            run = None  # A、B等3所已开工: the count is followed by what is said of the list, no noun
        noun_end = _first_type_end(norm, noun_start, end_of_noun(norm, noun_start, run.end())) if run else noun_start
        noun = None
        if noun_end - noun_start >= 2:
            base = (noun_start, noun_end)  # 等14个老旧小区: the noun after the count
        else:
            base = listed or (members[0].start, match.start())  # 公厕、垃圾转运站、溶盐池等11座
            noun = _members_noun(members) if members else None
        category = head_category(norm[base[0]:base[1]]) or (members[-1].category if members else None) \
            or thing_category(norm[base[0]:base[1]]) or COUNTED_PROJECTS
        action = (members[-1].action if members else None) or right_action(norm, max(base[1], match.end()), end) \
            or action_ending_at(norm, base[0], start)
        if action is None and stock_counted(norm, match.start()):
            continue  # 现有文保单位52处,其中A、B等15处省级文保单位: what is there, no works
        group_end = max(base[1], match.end())
        out.append(group_record(category, action, (min(base[0], match.start("num")), group_end), base, base[1] - 1,
                                 {"value": value - len(members), "unit": total["unit"]},
                                 group_total=total if members else None, remainder=bool(members),
                                 listed_members=members, noun=noun))
        taken.add(match.start(), group_end)
    return out


def totals_after_names(norm, start, end, records, mentions=()):
    """Give named places listed right before their count (A、B和C3个中心村, A、B、C三大场馆) the
    count as their total, when they number it and no rule took it.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The clause.
    records : list of Record
        The clause's records: the list's named members among them (``group_total`` set on them).
    mentions : list of Mention
        The clause's mentions: a count one of them took is theirs.
    """
    ends = {r.end for r in records if r.named and r.group_total is None}
    taken = by_end = None  # (worked out once a count follows a name: most names have none)
    for pos in sorted(ends):
        match = _COUNT_AFTER_NAME.match(norm, pos, end)
        if match is None:
            continue
        taken = taken or taken_spans(records, mentions, start, end)
        by_end = _named_by_end(records) if by_end is None else by_end
        members = _listed_before(norm, pos, by_end)
        if len(members) < 2 or taken.hit(match.start(), match.end()) or parse_number(match.group("num")) != len(members):
            continue
        for member in members:
            member.group_total = member.group_total or {"value": len(members), "unit": match.group("unit")}


# A count right after a name (A、B和C|3个中心村, A、B、C|三大场馆); 3.5公里 and 2024年 are no counts.
_COUNT_AFTER_NAME = re.compile(rf"(?P<num>{NUM})(?P<unit>{'|'.join(THING_UNITS)}|大)(?![\d.])")


def _unlisted_group(norm, match, start, end, value):
    """The group a list's count after 等 states when no item of the list is a named place or a type.

    Parameters
    ----------
    norm : str
        The normalised text.
    match : re.Match
        The count after 等 (:data:`_LISTED_COUNT`).
    start, end : int
        The clause.
    value : float
        The count.

    Returns
    -------
    Record or None
        An unnamed record of the count and the noun after it when that is a place type (no generic
        one: 线路) or a works noun (A工程、B项目等12个项目, 河东、河西等4个新区), of the type's
        category or of projects;
        of projects when no noun follows a list (A、B等22个,总投资…). None for any other noun (等5个部门,
        等3个领域), when no works are said (与A、B等30家医院合作) and for 等一个个项目 (no count).
    """
    if value < 2 or norm.startswith(match.group("unit"), match.end()):
        return None  # 等一个个项目: one after another, no count
    noun_start = _past_listed_works(norm, match.end(), end)
    run = THING_NOUN.match(norm, noun_start, end)
    noun_end = end_of_noun(norm, noun_start, run.end()) if run and not _works_said(norm, noun_start, end) else noun_start
    list_start = max([norm.rfind(mark, start, match.start()) + 1 for mark in _CLAUSE_MARKS] + [start])
    category = None  # (projects unless the noun is a place type)
    if noun_end - noun_start >= 2:
        base, noun = (noun_start, _first_type_end(norm, noun_start, noun_end)), None
        category = None if generic_type_ending(norm[base[0]:base[1]]) else head_category(norm[base[0]:base[1]])
        if not is_thing(norm[base[0]:base[1]]) or category is None and not norm[base[0]:base[1]].endswith(COUNTED_WORKS) \
                and not _worked_thing(norm, base, end):
            return None  # 等5个部门, 等3个领域: a place type, projects or things worked on are counted, nothing else
    elif "、" in norm[list_start:match.start()]:  # (the count alone names the group, no item's place)
        base, noun = (match.start("num"), match.end()), "项目"
    else:
        return None  # 改造公厕等11座: one item is no list
    action = right_action(norm, max(base[1], match.end()), end) \
        or (ACTION_INDEX.first_in(norm[list_start:match.start()]) or (None, None))[1]
    if action is None:
        return None  # 与A、B等30家医院合作, A、B等7处游园的一半: places that are there, no works
    span = (min(base[0], match.start("num")), max(base[1], match.end()))
    return group_record(category or COUNTED_PROJECTS, action, span, base, base[1] - 1,
                        {"value": value, "unit": match.group("unit")}, noun=noun)


_CLAUSE_MARKS = ",;:。!?"  # what a list opening a clause follows


def _worked_thing(norm, base, end):
    """True for a noun of things whose works follow it (等18处裸露土地实施生态修复, 等39个配套公共服务设施建设),
    not of places where the works are done (等7个乡镇已开工建设: the townships' projects) nor a noun run on
    into a verb (等10个村编制完成)."""
    if norm.endswith(_PLACE_ENDINGS, base[0], base[1]) \
            or any(len(match_any(norm, pos, STOPS) or "") > 1 for pos in range(base[0] + 1, base[1] - 1)):
        return False
    works = works_at(norm, base[1], end)
    at = norm.find(works, base[1], end) + len(works) if works else -1
    return works is not None and not norm.startswith(_WORKS_NOUNS, at)  # (等两件基层建设案: projects, named above)


_WORKS_NOUNS = tuple(COUNTED_WORKS) + ("案",)  # what a works word makes a noun of projects (建设项目, 建设案)


def _past_listed_works(norm, pos, limit):
    """``pos`` moved past works verbs listed before a noun (新建、改扩建项目: to 项目); ``pos`` itself
    when no list of works opens there (新建道路 is a noun of its own)."""
    def past_works(at):
        word = match_any(norm, at, ACTIONS_SORTED)
        return at + len(word) if word and at + len(word) <= limit else at

    moved = pos
    while True:
        after = past_works(moved)
        if after == moved or after >= limit or norm[after] not in "、和及与":
            break
        moved = after + 1
    after = past_works(moved)
    return after if moved > pos and after > moved else pos


def _works_said(norm, pos, limit):
    """True when works are said at ``pos``, after stop words or not (已开工, 今年完成提升改造), not a noun."""
    said = norm[pos:after_leading_verbs(norm, pos, limit)]
    return bool(said) and ACTION_INDEX.first_in(said) is not None


def _members_noun(members):
    """What the rest of a list of named places counted with no noun is (A小学、B小学等5所: 小学):
    the head its members share, else 项目; never the members' own names."""
    heads = {member.mention.head for member in members}
    return heads.pop() if len(heads) == 1 and len(next(iter(heads))) >= 2 else "项目"


# What the name of a place (not a type) ends with: townships, jurisdictions, streets, villages.
_PLACE_ENDINGS = tuple(TOWNSHIP_SUFFIXES) + tuple(JURISDICTION_SUFFIXES) + STREET_NAME_ENDINGS + tuple(VILLAGE_SUFFIXES)


def _listed_types(norm, pos, lo):
    """(start, end) of a list of types right before 等 at ``pos`` (公厕、垃圾转运站、溶盐池), else None."""
    start = pos
    while start > max(lo, pos - MAX_LISTED_TYPES) and ("\u4e00" <= norm[start - 1] <= "\u9fff" or norm[start - 1] == "、") \
            and not action_ending_at(norm, start, lo):
        start -= 1
    if "、" not in norm[start:pos] or pos - start < 5 or norm[start] == "、":
        return None
    # Types, not places: one item at least a place type itself, none a township's or village's name.
    items = norm[start:pos].split("、")
    table = heads()
    if any(item.endswith(_PLACE_ENDINGS) for item in items) or not any(item in table for item in items):
        return None
    return start, pos


def _before_own_works(norm, pos, lo):
    """Where the works an item names of itself before 等 at ``pos`` begin (老旧小区|改造项目等), else None."""
    tail = next((t for t in ("项目", "工程") if norm.endswith(t, lo, pos)), None)
    action = action_ending_at(norm, pos - len(tail), lo) if tail else None
    return pos - len(tail) - len(action) if action else None


def _first_type_end(norm, noun_start, noun_end):
    """The end of the first place type in a noun (老旧小区 of 老旧小区施行路面黑色化), else ``noun_end``."""
    table = heads()
    for pos in range(noun_start + 2, noun_end + 1):
        if any(norm[pos - n:pos] in table and table[norm[pos - n:pos]][1] not in ("none", "skip")
               for n in range(2, min(5, pos - noun_start) + 1)):
            return pos
    return noun_end


def _named_by_end(records):
    """The named records by where they end, for :func:`_listed_before` (made once for a clause)."""
    return {r.end: r for r in records if r.named}


def _listed_before(norm, pos, by_end):
    """The named records listed right before ``pos`` (A、B和C before 等), in text order; ``by_end``:
    the clause's named records by where they end (:func:`_named_by_end`)."""
    members = []
    while pos in by_end:
        member = by_end[pos]
        members.insert(0, member)
        pos = member.start - 1
        if pos < 0 or norm[pos] not in "、和及与":
            break
        if pos not in by_end:  # B小学改扩建项目、C中学: an item may name its own works
            pos = _before_own_works(norm, pos, 0) or pos
    return members


# A list of projects closed by its count (A、B、C等4个项目, 等10大项目, 等8项工程): every item is
# one of them when the items number the count.
_PROJECT_LIST = re.compile(rf"等(?P<num>{NUM})(?P<unit>个|项|大|件)[\u4e00-\u9fff]{{0,6}}?(?:项目|工程)")
_ITEM_CHARS = re.compile(r"[\u4e00-\u9fff0-9A-Za-z()\-—]+")
_ITEM_COUNT = re.compile(rf"{NUM}(?:余|多)?(?:{'|'.join(THING_UNITS)})")
_WORKS_ON_PART = re.compile(rf"及[\u4e00-\u9fff]{{1,4}}?(?:{'|'.join(map(re.escape, ACTIONS_SORTED))})(?:项目|工程)$")


def _list_start(norm, start, end, value):
    """Where the list of ``value`` items that ends at ``end`` opens: after the clause's last mark
    before it. None when more than ``value`` items come after that mark (A、B、C、D等3个项目 numbers no
    list of its own) or when the list runs on past ``value`` items' reach. Only that reach is
    looked through (a clause of thousands of counted lists reads each list once)."""
    lo = max(start, end - value * LISTED_PROJECT_ITEM_REACH)
    pos, separators = end, 0
    while separators < value:  # (the value-th 、 back: a mark before it leaves more items than the count)
        pos = norm.rfind("、", lo, pos)
        if pos < 0:
            break
        separators += 1
    bound = lo if pos < 0 else pos
    mark = max(norm.rfind(char, bound, end) for char in ",;:。!?")
    if mark >= 0:
        return mark + 1
    return start if pos < 0 and lo == start else None


def listed_projects(norm, start, end, records):
    """Name the items of a list of projects that its count numbers whole.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The clause.
    records : list of Record
        The clause's records: named, counted groups and remainders.

    Returns
    -------
    list of Record
        ``records`` with a named record for each item no record names (青禾路周边改造项目一期
        of `青松学校、青禾路周边改造项目一期、白石西路等3个项目`), of its type's category or
        ``project``; when every item is then named, the count of the list is no group: its
        unnamed records are dropped and each member states the total.
    """
    if "等" not in norm[start:end]:
        return records
    for match in _PROJECT_LIST.finditer(norm, start, end):
        value = parse_number(match.group("num"))
        if not value or value != int(value) or not 2 <= value <= MAX_LISTED_PROJECTS:
            continue
        list_start = _list_start(norm, start, match.start(), int(value))
        if list_start is None:
            continue  # (more items than the count, or items too long for names: no list it numbers)
        items, pos = [], list_start
        for text in norm[list_start:match.start()].split("、"):
            items.append((pos, pos + len(text)))
            pos += len(text) + 1
        if len(items) < value:
            _rest_of_listed(match, items, records)
            continue
        if len(items) != value:
            continue
        opener = next((w for w in PROJECT_LIST_OPENERS if w in norm[items[0][0]:items[0][1]]), None)
        first = norm.find(opener, items[0][0], items[0][1]) + len(opener) if opener else items[0][0]
        items[0] = (after_leading_verbs(norm, first, items[0][1]), items[0][1])  # 将A、B: A follows 将
        named = [r for r in records if r.named]
        covered = [next((r for r in named if r.start < b and r.end > a), None) for a, b in items]
        if 2 * sum(r is not None for r in covered) < value:
            continue  # (most items unnamed: a list of services or programmes, not of places)
        members, added = [], []
        for item_start, item_end in items:
            member = next((r for r in named if r.start < item_end and r.end > item_start), None)
            if member is None:
                member = _listed_project(norm, item_start, item_end)
                if member is None:
                    continue  # (a type alone, 文化中心: one of the projects, not named)
                added.append(member)
            members.append(member)
        if not added:
            continue
        action = next((m.action for m in members if m.action), None)
        for member in added:
            member.action = action
        groups = [r for r in records if not r.named and r.start < match.end() and r.end > match.start()]
        if len(members) == value:  # every project named: the count is their total, no group
            for member in members:
                member.group_total = member.group_total or {"value": value, "unit": match.group("unit")}
            records = [r for r in records if r not in groups]
        else:
            for group in groups:
                if group.remainder:  # the projects not named are fewer now
                    group.quantity = {**group.quantity, "value": value - len(members)}
        records = records + added
    return records


def _rest_of_listed(match, items, records):
    """A、B、C等23项工程 with every item named: the list's count, a group of its own, says how many
    projects are left (其余工程 20), as a count of projects after 等 does (其余项目)."""
    named = [r for r in records if r.named]
    members = [next((r for r in named if r.start < b and r.end > a), None) for a, b in items]
    groups = [r for r in records if not r.named and not r.remainder and r.start < match.end() and r.end > match.start()]
    if len(items) >= 2 and None not in members and len(set(map(id, members))) == len(members) and len(groups) == 1:
        list_members(groups[0], members)


def _listed_project(norm, start, end):
    """A named record of the list item ``norm[start:end]`` (货运车通道, 旧城片区雨污分流改造), or None
    when the item is no project's name: a type, generic words, a count or a phrase."""
    text = norm[start:end]
    if not 3 <= len(text) <= 24 or not _ITEM_CHARS.fullmatch(text) or "的" in text or _ITEM_COUNT.search(text) \
            or is_generic(text) or text in heads() or match_any(norm, start, STOPS):
        return None
    joined = text.find("及", 4)
    if joined > 0 and _WORKS_ON_PART.search(text, joined):  # A病房及院区改造项目: the works on A's grounds
        end, text = start + joined, text[:joined]
    category = head_category(text) or COUNTED_PROJECTS
    mention = Mention(kind="raw", head="", category=category, stem_start=start, head_start=end, head_end=end, end=end)
    return Record(named=True, category=category, action=None, start=start, end=end, base=(start, end),
                  mention=mention, measures=[])
