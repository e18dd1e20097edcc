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
