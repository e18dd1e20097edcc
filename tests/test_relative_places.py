"""Sites given relative to others (geo.relative_places): a distance and a direction from a crossing or a landmark,
the sides of two to four roads, one side of a road; each within its claimed accuracy, or unlocated saying why."""

import pytest
import shapely

from geo import settings
from geo.crs import metric_geometry
from geo.gazetteer import Entry, Gazetteer
from geo.geocode import geocode_projects
from geo.relative_places import Offset, compass_spread_m, offset_of, road_sides

COUNTY = shapely.box(112.89, 28.17, 112.99, 28.23)
CRS = "EPSG:4547"


def _entry(name, geometry, accuracy=20, feature_type="road"):
    return Entry(name=name, geometry=geometry, source="OSM", method="name match", source_datum="wgs84",
                 accuracy_m=accuracy, tier="OSM extract", feature_type=feature_type)


def _located(*names):
    line = shapely.LineString
    gazetteer = Gazetteer().add_tier("OSM extract", [
        _entry("白石路", line([(112.90, 28.20), (112.96, 28.20)])), _entry("青松路", line([(112.93, 28.18), (112.93, 28.22)])),
        _entry("滨河路", line([(112.90, 28.19), (112.96, 28.19)])), _entry("黄岭路", line([(112.95, 28.18), (112.95, 28.22)])),
        _entry("青山公园", shapely.box(112.94, 28.21, 112.95, 28.22), feature_type="area"),
        _entry("青山县政府", shapely.Point(112.92, 28.21), accuracy=10, feature_type="point")])
    projects = [{"id": n, "geometry": None, "properties": {"id": n, "name": n, "category": "project", "named": True}}
                for n in names]
    located, _ = geocode_projects(projects, gazetteer, COUNTY, metric_crs=CRS)
    return {f["properties"]["name"]: f for f in located}


def _off_m(feature, true):
    return metric_geometry(shapely.geometry.shape(feature["geometry"]) if isinstance(feature["geometry"], dict)
                           else feature["geometry"], CRS).distance(metric_geometry(true, CRS))


def _from(origin, east_m, north_m):
    here = metric_geometry(origin, CRS)
    from geo.crs import wgs84_geometry

    return wgs84_geometry(shapely.Point(here.x + east_m, here.y + north_m), CRS)


def test_the_names_giving_a_distance_and_direction_or_sides_of_roads_are_read():
    assert offset_of("白石路与青松路交叉口往东200米") == Offset("白石路与青松路交叉口", "东", 200.0)
    assert offset_of("青山公园北侧约300米") == Offset("青山公园", "北", 300.0)
    assert offset_of("距青山县政府东南1.5公里") == Offset("青山县政府", "东南", 1500.0)
    assert offset_of("距青山县政府约800米处") == Offset("青山县政府", "", 800.0)
    assert offset_of("白石路改造800米") is None and offset_of("白石路东段") is None  # a length, not a distance
    assert road_sides("滨河路以北、青松路以西地块") == (("滨河路", "北"), ("青松路", "西"))
    assert road_sides("滨河路以北、白石路以南") is None  # no side of the other axis: no corner, no block
    assert road_sides("白石路东段") is None


def test_a_distance_from_a_crossing_goes_along_the_road_heading_that_way():
    # 白石路与青松路交叉口往东200米 was unlocated ("no point named … in any source")
    found = _located("白石路与青松路交叉口往东200米", "白石路与青松路交叉口")
    geocode = found["白石路与青松路交叉口往东200米"]["properties"]["geocode"]
    true = _from(shapely.Point(112.93, 28.20), 210, 0)  # measured at the site's gate: 210 m
    assert geocode["status"] == "approximate" and "200 m east of the crossing along 白石路" in geocode["method"]
    assert _off_m(found["白石路与青松路交叉口往东200米"], true) <= geocode["accuracy_m"]
    crossing_m = found["白石路与青松路交叉口"]["properties"]["geocode"]["accuracy_m"]
    assert geocode["accuracy_m"] == pytest.approx(crossing_m + 200 * settings.RELATIVE_DISTANCE_SHARE, abs=1)


def test_a_distance_and_direction_from_a_landmark_is_measured_from_its_edge_spread_by_the_compass():
    found = _located("青山公园北侧约300米", "距青山县政府东南1.5公里", "距青山县政府约800米处", "距黑石塔东200米")
    park = found["青山公园北侧约300米"]["properties"]["geocode"]
    assert "from its edge that way" in park["method"]
    true = _from(shapely.Point(112.945, 28.22), 40, 320)  # 320 m north of the park's north edge
    assert _off_m(found["青山公园北侧约300米"], true) <= park["accuracy_m"]
    hall = found["距青山县政府东南1.5公里"]["properties"]["geocode"]
    assert hall["accuracy_m"] == pytest.approx(10 + compass_spread_m(1500), abs=1)
    true = _from(shapely.Point(112.92, 28.21), 1250, -900)  # bearing 126°, 1.54 km
    assert _off_m(found["距青山县政府东南1.5公里"], true) <= hall["accuracy_m"]
    around = found["距青山县政府约800米处"]["properties"]["geocode"]
    assert "no direction given" in around["method"] and around["accuracy_m"] >= 800
    unknown = found["距黑石塔东200米"]["properties"]["geocode"]
    assert unknown["status"] == "unlocated" and unknown["reason"].startswith("200 m from 黑石塔, 东 (east): no point")


def test_sides_of_two_roads_are_their_crossings_corner_and_of_four_the_block_they_bound():
    found = _located("滨河路以北、青松路以西", "滨河路以北、白石路以南、青松路以东、黄岭路以西地块", "白石路以北、黑石路以西")
    corner = found["滨河路以北、青松路以西"]["properties"]["geocode"]
    assert "its 西北 (north-west) corner" in corner["method"]
    assert _off_m(found["滨河路以北、青松路以西"], shapely.Point(112.9294, 28.1905)) <= corner["accuracy_m"]
    block = found["滨河路以北、白石路以南、青松路以东、黄岭路以西地块"]
    assert block["geometry"].geom_type == "Polygon" and "the block the roads bound" in block["properties"]["geocode"]["method"]
    true = shapely.box(112.93, 28.19, 112.95, 28.20)
    assert shapely.hausdorff_distance(metric_geometry(block["geometry"], CRS), metric_geometry(true, CRS)) <= \
        block["properties"]["geocode"]["accuracy_m"]
    assert found["白石路以北、黑石路以西"]["properties"]["geocode"]["reason"].startswith("白石路以北 (north of 白石路)")


def test_one_side_of_a_road_is_its_middle_moved_to_that_side_spread_along_the_road():
    found = _located("白石路北侧地块")
    geocode = found["白石路北侧地块"]["properties"]["geocode"]
    assert "where along it not given" in geocode["method"]
    assert _off_m(found["白石路北侧地块"], shapely.Point(112.905, 28.2007)) <= geocode["accuracy_m"]  # near its west end


def test_a_sites_bounds_read_as_the_sides_of_their_roads_give_the_same_block_or_corner():
    # 四至 (东至黄岭路、西至青松路、南至滨河路、北至白石路): the site lies west of the road bounding it on the east
    assert road_sides("东至黄岭路、西至青松路、南至滨河路、北至白石路") == (
        ("黄岭路", "西"), ("青松路", "东"), ("滨河路", "北"), ("白石路", "南"))
    assert road_sides("东至青松路；北临白石路") == (("青松路", "西"), ("白石路", "南"))
    found = _located("东至黄岭路、西至青松路、南至滨河路、北至白石路", "东至青松路；北临白石路")
    block = found["东至黄岭路、西至青松路、南至滨河路、北至白石路"]
    true = shapely.box(112.93, 28.19, 112.95, 28.20)
    assert shapely.hausdorff_distance(metric_geometry(block["geometry"], CRS), metric_geometry(true, CRS)) <= \
        block["properties"]["geocode"]["accuracy_m"]
    corner = found["东至青松路；北临白石路"]["properties"]["geocode"]
    assert "its 西南 (south-west) corner" in corner["method"]


def test_chinese_numerals_in_a_distance_read_as_digits_and_yu_leaves_up_to_the_last_place_more():
    # 往东二百米, 一点五公里, 三百余米 were no distance: `no point named … in any source`
    assert offset_of("白石路与青松路交叉口往东二百米") == Offset("白石路与青松路交叉口", "东", 200.0)
    assert offset_of("距青山县政府东南约一点五公里") == Offset("青山县政府", "东南", 1500.0)
    assert offset_of("青山公园北侧三百余米") == Offset("青山公园", "北", 300.0, 100.0)
    assert offset_of("距青山县政府两千米") == Offset("青山县政府", "", 2000.0)
    assert offset_of("青山公园北侧1.5千米") == Offset("青山公园", "北", 1500.0)
    assert offset_of("白石路改造三百米") is None and offset_of("滨河路南北二千米") is None  # lengths still
    found = _located("青山公园北侧三百余米", "白石路与青松路交叉口往东二百米")
    park = found["青山公园北侧三百余米"]["properties"]["geocode"]
    assert "300 to 400 (taken as 350) m from 青山公园" in park["method"]
    for metres in (300, 400):  # anywhere 300 to 400 m north of the park's north edge lies within the claim
        assert _off_m(found["青山公园北侧三百余米"], _from(shapely.Point(112.945, 28.22), 0, metres)) <= park["accuracy_m"]
    assert "200 m east of the crossing along 白石路" in found["白石路与青松路交叉口往东二百米"]["properties"]["geocode"]["method"]


def test_a_distance_off_a_road_lies_that_far_to_that_side_somewhere_along_it():
    # 青松路以东200米, 白石路南侧约150米, 距青松路约200米: unlocated, `青松路 is a line …; where along it … not given`
    found = _located("青松路以东200米", "白石路南侧约150米", "距青松路约200米", "白石路以东200米")
    east = found["青松路以东200米"]["properties"]["geocode"]
    assert east["status"] == "approximate" and "200 m off it to its east side" in east["method"]
    for north in (28.181, 28.20, 28.219):  # anywhere along 青松路's 4.4 km
        assert _off_m(found["青松路以东200米"], _from(shapely.Point(112.93, north), 200, 0)) <= east["accuracy_m"]
    assert east["accuracy_m"] < 2600  # half the road, the distance's share, the road's accuracy: not more
    south = found["白石路南侧约150米"]
    assert _off_m(south, _from(shapely.Point(112.902, 28.20), 0, -150)) <= south["properties"]["geocode"]["accuracy_m"]
    either = found["距青松路约200米"]
    assert _off_m(either, _from(shapely.Point(112.93, 28.219), -200, 0)) <= either["properties"]["geocode"]["accuracy_m"]
    across = found["白石路以东200米"]["properties"]["geocode"]  # 白石路 runs east-west: no east side
    assert across["status"] == "unlocated" and "runs east-west wherever it lies: it has no east side" in across["reason"]


def test_off_a_skewed_road_the_site_is_square_to_it_and_a_bend_along_the_direction_is_no_side():
    from geo.relative_places import off_line

    skewed = shapely.LineString([(0, 0), (500, 866)])  # 1 km heading 30° east of north
    spot, farthest = off_line(skewed, "东", 200)
    assert skewed.distance(spot) == pytest.approx(200, abs=1) and spot.x > 250  # square to the road, east of it
    assert farthest == pytest.approx(500, abs=10)  # to either end's site
    bent = shapely.LineString([(0, 0), (0, 1000), (2000, 1000)])  # 1 km north, then 2 km east
    spot, farthest = off_line(bent, "东", 100)
    assert spot.x == pytest.approx(100, abs=1) and 0 <= spot.y <= 1000 and farthest < 1100  # the north-south stretch alone
    assert off_line(shapely.LineString([(0, 0), (2000, 0)]), "东", 100) is None
    assert off_line(shapely.LineString([(0, 0), (0, 2000)]), "东南", 100)[0].x == pytest.approx(100)  # 45°: its east side


def test_a_distance_off_a_roads_section_is_measured_off_that_section_alone():
    # 青松路（滨河路至白石路段）以东200米: unlocated, `no point named '青松路（滨河路至白石路段）'` (the anchor looked up whole)
    found = _located("青松路（滨河路至白石路段）以东200米", "青松路东段以西100米")
    section = found["青松路（滨河路至白石路段）以东200米"]["properties"]["geocode"]
    assert "cut between cross streets 滨河路 and 白石路" in section["method"] and "200 m off it to its east side" in section["method"]
    for north in (28.1905, 28.1995):  # anywhere along the 1.1 km section, not the whole 4.4 km road
        assert _off_m(found["青松路（滨河路至白石路段）以东200米"], _from(shapely.Point(112.93, north), 200, 0)) <= \
            section["accuracy_m"] < 1000
    half = found["青松路东段以西100米"]["properties"]["geocode"]  # 东段 of a north-south road: not cut, the whole road
    assert half["status"] == "approximate" and "100 m off it to its west side" in half["method"]


def test_a_distance_off_a_range_written_straight_after_the_road_is_measured_off_that_section():
    # 青松路滨河路至白石路段以东200米 (no brackets, as the report writes its own projects): unlocated, `no point named
    # '青松路滨河路至白石路段'`
    from geo.sections import split_section

    assert split_section("青松路滨河路至白石路段") == ("青松路", "滨河路至白石路段")
    assert split_section("滨河路至白石路段") is None and split_section("青松路与滨河路至白石路段") is None
    found = _located("青松路滨河路至白石路段以东200米")
    section = found["青松路滨河路至白石路段以东200米"]["properties"]["geocode"]
    assert "cut between cross streets 滨河路 and 白石路" in section["method"]
    for north in (28.1905, 28.1995):
        assert _off_m(found["青松路滨河路至白石路段以东200米"], _from(shapely.Point(112.93, north), 200, 0)) <= \
            section["accuracy_m"] < 1000


def test_a_site_between_two_parallel_roads_is_the_middle_of_the_strip_between_them_spread_to_its_ends():
    # 青松路与黄岭路之间 (two north-south roads 2 km apart): unlocated, `no point named … in any source`
    from geo.between_places import between_of

    assert between_of("青松路与黄岭路之间的地块") == ("青松路", "黄岭路")
    assert between_of("位于人民桥和增城大桥之间") == ("人民桥", "增城大桥")
    assert between_of("滨河路以北与青松路以西之间") is None and between_of("青松路与黄岭路") is None
    found = _located("青松路与黄岭路之间", "滨河路与白石路之间")
    strip = found["青松路与黄岭路之间"]["properties"]["geocode"]
    assert strip["status"] == "approximate" and "the middle of the strip between their facing stretches" in strip["method"]
    for east, north in ((112.935, 28.181), (112.94, 28.20), (112.948, 28.219)):  # anywhere between them
        assert _off_m(found["青松路与黄岭路之间"], shapely.Point(east, north)) <= strip["accuracy_m"]
    assert strip["accuracy_m"] < 3300  # half the 4.4 km stretch, half the 2 km gap, the roads' accuracy
    narrow = found["滨河路与白石路之间"]["properties"]["geocode"]  # 1.1 km apart, 5.9 km long east-west
    assert _off_m(found["滨河路与白石路之间"], shapely.Point(112.958, 28.195)) <= narrow["accuracy_m"]


def test_a_site_between_two_points_is_midway_spread_half_their_distance_and_crossing_roads_leave_it_unlocated():
    found = _located("青山县政府与青山公园之间", "青松路与白石路之间", "青山县政府和黑石塔之间")
    amid = found["青山县政府与青山公园之间"]["properties"]["geocode"]
    assert "midway between their nearest points" in amid["method"]
    assert _off_m(found["青山县政府与青山公园之间"], shapely.Point(112.932, 28.212)) <= amid["accuracy_m"] < 1100  # 2 km apart
    crossing = found["青松路与白石路之间"]["properties"]["geocode"]  # they cross: any of four angles
    assert crossing["status"] == "unlocated" and "青松路 and 白石路 meet" in crossing["reason"]
    unknown = found["青山县政府和黑石塔之间"]["properties"]["geocode"]
    assert unknown["status"] == "unlocated" and unknown["reason"].startswith("between 青山县政府 and 黑石塔: 黑石塔: no point")


def test_a_roads_side_with_nothing_after_it_is_a_lot_beside_it_and_all_the_ground_beyond_it_no_site():
    # 白石路北侧, 青松路以东: unlocated, `no point named … in any source`
    found = _located("白石路北侧", "青松路东面", "青松路以东", "白石路东侧")
    beside = found["白石路北侧"]["properties"]["geocode"]
    assert "the road moved 60 m to its north side" in beside["method"]
    for east in (112.905, 112.955):  # anywhere along it
        assert _off_m(found["白石路北侧"], shapely.Point(east, 28.2005)) <= beside["accuracy_m"]
    assert "to its east side" in found["青松路东面"]["properties"]["geocode"]["method"]
    beyond = found["青松路以东"]["properties"]["geocode"]
    assert beyond["status"] == "unlocated" and beyond["reason"].startswith("青松路以东: all the ground east of 青松路")
    assert "runs east-west" in found["白石路东侧"]["properties"]["geocode"]["reason"]


def test_a_side_of_a_roads_section_is_beside_that_section_alone():
    # 青松路滨河路至白石路段东侧地块, 青松路（滨河路至白石路段）西侧: unlocated (the road's name took the section in)
    found = _located("青松路滨河路至白石路段东侧地块", "青松路（滨河路至白石路段）西侧")
    for name, east_m in (("青松路滨河路至白石路段东侧地块", 60), ("青松路（滨河路至白石路段）西侧", -60)):
        geocode = found[name]["properties"]["geocode"]
        assert "cut between cross streets 滨河路 and 白石路" in geocode["method"]
        for north in (28.1905, 28.1995):  # anywhere along the 1.1 km section, not the whole 4.4 km road
            assert _off_m(found[name], _from(shapely.Point(112.93, north), east_m, 0)) <= geocode["accuracy_m"] < 1000


@pytest.mark.parametrize("name, metres", [("白石路与青松路交叉口往东一千五米", 1500), ("距青山县政府东南一千二米", 1200),
                                          ("青山公园北侧三百五十米", 350), ("青山公园北侧两百米", 200),
                                          ("距青山县政府东南二点五公里", 2500), ("青山公园北侧约三百五米", 350)])
def test_a_distance_in_numerals_as_said_aloud_is_read_through_the_one_number_reader(name, metres):
    # 一千五米 was 1,005 m, 三百五米 305 m (the last digit taken as ones)
    assert offset_of(name).metres == pytest.approx(metres)
