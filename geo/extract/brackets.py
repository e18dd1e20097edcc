"""Brackets and title marks: the ends of a range in brackets, an alias or a place in brackets, the places a facility serves, a document's title.

Context rules of :mod:`geo.extract.context` (``CONTEXT_RULES``) that read the marks around a mention.
"""

from __future__ import annotations

import re

from geo.lexicon import COVERAGE_BRACKET_WORDS, PROPOSALS
from geo.lexicon_lookups import is_generic, stop_ending_at
from geo.extract.patterns import HARD_BREAKS, count_search
from geo.extract.titled_brackets import works_title_action
from geo.settings import BRACKETED_PLACE_REACH, GENERIC_ZONE_MAX_CHARS, RANGE_BRACKET_REACH

_RANGE_BETWEEN_NAMES = re.compile(r"[至到]|[\u4e00-\u9fff)][\-—–~]|[\-—–~][\u4e00-\u9fff(]")


def inside_range_brackets(case):
    """简渎河清淤工程(香草河—南二环段): the ends of a section are context."""
    return _in_range_brackets(case.norm, case.mention)


def alias_in_brackets(case):
    """30号路(青山路), 交通枢纽(青山路与白石路): a name in brackets right after a name is its
    alias or its place, not a project of its own."""
    norm, mention = case.norm, case.mention
    start = mention.stem_start
    if start < 2 or norm[start - 1] != "(" or norm[start - 2] in HARD_BREAKS or mention.count \
            or count_search(norm, start, mention.head_start):
        return False  # (含站点4座) is a count
    return norm.startswith(")", mention.end) and not _generic_before(norm, start - 1) \
        and works_title_action(norm, start - 1) is None  # (供水管网改造工程(白石路): the works' place)


def _generic_before(norm, pos):
    """True when a generic zone alone ends at ``pos`` (中心城区(三沟片区): the brackets name the
    place the generic word stands for, no alias of a name)."""
    if norm[pos - 1:pos] != "区":
        return False
    for length in range(GENERIC_ZONE_MAX_CHARS, 1, -1):
        begin = pos - length
        if begin >= 0 and is_generic(norm[begin:pos]) and (
                begin == 0 or norm[begin - 1] in HARD_BREAKS or stop_ending_at(norm, begin, 0)):
            return True
    return False


def coverage_in_brackets(case):
    """养老服务中心(覆盖峒河、五里牌、大田社区): the places a facility serves, in brackets after it,
    are context."""
    norm, start = case.norm, case.mention.stem_start
    opening = norm.rfind("(", (start - BRACKETED_PLACE_REACH if start > BRACKETED_PLACE_REACH else 0), start)
    return opening >= 0 and ")" not in norm[opening:start] and norm.startswith(COVERAGE_BRACKET_WORDS, opening + 1)


def inside_title_marks(case):
    """《白石片区建设方案》: a place in the title of a document is context (not a name the marks
    quote whole: 《青山公园》), also when a name was read across the title's opening mark
    (印发《青山工业园区2022年实事项目》); a proposal's title asking for its works is not."""
    norm, start, end = case.norm, case.mention.stem_start, case.mention.end
    opening = norm.rfind("《", (start - BRACKETED_PLACE_REACH if start > BRACKETED_PLACE_REACH else 0), end)
    if opening < 0 or "》" in norm[opening:end] or norm.startswith("》", end):
        return False
    # 《关于加快青山中学南侧道路建设的建议》: a delegate's proposal (建议, 提案, 议案) asks for the
    # works it names; a proposal with no works on the place (加强青山大道交通管理) stays context.
    # 《青山村内道路硬化工程》的建议: a title of works itself, named as the proposal's, asks for them too.
    closing = norm.find("》", end, end + BRACKETED_PLACE_REACH)
    return not (case.action is not None and closing >= 0 and (
        norm.startswith("关于", opening + 1) and norm.endswith(PROPOSALS, end, closing)
        or norm.startswith(PROPOSALS, closing + 1 + (norm[closing + 1:closing + 2] == "的"))))


def _in_range_brackets(norm, mention):
    """True when the mention lies inside brackets that give a range (A—B段, A至B).

    A range is short: a stray bracket in forum junk (r( k) encloses nothing lines on.
    """
    # The brackets are looked for only within reach (a bracket left open far before is not counted up to).
    opened = norm.rfind("(", _printed_back(norm, mention.stem_start, RANGE_BRACKET_REACH), mention.stem_start)
    if opened < 0 or norm.rfind(")", opened, mention.stem_start) >= 0:
        return False
    closed = norm.find(")", mention.end, _printed_on(norm, mention.end, RANGE_BRACKET_REACH + 1))
    if closed < 0:
        return False
    return bool(_RANGE_BETWEEN_NAMES.search(norm, opened + 1, closed))


_WHITE_SPACE = re.compile(r"\s")  # str.isspace's characters (both test Py_UNICODE_ISSPACE)


def _printed_back(norm, end, count):
    """Where the span ending at ``end`` that holds ``count`` characters other than white space
    starts (a flattened table pads cells with spaces); 0 when fewer stand before ``end``.

    Counted a stretch at a time, as many characters as are still wanted (all printed: the span
    starts there; else the spaces in it are made up by the next stretch), not one at a time.
    """
    if end >= count and _WHITE_SPACE.search(norm, end - count, end) is None:
        return end - count  # (the usual case, seen at once: no white space within reach)
    pos = end
    while count and pos > 0:
        start = pos - count if pos > count else 0
        count -= pos - start - len(_WHITE_SPACE.findall(norm, start, pos))
        pos = start
    return pos


def _printed_on(norm, start, count):
    """Where the span from ``start`` that holds ``count`` characters other than white space ends;
    the end of ``norm`` when fewer stand after ``start``. Counted a stretch at a time (see
    :func:`_printed_back`)."""
    size = len(norm)
    if start + count <= size and _WHITE_SPACE.search(norm, start, start + count) is None:
        return start + count  # (the usual case, seen at once: no white space within reach)
    pos = start
    while count and pos < size:
        stop = pos + count if pos + count < size else size
        count -= stop - pos - len(_WHITE_SPACE.findall(norm, pos, stop))
        pos = stop
    return pos
