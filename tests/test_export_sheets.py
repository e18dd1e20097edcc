"""Layers exported as an Excel workbook (geo/export/sheets.py): a CSV opened in Excel turns a 12-digit 街道 code into
3.30106E+11; the workbook's cells keep it as text."""

import pyogrio
import pytest
import shapely
from click.testing import CliRunner

from geo.cli import main
from test_export import _project, _square

QINGSHAN = {"code": "330106002000", "name": "白石街道"}
QINGSONG = {"code": "330106003000", "name": "青松街道"}


@pytest.fixture
def build(tmp_path):
    """青山县's build: two 街道 of 12-digit codes, a school in one, a road across both."""
    import geopandas as gpd

    from geo.boundaries import Boundaries
    from geo.pipeline import write_catalog, write_layers

    zones = gpd.GeoDataFrame({"code": [QINGSHAN["code"], QINGSONG["code"]], "name": [QINGSHAN["name"], QINGSONG["name"]],
                              "boundary_quality": ["official"] * 2, "source": ["青山县街道.shp"] * 2},
                             geometry=[_square(120.10, 30.24), _square(120.12, 30.24)], crs=4326)
    outline = gpd.GeoDataFrame({"code": ["330106"], "name": ["青山县"], "source": ["青山县街道.shp"]},
                               geometry=[shapely.box(120.10, 30.24, 120.14, 30.26)], crs=4326)
    features = [_project("school-baishi", "白石小学", "school", shapely.Point(120.11, 30.25), [dict(QINGSHAN, share=1.0, km=None)]),
                _project("road-rebuild-qingsong", "青松路", "road_rebuild",
                         shapely.LineString([(120.105, 30.25), (120.135, 30.25)]),
                         [dict(QINGSHAN, share=0.5, km=1.4), dict(QINGSONG, share=0.5, km=1.4)])]
    out = tmp_path / "build"
    write_catalog(out / "projects.geojson", features, "report.txt")
    write_layers(features, Boundaries(zones=zones, outline=outline, quality="official", source="青山县街道.shp"),
                 out / "layers")
    return out


def test_an_xlsx_export_keeps_twelve_digit_codes_as_text_and_numbers_as_numbers(build, tmp_path, monkeypatch):
    # `geo export all --format csv` opened in Excel showed the codes as 3.30106E+11 (digits lost on saving again);
    # --format xlsx was `invalid choice`.
    import openpyxl

    monkeypatch.chdir(build)
    result = CliRunner().invoke(main, ["export", "all", "--format", "xlsx", "-o", str(tmp_path / "青山县.xlsx")])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / "青山县.xlsx")
    assert book.sheetnames == ["district_outline", "road_rebuild", "school", "subdistricts", "说明"]
    zones = list(book["subdistricts"].iter_rows(values_only=True))  # numbered: GDAL reads headings above a number
    assert zones[0][:3] == ("序号 No.", "code", "name") and [row[:3] for row in zones[1:]] == [
        (1, "330106002000", "白石街道"), (2, "330106003000", "青松街道")]
    read = pyogrio.read_dataframe(tmp_path / "青山县.xlsx", layer="subdistricts")  # as QGIS opens the sheet
    assert list(read["code"]) == ["330106002000", "330106003000"]
    school = dict(zip(*list(book["school"].iter_rows(values_only=True))[:2]))
    assert school["subdistrict_codes"] == "330106002000" and school["char_start"] == 3
    assert (school["lon"], school["lat"], school["wkt"]) == (120.11, 30.25, "POINT (120.11 30.25)")
    assert school["accuracy_m"] == 50.0 and school["named"] is True
    road = dict(zip(*list(book["road_rebuild"].iter_rows(values_only=True))[:2]))
    assert road["subdistrict_codes"] == "330106002000;330106003000" and isinstance(road["length_km"], float)


def test_an_xlsx_export_is_byte_identical_on_a_rerun(build, tmp_path, monkeypatch):
    monkeypatch.chdir(build)
    for name in ("a.xlsx", "b.xlsx"):
        assert CliRunner().invoke(main, ["export", "subdistricts", "-o", str(tmp_path / name)]).exit_code == 0
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
