"""Partners, examples, bounds and locators: places a clause names beside works, not as their object (与A合作, A等城市, A路、B路合围, A路两侧)."""

from __future__ import annotations

import re

from geo.lexicon import (
    ENCLOSURE_WORDS, STRINGING_WORDS, JUNCTION_HEADS, LOCATOR_WORDS, NON_PLACE_TYPES, PARTNER_WORDS,
    ROAD_PARTNER_WORDS, STOP_WORDS, STREET_TYPES, heads)
from geo.lexicon_lookups import ACTIONS_SORTED, ACTION_INDEX, FOLLOWERS_SORTED, match_any
from geo.extract.model import chain_end, chain_first, chain_last
from geo.extract.patterns import NUM, ROAD_CATEGORIES
from geo.settings import PARTNER_WORD_REACH, STRUNG_LIST_REACH, STRUNG_REACH


def drop_partners(norm, records, clause_end):
    """Drop names that are partners or examples, not works.

    与浙江大学、四川大学合作: a list after 与/同 that the clause goes on to 合作/对接 with.
    镇江、九江等城市: a list typed by a noun that is no place type (城市, 企业, 高校).
    由青山路与白石路合围: roads that enclose a site are its bounds, not works.
    与青山路、白石路形成环线, 与白石大道贯通: roads after 与 that a clause joins to (ROAD_PARTNER_WORDS).
    15路、22路等3条公交车线路: bus lines named by their numbers, no roads.
    """
    if not records:
        return records
    first_end = min(chain_end(r.mention) for r in records)
    partner_at = _last_partner_word(norm, first_end, clause_end)
    road_partner_at = _last_partner_word(norm, first_end, clause_end, _ROAD_PARTNER_WORD, ROAD_PARTNER_WORDS) \
        if any(r.category in ROAD_CATEGORIES for r in records) else -1
    strung = _strung_list(norm, min(r.start for r in records), clause_end)
    kept = []
    for record in records:
        first, end = chain_first(record.mention), chain_end(record.mention)
        partner_after = partner_at >= end  # a partner word in the rest of the clause
        if first.stop in ("与", "同") and partner_after:
            continue
        if partner_after and _listed_partner(norm, record):
            continue
        if road_partner_at >= end and record.category in ROAD_CATEGORIES and (
                first.stop in ("与", "同") or _listed_partner(norm, record, ROAD_PARTNER_WORDS, _ROAD_PARTNER_WORD)):
            continue  # 与青山路、白石路形成无缝连接: the roads a project joins
        if norm.startswith(ENCLOSURE_WORDS, end, clause_end) or _listed_before_enclosure(norm, end, clause_end):
            continue
        if strung and strung[0] <= record.start and end <= strung[1]:
            continue  # 将沿线A风景区、B寺等景点串联: what a route strings together
        if norm.startswith("等", end, clause_end) and _typed_by_non_place(norm, record, end, clause_end):
            continue
        if _bus_route(norm, record, clause_end):
            continue
        kept.append(record)
    return kept


def _last_partner_word(norm, start, end, pattern=None, words=PARTNER_WORDS):
    """Where the last partner word (合作, 相交…; or one of ``words``, which ``pattern`` finds) of
    ``norm[start:end]`` starts, or -1: one look per clause, not one slice of the clause's rest per
    record (a list of thousands stays linear). A clause with none (most) is seen in one search, not
    one look per word."""
    if (pattern or _PARTNER_WORD).search(norm, start, end) is None:
        return -1
    last = -1
    for word in words:
        pos = norm.rfind(word, start, end)
        if pos > last and word in _JUNCTIONS_HOLDING:
            pos = _last_outside_junctions(norm, word, start, end)  # (only words a junction head holds)
        last = max(last, pos)
    return last


_PARTNER_WORD = re.compile("|".join(map(re.escape, PARTNER_WORDS)))
_ROAD_PARTNER_WORD = re.compile("|".join(map(re.escape, ROAD_PARTNER_WORDS)))


def _last_outside_junctions(norm, word, start, end):
    """Where the last ``word`` of ``norm[start:end]`` outside a junction head starts, or -1 (the
    交叉 of 交叉口: 望江路与中河路交叉口河边 is a site; 与省道S306、青山路交叉 names partners)."""
    pos = norm.rfind(word, start, end)
    while pos >= 0 and any(pos >= junction.find(word) and norm.startswith(junction, pos - junction.find(word))
                           for junction in _JUNCTIONS_HOLDING[word]):
        pos = norm.rfind(word, start, pos + len(word) - 1)
    return pos


def _typed_by_non_place(norm, record, end, clause_end):
    """镇江、九江等城市: True when the 等 at ``end`` types the list by a noun that is no place type."""
    typed_at = _AFTER_DENG.match(norm, end, clause_end).end()
    noun_end = _NON_HAN.search(norm, typed_at, clause_end)
    noun_end = noun_end.start() if noun_end else clause_end
    noun, typed = norm[typed_at:noun_end], norm[typed_at:(noun_end + PARTNER_WORD_REACH if noun_end + PARTNER_WORD_REACH < clause_end else clause_end)]
    streets = record.category in ROAD_CATEGORIES and typed.startswith(STREET_TYPES)  # 果园路等街道: streets
    return typed.startswith(NON_PLACE_TYPES) and not _ends_with_head(noun) and not streets \
        and not _noun_goes_on(typed) and not _works_site_after(typed)  # 等城市综合体 is a place type, 等城市骨架工程 works


def _works_site_after(typed):
    """True when the non-place type opening ``typed`` names the field of a works site the list's
    places are (A路、B公园等城市建设现场: sites of city building, no cities)."""
    word = max((w for w in NON_PLACE_TYPES if typed.startswith(w)), key=len)
    return _WORKS_SITE.match(typed, len(word)) is not None


# A works site (建设现场, 项目施工现场, 改造工程工地).
_WORKS_SITE = re.compile(r"(?:建设|施工|改造|扩建)?(?:项目|工程)?(?:建设|施工)?(?:现场|工地)")


def _bus_route(norm, record, clause_end):
    """15路、22路等3条公交车线路, 8路公交: a route named by its number alone in a list of bus routes
    is a bus line, no road (3076路 and 八一路 stay roads)."""
    return _NUMBER_ROAD.fullmatch(norm, record.start, record.end) is not None \
        and _BUS_LINES_AFTER.match(norm, record.end, clause_end) is not None


_NUMBER_ROAD = re.compile(r"[A-Z]?\d{1,3}路")  # (a letter may open a line's number: K22路, B1路)
# The other numbers of the list, then the bus lines they are (、22路、9路等3条公交车线路).
_BUS_LINES_AFTER = re.compile(rf"(?:[、和及][A-Z]?\d{{1,3}}路)*(?:等{NUM}?条?|{NUM}条)?(?:城乡|城市|夜间|定制)?公交")


_AFTER_DENG = re.compile(rf"等{NUM}?(?:个|家|所|座)?")
_NON_HAN = re.compile(r"[^\u4e00-\u9fff]")


def _strung_list(norm, start, clause_end):
    """(start, end) of the list a verb of stringing closing the clause strings together (将沿线A风景区、
    B寺、C湖等景点串联,: the sights along a route, context), or None; one look per clause. The list
    starts after the last break or works before it, within a bounded reach."""
    lo = (clause_end - STRUNG_REACH if clause_end - STRUNG_REACH > start else start)
    if _STRINGING_WORD.search(norm, lo, clause_end) is None:
        return None  # (most clauses: no verb of stringing near their end, no tail to match)
    match = _STRUNG_TAIL.search(norm, lo, clause_end)
    if match is None:
        return None
    end = match.start()
    begin = (end - STRUNG_LIST_REACH if end - STRUNG_LIST_REACH > start else start)
    begin = max([begin] + [norm.rfind(mark, begin, end) + 1 for mark in _BREAKS])
    found = ACTION_INDEX.first_in(norm, begin, end)
    while found is not None:  # (bounded: at most the reach's characters)
        begin = found[0] + len(found[1])
        found = ACTION_INDEX.first_in(norm, begin, end)
    return begin, end


# 等景点串联, 等5个景区串联成线, 串联起来 closing a clause (串联 before its object is a context verb).
_STRUNG_TAIL = re.compile(rf"(?:等{NUM}?(?:个|处|家|座)?[\u4e00-\u9fff]{{0,4}}?)?"
                          rf"(?:{'|'.join(map(re.escape, STRINGING_WORDS))})(?:起来|成线|成链|在一起)?$")
_STRINGING_WORD = re.compile("|".join(map(re.escape, STRINGING_WORDS)))  # what _STRUNG_TAIL must hold
_BREAKS = ",;:。!?\n"


_PARTNER_LIST = re.compile(r"[与同]([\u4e00-\u9fffA-Za-z0-9、和及]*)$")
# The rest of a list before an enclosure word (中江高速、国道G105线和省道S364线贯穿全境): the
# place the tagger names alone in it is a bound or a road passing through too.
_LIST_BEFORE_ENCLOSURE = re.compile(
    r"(?:(?:、|以及|和|及|与)[^、和及与,;。:!?\s]{1,14}?){1,4}?(?=" + "|".join(map(re.escape, ENCLOSURE_WORDS)) + ")")


_LIST_SEPARATORS = ("、", "以及", "和", "及", "与")


def _listed_before_enclosure(norm, end, clause_end):
    """True when the clause goes on from ``end`` over list items, with no works, to an enclosure word."""
    if not norm.startswith(_LIST_SEPARATORS, end, clause_end):
        return False  # (most records: no list goes on after them)
    listed = _LIST_BEFORE_ENCLOSURE.match(norm, end, clause_end)
    return listed is not None and ACTION_INDEX.first_in(listed.group()) is None



def _listed_partner(norm, record, words=PARTNER_WORDS, pattern=None):
    """与大广、京港澳、二广高速等相交: every item of a list (、) after 与 that the clause goes on to a
    partner word with (the roads a new road meets; or one of ``words``), also items the list's
    shared head names; a single place after 与 is :func:`drop_partners`' own (when 与 opens its name)."""
    if record.clause is None:
        return False
    before = _PARTNER_LIST.search(norm, max(record.clause[0], record.start - 24), record.start)
    if before is None or _last_partner_word(before.group(1), 0, len(before.group(1)), pattern, words) >= 0:
        return False
    listed = _without_junctions(before.group(1) + norm[record.start:record.start + 24])
    return "、" in listed[:min((k for k in (listed.find(w) for w in words) if k >= 0), default=0)]


def _without_junctions(text):
    """``text`` with its junction heads blanked out (same length): the 交叉 of 交叉口 is no
    partner word."""
    for junction in _JUNCTIONS_LONGEST_FIRST:
        text = text.replace(junction, "\0" * len(junction))
    return text


_JUNCTIONS_LONGEST_FIRST = sorted(JUNCTION_HEADS, key=len, reverse=True)
# The junction heads each partner word is part of (交叉: 交叉口, 交叉路口).
_JUNCTIONS_HOLDING = {word: held for word in PARTNER_WORDS + ROAD_PARTNER_WORDS
                      if (held := tuple(j for j in _JUNCTIONS_LONGEST_FIRST if word in j))}


def drop_locators(norm, records, mentions=()):
    """Drop projects that only locate a later project of the clause (A路两侧22个老旧小区改造), or
    the one named before them in a bracket (白石片区(青松大道两侧)).

    Roads also locate an uncounted type (经二路、纬四路沿线历史建筑修缮): a type head right
    after the locator word shows the works are on what lies along the road (stations keep
    their 周边道路改造: the station is itself a project).
    """
    located = []
    for record in records:
        last = chain_last(record.mention)
        # 经二路、纬四路沿线: the locator word after a list of roads locates them all; after a
        # place of another kind (凤山北路、温泉大道、城区一河两岸沿河路) only that place.
        list_end = last.end if last is record.mention or last.category == record.mention.category else record.mention.end
        locator = match_any(norm, list_end, LOCATOR_WORDS)
        if locator and norm[list_end + len(locator):list_end + len(locator) + 1] == ")" \
                and norm[record.start - 1:record.start] == "(":
            continue  # 白石片区(青松大道两侧), 合围区域(青松大道两侧): the bracket says where a place lies
        if locator and (any(other.start > list_end for other in records if other is not record)
                        or record.category in ROAD_CATEGORIES and any(
                            m.kind == "generic" and m.stem_start == list_end + len(locator)
                            for m in mentions)):
            continue
        located.append(record)
    return located


def _noun_goes_on(typed):
    """True when a noun phrase goes on after the non-place type opening ``typed`` (城市骨架工程,
    城市路网工程: works on the city, typed by the list's places; 城市合作, 城市的 end there)."""
    word = max((w for w in NON_PLACE_TYPES if typed.startswith(w)), key=len)
    after = typed[len(word):]
    return bool(after) and "\u4e00" <= after[0] <= "\u9fff" and not match_any(after, 0, STOP_WORDS) \
        and not match_any(after, 0, PARTNER_WORDS) and not match_any(after, 0, ACTIONS_SORTED) \
        and not match_any(after, 0, FOLLOWERS_SORTED)


def _ends_with_head(noun):
    """True when ``noun`` ends with a place head longer than one character (城市综合体)."""
    table = heads()
    return any(noun.endswith(h) and table[h][1] not in ("skip", "none") and len(h) > 1 and len(h) < len(noun)
               for h in (noun[-n:] for n in range(2, min(len(noun), 6) + 1)) if h in table)
