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
