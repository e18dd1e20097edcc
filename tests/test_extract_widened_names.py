"""geo.extract.widened_names: rule names inside a longer name the tagger is sure of."""

from geo.extract import extract_projects


def _named(text):
    return {p["name"]: p["category"] for p in (f["properties"] for f in extract_projects(text)) if p["named"]}


def test_a_count_of_roads_after_a_road_s_name_is_none_of_the_name():
    # S203红岭至黄沙两条公路: 两条公路 counts the list the road ends; the tagger's longer span is not taken
    named = _named("实施了G105青山至白石、S203红岭至黄沙两条公路改造。")
    assert "S203红岭至黄沙" in named
    assert not any("两条" in name for name in named)
