"""A corner or side of a crossing (X路与Y路交叉口东北角, …路口西南侧地块): the crossing moved toward it, accuracy honest."""

import pytest
import shapely

from geo import settings
from geo.crs import metric_geometry
from geo.gazetteer import Entry, Gazetteer
from geo.geocode import geocode_projects
from geo.junction_corners import Corner, junction_corner

COUNTY = shapely.box(112.89, 28.19, 112.97, 28.23)
CROSSING = shapely.Point(112.93, 28.20)


def _road(name, coords):
    return Entry(name=name, geometry=shapely.LineString(coords), source="OSM", method="name match",
                 source_datum="wgs84", accuracy_m=20, tier="OSM extract", feature_type="road")


def _located(*names):
    gazetteer = Gazetteer().add_tier("OSM extract", [_road("白石路", [(112.90, 28.20), (112.96, 28.20)]),
                                                     _road("青松路", [(112.93, 28.19), (112.93, 28.22)])])
    projects = [{"id": n, "geometry": None, "properties": {"id": n, "name": n, "category": "project", "named": True}}
                for n in names]
    located, _ = geocode_projects(projects, gazetteer, COUNTY, metric_crs="EPSG:4547")
    return {f["properties"]["name"]: f for f in located}


def _offset_m(point):
    """(east, north) of ``point`` from the crossing, metres."""
    here, there = metric_geometry(CROSSING, "EPSG:4547"), metric_geometry(point, "EPSG:4547")
    return there.x - here.x, there.y - here.y


def test_a_corner_of_a_crossing_is_the_crossing_moved_toward_it_its_accuracy_grown_as_much():
    # 白石路与青松路交叉口东北角 was unlocated ("no point named … in any source"); a corner lot some 80 m
    # north-east of the crossing now lies within the claimed accuracy
    found = _located("白石路与青松路交叉口东北角", "白石路与青松路交叉口", "白石路青松路路口西南侧地块", "白石路与青松路交叉口南侧")
    corner, crossing = found["白石路与青松路交叉口东北角"], found["白石路与青松路交叉口"]
    geocode = corner["properties"]["geocode"]
    east, north = _offset_m(corner["geometry"])
    assert abs(east - north) < 1 and abs((east ** 2 + north ** 2) ** 0.5 - settings.JUNCTION_CORNER_M) < 1
    assert geocode["status"] == "approximate"
    assert geocode["accuracy_m"] == crossing["properties"]["geocode"]["accuracy_m"] + settings.JUNCTION_CORNER_M
    assert "its 东北 (north-east) corner: 60 m north-east of the crossing" in geocode["method"]
    lot = metric_geometry(shapely.Point(112.9306, 28.2005), "EPSG:4547")  # the lot's middle, ~80 m NE
    assert lot.distance(metric_geometry(corner["geometry"], "EPSG:4547")) <= geocode["accuracy_m"]
    east, north = _offset_m(found["白石路青松路路口西南侧地块"]["geometry"])
    assert east < -40 and north < -40
    east, north = _offset_m(found["白石路与青松路交叉口南侧"]["geometry"])
    assert abs(east) < 1 and abs(north + settings.JUNCTION_CORNER_M) < 1


def test_a_corner_is_read_only_after_a_crossing_and_an_unknown_road_stays_unlocated_naming_it():
    assert junction_corner("白石路与青松路交叉口东北角") == Corner("白石路与青松路交叉口", "东北")
    assert junction_corner("白石路東段") is None and junction_corner("白石路与青松路交叉口") is None
    assert junction_corner("东北角公园") is None
    geocode = _located("白石路与黄河路交叉口东北角")["白石路与黄河路交叉口东北角"]["properties"]["geocode"]
    assert geocode["status"] == "unlocated"
    assert geocode["reason"].startswith("东北 corner of the junction of 白石路 and 黄河路: no road named '黄河路'")


def test_a_corner_of_a_skewed_crossing_lies_between_the_arms_of_its_roads_not_by_compass():
    # 白石路 runs east; 斜塘路 leaves the crossing heading 30° (north-north-east): the north-east corner lot lies between
    # them, at bearing 60°, where before it was put at 45° (due north-east), 16 m off the corner's bisector
    from geo.crs import wgs84_geometry

    here = metric_geometry(CROSSING, "EPSG:4547")
    far = wgs84_geometry(shapely.Point(here.x + 1500, here.y + 1500 * 3 ** 0.5), "EPSG:4547")
    near = wgs84_geometry(shapely.Point(here.x - 500, here.y - 500 * 3 ** 0.5), "EPSG:4547")
    gazetteer = Gazetteer().add_tier("OSM extract", [_road("白石路", [(112.90, 28.20), (112.96, 28.20)]),
                                                     _road("斜塘路", [(near.x, near.y), (112.93, 28.20), (far.x, far.y)])])
    projects = [{"id": "c", "geometry": None, "properties": {"id": "c", "name": "白石路与斜塘路交叉口东北角",
                                                             "category": "project", "named": True}}]
    located, _ = geocode_projects(projects, gazetteer, COUNTY, metric_crs="EPSG:4547")
    import math

    east, north = _offset_m(located[0]["geometry"])
    assert math.degrees(math.atan2(east, north)) == pytest.approx(60, abs=1)
    assert "between the arms of 白石路 and 斜塘路 that head that way (bearing 60°)" in \
        located[0]["properties"]["geocode"]["method"]
