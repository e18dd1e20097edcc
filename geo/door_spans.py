"""A door number between two the sources place on its road (白石路20号 between a list's 白石路10号 and OSM's
白石路30号): placed along the road in proportion, claiming the stretch between them."""

from __future__ import annotations

import re
from typing import NamedTuple

from geo import settings


class Span(NamedTuple):
    """Where a door number lies along a road between two known numbers of its side."""

    spot: object  # metric Point on the road
    spread_m: float  # the farthest the road between the two known places gets from the spot, plus their offsets
    said: str  # the method's words


def between_known(door, line, gazetteer, crs, accuracy_m=0.0):
    """The :class:`Span` of ``door`` (:class:`geo.door_numbers.Door`) on ``line`` (its road, metric, one
    LineString) between the nearest lower and higher numbers of its side (odd or even, as China numbers a road's
    two sides) that sources give as names within ``DOOR_ON_ROAD_M`` of it, or None: fewer than one on each side
    of the number, or both at one place. Numbers run one way along a road, so the door lies between them."""
    import shapely
    from shapely.ops import substring

    from geo.crs import metric_geometry
    from geo.names import normalise_name

    if not door.number.isdigit() or line.geom_type != "LineString" or line.length == 0:
        return None
    wanted, known = int(door.number), {}
    numbered = re.compile(re.escape(normalise_name(door.road)) + r"(\d{1,5})号")
    for key, entries in gazetteer.named_from(door.road):
        found = numbered.fullmatch(key)
        number = int(found.group(1)) if found else None
        if number is None or number == wanted or number % 2 != wanted % 2 or number in known:
            continue
        point = metric_geometry(entries[0].geometry.representative_point(), crs)
        if point.distance(line) <= settings.DOOR_ON_ROAD_M:
            known[number] = (line.project(point), point.distance(line) + float(entries[0].accuracy_m), entries[0].name)
    lower = max((n for n in known if n < wanted), default=None)
    upper = min((n for n in known if n > wanted), default=None)
    if lower is None or upper is None or known[lower][0] == known[upper][0]:
        return None
    (low_at, low_off, low_name), (up_at, up_off, up_name) = known[lower], known[upper]
    spot = line.interpolate(low_at + (up_at - low_at) * (wanted - lower) / (upper - lower))
    stretch = substring(line, min(low_at, up_at), max(low_at, up_at))
    spread = float(shapely.hausdorff_distance(spot, stretch, densify=0.05)) + max(low_off, up_off, accuracy_m)
    said = (f"between {door.road}{lower}号 ({low_name}) and {door.road}{upper}号 ({up_name}), the sources' nearest "
            f"numbers of its side: placed along the road in proportion, spread to the stretch between them")
    return Span(spot, spread, said)
