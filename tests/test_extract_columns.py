"""PDF pages set in columns read a column at a time, top to bottom and left to right; tables and one-column pages as pypdf reads them."""

import pypdf
import pytest

from document_files import column_pages, make_pdf, project_table_rows, wrap
from geo.extract import extract_projects, read_report
from geo.extract.pdf import pdf_text

FIXTURES = __import__("pathlib").Path(__file__).resolve().parent / "fixtures" / "extract"


def _report(name):
    return "\n".join(line for line in read_report(FIXTURES / f"{name}.txt").split("\n") if not line.startswith("#"))


def _names(text):
    return sorted(feature["properties"]["name"] for feature in extract_projects(text))


def _pypdf_text(data):
    import io

    return "\n\f".join(page.extract_text().rstrip("\n") for page in pypdf.PdfReader(io.BytesIO(data)).pages) + "\n"


def test_a_two_column_report_drawn_across_the_page_gives_the_projects_of_its_text():
    # Each line of the left column drawn, then the line of the right column beside it (as typesetting
    # programs draw them): pypdf reads the two as one line, and 8 of the 21 projects were lost.
    text = _report("heldout_r9_govself")
    pages = column_pages(text)
    assert len(pages) == 2 and [run[0] for run in pages[0][:4]] == [54, 309.5, 54, 309.5]  # left, right, left…
    read = pdf_text(make_pdf(pages), "r.pdf")
    assert _names(read) == _names(text)
    lines = wrap(text, (541 - 54 - 24) / 2)
    assert read.replace("\f", "").splitlines() == lines  # every line whole, the left column before the right


def test_a_three_column_newspaper_page_is_read_a_column_at_a_time():
    text = _report("heldout_north")
    pages = column_pages(text, columns=3, right=900 - 54, gutter=12)  # a broadsheet: 20 characters a column line
    read = pdf_text(make_pdf(pages, width=900), "r.pdf")
    assert read.replace("\f", "").splitlines() == wrap(text, (900 - 108 - 24) / 3)
    assert _names(read) == _names(text)


def test_a_title_over_two_columns_is_read_before_them():
    text = _report("heldout_r9_review")
    title = [(297.5 - 9 * 18, 800, 18, "二〇二六年区人民政府工作报告（摘要）"),  # centred across the gutter
             (297.5 - 4 * 12, 780, 12, "区长  王某某")]
    pages = column_pages(text, head=title)
    read = pdf_text(make_pdf(pages), "r.pdf")
    assert read.replace("\f", "").splitlines() == ["二〇二六年区人民政府工作报告（摘要）", "区长  王某某"] + \
        wrap(text, (541 - 54 - 24) / 2)
    assert _names(read) == _names(text)


def _table_runs():
    """A project table's runs ``(x, y, size, text)``: a header and six rows of four cells each."""
    rows = project_table_rows()
    return [(x, 760 - 24 * row, 12, cell) for row, cells in enumerate(rows)
            for x, cell in zip((60, 110, 300, 450), cells)]


def test_a_table_is_read_a_row_a_line_as_before():
    # Cells at one height are a row: read across, as pypdf reads them, not a column at a time.
    runs = _table_runs()
    data = make_pdf([runs])
    assert pdf_text(data, "r.pdf") == _pypdf_text(data)
    assert "5 东岭中学扩建工程 新建宿舍楼和食堂 5400" in pdf_text(data, "r.pdf")


def test_a_one_column_pdf_is_read_as_before():
    text = _report("heldout_r9_govself")
    data = make_pdf(column_pages(text, columns=1))
    assert pdf_text(data, "r.pdf") == _pypdf_text(data)


def test_a_narrow_side_note_is_read_after_the_body_beside_it():
    body = wrap(_report("township_s"), 420)  # 35 characters a line, filled to the right edge
    note = ["注：青松路", "改造工程已", "列入市重点", "项目计划。"]
    runs = []
    for row, line in enumerate(body):
        runs.append((54, 760 - 18 * row, 12, line))
        if 2 <= row < 2 + len(note):
            runs.append((500, 760 - 18 * row, 12, note[row - 2]))
    read = pdf_text(make_pdf([runs]), "r.pdf")
    assert read.split("\n")[:-1] == body + note


def test_a_page_of_thousands_of_pieces_a_line_is_sized_up_once_not_per_place_they_start(monkeypatch):
    # Three lines of 3,000 one-character pieces, each its own text object a gap apart (a hostile or
    # broken producer): each place a piece starts on all three lines is a possible gutter, and each
    # was checked against every piece of every line: 3,000 places times 9,000 pieces, minutes for a
    # page of a few hundred kilobytes. No page set in columns starts its lines at thousands of places.
    from geo.extract import columns
    from work_counts import Calls

    starts = Calls(columns._start)
    monkeypatch.setattr(columns, "_start", starts)
    runs = [columns.Run("桥", 10 + 20 * i, 800 - 14 * line, 10) for line in range(3) for i in range(3000)]
    assert columns.column_text(runs) is None  # read as lines, as pypdf or the OFD reader gives them
    assert starts.count < 20 * len(runs)


@pytest.mark.parametrize("drawn", ["Td", "Tm", "TJ", "glyphs"])
def test_columns_drawn_inside_one_text_object_are_read_a_column_at_a_time(drawn):
    # pdfTeX and print drivers draw a page in one text object, moving to each line with Td or Tm:
    # pypdf read the line of the left column and the line beside it as one (北园1路和堤口1路， 和堤口24路…)
    # and the columns came out a line of each in turn, names cut and glued across the gutter.
    text = _report("heldout_r9_govself")
    read = pdf_text(make_pdf(column_pages(text), drawn=drawn), "r.pdf")
    assert read.replace("\f", "").splitlines() == wrap(text, (541 - 54 - 24) / 2)
    assert _names(read) == _names(text)


@pytest.mark.parametrize("drawn", ["Td", "Tm"])
def test_three_columns_drawn_inside_one_text_object_are_read_a_column_at_a_time(drawn):
    text = _report("heldout_north")
    pages = column_pages(text, columns=3, right=900 - 54, gutter=12)
    read = pdf_text(make_pdf(pages, width=900, drawn=drawn), "r.pdf")
    assert read.replace("\f", "").splitlines() == wrap(text, (900 - 108 - 24) / 3)
    assert _names(read) == _names(text)


@pytest.mark.parametrize("drawn", ["Td", "Tm", "glyphs"])
def test_a_table_drawn_inside_one_text_object_is_read_a_row_a_line(drawn):
    runs = _table_runs()
    data = make_pdf([runs], drawn=drawn)
    assert pdf_text(data, "r.pdf") == _pypdf_text(data)
    assert "5 东岭中学扩建工程 新建宿舍楼和食堂 5400" in pdf_text(data, "r.pdf")


@pytest.mark.parametrize("drawn", ["TJ", "glyphs"])
def test_words_drawn_in_pieces_inside_one_text_object_keep_their_spaces(drawn):
    # Kerning numbers inside a TJ array, or each character moved to on its own, are no gaps: the
    # columns are read, their words whole and the spaces between them as pypdf reads them.
    text = "\n".join(["The plan: rebuild Qingsong Road (G20) and 12 km of Binhe Avenue by 2026, "
                      "open Honghu Park and the Hubin Health Centre."] * 16)
    pages = column_pages(text)
    assert len(pages) == 1 and pages[0][1][0] == 309.5  # two columns
    read = pdf_text(make_pdf(pages, drawn=drawn), "r.pdf")
    # (a space a line opens with is left out, as where each line is a text object of its own)
    assert read.replace("\f", "").splitlines() == [line.lstrip(" ") for line in wrap(text, (541 - 54 - 24) / 2)]


@pytest.mark.parametrize("drawn", ["Td", "TJ", "glyphs"])
def test_a_one_column_page_drawn_inside_one_text_object_is_read_as_pypdf_reads_it(drawn):
    text = _report("heldout_r9_govself")
    data = make_pdf(column_pages(text, columns=1), drawn=drawn)
    assert pdf_text(data, "r.pdf") == _pypdf_text(data)


def test_columns_drawn_inside_one_text_object_beside_turned_text_are_read_as_pypdf_reads_them():
    # A line turned up the margin (a running title, a stamp): the page is read as pypdf reads it.
    pages = column_pages(_report("heldout_r9_govself"))
    data = make_pdf([pages[0] + [(30, 300, 12, "二〇二六年区人民政府工作报告", (0, 1, -1, 0))]], drawn="Tm")
    assert pdf_text(data, "r.pdf") == _pypdf_text(data)
