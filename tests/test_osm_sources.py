"""OSM files as users hand them over: JOSM saves, Overpass API answers, Overpass Turbo GeoJSON, compressed XML, PBF."""

import bz2
import gzip
import json
import re

import pytest
import shapely
from pyproj import Geod

from geo.io import InputError
from geo.osm import is_osm_geojson, load_osm
from geo.pipeline import build_gazetteer
from osm_xml import write_osm_xml

GEOD = Geod(ellps="WGS84")
NEAR_TIANQIAO = shapely.box(116.95, 36.65, 117.08, 36.75)

# A file JOSM saves after editing: new objects have negative ids and action="modify",
# a deleted way and a deleted POI are still in the file with action="delete", an
# object deleted upstream is visible="false", and ids are not in osmium's order.
JOSM = """<?xml version='1.0' encoding='UTF-8'?>
<osm version='0.6' upload='false' generator='JOSM'>
  <bounds minlat='36.69' minlon='117.0' maxlat='36.71' maxlon='117.04' origin='CGImap 0.8.8' />
  <node id='-101' action='modify' visible='true' lat='36.694' lon='117.0262' />
  <node id='-102' action='modify' visible='true' lat='36.700' lon='117.0262' />
  <node id='-103' action='modify' visible='true' lat='36.706' lon='117.0262' />
  <node id='5001' visible='true' version='3' lat='36.706' lon='117.0300' />
  <node id='5002' action='delete' visible='true' version='3' lat='36.706' lon='117.0400' />
  <node id='-104' action='modify' visible='true' lat='36.700' lon='117.0010'>
    <tag k='amenity' v='school' /><tag k='name' v='汇才学校' />
  </node>
  <node id='-105' action='delete' visible='true' lat='36.700' lon='117.0020'>
    <tag k='amenity' v='school' /><tag k='name' v='已删除学校' />
  </node>
  <node id='6001' visible='false' version='4' lat='36.700' lon='117.0030'>
    <tag k='amenity' v='school' /><tag k='name' v='不可见学校' />
  </node>
  <node id='-301' action='modify' visible='true' lat='36.6900' lon='117.0000' />
  <node id='-302' action='modify' visible='true' lat='36.6900' lon='117.0010' />
  <node id='-303' action='modify' visible='true' lat='36.6910' lon='117.0010' />
  <node id='-304' action='modify' visible='true' lat='36.6910' lon='117.0000' />
  <way id='-201' action='modify' visible='true'>
    <nd ref='-101' /><nd ref='-102' /><tag k='highway' v='secondary' /><tag k='name' v='水屯北路' />
  </way>
  <way id='-202' action='modify' visible='true'>
    <nd ref='-102' /><nd ref='-103' /><tag k='highway' v='secondary' /><tag k='name' v='水屯北路' />
  </way>
  <way id='7001' action='delete' visible='true' version='2'>
    <nd ref='5001' /><nd ref='5002' /><tag k='highway' v='secondary' /><tag k='name' v='水屯北路' />
  </way>
  <way id='-401' action='modify' visible='true'>
    <nd ref='-301' /><nd ref='-302' /><nd ref='-303' /><nd ref='-304' /><nd ref='-301' />
    <tag k='amenity' v='hospital' /><tag k='name' v='天桥区人民医院' />
  </way>
</osm>
"""

# The Overpass API's answer to a bounding-box query: <note> and <meta>, and a way whose
# first, middle and last nodes lie outside the box and are missing from the file.
OVERPASS = """<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="Overpass API 0.7.61.5 4133829e">
<note>The data included in this document is from www.openstreetmap.org. The data is made available under ODbL.</note>
<meta osm_base="2024-05-01T12:00:00Z"/>
  <node id="1001" lat="36.6940" lon="117.0262"/>
  <node id="1002" lat="36.7000" lon="117.0262"/>
  <node id="1004" lat="36.7120" lon="117.0262"/>
  <node id="1005" lat="36.7180" lon="117.0262"/>
  <node id="2001" lat="36.7000" lon="117.0010"><tag k="amenity" v="school"/><tag k="name" v="汇才学校"/></node>
  <way id="3001">
    <nd ref="999"/><nd ref="1001"/><nd ref="1002"/><nd ref="1003"/><nd ref="1004"/><nd ref="1005"/><nd ref="998"/>
    <tag k="highway" v="secondary"/><tag k="name" v="水屯北路"/>
  </way>
</osm>
"""

# Overpass "out geom": no nodes at all, the coordinates ride on each way's <nd>.
OUT_GEOM = """<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="Overpass API 0.7.61.5 4133829e">
  <way id="3001">
    <bounds minlat="36.6940" minlon="117.0262" maxlat="36.7060" maxlon="117.0262"/>
    <nd ref="1001" lat="36.6940" lon="117.0262"/><nd ref="1002" lat="36.7000" lon="117.0262"/>
    <nd ref="1003" lat="36.7060" lon="117.0262"/>
    <tag k="highway" v="secondary"/><tag k="name" v="水屯北路"/>
  </way>
</osm>
"""

# Overpass Turbo, Export > GeoJSON: the tags are the properties, the object is "@id".
TURBO = {
    "type": "FeatureCollection", "generator": "overpass-turbo",
    "copyright": "The data included in this document is from www.openstreetmap.org.",
    "features": [
        {"type": "Feature", "id": "way/3001", "properties": {"@id": "way/3001", "highway": "secondary",
                                                              "name": "水屯北路"},
         "geometry": {"type": "LineString", "coordinates": [[117.0262, 36.694], [117.0262, 36.700]]}},
        {"type": "Feature", "id": "way/3004", "properties": {"@id": "way/3004", "highway": "secondary",
                                                              "name": "水屯北路"},
         "geometry": {"type": "LineString", "coordinates": [[117.0262, 36.700], [117.0262, 36.706]]}},
        {"type": "Feature", "id": "node/2001", "properties": {"@id": "node/2001", "amenity": "school",
                                                               "name": "汇才学校"},
         "geometry": {"type": "Point", "coordinates": [117.001, 36.70]}},
        {"type": "Feature", "id": "way/5001", "properties": {"@id": "way/5001", "amenity": "hospital",
                                                              "name": "天桥区人民医院"},
         "geometry": {"type": "Polygon", "coordinates": [[[117.0, 36.69], [117.001, 36.69], [117.001, 36.691],
                                                          [117.0, 36.691], [117.0, 36.69]]]}},
    ]}

ROAD_KM = 1.332  # 水屯北路 from 36.694N to 36.706N along 117.0262E


def _km(geom):
    return GEOD.geometry_length(geom) / 1000


def _load(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {e.name: e for e in load_osm(path, NEAR_TIANQIAO)}


def test_josm_file_with_negative_ids_and_deletions(tmp_path):
    entries = _load(tmp_path, "edited.osm", JOSM)
    road = entries["水屯北路"]
    assert road.extra["osm_ids"] == "w-201;w-202"  # the deleted way 7001 is not part of it
    assert _km(road.geometry) == pytest.approx(ROAD_KM, rel=1e-3)
    assert entries["汇才学校"].geometry.equals(shapely.Point(117.001, 36.7))
    assert "已删除学校" not in entries and "不可见学校" not in entries
    hospital = entries["天桥区人民医院"]  # a closed way of new nodes, out of osmium's id order
    assert hospital.geometry.geom_type == "Polygon" and hospital.extra["osm_ids"] == "w-401"
    assert hospital.geometry.area == pytest.approx(1e-6, rel=1e-6)


def test_overpass_bbox_cut_keeps_the_parts_and_does_not_bridge_the_gap(tmp_path):
    entries = _load(tmp_path, "overpass.osm", OVERPASS)
    road = entries["水屯北路"]
    # Node 1003 is missing: two parts, 0.666 km and 0.666 km, not one 2.65 km line through the gap.
    assert road.geometry.geom_type == "MultiLineString" and len(road.geometry.geoms) == 2
    assert _km(road.geometry) == pytest.approx(2 * 0.666, rel=2e-3)
    assert not road.geometry.intersects(shapely.Point(117.0262, 36.706).buffer(1e-5))
    assert entries["汇才学校"].geometry.equals(shapely.Point(117.001, 36.7))


def test_ways_using_nodes_the_file_lacks_are_named_in_a_warning(tmp_path):
    """A road cut where its nodes are missing is shorter than on the ground: say so, rather than
    leave the user to wonder why a project on it finds no road nearby."""
    path = tmp_path / "overpass.osm"
    path.write_text(OVERPASS, encoding="utf-8")
    warnings = []
    load_osm(path, NEAR_TIANQIAO, warnings=warnings)
    assert any("1 named way(s) use nodes the file does not hold" in w and str(path) in w for w in warnings)
    whole = tmp_path / "geom.osm"
    whole.write_text(OUT_GEOM, encoding="utf-8")  # the nodes' coordinates on the way: nothing missing
    warnings = []
    load_osm(whole, NEAR_TIANQIAO, warnings=warnings)
    assert not any("nodes the file does not hold" in w for w in warnings)


def test_overpass_out_geom_ways_carry_their_coordinates(tmp_path):
    road = _load(tmp_path, "geom.osm", OUT_GEOM)["水屯北路"]
    assert _km(road.geometry) == pytest.approx(ROAD_KM, rel=1e-3)


def test_overpass_out_center_is_refused_with_what_to_ask_instead(tmp_path):
    # out center: a way's centre and its node ids, no node coordinates (out geom's are read, below)
    text = re.sub(r' lat="[\d.]+" lon="[\d.]+"', "", OUT_GEOM).replace(
        '<bounds minlat="36.6940" minlon="117.0262" maxlat="36.7060" maxlon="117.0262"/>',
        '<center lat="36.7" lon="117.0262"/>')
    with pytest.raises(InputError, match="use 'out geom'"):
        _load(tmp_path, "center.osm", text)


def test_overpass_out_center_that_also_gives_the_ways_coordinates_is_read(tmp_path):
    text = OUT_GEOM.replace('<bounds minlat="36.6940" minlon="117.0262" maxlat="36.7060" maxlon="117.0262"/>',
                            '<center lat="36.7" lon="117.0262"/>')
    assert _km(_load(tmp_path, "center.osm", text)["水屯北路"].geometry) == pytest.approx(ROAD_KM, rel=1e-3)


@pytest.mark.parametrize("suffix, compress", [(".osm.gz", gzip.compress), (".osm.bz2", bz2.compress)])
def test_compressed_xml_reads_like_plain_xml(tmp_path, suffix, compress):
    path = tmp_path / f"edited{suffix}"
    path.write_bytes(compress(JOSM.encode("utf-8")))
    entries = {e.name: e for e in load_osm(path, NEAR_TIANQIAO)}
    assert entries["水屯北路"].extra["osm_ids"] == "w-201;w-202" and "已删除学校" not in entries


def test_gzip_whose_compressed_data_is_damaged_is_an_input_error(tmp_path):
    data = bytearray(gzip.compress(JOSM.encode("utf-8")))
    data[10] |= 0b110  # the first deflate block's type: 3, which no deflate stream uses
    path = tmp_path / "edited.osm.gz"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"edited\.osm\.gz: not a readable OSM file \(.*invalid block type"):
        load_osm(path, NEAR_TIANQIAO)


def test_a_build_with_a_damaged_gzip_names_the_file(tmp_path, osm_build_error):
    """The boundaries' look for JOSM's new objects let the gzip error through: ``geo: error: error: Error -3
    while decompressing data`` without the file."""
    data = bytearray(gzip.compress(JOSM.encode("utf-8")))
    data[10] |= 0b110
    path = tmp_path / "edited.osm.gz"
    path.write_bytes(bytes(data))
    line = osm_build_error(path)
    assert line.startswith(f"geo: error: {path}: not a readable OSM file (") and "invalid block type" in line, line


def test_pbf_written_by_pyosmium(tmp_path):
    import osmium

    xml = tmp_path / "overpass.osm"
    xml.write_text(OUT_GEOM.replace("<way", '<node id="1001" lat="36.6940" lon="117.0262"/>'
                                            '<node id="1002" lat="36.7000" lon="117.0262"/>'
                                            '<node id="1003" lat="36.7060" lon="117.0262"/><way', 1),
                   encoding="utf-8")
    pbf = tmp_path / "region.osm.pbf"
    with osmium.SimpleWriter(str(pbf)) as writer:
        for obj in osmium.FileProcessor(str(xml)):
            writer.add(obj)
    road = {e.name: e for e in load_osm(pbf, NEAR_TIANQIAO)}["水屯北路"]
    assert _km(road.geometry) == pytest.approx(ROAD_KM, rel=1e-3)


def test_overpass_turbo_geojson_is_an_osm_extract(tmp_path):
    path = tmp_path / "export.geojson"
    path.write_text(json.dumps(TURBO, ensure_ascii=False), encoding="utf-8")
    assert is_osm_geojson(path)
    entries = {e.name: e for e in load_osm(path, NEAR_TIANQIAO)}
    road = entries["水屯北路"]
    assert road.extra["osm_ids"] == "w3001;w3004" and "2 ways merged" in road.method
    assert road.geometry.geom_type == "LineString" and _km(road.geometry) == pytest.approx(ROAD_KM, rel=1e-3)
    assert entries["汇才学校"].category == "school" and entries["汇才学校"].geometry.geom_type == "Point"
    assert entries["天桥区人民医院"].geometry.geom_type == "Polygon"
    # Given as --gazetteer, its ways are merged the same way (not "first row wins").
    gazetteer = build_gazetteer([path], outline=NEAR_TIANQIAO, metric_crs="EPSG:4548")
    assert gazetteer.tiers[0][0] == "user gazetteer export.geojson"
    assert gazetteer.lookup("水屯北路").entry.extra["osm_ids"] == "w3001;w3004"


def test_osm2geojson_nested_geojson_opening_with_an_untagged_node_is_an_osm_extract(tmp_path):
    # osm2geojson (and older osmtogeojson) nest the tags: {"type": "way", "id": 3001, "tags": {...}};
    # an export of a real extract opens with a bare node and was refused as a plain GeoJSON.
    def nested(feature):
        kind, number = feature["id"].split("/")
        tags = {k: v for k, v in feature["properties"].items() if k != "@id"}
        return {"type": "Feature", "properties": {"type": kind, "id": int(number), "tags": tags, "version": 3},
                "geometry": feature["geometry"]}

    bare = {"type": "Feature", "properties": {"type": "node", "id": 1, "version": 6},
            "geometry": {"type": "Point", "coordinates": [117.02, 36.70]}}
    path = tmp_path / "export.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [bare] + [nested(f) for f in TURBO["features"]]},
                               ensure_ascii=False), encoding="utf-8")
    assert is_osm_geojson(path)
    entries = {e.name: e for e in load_osm(path, NEAR_TIANQIAO)}
    assert entries["水屯北路"].extra["osm_ids"] == "w3001;w3004" and entries["汇才学校"].category == "school"


def test_an_osm_area_of_two_overlapping_parts_keeps_their_overlap(tmp_path):
    # make_valid's default (even-odd linework) made the overlap of two parts a hole: a school
    # there was outside its park. Repaired by structure, as a user's 街道 are.
    parts = [[[[117.000, 36.700], [117.002, 36.700], [117.002, 36.702], [117.000, 36.702], [117.000, 36.700]]],
             [[[117.001, 36.701], [117.003, 36.701], [117.003, 36.703], [117.001, 36.703], [117.001, 36.701]]]]
    park = {"type": "Feature", "id": "relation/901", "properties": {"@id": "relation/901", "leisure": "park",
                                                                     "name": "测试公园"},
            "geometry": {"type": "MultiPolygon", "coordinates": parts}}
    path = tmp_path / "export.geojson"
    path.write_text(json.dumps({**TURBO, "features": TURBO["features"] + [park]}, ensure_ascii=False), encoding="utf-8")
    area = {e.name: e for e in load_osm(path, NEAR_TIANQIAO)}["测试公园"].geometry
    assert area.is_valid and area.contains(shapely.Point(117.0015, 36.7015))
    assert area.area == pytest.approx(0.000007, rel=1e-6)  # two 4e-6 squares overlapping by 1e-6


def test_overpass_turbo_geojson_roads_known_by_their_code_alone(tmp_path):
    unnamed = {"type": "Feature", "id": "way/3009", "properties": {"@id": "way/3009", "highway": "trunk", "ref": "G220"},
               "geometry": {"type": "LineString", "coordinates": [[117.01, 36.694], [117.01, 36.706]]}}
    path = tmp_path / "export.geojson"
    path.write_text(json.dumps({**TURBO, "features": TURBO["features"] + [unnamed]}, ensure_ascii=False), encoding="utf-8")
    entries = {e.name: e for e in load_osm(path, NEAR_TIANQIAO)}
    assert entries["G220"].extra["osm_ids"] == "w3009" and _km(entries["G220"].geometry) == pytest.approx(ROAD_KM, rel=1e-3)
    assert "汇才学校" in entries and "水屯北路" in entries


def test_plain_geojson_gazetteer_is_not_taken_for_osm(tmp_path):
    path = tmp_path / "sites.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "汇才学校"}, "geometry": {"type": "Point",
                                                                          "coordinates": [117.001, 36.7]}}]}),
                    encoding="utf-8")
    assert not is_osm_geojson(path)


def test_extract_without_anything_near_the_district_is_a_warning(tmp_path):
    path = tmp_path / "empty.osm"
    path.write_text('<?xml version="1.0"?>\n<osm version="0.6"/>\n', encoding="utf-8")
    warnings = []
    build_gazetteer(osm=path, outline=NEAR_TIANQIAO, metric_crs="EPSG:4548", warnings=warnings)
    assert warnings == [f"{path}: no named road, river or place within 1 km of the district "
                        "(an extract of another area?)"]


def test_overpass_answer_cut_short_by_a_timeout_is_refused(tmp_path):
    text = OVERPASS.replace("</osm>", '<remark> runtime error: Query timed out in "query" at line 3 after 26 '
                                      'seconds. </remark>\n</osm>')
    with pytest.raises(InputError, match=r"the Overpass API says its answer is incomplete \(runtime error: "
                                         r"Query timed out"):
        _load(tmp_path, "timeout.osm", text)


def test_overpass_turbo_geojson_ways_of_a_road_route_carry_its_code_and_name(tmp_path):
    route = {"type": "route", "route": "road", "ref": "G104", "name": "104国道", "network": "CN:national"}
    expressway = {"type": "route", "route": "road", "ref": "G2", "name": "京沪高速公路"}
    member = {"type": "Feature", "id": "way/3010",
              "properties": {"@id": "way/3010", "highway": "trunk",
                             "@relations": [{"role": "", "rel": 900, "reltags": route},
                                            {"role": "", "rel": 901, "reltags": expressway}]},
              "geometry": {"type": "LineString", "coordinates": [[117.01, 36.694], [117.01, 36.706]]}}
    relation = {"type": "Feature", "id": "relation/900", "properties": {"@id": "relation/900", **route},
                "geometry": {"type": "MultiLineString", "coordinates": [[[117.01, 36.694], [117.01, 36.706]]]}}
    path = tmp_path / "export.geojson"
    path.write_text(json.dumps({**TURBO, "features": TURBO["features"] + [member, relation]}, ensure_ascii=False),
                    encoding="utf-8")
    entries = {e.name: e for e in load_osm(path, NEAR_TIANQIAO)}
    for name in ("G104", "G2", "京沪高速公路"):
        assert entries[name].extra["osm_ids"] == "w3010" and _km(entries[name].geometry) == pytest.approx(ROAD_KM, rel=1e-3)
    assert "104国道" not in entries  # the relation's own feature is no second road


def test_overpass_json_road_route_relation_reaches_its_unnamed_ways(tmp_path):
    nodes = [{"type": "node", "id": i, "lat": lat, "lon": 117.0262} for i, lat in ((1, 36.694), (2, 36.7), (3, 36.706))]
    ways = [{"type": "way", "id": 10, "nodes": [1, 2], "tags": {"highway": "trunk"}},
            {"type": "way", "id": 11, "nodes": [2, 3], "tags": {"highway": "trunk"}}]
    relation = {"type": "relation", "id": 900, "members": [{"type": "way", "ref": 10, "role": ""},
                                                            {"type": "way", "ref": 11, "role": ""}],
                "tags": {"type": "route", "route": "road", "ref": "S102", "name": "省道102线"}}
    path = tmp_path / "answer.json"
    path.write_text(json.dumps({"version": 0.6, "generator": "Overpass API", "elements": [relation, *ways, *nodes]}),
                    encoding="utf-8")
    (road,) = load_osm(path, NEAR_TIANQIAO)
    assert road.name == "S102" and road.extra["osm_ids"] == "w10;w11"
    assert _km(road.geometry) == pytest.approx(ROAD_KM, rel=1e-3)


# Overpass Turbo's wizard asks "out geom": a relation's member ways come only inside it, with
# their coordinates (<member ...><nd lat lon/></member> in XML), not as ways of their own.
_MEMBER_GEOMETRY = [[(36.694, 117.0262), (36.7, 117.0262)], [(36.7, 117.0262), (36.706, 117.0262)]]
_PARK_RING = [(36.700, 117.000), (36.700, 117.002), (36.702, 117.002), (36.702, 117.000), (36.700, 117.000)]


def _route_out_geom_json():
    members = [{"type": "way", "ref": 10 + i, "role": "", "geometry": [{"lat": lat, "lon": lon} for lat, lon in part]}
               for i, part in enumerate(_MEMBER_GEOMETRY)]
    park = {"type": "relation", "id": 901, "members": [{"type": "way", "ref": 20, "role": "outer", "geometry": [
        {"lat": lat, "lon": lon} for lat, lon in _PARK_RING]}], "tags": {"type": "multipolygon", "leisure": "park",
                                                                          "name": "测试公园"}}
    return json.dumps({"version": 0.6, "generator": "Overpass API", "elements": [
        {"type": "relation", "id": 900, "members": members,
         "tags": {"type": "route", "route": "road", "ref": "S102", "name": "省道102线"}}, park]})


def _route_out_geom_xml():
    def member(ref, role, points):
        return (f'<member type="way" ref="{ref}" role="{role}">'
                + "".join(f'<nd lat="{lat}" lon="{lon}"/>' for lat, lon in points) + "</member>")

    return ('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="Overpass API">\n'
            '<relation id="900"><bounds minlat="36.694" minlon="117.0262" maxlat="36.706" maxlon="117.0262"/>'
            + "".join(member(10 + i, "", part) for i, part in enumerate(_MEMBER_GEOMETRY))
            + '<tag k="type" v="route"/><tag k="route" v="road"/><tag k="ref" v="S102"/><tag k="name" v="省道102线"/>'
            '</relation>\n<relation id="901">' + member(20, "outer", _PARK_RING)
            + '<tag k="type" v="multipolygon"/><tag k="leisure" v="park"/><tag k="name" v="测试公园"/></relation>\n'
            # Overpass's derived areas (is_in, map_to_area) have tags and no geometry: left out
            '<area id="3600000901"><tag k="name" v="测试公园"/><tag k="leisure" v="park"/></area>\n</osm>\n')


@pytest.mark.parametrize("name, text", [("answer.json", _route_out_geom_json), ("answer.osm", _route_out_geom_xml)])
def test_overpass_out_geom_relations_give_their_member_ways_and_areas(tmp_path, name, text):
    # They were read as nothing (JSON) or refused as unreadable (XML).
    entries = _load(tmp_path, name, text())
    assert sorted(entries) == ["S102", "测试公园"]
    assert entries["S102"].extra["osm_ids"] == "w10;w11" and _km(entries["S102"].geometry) == pytest.approx(ROAD_KM, rel=1e-3)
    park = entries["测试公园"]
    assert park.category == "park" and park.geometry.geom_type == "MultiPolygon" and park.extra["osm_ids"] == "r901"


def test_josm_file_new_route_relation_over_new_ways(tmp_path):
    text = JOSM.replace("<tag k='name' v='水屯北路' />", "") + ""
    text = text.replace("</osm>", "<relation id='-501' action='modify' visible='true'>"
                                  "<member type='way' ref='-201' role='' /><member type='way' ref='-202' role='' />"
                                  "<tag k='type' v='route' /><tag k='route' v='road' /><tag k='ref' v='X254' />"
                                  "</relation>\n</osm>")
    entries = _load(tmp_path, "edited.osm", text)
    assert entries["X254"].extra["osm_ids"] == "w-201;w-202"
    assert _km(entries["X254"].geometry) == pytest.approx(ROAD_KM, rel=1e-3)


def test_overpass_turbo_geojson_ways_of_a_metro_route_are_its_line_not_its_platform(tmp_path):
    route = {"type": "route", "route": "subway", "ref": "1", "name": "济南地铁1号线 (方特 → 工研院)"}
    track = {"type": "Feature", "id": "way/3020",
             "properties": {"@id": "way/3020", "railway": "subway",
                            "@relations": [{"role": "", "rel": 950, "reltags": route}]},
             "geometry": {"type": "LineString", "coordinates": [[117.01, 36.694], [117.01, 36.706]]}}
    platform = {"type": "Feature", "id": "way/3021",
                "properties": {"@id": "way/3021", "railway": "platform",
                               "@relations": [{"role": "platform", "rel": 950, "reltags": route}]},
                "geometry": {"type": "LineString", "coordinates": [[117.011, 36.70], [117.011, 36.701]]}}
    path = tmp_path / "export.geojson"
    path.write_text(json.dumps({**TURBO, "features": TURBO["features"] + [track, platform]}, ensure_ascii=False),
                    encoding="utf-8")
    entries = {e.name: e for e in load_osm(path, NEAR_TIANQIAO)}
    assert entries["济南地铁1号线"].extra["osm_ids"] == "w3020"
    assert _km(entries["济南地铁1号线"].geometry) == pytest.approx(ROAD_KM, rel=1e-3)


def test_a_damaged_route_name_of_many_colons_still_names_its_line(tmp_path):
    # The direction was searched from every colon (quadratic: minutes on this name); it is looked for
    # from the first colon only. The time is measured by scripts/bench_inputs.py, not here.
    route = {"type": "route", "route": "subway", "ref": "1", "name": "济南地铁1号线" + " :" * 40_000}
    track = {"type": "Feature", "id": "way/3020",
             "properties": {"@id": "way/3020", "railway": "subway",
                            "@relations": [{"role": "", "rel": 950, "reltags": route}]},
             "geometry": {"type": "LineString", "coordinates": [[117.01, 36.694], [117.01, 36.706]]}}
    path = tmp_path / "export.geojson"
    path.write_text(json.dumps({**TURBO, "features": TURBO["features"] + [track]}, ensure_ascii=False),
                    encoding="utf-8")
    entries = {e.name: e for e in load_osm(path, NEAR_TIANQIAO)}
    assert entries["1号线"].extra["osm_ids"] == "w3020"


@pytest.mark.parametrize("text", ['{"version": 0.6, "elements": {"a": 1}}', '{"version": 0.6, "elements": null}'])
def test_an_overpass_answer_whose_elements_is_no_list_says_so(tmp_path, text):
    path = tmp_path / "answer.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="Overpass JSON has no 'elements' list"):
        load_osm(path, NEAR_TIANQIAO)


@pytest.mark.parametrize("suffix", [".osm", ".osm.gz"])
def test_an_osm_file_given_as_a_gazetteer_is_read_like_an_extract(tmp_path, write_osm, suffix):
    # GDAL read it as a plain vector file: its ways' pieces unmerged and every entry "datum not
    # given, assumed WGS-84, claiming 1600 m accuracy" (OSM is WGS-84 by definition).
    path = write_osm([([(116.98, 36.70), (117.0, 36.70)], {"highway": "residential", "name": "测试路"}),
                      ([(117.0, 36.70), (117.02, 36.70)], {"highway": "residential", "name": "测试路"})])
    if suffix == ".osm.gz":
        path = path.with_name("small.osm.gz")
        path.write_bytes(gzip.compress((tmp_path / "small.osm").read_bytes()))
    warnings = []
    gazetteer = build_gazetteer([path], outline=NEAR_TIANQIAO, metric_crs="EPSG:4548", warnings=warnings)
    match = gazetteer.lookup("测试路")
    assert match.entry.geometry.length == pytest.approx(0.04)
    assert match.entry.accuracy_m < 100 and "OpenStreetMap" in match.entry.source
    assert warnings == []


@pytest.mark.parametrize("suffix", [".osm.pbf", ".o5m", ".osm"])
def test_a_file_whose_ways_come_before_their_nodes_reads_as_sorted(tmp_path, suffix):
    """A park drawn as a multipolygon relation lost its area when its ways came before their nodes."""
    from osm_xml import write_osm_xml, write_reordered

    ring = [(117.0, 36.7), (117.002, 36.7), (117.002, 36.702), (117.0, 36.702), (117.0, 36.7)]
    sorted_file = write_osm_xml(
        tmp_path / "sorted.osm", [(10, [(117.0262, 36.694), (117.0262, 36.706)], {"highway": "primary", "name": "水屯北路"}),
                                  (20, ring, {})],
        pois=[(900, (117.01, 36.70), {"amenity": "school", "name": "测试小学"})],
        relations=[(901, [(20, "outer")], {"type": "multipolygon", "leisure": "park", "name": "测试公园"})])

    def entries(path):
        return sorted((e.name, e.category, e.extra["osm_ids"], e.geometry.wkb) for e in load_osm(path, NEAR_TIANQIAO))

    expected = entries(sorted_file)
    assert [name for name, *_ in expected] == ["水屯北路", "测试公园", "测试小学"]
    assert entries(write_reordered(sorted_file, tmp_path / f"unsorted{suffix}", "rwn")) == expected


def _park_file(path):
    """A road, a park drawn as a multipolygon relation (an outer ring of two ways, a pond cut out), a
    campus as a relation on one closed way, and a closed-way square, in osmium's order."""
    outer = [(117.0, 36.70), (117.004, 36.70), (117.004, 36.704)], [(117.004, 36.704), (117.0, 36.704), (117.0, 36.70)]
    pond = [(117.001, 36.701), (117.002, 36.701), (117.002, 36.702), (117.001, 36.702), (117.001, 36.701)]
    campus = [(117.01, 36.70), (117.012, 36.70), (117.012, 36.702), (117.01, 36.702), (117.01, 36.70)]
    square = [(117.02, 36.70), (117.022, 36.70), (117.022, 36.702), (117.02, 36.702), (117.02, 36.70)]
    return write_osm_xml(path, [(10, [(117.0262, 36.694), (117.0262, 36.706)], {"highway": "primary", "name": "水屯北路"}),
                                (20, outer[0], {}), (21, outer[1], {}), (22, pond, {}), (23, campus, {}),
                                (24, square, {"leisure": "park", "name": "方形广场公园"})],
                         relations=[(901, [(20, "outer"), (21, "outer"), (22, "inner")],
                                     {"type": "multipolygon", "leisure": "park", "name": "测试公园"}),
                                    (902, [(23, "outer")], {"type": "multipolygon", "amenity": "university",
                                                            "name": "测试大学"})],
                         share_nodes=True)


@pytest.mark.parametrize("suffix", [".osm", ".osm.pbf", ".o5m"])
@pytest.mark.parametrize("order", ["nwr", "rwn"])
def test_a_park_relation_of_a_file_whose_ids_are_out_of_order_is_found(tmp_path, osm_build, suffix, order):
    """Ids descending (files merged with ``osmium merge`` unsorted, a script's output): osmium's area
    assembly refuses such a file, and the parks and campuses drawn as multipolygon relations were left
    out of the gazetteer, silently. They are read from a sorted copy of them, as the sorted file gives them."""
    from osm_xml import write_reordered

    def entries(path):  # a closed way's area is a Polygon, not osmium's MultiPolygon, when its pass built none
        return sorted((e.name, e.category, e.extra["osm_ids"],
                       e.geometry.wkb if e.extra["osm_ids"].startswith("r") else round(e.geometry.area, 12))
                      for e in load_osm(path, NEAR_TIANQIAO))

    sorted_file = _park_file(tmp_path / "sorted.osm")
    expected = entries(sorted_file)
    assert [name for name, _, ids, _ in expected] == ["方形广场公园", "水屯北路", "测试公园", "测试大学"]
    unsorted = write_reordered(sorted_file, tmp_path / f"unsorted{suffix}", order, descending=True)
    assert entries(unsorted) == expected
    catalog = {f["properties"]["name"]: f for f in osm_build(unsorted, "建设测试公园，推进测试大学扩建工程。")}
    for name, relation in (("测试公园", "area 901"), ("测试大学", "area 902")):  # a campus: a point inside it
        geocode = catalog[name]["properties"]["geocode"]
        assert geocode["status"] == "matched" and f"({relation})" in geocode["method"], (name, geocode)
    assert catalog["测试公园"]["geometry"]["type"] == "MultiPolygon"


def test_a_park_relation_a_josm_user_drew_is_found_by_its_own_id(tmp_path):
    """JOSM writes its new objects with negative ids, -1 before -2: out of osmium's order. A relation
    marked deleted stays out."""
    ring = [(117.0, 36.70), (117.004, 36.70), (117.004, 36.704), (117.0, 36.704)]
    nodes = [f"<node id='-{n}' action='modify' visible='true' lat='{y}' lon='{x}'/>" for n, (x, y) in enumerate(ring, 1)]
    way = "<way id='-100' action='modify' visible='true'>" + "".join(f"<nd ref='-{n}'/>" for n in (1, 2, 3, 4, 1)) + "</way>"
    relations = [f"<relation id='-{200 + i}' action='{action}' visible='true'><member type='way' ref='-100' role='outer'/>"
                 f"<tag k='type' v='multipolygon'/><tag k='leisure' v='park'/><tag k='name' v='{name}'/></relation>"
                 for i, (action, name) in enumerate((("modify", "新建公园"), ("delete", "删去公园")))]
    path = tmp_path / "josm.osm"
    path.write_text("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6' generator='JOSM'>\n"
                    + "\n".join(nodes + [way] + relations) + "\n</osm>\n", encoding="utf-8")
    [park] = load_osm(path, NEAR_TIANQIAO)
    assert (park.name, park.extra["osm_ids"], park.category) == ("新建公园", "r-200", "park")
    assert park.geometry.equals(shapely.Polygon(ring))


def _turbo(features):
    return {"type": "FeatureCollection", "generator": "overpass-turbo", "features": [
        {"type": "Feature", "properties": {"@id": osm_id, **tags}, "geometry": shapely.geometry.mapping(geom)}
        for osm_id, tags, geom in features]}


def test_overpass_turbo_features_sharing_an_id_are_one_object_the_first_kept_and_named_when_they_differ(tmp_path):
    # The same relation exported twice, or a tool giving a way and a relation one id: every feature
    # of an @id but the last was dropped without a word (the boundaries), or all kept twice (the gazetteer).
    park = shapely.box(117.00, 36.70, 117.01, 36.71)
    path = tmp_path / "export.geojson"
    path.write_text(json.dumps(_turbo([
        ("way/10", {"leisure": "park", "name": "天桥公园"}, park),
        ("way/10", {"leisure": "park", "name": "天桥公园"}, park),  # exported twice: the same object
        ("node/5", {"amenity": "hospital", "name": "天桥医院"}, shapely.Point(117.02, 36.70)),
        ("node/5", {"amenity": "hospital", "name": "北园医院"}, shapely.Point(117.03, 36.72)),
    ]), ensure_ascii=False), encoding="utf-8")
    warnings = []
    entries = load_osm(path, NEAR_TIANQIAO, warnings=warnings)
    assert sorted(e.name for e in entries) == ["天桥公园", "天桥医院"]
    assert [w for w in warnings if "node/5" in w] == [
        f"{path}: 1 OSM id given to features that differ (node/5): the first of each kept; export the file "
        "again (two objects given one id by a tool?)"]
    assert not [w for w in warnings if "way/10" in w]


def test_overpass_turbo_boundaries_sharing_an_id_keep_the_first(tmp_path):
    from geo.osm_boundaries import read_admin_areas

    first, second = shapely.box(117.00, 36.70, 117.01, 36.71), shapely.box(117.02, 36.70, 117.03, 36.71)
    tags = {"boundary": "administrative", "admin_level": "8", "name": "北园街道"}
    path = tmp_path / "export.geojson"
    path.write_text(json.dumps(_turbo([("relation/7", tags, first), ("relation/7", tags, second)]), ensure_ascii=False),
                    encoding="utf-8")
    (area,) = read_admin_areas(path)
    assert area.osm_id == "r7" and area.geometry.equals(first)


@pytest.mark.parametrize("key", ["feature id", "@id"])
def test_overpass_features_of_one_number_but_different_types_are_different_objects(tmp_path, key):
    # A way and a relation may share a number: given as a bare number (the feature's id, or @id) beside
    # their type, they were taken for one object, the relation left out as 'an OSM id given to
    # features that differ (1)'.
    parks = [("way", "甲公园", shapely.box(117.00, 36.70, 117.01, 36.71)),
             ("relation", "乙公园", shapely.box(117.02, 36.70, 117.03, 36.71))]
    features = []
    for kind, name, geom in parks:
        if key == "@id":
            features.append({"type": "Feature", "properties": {"@id": 1, "@type": kind, "leisure": "park",
                                                               "name": name}, "geometry": shapely.geometry.mapping(geom)})
        else:
            features.append({"type": "Feature", "id": 1, "properties": {
                "type": kind, "id": 1, "tags": {"leisure": "park", "name": name}}, "geometry": shapely.geometry.mapping(geom)})
    path = tmp_path / "export.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "generator": "overpass-turbo", "features": features},
                               ensure_ascii=False), encoding="utf-8")
    warnings = []
    entries = load_osm(path, NEAR_TIANQIAO, warnings=warnings)
    assert sorted(e.name for e in entries) == ["乙公园", "甲公园"]
    assert not [w for w in warnings if "OSM id" in w]


def _osmium_export(features, form, ids=None):
    """``features`` (Overpass Turbo's) as ``osmium export`` writes them: the tags alone as properties (no
    ids by default; ``ids="type_id"`` gives ``--add-unique-id=type_id``'s), as a GeoJSON text sequence
    (``.geojsonseq``: RS before each record, or one a line with ``--omit-rs``) or a FeatureCollection."""
    out = []
    for feature in features:
        kind, number = feature["id"].split("/")
        record = {"type": "Feature", "geometry": feature["geometry"],
                  "properties": {k: v for k, v in feature["properties"].items() if k != "@id"}}
        if ids == "type_id":  # an area: libosmium's area id, twice its way's (plus one for a relation's)
            polygon = feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
            record = {"type": "Feature", "id": f"a{2 * int(number) + (kind == 'relation')}" if polygon
                      else f"{kind[0]}{number}", **record}
        out.append(json.dumps(record, ensure_ascii=False))
    if form == "collection":
        return '{"type":"FeatureCollection","features":[\n' + ",\n".join(out) + "\n]}\n"
    return "".join(("\x1e" if form == "rs" else "") + line + "\n" for line in out)


@pytest.mark.parametrize("name, form", [("export.geojsonseq", "rs"), ("export.geojsonseq", "lines"),
                                        ("export.geojson", "collection")])
def test_osmium_export_geojson_and_text_sequence_are_an_osm_extract(tmp_path, name, form):
    # osmium export writes the tags alone, without ids unless asked; its .geojsonseq puts RS before each
    # feature (or, --omit-rs, one feature a line). --osm refused the sequence ('Could not detect file
    # format', 'invalid JSON at line 2') and its GeoJSON ('GeoJSON without OSM ids or tags').
    path = tmp_path / name
    path.write_text(_osmium_export(TURBO["features"], form), encoding="utf-8")
    assert is_osm_geojson(path)
    entries = {e.name: e for e in load_osm(path, NEAR_TIANQIAO)}
    road = entries["水屯北路"]
    assert "2 ways merged" in road.method and _km(road.geometry) == pytest.approx(ROAD_KM, rel=1e-3)
    assert entries["汇才学校"].category == "school" and entries["汇才学校"].geometry.geom_type == "Point"
    assert entries["天桥区人民医院"].geometry.geom_type == "Polygon" and road.source_datum == "wgs84"


def test_osmium_export_unique_type_ids_name_the_osm_objects(tmp_path):
    # --add-unique-id=type_id: w3001 a way, n2001 a node, a10002 the area of way 5001.
    path = tmp_path / "export.geojsonseq"
    path.write_text(_osmium_export(TURBO["features"], "rs", ids="type_id"), encoding="utf-8")
    entries = {e.name: e for e in load_osm(path, NEAR_TIANQIAO)}
    assert entries["水屯北路"].extra["osm_ids"] == "w3001;w3004"
    assert entries["汇才学校"].extra["osm_ids"] == "n2001" and entries["天桥区人民医院"].extra["osm_ids"] == "w5001"


def test_an_osmium_text_sequence_given_as_a_gazetteer_is_read_as_osm(tmp_path):
    # Read by GDAL as a plain gazetteer, its entries claimed 1,600 m ('datum not stated, WGS-84
    # assumed'): OpenStreetMap is WGS-84, its ways merged as an extract's, the two one-way
    # carriageways of 水屯北路 measured once along their centre line.
    ways = [{"type": "Feature", "id": f"way/{number}", "geometry": {"type": "LineString", "coordinates": coords},
             "properties": {"@id": f"way/{number}", "highway": "primary", "oneway": "yes", "name": "水屯北路"}}
            for number, coords in ((1, [[117.0262, 36.694], [117.0262, 36.706]]),
                                   (2, [[117.0264, 36.706], [117.0264, 36.694]]))]
    path = tmp_path / "roads.geojsonseq"
    path.write_text(_osmium_export(ways, "rs"), encoding="utf-8")
    gazetteer = build_gazetteer([path], outline=NEAR_TIANQIAO, metric_crs="EPSG:4548")
    road = gazetteer.lookup("水屯北路").entry
    assert _km(road.geometry) == pytest.approx(ROAD_KM, rel=0.01) and "OSM highway" in road.method
    assert road.source_datum == "wgs84" and road.accuracy_m == 20


def test_a_damaged_record_of_a_geojson_text_sequence_is_named(tmp_path, osm_build_error):
    path = tmp_path / "export.geojsonseq"
    text = _osmium_export(TURBO["features"], "rs")
    path.write_text(text.replace('"secondary"', '"secondary', 1), encoding="utf-8")
    assert osm_build_error(path).startswith(f"geo: error: {path}: invalid JSON in GeoJSON sequence record 1 (")


@pytest.mark.parametrize("ids", ["type_id", "attributes"])
def test_osmium_exports_a_closed_way_as_a_line_and_an_area_and_the_area_is_kept(tmp_path, ids):
    # osmium export writes a closed way twice, a LineString and a (Multi)Polygon, both with its id
    # (w5001 and a10002, or @type way and @id 5001): the line came first and the area was left out as
    # 'an OSM id given to features that differ' (a park, a hospital lost).
    hospital = next(f for f in TURBO["features"] if f["id"] == "way/5001")
    ring = hospital["geometry"]["coordinates"][0]
    tags = {"amenity": "hospital", "name": "天桥区人民医院"}
    if ids == "type_id":
        records = [{"type": "Feature", "id": "w5001", "geometry": {"type": "LineString", "coordinates": ring},
                    "properties": tags},
                   {"type": "Feature", "id": "a10002", "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
                    "properties": tags}]
    else:
        records = [{"type": "Feature", "geometry": geometry, "properties": {"@type": "way", "@id": 5001, **tags}}
                   for geometry in ({"type": "LineString", "coordinates": ring},
                                    {"type": "MultiPolygon", "coordinates": [[ring]]})]
    path = tmp_path / "export.geojsonseq"
    path.write_text("".join("\x1e" + json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    warnings = []
    (entry,) = load_osm(path, NEAR_TIANQIAO, warnings=warnings)
    assert entry.name == "天桥区人民医院" and entry.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert entry.extra["osm_ids"] == "w5001" and warnings == []
