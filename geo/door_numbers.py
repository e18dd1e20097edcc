"""Door-number addresses (白石路12号, 新华路8号院): a spot somewhere along a road the sources know, not said where."""

from __future__ import annotations

import re
from typing import NamedTuple

from geo.gazetteer import LINE_TYPES
from geo.geocodes import APPROXIMATE, accuracy_metres
from geo.names import ROAD_NAME_ENDINGS, to_simplified

# A road, its door number and what stands there: 白石路12号, 新华路8号院, 文昌大道108-2号地块 (Simplified script).
_DOOR = re.compile(rf"(?P<road>.{{2,}}?(?:{'|'.join(ROAD_NAME_ENDINGS)}))"
                   r"(?P<number>\d{1,5}(?:-\d{1,4})?|[零〇一二三四五六七八九十百千]{1,6})号(?:大?院|小区|地块|宗地|楼)?")


class Door(NamedTuple):
    """A door-number address: the road as written and its number."""

    road: str
    number: str

    @property
    def address(self):
        """The address without what stands there: 白石路12号 of 白石路12号院."""
        return f"{self.road}{self.number}号"


def door_on_road(name):
    """The :class:`Door` a project's name is (白石路12号 -> 白石路, 12; 白石路12號院 in Traditional script
    too, the road kept as written), or None: a number's 号 before 线 (地铁1号线) or a name going on after it
    (白石路12号线, 12号楼改造) is no address of one spot."""
    found = _DOOR.fullmatch(to_simplified(str(name or "")))
    if found is None or found.group("road")[-1] == "线":
        return None
    return Door(str(name)[:found.end("road")], found.group("number"))


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
        None when the name is no door-number address or no source has the road by its name (exact or folded).
    """
    from geo.junctions import road_match

    door = door_on_road(name)
    if door is None:
        return None
    match = road_match(door.road, gazetteer, lambda entry: entry.geometry.geom_type in LINE_TYPES, place)
    if match is None or match.strength not in ("exact", "folded"):
        return None
    entry, problem = choose(match, place)
    if problem is not None:
        problem["reason"] = f"{name}: door number {door.number} on {door.road}; {problem['reason']}"
        return None, problem
    from geo.crs import metric_crs_for, wgs84_geometry
    from geo.door_spans import between_known

    crs = place.crs or metric_crs_for(entry.geometry)
    line = _road_line(entry.geometry, place, crs)
    span = between_known(door, line, gazetteer, crs, float(entry.accuracy_m))
    if span is not None:  # 白石路20号 between the sources' 白石路10号 and 白石路30号
        spot, accuracy, where = span.spot, span.spread_m, span.said
    else:
        spot = line.interpolate(line.project(line.centroid))  # on the road, nearest its centre
        farthest = _farthest_m(spot, line)
        accuracy = farthest + float(entry.accuracy_m)
        where = f"whose place along it no source gives: the road's middle, spread to its farthest point ({farthest:,.0f} m)"
    method = f"{entry.method}; {name}: door number {door.number} on {entry.name}, {where}"
    if match.note:
        method += f"; {match.note}"
    return wgs84_geometry(spot, crs), {"status": APPROXIMATE, "source": entry.source, "method": method,
                                       "source_datum": entry.source_datum, "accuracy_m": accuracy_metres(accuracy),
                                       "matched_name": entry.name}


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
