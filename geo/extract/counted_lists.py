"""A list whose items number the count of the type that closes it (青山花园、红水堡、白石湾3个老旧小区改造):
every item is one of the places counted, when no rule linked them and an unnamed group was left."""

from __future__ import annotations

import re

from geo.extract.model import Covered, headless_name
from geo.lexicon import JURISDICTION_SUFFIXES, TOWNSHIP_SUFFIXES, VILLAGE_SUFFIXES
from geo.lexicon_lookups import is_generic
from geo.numbers import parse_number
from geo.settings import COUNTED_LIST_CATEGORIES, COUNTED_LIST_ITEM_CHARS, COUNTED_LIST_MAX_ITEMS

# An item ending like a township, a county or a village is a place the works are in, not one counted.
_PLACE_SUFFIXES = (*TOWNSHIP_SUFFIXES, *JURISDICTION_SUFFIXES, *VILLAGE_SUFFIXES)
# The count an unnamed group opens with (3个, 两座): digits or numerals, then a unit.
_COUNT = re.compile(r"(?:\d+|[一二两三四五六七八九十])[个座所处家]")
_ITEM_CHAR = re.compile(r"[\u4e00-\u9fff]")


def counted_list_items(norm, records, sent_start):
    """The records of a sentence with each unnamed group whose count its list's items number replaced by
    the items.

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The sentence's records (after the tagger and the counted places).
    sent_start : int
        Where the sentence starts.

    Returns
    -------
    list of Record
        ``records`` itself when no group is such (most sentences); else a new list without the groups
        and with a named record for each item no record named, in the group's category, stating the
        group's count as its list's total.

    Notes
    -----
    An unnamed group (of a category of ``COUNTED_LIST_CATEGORIES``) whose count is written right
    after a list's last item (华宝、区四小、百福时尚周边3个老旧片区: an item ending in 周边; 登科花园、新亭尾、
    德和良茂3个老旧物业小区: a type with an infix; the list was left unlinked) counts the items when they are exactly as many as
    the count, joined by 、 alone, the first a named record and the others named records or Han text of
    two to ``COUNTED_LIST_ITEM_CHARS`` characters, neither generic nor a township, county or village.
    """
    groups = [(r, count) for r in records if not r.named and r.quantity and not r.group_total and not r.remainder
              and r.category in COUNTED_LIST_CATEGORIES and (count := _count_in(norm, r, sent_start)) is not None]
    if not groups:
        return records
    named = [r for r in records if r.named]
    named_by_end = {r.end: r for r in named}
    taken = Covered(min(r.start for r in records), max(r.end for r in records), [(r.start, r.end) for r in named])
    dropped, added = set(), []
    for group, count in groups:
        items = _items(norm, named_by_end, taken, count, sent_start)
        if items is None:
            continue
        dropped.add(id(group))
        for start, end in items:
            made = headless_name(start, end, group.category, group.clause, action=group.action)
            made.sentence, made.group_total = group.sentence, dict(group.quantity)
            added.append(made)
    return [r for r in records if id(r) not in dropped] + added if dropped else records


def _count_in(norm, group, sent_start):
    """Where the count of an unnamed group opens, when a list's last item ends right before it: at the
    group's start (百福时尚周边|3个老旧片区) or inside the group, after the item it took in (德和良茂3个…);
    None otherwise."""
    found = _COUNT.search(norm, group.start, group.end)
    if found is None or found.start() - 1 <= sent_start or not _ITEM_CHAR.match(norm, found.start() - 1) \
            or norm[found.start() - 1] == "、":
        return None
    return found


def _items(norm, named_by_end, taken, count, sent_start):
    """The spans of the items no record names, of the list right before a group's ``count``, when the
    items number the count and none of them is left to name; None otherwise. ``named_by_end`` holds the
    sentence's named records by their end, ``taken`` the characters they cover."""
    value = parse_number(count.group()[:-1])
    if not value or not 2 <= value <= COUNTED_LIST_MAX_ITEMS:
        return None
    pos, found, new = count.start(), 0, []
    while True:
        record = named_by_end.get(pos)
        if record is not None:
            start = record.start
        else:
            start = pos
            while start > sent_start and pos - start <= COUNTED_LIST_ITEM_CHARS and _ITEM_CHAR.match(norm, start - 1) \
                    and norm[start - 1] != "、":
                start -= 1
            if norm[start - 1] != "、" or not _bare_item(norm, start, pos) or taken.hit(start, pos):
                return None  # (the first item must be a named record: where a raw one opens is unknown)
            new.append((start, pos))
        found += 1
        if start - 1 <= sent_start or norm[start - 1] != "、":
            return new if found == value and record is not None and new else None
        if found >= value:
            return None  # (more items than the count: it counts some of them)
        pos = start - 1


def _bare_item(norm, start, end):
    """True when ``norm[start:end]`` may be a place of its own: two characters or more, not generic, not
    ending like a township, county or village."""
    return end - start >= 2 and not is_generic(norm[start:end]) and not norm.endswith(_PLACE_SUFFIXES, start, end)

