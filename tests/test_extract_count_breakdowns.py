"""geo.extract.count_breakdowns: a counted group's shares by place or year listed right after its count."""

from extract_cases import counted_groups
from geo.extract import extract_projects


def test_shares_by_place_in_brackets_after_a_group_are_groups_of_its_noun():
    assert counted_groups("青山市今年改造老旧小区共计30个小区(白石区10个,青山县12个,红水旗8个),涉及楼栋120栋。") == [
        ("area", 8), ("area", 10), ("area", 12), ("area", 30)]


def test_shares_by_place_after_a_comma_are_groups_of_its_noun():
    assert counted_groups("白石区计划改造老旧住宅小区20个, 青山区15个,红水镇5个。") == [
        ("area", 5), ("area", 15), ("area", 20)]


def test_a_bare_count_before_shares_by_year_counts_the_noun_of_the_group_before_it():
    assert counted_groups("青山市计划改造老旧小区共计90个,已完成改造60个(2022年25个,2023年35个)。") == [
        ("area", 25), ("area", 35), ("area", 60), ("area", 90)]


def test_a_single_share_or_a_share_of_another_unit_or_of_the_whole_is_no_breakdown():
    assert counted_groups("青山县新建学校3所(白石镇1所),改造道路5条。").count(("school", 1)) == 0
    assert ("school", 2) not in counted_groups("青山县新建学校3所(白石镇2条,红水镇1条)。")
    assert ("school", 2) not in counted_groups("青山县新建学校3所(全县2所,每镇1所)。")


def test_each_share_is_named_by_its_place_or_year_so_equal_shares_stay_apart():
    names = sorted((p["name"], p["quantity"]["value"]) for p in (f["properties"] for f in extract_projects(
        "青山市改造老旧小区30个(白石区10个,青山县10个,红水旗10个),新建学校5所(2024年2所,2025年3所)。")) if not p["named"])
    assert names == sorted([("老旧小区（改造）", 30), ("白石区老旧小区（改造）", 10), ("青山县老旧小区（改造）", 10),
                            ("红水旗老旧小区（改造）", 10), ("学校（新建）", 5), ("2024年学校（新建）", 2), ("2025年学校（新建）", 3)])
