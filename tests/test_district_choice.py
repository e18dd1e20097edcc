"""Which district a run is about: whether a geocoded report fits the district it was built for."""

import pytest

from geo.boundaries import load_boundaries
from geo.district_choice import check_code, fit_warning
from geo.io import InputError


def _feature(name, geom=None, named=True):
    return {"properties": {"name": name, "named": named}, "geometry": geom}


def test_report_placed_in_its_district_fits():
    b = load_boundaries()
    inside = b.outline.geometry.iloc[0].representative_point()
    features = [_feature("泺口垃圾转运站", inside), _feature("学校", None, named=False)]
    assert fit_warning(features, b) is None


def test_nothing_found_anywhere_is_missing_data_not_another_district():
    b = load_boundaries()
    assert fit_warning([_feature("新图书馆"), _feature("学校10所", named=False)], b) is None


def test_projects_found_only_outside_the_district_are_reported_with_a_hint():
    b = load_boundaries()
    features = [_feature(name) for name in ("新图书馆", "新体育馆", "新医院")]
    for feature in features:
        feature["properties"]["geocode"] = {"status": "unlocated", "outside_m": 40_000}
    warning = fit_warning(features, b)
    assert warning.startswith("the report does not fit 天桥区: none of the 3 named projects was placed in 天桥区 "
                              "(3 found only outside it)")
    assert "--district-code CODE" in warning and "--districts FILE" in warning
    features[0]["properties"]["geocode"] = {"status": "unlocated"}  # two found outside are not enough
    assert fit_warning(features, b) is None


def test_names_of_places_elsewhere_point_to_their_county():
    b = load_boundaries()
    inside = b.outline.geometry.iloc[0].representative_point()
    features = [_feature("泺口垃圾转运站", inside), _feature("石牌街道文化中心"), _feature("猎德街道卫生院"),
                _feature("天河区第三小学"), _feature("城关镇卫生院"), _feature("老城区改造")]
    warning = fit_warning(features, b)
    assert "3 of the 4 project names that mention a place mention only places outside 天桥区" in warning
    assert "广东省广州市天河区 (440106): pass --district-code 440106" in warning
    assert "城关镇" not in warning  # held by many counties: says nothing about where


def test_a_few_foreign_names_among_many_own_names_fit():
    b = load_boundaries()
    inside = b.outline.geometry.iloc[0].representative_point()
    features = [_feature("泺口垃圾转运站", inside), _feature("石牌街道文化中心"), _feature("猎德街道卫生院"),
                _feature("桑梓店卫生院"), _feature("宝华学校"), _feature("北园大街改造")]
    assert fit_warning(features, b) is None


@pytest.mark.parametrize("typed, message", [
    # the city's own code (长沙市), and a digit typed wrong: the codes of the city it falls in
    ("430100", r"--district-code: no county-level division has code '430100'; 长沙市 has 430102 芙蓉区, "
               r"430103 天心区, 430104 岳麓区, .*430181 浏阳市"),
    ("430120", r"--district-code: no county-level division has code '430120'; 长沙市 has 430102 芙蓉区, "),
    # a 街道's 9-digit code, or its 12-digit 统计用区划代码: the district is its first six digits
    ("430102001", r"--district-code: '430102001' is the code of a 街道 \(文艺路街道\); its district is 430102 "
                  r"\(长沙市芙蓉区\)"),
    ("430102001000", r"--district-code: '430102001000' is the code of a 街道 \(文艺路街道\); its district is "
                     r"430102 \(长沙市芙蓉区\)"),
    ("990100", r"--district-code: no county-level division has code '990100' \(see geo/data/china_counties\.csv\)$"),
])
def test_a_code_of_no_county_names_the_counties_it_was_near(typed, message):
    # '430100' (the city's code) said only "no bundled outline for county-level code ... (see
    # geo/data/china_counties.csv)", a file a planner who installed geo never sees.
    with pytest.raises(InputError, match=message):
        check_code(typed)
