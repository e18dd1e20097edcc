"""geo.extract.partners: places a clause names beside its works (partners, bounds, the roads a project joins)."""

from extract_cases import named_names


def test_roads_after_yu_that_a_project_joins_or_forms_a_network_with_are_no_projects():
    # 与A、B贯通 (a square's roads open onto A and B), 与A、B形成无缝连接 (a bridge links up with them):
    # the roads joined have no works of their own; a road before 与 and one a clause builds stay
    assert named_names("青山广场建成后,周边与白石大道延伸段、青松南路贯通。新建青峰路。") == ["青山广场", "青峰路"]
    assert named_names("东环大桥及引线工程通车后,将与红枫国道、青山国道城区段形成无缝连接。") == ["东环大桥"]
    assert named_names("打通青山路与白石路,形成环线。") == ["白石路", "青山路"]
    assert named_names("青山路与白石路全线贯通。") == ["青山路与白石路"]
