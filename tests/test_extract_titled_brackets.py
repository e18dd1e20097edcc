"""geo.extract.titled_brackets: a place alone in brackets after a generic works title is the project."""

from geo.extract import extract_projects


def _named(text):
    return {p["name"]: p["category"] for p in (f["properties"] for f in extract_projects(text)) if p["named"]}


def test_a_place_alone_in_brackets_after_a_generic_works_title_takes_its_works():
    # 供水管网改造工程(白石路): the title is the kind of works, the road in brackets where they are done
    assert "白石路" in _named("今年实施供水管网改造工程(白石路)。")
    assert "青松花园小区" in _named("今年实施老旧小区改造工程(青松花园小区)。")


def test_a_generic_title_opened_by_a_level_is_no_project_of_its_own():
    # 续建市|中心城区供水主干管网改扩建(白石南路)工程: the road is named, not the title
    named = _named("续建市中心城区供水主干管网改扩建(白石南路)工程已完成。")
    assert "白石南路" in named
    assert "市中心城区供水主干管网" not in named


def test_a_named_title_keeps_its_brackets():
    # 红枫河流域截污治污工程(青松片区): a named works' brackets are its section, no project of their own
    assert "青松片区" not in _named("实施红枫河流域截污治污工程(青松片区)。")
    assert "青松路" not in _named("实施白石路改造工程(青松路)。")


def test_an_estate_in_brackets_after_a_generic_project_is_no_alias_of_it():
    # “城镇老旧小区改造”建设项目(A小区改造项目): the estate is the project, not another name of 项目
    named = _named("(二)“城镇老旧小区改造”建设项目(青松花园小区改造项目)已完工。")
    assert any(name.startswith("青松花园小区") for name in named)


def test_a_generic_title_may_open_after_a_banner_as_after_a_county():
    # 续建旗|中心城区供水主干管网改扩建(白石南路)工程: a banner (旗) is a level of one character, as 县 is
    named = _named("续建旗中心城区供水主干管网改扩建(白石南路)工程已完成。")
    assert "白石南路" in named
    assert not any(name.endswith("供水主干管网") for name in named)
