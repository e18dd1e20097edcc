"""Extraction stage: rules over place-name morphology, groups and counts, offsets, ids, encodings, scoring."""

import csv
import importlib.util
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from geo.extract import slugs as extract_slugs
from geo.data import REPORT_PATH, categories
from geo.extract import extract_file, extract_projects, normalise_name, project_slug, read_report
from geo.io import InputError
from extract_cases import counted_groups, named_names, named_projects
from work_counts import LinesRun, ReadText, SearchedSpan

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"
SCORER = ROOT / "scripts" / "score_extract.py"
OTHER_PASSAGES = ("urban", "county", "newtown", "dongping", "coastal", "township_s")
# Passages of other districts written and labelled as held-out tests, in eight rounds, each scored
# before any rule was tuned on it: their first-run figures (recall 0.63-0.93) are in
# docs/extraction_accuracy.md. The thresholds below are what the tuned rules achieve
# (rounded down), so they guard against regressions; they are not a measure of generalisation.
HELDOUT_PASSAGES = [
    # passage, min recall, min precision, min category agreement
    ("heldout_south", 0.95, 0.95, 0.95),      # southern coastal city district (round 1)
    ("heldout_west", 0.95, 0.95, 0.95),       # western county (round 1)
    ("heldout_north", 0.95, 0.95, 0.95),      # northern old-industrial district (round 1)
    ("heldout_central", 0.95, 0.95, 0.95),    # central-China new district (round 2)
    ("heldout_southwest", 0.95, 0.95, 0.95),  # south-western mountain city district (round 2)
    ("heldout_east", 0.95, 0.95, 0.95),       # eastern district (round 3)
    ("heldout_northeast", 0.9, 0.95, 0.95),   # north-eastern county-level city (round 3)
    ("heldout_hebei", 0.95, 0.95, 0.95),      # northern county-level city (round 4)
    ("heldout_guangxi", 0.95, 0.95, 0.95),    # southern minority-area county (round 4)
    ("heldout_r5_municipal", 0.9, 0.95, 0.95),   # district of a municipality (round 5)
    ("heldout_r5_countycity", 0.95, 0.95, 0.95),  # county-level city (round 5)
    ("heldout_r5_mountain", 0.9, 0.95, 0.95),     # mountain minority autonomous county (round 5)
    ("heldout_r6_oldtown", 0.85, 0.95, 0.95),     # provincial capital old-town district (round 6)
    ("heldout_r6_rustbelt", 0.85, 0.95, 0.95),    # north-eastern old-industrial county (round 6)
    ("heldout_r6_devzone", 0.85, 0.9, 0.9),       # development zone 管委会 report (round 6)
    ("heldout_r7_urbancore", 0.95, 0.95, 0.95),   # Jinan central district, 历下/市中 style (round 7)
    ("heldout_r7_eastsuburb", 0.95, 0.95, 0.95),  # Jinan eastern district, 历城/章丘 style (round 7)
    ("heldout_r7_yellowriver", 0.95, 0.95, 0.95),  # Jinan Yellow River county, 平阴 style (round 7)
    ("heldout_r8_prefecture", 0.85, 0.9, 0.9),     # western 州府 city, 云南 style (round 8)
    ("heldout_r8_island", 0.9, 0.95, 0.85),        # coastal island county, 浙江 style (round 8)
    ("heldout_r9_review", 1.0, 1.0, 1.0),          # review chapter, policy-heavy prose (round 9)
    ("heldout_r9_govself", 1.0, 0.9, 1.0),         # economy and 政府自身建设 chapters (round 9)
]

SEED_PROJECTS = [
    ("泺口服装市场", "market"), ("金牛建材", "commercial"), ("山东通讯城", "market"),
    ("泺口垃圾转运站", "sanitation"), ("水屯北路", "road_rebuild"), ("二环北路东段", "road_rebuild"),
    ("历山北路", "road_greening"), ("清河北路", "road_greening"), ("汇才教育集团", "school"),
    ("桑梓一体化教学联盟", "school"), ("宝华", "school"), ("文澜", "school"),
    ("区级疾控中心", "health"), ("天桥医院", "health"), ("天桥二院", "health"),
    ("黄河国家文化公园", "culture"), ("黄河文化廊道", "culture"), ("新图书馆", "culture"),
    ("新文化馆", "culture"),
]
NON_SPATIAL = ("院士工作站", "重点实验室", "领域", "企业", "600", "企业服务中心", "双30条", "黄金12条",
               "引才8条", "1.6万", "%", "亿元", "市场主体", "黄河流域", "美丽天桥", "示范村", "名优学校")


@pytest.fixture(scope="module")
def seed_text():
    return REPORT_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_text):
    return extract_projects(seed_text)


def _by_name(features):
    return {f["properties"]["name"]: f["properties"] for f in features}


def _unnamed(features, category):
    return [f["properties"] for f in features if f["properties"]["category"] == category
            and not f["properties"]["named"]]


# --------------------------------------------------------------------------- the seed report


@pytest.mark.parametrize("name, category", SEED_PROJECTS)
def test_seed_named_projects_and_categories(seed, name, category):
    props = _by_name(seed)
    assert name in props, f"{name} not extracted"
    assert props[name]["category"] == category
    assert props[name]["named"] is True


def test_seed_section_kept_in_one_project(seed):
    props = _by_name(seed)["二环北路东段"]
    assert props["base_name"] == "二环北路"
    assert props["section"] == "东段"
    assert "二环北路" not in _by_name(seed)


def test_seed_road_greening_group_with_named_members(seed):
    (group,) = _unnamed(seed, "road_greening")
    assert group["quantity"] == {"value": 11, "unit": "条"}
    assert group["group_total"] == {"value": 13, "unit": "条"}
    assert group["action"] == "绿化提升"
    props = _by_name(seed)
    assert props["历山北路"]["group"] == group["id"]
    assert props["清河北路"]["group"] == group["id"]
    assert props["水屯北路"]["group"] is None


def test_seed_school_group_and_culture_group(seed):
    (schools,) = _unnamed(seed, "school")
    assert schools["quantity"] == {"value": 10, "unit": "所"}
    assert schools["measures"] == [{"value": 4500, "unit": "个", "noun": "学位"}]
    assert schools["action"] == "开工建设"
    (culture,) = _unnamed(seed, "culture")
    assert culture["quantity"] == {"value": 3, "unit": "处"}
    assert culture["action"] == "创建"


def test_seed_counts_present(seed):
    values = set()
    for feature in seed:
        props = feature["properties"]
        for key in ("quantity", "group_total"):
            if props[key]:
                values.add(props[key]["value"])
        values.update(m["value"] for m in props["measures"])
    assert {13, 10, 4500, 3} <= values


def test_seed_non_spatial_phrases_absent(seed, seed_text):
    for feature in seed:
        props = feature["properties"]
        mention = seed_text[props["char_start"]:props["char_end"]]
        for phrase in NON_SPATIAL:
            assert phrase not in props["name"] and phrase not in mention, (phrase, props["name"])
    # Counts attached to 企业 / 领域 / policy articles must not become quantities.
    quantities = {f["properties"]["quantity"]["value"] for f in seed if f["properties"]["quantity"]}
    assert quantities == {11, 10, 3}


def test_seed_actions(seed):
    props = _by_name(seed)
    expected = {"天桥医院": "改造提升", "天桥二院": "改扩建", "区级疾控中心": "启用", "新图书馆": "开放",
                "泺口垃圾转运站": "建设", "水屯北路": "改造", "宝华": "培育", "泺口服装市场": "拓展业务范围",
                "汇才教育集团": "建设", "黄河文化廊道": "建设"}
    assert {name: props[name]["action"] for name in expected} == expected


def test_features_follow_the_contract(seed):
    codes = set(categories())
    keys = {"id", "name", "category", "action", "quote", "char_start", "char_end", "quantity", "named",
            "section", "base_name", "group", "group_total", "measures"}
    assert seed == sorted(seed, key=lambda f: (f["properties"]["category"], f["properties"]["id"]))
    for feature in seed:
        assert feature["type"] == "Feature" and feature["geometry"] is None
        assert feature["id"] == feature["properties"]["id"]
        assert set(feature["properties"]) == keys
        assert feature["properties"]["category"] in codes


def test_a_sentence_longer_than_a_quote_is_quoted_by_the_clauses_around_each_project():
    from geo import settings

    # A page without full stops (a flattened table, a forum repost): one "sentence" of 24,000 characters.
    filler = "，".join(["推进工作落实"] * 2000)
    text = f"{filler}，新建青山小学，改造白石路，{filler}。短句里新建金河公园。"
    features = {f["properties"]["name"]: f["properties"] for f in extract_projects(text)}
    for name in ("青山小学", "白石路"):
        props = features[name]
        quote = props["quote"]
        assert len(quote) <= settings.QUOTE_MAX_CHARS + 2 and quote.startswith("…") and quote.endswith("…")
        assert name in quote and quote.strip("…") in text  # whole clauses of the text, as written
        middle = quote.index(name) + len(name) / 2  # the project in the middle, give or take a clause
        assert abs(middle - len(quote) / 2) <= 10, quote
        assert text[props["char_start"]:props["char_end"]] == name
    assert features["金河公园"]["quote"] == "短句里新建金河公园"  # a sentence that fits stays whole


def test_offsets_and_quotes(seed, seed_text):
    for feature in seed:
        props = feature["properties"]
        mention = seed_text[props["char_start"]:props["char_end"]]
        assert mention in props["quote"] and props["quote"] in seed_text
        assert not re.search(r"[。！？；;\n]", props["quote"][:-1])
        if props["named"]:
            assert mention == props["name"]
        else:
            # For a counted group the offsets cover the counted mention, e.g. 13条道路, 学校10所.
            total = props["group_total"] or props["quantity"]
            assert str(total["value"]) in mention and total["unit"] in mention


def test_offsets_survive_nfkc_expansion():
    text = "㈠加快推进水屯北路改造，计划开工建设学校１０所。"  # ㈠ -> "(一)", １０ -> "10"
    features = extract_projects(text)
    props = _by_name(features)
    start, end = props["水屯北路"]["char_start"], props["水屯北路"]["char_end"]
    assert text[start:end] == "水屯北路"
    (group,) = _unnamed(features, "school")
    assert group["quantity"] == {"value": 10, "unit": "所"}
    assert text[group["char_start"]:group["char_end"]] == "学校１０所"


def _written_as(name, span):
    """The name is the span as written, less the spaces cleaning drops (around numbers, letter-spacing)
    and invisible characters (a byte-order mark, a zero-width space: geo.names.INVISIBLE)."""
    from geo.names import INVISIBLE

    return name == span or (name[0] == span[0] and name[-1] == span[-1]
                            and INVISIBLE.sub("", re.sub(r"[ \u3000]+", "", span)) == name)


def test_names_keep_inserted_pinyin_as_written_and_match_without_it():
    text = "對象西線、盛寧(níng)複線等省道進行整改提升。盛寧複線完成驗收。"
    props = _by_name(extract_projects(text))
    assert "盛寧(níng)複線" in props
    start, end = props["盛寧(níng)複線"]["char_start"], props["盛寧(níng)複線"]["char_end"]
    assert text[start:end] == "盛寧(níng)複線"
    assert "盛寧複線" not in props  # written again without the pinyin: the same project, kept once


def test_offsets_hold_on_random_slices_with_odd_characters():
    texts = [REPORT_PATH.read_text(encoding="utf-8")]
    names = OTHER_PASSAGES + tuple(row[0] for row in HELDOUT_PASSAGES)
    texts += [(FIXTURES / f"{name}.txt").read_text(encoding="utf-8") for name in names]
    corpus = "\n".join(texts)
    rng = random.Random(3)
    odd = ["㈠", "㎡", "ﬁ", "\u3000", "\u0301", "😀", "\ufeff", "\r\n", "①", "ｱ", "．"]
    checked = 0
    for _ in range(150):
        start = rng.randrange(len(corpus))
        chars = list(corpus[start:start + rng.randrange(1, 160)])
        for _ in range(rng.randrange(0, 5)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(odd))
        text = "".join(chars)
        for feature in extract_projects(text):
            props = feature["properties"]
            assert props["quote"] in text
            if props["named"]:
                assert _written_as(props["name"], text[props["char_start"]:props["char_end"]])
                checked += 1
    assert checked > 50


# --------------------------------------------------------------------------- ids


def test_ids_are_ascii_slugs_unique_and_readable(seed):
    ids = [f["properties"]["id"] for f in seed]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    assert "school-hui-cai-jiao-yu-ji-tuan" in ids


def test_ids_stable_when_paragraphs_are_reordered(seed, seed_text):
    paragraphs = seed_text.split("\n")
    random.Random(7).shuffle(paragraphs)
    shuffled = extract_projects("\n".join(paragraphs))
    strip = ("quote", "char_start", "char_end")

    def content(features):
        return {f["id"]: {k: v for k, v in f["properties"].items() if k not in strip} for f in features}

    assert content(shuffled) == content(seed)
    assert extract_projects(seed_text) == seed  # and deterministic run to run


def test_slug_falls_back_to_a_stable_hash_without_pypinyin(monkeypatch):
    monkeypatch.setattr(extract_slugs, "_pinyin", lambda text: None)
    first = project_slug("school", "汇才教育集团")
    assert re.fullmatch(r"school-[0-9a-f]{12}", first)
    assert project_slug("school", "匯才教育集團") == first
    assert project_slug("health", "汇才教育集团") != first


def test_duplicate_mentions_merge_keeping_the_first():
    text = "加快推进水屯北路改造。\n继续推进水屯北路改造，实施天桥医院改造提升。"
    features = extract_projects(text)
    roads = [f["properties"] for f in features if f["properties"]["base_name"] == "水屯北路"]
    assert len(roads) == 1
    assert roads[0]["char_start"] == text.index("水屯北路")
    assert roads[0]["quote"] == "加快推进水屯北路改造"


def test_equal_group_names_with_different_counts_stay_apart():
    text = "今年新建口袋公园12处。明年新建口袋公园8处。"
    parks = _unnamed(extract_projects(text), "park")
    assert sorted(p["quantity"]["value"] for p in parks) == [8, 12]
    assert len({p["id"] for p in parks}) == 2


# --------------------------------------------------------------------------- encodings and scripts


def test_traditional_text_gives_same_ids_and_keeps_original_names(seed, seed_text):
    import opencc

    traditional = opencc.OpenCC("s2t").convert(seed_text)
    assert traditional != seed_text and len(traditional) == len(seed_text)
    features = extract_projects(traditional)
    assert [f["id"] for f in features] == [f["id"] for f in seed]
    names = _by_name(features)
    assert "天橋醫院" in names and "匯才教育集團" in names and "二環北路東段" in names
    for feature in features:
        props = feature["properties"]
        if props["named"]:
            assert traditional[props["char_start"]:props["char_end"]] == props["name"]
            assert props["quote"] in traditional


@pytest.mark.parametrize("encoding, prefix, forced", [
    ("gb18030", b"", "auto"),
    ("gb18030", b"", "gb18030"),
    ("utf-8", b"\xef\xbb\xbf", "auto"),
    ("utf-8", b"\xef\xbb\xbf", "utf-8"),
])
def test_extract_file_encodings(tmp_path, seed, seed_text, encoding, prefix, forced):
    path = tmp_path / "report.txt"
    path.write_bytes(prefix + seed_text.encode(encoding))
    features = extract_file(path, encoding=forced)
    assert [f["id"] for f in features] == [f["id"] for f in seed]
    assert [f["properties"]["char_start"] for f in features] == [f["properties"]["char_start"] for f in seed]
    assert not read_report(path, encoding=forced).startswith("\ufeff")


def test_extract_file_errors(tmp_path):
    nothing = tmp_path / "nothing.txt"
    nothing.write_text("统筹推进19个领域优化营商环境重点工作，新增高新技术企业70家以上。", encoding="utf-8")
    with pytest.raises(InputError, match="no spatial projects found in the report"):
        extract_file(nothing)
    report = tmp_path / "r.txt"
    report.write_text("加快推进水屯北路改造。", encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        extract_file(report, encoding="latin-1")
    with pytest.raises(InputError, match="file not found"):
        extract_file(tmp_path / "missing.txt")
    with pytest.raises(TypeError):
        extract_projects(b"bytes")
    assert extract_projects("") == []


def test_module_imports_stay_light():
    code = ("import sys, geo.extract; "
            "print([m for m in ('geopandas', 'jieba', 'opencc', 'pypinyin') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- morphology rules


@pytest.mark.parametrize("text, expected", [
    # policy articles, firms, people and fields carry counts but are no projects
    ("用好“双30条”、“引才8条”等政策，新增企业70家，统筹推进19个领域工作，新增就业1.6万人。", []),
    # metaphors and slogans
    ("走出一条特色发展新路，探索乡村振兴之路，建设美丽天桥，打造宜居宜业和美乡村。", []),
    ("稳定房地产市场，激发消费市场活力，培育市场主体，探索专业市场提档升级新路径。", []),
    # a one-character function word glued to a short stem is part of the name
    ("改造和平路、将军路，完成于家村改造。",
     [("和平路", "road_rebuild"), ("将军路", "road_rebuild"), ("于家村", "village")]),
    # institutions are not places
    ("支持企业建设工程技术研究中心，高标准打造企业服务中心，推动院士工作站建设，加快5G基站建设。", []),
    # 甲等 is not the enumeration 等; 合作 does not end a place name
    ("加大与驻区三级甲等医院合作力度。", []),
    # 年前 (before the year's end) is a time before works, as 年底前 is
    ("作为核心区纵向主干道,青松路年前竣工。", [("青松路", "road_rebuild")]),
])
def test_rules_on_short_texts(rules_only, text, expected):
    got = sorted((f["properties"]["name"], f["properties"]["category"]) for f in extract_projects(text))
    assert got == sorted(expected)


def test_jiang_after_an_adverb_is_a_preposition_and_after_a_verb_opens_a_name():
    # 重点将A小学创建成..., 年内将B公园建成: 将 is the preposition; 改造将军路: the road's name opens with it
    text = "重点将福州路小学创建成省级规范化学校，年内将青山公园建成开放，改造将军路。"
    got = sorted((f["properties"]["name"], f["properties"]["category"]) for f in extract_projects(text))
    assert got == [("将军路", "road_rebuild"), ("福州路小学", "school"), ("青山公园", "park")]


def test_a_count_after_a_listed_name_is_the_next_nouns_none_of_the_name():
    # 宏昌小区三所老旧小区: the tagger widened 宏昌小区 to 宏昌小区三所 (所 a head of its own).
    names = [n for n, _ in named_projects("实施西苑小区、金鑫二小区、宏昌小区三所老旧小区房屋功能改善。")]
    assert sorted(names) == sorted(["西苑小区", "金鑫二小区", "宏昌小区"])


def test_a_name_the_tagger_widens_to_another_places_head_takes_that_places_category():
    # 白沙湾片区 (an area) widened to 白沙湾片区新建九年一贯制学校 stayed an area: it is a school.
    assert named_projects("白沙湾片区新建九年一贯制学校交付使用。") == [("白沙湾片区新建九年一贯制学校", "school")]


def test_items_of_a_list_marked_with_asterisks_are_each_read():
    # 实事 lists mark their key items with * (崇明): the mark opens an item, it is no part of a name
    got = {f["properties"]["name"]: (f["properties"]["quantity"] or {}).get("value")
           for f in extract_projects("2.*新增1家社区长者食堂、*3家乡村长者照护之家\n*升级改造1家标准化菜场")}
    assert got == {"社区长者食堂": 1, "乡村长者照护之家": 3, "标准化菜场（升级改造）": 1}


def test_a_count_before_a_listed_item_is_its_quantity_not_part_of_its_name():
    text = "新建1个市民球场、1条市民健身步道，新建改建2个笼式球场、3条健身步道。"
    got = sorted((p["name"], p["named"], (p["quantity"] or {}).get("value"))
                 for p in (f["properties"] for f in extract_projects(text)))
    assert got == [("健身步道（改建）", False, 3), ("市民健身步道", True, None), ("市民球场", True, None),
                   ("笼式球场（改建）", False, 2)]


@pytest.mark.parametrize("opener", ["包括", "分别是", "主要有"])
def test_a_list_opened_after_a_type_is_no_section_of_the_type(opener):
    # 项目包括A至B段公路: the road is an item of the projects, not a section 包括A至B段 of 项目
    got = named_names(
        f"14个项目{opener}54省道黄坛至菊水段公路改建工程、庆元二中迁建工程。")
    assert got == ["54省道黄坛至菊水段公路", "庆元二中"]


def test_blocks_are_areas_and_a_bracket_may_open_with_zhi():
    # 区块 (Zhejiang's development blocks, numbered or named), and 之江 opening a bracketed list:
    # 之 is a particle only after a word
    text = ("加快小济洋区块建设，交付十五区块四期(冠山)、八区块五期(杨家墩)等项目。"
            "包括转塘区块2所(之江第一中学、西湖第一实验学校)。")
    got = {f["properties"]["name"]: f["properties"]["category"] for f in extract_projects(text) if f["properties"]["named"]}
    assert got == {"小济洋区块": "area", "十五区块四期(冠山)": "area", "八区块五期(杨家墩)": "area",
                   "之江第一中学": "school", "西湖第一实验学校": "school"}


def test_service_centres_of_the_disabled_and_of_government_services_are_places():
    got = {f["properties"]["name"]: f["properties"]["category"] for f in extract_projects(
        "建成县残疾人综合服务中心，迁建县政务服务中心。")}
    assert got == {"县残疾人综合服务中心": "welfare", "县政务服务中心": "utility"}


def test_a_road_class_counted_after_its_works_is_a_counted_group():
    # 实施省道提升工程3条: the count in 条 follows the works on the class, as in 改造县道5条
    got = {(p["name"], (p["quantity"] or {}).get("value")) for p in
           (f["properties"] for f in extract_projects("实施省道提升工程3条,总里程51.4公里;县道改造5条。"))}
    assert got == {("省道（提升工程）", 3), ("县道（改造）", 5)}


def test_chu_besides_opens_no_name_but_chuxian_stays_works():
    # 除A项目建设外 (besides A): 除 is no part of A's name; 除险加固 (making a dam safe) stays works
    got = sorted((f["properties"]["name"], (f["properties"]["quantity"] or {}).get("value"))
                 for f in extract_projects("除乌龙江大道项目建设外,乌龙江湿地公园计划明年开建。完成除险加固水库3座。"))
    assert got == [("乌龙江大道", None), ("乌龙江湿地公园", None), ("水库（除险加固）", 3)]


def test_ji_and_joins_two_things_and_opens_no_name_but_jinan_university_keeps_it():
    # 集中开工暨A项目开工仪式, A暨B (暨: and): 暨 was the first character of A's name;
    # 暨南大学 and 暨阳湖 are names, and 互通暨连接线 is one works (an interchange and its link road)
    got = named_names(
        "全县重大项目集中开工暨青峰县人民医院新院区开工仪式举行。"
        "新建暨南大学附属青峰医院。青峰互通暨连接线正式开通。")
    assert got == ["暨南大学附属青峰医院", "青峰互通暨连接线", "青峰县人民医院新院区"]


def test_a_direction_after_a_road_head_ends_the_road_name_but_a_side_or_an_extension_does_not():
    # 青峰大道东、青峰大道西建成通车 (roads so named, as in Guangdong): both were lost; 东侧 is a
    # side of the road and 北延伸 an extension of it
    got = named_names(
        "青峰大道东、青峰大道西和滨江路建成通车。改造人民路北。启动民族路北延伸工程。")
    assert got == ["人民路北", "民族路北延伸", "滨江路", "青峰大道东", "青峰大道西"]


def test_a_town_s_old_streets_named_by_a_direction_are_names_in_a_list_of_roads():
    # 西街, 北街 (a county town's old streets) beside 青苑路 and 南后街 were dropped as abbreviations;
    # after 人民东街 a 西街 is still the rest of 人民西街
    got = named_names(
        "完成青苑路、西街、北街、南后街等提升改造。改造人民东街、西街。")
    assert got == ["人民东街", "北街", "南后街", "西街", "青苑路"]


def test_such_as_opening_a_list_of_examples_is_no_part_of_the_first_name():
    # ，如A、B等 (such as A, B): 如 was the first character of A's name; 如意路 and 如东 are names
    got = named_names(
        "多个公园相继建成，如青峰公园二期、滨河生态公园等。一批项目如青峰县人民医院加快建设。"
        "新建如意路，改造如东小学。")
    assert got == ["如东小学", "如意路", "滨河生态公园", "青峰公园二期", "青峰县人民医院"]


def test_a_quarter_of_the_year_before_a_name_is_no_part_of_it():
    # 2024年第二季度A等8个项目集中开工 (press on a quarter's groundbreaking): the quarter opened A's name
    got = named_names(
        "青峰区举行2024年第二季度松林实验学校等8个重大项目集中开工仪式。青峰县一季度白石路等5个项目开工。"
        "完成四季度青松公园建设。")
    assert got == ["松林实验学校", "白石路", "青松公园"]


def test_an_alias_note_is_no_name_and_a_freight_yard_is_a_transport_facility():
    # A（以下简称“B”）(hereafter B): 以下简称“B was named; 货场 (a railway freight yard) had no head
    got = sorted((f["properties"]["name"], f["properties"]["category"]) for f in extract_projects(
        "走进青峰高速北互通（以下简称“北互通”）项目建设现场。建设青峰高兴货场，完成东湖货场扩建。")
        if f["properties"]["named"])
    assert got == [("东湖货场", "transport"), ("青峰高兴货场", "transport")]


def test_the_type_of_listed_roads_before_the_first_is_no_part_of_its_name():
    # 城区道路A路、B路 (the town's roads A and B): the type 道路 and its scope opened A's name,
    # also where the tagger read the whole stretch as one name
    got = named_names(
        "新旧城区道路南环路、花园路现已完成升级改造。实施城区道路青峰路、白石路提升改造工程。")
    assert {"南环路", "白石路", "青峰路"} <= set(got) and not [name for name in got if "道路" in name]


def test_a_feature_s_scene_heading_is_no_part_of_the_name_after_it():
    # 镜头一A医院迁建进入倒计时 (a feature's "scene one" heading, no break after it): 镜头一 opened the name
    got = named_names(
        "镜头一青峰县人民医院迁建项目加快推进。镜头二滨河公园提质改造加快推进。")
    assert got == ["滨河公园", "青峰县人民医院"]


def test_xianyi_now_already_after_a_name_ends_it():
    # A、B和C现已完成升级改造 (have now been upgraded): 现已 glued C to the clause and C was lost
    got = named_names(
        "南环路、花园路和正大路现已完成升级改造。")
    assert got == ["南环路", "正大路", "花园路"]


def test_a_list_of_places_a_project_meets_or_works_with_is_no_project():
    # 与A、B、C高速等相交 (the motorways a new one meets), 与A、B等医院合作 (partners): the list's
    # items were named, those the shared head names too
    got = named_names(
        "青峰高速公路起点工程开工建设，向西相继与大广、京港澳、二广高速等国家主干线通道相交。"
        "4家公立医院与北京协和、解放军总医院等30家医院深度合作。")
    assert not {"大广高速", "京港澳高速", "二广高速", "解放军总医院"} & set(got)


def test_she_sets_up_in_a_route_s_description_is_no_part_of_the_name_after_it():
    # 向东设A大桥，设B大桥 (the route sets up bridges), 全线设A站, 新设A站: 设 opened the names (东设A大桥)
    # and one was lost; 设施农业园 is a name
    got = named_names(
        "该工程起于城北转盘，向东设石岭大桥，向南设白河大桥，最后接一号大道。全线设青峰站、白石站等5座车站。"
        "新设青松路公交站。")
    assert got == ["白河大桥", "白石站", "石岭大桥", "青峰站", "青松路公交站"]


def test_a_tender_lot_before_a_name_is_no_part_of_it():
    # 二标段A (lot 2 of a contract): the lot opened the name of the school and of the road
    got = named_names(
        "在二标段青峰初级中学施工现场,工人忙碌。一标段滨江北路、二标段龙山公园同步推进。")
    assert got == ["滨江北路", "青峰初级中学", "龙山公园"]


def test_a_road_named_in_prose_by_its_ends_may_start_at_the_town_s_generic_landmark():
    # 行政中心至县第三中学的道路: the road was lost (新建…) or became the school (…正在建设);
    # two generic ends (城区至乡镇的道路) still name no road
    got = sorted((f["properties"]["name"], f["properties"]["category"]) for f in extract_projects(
        "新建行政中心至县第三中学的道路。县城至青峰镇的公路正在建设之中。城区至乡镇的道路全部硬化。"))
    assert got == [("县城至青峰镇", "road_new"), ("行政中心至县第三中学", "road_new")]


def test_a_phase_alone_before_a_head_names_no_place():
    # 新城区一期、二期路网: the tagger named 二期路网, a phase of the new district's road network
    got = [f["properties"]["name"] for f in extract_projects(
        "加快推进青峰大桥、城区道路和新城区一期、二期路网等项目建设。") if f["properties"]["named"]]
    assert got == ["青峰大桥"]


def test_a_road_named_chuangxin_is_a_name_but_a_new_road_of_speech_is_not():
    # 创新大道 (a high-tech zone's road): 创新 ends in 新, and a stem ending in 新 was a metaphor
    # (特色发展新路) or a new road, never a name
    got = [f["properties"]["name"] for f in extract_projects(
        "新建创新大道。走出一条特色发展新路。") if f["properties"]["named"]]
    assert got == ["创新大道"]


def test_a_facility_a_works_verb_opens_and_the_clause_closes_is_kept_whatever_the_tagger_says():
    # 新建东岸社区养老服务站。: the works' whole object; the tagger, unsure of 东岸, dropped it
    got = [f["properties"]["name"] for f in extract_projects("新建东岸社区养老服务站。新建4.665万米给水管道。")]
    assert got == ["东岸社区养老服务站"]


def test_a_one_character_village_in_a_list_of_villages_is_a_name_but_an_abbreviated_road_is_not():
    # 延村 (婺源) among 思溪村 and 虹关村; 中山东路、西路: 西路 is the rest of 中山西路, no name of its own
    names = named_names(
        "打造篁岭村、思溪村、延村、虹关村4个美丽乡村精品示范村。改造中山东路、西路。")
    assert names == ["中山东路", "延村", "思溪村", "篁岭村", "虹关村"]


def test_chinese_numerals_and_count_before_head():
    features = extract_projects("打通十三条断头路，新建两所幼儿园，改造提升背街小巷二十条。")
    (roads_new,) = _unnamed(features, "road_new")
    assert roads_new["quantity"] == {"value": 13, "unit": "条"}
    (schools,) = _unnamed(features, "school")
    assert schools["quantity"] == {"value": 2, "unit": "所"}
    (rebuilt,) = _unnamed(features, "road_rebuild")
    assert rebuilt["quantity"] == {"value": 20, "unit": "条"}


def test_road_codes_are_found_where_the_code_pattern_without_its_first_characters_finds_them():
    # CODE_RE tries its alternatives only at CODE_FIRST characters: it must find every code the
    # bare pattern finds (Unicode digits included), in every fixture text.
    from geo.extract import patterns

    bare = re.compile(patterns._CODE_BODY)
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("**/*.txt"))]
    texts.append("改造G105、S243线、县道X032、104国道、地铁6号线、R3线、有轨电车T1线、轨道交通十二号线、٤٥国道")
    for text in texts:
        assert [m.span() for m in patterns.CODE_RE.finditer(text)] == [m.span() for m in bare.finditer(text)]


def test_road_codes_are_searched_for_by_their_first_character_with_the_same_matches():
    # A look-ahead opened CODE_RE: the engine tried it at every position of a clause; its first
    # character consumed as one class and tested behind, the codes and whether each is a road or a
    # rail line are the same as the bare pattern's.
    import random

    from geo.extract import patterns
    from test_extract_segment import _searched_for

    bare = re.compile(patterns._CODE_BODY)
    assert _searched_for(patterns.CODE_RE) and not _searched_for(re.compile(rf"(?=[{patterns.CODE_FIRST}])(?:{patterns._CODE_BODY})"))
    rng = random.Random(17)
    alphabet = list("国省县乡道GSXYRMT地铁轨交通轻有电车号线一二三四五六七八九十0123456789.条公里米余段改的青山,") + ["\u0663"]
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert [(m.span(), m.group("road") is None, m.group("rail") is None) for m in patterns.CODE_RE.finditer(text)] == \
            [(m.span(), m.group("road") is None, m.group("rail") is None) for m in bare.finditer(text)], text


def test_counts_are_searched_for_from_the_first_number_less_the_longest_prefix_with_the_same_matches(monkeypatch):
    # COUNT_RE opens with an optional prefix: the engine tried it at every position of a stem; a count
    # holds a number, so the search starts at the first number character less 不少于's three.
    import random

    from geo.extract import patterns

    former = patterns.COUNT_RE
    rng = random.Random(19)
    alphabet = list("不少于超过达到各约共计近0123456789.一二两十百个条座所处大道路街段以上第余青山白石村") + ["\u0663"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert [(m.span(), m.groups()) for m in patterns.counts_in(text, lo, hi)] == \
            [(m.span(), m.groups()) for m in former.finditer(text, lo, hi)], text
        found, before = patterns.count_search(text, lo, hi), former.search(text, lo, hi)
        assert (found and found.span()) == (before and before.span()), text
    asked = []

    class Traced:
        def finditer(self, text, start, end):
            asked.append((start, end))
            return former.finditer(text, start, end)

    monkeypatch.setattr(patterns, "COUNT_RE", Traced())
    text = "青山县白石路、青松路、红枫路等道路不少于12条"
    assert [m.group() for m in patterns.counts_in(text, 0)] == ["不少于12条"]
    assert asked == [(text.index("12") - 3, len(text))]
    assert list(patterns.counts_in("青山县白石路、青松路", 0)) == [] and len(asked) == 1  # no number: not tried


def test_measures_are_searched_for_by_their_first_character_with_the_same_nouns_numbers_and_units():
    # A noun or a number opened MEASURE_RE's two alternatives: the engine tried them at every position of
    # a sentence; the first character consumed as one class and tested behind, measure_parts gives the
    # same noun, number and unit as the groups of the former pattern.
    import random

    from geo.extract import patterns
    from test_extract_segment import _searched_for

    nouns, units = "|".join(patterns.MEASURE_NOUNS), "|".join(patterns.MEASURE_UNITS)
    former = re.compile(rf"(?P<noun1>{nouns})(?:约|达到|达|共|超过)?(?P<num1>{patterns.NUM})(?P<unit1>{units})"
                        rf"|(?P<num2>{patterns.NUM})(?P<unit2>{units})(?:以上)?(?P<noun2>{nouns})")
    assert _searched_for(patterns.MEASURE_RE) and not _searched_for(former)
    rng = random.Random(29)
    alphabet = list("停车泊位学床座建筑占地面积全长度里程约达到共超过以上0123456789.一两十百千万平方米公里亩顷个张青山") + ["\u0663"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert [(m.span(),) + patterns.measure_parts(m) for m in patterns.MEASURE_RE.finditer(text)] == \
            [(m.span(), m.group("noun1") or m.group("noun2"), m.group("num1") or m.group("num2"),
              m.group("unit1") or m.group("unit2")) for m in former.finditer(text)], text


def test_sections_match_where_the_section_pattern_without_its_first_characters_matches():
    # SECTION_RE tries its alternatives only where SECTION_FIRST or a 段 within reach allows.
    from geo.extract import patterns

    bare = re.compile(patterns._SECTION_BODY)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt")))
    text += ("青松路东段、G3段、B2区、北延伸段、东延至白石路、周边道路、支线、复线、改线段、二期、3期、"
             "(白石路至红枫路段)、白石路—红枫路段、青松村至白石村路段、东(白石—红枫)、南出城口、٣期")
    for pos in range(len(text)):
        found, expected = patterns.SECTION_RE.match(text, pos), bare.match(text, pos)
        assert (found and found.span()) == (expected and expected.span()), text[pos:pos + 30]


def test_ranges_codes_rail_and_road_categories():
    text = ("推进经十路（燕山立交至二环东路段）、历山路北园大街至明湖路段改造，实施凤鸣路北延工程，"
            "推进省道S243线拓宽改造、G105国道改线工程。加快地铁4号线一期建设，新建奥体中心站。"
            "对北园大街实施绿化提升。")
    props = _by_name(extract_projects(text))
    assert props["经十路（燕山立交至二环东路段）"]["base_name"] == "经十路"
    assert props["经十路（燕山立交至二环东路段）"]["section"] == "燕山立交至二环东路段"
    assert props["历山路北园大街至明湖路段"]["section"] == "北园大街至明湖路段"
    assert "二环东路" not in props and "明湖路" not in props
    assert props["凤鸣路北延"]["category"] == "road_new"
    assert props["省道S243线"]["category"] == "road_rebuild"
    assert props["G105国道改线"]["category"] == "road_new"
    assert props["地铁4号线一期"]["category"] == "rail"
    assert props["奥体中心站"]["category"] == "rail"
    assert props["北园大街"]["category"] == "road_greening"


def test_bus_station_without_rail_context_is_transport():
    props = _by_name(extract_projects("新建西客站，改造提升长途汽车站。"))
    assert props["西客站"]["category"] == "transport"


def test_locator_roads_and_listed_members():
    text = ("完成张庄路、经十西路两侧22个老旧小区改造。"
            "新建、改扩建中小学、幼儿园8所，其中包括西城实验中学、礼乐小学，新增学位6000个。")
    features = extract_projects(text)
    names = _by_name(features)
    assert "张庄路" not in names and "经十西路" not in names
    (housing,) = _unnamed(features, "area")
    assert housing["quantity"] == {"value": 22, "unit": "个"}
    (schools,) = _unnamed(features, "school")
    assert schools["quantity"] == {"value": 6, "unit": "所"}
    assert schools["group_total"] == {"value": 8, "unit": "所"}
    assert schools["measures"] == [{"value": 6000, "unit": "个", "noun": "学位"}]
    assert names["礼乐小学"]["group"] == schools["id"]


# --------------------------------------------------------------------------- other districts + scorer


def _gold(name):
    with open(FIXTURES / f"{name}.gold.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("passage", OTHER_PASSAGES)
def test_other_district_passages_against_gold(passage):
    gold = _gold(passage)
    features = extract_projects((FIXTURES / f"{passage}.txt").read_text(encoding="utf-8"))
    named = {normalise_name(f["properties"]["name"]): f["properties"] for f in features if f["properties"]["named"]}
    counts = sorted(f["properties"]["quantity"]["value"] for f in features if not f["properties"]["named"])
    gold_named = [row for row in gold if row["named"] == "true"]
    found = [row for row in gold_named if normalise_name(row["name"]) in named]
    assert len(found) >= 0.9 * len(gold_named), [r["name"] for r in gold_named if r not in found]
    assert len(named) <= len(gold_named) + 1  # at most one spurious named project
    assert counts == sorted(float(row["quantity_value"]) for row in gold if row["named"] == "false")
    agree = sum(1 for row in found if named[normalise_name(row["name"])]["category"] == row["category"])
    assert agree >= 0.9 * len(found)


def test_score_script_on_seed_gold():
    out = subprocess.run([sys.executable, str(SCORER), str(FIXTURES / "tianqiao.gold.csv"), str(REPORT_PATH)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    scores = dict(re.findall(r"(\w+)=([\d.]+)", out.stdout))
    assert float(scores["recall"]) >= 0.95 and float(scores["precision"]) >= 0.95
    assert scores["gold"] == "22"


def test_score_script_counts_misses_and_extras(tmp_path):
    gold = tmp_path / "gold.csv"
    gold.write_text("name,category,named,quantity_value\n"
                    "水屯北路,road_greening,true,\n"   # found, wrong category
                    "不存在路,road_rebuild,true,\n"     # missed
                    "其余道路,road_greening,false,11\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text("加快推进水屯北路改造，对历山北路、清河北路等13条道路实施绿化提升工程。", encoding="gbk")
    out = subprocess.run([sys.executable, str(SCORER), str(gold), str(report), "-v"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    scores = dict(re.findall(r"(\w+)=([\d.]+)", out.stdout))
    assert scores["matched"] == "2" and scores["extracted"] == "4"
    assert float(scores["recall"]) == pytest.approx(2 / 3, abs=1e-3)
    assert float(scores["precision"]) == pytest.approx(0.5)
    assert float(scores["category_agreement"]) == pytest.approx(0.5)
    assert "missed: 不存在路" in out.stdout and "extra: 历山北路" in out.stdout


def _scorer():
    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("passage, min_recall, min_precision, min_agreement", HELDOUT_PASSAGES)
def test_heldout_passages_against_gold(passage, min_recall, min_precision, min_agreement):
    scorer = _scorer()
    gold = scorer.load_gold(FIXTURES / f"{passage}.gold.csv")
    result = scorer.score(gold, extract_file(FIXTURES / f"{passage}.txt"))
    assert result["recall"] >= min_recall, [row["name"] for row in result["missed"]]
    assert result["precision"] >= min_precision, [props["name"] for props in result["spurious"]]
    assert result["category_agreement"] >= min_agreement, [
        (row["name"], row["category"], props["category"]) for row, props in result["pairs"]
        if row["category"] != props["category"]]


# --------------------------------------------------------------------------- generalising rules
# Short texts with made-up names (none from the labelled passages) for the rules added to carry
# the extractor to other districts' reports.




@pytest.mark.parametrize("text, named, groups", [
    # a preposition after a verb or after 、 begins the name; a paren section stays in it
    ("建成沿江快速路（南段），改造提升向阳大街、和平大街。",
     [("向阳大街", "road_rebuild"), ("和平大街", "road_rebuild"), ("沿江快速路（南段）", "road_new")], []),
    # a list ended by a count names all its members, without 等 and without a remainder group
    ("完成石桥、新店、柳林3个乡镇卫生院标准化改造。",
     [("新店", "health"), ("柳林", "health"), ("石桥", "health")], []),
    # a listed member whose last character looks like a head (泉) is what the list says it is
    ("完成石桥、龙泉2个社区卫生服务中心新建工程。", [("石桥", "health"), ("龙泉", "health")], []),
    # parallel items share the head written once
    ("改扩建河口镇、青山镇敬老院。", [("河口镇", "welfare"), ("青山镇敬老院", "welfare")], []),
    # junctions and link roads are one name
    ("实施和平路与将军路交叉口渠化改造，打通滨江大道—高新二路连接线，新建S209省道至G105国道连接线。",
     [("S209省道至G105国道连接线", "road_new"), ("和平路与将军路交叉口", "road_rebuild"),
      ("滨江大道—高新二路连接线", "road_new")], []),
    # streets renewed as neighbourhoods, and members of a 老旧小区 list, are areas
    ("完成胜利街、北三路棚户区改造，实施幸福小区、工人新村、保安北街等老旧小区改造20个。",
     [("保安北街", "area"), ("北三路", "area"), ("工人新村", "area"), ("幸福小区", "area"),
      ("胜利街", "area")], [("area", 17)]),
    # 其中 goes on over a clause opening with a works verb, not over 加快...建设
    ("新（改）建城市道路9条，其中新建科技一路、科技二路，改造升级文化路，加快东湖路建设。",
     [("东湖路", "road_new"), ("文化路", "road_rebuild"), ("科技一路", "road_new"),
      ("科技二路", "road_new")], [("road_new", 6)]),
    # counted organisations, a positional greenway and an area measure are no named projects
    ("组建教育集团4个，建设滨河绿道8公里，新增城市绿地50万平方米。", [], [("park", 8)]),
    # partners and examples
    ("深化与浙江大学、四川大学合作，深化与镇江、九江等城市合作。", [], []),
    # 流域 before an action is the river's project; before a strategy it is not
    ("实施青石河流域综合治理，推进黄河流域生态保护和高质量发展。", [("青石河", "water")], []),
    # a verb before a code governs it; 以西 is inside a name
    ("开工建设S306线城关至马坞段，推进红星河以西工业遗存片区整体开发。",
     [("S306线城关至马坞段", "road_new"), ("红星河以西工业遗存片区", "area")], []),
    # a range or a phase closes a name whatever follows; a range between landmarks is a road
    ("建成二郎立交至高九路段城市风貌提升工程，推动综合保税区二期招商。",
     [("二郎立交至高九路段", "road_rebuild"), ("综合保税区二期", "area")], []),
    # 中心 and 楼 take their category from the stem, or are dropped
    ("建成区文化艺术中心，推进区人民医院住院综合楼建设，建设区垃圾分类处理中心，完善大数据中心。",
     [("区人民医院住院综合楼", "health"), ("区垃圾分类处理中心", "sanitation"),
      ("区文化艺术中心", "culture")], []),
    # an action right after one list item is its own; the others take the list's closing action
    ("加快推进南部高速公路、312国道改扩建、长湖高速东段等重大交通项目建设。",
     [("312国道", "road_rebuild"), ("南部高速公路", "road_new"), ("长湖高速东段", "road_new")], []),
    # short ordinary words name roads; policy metaphors and road types do not
    ("改造人民路、文化路，探索发展新路，修建农村公路20公里。",
     [("人民路", "road_rebuild"), ("文化路", "road_rebuild")], [("road_new", 20)]),
    # 道 names roads, but not 通道, 渠道 or the 国道 of a road code
    ("打通和顺道、长江西道，开辟审批绿色通道，拓宽融资渠道，实施205国道改造。",
     [("205国道", "road_rebuild"), ("和顺道", "road_new"), ("长江西道", "road_new")], []),
    # township list items mix 镇, 乡 and 街道, and share a head kept with a generic modifier
    ("新建青山镇、白石乡污水处理站，改造提升河口镇、柳溪街道中心卫生院。",
     [("青山镇", "utility"), ("白石乡污水处理站", "utility"), ("河口镇", "health"),
      ("柳溪街道中心卫生院", "health")], []),
    # an intercity line is named by both its ends
    ("配合推进安平至临川高速公路建设。", [("安平至临川高速公路", "road_new")], []),
    # a campus or building carries its institution's long name
    ("建成江城师范大学附属实验小学东湖校区，推动市第二中心医院北湖院区开诊运营。",
     [("江城师范大学附属实验小学东湖校区", "school"), ("市第二中心医院北湖院区", "health")], []),
    # a hospital's new campus written 新建院区 is named with it (新建 is no works verb there)
    ("推进青山县中医院新建院区升级改造工程。", [("青山县中医院新建院区", "health")], []),
    # a revenue class is no place; a count may follow the works on a type's facilities
    ("新增亿元楼宇6座，完成易地扶贫搬迁安置点配套设施提升9个。", [], [("area", 9)]),
    # airports, wind farms, visitor centres, 完小; 片 counts pitches
    ("建成青峰风电场、九龙古城游客中心、县通用机场，改扩建黄岭镇中心完小，"
     "新建笼式足球场6片、非机动车停放点80个。",
     [("九龙古城游客中心", "park"), ("县通用机场", "transport"), ("青峰风电场", "utility"),
      ("黄岭镇中心完小", "school")], [("sports", 6), ("transport", 80)]),
    # a verb-shaped list item is a name (建设路); sidewalks locate works on a road; power
    # projects are utilities; port zones and visitor centres are places
    ("改造提升幸福路、建设路人行道和非机动车道，加快龙山100兆瓦光伏发电项目建设，"
     "推进白沙港区东岸作业区建设，建成凤凰古镇游客服务中心。",
     [("幸福路", "road_rebuild"), ("建设路", "road_rebuild"), ("凤凰古镇游客服务中心", "park"),
      ("白沙港区东岸作业区", "transport"), ("龙山100兆瓦光伏发电项目", "utility")], []),
    # 原 opens no name; works inside an area and renewal units' plans end the noun phrase
    ("推动原钢厂旧址活化利用，加快花园片区低效楼宇更新改造，统筹推进8个城市更新单元规划实施。",
     [("花园片区", "area"), ("钢厂旧址", "area")], [("area", 8)]),
    # round 7: a route named by its two ends; a road code with a line name and a place section;
    # a count after the action that follows a quoted type
    ("建设青松岭至白鹭湖休闲绿道6公里，实施G318青林线河口段改建，完成“美丽农村路”提档升级80公里。",
     [("G318青林线河口段", "road_rebuild"), ("青松岭至白鹭湖休闲绿道", "park")], [("road_rebuild", 80)]),
    # a 村 listed with 小区 is a neighbourhood; a phase names a typed park; a title sought after
    # 申报 is no place; a range after a bridge is the bridge's own
    ("改造东风新村、红旗小区，推进智能制造产业园三期建设，推动石门遗址公园申报国家考古遗址公园，"
     "建成长河浮桥北渡口至南渡口段。",
     [("东风新村", "area"), ("红旗小区", "area"), ("智能制造产业园三期", "area"),
      ("石门遗址公园", "park"), ("长河浮桥北渡口至南渡口段", "bridge")], []),
    # roads only locating a type along them are dropped; a road mentioned again under another
    # action stays one project; 林荫路 are greening; a single abstract word names a street
    ("启动胜利路、新华路沿线历史建筑修缮，打通改革街，完成改革街路面改造，打造林荫路12条。",
     [("改革街", "road_new")], [("road_greening", 12)]),
    # section of a scenic area; 沟, 阁, 墓 and 泉群 heads; flood-plain areas share a township list
    ("完成青龙山风景区北区提升，治理石门西沟，修缮望江阁、陈公墓，整治白马泉群，推进河口镇、柳湾镇滩区居民迁建。",
     [("青龙山风景区北区", "park"), ("石门西沟", "water"), ("望江阁", "culture"), ("陈公墓", "culture"),
      ("白马泉群", "water"), ("河口镇", "area"), ("柳湾镇滩区", "area")], []),
    # round 8: a 广场 with a mall brand, opening for business, is a mall; a plain one a square
    ("推动银泰广场改造升级，推进云台广场开业运营，改造提升人民广场。",
     [("云台广场", "commercial"), ("人民广场", "park"), ("银泰广场", "commercial")], []),
    # a headless name before a phase, listed or after a works verb (an estate suffix: area);
    # a works noun before a phase is no name
    ("建成青松里二期、远景江南三期，加快白杨花园二期建设，推进项目二期建设。",
     [("白杨花园二期", "area"), ("远景江南三期", "commercial"), ("青松里二期", "commercial")], []),
    # a dash joins two places before a shared non-road head into one project
    ("推进青石街—白鹭洲历史文化街区有机更新。", [("青石街—白鹭洲历史文化街区", "culture")], []),
    # a one-of-a-kind facility built by a works verb names the district's own; counted it is a type
    ("建成市民之家、科技馆、全民健身中心，启动体育公园建设，新建社区体育公园10个。",
     [("体育公园", "park"), ("全民健身中心", "sports"), ("科技馆", "culture")], [("park", 10)]),
    # 和 after one character at a list edge or a verb is inside a two-character place name
    ("改造提升永和、太平2个社区卫生服务中心，推进安和片区改造，建设太和城遗址公园。",
     [("安和片区", "area"), ("太和城遗址公园", "park"), ("太平", "health"), ("永和", "health")], []),
    # harbour and island heads: fishing ports, anchorages, seawalls, village culture halls, lighthouses
    ("建成石塘中心渔港、东湾避风锚地，加固青屿岛北海堤，改造海门村文化礼堂，修缮东山灯塔。",
     [("东山灯塔", "culture"), ("东湾避风锚地", "transport"), ("海门村文化礼堂", "culture"),
      ("石塘中心渔港", "transport"), ("青屿岛北海堤", "water")], []),
    # a sea bridge named by its ends; a 复线 section; a positional stem with a size types a 公路
    # (环岛路 stays a street); a road name is no place section of a lake (滨湖东路北延段)
    ("建成南礁至北礁跨海大桥，配合推进甬台高速复线建设，改造提升环岛公路20公里，改造环岛路，"
     "建成滨湖东路北延段，实施蓝色海湾整治行动。",
     [("南礁至北礁跨海大桥", "bridge"), ("滨湖东路北延段", "road_new"), ("环岛路", "road_rebuild"),
      ("甬台高速复线", "road_new")], [("road_rebuild", 20)]),
])
def test_generalising_rules(text, named, groups):
    assert named_projects(text) == sorted(named)
    assert counted_groups(text) == sorted(groups)


def test_members_listed_after_a_measure_clause_join_the_counted_group():
    text = "新建、改扩建中小学和幼儿园9所，新增学位3000个，其中新建东城小学、南苑中学。"
    features = extract_projects(text)
    (group,) = _unnamed(features, "school")
    assert group["quantity"] == {"value": 7, "unit": "所"}
    assert group["group_total"] == {"value": 9, "unit": "所"}
    assert _by_name(features)["南苑中学"]["group"] == group["id"]


def test_an_item_does_not_take_the_verb_of_the_next_list_item():
    props = {p["properties"]["base_name"]: p["properties"]
             for p in extract_projects("新建换热站15座、改造供热管网40公里。")}
    assert props["换热站"]["action"] == "新建" and props["供热管网"]["action"] == "改造"


@pytest.mark.parametrize("text, kept, dropped", [
    # an honour after a facility names a title, not a second place
    ("区图书馆获评国家一级馆，改造泉城路。", {"泉城路"}, {"区图书馆获评国家一级馆", "国家一级馆"}),
    ("区人民医院荣膺全国百佳医院，区博物馆被评为国家二级博物馆。", set(),
     {"区人民医院荣膺全国百佳医院", "全国百佳医院", "国家二级博物馆"}),
    # a head inside a quoted slogan that goes on is no place; a quote closed at the head still is
    ("持续擦亮“在天桥·事好办”服务品牌。", set(), {"擦亮“在天桥", "在天桥"}),
    ("建设“幸福路”，改造泉城路。", {"泉城路"}, {"擦亮“在天桥"}),
    # the type after a place's name says what is renewed: the place names the record
    ("实施北坦片区、堤口庄老旧小区改造。", {"北坦片区", "堤口庄"}, {"堤口庄老旧小区"}),
])
def test_honours_slogans_and_renewed_types_are_no_places(text, kept, dropped):
    names = {f["properties"]["name"] for f in extract_projects(text) if f["properties"]["named"]}
    assert kept <= names
    assert not (dropped & names)


@pytest.mark.parametrize("text, named", [
    # townships and a village before a village programme are the places it covers
    ("实施青禾镇、柳塘乡美丽乡村建设，打造石泉村、枫岭村乡村振兴示范村。",
     [("青禾镇", "area"), ("柳塘乡", "area"), ("石泉村", "village"), ("枫岭村", "village")]),
    # an island named with 山 before 岛, and a hill before works on its quarry
    ("推进白鹭山岛未来乡村建设，实施北屏山矿山生态修复。",
     [("白鹭山岛", "area"), ("北屏山", "area")]),
    # a hill listed before greening works is the place greened; the tower after it, without a suffix,
    # is named by the list (geo.extract.listed_landmarks)
    ("提升青龙山、白石塔绿化改造工程。", [("白石塔", "park"), ("青龙山", "area")]),
    # a renewal unit is named by the area before it
    ("实施云溪片区城市更新单元改造。", [("云溪片区城市更新单元", "area")]),
    # 获得 … 称号 is an honour, not a place; 获得 funds leave a place before it alone
    ("区图书馆获得“全国一级图书馆”称号，新建松涧公园，获得省级补助资金。", [("松涧公园", "park")]),
])
def test_townships_hills_islands_and_renewal_units_are_named(text, named):
    assert named_projects(text) == sorted(named)


def test_a_length_counted_by_a_bare_head_after_a_name_is_the_names_measure():
    features = extract_projects("完成团结河堤防加固12公里。")
    assert [(f["properties"]["name"], f["properties"]["measures"]) for f in features] == [
        ("团结河", [{"value": 12, "unit": "公里", "noun": None}])]


def test_a_walkway_named_by_the_two_ends_of_its_stretch_is_one_project():
    names = [f["properties"]["name"] for f in extract_projects("新建大江厂后门至鱼洞轻轨站人行道、相思桥至公园北路人行道。")]
    assert sorted(names) == ["大江厂后门至鱼洞轻轨站", "相思桥至公园北路"]
    assert [f["properties"]["name"] for f in extract_projects("改造青山路人行道。")] == ["青山路"]


def test_less_common_works_verbs_open_the_name_and_give_the_action():
    props = [f["properties"] for f in extract_projects("汉寿县斥资2.31亿元兴建红旗水厂。")]
    assert [(p["name"], p["action"]) for p in props] == [("红旗水厂", "兴建")]
    props = [f["properties"] for f in extract_projects("翻修青山路路面。")]
    assert [(p["name"], p["category"]) for p in props] == [("青山路", "road_rebuild")]


def test_discourse_words_and_demonstratives_are_not_part_of_a_name():
    names = [f["properties"]["name"] for f in extract_projects("同时常州道道路整修工程被纳入交通改善项目。")]
    assert all(not n.startswith("同时") for n in names) and names
    assert [f["properties"]["name"] for f in extract_projects("大家同时非常期待这所学校早日建成。")] == []


def test_a_hamlet_named_with_tun_is_a_village_and_tun_villages_are_a_type():
    props = [f["properties"] for f in extract_projects("现正在实施勇山屯改造;石围屯实施新农村建设。")]
    assert sorted((p["name"], p["category"]) for p in props) == [("勇山屯", "village"), ("石围屯", "village")]
    assert [f["properties"]["named"] for f in extract_projects("绿化村屯64个。")] == [False]


def test_a_capacity_or_a_batch_before_a_name_is_no_part_of_it():
    assert [f["properties"]["name"] for f in extract_projects("启动第三批城西片区改造。")] == ["城西片区"]
    assert "日处理4000立方米污水处理厂" not in [f["properties"]["name"] for f in extract_projects("建成日处理4000立方米污水处理厂。")]


def test_a_daily_throughput_reached_before_a_facility_is_its_size_not_its_name():
    # 日运转量达140吨大型垃圾中转站 was named with its throughput (量 and 达 were not read as a size).
    text = "新建1座青石垃圾处理中心及日转运量达150吨大型垃圾中转站，并建设配套设施。"
    assert named_projects(text) == [("青石垃圾处理中心", "sanitation")]


def test_an_amount_or_a_bracketed_note_before_a_name_is_no_part_of_it():
    assert named_projects("总投资1792万元青山路改造工程即将完工。") == [("青山路", "road_rebuild")]
    assert named_projects("计划开工建设(改建)海同高速、省道204线。") == [("海同高速", "road_new"), ("省道204线", "road_new")]
    assert named_projects("税收超亿元楼宇达到12座。") == []


def test_a_count_opened_by_gong_after_a_road_code_counts_the_listed_roads():
    assert counted_groups("改造县道X199、X226、X227共10条道路。") == [("road_rebuild", 7)]
    assert named_projects("改造县道X199、X226、X227共10条道路。") == [
        ("X226", "road_rebuild"), ("X227", "road_rebuild"), ("县道X199", "road_rebuild")]


def test_buildings_counted_in_dong_or_zhuang_and_rail_lines_counted_in_tiao_are_groups():
    assert counted_groups("综合整治老旧楼院712栋。") == [("area", 712)]
    assert counted_groups("规划建设的66幢安置房均已完成一层浇筑。") == [("area", 66)]
    assert counted_groups("还有5条城际轨道、4条城市轨道在建。") == [("rail", 4), ("rail", 5)]
    assert counted_groups("建成公路驿站5个。") == [("transport", 5)]
    assert extract_projects("一幢幢高楼大厦拔地而起，一座座桥梁横跨江面。") == []  # a figure of speech, no count


def test_counted_livelihood_projects_are_a_group_of_projects():
    assert counted_groups("确定实施十三件惠民实事。") == [("project", 13)]
    assert counted_groups("今年将办好30项民生实事。") == [("project", 30)]


def test_a_length_between_a_count_and_its_type_is_the_length_of_the_counted():
    assert counted_groups("完成53条145.6公里道路建设。") == [("road_new", 53)]
    assert counted_groups("新建45条170公里村级公路。") == [("road_new", 45)]


def test_a_length_written_with_de_or_after_a_list_comma_is_the_length_of_the_counted():
    assert counted_groups("新建3条全长60公里的景观大道。") == [("road_new", 3)]
    assert counted_groups("打通11条、总长32.93公里的断头路。") == [("road_new", 11)]
    assert counted_groups("新建3条长约6公里的道路。") == [("road_new", 3)]


def test_a_count_before_a_described_type_counts_the_places_listed_before_it():
    assert named_projects("涉及东苑小区和西苑小区两个建设年代相对较久的小区。") == [
        ("东苑小区", "area"), ("西苑小区", "area")]
    assert counted_groups("涉及东苑小区和西苑小区两个建设年代相对较久的小区。") == []


def test_an_upgrade_of_a_road_named_by_its_two_ends_is_road_works():
    assert named_projects("实施两河至宁陕公路升级。") == [("两河至宁陕公路", "road_rebuild")]
    assert named_projects("推动产业升级。") == []


def test_road_classes_counted_after_their_name_are_groups_not_codes():
    assert counted_groups("其中,县道5条28.4公里、乡道3条15.4公里、村道5条23.1公里。") == [
        ("road_rebuild", 3), ("road_rebuild", 5), ("road_rebuild", 5)]
    assert named_projects("完成县道X032、乡道Y011改造。") == [("乡道Y011", "road_rebuild"), ("县道X032", "road_rebuild")]


def test_hard_surfacing_is_road_works_that_a_count_follows():
    assert counted_groups("完成15条内街小巷硬底化。") == [("road_rebuild", 15)]
    assert counted_groups("完成村组路硬化30条37.6公里、联户路11条9.5公里。") == [("road_rebuild", 11), ("road_rebuild", 30)]
    assert counted_groups("整治车行道20条。") == [("road_rebuild", 20)]


def test_a_count_before_generic_words_and_a_street_word_counts_streets():
    assert counted_groups("完成6条主干街道改造。") == [("road_rebuild", 6)]


def test_courts_police_stations_and_water_tunnels_are_places():
    assert named_projects("鱼嘴法庭、鱼嘴派出所等项目即将投用。") == [("鱼嘴法庭", "utility"), ("鱼嘴派出所", "utility")]
    assert named_projects("目前高岩隧洞全线贯通。") == [("高岩隧洞", "bridge")]


def test_a_school_canteen_and_a_group_of_museums_are_places_of_their_kind():
    # 中学食堂 was a welfare canteen with no place, so 实验中学食堂 was no record; 博物馆群 had no head.
    assert named_projects("完成实验中学食堂改造。") == [("实验中学食堂", "school")]
    assert named_projects("改造第二中学学生食堂。") == [("第二中学学生食堂", "school")]
    assert named_projects("改造中小学食堂12个。") == []
    assert named_projects("全面提速运河博物馆群、苏禄王御园改造提升。") == [("苏禄王御园", "park"), ("运河博物馆群", "culture")]


def test_respectively_before_a_name_is_no_part_of_it():
    # 分别 opened the name (分别长江路高架桥) when a list opener lost its 为.
    assert named_projects("基础设施类项目2项,分别长江路高架桥、梦溪路建设工程。") == [
        ("梦溪路", "road_new"), ("长江路高架桥", "bridge")]


def test_a_childcare_service_centre_is_welfare():
    assert named_projects("湾沚区托育服务中心建设及配套设施建设项目。") == [("湾沚区托育服务中心", "welfare")]


def test_the_people_named_in_a_press_pieces_credits_are_no_places():
    # 策划:饶瑶、王云桥 gave the bridge 王云桥; speech after 告诉记者: is still read.
    assert named_projects("策划:饶瑶、王云桥\n执行:张晓琴、潘协凯\n文字:王焱尧、阮琼") == []
    assert named_projects("负责人告诉记者:“目前青城山大道融创段已完成主路铺设。") == [("青城山大道融创段", "road_rebuild")]


def test_a_listed_place_with_a_follower_word_is_one_member():
    # 县道头沙线全线 was a list item of its own beside the coded road 县道头沙线: the road twice.
    names = [n for n, _ in named_projects("将对县道头沙线全线、安福线通达路段、环洲一号公路等农村公路进行路面病害处治。")]
    assert "县道头沙线" in names and "县道头沙线全线" not in names


def test_connecting_networks_is_no_interchange():
    # 互联互通 (linking up) ended in the interchange head 互通: 淮海经济区互联互通 was a bridge.
    assert named_projects("安排了轨道交通工程、淮海经济区互联互通工程等15项工程。") == []
    assert named_projects("建成豹澥互通。") == [("豹澥互通", "bridge")]


def test_a_line_joining_a_station_ends_before_the_verb():
    # 接入 (joins into): the tagger widened the line over it, 青松城际铁路接入白石南站 was one name.
    assert named_projects("规划新增青松城际铁路接入白石南站。") == [("青松城际铁路", "rail")]


def test_types_that_rose_in_a_new_town_are_no_names():
    # 崛起 (rose) opened 崛起学校; 集镇道路 (a market town's roads) is a type, a town's own is named.
    assert named_projects("如今这里已崛起学校、医院、集镇道路等一系列设施。") == []
    assert named_projects("改造石梁乡集镇道路。") == [("石梁乡集镇道路", "road_rebuild")]


def test_a_flood_detention_area_is_a_water_place():
    assert named_projects("完成白石滞洪区清淤。") == [("白石滞洪区", "water")]


def test_a_bare_food_market_is_a_type_and_a_named_one_a_name():
    # 菜市场 with no name before it was a named market; counted, it is a group.
    assert named_projects("经了解,菜市场正在建设中。") == []
    assert counted_groups("新建菜市场3个。") == [("market", 3)]
    assert named_projects("新建富民里菜市场。") == [("富民里菜市场", "market")]


def test_a_place_that_names_a_firm_is_no_project():
    # 青山经开区城市更新公司 (a builder named after a zone and its works) gave the area 青山经开区.
    assert named_projects("青山经开区城市更新公司负责人告诉记者。") == []
    assert named_projects("白石新区开发建设集团负责人介绍。") == []
    assert named_projects("推进白石新区开发建设。") == [("白石新区", "area")]


def test_a_street_listed_as_a_school_is_the_school_named_after_it():
    # 解放路 in 大东关、解放路等小学 is 解放路小学, not a road; a spot on a road stays the road.
    # (named with the head they share: 大东关小学, 解放路小学)
    assert named_projects("推进大东关、解放路等小学的改造工程。") == [("大东关小学", "school"), ("解放路小学", "school")]
    assert named_projects("完成靖宁路、长兴南路2个积水点改造。") == [("长兴南路", "road_rebuild"), ("靖宁路", "road_rebuild")]


def test_a_river_listed_as_a_school_is_the_school_named_after_it():
    # 青江 and 红湖 in 白石、青江、红湖等小学 name schools after the river and the lake (青江小学),
    # as a street does (青松路小学); alone they would be a river's and a lake's works.
    assert named_projects("新建青松路、白石、青江、红湖等小学。") == [
        ("白石小学", "school"), ("红湖小学", "school"), ("青松路小学", "school"), ("青江小学", "school")]


def test_a_list_closed_by_a_count_of_special_pocket_parks_names_them():
    # 专项 (dedicated) between the count and the type is a modifier: the items before the count are
    # the parks counted (白石楼 and 红枫楼 are pocket parks, not buildings of no category).
    assert named_projects("其中,青山里社区、白石楼和红枫楼3个专项口袋公园已全部竣工。") == [
        ("白石楼", "park"), ("红枫楼", "park"), ("青山里社区", "area")]


def test_a_place_ends_before_the_listed_uses_of_its_building():
    # 门诊、住院 (out-patient and ward) listed after a clinic are the uses of its new building: the
    # clinic is named (it was no name at all), and the tagger does not widen it over them either.
    assert named_projects("新建白石卫生院门诊、住院为一体综合楼。") == [("白石卫生院", "health")]
    assert ("红枫中医医院", "health") in named_projects(
        "包括青山医院扩建工程、红枫中医医院门诊和住院综合大楼建设项目、区公共卫生防控和应急管理体系建设项目。")


def test_places_visited_to_tour_their_projects_are_works_sites():
    # 来到A、B…参观项目建设: the visitors tour the works, so the places listed are their sites.
    assert named_projects("代表们先后来到青山公园、工业园区、白石站站前广场及快速通道、红枫外国语学校参观项目建设。") == [
        ("工业园区", "area"), ("白石站站前广场", "park"), ("红枫外国语学校", "school"), ("青山公园", "park")]


def test_a_road_joined_after_a_place_is_no_part_of_its_name():
    # 青山广场及连接道路: the tagger's one name over 及 is a square and a road; the square keeps its name.
    assert named_projects("完成青山广场及连接道路建设。") == [("青山广场", "park")]


def test_a_sports_centre_is_a_sports_place():
    assert named_projects("建设北岸运动中心。") == [("北岸运动中心", "sports")]


def test_an_item_number_before_a_month_is_no_part_of_the_name():
    # 1.9月 read as a number 1.9 before 月: the name was 1.9月太师二附小晋源校区.
    assert named_projects("1.9月太师二附小晋源校区投入使用。") == [("太师二附小晋源校区", "school")]


def test_traffic_optimisation_is_road_works():
    assert named_projects("实施广州大道北段交通优化。") == [("广州大道北段", "road_rebuild")]


def test_works_after_a_gap_with_their_own_object_are_the_next_clauses():
    # A headline's clauses set apart by spaces: 青松路 took the 改造 of 白石路 (a rebuilt road, not a
    # new one) and 白石路 the 建设 of the school. Works alone after a gap stay the name's own.
    assert named_projects("新建青松路 改造白石路 建设松林小学。") == [
        ("松林小学", "school"), ("白石路", "road_rebuild"), ("青松路", "road_new")]
    assert named_projects("加快推进青松路 改造提升工程，白石路 新建工程年底完工。") == [
        ("白石路", "road_new"), ("青松路", "road_rebuild")]
    # a headline's tail after the last gap, too (白石路 took the school's 建设)
    assert named_projects("新建青松路 改造白石路 建设松林小学\n青松路 新建完成\n") == [
        ("松林小学", "school"), ("白石路", "road_rebuild"), ("青松路", "road_new")]


def test_a_gacha_is_a_village_in_inner_mongolia():
    # 嘎查 (a village) and 苏木 (a township) are Inner Mongolia's words for 村 and 乡.
    assert named_projects("推进巴彦塔拉嘎查美丽乡村建设。") == [("巴彦塔拉嘎查", "village")]
    assert named_projects("推进肇兴侗寨保护利用。") == [("肇兴侗寨", "village")]  # 寨: Guizhou's villages


def test_dangerous_bridges_of_a_road_class_are_counted_as_bridges():
    # 农村公路危桥改造15座 was a group of 15 rural roads, 危桥改造 being the works.
    assert counted_groups("实施农村公路危桥改造15座。") == [("bridge", 15)]
    assert counted_groups("实施危桥改造20座。") == [("bridge", 20)]


def test_the_last_ones_of_a_list_close_it_like_a_total():
    # 枯桃、中韩最后2个安置区: 中韩最后 was a name; 最后 closes the list as 共 does.
    assert named_projects("年内枯桃、中韩最后2个安置区也将开工。") == [("中韩", "area"), ("枯桃", "area")]


def test_wells_drilled_are_counted():
    assert counted_groups("新打农用井269眼。") == [("project", 269)]


def test_list_items_that_are_words_of_a_phrase_are_no_members():
    assert named_projects("逐步消灭国道、省道里的三、四级和等外级路段。") == []
    assert named_projects("主要建设小学、初中、职业教育、特殊教育等学校。") == []
    assert named_projects("改造金牛、宝华等3个农贸市场。") == [("宝华", "market"), ("金牛", "market")]


def test_junctions_listed_one_after_another_stay_apart():
    assert named_projects("在四流中路沔阳路路口、沧安路临汾路路口安装交通信号灯。") == [
        ("四流中路沔阳路路口", "road_rebuild"), ("沧安路临汾路路口", "road_rebuild")]
    assert named_projects("改造青松路、白石路交叉口。") == [("青松路、白石路交叉口", "road_rebuild")]


def test_a_filler_verb_between_a_counted_type_and_its_works_keeps_the_group():
    assert counted_groups("对城区原有23座公厕实行了提档升级。") == [("sanitation", 23)]
    assert counted_groups("对仅存的9处农村中小学实行楼房化改造。") == [("school", 9)]
    assert counted_groups("新建社康中心6个。") == [("health", 6)]


def test_visiting_and_speech_verbs_open_no_name():
    assert named_projects("刚踏入辰心公园，空气中传来青草的味道。") == []
    assert named_projects("王新锋宣布桐溪大桥正式通车。") == [("桐溪大桥", "bridge")]
    assert named_projects("县里制定青山公园改造方案。") == [("青山公园", "park")]
    assert named_projects("争取在5月份市博物馆开馆之前完成种植。") == [("市博物馆", "culture")]


def test_a_time_ago_and_a_works_verb_before_a_name_are_no_part_of_it():
    assert named_projects("13年前里阳大桥开通。") == [("里阳大桥", "bridge")]
    assert named_projects("复建洪武路过街天桥。") == [("洪武路过街天桥", "bridge")]


def test_a_night_market_is_a_market():
    assert named_projects("完成县城区早夜市建设任务。") == [("县城区早夜市", "market")]


def test_a_trading_centre_is_a_market():
    props = [f["properties"] for f in extract_projects("精准推进滇东北农产品交易中心开工建设。")]
    assert [(p["name"], p["category"]) for p in props] == [("滇东北农产品交易中心", "market")]


def test_a_clause_after_a_label_word_and_a_comma_is_no_labelled_field():
    props = [f["properties"] for f in extract_projects("开通、优化5条公交线路,改造提升100座公厕。")]
    assert [(p["category"], p["quantity"]["value"]) for p in props if not p["named"]] == [("sanitation", 100)]
    assert [f["properties"]["name"] for f in extract_projects("地址:青山路与白石路交口。")] == []


def test_a_quoted_programme_before_a_count_is_no_part_of_the_counted_type():
    props = [f["properties"] for f in extract_projects("开工建设“三横六纵”九条城市道路。")]
    assert [(p["named"], p["quantity"]["value"]) for p in props] == [(False, 9)]


def _road_names(count):
    import itertools

    chars = "青白红黄蓝紫金银松柏桃李梅兰竹菊"
    return ["".join(p) + "路" for p in itertools.product(chars, repeat=2)][:count]


def test_a_long_list_shares_the_works_written_after_it():
    features = extract_projects("、".join(_road_names(150)) + "改造完成。")
    assert len(features) == 150 and all(f["properties"]["action"] == "改造" for f in features)


def test_forget_text_lets_go_of_the_text_its_quotes_runs_and_last_actions_were_found_in():
    # The quotes were kept by a cache keyed by the text: it held the text after it was done, and it
    # compared an equal text of a later call with it character by character at every head.
    import weakref
    from geo.extract.mentions import clause_mentions, forget_text
    from geo.extract import works
    from geo.extract.runs import run_end

    class Text(str):
        pass

    norm = Text("新建“青山湖公园”,改造白石路、青山路。")
    held = weakref.ref(norm)
    assert [m.head for m in clause_mentions(norm, 0, len(norm))] == ["公园", "路", "路"]
    assert run_end(norm, 0) == len("新建")
    assert works._closing_action(norm, 0, len(norm)) == "改造"  # (the last action of the clause, kept for it)
    forget_text()
    del norm
    assert held() is None


def test_a_list_longer_than_the_chain_limit_is_cut_into_chains(monkeypatch):
    from geo.extract import lists
    from geo.extract.mentions import clause_mentions, forget_text
    from geo.names import simplified_with_offsets

    monkeypatch.setattr(lists, "MAX_CHAIN", 10)
    forget_text()
    norm = simplified_with_offsets("改造" + "、".join(_road_names(35)) + "。")[0]
    mentions = clause_mentions(norm, 0, len(norm))
    lists.resolve_enumerations(norm, mentions, 0)
    forget_text()
    assert sorted({len(m.chain) for m in mentions}) == [5, 10]


@pytest.mark.parametrize("text, base, section", [("开展江安河武侯段综合整治。", "江安河", "武侯段"),
                                                 ("实施江北河天桥段综合治理。", "江北河", "天桥段"),
                                                 ("推进锦江武侯段生态修复。", "锦江", "武侯段")])
def test_a_river_named_with_a_water_head_first_keeps_its_place_section(text, base, section):
    # 江安河 opens with 江: 安河武侯段 was read as a section of 江, and the river lost its section.
    [props] = [f["properties"] for f in extract_projects(text)]
    assert (props["base_name"], props["section"], props["category"]) == (base, section, "water")


@pytest.mark.parametrize("text, base, section", [("完成北园大街北园街道段改造。", "北园大街", "北园街道段"),
                                                 ("推进小清河泺口街道段综合治理。", "小清河", "泺口街道段"),
                                                 ("完成工业北路桑梓店街道段改造。", "工业北路", "桑梓店街道段"),
                                                 ("完成北园大街天桥东街街道段改造。", "北园大街", "天桥东街街道段"),
                                                 ("完成北园大街人民路段改造。", "北园大街人民路段", None)])
def test_a_section_named_after_a_street_district_is_a_section_but_a_street_is_not(text, base, section):
    # 街道 is a place (the geocoder cuts the road by its boundary); 人民路段 is no place section.
    [props] = [f["properties"] for f in extract_projects(text)]
    assert (props["base_name"], props["section"]) == (base, section)


@pytest.mark.parametrize("text, name", [("推进小清河纬北路街道段综合治理。", "小清河纬北路街道段"),
                                        ("完成北园大街天桥东街街道段改造。", "北园大街天桥东街街道段")])
def test_street_district_alone_is_no_place_section(text, name):
    # 街道段 after a road's head (纬北路, 天桥东街) names no place: the road is not 小清河纬北路.
    [props] = [f["properties"] for f in extract_projects(text)]
    assert props["section"] != "街道段" and props["base_name"] != name[:-3]


def test_a_bracket_left_open_before_many_names_is_looked_for_only_within_reach(monkeypatch):
    from geo.extract import brackets

    # An unclosed bracket opening a long text (a typo, or a page cut short): each name after it
    # looked back to the bracket and counted the characters between, in Python (170 KB: 6 s, 700 KB:
    # minutes). Each name now reads a few reaches of text around it, however far the bracket.
    real, texts, reads = brackets._in_range_brackets, {}, []

    def counted(norm, mention):
        _, text = texts.setdefault(id(norm), (norm, ReadText(norm)))
        before = text.read
        found = real(text, mention)
        reads.append(text.read - before)
        return found

    monkeypatch.setattr(brackets, "_in_range_brackets", counted)
    names = 2_000
    extract_projects("（" + "建设北园大街。" * names)  # 14,000 characters after the bracket
    assert len(reads) == names and max(reads) <= 6 * (brackets.RANGE_BRACKET_REACH + 1)


@pytest.mark.parametrize("item", ["青山路、", "公厕、垃圾站等3座"])
def test_a_list_of_thousands_in_one_clause_is_read_in_time_linear_in_its_length(item):
    from geo.extract.mentions import forget_text
    from geo.extract.records import clause_records

    # One clause listing an item thousands of times: each item's rules looked through the rest of
    # the clause (the partner words after a list, a 等 before a network, 组建 in the whole sentence):
    # quadratic (200 KB took ten times 50 KB; twice the list read 3.4 to 3.9 times as much). Twice
    # the list, about twice the reading.
    def read(items):
        forget_text()
        norm = ReadText("改造" + item * items + "白石路等为代表。")
        clause_records(norm, 0, len(norm) - 1, 0, len(norm))
        forget_text()
        return norm.read

    assert read(2_000) <= 2.5 * read(1_000)


def test_a_clause_of_thousands_of_tagged_short_names_is_read_in_time_linear_in_its_length():
    from geo.extract.added_names import add_missed
    from geo.extract.mentions import forget_text

    # One clause listing short names thousands of times, each marked by the tagger (紫园、紫园、…): each
    # name it added looked through the rest of the clause for partner words and enclosing roads, and
    # sliced the clause: quadratic (200 KB took ten times 50 KB). Twice the list, about twice the reading.
    def read(items):
        forget_text()
        norm = ReadText("对" + "紫园、" * items + "畅园进行改造。")
        found = [(1 + 3 * i, 3 + 3 * i, 0.95) for i in range(items)]
        added = add_missed(norm, [], None, found, 0, len(norm))
        forget_text()
        assert len(added) == items
        return norm.read

    assert read(2_000) <= 2.5 * read(1_000)


def test_a_clause_of_thousands_of_tagged_names_between_named_places_finds_their_neighbours_in_steps_linear_in_its_length():
    from pathlib import Path

    import geo
    from geo.extract.added_names import add_missed
    from geo.extract.mentions import forget_text
    from geo.extract.records import clause_records

    # One clause of a named park and a name without a head in turns (青山工业园、金沙智谷、…), the
    # latter marked by the tagger: each such name looked through every record of the sentence for
    # one it is listed with, slicing the text between them (200 KB took 26 times 50 KB). The
    # records are found by where they start and end now: twice the list, about twice the steps.
    def steps(items):
        forget_text()
        norm = "改造" + "青山工业园、金沙智谷、" * items + "白石产业园。"
        records = clause_records(norm, 0, len(norm), 0, len(norm))
        found = [(8 + 11 * i, 12 + 11 * i, 0.99) for i in range(items)]
        with LinesRun(Path(geo.__file__).parent) as lines:
            added = add_missed(norm, records, None, found, 0, len(norm))
        forget_text()
        assert len(added) == len(records) + items  # every 金沙智谷 named, as the parks beside it
        return lines.count

    steps(5)  # (what is read once, the lexicon, read before counting)
    assert steps(800) <= 2.5 * steps(400)


def test_a_clause_of_thousands_of_sections_is_no_recursion_without_end():
    # A clause of one section written thousands of times without a mark (青山景观带东段…): the
    # tagger's span over it had its head looked for behind one section after another, a call
    # deeper for each: Python's recursion limit, at 40 KB. Heads are looked for behind a few.
    assert extract_projects("改造" + "青山景观带东段" * 1500 + "。") == []


def test_a_sentence_of_thousands_of_slogans_is_read_in_time_linear_in_its_length():
    from geo.extract.counts import slogan_counts

    # One sentence of counted slogans repeated (“九路一桥”“三校五园”, …): each slogan with no works
    # after it looked for its works back to the sentence's start (200 KB took 14 times 50 KB). It
    # looks a few characters back now: twice the sentence, about twice the reading.
    def read(items):
        norm = ReadText("实施" + "“九路一桥”“三校五园”," * items + "。")
        groups = slogan_counts(norm, 0, len(norm), [])
        assert len(groups) == 3 * items  # 九路, 三校 and 五园 (一桥 is a count of one) for each pair
        return norm.read

    assert read(2_000) <= 2.5 * read(1_000)


def test_a_clause_of_thousands_of_road_codes_looks_at_each_code_a_few_times(monkeypatch):
    from geo.extract import mentions
    from geo.extract.mentions import clause_mentions, forget_text

    # One clause of counted trunk roads repeated (110公里15条干线公路、…): 条干线 reads as a county
    # road's code, and every head's end was checked against every code of the clause (200 KB took
    # 10 times 50 KB). The codes' insides are now marked once: twice the clause, about twice the
    # looks at its codes.
    real, looks = mentions.COUNTY_ROAD_RE, []

    class Looked:
        def __init__(self, match):
            self._match = match

        def __getattr__(self, name):
            looks.append(name)
            return getattr(self._match, name)

    class Counting:
        def finditer(self, *args):
            return (Looked(match) for match in real.finditer(*args))

        def __getattr__(self, name):
            return getattr(real, name)

    def looked(items):
        looks.clear()
        forget_text()
        norm = "改造" + "110公里15条干线公路、" * items + "。"
        assert clause_mentions(norm, 0, len(norm) - 1)
        forget_text()
        return len(looks)

    monkeypatch.setattr(mentions, "COUNTY_ROAD_RE", Counting())
    assert looked(2_000) <= 2.5 * looked(1_000)


def test_a_name_the_tagger_adds_is_checked_against_its_neighbours_without_reading_the_clause():
    from geo.extract.added_names import _discarded_nearby
    from geo.extract.mentions import forget_text

    # A name the tagger would add is checked against the places the rules saw next to it: the text
    # between it and every place of its clause was cut out to see whether it was a separator (a
    # clause of thousands of places: 800 KB took 3.6 times 400 KB). Only a gap as short as a
    # separator is read now: twice the clause, no more reading.
    def read(items):
        forget_text()
        norm = ReadText("改造" + "青山路、" * items + "白石公园。")
        clause, seen = (0, len(norm) - 1), {}
        span = (len(norm) - 5, len(norm) - 1)  # 白石公园
        assert _discarded_nearby(norm, *span, clause, [], seen)  # (its clause's places looked up once)
        before = norm.read
        assert _discarded_nearby(norm, *span, clause, [], seen)  # 青山路、 next to it: listed with it
        forget_text()
        return norm.read - before

    assert read(2_000) <= 2.5 * read(1_000) + 10


@pytest.mark.parametrize("item", ["青山路、白石路、红星路等3个项目", "等3个项目、", "位于青山路、"])
def test_a_clause_of_thousands_of_lists_and_counts_runs_steps_linear_in_its_length(item):
    # One clause of counted lists, counts or places repeated: the named records were put in a table
    # by their ends for every count, the heads checked one by one against every counted noun, each
    # list closed by a count looked back to its clause's start, each name the tagger would add
    # compared with every place of its clause (200 KB took 9 to 13 times 50 KB). Twice the clause,
    # about twice the steps of the package's code.
    _clause_steps(item, 20)  # (what is read once, the lexicon and the models, read before counting)
    assert _clause_steps(item, 1_200) <= 2.5 * _clause_steps(item, 600)


def _clause_steps(item, count):
    """The lines of the package run to extract one clause of ``item`` repeated ``count`` times."""
    return _text_steps("改造" + item * count + "。")


def _text_steps(text):
    """The lines of the package run to extract ``text`` (what earlier texts left forgotten first)."""
    import geo
    from geo.extract.mentions import forget_text

    forget_text()
    with LinesRun(Path(geo.__file__).parent) as lines:
        extract_projects(text)
    forget_text()
    return lines.count


def test_a_clause_of_megabytes_is_searched_for_quotes_once():
    from geo.extract.mentions import clause_mentions, forget_text

    # One clause of 1.6 million characters (a page without punctuation): each head looked back to the
    # clause's start for an open quote (quadratic: 18 s); the quotes of a text are now found once.
    # The characters searched grow as the clause does: twice the clause, twice the reading.
    def read(heads):
        forget_text()
        norm = ReadText("北园大街" * heads)
        clause_mentions(norm, 0, len(norm))
        forget_text()
        return norm.read

    assert read(4_000) <= 2.2 * read(2_000)


def test_a_clause_of_thousands_of_county_roads_is_read_linear_in_its_length():
    from geo.extract.mentions import clause_mentions, forget_text

    # One clause listing a county road named by two places in 线 thousands of times (平香线南延、): the
    # words on either side of each were sliced to the clause's ends (200 KB took 15 times 50 KB).
    # Twice the clause, about twice the characters read.
    def read(items):
        forget_text()
        norm = ReadText("改造" + "平香线南延、" * items + "。")
        clause_mentions(norm, 0, len(norm))
        forget_text()
        return norm.read

    assert read(2_000) <= 2.5 * read(1_000)


def test_a_clause_of_thousands_of_counted_road_words_searches_for_their_counts_nearby(monkeypatch):
    from geo.extract import mentions
    from geo.extract.mentions import clause_mentions, forget_text

    # One clause listing a road class word thousands of times (“青山”省道、): the count that would
    # make each a counted road (五条省道) was searched for, anchored at the word, from the clause's
    # start (200 KB took 16 times 50 KB). It is searched from where a count ending there may start:
    # twice the clause, about twice the characters searched.
    searched = SearchedSpan(mentions._COUNT_END)
    monkeypatch.setattr(mentions, "_COUNT_END", searched)

    def read(items):
        forget_text()
        searched.read = 0
        norm = "改造" + "“青山”省道、" * items + "。"
        clause_mentions(norm, 0, len(norm))
        forget_text()
        assert searched.calls
        return searched.read

    assert read(2_000) <= 2.5 * read(1_000)


@pytest.mark.parametrize("item, pattern", [("是青山路、", "_ROLE_OF"), ("成为白石公园、", "_ROLE_OF"),
                                           ("组建青山村、", "_TEAMS_FORMED")])
def test_a_list_of_thousands_after_a_copula_or_a_forming_verb_is_read_linear_in_its_length(monkeypatch, item,
                                                                                         pattern):
    import importlib

    from geo.extract.mentions import forget_text

    # One clause listing places thousands of times after 是 (成为) or 组建: from each place the role
    # (是A路、B路的客运站) or the teams (组建A村、B村共3支消防队) closing the list were matched forward
    # through the rest of the clause (200 KB took 11 to 14 times 50 KB). They are matched only where
    # the run of the list's characters ends in them: twice the clause, about twice the reading.
    searched = []
    for name in ("geo.extract.context", "geo.extract.runs"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, pattern):
            searched.append(SearchedSpan(getattr(module, pattern)))
            monkeypatch.setattr(module, pattern, searched[-1])

    def read(items):
        forget_text()
        for counted in searched:
            counted.read = 0
        extract_projects("改造" + item * items + "。")
        forget_text()
        return sum(counted.read for counted in searched) + items  # (a few characters an item at least)

    assert read(1_200) <= 2.5 * read(600)


@pytest.mark.parametrize("item, close, pattern", [("是青山路、", "白石路的客运站。", "_ROLE_OF"),
                                                  ("组建青山村、", "白石村共3支志愿消防队。", "_TEAMS_FORMED")])
def test_a_list_of_thousands_closed_by_its_role_or_teams_is_walked_once(monkeypatch, item, close, pattern):
    import geo
    from geo.extract import runs
    from geo.extract.mentions import forget_text

    # One clause listing places thousands of times after 是 or 组建 that really ends in the role
    # (是A路、是B路、…的客运站) or the teams (组建A村、组建B村、…共3支消防队) closing it: from each place
    # the match read the rest of the list to its close (200 KB took 21 and 14 times 50 KB). The
    # list is walked item by item once for the text: twice the clause, about twice the characters
    # the pattern reads and the steps of the walk.
    searched = SearchedSpan(getattr(runs, pattern))
    monkeypatch.setattr(runs, pattern, searched)

    def work(items):
        forget_text()
        searched.read = 0
        with LinesRun(Path(geo.__file__).parent) as lines:
            extract_projects("改造" + item * items + close)
        forget_text()
        return searched.read + lines.count

    work(10)  # (what is read once, the lexicon and the models, read before counting)
    assert work(1_200) <= 2.5 * work(600)


@pytest.mark.parametrize("item, items", [
    # items each with their own works (a lexicon example): each item followed by its works and 、
    # looked for the works closing the list (A、B改扩建、C等项目建设: A takes 建设) at every place of the
    # rest of the clause (40 KB took 13 times 10 KB); the last place an action ends is found once
    ("青山路旧村改造、", 600),
    # a counted type inside a longer item: each count walked back through every item before it to the
    # clause's start, taking each as a member (10 KB took 50 s); a walk stops at an item holding an
    # earlier count of its own
    ("总计17条街路工程、", 100),
    # a facility named by its bare type: each bare 园博园 looked through every named record for the full
    # name it refers back to (40 KB took 9 times 10 KB); the target is the same for every record of one
    # type, looked for once
    ("建设园博园、", 400),
    # a clause closed by the plan of a place, with no works (a lexicon example, without 、): each
    # place looked for works in the rest of the clause (了解…青山中学的规划: 200 KB took 13 times
    # 50 KB); the clause's last scan is kept, and a scan from a place it covered finds the same
    ("了解下一步青山中学的规划", 400),
    # Questions about a whole list asked of it item by item (a list is cut at settings.MAX_CHAIN
    # items): quadratic up to MAX_CHAIN, hundreds of times the work per item past it (200 KB took
    # 18 s); the answer is kept on the list (geo.extract.chains).
    # - a length after each item (a lexicon example): each item asked whether its list holds a
    #   counted type noun (新建社区公园12个、山城步道20公里), labelling every item of the list again
    ("沿河绿道8公里、", 200),
    # - each item's record asked whether works follow a later item of its list (东外环、山前大道通车),
    #   looking for works after every item after it; and whether the list holds a bare type
    ("铺设好路、", 200),
    # Places described rather than worked on are context when no works follow them (20 KB took 1.6
    # and 1.2 s, 40 KB 4.5 and 5.3 s): the sentence's end is found in a table made once per text,
    # and the first works after a place are kept for the text (works.first_action).
    # - a village said to lie somewhere (青山村位于白石镇,今年硬化道路): each looked for works from it
    #   to its sentence's end, a sentence of thousands of clauses
    ("青山村位于白石镇，", 400),
    # - a place holding an event (青山小学举行清明祭扫活动): each looked for works at every place of
    #   the rest of its clause
    ("青山小学举行活动、", 400),
])
def test_a_clause_of_thousands_of_lexicon_forms_runs_steps_linear_in_its_length(item, items):
    # One clause repeating a form of the lexicon's examples: twice the clause, about twice the steps.
    _clause_steps(item, 5)  # (what is read once, the lexicon and the models, read before counting)
    assert _clause_steps(item, 2 * items) <= 2.5 * _clause_steps(item, items)


def test_a_clause_of_thousands_of_townships_walks_their_list_once(monkeypatch):
    from pathlib import Path

    import geo
    from geo.extract.mentions import clause_mentions, forget_text

    # One clause listing a township thousands of times (青山街道、): each looked for works on it
    # after every item of the list that follows (敖包山、敖包西山、少郎河综合治理工程), walking to the
    # list's end (100 KB took 31 times 25 KB). What a walk from each 、 finds is kept for the text:
    # twice the clause, about twice the steps.
    def steps(items):
        forget_text()
        norm = "改造" + "青山街道、" * items + "。"
        with LinesRun(Path(geo.__file__).parent) as lines:
            clause_mentions(norm, 0, len(norm))
        forget_text()
        return lines.count

    steps(5)  # (what is read once, the lexicon, read before counting)
    assert steps(800) <= 2.5 * steps(400)


def test_a_list_relied_on_closing_its_clause_looks_for_works_after_it_once():
    # Places listed after a verb of reliance that close their clause (依托A、B,搭建…) are context
    # unless works follow them in the clause: each item of the list looked for works at every place
    # of the rest of the clause (quadratic up to settings.MAX_CHAIN items). The first works after a
    # place are kept for the text (works.first_action): twice the list, twice the steps.
    def steps(items):
        return _text_steps("依托" + "青山老街、" * items + "白石花园，搭建夜间消费平台。")

    steps(5)  # (what is read once, the lexicon and the models, read before counting)
    assert steps(390) <= 2.1 * steps(195)


def test_a_list_of_hundreds_finds_where_it_starts_and_ends_once(monkeypatch):
    import operator

    from geo.extract import model

    # The rules ask where an item's list starts and ends (model.chain_first, chain_end), a few
    # times for each item: each time every item of the list was read again (a quarter of the
    # time of a list of 铺设好路、). Twice the list, about twice the items read.
    read = [0]

    def counting(name):
        attribute = operator.attrgetter(name)

        def get(mention):
            read[0] += 1
            return attribute(mention)
        return get

    monkeypatch.setattr(model, "_END", counting("end"))
    monkeypatch.setattr(model, "_STEM_START", counting("stem_start"))

    def items_read(items):
        read[0] = 0
        extract_projects("改造" + "铺设好路、" * items + "。")
        return read[0]

    assert items_read(400) <= 2.5 * items_read(200)


@pytest.mark.parametrize("before, after", [("道路全长960米", ""), ("新增学位4500个、", "青山小学、")])
def test_a_sentence_of_thousands_of_measures_attaches_each_in_steps_linear_in_its_length(monkeypatch, before, after):
    import geo
    import geo.extract

    # One sentence of thousands of measures after records (道路全长960米 repeated, a lexicon example):
    # each measure looked through every record of the sentence for the last one before it (200 KB
    # took 5 times 50 KB), and each before all records for the first record. The records are taken
    # in order of their ends as the measures come, the first looked for once: twice the sentence,
    # about twice the steps of attaching them.
    attach, steps = geo.extract.attach_measures, [0]

    def counted(norm, start, end, records):
        with LinesRun(Path(geo.__file__).parent) as lines:
            attach(norm, start, end, records)
        steps[0] += lines.count

    monkeypatch.setattr(geo.extract, "attach_measures", counted)

    def attaching(items):
        steps[0] = 0
        extract_projects("改造" + before * items + "建设" + after * items + "。")
        return steps[0]

    assert attaching(1_600) <= 2.5 * attaching(800)


def test_a_clause_of_hundreds_of_routes_with_their_heads_runs_steps_linear_in_its_length():
    # One clause listing routes written as their two ends, each with its own head (A村至B村公路、
    # repeated): each route looked back over every route before it for ends sharing its head, and
    # each of those over every mention of the clause (20 KB took 105 s). A route now looks back over
    # a few items (settings.MAX_ROUTE_LIST) and finds the mentions inside each by bisection.
    _clause_steps("青山村至白石村公路、", 10)  # (what is read once, the lexicon and the models, read before counting)
    assert _clause_steps("青山村至白石村公路、", 200) <= 2.5 * _clause_steps("青山村至白石村公路、", 100)


def test_a_designation_word_before_a_count_is_its_scope_not_a_member():
    # 农村6座污水处理站: 农村 (a designation head alone) was taken for a named member, and the
    # group counted one station less (其余污水处理站, 5座).
    assert counted_groups("年内新建农村6座污水处理站。") == [("utility", 6)]
    assert counted_groups("提升改造新农村5所卫生院。") == [("health", 5)]


def test_moving_a_school_to_another_site_is_works_on_it():
    # 移址 (to another site), like 异地, stands between a name and its works: 第三小学校移址新建
    # lost the school (小学校 followed by no works was read as no head).
    assert named_projects("实施青山县第三小学校移址新建项目，计划4月施工。") == [("青山县第三小学校", "school")]


def test_streets_listed_as_pocket_parks_toilets_or_car_parks_are_those_places():
    # 燕山口、河滨路等5个“口袋公园”: the pocket park on 河滨路 was a new road.
    assert named_projects("建成燕山口、河滨路等5个“口袋公园”。")[:2] == [("河滨路", "park"), ("燕山口", "park")]
    assert named_projects("建设白石路、青松街2个街头游园。") == [("白石路", "park"), ("青松街", "park")]
    assert named_projects("建成青松路、白石街2座公厕。") == [("白石街", "sanitation"), ("青松路", "sanitation")]
    assert named_projects("建成青松路、白石街2个停车场。") == [("白石街", "transport"), ("青松路", "transport")]


def test_a_drainage_network_named_by_its_road_is_a_network():
    # 排水 is also a road's follower (道路排水): 青松路排水管网 was the road, a new road.
    assert named_projects("新建青松路排水管网。") == [("青松路", "utility")]
    assert named_projects("白石东路供排水管网开工。") == [("白石东路", "utility")]


def test_a_drainage_outlet_is_a_utility_not_its_street():
    # 青松街东排水口 (a storm-water outlet, 内涝治理) was the street 青松街, a new road.
    assert named_projects("实施城市内涝治理，新建青松街东排水口。") == [("青松街东排水口", "utility")]


def test_a_medical_technology_building_of_an_abbreviated_hospital_is_a_health_place():
    # 县一院医技综合楼 (the county's first hospital's medical-technology block) was lost: its head
    # 楼 takes its category from the stem, and no word of 县一院医技综合 said health. A bare
    # 医技综合楼 after its hospital stays a building type, no name.
    assert named_projects("青山县二院医技综合楼、健康驿站等项目顺利建成。") == [("青山县二院医技综合楼", "health")]
    assert named_projects("白石县人民医院新建医技综合楼。") == [("白石县人民医院", "health")]
    assert named_projects("白石县人民医院新建门诊综合楼。") == [("白石县人民医院", "health")]
    assert named_projects("青山三院门诊综合楼加快推进。") == [("青山三院门诊综合楼", "health")]


def test_a_pipe_named_by_its_nominal_diameter_is_no_named_place():
    # DN100-DN700清水主道 (a water main by its diameters) was a named new road; a diameter code
    # opening the stem describes the pipe, like a size. A pipe of a named road keeps the road.
    assert named_projects("新建DN200-DN600清水主道6.5千米和DN32-DN160清水支管80千米。") == []
    assert named_projects("新建白石路DN300供水管道2公里。") == [("白石路DN300供水管道", "utility")]


def test_an_estate_named_by_its_address_is_one_place():
    # 五一路10号小区 (an old compound by its road and door number) was a road of its own, 五一路,
    # and an estate named 10号小区.
    assert named_projects("实施白石路18号小区、青松街6号小区维修改造。") == [
        ("白石路18号小区", "area"), ("青松街6号小区", "area")]
    assert named_projects("实施建设路32号小区改造。") == [("建设路32号小区", "area")]
    assert named_projects("完成青年路10号小区改造。") == [("青年路10号小区", "area")]


def test_a_drainage_pumping_station_is_a_water_work_and_a_gas_filling_station_a_utility():
    # 排涝站 and 加气站 ended with the generic 站 of a transport station: 栏杆桥排涝站 was transport.
    assert named_projects("重建白石桥排涝站。") == [("白石桥排涝站", "water")]
    assert named_projects("建成青山加气站。") == [("青山加气站", "utility")]


def test_a_water_conservancy_hub_is_a_water_work_not_a_transport_hub():
    # 水利枢纽 (a dam and its works) ended with the transport head 枢纽: 花橋水利樞紐 and
    # 大藤峡水利枢纽 were transport hubs.
    assert named_projects("推进青山水利枢纽工程建设。") == [("青山水利枢纽", "water")]
    assert named_projects("建成白石公交枢纽站。") == [("白石公交枢纽站", "transport")]


def test_a_compound_by_its_door_number_hao_yuan_is_an_area():
    # 南川西路90号院 (a compound at 90 南川西路) was a road to rebuild; a door number alone
    # (44号院 of 东元西路42、44号院) names no compound.
    assert named_projects("实施青松路12号院、白石街8号院改造。") == [("白石街8号院", "area"), ("青松路12号院", "area")]
    assert ("44号院棚户区", "area") not in named_projects("完成白石西路42、44号院棚户区改造。")


def test_ecological_greening_after_a_dike_or_a_road_is_works_on_it():
    # 城关圈堤生态绿化 was lost: 生态 (ecological) is neither works nor a follower, so the dike's
    # noun phrase did not end at 堤; 生态绿化 is works as 生态修复 is.
    assert named_projects("城关环城堤生态绿化工程进展顺利。") == [("城关环城堤", "water")]
    assert named_projects("城南防洪堤生态绿化工程年内完成。") == [("城南防洪堤", "water")]
    assert named_projects("实施白沙路生态绿化。") == [("白沙路", "road_greening")]


def test_a_word_s_pinyin_inserted_after_it_does_not_cut_a_name():
    # 公园(gōngyuán)站: a reposted page's pinyin of a word (longer than a syllable) cut the metro
    # station into a park 白石公园 and the line.
    assert named_projects("青山地铁2号线(hàoxiàn)白石公园(gōngyuán)站建设现场。") == [
        ("青山地铁2号线(hàoxiàn)白石公园(gōngyuán)站", "rail")]


def test_xinxiu_newly_built_is_no_part_of_a_name():
    # 新修 (newly built) was a generic word kept in names: 新修五源公路 was a name, 新修产业路42公里
    # a group named 新修产业路.
    assert named_projects("新修青松公路,改造白石路。") == [("白石路", "road_rebuild"), ("青松公路", "road_rebuild")]
    assert [f["properties"]["name"] for f in extract_projects("新修产业路42公里。")] == ["产业路"]
    assert named_projects("学校申请重新修缮操场。") == []


def test_an_older_word_for_a_terminal_building_is_a_transport_place():
    # 候机楼 (a terminal building, as 航站楼) had no head: T1候机楼改造 was lost.
    assert named_projects("谋划启动T2航站楼建设,T1候机楼改造完工投用。") == [
        ("T1候机楼", "transport"), ("T2航站楼", "transport")]


def test_a_place_something_is_included_in_is_named_without_the_verb():
    # 纳入 (is included in) opened a name: 局部区域纳入天开高教科创园.
    names = [name for name, _ in named_projects("推动青山科技城建设,部分区域纳入白石科创园。")]
    assert "青山科技城" in names and not any("纳入" in name for name in names)


def test_a_project_listed_as_a_key_project_is_named_and_its_count_kept_apart():
    # 将天水市…供水工程列为国家重点项目 and 将X水库列为… named nothing: 列为 did not end the noun
    # phrase (纳入 did)
    text = "将青山供水工程列为省重点项目,白石水库列为市重点项目,8个项目列为民生实事项目。"
    assert named_projects(text) == [("白石水库", "water"), ("青山供水工程", "utility")]
    groups = [(f["properties"]["base_name"], f["properties"]["quantity"]["value"])
              for f in extract_projects(text) if not f["properties"]["named"]]
    assert groups == [("项目", 8)]


def test_a_type_alone_before_a_count_is_what_is_counted_not_a_member():
    # 改造棚户区23个区块: the type 棚户区 was taken for a named member of the 23 blocks, and the
    # group counted one block less (其余区块, 22个); so were 地铁2号线6个站点 and 学校2座教学楼.
    assert counted_groups("12月底改造棚户区23个区块。") == [("area", 23)]
    assert counted_groups("改造老旧小区12个片区。") == [("area", 12)]
    assert ("school", 5) in counted_groups("援建的这两所学校五栋教学楼投入使用。")
    # a length is of the road before it, a listed member still counts apart
    assert named_projects("S103青山线3.2公里路段通车。") == [("S103青山线", "road_new")]
    assert counted_groups("S103青山线3.2公里路段通车。") == []
    assert counted_groups("建成燕山口、河滨路等5个口袋公园。") == [("park", 3)]


def test_city_and_county_hospitals_are_a_type_not_a_name():
    # 市县医院 (the hospitals of the city and its counties), listed with 乡镇卫生院 and 村卫生室, was
    # a named hospital; a place before it still names one.
    assert named_projects("加快市县医院、乡镇卫生院和村卫生室建设。") == []
    assert named_projects("白石市县医院改扩建。") == [("白石市县医院", "health")]


def test_the_site_a_facility_moves_to_is_no_project():
    # 迁建至原白石中学旧址 (rebuilt on the former site of a school): the site was a project, a
    # heritage place 白石中学旧址, beside the hospital that moves.
    assert named_projects("将青山医院迁建至原白石中学旧址。") == [("青山医院", "health")]
    assert named_projects("青山中学搬迁至白石新区。") == [("青山中学", "school")]


def test_a_street_numbered_after_a_direction_is_a_street_not_a_count():
    # 西二条路 and 东四条路 (streets numbered 2 and 4 west and east of an axis) were read as a group
    # of 2 roads; roads counted after a place or without a direction still count.
    assert counted_groups("雨水于西二条路、东四条路交叉口处排入青山湖。") == []
    assert named_projects("完成东三条路改造。") == [("东三条路", "road_rebuild")]
    assert counted_groups("城西三条路改造完成。") == [("road_rebuild", 3)]
    assert counted_groups("新建东西两条路。") == [("road_new", 2)]


def test_bus_routes_counted_by_tiao_are_no_roads():
    # 3条公交路线 was a group of 3 new roads (路线 counted by 条 is a road word: 实施5条路线).
    assert counted_groups("新开通3条区内公交路线。") == []
    assert counted_groups("计划实施5条路线。") == [("road_rebuild", 5)]


def test_bus_lines_numbered_with_a_letter_or_counted_before_their_kind_are_no_roads():
    # K22路1条定制公交, B5路、K9路等2条公交线路: a line's number may open with a letter and its count
    # may stand without 等; a road so numbered with works of its own stays a road.
    assert named_projects("开通K22路1条定制公交,方便市民就医。") == []
    assert named_projects("优化B5路、K9路等2条公交线路。") == []
    assert named_projects("改造K22路。") == [("K22路", "road_rebuild")]


@pytest.mark.parametrize("seed", range(5))
def test_the_printed_reach_skips_white_space_as_counting_one_character_at_a_time_does(seed):
    from geo.extract.brackets import _printed_back, _printed_on

    # A flattened table pads its cells with spaces (and a page with ideographic and no-break
    # spaces): the reach of a range's brackets counts printed characters only, also when the
    # window holds no white space at all (the usual case, looked at in one search).
    def back(norm, end, count):
        pos = end
        while pos > 0 and count:
            pos -= 1
            count -= not norm[pos].isspace()
        return pos

    def on(norm, start, count):
        pos = start
        while pos < len(norm) and count:
            count -= not norm[pos].isspace()
            pos += 1
        return pos

    rng = random.Random(seed)
    norm = "".join(rng.choice("北园大街(至)-  \u3000\u00a0\n\t") if rng.random() < 0.3 else rng.choice("北园大街至段")
                   for _ in range(300))
    for pos in range(len(norm) + 1):
        for count in (0, 1, 5, 24, 25, 400):
            assert _printed_back(norm, pos, count) == back(norm, pos, count)
            assert _printed_on(norm, pos, count) == on(norm, pos, count)


@pytest.mark.parametrize("seed", range(5))
def test_a_list_after_a_copula_is_searched_for_only_after_a_character_its_match_can_end_with(seed):
    from geo.extract.context import _LISTED_AFTER_SHI, _LISTED_AFTER_SHI_LAST
    from geo.settings import COPULA_LIST_REACH

    # _facility_of asks the character before a place first (most places: no 是, 为 or list mark
    # there) and searches back for 是 only after one: the search finds nothing after any other,
    # also where $ matches before a line break ending the window (是青山路、\n).
    rng = random.Random(seed)
    norm = "".join(rng.choice(("是", "为", "、", "和", "及", "与", "\n", "青山", "白石路", "站", ",", "作为")) for _ in range(400))
    for pos in range(len(norm) + 1):
        if _LISTED_AFTER_SHI.search(norm, max(0, pos - COPULA_LIST_REACH), pos) is not None:
            assert norm[pos - 1:pos] in _LISTED_AFTER_SHI_LAST


@pytest.mark.parametrize("seed", range(5))
def test_a_clause_s_partner_and_stringing_words_are_found_in_one_search_as_word_by_word(seed):
    from geo.extract.partners import _JUNCTIONS_HOLDING, _STRUNG_TAIL, _last_outside_junctions, _last_partner_word, \
        _strung_list
    from geo.lexicon import PARTNER_WORDS, STRINGING_WORDS

    def word_by_word(norm, start, end):
        last = -1
        for word in PARTNER_WORDS:
            pos = norm.rfind(word, start, end)
            if pos > last and word in _JUNCTIONS_HOLDING:
                pos = _last_outside_junctions(norm, word, start, end)
            last = max(last, pos)
        return last

    # One search over a clause tells there is no partner word (nor a verb of stringing near its
    # end); where there is one, the word-by-word look finds the same last one, also where a word
    # is cut by the clause's bounds (合|作) or stands inside a junction head (交叉口).
    rng = random.Random(seed)
    pieces = PARTNER_WORDS + STRINGING_WORDS + ("合", "作", "串", "交叉口", "等景点", "起来", "青山路", "、", ",")
    norm = "".join(rng.choice(pieces) for _ in range(300))
    for _ in range(2000):
        start = rng.randrange(len(norm))
        end = rng.randrange(start, min(len(norm), start + 40) + 1)
        assert _last_partner_word(norm, start, end) == word_by_word(norm, start, end)
        assert (_strung_list(norm, start, end) is None) == (_STRUNG_TAIL.search(norm, max(start, end - 16), end) is None)


def test_a_hospital_s_grade_names_no_hospital():
    # 以二甲医院的收费水平 (at a grade-2A hospital's prices): 二甲医院 was a named hospital; 三甲 was
    # already a grade
    assert named_projects("县人民医院创成二甲医院,群众以二甲医院的收费水平享受三甲医院的服务。新建青峰路。") \
        == [("青峰路", "road_new")]


def test_a_caption_s_aerial_shot_is_no_part_of_the_name():
    # ▲航拍A公园 (a photo caption: an aerial shot of A): the name was 航拍A公园
    assert named_projects("航拍青峰湿地公园。") == [("青峰湿地公园", "park")]


def test_parks_two_places_build_together_keep_gongjian_in_their_name():
    # 沪明共建产业园 (a park two regions build together, as 南北共建园区): 共建 (build together) was a
    # stop word and the count of 10 such parks was lost; 共建干净家园 stays a slogan
    assert counted_groups("新增10个沪青共建产业园。") == [("area", 10)]
    assert named_projects("青宿共建园区开工建设。共建干净家园。") == [("青宿共建园区", "area")]


def test_a_name_keeps_the_opening_quote_of_the_quote_it_closes():
    # “白石之心”生态文化公园 was named 白石之心”生态文化公园 (a closing quote without its opener)
    got = sorted((f["properties"]["name"], f["properties"]["char_start"]) for f in extract_projects(
        "建设的青峰儿童乐园、“白石之心”生态文化公园等,都体现了特色。") if f["properties"]["named"])
    assert got == [("“白石之心”生态文化公园", 10), ("青峰儿童乐园", 3)]


def test_no_name_runs_across_a_document_s_title_mark_or_opens_with_its_notice():
    # A notice's heading flattened into one line: names ran across the title's opening mark
    # (印发《常州工业园区) and opened with the notice (通知常州工业园区)
    names = [name for name, _ in named_projects(
        "园区管委会关于印发《常州工业园区2022年实事项目》的通知常州工业园区管理委员会文件常园管〔2022〕1号"
        "园区管委会关于印发《常州工业园区2022年实事项目》的通知各功能区、各部委办局、各派驻机构、各公司、"
        "各直属单位、各街道,附件:《常州工业园区2022年实事项目》常州工业园区管理委员会2022年1月7日")]
    assert not any("《" in name or name.startswith("通知") for name in names)


def test_verbs_that_arrange_or_select_a_list_of_projects_open_no_name():
    # 共筛选A广场、B广场等20个项目 (selected 20 projects), 安排A溪两岸整治 (arranged): the verb was the
    # start of the first name (共筛选A广场, 安排A溪)
    assert named_projects("安排青溪两岸整治、白石路扩宽等项目。共筛选青峰火车站站前广场、白石广场等20个项目。") == [
        ("白石广场", "park"), ("白石路", "road_rebuild"), ("青峰火车站站前广场", "park"), ("青溪", "water")]


def test_a_culture_city_and_an_expo_city_are_places():
    # 汽车科技文化城 (a culture complex), 家具博览城 (an expo mall): 文化城 and 博览城 were no heads
    assert named_projects("高标准规划建设汽车科技文化城。完成青峰家具博览城建设。") == [
        ("汽车科技文化城", "culture"), ("青峰家具博览城", "commercial")]


def test_a_planned_road_s_number_keeps_its_name_when_its_length_follows():
    # 规划三路1.2公里 (planned road no. 3, 1.2 km) was a group of 1.2 km of 三路: the length made the
    # name a counted type, and 规划 (plan) was cut as a verb
    got = [(f["properties"]["name"], f["properties"]["named"]) for f in extract_projects(
        "新建规划三路1.2公里。该工程涉及规划二支路(1.2公里)。")]
    assert sorted(got) == [("规划三路", True), ("规划二支路", True)]


def test_roads_listed_as_where_a_network_is_laid_take_the_network_s_category():
    # A路、B路等路段中压燃气管道建设 (gas mains along the roads) made A路 and B路 new roads; 等道路管网
    # (roads and their pipes) stays road works
    assert named_projects("完成长青路、白石路等路段中压燃气管道建设约7公里。实施富民路等道路管网改造提升工程。") == [
        ("富民路", "road_rebuild"), ("白石路", "utility"), ("长青路", "utility")]


def test_a_housing_project_named_by_its_road_is_no_road_works():
    # 开工建设A路项目1200套安置房 (the A路 project of 1200 resettlement flats) was a new road
    assert named_projects("开工建设长青路项目1200套安置房。完成富民路项目2827套公共租赁住房的建设任务。新建白石路项目3公里。") == [
        ("富民路", "area"), ("白石路", "road_new"), ("长青路", "area")]


def test_raw_water_mains_are_a_type_and_keep_the_yuan_of_raw_water():
    # 原水输水管道 (raw-water mains): 原 (former) was cut as a stop word and 水输水管道 named
    assert named_projects("2014年计划建设原水输水管道、净水厂、配套供水管网等项目。") == []
    assert named_projects("建设青峰水库原水输水管道。") == [("青峰水库原水输水管道", "utility")]


def test_a_village_clinic_is_a_health_place_and_hong_kong_open_space_a_park():
    # 卫生站 (a village or community clinic) fell to the head 站 and was a transport station;
    # Hong Kong's 休憩處 and 休憩用地 (public open space) were no head: 青山街休憩用地 a road.
    assert named_projects("十、新建石门村卫生站。") == [("石门村卫生站", "health")]
    assert named_projects("14 沙田 青山街休憩用地 0.57") == [("青山街休憩用地", "park")]
    assert named_projects("2 中西區 白石道休憩處 0.36") == [("白石道休憩處", "park")]


def test_a_type_with_another_type_in_brackets_names_no_place():
    # a progress table's item 敬老院(福利院)电梯加装工程 (lifts for the homes of either kind) was named
    # 敬老院(福利院); a place before the type still names one.
    assert named_projects("2 | 敬老院(福利院)电梯加装工程 | 对7个单位加装电梯10台 | 600 |") == []
    assert named_projects("实施卫生院(卫生室)改造工程。") == []
    assert named_projects("改造青山敬老院(福利院)。") == [("青山敬老院(福利院)", "welfare")]


def test_a_kindergarten_head_names_her_employer_no_project():
    # 人大代表、A县第二幼儿园园长李某说 (a delegate's job) named the kindergarten as a project
    assert named_projects("县人大代表、长青县第二幼儿园园长李某说，建议今年新建白石路。") == [("白石路", "road_new")]


def test_a_county_road_named_x_line_after_road_works_ending_its_clause_is_a_road():
    # 建议改造浮里线，目前一期工程已经立项 and 今年改造辛高线。 were lost: a two-place name ending in
    # 线 was a road only before a road word or in a list of such names
    assert named_projects("代表的议案是建议改造青桥线，目前一期工程已经立项。今年拓宽松岭线。") == [
        ("松岭线", "road_rebuild"), ("青桥线", "road_rebuild")]
    assert named_projects("新建生产线，改造流水线。") == []


def test_a_road_that_begins_to_be_resurfaced_takes_its_works():
    # 11月12日，A路开始刷黑 (begins its asphalt overlay) named nothing: 开始 stood between the
    # road and its works, and 刷黑 was no works word
    assert named_projects("11月12日，白石路开始刷黑，本月底可建成通车。青松路开始改造。") == [
        ("白石路", "road_rebuild"), ("青松路", "road_rebuild")]


def test_a_range_section_listed_after_a_line_s_first_is_a_project_of_its_own():
    # 南湖高铁东山至西山段、西山至北山段开工: the second stretch has no head of its own
    names = sorted(f["properties"]["name"] for f in extract_projects(
        "今年以来，南湖高铁东山至西山段、西山至北山段开工并加快建设。"))
    assert names == ["南湖高铁东山至西山段", "西山至北山段"]
    names = sorted(f["properties"]["name"] for f in extract_projects("推进青松高速东山至西山段、北山段和南山至白石段建设。"))
    assert names == ["北山段", "南山至白石段", "青松高速东山至西山段"]


def test_a_funding_programme_s_zhuanxiang_before_a_name_is_no_part_of_it():
    # 全民健康保障工程专项东山县人民医院: the programme (…专项) funds the hospital's works
    names = [f["properties"]["name"] for f in extract_projects(
        "实施全民健康保障工程专项东山县人民医院内科综合楼建设项目。")]
    assert names == ["东山县人民医院"]


def test_handing_over_after_completion_names_no_school(rules_only):
    # 建成后移交办成公办学校: handed over and run as a public school, no name (后移交办成公办学校)
    names = [f["properties"]["name"] for f in extract_projects(
        "新建白石路小学，由开发商建设，建成后移交办成公办学校。")]
    assert names == ["白石路小学"]


def test_a_planned_road_after_a_place_is_named_by_its_number(rules_only):
    # 白石片区规划二路: 规划 (planned) opens a numbered road's name, it is no verb ending it
    names = sorted(f["properties"]["name"] for f in extract_projects(
        "新建白石片区规划二路，推动青松花园规划四路打通。坚持规划引领，建设红枫路。"))
    assert names == ["红枫路", "规划二路", "规划四路"]


def test_a_road_in_brackets_with_a_side_word_only_says_where_a_place_lies():
    # 白石片区(青松大道两侧), …合围区域(青松北大道两侧): the road locates the place, no project
    names = [f["properties"]["name"] for f in extract_projects(
        "改造白石片区(青松大道两侧)。片区2位于南一环路,京山老街、三店西路、麻纺宿舍合围区域(青松北大道两侧)。")]
    assert names == ["白石片区"]


def test_a_delegate_s_proposal_title_names_the_works_it_asks_for():
    # 《关于加快风度中学南侧出口道路建设的建议》 (a proposal's title) named nothing: a place in a
    # document's title was context; a proposal asks for its works (none asked: still context)
    assert named_projects("提交了《关于加快青山中学南侧道路建设的建议》和《关于推进白石公园建设的建议》。") == [
        ("白石公园", "park"), ("青山中学南侧道路", "road_new")]
    assert named_projects("提出了《关于加强青山大道交通管理的建议》。印发《白石片区建设方案》。") == []


def test_a_yearbook_s_list_of_the_communities_a_town_governs_names_no_project():
    # a 年鉴 chapter's 概况 (辖永宁、新市…15个社区) named fourteen communities as areas, the first as 辖永宁
    assert named_projects("青山镇位于县境北部,面积71平方千米,辖东风、新市、红旗、白石、青松、联丰6个社区。"
                          "白石乡下辖东风、新市等12个行政村。年内建成青山中学新校区。") == [("青山中学新校区", "school")]


def test_roads_that_pass_through_a_place_are_no_works():
    # 广珠城轨、中江高速公路、国道G105线和省道S364线贯穿全境 (a 概况's transport) named three roads
    assert named_projects("镇内交通便利,青珠城轨、中江高速公路、国道G105线和省道S364线贯穿全境。") == []
    assert named_projects("白石大道穿境而过,今年将改造白石大道。") == [("白石大道", "road_rebuild")]


def test_where_a_facility_moves_to_is_no_range_of_a_road():
    # 县人民医院自2015年6月搬迁至环城路东南段… was one road section named from the hospital to the
    # road (搬迁至 read as a range's 至); a range after a road stays one section
    assert named_projects("县人民医院自2015年6月搬迁至环城路东段新址运营后,门口秩序混乱。") == []
    assert named_projects("改造黄河大道青山镇至白石镇段。") == [("黄河大道青山镇至白石镇段", "road_rebuild")]


def test_a_promise_opens_no_name():
    # 縣長劉政鴻允諾南橫公路全線通車後 (the county head promised) named 劉政鴻允諾南橫公路
    assert named_projects("县长王某允诺青山公路全线通车后将协助开辟道路。") == [("青山公路", "road_new")]
    assert named_projects("县长王某承诺白石公路全线通车后将协助开辟道路。") == [("白石公路", "road_new")]


def test_a_landscape_belt_is_a_park():
    # 实施城南周前至沈所花山风貌带建设 (a 实事 item) named nothing: 风貌带 was no head
    assert named_projects("实施城南花山风貌带建设。") == [("城南花山风貌带", "park")]


def test_a_drainage_ditch_is_a_utility():
    # 新建A村排水沟500米 named the village (排水沟 was no head)
    assert named_projects("新建白石村排水沟500米,改造青山路排水沟。") == [
        ("白石村排水沟", "utility"), ("青山路排水沟", "utility")]


def test_bases_listed_as_industry_clusters_are_no_projects():
    # a yearbook's 有中国A产业基地、中国B创新基地等产业集群 (a town's titles) named two bases as areas
    assert named_projects("投资环境优越,有中国五金制品产业基地、中国半导体智能照明创新基地、"
                          "中国智能锁产业基地等产业集群。建设青山产业园。") == [("青山产业园", "area")]


def test_a_proposal_quoted_by_its_title_names_the_works_it_asks_for():
    # a bureau's reply quoting 你提出的“关于修建A村委会B至C村小组连接道路的建议” named nothing: the
    # quotes read as a slogan's; other quoted slogans stay as they were
    assert named_projects("你提出的“关于修建方山村至新发寨村连接道路的建议”,已交我们研究办理。") == [
        ("方山村至新发寨村连接道路", "road_new")]
    assert named_projects("提出“关于加强青山大道交通管理的建议”。开展“在青山公园·事好办”活动。") == []


def test_a_line_of_light_rail_or_tram_is_rail():
    # 輕軌東線 and 青山轻轨线 were road works, 有轨电车东线 was 轨电车东线 (有 read as a verb); a road
    # to a station (高铁杨桥站至S336省道连接线) stays a road
    assert named_projects("新建青山轻轨线。推进有轨电车东线建设。") == [("有轨电车东线", "rail"), ("青山轻轨线", "rail")]
    assert named_projects("建设高铁青山站至S336省道连接线。") == [("高铁青山站至S336省道连接线", "road_new")]


def test_a_passenger_line_written_short_as_kezhuan_is_rail():
    # 客专 (客运专线 written short: 哈牡客专, 梅汕客专) named nothing; listed by abbreviations it
    # shares its head like 高铁
    assert named_projects("青牡客专、青佳快速铁路进展顺利,连接四城的牡白客专开工。") == [
        ("牡白客专", "rail"), ("青佳快速铁路", "rail"), ("青牡客专", "rail")]
    assert named_projects("青牡和牡白客专开工。") == [("牡白客专", "rail"), ("青牡客专", "rail")]


def test_a_rivers_main_stream_is_the_river_its_works_are_on():
    # 嫩江干流治理主体工程 (a yearbook) named nothing: 干流 (the main stream) broke the river from
    # its works; with a section after it the name stays whole (青河干流白石段)
    assert named_projects("青河干流治理主体工程基本建成,实施清水河干流综合治理。") == [("清水河", "water"), ("青河", "water")]
    assert named_projects("一体抓好青河干流白石段防洪提升。") == [("青河干流白石段", "water")]


def test_an_area_spanning_two_places_after_its_district_is_named_whole():
    # 安州區河東—科技城片區 was named 科技城片區 and 涪城青義—西科大片區 西科大片區: the rules stopped at the
    # dash and the tagger did not widen over the district before the first place
    assert named_projects("推进青山区白水—红枫片区、白石区青松—科技城片区等五大重点示范区建设。") == [
        ("白石区青松—科技城片区", "area"), ("青山区白水—红枫片区", "area")]


def test_places_named_for_a_lake_or_bay_in_a_list_are_what_the_list_counts():
    # 凤凰湖、周河…等10个新城镇社区 and 三泉王、金临湖2个镇级居家养老照料中心: the members kept the
    # category of their last character (湖, 河) and were lakes and rivers; a list of new
    # neighbourhoods or care centres says what they are. A list of lakes stays water.
    assert named_projects("新建青山、白鹭湖、松河、石岭等10个新城镇社区。") == sorted([
        ("松河", "area"), ("石岭", "area"), ("白鹭湖", "area"), ("青山", "area")])
    assert named_projects("完成石桥、金湖2个镇级居家养老照料中心建设。") == sorted([
        ("石桥", "welfare"), ("金湖", "welfare")])
    assert named_projects("治理白鹭湖、松河等3条河湖。") == [("松河", "water"), ("白鹭湖", "water")]


def test_a_care_centre_of_home_care_is_a_welfare_place_and_its_type_names_none():
    # 居家照料中心 and 居家养老照料中心 were no heads: A居家照料中心 was lost, and 建成居家养老照料中心
    # (the type alone) was named
    assert named_projects("完成青岭府居家照料中心建设。") == [("青岭府居家照料中心", "welfare")]
    assert named_projects("今年建成居家养老照料中心，新建居家养老服务中心3个。") == []


def test_a_place_named_for_its_bay_shares_the_head_of_the_plant_listed_after_it():
    # 实施夏家湾、杨树港污水处理厂升级提标: 夏家湾 (two plants written with one head) was a bay; where
    # no works follow (在售的楼盘有A湾、B殿等) the item is left as it was, unnamed
    assert named_projects("实施白鹭湾、青松港污水处理厂升级提标。") == [
        ("白鹭湾", "utility"), ("青松港污水处理厂", "utility")]
    assert "白鹭湾" not in named_names("周边在售的楼盘有白鹭湾、青山云殿等。")


def test_villages_and_communities_listed_before_a_shared_facility_head_are_those_facilities():
    # 新建(改造)春塘社区、茅梓桥社区居家养老服务站点 lost 春塘社区 (a generic word after the community
    # hid the parallel), and 青山村、白石村卫生室 named 青山村 a village: both items are stations
    assert named_projects("新建(改造)青山社区、白石社区居家养老服务站点。") == sorted([
        ("白石社区居家养老服务站点", "welfare"), ("青山社区", "welfare")])
    assert named_projects("改造青山村、白石村卫生室。") == sorted([("白石村卫生室", "health"), ("青山村", "health")])
    assert ("青山村", "village") in named_projects("改造青山村、白石村道路。")


def test_a_bus_line_is_a_service_not_a_road():
    # 新辟2条随需公交专线(A随需公交专线、B随需公交专线): new bus lines (a service) were two named roads
    # and a group of 2 roads, as 专线 is a road's head (旅游专线, a tourist road)
    assert extract_projects("新辟2条随需公交专线(青山随需公交专线、白石随需公交专线)。开通松林公交专线。") == []
    assert named_projects("建设崮山旅游专线。") == [("崮山旅游专线", "road_new")]


def test_works_named_then_counted_again_as_a_clauses_subject_make_no_group():
    # 新建A路…；新建B路…。两条道路的建成将进一步促进区域开发 (a town's 实事) kept a group of 2 roads
    # beside the two named: the count opening a clause, its works after 的, counts them again
    text = "新建青山路、白石路。这两条道路的建成将方便出行。新建3所学校。3所学校的投用使学位增加。"
    assert counted_groups(text) == [("school", 3)]
    assert named_names(text) == ["白石路", "青山路"]
    assert counted_groups("今年完成3条道路的建设。") == [("road_new", 3)]


def test_an_inner_ring_road_is_a_road_as_an_outer_one_is():
    # 改造内环路 named nothing (内 a generic word, 环路 the head: the record model dropped the
    # one-character stem), while 外环路 and 北外环 were roads
    assert named_projects("改造内环路。建设西内环。") == [("内环路", "road_rebuild"), ("西内环", "road_new")]


def test_taiwan_primary_and_junior_high_schools_are_school_heads():
    # 國小 (國民小學) and 國中 (國民中學) name Taiwan's schools; neither was a head, so works on a
    # school's surroundings there named nothing (青山國小校園周邊改善, 新建白石國中).
    assert named_projects("包括青山國小校園周邊和行車安全道路改善3927萬元。") == [("青山國小", "school")]
    assert named_projects("新建白石国中。") == [("白石国中", "school")]
    # (two characters of stem at least: 全国中小学, 全国小康 name nothing)
    assert named_projects("实施全国中小学校舍安全工程，建设全国小康示范县。") == []


def test_a_building_of_a_taiwan_primary_school_is_the_schools():
    # 東陽國小活動中心: a centre whose stem holds 國小 is the school's, as 青山中学活动中心 is (a
    # bare 中心 takes its category from a word of its stem; 國小 was none, and the centre was dropped)
    assert named_projects("新建青山國小活動中心。") == [("青山國小活動中心", "school")]


def test_a_place_visited_for_its_works_progress_is_a_works_site():
    # 视察青山路改造进展, 调研白石公园提升改造情况: the visit verb made the place context, though
    # what is visited is how its works got on; a place visited for anything else stays context.
    assert named_projects("区长视察青山路改造进展。") == [("青山路", "road_rebuild")]
    assert named_projects("调研组调研白石公园提升改造情况。") == [("白石公园", "park")]
    assert named_projects("副局长视察红枫路修缮成果。") == [("红枫路", "road_rebuild")]
    assert named_projects("市长视察青山路，了解交通情况。") == []
    assert named_projects("视察青山路沿线企业生产情况。") == []


def test_villages_where_a_team_is_formed_are_no_projects():
    # 组建A村、B村…共9支村级志愿消防队 (a 实事 list's volunteer fire teams) named every village and
    # `C村共3支村级志愿消防队` as a fire station: 组建 forms a body, and a volunteer team is no place.
    assert named_projects("组建青山村、白石村、红枫村共3支村级志愿消防队。") == []
    assert named_projects("支持村(社区)建设义务消防队。") == []
    assert named_projects("新建青山村消防队，组建家庭医生团队。") == [("青山村消防队", "utility")]


def test_a_water_resources_allocation_project_is_a_utility():
    # 水资源配置工程 (a region's raw-water allocation scheme) had no head: 白石水资源配置工程(一期),
    # listed after a transport hub, named nothing.
    assert named_projects("包括青山北站智能交通枢纽工程、白石水资源配置工程(一期)等。") == [
        ("白石水资源配置工程(一期)", "utility"), ("青山北站智能交通枢纽工程", "transport")]


def test_a_range_opened_by_cong_after_other_words_is_no_section_of_the_head_before():
    # A table's cells glued without spaces: 白石广场贯通已完成从320国道至红枫广场段 was one park, the
    # range searched back over the works to the square. 从 opening the range (青山路从A至B段) stays.
    assert named_projects("白石广场贯通已完成从320国道至红枫广场段征地拆迁工作") == [
        ("320国道至红枫广场段", "road_rebuild"), ("白石广场", "park")]
    assert named_projects("改造青山路从白石路至红枫路段。") == [("青山路从白石路至红枫路段", "road_rebuild")]


def test_one_of_a_type_a_place_becomes_is_no_group():
    # 现已改造成为一座智慧化农贸市场 (the market just renovated) gave a group of one market beside the
    # market named before: one of a type after 是, 成为 or 作为 describes a place, counts no works.
    assert extract_projects("青山农贸市场提升改造,现已改造成为一座智慧化农贸市场。")[0]["properties"]["name"] == "青山农贸市场"
    assert len(extract_projects("青山农贸市场提升改造,现已改造成为一座智慧化农贸市场。")) == 1
    assert named_projects("把白石公园打造成为一座生态公园。") == [("白石公园", "park")]
    assert len(extract_projects("把白石公园打造成为一座生态公园。")) == 1
    assert [f["properties"]["quantity"]["value"] for f in extract_projects("新建一座生态公园。")] == [1]


def test_a_lane_numbered_off_a_road_is_named_with_the_road():
    # 改造青山路3巷、白石路12弄 named the roads alone (青山路, 白石路): a numbered lane (巷, 弄) off a
    # road is a road of its own, named by both.
    assert named_projects("改造青山路3巷、白石路12弄。") == [("白石路12弄", "road_rebuild"), ("青山路3巷", "road_rebuild")]
    assert named_projects("副局长视察红枫路158巷修缮成果。") == [("红枫路158巷", "road_rebuild")]


def test_a_road_named_by_its_ends_before_its_length_alone_is_a_road():
    # 白石乡青山村石门至松岭2.3公里; (a list of roads by their ends and lengths): the tagger named some
    # items and the record model dropped them, the rules named none; a density (每百平方公里30.7公里)
    # and a length after a verb's 到 (达到) name no road, nor a length closing a sentence (全长30公里。)
    got = sorted((f["properties"]["name"], f["properties"]["category"]) for f in extract_projects(
        "今年实施的扶贫路有：白石乡青山村石门至松岭2.3公里；松溪沟口至岭下安置点1.2公里；"
        "红河镇桃源村胡家坪至余家湾1.5公里；县乡道改造青松路7.3公里。公路网密度达到每百平方公里30.7公里。"))
    assert got == [("松溪沟口至岭下安置点", "road_rebuild"), ("白石乡青山村石门至松岭", "road_rebuild"),
                   ("红河镇桃源村胡家坪至余家湾", "road_rebuild"), ("青松路", "road_rebuild")]


def test_a_programme_s_class_of_works_before_a_name_is_no_part_of_it():
    # 连接性关键工程青山大道 (the key works: 青山大道), 县级畅通工程青松路西段: the class of works ran
    # into the name, which was lost (控制性工程 stays in names: 白石河控制性工程 is a dam's)
    got = named_names(
        "投资3亿元的环城线路连接性关键工程青山大道、白石大道已进入完工冲刺阶段。"
        "视察组察看了县级畅通工程青松路西段。")
    assert {"青山大道", "青松路西段"} <= set(got)


def test_a_road_network_named_by_the_place_it_surrounds_keeps_the_place():
    # 青山县医院新院周边路网、白石里周边道路 (the roads around a place, as list items before their
    # works): 周边 ended the stem, leaving a bare type, and the road was lost
    got = named_names("完成青山县医院新院周边路网、白石大道二期建设。对城区白石里周边道路、青松支路进行硬化。")
    assert {"青山县医院新院周边路网", "城区白石里周边道路"} <= set(got)


def test_a_dash_after_a_road_code_names_the_road_from_it_to_a_place():
    # S310-青岭、青白线—松山 (the road from a coded road to a place): the code's road alone (S310)
    # was dropped by the record model, the county road's name (青白线) was no road before a dash
    got = named_names("由于S310-青岭、S255至白石原有水泥混凝土道路,因年久失修。今年实施了青白线—松山、白石线—石门两条旅游公路项目。")
    assert {"S310-青岭", "青白线—松山"} <= set(got)


def test_a_utility_or_market_type_with_generic_modifiers_alone_names_no_facility():
    # 供水厂, 特勤消防站, 城市生活污水管网, 厂外配套管网 and 集贸市场 are kinds of facility (as 水厂 and
    # 农贸市场 are): alone they name no project; a place before them still does.
    assert named_projects("新建供水厂、加固病险水库。") == []
    assert named_projects("包括2所中学、特勤消防站、保障性租赃住房等项目。") == []
    assert named_projects("新建改造城市生活污水管网5公里项目。") == []
    assert named_projects("其中厂区工程投资2748万元,厂外配套管网建设工程投资1964万元。") == []
    assert named_projects("五、集贸市场建设") == []
    assert named_projects("新建青山供水厂。") == [("青山供水厂", "utility")]
    assert named_projects("建成白石新区特勤消防站。") == [("白石新区特勤消防站", "utility")]
    assert named_projects("建设白石集贸市场。") == [("白石集贸市场", "market")]
    assert counted_groups("年内建成3个市级集贸市场。") == [("market", 3)]
    # (a list of as many places before the count is split into its members, joined by 和 too)
    assert named_projects("建成青山、白石和红岭3个市级集贸市场。") == [("白石", "market"), ("红岭", "market"), ("青山", "market")]


def test_a_trade_market_or_centre_with_no_place_before_it_is_a_type():
    # 商贸 is a kind of trade, as 农贸 is: a bare 商贸市场 or a township's 商贸中心 names no facility,
    # a place before it still does.
    assert ("商贸市场", "market") not in named_projects(
        "该镇还建起了自来水厂、客运中心、占地1.2万平方米的商贸市场和22万平方米民宅。")
    assert ("乡镇商贸中心", "commercial") not in named_projects("实施乡镇商贸中心建设工程,加快白石产业园等专业市场建设。")
    assert named_projects("改造提升白石广场商贸中心。") == [("白石广场商贸中心", "commercial")]
    assert named_projects("建设青山商贸市场。") == [("青山商贸市场", "market")]


def test_a_bare_government_service_centre_is_a_type_in_a_list_of_public_buildings():
    # 政务中心 is a kind of building (as 政务服务大厅): listed bare among a district's public buildings it
    # names none; a place before it still names one.
    assert ("政务中心", "utility") not in named_projects(
        "在红心村西黄桥组,建设市民文化广场、政务中心、社会管理工作部、计生服务所和警务中心。")
    assert named_projects("建成青山县政务中心。") == [("青山县政务中心", "utility")]
    assert named_projects("推进政务中心北广场建设。") == [("政务中心北广场", "park")]


def test_a_bare_joint_office_building_is_a_type():
    # 联合办公大楼 (offices of several agencies under one roof) is a kind of 办公大楼: bare, it names no
    # project; a place before it still names one.
    assert ("联合办公大楼", "utility") not in named_projects(
        "青山服务园区是整合青山分局、白石地政事务所及公托的联合办公大楼工程,目前已决标。")
    assert named_projects("建成白石镇联合办公大楼。") == [("白石镇联合办公大楼", "utility")]
