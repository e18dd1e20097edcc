"""geo.extract.listed_landmarks: landmarks without heads listed before the works of the last one."""

from geo.extract import extract_projects


def _named(text):
    return {p["name"]: p["category"] for p in (f["properties"] for f in extract_projects(text)) if p["named"]}


def test_landmarks_listed_before_greening_works_are_named():
    # 提升A、B绿化改造工程: the hill and the monument are the works' places (before: nothing named)
    named = _named("全县完成主要街道景观绿化、青山公园配套工程和提升翠屏山、英雄塔绿化改造工程、郊野公园道路绿化。")
    assert "翠屏山" in named
    assert named.get("英雄塔") == "park"


def test_landmarks_listed_before_lighting_works_are_named():
    named = _named("先后完成望江楼、镇海楼等处亮化工程。")
    assert "望江楼" in named and "镇海楼" in named


def test_a_list_with_an_item_no_landmark_names_nothing():
    # 实施了街路、广场等地秋植绿化工程: types and particles, no landmarks
    named = _named("青山市实施了街路、广场等地秋植绿化工程项目。")
    assert not {"了街路", "街路", "广场等地秋植"} & set(named)
    assert not {"分部骤", "分阶段实施"} & set(_named("计划分部骤、分阶段实施亮化工程。"))


def test_a_list_in_a_clause_without_the_works_ending_is_not_searched_for_the_works(monkeypatch):
    # every landmark works word ends in 工程: a sentence or clause with a 、-list but no 工程 holds none of them,
    # and the works' pattern is not run over it; a clause with it is read as before
    import importlib
    listed = importlib.import_module("geo.extract.listed_landmarks")
    assert listed._WORKS_ENDING and all(word.endswith(listed._WORKS_ENDING) for word in listed.LANDMARK_WORKS)
    runs = []
    real = listed._WORKS

    class Counted:
        def finditer(self, *args):
            runs.append(args[1:])
            return real.finditer(*args)

    monkeypatch.setattr(listed, "_WORKS", Counted())
    for norm in ("青山县提升翠屏山、英雄塔周边环境。", "青山县提升翠屏山、英雄塔周边环境,完成白石路改造工程。"):
        assert listed.listed_landmarks(norm, [], 0, len(norm)) == []
    assert runs == []  # (the second: 工程 stands in the sentence, not in the list's clause)
    norm = "先后完成望江楼、镇海楼等处亮化工程。"
    found = listed.listed_landmarks(norm, [], 0, len(norm))
    assert runs and [norm[r.start:r.end] for r in found] == ["望江楼", "镇海楼"]
