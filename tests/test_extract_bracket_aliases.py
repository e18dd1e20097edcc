"""A facility written once with another name or its grade in brackets beside its name alone
(geo.extract.bracket_aliases)."""

from extract_cases import named_names


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
