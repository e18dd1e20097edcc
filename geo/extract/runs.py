"""Where a run of list characters (Chinese characters, 、, digits) ends, found once per text.

Rules that match a list forward from a mention to what closes it (A村、B村共3支志愿消防队; 是A路、B路的
客运站) read the rest of the list from every mention in it: in one clause of thousands of items,
quadratic. Such a match only spans list characters, and what must close it stands at the end of
their run: looking there first, by a table of the runs made once for the text, spares the match
wherever nothing closes the list. Where something does, the list is walked item by item as the
match would be, and what each item's walk found is kept for the text: each item is read once.
"""

from __future__ import annotations

import bisect
import re

_RUNS = {"han": re.compile(r"[\u4e00-\u9fff、]+"), "han_digits": re.compile(r"[\u4e00-\u9fff、\d]+"),
         "hanzi": re.compile(r"[\u4e00-\u9fff]+"), "sentence": re.compile(r"[^。!?\n]+")}
_TABLES: list = [None, {}]  # the text the tables were made for, and its tables by kind
# The teams formed closing a list after 组建 (A村、B村共3支村级志愿消防队), and the role closing a list
# after 是 or 为 (是白石高铁和青云高铁的客运站): what a place in such a list is part of.
_TEAMS_FORMED = re.compile(r"(?:、[\u4e00-\u9fff]{1,8}?)*共?(?:[\d一二三四五六七八九十]+支)?[\u4e00-\u9fff]{0,10}?队(?=[,;。!?\n]|$)")
_ROLE_OF = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{2,12}?)*的([\u4e00-\u9fff]{1,10})(?=[,;。!?\n]|$)")
# Their items, (what opens one, its fewest and most Chinese characters after it), as in the patterns.
_ROLE_ITEMS, _TEAMS_ITEMS = ("、和及与", 2, 12), ("、", 1, 8)
_TEAM_COUNT_NUMERALS = "一二三四五六七八九十"  # (a count of teams in _TEAMS_FORMED begins with one or a digit)


def run_end(norm, pos, kind="han"):
    """Where the run of ``kind`` characters at ``pos`` ends (``pos`` when none stands there).

    Parameters
    ----------
    norm : str
        The text.
    pos : int
        A position in it.
    kind : str
        ``"han"`` (Chinese characters and 、), ``"han_digits"`` (and digits), ``"hanzi"`` (Chinese
        characters) or ``"sentence"`` (anything but 。!?\n: its run ends where the sentence does).

    Returns
    -------
    int
        The first position at or after ``pos`` holding no character of the kind.
    """
    tables = _tables(norm)
    table = tables.get(kind)
    if table is None:
        table = tables[kind] = _runs(norm, kind)
    starts, ends = table
    i = bisect.bisect_right(starts, pos) - 1
    return ends[i] if i >= 0 and ends[i] > pos else pos


def _runs(norm, kind):
    """([starts], [ends]) of the runs of ``kind`` in ``norm``: the spans of its pattern in :data:`_RUNS`.

    A long text's are found over an array of its code points (1 MB's half: 143 M instructions for
    two kinds by the patterns, a match object a run, 24 M this way); a short text's by the pattern.
    """
    if len(norm) < _ARRAY_MIN_CHARS:
        spans = [match.span() for match in _RUNS[kind].finditer(norm)]
        return [s for s, _ in spans], [e for _, e in spans]
    import numpy as np

    codes = np.frombuffer(norm.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if kind == "sentence":  # [^。!?\n]
        inside = ~np.isin(codes, _SENTENCE_ENDS)
    else:
        inside = (codes >= _HAN_FIRST) & (codes <= _HAN_LAST)  # [\u4e00-\u9fff]
        if kind != "hanzi":
            inside |= codes == _LIST_MARK  # 、
        if kind == "han_digits":  # \d: every decimal digit (str.isdecimal), as the pattern's class has them
            inside |= (codes >= _ZERO) & (codes <= _NINE)
            others = np.unique(codes[(codes > _ASCII_LAST) & ~inside]).tolist()
            decimal = [code for code in others if chr(code).isdecimal()]
            if decimal:
                inside |= np.isin(codes, decimal)
    edges = np.flatnonzero(np.diff(inside.view(np.int8), prepend=0, append=0)).tolist()  # (start, end, start, ...)
    return edges[0::2], edges[1::2]


_ARRAY_MIN_CHARS = 4096  # shorter texts: the pattern (the array costs more than it saves)
_HAN_FIRST, _HAN_LAST, _LIST_MARK = 0x4E00, 0x9FFF, ord("、")
_ZERO, _NINE, _ASCII_LAST = ord("0"), ord("9"), 0x7F
_SENTENCE_ENDS = [ord(char) for char in "。!?\n"]


def forget_runs():
    """Let go of the text the tables of runs were made for, and of them (see mentions.forget_text)."""
    _TABLES[:] = [None, {}]


def _tables(norm):
    """The tables kept for ``norm`` (new ones for a new text)."""
    if _TABLES[0] is not norm:
        _TABLES[0], _TABLES[1] = norm, {}
    return _TABLES[1]


def _walked(norm, key):
    """What the walks of :func:`_first_close` found in ``norm`` for ``key``, kept for the text."""
    return _tables(norm).setdefault(key, {})


def _first_close(norm, pos, items, close_at, limit, found):
    """What ``close_at`` gives where a list of ``items`` from ``pos`` is closed, the first found
    in the order of the pattern ``(?:[OPENERS][\u4e00-\u9fff]{FEWEST,MOST}?)*CLOSE`` matched at
    ``pos`` with ``endpos`` ``limit`` (more items before fewer, shorter items first), or None.

    The match reads the rest of the list from every item of it; this walk keeps in ``found`` the
    answer from each place an item ends (it depends on the place alone), so a list of thousands is
    read once whichever of its items it is asked from. ``close_at(q)`` is the closing part matched
    at ``q``, where no item opens.
    """
    openers, fewest, most = items
    if pos in found:
        return found[pos]
    frames, value = [[pos, fewest - 1, None]], None  # place, item length tried last, longest
    while frames:
        frame = frames[-1]
        place, length, longest = frame
        if longest is None:  # (first visit)
            if place >= limit or norm[place] not in openers:
                value = found[place] = close_at(place)
                frames.pop()
                continue
            longest = frame[2] = min(most, min(run_end(norm, place + 1, "hanzi"), limit) - place - 1)
        elif value is not None:  # the item tried last led to a close: so does this place
            found[place] = value
            frames.pop()
            continue
        length = frame[1] = length + 1
        if length > longest:
            value = found[place] = None
            frames.pop()
        elif place + 1 + length in found:
            value = found[place + 1 + length]
        else:
            frames.append([place + 1 + length, fewest - 1, None])
    return value


def role_of(norm, end):
    """The closing part (的 and the role, its group 1) of _ROLE_OF matched at ``end``, or None; read
    only when the run of Chinese characters and 、 there ends a sentence part with 的 and a role (the
    match spans that run and ends where it does), the list walked once for the text."""
    close = run_end(norm, end)
    if close == end or not (close == len(norm) or norm[close] in ",;。!?\n") \
            or norm.find("的", max(end, close - 11), close - 1) < 0:
        return None

    def role_at(place):  # 的 and at most 10 characters to the run's end
        return _ROLE_OF.match(norm, place, close) if norm.startswith("的", place) and close - place <= 11 else None

    return _first_close(norm, end, _ROLE_ITEMS, role_at, close, _walked(norm, "role"))


def teams_close(norm, end, clause_end):
    """True when _TEAMS_FORMED matches at ``end``: read only when the run of Chinese characters,
    、 and digits there ends in 队 (its match spans that run and ends where it does), the list walked
    once for the text."""
    close = min(run_end(norm, end, "han_digits"), clause_end)
    if close <= end or norm[close - 1] != "队":
        return False

    def teams_at(place):  # (共, at most 10 characters and 队 to the run's end, unless a count of teams)
        at = place + norm.startswith("共", place)
        first = norm[at:at + 1]
        counted = first != "" and (first.isdecimal() or first in _TEAM_COUNT_NUMERALS)
        return _TEAMS_FORMED.match(norm, place, clause_end) if counted or close - place <= 12 else None

    return _first_close(norm, end, _TEAMS_ITEMS, teams_at, clause_end, _walked(norm, ("teams", clause_end))) \
        is not None
