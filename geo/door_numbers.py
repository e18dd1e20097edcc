"""Door-number addresses (白石路12号, 新华路8号院): a spot somewhere along a road the sources know, not said where."""

from __future__ import annotations

import re
from typing import NamedTuple

from geo import settings
from geo.gazetteer import LINE_TYPES
from geo.geocodes import APPROXIMATE, accuracy_metres
from geo.names import ROAD_NAME_ENDINGS, to_simplified

# A road, its door number and what stands there: 白石路12号, 新华路8号院, 文昌大道108-2号地块 (Simplified script).
_DOOR = re.compile(rf"(?P<road>.{{2,}}?(?:{'|'.join(ROAD_NAME_ENDINGS)}))(?P<section>[东西南北中]段)?"
                   r"(?P<number>\d{1,5}(?:-\d{1,4})?|[零〇一二三四五六七八九十百千]{1,6})号(?:大?院|小区|地块|宗地|楼)?")


class Door(NamedTuple):
    """A door-number address: the road as written and its number."""

    road: str
    number: str
    section: str = ""  # 东段 of 北园大街东段12号: the part of the road the number is on

    @property
    def address(self):
        """The address without what stands there: 白石路12号 of 白石路12号院."""
        return f"{self.road}{self.number}号"


def door_on_road(name):
    """The :class:`Door` a project's name is (白石路12号 -> 白石路, 12; 白石路12號院 in Traditional script
    too, the road kept as written; 北园大街东段12号 -> 北园大街, 12, 东段), or None: a number's 号 before 线
    (地铁1号线) or a name going on after it (白石路12号线, 12号楼改造) is no address of one spot."""
    found = _DOOR.fullmatch(to_simplified(str(name or "")))
    if found is None or found.group("road")[-1] == "线":
        return None
    return Door(str(name)[:found.end("road")], found.group("number"), found.group("section") or "")


def at_address(name, lookup):
    """The exact or folded Match of a source's row whose address (:func:`geo.addresses.address_aliases`) is the door
    number a project's name gives (the report's 白石路12号院, a list's 白石小区 at 白石路12号), its note saying so;
    None for a name of no door number or no such row."""
    import dataclasses

    door = door_on_road(name)
    match = lookup(door.address) if door is not None and door.address != name else None
    if match is None or match.strength not in ("exact", "folded"):
        return None
    return dataclasses.replace(match, note=f"the report's {name} is {match.entry.name}, at {door.address}")


def place_by_door_number(name, gazetteer, place, choose):
    """(WGS-84 point, geocode) of a door-number address on a road one source places in the district, or None.

    The sources give no door numbers: the spot is somewhere along the road. It is put at the middle of the
    road (its part within the district's margin), ``approximate``, claiming the farthest the road gets from
    there plus the road's own accuracy.

    Parameters
    ----------
    name : str
        The project's name (白石路12号).
    gazetteer : geo.gazetteer.Gazetteer
    place : geo.geocode._Place
        Where matches must lie, and the metric CRS.
    choose : callable
        ``choose(match, place) -> (entry, None) or (None, unlocated geocode)``: the road's place in the
        district, or why none (namesakes far apart, only outside): :func:`geo.geocode._choose`.

    Returns
    -------
    (shapely geometry or None, dict) or None
        None when the name is no door-number address or no source has the road by its name (exact or folded, or
        with the district written before it: :func:`geo.junctions.road_match`).
    """
    door = door_on_road(name)
    if door is None:
        return None
    match, door = _road_of(door, gazetteer, place)
    if match is None:
        return None
    entry, problem = choose(match, place)
    if problem is not None:
        problem["reason"] = f"{name}: door number {door.number} on {door.road}; {problem['reason']}"
        return None, problem
    from geo.crs import metric_crs_for, wgs84_geometry
    from geo.door_spans import between_known

    crs = place.crs or metric_crs_for(entry.geometry)
    line = _road_line(entry.geometry, place, crs)
    # a road taken for the list's 青山县白石路 (the district written before it) may be another: its loose accuracy
    road_m = max(float(entry.accuracy_m), settings.LOOSE_MATCH_ACCURACY_M.get(match.strength, 0.0))
    span = between_known(door, line, gazetteer, crs, road_m)
    if span is not None:  # 白石路20号 between the sources' 白石路10号 and 白石路30号
        spot, accuracy, where = span.spot, span.spread_m, span.said
    else:
        part, said = line, "the road's middle"
        if door.section:  # 北园大街东段12号: the middle of its 东段
            part, said = on_section(line, entry, door.section, gazetteer, crs)
        spot = part.interpolate(part.project(part.centroid))  # on the road, nearest its centre
        farthest = _farthest_m(spot, part)
        accuracy = farthest + road_m
        where = f"whose place along it no source gives: {said}, spread to its farthest point ({farthest:,.0f} m)"
    method = f"{entry.method}; {name}: door number {door.number} on {entry.name}, {where}"
    if match.note:
        method += f"; {match.note}"
    return wgs84_geometry(spot, crs), {"status": APPROXIMATE, "source": entry.source, "method": method,
                                       "source_datum": entry.source_datum, "accuracy_m": accuracy_metres(accuracy),
                                       "matched_name": entry.name}


def _road_of(door, gazetteer, place):
    """(the exact or folded Match of a door's road, the door) or (None, door). A road no source has by its name as
    written may follow a place's name (杨家坪兴胜路68号): the longest tail of it some source has as a road (two
    characters and its ending at least, after a place of two at least) is the road, the door given that road, the
    match's note saying so."""
    import dataclasses

    from geo.junctions import road_match

    def is_line(entry):
        return entry.geometry.geom_type in LINE_TYPES

    match = road_match(door.road, gazetteer, is_line, place)
    if match is not None and match.strength in ("exact", "folded", "district"):  # district: the list's 青山县白石路
        return match, door
    for start in range(2, len(door.road) - 2):  # a place of two characters at least (东新华路 is no 新华路)
        match = gazetteer.lookup(door.road[start:], accepts=is_line)
        if match is not None and match.strength in ("exact", "folded"):
            note = f"the report's {door.road} taken as {door.road[start:]} after the place {door.road[:start]}"
            return dataclasses.replace(match, note=note), door._replace(road=door.road[start:])
    return None, door


def on_section(line, entry, section, gazetteer, crs):
    """(the part of ``line`` (a road's, metric) its ``section`` (东段) is, metric; the method's words), as
    :func:`geo.sections.cut_section` cuts the road (``entry``); the whole line when the section is not cut."""
    from geo.crs import metric_geometry, wgs84_geometry
    from geo.sections import cut_section

    cut = cut_section(wgs84_geometry(line, crs), section, gazetteer, crs)
    part = metric_geometry(cut.geometry, crs)
    if part.geom_type == "MultiLineString":
        import shapely

        part = shapely.line_merge(part)
    if part.is_empty or part.geom_type != "LineString":
        return line, f"the road's middle ({entry.name} not cut to its {section}: {cut.note})"
    return part, f"the middle of its {section} ({cut.note})"


def _road_line(geometry, place, crs):
    """A road's line in metres, within the district's margin when it reaches beyond, its pieces merged."""
    import shapely

    from geo.crs import metric_geometry

    line = metric_geometry(geometry, crs)
    if place.near_metric is not None and not (inside := line.intersection(place.near_metric)).is_empty:
        line = inside
    return shapely.line_merge(line) if line.geom_type == "MultiLineString" else line


def _farthest_m(spot, line):
    """The farthest ``line`` gets from ``spot``, in metres (both metric)."""
    import shapely

    return float(shapely.hausdorff_distance(spot, line, densify=0.05))
