"""Street-district (街道) and district boundaries: bundled approximation or official files from any OGR source."""

from __future__ import annotations

from dataclasses import dataclass, field

from geo.io import InputError

# Overlaps or gaps between official polygons smaller than this are digitising noise
# (sliver polygons along shared edges); larger ones are reported to the user.
OVERLAP_TOLERANCE_M2 = 100.0

APPROXIMATE = "approximate"
OFFICIAL = "official"


@dataclass
class Boundaries:
    """The zones a run joins against, the district outline, and what the user must know about them."""

    zones: object  # GeoDataFrame: code, name, boundary_quality, source, geometry (EPSG:4326)
    outline: object  # GeoDataFrame with one row: code, name, source, geometry (EPSG:4326)
    quality: str
    source: str
    warnings: list = field(default_factory=list)

    @property
    def metric_crs(self) -> str:
        """The CRS lengths and areas are measured in: the Gauss-Kruger zone nearest the outline."""
        from geo.crs import metric_crs_for

        return metric_crs_for(self.outline)


def load_boundaries(districts_path=None, *, name_field=None, code_field=None, outline_path=None,
                    district_code=None):
    """Return the zones and outline for a run.

    Parameters
    ----------
    districts_path : path or None
        Official 街道 polygons in any OGR-readable format and CRS (Shapefile with GBK or
        UTF-8 attributes, GeoPackage, GeoJSON...). None means the bundled approximate
        Tianqiao polygons.
    name_field, code_field : str
        Attribute columns holding the 街道 name and code. ``name_field`` is required with
        ``districts_path``; without ``code_field`` codes are the row numbers, zero-padded.
    outline_path : path or None
        District outline file; default is the dissolved official zones, or the bundled
        outline of ``district_code``.
    district_code : str or None
        Bundled Jinan district code (default 370105, Tianqiao).

    Returns
    -------
    Boundaries
    """
    from geo import data

    if districts_path is None:
        zones = data.load_subdistricts()
        zones = zones[["code", "name", "boundary_quality", "source", "geometry"]]
        try:
            outline = data.load_district_outline(district_code or data.DEFAULT_DISTRICT_CODE)
        except ValueError as exc:
            raise InputError("--district-code", str(exc)) from None
        if district_code and str(district_code) != data.DEFAULT_DISTRICT_CODE:
            raise InputError(None, f"bundled 街道 polygons exist only for {data.DEFAULT_DISTRICT_CODE}; "
                                   f"pass --districts for district {district_code}")
        quality, source = APPROXIMATE, str(zones["source"].iloc[0])
        warnings = []
    else:
        zones, warnings = load_official_zones(districts_path, name_field=name_field, code_field=code_field)
        quality, source = OFFICIAL, str(zones["source"].iloc[0])
        outline = None
    if outline_path is not None:
        outline = _load_outline(outline_path)
    elif outline is None:
        outline = _dissolve_outline(zones, source)
    outline = outline[["code", "name", "source", "geometry"]].reset_index(drop=True)
    return Boundaries(zones=zones.reset_index(drop=True), outline=outline, quality=quality,
                      source=source, warnings=warnings)


def load_official_zones(path, *, name_field, code_field=None):
    """Read official 街道 polygons, repair them and check their topology.

    Invalid rings are repaired with ``shapely.make_valid`` (keeping the polygonal
    parts); overlaps and gaps larger than ``OVERLAP_TOLERANCE_M2`` are returned as
    warnings. Raises InputError for wrong geometry types, missing fields, empty files,
    duplicate codes or a missing CRS.

    Returns
    -------
    (GeoDataFrame, list of str)
        Zones in EPSG:4326 with code, name, boundary_quality="official", source; warnings.
    """
    import geopandas as gpd
    import numpy as np
    import shapely

    from geo.crs import in_china, to_metric
    from geo.io import read_vector

    if not name_field:
        raise InputError(path, "--name-field is required with --districts (the column holding 街道 names)")
    gdf = read_vector(path)
    if gdf.empty:
        raise InputError(path, "contains no features")
    for field_name, option in ((name_field, "--name-field"), (code_field, "--code-field")):
        if field_name and field_name not in gdf.columns:
            columns = ", ".join(c for c in gdf.columns if c != gdf.geometry.name)
            raise InputError(path, f"{option} {field_name!r} is not a column (columns: {columns})")
    missing = gdf.geometry.isna() | gdf.geometry.is_empty
    if missing.all():
        raise InputError(path, "has no geometries (every feature's geometry is null or empty)")
    dropped_names = [str(n) for n in gdf.loc[missing, name_field]]
    gdf = gdf[~missing]
    kinds = set(gdf.geom_type)
    if not kinds <= {"Polygon", "MultiPolygon"}:
        raise InputError(path, f"expected polygons, found {', '.join(sorted(kinds))}")
    coords = shapely.get_coordinates(gdf.geometry.values)
    if coords.size and not np.isfinite(coords).all():
        raise InputError(path, "has NaN or infinite coordinates")
    names = gdf[name_field].astype(str).str.strip()
    if (names == "").any() or gdf[name_field].isna().any():
        raise InputError(path, f"some features have an empty {name_field!r}")
    if code_field:
        codes = gdf[code_field].astype(str).str.strip()
    else:
        codes = [f"{i + 1:03d}" for i in range(len(gdf))]
    if len(set(codes)) != len(gdf):
        raise InputError(path, f"duplicate 街道 codes in {code_field or 'row numbers'!r}")
    warnings = [f"{path}: left out {len(dropped_names)} feature(s) without geometry: {', '.join(dropped_names)}"] \
        if dropped_names else []
    geoms = gdf.geometry.values
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():
        warnings.append(f"{path}: repaired {int(invalid.sum())} invalid polygon(s)")
        repaired = shapely.make_valid(geoms)
        geoms = np.array([_polygonal_part(g) for g in repaired], dtype=object)
    try:
        zones = gpd.GeoDataFrame({"code": list(codes), "name": list(names)}, geometry=list(geoms), crs=gdf.crs)
        zones = zones.to_crs(4326)
    except Exception as exc:  # pyproj CRSError and friends
        raise InputError(path, f"cannot reproject to WGS-84 ({exc})") from None
    bounds = zones.total_bounds
    if not (-180 <= bounds[0] <= 180 and -90 <= bounds[1] <= 90 and bounds[2] <= 180 and bounds[3] <= 90):
        raise InputError(path, "coordinates out of range after reprojection (wrong CRS?)")
    if not in_china([bounds[0], bounds[2]], [bounds[1], bounds[3]]).all():
        raise InputError(path, f"lies outside China after reprojection to WGS-84 (bounds {bounds.round(4).tolist()}; "
                               "wrong or missing CRS?)")
    zones["boundary_quality"] = OFFICIAL
    zones["source"] = f"official boundaries from {path}"
    zones = zones[["code", "name", "boundary_quality", "source", "geometry"]].sort_values("code", kind="stable")
    warnings.extend(_topology_warnings(to_metric(zones), path))
    return zones.reset_index(drop=True), warnings


def _polygonal_part(geom):
    import shapely

    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.unary_union(parts) if parts else shapely.Polygon()


def _topology_warnings(metric_zones, path):
    import shapely

    warnings = []
    geoms = metric_zones.geometry.values
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    keep = left < right
    if keep.any():
        areas = shapely.area(shapely.intersection(geoms[left[keep]], geoms[right[keep]]))
        big = areas > OVERLAP_TOLERANCE_M2
        for i, j, area in zip(left[keep][big], right[keep][big], areas[big]):
            warnings.append(f"{path}: {metric_zones['name'].iloc[i]} and {metric_zones['name'].iloc[j]} "
                            f"overlap by {area:,.0f} m²")
    union = shapely.unary_union(geoms)
    holes = []
    for part in shapely.get_parts(union):
        holes.extend(shapely.Polygon(ring) for ring in part.interiors)
    gaps = [h for h in holes if h.area > OVERLAP_TOLERANCE_M2]
    if gaps:
        warnings.append(f"{path}: {len(gaps)} gap(s) between 街道 totalling {sum(g.area for g in gaps):,.0f} m²")
    return warnings


def _load_outline(path):
    from pathlib import Path

    import geopandas as gpd
    import shapely

    from geo.io import read_vector

    gdf = read_vector(path)
    if gdf.empty or not set(gdf.geom_type) <= {"Polygon", "MultiPolygon"}:
        raise InputError(path, "expected a polygon outline")
    geom = shapely.make_valid(shapely.unary_union(gdf.to_crs(4326).geometry.values))
    return gpd.GeoDataFrame({"code": [""], "name": [Path(path).stem],
                             "source": [f"outline from {path}"]}, geometry=[geom], crs=4326)


def _dissolve_outline(zones, source):
    import geopandas as gpd
    import shapely

    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry

    # Union in metric space with a tiny buffer-unbuffer so slivers between official
    # polygons do not leave holes in the outline.
    crs = metric_crs_for(zones)
    merged = shapely.unary_union(metric_geometry(zones.geometry.values, crs)).buffer(1.0).buffer(-1.0)
    return gpd.GeoDataFrame({"code": [""], "name": ["district (union of 街道)"], "source": [source]},
                            geometry=[wgs84_geometry(merged, crs)], crs=4326)
