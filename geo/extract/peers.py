"""Villages listed alike (青山村、白石村和红枫村) and bodies of water listed alike (白沙河、青石河): peers of
one list, kept or dropped together. Estates listed alike in a clause of works (对青山小区、白石小区进行改造)
are peers too.

The record model weighs each named record by its own context, so the items of one list of
villages under one works get different scores (the first after the verb, the last before the
works head, the one after 和 read as a partner) and a list is cut in two. Peers are named
villages with the same head, only a list separator between them (or a comma, in a list grouped
by township: 蟠龙镇韩家村、东升村,陈仓镇金星村), none of them counted; they
share the best score of the list (:func:`share_among_peers`) and a peer of a record the tagger
keeps is kept with it (:func:`geo.extract.joined.rejoined`).

Two lists are no peers: villages locating other things (青山村、白石村等8个农场: the farms are
the works) and a sample of the villages a works covers (涉及青山村、白石村等5个村: the places it
reaches, each judged by itself).

Bodies of water listed alike are peers too (白沙河、青石河和红枫河综合治理), but a reach
(浏阳河(雨花段)) or a great river of one character before its head (长江、汉江: more often where a
place lies than its works) is none.
"""

from __future__ import annotations

import re

from geo.extract.patterns import ALIAS_RE, LIST_JOINS, NUM
from geo.lexicon import (
    COVERAGE_VERBS, NEIGHBOURHOOD_HEADS, RENEWED_TYPE_TAILS, SHARED_BY_PLACES_HEADS, TOWNSHIP_SUFFIXES)
from geo.lexicon_lookups import ACTION_INDEX
from geo.settings import LISTED_PEERS_REACH, PEER_CATEGORIES, PEER_WATER_MIN_STEM

_WATER = "water"
# Estates listed alike (青山小区、白石小区和红枫小区; 东山棚户区、西山棚户区) are peers too: named areas
# whose head is a housing or renewal head, in a clause of works.
_ESTATE_CATEGORY = "area"
_ESTATE_HEADS = frozenset(NEIGHBOURHOOD_HEADS) | frozenset(RENEWED_TYPE_TAILS) | SHARED_BY_PLACES_HEADS
# A list grouped by township runs on over commas (A镇B村,C镇D村、E村): the item after the comma
# opens with its township.
_GROUP_SEPARATOR = ","
_TOWNSHIP_OPENED = re.compile(r"[\u4e00-\u9fff]{2,}?(?:%s)[\u4e00-\u9fff]{2,}" % "|".join(map(re.escape, TOWNSHIP_SUFFIXES)))
# 等N个, 等N处: a count of things closing the list (locating others unless they are villages).
_OTHERS_COUNTED = re.compile(rf"等{NUM}[个处座家]")
# 等5个村, 共4个特色康居乡村, 5个行政村: a count of villages closing the list.
_VILLAGES_COUNTED = re.compile(rf"(?:等|共)?{NUM}个[\u4e00-\u9fff]{{0,5}}?村")
_COVERAGE_RE = re.compile("|".join(map(re.escape, COVERAGE_VERBS)))
# What ends the clause a list stands in (a colon may open the list: 涉及:青山村、白石村).
_CLAUSE_ENDS = ",;。!?\n"
_SENTENCE_ENDS = "。;!?\n"


def listed_alike(norm, first, second):
    """True when ``first`` and ``second`` are named villages, or bodies of water, listed side by
    side (青山村、白石村; 白沙河、青石河), or named estates (areas with one housing or renewal head:
    小区, 棚户区, 安置房…) listed side by side in a clause that holds works (对青山小区、白石小区进行维修改造).

    Parameters
    ----------
    norm : str
        The normalised text.
    first, second : geo.extract.model.Record
        Two records of one sentence, ``first`` before ``second``.

    Returns
    -------
    bool
    """
    a, b = first.mention, second.mention
    return first.named and second.named and first.category == second.category \
        and _peer(norm, first) and _peer(norm, second) and a.head and a.head == b.head \
        and _separated(norm, first, second) and b.stem_start == second.start \
        and a.count is None and b.count is None \
        and not _locating_others(norm, second.end) and not covered_sample(norm, first.start, second.end) \
        and (first.category != _ESTATE_CATEGORY or _worked_on(norm, first.start, second.end))


def _peer(norm, record):
    """True for a record of a kind listed alike: a village, a body of water shaped as a peer
    (:func:`_peer_shaped`), or an estate (an area with a housing or renewal head)."""
    if record.category == _ESTATE_CATEGORY:
        return record.mention.head in _ESTATE_HEADS
    return record.category in PEER_CATEGORIES and _peer_shaped(norm, record)


def _worked_on(norm, start, end):
    """True when the clause of the estates listed from ``start`` to ``end`` holds works (对A小区、B小区进行改造):
    estates a visit or a report passes through are no peers."""
    return ACTION_INDEX.first_in(norm, _clause_start(norm, start), _clause_end(norm, end, _CLAUSE_ENDS)) is not None


def _peer_shaped(norm, record):
    """True when a record may be a peer of its list: any village; a body of water named whole (not
    a reach: 浏阳河(雨花段); another name in brackets is no reach: 野鸡城沟(含窑湾沟)) with at least
    PEER_WATER_MIN_STEM characters before its head (a great river of one, 长江, 汉江, listed with its
    neighbours says more often where a place lies than what is built)."""
    if record.category != _WATER:
        return True
    mention = record.mention
    return _no_reach(norm, record.section) and _no_reach(norm, mention.section) \
        and mention.head_start - record.start >= PEER_WATER_MIN_STEM


def _no_reach(norm, section):
    """True when ``section`` (a (start, end) or None) is none, or another name of the water in brackets."""
    return section is None or ALIAS_RE.fullmatch(norm, *section) is not None


def _separated(norm, first, second):
    """True when a list separator alone stands between the two, or a comma before a village
    named with its township (蟠龙镇韩家村,陈仓镇金星村)."""
    between = norm[first.end:second.start]
    return between in LIST_JOINS \
        or between == _GROUP_SEPARATOR and _TOWNSHIP_OPENED.fullmatch(norm, second.start, second.end) is not None


def _locating_others(norm, end):
    """True when the list goes on within the reach to 等N<unit> of things that are no villages."""
    stop = _clause_end(norm, end, _SENTENCE_ENDS)
    match = _OTHERS_COUNTED.search(norm, end, stop)
    return match is not None and not norm.startswith(("村", "个村", "行政村"), match.end() - 1) \
        and "村" not in norm[match.end():match.end() + 4]


def covered_sample(norm, start, end):
    """True when the places listed from ``start`` to ``end`` are a sample of those a works
    reaches: a coverage verb opens their clause and a count of villages closes it
    (涉及青山村、白石村等5个村).

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        Where the first place listed starts and the last ends.

    Returns
    -------
    bool
    """
    if _COVERAGE_RE.search(norm, _clause_start(norm, start), start) is None:
        return False
    return _VILLAGES_COUNTED.search(norm, end, _clause_end(norm, end, _CLAUSE_ENDS)) is not None


def _clause_start(norm, pos):
    start = max(0, pos - LISTED_PEERS_REACH)
    for mark in _CLAUSE_ENDS:
        i = norm.rfind(mark, start, pos)
        if i >= 0:
            start = i + 1
    return start


def _clause_end(norm, pos, marks):
    stop = min(len(norm), pos + LISTED_PEERS_REACH)
    for mark in marks:
        i = norm.find(mark, pos, stop)
        if i >= 0:
            stop = i
    return stop


def share_among_peers(norm, order):
    """Give each run of villages (or bodies of water, or estates) listed alike the best score of its
    members (none when one of them is not weighed: it frees the others too).

    Parameters
    ----------
    norm : str
        The normalised text.
    order : list of Record
        The sentence's records in text order, scored; changed in place.
    """
    if sum(_peer(norm, record) for record in order) < 2:
        return  # most sentences: no two villages, waters or estates, no list of them
    run = []
    for record in order + [None]:
        if record is not None and run and listed_alike(norm, run[-1], record):
            run.append(record)
            continue
        if len(run) > 1 and any(r.confidence is not None for r in run):
            scores = [r.confidence for r in run]
            best = None if None in scores else max(scores)
            for member in run:
                member.confidence = best
        run = [record] if record is not None else []
