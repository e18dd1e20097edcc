"""The tests' own GCJ-02/BD-09 oracle (tests/datum_oracle.py) against published pairs, before other tests trust it."""

import pytest

from datum_oracle import bd09_to_wgs84, gcj02_to_wgs84, metres, wgs84_to_bd09, wgs84_to_gcj02


def test_oracle_gives_coordtransforms_published_gcj02_example():
    # wandergis/coordtransform README: wgs84togcj02(116.404, 39.915)
    assert metres(wgs84_to_gcj02(116.404, 39.915), (116.41024449916938, 39.91640428150164)) < 0.001


def test_oracle_is_within_a_metre_of_baidus_documented_geoconv_example():
    # Baidu's geoconv documentation: coords=114.21892734521,29.575429778924&from=1&to=5 gives
    # x 114.23074871106, y 29.579084601947 (Baidu's server, not the public formula: 0.5 m apart)
    assert metres(wgs84_to_bd09(114.21892734521, 29.575429778924), (114.23074871106, 29.579084601947)) < 1.0


@pytest.mark.parametrize("lon, lat", [(104.0436, 30.6426), (113.3245, 23.0962)])
def test_oracle_inverses_return_to_the_start(lon, lat):
    assert metres(gcj02_to_wgs84(*wgs84_to_gcj02(lon, lat)), (lon, lat)) < 0.001
    assert metres(bd09_to_wgs84(*wgs84_to_bd09(lon, lat)), (lon, lat)) < 0.001
