"""geo.extract.counted_nouns: the works verb before a counted noun, and the noun's end."""

from geo.extract import counted_nouns
from geo.lexicon import ADDING_VERBS
from geo.lexicon_lookups import ACTION_INDEX


def _scanned(norm, pos, lo):
    """The verb ending at ``pos`` as each length was tried in turn before a look at its last character."""
    for length in (4, 3, 2):
        word = norm[pos - length:pos]
        if pos - length >= lo and word in ACTION_INDEX.words and ACTION_INDEX.at(norm, pos - length) == word:
            return word
    return norm[pos - 2:pos] if pos - 2 >= lo and norm[pos - 2:pos] in ADDING_VERBS else None


def test_a_verb_before_a_count_is_looked_up_only_after_a_character_some_verb_ends_with(monkeypatch):
    # 新建|15家…, 提升改造|4个…, 布设|3处…: the verbs ending at a place; after 青山村 or 白石 (no verb
    # ends with 村 or 石) nothing is looked up.
    norm = "新建15家放心店,提升改造4个青山村小区,布设3处白石监测点,完成了白石村6座桥梁。"
    assert [counted_nouns.action_ending_at(norm, pos, lo) for lo in (0, 5) for pos in range(len(norm) + 1)] == \
        [_scanned(norm, pos, lo) for lo in (0, 5) for pos in range(len(norm) + 1)]
    assert counted_nouns.action_ending_at(norm, 2, 0) == "新建"
    assert counted_nouns.action_ending_at(norm, norm.index("4个"), 0) == "提升改造"

    class Unasked:
        @property
        def words(self):
            raise AssertionError("a verb was looked up")

        def at(self, *args):
            raise AssertionError("a verb was looked up")

    monkeypatch.setattr(counted_nouns, "ACTION_INDEX", Unasked())
    for pos in (norm.index("青山村") + 3, norm.index("白石监") + 2, 0):
        assert counted_nouns.action_ending_at(norm, pos, 0) is None
