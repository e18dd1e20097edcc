"""The characters a head's extension can open with (see extents.extend_right and right_ok).

Most heads that name nothing are followed by another noun (青山路卫生所, 白石村小学): extend_right
then walks a dozen look-ups to find that the noun phrase goes on. Every branch of extend_right
that can end a mention, and every branch of right_ok, starts by looking for a word of a list
or a match of a pattern at the character after the head. The first characters of those patterns
and the first two of those words, computed once from the lists and the patterns themselves
(``re._parser``, not a hand list), are the only Han text after which extend_right can return a
mention, save for the few branches that look further (a 段 or 境内 ahead, a count before the
head, a route between two places, a village's group, a crossing head, road codes):
:func:`names_nothing_after` leaves those to extend_right. A word list or pattern added to
extend_right or right_ok must be added to :func:`_extension_sources` too.
"""

from __future__ import annotations

try:
    from re import _parser as _sre
except ImportError:  # (Python < 3.11)
    import sre_parse as _sre

from geo.settings import CLASSED_WORKS_CATEGORIES
from geo.lexicon import CONTEXT_VERBS, CROSSING_HEADS, EXISTING_WORDS, INTERCITY_HEADS
from geo.lexicon_lookups import ACTION_INDEX, FILLER_INDEX
from geo.extract import extents, name_tails
from geo.extract.model import Mention
from geo.extract.patterns import COUNT_RE, HARD_BREAKS, MAX_COUNTED_STEM, NUMBER_CHAR_RE, STANDARD_BEFORE_WORKS_RE, WORKS_TIME_RE

HAN_FIRST, HAN_LAST = "\u4e00", "\u9fff"  # the Han range the gate decides on (any other character goes to extend_right)
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name))


def _han(chars):
    """The Han characters of ``chars``."""
    return {char for char in chars if HAN_FIRST <= char <= HAN_LAST}


def _set_chars(items):
    """The Han characters a character set (``[...]``) matches; None when it is negated or unknown."""
    chars = set()
    for op, arg in items:
        if op == _sre.LITERAL:
            chars |= _han(chr(arg))
        elif op == _sre.RANGE:
            lo, hi = max(arg[0], ord(HAN_FIRST)), min(arg[1], ord(HAN_LAST))
            chars.update(map(chr, range(lo, hi + 1)))
        elif op == _sre.CATEGORY and arg == _sre.CATEGORY_DIGIT:
            pass  # (\d: a digit, Han or not, goes to extend_right: see names_nothing_after)
        else:
            return None  # (a negated set, [^...]: nearly any character)
    return chars


def _item_firsts(op, arg):
    """(Han characters the item's non-empty matches open with or None for any, whether it may match empty)."""
    if op == _sre.LITERAL:
        return _han(chr(arg)), False
    if op == _sre.IN:
        return _set_chars(arg), False
    if op == _sre.CATEGORY and arg == _sre.CATEGORY_DIGIT:
        return set(), False  # (as in a set)
    if op == _sre.SUBPATTERN:
        return _sequence_firsts(arg[-1])
    if op == getattr(_sre, "ATOMIC_GROUP", None):
        return _sequence_firsts(arg)
    if op == _sre.BRANCH:
        chars, empty = set(), False
        for branch in arg[1]:
            found, may_be_empty = _sequence_firsts(branch)
            if found is None:
                return None, True
            chars |= found
            empty = empty or may_be_empty
        return chars, empty
    if op in _REPEATS:
        low, high, body = arg
        if high == 0:
            return set(), True
        chars, empty = _sequence_firsts(body)
        return chars, empty or low == 0
    if op in _ZERO_WIDTH:
        return set(), True  # (an anchor or a look-around consumes nothing: the next item opens the match)
    return None, True  # (., [^x], a back reference: any character)


def _sequence_firsts(items):
    """(Han characters a non-empty match of the items opens with or None for any, whether it may match empty)."""
    chars = set()
    for op, arg in items:
        found, empty = _item_firsts(op, arg)
        if found is None:
            return None, True
        chars |= found
        if not empty:
            return chars, False
    return chars, True


def pattern_openers(pattern):
    """The Han characters a non-empty match of ``pattern`` (a compiled regex) can open with.

    Raises
    ------
    ValueError
        When any Han character may open a match (a ``.`` or a negated set first).
    """
    chars, _ = _sequence_firsts(_sre.parse(pattern.pattern, pattern.flags))
    if chars is None:
        raise ValueError(f"any character may open {pattern.pattern[:40]!r}")
    return frozenset(chars)


def openers(words=(), patterns=()):
    """What opens a word of the lists ``words`` or a match of ``patterns`` in Han text.

    Parameters
    ----------
    words : iterable of iterables of str
        Word lists (tuples, sets or the ``words`` of a :class:`geo.word_index.WordIndex`).
    patterns : iterable of re.Pattern

    Returns
    -------
    (frozenset of str, frozenset of str)
        The Han characters that open a match or a word of one character, and the first two
        characters of the words of two or more that open with a Han character: no word or match
        starts at a position where the character is in neither, nor the pair there in the second.
    """
    chars, pairs = set(), set()
    for words_ in words:
        for word in words_:
            if word and HAN_FIRST <= word[0] <= HAN_LAST:
                (pairs.add(word[:2]) if len(word) > 1 else chars.add(word))
    for pattern in patterns:
        chars |= pattern_openers(pattern)
    return frozenset(chars), frozenset(pair for pair in pairs if pair[0] not in chars)


def _extension_sources():
    """The word lists and patterns extend_right and right_ok look for right after a head: a break, a
    count, 等, 对…进行, 流域, listed uses, what a place has, a follower, an action, an adverb or a time
    before works, a context verb (right_ok); a side word, an area's tail, a house or lane number, a
    direction, a section, a counted part, a plan or tally word, works followers (extend_right)."""
    return ((HARD_BREAKS, (extents.LIST_END, extents.BASIN), EXISTING_WORDS, extents._FOLLOWER_INDEX.words,
             ACTION_INDEX.words, FILLER_INDEX.words, CONTEXT_VERBS, extents._SIDE_INDEX.words,
             extents._AREA_TAIL_INDEX.words, extents._COUNTED_PART_INDEX.words, extents._PLAN_WORDS,
             extents._TALLY_WORDS, extents.COUNT_AFTER_WORDS, extents._WORKS_FOLLOWER_INDEX.words),
            (COUNT_RE, extents._PART_WORKED_ON, name_tails._USES_LISTED, WORKS_TIME_RE, STANDARD_BEFORE_WORKS_RE,
             extents._HOUSE_NUMBER, extents._LANE_NUMBER, extents._DIRECTED_END, extents._SECTION_OPENING))


# (characters, pairs) at which extend_right can find anything after any head (see :func:`openers`).
EXTENSION_OPENERS = openers(*_extension_sources())
# (characters, pairs) at which it can find more after a river's name: a flood defence (防洪工程) or
# words of a kind before works (综合治理工程; see extents._water_structure_end and _classed_works_follow).
WATER_WORKS_OPENERS = openers(words=(extents._WATER_STRUCTURE_INDEX.words, name_tails._GENERIC_INDEX.words))


def names_nothing_after(norm, head_start, head_end, category, kind, clause_end):
    """True when extend_right must return None for a head at [head_start, head_end) of ``category``
    and ``kind``: a Han character and a pair no extension opens with follow it, and none of the
    branches that look further applies (a 段 or 境内 within a section's reach, a part of places
    counted before the head, a route between two places, a village's group, a crossing head, a road code)."""
    if head_end >= clause_end:
        return False
    char = norm[head_end]
    if not HAN_FIRST <= char <= HAN_LAST or char.isdigit():
        return False  # (right_ok's char.isdigit(), and \d in the patterns: no digit is decided here)
    chars, pairs = EXTENSION_OPENERS
    pair = norm[head_end:head_end + 2]
    if char in chars or pair in pairs:
        return False
    if category == "water" and kind == "name" or category in CLASSED_WORKS_CATEGORIES and kind in ("name", "facility"):
        chars, pairs = WATER_WORKS_OPENERS
        if char in chars or pair in pairs:
            return False
    head = norm[head_start:head_end]
    if kind == "code" or head in CROSSING_HEADS:
        return False
    if category == "village" and head == "村" and extents._VILLAGE_GROUP.match(norm, head_end, clause_end):
        return False  # (白石村孙家组: a village's group)
    if extents.section_word_ahead(norm, head_end, clause_end):
        return False
    lo = head_start - MAX_COUNTED_STEM if head_start > MAX_COUNTED_STEM else 0
    if head in INTERCITY_HEADS or NUMBER_CHAR_RE.search(norm, lo, head_start):
        mention = Mention(head=head, category=category, kind=kind, head_start=head_start, head_end=head_end)
        if extents._route_between_places(norm, mention):
            return False
        if extents._counted_before(norm, mention) and extents._part_then_works(norm, head_end, clause_end):
            return False
    return True
