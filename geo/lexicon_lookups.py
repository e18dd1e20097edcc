"""Compiled look-ups of the place-name vocabulary: word indexes, stop words and verbs ending at a
position, generic and road-type compositions, units a category is counted in."""

from __future__ import annotations

import functools
import re

from geo import data as geo_data
from geo.lexicon import (
    ACTIONS, ACTION_FILLERS, ADVERBS, DENG_WORDS, FOLLOWERS, GENERIC_WORDS, LEFT_ACTIONS,
    LINEAR_HEADS, NAME_ACTIONS, NETWORK_HEADS, ROAD_TYPE_WORDS, STEM_CATEGORY, STOP_WORDS, UNITS_BY_GROUP, heads,
    longest_first)
from geo.word_index import WordIndex

DIRECTIONS = "东西南北"
# Stop words end a name on their left; so does every action except those found inside names.
STOPS = longest_first(STOP_WORDS + tuple(a for a in ACTIONS if a not in NAME_ACTIONS))
ACTIONS_SORTED = longest_first(ACTIONS)
FOLLOWERS_SORTED = longest_first(FOLLOWERS)
FILLERS_SORTED = longest_first(ACTION_FILLERS)
LEFT_ACTIONS_SORTED = longest_first(LEFT_ACTIONS)
GENERIC_SET = frozenset(GENERIC_WORDS)
GENERIC_SORTED = longest_first(GENERIC_WORDS)
GENERIC_MAXLEN = max(len(w) for w in GENERIC_WORDS)
_STOP_INDEX = WordIndex(STOPS)
# The last characters of stop words: no stop word ends before any other character.
STOP_LAST_CHARS = _STOP_INDEX.lasts | {"著"}  # (著: the particle 着 as Traditional text writes it, see stop_ending_at)
_INDEXES = {}


def _index(words_):
    index = _INDEXES.get(id(words_))
    if index is None or index[0] is not words_:
        index = _INDEXES[id(words_)] = (words_, WordIndex(words_))
    return index[1]


def word_index(words_):
    """The :class:`WordIndex` of a word list (built once per list)."""
    return _index(words_)


# The look-ups every stage shares: works verbs and the adverbs that may stand before them.
ACTION_INDEX = word_index(ACTIONS_SORTED)
_DENG_INDEX = WordIndex(DENG_WORDS)
FILLER_INDEX = word_index(FILLERS_SORTED)


def match_any(norm, pos, words_):
    """The longest word of ``words_`` starting at ``pos``, or None."""
    entry = _INDEXES.get(id(words_))
    if entry is None or entry[0] is not words_:
        return _index(words_).at(norm, pos)
    if norm[pos:pos + 1] not in entry[1].by_first:
        return None  # (most positions: no word of the list starts with the character there)
    return entry[1].at(norm, pos)


def stop_ending_at(norm, pos, lo):
    """The longest stop word ending at ``pos`` (and starting at or after ``lo``), or None."""
    if norm[pos - 1:pos] not in STOP_LAST_CHARS:
        return None  # most characters end none (one test instead of a look-up by length)
    if norm[pos - 1] == _TRADITIONAL_ZHE:
        return _stop_ending_in_zhe(norm, pos, lo)
    words = _STOP_INDEX.words
    for length in _STOP_INDEX.by_last[norm[pos - 1]]:  # longest first, as WordIndex.ending_at (without its list)
        start = pos - length
        word = norm[start:pos]
        if start < lo or word not in words:
            continue
        if word == "等" and deng_in_word(norm, start, lo):
            continue
        if word == "以" and norm[pos:pos + 1] in DIRECTIONS:
            continue  # 卫工河以西工业遗存片区: 以西 is a direction inside the name
        return word
    return None


# The particle 着 written 著, which the Traditional converter keeps (著 is also 著名's): 随著, 期盼著.
_TRADITIONAL_ZHE = "著"


def _stop_ending_in_zhe(norm, pos, lo):
    """The longest stop word ending in 着 that ends at ``pos`` with 著 written for 着 (更期盼著白石大道),
    or None."""
    for length in _STOP_INDEX.by_last.get("着", ()):
        start = pos - length
        word = norm[start:pos - 1] + "着"
        if start >= lo and word in _STOP_INDEX.words:
            return word
    return None


def deng_in_word(norm, pos, lo=0):
    """True when the 等 at ``pos`` is part of a word (三级甲等, 中等职业) rather than ending a list.

    After a numbered school (市二中等7所学校) 中等 is the list's 等.
    """
    if pos - 2 >= lo and norm[pos - 1] in "中小" and (norm[pos - 2].isdigit() or norm[pos - 2] in "一二三四五六七八九十"):
        return False
    return (pos - 1 >= lo and _DENG_INDEX.at(norm, pos - 1) is not None) or (pos >= lo and _DENG_INDEX.at(norm, pos) is not None)


def multi_stop_ending_at(norm, pos, lo):
    """True when a stop word of two or more characters (a verb such as 建成, 推进) ends at ``pos``."""
    return any(len(word) > 1 for word in _STOP_INDEX.ending_at(norm, pos, lo))


def verb_ending_at(norm, pos, lo):
    """True when a stop word of two or more characters that is no adverb (:data:`ADVERBS`: 重点,
    年内) ends at ``pos``: a verb such as 改造, whose object may open with 将 or 向."""
    return any(len(word) > 1 and word not in ADVERBS for word in _STOP_INDEX.ending_at(norm, pos, lo))


@functools.lru_cache(maxsize=1)
def head_lengths_by_ending():
    """The last two characters of the heads of two or more characters, and the one-character
    heads -> the lengths of the heads ending with them, longest first (a pair whose last
    character is a head ends in one of length 1 too)."""
    lengths = {}
    single = {head for head in heads() if len(head) == 1}
    for head in heads():
        if len(head) > 1:
            lengths.setdefault(head[-2:], {1} if head[-1] in single else set()).add(len(head))
        else:
            lengths.setdefault(head, set()).add(1)
    return {ending: tuple(sorted(found, reverse=True)) for ending, found in lengths.items()}


@functools.lru_cache(maxsize=1)
def head_endings():
    """(one-character heads, last two characters of longer heads): a quick test before a look-up."""
    table = heads()
    return (frozenset(h for h in table if len(h) == 1),
            frozenset(h[-2:] for h in table if len(h) >= 2))


def composed_of(text, index):
    """True when ``text`` is a concatenation of words of the :class:`WordIndex` ``index``.

    Only the lengths of the words opening with the character at a position are tried there
    (most characters open none: nothing is cut out of the text for them); linear in the text's length.

    Parameters
    ----------
    text : str
        The text (True when empty).
    index : WordIndex
        The words.

    Returns
    -------
    bool
        Whether a split of ``text`` into words of ``index`` exists.
    """
    size = len(text)
    reachable = [True] + [False] * size
    by_first, words = index.by_first, index.words
    for i in range(size):
        if reachable[i]:
            for length in by_first.get(text[i], ()):
                if i + length <= size and text[i:i + length] in words:
                    reachable[i + length] = True
    return reachable[size]


_ROAD_TYPE_INDEX = WordIndex(ROAD_TYPE_WORDS)
_GENERIC_INDEX = word_index(GENERIC_SORTED)  # (the index name_tails looks words up in too: built once)


@functools.lru_cache(maxsize=4096)
def is_road_type(text):
    """True when ``text`` is made only of road-type modifiers (农村, 背街, 城市主干...)."""
    return composed_of(text, _ROAD_TYPE_INDEX)


@functools.lru_cache(maxsize=16384)
def is_generic(text):
    """True when ``text`` is a concatenation of generic modifier words (and numerals), a generic
    word's alternative in brackets among them (工业(产业): the two words of one kind)."""
    if not text or composed_of(text, _GENERIC_INDEX):
        return True
    bare = _ALTERNATIVE_IN_BRACKETS.sub(lambda m: "" if composed_of(m.group(1), _GENERIC_INDEX) else m.group(), text)
    return bare != text and bool(bare) and composed_of(bare, _GENERIC_INDEX)


_ALTERNATIVE_IN_BRACKETS = re.compile(r"\(([\u4e00-\u9fff]{1,6})\)")


def stem_category(text):
    """The category of the first word of STEM_CATEGORY (in its order) that ``text`` holds, or None.

    Most stems hold none of its words: one search for all of them comes first.

    Parameters
    ----------
    text : str
        A stem (大陆引水 in 大陆引水三期).

    Returns
    -------
    str or None
        The category (``water``), or None.
    """
    if _STEM_CATEGORY_WORDS.search(text) is None:
        return None
    return next((code for word, code in STEM_CATEGORY if word in text), None)


_STEM_CATEGORY_WORDS = re.compile("|".join(sorted({re.escape(word) for word, _ in STEM_CATEGORY}, key=lambda w: (-len(w), w))))


def unit_fits(unit, category, head=""):
    """True when a count in ``unit`` can count places of ``category`` (条 roads, 所 schools), or
    of that one category where units.tsv names it (6件水库: 件 counts ``water`` works, no other
    areas), or networks when ``head`` is one (3条供热支线管网: the group ``network`` of units.tsv),
    or facilities drawn as lines like roads (3条健身步道: ``linear`` heads)."""
    if category == "members":  # a type defined by its members (项目) counts in any unit
        return any(unit in units for units in UNITS_BY_GROUP.values())
    return unit in UNITS_BY_GROUP.get(category_group(category), ()) \
        or unit in UNITS_BY_GROUP.get(category, ()) \
        or head in NETWORK_HEADS and unit in UNITS_BY_GROUP.get("network", ()) \
        or head in LINEAR_HEADS and unit in UNITS_BY_GROUP.get("roads", ())


def category_group(category):
    """roads, facilities or areas: the group of a category code or placeholder."""
    if category in ("road", "station"):
        return "roads" if category == "road" else "facilities"
    if category == "stem":
        return "facilities"
    row = geo_data.categories().get(category)
    return row["group"] if row else None
