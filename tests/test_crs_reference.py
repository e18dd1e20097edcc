"""Datum conversions of geo.crs and of the placing panel's JS against published WGS-84/GCJ-02/BD-09 pairs.

The pairs, with their sources, are in tests/fixtures/datum_reference.csv. Their ``kind``:
``exact`` (the public formula printed at full precision), ``service`` (a map service's
own output), ``table`` (gcoord's city table, 7 decimals), ``one-step`` (a published
inverse made with the one-step approximation), ``unshifted`` (outside the GCJ-02 box).
"""

import csv
import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from geo import crs

FIXTURE = Path(__file__).parent / "fixtures" / "datum_reference.csv"
STATIC = Path(crs.__file__).parent / "render" / "static"
PANEL_JS = [STATIC / "panel_gcj02.js", STATIC / "panel.js"]  # the datum's maths, then the panel exposing it
HALF_METRE = 0.5


def _rows(*kinds):
    with open(FIXTURE, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if not kinds or r["kind"] in kinds]
    for row in rows:
        for key in ("from_lon", "from_lat", "to_lon", "to_lat"):
            row[key] = float(row[key])
    return rows


def _metres(lon_a, lat_a, lon_b, lat_b):
    from pyproj import Geod

    return Geod(ellps="WGS84").inv(lon_a, lat_a, lon_b, lat_b)[2]


def _convert(row, reverse=False):
    source, target = (row["to_datum"], row["from_datum"]) if reverse else (row["from_datum"], row["to_datum"])
    lon, lat = (row["to_lon"], row["to_lat"]) if reverse else (row["from_lon"], row["from_lat"])
    out = crs.convert_coords([lon], [lat], source, target)
    return float(out[0][0]), float(out[1][0])


def _error(row, reverse=False):
    lon, lat = _convert(row, reverse)
    expected = (row["from_lon"], row["from_lat"]) if reverse else (row["to_lon"], row["to_lat"])
    return _metres(lon, lat, *expected)


def test_fixture_covers_china_with_two_independent_sources_per_conversion():
    rows = _rows()
    gcj = [r for r in rows if {r["from_datum"], r["to_datum"]} == {"wgs84", "gcj02"}]
    bd = [r for r in rows if "bd09" in (r["from_datum"], r["to_datum"])]
    assert len(gcj) >= 10 and len({r["source"] for r in gcj}) >= 2
    assert len(bd) >= 10 and len({r["source"] for r in bd}) >= 2
    assert {"north", "south", "west", "east", "outside"} <= {r["region"] for r in rows}
    assert all(r["source"] and r["where"] for r in rows)


@pytest.mark.parametrize("row", _rows("exact", "service"), ids=lambda r: r["case"])
def test_conversion_matches_published_value_within_half_a_metre(row):
    assert _error(row) < HALF_METRE


@pytest.mark.parametrize("row", _rows("exact", "service"), ids=lambda r: r["case"])
def test_inverse_of_published_pair_lands_within_half_a_metre(row):
    assert _error(row, reverse=True) < HALF_METRE


def test_gcoord_city_table_gcj02_to_bd09_within_half_a_metre():
    rows = [r for r in _rows("table") if r["to_datum"] == "bd09"]
    assert len(rows) >= 15
    assert max(_error(r) for r in rows) < HALF_METRE
    assert max(_error(r, reverse=True) for r in rows) < HALF_METRE


def test_gcoord_city_table_gcj02_is_off_every_implementation_by_one_constant_vector():
    # gcoord's own tests allow 1e-4 degree on this table. Its GCJ-02 column sits 0.6-0.7 m
    # from the formula that reproduces eviltransform, coordTransform, gcoord's unit tests
    # and Amap's documented output to centimetres, and in the same direction all over
    # China (from Sanya to the Amur, from Aksu to Jixi): an offset of the table, not a
    # defect of the formula in some region.
    rows = [r for r in _rows("table") if r["to_datum"] == "gcj02"]
    assert len(rows) >= 15
    residuals = []
    for row in rows:
        lon, lat = _convert(row)
        east = (row["to_lon"] - lon) * 111_320 * np.cos(np.radians(lat))
        north = (row["to_lat"] - lat) * 110_574
        residuals.append((east, north))
        assert _error(row) < 1.0 and _error(row, reverse=True) < 1.0
    residuals = np.array(residuals)
    assert np.abs(residuals - residuals.mean(axis=0)).max() < 0.1


@pytest.mark.parametrize("row", _rows("one-step"), ids=lambda r: r["case"])
def test_inverse_is_exact_where_published_one_step_inverses_are_not(row):
    # Published inverses made in one step miss their own input when shifted forward again
    # (1-2 m for GCJ-02, about 0.1 m for BD-09); the iterative inverse does not.
    ours = _convert(row)
    forward = crs.convert_coords([ours[0]], [ours[1]], row["to_datum"], row["from_datum"])
    theirs = crs.convert_coords([row["to_lon"]], [row["to_lat"]], row["to_datum"], row["from_datum"])
    our_miss = _metres(float(forward[0][0]), float(forward[1][0]), row["from_lon"], row["from_lat"])
    their_miss = _metres(float(theirs[0][0]), float(theirs[1][0]), row["from_lon"], row["from_lat"])
    assert our_miss < 0.01 < their_miss
    assert _error(row) < 3.0  # and the approximation is near


def test_outside_the_box_wgs84_is_unshifted_and_gcj02_input_refused():
    # gcoord returns GCJ-02 input outside its box as it is; geo refuses it, as such a
    # point in a Chinese datum column is almost always swapped lon/lat or a wrong datum.
    for row in _rows("unshifted"):
        lon, lat = crs.wgs84_to_gcj02(row["from_lon"], row["from_lat"])
        assert (float(lon), float(lat)) == (row["to_lon"], row["to_lat"])
        with pytest.raises(ValueError, match="outside China"):
            crs.convert_coords([row["from_lon"]], [row["from_lat"]], row["from_datum"], "wgs84")


@pytest.mark.parametrize("place, lon, lat", [
    ("Hong Kong", 114.1694, 22.3193), ("Macau", 113.5439, 22.1987), ("Taipei", 121.5654, 25.0330),
])
def test_hong_kong_macau_and_taiwan_are_shifted_like_the_reference_libraries_do(place, lon, lat):
    # gcoord, eviltransform, coordTransform and PRCoords all shift inside one rectangle
    # that holds them.
    shifted = crs.wgs84_to_gcj02(lon, lat)
    assert 200 < _metres(lon, lat, float(shifted[0]), float(shifted[1])) < 800


@pytest.mark.parametrize("lon, lat", [(137.9, 35.0), (71.9, 40.0), (100.0, 55.9), (110.0, 0.8), (2.35, 48.85)])
def test_just_outside_the_reference_rectangle_nothing_is_shifted(lon, lat):
    assert tuple(float(v) for v in crs.wgs84_to_gcj02(lon, lat)) == (lon, lat)


@pytest.mark.parametrize("datum", ["gcj02", "bd09"])
def test_round_trip_is_exact_all_over_china(datum):
    lon, lat = np.meshgrid(np.linspace(73.6, 134.9, 40), np.linspace(3.9, 53.5, 30))
    lon, lat = lon.ravel(), lat.ravel()
    back = crs.convert_coords(*crs.convert_coords(lon, lat, "wgs84", datum), datum, "wgs84")
    assert np.max(_metres(lon, lat, *back)) < 0.001
    # The one-step inverse would be off by up to a few metres on the same grid.
    shifted = crs.wgs84_to_gcj02(lon, lat)
    again = crs.wgs84_to_gcj02(*shifted)
    one_step = (2 * shifted[0] - again[0], 2 * shifted[1] - again[1])
    assert np.max(_metres(lon, lat, *one_step)) > 1.0


# --------------------------------------------------------------------------- the page's JS

def _panel_js(points):
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("node is not installed (tests/test_render_panel_browser.py checks the page in Chromium)")
    script = """
        globalThis.window = {};
        require(process.argv[1]);
        require(process.argv[2]);
        const panel = window.geoPanel, box = JSON.parse(process.argv[3]);
        const points = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        const out = points.map(([lon, lat]) => [panel.wgs84ToGcj02(lon, lat, box), panel.gcj02ToWgs84(lon, lat, box)]);
        process.stdout.write(JSON.stringify(out));
    """
    result = subprocess.run([node, "-e", script, *map(str, PANEL_JS), json.dumps(list(crs.CHINA_BOUNDS))],
                            input=json.dumps(points), capture_output=True, text=True, check=True, timeout=30)
    return np.array(json.loads(result.stdout))


def test_panel_js_converts_published_pairs_as_geo_crs_does():
    rows = [r for r in _rows() if {r["from_datum"], r["to_datum"]} == {"wgs84", "gcj02"}]
    wgs = np.array([(r["from_lon"], r["from_lat"]) if r["from_datum"] == "wgs84" else (r["to_lon"], r["to_lat"])
                    for r in rows])
    gcj = np.array([(r["to_lon"], r["to_lat"]) if r["from_datum"] == "wgs84" else (r["from_lon"], r["from_lat"])
                    for r in rows])
    inside = crs.in_china(gcj[:, 0], gcj[:, 1])
    js_forward = _panel_js(wgs.tolist())[:, 0]
    js_inverse = _panel_js(gcj.tolist())[:, 1]
    py_forward = np.column_stack(crs.wgs84_to_gcj02(wgs[:, 0], wgs[:, 1]))
    py_inverse = np.column_stack(crs.gcj02_to_wgs84(gcj[:, 0], gcj[:, 1]))
    # Python and the browser agree (to a millimetre, far inside the half metre asked for) ...
    assert np.max(_metres(*js_forward.T, *py_forward.T)) < 0.001
    assert np.max(_metres(*js_inverse[inside].T, *py_inverse[inside].T)) < 0.001
    # ... and the page matches the exact published values within half a metre.
    exact = np.array([r["kind"] in ("exact", "service") for r in rows])
    assert np.max(_metres(*js_forward[exact].T, *gcj[exact].T)) < HALF_METRE
    assert np.max(_metres(*js_inverse[exact & inside].T, *wgs[exact & inside].T)) < HALF_METRE
    # Outside the box the page leaves positions as they are.
    assert (js_inverse[~inside] == gcj[~inside]).all()
