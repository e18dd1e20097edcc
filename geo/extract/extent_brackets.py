"""A road titled with its extent in brackets and named bare once in passing: 白石路(青山路-红岭路)建设工程
written over and over beside one 白石路起点位于青山路东侧 is one road, the bracketed one.

A report that titles a road's works with its extent (白石路(青山路-红岭路)) and names it bare in passing
makes two records of one project; when the text writes the bracketed form more often than the bare
one (counted in the text, whether or not each mention made a record) the bare record stands for it.
The other way round (the brackets said no more often than the bare name) the bare record stands for
the bracketed one only where every bracketed mention titles the road's own paragraph: no list item (A、
白石路(…)、B lists sections the labels keep apart from the bare road) and followed by a clause mark, 是,
工程 or 项目 (白石路(青山路-红岭路)工程同步提速 ... 白石路建设). Taken whole, that direction lost unseen
rows (5 for 7 false names fewer, docs/extraction_accuracy.md).
"""

from __future__ import annotations

from geo.lexicon import EXTENT_TITLE_FOLLOWERS
from geo.extract.patterns import CLAUSE_MARKS, LIST_JOIN_CHARS, OPENING_BRACKETS, RANGE_MARKS, ROAD_CATEGORIES
from geo.names import normalise_name, simplified_with_offsets
from geo.settings import MAX_COUNTED_EXTENTS


def _extent_in_brackets(record):
    """True when ``record`` is a named road whose section is an extent in brackets ((A-B), (A至B段))."""
    section = record.section_text or ""
    return any(mark in section for mark in RANGE_MARKS) and any(opener in record.name for opener in OPENING_BRACKETS)


def _times_named(text, short, long_name):
    """(times ``text`` names the road bare, times it names it with these brackets): the bare count
    leaves out every bracketed form (白石路(…) is no bare 白石路)."""
    bracketed = sum(text.count(short + opener) for opener in OPENING_BRACKETS)
    return text.count(short) - bracketed, text.count(long_name)


def bracketed_extents(records, text):
    """id(record) -> the record it stands for: a road named bare (the ``base_name`` of one named with
    its extent in brackets) when ``text`` (the report as written, where the names are) writes the
    bracketed form more often than the bare one (see the module docstring)."""
    roads = [r for r in records if r.named and r.category in ROAD_CATEGORIES]
    if not any(_extent_in_brackets(r) for r in roads):
        return {}  # (most texts: no road is given its extent in brackets)
    by_name = {}
    for record in roads:
        by_name.setdefault(normalise_name(record.name), []).append(record)
    found, counted = {}, 0
    for long_name, long_records in by_name.items():
        first_long = long_records[0]
        if not _extent_in_brackets(first_long):
            continue
        short_name = normalise_name(first_long.base_name or "")
        short_records = by_name.get(short_name)
        if not short_records or short_name == long_name:
            continue
        counted += 1
        if counted > MAX_COUNTED_EXTENTS:
            break  # (a report giving dozens of extents: the rest left alone, each count reads the text)
        bare, bracketed = _times_named(text, short_records[0].name, first_long.name)
        if bracketed > bare:
            found.update((id(record), first_long) for record in short_records)
        elif _titles_alone(text, first_long.name):
            found.update((id(record), short_records[0]) for record in long_records)
    return found


def _titles_alone(text, long_name):
    """True when every mention of ``long_name`` (a road with its extent in brackets, as written) in
    ``text`` titles the road alone: no list item before it, a clause mark or a title follower (是, 工程,
    项目) after it (see the module docstring)."""
    pos, seen = text.find(long_name), 0
    while pos >= 0:
        end = pos + len(long_name)
        before = simplified_with_offsets(text[max(0, pos - 1):pos])[0]
        after = simplified_with_offsets(text[end:end + _TITLE_FOLLOWER_CHARS])[0]
        if (before and before in LIST_JOIN_CHARS + "/") or not (
                after[:1] in CLAUSE_MARKS or after.startswith(EXTENT_TITLE_FOLLOWERS)):
            return False
        pos, seen = text.find(long_name, end), seen + 1
    return seen > 0


_TITLE_FOLLOWER_CHARS = max(map(len, EXTENT_TITLE_FOLLOWERS))
