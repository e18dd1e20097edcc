"""geo.extract.context: places a sentence names as context (relied on, passed through), no projects."""

from extract_cases import named_names


def test_places_listed_after_liyong_or_lizu_are_what_a_plan_relies_on():
    # 立足 and 利用 are verbs of reliance (reliance in stop_words.tsv) as 依托 is: the places listed
    # after them, typed or not, that close their clause are context
    assert named_names("在文体方面,立足金河娘家、翠湖广场、云溪酒店等项目载体,强化招商工作。") == []
    assert named_names("该区充分利用青山街角、白石边沟等闲散地块,大力实施公园游园增绿工程。") == []


def test_liyong_ending_a_works_word_is_no_verb_of_reliance():
    # 综合利用, 保护利用 are works on the places after them
    assert named_names("综合利用青山矿区、白石矿区。") == ["白石矿区", "青山矿区"]


def test_a_name_the_tagger_adds_in_a_list_relied_on_is_context_too():
    # the tagger's names carry no list read by the rules: the rest of the list and its type after 等
    # are looked for after them (依托A、B、C等项目载体 kept B and C)
    assert named_names("在文体方面,依托金河娘家、翠湖广场、云溪酒店等项目载体,强化招商工作。") == []
    assert "翠湖广场" in named_names("依托金河建材、翠湖广场等新建商业载体,打造商务楼宇。")


def test_each_road_of_a_list_after_zai_that_its_works_follow_is_a_project():
    # 在A大街、B大街和C大街道路改造计划项目现场: the works named after the list are every road's, as
    # 在A大街道路改造项目现场 names one road's; the first of the list is no place of context either.
    names = named_names("在白石湾大街、青松大街和红枫大街道路改造计划项目现场,代表们实地查看道路现状。")
    assert {"白石湾大街", "青松大街", "红枫大街"} <= set(names)
    assert "青山路" in named_names("在青山路、白石大街道路改造项目现场,工人们正在施工。")


def test_the_course_after_jing_is_searched_for_by_its_first_character_with_the_same_matches():
    # (^ or a mark opened the pattern: it was tried at every position of the 40 characters before a
    # place; the first character consumed as one class and tested behind, the matches are the same)
    import random
    import re

    from geo.extract import context
    from test_extract_segment import _searched_for

    former = re.compile(r"(?:^|[,;:。])(?:途)?经(?:[\u4e00-\u9fff\d]{1,12}[、和及与])*(?:[\u4e00-\u9fff\d]{1,12}至)?$")
    assert _searched_for(context._VIA_BEFORE) and not _searched_for(former)
    rng = random.Random(13)
    alphabet = list(",;:。、和及与至途经途经青山镇白石村1 ")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        found, before = context._VIA_BEFORE.search(text, lo, hi), former.search(text, lo, hi)
        assert (found and found.span()) == (before and before.span()), text


def test_verbs_of_reliance_are_looked_for_from_the_clause_start(monkeypatch):
    # the verb's list holds no mark: the look back for 依托 starts at the clause's comma, not 40
    # characters back; a verb in the clause before (依托白石镇,青山老街) still relies on nothing after the mark
    from geo.extract import context

    spans = []
    real = context._RELIANCE_VERB

    class Recorded:
        def search(self, text, pos, endpos):
            spans.append((pos, endpos, text[pos - 1:pos]))
            return real.search(text, pos, endpos)

    monkeypatch.setattr(context, "_RELIANCE_VERB", Recorded())
    assert named_names("改造白石镇青山路、白石路,依托金河老街、翠湖广场,搭建夜间消费平台。") == ["白石路", "白石镇青山路"]
    assert "青山公园" in named_names("依托白石镇,青山公园建设完成。")
    assert any(mark == "," and end - pos == 0 for pos, end, mark in spans)  # (金河老街: the clause's first place)


def test_a_road_whose_vehicles_or_driving_a_project_serves_is_context():
    # 分解通往A路、B街的车辆, 保证B街行车和区内交通互不干扰: the roads whose traffic a new road takes over
    text = ("青松路全长2209米,建成后将有效分解城区通往红枫路、白石大街的车辆。"
            "新建下穿通道,开放交通后保证青山大道行车和区内部交通互不干扰。")
    names = named_names(text)
    assert "白石大街" not in names and "青山大道" not in names


def test_bare_places_a_works_serves_or_runs_around_are_where_it_reaches():
    # 覆盖沿河、南甸、中心、天星、祥云5个村 (real149 daguan_tianxing: the villages its ditches serve), 共涉及紫云、
    # 五角场、三角场…五个站点的周边地区 (real9 changzhou_tianning: the stations whose surroundings a road
    # upgrade covers): places written without their head were named projects of the count's type
    assert named_names("青山镇修建斗渠12条,覆盖白岭、青石、红枫3个村。") == []
    names = named_names("白石路提升改造工程共涉及松岭、金坪、青山公园三个站点的周边地区。")
    assert "松岭" not in names and "金坪" not in names
    # a list after works, or the works' own objects after 涉及, still names its places
    assert sorted(named_names("新建白岭、青石、红枫3个乡镇卫生院。")) == ["白岭", "红枫", "青石"]
    assert sorted(named_names("老旧小区改造涉及白岭、青石、红枫3个小区。")) == ["白岭", "红枫", "青石"]
    # and named places after 涉及 are judged each by itself (geo.extract.peers)
    assert "青山一村" in named_names("老旧小区改造涉及青山一村、白石新村等8个小区。")
