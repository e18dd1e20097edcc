"""Roads named by the village they serve: 白石村水泥路, 青山镇白石村通村路, 何家村进村主干道.

A generic road head (水泥路, 通村路, 主干道) is a type of road; written right after a named village (a
stem ending in a village head of ROAD_HOLDING_PLACES: 村, 屯, 自然村, 行政村, maybe with generic words
between: 进村) it is that village's road, one project named as written (the labels of real154
guangxi_zhongshan, real149 dongwuqi, real148 chuxiong_nanhua, real150 yunxi_guanyin keep the road).
"""
from __future__ import annotations

import re

from geo.lexicon import ROAD_HOLDING_PLACES, heads
from geo.lexicon_lookups import is_generic
from geo.extract.record_spans import named_record
from geo.settings import VILLAGE_ROAD_MIN_NAME

_VILLAGE_HEADS = tuple(sorted((w for w in ROAD_HOLDING_PLACES if heads().get(w, ("",))[0] == "village"),
                              key=lambda w: (-len(w), w)))


# A count in the name before 村 (十个村, 3个村): villages counted, not one named.
_COUNTED = re.compile(r"[0-9一二三四五六七八九十两几多各每][个座]?$")


def _generic_word_at(norm, start, end, head):
    """True when the village head ends a generic word with the one or two characters before it (农村, 城中村)."""
    return any(is_generic(norm[end - len(head) - n:end]) for n in (1, 2) if end - len(head) - n >= start)


def village_end(norm, start, end):
    """Where the named village ending ``norm[start:end]`` (less generic words after it) ends, or None.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The stem before a road head.

    Returns
    -------
    int or None
        The end of the village's head, when a name of at least VILLAGE_ROAD_MIN_NAME characters that is
        not generic stands before it.
    """
    for k in range(end, start, -1):
        if k < end and not is_generic(norm[k:end]):
            return None
        head = next((h for h in _VILLAGE_HEADS if norm.endswith(h, start, k)), None)
        if head is not None:
            name = norm[start:k - len(head)]
            if len(name) >= VILLAGE_ROAD_MIN_NAME and not is_generic(name) and not _generic_word_at(norm, start, k, head) \
                    and not _COUNTED.search(name):
                return k
    return None


def road_of_a_named_village(case):
    """白石村水泥路, 何家村进村主干道: a generic road head after a named village names the village's road.

    Parameters
    ----------
    case : Case
        The record rules' view of one uncounted mention.

    Returns
    -------
    list of Record or None
        One named road record from the stem's start, or None when the rule does not decide.
    """
    mention = case.mention
    if mention.kind != "generic" or mention.category != "road" or case.label != "distinctive" \
            or mention.section or case.count is not None:
        return None
    if village_end(case.norm, case.rest_start, mention.head_start) is None:
        return None
    return [named_record(case.norm, mention, case.category, case.action, start=case.rest_start)]


def road_after_its_village(before, mention):
    """True when ``mention`` is a generic road head written right after the village mention ``before``
    (白石村|硬化路: 硬化 ended the village's noun phrase), so the road takes the village's stem.

    Parameters
    ----------
    before, mention : Mention
        Two mentions of a clause, ``before`` the one before ``mention``.

    Returns
    -------
    bool
        True when the village names the road.
    """
    return mention.kind == "generic" and mention.category == "road" and mention.stem_start == mention.head_start \
        and before.end == mention.head_start and before.category == "village" and before.head in _VILLAGE_HEADS \
        and not before.section and before.count is None
