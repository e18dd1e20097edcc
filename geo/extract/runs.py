"""Where a run of list characters (Chinese characters, 、, digits) ends, found once per text.

Rules that match a list forward from a mention to what closes it (A村、B村共3支志愿消防队; 是A路、B路的
客运站) read the rest of the list from every mention in it: in one clause of thousands of items,
quadratic. Such a match only spans list characters, and what must close it stands at the end of
their run: looking there first, by a table of the runs made once for the text, spares the match
wherever nothing closes the list.
"""

from __future__ import annotations

import bisect
import re

_RUNS = {"han": re.compile(r"[\u4e00-\u9fff、]+"), "han_digits": re.compile(r"[\u4e00-\u9fff、\d]+")}
_TABLES: list = [None, {}]  # the text the tables were made for, and its tables by kind
# The teams formed closing a list after 组建 (A村、B村共3支村级志愿消防队), and the role closing a list
# after 是 or 为 (是白石高铁和青云高铁的客运站): what a place in such a list is part of.
_TEAMS_FORMED = re.compile(r"(?:、[\u4e00-\u9fff]{1,8}?)*共?(?:[\d一二三四五六七八九十]+支)?[\u4e00-\u9fff]{0,10}?队(?=[,;。!?\n]|$)")
_ROLE_OF = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{2,12}?)*的([\u4e00-\u9fff]{1,10})(?=[,;。!?\n]|$)")


def run_end(norm, pos, kind="han"):
    """Where the run of ``kind`` characters at ``pos`` ends (``pos`` when none stands there).

    Parameters
    ----------
    norm : str
        The text.
    pos : int
        A position in it.
    kind : str
        ``"han"`` (Chinese characters and 、) or ``"han_digits"`` (and digits).

    Returns
    -------
    int
        The first position at or after ``pos`` holding no character of the kind.
    """
    if _TABLES[0] is not norm:
        _TABLES[0], _TABLES[1] = norm, {}
    table = _TABLES[1].get(kind)
    if table is None:
        spans = [match.span() for match in _RUNS[kind].finditer(norm)]
        table = _TABLES[1][kind] = ([s for s, _ in spans], [e for _, e in spans])
    starts, ends = table
    i = bisect.bisect_right(starts, pos) - 1
    return ends[i] if i >= 0 and ends[i] > pos else pos


def forget_runs():
    """Let go of the text the tables of runs were made for, and of them (see mentions.forget_text)."""
    _TABLES[:] = [None, {}]


def role_of(norm, end):
    """_ROLE_OF matched at ``end``, read only when the run of Chinese characters and 、 there ends
    a sentence part with 的 and a role (its match spans that run and ends where it does)."""
    close = run_end(norm, end)
    if close == end or not (close == len(norm) or norm[close] in ",;。!?\n") \
            or norm.find("的", max(end, close - 11), close - 1) < 0:
        return None
    return _ROLE_OF.match(norm, end)


def teams_close(norm, end, clause_end):
    """True when _TEAMS_FORMED matches at ``end``: read only when the run of Chinese characters,
    、 and digits there ends in 队 (its match spans that run and ends where it does)."""
    close = min(run_end(norm, end, "han_digits"), clause_end)
    return close > end and norm[close - 1] == "队" and _TEAMS_FORMED.match(norm, end, clause_end) is not None
