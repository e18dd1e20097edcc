"""Districts far from Jinan, built end to end: km true to the ground, the metric CRS in every output, junctions."""

import csv
import json
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from click.testing import CliRunner
from pyproj import Geod

from geo.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
CHENGDU_OSM = FIXTURES / "chengdu_synthetic.osm"  # synthetic streets laid out like a small area of Chengdu
REPORT = "二、2025年重点工作\n实施锦华路提升改造工程，完成锦华路与新光路交叉口渠化改造。\n"


@pytest.fixture(scope="module")
def chengdu_build(tmp_path_factory):
    work = tmp_path_factory.mktemp("chengdu")
    (work / "report.txt").write_text(REPORT, encoding="utf-8")
    west, east = shapely.box(104.045, 30.585, 104.0675, 30.615), shapely.box(104.0675, 30.585, 104.09, 30.615)
    gpd.GeoDataFrame({"JDDM": ["510107001", "510107002"], "JDMC": ["西街道", "东街道"]},
                     geometry=[west, east], crs=4326).to_file(work / "jiedao.geojson", driver="GeoJSON")
    out = work / "out"
    result = CliRunner().invoke(main, [
        "build", "--report", str(work / "report.txt"), "--districts", str(work / "jiedao.geojson"),
        "--name-field", "JDMC", "--code-field", "JDDM", "--osm", str(CHENGDU_OSM), "--basemap", "none",
        "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    collection = json.loads((out / "projects.geojson").read_text(encoding="utf-8"))
    return out, collection, {f["properties"]["name"]: f for f in collection["features"]}


def test_metric_crs_of_the_district_is_written_in_every_output(chengdu_build):
    out, collection, _ = chengdu_build
    assert collection["metadata"]["metric_crs"] == "EPSG:4544"  # CGCS2000 3-degree zone, CM 105E
    for layer in ("road_rebuild", "subdistricts", "district_outline"):
        layer_json = json.loads((out / "layers" / f"{layer}.geojson").read_text(encoding="utf-8"))
        assert layer_json["metadata"]["metric_crs"] == "EPSG:4544"
    with open(out / "maps_out" / "coverage.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["metric_crs"] for r in rows} == {"EPSG:4544 (CGCS2000 / 3-degree Gauss-Kruger CM 105E)"}
    assert "EPSG:4544" in (out / "maps_out" / "coverage.md").read_text(encoding="utf-8")


def test_stored_km_agree_with_geodesic_length(chengdu_build):
    _, _, projects = chengdu_build
    road = projects["锦华路"]
    pieces = road["properties"]["subdistricts"]
    assert [p["name"] for p in pieces] == ["西街道", "东街道"]
    geodesic_km = Geod(ellps="WGS84").geometry_length(shapely.geometry.shape(road["geometry"])) / 1000
    assert sum(p["km"] for p in pieces) == pytest.approx(geodesic_km, rel=1e-3)
    assert geodesic_km == pytest.approx(3.213, abs=0.01)  # the dual carriageway counted once


def test_junction_project_is_placed_where_the_osm_roads_cross(chengdu_build):
    _, _, projects = chengdu_build
    junction = projects["锦华路与新光路交叉口"]
    point = shapely.geometry.shape(junction["geometry"])
    assert point.distance(shapely.Point(104.065, 30.6)) < 1e-6
    assert junction["properties"]["geocode"]["status"] == "matched"
    assert [p["name"] for p in junction["properties"]["subdistricts"]] == ["西街道"]


# West, south and north-east: a 3 km winding road across two 街道, given by a gazetteer CSV.
FAR_CITIES = {"Urumqi": ((87.62, 43.83), "EPSG:4538"), "Sanya": ((109.51, 18.25), "EPSG:4546"),
              "Harbin": ((126.63, 45.75), "EPSG:4551")}


@pytest.mark.parametrize("city", sorted(FAR_CITIES))
def test_far_districts_store_km_true_to_the_ground(city, tmp_path):
    (lon, lat), expected_crs = FAR_CITIES[city]
    geod = Geod(ellps="WGS84")
    coords, (x, y) = [(lon, lat)], (lon, lat)
    for i in range(10):  # 300 m steps, alternately east-north-east and east-south-east
        x, y, _ = geod.fwd(x, y, 70 if i % 2 else 110, 300.0)
        coords.append((x, y))
    road = shapely.LineString(coords)
    x0, y0, x1, y1 = road.buffer(0.02).bounds
    middle = (x0 + x1) / 2
    gpd.GeoDataFrame({"code": ["01", "02"], "name": ["西城街道", "东城街道"]},
                     geometry=[shapely.box(x0, y0, middle, y1), shapely.box(middle, y0, x1, y1)],
                     crs=4326).to_file(tmp_path / "jiedao.geojson", driver="GeoJSON")
    (tmp_path / "roads.csv").write_text(f'name,wkt,accuracy_m\n幸福路,"{road.wkt}",30\n', encoding="utf-8")
    (tmp_path / "report.txt").write_text("二、2025年重点工作\n实施幸福路提升改造工程。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [
        "build", "--report", str(tmp_path / "report.txt"), "--districts", str(tmp_path / "jiedao.geojson"),
        "--name-field", "name", "--code-field", "code", "--gazetteer", str(tmp_path / "roads.csv"),
        "--basemap", "none", "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    collection = json.loads((out / "projects.geojson").read_text(encoding="utf-8"))
    assert collection["metadata"]["metric_crs"] == expected_crs
    (feature,) = [f for f in collection["features"] if f["properties"]["name"] == "幸福路"]
    pieces = feature["properties"]["subdistricts"]
    assert [p["name"] for p in pieces] == ["西城街道", "东城街道"]
    assert sum(p["km"] for p in pieces) * 1000 == pytest.approx(geod.geometry_length(road), rel=1e-3)
    with open(out / "maps_out" / "coverage.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["name"] for r in rows] == ["西城街道", "东城街道"] or [r["name"] for r in rows] == ["东城街道", "西城街道"]
    assert all(r["metric_crs"].startswith(expected_crs) for r in rows)
