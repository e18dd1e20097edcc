"""Safe I/O: atomic writes, deterministic RFC 7946 GeoJSON, input checks."""

import json
from pathlib import Path

import pytest
import shapely

from geo import atomic_files, geojson_write, io
from geo.io import InputError
from test_bad_inputs import work  # noqa: F401 - a copy of tests/bad_inputs/ as the current directory
from work_counts import Calls


def test_check_input_file_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        io.check_input_file(empty)
    with pytest.raises(InputError, match="is a directory"):
        io.check_input_file(tmp_path)
    with pytest.raises(InputError, match="not found"):
        io.check_input_file(tmp_path / "missing.txt")



@pytest.mark.parametrize("target, problem", [("missing.txt", "no such file"), ("loop.txt", "a loop of links")])
def test_a_symbolic_link_to_no_file_is_named_as_one_not_as_a_missing_file(tmp_path, monkeypatch, target, problem):
    # ls lists the link, so "file not found" sent the user looking for a file that is there.
    monkeypatch.chdir(tmp_path)
    Path("loop.txt").symlink_to("report.txt")
    Path("report.txt").symlink_to(target)
    with pytest.raises(InputError) as caught:
        io.check_input_file("report.txt")
    assert str(caught.value) == f"report.txt: is a broken symbolic link (to {target}: {problem})"

def test_atomic_write_keeps_old_file_when_writer_fails(tmp_path):
    target = tmp_path / "out.geojson"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_files.atomic_path(target) as tmp:
            tmp.write_text("half", encoding="utf-8")
            raise RuntimeError("crash mid-write")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.geojson"]  # no temp file left


def test_atomic_write_into_a_file_path_fails_cleanly(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    with pytest.raises(InputError, match="is a file, expected an output directory"):
        atomic_files.write_text_atomic(blocker / "out.txt", "data")


def test_feature_collection_is_deterministic_rfc7946(tmp_path):
    clockwise = shapely.Polygon([(117, 36), (117, 36.1), (117.1, 36.1), (117.1, 36)])
    features = [{"id": "b", "properties": {"名称": "乙", "z": 1, "a": float("nan")}, "geometry": clockwise},
                {"id": "a", "properties": {"名称": "甲"}, "geometry": shapely.Point(117.123456789, 36.1)}]
    text = geojson_write.feature_collection_text(features, name="t")
    assert text == geojson_write.feature_collection_text(features, name="t")
    data = json.loads(text)
    ring = data["features"][0]["geometry"]["coordinates"][0]
    area2 = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))
    assert area2 > 0  # counter-clockwise exterior (RFC 7946 right-hand rule)
    assert data["features"][1]["geometry"]["coordinates"] == [117.1234568, 36.1]
    assert data["features"][0]["properties"] == {"a": None, "z": 1, "名称": "乙"}
    assert "甲" in text  # not \\u-escaped: readable diffs


def test_a_valid_polygon_that_rounding_would_make_cross_itself_is_written_valid(tmp_path):
    # A notch whose sides end 3e-8 degrees (3 mm) apart: rounded to 7 decimals they met, a ring
    # crossing itself. A district outline (the union of the 街道, its corners rounded by a buffer) was
    # so written into layers/district_outline.geojson and the GeoPackage export (QGIS's tools refuse it).
    notch = shapely.Polygon([(117.0, 36.7), (117.01, 36.7), (117.01, 36.71), (117.00500004, 36.71),
                             (117.00500004, 36.70500001), (117.00500001, 36.70500001), (117.00500001, 36.71),
                             (117.0, 36.71)])
    assert notch.is_valid
    data = json.loads(geojson_write.feature_collection_text([{"id": "d", "properties": {}, "geometry": notch}]))
    written = shapely.geometry.shape(data["features"][0]["geometry"])
    assert written.is_valid and shapely.symmetric_difference(written, notch).area < 2e-10  # the notch alone, 3 mm by 550 m
    # a polygon rounding leaves valid is written as rounded, vertex for vertex
    square = shapely.Polygon([(117.0, 36.7), (117.01, 36.7), (117.01, 36.71), (117.0, 36.71)])
    assert geojson_write.geometry_to_geojson(square)["coordinates"] == [[[117.0, 36.7], [117.01, 36.7], [117.01, 36.71],
                                                               [117.0, 36.71], [117.0, 36.7]]]


def test_input_error_is_one_line_whatever_the_problem_quotes():
    error = InputError("g.csv", "line 2: bad coordinates (IllegalArgumentException: point array\nmust contain 0 or >1 elements\n)")
    assert str(error) == "g.csv: line 2: bad coordinates (IllegalArgumentException: point array must contain 0 or >1 elements)"


def _deep_json(depth=100_000):
    return '{"type": "FeatureCollection", "features": ' + "[" * depth + "]" * depth + "}"


def test_parse_json_names_the_file_and_what_it_should_be():
    with pytest.raises(InputError, match=r"^x\.json: JSON nested too deeply \(not an Overpass answer\?\)$"):
        io.parse_json("[" * 100_000, "x.json", kind="an Overpass answer")
    assert io.parse_json("[[1]]", "x.json") == [[1]]


def test_an_unreadable_file_is_named_as_permission_denied(tmp_path, monkeypatch):
    import os

    path = tmp_path / "report.txt"
    path.write_text("报告", encoding="utf-8")
    access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if str(p) == str(path) else access(p, mode, **kw))
    with pytest.raises(InputError, match=r"report\.txt: permission denied \(not readable\)$"):
        io.check_input_file(path)


@pytest.mark.parametrize("args", [["extract", "{report}", "-o", "{out}/new/"],
                                  ["coverage", "-p", "{catalog}", "--format", "csv", "-o", "{out}/cov.csv/"]])
def test_an_output_file_named_with_a_trailing_slash_is_refused_not_written_as_a_file(tmp_path, args):
    # -o new/ (a folder to be) wrote the catalog as a file named new.
    from click.testing import CliRunner

    from geo.cli import main
    from geo.data import REPORT_PATH

    catalog = tmp_path / "projects.geojson"
    assert CliRunner().invoke(main, ["extract", str(REPORT_PATH), "-o", str(catalog)]).exit_code == 0
    out = tmp_path / "out"
    out.mkdir()
    args = [a.format(report=REPORT_PATH, out=out, catalog=catalog) for a in args]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "expected an output file name" in result.output
    assert args[-1] in result.output
    assert list(out.iterdir()) == []


@pytest.mark.skipif(__import__("sys").getfilesystemencoding().lower() != "utf-8",
                    reason="names of bytes need a UTF-8 file system")
def test_inputs_named_in_gbk_bytes_are_read_or_refused_in_one_line(tmp_path, monkeypatch):
    # Names unzipped from a Chinese Windows zip are GBK bytes on a UTF-8 system: a gazetteer's
    # went into the catalog's reasons and stopped the run with "UnicodeEncodeError: surrogates not
    # allowed"; GDAL and osmium cannot open such a name at all.
    import os

    from click.testing import CliRunner

    from geo.cli import main

    monkeypatch.chdir(tmp_path)
    gazetteer = os.fsdecode("点位.csv".encode("gbk"))
    (tmp_path / gazetteer).write_text("name,lon,lat,datum\n天桥医院,117.0,36.68,wgs84\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--gazetteer", gazetteer, "--basemap", "none"])
    assert result.exit_code == 0, result.output
    catalog = (tmp_path / "projects.geojson").read_text(encoding="utf-8")
    assert "user gazetteer 点位.csv" in catalog
    districts = os.fsdecode("街道.geojson".encode("gbk"))
    (tmp_path / districts).write_bytes((tmp_path / "layers" / "subdistricts.geojson").read_bytes())
    before = catalog
    result = CliRunner().invoke(main, ["build", "--districts", districts, "--name-field", "name"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "holds bytes that are no UTF-8" in result.output
    assert (tmp_path / "projects.geojson").read_text(encoding="utf-8") == before


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes")
def test_an_output_that_is_a_pipe_or_device_is_refused_not_replaced_by_a_file(tmp_path):
    # -o /dev/null or -o /dev/stdout, run as root, replaced the device node with a regular file
    # (the commit renames over its target); a named pipe alike.
    import os
    import stat

    from click.testing import CliRunner

    from geo.cli import main
    from geo.data import REPORT_PATH

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    link = tmp_path / "null"
    link.symlink_to(pipe)
    for target in (pipe, link):
        result = CliRunner().invoke(main, ["extract", str(REPORT_PATH), "-o", str(target)])
        assert result.exit_code == 2
        assert result.output.count("\n") == 1 and "is a pipe or device" in result.output
    assert stat.S_ISFIFO(os.stat(pipe).st_mode) and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null", "pipe"]


def test_geojson_fields_come_in_the_given_order_then_sorted_and_nested_keys_sorted(tmp_path):
    import pyogrio

    feature = {"id": "a", "geometry": shapely.Point(117.0, 36.7),
               "properties": {"zeta": 1, "accuracy_m": 5.0, "name": "泺口", "id": "a",
                              "geocode": {"status": "matched", "method": "m"}}}
    path = geojson_write.write_feature_collection(tmp_path / "a.geojson", [feature], field_order=("id", "name", "missing"))
    # What QGIS lists (through OGR): the given fields first, then the others sorted.
    assert list(pyogrio.read_info(path)["fields"]) == ["id", "name", "accuracy_m", "geocode", "zeta"]
    assert '"geocode":{"method":"m","status":"matched"}' in path.read_text(encoding="utf-8")
    again = geojson_write.feature_collection_text([dict(feature, properties=dict(reversed(feature["properties"].items())))],
                                       field_order=("id", "name", "missing"))
    assert again == path.read_text(encoding="utf-8")  # the producer's key order does not matter


def test_plain_properties_are_ordered_once_per_set_of_keys_and_taken_as_they_are(monkeypatch):
    # A catalog's thousands of features have the same fields, nearly all plain values: their
    # order is worked out once, and no value is cleaned or sorted a call at a time.
    rows = [{"zeta": i, "name": f"青松路{i}", "id": f"r{i}", "named": True, "section": None} for i in range(40)]
    rows += [dict(reversed(list(row.items()))) for row in rows[:5]]  # the same fields, put in another order
    rows += [{"name": "白石桥", "id": "b", "quantity": {"value": 2, "unit": "座"}}, {7: "a key str() changes"}]
    features = [{"id": row.get("id"), "properties": row, "geometry": None} for row in rows]
    cleaning, sorting = Calls(geojson_write._clean_value), Calls(geojson_write._sorted_keys)
    monkeypatch.setattr(geojson_write, "_clean_value", cleaning)
    monkeypatch.setattr(geojson_write, "_sorted_keys", sorting)
    lines = geojson_write.feature_collection_text(features, field_order=("id", "name", "missing")).splitlines()[1:-1]
    assert cleaning.count == 1 and sorting.count == 1  # (the properties of a key not a str; the quantity is plain)
    for line, row in zip(lines, rows):
        first = [key for key in ("id", "name") if key in row]
        ordered = {key: dict(sorted(row[key].items())) if isinstance(row[key], dict) else row[key]
                   for key in first + sorted((k for k in row if k not in first), key=str)}
        assert json.loads(line.rstrip(","))["properties"] == {str(k): v for k, v in ordered.items()}
        assert line.rstrip(",").split('"properties":')[1].startswith(
            json.dumps({str(k): v for k, v in ordered.items()}, ensure_ascii=False, separators=(",", ":"))[:-1])


def test_a_detailed_geometry_is_written_without_walking_its_coordinates_for_keys(monkeypatch):
    # A city's 街道 layer holds a million vertices: sorting the geometry's keys walked every
    # coordinate list (a call per vertex), where only the geometry's own keys are to sort.
    detailed = shapely.segmentize(shapely.box(117.0, 36.7, 117.01, 36.71), 0.00001)  # 4,000 vertices
    collection = shapely.GeometryCollection([shapely.Point(117.0, 36.7), shapely.LineString([(117, 36.7), (117.01, 36.7)])])
    features = [{"id": "z", "properties": {"geocode": {"status": "matched", "method": "m"}}, "geometry": detailed},
                {"id": "c", "properties": {}, "geometry": collection},
                {"id": "m", "properties": {}, "geometry": {"coordinates": [117.0, 36.7], "type": "Point"}}]
    sorting = Calls(geojson_write._sorted_keys)
    monkeypatch.setattr(geojson_write, "_sorted_keys", sorting)
    text = geojson_write.feature_collection_text(features)
    assert sorting.count < 50
    lines = text.splitlines()
    assert lines[1].startswith('{"geometry":{"coordinates":[[[117.01,36.7],')
    assert lines[2].startswith('{"geometry":{"geometries":[{"coordinates":[117.0,36.7],"type":"Point"},'
                               '{"coordinates":[[117.0,36.7],[117.01,36.7]],"type":"LineString"}],'
                               '"type":"GeometryCollection"},"id":"c"')
    assert lines[3].startswith('{"geometry":{"coordinates":[117.0,36.7],"type":"Point"},"id":"m"')
    assert '"properties":{"geocode":{"method":"m","status":"matched"}}' in lines[1]


def test_written_layers_list_their_fields_in_the_catalog_order():
    import pyogrio

    from geo.catalog import LAYER_COLUMNS

    layers = Path(__file__).resolve().parents[1] / "layers"
    fields = list(pyogrio.read_info(layers / "school.geojson")["fields"])
    assert fields == [c for c in LAYER_COLUMNS if c in fields] and fields[:3] == ["id", "name", "category"]
    assert list(pyogrio.read_info(layers / "subdistricts.geojson")["fields"]) == ["code", "name", "boundary_quality",
                                                                                 "source"]


def test_a_library_message_quoting_kilobytes_is_cut_in_the_error_line(work):
    # GDAL's "Unrecognized number: 9999…" quoted a 5,000-digit number: an error line of 5 KB.
    from click.testing import CliRunner

    from geo.cli import main

    # In a property: one in the coordinates is named as no finite number (test_vectors.py)
    text = '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "北园街道", ' \
           '"n": ' + "9" * 5000 + '}, "geometry": {"type": "Point", "coordinates": [117.0, 36.7]}}]}'
    (work / "jd.geojson").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", "--districts", "jd.geojson",
                                       "--name-field", "name"])
    [line] = result.stderr.splitlines()
    assert result.exit_code == 2 and line.startswith("geo: error: jd.geojson: not a readable vector file ("), line
    assert len(line) < io.ERROR_QUOTE_CHARS + 100 and "…" in line, len(line)  # a long run is cut on the terminal too


def test_catalog_values_written_as_they_are_without_a_call_per_value(monkeypatch):
    # A catalog's values are mostly text, numbers and None: cleaning and sorting a feature calls
    # the cleaner once for its properties and once per nested object, never once per value.
    import math

    import numpy as np

    def old_clean(value):  # the cleaner as it was written before its shortcut, for the same bytes
        if value is None:
            return None
        if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
            value = value.item()
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if isinstance(value, dict):
            return {str(k): old_clean(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [old_clean(v) for v in value]
        return value

    props = {"name": "青松小学", "char_start": 3, "named": True, "section": None, "f": np.float64("nan"),
             "n": np.int64(7), "x": 1.5, "t": (1, "a", None), 2: "key", "measures": [{"value": 4500, "unit": "个"}],
             "s": np.str_("路"), "q": {"b": float("inf"), "a": [np.float32(0.5), {"z": 1}]}}
    assert geojson_write._clean_value(props) == old_clean(props)
    assert json.dumps(geojson_write._sorted_keys(geojson_write._clean_value(props)), ensure_ascii=False) == \
        json.dumps(old_clean(props), ensure_ascii=False, sort_keys=True)
    calls = Calls(geojson_write._clean_value)
    monkeypatch.setattr(geojson_write, "_clean_value", calls)
    geojson_write.feature_collection_text([{"id": str(i), "properties": {"name": "路", "char_start": i, "named": True,
                                                              "section": None, "measures": []}, "geometry": None}
                                for i in range(50)])
    assert calls.count <= 2 * 50  # (a feature's properties, and its one list)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes")
def test_a_report_that_is_a_named_pipe_no_program_writes_to_is_refused_without_waiting(tmp_path):
    # `geo extract pipe.txt` waited for ever for a writer (a report may be a pipe: <(cmd), /dev/stdin).
    import os
    import subprocess
    import sys

    os.mkfifo(tmp_path / "白石路.txt")
    result = subprocess.run([sys.executable, "-m", "geo", "extract", "白石路.txt", "-o", "out.geojson"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert result.returncode == 2
    assert result.stderr == ("geo: error: 白石路.txt: is a named pipe (FIFO) that no program writes to: start the "
                             "program writing it first, or give a file\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["白石路.txt"]


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes")
def test_a_report_that_is_a_named_pipe_a_program_writes_to_is_read(tmp_path):
    import os
    import threading

    pipe = tmp_path / "青山县.txt"
    os.mkfifo(pipe)
    writer = threading.Thread(target=pipe.write_bytes, args=("青山县白石路改造工程。\n".encode() * 5000,))
    writer.start()  # waits in open() for a reader: a writer already
    try:
        assert io.read_bytes_limited(pipe) == "青山县白石路改造工程。\n".encode() * 5000
    finally:
        writer.join(timeout=10)


def test_catalog_properties_are_written_value_by_value_without_the_encoder(monkeypatch):
    # A catalog's 2,000 features: each plain value (and a quantity, a list of measures) is written by
    # its own C call into the line, not put in a dict that the encoder walks again; the same bytes.
    import numpy as np

    rows = [{"id": f"r{i}", "name": f"青松路{i}", "named": i % 2 == 0, "char_start": i, "section": None,
             "quantity": {"value": i, "unit": "条"}, "measures": [{"value": 4500, "unit": "个", "noun": "学位"}] * (i % 2),
             "quote": '白石路"改造"\\完成\n'} for i in range(30)]
    rows += [{"id": "odd", "x": 1.5, "f": float("nan"), "n": np.int64(7), "t": (1, "a"), "q": {"b": [np.float32(0.5)]}},
             {7: "a key str() changes"}]
    features = [{"id": row.get("id"), "properties": row, "geometry": None} for row in rows]
    expected = ["{" + ",".join(f'{json.dumps(k, ensure_ascii=False)}:{json.dumps(v, ensure_ascii=False, separators=(",", ":"), sort_keys=True)}'
                               for k, v in sorted(row.items(), key=lambda kv: (kv[0] != "id", str(kv[0])))) + "}"
                for row in rows[:30]]
    calls = Calls(geojson_write._FEATURE_JSON.encode)
    monkeypatch.setattr(geojson_write._FEATURE_JSON, "encode", calls)
    lines = geojson_write.feature_collection_text(features, field_order=("id",)).splitlines()[1:-1]
    assert calls.count == 5  # the odd row's float, NaN, numpy int and float32 list; the row of a key not a str
    for line, properties in zip(lines, expected):
        assert line.rstrip(",") == f'{{"geometry":null,"id":{json.dumps(json.loads(properties)["id"])},"properties":{properties},"type":"Feature"}}'


def test_a_zip_member_unpacking_past_the_limit_is_refused_naming_the_file_and_member():
    import zipfile

    info = zipfile.ZipInfo("街道/jd.shp")
    info.compress_size, info.file_size = 1_000, io.zip_part_limit(1_000) + 1
    with pytest.raises(InputError) as refused:
        io.refuse_zip_bomb("成果.zip", info, kind="KMZ", part="KML document", shown="街道/jd.kml")
    assert str(refused.value).startswith("成果.zip") and "is a damaged KMZ: its KML document '街道/jd.kml' unpacks" in \
        str(refused.value) and str(refused.value).endswith("(a zip bomb?)")
    info.file_size = io.zip_part_limit(1_000)
    io.refuse_zip_bomb("成果.zip", info)  # at the limit: read
