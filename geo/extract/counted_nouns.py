"""The noun a count counts: where it runs and ends, the works verb at its edge, the category of the type it ends with."""

from __future__ import annotations

import re

from geo import data as geo_data
from geo.lexicon import ADDING_VERBS, COUNTED_AFTER_VERBS, STEM_CATEGORY, heads
from geo.lexicon_lookups import ACTION_INDEX, ACTIONS_SORTED, FILLER_INDEX, STOPS, match_any
from geo.settings import MAX_STEM
from geo.extract.patterns import COUNTED_PROJECTS

# The works of a group a clause opens with whose investment is said (9座矿井完成投资16亿元:
# geo.lexicon.INVESTMENT_PREDICATES).
INVESTMENT_WORKS = "投资"

# The run of characters a counted noun may take (its end: end_of_noun): 放心粮油连锁店, “居民之家”.
THING_NOUN = re.compile(r"[\u4e00-\u9fff“”]{2,%d}" % MAX_STEM)


def end_of_noun(norm, noun_start, run_end):
    """Where a noun after a count ends.

    Parameters
    ----------
    norm : str
        The normalised text.
    noun_start : int
        Where the noun starts (right after the count, or after the works listed there).
    run_end : int
        The end of the run of characters it may take (:data:`THING_NOUN`).

    Returns
    -------
    int
        At the quote closing a quoted noun (7个“居民之家”), else before a verb (a
        ``counted_after_verb`` too: 187个排水达标区|整改), 的, a stop word or an adverb
        (104个社区|全部完成), else ``run_end``.
    """
    if norm.startswith("“", noun_start):
        closing = norm.find("”", noun_start + 1, run_end)
        if closing > noun_start + 1:
            return closing + 1
    for pos in range(noun_start + 2, run_end):
        if norm[pos] == "的" or ACTION_INDEX.at(norm, pos) or match_any(norm, pos, STOPS) \
                or len(FILLER_INDEX.at(norm, pos) or "") >= 2 or match_any(norm, pos, COUNTED_AFTER_VERBS):
            return pos  # 104个社区全部完成: an adverb ends the noun too
    return run_end


def after_leading_verbs(norm, pos, limit):
    """Where a noun starts after the works verbs and stop words that open it.

    Parameters
    ----------
    norm : str
        The normalised text.
    pos : int
        Where the words opening the noun start.
    limit : int
        How far they may reach.

    Returns
    -------
    int
        ``pos`` moved past each works verb or stop word that opens there and ends by ``limit``
        (新开工|道路桥梁工程, 将|A、B), the longest first; ``pos`` itself when none does.
    """
    moved = True
    while moved and pos < limit:
        moved = False
        word = max(match_any(norm, pos, ACTIONS_SORTED) or "", match_any(norm, pos, STOPS) or "", key=len)
        if word and pos + len(word) <= limit:
            pos += len(word)
            moved = True
    return pos


# The characters those verbs end with (works verbs of two to four characters, adding verbs of two).
_ACTION_LAST_CHARS = frozenset([*(word[-1] for word in ACTION_INDEX.words if 2 <= len(word) <= 4),
                                *(word[-1] for word in ADDING_VERBS if len(word) == 2)])


def action_ending_at(norm, pos, lo):
    """The works verb right before a counted noun or its count.

    Parameters
    ----------
    norm : str
        The normalised text.
    pos : int
        Where the verb must end.
    lo : int
        Where it may start at the earliest (the clause's start).

    Returns
    -------
    str or None
        The longest works verb of two to four characters ending at ``pos`` (新建, 改造提升), else a
        verb placing what is counted (设立, 布设: ``adding_verb`` in actions.tsv), or None.
    """
    if norm[pos - 1:pos] not in _ACTION_LAST_CHARS:
        return None  # (most positions: no such verb ends with the character there, nothing looked up)
    for length in (4, 3, 2):
        word = norm[pos - length:pos]
        # (a word that is no action is no longest action either: the set is asked first)
        if pos - length >= lo and word in ACTION_INDEX.words and ACTION_INDEX.at(norm, pos - length) == word:
            return word
    return norm[pos - 2:pos] if pos - 2 >= lo and norm[pos - 2:pos] in ADDING_VERBS else None


def head_category(noun):
    """The category of the place type a counted noun ends with.

    Parameters
    ----------
    noun : str
        The noun (老旧小区, 公厕、垃圾转运站、溶盐池), quotes around it or not.

    Returns
    -------
    str or None
        The category of the longest place type of the lexicon (two characters or more) that ends
        ``noun``, when it is one of the data's categories; else None.
    """
    row = _type_ending(noun)
    return row[0] if row is not None and row[0] in geo_data.categories() else None


def type_family(noun):
    """The first column (a category or a family: road, stem) of the place type ``noun`` ends
    with, or None."""
    row = _type_ending(noun)
    return row[0] if row is not None else None


def generic_type_ending(noun):
    """True when the place type ``noun`` ends with is a generic one (线路, 街巷, 设施): alone it
    names a kind of works, not places a count may number."""
    row = _type_ending(noun)
    return row is not None and row[1] == "generic"


def thing_category(noun):
    """The category of a counted noun of no place type.

    Parameters
    ----------
    noun : str
        The noun (放心粮油连锁店, 健身路径, “居民之家”).

    Returns
    -------
    str or None
        The category of a stem category word in ``noun`` (健身, 卫生: the lexicon's first it holds),
        else ``project``;
        None when the noun ends with a place type of the lexicon (its mentions had their say on
        it), unless the type takes its category from its stem and none was found (7个“居民之家”).
    """
    ending = _type_ending(noun)
    if ending is not None and ending[0] != "stem":
        return None
    for word, category in STEM_CATEGORY:
        if word in noun:
            return category
    return COUNTED_PROJECTS


def _type_ending(noun):
    """The lexicon row of the longest place type of two characters or more ``noun`` ends with, or None."""
    table, bare = heads(), noun.strip("“”")
    return next((table[bare[cut:]] for cut in range(len(bare) - 1) if bare[cut:] in table), None)
