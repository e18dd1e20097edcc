"""A facility written once with another name or its grade in brackets beside its name alone: 青山县人民医院
(二级甲等医院), 白石路小学(青山市实验小学南校区) and 青山县人民医院 named elsewhere are one project each."""

from __future__ import annotations

from geo.extract.patterns import OPENING_BRACKETS, RANGE_MARKS, ROAD_CATEGORIES
from geo.names import normalise_name

# What makes the bracket a part of the project rather than another name for it: a phase or a reach
# (城南水厂(一期), 青山大道(南段)) or a range (A至B段).
_PART_WORDS = ("期", "段", *RANGE_MARKS)


def _aliased(record):
    """True when ``record`` is a named facility whose section is a bracket naming no part of it."""
    section = record.section_text or ""
    return bool(section) and record.category not in ROAD_CATEGORIES and not any(word in section for word in _PART_WORDS) \
        and any(opener in record.name for opener in OPENING_BRACKETS)


def bracket_aliases(records):
    """id(record) -> the record it stands for: a named facility with another name or its grade in
    brackets when the text names it alone too (its ``base_name``, a named record of the same category)."""
    aliased = [r for r in records if r.named and _aliased(r)]
    if not aliased:
        return {}  # (most texts: no name is followed by another in brackets)
    by_name = {}
    for record in records:
        if record.named:
            by_name.setdefault((record.category, normalise_name(record.name)), record)
    found = {}
    for record in aliased:
        bare = by_name.get((record.category, normalise_name(record.base_name or "")))
        if bare is not None and bare is not record:
            found[id(record)] = bare
    return found
