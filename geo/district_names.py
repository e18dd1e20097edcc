"""A report's names of the district's own places as a planner's list writes them: the district and its city written out (区妇幼保健院, 成都市武侯区妇幼保健院) and the city's other districts (开福区 beside 岳麓区)."""

from __future__ import annotations

import dataclasses
import functools
import re
import weakref

from geo.places import COUNTY_LEVEL_ENDS


def full_district_name(name, code=None):
    """The district's name with its province and city (江苏省南京市鼓楼区) when ``code`` is the bundled county
    of that name: 鼓楼区 alone names four (南京, 徐州, 福州, 开封), and so gives no city to write out; else ``name``."""
    from geo import data

    row = data.counties().get(str(code or ""))
    if not name or row is None or not str(name).endswith(row["name"]):
        return name
    return row["province"] + row["city"] + row["name"]


@functools.lru_cache(maxsize=8)
def district_prefixes(district):
    """How a gazetteer may write the district before a place's name: its own name first (武侯区), then with
    its city and province (成都市武侯区, 成都武侯区, 四川省成都市武侯区, as ``district`` itself); () for none."""
    from geo import data
    from geo.places import counties_named, stem

    short = re.search(rf"[^省市]+?[{COUNTY_LEVEL_ENDS}]$", district or "")
    if short is None:
        return ()
    short = short.group()
    prefixes = [short, district]
    codes = counties_named(district)
    if len(codes) == 1:
        row = data.counties()[codes[0]]
        prefixes += [row["city"] + short, stem(row["city"]) + short, row["province"] + row["city"] + short]
    return tuple(dict.fromkeys(prefix for prefix in prefixes if prefix))


@functools.lru_cache(maxsize=8)
def other_districts(district):
    """The names of the other county-level divisions of the district's city (开福区, 长沙县 beside 岳麓区):
    in a list's name (长沙市开福区实验小学) they say it is not this district's (实验小学); () when the
    district's name denotes no one county."""
    from geo import data
    from geo.places import counties_named

    codes = counties_named(district or "")
    if len(codes) != 1:
        return ()
    counties = data.counties()
    ours = counties[codes[0]]
    return tuple(row["name"] for code, row in counties.items() if code != codes[0] and row["name"]
                 and (row["province"], row["city"]) == (ours["province"], ours["city"]))


def with_district(name, district, gazetteer, accepts, category):
    """The exact or folded Match of ``name`` with the district's name written out, as a planner's own
    gazetteer names the district's places: the report's 区妇幼保健院 (区 is the district) is 武侯区妇幼保健院,
    strength ``exact``, and its 武侯区妇幼保健院 is 成都市武侯区妇幼保健院 (the city written out), ``exact`` too; its 第一人民医院 may be 武侯区第一人民医院, strength ``district`` (it may mean another
    of the name: approximate, claiming at least ``LOOSE_MATCH_ACCURACY_M["district"]``). ``district`` is
    its name, with its city or not (成都市武侯区); None when it has none or no such entry is found."""
    from geo.names import to_simplified

    prefixes = district_prefixes(district)
    if not prefixes or len(name) < 3:
        return None
    short = prefixes[0]
    prefixes += listed_city_prefixes(district, gazetteer)
    simplified = to_simplified(name)  # 區婦幼保健院 in a report in Traditional script
    if simplified[0] == short[-1]:  # 区妇幼保健院 in 武侯区's report
        forms, strength = [(prefix + name[1:], short) for prefix in prefixes], "exact"
    elif simplified.startswith(short):  # 武侯区妇幼保健院, a list's 成都市武侯区妇幼保健院: its city written out
        forms, strength = [(prefix[:-len(short)] + name, prefix[:-len(short)]) for prefix in prefixes[1:]
                           if prefix.endswith(short)], "exact"
    elif not simplified.startswith(short[:-1]):
        forms, strength = [(prefix + name, short) for prefix in prefixes], "district"
    else:
        return None
    for form, written in forms:
        match = gazetteer.lookup(form, accepts=accepts, category=category)
        if match is not None and match.strength in ("exact", "folded"):
            note = (f"the report's {name} is {match.entry.name}, {written} written out" if strength == "exact" else
                    f"the report's {name} taken for {match.entry.name}, {short}'s own: it names no district")
            elsewhere = match.elsewhere or gazetteer.elsewhere_of(match.entry, name, accepts=accepts)  # OSM's 城东小学
            return dataclasses.replace(match, strength=strength if strength != "exact" else match.strength, note=note,
                                       elsewhere=elsewhere)
    return None


# A city, prefecture or league written before a county's name in a list (岚州市青山县城东小学, 湖南省岚州市青山县…):
# the province, when written, before it.
_CITY_BEFORE = r"(?:[^省市县区]{2,7}?(?:省|自治区))?(?P<city>[^省市县区]{1,7}?(?:市|自治州|州|盟|地区))"
_LISTED = weakref.WeakKeyDictionary()  # gazetteer -> {district: its prefixes}, each scanned once


def listed_city_prefixes(district, gazetteer):
    """The district's name with the city the gazetteer's names write before it (岚州市青山县 of a list's
    岚州市青山县城东小学), when the bundled counties do not tell its city (a county of no code, or of a
    name several cities have) and the gazetteer's names write one city only before it (with its province
    or not); () otherwise: the district's name after two cities' names is no one county's.

    Parameters
    ----------
    district : str or None
        The district's name (:func:`district_prefixes`).
    gazetteer : geo.gazetteer.Gazetteer
        Its tiers' entries' names are scanned once for each district.

    Returns
    -------
    tuple of str
    """
    from geo.places import counties_named

    prefixes = district_prefixes(district)
    if not prefixes or len(counties_named(district)) == 1:
        return ()
    by_district = _LISTED.setdefault(gazetteer, {})
    if district not in by_district:
        short = prefixes[0]
        written = re.compile(_CITY_BEFORE + re.escape(short))
        found = {}
        for _, entries in gazetteer.tiers:
            for entry in entries:
                if short in entry.name and (match := written.match(entry.name)):
                    found.setdefault(match.group("city"), set()).add(match.group())
        by_district[district] = tuple(sorted(next(iter(found.values())), key=len)) if len(found) == 1 else ()
    return by_district[district]


def own_place(name, district, gazetteer, accepts):
    """The exact or folded Match of ``name`` as the district's own place written otherwise than a source writes it:
    the district's name (and its city) left off its front (:func:`without_district`: the report's 青山县白石路, OSM's
    白石路), else written out before it (:func:`with_district`: the report's 实验小学, a list's 青山县实验小学); None."""
    return (without_district(name, district, lambda rest: gazetteer.lookup(rest, accepts=accepts), gazetteer)
            or with_district(name, district, gazetteer, accepts, None))


def city_place_reason(name, district, gazetteer, accepts):
    """Why a name with the district's city alone before it (岚州市中医医院 in 青山县's report) is not the place of the
    rest (中医医院) a source has: a city's hospital, school or park is the city's own, not the district's (text for an
    unlocated reason); "" when the name is not so written or no source has the rest.

    Parameters
    ----------
    name : str
    district : str or None
        The district's name; its city as the bundled counties or the gazetteer's names tell it
        (:func:`district_prefixes`, :func:`listed_city_prefixes`).
    gazetteer : geo.gazetteer.Gazetteer
    accepts : callable
        Which entries fit the project.
    """
    from geo.geocodes import source_label
    from geo.names import to_simplified

    prefixes = district_prefixes(district)
    if not prefixes:
        return ""
    short, simplified = prefixes[0], to_simplified(name)
    cities = {prefix[:-len(short)] for prefix in prefixes[1:] + listed_city_prefixes(district, gazetteer)
              if prefix.endswith(short) and prefix != short}
    for city in sorted(cities, key=len, reverse=True):
        rest = name[len(city):]
        if not simplified.startswith(city) or len(rest) < 2 or to_simplified(rest)[0] in COUNTY_LEVEL_ENDS \
                or to_simplified(rest).startswith(short):
            continue
        match = gazetteer.lookup(rest, accepts=accepts)
        if match is not None and match.strength in ("exact", "folded"):
            return (f"; {source_label(match.entry)} has {match.entry.name}, but {city} written before it names the "
                    f"city's own, not {short}'s")
        return ""
    return ""


def without_district(name, district, lookup, gazetteer=None):
    """The exact or folded Match of ``name`` with the district's own name left off its front, as a source
    names the district's places: the report's 青山县白石路 is OSM's 白石路 (also 白石市青山县白石路, its
    city written too, the city known from the district's code or, given ``gazetteer``, from the one city its
    names write before the district's: :func:`listed_city_prefixes`).

    Parameters
    ----------
    name : str
        The project's name, in either script (青山縣白石路).
    district : str or None
        The district's name, with its city or not (:func:`district_prefixes`, tried longest first).
    lookup : callable
        ``lookup(name) -> Match or None`` (:meth:`geo.gazetteer.Gazetteer.lookup` with the project's
        ``accepts`` and category).

    Returns
    -------
    Match or None
        The rest's Match, keeping its strength and rivals (namesakes: the rest may name several places of
        the district), its note saying what was left off; with the city written before the district
        (白石市青山县人民医院), else the name with the city alone left off (a list's 青山县人民医院); None when
        ``name`` does not begin with the district's name, the rest opens with 区, 县, 市 or 旗 (青山县县城) or no
        source has it.
    """
    from geo.names import to_simplified

    simplified = to_simplified(name)  # 青山縣白石路 in a report in Traditional script
    listed = listed_city_prefixes(district, gazetteer) if gazetteer is not None else ()
    prefixes = district_prefixes(district) + listed
    for prefix in sorted(prefixes, key=len, reverse=True):
        rest = name[len(prefix):]
        if not simplified.startswith(prefix) or len(rest) < 2 or to_simplified(rest)[0] in COUNTY_LEVEL_ENDS:
            continue
        match = lookup(rest)
        if match is not None and match.strength in ("exact", "folded"):
            return dataclasses.replace(match, note=f"the report's {name} is {match.entry.name} of {prefix}, {prefix} left off")
        short = prefixes[0]
        city = prefix[:-len(short)] if prefix.endswith(short) and prefix != short else ""
        match = lookup(name[len(city):]) if city else None
        if match is not None and match.strength in ("exact", "folded"):
            return dataclasses.replace(match, note=f"the report's {name} is {match.entry.name}, {city} left off")
        return None
    return None
