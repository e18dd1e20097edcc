"""Datum conversions (published reference values, inverse accuracy, guards) and the metric CRS chosen from the data."""

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo import crs


def _metres(lon_a, lat_a, lon_b, lat_b):
    from pyproj import Geod

    return Geod(ellps="WGS84").inv(lon_a, lat_a, lon_b, lat_b)[2]


def test_forward_gcj02_matches_published_reference():
    # Reference pair published with the widely used coordTransform implementations.
    lon, lat = crs.wgs84_to_gcj02(116.404, 39.915)
    assert lon == pytest.approx(116.41024449916938, abs=1e-9)
    assert lat == pytest.approx(39.91640428150164, abs=1e-9)


def test_forward_bd09_matches_published_reference():
    lon, lat = crs.gcj02_to_bd09(116.404, 39.915)
    assert lon == pytest.approx(116.41036949371029, abs=1e-9)
    assert lat == pytest.approx(39.92133699351022, abs=1e-9)


@pytest.mark.parametrize("datum", ["gcj02", "bd09"])
def test_inverse_is_accurate_to_well_under_a_metre(datum):
    rng = np.random.default_rng(7)
    lon = rng.uniform(116.8, 117.2, 500)
    lat = rng.uniform(36.5, 36.9, 500)
    shifted = crs.convert_coords(lon, lat, "wgs84", datum)
    back_lon, back_lat = crs.convert_coords(*shifted, datum, "wgs84")
    errors = _metres(lon, lat, back_lon, back_lat)
    assert np.max(errors) < 0.01  # requirement: < 1 m


def test_offset_in_jinan_is_hundreds_of_metres():
    # The GCJ-02 shift is what makes an Amap outline sit off OSM tiles; it must not be a no-op.
    lon, lat = crs.wgs84_to_gcj02(117.0, 36.68)
    assert 300 < _metres(117.0, 36.68, float(lon), float(lat)) < 800


def test_outside_china_gcj02_is_refused_and_wgs84_untouched():
    with pytest.raises(ValueError, match="outside China"):
        crs.convert_coords([2.35], [48.85], "gcj02", "wgs84")
    lon, lat = crs.wgs84_to_gcj02(2.35, 48.85)  # Paris: no offset outside China
    assert (float(lon), float(lat)) == (2.35, 48.85)


def test_datum_aliases_and_unknown_datum():
    assert crs.normalise_datum("CGCS2000") == "wgs84"
    assert crs.normalise_datum("Amap") == "gcj02"
    assert crs.normalise_datum("BD-09") == "bd09"
    with pytest.raises(ValueError, match="unknown datum"):
        crs.normalise_datum("ED50")


def test_convert_geometry_keeps_type_and_moves_every_vertex():
    line = shapely.LineString([(117.0, 36.68), (117.01, 36.69)])
    moved = crs.convert_geometry(line, "wgs84", "gcj02")
    assert moved.geom_type == "LineString"
    back = crs.convert_geometry(moved, "gcj02", "wgs84")
    assert shapely.hausdorff_distance(line, back) < 1e-8
    assert shapely.hausdorff_distance(line, moved) > 1e-3


# --------------------------------------------------------------------------- metric CRS

@pytest.mark.parametrize("meridian", range(75, 136, 3))
def test_metric_crs_is_the_3_degree_gauss_kruger_zone_of_the_nearest_meridian(meridian):
    from pyproj import CRS

    # 1.4 degrees either side of the meridian still picks it.
    for lon in (meridian - 1.4, meridian, meridian + 1.4):
        code = crs.metric_crs_for(shapely.box(lon - 0.05, 30.0, lon + 0.05, 30.1))
        projection = CRS.from_user_input(code)
        assert projection.name == f"CGCS2000 / 3-degree Gauss-Kruger CM {meridian}E"
        params = {p.name: p.value for p in projection.coordinate_operation.params}
        # Not the zone-prefixed EPSG:4513-4533, whose eastings carry the zone number.
        assert params["Longitude of natural origin"] == meridian and params["False easting"] == 500_000
        assert crs.metric_crs_name(code) == f"{code} ({projection.name})"


def test_metric_crs_is_chosen_from_the_middle_of_the_longitude_range():
    # A district from 103.2E to 104.4E: its middle (103.8E) is nearer 105E than 102E.
    district = shapely.Polygon([(103.2, 30.5), (104.4, 30.5), (104.4, 30.9), (103.2, 30.6)])
    assert crs.metric_crs_for(district) == "EPSG:4544"
    geoseries = gpd.GeoSeries([district], crs=4326).to_crs("EPSG:4544")
    assert crs.metric_crs_for(geoseries) == "EPSG:4544"  # any CRS: bounds go to lon/lat first
    with pytest.raises(ValueError, match="no geometry"):
        crs.metric_crs_for(shapely.Point())


def test_round_trip_through_the_chosen_zone_is_exact():
    line = shapely.LineString([(87.55, 43.80), (87.62, 43.83), (87.70, 43.85)])  # Urumqi
    code = crs.metric_crs_for(line)
    back = crs.wgs84_geometry(crs.metric_geometry(line, code), code)
    assert shapely.hausdorff_distance(line, back) < 1e-9
    with pytest.raises(ValueError, match="not a metric CRS"):
        crs.wgs84_geometry(line, "EPSG:4326")


def test_buffer_in_metres_is_true_at_any_latitude():
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    for lon, lat in ((126.63, 45.75), (109.51, 18.25)):  # Harbin, Sanya
        grown = crs.buffer_metres(shapely.Point(lon, lat), 1000.0)
        x0, y0, x1, y1 = grown.bounds
        assert geod.inv(x0, lat, x1, lat)[2] == pytest.approx(2000.0, rel=2e-3)
        assert geod.inv(lon, y0, lon, y1)[2] == pytest.approx(2000.0, rel=2e-3)


@pytest.mark.parametrize("lon, code", [
    (118.5, "EPSG:4549"), (118.5 - 1e-9, "EPSG:4548"), (115.5, "EPSG:4548"),  # an edge goes east
    (73.5, "EPSG:4534"), (136.5, "EPSG:4554"),                                 # the span's own edges
    (73.4, "EPSG:32643"), (136.6, "EPSG:32653"),                               # beyond it: UTM
])
def test_metric_crs_at_zone_edges_is_the_documented_one_every_time(lon, code):
    for geometry in (shapely.Point(lon, 30.0), shapely.box(lon - 0.25, 30.0, lon + 0.25, 30.2)):
        assert {crs.metric_crs_for(geometry) for _ in range(3)} == {code}
