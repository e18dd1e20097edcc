"""Word look-ups in text (geo.word_index)."""

import copy
import pickle
import sys

from geo.word_index import WordIndex, Words


def test_word_index_finds_the_longest_word_at_and_before_a_position():
    index = WordIndex(["改造", "改造提升", "提升"])
    assert index.at("实施改造提升工程", 2) == "改造提升"
    assert index.ending_at("实施改造提升", 6) == ["改造提升", "提升"]
    assert index.at("实施", 0) is None


def test_words_answer_in_as_a_set_and_add_as_a_tuple():
    words = Words(("改造", "提升"))
    assert "提升" in words and "改" not in words
    both = words + ("新建",)
    assert isinstance(both, Words) and "新建" in both and both[-1] == "新建"


def test_words_answer_in_with_no_python_call_after_the_first():
    words = Words(("改造", "提升"))
    assert "改造" in words
    calls = []
    sys.setprofile(lambda frame, event, arg: calls.append(frame.f_code.co_name) if event == "call" else None)
    try:
        found = ["提升" in words, "改" in words, "新建" not in words]
    finally:
        sys.setprofile(None)
    assert found == [True, False, True] and calls == []


def test_words_stay_words_once_asked():
    words = Words(("改造", "提升"))
    assert "改" not in words
    assert isinstance(words, Words) and isinstance(words, tuple) and words == ("改造", "提升")
    assert "提升" in words + ("新建",) and "x".startswith(words) is False and "改造中".startswith(words)
    again = pickle.loads(pickle.dumps(words))
    assert type(again) is Words and again == words and "提升" in again and "新" not in again
    assert copy.deepcopy(words) == words and "改造" in copy.copy(words)
