"""geo.extract.village_roads: roads named by the village they serve (白石村水泥路, 白石自然村硬化路)."""

from geo.extract import extract_projects
from geo.extract.mentions import clause_mentions
from geo.extract.records import clause_records


def _named(text):
    return {(f["properties"]["name"], f["properties"]["category"].startswith("road"))
            for f in extract_projects(text) if f["properties"]["named"]}


def _records(text):
    return [(r.named, r.category, text[r.start:r.end]) for r in clause_records(text, 0, len(text), 0, len(text))]


def test_a_generic_road_head_after_a_named_village_is_the_village_s_road():
    # 青山镇白石村通村路: the generic road head after the village names its road (before: the village alone)
    assert _named("修建青山镇白石村通村路。") == {("青山镇白石村通村路", True)}


def test_a_village_s_road_with_generic_words_between_is_the_village_s_road():
    # 红水村进村主干道: 进村 is generic; the record is the village's road, not the village 红水村进村
    assert _records("我局对红水村进村主干道进行了路面加宽") == [(True, "road_rebuild", "红水村进村主干道")]


def test_a_hardened_road_after_a_village_takes_the_village_as_its_stem():
    # 白石自然村|硬化路: 硬化 ended the village's noun phrase; the road takes the village's stem
    mentions = clause_mentions("修建白石自然村硬化路", 0, 10)
    assert [("修建白石自然村硬化路"[m.stem_start:m.end], m.head) for m in mentions] == [("白石自然村硬化路", "硬化路")]


def test_a_proposal_s_village_road_under_its_township_is_kept_over_the_tagger():
    # 关于修建A镇B村委C自然村硬化路的建议: the road a proposal asks for, written under its township
    names = _named("您们提出的《关于修建青山镇红水村委白石自然村硬化路的建议》收悉,现答复如下:")
    assert ("青山镇红水村委白石自然村硬化路", True) in names


def test_a_generic_road_head_after_a_type_of_village_is_no_name():
    # 农村水泥路, 行政村硬化路: no named village before the head, no road record named
    assert not any(named for named, _, _ in _records("新建农村水泥路30公里"))
    assert not any(named for named, _, _ in _records("修建行政村硬化路"))


def test_a_county_s_rural_roads_are_no_village_s_road():
    # 青山县农村公路: 农村 is a type of place, not a village's name (village_roads.village_end)
    from geo.extract.village_roads import village_end
    assert village_end("青山县农村", 0, 5) is None
    assert village_end("全县3个村", 0, 5) is None
    assert village_end("小红岭屯", 0, 4) == 4
