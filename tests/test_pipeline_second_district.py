"""A made-up second district (:mod:`second_district`, 青岚县) built and geocoded end to end, judged on coordinates:
each placed project lies within its claimed ``accuracy_m`` of its true place (metres, the district's metric CRS; a
line by its densified Hausdorff distance, a line standing for a spot by its farthest point from it), each
ambiguous or absent one stays unlocated with a reason, and the methods say what they must."""

import json

import pytest
import shapely
from click.testing import CliRunner
from shapely.geometry import shape

import second_district
from geo.cli import main
from geo.crs import metric_geometry

TRUTH = second_district.truth()


@pytest.fixture(scope="module")
def geocoded(tmp_path_factory):
    work = tmp_path_factory.mktemp("qinglan")
    second_district.write(work)
    sources = ["--districts", str(work / "jiedao.geojson"), "--name-field", "JDMC", "--code-field", "JDDM",
               "--osm", str(work / "qinglan.osm"), "--district-name", "青岚县"]
    for name in second_district.GAZETTEERS:
        sources += ["--gazetteer", str(work / name)]
    out = work / "out"
    built = CliRunner().invoke(main, ["build", "--report", str(work / "report.txt"), *sources, "--basemap", "none",
                                      "--out-dir", str(out)])
    assert built.exit_code == 0, built.output
    catalog = second_district.with_extra(json.loads((out / "projects.geojson").read_text(encoding="utf-8")))
    (out / "projects_x.geojson").write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    placed = CliRunner().invoke(main, ["geocode", "-p", str(out / "projects_x.geojson"), "--layers-dir",
                                       str(out / "layers_x"), *sources, "--gazetteer", str(work / "placed.csv")])
    assert placed.exit_code == 0, placed.output
    result = json.loads((out / "projects_x.geojson").read_text(encoding="utf-8"))
    return result["metadata"]["metric_crs"], {f["properties"]["name"]: f for f in result["features"]}


def _off_m(found, true, crs):
    """How far ``found`` lies from the true place, in metres."""
    found, true = metric_geometry(found, crs), metric_geometry(true, crs)
    if true.geom_type == "Point" and found.geom_type in ("LineString", "MultiLineString"):
        return shapely.hausdorff_distance(found, true, densify=0.02)  # a line for a spot: it may be anywhere on it
    if true.geom_type == "Point":
        return found.distance(true)
    return shapely.hausdorff_distance(found, true, densify=0.02)


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_each_project_lies_within_its_claimed_accuracy_or_stays_unlocated(geocoded, name):
    crs, projects = geocoded
    feature = projects.get(name) or next(f for n, f in projects.items() if name in n)  # 县人民医院门诊楼
    geocode, true = feature["properties"]["geocode"], TRUTH[name]
    if true is None:
        assert feature["geometry"] is None and geocode["reason"], geocode
        assert second_district.MUST_SAY.get(name, "") in geocode["reason"]
        return
    assert feature["geometry"] is not None, geocode["reason"]
    assert _off_m(shape(feature["geometry"]), true, crs) <= geocode["accuracy_m"], geocode
    assert second_district.MUST_SAY.get(name, "") in geocode["method"]
    assert second_district.MUST_SAY.get(f"{name}#2", "") in geocode["method"]


def test_the_metric_crs_is_the_districts_gauss_kruger_zone(geocoded):
    assert geocoded[0] == "EPSG:4547"
