"""geo.extract.head_mentions: mentions made at a head (its stem, a list before its count)."""

from extract_cases import counted_groups, named_projects
from geo.extract import head_mentions


def test_a_list_joined_by_he_before_its_count_names_each_member():
    # A、B和C3所小学 is split into its members as A、B、C3所小学 is (real9 linfen_xiangfen, real shenyang_tiexi)
    assert named_projects("改扩建青山、白石和红旗3个卫生院。") == [("白石", "health"), ("红旗", "health"), ("青山", "health")]
    assert named_projects("新建青山、白石及红旗3所小学。") == [("白石", "school"), ("红旗", "school"), ("青山", "school")]
    # 地区 closes the list: the area is named by its place (滨河、宝马和翟家地区三所小学)
    assert named_projects("新建青山、白石和红旗地区三所小学。") == [("白石", "school"), ("红旗", "school"), ("青山", "school")]


def test_a_list_joined_by_he_stays_one_group_when_it_does_not_number_its_count():
    # the items do not number the count, two items only, or villages where things happen: no members
    assert counted_groups("改扩建青山、白石和红旗4个卫生院。") == [("health", 4)]
    assert named_projects("新建青山和白石两处公园。") == []
    assert named_projects("青山、白石和红旗3个村的幼儿将在这里入学。") == []


def test_a_rating_between_a_list_count_and_its_type_leaves_the_list_its_members():
    # 大杖子、安子岭、梓木林3个35 千伏变电站 (real11 xinglong): the rating, a PDF's space in it or not,
    # is no part of what the count counts
    expected = [("白石", "utility"), ("红旗", "utility"), ("青山", "utility")]
    assert named_projects("新建青山、白石、红旗3个35千伏变电站。") == expected
    assert named_projects("新建青山、白石、红旗3个35 千伏变电站。") == expected
    # (with a rating, the items number the count: two names before 3个 leave one group)
    assert counted_groups("新建青山、白石3个35千伏变电站。") == [("utility", 3)]


def test_a_head_is_looked_up_among_the_units_once(monkeypatch):
    # (asked twice of each of 17k heads in 1 MB: with a number before it, then with a count)
    asked = []

    class Units(frozenset):
        def __contains__(self, word):
            asked.append(word)
            return frozenset.__contains__(self, word)

    monkeypatch.setattr(head_mentions, "THING_UNITS", Units(head_mentions.THING_UNITS))
    names = [name for name, _ in named_projects("新建青山公园和白石大道,建成涵洞138道。")]
    assert "青山公园" in names and "白石大道" in names
    assert len(asked) == len(set(asked)) and {"公园", "大道"} <= set(asked)
