"""Reading reports: UTF-8, GB18030/GBK and Big5 are told apart; Traditional names stay as written."""

import pytest

from geo.data import REPORT_PATH
from geo.extract import extract_file, read_report
from geo.text_codecs import detect_cjk_codec
from geo.io import InputError

TRADITIONAL = ("加快推進濼口垃圾轉運站建設，推進寶華、文瀾等新興初中教育品牌建設，"
               "完成學府大道中段市政道路工程，新建學校10所。")


@pytest.mark.parametrize("codec", ["big5", "cp950", "big5hkscs"])
def test_big5_report_is_read_as_big5(tmp_path, codec):
    path = tmp_path / "report.txt"
    path.write_bytes(TRADITIONAL.encode(codec))
    assert detect_cjk_codec(path.read_bytes()) == "big5"
    assert read_report(path) == TRADITIONAL
    names = {f["properties"]["name"] for f in extract_file(path)}
    assert {"濼口垃圾轉運站", "寶華", "文瀾"} <= names


def test_gbk_report_is_still_read_as_gb18030(tmp_path):
    text = REPORT_PATH.read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("gbk"))
    assert detect_cjk_codec(path.read_bytes()) == "gb18030"
    assert read_report(path) == text


def test_gbk_traditional_text_is_read_as_gb18030(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(TRADITIONAL.encode("gb18030"))
    assert read_report(path) == TRADITIONAL


def test_big5_can_be_forced_and_utf8_is_not_guessed(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    assert read_report(path, encoding="big5") == TRADITIONAL
    assert detect_cjk_codec(TRADITIONAL.encode("utf-8")) is None
    with pytest.raises(InputError, match="unknown encoding"):
        read_report(path, encoding="shift_jis")
