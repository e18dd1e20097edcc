"""Stretches of road named by their two ends before 路段, works following: 对青山苑至白石寨路段进行改造.

The rules read only a generic 路段 whose stem the join 至 stops (白石村路段, no name); the first end is
no head of its own (a hamlet, an estate, a route 红岭线), so no section joins it to the stretch either.
A stretch no works follow (图为红岭线至东坪路段, a caption) is where things are, and is left.
"""

from __future__ import annotations

import bisect
import re

from geo.extract.model import headless_name
from geo.extract.segment import clauses
from geo.extract.works import resolve_category
from geo.lexicon import STRETCH_STREET_ENDS
from geo.lexicon_lookups import ACTION_INDEX, stop_ending_at
from geo.settings import STRETCH_ACTION_REACH, STRETCH_END_MAX_CHARS, STRETCH_OVERLAP_REACH

# 至 and the second end (Han characters only, no 的 nor a second join) right before 路段, which no 的
# follows (受益青山至白石路段的村庄: the stretch places what is described).
_SECOND_END = re.compile(rf"至((?:(?![的至到])[\u4e00-\u9fff]){{2,{STRETCH_END_MAX_CHARS}}})路段(?!的)")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def joined_stretches(norm, records, sent_start, sent_end):
    """Named road records for the stretches ``A至B路段`` of a sentence that no named record covers.

    The first end runs back from 至 over Han characters to the clause's start or a stop word
    (对, 为, 将: :func:`geo.lexicon_lookups.stop_ending_at`), two to STRETCH_END_MAX_CHARS of them,
    ending in no street word (路, 街, 道, 巷), and works must follow within STRETCH_ACTION_REACH
    characters of its clause;
    a stretch a named record of the sentence overlaps is left (杏花镇三礼村至小圩村路段: the
    village's section names it already); a record inside the second end gives way to it.

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The sentence's records (after the tagger); the records inside a stretch's second end are
        removed from it.
    sent_start, sent_end : int
        The sentence.

    Returns
    -------
    list of Record
        The new records (none in most sentences).
    """
    if norm.find("路段", sent_start, sent_end) < 0:
        return []
    matches = list(_SECOND_END.finditer(norm, sent_start, sent_end))
    if not matches:
        return []
    spans = list(clauses(norm, sent_start, sent_end))
    named = sorted((r.start, r.end) for r in records if r.named)
    sentence, added, seconds = norm[sent_start:sent_end], [], []
    for match in matches:
        at = bisect.bisect_right(spans, (match.start(), len(norm))) - 1
        if at < 0 or match.start() >= spans[at][1]:
            continue
        clause = spans[at]
        start = _first_end_start(norm, match.start(), clause[0])
        if start is None or norm.endswith(STRETCH_STREET_ENDS, start, match.start()) or _overlapped(named, start, match):
            continue
        action = ACTION_INDEX.first_in(norm, match.end(), min(clause[1], match.end() + STRETCH_ACTION_REACH))
        if action is None:
            continue  # 图为A至B路段, A至B路段拥堵: a stretch no works follow is where things are
        record = headless_name(start, match.end(), "road", clause, action[1])
        record.category = resolve_category("road", record.action, norm, record.mention, sentence)
        if record.category:
            added.append(record)
            seconds.append((match.start(), match.end()))
    if seconds:
        # 对红岭线至东坪路段进行改造: the second end's generic 东坪路段 gives way to the stretch
        records[:] = [r for r in records if not _inside(seconds, r)]
    return added


def _overlapped(named, start, match):
    """True when a named record (``named``: their sorted spans) overlaps the stretch from ``start``
    to the end of ``match``, other than one inside its second end; only records starting at most
    STRETCH_OVERLAP_REACH characters before it are looked at (no name is longer)."""
    lo = bisect.bisect_left(named, (start - STRETCH_OVERLAP_REACH, 0))
    hi = bisect.bisect_left(named, (match.end(), 0))
    return any(e > start and not match.start() < s <= e <= match.end() for s, e in named[lo:hi])


def _inside(seconds, record):
    """True when ``record`` lies inside one of the second ends ``seconds`` (their sorted spans)."""
    at = bisect.bisect_left(seconds, (record.start, 0)) - 1
    return at >= 0 and seconds[at][0] < record.start <= record.end <= seconds[at][1]


def _first_end_start(norm, to, lo):
    """Where the first end before the 至 at ``to`` starts, or None when it is shorter than two or
    longer than STRETCH_END_MAX_CHARS Han characters."""
    pos = to
    while pos > lo and to - pos <= STRETCH_END_MAX_CHARS and _HAN.match(norm, pos - 1):
        if stop_ending_at(norm, pos, lo) and to - pos >= 2:
            break
        pos -= 1
    if pos > lo and _HAN.match(norm, pos - 1) and stop_ending_at(norm, pos, lo) is None:
        return None  # (ran out of reach inside a run of Han characters: no edge found)
    return pos if 2 <= to - pos <= STRETCH_END_MAX_CHARS else None
