"""The extraction vocabulary as data: geo/data/lexicon/*.tsv are consistent and drive the rules."""

import csv

import pytest

from geo.data import categories
from geo import lexicon
from geo.extract import extract_projects


def test_lexicon_has_no_duplicate_or_conflicting_rows():
    assert lexicon.check() == []


def test_check_reports_a_duplicate_and_a_conflict(tmp_path, monkeypatch):
    for path in lexicon.LEXICON_DIR.glob("*.tsv"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    with open(tmp_path / "actions.tsv", "a", encoding="utf-8") as handle:
        handle.write("改造\taction\t\t改造青山路\n")            # a duplicate row
        handle.write("改造\taction_in_name\t\t青山片区改造\n")  # contradicts 改造 as action
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    problems = lexicon.check()
    assert any("改造 listed twice as action" in p for p in problems)
    assert any("改造 is both action and action_in_name" in p for p in problems)


def test_every_head_category_is_a_category_code_or_a_placeholder():
    codes = set(categories()) | {"road", "station", "stem", "members"}
    with open(lexicon.LEXICON_DIR / "heads.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["kind"] in ("skip", "none"):
                assert row["category"] == ""
            else:
                assert row["category"] in codes, row
                assert row["kind"] in ("name", "facility", "generic", "designation")


def test_every_row_has_an_example_phrase():
    for path in lexicon.LEXICON_DIR.glob("*.tsv"):
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        assert rows and all(row["example"].strip() for row in rows), path.name


@pytest.mark.parametrize("head", ["医院", "路", "转运站", "片区"])
def test_a_head_of_the_table_is_found_in_text(head):
    text = f"建成青松{head}。"
    names = [f["properties"]["name"] for f in extract_projects(text)]
    assert names == [f"青松{head}"]


def test_word_lists_look_words_up_as_a_set_and_stay_tuples_in_file_order():
    stops = lexicon.STOP_WORDS
    assert isinstance(stops, tuple) and list(stops) == list(lexicon.words("stop"))
    assert stops[0] in stops and "青松路" not in stops and None not in stops
    joined = lexicon.words("action") + ("青松路",)
    assert "青松路" in joined and joined[-1] == "青松路" and isinstance(joined, lexicon.Words)
    assert ("实施" + stops[0]).endswith(stops)  # str.endswith takes it as the tuple it is




def test_every_county_whose_name_opens_with_a_stop_character_is_no_stop():
    # 从化区, 离石区, 和平区: a county's name opening with a one-character stop word is whole (化区青山小学 before);
    # 和县 is left to the rules on 和 (青松公园和县城道路)
    stops = {w for w in lexicon.STOP_WORDS if len(w) == 1}
    with open(lexicon.LEXICON_DIR.parent / "china_counties.csv", encoding="utf-8", newline="") as handle:
        names = {row["name"] for row in csv.DictReader(handle)}
    opened = {n for n in names if n[0] in stops and n != "和县"}
    assert opened and all(name.startswith(lexicon.NOT_STOPS) for name in opened), opened


@pytest.mark.parametrize("county", ["从化区", "离石区", "和平区", "于洪区"])
def test_a_county_opening_with_a_stop_character_keeps_it_in_a_name(county):
    names = [f["properties"]["name"] for f in extract_projects(f"推进{county}青山小学建设。")]
    assert names == [f"{county}青山小学"]


@pytest.mark.parametrize("text", ["实施道路硬化、农田改造、侵蚀沟治理等项目。", "实施泄洪沟清淤和排洪渠加固。",
                                  "完成截洪沟修复。"])
def test_a_flood_or_erosion_channel_named_by_its_purpose_alone_is_a_type(text):
    # 侵蚀沟治理 (heilongjiang_muling): the kind of gully, no name of one (modifiers.tsv: generic)
    assert [f["properties"]["name"] for f in extract_projects(text) if f["properties"].get("named")] == []


def test_a_teaching_point_and_a_vocational_school_abbreviated_are_school_heads():
    # 南吕村小学北吕村教学点 (real/hebei_xinji), 长乐职专 (real5/fuzhou_changle): a village's teaching
    # point and a 职专 are schools named by their stems; a bare one names nothing
    def names(text):
        return [(f["properties"]["name"], f["properties"]["category"]) for f in extract_projects(text)]

    assert ("青山镇白石村小学东坡村教学点", "school") in names("青山镇白石村小学东坡村教学点项目施工现场,人员穿梭。")
    assert ("青山职专", "school") in names("新建青山职专。")
    assert names("把全县65所行政村小学调整为教学点。") == []


def test_lists_only_asked_whether_a_word_is_in_them_are_sets():
    # (asked of a mention's head or stop word some 46k times in 1 MB: a set's `in` is a C call)
    assert isinstance(lexicon.COPULAS, frozenset) and "是" in lexicon.COPULAS
    assert isinstance(lexicon.VISITED_ESTATE_HEADS, frozenset) and "小区" in lexicon.VISITED_ESTATE_HEADS
