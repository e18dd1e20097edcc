"""geo.extract.sited_parks: small parks named by their sites (a place and a side word)."""

from geo.extract import extract_projects


def _named(text):
    return {p["name"]: p["category"] for p in (f["properties"] for f in extract_projects(text)) if p["named"]}


def test_sites_listed_before_a_count_of_small_parks_are_parks():
    # 在A旁、B院内和C建设了3处街头小游园: each site is one of the parks (before, only C was named)
    named = _named("该县投入资金300万元,在白石客运站旁、青山卫生中心院内和松林广场建设了3处街头小游园。")
    assert named.get("白石客运站旁") == "park"
    assert named.get("青山卫生中心院内") == "park"


def test_sites_with_their_counts_after_a_small_park_type_are_parks():
    # 8处小游园…分布在A南侧3处、B旁2处: the sites the type's parks are spread over
    named = _named("8处小游园及街旁绿地规划面积约1万平方米,具体分布在红岭路二号桥南侧3处、"
                   "208勘探队旁2处、白石路与青松路交接处3处。")
    assert named.get("红岭路二号桥南侧") == "park"
    assert named.get("208勘探队旁") == "park"


def test_a_site_opening_its_clause_before_the_points_of_new_small_parks_is_a_park():
    named = _named("6月底,青山东路西南角等点位新建的8个街头小游园竣工开园。")
    assert named.get("青山东路西南角") == "park"


def test_a_generic_place_or_a_site_without_a_small_park_type_is_no_park():
    assert "学校旁" not in _named("在学校旁建设了2处街头小游园。")
    assert "白石客运站旁" not in _named("在白石客运站旁建设了2座公共厕所。")


def test_a_site_is_named_without_the_town_it_lies_in():
    # 位于A县县城B路与C路交会处的口袋公园: the site starts after 县城
    named = _named("航拍位于青山县县城白石路与松林路交会处的口袋公园。")
    assert named.get("白石路与松林路交会处") == "park"
    assert "青山县县城白石路与松林路交会处" not in named


def test_a_site_is_named_without_the_built_up_part_of_the_town_it_lies_in():
    # 位于A镇镇区B路与C路交会处: every town area of the lexicon (town_area: 县城, 城区, 市区, 镇区) opens the site
    named = _named("航拍位于白石镇镇区青山路与松林路交会处的口袋公园。")
    assert named.get("青山路与松林路交会处") == "park"
    assert "白石镇镇区青山路与松林路交会处" not in named
