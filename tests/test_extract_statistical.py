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


def test_a_numbered_item_s_title_outweighs_the_tagger_and_the_record_model():
    # 3.记忆树广场建设。清理…, 四、后街旅游路建设 一年前…: a list number, the name, its works word, then the
    # item's description: the item's title names its project, whatever the models read
    named = _named("第一篇:美丽乡村文化建设\n一、压重平台文体活动广场建设\n曾经的千里堤是垃圾遍地、杂草丛生、芦苇乱堆乱放,"
                   "私搭乱建随处可见。\n二、空闲地建设\n1.村内游园建设。在白石二村流转两户村民宅基,拆除破旧民房2处,"
                   "占地200平米,建设村内游园1个,为村民提供休闲健身的好去处。\n2.堤口游园建设。拆除堤口北侧四间旧房,"
                   "清理深5米、占地300余平米的垃圾坑,填埋土方,种植花木。\n3.记忆树广场建设。清理堤口南侧深5米、"
                   "占地200余平米的垃圾坑,埋填土方,修建花池,种植花木,地面铺装大理石。\n三、民居改造及街道美化\n"
                   "1.街道美化。修葺街道墙体并粉刷美化。\n四、后街旅游路建设 一年前的白石后道,只是一条宽两三米的土路,\n")
    assert "记忆树广场" in named
    assert "后街旅游路" in named
    # a facility type titled with its county is a programme over the county's places, no one site
    named = _named("一、青山镇平岭小学改扩建工程。\n二、松岗片区雨污改造工程。\n三、青山县标准化村卫生室建设项目。\n")
    assert "青山县标准化村卫生室" not in named
