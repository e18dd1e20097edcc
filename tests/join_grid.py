"""The 2 x 2 grid of 街道 near Jinan and the helpers the tests of the join (tests/test_join*.py) share."""

import geopandas as gpd
from pyproj import Geod
from shapely.geometry import Point, box

from geo.crs import metric_crs_for

X0, Y0, D = 117.0, 36.7, 0.01  # a 2 x 2 grid of 0.01-degree cells near Jinan
METRIC_CRS = metric_crs_for(Point(X0, Y0))  # the zone allocate_to_zones measures areas of these fixtures in
GEOD = Geod(ellps="WGS84")  # lines are measured on the ellipsoid


def geodesic_km(geoms):
    """Length in km along the ellipsoid of lon/lat lines (a GeoSeries or a list), summed."""
    return sum(GEOD.geometry_length(g) for g in geoms) / 1000.0

# Codes deliberately not in spatial order, so "smallest code" differs from "first zone".
GRID = [
    ("370105004", "甲街道", box(X0, Y0, X0 + D, Y0 + D)),  # south-west
    ("370105001", "乙街道", box(X0 + D, Y0, X0 + 2 * D, Y0 + D)),  # south-east
    ("370105003", "丙街道", box(X0, Y0 + D, X0 + D, Y0 + 2 * D)),  # north-west
    ("370105002", "丁街道", box(X0 + D, Y0 + D, X0 + 2 * D, Y0 + 2 * D)),  # north-east
]


def zones_frame(rows=GRID, crs="EPSG:4326"):
    return gpd.GeoDataFrame({"code": [r[0] for r in rows], "name": [r[1] for r in rows]},
                            geometry=[r[2] for r in rows], crs=crs)


def projects_frame(items):
    return gpd.GeoDataFrame({"id": [i for i, _ in items]}, geometry=[g for _, g in items], crs="EPSG:4326")


def overlay_km(lines, zones, cut_crs="EPSG:4326"):
    """Independent reference: geopandas overlay cut in ``cut_crs``, pieces measured on the ellipsoid."""
    pieces = gpd.overlay(lines.to_crs(cut_crs), zones.to_crs(cut_crs), how="intersection", keep_geom_type=True)
    pieces["km"] = [geodesic_km([g]) for g in pieces.to_crs(4326).geometry]
    return pieces.groupby(["id", "code"])["km"].sum()


def zone_owners(point, zones):
    """Codes of every zone that intersects ``point`` (computed without geo.join)."""
    return sorted(code for code, geom in zip(zones["code"], zones.geometry) if geom.intersects(point))
