"""Baidu's Mercator metres (BD-09MC) to BD-09 lon/lat, to tell them from Web Mercator metres labelled alike.

BD-09MC is no Mercator of a sphere or an ellipsoid: Baidu's JavaScript map API
(``BMap.MercatorProjection``, ``convertMC2LL``) turns its metres into BD-09 lon/lat with
a polynomial per band of northing. The bands and coefficients below are those of that API
as reproduced by open libraries: tschaub/projzh ``lib/projection/baidu-mercator.js``
(Planet's ``@planet/baidu-proj``, checked there against pairs within 1e-4°) and gcoord's
``BD09MC``. geo does not read BD-09MC files (``bd09mc`` is refused, geo/data/datums.csv);
this conversion only says where such metres lie, when a file labels them EPSG:3857.
"""

from __future__ import annotations

import numpy as np

# Lower edge (absolute northing, metres) of each band, north to south, and its coefficients:
# lon = c0 + c1 * |x|; lat = c2 + c3 d + ... + c8 d^6 with d = |y| / c9 (signs of x and y kept).
_MCBAND = (12890594.86, 8362377.87, 5591021.0, 3481989.83, 1678043.12, 0.0)
_MC2LL = (
    (1.410526172116255e-8, 0.00000898305509648872, -1.9939833816331, 200.9824383106796, -187.2403703815547,
     91.6087516669843, -23.38765649603339, 2.57121317296198, -0.03801003308653, 17337981.2),
    (-7.435856389565537e-9, 0.000008983055097726239, -0.78625201886289, 96.32687599759846, -1.85204757529826,
     -59.36935905485877, 47.40033549296737, -16.50741931063887, 2.28786674699375, 10260144.86),
    (-3.030883460898826e-8, 0.00000898305509983578, 0.30071316287616, 59.74293618442277, 7.357984074871,
     -25.38371002664745, 13.45380521110908, -3.29883767235584, 0.32710905363475, 6856817.37),
    (-1.981981304930552e-8, 0.000008983055099779535, 0.03278182852591, 40.31678527705744, 0.65659298677277,
     -4.44255534477492, 0.85341911805263, 0.12923347998204, -0.04625736007561, 4482777.06),
    (3.09191371068437e-9, 0.000008983055096812155, 0.00006995724062, 23.10934304144901, -0.00023663490511,
     -0.6321817810242, -0.00663494467273, 0.03430082397953, -0.00466043876332, 2555164.4),
    (2.890871144776878e-9, 0.000008983055095805407, -3.068298e-8, 7.47137025468032, -0.00000353937994,
     -0.02145144861037, -0.00001234426596, 0.00010322952773, -0.00000323890364, 826088.5),
)


def bd09mc_to_bd09(x, y):
    """(lon, lat) arrays in BD-09 of Baidu's Mercator metres ``x``, ``y`` (arrays or numbers).

    Baidu's ``convertMC2LL`` (see the module docstring): the band is chosen by ``|y|``,
    a point in none (NaN) gives NaN.
    """
    x, y = np.atleast_1d(np.asarray(x, dtype=float)), np.atleast_1d(np.asarray(y, dtype=float))
    ay = np.abs(y)
    band = np.full(ay.shape, -1)
    for i, edge in reversed(list(enumerate(_MCBAND))):  # the northernmost band whose edge lies below |y|
        band[ay >= edge] = i
    table = np.array(_MC2LL)[np.clip(band, 0, None)]
    lon = table[:, 0] + table[:, 1] * np.abs(x)
    d = ay / table[:, 9]
    lat = sum(table[:, 2 + k] * d ** k for k in range(7))
    lon, lat = np.copysign(lon, x), np.copysign(lat, y)
    lon[band < 0], lat[band < 0] = np.nan, np.nan
    return lon, lat
