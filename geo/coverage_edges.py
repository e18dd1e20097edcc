"""Where the coverage count differs from a GIS overlay's: projects on an edge two 街道 share, and lines' km outside them.

The join (:mod:`geo.join`) counts a stretch of line running along an edge two 街道 share, to within
:data:`geo.settings.JOIN_SNAP_M`, once, in the 街道 of the smaller code, and a point on such an edge
likewise. An overlay that takes each 街道 as a closed set (QGIS's Sum line lengths, or Count points in
polygon, which tests containment) counts such a line in both 街道 and such a point in one or none, so a
planner checking the km in QGIS sees more than coverage.csv there. This module names those projects and
says where they were counted, and measures the lines lying wholly outside every 街道 (named by the
report, counted nowhere).
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import shapely
from shapely import STRtree

from geo.crs import STORAGE_CRS
from geo.join_metres import measurer, snap_distance, transformer
from geo.settings import JOIN_MIN_PIECE_M

_TYPE = shapely.GeometryType
_POINT_TYPES = (_TYPE.POINT, _TYPE.MULTIPOINT)
_LINE_TYPES = (_TYPE.LINESTRING, _TYPE.LINEARRING, _TYPE.MULTILINESTRING)


def on_shared_edges(projects, zones, *, zone_code="code", zone_name="name", metric_crs=None) -> list:
    """The projects lying on an edge two zones share, and the zone the join counted them in.

    Parameters
    ----------
    projects : geopandas.GeoDataFrame
        The located projects (``id``, ``name``, ``category`` and a geometry), in any CRS (none: EPSG:4326).
    zones : geopandas.GeoDataFrame
        The 街道 polygons, with code and name columns, as given to the join.
    zone_code, zone_name : str
        Names of the code and name columns in ``zones``.
    metric_crs : str, optional
        The district's metric CRS (lengths are geodesic whatever it is); default the zones' own zone.

    Returns
    -------
    list of dict
        One per (line, pair of zones) it runs along the shared edge of, and per point on an edge or a corner
        (all the zones meeting there), sorted by (id, codes): ``id``, ``name``, ``category``, ``kind``
        (``line`` or ``point``), ``codes`` and ``names`` of the zones (code order), ``km`` (a line's length within :data:`geo.settings.JOIN_SNAP_M` of both, parts of
        under :data:`geo.settings.JOIN_MIN_PIECE_M` left out: a line crossing the edge; None for a point),
        and ``counted_in`` and ``counted_in_name``: the zone of the smaller code, where the join counted it.
        Polygons are not looked at.
    """
    if not len(projects) or not len(zones):
        return []
    crs = projects.crs if projects.crs is not None else STORAGE_CRS
    order = np.argsort(zones[zone_code].astype(str).to_numpy(), kind="stable")
    codes = zones[zone_code].astype(str).to_numpy()[order]
    names = zones[zone_name].fillna("").astype(str).to_numpy()[order]
    zones_local = transformer(zones.crs, crs)(np.asarray(zones.geometry.values, dtype=object)[order])
    snap = snap_distance(zones_local, crs)
    geoms = np.asarray(projects.geometry.values, dtype=object)
    types = shapely.get_type_id(geoms)
    wanted = np.flatnonzero(np.isin(types, _POINT_TYPES + _LINE_TYPES) & ~shapely.is_empty(geoms))
    if not snap or not wanted.size:
        return []
    zone, local = STRtree(geoms[wanted]).query(zones_local, predicate="dwithin", distance=snap)
    measure_of = measurer(crs, metric_crs or _metric_crs(zones))
    ids, labels, kinds = (projects[column].to_numpy()[wanted] for column in ("id", "name", "category"))
    order = np.argsort(local, kind="stable")
    local, zone = local[order], zone[order]
    starts = np.searchsorted(local, np.arange(wanted.size + 1))
    rows = []
    for at in np.flatnonzero(np.diff(starts) >= 2):
        near = np.sort(zone[starts[at]:starts[at + 1]])  # code order
        geom = geoms[wanted[at]]
        if types[wanted[at]] in _POINT_TYPES:
            found = _points_on_edges(geom, zones_local, near, snap)
        else:
            found = _lines_along_edges(geom, zones_local, near, snap, measure_of)
        for held, km in found:
            rows.append({"id": ids[at], "name": str(labels[at]), "category": str(kinds[at]),
                         "kind": "point" if km is None else "line", "codes": [str(codes[z]) for z in held],
                         "names": [str(names[z]) for z in held], "km": km,
                         "counted_in": str(codes[held[0]]), "counted_in_name": str(names[held[0]])})
    return sorted(rows, key=lambda row: (str(row["id"]), row["codes"]))


def line_km(geoms, crs, zones, metric_crs=None) -> np.ndarray:
    """Lengths (km, geodesic, 3 decimals) of ``geoms`` in ``crs`` (None: EPSG:4326); 0 for what is not a line."""
    geoms = np.asarray(geoms, dtype=object)
    out = np.zeros(len(geoms))
    lines = np.isin(shapely.get_type_id(geoms), _LINE_TYPES)
    if lines.any():
        measure_of = measurer(crs if crs is not None else STORAGE_CRS, metric_crs or _metric_crs(zones))
        out[lines] = measure_of(geoms[lines], np.zeros(int(lines.sum()), dtype=bool)) / 1000.0
    return np.round(out, 3)


def _metric_crs(zones):
    from geo.crs import metric_crs_for

    return metric_crs_for(zones)


def _points_on_edges(geom, zones_local, near, snap) -> list:
    """((zones, in code order), None) for each part of the point lying within ``snap`` of two zones (of ``near``)
    or more: on their edge, or a corner where more meet."""
    found = set()
    for part in shapely.get_parts(geom):
        within = near[shapely.dwithin(zones_local[near], part, snap)]
        if within.size >= 2:
            found.add(tuple(within.tolist()))
    return [(held, None) for held in sorted(found)]


def _lines_along_edges(geom, zones_local, near, snap, measure_of) -> list:
    """((a, b), km) for each pair of zones (of ``near``) the line runs along the shared edge of."""
    x0, y0, x1, y1 = geom.bounds
    margin = 2 * snap
    around = {z: shapely.buffer(shapely.clip_by_rect(zones_local[z], x0 - margin, y0 - margin, x1 + margin,
                                                     y1 + margin), snap, quad_segs=2) for z in near.tolist()}
    found = []
    for a, b in combinations(near.tolist(), 2):
        along = shapely.intersection(geom, shapely.intersection(around[a], around[b]))
        if shapely.get_type_id(along) == _TYPE.MULTILINESTRING:  # a stretch cut at vertices: one piece again before the filter
            along = shapely.line_merge(along)
        parts = shapely.get_parts(along)
        parts = parts[shapely.get_dimensions(parts) == 1]
        if not parts.size:
            continue
        metres = measure_of(parts, np.zeros(parts.size, dtype=bool))
        metres = metres[metres >= JOIN_MIN_PIECE_M]  # a line crossing the edge: a few centimetres
        if metres.size:
            found.append(((a, b), round(float(metres.sum()) / 1000.0, 3)))
    return found
