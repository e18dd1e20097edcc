"""geo.extract.records: the filters of a clause's records, and what they look at."""

from extract_cases import named_names, named_projects
from geo.extract import records


class _Counted:
    """A pattern that counts the calls made of it."""

    def __init__(self, pattern):
        self.pattern, self.calls = pattern, 0

    def __getattr__(self, name):
        method = getattr(self.pattern, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return method(*args, **kwargs)
        return counted


def test_a_name_that_cannot_open_or_close_a_filtered_shape_is_not_matched_against_it(monkeypatch):
    # 西区, 8座桥梁, 敬老院(福利院): a bare direction opens with 东西南北中, a count with a figure, 两
    # or 一, a type with its alternative ends with its bracket; other names are not matched at all.
    counted = {name: _Counted(getattr(records, name))
               for name in ("_BARE_DIRECTION_RE", "_COUNTED_OPENING_RE", "_ALTERNATIVE_TYPE_RE")}
    for name, pattern in counted.items():
        monkeypatch.setattr(records, name, pattern)
    assert [name for name, _ in named_projects("新建青山路、白石中学。")] == ["白石中学", "青山路"]
    assert [pattern.calls for pattern in counted.values()] == [0, 0, 0]
    # (the shapes themselves are still dropped)
    assert "西区" not in [name for name, _ in named_projects("改造九原小区东区、西区。")]


def test_a_filter_gives_the_pattern_s_answer_whatever_the_first_character():
    class Named:
        named, category = True, "school"

    for text in ("西区", "中部", "青山区", "8座桥梁", "两所", "一座座", "３座", "敬老院(福利院)", "院(所)", "", "(白石)"):
        norm = "新建" + text + "。"
        record = Named()
        record.start, record.end = 2, 2 + len(text)
        assert records._bare_direction(norm, record) == (
            records._BARE_DIRECTION_RE.fullmatch(norm, record.start, record.end) is not None)
        assert records._counted_opening(norm, record) == (
            records._COUNTED_OPENING_RE.match(norm, record.start, record.end) is not None)


def test_a_listed_item_left_with_a_works_noun_alone_names_nothing():
    # 青山、白石等一批骨干水源工程和红岭、黄沙等一批供水工程: 工程 between the two lists is no project
    named = named_names("推进建成青山、白石等一批骨干水源工程和红岭、黄沙等一批供水工程。")
    assert "工程" not in named
    assert {"青山", "白石", "红岭", "黄沙"} <= set(named)


def test_a_clause_of_prose_is_passed_over_before_its_mentions_are_looked_for(monkeypatch):
    # 持续营造良好氛围: no character a head or place suffix ends with, no numeral, no code: the
    # mention finder and the count rules never look at such a clause; 青山县… and 改造白石路 are read.
    looked_at = []
    finder = records.clause_mentions

    def counted(norm, start, end):
        looked_at.append(norm[start:end])
        return finder(norm, start, end)
    monkeypatch.setattr(records, "clause_mentions", counted)
    text = "青山县坚持统筹推进，持续营造良好氛围，努力提升群众满意度，改造白石路。"
    assert named_names(text) == ["白石路"]
    assert looked_at == ["青山县坚持统筹推进", "改造白石路"]


def test_a_water_of_one_character_before_its_head_right_before_counted_projects_is_the_county():
    # 建湖十大民生实事 (yancheng_jianhu), 連江3個項目開工 (fuzhou_lianjiang): the county the projects are in
    # (建湖县, 连江县), no works on a lake or a river; a river of two characters before its head stays
    from geo.extract.records import clause_records

    def named(text):
        return [text[r.start:r.end] for r in clause_records(text, 0, len(text) - 1, 0, len(text)) if r.named]

    assert named("2023年青湖十大民生实事项目出炉。") == []
    assert named("青江3个项目开工。") == []
    assert named("青江综合治理工程开工。") == ["青江"]
    assert named("白沙河3个项目开工。") == ["白沙河"]


def test_a_small_park_kind_listed_among_named_parks_is_no_park_of_its_own():
    # 街心公园, 口袋公园 (SITED_PARK_TYPES) are kinds of small park: listed among named parks of the same
    # head before a class of them (等市民休闲公园), they name none; the named ones stay.
    text = "建成了街心公园、城南游园、青松广场、白石文化公园等市民休闲公园。"
    assert named_names(text) == ["城南游园", "白石文化公园", "青松广场"]
    text = "建成了口袋公园、城南游园、青松广场、白石文化公园等市民休闲公园。"
    assert named_names(text) == ["城南游园", "白石文化公园", "青松广场"]


def test_a_stem_holding_no_title_word_is_not_searched_for_an_official(monkeypatch):
    # Every official's title (区区长, 副县长, 委书记, 局长) holds 长 or 书记: a stem with neither is not searched.
    counted = _Counted(records._TITLE_IN_NAME)
    monkeypatch.setattr(records, "_TITLE_IN_NAME", counted)
    assert [name for name, _ in named_projects("新建青山路、白石中学。")] == ["白石中学", "青山路"]
    assert counted.calls == 0
    assert named_projects("青山区区长王江白石新区调研。") == [] and counted.calls == 1
    assert [name for name, _ in named_projects("新建长青路。")] == ["长青路"] and counted.calls == 2
