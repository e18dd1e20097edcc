"""Display geometry: simplified, rounded WGS-84 copies (shifted to GCJ-02 for Amap), bounds and label zooms."""

from __future__ import annotations

import math

from geo.settings import DISPLAY_PRECISION, SIMPLIFY_TOLERANCE_M

MAX_LABEL_ZOOM = 18  # also in static/geo_map.js
LABEL_CHAR_PX = 13


def display_geometries(geoseries, *, shift=False, coverage=False) -> list:
    """Simplified (~1 m) WGS-84 display copies, shifted to GCJ-02 for Amap; None kept.

    ``coverage=True`` simplifies the polygons as a coverage, so neighbouring 街道 keep
    exactly shared edges (no slivers or gaps on screen). A MultiPolygon's largest part comes
    first: Leaflet puts a shape's label on its first part, which may be a small island or
    exclave lying in another 街道.
    """
    import numpy as np
    import shapely

    from geo.crs import convert_geoseries, from_metric, to_metric

    series = geoseries.copy()
    present = np.array([g is not None and not g.is_empty for g in series.values], dtype=bool)
    if present.any():
        metric = to_metric(series[present])
        values = np.asarray(metric.values)
        simplified = None
        if coverage:
            try:
                if bool(shapely.coverage_is_valid(values)):
                    simplified = shapely.coverage_simplify(values, SIMPLIFY_TOLERANCE_M)
            except Exception:  # GEOS refuses some coverages; fall back to per-polygon simplification
                simplified = None
        if simplified is None:
            simplified = shapely.simplify(values, SIMPLIFY_TOLERANCE_M, preserve_topology=True)
        metric[:] = simplified
        series[present] = from_metric(metric).values
    series = series.set_crs(4326, allow_override=True) if series.crs is None else series.to_crs(4326)
    if shift and present.any():
        series[present] = convert_geoseries(series[present], "wgs84", "gcj02").values
    return [_largest_first(geom) for geom in series.values]


def _largest_first(geom):
    """A MultiPolygon with its parts in order of area, largest first (ties in their own order); others as they are."""
    import shapely

    if geom is None or geom.geom_type != "MultiPolygon":
        return geom
    parts = list(geom.geoms)
    return shapely.MultiPolygon(sorted(parts, key=lambda part: -part.area))


def geojson(geom):
    """A display geometry as a GeoJSON mapping rounded to :data:`DISPLAY_PRECISION`."""
    from geo.geojson_write import geometry_to_geojson

    return geometry_to_geojson(geom, precision=DISPLAY_PRECISION)


def bounds(geoms):
    """[[south, west], [north, east]] of the non-empty geometries, or None."""
    import shapely

    geoms = [g for g in geoms if g is not None and not g.is_empty]
    if not geoms:
        return None
    x0, y0, x1, y1 = shapely.total_bounds(geoms)
    return [[round(float(y0), DISPLAY_PRECISION), round(float(x0), DISPLAY_PRECISION)],
            [round(float(y1), DISPLAY_PRECISION), round(float(x1), DISPLAY_PRECISION)]]


def label_point(geom):
    """Where a 街道's permanent label goes, ``[lon, lat]``, when Leaflet's place for it lies outside it;
    else None (Leaflet's place).

    Leaflet labels a shape at the middle of its first part's outer ring: the middle of a
    crescent lies in the 街道 it curves around, that of a ring in the 街道 filling its hole.
    There the label goes to the point of the part farthest inside it (its pole of inaccessibility).
    """
    import shapely
    from shapely.ops import polylabel

    if geom is None or geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
        return None
    part = geom.geoms[0] if geom.geom_type == "MultiPolygon" else geom
    if part.contains(shapely.Polygon(part.exterior).centroid):
        return None
    point = polylabel(part, tolerance=math.sqrt(part.area) / 100)
    return [round(point.x, DISPLAY_PRECISION), round(point.y, DISPLAY_PRECISION)]


def label_min_zoom(label, geom) -> int:
    """Smallest web-map zoom at which a 街道 of this size is wider on screen than its label."""
    import math

    from geo.crs import metric_geometry

    if geom is None or geom.is_empty:
        return 0
    size_m = math.sqrt(max(metric_geometry(geom).area, 1.0))
    label_px = LABEL_CHAR_PX * len(label) + 8
    metres_per_px_zoom0 = 156_543.03 * math.cos(math.radians(geom.centroid.y))
    zoom = math.ceil(math.log2(label_px * metres_per_px_zoom0 / size_m))
    return max(0, min(MAX_LABEL_ZOOM, zoom))


def is_missing(value) -> bool:
    """True for None and NaN-like values (lists and dicts are never missing)."""
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
