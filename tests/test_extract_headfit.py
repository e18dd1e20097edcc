"""Heads found with their stems that name no such place where they stand (geo.extract.headfit)."""

from extract_cases import named_names
from geo.extract import extract_projects


def _named(text):
    """(name, category) of the named projects extracted from ``text``, sorted."""
    return sorted((f["properties"]["name"], f["properties"]["category"])
                  for f in extract_projects(text) if f["properties"]["named"])


def test_a_bypass_is_a_road_when_its_code_or_a_direction_opens_it_and_a_city_ringed_by_forest_is_none():
    # 绕城 (a bypass; also "rings the city") names a road when a road code or a direction alone opens it
    assert ("S204青山绕城", "road_new") in _named("S204青山绕城项目建成投用。")
    assert "东绕城" in named_names("环境整治项目两个,分别为东绕城、南连接线高速公路综合整治工程。")
    # a slogan's picture is no road, whatever follows it
    assert named_names("打造森林绕城。建设碧水绕城项目。") == []
    # a bypass's own road head still names it as before
    assert named_names("加快白石绕城高速建设。") == ["白石绕城高速"]


def test_a_communication_link_or_a_power_circuit_is_no_road():
    # 链路 and 回路 end in the road head 路 as 电路 does: a network's links and a feeder's circuits, no roads
    assert named_names("建设内容包括公共信息平台、数字乡村、通信链路等工程。改造供电回路,新建白石路。") == ["白石路"]
