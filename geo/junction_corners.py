"""A corner or side of a crossing (X路与Y路交叉口东北角, …路口西南侧地块): the crossing, moved toward that corner."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from geo import compass, settings
from geo.geocodes import APPROXIMATE, accuracy_metres
from geo.junctions import JUNCTION_HEADS, junction_roads
from geo.names import to_simplified

# After a junction's head (交叉口, 路口, 交汇处…): a compass corner or side, then what stands there (Simplified script).
_CORNER = re.compile(rf"(?:{JUNCTION_HEADS})(?P<corner>{compass.PATTERN})"
                     r"(?:角|侧|面|方|部)(?:地块|宗地|片区|区域|空地)?$")


class Corner(NamedTuple):
    """A corner of a crossing a project's name gives: the crossing's name (北园大街与白石路交叉口) and the corner (东北)."""

    junction: str
    corner: str


def junction_corner(name):
    """The :class:`Corner` a name gives (北园大街与白石路交叉口东北角 -> 北园大街与白石路交叉口, 东北), None if it gives none."""
    text = str(name or "")
    found = _CORNER.search(to_simplified(text))
    if found is None or found.start() < 4:
        return None
    return Corner(text[:found.start("corner")], found.group("corner"))


def toward_corner(point, geocode, corner, crs, lines_of=None):
    """(WGS-84 point, geocode) of a crossing's corner: ``point`` (the crossing, WGS-84, with its ``geocode``)
    moved :data:`geo.settings.JUNCTION_CORNER_M` toward ``corner`` (north-east along the diagonal for 东北),
    ``approximate``, its accuracy grown by as much; an unlocated crossing is returned as it is, its reason
    naming the corner. With ``lines_of`` (``lines_of(road) -> list of Entry``) and a two-letter corner, the step
    goes between the arms of the crossing's roads that head nearest that corner (their bisector: a skewed
    crossing's corner lot lies between its roads, not due north-east), when both roads' lines reach the crossing."""
    if point is None:
        return None, {**geocode, "reason": f"{corner.corner} corner of the {geocode['reason']}"}
    from shapely.geometry import Point

    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry

    crs = crs or metric_crs_for(point)
    east, north = compass.unit(corner.corner)
    here = metric_geometry(point, crs)
    toward = compass.words(corner.corner)
    how = f"{settings.JUNCTION_CORNER_M:g} m {toward} of the crossing"
    between = _between_arms(here, (east, north), corner, lines_of, crs) if lines_of and len(corner.corner) == 2 else None
    if between is not None:
        (east, north), roads = between
        how += (f", between the arms of {' and '.join(roads)} that head that way (bearing "
                f"{math.degrees(math.atan2(east, north)) % 360:.0f}°)")
    step = settings.JUNCTION_CORNER_M
    moved = wgs84_geometry(Point(here.x + east * step, here.y + north * step), crs)
    method = (f"{geocode['method']}; its {corner.corner} ({toward}) corner: {how} (where the site lies there is not "
              "given), spread as much")
    return moved, {**geocode, "status": APPROXIMATE, "method": method,
                   "accuracy_m": accuracy_metres(float(geocode["accuracy_m"]) + settings.JUNCTION_CORNER_M)}


def _between_arms(here, compass, corner, lines_of, crs):
    """(unit (east, north) halfway between the arms of the crossing's two roads heading nearest ``compass``, the
    roads' names), or None: a road's line not reaching the crossing, or arms so opposed that no corner lies between."""
    import shapely

    from geo.crs import metric_geometry
    pairs = junction_roads(corner.junction)
    if not pairs:
        return None
    arms = []
    for road in pairs[0]:
        lines = [part for entry in lines_of(road) for part in
                 shapely.get_parts(shapely.line_merge(metric_geometry(entry.geometry, crs)))
                 if part.geom_type == "LineString" and part.distance(here) <= settings.INTERSECTION_GAP_M]
        heads = [head for line in lines for head in _arm_heads(line, here)]
        if not heads:
            return None
        arms.append(max(heads, key=lambda head: head[0] * compass[0] + head[1] * compass[1]))
    east, north = arms[0][0] + arms[1][0], arms[0][1] + arms[1][1]
    size = math.hypot(east, north)
    if size < 0.1 or east * compass[0] + north * compass[1] <= 0:
        return None
    return (east / size, north / size), pairs[0]


def _arm_heads(line, here):
    """Unit (east, north) of each arm of ``line`` (metres) leaving the crossing ``here``, taken JUNCTION_CORNER_M
    along it (or to its end)."""
    at = line.project(here)
    heads = []
    for along in (min(at + settings.JUNCTION_CORNER_M, line.length), max(at - settings.JUNCTION_CORNER_M, 0.0)):
        there = line.interpolate(along)
        dx, dy = there.x - here.x, there.y - here.y
        if math.hypot(dx, dy) >= 1.0:
            heads.append((dx / math.hypot(dx, dy), dy / math.hypot(dx, dy)))
    return heads
