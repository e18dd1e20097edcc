"""Rows placed by hand on the projects map (placed.csv): each places one project of the report, as drawn.

Two more kinds of row record a planner's review of the catalog (applied by :mod:`geo.hand_review`):
a project marked not a project (``source`` :data:`geo.settings.HAND_REMOVED_SOURCE`, no
coordinates) and a project the report's text names that extraction missed, added and drawn
(:data:`geo.settings.HAND_ADDED_SOURCE`), which is placed as drawn like any placed row.

The map's panel writes one row per project it placed (``source`` =
:data:`geo.settings.HAND_PLACED_SOURCE`), named and categorised as the report's project,
in WGS-84. A row that cannot be what the panel wrote (a file edited by hand, or one from
another report) would place nothing, or the wrong thing, without a word: it is refused
with one line naming the file and the row, before any output is written.
"""

from __future__ import annotations

import re

from geo import settings
from geo.geocodes import MATCHED, accuracy_metres
from geo.io import InputError
from geo.safe_text import without_bidi_controls

# The panel's note on a row drawn on GCJ-02 (Amap) tiles: its lon/lat are already WGS-84.
_CONVERTED = re.compile(r"converted to WGS-84", re.I)
# The sources of the rows the map's panel writes.
HAND_SOURCES = (settings.HAND_PLACED_SOURCE, settings.HAND_ADDED_SOURCE, settings.HAND_REMOVED_SOURCE)


def is_hand_placed(entry) -> bool:
    """Whether a gazetteer entry was placed by hand on the projects map (a project of the report
    placed, or one added there)."""
    return entry.source in (settings.HAND_PLACED_SOURCE, settings.HAND_ADDED_SOURCE)


def is_added(entry) -> bool:
    """Whether a gazetteer entry is a project added by hand on the map (not found in the report)."""
    return entry.source == settings.HAND_ADDED_SOURCE


def is_removal(entry) -> bool:
    """Whether a gazetteer entry marks a project of the report not a project (no place)."""
    return entry.source == settings.HAND_REMOVED_SOURCE


def written_name(name) -> str:
    """A name as the panel wrote it: without the apostrophe that keeps a spreadsheet from
    reading it as a formula, nor spaces around it, nor bidirectional controls (U+202E...: the
    panel leaves them out, or Excel would show the name reordered)."""
    text = without_bidi_controls(name).strip()
    return text[1:].strip() if text.startswith("'") else text


def check_file(path, entries, unusable) -> None:
    """Refuse the hand-placed rows of one gazetteer file that the map's panel cannot have written.

    Parameters
    ----------
    path : Path
        The file, named in the error.
    entries : list of Entry
        Its rows' entries in row order (entry ``n`` is row ``n``), before rows are left out.
    unusable : dict
        ``{row number: why}`` of the rows that cannot place anything.

    Raises
    ------
    InputError
        For the first row marked not a project that has coordinates (it marks a project, and
        places nothing), the first row added or marked by hand without a category the map knows
        (:func:`geo.data.categories`), or the first hand-placed row that cannot place anything, lies outside China
        (swapped or hand-typed coordinates), is labelled GCJ-02 or BD-09 though the panel
        says it converted it to WGS-84 (it would be shifted twice), or places a project
        (name and category) that an earlier row already places elsewhere (the same position
        again is the same placement: two downloads joined, one carrying the other's rows).
    """
    from geo.crs import in_china
    import shapely

    from geo.data import categories

    seen = {}
    for number, entry in enumerate(entries, 1):
        if is_removal(entry) or is_added(entry):
            what = "marked not a project" if is_removal(entry) else "added by hand"
            if entry.category not in categories():
                found = f"category {entry.category!r}" if entry.category else "no category"
                raise InputError(path, f"entry {number} ({entry.name}, {what}) has {found}: give one of "
                                       f"{', '.join(categories())} (geo/data/categories.csv)")
            if is_removal(entry):
                if entry.geometry is not None and not entry.geometry.is_empty:
                    raise InputError(path, f"entry {number} ({entry.name}, {what}) has coordinates: a project "
                                           "marked not a project has no position; empty its lon, lat and wkt, or "
                                           f"give it the source '{settings.HAND_PLACED_SOURCE}' to place it")
                continue
        if not is_hand_placed(entry):
            continue
        label = f"entry {number} ({entry.name}, {'added' if is_added(entry) else 'placed'} by hand)"
        if number in unusable:
            raise InputError(path, f"{label} cannot place anything: {unusable[number]}")
        point = shapely.point_on_surface(entry.geometry)
        if not in_china(point.x, point.y):
            raise InputError(path, f"{label} lies outside China ({point.x:.4f}, {point.y:.4f}): lon and lat "
                                   "swapped or typed over? Place it again on the map")
        if entry.source_datum != "wgs84" and _CONVERTED.search(entry.method or ""):
            raise InputError(path, f"{label} is labelled {entry.source_datum}, but the map converted it to "
                                   "WGS-84 already (see its method): its datum is wgs84")
        key = (written_name(entry.name), entry.category or "")
        if key in seen and _same_position(seen[key][1].geometry, entry.geometry):
            continue  # the same row again: two downloads joined into one file, one carrying the other's rows
        if key in seen:
            raise InputError(path, f"{label} places {entry.name} a second time (entry {seen[key][0]} places it "
                                   "too): keep one row per project, placed twice is ambiguous")
        seen[key] = (number, entry)


def check_used(features, gazetteer, paths) -> None:
    """Refuse a hand-placed row that places no project of the catalog (by name and category).

    Parameters
    ----------
    features : list of dict
        The catalog's features.
    gazetteer : geo.gazetteer.Gazetteer
        The run's gazetteer; its hand-placed rows are checked.
    paths : dict
        ``{tier name: path}`` of the user files, to name the file in the error.

    Raises
    ------
    InputError
        Naming the file and the first row that matches no project: a project renamed or
        recategorised since the map was made, a row typed by hand, or a placed.csv of
        another report. Its position would otherwise be dropped without a word. When no
        row matches, the build most likely lacks the map's --report: the line says so.
    """
    from geo.gazetteer import Gazetteer

    check_across_files(gazetteer, paths)
    projects = [(str(f["properties"].get("name") or ""), f["properties"].get("category"))
                for f in features if f["properties"].get("named") is not False]
    for tier, entries in gazetteer.tiers:
        hand = [entry for entry in entries if is_hand_placed(entry)]
        if not hand:
            continue
        rows = Gazetteer().add_tier(tier, hand)
        used = set()
        for name, category in projects:
            match = rows.lookup(name, accepts=lambda entry, c=category: _fits_category(entry, c))
            if match is not None and match.strength in ("exact", "folded"):
                used.update(id(entry) for entry in (match.entry, *match.rivals))
        for entry in hand:
            if id(entry) not in used:
                number = f"entry {entry.extra['entry']} " if "entry" in entry.extra else ""
                category = f", {entry.category}" if entry.category else ""
                label = f"{number}({entry.name}{category}, placed by hand) is no project of this report"
                if not used:  # not one row fits: most likely a build without the report the map was made from
                    raise InputError(paths.get(tier, tier), f"{label}, nor is any of its {len(hand)} "
                                     f"row{'' if len(hand) == 1 else 's'} placed by hand: build with the --report "
                                     "and district options of the build that made the map; if the report changed, "
                                     "delete the rows of projects it no longer has")
                raise InputError(paths.get(tier, tier), f"{label} (renamed, recategorised, or placed for another "
                                                        "report?): delete that row and build again, then place the "
                                                        "project anew on the new map")


def check_across_files(gazetteer, paths) -> None:
    """Refuse one project placed by hand at two positions in two files (two planners' placed.csv).

    Within one file a project placed twice is refused (:func:`check_file`); given in two files,
    the first would win without a word. A row that repeats another file's position (a map rebuilt
    with the first file carries its rows into the next download) is the same placement: a
    geometry with the same vertices to 1e-7 degree (the 7 decimals the map writes, about 1 cm),
    a ring started at another corner too.

    Parameters
    ----------
    gazetteer : geo.gazetteer.Gazetteer
        The run's gazetteer, one tier per user file in the order given.
    paths : dict
        ``{tier name: path}`` of the user files, to name them in the error.

    Raises
    ------
    InputError
        Naming the later file's row, the earlier file's row and how far apart they are.
    """
    first = {}
    for tier, entries in gazetteer.tiers:
        for entry in entries:
            if not is_hand_placed(entry) or entry.geometry is None or entry.geometry.is_empty:
                continue
            key = (written_name(entry.name), entry.category or "")
            if key not in first:
                first[key] = (tier, entry)
                continue
            tier_before, before = first[key]
            if tier_before == tier or _same_position(before.geometry, entry.geometry):
                continue  # one file's rows are checked by check_file; a carried-over row is the same placement
            raise InputError(paths.get(tier, tier),
                             f"{_entry_label(entry)} places {entry.name} {_apart_m(before.geometry, entry.geometry)} m "
                             f"from where {_entry_label(before, of=paths.get(tier_before, tier_before))} places it: "
                             "two planners' files? keep the row of one of them (or give one file), placed twice is "
                             "ambiguous")


def _entry_label(entry, of=None) -> str:
    number = f"entry {entry.extra['entry']}" if "entry" in entry.extra else "a row"
    return f"{number} of {of}" if of is not None else f"{number} ({entry.name}, placed by hand)"


def _same_position(one, other) -> bool:
    return one.normalize().equals_exact(other.normalize(), 1e-7)


def _apart_m(one, other) -> int:
    """How far apart two placements of one project are: the farthest a vertex of either lies from
    the other, in metres, measured in the Gauss-Kruger zone of the first."""
    from geo.crs import metric_crs_for, metric_geometry

    crs = metric_crs_for(one)
    return max(1, round(metric_geometry(one, crs).hausdorff_distance(metric_geometry(other, crs))))


def _fits_category(entry, category) -> bool:
    return not entry.category or not category or entry.category == category


def hand_placed_entry(gazetteer, name, category):
    """The entry placed by hand on the map for this very project (its name, its category), or None.

    Such rows win over every other source of the name, in whatever tier they are, and
    keep the geometry the planner drew. They never stand in for another project by a
    loose name match; of rows whose names match alike (``“十大”工程`` and ``十大工程``),
    the one written as the project's name is its own.
    """
    def fits(entry):
        return (is_hand_placed(entry) and entry.geometry is not None and not entry.geometry.is_empty
                and _fits_category(entry, category))

    own = written_name(name)
    match = gazetteer.lookup(name, accepts=lambda entry: fits(entry) and written_name(entry.name) == own)
    match = match or gazetteer.lookup(name, accepts=fits)
    return match.entry if match is not None and match.strength in ("exact", "folded") else None


# What geo adds to a placement's method (:func:`use_hand_placed`, :func:`placed_elsewhere_by_sources`), at its end.
_GEO_NOTES = re.compile(r"(?:; (?:reaches )?[0-9]+(?:\.[0-9]+)? km outside the district, as placed"
                        r"|; [^;]* places [^;]* [0-9]+(?:\.[0-9]+)? km from here; the placement by hand is used)+$")


def own_method(method) -> str:
    """``method`` without the notes geo adds to a placement's (how far outside the district it lies, a source
    placing its name elsewhere): what its placed.csv row said. The map writes an earlier round's placement
    back with it, so each round's geocode says each note once and the file stays the same."""
    return _GEO_NOTES.sub("", str(method or ""))


def use_hand_placed(entry, outline_metric=None, crs=None):
    """(geometry, geocode) of a project placed by hand: as drawn, wherever it lies. One placed more
    than NEAR_DISTRICT_M outside the district (``outline_metric``, in ``crs``) was placed there on
    purpose (a district's project sited beyond it: a 飞地 park, a landfill in the next county), or
    by a slip that :func:`placed_outside` warns of: its ``method`` says how far out it lies. Left
    unlocated, it dropped out of the map's placements and so of the next placed.csv."""
    method = own_method(entry.method)
    method = method if method.startswith(entry.source) else entry.source
    beyond, crossing = outside_m(entry.geometry, outline_metric, crs)
    if beyond > settings.NEAR_DISTRICT_M:
        method += f"; {'reaches ' * crossing}{beyond / 1000:.1f} km outside the district, as placed"
    return entry.geometry, {
        "status": MATCHED,
        "source": entry.source,
        "method": method,
        "source_datum": entry.source_datum,
        "accuracy_m": accuracy_metres(entry.accuracy_m),
        "matched_name": entry.name,
    }


def placed_elsewhere_by_sources(entry, name, gazetteer, near, accepts=None) -> str:
    """What a project placed by hand says when sources (of any tier) have its name only 1 km or more from where
    it was placed, in the district (:func:`geo.gazetteer.placed_elsewhere`), each of them named: ``a.csv places
    文化中心 2.3 km from here; OSM extract places 文化中心 3.1 km from here; the placement by hand is used`` (a
    marker dropped on the wrong street is seen, and which sources agree on where it should be); '' otherwise."""
    from geo.gazetteer import Match, placed_elsewhere

    def other(candidate):
        return not is_hand_placed(candidate) and (accepts is None or accepts(candidate))

    elsewhere = gazetteer.elsewhere_of(entry, name, accepts=other, every_tier=True)
    return placed_elsewhere(Match(entry, "exact", entry.name, elsewhere=elsewhere), near, used="the placement by hand",
                            every=True)


def outside_m(geometry, outline_metric, crs) -> tuple:
    """(metres, crossing): how far a placement lies outside the district (``outline_metric``, in ``crs``),
    crossing False; for one lying partly inside (a line or area drawn from inside the district whose
    last clicks landed far away, the map zoomed out: its distance to the district is 0, and the part
    inside counts), how far its vertex farthest from the district reaches out, crossing True;
    (0, False) inside it or without an outline."""
    import shapely

    from geo.crs import metric_geometry

    if outline_metric is None or geometry is None or geometry.is_empty:
        return 0.0, False
    metric = metric_geometry(geometry, crs)
    apart = float(metric.distance(outline_metric))
    if apart > 0 or metric.geom_type == "Point":
        return apart, False
    reach = float(shapely.distance(shapely.points(shapely.get_coordinates(metric)), outline_metric).max())
    return reach, reach > 0


def placed_outside(gazetteer, paths, outline, crs) -> list:
    """One warning per row placed by hand more than NEAR_DISTRICT_M outside the district
    (``outline``, WGS-84), naming its file (``paths``: ``{tier name: path}``), row and distance: it
    is used where it was placed (:func:`use_hand_placed`), and a slip is moved on the map."""
    from geo.crs import metric_crs_for, metric_geometry

    if outline is None:
        return []
    crs = crs or metric_crs_for(outline)
    outline_metric = metric_geometry(outline, crs)
    warnings = []
    for tier, entries in gazetteer.tiers:
        for entry in entries:
            beyond, crossing = outside_m(entry.geometry, outline_metric, crs) if is_hand_placed(entry) else (0.0, False)
            if beyond > settings.NEAR_DISTRICT_M:
                warnings.append(f"{paths.get(tier, tier)}: {_entry_label(entry)} {'reaches' if crossing else 'lies'} "
                                f"{beyond / 1000:.1f} km outside the district: used where it was placed "
                                f"({'its part inside counted in' if crossing else 'counted outside'} the district); "
                                "if that is a slip, move it on the map or delete the row")
    return warnings
