"""Words right after a place's name that are not its own: works of a kind, a firm's name, the uses of its building."""

from __future__ import annotations

import re

from geo.lexicon import BUILDING_USES, FIRMS, FIRM_WORDS, GENERIC_REACHES, WORKS_NOUNS, heads
from geo.lexicon_lookups import ACTION_INDEX, GENERIC_SORTED, word_index
from geo.settings import CLASSED_WORKS_MAX_MODIFIERS

_GENERIC_INDEX = word_index(GENERIC_SORTED)
_FIRM_INDEX = word_index(FIRMS)
_FIRM_WORD_INDEX = word_index(FIRM_WORDS)
_GENERIC_REACH_INDEX = word_index(GENERIC_REACHES)
# The uses of a building listed after a place's name (门诊、住院综合楼): the place ends before them.
_USE = "(?:" + "|".join(map(re.escape, BUILDING_USES)) + ")"
_USES_LISTED = re.compile(_USE + "(?:[、和及与]" + _USE + ")+")  # (门诊、住院, 教学和宿舍)


def head_length_at(norm, pos):
    """Length of the longest head of two or more characters opening at ``pos`` (0 if none)."""
    table = heads()
    return max((n for n in range(2, 7) if norm[pos:pos + n] in table and table[norm[pos:pos + n]][1] not in ("skip", "none")),
               default=0)


def kind_word_at(norm, pos):
    """The word of a kind (综合, 生态, 文化: a generic modifier) opening at ``pos``, None when there is
    none or a head opens there (a word of a kind is no place's type)."""
    word = _GENERIC_INDEX.at(norm, pos)
    if word is None or head_length_at(norm, pos) or norm[pos] in heads():
        return None
    return word


def classed_works_to(norm, pos, end):
    """True when ``norm[pos:end]`` is works of a kind alone: one to CLASSED_WORKS_MAX_MODIFIERS words
    of a kind (no head among them), an action, and 工程 or 项目 (综合提升改造项目, 文化生态综合治理工程;
    not 综合整治项目, whose action alone the read labels take into a river's name as often as not)."""
    if ACTION_INDEX.at(norm, pos):
        return False
    for _ in range(CLASSED_WORKS_MAX_MODIFIERS + 1):
        action = ACTION_INDEX.at(norm, pos)
        if action and pos + len(action) < end and norm.startswith(WORKS_NOUNS, pos + len(action)) \
                and pos + len(action) + 2 == end:
            return True
        word = kind_word_at(norm, pos)
        if word is None or pos + len(word) >= end:
            return False
        pos += len(word)
    return False


def names_a_firm(norm, pos, end):
    """True when the works words after ``pos`` (and words of firms' names: 投资, 发展) run into the
    end of a firm's name (公司, 集团): 青山新区开发建设集团, 白石区城市建设投资公司."""
    after = pos
    for _ in range(4):
        word = ACTION_INDEX.at(norm, after) or _FIRM_WORD_INDEX.at(norm, after)
        if not word or after + len(word) > end:
            break
        after += len(word)
    return after > pos and _FIRM_INDEX.at(norm, after) is not None


def uses_listed(norm, pos, end):
    """True when the uses of a building are listed at ``pos`` (门诊、住院…, 教学和宿舍…): what they are
    the uses of ends right before them, whatever building they go on to."""
    return _USES_LISTED.match(norm, pos, end) is not None


def generic_reach_at(norm, pos):
    """True when a reach that names no place (重点河段, 上游河段) opens at ``pos``: a river's name
    ends before it (惠济河|重点河段治理), as no section of it."""
    return bool(_GENERIC_REACH_INDEX.at(norm, pos))
