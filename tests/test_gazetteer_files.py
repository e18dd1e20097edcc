"""Gazetteer files as planners give them (geo.gazetteer_files.load_file)."""

import geopandas as gpd
import pytest
import shapely

from geo.gazetteer_files import load_file
from geo.io import InputError


def test_a_folder_of_shapefiles_is_read_as_a_gazetteer_of_its_layers(tmp_path):
    # A folder of 点位.shp and 道路.shp (a GIS department's delivery): `is a directory, expected a file`, as a
    # GeoPackage of two layers is read layer by layer.
    folder = tmp_path / "青山县地名"
    folder.mkdir()
    gpd.GeoDataFrame({"名称": ["白石小学", "青松公园"]}, geometry=[shapely.Point(117.11, 36.61), shapely.Point(117.12, 36.62)],
                     crs=4326).to_file(folder / "点位.shp", encoding="utf-8")
    gpd.GeoDataFrame({"名称": ["白石路"]}, geometry=[shapely.LineString([(117.10, 36.60), (117.14, 36.60)])],
                     crs=4326).to_file(folder / "道路.shp", encoding="utf-8")
    entries = load_file(folder, warnings=[])
    assert sorted(entry.name for entry in entries) == ["白石小学", "白石路", "青松公园"]


def test_a_folder_without_shapefiles_is_still_refused(tmp_path):
    (tmp_path / "说明.txt").write_text("无", encoding="utf-8")
    with pytest.raises(InputError, match="is a directory, expected a file$"):
        load_file(tmp_path, warnings=[])
