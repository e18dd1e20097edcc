"""geo.extract.counts: records made of counts alone, and measures attached to records."""

from geo.extract import extract_projects
from geo.extract.counts import counted_works
from geo.extract.mentions import clause_mentions
from geo.extract.records import clause_records
from geo.names import simplified_with_offsets
from extract_cases import counted_groups


def _works(text):
    norm = simplified_with_offsets(text)[0]
    mentions = clause_mentions(norm, 0, len(norm))
    records = [r for r in clause_records(norm, 0, len(norm), 0, len(norm)) if r.named]
    return [(norm[r.base[0]:r.base[1]], r.quantity["value"], r.quantity["unit"])
            for r in counted_works(norm, 0, len(norm), records, mentions)]


def test_works_counted_before_or_after_their_noun_are_a_group():
    assert _works("实施11项产业工程") == [("产业工程", 11, "项")]
    assert _works("新开工道路桥梁工程34项") == [("道路桥梁工程", 34, "项")]
    assert _works("实施农村饮水安全工程41处") == [("农村饮水安全工程", 41, "处")]


def test_a_count_before_a_place_type_counts_the_places_not_works():
    assert _works("完成青松、白石2个社区卫生服务中心新建工程") == []


def test_works_whose_noun_holds_only_a_generic_head_are_counted_but_a_list_after_deng_is_not():
    assert _works("推进6个缓堵保畅交通项目") == [("缓堵保畅交通项目", 6, "个")]
    assert _works("青山路改造等7项基础设施建设项目") == [("基础设施建设项目", 7, "项")]
    assert _works("完成青山中学、白石小学等4个续建项目") == []  # the list's own count


def test_a_counted_type_may_be_planned_or_tallied_before_its_works_and_count():
    # 安排/计划/累计 between the type and its works (项目安排建设56项); 已 is news, not planning
    assert counted_groups("今年白石新城基础设施项目安排建设42项,全年计划投资20亿元。") == [("project", 42)]
    assert counted_groups("2023年城镇老旧小区计划改造37个。") == [("area", 37)]


def test_projects_tallied_as_done_or_arranged_with_no_works_word_are_counted():
    assert counted_groups("白石县续建、新建项目完成120个,3000万元以上项目80个。") == [("project", 80), ("project", 120)]
    assert counted_groups("青山区实事项目安排25项。") == [("project", 25)]


def test_works_counted_as_the_whole_a_clause_closes_with_zhong_are_a_group():
    assert _works("在完工的14个扶贫项目中") == [("扶贫项目", 14, "个")]
    assert _works("此次开工的50个产业项目中") == [("产业项目", 50, "个")]
    assert _works("从12个候选项目中") == []  # what is chosen from
    assert _works("3个工程技术中心") == []  # (the noun still goes on)


def test_a_noun_that_goes_on_after_the_works_word_is_no_works():
    assert _works("引进3个工程技术中心") == []


def test_tally_classes_are_counted_but_counts_of_classes_are_not():
    assert _works("道路类(21个)") == [("道路类", 21, "个")]
    assert _works("城建綜合治理類(11件)") == [("城建综合治理类", 11, "件")]
    assert _works("今年计划安排为民办实事8类32项") == []
    assert _works("确定了十大类60项为民办实事") == []


def test_a_counted_type_after_a_works_verb_is_named_by_the_type_not_the_verb():
    from geo.extract import extract_projects

    names = [f["properties"]["base_name"] for f in extract_projects("改造街巷39条。")]
    assert names == ["街巷"]


def _groups(text):
    from geo.extract import extract_projects

    return [(f["properties"]["base_name"], f["properties"]["quantity"]["value"], f["properties"]["category"])
            for f in extract_projects(text) if not f["properties"]["named"]]


def test_things_of_no_known_type_counted_after_a_works_verb_are_a_group():
    assert _groups("建成15家放心粮油连锁店。") == [("放心粮油连锁店", 15, "project")]
    assert _groups("新建农贸市场快检室8个。") == [("农贸市场快检室", 8, "project")]
    assert _groups("建设水源井40眼,安装风光互补提水设备。") == [("水源井", 40, "project")]


def test_things_placed_by_a_verb_of_placing_are_a_group():
    # 设立, 布设, 增设 place the things counted (adding_verb in actions.tsv); 新增 is no such verb
    assert _groups("设立生活垃圾分类投放点25个,新建公厕3座。") == [("公厕", 3, "sanitation"), ("生活垃圾分类投放点", 25, "sanitation")]
    assert _groups("布设土壤墒情监测点30处。") == [("土壤墒情监测点", 30, "project")]
    assert _groups("在青松路口设立11处花坛小品,城市形象进一步提升。") == [("花坛小品", 11, "project")]
    assert _groups("新增就业岗位500个,新增高企12家。") == []


def test_a_quoted_slogan_counts_places_by_their_types_first_characters():
    assert counted_groups("重点实施“七路一桥”工程,改造了青松路。") == [("road_rebuild", 7)]
    assert counted_groups("全面开工“两校三园”建设。") == [("park", 3), ("school", 2)]
    assert counted_groups("主要包含“三街两广场”建设。") == [("park", 2), ("road_new", 3)]
    assert counted_groups("通过“五桥东跨”连通两岸;") == [("bridge", 5)]
    # no slogan of places: types it does not count, a count of one, a quote that goes on
    assert counted_groups("深入开展“两学一做”,推进“五水共治”,打造“一街一景”。") == []
    assert counted_groups("建设“三桥与滨江步道连通工程”。") == []


def test_the_yue_of_a_verb_before_a_count_is_no_about_and_the_verb_is_no_part_of_the_noun():
    # 签约 (signed), not 约 (about): the noun is 快检室, not 快检室签
    assert _groups("新建农贸市场快检室签约9个。") == [("农贸市场快检室", 9, "project")]
    assert _groups("加装电梯签约12台。") == []  # lifts count no works, as 加装电梯12台
    assert _groups("新建农贸市场快检室约9个。") == [("农贸市场快检室", 9, "project")]


def test_a_quoted_thing_is_counted_whole_even_when_its_type_needs_a_stem_word_it_lacks():
    assert _groups("再建7个“居民之家”。") == [("“居民之家”", 7, "project")]


def test_a_counted_thing_takes_the_category_of_the_type_or_stem_it_ends_with():
    assert _groups("改建2个益智健身点。") == [("益智健身点", 2, "sports")]
    assert _groups("新建市政消火栓160个。") == [("市政消火栓", 160, "project")]


def test_counts_of_no_works_make_no_group():
    assert _groups("培育省级农业产业化龙头企业7家。") == []  # firms
    assert _groups("安装太阳能路灯108盏、路灯79盏。") == []  # fixtures
    assert _groups("提升市民生活品质(6项)。") == []  # a heading's tally
    assert _groups("打造2个省级、53个市级示范村。") != [("省级", 2, "project")]
    assert _groups("建设一座宽敞的大桥。") == []  # a description, in words not digits
    assert [g for g in _groups("7个危桥改造项目已完成4座。") if g[1] == 4] == []  # progress of the 7


def test_a_count_after_the_list_that_no_rule_took_counts_the_list_and_the_rest():
    assert _groups("对承平新村北区、农人公寓等14个老旧小区施行路面黑色化。") == [("老旧小区", 12, "area")]
    features = extract_projects_props("对承平新村北区、农人公寓等14个老旧小区施行路面黑色化。")
    assert {p["name"]: p["group_total"] for p in features if not p["named"]} == {
        "其余老旧小区": {"value": 14, "unit": "个"}}


def test_a_count_after_a_list_of_no_named_place_counts_its_places_or_projects():
    # the items name no place the extractor knows (works, districts by direction): the count
    # after 等 still states the group, of its noun's type or of projects, when works are said
    assert counted_groups("启动实施城区断头路建设项目、滨河绿道建设项目、老旧小区提升项目等3个建设项目,提升城市品质。") == [("project", 3)]
    assert counted_groups("依托河南、河北、城西等4个新区规划建设,拉大城市框架。") == [("area", 4)]
    assert counted_groups("集中竣工的重大项目有青松快速路、白石新城示范区等12个,总投资30亿元;") == [("project", 12)]
    assert counted_groups("会同发改、财政等5个部门开展检查。") == []  # no place type, no projects
    assert counted_groups("与青松医院、白石医院等30家医院深度合作。") == []  # no works
    assert counted_groups("青松园、白石园等一个个项目先后建成。") == []  # one after another, no count


def test_named_places_listed_right_before_their_count_state_it_as_their_total():
    # no 等 and a noun no mention types them by (中心村, 场馆, 节点): the count is theirs when they number it
    for text in ("完成了青松镇红旗村、白石镇新华村和东河乡前进村3个中心村风貌改造。",
                 "新建青松公园、白石公园、东河便民中心三大场馆。",
                 "改造青松路、白石路两条省级通道工程。"):
        features = extract_projects_props(text)
        totals = [p["group_total"] for p in features if p["named"]]
        assert len(totals) >= 2 and all(t and t["value"] == len(totals) for t in totals), text
    features = extract_projects_props("青松镇、白石镇10个村完成改造。")  # where the 10 are, no members
    assert all(p["group_total"] is None for p in features if p["named"])


def test_a_count_after_a_list_of_types_counts_them_together():
    assert _groups("新建和改造公厕、垃圾转运站、溶盐池等11座;") == [("公厕、垃圾转运站、溶盐池", 11, "sanitation")]
    assert _groups("新建和改造公厕等11座;") == []  # one type is no list


def extract_projects_props(text):
    from geo.extract import extract_projects

    return [f["properties"] for f in extract_projects(text)]


def test_a_count_that_opens_a_clause_counts_the_subject_of_the_works_after_it():
    assert _groups("165栋老旧住宅经过修缮,外墙焕然一新。") == [("老旧住宅", 165, "project")]
    assert _groups("贺兰县一季度28个重大基础设施及民生项目密集开工。") == [("重大基础设施及民生项目", 28, "project")]
    assert _groups("今年以来共有50个人参加培训。") == []


def test_counties_or_months_counted_after_zai_say_where_or_when_not_what():
    # 在全省15个乡村振兴重点帮扶县率先建成… counted 15 projects 乡村振兴, 在全市8个县区新建… 8 projects
    # 县区, 在2个月内完成… a group 月内: after 在 such a count locates the works (schools counted
    # after 在 are still what the works are at: 在全县21所学校安装…)
    assert _groups("在全省15个重点帮扶县率先建成胸痛中心。") == []
    assert _groups("县医院争取协作资金,在全省15个乡村振兴重点帮扶县率先建成胸痛中心。") == []
    assert _groups("在全市8个县区新建幼儿园20所。") == [("幼儿园", 20, "school")]
    assert _groups("在2个月内完成了开工前的各项手续。") == []
    assert _groups("在全县21所学校安装直饮水设备。") == [("学校", 21, "school")]


def test_a_counted_thing_may_follow_its_verb_after_le():
    assert _groups("建成了15家放心粮油连锁店。") == [("放心粮油连锁店", 15, "project")]


def test_a_decimal_or_an_ordinal_is_no_count_of_things():
    assert _groups("1.5个放心粮油店建成。") == []
    assert _groups("建设第5个放心粮油店。") == []


def test_roads_counted_in_sections_are_a_group_but_a_numbered_section_is_part_of_a_name():
    from geo.extract import extract_projects

    def counted(text):
        return [(f["properties"]["name"], (f["properties"]["quantity"] or {}).get("value"),
                 (f["properties"]["group_total"] or {}).get("value")) for f in extract_projects(text)]

    assert counted("提升改造道路12段。") == [("道路（提升改造）", 12, None)]
    assert ("其余道路（恢复）", 2, 5) in counted("对钱江路、东江路、彩虹路等5段道路开展雨水管网恢复。")
    assert counted("改造圣宴路南一段道路。") == [("圣宴路南一段道路", None, None)]


def test_works_counted_in_zong_or_as_the_n_great_works_are_a_group():
    assert _works("实施20宗城建项目") == [("城建项目", 20, "宗")]
    assert _works("建设十大工程") == [("工程", 10, "大")]
    assert _works("实施十大城建重点工程") == [("城建重点工程", 10, "大")]
    assert _works("一大批项目开工") == []


def test_a_count_never_opens_inside_a_number():
    from geo.extract.patterns import COUNT_RE

    assert [m.group() for m in COUNT_RE.finditer("等55.2公里自然村庄通达工程")] == ["55.2公里"]
    assert COUNT_RE.match("等55.2公里", 4) is None  # 2公里 of 55.2公里
    assert COUNT_RE.match("等55.2公里", 2) is None  # 5.2公里 of 55.2公里


def test_n_major_classes_before_a_count_of_projects_are_no_count_of_their_own():
    from geo.extract.patterns import COUNT_RE

    assert [m.group() for m in COUNT_RE.finditer("实施17大项64个项目")] == ["64个"]
    assert [m.group() for m in COUNT_RE.finditer("10大类16项民生实事项目")] == ["16项"]
    assert [m.group() for m in COUNT_RE.finditer("建设四大片区")] == ["四大"]


def test_n_aspects_before_a_count_of_projects_are_no_count_of_their_own():
    # 6个方面27个项目 was a group of 6 named 方面27个项目.
    from geo.extract.patterns import COUNT_RE

    assert [m.group() for m in COUNT_RE.finditer("实施6个方面27个项目")] == ["27个"]
    assert [m.group() for m in COUNT_RE.finditer("从三个方面推进")] == ["三个"]
    text = "组织实施城市功能完善、基础设施建设、城市绿化及美化等6个方面27个项目，总投资10亿元。"
    assert [f["properties"]["quantity"]["value"] for f in extract_projects(text)] == [27]


def test_works_listed_between_a_count_and_its_noun_do_not_name_the_group():
    # 等7个新建、改扩建项目: the rest of the list was named 其余新建, after the first works verb.
    props = [f["properties"] for f in extract_projects("推进滨江西中学、新白露中心校等7个新建、改扩建项目建设。")]
    groups = [p for p in props if not p["named"]]
    assert [(p["name"], p["quantity"]["value"]) for p in groups] == [("其余项目（新建）", 5)]


def test_roads_counted_before_their_surfaces_or_lamps_are_roads_not_dao():
    # 5条道路路面改造: 道 was taken for the head (路面 after it read as a follower), and the group was
    # named 道 (其余道 beside a named member).
    groups = [(f["properties"]["name"], f["properties"]["quantity"]["value"])
              for f in extract_projects("完成4条道路路面改造。") if not f["properties"]["named"]]
    assert groups == [("道路（改造）", 4)]
    groups = [(f["properties"]["name"], f["properties"]["quantity"]["value"])
              for f in extract_projects("实施青松巷等3条道路路灯亮化。") if not f["properties"]["named"]]
    assert groups == [("其余道路（亮化）", 2)]


def test_a_reduplicated_unit_is_no_count():
    # 一个个重点项目落地开花 (one project after another): read as a group of 1 project
    assert _works("一个个重点项目落地开花") == [] and _works("一项项民生工程加快推进") == []
    assert _works("实施11项产业工程") == [("产业工程", 11, "项")]


def test_the_rest_of_projects_listed_by_examples_is_of_their_kind_only_when_they_all_are():
    # 青山路、白石路等12个项目: ten more road projects; one example, or examples of different kinds,
    # say nothing of the rest: projects of any kind (they were all counted as schools).
    def groups(text):
        return [(p["category"], p["quantity"]["value"]) for p in (f["properties"] for f in extract_projects(text))
                if not p["named"]]
    assert groups("推进青山路、白石路等12个项目建设。") == [("road_new", 10)]
    assert groups("推进青山学校、白石医院等12个重大项目建设。") == [("project", 10)]
    assert groups("推进青山学校等12个重大项目建设。") == [("project", 11)]


def test_a_district_s_share_after_qizhong_is_no_group_of_districts():
    # 其中沿滩区2个、高新区2个: how the ten projects are shared out, not four districts (the shares
    # are groups of the projects: count_breakdowns); a verb before such a list makes places of it
    # (其中建有服务区1处: a motorway's service area).
    groups = sorted((p["name"], p["quantity"]["value"]) for p in (f["properties"] for f in extract_projects(
        "实施重点项目10个，其中沿滩区2个、高新区2个、自流井区6个。")) if not p["named"])
    assert groups == sorted([("重点项目（实施）", 10), ("沿滩区重点项目（实施）", 2), ("高新区重点项目（实施）", 2),
                             ("自流井区重点项目（实施）", 6)])


def test_bridges_given_by_length_then_number_are_counted_by_the_number():
    # 大桥1650米/5座 (a highway's bridges: their length, then how many) was a group of 1650 metres;
    # a named road's 1.2公里 stays its length
    assert sorted((f["properties"]["category"], f["properties"]["quantity"]["value"]) for f in extract_projects(
        "沿线设大桥1650米/5座、中桥616米/9座。") if not f["properties"]["named"]) == [("bridge", 5), ("bridge", 9)]
    got = [(f["properties"]["name"], f["properties"]["quantity"]) for f in extract_projects("新建青峰路1.2公里/2条。")]
    assert got == [("青峰路", {"value": 1.2, "unit": "公里"})]


def test_estates_listed_by_name_hold_the_dwellings_counted_and_leave_no_remainder():
    # A花园、B苑等安置房1200套 counts dwellings, not estates: "其余安置房 1198套" was a wrong number
    # (the named estates were taken off the dwellings, one each)
    got = [(f["properties"]["name"], f["properties"]["quantity"], f["properties"]["group_total"])
           for f in extract_projects("建设青峰花园、白石苑等安置房1200套。")]
    assert sorted(got) == [("白石苑", None, {"value": 1200, "unit": "套"}),
                           ("青峰花园", None, {"value": 1200, "unit": "套"})]
    got = [(f["properties"]["name"], f["properties"]["quantity"])
           for f in extract_projects("新建安置房1200套,其中包括青峰花园、白石苑。") if not f["properties"]["named"]]
    assert got == [("安置房（新建）", {"value": 1200, "unit": "套"})]


def test_townships_listed_before_more_things_counted_are_where_they_are_not_members():
    # 对A镇、B街道共13个小区实施改造: the 13 compounds lie in those towns, which are none of them
    # (A镇 was named as a compound and "其余小区 11" left); two towns' two clinics stay named
    got = [(p["name"], p["named"], (p["quantity"] or {}).get("value")) for p in (f["properties"] for f in extract_projects(
        "对青山镇、白石街道、红枫街共13个小区实施改造。"))]
    assert got == [("小区（改造）", False, 13)]
    named = sorted(f["properties"]["name"] for f in extract_projects("新建青山镇、白石镇2所卫生院。") if f["properties"]["named"])
    assert named == ["白石镇", "青山镇"]


def test_a_count_of_village_or_community_centres_counts_the_centres_not_villages():
    # 改造提升24个村(社区)综合文化服务中心示范点 counted 24 villages: the bracket ended the noun
    groups = extract_projects("改造提升24个村(社区)综合文化服务中心示范点，新建30个村（社区）卫生室。")
    assert sorted((f["properties"]["category"], f["properties"]["quantity"]["value"]) for f in groups) == [
        ("culture", 24), ("health", 30)]


def test_what_a_place_already_has_counted_without_works_is_no_group():
    # 全县现有学校56所, 热力公司现有换热站55座: the stock of a place, no works; a count with works stays
    groups = [f["properties"]["name"] for f in extract_projects(
        "全县现有学校56所。该公司现有换热站55座，原有公厕3座。") if not f["properties"]["named"]]
    assert groups == []
    assert [f["properties"]["quantity"]["value"] for f in extract_projects("全县现有学校56所，今年新建学校3所。")] == [3]


def _group_names(text):
    return sorted((f["properties"]["name"], f["properties"]["quantity"]["value"])
                  for f in extract_projects(text) if not f["properties"]["named"])


def test_the_rest_of_a_counted_list_is_named_by_a_noun_never_by_what_is_said_of_it_or_its_members():
    # 等3所已开工: the words after the count were taken for the noun (其余已开工); with no noun the
    # group was named by its members (其余青山小学、绿水中学), as if the rest were those two.
    assert _group_names("青山小学、白石小学等3所已开工。") == [("其余小学（开工）", 1)]
    assert _group_names("新建青山小学、绿水中学等3所。") == [("其余项目（新建）", 1)]
    assert _group_names("青山公园、白石公园等5个今年完成提升改造。") == [("其余公园（提升改造）", 3)]
    # a noun after the count still names the group, also one opening with a stop word (沿, 重点)
    assert _group_names("完成集庆路、升州路等156幢沿街建筑立面的出新。") == [("其余沿街建筑立面（完成）", 154)]


def test_a_share_counted_after_qizhong_is_named_by_its_type_not_by_qizhong():
    # 其中小学3所: 中小学 (a head) swallowed the 中 of 其中, and the share was named 其中小学.
    assert _group_names("今年新建学校5所，其中小学3所。") == [("学校（新建）", 5), ("小学", 3)]
    assert _group_names("新建中小学3所。") == [("中小学（新建）", 3)]


def test_shares_of_what_a_place_has_broken_down_after_qizhong_are_no_groups():
    # 现有…52处,其中…等15处: each share of a stock is what is there, not works; only shares within
    # a few characters of 现有 were seen as stock.
    text = "全区现有公园52个，其中青山公园和白石公园2个市级公园，绿水公园、红星公园、黄河公园等15个区级公园。"
    assert _group_names(text) == []
    assert _group_names("全县现有学校56所，今年新建学校3所。") == [("学校（新建）", 3)]


def test_a_road_named_by_a_date_before_da_dao_is_no_count_of_da():
    # 五四大道, 八一四大道, 三八大街: 大 is no unit there (四大片区 and 十大道路工程 are counts)
    names = [(f["properties"]["name"], f["properties"]["named"]) for f in extract_projects(
        "完成五四大道人行天桥、八一四大道贸易广场人行天桥建设，改造三八大街。")]
    assert sorted(names) == [("三八大街", True), ("五四大道人行天桥", True), ("八一四大道贸易广场人行天桥", True)]
    assert [f["properties"]["quantity"]["value"] for f in extract_projects("实施十大道路工程，建设四大片区。")] == [4, 10]


def test_a_count_reached_is_the_works_count_and_no_part_of_its_noun():
    # 配套道路达到10条: the group was named 配套道路达到, of no category (project), not new roads.
    assert _group_names("今年新建配套道路达到10条。") == [("配套道路（新建）", 10)]
    assert [f["properties"]["category"] for f in extract_projects("全年改造老旧小区多达35个。")] == ["area"]


def test_an_ordinal_counts_one_place_not_its_rank():
    # 澳氹第四條跨海大橋 (the fourth bridge) was a group of 4 bridges, 第二座污水处理厂 of 2 plants
    got = [(f["properties"]["category"], f["properties"]["quantity"]["value"]) for f in extract_projects(
        "今年将开工建设第四条跨江大桥,完成第二座污水处理厂建设。")]
    assert sorted(got) == [("bridge", 1), ("utility", 1)]


def test_the_villages_a_river_flows_past_are_no_group():
    # 青龙河流经5个行政村 (what a river runs past) made a group of 5 villages; villages with works stay
    groups = [f["properties"]["name"] for f in extract_projects(
        "他建议实施青龙河治理项目。青龙河流经5个行政村,灌溉面积5000亩。") if not f["properties"]["named"]]
    assert groups == []
    assert [f["properties"]["quantity"]["value"] for f in extract_projects(
        "新建青山路等5条道路。改造行政村道路12条。") if not f["properties"]["named"]] == [4, 12]


def test_as_planned_or_on_time_after_a_counted_noun_is_no_part_of_it():
    # 16项重点工程按计划完成: 按计划 is said of the works like 如期 (the group was named 重点工程按)
    assert _group_names("截至10月末,16项重点工程按计划完成。") == [("工程（完成）", 16)]
    assert _group_names("全年12个老旧小区按时完成改造。") == [("老旧小区（改造）", 12)]


def test_a_sum_spent_before_counted_works_is_no_part_of_their_noun():
    # 投入512万元建成…工程13处 named the group 万元建成村屯安全饮水工程
    assert _group_names("投入512万元建成村屯安全饮水工程13处。") == [("村屯安全饮水工程", 13)]
    assert _group_names("投资2亿元实施道路工程5项。") == [("道路工程", 5)]


def test_a_service_restored_to_counted_buildings_is_no_group():
    # 恢复7栋楼物业服务 made a group 楼物业服务 (a service is no place, like 活动 or 工作)
    assert _group_names("恢复7栋楼物业服务,修复楼房屋面14栋。") == [("楼房屋面（修复）", 14)]


def test_a_bare_count_after_works_counts_the_noun_of_the_count_before_it():
    # 扩建学校3所,新建成5所: the second count is of schools too, with works of its own; a bare count
    # with no count of its unit before it counts nothing
    assert counted_groups("扩建学校3所,新建成5所。新建污水处理厂4座,改造2座。完成改造12个。") == [
        ("school", 3), ("school", 5), ("utility", 2), ("utility", 4)]
    # (also a list item after 、, unless a rule counted it already)
    assert counted_groups("新建幼儿园4所、改扩建2所。") == [("school", 2), ("school", 4)]


def test_a_bare_count_after_a_group_of_one_counts_its_noun():
    # 完成1所乡镇卫生院主体工程建设,开工建设6所: the group of one is made after the tagger (its
    # filters reject the name 乡镇卫生院), so the bare count after it found no noun and was lost
    assert counted_groups("青山县完成1所乡镇卫生院主体工程建设,开工建设6所。") == [("health", 1), ("health", 6)]
    # a count of one before a name the tagger keeps is no group: the bare count after it counts nothing
    assert counted_groups("新建1座青山水厂,扩建2座。") == []


def test_works_raising_a_facility_s_standard_count_it():
    # 改造完成3座供热站提标: 提标 (raising the standard, of heating stations and sewage plants) after a
    # counted facility is its works; the group was lost
    assert counted_groups("改造完成3座供热站提标,完成2座换热站提标。") == [("utility", 2), ("utility", 3)]


def test_places_counted_by_a_class_of_their_size_are_a_group_but_towers_by_revenue_are_not():
    # 建成年交易额亿元以上大型市场5个 lost its count: the money in the stem made a revenue class
    assert counted_groups("建成年交易额亿元以上大型市场5个。新增税收超亿元楼宇5栋。") == [("market", 5)]


def test_a_share_counted_by_its_place_closes_the_list_before_the_next_share():
    # 池店镇11个小区 is a share of its own, no member of the 21 counted after 青阳街道; a road named by a
    # number (204所西侧规划路) and one named by a bridge (三大桥至华寨) stay members
    text = "完成池店镇11个小区、青阳街道21个小区改造。"
    assert [f["properties"]["name"] for f in extract_projects(text) if f["properties"]["named"]] == []
    assert counted_groups(text) == [("area", 11), ("area", 21)]
    assert counted_groups("打通青山村北侧路、204所西侧规划路、白石路等3条断头路。") == []


def test_a_count_before_a_verb_that_a_disaster_word_opens_counts_what_the_verb_modifies():
    # 9条灾后重建道路: 灾后重建 modifies the roads counted, as 新改扩建 does in 11所新改扩建学校
    assert counted_groups("改建农村公路60公里和9条灾后重建道路、2座危桥改造项目已开工。") == [
        ("bridge", 2), ("road_rebuild", 9)]


def test_a_total_length_after_a_count_is_the_length_of_what_is_counted():
    # 共/合计 before a length says the same as 全长: the counted roads' total, no part of their noun
    assert counted_groups("白石镇今年硬化3条共28.4公里的通村道路,新建2条合计5公里的产业路。") \
        == [("road_new", 2), ("road_rebuild", 3)]


def test_a_count_before_the_type_is_the_whole_and_one_after_its_works_a_share():
    # 123个建设项目开工97个: the year's projects are 123, of which 97 started; a count after the
    # works with none before it (背街小巷改造30条) is still the group's
    groups = counted_groups("今年白石县安排的123个建设项目开工97个,城乡20件惠民实事开工17个。")
    assert ("project", 123) in groups and ("project", 20) in groups
    assert ("project", 97) not in groups and ("project", 17) not in groups
    assert ("road_rebuild", 30) in counted_groups("青山镇背街小巷改造30条。")


def test_a_bracketed_fu_inside_kaigong_is_an_alternative_verb_character():
    # 开(复)工 reads 开工 (as 开(竣)工): 工项目 is no noun
    features = [f["properties"] for f in extract_projects("全年白石区新开(复)工项目45个。")]
    assert [(p["name"], p["quantity"]["value"]) for p in features if not p["named"]] == [("项目（开工）", 45)]


def test_a_counted_item_after_a_measured_one_shares_the_verb_that_opens_the_list():
    # 新建日光温室1500亩、冷库6个: the verb builds both; a stock (全县有…) builds none
    assert ("project", 6) in counted_groups("青松镇新建连栋温室1500亩、冷库6个,新增菜地800亩。")
    assert counted_groups("白石县有连栋温室1500亩、冷库6个。") == []


def test_a_short_aside_in_brackets_inside_a_counted_noun_does_not_hide_its_count():
    # after the noun, before its count at the item's end; or after the count, inside the noun
    assert counted_groups("新改扩建生态养殖场(区)16个,存栏稳定。") == [("area", 16)]
    assert counted_groups("新建乡村学校食堂(伙房)14个,面积3000平方米。") == [("school", 14)]
    assert counted_groups("提升改造35个单(联)村供水工程。") == [("utility", 35)]
    assert counted_groups("打造4个省级以上(含省级)特色田园乡村。") == [("village", 4)]
    # an aside before the works or 中 qualifies the whole noun: the type stays as written
    assert counted_groups("启动了青松巷、白鹭街等9条特色街区(街巷)建设。") == [("area", 7)]


def test_what_a_count_holds_said_in_brackets_before_its_noun_does_not_hide_its_count():
    # (含…)/(其中…) right after the count, the noun after it: the count counts the noun
    assert counted_groups("全区共需治理56处(含新增4处)入河排污口。") == [("water", 56)]
    assert counted_groups("新建12所(含改扩建3所)乡村学校。") == [("school", 12)]


def test_a_size_beside_a_count_does_not_hide_the_noun_it_counts():
    # before the count (a length or an area, then how many), or after the count set off by 、
    assert counted_groups("新建白石-青松等80公里12条干线公路全面建成通车。") == [("road_new", 11)]
    assert counted_groups("新区总共2.6万多平方米9条道路工程全面开工。") == [("road_new", 9)]
    assert counted_groups("完成青岭场部7条、64公里硬化路建设。") == [("road_new", 7)]
    # a class of sizes is part of the noun: the size stays
    assert counted_groups("新建14个、2万平方米以上的广场。") == []


def test_works_tallied_by_classes_are_counted_after_the_classes():
    # N大类M个: M works (the classes are no count of them), whatever the clause says after them
    assert counted_groups("今年确定为民办实事项目共6大类15个,计划总投资3亿元。") == [("project", 15)]
    assert counted_groups("全县明确将8大类27个子项目分解到各部门。") == [("project", 27)]
    # classes alone still count the classes, as before
    assert counted_groups("全力实施四大类城市建设重点工程,提高管理水平。") == [("project", 4)]


def test_works_of_a_kind_counted_in_items_after_jianshe_are_a_group():
    # X建设N项: the kind of works (建设 its works noun), counted in items
    assert counted_groups("全年完成城镇基础建设6项4.2万平方米,辐射力不断提高。") == [("project", 6)]
    assert counted_groups("今年本县将安排重点工程建设15项;") == [("project", 15)]
    # no kind (a verb before 建设), or a noun after the count that it counts: no such group
    assert counted_groups("全年推进建设12项。") == []


def test_what_a_count_opening_a_clause_counts_is_a_group_when_investment_is_said_of_it():
    assert counted_groups("7座智能温室完成投资2亿元。") == [("project", 7)]
    assert counted_groups("牵头的17个区级重点项目投资完成率120%。") == [("project", 17)]
    # firms and townships invest without being works
    assert counted_groups("3家企业完成投资5亿元。") == []


def test_a_count_a_type_of_no_category_took_and_dropped_is_the_things_counted():
    # 设施 takes its category from its stem; with none in 消防 the mention makes no record, and
    # its count counts the things installed
    assert counted_groups("为青松社区充电场所安装消防设施56处。") == [("project", 56)]
    assert counted_groups("改造白石镇电力设施7处、供热站房4座。") == [("project", 7), ("utility", 4)]
    # a facility's type dropped for want of a category word keeps its count: no group
    assert counted_groups("新建人才驿站6个、就业服务站20个。") == []
    # chargers count no works, whatever their type (充电桩, 充电设施: uncounted in stop_words.tsv)
    assert counted_groups("同步加装电梯120部、新增充电设施800个。") == []
    assert counted_groups("建设公共充换电设施180个。") == []


def test_a_place_type_no_mention_counted_is_counted_after_its_works_in_its_category():
    # the stem is too long for a mention of 基地: the count after the noun counts the bases
    assert counted_groups("建成白石镇农产品直供配送基地4家,带动农户增收。") == [("area", 4)]
    # counted again after 的 (the works named before), or a described noun: no group
    assert counted_groups("6所学校的建成将使9000余名学生就近入学。") == []
    assert counted_groups("拟建设36个班的初级中学。") == []
    # a bare type (社区) is its mentions' to count or leave: no kind named
    assert counted_groups("实施强基工程,全县58个社区全部完成“两委”规范化建设。") == []


def test_a_count_right_before_a_second_count_or_a_size_counts_the_noun_after_both():
    assert counted_groups("截至今年6月,已改造26个318幢42万平方米建筑,惠及住户5000户。") == [("project", 26)]
    assert counted_groups("同时,白石镇32栋共计900余户的棚户区危房改造项目也在稳步推进。") == [("project", 32)]
    assert counted_groups("该县尚有27条共320公里通村水泥路未硬化,今年全部开工建设。") == [("road_rebuild", 27)]
    assert counted_groups("改造老旧小区5个3.2万平方米。") == [("area", 5)]  # (the size after its noun: one group)


def test_a_name_the_tagger_rejects_after_a_count_of_one_in_figures_is_a_group_of_one():
    assert ("sanitation", 1) in counted_groups("今年首要建造2座“环卫驿站”、1座垃圾二次转运站。")
    assert ("utility", 1) in counted_groups("实施1个缺水区域水源工程和3个城乡供水一体化工程;")
    assert counted_groups("镇里现有1座垃圾二次转运站。") == []  # (no works)


def test_a_list_closed_by_a_count_of_things_no_type_names_is_a_group_when_their_works_follow():
    assert ("project", 18) in counted_groups("要对青山路与白石街东南、红枫大街西北侧等18处裸露土地实施生态修复。")
    assert ("project", 39) in counted_groups("加快医疗、教育、文化等39个配套公共服务设施建设进度。")
    assert counted_groups("青山镇、白石乡、红枫乡等7个乡镇已开工建设。") == []  # (the townships' projects)
    assert counted_groups("化工、新材料等6条产业链贯通发展。") == []


def test_a_count_before_a_description_ending_in_de_counts_the_type_after_it():
    assert counted_groups("白石区打造17个有特色、有亮点、功能性强的口袋公园。") == [("park", 17)]
    assert counted_groups("青山县打通了6条事关城区畅通的老城区道路。") == [("road_new", 6)]
    assert ("school", 36) not in counted_groups("新建一所36个班的初级中学。")  # (a count of classes)
    assert counted_groups("衡山一中分校是本次33个集中开工项目中的代表项目。") == []  # (what is counted is named)


def test_works_counted_before_a_long_noun_of_many_kinds_of_works_are_a_group():
    # the works noun may run up to COUNTED_WORKS_NOUN characters (it stopped at 12)
    assert counted_groups("投资20亿元启动实施30个白石城区更新品质提升和公共服务设施提升项目,构建城市路网。") == [("project", 30)]
    assert counted_groups("1—7月,300个共建青山白石双城经济圈重大项目完成投资2815.5亿元。") == [("project", 300)]
    # a measure (学位) after the count is no works noun, whatever project follows it
    assert ("project", 540) not in counted_groups("新增540个学位青山区白石初级中学改扩建项目位于青山区827县道附近")


def test_a_clause_of_a_noun_and_its_count_takes_the_building_verb_of_the_counted_item_before_it():
    groups = counted_groups("新建青山粮油配送中心1个,白石粮油店7个,实现粮油网络全覆盖。")
    assert ("project", 7) in groups
    groups = counted_groups("改造红枫小区健身广场2处,休闲步道5条,方便了居民。")
    assert 5 in [value for _, value in groups]
    # a verb that grows farms or firms (培育, 发展) is no works verb shared by the list
    assert 12 not in [value for _, value in counted_groups("培育青山家庭农场20个,白石专业合作社12个。")]
    assert 12 not in [value for _, value in counted_groups("新建青山粮油配送中心1个,带动就业12个。")]


def test_a_verb_of_works_on_things_counted_said_after_their_noun_makes_a_group():
    # 整改, 栽植 (counted_after_verb in actions.tsv) say works only of things counted before them
    assert _groups("完成白石县56个排水达标区整改。") == [("排水达标区", 56, "project")]
    assert counted_groups("为青山镇10条街道栽植垂柳等树木3750多株") == [("road_rebuild", 10)]
    # problems counted (uncounted) are no works
    assert counted_groups("完成整改问题36个") == []


def test_works_counted_after_a_list_no_name_was_read_from_are_a_group():
    # 等N个项目 after a list counts the list's projects only when the list was read (its names
    # state the count); an item read as no name leaves the count to the works
    assert counted_groups("白石跨越新能源商用车技改等50个项目开工") == [("project", 50)]
    assert _works("完成青山中学、白石小学等4个续建项目") == []
    assert counted_groups("完成青松、白石2个社区卫生服务中心新建工程。") == []


def test_works_counted_before_their_noun_and_its_money_are_a_group():
    # the money of the works and its amount (budget_word in followers.tsv) end the works noun
    assert _works("其中青山镇4件改善工程经费共7,600,000元;") == [("工程", 4, "件")]
    assert _works("实施白石县6个改造工程总投资5亿元") == [("工程", 6, "个")]
    # a money word with no amount after it goes on as a noun
    assert _works("实施6个改造工程资金监管") == []


def test_waterside_platforms_counted_are_a_group_of_park_facilities():
    # 亲水平台 is a park facility like 观景平台 (heads.tsv); 平台 alone stays skip (创新平台)
    assert counted_groups("沿青山河修建亲水平台3个,建成公厕5座。") == [("park", 3), ("sanitation", 5)]


def test_things_counted_then_fitted_or_linked_up_are_a_group():
    # 安拆 (fitted with equipment), 连线成景 (linked into a scenic line): counted_after_verb rows
    assert counted_groups("提档晋级青山县15个小区安拆新的室外体育健身器材。") == [("area", 15)]
    assert counted_groups("白石县16个旅游驿站连线成景。") == [("project", 16)]


def test_things_counted_in_zhi_are_a_group_like_those_in_zuo():
    # 只 is a count unit of facilities (units.tsv), like 座; animals counted are no works
    assert counted_groups("新建白石镇森林防火蓄水池1287只(约17190吨),购买消防车2辆。") == [("utility", 1287)]
    assert counted_groups("青山村养殖羊300只。") == []


def test_outlets_counted_after_their_noun_are_a_group():
    # 网点 is a type (real6 shanghai_changning 早餐工程网点35个, real7 jiangyin 租用网点150个)
    assert counted_groups("新增青山早餐网点35个。") == [("commercial", 35)]
    assert counted_groups("白石公共自行车租用网点150个。") == [("commercial", 150)]


def test_works_counted_before_their_progress_or_list_are_a_group():
    # 进度/名单 end the works noun (real150 haicang 19个民生项目名单, real7 zhangzhou_xiangcheng 在建项目进度)
    assert _works("加快白石县12个产业项目进度") == [("产业项目", 12, "个")]
    assert _works("青山区19个民生项目名单") == [("民生项目", 19, "个")]


def test_works_counted_as_zhuanan_are_a_group_like_xiangmu():
    # 專案 is 项目 in Taiwan usage and some traditional texts (real4 tengzhou 27個在建專案)
    assert _works("白石县12個產業專案完工") == [("产业专案", 12, "个")]


def test_facilities_counted_in_tao_are_a_group():
    # 套 counts facilities as well as dwellings (real150 licheng 5套…农村生活污水处理站)
    assert counted_groups("青山镇建设5套农村生活污水处理站。") == [("utility", 5)]


def test_demonstration_farms_counted_after_their_noun_are_a_group():
    # 示范场 is a farm type like 养殖场 (real11 tongling_jiaoqu 标准化畜禽健康养殖示范场4个)
    assert counted_groups("白石县建设完成标准化养殖示范场4个。") == [("area", 4)]


def test_a_works_noun_that_goes_on_into_a_class_of_works_is_retried_at_the_next_works_noun():
    # 11个新建工程类项目中 (real148 atushi): the shortest noun, 新建工程, goes on with 类; the count
    # counts the projects of that class, as 11个新建项目中 does
    assert _works("在11个新建工程类项目中") == [("工程类项目", 11, "个")]
    assert _works("引进3个工程技术中心") == []  # (no works noun after: the noun goes on)


def test_a_count_opening_a_list_item_of_works_counts_the_things_worked_on():
    # 、30幢建筑立面改造、 (real4 zhuji): the count opens the item, its works follow the noun, as a
    # count opening the clause does (165栋老旧住宅经过修缮)
    assert counted_groups("白石镇已完成规划编制、青山路改造、30幢建筑立面改造、环境卫生整治等工作。") == [("project", 30)]


def test_things_counted_are_looked_for_from_a_prefix_s_length_before_the_clause_s_first_digit(monkeypatch):
    # (the pattern, opening with look-behinds, was tried at every position of the clause before its first digit too)
    import sys

    counts = sys.modules["geo.extract.counts"]
    asked = []
    real = counts._THING_COUNT

    class Recorded:
        def finditer(self, norm, pos, end):
            asked.append(norm[pos:end])
            return real.finditer(norm, pos, end)
    monkeypatch.setattr(counts, "_THING_COUNT", Recorded())
    assert counted_groups("青山镇白石村今年建成不少于15家放心粮油连锁店") == [("project", 15)]
    assert asked == ["不少于15家放心粮油连锁店"]


def test_things_counted_are_searched_for_by_their_first_character_with_the_same_counts():
    # _THING_COUNT opened with a look-behind: the engine tried it at every position from a clause's
    # first digit on; its first character (a digit or a prefix word's) consumed as one class and what
    # stands before it tested behind it, the counts, their numbers and units are the same.
    import random
    import re

    from geo.extract import counts
    from geo.extract.patterns import COUNT_PREFIX
    from geo.lexicon import THING_UNITS
    from test_extract_segment import _searched_for

    former = re.compile(rf"(?<![\d.第])(?!(?<=[签预节履])约)(?:{COUNT_PREFIX})?(?P<num>\d+)(?:余|多)?"
                        rf"(?P<unit>{'|'.join(THING_UNITS)})")
    assert _searched_for(counts._THING_COUNT) and not _searched_for(former)
    rng = random.Random(23)
    alphabet = list("不少于低超过达到多各约共计总合近签预节履第.0123456789余个条座家台处青山") + ["\u0663", "\uff13", "\n"]
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert [(m.span(), m.group("num") or text[m.start():m.end("more")], m.group("unit"))
                for m in counts._THING_COUNT.finditer(text, lo, hi)] == \
            [(m.span(), m.group("num"), m.group("unit")) for m in former.finditer(text, lo, hi)], text
