"""The catalog's flat layer form: lists of 街道 in one text cell that give back every name exactly."""

import pytest

from geo.catalog import flat_properties, join_list, split_list


@pytest.mark.parametrize("names", [
    ["北园街道"], ["北园街道", "A;B街道"], ["';alert(14);//"], ["C\\D街道", "E\\;F", "\\", ";", ""], ["a\\", "b"],
])
def test_names_holding_the_separator_or_backslashes_round_trip_exactly(names):
    assert split_list(join_list(names)) == names


def test_plain_names_stay_readable_in_the_flat_column():
    assert join_list(["无影山街道", "北园街道"]) == "无影山街道;北园街道"
    assert join_list([]) is None and split_list(None) == [] and split_list("") == []


def test_a_name_with_a_semicolon_is_one_name_beside_one_code():
    props = {"subdistricts": [{"code": "370105014", "name": "北园街道"}, {"code": "370105015", "name": "A;B街道"}]}
    flat = flat_properties(props)
    assert flat["subdistrict_names"] == "北园街道;A\\;B街道"
    assert len(split_list(flat["subdistrict_names"])) == len(split_list(flat["subdistrict_codes"])) == 2


def test_length_km_is_the_whole_line_not_its_part_in_the_subdistricts():
    # A road of 1.5 km, 0.5 km of it in a 街道: its layer and popup said 长度 Length 0.5 km.
    from pyproj import Geod
    from shapely.geometry import LineString, Point

    from geo.catalog import flat_properties

    road = LineString([(117.0, 36.7), (117.01, 36.7), (117.0168, 36.7)])
    props = {"id": "r", "name": "出境路", "category": "road_rebuild",
             "subdistricts": [{"code": "J03", "name": "丙街道", "share": 0.3333, "km": 0.5}]}
    expected = round(Geod(ellps="WGS84").geometry_length(road) / 1000.0, 3)
    assert flat_properties(props, road)["length_km"] == expected and expected > 1.5
    assert flat_properties(props, Point(117.0, 36.7))["length_km"] is None
    assert flat_properties(props)["length_km"] is None


def test_length_km_of_a_road_drawn_twice_over_a_stretch_counts_it_once():
    # A gazetteer's MultiLineString holding one road twice (features merged in QGIS): its layer and
    # popup said 长度 Length 4.613 km for a road of 2.306 km, its km per 街道 counting it once.
    from pyproj import Geod
    from shapely.geometry import LineString, MultiLineString

    once = LineString([(108.945, 34.22), (108.97, 34.221)])
    crossing = LineString([(117.0, 36.70), (117.01, 36.71), (117.01, 36.70), (117.0, 36.71)])  # over itself once
    expected = round(Geod(ellps="WGS84").geometry_length(once) / 1000.0, 3)
    assert flat_properties({}, MultiLineString([once, once]))["length_km"] == expected == 2.306
    assert flat_properties({}, LineString(list(once.coords) + [once.coords[0]]))["length_km"] == expected
    assert flat_properties({}, crossing)["length_km"] == round(Geod(ellps="WGS84").geometry_length(crossing) / 1000, 3)


def test_whole_numbers_of_real_columns_become_floats_and_other_values_stay():
    # GeoJSON readers type a column from its values: 15 in quantity_value would make it Integer
    from geo.catalog import as_real, real_typed

    props = real_typed({"quantity_value": 15, "length_km": 2.5, "char_start": 15, "named": True, "name": "白石路"})
    assert props == {"quantity_value": 15.0, "length_km": 2.5, "char_start": 15, "named": True, "name": "白石路"}
    assert isinstance(props["quantity_value"], float) and isinstance(props["char_start"], int)
    assert as_real(True) is True and as_real(None) is None
