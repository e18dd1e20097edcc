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
