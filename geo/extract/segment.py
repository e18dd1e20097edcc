"""Cleaning of the normalised text, then its sentences and clauses."""

from __future__ import annotations

import re

# Pinyin or a syllable inserted in brackets after a character by some web pages (環(huán)境, 區(qū)).
_INSERTED_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}\)")
# Spaces around a number inside Chinese text (新建 4 所幼儿园, 1 月 14 日).
_SPACED_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff\d]) +(?=\d)|(?<=\d) +(?=[\u4e00-\u9fff])")


def clean(norm, origin):
    """Drop what web pages insert into report text: bracketed pinyin and spaces around numbers.

    Returns (text, origin) with the dropped characters removed from both, so offsets still
    point into the original text.
    """
    spans = [m.span() for m in _INSERTED_PINYIN.finditer(norm)] + [m.span() for m in _SPACED_NUMBER.finditer(norm)]
    if not spans:
        return norm, origin
    drop = set()
    for start, end in spans:
        drop.update(range(start, end))
    keep = [i for i in range(len(norm)) if i not in drop]
    return "".join(norm[i] for i in keep), [origin[i] for i in keep]



def sentences(norm):
    """Spans of sentences: split on 。 ! ? ; and newlines (normalised forms of 。！？；)."""
    start = 0
    for match in re.finditer(r"[。!?;\n]", norm):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(norm):
        yield start, len(norm)


def clauses(norm, start, end):
    """Spans of clauses of one sentence: split on commas and colons."""
    pos = start
    for match in re.finditer(r"[,:]", norm[start:end]):
        cut = start + match.start()
        if cut > pos:
            yield pos, cut
        pos = cut + 1
    if pos < end:
        yield pos, end
