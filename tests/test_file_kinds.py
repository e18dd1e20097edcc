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
