"""Layers exported as an Excel workbook (``--format xlsx``): a sheet per layer, as the CSV export's columns, each cell
typed as its column is. A CSV opened in Excel turns a 12-digit 街道 code into ``3.30199E+11`` and ``001`` into ``1``
(a CSV holds no type Excel reads); a sheet's text cells keep them as they are. Byte-identical for equal layers."""

from __future__ import annotations

from pathlib import Path

from geo.xlsx_files import ABOUT_SHEET
_SHEET_BAD = str.maketrans({ch: "_" for ch in "[]:*?/\\"})  # characters Excel refuses in a sheet's name
_SHEET_MAX = 31  # characters of a sheet's name


def write_xlsx(path, frames, *, title="geo"):
    """Write ``frames`` (``[(table, frame)]``) as the workbook ``path``, atomically: a sheet per layer named after it
    (its heading row bold and frozen, columns fitted; a first column 序号 No. when its first row holds no number, as
    coverage.xlsx's, so that GDAL and QGIS read the headings), then 说明 naming each sheet's layer file and CRS."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from geo.export.tables import column_kinds
    from geo.export.writers import table_cells
    from geo.xlsx_files import NUMBER_HEADING, append_row, fit_columns, is_number, save_workbook

    book = Workbook()
    book.remove(book.active)
    about = [["工作表 Sheet", "图层 Layer", "坐标系 CRS", "要素 Features"]]
    for table, frame in frames:
        header, rows, names, fields = table_cells(path, frame, table.name)
        kinds = column_kinds(frame)
        kinds = [kinds.get(column, "text") for column in frame.columns if column != frame.geometry.name]
        sheet = book.create_sheet(_sheet_name(table.name, book.sheetnames))
        cells = [[_cell(v, kinds[i] if i < fields else "added") for i, v in enumerate(row)] for row in rows]
        # GDAL (and so QGIS) takes the first row for headings when the second holds a number: a row number then
        numbered = bool(cells) and not any(is_number(v) for v in cells[0])
        append_row(sheet, 1, [NUMBER_HEADING] * numbered + header)
        for number, row in enumerate(cells, 2):
            append_row(sheet, number, [number - 1] * numbered + row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        fit_columns(sheet)
        about.append([sheet.title, table.name, _crs_name(frame.crs), len(rows)])
    sheet = book.create_sheet(ABOUT_SHEET)
    for number, row in enumerate(about + [[], [title]], 1):
        append_row(sheet, number, row)
    fit_columns(sheet)
    return save_workbook(book, Path(path))


def _cell(value, kind):
    """A cell's value: a number of a number column (or of the added lon/lat), TRUE/FALSE of a boolean one, text of
    the others (a code of digits stays text, as typed), nothing for a null."""
    import json

    from geo.xlsx_files import cell_value

    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return cell_value(value, numbers=kind in ("integer", "integer64", "real", "added"))


def _sheet_name(name, taken):
    """``name`` as a sheet can be named: no ``[]:*?/\\``, 31 characters at most, apart from ``taken`` (Excel compares
    sheet names blind to case), not 说明."""
    base = str(name).translate(_SHEET_BAD).strip("'")[:_SHEET_MAX] or "layer"
    lower, candidate, number = {t.lower() for t in taken} | {ABOUT_SHEET}, base, 1
    while candidate.lower() in lower:
        number += 1
        candidate = f"{base[:_SHEET_MAX - len(str(number)) - 1]}_{number}"
    return candidate


def _crs_name(crs) -> str:
    if crs is None:
        return "EPSG:4326 (WGS-84)"
    epsg = crs.to_epsg()
    return f"EPSG:{epsg} ({crs.name})" if epsg else crs.name
