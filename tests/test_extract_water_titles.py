"""Water works written as their title, with no head at their end (geo.extract.water_titles)."""

from geo.extract import extract_projects
from geo.extract.water_titles import titled_water_works


def _names(text):
    return sorted((f["properties"]["name"], f["properties"]["category"]) for f in extract_projects(text))


def test_a_water_works_title_opening_its_clause_is_named_whole():
    assert _names("此外,白沙湖湿地生态保护与修复工程也被纳入今年的重点工作。") == [("白沙湖湿地生态保护与修复工程", "water")]


def test_a_title_needs_a_water_head_inside_a_title_word_at_its_end_and_the_clause_opening():
    text = "此外,白沙湖湿地生态保护与修复工程也被纳入。"
    start, end = text.index("白沙湖"), text.index("也")
    assert titled_water_works(text, start, end, start)
    assert not titled_water_works(text, start, end, start - 1)  # not where its clause opens
    assert not titled_water_works(text, start, end - 2, start)  # no title word closing it
    text = "此外,青山镇生态保护与修复工程也被纳入。"
    assert not titled_water_works(text, text.index("青山镇"), text.index("也"), text.index("青山镇"))
    text = "此外,湖区生态保护与修复工程也被纳入。"  # (a water head opening the span is no body of water's name)
    assert not titled_water_works(text, text.index("湖区"), text.index("也"), text.index("湖区"))


def test_a_water_works_title_ending_in_a_bare_type_head_is_named_whole_too():
    # 桃山湖坝下综合治理项目正式开工 (qitaihe): 项目 read as a bare type head (a generic kind) does not stop the
    # title opening its clause from naming the water works
    assert _names("2019年7月31日,青石湖坝下综合治理项目正式开工。") == [("青石湖坝下综合治理项目", "water")]


def test_a_water_works_title_listed_as_an_item_is_a_title_too():
    # 完成塘下赵、大湖头组团工程建设施工 (shaoxing_yuecheng), 能装备项目、臣南河乡村振兴项目、尧山路 (linfen_fushan):
    # an item of a list joined by 、 is written as a title as much as one opening its clause
    text = "完成青石村、白沙湖组团工程建设施工。"
    start, end = text.index("白沙湖"), text.index("建设")
    assert titled_water_works(text, start, end, text.index("完成"))
    text = "白沙湖湿地修复项目、青山路改造已建成。"
    start, end = 0, text.index("、")
    assert titled_water_works("此外," + text, start + 3, end + 3, 0)
    text = "完成白沙湖湿地修复项目建设。"  # (after a verb, in no list: no title)
    assert not titled_water_works(text, text.index("白沙湖"), text.index("建设"), 0)


def test_a_water_works_title_between_list_marks_is_named_whole():
    # (臣南河乡村振兴项目 between two items of linfen_fushan's list)
    names = _names("重点推进智能装备项目、青石河乡村振兴项目、白石路改造。")
    assert ("青石河乡村振兴项目", "water") in names


def test_a_water_works_title_closed_by_its_local_section_is_named_whole():
    # 京杭运河江苏段绿色现代航运综合整治工程高邮段主体工程已交工 (real157 gaoyou): the share of a long works
    # one county builds is named as a road's is (京港澳高速公路改扩建工程大悟段)
    text = "白石运河青山段航运综合整治工程东湖段主体工程已交工。"
    assert _names(text) == [("白石运河青山段航运综合整治工程东湖段", "water")]
    start, end = 0, text.index("主体")
    assert titled_water_works(text, start, end, start)
    assert not titled_water_works(text, start, end - 1, start)  # (工程东湖: no section, no title word closing it)
    text = "白石运河航运综合整治工程一标段已开工。"  # (a tender lot is no local section)
    assert not titled_water_works(text, 0, text.index("已"), 0)
