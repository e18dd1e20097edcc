"""geo.extract.counted_asides: asides in brackets and sizes beside a count, dropped so that the count counts its noun."""

import random
import re

from geo.extract import counted_asides
from test_extract_segment import _searched_for


def test_a_size_beside_a_count_is_searched_for_by_its_first_character():
    # 、96公里 or 110公里15条: the two shapes open with 、 or a digit; written with a look-behind first
    # in one of them, the whole text was tried at every position. The spans and groups are the same.
    units = counted_asides._COUNTED_UNITS
    size = r"(?<![\d.])\d+(?:\.\d+)?万?[余多]?(?:公里|千米|平方米|米)"
    former = re.compile(rf"、(?:约|近|共计|总长|全长)?{size}(?!以[上下]|左右)的?(?=[\u4e00-\u9fff])"
                        rf"|{size}(?P<after>)(?=\d+[{units}][\u4e00-\u9fff])")
    pattern = counted_asides._SIZE_BESIDE_COUNT
    assert _searched_for(pattern) and not _searched_for(former)
    assert counted_asides.sizes_beside_counts("新建5条、96公里硬化路,110公里15条干线公路") == [(4, 9), (13, 18)]
    rng = random.Random(11)
    alphabet = list("、0123456789.万余多公里千平方米约近共计总长全以上下左右的个条座青山路")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in former.finditer(text)], text


def test_sizes_tried_in_the_runs_before_a_units_last_character_are_the_matches_of_a_whole_search():
    # (_sizes tries the pattern only in the run of characters a size holds before 米 or 里, from the
    # end of the match before: the same matches and groups, for texts of every edge)
    rng = random.Random(48)
    alphabet = list("、0123456789.万余多公里千平方米约近共计总长全以上下左右的个条座青山路") + ["\u0663", "３", "²", "𠀀"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert [(m.span(), m.groupdict()) for m in counted_asides._sizes(text)] == \
            [(m.span(), m.groupdict()) for m in counted_asides._SIZE_BESIDE_COUNT.finditer(text)], text
    assert [m.span() for m in counted_asides._sizes("新建5条、约96公里硬化路,1\u06630平方米12条道路")] == [(4, 10), (14, 20)]
