"""OSM extracts: every name tag, one road from all its ways, dual carriageways once, POIs from nodes, ways, areas."""

from pathlib import Path

import pytest
import shapely
from pyproj import Geod

from geo.gazetteer import Gazetteer
from geo.io import InputError
from geo.osm import load_osm
from geo.osm_tags import tag_names

from osm_xml import write_osm_xml

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
    assert tag_names(tags) == ["人民路", "Renmin Road", "人民大道", "人民街"]
    assert tag_names({"name:zh-Hans": "解放路", "name": "解放路"}) == ["解放路"]


@pytest.mark.parametrize("written, chinese", [("雁塔路 Yanta Road", "雁塔路"), ("小寨东路/Xiaozhai East Rd", "小寨东路"),
                                             ("长安南路（Chang'an South Rd）", "长安南路"), ("Yanta Road 雁塔路", "雁塔路"),
                                             ("雁塔路 | Yanta Rd", "雁塔路")])
def test_a_bilingual_name_is_found_by_its_chinese_part(tmp_path, written, chinese):
    # Some mappers tag name=雁塔路 Yanta Road: a report's 雁塔路 found no road (and its library only
    # loosely, 'contained', approximate).
    assert tag_names({"name": written}) == [written, chinese]
    path = write_osm_xml(tmp_path / "bilingual.osm", ways=[(1, [(117.00, 36.70), (117.01, 36.70)],
                                                            {"highway": "primary", "name": written})],
                         pois=[(9, (117.005, 36.701), {"amenity": "library", "name": f"{chinese}图书馆 Library"})])
    gazetteer = Gazetteer().add_tier("OSM extract", load_osm(path, TIANQIAO))
    road = gazetteer.lookup(chinese)
    assert road.entry.name == written and road.entry.geometry.geom_type == "LineString" and road.strength == "exact"
    library = gazetteer.lookup(f"{chinese}图书馆")
    assert library.entry.geometry.geom_type == "Point" and library.strength == "exact"


def test_a_name_of_chinese_alone_or_a_latin_qualifier_inside_it_gains_no_other_name():
    for name in ("雁塔路", "体育东路（北段）", "科技路 西段", "3号线", "KFC", "Yanta Rd"):
        assert tag_names({"name": name}) == [name]


def test_a_name_of_invisible_characters_alone_is_none(tmp_path):
    """Bidirectional controls, a zero-width space, a byte order mark or a soft hyphen show nothing:
    no entry, no alias is named by them (a map would label it with nothing)."""
    tags = {"name": "\u202e\u202c", "name:zh": "\u200b", "alt_name": "\ufeff;\u00ad;新华书店;\u2066\u2069"}
    assert tag_names(tags) == ["新华书店"]
    path = write_osm_xml(tmp_path / "invisible.osm", pois=[(1, (117.0, 36.7), {"shop": "books", "name": "\u200b"}),
                                                             (2, (117.0, 36.7), {"shop": "books", "name": "\u202e"}),
                                                             (3, (117.0, 36.7), {"shop": "books", "name": "书店"})])
    assert [e.name for e in load_osm(path)] == ["书店"]


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


@pytest.mark.parametrize("compressed", [False, True])
def test_invalid_coordinates_are_taken_out_a_piece_at_a_time_with_elements_cut_between_pieces(
        tmp_path, monkeypatch, compressed):
    import gzip

    from geo import osm_files

    plain = _osm_file(tmp_path, "abc", "36.72")
    whole = [(e.name, e.geometry.wkt) for e in load_osm(plain, warnings=[])]
    path = plain
    if compressed:  # a .osm.gz is copied unpacked, a piece at a time too
        path = tmp_path / "small.osm.gz"
        path.write_bytes(gzip.compress(plain.read_bytes()))
    monkeypatch.setattr(osm_files, "PIECE_BYTES", 7)  # every element cut between pieces
    warnings = []
    assert [(e.name, e.geometry.wkt) for e in load_osm(path, warnings=warnings)] == whole
    assert whole[0][0] == "北园小学" and len(warnings) == 1 and "left out 1 node(s)" in warnings[0]


def test_an_attribute_holding_a_closing_bracket_does_not_hide_an_invalid_coordinate(tmp_path):
    path = _osm_file(tmp_path, "36.705", "36.72")
    path.write_text(path.read_text(encoding="utf-8").replace(
        '<node id="1" lat="36.705"', '<node id="1" user="a>b" lat="abc"'), encoding="utf-8")
    warnings = []
    assert [e.name for e in load_osm(path, warnings=warnings)] == ["北园小学", "水屯北路"]
    assert len(warnings) == 1 and "left out 1 node(s)" in warnings[0]


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


# --- OSM as Chinese mappers tag it: route relations, motorways and their links, refs as typed,
# bridges under their own name, roads being built.

def _real_osm(tmp_path, ways, relations=(), name="real.osm", pois=()):
    """An OSM XML file of ``ways`` ``(id, [(lon, lat), ...], tags)`` (nodes numbered in
    order), ``pois`` ``((lon, lat), tags)`` (nodes 9001, 9002...) and ``relations``
    ``(id, members, tags)``: a member is a way id, ``"r<id>"`` for a relation, or
    ``(member, role)``."""
    return write_osm_xml(tmp_path / name, ways, [(number, xy, tags) for number, (xy, tags) in enumerate(pois, 9001)],
                         relations)


TIANQIAO = shapely.box(116.95, 36.65, 117.10, 36.75)
G104_ROUTE = {"type": "route", "route": "road", "ref": "G104", "name": "104国道", "network": "CN:national"}


def _km(geom):
    return GEOD.geometry_length(geom) / 1000


def test_unnamed_ways_of_a_road_route_relation_are_that_codes_road(tmp_path):
    path = _real_osm(tmp_path, [
        (100, [(117.00, 36.66), (117.00, 36.67)], {"highway": "trunk"}),  # no name, no ref
        (101, [(117.00, 36.67), (117.00, 36.68)], {"highway": "trunk", "lanes": "4"}),
        (102, [(117.00, 36.68), (117.00, 36.69)], {"highway": "trunk", "name": "北园大街"}),  # named locally
        (103, [(117.05, 36.66), (117.05, 36.67)], {"highway": "trunk"}),  # in no route: never read
    ], [(900, [100, 101, 102], G104_ROUTE)])
    entries = {e.name: e for e in load_osm(path, TIANQIAO)}
    assert sorted(entries) == ["G104", "北园大街"]
    assert entries["G104"].extra["osm_ids"] == "w100;w101;w102"
    assert entries["G104"].geometry.geom_type == "LineString"
    assert _km(entries["G104"].geometry) == pytest.approx(3.33, rel=1e-2)
    assert entries["北园大街"].extra["osm_ids"] == "w102"
    gazetteer = Gazetteer().add_tier("OSM extract", list(entries.values()))
    for name in ("104国道", "G104", "国道104线"):
        assert gazetteer.lookup(name).entry.extra["osm_ids"] == "w100;w101;w102"


def test_a_road_routes_name_and_bare_numbered_ref_reach_its_member_ways(tmp_path):
    path = _real_osm(tmp_path, [
        (200, [(117.02, 36.66), (117.02, 36.68)], {"highway": "motorway"}),
        (201, [(117.02, 36.68), (117.02, 36.70)], {"highway": "motorway", "name": "济南绕城高速"}),
        (300, [(117.06, 36.66), (117.06, 36.67)], {"highway": "primary"}),
        (400, [(117.08, 36.66), (117.08, 36.67)], {"highway": "secondary"}),
    ], [(901, [200, 201], {"type": "route", "route": "road", "ref": "G2", "name": "京沪高速公路",
                           "name:en": "Beijing–Shanghai Expressway", "network": "CN:expressway"}),
        (902, [300], {"type": "route", "route": "road", "ref": "220", "network": "CN:national"}),
        (903, [400], {"type": "route", "route": "bus", "ref": "K51", "name": "K51路"}),  # a bus route: no road
        (904, [400], {"type": "route", "route": "road", "ref": "1", "network": "CN:SD:expressway"})])
    entries = {e.name: e for e in load_osm(path, TIANQIAO)}
    assert sorted(entries) == ["G2", "G220", "S1", "京沪高速公路", "济南绕城高速"]
    assert entries["S1"].extra["osm_ids"] == "w400"
    assert entries["京沪高速公路"].extra["osm_ids"] == entries["G2"].extra["osm_ids"] == "w200;w201"
    assert "Beijing–Shanghai Expressway" not in entries["京沪高速公路"].aliases
    assert entries["G220"].extra["osm_ids"] == "w300"


def test_road_route_relations_read_alike_from_pbf(tmp_path):
    import osmium

    xml = _real_osm(tmp_path, [(100, [(117.00, 36.66), (117.00, 36.67)], {"highway": "trunk"}),
                               (101, [(117.00, 36.67), (117.00, 36.68)], {"highway": "trunk"})],
                    [(900, [100, 101], G104_ROUTE)])
    pbf = tmp_path / "shandong.osm.pbf"
    with osmium.SimpleWriter(str(pbf)) as writer:
        for obj in osmium.FileProcessor(str(xml)):
            writer.add(obj)
    (road,) = load_osm(pbf, TIANQIAO)
    assert road.name == "G104" and road.extra["osm_ids"] == "w100;w101"
    assert _km(road.geometry) == pytest.approx(2.22, rel=1e-2)


def test_motorway_named_and_coded_is_one_road_measured_once_without_its_links(tmp_path):
    motorway = {"highway": "motorway", "ref": "G2", "name": "京沪高速公路", "name:en": "Beijing-Shanghai Expressway"}
    path = _real_osm(tmp_path, [
        (200, [(117.02, 36.66), (117.02, 36.70)], motorway),  # northbound carriageway
        (201, [(117.0203, 36.70), (117.0203, 36.66)], motorway),  # southbound, 27 m away
        (202, [(117.02, 36.68), (117.025, 36.681), (117.03, 36.681)], {"highway": "motorway_link"}),
        (203, [(117.0203, 36.69), (117.026, 36.691), (117.03, 36.69)],  # a ramp named and coded like it
         {"highway": "motorway_link", "name": "京沪高速公路", "ref": "G2", "oneway": "yes"}),
        (204, [(116.96, 36.74), (116.965, 36.745)],  # a ramp 6 km from the mainline: no second G2
         {"highway": "motorway_link", "ref": "G2"}),
        (205, [(117.05, 36.70), (117.052, 36.702)], {"highway": "motorway_link", "name": "北园立交匝道"}),
        (206, [(117.02, 36.67), (117.028, 36.672)],  # a ramp being built
         {"highway": "construction", "construction": "motorway_link", "ref": "G2"}),
    ])
    entries = {e.name: e for e in load_osm(path, TIANQIAO)}
    assert sorted(entries) == ["G2", "京沪高速公路", "北园立交匝道"]  # a ramp of its own name stays findable
    for road in (entries["G2"], entries["京沪高速公路"]):
        assert road.extra["osm_ids"] == "w200;w201" and "dual carriageway" in road.method
        assert _km(road.geometry) == pytest.approx(4.44, rel=1e-2)  # one carriageway's length
    gazetteer = Gazetteer().add_tier("OSM extract", list(entries.values()))
    match = gazetteer.lookup("G2")
    assert match.entry.extra["osm_ids"] == "w200;w201" and match.rivals == ()


@pytest.mark.parametrize("ref", ["G 220", "Ｇ２２０", "g220", "G220;AH1", "G220/S102", "G220 S102", "S102 G220"])
def test_a_ref_as_mappers_type_it_is_the_code(tmp_path, ref):
    path = _real_osm(tmp_path, [(300, [(117.04, 36.66), (117.04, 36.67)], {"highway": "primary", "ref": ref,
                                                                           "int_ref": "AH1"})])
    assert "G220" in [e.name for e in load_osm(path, TIANQIAO)]


def test_a_way_whose_names_hold_its_ref_code_is_counted_once_in_the_codes_road(tmp_path):
    path = _real_osm(tmp_path, [
        (100, [(117.00, 36.66), (117.00, 36.67)], {"highway": "trunk", "ref": "G104"}),
        (101, [(117.00, 36.67), (117.00, 36.68)], {"highway": "trunk", "ref": "G104", "name": "北园大街",
                                                   "alt_name": "G104"}),
    ])
    road = {e.name: e for e in load_osm(path, TIANQIAO)}["G104"]
    assert road.extra["osm_ids"] == "w100;w101" and "2 ways merged" in road.method  # w101 was in it twice
    assert road.geometry.geom_type == "LineString" and _km(road.geometry) == pytest.approx(2.22, rel=1e-2)


def test_a_bridge_under_its_own_name_is_part_of_the_road_of_its_ref(tmp_path):
    path = _real_osm(tmp_path, [
        (300, [(117.04, 36.66), (117.04, 36.67)], {"highway": "primary", "ref": "G220"}),
        (301, [(117.04, 36.67), (117.04, 36.68)], {"highway": "primary", "ref": "G220", "bridge": "yes",
                                                    "layer": "1", "name": "黄河大桥"}),
        (302, [(117.04, 36.68), (117.04, 36.69)], {"highway": "primary", "ref": "G220", "tunnel": "yes",
                                                    "name": "千佛山隧道"})])
    entries = {e.name: e for e in load_osm(path, TIANQIAO)}
    assert entries["G220"].extra["osm_ids"] == "w300;w301;w302"
    assert entries["G220"].geometry.geom_type == "LineString"
    assert entries["黄河大桥"].extra["osm_ids"] == "w301" and entries["千佛山隧道"].extra["osm_ids"] == "w302"


def test_roads_under_construction_or_proposed_are_roads(tmp_path):
    path = _real_osm(tmp_path, [
        (400, [(117.06, 36.66), (117.06, 36.67)], {"highway": "construction", "construction": "primary",
                                                    "name": "新泺大街"}),
        (401, [(117.06, 36.67), (117.06, 36.68)], {"highway": "primary", "name": "新泺大街"}),
        (402, [(117.07, 36.66), (117.07, 36.67)], {"highway": "proposed", "proposed": "secondary",
                                                    "name": "规划一路"})])
    entries = {e.name: e for e in load_osm(path, TIANQIAO)}
    assert entries["新泺大街"].extra["osm_ids"] == "w400;w401" and entries["新泺大街"].feature_type == "road"
    assert entries["规划一路"].feature_type == "road"
    gazetteer = Gazetteer().add_tier("OSM extract", list(entries.values()))
    assert gazetteer.lookup("新泺街").entry.name == "新泺大街" and gazetteer.lookup("规划一路") is not None


# --- Rail lines, stations, rivers and lakes as Chinese mappers tag them.

SUBWAY = {"railway": "subway", "tunnel": "yes", "layer": "-2"}


def _line_3(tmp_path, routes):
    """Line 3's unnamed tunnels (w300, w301), a platform named after its station and a stop,
    members of ``routes`` (relations ``(id, members, tags)``; ``r900``, ``r901`` are its routes)."""
    return _real_osm(tmp_path, [
        (300, [(117.00, 36.68), (117.01, 36.68)], SUBWAY),
        (301, [(117.01, 36.68), (117.02, 36.68)], SUBWAY),
        (302, [(117.005, 36.6802), (117.006, 36.6802)], {"railway": "platform", "public_transport": "platform",
                                                         "name": "王府庄"}),
        (303, [(117.01, 36.70), (117.02, 36.70)], {"highway": "primary"}),  # a street a tram route runs on
    ], routes)


def test_unnamed_ways_of_a_metro_lines_route_relations_are_that_line(tmp_path):
    path = _line_3(tmp_path, [
        (900, [300, 301, (302, "platform")], {"type": "route", "route": "subway", "ref": "3",
                                              "name": "济南轨道交通3号线: 汉峪 => 滩头", "network": "济南轨道交通"}),
        (901, [301, 300], {"type": "route", "route": "subway", "ref": "3", "name": "济南轨道交通3号线（滩头—汉峪）"}),
        (902, ["r900", "r901"], {"type": "route_master", "route_master": "subway", "name": "济南轨道交通3号线"})])
    entries = {e.name: e for e in load_osm(path, TIANQIAO)}
    line = entries["济南轨道交通3号线"]  # one name, without the routes' directions
    assert line.extra["osm_ids"] == "w300;w301" and line.geometry.geom_type == "LineString"  # not the platform
    assert line.category == "rail" and line.feature_type == "rail"
    assert _km(line.geometry) == pytest.approx(1.79, rel=1e-2)
    assert not any("=>" in e.name or "汉峪" in e.name for e in entries.values())
    gazetteer = Gazetteer().add_tier("OSM extract", list(entries.values()))
    for name in ("地铁3号线", "轨道交通3号线", "济南地铁3号线", "3号线"):
        assert gazetteer.lookup(name).entry is line


def test_a_metro_route_named_by_its_master_or_its_bare_ref_names_its_line(tmp_path):
    path = _line_3(tmp_path, [
        (900, [300], {"type": "route", "route": "subway"}),  # no name: its route_master's
        (902, ["r900"], {"type": "route_master", "route_master": "subway", "name": "济南地铁3号线"}),
        (903, [301], {"type": "route", "route": "light_rail", "ref": "R2"}),  # a bare ref
        (904, [303], {"type": "route", "route": "tram", "name": "有轨电车1号线"}),  # no name for the street
        (905, [300], {"type": "route", "route": "train", "name": "G1: 北京南 => 上海虹桥"})])  # no road G1
    entries = {e.name: e for e in load_osm(path, TIANQIAO)}
    assert "G1" not in entries
    assert entries["济南地铁3号线"].extra["osm_ids"] == "w300"
    assert entries["R2线"].extra["osm_ids"] == "w301"
    assert not any(e.extra["osm_ids"] == "w303" for e in entries.values())
    gazetteer = Gazetteer().add_tier("OSM extract", list(entries.values()))
    assert gazetteer.lookup("轨道交通R2线").entry.name == "R2线"


def test_a_metro_line_whose_name_reads_as_a_road_code_is_no_road_of_that_code(tmp_path):
    path = _real_osm(tmp_path, [
        (300, [(117.00, 36.68), (117.01, 36.68)], SUBWAY),
        (301, [(117.01, 36.69), (117.02, 36.69)], SUBWAY),
        (400, [(117.00, 36.70), (117.05, 36.70)], {"highway": "motorway", "ref": "S1"}),
    ], [(900, [300], {"type": "route", "route": "subway", "ref": "S1"}),
        (901, [301], {"type": "route", "route": "light_rail", "name": "C2线"})])
    gazetteer = Gazetteer().add_tier("OSM extract", load_osm(path, TIANQIAO))
    for name in ("地铁S1线", "轨道交通S1线"):
        assert gazetteer.lookup(name).entry.extra["osm_ids"] == "w300"
    assert gazetteer.lookup("地铁C2线").entry.extra["osm_ids"] == "w301"
    road = gazetteer.lookup("省道S1")
    assert road.entry.extra["osm_ids"] == "w400" and not road.rivals


def test_a_tram_lines_bare_ref_is_no_metro_line_of_that_number(tmp_path):
    path = _real_osm(tmp_path, [
        (300, [(117.00, 36.68), (117.01, 36.68)], SUBWAY),
        (310, [(117.05, 36.72), (117.06, 36.72)], {"railway": "tram"}),
    ], [(900, [300], {"type": "route", "route": "subway", "ref": "1", "name": "济南地铁1号线"}),
        (901, [310], {"type": "route", "route": "tram", "ref": "1", "name": "有轨电车1号线"})])
    gazetteer = Gazetteer().add_tier("OSM extract", load_osm(path, TIANQIAO))
    metro = gazetteer.lookup("地铁1号线")  # was the tram's "1号线", the metro its rival
    assert metro.entry.extra["osm_ids"] == "w300" and not metro.rivals
    assert gazetteer.lookup("有轨电车1号线").entry.extra["osm_ids"] == "w310"


def test_a_station_is_found_with_or_without_its_zhan_but_never_by_a_road_or_village_of_its_name(tmp_path):
    path = _real_osm(tmp_path, [
        (500, [(117.00, 36.69), (117.01, 36.69)], {"highway": "residential", "name": "王府庄路"}),
        (501, [(116.98, 36.67), (116.99, 36.67), (116.99, 36.675), (116.98, 36.675), (116.98, 36.67)],
         {"railway": "station", "public_transport": "station", "train": "yes", "name": "济南西"}),
    ], pois=[((117.005, 36.681), {"railway": "station", "station": "subway", "public_transport": "station",
                                  "subway": "yes", "name": "王府庄"})])
    entries = {e.name: e for e in load_osm(path, TIANQIAO)}
    west = entries["济南西"]  # a station's outline is a place, not a railway line
    assert west.geometry.geom_type in ("Polygon", "MultiPolygon") and west.category == "rail"
    assert "济南西站" in west.aliases and "王府庄站" in entries["王府庄"].aliases
    gazetteer = Gazetteer().add_tier("OSM extract", list(entries.values()))
    assert gazetteer.lookup("王府庄站").entry.name == "王府庄"
    assert gazetteer.lookup("济南西站").entry is west
    assert gazetteer.lookup("王府庄路").entry.name == "王府庄路"
    assert gazetteer.lookup("王府庄村") is None and gazetteer.lookup("王府庄路站") is None


def test_unnamed_ways_of_a_waterway_relation_are_that_river(tmp_path):
    path = _real_osm(tmp_path, [
        (600, [(116.97, 36.72), (117.00, 36.72)], {"waterway": "river"}),
        (601, [(117.00, 36.72), (117.03, 36.72)], {"waterway": "river", "bridge": "no"}),
        (602, [(117.03, 36.72), (117.03, 36.73)], {"waterway": "stream"}),  # a tributary, not a member
    ], [(910, [(600, "main_stream"), (601, "main_stream")], {"type": "waterway", "waterway": "river",
                                                             "name": "小清河", "name:en": "Xiaoqing River"})])
    (river,) = load_osm(path, TIANQIAO)
    assert river.name == "小清河" and river.extra["osm_ids"] == "w600;w601"
    assert river.category == "water" and river.geometry.geom_type == "LineString"


def test_an_unnamed_place_among_a_routes_members_is_no_feature_and_no_crash(tmp_path):
    path = tmp_path / "banks.osm"
    path.write_text('''<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6">
<node id="1" lat="36.72" lon="116.97"/><node id="2" lat="36.72" lon="117.00"/><node id="3" lat="36.72" lon="117.03"/>
<node id="4" lat="36.721" lon="117.03"/><node id="5" lat="36.721" lon="117.00"/>
<way id="600"><nd ref="1"/><nd ref="2"/><tag k="waterway" v="river"/></way>
<way id="601"><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="5"/><nd ref="2"/><tag k="waterway" v="riverbank"/></way>
<relation id="910"><member type="way" ref="600" role="main_stream"/><member type="way" ref="601" role=""/>
<tag k="type" v="waterway"/><tag k="waterway" v="river"/><tag k="name" v="小清河"/></relation>
</osm>''', encoding="utf-8")
    (river,) = load_osm(path, TIANQIAO)  # the banks (w601), closed and unnamed, were an entry without a name
    assert river.name == "小清河" and river.extra["osm_ids"] == "w600"


def test_a_rivers_relation_listing_its_tributarys_gives_that_tributary_no_name(tmp_path):
    path = _real_osm(tmp_path, [
        (600, [(116.97, 36.72), (117.00, 36.72)], {"waterway": "river"}),
        (601, [(117.03, 36.72), (117.03, 36.74)], {"waterway": "river"}),
    ], [(910, [(600, "main_stream"), ("r911", "tributary")], {"type": "waterway", "waterway": "river", "name": "黄河"}),
        (911, [(601, "main_stream")], {"type": "waterway", "waterway": "river", "name": "小清河"})])
    assert [(e.name, e.extra["osm_ids"]) for e in load_osm(path, TIANQIAO)] == [("小清河", "w601"), ("黄河", "w600")]


# --- ... and geocoded from a report's project names.

def _geocode(path, *projects):
    """Geocode ``projects`` ``(name, category, base_name, section)`` against the OSM file alone."""
    from geo.geocode import geocode_projects

    outside = []
    gazetteer = Gazetteer().add_tier("OSM extract", load_osm(path, TIANQIAO, outside=outside))
    gazetteer.add_outside("OSM extract", outside)
    features = [{"id": str(n), "geometry": None,
                 "properties": {"id": str(n), "name": name, "category": category, "named": True,
                                "base_name": base or name, "section": section}}
                for n, (name, category, base, section) in enumerate(projects)]
    located, _ = geocode_projects(features, gazetteer, TIANQIAO, warnings=[])
    return [(f["geometry"], f["properties"]["geocode"]) for f in located]


def test_a_reports_metro_line_and_its_phase_locate_on_the_lines_route_relation(tmp_path):
    path = _line_3(tmp_path, [(900, [300, 301], {"type": "route", "route": "subway", "ref": "3",
                                                 "name": "济南轨道交通3号线: 汉峪 => 滩头"})])
    (line, whole), (phase, second) = _geocode(path, ("地铁3号线", "rail", None, None),
                                               ("轨道交通3号线二期", "rail", "轨道交通3号线", "二期"))
    assert whole["status"] == "matched" and whole["matched_name"] == "济南轨道交通3号线"
    assert line.geom_type == "LineString" and _km(line) == pytest.approx(1.79, rel=1e-2)
    assert second["status"] == "approximate" and phase.equals(line)  # a phase: somewhere along the line


def test_a_station_named_after_its_line_is_the_station_of_that_name_on_that_line(tmp_path):
    station = {"railway": "station", "station": "subway", "public_transport": "station"}
    path = _real_osm(tmp_path, [
        (700, [(116.96, 36.66), (117.00, 36.66)], {"railway": "subway", "name": "济南地铁1号线"}),
        (701, [(117.03, 36.70), (117.05, 36.70)], {"railway": "subway", "name": "济南地铁2号线"}),
    ], pois=[((116.98, 36.6612), {**station, "name": "王府庄"}),  # on line 1
             ((117.08, 36.74), {**station, "name": "王府庄"})])  # a namesake 11 km away, on no line here
    on_1, bare, on_2 = _geocode(path, ("地铁1号线王府庄站", "rail", None, None), ("王府庄站", "transport", None, None),
                                ("地铁2号线王府庄站", "rail", None, None))
    assert on_1[1]["status"] == "matched" and on_1[0].equals(shapely.Point(116.98, 36.6612))
    assert bare[0] is None and "2 places named" in bare[1]["reason"]  # the report does not say which
    assert on_2[0] is None and "station named '王府庄', but none within 500 m of 济南地铁2号线" in on_2[1]["reason"]


def test_a_river_locates_as_its_line_not_its_banks_of_the_same_name(tmp_path):
    path = _real_osm(tmp_path, [
        (600, [(116.97, 36.72), (117.00, 36.72)], {"waterway": "river"}),
        (601, [(117.00, 36.72), (117.03, 36.72)], {"waterway": "river"}),
        (602, [(116.96, 36.71), (116.99, 36.71), (116.99, 36.7105), (116.96, 36.7105), (116.96, 36.71)], {}),
    ], [(910, [600, 601], {"type": "waterway", "waterway": "river", "name": "小清河"}),
        (911, [(602, "outer")], {"type": "multipolygon", "natural": "water", "water": "river", "name": "小清河"})])
    river, section = _geocode(path, ("小清河", "water", None, None), ("小清河(天桥段)", "water", "小清河", "天桥段"))
    assert river[0] is not None and river[0].geom_type == "LineString" and river[1]["status"] == "matched"
    assert section[0].geom_type == "LineString" and section[1]["status"] == "approximate"


def test_a_lake_or_a_river_mapped_only_by_its_banks_locates_as_its_area(tmp_path):
    bank = [(117.04, 36.72), (117.06, 36.72), (117.06, 36.7205), (117.04, 36.7205), (117.04, 36.72)]
    lake = [(117.03, 36.70), (117.035, 36.70), (117.035, 36.705), (117.03, 36.705), (117.03, 36.70)]
    far = [(117.20, 36.80), (117.21, 36.80), (117.21, 36.81), (117.20, 36.81), (117.20, 36.80)]
    path = _real_osm(tmp_path, [
        (603, bank, {}),
        (604, lake, {"natural": "water", "water": "lake", "name": "华山湖"}),
        (605, far, {"natural": "water", "water": "reservoir", "name": "鹊山水库"}),
    ], [(912, [(603, "outer")], {"type": "multipolygon", "natural": "water", "water": "river", "name": "北太平河"})])
    banks, lake_area, reservoir = _geocode(path, ("北太平河", "water", None, None), ("华山湖", "water", None, None),
                                           ("鹊山水库", "water", None, None))
    assert banks[0].geom_type in ("Polygon", "MultiPolygon") and banks[1]["status"] == "matched"
    assert lake_area[0].geom_type in ("Polygon", "MultiPolygon") and lake_area[1]["matched_name"] == "华山湖"
    assert reservoir[0] is None and "km outside the district" in reservoir[1]["reason"]


def test_features_far_beyond_the_district_are_not_read_but_a_road_crossing_it_is(tmp_path):
    # A province's or the country's extract: what lies wholly beyond OSM_READ_BEYOND_M of the
    # district's box is skipped unread; namesakes nearer are kept aside for the reasons.
    path = _real_osm(tmp_path, [
        (700, [(117.00, 36.70), (117.02, 36.70)], {"highway": "primary", "name": "北园大街"}),
        (701, [(117.20, 36.70), (117.22, 36.70)], {"highway": "primary", "name": "近郊路"}),      # ~9 km east
        (702, [(118.50, 36.70), (118.52, 36.70)], {"highway": "primary", "name": "远方路"}),      # ~125 km east
        (703, [(115.00, 36.72), (119.00, 36.72)], {"highway": "motorway", "name": "横贯高速"}),  # ends far, crosses
        (704, [(118.5, 36.9), (118.51, 36.9), (118.51, 36.91), (118.5, 36.91), (118.5, 36.9)],
         {"leisure": "park", "name": "远方公园"}),
    ], pois=[((118.6, 36.7), {"amenity": "school", "name": "远方中学"}),
             ((117.05, 36.71), {"amenity": "school", "name": "天桥中学"})])
    outside = []
    names = {e.name for e in load_osm(path, TIANQIAO, outside=outside)}
    assert names == {"北园大街", "横贯高速", "天桥中学"}
    assert {e.name for e in outside} == {"近郊路"}
    assert {e.name for e in load_osm(path, TIANQIAO.buffer(2.0))} >= {"远方路", "远方公园", "远方中学"}
    assert {e.name for e in load_osm(path)} >= {"远方路", "远方公园", "远方中学", "近郊路"}  # no outline: everything


def test_works_a_report_builds_are_utility_sites_a_project_finds(tmp_path):
    # 污水处理厂, 自来水厂, 变电站: man_made / power in OSM (a closed way, a node).
    plant = [(117.01, 36.70), (117.015, 36.70), (117.015, 36.705), (117.01, 36.705), (117.01, 36.70)]
    path = _real_osm(tmp_path, [
        (620, plant, {"man_made": "wastewater_plant", "name": "天桥污水处理厂"}),
        (621, [(117.02, 36.71), (117.03, 36.71)], {"man_made": "pipeline", "name": "输水管线"}),  # open: no site
    ], pois=[((117.04, 36.72), {"power": "substation", "name": "北园110千伏变电站"})])
    entries = {e.name: e for e in load_osm(path, TIANQIAO)}
    assert entries["天桥污水处理厂"].category == "utility" and entries["天桥污水处理厂"].geometry.geom_type in ("Polygon", "MultiPolygon")
    assert entries["北园110千伏变电站"].category == "utility" and entries["北园110千伏变电站"].feature_type == "facility"
    assert "输水管线" not in entries
    plant_site, substation = _geocode(path, ("天桥污水处理厂", "utility", None, None), ("北园110千伏变电站", "utility", None, None))
    assert plant_site[0].geom_type == "Point" and plant_site[1]["status"] == "matched"
    assert substation[0].equals(shapely.Point(117.04, 36.72))


def test_unnamed_route_members_are_located_from_the_first_pass_and_far_ones_skipped(tmp_path, monkeypatch):
    # A country's train routes: their unnamed member ways are placed by the node locations the
    # first pass kept, without a second pass over the file, and those far away are not kept.
    import geo.osm_osmium

    path = _real_osm(tmp_path, [
        (630, [(117.00, 36.70), (117.02, 36.70)], {"railway": "rail"}),   # in the district
        (631, [(118.90, 36.70), (118.92, 36.70)], {"railway": "rail"}),   # ~170 km east
    ], [(940, [630, 631], {"type": "route", "route": "train", "name": "测试铁路"})])
    monkeypatch.setattr(geo.osm_osmium, "locate_incomplete", lambda *args, **kwargs: pytest.fail("a second pass"))
    outside = []
    [railway] = load_osm(path, TIANQIAO, outside=outside)
    assert railway.name == "测试铁路" and railway.geometry.bounds == pytest.approx((117.00, 36.70, 117.02, 36.70))
    assert not outside  # the far member was not even read


def test_a_way_without_nodes_is_left_out_not_a_traceback(tmp_path):
    # Overpass "out tags" (or a damaged file) writes ways without their nodes: a named road's, and a
    # route's unnamed member's, located from the first pass's table.
    path = _real_osm(tmp_path, [
        (640, [(117.00, 36.70), (117.02, 36.70)], {"railway": "rail"}),
        (641, [], {"railway": "rail"}),
        (642, [], {"highway": "primary", "name": "空路"}),
        (643, [], {"leisure": "park", "name": "空公园"}),
    ], [(941, [640, 641], {"type": "route", "route": "train", "name": "测试铁路"})])
    assert [(e.name, e.extra["osm_ids"]) for e in load_osm(path, TIANQIAO)] == [("测试铁路", "w640")]


def test_invisible_characters_inside_an_osm_name_are_dropped_from_the_name_shown(tmp_path):
    # 新华\u202e书店 showed on the map as 新华店书 (the override reverses the rest of the line).
    tags = {"name": "新华\u202e书店\u202c", "alt_name": "\u2066新华\u200b书屋\u2069"}
    assert tag_names(tags) == ["新华书店", "新华书屋"]
    path = write_osm_xml(tmp_path / "invisible.osm", pois=[(1, (117.0, 36.7), {"shop": "books", **tags})])
    assert [(e.name, e.aliases) for e in load_osm(path)] == [("新华书店", ("新华书屋",))]
