"""geo.extract.joined_stretches: stretches of road named by their two ends before 路段."""

from geo.extract import extract_projects
from geo.extract.joined_stretches import joined_stretches


def _named(text):
    return {f["properties"]["name"] for f in extract_projects(text) if f["properties"]["named"]}


def test_a_stretch_between_two_headless_ends_is_a_named_road():
    # 对A至B路段进行改造: A (an estate, a hamlet) has no head, so the rules read only a generic 路段
    # whose stem 至 stops; before, nothing was named.
    names = _named("2023年对城区金源北辰至苗寨路段进行雨污分流改造431米,青山路865米、白石路446米进行雨水管网改造,"
                   "项目总投资656万元。")
    assert "城区金源北辰至苗寨路段" in names


def test_a_stretch_closing_on_its_works_is_a_named_road():
    # 争取A至B路段明年动工建设: two ends of two characters, nothing named before
    assert "青闸至白埠路段" in _named("争取青闸至白埠路段明年动工建设。")


def test_a_stretch_from_a_route_gives_way_to_no_generic_second_end():
    # 对A线至B路段进行改造: the second end's 东坪坳路段 alone was a generic record; the stretch names it
    names = _named("今年对青岭线至东坪坳路段进行拓宽改造。")
    assert "青岭线至东坪坳路段" in names
    assert "东坪坳路段" not in names


def test_a_stretch_a_named_record_already_covers_is_left():
    # 青山镇白石村至红岭镇东坪村路段: the village's section names it already (one record, not two)
    names = _named("标志着青山镇白石村至红岭镇东坪村路段正式通车。")
    assert names == {"青山镇白石村至红岭镇东坪村路段"}



def test_a_stretch_from_a_street_or_describing_what_lies_along_it_is_no_stretch_record():
    # 青松路至建设路段: a road's stretch between crossings (the golds name the road); 受益A至B路段的村庄:
    # the stretch places the villages described
    text = "对青松路至建设路段进行提升改造。"
    assert joined_stretches(text, [], 0, len(text)) == []
    text = "红岭村只是受益青岭至白马路段的村庄之一。"
    assert joined_stretches(text, [], 0, len(text)) == []
    text = "图为青岭线至东坪坳路段,道路施工人员忙着浇筑水泥路。"  # (no works follow: a caption's place)
    assert joined_stretches(text, [], 0, len(text)) == []
    text = "争取青闸至白埠路段明年动工建设。"
    assert [text[r.start:r.end] for r in joined_stretches(text, [], 0, len(text))] == ["青闸至白埠路段"]
