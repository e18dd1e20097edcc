"""A corner or side of a crossing (X路与Y路交叉口东北角, …路口西南侧地块): the crossing, moved toward that corner."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from geo import settings
from geo.geocodes import APPROXIMATE, accuracy_metres
from geo.names import to_simplified

# After a junction's head (交叉口, 路口, 交汇处…): a compass corner or side, then what stands there (Simplified script).
_CORNER = re.compile(r"(?:交叉路口|十字路口|交叉口|交汇处|交汇口|交口|路口)(?P<corner>东北|东南|西北|西南|东|西|南|北)"
                     r"(?:角|侧|面|方|部)(?:地块|宗地|片区|区域|空地)?$")
# Unit (east, north) of each corner or side.
_TOWARD = {"东": (1.0, 0.0), "西": (-1.0, 0.0), "南": (0.0, -1.0), "北": (0.0, 1.0)}
_WORDS = {"东": "east", "西": "west", "南": "south", "北": "north"}


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


def toward_corner(point, geocode, corner, crs):
    """(WGS-84 point, geocode) of a crossing's corner: ``point`` (the crossing, WGS-84, with its ``geocode``)
    moved :data:`geo.settings.JUNCTION_CORNER_M` toward ``corner`` (north-east along the diagonal for 东北),
    ``approximate``, its accuracy grown by as much; an unlocated crossing is returned as it is, its reason
    naming the corner."""
    if point is None:
        return None, {**geocode, "reason": f"{corner.corner} corner of the {geocode['reason']}"}
    from shapely.geometry import Point

    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry

    crs = crs or metric_crs_for(point)
    east = sum(_TOWARD[c][0] for c in corner.corner)
    north = sum(_TOWARD[c][1] for c in corner.corner)
    step = settings.JUNCTION_CORNER_M / math.hypot(east, north)
    here = metric_geometry(point, crs)
    moved = wgs84_geometry(Point(here.x + east * step, here.y + north * step), crs)
    toward = "-".join(_WORDS[c] for c in reversed(corner.corner)) if len(corner.corner) == 2 else _WORDS[corner.corner]
    method = (f"{geocode['method']}; its {corner.corner} ({toward}) corner: {settings.JUNCTION_CORNER_M:g} m {toward} of "
              "the crossing (where the site lies there is not given), spread as much")
    return moved, {**geocode, "status": APPROXIMATE, "method": method,
                   "accuracy_m": accuracy_metres(float(geocode["accuracy_m"]) + settings.JUNCTION_CORNER_M)}
