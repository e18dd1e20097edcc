"""geo.extract.extents: where a mention ends (its count among others)."""

from extract_cases import comparisons_in, counted_groups
from geo.extract.extents import LINEAR


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


def test_a_flood_defence_written_after_a_river_is_named_with_it():
    # 牡丹江防洪工程, 喀什河生态防洪岸: the flood defence built along a river is one place, named by both
    # (jilin_dunhua, nileke); flood-control works (防洪治理, an action) stay out of the river's name
    from extract_cases import named_names

    assert "青丹江防洪工程" in named_names("白石公园和青丹江防洪工程启动建设。")
    assert "青河生态防洪岸" in named_names("重点实施青山公园、青河生态防洪岸、白石赛道建设。")
    names = named_names("实施白水江防洪治理。")
    assert "白水江" in names and "白水江防洪治理" not in names


def test_the_day_a_news_piece_gives_between_a_name_and_its_works_is_passed_over_like_a_time():
    # 屏東縣…三廍村活動中心今（5）日啟用 (pingtung_ligang), 江阴地铁S1今日通车, 今天竣工的是…: the day
    # (今日, 今天, 昨日, 今(5)日) stands where a year or a month may (将于年底前投用): the name ends before it
    from extract_cases import named_names

    assert named_names("青山图书馆今日开馆。") == ["青山图书馆"]
    assert named_names("白石县松林乡青石村活动中心今（5）日启用。") == ["白石县松林乡青石村活动中心"]
    assert named_names("白石路今日通车。") == ["白石路"]


def test_a_count_before_a_rating_counts_the_berths_after_it_not_the_port():
    # 莱州港2个10万吨级泊位: the count counts the berths its rating describes; the port stays named
    from extract_cases import named_names

    assert "白石港" in named_names("开工建设白石港2个10万吨级泊位。")
    assert "青山码头" in named_names("建设青山码头3个5000吨级泊位。")
    assert counted_groups("新建青山县幼儿园8所。") == [("school", 8)]


def test_a_reach_naming_no_place_after_a_river_is_cut_and_the_river_kept():
    # 惠济河重点河段治理 (kaifeng_qixian), 桃米溪上游河段 (nantou_guoxing): a reach that names no place
    # (重点河段, 上游河段) is no section of the river, its name ends before it; a named reach (青山段)
    # stays in the name, and so does 城区段 (the read golds keep 芦河城区段)
    from extract_cases import named_names

    names = named_names("启动青石河重点河段治理、白沙河二期治理。")
    assert "青石河" in names and "青石河重点河段" not in names
    names = named_names("对红枫河下游河段进行清淤。")
    assert "红枫河" in names and "红枫河下游河段" not in names
    assert "红枫河青山段" in named_names("实施红枫河青山段综合治理。")


def test_a_name_ends_before_a_corner_quote_as_before_a_double_quote():
    # 跳磴河「清水綠岸」治理提升 (chongqing_jiulongpo_dadukou): 「」 and 『』 are quote marks as “” are; the
    # river's name ends before the quoted programme, as in 跳磴河“清水绿岸”治理提升
    from extract_cases import named_names

    assert "青石河" in named_names("实施青石河「清水绿岸」治理提升。")
    assert "青石河" in named_names("实施青石河『清水绿岸』治理提升。")


def test_a_school_kind_in_brackets_is_no_other_name_of_the_school():
    # 上马街道育英路九年一贯制 (real3/qingdao_chengyang) is a school named by its kind; after a school's
    # name, (九年一贯制) is its kind, not another name (龙岩实验学校(九年一贯制), real148; 文钟片区寄宿制中学
    # (九年一贯制), real4): a head whose stem in the bracket is shorter than its names need makes no alias
    from extract_cases import named_names

    assert "青山街道白石路九年一贯制" in named_names("青山街道白石路九年一贯制等3所学校开工建设。")
    assert "青山实验学校" in named_names("开工建设青山实验学校(九年一贯制)。")
    assert "白石实验学校(青山中学)" in named_names("新建白石实验学校(青山中学)。")


def test_a_category_is_told_linear_by_one_hash_look_up():
    # (extents asks it of each mention it ends: 34k times in 1 MB)
    assert comparisons_in("school", LINEAR) == (False, []) and comparisons_in("water", LINEAR) == (True, ["water"])
