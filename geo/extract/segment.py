"""Sentences and clauses of the normalised text."""

from __future__ import annotations

import re



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
