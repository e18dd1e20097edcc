"""Junction projects (X路与Y路交叉口): the roads a name gives, found as sources name them."""

import shapely

from geo.gazetteer import Entry, Gazetteer
from geo.geocode import geocode_projects

COUNTY = shapely.box(112.89, 28.19, 112.97, 28.23)


def _road(name, coords):
    return Entry(name=name, geometry=shapely.LineString(coords), source="OSM", method="name match",
                 source_datum="wgs84", accuracy_m=20, tier="OSM extract", feature_type="road")


def test_a_crossing_named_with_the_districts_own_name_in_front_is_where_its_roads_cross():
    # 青山县白石路与青山县红星路交叉口 in 青山县's report: OSM has 白石路 and 红星路; it was unlocated,
    # "no road named '青山县白石路' in any source".
    gazetteer = Gazetteer().add_tier("OSM extract", [_road("白石路", [(112.90, 28.20), (112.96, 28.20)]),
                                                     _road("红星路", [(112.93, 28.19), (112.93, 28.22)])])
    projects = [{"id": n, "geometry": None, "properties": {"id": n, "name": n, "category": "road_rebuild", "named": True}}
                for n in ("青山县白石路与青山县红星路交叉口", "青山县白石路与青山县黄河路交叉口")]
    located, unlocated = geocode_projects(projects, gazetteer, COUNTY, district_name="青山县")
    assert located[0]["geometry"].distance(shapely.Point(112.93, 28.20)) < 1e-5  # within a metre
    assert located[0]["properties"]["geocode"]["status"] == "matched"
    assert unlocated == [{"id": projects[1]["id"], "name": "青山县白石路与青山县黄河路交叉口",
                          "reason": "junction of 青山县白石路 and 青山县黄河路: no road named '青山县黄河路' in any "
                                    "source (OSM extract); add it with --gazetteer or --osm"}]


def test_a_crossing_named_in_traditional_script_is_where_its_roads_cross():
    # A report in Traditional script keeps its names: 白石路與紅星路交叉口 split at 白石路 | 與紅星路 (與 was
    # no separator) and was unlocated, "no road named '與紅星路'"; 交匯處 was no crossing at all.
    from geo.junctions import junction_roads

    assert junction_roads("白石路與紅星路交叉口") == [("白石路", "紅星路")]
    assert junction_roads("白石路與紅星路交匯處") == [("白石路", "紅星路")]
    assert junction_roads("白石路紅星路路口") == [("白石路", "紅星路")]
    gazetteer = Gazetteer().add_tier("OSM extract", [_road("白石路", [(112.90, 28.20), (112.96, 28.20)]),
                                                     _road("红星路", [(112.93, 28.19), (112.93, 28.22)])])
    name = "白石路與紅星路交叉口"
    located, unlocated = geocode_projects([{"id": name, "geometry": None, "properties": {
        "id": name, "name": name, "category": "road_rebuild", "named": True}}], gazetteer, COUNTY)
    assert unlocated == [] and located[0]["geometry"].distance(shapely.Point(112.93, 28.20)) < 1e-5
