"""The name tagger: its features, decoding, the shipped model, and its rules in front of the rules' filters."""

import array
import gc
import itertools
import math
import os
import pickle
from pathlib import Path

import numpy as np
import pytest

import geo.extract
from geo.extract import extract_projects, features, parallel, patterns, statistical, tagger
from geo.extract.records import clause_records
from geo.extract.segment import clauses, sentences

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"
SEED = Path(__file__).resolve().parents[1] / "geo" / "data" / "tianqiao_work_report_excerpt.txt"


def _tagging(norm, names=(), outside=None):
    """A Tagging with the given names and per-character outside probabilities (default 0)."""
    outside = [0.0] * len(norm) if outside is None else outside
    sums = array.array("d", [0.0])
    for value in outside:
        sums.append(sums[-1] + value)
    return tagger.Tagging(list(names), sums)


def _records(norm):
    (start, end), = list(sentences(norm))
    return [r for c0, c1 in clauses(norm, start, end) for r in clause_records(norm, c0, c1, start, end)]


# --------------------------------------------------------------------------- features and decoding


def test_lexicon_marks_show_roles_and_heads():
    norm = "推进青松路改造"
    marks = tagger.feature_keys(norm)["m"]
    # 推进 is a stop word (role 0): starts at 推, ends at 进; 改造 is an action (role 1).
    assert marks[0] & 1 and marks[1] & (1 << 2)
    assert marks[5] & (1 << 3) and marks[6] & (1 << 5)
    # 路 ends a head (its code in bits 15-24); 青 and 松 are in no lexicon word.
    assert marks[4] >> 15 & 0x3FF
    assert marks[2] == 0 and marks[3] == 0


def test_training_items_give_one_feature_per_template_and_character():
    norm = "新建青松路。"
    items = tagger.training_items(norm, tagger.feature_keys(norm), 0, 5)
    assert len(items) == 5
    assert all([f.split("=")[0] for f in row] == list(tagger.TEMPLATES) for row in items)
    assert items[2][0] == f"c={ord('青')}"


def _brute_force_marginals(emit, trans):
    """Label marginals by enumerating every label sequence (exp of emission + transition scores)."""
    n = len(emit)
    totals = np.zeros((n, 3))
    for path in itertools.product(range(3), repeat=n):
        score = sum(emit[t][path[t]] for t in range(n)) + sum(trans[path[t - 1]][path[t]] for t in range(1, n))
        for t, label in enumerate(path):
            totals[t, label] += math.exp(score)
    return totals / totals.sum(axis=1, keepdims=True)


def test_decoding_gives_the_exact_label_marginals():
    rng = np.random.default_rng(7)
    trans = rng.normal(size=(3, 3))
    empty = {t: (np.zeros(0, dtype=np.int64), np.zeros((1, 3))) for t in tagger.TEMPLATES}
    model = tagger.Model(empty, trans)
    norm = "甲乙丙丁。戊己"
    emit = rng.normal(size=(len(norm), 3))
    model.emissions = lambda keys: emit
    labels, marginals = model.tag(norm, [(0, 4), (5, 7)])  # the whole text: no offset
    for start, end in ((0, 4), (5, 7)):
        expected = _brute_force_marginals(emit[start:end], trans)
        assert np.allclose(marginals[start:end], expected, atol=1e-9)
        assert (labels[start:end] == expected.argmax(axis=1)).all()
    assert labels[4] == 2 and marginals[4, 2] == 1.0  # outside any sentence: O


def test_a_sentence_of_megabytes_is_decoded_in_pieces_of_bounded_length(monkeypatch):
    # A line of 3 MB without a full stop (a damaged file) is one "sentence": the decoder steps
    # through a sentence position by position, so it must never see one that long.
    seen = []
    decode = tagger.Model._decode
    monkeypatch.setattr(tagger.Model, "_decode",
                        lambda self, scores, group, *rest: seen.extend(group) or decode(self, scores, group, *rest))
    empty = {t: (np.zeros(0, dtype=np.int64), np.zeros((1, 3))) for t in tagger.TEMPLATES}
    model = tagger.Model(empty, np.zeros((3, 3)))
    model.emissions = lambda keys: np.zeros((300_001, 3))
    labels, marginals = model.tag("x" * 300_000 + "。", [(0, 300_001)])
    assert max(end - start for start, end in seen) <= tagger._MAX_DECODED
    assert sorted(seen)[0][0] == 0 and sum(end - start for start, end in seen) == 300_001
    assert len(labels) == 300_001 and np.allclose(marginals.sum(axis=1), 1.0)


def test_name_spans_read_begin_and_inside_labels():
    labels = np.array([2, 0, 1, 1, 2, 1, 1, 2, 0, 0], dtype=np.int8)
    marginals = np.full((10, 3), 0.9)
    marginals[2, 1] = 0.6
    spans = tagger.name_spans(labels, marginals)
    assert [(s, e) for s, e, _ in spans] == [(1, 4), (5, 7), (8, 9), (9, 10)]
    assert spans[0][2] == pytest.approx(0.6)  # the least sure label of the name


def test_the_shipped_model_loads_and_saves_unchanged(tmp_path):
    model = tagger.shipped_model()
    if model is None:
        pytest.skip("no model in geo/data")
    model.save(tmp_path / "copy.npz")
    again = tagger.Model.load(tmp_path / "copy.npz")
    keys = tagger.feature_keys("完成青松路改造,新建白石小学。")
    assert np.array_equal(model.emissions(keys), again.emissions(keys))
    assert np.array_equal(model.transitions, again.transitions)


def test_a_head_of_a_new_category_leaves_the_codes_of_every_other_head_as_the_model_learnt_them(monkeypatch):
    # Codes counted the lexicon's categories in sorted order: one head of a category new to
    # heads.tsv (互联互通, project) renumbered all the categories after it and changed names in
    # texts that hold no such head. The shipped model keeps its order; new ones come after it.
    import geo.lexicon

    model = tagger.shipped_model()
    if model is None:
        pytest.skip("no model in geo/data")
    text = "推进青松大道、白石小学和青山公园建设。"
    before = tagger.feature_keys(text)["m"].copy()
    table = dict(geo.lexicon.heads())
    table["互联互通"] = ("aaa_new", "aaa_kind") + tuple(table["公园"][2:])
    monkeypatch.setattr(geo.lexicon, "heads", lambda: table)
    tagger._lexicon_table.cache_clear()
    try:
        kinds, categories = tagger.head_code_lists()
        assert kinds[:len(model.head_codes[0])] == model.head_codes[0] and kinds[-1] == "aaa_kind"
        assert categories[:len(model.head_codes[1])] == model.head_codes[1] and categories[-1] == "aaa_new"
        assert np.array_equal(tagger.feature_keys(text)["m"], before)
    finally:
        tagger._lexicon_table.cache_clear()


def test_hashed_keys_find_the_rows_a_binary_search_finds():
    rng = np.random.default_rng(7)
    known = np.unique(rng.integers(-2**62, 2**62, 5000))
    hashed = tagger._HashedKeys(known)
    assert hashed.shared.any()  # some keys share a slot: the binary search path is taken too
    queries = np.concatenate([known, rng.integers(-2**62, 2**62, 20000), known[:50] + 1, [0, -1]])
    rng.shuffle(queries)
    expected = np.searchsorted(known, queries)
    expected[(expected == len(known)) | (known[np.minimum(expected, len(known) - 1)] != queries)] = len(known)
    assert np.array_equal(hashed.rows(queries), expected)


def test_hashed_keys_mark_the_shared_slots_without_sorting_them(monkeypatch):
    # The model's tables are built in every run before the fork: the slots two keys share are
    # counted (np.bincount), not found by sorting them (np.unique).
    known = np.arange(0, 3000 * 7919, 7919, dtype=np.int64)
    slots = tagger._HashedKeys(known)._slots(known)
    monkeypatch.setattr(np, "unique", lambda *a, **k: pytest.fail("np.unique sorted the slots"))
    hashed = tagger._HashedKeys(known)
    counts = {}
    for slot in slots.tolist():
        counts[slot] = counts.get(slot, 0) + 1
    assert sorted(np.flatnonzero(hashed.shared).tolist()) == sorted(s for s, c in counts.items() if c > 1)
    assert np.array_equal(hashed.rows(known), np.arange(len(known)))


def test_a_worker_process_computes_what_this_process_would():
    norm = "新建青松路,改造白石小学。完成红枫湖周边道路等支路改造。"
    spans = list(sentences(norm))
    job = parallel.start(geo.extract._sentence_records, norm, spans)
    assert job._child is not None  # it did fork
    here = geo.extract._sentence_records(norm, spans)
    assert [(r.start, r.end, r.category, r.named) for r in job.result()] == \
        [(r.start, r.end, r.category, r.named) for r in here]
    failing = parallel.start(_fails_in_a_child, os.getpid())
    assert failing.result() == "computed here"  # a child that fails leaves the work to this process


def test_a_stretch_of_sentences_is_tagged_as_in_the_whole_text():
    if tagger.shipped_model() is None:
        pytest.skip("no model in geo/data")
    norm = (FIXTURES / "heldout_r7_urbancore.txt").read_text(encoding="utf-8")
    spans = list(sentences(norm))
    whole = tagger.tag_text(norm, spans)
    part = tagger.tag_text(norm, spans[5:12])
    lo, hi = spans[5][0], spans[11][1]
    assert part.names == whole.names_in(lo, hi)
    for start, end in spans[5:12]:
        assert part.outside(start, end) == pytest.approx(whole.outside(start, end), abs=1e-12)


def _fails_in_a_child(parent):
    if os.getpid() != parent:
        raise RuntimeError("in the child")
    return "computed here"


def test_a_long_text_gives_the_same_catalog_with_and_without_worker_processes(monkeypatch):
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))) * 2
    assert len(text) >= patterns.PARALLEL_MIN_CHARS
    shared = extract_projects(text)
    monkeypatch.setattr(geo.extract, "PARALLEL_MIN_CHARS", 0)
    assert extract_projects(text) == shared


def test_the_menus_and_link_blocks_are_found_before_the_workers_part_is_taken(monkeypatch):
    # They are the whole text's, and the worker has its part to finish: this process finds them
    # after its own part, before it waits (its share of the text is that much smaller).
    text = "\n".join(f"第{i}期完成青松路改造，新建白石小学。" for i in range(3000))
    assert len(text) >= patterns.PARALLEL_MIN_CHARS
    order = []
    for name in ("page_menu_lines", "unpack_records"):
        real = getattr(geo.extract, name)
        monkeypatch.setattr(geo.extract, name, lambda *a, _real=real, _name=name: order.append(_name) or _real(*a))
    extract_projects(text)
    assert order == ["page_menu_lines", "unpack_records"]


@pytest.mark.parametrize("share", [0.2, 0.37, 0.5, 0.81])
def test_a_text_cut_anywhere_between_two_processes_gives_the_catalog_of_one(monkeypatch, share):
    # Lines whose ends and starts hold what cleaning changes: inserted pinyin, NFKC expansions,
    # letter-spaced names, Traditional phrases, spaced numbers.
    lines = ["㈠完成盛寧(níng)複線改造，新建 4 所幼儿园", "沪 松 公 路 大修，乾溪路、於潛路綠化提升",
             "改造老舊小區(qū)12個，青松路(白石路—红枫路)拓寬", "新建白石小學，完成濼口垃圾轉運站建設"]
    text = "\n".join(lines[i % 4] + f"第{i}期" for i in range(2400))
    assert len(text) >= patterns.PARALLEL_MIN_CHARS
    monkeypatch.setattr(geo.extract, "PARALLEL_OWN_SHARE", share)
    shared = extract_projects(text)
    monkeypatch.setattr(geo.extract, "PARALLEL_MIN_CHARS", 0)
    assert extract_projects(text) == shared


@pytest.mark.parametrize("share", [0.2, 0.5, 0.81])
def test_a_wrapped_text_is_cut_between_two_processes_at_a_line_break_that_ends_a_paragraph(monkeypatch, share):
    paragraph = ("第{}年完成青松路、白石大道和红枫湖公园建设，改造提升东岭小学、西岭中学和湖滨社区卫生服务"
                 "中心，加快推进城北污水处理厂扩建工程和滨江绿道二期建设，实施一批老旧小区改造。")
    text = "\n".join(line for i in range(700) for line in _lines(paragraph.format(i), 30))
    assert len(text) >= patterns.PARALLEL_MIN_CHARS
    monkeypatch.setattr(geo.extract, "PARALLEL_OWN_SHARE", share)
    breaks = geo.extract.wrapped_line_breaks(text)
    cut = geo.extract._line_cut(text, breaks)
    assert text[cut - 2] == "。"  # after a paragraph's end, not inside a wrapped sentence
    shared = extract_projects(text)
    monkeypatch.setattr(geo.extract, "PARALLEL_MIN_CHARS", 0)
    assert extract_projects(text) == shared


def _lines(paragraph, width):
    return [paragraph[i:i + width] for i in range(0, len(paragraph), width)]


def test_records_sent_back_packed_give_the_features_they_would_give_unpacked():
    # A counted group with named members (their group ids), a listed member, a merged duplicate.
    text = ("新建青松小学、白石小学等5所学校,改造红枫路、湖滨路等13条道路。\n"
            "完成青松小学建设,改造白石路。\n")
    here = geo.extract._part_records(text, 0, len(text))
    packed = pickle.loads(pickle.dumps(features.pack_records(geo.extract._part_records(text, 0, len(text)))))
    again = features.unpack_records(packed)
    expected = features.to_features(here)
    assert any(f["properties"]["group"] for f in expected)  # the case holds group links
    assert features.to_features(again) == expected


def test_records_are_sent_back_a_column_per_field_and_none_unpack_to_none():
    # Columns pickle in half the time rows of tuples do, and the parent fills the records a
    # field at a time from them.
    text = "新建青松小学、白石小学等5所学校,改造红枫路。\n"
    records = geo.extract._part_records(text, 0, len(text))
    columns, mention_of, listed, *_ = features.pack_records(records)
    assert len(columns) == len(features._FINISHED_FIELDS)
    assert all(len(column) == len(records) for column in columns) and len(mention_of) == len(records)
    assert [r.name for r in features.unpack_records(features.pack_records(records))] == [r.name for r in records]
    assert features.unpack_records(pickle.loads(pickle.dumps(features.pack_records([])))) == []


def test_extraction_pauses_the_cyclic_garbage_collector_and_leaves_it_as_it_was(monkeypatch):
    seen = []
    real = geo.extract._part_records
    monkeypatch.setattr(geo.extract, "_part_records", lambda *a: seen.append(gc.isenabled()) or real(*a))
    was = gc.isenabled()
    try:
        gc.enable()
        extract_projects("新建青松小学。")
        assert gc.isenabled() and seen and not any(seen)
        gc.disable()
        extract_projects("新建青松小学。")
        assert not gc.isenabled()
        gc.enable()
        with pytest.raises(TypeError):
            extract_projects(None)
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_extraction_keeps_no_reference_to_the_text_it_read():
    from geo.extract import mentions

    text = "新建青松小学,改造白石路。" * 3
    assert extract_projects(text)
    assert mentions._CANDIDATES == [None, None]  # the normalised text and its positions are let go


def test_without_a_model_extraction_is_the_rules_alone(monkeypatch):
    monkeypatch.setattr(tagger, "shipped_model", lambda: None)
    features = extract_projects(SEED.read_text(encoding="utf-8"))
    counts = {p[key]["value"] for p in (f["properties"] for f in features)
              for key in ("quantity", "group_total") if p[key]}
    assert {13, 10} <= counts
    assert any(f["properties"]["name"] == "泺口垃圾转运站" for f in features)


# --------------------------------------------------------------------------- the tagger's rules


def test_a_name_the_tagger_holds_outside_any_name_is_dropped_unless_its_works_follow():
    norm = "新建青松路,白石路两侧绿化提升。"
    records = _records(norm)
    names = {norm[r.start:r.end] for r in records if r.named}
    assert "青松路" in names
    outside = [1.0] * len(norm)
    kept = statistical.drop_rejected(norm, records, _tagging(norm, outside=outside), [], 0, len(norm))
    assert all(norm[r.start:r.end] != "青松路" for r in kept)
    norm = "青松路改造。"
    records = _records(norm)
    kept = statistical.drop_rejected(norm, records, _tagging(norm, outside=[1.0] * len(norm)), [], 0, len(norm))
    assert [norm[r.start:r.end] for r in kept] == ["青松路"]  # 改造 follows: the rules' evidence wins


@pytest.mark.parametrize("norm, name", [
    ("完成青苗线56.9公里路基路面改造。", "青苗线"),  # a length, the parts worked on, then works
    ("青松路800米的改造已完成。", "青松路"),
])
def test_works_on_a_length_of_a_road_outweigh_the_tagger(norm, name):
    records = _records(norm)
    kept = statistical.drop_rejected(norm, records, _tagging(norm, outside=[1.0] * len(norm)), [], 0, len(norm))
    assert [norm[r.start:r.end] for r in kept if r.named] == [name]


def test_a_road_named_by_its_two_ends_before_its_type_outweighs_the_tagger_and_the_model():
    # 下江镇民族村至宰便镇二级公路, 加家塔至南洼自然村道路: the tagger reads two places; the form names a road
    for norm, name in (("据悉,白石镇青山村至红岭镇二级公路是我县计划项目。", "白石镇青山村至红岭镇二级公路"),
                       ("您反映的松林塔至南洼自然村道路已经修复。", "松林塔至南洼自然村道路")):
        records = _records(norm)
        kept = statistical.drop_rejected(norm, records, _tagging(norm, outside=[1.0] * len(norm)), [], 0, len(norm))
        assert name in [norm[r.start:r.end] for r in kept if r.named]
        combined = statistical.combine(norm, records, _tagging(norm, outside=[1.0] * len(norm)), 0, len(norm))
        assert [r.confidence for r in combined if norm[r.start:r.end] == name] == [None]  # never dropped by the model
    norm = "青山新区至白石道路已经修复。"  # a route to no village or township: the models weigh it
    records = _records(norm)
    combined = statistical.combine(norm, records, _tagging(norm, outside=[0.0] * len(norm)), 0, len(norm))
    assert [r.confidence is None for r in combined if norm[r.start:r.end] == "青山新区至白石道路"] == [False]
    norm = "青山村至白石村的公路两侧绿化。"  # (no route before the head: the tagger's word stands for 白石村)
    kept = statistical.drop_rejected(norm, _records(norm), _tagging(norm, outside=[1.0] * len(norm)), [], 0, len(norm))
    assert "白石村" not in [norm[r.start:r.end] for r in kept if r.named]


def test_items_of_a_list_a_counted_works_header_opens_are_kept_whatever_the_tagger_says():
    norm = "新开工项目(3个):青山机场、白石湾旅游公路。"
    records = _records(norm)
    outside = [1.0] * len(norm)
    kept = statistical.drop_rejected(norm, records, _tagging(norm, outside=outside), [], 0, len(norm))
    assert {norm[r.start:r.end] for r in kept if r.named} == {"青山机场", "白石湾旅游公路"}
    norm = "青山机场、白石湾旅游公路位于城区。"  # no header: the tagger's word stands
    kept = statistical.drop_rejected(norm, _records(norm), _tagging(norm, outside=[1.0] * len(norm)), [], 0, len(norm))
    assert not [r for r in kept if r.named]


def test_a_confident_name_the_rules_missed_is_added_with_its_head_category():
    norm = "推进青松中央公园焕新。"
    assert not [r for r in _records(norm) if r.named]  # 焕新 is no word of the rules: the phrase goes on
    found = [(2, 8, 0.9)]
    added = statistical.add_missed(norm, [], _tagging(norm, found), found, 0, len(norm))
    assert [(norm[r.start:r.end], r.category) for r in added] == [("青松中央公园", "park")]


@pytest.mark.parametrize("norm, span, name", [
    ("青山县白石中学书声琅琅。", (3, 7), "白石中学"),   # after a jurisdiction's name
    ("青山国际旅游新城区焕新。", (5, 9), None),        # opening inside a word (旅|游)
    ("青山县城白石溪整治完成。", (4, 7), "白石溪"),     # after the built-up part of a jurisdiction (县城)
    ("国道324线青山段宽敞平整。", (0, 9), "国道324线青山段"),  # its head (a code) before its section
])
def test_a_tagged_name_may_open_after_a_jurisdiction_and_end_in_a_section_but_not_open_inside_a_word(norm, span, name):
    found = [(span[0], span[1], 0.9)]
    added = statistical.add_missed(norm, [], _tagging(norm, found), found, 0, len(norm))
    assert [norm[r.start:r.end] for r in added] == ([name] if name else [])


@pytest.mark.parametrize("norm, span, name", [
    ("新进城主干道白石大道已通车。", (6, 10), "白石大道"),   # a road type before it is its role
    ("建设路网中青岭路、白石路。", (5, 8), "青岭路"),        # a road type and 中 before it
    ("青山Y730青白线完成提升。", (2, 9), "Y730青白线"),      # a road code opens it (the script changes)
])
def test_a_tagged_road_may_open_after_a_road_type_naming_its_role_or_with_a_code(norm, span, name):
    found = [(span[0], span[1], 0.9)]
    added = statistical.add_missed(norm, [], _tagging(norm, found), found, 0, len(norm))
    assert name in [norm[r.start:r.end] for r in added]


@pytest.mark.parametrize("norm, span, confidence, name", [
    ("城市快速路北区段等项目加快推进。", (0, 8), 0.95, "城市快速路北区段"),  # a list of projects closes after it
    ("新建街综合改造项目完成。", (0, 3), 0.95, "新建街"),                  # its own works follow
    ("新建街综合改造项目完成。", (0, 3), 0.8, None),                       # the tagger is not sure enough
    ("城市快速路北区段加快推进。", (0, 8), 0.95, None),                    # no project word follows
])
def test_a_sure_tagged_road_needs_no_distinctive_stem_before_a_project_word(norm, span, confidence, name):
    found = [(*span, confidence)]
    added = statistical.add_missed(norm, [], _tagging(norm, found), found, 0, len(norm))
    assert [norm[r.start:r.end] for r in added] == ([name] if name else [])


@pytest.mark.parametrize("norm, span", [
    ("位于青松中央公园东侧。", (2, 8)),           # a context verb governs it
    ("由青松大街与白石大街合围。", (1, 5)),        # it encloses a site
    ("新增15家农贸市场。", (2, 9)),               # a counted type: the rules count it
    ("与青松大学合作。", (1, 5)),                 # a partner (and a university needs works)
    ("地址:青松大街。", (3, 7)),                  # a labelled field
])
def test_the_tagger_adds_nothing_the_rules_judge_context(norm, span):
    found = [(span[0], span[1], 0.99)]
    records = _records(norm)
    added = statistical.add_missed(norm, list(records), _tagging(norm, found), found, 0, len(norm))
    assert [r for r in added if r not in records] == []


def test_text_with_lone_surrogates_is_tagged_like_any_other():
    # A str decoded with errors="surrogateescape" carries lone surrogates: no crash, same names.
    from geo.extract import extract_projects

    names = sorted(f["properties"]["name"] for f in extract_projects("\udc81改造青山路，\ud800建设白石公园。"))
    assert names == ["白石公园", "青山路"]


def test_a_tagged_name_may_end_with_a_type_the_rules_leave_to_the_tagger():
    # 花园 and 苑 also end estates' and shops' names, 闸 other words: the rules make no name
    # of them, a name the tagger marks may end with them.
    props = [f["properties"] for f in extract_projects("新建仲子路钢坝闸。")]
    assert [(p["name"], p["category"]) for p in props] == [("仲子路钢坝闸", "water")]
    assert [f["properties"]["name"] for f in extract_projects("新建花园。")] == []


@pytest.mark.parametrize("confidence, added", [(0.85, []), (0.95, ["李屯路网"])])
def test_a_place_the_rules_discarded_comes_back_only_when_the_tagger_is_very_sure(confidence, added):
    # The rules see 李屯路网 and make no record of it (a network listed before 等道路工程); a
    # tagger at least TAGGER_OVERRULES sure brings it back, for the record model to judge.
    norm = "启动李屯路网和临港6号路等道路工程。"
    records = _records(norm)
    assert "李屯路网" not in [norm[r.start:r.end] for r in records]
    found = [(2, 6, confidence)]
    new = statistical.add_missed(norm, list(records), _tagging(norm, found), found, 0, len(norm))
    assert [norm[r.start:r.end] for r in new if r not in records] == added


@pytest.mark.parametrize("confidence, names", [(0.7, ["乐业二级路"]), (0.95, ["凤山至乐业二级路"])])
def test_a_rule_name_inside_a_longer_name_the_tagger_is_sure_of_becomes_that_name(confidence, names):
    norm = "加快凤山至乐业二级路建设。"
    records = [r for r in _records(norm) if r.named]
    assert [norm[r.start:r.end] for r in records] == ["乐业二级路"]
    found = [(2, 10, confidence)]
    assert [norm[r.start:r.end] for r in statistical.extend_to_names(norm, records, found)] == names


def test_two_rule_names_inside_one_tagged_name_become_one_but_a_list_is_never_joined():
    norm = "建设铜锣湾·万达广场。"
    records = [r for r in _records(norm) if r.named]
    assert [norm[r.start:r.end] for r in records] == ["铜锣湾", "万达广场"]
    found = [(2, 10, 0.95)]
    assert [norm[r.start:r.end] for r in statistical.extend_to_names(norm, records, found)] == ["铜锣湾·万达广场"]
    norm = "改造青松路、白石路。"
    records = [r for r in _records(norm) if r.named]
    extended = statistical.extend_to_names(norm, records, [(2, 9, 0.99)])
    assert [norm[r.start:r.end] for r in extended] == ["青松路", "白石路"]


def test_a_tagged_name_takes_no_sum_of_money_before_the_rule_name():
    # 投入2320万元改善恰卜恰镇卫生院 was named whole: the tagger widened the rules' 恰卜恰镇卫生院 over
    # the sum spent and its verb
    norm = "投入2320万元改善青松镇卫生院业务用房。"
    records = [r for r in _records(norm) if r.named]
    assert [norm[r.start:r.end] for r in records] == ["青松镇卫生院"]
    extended = statistical.extend_to_names(norm, records, [(2, 16, 0.95)])
    assert [norm[r.start:r.end] for r in extended] == ["青松镇卫生院"]


def test_a_tagged_name_takes_no_quote_it_does_not_open():
    # The tagger may mark a quoted name with its closing quote (“青山湖公园”): the name ends
    # before it; a quote the name opens and closes itself (“烟雨洪江”二期) stays.
    norm = "加快“青山湖公园”建设。"
    records = [r for r in _records(norm) if r.named]
    assert [norm[r.start:r.end] for r in records] == ["青山湖公园"]
    assert [norm[r.start:r.end] for r in statistical.extend_to_names(norm, records, [(3, 9, 0.95)])] == ["青山湖公园"]
    norm = "建设“烟雨洪江”二期项目。"
    records = [r for r in _records(norm) if r.named]
    extended = statistical.extend_to_names(norm, records, [(2, 10, 0.95)])
    assert [norm[r.start:r.end] for r in extended] == ["“烟雨洪江”二期"]


def test_a_tagged_route_between_two_places_is_a_road_without_a_head():
    norm = "目前青岭至白石坳、红枫-青山段正在施工。"
    records = _records(norm)
    assert records == []
    found = [(2, 8, 0.9), (9, 15, 0.9)]
    added = statistical.add_missed(norm, records, _tagging(norm, found), found, 0, len(norm))
    assert sorted((norm[r.start:r.end], r.category) for r in added) == [
        ("红枫-青山段", "road_rebuild"), ("青岭至白石坳", "road_rebuild")]


@pytest.mark.parametrize("norm, span, name, category", [
    ("扩建青山八中教学楼。", (2, 6), "青山八中", "school"),
    ("新建白石县肉联厂。", (2, 8), "白石县肉联厂", "industrial"),
    ("实施青岭乡达那人饮工程。", (2, 11), "青岭乡达那人饮工程", "utility"),
])
def test_a_tagged_name_may_end_with_a_numbered_school_or_a_head_only_the_tagger_uses(norm, span, name, category):
    found = [(*span, 0.95)]
    added = statistical.add_missed(norm, [], _tagging(norm, found), found, 0, len(norm))
    assert [(norm[r.start:r.end], r.category) for r in added] == [(name, category)]


def test_a_tagged_route_may_join_its_places_with_an_em_dash():
    norm = "目前青岭—白石坳已通车。"
    assert _records(norm) == []
    found = [(2, 8, 0.95)]
    added = statistical.add_missed(norm, [], _tagging(norm, found), found, 0, len(norm))
    assert [norm[r.start:r.end] for r in added] == ["青岭—白石坳"]


def test_a_long_text_is_tagged_a_stretch_at_a_time_as_it_would_be_at_once(monkeypatch):
    # A report of 50 MB on one line took 4 GB, most of it the tagger's features and scores of every
    # character at once (some 250 bytes a character): a long text is tagged a stretch at a time.
    if tagger.shipped_model() is None:
        pytest.skip("no model in geo/data")
    norm = "".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("heldout_*.txt")))
    norm += "北园大街" * 3000  # a "sentence" of 12,000 characters without a full stop, as a damaged file's
    spans = list(sentences(norm))
    whole = tagger.tag_text(norm, spans)
    seen = []
    tag = tagger.Model.tag
    monkeypatch.setattr(tagger.Model, "tag", lambda self, text, local: seen.append(len(text)) or tag(self, text, local))
    monkeypatch.setattr(tagger, "_TAGGED_AT_ONCE", 5000)
    parts = tagger.tag_text(norm, spans)
    assert len(seen) >= 5 and max(seen) <= 5000 + 2 * tagger._CONTEXT
    assert [name[:2] for name in parts.names] == [name[:2] for name in whole.names]
    # (the decoder's sums over other batches of sentences: the last bit of a confidence may differ)
    assert np.allclose([name[2] for name in parts.names], [name[2] for name in whole.names], rtol=0, atol=1e-12)
    assert parts.offset == whole.offset and np.allclose(parts._outside, whole._outside, rtol=0, atol=1e-9)


def test_a_tagged_name_takes_no_works_of_a_kind_after_a_river():
    # 金星河綜合提升改造項目: the rules end a river's name before works of a kind (words of a kind,
    # then the action); the tagger does not widen it over them. The action alone after it
    # (综合整治项目) is left to the tagger: the read labels take it into the name as often as not.
    norm = "推进白沙河综合提升改造项目。"
    records = [r for r in _records(norm) if r.named]
    assert [norm[r.start:r.end] for r in records] == ["白沙河"]
    assert [norm[r.start:r.end] for r in statistical.extend_to_names(norm, records, [(2, 13, 0.95)])] == ["白沙河"]
    norm = "推进白沙河综合整治项目。"
    records = [r for r in _records(norm) if r.named]
    extended = statistical.extend_to_names(norm, records, [(2, 11, 0.95)])
    assert [norm[r.start:r.end] for r in extended] == ["白沙河综合整治项目"]


@pytest.mark.parametrize("norm, name", [
    ("青山第二条快速道路 总经费逾39亿", "青山第二条快速道路"),  # a headline: the name, a gap, its budget
    ("白石村青山宫后方排水沟改善经费约需240万元。", "白石村青山宫后方排水沟"),  # its works word, then its budget
])
def test_a_name_its_budget_follows_outweighs_the_tagger_and_the_model(norm, name):
    records = _records(norm)
    assert name in [norm[r.start:r.end] for r in records if r.named]
    kept = statistical.drop_rejected(norm, records, _tagging(norm, outside=[1.0] * len(norm)), [], 0, len(norm))
    assert name in [norm[r.start:r.end] for r in kept if r.named]
    combined = statistical.combine(norm, records, _tagging(norm, outside=[1.0] * len(norm)), 0, len(norm))
    assert [r.confidence for r in combined if norm[r.start:r.end] == name] == [None]  # never dropped by the model


def test_a_budget_after_other_words_leaves_the_name_to_the_tagger():
    norm = "青山路沿线商铺总投资2亿元。"  # the budget is the shops', not the road's
    records = _records(norm)
    kept = statistical.drop_rejected(norm, records, _tagging(norm, outside=[1.0] * len(norm)), [], 0, len(norm))
    assert "青山路" not in [norm[r.start:r.end] for r in kept if r.named]
