"""A facility written once with another name or its grade in brackets beside its name alone
(geo.extract.bracket_aliases)."""

import geo.extract
from extract_cases import named_names
from geo.extract import bracket_aliases


def test_a_hospital_with_its_grade_in_brackets_is_the_hospital_named_alone():
    text = ("青山区人民医院(二级甲等医院)位于白石路。今年完成青山区人民医院综合楼建设,青山区人民医院新增床位200张。"
            "改造青山区人民医院门诊楼。")
    names = named_names(text)
    assert "青山区人民医院(二级甲等医院)" not in names


def test_a_school_with_another_name_in_brackets_is_the_school_named_alone():
    text = "白石路小学(青山市实验小学南校区)于9月投入使用。白石路小学建设项目总投资1.2亿元。"
    names = named_names(text)
    assert "白石路小学" in names and "白石路小学(青山市实验小学南校区)" not in names


def test_a_phase_in_brackets_is_a_project_of_its_own():
    names = named_names("建成城东水厂(一期)。城东水厂规模为日供水5万吨。")
    assert "城东水厂(一期)" in names


_REPEATED = ("白石路小学(青山市实验小学南校区)于9月投入使用。白石路小学建设项目总投资1.2亿元。"
             + "改造青松路。新建红岭公园。" * 6)


def _records(text):
    records = geo.extract._part_records(text, 0, len(text))
    return records, [r for r in records if r.named]


def test_a_record_with_no_bracket_in_its_name_is_not_asked_whether_it_is_aliased(monkeypatch):
    # (of 10.9k named records in 1 MB, 1.4k have a section: each record was asked)
    records, named = _records(_REPEATED)
    asked = []
    real = bracket_aliases._aliased
    monkeypatch.setattr(bracket_aliases, "_aliased", lambda record: asked.append(record.name) or real(record))
    found = bracket_aliases.bracket_aliases(records)
    assert len(named) > 10 and asked == ["白石路小学(青山市实验小学南校区)"]
    assert [r.name for r in named if id(r) in found] == ["白石路小学(青山市实验小学南校区)"]


def test_the_names_beside_an_alias_are_normalised_once_a_name_not_once_a_record(monkeypatch):
    records, named = _records(_REPEATED)
    asked = []
    real = bracket_aliases.normalise_name
    monkeypatch.setattr(bracket_aliases, "normalise_name", lambda name: asked.append(name) or real(name))
    found = bracket_aliases.bracket_aliases(records)
    assert {bare.name for bare in found.values()} == {"白石路小学"}
    assert asked.count("青松路") == 1 and asked.count("红岭公园") == 1
    assert sum(r.name == "青松路" for r in named) == 6
