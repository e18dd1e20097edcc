"""geo.extract.shared_heads: list items written without a head and the head they share."""

from extract_cases import named_names, named_projects


def test_bare_places_listed_before_a_housing_head_are_named_as_written(no_record_model):
    # 加快青坡、白石岗、红水堡棚户区改造: the places before the shanty-town head share it and are
    # each a renewal site, named as written (the last one keeps the head it carries).
    assert named_projects("加快青坡、白石岗、红水堡棚户区改造。") == [
        ("白石岗", "area"), ("红水堡棚户区", "area"), ("青坡", "area")]
    assert named_projects("推进青坡、白石岗城中村改造。") == [("白石岗城中村", "area"), ("青坡", "area")]


def test_bare_places_before_a_facility_head_still_take_the_head():
    # (the water and utility facilities named for the place they serve keep sharing the head)
    assert named_projects("推进白沙、青岸灌区现代化改造。") == [("白沙灌区", "water"), ("青岸灌区", "water")]


def test_a_street_among_the_sites_before_a_housing_head_leaves_the_list_whole(no_record_model):
    # 加快县城青坡、桥沟路、石场坝、红水堡棚户区改造: a street or a place named by a head of its own
    # among the sites keeps its name, and the bare place before it is still a site; a generic word
    # of place opening the list (县城) is no part of the first one's name.
    names = dict(named_projects("投资1.5亿元,加快县城青坡、白沟路、石场坝、红水堡棚户区改造,改善居民住房条件。"))
    assert "青坡" in names and "县城青坡" not in names
    assert {"白沟路", "红水堡棚户区"} <= set(names)


def test_numbered_items_before_a_road_named_by_a_number_share_its_head():
    # 兴团大道、230号、382号、318号规划路、益宁路等8条道路: a number alone names nothing; the items
    # listed before the one named by a number share its head (230号规划路), in a list typed by 等 too
    names = [name for name, _ in named_projects("开工建设青山大道、120号、350号、416号规划路、白石路等5条道路。")]
    assert "120号规划路" in names and "350号规划路" in names and "120号" not in names
    names = [name for name, _ in named_projects("开工建设青山大道、120号、416号规划路、白石路。")]
    assert "120号规划路" in names
    # a place before the first number keeps it (青山港区五号、六号码头: 青山港区五号码头)
    names = [name for name, _ in named_projects("完成青山港区五号、六号码头扩能改造工程。")]
    assert "青山港区五号码头" in names


def test_a_bare_place_is_told_from_works_by_its_pieces_not_by_each_works_word(monkeypatch):
    # 白沙, 青石岭: a bare place holds no works word of two characters or more (更换路灯 is works);
    # its few characters' pieces are looked up in the works words, not each of them looked for in it.
    from geo.extract import shared_heads

    words = shared_heads._WORKS_WORDS
    long_words = [word for word in words if len(word) > 1]

    class Unread(tuple):
        def __iter__(self):
            raise AssertionError("each works word was looked for")

    monkeypatch.setattr(shared_heads, "_WORKS_WORDS", Unread(words))
    for text in ("白沙", "青石岭", "更换路灯", "白沙新建", "青山改造村", "黄泥塘", "维修", "a", ""):
        assert shared_heads._holds_long_works_word(text) == any(word in text for word in long_words)
        norm = "、" + text + "灌区"
        assert shared_heads.bare_place(norm, 1, 1 + len(text)) == (
            text in ("白沙", "青石岭", "黄泥塘"))


def test_a_step_of_the_works_listed_before_a_road_type_is_no_road():
    # 开展软基处理等道路加宽作业, 完成了基槽开挖、青山路等7条道路施工图设计: a step of the
    # construction (软基处理, 基槽开挖) listed before 等道路 is works, no road of the list.
    assert "软基处理" not in [n for n, _ in named_projects("挖掘机正进行路基填挖,开展软基处理等道路加宽作业。")]
    names = [n for n, _ in named_projects("白石人家特色街项目完成了基槽开挖、青山路等7条道路施工图设计。")]
    assert "基槽开挖" not in names
    assert "青山路" in names


def test_the_end_of_a_route_s_section_before_another_route_is_no_abbreviated_route():
    # 深南高铁珠三角机场至省界段、珠肇高铁高明至肇庆东段 (real149 zhaoqing_gaoyao): 省界段 ends the range of
    # the line before it; it was named 省界段高铁, an abbreviation sharing the next line's head
    names = named_names("推进青云高铁白石机场至省界段、青松高铁红岭至青山东段建设。")
    assert "省界段高铁" not in names
    assert "青云高铁白石机场至省界段" in names
    # (abbreviations of the places a route joins still share its head: 合周、淮桐高速)
    assert sorted(named_names("白岭、青松高速开工。")) == ["白岭高速", "青松高速"]
