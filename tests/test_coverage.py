"""Tests for geo.coverage: per-街道 counts, district-wide records, gaps, reconciled totals and the four formats."""

import csv
import io
import json
import re
import unicodedata

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import LineString, Point, box

from geo.catalog import features_to_gdf
from geo.coverage import GROUP_REASON, PLANNER_CATEGORIES, coverage_report, coverage_tables, format_coverage
from geo.crs import metric_crs_for
from geo.data import category_codes
from geo.io import InputError
from geo.join import allocate_to_zones

X0, Y0, D = 117.0, 36.7, 0.01
METRIC_CRS = metric_crs_for(Point(X0, Y0))  # the zone allocate_to_zones measures these fixtures in
SW, SE, NW, NE = "370105004", "370105001", "370105003", "370105002"
NAMES = {SW: "无影山街道", SE: "天桥东街街道", NW: "北村街道", NE: "南村街道"}
CELLS = {SW: box(X0, Y0, X0 + D, Y0 + D), SE: box(X0 + D, Y0, X0 + 2 * D, Y0 + D),
         NW: box(X0, Y0 + D, X0 + D, Y0 + 2 * D), NE: box(X0 + D, Y0 + D, X0 + 2 * D, Y0 + 2 * D)}


def _zones(order=(SW, SE, NW, NE)):
    return gpd.GeoDataFrame({"code": list(order), "name": [NAMES[c] for c in order],
                             "boundary_quality": "approximate", "source": "test"},
                            geometry=[CELLS[c] for c in order], crs="EPSG:4326")


def _feature(fid, category, geometry, *, named=True, quantity=None, measures=None, reason=None):
    props = {"id": fid, "name": f"项目{fid}", "category": category, "named": named, "quantity": quantity}
    if measures is not None:
        props["measures"] = measures
    if reason is not None:
        props["geocode"] = {"status": "unlocated", "reason": reason}
    return {"id": fid, "properties": props, "geometry": geometry}


def _features():
    """Six projects in the district, one outside, three district-wide; the NE 街道 gets none."""
    return [
        _feature("school-a", "school", Point(X0 + 0.003, Y0 + 0.003)),  # SW
        _feature("school-b", "school", Point(X0 + 0.015, Y0 + 0.004)),  # SE
        _feature("clinic", "health", Point(X0 + 0.006, Y0 + 0.002)),  # SW
        _feature("road-east", "road_rebuild", LineString([(X0 + 0.002, Y0 + 0.005), (X0 + 0.018, Y0 + 0.006)])),
        _feature("road-green", "road_greening", LineString([(X0 - 0.006, Y0 + 0.008), (X0 + 0.004, Y0 + 0.008)])),
        _feature("park", "park", box(X0 + 0.002, Y0 + 0.008, X0 + 0.006, Y0 + 0.013)),  # SW and NW
        _feature("market-far", "market", Point(X0 + 0.05, Y0 + 0.005)),  # east of the district
        _feature("schools", "school", None, named=False, quantity={"value": 10, "unit": "所"},
                 measures=[{"value": 4500, "unit": "个", "noun": "学位"}, "新建校舍3.5万平方米"]),
        _feature("library", "culture", None, reason="no match in the gazetteer"),
        _feature("greening-group", "road_greening", Point(X0 + 0.015, Y0 + 0.015), named=False,
                 quantity={"value": 13, "unit": "条"}),  # a group, even though it has a point
    ]


def _report(features=None, zones=None, quality="approximate", **kwargs):
    features = _features() if features is None else features
    zones = _zones() if zones is None else zones
    projects = features_to_gdf(features)
    allocations = allocate_to_zones(projects, zones)
    return coverage_report(projects, allocations, zones, boundary_source="test seats (Voronoi)",
                           boundary_quality=quality, district_name="天桥区", features=features, **kwargs)


# --------------------------------------------------------------------------- the report


def test_totals_reconcile_with_the_catalog():
    report = _report()
    counts = report.header["counts"]
    assert counts["catalog"] == len(_features())
    assert counts["located_in_district"] + counts["outside_district"] + counts["district_wide"] == counts["catalog"]
    assert (counts["located_in_district"], counts["outside_district"], counts["district_wide"]) == (6, 1, 3)
    # The road and the park cross two 街道 each: pairs exceed distinct projects by two.
    assert counts["project_zone_pairs"] == report.by_subdistrict["projects"].sum() == 8
    assert report.totals["located_in_district"] == 6
    assert report.totals["by_category"]["school"] == {
        "in_district": 2, "outside_district": 0, "district_wide": 1, "zones_with": 2}


def test_projects_located_outside_the_district_are_named_in_the_summary():
    report = _report()
    assert report.header["outside_district"] == ["项目market-far"]
    for fmt in ("table", "md"):
        assert ("1 located in no 街道 (outside the district, or where its 街道 leave a gap) (项目market-far) "
                "+ 3 district-wide") in format_coverage(report, fmt)
    features = _features()
    far = next(f for f in features if f["properties"]["name"] == "项目market-far")
    far["properties"]["name"] = "远\n市场\x1b[31m"  # a name read from data stays one line, inert
    table = format_coverage(_report(features=features), "table")
    assert "leave a gap) (远\\n市场\\x1b[31m)" in table and "\x1b" not in table


def test_every_zone_has_a_row_even_without_projects():
    report = _report(zones=_zones(order=(NE, NW, SE, SW)))
    frame = report.by_subdistrict
    assert frame["code"].tolist() == sorted(CELLS)
    assert list(frame.columns) == (["code", "name", "projects"] + category_codes()
                                   + ["road_km_rebuild", "road_km_greening", "road_km_new", "shared_edge_km"])
    empty = frame.set_index("code").loc[NE]
    assert empty["name"] == NAMES[NE]
    assert empty.drop(["name", "shared_edge_km"]).sum() == 0  # the NE 街道's point belongs to a counted group
    assert report.totals["zones_without_projects"] == 1
    for fmt in ("md", "table", "csv"):  # listed, not dropped
        assert NAMES[NE] in format_coverage(report, fmt).split("Gaps")[0]
    sw = frame.set_index("code").loc[SW]
    assert (sw["projects"], sw["school"], sw["health"], sw["park"], sw["road_greening"]) == (5, 1, 1, 1, 1)


def test_road_km_per_zone_and_total_line_km():
    features = _features()
    report = _report(features)
    frame = report.by_subdistrict.set_index("code")
    projects = features_to_gdf(features)
    zones = _zones()
    allocations = allocate_to_zones(projects, zones)
    road = allocations[allocations["id"] == "road-east"].set_index("code")["km"]
    assert sorted(road.index) == [SE, SW]
    for code, km in road.items():
        assert frame.loc[code, "road_km_rebuild"] == pytest.approx(km, abs=5e-4)
    # Independent measure: every line clipped to the union of the zones, in EPSG:4548.
    lines = projects[projects.geom_type == "LineString"]
    inside = lines.geometry.intersection(shapely.union_all(zones.geometry.values))
    expected = inside.to_crs(METRIC_CRS).length.sum() / 1000.0
    assert report.totals["line_km"] == pytest.approx(expected, rel=1e-3)
    # The greening road is 60% outside: only its inside part is counted.
    green = lines.set_index("id").loc[["road-green"]].to_crs(METRIC_CRS).length.iloc[0] / 1000.0
    assert report.totals["road_km_greening"] == pytest.approx(0.4 * green, abs=5e-4)
    assert frame["road_km_rebuild"].sum() == pytest.approx(report.totals["road_km_rebuild"], abs=1e-3)


def test_km_of_lines_lying_in_no_zone_are_stated_as_counted_nowhere():
    # QGIS's sumlinelengths gives the km inside each 街道 only, as coverage.csv does; what a road has beyond the
    # district (or in a gap between 街道) was said nowhere: the totals and the texts now give it.
    features = _features()
    report = _report(features)
    projects = features_to_gdf(features)
    lines = projects[projects.geom_type == "LineString"]
    inside = lines.geometry.intersection(shapely.union_all(_zones().geometry.values))
    crossing = ~inside.is_empty
    expected = (lines[crossing].to_crs(METRIC_CRS).length - inside[crossing].to_crs(METRIC_CRS).length).sum() / 1000.0
    assert expected > 0.1  # the greening road, 60% outside
    assert report.totals["line_km_outside"] == pytest.approx(expected, rel=1e-3)
    said = f"{report.totals['line_km_outside']:.3f} km more of these lines lie in no 街道"
    assert said in format_coverage(report, "table") and said in format_coverage(report, "md")
    assert coverage_tables(report)["coverage_totals.csv"].set_index("key").loc["line_km_outside", "value"] > 0.1


def test_new_road_km_per_zone_and_in_the_totals():
    # 新建 roads were counted per 街道 but their km were only in line_km: the road km columns
    # did not add up to it.
    new = _feature("road-new", "road_new", LineString([(X0 + 0.012, Y0 + 0.002), (X0 + 0.012, Y0 + 0.018)]))
    features = _features() + [new]
    report = _report(features)
    km = allocate_to_zones(features_to_gdf([new]), _zones()).set_index("code")["km"]
    frame = report.by_subdistrict.set_index("code")
    assert sorted(km.index) == sorted([NE, SE])
    for code, value in km.items():
        assert frame.loc[code, "road_km_new"] == pytest.approx(value, abs=5e-4)
    t = report.totals
    assert t["road_km_new"] == pytest.approx(km.sum(), abs=5e-4)
    assert t["line_km"] == pytest.approx(t["road_km_rebuild"] + t["road_km_greening"] + t["road_km_new"], abs=1e-3)
    assert "new road" in format_coverage(report, "table") and "road km new" in format_coverage(report, "md")


def test_projects_on_a_shared_edge_are_named_with_their_km_and_the_zone_they_counted_in(tmp_path):
    # A line along the edge two 街道 share counts once, in the smaller code, where QGIS's Sum line lengths counts
    # it in both: a planner checking the km in QGIS saw more there and nothing said why.
    along = _feature("road-edge", "road_rebuild", LineString([(X0 + D, Y0 + 0.002), (X0 + D, Y0 + 0.008)]))
    on_edge = _feature("school-edge", "school", Point(X0 + D, Y0 + 0.009))
    report = _report(_features() + [along, on_edge])
    rows = {row["id"]: row for row in report.shared_edges}
    assert sorted(rows) == ["road-edge", "school-edge"]
    assert rows["road-edge"]["counted_in"] == SE and rows["road-edge"]["codes"] == [SE, SW]
    km = rows["road-edge"]["km"]
    assert km == pytest.approx(0.667, abs=2e-3)
    assert report.totals["line_km_along_shared_edges"] == pytest.approx(km, abs=1e-3)
    assert report.totals["points_on_shared_edges"] == 1
    said = f"项目road-edge (road_rebuild): {km:.3f} km along the edge of 天桥东街街道 and 无影山街道, counted in 天桥东街街道 only"
    point = "项目school-edge (school): a point on the edge of 天桥东街街道 and 无影山街道, counted in 天桥东街街道 only"
    md, table = format_coverage(report, "md"), format_coverage(report, "table")
    assert "### On an edge two 街道 share" in md and f"- {said}" in md and f"- {point}" in md
    assert "within 0.05 m of two 街道" in md and said in table and point in table
    assert json.loads(format_coverage(report, "json"))["shared_edges"] == report.shared_edges
    totals = coverage_tables(report)["coverage_totals.csv"].set_index("key")["value"]
    assert totals["line_km_along_shared_edges"] == pytest.approx(km, abs=1e-3)
    assert "On an edge" not in format_coverage(_report(), "md")  # none: no section
    import openpyxl

    from geo.workbook import write_workbook

    path = write_workbook(tmp_path / "coverage.xlsx", report, coverage_tables(report))
    notes = [row[2] for row in openpyxl.load_workbook(path)["说明"].iter_rows(min_row=2, values_only=True)
             if row[1] == "共用边界 Shared edge"]
    assert "只计入编码较小的街道" in notes[0] and notes[1:] == [said, point]  # by id


def test_a_line_located_in_no_zone_is_given_with_its_km():
    # A line wholly outside the district was named in the summary, its km said nowhere.
    far = _feature("road-far", "road_greening", LineString([(X0 + 0.05, Y0 + 0.002), (X0 + 0.05, Y0 + 0.008)]))
    report = _report(_features() + [far])
    assert report.header["outside_district"] == ["项目market-far", "项目road-far"]
    assert report.header["outside_district_km"] == [None, pytest.approx(0.667, abs=2e-3)]
    km = report.header["outside_district_km"][1]
    assert report.totals["line_km_wholly_outside"] == pytest.approx(km)
    for fmt in ("md", "table"):
        text = format_coverage(report, fmt)
        assert f"(项目market-far、项目road-far, a line of {km:.3f} km)" in text
        assert f"{km:.3f} km of lines located in no 街道 count nowhere either" in text


def test_district_wide_rows_have_quantity_and_reason():
    wide = _report().district_wide
    assert list(wide.columns) == ["id", "name", "category", "quantity", "reason"]
    rows = {r["id"]: r for r in wide.to_dict("records")}
    assert list(wide["id"]) == ["library", "greening-group", "schools"]  # by (category, id)
    assert rows["schools"]["quantity"] == "10所; 学位4500个; 新建校舍3.5万平方米"
    assert rows["schools"]["reason"] == GROUP_REASON
    assert rows["library"]["reason"] == "no match in the gazetteer"
    assert rows["greening-group"]["quantity"] == "13条"


def test_the_rest_of_a_count_says_the_reports_count_and_its_named_members():
    # 文三路、古墩路、天目山路等13条道路: the district-wide row 其余道路 said "10条" only, and the report's
    # 13条 appeared in no output: a planner reconciling with the report found 10 where it says 13.
    # The 3 named roads count in their 街道, the row the 10 others: nothing is counted twice.
    features = _features()
    group = features[-1]["properties"]
    group.update(quantity={"value": 10, "unit": "条"}, group_total={"value": 13, "unit": "条"})
    for member in features[3:5]:
        member["properties"]["group"] = group["id"]
    report = _report(features)
    rows = {r["id"]: r for r in report.district_wide.to_dict("records")}
    assert rows["greening-group"]["quantity"] == "10条（共13条，其中3条已列名）"
    assert rows["schools"]["quantity"] == "10所; 学位4500个; 新建校舍3.5万平方米"  # a count with no named member
    assert report.totals["district_wide"] == 3


def test_district_wide_without_features_uses_flat_quantity():
    features = _features()
    projects = features_to_gdf(features)
    zones = _zones()
    report = coverage_report(projects, allocate_to_zones(projects, zones), zones, boundary_source="s",
                             boundary_quality="official", district_name="天桥区")
    assert report.district_wide.set_index("id").loc["schools", "quantity"] == "10所"


def test_gaps_list_zones_without_each_category():
    report = _report()
    names = [NAMES[c] for c in sorted(CELLS)]  # code order
    assert report.gaps["school"] == [n for c, n in zip(sorted(CELLS), names) if c in (NW, NE)]
    assert report.gaps["market"] == names  # its only project lies outside the district
    assert report.gaps["culture"] == names  # unlocated
    assert "sanitation" not in report.gaps and "sports" not in report.gaps  # not in the catalog
    planner = _report(gap_categories=PLANNER_CATEGORIES)
    assert list(planner.gaps) == list(PLANNER_CATEGORIES)
    assert planner.gaps["sanitation"] == names


def test_report_is_independent_of_input_order():
    features = _features()
    reference = {fmt: format_coverage(_report(features), fmt) for fmt in ("table", "csv", "json", "md")}
    shuffled = _report(features[::-1], zones=_zones(order=(NW, SE, NE, SW)))
    for fmt, text in reference.items():
        assert format_coverage(shuffled, fmt) == text


# --------------------------------------------------------------------------- formats


def test_every_coverage_table_is_one_tidy_table_for_pandas_and_csv(tmp_path):
    import pandas as pd

    from geo.coverage import csv_text

    report = _report()
    tables = coverage_tables(report)
    assert list(tables) == ["coverage.csv", "coverage_districtwide.csv", "coverage_gaps.csv", "coverage_totals.csv"]
    for name, table in tables.items():
        path = tmp_path / name
        path.write_text("\ufeff" + csv_text(table), encoding="utf-8")
        frame = pd.read_csv(path, encoding="utf-8-sig", dtype={"code": str})
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        assert frame.shape == table.shape and list(frame.columns) == list(table.columns), name
        assert len({len(r) for r in rows}) == 1 and len(rows) == len(table) + 1, name  # one header, equal rows
    zones = pd.read_csv(tmp_path / "coverage.csv", encoding="utf-8-sig", dtype={"code": str})
    assert list(zones["code"]) == sorted(CELLS)
    assert dict(zip(zones["code"], zones["school"])) == dict(zip(report.by_subdistrict["code"],
                                                                 report.by_subdistrict["school"]))
    assert zones["school"].dtype.kind == "i" and zones["road_km_rebuild"].dtype.kind == "f"
    assert set(zones["boundary_quality"]) == {"approximate"} and set(zones["district"]) == {"天桥区"}
    assert set(zones["boundary_source"]) == {"test seats (Voronoi)"}
    wide = pd.read_csv(tmp_path / "coverage_districtwide.csv", encoding="utf-8-sig")
    assert list(wide["id"]) == list(report.district_wide["id"])
    gaps = pd.read_csv(tmp_path / "coverage_gaps.csv", encoding="utf-8-sig", dtype={"code": str})
    school = gaps[gaps["category"] == "school"]
    assert list(school["name"]) == report.gaps["school"] and set(school["code"]) <= set(CELLS)
    totals = pd.read_csv(tmp_path / "coverage_totals.csv", encoding="utf-8-sig")
    assert dict(zip(totals["key"], totals["value"]))["catalog"] == len(_features())
    written = dict(csv.reader(io.StringIO((tmp_path / "coverage_totals.csv").read_text(encoding="utf-8-sig"))))
    assert written["catalog"] == str(len(_features()))  # a count is written as one (22, not 22.000)
    assert re.fullmatch(r"\d+\.\d{3}", written["line_km"])  # km with three decimals


def test_coverage_csv_written_to_a_file_opens_in_excel_like_the_build_one(tmp_path):
    """``geo coverage --format csv -o FILE`` is a file for Excel too: UTF-8 with a BOM, as the
    build's coverage.csv (Excel on Chinese Windows reads a CSV without one as GBK); the
    terminal gets no BOM."""
    from click.testing import CliRunner

    from geo.cli import main

    runner = CliRunner()
    assert runner.invoke(main, ["build", "--basemap", "none", "--out-dir", str(tmp_path)]).exit_code == 0
    args = ["coverage", "--format", "csv", "-p", str(tmp_path / "projects.geojson"),
            "--layers-dir", str(tmp_path / "layers")]
    result = runner.invoke(main, [*args, "-o", str(tmp_path / "覆盖.csv")])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "覆盖.csv").read_bytes()
    assert written == (tmp_path / "maps_out" / "coverage.csv").read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")
    assert not runner.invoke(main, args).stdout.startswith("\ufeff")
    assert (tmp_path / "覆盖.csvt").read_bytes() == (tmp_path / "maps_out" / "coverage.csvt").read_bytes()


def test_coverage_csvs_open_in_qgis_with_text_codes_and_numeric_counts(tmp_path):
    """QGIS (through GDAL) types a CSV's columns from the .csvt beside it: without one every
    column is text, so counts cannot be styled or summed; a code read as a number would not
    join the 街道 layer's text codes either."""
    import pyogrio

    from geo.pipeline import write_coverage

    write_coverage(_report(), tmp_path)
    types = dict(zip(*[pyogrio.read_info(tmp_path / "coverage.csv")[key] for key in ("fields", "dtypes")]))
    assert types["code"] == "object" and types["name"] == "object" and types["boundary_quality"] == "object"
    assert types["school"] == "int32" and types["projects"] == "int32" and types["road_km_rebuild"] == "float64"
    frame = pyogrio.read_dataframe(tmp_path / "coverage.csv")
    assert sorted(frame["code"]) == sorted(CELLS)
    gaps = dict(zip(*[pyogrio.read_info(tmp_path / "coverage_gaps.csv")[key] for key in ("fields", "dtypes")]))
    assert gaps == {"category": "object", "category_label": "object", "code": "object", "name": "object"}
    totals = pyogrio.read_dataframe(tmp_path / "coverage_totals.csv")
    assert dict(zip(totals["key"], totals["value"]))["catalog"] == len(_features())
    for name in ("coverage.csv", "coverage_districtwide.csv", "coverage_gaps.csv", "coverage_totals.csv"):
        assert (tmp_path / name).with_suffix(".csvt").is_file(), name


QGIS_JOIN = """
from qgis.core import QgsProject, QgsVectorLayer, QgsVectorLayerJoinInfo
zones_path, *tables = sys.argv[1:]
zones = QgsVectorLayer(zones_path, "subdistricts", "ogr")
for argument in tables:
    provider, uri = argument.split(" ", 1)
    table = QgsVectorLayer(uri, "coverage", provider)
    QgsProject.instance().addMapLayers([zones, table], False)
    join = QgsVectorLayerJoinInfo()
    join.setJoinLayer(table)
    join.setJoinFieldName("code")
    join.setTargetFieldName("code")
    join.setUsingMemoryCache(True)
    join.setPrefix("coverage_")
    zones.addJoin(join)
    print("TYPES", provider, *(f"{f.name()}:{f.typeName().lower()}" for f in table.fields()))
    for zone in zones.getFeatures():
        print("ZONE", provider, zone["code"], zone["coverage_projects"], zone["coverage_school"], zone["coverage_name"])
    zones.removeJoin(table.id())
    log()
"""


def test_coverage_csv_added_in_qgis_joins_every_subdistrict_by_its_text_code(tmp_path):
    """In real QGIS, coverage.csv added as Delimited Text (the Data Source Manager) or dragged in
    (GDAL) has a text code, integer counts and real km, raises no error window, and joined to
    the 街道 layer by code gives every 街道 its counts."""
    from geo.pipeline import write_coverage
    from qgis_run import delimited_text_uri, run_in_qgis

    report = _report()
    write_coverage(report, tmp_path)
    _zones().to_file(tmp_path / "subdistricts.geojson", driver="GeoJSON")
    table = tmp_path / "coverage.csv"
    lines = run_in_qgis(QGIS_JOIN, tmp_path / "subdistricts.geojson",
                        f"delimitedtext {delimited_text_uri(table, geomType='none')}", f"ogr {table}")
    assert not [line for line in lines if line.startswith("LOG")], lines
    types = {line.split()[1]: dict(t.split(":") for t in line.split()[2:]) for line in lines if line.startswith("TYPES")}
    assert types["delimitedtext"]["code"] == "text" and types["ogr"]["code"] == "string"
    assert types["delimitedtext"]["school"] == "integer" and types["ogr"]["school"] == "integer"
    assert types["delimitedtext"]["road_km_rebuild"] == "double" and types["ogr"]["road_km_rebuild"] == "real"
    for provider in ("delimitedtext", "ogr"):
        joined = {code: (int(projects), int(school), name) for kind, where, code, projects, school, name in
                  (line.split() for line in lines if line.startswith("ZONE")) if where == provider}
        counts = report.by_subdistrict.set_index("code")
        assert joined == {code: (int(counts.loc[code, "projects"]), int(counts.loc[code, "school"]), NAMES[code])
                          for code in CELLS}, provider


def test_workbook_has_the_five_sheets_with_numbers_as_numbers(tmp_path):
    import openpyxl

    from geo.coverage import coverage_tables
    from geo.workbook import write_workbook

    report = _report(metric_crs="EPSG:4548")
    tables = coverage_tables(report)
    path = write_workbook(tmp_path / "coverage.xlsx", report, tables, {"报告 Report": "r.txt"})
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["按街道", "全区项目", "空白", "合计", "说明"]
    zones = book["按街道"]
    assert zones.freeze_panes == "A2"
    headings = [c.value for c in zones[1]]
    assert headings[:3] == ["代码 Code", "名称 Name", "项目数 Projects"] and "学校教育 School" in headings
    school = headings.index("学校教育 School") + 1
    assert [zones.cell(row=r, column=school).value for r in range(2, 6)] == list(report.by_subdistrict["school"])
    assert all(isinstance(zones.cell(row=r, column=3).value, int) for r in range(2, 6))
    km = zones.cell(row=2, column=headings.index("改造道路里程（公里） Road rebuild km") + 1)
    assert isinstance(km.value, float) and km.number_format == "0.000"
    # Printed as it is: landscape, the headings and the 街道 on every page.
    assert zones.page_setup.orientation == "landscape"
    assert (zones.print_title_rows, zones.print_title_cols) == ("$1:$1", "$A:$B")
    assert zones.column_dimensions["B"].width >= 2 * len("天桥东街街道")  # fitted to CJK names
    about = {row[1]: row[2] for row in book["说明"].iter_rows(min_row=2, values_only=True)}
    assert about["边界质量 Boundary quality"] == "approximate" and about["报告 Report"] == "r.txt"
    assert "EPSG:4548" in about["量算坐标系 Metric CRS (km², km along the ellipsoid)"]
    again = write_workbook(tmp_path / "again.xlsx", report, tables, {"报告 Report": "r.txt"})
    assert again.read_bytes() == path.read_bytes()


def test_the_workbooks_road_km_headings_say_km_in_chinese_too(tmp_path):
    # "改造道路 Road rebuild km" stood beside "道路改造 Road rebuild" (a count): 改造道路 is how a report
    # counts roads (改造道路13条), so a planner reading the Chinese read the km column as a number of roads.
    import openpyxl

    from geo.coverage import coverage_tables
    from geo.workbook import write_workbook

    report = _report(metric_crs="EPSG:4548")
    path = write_workbook(tmp_path / "coverage.xlsx", report, coverage_tables(report))
    headings = [c.value for c in openpyxl.load_workbook(path)["按街道"][1]]
    km = [h for h in headings if h.endswith(" km")]
    assert km == ["改造道路里程（公里） Road rebuild km", "绿化道路里程（公里） Road greening km",
                  "新建道路里程（公里） New road km", "与相邻街道共用边界长度（公里） Shared edge km"]
    assert "道路改造 Road rebuild" in headings  # the count keeps its own heading


QGIS_SHEETS = """
from qgis.core import QgsProviderRegistry, QgsVectorLayer
path = sys.argv[1]
for sublayer in QgsProviderRegistry.instance().querySublayers(path):
    layer = QgsVectorLayer(sublayer.uri(), sublayer.name(), "ogr")
    print("SHEET", sublayer.name(), layer.isValid(), layer.featureCount(),
          "|".join(f"{f.name()}:{f.typeName().lower()}" for f in layer.fields()))
    log()
"""


def test_workbook_sheets_open_in_qgis_with_their_headings_as_fields(tmp_path):
    """QGIS opens each sheet of coverage.xlsx as a table (GDAL's XLSX driver). GDAL takes the
    first row for the field names only when the second row holds a number: a sheet of text
    alone (全区项目, 空白, 说明) opened as Field1, Field2... with its headings as a first record."""
    import openpyxl

    from geo.coverage import coverage_tables
    from geo.workbook import write_workbook
    from qgis_run import run_in_qgis

    report = _report(metric_crs="EPSG:4548")
    path = write_workbook(tmp_path / "覆盖.xlsx", report, coverage_tables(report), {"报告 Report": "r.txt"})
    book = openpyxl.load_workbook(path)
    lines = run_in_qgis(QGIS_SHEETS, path)
    assert not [line for line in lines if line.startswith("LOG")], lines
    sheets = {}
    for line in lines:
        _, name, valid, count, fields = line.split(" ", 4)
        sheets[name] = (valid, int(count), dict(f.rsplit(":", 1) for f in fields.split("|")))
    assert list(sheets) == book.sheetnames
    for name, (valid, count, fields) in sheets.items():
        headings = [cell.value for cell in book[name][1]]
        assert (valid, count, list(fields)) == ("True", book[name].max_row - 1, headings), name
    zones = sheets["按街道"][2]
    assert zones["代码 Code"] == "string" and zones["项目数 Projects"] == "integer"
    assert zones["改造道路里程（公里） Road rebuild km"] == "real"
    assert sheets["空白"][2]["代码 Code"] == "string"


HOSTILE = {SW: '=HYPERLINK("http://evil","点我")', SE: "-2+3", NW: "<img src=x onerror=alert(1)>", NE: "北村\x07\n街道"}


def _hostile_report():
    zones = _zones()
    zones["name"] = [HOSTILE[c] for c in zones["code"]]
    return _report(zones=zones)


def test_workbook_built_on_windows_is_byte_identical(tmp_path, monkeypatch):
    """Python's zipfile marks each entry with the system that wrote it (Windows or Unix): the
    workbook must not, so a build on a planner's Windows PC gives the same bytes."""
    import sys

    from geo.coverage import coverage_tables
    from geo.workbook import write_workbook

    report = _report()
    here = write_workbook(tmp_path / "here.xlsx", report, coverage_tables(report)).read_bytes()
    monkeypatch.setattr(sys, "platform", "win32")
    on_windows = write_workbook(tmp_path / "windows.xlsx", report, coverage_tables(report)).read_bytes()
    assert on_windows == here


def test_names_opening_like_formulas_stay_text_in_the_workbook(tmp_path):
    import openpyxl

    from geo.coverage import coverage_tables
    from geo.workbook import write_workbook

    report = _hostile_report()
    path = write_workbook(tmp_path / "coverage.xlsx", report, coverage_tables(report))
    cells = [row[1] for row in openpyxl.load_workbook(path)["按街道"].iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in cells)
    assert {cell.value for cell in cells} == {HOSTILE[SW], "-2+3", HOSTILE[NW], "北村\ufffd\n街道"}


def test_a_text_longer_than_an_excel_cell_is_cut_to_fit_the_workbook(tmp_path):
    import openpyxl

    from geo.coverage import coverage_tables
    from geo.workbook import write_workbook

    zones = _zones()
    zones["name"] = ["北园" * 20_000 if code == SW else name for code, name in zip(zones["code"], zones["name"])]
    report = _report(zones=zones)
    path = write_workbook(tmp_path / "coverage.xlsx", report, coverage_tables(report))
    names = [row[1] for row in openpyxl.load_workbook(path)["按街道"].iter_rows(min_row=2, values_only=True)]
    [long] = [name for name in names if name.startswith("北园北园")]
    assert len(long) == 32_767 and long.endswith("…")  # Excel "repairs" a longer cell away


def test_names_opening_like_formulas_are_quoted_in_the_csv_tables():
    from geo.coverage import coverage_tables, csv_text

    for name in ("coverage.csv", "coverage_gaps.csv"):
        rows = list(csv.DictReader(io.StringIO(csv_text(coverage_tables(_hostile_report())[name]))))
        names = {row["name"] for row in rows}
        assert "'" + HOSTILE[SW] in names and "'-2+3" in names, name
        assert not any(n.startswith(("=", "+", "-", "@")) for n in names)


def test_markdown_and_terminal_table_show_hostile_names_literally():
    report = _hostile_report()
    markdown = format_coverage(report, "md")
    assert "<img" not in markdown and "&lt;img src=x onerror=alert(1)&gt;" in markdown
    assert "\x07" not in markdown and "北村  街道" in markdown  # one table row per 街道, no bell
    table = format_coverage(report, "table")
    assert "\x07" not in table and "北村\\x07\\n街道" in table


def test_json_holds_every_part():
    report = _report()
    data = json.loads(format_coverage(report, "json"))
    assert set(data) == {"header", "totals", "by_subdistrict", "district_wide", "gaps", "shared_edges",
                         "zone_overlaps"}
    assert data == json.loads(json.dumps(report.to_dict()))
    assert [r["code"] for r in data["by_subdistrict"]] == sorted(CELLS)
    assert data["header"]["boundary_quality"] == "approximate"


def test_approximate_boundaries_are_labelled_and_official_ones_are_not():
    approximate = _report(quality="approximate")
    official = _report(quality="official")
    md = format_coverage(approximate, "md")
    paragraph = md.split("\n\n")[1]
    assert "approximate" in paragraph and "test seats (Voronoi)" in paragraph
    for fmt in ("md", "table", "csv"):
        text = format_coverage(official, fmt)
        assert "approximate" not in text
        assert "official" in text
    assert set(approximate.by_subdistrict.columns) <= set(format_coverage(approximate, "csv").splitlines()[0].split(","))
    assert "approximate" in format_coverage(approximate, "table").splitlines()[1]


def test_openstreetmap_boundaries_are_labelled_not_official_in_every_format(tmp_path):
    import openpyxl

    from geo.coverage import coverage_tables
    from geo.workbook import write_workbook

    report = _report(quality="osm")
    for fmt in ("md", "table"):
        sentence = [line for line in format_coverage(report, fmt).splitlines() if "Boundaries:" in line][0]
        assert "Boundaries: OpenStreetMap, not official" in sentence and "neighbouring 街道" in sentence, fmt
    import csv
    import io

    assert {row["boundary_quality"] for row in csv.DictReader(io.StringIO(format_coverage(report, "csv")))} == {"osm"}
    path = write_workbook(tmp_path / "c.xlsx", report, coverage_tables(report), {})
    # the sheet's rows: 序号 No., item, value
    about = [row[1:] for row in openpyxl.load_workbook(path)["说明"].iter_rows(min_row=2, values_only=True)]
    assert ("边界质量 Boundary quality", "osm") in about
    assert any(key == "注意 Note" and "OpenStreetMap" in value and "非官方" in value for key, value in about)


def test_md_tables_have_one_row_per_zone():
    md = format_coverage(_report(), "md")
    block = md.split("### By 街道\n\n")[1].split("\n\n")[0].splitlines()
    assert len(block) == 2 + len(CELLS)
    assert all(line.count("|") == block[0].count("|") for line in block)
    assert "学校教育" in block[0] and "体育设施" not in block[0]  # all-zero categories left out


def test_a_countys_coverage_report_names_its_townships_as_such():
    # 婺源县's coverage.md had "projects by 街道", "### By 街道" and a 街道 column over 10 镇, 6 乡 and a 街道.
    townships = {SW: "江湾镇", SE: "段莘乡", NW: "蚺城街道", NE: "秋口镇"}
    zones = _zones().assign(name=lambda z: z["code"].map(townships))
    report = _report(zones=zones)
    md, table = format_coverage(report, "md"), format_coverage(report, "table")
    assert "projects by 街道/乡镇" in md and "### By 街道/乡镇\n\n| code | 街道/乡镇 | projects |" in md
    assert "project-街道/乡镇 pairs over 4 街道/乡镇" in md and "neighbouring 街道/乡镇" in md
    assert table.startswith("天桥区: projects by 街道/乡镇\n") and "Gaps (街道/乡镇 without any project" in table
    rural = _report(zones=zones.assign(name=lambda z: z["name"].str.replace("蚺城街道", "紫阳镇")))
    assert "### By 乡镇\n" in format_coverage(rural, "md")
    assert "### By 街道\n" in format_coverage(_report(), "md")  # a city district's stay 街道



def test_a_countys_workbook_names_its_zones_sheet_and_notes_by_its_townships(tmp_path):
    # 婺源县's coverage.xlsx opened on a sheet 按街道 of 10 镇 and 6 乡, its note speaking of 街道 boundaries,
    # while coverage.md, the maps and the index said 乡镇.
    import openpyxl

    from geo.coverage import coverage_tables
    from geo.workbook import write_workbook

    townships = {SW: "江湾镇", SE: "段莘乡", NW: "蚺城街道", NE: "秋口镇"}
    zones = _zones().assign(name=lambda z: z["code"].map(townships))
    for names, title, level in ((zones, "按街道乡镇", "街道/乡镇"),  # no "/" in a sheet's name
                                (zones.assign(name=lambda z: z["name"].str.replace("蚺城街道", "紫阳镇")), "按乡镇", "乡镇")):
        report = _report(zones=names)
        path = write_workbook(tmp_path / "coverage.xlsx", report, coverage_tables(report))
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == [title, "全区项目", "空白", "合计", "说明"]
        assert [row[1].value for row in book[title].iter_rows(min_row=2)] == list(report.by_subdistrict["name"])
        notes = [row[2].value for row in book["说明"].iter_rows(min_row=2) if row[1].value == "注意 Note"]
        assert notes and all(f"{level}边界为近似" in note and "街道边界" not in note for note in notes)

def _columns(text):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _spans(line):
    """(start, end) display columns of each space-separated token."""
    return [(_columns(line[:m.start()]), _columns(line[:m.end()])) for m in re.finditer(r"\S+", line)]


def test_table_aligns_cjk_names_by_display_width():
    text = format_coverage(_report(), "table")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("code"))
    rule, rows = lines[start + 1], lines[start + 2:start + 2 + len(CELLS)]
    assert set(rule) == {"-", " "}
    columns = _spans(rule)
    assert len({len(line) for line in rows}) > 1 or any(_columns(r) != len(r) for r in rows)  # CJK present
    for row in rows:
        spans = _spans(row)
        assert len(spans) == len(columns)
        # code and name are left-aligned, the counts and km right-aligned, all by display width.
        assert [s[0] for s in spans[:2]] == [c[0] for c in columns[:2]]
        assert [s[1] for s in spans[2:]] == [c[1] for c in columns[2:]]


def test_bad_quality_and_format_are_input_errors():
    with pytest.raises(InputError, match="unknown boundary quality 'rough'"):
        _report(quality="rough")
    with pytest.raises(InputError, match="unknown coverage format 'xlsx'"):
        format_coverage(_report(), "xlsx")
    with pytest.raises(InputError, match="unknown gap category 'schools'"):
        _report(gap_categories=["school", "schools"])


def test_allocations_for_unknown_projects_are_refused():
    features = _features()
    projects = features_to_gdf(features)
    zones = _zones()
    allocations = allocate_to_zones(projects, zones)
    with pytest.raises(InputError, match="not in the catalog: school-a"):
        coverage_report(projects[projects["id"] != "school-a"], allocations, zones, boundary_source="s",
                        boundary_quality="official", district_name="天桥区")


def test_coverage_written_to_a_file_takes_its_format_from_the_name_and_refuses_a_mismatch(tmp_path):
    # geo coverage -o 覆盖.csv wrote the terminal's fixed-width table into a .csv (Excel showed one
    # column of padded text), and --format md -o x.csv markdown; geo export chooses by the name.
    # A name without an extension gets the format's, as geo export gives it (-o 成果 wrote a file 成果).
    from click.testing import CliRunner

    from geo.cli import main

    runner = CliRunner()
    assert runner.invoke(main, ["build", "--basemap", "none", "--out-dir", str(tmp_path)]).exit_code == 0
    args = ["coverage", "-p", str(tmp_path / "projects.geojson"), "--layers-dir", str(tmp_path / "layers")]
    for name, same_as in (("覆盖.csv", "coverage.csv"), ("覆盖.md", "coverage.md")):
        result = runner.invoke(main, [*args, "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).read_bytes() == (tmp_path / "maps_out" / same_as).read_bytes()
    json_text = (runner.invoke(main, [*args, "-o", str(tmp_path / "c.json")]), (tmp_path / "c.json").read_text("utf-8"))
    assert json_text[0].exit_code == 0 and json.loads(json_text[1])
    result = runner.invoke(main, [*args, "--format", "md", "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 2 and "x.csv ends in .csv but --format is md" in result.output
    assert not (tmp_path / "x.csv").exists()
    result = runner.invoke(main, [*args, "--format", "table", "-o", str(tmp_path / "t.txt")])
    assert result.exit_code == 0 and (tmp_path / "t.txt").exists()
    for fmt, written in ((None, "成果.txt"), ("table", "成果.txt"), ("csv", "成果.csv"), ("md", "成果.md"),
                         ("json", "成果.json")):
        result = runner.invoke(main, [*args, *(["--format", fmt] if fmt else []), "-o", str(tmp_path / "成果")])
        assert result.exit_code == 0 and f"wrote {tmp_path / written}" in result.output, result.output
        assert not (tmp_path / "成果").exists() and (tmp_path / written).stat().st_size > 0
    assert (tmp_path / "成果.csv").read_bytes() == (tmp_path / "maps_out" / "coverage.csv").read_bytes()
    assert (tmp_path / "成果.csvt").read_bytes() == (tmp_path / "maps_out" / "coverage.csvt").read_bytes()


@pytest.mark.parametrize("fmt", [None, "csv", "table"])
@pytest.mark.parametrize("name", ["覆盖.xlsx", "覆盖.html", "覆盖.geojson", "覆盖.gpkg"])
def test_coverage_to_a_file_named_as_a_format_it_does_not_write_is_refused(tmp_path, fmt, name):
    # geo coverage --format csv -o 覆盖.xlsx wrote CSV text into a .xlsx, which Excel refuses to open
    # ("the file format or extension is not valid"); without --format it wrote the terminal table there.
    from click.testing import CliRunner

    from geo.cli import main

    runner = CliRunner()
    assert runner.invoke(main, ["build", "--basemap", "none", "--out-dir", str(tmp_path)]).exit_code == 0
    result = runner.invoke(main, ["coverage", "-p", str(tmp_path / "projects.geojson"), "--layers-dir",
                                  str(tmp_path / "layers"), *(["--format", fmt] if fmt else []),
                                  "-o", str(tmp_path / name)])
    assert result.exit_code == 2, result.output
    assert f"{name} ends in {name[name.index('.'):]}, which geo coverage does not write" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("names, by_zone", [(("丹江镇", "西江镇", "望丰乡", "达地水族乡"), "按乡镇"),
                                            (("龙头街道", "西江镇", "望丰乡", "达地水族乡"), "按街道乡镇")])
def test_a_county_workbook_names_its_sheets_and_headings_by_its_townships_and_the_county(tmp_path, names, by_zone):
    # 雷山县's workbook said 按街道 and 全区项目, and 区 District over 雷山县, for 乡镇 of a 县. A sheet
    # name holds no '/' (Excel refuses 按街道/乡镇).
    import openpyxl

    from geo.coverage import coverage_tables
    from geo.workbook import write_workbook

    zones = _zones().assign(name=list(names), boundary_quality="official")
    projects = features_to_gdf(_features())
    report = coverage_report(projects, allocate_to_zones(projects, zones), zones, boundary_source="乡镇.shp",
                             boundary_quality="official", district_name="雷山县", features=_features())
    book = openpyxl.load_workbook(write_workbook(tmp_path / "coverage.xlsx", report, coverage_tables(report)))
    assert book.sheetnames == [by_zone, "全县项目", "空白", "合计", "说明"]
    assert "县 District" in [c.value for c in book[by_zone][1]]
    assert [row[1] for row in book["说明"].iter_rows(min_row=2, max_row=2, values_only=True)] == ["县 District"]
    cells = [v for sheet in book for row in sheet.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    assert not [v for v in cells if "全区" in v or v.startswith("区 ")]


def test_a_workbook_of_thousands_of_jiedao_finds_each_row_it_writes_without_rereading_the_sheet(tmp_path, monkeypatch):
    # A row appended was looked up as sheet[sheet.max_row]: openpyxl finds max_row and max_column over
    # every cell of the sheet, so each row reread the sheet written so far. 5,000 街道 (a 村 layer, a
    # city's file) took 70 s of a 94 s build writing coverage.xlsx alone.
    import pandas as pd
    from openpyxl.worksheet.worksheet import Worksheet

    from geo.coverage import coverage_tables
    from geo.workbook import write_workbook

    scans = []
    for name in ("max_row", "max_column"):
        prop = getattr(Worksheet, name)
        monkeypatch.setattr(Worksheet, name, property(lambda sheet, p=prop: scans.append(1) or p.fget(sheet)))
    report = _report(metric_crs="EPSG:4548")
    tables = coverage_tables(report)
    rows = tables["coverage.csv"]
    tables["coverage.csv"] = pd.concat([rows] * 500, ignore_index=True)  # 2,000 街道
    path = write_workbook(tmp_path / "coverage.xlsx", report, tables)
    assert path.is_file()
    assert len(scans) < 100  # a few a sheet, not one a row
