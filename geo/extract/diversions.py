"""Water diversions named by the rivers they join (引汉济渭工程, 引江补汉工程): water works named by their title."""

from __future__ import annotations

import bisect
import itertools
import re

from geo.lexicon import DIVERSION_JOINS, DIVERSION_OPENERS, STOP_WORDS, TITLED_WORKS

# A diversion's name ends in no head word: 引 (draws on), one or two characters for the river drawn
# on, a joining verb (济 relieves, 补 replenishes: ``diversion_join`` in followers.tsv), one or two
# for the river or region fed, then a phase (二期). Its title closes it with 工程 or 项目.
_NAME = "(?:%s)[\u4e00-\u9fff]{1,2}(?:%s)[\u4e00-\u9fff]{1,2}(?:[一二三四五六七八九十\\d]+期)?" % (
    "|".join(map(re.escape, DIVERSION_OPENERS)), "|".join(map(re.escape, DIVERSION_JOINS)))
_DIVERSION = re.compile(_NAME)
_TITLED = re.compile(_NAME + "(?:%s)" % "|".join(map(re.escape, TITLED_WORKS)))


def diversion_titles(norm, start, end):
    """The diversions written with their title word in ``norm[start:end]``.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The stretch looked through (a sentence).

    Returns
    -------
    list of (int, int)
        The span of each title (引大济岷工程), title word included, in order.
    """
    return [(match.start(), match.end()) for match in _TITLED.finditer(norm, start, end)
            if norm[match.start():match.start() + 2] not in STOP_WORDS]  # (引进济宁项目: 引进 is a verb)


def is_diversion(norm, start, end):
    """True when ``norm[start:end]`` is a diversion's name, with its phase or title word or not
    (引江济淮二期, 引汉济渭工程)."""
    if norm[start:start + 2] in STOP_WORDS:
        return False
    return _DIVERSION.fullmatch(norm, start, end) is not None or any(
        norm.endswith(word, start, end) and _DIVERSION.fullmatch(norm, start, end - len(word)) is not None
        for word in TITLED_WORKS)


def with_diversion_titles(norm, found, start, end):
    """The tagger's names ``found`` in the sentence ``norm[start:end]`` with each diversion title
    no name of them touches added, as sure as the tagger can be (引汉济渭工程 is seldom marked: the
    rules' filters then judge it as a water works written as its title, see
    :func:`geo.extract.water_titles.titled_water_works`).

    Parameters
    ----------
    norm : str
        The normalised text.
    found : list of (int, int, float)
        The tagger's names starting in the sentence (start, end, confidence), in order.
    start, end : int
        The sentence.

    Returns
    -------
    list of (int, int, float)
        In order of start.
    """
    titles = diversion_titles(norm, start, end)
    if not titles:
        return found  # (most sentences)
    starts = [s for s, _, _ in found]
    reach = list(itertools.accumulate((e for _, e, _ in found), max))  # the furthest end up to each name
    added = [(lo, hi, 1.0) for lo, hi in titles
             if not (k := bisect.bisect_left(starts, hi)) or reach[k - 1] <= lo]  # (no name opening before it reaches in)
    return sorted(list(found) + added) if added else found
