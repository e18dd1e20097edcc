"""geo.extract.stems: where a stem starts before its head."""

from extract_cases import counted_groups, named_names


def test_a_count_before_a_description_holding_a_size_counts_the_type_after_it():
    # 3所占地50亩的中学 (the shape of real150 licheng's 5套日处理能力在20吨及以上的…处理站): the size
    # is part of the description between the count and 的, as 17个有特色的口袋公园 is
    assert counted_groups("白石县新建3所占地50亩的中学。") == [("school", 3)]
    assert counted_groups("青山区新建4个面积1.5万平方米的口袋公园。") == [("park", 4)]
    # a class of sizes after 、 stays no group (see test_extract_counts)
    assert counted_groups("新建14个、2万平方米以上的广场。") == []


def test_quote_marks_do_not_count_toward_the_length_of_a_stem():
    # “一事一议”财政奖补美丽乡村示范村3个 (real148 tieling): 14 characters with the marks, 12 without
    assert counted_groups("今年,青山县建设“一事一议”财政奖补美丽乡村示范村3个。") == [("village", 3)]
    # not for roads: a quoted programme before a road opens no name (real9 chongqing_banan)
    names = named_names("建设“九联”路网中石青路、丰山路等17个重要连接道及旅游公路约1公里。")
    assert "丰山路" in names and not any("九联" in name for name in names)


def test_two_sides_of_a_place_before_one_head_are_one_name():
    # 端州区东、西片区老旧小区 (real4 zhaoqing), as 五浦会D、E地块安置房 is: the stem took only 西片区 and
    # the record was dropped as a bare direction
    assert named_names("推进白石区南、北片区老旧小区改造。") == ["白石区南、北片区"]
    # (sides with no place before them name nothing)
    assert named_names("推进东、西片区建设。") == []
    # (two streets: 沿河东、西路 of real6 huangshan_yixian)
    assert "河东、西路" not in named_names("完成沿河东、西路改造。")


def test_xiangyang_opening_a_road_s_name_is_no_preposition():
    # 向阳大道: 向 opening a clause before 阳 is the name's (向阳, a common place word), not "towards"
    assert named_names("向阳大道中分带增设一柱双波护栏5.65公里。") == ["向阳大道"]
    assert named_names("加快向阳光产业转型。") == []


def test_a_join_opening_a_word_before_one_character_and_a_head_is_the_word_s():
    # 府谷县和谐小区 (real10 yulin_fugu), 三河市和平公园 (real8 langfang_sanhe): 和 before one
    # character and a head is the first character of 和谐/和平, no join leaving 谐小区 or 平公园
    assert named_names("实施青山区和谐小区改造。") == ["青山区和谐小区"]
    assert named_names("今年实施白石县和平公园提升工程。") == ["白石县和平公园"]
    # two characters after 和 can be a name of their own (青山路和平安路 stays two roads)
    assert named_names("改造白石小学和平安小学。") == ["平安小学", "白石小学"]
    # a name the tagger marks from 和 keeps it (三河市和平公园门口, real8 langfang_sanhe): 城中村和整村 still drops it
    assert named_names("清晨,青河县和平公园门口人来人往。") == ["和平公园"]


def test_a_naming_verb_of_two_characters_is_no_part_of_the_name_it_gives():
    # 把这座新桥叫做“为民桥” (real8 yichun_yimei): 叫做 names it, as 叫 and 名叫 do; no 做“为民桥
    assert named_names("把这座新桥叫做“白石桥”。") == ["白石桥"]


def test_a_works_verb_before_a_street_s_ending_alone_names_the_street_of_the_facility():
    # 新建街小学: 新建 then 街 before the head names the street (as 新建 alone before 街 does), no 街小学
    assert named_names("白石县新建街小学扩建工程开工。") == ["白石县新建街小学"]
    # a head of one character after the street's ending is no facility on it (新建路灯: lamps)
    assert named_names("新建路灯300盏。") == []


def test_a_stop_word_inside_a_county_or_city_name_cuts_no_name_opening_with_it():
    # 太原市第一外国语学校分校 (real147 taiyuan): 原 (former) is the city's last character before 市, no stop
    assert named_names("全力保障固原市第一外国语学校分校的建设。") == ["固原市第一外国语学校分校"]
    assert named_names("全力保障太原市白石外国语学校的建设。") == ["太原市白石外国语学校"]
    # 和县第二中学 (real150 hexian): the join 和 opens the county's name when the report writes 和县 elsewhere too
    assert named_names("白石路东侧,和县青山中学迁建工程施工。和县教育局督办。") == ["和县青山中学"]
    # a join inside a longer place goes on to its start (民和县 holds 和县, real148 haidong_minhe)
    assert named_names("海东市民和县白石广场建设。和县。") == ["海东市民和县白石广场"]
    # written once after a list (县城文化中心和县广播电视台, real5), 和 stays the join
    assert not any(name.startswith("和县") for name in named_names("建成白石县城文化中心和县青山广播电视台。"))
    # a verb opening a county's name or holding its first character is the verb (新建区委党校, 完成县城小学)
    assert named_names("新建区委党校新校区。") == ["区委党校新校区"]
    assert named_names("完成县城小学改造。") == ["县城小学"]


def test_an_extension_section_or_line_is_a_noun_not_the_verb_extend():
    # 水西路二期延伸线一级路 (real6 dalian_lvshunkou), 站前路延伸段立交 (real156 jiangxi_jiujiang_minsheng): 延伸
    # before 线/段 makes the noun of the road's extension, as 连接线 and 连接段 do; it cut 线一级路 and 段立交
    names = named_names("续建青山路二期延伸线一级路工程。")
    assert "线一级路" not in names and any(name.startswith("青山路二期延伸线") for name in names)
    assert "段立交" not in named_names("推进白石大道延伸段立交工程。")


def test_the_opposite_side_of_a_place_is_a_noun_not_the_preposition_dui():
    # 对面 (the side across) names the bank or plot opposite a place (the locator of followers.tsv);
    # the stop word 对 (to, towards) cut the name inside it, leaving 面岸线.
    assert named_names("完成白石大道对面岸线亮化改造。") == ["白石大道对面岸线"]
    # 对 before a place still opens no name, and 对面是 (across from it is) still opens a place of context
    assert named_names("加大对青山路的改造力度。") == ["青山路"]
    assert named_names("新建红岭小学,学校对面是白石公园。") == ["红岭小学"]
