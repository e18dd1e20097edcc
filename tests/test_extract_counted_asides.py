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
