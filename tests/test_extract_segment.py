"""Cleaning of the normalised text (what web pages insert), sentences and clauses."""

import re

import pytest

from geo.extract import segment
from geo.extract.segment import clauses, clean, sentences, wrapped_line_breaks


@pytest.mark.parametrize("text, cleaned", [
    ("改造環(huán)境和區(qū)", "改造環境和區"),                 # pinyin after a Han character
    ("见a(b)和 (qū)", "见a(b)和 (qū)"),                    # not right after a Han character: kept
    ("新建 4 所幼儿园，1 月 14 日", "新建4所幼儿园，1月14日"),  # spaces around numbers in Chinese
    ("Win 10 A 4", "Win 10 A 4"),                         # between Latin letters and numbers: kept
    ("沪 松 公 路、嘉 松公路", "沪松公路、嘉松公路"),       # a lone character set apart
    ("经六路 经八路", "经六路 经八路"),                     # two words: kept apart
    ("学位4000个 甘肃兰州实验中学", "学位4000个 甘肃兰州实验中学"),  # a unit after a number is no lone character
    ("开(竣)工，乡(镇)中心，油(硬)化，开(建)设", "开工，乡中心，油化，开(建)设"),
    ("乡(xiāng)(镇(zhèn))幼儿园", "乡幼儿园"),               # an alternative character once the pinyin is gone
    # the pinyin of a word after it, syllables run together (a tone mark tells it from a word)
    ("地铁2号线(hàoxiàn)白石公园(gōngyuán)站、上海(shanghai)", "地铁2号线白石公园站、上海(shanghai)"),
    ("g65包茂高速、s202和xg65号、.g3路", "G65包茂高速、S202和xg65号、.g3路"),
    # a border or province in brackets after a route's first end, before its range mark
    ("青山(甲乙界)至白石(乙县界)段、青松(宁夏)-红枫公路、青山(北段)路", "青山至白石(乙县界)段、青松-红枫公路、青山(北段)路"),
    # invisible characters a web page or an editor leaves: zero-width spaces and joiners, a soft
    # hyphen, a byte-order mark, bidirectional marks, embeddings, overrides and isolates
    ("泺口\u200b垃圾转运站\u00ad、北园\u200d大街\ufeff", "泺口垃圾转运站、北园大街"),
    ("\u202b历山北路\u202c、\u202e水屯北路、\u2066天桥\u2069公园\u200f", "历山北路、水屯北路、天桥公园"),
])
def test_cleaning_drops_what_web_pages_insert_and_keeps_offsets(text, cleaned):
    norm, origin = clean(text, range(len(text)))
    assert norm == cleaned
    assert len(origin) == len(norm)
    assert all(norm[i].upper() == text[origin[i]].upper() for i in range(len(norm)))


def test_sentences_and_clauses_split_on_their_marks():
    norm = "新建青松路,改造白石小学。完成红枫湖治理;建成A:B"
    assert [norm[a:b] for a, b in sentences(norm)] == ["新建青松路,改造白石小学", "完成红枫湖治理", "建成A:B"]
    start, end = next(iter(sentences(norm)))
    assert [norm[a:b] for a, b in clauses(norm, start, end)] == ["新建青松路", "改造白石小学"]


def _wrapped(paragraphs, width):
    """Paragraphs cut into lines of ``width`` characters, as text copied from a PDF reads."""
    return "\n".join(p[i:i + width] for p in paragraphs for i in range(0, len(p), width))


# Invented report paragraphs (no place of the labelled texts).
PARAGRAPHS = [
    "今年，我们将围绕城市更新和民生改善两条主线，集中力量办好一批群众关心的实事，新建青松路、"
    "白石大道和红枫湖公园，改造提升东岭小学、西岭中学和湖滨社区卫生服务中心，完成老旧小区改造"
    "二十个，建成口袋公园十二处，加快推进城北污水处理厂扩建工程和滨江绿道二期建设。",
    "交通方面，打通断头路八条，实施青山大道快速化改造，建成白石河大桥，完善公交站点和停车设施，"
    "让群众出行更加便捷。教育方面，新建幼儿园三所，改扩建中小学五所，新增学位四千五百个。",
]


def test_line_breaks_of_a_wrapped_paragraph_are_found_with_the_spaces_around_them():
    text = _wrapped(PARAGRAPHS, 30).replace("\n", " \n  ", 1)
    breaks = wrapped_line_breaks(text)
    joined = "".join(text[last:start] for last, start in zip([0] + [e for _, e in breaks], [s for s, _ in breaks] + [len(text)]))
    assert joined == "\n".join(PARAGRAPHS)  # every break inside a paragraph, none between two
    assert text[breaks[0][0]:breaks[0][1]] == " \n  "


@pytest.mark.parametrize("text", [
    "\n".join(PARAGRAPHS),                                            # a paragraph per line
    _wrapped(PARAGRAPHS, 8),                                          # lines too short to tell
    "\n\n".join(["市住建局连发两则道路工程开工消息", "市政人行道维修工将对", "青松路北侧", "（友谊巷--白石立交桥）",
                "人行道进行维修改造", "本次人行道改造", "总面积约7100平方米", "为了减少对广大市民正常通行的影响",
                "市政工程处延长有效施工时间", "早上班晚下班", "争取尽快完工", "目前青松路建行门口、",
                "白石大道西段已经开始施工", "预计下月底全部完工"]),              # a web article's phrase a line
    "\n".join(["青松路", "白石大道", "红枫湖公园", "东岭小学", "西岭中学扩建", "湖滨社区卫生服务中心",
               "城北污水处理厂扩建工程", "滨江绿道二期", "白石河大桥", "青山大道快速化改造"] * 2),  # a list a line each
    "\n".join(f"第{i}条新闻标题写在这里共有二十多个汉字的样子。" for i in range(12)),  # sentences of one width
    "\n".join(f"第{i}条新闻标题写在这里共有二十多个汉字的样子..." for i in range(12)),  # titles cut short
    "\n".join("新建道路" * (3 + i % 9) for i in range(20)),                # lines of any width
])
def test_text_whose_lines_are_not_wrapped_keeps_its_line_breaks(text):
    assert wrapped_line_breaks(text) == []


@pytest.mark.parametrize("width", [10, 12, 13, 15])
def test_lines_of_a_narrow_column_are_joined(width):
    # A two-column A4 page at 三号 or a newspaper column holds 10 to 16 characters a line.
    assert _joined(_wrapped(PARAGRAPHS, width)) == "\n".join(PARAGRAPHS)
    lines = _wrapped(PARAGRAPHS, width).split("\n")
    paged = "\n".join(lines[:5] + ["", "— 3 —", ""] + lines[5:])
    assert _joined(paged) == "\n".join(PARAGRAPHS)


def test_a_wrapped_line_goes_on_only_into_a_line_that_can_go_on():
    lines = _wrapped(PARAGRAPHS, 30).split("\n")
    for follower in ("", "二、交通建设", "（三）教育", "3.新建学校", "● 新建学校", "Page 279 - 区志"):
        text = "\n".join(lines[:3] + [follower] + lines[3:])
        breaks = wrapped_line_breaks(text)
        assert len(breaks) >= 5  # the other lines are still joined
        assert not any(s == len("\n".join(lines[:3])) for s, _ in breaks), follower


def test_cleaning_drops_the_wrapped_line_breaks_it_is_given():
    text = "新建青松\n  路和白石小学"
    norm, origin = clean(text, range(len(text)), [(4, 7)])
    assert norm == "新建青松路和白石小学"
    assert [text[i] for i in origin] == list(norm)


def test_a_page_number_between_two_wrapped_lines_goes_with_the_break():
    lines = _wrapped(PARAGRAPHS, 30).split("\n")
    text = "\n".join(lines[:2] + ["", "— 3 —", "", "  " + lines[2]] + lines[3:])
    breaks = wrapped_line_breaks(text)
    second = len("\n".join(lines[:2]))
    assert (second, text.index(lines[2])) in breaks
    norm, _ = clean(text, range(len(text)), breaks)
    assert norm.split("\n") == PARAGRAPHS


def test_a_line_ending_with_a_count_before_a_new_subject_ends_an_item_not_a_wrap():
    lines = _wrapped(PARAGRAPHS, 30).split("\n")
    items = lines[:4] + ["交付保障性住房二千七百套，改造老旧小区四十个，改造老旧小区437个",
                         "黄河湾步行街入选国家级旅游休闲街区，城区新增绿地面积一百二十公顷"] + lines[4:]
    text = "\n".join(items)
    breaks = wrapped_line_breaks(text)
    assert len(breaks) >= 5
    assert not any(text[s - 4:s] == "437个" for s, _ in breaks)
    # A count cut from its unit, or followed by a mark, goes on: 4500 / 个，
    wrapped = "\n".join(lines[:4] + ["教育方面，新建幼儿园三所，改扩建中小学五所，新增学位4500",
                                     "个，让孩子们在家门口上好学，办好人民满意的教育事业。"] + lines[4:])
    assert any(wrapped[s - 4:s] == "4500" for s, _ in wrapped_line_breaks(wrapped))


def _joined(text):
    """``text`` with its wrapped line breaks dropped."""
    breaks = wrapped_line_breaks(text)
    return "".join(text[a:b] for a, b in zip([0] + [e for _, e in breaks], [s for s, _ in breaks] + [len(text)]))


def test_double_spaced_text_of_a_pdf_reader_is_joined_over_its_blank_lines():
    # pdfminer writes a blank line after every line of widely spaced text.
    text = _wrapped(PARAGRAPHS, 30).replace("\n", "\n\n")
    assert _joined(text) == "\n\n".join(PARAGRAPHS)


def test_a_page_break_with_a_form_feed_and_a_running_head_goes_with_the_break():
    lines = _wrapped(PARAGRAPHS, 30).split("\n")
    head = "某区人民政府工作报告"
    text = "\n".join([head] + lines[:2] + ["", "- 1 -", "\f" + head, ""] + lines[2:5] + ["- 2 -", "\f" + head] + lines[5:])
    assert _joined(text).split("\n") == [head] + PARAGRAPHS[:1] + ["- 2 -", "\f" + head] + PARAGRAPHS[1:]


def test_a_paragraphs_indented_first_line_still_wraps():
    # GB/T 9704 indents a paragraph's first line by two characters: it is that much narrower.
    paragraph = ("完成城北片区老旧小区改造，新建口袋公园十二处，打通断头路八条，建成白石河大桥和青山"
                 "大道快速路，改造提升东岭小学、西岭中学，加快推进城北污水处理厂扩建工程。")
    lines = ["\u3000\u3000" + paragraph[:26]] + [paragraph[i:i + 30] for i in range(26, len(paragraph), 30)]
    text = "\n".join(_wrapped(PARAGRAPHS, 30).split("\n") + lines)
    assert _joined(text).split("\n")[-1] == "\u3000\u3000" + paragraph


def test_spaces_a_pdf_reader_puts_beside_numbers_take_no_width():
    line = "交通方面，打通约 30 公里断头路，实施青山大道快速化改造，建成白石"  # 30 characters but for the spaces
    text = "\n".join(_wrapped(PARAGRAPHS, 30).split("\n") + [line, "河大桥，完善公交站点和停车设施。"])
    assert _joined(text).split("\n")[-1] == line + "河大桥，完善公交站点和停车设施。"


@pytest.mark.parametrize("rows", [
    ["花园小区    景湖家园    九郡家园    青松小区    白石小区", "黄金小区    黄金嘉苑    金沙华府    白石家园    龙宇新城"] * 4,
    ["城北街道青松社区老年人日间照料中心和文化活动室建设项目 |", "280 |",
     "城南街道白石社区老年人日间照料中心和文化活动室建设项目 |", "260 |"] * 3,
])
def test_rows_of_a_table_are_not_wrapped_lines(rows):
    text = "\n".join(rows + _wrapped(PARAGRAPHS, 30).split("\n"))
    assert _joined(text).split("\n")[:len(rows)] == rows


def test_a_byline_under_a_headline_of_the_wrap_width_is_not_joined_to_it():
    lines = _wrapped(PARAGRAPHS, 30).split("\n")
    headline = "青山区：今年将办好二十五件民生实事，全力为百姓幸福生活托底"
    text = "\n".join([headline, "来源：青山日报  2024-02-28 09:26"] + lines)
    assert _joined(text).split("\n")[:2] == [headline, "来源：青山日报  2024-02-28 09:26"]


def test_a_sentences_last_words_at_two_page_ends_are_text_not_a_running_head():
    lines = ["今年，我们将围绕城市更新和民生改善两条", "主线，集中力量办好一批群众关心的实事，", "新建青松路、白石大道和红枫湖公园，改造",
             "提升东岭小学、西岭中学和湖滨社区卫生服", "务中心，完成老旧小区改造二十个，建成口", "袋公园十二处，加快推进城北污水处理厂扩",
             "建设。", "交通方面，打通断头路八条，实施青山大道", "快速化改造，建成白石河大桥，完善公交站",
             "点和停车设施，推进白石河综合治理工程的", "建设。", "\f教育方面，新建幼儿园三所，改扩建中小学",
             "五所，新增学位四千五百个，建设北湖公园", "感。"]
    joined = _joined("\n".join(lines) + "\n").split("\n")
    assert "点和停车设施，推进白石河综合治理工程的建设。" in "".join(joined)
    assert any(line.startswith("\f教育方面") for line in joined)  # the page's first sentence stands apart


def test_a_long_line_of_spaces_is_no_page_number_and_a_padded_full_stop_ends_a_line():
    assert not segment._is_page_number(" " * 40_000 + "x") and segment._is_page_number("  - 3 -  ")
    lines = _wrapped(PARAGRAPHS, 30).split("\n")
    padded = lines[1][:29] + "。" + " " * 60  # a line of the wrap width that ends a sentence, then spaces
    text = "\n".join(lines[:1] + [padded] + lines[2:])
    assert not any(s == len(lines[0]) + 1 + len(padded.rstrip()) for s, _ in wrapped_line_breaks(text))


def test_a_number_alone_on_a_line_is_a_page_number_only_beside_a_page_break():
    lines = _wrapped(PARAGRAPHS, 30).split("\n")
    cell = "\n".join(lines[:2] + ["280"] + lines[2:])  # a table's number cell: kept, not joined
    assert "280" in _joined(cell).split("\n")
    page = "\n".join(lines[:2] + ["", "3", ""] + lines[2:])  # a page's number between blank lines: dropped
    assert _joined(page).split("\n")[0] == PARAGRAPHS[0]


def test_names_copied_with_invisible_characters_are_found_and_matched_as_without_them():
    # A report pasted from a web page: a right-to-left override before 水屯北路 kept it from being
    # found at all (and 历山北路 in an embedding), and 北园大街 after one matched no gazetteer entry.
    from geo.extract import extract_projects
    from geo.names import normalise_name

    text = "今年新建泺口\u200b垃圾转运站，改造\u202e北园大街、\u202b历山北路\u202c和水屯\u2060北路。"
    features = extract_projects(text)
    found = {normalise_name(f["properties"]["name"]): f["properties"] for f in features}
    assert {"泺口垃圾转运站", "北园大街", "历山北路", "水屯北路"} <= set(found), sorted(found)
    for key in ("泺口垃圾转运站", "北园大街", "历山北路", "水屯北路"):
        props = found[key]
        assert props["name"] == key  # no invisible character left in the name shown and written
        assert normalise_name(text[props["char_start"]:props["char_end"]]) == key  # offsets in the text read
    assert normalise_name("\u202e北园\u200b大街\u200f") == normalise_name("北园大街")


def test_emoji_and_bullet_symbols_part_clauses_as_commas_do():
    # Posts of official accounts set clauses apart with emoji and bullets: 北园路 took the 改造 of the
    # clause after an emoji, 堤口路 its 建设, and two roads after ⭐ were not found at all. A ○ (a
    # zero in 二○二四年) and a □ (a character left out) are no bullet; offsets stay the text's.
    text = "🔥新建北园路👉改造堤口路✅️建设泺口小学▶提升二环路⭐️新建纬北路，二○二四年"
    norm, origin = clean(text, range(len(text)))
    assert norm == "🔥新建北园路,改造堤口路,建设泺口小学,提升二环路,新建纬北路，二○二四年"
    assert [text[i] for i in origin] == [c if c != "," else text[i] for c, i in zip(norm, origin)]
    # a run with spaces round it is one comma; beside a punctuation mark or at a line's end, none;
    # a line's bullet (▲ before a photo's caption) is kept
    assert clean("改造堤口路 👉 ✅ 建设泺口小学，🔥新建纬北路✅\n▲纬北路", range(27))[0] == "改造堤口路,建设泺口小学，新建纬北路\n▲纬北路"

    from geo.extract import extract_projects

    found = {f["properties"]["name"]: f["properties"] for f in extract_projects(text + "。")}
    assert {name: found[name]["action"] for name in ("北园路", "堤口路", "泺口小学", "二环路", "纬北路")
            if name in found} == {"北园路": "新建", "堤口路": "改造", "泺口小学": "建设", "二环路": "提升",
                                   "纬北路": "新建"}
    assert all(text[p["char_start"]:p["char_end"]] == name for name, p in found.items() if p.get("named"))


def test_a_posts_item_numbers_run_into_one_line_open_no_name():
    # 办了多年来想办的事情 01 A工业园加快建设 (a post's items 01, 02 flattened into one line) named
    # 事情01A工业园 and 01A工业园: a two-digit number opening with 0 between spaces is an item's number
    from geo.extract import extract_projects

    text = "办了多年来想办的事情 01 长青工业园加快建设，白石小区改造完成。 02 东湖医院主体封顶。今年新建幼儿园 05 所。"
    names = sorted(f["properties"]["name"] for f in extract_projects(text) if f["properties"]["named"])
    assert names == ["东湖医院", "白石小区", "长青工业园"]
    assert [f["properties"]["quantity"]["value"] for f in extract_projects(text) if not f["properties"]["named"]] == [5]



def test_a_route_whose_first_end_is_qualified_in_brackets_is_one_road():
    # 省道205线云雾山(川陕界)至羊木(利州界)段 and S221泾源(宁夏)-石槽沟(甘陕界)二级公路 named nothing:
    # a border or province in brackets after the first end parted the route before its range mark
    from geo.extract import extract_projects

    text = ("加快省道205线青山(甲乙界)至白石(乙县界)段建设。"
            "争取开工建设省道S221青松(宁夏)-红枫(甲乙界)二级公路白石段。")
    names = sorted(f["properties"]["name"] for f in extract_projects(text) if f["properties"]["named"])
    assert names == ["省道205线青山(甲乙界)至白石(乙县界)段", "省道S221青松(宁夏)-红枫(甲乙界)二级公路白石段"]


def test_a_flattened_tables_row_numbers_glued_to_its_rows_open_no_name():
    # A progress table copied without its cells' spaces: each row opens with its number, glued
    # to the project's name. Consecutive numbers opening lines are rows; a count (3所), a road
    # code (320国道) or a numbered school (85中) opening a line stays what it is.
    from geo.extract import extract_projects

    text = ("市建设局\n"
            "11青松公园三期改造人工岛、游步道改造已开工2024年1月2024年12月市建设局\n"
            "12白石路改造按40米宽城市道路标准改造已开工2024年2024年新城区管委会\n"
            "13红枫广场绿化\n及设施改造\n")
    names = {f["properties"]["name"] for f in extract_projects(text)}
    assert {"青松公园三期", "白石路"} <= names
    assert not any(name[0].isdigit() for name in names)
    assert {f["properties"]["name"] for f in extract_projects("3所学校新建\n4所幼儿园改造\n320国道改造\n321国道改造\n85中扩建\n86中扩建")} \
        >= {"320国道", "321国道", "85中", "86中"}
    assert clean("7湖滨路\n", range(8))[0] == "7湖滨路\n"  # one number alone: no row of a table


def _searched_for(pattern):
    """True when the regex engine searches a text for the pattern's first character (a literal or a
    class), instead of trying the whole pattern at every position."""
    import re._compiler
    import re._parser

    parsed = re._parser.parse(pattern.pattern, pattern.flags)
    return bool(re._compiler._get_literal_prefix(parsed, pattern.flags)[0]
                or re._compiler._get_charset_prefix(parsed, pattern.flags))


@pytest.mark.parametrize("name, former", [
    ("_ITEM_NUMBER", (r"(?:^|(?<=[\n。;:,、)]))[ \t\u3000]*\d{1,3}(?= +[\u4e00-\u9fff])", re.M)),
    ("_BRACKETED_CLASS", (r"(?<=[小中大])\((?:[一二12]|I|II)\)(?=型)", 0)),
])
def test_a_pattern_run_over_the_whole_text_opens_with_a_character_searched_for(name, former):
    # An item's number after a line start or a mark, a reservoir's class in brackets: written with the
    # look-behind first, each was tried at every position of the text; the first character consumed,
    # what stands before it is tested after it, and the matches are the same.
    import random

    pattern, former = getattr(segment, name), re.compile(*former)
    assert _searched_for(pattern) and not _searched_for(former)
    rng = random.Random(5)
    alphabet = list(" \t\u3000\n。;:,、)(0123456789一二小中大I型青山路") + ["\u0663"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in former.finditer(text)], text


def test_a_row_number_glued_to_its_line_is_matched_at_line_starts_only_as_a_search_finds_it():
    # (^ with re.M: the pattern was tried at every position of the text, and failed at all but line starts)
    import random

    rng = random.Random(9)
    alphabet = list(" \t\u3000\n\n0123456789青山路所")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert [m.span(1) for m in segment._line_start_matches(segment._GLUED_ROW_NUMBER, text)] == \
            [m.span(1) for m in segment._GLUED_ROW_NUMBER.finditer(text)], text
    assert segment._glued_row_numbers("57青山路改造\n58白石路改造\n3所学校") == [(0, 2), (8, 10)]


def test_item_numbers_tried_where_one_may_open_are_the_matches_of_a_whole_search():
    # (_item_numbers tries the pattern at the text's start and after a line's or a clause's opener, not at
    # every space and digit: the same matches, at the same places, for texts of every edge)
    import random

    rng = random.Random(48)
    alphabet = list(" \t\u3000\n。;:,、)(0123456789一青山路a.") + ["\u0663", "３", "²", "\u4dff", "\u9fff", "𠀀"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert [m.span() for m in segment._item_numbers(text)] == \
            [m.span() for m in segment._ITEM_NUMBER.finditer(text)], text
    assert [m.span() for m in segment._item_numbers("1 青山路\n2 白石路,\u0663 青松路;3所学校")] == [(0, 1), (6, 7), (12, 13)]
