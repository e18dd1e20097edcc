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


@pytest.mark.parametrize("cell", ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#n/a"])
def test_an_excel_error_value_in_a_coordinate_cell_is_named_as_one(cell):
    # A VLOOKUP that found no match leaves #N/A, saved so to CSV: "lon '#N/A' is not one number, nor degrees,
    # minutes and seconds", as if it were a coordinate mistyped.
    with pytest.raises(ValueError, match=r"is an Excel error value, not a coordinate \(its formula found nothing"):
        degrees(cell, "lon", ",")


@pytest.mark.parametrize("cell", ['{"type": "Point", "coordinates": [116.98, 36.7]}',
                                  '{"type":"Point","crs":{"type":"name","properties":{"name":"EPSG:4326"}},'
                                  '"coordinates":[116.98,36.7]}',
                                  '{"type": "Feature", "properties": {}, "geometry": {"type": "Point", '
                                  '"coordinates": [116.98, 36.7]}}'])
def test_a_geometry_cell_of_geojson_text_is_read(tmp_path, cell):
    # PostGIS's ST_AsGeoJSON, BigQuery and Kepler.gl export a geometry column as GeoJSON text:
    # 'line 2: bad coordinates (ParseException: Unknown type: '{"TYPE":"POINT"')'.
    import csv

    from geo.gazetteer_files import load_file

    path = tmp_path / "青山县点位.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["名称", "geometry"], ["白石小学", cell]])
    (entry,) = load_file(path)
    assert (entry.name, round(entry.geometry.x, 6), round(entry.geometry.y, 6)) == ("白石小学", 116.98, 36.7)


def test_a_geojson_cell_stating_a_projected_crs_is_reprojected(tmp_path):
    import csv

    from pyproj import Transformer

    from geo.gazetteer_files import load_file

    x, y = Transformer.from_crs(4326, 4548, always_xy=True).transform(116.98, 36.7)
    cell = f'{{"type":"Point","crs":{{"type":"name","properties":{{"name":"EPSG:4548"}}}},"coordinates":[{x},{y}]}}'
    path = tmp_path / "青山县点位.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["名称", "geometry"], ["白石小学", cell]])
    (entry,) = load_file(path)
    assert (round(entry.geometry.x, 6), round(entry.geometry.y, 6)) == (116.98, 36.7)


def test_a_geojson_cell_that_is_no_geometry_is_named_by_line(tmp_path):
    from geo.gazetteer_files import load_file
    from geo.io import InputError

    path = tmp_path / "青山县点位.csv"
    path.write_text('名称,geometry\n白石小学,"{""type"": ""Point"", ""coordinates"": [""116.98"", 36.7]}"\n',
                    encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_file(path)
    assert str(info.value).startswith(f"{path}: line 2: bad coordinates (a GeoJSON geometry GEOS cannot read: ")


@pytest.mark.parametrize("cell, value, step", [("117.001", 117.001, (0.001, "0.001°")), (" 36.70 ", 36.7, (0.01, "0.01°")),
                                               ("-5", -5.0, (1.0, "1°")), ("+12.5", 12.5, (0.1, "0.1°"))])
def test_a_plain_decimal_cell_is_read_without_normalising_its_text(monkeypatch, cell, value, step):
    import unicodedata

    from geo.coordinates import written_step
    from work_counts import Calls

    normalised = Calls(unicodedata.normalize)
    monkeypatch.setattr(unicodedata, "normalize", normalised)
    assert degrees(cell, "lon", ",") == value and written_step(cell) == step
    assert normalised.count == 0  # nearly every cell of a 200,000-row gazetteer: read at once


def test_cells_not_plain_decimals_are_still_normalised_and_read():
    from geo.coordinates import written_step

    assert degrees("１１７.５", "lon", ",") == 117.5 and written_step("１１７.５") == (0.1, "0.1°")
    assert degrees("117°0'3.6\"E", "lon", ",") == pytest.approx(117.001)
    assert written_step("1.17E+02") is None and degrees("36,7", "lat", ";") == 36.7
