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


def test_a_folder_of_kml_and_geojson_files_is_read_file_by_file(tmp_path):
    # Google Earth's 学校.kml beside a 道路.geojson from QGIS, in a folder (no Shapefile): `is a directory, expected a
    # file`. A note beside them (说明.txt) and a Mac's ._学校.kml are no gazetteer.
    folder = tmp_path / "青山县地名"
    folder.mkdir()
    (folder / "学校.kml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>学校'
        '</name><Placemark><name>白石小学</name><Point><coordinates>117.11,36.61,0</coordinates></Point></Placemark>'
        '</Folder></Document></kml>', encoding="utf-8")
    gpd.GeoDataFrame({"name": ["白石路"]}, geometry=[shapely.LineString([(117.10, 36.60), (117.14, 36.60)])],
                     crs=4326).to_file(folder / "道路.geojson")
    (folder / "说明.txt").write_text("2025年 青山县地名", encoding="utf-8")
    (folder / "._学校.kml").write_bytes(b"\x00\x05\x16\x07")
    entries = load_file(folder, warnings=[])
    assert sorted(entry.name for entry in entries) == ["白石小学", "白石路"]


def test_a_folder_of_shapefiles_and_kml_files_reads_both(tmp_path):
    # 点位.shp beside Google Earth's 学校.kml: the folder was read as Shapefiles alone, the KML's entries dropped
    # without a word.
    folder = tmp_path / "青山县地名"
    folder.mkdir()
    gpd.GeoDataFrame({"名称": ["青松公园"]}, geometry=[shapely.Point(117.12, 36.62)], crs=4326).to_file(
        folder / "点位.shp", encoding="utf-8")
    (folder / "学校.kml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'
        '<name>白石小学</name><Point><coordinates>117.11,36.61,0</coordinates></Point></Placemark></Document></kml>',
        encoding="utf-8")
    assert sorted(entry.name for entry in load_file(folder, warnings=[])) == ["白石小学", "青松公园"]
