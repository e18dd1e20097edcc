"""Gazetteer loading (CSV with datums, GeoJSON) and name matching."""

import functools
import json

import pytest
import shapely

from geo import crs
from geo import gazetteer as gazetteer_module
from geo.gazetteer import Entry, Gazetteer, normalise_name
from geo.gazetteer_files import load_file
from geo.io import InputError
from work_counts import Calls


def _entry(name, geom, category=None, aliases=(), tier="t"):
    return Entry(name=name, geometry=geom, source="test", method="test", source_datum="wgs84",
                 accuracy_m=10, tier=tier, aliases=aliases, category=category)


def test_normalise_name_folds_traditional_fullwidth_and_quotes():
    assert normalise_name("歷山北路") == normalise_name("历山北路")
    assert normalise_name("Ｇ１０４国道") == normalise_name("G104国道")
    assert normalise_name("“五位一体” 示范点") == "五位一体示范点"


def test_lookup_prefers_exact_then_folded_then_directional():
    line = shapely.LineString([(117.0, 36.7), (117.01, 36.7)])
    gaz = Gazetteer().add_tier("t", [_entry("北园大街", line), _entry("水屯路", line)])
    assert gaz.lookup("北园大街").strength == "exact"
    assert gaz.lookup("北园街").strength == "folded"
    # 水屯北路 is not 水屯路: only an approximate, directional relaxation.
    assert gaz.lookup("水屯北路").strength == "directional"
    assert gaz.lookup("不存在路") is None


def test_an_expressway_is_found_with_or_without_gonglu():
    line = shapely.LineString([(117.0, 36.7), (117.01, 36.7)])
    gaz = Gazetteer().add_tier("t", [_entry("京昆高速公路", line), _entry("成都绕城高速", line)])
    assert gaz.lookup("京昆高速").entry.name == "京昆高速公路" and gaz.lookup("京昆高速").strength == "folded"
    assert gaz.lookup("成都绕城高速公路").entry.name == "成都绕城高速"
    assert gaz.lookup("京昆高速路").entry.name == "京昆高速公路"  # 公路 -> 路 still folds



def test_a_hospital_of_chinese_medicine_is_one_place_called_zhongyiyuan_or_zhongyi_yiyuan():
    # 卫健委 lists write the official 中医医院, reports the 中医院 everyone says: it was no match at all
    # (or a loose one, claiming 1 km, where the list had a category).
    p = shapely.Point(112.95, 28.22)
    gaz = Gazetteer().add_tier("t", [_entry("长沙市岳麓区中医医院", p), _entry("岳麓区中医院", p, tier="u")])
    match = gaz.lookup("长沙市岳麓区中医院")
    assert (match.entry.name, match.strength) == ("长沙市岳麓区中医医院", "folded")
    assert gaz.lookup("岳麓区中医医院").entry.name == "岳麓区中医院"
    assert gaz.lookup("长沙市岳麓区医院") is None  # 中医 is what the name says, not a suffix spelling

def test_a_road_code_finds_the_road_whichever_way_either_side_spells_it():
    line = shapely.LineString([(117.0, 36.7), (117.01, 36.7)])
    gaz = Gazetteer().add_tier("t", [_entry("309国道", line), _entry("省道S102线", line), _entry("G3091路", line)])
    for name in ("G309", "国道G309线", "国道309", "G309线"):
        assert gaz.lookup(name).entry.name == "309国道"
    assert gaz.lookup("S102").entry.name == "省道S102线" and gaz.lookup("102省道").strength == "folded"
    assert gaz.lookup("G3091") is None and gaz.lookup("S309") is None  # another number, another class


def test_a_road_a_gazetteer_names_by_its_code_and_its_name_is_found_by_either():
    # A county's road register names its roads X205清华至沱川公路: the report's X205线清华至沱川公路
    # (looked up by its code X205) and a plain X205 found nothing.
    line = shapely.LineString([(117.0, 36.7), (117.01, 36.7)])
    gaz = Gazetteer().add_tier("t", [_entry("X205清华至沱川公路", line), _entry("G2京沪高速", line)])
    for name in ("X205", "X205线", "县道X205", "清华至沱川公路"):
        match = gaz.lookup(name)
        assert match.entry.name == "X205清华至沱川公路" and match.strength == "folded", name
    assert gaz.lookup("G2").entry.name == "G2京沪高速" and gaz.lookup("京沪高速公路").entry.name == "G2京沪高速"
    assert gaz.lookup("X2051") is None and gaz.lookup("Y205") is None  # another number, another class


def test_a_rural_road_named_by_its_two_ends_is_found_with_or_without_their_town_and_village_words():
    # A report's 清华镇至洪村公路 is the road register's 清华至洪村公路; 赋春镇至严田村公路 its 赋春至严田公路.
    line = shapely.LineString([(117.0, 36.7), (117.01, 36.7)])
    gaz = Gazetteer().add_tier("t", [_entry("清华至洪村公路", line), _entry("赋春至严田公路", line),
                                     _entry("镇头镇至太白乡公路", line)])
    for name, found in (("清华镇至洪村公路", "清华至洪村公路"), ("赋春镇至严田村公路", "赋春至严田公路"),
                        ("镇头至太白公路", "镇头镇至太白乡公路")):
        match = gaz.lookup(name)
        assert (match.entry.name, match.strength) == (found, "folded"), name
    assert gaz.lookup("清华镇至洪公路") is None  # 洪村's 村 is its name: 洪 alone is another place


def test_a_metro_line_is_found_under_the_name_osm_gives_it():
    line = shapely.LineString([(117.0, 36.7), (117.01, 36.7)])
    gaz = Gazetteer().add_tier("t", [_entry("济南轨道交通3号线", line), _entry("济南地铁R2线", line)])
    for name in ("地铁3号线", "轨道交通3号线", "3号线"):
        assert gaz.lookup(name).entry.name == "济南轨道交通3号线"
    assert gaz.lookup("轨道交通R2线").entry.name == "济南地铁R2线"
    assert gaz.lookup("地铁4号线") is None


def test_lookup_tiers_first_wins_and_accepts_filters_geometry():
    point = shapely.Point(117.0, 36.7)
    line = shapely.LineString([(117.0, 36.7), (117.01, 36.7)])
    gaz = (Gazetteer().add_tier("user", [_entry("测试路", point, tier="user")])
           .add_tier("bundled", [_entry("测试路", line, tier="bundled")]))
    assert gaz.lookup("测试路").entry.tier == "user"
    lines_only = lambda e: e.geometry.geom_type == "LineString"  # noqa: E731
    assert gaz.lookup("测试路", accepts=lines_only).entry.tier == "bundled"


def test_lookup_gives_namesakes_as_rivals_unless_the_tier_takes_the_first_of_lines():
    east, west = shapely.Point(117.08, 36.74), shapely.Point(116.96, 36.66)
    school = [_entry("育英中学", east, "school"), _entry("育英中学", west, "school", aliases=("育英中學",)),
              _entry("育英中学", west, "area")]
    match = Gazetteer().add_tier("osm", school).lookup("育英中学", category="school")
    assert match.entry is school[0] and match.rivals == (school[1],)  # once (name and alias), not the area
    road = [_entry("育英路", shapely.LineString([(117.0, 36.7), (117.01, 36.7)])),
            _entry("育英路", shapely.LineString([(117.03, 36.7), (117.04, 36.7)]))]
    user = Gazetteer().add_tier("user", school + road, first_of_namesakes=True)
    # a user file's namesake points are rivals too; its pieces of one road drawn apart are not
    assert user.lookup("育英中学", category="school").rivals == (school[1],)
    first = user.lookup("育英路")
    assert first.entry is road[0] and first.rivals == ()


def test_lookup_outside_finds_only_entries_set_aside():
    far = _entry("金沙中学", shapely.Point(117.1, 36.6), "school")
    gaz = Gazetteer().add_outside("osm", [far])
    assert gaz.lookup("金沙中学") is None and gaz.lookup_outside("金沙中学").entry is far


def test_contained_match_needs_same_category_and_uniqueness():
    p = shapely.Point(117.0, 36.7)
    gaz = Gazetteer().add_tier("t", [_entry("宝华中学", p, "school"), _entry("宝华街道办事处", p, "area")])
    match = gaz.lookup("宝华", category="school")
    assert match.entry.name == "宝华中学" and match.strength == "contained"
    gaz2 = Gazetteer().add_tier("t", [_entry("宝华中学", p, "school"), _entry("宝华小学", p, "school")])
    assert gaz2.lookup("宝华", category="school") is None


def test_csv_gazetteer_converts_gcj02_and_bd09_to_wgs84(tmp_path):
    wgs = (117.0, 36.68)
    gcj = [float(v[0]) for v in crs.convert_coords([wgs[0]], [wgs[1]], "wgs84", "gcj02")]
    bd = [float(v[0]) for v in crs.convert_coords([wgs[0]], [wgs[1]], "wgs84", "bd09")]
    path = tmp_path / "gaz.csv"
    path.write_text("name,lon,lat,datum,accuracy_m\n"
                    f"甲医院,{gcj[0]},{gcj[1]},GCJ-02,30\n"
                    f"乙学校,{bd[0]},{bd[1]},bd09,\n", encoding="utf-8")
    entries = {e.name: e for e in load_file(path)}
    for name in ("甲医院", "乙学校"):
        point = entries[name].geometry
        assert point.distance(shapely.Point(wgs)) < 1e-7
    assert entries["甲医院"].source_datum == "gcj02" and entries["甲医院"].accuracy_m == 30
    assert entries["乙学校"].accuracy_m == 50  # default for a point without stated accuracy


def test_csv_gazetteer_in_gbk_is_read(tmp_path):
    path = tmp_path / "gaz.csv"
    path.write_bytes("name,lon,lat,datum\n天桥医院,117.0,36.68,wgs84\n".encode("gbk"))
    assert load_file(path)[0].name == "天桥医院"


@pytest.mark.parametrize("body, problem", [
    ("name,lon,lat,datum\n甲,36.68,117.0,gcj02\n", "lon/lat swapped"),
    ("name,lon,lat,datum\n甲,2.35,48.85,gcj02\n", "outside China"),
    ("name,lon,lat,datum\n甲,117.0,36.68,ED50\n", "unknown datum"),
    ("title,lon,lat\n甲,117.0,36.68\n", "needs a 'name' column"),
    ("name,lon,lat\n甲,abc,36.68\n", "bad coordinates"),
])
def test_csv_gazetteer_errors_name_the_problem(tmp_path, body, problem):
    path = tmp_path / "gaz.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as info:
        load_file(path)
    assert str(path) in str(info.value)




def _clinics(count):
    """``count`` health entries whose names share no character with 天桥 (生/卫 and digits)."""
    p = shapely.Point(117.0, 36.7)
    return [_entry(f"卫生{number}室", p, "health") for number in range(count)]


def test_a_look_up_by_a_part_of_the_name_reads_only_the_entries_holding_its_characters():
    # A city's gazetteer holds thousands of entries of a category; the look-ups by a part of the
    # name (contained, abbreviation), made for every project no name matches, read them all: a
    # pass over the gazetteer per project.
    p = shapely.Point(117.0, 36.7)
    gaz = Gazetteer().add_tier("t", _clinics(3000) + [_entry("济南市天桥区人民医院", p, "health")])
    accepts = Calls(lambda entry: True)
    match = gaz.lookup("天桥医院", category="health", accepts=accepts)
    assert match.entry.name == "济南市天桥区人民医院" and match.strength == "abbreviation"
    assert accepts.count <= 2  # the one entry holding 天 or 桥, asked once per kind of match
    assert gaz.lookup("天桥卫生室", category="health", accepts=accepts) is None  # no entry has every character


def test_a_look_up_by_a_part_of_the_name_keeps_the_tiers_order_and_its_filters():
    p, q = shapely.Point(117.0, 36.7), shapely.LineString([(117.0, 36.7), (117.01, 36.7)])
    gaz = Gazetteer().add_tier("t", _clinics(50) + [_entry("天桥卫生服务中心", q, "health"),
                                                     _entry("北园天桥卫生院", p, "health"),
                                                     _entry("天桥区卫生所", p, "school")])
    assert gaz.lookup("天桥卫生", category="health") is None  # two fit: ambiguous
    points = gaz.lookup("天桥卫生", category="health", accepts=lambda e: e.geometry.geom_type == "Point")
    assert points.entry.name == "北园天桥卫生院" and points.strength == "contained"


def test_the_places_beyond_the_district_are_indexed_once_not_per_look_up(monkeypatch):
    # Every project left unlocated is looked up among the OSM features beyond the district (for
    # its reason); the look-up built their name indexes again each time.
    p = shapely.Point(118.0, 36.0)
    gaz = Gazetteer().add_outside("osm", [_entry(f"远方{number}路", p) for number in range(2000)])
    normalised = Calls(normalise_name)
    monkeypatch.setattr(gazetteer_module, "normalise_name", normalised)
    for number in range(20):
        assert gaz.lookup_outside(f"远方{number}路").entry.name == f"远方{number}路"
    assert normalised.count < 2000 + 20 * 10
    gaz.add_outside("osm", [_entry("后来路", p)])  # entries added later are found
    assert gaz.lookup_outside("后来路").entry.name == "后来路"


def test_abbreviated_names_match_one_entry_of_the_same_category():
    p = shapely.Point(117.0, 36.7)
    gaz = Gazetteer().add_tier("t", [_entry("济南市天桥区人民医院", p, "health"),
                                     _entry("天桥区第二人民医院", p, "health"),
                                     _entry("天桥区人民公园", p, "park")])
    assert gaz.lookup("天桥医院", category="health").entry.name == "济南市天桥区人民医院"
    match = gaz.lookup("天桥二院", category="health")
    assert match.entry.name == "天桥区第二人民医院" and match.strength == "abbreviation"
    assert gaz.lookup("天桥医院") is None  # without a category an abbreviation is too loose
    both = Gazetteer().add_tier("t", [_entry("天桥区人民医院", p, "health"), _entry("天桥区中医医院", p, "health")])
    assert both.lookup("天桥医院", category="health") is None  # two hospitals fit: ambiguous


def test_geopackage_gazetteer_reads_every_layer_in_name_order(tmp_path):
    import geopandas as gpd

    path = tmp_path / "gz.gpkg"
    roads = gpd.GeoDataFrame({"name": ["水屯北路"]}, geometry=[shapely.LineString([(116.98, 36.70), (117.01, 36.70)])],
                             crs=4326).to_crs(4548)  # layers may differ in CRS
    pois = gpd.GeoDataFrame({"name": ["泺口垃圾转运站"], "category": ["sanitation"]},
                            geometry=[shapely.Point(117.004, 36.722)], crs=4326)
    roads.to_file(path, layer="roads", driver="GPKG")  # written first, read second: layers go by name
    pois.to_file(path, layer="pois", driver="GPKG")
    entries = load_file(path)
    assert [(e.name, e.geometry.geom_type, e.category) for e in entries] == [
        ("泺口垃圾转运站", "Point", "sanitation"), ("水屯北路", "LineString", None)]
    assert entries[1].geometry.coords[0] == pytest.approx((116.98, 36.70))


def test_rows_that_cannot_place_anything_are_left_out_with_one_warning(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("name,wkt\n"
                    "水屯北路,\"LINESTRING(116.98 36.70,117.01 36.70)\"\n"
                    "北园大街,\"POINT(117.0 36.70)\"\n"
                    "无影山路,\"LINESTRING(117 36.7,117 36.7)\"\n"
                    "北园小学,\"GEOMETRYCOLLECTION(POINT(117 36.7),LINESTRING(116.98 36.70,117.01 36.70))\"\n"
                    "明湖路,\"POLYGON((116.98 36.69,117.0 36.69,117.0 36.70,116.98 36.69))\"\n"
                    "北园街道,\"POINT(117.0000 36.7100)\"\n", encoding="utf-8")
    warnings = []
    entries = load_file(path, warnings=warnings, datum="wgs84")
    assert [e.name for e in entries] == ["水屯北路", "北园街道"]  # a 街道 is no road
    assert warnings == [f"{path}: left out 4 of 6 row(s) that cannot place anything (a road given as a point, "
                        "not a line: entry 2 (北园大街); a line of zero length: entry 3 (无影山路); a GeometryCollection, "
                        "give one geometry type per row: entry 4 (北园小学); a road given as a polygon, not a line: "
                        "entry 5 (明湖路); give a road its line in a wkt column, LINESTRING (lon lat, lon lat, …), or "
                        "place it by hand on the map)"]


def test_a_polygon_of_zero_area_is_left_out_with_the_rows_that_place_nothing(tmp_path):
    # A ring drawn back along itself stopped geo build with "ValueError: cannot convert float NaN
    # to integer" (its repair held no polygon, an empty area at no distance from anything).
    path = tmp_path / "g.csv"
    path.write_text("name,wkt\n"
                    "天桥医院,\"POLYGON((117.0 36.68,117.01 36.68,117.0 36.68))\"\n"
                    "北园小学,\"POLYGON((117.0 36.68,117.01 36.69,117.01 36.68,117.0 36.69,117.0 36.68))\"\n",
                    encoding="utf-8")
    warnings = []
    entries = load_file(path, warnings=warnings, datum="wgs84")
    assert [(e.name, e.geometry.geom_type) for e in entries] == [("北园小学", "MultiPolygon")]  # a bow tie: repaired
    assert f"{path}: left out 1 of 2 row(s) that cannot place anything (a polygon of zero area: entry 1 (天桥医院))" in warnings


def test_a_deeply_nested_gazetteer_is_refused_with_its_file_name(tmp_path):
    path = tmp_path / "deep.geojson"
    path.write_text('{"a": ' * 200_000 + "1" + "}" * 200_000, encoding="utf-8")
    with pytest.raises(InputError, match=r"deep\.geojson: JSON nested too deeply \(not a GeoJSON file\?\)$"):
        load_file(path)


def test_a_self_intersecting_gazetteer_area_is_repaired_with_a_warning_naming_the_entry(tmp_path):
    path = tmp_path / "bt.csv"
    path.write_text('name,wkt\n汇才学校,POINT(117.0010 36.7000)\n'
                    '金牛建材,"POLYGON((117.0 36.69,117.02 36.71,117.02 36.69,117.0 36.71,117.0 36.69))"\n',
                    encoding="utf-8")
    warnings = []
    entries = load_file(path, warnings=warnings, datum="wgs84")
    assert warnings == [f"{path}: repaired 1 invalid polygon(s) (self-intersection): entry 2 (金牛建材)"]
    bowtie = next(e for e in entries if e.name == "金牛建材").geometry
    assert bowtie.is_valid and bowtie.area == pytest.approx(0.0002)  # both triangles kept


def test_gazetteer_without_a_datum_warns_once_naming_the_file(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_text("name,lon,lat,datum\n高德小学,116.955649,36.700148,\n北园小学,117.000000,36.710000,gcj02\n"
                    "泺口小学,117.000000,36.720000,\n", encoding="utf-8")
    warnings = []
    entries = {e.name: e for e in load_file(path, warnings=warnings)}
    assert warnings == [f"{path}: datum not given for 2 of 3 entries, assumed WGS-84, claiming 1600 m accuracy "
                        "(add a datum column: wgs84, gcj02 for Amap or Tencent, bd09 for Baidu)"]
    # An assumed datum may be GCJ-02 or BD-09, hundreds of metres off: the accuracy says so.
    assert entries["高德小学"].accuracy_m == 1600 and "WGS-84 assumed" in entries["高德小学"].method
    assert entries["北园小学"].accuracy_m == 50 and "assumed" not in entries["北园小学"].method
    path.write_text("name,lon,lat,datun\n北园小学,117.000000,36.710000,gcj02\n", encoding="utf-8")
    warnings = []
    load_file(path, warnings=warnings)
    assert warnings == [f"{path}: datum not given for 1 of 1 entries, assumed WGS-84, claiming 1600 m accuracy "
                        "(add a datum column: wgs84, gcj02 for Amap or Tencent, bd09 for Baidu; is 'datun' meant "
                        "as the datum column?)"]
    path.write_text("name,lon,lat,datum\n北园小学,117.000000,36.710000,wgs84\n", encoding="utf-8")
    warnings = []
    load_file(path, warnings=warnings)
    assert warnings == []
    path.write_text('name,wkt\n北园小学,"SRID=4326;POINT(117.0000 36.7100)"\n', encoding="utf-8")
    warnings = []
    load_file(path, warnings=warnings)
    assert warnings == []  # an EWKT cell states its reference system


@pytest.mark.parametrize("wgs", [(117.012, 36.69), (131.15116, 43.42794), (126.63, 45.75), (87.62, 43.83)])
def test_baidu_coordinates_without_a_datum_lie_within_the_accuracy_they_claim(tmp_path, wgs):
    from pyproj import Geod

    # BD-09 lies up to 1.5 km from WGS-84 in mainland China (farthest in the north-east): a Baidu
    # position read as WGS-84 must still lie within the accuracy claimed for an unstated datum.
    bd = [float(v[0]) for v in crs.convert_coords([wgs[0]], [wgs[1]], "wgs84", "bd09")]
    path = tmp_path / "百度坐标.csv"
    path.write_text(f"name,lon,lat\n某小学,{bd[0]},{bd[1]}\n", encoding="utf-8")
    entry = load_file(path, warnings=[])[0]
    off = Geod(ellps="WGS84").inv(wgs[0], wgs[1], entry.geometry.x, entry.geometry.y)[2]
    assert off > 600 and off <= entry.accuracy_m


def test_a_gpx_file_gives_its_named_waypoints_tracks_and_routes_not_their_vertices(tmp_path):
    path = tmp_path / "踏勘.gpx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>'
                    '<gpx version="1.1" creator="两步路" xmlns="http://www.topografix.com/GPX/1/1">'
                    '<wpt lat="36.69" lon="117.012"><name>金牛建材</name></wpt>'
                    '<rte><name>清河北路</name><rtept lat="36.71" lon="116.99"/><rtept lat="36.711" lon="117.0"/></rte>'
                    '<trk><name>水屯北路</name><trkseg><trkpt lat="36.705" lon="116.98"/><trkpt lat="36.7055" lon="116.995"/>'
                    '<trkpt lat="36.706" lon="117.01"/></trkseg></trk></gpx>', encoding="utf-8")
    entries = {e.name: e for e in load_file(path, datum="wgs84")}
    assert sorted(entries) == ["水屯北路", "清河北路", "金牛建材"]
    assert entries["金牛建材"].geometry.coords[0][:2] == pytest.approx((117.012, 36.69))
    assert shapely.get_coordinates(entries["水屯北路"].geometry).tolist() == [[116.98, 36.705], [116.995, 36.7055],
                                                                            [117.01, 36.706]]
    assert entries["清河北路"].geometry.geom_type in ("LineString", "MultiLineString")


def test_a_gps_units_unnamed_tracks_empty_logs_and_one_point_segments_are_left_out_with_a_warning(tmp_path):
    # Real GPX files (gpxpy's test files) were refused whole: "needs a 'name' column (found: name...)",
    # "entry 1 (ACTIVE LOG) has no geometry", "point array must contain 0 or >1 elements".
    path = tmp_path / "踏勘.gpx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>'
                    '<gpx version="1.1" creator="Garmin" xmlns="http://www.topografix.com/GPX/1/1">'
                    '<wpt lat="36.69" lon="117.012"><name>金牛建材</name></wpt>'
                    '<trk><name>ACTIVE LOG</name><trkseg></trkseg></trk>'
                    '<trk><trkseg><trkpt lat="36.705" lon="116.98"/><trkpt lat="36.706" lon="117.01"/></trkseg></trk>'
                    '<trk><name>一点</name><trkseg><trkpt lat="36.705" lon="116.98"/></trkseg></trk></gpx>',
                    encoding="utf-8")
    warnings = []
    assert [e.name for e in load_file(path, datum="wgs84", warnings=warnings)] == ["金牛建材"]
    assert warnings == [f"{path}: left out 3 of 4 waypoint(s), route(s) and track(s) without a name or a geometry "
                        "(a GPS unit's unnamed tracks, empty logs, segments of one point)"]
    path.write_text(path.read_text(encoding="utf-8").replace("<name>金牛建材</name>", ""), encoding="utf-8")
    with pytest.raises(InputError, match=r"踏勘\.gpx: holds no named waypoint, route or track with a geometry$"):
        load_file(path, datum="wgs84")



def test_the_unnamed_waypoints_and_tracks_of_a_gpx_file_are_left_out_with_a_warning(tmp_path):
    # A GPS unit's file holds unnamed points and tracks beside the named: "entry 2 has no name" refused it whole.
    path = tmp_path / "踏勘.gpx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>'
                    '<gpx version="1.1" creator="两步路" xmlns="http://www.topografix.com/GPX/1/1">'
                    '<wpt lat="36.69" lon="117.012"><name>金牛建材</name></wpt><wpt lat="36.691" lon="117.013"/>'
                    '<trk><trkseg><trkpt lat="36.705" lon="116.98"/><trkpt lat="36.7055" lon="116.995"/></trkseg></trk>'
                    '</gpx>', encoding="utf-8")
    warnings = []
    assert [e.name for e in load_file(path, datum="wgs84", warnings=warnings)] == ["金牛建材"]
    assert warnings == [f"{path}: left out 2 of 3 waypoint(s), route(s) and track(s) without a name or a geometry "
                        "(a GPS unit's unnamed tracks, empty logs, segments of one point)"]


def test_baidu_mercator_metres_are_refused_as_such_not_as_out_of_range(tmp_path):
    path = tmp_path / "baidu.csv"
    path.write_text("name,x,y,datum\n天桥医院,13025960.12,4368000.5,bd09mc\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"entry 1 \(天桥医院\): datum 'bd09mc' is Baidu Mercator metres, not lon/lat"):
        load_file(path)


def test_a_kmz_whose_placemarks_state_their_datum_in_chinese_is_converted(tmp_path):
    import zipfile

    wgs = (117.012, 36.69)
    gcj = [float(v[0]) for v in crs.convert_coords([wgs[0]], [wgs[1]], "wgs84", "gcj02")]
    kml = ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>'
           '<name>项目点</name><Placemark><name>金牛建材</name><ExtendedData><Data name="坐标系"><value>GCJ-02</value>'
           f'</Data><Data name="精度"><value>30</value></Data></ExtendedData><Point><coordinates>{gcj[0]:.8f},'
           f'{gcj[1]:.8f},0</coordinates></Point></Placemark></Folder></Document></kml>')
    path = tmp_path / "奥维.kmz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("doc.kml", kml)
    warnings = []
    (entry,) = load_file(path, warnings=warnings)
    # GDAL's LIBKML driver launders non-ASCII field names (坐标系 -> _________) unless told not to.
    assert warnings == [] and entry.source_datum == "gcj02" and entry.accuracy_m == 30
    assert shapely.Point(entry.geometry.coords[0][:2]).distance(shapely.Point(wgs)) < 1e-7


def test_a_kmz_holding_several_kml_documents_gives_the_placemarks_of_every_one(tmp_path):
    import zipfile

    def kml(folder, name, lon):
        return ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>'
                f'<name>{folder}</name><Placemark><name>{name}</name><Point><coordinates>{lon},36.69,0</coordinates>'
                '</Point></Placemark></Folder></Document></kml>')

    path = tmp_path / "项目.kmz"  # GDAL alone reads doc.kml only
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("doc.kml", kml("项目点", "金牛建材", 117.01))
        archive.writestr("files/学校.kml", kml("项目点", "北园小学", 117.02))  # a folder of the same name
        archive.writestr("a.kml", kml("其他", "天桥区人民医院", 117.03))
    found = {e.name: e.geometry.x for e in load_file(path, datum="wgs84")}
    assert found == {"金牛建材": 117.01, "北园小学": 117.02, "天桥区人民医院": 117.03}


@pytest.mark.parametrize("drawn, prj, problem", [
    (4527, 4548, "the eastings carry the zone number 39, which EPSG:4548 lacks: its .prj should be EPSG:4527"),
    (4548, 4527, "the eastings lack the zone number 39 EPSG:4527 expects: its .prj should be EPSG:4548"),
])
def test_a_gazetteer_whose_prj_and_zone_number_disagree_says_which_prj_fits(tmp_path, drawn, prj, problem):
    import geopandas as gpd

    path = tmp_path / "sites.shp"
    gpd.GeoDataFrame({"name": ["金牛建材"]}, geometry=[shapely.Point(117.012, 36.69)], crs=4326).to_crs(drawn) \
        .set_crs(prj, allow_override=True).to_file(path, encoding="UTF-8")
    with pytest.raises(InputError, match=f"sites.shp: its coordinates do not fit its .prj; {problem}"):
        load_file(path)


@pytest.mark.parametrize("filename, datum", [("百度坐标.csv", "bd09"), ("学校_高德.csv", "gcj02"),
                                             ("sites_gcj02.kml", "gcj02"), ("baidu_pois.csv", "bd09")])
def test_the_unstated_datum_warning_names_the_datum_the_file_name_says(tmp_path, filename, datum):
    path = tmp_path / filename
    if filename.endswith(".kml"):
        path.write_text('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                        '<Placemark><name>甲</name><Point><coordinates>117.0,36.7</coordinates></Point></Placemark>'
                        '</Document></kml>', encoding="utf-8")
    else:
        path.write_text("名称,经度,纬度\n甲,117.000000,36.700000\n", encoding="utf-8")
    warnings = []
    load_file(path, warnings=warnings)
    assert warnings == [f"{path}: datum not given for 1 of 1 entries, assumed WGS-84, claiming 1600 m accuracy (add a "
                        f"datum column: wgs84, gcj02 for Amap or Tencent, bd09 for Baidu; the file's name says "
                        f"{datum}: is that their datum?)"]


@pytest.mark.parametrize("name, content", [("sites.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504),
                                           ("sites.ods", b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument"),
                                           ("sites.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)])
def test_a_workbook_geo_does_not_read_is_named_as_such(tmp_path, name, content):
    # An Excel 97-2003 .xls said GDAL's "not recognized as being in a supported file format ... prefixing
    # the file path with '<DRIVER>:'", an OpenDocument sheet "has no geometry column".
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=rf"{name}: is a spreadsheet geo does not read; save it as \.xlsx "
                                         r"\(Excel 2007 or later\) or as CSV"):
        load_file(path)


@pytest.mark.parametrize("epsg, stated", [(4526, True), (4547, True), (32649, True), (4490, True), (4326, False),
                                          (3857, False), ("esri", False)])
def test_a_vector_gazetteer_whose_prj_states_its_datum_is_read_in_it(tmp_path, epsg, stated):
    # A Shapefile in a CGCS2000 Gauss-Kruger zone (or on CGCS2000 lon/lat, or UTM) states its datum
    # in its .prj: no web map's GCJ-02 or BD-09 hides behind projected metres. A WGS-84 .prj does
    # not tell (tools write it over Amap's coordinates too): its rows stay assumed. Nor does Web
    # Mercator (EPSG:3857, ESRI's WGS_1984_Web_Mercator_Auxiliary_Sphere), a web map's own lon/lat
    # projected, as QGIS saves what is drawn over Amap's tiles: it was taken for a stated WGS-84, 50 m.
    import geopandas as gpd
    from pyproj import CRS

    path = tmp_path / "sites.shp"
    gpd.GeoDataFrame({"名称": ["麓谷第二小学"]}, geometry=[shapely.Point(112.8802, 28.2183)], crs=4490).to_crs(
        3857 if epsg == "esri" else epsg).to_file(path, encoding="GBK")
    if epsg == "esri":  # ArcGIS's .prj of EPSG:3857
        path.with_suffix(".prj").write_text(CRS.from_epsg(3857).to_wkt("WKT1_ESRI"), encoding="ascii")
    warnings = []
    (entry,) = load_file(path, warnings=warnings)
    assert entry.geometry.distance(shapely.Point(112.8802, 28.2183)) < 1e-7
    if stated:
        assert warnings == [] and entry.accuracy_m == 50 and "assumed" not in entry.method
    else:
        assert "datum not given for 1 of 1 entries" in warnings[0] and entry.accuracy_m == 1600


def test_invisible_characters_in_gazetteer_names_are_dropped_from_the_names_shown(tmp_path):
    # The entry's name is shown on the projects map as the place a project was matched to: a
    # right-to-left override showed it reversed; a zero-width space stayed in the outputs.
    path = tmp_path / "places.csv"
    path.write_text("name,aliases,lon,lat\n天桥\u202e医院\u202c,\u2067北园\u200b医院\u2069,117.0,36.7\n", encoding="utf-8")
    (entry,) = load_file(path)
    assert (entry.name, entry.aliases) == ("天桥医院", ("北园医院",))
    geojson = tmp_path / "places.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "\ufeff天桥\u200d公园"},
         "geometry": {"type": "Point", "coordinates": [117.0, 36.7]}}]}, ensure_ascii=False), encoding="utf-8")
    assert [e.name for e in load_file(geojson)] == ["天桥公园"]


def test_placemarks_without_coordinates_are_left_out_by_name_in_one_warning(tmp_path):
    # 奥维 and Google Earth write a placemark not yet placed with empty <coordinates>: GDAL read it as
    # POINT (0 0), an entry "outside China" that geocoding measured 18,353 km from the district.
    path = tmp_path / "places.kml"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>天桥医院</name><Point><coordinates>117.0,36.7</coordinates></Point></Placemark>
<Placemark><name>北园医院</name><Point><coordinates></coordinates></Point></Placemark>
<Placemark><name>新华书店</name><Point><coordinates>nan,nan</coordinates></Point></Placemark>
</Document></kml>
""", encoding="utf-8")
    warnings = []
    entries = load_file(path, warnings=warnings, datum="wgs84")
    assert [e.name for e in entries] == ["天桥医院"]
    assert warnings == [f"{path}: left out 2 of 3 feature(s) without coordinates (北园医院、新华书店): their "
                        "coordinates are empty, not numbers or 0,0"]
    geojson = tmp_path / "places.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": name}, "geometry": geometry}
        for name, geometry in (("天桥医院", {"type": "Point", "coordinates": [117.0, 36.7]}), ("北园医院", None),
                               ("新华书店", {"type": "Point", "coordinates": []}))]}, ensure_ascii=False),
        encoding="utf-8")
    warnings = []
    assert [e.name for e in load_file(geojson, warnings=warnings, datum="wgs84")] == ["天桥医院"]
    assert warnings == [f"{geojson}: left out 2 of 3 feature(s) without coordinates (北园医院、新华书店): their "
                        "coordinates are empty, not numbers or 0,0"]
    path.write_text(path.read_text(encoding="utf-8").replace("117.0,36.7", ""), encoding="utf-8")
    with pytest.raises(InputError, match=r"places\.kml: no feature has coordinates \(天桥医院、北园医院、新华书店\): their "
                                         r"coordinates are empty, not numbers or 0,0$"):
        load_file(path)


@pytest.mark.parametrize("datum", ["wgs84", "gcj02"])
def test_table_rows_at_lon_lat_0_0_are_left_out_keeping_the_row_numbers(tmp_path, datum):
    # A vector feature at 0,0 is read without a geometry; a table row at 0,0 (an empty cell a formula
    # filled with 0) was an entry in the Gulf of Guinea (WGS-84), or refused the whole file (GCJ-02:
    # 'entry 2 (北园医院): GCJ02 coordinates outside China').
    path = tmp_path / "places.csv"
    path.write_text("name,lon,lat\n天桥医院,117.0000,36.7000\n北园医院,0,0\n药山医院,117.0100,36.7100\n", encoding="utf-8")
    warnings = []
    entries = load_file(path, warnings=warnings, datum=datum)
    assert [(e.name, e.extra["entry"]) for e in entries] == [("天桥医院", 1), ("药山医院", 3)]
    assert len(warnings) == 1 and "北园医院" not in str(entries) and "entry 2" in warnings[0], warnings
    assert "at lon/lat 0,0, which places nothing: entry 2" in warnings[0]


def _geodatabase_of_places(tmp_path, road_name="名称"):
    """A 地名 geodatabase as a natural-resources bureau exports it: points and roads in a feature
    dataset, CGCS2000 / 3-degree GK CM 117E, Chinese field names (合肥蜀山区)."""
    import shutil
    import subprocess

    import geopandas as gpd

    if shutil.which("ogr2ogr") is None:
        pytest.skip("ogr2ogr writes the geodatabase")
    gpkg = tmp_path / "source.gpkg"
    gpd.GeoDataFrame({"名称": ["安徽大学", "大蜀山"], "类别": ["学校", "山"]},
                     geometry=[shapely.Point(117.193, 31.772), shapely.Point(117.167, 31.846)], crs=4490
                     ).to_crs(4548).to_file(gpkg, layer="兴趣点")
    gpd.GeoDataFrame({road_name: ["长江西路"]}, geometry=[shapely.LineString([(117.20, 31.86), (117.25, 31.865)])],
                     crs=4490).to_crs(4548).to_file(gpkg, layer="道路")
    gdb = tmp_path / "地名.gdb"
    for layer in ("兴趣点", "道路"):
        subprocess.run(["ogr2ogr", "-f", "OpenFileGDB", *(["-update"] if gdb.exists() else []), str(gdb), str(gpkg),
                        layer, "-lco", "FEATURE_DATASET=地名地址"], check=True, capture_output=True)
    return gdb


@pytest.mark.parametrize("zipped", [False, True])
def test_a_geodatabase_of_points_and_roads_is_read_as_a_gazetteer(tmp_path, zipped):
    import shutil

    path = _geodatabase_of_places(tmp_path)
    if zipped:
        path = shutil.make_archive(str(path), "zip", root_dir=tmp_path, base_dir=path.name)
    entries = load_file(path)
    assert sorted((e.name, e.geometry.geom_type.removeprefix("Multi")) for e in entries) == [  # a GDB line is multi
        ("大蜀山", "Point"), ("安徽大学", "Point"), ("长江西路", "LineString")]
    school = next(e for e in entries if e.name == "安徽大学")
    assert (school.geometry.x, school.geometry.y) == pytest.approx((117.193, 31.772), abs=1e-7)


def test_each_layer_of_a_geodatabase_names_its_entries_by_its_own_column(tmp_path):
    # Points named in 名称, roads in 道路名称: the roads' names were looked for in 名称 too ('entry 3 has no name').
    entries = load_file(_geodatabase_of_places(tmp_path, road_name="道路名称"))
    assert sorted((e.name, e.geometry.geom_type.removeprefix("Multi")) for e in entries) == [  # a GDB line is multi
        ("大蜀山", "Point"), ("安徽大学", "Point"), ("长江西路", "LineString")]


def test_a_geopackage_whose_fields_are_named_by_their_aliases_is_read_by_them(tmp_path):
    # MC shown as 名称, LB as 类别 (the fields' aliases, as ArcGIS and QGIS show them): its entries are named.
    import sqlite3

    import geopandas as gpd

    path = tmp_path / "地名.gpkg"
    gpd.GeoDataFrame({"MC": ["安徽大学", "大蜀山"], "ZBX": ["CGCS2000", "CGCS2000"]},
                     geometry=[shapely.Point(117.193, 31.772), shapely.Point(117.167, 31.846)], crs=4490
                     ).to_crs(4548).to_file(path, layer="兴趣点")
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, "
                   "title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT)")
        db.executemany("INSERT INTO gpkg_data_columns (table_name, column_name, name) VALUES ('兴趣点', ?, ?)",
                       [("MC", "名称"), ("ZBX", "坐标系")])
    entries = load_file(path)
    assert sorted(e.name for e in entries) == ["大蜀山", "安徽大学"]


def test_one_layer_of_a_geodatabase_is_read_when_named_as_qgis_names_it(tmp_path):
    # 'jd.gdb|layername=兴趣点', as QGIS's layer source shows it: the file was 'not found'.
    entries = load_file(f"{_geodatabase_of_places(tmp_path)}|layername=兴趣点")
    assert sorted(e.name for e in entries) == ["大蜀山", "安徽大学"]
    with pytest.raises(InputError, match=r"地名\.gdb: has no layer '水系' \(its layers: 兴趣点, 道路\)"):
        load_file(f"{tmp_path / '地名.gdb'}|layername=水系")


def test_a_road_given_as_a_point_is_warned_of_in_one_line_naming_the_file_the_row_and_the_fix(tmp_path):
    # 幸福大道 typed as a point in the planner's gazetteer: the warning said "a road given as a point,
    # not a line: entry 2", neither which road nor what to do about it.
    from click.testing import CliRunner

    from geo.cli import main

    (tmp_path / "道路.csv").write_text("name,lon,lat\n北园小学,117.0,36.70\n幸福大道,117.0,36.70\n", encoding="utf-8")
    (tmp_path / "report.txt").write_text("加快推进幸福大道改造。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--report", str(tmp_path / "report.txt"), "--gazetteer",
                                       str(tmp_path / "道路.csv"), "--basemap", "none", "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.stderr.splitlines() if "left out" in line]
    assert line == (f"warning: {tmp_path / '道路.csv'}: left out 1 of 2 row(s) that cannot place anything (a road "
                    "given as a point, not a line: entry 2 (幸福大道); give a road its line in a wkt column, "
                    "LINESTRING (lon lat, lon lat, …), or place it by hand on the map)"), line


@pytest.mark.parametrize("datum, prj", [
    ("gcj02", 'GEOGCS["GCJ02",DATUM["D_GCJ02",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
              'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'),
    ("bd09", 'GEOGCS["BD09",DATUM["D_BD09",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
             'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')])
def test_a_vector_gazetteer_whose_prj_is_named_for_a_web_maps_datum_is_shifted_from_it(tmp_path, datum, prj):
    # Web-map downloaders (BIGEMAP and the like) write a .prj named GCJ02 or BD09 over such coordinates:
    # the file said its datum and was taken for WGS-84, 'datum not given', claiming 1,600 m, some 500 m off.
    import geopandas as gpd

    site = shapely.Point(108.95, 34.21)
    shifted = crs.convert_geometry(site, "wgs84", datum)
    path = tmp_path / "学校.shp"
    gpd.GeoDataFrame({"名称": ["雁塔区第二图书馆"]}, geometry=[shifted], crs=4326).to_file(path, encoding="UTF-8")
    path.with_suffix(".prj").write_text(prj, encoding="ascii")
    warnings = []
    (entry,) = load_file(path, warnings=warnings)
    assert warnings == [] and entry.source_datum == datum and entry.accuracy_m == 50
    assert entry.geometry.distance(site) < 1e-7


@pytest.mark.parametrize("datum, label", [("gcj02", "GCJ02"), ("gcj02", "gcj-02"), ("bd09", "BD09")])
def test_a_gazetteer_geojson_whose_crs_member_names_a_web_maps_datum_is_shifted_from_it(tmp_path, datum, label):
    # A web-map downloader's GeoJSON, "crs": {"type": "name", "properties": {"name": "GCJ02"}}, was refused
    # ("declares an unknown coordinate reference system 'GCJ02'"); its .prj so named is read as that datum.
    site = shapely.Point(108.95, 34.21)
    shifted = crs.convert_geometry(site, "wgs84", datum)
    path = tmp_path / "学校.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": label}},
                                "features": [{"type": "Feature", "properties": {"名称": "白石路小学"},
                                              "geometry": {"type": "Point", "coordinates": list(shifted.coords[0])}}]},
                               ensure_ascii=False), encoding="utf-8")
    warnings = []
    (entry,) = load_file(path, warnings=warnings)
    assert warnings == [] and entry.source_datum == datum
    assert entry.geometry.distance(site) < 1e-7


def test_a_gazetteer_geojson_declaring_a_projected_crs_over_lon_lat_is_refused_not_read_thousands_of_km_off(tmp_path):
    # Its places were read as metres at lat 0.0003 and only dropped as "4091.6 km outside the district".
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection",
                                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4548"}},
                                "features": [{"type": "Feature", "properties": {"name": "天桥公园"},
                                              "geometry": {"type": "Point", "coordinates": [117.0, 36.7]}}]}),
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"places\.geojson: its coordinates \(x 117 to 117, y 36\.7 to 36\.7\) are "
                                         r"lon/lat degrees, and its CRS, EPSG:4548 \(.*\), is in metres"):
        load_file(path)



def test_a_vector_gazetteer_feature_without_aliases_has_none_not_nan(tmp_path):
    # A feature lacking the aliases another has was read as answering to 'nan' (pandas' null as text).
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "天桥医院", "aliases": "天桥二院", "datum": "wgs84"},
         "geometry": {"type": "Point", "coordinates": [117.0, 36.69]}},
        {"type": "Feature", "properties": {"name": "北园小学", "datum": "wgs84"},
         "geometry": {"type": "Point", "coordinates": [117.01, 36.70]}}]}, ensure_ascii=False), encoding="utf-8")
    assert [(e.name, e.aliases) for e in load_file(path)] == [("天桥医院", ("天桥二院",)), ("北园小学", ())]


def test_a_geojson_gazetteer_name_given_as_a_list_is_the_first_name_the_others_its_aliases(tmp_path):
    # ["天桥医院", "天桥二院"] (GDAL's StringList) named the entry "['天桥医院', '天桥二院']", matching nothing.
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": ["天桥医院", "天桥二院"], "aliases": "天桥区医院", "datum": "wgs84"},
         "geometry": {"type": "Point", "coordinates": [117.0, 36.69]}},
        {"type": "Feature", "properties": {"name": ["北园小学"], "datum": "wgs84"},
         "geometry": {"type": "Point", "coordinates": [117.01, 36.70]}}]}, ensure_ascii=False), encoding="utf-8")
    entries = load_file(path)
    assert [(e.name, e.aliases) for e in entries] == [("天桥医院", ("天桥二院", "天桥区医院")), ("北园小学", ())]


def test_a_geojson_gazetteer_name_given_as_an_object_of_languages_is_its_first_value_the_others_its_aliases(tmp_path):
    # {"zh": "白石小学", "en": "Baishi Primary School"} (GDAL's JSON field) named the entry "{'zh': '白石小学', …}",
    # matching nothing, without a word.
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": {"zh": "白石小学", "en": "Baishi Primary School"}, "datum": "wgs84"},
         "geometry": {"type": "Point", "coordinates": [120.11, 30.25]}},
        {"type": "Feature", "properties": {"name": {"zh": "青松中学"}, "datum": "wgs84"},
         "geometry": {"type": "Point", "coordinates": [120.15, 30.26]}}]}, ensure_ascii=False), encoding="utf-8")
    entries = load_file(path)
    assert [(e.name, e.aliases) for e in entries] == [("白石小学", ("Baishi Primary School",)), ("青松中学", ())]


def test_a_datum_column_repeating_one_label_is_read_once_for_the_table(tmp_path, monkeypatch):
    import geo.crs
    import geo.survey
    from work_counts import Calls

    geo.survey._projection_of.cache_clear()
    spelled, projections = Calls(geo.crs.normalise_datum), Calls(geo.survey._projection_of.__wrapped__)
    monkeypatch.setattr(geo.crs, "normalise_datum", spelled)
    monkeypatch.setattr(geo.survey, "_projection_of", functools.lru_cache(maxsize=256)(projections))
    counts = []
    for rows in (10, 40):
        path = tmp_path / f"点位{rows}.csv"
        path.write_text("名称,经度,纬度,坐标系\n" + "".join(f"青山{i}号点,117.0{i},36.7{i},GCJ-02\n" for i in range(rows)),
                        encoding="utf-8")
        before = spelled.count
        entries = load_file(path, warnings=[])
        assert len(entries) == rows and {e.source_datum for e in entries} == {"gcj02"}
        counts.append(spelled.count - before)
    assert counts[0] == counts[1] and projections.count == 1  # per table, not per row: a table may hold 200,000


def test_a_datum_column_given_once_above_blanks_is_named_as_a_merged_cell_exported_blank(tmp_path):
    path = tmp_path / "点位.csv"  # WPS's CSV of a sheet whose 坐标系 cell was merged over three rows
    path.write_text("\ufeff序号,名称,经度,纬度,坐标系\n1,白石小学,117.001,36.701,GCJ02\n2,青山公园,117.011,36.711,\n"
                    "3,青山医院,117.021,36.721,\n合计,,,,\n", encoding="utf-8")
    warnings = []
    entries = load_file(path, warnings=warnings)
    assert [e.source_datum for e in entries] == ["gcj02", "wgs84", "wgs84"]  # not filled in: said
    (said,) = [w for w in warnings if "datum not given" in w]
    assert "its '坐标系' column gives 'GCJ02' in entry 1 alone, blank in 2 below (a cell merged" in said
    mixed = tmp_path / "混合.csv"  # two datums given, blanks between: no merged cell to suspect
    mixed.write_text("名称,经度,纬度,坐标系\n白石小学,117.001,36.701,GCJ02\n青山公园,117.011,36.711,\n"
                     "青山医院,117.021,36.721,BD09\n", encoding="utf-8")
    warnings = []
    load_file(mixed, warnings=warnings)
    assert not any("merged" in w for w in warnings)


@pytest.mark.parametrize("written", ["白石实验幼儿园本部", "青山县第一中学本部", "白石学校本部"])
def test_a_main_site_written_without_brackets_keeps_its_schools_category(written):
    # A list writing its main site unbracketed (青山县第一中学本部): the extraction's stem heads 学本部 and 园本部
    # took the school's last character, leaving 青山县第一中 (read as a hill's, 山) or 白石实验幼儿 (none), and the
    # school was filed under another category (or none) when a list gave no category column.
    from geo.gazetteer_names import name_category

    assert name_category(normalise_name(written)) == "school"


@pytest.mark.parametrize("header", ["名称,纬度,经度,类别", "name,lat,lon,category", "name,y,x,category"])
def test_a_table_whose_longitude_and_latitude_columns_are_swapped_says_so(tmp_path, header):
    # 青山县's points typed under swapped headers (纬度 117, 经度 36 in every row): only the first entry was
    # named, 'entry 1 (青山小学) has latitude beyond ±90 (lon/lat swapped?)', as if that row alone were wrong.
    path = tmp_path / "青山县点位.csv"
    path.write_text(f"{header}\n青山小学,116.990,36.688,school\n白石市场,117.001,36.690,market\n", encoding="utf-8")
    with pytest.raises(InputError, match="every entry .* longitude and latitude columns hold each other's values"):
        load_file(path)


def test_a_row_stored_as_a_collection_of_one_place_is_that_place_with_a_warning(tmp_path):
    # FME, PostGIS ST_Collect and web maps store a place with its label point: 青山公园 its area and
    # its name's point, 白石路 its line and its name's point. They were left out ("give one geometry
    # type per row"); a school's point with a line, or an area with a point far from it, still are.
    path = tmp_path / "点位.csv"
    square = "POLYGON((117 36.7,117.01 36.7,117.01 36.71,117 36.71,117 36.7))"
    path.write_text("name,wkt\n"
                    f"青山公园,\"GEOMETRYCOLLECTION({square},POINT(117.005 36.705))\"\n"
                    "白石路,\"GEOMETRYCOLLECTION(LINESTRING(116.98 36.70,117.01 36.70),POINT(117 36.701))\"\n"
                    "白石小学,\"GEOMETRYCOLLECTION(POINT(117 36.7),LINESTRING(116.98 36.70,117.01 36.70))\"\n"
                    f"青山广场,\"GEOMETRYCOLLECTION({square},POINT(117.2 36.9))\"\n"
                    "青山站,\"GEOMETRYCOLLECTION(POINT(117 36.7),GEOMETRYCOLLECTION(POINT(117.001 36.7)))\"\n",
                    encoding="utf-8")
    warnings = []
    entries = load_file(path, warnings=warnings, datum="wgs84")
    assert [(e.name, e.geometry.geom_type) for e in entries] == [
        ("青山公园", "Polygon"), ("白石路", "LineString"), ("青山站", "MultiPoint")]
    assert warnings == [
        f"{path}: 1 row(s) stored as GeometryCollections of polygons with points (entry 1 (青山公园)): their "
        "polygons are kept, the points left out",
        f"{path}: 1 row(s) stored as GeometryCollections of lines with points (entry 2 (白石路)): their lines "
        "are kept, the points left out",
        f"{path}: left out 2 of 5 row(s) that cannot place anything (a GeometryCollection, give one geometry "
        "type per row: entries 3 (白石小学), 4 (青山广场))"]


def test_a_later_source_placing_the_name_km_away_is_said_and_the_first_source_kept():
    # A planner's list put 青山文化中心 at 112.935 and OSM 3 km east: the list's spot was used, `matched`,
    # without a word of OSM's. The list is kept (given first, to correct OSM) but the geocode says so;
    # sources agreeing within 1 km, or a later one without the name, say nothing.
    from geo.geocode import geocode_projects

    listed = _entry("青山文化中心", shapely.Point(112.935, 28.205), tier="user gazetteer 点位.csv")
    gaz = Gazetteer().add_tier("user gazetteer 点位.csv", [listed, _entry("白石小学", shapely.Point(112.93, 28.21))]) \
        .add_tier("OSM extract", [_entry("青山文化中心", shapely.Point(112.9657, 28.205)),
                                  _entry("白石小学", shapely.Point(112.931, 28.21))])
    said = "OSM extract places 青山文化中心 3.0 km from here; user gazetteer 点位.csv, given first, is used"
    match = gaz.lookup("青山文化中心")
    assert match.entry is listed and gazetteer_module.placed_elsewhere(match) == said
    assert gazetteer_module.placed_elsewhere(gaz.lookup("白石小学")) == ""
    far = shapely.box(112.90, 28.17, 112.95, 28.23)  # a district whose margin OSM's place lies beyond: another place
    assert gazetteer_module.placed_elsewhere(match, far) == ""
    project = {"id": 1, "geometry": None, "properties": {"id": 1, "name": "青山文化中心", "category": "culture", "named": True}}
    (located,), _ = geocode_projects([project], gaz, shapely.box(112.90, 28.17, 113.00, 28.23), warnings=[])
    assert located["properties"]["geocode"]["method"].endswith(said)
    assert located["properties"]["geocode"]["status"] == "matched"


def test_a_source_after_the_next_placing_the_name_km_away_is_said_past_one_without_it_in_the_district():
    # A planner's list, then another county's list (its 青山广场 30 km away), then OSM 3 km away in the district:
    # only the next source was looked at, and its place lay beyond the margin: nothing was said.
    county = shapely.box(112.90, 28.17, 113.00, 28.23)
    listed = _entry("青山广场", shapely.Point(112.915, 28.186), tier="user gazetteer 百度.csv")
    gaz = Gazetteer().add_tier("user gazetteer 百度.csv", [listed]) \
        .add_tier("user gazetteer 外县.csv", [_entry("青山广场", shapely.Point(113.25, 28.19))]) \
        .add_tier("OSM extract", [_entry("青山广场", shapely.Point(112.947, 28.186))])
    said = gazetteer_module.placed_elsewhere(gaz.lookup("青山广场"), county)
    assert said == "OSM extract places 青山广场 3.1 km from here; user gazetteer 百度.csv, given first, is used"


def test_a_loosely_matched_place_says_a_later_source_having_the_name_itself_km_away():
    # The list's 白溪县城东小学 found for 城东小学 (contained): OSM's own 城东小学 2.5 km away was never looked at.
    listed = _entry("白溪县城东小学", shapely.Point(112.9723, 28.2071), category="school", tier="user gazetteer 学校.csv")
    gaz = Gazetteer().add_tier("user gazetteer 学校.csv", [listed]) \
        .add_tier("OSM extract", [_entry("城东小学", shapely.Point(112.9723, 28.2296), category="school")])
    match = gaz.lookup("城东小学", category="school")
    assert match.strength == "contained" and match.entry is listed
    assert gazetteer_module.placed_elsewhere(match) == ("OSM extract places 城东小学 2.5 km from here; "
                                                        "user gazetteer 学校.csv, given first, is used")
