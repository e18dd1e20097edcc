"""geo.extract.place_words: county and city names a stop word cuts inside."""

import importlib.util
import subprocess
import sys
from pathlib import Path

from geo.extract import place_words
from geo.extract.place_words import place_across, written_elsewhere

ROOT = Path(__file__).resolve().parents[1]
_SCRIPT = ROOT / "scripts" / "make_place_pairs.py"


def test_a_county_or_city_name_across_an_edge_is_found_whole():
    text = "保障太原市白石小学"
    assert place_across(text, text.index("市"), 0) == (2, "太原市")
    # the bare name of a long one (五家渠 of 五家渠市); a bare name of two characters is a word (太原)
    text = "在五家渠—青山公路"
    assert place_across(text, text.index("渠"), 0) == (1, "五家渠")
    assert place_across("太原白石", 1, 0) is None
    # no name starting before the clause's start
    assert place_across(text, text.index("渠"), 2) is None


def test_a_place_is_written_elsewhere_only_at_another_position():
    assert written_elsewhere("和县青山中学。和县教育局", "和县", 0)
    assert not written_elsewhere("文化中心和县青山台", "和县", 4)


def test_a_county_name_whose_level_suffix_opens_a_word_is_none():
    # 中原区域中心: 区域 is the word, no 中原区 (see geo.lexicon.LEVEL_COMPOUNDS)
    assert place_across("建设中原区域中心", 4, 0) is None
    assert place_across("建设中原区白石路", 4, 0) == (2, "中原区")


def test_the_pairs_file_is_what_the_county_list_and_the_stop_words_give():
    # geo/data/place_pairs.txt is made by the script: a county, a stop word or the bare form's setting
    # changed without running it again fails here
    result = subprocess.run([sys.executable, str(_SCRIPT), "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_table_read_from_the_file_is_the_one_built_from_the_county_list():
    spec = importlib.util.spec_from_file_location("make_place_pairs", _SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    built = script.names_by_pair()
    assert place_words._names_by_pair() == built
    # (a pair's groups in the order a look-up tries them: longest names first; 清原满族自治县 before 清原满族自治)
    assert [length for _, length, _ in built["原满"]] == [7, 6]
