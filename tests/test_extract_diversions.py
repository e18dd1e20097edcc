"""Water diversions named by the rivers they join (geo.extract.diversions)."""

from geo.extract import extract_projects
from geo.extract.diversions import diversion_titles, is_diversion


def _names(text):
    return sorted((f["properties"]["name"], f["properties"]["category"]) for f in extract_projects(text))


def test_a_diversion_title_the_tagger_leaves_unmarked_is_a_water_works():
    # 引大济岷工程启动建设 (real157 sichuan): a name of two rivers and a joining verb ends in no head
    assert _names("惠及沿线百万人的引青济白工程启动建设。") == [("引青济白工程", "water")]
    assert _names("引白补青工程全线通水。") == [("引白补青工程", "water")]
    assert _names("今年开工建设引青济白工程。") == [("引青济白工程", "water")]


def test_a_diversion_phase_is_a_water_works_and_no_headless_estate():
    # 引江濟淮二期工程 (real suzhou_anhui): the rules named it by its phase, as a property (commercial)
    assert _names("开工建设引青济白二期工程。") == [("引青济白二期", "water")]


def test_a_verb_of_drawing_in_opens_no_diversion():
    text = "积极引进济丰项目落地。"
    assert diversion_titles(text, 0, len(text)) == []
    assert not is_diversion(text, text.index("引进"), text.index("落地"))
    assert _names(text) == []


def test_a_diversion_name_needs_a_joining_verb_between_two_short_rivers():
    text = "引青济白二期工程"
    assert is_diversion(text, 0, len(text)) and is_diversion(text, 0, len(text) - 2)
    assert is_diversion(text, 0, 4) and not is_diversion(text, 0, 3)
    text = "引青山水库济白工程"  # (a river drawn on is written in one or two characters)
    assert diversion_titles(text, 0, len(text)) == []
    text = "引青到白工程"  # (到 joins no diversion)
    assert diversion_titles(text, 0, len(text)) == []
