"""Official 街道 files as ArcGIS exports them: File Geodatabases (a .gdb folder, zipped or not), curved boundaries."""

import math
import shutil
import subprocess

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo.boundaries import load_official_zones
from geo.io import InputError

pytestmark = pytest.mark.skipif(shutil.which("ogr2ogr") is None, reason="ogr2ogr builds the curved files")

# 合肥蜀山区, around 117.2E 31.85N: four 2 km squares in CGCS2000 / 3-degree GK CM 117E (EPSG:4548).
X0, Y0 = 519_000, 3_524_000
NAMES = ["三里庵街道", "稻香村街道", "琥珀街道", "南七街道"]
CODES = ["340104001", "340104002", "340104003", "340104004"]


def _squares():
    return [shapely.box(X0 + (i % 2) * 2000, Y0 + (i // 2) * 2000, X0 + (i % 2 + 1) * 2000, Y0 + (i // 2 + 1) * 2000)
            for i in range(4)]


def _ogr2ogr(out, source, *options):
    subprocess.run(["ogr2ogr", "-f", "OpenFileGDB" if str(out).endswith(".gdb") else "GPKG", str(out), str(source),
                    *options], check=True, capture_output=True)


def _geodatabase(tmp_path, name="jd.gdb", crs="EPSG:4548"):
    gpkg = tmp_path / "source.gpkg"
    gpd.GeoDataFrame({"JDMC": NAMES, "JDDM": CODES}, geometry=_squares(), crs="EPSG:4548").to_crs(crs).to_file(
        gpkg, layer="jiedao")
    _ogr2ogr(tmp_path / name, gpkg, "-nln", "jiedao", "-lco", "FEATURE_DATASET=行政区划")
    return tmp_path / name


@pytest.mark.parametrize("crs", ["EPSG:4548", "EPSG:4490"])
def test_a_geodatabase_folder_is_read_as_districts(tmp_path, crs):
    zones, _ = load_official_zones(_geodatabase(tmp_path, crs=crs), name_field="JDMC", code_field="JDDM")
    assert zones["name"].tolist() == NAMES
    areas = zones.to_crs("EPSG:4548").area
    assert np.allclose(areas, 4e6, rtol=1e-6)


def test_a_geodatabase_folder_zipped_is_read_as_districts(tmp_path):
    gdb = _geodatabase(tmp_path)
    archive = shutil.make_archive(str(tmp_path / "jd.gdb"), "zip", root_dir=tmp_path, base_dir="jd.gdb")
    shutil.rmtree(gdb)
    zones, _ = load_official_zones(archive, name_field="JDMC", code_field="JDDM")
    assert zones["name"].tolist() == NAMES


def _basic_geography(tmp_path):
    """A 基础地理 geodatabase: 街道 polygons, points of interest and roads, all with a 名称 column."""
    gpkg = tmp_path / "source.gpkg"
    squares = _squares()
    gpd.GeoDataFrame({"名称": NAMES}, geometry=squares, crs="EPSG:4548").to_file(gpkg, layer="街道")
    gpd.GeoDataFrame({"名称": ["大蜀山", "安徽大学"]}, geometry=[squares[0].centroid, squares[3].centroid],
                     crs="EPSG:4548").to_file(gpkg, layer="兴趣点")
    gpd.GeoDataFrame({"名称": ["长江西路"]}, geometry=[shapely.LineString([squares[0].centroid, squares[1].centroid])],
                     crs="EPSG:4548").to_file(gpkg, layer="道路")
    gdb = tmp_path / "jcdl.gdb"
    for layer in ("兴趣点", "道路", "街道"):
        _ogr2ogr(gdb, gpkg, layer, "-lco", "FEATURE_DATASET=基础地理", *(["-update"] if gdb.exists() else []))
    return gdb


def test_of_feature_classes_sharing_the_name_field_the_only_polygon_one_is_read(tmp_path):
    # Points of interest and roads bear a 名称 too; only polygons can be 街道.
    zones, _ = load_official_zones(_basic_geography(tmp_path), name_field="名称")
    assert zones["name"].tolist() == NAMES


def test_a_feature_class_of_points_named_as_districts_is_refused_naming_the_file_and_the_type(tmp_path):
    gdb = _basic_geography(tmp_path)
    with pytest.raises(InputError, match=r"jcdl\.gdb: expected polygons, found Point$"):
        load_official_zones(f"{gdb}|layername=兴趣点", name_field="名称")
