"""Projects and 街道 snapped to each other where they run along the same edge, before the join measures them."""

from __future__ import annotations

import numpy as np
import shapely
from shapely import STRtree

from geo.join_snap_runs import Edge, maybe_in_boxes, segment_boxes, snapped_near
from geo.settings import JOIN_CLIP_VERTICES, JOIN_SEGMENT_PIECE


def snapped(zones, projects, zone, project, zones_local, snap):
    """(zones, projects) of each pair (zone ``zones_local[zone]``, project number ``project``), snapped to
    each other within ``snap``.

    The zone takes the project's vertices near its edge, then the project the zone's: their
    vertices along a stretch they share are then the same, and so are their segments. Zones
    stay valid polygons. Each takes only the other's vertices within ``snap`` of it as it was
    (:func:`_vertices_near`): GEOS inserts a vertex into a segment within ``snap`` of it, and the
    next vertex along a road crossing an edge at a shallow angle is then within ``snap`` of the
    segment moved, and so on, zipping a road that weaves a metre about a boundary onto it for
    kilometres, in one zone's cut and not in the other's.
    """
    edges = shapely.boundary(zones_local)
    shapely.prepare(edges)
    near = shapely.dwithin(edges[zone], projects, snap)
    near[near] = _along(edges, zone[near], project[near], projects[near], snap)
    if not near.any():
        return zones, projects
    zones, projects = zones.copy(), projects.copy()
    moved, close = _snapped_zones(zones[near], zone[near], projects[near],
                                  _vertices_near(projects[near], edges[zone[near]], snap), snap)
    # Snapping moves the zone near its project alone, and there alone can it make it invalid: that part
    # is tested (a 街道 of 300,000 vertices validated whole for each road that ran along it: 60 ms each).
    broken = ~shapely.is_valid(around(moved, projects[near], snap))
    moved[broken] = shapely.make_valid(moved[broken], method="structure", keep_collapsed=False)
    zones[near] = moved
    projects[near] = shapely.snap(projects[near], close, snap)
    return zones, projects


def _snapped_zones(zones, zone, projects, targets, snap):
    """(moved, close) pair by pair: ``zones[i]`` (zone number ``zone[i]``) snapped to ``targets[i]``
    within ``snap``, and the moved zone's vertices within ``snap`` of ``projects[i]``, in its order:
    what ``projects[i]`` is snapped to in turn.

    Vertices closer together than snap (an edge densified to a vertex every 2 cm) are one: with them
    GEOS's snap took over ten minutes for a zone of a million vertices, without them a quarter second.
    A zone is thinned once, not for every pair. One of more than
    :data:`geo.settings.JOIN_CLIP_VERTICES` vertices is snapped through the stretches of its edge
    near the project (:func:`geo.join_snap_runs.snapped_near`; the same zone and vertices): snapped
    whole, then scanned for the vertices near the project, it cost some 30 ms a pair at 300,000.
    """
    used, first, inverse = np.unique(zone, return_index=True, return_inverse=True)
    thinned = shapely.remove_repeated_points(zones[first], snap)
    moved, close = thinned[inverse], np.empty(len(zones), dtype=object)
    whole = np.ones(len(zones), dtype=bool)
    edges = {}
    detailed = (shapely.get_num_coordinates(moved) > JOIN_CLIP_VERTICES) & np.isin(shapely.get_type_id(moved), _AREAS)
    for pair in np.flatnonzero(detailed):
        if inverse[pair] not in edges:
            edges[inverse[pair]] = Edge(moved[pair])
        done = snapped_near(moved[pair], projects[pair], targets[pair], snap, edges[inverse[pair]])
        if done is not None:
            (moved[pair], close[pair]), whole[pair] = done, False
    if whole.any():
        moved[whole] = shapely.snap(moved[whole], targets[whole], snap)
        close[whole] = _vertices_near(moved[whole], projects[whole], snap)
    return moved, close


# How far around a project's box a detailed zone is kept for its cut, in snap distances: more than all
# that is looked at around its pieces later (join_cuts._AROUND_PIECE, and the buffer of a merged piece
# simplified by half of it: twice that at most).
_AROUND_PROJECT = 300
_AREAS = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)


def around(zones, projects, snap):
    """``zones`` (pair by pair with ``projects``) with each of more than
    :data:`geo.settings.JOIN_CLIP_VERTICES` vertices clipped to its project's box widened by
    ``_AROUND_PROJECT`` snap distances.

    Within the box a zone is the same (its vertices as they were; new ones only on the box's edges,
    farther from the project than all that is measured around its pieces), so its cut, its boundary
    and the zones claimed around a piece come out as with the whole zone; but each overlay works on
    the zone's edges near the project, not on all of a 街道 of 300,000 vertices for every road that
    crosses it (some 10 ms of GEOS a pair; the clip, a scan of the vertices, a millisecond). A clip
    GEOS makes invalid (its fast clip does not check), or no polygon (a collection of the edges it
    shares with the box), keeps the whole zone.
    """
    big = np.flatnonzero(shapely.get_num_coordinates(zones) > JOIN_CLIP_VERTICES)
    if not big.size:
        return zones
    zones = zones.copy()
    margin = _AROUND_PROJECT * snap
    for pair, (x0, y0, x1, y1) in zip(big, shapely.bounds(projects[big])):
        near = shapely.clip_by_rect(zones[pair], x0 - margin, y0 - margin, x1 + margin, y1 + margin)
        if shapely.get_type_id(near) in _AREAS and shapely.is_valid(near):
            zones[pair] = near
    return zones


def _vertices_near(geoms, others, snap):
    """For each pair, the vertices of ``geoms[i]`` within ``snap`` of ``others[i]`` (a MultiPoint,
    empty when none): what ``others[i]`` may be snapped to without wandering from where it lies."""
    coords, owner = shapely.get_coordinates(geoms, return_index=True)
    # Only a vertex in the box of its other, widened by snap, can be within snap of it: the others are
    # roads and sites, the geoms may be whole 街道 of 300,000 vertices, each made a point no more.
    bounds = shapely.bounds(others).reshape(-1, 4)
    low, high = bounds[:, :2] - snap, bounds[:, 2:] + snap
    boxed = np.flatnonzero(((coords >= low[owner]) & (coords <= high[owner])).all(axis=1))
    points = shapely.points(coords[boxed])
    close = shapely.dwithin(others[owner[boxed]], points, snap)
    found = np.full(len(geoms), shapely.MultiPoint(), dtype=object)
    if close.any():
        owners = owner[boxed][close]
        numbers = np.unique(owners)
        found[numbers] = shapely.multipoints(points[close], indices=np.searchsorted(numbers, owners))
    return found


def _along(edges, zone, project, projects, snap):
    """Which projects may run along their zone's edge (``edges[zone]``, pair by pair; ``project``
    numbers the project of each pair) for a stretch: two or more vertices of the project within ``snap``
    of the edge, two vertices following each other along the edge within ``snap`` of the project, or one
    of each. A line that only crosses the edge has none (most of the pairs near an edge), or one vertex of
    the edge at each crossing, and needs no snapping.

    The edge's vertices are counted thinned to one within twice ``snap``: those of an edge densified
    to a vertex every few centimetres, within ``snap`` of a road that crosses it, are no stretch.

    A detailed 街道 edge has thousands of vertices and a road a few: of the edges, only the vertices
    in the box of a piece of one of the project's segments, widened by ``snap``, can be near it. They
    come from a tree of the edges' vertices, each project asking once for all its zones, instead of
    testing every vertex of the edge against every project near it.
    """
    count = np.zeros(len(projects), dtype=np.int64)
    coords, owner = shapely.get_coordinates(projects, return_index=True)
    close = shapely.dwithin(edges[zone][owner], shapely.points(coords), snap)  # the edges, prepared, test
    count += np.bincount(owner[close], minlength=len(projects))
    used = np.unique(zone)
    # An edge's vertices closer together than twice snap are one: a road crossing an edge densified to
    # a vertex every few cm has two of them within snap of it, and was snapped to each 街道 it crossed,
    # whole (46 of 50 crossing roads of a 街道 of 300,000 vertices; 9 of 150,000): there, at most one.
    coords, owner = shapely.get_coordinates(shapely.remove_repeated_points(edges[used], 2 * snap), return_index=True)
    numbers, first = np.unique(project, return_index=True)
    # Wider than snap: no vertex within snap is left out by the rounding of the pieces' ends.
    piece_owner, boxes = segment_boxes(projects[first], 2 * snap, JOIN_SEGMENT_PIECE * snap)
    # Only the vertices that may lie in a box are made points (numbered as in the whole edge).
    near = maybe_in_boxes(coords, boxes)
    vertices = np.empty(len(coords), dtype=object)
    vertices[near] = shapely.points(coords[near])
    piece, vertex = STRtree(vertices[near]).query(boxes)
    vertex = near[vertex]
    # (project, zone) of each vertex found, to the pair it belongs to, if there is one.
    keys = project * len(edges) + zone
    order = np.argsort(keys, kind="stable")
    wanted = numbers[piece_owner[piece]] * len(edges) + used[owner[vertex]]
    at = np.minimum(np.searchsorted(keys, wanted, sorter=order), len(keys) - 1)
    hit = keys[order[at]] == wanted
    found = np.unique(np.column_stack([order[at][hit], vertex[hit]]), axis=0)  # a vertex in two pieces' boxes: once
    pair, vertex = found[:, 0], found[:, 1]
    close = shapely.dwithin(vertices[vertex], projects[pair], snap)
    pair, vertex = pair[close], vertex[close]  # (sorted by pair, then vertex: np.unique's rows)
    # Two of the edge's vertices count as a stretch when they follow each other along it; apart (a
    # road crossing the edge twice, near a vertex each time) they are two crossings, one vertex each.
    stretch = np.flatnonzero((pair[1:] == pair[:-1]) & (vertex[1:] == vertex[:-1] + 1))
    along = np.bincount(pair[stretch], minlength=len(projects)) > 0
    return (count >= 2) | along | ((count >= 1) & (np.bincount(pair, minlength=len(projects)) >= 1))
