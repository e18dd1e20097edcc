"""Kinds a text declares the parts of a project: named bare again anywhere in it, they are those parts."""

from __future__ import annotations

import re

from geo.extract.segment import clean
from geo.lexicon import PARTS_OPENERS, heads
from geo.names import normalise_name, simplified_with_offsets
from geo.settings import DECLARED_PARTS_MIN


def parts_named_again(text, records):
    """Drop the named records of kinds the text lists bare as the parts of a project.

    青山文化园包括展览馆、图书馆和档案馆 declares the three halls the park's parts (the list's own
    mentions are context: geo.extract.described.types_contained); 档案馆已建成, 图书馆、展览馆等三个
    建筑体 later in the text name those parts again, no projects of their own. A list declares parts
    when it holds at least settings.DECLARED_PARTS_MIN kinds written bare (a head with no name
    before it); a kind with a name (青山图书馆) is never dropped.

    Parameters
    ----------
    text : str
        The report's text as read (Simplified or Traditional).
    records : list of Record
        The text's records, names filled in (geo.extract.features.finish_records).

    Returns
    -------
    list of Record
        ``records`` without the named ones whose name is a declared part, in their order.
    """
    bare = [record for record in records if record.named and normalise_name(record.name) in _KINDS]
    if not bare:
        return records  # (most texts: no record named by its kind alone, the text is not read again)
    declared = _declared_parts(text)
    if not declared:
        return records
    return [record for record in records
            if not (record.named and normalise_name(record.name) in declared)]


def _declared_parts(text):
    """The kinds written bare in the lists of parts of ``text`` (those holding enough of them).

    Only the clauses that may hold a list are normalised, each from a character that may open
    one (an opener's first, the same in either script) to the clause's end, once: the list's items
    stop at a clause mark, so nothing past it can be read into one. Normalising the whole text
    again was ~540 M instructions of the serial end on 1 MB.
    """
    found, at = set(), 0
    while start := _OPENER_STARTS.search(text, at):
        end = _CLAUSE_END.search(text, start.start())
        at = end.end() if end else len(text)  # a clause read once, however many openers' characters it holds
        norm = clean(*simplified_with_offsets(text[start.start():at]))[0]
        for listed in _PARTS_LISTED.finditer(norm):
            kinds = {item for item in _ITEM_JOINS.split(listed.group("items")) if item in _KINDS}
            if len(kinds) >= DECLARED_PARTS_MIN:
                found |= kinds
    return found


# Heads of a category: a record whose whole name is one names a kind, no place (图书馆, 体育馆).
_KINDS = frozenset(head for head, (category, _kind, _min) in heads().items() if category)
# A verb of parts, the works that may open the list, and its items (up to 等 or a mark).
_PARTS_LISTED = re.compile("(?:" + "|".join(map(re.escape, PARTS_OPENERS)) + r"):?(?:建设|新建|改建|扩建)?"
                           r"(?P<items>(?:[^,;:。!?\n、和及与等]{1,12}[、和及与])+[^,;:。!?\n、和及与等]{1,12})")
_ITEM_JOINS = re.compile("[、和及与]")
# Where a clause that may list parts starts, and where it ends (full-width or ASCII, as written).
_OPENER_STARTS = re.compile("[" + "".join(sorted({re.escape(opener[0]) for opener in PARTS_OPENERS})) + "]")
_CLAUSE_END = re.compile("[,，;；。!！?？\n]")
