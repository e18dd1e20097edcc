"""geo.extract.crossed: the places a works crosses (上跨, 下穿, 横跨) are context, its own crossing a project."""

from extract_cases import named_names


def test_places_listed_after_a_verb_of_crossing_are_what_the_works_cross():
    # the rivers a set of bridges spans, the junctions a flyover passes over, the estates a tunnel
    # runs under: no projects
    assert named_names("全县交通框架周边贯通,8座桥梁横跨青松、白沙河、红枫河等3条江河,把老城区、新区紧密连接在一起。") == []
    assert "白石街" not in named_names("其中青山路上跨青松街跨线桥全长800米,连续上跨青松街、白石街2个路口。")
    assert named_names("北起青山路,向南以隧道形式下穿青松城、白石花园等区域,南止红枫路。") == []


def test_the_crossing_own_works_stay_projects():
    # a bridge or tunnel head, and a name whose crossing road comes before the verb, are the works
    assert named_names("青山县新建青山路上跨白石铁路立交桥。") == ["青山路上跨白石铁路立交桥"]
    assert named_names("目前横跨青松河转体桥工程已顺利完工。") == ["横跨青松河转体桥"]
    assert "青松路下穿红枫二线" in named_names("青松路下穿红枫二线、白石路西段建成通车。")


def test_works_sites_listed_after_the_crossing_own_works_are_no_places_it_crosses():
    # 穿越铁路地下道工程 is the crossing's own works; the list it opens is of sites visited, not crossed
    assert "白石社区" in named_names("县长视察青山镇,巡视青山镇一圳穿越铁路地下道工程、青山镇老人会、白石社区、白石社区围墙新建工程。")
