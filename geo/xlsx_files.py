"""Excel files written byte-stable: cells typed, rows appended, columns fitted, saved with fixed times (coverage.xlsx
and ``geo export --format xlsx``)."""

from __future__ import annotations

import io
import unicodedata
import zipfile

from geo.safe_text import cell_text

ABOUT_SHEET = "说明"
# The first column of a sheet whose first record holds no number: QGIS (GDAL's XLSX driver) takes
# the first row for the field names only when the second holds one; without it, 全区项目, 空白 and
# 说明 opened as Field1, Field2... with their headings as a first record.
NUMBER_HEADING = "序号 No."
MAX_WIDTH = 60
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries and document properties: equal inputs, equal bytes
ZIP_SYSTEM = 3  # every zip entry "made on Unix", whatever system writes it: equal bytes on Windows too


def save_workbook(book, path):
    """Write the openpyxl ``book`` as ``path`` atomically, its times fixed (:func:`stable_zip`): equal books, equal
    bytes; returns what :func:`geo.atomic_files.write_bytes_atomic` returns."""
    import datetime

    from geo.atomic_files import write_bytes_atomic

    book.properties.created = book.properties.modified = datetime.datetime(*FIXED_TIME)
    book.properties.creator = "geo"
    buffer = io.BytesIO()
    book.save(buffer)
    return write_bytes_atomic(path, stable_zip(buffer.getvalue()))


def is_number(value) -> bool:
    """Whether a cell value is stored as a number."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def append_row(sheet, row: int, values) -> None:
    """Append ``values`` as row number ``row`` (the next); a text that opens like a formula
    (=HYPERLINK...) stays text, never a formula. The row's cells are found by its number and
    length: ``sheet[sheet.max_row]`` scans every cell of the sheet, each row rereading those before."""
    sheet.append(values)
    for column in range(1, len(values) + 1):
        cell = sheet.cell(row=row, column=column)
        if cell.data_type == "f":
            cell.data_type = "s"


def cell_value(value, numbers=True):
    """A cell's value: a number stays a number (its text when not ``numbers``: a column typed as text), TRUE/FALSE
    stays, nothing for a null or a number not finite, anything else is text a cell can hold."""
    import math

    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, bool) or (numbers and isinstance(value, (int, float))):
        return value
    return cell_text(str(value), quote_formula=False)


def _text_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit_columns(sheet) -> None:
    """Widen each column of ``sheet`` to its longest value (wide CJK characters counted twice), at most MAX_WIDTH."""
    from openpyxl.utils import get_column_letter

    for number, column in enumerate(sheet.iter_cols(values_only=True), 1):
        width = max((_text_width(str(v)) for v in column if v is not None), default=4)
        sheet.column_dimensions[get_column_letter(number)].width = min(MAX_WIDTH, width + 2)


def stable_zip(data: bytes) -> bytes:
    """The same zip with fixed entry times, system and "modified" property (openpyxl stamps the
    time of saving), so equal workbooks are equal bytes on any system."""
    import re

    stamp = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*FIXED_TIME).encode("ascii")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\2",
                                 content)
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = ZIP_SYSTEM  # zipfile says Windows (0) when run there
            target.writestr(info, content)
    return out.getvalue()
