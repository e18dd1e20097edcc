"""Tests for geo.join: the allocation frame (order, empty and bad input, any shape) and writing allocations to features."""

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import GeometryCollection, LineString, Point, box

from geo.io import InputError
from geo.join import ALLOCATION_COLUMNS, allocate_to_zones, attach_allocations
from join_grid import X0, Y0, projects_frame, zones_frame


def test_degenerate_and_collection_geometries():
    projects = projects_frame([
        ("stub", LineString([(X0 + 0.015, Y0 + 0.005), (X0 + 0.015, Y0 + 0.005)])),  # zero length
        ("mixed", GeometryCollection([Point(X0 + 0.015, Y0 + 0.015),
                                      LineString([(X0 + 0.005, Y0 + 0.005), (X0 + 0.015, Y0 + 0.005)])])),
    ])
    result = allocate_to_zones(projects, zones_frame())
    assert result[["id", "code"]].values.tolist() == [
        ["mixed", "370105001"], ["mixed", "370105004"], ["stub", "370105001"]]
    mixed = result[result["id"] == "mixed"]
    assert mixed["share"].sum() == pytest.approx(1.0)  # the point part is dropped, the line split
    assert np.isnan(result.loc[result["id"] == "stub", "km"].iloc[0])


def test_result_is_sorted_and_independent_of_input_order():
    items = [("b", Point(X0 + 0.015, Y0 + 0.015)),
             ("a", LineString([(X0 + 0.001, Y0 + 0.012), (X0 + 0.019, Y0 + 0.004)])),
             ("c", box(X0 + 0.005, Y0 + 0.005, X0 + 0.015, Y0 + 0.015))]
    reference = allocate_to_zones(projects_frame(items), zones_frame())
    keys = list(zip(reference["id"], reference["code"]))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert reference["id"].value_counts().to_dict() == {"a": 3, "b": 1, "c": 4}
    rng = np.random.default_rng(7)
    for _ in range(5):
        shuffled = projects_frame([items[i] for i in rng.permutation(3)])
        zones = zones_frame().iloc[rng.permutation(4)]
        pd.testing.assert_frame_equal(allocate_to_zones(shuffled, zones), reference)


def test_empty_input_gives_an_empty_frame():
    result = allocate_to_zones(projects_frame([("x", None)]), zones_frame())
    assert list(result.columns) == ALLOCATION_COLUMNS and result.empty


@pytest.mark.parametrize("change, message", [
    (lambda p, z: (p.drop(columns="id"), z), "no 'id' column"),
    (lambda p, z: (p.assign(id=["a", "a"]), z), "ids repeat: a"),
    (lambda p, z: (p.assign(id=["a", None]), z), "have no id"),
    (lambda p, z: (p, z.set_crs(None, allow_override=True)), "no coordinate reference system"),
    (lambda p, z: (p, z.drop(columns="code")), "no 'code' column"),
    (lambda p, z: (p, z.assign(code=["1", "1", "2", "3"])), "zone codes repeat: 1"),
    (lambda p, z: (p, z.set_geometry(z.geometry.boundary)), "is not a polygon"),
])
def test_bad_input_is_an_input_error(change, message):
    projects = projects_frame([("a", Point(X0 + 0.005, Y0 + 0.005)), ("b", Point(X0 + 0.015, Y0 + 0.005))])
    projects, zones = change(projects, zones_frame())
    with pytest.raises(InputError, match=re.escape(message)):
        allocate_to_zones(projects, zones)


# --------------------------------------------------------------------------- attach_allocations


def test_attach_allocations_writes_rounded_subdistricts():
    line = LineString([(X0 + 0.001, Y0 + 0.005), (X0 + 0.019, Y0 + 0.005)])
    features = [
        {"id": "road", "properties": {"id": "road", "name": "某路"}, "geometry": line},
        {"id": "school", "properties": {"id": "school", "subdistricts": ["stale"]},
         "geometry": Point(X0 + 0.015, Y0 + 0.015)},
        {"id": "lost", "properties": {"id": "lost"}, "geometry": None},
    ]
    projects = projects_frame([(f["properties"]["id"], f["geometry"]) for f in features])
    allocations = allocate_to_zones(projects, zones_frame())
    out = attach_allocations(features, allocations)
    road = out[0]["properties"]["subdistricts"]
    assert [a["code"] for a in road] == ["370105001", "370105004"]
    raw = allocations[allocations["id"] == "road"]
    assert [a["km"] for a in road] == [round(k, 3) for k in raw["km"]]
    assert [a["share"] for a in road] == pytest.approx(list(raw["share"]), abs=1e-4)
    assert sum(a["share"] for a in road) == pytest.approx(round(raw["share"].sum(), 4), abs=1e-12)
    assert out[1]["properties"]["subdistricts"] == [
        {"code": "370105002", "name": "丁街道", "share": 1.0, "km": None}]
    assert out[2]["properties"]["subdistricts"] == []
    assert features[1]["properties"]["subdistricts"] == ["stale"]  # input untouched
    assert "subdistricts" not in features[0]["properties"]



def test_a_projects_rounded_shares_sum_as_its_shares_do():
    # A road cut in three equal parts had shares 0.3333 three times (99.99%), one in 0.61235/0.38765
    # 0.6124 and 0.3877 (100.01%): each share was rounded alone.
    allocations = pd.DataFrame({"id": ["thirds"] * 3 + ["two"] * 2 + ["out"] * 2,
                                "code": ["370105001", "370105002", "370105003", "370105001", "370105002",
                                         "370105001", "370105002"],
                                "name": ["甲", "乙", "丙", "甲", "乙", "甲", "乙"],
                                "share": [1 / 3] * 3 + [0.61235, 0.38765] + [0.33335, 0.33335],
                                "km": [1.0] * 7, "area_km2": [np.nan] * 7})
    features = [{"id": key, "properties": {"id": key}, "geometry": None} for key in ("thirds", "two", "out")]
    shares = {f["id"]: [a["share"] for a in f["properties"]["subdistricts"]]
              for f in attach_allocations(features, allocations)}
    assert sum(shares["thirds"]) == 1.0 and sorted(shares["thirds"]) == [0.3333, 0.3333, 0.3334]
    assert sum(shares["two"]) == 1.0 and shares["two"] in ([0.6124, 0.3876], [0.6123, 0.3877])
    assert round(sum(shares["out"]), 4) == 0.6667  # a line partly outside: its shares sum to what lies inside

# --------------------------------------------------------------------------- benchmark script


def test_bench_script_prints_ratios_at_tiny_scale():
    script = Path(__file__).resolve().parents[1] / "scripts" / "bench_join.py"
    done = subprocess.run([sys.executable, str(script), "--scale", "0.0005", "--repeat", "1"],
                          capture_output=True, text=True, timeout=120, check=True)
    ratios = dict(re.findall(r"ratio (points|lines): ours/bare = ([0-9.]+)x", done.stdout))
    assert set(ratios) == {"points", "lines"}
    assert all(float(value) > 0 for value in ratios.values())
    # Both methods place the same points and measure the same km on the same data.
    checks = re.findall(r"^\s+(points|lines)\s+(ours|bare)\s.*\s(placed [\d,]+|km [\d.]+)$", done.stdout, re.M)
    by_kind = {}
    for kind, _, check in checks:
        by_kind.setdefault(kind, set()).add(check)
    assert len(checks) == 4 and all(len(values) == 1 for values in by_kind.values())
