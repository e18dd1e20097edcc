"""geo.gazetteer_rows: a file's rows as a gazetteer takes them (namesakes far apart, a place typed twice)."""

import re

import pytest
import shapely


def test_a_name_given_twice_at_places_farther_apart_than_claimed_is_said_and_claims_the_distance(tmp_path):
    # 玉林中学 typed twice 380 m apart (last year's pick and this year's): the first row was used,
    # claiming 50 m, without a word (only places 1 km or more apart were named).
    from pyproj import Geod

    from geo.pipeline import build_gazetteer

    first, second = (104.06, 30.63), (104.064, 30.63)
    apart = Geod(ellps="WGS84").inv(*first, *second)[2]
    path = tmp_path / "点位.csv"
    path.write_text(f"名称,经度,纬度,坐标系\n玉林中学,{first[0]:.6f},{first[1]:.6f},CGCS2000\n"
                    f"玉林中学,{second[0]:.6f},{second[1]:.6f},CGCS2000\n簇桥小学,104.015000,30.595000,CGCS2000\n"
                    "簇桥小学,104.015100,30.595000,CGCS2000\n", encoding="utf-8")
    warnings = []
    match = build_gazetteer([path], warnings=warnings).lookup("玉林中学")
    assert (match.entry.geometry.x, match.entry.geometry.y) == first
    assert match.entry.accuracy_m == round(apart) and 380 < apart < 390
    assert match.entry.method == "coordinates from file; 2 rows of this name up to 383 m apart, the first used"
    assert warnings == [f"{path}: '玉林中学' appears 2 times, up to 383 m apart, farther than the 50 m its first row "
                        "claims; the first row is used, claiming 383 m"]  # 簇桥小学's 10 m are within its claim


def test_of_namesakes_far_apart_the_row_in_the_district_is_used(tmp_path):
    # A city's list of schools, filtered in Excel to the district (the other districts' rows hidden, not
    # gone): its 第三中学 of another district came first and was used, 'lies 7.9 km outside the district;
    # not used', and the district's own row never was.
    from geo.pipeline import build_gazetteer

    district = shapely.box(116.95, 36.65, 117.08, 36.75)
    path = tmp_path / "全市学校.csv"
    path.write_text("名称,区县,经度,纬度,坐标系\n第三中学,历下区,117.12000,36.66000,WGS84\n第三中学,天桥区,117.00000,36.70000,WGS84\n"
                    "第三中学,天桥区北,117.00100,36.70100,WGS84\n第五中学,历下区,117.13000,36.66000,WGS84\n"
                    "第五中学,槐荫区,116.90000,36.66000,WGS84\n", encoding="utf-8")
    warnings = []
    gazetteer = build_gazetteer([path], outline=district, metric_crs="EPSG:4548", warnings=warnings)
    assert gazetteer.lookup("第三中学").entry.geometry.equals(shapely.Point(117.0, 36.7))
    assert gazetteer.lookup("第五中学").entry.geometry.equals(shapely.Point(117.13, 36.66))  # none inside: the first
    assert [w for w in warnings if "appears" in w] == [
        f"{path}: '第三中学' appears 3 times, up to 11.6 km apart; entry 2, in the district, is used",
        f"{path}: '第五中学' appears 2 times, up to 20.6 km apart; the first row is used"]
    # without a district, the first row is used
    assert build_gazetteer([path]).lookup("第三中学").entry.geometry.equals(shapely.Point(117.12, 36.66))


def test_a_name_a_file_gives_to_two_places_in_the_district_leaves_its_project_unlocated(tmp_path):
    # An Amap pick list gives 文化中心 twice, 3 km apart, both in 青山县: the first was used, matched, claiming
    # 50 m, though the report does not say which it means. A road drawn in two pieces 1 km apart is one road.
    from geo.geocode import geocode_projects
    from geo.pipeline import build_gazetteer

    county = shapely.box(112.90, 28.17, 113.00, 28.23)
    path = tmp_path / "点位_高德.csv"
    path.write_text('名称,location,坐标系,wkt\n文化中心,"112.935000,28.205000",GCJ-02,\n文化中心,"112.965000,28.210000",GCJ-02,\n'
                    '青山小学,"112.935000,28.205000",GCJ-02,\n青山小学,"113.200000,28.205000",GCJ-02,\n'
                    '白石路,,GCJ-02,"LINESTRING (112.91 28.19, 112.93 28.19)"\n'
                    '白石路,,GCJ-02,"LINESTRING (112.94 28.19, 112.96 28.19)"\n', encoding="utf-8")
    warnings = []
    gazetteer = build_gazetteer([path], outline=county, metric_crs="EPSG:4547", warnings=warnings)
    assert f"{path}: '文化中心' appears 2 times, up to 3.0 km apart; a project of this name stays unlocated, 2 of them " \
           "in the district: the report does not say which" in warnings
    assert f"{path}: '青山小学' appears 2 times, up to 26.0 km apart; the first row is used" in warnings
    projects = [{"id": n, "geometry": None, "properties": {"id": n, "name": n, "category": c, "named": True}}
                for n, c in (("文化中心", "culture"), ("青山小学", "school"), ("白石路", "road_rebuild"))]
    located, unlocated = geocode_projects(projects, gazetteer, county, warnings=[])
    centre, school, road = located
    assert centre["geometry"] is None
    assert unlocated[0]["reason"].startswith("2 places named '文化中心' in user gazetteer 点位_高德.csv, up to 3.0 km apart")
    assert school["geometry"] is not None and road["geometry"].bounds[2] > 112.95  # the one in the county; both pieces


def test_a_road_drawn_in_pieces_hundreds_of_metres_apart_is_one_road_claiming_half_its_widest_gap(tmp_path):
    # A planner's road file drew 白石路 in three rows, the middle one 330 m short of the first (a stretch
    # not yet surveyed): the first row alone was the road (1.1 km of 2.5 km), claiming the file's 20 m,
    # though OSM joins the ways of one road up to 2.5 km apart. Now one road, its gap kept as a gap,
    # claiming the farthest the undrawn stretch can lie from what is drawn (half the gap).
    from pyproj import Geod

    from geo.gazetteer_files import load_file

    path = tmp_path / "道路.csv"
    path.write_text("名称,wkt\n"
                    '白石路,"LINESTRING(112.930 28.175, 112.930 28.185)"\n'
                    '白石路,"LINESTRING(112.930 28.188, 112.930 28.195)"\n'
                    '白石路,"LINESTRING(112.930 28.1952, 112.930 28.200)"\n'
                    '白石路,"LINESTRING(112.990 28.175, 112.990 28.200)"\n', encoding="utf-8")  # 5.9 km east: a namesake
    road, namesake = load_file(path, datum="wgs84")
    gap = Geod(ellps="WGS84").inv(112.93, 28.185, 112.93, 28.188)[2]
    assert 330 < gap < 335 and road.geometry.geom_type == "MultiLineString" and len(road.geometry.geoms) == 3
    assert road.accuracy_m == pytest.approx(namesake.accuracy_m + gap / 2, abs=2)  # (the gap in Gauss-Krüger metres)
    assert re.fullmatch(r"coordinates from file \(3 rows joined, across gaps up to 33\d m: the road between them not drawn\)",
                        road.method)
    assert namesake.method == "coordinates from file"
