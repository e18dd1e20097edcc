"""Excel workbooks read as tables: the sheet, its merged cells and title rows, and cells as Excel shows them."""

from __future__ import annotations

import re

from geo.io import InputError, max_report_bytes, refuse_zip_bomb
from geo.safe_text import one_line


def _refuse_zip_bomb(path):
    """Raise InputError when a part of the workbook at ``path`` says it unpacks to far more than
    it takes zipped (openpyxl would hold it in memory: gigabytes), or its parts together to more
    than the size limit allows a table (:data:`geo.settings.WORKBOOK_XML_PER_TEXT` times it: a
    workbook within the ratio still took minutes); a file that is no zip archive is left for
    openpyxl to name. The sizes said are the most :mod:`zipfile` unpacks."""
    import zipfile

    from geo import settings

    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    for part in parts:
        refuse_zip_bomb(path, part, kind="Excel workbook", part="part")
    unpacked = sum(part.file_size for part in parts)
    if unpacked > settings.WORKBOOK_XML_PER_TEXT * max_report_bytes():
        raise InputError(path, f"is a workbook over the size limit: its parts unpack to {unpacked / 1e6:g} MB of XML, more "
                               f"than {settings.WORKBOOK_XML_PER_TEXT} times the {max_report_bytes() / 1e6:g} MB a table "
                               "may take (raise it with --max-size MB or GEO_MAX_REPORT_MB)")


def _with_slashes(path):
    """``path``, or its workbook rebuilt in memory with its members named with slashes when a tool wrote
    them with backslashes (``xl\\workbook.xml``: Excel opens it, openpyxl finds no ``xl/workbook.xml``);
    its size is bounded already (:func:`_refuse_zip_bomb`)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            if not any("\\" in info.filename for info in archive.infolist()):
                return path
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for info in archive.infolist():
                    copy.writestr(info.filename.replace("\\", "/"), archive.read(info))
            return out
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        return path  # openpyxl names what is wrong


def _refuse_compound_file(path):
    """Raise InputError when the workbook at ``path`` is a compound (OLE) file, not a zip: a workbook Excel
    or WPS saved with a password (its package encrypted, an ``EncryptedPackage`` stream), or an Excel
    97-2003 ``.xls`` renamed (openpyxl said ``File is not a zip file``)."""
    import olefile

    from geo.text_codecs import OLE_MAGIC

    with open(path, "rb") as handle:
        if handle.read(len(OLE_MAGIC)) != OLE_MAGIC:
            return
    try:
        with olefile.OleFileIO(str(path)) as ole:
            locked = ole.exists("EncryptedPackage")
    except (OSError, ValueError, IndexError, TypeError):  # a damaged compound file: an old workbook, as said
        locked = False
    if locked:
        raise InputError(path, "is a password-protected Excel workbook: open it in Excel or WPS and save it "
                               "without a password, or export the sheet to CSV")
    raise InputError(path, "is an Excel 97-2003 workbook (.xls) or another old Office file, whatever its name: save "
                           "it as .xlsx (Excel 2007 or later) or as CSV")


def excel_sheets(path):
    """``[(title, hidden, records, title rows)]`` of every sheet of the workbook at ``path`` that holds a filled
    cell, in workbook order; ``records`` are ``(row number, row list)`` with merged cells filled, title rows
    above the header and empty rows left out; the title rows' text is given apart (the datum they may name:
    :mod:`geo.table_titles`)."""
    import openpyxl

    _refuse_compound_file(path)
    _refuse_zip_bomb(path)
    source = _with_slashes(path)
    try:
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, openpyxl's InvalidFileException...
        from geo.file_kinds import zip_cut_short

        raise InputError(path, zip_cut_short(path) or f"not a readable Excel workbook ({exc})") from None
    sheets = []
    for sheet in book.worksheets:
        try:
            records = _sheet_rows(sheet)  # a read-only sheet's XML is parsed only now
        except Exception as exc:  # ParseError of a sheet's XML cut or damaged, zlib.error of its data, openpyxl's...
            book.close()
            raise InputError(path, f"sheet {sheet.title!r} is damaged, not readable "
                                   f"({type(exc).__name__}: {one_line(str(exc))}): open and save it in Excel or WPS, "
                                   "or export the sheet to CSV") from None
        merged, unsaved = _sheet_xml(source, getattr(sheet, "_worksheet_path", None))
        for (row, column), formula in unsaved.items():  # a script's formula: no value to read
            if row <= len(records):
                records[row - 1].extend([""] * (column - len(records[row - 1])))
                records[row - 1][column - 1] = UnsavedFormula(sheet.title, row, column, formula)
        titles = _title_rows(records, merged)
        said = [" ".join(cell for cell in records[number - 1] if cell.strip()) for number in sorted(titles)]
        _fill_merged_cells(records, merged)
        records = [(number, r) for number, r in enumerate(records, 1)
                   if number not in titles and any(cell.strip() for cell in r)]
        if records or titles:
            sheets.append((sheet.title, getattr(sheet, "sheet_state", "visible") != "visible", records, said))
    book.close()
    return sheets


def _excel_text(value, number_format=None) -> str:
    """A workbook cell's value as text, a duration or time of day as Excel shows it: 117:00:03.6 typed in
    a cell is a duration of 117 hours to Excel (openpyxl gives a timedelta, '4 days, 21:00:03.600000'),
    12:30 a time, 36:42.5 minutes and seconds (shown ``mm:ss.0``): the hours (or the minutes, when the
    cell's ``number_format`` starts with them), minutes and seconds shown are the degrees, minutes and
    seconds typed."""
    import datetime

    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _shown_number(value, number_format)
    if isinstance(value, datetime.time):
        value = datetime.timedelta(hours=value.hour, minutes=value.minute, seconds=value.second,
                                   microseconds=value.microsecond)
    if not isinstance(value, datetime.timedelta):
        return str(value)
    micro = round(value / datetime.timedelta(microseconds=1))
    sign, micro = ("-" if micro < 0 else ""), abs(micro)
    seconds, micro = divmod(micro, 1_000_000)
    fraction = f".{micro:06d}".rstrip("0") if micro else ""
    if _MINUTES_FIRST.match(_EXCEL_FORMAT_NOISE.sub("", number_format or "")):  # mm:ss.0, [mm]:ss
        return f"{sign}{seconds // 60}:{seconds % 60:02d}{fraction}"
    return f"{sign}{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}{fraction}"


def _shown_number(value, number_format) -> str:
    """A number as written, with the trailing zeros its cell's format shows: a coordinate typed
    34.200000 in a cell formatted ``0.000000`` is stored as 34.2, and would claim to be written to
    0.1°; a stored value with more digits than its format shows keeps them."""
    text = str(value)
    section = _EXCEL_FORMAT_NOISE.sub("", (number_format or "").split(";")[0])
    shown = _FIXED_DECIMALS.search(section)
    if not shown or "e" in text.lower() or "%" in section or "E" in section.upper():
        return text
    written = len(text.partition(".")[2]) if "." in text else 0
    decimals = shown.group(1).count("0")
    return f"{value:.{decimals}f}" if decimals > written else text


# The decimals a number format always shows: the zeros after its point (0.000000, #,##0.00).
_FIXED_DECIMALS = re.compile(r"[0#?]\.([0#?]+)")
# What in an Excel number format is no hour, minute or second: quoted text, escaped characters, a
# locale or colour in brackets ([$-409], [Red]; not [h], [mm], [ss]), AM/PM.
_EXCEL_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]|am/pm|a/p', re.I)
# A time format whose first unit is minutes (mm:ss.0, [mm]:ss): no hour, no day, month or year before it.
_MINUTES_FIRST = re.compile(r"[^hmsdy]*\[?m", re.I)


class UnsavedFormula(str):
    """A cell holding a formula with no value saved with it (a script wrote the workbook: openpyxl,
    pandas; only Excel or WPS computes it on saving): its text is the formula, and it knows its place."""

    def __new__(cls, sheet, row, column, formula):
        text = super().__new__(cls, f"={formula}" if formula else "=…")
        text.sheet, text.row, text.column = sheet, row, column
        return text

    def problem(self, column_name) -> str:
        """The one line saying where it is and what to do."""
        from openpyxl.utils.cell import get_column_letter

        return (f"sheet {self.sheet!r}, cell {get_column_letter(self.column)}{self.row} ({column_name}) holds a formula "
                f"with no saved value ({self}), as a script writes it: open and save the file in Excel or WPS, or "
                "export it to CSV")


def _sheet_rows(sheet):
    """The text of every cell of a read-only ``sheet``, row by row from row 1 and column A, the rows padded to
    one width. The extent the file states is not trusted: Apache POI's streaming writer (the Excel export of
    many Java systems) states ``<dimension ref="A1"/>``, and openpyxl then cut every row to its first cell
    and read the rows past the stated last one as none."""
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()  # read the rows and cells the sheet holds
    records = [[_excel_text(cell.value, getattr(cell, "number_format", None)) for cell in row]
               for row in sheet.iter_rows()]
    width = max(map(len, records), default=0)
    return [row + [""] * (width - len(row)) for row in records]


def _sheet_xml(path, part):
    """(merged ranges, unsaved formulas) of the sheet stored as ``part`` (a read-only sheet parses neither):
    (min_col, min_row, max_col, max_row) of every merged range, and {(row, column): formula text} of every
    cell holding a formula with no value saved (an empty cached text, ``t="str"``, is a saved value);
    none when the part cannot be read."""
    import zipfile
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries

    if not part or not _holds_formula_or_merge(path, part):
        return [], {}
    ranges, unsaved = [], {}
    try:
        with zipfile.ZipFile(path) as archive, archive.open(part) as xml:
            for _, element in iterparse(xml):
                if element.tag.endswith("}mergeCell") and element.get("ref"):
                    ranges.append(range_boundaries(element.get("ref")))
                elif element.tag.endswith("}c") and element.get("r"):
                    formula = next((child for child in element if child.tag.endswith("}f")), None)
                    value = next((child for child in element if child.tag.endswith("}v")), None)
                    if formula is not None and (value is None or not value.text) and element.get("t") != "str":
                        unsaved[coordinate_to_tuple(element.get("r"))] = (formula.text or "").strip()
                    element.clear()
                elif element.tag.endswith(("}row", "}mergeCell")):
                    element.clear()
    except (KeyError, OSError, ValueError, TypeError, zipfile.BadZipFile, SyntaxError):
        return [], {}
    return ranges, unsaved


# A formula's or a merged range's element in a sheet's XML (any namespace prefix): the sheet holds none
# of either when its bytes hold neither (a table exported by a program: values alone).
_FORMULA_OR_MERGE = re.compile(rb"<(?:[\w.-]+:)?(?:f|mergeCell)[\s>/]")


def _holds_formula_or_merge(path, part) -> bool:
    """Whether the sheet stored as ``part`` may hold a formula or a merged range: its bytes searched in
    chunks (no XML parsed; a sheet of 200,000 rows is searched in a fraction of its parse). True when
    the part cannot be read: :func:`_sheet_xml` then says none."""
    import zipfile

    tail = b""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(part) as xml:
            while chunk := xml.read(1 << 20):
                if _FORMULA_OR_MERGE.search(tail + chunk):
                    return True
                tail = chunk[-64:]  # an element's name cut between two chunks
    except (KeyError, OSError, ValueError, zipfile.BadZipFile):
        return True
    return False


def _title_rows(records, ranges):
    """Numbers of the rows above the table that hold only a title: one cell merged across
    columns (天桥区项目点位表 over the header), which no header is."""
    titles = set()
    across = {(min_row, min_col) for min_col, min_row, max_col, max_row in ranges if max_col > min_col}
    for number, row in enumerate(records, 1):
        filled = [column for column, cell in enumerate(row, 1) if cell.strip()]
        if not filled:
            continue
        if len(filled) != 1 or (number, filled[0]) not in across:
            break
        titles.add(number)
    return titles


def _fill_merged_cells(records, ranges):
    """Give every cell of a merged range its first cell's value, as Excel shows it (a datum or a
    road's name typed once over several rows); ``records`` are the sheet's rows from row 1, column A."""
    for min_col, min_row, max_col, max_row in ranges:
        if min_row > len(records) or min_col > len(records[min_row - 1]):
            continue
        value = records[min_row - 1][min_col - 1]
        for row in records[min_row - 1:max_row]:
            row.extend([""] * (max_col - len(row)))
            row[min_col - 1:max_col] = [value] * (max_col - min_col + 1)
