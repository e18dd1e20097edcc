"""What the cleaning drops beside a count so that the count counts its noun: a short aside in
brackets inside the noun (养殖场(区)20个) and a size beside the count (110公里15条干线公路).

Both give spans of the normalised text for :func:`geo.extract.segment.clean` to drop (offsets into
the original text are kept, so names still read as written).
"""

from __future__ import annotations

import re

from geo.lexicon_lookups import ACTION_INDEX
from geo.settings import ASIDE_COUNT_REACH

# A short aside in brackets inside a counted noun (see counted_noun_asides): after a Chinese
# character; the count after it closing the item, or the count before it opening the noun.
_ASIDE = re.compile(r"\((?<=[\u4e00-\u9fff]\()[\u4e00-\u9fff]{1,4}\)")
_COUNTED_UNITS = "个座所处条家只栋幢间项件"
_COUNT_CLOSING_ITEM = re.compile(rf"\d+[余多]?[{_COUNTED_UNITS}](?=$|[,;。、!?\n])")
_COUNT_OPENING_NOUN = re.compile(rf"(?<![\d.])\d+[余多]?[{_COUNTED_UNITS}][\u4e00-\u9fff]{{1,6}}$")
# What a count holds, said in brackets right after it, before its noun: 179处(含新增2处)入河排污口.
_HOLDING_ASIDE = re.compile(r"\((?:含|其中|包括)[\u4e00-\u9fff\d]{1,8}\)")
_COUNT_ENDING = re.compile(rf"(?<![\d.])\d+[余多]?[{_COUNTED_UNITS}]$")
# A size beside a count (see sizes_beside_counts): after the count's unit and 、, before the
# noun; or before a count in digits and its unit, then the noun. (The two open with 、 or a digit,
# one class; the look-behind of a size's first digit is tested after it.)
_SIZE_UNITS = ("公里", "千米", "平方米", "米")
_SIZE_LEADS = ("约", "近", "共计", "总长", "全长")  # (after 、, before the size)
_SIZE_REST = rf"(?:\.\d+)?万?[余多]?(?:{'|'.join(_SIZE_UNITS)})"
_SIZE = rf"(?<![\d.])\d+{_SIZE_REST}"
_SIZE_BESIDE_COUNT = re.compile(rf"[、\d](?:(?<=、)(?:{'|'.join(_SIZE_LEADS)})?{_SIZE}(?!以[上下]|左右)的?(?=[\u4e00-\u9fff])"
                                rf"|(?<=\d)(?<![\d.]\d)\d*{_SIZE_REST}(?P<after>)(?=\d+[{_COUNTED_UNITS}][\u4e00-\u9fff]))")
# What a match holds before its unit's last character, digits aside: 、, the leads, the marks of
# _SIZE_REST before its unit, and the units' other characters (see _size_starts).
_BEFORE_UNIT_END = frozenset("、.万余多" + "".join(_SIZE_LEADS) + "".join(unit[:-1] for unit in _SIZE_UNITS))
_UNIT_ENDS = "".join(sorted({unit[-1] for unit in _SIZE_UNITS}))
_COUNT_BEFORE_SIZE = re.compile(rf"(?:\d|[一二两三四五六七八九十])[余多]?[{_COUNTED_UNITS}]$")


def counted_noun_asides(norm):
    """Spans of a short aside in brackets inside a counted noun: after the noun, right before its
    count at an item's end (养殖场(区)20个, 食堂(伙房)22个), or within a few characters after the
    count, before the rest of the noun (79个单(联)村供水工程, 4个市级以上(含市级)特色乡村); or
    what a count holds, right after it and before its noun (179处(含新增2处)入河排污口). The
    noun reads on without it, so the count counts it."""
    spans, pos = [], norm.find("(")
    while pos >= 0:
        aside = _ASIDE.match(norm, pos)
        if aside is not None and (_COUNT_CLOSING_ITEM.match(norm, aside.end())
                                  or _COUNT_OPENING_NOUN.search(norm, max(0, pos - ASIDE_COUNT_REACH), pos)
                                  and _noun_goes_on(norm, aside.end())):
            spans.append(aside.span())
        elif (held := _HOLDING_ASIDE.match(norm, pos)) is not None \
                and _COUNT_ENDING.search(norm, max(0, pos - 8), pos) and _noun_goes_on(norm, held.end()):
            spans.append(held.span())  # 179处(含新增2处)入河排污口: what the count holds, its noun after
        pos = norm.find("(", pos + 1)
    return spans


def sizes_beside_counts(norm):
    """Spans of a length or an area written beside a count of the noun after it: set off by 、
    after the count (5条、96公里硬化路) or right before it (110公里15条干线公路, 3.7万平方米11条道路
    工程). The count counts the noun, read on without the size; a class of sizes (18个、1万平方米
    以上) stays, and so does a size after a count with no 、 (3条28.4公里的道路: read as it is).
    """
    return [m.span() for m in _sizes(norm)
            if m.group("after") is not None or _COUNT_BEFORE_SIZE.search(norm, max(0, m.start() - 4), m.start())]


def _sizes(norm):
    """The matches of :data:`_SIZE_BESIDE_COUNT` in ``norm``, as ``finditer`` finds them.

    Each holds a unit, and before the unit's last character (米, 里) only characters of
    :data:`_BEFORE_UNIT_END` and digits: its first character is in the run of those that ends at
    a unit's last character. Only there is the pattern tried, at each 、 and digit, from the end of
    the match before (tried at every 、 and digit of the text, it was 39 M instructions of a 1 MB
    half, a fifth of the cleaning).
    """
    ends = sorted(pos for char in _UNIT_ENDS for pos in _positions(norm, char))
    found, done = [], 0
    for end in ends:
        start = end
        while start > done and (norm[start - 1] in _BEFORE_UNIT_END or norm[start - 1].isdecimal()):
            start -= 1
        for pos in range(start, end):
            if norm[pos] == "、" or norm[pos].isdecimal():
                match = _SIZE_BESIDE_COUNT.match(norm, pos)
                if match is not None:  # (it ends past ``end``: no other match in this run)
                    found.append(match)
                    done = match.end()
                    break
    return found


def _positions(norm, char):
    """Where ``char`` stands in ``norm``."""
    found, pos = [], norm.find(char)
    while pos >= 0:
        found.append(pos)
        pos = norm.find(char, pos + 1)
    return found


def _noun_goes_on(norm, pos):
    """True when a Chinese character at ``pos`` goes on with the noun: no works verb (12条特色街区
    (街巷)建设), 中 or 的 (205个行政村(社区)中: the aside qualifies the whole noun)."""
    return pos < len(norm) and "\u4e00" <= norm[pos] <= "\u9fff" and norm[pos] not in "中的等" \
        and not ACTION_INDEX.at(norm, pos)
