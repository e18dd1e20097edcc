"""Tests for geo.coverage_edges: the projects on an edge two 街道 share, where the join counted them, and lines' km."""

import numpy as np
import pytest
from shapely.geometry import LineString, MultiPoint, Point

from geo.coverage_edges import line_km, on_shared_edges
from geo.join import allocate_to_zones
from geo.settings import JOIN_SNAP_M
from join_grid import D, X0, Y0, geodesic_km, projects_frame, zones_frame

SW, SE, NW, NE = "370105004", "370105001", "370105003", "370105002"  # join_grid's codes, not in spatial order


def _projects(items):
    frame = projects_frame(items)
    frame["name"] = [f"青山{key}" for key, _ in items]
    frame["category"] = ["road_rebuild" if geom.geom_type.endswith("LineString") else "school" for _, geom in items]
    return frame


def test_a_line_along_a_shared_edge_is_given_with_its_km_and_the_zone_the_join_counted_it_in():
    # 白石路 runs 660 m along the edge of the south-west and south-east 街道, then turns west into the south-west
    # one: QGIS's Sum line lengths counts the 660 m in both, geo once, in the smaller code (south-east here).
    along = [(X0 + D, Y0 + 0.002), (X0 + D, Y0 + 0.008)]
    projects = _projects([("白石路", LineString(along + [(X0 + 0.005, Y0 + 0.008)]))])
    rows = on_shared_edges(projects, zones_frame())
    assert [(row["id"], row["kind"], row["codes"], row["counted_in"]) for row in rows] == \
        [("白石路", "line", [SE, SW], SE)]
    assert rows[0]["names"] == ["乙街道", "甲街道"] and rows[0]["counted_in_name"] == "乙街道"
    assert rows[0]["km"] == pytest.approx(geodesic_km([LineString(along)]), abs=1e-3)
    km = allocate_to_zones(projects, zones_frame()).set_index("code")["km"]
    assert km[SE] == pytest.approx(rows[0]["km"], abs=1e-3)  # what the join counted there is that stretch


def test_a_line_crossing_an_edge_or_running_beside_it_is_on_no_shared_edge():
    projects = _projects([
        ("crossing", LineString([(X0 + 0.005, Y0 + 0.005), (X0 + 0.015, Y0 + 0.005)])),
        ("beside", LineString([(X0 + D - 0.00002, Y0 + 0.002), (X0 + D - 0.00002, Y0 + 0.008)])),  # 1.8 m off
        ("outer_edge", LineString([(X0, Y0 + 0.002), (X0, Y0 + 0.008)])),  # the district's edge: one 街道's
    ])
    assert on_shared_edges(projects, zones_frame()) == []


def test_a_line_on_a_shared_edge_but_for_float_noise_is_on_it():
    noise = JOIN_SNAP_M / 100_000 / 10  # a tenth of the snap distance, in degrees
    projects = _projects([("淡水路", LineString([(X0 + D + noise, Y0 + 0.002), (X0 + D - noise, Y0 + 0.008)]))])
    rows = on_shared_edges(projects, zones_frame())
    assert [(row["codes"], row["counted_in"]) for row in rows] == [([SE, SW], SE)]
    assert rows[0]["km"] == pytest.approx(0.667, abs=2e-3)


def test_a_point_on_an_edge_or_a_corner_names_every_zone_there_and_the_one_it_counted_in():
    projects = _projects([("edge", Point(X0 + D, Y0 + 0.005)), ("corner", Point(X0 + D, Y0 + D)),
                          ("inside", Point(X0 + 0.005, Y0 + 0.005)),
                          ("two_parts", MultiPoint([(X0 + D, Y0 + 0.004), (X0 + 0.005, Y0 + 0.015)]))])
    rows = {row["id"]: row for row in on_shared_edges(projects, zones_frame())}
    assert sorted(rows) == ["corner", "edge", "two_parts"]
    assert rows["edge"]["codes"] == [SE, SW] and rows["edge"]["km"] is None and rows["edge"]["kind"] == "point"
    assert rows["corner"]["codes"] == [SE, NE, NW, SW] and rows["corner"]["counted_in"] == SE
    assert rows["two_parts"]["codes"] == [SE, SW]
    placed = allocate_to_zones(projects, zones_frame()).groupby("id")["code"].apply(list)
    assert placed["edge"] == [SE] and placed["corner"] == [SE]  # the join's rule, the one the rows state


def test_line_km_measures_lines_along_the_ellipsoid_and_nothing_else():
    line = LineString([(X0 - 0.02, Y0), (X0 - 0.01, Y0 + 0.01)])
    km = line_km(np.array([line, Point(X0, Y0), None], dtype=object), "EPSG:4326", zones_frame())
    assert km[0] == pytest.approx(round(geodesic_km([line]), 3)) and list(km[1:]) == [0.0, 0.0]
