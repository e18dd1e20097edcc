"""A place alone in brackets after a generic works title: the place the works are done at.

``实施供水管网改造工程(白石路)``, ``老旧小区改造工程(青松花园小区)``: the title before the brackets
names a kind of works and no place (generic words, heads and actions only); the name in the
brackets is where the works are done, so it is the project, with the title's works. A named
title (``西江河流域截污治污工程(石板滩片区)``) keeps its brackets as its section, and a name before
brackets (``30号路(青山路)``) its alias: both are left to :mod:`geo.extract.brackets`. After a
generic project (``“城镇老旧小区改造”建设项目(白石小区改造项目)``) the brackets are no other name of the
project either (:func:`geo.extract.extents._sections_end` reads :func:`works_title`).
"""

from __future__ import annotations

from geo.lexicon import ONE_CHARACTER_LEVELS, WORKS_NOUNS, heads
from geo.lexicon_lookups import ACTION_INDEX, ACTIONS_SORTED, GENERIC_SET, composed_of, stop_ending_at
from geo.extract.patterns import HARD_BREAKS
from geo.settings import WORKS_TITLE_MAX_CHARS
from geo.word_index import WordIndex

# The words a generic works title is made of: generic modifiers, heads, actions, works nouns.
_TITLE_WORDS = WordIndex({*GENERIC_SET, *heads(), *ACTIONS_SORTED, *WORKS_NOUNS})


def works_title_action(norm, opening):
    """The works of a generic title ending at the bracket ``opening`` (see :func:`works_title`), or None."""
    title = works_title(norm, opening)
    return title[0] if title is not None else None


def works_title(norm, opening):
    """The works and start of a generic title ending at the bracket ``opening``, or None.

    The title ends with 工程/项目 or an action and starts at a break or after a stop word (实施,
    完成); it is made of title words only (``_TITLE_WORDS``) and holds an action: the last
    one in the title is its works.

    Parameters
    ----------
    norm : str
        The normalised text.
    opening : int
        Where the opening bracket stands.

    Returns
    -------
    tuple of (str, int) or None
        The title's works (its last action) and where the title starts; None when no generic title
        ends there.
    """
    if opening < 2 or norm[opening] != "(":
        return None
    if not (norm.startswith(WORKS_NOUNS, opening - 2) or ACTION_INDEX.ending_at(norm, opening)):
        return None
    lo = max(0, opening - WORKS_TITLE_MAX_CHARS)
    start = opening
    while start > lo and norm[start - 1] not in HARD_BREAKS:
        start -= 1
    for begin in range(start, opening - 3):
        if begin > start and not _opens_title(norm, begin, start):
            continue
        title = norm[begin:opening]
        if composed_of(title, _TITLE_WORDS):
            found = [word for pos in range(len(title)) for word in ACTION_INDEX.all_at(title, pos)]
            return (max(found, key=title.rfind), begin) if found else None
    return None


def _opens_title(norm, begin, start):
    """True when a stop word ends at ``begin``, or a level of one character after a break or a stop
    word (续建|市|中心城区供水管网改扩建)."""
    if stop_ending_at(norm, begin, start) is not None:
        return True
    level = begin - 1
    return norm[level] in ONE_CHARACTER_LEVELS and (level == start or stop_ending_at(norm, level, start) is not None)


def alone_in_titled_brackets(norm, mention):
    """The works of the generic title before the brackets a mention alone fills, or None.

    Parameters
    ----------
    norm : str
        The normalised text.
    mention : Mention
        The mention; only one whose stem opens right after ``(`` and that ends right before ``)`` is looked at.

    Returns
    -------
    str or None
        The title's works (改造 in 供水管网改造工程(白石路)), or None.
    """
    start, end = mention.stem_start, mention.end
    if start < 3 or norm[start - 1] != "(" or not norm.startswith(")", end):
        return None
    return works_title_action(norm, start - 1)


def drop_titles(norm, records):
    """Named records inside a generic works title whose brackets hold the place of its works alone
    (市中心城区供水主干管网|改扩建(滨河南路)工程): the title is the kind of works, the place the project.

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        A clause's records.

    Returns
    -------
    list of Record
        ``records`` without those inside such a title (``records`` itself in most clauses).
    """
    spans = []
    for record in records:
        if record.named and record.start > 2 and norm[record.start - 1] == "(" and norm.startswith(")", record.end):
            title = works_title(norm, record.start - 1)
            if title is not None:
                begin = title[1]
                spans.append((begin - (norm[begin - 1] in ONE_CHARACTER_LEVELS), record.start - 1))  # (市|中心城区…)
    if not spans:
        return records  # (most clauses)
    return [r for r in records if not (r.named and any(lo <= r.start and r.end <= hi for lo, hi in spans))]
