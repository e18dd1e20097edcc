"""Works titled after an attributive 的: geo/extract/attributed_titles.py."""

from extract_cases import named_names

from geo.extract.attributed_titles import attributed_title_category


def test_a_works_title_after_the_de_closing_what_describes_it_is_named_whole():
    # 5月通车的 describes the works; the title after it, which no head ends, is their name
    assert named_names("加上5月通车的白石路甩项工程,全线贯通。") == ["白石路甩项工程"]


def test_an_attributed_title_takes_its_last_head_s_category_else_a_keyword_s():
    text = "投资1亿元的白石路甩项工程和投资2亿元的青山城区集中供热项目"
    road = text.index("白石路")
    heating = text.index("青山城区")
    assert attributed_title_category(text, road, road + 7, 0.95) == "road"
    assert attributed_title_category(text, heating, heating + 10, 0.95) == "utility"


def test_a_title_the_tagger_is_unsure_of_or_not_after_de_is_no_attributed_title():
    text = "投资1亿元的白石路甩项工程,青山路甩项工程"
    road = text.index("白石路")
    assert attributed_title_category(text, road, road + 7, 0.5) is None
    other = text.index("青山路")
    assert attributed_title_category(text, other, other + 7, 0.95) is None
