"""A file's rows as a gazetteer takes them: namesakes far apart warned of (the row in the district first), a place typed twice widened, pieces of one line joined."""

from __future__ import annotations

import dataclasses
import re

from geo.gazetteer import LINE_TYPES, POINT_TYPES, farthest_apart_m


def in_district_first(entries, near, *, apart_m):
    """``entries`` of one file with, of each name its rows give at places ``apart_m`` or more apart (a
    city's list of schools: a 第三中学 in several districts), the first row lying in ``near`` (the
    district and its margin) put in the place of the name's first row: the one looked up (the first of
    namesakes, :meth:`geo.gazetteer.Gazetteer.add_tier`). Returns (entries, {name: its row's number} of those moved)."""
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


def duplicate_names(entries, *, apart_m, chosen=None, near=None) -> list:
    """Warnings for names that two entries of one file share while lying ``apart_m`` or more apart.

    Two rows named 北园小学 2 km apart are two schools or a typo; geocoding uses the one of them lying in
    ``near`` (the district and its margin; the row ``chosen`` names, {name: row number}, when it is not the
    first: :func:`in_district_first`), else the first. When several points or areas lying in ``near``
    (anywhere, without it) are that far apart, a project of the name stays unlocated, as of namesakes in
    any source (:func:`geo.gazetteer.distinct_places`): the report does not say which it means.
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
            used = _namesakes_used(geometries, apart_m=apart_m, near=near, chosen=(chosen or {}).get(name))
            messages.append(f"{name!r} appears {len(geometries)} times, up to {farthest / 1000:.1f} km apart; {used}")
    return messages


def _namesakes_used(geometries, *, apart_m, near, chosen):
    """What geocoding makes of one name's rows lying far apart (:func:`duplicate_names`): none, of points
    or areas ``apart_m`` apart in ``near`` (anywhere, when None), else row ``chosen``, else the first."""
    inside = [g for g in geometries if (near is None or g.intersects(near)) and g.geom_type not in LINE_TYPES]
    if len(inside) > 1 and farthest_apart_m(inside) >= apart_m:
        where = "" if near is None else f", {len(inside)} of them in the district"
        return f"a project of this name stays unlocated{where}: the report does not say which"
    return f"entry {chosen}, in the district, is used" if chosen is not None else "the first row is used"


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


def merge_line_pieces(entries):
    """Join the rows of one file that draw pieces of one line: same name and category, within ``SAME_ROAD_GAP_M``.

    A road centreline file has a row per segment, and a planner's file may leave a stretch undrawn; looking
    up the road must give all of it, not its first segment. Pieces are joined with ``shapely.line_merge``
    (gaps stay gaps) as OSM's ways of one road are (:mod:`geo.osm_roads`); namesakes farther apart stay
    separate entries (and :func:`duplicate_names` warns about them). The joined entry keeps the first row's
    attributes and says how many rows it joins in ``method``; its ``accuracy_m`` is the largest of its rows',
    plus half the widest gap it bridges when that is wider than ``ROAD_PIECE_GAP_M`` (a seam): the road
    between its pieces may lie that far from what is drawn. Rows of one name in two categories are two
    things (a river and the greening along it, placed by hand): never joined.
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
        metric = list(metric_geometry(lines, crs))
        # Seams first (pieces within ROAD_PIECE_GAP_M), then their bodies within SAME_ROAD_GAP_M: few pairs
        # of bodies where a long road of many short rows would give each row hundreds of neighbours.
        seams = linked_groups(len(numbers), near_pairs(metric, settings.ROAD_PIECE_GAP_M))
        bodies = [shapely.union_all([metric[k] for k in seam]) for seam in seams]
        for road in linked_groups(len(seams), near_pairs(bodies, settings.SAME_ROAD_GAP_M)):
            members = sorted(k for s in road for k in seams[s])
            if len(members) < 2:
                continue
            first = entries[numbers[members[0]]]
            merged = shapely.line_merge(shapely.union_all([lines[k] for k in members]))
            merged = _carriageways_once(merged, crs)
            accuracy, method = max(entries[numbers[k]].accuracy_m for k in members), f"{len(members)} rows joined"
            if len(road) > 1:  # bodies more than ROAD_PIECE_GAP_M apart: a stretch left undrawn
                gap = widest_gap_m([bodies[s] for s in road])
                accuracy = float(round(accuracy + gap / 2))
                method = f"{method}, across gaps up to {gap:,.0f} m: the road between them not drawn"
            replaced[numbers[members[0]]] = dataclasses.replace(first, geometry=merged, method=f"{first.method} ({method})",
                                                                accuracy_m=accuracy)
            dropped.update(numbers[k] for k in members[1:])
    return [replaced.get(i, entry) for i, entry in enumerate(entries) if i not in dropped]


def widest_gap_m(parts) -> float:
    """The widest gap (metres) that joining metric ``parts`` (lines of one road) nearest first must bridge:
    the longest link of their shortest spanning tree (0 for one part, for parts that touch)."""
    import numpy as np
    import shapely

    from geo import settings
    from geo.lines import near_pairs, spanning_links

    pairs = np.asarray(near_pairs(parts, settings.SAME_ROAD_GAP_M), dtype=int).reshape(-1, 2)
    parts = np.asarray(parts, dtype=object)
    distances = shapely.distance(parts[pairs[:, 0]], parts[pairs[:, 1]]) if len(pairs) else np.empty(0)
    links = sorted(zip(distances.tolist(), pairs[:, 0].tolist(), pairs[:, 1].tolist()))
    return max((float(distance) for distance, _, _ in spanning_links(len(parts), links)), default=0.0)


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


def cell_aliases(value):
    """An entry's aliases from its cell: a list, a JSON list, or names apart by | ; ； 、; none for an empty
    cell, or a null one (NaN: a vector file's feature without the column's value)."""
    if value is None or (isinstance(value, float) and value != value):
        return ()
    if not isinstance(value, str):  # (a table's cells are text: pandas is not looked at for them)
        import pandas as pd

        if value is pd.NA:
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
