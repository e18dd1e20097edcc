"""geo.extract.lists: lists under a type, their members and what the members are."""

from geo.extract import extract_projects


def _named(text):
    return sorted(f["properties"]["name"] for f in extract_projects(text) if f["properties"]["named"])


def test_rivers_a_sentence_without_works_lists_under_their_type_are_context():
    # 青山素有水乡之称,白河、清水江、柳溪三条河流流经境内: the rivers describe the county, no works
    # name them (nor 评估, an assessment); the same list with its works is three projects.
    assert _named("青山县素有水乡之称,白河、清水江、柳溪河三条河流流经境内。") == []
    assert _named("有序开展白石渠、清安河、柳溪河等9条幸福河湖评估。") == []
    assert _named("实施白河、清水江、柳溪河等5条河道综合整治。") == ["柳溪河", "清水江", "白河"]


def test_places_of_other_kinds_listed_without_works_stay():
    # 保交楼 says no works, but an estate named for its bay (当代上品湾) is listed under 楼盘, no river
    assert "青山上品湾" in _named("青山上品湾、白石雅苑等5个楼盘“保交楼”4925套。")


def test_a_follower_after_a_list_item_is_looked_up_by_its_last_character_not_word_by_word(monkeypatch):
    # 县道青山线全线、白石路人行道等农村公路: the item before a follower (全线, 人行道) is the mention ending
    # before it, the longest follower first; the followers ending at a place are found by its last
    # character, not by trying each of the list's words there.
    from geo.extract import lists

    words = lists._ITEM_FOLLOWERS
    norm = "新建县道青山线全线、白石路人行道、红枫大道慢行系统等农村公路。"

    def scanned(pos, by_end):  # what each word tried in turn found
        for word in words:
            if norm.endswith(word, 0, pos) and by_end.get(pos - len(word)) is not None:
                return by_end[pos - len(word)]
        return None

    class Unread(tuple):
        def __iter__(self):
            raise AssertionError("the followers were tried one by one")

    monkeypatch.setattr(lists, "_ITEM_FOLLOWERS", Unread(words))
    by_end = {end: f"mention ending at {end}" for end in range(len(norm))}
    for ends in (by_end, {7: "县道青山线"}, {}):
        assert [lists._item_before_follower(norm, pos, ends) for pos in range(len(norm) + 1)] == \
            [scanned(pos, ends) for pos in range(len(norm) + 1)]
    assert lists._item_before_follower(norm, 9, {7: "县道青山线"}) == "县道青山线"


def test_places_a_list_holds_roads_in_are_no_roads():
    # 等2村道路 counts the villages whose roads are improved, 等农地重划区内…农路 the zones the farm
    # roads lie in: the places listed are none of the roads (a count of roads after 等 keeps its
    # villages as the roads' names, and 等村道 closes a list of village roads).
    assert _named("青山鄉白石村及紅嶺村等2村道路改善工程") == []
    assert _named("這次工程規劃改善青山鎮白石、南嶺及紅厝等農地重劃區內共十六條農路，總經費約三千萬元。") == []
    assert _named("十里坪镇青山村、白石镇红岭村、试马镇百鸡村等8条乡村道路均已完工。") == [
        "十里坪镇青山村", "白石镇红岭村", "试马镇百鸡村"]
    assert _named("改造青山线、白石线等村道。") == ["白石线", "青山线"]
    # the townships or hamlets counted after 等 hold the roads as the villages do
    assert _named("完成青山乡、白石镇等3个乡镇道路改造。") == []
    assert _named("改造青山組、白石組等8個自然村道路。") == []
    # zones (片区) listed before the roads built in them stay zones
    features = extract_projects("推进青山片区、白石片区等3个片区道路建设。")
    assert sorted(f["properties"]["category"] for f in features if f["properties"]["named"]) == ["area", "area"]


def test_kinds_listed_before_a_type_of_defects_fuels_or_readings_are_no_places():
    # 坑洼、裂缝等路面病害: the items are the defects of a kind of place (a defect word after the
    # type's head); 甲醇、LPG等充装站 the fuels a station fills, 臭氧、PM10等监测站 what a station
    # reads (a word of the type's stem): none is a place, whatever the sentence's works.
    assert _named("青山路排水改造将消除以往坑洼、裂缝、沉陷等道路病害。") == ["青山路"]
    assert _named("推进甲醇、LPG、换电柜等新能源充装站点建设。") == []
    assert _named("新建臭氧、PM10等大气监测站。") == []
    # roads listed before the hazards of roads are the roads themselves; stations named by their
    # places before an unqualified type stay
    assert _named("整治白石路、青松路等道路隐患。") == ["白石路", "青松路"]
    assert _named("建成白石、红枫等加油站。") == ["白石", "红枫"]
