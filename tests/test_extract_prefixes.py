"""Places written before a name that are part of it (geo.extract.prefixes)."""

from geo.extract import extract_projects


def _names(text):
    return sorted(f["properties"]["name"] for f in extract_projects(text) if f["properties"]["named"])


def test_a_named_project_along_a_side_of_a_named_place_is_named_by_both():
    assert _names("新建青山河两岸滨河路。") == ["青山河两岸滨河路"]
    assert _names("新增白石路、城区一河两岸沿河路路灯。") == ["城区一河两岸沿河路", "白石路"]
    assert _names("改造青山河沿岸白石公园。") == ["青山河沿岸白石公园"]


def test_a_village_or_estate_beside_a_place_keeps_its_own_name():
    assert "白石村" in _names("完成青山路沿线白石村改造。")
    assert "白石小区" in _names("修缮青山路两侧白石小区。")


def test_a_name_the_tagger_marks_along_a_side_of_a_named_place_keeps_the_place():
    names = _names("计划实施青松路(车站段)升级改造、白石河两岸堤顶路工、青山医院门前道路拓宽。")
    assert "白石河两岸堤顶路" in names and "堤顶路" not in names
