"""geo.extract.stems: where a stem starts before its head."""

from extract_cases import counted_groups


def test_a_count_before_a_description_holding_a_size_counts_the_type_after_it():
    # 3所占地50亩的中学 (the shape of real150 licheng's 5套日处理能力在20吨及以上的…处理站): the size
    # is part of the description between the count and 的, as 17个有特色的口袋公园 is
    assert counted_groups("白石县新建3所占地50亩的中学。") == [("school", 3)]
    assert counted_groups("青山区新建4个面积1.5万平方米的口袋公园。") == [("park", 4)]
    # a class of sizes after 、 stays no group (see test_extract_counts)
    assert counted_groups("新建14个、2万平方米以上的广场。") == []

