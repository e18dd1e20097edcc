"""geo.extract.mentions: the heads and codes of a clause, their stems, and mentions merged into one."""

from extract_cases import counted_groups, named_names
from geo.extract.mentions import forget_text, may_hold_records
from geo.extract.records import clause_records


def test_housing_for_those_a_road_clearance_moves_is_named_by_the_road_and_the_works():
    # 白石路拆迁安置区: the road, a works word that moves people (拆迁, 征迁), then housing with no stem of
    # its own: the housing is the project, named by the road; the road alone is no project there
    assert named_names("青山镇负责实施白石路拆迁安置区、青松养老中心2个项目。") == ["白石路拆迁安置区", "青松养老中心"]
    assert named_names("启动白石路征迁安置小区建设。") == ["白石路征迁安置小区"]
    # the road's clearance in a clause of its own, housing with a name after it: both stay apart
    assert named_names("完成白石路拆迁,建设青山安置区。") == ["白石路", "青山安置区"]


def test_a_noun_counted_in_a_unit_that_is_also_a_head_is_a_group_not_a_name():
    # a count in digits right before a head that is also a unit of things (道: thing_unit) opens
    # no road name (涵洞138道: real11 hanzhong_zhenba, real150 zibo_gaoqing, real wulumuqi)
    assert counted_groups("青山县新建涵洞38道。") == [("project", 38)]


def test_a_clause_without_a_mention_end_numeral_or_code_character_may_hold_no_record():
    # The gate's characters come from the heads, place suffixes, numerals and codes: a clause
    # of prose has none and makes no record; a head (白石路), a count (3座) or a code (G105) opens it.
    for clause, held in (("持续营造良好氛围", False), ("努力提升群众满意度", False), ("改造白石路", True),
                         ("新建3座", True), ("新建三座", True), ("改造G105", True), ("青山线", True)):
        norm = "，" + clause + "。"
        try:
            assert may_hold_records(norm, 1, len(norm) - 1) is held, clause
            if not held:
                assert clause_records(norm, 1, len(norm) - 1, 0, len(norm)) == []
        finally:
            forget_text()


def test_a_transit_line_around_a_town_is_a_road_head():
    # 过境线 (the stretch of a national road that bypasses the town) is a road's head like 连接线
    assert named_names("实施青山快速干道和310国道城区过境线改迁工程。") == ["310国道城区过境线", "青山快速干道"]


def test_a_central_primary_school_written_short_is_a_school():
    # 青畅中小 (青畅中心小学) listed: a school; 中小学, 中小企业, 中小河流 and 大中小型 go on or are sizes
    assert named_names("对青畅中小、白水中小、茅坪学校等学校运动场地进行改造。") == ["白水中小", "茅坪学校", "青畅中小"]
    assert named_names("新增中小学学位4860个,扶持中小企业,建设大中小型水库。") == []


def test_where_a_phase_opens_is_found_from_each_qi_back_as_the_look_ahead_at_every_position_found_it():
    # (a look-ahead, 二期 or 十二期, was tried at every position of a text; a text holds few 期)
    import random
    import re

    from geo.extract.mentions import PHASE_FIRST, _phase_starts

    former = re.compile("(?=[" + "".join(sorted(PHASE_FIRST)) + r"][一二三四五六七八九十\d]?期)")
    rng = random.Random(3)
    alphabet = list("一二三四五六七八九十0123456789期青山路") + ["\u0663"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert sorted(set(_phase_starts(text))) == sorted({m.start() for m in former.finditer(text) if m.start() > 0}), text
    assert sorted(_phase_starts("青山公园十二期、白石路3期")) == [4, 5, 11]


def test_a_long_texts_mention_ends_are_those_the_pattern_finds():
    # A long text's candidate ends are found over its code points: the same positions as the pattern's,
    # at heads ending alone (路), after the characters a pair needs (学校 of 学校, no 位 after anything but
    # 单), after a digit of any script or a numeral before 中/小 (85中, ٣中, 三小), 中小, and the text's edges.
    import random

    from geo.extract import mentions

    pieces = ["白石路", "学校", "单位", "地位", "85中", "٣中", "३小", "三小", "中小", "²中", "①中", "𠀀", "区", "园区",
              "。", "、", " ", "a", "中"]
    rng = random.Random(47)
    for size in (mentions._ARRAY_MIN_CHARS, 2 * mentions._ARRAY_MIN_CHARS):
        text = "中" + "".join(rng.choice(pieces) for _ in range(size)) + "学校"
        assert len(text) >= mentions._ARRAY_MIN_CHARS
        assert mentions._candidate_array_ends(text) == [m.end() for m in mentions._candidate_ends().finditer(text)]
