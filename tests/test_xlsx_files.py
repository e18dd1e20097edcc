"""Excel files written byte-stable (geo.xlsx_files)."""

import math

from geo.xlsx_files import cell_value, save_workbook


def test_a_number_stays_a_number_unless_its_column_is_text():
    assert cell_value(12) == 12
    assert cell_value(330106001001, numbers=False) == "330106001001"
    assert cell_value(True, numbers=False) is True


def test_a_null_or_a_number_not_finite_is_an_empty_cell():
    assert cell_value(None) is None
    assert cell_value(math.nan) is None
    assert cell_value(math.inf, numbers=False) is None


def test_equal_books_are_saved_as_equal_bytes(tmp_path):
    from openpyxl import Workbook

    paths = []
    for name in ("a.xlsx", "b.xlsx"):
        book = Workbook()
        book.active.append(["白石路", 1.5])
        save_workbook(book, tmp_path / name)
        paths.append(tmp_path / name)
    assert paths[0].read_bytes() == paths[1].read_bytes()
