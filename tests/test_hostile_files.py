"""Hostile and malformed files found by the thirtieth session's audit: each read with one clear line, or shown as text.

Every test here failed on main before its fix. The corpus of tests/bad_inputs/ is copied to a
temporary folder, the current directory of each test.
"""

import json
import shutil

import pytest
from click.testing import CliRunner

from geo.cli import main
from test_bad_inputs import work  # noqa: F401 - a copy of tests/bad_inputs/ as the current directory

PROJECTS = ["-p", "valid_projects.geojson"]
DISTRICTS = ["--districts", "valid_districts.geojson", "--name-field", "name", "--code-field", "code"]


def _error_line(result):
    """The one line a refused run printed (asserting there is one, and no traceback)."""
    lines = result.stderr.splitlines()
    assert result.exit_code == 2 and len(lines) == 1 and lines[0].startswith("geo: error: "), result.stderr
    assert "rerun with --verbose" not in lines[0], "an unexpected exception, not an input error"
    return lines[0]


def _with_lone_surrogate(work):
    """valid_projects.geojson with ``\\ud800`` (half of no pair) in a located project's name, as JSON text."""
    text = (work / "valid_projects.geojson").read_text(encoding="utf-8")
    collection = json.loads(text)
    located = next(f for f in collection["features"] if f["geometry"] is not None)
    located["properties"]["name"] += "\ud800"
    (work / "valid_projects.geojson").write_text(json.dumps(collection, ensure_ascii=True), encoding="ascii")
    return located["properties"]["name"].replace("\ud800", "\ufffd")


@pytest.mark.parametrize("command", [["join"], ["render", "--basemap", "none"], ["coverage", "-o", "c.csv"]])
def test_a_lone_surrogate_escape_in_a_catalog_is_read_as_a_replacement_character_with_a_warning(work, command):
    shown = _with_lone_surrogate(work)
    result = CliRunner().invoke(main, [*command, *PROJECTS])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == ["warning: valid_projects.geojson: 1 lone surrogate escape(s) (\\ud800 to "
                                          "\\udfff, half of no pair), which no UTF-8 file can hold, read as U+FFFD (\ufffd)"]
    if command == ["join"]:
        names = [f["properties"]["name"] for f in
                 json.loads((work / "valid_projects.geojson").read_text(encoding="utf-8"))["features"]]
        assert shown in names


@pytest.mark.parametrize("first, then", [("utf-8", "gbk"), ("gbk", "utf-8")])
def test_a_gazetteer_of_utf8_and_gbk_lines_is_refused_naming_both_not_read_as_mojibake(work, first, then):
    rows = "name,lon,lat,datum\n".encode() + "天桥实验小学,117.0101,36.6901,wgs84\n".encode(first) \
        + "北园街道办事处,117.0102,36.6902,wgs84\n".encode(then)
    (work / "mixed.csv").write_bytes(rows)
    before = sorted(work.rglob("*"))
    result = CliRunner().invoke(main, ["geocode", *PROJECTS, *DISTRICTS, "--gazetteer", "mixed.csv"])
    utf8, other = (2, 3) if first == "utf-8" else (3, 2)
    assert _error_line(result) == (f"geo: error: mixed.csv: mixes text encodings: line {utf8} is UTF-8 and line "
                                   f"{other} is not (GBK?); save the file again in one encoding, UTF-8")
    assert sorted(work.rglob("*")) == before


@pytest.mark.parametrize("text, kind", [(None, "JSON text (a GeoJSON file?)"), (b"SQLite format 3\x00" + bytes(100),
                                                                               "an SQLite database (a GeoPackage?)")])
def test_another_file_named_shp_is_named_as_no_shapefile_not_one_without_its_dbf(work, text, kind):
    data = text if text is not None else (work / "valid_districts.geojson").read_bytes()
    (work / "districts.shp").write_bytes(data)
    result = CliRunner().invoke(main, ["join", *PROJECTS, "--districts", "districts.shp", "--name-field", "name"])
    assert _error_line(result) == (f"geo: error: districts.shp: is not a Shapefile (it does not open with a "
                                   f"Shapefile's header; it holds {kind}): name it by what it is")


@pytest.mark.parametrize("option", [["--districts", "nul.geojson", "--name-field", "name"], ["--gazetteer", "nul.geojson"]])
def test_a_geojson_file_holding_a_nul_byte_is_named_as_binary_not_as_missing_its_names(work, option):
    text = (work / "valid_districts.geojson").read_bytes()
    at = text.index(b'"name"') + 1
    (work / "nul.geojson").write_bytes(text[:at] + b"\x00" + text[at:])  # GDAL read the field as "" (no 'name')
    args = ["join", *PROJECTS, *option] if option[0] == "--districts" else ["geocode", *PROJECTS, *DISTRICTS, *option]
    result = CliRunner().invoke(main, args)
    assert _error_line(result) == (f"geo: error: nul.geojson: looks like a binary file, not text (contains NUL "
                                   f"bytes, the first at byte {at:,})")


def test_a_layer_file_named_with_a_line_break_is_refused_as_a_shapefile_name_in_one_line(work):
    # GDAL wrote no file ("DataLayerError: Failed to create file ...", an unexpected error naming no layer).
    shutil.copy(work / "layers" / "school.geojson", work / "layers" / "a\nb.geojson")
    result = CliRunner().invoke(main, ["export", "all", "--format", "shp", "--layers-dir", "layers", "-o", "shp"])
    assert _error_line(result) == ("geo: error: layers/a\\nb.geojson: layer 'a\\nb' cannot be written as a Shapefile "
                                   "named 'a\\nb' (GDAL cannot write \\n in a Shapefile's path): rename the file")
    assert not (work / "shp").exists()


def test_a_lone_surrogate_escape_in_a_districts_geojson_keeps_the_character_after_it(work):
    # GDAL's reader swallowed the character after \ud800: 无影山\ud800街道 became 无影山�道, silently.
    collection = json.loads((work / "valid_districts.geojson").read_text(encoding="utf-8"))
    collection["features"][0]["properties"]["name"] = "无影山\ud800街道"
    (work / "districts.geojson").write_text(json.dumps(collection, ensure_ascii=True), encoding="ascii")
    result = CliRunner().invoke(main, ["join", *PROJECTS, "--districts", "districts.geojson", "--name-field", "name",
                                       "--code-field", "code"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == ["warning: districts.geojson: 1 lone surrogate escape(s) (\\ud800 to "
                                          "\\udfff, half of no pair), which no UTF-8 file can hold, read as U+FFFD (\ufffd)"]
    zones = json.loads((work / "layers" / "subdistricts.geojson").read_text(encoding="utf-8"))["features"]
    assert sorted(z["properties"]["name"] for z in zones) == ["北园街道", "无影山\ufffd街道"]


def test_a_workbook_whose_sheets_unpack_past_the_size_limit_is_refused_unread(work):
    # Within the zip-bomb ratio a 15 MB workbook of 3 million rows (210 MB of XML) was read for 77 s.
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["name", "lon", "lat"])
    book.save(work / "plain.xlsx")
    with zipfile.ZipFile(work / "plain.xlsx") as source, \
            zipfile.ZipFile(work / "big.xlsx", "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                head, tail = data.split(b"</sheetData>")
                rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (i, i)
                                for i in range(2, 100_000))  # 6.3 MB of XML
                data = head + rows + b"</sheetData>" + tail
            target.writestr(item, data)
    result = CliRunner().invoke(main, ["geocode", *PROJECTS, *DISTRICTS, "--gazetteer", "big.xlsx", "--max-size", "0.5"])
    line = _error_line(result)
    assert line.startswith("geo: error: big.xlsx: is a workbook over the size limit: its parts unpack to ")
    assert line.endswith("MB of XML, more than 10 times the 0.5 MB a table may take (raise it with --max-size MB or "
                         "GEO_MAX_REPORT_MB)")


def test_a_kmz_bomb_is_refused_before_gdal_unpacks_it(work, monkeypatch):
    # GDAL listed the layers of a 1.5 MB KMZ unpacking to 392 MB (28 s) before the zip-bomb check ran.
    import zipfile

    import pyogrio

    placemark = (b"<Placemark><name>a</name><Polygon><outerBoundaryIs><LinearRing><coordinates>117,36.68 "
                 b"117.02,36.68 117.02,36.7 117,36.7 117,36.68</coordinates></LinearRing></outerBoundaryIs>"
                 b"</Polygon></Placemark>")
    with zipfile.ZipFile(work / "bomb.kmz", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("doc.kml", b'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                         + placemark * 200_000 + b"</Document></kml>")  # 40 MB from about 0.2 MB

    opened = []

    def gdal(*args, **kwargs):
        opened.append(args)
        raise AssertionError("GDAL opened the bomb")

    monkeypatch.setattr(pyogrio, "list_layers", gdal)
    monkeypatch.setattr(pyogrio, "read_info", gdal)
    monkeypatch.setattr(pyogrio, "read_dataframe", gdal)
    result = CliRunner().invoke(main, ["join", *PROJECTS, "--districts", "bomb.kmz", "--name-field", "Name"])
    assert opened == []
    line = _error_line(result)
    assert line.startswith("geo: error: bomb.kmz: is a damaged KMZ: its KML document 'doc.kml' unpacks to ")
    assert line.endswith("(a zip bomb?)")


@pytest.mark.browser
def test_the_placing_panel_writes_a_name_opening_with_a_full_width_equals_sign_as_text(browser, tmp_path):
    """placed.csv quotes the names geo's own CSVs quote (geo.safe_text.FORMULA_OPENERS): ＝ and ＠,
    typed with a Chinese input method, open a formula in Excel and WPS as = and @ do."""
    import csv
    import io

    from geo.catalog import features_to_gdf
    from geo.gazetteer import Gazetteer
    from geo.gazetteer_files import load_file
    from geo.geocode import geocode_projects
    from test_render import _feature, render_fixture
    from test_render_panel_browser import _click, _download, _open, _pixel, _start, _view

    names = ["＝HYPERLINK(\"http://x\",\"1\")", "＠SUM(1)", "北园小学"]
    features = [_feature(number, name, "culture", "建设", None) for number, name in enumerate(names, 1)]
    for feature in features:
        feature["properties"]["geocode"] = {"status": "unlocated", "reason": "no point of that name"}
    render_fixture(tmp_path, projects=features_to_gdf(features), basemap="none")
    _open(browser, tmp_path / "projects.html")
    for number, dx in ((1, -60), (2, 0), (3, 60)):
        _view(browser, 117.0, 36.68, zoom=16)
        _start(browser, f"culture-{number}", "point")
        _click(browser, *(a + b for a, b in zip(_pixel(browser, 117.0, 36.68), (dx, 0))))
    placed_csv = _download(browser, tmp_path / "downloads")
    rows = list(csv.DictReader(io.StringIO(placed_csv.read_text(encoding="utf-8-sig"))))
    assert sorted(r["name"] for r in rows) == sorted(["'" + names[0], "'" + names[1], names[2]])
    gazetteer = Gazetteer().add_tier("user gazetteer placed.csv", load_file(placed_csv))
    located, unlocated = geocode_projects([{"id": f["properties"]["id"], "properties": dict(f["properties"]),
                                            "geometry": None} for f in features], gazetteer, None)
    assert unlocated == [] and len(located) == 3  # geo still finds each project by its name


@pytest.mark.parametrize("suffix", [".osm.gz", ".osm.bz2"])
def test_a_packed_osm_file_that_unpacks_to_far_more_than_osm_data_packs_is_refused_at_the_first_pass(work, suffix):
    # A 1.1 MB .osm.gz of ten million repeated nodes (400 MB of XML) was read past 300 s, pass after pass.
    import bz2
    import gzip

    xml = (b'<?xml version="1.0"?><osm version="0.6"><!--' + b" " * 40_000_000 + b'--><node id="1" lat="36.68" '
           b'lon="117.0"><tag k="amenity" v="school"/><tag k="name" v="school"/></node></osm>')
    (work / f"bomb{suffix}").write_bytes(gzip.compress(xml) if suffix == ".osm.gz" else bz2.compress(xml))
    result = CliRunner().invoke(main, ["geocode", *PROJECTS, *DISTRICTS, "--osm", f"bomb{suffix}"])
    line = _error_line(result)
    assert line.startswith(f"geo: error: bomb{suffix}: unpacks to more than ") and "(a decompression bomb?)" in line


def test_a_packed_osm_file_of_ordinary_packing_is_read(work):
    import gzip

    xml = ('<?xml version="1.0"?><osm version="0.6">' + "".join(
        f'<node id="{n}" lat="36.{680 + n % 20}" lon="117.0{n % 9}"><tag k="amenity" v="school"/>'
        f'<tag k="name" v="北园小学{n}"/></node>' for n in range(1, 2000)) + "</osm>").encode()
    (work / "schools.osm.gz").write_bytes(gzip.compress(xml))
    result = CliRunner().invoke(main, ["geocode", *PROJECTS, *DISTRICTS, "--osm", "schools.osm.gz"])
    assert result.exit_code == 0, result.stderr
