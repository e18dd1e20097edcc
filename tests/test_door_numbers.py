"""Door-number addresses (白石路12号): somewhere along the road, claiming as much."""

import pytest
import shapely

from geo.door_numbers import Door, door_on_road
from geo.gazetteer import Entry, Gazetteer
from geo.geocode import geocode_projects


def test_a_door_number_names_its_road_and_number_and_a_metro_line_does_not():
    assert door_on_road("白石路12号") == Door("白石路", "12")
    assert door_on_road("新华路8号院") == Door("新华路", "8")
    assert door_on_road("白石路12號院") == Door("白石路", "12")  # a report in Traditional script
    assert door_on_road("文昌大道108-2号地块") == Door("文昌大道", "108-2")
    for name in ("地铁1号线", "白石路12号楼改造", "白石路小学", "白石路"):
        assert door_on_road(name) is None


def _road(name, coords):
    return Entry(name=name, geometry=shapely.LineString(coords), source="OSM", method="name match on OSM highway feature",
                 source_datum="wgs84", accuracy_m=20, tier="OSM extract", feature_type="road")


def _geocoded(gazetteer, *names, category="project"):
    projects = [{"id": n, "geometry": None, "properties": {"id": n, "name": n, "category": category, "named": True}}
                for n in names]
    located, _ = geocode_projects(projects, gazetteer, shapely.box(112.89, 28.17, 113.01, 28.24),
                                  metric_crs="EPSG:4547", district_name="白溪县")
    return located


def test_a_door_number_on_a_known_road_is_its_middle_claiming_its_farthest_point():
    # 白溪县's report names 白石路12号; OSM has 白石路 (about 5.9 km): it was unlocated, "no point named '白石路12号'".
    from geo.crs import metric_geometry

    baishi = [(112.93, 28.175), (112.93, 28.228)]
    gazetteer = Gazetteer().add_tier("OSM extract", [_road("白石路", baishi), _road("青山路", [(112.91, 28.19), (112.97, 28.19)])])
    door, courtyard, district = _geocoded(gazetteer, "白石路12号", "青山路8号院", "白溪县白石路3号")
    geocode = door["properties"]["geocode"]
    assert door["geometry"].geom_type == "Point" and geocode["status"] == "approximate"
    assert door["geometry"].x == pytest.approx(112.93) and door["geometry"].y == pytest.approx(28.2015, abs=1e-4)
    line = metric_geometry(shapely.LineString(baishi), "EPSG:4547")
    spot = metric_geometry(door["geometry"], "EPSG:4547")
    farthest = max(spot.distance(shapely.Point(xy)) for xy in line.coords)
    assert geocode["accuracy_m"] == pytest.approx(farthest + 20, abs=1)  # either end may be number 12
    assert "door number 12 on 白石路" in geocode["method"]
    assert courtyard["geometry"].y == pytest.approx(28.19)
    assert district["properties"]["geocode"]["status"] == "approximate"  # 白溪县 left off: 白石路's middle too
    assert district["geometry"].equals_exact(door["geometry"], 1e-9)


def test_a_door_number_on_a_road_of_namesakes_or_of_no_source_stays_unlocated():
    gazetteer = Gazetteer().add_tier("OSM extract", [_road("人民路", [(112.90, 28.20), (112.90, 28.21)]),
                                                     _road("人民路", [(113.00, 28.20), (113.00, 28.21)])])
    namesakes, nowhere = _geocoded(gazetteer, "人民路5号", "岚山路7号")
    assert namesakes["geometry"] is None
    assert namesakes["properties"]["geocode"]["reason"].startswith("人民路5号: door number 5 on 人民路; 2 places named '人民路'")
    assert nowhere["geometry"] is None and "no point named '岚山路7号'" in nowhere["properties"]["geocode"]["reason"]


def test_a_door_number_a_lists_row_gives_as_its_address_is_that_row():
    # A list's 白石小区 at 白石路36号 (its 地址 column): the report's 白石路36号院 was the middle of 白石路.
    baishi = [(112.93, 28.175), (112.93, 28.228)]
    estate = Entry(name="白石小区", geometry=shapely.Point(112.9312, 28.2093), source="user gazetteer 小区.csv",
                   method="coordinates from file", source_datum="gcj02", accuracy_m=50, tier="user gazetteer",
                   aliases=("白石路36号",))
    gazetteer = Gazetteer().add_tier("user gazetteer 小区.csv", [estate]).add_tier("OSM extract", [_road("白石路", baishi)])
    courtyard, number = _geocoded(gazetteer, "白石路36号院", "白石路36号", category="area")
    for feature in (courtyard, number):
        assert feature["geometry"].equals(estate.geometry)
        assert feature["properties"]["geocode"]["status"] == "matched"
    assert courtyard["properties"]["geocode"]["method"].endswith("the report's 白石路36号院 is 白石小区, at 白石路36号")


def test_a_door_number_on_a_section_of_a_road_is_the_middle_of_that_section():
    # 白溪县's 青松大街东段12号: it was unlocated ("no point named"); now the middle of the east half of OSM's
    # 青松大街 (8.8 km), claiming that half's farthest point, not the whole road's
    qingsong = [(112.905, 28.215), (112.95, 28.215), (112.995, 28.215)]
    gazetteer = Gazetteer().add_tier("OSM extract", [_road("青松大街", qingsong)])
    east, west, whole = _geocoded(gazetteer, "青松大街东段12号", "青松大街西段3号", "青松大街5号")
    assert door_on_road("青松大街东段12号") == Door("青松大街", "12", "东段")
    assert east["geometry"].x == pytest.approx(112.9725, abs=2e-4) and west["geometry"].x == pytest.approx(112.9275, abs=2e-4)
    geocode = east["properties"]["geocode"]
    assert geocode["status"] == "approximate" and "the middle of its 东段" in geocode["method"]
    assert geocode["accuracy_m"] < 0.6 * whole["properties"]["geocode"]["accuracy_m"]
    assert geocode["accuracy_m"] >= 2_200  # a quarter of the road, the farthest the east half gets from its middle


def test_a_door_number_after_a_place_is_on_the_road_without_the_place():
    # 白溪县's 杨柳坪青松路68号 (a place, then the road): no source has 杨柳坪青松路; it was unlocated (or placed in
    # a 街道 named like the place); now the middle of OSM's 青松路, the note saying what was taken as the place
    gazetteer = Gazetteer().add_tier("OSM extract", [_road("青松路", [(112.975, 28.201), (112.975, 28.228)]),
                                                     _road("松路", [(112.90, 28.18), (112.92, 28.18)])])
    door, = _geocoded(gazetteer, "杨柳坪青松路68号")
    geocode = door["properties"]["geocode"]
    assert door["geometry"].x == pytest.approx(112.975) and geocode["status"] == "approximate"
    assert "door number 68 on 青松路" in geocode["method"]
    assert "the report's 杨柳坪青松路 taken as 青松路 after the place 杨柳坪" in geocode["method"]
