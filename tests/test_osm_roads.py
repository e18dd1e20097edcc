"""OSM ways grouped into roads: by name in matching form and nearness; namesakes far apart stay apart."""

import pytest
import shapely

from geo.gazetteer import Gazetteer
from geo.geocode import geocode_projects
from geo.osm import load_osm

DISTRICT = shapely.box(116.95, 36.65, 117.10, 36.75)


def _road(name, **more):
    return {"highway": "residential", "name": name, **more}


def test_ways_of_one_name_kilometres_apart_are_two_roads(write_osm):
    path = write_osm([([(116.96, 36.66), (116.97, 36.66)], _road("长春路")),
                           ([(116.97, 36.66), (116.98, 36.66)], _road("长春路")),  # continues the first
                           ([(117.06, 36.74), (117.08, 36.74)], _road("长春路"))])  # 13 km away
    roads = sorted((e for e in load_osm(path, DISTRICT) if e.name == "长春路"), key=lambda e: e.extra["osm_ids"])
    assert [e.extra["osm_ids"] for e in roads] == ["w1;w2", "w3"]
    assert roads[0].geometry.geom_type == "LineString" and "2 ways merged" in roads[0].method


def test_ways_whose_names_differ_only_in_script_are_one_road(write_osm):
    path = write_osm([([(117.00, 36.70), (117.005, 36.70)], _road("紅柳街")),
                           ([(117.005, 36.70), (117.01, 36.70)], _road("红柳街"))])
    (road,) = load_osm(path, DISTRICT)
    assert road.name == "红柳街" and road.aliases == ("紅柳街",) and road.extra["osm_ids"] == "w1;w2"
    assert road.geometry.geom_type == "LineString"
    assert "named 紅柳街 and 红柳街" in road.method


def test_a_way_whose_alt_name_is_the_next_ways_name_is_one_road(write_osm):
    path = write_osm([([(117.02, 36.69), (117.03, 36.69)], _road("月光路", alt_name="月光大道")),
                           ([(117.03, 36.69), (117.04, 36.69)], _road("月光大道"))])
    (road,) = load_osm(path, DISTRICT)
    assert road.extra["osm_ids"] == "w1;w2" and {road.name, *road.aliases} == {"月光路", "月光大道"}


def test_roads_sharing_only_an_old_name_stay_two_roads(write_osm):
    path = write_osm([([(117.02, 36.69), (117.03, 36.69)], _road("新华路", old_name="老街")),
                           ([(117.03, 36.69), (117.04, 36.69)], _road("人民路", old_name="老街"))])
    assert sorted(e.name for e in load_osm(path, DISTRICT)) == ["人民路", "新华路"]


def test_a_road_whose_old_name_another_road_bears_now_stays_apart_from_it(write_osm):
    # Helsinki's Yliopistonkatu carries old_name=Hallituskatu, the name of the next street today:
    # the two were merged into one road, and Hallituskatu was only its alias.
    path = write_osm([([(117.02, 36.69), (117.03, 36.69)], _road("大学路", old_name="政府街")),
                      ([(117.03, 36.69), (117.04, 36.69)], _road("政府街"))])
    roads = {e.name: e for e in load_osm(path, DISTRICT)}
    assert sorted(roads) == ["大学路", "政府街"]
    assert roads["大学路"].aliases == () and roads["大学路"].former_names == ("政府街",)
    assert roads["大学路"].extra["osm_ids"] == "w1" and roads["政府街"].extra["osm_ids"] == "w2"


def test_the_name_a_road_bears_now_outranks_another_roads_old_name(write_osm):
    path = write_osm([([(116.96, 36.66), (116.97, 36.66)], _road("大学路", old_name="政府街")),
                      ([(117.06, 36.74), (117.07, 36.74)], _road("政府街")),  # 13 km away
                      ([(117.00, 36.70), (117.01, 36.70)], _road("解放路", old_name="人民大街"))])
    gazetteer = Gazetteer().add_tier("OSM extract", load_osm(path, DISTRICT))
    match = gazetteer.lookup("政府街")
    assert match.entry.extra["osm_ids"] == "w2" and match.rivals == () and match.former_name == ""
    renamed = gazetteer.lookup("人民大街")  # no road is called so today: the renamed one
    assert renamed.entry.name == "解放路" and renamed.former_name == "人民大街"


def test_a_project_found_by_a_former_name_says_so(write_osm):
    path = write_osm([([(117.00, 36.70), (117.01, 36.70)], _road("解放路", old_name="人民大街"))])
    gazetteer = Gazetteer().add_tier("OSM extract", load_osm(path, DISTRICT))
    props = {"id": "road_rebuild-renmin", "name": "人民大街", "category": "road_rebuild", "named": True}
    (located,), unlocated = geocode_projects([{"id": props["id"], "properties": props, "geometry": None}],
                                             gazetteer, DISTRICT)
    geocode = located["properties"]["geocode"]
    assert not unlocated and located["geometry"] is not None
    assert "found by its former name 人民大街 (it is called 解放路 now)" in geocode["method"]


def test_a_street_drawn_mostly_as_a_link_keeps_its_link(write_osm):
    # Monaco's Rue du Portier: 330 m of primary_link, then 50 m of residential street.
    path = write_osm([([(117.000, 36.70), (117.004, 36.70)], _road("码头路", highway="primary_link", oneway="yes")),
                      ([(117.004, 36.70), (117.0045, 36.70)], _road("码头路"))])
    (road,) = load_osm(path, DISTRICT)
    assert road.extra["osm_ids"] == "w1;w2" and road.geometry.length == pytest.approx(0.0045)


def test_a_village_node_is_a_village_a_town_or_a_suburb_is_no_entry(write_osm):
    path = write_osm([], [((117.00, 36.70), {"place": "village", "name": "王家庄村"}),
                          ((117.01, 36.70), {"place": "hamlet", "name": "李家庄"}),
                          ((117.02, 36.70), {"place": "town", "name": "桑梓店镇"}),
                          ((117.03, 36.70), {"place": "suburb", "name": "北园"}),
                          ((117.04, 36.70), {"place": "village", "amenity": "school", "name": "王家小学"})])
    entries = {e.name: e for e in load_osm(path, DISTRICT)}
    assert sorted(entries) == ["李家庄", "王家小学", "王家庄村"]
    village = entries["王家庄村"]
    assert village.category == "village" and village.accuracy_m == 300 and "village's node marks its centre" in village.method
    assert entries["王家小学"].category == "school"  # what else the node is comes first
    assert entries["李家庄"].aliases == ("李家庄村",)  # as reports name it


def test_features_beyond_the_district_are_kept_aside_when_asked(write_osm):
    path = write_osm([([(117.20, 36.60), (117.21, 36.60)], _road("远郊路"))],
                [((117.10, 36.60), {"amenity": "school", "name": "金沙中学"})])
    outside = []
    assert load_osm(path, DISTRICT, outside=outside) == []
    assert sorted(e.name for e in outside) == ["远郊路", "金沙中学"]


def test_a_road_drawn_with_service_carriageways_of_its_name_is_measured_once(write_osm):
    # 广州大道 as Chinese cities are mapped: two one-way main carriageways 40 m apart and, 20 m further
    # out, one-way service carriageways (辅道) of the same name, each cut into segments at junctions.
    from pyproj import Geod

    def carriageway(metres, eastwards, highway):
        lat = 36.70 + metres / 111_000
        xs = [116.98 + 0.004 * k for k in range(6)]
        segments = [[(a, lat), (b, lat)] for a, b in zip(xs, xs[1:])]
        if not eastwards:
            segments = [list(reversed(s)) for s in reversed(segments)]
        return [(s, {"highway": highway, "name": "广州大道", "oneway": "yes"}) for s in segments]

    path = write_osm(carriageway(-20, True, "primary") + carriageway(20, False, "primary")
                     + carriageway(-40, True, "secondary") + carriageway(40, False, "secondary"))
    (road,) = load_osm(path, DISTRICT)
    along = Geod(ellps="WGS84").inv(116.98, 36.70, 117.00, 36.70)[2]
    assert Geod(ellps="WGS84").geometry_length(road.geometry) == pytest.approx(along, rel=5e-3)  # was 2x
    assert "service carriageways" in road.method and len(road.extra["osm_ids"].split(";")) == 20


def _locate(gazetteer, name):
    props = {"id": f"road_rebuild-{name}", "name": name, "category": "road_rebuild", "named": True}
    located, unlocated = geocode_projects([{"id": props["id"], "properties": props, "geometry": None}],
                                          gazetteer, DISTRICT)
    return (located or unlocated)[0]


def test_a_road_mapped_as_its_sections_is_found_by_its_own_name(write_osm):
    # Guangzhou's avenues are signposted by section: 中山大道西, 中山大道中; 黄埔大道西 and 黄埔大道中 carry
    # alt_name=黄埔大道 too. A report's 黄埔大道 is the whole avenue, not '2 places named 黄埔大道中'.
    path = write_osm([([(116.96, 36.70), (116.98, 36.70)], _road("黄埔大道西", alt_name="黄埔大道")),
                      ([(116.98, 36.70), (117.00, 36.70)], _road("黄埔大道中", alt_name="黄埔大道")),
                      ([(117.00, 36.70), (117.03, 36.70)], _road("黄埔大道中", alt_name="黄埔大道")),
                      ([(116.96, 36.72), (116.99, 36.72)], _road("中山大道西")),
                      ([(116.99, 36.72), (117.02, 36.72)], _road("中山大道中"))])
    gazetteer = Gazetteer().add_tier("OSM extract", load_osm(path, DISTRICT))
    for name, ids, degrees in (("黄埔大道", "w1;w2;w3", 0.07), ("中山大道", "w4;w5", 0.06)):
        match = gazetteer.lookup(name)
        assert match.strength == "exact" and match.rivals == ()
        assert match.entry.extra["osm_ids"] == ids and match.entry.geometry.length == pytest.approx(degrees)
        assert "sections" in match.entry.method
        located = _locate(gazetteer, name)
        assert located["geometry"] is not None and located["properties"]["geocode"]["matched_name"] == name
    assert gazetteer.lookup("黄埔大道西").entry.extra["osm_ids"] == "w1"  # a section is still itself
    assert gazetteer.lookup("中山大道中").entry.extra["osm_ids"] == "w5"


def test_sections_make_no_road_of_another_name_nor_join_far_apart(write_osm):
    # 天河北路 is a road of its own beside 天河路 (the direction before 路), and a 中山大道 OSM names
    # itself is that road: sections of another 中山大道 13 km away are no part of it.
    path = write_osm([([(116.96, 36.70), (116.98, 36.70)], _road("天河路")),
                      ([(116.96, 36.705), (116.98, 36.705)], _road("天河北路")),
                      ([(116.98, 36.70), (117.00, 36.70)], _road("天河路东")),
                      ([(116.96, 36.66), (116.97, 36.66)], _road("中山大道")),
                      ([(117.06, 36.74), (117.07, 36.74)], _road("中山大道西")),
                      ([(117.07, 36.74), (117.08, 36.74)], _road("中山大道中")),
                      ([(116.96, 36.68), (116.97, 36.68)], _road("解放路南")),  # sections 13 km apart:
                      ([(117.06, 36.74), (117.07, 36.745)], _road("解放路北"))])  # no road of them
    entries = load_osm(path, DISTRICT)
    gazetteer = Gazetteer().add_tier("OSM extract", entries)
    assert gazetteer.lookup("天河路").entry.extra["osm_ids"] == "w1;w3"  # its own ways and its 东 section
    assert gazetteer.lookup("天河北路").entry.extra["osm_ids"] == "w2"
    assert gazetteer.lookup("中山大道").entry.extra["osm_ids"] == "w4"
    assert gazetteer.lookup("解放路") is None


def test_a_road_whose_section_name_changes_at_another_junction_each_way_is_measured_once(write_osm):
    # Eastbound, 中山大道西 becomes 中山大道中 at 116.98E; westbound at 116.99E: between them each
    # section has one carriageway alone, which the whole avenue would count twice.
    from pyproj import Geod

    def way(x0, x1, lat, name):
        return ([(x0, lat), (x1, lat)], _road(name, highway="primary", oneway="yes"))

    north, south = 36.70 + 20 / 111_000, 36.70 - 20 / 111_000
    path = write_osm([way(116.96, 116.98, south, "中山大道西"), way(116.98, 117.02, south, "中山大道中"),
                      way(117.02, 116.99, north, "中山大道中"), way(116.99, 116.96, north, "中山大道西")])
    road = Gazetteer().add_tier("OSM extract", load_osm(path, DISTRICT)).lookup("中山大道").entry
    along = Geod(ellps="WGS84").inv(116.96, 36.70, 117.02, 36.70)[2]
    assert Geod(ellps="WGS84").geometry_length(road.geometry) == pytest.approx(along, rel=5e-3)
    assert "measured once" in road.method


def test_a_pedestrian_square_drawn_as_a_highway_area_is_a_place_not_a_road(write_osm):
    # 花城广场 as OSM maps it: a closed way highway=pedestrian + area=yes. A report's 花城广场景观提升 (a
    # park project) needs its polygon; a closed pedestrian way without area=yes is a loop of path.
    square = [(117.00, 36.70), (117.002, 36.70), (117.002, 36.705), (117.00, 36.705), (117.00, 36.70)]
    loop = [(117.01, 36.70), (117.012, 36.70), (117.012, 36.702), (117.01, 36.70)]
    path = write_osm([(square, {"highway": "pedestrian", "area": "yes", "name": "花城广场", "name:en": "Huacheng Square"}),
                      (loop, {"highway": "pedestrian", "name": "环湖步道"})],
                     [((117.02, 36.70), {"place": "square", "name": "五羊广场"})])
    entries = {e.name: e for e in load_osm(path, DISTRICT)}
    square_entry = entries["花城广场"]
    assert square_entry.geometry.geom_type in ("Polygon", "MultiPolygon") and square_entry.feature_type == "area"
    assert entries["环湖步道"].feature_type == "road"
    assert entries["五羊广场"].geometry.geom_type == "Point"
    gazetteer = Gazetteer().add_tier("OSM extract", list(entries.values()))
    props = {"id": "park-huacheng", "name": "花城广场", "category": "park", "named": True}
    (located,), _ = geocode_projects([{"id": props["id"], "properties": props, "geometry": None}], gazetteer, DISTRICT)
    assert located["geometry"].geom_type in ("Polygon", "MultiPolygon")


def test_a_road_named_with_a_bracketed_qualifier_is_found_by_the_road_name(write_osm):
    # Mappers in China write a section or a stage into a road's name: 体育东路（北段）, 科韵路(北延段). A
    # report's 体育东路 is that road; a shop's branch in brackets (天河城（体育中心店）) names no other place.
    path = write_osm([([(116.96, 36.70), (116.97, 36.70)], _road("体育东路（北段）")),
                      ([(116.97, 36.70), (116.98, 36.70)], _road("体育东路（南段）")),
                      ([(116.96, 36.72), (116.98, 36.72)], _road("科韵路(北延段)")),
                      ([(116.96, 36.73), (116.98, 36.73)], _road("体育西路"))],
                     [((117.00, 36.71), {"shop": "mall", "name": "天河城（体育中心店）"})])
    gazetteer = Gazetteer().add_tier("OSM extract", load_osm(path, DISTRICT))
    road = gazetteer.lookup("体育东路")
    assert road.strength == "exact" and road.rivals == () and road.entry.extra["osm_ids"] == "w1;w2"
    assert gazetteer.lookup("体育东路北段").entry.extra["osm_ids"] == "w1"
    assert gazetteer.lookup("科韵路").entry.extra["osm_ids"] == "w3"
    assert gazetteer.lookup("体育西路").entry.extra["osm_ids"] == "w4"
    assert gazetteer.lookup("天河城") is None
