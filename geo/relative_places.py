"""Sites a report places relative to others: a distance and a direction from a crossing, a landmark or a road
(白石路与青山路交叉口往东200米, 青山公园北侧约三百米, 距县政府东南1.5公里, 白石路以东200米), and the sides of roads
(滨河路以北、青山路以西: the corner of their crossing; with three or four roads, the block they bound)."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from geo import compass, settings
from geo.between_places import between_of, middle_of, place_amid
from geo.geocodes import APPROXIMATE, accuracy_metres, unlocated
from geo.lexicon import DISTANCE_METRES, SITE_LOTS
from geo.names import to_simplified
from geo.numbers import NUMERALS, last_place, parse_number

# [距/离] anchor [往/向] [direction][侧/面/方向] [约] number [余/多] unit [处/左右] [地块…]; the number in digits or
# in Chinese numerals (二百, 一点五)
_LOT, _UNITS = "|".join(SITE_LOTS), "|".join(DISTANCE_METRES)
_OFFSET = re.compile(rf"(?:距离?|离)?(?P<anchor>.{{2,}}?)(?:往|向|以)?(?P<direction>{compass.PATTERN})?"
                     rf"(?:方向|方位|侧|面|方|边)?(?:约|大约|约为)?"
                     rf"(?P<number>\d+(?:\.\d+)?|[{NUMERALS}]+(?:点[{NUMERALS}]+)?)(?P<more>余|多)?(?P<unit>{_UNITS})"
                     rf"(?:处|左右|范围)?(?:{_LOT})?")
# road 以北 [、，,及和] road 以西 … [地块…]
_SIDE = re.compile(r"(?P<road>[^、，,及和以]{2,}?)以(?P<side>东|西|南|北)")
_SIDE_JOINS = re.compile(r"[、，,；;及和]")
# a bound of the site (四至: 东至白石路, 北临青山路): the site lies on the other side of that road
_BOUND = re.compile(r"(?P<bound>东|西|南|北)(?:至|到|临)(?P<road>[^、，,；;及和]{2,})")
# a road, or its section (北园大街东段, 白石路（青山路至北园大街段）, 白石路青山路至北园大街段: sections.split_section)
_ROAD = r"(?P<road>.{2,}?(?:路|街|道|巷|胡同)(?:[东西南北中]段|[（(][^（）()]+[）)]|[^（）()至到]{2,}?[至到][^（）()至到]{2,}?段)?)"
# one road: 白石路东侧地块, 白石路以西地块 (a lot somewhere along it on that side)
_ONE_SIDE = re.compile(rf"{_ROAD}(?:以(?P<side>东|西|南|北)(?:侧|面|边)?|(?P<side2>东|西|南|北)(?:侧|面|边))(?:{_LOT})")
# one road's side, nothing after: 白石路东侧 (beside it, as a lot is), 白石路以东 (all the ground that way: no site)
_BARE_SIDE = re.compile(rf"{_ROAD}(?:(?P<beside>以?(?P<side>东|西|南|北)(?:侧|面|边))|以(?P<beyond>东|西|南|北))")
_SIDE_TAIL = re.compile(rf"(?:之间|范围内|围合)?(?:的)?(?:{_LOT})?$")


class Offset(NamedTuple):
    """A site ``metres`` from ``anchor`` toward ``direction`` (东南; "" when the name gives none), ``more`` metres
    more at most (三百余米: 300, 100; 0 for a distance given without 余 or 多)."""

    anchor: str
    direction: str
    metres: float
    more: float = 0.0

    @property
    def taken_m(self):
        """The distance measured: the middle of what 余 leaves open (三百余米: 350)."""
        return self.metres + self.more / 2


def offset_of(name):
    """The :class:`Offset` a name gives (白石路与青山路交叉口往东200米 -> 白石路与青山路交叉口, 东, 200; 往东二百米
    likewise; 三百余米 -> 300, 100 more at most), else None."""
    text = to_simplified(str(name or ""))
    found = _OFFSET.fullmatch(text)
    if found is None or not (found.group("direction") or text.startswith(("距", "离"))):  # 白石路改造800米: a length
        return None
    if found.group("anchor")[-1] + (found.group("direction") or "")[:1] in ("东西", "西东", "南北", "北南"):
        return None  # 滨河路东西两千米: a length from end to end, no direction
    number, unit = parse_number(found.group("number")), DISTANCE_METRES[found.group("unit")]
    if number is None or number <= 0:
        return None
    more = last_place(found.group("number")) * unit if found.group("more") else 0.0
    return Offset(found.group("anchor"), found.group("direction") or "", float(number) * unit, more)


def road_sides(name):
    """((road, side), …) of a name giving a site by the sides of two to four roads (滨河路以北、青山路以西 ->
    (滨河路, 北), (青山路, 西)) or by its bounds (四至: 东至白石路、北至青山路 -> (白石路, 西), (青山路, 南)), else None;
    sides of one axis both given (以东…以西) need three roads or more."""
    text = _SIDE_TAIL.sub("", to_simplified(str(name or "")), count=1)
    parts = [part for part in _SIDE_JOINS.split(text) if part]
    if not 2 <= len(parts) <= 4:
        return None
    pairs = []
    for part in parts:
        side, bound = _SIDE.fullmatch(part), _BOUND.fullmatch(part)
        if side is None and bound is None:
            return None
        pairs.append((side.group("road"), side.group("side")) if side else
                     (bound.group("road"), compass.OPPOSITE[bound.group("bound")]))
    pairs = tuple(pairs)
    if len({road for road, _ in pairs}) < len(pairs):
        return None
    axes = {side in "东西" for _, side in pairs}
    return pairs if axes == {True, False} else None


def compass_spread_m(metres):
    """How far a site ``metres`` away toward a compass direction may lie from the spot put there: the distance
    :data:`geo.settings.RELATIVE_DISTANCE_SHARE` more or less, the direction
    :data:`geo.settings.RELATIVE_DIRECTION_HALF_ANGLE_DEG` either way."""
    angle = math.radians(settings.RELATIVE_DIRECTION_HALF_ANGLE_DEG)
    share = settings.RELATIVE_DISTANCE_SHARE
    return max(metres * math.hypot(k * math.cos(angle) - 1, k * math.sin(angle)) for k in (1 - share, 1 + share))


def place_offset(offset, locate, lines_of, crs):
    """(WGS-84 point or None, geocode) of a site given by an :class:`Offset`.

    Parameters
    ----------
    offset : Offset
    locate : callable
        ``locate(name) -> (WGS-84 geometry or None, geocode)``: the anchor as a project of its name is placed.
    lines_of : callable
        ``lines_of(road) -> list of Entry``: a road's lines in the sources (a crossing's arms).
    crs : str
        The metric CRS.

    Returns
    -------
    (shapely Point or None, dict)
        From a crossing, along the arm of one of its roads heading within
        :data:`geo.settings.RELATIVE_ALONG_ROAD_DEG` of the direction, spread the distance's share; else by
        compass from the anchor's point (an area's edge that way, spread also as far as its centre), spread as
        :func:`compass_spread_m` says; with no direction, the anchor, spread the whole distance. From a line (a
        road, a river: where along it not given), the distance off it to that side (:func:`off_line`). The
        anchor's accuracy is added, and half what 余 leaves open (三百余米: measured as 350 m, spread 50 m more).
        An unknown anchor, or a line with no stretch facing that way: unlocated.
    """
    from shapely.geometry import Point

    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry
    from geo.gazetteer import AREA_TYPES, LINE_TYPES
    from geo.junctions import junction_roads

    toward = f"{offset.direction} ({compass.words(offset.direction)})" if offset.direction else "no direction given"
    metres = offset.taken_m
    said = f"{offset.metres:g}" + (f" to {offset.metres + offset.more:g} (taken as {metres:g})" if offset.more else "")
    what = f"{said} m from {offset.anchor}, {toward}"
    anchor, geocode = locate(offset.anchor)
    if anchor is None:
        return None, unlocated(f"{what}: {geocode['reason']}")
    crs = crs or metric_crs_for(anchor)
    here = metric_geometry(anchor, crs)
    base = float(geocode["accuracy_m"]) + offset.more / 2
    if anchor.geom_type in LINE_TYPES:
        found = off_line(here, offset.direction, metres)
        if found is None:
            return None, unlocated(f"{what}: {offset.anchor} ({geocode['method']}) {_runs_along(offset.direction)}")
        spot, farthest = found
        spread = farthest + metres * settings.RELATIVE_DISTANCE_SHARE
        how = (f"{offset.anchor} is a line and where along it is not given: {metres:g} m off it "
               f"{'to its ' + compass.words(offset.direction) + ' side' if offset.direction else 'on either side'}, "
               f"at the middle of the {'stretch facing that way' if offset.direction else 'line'}, spread to its "
               f"farthest ({farthest:,.0f} m)")
        method = f"{geocode['method']}; {what}: {how}, the distance ±{settings.RELATIVE_DISTANCE_SHARE:.0%}"
        return wgs84_geometry(spot, crs), {**geocode, "status": APPROXIMATE, "method": method,
                                           "accuracy_m": accuracy_metres(base + spread)}
    start = here.representative_point() if here.geom_type in AREA_TYPES else here
    roads = junction_roads(offset.anchor)
    arm = _along_arm(start, offset._replace(metres=metres), roads[0], lines_of, crs) if roads and offset.direction else None
    if arm is not None:
        spot, road = arm
        spread = metres * settings.RELATIVE_DISTANCE_SHARE
        how = f"{metres:g} m {compass.words(offset.direction)} of the crossing along {road}"
    elif offset.direction:
        east, north = compass.unit(offset.direction)
        edge, inside = _edge_toward(here, start, east, north)
        spot = Point(edge.x + east * metres, edge.y + north * metres)
        spread = compass_spread_m(metres) + inside
        how = f"{metres:g} m {compass.words(offset.direction)} of it" + (
            f" from its edge that way ({inside:,.0f} m from its centre, spread as much)" if inside else "")
    else:
        spot, spread = start, metres * (1 + settings.RELATIVE_DISTANCE_SHARE)
        how = "no direction given: the anchor itself, spread the whole distance"
    method = f"{geocode['method']}; {what}: {how}, the distance ±{settings.RELATIVE_DISTANCE_SHARE:.0%}"
    return wgs84_geometry(spot, crs), {**geocode, "status": APPROXIMATE, "method": method,
                                       "accuracy_m": accuracy_metres(base + spread)}


def off_line(line, direction, metres):
    """(the spot, metric Point; how far the sites may lie from it, m) of a site ``metres`` off a line (metric: a road,
    a river) toward ``direction`` (东; "" for either side), where along the line not given, or None when no stretch of
    the line faces that way.

    The line, sampled along its length, is moved ``metres`` square to itself toward that side, where that side faces
    within :data:`geo.settings.RELATIVE_ROAD_SIDE_DEG` of the direction (a road running north-south has an east side;
    one running east-west has none: what lies east of it is not said); the spot is the one of those sites nearest
    to all of them (the middle of the stretch), and the farthest site from it says how far the site may lie.
    """
    import numpy as np
    import shapely

    parts = [p for p in shapely.get_parts(shapely.line_merge(line)) if p.geom_type == "LineString" and p.length > 0]
    total = sum(p.length for p in parts)
    if not total:
        return None
    step = max(total / settings.RELATIVE_ROAD_SAMPLES, 1.0)
    sites = []
    facing = math.cos(math.radians(settings.RELATIVE_ROAD_SIDE_DEG)) - 1e-9  # 东南 of a north-south road: 45°
    east, north = compass.unit(direction) if direction else (0.0, 0.0)
    for part in parts:
        for along in np.append(np.arange(0.0, part.length, step), part.length):
            behind, ahead = part.interpolate(max(along - step, 0.0)), part.interpolate(min(along + step, part.length))
            dx, dy = ahead.x - behind.x, ahead.y - behind.y
            size = math.hypot(dx, dy)
            if size == 0:
                continue
            at = part.interpolate(along)
            for nx, ny in ((-dy / size, dx / size), (dy / size, -dx / size)):  # left, right of the line
                if not direction or nx * east + ny * north >= facing:
                    sites.append((at.x + nx * metres, at.y + ny * metres))
    if not sites:
        return None
    points = np.array(sites)
    middle, reach = middle_of(points)
    return shapely.Point(points[middle]), reach + step


def _runs_along(direction):
    """Why a line has no side facing ``direction``."""
    along = "east-west" if direction in ("东", "西") else "north-south" if direction in ("南", "北") else "that way"
    return (f"runs {along} wherever it lies: it has no {compass.words(direction)} side, and where the site lies "
            "beyond it is not said")


def _edge_toward(area, start, east, north):
    """(the point where a ray from ``start`` toward (east, north) leaves ``area``, its distance from ``start``);
    ``start`` and 0 for a point."""
    from shapely.geometry import LineString, Point

    if area.geom_type == "Point":
        return start, 0.0
    reach = math.hypot(area.bounds[2] - area.bounds[0], area.bounds[3] - area.bounds[1])
    ray = LineString([start, Point(start.x + east * reach, start.y + north * reach)])
    exits = ray.intersection(area.boundary)
    if exits.is_empty:
        return start, 0.0
    far = max(ray.project(p) for p in getattr(exits, "geoms", [exits]) if p.geom_type == "Point") \
        if exits.geom_type in ("Point", "MultiPoint") else ray.project(exits.centroid)
    return ray.interpolate(far), far


def _along_arm(crossing, offset, roads, lines_of, crs):
    """(the point ``offset.metres`` along the arm of a crossing's road heading nearest the direction, the road's
    name), or None when no arm long enough heads within RELATIVE_ALONG_ROAD_DEG of it."""
    import shapely

    from geo.crs import metric_geometry

    east, north = compass.unit(offset.direction)
    best = None
    for road in roads:
        for entry in lines_of(road):
            for line in _parts(shapely.line_merge(metric_geometry(entry.geometry, crs))):
                if line.distance(crossing) <= settings.INTERSECTION_GAP_M:
                    best = _best_arm(best, line, crossing, offset.metres, (east, north), road)
    return None if best is None else best[1:]


def _parts(geom):
    return [geom] if geom.geom_type == "LineString" else [p for p in getattr(geom, "geoms", []) if p.geom_type == "LineString"]


def _best_arm(best, line, crossing, metres, heading, road):
    """(angle, spot, road) of the better of ``best`` and this line's arms ``metres`` long from the crossing."""
    east, north = heading
    at = line.project(crossing)
    for along in (at + metres, at - metres):
        if not 0 <= along <= line.length:
            continue
        spot = line.interpolate(along)
        dx, dy = spot.x - crossing.x, spot.y - crossing.y
        angle = math.degrees(math.acos(max(-1.0, min(1.0, (dx * east + dy * north) / (math.hypot(dx, dy) or 1.0)))))
        if angle <= settings.RELATIVE_ALONG_ROAD_DEG and (best is None or angle < best[0]):
            best = (angle, spot, road)
    return best


def place_between(sides, locate, lines_of, crs):
    """(WGS-84 geometry or None, geocode) of a site on given sides of roads (:func:`road_sides`).

    Three or four roads: the one block (a face of the roads' lines) lying on every given side of its road,
    ``approximate`` (the site may be part of it), claiming the roads' widest accuracy. Two: the corner of their
    crossing on those sides (:mod:`geo.junction_corners`). Else unlocated, saying why.
    """
    said = "、".join(f"{road}以{side} ({compass.words(side)} of {road})" for road, side in sides)
    if len(sides) == 2:
        (first, side_a), (second, side_b) = sides
        corner = "".join(sorted((side_a, side_b), key="东西南北".index))  # 北, 西 -> 西北 (as 东北角 is written)
        geom, geocode = locate(f"{first}与{second}交叉口{corner}角")
        if geom is None:
            return None, unlocated(f"{said}: {geocode['reason']}")
        return geom, {**geocode, "method": f"{said}: the corner of their crossing; {geocode['method']}"}
    return _block(sides, said, lines_of, crs)


def _block(sides, said, lines_of, crs):
    """:func:`place_between` of three or four roads: the block they bound on the given sides."""
    import shapely

    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry

    found = {road: lines_of(road) for road, _ in sides}
    missing = [road for road, entries in found.items() if not entries]
    if missing:
        return None, unlocated(f"{said}: no road named {' or '.join(map(repr, missing))} in any source")
    crs = crs or metric_crs_for(next(iter(found.values()))[0].geometry)
    lines = {road: shapely.union_all([metric_geometry(e.geometry, crs) for e in entries])
             for road, entries in found.items()}
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.union_all(list(lines.values())))))
    held = [face for face in faces if all(_beyond(face, lines[road], side) for road, side in sides)]
    if len(held) != 1:
        return None, unlocated(f"{said}: the roads bound {len(held) or 'no'} block{'s' if len(held) != 1 else ''} "
                                "on those sides")
    entries = [e for entries in found.values() for e in entries]
    accuracy = max(float(e.accuracy_m) for e in entries)
    face = held[0]
    method = (f"{said}: the block the roads bound ({', '.join(sorted({e.method for e in entries}))}), "
              f"{face.area / 1e4:,.1f} ha; the site may be part of it")
    return wgs84_geometry(face, crs), {"status": APPROXIMATE, "source": "; ".join(sorted({e.source for e in entries})),
                                      "method": method, "source_datum": "; ".join(sorted({e.source_datum for e in entries})),
                                      "accuracy_m": accuracy_metres(accuracy), "matched_name": " × ".join(found)}


def _beyond(face, line, side):
    """Whether ``face`` lies on ``side`` of ``line``: a ray from inside it toward the other side meets the line."""
    from shapely.geometry import LineString, Point

    inside = face.representative_point()
    east, north = compass.UNIT[compass.OPPOSITE[side]]
    reach = 1e5
    return LineString([inside, Point(inside.x + east * reach, inside.y + north * reach)]).intersects(line)


def place_relative(name, locate, lines_of, crs):
    """(WGS-84 geometry or None, geocode) of a site a name gives relative to others (:func:`offset_of`,
    :func:`road_sides`, :func:`geo.between_places.between_of`, one side of a road; see :func:`place_offset`,
    :func:`place_between`, :func:`geo.between_places.place_amid`, :func:`place_beside`), else None. A road's side
    with nothing after it (白石路东侧) is a lot beside it; all the ground beyond it (白石路以东) stays unlocated."""
    offset = offset_of(name)
    if offset is not None:
        return place_offset(offset, locate, lines_of, crs)
    sides = road_sides(name)
    if sides is not None:
        return place_between(sides, locate, lines_of, crs)
    pair = between_of(name)
    if pair is not None:
        return place_amid(*pair, locate, crs)  # 人民桥与增城大桥之间
    text = to_simplified(str(name or ""))
    one = _ONE_SIDE.fullmatch(text)
    if one is not None:
        return place_beside(one.group("road"), one.group("side") or one.group("side2"), locate, crs)
    bare = _BARE_SIDE.fullmatch(text)
    if bare is None:
        return None
    if bare.group("beside"):
        return place_beside(bare.group("road"), bare.group("side"), locate, crs)  # 白石路东侧: a lot beside it
    side = bare.group("beyond")
    return None, unlocated(f"{text}: all the ground {compass.words(side)} of {bare.group('road')}, how far from it "
                           "not said (a distance, a lot beside it or another road bounding it would place it)")


def place_beside(road, side, locate, crs):
    """(WGS-84 point or None, geocode) of a lot on one side of a road (白石路东侧地块), where along it not given: the
    road (its part within the district's margin, as the road is placed) moved :data:`geo.settings.JUNCTION_CORNER_M`
    to that side, at the middle of its stretch facing that way (:func:`off_line`), ``approximate``, claiming the
    road's accuracy, the farthest that stretch gets from there and that step again (the lot's depth)."""
    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry
    from geo.gazetteer import LINE_TYPES

    what = f"{road}{side}侧 ({compass.words(side)} side of {road})"
    geom, geocode = locate(road)
    if geom is None:
        return None, unlocated(f"{what}: {geocode['reason']}")
    if geom.geom_type not in LINE_TYPES:
        return None, unlocated(f"{what}: {road} is no line ({geocode['method']})")
    crs = crs or metric_crs_for(geom)
    step = settings.JUNCTION_CORNER_M
    found = off_line(metric_geometry(geom, crs), side, step)
    if found is None:
        return None, unlocated(f"{what}: {road} ({geocode['method']}) {_runs_along(side)}")
    spot, farthest = found
    method = (f"{geocode['method']}; {what}: where along it not given: the road moved {step:g} m to its "
              f"{compass.words(side)} side, at the middle of the stretch facing that way, spread to its farthest "
              f"({farthest:,.0f} m)")
    return wgs84_geometry(spot, crs), {**geocode, "status": APPROXIMATE, "method": method,
                                       "accuracy_m": accuracy_metres(float(geocode["accuracy_m"]) + farthest + step)}
