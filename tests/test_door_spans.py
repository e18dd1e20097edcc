"""A door number between two the sources place on its road: along the road in proportion."""

import pytest
import shapely

from geo.crs import metric_geometry
from geo.gazetteer import Entry, Gazetteer
from geo.geocode import geocode_projects

BAISHI = shapely.LineString([(112.93, 28.175), (112.93, 28.228)])


def _at(name, x, y, aliases=()):
    return Entry(name=name, geometry=shapely.Point(x, y), source="user gazetteer 小区.csv", method="coordinates from file",
                 source_datum="gcj02", accuracy_m=50, tier="user gazetteer", aliases=aliases)


def test_a_door_number_between_two_known_numbers_of_its_side_lies_between_them_in_proportion():
    # A list gives 白石路10号 (白石小区) and 白石路30号 (青山小区): 白石路20号 was the middle of all 5.9 km of 白石路,
    # claiming 2,957 m.
    gazetteer = Gazetteer().add_tier("user gazetteer 小区.csv", [
        _at("白石小区", 112.9305, 28.19, ("白石路10号",)), _at("青山小区", 112.9295, 28.21, ("白石路30号",)),
        _at("白石商场", 112.9305, 28.22, ("白石路33号",))]).add_tier("OSM extract", [
            Entry(name="白石路", geometry=BAISHI, source="OSM", method="name match on OSM highway feature",
                  source_datum="wgs84", accuracy_m=20, tier="OSM extract")])
    projects = [{"id": n, "geometry": None, "properties": {"id": n, "name": n, "category": "project", "named": True}}
                for n in ("白石路20号", "白石路21号", "白石路40号")]
    (between, odd, beyond), _ = geocode_projects(projects, gazetteer, shapely.box(112.89, 28.17, 113.01, 28.24),
                                                 metric_crs="EPSG:4547")
    geocode = between["properties"]["geocode"]
    assert between["geometry"].x == pytest.approx(112.93) and between["geometry"].y == pytest.approx(28.20, abs=1e-5)
    half = metric_geometry(shapely.Point(112.93, 28.19), "EPSG:4547").distance(
        metric_geometry(shapely.Point(112.93, 28.20), "EPSG:4547"))
    assert geocode["accuracy_m"] == pytest.approx(half + 49 + 50, abs=2)  # the stretch, the list's offset and accuracy
    assert "between 白石路10号 (白石小区) and 白石路30号 (青山小区)" in geocode["method"]
    # 21 (odd: the other side, 33 alone above it) and 40 (beyond the last known) are the middle of the road, as before
    for feature in (odd, beyond):
        assert feature["properties"]["geocode"]["accuracy_m"] > 2900
        assert "the road's middle" in feature["properties"]["geocode"]["method"]
