"""The objects the extraction stages pass on: a Mention found in a clause, its Count, and the Record it makes."""

from __future__ import annotations

import operator
from dataclasses import dataclass, field

from geo.extract.chains import once_per_chain


@dataclass(eq=False, slots=True)
class Count:
    """A count written next to a head: 13条, 学校10所 (offsets in the normalised text)."""

    value: float
    unit: str
    start: int
    end: int


@dataclass(eq=False, slots=True)
class Mention:
    """A head (or road code, or headless list item) found in a clause, with its stem and context.

    Offsets index the normalised text. ``kind`` is one of the head kinds of the lexicon
    (name, facility, generic, designation, skip), ``code`` for a road or rail code, or ``raw``
    for a list item without a head (金牛建材 in 金牛建材等新建商业载体).
    """

    kind: str
    head: str = ""
    category: str | None = None
    head_start: int = 0
    head_end: int = 0
    stem_start: int | None = None
    end: int = 0
    stop: str | None = None          # the stop word that ends the stem on its left
    stop_start: int | None = None
    section: tuple | None = None     # (start, end) of 东段, (A至B段), 二期...
    count: Count | None = None       # a count after the head (学校10所)
    min_stem: int = 0
    post_action: str | None = None   # an action between the head and its count (改造30条)
    left_verb: str | None = None     # the verb on the left that governs it, once looked up
    closing_quote: int | None = None  # end of “四好农村路” when a count follows the quote
    list_end: int | None = None      # where listed members end before a count (A、B3个卫生院)
    phase_only: bool = False         # a headless name before a phase (宽厚里二期)
    # (Both are set as lists when there are any: an empty tuple until then spares a mention two
    # lists, most of them never filled.)
    chain: list | tuple = ()    # mentions joined by separators, sharing an action
    members: list | tuple = ()  # items of A、B等<head>
    typed_by: Mention | None = None  # the type head a listed item belongs to
    full_count: dict | None = None   # the count of a type whose members are all named
    shared_head: tuple | None = None  # (start, end) of the head a listed abbreviation shares (平文、文麻高速公路)


@dataclass(eq=False, slots=True)
class Record:
    """A project record made from a mention: a named project or an unnamed counted group.

    ``start``/``end`` and ``base`` index the normalised text until :mod:`features` turns the
    records into catalog features.
    """

    named: bool
    category: str
    action: str | None
    start: int
    end: int
    base: tuple
    mention: Mention
    section: tuple | None = None
    quantity: dict | None = None
    group_total: dict | None = None
    remainder: bool = False          # a group whose named members are counted apart
    measures: list = field(default_factory=list)
    sentence: tuple | None = None
    clause: tuple | None = None
    listed_members: list | tuple = ()  # (set as a list when there are any)
    name_tail: tuple | None = None   # (start, end) of a shared head the name ends with (平文 + 高速公路)
    confidence: float | None = None  # how likely a droppable named record is a project (geo.extract.confidence)
    noun: str | None = None          # what names an unnamed group no noun of the text names (其余小学, 其余项目)
    # Filled in when the records become features.
    name: str = ""
    base_name: str = ""
    section_text: str | None = None
    char_start: int = 0
    char_end: int = 0
    quote: str = ""
    id: str = ""
    merged_into: Record | None = None
    group_id: str | None = None
    slug_parts: tuple | None = None  # the pinyin of the name for its id, worked out with the part


def headless_name(start, end, category, clause, action=None):
    """A named record for ``norm[start:end]``, a name written without a head (a route 青山至白石, a
    park's site 青山站旁, a landmark 青峰山 listed before its works): its mention ends where the name
    does, with a stem of at least two characters.

    Parameters
    ----------
    start, end : int
        The name in the normalised text.
    category : str
        The category of the mention and the record (a caller may set the record's own after).
    clause : tuple
        (start, end) of the clause the name is in.
    action : str or None
        The works said of it.

    Returns
    -------
    Record
    """
    mention = Mention(kind="name", head="", category=category, stem_start=start, head_start=end, head_end=end,
                      end=end, min_stem=2)
    return Record(named=True, category=category, action=action, start=start, end=end, base=(start, end),
                  mention=mention, measures=[], clause=clause)


NAMED_KINDS = frozenset({"name", "facility", "code"})  # the kinds of mention that name one place (asked of each)


def chain_first(mention):
    """The first item of the list a mention is in (the mention itself when it stands alone)."""
    chain = mention.chain
    if not chain:
        return mention
    answers = getattr(chain, "answers", None)  # (read here: see chain_end)
    kept = answers.get(_first) if answers is not None else None
    return kept[1] if kept is not None else once_per_chain(chain, _first)


def chain_end(mention):
    """Where the list a mention is in ends (its own end when it stands alone).

    The answer :func:`geo.extract.chains.once_per_chain` kept on the list is read here (the rules ask
    a list's end tens of thousands of times in a 1 MB report: no call of it each time)."""
    chain = mention.chain
    if not chain:
        return mention.end
    answers = getattr(chain, "answers", None)
    kept = answers.get(_last_end) if answers is not None else None
    return kept[1] if kept is not None else once_per_chain(chain, _last_end)


def list_end(mention):
    """Where the list a mention is in ends, with the type that closes it (A路、B路等4条公路|)."""
    end = chain_end(mention)
    typed = mention.typed_by
    return typed.end if typed is not None and typed.end > end else end


def chain_last(mention):
    """The item of the list a mention is in that ends last (the mention itself when it stands alone)."""
    return once_per_chain(mention.chain, _ending_last) if mention.chain else mention


def _first(chain):
    """The item of a list that starts first (asked once per list: see :mod:`geo.extract.chains`)."""
    return min(chain, key=_STEM_START)


def _last_end(chain):
    """Where the item of a list ending last ends."""
    return max(map(_END, chain))


def _ending_last(chain):
    """The item of a list that ends last."""
    return max(chain, key=_END)


_STEM_START = operator.attrgetter("stem_start")
_END = operator.attrgetter("end")


class Covered:
    """The characters of a stretch of text that records (or counts) already took: adding a span
    and asking whether one overlaps cost its length, not the number of records (a crafted text of
    thousands of list items stays linear)."""

    def __init__(self, start, end, spans=()):
        self.start = start
        self.marks = bytearray(end - start + 1)
        for s, e in spans:
            self.add(s, e)

    def add(self, s, e):
        s, e = self._clamped(s, e)
        if s < e:
            self.marks[s:e] = b"\x01" * (e - s)

    def hit(self, s, e):
        """True when any character of ``[s, e)`` is taken."""
        s, e = self._clamped(s, e)
        return s < e and 1 in self.marks[s:e]

    def _clamped(self, s, e):
        """``[s, e)`` as offsets of the marks, cut to them (an end before the stretch is 0; a start
        before it too). By comparisons: the min and max builtins cost ten times as much a call."""
        s -= self.start
        e -= self.start
        size = len(self.marks)
        return (s if s > 0 else 0), (e if 0 < e < size else size if e >= size else 0)
