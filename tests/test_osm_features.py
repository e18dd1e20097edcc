"""OSM line ways kept by name (geo.osm_features): a road's bridge way also under the bridge's name."""

import shapely

from geo.gazetteer import Gazetteer
from geo.geocode import geocode_projects
from geo.osm import load_osm

DISTRICT = shapely.box(116.95, 36.65, 117.10, 36.75)


def _road(name, **more):
    return {"highway": "secondary", "name": name, **more}


def test_a_bridge_named_after_its_road_is_the_roads_bridge_way(write_osm):
    # 青山县's report names 白石路桥; OSM draws it as 白石路's way tagged bridge=yes: it was unlocated ("no line
    # named '白石路桥'"); a bridge:name (青松大桥) names its way too; the road itself stays whole
    path = write_osm([([(117.00, 36.66), (117.00, 36.699)], _road("白石路")),
                      ([(117.00, 36.699), (117.00, 36.701)], _road("白石路", bridge="yes", layer="1")),
                      ([(117.00, 36.701), (117.00, 36.74)], _road("白石路")),
                      ([(117.05, 36.70), (117.052, 36.70)], _road("青松路", bridge="yes", **{"bridge:name": "青松大桥"})),
                      ([(117.06, 36.70), (117.062, 36.70)], _road("岚溪桥", bridge="yes"))])
    gazetteer = Gazetteer().add_tier("OSM extract", load_osm(path, DISTRICT))
    projects = [{"id": n, "geometry": None, "properties": {"id": n, "name": n, "category": "bridge", "named": True}}
                for n in ("白石路桥", "青松大桥", "白石路", "岚溪桥桥")]
    located, _ = geocode_projects(projects, gazetteer, DISTRICT)
    bridge, named, road, twice = located
    assert shapely.hausdorff_distance(bridge["geometry"], shapely.LineString([(117.00, 36.699), (117.00, 36.701)])) < 1e-6
    assert bridge["properties"]["geocode"]["status"] == "matched"
    assert "a bridge of 白石路: its way tagged bridge" in bridge["properties"]["geocode"]["method"]
    assert shapely.hausdorff_distance(named["geometry"], shapely.LineString([(117.05, 36.70), (117.052, 36.70)])) < 1e-6
    assert road["geometry"].length > 0.07  # 白石路 whole, its bridge included
    assert twice["geometry"] is None  # a way named as a bridge already gets no second 桥


def test_two_bridges_of_one_road_a_kilometre_apart_are_two_not_one_of_two_lines(write_osm):
    # 白石路 crosses a river and a railway 1.5 km apart, each on a bridge way: they were one 白石路桥 of two lines
    # (ways of one name within 2.5 km are one road), placed as both, claiming 20 m; now two places, the project
    # unlocated saying so; a bridge's two carriageways (30 m apart) stay one bridge
    path = write_osm([([(117.00, 36.66), (117.00, 36.699)], _road("白石路")),
                      ([(117.00, 36.699), (117.00, 36.701)], _road("白石路", bridge="yes")),
                      ([(117.00, 36.701), (117.00, 36.7125)], _road("白石路")),
                      ([(117.00, 36.7125), (117.00, 36.7145)], _road("白石路", bridge="yes")),
                      ([(117.00, 36.7145), (117.00, 36.74)], _road("白石路")),
                      ([(117.05, 36.699), (117.05, 36.701)], _road("青松路", bridge="yes", oneway="yes")),
                      ([(117.0503, 36.701), (117.0503, 36.699)], _road("青松路", bridge="yes", oneway="yes"))])
    entries = load_osm(path, DISTRICT)
    assert len([e for e in entries if e.name == "白石路桥"]) == 2
    assert len([e for e in entries if e.name == "青松路桥"]) == 1
    gazetteer = Gazetteer().add_tier("OSM extract", entries)
    projects = [{"id": n, "geometry": None, "properties": {"id": n, "name": n, "category": "bridge", "named": True}}
                for n in ("白石路桥", "青松路桥")]
    (twice, once), _ = geocode_projects(projects, gazetteer, DISTRICT)
    assert twice["geometry"] is None and twice["properties"]["geocode"]["reason"].startswith("2 places named '白石路桥'")
    assert once["geometry"] is not None


def test_two_bridges_of_one_road_under_a_kilometre_apart_are_two_places_too(write_osm):
    # 白石路 crosses two arms of a river 600 m apart, each on a bridge way: the first was used, claiming 20 m
    # (places of one name under DUPLICATE_NAME_APART_M apart were one place drawn twice); now unlocated saying so
    path = write_osm([([(117.00, 36.66), (117.00, 36.699)], _road("白石路")),
                      ([(117.00, 36.699), (117.00, 36.701)], _road("白石路", bridge="yes")),
                      ([(117.00, 36.701), (117.00, 36.7054)], _road("白石路")),
                      ([(117.00, 36.7054), (117.00, 36.7074)], _road("白石路", bridge="yes")),
                      ([(117.00, 36.7074), (117.00, 36.74)], _road("白石路"))])
    gazetteer = Gazetteer().add_tier("OSM extract", load_osm(path, DISTRICT))
    projects = [{"id": "b", "geometry": None, "properties": {"id": "b", "name": "白石路桥", "category": "bridge",
                                                             "named": True}}]
    (bridge,), _ = geocode_projects(projects, gazetteer, DISTRICT)
    assert bridge["geometry"] is None
    assert bridge["properties"]["geocode"]["reason"].startswith("2 places named '白石路桥' in OpenStreetMap extract")
