"""Spatial join of projects to 街道 zones: which zone holds each point, how lines and areas split across zones.

Every function here is pure (GeoDataFrame in, DataFrame or new dicts out, no module
state, the caller's geometries never modified), so ``allocate_to_zones`` can run per
partition under dask-geopandas unchanged. The work is vectorised, with no Python loop
per feature: an STRtree over the projects yields the candidate (project, zone) pairs,
and shapely 2 array operations test points (``intersects_xy`` against prepared zones)
or cut lines and polygons (``intersection``) over those pairs only. The tree holds
the projects and the zones query it, not the other way round, because each zone is
then prepared once and tests its candidates in one run. On 40,000 zones
(scripts/bench_join.py) a million points take about 0.6 times as long as
``geopandas.sjoin`` and 100,000 lines 1.4 (lon/lat input) to 2.2 times (metric input)
``geopandas.overlay``, which neither snaps zones and lines along an edge to each other
(:data:`geo.settings.JOIN_SNAP_M`) nor measures along the ellipsoid.
The one loop is over lines lying along a shared boundary, which are rare.
Points are placed by :mod:`geo.join_points`, lines and polygons cut by :mod:`geo.join_cuts`
and measured by :mod:`geo.join_metres`.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import shapely

from geo.crs import STORAGE_CRS
from geo.io import InputError
from geo.join_cuts import allocate_cut
from geo.join_metres import measurer, snap_distance, transformer
from geo.join_points import allocate_points

ALLOCATION_COLUMNS = ["id", "code", "name", "share", "km", "area_km2"]

# shapely type ids (shapely.get_type_id): -1 is a missing geometry.
_POINT, _LINESTRING, _LINEARRING, _POLYGON = 0, 1, 2, 3
_MULTIPOINT, _MULTILINESTRING, _MULTIPOLYGON, _COLLECTION = 4, 5, 6, 7
_POINT_TYPES = (_POINT, _MULTIPOINT)
_LINE_TYPES = (_LINESTRING, _LINEARRING, _MULTILINESTRING)
_POLYGON_TYPES = (_POLYGON, _MULTIPOLYGON)


def allocate_to_zones(projects, zones, *, zone_code="code", zone_name="name", metric_crs=None):
    """Allocate each located project to the zones (街道) it falls in or crosses.

    Parameters
    ----------
    projects : geopandas.GeoDataFrame
        One row per project with a unique, non-null ``id`` column. The catalog stores
        EPSG:4326; any other CRS is accepted (a frame without a CRS is taken to be
        EPSG:4326). Rows whose geometry is None or empty are skipped.
    zones : geopandas.GeoDataFrame
        Zone polygons (Polygon or MultiPolygon) in any CRS, with a unique code column
        and a name column. Where zones overlap (a 街道 drawn twice, edges digitised twice), what lies
        in the overlap counts once, in the zone with the smallest code, as on a shared edge: a point
        there, a line's stretch and a polygon's area there (:func:`geo.coverage_zones.zone_overlaps`
        names the pairs and what lies there).
    zone_code, zone_name : str
        Names of the code and name columns in ``zones``.
    metric_crs : str, optional
        The CRS areas are measured in, e.g. ``"EPSG:4544"``; normally the district's
        (:attr:`geo.boundaries.Boundaries.metric_crs`). Default: the CGCS2000
        3-degree Gauss-Kruger zone nearest the zones (:func:`geo.crs.metric_crs_for`).
        Lengths are measured on the ellipsoid (geodesic, segment by segment), true to
        the ground whatever the district's width: a zone stretches them by 0.03% at
        1.5 degrees from its meridian, 0.15% at the edges of the widest counties.

    Returns
    -------
    pandas.DataFrame
        Columns ``id, code, name, share, km, area_km2``; one row per (project, zone)
        piece, sorted by (id, code); codes and names are str.

        * Points go to the zone that contains them: ``share`` 1, ``km`` and
          ``area_km2`` NaN. A point on a boundary shared by several zones (an edge,
          or a corner shared by three or more) goes to the zone with the smallest
          code (ordinal string order) among the zones within
          :data:`geo.settings.JOIN_SNAP_M` of it (float noise), whatever the input
          order. Points are tested in the projects' own CRS, against the
          zones reprojected to it, so a point stored exactly on a stored boundary
          stays exactly on it. A MultiPoint's parts are placed one by one; its
          ``share`` in a zone is the fraction of its parts there. Points outside
          every zone get no row.
        * Lines are cut at zone boundaries and measured on the ellipsoid:
          ``km`` is the length inside the zone and
          ``share`` that length over the whole line's length, so the shares of a
          line that leaves the district sum to less than 1. Each zone is snapped to
          the line's vertices within :data:`geo.settings.JOIN_SNAP_M` before the cut,
          so a stretch running along a shared boundary, to within that, is counted
          once, in the zone with the smallest code, and so is a stretch where zones
          overlap. Pieces of zero length (a line touching a zone) get no row.
        * Polygons are cut likewise: ``area_km2`` is the area inside the zone and
          ``share`` that area over the polygon's area (``metric_crs``). Invalid polygons
          are repaired first. Where zones overlap, the overlap counts in the zone with
          the smallest code, so shares never sum to more than 1.
        * Lines and polygons of zero length or area are placed like a point at
          their first vertex. A GeometryCollection is reduced to its parts of the
          highest dimension.

    Raises
    ------
    geo.io.InputError
        When a column is missing, ids are null or repeated, zone codes are null or
        repeated, zones have no CRS or are not polygons.
    """
    _check_projects(projects)
    codes, names, zone_geoms = _prepare_zones(zones, zone_code, zone_name)
    project_crs = projects.crs if projects.crs is not None else STORAGE_CRS
    # Everything is cut in the projects' CRS, where boundaries and projects are stored
    # (coincident vertices stay coincident); only the measuring happens in metres.
    zones_local = transformer(zones.crs, project_crs)(zone_geoms)
    snap = snap_distance(zones_local, project_crs)
    geoms = np.asarray(projects.geometry.array, dtype=object)
    types = shapely.get_type_id(geoms)
    if (types == _COLLECTION).any():
        geoms = _reduce_collections(geoms, types)
        types = shapely.get_type_id(geoms)

    pieces = []  # (project index, zone index, share, km, area_km2) arrays per geometry family
    measured = np.flatnonzero(np.isin(types, _LINE_TYPES + _POLYGON_TYPES))
    as_points = np.flatnonzero(np.isin(types, _POINT_TYPES))
    if measured.size:
        if metric_crs is None:
            from geo.crs import metric_crs_for

            metric_crs = metric_crs_for(zones)
        is_polygon = np.isin(types[measured], _POLYGON_TYPES)
        rows, degenerate = allocate_cut(measured, geoms[measured], is_polygon, zones_local,
                                        measurer(project_crs, metric_crs), snap)
        pieces.append(rows)
        if degenerate.size:
            # Zero-length lines and zero-area polygons: place them by their first vertex.
            geoms = geoms.copy()
            geoms[degenerate] = _first_vertices(geoms[degenerate])
            as_points = np.union1d(as_points, degenerate)
    if as_points.size:
        pieces.append(allocate_points(as_points, geoms[as_points], zones_local, snap))
    return _assemble(projects["id"], codes, names, pieces)


def attach_allocations(features, allocations):
    """Write each feature's zone allocation into its ``subdistricts`` property.

    Parameters
    ----------
    features : list of dict
        Catalog features (``{"properties": {...}, "geometry": ...}``, see
        :mod:`geo.catalog`); matched on ``properties["id"]``.
    allocations : pandas.DataFrame
        The result of :func:`allocate_to_zones` for these features.

    Returns
    -------
    list of dict
        New feature dicts (the input is not modified), in input order, whose
        ``properties["subdistricts"]`` is a list of ``{code, name, share, km}`` in
        code order: ``share`` rounded to 4 decimals, summing to their sum rounded, ``km`` rounded to 3 decimals for
        lines and None otherwise. Features without any allocation (unlocated, or
        outside every zone) get an empty list; an earlier value is replaced.
    """
    missing = [c for c in ("id", "code", "name", "share", "km") if c not in allocations.columns]
    if missing:
        raise InputError(None, f"allocations lack column(s) {', '.join(missing)}")
    by_id = {}
    rows = allocations[["id", "code", "name", "share", "km"]].itertuples(index=False, name=None)
    for project_id, code, name, share, km in rows:
        km_value = None if km is None or (isinstance(km, float) and math.isnan(km)) else round(float(km), 3)
        by_id.setdefault(project_id, []).append(
            {"code": str(code), "name": str(name), "share": float(share), "km": km_value})
    for entries in by_id.values():
        _round_shares(entries)
    out = []
    for feature in features:
        props = dict(feature.get("properties") or {})
        entries = by_id.get(props.get("id"), [])
        props["subdistricts"] = sorted(entries, key=lambda entry: entry["code"])
        new = dict(feature)
        new["properties"] = props
        out.append(new)
    return out


# --------------------------------------------------------------------------- helpers


def _round_shares(entries, digits=4):
    """Round the ``share`` of one project's entries to ``digits`` decimals so that they sum to their sum
    rounded (largest remainders: three thirds are 0.3334, 0.3333, 0.3333, not 99.99%); ties go to
    the earlier entry."""
    scale = 10 ** digits
    scaled = [entry["share"] * scale for entry in entries]
    units = [math.floor(value + 1e-9) for value in scaled]
    missing = round(sum(scaled)) - sum(units)
    for index in sorted(range(len(entries)), key=lambda i: units[i] - scaled[i])[:max(missing, 0)]:
        units[index] += 1
    for entry, unit in zip(entries, units):
        entry["share"] = round(unit / scale, digits)


def _check_projects(projects):
    if "id" not in projects.columns:
        raise InputError(None, "projects have no 'id' column")
    _require_geometry(projects, "projects")
    ids = projects["id"]
    if ids.isna().any():
        raise InputError(None, f"{int(ids.isna().sum())} project(s) have no id")
    if not ids.is_unique:
        repeated = sorted(map(str, ids[ids.duplicated()].unique()))[:5]
        raise InputError(None, f"project ids repeat: {', '.join(repeated)}")


def _require_geometry(frame, what):
    try:
        frame.geometry
    except AttributeError:
        raise InputError(None, f"{what} have no geometry column (expected a GeoDataFrame)") from None


def _prepare_zones(zones, zone_code, zone_name):
    """Zone codes, names and geometries sorted by code, so zone index order is code order."""
    for column in (zone_code, zone_name):
        if column not in zones.columns:
            available = ", ".join(str(c) for c in zones.columns)
            raise InputError(None, f"zones have no {column!r} column (columns: {available})")
    _require_geometry(zones, "zones")
    if zones.crs is None:
        raise InputError(None, "zones have no coordinate reference system")
    if zones[zone_code].isna().any():
        raise InputError(None, "some zones have no code")
    codes = zones[zone_code].astype(str).to_numpy()
    if len(set(codes)) != len(codes):
        repeated = sorted(pd.Series(codes)[pd.Series(codes).duplicated()].unique())[:5]
        raise InputError(None, f"zone codes repeat: {', '.join(repeated)}")
    names = zones[zone_name].fillna("").astype(str).to_numpy()
    geoms = np.asarray(zones.geometry.values, dtype=object)
    types = shapely.get_type_id(geoms)
    bad = ~np.isin(types, _POLYGON_TYPES)
    if bad.any():
        raise InputError(None, f"zone {codes[np.flatnonzero(bad)[0]]} is not a polygon")
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():
        # "structure" keeps polygons polygonal (no stray boundary lines in the result).
        geoms = geoms.copy()
        geoms[invalid] = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
    order = np.argsort(codes, kind="stable")
    return codes[order], names[order], geoms[order]


def _reduce_collections(geoms, types):
    """Replace each GeometryCollection by a Multi* of its highest-dimension parts."""
    collections = np.flatnonzero(types == _COLLECTION)
    geoms = geoms.copy()
    parts, owner = shapely.get_parts(geoms[collections], return_index=True)
    # Collections may nest Multi* parts: flatten to single parts.
    parts, sub = shapely.get_parts(parts, return_index=True)
    owner = owner[sub]
    keep = ~shapely.is_empty(parts)
    parts, owner = parts[keep], owner[keep]
    dims = shapely.get_dimensions(parts)
    top = np.full(collections.size, -1)
    np.maximum.at(top, owner, dims)
    keep = dims == top[owner]
    parts, owner, dims = parts[keep], owner[keep], dims[keep]
    out = np.full(collections.size, None, dtype=object)
    builders = {0: shapely.multipoints, 1: shapely.multilinestrings, 2: shapely.multipolygons}
    for dim, build in builders.items():
        chosen = np.flatnonzero(top == dim)
        if not chosen.size:
            continue
        mask = dims == dim
        remap = np.full(collections.size, -1)
        remap[chosen] = np.arange(chosen.size)
        out[chosen] = build(parts[mask], indices=remap[owner[mask]])
        if dim == 2:
            # Parts of a collection may overlap; a dissolved valid shape measures true area.
            fixed = out[chosen]
            broken = ~shapely.is_valid(fixed)
            fixed[broken] = shapely.make_valid(fixed[broken], method="structure", keep_collapsed=False)
            out[chosen] = fixed
    geoms[collections] = out
    return geoms


def _first_vertices(geoms):
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    _, first = np.unique(index, return_index=True)
    return shapely.points(coords[first])


def _assemble(ids, codes, names, pieces):
    """The allocation frame from the row arrays, sorted by (id, code)."""
    if pieces:
        project, zone, share, km, area = (np.concatenate(arrays) for arrays in zip(*pieces))
    else:
        project = zone = np.zeros(0, dtype=np.int64)
        share = km = area = np.zeros(0)
    rank = _id_rank(ids.to_numpy())[project]
    if rank.size > 1 and not (rank[1:] > rank[:-1]).all():
        order = np.lexsort((zone, rank))
        project, zone, share, km, area = (a[order] for a in (project, zone, share, km, area))
    # Take from typed arrays so pandas does not re-infer a million strings.
    codes = pd.array(codes, dtype="str")
    names = pd.array(names, dtype="str")
    return pd.DataFrame({
        "id": ids.array.take(project),
        "code": codes.take(zone),
        "name": names.take(zone),
        "share": share,
        "km": km,
        "area_km2": area,
    }, columns=ALLOCATION_COLUMNS)


def _id_rank(ids) -> np.ndarray:
    """Position of each id in sorted id order (ids of mixed types sort as strings)."""
    try:
        if pd.Index(ids).is_monotonic_increasing:
            return np.arange(ids.size)
    except TypeError:
        pass
    try:
        order = np.argsort(ids, kind="stable")
    except TypeError:
        order = np.argsort(ids.astype(str), kind="stable")
    rank = np.empty(ids.size, dtype=np.int64)
    rank[order] = np.arange(ids.size)
    return rank
