"""geo.extract.model: mentions, records and what the rules ask of a mention's list."""

from extract_cases import comparisons_in
from geo.extract import model
from geo.extract.chains import Chain
from geo.extract.model import Mention, chain_end, chain_first


def _listed(count):
    """青山路、白石路、…: ``count`` road mentions listed in one chain."""
    mentions = [Mention(kind="name", head="路", category="road", stem_start=4 * i, head_start=4 * i + 2,
                        head_end=4 * i + 3, end=4 * i + 3) for i in range(count)]
    chain = Chain(mentions)
    for mention in mentions:
        mention.chain = chain
    return mentions


def test_a_lists_start_and_end_are_read_from_the_answer_kept_on_it(monkeypatch):
    # The rules ask where an item's list starts and ends tens of thousands of times a report: once
    # worked out (once_per_chain), the answer is read where it is kept, without a call of it each time.
    mentions = _listed(5)
    calls = []
    real = model.once_per_chain
    monkeypatch.setattr(model, "once_per_chain", lambda chain, question, *args: calls.append(question) or
                        real(chain, question, *args))
    for _ in range(3):
        assert [chain_end(m) for m in mentions] == [19] * 5
        assert [chain_first(m) for m in mentions] == [mentions[0]] * 5
    assert len(calls) == 2  # (the end once, the first item once)


def test_a_mention_alone_or_in_a_plain_list_is_its_own_start_and_end():
    alone = _listed(1)[0]
    alone.chain = None
    assert chain_end(alone) == alone.end and chain_first(alone) is alone
    items = _listed(3)
    plain = list(items)  # (a list without kept answers: asked each time)
    for mention in items:
        mention.chain = plain
    assert chain_end(items[0]) == 11 and chain_first(items[2]) is items[0]


def test_a_mention_is_told_a_name_by_one_hash_look_up_of_its_kind():
    # (visits and context ask it of each mention: 150k times in 1 MB)
    assert comparisons_in("generic", model.NAMED_KINDS) == (False, [])
    assert comparisons_in("code", model.NAMED_KINDS) == (True, ["code"])
