"""Sections of a road that a project names (东段, X至Y段, 东延...): cut from the road's line, with how sure the cut is.

A section is looked up in its matching form (:func:`geo.names.normalise_name`), so the
Traditional 東段 is 东段. What a cut cannot know widens the project's ``accuracy_m``:
:class:`Cut` carries that uncertainty of the extent in metres, half the length of the
line that is given when its ends are a guess.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from geo import compass, settings
from geo.gazetteer import AREA_TYPES
from geo.names import normalise_name

CARDINAL_SECTION = {"东段": "east", "西段": "west", "南段": "south", "北段": "north", "中段": "middle"}
RANGE_SECTION = re.compile(r"^(?P<start>.+?)(?:至|到|—|–|-|~)(?P<end>.+?)段$")
# Another name of the road in brackets (新城大路(南部快速路), 郭洲路(旧广虎路)): the whole road.
ALIAS_SECTION = re.compile(r"^\((?:旧|原|即|又称)?(?P<alias>[^()]+?(?:路|街|大道|快速路|公路|高速|线|\d))\)$")
# An extension beyond the road's end (东延, 西延伸段, 延长线, 北延段): not on the existing road.
_EXTENSION = re.compile(r"^(?P<side>[东西南北])?(?:延伸|延长|延)(?:段|线|部分|工程)?$")
_AXES = {"east": (0, 1), "west": (0, -1), "north": (1, 1), "south": (1, -1)}


class Cut(NamedTuple):
    """A road cut to a section: the geometry (WGS-84), a note for ``method``, whether the cut
    is exact, and the extra uncertainty of the extent in metres (0 for an exact cut)."""

    geometry: object
    note: str
    exact: bool
    spread_m: float


def alias_of(section):
    """The road's other name a bracketed section gives (``(北部快速路)`` -> 北部快速路), or None."""
    alias = ALIAS_SECTION.match(unicodedata.normalize("NFKC", section or ""))
    return alias.group("alias") if alias else None


class NamedArea(NamedTuple):
    """A place a section may be named after: the district or one of its 街道 (WGS-84 polygon),
    and whether its boundary is official (else a labelled approximation)."""

    name: str
    polygon: object
    official: bool


def area_of_section(section, areas):
    """The area of ``areas`` (:class:`NamedArea`) a section is named after, or None.

    A section named after a place (天桥段, 天桥区段, 北园街道段, ``(北园段)``, 東段 aside) is the
    road's part within it: in a district's own report, 小清河天桥段 is the river where it
    crosses the district. The place's name is matched whole or without its suffix
    (:func:`geo.places.stem`: 天桥区 and 天桥, 北园街道 and 北园; 北园镇, the town it was, too),
    and without the city or province an area's name may open with (济南市天桥区: 天桥区, 天桥).
    Areas of one name (two 街道 of different codes) are one area.
    """
    import shapely

    from geo.places import stem

    text = normalise_name(unicodedata.normalize("NFKC", section or "")).strip("()")
    if not text.endswith("段") or len(text) < 3:
        return None
    named = {text[:-1], normalise_name(stem(text[:-1]))}
    found = next((area for area in areas if named & _place_names(area.name)), None)
    if found is None:
        return None
    # Two 街道 of one name (of different codes): the section is the part within either.
    alike = [area for area in areas if area.name == found.name]
    if len(alike) == 1:
        return found
    return NamedArea(found.name, shapely.union_all([area.polygon for area in alike]),
                     all(area.official for area in alike))


# The city, prefecture or province a district's name may open with (济南市天桥区, 山东省济南市天桥区).
_HIGHER_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,}?(?:自治区|省|市|自治州|州|地区|盟)")


def _place_names(name):
    """An area's name as a section may give it: whole, without its suffix, without the higher
    places it opens with (济南市天桥区: 济南市天桥区, 济南市天桥, 天桥区, 天桥), where what is
    left is a place's name and suffix (制锦市街道 is no 街道 of a 制锦市)."""
    from geo.places import stem

    names, rest = set(), normalise_name(name)
    while True:
        names |= {rest, normalise_name(stem(rest))}
        higher = _HIGHER_PLACE.match(rest)
        if higher is None or stem(rest[higher.end():]) == rest[higher.end():]:  # 制锦市街道: 街道 is no place
            return names
        rest = rest[higher.end():]


# A road's name and its section as a place given relative to it writes them: 白石路（青山路至北园大街段）, 白石路东段
# (what the extractor splits for a project's own name).
_NAMED_SECTION = re.compile(r"(?P<base>.{2,}?)(?:[（(](?P<bracketed>[^（）()]{2,}?)[）)]|(?P<cardinal>[东西南北中]段))")
# A range written straight after the road, as the report's own projects are (白石路北园大街至青山路段): the road ends
# at its first road ending that leaves a range of two names after it.
_RANGE_AFTER_ROAD = re.compile(r"(?P<base>.{2,}?(?:路|街|道|巷|线))(?P<range>(?![与和及、])[^（）()至到]{2,}?[至到][^（）()至到]{2,}?段)")


def split_section(name):
    """(road, section) of a name giving a road's section (白石路（青山路至北园大街段） -> 白石路, 青山路至北园大街段;
    白石路东段 -> 白石路, 东段; 白石路北园大街至青山路段 -> 白石路, 北园大街至青山路段), a range (X至Y段) or a half
    (东段) only; None otherwise."""
    text = unicodedata.normalize("NFKC", str(name or ""))
    found = _NAMED_SECTION.fullmatch(text)
    if found is None:
        unbracketed = _RANGE_AFTER_ROAD.fullmatch(text)
        return None if unbracketed is None else (name[:len(unbracketed.group("base"))], unbracketed.group("range"))
    section = found.group("bracketed") or found.group("cardinal")
    if not (RANGE_SECTION.match(section) or normalise_name(section) in CARDINAL_SECTION):
        return None
    return name[:len(found.group("base"))], section


def extension_side(section):
    """For an extension section (东延, 西延伸段, 延长线): the side it extends to ("east"...,
    "" when unsaid); None for any other section."""
    found = _EXTENSION.match(normalise_name(section or ""))
    if found is None:
        return None
    return compass.WORDS.get(found.group("side") or "", "")


def cut_section(geom, section, gazetteer, crs=None, district=None):
    """Cut a road line to the named section.

    Parameters
    ----------
    geom : shapely geometry
        The road, WGS-84.
    section : str
        As the report writes it (``东段``, ``東段``, ``标山路至济洛路段``, ``(北部快速路)``).
    gazetteer : geo.gazetteer.Gazetteer
        Where cross streets are looked up.
    crs : str, optional
        The metric CRS (default: chosen from ``geom``).
    district : str, optional
        The district's name: a place ending a section may be written with it before its name, or without it
        where a source writes it so (:func:`geo.district_names.own_place`).

    Returns
    -------
    Cut
        ``X至Y段`` (also ``X—Y段``, ``X到Y段``) is cut between the places where the cross
        streets X and Y meet the road: where they cross it, or at its point nearest them
        if they come within :data:`geo.settings.SECTION_CROSS_STREET_M` (exact); of a cross
        street with namesakes far apart, the one that meets the road, else the whole road
        (the note says why). A road of
        several parts (ways with gaps) is first put in order along its length
        (:func:`geo.lines.route`). ``东段`` and the like take half, ``中段`` the middle
        third (a guess: spread half the piece's length), unless the road runs across the
        asked direction (:data:`geo.settings.SECTION_AXIS_MIN_SHARE`). Otherwise the whole
        road, spread half its length; an area (a park's 二期) whole, spread half the side of a
        square as large.
    """
    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry
    from geo.lines import route

    alias = alias_of(section)
    if alias and not RANGE_SECTION.match(section):
        return Cut(geom, f"{alias} is another name of the road, whole road used", True, 0.0)
    crs = crs or metric_crs_for(geom)
    if geom.geom_type in AREA_TYPES:
        # 翠湖公园二期: the phase lies somewhere in the park, which is given whole
        spread = metric_geometry(geom, crs).area ** 0.5 / 2
        return Cut(geom, f"section {section} not cut (an area): the whole area, spread half its size", False, spread)
    if geom.geom_type not in ("LineString", "MultiLineString"):
        return Cut(geom, f"section {section} not cut (not a line)", False, 0.0)
    road = route(metric_geometry(geom, crs))
    whole = road.length / 2  # the section may lie anywhere along the road
    m = RANGE_SECTION.match(section)
    if m:
        piece, note, spread_m = _between_cross_streets(road, m.group("start"), m.group("end"), gazetteer, crs, district)
        if piece is None:
            return Cut(geom, f"section {section}: {note}, whole road used", False, whole)
        return Cut(wgs84_geometry(piece, crs), note, spread_m == 0, spread_m)
    direction = CARDINAL_SECTION.get(normalise_name(section))
    if direction is None:
        return Cut(geom, f"section {section}: extent unknown, whole road used", False, whole)
    if direction == "middle":
        piece = road.between(road.length / 3, 2 * road.length / 3)
        return Cut(wgs84_geometry(piece, crs), f"{section} taken as the middle third of the line", False,
                   piece.length / 2)
    axis, sign = _AXES[direction]
    low, high = road.geometry.bounds[axis], road.geometry.bounds[axis + 2]
    if high - low < settings.SECTION_AXIS_MIN_SHARE * road.length:
        along, across = ("north-south", "east-west") if axis == 1 else ("east-west", "north-south")
        return Cut(geom, f"{section}: the road runs {across} ({high - low:,.0f} m {along} over {road.length:,.0f} m "
                         f"of road), so a {direction} part does not apply; whole road used", False, whole)
    first, second = road.between(0, road.length / 2), road.between(road.length / 2, road.length)
    piece = max((first, second), key=lambda p: sign * p.centroid.coords[0][axis])
    return Cut(wgs84_geometry(piece, crs), f"{section} taken as the {direction} half of the line, cut at its "
                                           "midpoint", False, piece.length / 2)


def _between_cross_streets(road, start_name, end_name, gazetteer, crs, district=None):
    """(the road between the cross streets, note, spread in metres: a landmark's, else 0), or (None, why not, 0)
    when they do not bound it."""
    cuts, notes, spread = [], [], 0.0
    for cross_name in (start_name, end_name):
        meeting, note = _where_cross_street_meets(road, cross_name, gazetteer, crs, district)
        if meeting is None:
            return None, note, 0.0
        cuts.append(meeting[0])
        spread = max(spread, meeting[2] if len(meeting) > 2 else 0.0)
        if note:
            notes.append(note)
    start, end = sorted(cuts)
    if end - start <= 0:
        return None, "both cross streets meet the road at one place", 0.0
    return road.between(start, end), "; ".join([f"cut between {'' if spread else 'cross streets '}{start_name} and {end_name}"] + notes), spread


def _landmark_meets(road, name, gazetteer, crs, district=None):
    """((position along the road, gap, spread), note) of a place (not a road) that ends a section (白石路（青山公园至
    火车站段）): of its exact or folded matches (also with the district's name written before it or left off, as a
    source writes it: :func:`geo.district_names.own_place`), the one within :data:`geo.settings.SECTION_LANDMARK_M` of
    the road, cut at the road's point nearest it, spread that gap plus its accuracy; (None, why) when none or several
    lie so near; None when no source has a place of the name."""
    from geo.crs import metric_geometry
    from geo.district_names import own_place
    from geo.hand_placed import is_hand_placed

    def accepts(entry):
        return entry.geometry is not None and not is_hand_placed(entry) and \
            entry.geometry.geom_type not in ("LineString", "MultiLineString")

    match = gazetteer.lookup(name, accepts=accepts)
    if match is None or match.strength not in ("exact", "folded"):
        match = own_place(name, district, gazetteer, accepts)
    if match is None:
        return None
    located = [(e, *road.locate(metric_geometry(e.geometry, crs).representative_point()))
               for e in (match.entry, *match.rivals)]
    near = [(e, position, gap) for e, position, gap in located if gap <= settings.SECTION_LANDMARK_M]
    if not near:
        return None, (f"{name} is a place, not a road, {min(gap for _, _, gap in located):,.0f} m from the road (over "
                      f"{settings.SECTION_LANDMARK_M:g} m): a section is cut where the roads it names cross the road")
    if len(near) > 1:
        return None, f"{len(near)} places named {name} lie within {settings.SECTION_LANDMARK_M:g} m of the road"
    entry, position, gap = near[0]
    spread = gap + float(entry.accuracy_m)
    said = f"; {match.note}" if match.note else ""
    return (position, gap, spread), (f"{name} is a place, not a road ({entry.method}{said}): cut at the road's point "
                                     f"nearest it, {gap:,.0f} m away, spread {spread:,.0f} m")


def _no_cross_street(name, gazetteer):
    """Why ``name`` (赋春, 标山路) cuts no section: no road of that name, and what it is when a source has it as
    a place (a rural road's section runs between towns and villages: 赋春至镇头段)."""
    place = next(filter(None, (gazetteer.lookup(name + suffix) for suffix in ("", "镇", "乡", "村", "街道"))), None)
    what = (f"{name} is no road of any source ({place.entry.name} is a place)" if place is not None and
            place.strength in ("exact", "folded") else
            gazetteer.left_out_reason(name) or f"no road named {name} in any source")  # the planner's row left out
    return f"{what}: a section is cut where the roads it names cross the road"


def _where_cross_street_meets(road, cross_name, gazetteer, crs, district=None):
    """Where a cross street meets the road.

    Parameters
    ----------
    road : geo.lines.Route
        The road, in metres.
    cross_name : str
    gazetteer : geo.gazetteer.Gazetteer
    crs : str
    district : str, optional
        The district's name (:func:`_landmark_meets`).

    Returns
    -------
    ((float, float) or None, str)
        (position along the road, gap in m) and a note for ``method`` ("" when it simply
        crosses); or None and why not: unknown, not meeting the road, or namesakes far
        apart (:meth:`geo.gazetteer.Gazetteer.find_lines`) of which none or several meet it.
        Of namesakes, the one that meets the road is taken when only one does.
    """
    from geo.crs import metric_geometry

    places, apart = gazetteer.find_lines(cross_name)
    if not places:
        return _landmark_meets(road, cross_name, gazetteer, crs, district) or (None, _no_cross_street(cross_name, gazetteer))
    located = [road.locate(metric_geometry(place.geometry, crs)) for place in places]
    meeting = [(position, gap) for position, gap in located if gap <= settings.SECTION_CROSS_STREET_M]
    namesakes = f"{len(places)} places named {cross_name} up to {apart / 1000:.1f} km apart"
    if not meeting:
        nearest = min(gap for _, gap in located)
        what = f"none of the {namesakes} meets" if len(places) > 1 else f"cross street {cross_name} does not meet"
        return None, f"{what} the road (nearest {nearest:,.0f} m away, over {settings.SECTION_CROSS_STREET_M:g} m)"
    if len(meeting) > 1:
        return None, (f"cross street {cross_name}: {len(meeting)} of the {namesakes} meet the road, "
                      "the report does not say which")
    position, gap = meeting[0]
    notes = [f"{cross_name}: of {namesakes}, the one that meets the road"] if len(places) > 1 else []
    if gap > 0:
        notes.append(f"{cross_name} ends {gap:,.0f} m short of the road, cut at the road's nearest point")
    return (position, gap), "; ".join(notes)
