"""Answers of web maps' place searches and of Overpass saved as JSON by a planner's script (geo.web_answers)."""

import json
import re

import pytest
import shapely

from geo.boundaries import load_official_zones
from geo.crs import convert_geometry
from geo.gazetteer_files import load_file
from geo.io import InputError

AMAP = {"status": "1", "count": "3", "info": "OK", "infocode": "10000", "pois": [
    {"id": "B0FFAAA001", "name": "青山区实验小学", "type": "科教文化服务;学校;小学", "location": "116.985412,36.702100",
     "address": "白石路12号", "pname": "山东省"},
    {"id": "B0FFAAA002", "name": "青山区人民医院", "type": "医疗保健服务", "location": "116.995412,36.712100", "address": []},
    {"id": "B0FFAAA003", "name": "青山区规划馆", "location": []}]}


def _write(path, value, wrapper="{}"):
    path.write_text(wrapper.replace("{}", json.dumps(value, ensure_ascii=False)), encoding="utf-8")
    return path


@pytest.mark.parametrize("name, wrapper", [("高德_学校.json", "{}"), ("高德_学校.js", "var pois = {};")])
def test_an_amap_place_search_answer_is_a_gazetteer_in_gcj02(tmp_path, name, wrapper):
    # A script's json.dump of Amap's answer: "not a vector file GDAL reads (GeoJSON, GeoPackage, …)".
    warnings = []
    school, hospital = load_file(_write(tmp_path / name, AMAP, wrapper), warnings=warnings)
    expected = convert_geometry([shapely.Point(116.985412, 36.7021)], "gcj02", "wgs84")[0]
    assert (school.name, hospital.name) == ("青山区实验小学", "青山区人民医院")
    assert school.source_datum == "gcj02" and school.geometry.distance(expected) < 1e-9
    assert "白石路12号" in school.aliases and school.method.startswith(f"answer of Amap's place search, saved as {name}")
    assert warnings == [f"{tmp_path / name}: left out 1 of 3 place(s) of the answer that give no location (青山区规划馆)"]


def test_a_tencent_place_search_answer_is_a_gazetteer_in_gcj02(tmp_path):
    answer = {"status": 0, "message": "query ok", "count": 1, "data": [
        {"id": "1", "title": "青山区实验小学", "address": "山东省济青市青山区白石路12号", "category": "教育学校:小学",
         "location": {"lat": 36.7021, "lng": 116.985412}}]}
    (entry,) = load_file(_write(tmp_path / "腾讯.json", answer))
    assert entry.name == "青山区实验小学" and entry.source_datum == "gcj02"


@pytest.mark.parametrize("answer, said", [
    ({"status": 0, "message": "ok", "results": [{"name": "青山区实验小学", "location": {"lat": 36.71, "lng": 116.99}}]},
     "is an answer of Baidu's place search (its results' location lat/lng), whose datum the answer does not state"),
    ({"version": 0.6, "generator": "Overpass API 0.7.62", "osm3s": {}, "elements": []},
     "is an answer of OpenStreetMap's Overpass API (its elements: nodes, ways, relations), not a layer of places: "
     "give it as --osm"),
    ({"status": "0", "info": "INVALID_USER_KEY", "infocode": "10001"},
     "is an answer of Amap's web service that reports an error (INVALID_USER_KEY), holding no places"),
])
def test_answers_that_tell_no_datum_or_are_osm_or_an_error_are_refused_in_one_line(tmp_path, answer, said):
    path = _write(tmp_path / "answer.json", answer)
    with pytest.raises(InputError, match=re.escape(f"{path}: {said}")):
        load_file(path)


def test_an_answer_given_as_districts_is_named_as_what_it_is(tmp_path):
    path = _write(tmp_path / "answer.json", AMAP)
    with pytest.raises(InputError, match=re.escape(f"{path}: is an answer of Amap's place search (places as points, "
                                                   "for --gazetteer), not a vector file of features")):
        load_official_zones(path, name_field="name")


def test_a_geojson_gazetteer_holding_a_status_member_is_still_read_as_geojson(tmp_path):
    collection = {"type": "FeatureCollection", "status": "1", "features": [{"type": "Feature", "properties": {
        "名称": "青山区实验小学"}, "geometry": {"type": "Point", "coordinates": [116.98, 36.7]}}]}
    (entry,) = load_file(_write(tmp_path / "点位.json", collection))
    assert entry.name == "青山区实验小学" and entry.source_datum == "wgs84"
