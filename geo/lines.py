"""Road lines in metres: a road's parts in route order, crossings, nearby lines grouped, carriageways merged.

Every function takes and returns shapely geometries in a metric CRS (the district's,
see :func:`geo.crs.metric_crs_for`); callers project to it and back. Tolerances are
metres, from :mod:`geo.settings`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.ops import substring

LINE_TYPES = ("LineString", "MultiLineString", "LinearRing")


@dataclass(frozen=True)
class Route:
    """A road's parts in order along it, so that a position along the road means one place.

    A road from a gazetteer or OSM is often several parts: ways with gaps between them
    (a bridge or a roundabout under another name, a mapping gap). The parts are chained
    end to start, nearest end first, and a position counts the straight gaps between
    parts too, so it never jumps; :meth:`between` returns only the parts themselves.
    """

    parts: tuple  # LineStrings, each oriented along the route
    offsets: tuple  # route position (m) where each part starts
    line: object  # the parts joined, gaps bridged straight: what positions are measured on

    @property
    def length(self) -> float:
        """Route length in metres, gaps included."""
        return self.offsets[-1] + self.parts[-1].length

    @property
    def geometry(self):
        """The parts, without the gaps."""
        return self.parts[0] if len(self.parts) == 1 else shapely.MultiLineString(list(self.parts))

    def between(self, start: float, end: float):
        """The road between two positions (m): the parts' stretches inside [start, end], gaps left out."""
        pieces = []
        for part, offset in zip(self.parts, self.offsets):
            a, b = max(start - offset, 0.0), min(end - offset, part.length)
            if b > a:
                pieces.append(substring(part, a, b))
        if not pieces:
            return shapely.LineString()
        return pieces[0] if len(pieces) == 1 else shapely.MultiLineString(pieces)

    def locate(self, other):
        """Where ``other`` (a cross street) meets the road: (position in m, gap in m).

        Where they cross, the gap is 0 and the position is that of the crossing (the
        median one if they cross several times); otherwise the position of the road's
        point nearest ``other`` and the distance between them.
        """
        road = self.geometry
        hits = shapely.intersection(road, other)
        if not hits.is_empty:
            points = [_point_of(part) for part in shapely.get_parts(hits)]
            return float(np.median([self.line.project(p) for p in points])), 0.0
        near_road, near_other = shapely.shortest_line(road, other).coords
        point = shapely.Point(near_road)
        return float(self.line.project(point)), float(point.distance(shapely.Point(near_other)))


def route(geom) -> Route:
    """Order a (Multi)LineString's parts into a :class:`Route`.

    Touching parts are merged first (``shapely.line_merge``). The route starts at the
    part end farthest from the middle of all the parts (a road end), then repeatedly
    takes the part with an end nearest the current end, reversed if needed.
    """
    parts = [p for p in shapely.get_parts(shapely.line_merge(geom)) if p.length > 0]
    if not parts:
        raise ValueError("no line to make a route from")
    ends = np.array([[p.coords[0], p.coords[-1]] for p in parts])  # (n, 2 ends, xy)
    centre = shapely.get_coordinates(np.array(parts, dtype=object)).mean(axis=0)
    first, first_end = np.unravel_index(np.argmax(np.hypot(*(ends - centre).transpose(2, 0, 1))), ends.shape[:2])
    ordered = [_oriented(parts[first], reverse=bool(first_end == 1))]
    left = [i for i in range(len(parts)) if i != first]
    while left:
        tail = np.array(ordered[-1].coords[-1])
        gaps = np.hypot(*(ends[left] - tail).transpose(2, 0, 1))  # (remaining, 2)
        k, end = np.unravel_index(np.argmin(gaps), gaps.shape)
        ordered.append(_oriented(parts[left.pop(int(k))], reverse=bool(end == 1)))
    offsets, position, coords = [], 0.0, []
    for i, part in enumerate(ordered):
        if i:
            position += float(np.hypot(*(np.array(part.coords[0]) - np.array(ordered[i - 1].coords[-1]))))
        offsets.append(position)
        position += part.length
        coords.extend(part.coords)
    line = shapely.LineString(coords) if len(ordered) > 1 else ordered[0]
    return Route(parts=tuple(ordered), offsets=tuple(offsets), line=line)


def _oriented(line, reverse):
    return shapely.reverse(line) if reverse else line


def _point_of(geom):
    """A point standing for one part of an intersection (a point, or the middle of a shared stretch)."""
    if geom.geom_type == "Point":
        return geom
    if geom.geom_type in LINE_TYPES:
        return geom.interpolate(0.5, normalized=True)
    return geom.representative_point()


# --------------------------------------------------------------------------- crossings


@dataclass(frozen=True)
class Crossing:
    """Where two roads meet: the point and what tells how well it is known."""

    point: object  # shapely Point (metric)
    gap_m: float  # 0 where the lines cross; else the distance between their nearest points
    spread_m: float  # radius of the crossing points taken as this one junction
    sine: float  # sine of the angle between the roads there (1 at right angles)
    bridged_m: tuple = (0.0, 0.0)  # how wide a gap of each road it lies in, bridged straight (geo.junction_gaps)


def crossings(a, b, *, max_gap_m, spread_m, within=None):
    """The junctions of two roads: where their lines cross, or else meet nearest.

    Parameters
    ----------
    a, b : shapely (Multi)LineString
        The two roads, in metres.
    max_gap_m : float
        Lines that do not cross but come this close meet midway between their nearest
        points (a T-junction drawn short); farther apart, they do not meet.
    spread_m : float
        Crossing points this close together are one junction (a dual carriageway
        crossing another gives four), reported at their centroid.
    within : shapely geometry, optional
        Only junctions inside it count (the district and its margin, in metres).

    Returns
    -------
    list of Crossing
        One per junction, in order along ``a``; empty when the roads do not meet.
    """
    if within is not None:
        a, b = shapely.intersection(a, within), shapely.intersection(b, within)
        if a.is_empty or b.is_empty:
            return []
    hits = shapely.intersection(a, b)
    if not hits.is_empty:
        points = [_point_of(part) for part in shapely.get_parts(hits)]
        junctions = []
        for group in _clusters(points, spread_m):
            centre = shapely.centroid(shapely.MultiPoint(group))
            spread = max(centre.distance(p) for p in group)
            junctions.append(Crossing(centre, 0.0, float(spread), _sine(a, b, centre)))
        return sorted(junctions, key=lambda c: a.project(c.point))
    near_a, near_b = (shapely.Point(xy) for xy in shapely.shortest_line(a, b).coords)
    gap = near_a.distance(near_b)
    if gap > max_gap_m:
        return []
    middle = shapely.Point((near_a.x + near_b.x) / 2, (near_a.y + near_b.y) / 2)
    return [Crossing(middle, float(gap), 0.0, _sine(a, b, middle))]


def _clusters(points, distance):
    """Single-linkage groups of points closer than ``distance`` to one another."""
    groups = []
    for point in points:
        near = [g for g in groups if any(point.distance(q) <= distance for q in g)]
        merged = [point] + [q for g in near for q in g]
        groups = [g for g in groups if not any(g is n for n in near)] + [merged]
    return groups


def _direction(line, point, step=10.0):
    """Unit vector along ``line`` at its point nearest ``point``."""
    parts = shapely.get_parts(line)
    part = parts[int(np.argmin(shapely.distance(parts, point)))]
    at = part.project(point)
    p0 = part.interpolate(max(at - step, 0.0))
    p1 = part.interpolate(min(at + step, part.length))
    vector = np.array([p1.x - p0.x, p1.y - p0.y])
    norm = np.hypot(*vector)
    return vector / norm if norm > 0 else vector


def _sine(a, b, point) -> float:
    u, v = _direction(a, point), _direction(b, point)
    return float(abs(u[0] * v[1] - u[1] * v[0]))


# --------------------------------------------------------------------------- groups of nearby lines


def near_pairs(geoms, distance):
    """Index pairs ``(i, j)``, ``i < j``, of metric geometries within ``distance`` metres of each other.

    Parameters
    ----------
    geoms : sequence of shapely geometry
        In a metric CRS.
    distance : float
        Metres.

    Returns
    -------
    list of (int, int)
    """
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) < 2:
        return []
    left, right = shapely.STRtree(geoms).query(geoms, predicate="dwithin", distance=distance)
    return [(int(a), int(b)) for a, b in zip(left, right) if a < b]


def linked_groups(count, pairs):
    """Single-linkage groups of the indices ``0 .. count - 1`` joined by ``pairs``.

    Parameters
    ----------
    count : int
    pairs : iterable of (int, int)

    Returns
    -------
    list of list of int
        Each group sorted, groups in order of their first index (every index in one group).
    """
    root, join = _union_find(count)
    for a, b in pairs:
        join(a, b)
    groups = {}
    for i in range(count):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda group: group[0])


def spanning_links(count, links):
    """The links of a shortest spanning forest of the indices ``0 .. count - 1`` (Kruskal's).

    Parameters
    ----------
    count : int
    links : iterable of (float, int, int)
        (length, i, j), sorted shortest first.

    Returns
    -------
    list of (float, int, int)
        The links that join two groups not yet joined, in order.
    """
    _, join = _union_find(count)
    return [link for link in links if join(link[1], link[2])]


def _union_find(count):
    """(root, join) over the indices ``0 .. count - 1``: ``root(i)`` the representative of i's group,
    ``join(a, b)`` joins their groups (b's root the joined group's), True when they were apart."""
    parent = list(range(count))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a, b):
        top_a, top_b = root(a), root(b)
        parent[top_a] = top_b
        return top_a != top_b

    return root, join


# --------------------------------------------------------------------------- carriageways


def merge_ways(two_way, one_way, *, carriageway_m, tracks=False):
    """One road's ways as lines measured once: dual carriageways become their centre line.

    Parameters
    ----------
    two_way : list of LineString
        Ways open to both directions, in metres.
    one_way : list of LineString
        One-way ways in metres, each oriented in its driving direction.
    carriageway_m : float
        One-way chains running in opposite directions within this distance of each
        other, along at least half the shorter one, are the two carriageways of one
        road. The longer one is moved halfway towards the other (its centre line);
        the other's stretches that are not alongside (where the carriageways part
        for more than ``carriageway_m``) are kept. Then every other line of the road
        (service carriageways of its name beside the main ones, 辅道; a carriageway whose
        partner was taken; a two-way way drawn beside it; a second centre line) keeps only its stretches that do
        not run alongside a line kept before it, within ``carriageway_m`` (centre lines
        first, then the longest): a road is measured once along its course, however many
        parallel ways of its name draw it (:func:`_not_alongside`), when at least half of
        the line runs alongside (a branch of the name forking off keeps its fork). Two two-way
        lines are not measured once (the legs of a hairpin bend run side by side) unless
        ``tracks``: the tracks of a railway line.
    tracks : bool
        True for a railway: its two-way lines alongside one another (a double track, a
        metro line's two tracks) are one line too.

    Returns
    -------
    (LineString or MultiLineString, int, int)
        The merged lines (``shapely.line_merge``; parts with gaps between them stay
        separate parts), how many carriageway pairs became a centre line, and how many
        other lines ran alongside a kept one for part of their length or all of it.
    """
    chains = []
    if one_way:
        # Both carriageways joined at their ends would merge into one loop (east on one,
        # back west on the other): chains are split where they turn back.
        merged = shapely.line_merge(shapely.MultiLineString(one_way), directed=True)
        chains = [c for part in shapely.get_parts(merged) for c in _split_at_u_turns(part)]
        chains.sort(key=lambda c: -c.length)
    used = [False] * len(chains)
    centres, others, paired = [], [], 0
    for i, chain in enumerate(chains):
        if used[i]:
            continue
        used[i] = True
        zone = chain.buffer(carriageway_m)
        partners = []
        for j in range(i + 1, len(chains)):
            other = chains[j]
            if not used[j] and shapely.intersection(other, zone).length >= 0.5 * other.length \
                    and _opposite(chain, other, carriageway_m):
                partners.append(other)
                used[j] = True
        if not partners:
            others.append(chain)  # a one-way street, or a carriageway whose partner has another name
            continue
        centres.append(_centre_line(chain, shapely.union_all(partners), carriageway_m))
        paired += 1
        for other in partners:
            rest = shapely.difference(other, zone)
            others.extend(p for p in shapely.get_parts(rest) if p.length > carriageway_m)
    lines = [(line, False) for line in others]
    if two_way:
        lines += [(p, not tracks) for p in shapely.get_parts(shapely.line_merge(shapely.MultiLineString(two_way)))
                  if p.length > 0]
    # Two pairs side by side (a main carriageway paired with the far service carriageway) are one road too.
    lines = [(line, False) for line in centres] + sorted(lines, key=lambda item: (-item[0].length, item[0].wkb))
    out, alongside, both_ways = [], 0, []
    for line, two in lines:
        against = [kept for kept, kept_two in zip(out, both_ways) if not (two and kept_two)]
        rest = _not_alongside(line, against, carriageway_m, most=True) if against else [line]
        alongside += len(rest) != 1 or rest[0] is not line
        out.extend(rest)
        both_ways.extend([two] * len(rest))
    if not out:
        return shapely.LineString(), paired, alongside
    return (shapely.line_merge(shapely.MultiLineString(out)) if len(out) > 1 else out[0]), paired, alongside


def carriageways_once(lines, *, carriageway_m):
    """A road's lines that carry no direction (rows of a centreline file) with its dual carriageways
    measured once, along their centre line.

    Parameters
    ----------
    lines : list of LineString
        The road's lines in metres, joined where they meet (``shapely.line_merge``).
    carriageway_m : float
        A line of which at least half runs alongside a longer one, within this distance and
        parallel to it (:func:`_not_alongside`), is its other carriageway: the longer one is moved
        halfway towards it (:func:`_centre_line`), and only its stretches away from it are kept.
        Unlike :func:`merge_ways`, the direction is not asked: a file's rows are drawn either way.

    Returns
    -------
    (list of LineString, int)
        The lines, and how many carriageway pairs became a centre line (0: ``lines`` unchanged).
    """
    chains = [c for line in lines for c in _split_at_u_turns(line)]  # both joined at their ends: a loop
    chains.sort(key=lambda c: (-c.length, c.wkb))
    used = [False] * len(chains)
    out, paired = [], 0
    for i, chain in enumerate(chains):
        if used[i]:
            continue
        used[i] = True
        zone = chain.buffer(carriageway_m)
        partners, rests = [], []
        for j in range(i + 1, len(chains)):
            other = chains[j]
            if used[j] or shapely.intersection(other, zone).length < 0.5 * other.length:
                continue
            rest = _not_alongside(other, [chain], carriageway_m, most=True)
            if len(rest) == 1 and rest[0] is other:
                continue  # near but not alongside: a cross street of the name
            partners.append(other)
            rests.extend(p for p in rest if p.length > carriageway_m)
            used[j] = True
        if not partners:
            out.append(chain)
            continue
        out.append(_centre_line(chain, shapely.union_all(partners), carriageway_m))
        out.extend(rests)
        paired += 1
    return (out, paired) if paired else (list(lines), 0)


def measured_once(lines, distance):
    """``lines`` (in metres) with each one's stretches that run alongside a line before it, within
    ``distance``, left out (:func:`_not_alongside`): the parallel ways of one road counted once.

    Returns
    -------
    (list of LineString, int)
        The lines and stretches kept, in order, and how many lines lost a stretch or more.
    """
    out, alongside = [], 0
    for line in lines:
        rest = _not_alongside(line, out, distance) if out else [line]
        alongside += len(rest) != 1 or rest[0] is not line
        out.extend(rest)
    return out, alongside


def _not_alongside(line, kept, distance, most=False):
    """The stretches of ``line`` that do not run alongside ``kept`` (lines): ``[line]`` itself when
    none does, or, with ``most``, when less than half of it does.

    ``line`` is sampled every ``distance / 2`` metres; a sample runs alongside when it lies within
    ``distance`` of ``kept`` and moving along ``line`` moves its nearest point on ``kept`` the same way
    (parallel within 30 degrees, at least half as far): a cross street of the road's name meeting it,
    or a way going on past its end, does not run alongside it, though its end lies near."""
    step = distance / 2
    count = max(int(np.ceil(line.length / step)), 1)
    at = (np.arange(count) + 0.5) * line.length / count
    kept = shapely.MultiLineString([part for k in kept for part in shapely.get_parts(k)])
    points = shapely.line_interpolate_point(line, at)
    ahead = shapely.line_interpolate_point(line, np.minimum(at + step / 2, line.length))
    behind = shapely.line_interpolate_point(line, np.maximum(at - step / 2, 0.0))
    along = shapely.get_coordinates(ahead) - shapely.get_coordinates(behind)

    def feet(where):
        return shapely.get_coordinates(shapely.shortest_line(where, kept)).reshape(-1, 2, 2)[:, 1]

    moved = feet(ahead) - feet(behind)
    length, moved_length = np.hypot(*along.T), np.hypot(*moved.T)
    cosine = np.abs(np.einsum("ij,ij->i", along, moved)) / np.maximum(length * moved_length, 1e-12)
    beside = (shapely.distance(points, kept) <= distance) & (moved_length >= 0.5 * length) & \
        (cosine >= np.cos(np.radians(30.0)))
    if not beside.any() or (most and beside.mean() < 0.5):
        return [line]
    half = line.length / count / 2
    edges = np.diff(np.r_[False, beside, False].astype(int))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1  # runs of samples beside
    rest, position = [], 0.0
    for first, last in zip(starts, ends):
        cut_from, cut_to = max(at[first] - half, 0.0), min(at[last] + half, line.length)
        if cut_from > position:
            rest.append(substring(line, position, cut_from))
        position = cut_to
    if position < line.length:
        rest.append(substring(line, position, line.length))
    return [piece for piece in rest if piece.length > 0]


def _split_at_u_turns(line, max_turn_degrees=120.0):
    """``line`` cut at every vertex where it turns by more than ``max_turn_degrees``."""
    coords = shapely.get_coordinates(line)
    steps = np.diff(coords, axis=0)
    lengths = np.hypot(*steps.T)
    keep = lengths > 0
    coords, steps, lengths = np.vstack([coords[:1], coords[1:][keep]]), steps[keep], lengths[keep]
    if len(steps) < 2:
        return [line]
    unit = steps / lengths[:, None]
    turn_back = np.einsum("ij,ij->i", unit[:-1], unit[1:]) < np.cos(np.radians(max_turn_degrees))
    cuts = np.flatnonzero(turn_back) + 1  # vertex index where a new chain starts
    bounds = np.r_[0, cuts, len(coords) - 1]
    return [shapely.LineString(coords[i:j + 1]) for i, j in zip(bounds[:-1], bounds[1:]) if j > i]


def _opposite(a, b, distance):
    """Whether ``b`` runs against ``a`` where it is alongside it."""
    points = shapely.points(shapely.get_coordinates(shapely.segmentize(b, distance / 2)))
    alongside = points[shapely.distance(points, a) <= distance]
    if alongside.size < 2:
        return False
    positions = shapely.line_locate_point(a, alongside)
    return float(positions[-1] - positions[0]) < 0


def _centre_line(chain, others, distance):
    """``chain`` with each vertex (every ``distance / 2`` m) moved halfway to ``others`` where they are close."""
    coords = shapely.get_coordinates(shapely.segmentize(chain, distance / 2))
    nearest = shapely.get_coordinates(shapely.shortest_line(shapely.points(coords), others)).reshape(-1, 2, 2)[:, 1]
    close = np.hypot(*(nearest - coords).T) <= distance
    coords[close] = (coords[close] + nearest[close]) / 2
    return shapely.LineString(coords)
