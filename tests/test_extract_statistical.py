"""Tests for geo.extract.statistical: which rule names stand against the tagger's reading."""

from geo.extract import extract_projects


def _named(text):
    return sorted(f["properties"]["name"] for f in extract_projects(text) if f["properties"].get("named") is not False)


def test_a_village_before_works_on_its_facilities_is_the_works_site():
    # 白石村基础设施改造项目: the village's own works after its facilities (a follower, as 路面 after a
    # road), evidence the rules hold against a tagger that reads no name there
    assert "白石村" in _named("观摩组来到青山镇,现场查看白石村基础设施改造项目建设情况。")
