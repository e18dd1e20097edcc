"""What the document readers share: a line per paragraph, XML's declared encoding, the size limit of the text."""

import io
import zipfile

import pytest

from document_files import DOCUMENTS, ODF, PAGE, WORD_BODY, make_docx, make_zip, w_p, w_r
from geo.extract import extract_file, read_report
from geo.io import InputError


def test_the_lines_of_a_web_page_or_a_word_file_are_paragraphs_not_wrapped_lines(tmp_path, monkeypatch):
    import geo.extract

    looked = []
    real = geo.extract.wrapped_line_breaks
    monkeypatch.setattr(geo.extract, "wrapped_line_breaks", lambda text: looked.append(text) or real(text))
    page, word, pdf = tmp_path / "r.html", tmp_path / "r.docx", DOCUMENTS / "wrapped_report.pdf"
    page.write_text(f"<html><body>{PAGE}</body></html>", encoding="utf-8")
    word.write_bytes(make_docx(WORD_BODY))
    for path in (page, word):
        extract_file(path)
    assert looked == []  # a page's and a Word file's lines are its paragraphs and table cells
    extract_file(pdf)
    assert len(looked) == 1  # a PDF's are the lines it printed


@pytest.mark.parametrize("head, kind", [
    ("<report><item>新建青松路</item></report>", "an XML file"),
])
def test_an_xml_document_is_refused_not_read_with_its_markup(tmp_path, head, kind):
    path = tmp_path / "report.xml"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n{head}', encoding="utf-8")
    with pytest.raises(InputError, match=f"is {kind}.*, not a report's text") as caught:
        read_report(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("data", [
    make_zip(("word/document.xml", '<?xml version="1.0" encoding="UT7-8"?><w:document xmlns:w="http://schemas.'
                               'openxmlformats.org/wordprocessingml/2006/main"/>')),
    make_zip(("mimetype", "application/vnd.oasis.opendocument.text"),
         ("content.xml", '<?xml version="1.0" encoding="UT7-8"?><office:document-content/>')),
])
def test_a_document_whose_xml_names_an_unknown_encoding_is_damaged(tmp_path, data):
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match="is a damaged .*unknown encoding"):
        read_report(path)


def _big_documents(characters):
    """A .docx and an .odt whose text is ``characters`` Han characters (three bytes each as UTF-8)."""
    text, odt = "路" * characters, io.BytesIO()
    with zipfile.ZipFile(odt, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", f'<?xml version="1.0"?><office:document-content {ODF}><office:body>'
                                        f"<office:text><text:p>{text}</text:p></office:text></office:body>"
                                        "</office:document-content>")
    return {"report.docx": make_docx(w_p(w_r(text))), "report.odt": odt.getvalue()}


@pytest.mark.parametrize("name", ["report.docx", "report.odt"])
def test_a_documents_unpacked_text_counts_against_the_size_limit_as_the_same_text_file_would(tmp_path, name,
                                                                                              monkeypatch):
    # The limit counted characters: a few KB zipped holding 0.4 M Han characters (1.2 MB as text) passed a
    # 1 MB limit a text file of the same text fails; a 2.5 MB .docx of 44 M characters (132 MB of text)
    # passed the 50 MB default and took six minutes and 8 GB to extract.
    from geo import settings

    monkeypatch.setattr(settings, "MAX_REPORT_MB", 1.0)
    text = tmp_path / "report.txt"
    text.write_text("路" * 400_000, encoding="utf-8")
    with pytest.raises(InputError, match="over the 1 MB size limit"):
        read_report(text)
    path = tmp_path / name
    path.write_bytes(_big_documents(400_000)[name])
    with pytest.raises(InputError, match=r"whose text is over the 1 MB size limit \(raise it with --max-size"):
        read_report(path)
    path.write_bytes(_big_documents(300_000)[name])  # 0.9 MB as text: within it
    assert len(read_report(path).strip()) == 300_000


def _renamed(data, rename):
    """The zip archive ``data`` with its members renamed by ``rename``."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(rename(info.filename), source.read(info))
    return out.getvalue()


@pytest.mark.parametrize("name", ["word_report.docx", "wrapped_report_easyofd.ofd"])
def test_a_document_whose_members_are_named_with_backslashes_is_read_as_office_reads_it(tmp_path, name):
    # word\document.xml, as some Windows tools write it
    path = tmp_path / name
    path.write_bytes(_renamed((DOCUMENTS / name).read_bytes(), lambda member: member.replace("/", "\\")))
    assert any("\\" in member for member in zipfile.ZipFile(path).namelist())
    assert read_report(path) == read_report(DOCUMENTS / name)


def test_a_word_file_whose_parts_are_named_in_another_case_is_read_as_word_reads_it(tmp_path):
    # Office Open XML part names ignore case: Word reads word/Document.xml where _rels/.rels names word/document.xml
    path = tmp_path / "report.docx"
    path.write_bytes(_renamed((DOCUMENTS / "word_report.docx").read_bytes(),
                              lambda member: member.replace("word/document.xml", "Word/Document.xml")))
    assert "Word/Document.xml" in zipfile.ZipFile(path).namelist()
    assert read_report(path) == read_report(DOCUMENTS / "word_report.docx")


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"  \r\n\r\n\t\n", "\u3000\n".encode("utf-8")])
def test_a_report_of_white_space_alone_is_named_as_holding_no_text(tmp_path, data):
    # A byte order mark or blank lines alone (an export that went wrong): 'no spatial projects found in the
    # report', which blames what the report says.
    path = tmp_path / "青山县报告.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"青山县报告\.txt: holds no text, only white space \(an export or save"):
        extract_file(path)


def test_a_docx_of_an_empty_body_is_named_as_holding_no_text(tmp_path):
    path = tmp_path / "青山县报告.docx"
    path.write_bytes(make_docx(w_p(w_r(" "))))
    with pytest.raises(InputError, match="holds no text, only white space"):
        extract_file(path)


@pytest.mark.parametrize("text, said", [
    ("青山县2025年政府工作报告\n一、2024年工作回顾\n二、2025年重点工作\n（一）加快城市更新\n",
     "read 49 characters in 4 lines, headings alone with no sentence (an outline or a table of contents?)"),
    ("全年地区生产总值增长6%。\n新增高新技术企业70家以上。\n", "read 29 characters in 2 lines, 2 sentences, none saying works"),
    ("加快建设现代化强县。", "read 10 characters in 1 line, 1 sentence, 1 saying works (新建, 改造, 建设…) but naming no place"),
])
def test_a_report_without_projects_says_what_was_read_in_one_line(tmp_path, text, said):
    # A report of headings alone (an outline, a table of contents) said only 'no spatial projects found in the
    # report': nothing of what was read, nor that no line of it was a sentence.
    path = tmp_path / "青山县提纲.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        extract_file(path)
    message = str(info.value)
    assert message.startswith(f"{path}: no spatial projects found in the report: {said}") and "\n" not in message
