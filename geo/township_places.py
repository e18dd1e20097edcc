"""Places a report names after their 乡镇 or 街道 (沱川乡理坑村, 南岭镇岚南卫生院): a source's place of the rest of the
name, lying in that 乡镇."""

from __future__ import annotations

import re

from geo.gazetteer import Match

# A place named after its 乡镇 or 街道 first (沱川乡理坑村, 秋口镇王村, 蚺城街道东门社区, 南岭镇岚南卫生院).
_TOWNSHIP_PLACE = re.compile(r"(?P<township>.{2,}?(?:镇|乡|街道))(?P<place>.{2,})")


def place_of_township(name, gazetteer, fits, zones, district=None):
    """The exact or folded Match of the place a name gives after its township, else None.

    Parameters
    ----------
    name : str
        沱川乡理坑村 (理坑村), 南岭镇岚南卫生院 (岚南卫生院); the district's own name may come first
        (青山县南岭镇岚南卫生院).
    gazetteer : geo.gazetteer.Gazetteer
    fits : list of callable
        The project's ``accepts``, in order of preference.
    zones : tuple
        (name, WGS-84 polygon) of the district's 街道/乡镇.
    district : str, optional
        The district's name.

    Returns
    -------
    Match or None
        The place lying in that township's polygon (of a file naming it 沱川乡 or 沱川); a village or community
        (村, 社区) is taken without one, its note saying it was not checked, any other place only where the
        polygon says it lies there.
    """
    parts = _parts(name, district)
    if parts is None:
        return None
    township, place, left_off, polygon = parts[0], parts[1], parts[2], _polygon(parts[0], zones)
    if polygon is None and not _is_village(place):
        return None
    for accepts in fits:
        match = gazetteer.lookup(place, accepts=accepts)
        if match is None or match.strength not in ("exact", "folded"):
            continue
        held = [e for e in (match.entry, *match.rivals) if polygon is None or polygon.intersects(e.geometry)]
        if held:
            left = f", {left_off} left off" if left_off else ""
            note = (f"the report's {name} is {held[0].name} of {township}{left}" if polygon is not None else
                    f"the report's {name} taken for {held[0].name} (no polygon of {township} to check it lies there){left}")
            return Match(held[0], match.strength, held[0].name, tuple(held[1:]), match.former_name, note)
    return None


def township_reason(name, gazetteer, accepts, zones, district=None):
    """What an unlocated place's reason adds when a source has the place its name gives after its township but
    :func:`place_of_township` did not take it: it lies outside that township, or no polygon of it says where
    that is; '' otherwise."""
    from geo.geocodes import source_label

    parts = _parts(name, district)
    if parts is None:
        return ""
    township, place, _, polygon = parts[0], parts[1], parts[2], _polygon(parts[0], zones)
    match = gazetteer.lookup(place, accepts=accepts)
    if match is None or match.strength not in ("exact", "folded"):
        return ""
    has = f"; {source_label(match.entry)} has {match.entry.name}"
    if polygon is None:
        return f"{has}, but no polygon of {township} says it lies there (--districts holding {township} would check it)"
    return f"{has}, which lies outside {township}: not taken for it"


def _parts(name, district):
    """(township, the place after it, the district's name left off its front or '') of a name, else None."""
    from geo.district_names import district_prefixes
    from geo.names import to_simplified

    simplified = to_simplified(name)
    prefix = next((p for p in sorted(district_prefixes(district), key=len, reverse=True) if simplified.startswith(p)), "")
    found = _TOWNSHIP_PLACE.fullmatch(name[len(prefix):])
    return None if found is None else (found.group("township"), found.group("place"), prefix)


def _polygon(township, zones):
    """The polygon of ``zones`` ((name, polygon) pairs) naming ``township`` with or without its 乡/镇/街道."""
    from geo.places import stem

    return next((geom for zone, geom in zones if stem(zone) == stem(township) and geom is not None), None)


def _is_village(place):
    from geo.names import to_simplified

    return to_simplified(place).endswith(("村", "社区"))
