"""The one name normaliser: extraction and gazetteer matching agree on Traditional, full-width and bracketed names."""

import opencc
import pytest

from geo import extract, gazetteer
from geo.data import REPORT_PATH
from geo.names import coded_road, normalise_name, rail_line, road_code, simplified_with_offsets, to_simplified


@pytest.mark.parametrize("written, matching", [
    ("北园大街（东段）", "北园大街东段"),
    ("北園大街(東段)", "北园大街东段"),
    ("濼口垃圾轉運站", "泺口垃圾转运站"),
    ("Ｇ１０４国道", "g104国道"),
    ("“四好农村路”", "四好农村路"),
    ("东湖大道—光谷二路连接线", "东湖大道光谷二路连接线"),
    ("環(huán)城東路", "环城东路"),  # pinyin a web page inserted after a character
    ("开发路(东段)", "开发路东段"),  # a bracket of Han characters is no pinyin
])
def test_matching_form_folds_script_width_brackets_dashes_and_inserted_pinyin(written, matching):
    assert normalise_name(written) == matching


def test_extraction_and_gazetteer_use_the_same_normaliser():
    assert extract.normalise_name is gazetteer.normalise_name is normalise_name


def test_simplified_text_keeps_one_character_per_character_and_maps_offsets_back():
    text = "㈠改造濼口垃圾轉運站，新建学校１０所。"
    norm, origin = simplified_with_offsets(text)
    assert norm.startswith("(一)改造泺口垃圾转运站")
    assert len(origin) == len(norm)
    start = norm.index("泺口")
    assert text[origin[start]:origin[start + 6] + 1] == "濼口垃圾轉運站"
    assert len(to_simplified("學府大道中段")) == len("學府大道中段")


def test_hong_kong_and_taiwan_variant_characters_convert_as_their_standard_forms():
    # 衞 (the Hong Kong form of 衛, and OpenCC's s2t output) is no key of OpenCC's t2s
    assert to_simplified("白石鎮衞生院、敍事、梳粧") == "白石镇卫生院、叙事、梳妆"
    assert to_simplified("秘書、台灣、峯") == "秘书、台湾、峰"


@pytest.mark.parametrize("extra", ["", "\U00020000"])  # a long text, with a character beyond the BMP or not
def test_a_long_text_converts_as_its_lines_do(extra):
    line = "新建北園大街（東段），擴建醫院與學校…乾隆公園、著名景區\n"
    text = line * 400 + extra
    assert to_simplified(text) == "".join(to_simplified(part) for part in text.splitlines(keepends=True))
    assert simplified_with_offsets(text)[0] == "".join(simplified_with_offsets(part)[0]
                                                       for part in text.splitlines(keepends=True))


def test_traditional_report_places_what_the_simplified_one_places():
    from geo.pipeline import BoundaryOptions, geocode_catalog, resolve_boundaries

    simplified = REPORT_PATH.read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(simplified)
    boundaries = resolve_boundaries(BoundaryOptions(), prefer_layers=False)
    # a reposted page inserts pinyin after some characters
    pinyin = traditional.replace("濼口", "濼(luò)口").replace("寶華", "寶(bǎo)華")
    placed = {}
    for label, text in (("simplified", simplified), ("traditional", traditional), ("pinyin", pinyin)):
        located, _ = geocode_catalog(extract.extract_projects(text), boundaries)
        placed[label] = {f["id"] for f in located if f["geometry"] is not None}
        names = {f["properties"]["name"] for f in located if f["geometry"] is not None}
        if label == "traditional":
            assert {"濼口垃圾轉運站", "寶華"} <= names  # written as in the report, placed by matching
        if label == "pinyin":
            assert {"濼(luò)口垃圾轉運站", "寶(bǎo)華"} <= names
    assert placed["traditional"] == placed["simplified"] == placed["pinyin"]


@pytest.mark.parametrize("written, code", [
    ("G105", "G105"), ("G105线", "G105"), ("国道G105线", "G105"), ("105国道", "G105"), ("国道105", "G105"),
    ("Ｇ１０５", "G105"), ("省道S102线", "S102"), ("县道254", "X254"), ("乡道Y008", "Y008"), ("G15W3", "G15W3"),
    ("G105济南段", None), ("105路", None), ("S105国道", None), ("104", None), ("G4京港澳高速", None)])
def test_road_code_reads_every_spelling_of_a_code_and_nothing_more(written, code):
    assert road_code(written) == code


@pytest.mark.parametrize("written, line", [
    ("地铁3号线", "地铁3号线"), ("轨道交通3号线", "地铁3号线"), ("济南地铁3号线", "地铁3号线"), ("3号线", "地铁3号线"),
    ("济南市轨道交通3号线", "地铁3号线"), ("温州市域铁路S2线", "地铁S2线"), ("济南轨道交通R2线", "地铁R2线"), ("城市轨道交通10号线", "地铁10号线"), ("济南轨道交通R2号线", "地铁R2线"),
    ("地铁3号线二期", None), ("地铁1号线王府庄站", None), ("3路", None), ("滨江3号线", None)])
def test_rail_line_reads_a_metro_line_with_or_without_its_city_and_nothing_more(written, line):
    assert rail_line(written) == line


@pytest.mark.parametrize("written, line", [
    ("地铁五号线", "地铁5号线"), ("轨道交通十号线", "地铁10号线"), ("成都地铁十八号线", "地铁18号线"),
    ("轨道交通二十一号线", "地铁21号线"), ("三号线", "地铁3号线"),
    ("地铁五号线二期", None), ("滨江三号线", None), ("地铁十十号线", None)])
def test_rail_line_reads_a_line_numbered_in_chinese_numerals(written, line):
    assert rail_line(written) == line


@pytest.mark.parametrize("name, parts", [
    ("地铁1号线王府庄站", ("地铁1号线", "王府庄站")),
    ("济南轨道交通1号线王府庄站", ("地铁1号线", "王府庄站")),
    ("1号线王府庄站", ("地铁1号线", "王府庄站")),
    ("地铁1号线", None),  # the line alone
    ("地铁1号线二期", None),  # a phase, no station
    ("地铁1号线站", None),  # no station's name
    ("王府庄站", None),  # no line
])
def test_a_station_named_after_its_line_splits_into_line_and_station(name, parts):
    from geo.names import line_station

    assert line_station(name) == parts


@pytest.mark.parametrize("written, parts", [
    ("G2京沪高速", ("G2", "京沪高速")), ("国道G104京福线", ("G104", "京福线")), ("S102济微路", ("S102", "济微路")),
    ("G104济南段", None), ("G105连接线", None), ("G220改线", None), ("G2", None), ("京沪高速", None)])
def test_coded_road_splits_a_code_and_a_road_name_and_nothing_else(written, parts):
    assert coded_road(written) == parts


@pytest.mark.parametrize("written, shown", [
    ("کتاب\u200cخانه ملی", "کتاب\u200cخانه ملی"),  # Persian: the non-joiner is the spelling (کتاب‌خانه, not کتابخانه)
    ("\u202bمسجد\u202c", "مسجد"), ("\u200fשוק\u200f", "שוק"),  # direction controls around right-to-left text
    ("北园\u200c街道", "北园街道"), ("北园\u200d街道", "北园街道"), ("Park\u200cRoad", "ParkRoad"),
    ("\u202e道街园北", "道街园北"), ("\u200c\u200d", "")])
def test_display_name_drops_invisible_characters_but_keeps_joiners_inside_words_of_joining_scripts(written, shown):
    # Every invisible character was dropped: a Persian or Urdu name lost the zero-width non-joiner
    # that is part of its spelling, and showed with its letters joined.
    from geo.names import display_name
    from geo.osm_tags import tag_names

    assert display_name(written) == shown
    assert tag_names({"name": written}) == ([shown] if shown else [])


@pytest.mark.parametrize("written, shown", [
    ("کتاب\u200e\u200cخانه", "کتاب\u200cخانه"), ("کتاب\u200c\u200bخانه", "کتاب\u200cخانه"),  # beside a mark dropped
    ("\u200dکتاب\u200c", "کتاب"), ("北园\u200d👍", "北园👍"), ("👍\u200c👍", "👍👍"),
    ("👨\u200d👩\u200d👧 家庭公园", "👨\u200d👩\u200d👧 家庭公园"),  # one family emoji, not a man, a woman and a girl
    ("🏳\ufe0f\u200d🌈 彩虹桥", "🏳\ufe0f\u200d🌈 彩虹桥"), ("👩🏽\u200d💻咖啡", "👩🏽\u200d💻咖啡")])
def test_display_name_keeps_joiners_beside_dropped_marks_and_inside_emoji_sequences(written, shown):
    # A non-joiner next to a direction mark or a zero-width space was dropped with it (the letters
    # around it joined), and the joiners of an emoji sequence in an OSM name were dropped: the
    # family emoji showed as three people.
    from geo.names import display_name
    from geo.osm_tags import tag_names

    assert display_name(written) == shown
    assert tag_names({"name": written}) == [shown]


def test_spaces_between_han_characters_are_left_out_and_others_kept():
    from geo.names import without_han_spaces

    assert without_han_spaces("青松\u3000街道") == "青松街道"
    assert without_han_spaces("白石 \u00a0街道") == "白石街道"
    assert without_han_spaces("Baishi Jiedao") == "Baishi Jiedao"
    assert without_han_spaces("白石 Jiedao 1") == "白石 Jiedao 1"
