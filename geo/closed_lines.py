"""Lines drawn closed round an area (a polygon drawn as a path in Google Earth or 奥维, a closed polyline of CAD, a GPS track walked round): the polygon they enclose."""

from __future__ import annotations

from geo.crs import METRES_PER_DEGREE


def enclosed(geom, tolerance_m, geographic=True):
    """The polygon the closed lines of ``geom`` (a LineString or MultiLineString) enclose, each part's ends within
    ``tolerance_m`` metres (``geographic``: the coordinates are lon/lat) and of four vertices or more; a ring inside
    another is its hole, rings apart are its parts (even-odd). None when a part is open or too short, or when
    ``geom`` is no line.

    Parameters
    ----------
    geom : shapely geometry
    tolerance_m : float
        How far apart a closed line's ends may be (a line closed by clicking near its first vertex).
    geographic : bool
        Whether the coordinates are degrees (the tolerance converted at 111,320 m a degree) or metres.
    """
    import numpy as np
    import shapely

    if geom is None or geom.geom_type not in ("LineString", "MultiLineString", "LinearRing"):
        return None
    tolerance = tolerance_m / (METRES_PER_DEGREE if geographic else 1.0)
    rings = []
    for part in shapely.get_parts(geom):
        coords = shapely.get_coordinates(part)
        if len(coords) < 4 or np.hypot(*(coords[0] - coords[-1])) > tolerance:
            return None
        rings.append(shapely.make_valid(shapely.Polygon(coords), method="structure", keep_collapsed=False))
    polygon = rings[0]
    for ring in rings[1:]:
        polygon = polygon.symmetric_difference(ring)
    return polygon
