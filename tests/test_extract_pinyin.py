"""Project ids spell names from the bundled pinyin table exactly as pypinyin would."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from geo.extract import slugs

ROOT = Path(__file__).resolve().parents[1]

pypinyin = pytest.importorskip("pypinyin")
# The table is what ids are spelt from, whatever pypinyin is installed; it is compared with the
# pypinyin it was made from (a later one may read a character otherwise: the ids stay as they are).
_MADE_FROM = re.search(r"from pypinyin (\S+)\.$", slugs.PINYIN_PATH.read_text(encoding="utf-8"), re.M).group(1)
pytestmark = pytest.mark.skipif(pypinyin.__version__ != _MADE_FROM,
                                reason=f"the pinyin table was made from pypinyin {_MADE_FROM}, not {pypinyin.__version__}")


def _pypinyin_syllables(text):
    """What ids were spelt from before the table: pypinyin's reading of each piece."""
    return [syllable for piece in slugs._PIECES.findall(text) for syllable in pypinyin.lazy_pinyin(piece)]


def test_the_table_is_the_reading_pypinyin_gives_each_character():
    script = ROOT / "scripts" / "make_pinyin_table.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_run_of_characters_beyond_the_table_is_its_own_reading_unless_pypinyin_reads_one():
    # every character of the BMP outside the table that the rule leaves to the table's side
    for code in [*range(0x3400), *range(0xA000, 0xD800), *range(0xE000, 0x10000)]:
        char = chr(code)
        if slugs._READ_BY_PYPINYIN.search(char) is None:
            for run in (char, f"a{char}1"):
                assert pypinyin.lazy_pinyin(run) == [run], hex(code)


@pytest.mark.parametrize("name", [
    "汇才教育集团", "绿道", "女子学校", "略阳路", "G105国道", "铜锣湾·万达广场", "二〇二三年工程",
    "𠀀村", "兀朮路", "A-3地块", "䶵村", "\u9fff路", "《青山》", "",
])
def test_names_are_spelt_as_pypinyin_spells_them(name):
    assert slugs._pinyin(name) == _pypinyin_syllables(name)


def test_a_name_of_table_characters_alone_is_read_a_character_at_a_time_without_its_pieces(monkeypatch):
    # 青山路: every character is one of the table's (U+3400-U+9FFF): its readings are looked up
    # character by character, with no split into pieces; a name with other characters is split.
    table = slugs.pinyin_readings()

    class Unsplit:
        def findall(self, text):
            raise AssertionError("the name was split into pieces")

    expected = [table[ord(char) - slugs._TABLE_FIRST] or char for char in "青山路白石"]
    real = slugs._PIECES
    monkeypatch.setattr(slugs, "_PIECES", Unsplit())
    assert slugs._pinyin("青山路白石") == expected
    monkeypatch.setattr(slugs, "_PIECES", real)
    assert slugs._pinyin("G105青山段") == ["G105", *[table[ord(c) - slugs._TABLE_FIRST] or c for c in "青山段"]]
    assert slugs._pinyin("") == []
