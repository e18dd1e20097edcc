"""A detailed 街道 snapped to a project through the stretches of its edge near the project, not whole.

GEOS's snap of a ring to a few points looks at the ring's vertices and segments within the snap
distance of each point, in the ring's order: it moves the nearest vertex to a point, or inserts the
point into the nearest segment (moving that segment's end, and the next segment's, when the point lies
beyond it). Snapped as one line, the stretches of a ring near the project, in the ring's order and
each with two segments kept beyond it, come out as they do within the whole ring; the rest of the
ring is as it was. A 街道 of 300,000 vertices was copied into a GEOS list of points and scanned for
every point of every road along its edge (6 ms a pair); the vertices near where the project lies are
enough. A stretch that would start or end at the ring's closing vertex (GEOS keeps it equal to the
first), or that GEOS might not give back as it was at its ends, leaves the pair to the whole snap.
The boxes of a project's segments that find an edge near it (:func:`segment_boxes`) serve
:mod:`geo.join_snap` too.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely import STRtree

from geo.settings import JOIN_EDGE_CHUNK, JOIN_SEGMENT_PIECE

# How far around a project the segments of an edge are taken, in snap distances: a segment GEOS may
# snap is within one snap distance of a point of the project (which lies within one of the edge).
_REACH = 3
# Segments kept beyond the first and the last taken, on each side: GEOS may move the far end of the
# segment it snaps and insert into the next one.
_PAD = 2


class Edge:
    """The rings of a zone (its polygons' shells and holes, in GEOS's order) with a tree of boxes of
    :data:`geo.settings.JOIN_EDGE_CHUNK` segments each."""

    def __init__(self, zone):
        self.zone = zone
        self.shapes = [[shapely.get_coordinates(ring) for ring in shapely.get_rings(part)]
                       for part in shapely.get_parts(zone)]
        self.rings = [ring for part in self.shapes for ring in part]
        low, high, self.first, self.ring = [], [], [], []
        for number, ring in enumerate(self.rings):
            count = len(ring) - 1
            starts = np.arange(0, count, JOIN_EDGE_CHUNK)
            start, end = ring[:-1], ring[1:]
            lo, hi = np.minimum(start, end), np.maximum(start, end)
            low.append(np.minimum.reduceat(lo, starts))
            high.append(np.maximum.reduceat(hi, starts))
            self.first.append(starts)
            self.ring.append(np.full(len(starts), number))
        self.first, self.ring = np.concatenate(self.first), np.concatenate(self.ring)
        low, high = np.vstack(low), np.vstack(high)
        self.tree = STRtree(shapely.box(low[:, 0], low[:, 1], high[:, 0], high[:, 1]))

    def near(self, boxes):
        """{ring number: sorted numbers of the ring's segments whose box meets one of ``boxes``}."""
        bounds = shapely.bounds(boxes)
        piece, chunk = self.tree.query(boxes)
        found = {}
        for number in np.unique(self.ring[chunk]):
            ring = self.rings[number]
            mine = self.ring[chunk] == number
            segment = (self.first[chunk[mine]][:, None] + np.arange(JOIN_EDGE_CHUNK)).ravel()
            box = np.repeat(bounds[piece[mine]], JOIN_EDGE_CHUNK, axis=0)
            inside = segment < len(ring) - 1
            segment, box = segment[inside], box[inside]
            start, end = ring[segment], ring[segment + 1]
            lo, hi = np.minimum(start, end), np.maximum(start, end)
            meets = ((lo <= box[:, 2:]) & (hi >= box[:, :2])).all(axis=1)
            if meets.any():
                found[number] = np.unique(segment[meets])
        return found


def snapped_near(zone, project, targets, snap, edge=None):
    """(moved, close): ``zone`` snapped to ``targets`` (a MultiPoint) within ``snap``, and the vertices
    of the moved zone within ``snap`` of ``project``, in its order (a MultiPoint), as
    ``shapely.snap`` of the whole zone gives them; None when the stretches near ``project`` cannot
    stand for the whole ring (see the module's note). ``edge``: the zone's :class:`Edge`, if made."""
    edge = edge or Edge(zone)
    _, boxes = segment_boxes(np.array([project], dtype=object), _REACH * snap, JOIN_SEGMENT_PIECE * snap)
    near = edge.near(boxes)
    if not near:
        return zone, shapely.MultiPoint()
    new_rings, close = list(edge.rings), []
    for number, segments in near.items():
        ring = edge.rings[number]
        runs = _runs(ring, segments, targets, snap)
        if runs is None:
            return None
        out = _snapped_runs(ring, runs, targets, snap)
        if out is None:
            return None
        new_rings[number] = _spliced(ring, runs, out)
        done = np.concatenate(out)
        close.append(done[shapely.dwithin(project, shapely.points(done), snap)])
    moved = _rebuilt(edge, new_rings) if not shapely.is_empty(targets) else zone
    close = np.concatenate(close)
    return moved, shapely.multipoints(close) if len(close) else shapely.MultiPoint()


def _spliced(ring, runs, out):
    """``ring`` (coordinates) with its stretches ``runs`` (first, last vertex) now ``out``."""
    pieces, last = [], 0
    for (first, end), moved in zip(runs, out):
        pieces += [ring[last:first], moved]
        last = end + 1
    return np.concatenate(pieces + [ring[last:]])


def _runs(ring, segments, targets, snap):
    """[(first, last vertex)]: the stretches of ``ring`` holding ``segments`` (sorted), ``_PAD``
    segments kept beyond each. Snapped as one line, the segment joining two stretches must be no
    segment GEOS would snap a point of ``targets`` to: where it comes within twice ``snap`` of one,
    the two stretches are one. None when a stretch would reach the ring's first or closing vertex."""
    gap = np.flatnonzero(np.diff(segments) > 2 * _PAD + 1)
    starts = np.r_[segments[0], segments[gap + 1]] - _PAD
    ends = np.r_[segments[gap], segments[-1]] + _PAD + 1
    if starts[0] < 1 or ends[-1] > len(ring) - 2:
        return None
    apart = np.ones(0, dtype=bool)
    if len(starts) > 1:
        joins = shapely.linestrings(np.stack([ring[ends[:-1]], ring[starts[1:]]], axis=1))
        apart = ~shapely.dwithin(joins, targets, 2 * snap)
    keep = np.r_[True, apart]
    return list(zip(starts[keep], np.r_[ends[:-1][apart], ends[-1]]))


def _snapped_runs(ring, runs, targets, snap):
    """The stretches ``runs`` of ``ring``, snapped to ``targets`` as one line in the ring's order, each
    given back as a coordinate array; None when a stretch's two first vertices are not found again."""
    parts = [ring[a:b + 1] for a, b in runs]
    if shapely.is_empty(targets):
        return parts
    line = np.concatenate(parts)
    if (line[0] == line[-1]).all():  # (GEOS would take it for a ring)
        return None
    out = shapely.get_coordinates(shapely.snap(shapely.linestrings(line), targets, snap))
    starts = [0]
    for part in parts[1:]:
        # A stretch's two first vertices are far from the project: as they were, and nothing between.
        at = np.flatnonzero((out[starts[-1]:-1] == part[0]).all(axis=1) & (out[starts[-1] + 1:] == part[1]).all(axis=1))
        if not at.size:
            return None
        starts.append(starts[-1] + int(at[0]))
    bounds = starts + [len(out)]
    return [out[bounds[k]:bounds[k + 1]] for k in range(len(parts))]


def _rebuilt(edge, rings):
    """The zone of ``edge`` with its rings now ``rings`` (in the same order): a Polygon or a
    MultiPolygon as it was."""
    polygons, at = [], 0
    for part in edge.shapes:
        shell, holes = rings[at], rings[at + 1:at + len(part)]
        polygons.append(shapely.Polygon(shell, holes))
        at += len(part)
    if shapely.get_type_id(edge.zone) == shapely.GeometryType.MULTIPOLYGON:
        return shapely.MultiPolygon(polygons)
    return polygons[0]


def segment_boxes(geoms, margin, longest):
    """(owner, boxes): the box of every segment of the lines among ``geoms`` (cut to pieces no longer
    than ``longest``: a long diagonal segment's box holds much that lies far from it), of every
    geometry of a single vertex and of every polygon whole (a point inside it is near it), widened
    by ``margin`` (more than the rounding of the cuts); ``owner`` gives the index in ``geoms``."""
    area = shapely.get_dimensions(geoms) == 2
    parts, part_owner = shapely.get_parts(np.where(area, None, geoms), return_index=True)
    parts = shapely.segmentize(parts, longest)
    coords, index = shapely.get_coordinates(parts, return_index=True)
    same = index[1:] == index[:-1]
    start, end = coords[:-1][same], coords[1:][same]
    single = np.flatnonzero(shapely.get_num_coordinates(parts) == 1)
    first = np.searchsorted(index, single)
    polygons = np.flatnonzero(area)
    bounds = shapely.bounds(geoms[polygons]).reshape(-1, 4)
    low = np.vstack([np.minimum(start, end), coords[first], bounds[:, :2]]) - margin
    high = np.vstack([np.maximum(start, end), coords[first], bounds[:, 2:]]) + margin
    owner = np.concatenate([part_owner[index[:-1][same]], part_owner[single], polygons])
    return owner, shapely.box(low[:, 0], low[:, 1], high[:, 0], high[:, 1])


def maybe_in_boxes(coords, boxes, most=None):
    """Indices (ascending) of the rows of ``coords`` (x, y) that may lie in one of ``boxes``: every one that
    does, and some near them, told with numpy alone (an edge of a million vertices made into shapely
    points and a tree of them cost most of the time of :func:`geo.join_snap._along`).

    The cells of a grid (a boolean array) that a box's extent reaches are marked; a coordinate is kept
    when its cell is. Its cell and a box's come from one rounding down, monotonic, so a coordinate within
    a box is never left out. The cells are as small as a typical box, made coarser until the grid and
    the boxes' cells number at most ``most`` (default: as many as the coordinates, at least 2**20).

    Parameters
    ----------
    coords : numpy.ndarray
        The (x, y) coordinates, one row each.
    boxes : numpy.ndarray of shapely.Polygon
        The boxes.
    most : int, optional
        The most cells the grid and the boxes' cells may number.

    Returns
    -------
    numpy.ndarray of intp
        The rows' indices, ascending.
    """
    bounds = shapely.bounds(boxes).reshape(-1, 4)
    if not len(coords) or not len(bounds):
        return np.zeros(0, dtype=np.intp)
    low, high = bounds[:, :2].min(axis=0), bounds[:, 2:].max(axis=0)
    inside = np.flatnonzero(((coords >= low) & (coords <= high)).all(axis=1))
    sides = np.concatenate([bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]])
    cell = float(np.median(sides[sides > 0])) if (sides > 0).any() else float(max(high - low)) or 1.0
    most = most or max(len(coords), 1 << 20)
    while True:
        first = np.floor((bounds[:, :2] - low) / cell).astype(np.int64)
        spans = np.floor((bounds[:, 2:] - low) / cell).astype(np.int64) - first + 1
        shape = np.floor((high - low) / cell).astype(np.int64) + 1
        counts = spans[:, 0] * spans[:, 1]
        if (counts.sum() <= most and shape[0] * shape[1] <= most) or (shape == 1).all():
            break  # (a grid of one cell: every coordinate inside the boxes' extent kept)
        cell *= 2
    box = np.repeat(np.arange(len(bounds)), counts)
    step = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    grid = np.zeros(tuple(shape), dtype=bool)
    grid[first[box, 0] + step // spans[box, 1], first[box, 1] + step % spans[box, 1]] = True
    cells = np.floor((coords[inside] - low) / cell).astype(np.int64)
    return inside[grid[cells[:, 0], cells[:, 1]]]
