"""A page's printed lines read column by column: gutters found from where its lines start and end."""

from __future__ import annotations

import unicodedata

# Runs whose baselines lie less than this share of the larger font size apart stand on one line.
_SAME_LINE = 0.5
# A gap of at least this many font sizes between two runs of a line may be a gutter (Chinese text
# runs on without gaps, words of Latin letters a quarter of a size apart; a newspaper's gutter is
# one character wide or more).
_GUTTER_GAP = 1.0
# Line starts and ends this many font sizes apart are at one place.
_ALIGNED = 1.0
# A gutter is where at least this many lines (and no fewer than this share of the lines beside it
# or crossing it) leave a gap, the text after it starting at one place, and the text before it
# ending at one place in this share of them (a column of text is filled to its edge; a table's
# cells end where their words end), with at least this many characters on average (a table's
# first column, 序号 and a number, is no column of text).
_MIN_GUTTER_LINES = 3
_MIN_GUTTER_SHARE = 0.6
_FILLED_SHARE = 0.6
_MIN_COLUMN_CHARACTERS = 8
# Half-width characters take about this share of a font size; a space this share.
_NARROW = 0.5
_SPACE = 0.25
# Each place where pieces of lines start is weighed against every piece of the page: a page where
# that takes more checks than this (thousands of places: pieces scattered one by one, a hostile or
# broken producer's) is set in no columns; a page of two or three columns and its tables take a few
# thousand.
_MAX_GUTTER_CHECKS = 1_000_000


class Run:
    """Text drawn at one place: ``x0``, ``x1`` (where it starts and ends: ``end`` when the reader knows
    it, else estimated from its characters), ``y`` (its baseline, higher up the page the larger), ``size``
    (its font size on the page)."""

    __slots__ = ("text", "x0", "x1", "y", "size")

    def __init__(self, text: str, x: float, y: float, size: float, end: float | None = None):
        self.text, self.x0, self.y, self.size = text, x, y, size
        self.x1 = end if end is not None else x + size * sum(
            _SPACE if c == " " else 1.0 if unicodedata.east_asian_width(c) in "WF" else _NARROW for c in text)


def apart(left: Run, right: Run) -> bool:
    """True when ``right`` may stand in another column than ``left``: on another line, or further along
    ``left``'s line than a gutter's width after its end (as :func:`column_text` sets them apart)."""
    size = max(left.size, right.size)
    return abs(right.y - left.y) >= _SAME_LINE * size or right.x0 - left.x1 >= _GUTTER_GAP * size


def column_text(runs: list) -> str | None:
    """The text of a page's ``runs`` read column by column, top to bottom and left to right, when
    its lines are set in columns (two or three, or a body beside a side note); ``None`` when they
    are not (one column, a table: its rows stand at one height and are read as rows).

    Lines running across a gutter (a title over the columns, a paragraph set across the page) are
    read where they stand, the columns above them before them, those below after them.
    """
    lines = _lines([run for run in runs if run.text.strip()])
    gutters = _gutters(lines)
    if not gutters:
        return None
    out, band = [], []
    for line in lines:
        if any(_crosses(segment, gutter) for segment in line for gutter in gutters):
            out += _band_lines(band, gutters)
            out.append(_joined(line))
            band = []
        else:
            band.append(line)
    out += _band_lines(band, gutters)
    return "\n".join(out)


def _lines(runs: list) -> list:
    """The lines of ``runs``, top to bottom: each a list of segments (runs of it set apart by no gutter-wide
    gap, each a list of runs, left to right)."""
    lines, current, y, size = [], [], None, 0.0
    for run in sorted(runs, key=lambda run: (-run.y, run.x0)):
        if current and abs(run.y - y) >= _SAME_LINE * max(size, run.size):
            lines.append(current)
            current = []
        if not current:
            y, size = run.y, run.size
        current.append(run)
        size = max(size, run.size)
    if current:
        lines.append(current)
    segmented = []
    for line in lines:
        line.sort(key=lambda run: run.x0)
        segments = [[line[0]]]
        for run in line[1:]:
            last = segments[-1][-1]
            if run.x0 - last.x1 >= _GUTTER_GAP * max(run.size, last.size):
                segments.append([run])
            else:
                segments[-1].append(run)
        segmented.append(segments)
    return segmented


def _start(segment) -> float:
    return segment[0].x0


def _end(segment) -> float:
    return max(run.x1 for run in segment)


def _size(segment) -> float:
    return max(run.size for run in segment)


def _crosses(segment, gutter: float) -> bool:
    """True when ``segment`` runs across the gutter starting the column at ``gutter``."""
    return _start(segment) < gutter - _ALIGNED * _size(segment) and _end(segment) > gutter


def _gutters(lines: list) -> list:
    """Where the columns after the first start (their gutters), left to right: none when no gap
    between segments recurs as :data:`_MIN_GUTTER_LINES` describes, or when weighing the places
    segments start would take over :data:`_MAX_GUTTER_CHECKS` checks."""
    starts = sorted((_start(segment), _size(segment)) for line in lines for segment in line[1:])
    candidates = _clusters(starts)
    if len(candidates) * sum(map(len, lines)) > _MAX_GUTTER_CHECKS:
        return []
    gutters = []
    for candidate in candidates:
        before = []  # the segments ending before the gap, on the lines that leave it
        crossing = 0
        for line in lines:
            for previous, segment in zip(line, line[1:]):
                if abs(_start(segment) - candidate) <= _ALIGNED * _size(segment):
                    before.append(previous)
                    break
            else:
                crossing += any(_crosses(segment, candidate) for segment in line)
        if len(before) < _MIN_GUTTER_LINES or len(before) < _MIN_GUTTER_SHARE * (len(before) + crossing):
            continue
        edge = max(_end(segment) for segment in before)
        filled = sum(edge - _end(segment) <= _ALIGNED * _size(segment) for segment in before)
        characters = sum(len("".join(run.text for run in segment).strip()) for segment in before)
        if filled >= _FILLED_SHARE * len(before) and characters >= _MIN_COLUMN_CHARACTERS * len(before):
            gutters.append(candidate)
    return gutters


def _clusters(starts: list) -> list:
    """The places ``starts`` (``(x, font size)``, sorted) gather at: the middle one of each run of them
    less than :data:`_ALIGNED` font sizes apart, for runs of :data:`_MIN_GUTTER_LINES` or more."""
    places, group = [], []
    for start, size in starts:
        if group and start - group[-1] > _ALIGNED * size:
            places.append(group)
            group = []
        group.append(start)
    if group:
        places.append(group)
    return [group[len(group) // 2] for group in places if len(group) >= _MIN_GUTTER_LINES]


def _band_lines(band: list, gutters: list) -> list:
    """The lines of ``band`` (lines crossing no gutter) read a column at a time."""
    columns = [[] for _ in range(len(gutters) + 1)]
    for line in band:
        for segment in line:
            column = sum(_start(segment) >= gutter - _ALIGNED * _size(segment) for gutter in gutters)
            if columns[column] and columns[column][-1][0] is line:
                columns[column][-1][1].extend(segment)
            else:
                columns[column].append((line, list(segment)))
    return [_joined([runs]) for column in columns for _, runs in column]


def _joined(line) -> str:
    """A line's text: its runs one after another, a space between two set apart by a gap where
    either side is no Han character (words of Latin letters, numbers)."""
    text, last = "", None
    for segment in line:
        for run in segment:
            if last is not None and text and not text.endswith(" ") and run.x0 - last.x1 >= _SPACE * run.size \
                    and not (_wide(text[-1]) and _wide(run.text[0])):
                text += " "
            text += run.text
            last = run
    return text


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"
