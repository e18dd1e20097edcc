"""Small parks named by their sites: 在青山站旁、白石中心院内建设2处小游园, 分布在青峰路四号洞南侧3处,
青山路西南角等点位新建的街头小游园 (each site a place and a side word, the park no name of its own)."""

from __future__ import annotations

import re

from geo.extract.model import headless_name
from geo.settings import MAX_PARK_SITE, MIN_PARK_SITE_PLACE
from geo.extract.segment import clauses
from geo.lexicon import PARK_SITE_WORDS, SITED_PARK_TYPES, TOWN_AREAS
from geo.lexicon_lookups import ACTION_INDEX, is_generic

_TYPE = re.compile("|".join(sorted(SITED_PARK_TYPES, key=len, reverse=True)))
_SIDE = re.compile("|".join(sorted(PARK_SITE_WORDS, key=len, reverse=True)))
# What may follow a site: the clause's end (checked apart), a list separator, 等 (点位), a count or size
# (3处, 50亩) or 的 and the type (的口袋公园; 位于A北侧的B花园 locates a named park). A type right after the
# site names the park with it (A北侧口袋公园): no site of this rule.
_AFTER = re.compile(r"[、和及等\d]|的(?:" + _TYPE.pattern + ")")
# A clause spreading the parks of a type named before it over their sites (具体分布在A南侧3处、B旁2处).
_SPREAD = "分布"
# Where a site begins: after a list separator, a word placing it (在, 位于, 分布在, 对) or the built-up
# part of the town it lies in (TOWN_AREAS: 万年县县城A路与B路交会处).
_OPENER = re.compile(r"[、在对于]|" + "|".join(TOWN_AREAS))
_SITE = re.compile(r"[\u4e00-\u9fff\d]+")


def sited_parks(norm, records, sent_start, sent_end):
    """The named parks of a sentence holding a small park type (SITED_PARK_TYPES) that are named
    by their sites: a place and a side word (PARK_SITE_WORDS: 旁, 南侧, 西南角, 院内, 交会处),
    standing at the start of a clause or after a list separator or a placing word (在, 对), and
    followed by the clause's end, a separator, 等, a count or size, or 的 and the type; the type
    stands later in the site's clause, or before a clause spreading its parks (分布在A南侧3处). A site
    a named record already holds (A北侧口袋公园) is left to it.

    A site holds no works word, is at most MAX_PARK_SITE characters and its place at least
    MIN_PARK_SITE_PLACE and not generic (学校周边 is no site). A record inside a site gives way to it.

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
        The new park records (none in most sentences).
    """
    first = _TYPE.search(norm, sent_start, sent_end)
    if first is None:
        return []
    sites = []
    for c0, c1 in clauses(norm, sent_start, sent_end):
        if _SIDE.search(norm, c0, c1) is None:
            continue
        last_type = max((m.start() for m in _TYPE.finditer(norm, c0, c1)), default=-1)
        spread = norm.find(_SPREAD, c0, c1) if first.start() < c0 else -1
        for side in _SIDE.finditer(norm, c0, c1):
            site = _site(norm, side, (c0, c1), last_type, spread)
            if site is not None and (not sites or sites[-1][1] <= site[0]):
                sites.append(site)
    if not sites:
        return []
    sites = [site for site in sites if not any(r.named and r.start <= site[0] and site[1] < r.end for r in records)]
    records[:] = [r for r in records if not any(s <= r.start and r.end <= e for s, e, _ in sites)]
    return [headless_name(s, e, "park", clause) for s, e, clause in sites]


def _site(norm, side, clause, last_type, spread):
    """(start, end, clause) of the site a side word ends, or None. The type stands after the site in
    its clause (``last_type``: where the clause's last type starts, -1 for none), or in a clause before
    one that spreads its parks (``spread``: where 分布 stands in the clause, -1 for none or no type before)."""
    c0, c1 = clause
    end = side.end()
    if end < c1 and _AFTER.match(norm, end, c1) is None:
        return None
    lo = max(c0, end - MAX_PARK_SITE - 1)
    start = c0
    for opener in _OPENER.finditer(norm, lo, side.start()):
        start = opener.end()
    if start == c0 and end - c0 > MAX_PARK_SITE:
        return None
    if last_type < end and not 0 <= spread < start:
        return None  # 位于A南侧、B东侧,…结合口袋公园建设: the sites of another thing
    place = norm[start:side.start()]
    if len(place) < MIN_PARK_SITE_PLACE or is_generic(place) or _SITE.fullmatch(place) is None \
            or ACTION_INDEX.first_in(norm, start, end) is not None:
        return None
    return start, end, (c0, c1)
