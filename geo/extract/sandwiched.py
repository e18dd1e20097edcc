"""Unnamed items a list holds between two named places of one kind: 万达广场、明发世贸、爱琴海综合体 (明发世贸)."""

from __future__ import annotations

import re

from geo.data import categories
from geo.extract.confidence import score_added
from geo.extract.model import Mention, Record
from geo.settings import MAX_SANDWICHED
from geo.extract.patterns import COUNTED_PROJECTS, ROAD_CATEGORIES, TAGGER_DROP_OUTSIDE
from geo.lexicon import SECTOR_WORDS, SUBUNIT_HEADS, heads
from geo.lexicon_lookups import ACTIONS_SORTED, is_generic, stop_ending_at

# Items of two to eight characters (翠园, 明发世贸) between two named places.
_ITEM = re.compile(r"[\u4e00-\u9fff]{2,8}")
_SEPARATOR = "、"
_MAX_ITEM = 8 + 1  # characters of an item and its separator
_SUBUNIT_ENDINGS = tuple(SUBUNIT_HEADS)  # (a tuple, for str.endswith)


def sandwiched_items(norm, records, tagging, sent_start, sent_end):
    """万达广场、明发世贸、爱琴海综合体: the unnamed items of a list of 、 between two named places of
    one kind are places of that kind too (明发世贸), when each is written like a place's name
    (:func:`_written_as_place`) and the tagger does not hold its characters to be outside any name.

    Run on a sentence after the tagger, whose test of the rules' names the items pass too
    (:data:`geo.extract.patterns.TAGGER_DROP_OUTSIDE`: 汉巴南铁路 in a list of the railways crossing
    a county, a park's 益智广场, a hospital's 行政楼); the record model then weighs them like the
    names the tagger adds (:func:`geo.extract.confidence.score_added`). Without the tagger no item
    is named.

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The sentence's records after the tagger.
    tagging : geo.extract.tagger.Tagging or None
        The tagger's reading of the text.
    sent_start, sent_end : int
        The sentence.

    Returns
    -------
    list of Record
        The new named records (none in most sentences).
    """
    if tagging is None or norm.find(_SEPARATOR, sent_start, sent_end) < 0:
        return []
    named = sorted((r for r in records if r.named), key=lambda r: r.start)
    added = []
    for left, right in zip(named, named[1:]):
        category = _list_category(norm, left, right)
        if category is None:
            continue
        texts = norm[left.end + 1:right.start - 1].split(_SEPARATOR)
        if len(texts) > MAX_SANDWICHED or not all(_written_as_place(text) for text in texts):
            continue
        pos = left.end + 1
        for text in texts:
            if tagging.outside(pos, pos + len(text)) < TAGGER_DROP_OUTSIDE:
                added.append(_item_record(left, pos, pos + len(text), _item_category(text, category)))
            pos += len(text) + 1
    if added:
        score_added(norm, records, added, tagging, sent_start, sent_end)
    return added


def _list_category(norm, left, right):
    """The category of the places two named records list with items between them: theirs when they
    share it, a road's for two roads (183号路段、庾园段、湖滨西路段), projects' for two facilities of
    other kinds (长峙岛九年制义务学校、国脉智慧产业城、舟山儿童公园). None when they are no list of
    places of one kind, or the buildings of one facility (门急诊楼、医技楼、行政楼)."""
    if norm[left.end:left.end + 1] != _SEPARATOR or norm[right.start - 1:right.start] != _SEPARATOR \
            or right.start - left.end > _MAX_ITEM * MAX_SANDWICHED \
            or left.mention.head in SUBUNIT_HEADS or right.mention.head in SUBUNIT_HEADS:
        return None
    if left.category == right.category:
        return left.category
    if left.category in ROAD_CATEGORIES and right.category in ROAD_CATEGORIES:
        return left.category
    if left.mention.kind == right.mention.kind == "facility":
        return COUNTED_PROJECTS
    return None


def _written_as_place(text):
    """True when a list item is written like a place's bare name: 2-8 Han characters, not generic
    (初中班), no part of a facility (行政楼), no industry or programme (热电联产, 防沙治沙), no works
    or verb, no phrase (县城的防护工程) and no stop word inside."""
    return _ITEM.fullmatch(text) is not None and not is_generic(text) and "的" not in text \
        and not text.endswith(_SUBUNIT_ENDINGS) and not text.endswith(SECTOR_WORDS) \
        and not any(action in text for action in ACTIONS_SORTED if len(action) > 1) \
        and not any(len(stop_ending_at(text, end, 0) or "") > 1 for end in range(2, len(text) + 1))


def _item_category(text, shared):
    """An item's category: that of the type it ends in, when the lexicon has it (体育馆: sports),
    else the list's."""
    table, places = heads(), categories()
    for i in range(len(text) - 1):
        row = table.get(text[i:])
        if row is not None and row[0] in places and row[0] != COUNTED_PROJECTS:
            return row[0]
    return shared


def _item_record(neighbour, start, end, category):
    """A named record of ``norm[start:end]`` of ``category``, with its neighbour's action."""
    mention = Mention(kind="raw", head="", category=category, stem_start=start, head_start=end,
                      head_end=end, end=end)
    return Record(named=True, category=category, action=neighbour.action, start=start, end=end,
                  base=(start, end), mention=mention, measures=[])
