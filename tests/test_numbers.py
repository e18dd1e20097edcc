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


@pytest.mark.parametrize("text, value", [("一千五", 1500), ("三百五", 350), ("两千五", 2500), ("一千二百五", 1250),
                                         ("一百一", 110), ("一千二", 1200), ("三百五十", 350), ("两百", 200),
                                         ("二点五", 2.5)])
def test_a_digit_straight_after_bai_or_qian_is_read_as_said_aloud(text, value):
    # 一千五 (1,500) read as 1,005 before: the last digit was taken as ones
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [("一千零五", 1005), ("一百零五", 105), ("二十五", 25), ("三百五十五", 355)])
def test_a_digit_after_ling_or_shi_stays_ones(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, place", [("一千五", 100), ("三百五", 10), ("一千零五", 1)])
def test_the_last_place_of_a_number_said_aloud_is_a_tenth_of_its_unit(text, place):
    # 一千五余 (1,500 to 1,600): its last place was taken as ones
    assert last_place(text) == pytest.approx(place)
