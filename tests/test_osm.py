"""OSM extracts: every name tag, one road from all its ways, dual carriageways once, POIs from nodes, ways, areas."""

from pathlib import Path

import pytest
import shapely
from pyproj import Geod

from geo.gazetteer import Gazetteer
from geo.io import InputError
from geo.osm import _names, load_osm

FIXTURES = Path(__file__).parent / "fixtures"
CHENGDU = FIXTURES / "chengdu_synthetic.osm"  # synthetic, laid out like a small area of Chengdu
DISTRICT = shapely.box(104.045, 30.585, 104.09, 30.615)
GEOD = Geod(ellps="WGS84")


@pytest.fixture(scope="module")
def entries():
    return {e.name: e for e in load_osm(CHENGDU, DISTRICT)}


def test_road_is_the_union_of_its_ways_with_a_dual_carriageway_measured_once(entries):
    road = entries["锦华路"]
    # West part, dual carriageway (three one-way ways), east part after the bridge: 5 ways.
    assert road.extra["osm_ids"] == "w1;w2;w3;w4;w6"
    assert "dual carriageway" in road.method
    # Two parts: the bridge (锦华桥, its own name) leaves a 144 m gap that is not invented.
    assert road.geometry.geom_type == "MultiLineString" and len(road.geometry.geoms) == 2
    west = shapely.LineString([(104.05, 30.6), (104.075, 30.6)])
    east = shapely.LineString([(104.0765, 30.6), (104.0808, 30.6001), (104.085, 30.6002)])
    centre_line = GEOD.geometry_length(west) + GEOD.geometry_length(east)
    assert GEOD.geometry_length(road.geometry) == pytest.approx(centre_line, rel=1e-3)
    # The centre line runs midway between the carriageways (16 m either side of 30.6N).
    across = road.geometry.intersection(shapely.LineString([(104.0675, 30.59), (104.0675, 30.61)]))
    assert across.geom_type == "Point" and across.y == pytest.approx(30.6, abs=2e-6)


def test_namesake_road_in_another_county_is_not_merged_in(entries):
    assert "w7" not in entries["锦华路"].extra["osm_ids"]
    # Without an outline nothing tells them apart: the namesake is part of the entry.
    everything = {e.name: e for e in load_osm(CHENGDU)}
    assert "w7" in everything["锦华路"].extra["osm_ids"]


def test_every_name_tag_finds_the_road(entries):
    gazetteer = Gazetteer().add_tier("OSM extract", list(entries.values()))
    for name in ("锦华路", "锦华大道", "二环南辅路", "錦華路"):  # name, alt_name, old_name, name:zh-Hant
        assert gazetteer.lookup(name).entry.name == "锦华路"
    assert gazetteer.lookup("科华中路").entry.name == "科华路"


def test_own_name_prefers_chinese_tags_and_splits_multiple_values():
    tags = {"name": "Renmin Road", "name:zh": "人民路", "alt_name": "人民大道;人民街", "old_name": "人民路"}
    assert _names(tags) == ["人民路", "Renmin Road", "人民大道", "人民街"]
    assert _names({"name:zh-Hans": "解放路", "name": "解放路"}) == ["解放路"]


def test_pois_from_a_node_a_closed_way_and_a_multipolygon_relation(entries):
    clinic, school, park = entries["锦华社区卫生服务中心"], entries["新光小学"], entries["锦城公园"]
    assert clinic.geometry.geom_type == "Point" and clinic.category == "health" and clinic.aliases == ("锦华卫生院",)
    assert school.geometry.geom_type in ("Polygon", "MultiPolygon") and school.feature_type == "facility"
    assert school.category == "school" and school.extra["osm_ids"] == "w50"
    # The park is a relation of two outer ways and an inner ring (a pond): a polygon with a hole.
    assert park.extra["osm_ids"] == "r70" and park.feature_type == "area" and park.category == "park"
    (polygon,) = park.geometry.geoms
    assert len(polygon.interiors) == 1
    assert "锦城绿道公园" in park.aliases
    river = entries["清水河"]
    assert river.category == "water" and river.geometry.geom_type == "LineString"  # two ways merged


def test_osm_extract_named_features_inside_district():
    outline = shapely.box(116.9, 36.6, 117.1, 36.8)
    entries = {e.name: e for e in load_osm(FIXTURES / "mini_tianqiao.osm", outline)}
    assert "远方路" not in entries  # Shanghai: outside the district
    assert "无标签名称点" not in entries  # a name with no feature key is not a place
    road = entries["测试北路"]
    assert road.geometry.geom_type == "LineString"  # two ways merged into one line
    assert road.geometry.length == pytest.approx(0.06, rel=1e-3)
    assert entries["测试人民医院"].geometry.geom_type == "Point"
    assert "测试医院" in entries["测试人民医院"].aliases
    assert entries["测试公园"].geometry.geom_type in ("Polygon", "MultiPolygon")
    assert road.source_datum == "wgs84" and "OpenStreetMap" in road.source


def test_osm_bad_file_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.osm"
    bad.write_text("this is not xml", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable OSM file"):
        load_osm(bad)


def test_osm_features_carry_a_category_from_their_tags():
    entries = {e.name: e for e in load_osm(FIXTURES / "mini_tianqiao.osm")}
    assert entries["测试人民医院"].category == "health"
    assert entries["测试公园"].category == "park"
    assert entries["测试北路"].category is None
