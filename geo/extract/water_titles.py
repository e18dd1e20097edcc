"""Water works titled without a head at their end (白沙湖湿地生态保护与修复工程): a name the tagger marks.

The rules name a project by the head it ends with; a water works written as its title (a body of
water, what is done to it, and 工程 or 项目) ends with no head, so the tagger's span for it has no
category and is dropped (:func:`geo.extract.added_names._record_for_span`). Such a span is water
when it opens its clause, as a title does (此外,白沙湖湿地生态保护与修复工程也被纳入…), holds a
body of water's head after at least one character and closes with a title word (``titled_works``
in followers.tsv). A title after a verb governing it (实施了县城水系综合治理改造提升工程) is not read
as one: measured, it brings false names on unseen text.
"""

from __future__ import annotations

from geo.lexicon import TITLED_WORKS, heads

_WATER = "water"
_WATER_KINDS = ("name", "facility")
# The longest water head looked for inside a span (水源涵养区), from the lexicon's heads.
_LONGEST_HEAD = max(len(head) for head, (category, kind, _) in heads().items()
                    if category == _WATER and kind in _WATER_KINDS)


def titled_water_works(norm, start, end, clause_start):
    """True when the tagged span ``norm[start:end]`` is a water works written as its title.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The span the tagger marks, which no head ends.
    clause_start : int
        Where its clause starts.

    Returns
    -------
    bool
    """
    if start != clause_start:
        return False
    ending = next((word for word in TITLED_WORKS if norm.endswith(word, start, end)), None)
    return ending is not None and _holds_water_head(norm, start + 1, end - len(ending))


def _holds_water_head(norm, lo, hi):
    """True when a body of water's head (of a name or a facility: 湖, 湿地, 水系, 水库) ends between
    ``lo`` and ``hi`` (a constant number of look-ups a character)."""
    table = heads()
    for stop in range(lo + 1, hi + 1):
        for length in range(1, min(_LONGEST_HEAD, stop - lo) + 1):
            info = table.get(norm[stop - length:stop])
            if info is not None and info[0] == _WATER and info[1] in _WATER_KINDS:
                return True
    return False
