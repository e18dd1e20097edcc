"""Cleaning of the normalised text, then its sentences and clauses."""

from __future__ import annotations

import bisect
import collections
import itertools
import re

from geo.names import INSERTED_PINYIN
from geo.extract.patterns import (WRAP_MIN_LINES, WRAP_MIN_SHARE, WRAP_MIN_UNENDED, WRAP_MIN_WIDTH, WRAP_OVER,
                                  WRAP_SLACK)

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


def clean(norm, origin, breaks=()):
    """Drop what web pages insert into report text: bracketed pinyin, spaces around numbers, the
    spaces of letter-spaced words, and alternative verb characters in brackets (开(竣)工);
    road codes in lower case are read in upper case (g65). ``breaks`` are spans of the original
    text that only wrap a line (see :func:`wrapped_line_breaks`): dropped too, so that the
    sentence goes on.

    Returns (text, origin) with the dropped characters removed from both, so offsets still
    point into the original text.
    """
    norm = _LOWER_CODE.sub(lambda m: m.group().upper(), norm)  # g65, s202: same length, offsets kept
    wraps = [(bisect.bisect_left(origin, s), bisect.bisect_left(origin, e)) for s, e in breaks]
    norm, origin = _dropped(norm, origin, [m.span() for m in INSERTED_PINYIN.finditer(norm)]
                            + [m.span() for m in _SPACED_NUMBER.finditer(norm)] + _letter_spaces(norm) + wraps)
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


def wrapped_line_breaks(text):
    """The line breaks of ``text`` that only wrap a paragraph, as spans to drop.

    Text copied from a PDF or a scanned yearbook is cut into lines of one width, mid-sentence
    (县域经济社会 / 发展受到巨大冲击), and a sentence never goes on over a line end. A break
    wraps a line when the text has a wrap width (see ``WRAP_*`` in
    :mod:`geo.extract.patterns`: many distinct lines of about one width that mostly end in no
    sentence mark), the line before it has that width and ends in no sentence mark, and the
    line after it goes on (it is not empty and opens no item or heading). A page's foot and the
    next page's head between them (blank lines, a page number) are dropped with the break.

    Parameters
    ----------
    text : str
        The report text as read.

    Returns
    -------
    list of (int, int)
        Sorted spans of ``text``: each break with the spaces around it (the indentation of the
        next line included, and a page number between the two lines). Empty for text whose lines are paragraphs.
    """
    lines = text.split("\n")
    widths = [_width(line.strip()) for line in lines]
    band = _wrap_band(lines, widths)
    if band is None:
        return []
    low, high = band
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    spans = []
    for i, line in enumerate(lines[:-1]):
        if not low <= widths[i] <= high or _SENTENCE_ENDED.search(line):
            continue
        following = _following_line(lines, i + 1)
        if following is not None and _goes_on(lines[following]) and not _ends_item(line, lines[following]):
            indent = len(lines[following]) - len(lines[following].lstrip())
            spans.append((starts[i] + len(line.rstrip()), starts[following] + indent))
    return spans


def _following_line(lines, index):
    """The index of the line a wrapped line goes on with: ``index``, or the first line after a
    page's foot and the next page's head (blank lines and a page number: ``- 3 -``, 第3页)
    when the text goes on there; None past the end."""
    skipped = index
    while skipped < len(lines) and skipped - index <= _MAX_PAGE_BREAK_LINES and \
            (not lines[skipped].strip() or _PAGE_NUMBER.fullmatch(lines[skipped])):
        skipped += 1
    if skipped < len(lines) and any(_PAGE_NUMBER.fullmatch(line) for line in lines[index:skipped]):
        return skipped
    return index if index < len(lines) else None


def _width(line):
    """Display width of a line: 2 for a Han character or full-width mark (3 bytes in UTF-8), 1 for ASCII."""
    return (len(line) + len(line.encode("utf-8", "surrogatepass"))) // 2


def _wrap_band(lines, widths):
    """(lowest, highest) width of the wrapped lines of a text, or None when its lines are not wrapped."""
    wide = {line.strip(): width for line, width in zip(lines, widths) if width >= WRAP_MIN_WIDTH}
    if len(wide) < WRAP_MIN_LINES:
        return None
    counts = collections.Counter(wide.values())
    near = lambda w: sum(counts[x] for x in range(w - WRAP_SLACK, w + WRAP_OVER + 1))  # noqa: E731
    best = max(sorted(counts), key=near)
    band = (best - WRAP_SLACK, best + WRAP_OVER)
    members = [line for line, width in wide.items() if band[0] <= width <= band[1]]
    unended = sum(1 for line in members if not _SENTENCE_ENDED.search(line))
    if len(members) < max(WRAP_MIN_LINES, WRAP_MIN_SHARE * len(wide)) or unended < WRAP_MIN_UNENDED * len(members):
        return None
    return band


# A line that ends a sentence (or a title cut short with ...): a sentence mark, then any closing
# quotes or brackets.
_SENTENCE_ENDED = re.compile(r"(?:[。！？；：!?;:…]|\.{3})[”’\"'）)」』】〕]*\s*$")
# A line that opens something of its own: an item (一、 (二) 3. ●), a chapter, a page number.
_OPENS_ITEM = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[、.．](?!\d)"
                         r"|第[一二三四五六七八九十百\d]+[章节篇部条]|[●■◆◇★☆▲△•·◎○□※▶►\-—–*#]|(?i:page)\s*\d)")
# A line that holds only a page number (- 3 -, — 12 —, 第3页, 3/40, Page 5).
_PAGE_NUMBER = re.compile(r"\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第?\s*\d{1,4}\s*页|\d{1,4}\s*/\s*\d{1,4}"
                          r"|(?i:page)\s*\d{1,4}|\d{1,4})\s*")
_MAX_PAGE_BREAK_LINES = 6


def _ends_item(line, following):
    """True when ``line`` ends with a count or a share and ``following`` opens with a Han
    character: an item of a list written a line each (改造老旧小区437个 / 黄河湾步行街入选...),
    where a wrapped sentence would go on with a mark (437个 / ，...) or a unit (4500 / 个)."""
    return _COUNT_END.search(line) is not None and _HAN_FIRST.match(following) is not None


_COUNT_END = re.compile(r"\d(?:[%％]|[个项条所座家处户套栋间台万亿元]+)\s*$")
_HAN_FIRST = re.compile(r"\s*[\u4e00-\u9fff]")


def _goes_on(line):
    """True when ``line`` can go on with the sentence of the line before it."""
    return bool(line.strip()) and _OPENS_ITEM.match(line) is None


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
