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
