"""OFD reports (GB/T 33190 开放版式文档) read as their printed lines, like a PDF's text layer.

The packages are built here as real producers write them. Their layout follows public samples:
OFD.xml and Doc_0/Document.xml as 数科 (Suwell) writes them (DocInfo with DocID and Creator,
DocRoot ``Doc_0/Document.xml``, CommonData with MaxUnitID, PageArea, PublicRes and DocumentRes,
``ofd:Page ID BaseLoc="Pages/Page_N/Content.xml"``; a Signatures entry ``/Doc_0/Signs/Signatures.xml``
from the root), PublicRes.xml's ``ofd:Res BaseLoc="Res"`` with ``ofd:Fonts/ofd:Font``; pages as in
ofdrw's test resources (ofdrw-pkg/src/test/resources/Content.xml: a TextObject per line, one
TextCode with a DeltaX per character; ofdrw-tool/src/test/resources/page_content.xml: a TextObject
per character with its CGTransform, TextCode X="0.844" Y="4.8331"), and Suwell's converter
output (CTM="0.3528 0 0 0.3528 0 0": Size, X, Y and DeltaX in points, Boundary in mm). The
``g N v`` runs of DeltaX are those of 增值税电子发票 (DeltaX="g 10 6.61"). Two packages easyofd
wrote from wrapped_report.pdf (tests/fixtures/documents/make_ofd.py) are read as they are.
"""

import io
import subprocess
import sys
import types
import unicodedata
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from geo.cli import main
from geo.extract import extract_file, read_document, read_report
from geo.extract.ofd import ofd_text
from geo.io import InputError, zip_part_limit
from document_files import project_table_rows
from work_counts import Calls

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

# GB/T 9704 公文 layout: 仿宋_GB2312 三号 (16 pt), 28 characters a line, 22 lines a page.
SIZE = 16 * 25.4 / 72  # 5.644 mm
CHAR = 156 / 28  # the character pitch of a justified line
PITCH = 225 / 22  # the line pitch
LEFT, TOP = 28.0, 37.0
ASCENT = 0.86  # the baseline below a TextObject's top, in font sizes (4.8331 / 5.6268 in ofdrw's sample)

TITLE = "天桥区2025年政府工作报告（节选）"
PARAGRAPHS = [
    "各位代表：",
    "过去一年，我们坚持稳中求进工作总基调，城市面貌持续改善。完成北园大街综合整治，改造提升道路13条，"
    "新建实验小学投入使用，建成口袋公园12处，城市功能品质稳步提升。",
    "今年，我们将聚焦城市更新和民生改善，集中力量办好一批群众关心的实事。实施北园大街改造提升工程，"
    "打通无影山中路，新建实验小学二期和泺口幼儿园，改造道路13条，加快推进堤口路拓宽工程和药山公园提升工程，"
    "建设泺口片区安置房，完成老旧小区改造20个，让群众生活更加便利。",
    "我们还将深入推进生态环境保护，实施小清河生态水质提升工程，建设滨河绿道，新建公园5处，"
    "持续改善人居环境，努力让天桥的天更蓝、水更清、地更绿。",
]


# --------------------------------------------------------------------------- building packages


def _ofd_xml(root="Doc_0/Document.xml", signed=False):
    signatures = "<ofd:Signatures>/Doc_0/Signs/Signatures.xml</ofd:Signatures>" if signed else ""
    return (f'{DECLARATION}<ofd:OFD {NS} DocType="OFD" Version="1.0"><ofd:DocBody><ofd:DocInfo>'
            "<ofd:DocID>6b2ee2c019b211eb80002b8300002b83</ofd:DocID><ofd:Title>政府工作报告</ofd:Title>"
            "<ofd:CreationDate>2025-01-08</ofd:CreationDate><ofd:Creator>Suwell OFD Writer</ofd:Creator>"
            f"</ofd:DocInfo><ofd:DocRoot>{root}</ofd:DocRoot>{signatures}</ofd:DocBody></ofd:OFD>")


def _document_xml(locations, extra=""):
    pages = "".join(f'<ofd:Page ID="{10 + i}" BaseLoc="{loc}"/>' for i, loc in enumerate(locations))
    return (f"{DECLARATION}<ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID>"
            "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
            "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>"
            f"{extra}</ofd:CommonData><ofd:Pages>{pages}</ofd:Pages></ofd:Document>")


PUBLIC_RES = (f'{DECLARATION}<ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>'
              '<ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋_GB2312" Charset="unicode"/>'
              '<ofd:Font ID="4" FontName="方正小标宋简体" FamilyName="方正小标宋简体"/></ofd:Fonts></ofd:Res>')
DOCUMENT_RES = (f'{DECLARATION}<ofd:Res {NS} BaseLoc="Res"><ofd:MultiMedias>'
                '<ofd:MultiMedia ID="5" Type="Image"><ofd:MediaFile>image_5.png</ofd:MediaFile></ofd:MultiMedia>'
                "</ofd:MultiMedias></ofd:Res>")


def _content_xml(objects, template=""):
    return (f'{DECLARATION}<ofd:Page {NS}><ofd:Area><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area>'
            f'{template}<ofd:Content><ofd:Layer ID="2" Type="Body">{objects}</ofd:Layer></ofd:Content></ofd:Page>')


def _package(pages, *, locations=None, document=None, ofd=None, members=(), stored=False):
    """The bytes of an OFD: ``pages`` are the objects of each page's layer."""
    locations = locations or [f"Pages/Page_{i}/Content.xml" for i in range(len(pages))]
    files = {"OFD.xml": ofd or _ofd_xml(), "Doc_0/Document.xml": document or _document_xml(locations),
             "Doc_0/PublicRes.xml": PUBLIC_RES, "Doc_0/DocumentRes.xml": DOCUMENT_RES}
    for i, objects in enumerate(pages):
        files[f"Doc_0/Pages/Page_{i}/Content.xml"] = _content_xml(objects)
    files.update(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def _advance(char, size=SIZE):
    """A character's advance: a Han character or full-width mark a pitch, a digit or letter half a size."""
    return CHAR * size / SIZE if unicodedata.east_asian_width(char) in "WFA" else size / 2


def _delta_x(text, scale=1.0):
    """DeltaX of a text as producers write it: runs of one advance as ``g N v``."""
    steps = [round(_advance(char) * scale, 4) for char in text[:-1]]
    parts, i = [], 0
    while i < len(steps):
        j = i
        while j < len(steps) and steps[j] == steps[i]:
            j += 1
        parts.append(f"g {j - i} {steps[i]:g}" if j - i > 1 else f"{steps[i]:g}")
        i = j
    return " ".join(parts)


def _objects(lines, mode="line", first_id=100):
    """TextObjects printing ``lines`` ((x, baseline, text) in mm): one per line (``line``), one per
    character (``char``), or one per line in points under a CTM (``points``, Suwell's converter)."""
    out, ident = [], first_id
    for x, baseline, text in lines:
        top = round(baseline - ASCENT * SIZE, 4)
        if mode == "char":
            for char in text:
                out.append(f'<ofd:TextObject ID="{ident}" Boundary="{x:.4f} {top} 7 5.5" Font="3" Size="{SIZE:.4f}">'
                           '<ofd:CGTransform CodePosition="0" CodeCount="1" GlyphCount="1"><ofd:Glyphs>13</ofd:Glyphs>'
                           f'</ofd:CGTransform><ofd:TextCode X="0" Y="{ASCENT * SIZE:.4f}">{char}</ofd:TextCode>'
                           "</ofd:TextObject>")
                x += _advance(char)
                ident += 1
        elif mode == "points":
            pt = 72 / 25.4
            out.append(f'<ofd:TextObject ID="{ident}" CTM="0.3528 0 0 0.3528 0 0" Boundary="{x:.4f} {top} 160 6" '
                       f'Font="3" Size="16"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" '
                       f'Y="{ASCENT * 16:.3f}" DeltaX="{_delta_x(text, pt)}">{text}</ofd:TextCode></ofd:TextObject>')
            ident += 1
        else:
            width = sum(_advance(char) for char in text)
            out.append(f'<ofd:TextObject ID="{ident}" Boundary="{x:.4f} {top} {width:.4f} {SIZE + 0.5:.4f}" Font="3" '
                       f'Size="{SIZE:.4f}"><ofd:FillColor Value="0 0 0"/>\n  <ofd:TextCode X="0" Y="{ASCENT * SIZE:.4f}" '
                       f'DeltaX="{_delta_x(text)}">\n    {text}\n  </ofd:TextCode></ofd:TextObject>')
            ident += 1
    return "".join(out)


def _wrapped(paragraph, column=156):
    """The printed lines of a paragraph: a two-character indent, then as much as fits ``column`` mm."""
    lines, line, width, indent = [], "", 0.0, 2 * CHAR
    for char in paragraph:
        if line and indent + width + _advance(char) > column + 0.01:
            lines.append((LEFT + indent, line))
            line, width, indent = "", 0.0, 0.0
        line += char
        width += _advance(char)
    lines.append((LEFT + indent, line))
    return lines


def _report_pages():
    """The report's printed lines, page by page: (x, baseline, text); a page number at each foot."""
    printed = [(LEFT + 30, TITLE)] + [line for paragraph in PARAGRAPHS for line in _wrapped(paragraph)]
    pages = [printed[:8], printed[8:]]  # the page breaks mid-sentence
    return [[(x, TOP + (row + 1) * PITCH, text) for row, (x, text) in enumerate(page)]
            + [(100.0, 275.0, f"- {number} -")] for number, page in enumerate(pages, 1)]


def _report(mode="line", second_mode=None):
    pages = _report_pages()
    return _package([_objects(pages[0], mode), _objects(pages[1], second_mode or mode, first_id=500)])


def _write(tmp_path, data, name="report.ofd"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- reading


def test_a_two_page_report_gives_the_projects_of_the_same_text(tmp_path):
    ofd = _write(tmp_path, _report("line", second_mode="points"))
    txt = tmp_path / "report.txt"
    txt.write_text("\n".join([TITLE, *PARAGRAPHS]) + "\n", encoding="utf-8")
    text, kind = read_document(ofd)
    assert kind == "ofd"
    assert text.count("\f") == 1 and text.startswith(TITLE + "\n各位代表：\n")
    assert "- 1 -\n\f" in text and text.rstrip().endswith("- 2 -")

    def projects(path):
        return sorted((f["properties"]["name"], str(f["properties"]["quantity"])) for f in extract_file(path))

    from_ofd = projects(ofd)
    assert from_ofd == projects(txt)
    names = {name for name, _ in from_ofd}
    assert {"北园大街", "实验小学", "实验小学二期", "道路（改造）", "堤口路", "泺口片区安置房"} <= names
    assert ("道路（改造）", "{'value': 13, 'unit': '条'}") in from_ofd


def test_a_report_read_is_its_lines_as_printed():
    text = ofd_text(_report(), "r.ofd", 10**8)
    printed = [text for page in _report_pages() for _, _, text in page]
    assert text.replace("\f", "").splitlines() == printed


def test_a_textcode_per_character_reads_as_one_per_line():
    assert ofd_text(_report("char"), "r.ofd", 10**8) == ofd_text(_report("line"), "r.ofd", 10**8)
    assert ofd_text(_report("points"), "r.ofd", 10**8) == ofd_text(_report("line"), "r.ofd", 10**8)


def test_lines_out_of_order_in_the_xml_come_out_top_to_bottom():
    lines = _report_pages()[0]
    shuffled = lines[::-1][:3] + lines[:-3][::2] + lines[:-3][1::2]
    assert sorted(shuffled) == sorted(lines)
    text = ofd_text(_package([_objects(shuffled, "char")]), "r.ofd", 10**8)
    assert text.splitlines() == [line for _, _, line in lines]


def test_pieces_of_a_line_are_joined_left_to_right():
    # 北园大街 written after 改造提升 on the same baseline, each piece twice (bold drawn twice); a
    # number apart from its text by a wide gap; a title spaced out
    y = TOP + PITCH
    pieces = [(LEFT + 4 * CHAR, y, "改造提升工程"), (LEFT, y, "北园大街"), (LEFT + 20 * CHAR, y, "13"),
              (LEFT + 14 * CHAR, y, "改造道路")]
    title = [(LEFT + 3 * i * CHAR, y - PITCH, char) for i, char in enumerate("政府工作报告")]  # spaced out
    text = ofd_text(_package([_objects(pieces * 2 + title + [(LEFT, y + PITCH, "新建实验小学")])]), "r.ofd", 10**8)
    assert text == "政府工作报告\n北园大街改造提升工程改造道路 13\n新建实验小学\n"


def test_delta_x_with_g_runs_places_each_character():
    code = ('<ofd:TextObject ID="1" Boundary="20 40 170 8" Font="3" Size="5"><ofd:TextCode X="0" Y="4.3" '
            'DeltaX="g 3 5 2.5 g 2 5">改造道路13条</ofd:TextCode></ofd:TextObject>'
            # the characters in between, placed after the first TextCode's by its DeltaX
            '<ofd:TextObject ID="2" Boundary="20 40 170 8" Font="3" Size="5"><ofd:TextCode X="32.5" Y="4.3" '
            'DeltaX="g 9 5">，新建实验小学二期</ofd:TextCode></ofd:TextObject>'
            '<ofd:TextObject ID="3" Boundary="20 40 170 8" Font="3" Size="5"><ofd:TextCode X="0" Y="14.3" '
            'DeltaX="5">北园大街</ofd:TextCode></ofd:TextObject>')
    assert ofd_text(_package([code * 3]), "r.ofd", 10**8) == "改造道路13条，新建实验小学二期\n北园大街\n"


def test_delta_y_breaks_a_textcode_over_lines():
    # a TextCode whose DeltaY moves its last six characters a line down (and no further: the
    # DeltaY lists fewer offsets than characters), its DeltaX back left
    code = ('<ofd:TextObject ID="1" Boundary="20 40 170 30" Font="3" Size="5"><ofd:TextCode X="0" Y="5" '
            'DeltaX="g 9 5 -45 g 3 5" DeltaY="g 9 0 8">改造提升北园大街和堤口路新建公园</ofd:TextCode>'
            '<ofd:TextCode X="0" Y="21">建成口袋公园12处</ofd:TextCode></ofd:TextObject>')
    text = ofd_text(_package([code]), "r.ofd", 10**8)
    assert text == "改造提升北园大街和堤\n口路新建公园\n建成口袋公园12处\n"


def test_a_location_from_the_package_root_and_a_template_left_out(tmp_path):
    lines = _report_pages()[0]
    template = (f'{DECLARATION}<ofd:Page {NS}><ofd:Content><ofd:Layer ID="1">'
                + _objects([(LEFT, 20.0, "天桥区人民政府文件（模板里的红头）")]) + "</ofd:Layer></ofd:Content></ofd:Page>")
    document = _document_xml(["/Doc_0/Pages/Page_0/Content.xml"],
                             '<ofd:TemplatePage ID="7" BaseLoc="Tpls/Tpl_0/Content.xml"/>')
    data = _package([_objects(lines)], document=document, ofd=_ofd_xml("/Doc_0/Document.xml", signed=True),
                    members={"Doc_0/Tpls/Tpl_0/Content.xml": template})
    text = read_report(_write(tmp_path, data))
    assert text.splitlines() == [line for _, _, line in lines] and "红头" not in text


def test_an_ofd_in_gbk_and_without_namespace_declarations_is_read():
    lines = _report_pages()[0]
    page = _content_xml(_objects(lines)).replace('encoding="UTF-8"', 'encoding="GBK"').replace(f" {NS}", "")
    data = _package([], members={"Doc_0/Pages/Page_0/Content.xml": page.encode("gbk")},
                    locations=["Pages/Page_0/Content.xml"])
    assert ofd_text(data, "r.ofd", 10**8).splitlines() == [line for _, _, line in lines]


def test_watermarks_hidden_and_vertical_text_are_left_out():
    lines = _report_pages()[0][:8]
    extra = ('<ofd:TextObject ID="901" CTM="0.7071 0.7071 -0.7071 0.7071 0 0" Boundary="30 60 150 150" Size="20">'
             '<ofd:TextCode X="0" Y="20" DeltaX="g 6 20">内部资料注意保密</ofd:TextCode></ofd:TextObject>'
             '<ofd:TextObject ID="902" Visible="false" Boundary="28 48 150 8" Size="5.6">'
             '<ofd:TextCode X="0" Y="4.8">隐藏的北园大街</ofd:TextCode></ofd:TextObject>'
             '<ofd:TextObject ID="903" ReadDirection="90" Boundary="10 50 8 150" Size="5">'
             '<ofd:TextCode X="0" Y="5" DeltaY="g 5 5">竖排的装订线文字</ofd:TextCode></ofd:TextObject>')
    text = ofd_text(_package([extra + _objects(lines)]), "r.ofd", 10**8)
    assert text.splitlines() == [line for _, _, line in lines]


DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"


def test_an_ofd_written_by_easyofd_reads_as_the_pdf_it_was_made_from():
    # easyofd's pdf2ofd (tests/fixtures/documents/make_ofd.py): a namespace of its own, ``size``
    # for Size, and a line's pieces in two fonts all placed at its start (they keep the XML's order)
    ofd, pdf = DOCUMENTS / "wrapped_report_easyofd.ofd", DOCUMENTS / "wrapped_report.pdf"
    text, kind = read_document(ofd)
    assert kind == "ofd" and text == read_report(pdf)
    assert text.startswith("青山区2025 年政府工作报告（摘要）\n") and "红枫湖\n公园" in text
    names = sorted(f["properties"]["name"] for f in extract_file(ofd))
    assert names == sorted(f["properties"]["name"] for f in extract_file(DOCUMENTS / "wrapped_report.txt"))
    assert {"红枫湖公园", "青山大道", "湖滨社区卫生服务中心"} <= set(names)


def test_the_lines_of_an_ofd_are_printed_lines_not_paragraphs(tmp_path, monkeypatch):
    import geo.extract

    looked = []
    real = geo.extract.wrapped_line_breaks
    monkeypatch.setattr(geo.extract, "wrapped_line_breaks", lambda text: looked.append(text) or real(text))
    extract_file(_write(tmp_path, _report()))
    assert len(looked) == 1


def test_an_ofd_without_its_ofd_xml_is_named_no_valid_ofd_not_a_word_file(tmp_path):
    # It said "is a zip archive, not a Word .docx" of a file named .ofd.
    path = _write(tmp_path, _package([]).replace(b"OFD.xml", b"XYZ.xml"), "报告.ofd")
    with pytest.raises(InputError, match=r"报告\.ofd: is not a valid OFD: a zip archive without OFD\.xml") as caught:
        read_report(path)
    assert "not a Word" not in str(caught.value) and "\n" not in str(caught.value)


def test_a_word_file_and_a_plain_zip_are_still_told_apart(tmp_path):
    word = DOCUMENTS / "word_report.docx"
    assert read_document(word)[1] == "docx"
    with pytest.raises(InputError, match="is a zip archive, not a Word .docx"):
        read_report(_write(tmp_path, _package([]).replace(b"OFD.xml", b"XYZ.xml"), "x.zip"))



def _rezipped(data, rename, extra=()):
    """The members of a zip, renamed by ``rename`` (None: left out), and ``extra`` (name, bytes) added."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = [(rename(info.filename), source.read(info)) for info in source.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in [*members, *extra]:
            if name is not None:
                archive.writestr(name, content)
    return out.getvalue()


def test_a_package_zipped_in_its_folder_is_read_as_the_package(tmp_path):
    # An OFD unpacked to look inside, then its folder zipped whole: 政府工作报告/OFD.xml (and a Mac's __MACOSX)
    data = _report()
    folder = _rezipped(data, lambda name: f"政府工作报告/{name}",
                       [("政府工作报告/", b""), ("__MACOSX/政府工作报告/._OFD.xml", b"\x00\x05\x16\x07")])
    text, kind = read_document(_write(tmp_path, folder))
    assert kind == "ofd" and text == read_report(_write(tmp_path, data, "flat.ofd"))
    # A Word file holding a file named OFD.xml in one of its folders is still a Word file.
    word = _rezipped((DOCUMENTS / "word_report.docx").read_bytes(), lambda name: name,
                     [("customXml/OFD.xml", _ofd_xml())])
    assert read_document(_write(tmp_path, word, "word.docx")) == read_document(DOCUMENTS / "word_report.docx")


# --------------------------------------------------------------------------- hostile and broken packages


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                            for i in range(1, 10))
                  + f']><ofd:Page {NS}><ofd:Content><ofd:Layer><ofd:TextObject Boundary="0 0 9 9" Size="5">'
                  '<ofd:TextCode X="0" Y="5">&lol9;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>')


def _bomb():
    """A page of 60 MB of XML that zips to some 100 kB."""
    code = '<ofd:TextObject Boundary="0 0 9 9" Size="5"><ofd:TextCode X="0" Y="5">路</ofd:TextCode></ofd:TextObject>'
    return _package([code * 600_000])


def _member_reads(monkeypatch) -> Calls:
    """Counts the package's members geo parses (each page, each document, OFD.xml)."""
    from geo.extract import ofd

    reads = Calls(ofd._Package.read)
    monkeypatch.setattr(ofd._Package, "read", lambda package, *args: reads(package, *args))
    return reads


def _unpacked(monkeypatch):
    """Counts the bytes unpacked of any zip member (``.bytes``)."""
    counter = types.SimpleNamespace(bytes=0)
    read = zipfile.ZipExtFile.read

    def counted(stream, *args):
        data = read(stream, *args)
        counter.bytes += len(data)
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counted)
    return counter


def _empty_pages(count):
    locations = [f"Pages/Page_{i}/Content.xml" for i in range(count)]
    return _package([""] * count, locations=locations)


def _scan():
    image = '<ofd:ImageObject ID="9" CTM="210 0 0 297 0 0" Boundary="0 0 210 297" ResourceID="5"/>'
    return _package([image, image], members={"Doc_0/Res/image_5.png": b"\x89PNG\r\n\x1a\n" + bytes(64)})


def _encrypted():
    encryptions = (f'{DECLARATION}<ofd:Encryptions {NS}><ofd:EncryptInfo ID="1"><ofd:DecryptSeedLoc>/Doc_0/seed.xml'
                   "</ofd:DecryptSeedLoc><ofd:EntriesMapLoc>/Doc_0/map.xml</ofd:EntriesMapLoc></ofd:EncryptInfo>"
                   "</ofd:Encryptions>")
    return _package([bytes(range(256)) * 4], members={"Encryptions.xml": encryptions})


HOSTILE = [
    ("entities", lambda: _package([], members={"Doc_0/Pages/Page_0/Content.xml": BILLION_LAUGHS},
                                  locations=["Pages/Page_0/Content.xml"]), "declares a document type or entities"),
    ("doctype", lambda: _package([], ofd='<!DOCTYPE ofd:OFD SYSTEM "file:///etc/passwd">' + _ofd_xml()[len(DECLARATION):]),
     "declares a document type or entities"),
    ("escaping-path", lambda: _package([_objects(_report_pages()[0])], locations=["../../etc/passwd"]),
     "page 1 (../../etc/passwd) points outside the package"),
    ("escaping-root", lambda: _package([], ofd=_ofd_xml("/../Doc_0/Document.xml")), "points outside the package"),
    ("missing-page", lambda: _package([_objects(_report_pages()[0])],
                                      locations=["Pages/Page_0/Content.xml", "Pages/Page_9/Content.xml"]),
     "page 2 (Pages/Page_9/Content.xml) is missing from the package"),
    ("signature-only", lambda: _package([], ofd=_ofd_xml(signed=True).replace(
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>", "")), "is an OFD package without a document"),
    ("no-pages", lambda: _package([]), "is an OFD whose document lists no pages"),
    ("empty-pages", lambda: _empty_pages(3000), "is an OFD without a text layer (a scan?): run OCR on it"),
    ("scan", _scan, "is an OFD without a text layer (a scan?): run OCR on it"),
    ("scan-by-easyofd", lambda: (DOCUMENTS / "wrapped_report_scan.ofd").read_bytes(), "is an OFD without a text layer"),
    ("bomb", _bomb, "is an OFD: its pages would unpack to more than 100 times its zipped size (a zip bomb?)"),
    ("not-numbers", lambda: _package([_objects(_report_pages()[0]).replace('Y="4.8', 'Y="abc')]),
     "is a damaged OFD: a TextCode's Y on its page 1 is not a number ('abc"),
    ("infinite-boundary", lambda: _package([_objects(_report_pages()[0]).replace('Boundary="28', 'Boundary="inf')]),
     "a TextObject's Boundary on its page 1 is not 4 numbers"),
    ("bad-delta", lambda: _package([_objects(_report_pages()[0]).replace('DeltaX="g', 'DeltaX="g x')]),
     "a TextCode's DeltaX on its page 1 is not numbers"),
    ("damaged-xml", lambda: _package(["<ofd:TextObject"]), "is a damaged OFD (its Doc_0/Pages/Page_0/Content.xml"),
    ("cut-short", lambda: _report()[:3000], "is a zip archive cut short (its end, the list of its files, is missing"),
    ("encrypted", _encrypted, "is an encrypted OFD"),
]


@pytest.mark.parametrize("make, problem", [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE])
def test_a_hostile_or_broken_ofd_is_one_line_through_the_cli(tmp_path, monkeypatch, make, problem):
    data = make()
    path = _write(tmp_path, data)
    unpacked = _unpacked(monkeypatch)
    result = CliRunner().invoke(main, ["extract", str(path), "-o", str(tmp_path / "out.geojson")])
    # refused having unpacked no more than the file's size lets a part unpack to, and a last piece over
    assert unpacked.bytes <= zip_part_limit(len(data)) + (1 << 20)
    lines = result.stderr.splitlines()
    assert result.exit_code == 2, (result.stderr, result.exception)
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith(f"geo: error: {path}: ") and problem in lines[0], lines[0]
    assert not (tmp_path / "out.geojson").exists()


def test_a_page_listed_again_is_read_once(monkeypatch):
    lines = _report_pages()[0]
    data = _package([_objects(lines)], locations=["Pages/Page_0/Content.xml"] * 500)
    reads = _member_reads(monkeypatch)
    assert ofd_text(data, "r.ofd", 10**8).splitlines() == [line for _, _, line in lines]
    assert reads.count == 3  # OFD.xml, Document.xml and the page


def test_thousands_of_empty_pages_around_the_text_add_no_page_breaks_and_are_each_read_once(monkeypatch):
    pages = [""] * 2000 + [_objects(_report_pages()[0])] + [""] * 2000
    reads = _member_reads(monkeypatch)
    text = ofd_text(_package(pages), "r.ofd", 10**8)
    assert "\f" not in text and text.startswith(TITLE)
    assert reads.count == 2 + len(pages)  # OFD.xml, Document.xml, each page once


def test_an_ofd_whose_text_is_over_the_size_limit_is_refused():
    with pytest.raises(InputError, match="text is over the 0.0001 MB size limit"):
        ofd_text(_report(), "r.ofd", 10**8, max_text=100)


def test_a_delta_repeat_of_a_billion_places_only_the_characters_there_are(monkeypatch):
    from geo.extract import ofd

    code = ('<ofd:TextObject Boundary="20 40 170 8" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 1000000000 5">'
            "新建实验小学，改造北园大街和道路13条，建成口袋公园</ofd:TextCode></ofd:TextObject>")
    deltas = Calls(ofd._deltas)
    monkeypatch.setattr(ofd, "_deltas", deltas)
    assert ofd_text(_package([code]), "r.ofd", 10**8) == "新建实验小学，改造北园大街和道路13条，建成口袋公园\n"
    # an offset for each character, not for each place the repeat names (a billion offsets: 8 GB)
    assert deltas.count and all(len(placed) <= args[1] for args, placed in zip(deltas.args, deltas.results))


def test_a_page_of_more_characters_than_any_printed_page_is_refused():
    code = ('<ofd:TextObject Boundary="0 0 9 9" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 300000 0.001">'
            + "路" * 300_000 + "</ofd:TextCode></ofd:TextObject>")
    with pytest.raises(InputError, match="page 1 holds over 200000 characters"):
        ofd_text(_package([code]), "r.ofd", 10**8)


def test_a_real_process_prints_one_line_for_a_damaged_ofd(tmp_path):
    path = _write(tmp_path, _package([], locations=["../evil/Content.xml"]))
    result = subprocess.run([sys.executable, "-m", "geo", "extract", str(path), "-o", str(tmp_path / "o.geojson")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"geo: error: {path}: is a damaged OFD: page 1") and "Traceback" not in result.stderr



def test_a_document_listed_again_under_other_spellings_is_read_once(monkeypatch):
    lines = _report_pages()[0]
    spellings = [f"{'./' * (i % 50)}{'/' if i % 2 else ''}Doc_0/{'Document' if i % 3 else 'document'}.xml"
                 for i in range(3_000)]
    ofd = _ofd_xml().replace("<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>",
                             "".join(f"<ofd:DocRoot>{root}</ofd:DocRoot>" for root in spellings))
    data = _package([_objects(lines)], ofd=ofd, locations=["Pages/Page_0/Content.xml"] * 20_000)
    reads = _member_reads(monkeypatch)
    assert ofd_text(data, "r.ofd", 10**9).splitlines() == [line for _, _, line in lines]
    assert reads.count == 3  # OFD.xml, Document.xml once (not once a spelling: 30 s), and the page


def test_documents_listing_over_the_page_limit_together_are_refused():
    lines = _report_pages()[0]
    ofd = _ofd_xml().replace("<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>",
                             "".join(f"<ofd:DocRoot>Doc_{i}/Document.xml</ofd:DocRoot>" for i in range(3)))
    document = _document_xml(["Pages/Page_0/Content.xml"] * 20_000)
    members = {f"Doc_{i}/{name}": data for i in (1, 2) for name, data in
               (("Document.xml", document), ("Pages/Page_0/Content.xml", _content_xml(_objects(lines))))}
    with pytest.raises(InputError, match="documents list over 50000 pages"):
        ofd_text(_package([_objects(lines)], ofd=ofd, document=document, members=members), "r.ofd", 10**9)


# --------------------------------------------------------------------------- columns


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"
# Two columns of the 156 mm text block, a two-character gutter between them (a 简报 or a yearbook's page).
COLUMN_GUTTER = 2 * CHAR


def _fixture_report(name):
    return "\n".join(line for line in read_report(FIXTURES / f"{name}.txt").split("\n") if not line.startswith("#"))


def _column_package(text, columns=2, width=156):
    """An OFD of ``text`` set in ``columns`` columns of a ``width`` mm text block, 22 lines a page, a
    TextObject per printed line (each a TextCode with its X, Y and DeltaX), written line by line across
    the page (the first line of each column, then the second…) as typesetting programs write them."""
    column = (width - COLUMN_GUTTER * (columns - 1)) / columns
    lines = _column_lines(text, columns, width, placed=True)
    pages = []
    while lines:
        page, lines = lines[:22 * columns], lines[22 * columns:]
        pages.append([(x + number // 22 * (column + COLUMN_GUTTER), TOP + (number % 22 + 1) * PITCH, line)
                      for row in range(22) for number in range(row, len(page), 22) for x, line in [page[number]]])
    return _package([_objects(page) for page in pages])


def _column_lines(text, columns=2, width=156, placed=False):
    """The printed lines of ``text`` in a column of :func:`_column_package` (``placed``: with their x)."""
    column = (width - COLUMN_GUTTER * (columns - 1)) / columns
    lines = [line for paragraph in text.split("\n") if paragraph.strip() for line in _wrapped(paragraph.strip(), column)]
    return lines if placed else [line for _, line in lines]


def _project_names(text):
    from geo.extract import extract_projects

    return sorted(feature["properties"]["name"] for feature in extract_projects(text))


def test_a_two_column_ofd_is_read_a_column_at_a_time():
    # The lines of the two columns stand on the same baselines: each was read as one line, the left
    # column's sentence running on into the right's; 12 of the report's 21 projects were lost and 6
    # names made of two columns' pieces (厚植人才发展园二期) came instead. An A3 page: 19 characters a column line.
    text = _fixture_report("heldout_r9_govself")
    read = ofd_text(_column_package(text, width=220), "r.ofd", 10**8)
    assert read.replace("\f", "").splitlines() == _column_lines(text, width=220)
    assert _project_names(read) == _project_names(text)


def test_a_three_column_ofd_is_read_a_column_at_a_time():
    # A newspaper's page: 20 characters a column line.
    text = _fixture_report("heldout_north")
    read = ofd_text(_column_package(text, columns=3, width=360), "r.ofd", 10**8)
    assert read.replace("\f", "").splitlines() == _column_lines(text, columns=3, width=360)
    assert _project_names(read) == _project_names(text)


def test_a_table_in_an_ofd_is_read_a_row_a_line_as_before():
    # Cells at one height are a row, read across (the project's name and its work one after the other,
    # as before), not a column at a time.
    rows = project_table_rows()
    cells = [(x, TOP + (row + 1) * PITCH, cell) for row, line in enumerate(rows)
             for x, cell in zip((LEFT, LEFT + 15, LEFT + 80, LEFT + 135), line)]
    assert ofd_text(_package([_objects(cells)]), "r.ofd", 10**8).splitlines() == [
        "序号项目名称建设内容总投资（万元）", "1 青松路改造工程道路改造1.2公里 3500", "2 白石小学新建教学楼 8000",
        "3 红枫湖公园提升改造 1200", "4 湖滨社区卫生服务中心新建 2600", "5 东岭中学扩建工程新建宿舍楼和食堂 5400",
        "6 滨河大道新建 12000"]


def test_a_one_column_report_with_a_signature_set_right_is_read_as_before():
    # Pieces of a line far apart (a number after its text, a signature and a date set right) are no columns.
    lines = _report_pages()[0][:-1]
    y = lines[-1][1]
    signed = lines + [(LEFT + 110, y + PITCH, "天桥区人民政府"), (LEFT + 110, y + 2 * PITCH, "2025年1月8日"),
                      (LEFT, y + 3 * PITCH, "抄送：区委办公室"), (LEFT + 120, y + 3 * PITCH, "共印20份")]
    text = ofd_text(_package([_objects(signed)]), "r.ofd", 10**8)
    assert text.splitlines() == [line for _, _, line in lines] + ["天桥区人民政府", "2025年1月8日", "抄送：区委办公室共印20份"]
