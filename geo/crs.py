"""Coordinate reference systems and Chinese datums: WGS-84/CGCS2000, GCJ-02 (Amap, Tencent), BD-09 (Baidu).

GCJ-02 and BD-09 are not EPSG systems: they are obfuscated offsets of WGS-84 that
PROJ does not know, so the forward formulas (public, widely reimplemented) live here
and the inverses are solved by fixed-point iteration to well under a millimetre (the
one-step inverse many libraries publish is 1-2 m off). They are checked against
published pairs in ``tests/fixtures/datum_reference.csv``.

GCJ-02 is applied inside the rectangle :data:`CHINA_BOUNDS`, the one gcoord,
eviltransform, coordTransform and PRCoords use. It holds Hong Kong, Macau and Taiwan,
shifted as those libraries shift them (whether a provider shifts its own data there is
not documented), and border strips of neighbouring countries, shifted too. Outside it
WGS-84 stays unchanged and GCJ-02 or BD-09 input is refused.

Everything the tool stores is EPSG:4326 (WGS-84). CGCS2000 is read as WGS-84: the two
datums agree to centimetres, but CGCS2000 coordinates are those of epoch 2000.0 and the
ground in China has moved with the Eurasian plate by about 3 cm a year since, so the
CGCS2000 position and today's GPS position of one spot differ by several decimetres, up
to about a metre (PROJ itself knows only a zero "ballpark" offset between them). That is
far below the accuracy claimed for any geocoded feature. Lengths and areas are measured
in the CGCS2000 3-degree Gauss-Kruger zone whose central meridian is nearest the district
(:func:`metric_crs_for`, EPSG:4534 at 75E to EPSG:4554 at 135E), chosen from the data.
Survey tables' Gauss-Kruger X and Y are read by :mod:`geo.survey`. Xian 1980 and
Beijing 1954 are refused (:func:`refuse_local_datum`): their shift to WGS-84 is local and
not public, and PROJ's stand-ins are tens of metres off.
"""

from __future__ import annotations

import functools
import re

import numpy as np

STORAGE_CRS = "EPSG:4326"
# Metres in a degree of latitude (of longitude at most): to turn a tolerance in metres into one on lon/lat.
METRES_PER_DEGREE = 111_320.0

WGS84 = "wgs84"
GCJ02 = "gcj02"
BD09 = "bd09"

# How outputs and messages name the datums.
DATUM_LABELS = {WGS84: "WGS-84", GCJ02: "GCJ-02 (Amap, Tencent)", BD09: "BD-09 (Baidu)"}

# Krasovsky 1940 ellipsoid parameters used by the GCJ-02 formula.
_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = np.pi * 3000.0 / 180.0

# The GCJ-02 offset applies inside this lon/lat box (west, south, east, north): the
# rectangle of gcoord, eviltransform, coordTransform and PRCoords, so conversions agree
# with theirs everywhere (the module docstring says what it holds).
CHINA_BOUNDS = (72.004, 0.8293, 137.8347, 55.8271)


def normalise_datum(name: str) -> str:
    """Return the canonical datum name (wgs84, gcj02 or bd09) for a user spelling.

    Case, full-width forms, Traditional script, spaces, hyphens, underscores, dots and colons are
    ignored (``GCJ-02``, ``gcj_02``, ``BD09LL``, ``EPSG:4490``, ``84坐標系``); the spellings are listed
    in ``geo/data/datums.csv``. A picker's 拾取 (百度拾取坐标) says nothing, and an app with its datum in
    brackets (``高德(GCJ-02)``, ``天地图（CGCS2000）``, ``坐标（百度）``) is that datum when both agree.

    Raises ValueError, with a one-line message, for an unknown datum, for a known
    one whose coordinates are not lon/lat (``bd09mc``) or for two datums (``高德(BD09)``).
    """
    key = _datum_key(name)
    # 高德(GCJ-02), 百度（BD09）, 天地图（CGCS2000）, 坐标（CGCS2000）: an app and its datum, or a word and a datum
    parts = re.fullmatch(r"([^()]*)\(([^()]*)\)([^()]*)", key)
    found = [_spelling(part) for part in ((parts[1] + parts[3], parts[2]) if parts else (key,))]
    found = [spelling for spelling in found if spelling != ("", "")]  # 坐标, 经纬度: no datum named
    unknown = any(spelling is None for spelling in found) or not found
    if unknown:
        raise ValueError(f"unknown datum {str(name).strip()!r} (use wgs84, cgcs2000, gcj02 or bd09)")
    for datum, note in found:
        if not datum:
            raise ValueError(f"datum {str(name).strip()!r} is {note}")
    if len({datum for datum, _ in found}) > 1:
        raise ValueError(f"datum {str(name).strip()!r} names two datums ({' and '.join(d for d, _ in found)})")
    return found[0][0]


def _spelling(key):
    """(datum, note) of a spelling of ``geo/data/datums.csv`` (a picker's 拾取 and a trailing 坐标, 坐标系,
    经纬度 or 地图 left out: 百度拾取坐标, GCJ-02坐标); ("", "") when nothing is left (坐标 alone); None
    when it is no spelling."""
    spellings = datum_spellings()
    key = re.sub("坐标拾取器?|拾取器?", "", key)
    if key not in spellings:
        # GCJ-02坐标, WGS84坐标系, 高德地图, BD09经纬度, CGCS2000大地坐标系: "coordinates", "map", "lon/lat"
        key = re.sub("(?:大地)?(?:坐标系统|坐标系|坐标|经纬度|地图)$", "", key)
    if not key:
        return "", ""
    return spellings.get(key)


def refuse_local_datum(crs):
    """Raise ValueError, in one line, when ``crs`` lies on a datum geo cannot shift to WGS-84.

    Xian 1980 (西安80), Beijing 1954 (北京54) and New Beijing: PROJ knows no shift from
    Xian 1980 to WGS-84 but a zero "ballpark" one, and those it knows for Beijing 1954
    belong to other regions, so coordinates on them would be read tens of metres off and
    said to be exact. They are the rows of ``geo/data/datums.csv`` without a datum.

    Parameters
    ----------
    crs : pyproj.CRS or None
        The CRS of a file (None passes).
    """
    note = _local_datum_note(crs)
    if note:
        raise ValueError(f"{crs.name} is on the datum {note}")


def local_datum_name(crs):
    """``"Xian 1980 (西安80)"`` when ``crs`` lies on a datum :func:`refuse_local_datum` refuses, else None."""
    note = _local_datum_note(crs)
    return note.split(":")[0] if note else None


def _local_datum_note(crs):
    datum = getattr(getattr(crs, "geodetic_crs", None), "datum", None)
    canonical, note = datum_spellings().get(_datum_key(datum.name), ("", None)) if datum is not None else ("", None)
    return note if note and not canonical else None


def _datum_key(name) -> str:
    """``name`` as datums.csv spells it: NFKC, lower case, Simplified (84坐標系 is 84坐标系), without blanks
    and marks."""
    import unicodedata

    from geo.names import to_simplified

    text = to_simplified(unicodedata.normalize("NFKC", str(name)).lower())
    return re.sub(r"[\s_.:\-\u2010-\u2015]+", "", text)


@functools.lru_cache(maxsize=None)
def datum_spellings() -> dict:
    import csv

    from geo.data import DATA_DIR

    with open(DATA_DIR / "datums.csv", encoding="utf-8", newline="") as handle:
        return {_datum_key(row["spelling"]): (row["datum"], row["note"]) for row in csv.DictReader(handle)}


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


# CGCS2000 / 3-degree Gauss-Kruger zones by central meridian: CM 75E is EPSG:4534, CM 78E
# 4535, ... CM 135E 4554 (false easting 500 km; EPSG:4513-4533 are the same zones with the
# zone number prefixed to the easting). They cover China from 73.5E to 136.5E.
GK_FIRST_MERIDIAN, GK_LAST_MERIDIAN, GK_STEP = 75, 135, 3
GK_FIRST_EPSG = 4534
GK_LAST_EPSG = GK_FIRST_EPSG + (GK_LAST_MERIDIAN - GK_FIRST_MERIDIAN) // GK_STEP  # 4554


def metric_crs_for(geometry) -> str:
    """The metric CRS for lengths and areas of a place: ``"EPSG:45xx"``.

    The CGCS2000 3-degree Gauss-Kruger zone whose central meridian is nearest the
    middle of the geometry's longitude range. Its scale error grows with the square of
    the distance from the central meridian: at most 1.5 degrees away, it stays below
    0.03% anywhere in China (4e-4 at 18N). The middle of the range, rather than a
    centroid, keeps the whole district as close to the meridian as it can be. A middle
    exactly on the edge between two zones (118.5E) takes the zone to its east (CM 120E,
    EPSG:4549), as the zone number ``floor((lon + 1.5) / 3)`` does; both edges of the
    span belong to it (73.5E gives EPSG:4534, 136.5E EPSG:4554). Outside that span the
    WGS 84 / UTM zone is used. The choice depends on the bounds alone, so the same data
    always gets the same zone.

    Parameters
    ----------
    geometry : shapely geometry, array of them, GeoSeries or GeoDataFrame
        In WGS-84 lon/lat; a GeoSeries or GeoDataFrame may be in any CRS (its bounds
        are transformed to lon/lat first).

    Returns
    -------
    str
        ``"EPSG:4534"`` ... ``"EPSG:4554"`` (or a UTM code outside China's span).

    Raises
    ------
    ValueError
        When there is no coordinate to choose from.
    """
    x0, y0, x1, y1 = _lonlat_bounds(geometry)
    if not np.isfinite([x0, y0, x1, y1]).all():
        raise ValueError("no geometry to choose a metric CRS from")
    lon, lat = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    if GK_FIRST_MERIDIAN - GK_STEP / 2 <= lon <= GK_LAST_MERIDIAN + GK_STEP / 2:
        meridian = min(max(int(np.floor(lon / GK_STEP + 0.5)) * GK_STEP, GK_FIRST_MERIDIAN), GK_LAST_MERIDIAN)
        return f"EPSG:{GK_FIRST_EPSG + (meridian - GK_FIRST_MERIDIAN) // GK_STEP}"
    zone = int((lon + 180.0) // 6.0) % 60 + 1
    return f"EPSG:{(32600 if lat >= 0 else 32700) + zone}"


def metric_crs_name(crs: str) -> str:
    """``"EPSG:4539 (CGCS2000 / 3-degree Gauss-Kruger CM 102E)"``: a metric CRS as written in outputs."""
    epsg = int(str(crs).split(":")[-1])
    if GK_FIRST_EPSG <= epsg <= GK_LAST_EPSG:
        meridian = GK_FIRST_MERIDIAN + (epsg - GK_FIRST_EPSG) * GK_STEP
        return f"EPSG:{epsg} (CGCS2000 / 3-degree Gauss-Kruger CM {meridian}E)"
    if 32601 <= epsg <= 32760:
        return f"EPSG:{epsg} (WGS 84 / UTM zone {epsg % 100}{'N' if epsg < 32700 else 'S'})"
    return f"EPSG:{epsg}"


@functools.lru_cache(maxsize=None)
def default_metric_crs() -> str:
    """The metric CRS of the default district (:data:`geo.settings.DEFAULT_DISTRICT_CODE`)."""
    from geo.data import load_district_outline

    return metric_crs_for(load_district_outline())


def _lonlat_bounds(geometry):
    import shapely

    crs = getattr(geometry, "crs", None)
    if hasattr(geometry, "total_bounds"):
        bounds = geometry.total_bounds
        if crs is not None and not crs.is_geographic and np.isfinite(bounds).all():
            if is_metric_crs(crs):  # one of ours: its transformer is cached
                transformer = metric_transformer(f"EPSG:{_epsg(crs)}", True)
            else:
                transformer = lonlat_transformer(crs)
            bounds = transformer.transform_bounds(*bounds)
        return tuple(float(v) for v in bounds)
    return tuple(float(v) for v in shapely.total_bounds(geometry))


@functools.lru_cache(maxsize=8)
def lonlat_transformer(crs):
    from pyproj import Transformer

    return Transformer.from_crs(crs, "EPSG:4326", always_xy=True)


def is_web_mercator(crs) -> bool:
    """Whether ``crs`` (a pyproj CRS) is Web Mercator: EPSG:3857, ESRI's 102100, GDAL's 900913. Web maps and
    QGIS over their tiles write it over their own datum's lon/lat (Amap's, Tencent's: GCJ-02), merely projected."""
    if crs is None:
        return False
    method = getattr(getattr(crs, "coordinate_operation", None), "method_name", "") or ""
    return crs.to_epsg() == 3857 or "pseudo mercator" in method.lower() or \
        any(code in crs.to_wkt() for code in ('"102100"', '"900913"', "Web_Mercator_Auxiliary_Sphere"))


# A CRS a web-map tool wrote for its own datum (BIGEMAP, 水经微图 and the like: GEOGCS["GCJ02", DATUM["D_GCJ02"...),
# by the names of the CRS, its geographic CRS or its datum.
_WEB_DATUM_NAMES = ((re.compile(r"gcj[\s_-]*0?2|火星|\bmars\b", re.I), "gcj02"),
                    (re.compile(r"(?<![a-z0-9])bd[\s_-]*0?9(?![0-9])|baidu|百度", re.I), "bd09"))


def stated_web_datum(crs):
    """``gcj02`` or ``bd09`` when a file's CRS (a pyproj CRS: its ``.prj``) is named for that datum, else None."""
    geodetic = getattr(crs, "geodetic_crs", None)
    names = " ".join(str(getattr(thing, "name", "") or "") for thing in (crs, geodetic, getattr(geodetic, "datum", None)))
    return next((datum for pattern, datum in _WEB_DATUM_NAMES if pattern.search(names)), None)


def crs_label(crs) -> str:
    """``EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E)``, or the CRS's name when it has no code."""
    epsg = crs.to_epsg()
    return f"EPSG:{epsg} ({crs.name})" if epsg else crs.name


def is_metric_crs(crs) -> bool:
    """Whether ``crs`` (a string or pyproj CRS) is one :func:`metric_crs_for` can choose."""
    epsg = _epsg(crs)
    return epsg is not None and (GK_FIRST_EPSG <= epsg <= GK_LAST_EPSG or 32601 <= epsg <= 32760)


def _epsg(crs):
    if crs is None:
        return None
    if isinstance(crs, str):
        head, _, code = crs.upper().partition(":")
        return int(code) if head == "EPSG" and code.isdigit() else None
    try:
        return crs.to_epsg()
    except AttributeError:
        return None


@functools.lru_cache(maxsize=16)
def metric_transformer(crs: str, inverse: bool):
    from pyproj import Transformer

    # CGCS2000 is read as WGS-84 (module docstring) and PROJ links them by a zero "ballpark"
    # offset anyway; going from EPSG:4490 to a CGCS2000 zone skips PROJ's slow search of
    # datum operations (40 ms per transformer, paid on every to_crs call) and gives
    # identical numbers. UTM zones are WGS 84 already.
    geographic = "EPSG:4490" if _epsg(crs) < 32600 else "EPSG:4326"
    if inverse:
        return Transformer.from_crs(crs, geographic, always_xy=True)
    return Transformer.from_crs(geographic, crs, always_xy=True)


def _transform_geometries(geoms, crs, inverse):
    import shapely

    transformer = metric_transformer(f"EPSG:{_epsg(crs)}", inverse)

    def _fn(coords):
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, _fn)


def metric_geometry(geom, crs=None):
    """A shapely geometry (or array of them) from WGS-84 lon/lat to metres.

    ``crs`` is the metric CRS (``"EPSG:45xx"``); None chooses it from the geometry
    itself with :func:`metric_crs_for`. Pass the same CRS to :func:`wgs84_geometry`
    to come back.
    """
    if crs is None:
        crs = metric_crs_for(geom)
    return _transform_geometries(geom, crs, inverse=False)


def wgs84_geometry(geom, crs):
    """A shapely geometry (or array of them) from the metric CRS ``crs`` back to WGS-84 lon/lat.

    Metric coordinates do not tell their zone, so ``crs`` is required: the CRS that
    :func:`metric_geometry` used.
    """
    if not is_metric_crs(crs):
        raise ValueError(f"{crs!r} is not a metric CRS chosen by geo.crs.metric_crs_for")
    return _transform_geometries(geom, crs, inverse=True)


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


def to_metric(frame, crs=None):
    """Project a GeoDataFrame or GeoSeries to a metric CRS (default: :func:`metric_crs_for` the frame)."""
    if crs is None:
        crs = metric_crs_for(frame) if len(frame) else default_metric_crs()
    if frame.crs is not None and frame.crs.to_epsg() in (4326, 4490) and is_metric_crs(crs):
        return _with_geometries(frame, metric_geometry(np.asarray(frame.geometry.values), crs), crs)
    return frame.to_crs(crs)


def from_metric(frame):
    """Project a GeoDataFrame or GeoSeries from its metric CRS back to EPSG:4326."""
    if is_metric_crs(frame.crs):
        crs = f"EPSG:{frame.crs.to_epsg()}"
        return _with_geometries(frame, wgs84_geometry(np.asarray(frame.geometry.values), crs), STORAGE_CRS)
    return frame.to_crs(STORAGE_CRS)


def _with_geometries(frame, geoms, crs):
    if hasattr(frame, "columns"):  # GeoDataFrame: keep the other columns
        return frame.set_geometry(geoms, crs=crs)
    return type(frame)(geoms, index=frame.index, crs=crs)


def buffer_metres(geom, metres, crs=None):
    """A WGS-84 geometry grown by ``metres`` on the ground (buffered in the metric CRS ``crs``).

    ``crs`` None chooses it from the geometry (:func:`metric_crs_for`). The buffer is
    true in every direction at any latitude, unlike a buffer in degrees.
    """
    crs = crs or metric_crs_for(geom)
    return wgs84_geometry(metric_geometry(geom, crs).buffer(metres), crs)
