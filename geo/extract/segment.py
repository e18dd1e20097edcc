"""Cleaning of the normalised text, then its sentences and clauses."""

from __future__ import annotations

import bisect
import collections
import itertools
import re

from geo.lexicon import GLUED_ROW_WORDS, NUMBERED_WORDS, ROAD_CLASSES
from geo.names import GARBLED_PINYIN, INSERTED_PINYIN, INVISIBLE, PICTOGRAPH
from geo.numbers import parse_number
from geo.settings import PAGE_BREAK_MAX_LINES, VILLAGE_LIST_GROUP_REACH, VILLAGE_LIST_MAX_GROUPS
from geo.extract.code_points import ARRAY_MIN_CHARS, CodePoints
from geo.extract.counted_asides import counted_noun_asides, sizes_beside_counts
from geo.extract.wrapped_types import wrapped_type_spaces
from geo.extract.patterns import (WRAP_MIN_LINES, WRAP_MIN_SHARE, WRAP_MIN_UNENDED, WRAP_MIN_WIDTH,
                                  WRAP_NARROW_MAX_OVER, WRAP_NARROW_MIN_SHARE, WRAP_NARROW_MIN_WIDTH, WRAP_OVER,
                                  WRAP_SLACK)

# An alternative verb character in brackets inside a works verb (开(竣)工, 开(复)工, 新(改)建, 改(扩)建), or
# an alternative township word (乡(镇), 镇(街道)): the text reads as written without it.
# (The patterns open with the character they must match, look-behinds after it: see geo.names.)
_ALTERNATIVE_VERB = re.compile(r"\((?:(?<=[新改扩开竣续迁]\()[新改扩开竣续迁复]\)(?=[建工])"
                               r"|(?<=[乡镇]\()(?:镇|乡|街道|街)\)"  # 乡(镇)中心幼儿园: one township
                               r"|(?<=[油硬]\()[油硬]\)(?=化))")  # 油(硬)化通村公路: one surfacing
# A reservoir's class written with its grade in brackets (小(二)型水库, 小(Ⅰ)型): the brackets are dropped,
# so the class reads as one word (小二型, a type) and the count before it counts the reservoirs.
_BRACKETED_CLASS = re.compile(r"\((?<=[小中大]\()(?:[一二12]|I|II)\)(?=型)")  # (the bracket first: searched for)
# 村(社区) before the noun it qualifies (24个村(社区)综合文化服务中心: the centres are counted, not
# villages); before a verb (28个村(社区)增添…) the villages are the subject and it stays.
_VILLAGE_OR_COMMUNITY = re.compile(r"\((?:(?<=村\()(?:社区|居委会|居)|(?<=社区\()村)\)(?=[\u4e00-\u9fff])")
# A short qualifier in brackets after the first end of a route, before its range mark (省道205线云雾山
# (川陕界)至羊木段, S221泾源(宁夏)-石槽沟公路: a border or province): the route reads on without it.
_RANGE_END_QUALIFIER = re.compile(r"\((?<=[\u4e00-\u9fff]\()[\u4e00-\u9fff]{2,4}\)(?=[至到\-—–][\u4e00-\u9fff])")
# A route's short name in brackets after its two ends, before its head (A至B(AB线)公路): read as
# A至B公路, the name keeps it.
_ROUTE_ALIAS = re.compile(r"\((?<=[\u4e00-\u9fff]\()[\u4e00-\u9fff]{2,3}线\)(?=公路|道路)")
# A road code written in lower case (g65包茂高速, s202): read as G65, S202.
_LOWER_CODE_LETTER = re.compile("[gsxy]")  # (what it opens with)
_LOWER_CODE = re.compile(rf"{_LOWER_CODE_LETTER.pattern}(?<![A-Za-z0-9./:_@-]{_LOWER_CODE_LETTER.pattern})"
                         r"(?=\d{1,4}[\u4e00-\u9fff])")
# Spaces around a number inside Chinese text (新建 4 所幼儿园, 1 月 14 日).
_SPACED_NUMBER = re.compile(r" (?:(?<=[\u4e00-\u9fff\d] ) *(?=\d)|(?<=\d ) *(?=[\u4e00-\u9fff]))")
# A number opening a line (or a clause), set apart by a space from the words after it: a row's or
# an item's number (1 堤口路拓宽工程: a table flattened a row per line), unless a unit follows (4 所
#幼儿园: a count; 1 号路, 2023 年: part of what follows, ``numbered_word`` in units.tsv). Its space is kept: no name takes it in.
# (A match opens with its first character, a space or a digit; what stands before it is tested after it.)
_ITEM_OPENER = re.compile(r"[\n。;:,、)]")  # (what stands before an item's number: a line's start or a clause's)
_ITEM_FIRST = re.compile(r"[ \t\u3000\d]")  # (what it opens with)
_ITEM_NUMBER = re.compile(rf"{_ITEM_FIRST.pattern}(?<![^{_ITEM_OPENER.pattern[1:]}{_ITEM_FIRST.pattern})"
                          r"(?:(?<=\d)\d{0,2}|(?<=[ \t\u3000])[ \t\u3000]*\d{1,3})(?= +[\u4e00-\u9fff])")
# Where an item's number may open: after an opener, a space or a digit (see _item_numbers).
_ITEM_NUMBER_AFTER = re.compile(rf"{_ITEM_OPENER.pattern}(?={_ITEM_FIRST.pattern})")
# A number of two digits opening with 0 between spaces after a Han character (事情 01 江积工业园 02 …:
# a post's items run into one line) is an item's number wherever it stands.
_ZERO_ITEM_NUMBER = re.compile(r" 0[1-9](?= +[\u4e00-\u9fff])")
# A row's number glued to the words of its row, a line's first characters (62鹅湖公园三期改造…,
# 60迎宾路改造…: a table flattened a row per line without its cells' spaces), is dropped when a
# line of the next or the previous number opens the same way; a unit or a road word after the
# number (3所学校, 320国道, 85中: ``road_class`` and ``glued_row_word`` in units.tsv) keeps it: see
# :func:`_glued_row_numbers`.
_GLUED_ROW_NUMBER = re.compile(r"^[ \t\u3000]*(\d{1,3})(?=[\u4e00-\u9fff])", re.M)


# Emoji, bullets and their variation selectors set clauses apart in posts of official accounts
# (🔥新建北园路👉改造堤口路, ■ ▶ ●), with the spaces around them: a run of them is read as one
# comma. Not ○ and ◯ (a zero: 二○二四年) nor □ (a character left out).
_SYMBOL = f"(?![\u25a1\u25cb\u25ef])(?:{PICTOGRAPH.pattern}|[\u25a0\ufe0e\ufe0f\u20e3])"
SYMBOL_MARK = re.compile(_SYMBOL)
_ANY_SYMBOL = re.compile(PICTOGRAPH.pattern[:-1] + "\u25a0\ufe0e\ufe0f\u20e3]")  # one class: a quick look first
_SYMBOL_RUN = re.compile(f"[ \t\u3000]*{_SYMBOL}(?:[ \t\u3000]*{_SYMBOL})*[ \t\u3000]*")
# What already parts the text beside such a run: the run is dropped.
_PARTED = frozenset(",:;.!?。、\n()[]，：；！？（）【】")

# Characters set with a space between them (letter-spaced titles and table cells of PDFs and
# yearbooks: 沪 松 公 路, 佘 山 北 基 地): single spaces between Han characters.
_HAN_SPACE = re.compile(r" (?<=[\u4e00-\u9fff] )(?=[\u4e00-\u9fff])")


def _letter_spaces(norm):
    """Spans of the single spaces between Han characters where one side is a lone character.

    沪 松 公 路 and 嘉 松公路 are one word set apart; 经六路 经八路 (no lone character) are two;
    so are 学位4000个 甘肃兰州实验中学: a character after a number is no lone character.
    """
    return [(pos, pos + 1) for pos in (match.start() for match in _HAN_SPACE.finditer(norm))
            if not (_in_word(norm, pos - 2) and _in_word(norm, pos + 2))]


def _in_word(norm, pos):
    """True when ``norm[pos]`` is a Han character or a digit (what a character next to it joins)."""
    return 0 <= pos < len(norm) and ("\u4e00" <= norm[pos] <= "\u9fff" or norm[pos].isdigit())


def clean(norm, origin, breaks=()):
    """Drop what web pages insert into report text: bracketed pinyin, spaces around numbers, the
    spaces of letter-spaced words and of names wrapped before their type (see
    :mod:`geo.extract.wrapped_types`), invisible characters (zero-width spaces, bidirectional marks:
    :data:`geo.names.INVISIBLE`), and alternative verb characters in brackets (开(竣)工);
    road codes in lower case are read in upper case (g65). ``breaks`` are spans of the original
    text that only wrap a line (see :func:`wrapped_line_breaks`): dropped too, so that the
    sentence goes on.

    Returns (text, origin) with the dropped characters removed from both, so offsets still
    point into the original text.
    """
    # (a long text's rare characters and where its item numbers may open: over its code points, see
    # geo.extract.code_points)
    points = CodePoints(norm) if len(norm) >= ARRAY_MIN_CHARS else None
    norm, points = _upper_codes(norm, points)  # g65, s202: same length, offsets kept
    marked, symbols = _symbol_marks(norm, points)
    norm, points = marked, (points if marked is norm else None)
    wraps = [(bisect.bisect_left(origin, s), bisect.bisect_left(origin, e)) for s, e in breaks]
    items = _item_number_ends(norm, points)
    garbled = [m.span() for m in GARBLED_PINYIN.finditer(norm)] if "?" in norm else []
    norm, origin = _dropped(norm, origin, [m.span() for m in INSERTED_PINYIN.finditer(norm)] + garbled + _glued_row_numbers(norm, points)
                            + [m.span() for m in _SPACED_NUMBER.finditer(norm) if m.start() not in items]
                            + _letter_spaces(norm) + wrapped_type_spaces(norm) + wraps
                            + _scanned(INVISIBLE, norm, points) + symbols)
    norm = _grouped_village_lists(norm)  # (same length: offsets kept)
    # Alternative characters are looked for once the pinyin is gone: 乡(xiāng)(镇(zhèn)) is 乡(镇).
    return _dropped(norm, origin, [m.span() for m in _ALTERNATIVE_VERB.finditer(norm)] + _qualifying_village(norm)
                    + [m.span() for m in _RANGE_END_QUALIFIER.finditer(norm)] + _class_brackets(norm)
                    + counted_noun_asides(norm) + sizes_beside_counts(norm)
                    + [m.span() for m in _ROUTE_ALIAS.finditer(norm) if "至" in norm[max(0, m.start() - 12):m.start()]])


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,12}")
# A count of villages closing a list (…等35个村, …4个自然村被列为): the list may be grouped by township
# or village with commas between the groups (A镇B、C,D镇E等35个村; A村B、C,D村E 4个自然村). The count
# is found by its 个 + type (a literal the scan skips to), then the number before it.
_VILLAGES_AFTER_COUNT = re.compile(r"个(?:自然村|行政村|村庄|村(?![级委部务])|社区)")
_VILLAGE_COUNT = re.compile(r"(?P<deng>等|共)?(?P<n>\d{1,4}|[一二三四五六七八九十]{1,3})$")
_GROUP_ITEM = re.compile(r"[\u4e00-\u9fff]{2,10}")
_TOWNSHIP_OPENERS = ("镇", "乡", "街道")


def _group_opener(item):
    """township when a group's first place opens with its township (A镇B), village when with its
    village (A村B: a natural village), else None (a county's village, 共和县东卫村, groups nothing)."""
    if any(word in item for word in _TOWNSHIP_OPENERS):
        return "township"
    return "village" if "村" in item[:-1] else None


def _grouped_village_lists(norm):
    """``norm`` with the commas between the groups of a counted village list read as 、 when every
    group opens with its township or village (A镇B、C,D镇E等35个村) and the groups hold as many
    places as the count says (no more with 等): one list, the count its type."""
    if "个" not in norm or "," not in norm:
        return norm
    commas = []
    for hit in _VILLAGES_AFTER_COUNT.finditer(norm):
        count = _VILLAGE_COUNT.search(norm, max(0, hit.start() - 5), hit.start())
        if count is None:
            continue
        groups, end = [], count.start()
        while len(groups) < VILLAGE_LIST_MAX_GROUPS:
            lo = max(0, end - VILLAGE_LIST_GROUP_REACH)
            mark = max(norm.rfind(mark, lo, end) for mark in ",。;:!?\n")
            if mark < 0 and lo > 0:
                break  # (a group longer than any list's: no group)
            start = mark + 1
            items = norm[start:end].split("、")
            opener = _group_opener(items[0])
            if not all(_GROUP_ITEM.fullmatch(item) for item in items) or opener is None \
                    or groups and opener != groups[0][2]:
                break  # (all groups open alike: 全面提升村容村貌,A镇B等5个村 joins no verb's clause)
            groups.append((start, len(items), opener))
            if start == 0 or norm[start - 1] != ",":
                break
            end = start - 1
        want = parse_number(count.group("n"))
        while len(groups) > 1 and sum(group[1] for group in groups) > want:
            groups.pop()  # the farthest group first: what stands before a list is no member
        total = sum(group[1] for group in groups)
        if len(groups) > 1 and (total <= want if count.group("deng") == "等" else total == want):
            commas.extend(group[0] - 1 for group in groups[:-1])
    if not commas:
        return norm
    chars = list(norm)
    for pos in commas:
        chars[pos] = "、"
    return "".join(chars)


def _class_brackets(norm):
    """Spans of the brackets around a reservoir's grade (小(二)型: the two brackets, the grade kept)."""
    return [span for m in _BRACKETED_CLASS.finditer(norm)
            for span in ((m.start(), m.start() + 1), (m.end() - 1, m.end()))]


def _qualifying_village(norm):
    """Spans of :data:`_VILLAGE_OR_COMMUNITY` before a noun that ends in
    a head (卫生室, 综合服务中心) and opens with no verb or stop word."""
    if "村(" not in norm and "区(" not in norm:
        return []
    from geo.lexicon import heads
    from geo.lexicon_lookups import FILLER_INDEX, STOPS, match_any

    spans = []
    for m in _VILLAGE_OR_COMMUNITY.finditer(norm):
        run = _HAN_RUN.match(norm, m.end())
        if run is None or match_any(norm, m.end(), STOPS) or FILLER_INDEX.at(norm, m.end()):
            continue
        noun, table = run.group(), heads()
        if any(noun[end - n:end] in table for end in range(2, len(noun) + 1) for n in (2, 3, 4) if n <= end):
            spans.append(m.span())  # (a head of two or more characters inside the noun)
    return spans


def _scanned(pattern, norm, points):
    """The spans of ``pattern`` (one character class) in ``norm``: none without looking when ``points``
    (its :class:`CodePoints`, or None) holds no such character."""
    return [m.span() for m in pattern.finditer(norm)] if points is None or points.holds(pattern) else []


def _upper_codes(norm, points):
    """(``norm`` with the letters of :data:`_LOWER_CODE` upper-cased, its ``points``: None if it
    changed); for a long text, the pattern tried at its letters ``gsxy`` alone, as ``sub`` would."""
    if points is None:
        return _LOWER_CODE.sub(lambda m: m.group().upper(), norm), None
    at = [pos for pos in points.positions(_LOWER_CODE_LETTER) if _LOWER_CODE.match(norm, pos)]
    if not at:
        return norm, points
    chars = list(norm)
    for pos in at:
        chars[pos] = chars[pos].upper()
    return "".join(chars), None


def _symbol_marks(norm, points=None):
    """(``norm`` with the first character of each run of :data:`_SYMBOL_RUN` a comma, the spans
    of the rest to drop); a run at a line's end or beside a punctuation mark is dropped whole, one
    opening a line is kept. ``points``: the text's :class:`CodePoints`, or None."""
    if norm.isascii() or not (_ANY_SYMBOL.search(norm) if points is None else points.holds(_ANY_SYMBOL)):
        return norm, []
    chars, spans = None, []
    for match in _SYMBOL_RUN.finditer(norm):
        start, end = match.span()
        if start == 0 or norm[start - 1] == "\n":
            continue  # a line's bullet (▲ before a photo's caption) is kept: the tagger reads it
        if end == len(norm) or norm[start - 1] in _PARTED or norm[end] in _PARTED:
            spans.append((start, end))
            continue
        chars = chars if chars is not None else list(norm)
        chars[start] = ","
        spans.append((start + 1, end))
    return ("".join(chars) if chars is not None else norm), spans


def _item_number_ends(norm, points=None):
    """Where the item numbers of :data:`_ITEM_NUMBER` end (before their space), less those a unit
    follows. ``points``: the text's :class:`CodePoints`, or None."""
    from geo.lexicon import MEASURE_UNITS, THING_UNITS, WORKS_UNITS

    units = (*THING_UNITS, *WORKS_UNITS, *MEASURE_UNITS, *NUMBERED_WORDS)
    ends = [m.end() for m in _item_numbers(norm, points)]
    ends += [m.end() for m in _ZERO_ITEM_NUMBER.finditer(norm) if "\u4e00" <= norm[m.start() - 1:m.start()] <= "\u9fff"]
    return {end for end in ends if not norm[end:end + 16].lstrip(" ").startswith(units)}


def _item_numbers(norm, points=None):
    """The matches of :data:`_ITEM_NUMBER` in ``norm``, as ``finditer`` finds them: tried only where
    one may open, at the text's start and after an opener followed by a space or a digit, not at
    every space and digit (its look-behind tested at each: 26 M instructions of a 1 MB half); those
    places found over a long text's code points (``points``, or None: by a search). (A match holds
    spaces and digits alone: no other opens inside it.)"""
    starts = points.after(_ITEM_OPENER, _ITEM_FIRST) if points is not None \
        else [m.end() for m in _ITEM_NUMBER_AFTER.finditer(norm)]
    return [match for match in map(_ITEM_NUMBER.match, itertools.repeat(norm), [0, *starts]) if match is not None]


def _glued_row_numbers(norm, points=None):
    """Spans of the row numbers of :data:`_GLUED_ROW_NUMBER` to drop: those a line of the next or
    the previous number also opens (57…, 58…, 59…: a table's rows), less those a unit or a road
    word follows. ``points``: the text's :class:`CodePoints` (matched at the lines that open with a
    space or a digit alone, as a match does), or None."""
    if not norm[:1].isdigit() and not _LINE_THEN_DIGIT.search(norm):
        return []
    from geo.lexicon import MEASURE_UNITS, THING_UNITS, WORKS_UNITS

    units = (*THING_UNITS, *WORKS_UNITS, *MEASURE_UNITS, *NUMBERED_WORDS, *ROAD_CLASSES, *GLUED_ROW_WORDS)
    if points is None:
        found = _line_start_matches(_GLUED_ROW_NUMBER, norm)
    else:
        starts = [0, *points.after(_LINE_BREAK, _ITEM_FIRST)]
        found = [m for m in map(_GLUED_ROW_NUMBER.match, itertools.repeat(norm), starts) if m is not None]
    found = [m for m in found if not norm.startswith(units, m.end())]
    numbers = {int(m.group(1)) for m in found}
    return [m.span(1) for m in found if int(m.group(1)) - 1 in numbers or int(m.group(1)) + 1 in numbers]


_LINE_THEN_DIGIT = re.compile(r"\n[ \t\u3000]*\d")
_LINE_BREAK = re.compile("\n")


def _line_start_matches(pattern, norm):
    """The matches of a pattern opening with ``^`` (re.M, and holding no line break) in ``norm``, as
    ``finditer`` finds them: matched at each line's start alone, not tried at every position."""
    found, start = [], 0
    while start >= 0:
        match = pattern.match(norm, start)
        if match is not None:
            found.append(match)
        start = norm.find("\n", start)
        start = start + 1 if start >= 0 else -1
    return found


def _dropped(norm, origin, spans):
    """``norm`` and ``origin`` without the characters of ``spans``.

    (``origin``'s kept slices are added to one list, each copied at once: chaining them an item
    at a time was 2-4 ms of a 1 MB half's cleaning, done twice.)
    """
    if not spans:
        return norm, origin
    text, kept, done = [], [], 0
    for start, end in sorted(spans):
        if start > done:
            text.append(norm[done:start])
            kept += origin[done:start]
        done = max(done, end)
    text.append(norm[done:])
    kept += origin[done:]
    return "".join(text), kept


def wrapped_line_breaks(text):
    """The line breaks of ``text`` that only wrap a paragraph, as spans to drop.

    Text copied from a PDF or a scanned yearbook is cut into lines of one width, mid-sentence
    (县域经济社会 / 发展受到巨大冲击), and a sentence never goes on over a line end. A break
    wraps a line when the text has a wrap width (see ``WRAP_*`` in
    :mod:`geo.extract.patterns`: many distinct lines of about one width that mostly end in no
    sentence mark), the line before it has that width (or, opening a paragraph, up to an
    indent less) and ends in no sentence mark, no table cell and no count before a new subject,
    and the line after it goes on (it is not empty and opens no item, heading, table cell or
    byline). A page's foot and the next page's head between them (blank lines, a page number, a
    form feed, a running head) go with the break; so does the blank line after every line of
    double-spaced text (a PDF reader's output).

    Parameters
    ----------
    text : str
        The report text as read.

    Returns
    -------
    list of (int, int)
        Sorted spans of ``text``: each break with the spaces around it (the indentation of the
        next line included, and what stands between two pages). Empty for text whose lines
        are paragraphs.
    """
    lines = text.split("\n")
    widths = [_width(line.strip()) for line in lines]
    band = _wrap_band(lines, widths)
    if band is None:
        return []
    low, high = band
    double = _double_spaced(lines)
    furniture = _page_furniture(lines)
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    spans = []
    for i, line in enumerate(lines[:-1]):
        if _ended(line) or widths[i] > high:
            continue
        if widths[i] < low and not (widths[i] >= low - _INDENT_WIDTH and _opens_paragraph(lines, widths, i, low)):
            continue
        following = _following_line(lines, i + 1, double, furniture)
        if following is not None and _goes_on(lines[following]) and not _ends_item(line, lines[following]) \
                and not _CELLS.search(line):
            indent = len(lines[following]) - len(lines[following].lstrip())
            spans.append((starts[i] + len(line.rstrip()), starts[following] + indent))
    return spans


# A paragraph's first line is indented by two characters (GB/T 9704), which a PDF's text drops or
# gives as spaces: it wraps though it is up to that much narrower than the band.
_INDENT_WIDTH = 4


def _opens_paragraph(lines, widths, index, low):
    """True when the line at ``index`` opens a paragraph: it is indented, or the last line with text
    before it ends a sentence or is narrower than the band (a heading, a paragraph's last line)."""
    if lines[index][:1] in " \u3000\t":
        return True
    before = index - 1
    while before >= 0 and not lines[before].strip():
        before -= 1
    return before < 0 or widths[before] < low or _ended(lines[before])


def _double_spaced(lines):
    """True when the text puts a blank line after every line (pdfminer's output of widely spaced
    lines): then one blank line between two lines is a wrap like none."""
    filled = [i for i in range(len(lines) - 2) if lines[i].strip()]
    spaced = sum(1 for i in filled if not lines[i + 1].strip() and lines[i + 2].strip())
    return len(filled) >= WRAP_MIN_LINES and spaced >= 0.8 * len(filled)


def _page_furniture(lines):
    """Running heads and feet: a text (spaces aside) that stands on two lines at least next to a
    page's end (a form feed or a page number), and ends no sentence (a paragraph's last words,
    建设。, may stand at two page ends and are still text)."""
    marks = [i for i, line in enumerate(lines) if line.startswith("\f") or _is_page_number(line)]
    if not marks:
        return frozenset()
    near = {j for i in marks for j in range(max(0, i - 3), min(len(lines), i + 4))}
    places = collections.defaultdict(int)  # text -> how many lines next to a page's end hold it
    for j in near:
        if lines[j].strip() and not _ended(lines[j]) and not _is_page_number(lines[j]):
            places[_no_spaces(lines[j])] += 1
    return frozenset(key for key, count in places.items() if count >= 2)


def _no_spaces(line):
    return _ANY_SPACE.sub("", line)


_ANY_SPACE = re.compile(r"\s+")


def _following_line(lines, index, double=False, furniture=frozenset()):
    """The index of the line a wrapped line goes on with: ``index``, or the first line after a
    page's foot and the next page's head (blank lines, a page number: ``- 3 -``, 第3页, a form
    feed, a running head) when the text goes on there; None past the end. In double-spaced text
    one blank line is skipped too."""
    skipped = index
    paged = blank = False
    while skipped < len(lines) and skipped - index <= PAGE_BREAK_MAX_LINES:
        line = lines[skipped]
        number = _is_page_number(line)
        paged = paged or line.startswith("\f") or (number and not line.strip().isdigit())
        blank = blank or not line.strip()
        if line.strip() and not number and not (furniture and _no_spaces(line) in furniture):
            break
        skipped += 1
    # A bare number (3) is a page's only with a blank line or a form feed beside it: in a table,
    # a number cell.
    bare = any(lines[k].strip().isdigit() for k in range(index, skipped))
    if skipped < len(lines) and (paged or (bare and blank)):
        return skipped
    if double and index + 1 < len(lines) and not lines[index].strip():
        return index + 1
    return index if index < len(lines) else None


def _width(line):
    """Display width of a line: 2 for a Han character or full-width mark (3 bytes in UTF-8), 1 for ASCII."""
    line = _SPACED_NUMBER.sub("", line)  # 新建 4 所: the spaces a PDF's text puts beside a number take no room
    return (len(line) + len(line.encode("utf-8", "surrogatepass"))) // 2


def _wrap_band(lines, widths):
    """(lowest, highest) width of the wrapped lines of a text, or None when its lines are not wrapped.

    A text's lines at least ``WRAP_MIN_WIDTH`` wide are looked at first; where they hold no band,
    a narrow column's (see ``WRAP_NARROW_*`` in :mod:`geo.extract.patterns`).
    """
    band = _band_from(lines, widths, WRAP_MIN_WIDTH)
    if band is not None:
        return band
    band = _band_from(lines, widths, WRAP_NARROW_MIN_WIDTH)
    if band is None:
        return None
    filled = {line.strip(): width for line, width in zip(lines, widths) if line.strip()}
    members = sum(1 for width in filled.values() if band[1] - _NARROW_PEAK <= width <= band[1])
    over = sum(1 for width in filled.values() if width > band[1])
    if members < WRAP_NARROW_MIN_SHARE * len(filled) or over > WRAP_NARROW_MAX_OVER * len(filled):
        return None
    return band


# A narrow column's lines stand at its full width, give or take a digit or a closing mark.
_NARROW_PEAK = 4


def _band_from(lines, widths, min_width):
    """The wrap band of the lines at least ``min_width`` wide, or None (see :func:`_wrap_band`)."""
    wide = {line.strip(): width for line, width in zip(lines, widths) if width >= min_width}
    if len(wide) < WRAP_MIN_LINES:
        return None
    counts = collections.Counter(wide.values())
    near = lambda w: sum(counts[x] for x in range(w - WRAP_SLACK, w + WRAP_OVER + 1))  # noqa: E731
    best = max(sorted(counts), key=near)
    band = (best - WRAP_SLACK, best + WRAP_OVER)
    members = [line for line, width in wide.items() if band[0] <= width <= band[1]]
    unended = sum(1 for line in members if not _ended(line))
    if len(members) < max(WRAP_MIN_LINES, WRAP_MIN_SHARE * len(wide)) or unended < WRAP_MIN_UNENDED * len(members):
        return None
    return band


_MARK_TAIL = 24  # the characters at a line's end that can hold its closing mark, quotes and spaces
# A line that ends a sentence (or a title cut short with ...): a sentence mark, then any closing
# quotes or brackets; or a table's row, ending with a cell's edge.
_SENTENCE_ENDED = re.compile(r"(?:[。！？；：!?;:…]|\.{3})[”’\"'）)」』】〕]*\s*$|[|｜\t]\s*$")
# A line that opens something of its own: an item (一、 (二) 3. ●), a chapter, a page head, a
# table's next cell, a byline or a dateline.
_OPENS_ITEM = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[、.．](?!\d)"
                         r"|第[一二三四五六七八九十百\d]+[章节篇部条]|[●■◆◇★☆▲△•·◎○□※▶►\-—–*#|｜]|(?i:page)\s*\d"
                         r"|\d{1,6}\s*(?:[|｜]|$)"  # a table's next cell, a number alone
                         r"|(?:来源|來源|发布|發布|时间|時間|日期|作者|编辑|編輯|责任编辑|責任編輯|记者|記者|通讯员|通訊員|摄影|攝影)"
                         r"\s*[:：])")  # a byline or a dateline under a headline
# A line that holds only a page number (- 3 -, — 12 —, 第3页, 3/40, Page 5, 3).
_PAGE_NUMBER = re.compile(r"[-—–－]\s*\d{1,4}\s*[-—–－]|第?\s*\d{1,4}\s*页|\d{1,4}\s*/\s*\d{1,4}"
                          r"|(?i:page)\s*\d{1,4}|\d{1,4}")


def _is_page_number(line):
    """True when ``line`` holds only a page number (spaces aside)."""
    text = line.strip()
    return len(text) <= 16 and _PAGE_NUMBER.fullmatch(text) is not None


def _ended(line):
    """True when ``line`` ends a sentence (or a table row), spaces after it aside."""
    return _SENTENCE_ENDED.search(line.rstrip()[-_MARK_TAIL:]) is not None


# A row of a table set out with spaces (景湖家园    九郡家园): its cells do not go on into the next row.
_CELLS = re.compile(r"\S(?: {3,}|\t|\u3000{2,})\S")


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
