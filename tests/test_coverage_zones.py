"""Tests for geo.coverage_zones: 街道 that overlap (how much, where what lies there counts) and each 街道's km of shared edge."""

import json

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiPolygon, Point, box

from geo.boundary_checks import across_gaps, topology_warnings
from geo.catalog import features_to_gdf
from geo.coverage import coverage_report, coverage_tables, format_coverage
from geo.coverage_zones import shared_edge_km, zone_overlaps
from geo.crs import to_metric
from geo.join import allocate_to_zones
from geo.settings import OVERLAP_TOLERANCE_M2
from join_grid import D, GEOD, METRIC_CRS, X0, Y0, geodesic_km

# 青山街道 (code 1) and 白石街道 (code 2) overlap in a strip 0.002 degrees wide: edges digitised twice.
QS, BS, HL = "430101001", "430101002", "430101003"
ZONES = {QS: ("青山街道", box(X0 + D, Y0, X0 + 2 * D, Y0 + D)), BS: ("白石街道", box(X0, Y0, X0 + 1.2 * D, Y0 + D)),
         HL: ("红岭街道", box(X0 + 2 * D, Y0, X0 + 3 * D, Y0 + D))}
STRIP = box(X0 + D, Y0, X0 + 1.2 * D, Y0 + D)


def _zones(rows=None):
    rows = ZONES if rows is None else rows
    return gpd.GeoDataFrame({"code": list(rows), "name": [name for name, _ in rows.values()]},
                            geometry=[geom for _, geom in rows.values()], crs="EPSG:4326")


def _metric_area(geom):
    to = Transformer.from_crs(4326, METRIC_CRS, always_xy=True)
    return shapely.transform(geom, lambda xy: np.column_stack(to.transform(xy[:, 0], xy[:, 1]))).area


def _feature(fid, category, geometry):
    return {"id": fid, "properties": {"id": fid, "name": f"项目{fid}", "category": category, "named": True},
            "geometry": geometry}


def _report(features, zones, **kwargs):
    projects = features_to_gdf(features)
    return coverage_report(projects, allocate_to_zones(projects, zones), zones, boundary_source="test",
                           boundary_quality="official", district_name="青岚县", features=features, **kwargs)


def test_two_zones_overlapping_are_named_with_their_area_and_the_zone_that_counts_what_lies_there():
    # An official file with edges digitised twice: the planner was told nothing in coverage.md, and a school in the
    # strip counted in one 街道 where QGIS's Count points in polygon counts it in both.
    school = _feature("school-strip", "school", Point(X0 + 1.1 * D, Y0 + 0.005))
    road = _feature("road-across", "road_rebuild", LineString([(X0 + 0.5 * D, Y0 + 0.003), (X0 + 1.5 * D, Y0 + 0.003)]))
    park = _feature("park-strip", "park", box(X0 + 1.05 * D, Y0 + 0.001, X0 + 1.15 * D, Y0 + 0.002))
    outside = _feature("school-bs", "school", Point(X0 + 0.5 * D, Y0 + 0.005))
    report = _report([school, road, park, outside], _zones())
    [row] = report.zone_overlaps
    assert row["codes"] == [QS, BS] and row["counted_in"] == QS and row["counted_in_name"] == "青山街道"
    assert row["area_m2"] == pytest.approx(_metric_area(STRIP), abs=1.0)
    there = {item["id"]: item for item in row["projects"]}
    assert sorted(there) == ["park-strip", "road-across", "school-strip"]  # not the school lying in 白石街道 alone
    assert there["school-strip"]["kind"] == "point" and there["school-strip"]["km"] is None
    strip_km = geodesic_km([LineString([(X0 + D, Y0 + 0.003), (X0 + 1.2 * D, Y0 + 0.003)])])
    assert there["road-across"]["km"] == pytest.approx(strip_km, abs=1e-3)
    assert there["park-strip"]["area_km2"] == pytest.approx(
        _metric_area(box(X0 + 1.05 * D, Y0 + 0.001, X0 + 1.15 * D, Y0 + 0.002)) / 1e6, abs=1e-6)
    # Counted once, in the smaller code: the school, the road's stretch in the strip, the park.
    by_zone = report.by_subdistrict.set_index("code")
    assert (by_zone.loc[QS, "school"], by_zone.loc[BS, "school"]) == (1, 1)  # school-strip here, school-bs there
    assert (by_zone.loc[QS, "park"], by_zone.loc[BS, "park"]) == (1, 0)
    whole = geodesic_km([road["geometry"]])
    assert by_zone.loc[QS, "road_km_rebuild"] == pytest.approx(whole / 2, abs=1e-3)
    assert by_zone.loc[BS, "road_km_rebuild"] == pytest.approx(whole / 2, abs=1e-3)  # 0.5 to 1.0: the strip not again
    assert report.totals["line_km"] == pytest.approx(whole, abs=1e-3)  # not whole + strip_km
    t = report.totals
    assert (t["zone_overlaps"], t["zone_overlap_m2"], t["projects_in_zone_overlaps"]) == (1, row["area_m2"], 3)
    said = (f"青山街道 and 白石街道 overlap by {row['area_m2']:,} m², counted in 青山街道: 项目park-strip (park), "
            f"{there['park-strip']['area_km2']:.6f} km²; 项目road-across (road_rebuild), {there['road-across']['km']:.3f} km;"
            f" 项目school-strip (school), a point")
    md, table = format_coverage(report, "md"), format_coverage(report, "table")
    assert "### Where two 街道 overlap" in md and f"- {said}" in md and said in table
    assert "count once, in the 街道 of the smaller code" in md
    assert "Shared edge km: the length of a 街道's boundary lying on another 街道's edge" in md
    assert json.loads(format_coverage(report, "json"))["zone_overlaps"] == json.loads(json.dumps(report.zone_overlaps))
    totals = coverage_tables(report)["coverage_totals.csv"].set_index("key")["value"]
    assert totals["zone_overlap_m2"] == row["area_m2"]
    # The warning on reading the file gives the same area.
    warned = topology_warnings(to_metric(_zones(), METRIC_CRS), "jiedao.shp")
    assert warned == [f"jiedao.shp: 青山街道 and 白石街道 overlap by {row['area_m2']:,} m²; a project there is counted "
                      "in 青山街道 alone (the smaller code)"]


def test_the_workbook_notes_name_the_overlap_and_what_lies_there(tmp_path):
    import openpyxl

    from geo.workbook import write_workbook

    report = _report([_feature("school-strip", "school", Point(X0 + 1.1 * D, Y0 + 0.005))], _zones())
    path = write_workbook(tmp_path / "coverage.xlsx", report, coverage_tables(report))
    notes = [row[2] for row in openpyxl.load_workbook(path)["说明"].iter_rows(min_row=2, values_only=True)
             if row[1] == "重叠 Overlap"]
    assert "只计入编码较小的街道" in notes[0]
    assert notes[1:] == [f"青山街道 and 白石街道 overlap by {report.zone_overlaps[0]['area_m2']:,} m², counted in 青山街道: "
                         "项目school-strip (school), a point"]


def test_an_overlap_under_the_tolerance_is_digitising_noise_and_not_named():
    # 0.00001 degrees by 0.01 (about 0.9 m by 1,100 m: 990 m²) is named; a tenth of it wide (99 m²) is not.
    for width, named in ((0.00001, True), (0.000001, False)):
        rows = dict(ZONES)
        rows[BS] = ("白石街道", box(X0, Y0, X0 + D + width, Y0 + D))
        area = _metric_area(box(X0 + D, Y0, X0 + D + width, Y0 + D))
        assert (area > OVERLAP_TOLERANCE_M2) == named
        overlaps = zone_overlaps(_zones(rows), metric_crs=METRIC_CRS)
        assert [row["area_m2"] for row in overlaps] == ([round(area)] if named else [])


def test_a_jiedao_drawn_twice_overlaps_wholly_and_its_copy_is_listed_with_no_project():
    # The same polygon under a second code (a file merged from two exports): every project counts in the smaller
    # code once; the copy keeps its row, with nothing, and the pair is named with the 街道's whole area.
    rows = {QS: ZONES[QS], HL: ("青山街道（重复）", ZONES[QS][1])}
    school = _feature("school-qs", "school", Point(X0 + 1.5 * D, Y0 + 0.005))
    road = _feature("road-qs", "road_rebuild", LineString([(X0 + 1.2 * D, Y0 + 0.003), (X0 + 1.8 * D, Y0 + 0.003)]))
    report = _report([school, road], _zones(rows))
    by_zone = report.by_subdistrict.set_index("code")
    assert by_zone["projects"].to_dict() == {QS: 2, HL: 0}
    assert by_zone.loc[QS, "road_km_rebuild"] == pytest.approx(geodesic_km([road["geometry"]]), abs=1e-3)
    [row] = report.zone_overlaps
    assert row["codes"] == [QS, HL] and row["area_m2"] == pytest.approx(_metric_area(ZONES[QS][1]), abs=1.0)
    assert [item["id"] for item in row["projects"]] == ["road-qs", "school-qs"]
    assert report.totals["zones_without_projects"] == 1 and "青山街道（重复）" in format_coverage(report, "csv")


def _edge_km(*lines):
    return sum(GEOD.geometry_length(LineString(line)) for line in lines) / 1000.0


def test_each_zone_gives_the_km_of_edge_it_shares_with_another():
    # 青山 lies between 白石 (an overlap: 白石's east edge inside 青山, 青山's west edge inside 白石) and 红岭 (an edge).
    km = shared_edge_km(_zones(), metric_crs=METRIC_CRS)
    west, east = X0 + D, X0 + 2 * D
    strip_ends = _edge_km([(west, Y0), (X0 + 1.2 * D, Y0)], [(west, Y0 + D), (X0 + 1.2 * D, Y0 + D)])
    qs_edge = _edge_km([(X0 + 1.2 * D, Y0), (X0 + 1.2 * D, Y0 + D)])  # 白石's east edge: inside 青山
    assert km[QS] == pytest.approx(_edge_km([(west, Y0), (west, Y0 + D)], [(east, Y0), (east, Y0 + D)]) + strip_ends,
                                   abs=1e-3)
    assert km[BS] == pytest.approx(qs_edge + strip_ends, abs=1e-3)
    assert km[HL] == pytest.approx(_edge_km([(east, Y0), (east, Y0 + D)]), abs=1e-3)
    assert shared_edge_km(_zones({QS: ZONES[QS]})) == {QS: 0.0}  # alone: none


def test_an_enclave_shares_its_whole_boundary_and_a_far_island_or_a_gap_shares_none():
    hole = box(X0 + 0.004, Y0 + 0.004, X0 + 0.006, Y0 + 0.006)
    rows = {QS: ("青山街道", box(X0, Y0, X0 + D, Y0 + D).difference(hole)), BS: ("白石街道", hole),
            # 红岭: a part beside 青山 and a far island; 20 m of gap between its part and 长塘
            HL: ("红岭街道", MultiPolygon([box(X0 + D, Y0, X0 + 2 * D, Y0 + D), box(X0 + 5 * D, Y0, X0 + 6 * D, Y0 + D)])),
            "430101004": ("长塘街道", box(X0 + 2 * D + 0.0002, Y0, X0 + 3 * D, Y0 + D))}
    km = shared_edge_km(_zones(rows), metric_crs=METRIC_CRS)
    ring = list(hole.exterior.coords)
    assert km[BS] == pytest.approx(_edge_km(ring), abs=1e-3)
    assert km[QS] == pytest.approx(_edge_km(ring, [(X0 + D, Y0), (X0 + D, Y0 + D)]), abs=1e-3)
    assert km[HL] == pytest.approx(_edge_km([(X0 + D, Y0), (X0 + D, Y0 + D)]), abs=1e-3)
    assert km["430101004"] == 0.0


def test_a_sliver_the_join_closes_is_a_shared_edge_of_the_zones_the_join_takes():
    # 长塘 drawn 3 m short of 红岭 (two exports): the join counts the sliver in both (across_gaps), and so the edge
    # is shared (measured along the sliver's side and across its mouths: up to its width more at each end);
    # 8 m apart likewise (each takes 5 m of it); 20 m apart it is a gap and not.
    edge = _edge_km([(X0 + 3 * D, Y0), (X0 + 3 * D, Y0 + D)])
    for gap, shared in ((0.00003, True), (0.00009, True), (0.0002, False)):
        zones = _zones({HL: ZONES[HL], "430101004": ("长塘街道", box(X0 + 3 * D + gap, Y0, X0 + 4 * D, Y0 + D))})
        joined, _ = across_gaps(zones, METRIC_CRS)
        km = shared_edge_km(joined, metric_crs=METRIC_CRS)
        width = _edge_km([(X0 + 3 * D, Y0), (X0 + 3 * D + gap, Y0)])
        for code in (HL, "430101004"):
            assert (edge - 0.001 <= km[code] <= edge + 2 * width + 0.001) if shared else km[code] == 0.0, (gap, km)
        assert shared_edge_km(zones, metric_crs=METRIC_CRS)[HL] == 0.0  # as drawn, apart


def test_shared_edge_km_is_the_same_whatever_crs_the_zones_are_in():
    zones = _zones()
    lonlat = shared_edge_km(zones, metric_crs=METRIC_CRS)
    projected = shared_edge_km(zones.to_crs(METRIC_CRS), metric_crs=METRIC_CRS)
    assert lonlat.keys() == projected.keys()
    # edges straight in metres, not in degrees: a few centimetres over a kilometre
    assert np.allclose(list(lonlat.values()), list(projected.values()), atol=2e-3)


def test_a_clean_files_float_noise_is_no_gap_to_grow_its_zones_across():
    # Three 乡镇 sharing their edges exactly: the closing of their union ran back and forth along its north edge (a
    # "gap" of no area), and across_gaps grew two of them by 5 m spikes there, which shared_edge_km measured (5 m
    # and 10 m too many); the opened gap is empty and the zones the join takes are the file's.
    from shapely.geometry import Polygon

    rows = {"439901001": ("城西街道", box(112.90, 28.20, 112.95, 28.23)), "439901002": ("城东街道", box(112.95, 28.20, 113.00, 28.23)),
            "439901101": ("南岭镇", Polygon([(112.90, 28.17), (113.00, 28.17), (113.00, 28.20), (112.95, 28.20), (112.90, 28.20)]))}
    zones = _zones(rows)
    from geo.boundary_checks import _gaps

    metric = np.asarray(to_metric(zones, "EPSG:4547").geometry.values, dtype=object)
    found = shapely.union_all(_gaps(metric, shapely.union_all(metric)))
    joined, gap = across_gaps(zones, "EPSG:4547", gaps=gpd.GeoSeries([found], crs="EPSG:4547").to_crs(4326).iloc[0])
    assert gap is None and joined is zones
    km = shared_edge_km(joined, metric_crs="EPSG:4547")
    both = _edge_km([(112.95, 28.20), (112.95, 28.23)], [(112.90, 28.20), (112.95, 28.20)])
    assert km["439901001"] == pytest.approx(both, abs=1e-3)


def test_a_run_on_an_official_file_with_an_overlap_warns_of_the_pair_and_of_the_projects_lying_there(tmp_path):
    # The warning on reading the file names the pair; the coverage stage names what lies in the overlap and where it
    # counted, as it does for a point in a closed gap.
    from geo import pipeline

    path = tmp_path / "jiedao.geojson"
    _zones().to_file(path, driver="GeoJSON")
    boundaries = pipeline.resolve_boundaries(pipeline.BoundaryOptions(districts=str(path), name_field="name",
                                                                      code_field="code", district_name="青岚县"),
                                             prefer_layers=False)
    warnings = list(boundaries.warnings)
    features = [_feature("school-strip", "school", Point(X0 + 1.1 * D, Y0 + 0.005)),
                _feature("school-bs", "school", Point(X0 + 0.5 * D, Y0 + 0.005))]
    features, allocations = pipeline.join_catalog(features, boundaries, warnings)
    report = pipeline.coverage_of(features, allocations, boundaries, warnings)
    area = report.zone_overlaps[0]["area_m2"]
    assert any(f"青山街道 and 白石街道 overlap by {area:,} m²" in line for line in boundaries.warnings)
    assert f"1 project(s) lie where 青山街道 and 白石街道 overlap ({area:,} m²), counted in 青山街道 alone: 项目school-strip" \
        in warnings
    assert report.by_subdistrict.set_index("code")["school"].to_dict() == {QS: 1, BS: 1, HL: 0}


def test_what_lies_where_three_zones_overlap_is_named_with_the_pairs_of_the_zone_it_counts_in():
    # 红岭 drawn over the strip where 青山 and 白石 overlap: a school there counts in 青山 (the smallest code), so the
    # 白石/红岭 pair does not name it as counted in 白石.
    rows = dict(ZONES)
    rows[HL] = ("红岭街道", box(X0 + 1.05 * D, Y0, X0 + 1.15 * D, Y0 + D))
    school = Point(X0 + 1.1 * D, Y0 + 0.005)
    projects = features_to_gdf([_feature("school-three", "school", school)])
    overlaps = {"/".join(row["codes"]): [item["id"] for item in row["projects"]]
                for row in zone_overlaps(_zones(rows), projects, metric_crs=METRIC_CRS)}
    assert overlaps == {f"{QS}/{BS}": ["school-three"], f"{QS}/{HL}": ["school-three"], f"{BS}/{HL}": []}
    assert allocate_to_zones(projects, _zones(rows))["code"].tolist() == [QS]
    md = format_coverage(_report([_feature("school-three", "school", school)], _zones(rows)), "md")
    assert "- 白石街道 and 红岭街道 overlap by " in md and "counted in 白石街道: no located project counts there" in md
