"""List items written bare before a name whose type word they share (青石、白马、红枫工业园) that no record names:
the first ones of a list whose second-to-last item the tagger named bare, and a place right before a name
holding an ordinal (东岭、东桥第二中心幼儿园: 东岭第二中心幼儿园)."""

from __future__ import annotations

import re

from geo.extract.model import headless_name
from geo.extract.name_tails import head_length_at
from geo.extract.shared_heads import bare_place, raw_item
from geo.lexicon import (
    JURISDICTION_SUFFIXES, LAST_ITEM_JOINS, LEFT_ACTIONS, PHASE_VERBS, SHARED_BY_PLACES_HEADS, TOWNSHIP_SUFFIXES,
    VILLAGE_SUFFIXES)
from geo.lexicon import heads
from geo.lexicon_lookups import ACTIONS_SORTED, DIRECTIONS, is_generic
from geo.settings import BARE_LIST_MAX_ITEMS

# What ends a township, a county or a village: such an item is a place named as written, and no type
# word starts with it.
_PLACE_SUFFIXES = (*TOWNSHIP_SUFFIXES, *JURISDICTION_SUFFIXES, *VILLAGE_SUFFIXES)
_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]{1,3}")
# What may join the item named bare to the last item of the list (A、B和C停车场).
_LAST_JOINS = frozenset({"、", *LAST_ITEM_JOINS})
_OPENING_VERBS = frozenset({*ACTIONS_SORTED, *LEFT_ACTIONS, *PHASE_VERBS})


def bare_first_items(norm, records, sent_start, sent_end):
    """The bare items of a list before a named record that no record names, when the item right before
    the record is named bare (推进青石、白马、红枫工业园建设: the tagger named 白马 bare, 青石 was lost): any
    category, any length of list up to BARE_LIST_MAX_ITEMS.

    The record is a bare place and a type word: split after as many characters as the item before it
    has, the part before is a bare place too and the rest holds a head with nothing but generic words or
    an ordinal before it (红枫|工业园, 东桥|第二中心幼儿园; 青石|岭灌区 after 银湖 is no split). The items
    before the one named bare, joined by 、 alone, are bare places of two to five Han characters with no
    head, not ending like a township, a county or a village or in a direction; they are named bare as it
    is (the labels of a list name its items alike). The list opens at a verb of works (在交通局、… opens
    at none). The item named bare may be joined to the record by 和, 及 or 与 too (青石、白马和红枫工业园).
    Where no record is right before it, see :func:`_ordinal_items`.

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The sentence's records (after the tagger).
    sent_start, sent_end : int
        The sentence.

    Returns
    -------
    list of Record
        The new item records (none in most sentences).
    """
    added = []
    if not records or norm.find("、", sent_start, sent_end) < 0:
        return added  # (no list: most sentences)
    by_end = {r.end: r for r in records if r.named}
    for record in records:
        if not record.named or record.name_tail is not None or record.start - 2 <= sent_start \
                or norm[record.start - 1] not in _LAST_JOINS or record.end - record.start < 4:
            continue
        before = by_end.get(record.start - 1)
        if before is None:
            added.extend(_ordinal_items(norm, record, by_end, sent_start, sent_end))
            continue
        if before.category != record.category:
            continue  # (the item right before is named bare, of the record's kind)
        end = record.section[0] if record.section and record.section[0] > record.start else record.end
        head = _head_in(norm, record.start, end)
        if head is None or norm[head:head + head_length_at(norm, head)] in SHARED_BY_PLACES_HEADS:
            continue  # (青坡、红水堡棚户区: sites named as written)
        clause = record.clause or (sent_start, sent_end)
        items = _items_before(norm, record, (head, end), by_end, clause[0])
        if len(items) < 2 or items[0][2] is None or items[-1][2] is not None or items[-1][3] not in _OPENING_VERBS:
            continue  # (在交通局、…: the list opens at no works, the places may be context)
        for start, stop_at, item, _ in items:
            if item is None:
                made = headless_name(start, stop_at, record.category, record.clause, action=record.action)
                made.sentence = record.sentence
                added.append(made)
                by_end[stop_at] = made
    return added


def _ordinal_items(norm, record, by_end, sent_start, sent_end):
    """东岭、东桥第二中心幼儿园: a bare place right after a works verb and before 、 and a record named by a
    place, an ordinal and a head (split as in :func:`bare_first_items`) takes the ordinal and head
    (东岭第二中心幼儿园), as a list of numbered schools names each; a new record or none."""
    if norm[record.start - 1] != "、" or norm.find("第", record.start, record.end) < 0:
        return []
    end = record.section[0] if record.section and record.section[0] > record.start else record.end
    head = _head_in(norm, record.start, end)
    if head is None:
        return []
    clause = record.clause or (sent_start, sent_end)
    raw = raw_item(norm, record.start - 1, clause[0])
    if raw is None or raw.stop not in _OPENING_VERBS or not _bare_item(norm, raw.stem_start, record.start - 1):
        return []
    split = record.start + (record.start - 1 - raw.stem_start)
    if not _ORDINAL.match(norm, split, head) or not _splits(norm, record.start, split, head, end):
        return []
    made = headless_name(raw.stem_start, record.start - 1, record.category, record.clause, action=record.action)
    made.name_tail = (split, end)
    made.sentence = record.sentence
    return [made]


def _head_in(norm, start, end):
    """Where the first head of two or more characters in ``norm[start:end]`` opens (its last
    character for a one-character head ending the name), past the name's first two characters."""
    for pos in range(start + 2, end - 1):
        size = head_length_at(norm, pos)
        if size and pos + size <= end:
            return pos
    table = heads()
    return end - 1 if end - start >= 3 and norm[end - 1] in table else None


def _items_before(norm, record, head, by_end, clause_start):
    """The items listed before ``record`` (right before its separator), right to left, as (start, end, record
    or None, stop word before a new item); none when the item before it does not split it."""
    items = []
    pos = record.start - 1
    while len(items) < BARE_LIST_MAX_ITEMS:
        item = by_end.get(pos)
        if item is not None:
            if item.name_tail is not None or item.section is not None or item.category != record.category \
                    or not _bare_item(norm, item.start, item.end):
                return []
            start, stop = item.start, None
        else:
            raw = raw_item(norm, pos, clause_start)
            if raw is None or not _bare_item(norm, raw.stem_start, pos):
                return []
            start, stop = raw.stem_start, raw.stop
        if not items and not _splits(norm, record.start, record.start + (pos - start), *head):
            return []
        items.append((start, pos, item, stop))
        if stop is not None or start - 1 <= clause_start or norm[start - 1] != "、":
            return items
        pos = start - 1
    return []


def _bare_item(norm, start, end):
    """True when ``norm[start:end]`` is a bare place (see :func:`shared_heads.bare_place`) holding no
    head, not ending like a township, county or village nor in a direction (河口镇, 青山村, 城西 or 碾北, a
    side of the town: named as written)."""
    return not norm.endswith(_PLACE_SUFFIXES, start, end) and norm[end - 1] not in DIRECTIONS \
        and norm[end - 1] not in heads() and not any(head_length_at(norm, pos) for pos in range(start, end - 1)) \
        and bare_place(norm, start, end)


def _splits(norm, start, split, head, end):
    """True when a record ``norm[start:end]`` splits at ``split`` into a bare place and a tail of two
    characters or more whose words before its head (at ``head``) are none, generic words or an
    ordinal and generic words (第二中心)."""
    if not start + 2 <= split <= head or end - split < 2 or not bare_place(norm, start, split) \
            or norm.startswith(_PLACE_SUFFIXES, split):
        return False  # (太平营|镇中心卫生院, 青山|村卫生室: a place's suffix is no type word)
    ordinal = _ORDINAL.match(norm, split, head)
    before = norm[ordinal.end() if ordinal else split:head]
    return not before or is_generic(before)
