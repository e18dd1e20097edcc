"""geo.extract.runs: the runs of list characters of a text, found once per text."""

import random

import pytest

from geo.extract import runs

# Characters at the edges of each kind's class: the Han range's ends and their neighbours, 、, the
# sentence ends, ASCII and other decimal digits (full-width, Arabic-Indic, Devanagari: \d holds
# them), digits that are no decimal digit (², ①), a character beyond the Basic Multilingual Plane.
_ALPHABET = ["\u4dff", "\u4e00", "青", "\u9fff", "\ua000", "、", "。", "!", "?", "\n", ",", "0", "9", "a",
             "３", "٣", "५", "²", "①", "𠀀", " "]


@pytest.mark.parametrize("kind", sorted(runs._RUNS))
def test_a_long_texts_runs_are_the_spans_its_kinds_pattern_finds(kind):
    rng = random.Random(47)
    for size in (runs._ARRAY_MIN_CHARS, 3 * runs._ARRAY_MIN_CHARS + 7):
        text = "".join(rng.choice(_ALPHABET) * rng.randint(1, 4) for _ in range(size))
        spans = [match.span() for match in runs._RUNS[kind].finditer(text)]
        assert runs._runs(text, kind) == ([s for s, _ in spans], [e for _, e in spans])
    # a text ending, or opening, inside a run
    text = "青" * runs._ARRAY_MIN_CHARS
    assert runs._runs(text, kind) == ([0], [len(text)])
    assert runs._runs("。" * runs._ARRAY_MIN_CHARS, kind) == ([], [])
