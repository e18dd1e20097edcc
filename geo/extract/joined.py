"""Two names a conjunction alone joins (青河与白石沟河, 青山小学与白石中学): two works objects, not one name.

The rules read ``A与B`` as two records when B's left edge is the conjunction right after A. The
name tagger, which reads 与 as the mark of a partner or a junction, may hold B to be outside any
name, or A与B to be one name; these helpers keep the rules' two records.
Junctions (A路与B路交叉口) and links (A路与B广场连接线) are one record before the tagger runs
(see :mod:`geo.extract.crossings`), and partners (与A合作) are dropped by the rules
(:func:`geo.extract.partners.drop_partners`), so neither is a pair here. Two roads are no pair
either: 优化A路与B路等关键节点 and A路与B路2处交叉口 name junctions without a junction head.
"""

from __future__ import annotations

import re

from geo.extract.peers import listed_alike, share_among_peers

# The conjunction the tagger and the record model read as context: with 和 they keep both names.
_JOIN = "与"
# What B goes on to when A与B is one link between two places, not two works objects
# (泌阳河与八龙河水系连通工程, 打通A园与B片区的快速连接通道).
_LINKED = re.compile(r"的?[\u4e00-\u9fff]{0,4}?(?:连接|连通|之间|衔接|贯通|互通|交汇)")


def joined(norm, first, second):
    """True when ``second`` is a named record that 与 right after the named ``first`` opens,
    neither a road (青山小学与白石中学, 青山医院与白石中学).

    Parameters
    ----------
    norm : str
        The normalised text.
    first, second : geo.extract.model.Record
        Two records of one sentence, ``first`` before ``second``.

    Returns
    -------
    bool
    """
    mention = second.mention
    return first.named and second.named \
        and mention.category != "road" and first.mention.category != "road" \
        and mention.stop == _JOIN and mention.stop_start == first.end \
        and mention.stem_start == first.end + len(_JOIN) == second.start \
        and _LINKED.match(norm, second.end) is None


def holds_joined_pair(norm, records):
    """True when two of ``records`` (in text order) are a joined pair: a span that covers both
    joins two works objects, not the parts of one name (青河与白石沟河)."""
    return any(joined(norm, a, b) for a, b in zip(records, records[1:]))


def rejoined(norm, records, kept):
    """``kept`` (a subset of ``records``, in order) with each record of ``records`` put back that
    is joined to the kept record right before it: when the tagger keeps A of 改造A与B it cannot
    hold B, a place of the same kind after the conjunction, to be context; nor the next of
    villages (or waters, or estates in a clause of works) listed alike (:func:`geo.extract.peers.listed_alike`).

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The sentence's records before a filter, in text order.
    kept : list of Record
        Those the filter kept.

    Returns
    -------
    list of Record
        The records kept or put back, in the order of ``records``.
    """
    if len(kept) == len(records):
        return kept
    held = {id(r) for r in kept}
    out, previous = [], None
    for record in records:
        if id(record) in held or previous is not None and id(previous) in held \
                and (joined(norm, previous, record) or listed_alike(norm, previous, record)):
            held.add(id(record))
            out.append(record)
        previous = record
    if len(out) == len(records):
        return out
    following = None  # 推进野鸡城沟、腊树沟综合整治: a peer before a kept one is kept with it too
    for record in reversed(records):
        if id(record) not in held and following is not None and id(following) in held \
                and listed_alike(norm, record, following):
            held.add(id(record))
        following = record
    return [r for r in records if id(r) in held]


def share_confidence(norm, records):
    """Give the second of each joined pair the first's standing with the record model: the
    model reads the conjunction before B as the mark of context (与A合作) and scores B low, but
    B of 实施A与B综合治理 is as much the works' object as A. A first record the model does not
    weigh (confidence None) frees the second from it too. Villages (and waters, and estates in a clause
    of works) listed alike share the best score of their list (:func:`geo.extract.peers.share_among_peers`).

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The sentence's records, scored (their ``confidence`` set or None); changed in place.
    """
    order = sorted(records, key=lambda r: (r.start, r.end))
    for first, second in zip(order, order[1:]):
        if second.confidence is not None and joined(norm, first, second):
            second.confidence = None if first.confidence is None else max(first.confidence, second.confidence)
    share_among_peers(norm, order)  # 青山村、白石村和红枫村: peers kept or dropped together
