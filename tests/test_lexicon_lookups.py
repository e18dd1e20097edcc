"""geo.lexicon_lookups: the compiled look-ups of the vocabulary."""

from geo import lexicon_lookups
from geo.word_index import WordIndex


class _CountedWords(frozenset):
    """A set of words that counts the look-ups made in it."""

    looked_up = 0

    def __contains__(self, word):
        type(self).looked_up += 1
        return frozenset.__contains__(self, word)


def test_a_composition_tries_only_the_lengths_of_the_words_opening_with_each_character():
    # (every length up to the longest word was cut out of the text and looked up at each position)
    index = WordIndex(["青山", "白石", "青山湖区", "石"])
    index.words = _CountedWords(index.words)
    _CountedWords.looked_up = 0
    assert lexicon_lookups.composed_of("青山白石", index)
    assert _CountedWords.looked_up == 3  # 青: 4 (青山白石) and 2; 白: 2
    assert not lexicon_lookups.composed_of("山白石", index) and _CountedWords.looked_up == 3
    assert lexicon_lookups.is_generic("") and not lexicon_lookups.is_road_type("青山")


def test_a_stem_holding_no_category_word_is_answered_by_one_search():
    # (each stem was tested against every word of STEM_CATEGORY in turn; the first in its order still decides)
    import random

    from geo.lexicon import STEM_CATEGORY

    words = [word for word, _ in STEM_CATEGORY]
    rng = random.Random(4)
    for _ in range(5000):
        text = "".join(rng.choice(words + list("青山白石路")) for _ in range(rng.randint(0, 4)))
        assert lexicon_lookups.stem_category(text) == next((code for word, code in STEM_CATEGORY if word in text), None)
    assert lexicon_lookups.stem_category("青山白石") is None
