"""Villages and bodies of water listed alike kept or dropped together (geo.extract.peers)."""

from geo.extract import extract_projects
from geo.extract.peers import covered_sample, share_among_peers
from geo.extract.records import clause_records


def _names(text):
    return sorted((f["properties"]["name"], f["properties"]["category"]) for f in extract_projects(text))


def test_villages_listed_after_a_count_of_them_are_kept_together():
    text = "今年建设美丽乡村示范村2个,分别为青山镇白石村、红枫镇河湾心村。"
    names = _names(text)
    assert ("青山镇白石村", "village") in names
    assert ("红枫镇河湾心村", "village") in names


def test_villages_whose_roads_are_worn_are_kept_together():
    assert _names("此前,青山村、白石村部分水泥路因使用多年,出现裂缝。") == [("白石村", "village"), ("青山村", "village")]


def test_villages_a_works_covers_closed_by_their_count_are_a_sample():
    text = "道路改造工程涉及青山村、白石村等5个村。"
    assert covered_sample(text, text.index("青山村"), text.index("等"))
    text = "道路改造工程覆盖青山村、白石村共5个行政村。"
    assert covered_sample(text, text.index("青山村"), text.index("共"))


def test_villages_a_works_covers_without_a_count_or_counted_without_coverage_are_no_sample():
    text = "道路改造工程涉及青山村、白石村和红枫村。"
    assert not covered_sample(text, text.index("青山村"), text.index("和"))
    text = "完成青山村、白石村等5个村的改造。"
    assert not covered_sample(text, text.index("青山村"), text.index("等"))
    text = "道路改造工程涉及青山路,青山村、白石村等5个村另行改造。"
    assert not covered_sample(text, text.index("青山村"), text.index("等"))


def test_villages_listed_by_township_over_commas_are_kept_together():
    names = _names("在青山镇白石村,红枫镇黄土村、绿水村,白沙街道新桥村新建和改造农村公厕11座。")
    assert ("白沙街道新桥村", "village") in names
    assert ("红枫镇黄土村", "village") in names
    assert ("绿水村", "village") in names


def test_estates_listed_alike_are_kept_together():
    # 花园小区 alone reads as generic words to the record model; its list-mates vouch for it
    text = "老旧小区改造工程投入资金4351万元,对青山区内的松林西区小区、白石小区、花园小区的33栋楼1921户进行维修改造。"
    names = _names(text)
    assert ("花园小区", "area") in names
    assert ("白石小区", "area") in names


def _scored(text, scores):
    """The named records of a one-clause sentence, given ``scores`` in text order, then shared."""
    records = [r for r in clause_records(text, 0, len(text) - 1, 0, len(text)) if r.named]
    for record, score in zip(records, scores):
        record.confidence = score
    share_among_peers(text, records)
    return [(text[r.start:r.end], r.confidence) for r in records]


def test_rivers_listed_alike_share_the_best_score_of_their_list():
    assert _scored("启动白沙河、青石河和红枫河综合治理。", [0.9, 0.2, 0.5]) == [("白沙河", 0.9), ("青石河", 0.9), ("红枫河", 0.9)]
    assert _scored("完成青山水库、白石水库除险加固。", [0.3, 0.8]) == [("青山水库", 0.8), ("白石水库", 0.8)]


def test_great_rivers_of_one_character_before_their_head_are_no_peers():
    assert _scored("启动青江、白江岸线整治。", [0.9, 0.2]) == [("青江", 0.9), ("白江", 0.2)]


def test_a_water_with_another_name_in_brackets_is_a_peer_a_reach_is_none():
    # 野鸡城沟(含窑湾沟)、腊树沟水体综合整治 (hubei_yicheng): the bracket gives another name of the water
    # (ALIAS_RE), no reach of it, so the list's peers share their score; 浏阳河(雨花段) stays no peer
    assert _scored("推进青石沟(含白石沟)、红枫沟水体综合整治。", [0.2, 0.9]) == [("青石沟(含白石沟)", 0.9), ("红枫沟", 0.9)]
    assert _scored("推进青石河(白沙段)、红枫河综合整治。", [0.2, 0.9]) == [("青石河(白沙段)", 0.2), ("红枫河", 0.9)]
