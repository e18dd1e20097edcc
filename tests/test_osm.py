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


def _osm_file(tmp_path, first_lat, poi_lat, name="small.osm"):
    """A road of three nodes (the first at ``first_lat``) and a named POI at ``poi_lat``."""
    path = tmp_path / name
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6">\n'
        f'<node id="1" lat="{first_lat}" lon="116.98"/><node id="2" lat="36.700" lon="117.010"/>'
        '<node id="3" lat="36.700" lon="116.990"/>\n'
        '<way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/>'
        '<tag k="name" v="水屯北路"/></way>\n'
        f'<node id="5" lat="{poi_lat}" lon="117.004"><tag k="amenity" v="school"/><tag k="name" v="北园小学"/></node>\n'
        '</osm>\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("bad", ["95", "abc", "NaN", "1e308", "36,7"])
def test_nodes_with_invalid_coordinates_are_left_out_with_one_warning(tmp_path, bad):
    warnings = []
    entries = load_osm(_osm_file(tmp_path, bad, bad), warnings=warnings)
    assert [e.name for e in entries] == ["水屯北路"]  # the road keeps the part between valid nodes
    assert entries[0].geometry.bounds[0] == pytest.approx(116.99)
    assert len(warnings) == 1 and "small.osm: left out 2 node(s) with invalid coordinates" in warnings[0]


def test_invalid_coordinates_warning_goes_to_stderr_without_a_list(tmp_path, capsys):
    load_osm(_osm_file(tmp_path, "36.7", "abc"))
    assert capsys.readouterr().err.splitlines() == [
        f"warning: {tmp_path / 'small.osm'}: left out 1 node(s) with invalid coordinates "
        "(not a number, or beyond ±90/±180)"]


def test_a_file_whose_only_features_have_invalid_coordinates_is_one_error(tmp_path):
    path = tmp_path / "bad.osm"
    path.write_text('<?xml version="1.0"?><osm version="0.6"><node id="5" lat="95" lon="117.004">'
                    '<tag k="amenity" v="school"/><tag k="name" v="北园小学"/></node></osm>', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.osm: nothing usable: 1 node\(s\) with invalid coordinates"):
        load_osm(path)


def test_a_road_is_found_by_the_code_of_its_ref_tag_named_or_not(tmp_path):
    path = tmp_path / "codes.osm"
    nodes = "".join(f'<node id="{i}" lat="{lat}" lon="{lon}"/>' for i, (lat, lon) in enumerate(
        [(36.70, 116.98), (36.70, 117.00), (36.70, 117.02), (36.69, 116.98), (36.69, 117.00),
         (36.68, 116.98), (36.68, 117.00), (36.60, 117.00), (36.60, 117.01)], 1))
    way = '<way id="{}"><nd ref="{}"/><nd ref="{}"/><tag k="highway" v="{}"/>{}</way>'.format
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6">' + nodes
        + way(10, 1, 2, "trunk", '<tag k="ref" v="G104"/>')  # no name: found only by its code
        + way(11, 2, 3, "trunk", '<tag k="ref" v="G104"/><tag k="name" v="北园大街"/>')
        + way(12, 4, 5, "primary", '<tag k="ref" v="G309;S102"/><tag k="name" v="济泺路"/>')
        + way(13, 6, 7, "primary", '<tag k="name" v="309国道"/>')  # a code for a name
        + way(14, 8, 9, "service", '<tag k="ref" v="7号"/>')  # not a road code: left out
        + "</osm>", encoding="utf-8")
    entries = {e.name: e for e in load_osm(path)}
    assert sorted(entries) == ["G104", "G309", "S102", "北园大街", "济泺路"]
    assert entries["G104"].extra["osm_ids"] == "w10;w11" and entries["G104"].geometry.length == pytest.approx(0.04)
    assert entries["G309"].extra["osm_ids"] == "w12;w13" and entries["G309"].aliases == ("309国道",)
    assert entries["G309"].method.startswith("road code match on OSM highway feature (2 ways merged")
    assert entries["北园大街"].extra["osm_ids"] == "w11" and entries["北园大街"].method.startswith("name match")
    gazetteer = Gazetteer().add_tier("OSM extract", list(entries.values()))
    for name, road in (("104国道", "G104"), ("国道G309线", "G309"), ("309国道", "G309"), ("省道S102线", "S102")):
        assert gazetteer.lookup(name).entry.name == road


def _overpass(elements):
    return {"version": 0.6, "generator": "Overpass API 0.7.62", "osm3s": {"copyright": "ODbL"}, "elements": elements}


def _as_tuples(entries):
    return [(e.name, e.geometry.wkt, e.extra["osm_ids"], e.category) for e in entries]


def test_overpass_json_out_body_and_out_geom_read_like_the_xml(tmp_path):
    import json

    xml = load_osm(_osm_file(tmp_path, "36.705", "36.72"))
    road = {"type": "way", "id": 10, "nodes": [1, 2, 3], "tags": {"highway": "primary", "name": "水屯北路"}}
    school = {"type": "node", "id": 5, "lat": 36.72, "lon": 117.004, "tags": {"amenity": "school", "name": "北园小学"}}
    nodes = [{"type": "node", "id": 1, "lat": 36.705, "lon": 116.98}, {"type": "node", "id": 2, "lat": 36.7, "lon": 117.01},
             {"type": "node", "id": 3, "lat": 36.7, "lon": 116.99}]
    body = tmp_path / "body.json"  # out body; >; out skel: the way before its nodes
    body.write_text(json.dumps(_overpass([road, school, *nodes])), encoding="utf-8")
    geom = tmp_path / "geom.json"  # out geom: coordinates on the way, no node elements
    geom.write_text(json.dumps(_overpass([{**road, "geometry": [{"lat": n["lat"], "lon": n["lon"]} for n in nodes]},
                                          school])), encoding="utf-8")
    assert _as_tuples(load_osm(body)) == _as_tuples(load_osm(geom))
    assert [(n, w, c) for n, w, _, c in _as_tuples(load_osm(body))] == [(n, w, c) for n, w, _, c in _as_tuples(xml)]


def test_overpass_json_out_center_is_refused_as_in_xml(tmp_path):
    import json

    path = tmp_path / "center.json"
    path.write_text(json.dumps(_overpass([{"type": "way", "id": 10, "center": {"lat": 36.7, "lon": 117.0},
                                           "tags": {"highway": "primary", "name": "水屯北路"}}])), encoding="utf-8")
    with pytest.raises(InputError, match="Overpass 'out center' output has no way geometry"):
        load_osm(path)


def test_a_deeply_nested_overpass_answer_is_refused_with_its_file_name(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"version": 0.6, "elements": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(InputError, match=r"deep\.json: JSON nested too deeply \(not an Overpass answer\?\)$"):
        load_osm(path)


def test_a_deeply_nested_geojson_is_not_taken_for_an_overpass_export(tmp_path):
    from geo.osm import is_osm_geojson

    path = tmp_path / "deep.geojson"
    path.write_text('{"a": ' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    assert is_osm_geojson(path) is False  # its reader then says what is wrong with it
