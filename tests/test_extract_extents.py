"""geo.extract.extents: where a mention ends (its count among others)."""

from extract_cases import counted_groups


def test_a_count_after_a_type_before_a_device_counts_the_device_not_the_places():
    # 青山区196个小区|4507套路灯: the places are counted before their type, the lamps after it
    groups = counted_groups("对白石区196个小区4507套路灯进行智慧路灯建设。")
    assert 196 in [value for _, value in groups]
    assert 4507 not in [value for _, value in groups]
    # a count after a type with no device after it is still the type's
    assert counted_groups("新建青山县幼儿园8所。") == [("school", 8)]
