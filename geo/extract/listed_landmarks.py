"""Landmarks without heads listed before the works of the last one: 提升青峰山、白石塔绿化改造工程,
完成青峰楼、白石楼等处亮化工程."""

from __future__ import annotations

import os
import re

from geo.extract.model import headless_name
from geo.settings import LANDMARK_VERB_REACH, MAX_LANDMARK, MAX_LANDMARK_ITEMS, MIN_LANDMARK
from geo.extract.segment import clauses
from geo.lexicon import LANDMARK_WORKS, LEFT_ACTIONS, PHASE_VERBS, heads
from geo.lexicon_lookups import ACTION_INDEX, is_generic
from geo.word_index import WordIndex

_WORKS = re.compile("(?:等处|等)?(?P<works>" + "|".join(sorted(LANDMARK_WORKS, key=len, reverse=True)) + ")")
# The ending all the works share (工程): a sentence or clause without it holds none of them.
_WORKS_ENDING = os.path.commonprefix([word[::-1] for word in LANDMARK_WORKS])[::-1]
_HAN = re.compile(r"[\u4e00-\u9fff]+")
# Particles no landmark's name holds (了街路, 广场等地秋植).
_PARTICLES = re.compile("[了等的和与及地之]")
# The verbs that may open such a list (提升, 完成, 实施): works and phase verbs.
_VERBS = WordIndex(tuple(sorted(set(LEFT_ACTIONS) | set(PHASE_VERBS))))


def listed_landmarks(norm, records, sent_start, sent_end):
    """The named landmarks of a 、-list of two or more closed by works (LANDMARK_WORKS: 绿化改造工程,
    亮化工程) whose items have no head.

    Each item is MIN_LANDMARK to MAX_LANDMARK Han characters, not generic, not a type, holds no works
    word, particle or record (but one naming it already); the list opens at its clause's start or after a verb (提升, 完成). The
    works give the category. One item that is no landmark leaves the whole list alone. (A list whose
    last item is a named place, 白石西山、松林河综合治理工程, is left: its items were false names as
    often as right ones on text not read for rules.)

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The sentence's records (after the tagger).
    sent_start, sent_end : int
        The sentence.

    Returns
    -------
    list of Record
        The new named records (none in most sentences).
    """
    if norm.find("、", sent_start, sent_end) < 0 or norm.find(_WORKS_ENDING, sent_start, sent_end) < 0:
        return []
    added = []
    for c0, c1 in clauses(norm, sent_start, sent_end):
        if norm.find("、", c0, c1) < 0 or norm.find(_WORKS_ENDING, c0, c1) < 0:
            continue
        for works in _WORKS.finditer(norm, c0, c1):
            items = _items(norm, c0, works.start(), records)
            if len(items) >= 2:
                category = LANDMARK_WORKS[works.group("works")]
                added.extend(headless_name(s, e, category, (c0, c1)) for s, e in items
                             if not any(r.named and r.start == s and r.end == e for r in records))
    return added


def _items(norm, c0, end, records):
    """Spans of the landmarks of a 、-list whose last item ends at ``end``, first to last, or [] when one
    item is no landmark or the list is longer than MAX_LANDMARK_ITEMS."""
    items = []
    while len(items) < MAX_LANDMARK_ITEMS:
        sep = norm.rfind("、", c0, end)
        start = sep + 1 if sep >= 0 else c0
        verb = _verb_end(norm, max(start, end - MAX_LANDMARK - LANDMARK_VERB_REACH), end)
        start = verb if verb is not None else start
        if not _landmark(norm, start, end, records):
            return []
        items.append((start, end))
        if verb is not None or sep < 0:
            return items[::-1]
        end = sep
    return []


def _verb_end(norm, lo, end):
    """Where the last works verb in ``norm[lo:end]`` ends that leaves MIN_LANDMARK characters after it."""
    found, pos = None, lo
    while True:
        hit = _VERBS.first_in(norm, pos, end - MIN_LANDMARK)
        if hit is None:
            return found
        found, pos = hit[0] + len(hit[1]), hit[0] + 1


def _landmark(norm, start, end, records):
    """True when ``norm[start:end]`` is written like a landmark's name and no record overlaps it but one
    of the same span (named already)."""
    if not MIN_LANDMARK <= end - start <= MAX_LANDMARK or _HAN.fullmatch(norm, start, end) is None:
        return False
    text = norm[start:end]
    if is_generic(text) or _PARTICLES.search(text) or ACTION_INDEX.first_in(norm, start, end) is not None \
            or _VERBS.first_in(norm, start, end) is not None \
            or any(text.endswith(h) and is_generic(text[:-len(h)]) for h in (text[-1:], text[-2:], text[-3:]) if h in heads()):
        return False
    return not any(r.start < end and start < r.end and not (r.start == start and r.end == end) for r in records)
