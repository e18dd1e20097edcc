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


def test_a_count_before_a_size_is_searched_for_by_its_first_digit_with_the_same_matches():
    # (the look-behind before the number tested after its first digit: the engine searches for a digit)
    import re
    from re import _parser

    from geo.extract import sized_counts
    from geo.lexicon import THING_UNITS

    old = re.compile(rf"(?<![\d.第])(?P<num>\d+)(?P<unit>{'|'.join(THING_UNITS)}|片)"
                     rf"(?=(?:{sized_counts._BUDGET})?(?:共计|共|超|近|约)?\d)")
    new = sized_counts._COUNT_BEFORE_SIZE
    assert _parser.parse(new.pattern)[0][0] is _parser.SUBPATTERN and _parser.parse(new.pattern)[0][1][-1][0][0] is _parser.IN
    text = "改造187个640幢131万平方米建筑,第3个5幢,1.5个2幢,12片30亩,青山路。"
    for start in range(len(text)):
        for end in (len(text), start + 5):
            assert [(m.span(), m.groupdict()) for m in new.finditer(text, start, end)] == \
                [(m.span(), m.groupdict()) for m in old.finditer(text, start, end)]
