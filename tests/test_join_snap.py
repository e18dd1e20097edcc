"""Projects and 街道 snapped where they run along one edge: a road crossing a densified edge is not."""

import numpy as np
import shapely

from geo.join_snap import _along

SNAP = 0.05  # metres (settings.JOIN_SNAP_M in a metric CRS)


def _edges(spacing):
    """The boundary of a 100 m square 街道 (青山街道), a vertex every ``spacing`` metres."""
    return np.array([shapely.segmentize(shapely.box(0, 0, 100, 100).boundary, spacing)], dtype=object)


def test_a_road_crossing_a_densified_edge_twice_does_not_run_along_it():
    road = shapely.LineString([(-10, 50.001), (110, 50.011)])  # 白石路, through the 街道, vertices far outside
    along = _along(_edges(0.02), np.array([0]), np.array([0]), np.array([road], dtype=object), SNAP)
    assert not along[0]  # before: the edge's vertices within 5 cm at each crossing counted as a stretch


def test_a_road_drawn_along_a_densified_edge_runs_along_it():
    road = shapely.LineString([(-10, 100.01), (40, 100.01)])  # 白石路 along the north edge for 40 m, 1 cm off it
    for spacing in (0.02, 7.0):
        along = _along(_edges(spacing), np.array([0]), np.array([0]), np.array([road], dtype=object), SNAP)
        assert along[0], spacing


def test_a_road_through_a_vertex_of_the_edge_with_one_of_its_own_on_it_still_counts():
    road = shapely.LineString([(-10, 50.0), (0.0, 50.0), (60, 30)])  # a vertex on the edge, at one of the edge's
    along = _along(_edges(10.0), np.array([0]), np.array([0]), np.array([road], dtype=object), SNAP)
    assert along[0]  # one of each, as before


class _Validated:
    """Wraps shapely.is_valid: adds up in ``vertices`` the vertices of what it tests."""

    def __init__(self, function):
        self.function, self.vertices = function, 0

    def __call__(self, geoms, **kwargs):
        self.vertices += int(np.sum(shapely.get_num_coordinates(geoms)))
        return self.function(geoms, **kwargs)


def test_a_detailed_street_block_snapped_to_a_road_is_validated_near_the_road_only(monkeypatch):
    from geo.join_snap import snapped

    # 青山街道, a 2 km square of a vertex every 10 cm (80,000), and 白石路 drawn along 40 m of its north
    # edge, 1 cm off it: the 街道 snapped to the road was validated whole (60 ms at 300,000 vertices, for
    # every road running along its edge), though it moved near the road alone.
    zone = shapely.segmentize(shapely.box(0, 0, 2000, 2000), 0.1)
    road = shapely.LineString([(500, 2000.01), (540, 2000.01)])
    zones, roads = np.array([zone], dtype=object), np.array([road], dtype=object)
    validated = _Validated(shapely.is_valid)
    monkeypatch.setattr(shapely, "is_valid", validated)
    moved, roads = snapped(zones, roads, np.array([0]), np.array([0]), zones, SNAP)
    monkeypatch.undo()
    assert validated.vertices < 5_000, validated.vertices
    assert abs(shapely.intersection(roads[0], moved[0]).length - 40) < 0.01  # on its edge: all 40 m of it


class _Snapped:
    """Wraps shapely.snap: adds up in ``vertices`` the vertices of what it moves."""

    def __init__(self, function):
        self.function, self.vertices = function, 0

    def __call__(self, geoms, reference, tolerance, **kwargs):
        self.vertices += int(np.sum(shapely.get_num_coordinates(geoms)))
        return self.function(geoms, reference, tolerance, **kwargs)


def test_a_detailed_street_block_is_snapped_to_a_road_along_its_edge_near_the_road_only(monkeypatch):
    from geo.join_snap import snapped

    # 青山街道 of a vertex every 10 cm (80,000) and 白石路 along 40 m of its north edge, 1 cm off it: the
    # whole 街道 was snapped to the road and scanned for the vertices near it (30 ms a pair at 300,000).
    zone = shapely.segmentize(shapely.box(0, 0, 2000, 2000), 0.1)
    road = shapely.LineString([(500, 2000.01), (540, 2000.01)])
    zones, roads = np.array([zone], dtype=object), np.array([road], dtype=object)
    counted = _Snapped(shapely.snap)
    monkeypatch.setattr(shapely, "snap", counted)
    moved, roads = snapped(zones, roads, np.array([0]), np.array([0]), zones, SNAP)
    monkeypatch.undo()
    assert counted.vertices < 5_000, counted.vertices
    assert abs(shapely.intersection(roads[0], moved[0]).length - 40) < 0.01
    assert abs(moved[0].area - zone.area) < 1


def _wavy_ring(cx, cy, radius, count, seed):
    t = np.linspace(0, 2 * np.pi, count, endpoint=False)
    rng = np.random.default_rng(seed)
    wave = 1 + 0.05 * sum(np.sin(j * t + rng.uniform(0, 6.3)) / j for j in range(1, 60, 7))
    ring = np.c_[cx + radius * wave * np.cos(t), cy + radius * wave * np.sin(t)]
    return np.vstack([ring, ring[:1]])


def test_a_detailed_zone_snapped_near_its_projects_is_what_the_whole_snap_gives(monkeypatch):
    import geo.join_snap
    from geo.join_snap import snapped

    # 青山街道 (a wavy ring of 30,000 vertices with a hole, a vertex every 10 cm or so) and 白石镇 (two
    # such polygons); roads weaving a few cm about their edges, crossing them at shallow angles and
    # twice, one through the rings' first vertex, and plots astride the edges.
    shell, hole = _wavy_ring(0, 0, 500, 30_000, 1), _wavy_ring(0, 0, 200, 12_000, 2)[::-1]
    zones = np.array([shapely.Polygon(shell, [hole]),
                      shapely.MultiPolygon([shapely.Polygon(_wavy_ring(1200, 0, 400, 25_000, 3)),
                                            shapely.Polygon(_wavy_ring(2100, 0, 300, 20_000, 4))])], dtype=object)
    rng = np.random.default_rng(5)
    projects = []
    for ring in (shell, hole, _wavy_ring(1200, 0, 400, 25_000, 3), _wavy_ring(2100, 0, 300, 20_000, 4)):
        for start in rng.integers(0, len(ring) - 2000, 6):
            stretch = ring[start:start + rng.integers(50, 2000):40]
            projects.append(shapely.LineString(stretch + rng.uniform(-0.04, 0.04, stretch.shape)))
        for start in rng.integers(0, len(ring) - 4000, 3):  # along two stretches far apart on the edge
            stretch = np.vstack([ring[start:start + 400:40], ring[start + 3000:start + 3400:40]])
            projects.append(shapely.LineString(stretch + rng.uniform(-0.04, 0.04, stretch.shape)))
        projects.append(shapely.LineString(ring[[5, 0, -200]] + [0.01, 0.02]))  # through the first vertex
        projects.append(shapely.LineString([ring[100] - [30, 0.5], ring[900] + [30, 0.5]]))  # across, shallow
        projects.append(shapely.Point(ring[3000]).buffer(6, quad_segs=4))  # a plot astride the edge
    projects = np.array(projects, dtype=object)
    zone, project = shapely.STRtree(projects).query(zones, predicate="dwithin", distance=SNAP)
    near = snapped(zones[zone], projects[project], zone, project, zones, SNAP)
    monkeypatch.setattr(geo.join_snap, "JOIN_CLIP_VERTICES", 10**9)  # every zone snapped whole
    whole = snapped(zones[zone], projects[project], zone, project, zones, SNAP)
    for mine, theirs in zip(near, whole):
        for a, b in zip(mine, theirs):
            assert shapely.get_type_id(a) == shapely.get_type_id(b)
            assert np.array_equal(shapely.get_coordinates(a), shapely.get_coordinates(b))


def test_only_the_edge_vertices_near_a_projects_boxes_are_made_points(monkeypatch):
    # Every vertex of a detailed edge was made a shapely point in a tree (most of _along's time at 3
    # million vertices); those a grid cell of a project's box does not reach are no candidate.
    import geo.join_snap

    made = []
    points = shapely.points
    monkeypatch.setattr(geo.join_snap.shapely, "points", lambda coords: made.append(len(coords)) or points(coords))
    road = shapely.LineString([(-10, 100.01), (40, 100.01)])  # 白石路 along 40 m of the north edge of 青山街道
    along = _along(_edges(0.02), np.array([0]), np.array([0]), np.array([road], dtype=object), SNAP)
    assert along[0]
    assert max(made) < 2_000  # of the edge's 20,000 vertices (thinned to one within 10 cm: 4,000)


def test_the_grid_keeps_every_coordinate_inside_a_box():
    from geo.join_snap_runs import maybe_in_boxes

    rng = np.random.default_rng(5)
    coords = rng.uniform(0, 100, (20_000, 2))
    coords[:50] = [[10.0, 10.0]] * 50  # on a box's corner
    low = rng.uniform(0, 95, (300, 2))
    size = np.r_[rng.uniform(0.01, 1, (290, 2)), rng.uniform(5, 40, (10, 2))]
    boxes = shapely.box(low[:, 0], low[:, 1], low[:, 0] + size[:, 0], low[:, 1] + size[:, 1])
    boxes[0] = shapely.box(9.0, 9.0, 10.0, 10.0)
    kept = maybe_in_boxes(coords, boxes)
    _, inside = shapely.STRtree(shapely.points(coords)).query(boxes)
    assert set(inside) <= set(kept) and len(kept) < len(coords)
    assert set(maybe_in_boxes(coords, boxes, most=64)) >= set(inside)  # a coarse grid keeps them too
