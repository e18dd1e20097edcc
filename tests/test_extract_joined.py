"""Names a conjunction joins, and peers of a list, put back after a filter (geo.extract.joined)."""

from geo.extract.joined import rejoined
from geo.extract.records import clause_records


def _rejoined(text, kept_names):
    """The names ``rejoined`` keeps of a one-clause sentence's named records when a filter kept ``kept_names``."""
    records = [r for r in clause_records(text, 0, len(text) - 1, 0, len(text)) if r.named]
    kept = [r for r in records if text[r.start:r.end] in kept_names]
    return [text[r.start:r.end] for r in rejoined(text, records, kept)]


def test_a_peer_listed_before_a_kept_one_is_kept_with_it():
    # 蟠龙镇韩家村、东升村 (baoji_jintai), 野鸡城沟(含窑湾沟)、腊树沟 (hubei_yicheng): the filter kept the
    # second of a list of peers; the first, listed alike, is put back as the one after a kept peer is
    assert _rejoined("推进青石沟、红枫沟综合整治。", {"红枫沟"}) == ["青石沟", "红枫沟"]
    assert _rejoined("推进青石沟、红枫沟综合整治。", {"青石沟"}) == ["青石沟", "红枫沟"]
    assert _rejoined("完成白石村、青山村、红枫村人居环境整治。", {"红枫村"}) == ["白石村", "青山村", "红枫村"]


def test_a_name_before_a_kept_one_that_is_no_peer_stays_dropped():
    assert _rejoined("推进青山公园、红枫沟综合整治。", {"红枫沟"}) == ["红枫沟"]
