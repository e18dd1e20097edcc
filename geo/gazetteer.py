"""Gazetteers: named places with geometry and provenance, their look-up, loaders for user files and bundled data."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from geo.io import InputError
from geo.names import normalise_name  # the one matching form, shared with extraction
from geo.tables import TABLE_SUFFIXES, read_table, text_or_none as _text, with_synonyms

# Suffix spellings that name the same thing: 北园大街 is often written 北园街, and
# 济微公路 appears as 济微路. Folding them gives an exact-strength match.
_SUFFIX_FOLDS = (("大街", "街"), ("公路", "路"), ("大道", "道"))
# A directional infix before the road suffix (水屯北路 vs 水屯路) usually names a
# different stretch of road; matching across it is only an approximation.
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
    category: str | None = None
    feature_type: str | None = None
    section_of: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class Match:
    """The result of a gazetteer look-up: the entry and how strong the name match was."""

    entry: Entry
    strength: str  # exact | folded | contained | abbreviation | directional (| building, set by geocode)
    matched_name: str
    # Other entries of the same tier that the name fits as well (namesakes), where the tier
    # does not settle namesakes by taking the first (see Gazetteer.add_tier).
    rivals: tuple = ()


def _fold(key: str) -> str:
    for long, short in _SUFFIX_FOLDS:
        if key.endswith(long):
            return key[: -len(long)] + short
    return key


def _undirected(key: str):
    m = _DIRECTIONAL_ROAD.match(key)
    return _fold(m.group(1) + m.group(2)) if m else None


class Gazetteer:
    """An ordered set of sources; look-ups try each tier in order and return the first match.

    Tiers are added in priority order (user files, OSM extract, bundled data). Within
    a tier the best name match wins: exact, then suffix-folded, then a unique entry of
    the same category whose name contains the query, then a directional relaxation.
    Entries known to lie beyond the district (:meth:`add_outside`) are never matched;
    :meth:`lookup_outside` finds them, for a reason.
    """

    def __init__(self):
        self.tiers = []  # list of (tier name, list of Entry)
        self._first_wins = set()  # tiers whose namesakes are settled by taking the first
        self._outside = []  # list of (tier name, list of Entry) beyond the district

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
        entries = list(entries)
        if entries:
            self._outside.append((tier, entries))
        return self

    def lookup_outside(self, name: str, *, accepts=None):
        """An exact or folded :class:`Match` of ``name`` among the entries beyond the district, or None."""
        if not self._outside:
            return None
        beyond = Gazetteer()
        beyond.tiers = self._outside
        match = beyond.lookup(name, accepts=accepts)
        return match if match is not None and match.strength in ("exact", "folded") else None

    def __len__(self):
        return sum(len(e) for _, e in self.tiers)

    @functools.cached_property
    def _indexes(self):
        indexes = []
        for tier, entries in self.tiers:
            exact, folded = {}, {}
            for entry in entries:
                for name in (entry.name, *entry.aliases):
                    key = normalise_name(name)
                    exact.setdefault(key, []).append(entry)
                    folded.setdefault(_fold(key), []).append(entry)
            indexes.append((tier, entries, exact, folded))
        return indexes

    def lookup(self, name: str, *, accepts=None, category=None):
        """Find ``name``; ``accepts(entry) -> bool`` filters entries by geometry fitness.

        Returns a :class:`Match` or None.
        """
        key = normalise_name(name)
        accepts = accepts or (lambda entry: True)
        for tier, entries, exact, folded in self._indexes:
            for strength, candidates in (("exact", exact.get(key, [])), ("folded", folded.get(_fold(key), []))):
                fit = _prefer_category([e for e in candidates if accepts(e)], category)
                if fit:
                    rivals = () if tier in self._first_wins else _rivals(fit, category)
                    return Match(fit[0], strength, fit[0].name, rivals)
            if category and len(key) >= 2:
                contained = [e for e in entries if e.category == category and accepts(e)
                             and any(key in normalise_name(n) for n in (e.name, *e.aliases))]
                if len(contained) == 1:
                    return Match(contained[0], "contained", contained[0].name)
            if category and len(key) >= 3:
                # Reports abbreviate: 天桥医院 for 济南市天桥区人民医院, 天桥二院 for 天桥区第二
                # 人民医院. The characters in order, one entry of the same category only.
                abbreviated = [e for e in entries if e.category == category and accepts(e)
                               and any(_abbreviates(key, normalise_name(n)) for n in (e.name, *e.aliases))]
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


_ORDINALS = set("一二三四五六七八九十")


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


# --------------------------------------------------------------------------- loaders


def bundled_entries():
    """Entries of the bundled Tianqiao gazetteer (general-knowledge positions, WGS-84)."""
    from geo.data import GAZETTEER_PATH

    return load_file(GAZETTEER_PATH, tier="bundled gazetteer")


def load_file(path, *, tier="user gazetteer", datum=None, warnings=None):
    """Load a gazetteer file: a table (CSV, TSV, Excel) or GeoJSON, GeoPackage or any OGR vector.

    Required column: ``name`` (or ``名称``). Optional: ``aliases`` (list or "|"-separated),
    ``category``, ``feature_type``, ``accuracy_m``, ``source``, ``method``, ``section_of``
    and a datum column (``source_datum``, ``datum`` or ``坐标系``, the first filled: wgs84,
    cgcs2000, gcj02, bd09 and the spellings of ``geo/data/datums.csv``) saying which datum
    the coordinates are in. Vector files are first reprojected to
    EPSG:4326, then shifted from their declared datum to WGS-84.

    Tables (.csv, .tsv, .txt, .xlsx) give ``lon``/``lat`` (or ``lng``, ``longitude``,
    ``x``/``y``, ``经度``/``纬度``) or a ``wkt`` column (``SRID=n;`` prefixes are honoured).
    Text files are UTF-8, GB18030/GBK or UTF-16, separated by commas, semicolons (Excel in
    many locales, with decimal commas), tabs or bars; coordinates may carry degree signs,
    hemisphere letters, minutes and seconds or full-width digits. Rows with every cell
    empty are skipped.

    Vector files with several layers (a GeoPackage keeping points and lines apart) give
    the rows of every layer that has geometry, layer by layer in name order.

    Rows that cannot place anything are left out with one warning (appended to
    ``warnings``, else printed on stderr; see :func:`geo.io.warn`): a GeometryCollection,
    a line of zero length, a road (by its ``feature_type``, ``category`` or name) given
    as a point or a polygon.
    """
    from geo.io import check_input_file, warn

    path = check_input_file(Path(path))
    if path.suffix.lower() in TABLE_SUFFIXES:
        rows, geoms = read_table(path)
    else:
        rows, geoms = _read_vector_rows(path)
    if not rows:
        raise InputError(path, "gazetteer has no entries")
    entries = _entries_from_rows(path, rows, geoms, tier=tier, datum=datum, warnings=warnings)
    unusable = _unusable_rows(rows, geoms)
    if unusable:
        warn(f"{path}: left out {len(unusable)} of {len(rows)} row(s) that cannot place anything "
             f"({_reasons(unusable)})", warnings)
        entries = [entry for number, entry in enumerate(entries, 1) if number not in unusable]
    return merge_line_pieces(entries)


def _unusable_rows(rows, geoms):
    """{row number: why} for rows whose geometry no project can use (checked before repair,
    which would turn a zero-length line into a point)."""
    unusable = {}
    for number, (row, geom) in enumerate(zip(rows, geoms), 1):
        kind = geom.geom_type
        if kind == "GeometryCollection":
            unusable[number] = "a GeometryCollection, give one geometry type per row"
        elif kind in LINE_TYPES and geom.length == 0:
            unusable[number] = "a line of zero length"
        elif kind not in LINE_TYPES and _is_road(row):
            unusable[number] = f"a road given as a {'point' if kind in POINT_TYPES else 'polygon'}, not a line"
    return unusable


def _reasons(unusable):
    """``a line of zero length: entries 3, 7; ...``: each reason once, in order of first row."""
    by_reason = {}
    for number, reason in unusable.items():
        by_reason.setdefault(reason, []).append(number)
    return "; ".join(f"{reason}: entr{'y' if len(numbers) == 1 else 'ies'} "
                     f"{', '.join(map(str, numbers[:5]))}{'…' if len(numbers) > 5 else ''}"
                     for reason, numbers in by_reason.items())


def _is_road(row):
    """A row naming a road: ``feature_type`` road, a road ``category``, or a road's name (路, 大街...),
    which a 街道 (a subdistrict) is not."""
    from geo.names import ROAD_NAME_ENDINGS

    if (_text(row.get("feature_type")) or "").lower() == "road" or \
            (_text(row.get("category")) or "").lower().startswith("road"):
        return True
    name = _text(row.get("name")) or ""
    return name.endswith(ROAD_NAME_ENDINGS) and not name.endswith("街道")


def merge_line_pieces(entries):
    """Join the rows of one file that draw pieces of one line: same name, within ``ROAD_PIECE_GAP_M``.

    A road centreline file has a row per segment; looking up the road must give all of
    it, not its first segment. Pieces are joined with ``shapely.line_merge`` (gaps stay
    gaps); namesakes farther apart stay separate entries (and :func:`duplicate_names`
    warns about them). The joined entry keeps the first row's attributes, the largest
    ``accuracy_m``, and says how many rows it joins in ``method``.
    """
    import shapely

    from geo import settings
    from geo.crs import metric_crs_for, metric_geometry
    from geo.lines import linked_groups, near_pairs

    groups = {}
    for number, entry in enumerate(entries):
        if entry.geometry.geom_type in LINE_TYPES:
            groups.setdefault(entry.name, []).append(number)
    replaced, dropped = {}, set()
    for numbers in (g for g in groups.values() if len(g) > 1):
        lines = [entries[i].geometry for i in numbers]
        crs = metric_crs_for(shapely.GeometryCollection(lines))
        pairs = near_pairs(metric_geometry(lines, crs), settings.ROAD_PIECE_GAP_M)
        for members in (c for c in linked_groups(len(numbers), pairs) if len(c) > 1):
            first = entries[numbers[members[0]]]
            merged = shapely.line_merge(shapely.union_all([lines[k] for k in members]))
            replaced[numbers[members[0]]] = dataclasses.replace(
                first, geometry=merged, method=f"{first.method} ({len(members)} rows joined)",
                accuracy_m=max(entries[numbers[k]].accuracy_m for k in members))
            dropped.update(numbers[k] for k in members[1:])
    return [replaced.get(i, entry) for i, entry in enumerate(entries) if i not in dropped]


def _read_vector_rows(path):
    from geo.data import DATA_DIR
    from geo.io import read_geojson_frame

    if Path(path).parent == DATA_DIR:  # our own bundled GeoJSON: no need for GDAL
        gdf = read_geojson_frame(path)
    else:
        gdf = _read_layers(path)
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    keys = [str(c).strip().lower() for c in columns]  # KML's Name, a Shapefile's NAME
    rows = [with_synonyms(dict(zip(keys, values))) for values in gdf[columns].itertuples(index=False, name=None)]
    if rows and not any(_text(row.get("name")) for row in rows):
        raise InputError(path, f"gazetteer needs a 'name' column (or '名称'; found: {', '.join(keys)})")
    return rows, list(gdf.geometry.values)


def _read_layers(path):
    """Every layer with geometry of a vector file, in EPSG:4326, layer by layer in name order."""
    import pandas as pd
    import pyogrio

    from geo.io import read_vector

    try:
        layers = sorted(str(name) for name, geometry_type in pyogrio.list_layers(path) if geometry_type)
    except Exception:  # noqa: BLE001 - not readable: read_vector says what is wrong in one line
        layers = []
    if len(layers) <= 1:
        return read_vector(path, assume_crs=None).to_crs(4326)
    frames = [read_vector(path, layer=layer, assume_crs=None).to_crs(4326) for layer in layers]
    return pd.concat([frame for frame in frames if len(frame)] or frames[:1], ignore_index=True)


def outside_china(entries) -> list:
    """A warning when entries of a user file lie outside China: swapped lon/lat, or another CRS."""
    from geo.crs import in_china

    import shapely

    points = shapely.get_coordinates(shapely.point_on_surface([e.geometry for e in entries]))
    outside = [e.name for e, inside in zip(entries, in_china(points[:, 0], points[:, 1])) if not inside]
    if not outside:
        return []
    return [f"{len(outside)} of {len(entries)} entries lie outside China ({'、'.join(outside[:3])}"
            f"{'…' if len(outside) > 3 else ''}); lon/lat swapped, or projected coordinates?"]


def _entries_from_rows(path, rows, geoms, *, tier, datum, warnings=None):
    """Entries of a user file, checked and converted to WGS-84 as whole arrays (a file may hold 100,000 rows).

    Invalid polygons are repaired with a warning (see :func:`geo.boundaries.repair_polygons`),
    appended to ``warnings`` or else printed (:func:`geo.io.warn`).
    """
    import math

    import numpy as np
    import shapely

    from geo.boundaries import repair_polygons
    from geo.crs import convert_geometry
    from geo.io import warn

    names = []
    for number, (row, geom) in enumerate(zip(rows, geoms), 1):
        name = row.get("name")
        if name is None or (isinstance(name, float) and math.isnan(name)) or not str(name).strip():
            raise InputError(path, f"entry {number} has no name")
        if geom is None or geom.is_empty:
            raise InputError(path, f"entry {number} ({name}) has no geometry")
        names.append(str(name).strip())
    geoms = np.array(geoms, dtype=object)
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    lon, lat = np.abs(coords[:, 0]), np.abs(coords[:, 1])
    for bad, problem in ((~np.isfinite(coords).all(axis=1), "has NaN or infinite coordinates"),
                         ((lat > 90) & (lon <= 90), "has latitude beyond ±90 (lon/lat swapped?)"),
                         ((lon > 180) | (lat > 90), "has coordinates outside lon/lat range "
                                                    "(projected data without a CRS?)")):
        if bad.any():
            first = int(index[bad.argmax()])
            raise InputError(path, f"entry {first + 1} ({names[first]}) {problem}")
    datums = np.array(_row_datums(path, rows, names, datum, warnings))
    for canonical in sorted(set(datums) - {"wgs84"}):
        chosen = datums == canonical
        try:
            geoms[chosen] = convert_geometry(geoms[chosen], canonical, "wgs84")
        except ValueError as exc:  # GCJ-02/BD-09 outside China: say which entry
            from geo.crs import in_china

            points, owner = shapely.get_coordinates(geoms[chosen], return_index=True)
            first = int(np.flatnonzero(chosen)[owner[(~in_china(points[:, 0], points[:, 1])).argmax()]])
            raise InputError(path, f"entry {first + 1} ({names[first]}): {exc}") from None
    geoms, repairs = repair_polygons(geoms, path, [f"entry {n} ({name})" for n, name in enumerate(names, 1)])
    for message in repairs:
        warn(message, warnings)
    invalid = ~shapely.is_valid(geoms)  # lines and points: a ring of too few points, a line of one point
    if invalid.any():
        geoms[invalid] = shapely.make_valid(geoms[invalid])
    entries = []
    for number, (row, name, geom, canonical) in enumerate(zip(rows, names, geoms, datums), 1):
        entries.append(Entry(
            name=name,
            geometry=geom,
            source=_text(row.get("source")) or f"{tier} {path.name}",
            method=_text(row.get("method")) or "coordinates from file",
            source_datum=str(canonical),
            accuracy_m=_accuracy(path, number, name, row.get("accuracy_m")) or _default_accuracy(geom),
            tier=tier,
            aliases=_aliases(row.get("aliases")),
            category=_text(row.get("category")),
            feature_type=_text(row.get("feature_type")),
            section_of=_text(row.get("section_of")),
        ))
    return entries


_SRID_PREFIX = re.compile(r"\s*SRID\s*=", re.I)  # an EWKT cell states its own reference system


def _row_datums(path, rows, names, datum, warnings):
    """The canonical datum of each row: its own (``source_datum``, ``datum`` or ``坐标系``),
    else ``datum``, else WGS-84 with one warning naming the file and how many rows (rows
    whose WKT opens with ``SRID=`` state theirs)."""
    from geo.crs import normalise_datum
    from geo.io import warn

    datums, unstated = [], 0
    for number, row in enumerate(rows, 1):
        stated = next(filter(None, (_text(row.get(column)) for column in ("source_datum", "datum", "坐标系"))), None)
        unstated += stated is None and datum is None and not _SRID_PREFIX.match(_text(row.get("wkt")) or "")
        try:
            datums.append(normalise_datum(stated or datum or "wgs84"))
        except ValueError as exc:
            raise InputError(path, f"entry {number} ({names[number - 1]}): {exc}") from None
    if unstated:
        # Most coordinates planners collect come from Amap (GCJ-02) or Baidu (BD-09): hundreds of metres off.
        warn(f"{path}: datum not given for {unstated} of {len(rows)} entries, assumed WGS-84 (add a datum "
             "column: wgs84, gcj02 for Amap or Tencent, bd09 for Baidu)", warnings)
    return datums


def _accuracy(path, number, name, value):
    """A stated accuracy in metres; None when the row states none. Zero, negative or
    non-numeric values are refused: an accuracy of 0 m is never honest."""
    text = _text(value)
    if text is None:
        return None
    try:
        metres = float(re.sub(r"\s*(m|米|metres?|meters?)$", "", text, flags=re.I))  # "50m", "50 米"
    except ValueError:
        metres = float("nan")
    if not (metres > 0 and metres != float("inf")):
        raise InputError(path, f"entry {number} ({name}): accuracy_m must be a positive number of metres, "
                               f"found {text!r}")
    return metres


def duplicate_names(entries, *, apart_m) -> list:
    """Warnings for names that two entries of one file share while lying ``apart_m`` or more apart.

    Two rows named 北园小学 2 km apart are two schools or a typo; geocoding uses the first.
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
            messages.append(f"{name!r} appears {len(geometries)} times, up to {farthest / 1000:.1f} km apart; "
                            "the first row is used")
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


def _number(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and number > 0 else None


def _aliases(value):
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value if str(v).strip())
    if hasattr(value, "tolist"):
        return tuple(str(v) for v in value.tolist())
    text = str(value).strip()
    if text.startswith("["):
        from geo.io import InputError, parse_json

        try:
            return tuple(str(v) for v in parse_json(text, None))
        except InputError:
            pass  # not a JSON list: a list written with separators
    return tuple(a.strip() for a in re.split(r"[|;；、]", text) if a.strip())


def _default_accuracy(geom):
    # A user file that states no accuracy is taken at the precision of a typical
    # hand-collected coordinate; lines and areas are only as good as their digitising.
    from geo import settings

    return settings.USER_POINT_ACCURACY_M if geom.geom_type in POINT_TYPES else settings.USER_LINE_ACCURACY_M
