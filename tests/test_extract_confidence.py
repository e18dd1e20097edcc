"""The record model: its file, its arithmetic, and the names it drops (geo.extract.confidence)."""

import json
import math

import pytest

from geo.extract import confidence, extract_projects
from geo.extract.model import Mention, Record


def _names(text):
    return [f["properties"]["name"] for f in extract_projects(text)]


def _record(name, score, members=()):
    record = Record(True, "road", None, 0, len(name), (0, len(name)), Mention("name"))
    record.name, record.confidence, record.listed_members = name, score, list(members)
    return record


def test_shipped_model_has_only_keys_of_templates_the_extractor_computes():
    with open(confidence.MODEL_PATH, encoding="utf-8") as handle:
        weights = json.load(handle)["weights"]
    templates = set(confidence.RECORD_TEMPLATES) | set(confidence.SENTENCE_TEMPLATES) | set(confidence.DOCUMENT_TEMPLATES)
    assert "bias" in weights and len(weights) > 100
    assert {key.partition("=")[0] for key in weights if key != "bias"} <= templates
    assert all(isinstance(w, float) and math.isfinite(w) for w in weights.values())


def test_probability_is_the_logistic_of_the_weights_of_its_keys():
    weights = {"bias": -0.5, "cat=road": 1.0, "act=": -2.0, "slen=3": 0.25, "texact=1": 0.75, "len=4": 0.1}
    model = confidence.Model(weights)
    values = ("road", "", "路", "青路", "青", "4", "rule", "", "", "新建", "。", "0", "1", "5", "0")
    sentence = ("3", "1")
    keys = ["bias"] + confidence.keys(confidence.SENTENCE_TEMPLATES, sentence) \
        + confidence.keys(confidence.RECORD_TEMPLATES, values)
    expected = 1 / (1 + math.exp(-sum(weights.get(k, 0.0) for k in keys)))
    assert model.probability(values, model.sentence_total(sentence)) == pytest.approx(expected)
    assert expected == pytest.approx(1 / (1 + math.exp(-(-0.5 + 1.0 - 2.0 + 0.25 + 0.75 + 0.1))))


def test_a_name_stays_when_any_of_its_mentions_is_likely_enough(monkeypatch):
    monkeypatch.setattr(confidence, "RECORD_MIN_CONFIDENCE", 0.3)
    records = [_record("白沙河", 0.1), _record("白沙河", 0.6), _record("县道618线", 0.2), _record("县道618线", 0.29)]
    no_document_weights = confidence.Model({"bias": 0.0})
    assert [r.name for r in confidence.drop_unlikely(records, no_document_weights)] == ["白沙河", "白沙河"]


def test_a_name_the_report_repeats_is_scored_with_its_repetitions(monkeypatch):
    monkeypatch.setattr(confidence, "RECORD_MIN_CONFIDENCE", 0.4)
    model = confidence.Model({"bias": 0.0, "nment=0": -1.0, "nment=2": 1.0, "nmcat=2|road": 0.5})
    once, thrice = [_record("东关村", 0.5)], [_record("白沙河", 0.3) for _ in range(3)]
    kept = confidence.drop_unlikely(once + thrice, model)
    assert [r.name for r in kept] == ["白沙河"] * 3
    logit = math.log(0.3 / 0.7) + 1.5
    assert thrice[0].confidence == pytest.approx(1 / (1 + math.exp(-logit)))
    assert once[0].confidence == pytest.approx(1 / (1 + math.exp(-(math.log(0.5 / 0.5) - 1.0))))
    assert confidence.document_values(1, "road") == ("0", "0|road")
    assert confidence.document_values(7, "park") == ("2", "2|park")


def test_the_report_s_weights_are_looked_up_once_per_count_and_category_not_per_record(monkeypatch):
    # 9,000 records of 1 MB, a few dozen (mentions, category) pairs: the per-record lookups were
    # a third of the serial end's drop_unlikely; the scores are the same floats
    asked = []
    real = confidence.document_values
    monkeypatch.setattr(confidence, "document_values", lambda *args: asked.append(args) or real(*args))
    model = confidence.Model({"bias": 0.0, "nment=2": 1.0, "nmcat=2|road": 0.5})
    records = [_record("白沙河", 0.3) for _ in range(3)] + [_record("东关村", 0.5)] + [_record("西关村", 0.4)]
    expected = [model.completed(r.confidence, real(3 if r.name == "白沙河" else 1, r.category)) for r in records]
    confidence.drop_unlikely(records, model)
    assert [r.confidence for r in records] == expected
    assert sorted(asked) == sorted({(3, records[0].category), (1, records[3].category)})


class _Capture:
    """A model that keeps the values it is asked to score and finds every record likely."""

    def __init__(self):
        self.values = []

    def sentence_total(self, values):
        return 0.0

    def probability(self, values, offset=0.0):
        self.values.append(dict(zip(confidence.RECORD_TEMPLATES, values)))
        return 0.9

    def document_weight(self, values):
        return 0.0


def test_a_record_is_scored_with_how_many_names_are_listed_with_it(monkeypatch):
    capture = _Capture()
    monkeypatch.setattr(confidence, "shipped_model", lambda: capture)
    extract_projects("新建青石路、白沙路和红枫大道，改造东关村文化广场。")
    listed = {v["l2"]: v["nsib"] for v in capture.values}
    assert listed == {"石路": "2", "沙路": "2", "大道": "2", "广场": "0"}


def test_group_members_and_records_without_a_score_are_never_dropped(monkeypatch):
    monkeypatch.setattr(confidence, "RECORD_MIN_CONFIDENCE", 0.3)
    member = _record("青石路", 0.05)
    group = _record("道路", None, members=[member])
    group.named = False
    unscored = _record("实验小学", None)
    kept = confidence.drop_unlikely([group, member, unscored, _record("东关村", 0.1)])
    assert kept == [group, member, unscored]


def test_a_counted_groups_named_members_are_not_scored():
    typed = Mention("name", typed_by=Mention("generic"))
    member = Record(True, "road", None, 0, 3, (0, 3), typed)
    group = Record(False, "road", None, 0, 3, (0, 3), Mention("generic"), listed_members=[member])
    assert not confidence.droppable(member) and not confidence.droppable(group)
    assert confidence.droppable(Record(True, "road", None, 0, 3, (0, 3), Mention("name")))


def test_members_of_a_list_a_sentence_with_no_works_describes_are_weighed():
    # 设有A、B等运动场馆, 周边有A、B等口岸: with no works in the sentence, a list typed after 等 only
    # describes what is there, and the model weighs its members like any name; with works, or typed
    # as projects (等项目), they stay whatever it says
    assert "青山球馆" not in _names("这座多功能体育馆内设有青山球馆、白石泳馆等运动场馆。")
    assert "红石拉甫" not in _names("周边有红石拉甫、吐尔尕河、卡拉山等5个国家一类口岸,总人口近22万。")
    assert sorted(_names("新建青山球馆、白石泳馆等运动场馆。")) == ["白石泳馆", "青山球馆"]


CONTEXT_AND_WORKS = "该公路起点位于东屯乡集镇,接县道618线,全长4.2公里,路宽7.5米,今年新建青石路。"


def test_a_road_the_project_joins_is_dropped_and_the_road_built_is_kept():
    assert _names(CONTEXT_AND_WORKS) == ["青石路"]


def test_without_the_model_file_every_record_stays(monkeypatch, tmp_path):
    monkeypatch.setattr(confidence, "MODEL_PATH", tmp_path / "missing.json")
    confidence.shipped_model.cache_clear()
    try:
        assert sorted(_names(CONTEXT_AND_WORKS)) == ["县道618线", "青石路"]
    finally:
        monkeypatch.undo()
        confidence.shipped_model.cache_clear()


def test_a_generic_network_named_by_its_kind_is_dropped(monkeypatch):
    text = "推进乡镇污水管网及配套设施建设项目。"
    assert _names(text) == []
    monkeypatch.setattr(confidence, "RECORD_MIN_CONFIDENCE", 0.0)
    assert _names(text) == ["乡镇污水管网"]


@pytest.mark.parametrize("text, name", [("实施G210改造。", "G210"), ("推进G318改造提升。", "G318"),
                                        ("实施G4201成都绕城高速改造。", "G4201成都绕城高速"),
                                        ("实施G4201沿线绿化。", "G4201")])
def test_a_road_code_that_works_directly_follow_is_kept(text, name):
    # The record model used to drop these (the tagger holds a bare code to be outside any name).
    assert _names(text) == [name]


@pytest.mark.parametrize("text, name", [("一是加快G353的建设力度，二是开通公交线路。", "G353"),
                                        ("加大X254的改造力度。", "X254"), ("加快G206的建设进度。", "G206")])
def test_a_road_code_whose_works_follow_after_de_or_before_their_pace_is_kept(text, name):
    # A 两会 delegate's 加快G353的建设力度 named nothing: the record model dropped the code that
    # 的 set apart from its works (and 力度, the pace, closed the clause).
    assert _names(text) == [name]


@pytest.mark.parametrize("text, name", [("开建省道310;整治隐患路段。", "省道310"), ("重建省道315。", "省道315")])
def test_a_road_code_right_after_its_works_verb_closing_the_clause_is_kept(text, name):
    # 开建省道210; named nothing: the record model dropped a code after a verb it had seldom seen.
    assert _names(text) == [name]


def test_a_road_code_the_works_only_pass_along_is_still_weighed():
    assert _names("沿G210建设绿道。") == []


def test_a_score_is_shifted_by_the_report_s_weights_with_no_call_of_min_or_max(monkeypatch):
    # (the clamp by min and max was a third of drop_unlikely on the serial end of 1 MB)
    called = []
    monkeypatch.setattr(confidence, "min", lambda *a: called.append(a) or min(*a), raising=False)
    monkeypatch.setattr(confidence, "max", lambda *a: called.append(a) or max(*a), raising=False)
    low, high = 1e-12, 1.0 - 1e-12
    for p, extra in ((0.3, 1.5), (0.0, 1.0), (1.0, -1.0), (-0.5, 2.0), (0.5, -0.25)):
        q = min(max(p, low), high)
        assert confidence._shifted(p, extra) == 1.0 / (1.0 + math.exp(-(math.log(q / (1.0 - q)) + extra)))
    assert confidence._shifted(0.3, 0.0) == 0.3
    assert called == []


def test_a_road_cut_at_its_route_s_zhi_is_weighed_with_the_stop_word_before_the_route(monkeypatch):
    # 大连至旅顺中部通道: the rules cut the road after 至 and give it its first end once the sentence
    # is done; weighed as cut, its stop word was 至 (the route's own, weighed as a context's): now 加快
    capture = _Capture()
    monkeypatch.setattr(confidence, "shipped_model", lambda: capture)
    assert _names("加快青山至白石中部通道建设。") == ["青山至白石中部通道"]
    (values,) = capture.values
    assert values["stop"] == "加快"


def test_the_surest_score_of_a_name_and_of_the_tagger_are_kept_with_no_call_of_max(monkeypatch):
    # (max is a builtin call of ~1k instructions: 9k a report of 1 MB for each of the two)
    monkeypatch.setattr(confidence, "RECORD_MIN_CONFIDENCE", 0.3)
    calls = []
    monkeypatch.setattr(confidence, "max", lambda *a: calls.append(a) or max(*a), raising=False)
    records = [_record("白沙河", 0.6), _record("白沙河", 0.1), _record("县道618线", 0.29), _record("县道618线", 0.0)]
    no_document_weights = confidence.Model({"bias": 0.0})
    assert [r.name for r in confidence.drop_unlikely(records, no_document_weights)] == ["白沙河", "白沙河"]
    capture = _Capture()
    monkeypatch.setattr(confidence, "shipped_model", lambda: capture)
    extract_projects("新建青石路、白沙路和红枫大道，改造东关村文化广场。")
    assert capture.values and calls == []
