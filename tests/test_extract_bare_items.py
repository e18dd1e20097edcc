"""geo.extract.bare_items: the first items of a list whose second-to-last item is named bare."""

from extract_cases import named_projects


def test_the_items_before_a_bare_named_second_to_last_item_are_found():
    # 推进青石、白马、红枫工业园建设: the tagger named 白马 bare and the rules 红枫工业园; 青石 was lost
    assert named_projects("推进青石、白马、红枫工业园建设。") == [
        ("白马", "area"), ("红枫工业园", "area"), ("青石", "area")]
    assert ("青山", "transport") in named_projects("新建青山、白石、红岭停车场。")


def test_a_list_opening_at_no_works_verb_adds_no_items():
    # 在青山、白石、红岭停车场现场: the places may be where a visit went, no list of works
    assert ("青山", "transport") not in named_projects("在青山、白石、红岭停车场现场调研。")



def test_a_bare_place_before_a_place_an_ordinal_and_a_head_takes_the_ordinal_and_head():
    # 建设东岭、东桥第二中心幼儿园 (real149 huian_shishi): 东岭 was lost
    assert named_projects("计划投入800万元建设青岭、白桥第二中心幼儿园。") == [
        ("白桥第二中心幼儿园", "school"), ("青岭第二中心幼儿园", "school")]
    # (no ordinal: the type word alone is not taken, 青岭、白桥幼儿园 is left to the other rules)
    assert ("青岭幼儿园", "school") not in named_projects("计划建设青岭、白桥幼儿园。")
