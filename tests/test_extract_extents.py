"""geo.extract.extents: where a mention ends (its count among others)."""

from extract_cases import counted_groups


def test_a_count_after_a_type_before_a_device_counts_the_device_not_the_places():
    # 青山区196个小区|4507套路灯: the places are counted before their type, the lamps after it
    groups = counted_groups("对白石区196个小区4507套路灯进行智慧路灯建设。")
    assert 196 in [value for _, value in groups]
    assert 4507 not in [value for _, value in groups]
    # a count after a type with no device after it is still the type's
    assert counted_groups("新建青山县幼儿园8所。") == [("school", 8)]


def test_a_house_number_written_in_chinese_numerals_after_a_road_is_an_address():
    # 大石村昌榮巷十三號道路工程, 南勢巷一八六-十八號: a house number in Chinese numerals (and a
    # second number after a dash) after a road is an address, named by both, as 青山路88号 is
    from extract_cases import named_names

    assert "青山村白石巷十三號" in named_names("前往青山村白石巷十三號道路工程現地會勘。")
    assert "白石巷一八六-十八號" in named_names("縣長前往白石巷一八六-十八號、青山巷七十九-五十號等三處視察。")
