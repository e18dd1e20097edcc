"""Places a works crosses: the roads, rivers and railways a bridge, tunnel or road passes over or under.

8座桥梁横跨青山河、白石河等3条江河, 以隧道形式下穿青山城、白石花园等区域, 连续上跨青山街、白石街2个路口:
the places listed right after a verb of crossing (the lexicon's ``crossing_verb`` words) are what the
works cross, no projects. The crossing's own works stay: a bridge or tunnel head (跨越青山河大桥,
下穿白石铁路隧道), a name whose crossing road comes before the verb (青松路上跨白石街跨线桥, 西一路下穿
白石线), a place with works of its own right after it (上跨青山铁路工程).
"""

from __future__ import annotations

import re

from geo.lexicon import CROSSING_MANNERS, CROSSING_VERBS
from geo.lexicon_lookups import ACTION_INDEX
from geo.extract.model import chain_end
from geo.extract.rule_gates import only_for
from geo.extract.works import works_at
from geo.settings import CROSSING_LIST_REACH

_CROSSING_VERB = re.compile("|".join(map(re.escape, CROSSING_VERBS)))  # any of them, in one search
# A verb of crossing and the items listed after it, up to a place (横跨|青山河、|白石河、|…).
_CROSSED_BEFORE = re.compile("(?:" + "|".join(map(re.escape, CROSSING_VERBS)) + r")(?:[^,;:。!?\n]{1,16}?[、和及与])*$")
# What a road crossing another ends with, right before the verb (西一路|下穿白石线): one name with it.
_CROSSING_ROAD_END = re.compile(r"(?:路|街|大道|公路|线|段)$")
_OWN_WORKS = re.compile(r"(?:工程|项目)")
_CROSSING_WORKS = ("bridge",)  # categories of the crossing's own works (桥, 隧道, 立交, 下穿通道)


@only_for(lambda category, kind: kind in ("name", "code") and category not in _CROSSING_WORKS)
def crossed_place(case):
    """True for a road, river, railway or area listed right after a verb of crossing (上跨青山街、白石街
    2个路口, 横跨青山河、白石河等3条江河), or whose stem opens with one after at most a word of
    manner (连续上跨青山街): the works pass over or under it."""
    mention, norm = case.mention, case.norm
    if mention.kind not in ("name", "code") or mention.category in _CROSSING_WORKS or mention.stem_start is None:
        return False
    lo = (mention.stem_start - CROSSING_LIST_REACH if mention.stem_start > CROSSING_LIST_REACH else 0)
    if _CROSSING_VERB.search(norm, lo, mention.head_start) is None:
        return False  # (most places: no verb of crossing near them, nothing more looked for)
    if not (_listed_after_verb(norm, lo, mention.stem_start) or _stem_opens_with_verb(norm, mention)):
        return False
    end = max(chain_end(mention), mention.typed_by.end if mention.typed_by is not None else 0)
    return not any(_OWN_WORKS.match(norm, at) or works_at(norm, at, case.clause_end) for at in {mention.end, end})


def _listed_after_verb(norm, lo, start):
    """True when a verb of crossing and list items with no works (横跨|青山河、) end at ``start``,
    with no road crossing before the verb (西一路下穿白石线 is one name) and no works in the items
    (巡视A地下道工程、B社区: works sites listed, the first the crossing's own)."""
    match = _CROSSED_BEFORE.search(norm, lo, start)
    if match is None or _CROSSING_ROAD_END.search(norm, max(0, match.start() - 4), match.start()):
        return False
    verb_end = match.start() + len(_CROSSING_VERB.match(norm, match.start()).group())
    return ACTION_INDEX.first_in(norm, verb_end, start) is None and _OWN_WORKS.search(norm, verb_end, start) is None


def _stem_opens_with_verb(norm, mention):
    """True when the mention's stem opens with a verb of crossing, after at most a word of manner
    (连续|上跨|青山街: the stem runs over the verb, which is no stop word)."""
    found = _CROSSING_VERB.search(norm, mention.stem_start, mention.head_start)
    if found is None:
        return False
    before = norm[mention.stem_start:found.start()]
    return not before or before in CROSSING_MANNERS
