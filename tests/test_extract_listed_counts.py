"""geo.extract.listed_counts: counts closing a list, the rest of its members and the items of a list its count numbers whole."""

from geo.extract import extract_projects
from extract_cases import counted_groups


def test_every_item_of_a_list_its_count_numbers_whole_is_a_project():
    # 此次开工项目为A、B、C、D等4个项目: four items, four projects; the item no rule named (a
    # road's surroundings renewed, a phase) was lost and the list stood as "项目 4个" besides
    # the three named ones.
    got = {(p["name"], p["named"], (p.get("quantity") or {}).get("value")) for p in (
        f["properties"] for f in extract_projects(
            "此次集中开工项目为青松学校、青禾路周边改造项目一期、区妇幼保健院门诊楼改造、"
            "白石西路(松林路—枫桥路)市政工程等4个项目,总投资5.2亿元。"))}
    assert got == {("区妇幼保健院门诊楼", True, None), ("白石西路(松林路—枫桥路)", True, None),
                   ("青松学校", True, None), ("青禾路周边改造项目一期", True, None)}


def test_items_of_a_whole_list_that_are_types_alone_stay_the_rest_of_it():
    # 将市民中心、文化中心、A桥、…等10大项目: the items no rule named are projects (老城区 alone
    # was named, as a park); the two bare types are the rest: 2, not 8.
    props = [f["properties"] for f in extract_projects(
        "其中:将市民中心、文化中心、青山大桥、货运车通道、松林中央生态廊道、东洋湖湿地公园、天马山公园、"
        "沿河风光带三期、老城区雨污分流改造、青峰及白石污水处理等10大项目,作为主城区市政基础设施的建设重点。")]
    assert {p["name"] for p in props if p["named"]} == {
        "青山大桥", "货运车通道", "松林中央生态廊道", "东洋湖湿地公园", "天马山公园", "沿河风光带三期",
        "老城区雨污分流改造", "青峰及白石污水处理"}
    assert [p["quantity"]["value"] for p in props if not p["named"]] == [2]


def test_a_list_mostly_unnamed_or_not_of_projects_makes_no_names():
    # a list of services (most items no place) or of fields (4个领域) names nothing more
    assert [p["name"] for p in (f["properties"] for f in extract_projects(
        "实施就业帮扶、养老服务、健康体检、青山路改造等4个项目。")) if p["named"]] == ["青山路"]
    assert [f["properties"]["name"] for f in extract_projects("涵盖教育、医疗、安置保障房和市政道路建设等4个领域。")] == []


def test_works_on_a_listed_project_s_grounds_after_ji_end_its_name():
    # A病房及院区改造项目: the ward is the project named (the labellers' name), not the phrase
    got = [f["properties"]["name"] for f in extract_projects(
        "开工建设青山医院精神科病房及院区改造项目、第七学校、白石西路等3个项目。") if f["properties"]["named"]]
    assert set(got) == {"第七学校", "白石西路", "青山医院精神科病房"}


def test_a_list_of_named_works_closed_by_a_larger_count_of_works_leaves_the_rest():
    # 启动A段、B大道西段升级改造、S308道路改建等23项工程 kept 工程 23项 beside the three named works:
    # items that carry their own works broke the list, so the count was read as a group of its own
    assert counted_groups("启动G220青山至白石段、松林大道西段升级改造、S308道路改建等23项工程。") == [("project", 20)]
    assert counted_groups("推进青山学校、白石医院等12项工程建设。") == [("project", 10)]
    assert counted_groups("推进青山学校、社会治理等12项工程建设。") == [("project", 12)]
