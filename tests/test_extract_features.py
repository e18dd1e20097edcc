"""Records to catalog features (geo.extract.features): the worker's records as the parent unpacks them."""

import dataclasses

import geo.extract
from geo.extract import features


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
