"""Stems longer than a name's limit because a jurisdiction is written before the name: a road's
after a jurisdiction (淄博经济开发区人民路), a facility's after an autonomous county's long name
(民和回族土族自治县新材料产业园). The part after the jurisdiction keeps the limit (see mentions).
An address of two jurisdictions or the town's built-up part before a road's own name (青山市白石区红岭路,
主城区青岭路) is no part of it.
A named place and its side before a named project (西支河两岸堤顶路) name it together.
Also the first end of a quoted range before a stem that is its second end (“三礼——小圩”道路), and a
part of the district before a quoted name, no part of it (东部“白沙文化公园”)."""

from __future__ import annotations

import re

from geo.lexicon import ACTION_FILLERS, JURISDICTION_SUFFIXES, SIDE_WORDS, TOWN_AREAS, TOWN_QUALIFIERS, heads
from geo.lexicon_lookups import is_generic
from geo.extract.stems import find_stem
from geo.extract.counted_nouns import action_ending_at
from geo.settings import AUTONOMY_NAME_MAX_CHARS, MAX_STEM, PLACE_BEFORE_SIDE


# A township's suffix right before a village (林中村, 后山村委会): the village's road is named under it.
_TOWNSHIP_BEFORE_VILLAGE = re.compile(r"[镇乡](?=[\u4e00-\u9fff]{1,4}?村)")
_FILLERS = frozenset(ACTION_FILLERS)


def after_verb(norm, pos):
    """True when a works verb (硬化, 修建) or a verb of doing (实施, 推进: ``filler`` in stop_words.tsv)
    ends right at ``pos``."""
    lo = pos - 4 if pos > 4 else 0
    return action_ending_at(norm, pos, lo) is not None or any(norm[pos - n:pos] in _FILLERS for n in (2, 3, 4) if pos - n >= lo)


def stem_after_jurisdiction(norm, head_start, lo, min_stem, max_stem):
    """A road's stem longer than ``max_stem`` because a jurisdiction is written before its name
    (淄博经济开发区人民路, 青山市高新区白石大道), or the township of the village whose road it is
    (实施马街镇后山村委会村组公路硬化, after a works verb): the stem if the part after the jurisdiction's last suffix (or the
    township's) is no longer than ``max_stem``, else None."""
    stem = find_stem(norm, head_start, lo, min_stem, MAX_STEM)
    if stem is None:
        return None
    text = norm[stem[0]:head_start]
    cut = max(text.rfind(suffix) + len(suffix) for suffix in JURISDICTION_SUFFIXES)
    township = _TOWNSHIP_BEFORE_VILLAGE.search(text, cut)
    if township is not None and after_verb(norm, stem[0]):
        cut = township.end()  # 实施马街镇后山村委会村组公路硬化: (a verb before it: no village described)
    return stem if 2 <= cut and 1 <= len(text) - cut <= max_stem and not is_generic(text[cut:]) else None


# An address of two jurisdictions (a province, city or county, then a county, district or township) opening a
# road's stem: 青山市白石区|红岭路, 青山县白石镇|青岭路, 青山省白石县|青岭公路. Not the district's own (本市, 全县).
_ADDRESS = re.compile(r"(?<![本该各我全])[\u4e00-\u9fff]{1,3}?[省市县][\u4e00-\u9fff]{1,3}?[县区镇乡]")
# A zone, no jurisdiction, ending an address (青山市白石新区锦绣大道: the labels keep a new district or park's name).
_ZONE_END = re.compile(r"[新开园业港]区$")


def _address_end(norm, start, end):
    """The end of an address opening ``norm[start:end]`` and whether it is the town's built-up part:
    two jurisdictions (青山市白石区, 青山县白石镇; no zone, 青山市白石新区, and not the district's own,
    本市) or the built-up part of the town (城区, 主城区, 老城区, maybe with a page's pinyin: 城区(qū));
    else (None, False)."""
    address = _ADDRESS.match(norm, start, end)
    if address is not None and not _ZONE_END.search(address.group()) and not is_generic(address.group()):
        return address.end(), False
    town = _TOWN_PART.match(norm, start, end)
    return (town.end(), True) if town is not None else (None, False)


def is_address(norm, start, end):
    """True when ``norm[start:end]`` is a road's address (see :func:`road_after_address`)."""
    return _address_end(norm, start, end)[0] == end


def road_after_address(norm, stem_start, head_start, min_stem):
    """Where a road's own name starts when its stem opens with its address: two jurisdictions
    (青山市白石区红岭路中段, 青山县白石镇青岭路两侧, 青山市白石区南环路: the labels name 红岭路中段,
    青岭路, 南环路; a single jurisdiction before a road is labelled both ways and stays) or the town's
    built-up part before a road's name (县城区白石大道, 主城区红岭路, 城区北大街: the labels name the road
    alone; the roads along a place in it, 城区白石里周边道路, keep it). The end of the address when a name
    of the head's own (Han, at least ``min_stem`` and one character, not generic) follows it before
    the head; else None. A route named by its two ends keeps the address of its first
    (青山县白石镇红星村至黄沙镇二级公路: the county tells which 红星村)."""
    cut, town = _address_end(norm, stem_start, head_start)
    if cut is None or town and norm.endswith(SIDE_WORDS, cut, head_start):
        return None
    own = norm[cut:head_start]
    if len(own) < max(1, min_stem) or not _HAN_ONLY.fullmatch(own) or is_generic(own) or "至" in own or "到" in own:
        return None
    return cut


def _town_part():
    """The built-up part of the town (``town_area``: 城区, 市区...), maybe qualified (``town_qualifier``:
    主城区, 中心城区, 老城区, 新城区; and 县城区; the text is matched in Simplified script), maybe
    followed by a page's pinyin.
    A bare 县城 stays in a road's name: the labels keep it (县城滨江路红星段, 县城环城公路)."""
    words = set()
    for word in TOWN_AREAS:
        if word == "县城":
            continue
        words.update([word] + [qualifier + word for qualifier in TOWN_QUALIFIERS] + (["县城区"] if word == "城区" else []))
    alternatives = "|".join(sorted(map(re.escape, words), key=lambda w: (-len(w), w)))
    return re.compile(rf"(?:{alternatives})(?:\([a-z\u00e0-\u01dc]+\))?")


_TOWN_PART = _town_part()  # (compiled at import, before the worker is forked: see geo.regex_programs)


# The end of an autonomous jurisdiction's full name (民和回族土族自治县, 莫力达瓦达斡尔族自治旗; the most characters
# the name takes: settings.AUTONOMY_NAME_MAX_CHARS).
_AUTONOMY_END = re.compile(r"自治[县旗州]")


def stem_after_autonomy(norm, head_start, lo, min_stem, max_stem):
    """A stem longer than ``max_stem`` because an autonomous jurisdiction's long name is written
    before the name (民和回族土族自治县新材料产业园): the stem from the jurisdiction when the part
    after it is a name of its own no longer than ``max_stem``, else None."""
    ends = list(_AUTONOMY_END.finditer(norm, max(lo, head_start - max_stem - 3), head_start))
    if not ends:
        return None
    cut = ends[-1].end()
    own = find_stem(norm, head_start, cut, min_stem, max_stem)
    if own is None or own[0] != cut or own[1] is not None or head_start - cut < max(1, min_stem) \
            or is_generic(norm[cut:head_start]):
        return None  # (自治县人民医院: the county's own hospital, a type of it; 自治县将建设…: a stop inside)
    outer = find_stem(norm, ends[-1].start(), lo, 2, AUTONOMY_NAME_MAX_CHARS - 3)
    return outer if outer is not None and outer[0] < ends[-1].start() else None


def quoted_range_start(norm, stem_start, end, lo):
    """Where a quoted range of two places opens when a stem (up to ``end``) is its second end and
    holds the closing quote alone (“三礼——小圩”道路: the stem 小圩” after the dash), else None."""
    closer = norm.find("”", stem_start, end)
    if closer < 0 or "“" in norm[stem_start:closer]:
        return None
    opened = _QUOTED_FIRST_END.search(norm, max(lo, stem_start - _QUOTED_FIRST_END_REACH), stem_start)
    return opened.start() if opened is not None else None


# The opening quote, the first place and the dash of a quoted range, up to its second place (“三礼——|小圩”).
_QUOTED_FIRST_END = re.compile(r"“[\u4e00-\u9fff]{2,8}(?:——|[—–－~～-])$")
_QUOTED_FIRST_END_REACH = 11  # characters from the quote to the second place (a quote, 8, two dashes)


def quote_after_locative(norm, stem_start, head_start):
    """Where a name starts after its opening quote when a part of the district (东部, 中部, maybe
    after 和/及/与) stands before it in the stem (东部“白沙文化公园”, 和中部“青松湖湿地公园”): it says where
    the quoted name lies and is no part of it; else None. A place before the quote stays (嵩山“1号大道”,
    振兴路北“口袋公园”), and so does a bare conjunction (measured: the unread names lost precision)."""
    opened = norm.rfind("“", stem_start, head_start)
    if opened <= stem_start or "”" in norm[opened:head_start]:
        return None
    return opened + 1 if _LOCATIVE_BEFORE_QUOTE.fullmatch(norm, stem_start, opened) else None


# What may stand before a quoted name in its stem and no part of it: a part of the district, maybe after 和/及/与.
_LOCATIVE_BEFORE_QUOTE = re.compile(r"[和及与]?(?:东南|东北|西南|西北|[东西南北中])部")


_SIDES = frozenset(SIDE_WORDS)
# Places named apart from what lies beside them (青山路沿线白石村, 青山路两侧白石小区: the village, the estate).
_NAMED_APART = ("village", "area")


def named_along_side(norm, before, mention):
    """True when ``mention``, a named project, stops at a side word (``side`` in followers.tsv)
    written right after the named place ``before`` (西支河|两岸|堤顶路, 城区一河|两岸|沿河路,
    青山湖|周边|环湖路): the read golds name such a project by the place, its side and its own
    name together, never by its own name alone. ``before`` has a stem of its own, no count and at
    most ``PLACE_BEFORE_SIDE`` characters (a list's last road, 经二路、纬四路沿线, is left to
    partners.drop_locators: what follows it there is a type, with no stem)."""
    if mention.stop not in _SIDES or mention.stop_start != before.end or mention.count is not None \
            or mention.kind not in ("name", "facility") or mention.head_start - mention.stem_start < 1 \
            or mention.category in _NAMED_APART:
        return False
    shortest, longest = PLACE_BEFORE_SIDE
    return before.kind in ("name", "facility") and before.count is None and before.head_start > before.stem_start \
        and shortest <= before.end - before.stem_start <= longest and not is_generic(norm[before.stem_start:before.end])


def place_before_side(norm, stop, stop_start, lo):
    """The stem (start, stop, stop start) of the place written right before a side word ``stop``
    that ends a tagged name's stem at ``stop_start`` (西支河|两岸|堤顶路, the tagger naming 堤顶路):
    a run of ``PLACE_BEFORE_SIDE`` Han characters ending in a place's head, not generic; else None
    (道路两侧, 学校周边: no place names what lies along them)."""
    if stop not in _SIDES or stop_start is None:
        return None
    shortest, longest = PLACE_BEFORE_SIDE
    outer = find_stem(norm, stop_start, lo, shortest, longest)
    if outer is None or not shortest <= stop_start - outer[0] <= longest:
        return None
    place = norm[outer[0]:stop_start]
    table = heads()
    named = any(table.get(place[-n:], (None, None))[1] in ("name", "facility") for n in (1, 2, 3))
    return outer if named and _HAN_ONLY.fullmatch(place) and not is_generic(place) else None


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
