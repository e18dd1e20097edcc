"""Tests for geo.join: allocating points, lines and polygons to zones, and writing allocations to features."""

import itertools
import re
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import GeometryCollection, LineString, MultiLineString, MultiPoint, Point, box

from geo.crs import metric_crs_for
from geo.io import InputError
from geo.join import ALLOCATION_COLUMNS, allocate_to_zones, attach_allocations
from work_counts import DistanceWork, OverlayWork

X0, Y0, D = 117.0, 36.7, 0.01  # a 2 x 2 grid of 0.01-degree cells near Jinan
METRIC_CRS = metric_crs_for(Point(X0, Y0))  # the zone allocate_to_zones measures areas of these fixtures in
GEOD = Geod(ellps="WGS84")  # lines are measured on the ellipsoid


def _geodesic_km(geoms):
    """Length in km along the ellipsoid of lon/lat lines (a GeoSeries or a list), summed."""
    return sum(GEOD.geometry_length(g) for g in geoms) / 1000.0

# Codes deliberately not in spatial order, so "smallest code" differs from "first zone".
GRID = [
    ("370105004", "甲街道", box(X0, Y0, X0 + D, Y0 + D)),  # south-west
    ("370105001", "乙街道", box(X0 + D, Y0, X0 + 2 * D, Y0 + D)),  # south-east
    ("370105003", "丙街道", box(X0, Y0 + D, X0 + D, Y0 + 2 * D)),  # north-west
    ("370105002", "丁街道", box(X0 + D, Y0 + D, X0 + 2 * D, Y0 + 2 * D)),  # north-east
]


def _zones(rows=GRID, crs="EPSG:4326"):
    return gpd.GeoDataFrame({"code": [r[0] for r in rows], "name": [r[1] for r in rows]},
                            geometry=[r[2] for r in rows], crs=crs)


def _projects(items):
    return gpd.GeoDataFrame({"id": [i for i, _ in items]}, geometry=[g for _, g in items], crs="EPSG:4326")


def _overlay_km(lines, zones, cut_crs="EPSG:4326"):
    """Independent reference: geopandas overlay cut in ``cut_crs``, pieces measured on the ellipsoid."""
    pieces = gpd.overlay(lines.to_crs(cut_crs), zones.to_crs(cut_crs), how="intersection", keep_geom_type=True)
    pieces["km"] = [_geodesic_km([g]) for g in pieces.to_crs(4326).geometry]
    return pieces.groupby(["id", "code"])["km"].sum()


def _owners(point, zones):
    """Codes of every zone that intersects ``point`` (computed without geo.join)."""
    return sorted(code for code, geom in zip(zones["code"], zones.geometry) if geom.intersects(point))


# --------------------------------------------------------------------------- points


def test_interior_points_go_to_their_zone():
    projects = _projects([("p-sw", Point(X0 + 0.003, Y0 + 0.004)), ("p-ne", Point(X0 + 0.017, Y0 + 0.012))])
    result = allocate_to_zones(projects, _zones())
    assert list(result.columns) == ALLOCATION_COLUMNS
    assert result[["id", "code", "name"]].values.tolist() == [
        ["p-ne", "370105002", "丁街道"], ["p-sw", "370105004", "甲街道"]]
    assert result["share"].tolist() == [1.0, 1.0]
    assert result["km"].isna().all() and result["area_km2"].isna().all()


def test_boundary_points_go_to_one_zone_whatever_the_order():
    edge = Point(X0 + D, Y0 + 0.004)  # on the edge between 370105004 and 370105001
    corner = Point(X0 + D, Y0 + D)  # shared by all four zones
    zones = _zones()
    assert _owners(edge, zones) == ["370105001", "370105004"]
    assert len(_owners(corner, zones)) == 4
    seen = set()
    for permutation in itertools.permutations(range(4)):
        shuffled = zones.iloc[list(permutation)]
        for items in ([("edge", edge), ("corner", corner)], [("corner", corner), ("edge", edge)]):
            result = allocate_to_zones(_projects(items), shuffled)
            seen.add(tuple(map(tuple, result[["id", "code"]].values.tolist())))
    assert seen == {(("corner", "370105001"), ("edge", "370105001"))}


def test_point_on_a_corner_of_three_zones_goes_to_the_smallest_code():
    # West zone spans both rows, so (X0 + D, Y0 + D) lies on its edge and on two corners.
    rows = [("370105009", "西", box(X0, Y0, X0 + D, Y0 + 2 * D)),
            ("370105007", "东南", box(X0 + D, Y0, X0 + 2 * D, Y0 + D)),
            ("370105008", "东北", box(X0 + D, Y0 + D, X0 + 2 * D, Y0 + 2 * D))]
    junction = Point(X0 + D, Y0 + D)
    assert _owners(junction, _zones(rows)) == ["370105007", "370105008", "370105009"]
    for permutation in itertools.permutations(rows):
        result = allocate_to_zones(_projects([("t", junction)]), _zones(list(permutation)))
        assert result["code"].tolist() == ["370105007"]


def test_point_on_a_boundary_or_corner_but_for_float_noise_goes_to_the_smallest_code():
    # Stored by another program (10 decimals, a .prj's metres turned into degrees), a point on
    # an edge or a corner lies micrometres inside one of the zones: it is still on the edge.
    noise = 1e-10  # about 10 micrometres
    items = [("edge", Point(X0 + D + noise, Y0 + 0.004)),  # on 004|001, inside 001 by noise
             ("edge-west", Point(X0 + D - noise, Y0 + 0.004)),  # inside 004 by noise
             ("corner", Point(X0 + D + noise, Y0 + D - noise)),  # corner of all four, inside 001
             ("corner-nw", Point(X0 + D - noise, Y0 + D + noise))]  # inside 003, beyond 001's envelope
    result = allocate_to_zones(_projects(items), _zones())
    assert dict(result[["id", "code"]].values.tolist()) == {
        "edge": "370105001", "edge-west": "370105001", "corner": "370105001", "corner-nw": "370105001"}
    # Farther than JOIN_SNAP_M from the edge, a point is where it is.
    inside = allocate_to_zones(_projects([("p", Point(X0 + D - 1e-6, Y0 + 0.004))]), _zones())  # 9 cm west
    assert inside["code"].tolist() == ["370105004"]


def test_outside_points_and_missing_geometries_get_no_row():
    projects = _projects([("out", Point(X0 - 0.01, Y0)), ("none", None), ("empty", Point()),
                          ("in", Point(X0 + 0.005, Y0 + 0.005))])
    result = allocate_to_zones(projects, _zones())
    assert result["id"].tolist() == ["in"]


def test_multipoint_share_is_the_fraction_of_its_parts():
    parts = MultiPoint([(X0 + 0.002, Y0 + 0.002), (X0 + 0.004, Y0 + 0.002), (X0 + 0.015, Y0 + 0.002),
                        (X0 - 0.005, Y0)])  # two in the south-west, one south-east, one outside
    result = allocate_to_zones(_projects([("m", parts)]), _zones())
    assert dict(zip(result["code"], result["share"])) == {"370105001": 0.25, "370105004": 0.5}


# --------------------------------------------------------------------------- lines


def test_line_km_split_matches_geopandas_overlay():
    lines = _projects([
        ("diagonal", LineString([(X0 + 0.001, Y0 + 0.002), (X0 + 0.019, Y0 + 0.017)])),
        ("bent", LineString([(X0 + 0.002, Y0 + 0.015), (X0 + 0.014, Y0 + 0.013), (X0 + 0.013, Y0 + 0.003)])),
        ("multi", MultiLineString([[(X0 + 0.001, Y0 + 0.001), (X0 + 0.003, Y0 + 0.018)],
                                   [(X0 + 0.012, Y0 + 0.005), (X0 + 0.018, Y0 + 0.006)]])),
        ("leaving", LineString([(X0 + 0.015, Y0 + 0.015), (X0 + 0.030, Y0 + 0.025)])),
    ])
    zones = _zones()
    result = allocate_to_zones(lines, zones).set_index(["id", "code"])
    # Cut where the data is stored (EPSG:4326), as geo.join does: equal to rounding.
    expected = _overlay_km(lines, zones)
    assert sorted(result.index) == sorted(expected.index)
    for key, km in expected.items():
        assert result.loc[key, "km"] == pytest.approx(km, rel=1e-9)
    # Cut in EPSG:4548 instead, zone edges straight in metres rather than in degrees lie
    # about a centimetre apart over a kilometre; a shallow crossing moves a little more.
    for key, km in _overlay_km(lines, zones, cut_crs=METRIC_CRS).items():
        assert result.loc[key, "km"] == pytest.approx(km, rel=1e-4, abs=1e-3)
    totals = {row.id: _geodesic_km([row.geometry]) for row in lines.itertuples()}
    for (project_id, _), row in result.iterrows():
        assert row["share"] == pytest.approx(row["km"] / totals[project_id], rel=1e-6)
    assert result["area_km2"].isna().all()


def test_line_partly_outside_keeps_only_the_inside_share():
    # From 0.01 degree west of the grid to the middle of the south-west cell: 2/3 outside.
    line = LineString([(X0 - 0.01, Y0 + 0.005), (X0 + 0.005, Y0 + 0.005)])
    result = allocate_to_zones(_projects([("road", line)]), _zones())
    assert result["code"].tolist() == ["370105004"]
    assert result["share"].iloc[0] == pytest.approx(1 / 3, rel=1e-4)
    inside = shapely.intersection(line, _zones().union_all())
    expected_km = _geodesic_km([inside])
    assert result["km"].iloc[0] == pytest.approx(expected_km, rel=1e-6)


def test_line_along_a_shared_edge_is_counted_once():
    # Up the meridian X0 + D: edge of 004|001 in the south, 003|002 in the north.
    along = LineString([(X0 + D, Y0), (X0 + D, Y0 + 2 * D)])
    # Starts outside the grid, then runs along the 004|001 edge: the partly-outside case.
    entering = LineString([(X0 + D, Y0 - 0.005), (X0 + D, Y0 + D)])
    lines = _projects([("along", along), ("entering", entering)])
    result = allocate_to_zones(lines, _zones())
    assert result[["id", "code"]].values.tolist() == [
        ["along", "370105001"], ["along", "370105002"], ["entering", "370105001"]]
    total_along = _geodesic_km([along])
    assert result.loc[result["id"] == "along", "km"].sum() == pytest.approx(total_along, rel=1e-9)
    assert result.loc[result["id"] == "entering", "share"].iloc[0] == pytest.approx(2 / 3, rel=1e-3)


def test_detailed_zones_are_not_read_whole_for_each_road_near_their_edge(monkeypatch):
    # Official 街道 with a vertex every 10 cm or so (10,000 on each side). Each road crossing their
    # shared edge was tested vertex by vertex against the whole edge, and the edge's every vertex
    # against the road; the part of a road along the edge left outside the zones was tested point
    # by point (one every JOIN_SNAP_M) against the whole zone.
    zones = _zones([(code, name, shapely.segmentize(geom, D / 10_000)) for code, name, geom in GRID[:2]])
    crossing = [(f"cross{k}", LineString([(X0 + D - 0.001, Y0 + D * (k + 0.5) / 10),
                                          (X0 + D + 0.001, Y0 + D * (k + 0.5) / 10)])) for k in range(10)]
    entering = LineString([(X0 + D, Y0 - 0.005), (X0 + D, Y0 + D)])  # outside, then along the edge
    work = DistanceWork(shapely.dwithin)
    monkeypatch.setattr(shapely, "dwithin", work)
    result = allocate_to_zones(_projects(crossing + [("entering", entering)]), zones)
    for road, _ in crossing:
        rows = result[result["id"] == road]
        assert rows["code"].tolist() == ["370105001", "370105004"]
        assert rows["share"].tolist() == pytest.approx([0.5, 0.5], rel=1e-3)
    rows = result[result["id"] == "entering"]
    assert rows["code"].tolist() == ["370105001"] and rows["share"].iloc[0] == pytest.approx(2 / 3, rel=1e-3)
    # The edge's vertices near each road, and the road along it against the edge once: in
    # proportion to the edge it runs along, not to the zones' vertices times the roads.
    assert work.vertices < 400_000, work.vertices


class _CountingTree(shapely.STRtree):
    """An STRtree that adds up in ``found`` the pairs its queries give (candidates to test)."""

    found = 0

    def query(self, geometry, predicate=None, distance=None):
        result = super().query(geometry, predicate=predicate, distance=distance)
        _CountingTree.found += result.shape[-1]
        return result


def test_a_long_road_across_detailed_zones_reads_only_the_edges_near_it(monkeypatch):
    # A 4 x 4 grid of 街道 with a vertex every 1 m or so (64,000 in all) and one road straight
    # across it, corner to corner: each zone near the road tested every vertex of its edge against
    # it, or took the vertices in the road's box, the whole grid, once per zone.
    import geo.join
    import geo.join_snap

    rows = [(f"3701050{i}{j}", f"{i}{j}街道", shapely.segmentize(box(X0 + i * D, Y0 + j * D, X0 + (i + 1) * D,
                                                                     Y0 + (j + 1) * D), D / 1000))
            for i in range(4) for j in range(4)]
    road = LineString([(X0 + 0.001, Y0 + 0.0013), (X0 + 4 * D - 0.001, Y0 + 4 * D - 0.0017)])
    work = DistanceWork(shapely.dwithin)
    monkeypatch.setattr(shapely, "dwithin", work)
    monkeypatch.setattr(_CountingTree, "found", 0)
    monkeypatch.setattr(geo.join, "STRtree", _CountingTree)
    monkeypatch.setattr(geo.join_snap, "STRtree", _CountingTree)  # the edge vertices near the road
    result = allocate_to_zones(_projects([("road", road)]), _zones(rows))
    assert result["code"].tolist() == sorted(result["code"]) and len(result) == 7
    assert result["km"].sum() == pytest.approx(_geodesic_km([road]), rel=1e-6)
    assert work.vertices < 10_000 and _CountingTree.found < 10_000, (work.vertices, _CountingTree.found)


def test_line_along_a_shared_edge_but_for_float_noise_is_counted_once():
    # The edge 004|001 as another program stored it: vertices 10 micrometres either side.
    noise = [1e-10 if i % 2 else -1e-10 for i in range(11)]
    zigzag = LineString([(X0 + D + n, Y0 + i * D / 10) for i, n in enumerate(noise)])
    west = LineString([(X0 + D - 1e-10, Y0 + i * D / 10) for i in range(11)])  # inside 004 by noise
    east = LineString([(X0 + D + 1e-10, Y0 + i * D / 10) for i in range(11)])  # inside 001 by noise
    result = allocate_to_zones(_projects([("zigzag", zigzag), ("west", west), ("east", east)]), _zones())
    assert result[["id", "code"]].values.tolist() == [
        ["east", "370105001"], ["west", "370105001"], ["zigzag", "370105001"]]
    total = _geodesic_km([zigzag])
    assert result["km"].tolist() == pytest.approx([total] * 3, rel=1e-6)
    assert result["share"].tolist() == pytest.approx([1.0] * 3, rel=1e-6)


def test_line_along_an_edge_with_vertices_between_the_edges_own_is_counted_once():
    # Heilongjiang: an edge at 129.8666...E with a vertex every 0.000995 degrees, a road along it
    # with one every 0.0005 degrees stored with 7 decimals (3 mm off): neither's vertices are the
    # other's, and the road was split half and half between the two 街道.
    edge_x = 129.0 + 2.6 / 3
    zones = _zones([("F1", "一街道", shapely.segmentize(box(129.0, 46.0, edge_x, 46.2), 0.001)),
                    ("F2", "二街道", shapely.segmentize(box(edge_x, 46.0, 130.7, 46.2), 0.001))])
    road = LineString([(round(edge_x, 7), round(y, 7)) for y in np.arange(46.02, 46.18, 0.0005)])
    result = allocate_to_zones(_projects([("road", road)]), zones)
    # Snapped to the edge's vertices, the road bends by 3 mm: a micrometre longer.
    assert result[["code", "share"]].values.tolist() == [["F1", pytest.approx(1.0, rel=1e-6)]]
    assert result["km"].iloc[0] == pytest.approx(_geodesic_km([road]), rel=1e-6)


def test_km_do_not_change_with_the_zones_crs_or_stored_decimals():
    # Two 街道 drawn in EPSG:4548 with a vertex every 100 m, as geo.boundaries reads a projected
    # file; a road along their shared edge drawn every 10 m and stored with 7 decimals.
    west, east = box(500_000, 4_060_000, 502_000, 4_062_000), box(502_000, 4_060_000, 504_000, 4_062_000)
    metric = gpd.GeoDataFrame({"code": ["J01", "J02"], "name": ["甲", "乙"]},
                              geometry=shapely.segmentize([west, east], 100), crs="EPSG:4548")
    road = shapely.segmentize(LineString([(502_000, 4_060_200), (502_000, 4_061_800)]), 10)
    across = LineString([(500_200, 4_061_000), (503_800, 4_061_000)])
    lines = gpd.GeoDataFrame({"id": ["along", "across"]}, geometry=[road, across], crs="EPSG:4548").to_crs(4326)
    lines["geometry"] = shapely.transform(lines.geometry.values, lambda coords: coords.round(7))
    for zones in (metric, metric.to_crs(4326),
                  metric.to_crs(4326).set_geometry(shapely.transform(metric.to_crs(4326).geometry.values,
                                                                     lambda coords: coords.round(7)))):
        result = allocate_to_zones(lines, zones, metric_crs="EPSG:4548")
        assert result[["id", "code"]].values.tolist() == [["across", "J01"], ["across", "J02"], ["along", "J01"]]
        assert result["km"].tolist() == pytest.approx([1.8, 1.8, 1.6], abs=1e-4)


def test_line_touching_a_zone_at_one_point_gets_no_row_there():
    # Runs in the south-west cell and ends exactly on the south-east cell's edge.
    line = LineString([(X0 + 0.002, Y0 + 0.005), (X0 + D, Y0 + 0.005)])
    result = allocate_to_zones(_projects([("r", line)]), _zones())
    assert result["code"].tolist() == ["370105004"]
    assert result["share"].iloc[0] == pytest.approx(1.0)


# --------------------------------------------------------------------------- polygons and other shapes


def test_polygon_area_share_matches_overlay():
    # 30% in the south-west cell, 70% in the south-east cell.
    park = box(X0 + 0.007, Y0 + 0.002, X0 + 0.017, Y0 + 0.006)
    projects = _projects([("park", park)])
    zones = _zones()
    result = allocate_to_zones(projects, zones).set_index("code")
    pieces = gpd.overlay(projects.to_crs(METRIC_CRS), zones.to_crs(METRIC_CRS), keep_geom_type=True)
    expected = pieces.set_index("code").area / 1e6
    total = projects.to_crs(METRIC_CRS).area.iloc[0] / 1e6
    assert sorted(result.index) == sorted(expected.index) == ["370105001", "370105004"]
    for code, area in expected.items():
        assert result.loc[code, "area_km2"] == pytest.approx(area, rel=1e-5)
        assert result.loc[code, "share"] == pytest.approx(area / total, rel=1e-5)
    assert result.loc["370105004", "share"] == pytest.approx(0.3, abs=0.01)
    assert result["km"].isna().all()


def test_polygon_where_zones_overlap_counts_once():
    # Two 街道 overlapping by 0.002 degrees (an error of the file, reported when it is read):
    # a park across the overlap counts it once, in the smaller code, like a road there.
    rows = [("370105002", "东", box(X0 + D - 0.002, Y0, X0 + 2 * D, Y0 + D)),
            ("370105001", "西", box(X0, Y0, X0 + D, Y0 + D))]
    park = box(X0 + 0.007, Y0 + 0.002, X0 + 0.017, Y0 + 0.006)
    road = LineString([(X0 + 0.002, Y0 + 0.005), (X0 + 0.018, Y0 + 0.005)])
    result = allocate_to_zones(_projects([("park", park), ("road", road)]), _zones(rows))
    park_rows = result[result["id"] == "park"].set_index("code")
    assert park_rows["share"].sum() == pytest.approx(1.0, rel=1e-9)
    assert park_rows.loc["370105001", "share"] == pytest.approx(0.3, rel=1e-3)
    assert result.loc[result["id"] == "road", "share"].sum() == pytest.approx(1.0, rel=1e-9)


def test_overlap_counts_once_for_projects_partly_outside_the_zones():
    # As above, but the road and the park also reach beyond the zones: their pieces no longer add
    # up to more than the whole, and the overlap was counted in both 街道.
    rows = [("370105002", "东", box(X0 + D - 0.002, Y0, X0 + 2 * D, Y0 + D)),
            ("370105001", "西", box(X0, Y0, X0 + D, Y0 + D))]
    road = LineString([(X0 + 0.002, Y0 + 0.005), (X0 + 0.03, Y0 + 0.005)])
    park = box(X0 + 0.007, Y0 + 0.006, X0 + 0.017, Y0 + 0.012)  # its northern third outside
    zones = _zones(rows)
    result = allocate_to_zones(_projects([("park", park), ("road", road)]), zones)
    assert not shapely.is_prepared(zones.geometry.values).any()  # prepared to measure, then left as they came
    union = shapely.union_all([r[2] for r in rows])
    road_rows = result[result["id"] == "road"]
    assert road_rows["km"].sum() == pytest.approx(_geodesic_km([road.intersection(union)]), rel=1e-6)
    park_rows = result[result["id"] == "park"]
    assert park_rows["share"].sum() == pytest.approx(park.intersection(union).area / park.area, rel=1e-3)


def test_overlapping_detailed_zones_are_cut_near_each_piece_not_unioned_whole(monkeypatch):
    # Three 街道 in a row with a vertex every metre or so (4,000 each), each overlapping the one to
    # its west by 1 m (slivers of a file's zones drawn one by one), and roads and a park across them all
    # and beyond: each such project's pieces are taken from one another, and each took from the union
    # of the whole zones before it, however little of them lay near it.
    step = D / 1000
    rows = [(f"37010500{i}", f"{i}街道", shapely.segmentize(box(X0 + i * D - (0.00001 if i else 0), Y0,
                                                                 X0 + (i + 1) * D, Y0 + D), step))
            for i in range(3)]
    zones = _zones(rows)
    roads = [(f"road{k}", LineString([(X0 + 0.002, Y0 + D * (k + 0.5) / 10), (X0 + 3 * D + 0.004, Y0 + D * (k + 1) / 10)]))
             for k in range(10)]
    park = box(X0 + 0.005, Y0 + 0.008, X0 + 2.5 * D, Y0 + 1.5 * D)  # its northern part outside
    unions, differences = OverlayWork(shapely.union), OverlayWork(shapely.difference)
    monkeypatch.setattr(shapely, "union", unions)
    monkeypatch.setattr(shapely, "difference", differences)
    result = allocate_to_zones(_projects(roads + [("park", park)]), zones)
    whole = shapely.union_all([r[2] for r in rows])
    for road, line in roads:
        rows_of = result[result["id"] == road]
        assert rows_of["code"].tolist() == ["370105000", "370105001", "370105002"]
        assert rows_of["km"].sum() == pytest.approx(_geodesic_km([line.intersection(whole)]), rel=1e-6)
    assert result.loc[result["id"] == "park", "share"].sum() == pytest.approx(
        park.intersection(whole).area / park.area, rel=1e-4)
    # The zones near each road's piece (a few vertices each), not the whole zones for every road.
    assert unions.vertices + differences.vertices < 10_000, (unions.vertices, differences.vertices)


def test_line_along_a_bent_edge_where_zones_overlap_counts_once():
    # 西's east edge bends in by 3 cm at its middle (a vertex no project has), and 东 overlaps it
    # there: a straight road from edge to edge, up to 1.2 cm outside 西 and wholly inside 东, runs
    # along 西's edge to within JOIN_SNAP_M. It is snapped onto that edge for 西's cut, not for
    # 东's, and was counted in both (shares summing to 2).
    bend = 0.03 / 111_320 / np.cos(np.radians(Y0 + D / 2))  # 3 cm in degrees of longitude
    west = shapely.Polygon([(X0, Y0), (X0 + D, Y0), (X0 + D - bend, Y0 + D / 2), (X0 + D, Y0 + D), (X0, Y0 + D)])
    rows = [("370105002", "东", box(X0 + D - 0.002, Y0, X0 + 2 * D, Y0 + D)), ("370105001", "西", west)]
    x = X0 + D - 0.6 * bend
    road = LineString([(x, Y0 + 0.3 * D), (x, Y0 + 0.7 * D)])
    result = allocate_to_zones(_projects([("road", road)]), _zones(rows))
    assert result["code"].tolist() == ["370105001"]
    assert result["share"].sum() == pytest.approx(1.0, rel=1e-6)


def test_line_along_an_edge_where_zones_overlap_and_end_counts_once():
    # A road leaving 西's east edge by 2 cm over 900 m, past a vertex of that edge (M), inside 东
    # (which overlaps 西) up to 东's end. 西's cut snaps the edge onto the road: all of it is in
    # 西. 东's piece ends where 东 does, short of M: it is no vertex of 西, and the piece stayed
    # 1 cm outside 西 for 390 m, counted again in 东 (shares summing to 1.4).
    shift = 0.02 / 111_320 / np.cos(np.radians(Y0 + D / 2))  # 2 cm in degrees of longitude
    west = shapely.Polygon([(X0, Y0), (X0 + D, Y0), (X0 + D, Y0 + D / 2), (X0 + D, Y0 + D), (X0, Y0 + D)])
    rows = [("370105002", "东", box(X0 + D - 0.002, Y0, X0 + 2 * D, Y0 + 0.45 * D)), ("370105001", "西", west)]
    road = LineString([(X0 + D, Y0 + 0.1 * D), (X0 + D + shift, Y0 + 0.9 * D)])
    result = allocate_to_zones(_projects([("road", road)]), _zones(rows))
    assert result["code"].tolist() == ["370105001"]
    assert result["share"].sum() == pytest.approx(1.0, rel=1e-6)


def test_multipolygon_zone_and_multipart_line():
    # Zone 370105005 is two separate squares with 370105006 between them.
    two_squares = shapely.union(box(X0, Y0, X0 + D, Y0 + D), box(X0 + 2 * D, Y0, X0 + 3 * D, Y0 + D))
    rows = [("370105005", "双块", two_squares), ("370105006", "中间", box(X0 + D, Y0, X0 + 2 * D, Y0 + D))]
    zones = _zones(rows)
    assert zones.geometry.iloc[0].geom_type == "MultiPolygon"
    line = MultiLineString([[(X0 + 0.005, Y0 + 0.005), (X0 + 0.015, Y0 + 0.005)],
                            [(X0 + 0.022, Y0 + 0.003), (X0 + 0.028, Y0 + 0.008)]])
    projects = _projects([("long", line)])
    result = allocate_to_zones(projects, zones).set_index("code")
    assert result.index.tolist() == ["370105005", "370105006"]  # one row per (project, zone)
    expected = _overlay_km(projects, zones)
    total = _geodesic_km(projects.geometry)
    for code in result.index:
        assert result.loc[code, "km"] == pytest.approx(expected[("long", code)], rel=1e-9)
    assert result["share"].sum() == pytest.approx(1.0)
    assert result["km"].sum() == pytest.approx(total, rel=1e-9)


def test_zones_in_a_metric_crs_are_reprojected():
    projects = _projects([("p", Point(X0 + 0.013, Y0 + 0.016)),
                          ("l", LineString([(X0 + 0.001, Y0 + 0.002), (X0 + 0.019, Y0 + 0.017)]))])
    in_degrees = allocate_to_zones(projects, _zones())
    in_metres = allocate_to_zones(projects, _zones().to_crs(METRIC_CRS))
    assert in_metres[["id", "code"]].values.tolist() == in_degrees[["id", "code"]].values.tolist()
    np.testing.assert_allclose(in_metres["km"].fillna(0), in_degrees["km"].fillna(0), rtol=1e-5)


# Four cities far from 117E: a winding 3 km street crossing two 街道 of a 2 x 1 grid.
CITIES = {"Chengdu": (104.07, 30.66), "Urumqi": (87.62, 43.83), "Harbin": (126.63, 45.75), "Sanya": (109.51, 18.25)}


def _city_grid_and_street(lon, lat):
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    # Vertices every 300 m on alternating bearings (east-north-east, east-south-east).
    coords, (x, y) = [(lon, lat)], (lon, lat)
    for i in range(10):
        x, y, _ = geod.fwd(x, y, 70 if i % 2 else 110, 300.0)
        coords.append((x, y))
    street = LineString(coords)
    x0, y0, x1, y1 = street.buffer(0.01).bounds
    mid = (x0 + x1) / 2
    zones = _zones([("1", "西街道", box(x0, y0, mid, y1)), ("2", "东街道", box(mid, y0, x1, y1))])
    return zones, street, geod.geometry_length(street)


@pytest.mark.parametrize("city", sorted(CITIES))
def test_km_agree_with_geodesic_length_anywhere_in_china(city):
    zones, street, geodesic_m = _city_grid_and_street(*CITIES[city])
    result = allocate_to_zones(_projects([("street", street)]), zones)
    assert sorted(result["code"]) == ["1", "2"]
    assert result["km"].sum() * 1000 == pytest.approx(geodesic_m, rel=1e-9)
    # Lengths are on the ellipsoid, whatever the metric CRS: 117E is 7.5 degrees from Sanya, where
    # its Gauss-Kruger zone stretches lengths by 0.5%.
    fixed = allocate_to_zones(_projects([("street", street)]), zones, metric_crs="EPSG:4548")
    assert fixed["km"].sum() * 1000 == pytest.approx(geodesic_m, rel=1e-9)


def test_km_are_true_to_the_ground_in_a_district_wider_than_its_zone():
    # 若羌县 spans 86.7-93.8E: measured in its zone (CM 90E), a road at its western edge, 3.3
    # degrees from the meridian, came out 0.13% long (4 m on a 3 km road, shown to the metre).
    zones, street, geodesic_m = _city_grid_and_street(86.75, 39.0)
    wide = _zones([("1", "西街道", zones.geometry.iloc[0]), ("2", "东街道", zones.geometry.iloc[1]),
                   ("3", "远东街道", box(93.7, 38.9, 93.8, 39.0))])
    assert metric_crs_for(wide) == "EPSG:4539"  # CGCS2000 / 3-degree Gauss-Kruger CM 90E
    result = allocate_to_zones(_projects([("street", street)]), wide)
    assert result["km"].sum() * 1000 == pytest.approx(geodesic_m, abs=0.01)


def test_degenerate_and_collection_geometries():
    projects = _projects([
        ("stub", LineString([(X0 + 0.015, Y0 + 0.005), (X0 + 0.015, Y0 + 0.005)])),  # zero length
        ("mixed", GeometryCollection([Point(X0 + 0.015, Y0 + 0.015),
                                      LineString([(X0 + 0.005, Y0 + 0.005), (X0 + 0.015, Y0 + 0.005)])])),
    ])
    result = allocate_to_zones(projects, _zones())
    assert result[["id", "code"]].values.tolist() == [
        ["mixed", "370105001"], ["mixed", "370105004"], ["stub", "370105001"]]
    mixed = result[result["id"] == "mixed"]
    assert mixed["share"].sum() == pytest.approx(1.0)  # the point part is dropped, the line split
    assert np.isnan(result.loc[result["id"] == "stub", "km"].iloc[0])


def test_result_is_sorted_and_independent_of_input_order():
    items = [("b", Point(X0 + 0.015, Y0 + 0.015)),
             ("a", LineString([(X0 + 0.001, Y0 + 0.012), (X0 + 0.019, Y0 + 0.004)])),
             ("c", box(X0 + 0.005, Y0 + 0.005, X0 + 0.015, Y0 + 0.015))]
    reference = allocate_to_zones(_projects(items), _zones())
    keys = list(zip(reference["id"], reference["code"]))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert reference["id"].value_counts().to_dict() == {"a": 3, "b": 1, "c": 4}
    rng = np.random.default_rng(7)
    for _ in range(5):
        shuffled = _projects([items[i] for i in rng.permutation(3)])
        zones = _zones().iloc[rng.permutation(4)]
        pd.testing.assert_frame_equal(allocate_to_zones(shuffled, zones), reference)


def test_empty_input_gives_an_empty_frame():
    result = allocate_to_zones(_projects([("x", None)]), _zones())
    assert list(result.columns) == ALLOCATION_COLUMNS and result.empty


@pytest.mark.parametrize("change, message", [
    (lambda p, z: (p.drop(columns="id"), z), "no 'id' column"),
    (lambda p, z: (p.assign(id=["a", "a"]), z), "ids repeat: a"),
    (lambda p, z: (p.assign(id=["a", None]), z), "have no id"),
    (lambda p, z: (p, z.set_crs(None, allow_override=True)), "no coordinate reference system"),
    (lambda p, z: (p, z.drop(columns="code")), "no 'code' column"),
    (lambda p, z: (p, z.assign(code=["1", "1", "2", "3"])), "zone codes repeat: 1"),
    (lambda p, z: (p, z.set_geometry(z.geometry.boundary)), "is not a polygon"),
])
def test_bad_input_is_an_input_error(change, message):
    projects = _projects([("a", Point(X0 + 0.005, Y0 + 0.005)), ("b", Point(X0 + 0.015, Y0 + 0.005))])
    projects, zones = change(projects, _zones())
    with pytest.raises(InputError, match=re.escape(message)):
        allocate_to_zones(projects, zones)


# --------------------------------------------------------------------------- attach_allocations


def test_attach_allocations_writes_rounded_subdistricts():
    line = LineString([(X0 + 0.001, Y0 + 0.005), (X0 + 0.019, Y0 + 0.005)])
    features = [
        {"id": "road", "properties": {"id": "road", "name": "某路"}, "geometry": line},
        {"id": "school", "properties": {"id": "school", "subdistricts": ["stale"]},
         "geometry": Point(X0 + 0.015, Y0 + 0.015)},
        {"id": "lost", "properties": {"id": "lost"}, "geometry": None},
    ]
    projects = _projects([(f["properties"]["id"], f["geometry"]) for f in features])
    allocations = allocate_to_zones(projects, _zones())
    out = attach_allocations(features, allocations)
    road = out[0]["properties"]["subdistricts"]
    assert [a["code"] for a in road] == ["370105001", "370105004"]
    raw = allocations[allocations["id"] == "road"]
    assert [a["km"] for a in road] == [round(k, 3) for k in raw["km"]]
    assert [a["share"] for a in road] == [round(s, 4) for s in raw["share"]]
    assert out[1]["properties"]["subdistricts"] == [
        {"code": "370105002", "name": "丁街道", "share": 1.0, "km": None}]
    assert out[2]["properties"]["subdistricts"] == []
    assert features[1]["properties"]["subdistricts"] == ["stale"]  # input untouched
    assert "subdistricts" not in features[0]["properties"]


# --------------------------------------------------------------------------- benchmark script


def test_bench_script_prints_ratios_at_tiny_scale():
    script = Path(__file__).resolve().parents[1] / "scripts" / "bench_join.py"
    done = subprocess.run([sys.executable, str(script), "--scale", "0.0005", "--repeat", "1"],
                          capture_output=True, text=True, timeout=120, check=True)
    ratios = dict(re.findall(r"ratio (points|lines): ours/bare = ([0-9.]+)x", done.stdout))
    assert set(ratios) == {"points", "lines"}
    assert all(float(value) > 0 for value in ratios.values())
    # Both methods place the same points and measure the same km on the same data.
    checks = re.findall(r"^\s+(points|lines)\s+(ours|bare)\s.*\s(placed [\d,]+|km [\d.]+)$", done.stdout, re.M)
    by_kind = {}
    for kind, _, check in checks:
        by_kind.setdefault(kind, set()).add(check)
    assert len(checks) == 4 and all(len(values) == 1 for values in by_kind.values())
