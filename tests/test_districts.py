"""Districts anywhere in China: bundled outlines, 街道 names, titles, --district-name, and reports that do not fit."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import shapely
from click.testing import CliRunner

from geo import data
from geo.cli import main
from geo.places import zone_level

REPORTS = Path(__file__).parent / "fixtures" / "districts"

# Three districts far apart: the west (乌鲁木齐, 87.6E), the south (海口, 20.0N) and the
# north-east (哈尔滨, 45.8N). Each fixture report names two roads and a school, which the
# test gazetteer places inside the bundled outline, and facilities named after 街道/镇.
DISTRICTS = {
    "650102": {"name": "天山区", "report": "650102_tianshan.txt", "roads": ("新华北路", "解放北路"),
               "school": "天山区第三小学", "streets": ("燕儿窝街道", "碱泉街道", "团结路街道")},
    "460106": {"name": "龙华区", "report": "460106_longhua.txt", "roads": ("金贸西路", "滨海大道"),
               "school": "龙华区第五小学", "streets": ("城西镇", "遵谭镇", "龙泉镇")},
    "230103": {"name": "南岗区", "report": "230103_nangang.txt", "roads": ("学府路", "红旗大街"),
               "school": "南岗区第九小学", "streets": ("王岗镇", "哈西街道", "芦家街道")},
}


def _fixture_gazetteer(code, spec, path):
    """Synthetic positions inside the bundled outline (test data, not real sites): two crossing roads and a school."""
    outline = data.load_district_outline(code).geometry.iloc[0]
    centre = outline.representative_point()
    east_west = shapely.LineString([(centre.x - 0.02, centre.y), (centre.x + 0.02, centre.y)]).intersection(outline)
    north_south = shapely.LineString([(centre.x, centre.y - 0.02), (centre.x, centre.y + 0.02)]).intersection(outline)
    school = shapely.Point(centre.x + 0.001, centre.y + 0.001)
    assert outline.contains(school)
    rows = [(spec["roads"][0], east_west), (spec["roads"][1], north_south), (spec["school"], school)]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "lon", "lat", "datum", "accuracy_m", "source", "wkt"])
        for name, geom in rows:
            point = geom.representative_point()
            writer.writerow([name, f"{point.x:.6f}", f"{point.y:.6f}", "wgs84", 300,
                             "test fixture: synthetic position inside the bundled outline", geom.wkt])
    return path


def _build(tmp_path, *args):
    result = CliRunner().invoke(main, ["build", "--offline", "--basemap", "none", "--out-dir", str(tmp_path), *args])
    assert result.exit_code == 0, (result.output, result.exception)
    return result


@pytest.fixture(scope="module", params=sorted(DISTRICTS))
def district_build(request, tmp_path_factory):
    code = request.param
    spec = DISTRICTS[code]
    out = tmp_path_factory.mktemp(f"build_{code}")
    gazetteer = _fixture_gazetteer(code, spec, out / "sites.csv")
    result = _build(out, "--report", str(REPORTS / spec["report"]), "--district-code", code,
                    "--gazetteer", str(gazetteer))
    return code, spec, out, result


def test_far_districts_are_titled_by_their_bundled_name(district_build):
    code, spec, out, _ = district_build
    outline = json.loads((out / "layers" / "district_outline.geojson").read_text(encoding="utf-8"))["features"]
    assert [(f["properties"]["code"], f["properties"]["name"]) for f in outline] == [(code, spec["name"])]
    for page in ("projects.html", "coverage.html", "index.html"):
        html = (out / "maps_out" / page).read_text(encoding="utf-8")
        assert f"{spec['name']} 政府工作报告项目" in html, page
        assert "天桥区" not in html, page
    assert (out / "maps_out" / "coverage.md").read_text(encoding="utf-8").startswith(f"## {spec['name']}: ")


def test_far_districts_list_their_street_names_without_polygons(district_build):
    code, spec, out, result = district_build
    expected = [s["name"] for s in data.subdistrict_names(code)]
    assert set(spec["streets"]) <= set(expected)
    coverage_md = (out / "maps_out" / "coverage.md").read_text(encoding="utf-8")
    import pandas as pd

    coverage_csv = pd.read_csv(out / "maps_out" / "coverage.csv", encoding="utf-8-sig", dtype={"code": str})
    listed = "、".join(expected)
    for text in (coverage_md, coverage_csv["boundary_source"].iloc[0]):
        assert f"its {len(expected)} 街道/乡镇 are known by name only" in text and listed in text
        assert "cannot be joined without --districts" in text
    zones = json.loads((out / "layers" / "subdistricts.geojson").read_text(encoding="utf-8"))["features"]
    assert [(z["properties"]["code"], z["properties"]["name"]) for z in zones] == [(code, spec["name"])]
    # 南岗区 and 龙华区 have 镇 (and a 乡) among their 街道: "no 街道/乡镇 polygons" there.
    assert f"{code} {spec['name']}: no {zone_level(expected)} polygons are bundled" in result.stderr
    assert "does not fit" not in result.stderr


def test_far_districts_place_their_projects_inside_the_outline(district_build):
    code, spec, out, _ = district_build
    projects = json.loads((out / "projects.geojson").read_text(encoding="utf-8"))["features"]
    placed = {p["properties"]["name"]: p for p in projects if p["geometry"] is not None}
    assert {*spec["roads"], spec["school"]} <= set(placed)
    for name in (*spec["roads"], spec["school"]):
        assert [s["code"] for s in placed[name]["properties"]["subdistricts"]] == [code], name
    with open(out / "maps_out" / "coverage.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 2  # one tidy table: its header and the district as its one zone
    zone_row = dict(zip(rows[0], rows[1]))
    assert zone_row["code"] == code and int(zone_row["projects"]) == 3


def test_district_name_names_the_district_everywhere(tmp_path):
    result = _build(tmp_path, "--report", str(REPORTS / "230103_nangang.txt"), "--district-code", "230103",
                    "--district-name", "哈尔滨市南岗区")
    outline = json.loads((tmp_path / "layers" / "district_outline.geojson").read_text(encoding="utf-8"))
    assert outline["features"][0]["properties"]["name"] == "哈尔滨市南岗区"
    assert "哈尔滨市南岗区 政府工作报告项目" in (tmp_path / "maps_out" / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "maps_out" / "coverage.md").read_text(encoding="utf-8").startswith("## 哈尔滨市南岗区: ")
    exported = tmp_path / "outline.csv"
    export = CliRunner().invoke(main, ["export", "district_outline", "--format", "csv", "-o", str(exported),
                                       "--layers-dir", str(tmp_path / "layers")])
    assert export.exit_code == 0, export.output
    assert "哈尔滨市南岗区" in exported.read_text(encoding="utf-8-sig")
    assert "哈尔滨市南岗区: no 街道/乡镇 polygons" in result.stderr


def test_district_name_alone_chooses_the_county_it_names(tmp_path):
    _build(tmp_path, "--report", str(REPORTS / "650102_tianshan.txt"), "--district-name", "乌鲁木齐市天山區")
    outline = json.loads((tmp_path / "layers" / "district_outline.geojson").read_text(encoding="utf-8"))
    assert outline["features"][0]["properties"]["code"] == "650102"
    zones = json.loads((tmp_path / "layers" / "subdistricts.geojson").read_text(encoding="utf-8"))
    assert not any(f["properties"]["code"].startswith("370105") for f in zones["features"])


@pytest.mark.parametrize("args, message", [
    (("--district-name", "朝阳区"), "朝阳区 names 2 districts: 北京市朝阳区 (110105), 吉林省长春市朝阳区 (220104)"),
    (("--district-name", "天山区", "--district-code", "510107"),
     "天山区 is 新疆维吾尔自治区乌鲁木齐市天山区 (650102), not --district-code 四川省成都市武侯区 (510107)"),
])
def test_district_name_that_cannot_choose_one_county_is_refused(tmp_path, args, message):
    result = CliRunner().invoke(main, ["build", "--basemap", "none", "--out-dir", str(tmp_path),
                                       "--report", str(REPORTS / "650102_tianshan.txt"), *args])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "projects.geojson").exists() and not (tmp_path / "layers").exists()


def test_district_name_of_no_county_labels_the_default_with_a_warning(tmp_path):
    result = _build(tmp_path, "--report", str(REPORTS / "650102_tianshan.txt"), "--district-name", "天桥示范区")
    assert "--district-name 天桥示范区 names no county of the bundled tables, so it labels the default district " \
           "山东省济南市天桥区 (370105)" in result.stderr
    outline = json.loads((tmp_path / "layers" / "district_outline.geojson").read_text(encoding="utf-8"))
    assert outline["features"][0]["properties"]["name"] == "天桥示范区"


def test_district_name_of_another_county_than_the_stored_layers_is_refused(tmp_path):
    _build(tmp_path, "--report", str(REPORTS / "650102_tianshan.txt"), "--district-code", "650102")
    before = (tmp_path / "maps_out" / "index.html").read_bytes()
    result = CliRunner().invoke(main, ["render", "--district-name", "天桥区", "--layers-dir", str(tmp_path / "layers"),
                                       "-p", str(tmp_path / "projects.geojson"), "-o", str(tmp_path / "maps_out")])
    assert result.exit_code != 0
    assert "holds the district 新疆维吾尔自治区乌鲁木齐市天山区 (650102), not 天桥区" in result.output
    assert (tmp_path / "maps_out" / "index.html").read_bytes() == before


def test_report_of_another_district_on_the_default_says_so_once(tmp_path):
    result = _build(tmp_path, "--report", str(REPORTS / "650102_tianshan.txt"))
    lines = [line for line in result.stderr.splitlines() if "does not fit" in line]
    assert len(lines) == 1
    line = lines[0]
    assert line.startswith("warning: the report does not fit 天桥区: none of the 6 named projects was placed")
    assert "mention only places outside 天桥区" in line and "燕儿窝街道" in line
    assert "新疆维吾尔自治区乌鲁木齐市天山区 (650102): pass --district-code 650102" in line


def test_report_of_its_own_district_raises_no_fit_warning(tmp_path):
    result = _build(tmp_path)  # the bundled Tianqiao report on the default district
    assert "does not fit" not in result.stderr and "warning" not in result.stderr


def test_geocode_stage_warns_too(tmp_path):
    projects = tmp_path / "projects.geojson"
    assert CliRunner().invoke(main, ["extract", str(REPORTS / "460106_longhua.txt"), "-o", str(projects)]).exit_code == 0
    result = CliRunner().invoke(main, ["geocode", "-p", str(projects), "--layers-dir", str(tmp_path / "layers")])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "none of the 6 named projects was placed in 天桥区" in warnings[0]
    # 龙华区 is also a district of 深圳; 遵谭镇 settles it.
    assert "they point to 海南省海口市龙华区 (460106): pass --district-code 460106" in warnings[0]


def test_far_districts_one_zone_is_labelled_the_district_not_official_street_boundaries(district_build):
    # The district as its one zone (no 街道 polygons bundled) was labelled boundary_quality "official":
    # `geo layers`, the maps' legends and index said "街道 boundaries: official" of a simplified outline.
    code, spec, out, _ = district_build
    zones = json.loads((out / "layers" / "subdistricts.geojson").read_text(encoding="utf-8"))["features"]
    assert [z["properties"]["boundary_quality"] for z in zones] == ["outline"]
    with open(out / "maps_out" / "coverage.csv", encoding="utf-8-sig", newline="") as handle:
        assert [row["boundary_quality"] for row in csv.DictReader(handle)] == ["outline"]
    coverage_md = (out / "maps_out" / "coverage.md").read_text(encoding="utf-8")
    assert "Boundaries: official" not in coverage_md
    assert "Boundaries: no 街道 boundaries, the district outline is the one zone" in coverage_md
    for page in ("projects.html", "coverage.html", "index.html"):
        html = (out / "maps_out" / page).read_text(encoding="utf-8")
        assert "街道 boundaries: official" not in html, page
        assert "街道 boundaries: none (the district is one zone)" in html, page
    listed = CliRunner().invoke(main, ["layers", "--layers-dir", str(out / "layers")])
    assert "街道 boundaries: none (the district is one zone)" in listed.output


def test_a_project_named_after_the_district_is_not_placed_in_its_one_zone(tmp_path):
    # 天山区图书馆新馆 was "placed inside 天山区 (accuracy spans the 街道)" at the middle of the district,
    # its source "街道 polygon of 天山区": the district's name is no site, as it is none where 街道 are drawn.
    report = tmp_path / "report.txt"
    report.write_text("新建天山区图书馆新馆，新建燕儿窝街道社区卫生服务中心。\n", encoding="utf-8")
    _build(tmp_path, "--report", str(report), "--district-code", "650102")
    projects = json.loads((tmp_path / "projects.geojson").read_text(encoding="utf-8"))["features"]
    library = next(p for p in projects if p["properties"]["name"] == "天山区图书馆新馆")
    assert library["geometry"] is None
    assert library["properties"]["geocode"]["status"] == "unlocated"
