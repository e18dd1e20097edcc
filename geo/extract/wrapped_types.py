"""A space a table's cell or a PDF's line left inside a name, before the place type it ends with.

A cell too narrow for its name wraps it, and the wrap reads as a space (``| 白石县 示范幼儿园 |``,
``3.青山花园小区 配套幼儿园 |``, ``新建二中教学 综合楼``); so does a line of a PDF wrapped
mid-name (``包括白石镇示范 幼儿园和…``). The words after such a space are a bare place type
(generic words and a head: 示范幼儿园, 配套幼儿园, 综合楼), which names nothing alone: the name
goes on over the space. :func:`wrapped_type_spaces` gives those spaces for
:func:`geo.extract.segment.clean` to drop (offsets into the original text are kept).
"""

from __future__ import annotations

import re

from geo.lexicon import heads
from geo.lexicon_lookups import is_generic

# A single space between two runs of at least two Han characters (a space beside a lone character
# is a letter-spaced word's: see geo.extract.segment._letter_spaces).
_SPACE = re.compile(r" (?<=[\u4e00-\u9fff]{2} )(?=[\u4e00-\u9fff]{2})")
_RUN_AFTER = re.compile(r"[\u4e00-\u9fff]{2,12}")
_RUN_BEFORE_REACH = 12  # characters looked back over for the words before the space
# What may follow the type inside the run after the space (…示范 幼儿园和蒙授幼儿园: a list goes on).
_LIST_WORDS = frozenset("和及与等")
# Last characters of the words before the space that end a phrase, not a name (操场和 篮球场).
_PHRASE_ENDS = frozenset("和及与或的在对把将为")
# Categories of heads that are no place type of their own (项目: works of any kind).
_NO_PLACE = (None, "members")
# Heads whose category comes from the words before them (楼, 中心): a type only with a generic
# word before them (综合楼), never alone (保山 中心 城区: keywords).
_STEM_CATEGORY = "stem"
_HEADS = {head: row[0] for head, row in heads().items() if row[0] not in _NO_PLACE}
_HEAD_MAXLEN = max(map(len, _HEADS))


def wrapped_type_spaces(norm):
    """Spans of the spaces inside a name set before its bare place type (see the module's doc).

    The words after the space are a bare type ending their run (or followed by 和, 及, 与, 等); the
    words before it end no phrase, and when the type has no generic word (幼儿园 alone) they end
    in no place type of their own (经开区 高新区: two places). Words set apart by spaces in a row
    (keywords, tags, menus: 保山 中心 城区, 新建 幼儿园 改造 老旧小区) are no wrapped name.
    """
    if " " not in norm:
        return []
    spans = []
    for match in _SPACE.finditer(norm):
        pos = match.start()
        run = _RUN_AFTER.match(norm, pos + 1)
        if norm[pos - 1] in _PHRASE_ENDS or _in_word_row(norm, pos, run.end()):
            continue
        with_generic = _bare_type(run.group())
        if with_generic is None or not with_generic and _ends_in_type(norm, pos):
            continue
        spans.append((pos, pos + 1))
    return spans


def _bare_type(run):
    """True when ``run`` opens with generic words and a place head (the type ending the run or
    followed by a list word), False when with a place head alone, None when with no bare type."""
    for end in range(len(run), 1, -1):
        if end < len(run) and run[end] not in _LIST_WORDS:
            continue
        for start in range(max(0, end - _HEAD_MAXLEN), end):
            category = _HEADS.get(run[start:end])
            if category is None or not is_generic(run[:start]):
                continue
            if start == 0 and category == _STEM_CATEGORY:
                return None
            return start > 0
    return None


def _ends_in_type(norm, pos):
    """True when a place head ends right before ``pos``."""
    return any(norm[max(0, pos - size):pos] in _HEADS for size in range(1, _HEAD_MAXLEN + 1))


def _in_word_row(norm, pos, end):
    """True when the words around the space at ``pos`` (the run after it ending at ``end``) stand in a
    row of words set apart by spaces: a space before the words before it, or one after the run, with
    a Han character beyond it."""
    start = pos
    while start > max(0, pos - _RUN_BEFORE_REACH) and "\u4e00" <= norm[start - 1] <= "\u9fff":
        start -= 1
    before_row = start >= 2 and norm[start - 1] == " " and "\u4e00" <= norm[start - 2] <= "\u9fff"
    after_row = norm.startswith(" ", end) and end + 1 < len(norm) and "\u4e00" <= norm[end + 1] <= "\u9fff"
    return before_row or after_row
