"""A campus or branch of a facility (白石小学东校区, 人民医院新院区, 实验中学分校): a site of its own, never its parent's."""

from __future__ import annotations

import re

from geo.names import to_simplified

# The facility, then which of its sites (Simplified script).
_CAMPUS = re.compile(r"(?P<parent>.{2,}?(?:小学|中学|学校|大学|学院|医院|幼儿园|卫生院))"
                     r"(?P<campus>.{0,4}?(?:校区|院区|分校|分院))$")


def campus_of(name):
    """(the facility, its campus) a name gives (白石小学东校区 -> 白石小学, 东校区), or None."""
    found = _CAMPUS.fullmatch(to_simplified(str(name or "")))
    if found is None:
        return None
    return str(name)[:found.end("parent")], str(name)[found.end("parent"):]


def campus_reason(name, gazetteer, accepts):
    """What an unlocated campus's reason adds when a source has its facility (the list's 白石小学 for the report's
    白石小学东校区): that source, and that the campus is another site, not placed at the facility; '' otherwise."""
    from geo.geocodes import source_label

    parts = campus_of(name)
    if parts is None:
        return ""
    parent, campus = parts
    match = gazetteer.lookup(parent, accepts=accepts)
    if match is None or match.strength not in ("exact", "folded"):
        return ""
    return (f"; {source_label(match.entry)} has {match.entry.name}, not its {campus}: a campus is a site of its own, "
            f"not placed at {match.entry.name}'s")
