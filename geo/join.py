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
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import shapely
from shapely import STRtree

from geo.crs import STORAGE_CRS
from geo.io import InputError
from geo.join_snap import snapped
from geo.settings import JOIN_SNAP_M, JOIN_SUM_TOLERANCE

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
        and a name column. Zones are assumed not to overlap: where they do, the overlap
        is counted in each of them.
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
    zones_local = _transformer(zones.crs, project_crs)(zone_geoms)
    snap = _snap_distance(zones_local, project_crs)
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
        rows, degenerate = _allocate_measured(measured, geoms[measured], is_polygon, zones_local,
                                              _measurer(project_crs, metric_crs), snap)
        pieces.append(rows)
        if degenerate.size:
            # Zero-length lines and zero-area polygons: place them by their first vertex.
            geoms = geoms.copy()
            geoms[degenerate] = _first_vertices(geoms[degenerate])
            as_points = np.union1d(as_points, degenerate)
    if as_points.size:
        pieces.append(_allocate_points(as_points, geoms[as_points], zones_local, snap))
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
        code order: ``share`` rounded to 4 decimals, ``km`` rounded to 3 decimals for
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
            {"code": str(code), "name": str(name), "share": round(float(share), 4), "km": km_value})
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


def _transformer(source, target):
    """A function reprojecting an array of geometries (the identity when the CRSs are equal)."""
    from pyproj import CRS, Transformer

    from geo.crs import is_metric_crs, metric_geometry

    source, target = CRS.from_user_input(source), CRS.from_user_input(target)
    if source == target:
        return lambda geoms: geoms
    if source.to_epsg() in (4326, 4490) and is_metric_crs(target):
        # Cached transformer: avoids PROJ's 40 ms datum search per call.
        crs = f"EPSG:{target.to_epsg()}"
        return lambda geoms: metric_geometry(geoms, crs)
    transformer = Transformer.from_crs(source, target, always_xy=True)

    def _coords(coords):
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return lambda geoms: shapely.transform(geoms, _coords)


def _snap_distance(zones_local, crs):
    """:data:`geo.settings.JOIN_SNAP_M` in the units of ``crs``, at the zones' own position.

    For lon/lat, the degrees that span at most that many metres north-south and
    east-west at the middle of the zones (None without zones: nothing to snap to).
    """
    from pyproj import CRS

    crs = CRS.from_user_input(crs)
    if crs.is_projected:
        return JOIN_SNAP_M / crs.axis_info[0].unit_conversion_factor
    x0, y0, x1, y1 = shapely.total_bounds(zones_local)
    if not np.isfinite([x0, y0, x1, y1]).all():
        return None
    lon, lat, step = (x0 + x1) / 2.0, (y0 + y1) / 2.0, 1e-3
    geod = crs.get_geod()
    metres = max(geod.inv(lon, lat, lon + step, lat)[2], geod.inv(lon, lat, lon, lat + step)[2])
    return JOIN_SNAP_M * step / metres


def _measurer(project_crs, metric_crs):
    """A function of (geometries, is_polygon) giving polygons' areas in ``metric_crs`` (m²) and
    lines' lengths on the ellipsoid (m): a Gauss-Kruger zone stretches lengths away from its
    meridian (0.03% at 1.5 degrees, 0.15% at the edges of the widest counties of the west)."""
    from pyproj import CRS

    to_metric = _transformer(project_crs, metric_crs)
    crs = CRS.from_user_input(project_crs)
    if not crs.is_geographic:
        crs, to_lonlat = CRS.from_epsg(4326), _transformer(crs, "EPSG:4326")
    else:
        to_lonlat = lambda geoms: geoms  # noqa: E731
    geod = crs.get_geod()

    def measure_of(geoms, is_polygon):
        out = np.zeros(len(geoms))
        if is_polygon.any():
            out[is_polygon] = shapely.area(to_metric(geoms[is_polygon]))
        if not is_polygon.all():
            out[~is_polygon] = _geodesic_lengths(to_lonlat(geoms[~is_polygon]), geod)
        return out

    return measure_of


def _geodesic_lengths(geoms, geod):
    """Lengths (m) of lon/lat lines (any parts, points among them count 0) along the ellipsoid, segment by segment."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    parts, sub = shapely.get_parts(parts, return_index=True)  # a collection may hold Multi* parts
    owner = owner[sub]
    coords, part = shapely.get_coordinates(parts, return_index=True)
    same = np.flatnonzero(part[1:] == part[:-1])
    _, _, metres = geod.inv(coords[same, 0], coords[same, 1], coords[same + 1, 0], coords[same + 1, 1])
    return np.bincount(owner[part[same]], weights=np.asarray(metres, dtype=float), minlength=len(geoms))


def _first_vertices(geoms):
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    _, first = np.unique(index, return_index=True)
    return shapely.points(coords[first])


def _allocate_measured(project_index, geoms, is_polygon, zones_local, measure_of, snap):
    """Cut lines and polygons at zone boundaries; return row arrays and the degenerate projects."""
    if is_polygon.any():
        polygons = geoms[is_polygon]
        invalid = ~shapely.is_valid(polygons)
        if invalid.any():
            geoms = geoms.copy()
            polygons[invalid] = shapely.make_valid(polygons[invalid], method="structure", keep_collapsed=False)
            geoms[is_polygon] = polygons
    totals = measure_of(geoms, is_polygon)
    degenerate = (totals <= 0) & ~shapely.is_empty(geoms)
    # As for points, the tree holds the projects and the zones query it: a zone is
    # prepared once and tests all its candidates in one run.
    if snap:  # a line along a zone's edge but outside it by float noise is on the edge
        zone, local = STRtree(geoms).query(zones_local, predicate="dwithin", distance=snap)
    else:
        zone, local = STRtree(geoms).query(zones_local, predicate="intersects")
    keep = totals[local] > 0
    local, zone = local[keep], zone[keep]
    pair_zones, pair_geoms = zones_local[zone], geoms[local]
    if snap:
        # A stretch along a shared edge, but for float noise, is on both zones' edges exactly,
        # not zigzagging between them.
        pair_zones, pair_geoms = snapped(pair_zones, pair_geoms, zone, local, zones_local, snap)
    cut = shapely.intersection(pair_geoms, pair_zones)
    pair_polygon = is_polygon[local]
    measure = measure_of(cut, pair_polygon)
    measure = _dedupe_shared_edges(local, zone, cut, measure, totals, pair_zones, measure_of, pair_polygon,
                                   zones_local, snap)
    keep = measure > 0
    local, zone, measure, pair_polygon = local[keep], zone[keep], measure[keep], pair_polygon[keep]
    share = measure / totals[local]
    km = np.where(pair_polygon, np.nan, measure / 1000.0)
    area = np.where(pair_polygon, measure / 1e6, np.nan)
    return (project_index[local], zone, share, km, area), project_index[degenerate]


def _dedupe_shared_edges(line, zone, cut, length, totals, pair_zones, measure_of, polygon, zones_local, snap=None):
    """Piece lengths (areas for ``polygon`` pairs) with what two zones share kept only in the smallest-code zone.

    Zones are closed sets, so a line lying on the edge between two zones intersects
    both along that edge, and a line or polygon where zones overlap intersects both
    there. Such a project has two or more pieces, and its pieces add up to more than
    the part of it inside the zones. For a project wholly inside the zones that is
    visible from the sums alone; only for projects cut into pieces *and* partly outside
    (a few, near the district border or a hole) is each line's piece tested against its
    zone's boundary, and each zone of their pieces against the others (do they overlap?).
    Flagged projects, rare, are then recomputed one at a time. What is left of a piece outside
    the zones before it but wholly within ``snap`` of them lies along their edge, where their own
    pieces, snapped to it (:func:`geo.join_snap.snapped`), counted it: it is not counted again (:func:`_beyond`).
    """
    positive = length > 0
    n_lines = totals.size
    pieces_per_line = np.bincount(line[positive], minlength=n_lines)
    summed = np.bincount(line, weights=length, minlength=n_lines)
    multi = pieces_per_line >= 2
    flagged = multi & (summed > totals * (1 + JOIN_SUM_TOLERANCE))
    unsure = multi & (summed < totals * (1 - JOIN_SUM_TOLERANCE))
    check = np.flatnonzero(unsure[line] & positive & ~polygon)
    if check.size:
        on_edge = shapely.length(shapely.intersection(cut[check], shapely.boundary(pair_zones[check])))
        flagged[line[check[on_edge > 0]]] = True
    check = np.flatnonzero(unsure[line] & positive)
    if check.size:
        overlapping = _overlapping(zones_local, np.unique(zone[check]))
        flagged[line[check[overlapping[zone[check]]]]] = True
    if not flagged.any():
        return length
    length = length.copy()
    pairs = np.flatnonzero(flagged[line])
    pairs = pairs[np.lexsort((zone[pairs], line[pairs]))]
    starts = np.flatnonzero(np.r_[True, line[pairs][1:] != line[pairs][:-1]])
    for group in np.split(pairs, starts[1:]):
        # In code order, each piece loses what lies in the zones before it (their shared edges).
        for number, pair in enumerate(group[1:], 1):
            claimed = _claimed(pair_zones[group[:number]], cut[pair], polygon[pair], snap)
            rest = shapely.difference(cut[pair], claimed)
            rest = np.array([_beyond(rest, claimed, snap)], dtype=object)
            length[pair] = measure_of(rest, polygon[pair:pair + 1])[0]
    return length


# How far around a piece the zones before it are kept to take from it, in snap distances: more than one
# (what lies within snap of them is on their edge, see _beyond).
_AROUND_PIECE = 100


def _claimed(zones, piece, polygon, snap):
    """The union of ``zones`` (in code order) around ``piece`` (a polygon's when ``polygon``): as much
    of it as a difference with the piece and the distances from the piece to it (within snap) see.

    Detailed 街道 are thousands of vertices each, and a union of them is slow (and slower as it
    grows, piece after piece of a long road or a large area). Kept within ``_AROUND_PIECE`` snap
    distances of a line's piece, or of a polygon's piece's box, they are tens of vertices, the same
    there as whole. Without ``snap`` (no zones), the union of the zones as they are.
    """
    if snap and piece.is_empty:
        return shapely.Polygon()
    if not snap:
        nearby = zones
    else:
        margin = _AROUND_PIECE * snap
        if polygon:
            x0, y0, x1, y1 = piece.bounds
            around = shapely.box(x0 - margin, y0 - margin, x1 + margin, y1 + margin)
        else:
            around = shapely.buffer(piece, margin, quad_segs=2)
        nearby = shapely.intersection(zones, around)
    claimed = None
    for near in nearby:
        if shapely.get_type_id(near) not in _POLYGON_TYPES:  # a zone meeting it at a line or a point
            parts = shapely.get_parts(near)
            near = shapely.union_all(parts[shapely.get_dimensions(parts) == 2])
        if near.is_empty:
            continue
        claimed = near if claimed is None else shapely.union(claimed, near)
    return shapely.Polygon() if claimed is None else claimed


def _beyond(rest, claimed, snap):
    """The parts of ``rest`` (what is left of a piece outside ``claimed``) that are not wholly within
    ``snap`` of it: a sliver along its edge is on the edge, counted there (None: ``rest`` as it is)."""
    if not snap or rest.is_empty:
        return rest
    parts = shapely.get_parts(rest)
    far = _far_points(parts, claimed, snap) > 0
    near = np.flatnonzero(~far)
    if near.size:  # every vertex within snap: so is each segment between, point by point, or not
        far[near] = _far_points(shapely.segmentize(parts[near], snap), claimed, snap) > 0
    return shapely.union_all(parts[far]) if far.any() else shapely.GeometryCollection()


def _far_points(geoms, other, distance):
    """How many vertices of each of ``geoms`` lie farther than ``distance`` from ``other``.

    ``other`` (zones of thousands of vertices, the pieces' vertices every ``snap``) is prepared and
    tests them all: each test is then a search of its indexed edges, not a pass over them. A zone
    of the caller's is left as it came (unprepared again).
    """
    coords, owner = shapely.get_coordinates(geoms, return_index=True)
    prepared = shapely.is_prepared(other)
    shapely.prepare(other)
    far = ~shapely.dwithin(other, shapely.points(coords), distance)
    if not prepared:
        shapely.destroy_prepared(other)
    return np.bincount(owner, weights=far, minlength=len(geoms))


def _overlapping(zones_local, candidates):
    """Which zones (a boolean per zone) among ``candidates`` overlap another zone, area on area."""
    found = np.zeros(zones_local.size, dtype=bool)
    position, other = STRtree(zones_local).query(zones_local[candidates], predicate="intersects")
    mine = candidates[position]
    apart = mine != other
    position, mine, other = position[apart], mine[apart], other[apart]
    # Polygons' interiors meet (area on area) where they intersect and do not only touch: a prepared
    # zone (a private copy: the caller's zones may be shared) tests that faster than relate's matrix.
    own = shapely.transform(zones_local[candidates], lambda coords: coords)
    shapely.prepare(own)
    found[mine[~shapely.touches(own[position], zones_local[other])]] = True
    return found


def _allocate_points(project_index, geoms, zones_local, snap):
    """Place points (and MultiPoint parts) in one zone each: the smallest code on ties (within ``snap``)."""
    multi = bool((shapely.get_type_id(geoms) == _MULTIPOINT).any())
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
