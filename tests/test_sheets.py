"""Excel workbooks as planners keep them: several sheets, hidden ones, a sheet of instructions first, titles and two-row headers."""

import openpyxl
import pytest

from datum_oracle import metres, wgs84_to_bd09
from geo.gazetteer_files import load_file
from geo.io import InputError

# WGS-84 places in 成都市武侯区
SCHOOL, HOSPITAL = ("簇桥小学", (104.01512, 30.59534)), ("武侯区第一人民医院", (104.0436, 30.6426))


def _sheet(book, title, rows, hidden=False):
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append(row)
    if hidden:
        sheet.sheet_state = "hidden"
    return sheet


def _book(tmp_path, sheets):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows, *hidden in sheets:
        _sheet(book, title, rows, *hidden)
    book.save(tmp_path / "点位.xlsx")
    return tmp_path / "点位.xlsx"


def _table(*places):
    return [["序号", "项目名称", "经度", "纬度", "坐标系"]] + [[n, name, *lonlat, "CGCS2000"]
                                                          for n, (name, lonlat) in enumerate(places, 1)]


def _places(entries):
    return {e.name: (e.geometry.x, e.geometry.y) for e in entries}


def test_every_sheet_holding_a_table_is_read_and_the_sheets_are_named(tmp_path):
    # A sheet of schools and one of hospitals: the hospitals were left out without a word.
    path = _book(tmp_path, [("学校", _table(SCHOOL)), ("医院", _table(HOSPITAL))])
    warnings = []
    assert _places(load_file(path, warnings=warnings)) == {SCHOOL[0]: SCHOOL[1], HOSPITAL[0]: HOSPITAL[1]}
    assert warnings == [f"{path}: read sheets '学校', '医院'"]


def test_a_sheet_of_instructions_before_the_table_is_left_out_by_name(tmp_path):
    path = _book(tmp_path, [("填表说明", [["1. 坐标请使用CGCS2000经纬度"], ["2. 每个项目一行"]]), ("点位", _table(SCHOOL))])
    warnings = []
    assert _places(load_file(path, warnings=warnings)) == {SCHOOL[0]: SCHOOL[1]}
    assert warnings == [f"{path}: read sheet '点位'; left out sheet '填表说明' (no name and coordinate columns)"]


def test_a_hidden_sheet_is_not_read_even_when_it_holds_a_table(tmp_path):
    # A hidden sheet first (dropdown lists, last year's points): it was the one read.
    old = (SCHOOL[0], (104.02512, 30.59534))
    path = _book(tmp_path, [("旧点位", _table(old), True), ("点位", _table(SCHOOL))])
    warnings = []
    assert _places(load_file(path, warnings=warnings)) == {SCHOOL[0]: SCHOOL[1]}
    assert warnings == [f"{path}: read sheet '点位'; left out hidden sheet '旧点位'"]


def test_an_error_in_a_second_sheet_names_its_line_and_sheet(tmp_path):
    path = _book(tmp_path, [("学校", _table(SCHOOL)), ("医院", _table(HOSPITAL) + [[2, "区妇幼保健院", None, 30.6]])])
    with pytest.raises(InputError, match=r"line 3 of sheet '医院': missing lon or lat value"):
        load_file(path)


def test_a_one_sheet_workbook_says_nothing_of_sheets(tmp_path):
    warnings = []
    load_file(_book(tmp_path, [("Sheet1", _table(SCHOOL))]), warnings=warnings)
    assert warnings == []


def test_an_unmerged_title_and_a_filing_line_above_the_header_are_no_header(tmp_path):
    # Typed in A1 (centred across the columns, not merged) and a 填报单位 line: "needs a 'name' column
    # (found: 2025年民生实事项目点位表, , ,)" refused the file.
    rows = [["2025年民生实事项目点位表"], ["填报单位：武侯区住建局", None, None, "填报时间：2025年3月"]] + _table(SCHOOL)
    assert _places(load_file(_book(tmp_path, [("点位", rows)]))) == {SCHOOL[0]: SCHOOL[1]}


def test_a_two_row_header_with_a_merged_datum_cell_over_lon_and_lat_is_read_in_that_datum(tmp_path):
    # 序号 and 项目名称 merged over two rows, 百度坐标 merged over 经度 and 纬度: refused as
    # "column '百度坐标' appears 2 times in the header".
    baidu = wgs84_to_bd09(*HOSPITAL[1])
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2025年民生实事项目点位表"])
    sheet.append(["序号", "项目名称", "百度坐标", None, "备注"])
    sheet.append([None, None, "经度", "纬度", None])
    sheet.append([1, HOSPITAL[0], round(baidu[0], 6), round(baidu[1], 6), ""])
    for cells in ("A1:E1", "A2:A3", "B2:B3", "C2:D2", "E2:E3"):
        sheet.merge_cells(cells)
    book.save(tmp_path / "点位.xlsx")
    (entry,) = load_file(tmp_path / "点位.xlsx")
    assert (entry.name, entry.source_datum, entry.accuracy_m) == (HOSPITAL[0], "bd09", 50.0)
    assert metres((entry.geometry.x, entry.geometry.y), HOSPITAL[1]) < 0.5


def test_a_coordinate_cell_formatted_to_six_decimals_claims_the_digits_it_shows(tmp_path):
    # 34.200000 shown in a cell formatted 0.000000 is stored as 34.2: it was read as written to 0.1°
    # (5.6 km). A cell of the General format shows 34.2 and keeps that claim; a stored value with
    # more digits than its format shows (0.00 over 104.01512) keeps its digits.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["名称", "经度", "纬度", "坐标系", "精度"])
    sheet.append(["雁塔区第二中学", 108.9, 34.2, "wgs84", 5])
    sheet.append(["大雁塔北广场", 108.9, 34.2, "wgs84", 5])
    sheet.append(["簇桥小学", 104.01512, 30.59534, "wgs84", 5])
    for cell in ("B2", "C2"):
        sheet[cell].number_format = "0.000000"
    for cell in ("B4", "C4"):
        sheet[cell].number_format = "#,##0.00"
    book.save(tmp_path / "点位.xlsx")
    warnings = []
    school, square, cuqiao = load_file(tmp_path / "点位.xlsx", warnings=warnings)
    assert school.accuracy_m == 5 and "written to" not in school.method
    assert square.accuracy_m > 5000 and "lon/lat written to 0.1°" in square.method
    assert cuqiao.accuracy_m == 5 and (cuqiao.geometry.x, cuqiao.geometry.y) == (104.01512, 30.59534)


def test_a_datum_named_only_in_a_merged_title_over_the_header_is_applied_and_said(tmp_path):
    # 「武侯区医院名录（坐标系：百度BD-09）」 merged over the header: its Baidu coordinates were read as WGS-84
    # (about 700 m off), only claiming the 1,600 m of a datum not stated.
    baidu = wgs84_to_bd09(*HOSPITAL[1])
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["武侯区医院名录（坐标系：百度BD-09）"])
    sheet.append(["序号", "名称", "经度", "纬度"])
    sheet.append([1, HOSPITAL[0], round(baidu[0], 6), round(baidu[1], 6)])
    sheet.merge_cells("A1:D1")
    book.save(tmp_path / "名录.xlsx")
    warnings = []
    (entry,) = load_file(tmp_path / "名录.xlsx", warnings=warnings)
    assert (entry.source_datum, entry.accuracy_m) == ("bd09", 50.0)
    assert metres((entry.geometry.x, entry.geometry.y), HOSPITAL[1]) < 0.5
    assert warnings == [f"{tmp_path / '名录.xlsx'}: no column gives the datum of 1 of 1 entries; the title "
                        "'武侯区医院名录（坐标系：百度BD-09）' names 百度BD-09: applied to them"]


def _scripted_book(tmp_path, rows, title="学校"):
    # As openpyxl or pandas writes a workbook: formulas without the value Excel would save with them.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "点位.xlsx")
    return tmp_path / "点位.xlsx"


def test_a_formula_cell_with_no_saved_value_is_named_by_sheet_and_cell(tmp_path):
    # =D2/1000 written by a script: refused as 'line 2: missing lon or lat value', which the planner sees filled.
    path = _scripted_book(tmp_path, [["名称", "经度", "纬度", "x", "y"],
                                     [SCHOOL[0], 104.01512, 30.59534, 0, 0],
                                     ["武侯区第一人民医院", "=D3/1000", "=E3/1000", 104043.6, 30642.6]])
    with pytest.raises(InputError) as caught:
        load_file(path)
    assert str(caught.value) == (f"{path}: sheet '学校', cell B3 (经度) holds a formula with no saved value (=D3/1000), "
                                 "as a script writes it: open and save the file in Excel or WPS, or export it to CSV")


def test_a_row_of_formulas_with_no_saved_values_is_refused_not_dropped(tmp_path):
    # Every cell of the row a formula: the row read as empty and left out without a word.
    path = _scripted_book(tmp_path, [["名称", "经度", "纬度"], list(SCHOOL[:1]) + list(SCHOOL[1]),
                                     ["=Sheet2!A1", "=Sheet2!B1", "=Sheet2!C1"]], title="点位")
    with pytest.raises(InputError, match=r"sheet '点位', cell A3 \(名称\) holds a formula with no saved value"):
        load_file(path)


def _compound_file(path, stream):
    """A compound (OLE) file holding one stream named ``stream`` of 4,096 bytes, as Office's writers lay
    one out (MS-CFB, version 3): a FAT sector, a directory sector, then the stream's eight sectors."""
    import struct

    free, end, fat_sector, none = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + bytes(6) + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    fat = struct.pack("<II", fat_sector, end) + b"".join(struct.pack("<I", n + 1) for n in range(2, 9)) \
        + struct.pack("<I", end) + struct.pack("<I", free) * 118

    def entry(name, kind, child, start, size):
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1) + struct.pack("<III", none, none, child)
                + bytes(16 + 4 + 16) + struct.pack("<IQ", start, size))

    directory = entry("Root Entry", 5, 1, end, 0) + entry(stream, 2, none, 2, 4096) + entry("", 0, none, 0, 0) * 2
    path.write_bytes(header + fat + directory + bytes(4096))
    return path


@pytest.mark.parametrize("stream, said", [
    ("EncryptedPackage", "is a password-protected Excel workbook: open it in Excel or WPS and save it without a "
                         "password, or export the sheet to CSV"),
    ("Workbook", "is an Excel 97-2003 workbook (.xls) or another old Office file, whatever its name: save it as .xlsx "
                 "(Excel 2007 or later) or as CSV")])
def test_a_workbook_that_is_a_compound_file_is_named_password_protected_or_old(tmp_path, stream, said):
    # 'not a readable Excel workbook (File is not a zip file)'.
    path = _compound_file(tmp_path / "青山县点位.xlsx", stream)
    with pytest.raises(InputError) as info:
        load_file(path)
    assert str(info.value) == f"{path}: {said}"


def test_a_workbook_whose_members_are_named_with_backslashes_is_read_as_excel_reads_it(tmp_path):
    # xl\worksheets\sheet1.xml, as some Windows tools write a workbook: openpyxl found no xl/workbook.xml
    import zipfile

    book = openpyxl.Workbook()
    _sheet(book, "点位", [["项目名称", "经度", "纬度", "坐标系"], [SCHOOL[0], *SCHOOL[1], "CGCS2000"]])
    book.remove(book["Sheet"])
    book.save(tmp_path / "made.xlsx")
    path = tmp_path / "点位.xlsx"
    with zipfile.ZipFile(tmp_path / "made.xlsx") as made, zipfile.ZipFile(path, "w") as out:
        for info in made.infolist():
            out.writestr(info.filename.replace("/", "\\"), made.read(info))
    assert _places(load_file(path)) == {SCHOOL[0]: SCHOOL[1]}


@pytest.mark.parametrize("stated", ["A1", "A1:D2", "B2:C3"])
def test_a_workbook_stating_too_small_a_dimension_is_read_whole(tmp_path, stated):
    # Apache POI's streaming writer (Java systems' exports) states <dimension ref="A1"/>: openpyxl's
    # read-only sheet trusted it, the table cut to its first column ('no lon or lat column') or, for
    # A1:D2, its rows past the second dropped without a word.
    import re
    import zipfile

    book = openpyxl.Workbook()
    _sheet(book, "点位", _table(SCHOOL, HOSPITAL))
    book.remove(book["Sheet"])
    book.save(tmp_path / "made.xlsx")
    path = tmp_path / "青山县点位.xlsx"
    with zipfile.ZipFile(tmp_path / "made.xlsx") as made, zipfile.ZipFile(path, "w") as out:
        for info in made.infolist():
            data = made.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', f'<dimension ref="{stated}"/>'.encode(), data)
            out.writestr(info, data)
    assert _places(load_file(path)) == {SCHOOL[0]: SCHOOL[1], HOSPITAL[0]: HOSPITAL[1]}


def test_a_workbook_cut_short_is_named_so(tmp_path):
    # A download or copy stopped half-way: 'not a readable Excel workbook (File is not a zip file)'.
    book = openpyxl.Workbook()
    _sheet(book, "点位", _table(SCHOOL, HOSPITAL))
    book.save(tmp_path / "made.xlsx")
    path = tmp_path / "青山县点位.xlsx"
    data = (tmp_path / "made.xlsx").read_bytes()
    path.write_bytes(data[:len(data) * 9 // 10])
    with pytest.raises(InputError) as info:
        load_file(path)
    assert str(info.value) == (f"{path}: is a zip archive cut short (its end, the list of its files, is missing: a "
                               "download or copy stopped half-way?); get the whole file again")


def test_a_sheet_of_values_alone_is_not_parsed_again_for_formulas_and_merged_cells(tmp_path, monkeypatch):
    import xml.etree.ElementTree

    from work_counts import Calls

    path = _book(tmp_path, [("点位", _table(SCHOOL, HOSPITAL))])
    parsed = Calls(xml.etree.ElementTree.iterparse)
    monkeypatch.setattr(xml.etree.ElementTree, "iterparse", parsed)
    assert set(_places(load_file(path, warnings=[]))) == {SCHOOL[0], HOSPITAL[0]}
    assert parsed.count == 0  # (openpyxl's own reading is not this; a sheet of 200,000 rows: one parse fewer)
    book = openpyxl.load_workbook(path)
    book["点位"].merge_cells("E2:E3")  # the datum typed once over two rows
    book["点位"]["F2"] = "=1+1"
    book.save(path)
    assert len(load_file(path, warnings=[])) == 2 and parsed.count == 1  # both looked for, in one parse


@pytest.mark.parametrize("heading, merged, row, said", [
    ("经纬度", "C1:D1", [1, "汇才学校", 117.001, 36.7], "(columns 3 to 4 side by side: a cell merged over them in Excel or "
     "WPS?); under '经纬度', a row heading its columns 经度 and 纬度 makes them its lon and lat"),
    ("项目名称", "B1:C1", [1, "汇才学校", "新建", 117.001, 36.7], "(columns 2 to 3 side by side: a cell merged over them "
     "in Excel or WPS?)"),
])
def test_a_heading_merged_over_two_columns_without_a_row_under_it_is_named_as_a_merge(tmp_path, heading, merged, row,
                                                                                     said):
    # Was "column '经纬度' appears 2 times in the header; name each column once": the sheet shows it once.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "名称", heading, None] if heading == "经纬度" else ["序号", heading, None, "经度", "纬度"])
    sheet.merge_cells(merged)
    sheet.append(row)
    book.save(tmp_path / "点位.xlsx")
    with pytest.raises(InputError) as info:
        load_file(tmp_path / "点位.xlsx")
    assert str(info.value) == (f"{tmp_path / '点位.xlsx'}: column {heading!r} appears 2 times in the header; name each "
                               f"column once {said}")
