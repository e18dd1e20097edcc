"""Tests for geo.join_points: each point in one zone, the smallest code on a shared boundary or corner."""

import itertools

from shapely.geometry import MultiPoint, Point, box

from geo.join import ALLOCATION_COLUMNS, allocate_to_zones
from join_grid import D, X0, Y0, projects_frame, zone_owners, zones_frame


def test_interior_points_go_to_their_zone():
    projects = projects_frame([("p-sw", Point(X0 + 0.003, Y0 + 0.004)), ("p-ne", Point(X0 + 0.017, Y0 + 0.012))])
    result = allocate_to_zones(projects, zones_frame())
    assert list(result.columns) == ALLOCATION_COLUMNS
    assert result[["id", "code", "name"]].values.tolist() == [
        ["p-ne", "370105002", "丁街道"], ["p-sw", "370105004", "甲街道"]]
    assert result["share"].tolist() == [1.0, 1.0]
    assert result["km"].isna().all() and result["area_km2"].isna().all()


def test_boundary_points_go_to_one_zone_whatever_the_order():
    edge = Point(X0 + D, Y0 + 0.004)  # on the edge between 370105004 and 370105001
    corner = Point(X0 + D, Y0 + D)  # shared by all four zones
    zones = zones_frame()
    assert zone_owners(edge, zones) == ["370105001", "370105004"]
    assert len(zone_owners(corner, zones)) == 4
    seen = set()
    for permutation in itertools.permutations(range(4)):
        shuffled = zones.iloc[list(permutation)]
        for items in ([("edge", edge), ("corner", corner)], [("corner", corner), ("edge", edge)]):
            result = allocate_to_zones(projects_frame(items), shuffled)
            seen.add(tuple(map(tuple, result[["id", "code"]].values.tolist())))
    assert seen == {(("corner", "370105001"), ("edge", "370105001"))}


def test_point_on_a_corner_of_three_zones_goes_to_the_smallest_code():
    # West zone spans both rows, so (X0 + D, Y0 + D) lies on its edge and on two corners.
    rows = [("370105009", "西", box(X0, Y0, X0 + D, Y0 + 2 * D)),
            ("370105007", "东南", box(X0 + D, Y0, X0 + 2 * D, Y0 + D)),
            ("370105008", "东北", box(X0 + D, Y0 + D, X0 + 2 * D, Y0 + 2 * D))]
    junction = Point(X0 + D, Y0 + D)
    assert zone_owners(junction, zones_frame(rows)) == ["370105007", "370105008", "370105009"]
    for permutation in itertools.permutations(rows):
        result = allocate_to_zones(projects_frame([("t", junction)]), zones_frame(list(permutation)))
        assert result["code"].tolist() == ["370105007"]


def test_point_on_a_boundary_or_corner_but_for_float_noise_goes_to_the_smallest_code():
    # Stored by another program (10 decimals, a .prj's metres turned into degrees), a point on
    # an edge or a corner lies micrometres inside one of the zones: it is still on the edge.
    noise = 1e-10  # about 10 micrometres
    items = [("edge", Point(X0 + D + noise, Y0 + 0.004)),  # on 004|001, inside 001 by noise
             ("edge-west", Point(X0 + D - noise, Y0 + 0.004)),  # inside 004 by noise
             ("corner", Point(X0 + D + noise, Y0 + D - noise)),  # corner of all four, inside 001
             ("corner-nw", Point(X0 + D - noise, Y0 + D + noise))]  # inside 003, beyond 001's envelope
    result = allocate_to_zones(projects_frame(items), zones_frame())
    assert dict(result[["id", "code"]].values.tolist()) == {
        "edge": "370105001", "edge-west": "370105001", "corner": "370105001", "corner-nw": "370105001"}
    # Farther than JOIN_SNAP_M from the edge, a point is where it is.
    inside = allocate_to_zones(projects_frame([("p", Point(X0 + D - 1e-6, Y0 + 0.004))]), zones_frame())  # 9 cm west
    assert inside["code"].tolist() == ["370105004"]


def test_outside_points_and_missing_geometries_get_no_row():
    projects = projects_frame([("out", Point(X0 - 0.01, Y0)), ("none", None), ("empty", Point()),
                          ("in", Point(X0 + 0.005, Y0 + 0.005))])
    result = allocate_to_zones(projects, zones_frame())
    assert result["id"].tolist() == ["in"]


def test_multipoint_share_is_the_fraction_of_its_parts():
    parts = MultiPoint([(X0 + 0.002, Y0 + 0.002), (X0 + 0.004, Y0 + 0.002), (X0 + 0.015, Y0 + 0.002),
                        (X0 - 0.005, Y0)])  # two in the south-west, one south-east, one outside
    result = allocate_to_zones(projects_frame([("m", parts)]), zones_frame())
    assert dict(zip(result["code"], result["share"])) == {"370105001": 0.25, "370105004": 0.5}
