"""Baidu's Mercator metres (BD-09MC) to BD-09 lon/lat, against published pairs."""

import pytest

from geo.baidu_mercator import bd09mc_to_bd09

# (BD-09MC x, y) and BD-09 (lon, lat) as tschaub/projzh test/projection/baidu-mercator.test.js gives them
# (checked there within 1e-4°), at the corners of China's box and in the South China Sea.
PAIRS = [
    ((8016673.168576939, 92523.63565165037), (72.01421676128244, 0.8367788448845025)),
    ((8016846.25, 7489653.42), (72.01577158351537, 55.83353212549679)),
    ((15344855.34, 92433.16), (137.8436809381955, 0.8359606206992264)),
    ((15345566.72, 7490137.41), (137.8500713872502, 55.83597897112281)),
    ((8141406.61, 622541.72), (73.13470409826147, 5.6212751357384985)),
]


@pytest.mark.parametrize("metres, lonlat", PAIRS)
def test_baidu_mercator_metres_give_the_published_bd09_lon_lat(metres, lonlat):
    lon, lat = bd09mc_to_bd09(*metres)
    assert abs(lon[0] - lonlat[0]) < 1e-6 and abs(lat[0] - lonlat[1]) < 1e-6  # 0.1 m


def test_baidu_mercator_metres_of_the_southern_hemisphere_and_no_number_are_signed_or_nan():
    lon, lat = bd09mc_to_bd09([-8016846.25, float("nan")], [-7489653.42, 4035000])
    assert lon[0] == pytest.approx(-72.01577158351537, abs=1e-6) and lat[0] == pytest.approx(-55.83353212549679, abs=1e-6)
    assert lon[1] != lon[1]
