"""geo.extract.record_rules: the rules of the record cascade, each deciding what a mention stands for."""

from extract_cases import named_names


def test_a_one_of_a_kind_facility_opening_a_list_is_read_as_its_mates():
    # 来到科技馆、青山路、体育中心等重点工程现场: 科技馆 opens the list its mates after 、 are kept in
    named = named_names("王五一行来到科技馆、青山路、白石文化广场、体育中心等重点工程现场。")
    assert "科技馆" in named
    assert "体育中心" in named


def test_a_bare_one_of_a_kind_facility_opening_a_list_of_other_kinds_is_a_type_of_its_count():
    # 将市民中心、文化中心、青山大桥…等10大项目: no bare one-of-a-kind mate follows 市民中心, so it is one of the
    # list's types (the rest of its count), not the district's civic centre
    named = named_names("将市民中心、文化中心、青山大桥、白石湿地公园、松林公园等5大项目作为建设重点。")
    assert "市民中心" not in named
    assert "青山大桥" in named


def test_the_phase_of_a_bare_park_type_is_no_named_project():
    # 完成广场一期彩砖铺设, 完成景区二期拆迁任务: a town holds many squares and scenic areas, so the phase of
    # the bare type is the phase of the report's own unnamed project; a named square's phase and a
    # one-of-a-kind facility's phase stay named
    named = named_names("截至目前,青山县该项目已经完成广场一期彩砖铺设、道路和照明项目。白石镇将完成景区二期拆迁任务。")
    assert "广场一期" not in named
    assert "景区二期" not in named
    named = named_names("推进松林广场二期、会展中心二期建设。")
    assert "松林广场二期" in named
    assert "会展中心二期" in named


def test_a_road_network_after_a_named_place_is_that_place_s_one_project():
    # 路网 after a named zone (新区, 工业园) or school, or after the place and 配套/规划, names the network
    assert named_names("实施青山新区路网建设。") == ["青山新区路网"]
    assert named_names("建设白石工业园规划路网一期工程。") == ["白石工业园规划路网一期"]
    assert "红枫小学配套路网" in named_names("包括青松中学配套路网、红枫小学配套路网。")
    # a town's or a zone type's network is a type; a network a dash follows heads the roads listed after it
    assert named_names("加快完善城市路网,完善园区配套路网。") == []
    assert "白石站片区路网" not in named_names("包括白石站片区路网——青松路建设工程。")


def test_a_direction_alone_before_a_trunk_road_or_a_fast_line_names_the_road():
    # 中干道, 西快线, 东快线二期: a direction as the whole stem of 干道 or 快线 is the road's name, no side of a type
    named = named_names("青山县高新区实验学校及中干道、白石大道建设项目举行开工仪式。")
    assert "中干道" in named
    assert "西快线" in named_names("在西快线、红枫大道等施工现场,工人已回到工作岗位。")
    assert named_names("实现东快线二期通车。") == ["东快线二期"]
    # a town's trunk roads stay a type
    assert named_names("加快完善城市干道,打通城区南北干道。") == []


def test_municipal_roads_after_a_distinctive_stem_in_a_list_of_projects_are_that_place_s_one_project():
    # 市政道路 after a distinctive stem with no head of its own, listed with other projects, names that place's roads
    assert "红枫五横一纵市政道路" in named_names("加快白石路连接道、红枫五横一纵市政道路、松林河治理提升等8个项目建设。")
    assert "康泰市政道路" in named_names("包括青山大道、康泰市政道路、松林河治理等5个项目。")
    # outside a list the stem may be a town's name run into the type; a place with a head of its own before
    # the type is the place; a town's or a county's roads, and the roads around a place, are types
    assert named_names("加快康泰市政道路建设。") == []
    assert "松林片区" in named_names("包括青山大道、松林片区市政道路、白石河治理等5个项目。")
    assert "松林片区市政道路" not in named_names("包括青山大道、松林片区市政道路、白石河治理等5个项目。")
    assert "青山县市政道路" not in named_names("包括白石大道、青山县市政道路、松林河治理等5个项目。")
    assert "洲上市政道路" not in named_names("包括白石大道、洲上市政道路、松林河治理等5个项目。")
