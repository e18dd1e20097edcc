"""Heads found with their stems that name no such place where they stand.

A head that is a common word too (变: 青山变 is a substation, 蝶变 a change) names a place only with a
cue of its kind; a one-character head ending a list closed by a count of townships (扎下、龙庙3个
乡镇) ends a township's name. Both the rules (:mod:`geo.extract.mentions`) and the tagger's rules
(:mod:`geo.extract.added_names`) ask :func:`head_holds`.
"""

from __future__ import annotations

import re

from geo.lexicon import CUED_HEADS, CUED_WORDS, TOWNSHIP_TYPES, heads
from geo.lexicon_lookups import DIRECTIONS
from geo.extract.patterns import CODE_RE, COUNT_RE, VOLTAGE_UNIT


def cued(norm, mention, lo, clause_end):
    """True unless the head is also a common word (变, see CUED_HEADS) and nothing cues the place:
    a voltage in its name (110千伏青山变), another one listed with it (青山变、白石变) or a project
    after it (白石变等项目); the word must end there (变成, 变身, 变电站 go on; a head in 工程 ends itself).
    The head a voltage cues may be a line's (青山—白石1000千伏交流工程; 文化交流工程 is none).
    A road's head (绕城) is cued only by the road's code or a direction opening its stem (S104青山绕城, 东绕城):
    森林绕城 is a slogan's picture, whatever follows it."""
    head = mention.head
    if head not in CUED_HEADS:
        return True
    if not (head.endswith("工程") or _CUED_END.match(norm, mention.end)) or _ends_common_word(norm, mention):
        return False  # (企业裂变项目: a spin-off of firms, whatever project follows)
    if heads()[head][0] == "road":
        return _road_cue(norm, mention)
    return (_VOLTAGE.search(norm, max(lo, mention.stem_start - 8), mention.head_start) is not None
            or _LISTED_AFTER_OF[head].match(norm, mention.end, clause_end) is not None
            or _LISTED_BEFORE_OF[head].search(norm[max(lo, mention.stem_start - 8):mention.stem_start]) is not None
            or _PROJECT_AFTER.match(norm, mention.end, clause_end) is not None)


def _road_cue(norm, mention):
    """True when a road code (S104青山绕城) or a direction alone (东绕城) opens the road's stem."""
    start = mention.stem_start
    return CODE_RE.match(norm, start) is not None or (
        mention.head_start - start == 1 and norm[start] in DIRECTIONS)


def _ends_common_word(norm, mention):
    """True when the head ends a common word of CUED_WORDS (裂变, 转变) that lies within the
    mention: the stem's last characters and the head make a word, not a place and its type."""
    return any(norm.startswith(word, mention.end - len(word)) and mention.end - len(word) >= mention.stem_start
               for word in CUED_WORDS)


def head_holds(norm, mention, lo, clause_end):
    """True unless the head, found with its stem, names no such place here: a common word with no
    cue (see :func:`cued`), or the one character a township named for it ends with
    (:func:`_listed_township`)."""
    return cued(norm, mention, lo, clause_end) and not (
        len(mention.head) == 1 and _listed_township(norm, mention, lo, clause_end))


def _listed_township(norm, mention, lo, clause_end):
    """True when the mention ends a list closed by a count of townships (A、B、龙庙3个乡镇纳入…):
    the item is a township named for its one-character head. A facility after the townships
    (3个乡镇卫生院) types the list instead."""
    if mention.stem_start <= lo or norm[mention.stem_start - 1] not in "、和及":
        return False
    count = COUNT_RE.match(norm, mention.end, clause_end)
    township = next((w for w in TOWNSHIP_TYPES if norm.startswith(w, count.end())), None) if count else None
    if township is None:
        return False
    after, table = count.end() + len(township), heads()
    return not any(norm[after:after + n] in table for n in range(1, 7))


_VOLTAGE = re.compile(rf"\d+(?:{VOLTAGE_UNIT})")
_PROJECT_AFTER = re.compile(r"等?(?:\d+个)?(?:项目|工程|站址)")
# Another of a cued head's places listed right after or before it (青山变、|白石变|、红枫变).
_LISTED_AFTER = r"[、和及][\u4e00-\u9fff]{2,4}%s(?=[、和及等,;。项工]|$)"
_LISTED_BEFORE = r"[\u4e00-\u9fff]{2,4}%s[、和及]$"
# Their patterns, compiled once for each cued head (at import: the programs are kept between runs).
_LISTED_AFTER_OF = {head: re.compile(_LISTED_AFTER % re.escape(head)) for head in CUED_HEADS}
_LISTED_BEFORE_OF = {head: re.compile(_LISTED_BEFORE % re.escape(head)) for head in CUED_HEADS}
# Where a cued head's word ends (青山变|、, 青山变|1#主变; not 变|成, 变|身, 变|电站).
_CUED_END = re.compile(r"[、和及等,;:。!?()\s\d#]|项目|工程|站址|投产|$")


def ends_with_head_of(norm, end, category):
    """True when a head of ``category`` ends at ``end`` (红枫路 before 的3条道路; 白石镇 before 的2条干道
    is no road, 白石路 before 的3座桥梁 no bridge)."""
    table = heads()
    return any(table.get(norm[end - n:end], (None,))[0] == category for n in range(1, 5) if end - n >= 0)
