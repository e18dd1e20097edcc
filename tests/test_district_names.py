"""The district's names as a planner's list writes them: its city written out, the city's other districts."""

from geo.district_names import district_prefixes, full_district_name, other_districts


def test_a_shared_district_name_is_written_out_with_the_city_of_its_code():
    assert full_district_name("鼓楼区", "320106") == "江苏省南京市鼓楼区"
    assert full_district_name("鼓楼区", "350102") == "福建省福州市鼓楼区"
    assert full_district_name("鼓楼区") == "鼓楼区"  # no code: as given
    assert full_district_name("我的片区", "320106") == "我的片区"  # a name of one's own is not the code's county


def test_the_prefixes_of_a_shared_name_come_with_its_city_once_its_code_tells():
    assert district_prefixes("鼓楼区") == ("鼓楼区",)
    assert "南京市鼓楼区" in district_prefixes(full_district_name("鼓楼区", "320106"))


def test_the_other_districts_are_those_of_the_same_city_only():
    others = other_districts("长沙市岳麓区")
    assert "开福区" in others and "长沙县" in others and "岳麓区" not in others
    assert "天桥区" not in others
    assert other_districts("朝阳区") == ()  # Beijing's or Changchun's: none known
