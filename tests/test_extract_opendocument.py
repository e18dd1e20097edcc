"""OpenDocument texts (.odt, .fodt) read as their body, damaged or protected ones named."""

import io
import zipfile

import pytest

from document_files import ODF, make_zip
from geo.extract import extract_file, read_document, read_report
from geo.io import InputError


ODF_BODY = (
    '<office:automatic-styles><style:style style:name="T9" style:family="text"><style:text-properties '
    'text:display="none"/></style:style></office:automatic-styles><office:body><office:text><text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
    "<text:p>删除的滨河路</text:p></text:deletion></text:changed-region></text:tracked-changes>"
    '<text:h text:outline-level="1">天桥区政府工作报告</text:h>'
    '<text:p>今年新建<text:span text:style-name="T1">青松路</text:span><text:change text:change-id="c1"/>'
    '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>'
    "<text:p>脚注里的东岭中学。</text:p></text:note-body></text:note>，改造北园大街"
    "<office:annotation><dc:creator>审稿人</dc:creator><text:p>批注：新建批注路</text:p></office:annotation>"
    '。<text:span text:style-name="T9">隐藏的西岭中学</text:span><text:s/>项目<text:tab/>红枫湖<text:line-break/>公园'
    '<draw:frame><svg:title>图片里的西岭小学</svg:title><draw:text-box><text:p>文本框里的白石小学</text:p>'
    "</draw:text-box></draw:frame></text:p>"
    "<text:list><text:list-item><text:p>建成湖滨公园。</text:p></text:list-item></text:list>"
    '<table:table><table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>1</text:p>'
    "</table:table-cell><table:covered-table-cell/><table:table-cell><text:p>药山公园</text:p>"
    "</table:table-cell></table:table-row></table:table></office:text></office:body>")
ODF_LINES = ["天桥区政府工作报告", "今年新建青松路，改造北园大街。 项目\t红枫湖", "公园", "文本框里的白石小学",
             "建成湖滨公园。", "1", "药山公园"]


def test_an_opendocument_text_is_read_as_its_body(tmp_path):
    path = tmp_path / "report.odt"
    path.write_bytes(make_zip(("mimetype", "application/vnd.oasis.opendocument.text"),
                          ("content.xml", f'<?xml version="1.0"?><office:document-content {ODF}>{ODF_BODY}'
                                          "</office:document-content>")))
    assert read_document(path) == ("\n".join(ODF_LINES) + "\n", "odt")
    names = {f["properties"]["name"] for f in extract_file(path)}
    assert {"青松路", "北园大街", "白石小学", "湖滨公园", "药山公园"} <= names
    assert not names & {"滨河路", "东岭中学", "批注路", "西岭小学", "西岭中学"}


@pytest.mark.parametrize("count, spaces", [("3", 3), ("²", 1), ("٣", 1), ("", 1), ("x", 1), ("99999999999999999999", 1000)])
def test_a_run_of_spaces_whose_count_is_no_ascii_number_is_one_space(tmp_path, count, spaces):
    # <text:s text:c="²"/>: str.isdigit() took the superscript for a number, int() did not, and
    # geo extract stopped with a ValueError naming no file.
    path = tmp_path / "report.fodt"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {ODF} office:mimetype="application/'
                    'vnd.oasis.opendocument.text"><office:body><office:text><text:p>新建青松路<text:s '
                    f'text:c="{count}"/>改造北园大街</text:p></office:text></office:body></office:document>',
                    encoding="utf-8")
    assert read_document(path) == (f"新建青松路{' ' * spaces}改造北园大街\n", "odt")


def test_a_flat_opendocument_text_is_read_without_its_running_heads(tmp_path):
    path = tmp_path / "report.fodt"
    styles = ('<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>页眉里的东岭中学'
              "</text:p></style:header></style:master-page></office:master-styles>")
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {ODF} office:mimetype="application/'
                    f'vnd.oasis.opendocument.text">{styles}{ODF_BODY}</office:document>', encoding="utf-8")
    assert read_document(path) == ("\n".join(ODF_LINES) + "\n", "odt")


def test_paragraphs_nested_deep_are_read_in_time_linear_in_their_depth(tmp_path):
    # As in a Word file: each paragraph's inner lines were copied into its parent's as it closed.
    from test_extract_wordml import cpu_seconds

    def read(depth):
        path = tmp_path / f"{depth}.fodt"
        if not path.exists():
            path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {ODF}><office:body><office:text>'
                            + "<text:p>" * depth + "新建青松路" + "</text:p>" * depth
                            + "</office:text></office:body></office:document>", encoding="utf-8")
        assert read_document(path)[0].split() == ["新建青松路"]

    assert cpu_seconds(read, 160_000) < 25 * cpu_seconds(read, 20_000)


def test_paragraphs_inside_paragraphs_follow_them_in_document_order(tmp_path):
    path = tmp_path / "report.fodt"
    box = '<draw:frame><draw:text-box>{}</draw:text-box></draw:frame>'
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {ODF}><office:body><office:text>'
                    "<text:p>一" + box.format("<text:p>二" + box.format("<text:p>三</text:p>") + "</text:p><text:p>四</text:p>")
                    + "五</text:p><text:p>六</text:p></office:text></office:body></office:document>", encoding="utf-8")
    assert read_document(path)[0].split() == ["一五", "二", "三", "四", "六"]


def test_a_password_protected_opendocument_text_is_named(tmp_path):
    path = tmp_path / "report.odt"
    path.write_bytes(make_zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", b"\x8f\x02garbled"),
                          ("META-INF/manifest.xml", '<manifest:manifest><manifest:file-entry manifest:full-path='
                           '"content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>')))
    with pytest.raises(InputError, match="is a password-protected OpenDocument text"):
        read_report(path)


def test_an_opendocument_text_cut_short_is_named_as_one(tmp_path):
    content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
               + "<text:p>新建青松路。</text:p>" * 200 + "</office:text></office:body></office:document-content>")
    path = tmp_path / "report.odt"
    path.write_bytes(make_zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content))[:300])
    with pytest.raises(InputError, match=r"is a zip archive cut short \(its end, the list of its files, is missing"):
        read_report(path)


def _bomb_member(archive, name, head: bytes, size: int):
    """A member ``name`` of ``archive``: ``head`` then spaces, ``size`` bytes in all (a zip bomb)."""
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=True) as member:
        member.write(head)
        for _ in range(size // (1 << 20)):
            member.write(b" " * (1 << 20))


@pytest.mark.parametrize("bombed", ["mimetype", "META-INF/manifest.xml"])
def test_a_small_member_of_an_opendocument_text_that_unpacks_to_a_zip_bomb_is_not_held_in_memory(tmp_path, bombed):
    import tracemalloc

    content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
               "<text:p>新建青松路。</text:p></office:text></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        if bombed == "mimetype":
            _bomb_member(archive, "mimetype", b"application/vnd.oasis.opendocument.text", 200_000_000)
        else:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            _bomb_member(archive, bombed, b"<manifest:manifest>", 200_000_000)
        archive.writestr("content.xml", content)
    path = tmp_path / "report.odt"
    path.write_bytes(out.getvalue())  # 200 KB
    tracemalloc.start()
    try:
        if bombed == "mimetype":
            assert read_document(path) == ("新建青松路。\n", "odt")
        else:
            with pytest.raises(InputError, match="is an OpenDocument text whose part META-INF/manifest.xml is over"):
                read_document(path)
        assert tracemalloc.get_traced_memory()[1] < 50_000_000
    finally:
        tracemalloc.stop()


def test_an_opendocument_text_with_a_member_name_that_is_not_utf8_as_flagged_is_named_as_damaged(tmp_path):
    # zipfile raised UnicodeDecodeError reading its list of members: an unexpected error naming no file.
    from document_files import with_a_name_not_utf8

    path = tmp_path / "report.odt"
    path.write_bytes(with_a_name_not_utf8(make_zip(
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", f'<?xml version="1.0"?><office:document-content {ODF}>{ODF_BODY}</office:document-content>'))))
    with pytest.raises(InputError, match=r"report\.odt: is a damaged OpenDocument text \('utf-8' codec"):
        read_report(path)


def test_an_opendocument_text_of_scanned_pages_alone_is_named_so(tmp_path):
    # A scanned report inserted into LibreOffice or WPS as pictures: "no spatial projects found in the report".
    frame = '<draw:frame><draw:image xlink:href="Pictures/1.png" xmlns:xlink="http://www.w3.org/1999/xlink"/></draw:frame>'
    body = f"<office:body><office:text><text:p>{frame}</text:p></office:text></office:body>"
    path = tmp_path / "青山县报告.odt"
    path.write_bytes(make_zip(("mimetype", "application/vnd.oasis.opendocument.text"),
                              ("content.xml", f'<?xml version="1.0"?><office:document-content {ODF}>{body}'
                                              "</office:document-content>"),
                              ("Pictures/1.png", b"\x89PNG\r\n\x1a\n" + bytes(60))))
    with pytest.raises(InputError) as info:
        read_report(path)
    assert str(info.value) == (f"{path}: holds no text, only pictures (1.png): a scanned report? Its text needs OCR "
                               "(WPS: 图片转文字), or give the report as text")
