"""geo.extract.counted_places: places counted before their type that no mention reads."""

from geo.extract import extract_projects
from extract_cases import comparisons_in, counted_groups
from geo.extract.counted_places import _KINDS


def test_places_counted_before_a_type_the_noun_goes_on_past_are_a_group():
    # the works are on a part of the places counted (their water, their streets, their walls)
    assert counted_groups("完成青山镇13个村饮水除氟") == [("village", 13)]
    assert counted_groups("完成平原地区108个村庄街道硬化") == [("village", 108)]


def test_places_counted_before_their_type_take_the_works_of_their_clause():
    assert counted_groups("以白石县8个县城路口为改造重点") == [("road_rebuild", 8)]
    assert counted_groups("启动9所老旧学校焕新行动") == [("school", 9)]


def test_places_counted_with_no_works_or_as_a_stock_are_no_group():
    assert counted_groups("白石县13个村饮水除氟") == []
    assert counted_groups("青山县现有学校56所") == []
    assert counted_groups("青龙河流经5个行政村") == []


def test_a_count_in_an_aside_after_a_name_is_what_the_place_holds_not_a_group():
    text = "青山小区(3栋楼)墙体保温改造正在设计中。"
    assert counted_groups(text) == []
    assert [f["properties"]["name"] for f in extract_projects(text) if f["properties"]["named"]] == ["青山小区(3栋楼)"]


def test_places_counted_after_dui_take_the_works_said_after_jinxing_past_a_list_or_a_part():
    assert counted_groups("对白石镇12条已绿化道路、青山公园进行提升改造") == [("road_rebuild", 12)]
    assert counted_groups("对青山镇的15座公厕硬件设施进行冬季采暖、保温、通风除臭系统等提升改造") == [("sanitation", 15)]


def test_places_counted_before_a_device_set_up_at_them_are_a_group():
    # a device (uncounted, value device) after the type is works on the places counted
    assert counted_groups("增设4处交叉口信号灯(青山大道和白石路、红枫大道和绿水路)。") == [("road_rebuild", 4)]
    assert 6 in [value for _, value in counted_groups("新建白石县6个路口信号灯;")]
    # a service of the places is still no works on them
    assert counted_groups("恢复青山县7栋楼物业服务") == []


def test_a_count_in_digits_right_before_a_village_type_as_its_own_unit_is_a_group():
    # 31村, 9屯: the type is its own unit (place_as_unit in units.tsv)
    assert counted_groups("完成青山、白石等31村扶贫开发整村推进项目建设;") == [("village", 31)]
    assert counted_groups("计划三年完成9屯饮水改造工程") == [("village", 9)]
    # with no works on them (covered, benefited) they are no group
    assert counted_groups("该工程覆盖17屯,受益农户1735户") == []


def test_places_counted_after_shishi_take_it_as_their_works():
    # 实施 (counted_place_verb) says works of places counted before their type, not of other counts
    assert counted_groups("实施白石县110村农村公益事业“一事一议”财政奖补") == [("village", 110)]
    assert counted_groups("实施青山县12个村庄人居环境整治") == [("village", 12)]


def test_the_counts_of_places_are_searched_for_by_their_first_character_with_the_same_matches():
    # The look-behind before a count's number (no digit, point, 第 or numeral before it) is tested after
    # the number's first character, so that the engine searches for that character instead of trying
    # the look-behind at every position; the matches are those of the look-behind first.
    import importlib
    import re
    from re import _parser

    from geo.lexicon import PLACE_AS_UNIT, THING_UNITS

    counted_places = importlib.import_module("geo.extract.counted_places")
    numerals = counted_places._NUMERALS
    before = {
        "_PLACE_COUNT": re.compile(rf"(?<![\d.第{numerals}])(?P<num>\d+|[{numerals}]{{1,3}})(?:余|多)?"
                                   rf"(?P<unit>{'|'.join(THING_UNITS)})"),
        "_BARE_COUNT": re.compile(rf"(?<![\d.第])(?P<num>\d+)(?P<unit>)(?={'|'.join(PLACE_AS_UNIT)})"),
    }
    text = "完成青山等31村、第3村、1.5个、十二个、两条、三十六座、12个15村白石村改造,百个村,5村。"
    for name, old in before.items():
        new = getattr(counted_places, name)
        number = _parser.parse(new.pattern)[0][1][-1]  # (the group of the number)
        assert _parser.parse(old.pattern)[0][0] is _parser.ASSERT_NOT
        assert _parser.parse(new.pattern)[0][0] is _parser.SUBPATTERN and _opens_with_a_class(number)
        for start in range(len(text)):
            for end in (len(text), start + 4):
                assert [(m.span(), m.groupdict()) for m in new.finditer(text, start, end)] == \
                    [(m.span(), m.groupdict()) for m in old.finditer(text, start, end)]


def _opens_with_a_class(pattern):
    """True when a parsed pattern (each of its alternatives) opens with a character class."""
    from re import _parser

    op, av = pattern[0]
    return all(_opens_with_a_class(alternative) for alternative in av[1]) if op is _parser.BRANCH else op is _parser.IN


def test_a_count_of_places_is_searched_for_by_its_first_character_a_digit_or_a_numeral():
    # Its two alternatives (digits, numerals) each opened with a class: the engine found no character
    # to search the clause for and tried the pattern at every position. One class opens it now, the
    # look-behind and the rest of the number after it: the same matches.
    import random
    import re
    import sys

    from geo.lexicon import THING_UNITS
    from test_extract_segment import _searched_for

    places = sys.modules["geo.extract.counted_places"]
    numerals = "一二两三四五六七八九十百"
    former = re.compile(rf"(?P<num>\d(?<![\d.第{numerals}]\d)\d*|[{numerals}](?<![\d.第{numerals}][{numerals}])[{numerals}]{{0,2}})"
                        rf"(?:余|多)?(?P<unit>{'|'.join(THING_UNITS)})")
    assert _searched_for(places._PLACE_COUNT) and not _searched_for(former)
    rng = random.Random(2)
    alphabet = list("0123456789.第" + numerals + "余多个条座所处村镇青山") + ["\u0663"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert [(m.span(), m.groupdict()) for m in places._PLACE_COUNT.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in former.finditer(text)], text


def test_a_head_is_told_a_place_by_one_hash_look_up_of_its_kind():
    # (asked of each head a count is followed by: 30k times in 1 MB)
    assert comparisons_in("skip", _KINDS) == (False, [])
    assert comparisons_in("generic", _KINDS) == (True, ["generic"])
