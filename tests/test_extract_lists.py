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
