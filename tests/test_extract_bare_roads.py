"""geo.extract.bare_roads: roads the report names with and without their jurisdiction."""

from types import SimpleNamespace

from extract_cases import comparisons_in
from geo.extract import extract_projects
from geo.extract.bare_roads import ROAD_CATEGORIES, named_bare


def _named(text):
    return [p["name"] for p in (f["properties"] for f in extract_projects(text)) if p["named"]]


def test_a_road_the_report_also_names_without_its_jurisdiction_is_named_bare():
    # 青山县白石路 … 白石路: the county is the road's address; one road, named as the report names it alone
    named = _named("11月15日,青山县白石南路建设工程开工典礼隆重举行。白石南路全长3公里,总投资1亿元。")
    assert "白石南路" in named
    assert "青山县白石南路" not in named


def test_a_road_written_in_traditional_characters_is_named_bare_too():
    # 青山縣白石南路 … 白石南路: the jurisdiction is read on the Simplified form, the name kept as written
    named = _named("11月15日,青山縣白石南路建設工程開工典禮隆重舉行。白石南路全長3公里。")
    assert "白石南路" in named
    assert "青山縣白石南路" not in named


def test_a_road_named_with_its_jurisdiction_only_keeps_it():
    named = _named("11月15日,青山县白石南路建设工程开工典礼隆重举行。")
    assert "青山县白石南路" in named


def test_a_ring_road_keeps_its_jurisdiction():
    # 青山县绕城公路 … 绕城公路: alone, 绕城公路 (like 环城公路) names no one road
    named = _named("今年完成青山县绕城公路改造。绕城公路建成后将缓解交通压力。")
    assert "青山县绕城公路" in named


def test_a_road_named_many_times_is_cut_once(monkeypatch):
    # 青山县白石南路 named four times: its jurisdiction is read once a name, not once a record
    from geo.extract import bare_roads

    calls = []
    original = bare_roads.simplified_with_offsets
    monkeypatch.setattr(bare_roads, "simplified_with_offsets", lambda name: calls.append(name) or original(name))
    text = ("青山县白石南路建设工程开工。青山县白石南路完成路面改造。青山县白石南路完成绿化。"
            "青山县白石南路完成亮化。白石南路全长3公里。")
    named = _named(text)
    assert "白石南路" in named and "青山县白石南路" not in named
    assert len(calls) == len(set(calls))



def _record(name, category, head):
    return SimpleNamespace(named=True, category=category, name=name, base_name=name, slug_parts=None,
                           mention=SimpleNamespace(head=head))


def test_a_river_the_report_also_names_without_its_jurisdiction_is_named_bare():
    # 青山区白石河 … 白石河 (real5 tianjin_hedong, real150 lincang_fengqing): as for roads, the district is the
    # river's address
    assert _named("完成青山区白石河沿岸绿化工程。白石河综合治理完成。") == ["白石河"]


def test_a_name_opened_by_two_jurisdictions_is_named_bare():
    # 青松市青山县红水河 beside 红水河 (real10 pingyi): the city and the county both are the address
    records = [_record("青松市青山县红水河", "water", "河"), _record("红水河", "water", "河")]
    named_bare(records)
    assert [r.name for r in records] == ["红水河", "红水河"]


def test_a_river_is_not_named_bare_after_a_road_of_that_name():
    # each family is matched among its own names: a river's own part is looked for among waters only
    records = [_record("青山区白石河", "water", "河"), _record("白石河", "road_new", "河")]
    named_bare(records)
    assert records[0].name == "青山区白石河"


def test_a_category_is_told_a_road_or_not_by_one_hash_look_up():
    # (named_bare, pack_records and the features step ask it of every record: 14.6k in 1 MB)
    assert comparisons_in("school", ROAD_CATEGORIES) == (False, [])
    assert comparisons_in("road_new", ROAD_CATEGORIES) == (True, ["road_new"])
