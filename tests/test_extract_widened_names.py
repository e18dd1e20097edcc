"""geo.extract.widened_names: rule names inside a longer name the tagger is sure of."""

from geo.extract import extract_projects


def _named(text):
    return {p["name"]: p["category"] for p in (f["properties"] for f in extract_projects(text)) if p["named"]}


def test_a_count_of_roads_after_a_road_s_name_is_none_of_the_name():
    # S203红岭至黄沙两条公路: 两条公路 counts the list the road ends; the tagger's longer span is not taken
    named = _named("实施了G105青山至白石、S203红岭至黄沙两条公路改造。")
    assert "S203红岭至黄沙" in named
    assert not any("两条" in name for name in named)


def _widened(norm, name, span):
    """The names left when the tagger (sure of ``span``) widens the rule name ``name`` of ``norm``."""
    from types import SimpleNamespace

    from geo.extract.widened_names import extend_to_names

    start = norm.index(name)
    mention = SimpleNamespace(stop=None, stop_start=None, start=start, end=start + len(name))
    record = SimpleNamespace(start=start, end=start + len(name), base=(start, start + len(name)), named=True,
                             category="culture", mention=mention, section=None, name_tail=None)
    lo = norm.index(span)
    return [norm[r.start:r.end] for r in extend_to_names(norm, [record], [(lo, lo + len(span), 0.99)])]


def test_a_verb_s_particle_before_a_name_is_none_of_the_name():
    # 李四检查了青山县文化广场: the tagger's span over the visit's verb and 了 is not taken
    norm = "李四检查了青山县文化广场、白石镇文化礼堂。"
    assert _widened(norm, "青山县文化广场", "李四检查了青山县文化广场") == ["青山县文化广场"]


def _widened_road(norm, name, span):
    """As _widened, for a road the rules named (category road_rebuild)."""
    from types import SimpleNamespace

    from geo.extract.widened_names import extend_to_names

    start = norm.index(name)
    mention = SimpleNamespace(stop=None, stop_start=None, start=start, end=start + len(name))
    record = SimpleNamespace(start=start, end=start + len(name), base=(start, start + len(name)), named=True,
                             category="road_rebuild", mention=mention, section=None, name_tail=None)
    lo = norm.index(span)
    return [norm[r.start:r.end] for r in extend_to_names(norm, [record], [(lo, lo + len(span), 0.99)])]


def test_a_tagged_road_is_not_widened_over_an_address_of_two_jurisdictions():
    # 青山市白石区|红岭路: the rules cut the address (see prefixes); the tagger's span over it is not taken
    norm = "青山市白石区红岭路改造提升工程已开工。"
    assert _widened_road(norm, "红岭路", "青山市白石区红岭路") == ["红岭路"]
    # one jurisdiction, or a zone after the city, may still be taken
    norm = "青山市白石新区锦绣大道改造提升工程已开工。"
    assert _widened_road(norm, "锦绣大道", "青山市白石新区锦绣大道") == ["青山市白石新区锦绣大道"]


def test_a_tagged_road_is_not_widened_over_the_built_up_part_of_the_town():
    norm = "经过改造提升的主城区青岭路正式通车。"
    assert _widened_road(norm, "青岭路", "主城区青岭路") == ["青岭路"]


def test_a_hill_is_not_widened_over_the_works_that_name_it():
    # 青水城区北山|生态综合治理项目,计划投资…: the tagger reads the project title as one name; the hill the
    # rules found before the works of a hill is the name (as 青山河|综合提升改造项目 is a river's)
    names = {f["properties"]["name"] for f in extract_projects("青水城区北山生态综合治理项目,计划投资12.5亿元。")
             if f["properties"]["named"]}
    assert "青水城区北山" in names
    assert "青水城区北山生态综合治理项目" not in names
