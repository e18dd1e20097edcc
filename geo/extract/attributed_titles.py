"""Works titled after an attributive 的 (投资2.38亿元的白石园区排水工程): a name the tagger marks whole.

A works title (a place, what is done there, and 工程 or 项目: ``titled_works`` in followers.tsv)
ends with no head, so the tagger's span for it has no category, or 项目's bare type, and is dropped
(:func:`geo.extract.added_names._record_for_span`) when it is long or holds a verb. Written right
after a 的 that closes what describes it (a budget: 投资2.7亿元的; a size: 日处理2250吨的; what was
done: 5月通车的, 实施建设的), the span is the described works' title, the name the report gives it,
when the tagger is sure of it (:data:`geo.settings.ATTRIBUTED_TITLE_CONFIDENCE`). Its category is
the one of the last head inside it (白石园区排水工程: 园区), as the water titles' is their water head's
(:mod:`geo.extract.water_titles`), else of a keyword of it (城区集中供热项目: 供热); a title with
neither is left alone.
"""

from __future__ import annotations

from geo.lexicon import TITLED_WORKS, heads
from geo.lexicon_lookups import stem_category
from geo.settings import ATTRIBUTED_TITLE_CONFIDENCE

_ATTRIBUTIVE = "的"
_NAMED_KINDS = ("name", "facility")
# The longest head looked for inside a span, from the lexicon's heads.
_LONGEST_HEAD = max(len(head) for head in heads())


def attributed_title_category(norm, start, end, confidence):
    """The category of the tagged span ``norm[start:end]`` when it is a works title written right
    after an attributive 的, else None.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The span the tagger marks, which no head of a name ends.
    confidence : float
        The tagger's confidence in the span.

    Returns
    -------
    str or None
        The category of the last head of a name or facility inside the title, else of a keyword.
    """
    if confidence < ATTRIBUTED_TITLE_CONFIDENCE or start < 1 or norm[start - 1] != _ATTRIBUTIVE:
        return None
    ending = next((word for word in TITLED_WORKS if norm.endswith(word, start, end)), None)
    if ending is None:
        return None
    return _last_head_category(norm, start + 1, end - len(ending)) or stem_category(norm[start:end - len(ending)])


def _last_head_category(norm, lo, hi):
    """The category of the last head of a name or facility ending between ``lo`` and ``hi`` (a
    constant number of look-ups a character), or None."""
    table = heads()
    for stop in range(hi, lo, -1):
        for length in range(min(_LONGEST_HEAD, stop - lo), 0, -1):
            info = table.get(norm[stop - length:stop])
            if info is not None and info[0] and info[1] in _NAMED_KINDS:
                return info[0]
    return None
