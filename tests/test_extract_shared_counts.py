"""geo.extract.shared_counts: counts listed before a counted group that share its noun."""

from extract_cases import counted_groups


def test_a_count_before_a_rating_alone_shares_the_noun_of_the_next_count():
    assert counted_groups("青山县今年建设1个220千伏和4个110千伏输变电工程。") == [("utility", 1), ("utility", 4)]


def test_counts_of_kinds_listed_before_the_last_share_its_noun():
    assert counted_groups("白石镇推进建设1个中心型、2个多点型和3个乡村型党群服务中心。") == [
        ("welfare", 1), ("welfare", 2), ("welfare", 3)]


def test_a_count_before_a_qualifier_alone_is_of_the_next_count_s_noun_not_a_group_of_its_own():
    assert counted_groups("青山县新建3所公办和2所民办幼儿园。") == [("school", 2), ("school", 3)]


def test_a_count_with_a_noun_of_its_own_or_of_another_unit_shares_nothing():
    assert counted_groups("建成8个省级中心村和8个县级示范点。").count(("village", 8)) == 1
    assert ("utility", 2) not in counted_groups("青山县建设2处220千伏和4座110千伏变电站。")
