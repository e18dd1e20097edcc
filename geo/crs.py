"""Coordinate reference systems and Chinese datums: WGS-84/CGCS2000, GCJ-02 (Amap, Tencent), BD-09 (Baidu).

GCJ-02 and BD-09 are not EPSG systems: they are obfuscated offsets of WGS-84 that
PROJ does not know, so the forward formulas (public, widely reimplemented) live here
and the inverses are solved by fixed-point iteration to well under a millimetre.
Everything the tool stores is EPSG:4326 (WGS-84; CGCS2000 differs by centimetres,
far below any accuracy we claim). Lengths and areas are measured in EPSG:4548,
CGCS2000 / 3-degree Gauss-Kruger CM 117E, which covers Jinan.
"""

from __future__ import annotations

import functools

import numpy as np

STORAGE_CRS = "EPSG:4326"
METRIC_CRS = "EPSG:4548"

WGS84 = "wgs84"
GCJ02 = "gcj02"
BD09 = "bd09"

# Spellings users put in a datum column, mapped to one canonical name. CGCS2000 is
# treated as WGS-84: the two differ by a few centimetres.
_DATUM_ALIASES = {
    "wgs84": WGS84, "wgs-84": WGS84, "wgs 84": WGS84, "epsg:4326": WGS84, "4326": WGS84,
    "cgcs2000": WGS84, "epsg:4490": WGS84, "4490": WGS84, "osm": WGS84, "gps": WGS84,
    "gcj02": GCJ02, "gcj-02": GCJ02, "gcj": GCJ02, "amap": GCJ02, "tencent": GCJ02,
    "mars": GCJ02, "火星坐标": GCJ02, "高德": GCJ02,
    "bd09": BD09, "bd-09": BD09, "bd09ll": BD09, "baidu": BD09, "百度": BD09,
}

# Krasovsky 1940 ellipsoid parameters used by the GCJ-02 formula.
_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = np.pi * 3000.0 / 180.0

# The GCJ-02 offset only applies inside this box (mainland China and surroundings).
CHINA_BOUNDS = (72.004, 0.8293, 137.8347, 55.8271)


def normalise_datum(name: str) -> str:
    """Return the canonical datum name (wgs84, gcj02 or bd09) for a user spelling.

    Raises ValueError for an unknown datum.
    """
    key = str(name).strip().lower()
    if key in _DATUM_ALIASES:
        return _DATUM_ALIASES[key]
    raise ValueError(f"unknown datum {name!r} (use wgs84, cgcs2000, gcj02 or bd09)")


def in_china(lon, lat) -> np.ndarray:
    """Boolean array: which points fall inside the box where GCJ-02 applies."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    x0, y0, x1, y1 = CHINA_BOUNDS
    return (lon >= x0) & (lon <= x1) & (lat >= y0) & (lat <= y1)


def _delta(lon, lat):
    x = lon - 105.0
    y = lat - 35.0
    sqrt_abs_x = np.sqrt(np.abs(x))
    common = (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt_abs_x + common
    dlat += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    dlat += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt_abs_x + common
    dlon += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    dlon += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    rad_lat = lat / 180.0 * np.pi
    magic = 1.0 - _EE * np.sin(rad_lat) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrt_magic * np.cos(rad_lat) * np.pi)
    return dlon, dlat


def wgs84_to_gcj02(lon, lat):
    """Forward GCJ-02 offset. Points outside China are returned unchanged."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    dlon, dlat = _delta(lon, lat)
    inside = in_china(lon, lat)
    return np.where(inside, lon + dlon, lon), np.where(inside, lat + dlat, lat)


def gcj02_to_bd09(lon, lat):
    """Forward BD-09 transform from GCJ-02."""
    x = np.asarray(lon, dtype=float)
    y = np.asarray(lat, dtype=float)
    z = np.sqrt(x * x + y * y) + 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * _X_PI)
    return z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006


def _invert(forward, lon, lat, tolerance=1e-10, max_iter=30):
    # Fixed-point iteration: the offsets vary slowly in space, so subtracting the
    # forward error converges geometrically (about 1e-3 per step).
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    guess_lon, guess_lat = lon.copy(), lat.copy()
    for _ in range(max_iter):
        f_lon, f_lat = forward(guess_lon, guess_lat)
        err_lon, err_lat = f_lon - lon, f_lat - lat
        guess_lon = guess_lon - err_lon
        guess_lat = guess_lat - err_lat
        if np.all(np.abs(err_lon) < tolerance) and np.all(np.abs(err_lat) < tolerance):
            break
    return guess_lon, guess_lat


def gcj02_to_wgs84(lon, lat):
    """Exact inverse of :func:`wgs84_to_gcj02` (iterative, error < 1e-9 degree)."""
    return _invert(wgs84_to_gcj02, lon, lat)


def bd09_to_gcj02(lon, lat):
    """Exact inverse of :func:`gcj02_to_bd09` (iterative)."""
    return _invert(gcj02_to_bd09, lon, lat)


def convert_coords(lon, lat, source: str, target: str):
    """Convert lon/lat arrays between datums (any of wgs84, gcj02, bd09 and aliases).

    Raises ValueError when GCJ-02 or BD-09 input lies outside China, where those
    datums are undefined (usually a sign of swapped lon/lat or a wrong datum column).
    """
    source, target = normalise_datum(source), normalise_datum(target)
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    if source == target:
        return lon, lat
    if source != WGS84 and lon.size and not np.all(in_china(lon, lat)):
        raise ValueError(f"{source.upper()} coordinates outside China (lon/lat swapped or wrong datum?)")
    # Route everything through GCJ-02, the hub of the three.
    if source == WGS84:
        lon, lat = wgs84_to_gcj02(lon, lat)
    elif source == BD09:
        lon, lat = bd09_to_gcj02(lon, lat)
    if target == WGS84:
        return gcj02_to_wgs84(lon, lat)
    if target == BD09:
        return gcj02_to_bd09(lon, lat)
    return lon, lat


def convert_geometry(geom, source: str, target: str):
    """Return a shapely geometry converted between datums (None passes through)."""
    import shapely

    if geom is None or normalise_datum(source) == normalise_datum(target):
        return geom

    def _fn(coords):
        lon, lat = convert_coords(coords[:, 0], coords[:, 1], source, target)
        return np.column_stack([lon, lat])

    return shapely.transform(geom, _fn)


def convert_geoseries(series, source: str, target: str):
    """Convert a GeoSeries in EPSG:4326 axes from one datum to another, vectorised."""
    import shapely

    if normalise_datum(source) == normalise_datum(target):
        return series.copy()

    def _fn(coords):
        lon, lat = convert_coords(coords[:, 0], coords[:, 1], source, target)
        return np.column_stack([lon, lat])

    out = series.copy()
    out[:] = shapely.transform(np.asarray(series.values), _fn)
    return out


@functools.lru_cache(maxsize=2)
def _metric_transformer(inverse: bool):
    from pyproj import Transformer

    # WGS-84 and CGCS2000 differ by centimetres and PROJ links them by a zero "ballpark"
    # offset anyway; going from EPSG:4490 skips PROJ's slow search of datum operations
    # (40 ms per transformer, paid on every to_crs call) and gives identical numbers.
    if inverse:
        return Transformer.from_crs(METRIC_CRS, "EPSG:4490", always_xy=True)
    return Transformer.from_crs("EPSG:4490", METRIC_CRS, always_xy=True)


def _transform_geometries(geoms, inverse):
    import shapely

    transformer = _metric_transformer(inverse)

    def _fn(coords):
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, _fn)


def metric_geometry(geom):
    """A shapely geometry (or array of them) from WGS-84 lon/lat to EPSG:4548 metres."""
    return _transform_geometries(geom, inverse=False)


def wgs84_geometry(geom):
    """A shapely geometry (or array of them) from EPSG:4548 metres back to WGS-84 lon/lat."""
    return _transform_geometries(geom, inverse=True)


def lonlat_area_m2(geom) -> float:
    """Area in m² of a small lon/lat geometry, from square degrees scaled at its latitude.

    For slivers between polygons that share lon/lat edges: projecting first would bend
    those straight edges and invent centimetre-wide slivers, scaling does not.
    """
    if geom.is_empty:
        return 0.0
    lat = np.radians(geom.centroid.y)
    per_deg_lat = 111_132.954 - 559.822 * np.cos(2 * lat) + 1.175 * np.cos(4 * lat)
    per_deg_lon = 111_412.84 * np.cos(lat) - 93.5 * np.cos(3 * lat) + 0.118 * np.cos(5 * lat)
    return float(geom.area * per_deg_lat * per_deg_lon)


def to_metric(frame):
    """Project a GeoDataFrame or GeoSeries to the metric CRS (EPSG:4548)."""
    if frame.crs is not None and frame.crs.to_epsg() in (4326, 4490):
        return _with_geometries(frame, metric_geometry(np.asarray(frame.geometry.values)), METRIC_CRS)
    return frame.to_crs(METRIC_CRS)


def from_metric(frame):
    """Project a GeoDataFrame or GeoSeries from EPSG:4548 back to EPSG:4326."""
    if frame.crs is not None and frame.crs.to_epsg() == 4548:
        return _with_geometries(frame, wgs84_geometry(np.asarray(frame.geometry.values)), STORAGE_CRS)
    return frame.to_crs(STORAGE_CRS)


def _with_geometries(frame, geoms, crs):
    if hasattr(frame, "columns"):  # GeoDataFrame: keep the other columns
        return frame.set_geometry(geoms, crs=crs)
    return type(frame)(geoms, index=frame.index, crs=crs)
