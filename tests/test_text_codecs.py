"""Decoding text files: byte-order marks, UTF-8, UTF-16/32, GB18030/GBK and Big5, binary refused."""

import pytest

from geo import text_codecs
from geo.io import InputError


def test_decode_text_handles_bom_utf8_and_gbk(tmp_path):
    text = "加快泺口垃圾转运站建设。"
    assert text_codecs.decode_text(b"\xef\xbb\xbf" + text.encode("utf-8"), "r.txt") == text
    assert text_codecs.decode_text(text.encode("gb18030"), "r.txt") == text
    assert text_codecs.decode_text(text.encode("gbk"), "r.txt", encoding="gb18030") == text


@pytest.mark.parametrize("data, problem", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image, not plain text"),
    (b"\x00\x01\x02\x03" * 20, "binary"),
    (b"\x80\xff\x80\xff" * 20, "unknown text encoding"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF document, not plain text"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "is a zip archive \\(a Word .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "is an old Office document"),
])
def test_decode_text_refuses_binary_and_unknown(data, problem):
    with pytest.raises(InputError, match=problem):
        text_codecs.decode_text(data, "r.txt")


@pytest.mark.parametrize("data, kind", [
    (b"II*\x00\x08\x00\x00\x00\x10\x00\xfe\x00\x04\x00\x01\x00", "a TIFF image"),  # a scanner's, little-endian
    (b"MM\x00*\x00\x00\x00\x08\x00\x10\x00\xfe", "a TIFF image"),
    (b"GIF89a\x10\x00\x10\x00\x80\x00\x00", "a GIF image"),
])
def test_a_scan_saved_as_an_image_is_named_as_one(data, kind):
    # A report scanned to TIFF (or saved as a GIF) was "a binary file"; the README promises an image is named as such.
    with pytest.raises(InputError, match=f"is {kind}, not plain text"):
        text_codecs.decode_text(data + bytes(range(256)) * 4, "scan.tif")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_read(codec):
    text = "一、加快北园大街改造，2024年完成10所学校建设。\n二、推进泺口垃圾转运站建设。\n" * 3
    assert text_codecs.decode_text(text.encode(codec), "r.txt") == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_of_chinese_with_full_width_punctuation_is_read(codec):
    # Few ASCII characters (line ends only) and 一 (U+4E00), 开 (U+5F00) common: NUL bytes on both sides.
    text = ("一、加快一批道路建设，开工建设一所学校、一个公园，开展一次环境整治。\r\n"
            "二、一手抓新建，一手抓提升，开通一条公交线路。\r\n") * 5
    assert text_codecs.decode_text(text.encode(codec), "r.txt") == text


def test_binary_data_with_nul_bytes_on_both_sides_is_still_refused():
    import random

    data = bytes(random.Random(1).choice(b"\x00\x00\x01ab\xe4\xb8\x80") for _ in range(4000))
    with pytest.raises(InputError, match="binary"):
        text_codecs.decode_text(data, "r.bin")


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be"])
def test_utf32_with_byte_order_mark_is_read_as_utf32_not_utf16(codec):
    text = "一、加快北园大街改造，2024年完成10所学校建设。\n"
    data = text.encode(codec) if codec == "utf-32" else b"\x00\x00\xfe\xff" + text.encode(codec)
    assert text_codecs.decode_text(data, "r.txt") == text


def test_decode_text_reads_big5_tables_as_big5():
    text = "name,lon,lat\n濼口垃圾轉運站,117.004,36.722\n天橋區人民醫院,116.99,36.70\n"
    assert text_codecs.decode_text(text.encode("big5"), "g.csv") == text
    # The same detector as for reports: GBK stays GBK.
    simplified = "name,lon,lat\n泺口垃圾转运站,117.004,36.722\n"
    assert text_codecs.decode_text(simplified.encode("gbk"), "g.csv") == simplified


def test_text_that_is_not_big5_is_refused_as_big5_naming_the_file():
    with pytest.raises(InputError, match=r"^bad\.txt: cannot decode as Big5$"):
        text_codecs.decode_text(b"abc\xff\xfe\xfd", "bad.txt", encoding="big5")
    text = "濼口垃圾轉運站建設。"
    assert text_codecs.decode_text(text.encode("big5"), "r.txt", encoding="big5") == text


@pytest.mark.parametrize("misread", ["cp1252", "latin-1"])
def test_utf8_text_read_as_windows_1252_and_saved_again_is_refused_naming_it(misread):
    text = "一、加快北园大街改造，2024年完成10所学校建设。\n二、推进泺口垃圾转运站建设。\n" * 3
    data = text.encode("utf-8").decode(misread, errors="replace").encode("utf-8")  # 项目 saved as é¡¹ç›®
    with pytest.raises(InputError, match="is UTF-8 text that was read as Windows-1252"):
        text_codecs.decode_text(data, "r.txt")


def test_latin_text_with_accents_is_no_mojibake():
    text = "Café à côté, déjà vu: naïve résumé — “quoted”. Straße.\n" * 20
    assert text_codecs.decode_text(text.encode("utf-8"), "r.txt") == text


def test_text_padded_with_nul_bytes_is_read_and_a_nul_inside_text_is_placed():
    text = "一、加快北园大街改造，2024年完成10所学校建设。\n"
    assert text_codecs.decode_text(text.encode("utf-8") + bytes(4096), "r.txt") == text
    assert text_codecs.decode_text(text.encode("gb18030") + bytes(3), "r.txt") == text
    with pytest.raises(InputError, match="contains NUL bytes, the first at byte 15"):
        text_codecs.decode_text(text.encode("utf-8")[:15] + b"\x00" + text.encode("utf-8"), "r.txt")


@pytest.mark.parametrize("codec", ["utf-8", "gbk"])
def test_a_table_ending_in_dos_end_of_file_mark_is_read_without_it(tmp_path, codec):
    # DOS's Ctrl-Z (0x1A) after the last line (copy /a, old survey tools) was read as a third line of
    # the gazetteer, which was refused: 'line 3: missing lon or lat value'.
    from geo.gazetteer_files import load_file

    path = tmp_path / "sites.csv"
    path.write_bytes("name,lon,lat,datum\r\n天桥医院,117.00000,36.70000,wgs84\r\n".encode(codec) + b"\x1a")
    assert [(e.name, e.geometry.coords[0]) for e in load_file(path)] == [("天桥医院", (117.0, 36.7))]
    assert text_codecs.decode_text("天桥区\n".encode(codec) + b"\x1a\x1a", path) == "天桥区\n"


JAPANESE = "青山県白石町の図書館を改修し、市民向けの講座を開催します。白石路の拡幅工事は来年完了する予定です。\n"
KOREAN = "청산현 백석로 도서관 리모델링 공사를 내년에 완료할 예정입니다. 학교 주변 도로를 정비합니다.\n"


@pytest.mark.parametrize("text, codec, said", [(JAPANESE, "cp932", "Shift-JIS (Japanese)"),
                                               (KOREAN, "euc_kr", "EUC-KR (Korean)")])
def test_text_in_a_japanese_or_korean_code_is_named_not_read_as_gbk(text, codec, said):
    # Read as GBK without a word: 搶嫗搒怴… and 辑匡矫 碍巢备…, names that match nothing (a table's
    # header refused as 'needs a name column (found: 柤徧, 宱搙)').
    with pytest.raises(InputError) as info:
        text_codecs.decode_text(("name,lon,lat\n" + text * 2).encode(codec), "青山县.csv")
    assert str(info.value).startswith(f"青山县.csv: looks like {said} text, not Chinese in GBK or UTF-8 (read as GBK "
                                      "it shows ")
    assert str(info.value).endswith("…): save it as UTF-8 in the program that wrote it")


@pytest.mark.parametrize("text", ["白石路北关街道青山县", "北关街道" * 3 + "\n", "天橋區圖書館改擴建工程，青山縣體育場館建設。" * 3])
def test_chinese_gbk_text_of_few_or_traditional_characters_is_still_read(text):
    assert text_codecs.decode_text(text.encode("gb18030"), "青山县.csv") == text


@pytest.mark.parametrize("head, kind", [(b"Rar!\x1a\x07\x01\x00", "a RAR archive"), (b"7z\xbc\xaf\x27\x1c\x00\x04", "a 7-Zip archive")])
def test_a_report_or_table_packed_in_an_archive_is_named_as_one(head, kind):
    # 'no spatial projects found in the report' (its bytes read as text), or 'looks like a binary file'.
    import random

    data = head + bytes(random.Random(7).randrange(1, 256) for _ in range(4000))
    with pytest.raises(InputError) as info:
        text_codecs.decode_text(data, "青山县报告.txt")
    assert str(info.value) == f"青山县报告.txt: is {kind} (unpack it first), not plain text (save or copy its text as a .txt file)"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["新建白石小学，改造青松路。\r\n", "青山县：新建白石小学。\n改造青松路1公里。\n", "一、新建白石小学"])
def test_a_short_utf16_report_without_byte_order_mark_is_read_not_refused_as_binary(codec, text):
    # A line or two of UTF-16 without a BOM (fewer than 8 NUL bytes: a line end's, a digit's, 一's) was refused
    # as "a binary file, not text (contains NUL bytes…)".
    assert text_codecs.decode_text(text.encode(codec), "短.txt") == text


@pytest.mark.parametrize("data", [b"\x89\x50\x00\x01\xff\xfe\x10\x00", b"\x12\x34\x00\x56\x78\x9a\xbc\x00\x01\x02",
                                  "新建白石小学".encode("utf-8") + b"\x00\x00\x00\x01"])
def test_short_data_with_a_few_nul_bytes_that_is_no_chinese_text_is_still_refused_as_binary(data):
    with pytest.raises(InputError, match="binary"):
        text_codecs.decode_text(data, "r.bin")
