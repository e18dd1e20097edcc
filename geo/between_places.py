"""Sites a report places between two others (人民桥与增城大桥之间, 创业路与联城路之间, 石门村和黄家村之间): the middle
of the ground between them, spread as far as that ground reaches; two roads that meet leave it unlocated."""

from __future__ import annotations

import re

from geo import settings
from geo.geocodes import APPROXIMATE, accuracy_metres, unlocated
from geo.lexicon import SITE_LOTS
from geo.names import to_simplified

# [位于] first 与/和/及/、 second [两者]之间 [的] [地块…]; neither a road's side (以东: relative_places.road_sides)
_BETWEEN = re.compile(rf"(?:位于)?(?P<first>[^、，,；;]{{2,}}?)(?:与|和|及|、)(?P<second>[^、，,；;]{{2,}}?)"
                      rf"(?:两者)?之间(?:的)?(?:{'|'.join(SITE_LOTS)})?")
_SIDE_WORD = re.compile(r"以[东西南北]$")


def between_of(name):
    """(first, second) of a name giving a site between two places (人民桥与增城大桥之间 -> 人民桥, 增城大桥; 石门村和黄家村之间
    的地块 likewise), else None; sides of roads (滨河路以北与青山路以西之间) are no such pair."""
    found = _BETWEEN.fullmatch(to_simplified(str(name or "")))
    if found is None or any(_SIDE_WORD.search(found.group(part)) for part in ("first", "second")):
        return None
    return found.group("first"), found.group("second")


def place_amid(first, second, locate, crs):
    """(WGS-84 point or None, geocode) of a site between two places.

    Parameters
    ----------
    first, second : str
        The places, as the name writes them.
    locate : callable
        ``locate(name) -> (WGS-84 geometry or None, geocode)``: each place as a project of its name is placed.
    crs : str
        The metric CRS.

    Returns
    -------
    (shapely Point or None, dict)
        Two lines (roads, a river) that do not meet: the middle of the strip between their facing stretches (each
        point's nearest on the other line, where that is not the other's end), ``approximate``, claiming the
        farthest that strip's middle line gets from there, half the lines' widest distance apart there, the
        sampling step and the places' worse accuracy. Otherwise (points, areas, a point and a line): the middle of
        their nearest points, claiming half their distance apart (a site between them lies within the circle over
        it) and the worse accuracy. Lines that meet (where between them is any of the angles they make), or a place
        no source has: unlocated, saying why.
    """
    import shapely
    from shapely.ops import nearest_points

    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry
    from geo.gazetteer import LINE_TYPES

    said = f"between {first} and {second}"
    (one, found_one), (other, found_other) = locate(first), locate(second)
    for geom, geocode, place in ((one, found_one, first), (other, found_other, second)):
        if geom is None:
            return None, unlocated(f"{said}: {place}: {geocode['reason']}")
    crs = crs or metric_crs_for(one)
    a, b = metric_geometry(one, crs), metric_geometry(other, crs)
    lines = a.geom_type in LINE_TYPES and b.geom_type in LINE_TYPES
    if lines and a.distance(b) <= settings.INTERSECTION_GAP_M:
        return None, unlocated(f"{said}: {first} and {second} meet ({found_one['method']}; {found_other['method']}): "
                                "the ground between them is any of the angles they make, and which is not said")
    if lines:
        spot, reach, half_gap, step = _strip_middle(a, b)
        how = (f"the middle of the strip between their facing stretches, spread to its farthest ({reach:,.0f} m) "
               f"and half their distance apart there ({half_gap:,.0f} m at most)")
        spread = reach + half_gap + step
    else:
        near_a, near_b = nearest_points(a, b)
        spot = shapely.Point((near_a.x + near_b.x) / 2, (near_a.y + near_b.y) / 2)
        half_gap = near_a.distance(near_b) / 2
        how = f"midway between their nearest points ({2 * half_gap:,.0f} m apart), spread half that"
        spread = half_gap
    accuracy = max(float(found_one["accuracy_m"]), float(found_other["accuracy_m"]))
    method = f"{said}: {how}; {first}: {found_one['method']}; {second}: {found_other['method']}"
    return wgs84_geometry(spot, crs), {
        "status": APPROXIMATE, "source": "; ".join(dict.fromkeys((found_one["source"], found_other["source"]))),
        "method": method,
        "source_datum": "; ".join(dict.fromkeys((found_one["source_datum"], found_other["source_datum"]))),
        "accuracy_m": accuracy_metres(accuracy + spread), "matched_name": f"{first} × {second}"}


def middle_of(points):
    """(index of the point nearest to all of ``points``, an (n, 2) array; how far the farthest lies from it)."""
    import numpy as np

    reach = np.concatenate([np.hypot(points[i:i + 256, None, 0] - points[None, :, 0],
                                     points[i:i + 256, None, 1] - points[None, :, 1]).max(axis=1)
                            for i in range(0, len(points), 256)])  # from each point to the farthest one
    middle = int(np.argmin(reach))
    return middle, float(reach[middle])


def _strip_middle(a, b):
    """(the middle of the strip between two metric lines, metric Point; how far its middle line reaches from
    there; half the lines' widest distance apart across it; the sampling step)."""
    import numpy as np
    import shapely
    from shapely.ops import nearest_points

    step = max((a.length + b.length) / settings.RELATIVE_ROAD_SAMPLES, 1.0)
    pairs = []
    for line, other in ((a, b), (b, a)):
        for along in np.append(np.arange(0.0, line.length, step), line.length):
            here = line.interpolate(along)
            at = other.project(here)
            if 0.5 < at < other.length - 0.5:  # across from it, not beyond the other line's end
                pairs.append((here, other.interpolate(at)))
    if not pairs:  # end to end: the gap between them
        pairs = [nearest_points(a, b)]
    mids = np.array([((p.x + q.x) / 2, (p.y + q.y) / 2) for p, q in pairs])
    middle, reach = middle_of(mids)
    half_gap = max(p.distance(q) for p, q in pairs) / 2
    return shapely.Point(mids[middle]), reach, half_gap, step
