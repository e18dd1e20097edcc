"""geo.extract.code_points: a long text's characters looked for over its code points, as the patterns find them."""

import random
import re

from geo.extract import segment
from geo.extract.code_points import ARRAY_MIN_CHARS, CodePoints
from geo.names import INVISIBLE, simplified_with_offsets

# Characters at the edges of the classes looked for: the Han range's ends, decimal digits that are
# not ASCII (\d holds them) and digits that are no decimal digit, a character beyond the Basic
# Multilingual Plane, the spaces and marks an item's number stands between, invisible characters,
# symbols and the letters a road code opens with.
_ALPHABET = list("g65s202xyGa.青山路、。,;:)( \t\u3000\n0123456789米公里万余条个所") + [
    "\u4dff", "\u4e00", "\u9fff", "\ua000", "\u0663", "３", "²", "𠀀", "\u200b", "\u00ad", "\ufeff", "\u2069",
    "🔥", "■", "\ufe0f", "▶", "\u25cb"]


def test_the_characters_a_long_text_holds_and_where_are_what_the_patterns_find():
    rng = random.Random(48)
    text = "".join(rng.choice(_ALPHABET) for _ in range(3 * ARRAY_MIN_CHARS + 7))
    points = CodePoints(text)
    assert points.chars == "".join(sorted(set(text)))
    for pattern in (INVISIBLE, re.compile(r"[\d]"), re.compile("[gsxy]"), re.compile("[\u4e00-\u9fff]"),
                    re.compile("[\U0001f000-\U0001faff]"), re.compile("[β]")):
        assert points.holds(pattern) == (pattern.search(text) is not None)
        assert points.positions(pattern) == [m.start() for m in pattern.finditer(text)]
    first, then = re.compile(r"[\n。;:,、)]"), re.compile(r"[ \t\u3000\d]")
    assert points.after(first, then) == [m.end() for m in re.finditer(r"[\n。;:,、)](?=[ \t\u3000\d])", text)]
    assert points.after(first, re.compile("[β]")) == []


def _both_ways(text, monkeypatch):
    """(clean by the code points, clean by the patterns) of ``text``."""
    pair = simplified_with_offsets(text)
    by_points = segment.clean(*pair)
    with monkeypatch.context() as patch:
        patch.setattr(segment, "ARRAY_MIN_CHARS", len(text) + 1)
        return by_points, segment.clean(*pair)


def test_a_long_text_is_cleaned_over_its_code_points_as_the_patterns_clean_it(monkeypatch):
    # with and without the characters that change the text before its item numbers are looked for (a
    # lower-case road code, a symbol read as a comma): then the patterns look, else the code points
    rng = random.Random(47)
    for left_out in ("", "gsxy", "🔥■\ufe0f▶", "gsxy🔥■\ufe0f▶"):
        alphabet = [char for char in _ALPHABET if char not in left_out]
        for _ in range(6):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(ARRAY_MIN_CHARS, 2 * ARRAY_MIN_CHARS)))
            by_points, by_patterns = _both_ways(text, monkeypatch)
            assert by_points == by_patterns
    # (a text of the shapes each cleaning finds, padded to a long one)
    text = ("1 青山路改造\n新建 4 所学校,g65包茂高速\u200b、■白石路\n02 白石 公 园、5条、96公里硬化路;" * 200)
    by_points, by_patterns = _both_ways(text, monkeypatch)
    assert len(text) >= ARRAY_MIN_CHARS and by_points == by_patterns and "G65" in by_points[0]


def test_a_long_texts_item_numbers_found_over_its_code_points_are_the_patterns():
    # (pieces shaped like an item's number and near misses: a mark or not, digits of every kind, spaces or not)
    rng = random.Random(46)
    openers, digits, spaces = "\n。;:,、)(a青", "12\u0663３²", " \t\u3000"
    after = ["青", "\u9fff", "\ua000", "𠀀", "a", ""]
    for _ in range(4):
        text = "".join(rng.choice(openers) + "".join(rng.choice(digits) for _ in range(rng.randint(0, 4)))
                       + "".join(rng.choice(spaces) for _ in range(rng.randint(0, 2))) + rng.choice(after)
                       for _ in range(ARRAY_MIN_CHARS // 3))
        found = [m.span() for m in segment._item_numbers(text, CodePoints(text))]
        assert found == [m.span() for m in segment._ITEM_NUMBER.finditer(text)]
        assert any(char in "\u0663３" for start, end in found for char in text[start:end])  # other digits


def test_a_long_texts_glued_row_numbers_found_over_its_code_points_are_the_patterns():
    # (lines numbered in turn or not, opening with spaces, digits of other kinds or a mark)
    rng = random.Random(45)
    openings = ["", " ", "\t", "\u3000 ", "(", "a"]
    numbers = [str(n) for n in range(1, 60)] + ["\u0663", "３", "1234", "²"]
    after = ["青山路改造", "所学校", "国道", " 白石", "", "\u9fff", "𠀀"]
    lines = [rng.choice(openings) + rng.choice(numbers) + rng.choice(after) for _ in range(ARRAY_MIN_CHARS // 4)]
    for text in ("\n".join(lines), "\n" + "\n".join(lines) + "\n", " 7青山路\n" + "\n".join(lines)):
        spans = segment._glued_row_numbers(text, CodePoints(text))
        assert spans == segment._glued_row_numbers(text) and len(spans) > 100
