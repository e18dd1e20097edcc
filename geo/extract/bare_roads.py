"""Roads the report names both with and without the jurisdiction they are in: named bare.

A report may name a road once with its county or city before it (青山县白石路, 青山市红岭大道) and
once, or more, by itself (白石路): the jurisdiction is an address, no part of the road's name, and
the road is named as the report names it alone. A road whose own part is a position or a kind of
road (青山县环城公路 beside 环城公路) keeps its jurisdiction: alone it names no one road. Bodies of water
(``BARE_NAME_CATEGORIES``) are named bare the same way among themselves (青山区白石河 beside 白石河), and a
name may open with up to ``BARE_NAME_MAX_LEVELS`` jurisdictions (青松市青山县白石河).
"""

from __future__ import annotations

import re

from geo.lexicon import JURISDICTION_SUFFIXES, POSITIONAL_WORDS
from geo.lexicon_lookups import is_generic, is_road_type
from geo.extract.patterns import ROAD_CATEGORIES
from geo.names import normalise_name, simplified_with_offsets
from geo.settings import BARE_NAME_CATEGORIES, BARE_NAME_MAX_LEVELS, BARE_ROAD_MIN_CHARS

# A single jurisdiction opening a name: one to three characters and its suffix (青山县|白石路).
_JURISDICTION = re.compile("[\u4e00-\u9fff]{1,3}?[" + "".join(JURISDICTION_SUFFIXES) + "]")
_HAN = re.compile("[\u4e00-\u9fff]")  # the rest opens with one (no page's pinyin: 縣(xiàn)白石路)


def named_bare(records):
    """Name bare the named roads whose name without their leading jurisdiction is another road's
    of the report (青山县白石路 beside 白石路 -> 白石路), unless that rest is a position or a kind of
    road (环城公路, 绕城公路); so too the named records of ``BARE_NAME_CATEGORIES`` (青山县白石河 beside
    白石河, a river) among themselves. Up to ``BARE_NAME_MAX_LEVELS`` jurisdictions may open the name
    (青山市青松县白石河).

    Parameters
    ----------
    records : list of Record
        The report's records (after the filters): changed in place (``name``, ``base_name``, ``slug_parts``).

    Returns
    -------
    list of Record
        ``records`` itself.
    """
    for categories in (ROAD_CATEGORIES, BARE_NAME_CATEGORIES):  # (not bridges: 青山县白石大桥)
        _name_bare([r for r in records if r.named and r.category in categories])
    return records


def _name_bare(named):
    """Name bare, in place, the records of ``named`` (one family of categories) whose own part is
    another's name."""
    if len(named) < 2:
        return
    names = {normalise_name(r.name) for r in named}
    cuts = {}  # name -> where its own part begins, or None (a report names a road many times: once a name)
    for record in named:
        name = record.name
        cut = cuts[name] if name in cuts else cuts.setdefault(name, _own_part(name, names))
        if cut is None:
            continue
        own = cut[1]
        if not _kind_of_road(own, record.mention.head):
            if record.base_name.startswith(name[:cut[0]]):
                record.base_name = record.base_name[cut[0]:]
            record.name, record.slug_parts = name[cut[0]:], None


def _own_part(name, names):
    """(where the own part begins in ``name``, that part normalised) after one or more leading
    jurisdictions (青山县|白石路, 青山縣|白石路, 青山市青松县|白石河), the first such part in ``names``;
    None when no jurisdiction opens it, too little is left after it or no part is in ``names``."""
    simplified, origin = simplified_with_offsets(name)  # (a Traditional name: 青山縣白石路)
    pos = 0
    for _ in range(BARE_NAME_MAX_LEVELS):
        match = _JURISDICTION.match(simplified, pos)
        if match is None or len(simplified) - match.end() < BARE_ROAD_MIN_CHARS \
                or not _HAN.match(simplified, match.end()):
            return None
        own = normalise_name(simplified[match.end():])
        if own in names:
            return origin[match.end()], own
        pos = match.end()
    return None


def _kind_of_road(own, head):
    """True when ``own`` (a normalised name) before the road's ``head`` is a position or a kind of road
    (环城, 绕城: no one road)."""
    stem = own[:-len(head)] if head and own.endswith(head) else own
    return not stem or stem in POSITIONAL_WORDS or is_generic(stem) or is_road_type(stem)
