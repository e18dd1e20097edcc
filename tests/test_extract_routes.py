"""geo.extract.routes: roads named by a code or by the places they join."""

from geo.extract import extract_projects


def _named(text):
    return {p["name"]: p["category"] for p in (f["properties"] for f in extract_projects(text)) if p["named"]}


def test_a_road_cut_at_its_route_s_join_takes_the_route_s_first_end():
    # 白石道班至青龙淌改线: the road named after 至 was its second end alone (青龙淌改线)
    named = _named("G348骡坪绕镇路、白石道班至青龙淌改线工程开工建设。")
    assert "白石道班至青龙淌改线" in named
    assert "青龙淌改线" not in named


def test_the_end_of_a_route_named_whole_in_the_sentence_is_no_name_of_its_own():
    # 滨江西路至长江二桥 is named: 长江二桥 after its 至 is only its end
    named = _named("已启动滨江西路至长江二桥、金科城至收费站、平湖桥至桂花大桥3条快速公路前期。")
    assert "滨江西路至长江二桥" in named
    assert "长江二桥" not in named


def test_a_route_s_first_end_is_taken_after_the_address_before_it():
    # 白石湾循环经济产业集聚区|青山新河至红岭公路: the first end follows a zone's address (…区), no break nor
    # stop word; the road named after 至 (红岭公路) was its second end alone
    named = _named("白石湾循环经济产业集聚区青山新河至红岭公路工程是重要组成部分。")
    assert "青山新河至红岭公路" in named
    assert "红岭公路" not in named


def test_a_route_s_first_end_keeps_the_short_address_opening_its_clause():
    # 青山乡|加油站至红岭寺生态公路: the township's name after the comma is the first end's own
    named = _named("先后实施白石村环景公路、向东大桥改扩建等一批惠民工程,青山乡加油站至红岭寺生态公路就是其中之一。")
    assert "青山乡加油站至红岭寺生态公路" in named
    assert "加油站至红岭寺生态公路" not in named


def test_a_route_s_first_end_is_not_taken_after_a_one_character_stop_word():
    # 中和营镇至…: 和 inside the place's name is no stop word before 营镇
    named = _named("实施中和营镇至蒙自市西北勒乡(开远段)公路改造。")
    assert "营镇至蒙自市西北勒乡(开远段)公路" not in named


def test_a_county_before_a_two_place_name_in_xian_makes_it_the_county_s_road():
    # 青山县白石线: no road word after it, but the county before it names a county road (and opens the name)
    named = _named("计划投资5000万元实施20公里的青山县白石线和红岭坡线县乡道改造项目。")
    assert "青山县白石线" in named


def test_a_three_character_name_in_xian_joined_to_a_county_road_is_one_too():
    # 红岭坡线 after 青山县白石线和: a county road named by three characters, not the stem of 县乡道
    named = _named("计划投资5000万元实施20公里的青山县白石线和红岭坡线县乡道改造项目。")
    assert "红岭坡线" in named
    assert not any(name.startswith("红岭坡线") and name != "红岭坡线" for name in named)


def test_a_word_of_the_clause_before_xian_is_no_county_in_a_county_road_s_name():
    # 实施全县白石线改造: 全县 is the whole county, 实施 a verb; the road is 白石线
    named = _named("实施全县白石线改造。")
    assert "实施全县白石线" not in named


def test_a_length_before_a_road_is_searched_for_by_its_first_character_with_the_same_matches():
    # A digit or 至 opened the alternatives: the engine tried them at every position of a clause;
    # the first character consumed as one class and tested behind, the matches are the same.
    import random
    import re

    from geo.extract import routes
    from test_extract_segment import _searched_for

    former = re.compile(rf"\d(?:公里|千米|米)的?(?:道路|公路)|至[^,;。、]{{2,10}}?(?:{routes._WALKWAYS})"
                        rf"|至[\u4e00-\u9fff]{{2,{routes.ROUTE_LENGTH_REACH}}}?\d+(?:\.\d+)?(?:公里|千米)")
    assert _searched_for(routes.LENGTH_BEFORE_ROAD) and not _searched_for(former)
    rng = random.Random(11)
    alphabet = list("0123456789.至到的道路公千米里人行道青山镇白石村,;。、 ") + ["\u0663"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert [m.span() for m in routes.LENGTH_BEFORE_ROAD.finditer(text)] == \
            [m.span() for m in former.finditer(text)], text


def test_a_road_after_a_dash_takes_the_route_s_first_end():
    # 白石营子—红枫湖路: a road named after a dash was its second end alone, as after 至
    named = _named("重点完成松林坡口—青石岱海路、白石营子—红枫湖路道旁绿化。")
    assert "白石营子—红枫湖路" in named
    assert "红枫湖路" not in named


def test_a_county_road_s_number_without_its_letter_opens_its_name_and_no_model_drops_it():
    # 023白岭线: a county road's number written without its X (a leading zero), or after its class (县道026),
    # is its code; a name in 线 after a number is no prose, kept in a sentence about its tendering too
    named = _named("正在进行开工前准备,031青岗线、037红溪线正在进行招投标前期。")
    assert {"031青岗线", "037红溪线"} <= set(named)
    assert _named("县道046白岭线已完成招投标工作。") == {"县道046白岭线": "road_rebuild"}


def test_a_number_without_a_leading_zero_is_no_county_road_s_code():
    # 2023年 or a count before a name in 线 is no code (2023白岭线 reads as a year's)
    assert "2023白岭线" not in _named("实施2023白岭线改造。")


def test_a_coded_road_s_stretch_named_by_two_characters_before_its_project_is_named():
    # G327青岗项目: the stretch of G327 named by its ends' first characters (青山至岗头), as G327青岗段 is
    named = _named("完成G327青岗项目交工验收,将完成G358白溪项目主体工程。")
    assert "G327青岗" in named
    assert any(name.startswith("G358白溪") for name in named)  # (G358白溪项目: its 主体工程 follows)
    assert all(category.startswith("road") for category in named.values())


def test_works_or_a_follower_after_a_road_code_is_no_stretch_s_name():
    # 扩容 is the works on G4, 沿线 what lies along G210: no stretch named by them
    assert not any(name.startswith("G4扩容") for name in _named("调研桃林镇G4扩容项目。"))
    assert not any(name.startswith("G210沿线") for name in _named("推进G210沿线项目建设。"))


def test_two_characters_after_an_expressway_s_short_code_are_no_stretch_s_name():
    # G20, G60: a code of one or two digits is an expressway's (or a summit's: G20峰会, a corridor's: G60科创)
    assert not any(name.startswith(("G20", "G60")) for name in _named("推进G20峰会项目建设,完成G60科创项目签约。"))
