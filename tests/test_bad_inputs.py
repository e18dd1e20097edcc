"""Robustness on bad input: every case of the corpus in tests/bad_inputs/ fails with one clear line, or is repaired.

A failing case must exit with code 2, print exactly one line on stderr that names the
file (or option) and the problem, never a traceback, and leave the working directory
exactly as it was (no file created, modified or left half-written). The corpus files
are made by tests/bad_inputs/make_corpus.py; cases that cannot live in git (0-byte
files, a directory where a file is expected, an unwritable output path) are made here.

Unwritable outputs: the tests run as root in CI, where ``chmod 0500`` does not stop a
write, so "unwritable" is a path *under a regular file* (``-o blocker/out.geojson``),
which no user, root included, can create.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from geo.cli import main

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
REPORT = Path(__file__).resolve().parent.parent / "geo" / "data" / "tianqiao_work_report_excerpt.txt"

PROJECTS = ["-p", "valid_projects.geojson"]
DISTRICTS = ["--districts", "valid_districts.geojson", "--name-field", "name", "--code-field", "code"]


def _mkdir(name):
    return lambda work: (work / name).mkdir()


def _empty(name):
    return lambda work: (work / name).write_bytes(b"")


def _truncate(path):
    path.write_bytes(path.read_bytes()[:100])


def _blocker(work):
    (work / "blocker").write_text("a regular file, not a directory\n", encoding="utf-8")


def _districts_variant(name, change):
    """A setup writing ``name``: valid_districts.geojson with ``change(collection)`` applied."""
    def setup(work):
        collection = json.loads((work / "valid_districts.geojson").read_text(encoding="utf-8"))
        change(collection)
        (work / name).write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return setup


def _null_first_geometry(collection):
    collection["features"][0]["geometry"] = None


def _null_first_code(collection):
    collection["features"][0]["properties"]["code"] = None


def _flatten_every_polygon(collection):
    for feature in collection["features"]:  # three collinear points: no area, nothing to repair it into
        feature["geometry"] = {"type": "Polygon", "coordinates": [[[117.0, 36.7], [117.01, 36.7], [117.02, 36.7],
                                                                   [117.0, 36.7]]]}


def _declare_unknown_crs(collection):
    collection["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::999999"}}


def _write(name, text):
    return lambda work: (work / name).write_text(text, encoding="utf-8")


def _scripted_workbook(path):
    """A gazetteer workbook as a script writes it: formulas without the values Excel saves with them."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in (["名称", "经度", "纬度", "x", "y"], ["汇才学校", "=D2/1000", "=E2/1000", 117001, 36700]):
        book.active.append(row)
    book.save(path)


DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"


def _document_variant(name, source, change=lambda data: data):
    """A setup writing ``name``: the document fixture ``source`` with ``change(bytes)`` applied."""
    return lambda work: (work / name).write_bytes(change((DOCUMENTS / source).read_bytes()))


@dataclass
class Case:
    """One bad input: the command line, what stderr must name, and the problem it must state."""

    id: str
    args: list
    names: str  # the file or option the one-line message must name
    problem: str  # a fragment of the problem it must state
    setup: object = None
    env: dict = field(default_factory=dict)
    xfail: str = ""


CASES = [
    # --- the catalog (projects.geojson)
    Case("truncated-json", ["join", "-p", "truncated_projects.geojson"], "truncated_projects.geojson",
         "invalid JSON"),
    Case("json-list", ["join", "-p", "list_toplevel.geojson"], "list_toplevel.geojson",
         "expected a GeoJSON FeatureCollection, found 'list'"),
    Case("feature-not-collection", ["join", "-p", "single_feature.geojson"], "single_feature.geojson",
         "found 'Feature'"),
    Case("nan-coordinates", ["join", "-p", "nan_projects.geojson"], "nan_projects.geojson", "NaN or infinite"),
    Case("duplicate-ids", ["join", "-p", "duplicate_ids_projects.geojson"], "duplicate_ids_projects.geojson",
         "duplicate project id"),
    Case("catalog-without-name", ["join", "-p", "no_name_projects.geojson"], "no_name_projects.geojson",
         "no 'name' property"),
    Case("catalog-invalid-geometry", ["join", "-p", "bad_geometry_projects.geojson"],
         "bad_geometry_projects.geojson", "feature 1 has an invalid geometry"),
    Case("catalog-malformed-nested", ["join", "-p", "bad_nested_projects.geojson"], "bad_nested_projects.geojson",
         "quantity"),
    Case("catalog-unknown-category", ["join", "-p", "unknown_category_projects.geojson"],
         "unknown_category_projects.geojson", "unknown category 'roads'"),
    Case("catalog-projected-coordinates", ["join", "-p", "projected_projects.geojson"], "projected_projects.geojson",
         "outside lon/lat range"),
    Case("catalog-properties-not-object", ["join", "-p", "properties_list_projects.geojson"],
         "properties_list_projects.geojson", "properties must be an object"),
    Case("catalog-id-not-text", ["join", "-p", "id_list_projects.geojson"], "id_list_projects.geojson",
         "must be text"),
    Case("catalog-subdistricts-not-objects", ["join", "-p", "subdistricts_ints_projects.geojson"],
         "subdistricts_ints_projects.geojson", "must hold objects"),
    Case("catalog-missing", ["join", "-p", "missing.geojson"], "missing.geojson", "file not found"),
    Case("catalog-is-directory", ["join", "-p", "adir"], "adir", "is a directory", setup=_mkdir("adir")),
    Case("catalog-0-bytes", ["join", "-p", "empty.geojson"], "empty.geojson", "empty (0 bytes)",
         setup=_empty("empty.geojson")),
    # --- official 街道 boundaries (--districts)
    Case("districts-points", ["join", *PROJECTS, "--districts", "districts_points.geojson", "--name-field", "name"],
         "districts_points.geojson", "expected polygons, found Point"),
    Case("districts-lines", ["join", *PROJECTS, "--districts", "districts_lines.geojson", "--name-field", "name"],
         "districts_lines.geojson", "expected polygons, found LineString (boundaries drawn as lines: make them "
                                    "polygons first, in QGIS with Polygonize, or give the CAD drawing, a .dxf)"),
    Case("districts-null-geometries", ["join", *PROJECTS, "--districts", "districts_null_geometries.geojson",
                                       "--name-field", "name"], "districts_null_geometries.geojson", "no geometries"),
    # GDAL also prints a "non closed ring" warning: the one-line rule covers that too.
    Case("districts-unclosed-ring", ["join", *PROJECTS, "--districts", "districts_unclosed_ring.geojson",
                                     "--name-field", "name"], "districts_unclosed_ring.geojson", "closed"),
    Case("districts-wrong-crs-member", ["join", *PROJECTS, "--districts", "districts_wrong_crs_member.geojson",
                                        "--name-field", "name"], "districts_wrong_crs_member.geojson",
         "are lon/lat degrees, and its CRS, EPSG:"),
    Case("districts-empty", ["join", *PROJECTS, "--districts", "districts_empty.geojson", "--name-field", "name"],
         "districts_empty.geojson", "no features"),
    Case("districts-shp-without-prj", ["join", *PROJECTS, "--districts", "districts_noprj.shp", "--name-field", "name"],
         "districts_noprj.shp", "no coordinate reference system"),
    Case("districts-projected-geojson", ["join", *PROJECTS, "--districts", "districts_projected.geojson",
                                         "--name-field", "name"], "districts_projected.geojson",
         "are out of range of its CRS, EPSG:4326 (WGS 84), in lon/lat degrees"),
    Case("districts-infinite", ["join", *PROJECTS, "--districts", "districts_infinite.geojson",
                                "--name-field", "name"], "districts_infinite.geojson", "NaN or infinite"),
    Case("districts-duplicate-codes", ["join", *PROJECTS, "--districts", "districts_duplicate_codes.geojson",
                                       "--name-field", "name", "--code-field", "code"],
         "districts_duplicate_codes.geojson", "duplicate 街道 codes"),
    Case("name-field-not-a-column", ["join", *PROJECTS, "--districts", "valid_districts.geojson",
                                     "--name-field", "JDMC"], "--name-field", "'JDMC' is not a column"),
    Case("districts-without-name-field", ["join", *PROJECTS, "--districts", "valid_districts.geojson"],
         "--name-field", "is required"),
    Case("districts-is-directory", ["join", *PROJECTS, "--districts", "adir", "--name-field", "name"], "adir",
         "is a directory", setup=_mkdir("adir")),
    Case("districts-shp-without-dbf", ["join", *PROJECTS, "--districts", "districts_nodbf.shp",
                                       "--name-field", "name"], "districts_nodbf.shp", "no .dbf"),
    Case("district-code-unknown", ["geocode", *PROJECTS, "--district-code", "999999"], "--district-code", "999999"),
    Case("name-field-without-districts", ["join", *PROJECTS, "--name-field", "name"], "--name-field", "--districts"),
    # --- gazetteers and OSM extracts
    Case("gazetteer-lon-lat-swapped", ["geocode", *PROJECTS, *DISTRICTS, "--gazetteer", "gazetteer_swapped.csv"],
         "gazetteer_swapped.csv", "swapped"),
    Case("gazetteer-gcj02-outside-china", ["geocode", *PROJECTS, *DISTRICTS,
                                           "--gazetteer", "gazetteer_gcj02_paris.csv"],
         "gazetteer_gcj02_paris.csv", "outside China"),
    Case("gazetteer-unbalanced-quote", ["geocode", *PROJECTS, *DISTRICTS,
                                        "--gazetteer", "gazetteer_unbalanced_quote.csv"],
         "gazetteer_unbalanced_quote.csv", "missing lon or lat"),
    Case("gazetteer-unknown-datum", ["geocode", *PROJECTS, *DISTRICTS, "--gazetteer", "gazetteer_unknown_datum.csv"],
         "gazetteer_unknown_datum.csv", "datum 'beijing54' is Beijing 1954 (北京54)"),
    Case("gazetteer-title-refused-datum", ["geocode", *PROJECTS, *DISTRICTS, "--gazetteer", "gazetteer_title_xian80.csv"],
         "gazetteer_title_xian80.csv", "its title '天桥区学校名录（坐标系：西安80）' names a datum geo cannot use",
         setup=_write("gazetteer_title_xian80.csv", "天桥区学校名录（坐标系：西安80）\n名称,经度,纬度\n汇才学校,117.001,36.7\n")),
    Case("gazetteer-unsaved-formula", ["geocode", *PROJECTS, *DISTRICTS, "--gazetteer", "gazetteer_formulas.xlsx"],
         "gazetteer_formulas.xlsx", "sheet 'Sheet', cell B2 (经度) holds a formula with no saved value (=D2/1000)",
         setup=lambda work: _scripted_workbook(work / "gazetteer_formulas.xlsx")),
    Case("gazetteer-no-name-column", ["geocode", *PROJECTS, *DISTRICTS, "--gazetteer", "gazetteer_no_name.csv"],
         "gazetteer_no_name.csv", "needs a 'name' column"),
    Case("gazetteer-bad-number", ["geocode", *PROJECTS, *DISTRICTS, "--gazetteer", "gazetteer_bad_number.csv"],
         "gazetteer_bad_number.csv", "bad coordinates"),
    Case("gazetteer-zero-accuracy", ["geocode", *PROJECTS, *DISTRICTS, "--gazetteer", "gazetteer_zero_accuracy.csv"],
         "gazetteer_zero_accuracy.csv", "entry 2 (天桥实验小学): accuracy_m must be a positive number of metres, found '0'"),
    Case("gazetteer-negative-accuracy", ["geocode", *PROJECTS, *DISTRICTS,
                                         "--gazetteer", "gazetteer_negative_accuracy.csv"],
         "gazetteer_negative_accuracy.csv", "accuracy_m must be a positive number of metres, found '-30'"),
    Case("osm-not-xml", ["geocode", *PROJECTS, *DISTRICTS, "--osm", "not_xml.osm"], "not_xml.osm",
         "not a readable OSM file"),
    Case("osm-truncated-xml", ["geocode", *PROJECTS, *DISTRICTS, "--osm", "truncated.osm"], "truncated.osm",
         "XML parsing error"),
    Case("osm-pbf-garbage", ["geocode", *PROJECTS, *DISTRICTS, "--osm", "garbage.osm.pbf"], "garbage.osm.pbf",
         "not a readable OSM file"),
    Case("osm-overpass-timeout", ["geocode", *PROJECTS, *DISTRICTS, "--osm", "overpass_timeout.osm"],
         "overpass_timeout.osm", "the Overpass API says its answer is incomplete (runtime error: Query timed out"),
    Case("osm-overpass-out-center", ["geocode", *PROJECTS, *DISTRICTS, "--osm", "overpass_out_center.osm"],
         "overpass_out_center.osm", "use 'out geom'"),
    # a folder of no Shapefile (one of Shapefiles is read layer by layer, as a GeoPackage of layers is)
    Case("gazetteer-is-directory", ["geocode", *PROJECTS, *DISTRICTS, "--gazetteer", "adir"], "adir",
         "is a directory, expected a file", setup=_mkdir("adir")),
    Case("gazetteer-saved-web-page", ["geocode", *PROJECTS, *DISTRICTS, "--gazetteer", "gazetteer_saved_page.csv"],
         "gazetteer_saved_page.csv", "looks like HTML or XML, not a table"),
    Case("districts-lat-lon-swapped", ["join", *PROJECTS, "--districts", "districts_swapped.geojson",
                                       "--name-field", "name"], "districts_swapped.geojson",
         "latitude and longitude swapped"),
    Case("districts-one-without-geometry", ["join", *PROJECTS, "--districts", "onenull.geojson", "--name-field", "name"],
         "onenull.geojson", "1 of 2 features has no geometry", setup=_districts_variant("onenull.geojson",
                                                                                   _null_first_geometry)),
    Case("districts-zero-area", ["join", *PROJECTS, "--districts", "flat.geojson", "--name-field", "name"],
         "flat.geojson", "every feature has a polygon of zero area",
         setup=_districts_variant("flat.geojson", _flatten_every_polygon)),
    Case("districts-unknown-crs", ["join", *PROJECTS, "--districts", "crs999999.geojson", "--name-field", "name"],
         "crs999999.geojson", "unknown coordinate reference system 'urn:ogc:def:crs:EPSG::999999'",
         setup=_districts_variant("crs999999.geojson", _declare_unknown_crs)),
    Case("districts-one-without-code", ["join", *PROJECTS, "--districts", "nocode.geojson", "--name-field", "name",
                                        "--code-field", "code"], "nocode.geojson",
         "1 of 2 features has an empty 'code' (无影山街道)", setup=_districts_variant("nocode.geojson", _null_first_code)),
    Case("outline-infinite", ["join", *PROJECTS, "--outline", "districts_infinite.geojson"],
         "districts_infinite.geojson", "NaN or infinite"),
    Case("osm-only-invalid-coordinates", ["geocode", *PROJECTS, *DISTRICTS, "--osm", "badlat.osm"], "badlat.osm",
         "nothing usable: 1 node(s) with invalid coordinates",
         setup=_write("badlat.osm", '<?xml version="1.0"?><osm version="0.6"><node id="5" lat="abc" lon="117.004">'
                                    '<tag k="amenity" v="school"/><tag k="name" v="北园小学"/></node></osm>')),
    Case("gazetteer-one-point-line", ["geocode", *PROJECTS, *DISTRICTS, "--gazetteer", "onepoint.csv"], "onepoint.csv",
         "line 2: bad coordinates", setup=_write("onepoint.csv", 'name,wkt\n水屯北路,"LINESTRING(117 36.7)"\n')),
    # --- reports
    Case("report-pdf", ["extract", "report_pdf.txt", "-o", "out.geojson"], "report_pdf.txt",
         "is a damaged PDF"),
    Case("report-docx", ["extract", "report.docx", "-o", "out.geojson"], "report.docx",
         "is a zip archive cut short"),
    Case("report-doc-cut-in-half", ["extract", "cut.doc", "-o", "out.geojson"], "cut.doc",
         "is a damaged Office document (.doc, .wps, .xls)",
         setup=_document_variant("cut.doc", "word_report.doc", lambda data: data[:len(data) // 2])),
    Case("report-doc-random-after-header", ["extract", "noise.doc", "-o", "out.geojson"], "noise.doc",
         "is a damaged Office document (.doc, .wps, .xls)",
         setup=_document_variant("noise.doc", "word_report.doc",
                                 lambda data: data[:512] + bytes((i * 151 + 7) % 256 for i in range(len(data) - 512)))),
    Case("report-doc-password", ["extract", "locked.doc", "-o", "out.geojson"], "locked.doc",
         "is a password-protected Word document: save it without a password",
         setup=_document_variant("locked.doc", "word_report_locked.doc")),
    Case("report-xls", ["extract", "projects.xls", "-o", "out.geojson"], "projects.xls",
         "is an Excel spreadsheet (.xls), not a report", setup=_document_variant("projects.xls", "projects.xls")),
    Case("report-unknown-encoding", ["extract", "report_unknown_encoding.txt", "-o", "out.geojson"],
         "report_unknown_encoding.txt", "unknown text encoding"),
    Case("report-png", ["extract", "report_png.txt", "-o", "out.geojson"], "report_png.txt", "is a PNG image, not plain text"),
    Case("report-0-bytes", ["extract", "empty.txt", "-o", "out.geojson"], "empty.txt", "empty (0 bytes)",
         setup=_empty("empty.txt")),
    Case("report-is-directory", ["extract", "adir", "-o", "out.geojson"], "adir", "is a directory",
         setup=_mkdir("adir")),
    Case("report-forced-wrong-encoding", ["extract", "report_gbk.txt", "--encoding", "utf-8", "-o", "out.geojson"],
         "report_gbk.txt", "cannot decode as utf-8"),
    Case("report-without-projects", ["extract", "report_no_projects.txt", "-o", "out.geojson"],
         "report_no_projects.txt", "no spatial projects"),
    Case("report-without-projects-into-new-folder", ["extract", "report_no_projects.txt", "-o", "new/sub/out.geojson"],
         "report_no_projects.txt", "no spatial projects"),
    Case("extract-unwritable-output", ["extract", str(REPORT), "-o", "blocker/out.geojson"], "blocker",
         "is a file, expected an output directory", setup=_blocker),
    # --- maps
    Case("tianditu-without-key", ["render", *PROJECTS, "--basemap", "tianditu"], "TIANDITU_KEY", "",
         env={"TIANDITU_KEY": None}),
    Case("basemap-unknown-name", ["render", *PROJECTS, "--basemap", "googel"], "googel", "unknown basemap"),
    Case("basemap-url-without-y", ["render", *PROJECTS, "--basemap", "http://10.0.0.5/{z}/{x}.png"], "--basemap",
         "needs {z}, {x} and {y}"),
    Case("basemap-datum-against-amap", ["build", "--basemap", "amap", "--basemap-datum", "wgs84"], "--basemap amap",
         "drawn in GCJ02"),
    # --- layers and export
    Case("layers-missing", ["layers", "--layers-dir", "nowhere"], "nowhere", "no layers found"),
    Case("export-layers-dir-is-a-file", ["export", "all", "--layers-dir", "valid_projects.geojson"],
         "valid_projects.geojson", "is not a directory"),
    Case("export-corrupt-layer", ["export", "all", "--format", "gpkg", "--layers-dir", "layers"],
         "road_rebuild.geojson", "invalid JSON",
         setup=lambda work: _truncate(work / "layers" / "road_rebuild.geojson")),
    Case("export-unknown-layer", ["export", "schools", "--layers-dir", "layers"], "schools", "unknown layer"),
    Case("export-crs-garbage", ["export", "school", "--format", "gpkg", "--crs", "garbage", "--layers-dir", "layers"],
         "--crs", "not a valid coordinate reference system"),
    Case("export-geojson-projected", ["export", "school", "--crs", "EPSG:4548", "--layers-dir", "layers"],
         "--crs", "RFC 7946"),
    Case("export-unknown-category", ["export", "school", "--category", "schools", "--layers-dir", "layers"],
         "--category", "unknown category 'schools'"),
    Case("export-nothing-matches", ["export", "school", "--subdistrict", "北园街道", "--layers-dir", "layers"],
         "school.geojson", "no features match --subdistrict 北园街道"),
    Case("export-name-contradicts-format", ["export", "school", "--format", "gpkg", "--layers-dir", "layers",
                                            "-o", "school.geojson"], "-o", "ends in .geojson but --format is gpkg"),
    Case("export-unwritable-output", ["export", "school", "--layers-dir", "layers", "-o", "blocker/school.geojson"],
         "blocker", "is a file, expected an output directory", setup=_blocker),
    Case("render-out-dir-is-a-file", ["render", *PROJECTS, "--basemap", "none", "-o", "valid_projects.geojson"],
         "valid_projects.geojson", "is a file"),
    # /proc passes os.access for root but refuses new files: the temporary file says so.
    Case("export-into-proc", ["export", "school", "--format", "shp", "--layers-dir", "layers", "-o", "/proc/s.shp"],
         "/proc", "cannot write output there"),
    Case("coverage-into-proc", ["coverage", *PROJECTS, "--format", "csv", "-o", "/proc/coverage.csv"],
         "/proc", "cannot write output there"),
    # --- outputs that would destroy inputs, or are not files
    Case("export-over-its-own-layers", ["export", "all", "--layers-dir", "layers", "-o", "layers"],
         "layers/", "must not overwrite its input"),
    Case("export-over-one-layer", ["export", "school", "--layers-dir", "layers", "-o", "layers/school.geojson"],
         "school.geojson", "must not overwrite its input"),
    Case("export-over-the-catalog", ["export", "projects", "--layers-dir", "layers", "-o", "projects.geojson"],
         "projects.geojson", "must not overwrite its input",
         setup=lambda work: shutil.copy(work / "valid_projects.geojson", work / "projects.geojson")),
    Case("extract-output-is-a-directory", ["extract", "report_utf8.txt", "-o", "adir"], "adir",
         "is a directory, expected an output file name", setup=_mkdir("adir")),
    Case("coverage-output-is-a-directory", ["coverage", *PROJECTS, "--format", "csv", "-o", "adir"], "adir",
         "is a directory, expected an output file name", setup=_mkdir("adir")),
    # --- reports too large, by the default limit (set low here) and by --max-size
    Case("report-over-size-limit", ["extract", "report_utf8.txt", "-o", "out.geojson"], "report_utf8.txt",
         "over the 5e-05 MB size limit", env={"GEO_MAX_REPORT_MB": "0.00005"}),
    Case("report-over-max-size", ["extract", "report_utf8.txt", "--max-size", "0.00005", "-o", "out.geojson"],
         "report_utf8.txt", "over the 5e-05 MB size limit"),
    Case("report-size-limit-not-a-number", ["extract", "report_utf8.txt", "-o", "out.geojson"], "GEO_MAX_REPORT_MB",
         "must be a positive number of MB, found 'abc'", env={"GEO_MAX_REPORT_MB": "abc"}),
    Case("report-size-limit-negative", ["extract", "report_utf8.txt", "-o", "out.geojson"], "GEO_MAX_REPORT_MB",
         "must be a positive number of MB, found '-5'", env={"GEO_MAX_REPORT_MB": "-5"}),
    Case("report-size-limit-nan", ["extract", "report_utf8.txt", "-o", "out.geojson"], "GEO_MAX_REPORT_MB",
         "must be a positive number of MB, found 'nan'", env={"GEO_MAX_REPORT_MB": "nan"}),
    Case("export-source-date-out-of-range", ["export", "school", "--format", "gpkg", "--layers-dir", "layers",
                                             "-o", "s.gpkg"], "SOURCE_DATE_EPOCH",
         "must be a whole number of seconds since 1970-01-01, found '99999999999999'",
         env={"SOURCE_DATE_EPOCH": "99999999999999"}),
    Case("export-source-date-not-a-number", ["export", "school", "--format", "shp", "--layers-dir", "layers",
                                             "-o", "shp"], "SOURCE_DATE_EPOCH",
         "must be a whole number of seconds since 1970-01-01, found 'yesterday'", env={"SOURCE_DATE_EPOCH": "yesterday"}),
]


def _snapshot(root):
    """Every path under ``root`` (hidden ones too) -> (size, mtime_ns, sha256), directories -> None."""
    state = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_dir():
            state[rel] = None
        else:
            stat = path.stat()
            state[rel] = (stat.st_size, stat.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
    return state


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A copy of the corpus as the current directory."""
    target = tmp_path / "work"
    shutil.copytree(CORPUS, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.chdir(target)
    return target


def _params():
    return [pytest.param(case, id=case.id,
                         marks=[pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else [])
            for case in CASES]


def test_corpus_has_at_least_25_cases():
    assert len(CASES) + 2 >= 25  # + the two repaired cases below


@pytest.mark.parametrize("case", _params())
def test_bad_input_fails_with_one_line_and_touches_nothing(case, work):
    if case.setup:
        case.setup(work)
    before = _snapshot(work)
    result = CliRunner().invoke(main, case.args, env=case.env)
    lines = result.stderr.splitlines()
    assert result.exit_code == 2, (result.exit_code, result.stderr, result.exception)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("geo: error: ") and "Traceback" not in result.stderr
    assert case.names in lines[0] and case.problem in lines[0], lines[0]
    assert "rerun with --verbose" not in lines[0], "an unexpected exception, not an input error"
    assert _snapshot(work) == before


def test_missing_prj_message_suggests_only_real_options(work):
    options = {opt for p in main.commands["join"].params for opt in getattr(p, "opts", [])}
    result = CliRunner().invoke(main, ["join", *PROJECTS, "--districts", "districts_noprj.shp", "--name-field", "name"])
    suggested = {word.strip("(),.") for word in result.stderr.split() if word.startswith("--")}
    assert suggested <= options, suggested - options


def test_utf16_report_is_read_like_utf8(work):
    runner = CliRunner()
    utf8 = runner.invoke(main, ["extract", "report_utf8.txt", "-o", "utf8.geojson"])
    assert utf8.exit_code == 0, utf8.stderr
    utf16 = runner.invoke(main, ["extract", "report_utf16.txt", "-o", "utf16.geojson"])
    assert utf16.exit_code == 0, utf16.stderr
    features = [json.loads((work / name).read_text(encoding="utf-8"))["features"]
                for name in ("utf8.geojson", "utf16.geojson")]
    assert features[0] == features[1] and len(features[0]) == 2


def test_self_intersecting_district_is_repaired_with_a_warning(work):
    result = CliRunner().invoke(main, ["join", *PROJECTS, "--districts", "districts_bowtie.geojson",
                                       "--name-field", "name", "--code-field", "code"])
    assert result.exit_code == 0, result.stderr
    assert "warning: districts_bowtie.geojson: repaired 1 invalid polygon" in result.stderr
    zones = json.loads((work / "layers" / "subdistricts.geojson").read_text(encoding="utf-8"))["features"]
    bowtie = next(z for z in zones if z["properties"]["code"] == "370105001")
    import shapely.geometry

    repaired = shapely.geometry.shape(bowtie["geometry"])
    assert repaired.is_valid and repaired.area > 0.0001  # both triangles kept (2 x 0.0001 deg²)


@pytest.mark.parametrize("cpg", ["ANSI 936", "936", "GBK", "CP936", "System", "ansi_936\r\n"])
def test_gbk_shapefile_cpg_spellings_are_honoured(work, cpg):
    (work / "districts_gbk.cpg").write_bytes(cpg.encode("ascii"))
    result = CliRunner().invoke(main, ["join", *PROJECTS, "--districts", "districts_gbk.shp",
                                       "--name-field", "NAME", "--code-field", "CODE"])
    assert result.exit_code == 0, result.stderr
    zones = json.loads((work / "layers" / "subdistricts.geojson").read_text(encoding="utf-8"))["features"]
    assert sorted(z["properties"]["name"] for z in zones) == ["北园街道", "无影山街道"]


def test_report_from_a_pipe_is_read(work):
    report = (work / "report_utf8.txt").read_bytes()
    result = subprocess.run([sys.executable, "-m", "geo", "extract", "/dev/stdin", "-o", "piped.geojson"],
                            cwd=work, input=report, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    expected = CliRunner().invoke(main, ["extract", "report_utf8.txt", "-o", "file.geojson"])
    assert expected.exit_code == 0
    piped, direct = (json.loads((work / n).read_text(encoding="utf-8")) for n in ("piped.geojson", "file.geojson"))
    assert piped["features"] == direct["features"] and len(piped["features"]) == 2


def test_a_size_limit_beyond_any_file_reads_the_report(work):
    # 1e308 MB is finite, but int(1e308 * 1e6) overflowed.
    result = CliRunner().invoke(main, ["extract", "report_utf8.txt", "--max-size", "1e308", "-o", "out.geojson"])
    assert result.exit_code == 0, result.stderr


def test_report_piped_over_the_limit_stops_reading(work):
    result = subprocess.run([sys.executable, "-m", "geo", "extract", "/dev/stdin", "--max-size", "1", "-o", "x.geojson"],
                            cwd=work, input=b"\xe8\xb7\xaf" * 1_000_000, capture_output=True, timeout=120)
    assert result.returncode == 2 and b"over the 1 MB size limit" in result.stderr
    assert not (work / "x.geojson").exists()


def test_a_long_valid_output_name_is_accepted(work):
    name = "路" * 80 + ".geojson"  # 248 bytes: valid, and longer than any temporary name may add to it
    result = CliRunner().invoke(main, ["extract", "report_utf8.txt", "-o", name])
    assert result.exit_code == 0, result.stderr
    assert (work / name).is_file()


def test_gazetteer_name_used_for_places_far_apart_is_a_warning(work):
    result = CliRunner().invoke(main, ["geocode", *PROJECTS, *DISTRICTS, "--gazetteer", "gazetteer_duplicate_far.csv"])
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == ["warning: gazetteer_duplicate_far.csv: datum not given for 3 of 3 entries, assumed WGS-84, "
                        "claiming 1600 m accuracy (add a datum column: wgs84, gcj02 for Amap or Tencent, bd09 for "
                        "Baidu)",
                        "warning: gazetteer_duplicate_far.csv: '天桥实验小学' appears 3 times, up to 4.9 km apart; "
                        "the first row is used"]


def test_two_subdistricts_with_one_name_are_a_warning(work):
    result = CliRunner().invoke(main, ["join", *PROJECTS, "--districts", "districts_duplicate_names.geojson",
                                       "--name-field", "name", "--code-field", "code"])
    assert result.exit_code == 0, result.stderr
    assert ("warning: districts_duplicate_names.geojson: several 街道 share a name (北园街道); coverage rows are "
            "told apart by code only") in result.stderr.splitlines()


def test_gbk_shapefile_without_cpg_decodes(work):
    assert not (work / "districts_gbk.cpg").exists()
    result = CliRunner().invoke(main, ["join", *PROJECTS, "--districts", "districts_gbk.shp",
                                       "--name-field", "NAME", "--code-field", "CODE"])
    assert result.exit_code == 0, result.stderr
    zones = json.loads((work / "layers" / "subdistricts.geojson").read_text(encoding="utf-8"))["features"]
    assert sorted(z["properties"]["name"] for z in zones) == ["北园街道", "无影山街道"]


# --------------------------------------------------------------------------- through a real process


def _run(args, cwd, env=None):
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


@pytest.mark.parametrize("case_id", ["truncated-json", "districts-shp-without-prj", "gazetteer-gcj02-outside-china",
                                     "districts-unclosed-ring",
                                     "export-crs-garbage"])
def test_real_process_prints_one_line_and_exits_2(case_id, work):
    case = next(c for c in CASES if c.id == case_id)
    before = _snapshot(work)
    result = _run(case.args, work)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n")
    assert case.names in result.stderr and case.problem in result.stderr and "Traceback" not in result.stderr
    assert _snapshot(work) == before


@pytest.mark.parametrize("limit", ["nan", "inf", "-inf"])
def test_a_size_limit_that_is_no_finite_number_is_named_in_one_line(limit, work):
    # click's FloatRange lets nan and inf through: int(nan * 1e6) raised a ValueError naming nothing.
    before = _snapshot(work)
    result = _run(["extract", "report_utf8.txt", "--max-size", limit, "-o", "out.geojson"], work)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "--max-size" in result.stderr and ("must be a finite number of MB" in result.stderr
                                              or "not in the range" in result.stderr), result.stderr
    assert _snapshot(work) == before


def test_verbose_shows_the_traceback(work):
    result = _run(["--verbose", "join", "-p", "truncated_projects.geojson"], work)
    assert result.returncode != 0
    assert "Traceback (most recent call last)" in result.stderr
    assert "InputError" in result.stderr and "invalid JSON" in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/stdin"), reason="no /dev/stdin")
def test_a_report_given_as_a_dash_is_read_from_standard_input(work):
    # `geo extract -` said "-: file not found", as if the dash named a file.
    report = (work / "report_utf8.txt").read_bytes()
    for args in (["extract", "-", "-o", "dash.geojson"], ["build", "--report", "-", "--basemap", "none",
                                                         "--out-dir", "dash"]):
        result = subprocess.run([sys.executable, "-m", "geo", *args], cwd=work, input=report, capture_output=True,
                                timeout=300)
        assert result.returncode == 0, result.stderr
    for catalog in (work / "dash.geojson", work / "dash" / "projects.geojson"):
        assert len(json.loads(catalog.read_text(encoding="utf-8"))["features"]) == 2


@pytest.mark.parametrize("args", [["geocode", *PROJECTS, "--gazetteer", "fifo.csv"],
                                  ["geocode", *PROJECTS, "--districts", "fifo.csv", "--name-field", "name"],
                                  ["geocode", *PROJECTS, "--districts", "fifo.csv|layername=jd", "--name-field", "name"],
                                  ["build", "--gazetteer", "fifo.csv", "--out-dir", "out"]])
def test_a_fifo_given_as_a_gazetteer_or_districts_file_is_refused_without_waiting_for_it(args, work):
    # A named pipe no program writes to kept the run waiting for ever: its kind was sniffed (an OSM file?
    # layers of a GeoPackage?) before it was refused as a pipe.
    before = _snapshot(work)
    os.mkfifo(work / "fifo.csv")
    try:
        result = subprocess.run([sys.executable, "-m", "geo", *args], cwd=work, capture_output=True, text=True,
                                env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}, timeout=60)
    finally:
        os.unlink(work / "fifo.csv")
    assert result.returncode == 2
    assert result.stderr == "geo: error: fifo.csv: is a pipe or device, expected a regular file\n"
    assert _snapshot(work) == before


@pytest.mark.parametrize("command", [
    ["geocode", *PROJECTS, "--gazetteer", "gazetteer_duplicate_far.csv"],  # a gazetteer table over the limit
    ["join", *PROJECTS, *DISTRICTS],  # a --districts GeoJSON over it
    ["coverage", *PROJECTS, *DISTRICTS, "-o", "cov.csv"],
    ["render", *PROJECTS, *DISTRICTS, "-o", "maps"],
])
def test_a_file_over_the_size_limit_names_an_option_the_command_takes(command, work):
    # A city's POI table of a million rows (57 MB) was refused by the report size limit with
    # 'raise it with --max-size MB', and `geo geocode --max-size` was 'No such option'.
    over = CliRunner().invoke(main, command, env={"GEO_MAX_REPORT_MB": "0.0001"})
    assert over.exit_code == 2 and "size limit (raise it with --max-size MB" in over.stderr, over.stderr
    raised = CliRunner().invoke(main, [*command, "--max-size", "100"], env={"GEO_MAX_REPORT_MB": "0.0001"})
    assert raised.exit_code == 0, raised.stderr
