"""The characters a head's extension can open with (see extents.extend_right and right_ok).

Most heads that name nothing are followed by another noun (青山路卫生所, 白石村小学): extend_right
then walks a dozen look-ups to find that the noun phrase goes on. Every branch of extend_right
that can end a mention, and every branch of right_ok, starts by looking for a word of a list
or a match of a pattern at the character after the head. The first two characters of the
patterns' matches (the first alone where any may follow it) and the first three of those words,
computed once from the lists and the patterns themselves (``re._parser``, not a hand list), are
the only Han text after which extend_right can return a mention, save for the few branches that
look further (a 段 or 境内 ahead, a count before the head, a route between two places, a
village's group, a crossing head, road codes): :func:`names_nothing_after` leaves those to
extend_right, and the patterns' branches that need a 段 or 境内 that near are left out of the
sets (SECTION_RE's ranges). A word list or pattern added to extend_right or right_ok must be
added to :func:`_extension_sources` too.
"""

from __future__ import annotations

try:
    from re import _parser as _sre
except ImportError:  # (Python < 3.11)
    import sre_parse as _sre

from geo import regex_programs
from geo.settings import CLASSED_WORKS_CATEGORIES, MAX_COUNTED_STEM
from geo.lexicon import (CONTEXT_VERBS, COUNT_AFTER_WORDS, CROSSING_HEADS, DIRECTED_ROAD_HEADS, EXISTING_WORDS, INTERCITY_HEADS,
                         PLAN_WORDS, TALLY_WORDS)
from geo.lexicon_lookups import ACTION_INDEX, FILLER_INDEX
from geo.extract import extents, head_words, name_tails
from geo.extract.model import Mention
from geo.extract.patterns import (ALIAS_RE, COUNT_RE, HARD_BREAKS, NUMBER_CHAR_RE, PLACE_SECTION_RE, SECTION_RE,
                                  STANDARD_BEFORE_WORKS_RE, WORKS_TIME_RE)

HAN_FIRST, HAN_LAST = "\u4e00", "\u9fff"  # the Han range the gate decides on (any other character goes to extend_right)
ANY = None  # (a character that may be any: the next one after a first, or, as a key, the first itself)
_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name))
_COMPOUND = (_sre.SUBPATTERN, _sre.BRANCH, *_REPEATS, getattr(_sre, "ATOMIC_GROUP", _sre.SUBPATTERN))
_MAX_SET_RANGE = 256  # (a wider range in a set, as [\u4e00-\u9fff], stands for any character)


def _set_chars(items):
    """The characters a character set (``[...]``) matches (``\\d`` as the digit 0); None for any."""
    chars = set()
    for op, arg in items:
        if op == _sre.LITERAL:
            chars.add(chr(arg))
        elif op == _sre.RANGE and arg[1] - arg[0] < _MAX_SET_RANGE:
            chars.update(map(chr, range(arg[0], arg[1] + 1)))
        elif op == _sre.CATEGORY and arg == _sre.CATEGORY_DIGIT:
            chars.add("0")  # (a digit, Han or not, goes to extend_right: see names_nothing_after)
        else:
            return ANY  # (a negated set, [^...], a wide range or another class: nearly any character)
    return chars


def _merge(table, key, chars):
    """Add ``chars`` (a set or ANY) to ``table[key]``."""
    if key in table and table[key] is ANY or chars is ANY:
        table[key] = ANY
    else:
        table.setdefault(key, set()).update(chars)


def _then(constraint, firsts):
    """The characters after a first one held to ``constraint`` (a look-ahead's, or ANY) and opening ``firsts``."""
    return firsts if constraint is ANY else constraint if firsts is ANY else constraint & firsts


def _width(items, start, end):
    """The most characters the items [start, end) of the parsed ``items`` can match together."""
    return _sre.SubPattern(items.state, items.data[start:end]).getwidth()[1] if end > start else 0


def _needs_section_word(items, reach):
    """True when every match of ``items`` holds 段 or 境内 (extents.SECTION_WORDS) ending within ``reach``
    characters of its start: a match no text without such a word ahead (extents.section_word_ahead) has."""
    data = items.data
    for index, (op, arg) in enumerate(data):
        if op is _sre.LITERAL and arg in _SECTION_WORD_ITEMS:
            before = _width(items, 0, index)
            if any(before + len(word) <= reach and data[index:index + len(word)] == word for word in _SECTION_WORD_ITEMS[arg]):
                return True
        elif op is _sre.SUBPATTERN or op is _sre.BRANCH:
            before = _width(items, 0, index)
            if before >= reach:
                return False
            if op is _sre.SUBPATTERN and _needs_section_word(arg[-1], reach - before) \
                    or op is _sre.BRANCH and all(_needs_section_word(branch, reach - before) for branch in arg[1]):
                return True
    return False


# extents.SECTION_WORDS as parsed items, by the code of their first character
_SECTION_WORD_ITEMS = {}
for _word in extents.SECTION_WORDS:
    _SECTION_WORD_ITEMS.setdefault(ord(_word[0]), []).append([(_sre.LITERAL, ord(char)) for char in _word])


def _item_openers(op, arg, reach, whole=True):
    """(singles, pairs, may be empty, firsts) of one item of a parse (see :func:`_sequence_openers`)."""
    if op == _sre.LITERAL:
        return {chr(arg): ANY}, {}, False, {chr(arg)}
    if op in (_sre.IN, _sre.CATEGORY):
        chars = _set_chars(arg if op == _sre.IN else [(op, arg)])
        return ({ANY: ANY} if chars is ANY else dict.fromkeys(chars, ANY)), {}, False, chars
    if op == _sre.SUBPATTERN:
        return _sequence_openers(arg[-1], reach, whole)
    if op == getattr(_sre, "ATOMIC_GROUP", None):
        return _sequence_openers(arg, reach, whole)
    if op == _sre.BRANCH:
        singles, pairs, empty, firsts = {}, {}, False, set()
        for branch in arg[1]:
            if reach is not ANY and _needs_section_word(branch, reach):
                continue  # (a range reaching 段: the gate leaves any text with one ahead to extend_right)
            singles_, pairs_, empty_, firsts_ = _sequence_openers(branch, reach, whole)
            for key, chars in singles_.items():
                _merge(singles, key, chars)
            for key, chars in pairs_.items():
                _merge(pairs, key, chars)
            empty, firsts = empty or empty_, ANY if firsts is ANY or firsts_ is ANY else firsts | firsts_
        return singles, pairs, empty, firsts
    if op in _REPEATS:
        low, high, body = arg
        if high == 0:
            return {}, {}, True, set()
        singles, pairs, empty, firsts = _sequence_openers(body, reach if high == 1 else ANY, whole)
        if high > 1:  # (two matches of the body, one character each)
            for key, constraint in singles.items():
                _merge(pairs, key, _then(constraint, firsts))
        return singles, pairs, empty or low == 0, firsts
    return {ANY: ANY}, {}, False, ANY  # (., a back reference: any character)


def _sequence_openers(items, reach=ANY, whole=True):
    """What a match of the parsed ``items`` opens with (with ``whole`` False, only whether it may be
    empty and its first characters: no singles nor pairs).

    Returns
    -------
    (dict, dict, bool, set or ANY)
        ``singles``: the characters a match of one character can be, each with the characters a
        look-ahead lets follow it (or ANY); ``pairs``: first characters of longer matches with the
        second characters after each (or ANY); whether a match may be empty; the first characters
        of non-empty matches. A branch that reaches 段 or 境内 within ``reach`` is left out.
    """
    singles, pairs, empty, firsts = {}, {}, True, set()
    counted = 0  # (the items before it whose width ``reach`` was lessened by)
    for index, (op, arg) in enumerate(items.data):
        if op == _sre.ASSERT and arg[0] == 1:
            _, _, body_empty, body_firsts = _sequence_openers(arg[1], ANY, False)
            if not body_empty and body_firsts is not ANY:
                singles = {key: _then(chars, body_firsts) for key, chars in singles.items()}
            continue  # (a look-ahead consumes nothing: it only holds the next character)
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # (an anchor or a look-around (behind, or negative) holds nothing we count on)
        if not empty and (not whole or not singles):
            break  # (what follows a first character with its next one found changes neither)
        if reach is not ANY and op in _COMPOUND:  # (only a branch is ever left out: lessen the reach before one)
            reach, counted = reach - _width(items, counted, index), index
            reach = reach if reach > 0 else ANY  # (no section word fits in what is left)
        singles_, pairs_, empty_, firsts_ = _item_openers(op, arg, reach, whole and empty)
        for key, constraint in singles.items():
            _merge(pairs, key, _then(constraint, firsts_))
        if empty:
            for key, chars in pairs_.items():
                _merge(pairs, key, chars)
            firsts = ANY if firsts is ANY or firsts_ is ANY else firsts | firsts_
        singles = singles if empty_ else {}  # (what matched one character so far, if the item may match none)
        for key, constraint in (singles_.items() if empty else ()):
            _merge(singles, key, constraint)
        empty = empty and empty_
    return singles, pairs, empty, firsts


def pattern_pairs(pattern, reach=ANY):
    """The Han characters a non-empty match of ``pattern`` (a compiled regex) opens with, each with
    the characters that may follow it in the match (ANY when any may, or the match may end there).

    A branch holding 段 or 境内 within ``reach`` characters is left out (see names_nothing_after).

    Raises
    ------
    ValueError
        When any Han character may open a match (a ``.`` or a negated set first).
    """
    if not any(word[0] in pattern.pattern for word in extents.SECTION_WORDS):
        reach = ANY  # (no branch of it can hold one)
    singles, pairs, _, _ = _sequence_openers(_sre.parse(pattern.pattern, pattern.flags), reach)
    for key, constraint in singles.items():
        _merge(pairs, key, constraint)
    if ANY in pairs:
        raise ValueError(f"any character may open {pattern.pattern[:40]!r}")
    folded = pattern.flags & _sre.SRE_FLAG_IGNORECASE  # (a letter after the first may be of either case)
    return {char: ANY if after is ANY or "0" in after or folded else after for char, after in pairs.items()
            if HAN_FIRST <= char <= HAN_LAST}


def pattern_openers(pattern):
    """The Han characters a non-empty match of ``pattern`` (a compiled regex) can open with (see pattern_pairs)."""
    return frozenset(pattern_pairs(pattern))


def openers(words=(), patterns=(), reach=ANY):
    """What opens a word of the lists ``words`` or a match of ``patterns`` in Han text.

    Parameters
    ----------
    words : iterable of iterables of str
        Word lists (tuples, sets or the ``words`` of a :class:`geo.word_index.WordIndex`).
    patterns : iterable of re.Pattern
    reach : int or ANY
        Branches of the patterns that hold 段 or 境内 within so many characters are left out.

    Returns
    -------
    (frozenset of str, frozenset of str, frozenset of str)
        The Han characters that open a word of one character or a match any character may follow;
        the first two characters of the other matches and of the words of two; the first three of
        longer words (each, only when what it opens with is in none of the sets before): no word or
        match starts at a position where the character, the pair and the three characters there
        are in none of them.
    """
    chars, pairs, triples = set(), set(), set()
    for words_ in words:
        for word in words_:
            if word and HAN_FIRST <= word[0] <= HAN_LAST:
                if len(word) > 2:
                    triples.add(word[:3])
                else:
                    (pairs if len(word) == 2 else chars).add(word)
    for pattern in patterns:
        for char, after in pattern_pairs(pattern, reach).items():
            if after is ANY:
                chars.add(char)
            else:
                pairs.update(char + next_ for next_ in after)
    pairs = {pair for pair in pairs if pair[0] not in chars}
    return frozenset(chars), frozenset(pairs), frozenset(
        triple for triple in triples if triple[0] not in chars and triple[:2] not in pairs)


def _extension_sources():
    """The word lists and patterns extend_right and right_ok look for right after a head: a break, a
    count, 等, 对…进行, 流域, listed uses, what a place has, a follower, an action, an adverb or a time
    before works, a context verb (right_ok); a side word, an area's tail, a house or lane number, a
    direction, a section, a counted part, a plan or tally word, works followers (extend_right)."""
    return ((HARD_BREAKS, (extents.LIST_END, extents.BASIN), EXISTING_WORDS, extents._FOLLOWER_INDEX.words,
             ACTION_INDEX.words, FILLER_INDEX.words, CONTEXT_VERBS, extents._SIDE_INDEX.words,
             extents._AREA_TAIL_INDEX.words, extents._COUNTED_PART_INDEX.words, PLAN_WORDS,
             TALLY_WORDS, COUNT_AFTER_WORDS, extents._WORKS_FOLLOWER_INDEX.words),
            (COUNT_RE, extents._PART_WORKED_ON, name_tails._USES_LISTED, WORKS_TIME_RE, STANDARD_BEFORE_WORKS_RE,
             extents._HOUSE_NUMBER, extents._LANE_NUMBER, SECTION_RE, ALIAS_RE, extents._FACILITY_ALIAS_RE,
             PLACE_SECTION_RE, extents._DIRECTED_END))


def _openers_of_sources():
    """(what opens an extension after any head, what opens a direction after a road's name: see
    extents._DIRECTED_END, tried on a name of geo.lexicon.DIRECTED_ROAD_HEADS only), each as :func:`openers` gives."""
    words, patterns = _extension_sources()
    directed = extents._DIRECTED_END
    return (openers(words, [pattern for pattern in patterns if pattern is not directed], extents.SECTION_WORD_REACH),
            openers(patterns=[directed]))


def _water_works_sources():
    """The word lists of a flood defence or a kind before works after a river's name."""
    return extents._WATER_STRUCTURE_INDEX.words, name_tails._GENERIC_INDEX.words


def _all_openers():
    """(EXTENSION_OPENERS, DIRECTED_OPENERS, WATER_WORKS_OPENERS), worked out from the sources."""
    return (*_openers_of_sources(), openers(words=_water_works_sources()))


def _gate_sources():
    """What the gate's sets derive from, as strings: each word list sorted, each pattern's string
    and flags, the reach of a section word and this module's source (see regex_programs.derived)."""
    words, patterns = _extension_sources()
    yield from ("\n".join(sorted(words_)) for words_ in (*words, *_water_works_sources()))
    yield from (f"{pattern.flags}:{pattern.pattern}" for pattern in patterns)
    yield f"{extents.SECTION_WORDS}{extents.SECTION_WORD_REACH}"
    with open(__file__, encoding="utf-8") as handle:
        yield handle.read()


def _are_openers(value):
    """True when ``value`` has the shape of :func:`_all_openers`' (three triples of sets of strings)."""
    return (type(value) is tuple and len(value) == 3
            and all(type(sets) is tuple and len(sets) == 3 for sets in value)
            and all(type(chars) is frozenset and all(type(char) is str for char in chars) for sets in value for chars in sets))


# (characters, pairs, triples) at which extend_right can find anything after any head (see :func:`openers`),
# and a direction after a road's name (青山路东、白石路西); and at which it can find more after a river's
# name: a flood defence (防洪工程) or words of a kind before works (综合治理工程; see
# extents._water_structure_end and _classed_works_follow). Kept between runs (see regex_programs.derived).
EXTENSION_OPENERS, DIRECTED_OPENERS, WATER_WORKS_OPENERS = regex_programs.derived(
    "extension-gate", _gate_sources(), _all_openers, _are_openers)


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
    chars, pairs, triples = EXTENSION_OPENERS
    pair = norm[head_end:head_end + 2]
    if char in chars or pair in pairs or norm[head_end:head_end + 3] in triples:
        return False
    if category == "water" and kind == "name" or category in CLASSED_WORKS_CATEGORIES and kind in ("name", "facility"):
        chars, pairs, triples = WATER_WORKS_OPENERS
        if char in chars or pair in pairs or norm[head_end:head_end + 3] in triples:
            return False
    head = norm[head_start:head_end]
    if category == "road" and kind == "name" and head in DIRECTED_ROAD_HEADS and char in DIRECTED_OPENERS[0]:
        return False  # (青山路东、白石路西: a direction may end a road's name)
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
        if head_words.counted_before(norm, mention) and head_words.part_then_works(norm, head_end, clause_end):
            return False
    return True
