"""Tests for geo.join_metres: km and areas true to the ground whatever the CRS and wherever the district."""

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, box

from geo.crs import metric_crs_for
from geo.join import allocate_to_zones
from join_grid import METRIC_CRS, X0, Y0, projects_frame, zones_frame


def test_km_do_not_change_with_the_zones_crs_or_stored_decimals():
    # Two 街道 drawn in EPSG:4548 with a vertex every 100 m, as geo.boundaries reads a projected
    # file; a road along their shared edge drawn every 10 m and stored with 7 decimals.
    west, east = box(500_000, 4_060_000, 502_000, 4_062_000), box(502_000, 4_060_000, 504_000, 4_062_000)
    metric = gpd.GeoDataFrame({"code": ["J01", "J02"], "name": ["甲", "乙"]},
                              geometry=shapely.segmentize([west, east], 100), crs="EPSG:4548")
    road = shapely.segmentize(LineString([(502_000, 4_060_200), (502_000, 4_061_800)]), 10)
    across = LineString([(500_200, 4_061_000), (503_800, 4_061_000)])
    lines = gpd.GeoDataFrame({"id": ["along", "across"]}, geometry=[road, across], crs="EPSG:4548").to_crs(4326)
    lines["geometry"] = shapely.transform(lines.geometry.values, lambda coords: coords.round(7))
    for zones in (metric, metric.to_crs(4326),
                  metric.to_crs(4326).set_geometry(shapely.transform(metric.to_crs(4326).geometry.values,
                                                                     lambda coords: coords.round(7)))):
        result = allocate_to_zones(lines, zones, metric_crs="EPSG:4548")
        assert result[["id", "code"]].values.tolist() == [["across", "J01"], ["across", "J02"], ["along", "J01"]]
        assert result["km"].tolist() == pytest.approx([1.8, 1.8, 1.6], abs=1e-4)


def test_zones_in_a_metric_crs_are_reprojected():
    projects = projects_frame([("p", Point(X0 + 0.013, Y0 + 0.016)),
                          ("l", LineString([(X0 + 0.001, Y0 + 0.002), (X0 + 0.019, Y0 + 0.017)]))])
    in_degrees = allocate_to_zones(projects, zones_frame())
    in_metres = allocate_to_zones(projects, zones_frame().to_crs(METRIC_CRS))
    assert in_metres[["id", "code"]].values.tolist() == in_degrees[["id", "code"]].values.tolist()
    np.testing.assert_allclose(in_metres["km"].fillna(0), in_degrees["km"].fillna(0), rtol=1e-5)


# Four cities far from 117E: a winding 3 km street crossing two 街道 of a 2 x 1 grid.
CITIES = {"Chengdu": (104.07, 30.66), "Urumqi": (87.62, 43.83), "Harbin": (126.63, 45.75), "Sanya": (109.51, 18.25)}


def _city_grid_and_street(lon, lat):
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    # Vertices every 300 m on alternating bearings (east-north-east, east-south-east).
    coords, (x, y) = [(lon, lat)], (lon, lat)
    for i in range(10):
        x, y, _ = geod.fwd(x, y, 70 if i % 2 else 110, 300.0)
        coords.append((x, y))
    street = LineString(coords)
    x0, y0, x1, y1 = street.buffer(0.01).bounds
    mid = (x0 + x1) / 2
    zones = zones_frame([("1", "西街道", box(x0, y0, mid, y1)), ("2", "东街道", box(mid, y0, x1, y1))])
    return zones, street, geod.geometry_length(street)


@pytest.mark.parametrize("city", sorted(CITIES))
def test_km_agree_with_geodesic_length_anywhere_in_china(city):
    zones, street, geodesic_m = _city_grid_and_street(*CITIES[city])
    result = allocate_to_zones(projects_frame([("street", street)]), zones)
    assert sorted(result["code"]) == ["1", "2"]
    assert result["km"].sum() * 1000 == pytest.approx(geodesic_m, rel=1e-9)
    # Lengths are on the ellipsoid, whatever the metric CRS: 117E is 7.5 degrees from Sanya, where
    # its Gauss-Kruger zone stretches lengths by 0.5%.
    fixed = allocate_to_zones(projects_frame([("street", street)]), zones, metric_crs="EPSG:4548")
    assert fixed["km"].sum() * 1000 == pytest.approx(geodesic_m, rel=1e-9)


def test_km_are_true_to_the_ground_in_a_district_wider_than_its_zone():
    # 若羌县 spans 86.7-93.8E: measured in its zone (CM 90E), a road at its western edge, 3.3
    # degrees from the meridian, came out 0.13% long (4 m on a 3 km road, shown to the metre).
    zones, street, geodesic_m = _city_grid_and_street(86.75, 39.0)
    wide = zones_frame([("1", "西街道", zones.geometry.iloc[0]), ("2", "东街道", zones.geometry.iloc[1]),
                   ("3", "远东街道", box(93.7, 38.9, 93.8, 39.0))])
    assert metric_crs_for(wide) == "EPSG:4539"  # CGCS2000 / 3-degree Gauss-Kruger CM 90E
    result = allocate_to_zones(projects_frame([("street", street)]), wide)
    assert result["km"].sum() * 1000 == pytest.approx(geodesic_m, abs=0.01)
