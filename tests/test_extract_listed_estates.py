"""Estates listed before a housing or renewal type kept over the record model (geo.extract.listed_estates)."""

from extract_cases import named_names


def test_an_estate_listed_before_a_counted_renewal_type_is_kept():
    text = "投入300万元建设登云花园、新亭角、德和丰茂3个老旧物业小区改造示范点。"
    assert "登云花园" in named_names(text)


def test_an_estate_before_a_renewal_type_of_its_own_is_kept():
    text = "白石工业总部、青溪雅苑老旧厂房再利用等多项目也将同期开展。"
    assert "青溪雅苑" in named_names(text)


def test_a_kind_of_estate_before_a_housing_type_is_no_name():
    assert "精品小区" not in named_names("推进精品小区、老旧小区改造。")
