"""geo.extract.rule_gates: the context rules asked of a mention are those that can hold for its category and kind."""

from extract_cases import named_names
from geo.extract import records, rule_gates
from geo.extract.context import CONTEXT_RULES
from geo.extract.model import Mention


def _names(rules):
    return {rule.__name__ for rule in rules}


def test_a_rule_that_holds_only_for_some_categories_is_not_asked_of_the_others():
    # (every mention was put to each of the context rules: a river's flood duties, a road's address,
    # a zone's honour, a village's site were asked of every school and park)
    gates = rule_gates.GatedRules(CONTEXT_RULES)
    school = _names(gates.for_mention(Mention(kind="facility", category="school")))
    road = _names(gates.for_mention(Mention(kind="name", category="road")))
    river = _names(gates.for_mention(Mention(kind="name", category="water")))
    gated = {"flood_duties", "_road_as_address", "_existing_road", "honoured_zone", "village_located",
             "growth_driven", "crossed_place", "region_listed", "_bare_places_covered"}
    village = _names(gates.for_mention(Mention(kind="name", category="village")))
    assert not school & gated
    assert "region_listed" in village
    assert road & gated == {"_road_as_address", "_existing_road", "crossed_place"}
    assert river & gated == {"flood_duties", "crossed_place"}
    assert _names(CONTEXT_RULES) - gated <= school  # (the others are asked of all, in their order)
    kept = gates.for_mention(Mention(kind="raw", category=None))
    assert [rule for rule in CONTEXT_RULES if rule in kept] == list(kept) and "growth_driven" in _names(kept)
    assert "_bare_places_covered" in _names(kept) and "_bare_places_covered" not in road | river | village


def test_a_rule_left_out_for_a_mention_finds_nothing_in_it(monkeypatch):
    # Each rule left out is asked all the same here: it must find no mention of another category to be context.
    found = []

    def every_rule(self, mention):
        kept = real(self, mention)
        return [rule if rule in kept else (lambda case, rule=rule: found.append(rule.__name__) if rule(case) else False)
                for rule in self.rules]
    real = rule_gates.GatedRules.for_mention
    monkeypatch.setattr(rule_gates.GatedRules, "for_mention", every_rule)
    texts = ("做好青河防汛工作,白石路341号青山小学扩建。", "青山小镇入选国家级特色小镇,带动白石镇发展。",
             "青山村位于白石镇东部,上跨青松街、白沙河新建青山大桥。", "与现有的青山高速、白石高速等国省干线对接。")
    for text in texts:
        named_names(text)
    assert found == []
    assert records._CONTEXT_GATES.rules == CONTEXT_RULES
