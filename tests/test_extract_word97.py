"""Reports handed over as Word 97-2003 files (.doc, WPS .wps): read as a .docx of the same content is.

The fixtures are made by LibreOffice from word_report.fodt (tests/fixtures/documents/make_word.py);
other cases rewrite streams of a copy (olefile, same sizes) or patch its bytes.
"""

import random
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import olefile
import pytest

from geo.extract import extract_file, read_document, read_report
from geo.extract.word97 import doc_text
from geo.io import InputError
from work_counts import Calls

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"
DOC, DOCX = DOCUMENTS / "word_report.doc", DOCUMENTS / "word_report.docx"
LOCKED, XLS = DOCUMENTS / "word_report_locked.doc", DOCUMENTS / "projects.xls"

# Where the FIB of a Word 97 file keeps FibRgLw97.ccpText and FibRgFcLcb97.fcClx/lcbClx (csw 14, cslw 22).
CCP_TEXT, FC_CLX = 0x4C, 0x1A2


def _projects(path):
    return sorted((f["properties"]["name"], str(f["properties"]["quantity"])) for f in extract_file(path))


def test_a_doc_is_read_line_for_line_as_the_docx_of_the_same_content():
    text, kind = read_document(DOC)
    assert kind == "doc"
    assert text.splitlines() == read_report(DOCX).splitlines()
    assert text.splitlines()[:4] == [
        "济南市天桥区政府工作报告（节选）", "各位代表：",
        "过去一年，我们完成北园大街综合整治，改造道路13条，新建实验小学投入使用。",
        "（一）\t完善城市功能。启动标山路改造提升工程，",  # a soft line break ends a line
    ]


def test_a_doc_report_gives_the_projects_of_its_docx():
    projects = _projects(DOC)
    assert projects == _projects(DOCX)
    names = {name for name, _ in projects}
    assert {"北园大街", "标山路", "实验小学", "堤口路", "药山公园", "濟濼路北延"} <= names
    assert ("道路（改造）", "{'value': 13, 'unit': '条'}") in projects


def test_a_table_of_a_doc_is_read_one_cell_per_line():
    lines = read_report(DOC).splitlines()
    start = lines.index("序号")
    assert lines[start:start + 6] == ["序号", "项目名称", "1", "堤口路拓宽工程", "2", "药山公园提升工程"]


def test_fields_of_a_doc_leave_only_their_results():
    text = read_report(DOC)
    assert "详见区政府门户网站公开的项目清单。" in text.splitlines()  # a HYPERLINK field's result
    assert "第1页" in text.splitlines()  # a PAGE field's
    assert "HYPERLINK" not in text and "PAGE" not in text and "example.gov.cn" not in text


def test_traditional_text_of_a_doc_stays_as_written():
    assert "加快推進濟濼路北延工程，新建天橋區實驗中學。" in read_report(DOC).splitlines()


def test_headers_footers_and_footnotes_of_a_doc_are_left_out():
    text = read_report(DOC)
    assert "天桥区人民政府办公室" not in text and "页眉页脚" not in text and "脚注里的滨河路" not in text


def test_the_lines_of_a_doc_are_paragraphs_not_wrapped_lines(monkeypatch):
    import geo.extract

    looked = []
    monkeypatch.setattr(geo.extract, "wrapped_line_breaks", lambda text: looked.append(text) or [])
    extract_file(DOC)
    assert looked == []


def test_a_wps_file_in_word_format_is_read_as_a_doc(tmp_path):
    path = tmp_path / "报告.wps"
    shutil.copy(DOC, path)
    assert read_document(path) == read_document(DOC)


def _rewritten(tmp_path, word=None, table=None, name="report.doc"):
    """A copy of the .doc fixture whose WordDocument or 1Table stream is replaced (padded to its size)."""
    path = tmp_path / name
    shutil.copy(DOC, path)
    ole = olefile.OleFileIO(str(path), write_mode=True)
    for stream, data in (("WordDocument", word), ("1Table", table)):
        if data is not None:
            size = ole.get_size(stream)
            assert len(data) <= size
            ole.write_stream(stream, bytes(data) + bytes(size - len(data)))
    ole.close()
    return path


def _streams():
    ole = olefile.OleFileIO(str(DOC))
    return bytearray(ole.openstream("WordDocument").read()), bytearray(ole.openstream("1Table").read())


def _synthetic(tmp_path, pieces):
    """A .doc whose text is ``pieces``: (bytes, compressed, offset in the WordDocument stream), in
    the document's order; its Clx (at the start of 1Table) opens with a fast save's Prc."""
    word, table = _streams()
    cps, pcds, cp = [0], [], 0
    for data, compressed, offset in pieces:
        word[offset:offset + len(data)] = data
        cp += len(data) if compressed else len(data) // 2
        cps.append(cp)
        pcds.append(struct.pack("<HIH", 0, (offset * 2) | 0x40000000 if compressed else offset, 0))
    plc = struct.pack(f"<{len(cps)}I", *cps) + b"".join(pcds)
    clx = b"\x01" + struct.pack("<h", 3) + b"\x00\x00\x00" + b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<i", word, CCP_TEXT, cp)
    struct.pack_into("<II", word, FC_CLX, 0, len(clx))
    return _rewritten(tmp_path, word=word, table=clx)


def test_pieces_are_read_in_the_documents_order_8_bit_ones_as_ms_doc_maps_them(tmp_path):
    path = _synthetic(tmp_path, [
        (b"Caf\xe9 \x93Quote\x94 \x85 \x80\x8e\r", True, 2048),  # 0x80 and 0x8E are not cp1252's here
        ("北园大街和标山路\r".encode("utf-16-le"), False, 3000),
        (b"Page \x137\x15 end\r", True, 2500),  # a field without a separator shows nothing
    ])
    assert read_report(path).splitlines() == ["Caf\xe9 \u201cQuote\u201d \u2026 \x80\x8e", "北园大街和标山路", "Page  end"]


def test_nested_fields_keep_their_results_and_codes_within_codes_show_nothing(tmp_path):
    text = ("\x13 IF \x13 PAGE \x142\x15 = 2 \x14新建\x15标山路"
            "\x13 HYPERLINK \"x\" \x14和\x13 PAGE \x14北园\x15大街\x15\x15\r改造道路\x0c13条\x07\x07end\x0b\x01\x08\x02\r")
    path = _synthetic(tmp_path, [(text.encode("utf-16-le"), False, 2048)])
    assert read_report(path).splitlines() == ["新建标山路和北园大街", "改造道路", "13条", "end"]


def test_a_password_protected_doc_is_named(tmp_path):
    with pytest.raises(InputError, match="is a password-protected Word document: save it without a password") as caught:
        read_report(LOCKED)
    assert str(LOCKED) in str(caught.value) and "\n" not in str(caught.value)
    word, _ = _streams()
    word[0x0B] |= 0x01  # fEncrypted (bit 0x0100 of the flags at 0x0A) set on a plain copy
    with pytest.raises(InputError, match="password-protected"):
        read_report(_rewritten(tmp_path, word=word))


def _renamed(tmp_path, source, old, new, name):
    """A copy of ``source`` whose stream ``old`` is named ``new`` (its directory entry patched)."""
    data = bytearray(source.read_bytes())
    at = data.index(old.encode("utf-16-le") + b"\x00\x00")
    assert at % 128 == 0  # a directory entry's name
    data[at:at + 64] = (new.encode("utf-16-le") + b"\x00\x00").ljust(64, b"\x00")
    struct.pack_into("<H", data, at + 64, 2 * len(new) + 2)
    path = tmp_path / name
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("make, problem", [
    (lambda tmp: XLS, r"is an Excel spreadsheet \(.xls\), not a report"),
    (lambda tmp: _renamed(tmp, XLS, "Workbook", "EncryptedPackage", "locked.docx"),
     "is a password-protected Office file .*: save it without a password"),
    (lambda tmp: _renamed(tmp, XLS, "Workbook", "__substg1.0_0037001F", "mail.msg"), r"is an Outlook message \(.msg\)"),
    (lambda tmp: _renamed(tmp, DOC, "WordDocument", "Contents", "works.wps"), "holds no Word document"),
])
def test_a_compound_file_that_is_no_word_document_is_named(tmp_path, make, problem):
    path = make(tmp_path)
    with pytest.raises(InputError, match=problem) as caught:
        read_report(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def _cut_in_half(tmp_path):
    data = DOC.read_bytes()
    return data[:len(data) // 2]


def _random_after_header(tmp_path):
    data = DOC.read_bytes()
    return data[:512] + random.Random(7).randbytes(len(data) - 512)


def _piece_beyond_the_stream(tmp_path):
    word, table = _streams()
    fc_clx, _ = struct.unpack_from("<II", word, FC_CLX)
    count = (struct.unpack_from("<I", table, fc_clx + 1)[0] - 4) // 12
    struct.pack_into("<I", table, fc_clx + 5 + 4 * (count + 1) + 2, 0x30000000)  # the first piece's fc
    return _rewritten(tmp_path, table=table, name="piece.doc").read_bytes()


def _piece_table_beyond_the_stream(tmp_path):
    word, _ = _streams()
    struct.pack_into("<I", word, FC_CLX, 0x7FFF0000)
    return _rewritten(tmp_path, word=word, name="clx.doc").read_bytes()


def _piece_table_that_does_not_parse(tmp_path):
    word, table = _streams()
    fc_clx, _ = struct.unpack_from("<II", word, FC_CLX)
    table[fc_clx] = 0x07  # neither a Prc nor the Pcdt
    return _rewritten(tmp_path, table=table, name="pcdt.doc").read_bytes()


def _pieces_read_over_and_over(tmp_path):
    return _synthetic(tmp_path, [(b"x" * 60, True, 2048)] * 100).read_bytes()  # 6,000 characters of 60 bytes


def _word_6(tmp_path):
    word, _ = _streams()
    struct.pack_into("<H", word, 2, 104)  # Word 95's nFib
    return _rewritten(tmp_path, word=word, name="word6.doc").read_bytes()


def _stream_said_larger_than_the_file(tmp_path):
    data = bytearray(DOC.read_bytes())
    at = data.index("WordDocument".encode("utf-16-le") + b"\x00\x00")
    struct.pack_into("<I", data, at + 0x78, 0x7FFFFFFF)  # the directory entry's stream size
    return bytes(data)


DAMAGED = [
    (_cut_in_half, "is a damaged Office document (.doc, .wps, .xls)"),
    (_random_after_header, "is a damaged Office document (.doc, .wps, .xls)"),
    (_piece_beyond_the_stream, "is a damaged Word document (a piece of its text lies beyond the end"),
    (_piece_table_beyond_the_stream, "is a damaged Word document (its piece table lies beyond the end"),
    (_piece_table_that_does_not_parse, "is a damaged Word document (its piece table does not parse)"),
    (_pieces_read_over_and_over, "its piece table gives more text than its WordDocument stream holds"),
    (_word_6, "is a Word 6.0/95 (or older) document, which geo does not read"),
    (_stream_said_larger_than_the_file, "stream is said to be larger than the file"),
]


@pytest.mark.parametrize("make, problem", DAMAGED, ids=[make.__name__.strip("_") for make, _ in DAMAGED])
def test_a_damaged_doc_is_one_line_naming_it(tmp_path, make, problem):
    path = tmp_path / "bad.doc"
    path.write_bytes(make(tmp_path))
    with pytest.raises(InputError) as caught:
        read_report(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and problem in message and "\n" not in message, message


@pytest.mark.parametrize("make", [_cut_in_half, _piece_beyond_the_stream, _random_after_header])
def test_geo_extract_of_a_damaged_doc_prints_one_line_and_no_traceback(tmp_path, make):
    path = tmp_path / "bad.doc"
    path.write_bytes(make(tmp_path))
    result = subprocess.run([sys.executable, "-m", "geo", "extract", str(path), "-o", str(tmp_path / "out.geojson")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert result.stderr.startswith(f"geo: error: {path}: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out.geojson").exists()


def test_a_doc_whose_text_is_over_the_size_limit_is_refused():
    with pytest.raises(InputError, match="is a Word file whose text is over the 0.0001 MB size limit"):
        doc_text(DOC.read_bytes(), "r.doc", max_text=100)


def test_a_doc_s_text_counts_against_the_size_limit_as_the_same_text_file_would():
    # The .doc counted its characters (193, mostly Han: 531 bytes as UTF-8), where .docx, .odt, PDF and
    # OFD count the bytes a text file of their text takes: a 400-byte limit let it through.
    with pytest.raises(InputError, match="is a Word file whose text is over the 0.0004 MB size limit"):
        doc_text(DOC.read_bytes(), "r.doc", max_text=400)
    assert doc_text(DOC.read_bytes(), "r.doc", max_text=600)


# Where the FIB keeps FibRgFcLcb97.fcPlcfBteChpx/lcbPlcfBteChpx: the character properties of the text's runs.
FC_BTE_CHPX = 0xFA


def _with_runs(path, runs, page=6):
    """``path`` (a .doc of :func:`_synthetic`) given character properties: ``runs`` of (start, end,
    grpprl), spans of its WordDocument stream, in one ChpxFkp at ``page`` and a PlcBteChpx after its Clx."""
    ole = olefile.OleFileIO(str(path))
    word, table = bytearray(ole.openstream("WordDocument").read()), bytearray(ole.openstream("1Table").read())
    ole.close()
    fkp, fcs, offsets, at = bytearray(512), [runs[0][0]] + [end for _, end, _ in runs], [], 511
    for _, _, grpprl in runs:
        at = (at - 1 - len(grpprl)) & ~1
        fkp[at:at + 1 + len(grpprl)] = bytes([len(grpprl)]) + grpprl
        offsets.append(at // 2)
    fkp[:4 * len(fcs)] = struct.pack(f"<{len(fcs)}I", *fcs)
    fkp[4 * len(fcs):4 * len(fcs) + len(runs)] = bytes(offsets)
    fkp[511] = len(runs)
    word[page * 512:page * 512 + 512] = fkp
    fc_clx, lcb_clx = struct.unpack_from("<II", word, FC_CLX)
    plc = struct.pack("<3I", fcs[0], fcs[-1], page)
    table[fc_clx + lcb_clx:fc_clx + lcb_clx + len(plc)] = plc
    struct.pack_into("<II", word, FC_BTE_CHPX, fc_clx + lcb_clx, len(plc))
    return _rewritten(path.parent, word=word, table=table, name=path.name)


def test_tracked_deletions_and_hidden_text_of_a_doc_are_not_read(tmp_path):
    # A draft saved with its revisions tracked (修订): Word shows neither deleted nor hidden text.
    parts = ["新建青松路，", "改造删除路，", "建成", "隐藏公园和", "白石公园。\r", "删除段落\r", "完\r"]
    text = "".join(parts)
    path = _synthetic(tmp_path, [(text.encode("utf-16-le"), False, 2048)])
    bold, size = b"\x35\x08\x01", b"\x43\x4a\x18\x00"  # sprmCFBold on, sprmCHps 12 pt: operands of 1 and 2 bytes
    deleted, hidden, shown = b"\x00\x08\x01", b"\x3c\x08\x81", b"\x3c\x08\x00"
    ends = [2048 + 2 * len("".join(parts[:i + 1])) for i in range(len(parts))]
    runs = [(2048, ends[0], b""), (ends[0], ends[1], deleted), (ends[1], ends[2], bold + size),
            (ends[2], ends[3], bold + size + hidden), (ends[3], ends[4], shown), (ends[4], ends[5], deleted),
            (ends[5], ends[6], b"")]
    assert read_report(_with_runs(path, runs)).splitlines() == ["新建青松路，建成白石公园。", "完"]


def test_a_doc_with_tracked_changes_gives_the_projects_of_its_text_as_shown(tmp_path):
    text = "今年新建青松路，改造删除路和删除小学，建成白石公园。\r"
    path = _synthetic(tmp_path, [(text.encode("utf-16-le"), False, 2048)])
    cut = 2048 + 2 * text.index("改造")
    path = _with_runs(path, [(2048, cut, b""), (cut, cut + 2 * len("改造删除路和删除小学，"), b"\x00\x08\x01"),
                             (cut + 2 * len("改造删除路和删除小学，"), 2048 + 2 * len(text), b"")])
    names = {f["properties"]["name"] for f in extract_file(path)}
    assert {"青松路", "白石公园"} <= names and not names & {"删除路", "删除小学"}


def test_character_properties_pointing_at_one_page_again_and_again_are_read_once(monkeypatch):
    from geo.extract import word97

    # One ChpxFkp (page 1 of the stream) of 60 runs, every other one hidden; a PlcBteChpx of 10,000
    # entries all pointing at it (80 KB: a damaged or hostile file; 800 KB took 16 s when the page was
    # read for each), and one of a single entry: the runs' properties are read as often for both.
    runs, fkp = 60, bytearray(512)
    struct.pack_into(f"<{runs + 1}I", fkp, 0, *range(0, 10 * (runs + 1), 10))
    fkp[380:501] = b"\x78" + b"\x35\x08\x01" * 40  # bold, and bold again: 40 sprms to read
    fkp[502:506] = b"\x03\x3c\x08\x01"  # sprmCFVanish on
    for i in range(runs):
        fkp[4 * (runs + 1) + i] = 251 if i % 2 else 190
    fkp[511] = runs
    word = bytes(512) + bytes(fkp) + bytes(1024)

    def spans(count):
        table = struct.pack(f"<{count + 1}I", *range(count + 1)) + struct.pack(f"<{count}I", *([1] * count))
        return word97._hidden_spans(word, table, word97._Fib(0, "0Table", 0, 0, 0, len(table)))

    assert spans(1) == [(10 * i, 10 * i + 10) for i in range(1, runs, 2)]
    runs_read = Calls(word97._hides)
    monkeypatch.setattr(word97, "_hides", runs_read)
    assert spans(10_000) == spans(1) and runs_read.count == 2 * runs  # each run's properties once a table


def test_a_doc_of_pictures_alone_is_named_as_needing_ocr(tmp_path):
    path = _synthetic(tmp_path, [(b"\x01\r\x01\r\r\x08\r", True, 2048)])  # a scanned report: a page a picture
    with pytest.raises(InputError, match=r"holds no text, only pictures \(3 pictures or drawings\).*OCR"):
        read_report(path)


def test_a_doc_of_text_beside_pictures_is_read_as_before(tmp_path):
    path = _synthetic(tmp_path, [("白石路改造\r\x01\r".encode("utf-16-le"), False, 3000)])
    assert read_report(path).splitlines() == ["白石路改造"]
