"""geo.extract.stem_labels: what a stem before a head says (a name, a type, a count, a slogan)."""

from extract_cases import named_names


def test_a_park_type_before_another_park_type_is_a_kind_of_park():
    # 公园绿地, 绿地广场: one park type before another names a kind of park, not a place; a distinctive
    # stem before them still names one
    named = named_names("青山县今年既有道路交通和公园绿地等基础设施项目,也把白石路旁的绿化带改造成了绿地广场。")
    assert "公园绿地" not in named
    assert "绿地广场" not in named
    named = named_names("新建松林公园绿地和白石广场。")
    assert "松林公园绿地" in named
    assert "白石广场" in named
