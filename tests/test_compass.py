"""Compass directions as reports write them (geo.compass)."""

import math
import re

from geo import compass


def test_a_two_point_direction_heads_along_the_diagonal():
    east, north = compass.unit("东南")
    assert math.isclose(east, math.sqrt(0.5)) and math.isclose(north, -math.sqrt(0.5))
    assert compass.unit("西") == (-1.0, 0.0)


def test_a_direction_reads_in_english_north_or_south_first():
    assert compass.words("东北") == "north-east"
    assert compass.words("西南") == "south-west"
    assert compass.words("北") == "north"


def test_the_pattern_takes_a_two_point_direction_whole():
    assert re.match(compass.PATTERN, "西北角").group() == "西北"


def test_each_point_has_its_opposite():
    assert all(compass.OPPOSITE[compass.OPPOSITE[point]] == point for point in compass.UNIT)
