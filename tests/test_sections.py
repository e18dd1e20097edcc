"""Sections of a road: Traditional spellings, roads running across the asked direction, extensions, how sure a cut is."""

import re

import pytest
import shapely

from geo.gazetteer import Gazetteer
from geo.sections import cut_section, extension_side

EAST_WEST = shapely.LineString([(116.96, 36.70), (117.00, 36.70), (117.04, 36.70)])  # about 7.2 km
CRS = "EPSG:4548"


def _cut(section, road=EAST_WEST):
    return cut_section(road, section, Gazetteer(), CRS)


def test_traditional_section_is_cut_like_the_simplified_one():
    traditional, simplified = _cut("東段"), _cut("东段")
    assert traditional.geometry.equals(simplified.geometry)
    assert min(x for x, _ in traditional.geometry.coords) == pytest.approx(117.0, abs=1e-4)


def test_a_section_between_two_towns_keeps_the_whole_road_saying_a_town_is_no_cross_street():
    # S201线赋春至镇头段: "cross street 赋春 unknown", as if 赋春 (a town, its seat a point of the
    # gazetteer) were a street the planner had left out of it.
    from geo.gazetteer import Entry

    town = Entry(name="赋春镇", geometry=shapely.Point(117.0, 36.70), source="t", method="t", source_datum="wgs84",
                 accuracy_m=300, tier="t")
    cut = cut_section(EAST_WEST, "赋春至镇头段", Gazetteer().add_tier("t", [town]), CRS)
    assert cut.geometry.equals(EAST_WEST) and not cut.exact
    assert cut.note == ("section 赋春至镇头段: 赋春 is no road of any source (赋春镇 is a place): a section is cut "
                        "where the roads it names cross the road, whole road used")
    cut = _cut("赋春至镇头段")
    assert cut.note == ("section 赋春至镇头段: no road named 赋春 in any source: a section is cut where the roads "
                        "it names cross the road, whole road used")


def test_north_part_of_an_east_west_road_keeps_the_whole_road_and_says_why():
    cut = _cut("北段")
    assert cut.geometry.equals(EAST_WEST) and not cut.exact
    assert "the road runs east-west" in cut.note and "does not apply" in cut.note
    assert cut.spread_m == pytest.approx(7160 / 2, rel=0.01)  # the section may be anywhere along it


def test_north_part_of_a_diagonal_road_is_its_northern_half():
    diagonal = shapely.LineString([(117.0, 36.70), (117.02, 36.72)])
    cut = _cut("北段", diagonal)
    assert min(y for _, y in cut.geometry.coords) == pytest.approx(36.71, abs=1e-4)


def test_middle_section_is_the_middle_third_and_says_so():
    cut = _cut("中段")
    assert "middle third" in cut.note and "midpoint" not in cut.note
    xs = [x for x, _ in cut.geometry.coords]
    assert min(xs) == pytest.approx(116.9867, abs=1e-3) and max(xs) == pytest.approx(117.0133, abs=1e-3)


def test_guessed_cut_spreads_half_its_piece_and_an_exact_one_nothing():
    half = _cut("西段")
    assert half.spread_m == pytest.approx(7160 / 4, rel=0.01)
    assert _cut("(旧白石路)").spread_m == 0 and _cut("(旧白石路)").exact


@pytest.mark.parametrize("section, side", [("东延", "east"), ("西延伸段", "west"), ("北延段", "north"),
                                           ("延长线", ""), ("東延", "east"), ("东段", None), ("延安路至北园段", None)])
def test_extension_sections_are_told_apart_from_other_sections(section, side):
    assert extension_side(section) == side


# --------------------------------------------------------------------------- cross streets with namesakes far apart

OUTLINE = shapely.box(116.95, 36.65, 117.10, 36.75)
BIAOSHAN = ([(116.98, 36.69), (116.98, 36.71)], {"highway": "residential", "name": "标山路"})


def _osm_gazetteer(write_osm, *jiluo_lines):
    from geo.osm import load_osm

    ways = [BIAOSHAN, *((line, {"highway": "residential", "name": "济洛路"}) for line in jiluo_lines)]
    return Gazetteer().add_tier("OSM extract", load_osm(write_osm(ways), OUTLINE))


def test_cross_street_with_namesakes_is_the_one_that_meets_the_road(write_osm):
    gazetteer = _osm_gazetteer(write_osm, [(117.02, 36.69), (117.02, 36.71)], [(117.02, 36.735), (117.02, 36.745)])
    cut = cut_section(EAST_WEST, "标山路至济洛路段", gazetteer, CRS)
    assert cut.exact and cut.spread_m == 0
    xs = sorted(x for x, _ in cut.geometry.coords)
    assert xs[0] == pytest.approx(116.98, abs=1e-5) and xs[-1] == pytest.approx(117.02, abs=1e-5)
    assert re.search(r"济洛路: of 2 places named 济洛路 up to \d\.\d km apart, the one that meets the road$", cut.note)


def test_cross_street_whose_namesakes_both_meet_the_road_keeps_the_whole_road_and_says_why(write_osm):
    gazetteer = _osm_gazetteer(write_osm, [(117.02, 36.69), (117.02, 36.71)], [(116.965, 36.69), (116.965, 36.71)])
    cut = cut_section(EAST_WEST, "标山路至济洛路段", gazetteer, CRS)
    assert cut.geometry.equals(EAST_WEST) and not cut.exact
    assert cut.spread_m == pytest.approx(7160 / 2, rel=0.01)
    assert "2 of the 2 places named 济洛路" in cut.note and "the report does not say which" in cut.note
    assert cut.note.endswith("whole road used")


def test_cross_street_whose_namesakes_none_meet_the_road_keeps_the_whole_road_and_says_why(write_osm):
    gazetteer = _osm_gazetteer(write_osm, [(117.06, 36.715), (117.06, 36.73)], [(117.02, 36.735), (117.02, 36.745)])
    cut = cut_section(EAST_WEST, "标山路至济洛路段", gazetteer, CRS)
    assert cut.geometry.equals(EAST_WEST) and not cut.exact
    assert "none of the 2 places named 济洛路" in cut.note and "meets the road (nearest" in cut.note


def test_a_cross_street_only_a_left_out_row_of_a_users_file_has_says_which_file_and_row():
    # 幸福大道 typed as a point in the planner's 道路.csv, left out of it with a warning: the section
    # 北园大街幸福大道至标山路段 said "no road named 幸福大道 in any source", as if no file had it.
    from geo.gazetteer import Entry

    point = Entry(name="幸福大道", geometry=shapely.Point(117.0, 36.70), source="u", method="u", source_datum="wgs84",
                  accuracy_m=50, tier="user gazetteer 道路.csv",
                  extra={"left_out": "a road given as a point, not a line", "entry": 2})
    gazetteer = Gazetteer().add_left_out("user gazetteer 道路.csv", [point])
    cut = cut_section(EAST_WEST, "幸福大道至标山路段", gazetteer, CRS)
    assert cut.geometry.equals(EAST_WEST) and not cut.exact
    assert cut.note == ("section 幸福大道至标山路段: user gazetteer 道路.csv has '幸福大道' only in entry 2, left out: a "
                        "road given as a point, not a line; give the road its line there: a section is cut where the "
                        "roads it names cross the road, whole road used")


def test_a_phase_of_a_park_given_whole_spreads_half_its_size():
    # 青山公园二期: the park's polygon was given whole claiming the source's 20 m, though the phase may lie
    # anywhere in it; an area given whole for its part now spreads, as a road given whole does.
    park = shapely.box(116.99, 36.69, 117.00, 36.70)  # about 895 m by 1,110 m
    cut = _cut("二期", park)
    assert cut.geometry.equals(park) and not cut.exact
    assert cut.spread_m == pytest.approx((895 * 1110) ** 0.5 / 2, rel=0.02)
    assert cut.note == "section 二期 not cut (an area): the whole area, spread half its size"
    assert _cut("二期", shapely.Point(117.0, 36.7)).spread_m == 0  # a point (a campus's) is no area


def test_a_section_ended_by_a_landmark_is_cut_at_the_roads_point_nearest_it_spread_by_its_gap_and_accuracy():
    # 东西路（青山公园至白石路段）: 青山公园 is a place beside the road, not a road; before, "no road named 青山公园",
    # the whole road used, spread half its 7.2 km
    from geo.gazetteer import Entry

    park = Entry(name="青山公园", geometry=shapely.Point(117.01, 36.701), source="t", method="t", source_datum="wgs84",
                 accuracy_m=30, tier="t")
    street = Entry(name="白石路", geometry=shapely.LineString([(117.03, 36.69), (117.03, 36.71)]), source="t",
                   method="t", source_datum="wgs84", accuracy_m=20, tier="t")
    cut = cut_section(EAST_WEST, "青山公园至白石路段", Gazetteer().add_tier("t", [park, street]), CRS)
    xs = [x for x, _ in cut.geometry.coords]
    assert min(xs) == pytest.approx(117.01, abs=1e-4) and max(xs) == pytest.approx(117.03, abs=1e-4)
    assert not cut.exact and cut.spread_m == pytest.approx(111 + 30, abs=2)
    assert "青山公园 is a place, not a road (t): cut at the road's point nearest it, 111 m away" in cut.note
    far = Entry(name="青山公园", geometry=shapely.Point(117.01, 36.71), source="t", method="t", source_datum="wgs84",
                accuracy_m=30, tier="t")  # 1.1 km off the road: no end of its section
    cut = cut_section(EAST_WEST, "青山公园至白石路段", Gazetteer().add_tier("t", [far, street]), CRS)
    assert not cut.exact and "青山公园 is a place, not a road, 1,110 m from the road (over 300 m)" in cut.note


def test_a_landmark_ending_a_section_is_found_written_with_the_district_or_without_it_as_its_source_writes_it():
    # 东西路（青山路至实验小学段）: the list writes 青山县实验小学; 东西路（青山县妇幼保健院至青山路段）: OSM writes 妇幼保健院.
    # Both were `no road named … in any source`, the whole 7.2 km road used
    from geo.gazetteer import Entry

    def entry(name, geometry, accuracy=20):
        return Entry(name=name, geometry=geometry, source="t", method="t", source_datum="wgs84", accuracy_m=accuracy,
                     tier="t")

    gazetteer = Gazetteer().add_tier("t", [
        entry("青山县实验小学", shapely.Point(117.01, 36.7005), 50), entry("妇幼保健院", shapely.Point(117.03, 36.701)),
        entry("青山路", shapely.LineString([(117.00, 36.69), (117.00, 36.71)]))])
    school = cut_section(EAST_WEST, "青山路至实验小学段", gazetteer, CRS, "青山县")
    assert [round(x, 4) for x, _ in school.geometry.coords][::len(school.geometry.coords) - 1] == [117.0, 117.01]
    assert "the report's 实验小学 taken for 青山县实验小学" in school.note and school.spread_m == pytest.approx(56 + 50, abs=2)
    hospital = cut_section(EAST_WEST, "青山县妇幼保健院至青山路段", gazetteer, CRS, "青山县")
    assert sorted(round(x, 4) for x, _ in hospital.geometry.coords)[::len(hospital.geometry.coords) - 1] == [117.0, 117.03]
    assert "the report's 青山县妇幼保健院 is 妇幼保健院 of 青山县, 青山县 left off" in hospital.note
    whole = cut_section(EAST_WEST, "青山路至实验小学段", gazetteer, CRS)  # no district given: as before
    assert not whole.exact and whole.geometry.equals(EAST_WEST)
