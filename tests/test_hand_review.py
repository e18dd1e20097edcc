"""A planner's review in placed.csv: a project marked not a project stays in the catalog and counts
nowhere, a project added on the map is located and counted, rows edited into nonsense stop the build."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner

from geo import settings
from geo.cli import main
from placed_files import build, digest, placed_csv, refused_line
from test_render import page_data
REMOVED = settings.HAND_REMOVED_SOURCE
ADDED = settings.HAND_ADDED_SOURCE
PLACED = settings.HAND_PLACED_SOURCE
NEW_PARK = "泺口滨河公园"  # no project of the default report
NEW_PARK_WKT = "POLYGON ((117.0100000 36.6800000, 117.0120000 36.6800000, 117.0110000 36.6815000, 117.0100000 36.6800000))"


def _removal(name, category, lon="", lat="", wkt=""):
    return f"{name},{category},{lon},{lat},{wkt},wgs84,,{REMOVED},{REMOVED}"


def _added(name, category, lon="", lat="", wkt=""):
    wkt = f'"{wkt}"' if "," in wkt else wkt
    return f"{name},{category},{lon},{lat},{wkt},wgs84,10,{ADDED},{ADDED} at zoom 16"


# 金牛建材 (unlocated) and 黄河文化廊道 (located) marked not a project; a park the report names
# and extraction missed added as an area; a school added as a point.
REVIEW = (_removal("金牛建材", "commercial"), _removal("黄河文化廊道", "culture"),
          _added(NEW_PARK, "park", wkt=NEW_PARK_WKT),
          _added("泺口实验学校", "school", "117.0020000", "36.6900000", "POINT (117.0020000 36.6900000)"))


def _catalog(out):
    collection = json.loads((out / "projects.geojson").read_text(encoding="utf-8"))
    return collection["metadata"], {f["properties"]["name"]: f for f in collection["features"]}


def _totals(out):
    text = (out / "maps_out" / "coverage_totals.csv").read_text(encoding="utf-8-sig")
    return {row["key"]: row["value"] for row in csv.DictReader(io.StringIO(text))}


@pytest.fixture(scope="module")
def reviewed_build(tmp_path_factory):
    """The default district built with the review's placed.csv: (out folder, the CLI's result)."""
    folder = tmp_path_factory.mktemp("reviewed")
    placed = placed_csv(folder, *REVIEW)
    result = build(folder / "out", placed)
    assert result.exit_code == 0, result.output
    return folder / "out", result


def test_a_project_marked_not_a_project_stays_in_the_catalog_removed_with_the_row_that_says_so(reviewed_build):
    out, _ = reviewed_build
    _, catalog = _catalog(out)
    for number, name in ((1, "金牛建材"), (2, "黄河文化廊道")):
        feature = catalog[name]
        geocode = feature["properties"]["geocode"]
        assert feature["geometry"] is None and feature["properties"]["subdistricts"] == []
        assert geocode["status"] == "removed" and geocode["source"] == REMOVED
        assert geocode["reason"] == f"{REMOVED} (placed.csv row {number})"
        assert feature["properties"]["quote"]  # still the report's project, with its sentence


def test_a_project_added_on_the_map_enters_the_catalog_located_as_drawn_and_joined(reviewed_build):
    out, _ = reviewed_build
    _, catalog = _catalog(out)
    park = catalog[NEW_PARK]
    props = park["properties"]
    assert props["named"] is True and props["quote"] is None
    assert props["char_start"] is None and props["char_end"] is None and props["action"] is None
    assert props["added"] == f"{ADDED} (placed.csv row 3)"
    assert props["geocode"]["status"] == "matched" and props["geocode"]["source"] == ADDED
    assert props["geocode"]["method"] == f"{ADDED} at zoom 16"
    assert park["geometry"]["type"] == "Polygon" and props["subdistricts"]
    assert props["id"].startswith("added-park-")
    school = catalog["泺口实验学校"]
    assert school["geometry"] == {"type": "Point", "coordinates": [117.002, 36.69]}


def test_removed_projects_are_in_no_layer_and_no_coverage_figure_and_added_ones_are(plain_default_build, reviewed_build):
    out, _ = reviewed_build
    layers = {path.stem: {f["properties"]["name"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]}
              for path in (out / "layers").glob("*.geojson")}
    in_layers = set().union(*layers.values())
    assert "金牛建材" not in in_layers and "黄河文化廊道" not in in_layers
    assert NEW_PARK in layers["park"] and "泺口实验学校" in layers["school"]
    before, after = _totals(plain_default_build), _totals(out)
    # 22 projects, less the two removed, and the two added
    assert int(after["catalog"]) == int(before["catalog"]) == 22
    assert int(after["district_wide"]) == int(before["district_wide"]) - 1  # 金牛建材 was unlocated
    assert int(after["located_in_district"]) == int(before["located_in_district"]) - 1 + 2
    districtwide = (out / "maps_out" / "coverage_districtwide.csv").read_text(encoding="utf-8-sig")
    assert "金牛建材" not in districtwide
    md = (out / "maps_out" / "coverage.md").read_text(encoding="utf-8")
    assert "金牛建材" not in md and "黄河文化廊道" not in md
    from openpyxl import load_workbook

    book = load_workbook(out / "maps_out" / "coverage.xlsx")
    cells = {str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row}
    assert not any("金牛建材" in cell or "黄河文化廊道" in cell for cell in cells)
    metadata, _ = _catalog(out)
    assert metadata["projects"] == 24 and metadata["removed"] == 2
    assert metadata["located"] + metadata["unlocated"] + metadata["removed"] == 24


def test_the_coverage_totals_reconcile_with_the_catalog_the_removed_counted_apart(reviewed_build):
    # 连江县's coverage said "26 catalog records" beside a projects.geojson of 30 (4 marked not a
    # project): nothing in coverage.md, coverage_totals.csv or the workbook's 合计 said where the 4 went.
    from openpyxl import load_workbook

    out, _ = reviewed_build
    metadata, _ = _catalog(out)
    totals = _totals(out)
    assert int(totals["marked_not_a_project"]) == metadata["removed"] == 2
    assert int(totals["catalog"]) + int(totals["marked_not_a_project"]) == metadata["projects"] == 24
    md = (out / "maps_out" / "coverage.md").read_text(encoding="utf-8")
    assert "22 catalog records = " in md and "2 more marked not a project on the map (counted nowhere)" in md
    sheet = load_workbook(out / "maps_out" / "coverage.xlsx")["合计"]
    assert {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}["marked_not_a_project"] == 2


def test_build_says_how_many_were_removed_and_added_by_hand(reviewed_build):
    _, result = reviewed_build
    said = [line for line in result.output.splitlines() if line.startswith(("removed by hand", "added by hand"))]
    assert len(said) == 2
    assert said[0].startswith("removed by hand: 2 project(s)") and "金牛建材" in said[0]
    assert said[1].startswith("added by hand: 2 project(s)") and NEW_PARK in said[1]
    assert "金牛建材" not in result.output.split("not located")[-1]  # not listed as unlocated


def test_the_projects_map_and_its_panel_show_the_removed_and_the_added(reviewed_build):
    out, _ = reviewed_build
    data = page_data((out / "maps_out" / "projects.html").read_text(encoding="utf-8"))
    panel = data["panel"]
    assert [item["name"] for item in panel["removed"]] == ["金牛建材", "黄河文化廊道"]
    assert all("金牛建材" != item["name"] for item in panel["unlocated"])
    added = {item["name"]: item for item in panel["located"] if item.get("added")}
    assert set(added) == {NEW_PARK, "泺口实验学校"}
    assert added[NEW_PARK]["placed"]["wkt"] == NEW_PARK_WKT and "rank" not in added[NEW_PARK]
    assert {c["code"] for c in panel["categories"]} >= {"park", "school", "road_rebuild"}
    names = {f["properties"].get("id") for layer in data["layers"] for f in layer["data"]["features"]}
    assert "culture-huang-he-wen-hua-lang-dao" not in names


def test_a_build_with_the_review_is_byte_identical_again(reviewed_build, tmp_path):
    out, _ = reviewed_build
    placed = placed_csv(tmp_path, *REVIEW)
    again = tmp_path / "again"
    assert build(again, placed).exit_code == 0
    assert digest(again) == digest(out)


def test_geocode_again_with_the_same_file_keeps_the_added_projects_once(reviewed_build, tmp_path):
    # geo geocode on the catalog a reviewed build wrote: its added projects are added again from
    # the file, not refused as "a project of the report".
    out, _ = reviewed_build
    work = tmp_path / "work"
    shutil.copytree(out, work)
    placed = placed_csv(tmp_path, *REVIEW)
    result = CliRunner().invoke(main, ["geocode", "-p", str(work / "projects.geojson"), "--layers-dir",
                                       str(work / "layers"), "--gazetteer", str(placed)])
    assert result.exit_code == 0, result.output
    metadata, catalog = _catalog(work)
    assert metadata["projects"] == 24 and metadata["removed"] == 2
    assert catalog[NEW_PARK]["geometry"]["type"] == "Polygon"
    # the removed are counted neither located nor among the projects it located some of
    assert f"{metadata['located']} of 22 projects located" in result.output


@pytest.mark.parametrize("rows, words", [
    ((_removal("金牛建材", "commercial", "117.0000000", "36.7000000", "POINT (117.0000000 36.7000000)"),),
     ["entry 1", "金牛建材", "marked not a project", "has coordinates"]),
    ((_added(NEW_PARK, "park"),), ["entry 1", NEW_PARK, "added by hand", "no position"]),
    ((_added(NEW_PARK, "parks", "117.0000000", "36.7000000"),), ["entry 1", "category 'parks'"]),
    ((_added(NEW_PARK, "", "117.0000000", "36.7000000"),), ["entry 1", "no category"]),
    ((_removal("金牛建材", "shop"),), ["entry 1", "category 'shop'"]),
    ((_removal("金牛建材", "commercial"), _removal("不存在的项目", "commercial")),
     ["entry 2", "不存在的项目", "no project of this report", "delete that row"]),
    ((_removal("不存在的项目", "commercial"),), ["entry 1", "no project of this report", "--report"]),
    ((_added("金牛建材", "commercial", "117.0000000", "36.7000000"),),
     ["entry 1", "金牛建材", "a project of the report", "place that project"]),
], ids=["removal-with-coordinates", "added-without-geometry", "unknown-category", "added-without-category",
        "removal-unknown-category", "removal-of-a-name-gone", "removals-of-another-report", "added-name-of-the-report"])
def test_review_rows_edited_into_nonsense_stop_the_build_in_one_line_and_keep_the_outputs(
        plain_default_build, tmp_path, rows, words):
    placed = placed_csv(tmp_path, *rows)
    line = refused_line(plain_default_build, tmp_path, placed)
    assert line.startswith(f"geo: error: {placed}:") and all(word in line for word in words), line


def test_an_added_project_the_report_now_names_says_how_to_keep_what_was_drawn(plain_default_build, tmp_path):
    # 含光人行桥, added on 连江县's map, is found by a later geo in the same report: the build stopped,
    # saying only "place that project on the map instead": drawn again by hand, though the row's
    # source made a placement of it (the same name and category) keeps the drawing.
    out = tmp_path / "out"
    shutil.copytree(plain_default_build, out)
    row = _added("金牛建材", "commercial", "117.0020000", "36.6900000", "POINT (117.0020000 36.6900000)")
    result = build(out, placed_csv(tmp_path, row))
    assert result.exit_code == 2, result.output
    line = result.stderr.strip()
    assert f"to keep what was drawn, change its source to '{PLACED}'" in line, line
    kept = placed_csv(tmp_path, row.replace(f",{ADDED},", f",{PLACED},"), name="kept.csv")
    assert build(out, kept).exit_code == 0
    props = _catalog(out)[1]["金牛建材"]["properties"]
    assert props["geocode"]["status"] == "matched" and props["geocode"]["source"] == PLACED
    assert not props.get("added")


def _placement(name, category, lon, lat):
    return f"{name},{category},{lon},{lat},POINT ({lon} {lat}),wgs84,10,{PLACED},{PLACED} at zoom 16"


@pytest.mark.parametrize("joined", [False, True], ids=["two-files", "one-file-of-both"])
def test_a_project_one_planner_marked_not_a_project_and_another_placed_stops_the_build(plain_default_build, tmp_path, joined):
    # Two planners' placed.csv given together (or joined, cat a.csv b.csv): one marked 金牛建材 not a
    # project, the other placed it. The build removed it without a word, the placement dropped.
    marked = _removal("金牛建材", "commercial")
    placed = _placement("金牛建材", "commercial", "117.0020000", "36.6900000")
    if joined:
        files = [placed_csv(tmp_path, marked, placed)]
    else:
        files = [placed_csv(tmp_path, marked, name="a.csv"), placed_csv(tmp_path, placed, name="b.csv")]
    line = refused_line(plain_default_build, tmp_path, *files)
    assert line.startswith(f"geo: error: {files[-1]}:"), line
    said = "(金牛建材, commercial, placed by hand): entry 1"
    assert all(word in line for word in (said, "marks it not a project", "keep one")), line
    if not joined:  # the other file by its path as given: two downloads are both placed.csv in two folders
        assert f"entry 1 of {files[0]} marks" in line, line


def test_a_crafted_added_name_is_data_in_the_catalog_and_the_csv_formula_guard_is_read_back(tmp_path):
    # The panel writes a name opening like a formula with an apostrophe (Excel keeps it text).
    name = "<img src=x onerror=alert(1)>{{7*7}}</script>"
    rows = (_added(f"'={name}", "culture", "117.0020000", "36.6900000", "POINT (117.0020000 36.6900000)"),)
    out = tmp_path / "out"
    result = build(out, placed_csv(tmp_path, *rows))
    assert result.exit_code == 0, result.output
    _, catalog = _catalog(out)
    assert f"={name}" in catalog
    page = (out / "maps_out" / "projects.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "</script>{{" not in page
    assert any(item["name"] == f"={name}" for item in page_data(page)["panel"]["located"])


def test_a_removal_row_without_a_datum_is_not_warned_of_as_coordinates_of_unstated_datum(tmp_path):
    # A removal row has no coordinates: a datum left empty there (a file edited by hand) is no question.
    row = f"金牛建材,commercial,,,,,,{REMOVED},"
    out = tmp_path / "out"
    result = build(out, placed_csv(tmp_path, row))
    assert result.exit_code == 0, result.output
    assert "datum not given" not in result.stderr, result.stderr
    assert _catalog(out)[1]["金牛建材"]["properties"]["geocode"]["status"] == "removed"
