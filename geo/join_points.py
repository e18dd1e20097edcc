"""Points placed in 街道 for the join: each point (or MultiPoint part) in one zone, the smallest code on a shared edge."""

from __future__ import annotations

import numpy as np
import shapely
from shapely import GeometryType, STRtree


def allocate_points(project_index, geoms, zones_local, snap):
    """Place points (and MultiPoint parts) in one zone each: the smallest code on ties (within ``snap``).

    Parameters
    ----------
    project_index : numpy.ndarray of int
        The projects' row numbers, one per geometry.
    geoms : numpy.ndarray of shapely geometries
        Points and MultiPoints (empty ones get no row), in the CRS of ``zones_local``.
    zones_local : numpy.ndarray of shapely geometries
        The zones' polygons sorted by code (an index is a code's rank).
    snap : float or None
        How far outside a zone a point still lies on its edge (float noise), in the CRS's units;
        None: nowhere.

    Returns
    -------
    tuple of numpy.ndarray
        ``(project, zone, share, km, area_km2)``, a row per (project, zone): a point's share is 1,
        a MultiPoint's the fraction of its parts in the zone; ``km`` and ``area_km2`` NaN. Points
        outside every zone get no row.
    """
    multi = bool((shapely.get_type_id(geoms) == GeometryType.MULTIPOINT).any())
    if multi:
        parts, owner = shapely.get_parts(geoms, return_index=True)
    else:
        parts, owner = geoms, np.arange(geoms.size)
    # Tree on the points, queried zone by zone: each prepared zone then tests its
    # candidate points in one run (cache-friendly), and intersects_xy on raw
    # coordinates skips building a GEOS point per test.
    # Candidates by envelope, grown by ``snap``: a point on a zone's corner may lie outside it by float noise.
    envelopes = zones_local
    if snap:
        envelopes = shapely.box(*(shapely.bounds(zones_local) + np.array([-snap, -snap, snap, snap])).T)
    zone, part = STRtree(parts).query(envelopes)
    # Prepare private copies: the caller's zone objects may be shared with other
    # threads (dask partitions), and preparing attaches state to a geometry.
    zones_own = shapely.transform(zones_local, lambda coords: coords)
    shapely.prepare(zones_own)
    # Empty points have no coordinates (and are not in the tree): NaN stands in for them.
    coords, index = shapely.get_coordinates(parts, return_index=True)
    xy = np.full((parts.size, 2), np.nan)
    xy[index] = coords
    inside = shapely.intersects_xy(zones_own[zone], xy[part, 0], xy[part, 1])
    if snap:
        # A point outside a candidate zone by float noise lies on its edge too.
        # Only a zone of a smaller code than the one holding the point can change where it goes.
        held = np.full(parts.size, np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(held, part[inside], zone[inside])
        others = np.flatnonzero(~inside & (zone < held[part]))
        inside[others] = shapely.dwithin(zones_own[zone[others]], parts[part[others]], snap)
    zone, part = zone[inside], part[inside]
    # A part listed under several zones lies on a shared boundary: keep the smallest
    # zone index, which (zones being sorted by code) is the smallest code.
    none = np.iinfo(np.int64).max
    best = np.full(parts.size, none, dtype=np.int64)
    np.minimum.at(best, part, zone)
    part = np.flatnonzero(best != none)
    zone = best[part]
    if not multi:
        local, share = part, np.ones(part.size)
    else:
        n_zones = zones_local.size
        key, counts = np.unique(owner[part].astype(np.int64) * n_zones + zone, return_counts=True)
        local, zone = key // n_zones, key % n_zones
        share = counts / np.bincount(owner, minlength=geoms.size)[local]
    nan = np.full(local.size, np.nan)
    return project_index[local], zone, share, nan, nan.copy()
