"""Routes listed after a header of road projects: 县乡公路改造项目5个,即青山到白石、红岭至东坪 (each item
a road named by its two ends, with no road type of its own)."""

from __future__ import annotations

import re

from geo.extract.lists import list_members
from geo.extract.model import headless_name
from geo.extract.segment import clauses
from geo.extract.works import resolve_category
from geo.lexicon import ROUTE_LIST_OPENERS
from geo.lexicon_lookups import ACTION_INDEX
from geo.settings import MAX_LISTED_ROUTES, ROUTE_ECHO_REACH, ROUTE_HEADER_REACH, ROUTE_ITEM_MAX_CHARS

# A header of road projects ending its clause: a road word, a few characters (its works), then 项目
# or 工程 and maybe their count (县乡公路改造项目5个, 道路建设项目).
_HEADER = re.compile(r"(?:公路|道路|县道|乡道|通村路|通乡路)[\u4e00-\u9fff]{0,6}?(?:项目|工程)(?:\d+[个条项])?$")
# A list item: a route named by its two ends, Han characters only (no 的), at most this long.
_ROUTE_ITEM = re.compile(r"(?:(?!的)[\u4e00-\u9fff]){2,}[至到](?:(?!的)[\u4e00-\u9fff]){2,}")
_LIST_END = "等"
_OTHER_JOIN = str.maketrans("至到", "到至")


def listed_routes(norm, records, sent_start, sent_end):
    """The named roads of a list of routes that a clause opens (即, 主要包括) right after a header
    of road projects ending the clause before it (县乡公路改造项目5个,即A到B、C至D).

    The items have no road type, so no head makes them mentions: the places inside them are
    named instead (a village in 新寨), or nothing. Every item of the list must be a route (A至B
    or A到B, Han characters only); the list ends at the clause's end or at 等. A record inside an
    item gives way to the item's road; a counted group of the header takes the roads as its
    members (fewer than its count).

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The sentence's records (after the tagger); changed in place.
    sent_start, sent_end : int
        The sentence.

    Returns
    -------
    list of Record
        The new named records (none in most sentences); the records inside them are removed
        from ``records``.
    """
    if norm.find("至", sent_start, sent_end) < 0 and norm.find("到", sent_start, sent_end) < 0:
        return []
    added = []
    spans = list(clauses(norm, sent_start, sent_end))
    for (h0, h1), (c0, c1) in zip(spans, spans[1:]):
        opener = next((w for w in ROUTE_LIST_OPENERS if norm.startswith(w, c0, c1)), None)
        if opener is None:
            continue
        header = _HEADER.search(norm, max(h0, h1 - ROUTE_HEADER_REACH), h1)
        if header is None:
            continue
        items = [(s, e) for s, e in _route_items(norm, c0 + len(opener), c1) if not _named_before(norm, s, e)]
        if not items:
            continue
        action = ACTION_INDEX.first_in(norm, header.start(), h1)
        routes = [_route_record(norm, start, end, action[1] if action else None, (c0, c1)) for start, end in items]
        records[:] = [r for r in records if not any(s <= r.start and r.end <= e for s, e in items)]
        groups = [r for r in records if not r.named and not r.remainder and r.quantity and h0 <= r.start < h1]
        if len(groups) == 1:
            list_members(groups[0], routes)
        added.extend(routes)
    return added


def _route_items(norm, start, end):
    """Spans of the items of a list of routes in ``norm[start:end]``, or [] when it holds fewer
    than two, more than MAX_LISTED_ROUTES, or any item that is no route. An item with two joins
    (two routes run together on the page) is no item of the spans."""
    stop = norm.find(_LIST_END, start, end)
    end = stop if stop >= 0 else end
    items, pos, count = [], start, 0
    while pos < end and count <= MAX_LISTED_ROUTES:
        cut = norm.find("、", pos, end)
        cut = end if cut < 0 else cut
        if cut - pos > ROUTE_ITEM_MAX_CHARS or _ROUTE_ITEM.fullmatch(norm, pos, cut) is None:
            return []
        if _joins(norm, pos, cut) == 1:  # (two joins, 青山到白石红岭至东坪: two items run together, left)
            items.append((pos, cut))
        pos, count = cut + 1, count + 1
    return items if 2 <= count <= MAX_LISTED_ROUTES and pos >= end else []


def _named_before(norm, start, end):
    """True when the route ``norm[start:end]`` is written shortly before with its other join (蓝溪镇黄潭村到
    太拔镇太拔村 before 蓝溪镇黄潭村至太拔镇太拔村): the road is named there already, as written first.
    Only ROUTE_ECHO_REACH characters back are looked through (linear in the text)."""
    return norm.find(norm[start:end].translate(_OTHER_JOIN), max(0, start - ROUTE_ECHO_REACH), start) >= 0


def _joins(norm, start, end):
    """How many 至 and 到 join places in ``norm[start:end]``."""
    return norm.count("至", start, end) + norm.count("到", start, end)


def _route_record(norm, start, end, action, clause):
    """A named road record for the route ``norm[start:end]``."""
    record = headless_name(start, end, "road", clause, action)
    record.category = resolve_category("road", action, norm, record.mention, norm[start:end])
    return record
