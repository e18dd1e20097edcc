"""Name rules of gazetteer look-ups (geo.gazetteer_names): what a report's short name may stand for."""

import shapely

from geo.gazetteer import Entry, Gazetteer
from geo.gazetteer_names import is_abbreviation


def _school(name):
    return Entry(name=name, geometry=shapely.Point(112.93, 28.2), source="user gazetteer 学校.csv",
                 method="coordinates from file", source_datum="wgs84", accuracy_m=50, tier="user gazetteer",
                 category="school")


def test_a_name_keeping_a_roads_name_without_its_ending_abbreviates_no_school_named_after_the_road():
    # The list's 白石路小学 (named after 白石路) was taken for the report's 白石小学 (named after the place 白石),
    # "abbreviation", 1 km claimed: another school, wherever it lies.
    gazetteer = Gazetteer().add_tier("user gazetteer 学校.csv", [_school(name) for name in (
        "白石路小学", "云岭县文昌大道中学", "北园街道中心小学", "青溪县人民医院")])
    for report in ("白石小学", "文昌中学"):
        assert gazetteer.lookup(report, category="school") is None
    assert not is_abbreviation(_school("白石路小学"), "白石小学", "白石路小学")
    # the road's name kept whole, a 街道's name without 街道, or no road at all: abbreviations as before
    assert gazetteer.lookup("文昌大道中学", category="school").entry.name == "云岭县文昌大道中学"
    assert gazetteer.lookup("北园小学", category="school").entry.name == "北园街道中心小学"
    assert gazetteer.lookup("白石路小", category="school").strength == "contained"
    assert is_abbreviation(_school("青溪县人民医院"), "青溪医院", "青溪县人民医院")
