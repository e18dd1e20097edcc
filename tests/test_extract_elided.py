"""geo.extract.elided: a bare count after works counts the noun of the count before it."""

from extract_cases import counted_groups
from geo.extract import elided


def test_a_clause_with_no_item_ending_in_a_unit_is_not_walked_item_by_item(monkeypatch):
    # 扩建学校3所,新建成5所 and 新建学校3所、改扩建5所: the bare counts still count schools; in a
    # clause no item of which ends with a unit (新建青山路、白石路) no item is looked at.
    assert ("school", 5) in counted_groups("扩建学校3所,新建成5所。")
    assert ("school", 5) in counted_groups("新建学校3所、改扩建5所。")
    assert ("school", 5) in counted_groups("新建学校3所、改扩建5所 。")

    class Read(str):
        """The text, counting the items looked for in it."""
        finds = 0

        def find(self, *args):
            Read.finds += 1
            return super().find(*args)

    looked = []
    real = elided._elided_count
    monkeypatch.setattr(elided, "_elided_count", lambda *args: looked.append(args[1:3]) or real(*args))
    norm = Read("新建青山路、白石路,改扩建5所 、维修桥梁、")
    clause_end = norm.index(",")
    assert elided.elided_counts(norm, 0, clause_end, []) == [] and looked == [] and Read.finds == 0
    assert elided.elided_counts(norm, clause_end + 1, len(norm), []) == []
    assert looked == [(clause_end + 1, norm.index(" 、") + 1)]  # (the one item ending with 所, before its space)


def test_a_bare_count_opening_a_clause_with_the_state_of_its_works_counts_the_noun_before_it():
    # 还有80个正在开展前期设计: the 80 are compounds too (real9 shaowu; real5 fuzhou_changle 17家正在组织装修,
    # real3 jining_yutai 2处正在抓紧推进); count_rest / count_state rows in modifiers.tsv
    assert ("area", 80) in counted_groups("青山县完成48个老旧小区改造,31个老旧小区正在施工,还有80个正在开展前期设计。")
    assert counted_groups("白石县新建3个安置小区,还有2个正在开展前期设计。") == [("area", 2), ("area", 3)]
    # a count of its own noun after 的, or no group before it in the unit: not the noun before it
    assert ("area", 2) not in counted_groups("白石县新建3个安置小区,还有2个正在开展设计的口袋公园。")
    assert counted_groups("青山县还有2个正在开展前期设计。") == []


def test_a_clause_opening_with_no_numeral_or_rest_word_is_not_matched_for_a_bare_count_and_its_state(monkeypatch):
    # _STATE_COUNT opens with 还有/另有 or a numeral: a clause opening with another character is
    # not matched against it (most clauses); one opening with a digit, a Han numeral or 还有 is
    runs = []
    real = elided._STATE_COUNT

    class Counted:
        def match(self, *args):
            runs.append(args[0][args[1]])
            return real.match(*args)

    monkeypatch.setattr(elided, "_STATE_COUNT", Counted())
    for clause in ("新建青山路", "改扩建5所", "完成白石小区改造"):
        assert elided.elided_counts(clause, 0, len(clause), []) == []
    assert runs == []
    for clause in ("还有80个正在开展前期设计", "3所正在建设", "三所正在建设", "３所正在建设"):
        elided.elided_counts(clause, 0, len(clause), [])
    assert runs == ["还", "3", "三", "３"]
    # the count and its state are read as before
    assert ("area", 80) in counted_groups("青山县31个老旧小区正在施工,还有80个正在开展前期设计。")


def test_a_bare_count_after_adverbs_or_a_verb_of_phase_counts_the_noun_before_it():
    assert counted_groups("青山区新建学校食堂4个,完成改造9个。") == [("school", 4), ("school", 9)]
    assert counted_groups("白石县改造老旧小区12个,其中已完工8个。") == [("area", 8), ("area", 12)]
    assert counted_groups("白石县改造老旧小区12个,其中正在施工3个。") == [("area", 3), ("area", 12)]


def test_the_records_before_a_bare_count_are_each_taken_in_once_per_reading(monkeypatch):
    # a sentence of many clauses (新建学校食堂4个,完成改造9个,…) is not read again for each bare count
    taken = []
    update = elided._Seen.update

    def counting(self):
        taken.append(len(self.records) - self.count)
        return update(self)

    monkeypatch.setattr(elided._Seen, "update", counting)
    assert ("school", 9) in counted_groups("青山区" + "新建学校食堂4个,完成改造9个," * 200 + "全部完成。")
    assert 0 < sum(taken) <= 2 * 2 * 400  # (two readings, at most two records a clause: not each again per count)
