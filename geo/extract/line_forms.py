"""Lines and quotes that are no report sentences, by their form: a name alone on its line, a rendering's caption, a works' quoted title.

A press piece's subheads, a table's cells and a list's item titles often hold a project's name
and nothing else (``青山学院`` above the lines that describe its new campus, ``| 青山学院 |``),
and a picture's caption names what is to be built (``白石学院新区项目效果图``): the form of the
line says what the rules look for in a works word. The rules use it where a place needs works to
be a project at all (a university, a zone: see :func:`shown_as_built`). A works' own title in
quotes (「青山村白石路侧沟改善工程」, as Taiwanese press and council notes write it) names the works the
same way: see :func:`quoted_works_title` and :func:`widened_to_quoted_titles`.
"""

from __future__ import annotations

import re

from geo.lexicon import LINE_TITLE_WORKS, LINE_UNIVERSITY_HEADS, NEEDS_ACTION_HEADS, RENDERINGS
from geo.extract.patterns import QUOTE_CLOSERS
from geo.lexicon_lookups import ACTION_INDEX
from geo.settings import LINE_END_REACH, LINE_START_REACH, QUOTED_TITLE_REACH, TITLE_LINE_REACH

# What may stand before the name on its line: spaces, a table's bars, one list number or bullet
# (1. 1、 (一) 一、 ① ▲, a subhead's 02).
_BEFORE = re.compile(r"[ \t\u3000|]*(?:(?:\(?[一二三四五六七八九十]{1,3}[)、.]|\(?\d{1,3}[)、.]?|[①-⑳▲●■◆•·])[ \t\u3000]*)?")
# What may stand after it: a short bracket (its seat or campus: (永川)), its works word (项目, 工程,
# 建设), a full stop, spaces and bars.
_AFTER = re.compile(r"(?:\([^()\n]{1,8}\))?(?:项目|工程)?(?:建设)?[。;]?[ \t\u3000|]*")
# (How far the line's start and end are looked for from the name: settings.LINE_START_REACH, LINE_END_REACH.)


def alone_on_line(norm, start, end):
    """True when the name at ``norm[start:end]`` stands alone on its line.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The name's span.

    Returns
    -------
    bool
        Whether the line holds nothing but the name, with at most a list number or bullet and
        table bars before it and a short bracket, its works word (项目, 工程, 建设) and a full
        stop after it.
    """
    low = (start - LINE_START_REACH if start > LINE_START_REACH else 0)
    line_start = norm.rfind("\n", low, start) + 1
    if line_start == 0 and low > 0:
        return False  # (a long line: the name is within it)
    high = (end + LINE_END_REACH if end + LINE_END_REACH < len(norm) else len(norm))
    line_end = norm.find("\n", end, high)
    if line_end < 0:
        if high < len(norm):
            return False
        line_end = len(norm)
    return _BEFORE.fullmatch(norm, line_start, start) is not None and _AFTER.fullmatch(norm, end, line_end) is not None


def shown_as_built(norm, mention):
    """True when the form of its line says that a place which needs works to be a project (a
    university or zone, see NEEDS_ACTION_HEADS) is one.

    A university alone on its line (a subhead or a table's cell above what is built for it), or
    a university or zone that names a rendering (青山学院新区项目效果图: a picture of what is to be
    built). Neither needs a works word beside it, and what the tagger and the record model say of
    such a line (no sentence they were trained on) does not drop it.

    Parameters
    ----------
    norm : str
        The normalised text.
    mention : geo.extract.model.Mention
        The place's mention.

    Returns
    -------
    bool
    """
    if mention.head not in NEEDS_ACTION_HEADS:
        return False
    if norm.startswith(RENDERINGS, mention.end):
        return True
    return mention.head in LINE_UNIVERSITY_HEADS and alone_on_line(norm, mention.stem_start, mention.end)


def titled_works(norm, start, end):
    """True when the name at ``norm[start:end]`` titles its line's works: the line holds the name
    and its works word (项目, 工程, 建设) and nothing else but a list number and a full stop
    (``一、青山广场建设``, ``3.白石路改造工程``: an item's or subhead's title). What the record model
    says of such a line (no sentence it was trained on) does not drop the name.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The name's span.

    Returns
    -------
    bool
    """
    return norm.startswith(LINE_TITLE_WORKS, end) and alone_on_line(norm, start, end)


def quoted_works_title(norm, start, end):
    """True when the name at ``norm[start:end]`` opens a quoted title of its works: the quote holds the
    name, a few words of works and 工程 or 项目 (a ceremony's title may go on with it) and nothing else
    (「青山村白石路侧沟改善工程」, “白石路拓宽工程”, 「青山大桥新建工程动土典礼」: a works' own title, as Taiwanese
    press and council notes write it). What the tagger and the record model say of a quote (no sentence
    they were trained on) does not drop the name.

    Parameters
    ----------
    norm : str
        The normalised text.
    start, end : int
        The name's span.

    Returns
    -------
    bool
    """
    if start < 1 or norm[start - 1] not in _TITLE_QUOTES:
        return False
    tail = _QUOTED_TITLE_TAIL.match(norm, end)
    return tail is not None and norm.startswith(_TITLE_QUOTES[norm[start - 1]], tail.end())


def widened_to_quoted_titles(norm, records):
    """Named records standing inside a quoted title of their works after other words of it, widened to
    open with the title (「国道1号增设|造桥交流道工程祈福动土典礼」, 「民雄头桥都市计画特II道路衔接十三号及十三之|二号道路工程」):
    the title as written, less its works words, is the works' name (see :func:`quoted_title_start`).

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        A sentence's records (changed in place).

    Returns
    -------
    list of Record
        The records, less one a widened record now covers.
    """
    if not records or not _quote_within_reach(norm, records):
        return records
    widened = []
    for record in records:
        if record.named and (start := quoted_title_start(norm, record.start, record.end)) is not None:
            record.base = (start, record.base[1] if record.section else record.end)
            record.start = start
            widened.append(record)
    if not widened:
        return records
    return [r for r in records if not any(w is not r and w.start <= r.start and r.end <= w.end for w in widened)]


def _quote_within_reach(norm, records):
    """True when a title's opening quote stands within QUOTED_TITLE_REACH before some record's start: the
    one place :func:`quoted_title_start` looks (most sentences hold none, and are passed at once)."""
    first = min(r.start for r in records)
    window = norm[max(first - QUOTED_TITLE_REACH, 0):max(r.start for r in records)]
    return any(quote in window for quote in _TITLE_QUOTES)


def quoted_title_start(norm, start, end):
    """Where the quoted works title holding the name at ``norm[start:end]`` opens (the character after its
    quote), when other words of the title stand before the name and the title closes after the name with
    its works words only (see :func:`quoted_works_title`); else None. Words of the title before the name
    that open with a works verb (「新建…」) or hold a break or another quote are none of a name.
    """
    low = start - QUOTED_TITLE_REACH if start > QUOTED_TITLE_REACH else 0
    opener = max(norm.rfind(quote, low, start) for quote in _TITLE_QUOTES)
    if opener < 0 or opener + 1 >= start or _TITLE_BREAK.search(norm, opener + 1, start) \
            or ACTION_INDEX.at(norm, opener + 1) is not None:
        return None
    tail = _QUOTED_TITLE_TAIL.match(norm, end)
    return opener + 1 if tail is not None and norm.startswith(_TITLE_QUOTES[norm[opener]], tail.end()) else None


# What a quoted title's words before its name never hold: breaks, list marks, brackets and other quotes.
_TITLE_BREAK = re.compile(r"[,，。;；:：!?！？、()（）“”‘’「」『』《》\s]")
# The quotes a works title opens with, and their closers.
_TITLE_QUOTES = {opener: closer for opener, closer in QUOTE_CLOSERS.items() if opener in "「『“"}
# What follows the name inside a quoted works title: a few words of works (改善, 道路拓宽), 工程 or 项目,
# and a ceremony's words after them (祈福动土典礼, 开工仪式).
_QUOTED_TITLE_TAIL = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:工程|项目)(?:[\u4e00-\u9fff]{0,4}(?:典礼|仪式))?")


# What may close a title line after its place: _AFTER's forms, and 建设项目 (安置点道路建设项目).
_TITLE_AFTER = re.compile(r"(?:\([^()\n]{1,8}\))?(?:建设)?(?:项目|工程)?(?:建设)?[。;]?[ \t\u3000|]*")
# A list number or bullet among what opens a line.
_NUMBERED = re.compile(r"[一二三四五六七八九十\d①-⑳▲●■◆•·]")


def title_start(norm, end):
    """Where a title line's text opens, when the name ending at ``end`` closes a line that is a
    title (a list number or bullet, the title, its works word: ``10.青山医院医养结合楼``,
    ``白石镇新村搬迁安置点道路建设项目``; a list number or a works word at least); None for any other line.

    Parameters
    ----------
    norm : str
        The normalised text.
    end : int
        The end of the name (its head).

    Returns
    -------
    int or None
    """
    low = (end - TITLE_LINE_REACH if end > TITLE_LINE_REACH else 0)
    line_start = norm.rfind("\n", low, end) + 1
    if line_start == 0 and low > 0:
        return None
    high = (end + LINE_END_REACH if end + LINE_END_REACH < len(norm) else len(norm))
    line_end = norm.find("\n", end, high)
    if line_end < 0:
        if high < len(norm):
            return None
        line_end = len(norm)
    after = _TITLE_AFTER.fullmatch(norm, end, line_end)
    before = _BEFORE.match(norm, line_start)
    if after is None or not (norm.startswith(LINE_TITLE_WORKS, end) or _NUMBERED.search(norm, line_start, before.end())):
        return None  # (a bare line may be a headline's end: the title is an item's or a project's)
    return before.end()
