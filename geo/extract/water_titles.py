"""Water works titled without a head at their end (白沙湖湿地生态保护与修复工程): a name the tagger marks.

The rules name a project by the head it ends with; a water works written as its title (a body of
water, what is done to it, and 工程 or 项目) ends with no head, so the tagger's span for it has no
category and is dropped (:func:`geo.extract.added_names._record_for_span`). Such a span is water
when it opens its clause, as a title does (此外,白沙湖湿地生态保护与修复工程也被纳入…), or is an item
of a list joined by 、 (完成青石村、白沙湖组团工程建设; 白沙湖湿地修复项目、青山路建成), holds a body of
water's head after at least one character and closes with a title word (``titled_works`` in
followers.tsv). A title after a verb governing it (实施了县城水系综合治理改造提升工程) is not read
as one: measured, it brings false names on unseen text.
"""

from __future__ import annotations

import re

from geo.extract.diversions import is_diversion
from geo.lexicon import TITLED_WORKS, heads

_WATER = "water"
_WATER_KINDS = ("name", "facility")
# The mark joining the items of a list: a title written as one of them is as much a title.
_ITEM_MARK = "、"
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
        Where its clause starts (a title opens it, or is an item of a list joined by 、).

    Returns
    -------
    bool
    """
    if is_diversion(norm, start, end):
        return True  # 开工建设引大济岷工程: a diversion's title is a water works wherever it stands
    if start != clause_start and not _list_item(norm, start, end):
        return False
    closed = _title_close(norm, start, end)
    return closed is not None and _holds_water_head(norm, start + 1, closed)


def _title_close(norm, start, end):
    """Where the title word closing the span ``norm[start:end]`` begins: at its end, or before the
    works' local section after it (京杭运河绿色现代航运综合整治工程|高邮段: the share of a long works one
    county builds, as a road's is named: 京港澳高速公路改扩建工程大悟段); else None."""
    ends = [end]
    if norm.endswith(_SECTION_END, start, end) and not norm.endswith(_LOT, start, end):
        ends += [end - len(_SECTION_END) - size for size in _SECTION_PLACE
                 if _HAN_RUN.fullmatch(norm, end - len(_SECTION_END) - size, end - len(_SECTION_END))]
    for close in ends:
        ending = next((word for word in TITLED_WORKS if norm.endswith(word, start, close)), None)
        if ending is not None:
            return close - len(ending)
    return None


# A works' local section after its title (工程高邮段): a place of two or three characters and 段; a
# tender lot (一标段) is none.
_SECTION_END = "段"
_SECTION_PLACE = (2, 3)
_LOT = "标段"
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _list_item(norm, start, end):
    """True when the span ``norm[start:end]`` is an item of a list joined by 、: the mark is right
    before it or right after it."""
    return norm[start - 1] == _ITEM_MARK or norm.startswith(_ITEM_MARK, end)


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
