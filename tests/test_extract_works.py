"""geo.extract.works: the works said of a mention and the category they give it."""

from extract_cases import named_names


def test_a_building_named_by_the_street_it_stands_on_is_the_building_not_the_street():
    # 白石街综合楼: a street's name, maybe generic words, then a building head (楼) with no keyword
    # of a kind in its stem: the building is the project, named in full, and the street no road
    assert named_names("养老服务方面,对白石街综合楼、青山大道16号实施改造。") == ["白石街综合楼", "青山大道16号"]
    assert named_names("对青山县白石路综合楼实施改造。") == ["青山县白石路综合楼"]


def test_a_college_that_lands_is_built():
    # 落地 after a school (a college arriving in the district) is its works; the word is a works verb
    # of schools alone (项目落地 says a deal of any kind)
    assert named_names("重点项目大干快上,青山职业技术学院汽车学院落地圆了全区人民的大学梦。") == [
        "青山职业技术学院汽车学院"]
