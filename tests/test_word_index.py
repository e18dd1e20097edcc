"""Word look-ups in text (geo.word_index)."""

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
