"""Lines and areas cut at 街道 boundaries for the join: a piece per zone, what two zones share counted once."""

from __future__ import annotations

import numpy as np
import shapely
from shapely import GeometryType, STRtree

from geo.join_snap import around, snapped
from geo.settings import (JOIN_BUFFER_RUN, JOIN_BUFFER_SPACING_M, JOIN_MIN_PIECE_M, JOIN_MIN_PIECE_M2,
                          JOIN_SUM_TOLERANCE)

# shapely type ids (shapely.get_type_id) of polygons.
_POLYGON_TYPES = (GeometryType.POLYGON, GeometryType.MULTIPOLYGON)


def allocate_cut(project_index, geoms, is_polygon, zones_local, measure_of, snap):
    """Cut lines and polygons at zone boundaries; return row arrays and the degenerate projects.

    Parameters
    ----------
    project_index : numpy.ndarray of int
        The projects' row numbers, one per geometry.
    geoms : numpy.ndarray of shapely geometries
        Lines and polygons, in the CRS of ``zones_local`` (invalid polygons are repaired, on a copy).
    is_polygon : numpy.ndarray of bool
        Which of ``geoms`` are polygons.
    zones_local : numpy.ndarray of shapely geometries
        The zones' polygons sorted by code (an index is a code's rank).
    measure_of : callable
        ``measure_of(geoms, is_polygon)``: lengths and areas in metres
        (:func:`geo.join_metres.measurer`).
    snap : float or None
        How far apart a project and a zone's edge still run along each other
        (:func:`geo.join_metres.snap_distance`); None: no snapping.

    Returns
    -------
    rows : tuple of numpy.ndarray
        ``(project, zone, share, km, area_km2)``, a row per piece of positive length or area: a
        line's ``km`` and share of its length (``area_km2`` NaN), a polygon's ``area_km2`` and share
        of its area (``km`` NaN). What lies along a shared edge, or where zones overlap, counts
        once, in the zone of the smallest code.
    degenerate : numpy.ndarray of int
        The projects (``project_index`` values) of zero length or area, to place as points.
    """
    if is_polygon.any():
        polygons = geoms[is_polygon]
        invalid = ~shapely.is_valid(polygons)
        if invalid.any():
            geoms = geoms.copy()
            polygons[invalid] = shapely.make_valid(polygons[invalid], method="structure", keep_collapsed=False)
            geoms[is_polygon] = polygons
    # A line over itself (a part drawn twice, a road that doubles back) is cut into pieces that count it
    # once: so is its whole, or its shares would sum to less than its pieces (a part twice: half).
    doubled = ~is_polygon & ~shapely.is_simple(geoms)
    measured = geoms.copy() if doubled.any() else geoms
    measured[doubled] = shapely.union(geoms[doubled], geoms[doubled])
    totals = measure_of(measured, is_polygon)
    degenerate = (totals <= 0) & ~shapely.is_empty(geoms)
    # As for points, the tree holds the projects and the zones query it: a zone is
    # prepared once and tests all its candidates in one run.
    if snap:  # a line along a zone's edge but outside it by float noise is on the edge
        zone, local = STRtree(geoms).query(zones_local, predicate="dwithin", distance=snap)
    else:
        zone, local = STRtree(geoms).query(zones_local, predicate="intersects")
    keep = totals[local] > 0
    local, zone = local[keep], zone[keep]
    pair_zones, pair_geoms = zones_local[zone], geoms[local]
    if snap:
        # A stretch along a shared edge, but for float noise, is on both zones' edges exactly,
        # not zigzagging between them.
        pair_zones, pair_geoms = snapped(pair_zones, pair_geoms, zone, local, zones_local, snap)
        pair_zones = around(pair_zones, pair_geoms, snap)
    cut = shapely.intersection(pair_geoms, pair_zones)
    pair_polygon = is_polygon[local]
    measure = measure_of(cut, pair_polygon)
    measure = _dedupe_shared_edges(local, zone, cut, measure, totals, pair_zones, measure_of, pair_polygon,
                                   zones_local, snap)
    smallest = np.where(pair_polygon, JOIN_MIN_PIECE_M2, JOIN_MIN_PIECE_M)  # (a graze is no piece)
    keep = (measure > 0) & ((measure >= smallest) | (measure >= totals[local] / 2))
    local, zone, measure, pair_polygon = local[keep], zone[keep], measure[keep], pair_polygon[keep]
    share = measure / totals[local]
    km = np.where(pair_polygon, np.nan, measure / 1000.0)
    area = np.where(pair_polygon, measure / 1e6, np.nan)
    return (project_index[local], zone, share, km, area), project_index[degenerate]


def _dedupe_shared_edges(line, zone, cut, length, totals, pair_zones, measure_of, polygon, zones_local, snap=None):
    """Piece lengths (areas for ``polygon`` pairs) with what two zones share kept only in the smallest-code zone.

    Zones are closed sets, so a line lying on the edge between two zones intersects
    both along that edge, and a line or polygon where zones overlap intersects both
    there. Such a project has two or more pieces, and its pieces add up to more than
    the part of it inside the zones. For a project wholly inside the zones that is
    visible from the sums alone; only for projects cut into pieces *and* partly outside
    (a few, near the district border or a hole) is each line's piece tested against its
    zone's boundary, and each zone of their pieces against the others (do they overlap?).
    Flagged projects, rare, are then recomputed one at a time. What is left of a piece outside
    the zones before it but wholly within ``snap`` of them lies along their edge, where their own
    pieces, snapped to it (:func:`geo.join_snap.snapped`), counted it: it is not counted again (:func:`_beyond`).
    """
    positive = length > 0
    n_lines = totals.size
    pieces_per_line = np.bincount(line[positive], minlength=n_lines)
    summed = np.bincount(line, weights=length, minlength=n_lines)
    multi = pieces_per_line >= 2
    flagged = multi & (summed > totals * (1 + JOIN_SUM_TOLERANCE))
    unsure = multi & (summed < totals * (1 - JOIN_SUM_TOLERANCE))
    check = np.flatnonzero(unsure[line] & positive & ~polygon)
    if check.size:
        on_edge = shapely.length(shapely.intersection(cut[check], shapely.boundary(pair_zones[check])))
        flagged[line[check[on_edge > 0]]] = True
    check = np.flatnonzero(unsure[line] & positive)
    if check.size:
        overlapping = _overlapping(zones_local, np.unique(zone[check]))
        flagged[line[check[overlapping[zone[check]]]]] = True
    if not flagged.any():
        return length
    length = length.copy()
    pairs = np.flatnonzero(flagged[line])
    pairs = pairs[np.lexsort((zone[pairs], line[pairs]))]
    starts = np.flatnonzero(np.r_[True, line[pairs][1:] != line[pairs][:-1]])
    for group in np.split(pairs, starts[1:]):
        # In code order, each piece loses what lies in the zones before it (their shared edges).
        for number, pair in enumerate(group[1:], 1):
            claimed = _claimed(pair_zones[group[:number]], cut[pair], polygon[pair], snap)
            rest = shapely.difference(cut[pair], claimed)
            rest = _beyond(rest, claimed, snap)
            if snap and not polygon[pair] and not rest.is_empty:
                rest = _uncounted(rest, cut[group[:number]][~polygon[group[:number]]], snap)
            length[pair] = measure_of(np.array([rest], dtype=object), polygon[pair:pair + 1])[0]
    return length


# How far around a piece the zones before it are kept to take from it, in snap distances: more than one
# (what lies within snap of them is on their edge, see _beyond).
_AROUND_PIECE = 100


def _claimed(zones, piece, polygon, snap):
    """The union of ``zones`` (in code order) around ``piece`` (a polygon's when ``polygon``): as much
    of it as a difference with the piece and the distances from the piece to it (within snap) see.

    Detailed 街道 are thousands of vertices each, and a union of them is slow (and slower as it
    grows, piece after piece of a long road or a large area). Kept within ``_AROUND_PIECE`` snap
    distances of a line's piece, or of a polygon's piece's box, they are tens of vertices, the same
    there as whole. Without ``snap`` (no zones), the union of the zones as they are.
    """
    if snap and piece.is_empty:
        return shapely.Polygon()
    if not snap:
        nearby = zones
    else:
        margin = _AROUND_PIECE * snap
        if polygon:
            x0, y0, x1, y1 = piece.bounds
            around = shapely.box(x0 - margin, y0 - margin, x1 + margin, y1 + margin)
        else:
            # A piece along a detailed edge comes in thousands of parts (the edge's vertices cut it),
            # whose buffers GEOS would union one by one (36 s for 10,000): the parts merged and
            # simplified by half the margin, buffered by half as much more, hold all it held.
            outline = shapely.simplify(_merged(piece), margin / 2)
            around = shapely.buffer(outline, margin * 1.5, quad_segs=2)
        nearby = shapely.intersection(zones, around)
    claimed = None
    for near in nearby:
        if shapely.get_type_id(near) not in _POLYGON_TYPES:  # a zone meeting it at a line or a point
            parts = shapely.get_parts(near)
            near = shapely.union_all(parts[shapely.get_dimensions(parts) == 2])
        if near.is_empty:
            continue
        claimed = near if claimed is None else shapely.union(claimed, near)
    return shapely.Polygon() if claimed is None else claimed


def _merged(lines):
    """``lines`` with a MultiLineString's parts that meet end to end joined (the same points): GEOS
    buffers a MultiLineString part by part, and a line along a detailed edge is thousands of them."""
    return shapely.line_merge(lines) if shapely.get_type_id(lines) == 5 else lines


def _beyond(rest, claimed, snap):
    """The parts of ``rest`` (what is left of a piece outside ``claimed``) that are not wholly within
    ``snap`` of it: a sliver along its edge is on the edge, counted there (None: ``rest`` as it is)."""
    if not snap or rest.is_empty:
        return rest
    parts = shapely.get_parts(rest)
    far = _far_points(parts, claimed, snap) > 0
    near = np.flatnonzero(~far)
    if near.size:  # every vertex within snap: so is each segment between, point by point, or not
        far[near] = _far_points(shapely.segmentize(parts[near], snap), claimed, snap) > 0
    return shapely.union_all(parts[far]) if far.any() else shapely.GeometryCollection()


def _uncounted(rest, counted, snap):
    """What is left of a line's piece ``rest`` off its pieces ``counted`` in the zones before it, by
    more than ``snap``: a stretch lying just outside a zone (within ``snap`` of its edge) was snapped
    into it for its cut, and counted there, and the other zone's cut of the line as it was (its edge
    far) holds it too."""
    counted = counted[~shapely.is_empty(counted)]
    if not counted.size:
        return rest
    near = _line_buffer(_merged(shapely.union_all(counted)), snap)
    if not shapely.intersects(rest, near):
        return rest
    # Where it only goes on from a counted piece (their meeting point), it is within snap of it for
    # no more than snap: that is its own.
    within = shapely.get_parts(shapely.intersection(rest, near))
    within = within[shapely.get_dimensions(within) == 1]
    own = within[shapely.length(within) <= 2 * snap]
    parts = np.concatenate([shapely.get_parts(shapely.difference(rest, near)), own])
    return shapely.multilinestrings(parts[shapely.get_dimensions(parts) == 1])


def _line_buffer(lines, distance):
    """The area within ``distance`` (metres) of ``lines``; lines of more than ``JOIN_BUFFER_RUN`` vertices
    closer on average than ``JOIN_BUFFER_SPACING_M`` buffered in runs of ``JOIN_BUFFER_RUN`` vertices (each
    sharing its last with the next), unioned: the same area, in time growing with the vertices, where
    GEOS buffering a line folding back on itself within ``distance`` (a dense zig-zag) grows as their square."""
    vertices = shapely.get_num_coordinates(lines)
    if vertices <= JOIN_BUFFER_RUN or shapely.length(lines) >= JOIN_BUFFER_SPACING_M * vertices:
        return shapely.buffer(lines, distance, quad_segs=2)
    runs = []
    for part in shapely.get_parts(lines):
        coords = shapely.get_coordinates(part)
        if len(coords) < 2:
            continue
        runs += [coords[start:start + JOIN_BUFFER_RUN + 1] for start in range(0, len(coords) - 1, JOIN_BUFFER_RUN)]
    runs = np.array([shapely.LineString(run) for run in runs])
    return shapely.union_all(shapely.buffer(runs, distance, quad_segs=2))


def _far_points(geoms, other, distance):
    """How many vertices of each of ``geoms`` lie farther than ``distance`` from ``other``.

    ``other`` (zones of thousands of vertices, the pieces' vertices every ``snap``) is prepared and
    tests them all: each test is then a search of its indexed edges, not a pass over them. A zone
    of the caller's is left as it came (unprepared again).
    """
    coords, owner = shapely.get_coordinates(geoms, return_index=True)
    prepared = shapely.is_prepared(other)
    shapely.prepare(other)
    far = ~shapely.dwithin(other, shapely.points(coords), distance)
    if not prepared:
        shapely.destroy_prepared(other)
    return np.bincount(owner, weights=far, minlength=len(geoms))


def _overlapping(zones_local, candidates):
    """Which zones (a boolean per zone) among ``candidates`` overlap another zone, area on area."""
    found = np.zeros(zones_local.size, dtype=bool)
    position, other = STRtree(zones_local).query(zones_local[candidates], predicate="intersects")
    mine = candidates[position]
    candidate = np.zeros(zones_local.size, dtype=bool)
    candidate[candidates] = True
    # Two candidates are tested once, the smaller number first: touching is symmetric, and a pair of
    # detailed zones sharing an edge costs a pass over it (0.1 s at 150,000 shared vertices).
    once = (mine != other) & ~(candidate[other] & (other < mine))
    position, mine, other = position[once], mine[once], other[once]
    # Polygons' interiors meet (area on area) where they intersect and do not only touch: a prepared
    # zone (a private copy: the caller's zones may be shared) tests that faster than relate's matrix.
    own = shapely.transform(zones_local[candidates], lambda coords: coords)
    shapely.prepare(own)
    meet = ~shapely.touches(own[position], zones_local[other])
    found[mine[meet]] = True
    found[other[meet & candidate[other]]] = True
    return found
