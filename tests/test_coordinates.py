"""One coordinate cell as people write it (geo.coordinates)."""

import pytest

from geo.coordinates import degrees


@pytest.mark.parametrize("cell, delimiter, value", [("4,061,234.5", ",", 4061234.5), ("39,500,123.4", ",", 39500123.4),
                                                   ("4.061.234,5", ";", 4061234.5), ("4,061,234", ",", 4061234.0),
                                                   ("-1,234.5", ",", -1234.5)])
def test_metres_with_their_thousands_grouped_are_read_as_one_number(cell, delimiter, value):
    # A survey sheet's Gauss-Kruger X/Y shown with separators in Excel, saved as CSV as shown:
    # "lon '4,061,234.5' is not one number, nor degrees with minutes and seconds under 60".
    assert degrees(cell, "lon", delimiter) == value


@pytest.mark.parametrize("cell, delimiter, value", [("36,7", ",", 36.7), ("117,01", ";", 117.01), ("117,010", ";", 117.01)])
def test_a_decimal_comma_is_still_read_as_one(cell, delimiter, value):
    assert degrees(cell, "lon", delimiter) == value


@pytest.mark.parametrize("cell", ["1,117", "117,010"])
def test_one_group_of_three_in_a_comma_separated_file_stays_ambiguous(cell):
    with pytest.raises(ValueError, match="is not one number"):
        degrees(cell, "lon", ",")


@pytest.mark.parametrize("cell", ["2026/1/17", "1936-06-09", "2026-01-17 00:00:00", "17/01/2026", "2026年1月17日"])
def test_a_date_in_a_coordinate_cell_is_named_as_a_date(cell):
    # Excel took the cell for a date: "lon '2026/1/17' is beyond 180 degrees", "… is not one number".
    with pytest.raises(ValueError, match=r"is a date, not a coordinate \(Excel took the cell for a date"):
        degrees(cell, "lon", ",")
