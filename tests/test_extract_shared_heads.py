"""geo.extract.shared_heads: list items written without a head and the head they share."""

from extract_cases import named_projects


def test_bare_places_listed_before_a_housing_head_are_named_as_written(no_record_model):
    # 加快青坡、白石岗、红水堡棚户区改造: the places before the shanty-town head share it and are
    # each a renewal site, named as written (the last one keeps the head it carries).
    assert named_projects("加快青坡、白石岗、红水堡棚户区改造。") == [
        ("白石岗", "area"), ("红水堡棚户区", "area"), ("青坡", "area")]
    assert named_projects("推进青坡、白石岗城中村改造。") == [("白石岗城中村", "area"), ("青坡", "area")]


def test_bare_places_before_a_facility_head_still_take_the_head():
    # (the water and utility facilities named for the place they serve keep sharing the head)
    assert named_projects("推进白沙、青岸灌区现代化改造。") == [("白沙灌区", "water"), ("青岸灌区", "water")]
