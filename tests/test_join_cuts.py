"""Tests for geo.join_cuts: lines and polygons cut at zone boundaries, what zones share counted once."""

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, MultiLineString, box

from geo.join import allocate_to_zones
from join_grid import D, GRID, METRIC_CRS, X0, Y0, geodesic_km, overlay_km, projects_frame, zones_frame
from work_counts import DistanceWork, OverlayWork


def test_line_km_split_matches_geopandas_overlay():
    lines = projects_frame([
        ("diagonal", LineString([(X0 + 0.001, Y0 + 0.002), (X0 + 0.019, Y0 + 0.017)])),
        ("bent", LineString([(X0 + 0.002, Y0 + 0.015), (X0 + 0.014, Y0 + 0.013), (X0 + 0.013, Y0 + 0.003)])),
        ("multi", MultiLineString([[(X0 + 0.001, Y0 + 0.001), (X0 + 0.003, Y0 + 0.018)],
                                   [(X0 + 0.012, Y0 + 0.005), (X0 + 0.018, Y0 + 0.006)]])),
        ("leaving", LineString([(X0 + 0.015, Y0 + 0.015), (X0 + 0.030, Y0 + 0.025)])),
    ])
    zones = zones_frame()
    result = allocate_to_zones(lines, zones).set_index(["id", "code"])
    # Cut where the data is stored (EPSG:4326), as geo.join does: equal to rounding.
    expected = overlay_km(lines, zones)
    assert sorted(result.index) == sorted(expected.index)
    for key, km in expected.items():
        assert result.loc[key, "km"] == pytest.approx(km, rel=1e-9)
    # Cut in EPSG:4548 instead, zone edges straight in metres rather than in degrees lie
    # about a centimetre apart over a kilometre; a shallow crossing moves a little more.
    for key, km in overlay_km(lines, zones, cut_crs=METRIC_CRS).items():
        assert result.loc[key, "km"] == pytest.approx(km, rel=1e-4, abs=1e-3)
    totals = {row.id: geodesic_km([row.geometry]) for row in lines.itertuples()}
    for (project_id, _), row in result.iterrows():
        assert row["share"] == pytest.approx(row["km"] / totals[project_id], rel=1e-6)
    assert result["area_km2"].isna().all()


def test_line_partly_outside_keeps_only_the_inside_share():
    # From 0.01 degree west of the grid to the middle of the south-west cell: 2/3 outside.
    line = LineString([(X0 - 0.01, Y0 + 0.005), (X0 + 0.005, Y0 + 0.005)])
    result = allocate_to_zones(projects_frame([("road", line)]), zones_frame())
    assert result["code"].tolist() == ["370105004"]
    assert result["share"].iloc[0] == pytest.approx(1 / 3, rel=1e-4)
    inside = shapely.intersection(line, zones_frame().union_all())
    expected_km = geodesic_km([inside])
    assert result["km"].iloc[0] == pytest.approx(expected_km, rel=1e-6)


def test_a_line_drawn_over_itself_is_measured_once_and_its_shares_sum_to_one():
    # A road of a gazetteer drawn twice in one MultiLineString (features merged in QGIS), or a
    # LineString that doubles back over itself: its km per 街道 counted it once, its length twice,
    # so its shares summed to 0.5 (as if half of it lay outside the district).
    once = LineString([(X0 + 0.002, Y0 + 0.005), (X0 + 0.018, Y0 + 0.006)])
    lines = projects_frame([("once", once), ("twice", MultiLineString([once, once])),
                            ("back", LineString(list(once.coords) + [once.coords[0]]))])
    result = allocate_to_zones(lines, zones_frame()).set_index(["id", "code"])
    for project in ("twice", "back"):
        assert result.loc[project, "share"].sum() == pytest.approx(1.0, rel=1e-9)
        for code in ("370105004", "370105001"):
            assert result.loc[(project, code), "km"] == pytest.approx(result.loc[("once", code), "km"], rel=1e-9)
            assert result.loc[(project, code), "share"] == pytest.approx(result.loc[("once", code), "share"], rel=1e-9)


def test_line_along_a_shared_edge_is_counted_once():
    # Up the meridian X0 + D: edge of 004|001 in the south, 003|002 in the north.
    along = LineString([(X0 + D, Y0), (X0 + D, Y0 + 2 * D)])
    # Starts outside the grid, then runs along the 004|001 edge: the partly-outside case.
    entering = LineString([(X0 + D, Y0 - 0.005), (X0 + D, Y0 + D)])
    lines = projects_frame([("along", along), ("entering", entering)])
    result = allocate_to_zones(lines, zones_frame())
    assert result[["id", "code"]].values.tolist() == [
        ["along", "370105001"], ["along", "370105002"], ["entering", "370105001"]]
    total_along = geodesic_km([along])
    assert result.loc[result["id"] == "along", "km"].sum() == pytest.approx(total_along, rel=1e-9)
    assert result.loc[result["id"] == "entering", "share"].iloc[0] == pytest.approx(2 / 3, rel=1e-3)


def test_detailed_zones_are_not_read_whole_for_each_road_near_their_edge(monkeypatch):
    # Official 街道 with a vertex every 10 cm or so (10,000 on each side). Each road crossing their
    # shared edge was tested vertex by vertex against the whole edge, and the edge's every vertex
    # against the road; the part of a road along the edge left outside the zones was tested point
    # by point (one every JOIN_SNAP_M) against the whole zone.
    zones = zones_frame([(code, name, shapely.segmentize(geom, D / 10_000)) for code, name, geom in GRID[:2]])
    crossing = [(f"cross{k}", LineString([(X0 + D - 0.001, Y0 + D * (k + 0.5) / 10),
                                          (X0 + D + 0.001, Y0 + D * (k + 0.5) / 10)])) for k in range(10)]
    entering = LineString([(X0 + D, Y0 - 0.005), (X0 + D, Y0 + D)])  # outside, then along the edge
    work = DistanceWork(shapely.dwithin)
    monkeypatch.setattr(shapely, "dwithin", work)
    buffered = []  # how many parts each buffer is given: GEOS unions their buffers one by one
    buffer = shapely.buffer
    monkeypatch.setattr(shapely, "buffer", lambda geometry, *args, **kwargs: (
        buffered.append(int(shapely.get_num_geometries(geometry))), buffer(geometry, *args, **kwargs))[1])
    result = allocate_to_zones(projects_frame(crossing + [("entering", entering)]), zones)
    for road, _ in crossing:
        rows = result[result["id"] == road]
        assert rows["code"].tolist() == ["370105001", "370105004"]
        assert rows["share"].tolist() == pytest.approx([0.5, 0.5], rel=1e-3)
    rows = result[result["id"] == "entering"]
    assert rows["code"].tolist() == ["370105001"] and rows["share"].iloc[0] == pytest.approx(2 / 3, rel=1e-3)
    # The edge's vertices near each road, and the road along it against the edge once: in
    # proportion to the edge it runs along, not to the zones' vertices times the roads.
    assert work.vertices < 400_000, work.vertices
    # The road along the edge is cut there into 10,000 parts; the zones around it are found from
    # them merged (their buffers one by one took 36 s).
    assert max(buffered) < 100, max(buffered)


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
    import geo.join_cuts
    import geo.join_snap

    rows = [(f"3701050{i}{j}", f"{i}{j}街道", shapely.segmentize(box(X0 + i * D, Y0 + j * D, X0 + (i + 1) * D,
                                                                     Y0 + (j + 1) * D), D / 1000))
            for i in range(4) for j in range(4)]
    road = LineString([(X0 + 0.001, Y0 + 0.0013), (X0 + 4 * D - 0.001, Y0 + 4 * D - 0.0017)])
    work = DistanceWork(shapely.dwithin)
    monkeypatch.setattr(shapely, "dwithin", work)
    monkeypatch.setattr(_CountingTree, "found", 0)
    monkeypatch.setattr(geo.join_cuts, "STRtree", _CountingTree)
    monkeypatch.setattr(geo.join_snap, "STRtree", _CountingTree)  # the edge vertices near the road
    result = allocate_to_zones(projects_frame([("road", road)]), zones_frame(rows))
    assert result["code"].tolist() == sorted(result["code"]) and len(result) == 7
    assert result["km"].sum() == pytest.approx(geodesic_km([road]), rel=1e-6)
    assert work.vertices < 10_000 and _CountingTree.found < 10_000, (work.vertices, _CountingTree.found)


def test_line_along_a_shared_edge_but_for_float_noise_is_counted_once():
    # The edge 004|001 as another program stored it: vertices 10 micrometres either side.
    noise = [1e-10 if i % 2 else -1e-10 for i in range(11)]
    zigzag = LineString([(X0 + D + n, Y0 + i * D / 10) for i, n in enumerate(noise)])
    west = LineString([(X0 + D - 1e-10, Y0 + i * D / 10) for i in range(11)])  # inside 004 by noise
    east = LineString([(X0 + D + 1e-10, Y0 + i * D / 10) for i in range(11)])  # inside 001 by noise
    result = allocate_to_zones(projects_frame([("zigzag", zigzag), ("west", west), ("east", east)]), zones_frame())
    assert result[["id", "code"]].values.tolist() == [
        ["east", "370105001"], ["west", "370105001"], ["zigzag", "370105001"]]
    total = geodesic_km([zigzag])
    assert result["km"].tolist() == pytest.approx([total] * 3, rel=1e-6)
    assert result["share"].tolist() == pytest.approx([1.0] * 3, rel=1e-6)


def test_line_along_an_edge_with_vertices_between_the_edges_own_is_counted_once():
    # Heilongjiang: an edge at 129.8666...E with a vertex every 0.000995 degrees, a road along it
    # with one every 0.0005 degrees stored with 7 decimals (3 mm off): neither's vertices are the
    # other's, and the road was split half and half between the two 街道.
    edge_x = 129.0 + 2.6 / 3
    zones = zones_frame([("F1", "一街道", shapely.segmentize(box(129.0, 46.0, edge_x, 46.2), 0.001)),
                    ("F2", "二街道", shapely.segmentize(box(edge_x, 46.0, 130.7, 46.2), 0.001))])
    road = LineString([(round(edge_x, 7), round(y, 7)) for y in np.arange(46.02, 46.18, 0.0005)])
    result = allocate_to_zones(projects_frame([("road", road)]), zones)
    # Snapped to the edge's vertices, the road bends by 3 mm: a micrometre longer.
    assert result[["code", "share"]].values.tolist() == [["F1", pytest.approx(1.0, rel=1e-6)]]
    assert result["km"].iloc[0] == pytest.approx(geodesic_km([road]), rel=1e-6)


def test_line_touching_a_zone_at_one_point_gets_no_row_there():
    # Runs in the south-west cell and ends exactly on the south-east cell's edge.
    line = LineString([(X0 + 0.002, Y0 + 0.005), (X0 + D, Y0 + 0.005)])
    result = allocate_to_zones(projects_frame([("r", line)]), zones_frame())
    assert result["code"].tolist() == ["370105004"]
    assert result["share"].iloc[0] == pytest.approx(1.0)


# --------------------------------------------------------------------------- polygons


def test_polygon_area_share_matches_overlay():
    # 30% in the south-west cell, 70% in the south-east cell.
    park = box(X0 + 0.007, Y0 + 0.002, X0 + 0.017, Y0 + 0.006)
    projects = projects_frame([("park", park)])
    zones = zones_frame()
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
    result = allocate_to_zones(projects_frame([("park", park), ("road", road)]), zones_frame(rows))
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
    zones = zones_frame(rows)
    result = allocate_to_zones(projects_frame([("park", park), ("road", road)]), zones)
    assert not shapely.is_prepared(zones.geometry.values).any()  # prepared to measure, then left as they came
    union = shapely.union_all([r[2] for r in rows])
    road_rows = result[result["id"] == "road"]
    assert road_rows["km"].sum() == pytest.approx(geodesic_km([road.intersection(union)]), rel=1e-6)
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
    zones = zones_frame(rows)
    roads = [(f"road{k}", LineString([(X0 + 0.002, Y0 + D * (k + 0.5) / 10), (X0 + 3 * D + 0.004, Y0 + D * (k + 1) / 10)]))
             for k in range(10)]
    park = box(X0 + 0.005, Y0 + 0.008, X0 + 2.5 * D, Y0 + 1.5 * D)  # its northern part outside
    unions, differences = OverlayWork(shapely.union), OverlayWork(shapely.difference)
    monkeypatch.setattr(shapely, "union", unions)
    monkeypatch.setattr(shapely, "difference", differences)
    result = allocate_to_zones(projects_frame(roads + [("park", park)]), zones)
    whole = shapely.union_all([r[2] for r in rows])
    for road, line in roads:
        rows_of = result[result["id"] == road]
        assert rows_of["code"].tolist() == ["370105000", "370105001", "370105002"]
        assert rows_of["km"].sum() == pytest.approx(geodesic_km([line.intersection(whole)]), rel=1e-6)
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
    result = allocate_to_zones(projects_frame([("road", road)]), zones_frame(rows))
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
    result = allocate_to_zones(projects_frame([("road", road)]), zones_frame(rows))
    assert result["code"].tolist() == ["370105001"]
    assert result["share"].sum() == pytest.approx(1.0, rel=1e-6)


def test_multipolygon_zone_and_multipart_line():
    # Zone 370105005 is two separate squares with 370105006 between them.
    two_squares = shapely.union(box(X0, Y0, X0 + D, Y0 + D), box(X0 + 2 * D, Y0, X0 + 3 * D, Y0 + D))
    rows = [("370105005", "双块", two_squares), ("370105006", "中间", box(X0 + D, Y0, X0 + 2 * D, Y0 + D))]
    zones = zones_frame(rows)
    assert zones.geometry.iloc[0].geom_type == "MultiPolygon"
    line = MultiLineString([[(X0 + 0.005, Y0 + 0.005), (X0 + 0.015, Y0 + 0.005)],
                            [(X0 + 0.022, Y0 + 0.003), (X0 + 0.028, Y0 + 0.008)]])
    projects = projects_frame([("long", line)])
    result = allocate_to_zones(projects, zones).set_index("code")
    assert result.index.tolist() == ["370105005", "370105006"]  # one row per (project, zone)
    expected = overlay_km(projects, zones)
    total = geodesic_km(projects.geometry)
    for code in result.index:
        assert result.loc[code, "km"] == pytest.approx(expected[("long", code)], rel=1e-9)
    assert result["share"].sum() == pytest.approx(1.0)
    assert result["km"].sum() == pytest.approx(total, rel=1e-9)


def test_a_road_grazing_a_zone_by_less_than_half_a_metre_is_not_counted_there():
    # a road ending 0.2 m into the next 街道 (a corner cut, a clip's float residue): '1 project, 0.000 km'
    # there said nothing true; it is the first 街道's road
    grid_east = X0 + D  # the boundary between the two western and the two eastern cells
    into = 0.2 / 90_000  # 0.2 m in degrees of longitude near 36.7°N
    road = LineString([(X0 + 0.002, Y0 + 0.005), (grid_east + into, Y0 + 0.005)])
    result = allocate_to_zones(projects_frame([("road", road)]), zones_frame())
    assert result["code"].tolist() == ["370105004"]
    assert result["share"].iloc[0] == pytest.approx(1.0, abs=1e-3)  # (the 0.2 m graze is dropped)


def _township_pair(overlap_m=0.0):
    """Two 乡镇 of 10 km north-south in EPSG:4545 metres (雷山县), their edges a vertex every 100 m as a
    file in Gauss-Kruger is read (PROJECTED_EDGE_STEP_M), the western one ``overlap_m`` into the eastern."""
    x0, y0 = 510_000.0, 2_910_000.0
    west = box(x0, y0, x0 + 5000 + overlap_m, y0 + 10_000)
    east = box(x0 + 5000, y0, x0 + 10_000, y0 + 10_000)
    rows = [("522634102", "永乐镇", shapely.segmentize(west, 100)), ("522634103", "郎德镇", shapely.segmentize(east, 100))]
    return zones_frame(rows, crs="EPSG:4545").to_crs(4326), x0 + 5000, y0


def test_a_road_weaving_about_a_township_boundary_is_split_where_it_crosses_not_counted_twice():
    # A 乡道 that is the boundary between two 乡镇, digitised apart from it: 0.7 m west of it at one
    # end, 0.7 m east at the other, crossing it half-way. Near the crossing it lies within JOIN_SNAP_M
    # of the edge's vertices; each one snapped in brought the next within reach, zipping the road
    # onto the edge for kilometres in the western 乡镇's cut only: 8.7 + 4.7 km of a 10 km road.
    zones, edge_x, y0 = _township_pair()
    road = projects_frame([("road", LineString([(edge_x - 0.7, y0), (edge_x + 0.7, y0 + 10_000)]))])
    road = road.set_crs(4545, allow_override=True).to_crs(4326)
    result = allocate_to_zones(road, zones).set_index("code")
    assert result["share"].sum() == pytest.approx(1.0, abs=1e-5)
    # Half in each, but for the stretch within JOIN_SNAP_M of the edge (counted in the smaller code).
    assert result.loc["522634102", "km"] == pytest.approx(5.0, abs=0.4)
    assert result.loc["522634103", "km"] == pytest.approx(5.0, abs=0.4)


def test_a_road_weaving_about_the_edge_of_an_overlap_between_townships_counts_once():
    # The western 乡镇 drawn 2 m into the eastern (a real 1-5 m overlap); the road runs in the overlap
    # for its southern half, then leaves it across the western 乡镇's edge at a shallow angle. What lies
    # in the overlap counts in the smaller code; the road was counted 13.7 km of 10.
    zones, edge_x, y0 = _township_pair(overlap_m=2.0)
    road = projects_frame([("road", LineString([(edge_x + 1.3, y0), (edge_x + 2.7, y0 + 10_000)]))])
    road = road.set_crs(4545, allow_override=True).to_crs(4326)
    result = allocate_to_zones(road, zones).set_index("code")
    assert result["share"].sum() == pytest.approx(1.0, abs=1e-5)
    assert result.loc["522634102", "km"] == pytest.approx(5.0, abs=0.4)


def test_a_zone_densified_to_centimetres_is_snapped_with_its_vertices_a_snap_apart(monkeypatch):
    # An edge with a vertex every 2 cm (ArcGIS's Densify, an arc stroked finely): GEOS's snap of a
    # million such vertices to a road along the edge ran for over ten minutes (a quarter second
    # once the vertices closer than the snap distance are one), and counted the road six times over
    # (shares summing to 6.0). It counts once now, to within 4 cm of its 666 m.
    cell = shapely.segmentize(box(X0, Y0, X0 + D, Y0 + D), 0.02 / 111_320)
    rows = [("370105001", "西", cell), ("370105002", "东", box(X0 + D, Y0, X0 + 2 * D, Y0 + D))]
    road = LineString([(X0 + D, Y0 + 0.2 * D), (X0 + D, Y0 + 0.8 * D)])
    snaps = []
    real = shapely.snap

    def snap(geoms, reference, tolerance):
        snaps.append(int(shapely.get_num_coordinates(geoms).max()))
        return real(geoms, reference, tolerance)

    monkeypatch.setattr(shapely, "snap", snap)
    result = allocate_to_zones(projects_frame([("road", road)]), zones_frame(rows))
    assert result["code"].tolist() == ["370105001"]
    assert result["share"].sum() == pytest.approx(1.0, rel=1e-4)
    perimeter_m = zones_frame(rows[:1]).to_crs(METRIC_CRS).length.iloc[0]
    assert shapely.get_num_coordinates(cell) > 2 * perimeter_m / 0.05
    assert snaps and max(snaps) < 1.1 * perimeter_m / 0.05, snaps


def test_a_detailed_zone_is_cut_near_each_road_not_whole_for_every_road(monkeypatch):
    # Two 街道 of 20,000 vertices each (edges densified to a vertex every 2 m), sharing an edge, and
    # short roads and a plot across that edge here and there: each (road, 街道) pair's overlay
    # took the whole 街道, 20,000 vertices for a road of two, and a 街道 of 300,000 vertices cost
    # some 10 ms a pair. The lengths and areas are those of the cut with the whole zones.
    step = D / 5000
    rows = [("370105002", "东街道", shapely.segmentize(box(X0 + D, Y0, X0 + 2 * D, Y0 + D), step)),
            ("370105001", "西街道", shapely.segmentize(box(X0, Y0, X0 + D, Y0 + D), step))]
    zones = zones_frame(rows)
    roads = [(f"road{k}", LineString([(X0 + D - 0.0005, Y0 + D * (k + 0.5) / 12),
                                      (X0 + D + 0.0007, Y0 + D * (k + 0.7) / 12)])) for k in range(12)]
    plot = box(X0 + D - 0.0004, Y0 + 0.4 * D, X0 + D + 0.0002, Y0 + 0.45 * D)
    intersections = OverlayWork(shapely.intersection)
    monkeypatch.setattr(shapely, "intersection", intersections)
    result = allocate_to_zones(projects_frame(roads + [("plot", plot)]), zones).set_index(["id", "code"])
    monkeypatch.undo()
    for road, line in roads:
        for code, _, zone in rows:
            assert result.loc[(road, code), "km"] == pytest.approx(geodesic_km([line.intersection(zone)]), rel=1e-9)
    for code, _, zone in rows:
        assert result.loc[("plot", code), "share"] == pytest.approx(plot.intersection(zone).area / plot.area, rel=1e-6)
    # The zones near each project (some hundreds of vertices each), not 20,000 for each of 26 pairs.
    assert intersections.vertices < 50_000, intersections.vertices


def test_two_zones_that_may_overlap_are_tested_once_a_pair(monkeypatch):
    # Each pair of candidate zones was tested both ways round (青山街道 against 白石街道, then 白石 against
    # 青山): a pair of detailed zones sharing an edge costs a pass over it, twice. Touching is symmetric.
    import geo.join_cuts
    from geo.join_cuts import _overlapping

    tested = []
    touches = shapely.touches
    monkeypatch.setattr(geo.join_cuts.shapely, "touches",
                        lambda a, b: tested.append(len(a)) or touches(a, b))
    zones = np.array([box(0, 0, 10, 10), box(10, 0, 20, 10), box(15, 5, 25, 15), box(40, 0, 50, 10)], dtype=object)
    found = _overlapping(zones, np.array([0, 1, 2, 3]))
    assert list(found) == [False, True, True, False]  # 0 and 1 touch; 1 and 2 overlap
    assert sum(tested) == 2  # (0, 1) and (1, 2), once each
    assert list(_overlapping(zones, np.array([2])))[2] and not _overlapping(zones, np.array([0]))[0]


def test_a_dense_zigzag_is_buffered_in_runs_to_the_same_area():
    # A line zig-zagging 10 cm either side of its path, a vertex every centimetre along it (metres):
    # GEOS buffers it whole in time growing as its vertices squared; in runs, the same area.
    from geo.join_cuts import _line_buffer

    i = np.arange(1000)
    zigzag = shapely.LineString(np.c_[i * 0.01, np.where(i % 2, 0.1, -0.1)])
    whole = shapely.buffer(zigzag, 0.05, quad_segs=2)
    runs = _line_buffer(zigzag, 0.05)
    # (the round ends where runs meet are drawn of 2 segments a quarter, as the whole line's joins: within 0.01%)
    assert shapely.area(shapely.symmetric_difference(whole, runs)) < 1e-4 * shapely.area(whole)
    sparse = shapely.LineString(np.c_[i * 10.0, np.where(i % 2, 0.1, -0.1)])  # vertices metres apart: whole
    assert shapely.equals_exact(_line_buffer(sparse, 0.05), shapely.buffer(sparse, 0.05, quad_segs=2), 0)


def test_a_dense_zigzag_across_an_edge_is_measured_half_in_each_zone():
    # 3,000 vertices a centimetre apart along, 11 cm either side of a path across the 004|001 edge,
    # centred on it (the fuzz sweep's long line): each 街道 holds half of it (each of its 11 cm legs
    # measured as the join measures, within 0.5% of the ellipsoid's), none counted twice.
    i = np.arange(3000)
    zigzag = LineString(np.c_[X0 + D - 1500e-7 + i * 1e-7, Y0 + D / 2 + (i % 2) * 1e-6])
    result = allocate_to_zones(projects_frame([("zz", zigzag)]), zones_frame()).set_index("code")
    assert sorted(result.index) == ["370105001", "370105004"]
    half = geodesic_km([zigzag]) / 2
    assert result.loc["370105001", "km"] == pytest.approx(result.loc["370105004", "km"], rel=1e-9)
    assert result["km"].tolist() == pytest.approx([half, half], rel=5e-3)
