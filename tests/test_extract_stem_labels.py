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


def test_a_vague_count_of_institutions_or_places_before_their_type_names_none():
    # 多所学校, 多家医院, 多座/多处公园: some of a type (as 多个, 一批), no place of that name; the
    # district before them (白石新区) is where they are, no part of a name
    assert named_names("白石新区多所学校的新建工程也在稳步推进。") == []
    assert named_names("青山区多家医院建成投用,白石新区多座公园、多处广场建成。") == []
    assert "青松小学" in named_names("新建青松小学等多所学校。")


def test_a_road_named_only_by_the_kind_of_road_it_is_is_a_type():
    # 涉农扶贫村组道路 (farm, poverty-relief, village-group roads), 轴线道路 (the axis roads): words that say
    # what kind of road it is, no road's name; a distinctive stem before them still names one
    named = named_names("青山县今年完成涉农扶贫村组道路硬化工程,轴线道路、重点街区亮化也已完成。")
    assert "涉农扶贫村组道路" not in named
    assert "轴线道路" not in named
    named = named_names("今年完成白石村村组道路硬化,青山轴线道路建成。")
    assert "白石村村组道路" in named
    assert "青山轴线道路" in named
