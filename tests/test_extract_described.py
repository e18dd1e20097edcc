"""geo.extract.described: places and facilities a sentence describes rather than builds (context rules)."""

from extract_cases import named_names


def test_items_of_a_list_closed_by_the_parts_of_one_project_are_no_places():
    # a class of facilities after 配套, 附属 or 相关 (part_of in modifiers.tsv) says the items listed
    # before it are parts of the project the sentence builds: no projects of their own
    assert named_names("青松公园占地70余亩,同时建有白石桥、莲花亭、阳光草坪等配套设施。") == ["青松公园"]
    assert named_names("全面提升青山小区配建幼儿园教学楼、室外活动场地及管网等附属设施。") == ["青山小区"]
    assert named_names("扩建青山渔港,增设停泊船位、白石挡浪墙、导航灯等相关渔港设施。") == ["青山渔港"]


def test_places_listed_before_a_class_of_projects_or_plain_facilities_stay_names():
    # 配套项目 is a class of projects, 便民设施 names no parts: the listed places stay
    assert named_names("青山公园、白石广场等配套项目陆续开工。") == ["白石广场", "青山公园"]
    assert "青松公园" in named_names("建设青松公园、白石广场等便民设施。")


def test_a_zone_given_an_honour_with_no_works_of_its_own_is_no_project():
    # an honour or a title right after an area's name (zone_honour in stop_words.tsv: 入选, 创建为,
    # 获评 ...) makes it the honour's holder; works of its own, a listing or an approval keep it a project
    assert named_names("青山新材料小镇入选国家级特色小镇。") == []
    assert named_names("白石生态度假区成功创建为国家aaa级旅游景区。") == []
    assert named_names("青松饲草基地入选国家现代农业科技示范基地。") == []
    assert named_names("青山新材料小鎮成功入選國家級特色小鎮。") == []  # Traditional script: the rows are read Simplified
    assert named_names("建设青山新材料小镇。") == ["青山新材料小镇"]
    assert named_names("白石产业园获批建设。") == ["白石产业园"]


def test_waters_listed_before_flood_duties_are_each_looked_at_once(monkeypatch):
    # the rest of a list of waters is crossed to reach 防汛工作 from each water of the list: the
    # positions crossed are decided once for the whole text (a list of thousands: linear, not quadratic)
    from geo.extract import described

    items = 2000
    norm = "做好" + "青山河、" * items + "白石河防汛工作。"
    looked = []
    scan = described._listed_water_ends

    def counted(text, at):
        looked.append(at)
        return scan(text, at)

    monkeypatch.setattr(described, "_listed_water_ends", counted)
    starts = [2 + 4 * item + 3 for item in range(items)]  # after each 青山河: 、 opens the rest of the list
    assert all(described._reaches_flood_duties(norm, at) for at in starts)
    assert not described._reaches_flood_duties(norm.replace("防汛", "建设"), starts[0])
    assert len(looked) <= 4 * (items + 1)  # (each position once per text, not once per water)
    # waters joined by 和 with no mark between: an item may end at any 河 (和白沙河, 和白沙河和白沙河):
    # each position is still decided once, not once per way of cutting the list (exponential)
    joined = "治理" + "白沙河和" * items + "红枫河防汛工作。"
    del looked[:]
    assert described._reaches_flood_duties(joined, 5)
    assert len(looked) <= len(joined)
    assert named_names("做好" + "青山河、" * 300 + "白石河防汛工作。") == []
    assert described._FLOOD_REACH[0] is None  # (the text is let go of once extracted)


def test_residents_needs_are_looked_for_up_to_the_mark_that_closes_the_clause(monkeypatch):
    # 解决青山小区居民入学问题: the needs words are looked for up to the clause's comma (the pattern
    # crosses no mark), not over the 120 characters after the place (a need in the next clause: none).
    from geo.extract import described

    spans = []
    real = described._RESIDENTS_NEED_WORDS

    class Recorded:
        def search(self, text, pos, endpos):
            spans.append((pos, endpos, text[endpos:endpos + 1]))
            return real.search(text, pos, endpos)

    monkeypatch.setattr(described, "_RESIDENTS_NEED_WORDS", Recorded())
    assert named_names("解决青山小区居民入学问题,改造白石路。") == ["白石路"]
    assert named_names("改造白石路,解决青山小区居民出行问题。") == ["白石路"]
    assert any(mark == "," for _, _, mark in spans)  # (the first clause's place: up to its comma)
    assert all(end - pos < 20 for pos, end, mark in spans if mark == ",")


def test_openers_of_contents_are_looked_for_from_the_clause_start(monkeypatch):
    # 青山文化园区包括体育馆、图书馆: an opener's list holds no mark, but the colon right after the opener
    # (建设内容为:体育馆): the look back for 包括 starts at the clause's comma, or the longest opener
    # before its colon, not 80 characters back; what it finds is the same
    from geo.extract import described

    spans = []
    real = described._CONTENTS_LITERAL_RE

    class Recorded:
        def search(self, text, pos, endpos):
            spans.append((pos, endpos, text[pos - 1:pos]))
            return real.search(text, pos, endpos)

    before = "改造白石镇青山路、白石路、绿水路、红星路、金河路、玉带路、长青路和东风路,"
    alone = [named_names(text) for text in ("青山文化园区包括体育馆、图书馆及档案馆。", "青山体育中心建设内容为:体育馆、游泳馆。")]
    monkeypatch.setattr(described, "_CONTENTS_LITERAL_RE", Recorded())
    assert named_names(before + "青山文化园区包括体育馆、图书馆及档案馆。") == sorted(set(named_names(before[:-1] + "。")) | set(alone[0]))
    assert named_names(before + "青山体育中心建设内容为:体育馆、游泳馆。") == sorted(set(named_names(before[:-1] + "。")) | set(alone[1]))
    assert spans and all(end - pos <= 20 for pos, end, mark in spans if pos > len(before) - 2)
    assert any(mark == "," for _, _, mark in spans)
