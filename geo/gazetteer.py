"""Gazetteers: named places with geometry and provenance, their look-up by name and the places a match stands for (name rules: gazetteer_names; a file's rows: gazetteer_rows; files: gazetteer_files)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from geo.gazetteer_names import bracketed_first_name, fold_name, holds_same_place, is_abbreviation, name_category, name_without_note, undirected_name
from geo.names import coded_road, display_name, normalise_name  # the one matching form, shared with extraction

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
    # (its tier, ((a later tier having the name exactly or folded, its entries), ...)), to say where they
    # disagree: :func:`placed_elsewhere`.
    elsewhere: tuple = ()



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
            True: a name that several lines share gives the first of them (a user file, whose loader
            warned about it, :func:`geo.gazetteer_rows.duplicate_names`: pieces of one road drawn apart),
            and of points and areas, the others of them as its ``rivals``. False: the others come with
            the match as its ``rivals``.
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
            forms = [tuple(dict.fromkeys(normalise_name(name) for name in (*name_without_note(entry.name), entry.name, *entry.aliases)))
                     for entry in entries]
            for entry, keys in zip(entries, forms):
                for key in map(normalise_name, name_without_note(entry.name)):  # 青山小学 of 青山小学（新建）: after a 青山小学
                    noted.update(((key, id(entry)), (fold_name(key), id(entry))))
                for keys, by_key, by_fold in ((keys, exact, folded),
                                              (map(normalise_name, entry.former_names), former_exact, former_folded)):
                    for key in keys:
                        by_key.setdefault(key, []).append(entry)
                        by_fold.setdefault(fold_name(key), []).append(entry)
                        for part in coded_road(key) or ():  # X205清华至沱川公路: by X205 and 清华至沱川公路 too
                            by_fold.setdefault(fold_name(normalise_name(part)), []).append(entry)
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
        for position, (tier, (exact, folded, noted), (former_exact, former_folded), by_category) in enumerate(self._indexes):
            # A name an entry bears now outranks the same name another entry bore once.
            for former, strength, form, candidates in ((False, "exact", key, exact.get(key, [])),
                                                       (False, "folded", fold_name(key), folded.get(fold_name(key), [])),
                                                       (True, "exact", key, former_exact.get(key, [])),
                                                       (True, "folded", fold_name(key), former_folded.get(fold_name(key), []))):
                fit = _prefer_category([e for e in candidates if accepts(e)], category)
                fit = [e for e in fit if (form, id(e)) not in noted] or fit  # 青山小学 before 青山小学（新建）
                if fit:
                    rivals = _rivals(fit, category, lines=tier not in self._first_wins)
                    elsewhere = () if former else self._elsewhere(position, key, accepts)
                    return Match(fit[0], strength, fit[0].name, rivals, former_name=name if former else "",
                                 elsewhere=elsewhere)
            candidates = _holding(by_category, category, key) if category and len(key) >= 2 else ()
            if category and len(key) >= 2:
                candidates = [(e, names) for e, names in candidates
                              if not any(other in n for other in others for n in names)]  # 开福区实验小学 in 岳麓区
                contained = [e for e, names in candidates if accepts(e) and any(holds_same_place(e, key, n) for n in names)]
                if len(contained) == 1:  # a later source having the name itself may place it elsewhere
                    return Match(contained[0], "contained", contained[0].name,
                                 elsewhere=self._elsewhere(position, key, accepts))
            if category and len(key) >= 3:
                # Reports abbreviate: 天桥医院 for 济南市天桥区人民医院, 天桥二院 for 天桥区第二
                # 人民医院. The characters in order, one entry of the same category only.
                abbreviated = [e for e, names in candidates if accepts(e) and any(is_abbreviation(e, key, n) for n in names)]
                if len(abbreviated) == 1:
                    return Match(abbreviated[0], "abbreviation", abbreviated[0].name,
                                 elsewhere=self._elsewhere(position, key, accepts))
            relaxed = undirected_name(key)
            if relaxed:
                fit = [e for e in folded.get(relaxed, []) if accepts(e)]
                if fit:
                    return Match(fit[0], "directional", fit[0].name)
        return None

    def _elsewhere(self, position, key, accepts):
        """:attr:`Match.elsewhere` of a match in the tier at ``position``: the later tiers having ``key``."""
        later = _later_namesakes(self._indexes[position + 1:], key, accepts)
        return (self._indexes[position][0], later) if later else ()

    def elsewhere_of(self, entry, name, *, accepts=None, every_tier=False):
        """:attr:`Match.elsewhere` of ``entry`` as the place of ``name``: the tiers after its own having ``name``
        exactly or folded (a report's 城东小学 found as a list's 岚州市青岚县城东小学: OSM's 城东小学), or, with
        ``every_tier``, all the tiers (a row placed by hand, which wins wherever it is given; its own tier's name is
        then not looked for: ''); () when none has it."""
        accepts = accepts or (lambda other: True)
        position = None if every_tier else \
            next((i for i, (_, entries) in enumerate(self.tiers) if any(e is entry for e in entries)), None)
        start = 0 if position is None else position + 1
        later = _later_namesakes(self._indexes[start:], normalise_name(name),
                                 lambda other: other is not entry and accepts(other))
        return (self.tiers[position][0] if position is not None else "", later) if later else ()

    def named_from(self, prefix: str):
        """(matching name, its entries) of every tier's names (and aliases) that begin with ``prefix`` in their
        matching form (白石路10号, 白石路30号 of 白石路: the door numbers the sources give on a road)."""
        start = normalise_name(prefix)
        for _, (exact, _, _), _, _ in self._indexes:
            yield from ((key, entries) for key, entries in exact.items() if key.startswith(start))

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



def _by_category(entries, forms):
    """The entries that have a category, their own or their name's (:func:`geo.gazetteer_names.name_category`: a planner's
    list has no category column), for the look-ups by a name's part: ``{category: (its entries in
    tier order, their matching names (name and aliases, ``forms``), {character: the positions of the
    entries whose matching names hold it})}``."""
    grouped = {}
    for entry, keys in zip(entries, forms):
        category = entry.category or name_category(keys[0])
        first = bracketed_first_name(entry.name, keys[0]) if entry.category is None else None
        if first is not None:
            # 实验小学（本部）, 实验小学（主校区）, A医院（B医院）: not a campus (A医院（东院）), nor a gate (A医院(东门))
            keys = (*keys, first)  # ending as its first name ends, for holds_same_place
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


def _rivals(fit, category, lines=True):
    """The entries after the first of ``fit`` that stand as well as it: all of them, or, when a
    category is asked, those that share the first's standing (of that category or not); without
    ``lines``, none drawn as a line (a user file's pieces of one road drawn apart: the first is taken)."""
    first, seen = fit[0], {id(fit[0])}
    if not lines:
        seen.update(id(entry) for entry in fit if entry.geometry.geom_type in LINE_TYPES)
    rivals = []
    for entry in fit[1:]:
        if id(entry) not in seen and (not category or (entry.category == category) == (first.category == category)):
            rivals.append(entry)
            seen.add(id(entry))  # an entry found by its name and an alias is one entry
    return tuple(rivals)


def _later_namesakes(later, key, accepts):
    """((tier, entries), ...) of the ``later`` tiers (indexes) having ``key`` exactly or folded, in order; ()."""
    found = ((other, tuple(e for e in exact.get(key) or folded.get(fold_name(key), []) if accepts(e)))
             for other, (exact, folded, _), _, _ in later)
    return tuple((other, entries) for other, entries in found if entries)


def placed_elsewhere(match, near=None, used=None, every=False) -> str:
    """What a geocode's method says when a later source having the match's name (:attr:`Match.elsewhere`) has it
    only at places :data:`geo.settings.DUPLICATE_NAME_APART_M` or more from the match's entry, within ``near``
    (the district and its margin; its namesakes beyond are other places): a planner's list and OSM placing
    文化中心 3 km apart: ``OSM extract places 文化中心 3.0 km from here; user gazetteer a.csv, given first, is
    used``; the first such source, past those that agree or have no such place in the district. Empty when
    none disagrees. The first source given is kept (a planner's own list is given to correct OSM), but the
    disagreement is said. ``used``: what the tail says is used (default: the match's tier, given first);
    ``every``: each source that disagrees is named, in their order, not the first alone (a placement by hand)."""
    from geo import settings

    if not match.elsewhere:
        return ""
    tier, later = match.elsewhere
    said = []
    for other, found in later:
        found = [e for e in found if near is None or e.geometry.intersects(near)]
        apart = metres_to_nearest(match.entry, found) if found else 0.0
        if apart >= settings.DUPLICATE_NAME_APART_M:
            said.append(f"{other} places {found[0].name} {apart / 1000:.1f} km from here")
            if not every:
                break
    return f"{'; '.join(said)}; {used or f'{tier}, given first,'} is used" if said else ""


def metres_to_nearest(entry, others, crs=None) -> float:
    """The distance in metres from ``entry``'s geometry to the nearest of ``others`` (entries), measured in
    ``crs`` (a metric CRS; default: the Gauss-Kruger zone of ``entry``, :func:`geo.crs.metric_crs_for`)."""
    from geo.crs import metric_crs_for, metric_geometry

    crs = crs or metric_crs_for(entry.geometry)
    here = metric_geometry(entry.geometry, crs)
    return min(float(here.distance(metric_geometry(other.geometry, crs))) for other in others)


def _prefer_category(entries, category):
    if not category:
        return entries
    same = [e for e in entries if e.category == category]
    return same + [e for e in entries if e.category != category]



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
        An empty tuple when none touches ``near``. A road's bridges (OSM ways tagged bridge, ``extra["bridge_of"]``,
        joined already when side by side) are several places however near: two bridges of one road 600 m apart.
    """
    from geo import settings

    inside = tuple(e for e in (match.entry, *match.rivals) if near is None or e.geometry.intersects(near))
    apart = farthest_apart_m([e.geometry for e in inside])
    bridges = len(inside) > 1 and all(e.extra.get("bridge_of") for e in inside)
    return (inside if bridges or apart >= settings.DUPLICATE_NAME_APART_M else inside[:1]), apart


def farthest_apart_m(geometries) -> float:
    """How far the other geometries lie from the first, at most: geodesic metres between
    representative points (0 for fewer than two)."""
    from pyproj import Geod

    if len(geometries) < 2:
        return 0.0
    geod = Geod(ellps="WGS84")
    first, *others = (g.representative_point() for g in geometries)
    return max(geod.inv(first.x, first.y, p.x, p.y)[2] for p in others)
