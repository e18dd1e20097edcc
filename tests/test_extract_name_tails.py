"""Words after a place's name that are not its own (geo.extract.name_tails)."""

from geo.extract.name_tails import classed_works_to, kind_word_at, names_a_firm, uses_listed


def test_works_of_a_kind_alone_are_no_part_of_the_name_before_them():
    text = "青山河文化生态综合治理工程"
    assert classed_works_to(text, 3, len(text))
    # a bare action is not works of a kind: the read labels split on 综合整治项目
    assert not classed_works_to("青山河整治项目", 3, 7)


def test_a_head_is_no_word_of_a_kind():
    assert kind_word_at("综合治理", 0) == "综合"
    assert kind_word_at("公园改造", 0) is None


def test_works_words_running_into_a_firm_name_name_the_firm():
    text = "青山新区开发建设集团"
    assert names_a_firm(text, 4, len(text))
    assert not names_a_firm("青山新区开发建设", 4, 8)


def test_listed_uses_of_a_building_end_the_place_before_them():
    text = "白石医院门诊、住院综合楼"
    assert uses_listed(text, 4, len(text))
    assert not uses_listed(text, 0, len(text))
