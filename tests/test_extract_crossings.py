"""geo.extract.crossings: mentions joined across a junction, and junctions that name no place."""

from extract_cases import counted_groups


def test_a_bare_junction_type_counted_is_a_group():
    # 路口 names a place only after a road (青松路路口); counted, the type is a group of junctions
    assert counted_groups("白石县改造渠化路口3处,保障了群众安全出行。") == [("road_rebuild", 3)]
    # uncounted, a bare 路口 is still no place
    assert counted_groups("白石县改造渠化路口,保障了群众安全出行。") == []


def test_a_coded_route_ending_a_list_before_a_count_of_roads_is_no_part_of_the_counted_type():
    # 红山线—黄沙坪三条墟落旅游公路: the count sums the list the route ends; the route is a name of its own
    from geo.extract import extract_projects

    named = {f["properties"]["name"] for f in extract_projects(
        "青山县还实施了青岭线—白石沟、红山线—上林舍、红山线—黄沙坪三条墟落旅游公路项目,全长为18.3公里。")
        if f["properties"]["named"]}
    assert "红山线—黄沙坪" in named
