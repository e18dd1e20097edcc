"""The whole pipeline on the embedded default: committed outputs are exactly what `geo build` writes."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geo.cli import main

REPO = Path(__file__).resolve().parent.parent
OUTPUTS = ["projects.geojson", "layers", "maps_out"]


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(main, ["build", "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def _files(root):
    found = {}
    for name in OUTPUTS:
        path = root / name
        items = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for item in items:
            found[str(item.relative_to(root))] = item.read_bytes()
    return found


def test_committed_outputs_are_exactly_what_build_writes(build_dir):
    out, _ = build_dir
    built, committed = _files(out), _files(REPO)
    assert sorted(built) == sorted(committed), "file lists differ: rerun `geo build` and commit"
    differing = [name for name in built if built[name] != committed[name]]
    assert not differing, f"committed outputs are stale: {differing}"


def test_build_prints_what_it_wrote(build_dir):
    out, output = build_dir
    for name in ("projects.geojson", "maps_out/projects.html", "maps_out/coverage.html", "maps_out/index.html",
                 "maps_out/coverage.csv", "maps_out/coverage.md", "layers/subdistricts.geojson"):
        assert f"wrote {out / name}" in output


def test_every_seed_project_is_located_or_has_a_reason(build_dir):
    out, _ = build_dir
    features = json.loads((out / "projects.geojson").read_text(encoding="utf-8"))["features"]
    assert features
    for feature in features:
        props = feature["properties"]
        geocode = props["geocode"]
        if feature["geometry"] is None:
            assert geocode["status"] == "unlocated" and geocode["reason"], props["name"]
        else:
            assert geocode["status"] in ("matched", "approximate")
            for key in ("source", "method", "source_datum", "accuracy_m"):
                assert geocode[key], (props["name"], key)
        if props.get("named") is False:
            assert feature["geometry"] is None  # counted groups stay district-wide


def test_roads_are_lines_and_facilities_points(build_dir):
    out, _ = build_dir
    layers = {p.stem: json.loads(p.read_text(encoding="utf-8"))["features"] for p in (out / "layers").glob("*.geojson")}
    for name in ("road_rebuild", "road_greening"):
        assert layers[name], name
        assert {f["geometry"]["type"] for f in layers[name]} <= {"LineString", "MultiLineString"}, name
    for name in ("school", "health", "market", "sanitation", "commercial"):
        for feature in layers.get(name, []):
            assert feature["geometry"]["type"] == "Point", (name, feature["properties"]["name"])
    assert {f["geometry"]["type"] for f in layers["subdistricts"]} <= {"Polygon", "MultiPolygon"}
