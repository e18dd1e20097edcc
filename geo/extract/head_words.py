"""Words around a mention's head: the head a text opens or ends with, the noun, device, building, network or part
that follows it, and a count that opens its noun phrase."""

from __future__ import annotations

import re

from geo.lexicon import DEVICE_NOUNS, NETWORK_HEADS, SIZE_UNITS, heads
from geo.lexicon_lookups import ACTION_INDEX, FILLER_INDEX, GENERIC_SORTED, STOPS, match_any, unit_fits, word_index
from geo.numbers import parse_number
from geo.settings import COUNT_DESCRIPTION_MAX_CHARS, DEVICE_WORD, MAX_COUNTED_STEM, MAX_PART
from geo.extract.patterns import HARD_BREAKS, NUMBER_CHAR_RE, counts_in

_NETWORK_INDEX = word_index(NETWORK_HEADS)
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def share_of_count_before(norm, mention, count):
    """True when a count of the type's noun phrase opens it and ``count``, said after its works, is
    smaller (123个建设项目开工97个, 城乡20件惠民实事开工17个): the works reached a share of the
    whole, and the whole is the group."""
    lo = (mention.head_start - MAX_COUNTED_STEM if mention.head_start > MAX_COUNTED_STEM else 0)
    return any(match.end() == mention.stem_start or _HAN_RUN.fullmatch(norm, match.end(), mention.head_start)
               for match in counts_in(norm, lo, mention.head_start)
               if (parse_number(match.group("num")) or 0) > count.value)


def count_ends_at(norm, pos):
    """True when a count (五件, 5条) ends right at ``pos``."""
    lo = (pos - MAX_COUNTED_STEM if pos > MAX_COUNTED_STEM else 0)
    return NUMBER_CHAR_RE.search(norm, lo, pos) is not None \
        and any(match.end() == pos for match in counts_in(norm, lo, pos))


def counted_before(norm, mention):
    """True when a count of the head's unit (not a size) opens its noun phrase (43个村卫生室)."""
    lo = (mention.head_start - MAX_COUNTED_STEM if mention.head_start > MAX_COUNTED_STEM else 0)
    if not NUMBER_CHAR_RE.search(norm, lo, mention.head_start):
        return False
    return any(unit_fits(match.group("unit"), mention.category, mention.head) and match.group("unit") not in SIZE_UNITS
               and (match.end() == mention.head_start or _HAN_RUN.fullmatch(norm, match.end(), mention.head_start))
               for match in counts_in(norm, lo, mention.head_start))


def part_then_works(norm, pos, clause_end):
    """True when a short noun that is no place (a part: 网络, 食堂, 变压器) and then works follow
    ``pos`` (五座渭河大桥建设: 大桥 is a place, the phrase one longer name)."""
    if FILLER_INDEX.at(norm, pos) or match_any(norm, pos, STOPS):
        return False  # 104个社区全部完成“两委”规范化建设: an adverb or a verb, no part
    table = heads()
    for end in range(pos + 1, (pos + MAX_PART if pos + MAX_PART < clause_end else clause_end) + 1):
        filler = FILLER_INDEX.at(norm, end)
        if ACTION_INDEX.at(norm, end) or filler and filler not in ("的", "等"):
            part = norm[pos:end]
            return _HAN_RUN.fullmatch(part) is not None and "的" not in part \
                and not any(part[i:] in table for i in range(len(part)))
    return False


def network_follows(norm, pos, clause_end):
    """True when a network head (管网, 排水系统) follows ``pos``, after generic words only (排水, 雨污)."""
    for _ in range(3):
        if _NETWORK_INDEX.at(norm, pos):
            return True
        word = match_any(norm, pos, GENERIC_SORTED)
        if not word or pos + len(word) >= clause_end:
            return False
        pos += len(word)
    return False


def device_follows(norm, pos, clause_end):
    """True when a word of at most ``DEVICE_WORD`` Han characters ending in a device noun opens at
    ``pos`` (196个小区|4507套路灯进行…: the count counts the lamps set up at the places)."""
    stop = pos
    while stop < (pos + DEVICE_WORD if pos + DEVICE_WORD < clause_end else clause_end) and "\u4e00" <= norm[stop] <= "\u9fff":
        stop += 1
    return any(norm[pos:end].endswith(DEVICE_NOUNS) for end in range(pos + 1, stop + 1))


def noun_follows(norm, pos, clause_end):
    """True when a word ending in a head of two or more characters opens at ``pos`` (内河黑臭水体),
    or a description does that ends in 的 before it (两个建设年代相对较久的小区)."""
    table = heads()
    reach = 10
    for n in range(1, min(clause_end - pos, COUNT_DESCRIPTION_MAX_CHARS) + 1):
        if n > reach or norm[pos + n - 1] in HARD_BREAKS:
            return False
        if norm[pos + n - 1] == "的":
            reach = n + 6
        if any(norm[pos + n - k:pos + n] in table and table[norm[pos + n - k:pos + n]][1] not in ("skip", "none")
               for k in range(2, n + 1)):
            return True
    return False


def head_ending(text):
    """The longest head that ends ``text`` (None if none)."""
    table = heads()
    return next((text[-n:] for n in range(min(6, len(text)), 0, -1) if text[-n:] in table), None)


def building_after(norm, pos):
    """True when a building's head (业务楼, 教学楼, 综合楼) opens at ``pos``."""
    table = heads()
    return any(norm[pos + n - 1:pos + n] == "楼" and norm[pos:pos + n] in table for n in range(2, 5))


def starts_with_head(text):
    """True when ``text`` opens with a head of two or more characters (铁路北安段)."""
    table = heads()
    return any(text[:n] in table and table[text[:n]][1] not in ("skip", "none")
               for n in range(2, min(len(text), 6) + 1))


def is_place(text):
    """True when ``text`` is a place named by an area head (开发区, 高新区: 滨海路开发区段)."""
    table = heads()
    return any(text.endswith(h) and table[h][0] == "area" for h in (text[-n:] for n in range(2, len(text) + 1))
               if h in table)
