"""Road lines in metres: route order across gaps, crossings of two roads, carriageways merged into a centre line."""

import pytest
import shapely
from shapely.geometry import LineString, MultiLineString

from geo.lines import crossings, linked_groups, merge_ways, near_pairs, route, spanning_links


def test_route_orders_reversed_parts_across_gaps_and_cuts_without_the_gaps():
    # Three parts of one east-west road, listed out of order, one drawn westwards, 100 m gaps.
    parts = MultiLineString([[(1100, 0), (2000, 0)], [(1000, 0), (0, 0)], [(3000, 0), (2100, 0)]])
    road = route(parts)
    assert road.length == pytest.approx(3000)
    assert [p.coords[0][0] < p.coords[-1][0] for p in road.parts] in ([True] * 3, [False] * 3)
    position, gap = road.locate(LineString([(1500, -50), (1500, 50)]))  # a cross street
    assert gap == 0 and position == pytest.approx(1500)
    piece = road.between(*sorted([road.locate(LineString([(x, -9), (x, 9)]))[0] for x in (500, 2500)]))
    assert piece.length == pytest.approx(1800)  # 2000 m between the cross streets less the two gaps
    assert piece.geom_type == "MultiLineString" and len(piece.geoms) == 3


def test_route_locates_a_cross_street_that_stops_short():
    road = route(LineString([(0, 0), (1000, 0)]))
    position, gap = road.locate(LineString([(400, -300), (400, -30)]))
    assert position == pytest.approx(400) and gap == pytest.approx(30)


def test_crossing_at_right_angles():
    (junction,) = crossings(LineString([(0, 0), (1000, 0)]), LineString([(300, -500), (300, 500)]),
                            max_gap_m=100, spread_m=150)
    assert (junction.point.x, junction.point.y) == (300, 0)
    assert junction.gap_m == 0 and junction.spread_m == 0 and junction.sine == pytest.approx(1)


def test_two_dual_carriageways_crossing_are_one_junction_at_the_centre():
    east_west = MultiLineString([[(0, 15), (1000, 15)], [(1000, -15), (0, -15)]])
    north_south = MultiLineString([[(485, -500), (485, 500)], [(515, 500), (515, -500)]])
    (junction,) = crossings(east_west, north_south, max_gap_m=100, spread_m=150)
    assert junction.point.x == pytest.approx(500) and junction.point.y == pytest.approx(0)
    assert junction.spread_m == pytest.approx((15 ** 2 + 15 ** 2) ** 0.5)


def test_roads_crossing_twice_far_apart_give_two_junctions_and_a_near_miss_gives_one():
    ring = LineString([(0, 0), (2000, 0), (2000, 2000), (0, 2000)])
    straight = LineString([(1000, -100), (1000, 2100)])
    assert len(crossings(ring, straight, max_gap_m=100, spread_m=150)) == 2
    # Restricted to where the district is, only one of them counts.
    assert len(crossings(ring, straight, max_gap_m=100, spread_m=150, within=shapely.box(0, -500, 2500, 1000))) == 1
    (near_miss,) = crossings(LineString([(0, 0), (1000, 0)]), LineString([(500, -400), (500, -40)]),
                             max_gap_m=100, spread_m=150)
    assert near_miss.gap_m == pytest.approx(40) and (near_miss.point.x, near_miss.point.y) == (500, -20)
    assert crossings(LineString([(0, 0), (1000, 0)]), LineString([(500, -400), (500, -140)]),
                     max_gap_m=100, spread_m=150) == []


def test_dual_carriageway_becomes_its_centre_line_and_is_measured_once():
    two_way = [LineString([(-500, 0), (0, 0)])]
    eastbound = [LineString([(0, 0), (100, 15), (900, 15)]), LineString([(900, 15), (1000, 0)])]
    westbound = [LineString([(1000, 0), (900, -15), (100, -15), (0, 0)])]
    merged, paired, _ = merge_ways(two_way, eastbound + westbound, carriageway_m=60)
    assert paired == 1 and merged.geom_type == "LineString"
    assert merged.length == pytest.approx(1500, rel=1e-3)
    assert merged.interpolate(1000).y == pytest.approx(0, abs=1e-6)  # midway between the carriageways


def test_one_way_streets_and_same_direction_lines_are_not_paired():
    # Two lines of one name and one direction 30 m apart (a carriageway and its service carriageway)
    # make no centre line, and the road is measured once; 200 m apart they are two streets.
    same_way = [LineString([(0, 15), (1000, 15)]), LineString([(0, -15), (1000, -15)])]
    merged, paired, alongside = merge_ways([], same_way, carriageway_m=60)
    assert paired == 0 and alongside == 1 and merged.length == pytest.approx(1000)
    apart = [LineString([(0, 100), (1000, 100)]), LineString([(1000, -100), (0, -100)])]  # 200 m apart
    merged, paired, _ = merge_ways([], apart, carriageway_m=60)
    assert paired == 0 and merged.length == pytest.approx(2000)


def test_service_carriageways_of_the_same_name_alongside_a_dual_carriageway_are_measured_once():
    # 广州大道 as mapped in Chinese cities: the main carriageways 40 m apart and, 20 m further out on
    # each side, service carriageways (辅道) of the same name; four one-way lines along 2 km.
    main = [LineString([(0, -20), (2000, -20)]), LineString([(2000, 20), (0, 20)])]
    service = [LineString([(0, -40), (2000, -40)]), LineString([(2000, 40), (0, 40)])]
    merged, paired, _ = merge_ways([], main + service, carriageway_m=60)
    assert merged.length == pytest.approx(2000, rel=1e-3)
    # A two-way service road of the same name beside them, and one leaving the road, count only where they leave.
    branch = LineString([(300, 45), (1500, 45), (1500, 1045)])
    merged, _, alongside = merge_ways([branch], main, carriageway_m=60)
    assert merged.length == pytest.approx(2000 + 1000, rel=2e-2)


def test_a_carriageway_segment_missing_its_oneway_tag_is_measured_once():
    # A mapper left oneway=yes off one westbound segment: it was two-way, unpaired, counted again.
    eastbound = [LineString([(0, -15), (1000, -15)]), LineString([(1000, -15), (2000, -15)])]
    westbound = [LineString([(2000, 15), (1000, 15)])]
    merged, paired, alongside = merge_ways([LineString([(1000, 15), (0, 15)])], eastbound + westbound,
                                           carriageway_m=60)
    assert paired == 1 and alongside == 1 and merged.length == pytest.approx(2000, rel=2e-3)


def test_a_cross_street_and_a_continuation_of_the_same_name_are_kept_whole():
    # A spur of one name meeting its road at right angles, and the road going on past a dual carriageway.
    main = [LineString([(0, -15), (1000, -15)]), LineString([(1000, 15), (0, 15)])]
    spur = LineString([(500, 15), (500, 115)])
    beyond = LineString([(1000, 0), (1080, 0)])
    merged, paired, _ = merge_ways([spur, beyond], main, carriageway_m=60)
    assert paired == 1 and merged.length == pytest.approx(1000 + 100 + 80, rel=1e-3)


def test_hairpin_legs_and_a_fork_of_one_name_are_kept_whole_a_railways_two_tracks_are_one_line():
    # A two-way road up a hill: two legs of a hairpin bend 40 m apart, drawn as two ways (Monaco's
    # Avenue Pasteur); a one-way street forking off a dual carriageway, alongside it for its first 300 m.
    legs = [LineString([(0, 0), (1000, 0)]), LineString([(1000, 40), (300, 40)])]
    merged, _, alongside = merge_ways(legs, [], carriageway_m=60)
    assert alongside == 0 and merged.length == pytest.approx(1700)
    main = [LineString([(0, -15), (2000, -15)]), LineString([(2000, 15), (0, 15)])]
    fork = LineString([(500, -45), (800, -45), (800, -1045)])
    merged, _, alongside = merge_ways([], main + [fork], carriageway_m=60)
    assert alongside == 0 and merged.length == pytest.approx(2000 + 1300, rel=1e-3)
    tracks = [LineString([(0, -2.5), (3000, -2.5)]), LineString([(0, 2.5), (3000, 2.5)])]
    assert merge_ways(tracks, [], carriageway_m=60)[0].length == pytest.approx(6000)  # a road's hairpin
    merged, _, alongside = merge_ways(tracks, [], carriageway_m=60, tracks=True)
    assert alongside == 1 and merged.length == pytest.approx(3000)


def test_lines_within_the_distance_link_into_groups_through_one_another():
    lines = [LineString([(0, 0), (100, 0)]), LineString([(5000, 0), (5100, 0)]), LineString([(150, 0), (250, 0)]),
             LineString([(300, 0), (400, 0)])]
    pairs = near_pairs(lines, 60.0)
    assert sorted(pairs) == [(0, 2), (2, 3)]
    assert linked_groups(len(lines), pairs) == [[0, 2, 3], [1]]  # 0 and 3 are 200 m apart, linked through 2


def test_a_spanning_forest_keeps_the_shortest_link_joining_each_two_groups():
    # 白石路 in three pieces: 0-1 50 m apart, 1-2 400 m, 0-2 500 m; a fourth piece apart from them all.
    links = [(50.0, 0, 1), (400.0, 1, 2), (500.0, 0, 2)]
    assert spanning_links(4, links) == [(50.0, 0, 1), (400.0, 1, 2)]  # 0-2 joins nothing new
    assert spanning_links(1, []) == []
