"""One road written with and without its extent in brackets: 改造白石路(青山路-红岭路) beside 白石路 named
again and again is one road, named the way the report names it most often.

A report that gives a road's extent once in brackets (白石路(青山路-红岭路), 青松线(即青山至白石)) and
names it bare elsewhere makes two records of one project; the labels keep one of them, the name the
text uses more (the bare one when the brackets are said once, the bracketed one when it is the
project's title and repeated: 白石路(青山路-红岭路)建设工程 twice, 白石路起点位于… once). When the two
forms are made as often as each other the text gives no answer and both stay.
"""

from __future__ import annotations

from geo.extract.patterns import RANGE_MARKS, ROAD_CATEGORIES
from geo.names import normalise_name

_OPENERS = ("(", "（")


def _extent_in_brackets(record):
    """True when ``record`` is a named road whose section is an extent in brackets ((A-B), (A至B段))."""
    section = record.section_text or ""
    return any(mark in section for mark in RANGE_MARKS) and any(opener in record.name for opener in _OPENERS)


def bracketed_extents(records):
    """id(record) -> the record it stands for: a road named with its extent in brackets and the same
    road named bare (its ``base_name``), the form of the two the records use less often standing for
    the other (see the module docstring). Ties are left alone."""
    roads = [r for r in records if r.named and r.category in ROAD_CATEGORIES]
    if not any(_extent_in_brackets(r) for r in roads):
        return {}  # (most texts: no road is given its extent in brackets)
    by_name, first = {}, {}
    for record in roads:
        name = normalise_name(record.name)
        by_name.setdefault(name, []).append(record)
        first.setdefault(name, record)
    found = {}
    for long_name, long_records in by_name.items():
        if not _extent_in_brackets(long_records[0]):
            continue
        short_name = normalise_name(long_records[0].base_name or "")
        short_records = by_name.get(short_name)
        if not short_records or short_name == long_name:
            continue
        if len(short_records) > len(long_records):
            found.update((id(record), first[short_name]) for record in long_records)
        elif len(long_records) > len(short_records):
            found.update((id(record), first[long_name]) for record in short_records)
    return found
