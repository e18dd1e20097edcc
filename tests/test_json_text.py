"""Reading the JSON text of a user's file (geo.json_text): values every later check and output can use."""

import json
import math
import re

from click.testing import CliRunner

from geo.cli import main
from geo.json_text import load_json_text
from test_bad_inputs import work  # noqa: F401 - a copy of tests/bad_inputs/ as the current directory


def test_an_integer_longer_than_int_converts_is_read_as_an_infinite_float():
    # json.loads raised "ValueError: Exceeds the limit (4300 digits) for integer string conversion".
    data = load_json_text('{"a": [' + "9" * 5000 + ', 12]}', "huge.json")
    assert math.isinf(data["a"][0]) and data["a"][1] == 12 and isinstance(data["a"][1], int)


def test_a_catalog_coordinate_of_5000_digits_is_refused_in_one_line_naming_the_file(work):
    text = (work / "valid_projects.geojson").read_text(encoding="utf-8")
    collection = json.loads(text)
    located = next(n for n, f in enumerate(collection["features"], 1) if f["geometry"] is not None)
    huge = re.sub(r"\[117\.\d+", "[" + "9" * 5000, json.dumps(collection), count=1)  # a lon of 5,000 digits
    (work / "huge.geojson").write_text(huge, encoding="utf-8")
    result = CliRunner().invoke(main, ["join", "-p", "huge.geojson"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"geo: error: huge.geojson: feature {located} has NaN or infinite coordinates"], result.stderr


def test_javascript_holding_one_value_gives_that_value_and_no_other_text_does():
    from geo.json_text import unwrapped_json

    value = '{"type": "FeatureCollection", "features": []}'
    for script in (f"var jiedao = {value};", f"// 街道边界\nconst jiedao={value}\n", f"window.app.jiedao = {value};",
                   f"export default {value}", f"module.exports = {value};", f"jsonp_1({value});",
                   f"echarts.registerMap('青山区', {value});", f"var jiedao = {value} /* end */"):
        assert unwrapped_json(script) == value, script
    for text in (value, f"var jiedao = {value}; var n = 2;", f"var jiedao = build({value});", "var n = 2;",
                 f"jsonp_1({value}"):
        assert unwrapped_json(text) is None, text
