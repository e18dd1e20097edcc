"""The planner's workbook: coverage.xlsx with sheets 按街道, 全区项目, 空白, 合计 and 说明 (a county's: 按乡镇, 全县项目), byte-stable."""

from __future__ import annotations

from pathlib import Path

from geo.xlsx_files import (ABOUT_SHEET, NUMBER_HEADING, append_row, cell_value, fit_columns, is_number,
                            save_workbook)

SHEETS = (("coverage.csv", "按街道"), ("coverage_districtwide.csv", "全区项目"), ("coverage_gaps.csv", "空白"),
          ("coverage_totals.csv", "合计"))
# Bilingual headings of the tables' columns (category columns take their labels from categories.csv).
HEADINGS = {
    "code": "代码 Code", "name": "名称 Name", "projects": "项目数 Projects",
    # 里程（公里）: 改造道路 alone reads as a report's count of roads (改造道路13条), beside the count column.
    "road_km_rebuild": "改造道路里程（公里） Road rebuild km", "road_km_greening": "绿化道路里程（公里） Road greening km",
    "road_km_new": "新建道路里程（公里） New road km",
    "shared_edge_km": "与相邻街道共用边界长度（公里） Shared edge km",
    "district": "区 District", "boundary_quality": "边界质量 Boundary quality",
    "boundary_source": "边界来源 Boundary source", "metric_crs": "量算坐标系 Metric CRS", "id": "编号 ID", "category": "类别 Category",
    "category_label": "类别名称 Category name", "quantity": "数量 Quantity", "reason": "原因 Reason",
    "key": "项目 Item", "value": "数值 Value",
}


def write_workbook(path, report, tables, about=None) -> Path:
    """Write the coverage workbook.

    Parameters
    ----------
    path : str or pathlib.Path
        Where to write ``coverage.xlsx`` (atomically, within the run's output set).
    report : geo.coverage.CoverageReport
        The report the tables come from; its header fills the 说明 sheet.
    tables : dict
        :func:`geo.coverage.coverage_tables`.
    about : dict, optional
        More rows for 说明, e.g. ``{"报告 Report": "tianqiao.txt"}``.

    Returns
    -------
    pathlib.Path
        ``path``. Headers are bilingual and frozen, columns fitted to their text, numbers
        stored as numbers; the file is byte-identical for equal inputs.
    """
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    words = _words(report)
    for name, title in SHEETS:
        _table_sheet(book.create_sheet(_said(title, words)), tables[name], words)
    _about_sheet(book.create_sheet(ABOUT_SHEET), report, about or {}, words)
    return save_workbook(book, path)


def _words(report) -> dict:
    """{"街道": the word for the report's zones (乡镇 in a rural county, :func:`geo.places.zone_level`),
    "区": the district's own (县 for a 县, :func:`geo.places.district_word`)}."""
    from geo.places import district_word, zone_level

    zones = report.by_subdistrict
    outline = report.header.get("boundary_quality") == "outline" or "name" not in zones.columns
    return {"街道": "街道" if outline else zone_level(zones["name"]),  # one zone, the outline: no level
            "区": district_word(report.header.get("district"))}


def _said(text: str, words: dict) -> str:
    """One of the workbook's own labels with 街道 and 区 said as ``words`` (:func:`_words`): 按乡镇 and
    全县项目 for a county; a sheet name holds no ``/`` (Excel refuses it): 按街道乡镇."""
    text = text.replace("全区", f"全{words['区']}").replace("区 District", f"{words['区']} District")
    return text.replace("街道", words["街道"].replace("/", "")) if text.startswith("按") else text.replace("街道", words["街道"])


def _heading(column: str, words=None) -> str:
    from geo.data import categories

    row = categories().get(column)
    if row:
        return f"{row['label_zh']} {row['label_en']}"
    return _said(HEADINGS.get(column, column), words or {"街道": "街道", "区": "区"})


def _table_sheet(sheet, table, words=None) -> None:
    from openpyxl.styles import Font

    first = next(table.itertuples(index=False, name=None), ())
    numbered = not any(is_number(cell_value(v)) for v in first)  # GDAL reads the headings from the second row's types
    sheet.append([NUMBER_HEADING] * numbered + [_heading(c, words) for c in table.columns])
    for number, row in enumerate(table.itertuples(index=False, name=None), 1):
        append_row(sheet, number + 1, [number] * numbered + [cell_value(v) for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, cells in zip([None] * numbered + list(table.columns), sheet.iter_cols(min_row=2)):
        if "km" in str(column).split("_"):  # road_km_rebuild, length_km
            for cell in cells:
                cell.number_format = "0.000"  # km as the CSV writes them
    sheet.freeze_panes = "A2"
    fit_columns(sheet)
    _print_setup(sheet)


def _print_setup(sheet) -> None:
    """Printed as it is: A4 landscape, the heading row and the 街道 code and name on every page
    (fitting all columns to one page width would shrink the text below reading size)."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = "1:1"
    sheet.print_title_cols = "A:B"


def _about_sheet(sheet, report, about, words=None) -> None:
    from openpyxl.styles import Font

    header = report.header
    rows = [(_said("区 District", words or {"街道": "街道", "区": "区"}), header.get("district")),
            ("边界质量 Boundary quality", header.get("boundary_quality")),
            ("边界来源 Boundary source", header.get("boundary_source")),
            ("存储坐标系 Storage CRS", "EPSG:4326 (WGS-84; CGCS2000 treated as equal)"),
            *about.items()]
    if header.get("metric_crs"):
        rows.insert(4, ("量算坐标系 Metric CRS (km², km along the ellipsoid)", header["metric_crs"]))
    if header.get("boundary_quality") == "approximate":
        rows.append(("注意 Note", "街道边界为近似 (Voronoi)，非官方边界；边界附近的项目可能属于相邻街道。"
                                  "Approximate 街道 boundaries, not official: a project near a boundary may "
                                  "belong to the neighbouring 街道."))
    if header.get("boundary_quality") == "osm":
        rows.append(("注意 Note", "街道边界取自 OpenStreetMap（ODbL），非官方边界；边界附近的项目可能属于相邻街道。"
                                  "街道 boundaries from OpenStreetMap (ODbL), not official: a project near a "
                                  "boundary may belong to the neighbouring 街道."))
    if words:  # the notes' 街道: 乡镇 in a county
        rows = [(key, _said(value, words) if key == "注意 Note" else value) for key, value in rows]
    rows += _shared_edge_rows(report, (words or {}).get("街道", "街道"))
    rows += _overlap_rows(report, (words or {}).get("街道", "街道"))
    sheet.append([NUMBER_HEADING, "项目 Item", "内容 Value"])
    for number, (key, value) in enumerate(rows, 1):
        append_row(sheet, number + 1, [number, key, cell_value(value)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    fit_columns(sheet)


def _shared_edge_rows(report, level) -> list:
    """The 说明 rows naming the projects on an edge two zones share and the zone they counted in, as coverage.md's
    section does (:func:`geo.coverage_text.shared_edge_lines`); none when there are none."""
    from geo.coverage_text import shared_edge_lines
    from geo.settings import JOIN_SNAP_M

    return _section_rows("共用边界 Shared edge", shared_edge_lines(report),
                         f"两个{level}共用边界上（距两者均在{JOIN_SNAP_M:g}米以内）的线段和点只计入编码较小的{level}；"
                         f"QGIS 的叠加统计（线长求和、点计数）可能计入两者、另一者或都不计。")


def _overlap_rows(report, level) -> list:
    """The 说明 rows naming the zones that overlap, by how much, and the projects lying there, as coverage.md's
    section does (:func:`geo.coverage_text.overlap_lines`); none when no pair overlaps."""
    from geo.coverage_text import overlap_lines
    from geo.settings import OVERLAP_TOLERANCE_M2

    return _section_rows("重叠 Overlap", overlap_lines(report),
                         f"两个{level}重叠（超过{OVERLAP_TOLERANCE_M2:g}平方米）处的项目只计入编码较小的{level}；"
                         f"QGIS 的叠加统计（点计数、线长求和）计入两者。")


def _section_rows(label, lines, rule) -> list:
    """A 说明 section's rows under ``label``: the ``rule`` and the section's intro, then one row per item of
    ``lines`` (an ``(intro, items)`` pair of geo.coverage_text); none when it has no item."""
    intro, items = lines
    if not items:
        return []
    return [(label, rule + intro)] + [(label, item) for item in items]
