"""A vector file's first bytes against what its name says it is (geo.file_kinds)."""

import json

import pytest
from click.testing import CliRunner

from geo.cli import main
from test_bad_inputs import work  # noqa: F401 - a copy of tests/bad_inputs/ as the current directory


@pytest.mark.parametrize("codec, shown", [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-32", "UTF-32")])
@pytest.mark.parametrize("option", ["--districts", "--outline"])
def test_a_geojson_file_saved_as_utf16_is_named_as_such_not_as_binary(work, codec, shown, option):
    # Notepad's "Unicode" save: 'looks like a binary file, not text (contains NUL bytes, the first at byte 3)'.
    text = json.dumps(json.loads((work / "valid_districts.geojson").read_text(encoding="utf-8")), ensure_ascii=False)
    (work / "wide.geojson").write_bytes(text.encode(codec))
    extra = ["--name-field", "name"] if option == "--districts" else []
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", option, "wide.geojson", *extra])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"geo: error: wide.geojson: is {shown} text, and GeoJSON text must be UTF-8 (RFC 7946); save the file as "
        "UTF-8"], result.stderr


def test_a_geojson_file_of_binary_data_is_still_named_as_binary(work):
    (work / "bin.geojson").write_bytes(b'{"type": "FeatureCollection", "features": [\x00\x01\x02\x00]}')
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", "--districts", "bin.geojson",
                                       "--name-field", "name"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        "geo: error: bin.geojson: looks like a binary file, not text (contains NUL bytes, the first at byte 43)"]


@pytest.mark.parametrize("number", [2**63, 10**19 - 1, 2**64, -2**63 - 1])
def test_a_districts_file_with_an_integer_past_64_bits_in_a_property_is_read_with_it_as_text(work, number):
    # GDAL refused the file: 'not a readable vector file (... Unrecognized number: 9223372036854775808)'.
    data = json.loads((work / "valid_districts.geojson").read_text(encoding="utf-8"))
    for feature in data["features"]:
        feature["properties"]["osm_id"] = number
    (work / "wide.geojson").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", "--districts", "wide.geojson",
                                       "--name-field", "name", "--code-field", "code"])
    assert result.exit_code == 0, result.stderr
    assert f"wide.geojson: {len(data['features'])} value(s) of 'osm_id' are integers beyond a 64-bit integer's range " \
           f"({number}), which GDAL cannot read: read as text" in result.stderr
    stored = json.loads((work / "layers" / "subdistricts.geojson").read_text(encoding="utf-8"))
    assert sorted(f["properties"]["name"] for f in stored["features"]) == \
        sorted(f["properties"]["name"] for f in data["features"])


def test_a_districts_file_whose_bbox_holds_an_integer_past_64_bits_is_read(work):
    # GDAL: 'Unrecognized number: 9223372036854775808'; a member of numbers (bbox, coordinates) keeps them numbers.
    data = json.loads((work / "valid_districts.geojson").read_text(encoding="utf-8"))
    data["bbox"] = [2**63, 0, 1, 1]
    (work / "boxed.geojson").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", "--districts", "boxed.geojson",
                                       "--name-field", "name", "--code-field", "code"])
    assert result.exit_code == 0 and "64-bit" not in result.stderr, result.stderr
