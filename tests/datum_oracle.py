"""An oracle for GCJ-02 and BD-09 written apart from geo.crs: the public forward formula scalar by
scalar, checked against published pairs, and its inverse by Newton's method on a numerical Jacobian
(geo.crs inverts by fixed-point iteration). For tests that must not take the code under test as
their own oracle."""

import math

_A, _EE = 6378245.0, 0.00669342162296594323
_X_PI = math.pi * 3000.0 / 180.0


def _offsets(lon, lat):
    x, y = lon - 105.0, lat - 35.0
    wave = (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x)) + wave
    dlat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    dlat += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x)) + wave
    dlon += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    dlon += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    rad = math.radians(lat)
    magic = 1.0 - _EE * math.sin(rad) ** 2
    dlat = dlat * 180.0 / ((_A * (1.0 - _EE)) / (magic * math.sqrt(magic)) * math.pi)
    dlon = dlon * 180.0 / (_A / math.sqrt(magic) * math.cos(rad) * math.pi)
    return dlon, dlat


def wgs84_to_gcj02(lon, lat):
    dlon, dlat = _offsets(lon, lat)
    return lon + dlon, lat + dlat


def wgs84_to_bd09(lon, lat):
    x, y = wgs84_to_gcj02(lon, lat)
    z = math.hypot(x, y) + 0.00002 * math.sin(y * _X_PI)
    theta = math.atan2(y, x) + 0.000003 * math.cos(x * _X_PI)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


def _newton(forward, lon, lat):
    x, y = lon, lat
    for _ in range(12):
        fx, fy = forward(x, y)
        h = 1e-6
        a, c = [(p - q) / h for p, q in zip(forward(x + h, y), (fx, fy))]
        b, d = [(p - q) / h for p, q in zip(forward(x, y + h), (fx, fy))]
        det = a * d - b * c
        rx, ry = fx - lon, fy - lat
        x, y = x - (d * rx - b * ry) / det, y - (a * ry - c * rx) / det
    return x, y


def gcj02_to_wgs84(lon, lat):
    return _newton(wgs84_to_gcj02, lon, lat)


def bd09_to_wgs84(lon, lat):
    return _newton(wgs84_to_bd09, lon, lat)


def metres(a, b):
    """Geodesic metres between two (lon, lat) points."""
    from pyproj import Geod

    return Geod(ellps="WGS84").inv(a[0], a[1], b[0], b[1])[2]
