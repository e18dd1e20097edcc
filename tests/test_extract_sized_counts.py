"""geo.extract.sized_counts: groups counted right before a size or a second count of theirs."""

from extract_cases import counted_groups


def test_works_counted_before_their_length_or_money_need_no_works_verb():
    # the noun is works itself (工程, 项目): 实施/推动 before the count is no works word
    assert counted_groups("青山乡还实施了3条12.5公里的通村道路生命安全防护工程,消除隐患。") == [("project", 3)]
    assert counted_groups("推动白石电子等8个近50亿投资额的招商引资项目落地。") == [("project", 8)]
    assert counted_groups("推动8个总投资30亿元的产业项目落地。") == [("project", 8)]
    # a noun of things, not works, still needs its works
    assert counted_groups("青山乡有3个总投资30亿元的产业园。") == []


def test_things_counted_before_their_size_take_the_works_after_jinxing_past_the_list():
    # 对 A、B、C 进行 <works>: the works of the first item are those said after the whole list
    assert counted_groups("对12片3.5万平方米里巷道路、5条支线道路、8片积水点进行整修改造。") == [
        ("road_rebuild", 5), ("road_rebuild", 12), ("utility", 8)]
    assert ("road_rebuild", 12) not in counted_groups("对12片3.5万平方米里巷道路、5条支线道路、8片积水点进行统计。")
