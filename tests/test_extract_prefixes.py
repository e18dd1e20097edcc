"""Places written before a name that are part of it (geo.extract.prefixes)."""

from geo.extract import extract_projects


def _names(text):
    return sorted(f["properties"]["name"] for f in extract_projects(text) if f["properties"]["named"])


def test_a_named_project_along_a_side_of_a_named_place_is_named_by_both():
    assert _names("新建青山河两岸滨河路。") == ["青山河两岸滨河路"]
    assert _names("新增白石路、城区一河两岸沿河路路灯。") == ["城区一河两岸沿河路", "白石路"]
    assert _names("改造青山河沿岸白石公园。") == ["青山河沿岸白石公园"]


def test_a_village_or_estate_beside_a_place_keeps_its_own_name():
    assert "白石村" in _names("完成青山路沿线白石村改造。")
    assert "白石小区" in _names("修缮青山路两侧白石小区。")


def test_a_name_the_tagger_marks_along_a_side_of_a_named_place_keeps_the_place():
    names = _names("计划实施青松路(车站段)升级改造、白石河两岸堤顶路工、青山医院门前道路拓宽。")
    assert "白石河两岸堤顶路" in names and "堤顶路" not in names


def test_an_address_of_two_jurisdictions_before_a_road_is_no_part_of_its_name():
    assert _names("记者获悉,青山市白石区红岭路中段改造提升工程已于近日全面开工建设。") == ["红岭路中段"]
    assert _names("青山省白石縣青岭公路升級改建工程正式啟動") == ["青岭公路"]
    assert _names("晚上6時,青山縣白石鎮人民路和建設路的路燈準時亮了。") == ["人民路", "建設路"]
    assert _names("青山县白石镇东环路改造工程开工。") == ["东环路"]
    # one jurisdiction, or a zone after the city, stays part of the name (the labels keep them)
    assert _names("推进青山县红岭路改造。") == ["青山县红岭路"]
    assert _names("推进青山市白石新区锦绣大道建设。") == ["青山市白石新区锦绣大道"]
    # a route named by its two ends keeps the address of its first end
    assert _names("青山县白石镇红星村至黄沙镇二级公路开工仪式在黄沙镇举行。") == ["青山县白石镇红星村至黄沙镇二级公路"]


def test_the_built_up_part_of_the_town_before_a_road_is_no_part_of_its_name():
    assert _names("投资近4亿元,对县城区白石大道、文化街等路网进行升级改造。") == ["文化街", "白石大道"]
    assert _names("去年年底,经过改造提升的主城区青岭路正式通车。") == ["青岭路"]
    assert _names("此外,城區(qū)翠石路、濱河路等一批道路的新建或改造也已陸續開工。") == ["濱河路", "翠石路"]
    # a route from the town keeps it: the town is one of its ends
    assert _names("青山县城至白石公路改建一期工程开工。") == ["青山县城至白石公路"]


def test_a_township_before_a_village_s_road_leaves_the_road_stem_its_own_length():
    # 红枫镇松林村委会村组公路: the road's stem after the township is no longer than a road's stem
    from geo.extract.mentions import clause_mentions
    text = "实施红枫镇松林村委会村组公路硬化"
    assert "红枫镇松林村委会村组公路" in [text[m.stem_start:m.end] for m in clause_mentions(text, 0, len(text))]
    assert "红枫镇松林村下湾自然村道路" in _names("硬化红枫镇松林村下湾自然村道路。")
