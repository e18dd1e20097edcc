"""geo.extract.statistical: the tagger and the record model in front of the rules' filters."""

from geo.extract import extract_projects


def _named(text):
    return {p["name"]: p["category"] for p in (f["properties"] for f in extract_projects(text)) if p["named"]}


def test_a_county_road_named_with_its_county_outweighs_the_tagger_and_the_record_model():
    # 青阳县合海线: a county before a two-place name in 线 names a county road, whatever the models read
    named = _named("全力实施了一批打基础、利长远、惠民生的民生实事项目。本次建成投用的青阳县合海线,向南横跨青河、小洋河,"
                   "止于新城大道转盘,全长3.175公里,总投资2.6亿元,将成为县城区特别是东部城区对外出行的重要通道。")
    assert "青阳县合海线" in named


def test_a_county_road_named_with_its_class_and_a_section_outweighs_the_tagger():
    # 省道青岭线白石岔口至南山段: a road class before a two-place name in 线, and its section, name a road's works
    named = _named("四是京广线白石桥梁工程。桥长37米,主体部分于10月末完工。五是省道青岭线白石岔口至南山段预防养护工程。"
                   "路线全长60.905公里,10月末全部完工,大幅提升了青岭线公路通行质量和服务水平。")
    assert "省道青岭线白石岔口至南山段" in named


def test_a_village_before_works_on_its_facilities_is_the_works_site():
    # 白石村基础设施改造项目: the village's own works after its facilities (a follower, as 路面 after a
    # road), evidence the rules hold against a tagger that reads no name there
    assert "白石村" in _named("观摩组来到青山镇,现场查看白石村基础设施改造项目建设情况。")


def test_a_name_the_brackets_after_its_type_give_outweighs_the_tagger_and_the_record_model():
    # 安置小区(白石小区): the text names the type's own estate in the brackets after it
    assert "白石小区" in _named("建设安置小区(白石小区)。")
    assert "和园小区" in _named("住房保障 - 棚户区改造安置小区(和园小区)总投资1.6亿元,建有住宅楼10栋。")


def test_a_village_under_its_township_before_its_works_outweighs_the_record_model():
    # 青山镇白石行政村路面加宽: works on the parts of a village written under its township are that village's
    assert "青山镇白石行政村" in _named("你提出的《关于青山镇白石行政村路面加宽的建议》已交我们研究办理。")
    assert "红枫镇松林村" in _named("你提出的《关于红枫镇松林村路面加宽的建议》已收悉。")


def test_a_street_named_by_a_works_verb_outweighs_the_record_model():
    # 建设大街(青松路-红枫路): the model reads the street's name as the verb 建设; the rules hold it a street
    assert "建设大街(青松路-红枫路)" in _named("建设大街(青松路-红枫路)该路段全长594米,宽42米。目前,已建成通车。")


def test_a_road_a_direction_alone_names_outweighs_the_tagger():
    # 东西干道: the tagger reads the direction as a side of a type; the rules name the road (record_rules)
    assert "东西干道" in _named("你们提出的《关于修复东西干道及青山城门口至白石路口段路面坑塘的建议》已转交我县住建局研究办理。")


def test_a_facility_on_a_street_named_by_a_works_verb_is_kept_over_the_tagger():
    # 扩建新建街小学: the tagger reads 新建 as the works, the rules name the school on 新建街
    assert _named("扩建新建街小学。") == {"新建街小学": "school"}


def test_a_village_s_road_under_its_township_outweighs_the_tagger_and_the_record_model():
    # 青山镇白石村红水自然村道路: a road named by the village it serves, under its township (a proposal's
    # title asking for its works); the tagger reads places there
    assert "青山镇白石村红水自然村道路" in _named("您提出的《关于硬化青山镇白石村红水自然村道路的建议》收悉。")
    assert "红枫镇松林村下湾自然村道路" in _named("硬化红枫镇松林村下湾自然村道路。")
