"""Numbers as reports write them (geo.numbers): digits, Chinese numerals with their decimals, the place 余 adds to."""

import pytest

from geo.numbers import last_place, parse_number


@pytest.mark.parametrize("text, value", [("一点五", 1.5), ("二十点二五", 20.25), ("零点五", 0.5), ("两百", 200),
                                         ("一千五百", 1500), ("1.5", 1.5), ("一〇五", 105)])
def test_chinese_numerals_with_a_decimal_point_read_as_their_digits_would(text, value):
    # 一点五 (1.5) read as nothing before: 点 was no numeral
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["一点", "点五", "一点五点", "一点十"])
def test_a_point_without_decimal_digits_after_it_is_no_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text, place", [("三百", 100), ("300", 100), ("十", 10), ("二十五", 1), ("1500", 100),
                                         ("一点五", 0.1), ("1.25", 0.01)])
def test_the_last_place_of_a_number_is_what_yu_after_it_may_add(text, place):
    assert last_place(text) == pytest.approx(place)
