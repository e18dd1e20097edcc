"""The 街道 of a coverage report as drawn: pairs that overlap (and the projects there), and each one's km of shared edge.

An official file may draw two 街道 over each other (slivers where edges were digitised twice, a 街道 drawn
twice under two codes). The join (:mod:`geo.join`) counts what lies in such an overlap once, in the 街道 of the
smaller code, where a GIS overlay taking each 街道 as drawn counts it in both: this module names the pairs
overlapping by more than :data:`geo.settings.OVERLAP_TOLERANCE_M2`, by how much, and what lies there. It also
measures how much of each 街道's boundary it shares with another (its edge on theirs, or inside them).
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely import STRtree

from geo.crs import STORAGE_CRS
from geo.join_metres import measurer, snap_distance, transformer
from geo.settings import JOIN_MIN_PIECE_M, JOIN_MIN_PIECE_M2, OVERLAP_TOLERANCE_M2

_TYPE = shapely.GeometryType
_POINT_TYPES = (_TYPE.POINT, _TYPE.MULTIPOINT)
_LINE_TYPES = (_TYPE.LINESTRING, _TYPE.LINEARRING, _TYPE.MULTILINESTRING)
_POLYGON_TYPES = (_TYPE.POLYGON, _TYPE.MULTIPOLYGON)


def zone_overlaps(zones, projects=None, *, zone_code="code", zone_name="name", metric_crs=None) -> list:
    """The pairs of zones overlapping by more than :data:`geo.settings.OVERLAP_TOLERANCE_M2`, and what lies there.

    Parameters
    ----------
    zones : geopandas.GeoDataFrame
        The 街道 polygons as drawn (code and name columns), in any CRS (none: EPSG:4326).
    projects : geopandas.GeoDataFrame, optional
        The located projects (``id``, ``name``, ``category`` and a geometry), in any CRS (none: EPSG:4326).
    zone_code, zone_name : str
        Names of the code and name columns in ``zones``.
    metric_crs : str, optional
        The CRS the overlaps' areas are measured in (lengths are geodesic); default the zones' own zone.

    Returns
    -------
    list of dict
        One per pair, sorted by codes: ``codes`` and ``names`` (code order), ``area_m2`` (the overlap's area,
        whole square metres), ``counted_in`` and ``counted_in_name``: the zone of the smaller code, where the
        join counts what lies in the overlap, and ``projects``: those of ``projects`` lying there (but for what
        lies in a third zone of a smaller code too, named with that zone's pair, where it counts), by id:
        ``id``, ``name``, ``category``, ``kind`` (``point``, ``line`` or ``area``), ``km`` (a line's km in
        the overlap, 3 decimals; pieces under :data:`geo.settings.JOIN_MIN_PIECE_M` left out) and ``area_km2``
        (an area's, 6 decimals; pieces under :data:`geo.settings.JOIN_MIN_PIECE_M2` left out), None otherwise.
    """
    if len(zones) < 2:
        return []
    crs = zones.crs if zones.crs is not None else STORAGE_CRS
    metric_crs = metric_crs or _metric_crs(zones)
    codes, names, geoms = _sorted_zones(zones, zone_code, zone_name)
    # Cut in metres, as the warning on reading the file measures them (geo.boundary_checks.topology_warnings).
    geoms = transformer(crs, metric_crs)(geoms)
    left, right = STRtree(geoms).query(geoms, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    if not left.size:
        return []
    # Interiors meet where two zones intersect and do not only touch: a prepared zone (a private copy)
    # tests that faster than cutting out each neighbour's shared edge.
    own = shapely.transform(geoms, lambda coords: coords)
    shapely.prepare(own)
    meet = ~shapely.touches(own[left], geoms[right])
    left, right = left[meet], right[meet]
    if not left.size:
        return []
    shared = shapely.intersection(geoms[left], geoms[right])
    area = shapely.area(shared)
    big = area > OVERLAP_TOLERANCE_M2
    rows = []
    tree = STRtree(geoms)
    for a, b, overlap, m2 in zip(left[big], right[big], shared[big], area[big]):
        overlap = _polygonal(overlap)
        # What also lies in a zone of a smaller code counts there (three over one another): named with that pair.
        before = tree.query(overlap, predicate="intersects")
        before = before[before < a]
        counted = shapely.difference(overlap, shapely.union_all(geoms[before])) if before.size else overlap
        rows.append({"codes": [str(codes[a]), str(codes[b])], "names": [str(names[a]), str(names[b])],
                     "area_m2": int(round(float(m2))), "counted_in": str(codes[a]), "counted_in_name": str(names[a]),
                     "projects": [], "_overlap": _polygonal(counted)})
    if projects is not None and len(projects) and rows:
        _projects_in(rows, projects, metric_crs)
    for row in rows:
        del row["_overlap"]
    return sorted(rows, key=lambda row: row["codes"])


def shared_edge_km(zones, *, zone_code="code", metric_crs=None) -> dict:
    """Each zone's km of boundary lying on another zone's edge or inside it (where they overlap).

    Parameters
    ----------
    zones : geopandas.GeoDataFrame
        The 街道 polygons as the join takes them (:func:`geo.boundary_checks.across_gaps`: a sliver narrower than
        twice :data:`geo.settings.GAP_CLOSING_M` between two is closed), with a code column, in any CRS (none:
        EPSG:4326).
    zone_code : str
        Name of the code column in ``zones``.
    metric_crs : str, optional
        The district's metric CRS (lengths are geodesic whatever it is); default the zones' own zone.

    Returns
    -------
    dict
        ``{code: km}`` for every zone, 3 decimals, measured along the ellipsoid: the length of its boundary
        within :data:`geo.settings.JOIN_SNAP_M` of another zone. The enclave of a 街道 with a hole shares its
        whole boundary, a 街道 alone none; a part of a multipart 街道 far from the others shares none.
    """
    crs = zones.crs if zones.crs is not None else STORAGE_CRS
    codes, _, geoms = _sorted_zones(zones, zone_code, None)
    km = dict.fromkeys((str(code) for code in codes), 0.0)
    snap = snap_distance(geoms, crs) if len(geoms) >= 2 else None
    if not snap:
        return km
    mine, other = STRtree(geoms).query(geoms, predicate="dwithin", distance=snap)
    keep = mine != other
    mine, other = mine[keep], other[keep]
    if not mine.size:
        return km
    near = np.unique(other)
    grown = np.empty(geoms.size, dtype=object)
    grown[near] = shapely.buffer(geoms[near], snap, quad_segs=2)
    edges = shapely.boundary(geoms)
    pieces = shapely.intersection(edges[mine], grown[other])
    order = np.argsort(mine, kind="stable")
    mine, pieces = mine[order], pieces[order]
    starts = np.flatnonzero(np.r_[True, mine[1:] != mine[:-1]])
    # A stretch of edge near two others (a corner where three meet) is measured once: its pieces' union.
    joined = np.array([shapely.union_all(group) for group in np.split(pieces, starts[1:])], dtype=object)
    metres = measurer(crs, metric_crs or _metric_crs(zones))(joined, np.zeros(joined.size, dtype=bool))
    for zone, length in zip(mine[starts], metres):
        km[str(codes[zone])] = round(float(length) / 1000.0, 3)
    return km


def _sorted_zones(zones, zone_code, zone_name):
    """Codes, names (None without ``zone_name``) and valid polygons of ``zones``, in code order."""
    order = np.argsort(zones[zone_code].astype(str).to_numpy(), kind="stable")
    codes = zones[zone_code].astype(str).to_numpy()[order]
    names = zones[zone_name].fillna("").astype(str).to_numpy()[order] if zone_name else None
    geoms = np.asarray(zones.geometry.values, dtype=object)[order]
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():  # as the join repairs them
        geoms = geoms.copy()
        geoms[invalid] = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
    return codes, names, geoms


def _metric_crs(zones):
    from geo.crs import metric_crs_for

    return metric_crs_for(zones)


def _polygonal(geom):
    """The polygons of an intersection (two zones meeting along an edge beside their overlap give lines too)."""
    if shapely.get_type_id(geom) in _POLYGON_TYPES:
        return geom
    parts = shapely.get_parts(geom)
    return shapely.union_all(parts[shapely.get_dimensions(parts) == 2])


def _projects_in(rows, projects, metric_crs):
    """Fill each overlap row's ``projects``: the points, lines and areas of ``projects`` lying in it (the
    overlaps' polygons in ``metric_crs``)."""
    crs = projects.crs if projects.crs is not None else STORAGE_CRS
    overlaps = transformer(metric_crs, crs)(np.array([row["_overlap"] for row in rows], dtype=object))
    geoms = np.asarray(projects.geometry.values, dtype=object)
    usable = np.flatnonzero(~shapely.is_empty(geoms) & (shapely.get_type_id(geoms) >= 0))
    if not usable.size:
        return
    overlap, local = STRtree(geoms[usable]).query(overlaps, predicate="intersects")
    measure_of = measurer(crs, metric_crs)
    ids, labels, kinds = (projects[column].to_numpy() for column in ("id", "name", "category"))
    for at, item in sorted(zip(overlap.tolist(), usable[local].tolist()), key=lambda pair: (pair[0], str(ids[pair[1]]))):
        geom, kind = geoms[item], shapely.get_type_id(geoms[item])
        km = area_km2 = None
        if kind in _LINE_TYPES:
            piece = shapely.intersection(geom, overlaps[at])
            metres = measure_of(np.array([piece], dtype=object), np.zeros(1, dtype=bool))[0]
            if metres < JOIN_MIN_PIECE_M:
                continue
            km, label = round(float(metres) / 1000.0, 3), "line"
        elif kind in _POLYGON_TYPES:
            piece = shapely.intersection(shapely.make_valid(geom), overlaps[at])
            m2 = measure_of(np.array([piece], dtype=object), np.ones(1, dtype=bool))[0]
            if m2 < JOIN_MIN_PIECE_M2:
                continue
            area_km2, label = round(float(m2) / 1e6, 6), "area"
        elif kind in _POINT_TYPES:
            label = "point"
        else:
            continue
        rows[at]["projects"].append({"id": ids[item], "name": str(labels[item]), "category": str(kinds[item]),
                                     "kind": label, "km": km, "area_km2": area_km2})
