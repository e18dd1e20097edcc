"""The catalog's flat layer form: lists of 街道 in one text cell that give back every name exactly."""

import pytest

from geo.catalog import flat_properties, join_list, split_list


@pytest.mark.parametrize("names", [
    ["北园街道"], ["北园街道", "A;B街道"], ["';alert(14);//"], ["C\\D街道", "E\\;F", "\\", ";", ""], ["a\\", "b"],
])
def test_names_holding_the_separator_or_backslashes_round_trip_exactly(names):
    assert split_list(join_list(names)) == names


def test_plain_names_stay_readable_in_the_flat_column():
    assert join_list(["无影山街道", "北园街道"]) == "无影山街道;北园街道"
    assert join_list([]) is None and split_list(None) == [] and split_list("") == []


def test_a_name_with_a_semicolon_is_one_name_beside_one_code():
    props = {"subdistricts": [{"code": "370105014", "name": "北园街道"}, {"code": "370105015", "name": "A;B街道"}]}
    flat = flat_properties(props)
    assert flat["subdistrict_names"] == "北园街道;A\\;B街道"
    assert len(split_list(flat["subdistrict_names"])) == len(split_list(flat["subdistrict_codes"])) == 2
