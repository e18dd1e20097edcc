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


def test_a_crossing_where_a_road_joined_across_a_gap_is_not_drawn_is_on_its_straight_bridge():
    # A planner's 云溪路 drawn in two rows with ~390 m undrawn (joined: "2 rows joined, across gaps up to 393 m");
    # OSM's 湖滨路 crosses it there: it was unlocated, "the two roads do not meet (nearest 196 m apart)".
    yunxi = Entry(name="云溪路", geometry=shapely.MultiLineString([[(112.90, 28.20), (112.925, 28.20)],
                                                                   [(112.929, 28.20), (112.96, 28.20)]]),
                  source="user gazetteer 道路.csv", method="coordinates from file (2 rows joined, across gaps up to "
                  "393 m: the road between them not drawn)", source_datum="gcj02", accuracy_m=296, tier="user gazetteer")
    gazetteer = Gazetteer().add_tier("user gazetteer 道路.csv", [yunxi]).add_tier("OSM extract", [
        _road("湖滨路", [(112.927, 28.195), (112.927, 28.21)]), _road("石桥路", [(112.97, 28.195), (112.97, 28.21)])])
    projects = [{"id": n, "geometry": None, "properties": {"id": n, "name": n, "category": "road_rebuild", "named": True}}
                for n in ("云溪路与湖滨路交叉口", "云溪路与石桥路交叉口")]
    located, unlocated = geocode_projects(projects, gazetteer, COUNTY, metric_crs="EPSG:4547")
    point, geocode = located[0]["geometry"], located[0]["properties"]["geocode"]
    assert point.distance(shapely.Point(112.927, 28.20)) < 1e-5
    assert geocode["status"] == "approximate" and "云溪路 not drawn there: its 393 m gap bridged straight" in geocode["method"]
    assert geocode["accuracy_m"] == 297  # the two roads' 296 m (≥ half the gap) and 20 m, at right angles
    # a road beyond the last piece meets no gap: as before
    assert unlocated[0]["reason"].startswith("junction of 云溪路 and 石桥路: the two roads do not meet")


def test_a_gap_is_bridged_only_between_pieces_of_one_road_not_beyond_its_ends():
    from geo.junction_gaps import bridged_line

    one, links = bridged_line(shapely.LineString([(0, 0), (1000, 0)]))
    assert links == ()
    seam, links = bridged_line(shapely.MultiLineString([[(0, 0), (1000, 0)], [(1080, 0), (2000, 0)]]))
    assert links == ()  # 80 m: a near miss crossings() meets anyway
    gapped, links = bridged_line(shapely.MultiLineString([[(0, 0), (1000, 0)], [(1400, 0), (2000, 0)], [(9000, 0), (9500, 0)]]))
    assert [link.length for link in links] == [400.0]  # 7 km on: beyond SAME_ROAD_GAP_M, never bridged


def test_a_crossing_says_a_later_source_placing_one_of_its_roads_km_away():
    # A planner's 云溪路 crosses OSM's 红星路; OSM also has a 云溪路 2 km south: the project's method said nothing
    # (a single road's did).
    gazetteer = Gazetteer().add_tier("user gazetteer 道路.csv", [
        Entry(name="云溪路", geometry=shapely.LineString([(112.90, 28.20), (112.96, 28.20)]), source="user gazetteer 道路.csv",
              method="coordinates from file", source_datum="gcj02", accuracy_m=100, tier="user gazetteer")]) \
        .add_tier("OSM extract", [_road("红星路", [(112.93, 28.19), (112.93, 28.22)]),
                                  _road("云溪路", [(112.90, 28.182), (112.96, 28.182)])])
    project = {"id": 1, "geometry": None, "properties": {"id": 1, "name": "云溪路与红星路交叉口", "category": "road_rebuild",
                                                       "named": True}}
    (located,), _ = geocode_projects([project], gazetteer, shapely.box(112.89, 28.17, 112.97, 28.23))
    assert located["geometry"].distance(shapely.Point(112.93, 28.20)) < 1e-5
    assert located["properties"]["geocode"]["method"].endswith(
        "; OSM extract places 云溪路 2.0 km from here; user gazetteer 道路.csv, given first, is used")


def test_a_crossings_road_a_list_writes_with_the_districts_name_in_front_is_that_row():
    # 青山县's report names 岚南路与白石路交叉口 and 岚南路8号; its list writes 青山县岚南路 (and 白溪市青山县松林路):
    # the road alone was found (taken for the list's, loosely), the crossing and the door number were unlocated
    # ("no road named '岚南路'")
    def road(name, coords):
        return Entry(name=name, geometry=shapely.LineString(coords), source="user gazetteer 道路.csv",
                     method="coordinates from file", source_datum="wgs84", accuracy_m=20, tier="user gazetteer 道路.csv")

    gazetteer = Gazetteer().add_tier("user gazetteer 道路.csv", [
        road("青山县岚南路", [(112.90, 28.20), (112.96, 28.20)]), road("白石路", [(112.93, 28.19), (112.93, 28.22)]),
        road("白溪市青山县松林路", [(112.90, 28.21), (112.96, 28.21)])])
    projects = [{"id": n, "geometry": None, "properties": {"id": n, "name": n, "category": "project", "named": True}}
                for n in ("岚南路与白石路交叉口", "松林路与白石路交叉口", "岚南路8号")]
    crossing, other, door = geocode_projects(projects, gazetteer, COUNTY, district_name="青山县")[0]
    assert crossing["geometry"].distance(shapely.Point(112.93, 28.20)) < 1e-5
    assert other["geometry"].distance(shapely.Point(112.93, 28.21)) < 1e-5
    geocode = crossing["properties"]["geocode"]
    assert geocode["status"] == "approximate" and geocode["accuracy_m"] >= 200  # taken for the list's: loosely
    assert "name matched loosely (district: 青山县岚南路)" in geocode["method"]
    assert door["geometry"].distance(shapely.LineString([(112.90, 28.20), (112.96, 28.20)])) < 1e-5
    assert "the report's 岚南路 taken for 青山县岚南路" in door["properties"]["geocode"]["method"]
