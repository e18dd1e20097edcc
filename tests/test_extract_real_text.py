"""Extraction on real report text: press prose, tables, Traditional script, counted groups in every form."""

import importlib.util
from pathlib import Path

import pytest

from geo.extract import extract_projects
from extract_cases import counted_groups, named_names, named_projects

ROOT = Path(__file__).resolve().parents[1]
REAL = Path(__file__).resolve().parent / "fixtures" / "extract" / "real"
# The shared dev set sits beside the repository (../shared) in a worktree layout and in CI.
DEV_SETS = [p / "shared" / "dev_reports" for p in (ROOT.parent, ROOT.parent.parent)]


def _scorer():
    spec = importlib.util.spec_from_file_location("score_extract", ROOT / "scripts" / "score_extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The real sets read for tuning (tests/fixtures/extract/<folder>) and the least recall and named
# precision they keep; each README gives the first-run figures.
TUNING_SETS = [
    # eleventh session (tagger and record model trained on every read set and the forty
    # tagger_only sets; the tagger widening rule names at 0.8): figures now, floors about a
    # point below them (a retrained model moves a set by a few rows); first runs in each README
    ("real", 0.90, 0.92),   # 218/239, 204/219; first run 134/239, 135/249
    ("real2", 0.94, 0.98),  # 115/120, 97/97; first run 92/120, 80/96
    ("real3", 0.89, 0.94),  # 787/870, 724/758; first run 667/870, 568/761
    ("real4", 0.89, 0.93),  # 572/631, 587/622; first run 499/631, 480/637
    ("real5", 0.86, 0.91),  # 579/662, 556/599; first run 508/662, 471/629
    ("real6", 0.83, 0.88),  # 468/554, 480/536; first run 402/554, 379/584
    ("real7", 0.92, 0.92),  # 217/232, 230/245; first run 192/232, 186/254
    ("real8", 0.84, 0.93),  # 220/257, 200/211; first run 190/257, 153/228
    ("real9", 0.83, 0.93),  # 348/413, 317/334; first run 306/413, 256/325
    ("real10", 0.89, 0.91),  # 320/352, 360/388; first run 267/352, 284/405
    # eighteenth session: read and ruled; trained on since the nineteenth
    ("real11", 0.86, 0.86),  # 185/210, 221/250; first run 167/210, 188/262
    # twenty-eighth session: six readers' new texts, read and ruled (not trained on)
    ("real147", 0.87, 0.89),  # 694/790, 566/629; first run 642/790, 511/626 (664/790, 542/626 with slips mended)
    # twenty-ninth session: twelve readers' new texts in two rounds, read and ruled (not trained on)
    ("real148", 0.84, 0.86),  # 823/969, 735/843; at the start 779/969, 698/890 (slips mended)
    # thirtieth session: ten readers' new texts in two rounds, read and ruled (not trained on)
    ("real149", 0.79, 0.85),  # 545/674, 524/607; at the start 513/674, 493/596 (slips mended)
    # thirty-first session: thirteen readers' new texts in two rounds, read and ruled (not trained on)
    ("real150", 0.81, 0.88),  # 648/785, 614/688; at the start 610/785, 581/686 (slips mended)
]


@pytest.mark.parametrize("folder, recall, precision", TUNING_SETS)
def test_real_texts_used_for_tuning_stay_above_their_figures(folder, recall, precision, capsys):
    totals = _scorer().score_set(REAL.parent / folder)
    assert totals["found"] / totals["scored"] >= recall
    assert totals["named_hit"] / totals["named"] >= precision


def test_dev_set_meets_the_issue_targets(capsys):
    folder = next((p for p in DEV_SETS if (p / "gold.csv").exists()), None)
    if folder is None:
        pytest.skip("shared/dev_reports not beside the repository")
    totals = _scorer().score_set(folder)
    assert totals["found"] / totals["scored"] >= 0.95
    assert totals["named_hit"] / totals["named"] >= 0.95


def test_a_second_labelling_is_scored_by_the_same_rules_in_place_of_the_extractor(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("# source\n新建青松路，改造学校3所。\n", encoding="utf-8")
    header = "file,name,category,geometry,must_locate,note\n"
    (tmp_path / "gold.csv").write_text(header + "a.txt,青松路,road,line,yes,\n"
                                       "a.txt,白石小学,school,point,yes,\na.txt,学校3所,school_count,count=3,no,\n",
                                       encoding="utf-8")
    second = tmp_path / "second.csv"
    # Agrees on the road (its longer name within 60%) and the count, misses the school, adds a
    # place of context; an optional row is no record.
    second.write_text(header + "a.txt,青松路东段,road,line,yes,\na.txt,学校3所,school_count,count=3,no,\n"
                      "a.txt,红枫路,road,line,yes,\na.txt,白石小学,school,point,optional,\n", encoding="utf-8")
    totals = _scorer().score_set(tmp_path, labels=second)
    assert (totals["found"], totals["scored"], totals["named_hit"], totals["named"]) == (2, 3, 1, 2)
    totals = _scorer().score_set(tmp_path, labels=tmp_path / "gold.csv")
    assert (totals["found"], totals["scored"], totals["named_hit"], totals["named"]) == (3, 3, 2, 2)




# Made-up names (none from the labelled texts) for the rules real text needed.


@pytest.mark.parametrize("text, named, groups", [
    # a count written with spaces; a dash range in brackets is a section; county roads named X线
    ("新建 4 所幼儿园，完成青松路(白石路-红枫路)改造，对东岭線、西岭線等县道进行大中修。",
     [("东岭線", "road_rebuild"), ("西岭線", "road_rebuild"), ("青松路(白石路-红枫路)", "road_rebuild")],
     [("school", 4)]),
    # numbered schools; lists of projects typed only as 项目 take their members' category when two
    # or more of one kind are listed (one example says nothing of the rest: projects); the first
    # list's count leaves 2 projects unnamed
    ("完成85中、17小分校教学设施等4个续建项目，启动建设9小教学楼等6个新建项目。",
     [("17小分校", "school"), ("85中", "school"), ("9小教学楼", "school")], [("project", 2), ("project", 5)]),
    ("推进青松路提升改造、白石路完善工程等在建项目26项，加快推动更新项目12个。",
     [("白石路", "road_rebuild"), ("青松路", "road_rebuild")], [("area", 12), ("road_rebuild", 24)]),
    # a counted road class after a list of county roads; a code before a road's long name
    ("实施青峰线、白鹭线、红枫线三条县道路面改造，完成X318青岭开发区连接线排水改造。",
     [("X318青岭开发区连接线", "road_rebuild"), ("白鹭线", "road_rebuild"), ("红枫线", "road_rebuild"),
      ("青峰线", "road_rebuild")], []),
    # press prose: reporters, relieved roads, sites' locations, labelled fields are context
    ("记者走进青松新区，缓解白石路的交通压力，项目位于红枫路与青松路交口。", [], []),
    ("地址:青松大道与白石路交口。对口学校:青松实验中学。", [], []),
    # roads bounding a site are no members of the group they locate
    ("完成河西路以东、红枫路以南30个老旧小区改造。", [], [("area", 30)]),
    # a network laid along a road is named by it; an estate's housing (青松家园保障房) is named
    # with its type; a surface type is no road name
    ("建成白鹭路给水管网，完成青松家园保障房建设，铺设柏油路5公里。",
     [("白鹭路", "utility"), ("青松家园保障房", "area")], [("road_rebuild", 5)]),
    # townships typing a list are no projects; the count after them counts the villages
    ("对青岭镇、白石镇等六个乡镇39个村庄的供水设备进行维修。", [], [("village", 39)]),
    # per-place breakdowns, numbered buildings, sizes and roads of speech are no projects
    ("区属3所、青岭镇2所、白石街1所。", [], []),
    ("建成1号教学楼、2号教学楼，新建20米宽绿道。", [], []),
    ("奋斗百年路，启航新征程，发展思路更加清晰。", [], []),
    # a street whose stem holds a word of speech ends it with a direction, an ordinal or a natural place
    ("完成创业东路、金融九街改造，加快建设振兴岛第二通道，奋斗百年路越走越宽。",
     [("创业东路", "road_rebuild"), ("振兴岛第二通道", "road_new"), ("金融九街", "road_rebuild")], []),
    # a jurisdiction is context unless works govern it directly; a count inside a stem counts the head
    ("青松新城已成为新的增长极，加快建设白石新城。", [("白石新城", "area")], []),
    ("晋宁区有8所中小学需要搬迁。", [], [("school", 8)]),
    # scenery listed with universities is no works
    ("青松湖公园、白鹭广场、青岭大学、红枫学院自东向西分布。", [], []),
    ("加快推进中心公园提升。", [("中心公园", "park")], []),
    # quoted speech running past the clause names places like plain text; a numbered school
    # followed by a verb is still a school
    ("王明说:“青松中学在城北、白石一中在空港今年招生;", [("白石一中", "school"), ("青松中学", "school")], []),
    # references (该公路, 这所学校, 整个公园) and a park's courts are no projects; counted courts are
    ("该公路全长10公里，这所学校涵盖幼儿园，整个公园面积大，公园内设有篮球场、五人制足球场，新建网球场4片。",
     [], [("sports", 4)]),
    # a project's ends, its planned site and the roads enclosing or bounding it are context,
    # also after a status word (规划, 现状)
    ("青松路起点接白石路，终点接12号路。", [("青松路", "road_rebuild")], []),
    ("新建红枫幼儿园，项目拟选址于青山路与白石路交叉口。", [("红枫幼儿园", "school")], []),
    ("该公园由青岭路与白桦路、红枫路合围，北至规划青檀路，南至现状白杨路。", [], []),
    # a name in brackets right after a name is its other name: kept with it, no project of its own; a bus
    # line's stops are no works
    ("新开工30号路(红枫路)。", [("30号路(红枫路)", "road_new")], []),
    ("新开4条公交线路:青山站至白石公园、红枫站至青岭广场。", [], []),
    # a numbered road is named with the zone it belongs to
    ("加快青松商务区24号路、35号路建设。", [("35号路", "road_new"), ("青松商务区24号路", "road_new")], []),
    # roads around a landmark are one project; what follows 等 types the list, it is no name
    ("完成青松路、白石路、红枫湖周边道路等支路改造。",
     [("白石路", "road_rebuild"), ("红枫湖周边道路", "road_rebuild"), ("青松路", "road_rebuild")], []),
    ("青山路、白石街等传统商业街区提档升级。", [("白石街", "road_rebuild"), ("青山路", "road_rebuild")], []),
    # an ordinal phase names nothing; 中修 and 截污 are works; words before a name are cut
    ("当天开工建设的第一期工程主要建设门诊楼。", [], []),
    ("完成青檀路中修、白桦路中修，推进青岭大道截污改造。",
     [("白桦路", "road_rebuild"), ("青岭大道", "road_rebuild"), ("青檀路", "road_rebuild")], []),
    ("举行青山区中医医院迁建工程开工仪式。", [("青山区中医医院", "health")], []),
    # letter-spaced words (PDF tables) are read as one word; words set apart by a space are two
    ("推进青 松 公 路改造，完成经六路 经八路建设。",
     [("经八路", "road_new"), ("经六路", "road_new"), ("青松公路", "road_rebuild")], []),
    # 专案 (a project, in Traditional-script texts) ends a name like 项目
    ("白樺物流園專案(一期)已開工。", [("白樺物流園", "area")], []),
    # a year inside a name's stem starts the name after it; an area section of a road
    ("青山县2022年白石片区老旧小区改造(二期)", [("白石片区", "area")], []),
    ("保障白石路开发区段建成通车。", [("白石路开发区段", "road_new")], []),
    # a bracketed range closes a road's name whatever follows it
    ("红枫大道南段(白石路口至青山大道路口)绿地景观工程已完成。",
     [("红枫大道南段(白石路口至青山大道路口)", "road_rebuild")], []),
    # hills before afforestation, also after 等; a road before a context verb ends there
    ("完成青峰山、白鹭山等造林工程。", [("白鹭山", "area"), ("青峰山", "area")], []),
    ("新建青檀路连接白桦路、红枫路等工程。", [("青檀路", "road_new")], []),
    # kindergarten and school types, canteens; projects counted after their works
    ("新改扩建公办园5所,新增公益普惠园3所,确保3所新校投入使用,新建3个幸福食堂。", [],
     [("school", 3), ("school", 3), ("school", 5), ("welfare", 3)]),
    ("今年共有小港便民码头建设项目5个。", [], [("transport", 5)]),
    # an ordinal high school; verbs of urging and caring are no part of a name; a facility's
    # service capacity is its works
    ("新建青山第二高中,敦促白石农贸市场建成,大家很关心公园的建设进度。",
     [("白石农贸市场", "market"), ("青山第二高中", "school")], []),
    ("青山县中医院基础服务能力提升项目", [("青山县中医院", "health")], []),
    ("孩子从幼儿园到高中都能就近入学。", [], []),
    # a road and a house number are an address: a compound
    ("完成青松新村、白石大道36号、红枫路88号改造。",
     [("白石大道36号", "area"), ("红枫路88号", "area"), ("青松新村", "village")], []),
    # an intercity line is named by both its ends and by the road code before them, even when
    # the second end runs into the line's type (乡村旅游公路)
    ("新开工S318青岭至白桦湖乡村旅游公路，G105红枫县城至白石公路开工建设。",
     [("G105红枫县城至白石公路", "road_new"), ("S318青岭至白桦湖乡村旅游公路", "road_new")], []),
    # a part of a building (消防设施, 屋顶, 防水, 空调, 校园) between a place and its works
    ("青松小区消防设施维修项目\n白鹭家园屋顶防水修缮项目",
     [("白鹭家园", "area"), ("青松小区", "area")], []),
    ("完成12所学校校园空调安装工程。", [], [("school", 12)]),
    ("新建生态公益性墓地8处。", [], [("culture", 8)]),
    # places a context verb (惠及) governs earlier in the clause are context, over the whole
    # list; after 的 the place described is the subject
    # (the drainage network named by its road is a network, as 给水管网 and 雨水管网 were)
    ("改造青檀路排水管网，惠及青松小学、白石中学等学校和红枫苑等小区。", [("青檀路", "utility")], []),
    ("地处青山路与白石路交会的青松生态公园，为一期工程。", [("青松生态公园", "park")], []),
    # projects counted with no place type nor members are a counted group of their own
    ("全年实施重点项目12项，新开工项目40个。", [], [("project", 12), ("project", 40)]),
    # ... also when a long stretch or a works verb stands between the count and 项目, and when
    # the members named are no places
    ("落地实施青山绿色发展示范带28个重点项目，启动25个新开工社会事业项目。", [],
     [("project", 25), ("project", 28)]),
    ("新开工建设青松精密等项目20个。", [], [("project", 19)]),
    # projects counted by their size; an alternative verb character in brackets (开(竣)工)
    ("青松家居等28个亿元以上项目开工，青松县体育馆、青松县图书馆等10个项目开(竣)工。",
     [("青松县体育馆", "sports"), ("青松县图书馆", "culture")], [("project", 8), ("project", 27)]),
    ("新建亿元楼宇5座。", [], []),
    # visits and inspections (调研, 视察, 深入…) are context; 全区 and 社会 before a type make no name
    ("区领导一行深入青松中学调研，区长视察白石小学。", [], []),
    ("服务覆盖全区幼儿园，完善社会停车场。", [], []),
    # the tagger does not drop a numbered road code nor a list right before its works; 大中修
    ("会馆路东延竣工,东外环、青山大道石井段通车,拉开了主城框架。107国道、白石路整治全面完成。",
     [("107国道", "road_rebuild"), ("东外环", "road_new"), ("会馆路东延", "road_new"), ("白石路", "road_rebuild"),
      ("青山大道石井段", "road_new")], []),
    ("国道218线、省道315线大中修。", [("国道218线", "road_rebuild"), ("省道315线", "road_rebuild")], []),
    # a road code in lower case is read as one (names stay as written); a web address is none
    ("推进g309线改造，访问www.s123.com。", [("g309线", "road_rebuild")], []),
    # a word opening with a stop character is none (为老, 以上)
    ("建成投用青松社区综合为老服务中心。", [("青松社区综合为老服务中心", "welfare")], []),
    ("改造白石将军故居，派出40名骨干教师赴农村学校支教。", [("白石将军故居", "culture")], []),
    # a type-like item between names of its head in a list is a name too
    ("青松小学、宜居小学、白石路学校年底前竣工。",
     [("白石路学校", "school"), ("宜居小学", "school"), ("青松小学", "school")], []),
    # 乡(镇) is one township word; 便利化, 智慧化 follow a name like 标准化; fitness grounds are counted
    ("对全县17所乡(镇)中心幼儿园全面提档升级，完成白石农贸市场便利化、智慧化提升改造，建成行政村健身场地10个。",
     [("白石农贸市场", "market")], [("school", 17), ("sports", 10)]),
    # an expressway between two places is named by both
    ("建成青山至白石快速路，加快建设红枫至青檀快速通道。",
     [("红枫至青檀快速通道", "road_new"), ("青山至白石快速路", "road_new")], []),
    # a bridge's main span closed (主桥合龙) is works
    ("白石大桥主桥合龙。", [("白石大桥", "bridge")], []),
    # an extension to a place is one new road, its end no project; a count in brackets after a type
    ("实施青山路东延至白石路、红枫大道北延至青檀镇工程。",
     [("红枫大道北延至青檀镇", "road_new"), ("青山路东延至白石路", "road_new")], []),
    ("青山县:重点项目(4个),预备重点项目(2个)。", [], [("project", 2), ("project", 4)]),
    # heritage: city walls, princes' mansions, temples
    ("展开了青山城墙、白石王府、红枫寺等保护修复工程。",
     [("白石王府", "culture"), ("红枫寺", "culture"), ("青山城墙", "culture")], []),
    # a tunnel's name has two characters at least (沿 inside it is no preposition); 附中 is a
    # school; 局部 follows a name
    ("开工建设青山隧道和白石阁沿江隧道，完成红枫大学附中、青檀路局部拓宽改造工程。",
     [("白石阁沿江隧道", "bridge"), ("红枫大学附中", "school"), ("青山隧道", "bridge"), ("青檀路", "road_rebuild")], []),
    # prose verbs before a name are no part of it (释放, 住上, 强化); 开建 is works
    ("释放青山快速环道通行能力，学生们住上新宿舍，强化小区配套幼儿园建设，白石路开建。",
     [("白石路", "road_new")], []),
    # tourist zones and resorts are areas
    ("续建青山生态旅游区开发项目、白石湾旅游度假区项目。",
     [("白石湾旅游度假区", "area"), ("青山生态旅游区", "area")], []),
    # counted-venue designations (三馆一中心, 新三馆) are culture facilities
    ("建设三馆一中心，新三馆建成开放。", [("三馆一中心", "culture"), ("新三馆", "culture")], []),
    # a name does not open with 项目 (the programme before it)
    ("完成基础设施项目白石片区红枫大道东段。", [("白石片区红枫大道东段", "road_rebuild")], []),
    # a count bounded before its number (不少于, 约, 共)
    ("新增改造城镇老旧小区不少于75个，新建学校约20所，改造道路共12条。", [],
     [("area", 75), ("road_rebuild", 12), ("school", 20)]),
    # reading spaces, courtyards and public toilets are counted types
    ("新建公共阅读空间50个，改造老旧院落25个，新建12座市政公共卫生间。", [],
     [("area", 25), ("culture", 50), ("sanitation", 12)]),
    # ring roads named by their side; a county road realigned or widened
    ("加快北外环、东外环建设。", [("东外环", "road_new"), ("北外环", "road_new")], []),
    ("实施青岭线改线工程，推进白桦线改扩建。", [("白桦线", "road_rebuild"), ("青岭线改线", "road_new")], []),
    # a park opened (开园) or a library opened (开馆) is works
    ("总投资1.2亿元的青松公园开园，白石图书馆年底开馆。", [("白石图书馆", "culture"), ("青松公园", "park")], []),
    # bullets and list marks open items, never names; an eastern campus and a part of a road
    # in brackets are sections
    ("●青松小学(东区)改扩建工程\n■白石路改造\n★红枫公园提升",
     [("白石路", "road_rebuild"), ("红枫公园", "park"), ("青松小学(东区)", "school")], []),
    ("完成青松大道(部分)绿化提升。", [("青松大道(部分)", "road_greening")], []),
    # two roads at a 路口/交口 are one junction, with or without 与, 、 or /; a 路口 with no road
    # before it is none
    ("渠化青松大道白石大道路口，改造红枫路、青檀路交叉口，完善青岭路与白桦路交口。",
     [("红枫路、青檀路交叉口", "road_rebuild"), ("青岭路与白桦路交口", "road_rebuild"),
      ("青松大道白石大道路口", "road_rebuild")], []),
    ("对农村公路高危平交路口进行改造。", [], []),
    # a lettered section (C段) and a side before a bracketed range (街南(A-B)) stay in the name;
    # 拉通 is works on a road
    ("而青峰路C段(白石路-红枫大道段)通车，拉通青岭街南(青松大道-白桦路)等断头路。",
     [("青岭街南(青松大道-白桦路)", "road_new"), ("青峰路C段(白石路-红枫大道段)", "road_new")], []),
    # a generic road word after two places joined by 至 names that road; alone it names none
    ("新开工青松山至白石湾道路，实施城区道路改造。", [("青松山至白石湾道路", "road_new")], []),
    # a link road named by two places joined by 与; a coded road's range with a dash; a coded
    # road named by the places it joins before its code
    ("新建青松大道与白石广场连接线，改造S219青岭-白桦段，开工建设青松至白石G341。",
     [("S219青岭-白桦段", "road_rebuild"), ("青松大道与白石广场连接线", "road_new"),
      ("青松至白石G341", "road_new")], []),
    # 开通 is works on a road; a road opened to one side (南通) keeps the side
    ("红枫路南通工程建成通车，青岭路开通工程基本建成。", [("红枫路南通", "road_new"), ("青岭路", "road_new")], []),
    # tourism roads, sluices and Guangdong's river channels (涌) are named places; aqueducts and
    # toilets are counted
    ("新建青松湖旅游路，改造白石水闸，整治青岭涌、红枫涌等7条河涌，新建渡槽8座、星级旅游厕所19座。",
     [("白石水闸", "water"), ("红枫涌", "water"), ("青岭涌", "water"), ("青松湖旅游路", "road_new")],
     [("sanitation", 19), ("water", 5), ("water", 8)]),
    # roads that meet or pass at a site (在此交汇) are context (the 9 sites greened are a group);
    # 进行 ends a stem; circled numbers open list items (NFKC would make ② the digit 2)
    ("青松高速、白石高速在此交汇，对9处空地进行城市绿地建设。", [], [("project", 9)]),
    ("①青松路延伸段改造；②白石路改造", [("白石路", "road_rebuild"), ("青松路延伸段", "road_new")], []),
    # parks or car parks of the town (城区, 主城区) are types; 拆除 ends a stem; 总计 bounds a count
    ("建设城区公园和主城区停车场，拆除青松口收费站，改造道路总计17条。", [("青松口收费站", "transport")],
     [("road_rebuild", 17)]),
    # roads a new road joins (与A、B等道路相连/相接) are context
    ("青松大道建成后，与白石路、红枫路等16条主要道路相连。", [("青松大道", "road_new")], []),
    # counts of more place types: homes (之家, also in quotes), service circles, base stations,
    # school sports grounds, black-odour waters, congestion points
    ("建设20个“幸福老年之家”，建成30个一刻钟便民生活圈，建设119处5G基站，改造8所学校运动场，"
     "完成27条农村黑臭水体治理，治理10个交通拥堵点。", [],
     [("area", 30), ("road_rebuild", 10), ("sports", 8), ("utility", 119), ("water", 27), ("welfare", 20)]),
    # works counted with no place type (N项…工程, …工程N项) are a group of projects; a count
    # before a place type counts the places, and 工程技术 is no works
    ("实施11项产业工程，新开工道路桥梁工程34项，6个城市品质提升工程集中开工建设。", [],
     [("project", 6), ("project", 11), ("project", 34)]),
    ("完成青松、白石2个社区卫生服务中心新建工程，引进3个工程技术中心。",
     [("白石", "health"), ("青松", "health")], []),
    # an adverb (如期, 按期, 向西) may stand between a name and its works; a move (东迁, 外移)
    # is works
    ("青松体育中心如期竣工，白石大道向西打通，青岭收费站东迁，红枫收费站外移。",
     [("白石大道", "road_new"), ("红枫收费站", "transport"), ("青岭收费站", "transport"),
      ("青松体育中心", "sports")], []),
    # what a road passes under (下穿) is part of its name; a structure at two roads' junction is
    # named by both; a county road (XX线) is not the end of a longer head (连接线)
    ("确保青松路下穿白石高速段、青岭路与白桦路路口人行下穿通道建成通车。",
     [("青岭路与白桦路路口人行下穿通道", "bridge"), ("青松路下穿白石高速段", "bridge")], []),
    ("青松大道快速路与白石火车站北广场连接线、红枫路改造提升。",
     [("红枫路", "road_rebuild"), ("青松大道快速路与白石火车站北广场连接线", "road_rebuild")], []),
    # flood protection rings are water works; road networks are counted; a named express network
    # is a road
    ("完成青松河县城右岸保护圈治理，实施白石路改造等12条路网工程，新建城北快速路网。",
     [("城北快速路网", "road_new"), ("白石路", "road_rebuild"), ("青松河县城右岸保护圈", "water")],
     [("road_rebuild", 12)]),
    # roads listed by the places they join (A镇至B镇、县城至C等N条X路) keep both ends
    ("实施了青松镇至白石镇、县城至红枫集镇等4条通乡油路改造。",
     [("县城至红枫集镇", "road_rebuild"), ("青松镇至白石镇", "road_rebuild")], [("road_rebuild", 2)]),
    # an area after a count of schools is their size, not a breakdown; school buildings and
    # medical institutions are counted; a modal (可) ends a name
    ("新建、改造6所农村中学学生宿舍楼11961平方米，改造15所农村中小学校舍，新增医疗机构21家。"
     "新建青松中学教学楼可增加750个学位。",
     [("青松中学教学楼", "school")], [("health", 21), ("school", 6), ("school", 15)]),
    # the classes of a tally (道路类(21个), 治理类162处) count projects; 8类32项 counts classes;
    # works counted in 处; 计划 before the works
    ("道路类(21个)\n(桥梁类4个)\n其中工程治理类162处。计划安排民生实事8类32项，实施农村饮水安全工程41处，"
     "共有33条道路计划修建或改造。",
     [], [("project", 4), ("project", 21), ("project", 41), ("project", 162), ("road_new", 33)]),
    # items of a list typed only as projects (等项目) keep their own category; a school named by
    # its street is no slogan; works that go on (加快推进) are works; a school extended south
    ("加快推进县中医医院配套设施、县人民医院感染科综合楼等项目建设。幸福路学校加快建设，七院门诊综合楼加快推进，"
     "开工建设青松中学南扩。",
     [("七院门诊综合楼", "health"), ("县中医医院", "health"), ("县人民医院感染科综合楼", "health"),
      ("幸福路学校", "school"), ("青松中学", "school")], []),
    # roads around a place (周边规划市政道路) are named by it; some of a type (一批公园) is none; small
    # reservoirs of a bracketed grade (小(1)型) are counted
    ("实施青松学院周边规划市政道路工程，白石一批公园将提档升级，3座小(1)型水库将开工。",
     [("青松学院周边规划市政道路", "road_rebuild")], [("water", 3)]),
    # a type-like road among road names is a name; roads listed before 等街道 are streets; the
    # five 街路 counted keep the two not named (其余 2 of 5)
    ("共拓宽改造了市区中心大街、青松街、白石街五条街路，完成红枫路等街道公共照明修缮。",
     [("白石街", "road_rebuild"), ("红枫路", "road_rebuild"), ("青松街", "road_rebuild"),
      ("市区中心大街", "road_rebuild")], [("road_rebuild", 2)]),
    # hills listed before works on them (综合治理) are places of works; farm-produce malls and
    # water diversions are named places
    ("实施青松山、白石西山、红枫河综合治理工程，建设白石现代农贸城，推进滇中引水工程建设。",
     [("白石现代农贸城", "market"), ("白石西山", "area"), ("红枫河", "water"), ("青松山", "area"),
      ("滇中引水", "water")], []),
    # a city exit on a coded road (国道312线东出口) is a section of it; city exits are counted;
    # ring roads by number (南三环); a road moved (东移)
    ("对国道312线东出口、青松公路等5个出城口进行改造，南三环开工，国道107东移。",
     [("南三环", "road_new"), ("国道107", "road_rebuild"), ("国道312线东出口", "road_rebuild"),
      ("青松公路", "road_rebuild")], [("road_rebuild", 3)]),
    # a coded road with a section and a length is one named road of that size; a count right after
    # a road code is its length
    ("随着省道327线青白交界段4公里改建工程圆满收官，改造G309线10公里。",
     [("G309线", "road_rebuild"), ("省道327线青白交界段", "road_rebuild")], []),
    # a network laid along a river is named by the river; two roads joined by a dash are the
    # stretch between them; a ward of a hospital building is part of the hospital
    ("对青松河污水截流管网进行改造，对青松路—白石路、红枫路—青檀路等路段污水管网进行改建，"
     "建设县医院综合楼疗区。",
     [("县医院综合楼疗区", "health"), ("红枫路—青檀路", "road_rebuild"), ("青松河", "utility"),
      ("青松路—白石路", "road_rebuild")], []),
    # green belts are counted
    ("完成了49条道路、5条绿带的绿化。", [], [("park", 5), ("road_greening", 49)]),
    # a quoted name before a head is a name (“甬川”桥); a quoted kind is none (“老旧散”小区); a road
    # opened new (新开) or made to flow (畅通); an estate's housing named with its type; all of a type
    ("入城干道、“青松”桥、白石大桥等项目快速推进，改造“老旧散”小区。红枫路新开工程，青檀街畅通示范工程，"
     "青松嘉园保障性住房项目开工建设，白石新区所有路建设完工。",
     [("“青松”桥", "bridge"), ("白石大桥", "bridge"), ("红枫路", "road_new"), ("青松嘉园保障性住房", "area"),
      ("青檀街", "road_rebuild")], []),
    # a reporter's name in a byline and words of speech (感慨道, 绕路) are no places
    ("本报讯(记者青松江)为切实解决出城口道路问题。出租车司机白石感慨道，“以前过黄河得绕路，现在红枫黄河大桥建成。”",
     [("红枫黄河大桥", "bridge")], []),
    # forum junk between lines: a stray bracket (r( k) encloses no range lines on, and a letter
    # and digit in it (S0 l() is no road code
    ("* p/ {) b& x! R8 r( k 一、教育项目$ N3 {7 w- a G\n新建青松中学学生宿舍楼1栋;\n"
     "\" S0 l( Q& f1 J3 W) 改造白石小学校舍消防设施; ) L( f%",
     [("白石小学", "school"), ("青松中学学生宿舍楼", "school")], []),
    # named communities are places; a bracketed range may say 到; the roads a new road meets
    # (西接, 东止) or joins (连接起来), and those it relieves (分流), are context; this road is none
    ("实施了首山镇的青松社区、白石社区共54栋老旧楼的维修改造工程，改造中心城区完整社区。"
     "红枫线(青松村到白石村)道路全程5公里。",
     [("白石社区", "area"), ("红枫线(青松村到白石村)", "road_rebuild"), ("青松社区", "area")], []),
    ("青檀路全长2328米，西接青松路，东止白石街，把红枫路、白桦路以及青岭路连接起来，将有效分流青峰大道的交通压力。"
     "特别盼着这条路开通。",
     [("青檀路", "road_rebuild")], []),
    # a road named by the place it serves (青松二村道路, 白石口道路二期) is a name; a type before 道路
    # (内部, 安置点, 森林防火应急) or a road type among names (城区道路) is none; a hospital rebuilt
    # elsewhere (异地新建), a maternity clinic (妇保院) listed, a river crossing (过江通道)
    ("青松二村道路、白石口道路二期扩建、城区道路和红枫路改造，要加快内部道路建设，建设森林防火应急道路35公里。"
     "青松区医院异地新建项目，新中医院、妇保院实现封顶，白石过江通道建设正式开工。",
     [("白石口道路二期", "road_rebuild"), ("白石过江通道", "bridge"), ("妇保院", "health"),
      ("红枫路", "road_rebuild"), ("新中医院", "health"), ("青松二村道路", "road_rebuild"),
      ("青松区医院", "health")], []),
    # a headline's gap between a name and its works
    ("青松大道 年底通车", [("青松大道", "road_new")], []),
    # a supply line is named by the places it joins; a county's roads (青松县公路) and all the
    # banner's roads (全旗公路) are types, a road to a town (白石镇公路) is a name
    ("青松水库至白石口岸供水工程建成投用，推进青松县公路和全旗公路建设，新建白石镇公路。",
     [("白石镇公路", "road_new"), ("青松水库至白石口岸供水工程", "utility")], []),
    # an official's name (副省长王路) and what a site borders (西临) are context; 随着 and 主要有 end a
    # stem; named flats (公寓); a hospital's service building (业务用房) is the hospital's; 区长 inside
    # 片区长岗 is no title
    ("随着青松广场建成，省政府副省长王路出席仪式，白石景区建设，西临红枫路。主要有青岭综合保税区(一期)建设。"
     "青松公寓、白石公寓相继开工建设，青檀旗人民医院业务用房建成，武鸣片区长岗大道东段已通车。",
     [("武鸣片区长岗大道东段", "road_new"), ("白石公寓", "area"), ("白石景区", "park"),
      ("青岭综合保税区(一期)", "area"), ("青松公寓", "area"), ("青松广场", "park"),
      ("青檀旗人民医院", "health")], []),
    # a road's other name in brackets is kept with it; a bracket after a name closes it, whatever
    # part of the site follows (活动场地)
    ("青岭大路(北部快速路)计划开工，红枫路(旧白石路)升级改造，青松小学(东区)活动场地修缮。",
     [("红枫路(旧白石路)", "road_rebuild"), ("青岭大路(北部快速路)", "road_new"), ("青松小学(东区)", "school")], []),
    # a pipe crossing a bridge and the places a route passes are context; a size (60班, 500床) is no name
    ("输气管道已穿越青山河大桥，沿线经过白石渔港、红枫码头。", [], []),
    ("新建60班九年制学校一所，建设500床医院。", [], [("school", 1)]),
    ("新建24班青山小学和20米宽白石绿道。", [("白石绿道", "park"), ("青山小学", "school")], []),
    # roads listed by the places they join before a count with no 等; passenger lines, link roads
    # and intercity rail named by their ends; a line number after 轨道交通 is its code
    ("开工建设青山至白石、红枫至青岭、白石湖环线东段3条高等级公路。",
     [("白石湖环线东段", "road_new"), ("红枫至青岭", "road_new"), ("青山至白石", "road_new")], []),
    ("完成沪青铁路客运专线和东过境高速青山联络线建设，推进青山至白石轨道交通和轨道交通2号线建设。",
     [("东过境高速青山联络线", "road_new"), ("沪青铁路客运专线", "rail"), ("轨道交通2号线", "rail"),
      ("青山至白石轨道交通", "rail")], []),
    # lifts added to footbridges (加装) are works on them; the roads around a station are one project
    ("青山路人行天桥、白石路人行天桥加装电梯，推进高铁青山站周边配套道路建设。",
     [("白石路人行天桥", "bridge"), ("青山路人行天桥", "bridge"), ("高铁青山站周边配套道路", "road_new")], []),
    # a network in an area is named with the area; one along a road is named by the road
    ("完成老城片区排水管网和白石新区排水系统建设，改造青山路给水管网。",
     [("白石新区排水系统", "utility"), ("老城片区排水管网", "utility"), ("青山路", "utility")], []),
    # facilities a district has one of, built by a works verb, also after 和 (the tagger keeps them);
    # a ship lock's capacity works (改扩能); a sightseeing belt
    ("建成规划展览馆和大剧院，建设园博园。",
     [("园博园", "park"), ("大剧院", "culture"), ("规划展览馆", "culture")], []),
    ("加快青山船闸改扩能工程建设，建设白石区滨江文化休闲观光带。",
     [("白石区滨江文化休闲观光带", "park"), ("青山船闸", "transport")], []),
    # an intercity road named by its code and ends (244国道A至B一级公路); works soon (尽快开工); an
    # express road (快线, not a bus 公交快线); an expressway's stretch turned into a city street
    ("确保青白高速尽快开工，做好244国道青山至白石一级公路前期工作，推进青白快线建设，开通公交快线3条，"
     "实施青岭高速市区段市政化改造。",
     [("244国道青山至白石一级公路", "road_rebuild"), ("青岭高速市区段", "road_rebuild"),
      ("青白快线", "road_new"), ("青白高速", "road_new")], []),
    # a street named by a verb-like word (建设路, 开放大道) at a clause start or after a verb; a
    # one-character name with 和 after the conjunction 和 (德和路和仁和路)
    ("建设路改造完成。开放大道开工建设，平安大道、德和路和仁和路升级改造。",
     [("仁和路", "road_rebuild"), ("平安大道", "road_rebuild"), ("开放大道", "road_new"), ("建设路", "road_rebuild"),
      ("德和路", "road_rebuild")], []),
    ("实施道路改造，提升村容村貌。", [], []),
    # a date is no part of a name; what a line passes or lies next to is context; an ordinal
    # (第一个) does not end a list item
    ("2014年8月16日青白铁路建成通车。其间穿过青山铁路桥，紧临白石体育中心。", [("青白铁路", "rail")], []),
    ("推进青山开发区第一个保障性住房建设项目、白石汽车客运站项目。",
     [("白石汽车客运站", "transport")], [("area", 1)]),
    # 沿 before a road and a range is the preposition (沿江快速路 is a name); a junction of two
    # roads joined by a dash, the first without its 路
    ("基本完成沿青山路至白石立交桥下道路、建成沿江快速路，改造海滨-黄山路口。",
     [("沿江快速路", "road_new"), ("海滨-黄山路口", "road_rebuild"), ("青山路至白石立交桥下道路", "road_rebuild")], []),
    # a structure where two roads meet is named by both; roads named 东通道/第二通道 and a port's 疏港通道
    ("海新路与翁角路立交加快推进，推进青山路与白石路人行天桥建设。",
     [("海新路与翁角路立交", "bridge"), ("青山路与白石路人行天桥", "bridge")], []),
    ("建设第二东通道、青山湾第二通道(一期)和白石疏港通道，打造绿色通道。",
     [("白石疏港通道", "road_new"), ("第二东通道", "road_new"), ("青山湾第二通道(一期)", "road_new")], []),
    # a facility a district has one of, with its works after it; named again by its bare type, it is
    # the same project
    ("规划展览馆工程已竣工投入使用。", [("规划展览馆", "culture")], []),
    ("青山区文化馆修缮加固工程。文化馆加固修缮工程竣工后，将消除安全隐患。", [("青山区文化馆", "culture")], []),
    # a road code written before a county road's name is part of it; an extension (延伸工程) a section
    ("完成G321青岭线升级改造工程，实施白石东路延伸工程。",
     [("G321青岭线", "road_rebuild"), ("白石东路延伸", "road_new")], []),
    # a verb before a road's directional ending (建设北路) is the road's name, not a stop
    ("12.青山区建设北路西棚户区", [("青山区建设北路西棚户区", "area")], []),
    # a conjunction right after a place opens no name (和整村: no village)
    ("城中村和整村改造工作进展顺利。", [], []),
    # 原 ending a place's name (中原, 九原) before its head is the name's
    ("中原大道建设加快推进，九原小区改造完成。", [("中原大道", "road_new"), ("九原小区", "area")], []),
    # parts named only by a direction (西区, 北区) are parts of the place before them, no places
    ("青山小区东区、西区和白石二期南区、北区4个安置小区已全面开工建设。",
     [("白石二期南区", "area"), ("青山小区东区", "area")], []),
    # a list before a counted type is its members when a description follows (总占地)
    ("青山、白石、红枫二期3个安置小区总占地295亩。",
     [("白石", "area"), ("红枫二期", "area"), ("青山", "area")], []),
    # a count followed by a longer noun (现代化教育建设项目) counts that noun, not the name before it
    ("青山学校、白石中学38个现代化教育建设项目竣工投用。",
     [("白石中学", "school"), ("青山学校", "school")], [("project", 38)]),
    # kindergartens named by a number (十三幼); a crossing's way ends before a verb (位于)
    ("推进十五小、十三幼建设。青山路下穿U槽段位于白石路与红枫路交叉处。",
     [("十三幼", "school"), ("十五小", "school")], []),
    # adverbs (早, 快) between a name and its works
    ("推动青山过江通道早开工，争取白石高速快实施。",
     [("白石高速", "road_rebuild"), ("青山过江通道", "bridge")], []),
    # a follower that is the start of a longer head (消防 of 消防站) does not end the name
    ("建设青山中心消防站。", [("青山中心消防站", "utility")], []),
    # a count inside a stem, a few describing words, then a type: a counted group
    ("打通中心城区4条关键卡口道路。", [], [("road_new", 4)]),
    # 年均 opens no name
    ("年均公路建设规模达240公里，白石电站建成投产。", [("白石电站", "utility")], []),
    # a waterway (航道) named by its river is a project; the bare type is none
    ("青河航道疏浚和白石航道开通全面推进，加快高等级航道建设。",
     [("白石航道", "water"), ("青河航道", "water")], []),
    # verbs of living, seeing and feeling (家住, 感受, 观看) make context
    ("“这回好了”家住青山小区的居民说。体验团感受白石绿地，亲身观看红枫站。",
     [], []),
    # a word ending in 线 (底线) is no county road; a head that ends an action (开港) names nothing
    ("守住底线，青山新港即将开港运营。", [("青山新港", "area")], []),
    # a quote closed before a stem ends it, unless it quotes a short name
    ("打造“绿水青山”白石示范带，建设“知宇”口袋公园，治理”“青山河。",
     [("“知宇”口袋公园", "park"), ("青山河", "water")], []),
    # temples (庙) are heritage; a locator word after a place of another kind locates that place
    # only, not the roads listed before it; a count after 有; a road named along the side of the
    # place before it is named by both (城区一河两岸沿河路, as the gold of real4/tonggu has it)
    ("东城墙和泰山庙、财神庙等修复工程完成。新增青山路、白石大道、城区一河两岸沿河路等地515盏路灯。"
     "其中政府投资市政道路有15条。",
     [("东城墙", "culture"), ("城区一河两岸沿河路", "road_rebuild"), ("泰山庙", "culture"), ("白石大道", "road_rebuild"),
      ("财神庙", "culture"), ("青山路", "road_rebuild")], [("road_rebuild", 15)]),
    # a count before a type followed by 选址 (site selection), and counted village sites
    ("改水冲公厕的5座公厕选址已完成，建设16个美丽乡村点。", [], [("sanitation", 5), ("village", 16)]),
    # 和 right after 的 opens a word (和谐); a list item after 和 does not open with a verb (建设路)
    ("民生清单中的和谐公园、南山公园已开放，建设青年路和建设路。和美公园、白石公园开放。",
     [("南山公园", "park"), ("和美公园", "park"), ("和谐公园", "park"), ("建设路", "road_new"),
      ("白石公园", "park"), ("青年路", "road_new")], []),
    # a road's lanes described after its name (双向六车道); adverbs of order (先后) before works;
    # passing bays counted
    ("启动南北七号路双向六车道建设，青山游园、白石游园先后开工建设，新建错车道50处。",
     [("南北七号路", "road_new"), ("白石游园", "park"), ("青山游园", "park")], [("road_new", 50)]),
    # another name of a facility in brackets is part of it (not a two-character part: 奉浦大桥(西桥));
    # 再建 opens no name; a structure topped out (结构封顶) has works
    ("白石五幼项目已结构封顶，再建青山北街、白石路两座跨河桥，红枫医院(区人民医院)改扩建。",
     [("白石五幼", "school"), ("白石路", "road_rebuild"), ("红枫医院(区人民医院)", "health"),
      ("青山北街", "road_rebuild")], []),
    # press verbs (关注, 上榜, 挖掘, 受, 随) open no name and make context; 就业 is a word, not 就
    ("关注青山新区绿道，白石县上榜国家水利风景区，受红枫水利枢纽影响，建设就业见习基地。",
     [("就业见习基地", "area")], []),
    # former residences (旧居) are heritage; a terminal rising (拔地而起) has works; reduplicated
    # measure words (一幢幢) are vague; dams counted (闸坝)
    ("青山旧居和白石旧居修缮工程竣工，T3航站楼拔地而起，一幢幢高楼大厦拔地而起，建成11座翻板闸坝。",
     [("T3航站楼", "transport"), ("白石旧居", "culture"), ("青山旧居", "culture")], [("water", 11)]),
    # a road named by its two ends in prose, with 的 before its type, is one road named by the
    # ends (not the two villages); ends that are generic name none
    ("这是青山镇黄岭村到白石镇红枫村的道路改造工程，从国道205线到白石村的公路改造拓宽，从城区到乡村的道路更加通畅。",
     [("国道205线到白石村", "road_rebuild"), ("青山镇黄岭村到白石镇红枫村", "road_rebuild")], []),
    # 是 never opens a name (是双桥); 成立, 非物质文化遗产, 途径 and 蝶变 open none; 人均 is generic;
    # a year's batch (2023年度) is no part of a name
    ("是双桥两镇百姓出行的主要通道，成立就业孵化基地，建成非物质文化遗产青山技艺馆，途径白石村，"
     "废弃坑塘蝶变生态公园，人均公共绿地增加，实施2023年度红枫小区改造。",
     [("就业孵化基地", "area"), ("红枫小区", "area"), ("青山技艺馆", "culture")], []),
    # items listed before a type of products' bases (农产品基地) are products, not places; 这条 and
    # 该县 open no name
    ("该县建成中药材、烤烟等万亩农产品基地10个，这条绕城公路建成后，该县投入公路建设资金。",
     [("绕城公路", "road_new")], [("area", 10)]),
    # the places a facility serves, in brackets after it, are context; so are industries listed
    # before a type of industries' area
    ("建成青山养老服务中心(覆盖白石、红枫、青岭社区)，打造节能环保、装备制造等主导产业集聚区。",
     [("青山养老服务中心", "welfare")], []),
    # pumping sluices (泵闸), green gardens (绿苑), commercial office buildings (商办楼); a main
    # structure finished (主体结构) is works on the place before it
    ("青山港泵闸工程开工，完成白石生态绿苑建设，红枫中心商办楼等项目开工，青岭客运中心站主体结构已基本完成。",
     [("白石生态绿苑", "park"), ("红枫中心商办楼", "commercial"), ("青山港泵闸", "water"),
      ("青岭客运中心站", "transport")], []),
    # a numbered provincial road before a county road's name is part of it; a road type in
    # apposition before a road's name is no part of it; a document title closed before a stem ends it
    ("改造了214省道青岭线，城市主干道青山大道改造，审议通过了《青山实施意见》《白石片区建设方案》。",
     [("214省道青岭线", "road_rebuild"), ("青山大道", "road_rebuild")], []),
    # travelling to (开往) and looking at (看着) a place make context; 大街小巷 and 通组 roads are types
    ("坐上开往老家青山县白石村的客车，看着青山湿地公园，硬化大街小巷，新建通组公路20公里。",
     [], [("road_new", 20)]),
    # a two-place abbreviation before a line's code is part of its name (锡澄S1); 同步 before works
    ("青白S1通车运营，加快红岭S6线建设，改造G309，青山站同步启用。",
     [("G309", "road_rebuild"), ("红岭S6线", "road_new"), ("青白S1", "road_new"), ("青山站", "transport")], []),
    # light rail lines (轻轨) are rail; a district's one stadium given works is a project; a session's
    # number (届) is no part of a name; demonstratives (该, 这一) open none
    ("青白轻轨建成通车，推进城南片区和体育场改造，学习十八届三中全会精神，三河这一公园建成。",
     [("体育场", "sports"), ("城南片区", "area"), ("青白轻轨", "rail")], []),
    # numbered sessions of a plenum listed (三中、四中、五中全会) are no schools; 坚持 opens no name;
    # a place named only by its side (北侧) is none
    ("深入学习十八届三中、四中、五中全会精神，坚持道路建设与管理并重，白石路北侧。",
     [], []),
    # characters that open place names are no stops (即墨, 驻马店, 含山, 指南, 受降, 安稳)
    ("修缮即墨古城，建设驻马店高铁站，新建含山县人民医院，建设指南村公路，建设受降城遗址公园，改造安稳大道。",
     [("受降城遗址公园", "park"), ("含山县人民医院", "health"), ("即墨古城", "area"), ("安稳大道", "road_rebuild"),
      ("指南村公路", "road_new"), ("驻马店高铁站", "rail")], []),
    # a section in brackets written before the head stays inside the name
    ("加快青山至白石(青山段)高速公路建设。", [("青山至白石(青山段)高速公路", "road_new")], []),
    # roads described by their state, surface or use are types, not names (青山马路 is one)
    ("改造破损道路、进出道路、石板道路和柏油马路，硬化村道，建设慢行步道和城市支路，改造青山马路。",
     [("青山马路", "road_rebuild")], []),
    ("改造一批老城区支路，打通杭州支路。", [("杭州支路", "road_new")], []),
    # parks, green spaces and areas described by their kind are types (青山湿地公园 is a name)
    ("新建街心公园、带状公园和小微绿地，打造亮点特色片区和现代化新区，建成青山湿地公园。",
     [("青山湿地公园", "park")], []),
    # verbs of help and reach (帮助, 构建, 直达, 迈入, 授予) end a name; a particle before 以
    # (构建了以…) is no name's first character
    ("帮助青川构建精神家园，线路串联起青山文化中心，可直达白石南站。", [("白石南站", "transport")], []),
    # places a route links (串联起) or a list of sights (旅游节点) are context, not works
    ("项目建成后，将串联起青山楼、白石塔以及南湖等众多旅游节点。", [], []),
    ("项目紧靠青山公园，距离白石站1公里，邻近红枫广场，车辆绕行青岭路。", [], []),
    ("构建了以兴业路、西安路为骨架的路网。", [("兴业路", "road_rebuild"), ("西安路", "road_rebuild")], []),
    # a route whose first place is long opens a list item; a route is never a road of speech (思)
    ("确保白石至红枫、青山镇景华村北帝山景区至思洪村公路等项目建成。",
     [("白石至红枫", "road_new"), ("青山镇景华村北帝山景区至思洪村公路", "road_new")], []),
    ("加快推进青山至白石、红枫至青岭等一批在建项目。", [("红枫至青岭", "road_rebuild"), ("青山至白石", "road_rebuild")], []),
    # a direction ending a place before 至 is no bound (浦北至北流清湾高速; 南至白杨路 is one)
    ("青浦北至北流清湾高速开工建设，该公园南至白杨路，北至青山路。", [("青浦北至北流清湾高速", "road_new")], []),
    # a road code with the two places of its stretch (no 段); a line's extension to the north-west
    ("推进国道210线青山高滩至白石界改造和轨道交通1号线西北延长线建设。",
     [("国道210线青山高滩至白石界", "road_rebuild"), ("轨道交通1号线西北延长线", "rail")], []),
    ("推进西河路北延长线建设。", [("西河路北延长线", "road_new")], []),
    # a road code with its stretch written with a dash; routes listed before a length of rural
    # access works (a decimal length; a length counts no members, and a list typed on its own is
    # no member of the next)
    ("加快推进S316青山-白石、G536红枫垅-青岭等项目建设。",
     [("G536红枫垅-青岭", "road_new"), ("S316青山-白石", "road_new")], []),
    ("实施马庙镇青山至白石等55.2公里自然村庄通达工程和红枫桥等4座危桥改造项目建设。",
     [("红枫桥", "bridge"), ("马庙镇青山至白石", "road_rebuild")], [("bridge", 3)]),
    ("新建青山路、白石路等3公里道路。", [("白石路", "road_new"), ("青山路", "road_new")], []),
    # projects under construction (在建, no 在 of place) and projects of a type counted after
    # 建设项目 are counted groups of the year's works
    ("全镇共有19个民生项目上马,在建项目15个。", [], [("project", 15), ("project", 19)]),
    # 被 and 纳入 end the noun phrase before them: projects counted there, a park named there
    ("8个项目被确定为民生实事项目,5个项目纳入省重点。", [], [("project", 5), ("project", 8)]),
    ("白石公园被列入省级示范公园。", [("白石公园", "park")], []),
    ("实施城市基础设施建设项目88个,完成老旧公厕改造9座。", [], [("project", 88), ("sanitation", 9)]),
    # a number before a head that is also a unit (道) counts things: dishes are no roads
    ("这里特产诱人,青山肉、白石面等243道“我家美食”让你垂涎欲滴。", [], []),
    ("完成青山区域内白石-红枫、红枫-青岭等路段大修。", [("白石-红枫", "road_rebuild"), ("红枫-青岭", "road_rebuild")], []),
    # 沿 after the river a name is along stays inside it
    ("建设青山河沿河景观长廊和白石江沿江公园。", [("白石江沿江公园", "park"), ("青山河沿河景观长廊", "park")], []),
    # a station's building (站房) is the station's works; a river a bridge spans is context
    ("盘青铁路白石南站站房建设现场，跨越青山河的重点项目——红枫大桥建成通车。",
     [("盘青铁路白石南站", "rail"), ("红枫大桥", "bridge")], []),
    # at (在) a project named with its own works, the project is no place of context; an exit of the
    # city in brackets stays with an interchange
    ("在青山路道路工程、白石第二小学建设项目现场，他听取汇报。青白高速红枫互通(北出城口)强力推进。",
     [("白石第二小学", "school"), ("青白高速红枫互通(北出城口)", "bridge"), ("青山路", "road_new")], []),
    # toll stations and bus hubs are heads, so the places listed before their count are members
    ("新建青山东、青山北2个收费站，推进朝阳、城南两个大型公交枢纽站建设。",
     [("城南", "transport"), ("朝阳", "transport"), ("青山东", "transport"), ("青山北", "transport")], []),
    # old residential compounds (老旧楼院) are a counted type
    ("完成老旧楼院维修改造40个，电梯加装245部。", [], [("area", 40)]),
    # a road named before 道路 is the project's name (道路 repeats its type)
    ("青山区红九路道路建设项目今日开工，白石大街和光明路道路改造。",
     [("光明路", "road_rebuild"), ("白石大街", "road_rebuild"), ("青山区红九路", "road_new")], []),
    # words of time, hearsay and meetings end a name; a village's hardened roads are a type
    ("届时青山公园将对外开放，听说有关白石路东延，市委召开红枫广场现场会，完成自然村硬底化道路50公里。",
     [("白石路东延", "road_new"), ("青山公园", "park")], [("road_rebuild", 50)]),
    # a slogan word before a lake names the lake (智慧湖公园; 智慧公园 is a type); inner lanes are a type
    ("加快推进智慧湖公园和智慧公园建设，维修改造城区60条内街小巷。", [("智慧湖公园", "park")], [("road_rebuild", 60)]),
    # a year's batch of a type is no name (青山县2022年白石片区 is named after the year)
    ("青山旗2020年棚户区改造项目开工，青山县2022年白石片区改造。", [("白石片区", "area")], []),
    # a road class before a length is no road code (县道185.857公里)
    ("通车总里程达2130公里，其中县道185.857公里、乡道46.5公里，改造县道185线。", [("县道185线", "road_rebuild")], []),
    # a highway service area is a place
    ("青山旗601服务区建设项目开工。", [("青山旗601服务区", "transport")], []),
    # added greenery (增绿) is greening works on a street
    ("基本建成青山街增绿提质改造项目。", [("青山街", "road_greening")], []),
    # routes listed by their ends before a route with an intercity head share that head
    ("加强红枫至青岭、白石至青山(白石段)、青山经红枫至白石高速公路施工建设。",
     [("白石至青山(白石段)", "road_rebuild"), ("红枫至青岭", "road_rebuild"),
      ("青山经红枫至白石高速公路", "road_rebuild")], []),
    # what lies along or around a place is named by it with its own head (风光带, 辅道, 小区);
    # a type's surroundings (学校周边道路) are no name, the one 火车站 of a town is
    ("实施青江两岸风光带提质改造，新建白石大道两侧辅道，改造红枫市场周边小区、学校周边道路和火车站周边旧屋区。",
     [("火车站周边旧屋区", "area"), ("白石大道两侧辅道", "road_new"), ("红枫市场周边小区", "area"),
      ("青江两岸风光带", "park")], []),
    # adverbs in a row before the works (正 加快 推进) end a name, also with no action after them
    ("白石高速正加快推进,青山大道正加快建设,红枫路、白石路均已完工。",
     [("白石路", "road_rebuild"), ("白石高速", "road_rebuild"), ("红枫路", "road_rebuild"),
      ("青山大道", "road_new")], []),
    # a stem says what a building is (妇女儿童活动中心, 一中教学大楼); a bare 教学综合楼 is a type
    ("开工市妇女儿童活动中心二期、青山一中教学大楼,建设白石学校一栋教学综合楼。",
     [("白石学校", "school"), ("青山一中教学大楼", "school"), ("市妇女儿童活动中心二期", "culture")], []),
    # a jurisdiction written before a road's name lengthens its stem (not a type's: 重要农村公路)
    ("青山经济开发区白石路西延东段工程9月通车,改造青山市重要农村公路。",
     [("青山经济开发区白石路西延东段", "road_new")], []),
    # 奥体中心 is a sports venue; a road extended both ways (东西延伸线) is one project
    ("配合实施奥体中心、青山大道改造,确保白石大道东西延伸线通车。",
     [("奥体中心", "sports"), ("白石大道东西延伸线", "road_new"), ("青山大道", "road_rebuild")], []),
    # a demonstrative or 共 between a list and its count ends the last item
    ("改造青山路、白石路、红枫路这3条道路,新建青山街、白石街共2条道路。",
     [("白石街", "road_new"), ("白石路", "road_rebuild"), ("红枫路", "road_rebuild"), ("青山街", "road_new"),
      ("青山路", "road_rebuild")], []),
    # a river's 江 opening a street's name (江城大街) takes no stretch: the street does
    ("江城大街白石街至二号桥段将半幅封闭,进行路面摊铺施工。", [("江城大街白石街至二号桥段", "road_rebuild")], []),
    # PPP before 项目 ends a name
    ("青山公园PPP项目续建工程。", [("青山公园", "park")], []),
    # intercity rail written 城际 (a bulleted line of a project list); village culture yards are
    # counted; a mine hill before its restoration works is the place
    ("●青白城际\n●青红城际白石段\n建成5个乡村文化大院,实施青石岭矿山环境恢复治理项目。",
     [("青白城际", "rail"), ("青石岭矿山", "area"), ("青红城际白石段", "rail")], [("culture", 5)]),
    # verbs of prose (形成, 突出, 使得, 兼顾) and words ending in 线 or 互通 that name no place
    ("将使县城形成一环、三纵的交通格局,突出街头游园建设,使得居民生活品质直线提升,有的还兼顾停车场功能,"
     "聚焦设施互通。我市建造青山大桥的目的是完善路网。", [("青山大桥", "bridge")], []),
    # a named place, then a type of its kind again (危桥, 校舍, 断头路): the place is the project;
    # a kindergarten's new site (新园) is a school
    ("实施青石线白河桥危桥拆除重建,建设青山小学校舍及附属设施,打通白石市金河西路断头路,开工建设市实验幼儿园新园。",
     [("市实验幼儿园新园", "school"), ("白石市金河西路", "road_new"), ("青山小学", "school"),
      ("青石线白河桥", "bridge")], []),
    # ... also after generic words (文化馆公共文化场馆); a road type is no name (镇域主干道相关路段)
    ("实施青山区文化馆公共文化场馆服务功能提升项目,基本实现镇域主干道相关路段安防工程全覆盖。",
     [("青山区文化馆", "culture")], []),
    # a caption names the project it shows (效果图); a sub-project of a named facility is it;
    # 附小 is a school; a 服务站 is what its stem says (殡仪, 党群: welfare), else no project
    ("(青山公园效果图)由市博物馆子项目组成。其芳小学、青中附小建成投用,白池殡仪服务站建成,建设党群服务站3个,"
     "建设企业服务站。",
     [("白池殡仪服务站", "welfare"), ("青中附小", "school"), ("其芳小学", "school"), ("市博物馆", "culture"),
      ("青山公园", "park")], [("welfare", 3)]),
    # one character between 了 and 和 is a name's (打通了共和路); parks named 生态园/观光园; a
    # vocational school (职中); parking garages and viewing platforms are counted; 进展 ends a name
    ("打通了共和路、兴平南路,贯通百泉生态园、月季观光园,区职中迁建项目启动,新建12个地下存车场、观景平台13个,"
     "青山高速白石段进展顺利。",
     [("共和路", "road_new"), ("兴平南路", "road_new"), ("区职中", "school"), ("月季观光园", "park"),
      ("百泉生态园", "park"), ("青山高速白石段", "road_rebuild")], [("park", 13), ("transport", 12)]),
    # the press visiting a works site (走进…施工现场) is at a project; a member counted with its
    # group (包括…在内的8个公园); a street's facade (立面) and a railway's 适应性改造 are works
    ("日前,走进青山二十小扩建项目施工现场。青山市包括长者公园在内的8个新建公园集中开园。"
     "启动雄石路、建设大道立面亮化工程,推进白山铁路适应性改造。",
     [("建设大道", "road_rebuild"), ("白山铁路", "rail"), ("长者公园", "park"), ("雄石路", "road_rebuild"),
      ("青山二十小", "school")], [("park", 7)]),
    # a visit to the works site of a list (来到A厂、B公园等项目建设现场) is at those projects; a
    # visit to places without works stays context
    ("调研组先后来到城东污水处理厂、滨江公园等项目建设现场。随后来到青山社区、白石社区,看望群众。",
     [("城东污水处理厂", "utility"), ("滨江公园", "park")], []),
    # a body visiting (调研组, 考察团) is no verb of context; a named project visited (视察X项目)
    # is a project; places a delegation only visits (参观) stay context
    ("调研组实地察看了东湖学校项目。县长视察白石医院项目。考察团参观了青山公园、白石湖湿地。",
     [("东湖学校", "school"), ("白石医院", "health")], []),
    # a name quoted whole (加快“青山湖公园”建设) is the name without its quotes; a quoted
    # programme's title (“四好农村路”, “两横三纵”) stays a type
    ("加快“青山湖公园”建设,启动“滨江学校”改扩建。实施“四好农村路”建设,完善“两横三纵”路网。",
     [("青山湖公园", "park"), ("滨江学校", "school")], []),
    # a quoted road name with its section after the closing quote is one name, quotes and all;
    # a phase after the quotes is the project's (“青山”二期)
    ("“青松大道”白石段建成通车,新建“红枫大道”。",
     [("“青松大道”白石段", "road_new"), ("红枫大道", "road_new")], []),
    # routes listed by their two ends before a route with the head take the verb before the list
    # (they had none: road_rebuild by default); a town the route ends at is no river (白江), and a
    # one-character stop before a place and 至 is the place's first character (沿山)
    ("计划建成沿山至白江、沿山至红枫高速公路。",
     [("沿山至白江", "road_new"), ("沿山至红枫高速公路", "road_new")], []),
    # one character between a verb and 将 makes a name with it (飞将广场: the member was lost
    # while the group counted it apart); after a word of its own 将 is the preposition (已将…)
    ("推进青将广场建设等4个项目。已将白石街大修工程列入计划。",
     [("青将广场", "park"), ("白石街", "road_rebuild")], [("project", 3)]),
    # 及 ending a verb (涉及) is no list separator (工程共涉 was a name)
    ("青山大道改造工程共涉及青松、白石等五个站点。",
     [("白石", "transport"), ("青山大道", "road_rebuild"), ("青松", "transport")], [("transport", 3)]),
    # villages named for their stream renewed as neighbourhoods are areas (they were rivers); the
    # streams themselves stay water
    ("实施王家河、李家沟城中村改造。治理青山河。",
     [("李家沟", "area"), ("王家河", "area"), ("青山河", "water")], []),
    # heritage buildings listed before their class (等文保建筑, 等重点文保单位) with works on the
    # building itself (本体修缮) are projects, whatever their own head (住宅, 当铺, 堂)
    ("还将修缮程氏住宅、同泰当铺等文保建筑。实施三槐堂、世德堂等重点文保单位本体修缮工程。",
     [("三槐堂", "culture"), ("世德堂", "culture"), ("同泰当铺", "culture"), ("程氏住宅", "culture")], []),
    # facilities visited whose works the visitors inspect are works sites (实地查看工程建设进展);
    # places visited to learn of something else stay context
    ("局长深入青山小学东校区、长江路小学等学校,实地查看工程建设进展。记者走访白石中学,了解学生午餐情况。"
     "在市一中东部校区,区领导详细了解施工进度。在红星小学,区领导了解学生午餐情况。",
     [("市一中东部校区", "school"), ("青山小学东校区", "school"), ("长江路小学", "school")], []),
    # a 文体活动中心 (a centre for culture and sports) is a culture facility like a 文化活动中心
    ("建成白石文体活动中心,改造青山文化活动中心。",
     [("白石文体活动中心", "culture"), ("青山文化活动中心", "culture")], []),
    # 翻新 (refurbish) is works, no part of the name after it; 乡间 (country) types a road like 乡村
    ("翻新金河公园的大门,乡间路翻新完成。", [("金河公园", "park")], []),
    # a count followed by what the things counted come to (8座计956延长米) still counts them
    ("新建改建桥梁8座计956.02延长米,改造青山路。", [("青山路", "road_rebuild")], [("bridge", 8)]),
    # 和美乡村 (a programme's villages) opens no name: its 和 is no conjunction (美乡村道路 was named)
    ("实施和美乡村道路建设项目,改造和美路。", [("和美路", "road_rebuild")], []),
    # 多条 (several) before a road head is a quantity, no name (青山路及多条支路绿化)
    ("开展青山路及多条支路绿化品质提升工程,改造白石路和多条道路。",
     [("白石路", "road_rebuild"), ("青山路", "road_greening")], []),
    # places given as examples of a kind (以A、B等为代表的旅游) are context; one standing for a
    # counted group of works (以A为代表的园区128个) is one of them
    ("全县重点开发以青山森林公园、白石水库等为代表的山水生态旅游,建成以红枫休闲园为代表的农业观光园区128个。",
     [("红枫休闲园", "park")], [("area", 128)]),
    # a school named by its number alone right after a works verb is kept (the tagger dropped 62中)
    ("年内建成62中、青松街小学。", [("62中", "school"), ("青松街小学", "school")], []),
    # 不再 (no longer) is no part of a name (零工等活不再“站马路”: a road named 零工)
    ("让务工人员等活不再“站马路”,让群众不再走泥巴路。", [], []),
    # places a road makes easier to reach (方便A社区、B小学群众的出行) are context; 方便面 (a firm's
    # product) is no such verb
    ("红枫路建成后可以极大方便青松社区、金河小学群众的出行,引入玉米方便面等项目12个。",
     [("红枫路", "road_new")], [("project", 12)]),
    # places or roads listed before a bare school or clinic head are named with it (青松路小学), the
    # pinyin a page inserted after the head left out (紅楓崗小學)
    ("新建青松路、白石岗等小学,扩建红枫、青龙等卫生院。",
     [("白石岗小学", "school"), ("红枫卫生院", "health"), ("青松路小学", "school"), ("青龙卫生院", "health")], []),
    ("新建五小、紅楓崗等小學(xué)。", [("五小", "school"), ("紅楓崗小學", "school")], []),
    # 综合整理 (comprehensive regulation) is works like 综合整治
    ("白石河流域河口段水环境综合整理工程(一期)同步开工。", [("白石河流域河口段", "water")], []),
    # a route visited for its expansion's progress (调研G8高速公路扩容项目进展) is the works' site
    ("县委书记实地调研G8高速公路扩容项目进展。", [("G8高速公路", "road_rebuild")], []),
    # a round size of 亩 after a name describes the place, it counts none (一个千亩大湖 is no name)
    ("今年完成白鹭千亩公园改造升级,打造青龙潭万亩田园综合体。",
     [("白鹭千亩公园", "park"), ("青龙潭万亩田园综合体", "commercial")], []),
    # a verb that overlaps the one before it is no verb (启动建北巷: 启动, then 建北巷, not 动建)
    ("启动建北巷、柳家巷路灯亮化工程。", [("建北巷", "road_rebuild"), ("柳家巷", "road_rebuild")], []),
    # a school type after a distinctive name names one school; after generic words or a
    # jurisdiction it stays a type (农村中小学5所, 青山县中小学)
    ("新建金鹭城中小学,城东区清泉路中小学计划年底完工,改造农村中小学5所,青山县中小学建成。",
     [("城东区清泉路中小学", "school"), ("金鹭城中小学", "school")], [("school", 5)]),
    # a kind of network listed after kinds (供水、燃气、消防管网) is a kind too, no name; a named
    # network in a list of roads stays one
    ("同步实施供水、燃气、消防管网等基础设施升级,实施雨水、污水、中水管网改造,改造青松路、金沙管网。",
     [("青松路", "road_rebuild"), ("金沙管网", "utility")], []),
    # a junction written 交界处 is one place, as 交汇处 (a park built at one: the junction is context)
    ("改造金鹭路与清泉路交界处,在青松路与白石路交界处新建公园。", [("金鹭路与清泉路交界处", "road_rebuild")], []),
    # a hill's ecological treatment, barren-hill greening and slope repair name the hill
    ("实施金鹭山生态综合治理,完成青峰山荒山绿化150亩、白鹭山山体修复。",
     [("白鹭山", "area"), ("金鹭山", "area"), ("青峰山", "area")], []),
    # a place in brackets after a generic zone is what the zone stands for, no alias of a name
    ("实施老城区(金鹭片区)雨污分流改造。", [("老城区(金鹭片区)", "area")], []),
    # a month or day just written joins nothing by 和: the 和 after it opens a name (和平大街 was
    # named 平大街, 和菱快速干道 nothing)
    ("3月和平大街完成改造。12月8日和顺路建成通车。",
     [("和平大街", "road_rebuild"), ("和顺路", "road_new")], []),
    # a conjunction joins no bare estate head: 和 right before 园, 家园, 苑 is the name's (金星和园四期 was
    # nothing, 金星 and 园四期 being cut apart at 和)
    ("建成青松和园四期、白石和苑、红枫和家园。",
     [("白石和苑", "area"), ("红枫和家园", "area"), ("青松和园四期", "park")], []),
    # a brand before a middle dot is part of a name too short without it (海拓·和家园, 明珠国际·金街 were
    # nothing: the dot ended a stem of one character)
    ("建设青松·白苑,开放明湖国际·金街。", [("明湖国际·金街", "road_rebuild"), ("青松·白苑", "area")], []),
    # an ordinal after a short name of its own is inside the name (高屏第二條快速道路 was named
    # 快速道路); after a jurisdiction, or the first of a kind, it ranks one of a type
    ("加快建设青湖第二条快速道路,建成全县第二条跨江大桥。", [("青湖第二条快速道路", "road_new")], [("bridge", 1)]),
    # inclusive parks (共融式) and the trunk roads of a county's parts (东西部经济干线) are types
    ("建设共融式特色公园,推进东西部经济干线公路建设。", [], []),
    # a terminal building (航站大樓) and a swimming pool are facilities
    ("新建白石机场航站大楼,改建青松游泳池。", [("白石机场航站大楼", "transport"), ("青松游泳池", "sports")], []),
    # 闢建 (辟建: to open and build, of Taiwan's roads) is a verb of new works, no part of a name
    ("闢建青松路、白石公園。", [("白石公園", "park"), ("青松路", "road_new")], []),
    # officials who attend or preside over a ceremony (出席, 主持, 参加) are no part of the name of
    # the project it opens (县长出席青松公园 was a park)
    ("县长出席青松公园开工仪式,市长主持白石小学新建动土典礼。", [("白石小学", "school"), ("青松公园", "park")], []),
    # a delegate's proposal titled by the works it asks for (《…硬化工程》的建议) names them, as one
    # titled 《关于…的建议》 does; a document's title stays context
    ("你们提出了《青松路硬化工程》的建议。印发《白石公园改造方案》的通知。", [("青松路", "road_rebuild")], []),
    # 给予 (to grant) is a verb before a name, no part of it (关于给予A至B公路改扩建的提案 named nothing)
    ("你们提出的《关于给予青松至白石公路改扩建的提案》已交由我局办理。", [("青松至白石公路", "road_rebuild")], []),
    # a route's short name in brackets after its two ends (A至B(AB线)公路) is read past, kept in
    # the name (a long second end lost the route)
    ("改扩建青松至白石三章田(青白线)公路。", [("青松至白石三章田(青白线)公路", "road_rebuild")], []),
    # 捷运 (Taiwan's word for a metro) names a rail line (大新竹輕軌捷運 was lost)
    ("推动白石捷运建设,新建大青松轻轨捷运。", [("大青松轻轨捷运", "rail"), ("白石捷运", "rail")], []),
    # a route's course after 经 (起于A,经B、C至D) is context: its last stretch is no road of its own
    ("新建青松快速路,起于白石路,经红枫镇、青湖乡至G15高速,全长20公里。", [("青松快速路", "road_new")], []),
    # a verb of works opening its clause (maybe after a time or an adverb) takes a name opening with
    # 和 (和平快速路 was named 平快速路); after another verb 和 joins two works (搬迁新建和县医院改扩建)
    ("新建和平快速路。今年改造和顺东路。实施青山医院搬迁新建和县医院改扩建工程。",
     [("县医院", "health"), ("和平快速路", "road_new"), ("和顺东路", "road_rebuild"), ("青山医院", "health")], []),
    # teachers going to a school (赴) and places a plan relies on that close their clause
    # (依托A老街、B花园,搭建…) are context; a place relied on with its own works, or in a list typed
    # by works (等新建商业载体), is a project
    ("3月2日,白石县青松中学骨干教师赴金河中学交流。依托青松古街、红枫广场,打造夜间经济街区。依托白鹭产业园建设,提升承载能力。"
     "依托金河建材等新建商业载体,打造商务楼宇。",
     [("白鹭产业园", "area"), ("金河建材", "commercial")], []),
    # a road's stretch within a place's bounds (S12青山境内) is a section like 青山段
    ("此次开工的项目包括S12青山境内改造工程、白石110KV输变电工程等3个基础设施项目。",
     [("S12青山境内", "road_rebuild"), ("白石110KV输变电工程", "utility")], [("project", 1)]),
    # a substation written short (青山变) is one with a voltage, another listed or a project after it;
    # 变 as a word (蝶变, 穷则变, 变成) is none
    ("开工建设青山变、白石变项目,实施110千伏红枫变1#主变改造工程。城市实现华丽蝶变,穷则变、变则通,石山变成绿山。",
     [("110千伏红枫变", "utility"), ("白石变", "utility"), ("青山变", "utility")], []),
    # river flats (滩地) are water places (渦河口灘地環境整治 named nothing)
    ("城关圈堤生态绿化、青河口滩地环境整治进展顺利。", [("城关圈堤", "water"), ("青河口滩地", "water")], []),
    # an art academy written short (美院) is a school
    ("加快推进白石美院及配套道路、青山小学等项目建设。", [("白石美院", "school"), ("青山小学", "school")], []),
    # a list closed by a count of townships names townships (龙庙 of 3个乡镇 is no temple); a facility
    # after the count types the list instead (3个乡镇卫生院)
    ("青松、白石、金庙3个乡镇纳入城市圈。洛塘、两水、红枫3个乡镇卫生院完成改造。",
     [("两水", "health"), ("洛塘", "health"), ("红枫", "health")], []),
    # roads a new road crosses (与A、B交叉), also when an item is a coded road, are partners; the
    # 交叉 of a junction head (A路与B路交叉口) is none
    ("新建青山大道北延线,路线沿规划方向行进,与省道S306、白石西路延伸线交叉,止于红河路。",
     [("青山大道北延线", "road_new")], []),
    # a trunk road (干道) named by the places it joins is a road, as a 公路 is; a city's 干道 is a type
    ("实施青山经白石至红河干道、白石至绿水干道等12个交通项目,建设一条重要城市干道。",
     [("白石至绿水干道", "road_rebuild"), ("青山经白石至红河干道", "road_rebuild")], [("road_rebuild", 10)]),
    # a 实事 list counted as 事项 or 任务 is a count of projects; in 为民办实事事项 ("items of practical
    # things for the people") 为 opens no clause (十项为民办实事全面完成 stays a review's phrase)
    ("青山市开工建设一批体育、文化和交通改造等16项为民办实事事项,选定10项区级民生实事任务。十项为民办实事全面完成。",
     [], [("project", 10), ("project", 16)]),
    # where a route is described (起于, 止于), a clause opening with 经 (or 又经) names the places it
    # passes: context, no part of a name; 经二路 and 经开区 are names
    ("新建青山大道北延线,路线起于红河镇,又经白石220KV变电站与南丰镇之间穿越,止于绿水路。改造经二路,建设经开区青松路。",
     [("经二路", "road_rebuild"), ("经开区青松路", "road_new"), ("青山大道北延线", "road_new")], []),
    # a riverside promenade (风情岸线) is a park, as a 风光带 is
    ("建成青山公园、白石花谷、白鹭风情岸线。",
     [("白石花谷", "park"), ("白鹭风情岸线", "park"), ("青山公园", "park")], []),
    # paving (铺路) is works on the road before it, no part of its name
    ("放眼全市,青山大道正式通车、白石大道铺路正酣、红河大道稳步推进。",
     [("白石大道", "road_rebuild"), ("红河大道", "road_rebuild"), ("青山大道", "road_new")], []),
    # what lies at a corner of a site or next to it (东北角是, 隔壁是, 对面是) is its neighbour: context
    ("新建红河小学美景路校区,它的东北角是青山市人民医院白石院区,对面是白石公园。",
     [("红河小学美景路校区", "school")], []),
    # villages whose plans are compiled (A村、B村等8个村已编制完成) have no works, nor does their count
    ("截至目前,青山村、白石村、红河村等8个村已编制完成并获批入库,绿水村、金沙村等10个村编制完成。", [], []),
    # items that name their own works (A小学改扩建项目、B中学新建项目等12个项目) still close a
    # counted list: the rest of the count is a group
    ("其中,青山二小新建项目(二期)、白石小学改扩建项目、红河中学新建项目等12个项目续建。",
     [("白石小学", "school"), ("红河中学", "school"), ("青山二小", "school")], [("school", 10)]),
    # the municipal roads of a cluster district (组团市政道路) are a road named by it; 组团 alone
    # (组团式帮扶, 功能组团) names no area
    ("加快推进白石立交、青山组团市政道路及附属工程等项目,深化医疗人才组团式帮扶。",
     [("白石立交", "bridge"), ("青山组团市政道路", "road_rebuild")], []),
    # a link road (连接路) and a southern link line (南连接线) are no verb of connecting: the places
    # listed with them are not what a verb connects
    ("城市路桥行动——构建便捷的交通网络,包括白石溪城市桥梁及连接路工程、青山广场人行天桥等,让市民出行更加顺畅。",
     [("青山广场人行天桥", "bridge")], []),
    # (东绕城, a bypass a direction opens, is a road: headfit.cued)
    ("完成东绕城、南连接线高速公路(经开区段)综合整治工程。",
     [("东绕城", "road_rebuild"), ("南连接线高速公路(经开区段)", "road_rebuild")], []),
    # where a route's ends are described, a list after 经 filling its clause is its course, however
    # short its first name (经新寨、…、李家湾,终点…)
    ("白石至青山公路全长56公里,起于白石镇街上,经新寨、凹子、狸猥、尖山、小补雨、马路破、箐脚、羊祭山、李家湾、新华、小水井,终点青山坪寨。",
     [("白石至青山公路", "road_rebuild")], []),
    # a street named by a verb's word (建设路) after the town it is in is named whole; a town's
    # networks and lamps (全市建设路网, 青山区新建路灯) are no street
    ("青山县建设路改造完工,实施白石市建设路西段改扩建工程,全市建设路网加快完善,青山区新建路灯300盏。",
     [("白石市建设路西段", "road_rebuild"), ("青山县建设路", "road_rebuild")], []),
    # a wholesale city (批发城) is a market; a refuse compacting transfer station a sanitation works
    ("5月19日,启动建设白石物流园青山商品批发城项目,新建青山镇垃圾压缩中转站。",
     [("白石物流园青山商品批发城", "market"), ("青山镇垃圾压缩中转站", "sanitation")], []),
    # the uses a building is put to (使用功能包括…) are rooms of it, no facilities of their own
    ("青山文化中心建成投用,实际使用功能包括综合展览馆、图书馆、档案馆、科技馆、美术馆、文化馆、老年大学及市民中心。",
     [("青山文化中心", "culture")], []),
    # a zone named for its bureau or office (建设局, 管理办公室, 办事处) is context, as for 管委会
    ("青山高新区建设局局长表示,白石产业园管理办公室和青松街道办事处将全力推进新建红河路。",
     [("红河路", "road_new")], []),
    # the old estates of a station or a works (东站老旧小区, 鞋厂老旧小区) keep 老旧小区 in their name:
    # the owner is no dwelling place; an estate's own renewal (匡山小区老旧小区改造) names the estate
    ("推进青山东站老旧小区改造,实施白石鞋厂老旧小区改造和匡山小区老旧小区改造。",
     [("白石鞋厂老旧小区", "area"), ("匡山小区", "area"), ("青山东站老旧小区", "area")], []),
    # firms moving into a park (入驻, 进驻) are none of its name
    ("吸引30家企业入驻白石产业园,推动企业进驻青山科技园。",
     [("白石产业园", "area"), ("青山科技园", "area")], []),
    # a zone named for its authority (管委会) is context
    ("白石小学项目位于青山高新区(柳林新区)普曲路以西。下一步,青山高新区(柳林新区)管委会社会事业局将始终关注工程的质量和安全。",
     [("白石小学", "school")], []),
    # a place holding an event, with no works said, is its host (a list of links under a page)
    ("- 白石新区李家镇小学举行清明祭扫活动 2014-04-06 13:01:47\n- 青山县举行白石大道开工仪式 2014-04-05 10:00:00",
     [("白石大道", "road_new")], []),
    # a facility moved and enlarged (迁扩建) ends its name as its works do
    ("白石社会福利院迁扩建等项目列入计划,青松县人民医院迁扩建一期投入使用。",
     [("白石社会福利院", "welfare"), ("青松县人民医院", "health")], []),
    # a facility whose plaque is unveiled (为A揭牌) is opened: its name ends before 揭牌
    ("随后,县领导共同为青松实验中学揭牌。", [("青松实验中学", "school")], []),
    # a stretch from a landmark to a road written with a dash (A桥——B路路段) is one road, as with
    # 至; after a road a dash stays none of its name (a heading's A路—B段)
    ("区住建局积极推进青松北路白石桥——红河北路路段改造。",
     [("青松北路白石桥——红河北路路段", "road_rebuild")], []),
    # a project's progress to date (累计完成投资, 累计完成工程量) ends its name as its works do
    ("青松城际铁路累计完成工程量的30%,白石湖大桥累计完成投资2亿元。",
     [("白石湖大桥", "bridge"), ("青松城际铁路", "rail")], []),
    # a count listed before the length of what it counts (13条、32.4公里水系) is the group's count
    ("完成13条、32.4公里水系整治,拓宽9条、20公里城区道路。", [], [("road_rebuild", 9), ("water", 13)]),
    # a 市民学校 (a community's classes for residents) is a programme, not a school site
    ("完成白石社区菜市场配套建设、市民学校修缮改造。", [("白石社区菜市场", "market")], []),
    # what a project's works involve (A涉及管线迁改) follows its name: the name ends there
    ("红河北路涉及管线迁改,已完成招标。白石湖大桥涉及航道改造的部分已开工。",
     [("白石湖大桥", "bridge"), ("红河北路", "road_rebuild")], []),
    # works done on a part of a named place (A对B进行改造) are the place's: its name ends before 对
    ("白石中学对科创中心进行改造,投资320万元。青松县人民医院对门诊楼进行提升改造。",
     [("白石中学", "school"), ("青松县人民医院", "health")], []),
    # a widened name stopping inside a bracket at another place's head (where the works are) ends
    # before the bracket
    ("建成青松路延伸段(东山小学门前)道路。", [("青松路延伸段", "road_new")], []),
    # a reservoir's resettlement area (移民区) and a water conservation area (水源涵养区) are places
    ("加快白鹤水库移民区建设,实施青龙河水源涵养区生态修复。",
     [("白鹤水库移民区", "area"), ("青龙河水源涵养区", "water")], []),
    # roads at the province border (省界公路) are a class of roads like 县乡公路, no name
    ("完成县乡公路和省界公路改造,新建出省通道和省界公路3条。", [], [("road_rebuild", 3)]),
    # types written one after another right after a jurisdiction (县中小学幼儿园) are its schools, no
    # school; after another name (大学附属) they name one
    ("实施青山县中小学幼儿园基础设施提升改造项目,建成白石大学附属中小学幼儿园。",
     [("白石大学附属中小学幼儿园", "school")], []),
    # 幸福河湖 and 美丽河湖 are programmes of river works: the river's name is the project's, and the
    # programme alone names none (it is counted: 幸福河湖5条)
    ("完成青龙河幸福河湖工程建设,推进白石溪美丽河湖建设,创建幸福河湖5条。",
     [("白石溪", "water"), ("青龙河", "water")], [("water", 5)]),
    # the water body (水体) of a gully is the part of it the works are on, like its 水环境
    ("推进白沙沟、腊树沟水体综合整治。", [("白沙沟", "water"), ("腊树沟", "water")], []),
    # a type before a name in brackets that ends like it (安置小区(锦苑小区)) is none of the name
    ("棚户区改造安置小区(锦苑小区)总投资1.65亿元,建有住宅楼8栋。", [("锦苑小区", "area")], []),
    # the sights a route strings together are context (将沿线A、B等景点串联,); places whose works
    # come first stay projects
    ("将青山线、白石路升级改造为三级公路,将沿线青山森林公园、白石风景区、红枫寺、绿湖等景点串联,带动乡村旅游。",
     [("白石路", "road_rebuild"), ("青山线", "road_rebuild")], []),
    # places named for their residents' needs (解决A小区、B村区域居民入学问题) and a school's catchment
    # are context; the school whose works come first stays a project
    ("新建青山小学,解决青山小区、红枫村、绿水村区域居民子女入学问题。", [("青山小学", "school")], []),
    ("新建青山小学,\n解决青山小区、红枫村、绿水村区域\n居民入学问题。", [("青山小学", "school")], []),
    ("白石小学今年的招生范围为青山村的房产,包括金湖花城、红枫小区、绿水大厦、青松小区。", [], []),
    # roads passing through a project's site, or with an exit there, are context
    ("国道G358线和省道S341线贯穿项目所在地,青山高速在项目所在地设有出入口。", [], []),
    # 的 closes a list of roads before their count (A路、B路、C路的3条农村道路): all are members; towns
    # before 的 and a count of roads locate them
    ("将青山路、白石路、红枫路的3条农村道路升级改造为三级公路,贯通青山镇、白石镇的2条干道建成。",
     [("白石路", "road_rebuild"), ("红枫路", "road_rebuild"), ("青山路", "road_rebuild")], [("road_new", 2)]),
    # facilities visited are works sites when the next sentence inspects works at each (每到一处)
    ("县长先后来到县第三人民医院、白石中学等地调研。每到一处,详细了解项目建设进展。",
     [("县第三人民医院", "health"), ("白石中学", "school")], []),
    ("县长先后来到县第三人民医院、白石中学等地调研。每到一处,详细了解学生就餐情况。", [], []),
    # with no works in the sentence, places given as examples of a place's surroundings (周边…如A、B等)
    # or listed as lying there are context; works around a place keep the places listed
    ("青山新城周边的高速公路网络发达,如青松高速、白石高速等,使得出行便捷。青山一中、白石中学等知名学校均位于新城周边。",
     [], []),
    ("实施青山公园周边道路改造,包括青松路、白石路等。",
     [("白石路", "road_rebuild"), ("青山公园周边道路", "road_rebuild"), ("青松路", "road_rebuild")], []),
    # what a place is to become, listed after 成为, are roles, no projects
    ("建成后将成为青山县中心城区的金融中心、科教文化中心、智慧城市管理服务中心。", [], []),
    # a road's junctions with two listed roads locate what is built there (A与B、C交叉口游园): the
    # roads are no projects of their own
    ("打造青松路与白石大街、红枫大街交叉口街角游园5处,新建金河公园。", [("金河公园", "park")], [("park", 5)]),
    # a page's links to other pieces under a heading alone on its line (推荐阅读:): the places of
    # their headlines are theirs, up to the next line of prose
    ("今年新建金河公园。\n\n推荐阅读:\n\n青山县:白石公园“倩影”初现 预计春节前开园\n\n红枫市:劳模主题公园将于年内开工\n"
     "\n改造青松路,全长3公里,年底完工。",
     [("金河公园", "park"), ("青松路", "road_rebuild")], []),
    # the same under a heading a page wrote with pinyin inserted after its characters (相關(guān)新聞:)
    ("今年新建金河公園。\n\n相關(guān)新聞:\n\n白石高鐵開通 青山聯(lián)通4G信號實現(xiàn)全覆蓋\n\n"
     "改造青松路,全長3公里,年底完工。",
     [("金河公園", "park"), ("青松路", "road_rebuild")], []),
    # street vending on roads (A路、B街占道经营) is no works on them; 占道 is no road's head
    ("整治青松路、白石街占道经营,改造红枫路。", [("红枫路", "road_rebuild")], []),
    # what is banned (取缔A路马路市场) is no project, and 取缔 no part of a name
    ("取缔青山路马路市场,新建白石农贸市场。", [("白石农贸市场", "market")], []),
    # a college moved to a new site (异地新建, 移址新建) is the works' object, as one built in place
    ("推进青山职业技术学院异地新建,改造白石路。", [("白石路", "road_rebuild"), ("青山职业技术学院", "school")], []),
    # a green island (绿岛: a planted traffic island or plot) is a park, no island area
    ("打造青山绿岛,新建白石游园。", [("白石游园", "park"), ("青山绿岛", "park")], []),
    # 审批 (approved) opens no name: the approved renewal of urban villages is a type
    ("实施已审批城中村(棚户区)改造项目征迁扫尾行动,新建白石公园。", [("白石公园", "park")], []),
    # a site's menu items above its trail of sections (当前位置: 首页 > 新闻) are no projects
    ("• 问政河北\n  • 青山湖\n  • 白石山风景区\n当前位置: 新闻\n\n新建红枫公园。", [("红枫公园", "park")], []),
    # a clause compiling plans and ending with them (编制了…等旅游区和12个小区的控制性详细规划) names
    # the places planned, no projects
    ("编制了《青山县总体规划》、卫星白石山等休闲旅游区和城区内12个小区的控制性详细规划,新建红枫路。",
     [("红枫路", "road_new")], []),
    # a road named after a body over a word that is no place (邮电路 over 电路): a road; circuits
    # (电路改造) stay none
    ("推进邮电路、青松街改造,实施老旧小区电路改造。", [("邮电路", "road_rebuild"), ("青松街", "road_rebuild")], []),
    # 小街小巷 (lanes) is a road type, as 背街小巷: no name
    ("今年改造背街小巷30条。小街小巷改造工程进展顺利。", [], [("road_rebuild", 30)]),
    # a 和 inside a name: a conjunction joins no one-character name (和平小学) to a short word with no head
    ("包括建设白石古店小学教学综合楼、白石新和小学教学楼、青岭和平小学校舍及附属设施、坝下中心小学教学楼等项目。",
     [("坝下中心小学教学楼", "school"), ("白石古店小学教学综合楼", "school"), ("白石新和小学教学楼", "school"),
      ("青岭和平小学", "school")], []),
    # near a route's start or end, the places it passes (经A、B北侧) are its course, with no 至 after them
    ("该路起于青山镇白石村,经青山镇政府、青山卫生院、青山中学北侧,然后往西沿山侧布线至红岭,终点位于东坪。", [], []),
    # bus lines named by their numbers (15路、22路等3条公交线路) are no roads
    ("完成15路、22路、9路等3条公交车线路延伸优化。", [], []),
    # works on a thing inside one park after 在 make the park their site
    ("在青松公园建设儿童健身苑1座。", [("青松公园", "park")], []),
    # a counted group is no member of the count after it, and the town before that count is where it lies
    ("完成白石镇11个小区、青山街道21个小区雨污分流改造。", [], [("area", 11), ("area", 21)]),
    # a place's sewage works (污水处理工程) are a project like its sewage plant
    ("项目分别是青山镇污水处理工程,白石居污水处理工程。",
     [("白石居污水处理工程", "utility"), ("青山镇污水处理工程", "utility")], []),
    # the particle 着 written 著 (Traditional text the converter keeps) ends a verb like 着 (隨著, 期盼著)
    ("市民更期盼著白石大道早日打通。", [("白石大道", "road_new")], []),
    # a village's road (白石村道) is named by its village; bare or typed, 村道 is a type
    ("完成白石村道、青岭村道的升级改造,硬化村道20公里。", [("白石村道", "road_rebuild"), ("青岭村道", "road_rebuild")],
     [("road_rebuild", 20)]),
    # 多个 is a vague quantity (多个商住小区: some compounds of a type); 典型村 is a model village, a type
    ("拉动了周边建设,多个商住小区拔地而起。", [], []),
    ("将典型村建设、青松公园建设列为十件民生实事。", [("青松公园", "park")], [("project", 10)]),
    # a building named after a follower (主体业务楼) is the facility's, one name with it
    ("青山县人民医院门诊大楼、白石县中医院主体业务楼等设施建成投入使用。",
     [("白石县中医院主体业务楼", "health"), ("青山县人民医院门诊大楼", "health")], []),
    # a road class named by the range of its section, with no code (省道青山至白石段) is one road
    ("改造省道青松至白石段,完成县道红岭至东坪段大修。",
     [("县道红岭至东坪段", "road_rebuild"), ("省道青松至白石段", "road_rebuild")], []),
    # 各 before a count gives the type listed before it that count (变电站各2座: two substations)
    ("建成公厕和垃圾转运站各3座,扩建110千伏、35千伏变电站各2座。", [], [("sanitation", 3), ("utility", 2)]),
    # one character between 市/县/区 and 和 is a name's (县人和中学); 市区, 县城 are words
    ("推进市太和医院东院区、县人和中学建设,改造市区和县城道路。",
     [("县人和中学", "school"), ("市太和医院东院区", "health")], []),
    # a grain reserve's central depot is a place; box culverts are water works counted by type
    ("建设青山粮食物资中心库,新建雨水箱涵3处。", [("青山粮食物资中心库", "utility")], [("water", 3)]),
    # places whose needs a project meets (满足了…等周边社区的需求) are its context
    ("完成青松街、纬二路建设,满足了红枫小学及白石花园等周边社区的需求。",
     [("纬二路", "road_new"), ("青松街", "road_new")], []),
    # 水质净化 is works on the river named before it; a purification plant keeps its 净化
    ("实施青山河下游主河道水质净化工程,新建白石净化水厂。",
     [("白石净化水厂", "utility"), ("青山河下游主河道", "water")], []),
    # a road and what it crosses name the bridge (桥梁 is otherwise a type)
    ("建设青山路跨白石河桥梁及引道工程,完成老旧桥梁安全检测。", [("青山路跨白石河桥梁", "bridge")], []),
    # a section between two roads joined by 和 (莲湖路东风大道和后官湖大道段) is one stretch of the road
    ("青山路白石大道和黄河大道段路面破损不堪,已列入维修计划。",
     [("青山路白石大道和黄河大道段", "road_rebuild")], []),
    # 处在 locates a place like 位于 and 处于: the places where a footpath lies are context
    ("经查,便道处在青山公园、长江社区、黄河社区三地交界处。今年新建白石路。",
     [("白石路", "road_new")], []),
    # a place whose number of projects grows or shrinks is described (白石片区建设项目逐渐增多)
    ("随着经济的发展,白石片区建设项目逐渐增多,今年改造青山路。待以后白石片区工程建设项目减少时再全面改造升级。",
     [("青山路", "road_rebuild")], []),
    # a place said to be land of some use is described (青山河东岸为城市绿化用地)
    ("经核实,青山河东岸为城市绿化用地,目前不具备实施条件。今年新建白石路。",
     [("白石路", "road_new")], []),
    # a footpath joining two places (连接便道) is a link road named by both its ends
    ("今年新建长江村至青山村连接便道。", [("长江村至青山村连接便道", "road_new")], []),
    # 待 (once ...) opens no name: the works waited for are on the place after it
    ("青山大道二期通过交工验收,待西湖路衔接段打通后实现全线贯通。",
     [("西湖路衔接段", "road_new"), ("青山大道二期", "road_rebuild")], []),
    # an amount ends the name on its left, with or without 元, and the verb it pays for (建) is no part of it
    ("青山县投800万元建白石公园,年底完工。", [("白石公园", "park")], []),
    # a street named by a works verb (建设大街) heading its own paragraph: the tagger's reading of a verb does not drop it
    ("建设大街(惠民路-果园路)\n该路段全长594米。目前,已建成通车。", [("建设大街(惠民路-果园路)", "road_rebuild")], []),
    # a corner quote opened inside a stem and closed after the works opens the name: the place before
    # it is where the works are (東鄉「白石路道路拓寬工程」)
    ("次長出席青山縣東鄉「白石路道路拓寬工程動土典禮」。", [("白石路", "road_rebuild")], []),
    # 陪同 and 会勘 are verbs: the people listed before them (由乡长王某、议员李某等人陪同会勘) are no
    # places of the roads inspected
    ("縣長17日由鄉長王大明、縣議員李小華、趙四等人陪同會勘多處道路,並同意改善。", [], []),
    # a road's traffic relieved, in a clause of its own after the verb (纾缓…,白石路的交通壅塞情形), is
    # context
    ("新建青松路,預計可有效紓緩尖峰時間,紅楓國小附近,白石路的交通壅塞情形。", [("青松路", "road_new")], []),
    # 巡视 is a verb of a visit, as 视察: the communities and school visited are context
    ("縣長9月1日上午親自巡視督導,在鄉長陪同下,巡視青山社區守望相助隊、白石社區、紅楓國小、青松社區等。", [], []),
    # a dated headline's day (112-03-15) is no part of the name the tagger widens a rule name to
    ("112-03-15 改善白石鄉道路 完善158線自行車道\n\n112-03-15 改善白石鄉道路 完善158線自行車道",
     [("白石鄉道路", "road_rebuild")], []),
    # 景观亭 (a park's pavilion) is a head: pavilions added are counted
    ("通過項目的契機,增添2個景觀亭,提升了環境層次。", [], [("park", 2)]),
    # a round of works (新一轮) opens the name after it and is no part of it
    ("今年实施了新一轮城市游园提升改造,完成新一轮青松路改造。", [("青松路", "road_rebuild")], []),
    # a manner of building (下沉式, 压缩式) before a type names a kind of it, no place
    ("新建下沉式广场和白石广场,配套建设压缩式垃圾转运站。", [("白石广场", "park")], []),
    # a series of a brand (“白石”系列学校) is its schools, no one place
    ("着力打造青松“白石”系列学校,建成白石小学。", [("白石小学", "school")], []),
    # street spots (街点) landscaped are counted like pocket gardens
    ("总投资1.17亿元,对城市8条道路和11个街点的景观进行优化提升。", [], [("park", 11), ("road_rebuild", 8)]),
    # pinyin a page inserts with a space before its closing bracket (樂(lè )) is inserted pinyin
    ("新建白石區樂(lè )山路等市政設施。", [("白石區樂(lè)山路", "road_new")], []),
    # a road's head alone (延长线 after 白石桥及) is a type of the place before it, no name
    ("市区内的道路项目也掀起了一个新的高潮,白石桥及延长线、青松大道跨铁路立交桥等工程相继实施。",
     [("白石桥", "bridge"), ("青松大道跨铁路立交桥", "bridge")], []),
    # a phase right after works on a name is the works' phase: the name ends before the works
    ("听取东风路步行街改造提升二期规划。", [("东风路步行街", "commercial")], []),
    # 旧改 (renewal of an old quarter) is works on an area, like 棚改
    ("启动红星街旧改项目和青松路片区改造。", [("红星街", "area"), ("青松路片区", "area")], []),
    # a place before a locator word and 的 only says where a later project of the clause lies
    ("青山区公示了两个城市更新项目,包括白鹭公园旁的金鱼街旧改项目。", [("金鱼街", "area")], [("project", 2)]),
    # the members of a list typed as many kinds (等各种体育设施) are the kinds a project holds
    ("青松湖体育公园计划合理分类设置游泳馆、羽毛球馆、网球馆、室内冰场、足球场等各种体育设施。", [], []),
    # so are the members of a list typed as a class of facilities (等文娱场馆, 等便民设施) named only by the
    # people they serve (老年活动中心), also when the tagger names the member (农民公园)
    ("白石体育公园项目还设置文创工作室、老年活动中心、儿童成长中心等文娱场馆。", [("白石体育公园", "park")], []),
    ("青山镇新建改建农贸市场、公共厕所、农民公园、停车场等一大批便民设施。", [], []),
    # no range of a section opens with a conjunction: 和 after a road joins a second road or section
    ("完成白石路和青松路至金河路段改造,建成红枫公路和国道320线青山至白石段。",
     [("国道320线青山至白石段", "road_new"), ("白石路", "road_rebuild"), ("红枫公路", "road_new"),
      ("青松路至金河路段", "road_rebuild")], []),
    # a road between two counties (青山县至白石旗公路) is named by them, unlike a county's roads (青松县公路)
    ("今年开工建设青山县至白石旗公路,改造青松县公路和金河县至红枫县的公路。",
     [("金河县至红枫县", "road_rebuild"), ("青山县至白石旗公路", "road_new")], []),
    # a verb word before a street that names a community (新建街社区) is the street's name, as 建设北路
    ("完成新建街社区康乐小区和建设路社区红枫小区改造。",
     [("建设路社区红枫小区", "area"), ("新建街社区康乐小区", "area")], []),
    # a rural road type (产业路, 水泥路) after two places joined by 至 is a route named by them, as 油路
    ("新建青山至白石产业路,建成红枫村至金河村水泥路和青松旅游路。",
     [("红枫村至金河村水泥路", "road_new"), ("青山至白石产业路", "road_new"), ("青松旅游路", "road_new")], []),
    # an autonomous jurisdiction's long name before a name (…族自治旗白石镇第二小学) does not count to its length
    ("新建青松达斡尔族鄂温克族自治旗白石镇第二小学,改造红枫保安族东乡族自治县金河综合康养中心。",
     [("红枫保安族东乡族自治县金河综合康养中心", "welfare"), ("青松达斡尔族鄂温克族自治旗白石镇第二小学", "school")], []),
    # a visit's list that ends at works sites (等重点工程现场) names works sites, past an item that
    # is no name and breaks the list (城北周边和…地块)
    ("县长一行分别来到青山大剧院、白石路、钟鼓楼文化广场、东关遗址公园、金沙泵站、城北周边和杨柳庙征迁地块、青山县体育中心等重点工程现场,询问工程进度。",
     [("东关遗址公园", "park"), ("杨柳庙征迁地块", "area"), ("白石路", "road_rebuild"), ("金沙泵站", "utility"),
      ("钟鼓楼文化广场", "culture"), ("青山县体育中心", "sports"), ("青山大剧院", "culture")], []),
    # a contractor's 我公司 opens no name; an independent (boarding, full-time) school is a kind of one
    ("副市长到我公司东湖学校项目考察调研。规划总投资1.5亿元,新建一所独立初级中学。",
     [("东湖学校", "school")], [("school", 1)]),
    # a centre (base) of practice education is a school, however long the stem before it
    ("开工的有青山市中小学生综合实践教育中心、白石县研学实践教育基地等项目。",
     [("白石县研学实践教育基地", "school"), ("青山市中小学生综合实践教育中心", "school")], []),
    # works before 后的 were done on the place named after it (建成后的…, 改造提升后的…)
    ("建成后的青山东环线与白石大道相连。改造提升后的东湖县城北环路焕然一新。",
     [("东湖县城北环路", "road_rebuild"), ("青山东环线", "road_new")], []),
    # with no works said in the clause, a visit's list ending at works sites (等重点建设现场) still names them
    ("代表们深入青山体育中心项目、白石职教中心东校区在建工程以及东湖文娱中心等重点建设现场。",
     [("白石职教中心东校区", "school"), ("青山体育中心", "sports")], []),
    # a road joined on to another by a project (西接…工程) is named by both, as 东延至… is
    ("实施青山路北接白石大道工程、东湖路西接金沙路工程。",
     [("东湖路西接金沙路", "road_rebuild"), ("青山路北接白石大道", "road_rebuild")], []),
    # a title governs only the names right after it (副区长王江), no places later in its clause
    ("当天,副区长王江先后实地查看了青山中学、白石大道峡口段等重点项目。",
     [("白石大道峡口段", "road_rebuild"), ("青山中学", "school")], []),
    ("随后,副县长王江为青松实验中学揭牌。", [("青松实验中学", "school")], []),
    # leaders named after their title are persons (县领导李华桥), and what a district 坐拥 is its scenery
    ("全体代表视察了新建成的青山县人民医院和白石公园。县领导李华桥、王海涛参加视察。",
     [("白石公园", "park"), ("青山县人民医院", "health")], []),
    ("新区坐拥青河、白水河、东湖湿地等丰富水系,新建滨河公园。", [("滨河公园", "park")], []),
    # a place visited at the site of its works named by two works verbs is that project
    ("代表们来到青山镇中小学改造建设项目现场。", [("青山镇中小学", "school")], []),
    # a list's works site named by its field (等市政建设现场, 等城市建设现场: no cities) makes its places projects
    ("代表们先后深入青山路、白石公园等市政建设现场。", [("白石公园", "park"), ("青山路", "road_new")], []),
    # bare places listed right after the list's verb share the head of the water facility named by
    # the last (白沙、青岸灌区: 白沙灌区); after a verb of no works (把…连成一片) they are context
    ("实施兴隆、东风水库除险加固,推进白沙、青岸灌区现代化改造,把石山、牛山、柳湾水库连成一片。",
     [("东风水库", "water"), ("兴隆水库", "water"), ("青岸灌区", "water"), ("白沙灌区", "water")], []),
    # (also where the list opens a clause and the works follow it; a size word before the head is no place)
    ("推进两河贯通建设,石庄、青河灌区现代化改造,完成白塘、平东小流域综合治理。",
     [("平东小流域", "water"), ("石庄灌区", "water"), ("青河灌区", "water")], []),
    # (plants named for the places they serve too, a village among them; not networks, works on kinds)
    ("完成青村、白石港围、乐山、青龙污水处理厂建设,维修更换路灯、疏通排水管网。",
     [("乐山污水处理厂", "utility"), ("白石港围污水处理厂", "utility"), ("青村污水处理厂", "utility"),
      ("青龙污水处理厂", "utility")], []),
    # a plant's capacity before generic words or a manner of build (100兆瓦分散式) names no plant;
    # a voltage before a place's name stays in the name
    ("建成20万千瓦光伏电站,实施100兆瓦分散式风力发电项目,建设110千伏青山变电站。",
     [("110千伏青山变电站", "utility")], []),
    # captions in a row (…效果图 和林格尔…效果图): a conjunction joins nothing over a space, 和 opens the name
    ("青松中学效果图 和林格尔新区特勤消防站效果图", [("和林格尔新区特勤消防站", "utility"), ("青松中学", "school")], []),
    # 抓紧 (press on with) is a verb before a name, no part of it; 高速路 alone is a kind of road
    ("抓紧青山水库等工程建设,抓紧高速路建设。", [("青山水库", "water")], []),
    ("代表们先后深入青山路、白石公园等城市建设现场,详细了解了城市建设重点项目情况。",
     [("白石公园", "park"), ("青山路", "road_new")], []),
    # protection works (防护, 安全防护) follow a river's name as its embankments' do
    ("白石河防护工程完工,七星河流域石门至白沙段安全防护工程汛前投用。",
     [("七星河流域石门至白沙段", "water"), ("白石河", "water")], []),
    # a role after 成为…的 is one when a repost spaces its opening quote (的 “连心桥”)
    ("下一步,要让代表成为联系群众的 “连心桥”、推动发展的 “排头兵”,新建的 “白石公园”投入使用。",
     [("白石公园", "park")], []),
    # works words of Taiwan's county news (整建, 汰換更新, 環境美化) end a name as other works do, and
    # 補助 (a county's grant) opens none
    ("縣府補助白石國小整建、青山村排水溝汰換更新及綠湖社區環境美化工程。",
     [("白石國小", "school"), ("綠湖社區", "area"), ("青山村排水溝", "utility")], []),
    # places visited (會勘, 踏勘, 视察) in a list closed as projects (等兩件基層建設案, 等3个重点项目)
    # are the projects visited, not context
    ("縣長會勘青山國小、白石村文正巷排水溝整建等兩件基層建設案,聽取簡報。",
     [("白石村文正巷排水溝", "utility"), ("青山國小", "school")], []),
    ("县长踏勘青松小学、白石村卫生室等3个重点项目。", [("白石村卫生室", "health"), ("青松小学", "school")],
     [("health", 1)]),
    # village works verbs (修葺, 埋设, 黑化, 修通, 破土动工) are works: they end a name and govern one
    ("今年完成白石祠修葺、青山村污水管网埋设和青松公路黑化,修通红枫村道,白石小学正式破土动工。",
     [("白石小学", "school"), ("白石祠", "culture"), ("红枫村道", "road_new"), ("青山村污水管网", "utility"),
      ("青松公路", "road_rebuild")], []),
    # a visit's list closed by the projects it names (等民生实事项目, 等在建项目点位) is of projects
    ("督查组先后来到青山小学、白石公园、东湖路等民生实事项目。",
     [("东湖路", "road_rebuild"), ("白石公园", "park"), ("青山小学", "school")], []),
    # a road or park visited where works are inspected is a works site, as a facility is (a village stays context)
    ("调研组先后来到青山路、东湖公园、白石村等地,实地查看项目建设进展。",
     [("东湖公园", "park"), ("青山路", "road_rebuild")], []),
    # a place word after 等 that works follow (等区域新建) says where; the count is of the works' object
    ("同时,在景区、部分牧区、重要道路等区域新建基站42个。", [], [("utility", 42)]),
    # a water main (自來水管線, 給水管線, 供水管线) is a utility, named by the place it serves
    ("完成青山村簡易自來水管線汰換更新及白石路給水管線埋設,红枫新区二期供水管线建成。",
     [("白石路給水管線", "utility"), ("红枫新区二期供水管线", "utility"), ("青山村簡易自來水管線", "utility")], []),
    # 建設案 (Taiwan's word for a works project) counts projects as 项目 does; the two not named take the
    # list's category
    ("縣長會勘青山國小、白石村排水溝等四件基層建設案。",
     [("白石村排水溝", "utility"), ("青山國小", "school")], [("utility", 2)]),
    # a road's new surface (水泥硬化, 柏油化, 砼化, 沥青化) is works on it
    ("完成青山村道水泥硬化、白石路柏油化和红枫村组道路砼化,青松路沥青化改造完工。",
     [("白石路", "road_rebuild"), ("红枫村组道路", "road_rebuild"), ("青山村道", "road_rebuild"),
      ("青松路", "road_rebuild")], []),
    # a place a reporter walks into where works are seen going on (只见…正在紧张施工) is a works site
    ("走进青山县第二中学新校区,只见塔吊林立,工人们正在紧张施工。", [("青山县第二中学新校区", "school")], []),
    # visitors asking after the works (详细询问工程进度) inspect them, as 了解 does
    ("县长先后来到青山小学、白石公园,详细询问工程进度。", [("白石公园", "park"), ("青山小学", "school")], []),
    # two places (no roads) joined by 与 are two works objects: the tagger neither drops the
    # second as context nor reads the pair as one name (links and road junctions stay one)
    ("改造青山小学与白石中学。", [("白石中学", "school"), ("青山小学", "school")], []),
    ("实施青河与白石沟河综合治理工程。", [("白石沟河", "water"), ("青河", "water")], []),
    ("改造青山医院与白石中学。", [("白石中学", "school"), ("青山医院", "health")], []),
    # a common word ending in a cued head (裂变: a spin-off of firms) names no substation, whatever
    # project follows it, so the firms listed before it are no members of a utility type
    ("推进红星药业、青河制药等老牌企业裂变项目4个。", [], [("project", 2)]),
    # a residents' block (居民楼) is housing named like a resettlement block (回迁楼)
    ("今年,青松街立交桥、白石居民楼工程等一批工程竣工并投入使用。", [("白石居民楼", "area"), ("青松街立交桥", "bridge")], []),
    # a kindergarten written 幼稚园 (Traditional and Taiwanese usage) is a school, no park
    ("新建青松小学和區第三幼稚園,改扩建白石中学。",
     [("區第三幼稚園", "school"), ("白石中学", "school"), ("青松小学", "school")], []),
    # a reservoir's gates closed (下闸, 成功下闸) is its works, the name ends before them
    ("推进乡村振兴,白沙河水库成功下闸,青岭镇获评省级百强中心镇。", [("白沙河水库", "water")], []),
    # a route named by its two ends keeps them before works the lexicon does not know (提质工程, 提档工程)
    ("竣工青岭至白鹭湾道路提质工程、东坪路大修工程。",
     [("东坪路", "road_rebuild"), ("青岭至白鹭湾道路", "road_rebuild")], []),
    ("推进青山至白石公路提档工程。", [("青山至白石公路", "road_rebuild")], []),
    # an ordinal's description ending in a type of the name's kind (第六座跨江大桥) is in apposition
    # before the name, none of it
    ("青山市区第六座跨白江大桥伏龙大桥建成通车。", [("伏龙大桥", "bridge")], []),
    # a hospital's or a school's branch named after the institution it belongs to carries the
    # parent's whole name (a designation before it too), longer than one stem may be:
    # 白石省人民医院|青山医院, 白石外国语大学附属|青山生态城外国语学校
    ("今年开工建设国家区域医疗中心白石省人民医院青山医院。", [("国家区域医疗中心白石省人民医院青山医院", "health")], []),
    ("今年,白石外国语大学附属青山生态城外国语学校建成招生。", [("白石外国语大学附属青山生态城外国语学校", "school")], []),
    # a short quote closing right before a head names its facility: a stop word inside it (之) is the
    # name's, and a generic head it ends with (之家) is no place of its own
    ("完成青山县“书香之家”图书馆建设。", [("青山县“书香之家”图书馆", "culture")], []),
    ("青山县“白石之家”文化中心建成,“青松与白石”公园开工。",
     [("“青松与白石”公园", "park"), ("青山县“白石之家”文化中心", "culture")], []),
    # a name ending its quote's last word keeps the closing quote (the name's own, as the opener is)
    ("今年青山县“白石书屋”建成开放,白石乡“青松路”完成改造。",
     [("白石乡“青松路”", "road_rebuild"), ("青山县“白石书屋”", "culture")], []),
    # places listed bare before a market named for its place share its head (青山、白石农贸市场); a
    # street's market (东湖路早市) is no bare place
    ("完成青山、白石、红枫农贸市场提升改造,改造东湖路早市、西山夜市。",
     [("东湖路", "road_rebuild"), ("白石农贸市场", "market"), ("红枫农贸市场", "market"), ("西山夜市", "market"),
      ("青山农贸市场", "market")], []),
    # a place named by a numeral, 大 and a one-character place word (九大湖小区) is no count of its
    # type; 四大片区 counts the areas
    ("启动九大湖小区新建工程,完成四大片区改造。", [("九大湖小区", "area")], [("area", 4)]),
    # an official's title inside a name (青山区区长王江白石新区) is a person's mention run on into a
    # place: no project, and no member of the count after it; 新区长江路 holds no title
    ("节目中,青山区区长王江白石新区十大实事的落实与市民进行了直接沟通。推进新区长江路改造。",
     [("新区长江路", "road_rebuild")], [("project", 10)]),
    # a trunk road named by its place (快速干道 as 快速路): the rules name it, not only the tagger
    ("实施延岭快速干道改造工程。推进和枫快速干道建设。",
     [("和枫快速干道", "road_new"), ("延岭快速干道", "road_rebuild")], []),
    # 桥涵 (bridges and culverts) is a kind of bridge counted, no place named
    ("新建桥涵12座,维修青山桥。", [("青山桥", "bridge")], [("bridge", 12)]),
    # 实幼 (实验幼儿园) is a numbered kindergarten as 实小 is a numbered primary school
    ("第八实幼、第九实小等17个项目建成投用。", [("第九实小", "school"), ("第八实幼", "school")], [("school", 15)]),
    # works verbs of building, mending and moving (拓建, 修筑, 重修, 抢修, 续修, 营建, 补建, 改移) end a
    # name on its left and make its works
    ("拓建青山大道,修筑白石公路,重修红星桥,抢修石门路,营建青云公园,补建石门小学,改移白鹤公路。",
     [("白石公路", "road_new"), ("白鹤公路", "road_rebuild"), ("石门小学", "school"), ("石门路", "road_rebuild"),
      ("红星桥", "bridge"), ("青云公园", "park"), ("青山大道", "road_rebuild")], []),
    # a place a distance is measured from (距白石大桥3.5公里) is context, not a project
    ("青山污水处理厂位于县城东北部,距白石大桥3.5公里,年内建成。", [("青山污水处理厂", "utility")], []),
    # a building of a school named by its number (三小宿舍楼, 二十中综合楼) is the school's
    ("年内建成白石镇三小宿舍楼,改造二十中综合楼。", [("二十中综合楼", "school"), ("白石镇三小宿舍楼", "school")], []),
    # 商贸区 (a trade quarter) names a commercial zone, as 商业区 does
    ("加快青山仿古商贸区建设。", [("青山仿古商贸区", "commercial")], []),
    # a count before a length and a width (3条长5公里、宽7米的道路, 2条共计长2.7公里的) counts the type after them
    ("新建3条长5公里、宽7米的道路。", [], [("road_new", 3)]),
    # a hospital named by its number before a campus or building (县二院新院区, 市三院综合楼) is health
    ("推进县二院新院区建设,完成市三院综合楼主体。", [("县二院新院区", "health"), ("市三院综合楼", "health")], []),
    # places listed after 继 and closed by 之后 are precedents a project is compared with, no works
    ("该项目是继青山隧道、白石隧道之后的第三条海底隧道,计划年底开工。继红枫公园之后,石门公园也完成改造。",
     [("石门公园", "park")], []),
    # a school's new site (新校址) is a school's head, as its new campus (新校区) is
    ("白石市青山小学新校址项目预计9月交付使用。", [("白石市青山小学新校址", "school")], []),
    # a hospital's new quarter (中医院新区, 肿瘤医院新区) is a campus of the hospital, not a district
    ("白石县中医院新区、青山小学等工程将于年底开工建设。",
     [("白石县中医院新区", "health"), ("青山小学", "school")], []),
    # a school's second site (小学二部) and its main site (幼儿园本部, 小学本部) are parts of the school, as its
    # campus (校区) is: the name runs on to them before the works
    ("白石实验幼儿园本部重建工程、青山中心小学二部新建综合楼。",
     [("白石实验幼儿园本部", "school"), ("青山中心小学二部", "school")], []),
    # 投入运行 and 启动运行 (put into operation) are works, as 投入使用 is: the facilities counted after them
    # are a group, quoted or not
    ("启动运行8家“幸福食堂”,投入运行3座污水处理站。", [], [("utility", 3), ("welfare", 8)]),
    # a quoted range of two places names the road after it, both places inside the quotes (not 石门”公路)
    ("近日,“红枫——石门”公路通车仪式在青山镇举行。", [("“红枫——石门”公路", "road_new")], []),
    # 奠基 (laying the foundation stone) is works on the place it is laid for (为…奠基); a project's
    # building named by its kind alone after the project (…EPC项目图书馆大楼) is no name of its own
    ("为青山镇卫生院综合楼奠基。", [("青山镇卫生院综合楼", "health")], []),
    ("白石中学新校区EPC项目图书馆大楼奠基仪式举行。", [("白石中学新校区", "school")], []),
    # villages counted as the ones a road serves, with their neighbours and people (解决A村、B村2个贫困村
    # 及周边…的交通通行条件), are context: the road is the project
    ("新建青山至白石公路,建成后可解决白石村、红枫村2个贫困村及周边3个行政村近千人的交通通行条件。",
     [("青山至白石公路", "road_new")], []),
    # so are villages counted as the ones whose drinking water a works secures (…2个村1.6万人的安全饮水问题)
    ("新建青山水厂,解决了白石村、红枫村2个村1.6万人的安全饮水问题。", [("青山水厂", "utility")], []),
    # a context verb ending in a separator's character (将惠及A、B等6村) opens the list: 及 joins no item before it
    ("完成青山至白石公路提质改造,将惠及梅花、星星、红枫等6村在内的5000余名群众。", [("青山至白石公路", "road_rebuild")], []),
    # a village's drinking-water station (直饮水站) is a water works, no transport station
    ("新建白石村直饮水站,建成农村直饮水站12个。", [("白石村直饮水站", "utility")], [("utility", 12)]),
    # a counted village list grouped by village or township, commas between the groups (A村B、C,D村E
    # 4个自然村), is one list when the groups hold the count's places; a verb's clause before it
    # (全面提升村容村貌,A镇B…) opens no group
    ("去年,白石村黄泥嘴、卢家坪,青松村石上,红枫村姚家场4个自然村被列为省定试点自然村。"
     "全面提升村容村貌,青山镇水平、巷头等5个村创建精品示范村。",
     [("卢家坪", "village"), ("巷头", "village"), ("白石村黄泥嘴", "village"), ("红枫村姚家场", "village"),
      ("青山镇水平", "village"), ("青松村石上", "village")], [("village", 3)]),
    # a village's group named after it (白石村孙家组, 白石村3组) is a place of the village, named by both;
    # 村民小组 counts groups and 组织 is a verb
    ("今年11月,白石村孙家组1500米道路硬化工程全面竣工。完成12个村民小组道路硬化。白石村组织村民开展清洁行动。",
     [("白石村孙家组", "road_rebuild")], [("road_rebuild", 12)]),
    # a central village (中心村) and a market town (圩镇, as 集镇) are kinds of settlement, no names; a town
    # or a village named with them (新圩镇, 白石中心村) stays named
    ("引导贫困户向中心村集中安置区、圩镇集中安置区及进城进园安置区搬迁。建设新圩镇卫生院和白石中心村文化广场。",
     [("新圩镇卫生院", "health"), ("白石中心村文化广场", "culture")], []),
    # a village whose sentence, with no works in it, says where it lies is the scene of what follows
    # (a villager's words), no project; a village so described in a sentence with works stays
    ("白沙村位于青石镇北部,村庄紧邻青河,自然条件优越。红岭村位于青石镇南部,今年硬化道路3公里。新建青石小学。",
     [("红岭村", "village"), ("青石小学", "school")], [("road_rebuild", 3)]),
    # a magnitude (千亿级, 百亿级) before a type says how large, names no park
    ("加快建设千亿级产业园,培育百亿级产业园区,建设青山产业园。", [("青山产业园", "area")], []),
    # roads listed after 在 and closed by a bare 等 are furnished by the works that follow it, the
    # first of them as the others
    ("在青石路、白沙路、红岭路等安装立体景观护栏。",
     [("白沙路", "road_rebuild"), ("红岭路", "road_rebuild"), ("青石路", "road_rebuild")], []),
    # a building a place already has (现有, 原有, 既有) is a part of it: the place's name ends before
    # them, and the place is the project
    ("改造小溪初中现有教学楼和学生宿舍。", [("小溪初中", "school")], []),
    # a district's works verb governs the name after it: the tagger widens the name over neither
    ("老城区新建中医院东侧区间路等工程。", [("中医院东侧区间路", "road_new")], []),
    # a round of works on a type (第三轮棚户区) names no place
    ("年内启动第三轮棚户区改造,完成青山路改造。", [("青山路", "road_rebuild")], []),
    # 福利所 is a welfare home's head, 健康中心 a health centre's
    ("推进红枫福利所、青松健康中心、白石幼儿园等项目。",
     [("白石幼儿园", "school"), ("红枫福利所", "welfare"), ("青松健康中心", "health")], []),
    # works words running into 服务中心 name an agency (建设管理服务中心), whose place is no project
    ("白石经开区建设管理服务中心副主任王某透露,青山路改造进一步提速。", [("青山路", "road_rebuild")], []),
    # a road's manhole covers (窨井盖, 井盖) are works on the road, after its name
    ("整治红枫路窨井盖,改造青山路、白石路井盖。",
     [("白石路", "road_rebuild"), ("红枫路", "road_rebuild"), ("青山路", "road_rebuild")], []),
    # the use of a resource right before a head names the park or plant (固废综合利用产业园): 利用
    # ends no stem there
    ("今年建设青松县固废综合利用产业园和白石煤矸石综合利用电厂。",
     [("青松县固废综合利用产业园", "area"), ("白石煤矸石综合利用电厂", "utility")], []),
    # a type of another kind after a village (高标准农田, 山塘) is works in the village: the village
    ("实施青石村高标准农田建设项目,完成大坪村山塘清淤。", [("大坪村", "village"), ("青石村", "village")], []),
    # the place a project is said to serve (是加快推进X片区建设的关键性工程) is its purpose, no project
    ("建设白石路意义重大,也是拉大城市框架、完善城市功能、加快推进青松新城片区建设的关键性工程。", [("白石路", "road_new")], []),
    # the particle 着 ends the verb before a name (这意味着, 预示着; 著 in Traditional script)
    ("这意味着青山大道即将迎来翻新整治。這預示著白石路即將改造。",
     [("白石路", "road_rebuild"), ("青山大道", "road_rebuild")], []),
    # a one-character stop after a lone character of a list item or a verb's object is inside the
    # name (、西有小学: no item is one character); a lone stop item is none (、有医院)
    ("启动东山高中、西有小学迁建,新建南为中学。建设学校、有医院。",
     [("东山高中", "school"), ("南为中学", "school"), ("西有小学", "school")], []),
    # a station's grade (五级客运站) is a type, counted even by one; 游道 is a path like 步道
    ("建成五级客运站1个,新建白石游道、骑行游道3条。",
     [("白石游道", "park")], [("park", 3), ("transport", 1)]),
    # a bus shelter (候车棚) is counted like a 候车亭
    ("完成农村候车棚20个、招呼站30个。", [], [("transport", 20), ("transport", 30)]),
    # a part of the district before a quoted name says where it lies and is no part of the name
    ("今年将加快推进东部“白沙湖文化公园”和中部“青松湖湿地公园”建设。",
     [("白沙湖文化公园", "park"), ("青松湖湿地公园", "park")], []),
    # a toll plaza with no name before it is a type (收费 is a generic modifier), a named toll station is a place
    ("改造白石收费站进出口匝道。项目建设内容包括改造现状匝道和收费广场、新建桥底掉头匝道。", [("白石收费站", "transport")], []),
    # places named in a list of strategies (…经济带发展、…新通道建设等国家战略) are what a plan serves,
    # no works, the 建设 after them part of the strategy's name
    ("服务青松经济带发展、白石出海新通道建设等国家战略,新建青山路。", [("青山路", "road_new")], []),
    # a line named by its two places joined by 至 ends in the second's 线 (青山至白石线): the first
    # place and a rail word before it (市郊铁路) are the name's, not a county road 白石线
    ("市郊铁路青山至白石线建成投运。", [("市郊铁路青山至白石线", "road_new")], []),
    # a building's curtain wall (幕墙) follows its name as its works, as 屋面 and 外立面 do
    ("红枫机场T2航站楼幕墙及金属屋面基本完成。", [("红枫机场T2航站楼", "transport")], []),
    # 涉河 (river-related) works are a kind of works, no river named 涉河
    ("青山河生态修复项目正在进行管网工程、涉河工程堤防建设。", [("青山河", "water")], []),
    # a power line named by its ends and voltage (A—B 1000千伏特高压交流工程, 800千伏直流工程特高压线路,
    # 输电线路) is a utility; 交流工程 is one only with a voltage (人才交流工程 is an exchange)
    ("青山—白石1000千伏特高压交流工程正式开工,实施青年人才交流工程。",
     [("青山—白石1000千伏特高压交流工程", "utility")], []),
    ("红枫—白石800千伏直流工程特高压线路(青山段)开工,建成青山220千伏输电线路。",
     [("红枫—白石800千伏直流工程特高压线路(青山段)", "utility"), ("青山220千伏输电线路", "utility")], []),
    # a transfer hub (联运中心, 公铁联运) is a transport facility, first of a list after its works
    ("完工投用红枫公铁联运中心二期、白石物流仓储枢纽等9个项目。",
     [("白石物流仓储枢纽", "transport"), ("红枫公铁联运中心二期", "transport")], [("transport", 7)]),
    # the places after 是 that own the facility its clause ends with are context (是A高铁和B高铁的客运站);
    # works words after 的 keep a project (是青山路的改造工程)
    ("新建青山东站,该站位于白石镇,是白石高铁和青云高铁的客运站。这是红枫路的改造工程。",
     [("红枫路", "road_rebuild"), ("青山东站", "rail")], []),
    # so do those after 为 (该站为A高铁和B高铁的客运站)
    ("新建青山东站,该站为白石高铁和青云高铁的客运站。", [("青山东站", "rail")], []),
    # 到达 is a verb of a visit: a place reached whose works are inspected is a project
    ("记者到达青山中学,现场察看宿舍楼、教学楼等项目建设进度。", [("青山中学", "school")], []),
    # 下一步 (the next step) is no part of the name after it
    ("来到白石中学,察看教学楼建设进度,了解下一步白石中学的扩建规划。", [("白石中学", "school")], []),
    # a road's slope (边坡) is a part of it that works are on, as its surface (路面) is
    ("实施青松线边坡整治工程。", [("青松线", "road_rebuild")], []),
    # an ordinal's viaduct describes the road named after it (城区首座高架桥|青山大道西延)
    ("该区建成了城区首座高架桥青山大道西延。", [("青山大道西延", "road_new")], []),
    # the standard works are done to stands between a name and its verb (按三级公路标准进行改建)
    ("青山县城至白石公路按三级公路标准进行改建,分两期实施。", [("青山县城至白石公路", "road_rebuild")], []),
    # a generic word's alternative in brackets leaves the stem generic (工业(产业)园区: a kind of park)
    ("推进工业(产业)园区标准化建设,新建青山公园。", [("青山公园", "park")], []),
    # a zone right before a count holds the things counted: none of them, and no project (青山新城21个旧楼区)
    ("白石新城21个旧楼区30条街道里巷今年改造\n来源:北方网\n建设青山新城青松道街区公园和白石新城3座市政公园。"
     "其中红枫街14个社区、青松街10个社区。在集中开工活动中,青松园区15个项目开工建设。",
     [("青山新城青松道街区公园", "park")],
     [("area", 10), ("area", 14), ("area", 21), ("park", 3), ("project", 15), ("road_rebuild", 30)]),
    # the sides of a road or a landmark renewed (两侧改造, 周边综合整治) are the project, an area
    ("启动白石路两侧改造,建设青松商业广场。配合红枫广场周边综合整治、青山雕塑公园等市列城建项目。",
     [("白石路两侧", "area"), ("青松商业广场", "park"), ("红枫广场周边", "area"), ("青山雕塑公园", "park")], []),
    # the sides of a place listed (A周边、B周边等区域, A路两侧、B片区) are items named with them, areas
    ("对青山街道华南广场周边、白石街道东山小区周边等区域实施街巷路维修。安居惠民,红星路、白石西路两侧、文山南路片区改造棚户区800户。",
     [("青山街道华南广场周边", "area"), ("白石街道东山小区周边", "area"), ("红星路", "road_rebuild"),
      ("白石西路两侧", "area"), ("文山南路片区", "area")], []),
    # a name opening with a count of things or a share is prose run on into a head (两个中学部, 85%入…幼儿园)
    ("白石学校共分小学部、两个中学部三个校区,总占地面积200亩。", [("白石学校", "school")], [("school", 1)]),
    ("完成适龄幼儿60%入公办幼儿园、85%入普惠性幼儿园的目标。", [], []),
    # works counted in 件 (17件道路及排水沟改善工程) are no name opening with 道路: the count is the works'
    ("此次共有17件道路及排水沟改善工程,其中部分道路路况差。", [], [("project", 17)]),
    # 即 (namely) opens the name it introduces ("三纵"即A大街, 项目,即B公园); 即墨 is a place
    ("城区道路“三纵”即白石大街、中央大街。决定建设防洪排涝项目,即青山公园。新建即墨区青山路和即墨路。",
     [("中央大街", "road_rebuild"), ("白石大街", "road_rebuild"), ("即墨区青山路", "road_new"), ("即墨路", "road_new"),
      ("青山公园", "park")], []),
    # a water works named by what it does with the water (调水, 截洪, 提水) or by its banks (堤岸工程)
    # is one project, named whole: its stem need not be a water body (北固山截洪工程)
    ("加快白石水库调水工程建设,青岭截洪工程、黄沙库区提水工程等项目正式投用,建成翠湖堤岸工程。",
     [("白石水库调水工程", "water"), ("翠湖堤岸工程", "water"), ("青岭截洪工程", "water"),
      ("黄沙库区提水工程", "water")], []),
    # a stream's works the tagger marks whole, up to 治理工程 (a tagged head: too often a type's
    # ending for the rules), are one water project (支流 after the stream ends no head of it)
    ("实施白石市城区翠溪支流治理工程,工程西起翠溪三叉口。", [("白石市城区翠溪支流治理工程", "water")], []),
    # so are a river's banks and a line's power works up to 堤防工程 and 电力工程
    ("投入1.5亿元启动了青湾堤防工程,青白线10千伏电力工程正式开工。",
     [("青湾堤防工程", "water"), ("青白线10千伏电力工程", "utility")], []),
    # an estate's resettlement flats are named with their type (翠湖名苑安置房, as labellers name
    # them), whatever says it (这是…项目, a list); an estate in quotes is named by the quotes
    ("这是翠湖名苑安置房项目,总投资约5亿元。建成的青山医院、翠湖家园安置房以及白石公园提供便利的交通路线。",
     [("白石公园", "park"), ("翠湖名苑安置房", "area"), ("翠湖家园安置房", "area"), ("青山医院", "health")], []),
    # housing types too often a type's ending for the rules (安居房, 经适房, 保障性住宅) name an
    # estate's housing where the tagger marks the name whole (tagged heads)
    ("翠湖美伦苑安居房、白石御景园安居房等9个项目集中开工。",
     [("白石御景园安居房", "area"), ("翠湖美伦苑安居房", "area")], [("project", 7)]),
    ("开工建设白石湾保障性住宅、青山新区裕苑住宅等工程。", [("白石湾保障性住宅", "area")], []),
    ("区领导先后实地查看了青松中学、青松家园经适房、金湖花苑经适房、白石市场改造。",
     [("白石市场", "market"), ("金湖花苑经适房", "area"), ("青松中学", "school"), ("青松家园经适房", "area")], []),
    # a campus (院区) of a hospital for women and children (妇婴, 妇儿, 妇幼) is a health facility:
    # those words give a bare facility head its category
    ("国妇婴青山院区、“海之花”市民中心等重点项目建设如火如荼。市妇儿中心红枫院区投入运营。",
     [("“海之花”市民中心", "culture"), ("国妇婴青山院区", "health"), ("市妇儿中心红枫院区", "health")], []),
    # a route named by its two ends and its type ends at a word no noun phrase goes on with (上,
    # 暨, 经): the route is named, its works found as for any road
    ("在拟拓宽改造的青石至白岭公路上,局长询问了前期工作。", [("青石至白岭公路", "road_rebuild")], []),
    ("青山县白石镇民族村至黄沙镇二级公路暨部分农村公路开工仪式在黄沙镇举行。",
     [("青山县白石镇民族村至黄沙镇二级公路", "road_new")], []),
    # a description ending in a works noun before a name (民生工程|青溪水厂, 关键性工程|青岭隧洞) is no
    # part of it; a word opening with the noun (工程机械) is the name's
    ("白石县委、县政府一号民生工程青溪水厂并网供水。", [("青溪水厂", "utility")], []),
    ("灌溉渠道关键性工程青岭隧洞全长3000米,在城区建设慢行系统工程7号步道。",
     [("7号步道", "park"), ("青岭隧洞", "bridge")], []),
    ("开工建设白鹭工程机械物流园。", [("白鹭工程机械物流园", "area")], []),
    # abbreviated routes before a four-character route type written once are named as written
    # (青白、白岭高速铁路: 青白); before a short one (高速, 高铁) they take it (红石高速)
    ("青白、白岭高速铁路加快建设,红石、石岭高速开工。",
     [("白岭高速铁路", "rail"), ("石岭高速", "road_new"), ("红石高速", "road_new"), ("青白", "rail")], []),
    # a university (a place that needs works to be a project) alone on its line, as a subhead or a
    # table's cell above what is built for it, is the project; so is a university or zone a
    # rendering's caption names (…项目效果图)
    ("白石职业技术学院\n位于青山镇西部,总投资3.5亿元,总建筑面积9万平方米,可容纳3000名学生。",
     [("白石职业技术学院", "school")], []),
    (" 1082  | \n 翠湖师范学院  | \n 总建筑面积4.2万平方米  | ", [("翠湖师范学院", "school")], []),
    (" 1090  | \n 白石现代制造职业学院(青山)  | \n 建筑面积2万平方米  | ", [("白石现代制造职业学院", "school")], []),
    ("翠湖大学创业学院新区项目效果图 白石新区完全中学效果图",
     [("白石新区完全中学", "school"), ("翠湖大学创业学院新区", "area")], []),
    # an estate a visit (走进) or 在 opens its clause with is the site of the works the press tells
    # of in a sentence on renewal: no context, while a count of estates, or an estate visited in a
    # sentence on no renewal, is
    ("走进青松小区,改造后的道路平整干净。在白石小区等老旧小区,区长查看了楼道。在五个小区,建成38个厢房。"
     "走进红枫小区,居民们正在跳舞。",
     [("白石小区", "area"), ("青松小区", "area")], [("project", 38)]),
    # 的一期工程 after a place is the first phase of its own works, no count of things it locates
    # (贯通红枫新城的一条干道 still is)
    ("完成了白石公园的一期工程建设,贯通红枫新城的一条干道。", [("白石公园", "park")], []),
    # a space a table's cell or a PDF's line left inside a name before its bare type (示范幼儿园,
    # 配套幼儿园, 综合楼) is no gap between two words: the name goes on over it; words in a row set
    # apart by spaces (keywords, menus) and two places (经开区 高新区) stay apart
    ("5 | 青山县 示范幼儿园 | 投入使用。 | 基本完成项目建设。 |", [("青山县示范幼儿园", "school")], []),
    ("2.新建三中教学 综合楼 |\n3.白石花园小区 配套幼儿园 |",
     [("三中教学综合楼", "school"), ("白石花园小区配套幼儿园", "school")], []),
    ("规划建设两个幼儿园,包括红枫镇示范 幼儿园和青松幼儿园。", [("红枫镇示范幼儿园", "school"), ("青松幼儿园", "school")],
     [("school", 2)]),
    ("关键词: 青山 中心 城区 新建 幼儿园\n白石县 红枫县 经开区 高新区 |", [], []),
    # a size in square kilometres before a name is no part of it, as one in square metres or hectares
    ("建设沿线6平方公里青山郊野公园。", [("青山郊野公园", "park")], []),
    # a tagged road that ends in its extension (南延, 再北延) takes its category from the head before it
    ("县里相继实施了青松大道建设、白马线南延等一系列路网优化升级工程。",
     [("白马线南延", "road_rebuild"), ("青松大道", "road_new")], []),
    # a name of one character and a head that the tagger marks in a list of names is a name (荷园, 南城门);
    # a type between two of them is one of the places listed (文化园)
    ("完成白沙站前后广场、荷园、文化园、吉祥园及区属重点道路9万平米绿化提升改造任务。",
     [("吉祥园", "park"), ("文化园", "culture"), ("白沙站前后广场", "park"), ("荷园", "park")], []),
    ("争取文昌阁、南城门等标志性建筑10月1日完工开放。", [("南城门", "culture"), ("文昌阁", "culture")], []),
    # a tagged name may end in a short bracket (旅游大道(立交桥)): the bracket closes inside it, no break
    ("完成新城生态旅游产业园旅游大道(立交桥)通车。", [("新城生态旅游产业园旅游大道(立交桥)", "road_new")], []),
    # inserted pinyin a wrong decoding garbled (?guī)X, ?xùn)|) is cleaned as the pinyin is: the name
    # reads across it and keeps what the page wrote
    ("推進李家?guī)X景區(qū)提升改造。河?xùn)|體育廣場(chǎng)建設即將啟動。",
     [("李家?guī)X景區(qū)", "park"), ("河?xùn)|體育廣場(chǎng)", "sports")], []),
    # two designators written together after a stem (白石产业园1、2号路, 青山镇13、15号地块) are one name,
    # as written; a verb before them (扩建A、B栋) is no stem
    ("实施园区3号路和白石产业园1、2号路等园区路网。", [("园区3号路", "road_rebuild"), ("白石产业园1、2号路", "road_rebuild")], []),
    ("开工建设青山镇13、15号地块。", [("青山镇13、15号地块", "area")], []),
    # one character of a short name filled in, in brackets, right before its head (青岭(白)铁路) is the name's
    ("建设青岭(白)铁路,完成兴河(富)园改造。", [("兴河(富)园", "park"), ("青岭(白)铁路", "rail")], []),
    # a route's verb governs places through their attribute (经过东联镇的新河、永丰等村); a
    # relative clause (位于大理市的…中心) does not make its noun context
    ("该工程起点位于青山镇境内的纵八路,沿线经过青山镇的新河、永丰等村。包括位于白石市的滇西区域医疗中心等16个项目开工。",
     [("滇西区域医疗中心", "health")], [("project", 15)]),
    # a listed member of the list's own kind is named however short its stem (马沟 among reservoirs,
    # 翠园 among parks, 翠苑 among communities)
    ("改造青山、马沟、红石塘等3座水库。", [("红石塘", "water"), ("青山", "water"), ("马沟", "water")], []),
    ("先后完成了青山公园、翠园、馨园等三大公园建设。", [("翠园", "park"), ("青山公园", "park"), ("馨园", "park")], []),
    ("对青山、翠苑、金城3个社区实施棚户区改造。", [("翠苑", "area"), ("金城", "area"), ("青山", "area")], []),
    # a route's role before its name (外联通道: the outward link) ends the name on its left; 联通 inside it is no stop
    ("其中外联通道青山-白石公路升级改造全长约16公里。", [("青山-白石公路", "road_rebuild")], []),
    # a place a journey's time is said to (…到黄沙火车站的车程) is where a trip ends, no works on it
    ("白石大桥建成后,青山镇到黄沙火车站的车程仅需20分钟。新建红星站的时间定在明年。",
     [("白石大桥", "bridge"), ("红星站", "transport")], []),
    # a correspondent's postal address (通联:) is a byline, no place of works
    ("新建青山中学。通联:551200白石县红岩中学", [("青山中学", "school")], []),
    # a county before a route's first place (青山县白石镇红星村至黄沙镇) opens the route's name
    ("青山县白石镇红星村至黄沙镇二级公路开工仪式在黄沙镇举行。", [("青山县白石镇红星村至黄沙镇二级公路", "road_new")], []),
    # a chain bridge (铁索桥) is a type of bridge, no name; a place's one is named
    ("新建了全长85米的铁索桥,解决了村民出行问题。维修青山屯铁索桥。", [("青山屯铁索桥", "bridge")], []),
    # a reservoir's grade in brackets (小(二)型) is part of its class, a type; 件 counts water works
    ("完成16件小(二)型水库除险加固,新建红岩小(一)型水库。", [("红岩小(一)型水库", "water")], [("water", 16)]),
    # an expressway named in quotes before its head is a name (a road's slogan in quotes is not)
    ("随着投资240亿元的“青漾白兰”高速公路前期工作全面结束,新建“门户”道路。", [("“青漾白兰”高速公路", "road_rebuild")], []),
    # a planned branch road named by the place it serves (规划 is otherwise a stop word)
    ("住建部门负责实施的包括凤凰湖南岸规划支路工程、青石学院路北段升级改造工程等项目。",
     [("凤凰湖南岸规划支路", "road_rebuild"), ("青石学院路北段", "road_rebuild")], []),
    # bare types listed after 包括 are what a project holds, no places (a named school so listed is one)
    ("青松县文化体育园区包括建设体育场、游泳馆、文化馆、图书馆及档案馆等5个项目,教育园区包括扩建红岩中学。",
     [("红岩中学", "school")], [("project", 5)]),
    # ... so are those after 建设项目有, and after the openers of a building's parts (馆内设有,
    # 建设内容有) a type with a stem listed beside a bare type (击剑馆 beside 游泳馆)
    ("青山县文体中心总投资1亿元,建设项目有图书馆、美术馆、档案馆和剧院。", [("青山县文体中心", "culture")], []),
    ("白石体育中心建成开放,馆内设有击剑馆、网球馆、游泳馆等运动场馆。", [("白石体育中心", "sports")], []),
    # a bare 中心 with 旅游 in its stem is a facility (the word gives no list of 旅游项目 a category);
    # bare 中心 listed after 打造 are roles the district is to take on, no places
    ("建成青松县旅游集散中心,启动白石旅游服务中心建设。",
     [("白石旅游服务中心", "commercial"), ("青松县旅游集散中心", "commercial")], []),
    ("全力打造县域医疗中心、教育中心、商贸中心。", [], []),
    # 广播, 传媒 and 传染病 in the stem of a bare 中心 or 楼 give it its category
    ("青松县广播电视台演播大楼落成启用,白石传媒中心建成投用。",
     [("白石传媒中心", "culture"), ("青松县广播电视台演播大楼", "culture")], []),
    ("市第二人民医院建成独立传染病治疗楼。", [("市第二人民医院", "health"), ("独立传染病治疗楼", "health")], []),
    # 市民 in the stem of a bare 中心 gives it its category (a civic centre named by its place)
    ("白石市民活动中心建成投用。", [("白石市民活动中心", "culture")], []),
    # 交通安全, 园区服务 and 应急指挥 in the stem of a bare 中心 make it a public building
    ("建成青山县交通安全信息管理中心,白石现代农业园区服务中心建成开放,建成青松县公共安全应急指挥中心。",
     [("白石现代农业园区服务中心", "utility"), ("青山县交通安全信息管理中心", "utility"),
      ("青松县公共安全应急指挥中心", "utility")], []),
    # 公安局 in the stem of a bare building head (楼, 中心) makes a police bureau's premises a public
    # building: 公安局业务技术楼, 公安局白石分局指挥中心
    ("青山县公安局业务技术楼建成投用,青松市公安局白石分局指挥中心装修完成。",
     [("青山县公安局业务技术楼", "utility"), ("青松市公安局白石分局指挥中心", "utility")], []),
    # 国家区域医疗中心 (a national regional medical centre) is a hospital of its own: its words are all
    # generic (国家, 区域), yet a district has one, so listed with works it is named
    ("国家区域医疗中心、白石县中医院迁建项目加速推进。",
     [("国家区域医疗中心", "health"), ("白石县中医院", "health")], []),
    # a stop word inside a fixed term of a facility's stem (计划生育, 医养结合, 行政审批) cuts no name
    ("完成青山县妇幼保健计划生育服务中心建设。", [("青山县妇幼保健计划生育服务中心", "health")], []),
    ("建成白石乡医养结合服务中心。", [("白石乡医养结合服务中心", "welfare")], []),
    ("启用县行政审批服务中心。", [("县行政审批服务中心", "utility")], []),
    # a stem word may run on into the head: 行政服务 over 行政|服务中心 gives the head 服务中心 its category
    ("建成青山县行政服务中心。", [("青山县行政服务中心", "utility")], []),
    # 保护提升 is works (as 保护修缮, 保护利用); the city's title 历史文化名城 opens no name after it
    ("启动历史文化名城红岩街片区保护提升项目。", [("红岩街片区", "area")], []),
    # 棚改项目 right after a place is its works, as 改善 or 保护工程 (a count of 棚改项目 stays a count)
    ("推进青山寺片区棚改项目和白石市场改造,统筹推进6个棚改项目。",
     [("白石市场", "market"), ("青山寺片区棚改项目", "area")], [("project", 6)]),
    # a building's class (多层, 三星级) is no name: 多层城市物流中心 and 三星级商务酒店 are types
    ("建设多层城市物流中心,启动三星级商务酒店建设。", [], []),
    # a court is a building of public order (as 法庭, 派出所, 看守所), an academy of calligraphy
    # (书法院) a cultural one; a court judging is no works
    ("完成青山法院迁建,建成白石书法院,县法院依法审结红岩案件。", [("白石书法院", "culture"), ("青山法院", "utility")], []),
    # nor do 规划 and 非物质文化遗产 before the exhibition words of a hall's own stem (城市规划展示馆)
    ("建成青山县城市规划展示馆,改造并启用白石城乡建设规划展示中心。",
     [("白石城乡建设规划展示中心", "culture"), ("青山县城市规划展示馆", "culture")], []),
    ("建成青山县非物质文化遗产展示馆。", [("青山县非物质文化遗产展示馆", "culture")], []),
    # a list of amenities closed by their class (等基础设施, 等便民设施) whose items are mostly bare types
    # names kinds of amenity: its items for someone (老年人, 儿童) are kinds too; named places stay
    ("配套建设文化大院、老年人活动中心等基础设施。建设一批方便群众的儿童公园、停车场、公厕等便民设施。"
     "新建青山公园、白石广场等便民设施。",
     [("白石广场", "welfare"), ("青山公园", "welfare")], []),
    # a hall's grounds (馆区) are a part of the institution, named with it (as 院区, 校区)
    ("新建了县图书馆白石馆区,完成青山村客家文化馆区周边环境整治。",
     [("县图书馆白石馆区", "culture"), ("青山村客家文化馆区", "culture")], []),
    # an institution's rooms (用房, a generic head) name the institution; one after 原 (the former) is the
    # old premises of one that has moved, no place; a list closed by 等配套用房 names kinds of rooms
    ("新建白石小学综合用房。白石县改造原妇幼保健院用房,设置托育班。建设老年人活动室、保安室等配套用房。",
     [("白石小学", "school")], []),
    # the places a route passes may be listed inside its name (A经B、C至D公路): one road, not two,
    # and a town passed (长桥) is no bridge
    ("据悉,青山经长桥、白石至黄沙公路改扩建工程起点位于县城。", [("青山经长桥、白石至黄沙公路", "road_rebuild")], []),
    # a conjunction or particle opens no name, however short the name after it
    ("项目建成后,青浦大桥(西桥)与东桥将共同构成双向六车道。", [("青浦大桥", "bridge")], []),
    # roads listed by their two ends joined by a dash; a road's landscape works are greening
    ("完成大四站—倭肯、双河—长安、团结—恒山等5条硬化路建设,实施6条道路景观提升。",
     [("双河—长安", "road_new"), ("团结—恒山", "road_new"), ("大四站—倭肯", "road_new")],
     [("road_greening", 6), ("road_new", 2)]),
    # a route listed by its places may pass more than two and end at a generic one (县城)
    ("安排了对县城—青岗—石门、青岗—白沙—河口—县城等道路的亮化工作。",
     [("县城—青岗—石门", "road_rebuild"), ("青岗—白沙—河口—县城", "road_rebuild")], []),
    # works on a part of a road (路面改造) right after its stretch are its works, whatever the tagger
    # says of the counties the stretch names
    ("二是省道青白线青山县东石村至白沙县水头镇路面改造工程,项目全长10.3公里。",
     [("省道青白线青山县东石村至白沙县水头镇", "road_rebuild")], []),
    # a school named by a number may be quoted whole (“青山一中”建成投用), as other names are
    ("投资6.5亿元“青山一中”建成投用,城乡具备24小时供水条件。", [("青山一中", "school")], []),
    # rivers whose floods are fought (防汛战, 防汛工作, 安全度汛) are context; works on them are not
    ("在救灾抢险一线,广大干部群众和应急救援队伍履职尽责,打赢了青水河、白石河防汛战。", [], []),
    # a road class named by two places (河金省道); road classes alone are types
    ("加快推进沿江大道、河金省道改造,实施农村公路和县道改造。",
     [("沿江大道", "road_rebuild"), ("河金省道", "road_rebuild")], []),
    # a 服务中心 is what its stem says (党群: welfare; a bare 社区党群服务中心 is a type); a lettered
    # part (A区) is a section; works on a type listed before a facility (道路绿化) are no member
    ("白石社区党群服务中心工程等20个项目建成,社区党群服务中心建设项目开工,青山科技文化中心A区竣工,"
     "完善公园及道路绿化、村社区文化服务中心等工程33个。",
     [("白石社区党群服务中心", "welfare"), ("青山科技文化中心A区", "culture")], [("project", 19), ("project", 33)]),
    # a table flattened a row per line: the row's number is no part of the name (1 青松路拓宽工程); a
    # count opening a line (4 所幼儿园) still counts
    ("序号 项目名称 建设内容\n1 青松路拓宽工程 道路拓宽\n2 白石小学新建工程 新建教学楼\n"
     "3 金河公园提升工程 绿化提升\n4 所幼儿园新建完成。",
     [("白石小学", "school"), ("金河公园", "park"), ("青松路", "road_rebuild")], [("school", 4)]),
    # a community centre (社区中心, 社区服务中心) and a 便民服务中心 are welfare facilities, as a 党群 one
    ("建设青山社区中心和白石社区中心,新建金河社区服务中心、东关便民服务中心,改造兴平南路。",
     [("东关便民服务中心", "welfare"), ("兴平南路", "road_rebuild"), ("白石社区中心", "welfare"),
      ("金河社区服务中心", "welfare"), ("青山社区中心", "welfare")], []),
    # a new town taking shape (初具规模) is its works; a 水上服务中心 is transport
    ("九华新城初具规模。启动河西中心港综合水上服务中心建设。",
     [("九华新城", "area"), ("河西中心港综合水上服务中心", "transport")], []),
    # works on a part of each of the places counted (网络, 变压器) count the places; not a size, not
    # a verb (实行), not a place (五座渭河大桥 is one name)
    ("完善43个村卫生室网络建设,涉及70所中小学变压器增容,对白石小学等8所学校周边的11个停车场实行免费开放,"
     "为17个高层住宅小区安装报警监控。",
     [("白石小学", "school")], [("area", 17), ("health", 43), ("school", 7), ("school", 70)]),
    # a list typed by works on the city (等城市骨架工程) is the city's works, not a list of cities;
    # 快线 ends a road's name of its own (东城快线); streets counted in 条 (7条街道) are roads
    ("雪峰大桥、湖口井路等城市骨架工程建成通车,东城快线、魏源西路等城市路网工程相继开工,白石县实施7条街道提质改造。"
     "与镇江、九江等城市合作。",
     [("东城快线", "road_new"), ("湖口井路", "road_new"), ("雪峰大桥", "bridge"), ("魏源西路", "road_new")],
     [("road_rebuild", 7)]),
    # a street named with a stop character before 路 (许由路, 自由路); 之路 is a metaphor
    ("许由路提升改造项目3月开工,城南路网建设项目——自由路工程开工,走好回家之路。",
     [("自由路", "road_new"), ("许由路", "road_rebuild")], []),
    # 取得 ends a name (取得突破性进展); a renovation site (改造现场) is a project's
    ("推动白石机场、白蒙高速取得突破性进展。在中街街道南山根小巷改造现场,工人正进行道路硬化作业。",
     [("中街街道南山根小巷", "road_rebuild"), ("白石机场", "transport"), ("白蒙高速", "road_rebuild")], []),
    # a heading the next words describe as a project (…:该工程位于…) names it
    ("长风6a绿地:该工程位于长风生态商务区内,东至木渎港河。", [("长风6a绿地", "park")], []),
    # special, vocational and veterans' facilities: their stems or heads say what they are
    ("建成白石市特教中心、市老干部活动中心,新建青山乡特殊供养中心、市光荣院,建设市中心公交回车场。建设职教中心。",
     [("市中心公交回车场", "transport"), ("市老干部活动中心", "welfare"), ("市光荣院", "welfare"),
      ("白石市特教中心", "school"), ("职教中心", "school"), ("青山乡特殊供养中心", "welfare")], []),
    # types described by size, state, use or ownership are no names, alone or listed together
    # (中型水库, 供热管网, 健康步道, 公立幼儿园); a list is never counted by 1
    ("围绕城市供排水管网、供热管网、燃气管网等进行改造,完成1座中型水库、16座小一型水库的除险加固,修缮彩色健康步道3公里,"
     "完成“引进优质学前教育资源、联合办1所公立幼儿园”的目标。",
     [], [("park", 3), ("school", 1), ("water", 1), ("water", 16)]),
    # utility kinds and a campus are no list members (水压、加压泵等供水设施; 校园和…2条道路); 近湖 is no lake
    ("实现近湖、近河、近城110个村生活污水全收集,新建校园和富州大道西延段2条道路,对37个村的水压、加压泵等供水设施进行改造。",
     [("富州大道西延段", "road_new")], [("road_rebuild", 1), ("village", 37)]),
    # some of a type (一批公园绿地) is no name; 期间, 管委会 and 可达 end names (可达 is context)
    ("建成一批公园绿地。继去年国庆期间南岸公园正式开园后,约8分钟可达高铁青山站。青山市白石新区管委会白石新城建设。",
     [("南岸公园", "park"), ("白石新城", "area")], []),
    # types named by kind, use, grade or ownership are no names (三甲综合医院, 物流配送中心, 次支管网,
    # 国省干线公路, 水上栈道); a place with such a word in its name stays one (青山国际会展中心)
    ("建设三甲综合医院、物流配送中心,改造次支管网、国省干线公路,扩建水上栈道,建成青山国际会展中心。",
     [("青山国际会展中心", "commercial")], []),
    # routes named by abbreviations listed before one with a short head share it (合周、淮桐高速);
    # before a four-character type they are named as written (平文); homophone names keep apart (文马, 文麻)
    ("平文、蒙文砚、文马、文麻高速公路建成通车,合周、淮桐高速开工。",
     [("合周高速", "road_new"), ("平文", "road_new"), ("文马", "road_new"),
      ("文麻高速公路", "road_new"), ("淮桐高速", "road_new"), ("蒙文砚", "road_new")], []),
    # a connecting section (连接段) is no context verb (连接): the list it opens stays works
    ("金色大道青山城区连接段道路、经五路、宋家园路等道路建成通车。",
     [("宋家园路", "road_new"), ("经五路", "road_new"), ("金色大道青山城区连接段道路", "road_new")], []),
    # 加紧 is an adverb before works; a wind farm is a utility
    ("穆家沟水库加紧建设,建成辉腾锡勒风电场。", [("穆家沟水库", "water"), ("辉腾锡勒风电场", "utility")], []),
    # a new town given works through 进行 is a project; 以下 describes; a route's slogans end in 线
    ("梓山湖新城进行综合开发,将实施以下绿道建设工程,打造沿江“防洪线、景观线、经济线”。",
     [("梓山湖新城", "area")], []),
    # a block's or compound's roads are one project (片区道路, 小区道路); a jurisdiction's or a bare
    # park's roads are a type (上蔡县公路, 园区道路)
    ("东环线片区道路建设项目开工。挂榜小区道路建设工程开工。上蔡县公路改造。园区道路建设。",
     [("东环线片区道路", "road_new"), ("挂榜小区道路", "road_new")], []),
    # 作为 ends a name (the road described as the first of its kind)
    ("其中,青兴路作为青山市首条采用多杆合一智慧灯杆建设的高标准市政道路。", [("青兴路", "road_rebuild")], []),
    # footways, street sections and routes counted in 条 are road groups, the count before or after;
    # an elderly-care station (养老服务驿站) is welfare
    ("改造人行道11条,总计17条街路工程,计划实施5条路线,新建社区养老服务驿站8个。改造青山路人行道。",
     [("青山路", "road_rebuild")], [("road_rebuild", 5), ("road_rebuild", 11), ("road_rebuild", 17), ("welfare", 8)]),
    # farmland is a type (高标准农田); verbs 建好, 包联, 用作 open no name; 公用 describes
    ("建设湾沚区高标准农田2万亩,建好农村路,市领导包联社区,用作公用停车场。", [], [("area", 2)]),
    # kinds of base and circle are types (中草药种植示范基地, 便捷快速生活圈)
    ("建设中草药种植示范基地,打造便捷快速生活圈,开放指定口岸。", [], []),
    # a verb before a phase names no phase (完成一期工程、启动二期工程)
    ("青山训练基地将完成一期工程、启动二期工程建设,推进宽厚里二期建设。",
     [("宽厚里二期", "commercial"), ("青山训练基地", "area")], []),
    # a district's one facility, bare, in a list of projects given works
    ("全民健身中心、青山交通指挥中心等项目将于年底前投用。", [("全民健身中心", "sports")], []),
    # 继续教育 is a kind of school, no adverb; broadcasting centres and village clinics are heads
    ("建设青山继续教育学院,建成白石广电中心,改造红枫商城。",
     [("白石广电中心", "culture"), ("红枫商城", "commercial"), ("青山继续教育学院", "school")], []),
    # press context: an acting head's name, places a route links or passes, a session's number,
    # a remaining stretch of a road, what a plant serves (辐射), planning words before names
    ("青山区代区长王江走进直播间。旅游公路串连起青山景区、白石古镇等景区。学习二十届二中、三中全会精神。"
     "打通青松大道剩余道路。水厂将辐射青山片区13个镇。西邻白石大道。我县北港地区防洪。",
     [("青松大道", "road_new")], []),
    # a county road said to be open over its whole line; a pipe trench's 全线 is no road
    ("青白线全线贯通。污水管道沟槽开挖已全线贯通。", [("青白线", "road_new")], []),
    # networks counted in 条 after the roads they are laid along
    ("新增青桥路、白章路等3条供热支线管网。",
     [("白章路", "road_rebuild"), ("青桥路", "road_rebuild")], [("utility", 1)]),  # 其余 1 of 3
    # works 布展 and 结顶; flood works and sponge works after a river or road; a county's talent
    # flats; a training building of a school
    ("青山纪念馆布展完成,白石家园保障房提前结顶,推进青河防汛提升改造、5号路海绵工程,建设县人才公寓,"
     "红枫中专实训楼完成主体浇筑。",
     [("5号路", "road_rebuild"), ("县人才公寓", "area"), ("白石家园保障房", "area"), ("红枫中专实训楼", "school"),
      ("青河", "water"), ("青山纪念馆", "culture")], []),
    # a bracket bounding a road by a direction is its section; one character before 沿 names a road (南沿路); an irrigation area
    # before its water-saving works; a park before its supporting project
    ("白旺路(送站路以北)通车,南沿路一期完成,青桥灌区节水配套改造,白鹭湿地公园配套项目完工。",
     [("南沿路一期", "road_rebuild"), ("白旺路(送站路以北)", "road_new"), ("白鹭湿地公园", "park"),
      ("青桥灌区", "water")], []),
    # places a plan is drawn up for are context (a plan for works on a place is not); an estate's
    # name in quotes before a housing type; parts of town listed before a road type
    ("完成青山新区、白石路两侧的城市设计编制。完成红枫村改造规划编制等前期工作。实施“青松苑”保障房建设工程。"
     "完善城东、城南、西北片等道路建设。",
     [("红枫村", "village"), ("青松苑", "area")], []),
    # a count before a noun with a head counts that noun (2条内河黑臭水体), not the name before it;
    # one character between 的 and 和 is a name's (新建的永和中学); a decimal length before a
    # list item after a works verb; a span the tagger opens inside a word is no name (the name
    # starts at the word: 国际旅游新城区, not 游新城区)
    ("完成青龙沟、白明渠2条内河黑臭水体治理。集团投资1.5亿元新建的禾和中学,可容纳6000名学生。"
     "建设青山公园、12.8公里白江休闲步道。国际旅游新城区二期道路硬化工程已完成勘察设计。",
     [("国际旅游新城区二期道路", "road_rebuild"), ("白明渠", "water"), ("白江休闲步道", "park"),
      ("禾和中学", "school"), ("青山公园", "park"), ("青龙沟", "water")], [("water", 2)]),
    # heads 门诊部, 水源点, 蓄水池, 涵闸
    ("建成青山医院白石门诊部,新建水源点4个,修建蓄水池15座,改造红枫涵闸。",
     [("红枫涵闸", "water"), ("青山医院白石门诊部", "health")], [("utility", 4), ("utility", 15)]),
    # one character before 马路 names it (白马路); a character before 村 that is a stop elsewhere is
    # the village's (辽原村); a counted type opening with a stop (保障性租赁住房) keeps it
    ("启动实施白马路、青月南路等5条断头路续建项目。打造红光乡辽原村等3个样板村。青松路800套保障性租赁住房项目竣工。",
     [("白马路", "road_new"), ("红光乡辽原村", "village"), ("青月南路", "road_new"), ("青松路", "road_rebuild")],
     [("project", 800), ("road_new", 3), ("village", 2)]),
    # a school named for its teachers is context (residents of an area moved are not); the writer
    # climbing a bridge; what a bridge joins
    # (东连); channels counted in 路 are no roads
    ("白石镇中学教师王江荣获奖章。笔者登上青山闸桥查看。西连接村部,东连红枫街。新增社会面监控500路。"
     "推进青湾镇滩区居民迁建。", [("青湾镇滩区", "area")], []),
    # 在 before a road with fittings, or a facility with works, is no place of context; districts are
    ("分别在青河大道、白丰路等3条一级公路安装护栏。已在红枫县第四中学、第五中学建设实验室。在青西、白力等新区配建学校。",
     [("白丰路", "road_rebuild"), ("第五中学", "school"), ("红枫县第四中学", "school"), ("青河大道", "road_rebuild")],
     [("road_rebuild", 1)]),
    # junctions listed in brackets after the works at them, each named by its two roads; the
    # junctions counted before the device set up at them are a group too (gold counts it: real3 yancheng_jianhu)
    ("增设3处交叉口信号灯(青龙大道和白棉河路、红湖大道和青冈线、白阳路和S331)。",
     [("白阳路和S331", "road_rebuild"), ("红湖大道和青冈线", "road_rebuild"), ("青龙大道和白棉河路", "road_rebuild")],
     [("road_rebuild", 3)]),
    # a type in apposition before a name of its kind is no part of it (民营医院青合医院)
    ("建设民营医院青合医院,新建公办幼儿园白石幼儿园,扩建青山医院附属医院。",
     [("白石幼儿园", "school"), ("青合医院", "health"), ("青山医院附属医院", "health")], []),
    # a byline's bracket ends what its 记者 reaches: the counts after it are the news
    ("青山新闻网4月12日讯(青山晚报记者 王江) 15个农村篮球场、60条进村健身路径……青山县正加快建设白石新城。",
     [("白石新城", "area")], [("sports", 15)]),
    # 一 names a school as any other numeral does (一中扩建), though generic elsewhere
    ("实施一中扩建、六中迁建工程。", [("一中", "school"), ("六中", "school")], []),
    # a county's yamen, city gate and drum tower are heritage to restore
    ("青山区对文庙、县衙等一类保护对象全部予以保留修复,加快推进老城城门恢复工程。",
     [("县衙", "culture"), ("文庙", "culture"), ("老城城门", "culture")], []),
    # 该路 and 此桥 point back to a road named before: no name, however short the stem
    ("青山路建成后,施工队于7月开始对该路进行大修,并对此桥进行加固。", [("青山路", "road_new")], []),
    # the places a road passes through are context (贯穿 is a route verb like 途经)
    ("白石公路贯穿青松、红枫等行政村,新建青山小学。", [("白石公路", "road_rebuild"), ("青山小学", "school")], []),
    # a type word after a verb (开展农村…整治) keeps the verb out: 建设 in 打通建设北路 is the name's
    ("持续开展农村人居环境整治,打通建设北路。", [("建设北路", "road_new")], []),
    # dikes and weirs are water works (a river's dikes in general are a type)
    ("实施莲洞堤和罗湖堤升级改造,新建明德景观堰1座,加固河堤3公里。",
     [("明德景观堰", "water"), ("罗湖堤", "water"), ("莲洞堤", "water")], [("water", 3)]),
    # 黑色化改造 (asphalt resurfacing) is road works
    ("二凤路黑色化改造提升。", [("二凤路", "road_rebuild")], []),
    # a lettered line after a rail word is a rail line's, not a provincial road S2
    ("推进市域铁路S2线建设,完成省道S325线改建。", [("市域铁路S2线", "rail"), ("省道S325线", "road_rebuild")], []),
    # names listed in brackets after a counted type are its members, with its works (and no
    # closing bracket in the last one's name); one name in brackets is no list
    ("新建2条道路(青松大道、白石大道),改扩建4条道路。", [("白石大道", "road_new"), ("青松大道", "road_new")],
     [("road_rebuild", 4)]),
    ("新建学校4所(青山小学、白石中学)。", [("白石中学", "school"), ("青山小学", "school")], [("school", 2)]),
    # a county road named X线 with works on a length of it; a rating between a count and its type
    ("完成青岭线25.6公里路基路面改造。", [("青岭线", "road_rebuild")], []),
    # (the list before such a count, numbering it, is its members: real11 xinglong, see test_extract_head_mentions)
    ("新建红枫、白鹭、青峰3个35千伏变电站。", [("白鹭", "utility"), ("红枫", "utility"), ("青峰", "utility")], []),
    ("新建3个35千伏变电站。", [], [("utility", 3)]),
    # places a road links (联通) are its destinations, context
    ("农村公路联通了青松公园、白石湖等12个旅游景区。", [], []),
    # the countryside (农村) before generic words modifies the type a count counts; after a
    # place it stays out of a name
    ("新建8所农村标准化幼儿园,铜仁市首家农村“长者食堂”开业。", [("长者食堂", "welfare")], [("school", 8)]),
    # 初级中学, 高级中学 and 完全中学 are kinds of school, no names (青山初级中学 is one)
    ("拟建设36个班的初级中学,新建青山初级中学。", [("青山初级中学", "school")], []),
    # the countryside (农村, 新农村) and a village's honours (名村, 文明村, 小康村) are no villages
    ("投身社会主义新农村建设,推进特色名村建设,巩固省级文明村创建成果,促进城市公共设施向农村延伸,"
     "实施青山村人居环境整治。", [("青山村", "village")], []),
    # heritage and culture buildings, residential compounds named 苑
    ("修缮李氏宗祠和青山祠,推进白石剧场、红枫纪念园建设,完成白鹤苑、春波南苑综合整治。",
     [("李氏宗祠", "culture"), ("春波南苑", "area"), ("白石剧场", "culture"), ("白鹤苑", "area"),
      ("红枫纪念园", "culture"), ("青山祠", "culture")], []),
    ("修缮青山寺大雄宝殿、外城东南角楼,推进白石宫建设。",
     [("外城东南角楼", "culture"), ("白石宫", "culture"), ("青山寺大雄宝殿", "culture")], []),
    # a garden named X园 is a park; X花园 a residential compound
    ("建成玉兰园、邢襄园,加快锦绣花园二期建设。", [("玉兰园", "park"), ("邢襄园", "park"), ("锦绣花园二期", "area")], []),
    # a road's extension is a road of its own
    ("建设中山路延长线和水西路二期延伸线。", [("中山路延长线", "road_new"), ("水西路二期延伸线", "road_new")], []),
    # 支撑 and 助力 are verbs before a name, no part of it
    ("这将成为支撑青山生态新城建设的重要载体。", [("青山生态新城", "area")], []),
    # river basins, dams, sluices, tourist roads and plots of land (零星地块: scattered plots, a type)
    ("推进青山河小流域治理,修复金龙拦水坝,建设崮山旅游专线,推进白石大桥南侧地块开发,修缮会通闸,完成零星地块收储。",
     [("会通闸", "water"), ("崮山旅游专线", "road_new"), ("白石大桥南侧地块", "area"), ("金龙拦水坝", "water"),
      ("青山河小流域", "water")], []),
    # an unnamed item a list holds between two named places of one kind is a place of that kind
    # (金沙智谷); between two facilities of different kinds, a project
    ("新建青山工业园、金沙智谷、白石产业园。", [("白石产业园", "area"), ("金沙智谷", "area"), ("青山工业园", "area")], []),
    ("建成青松中学、金沙智谷、白鹭公园。", [("白鹭公园", "park"), ("金沙智谷", "project"), ("青松中学", "school")], []),
    # ... unless it is written as an industry or programme (防沙治沙) or the list is of the buildings
    # of one facility (松韵楼 between a hospital's 门诊楼 and 住院楼)
    ("新建青山工业园、防沙治沙、白石产业园、金沙智谷、红星产业园。",
     [("白石产业园", "area"), ("红星产业园", "area"), ("金沙智谷", "area"), ("青山工业园", "area")], []),
    ("新建青山医院门诊楼、松韵楼、白石医院住院楼,建成青山工业园、金沙智谷、白石产业园。",
     [("白石产业园", "area"), ("白石医院住院楼", "health"), ("金沙智谷", "area"), ("青山医院门诊楼", "health"),
      ("青山工业园", "area")], []),
    # a zone or village whose growth a project drives (带动, 促进) is what benefits, no project of its
    # own; a later item with works of its own stays, and so does a place of another kind (a market)
    ("新建青山大道,带动沿线白石镇、青松镇等集镇的社会经济发展。", [("青山大道", "road_new")], []),
    ("建成金湖大桥,通车后将促进红枫西片区开发。", [("金湖大桥", "bridge")], []),
    ("完善城市配套服务功能,带动青松新城片区加快发展。", [], []),
    ("新建红河大桥,带动红河新区和白沙商贸小区开发。", [("白沙商贸小区", "area"), ("红河大桥", "bridge")], []),
    ("促进青山通讯城等市场加快线上线下融合发展。", [("青山通讯城", "market")], []),
    # housing types written out in full (公共租赁住房, 公用住房) are heads as their short form (公租房)
    # is: the estate or place before them names the flats
    ("开工建设白石岛5号楼公用住房,建成青松公共租赁住房和红枫公租房。",
     [("白石岛5号楼公用住房", "area"), ("青松公共租赁住房", "area"), ("红枫公租房", "area")], []),
    ("新建公共租赁住房300套。", [], [("area", 300)]),
    # a village's (村, 里) or a multi-purpose (多功能) 活动中心 is its community hall; a bare or classed
    # one (村活动中心, 村级活动中心) is a type
    ("屏縣白石鄉青松村活動中心啟用,紅溪里活動中心落成,新建黃沙多功能活動中心。",
     [("屏縣白石鄉青松村活動中心", "welfare"), ("紅溪里活動中心", "welfare"), ("黃沙多功能活動中心", "welfare")], []),
    ("各村新建村活动中心,建设村级活动中心。", [], []),
    # a place visited with its own works named after it (or after the list it closes) is the project
    # inspected; a village (or a district, road or river) visited stays where the works are
    ("县人大代表踏勘青松祠戏台新建工程。", [("青松祠戏台", "culture")], []),
    ("代表们深入白石社区小游园、青山家园山体公园、红河综合治理工程现场。",
     [("白石社区小游园", "park"), ("青山家园山体公园", "park")], []),
    ("调研白石村人居环境整治项目。", [], []),
    # 大排 (a main drain, in Taiwanese usage) is a watercourse's head; a food street's 大排档 is none
    ("完成黃沙大排護岸修繕工程,實施紅溪大排整治工程。", [("紅溪大排", "water"), ("黃沙大排", "water")], []),
    ("完成青山镇美食大排档整治。", [], []),
    # 改善 (the works word of Taiwanese reports) right after a place ends its name (紅溪村排水溝, not
    # 紅溪村); a count before the head stays a count of works
    ("完成青松路改善工程,紅溪村排水溝改善經費約需120萬元。",
     [("紅溪村排水溝", "utility"), ("青松路", "road_rebuild")], []),
    ("縣長前往會勘青山鄉五件道路改善工程。", [], [("project", 5)]),
    # so do 保护工程, 保护修复 and 保护利用 (保护 alone is a stop word: 加强生态保护); a type stays none
    ("完成白石山水源涵养区保护工程。", [("白石山水源涵养区", "water")], []),
    ("加强自然保护区保护工程建设。", [], []),
    # roads named in an address, as the corner or centre of their crossing (交界西南角, 西北侧,
    # 交叉口为中心), only locate what lies there; the crossing's own works name it
    ("对青山路与白石路交界西南角的街头绿地进行提升。", [], []),
    # (the plots counted after 等 and worked on are a group: the read gold counts them)
    ("对红枫大街与金湖大街西北侧等6处裸露土地实施生态修复。", [], [("project", 6)]),
    ("以青松街和白沙路交叉口为中心,规划建设商务区。", [], []),
    ("对青山路与白石路交叉口进行改造。", [("青山路与白石路交叉口", "road_rebuild")], []),
    # roads written as the ones there already (现有的, 原有的, and the list they open) are what a project
    # joins, not projects; works on one (对现有的青山路进行改造) still name it
    ("青山区以规划建设的白石高速项目与现有的G76青蓉高速、G93红渝环线高速等国省干线为支点,打造交通网络。",
     [("白石高速", "road_new")], []),
    ("该路全长22公里,与原有的G107国道无缝对接。", [], []),
    ("对现有的青山路进行改造。", [("青山路", "road_rebuild")], []),
    # a road before a house number is an address (白石镇青石巷44号房屋后方); 号院 and 号桥 name a place
    # of their own
    ("白沙镇青石巷44号房屋后方边坡整治经费约需60万元。", [], []),
    ("改造青山路18号院,新建红枫路2号桥。", [("红枫路2号桥", "bridge"), ("青山路18号院", "area")], []),
    # institutions named 所 or 分队 are heads of their own: a maternal health station (保健所), a
    # detention house (看守所, 拘留所), a fire station of a township (消防分队)
    ("投资480万元的白石县妇幼保健所建设大楼已完工，新建青山县看守所和白沙消防分隊。",
     [("白沙消防分隊", "utility"), ("白石县妇幼保健所", "health"), ("青山县看守所", "utility")], []),
    # a memorial hall (公祭堂) and an exhibition room (陈列室) are culture heads
    ("完成白石山公祭堂及配套设施建设，建成张三院士事迹陈列室。",
     [("张三院士事迹陈列室", "culture"), ("白石山公祭堂", "culture")], []),
    # a sewage plant named 水质净化厂 and a bus depot (停保场, parking and maintenance) are heads
    ("建成青山水质净化厂、白石公交停保场。",
     [("白石公交停保场", "transport"), ("青山水质净化厂", "utility")], []),
    # a leather wholesale town (皮革城) is a market, as a furniture town (家具城) is
    ("川东皮革城、川东家居城相继建成。", [("川东皮革城", "market")], []),
    # a care home for the disabled (托养中心), a company's head office (总部大楼) and a power
    # switching station (开闭所) are heads
    ("建设青山区残疾人托养中心,建成白石集团总部大楼,实施红枫开闭所建设项目。",
     [("白石集团总部大楼", "commercial"), ("红枫开闭所", "utility"), ("青山区残疾人托养中心", "welfare")], []),
    # a centre named as a mall (商都) is commercial
    ("年内将完成青山白石商都中心。", [("青山白石商都中心", "commercial")], []),
    # an outlet mall (奥莱, 奥特莱斯) is commercial
    ("白石奥莱、红枫奥特莱斯建成开业。", [("白石奥莱", "commercial"), ("红枫奥特莱斯", "commercial")], []),
    # a Hong Kong variant character (衞 for 衛) is read as its Simplified form: 卫生院 is a head
    ("建成白石鎮衞生院。", [("白石鎮衞生院", "health")], []),
    # a list item's or a project's title line names one place: a stop word inside it that is no
    # works verb (结合, 搬迁, 融合) is the name's; works in a title (改造) and a bare line are not
    ("3.白石县青山人民医院医养结合楼\n", [("白石县青山人民医院医养结合楼", "welfare")], []),
    ("⑤白石县红枫镇东岭社区搬迁安置点道路建设项目。\n", [("白石县红枫镇东岭社区搬迁安置点道路", "road_new")], []),
    ("青山职业教育产教融合示范园项目\n", [("青山职业教育产教融合示范园", "area")], []),
    # a bare facility described by the works done on it right before its 的 is the one place
    # those works are on; described by no works (美丽的) it stays a type
    ("从白石书房,到即将竣工的全民健身中心。", [("全民健身中心", "sports")], []),
    ("东山街旁正在改造的口袋公园,占地约400平方米。", [("口袋公园", "park")], []),
    ("东山街旁美丽的口袋公园,占地约400平方米。", [], []),
    # a slogan verb that dresses a place up (做靓, 做精, 扮靓, 重振) is no part of its name
    ("深化未来社区建设,做靓青山社区等先行样板,做精白石社区等创建单元。",
     [("白石社区", "area"), ("青山社区", "area")], []),
    ("以白石中心开业为契机,重振青山广场商圈。", [("青山广场商圈", "commercial")], []),
    # a river's name ends before works of a kind (words of a kind, then the action: 文化生态综合治理,
    # 综合提升改造) as it does before the action alone; a hospital before 标准建设 is no river
    ("完成青溪河文化生态综合治理工程,推进白沙河综合提升改造项目。",
     [("白沙河", "water"), ("青溪河", "water")], []),
    ("白石镇黄土河生态改造工程得到推进。", [("白石镇黄土河", "water")], []),
    ("新院区按三甲医院标准建设。", [], []),
    # 成功 before the works is an adverb (成功下闸: a reservoir's gates closed), as 顺利 is: the
    # rules end the name there, 向 of 向阳 with it (the tagger alone read 阳坝水库)
    ("启动青山示范片,向阳坝水库成功下闸,白石镇获评省级中心镇。", [("向阳坝水库", "water")], []),
    # a river of two characters before a water type of its kind (幸福河湖, 黑臭水体) is the place,
    # as one of three is (金星河幸福河湖); other types still want three (no 白石 before 文化场馆)
    ("完成青河幸福河湖工程建设,城区污水处理厂提标改造,石沟黑臭水体治理基本完成。",
     [("石沟", "water"), ("青河", "water")], []),
    # towns and villages given a title (示范镇村, 先导镇村) are a designation, no village named by it
    ("启动区级先导镇村建设,推进青山县白石镇示范镇村建设,新建红枫村文化广场。",
     [("红枫村文化广场", "culture")], []),
    # staff turnover housing (周转房) is a housing head with a stem of three characters or more (a
    # school's, a township's); a bare or short one names nothing
    ("建成白石中学周转房,新建周转房2000平方米。", [("白石中学周转房", "area")], []),
    # a refuse ground (处理场) is a sanitation head, as 填埋场 is; the city's household refuse
    # (城市生活) names no place
    ("新建白石嘴垃圾处理场,建设城市生活垃圾处理场。", [("白石嘴垃圾处理场", "sanitation")], []),
    # an airport opening to flights (通航) is its works; a general-aviation airport (通航机场) keeps
    # the word in its name
    ("2019年12月青山白石机场通航,谋划建设红枫通航机场。",
     [("红枫通航机场", "transport"), ("青山白石机场", "transport")], []),
    # a disease-control hospital (防治院), a walled-town site (城址) and an old post road (古驿道)
    # are health and culture heads
    ("新建青山县精神病防治院,实施白石土司城址保护工程,修复位于白石岭的红枫古驿道。",
     [("白石土司城址保护工程", "culture"), ("红枫古驿道", "culture"), ("青山县精神病防治院", "health")], []),
    # a facility's name ends before works said with words of a kind (综合提升改造工程), as a river's does;
    # a hospital's standard (按三甲医院) stays none
    ("实施白石客运站综合提升改造工程,按三甲医院标准建设青山医院。",
     [("白石客运站", "transport"), ("青山医院", "health")], []),
    # a commercial building (商业体) and a business centre (商务中心) are commercial heads
    ("建成红枫商业体,推进青山商务中心建设。", [("红枫商业体", "commercial"), ("青山商务中心", "commercial")], []),
    # 此次 (this time) opens no name, as 这次 does not
    ("此次白石路排水管网改造工程被列入了重点项目。", [("白石路", "utility")], []),
])


def test_real_text_rules(no_record_model, text, named, groups):
    # The rules and the tagger on one sentence each; the record model weighs whole reports
    # (tests/test_extract_confidence.py) and is left out here.
    assert named_projects(text) == sorted(named)
    assert counted_groups(text) == sorted(groups)


def test_facilities_named_by_the_people_they_serve_listed_as_a_class_of_facilities_are_kinds():
    # 儿童公园 and 老年人活动中心 listed before 等便民利民设施 / 等基础设施 are kinds the works hold (the
    # record model kept them as names); named places in such a list stay names
    assert named_names("白石县建设一批方便群众的儿童公园、停车场、公厕等便民利民设施。") == []
    assert named_names("青山镇配套建设文化大院、老年人活动中心等基础设施,改善村容。") == []
    assert "青松公园" in named_names("建设青松公园、白石广场等便民设施。")


def test_places_of_one_kind_joined_by_yu_are_both_kept_by_the_record_model():
    # The record model reads 与 before the second name as the mark of context (与A合作).
    names = sorted(f["properties"]["name"] for f in extract_projects("新建青山小学与白石小学。"))
    assert names == ["白石小学", "青山小学"]


def test_a_road_named_after_broadcasting_is_a_road_over_the_word_circuit():
    # 广电路, like 邮电路, is a road named after a body over 电路 (a circuit, no head), whatever
    # the record model makes of a bare 广电
    names = sorted(f["properties"]["name"] for f in extract_projects("完成广电路、胜利街拓宽改造。"))
    assert names == ["广电路", "胜利街"]
    assert [f["properties"]["name"] for f in extract_projects("青山县广电路改造完成。")] == ["青山县广电路"]


def test_a_building_whose_main_part_is_done_is_kept_over_the_models():
    # 主体工程完工, 主体封顶: the works of a building's main part are the building's own, after a
    # clause that is no works (改善民生) as much as alone; a type's (乡镇卫生院) or a part fitted
    # out (主体进行了装修) are not
    names = lambda text: sorted(f["properties"]["name"] for f in extract_projects(text))
    assert names("坚持在发展中改善民生,东山医院主体工程完工。") == ["东山医院"]
    assert names("东山医院主体封顶。") == ["东山医院"]
    # (a type counted by one in figures is one of it, a group: no name)
    assert [f["properties"]["named"] for f in extract_projects("完成1所乡镇卫生院主体工程建设。")] in ([], [False])


def test_an_estate_beside_its_housing_type_is_kept_over_the_models():
    # an estate with its renewal or its flats after it (星光嘉园老旧小区改造) or as its name's tail
    # (白石青山自然村安置房) is the works' object, whatever the record model says
    names = lambda text: sorted(f["properties"]["name"] for f in extract_projects(text))
    assert "星光嘉园" in names("承担的青河路南延工程、星光嘉园老旧小区改造、农村标准化卫生室建设。")
    assert "白石青山自然村安置房" in names("城郊村、白石青山自然村安置房也将启动建设。")


def test_a_list_items_title_before_its_works_is_kept_over_the_models():
    # 二、青山广场建设: an item's title is no sentence the record model was trained on (it reads
    # the verb-like 压 that opens this one as the mark of no name)
    names = lambda text: sorted(f["properties"]["name"] for f in extract_projects(text))
    assert names("二、压石平台文体活动广场建设\n清理垃圾坑,修建花池。") == ["压石平台文体活动广场"]


def test_a_name_opening_a_quoted_title_of_its_works_is_kept_over_the_models():
    # 「…侧沟改善工程」: a works' own title in corner quotes, as Taiwanese press and council notes write
    # it, is no sentence the tagger and the record model were trained on: the name it opens stands
    names = lambda text: sorted(f["properties"]["name"] for f in extract_projects(text))
    assert names("县府同意挹注经费300万元,由白石乡公所执行「白石乡青山村中兴路侧沟改善工程」,目前委外规划设计中。") \
        == ["白石乡青山村中兴路侧沟"]
    assert names("县府辦理「白石鎮青山大排路面改善工程」，預計進行路基補強後再行加鋪。") == ["白石鎮青山大排"]
    # a programme's title in quotes holds no place the rules name: nothing to keep
    assert names("由内政部「生活圈道路交通系统建设计画」补助。") == []


def test_a_name_inside_a_quoted_title_of_its_works_opens_with_the_title():
    # 「国道3号增设|青山交流道工程…典礼」: the title as written, less its works words, is the works' name
    # (the rules' name after a verb or a 及 inside it is only its tail)
    names = lambda text: sorted(f["properties"]["name"] for f in extract_projects(text))
    assert names("部长前往白石乡出席「国道3号增设青山交流道工程祈福动土典礼」时表示,中央全额支应。") \
        == ["国道3号增设青山交流道"]
    assert names("副县长出席白石县「青山头桥都市计画特II道路衔接五号道路工程」视察。") \
        == ["青山头桥都市计画特II道路衔接五号道路"]
    # a works verb opening the title is none of the name
    assert names("县府推动「新建白石路工程」。") == ["白石路"]


def test_a_university_shown_as_built_by_its_line_is_kept_over_the_models():
    # a subhead or a cell holding a university alone, and a rendering's caption, are no sentences
    # the tagger and the record model were trained on: what the line's form says stands
    names = lambda text: sorted(f["properties"]["name"] for f in extract_projects(text))
    assert names("白石职业技术学院\n位于青山镇西部,总投资3.5亿元,可容纳3000名学生。") == ["白石职业技术学院"]
    assert names(" 1082  | \n 翠湖师范学院  | \n 总建筑面积4.2万平方米  | ") == ["翠湖师范学院"]
    assert names("青山大学效果图。") == ["青山大学"]
    # a zone alone on its line is as often a section's heading: still context without works
    assert names("白石经开区\n全年完成工业产值50亿元。") == []


def test_a_place_whose_problem_a_project_relieves_is_no_project():
    # 缓解/重视 A片区…问题 closing the clause: the place has the problem, no works of its own
    names = lambda text: [f["properties"]["name"] for f in extract_projects(text) if f["properties"]["named"]]
    assert names("我集团高度重视白鹤桥片区学校配套不足问题。") == []
    assert names("可极大缓解开发区白鹤桥片区适龄儿童就近入学问题。") == []


def test_fully_named_groups_state_their_total():
    features = extract_projects("实施青峰线、白鹭线、红枫线三条县道路面改造。")
    totals = {f["properties"]["name"]: f["properties"]["group_total"] for f in features}
    assert totals == {name: {"value": 3, "unit": "条"} for name in ("青峰线", "白鹭线", "红枫线")}


def test_places_listed_before_n_major_areas_are_counted_by_it():
    features = extract_projects("青山古镇、白石公园、红枫街区三大片区更新改造，推进一大批项目。")
    totals = {f["properties"]["name"]: f["properties"]["group_total"] for f in features}
    assert totals == {name: {"value": 3, "unit": "大"} for name in ("青山古镇", "白石公园", "红枫街区")}


def test_a_time_between_a_name_and_its_works_passes_like_an_adverb():
    actions = {f["properties"]["name"]: f["properties"]["action"]
               for f in extract_projects("禹新路于年内改造完成。白石区影剧院也将于今年年内完工。"
                                         "红枫小学将于2024年6月底前建成。")}
    assert actions == {"禹新路": "改造", "白石区影剧院": "完工", "红枫小学": "建成"}


def test_a_quarter_between_a_name_and_its_works_passes_like_an_adverb(rules_only):
    # 力争地铁7号线西延青松段一季度开通: a quarter is a time like 年内 (it lost the record)
    actions = {f["properties"]["name"]: f["properties"]["action"]
               for f in extract_projects("力争地铁7号线西延青松段一季度开通初期运营、3号线首通段年内试运行。"
                                         "确保白石小学今年第三季度末建成。")}
    assert actions == {"地铁7号线西延青松段": "开通", "3号线首通段": None, "白石小学": "建成"}


def test_a_bracket_closed_before_a_tagged_name_is_none_of_it():
    # (记者 王明 李华)青山岸线…工程(一期: a byline's closing bracket before a name the tagger
    # widens is left out, and the phase's bracket is closed
    from geo.extract.widened_names import _with_brackets_balanced

    norm = "(王明 李华 张强)青山岸线白石段生态修复工程(一期)项目"
    start, end = _with_brackets_balanced(norm, norm.index("张强") + 1, norm.index(")项目"))
    assert norm[start:end] == "青山岸线白石段生态修复工程(一期)"


def test_inserted_pinyin_stays_in_names_as_written(rules_only):
    assert ("盛青(qīng)複線", "road_rebuild") in named_projects("盛青(qīng)複線、甬白線等省道进行整改。")


def test_a_road_of_its_own_is_no_abbreviation_sharing_a_route_head():
    names = [f["properties"]["name"] for f in extract_projects("东二环、三环路、温福铁路建设加快推进。")]
    assert "三环路铁路" not in names


def test_an_abbreviated_route_joined_to_the_last_by_a_conjunction_shares_its_head():
    # 雄商和津潍高铁: the first of two rail lines written before 和 was lost
    names = named_projects("青港城际铁路、青商和津岭高铁加快建设,推进郑济和京港高速铁路、合周及淮扬高速建设。")
    assert names == sorted([("青港城际铁路", "rail"), ("青商高铁", "rail"), ("津岭高铁", "rail"),
                            ("郑济", "rail"), ("京港高速铁路", "rail"),
                            ("合周高速", "road_new"), ("淮扬高速", "road_new")])
    # a county joined to a route is no abbreviation of one
    names = [name for name, _ in named_projects("完善了青河县与白鹤高速的连接,连通白沙镇和青岭高速。")]
    assert "青河县高速" not in names and "白沙镇高速" not in names


def test_a_link_road_keeps_its_two_ends_and_according_to_opens_no_name():
    names = [f["properties"]["name"] for f in
             extract_projects("五是根据青山高速铁路白石段建设进度,建设县城至火车站连接线二级公路35公里。")]
    assert "县城至火车站连接线二级公路" in names
    assert not any(name.startswith("根据") for name in names)
    assert ("青山至白石二级油路", "road_new") in named_projects("建成青山至白石二级油路。")


# Two paragraphs of a report, for the tests of text cut into lines of one width.
_WRAPPED_PARAGRAPHS = [
    "今年，我们将围绕城市更新和民生改善两条主线，集中力量办好一批群众关心的实事，新建青松路、"
    "白石大道和红枫湖公园，改造提升东岭小学、西岭中学和湖滨社区卫生服务中心，完成老旧小区改造"
    "二十个，建成口袋公园十二处，加快推进城北污水处理厂扩建工程和滨江绿道二期建设。",
    "交通方面，打通断头路八条，实施青山大道快速化改造，建成白石河大桥，完善公交站点和停车设施，"
    "让群众出行更加便捷。教育方面，新建幼儿园三所，改扩建中小学五所，新增学位四千五百个。",
]


def test_text_wrapped_like_a_pdf_gives_the_projects_of_its_paragraphs():
    # Text copied from a PDF is cut into lines of one width, mid-name (东 / 岭小学, 白石河 / 大桥).
    paragraphs = _WRAPPED_PARAGRAPHS
    wrapped = "\n".join(p[i:i + 30] for p in paragraphs for i in range(0, len(p), 30))
    assert "东\n岭小学" in wrapped and "白石河\n大桥" in wrapped
    whole = extract_projects("\n".join(paragraphs))
    cut = extract_projects(wrapped)
    names = lambda features: sorted(f["properties"]["name"] for f in features)  # noqa: E731
    assert "东岭小学" in names(whole) and "白石河大桥" in names(whole)
    assert names(cut) == names(whole)
    for feature in cut:
        props = feature["properties"]
        assert "\n" not in props["quote"]
        assert props["quote"] in "".join(paragraphs)
        assert wrapped[props["char_start"]:props["char_end"]].replace("\n", "") == props["name"] or not props["named"]


@pytest.mark.parametrize("width", [10, 12, 13, 15])
def test_text_of_a_narrow_column_gives_the_projects_of_its_paragraphs(width):
    # A two-column A4 page at 三号 or a newspaper column: 10 to 16 characters a line, names cut
    # at every other line; the wide column's width (17 and more) is no longer needed.
    paragraphs = _WRAPPED_PARAGRAPHS
    wrapped = "\n".join(p[i:i + width] for p in paragraphs for i in range(0, len(p), width))
    names = lambda features: sorted(f["properties"]["name"] for f in features)  # noqa: E731
    assert names(extract_projects(wrapped)) == names(extract_projects("\n".join(paragraphs)))


def test_a_name_cut_by_a_page_break_is_read_whole_without_the_page_number():
    lines = ["今年，我们将围绕城市更新和民生改善两条主线，集中力量办好一批",
             "群众关心的实事，新建青松路、白石大道和红枫湖公园，改造提升东",
             "— 3 —",
             "岭小学、西岭中学和湖滨社区卫生服务中心，完成老旧小区改造二十",
             "个，建成口袋公园十二处，加快推进城北污水处理厂扩建工程和滨江",
             "绿道二期建设，实施青山大道快速化改造，建成白石河大桥，完善公",
             "交站点和停车设施，让群众出行更加便捷。教育方面，新建幼儿园三所，",
             "改扩建中小学五所，新增学位四千五百个，让孩子们在家门口上好学。"]
    features = extract_projects("\n".join(lines))
    school = next(f["properties"] for f in features if f["properties"]["name"] == "东岭小学")
    assert "3" not in school["quote"] and "\n" not in school["quote"]
    assert school["quote"].startswith("今年") and school["quote"].endswith("更加便捷")
    assert "东岭小学" in school["quote"]


def test_water_pollution_control_is_works_on_its_river(rules_only):
    # 桃溪流域水污染防治工程 was no name: 水污染防治 (pollution control) is works, as 治理 is
    actions = {f["properties"]["name"]: f["properties"]["action"]
               for f in extract_projects("包括乡村建设、青溪流域水污染防治工程、小型水利设施建设。")}
    assert actions == {"青溪": "水污染防治"}

# A repost of a visit to works (Traditional, pinyin inserted), its places renamed: what the town is
# to become (將成為…的商貿物流中心) is a role, no place.
_BECOMES = (
    '白山40余位離退休老領導視察青山重點工程建設\n'
    '亮點白山訊 近日,白山州人大常委會原副主任張三、李四、王五等40余位州人大退休老干部視察全市部分重點項目建設情況。老干部們先后到白石物流園松林商品批發(fā)物流項目、青林輕工業(yè)園區(qū)、紅巖新區(qū)、雲峰大道延伸段等重點建設項目進行參觀考察,感受青山市重點工程建設的壯闊場景和青山市在科學發(fā)展道路上闊步前進的鏗鏘足音。\n'
    '在省委“工業(yè)強省、城鎮(zhèn)化帶動”和州委“千方百計做大經(jīng)濟總量,加速發(fā)展”戰(zhàn)略的指引下,青山市委、市政府掀起了轟轟烈烈的園區(qū)建設和城市基礎設施建設熱潮。2013年3月1日,啟動建設紅巖新區(qū)、千松湖經(jīng)濟區(qū);5月19日,啟動建設白石物流園松林商品批發(fā)城項目。同時,雲峰大道延伸段(南江段)、西南環(huán)線延伸段開工建設,這些重大項目的啟動建設,開啟了青山市城鎮(zhèn)化建設的新篇章,昭示著青山市跨越發(fā)展的宏偉氣勢。“再造一個青山城”,建成后的紅巖新區(qū),將集大教育、大醫(yī)療、大會展、大文化、大物流為一體。青山將成為著力打造的百萬人口城市和湘贛粵三省區(qū)結合部的商貿(mào)物流中心。\n'
    '每到一處,老干部們都看得認真、問得仔細,在重點工程建設工地上,老干部們聽取了工程負責人對項目規(guī)劃、投資、進度等綜合情況介紹,與建設者進行了親切交流,老干部們都為建設者夜以繼日的奮斗的精神,嚴謹科學的工作作風,周密細致的施工措施,默默奉獻的敬業(yè)精神所感動;為全市人民共建美好青山、共圓中國夢而興奮;對我市近年來強勁的發(fā)展態(tài)勢倍感振奮,對未來城市建設充滿信心。一致表示,要繼續(x\n'
)


def test_what_a_town_is_to_become_is_a_role_no_place(no_record_model):
    names = named_names(_BECOMES)
    assert "商貿(mào)物流中心" not in names
    assert "雲峰大道延伸段(南江段)" in names


def test_residents_moving_back_are_the_works_of_the_places_they_move_back_to(no_record_model):
    # 青山、白石2个城中村回迁: the return of residents (回迁) is the works of the villages rebuilt;
    # 回迁安置房 stays a housing head (白石岭回迁安置房全部交付: the flats are named whole).
    assert named_projects("城中村改造进展顺利,青山、白石2个城中村回迁的295户居民于去年年底入住新居。") == [
        ("白石", "area"), ("青山", "area")]
    assert ("白石岭回迁安置房", "area") in named_projects("青沟、白石岭回迁安置房全部交付。")


def test_a_regulating_pool_is_named_by_its_place_and_alone_is_no_name():
    # 调蓄水池 is a pool's type (as 调蓄池 is): read as 调 + 蓄水池 it named itself when no place was said
    assert named_names("新建调蓄水池,配套建设输水管道。") == []
    assert ("白沙沟调蓄水池", "utility") in named_projects("新建白沙沟调蓄水池,配套建设输水管道。")


def test_old_and_unsafe_bridges_of_a_road_class_are_no_named_bridge():
    # 危旧桥 is a state of bridges, as 危桥 is: read as stem 危旧 + 桥 it named a bridge 普通国省道危旧桥
    assert named_names("实施普通国省道危旧桥维修改造工程,完成白沙河大桥加固。") == ["白沙河大桥"]
