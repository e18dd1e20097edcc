"""geo.extract.crossings: mentions joined across a junction, and junctions that name no place."""

from extract_cases import counted_groups


def test_a_bare_junction_type_counted_is_a_group():
    # 路口 names a place only after a road (青松路路口); counted, the type is a group of junctions
    assert counted_groups("白石县改造渠化路口3处,保障了群众安全出行。") == [("road_rebuild", 3)]
    # uncounted, a bare 路口 is still no place
    assert counted_groups("白石县改造渠化路口,保障了群众安全出行。") == []
