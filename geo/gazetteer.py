"""Gazetteers: named places with geometry and provenance, their look-up, namesakes far apart and a file's pieces of one line joined (files: gazetteer_files)."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field

from geo.names import coded_road, display_name, normalise_name, rail_line, road_code  # the one matching form, shared with extraction

# Suffix spellings that name the same thing: 北园大街 is often written 北园街, and
# 济微公路 appears as 济微路, 京昆高速公路 (OSM) as 京昆高速. Folding them gives an exact-strength match.
# A hospital of Chinese medicine is officially a 中医医院 (卫健委 lists), in speech and reports a 中医院.
_SUFFIX_FOLDS = (("中医医院", "中医院"), ("大街", "街"), ("高速公路", "高速"), ("高速路", "高速"), ("公路", "路"), ("大道", "道"))
# A directional infix before the road suffix (水屯北路 vs 水屯路) usually names a
# different stretch of road; matching across it is only an approximation.
# A rural road named by its two ends, their 镇, 乡 or 村 written or not (清华镇至洪村公路, a road
# register's 清华至洪村公路; after the suffix folds): an end keeps two characters (洪村 is no 洪).
_TWO_ENDS = re.compile(r"(?P<from>.{2,}?)[镇乡村]?(?P<to>至|到)(?P<end>.{2,}?)[镇乡村]?(?P<kind>路|线)")
_DIRECTIONAL_ROAD = re.compile(r"^(.{2,}?)[东西南北中](路|街|大街|大道)$")

LINE_TYPES = {"LineString", "MultiLineString"}
POINT_TYPES = {"Point", "MultiPoint"}
AREA_TYPES = {"Polygon", "MultiPolygon"}


@dataclass
class Entry:
    """One named place: WGS-84 geometry plus where it came from and how far it can be off."""

    name: str
    geometry: object
    source: str
    method: str
    source_datum: str
    accuracy_m: float
    tier: str
    aliases: tuple = ()
    # Names it no longer has (OSM's old_name): matched only where no entry of its tier has the name now.
    former_names: tuple = ()
    category: str | None = None
    feature_type: str | None = None
    section_of: str | None = None
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        # Names are shown on the maps and written to the outputs as they are kept: never with invisible
        # characters (a right-to-left override shows a name reversed), whichever file gave them.
        self.name = display_name(self.name)
        for kept in ("aliases", "former_names"):
            names = (display_name(alias) for alias in getattr(self, kept))
            setattr(self, kept, tuple(dict.fromkeys(alias for alias in names if alias)))


@dataclass
class Match:
    """The result of a gazetteer look-up: the entry and how strong the name match was."""

    entry: Entry
    strength: str  # exact | folded | contained | abbreviation | directional (| building, set by geocode)
    matched_name: str
    # Other entries of the same tier that the name fits as well (namesakes), where the tier
    # does not settle namesakes by taking the first (see Gazetteer.add_tier).
    rivals: tuple = ()
    # The former name (Entry.former_names) the entry was found by, if it was.
    former_name: str = ""
    # What the geocode's method says of how the name was found (the district's name written out).
    note: str = ""


def _fold(key: str) -> str:
    """The folded form of a matching form: a road code or a metro line in one form (105国道,
    国道G105线 -> g105; 济南轨道交通3号线 -> 地铁3号线), a long road suffix short (大街 -> 街), a road
    named by its two ends without their 镇, 乡, 村 (清华镇至洪村公路 -> 清华至洪村路)."""
    code = road_code(key) or rail_line(key)
    if code is not None:
        return code.lower()
    for long, short in _SUFFIX_FOLDS:
        if key.endswith(long):
            key = key[: -len(long)] + short
            break
    ends = _TWO_ENDS.fullmatch(key)
    return "".join(ends.group("from", "to", "end", "kind")) if ends else key


def _undirected(key: str):
    m = _DIRECTIONAL_ROAD.match(key)
    return _fold(m.group(1) + m.group(2)) if m else None


class Gazetteer:
    """An ordered set of sources; look-ups try each tier in order and return the first match.

    Tiers are added in priority order (user files, OSM extract, bundled data). Within
    a tier the best name match wins: exact, then suffix-folded, then the same by a former
    name (:attr:`Entry.former_names`), then a unique entry of the same category whose name
    contains the query, then a directional relaxation.
    Entries known to lie beyond the district (:meth:`add_outside`) are never matched;
    :meth:`lookup_outside` finds them, for a reason.
    """

    def __init__(self):
        self.tiers = []  # list of (tier name, list of Entry)
        self._first_wins = set()  # tiers whose namesakes are settled by taking the first
        # Entries kept aside, never matched, each kind as a list of (tier name, list of Entry): beyond the
        # district ("outside"), and rows a user file gave that place nothing ("left_out").
        self._aside = {"outside": [], "left_out": [], "removed": []}
        self._aside_indexes = {}  # kind -> a Gazetteer of them, its name indexes built once

    def add_tier(self, tier: str, entries, *, first_of_namesakes=False):
        """Add a tier of entries, after those already added.

        Parameters
        ----------
        tier : str
            Its name (``"OSM extract"``, ``"user gazetteer a.csv"``).
        entries : iterable of Entry
        first_of_namesakes : bool
            True: a name that several entries share gives the first of them (a user
            file, whose loader warned about it, :func:`duplicate_names`). False: the
            others come with the match as its ``rivals``.
        """
        entries = list(entries)
        if entries:
            self.tiers.append((tier, entries))
            if first_of_namesakes:
                self._first_wins.add(tier)
        return self

    def add_outside(self, tier: str, entries):
        """Record entries of a tier that lie beyond the district: never matched, see :meth:`lookup_outside`."""
        return self._set_aside("outside", tier, entries)

    def lookup_outside(self, name: str, *, accepts=None):
        """An exact or folded :class:`Match` of ``name`` among the entries beyond the district, or None."""
        return self._aside_match("outside", name, accepts)

    def add_left_out(self, tier: str, entries):
        """Record the entries of a user file's rows left out (a road given as a point: their ``extra`` says
        why, :func:`geo.gazetteer_files.load_file`): never matched, see :meth:`lookup_left_out`."""
        return self._set_aside("left_out", tier, entries)

    def add_removed(self, tier: str, entries):
        """Record a user file's rows that mark a project not a project (no place: never matched;
        :func:`geo.hand_review.apply_removals` reads them from :attr:`removed`)."""
        return self._set_aside("removed", tier, entries)

    @property
    def removed(self):
        """(tier name, list of Entry) of the rows marking a project not a project, in file order."""
        return list(self._aside["removed"])

    def lookup_left_out(self, name: str):
        """(tier, :class:`Entry`) of a row left out whose name is ``name`` (exact or folded), or None."""
        match = self._aside_match("left_out", name)
        if match is None:
            return None
        return next((tier, match.entry) for tier, entries in self._aside["left_out"]
                    if any(e is match.entry for e in entries))

    def left_out_reason(self, name: str):
        """Why no source places ``name`` when only a user file's row left out has it, or None:
        ``user gazetteer 道路.csv has '幸福大道' only in entry 2, left out: a road given as a point, not a
        line; give the road its line there`` (a project's reason, a section's or a junction's)."""
        aside = self.lookup_left_out(name)
        if aside is None:
            return None
        tier, entry = aside
        why = entry.extra["left_out"]
        fix = "give the road its line there" if why.startswith("a road given as") else "fix that row"
        return f"{tier} has {entry.name!r} only in entry {entry.extra['entry']}, left out: {why}; {fix}"

    def _set_aside(self, kind, tier, entries):
        entries = list(entries)
        if entries:
            self._aside[kind].append((tier, entries))
            self._aside_indexes.pop(kind, None)  # its indexes are built again, with these
        return self

    def _aside_match(self, kind, name, accepts=None):
        """An exact or folded :class:`Match` of ``name`` among the entries set aside as ``kind``, or None."""
        if not self._aside[kind]:
            return None
        if kind not in self._aside_indexes:
            aside = Gazetteer()
            aside.tiers = list(self._aside[kind])
            self._aside_indexes[kind] = aside
        match = self._aside_indexes[kind].lookup(name, accepts=accepts)
        return match if match is not None and match.strength in ("exact", "folded") else None

    def __len__(self):
        return sum(len(e) for _, e in self.tiers)

    @functools.cached_property
    def _indexes(self):
        indexes = []
        for tier, entries in self.tiers:
            exact, folded, former_exact, former_folded, noted = {}, {}, {}, {}, set()
            forms = [tuple(dict.fromkeys(normalise_name(name) for name in (*_unnoted(entry.name), entry.name, *entry.aliases)))
                     for entry in entries]
            for entry, keys in zip(entries, forms):
                for key in map(normalise_name, _unnoted(entry.name)):  # 青山小学 of 青山小学（新建）: after a 青山小学
                    noted.update(((key, id(entry)), (_fold(key), id(entry))))
                for keys, by_key, by_fold in ((keys, exact, folded),
                                              (map(normalise_name, entry.former_names), former_exact, former_folded)):
                    for key in keys:
                        by_key.setdefault(key, []).append(entry)
                        by_fold.setdefault(_fold(key), []).append(entry)
                        for part in coded_road(key) or ():  # X205清华至沱川公路: by X205 and 清华至沱川公路 too
                            by_fold.setdefault(_fold(normalise_name(part)), []).append(entry)
            indexes.append((tier, (exact, folded, noted), (former_exact, former_folded), _by_category(entries, forms)))
        return indexes

    def lookup(self, name: str, *, accepts=None, category=None, others=()):
        """Find ``name``; ``accepts(entry) -> bool`` filters entries by geometry fitness. ``others``: names
        of places (the other districts of the city) that, in an entry's name but not in ``name``, make it
        another place than a loose match (a name inside it, an abbreviation) would take it for.

        Returns a :class:`Match` or None.
        """
        key = normalise_name(name)
        others = tuple(other for other in map(normalise_name, others) if other not in key)
        accepts = accepts or (lambda entry: True)
        for tier, (exact, folded, noted), (former_exact, former_folded), by_category in self._indexes:
            # A name an entry bears now outranks the same name another entry bore once.
            for former, strength, form, candidates in ((False, "exact", key, exact.get(key, [])),
                                                       (False, "folded", _fold(key), folded.get(_fold(key), [])),
                                                       (True, "exact", key, former_exact.get(key, [])),
                                                       (True, "folded", _fold(key), former_folded.get(_fold(key), []))):
                fit = _prefer_category([e for e in candidates if accepts(e)], category)
                fit = [e for e in fit if (form, id(e)) not in noted] or fit  # 青山小学 before 青山小学（新建）
                if fit:
                    rivals = () if tier in self._first_wins else _rivals(fit, category)
                    return Match(fit[0], strength, fit[0].name, rivals, former_name=name if former else "")
            candidates = _holding(by_category, category, key) if category and len(key) >= 2 else ()
            if category and len(key) >= 2:
                candidates = [(e, names) for e, names in candidates
                              if not any(other in n for other in others for n in names)]  # 开福区实验小学 in 岳麓区
                contained = [e for e, names in candidates if accepts(e) and any(_holds(e, key, n) for n in names)]
                if len(contained) == 1:
                    return Match(contained[0], "contained", contained[0].name)
            if category and len(key) >= 3:
                # Reports abbreviate: 天桥医院 for 济南市天桥区人民医院, 天桥二院 for 天桥区第二
                # 人民医院. The characters in order, one entry of the same category only.
                abbreviated = [e for e, names in candidates if accepts(e) and any(_abbreviated_by(e, key, n) for n in names)]
                if len(abbreviated) == 1:
                    return Match(abbreviated[0], "abbreviation", abbreviated[0].name)
            relaxed = _undirected(key)
            if relaxed:
                fit = [e for e in folded.get(relaxed, []) if accepts(e)]
                if fit:
                    return Match(fit[0], "directional", fit[0].name)
        return None

    def find_lines(self, name: str):
        """The places of the line entries called ``name`` (used to locate cross streets).

        Returns
        -------
        (tuple of Entry, float)
            From the first tier that has the name (exact or folded): one entry, or its
            namesakes lying far apart (see :func:`distinct_places`), and how far apart they
            lie in metres; ``((), 0.0)`` when no line is called ``name``.
        """
        match = self.lookup(name, accepts=lambda e: e.geometry.geom_type in LINE_TYPES)
        if match is None or match.strength not in ("exact", "folded"):
            return (), 0.0
        return distinct_places(match)


@functools.lru_cache(maxsize=1)
def _heads():
    """{head: category code or None (a head whose category its context gives: 路, 站) or "stem" (one
    that takes its stem's: 院区, 楼)} of geo/data/lexicon/heads.tsv, and the longest head's length."""
    from geo import data, lexicon

    codes = set(data.category_codes())
    heads = {head: (category if category in codes or category == "stem" else None)
             for head, (category, kind, _) in lexicon.heads().items() if kind in ("facility", "name")}
    return heads, max(map(len, heads))


def name_category(key):
    """The category the head ending a place's name (in its matching form, :func:`geo.names.normalise_name`)
    gives (长沙市梅溪湖第二小学: school), a head that takes its stem's looked for before it
    (中南大学湘雅三医院（新院区）: 医院, health); None when the last head names none by itself (梅溪湖路: a road,
    whose category its works give) or the name has no head."""
    return _name_head(key)[1]


def _name_head(key):
    """(head, category) of :func:`name_category`; (None, None) when it gives none."""
    heads, longest = _heads()
    end = len(key)
    while end > 0:
        found = next((key[start:end] for start in range(max(0, end - longest), end) if key[start:end] in heads), None)
        if found is None or heads[found] != "stem":
            return (found, heads[found]) if found and heads[found] else (None, None)
        end -= len(found)
        while end > 0 and key[end - 1] in _SITE_MODIFIERS:  # 新院区, 东校区: the new, the east one
            end -= 1
    return None, None


_SITE_MODIFIERS = frozenset("新老东西南北中")


# What makes a place's name another site of the place the shorter name is (长郡梅溪湖中学（新校区）,
# 湘雅三医院东院区, 一中分校, 第四医院东院): a name inside it is not that site.
_CAMPUS = re.compile(r"(?:校区|院区|分校|分院|校址|院址|[东西南北]院)$")
# A second name in brackets after a list's first (湖南省人民医院（湖南师范大学第一附属医院）), a campus's, a gate's...
_BRACKETED_END = re.compile(r"\s*[（(][^（）()]+[）)]\s*$")
# Brackets saying an entry is the main site (长沙市实验小学（本部）): the place itself.
_MAIN_SITE = re.compile(r"(?:校?本部|主校区|主院区|总院|总部)")


@functools.lru_cache(maxsize=1)
def _name_notes():
    """A status or works note in brackets after a name (（新建）, (在建), （2024年新建）): modifiers.tsv's ``name_note``."""
    from geo import lexicon

    words = sorted(map(normalise_name, lexicon.words("name_note")), key=len, reverse=True)
    return re.compile(rf"(?:\d{{2,4}}年)?(?:{'|'.join(map(re.escape, words))})")


def _unnoted(name):
    """``(name without its note,)`` when a bracketed status or works note ends ``name`` (青山小学（新建）: the
    report's 青山小学, of its name's category), else ``()``; the entry keeps its name as written."""
    bracket = _BRACKETED_END.search(name)
    return (name[:bracket.start()],) if bracket and _name_notes().fullmatch(normalise_name(bracket.group())) else ()


def _by_category(entries, forms):
    """The entries that have a category, their own or their name's (:func:`name_category`: a planner's
    list has no category column), for the look-ups by a name's part: ``{category: (its entries in
    tier order, their matching names (name and aliases, ``forms``), {character: the positions of the
    entries whose matching names hold it})}``."""
    grouped = {}
    for entry, keys in zip(entries, forms):
        category = entry.category or name_category(keys[0])
        bracket = _BRACKETED_END.search(entry.name) if entry.category is None else None
        if bracket is not None:
            first, inside = normalise_name(entry.name[:bracket.start()]), normalise_name(bracket.group())
            if _MAIN_SITE.fullmatch(inside) or (name_category(inside) and not _CAMPUS.search(keys[0])):
                # 实验小学（本部）, 实验小学（主校区）, A医院（B医院）: not a campus (A医院（东院）), nor a gate (A医院(东门))
                keys = (*keys, first)  # ending as its first name ends, for _holds
                category = category or name_category(first)
        if category:
            grouped.setdefault(category, []).append((entry, keys))
    indexed = {}
    for category, pairs in grouped.items():
        members, names = [entry for entry, _ in pairs], [keys for _, keys in pairs]
        characters = {}
        for position, forms in enumerate(names):
            for character in set("".join(forms)):
                characters.setdefault(character, []).append(position)
        indexed[category] = (members, names, characters)
    return indexed


def _holding(by_category, category, key):
    """``[(entry, matching names)]`` of the entries of ``category`` (see :func:`_by_category`), in
    tier order, whose names hold the rarest character of ``key`` among them: every entry a name
    containing ``key`` or abbreviated by it can be, without a pass over the whole tier per look-up."""
    members, names, characters = by_category.get(category, ((), (), {}))
    if not members:
        return []
    rarest = min((characters.get(character, ()) for character in set(key)), key=len)
    return [(members[position], names[position]) for position in rarest]


_ORDINALS = set("一二三四五六七八九十")


def _another_site(key, name):
    """``name`` holds ``key`` and adds a campus or branch (:data:`_CAMPUS`) it does not name."""
    return bool(_CAMPUS.search(name)) and not _CAMPUS.search(key)


def _holds(entry, key, name):
    """``name`` (of ``entry``) holds ``key`` as the same place: not a campus or branch it adds; of an entry
    whose category only its name gives (a planner's list), only qualified in front (长沙市梅溪湖第二小学,
    中南大学湘雅三医院（新院区）), since a name carried on after it names another place (天桥区实验小学附属幼儿园)."""
    return _inside(key, name) and not _another_site(key, name) and (entry.category is not None or name.endswith(key))


_NUMBERING = _ORDINALS | set("第0123456789")


def _inside(key, name):
    """``key`` is inside ``name`` where no ordinal comes right before it: 人民医院 is not inside 第二人民医院,
    nor 一中 inside 十一中 (a numbered sister institution)."""
    start = name.find(key)
    while start >= 0:
        if start == 0 or name[start - 1] not in _NUMBERING:
            return True
        start = name.find(key, start + 1)
    return False


def _abbreviated_by(entry, key, name):
    """``key`` abbreviates ``name`` (of ``entry``, :func:`_abbreviates`) and names no campus or branch it
    adds; of an entry whose category only its name gives, ending as it ends (区中医院, 长沙市岳麓区中医医院)
    or with its head's first character (区一中, 长沙市岳麓区第一中学)."""
    if not _abbreviates(key, name) or _another_site(key, name):
        return False
    return entry.category is not None or name[-1:] == key[-1:] or key[-1:] == (_name_head(name)[0] or "")[:1]


def _abbreviates(short, long):
    """``short`` is ``long`` with characters left out, and leaves out no ordinal.

    天桥医院 abbreviates 济南市天桥区人民医院 but not 天桥区第二人民医院: an ordinal
    (二 of 第二, 三) is what tells sister institutions apart, so it is never dropped.
    """
    remaining = iter(long)
    if not all(char in remaining for char in short):
        return False
    return not ((set(long) - set(short)) & _ORDINALS)


def _rivals(fit, category):
    """The entries after the first of ``fit`` that stand as well as it: all of them, or, when a
    category is asked, those that share the first's standing (of that category or not)."""
    first, seen = fit[0], {id(fit[0])}
    rivals = []
    for entry in fit[1:]:
        if id(entry) not in seen and (not category or (entry.category == category) == (first.category == category)):
            rivals.append(entry)
            seen.add(id(entry))  # an entry found by its name and an alias is one entry
    return tuple(rivals)


def _prefer_category(entries, category):
    if not category:
        return entries
    same = [e for e in entries if e.category == category]
    return same + [e for e in entries if e.category != category]


def in_district_first(entries, near, *, apart_m):
    """``entries`` of one file with, of each name its rows give at places ``apart_m`` or more apart (a
    city's list of schools: a 第三中学 in several districts), the first row lying in ``near`` (the
    district and its margin) put in the place of the name's first row: the one looked up (the first of
    namesakes, :meth:`Gazetteer.add_tier`). Returns (entries, {name: its row's number} of those moved)."""
    by_name = {}
    for index, entry in enumerate(entries):
        by_name.setdefault(entry.name, []).append(index)
    entries, moved = list(entries), {}
    for name, indexes in by_name.items():
        if len(indexes) < 2 or near is None or entries[indexes[0]].geometry.intersects(near):
            continue
        inside = next((i for i in indexes[1:] if entries[i].geometry.intersects(near)), None)
        if inside is not None and farthest_apart_m([entries[i].geometry for i in indexes]) >= apart_m:
            entries[indexes[0]], entries[inside] = entries[inside], entries[indexes[0]]
            moved[name] = entries[indexes[0]].extra.get("entry", inside + 1)
    return entries, moved


def duplicate_names(entries, *, apart_m, chosen=None) -> list:
    """Warnings for names that two entries of one file share while lying ``apart_m`` or more apart.

    Two rows named 北园小学 2 km apart are two schools or a typo; geocoding uses the first, or the
    row ``chosen`` names ({name: row number}: the first in the district, :func:`in_district_first`).
    Returns one message per such name, in file order.
    """
    from collections import Counter

    repeated = {name for name, count in Counter(e.name for e in entries).items() if count > 1}
    by_name = {}
    for entry in entries:
        if entry.name in repeated:
            by_name.setdefault(entry.name, []).append(entry.geometry)
    messages = []
    for name, geometries in by_name.items():
        farthest = farthest_apart_m(geometries)
        if farthest >= apart_m:
            used = f"entry {chosen[name]}, in the district, is used" if name in (chosen or {}) else \
                "the first row is used"
            messages.append(f"{name!r} appears {len(geometries)} times, up to {farthest / 1000:.1f} km apart; {used}")
    return messages


def widen_repeated_points(entries, *, apart_m) -> list:
    """Warnings for names that points of one file give at places farther apart than the first claims
    (``accuracy_m``) but less than ``apart_m`` (namesakes, :func:`duplicate_names`): one place typed
    twice, or last year's row and this year's. The first row is used; its ``accuracy_m`` grows to reach
    the farthest and its ``method`` says so, as the warning does.
    """
    from geo.settings import HAND_ADDED_SOURCE, HAND_PLACED_SOURCE

    by_name = {}
    for entry in entries:
        by_name.setdefault(entry.name, []).append(entry)
    messages = []
    for name, named in by_name.items():
        if len(named) < 2 or any(e.geometry.geom_type not in POINT_TYPES
                                 or e.source in (HAND_PLACED_SOURCE, HAND_ADDED_SOURCE) for e in named):
            continue  # pieces of a line are joined or namesakes; a row placed on the map is checked as such
        farthest = farthest_apart_m([e.geometry for e in named])
        first = named[0]
        if first.accuracy_m < farthest < apart_m:
            messages.append(f"{name!r} appears {len(named)} times, up to {farthest:,.0f} m apart, farther than the "
                            f"{first.accuracy_m:g} m its first row claims; the first row is used, claiming "
                            f"{farthest:,.0f} m")
            first.method = f"{first.method}; {len(named)} rows of this name up to {farthest:,.0f} m apart, the first used"
            first.accuracy_m = float(round(farthest))
    return messages


def distinct_places(match, near=None):
    """The places a match may stand for: its entry and its rivals (namesakes) that touch ``near``.

    Parameters
    ----------
    match : Match
    near : shapely geometry, optional
        Where places count (the district and its margin, WGS-84); default: everywhere.

    Returns
    -------
    (tuple of Entry, float)
        The first of them alone when they lie less than
        :data:`geo.settings.DUPLICATE_NAME_APART_M` apart (one place drawn twice), else all
        of them (namesakes, several places); and how far apart they lie at most, in metres.
        An empty tuple when none touches ``near``.
    """
    from geo import settings

    inside = tuple(e for e in (match.entry, *match.rivals) if near is None or e.geometry.intersects(near))
    apart = farthest_apart_m([e.geometry for e in inside])
    return (inside if apart >= settings.DUPLICATE_NAME_APART_M else inside[:1]), apart


def farthest_apart_m(geometries) -> float:
    """How far the other geometries lie from the first, at most: geodesic metres between
    representative points (0 for fewer than two)."""
    from pyproj import Geod

    if len(geometries) < 2:
        return 0.0
    geod = Geod(ellps="WGS84")
    first, *others = (g.representative_point() for g in geometries)
    return max(geod.inv(first.x, first.y, p.x, p.y)[2] for p in others)


def merge_line_pieces(entries):
    """Join the rows of one file that draw pieces of one line: same name and category, within ``ROAD_PIECE_GAP_M``.

    A road centreline file has a row per segment; looking up the road must give all of
    it, not its first segment. Pieces are joined with ``shapely.line_merge`` (gaps stay
    gaps); namesakes farther apart stay separate entries (and :func:`duplicate_names`
    warns about them). The joined entry keeps the first row's attributes, the largest
    ``accuracy_m``, and says how many rows it joins in ``method``. Rows of one name in two
    categories are two things (a river and the greening along it, placed by hand): never joined.
    """
    import shapely

    from geo import settings
    from geo.crs import metric_crs_for, metric_geometry
    from geo.lines import linked_groups, near_pairs

    groups = {}
    for number, entry in enumerate(entries):
        if entry.geometry.geom_type in LINE_TYPES:
            groups.setdefault((entry.name, entry.category), []).append(number)
    replaced, dropped = {}, set()
    for numbers in (g for g in groups.values() if len(g) > 1):
        lines = [entries[i].geometry for i in numbers]
        crs = metric_crs_for(shapely.GeometryCollection(lines))
        pairs = near_pairs(metric_geometry(lines, crs), settings.ROAD_PIECE_GAP_M)
        for members in (c for c in linked_groups(len(numbers), pairs) if len(c) > 1):
            first = entries[numbers[members[0]]]
            merged = shapely.line_merge(shapely.union_all([lines[k] for k in members]))
            merged = _carriageways_once(merged, crs)
            replaced[numbers[members[0]]] = dataclasses.replace(
                first, geometry=merged, method=f"{first.method} ({len(members)} rows joined)",
                accuracy_m=max(entries[numbers[k]].accuracy_m for k in members))
            dropped.update(numbers[k] for k in members[1:])
    return [replaced.get(i, entry) for i, entry in enumerate(entries) if i not in dropped]


def _carriageways_once(line, crs):
    """``line`` (lon/lat) with a dual carriageway drawn as two rows measured once along its centre line
    (:func:`geo.lines.carriageways_once`), or ``line`` itself when it holds none."""
    import shapely

    from geo import settings
    from geo.crs import metric_geometry, wgs84_geometry
    from geo.lines import carriageways_once

    parts = shapely.get_parts(line)
    if len(parts) < 2:
        return line
    lines, paired = carriageways_once(list(metric_geometry(list(parts), crs)), carriageway_m=settings.DUAL_CARRIAGEWAY_M)
    if not paired:
        return line
    merged = shapely.line_merge(shapely.MultiLineString(lines)) if len(lines) > 1 else lines[0]
    return wgs84_geometry(merged, crs)
