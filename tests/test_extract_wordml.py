"""Word files (.docx) and Word XML documents read as their text, a line per paragraph; zips that hold none named."""

import io
import zipfile

import pytest

from document_files import WORD_BODY, make_docx, make_zip, w_p, w_r
from geo.extract import extract_file, read_document, read_report
from geo.extract.wordml import docx_text
from geo.io import InputError
from work_counts import Calls


def test_a_word_file_is_read_a_line_per_paragraph():
    assert docx_text(make_docx(WORD_BODY), "r.docx", 10**7).splitlines() == [
        "今年新建青松路，改造北园大街。", "项目\t红枫湖公园", "白石小学", "1", "东岭中学", "建成湖滨公园", "文本框里的滨河路"]


def test_a_word_report_gives_its_projects(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(make_docx(WORD_BODY))
    names = {f["properties"]["name"] for f in extract_file(path)}
    assert {"青松路", "北园大街", "湖滨公园"} <= names and "删去的路" not in names


@pytest.mark.parametrize("data, problem", [
    (make_zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")), "is an Excel workbook"),
    (make_zip(("notes.txt", "新建青松路")), "is not a valid Word .docx: a zip archive without word/document.xml"),
    (make_docx(w_p(w_r("x")))[:200], r"is a zip archive cut short \(its end, the list of its files, is missing"),
    (make_docx(w_p(w_r("&lol;")), prolog='<!DOCTYPE d [<!ENTITY lol "lollollol">]>'), "declares a document type"),
    (make_docx("<w:p>"), r"is a damaged Word file \(its XML"),
])
def test_a_zip_that_is_no_readable_word_file_is_named(tmp_path, data, problem):
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match=problem) as caught:
        read_report(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("name, problem", [
    ("report.docx", r"is not a valid Word \.docx: a zip archive without word/document\.xml"),
    ("report.odt", r"is not a valid OpenDocument text \(\.odt\): a zip archive without its mimetype and content\.xml"),
    ("report.ofd", r"is not a valid OFD: a zip archive without OFD\.xml"),
    ("report.zip", r"is a zip archive, not a Word \.docx"),
])
def test_a_zip_named_as_a_document_it_does_not_hold_is_named_as_no_valid_one(tmp_path, name, problem):
    # Each said "is a zip archive, not a Word .docx", an .odt or an .ofd too.
    path = tmp_path / name
    path.write_bytes(make_zip(("notes.txt", "新建青松路")))
    with pytest.raises(InputError, match=problem) as caught:
        read_report(path)
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


@pytest.mark.parametrize("name", ["projects.xlsx", "report.docx"])
def test_an_excel_workbook_as_excel_saves_it_is_named_as_one(tmp_path, name):
    # Excel's package relationship names xl/workbook.xml its officeDocument, as Word's names
    # word/document.xml: the workbook was read as a Word body, gave no text, and the run said
    # "no spatial projects found in the report".
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "新建青松路"
    path = tmp_path / name
    workbook.save(path)
    with pytest.raises(InputError, match=r"is an Excel workbook \(\.xlsx\)") as caught:
        read_report(path)
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


def test_an_opendocument_spreadsheet_is_named(tmp_path):
    path = tmp_path / "projects.ods"
    path.write_bytes(make_zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")))
    with pytest.raises(InputError, match=r"is an OpenDocument spreadsheet \(.ods\)"):
        read_report(path)


def test_a_powerpoint_file_is_no_word_body(tmp_path):
    # Its package relationship names ppt/presentation.xml the officeDocument, as a .docx's does its body.
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="ppt/presentation.xml"/></Relationships>')
    path = tmp_path / "slides.pptx"
    path.write_bytes(make_zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", rels),
                          ("ppt/presentation.xml", "<p:presentation/>")))
    with pytest.raises(InputError, match=r"is a zip archive, not a Word \.docx"):
        read_report(path)


def test_a_word_file_that_unpacks_to_far_more_than_its_size_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(make_docx(w_p(w_r("路" * 4_000_000))))  # 12 MB of XML zipped into a few KB
    with pytest.raises(InputError, match=r"is a Word file: its text would unpack to more than 100 times its zipped size \(a zip bomb\?\)"):
        read_report(path)


def test_a_word_file_over_the_size_limit_names_the_limit_it_is_over():
    import random

    rng = random.Random(7)  # text that does not pack: the size limit binds, not the zip-bomb ratio
    text = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(400_000))
    with pytest.raises(InputError, match=r"is a Word file: its text would unpack past the 1 MB size limit \(raise it with --max-size"):
        docx_text(make_docx(w_p(w_r(text))), "big.docx", max_bytes=1_000_000)


def test_deeply_nested_word_xml_is_read_without_recursion():
    body = "<w:sdt><w:sdtContent>" * 50_000 + w_p(w_r("新建青松路")) + "</w:sdtContent></w:sdt>" * 50_000
    boxes = ("<w:p><w:r><w:pict><w:txbxContent>" * 5_000 + w_p(w_r("改造白石路"))
             + "</w:txbxContent></w:pict></w:r></w:p>" * 5_000)
    assert docx_text(make_docx(body + boxes), "r.docx", 10**8).split() == ["新建青松路", "改造白石路"]


def cpu_seconds(read, depth):
    """The least CPU time of three readings of paragraphs nested ``depth`` deep: CPU time, which a loaded
    machine slows alike for every size, with Python's cycle collector paused (after a suite's worth of
    objects its passes grow with each run, not with the reading)."""
    import gc
    import time

    best = None
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            read(depth)
            best = min(best or 1e9, time.process_time() - start)
        finally:
            gc.enable()
    return best


def test_paragraphs_nested_deep_are_read_in_time_linear_in_their_depth():
    # <w:p> nested 880,000 deep, a 22 KB .docx, kept `geo extract` busy for hours: each paragraph's
    # inner lines were copied into its parent's as it closed. Eight times as deep now takes about
    # eight times as long (was fifty).
    def read(depth):
        lines = docx_text(make_docx("<w:p>" * depth + w_r("新建青松路") + "</w:p>" * depth), "r.docx", 10**9).split()
        assert lines == ["新建青松路"]

    assert cpu_seconds(read, 160_000) < 25 * cpu_seconds(read, 20_000)


def test_a_word_xml_in_utf16_declaring_entities_is_refused(tmp_path):
    xml = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY a "新建青松路">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + w_p(w_r("&a;")) + "</w:body></w:document>")
    path = tmp_path / "report.docx"
    path.write_bytes(make_zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", xml.encode("utf-16"))))
    with pytest.raises(InputError, match="declares a document type"):
        read_report(path)


def test_what_word_does_not_show_is_not_read():
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = "<w:txbxContent>" + w_p(w_r("文本框里的滨河路")) + "</w:txbxContent>"
    body = (
        # a text box as Word and LibreOffice write it: once for new readers, once as a fallback
        f"<w:p><w:r><mc:AlternateContent {mc}><mc:Choice Requires=\"wps\">{box}</mc:Choice>"
        f"<mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r></w:p>"
        # tab stops of the paragraph's properties, ruby text above its base, text moved away, field codes
        + '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
        + "<w:r><w:ruby><w:rt>" + w_r("luò") + "</w:rt><w:rubyBase>" + w_r("泺") + "</w:rubyBase></w:ruby></w:r>"
        + w_r("口服装市场") + "<w:moveFrom>" + w_r("移走的路") + "</w:moveFrom>"
        + '<w:r><w:instrText> HYPERLINK "http://x/新建链接路" </w:instrText></w:r></w:p>'
    )
    assert docx_text(make_docx(body), "r.docx", 10**7).splitlines() == ["文本框里的滨河路", "泺口服装市场"]


def test_hidden_text_of_a_word_file_is_not_read():
    hidden = "<w:r><w:rPr><w:b/><w:vanish/></w:rPr><w:t>隐藏的白石路</w:t><w:tab/></w:r>"
    # a run shown whose earlier formatting was hidden (a tracked change of format), a run shown explicitly
    was_hidden = "<w:r><w:rPr><w:rPrChange><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>和北园大街</w:t></w:r>"
    shown = '<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>。</w:t></w:r>'
    body = w_p(w_r("新建青松路"), hidden, was_hidden, shown) + w_p(hidden)
    assert docx_text(make_docx(body), "r.docx", 10**7) == "新建青松路和北园大街。\n"


def test_what_a_word_run_shows_for_its_special_characters_is_read():
    math = ('<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
            "<m:r><w:rPr><w:b/></w:rPr><m:t>3.5</m:t></m:r></m:oMath>")
    body = w_p(w_r("改造G220"), "<w:r><w:noBreakHyphen/></w:r>", w_r("1线，长"), math, w_r("公里"),
              '<w:r><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/></w:r>', w_r("1"))
    assert docx_text(make_docx(body), "r.docx", 10**7) == "改造G220-1线，长3.5公里\t1\n"


def test_strict_open_xml_word_files_are_read():
    strict = make_docx(w_p(w_r("新建青松路")))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(strict)) as source, zipfile.ZipFile(out, "w") as archive:
        for name in source.namelist():
            archive.writestr(name, source.read(name).replace(
                b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                b"http://purl.oclc.org/ooxml/wordprocessingml/main"))
    assert docx_text(out.getvalue(), "r.docx", 10**7) == "新建青松路\n"


def test_a_zip_bomb_beside_large_pictures_is_refused(tmp_path):
    import os

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/media/image1.png", os.urandom(2_000_000), compress_type=zipfile.ZIP_STORED)
        archive.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                         'wordprocessingml/2006/main"><w:body>' + w_p(w_r("a")) * 1_000_000 + "</w:body></w:document>")
    path = tmp_path / "bomb.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(InputError, match=r"its text would unpack to more than 100 times its zipped size"):
        read_report(path)


def test_a_word_file_whose_text_is_over_the_size_limit_is_refused():
    with pytest.raises(InputError, match="text is over the 0.0005 MB size limit"):
        docx_text(make_docx(w_p(w_r("路" * 1000))), "r.docx", 10**7, max_text=500)


def test_a_word_file_whose_compressed_text_is_damaged_is_named(tmp_path):
    data = bytearray(make_docx(WORD_BODY * 20))
    body = data.index(b"word/document.xml") + len("word/document.xml")  # the local header's name, then the data
    data[body + 5:body + 25] = bytes(20)
    path = tmp_path / "report.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="is a damaged or encrypted Word file"):
        read_report(path)


WORD_2003 = (
    '<?mso-application progid="Word.Document"?>\n<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/'
    '2003/wordml" xmlns:aml="http://schemas.microsoft.com/aml/2001/core"><w:body><wx:sect xmlns:wx="http://schemas.'
    'microsoft.com/office/word/2003/auxHint"><w:p><w:r><w:t>今年新建青松路</w:t></w:r>'
    '<w:r><w:footnote><w:p><w:r><w:t>脚注里的滨河路。</w:t></w:r></w:p></w:footnote></w:r>'
    '<aml:annotation aml:id="0" w:type="Word.Deletion"><aml:content><w:r><w:delText>和删除路</w:delText></w:r>'
    '</aml:content></aml:annotation><w:r><w:t>，改造北园大街</w:t></w:r>'
    '<aml:annotation aml:id="1" w:type="Word.Comment"><aml:content><w:p><w:r><w:t>批注：新建批注路</w:t></w:r>'
    '</w:p></aml:content></aml:annotation><w:r><w:rPr><w:vanish/></w:rPr><w:t>和隐藏小学</w:t></w:r>'
    '<w:r><w:t>。</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r>'
    '<w:t>红枫湖公园</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:sectPr><w:hdr w:type="odd"><w:p><w:r>'
    '<w:t>页眉里的东岭中学</w:t></w:r></w:p></w:hdr></w:sectPr></wx:sect></w:body></w:wordDocument>')
FLAT_OPC = (
    '<?mso-application progid="Word.Document"?>\n<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/'
    'xmlPackage"><pkg:part pkg:name="/word/footnotes.xml"><pkg:xmlData><w:footnotes xmlns:w="http://schemas.'
    'openxmlformats.org/wordprocessingml/2006/main"><w:footnote><w:p><w:r><w:t>脚注里的滨河路。</w:t></w:r></w:p>'
    '</w:footnote></w:footnotes></pkg:xmlData></pkg:part><pkg:part pkg:name="/word/document.xml"><pkg:xmlData>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    + w_p(w_r("今年新建青松路，改造北园大街。"))
    + "<w:tbl><w:tr><w:tc>" + w_p(w_r("1")) + "</w:tc><w:tc>" + w_p(w_r("红枫湖公园")) + "</w:tc></w:tr></w:tbl>"
    + '</w:body></w:document></pkg:xmlData></pkg:part><pkg:part pkg:name="/word/header1.xml"><pkg:xmlData>'
    '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' + w_p(w_r("页眉里的东岭中学"))
    + "</w:hdr></pkg:xmlData></pkg:part></pkg:package>")


@pytest.mark.parametrize("name, document, codec", [
    ("report.xml", WORD_2003, "utf-8"),
    ("report.doc", WORD_2003, "gb2312"),  # a .doc a program wrote from a Word 2003 XML template
    ("report.xml", FLAT_OPC, "utf-8"),
])
def test_a_word_xml_document_is_read_as_its_text(tmp_path, name, document, codec):
    path = tmp_path / name
    path.write_bytes(f'<?xml version="1.0" encoding="{codec}" standalone="yes"?>\n{document}'.encode(codec))
    text, kind = read_document(path)
    assert kind == "docx"
    assert text == "今年新建青松路，改造北园大街。\n1\n红枫湖公园\n"  # no comment, footnote, header, deleted or hidden text
    names = {f["properties"]["name"] for f in extract_file(path)}
    assert {"青松路", "北园大街", "红枫湖公园"} <= names


def _alt_chunk(rid):
    return f'<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}"/>'


def test_a_part_a_word_file_shows_from_another_format_is_read_where_it_stands(tmp_path):
    # Programs writing Word files from web pages (OA systems) leave the page as an altChunk, which Word shows.
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" '
            'Target="/word/afchunk1.htm" Id="rIdAlt1"/>'
            '<Relationship Id="rIdAlt2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'aFChunk" Target="afchunk2.rtf"/></Relationships>')
    page = '<html><body><p>新建青松路和白石小学。</p><table><tr><td>1</td><td>红枫湖公园</td></tr></table></body></html>'
    path = tmp_path / "report.docx"
    path.write_bytes(make_docx(w_p(w_r("今年重点工作如下：")) + _alt_chunk("rIdAlt1") + w_p(w_r("加快济泺路北延工程。")),
                           extra=[("word/_rels/document.xml.rels", rels),
                                  ("word/afchunk1.htm", page.encode("gb18030"))]))
    assert read_report(path).splitlines() == ["今年重点工作如下：", "新建青松路和白石小学。", "1", "红枫湖公园",
                                              "加快济泺路北延工程。"]
    assert {"青松路", "白石小学", "红枫湖公园"} <= {f["properties"]["name"] for f in extract_file(path)}
    path.write_bytes(make_docx(w_p(w_r("新建青松路。")) + _alt_chunk("rIdAlt2"),
                           extra=[("word/_rels/document.xml.rels", rels), ("word/afchunk2.rtf", r"{\rtf1 x}")]))
    with pytest.raises(InputError, match=r"showing a part of another format \(word/afchunk2.rtf\)"):
        read_report(path)


def test_a_word_file_whose_document_part_has_another_name_is_read_by_its_relationships():
    moved = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx(w_p(w_r("新建青松路。"))))) as source, zipfile.ZipFile(moved, "w") as archive:
        archive.writestr("[Content_Types].xml", source.read("[Content_Types].xml"))
        archive.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'relationships"><Relationship Id="rId1" Target="word/document2.xml" Type="http://schemas.'
                         'openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')
        archive.writestr("word/document2.xml", source.read("word/document.xml"))
    assert docx_text(moved.getvalue(), "r.docx", 10**7) == "新建青松路。\n"


_CHUNK_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rIdAlt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
               'aFChunk" Target="afchunk1.htm"/></Relationships>')


def test_a_part_shown_again_and_again_is_read_once_and_held_to_the_size_limit(monkeypatch):
    from geo.extract import wordml

    # One altChunk shown 2,000 times (a few KB showing 50 MB of text; 20,000 times ran for minutes): it
    # was read once per mention, and the text it showed held to no size limit.
    chunks = Calls(wordml._chunk_text)
    monkeypatch.setattr(wordml, "_chunk_text", chunks)
    page = "<html><body>" + "<p>新建青松路和白石小学。</p>" * 2_000 + "</body></html>"
    extra = [("word/_rels/document.xml.rels", _CHUNK_RELS), ("word/afchunk1.htm", page)]
    twice = make_docx(_alt_chunk("rIdAlt1") + w_p(w_r("加快济泺路北延工程。")) + _alt_chunk("rIdAlt1"), extra=extra)
    assert docx_text(twice, "r.docx", 10**8).splitlines().count("新建青松路和白石小学。") == 4_000
    assert chunks.count == 1
    again = make_docx(_alt_chunk("rIdAlt1") * 2_000, extra=extra)
    with pytest.raises(InputError, match="text is over the 1 MB size limit"):
        docx_text(again, "r.docx", 10**8, max_text=1_000_000)
    assert chunks.count == 2  # once more, for this file


def test_a_relationship_left_unended_takes_no_attribute_from_the_tags_after_it():
    # Relationships left unended were matched by a pattern looking for each attribute up to the next
    # ">", past the next tags to the end of the part: quadratic (3 KB zipped: over a minute; timed in
    # scripts/bench_inputs.py). Each tag is read up to the next bracket: its own attributes only.
    unended = ("<Relationships><Relationship Id='rIdAlt1' <Relationship Target='afchunk1.htm' "
               "Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk'/></Relationships>")
    extra = [("word/_rels/document.xml.rels", unended), ("word/afchunk1.htm", "<p>新建青松路。</p>")]
    with pytest.raises(InputError, match="the part rIdAlt1 it shows in its text is missing"):
        docx_text(make_docx(_alt_chunk("rIdAlt1"), extra=extra), "r.docx", 10**8)


def test_the_relationships_of_a_word_file_left_unended_or_unpacking_past_the_limit_are_refused():
    unended = "<Relationships>" + "<Relationship Id='rIdAlt1' Target='a.htm' " * 30_000
    with pytest.raises(InputError, match="is missing"):
        docx_text(make_docx(_alt_chunk("rIdAlt1"), extra=[("word/_rels/document.xml.rels", unended)]), "r.docx", 10**8)
    with pytest.raises(InputError, match="is not a valid Word .docx: a zip archive without word/document.xml"):
        docx_text(make_zip(("_rels/.rels", unended), ("word/document2.xml", "<x/>")), "r.docx", 10**8)
    bomb = _CHUNK_RELS.replace("<Relationship ", " " * 30_000_000 + "<Relationship ")  # 30 MB zipped into 30 KB
    with pytest.raises(InputError, match=r"part word/_rels/document.xml.rels is over the size limit"):
        docx_text(make_docx(_alt_chunk("rIdAlt1"), extra=[("word/_rels/document.xml.rels", bomb)]), "r.docx", 10**8)


def test_parts_shown_inside_parts_deeper_than_any_word_file_are_refused_in_one_line():
    rels = _CHUNK_RELS.replace("afchunk1.htm", "chunk.docx")
    data = make_docx(w_p(w_r("新建青松路。")))
    for _ in range(100):
        data = make_docx(_alt_chunk("rIdAlt1"), extra=[("word/_rels/document.xml.rels", rels), ("word/chunk.docx", data)])
    with pytest.raises(InputError, match="parts nested over 8 deep"):
        docx_text(data, "r.docx", 10**8)


def test_a_word_file_with_a_member_name_that_is_not_utf8_as_flagged_is_named_as_damaged(tmp_path):
    # zipfile raised UnicodeDecodeError reading its list of members: an unexpected error naming no file.
    from document_files import with_a_name_not_utf8

    path = tmp_path / "report.docx"
    path.write_bytes(with_a_name_not_utf8(make_docx(WORD_BODY)))
    with pytest.raises(InputError, match=r"report\.docx: is a damaged or encrypted Word file \('utf-8' codec"):
        read_report(path)


def test_a_word_file_of_an_embedded_object_alone_is_named_so_not_as_a_report_without_projects(tmp_path):
    # A report pasted in as an object (an icon to double-click): "no spatial projects found in the report".
    body = w_p('<w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Embed" '
               'ProgID="Word.Document.12"/></w:object></w:r>')
    path = tmp_path / "青山县报告.docx"
    path.write_bytes(make_docx(body, extra=(("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0" + bytes(60)),)))
    with pytest.raises(InputError, match=r"holds no text of its own, only embedded objects \(oleobject1.bin\)"):
        read_report(path)
    path.write_bytes(make_docx(w_p(w_r("新建白石路。")) + body,
                               extra=(("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0" + bytes(60)),)))
    assert "白石路" in read_report(path)  # text beside an object: read as before


def test_a_word_file_of_scanned_pages_alone_is_named_so_not_as_a_report_without_projects(tmp_path):
    # A scanned report pasted into Word as pictures, a page each: "no spatial projects found in the report".
    body = w_p('<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
               'wordprocessingDrawing"/></w:drawing></w:r>')
    pictures = tuple((f"word/media/image{n}.png", b"\x89PNG\r\n\x1a\n" + bytes(60)) for n in (1, 2))
    path = tmp_path / "青山县报告.docx"
    path.write_bytes(make_docx(body * 2, extra=pictures))
    with pytest.raises(InputError) as info:
        read_report(path)
    assert str(info.value) == (f"{path}: holds no text, only pictures (image1.png、image2.png): a scanned report? Its "
                               "text needs OCR (WPS: 图片转文字), or give the report as text")
    path.write_bytes(make_docx(w_p(w_r("新建白石路。")) + body, extra=pictures))
    assert "白石路" in read_report(path)  # text beside pictures: read as before
