"""A facility written once with another name or its grade in brackets beside its name alone: 青山县人民医院
(二级甲等医院), 白石路小学(青山市实验小学南校区) and 青山县人民医院 named elsewhere are one project each."""

from __future__ import annotations

import re

from geo.extract.patterns import OPENING_BRACKETS, RANGE_MARKS, ROAD_CATEGORIES
from geo.names import normalise_name

# What makes the bracket a part of the project rather than another name for it: a phase or a reach
# (城南水厂(一期), 青山大道(南段)) or a range (A至B段).
_PART_WORDS = ("期", "段", *RANGE_MARKS)
# An opening bracket in a name (a C call: most names with a section hold none).
_OPENED = re.compile("|".join(map(re.escape, OPENING_BRACKETS))).search


def _aliased(record):
    """True when ``record`` is a named facility whose section is a bracket naming no part of it."""
    section = record.section_text or ""
    return bool(section) and record.category not in ROAD_CATEGORIES and not any(word in section for word in _PART_WORDS) \
        and any(opener in record.name for opener in OPENING_BRACKETS)


def bracket_aliases(records):
    """id(record) -> the record it stands for: a named facility with another name or its grade in
    brackets when the text names it alone too (its ``base_name``, a named record of the same category).

    Only records with a section and a bracket in their name are asked whether they are aliased
    (1.4k of 10.9k named records in 1 MB have a section), and only the names normalised as some
    aliased record's base name are keyed (each distinct name normalised once, not each record)."""
    aliased = [r for r in records if r.named and r.section_text and _OPENED(r.name) and _aliased(r)]
    if not aliased:
        return {}  # (most texts: no name is followed by another in brackets)
    bases = {normalise_name(record.base_name or "") for record in aliased}
    names = {name for name in {r.name for r in records if r.named} if normalise_name(name) in bases}
    by_name = {}
    for record in records:
        if record.named and record.name in names:  # (the first named record of each key, as of all)
            by_name.setdefault((record.category, normalise_name(record.name)), record)
    found = {}
    for record in aliased:
        bare = by_name.get((record.category, normalise_name(record.base_name or "")))
        if bare is not None and bare is not record:
            found[id(record)] = bare
    return found
