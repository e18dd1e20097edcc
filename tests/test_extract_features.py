"""Records to catalog features (geo.extract.features): the worker's records as the parent unpacks them."""

import dataclasses

import geo.extract
from geo.extract import features, slugs


def test_a_record_is_unpacked_by_one_call_given_every_field(monkeypatch):
    # (its slots set a column at a time after __init__ cost 1.6 times as much on the serial end)
    text = "新建青松小学、白石小学等5所学校,改造红枫路。\n"
    records = geo.extract._part_records(text, 0, len(text))
    packed = features.pack_records(records)
    given = []
    real = features.Record.__init__
    monkeypatch.setattr(features.Record, "__init__", lambda self, *a: given.append(len(a)) or real(self, *a))
    again = features.unpack_records(packed)
    assert given == [len(dataclasses.fields(features.Record))] * len(records)
    for record, original in zip(again, records):
        values = {f.name: getattr(record, f.name) for f in dataclasses.fields(features.Record)}
        assert dataclasses.MISSING not in values.values()
        assert all(values[name] == getattr(original, name) for name in features._FINISHED_FIELDS)
        assert (values["start"], values["base"], values["merged_into"], values["id"]) == (0, (), None, "")


def test_a_slug_no_other_name_shares_is_its_id_with_no_more_normalising(monkeypatch):
    # (each name was normalised twice more to find the first of the names sharing its slug)
    asked = []
    real = features.normalise_name
    monkeypatch.setattr(features, "normalise_name", lambda name: asked.append(name) or real(name))
    monkeypatch.setattr(slugs, "normalise_name", features.normalise_name)  # (the ids' module normalises too)
    keys = {("road", "青山路"), ("road", "白石路"), ("park", "青山公园"), ("road", "文马路"), ("road", "文麻路")}
    ids = features._unique_slugs(keys, {})
    assert ids[("road", "青山路")] == "road-qing-shan-lu" and ids[("park", "青山公园")] == "park-qing-shan-gong-yuan"
    assert ids[("road", "文马路")] == "road-wen-ma-lu" and ids[("road", "文麻路")].startswith("road-wen-ma-lu-")
    assert len(asked) == len(keys) + 2 * 2  # one a key, and twice more for each of the two sharing a slug


def test_a_name_written_again_with_its_jurisdiction_cut_short_is_the_same_project():
    # 屏東縣里港鄉三廍村活動中心 … 屏縣里港鄉三廍村活動中心 (pingtung_ligang): one project, named in full
    from extract_cases import named_names

    text = "兴建的青县白石乡松林村活动中心今日启用。青山县白石乡松林村活动中心今日启用。"
    assert named_names(text) == ["青山县白石乡松林村活动中心"]
    # two counties' own centres stay two
    assert named_names("青山县松林村活动中心今日启用,白石县松林村活动中心今日启用。") == [
        "白石县松林村活动中心", "青山县松林村活动中心"]


def test_a_campus_named_by_its_side_alone_is_the_campus_the_text_named_in_full():
    # 梅岭小学北校区…“北校区建成以后 (real11), 大学城东部校区…城东校区已开工 (real3): the same campus again
    text = ("青山小学北校区明年投用。负责人表示,“北校区建成以后,两处校区将一并整合。”"
            "正在建设中的白石大学城东部校区已完工,城东校区已于2019年6月开工建设。")
    names = [f["properties"]["name"] for f in geo.extract.extract_projects(text) if f["properties"]["named"]]
    assert "青山小学北校区" in names and "白石大学城东部校区" in names
    assert "北校区" not in names and "城东校区" not in names


def test_a_campus_named_by_its_side_alone_stays_when_two_institutions_have_that_side():
    text = "青山小学东校区开工建设,白石中学东校区开工建设。东校区建成以后将投用。"
    names = [f["properties"]["name"] for f in geo.extract.extract_projects(text) if f["properties"]["named"]]
    assert {"青山小学东校区", "白石中学东校区"} <= set(names)


def test_an_institution_named_by_its_attachment_alone_is_the_one_written_before_it():
    # 昆明经济技术开发区第三小学及附属幼儿园 (real148 kunming_jingkai; chongqing_rongchang_kaigong writes
    # 玉带路小学及附属幼儿园 too): the kindergarten of that school, no school named 附属幼儿园
    text = "新建学校三所,分别为青山开发区第三小学及附属幼儿园、青山开发区第三小学白石分校及红枫艺术中学,计划2019年9月开学。"
    names = [f["properties"]["name"] for f in geo.extract.extract_projects(text) if f["properties"]["named"]]
    assert "附属幼儿园" not in names
    assert any(name.startswith("青山开发区第三小学") for name in names)


def test_a_building_written_after_a_school_and_its_works_verb_is_that_school_s_works():
    # 冀州区第二实验小学教育集团东校区新建宿舍楼、餐厅 (real5 hengshui_jizhou), 玉田中学改扩建教学综合楼
    # (real5 fuzhou_changle): the school's buildings, no projects of their own
    text = ("新建白石县红星学校项目,白石县第二实验小学教育集团东校区新建宿舍楼、餐厅及配套项目工程等多个教育民生项目稳步推进。"
            "其中,青山大树小学新建综合楼及附属工程项目、红枫中学改扩建教学综合楼等校舍及附属工程项目已竣工验收并投入使用。")
    names = [f["properties"]["name"] for f in geo.extract.extract_projects(text) if f["properties"]["named"]]
    assert {"白石县第二实验小学教育集团东校区", "红枫中学"} <= set(names)
    assert not {"宿舍楼", "餐厅", "教学综合楼"} & set(names)


def test_the_records_are_sorted_in_text_order_once_by_a_key_of_no_python_call(monkeypatch):
    # (a school's buildings were looked for in the named records sorted by their start again, and
    # both sorts called a lambda a record: on 1 MB, 25,000 calls on the serial end)
    import types

    text = ("青山大树小学新建综合楼及附属工程项目、红枫中学改扩建教学综合楼等校舍已竣工。"
            "白石县第二实验小学东校区新建宿舍楼、餐厅,改造青松路。")
    records = geo.extract._part_records(text, 0, len(text))
    keys = []
    monkeypatch.setattr(features, "sorted", lambda items, **k: keys.append(k.get("key")) or sorted(items, **k), raising=False)
    names = {f["properties"]["name"] for f in features.to_features(records) if f["properties"]["named"]}
    keyed = [key for key in keys if key is not None]  # (a slug's names are sorted by themselves)
    assert keyed.count(features._CHAR_START) == 1  # (and the catalog's order by category and id)
    assert not any(isinstance(key, types.FunctionType) for key in keyed)
    assert {"青山大树小学", "红枫中学", "白石县第二实验小学东校区", "青松路"} <= names and not {"宿舍楼", "餐厅", "教学综合楼"} & names


def test_a_name_ending_its_quote_s_last_word_keeps_the_closing_quote_and_its_span_covers_it():
    # 城区“两河十四沟”清水秀岸综治工程 (real5), 博冠城“文商旅综合体” (real6): the closing mark was left out
    text = "今年青山县“白石书屋”建成开放,白石乡“青松路”完成改造。"
    spans = {f["properties"]["name"]: (f["properties"]["char_start"], f["properties"]["char_end"])
             for f in geo.extract.extract_projects(text)}
    assert set(spans) == {"青山县“白石书屋”", "白石乡“青松路”"}
    assert all(text[start:end] == name for name, (start, end) in spans.items())


def test_a_name_written_many_times_is_normalised_and_cut_at_its_jurisdiction_once(monkeypatch):
    # (each named record's name was normalised and searched for a jurisdiction's suffix: a report
    # names a project many times, and the serial end of a long text looked at each mention)
    from geo.extract.model import Mention, Record

    asked = []
    real = features.normalise_name
    monkeypatch.setattr(features, "normalise_name", lambda name: asked.append(name) or real(name))
    features._jurisdiction_cut.cache_clear()

    def record(name):
        return Record(named=True, category="welfare", action=None, start=0, end=0, base=(0, 0),
                      mention=Mention(kind="facility"), name=name)

    full, short = record("青山县白石乡松林村活动中心"), record("青县白石乡松林村活动中心")
    records = [full, short, record("青县白石乡松林村活动中心"), record("青山县白石乡松林村活动中心")]
    found = features._short_jurisdictions(records)
    assert sorted(asked) == sorted({"青山县白石乡松林村活动中心", "青县白石乡松林村活动中心"})
    assert found == {id(records[1]): full, id(records[2]): full}


def test_equal_texts_of_records_are_packed_as_one_string():
    # (a 1 MB half sent 20.3k strings, 3.4k of them distinct: each name, base and quote its own object)
    text = "改造青山路,改造白石路。完成青山路建设,改造白石路。\n"
    records = geo.extract._part_records(text, 0, len(text))
    names = [r.name for r in records]
    assert names.count("青山路") == 2 and len({id(name) for name in names}) == len(names)  # equal, not one
    packed = features.pack_records(records)
    column = dict(zip(features._FINISHED_FIELDS, packed[0]))
    assert len({id(name) for name in column["name"]}) == len(set(names))
    assert column["name"][0] is column["base_name"][0] or column["name"][0] != column["base_name"][0]
    assert [r.name for r in features.unpack_records(packed)] == names


def test_mentions_listing_members_that_list_members_are_packed_with_them():
    # (mentions are numbered by C calls: the few listing members are read after, and their members' too)
    text = "新建青松小学、白石小学等5所学校,改造红枫路。\n"
    records = geo.extract._part_records(text, 0, len(text))
    inner = records[-1].mention
    outer = dataclasses.replace(records[0].mention)
    outer.members = [inner, outer]
    inner_copy = dataclasses.replace(inner, members=[outer])
    records[0].mention = outer
    extra = dataclasses.replace(records[0], mention=inner_copy)
    again = features.unpack_records(features.pack_records(records + [extra]))
    first, last = again[0].mention, again[-1].mention
    assert first.members[1] is first and first.members[0] is again[len(records) - 1].mention
    assert last.members == [first] and last is not again[len(records) - 1].mention


def test_a_mention_listing_no_members_is_unpacked_without_a_list_of_its_own():
    # (a ref and an empty list a mention, made in a Python loop, were 13 M instructions of the serial end on 1 MB)
    text = "新建青松小学、白石小学等5所学校,改造红枫路。\n"
    records = geo.extract._part_records(text, 0, len(text))
    again = features.unpack_records(features.pack_records(records))
    assert [r.mention.members for r in again if not r.named] == [[again[0].mention, again[1].mention]]
    assert all(r.mention.members == () for r in again if r.named)


def test_a_road_of_the_workers_part_named_with_a_jurisdiction_is_named_bare_as_in_one_process(monkeypatch):
    # (bare_roads.named_bare read the head of a mention the worker's records came back without: AttributeError)
    filler = "今年全区经济运行总体平稳,各项事业稳步发展。\n" * 60
    text = filler + "改造白石路。\n" + filler + "新建青山县白石路,改造白石路。\n" + filler
    monkeypatch.setattr(geo.extract, "PARALLEL_MIN_CHARS", 1000)
    assert geo.extract._line_cut(text) < text.index("青山县白石路")  # (the worker's part)
    forked = geo.extract.extract_projects(text)
    monkeypatch.setattr(geo.extract, "PARALLEL_MIN_CHARS", 0)
    assert forked == geo.extract.extract_projects(text)
    assert "白石路" in {f["properties"]["name"] for f in forked}


def test_features_come_in_the_catalog_order_with_no_call_a_feature(monkeypatch):
    # (project_sort_key, a Python call each, sorted 2,054 features of 1 MB: the records are sorted
    # by their category and id before the features are built)
    from geo.catalog import project_sort_key

    asked = []
    monkeypatch.setattr(features, "project_sort_key", lambda f: asked.append(f) or project_sort_key(f), raising=False)
    text = "改造白石路。新建青山小学。建设松林公园。改造青山路,新建白石小学。"
    found = geo.extract.extract_projects(text)
    assert len(found) >= 4 and asked == []
    assert found == sorted(found, key=project_sort_key)


def test_a_type_alone_is_looked_for_once_a_name_not_once_a_record(monkeypatch):
    # (10,900 named records of 1 MB, 1,500 names: each record's name was tested against the types)
    tested = []

    class Heads(frozenset):
        def __contains__(self, name):
            tested.append(name)
            return frozenset.__contains__(self, name)

    monkeypatch.setattr(features, "SINGLETON_FACILITY_HEADS", Heads(features.SINGLETON_FACILITY_HEADS))
    text = "新建青山区文化馆。文化馆加固修缮。文化馆外墙改造。改造白石路。改造白石路。改造白石路。"
    records = geo.extract._part_records(text, 0, len(text))
    named = [r for r in records if r.named]
    assert len(named) > len({r.name for r in named})
    found = geo.extract.features.to_features(records)
    assert tested.count("白石路") == 1 and tested.count("青山区文化馆") == 1  # (written three times, once)
    assert {f["properties"]["name"] for f in found if f["properties"]["named"]} == {"青山区文化馆", "白石路"}
