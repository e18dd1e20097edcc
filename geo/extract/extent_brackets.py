"""One road written with and without its extent in brackets: 改造白石路(青山路-红岭路) beside 白石路 named
again and again is one road, named the way the report names it most often.

A report that gives a road's extent once in brackets (白石路(青山路-红岭路), 青松线(即青山至白石)) and
names it bare elsewhere makes two records of one project; the labels keep one of them, the name the
text writes more often (the bare one when the brackets are said once, the bracketed one when it is the
project's title and repeated: 白石路(青山路-红岭路)建设工程 twice, 白石路起点位于… once), whether or not
each mention made a record. When the text writes the two forms as often as each other it gives no
answer and both stay.
"""

from __future__ import annotations

from geo.extract.patterns import RANGE_MARKS, ROAD_CATEGORIES
from geo.names import normalise_name

_OPENERS = ("(", "（")


def _extent_in_brackets(record):
    """True when ``record`` is a named road whose section is an extent in brackets ((A-B), (A至B段))."""
    section = record.section_text or ""
    return any(mark in section for mark in RANGE_MARKS) and any(opener in record.name for opener in _OPENERS)


def _times_named(text, short, long_name):
    """(times ``text`` names the road bare, times it names it with these brackets): the bare count
    leaves out every bracketed form (白石路(…) is no bare 白石路)."""
    bracketed = sum(text.count(short + opener) for opener in _OPENERS)
    return text.count(short) - bracketed, text.count(long_name)


def bracketed_extents(records, text):
    """id(record) -> the record it stands for: a road named with its extent in brackets and the same
    road named bare (its ``base_name``), the form ``text`` (the report as written, where the names
    are) writes less often standing for the other (see the module docstring). Ties are left alone."""
    roads = [r for r in records if r.named and r.category in ROAD_CATEGORIES]
    if not any(_extent_in_brackets(r) for r in roads):
        return {}  # (most texts: no road is given its extent in brackets)
    by_name = {}
    for record in roads:
        by_name.setdefault(normalise_name(record.name), []).append(record)
    found = {}
    for long_name, long_records in by_name.items():
        first_long = long_records[0]
        if not _extent_in_brackets(first_long):
            continue
        short_name = normalise_name(first_long.base_name or "")
        short_records = by_name.get(short_name)
        if not short_records or short_name == long_name:
            continue
        bare, bracketed = _times_named(text, short_records[0].name, first_long.name)
        if bare > bracketed:
            found.update((id(record), short_records[0]) for record in long_records)
        elif bracketed > bare:
            found.update((id(record), first_long) for record in short_records)
    return found
