"""Cleaning of the normalised text, then its sentences and clauses."""

from __future__ import annotations

import itertools
import re

from geo.names import INSERTED_PINYIN

# An alternative verb character in brackets inside a works verb (开(竣)工, 新(改)建, 改(扩)建), or
# an alternative township word (乡(镇), 镇(街道)): the text reads as written without it.
# (The patterns open with the character they must match, look-behinds after it: see geo.names.)
_ALTERNATIVE_VERB = re.compile(r"\((?:(?<=[新改扩开竣续迁]\()[新改扩开竣续迁]\)(?=[建工])"
                               r"|(?<=[乡镇]\()(?:镇|乡|街道|街)\)"  # 乡(镇)中心幼儿园: one township
                               r"|(?<=[油硬]\()[油硬]\)(?=化))")  # 油(硬)化通村公路: one surfacing
# A road code written in lower case (g65包茂高速, s202): read as G65, S202.
_LOWER_CODE = re.compile(r"[gsxy](?<![A-Za-z0-9./:_@-][gsxy])(?=\d{1,4}[\u4e00-\u9fff])")
# Spaces around a number inside Chinese text (新建 4 所幼儿园, 1 月 14 日).
_SPACED_NUMBER = re.compile(r" (?:(?<=[\u4e00-\u9fff\d] ) *(?=\d)|(?<=\d ) *(?=[\u4e00-\u9fff]))")


# Characters set with a space between them (letter-spaced titles and table cells of PDFs and
# yearbooks: 沪 松 公 路, 佘 山 北 基 地): single spaces between Han characters.
_HAN_SPACE = re.compile(r" (?<=[\u4e00-\u9fff] )(?=[\u4e00-\u9fff])")


def _letter_spaces(norm):
    """Spans of the single spaces between Han characters where one side is a lone character.

    沪 松 公 路 and 嘉 松公路 are one word set apart; 经六路 经八路 (no lone character) are two.
    """
    return [(pos, pos + 1) for pos in (match.start() for match in _HAN_SPACE.finditer(norm))
            if not (_is_han(norm, pos - 2) and _is_han(norm, pos + 2))]


def _is_han(norm, pos):
    return 0 <= pos < len(norm) and "\u4e00" <= norm[pos] <= "\u9fff"


def clean(norm, origin):
    """Drop what web pages insert into report text: bracketed pinyin, spaces around numbers, the
    spaces of letter-spaced words, and alternative verb characters in brackets (开(竣)工);
    road codes in lower case are read in upper case (g65).

    Returns (text, origin) with the dropped characters removed from both, so offsets still
    point into the original text.
    """
    norm = _LOWER_CODE.sub(lambda m: m.group().upper(), norm)  # g65, s202: same length, offsets kept
    norm, origin = _dropped(norm, origin, [m.span() for m in INSERTED_PINYIN.finditer(norm)]
                            + [m.span() for m in _SPACED_NUMBER.finditer(norm)] + _letter_spaces(norm))
    # Alternative characters are looked for once the pinyin is gone: 乡(xiāng)(镇(zhèn)) is 乡(镇).
    return _dropped(norm, origin, [m.span() for m in _ALTERNATIVE_VERB.finditer(norm)])


def _dropped(norm, origin, spans):
    """``norm`` and ``origin`` without the characters of ``spans``."""
    if not spans:
        return norm, origin
    text, kept, done = [], [], 0
    for start, end in sorted(spans):
        if start > done:
            text.append(norm[done:start])
            kept.append(origin[done:start])
        done = max(done, end)
    text.append(norm[done:])
    kept.append(origin[done:])
    return "".join(text), list(itertools.chain.from_iterable(kept))


_SENTENCE_END = re.compile(r"[。!?;\n]")
_CLAUSE_END = re.compile(r"[,:]")


def sentences(norm):
    """Spans of sentences: split on 。 ! ? ; and newlines (normalised forms of 。！？；)."""
    start = 0
    for match in _SENTENCE_END.finditer(norm):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(norm):
        yield start, len(norm)


def clauses(norm, start, end):
    """Spans of clauses of one sentence: split on commas and colons."""
    pos = start
    for match in _CLAUSE_END.finditer(norm, start, end):
        cut = match.start()
        if cut > pos:
            yield pos, cut
        pos = cut + 1
    if pos < end:
        yield pos, end
