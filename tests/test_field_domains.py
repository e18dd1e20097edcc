"""Coded-value domains (geo/field_domains.py): a field of codes read as the names its domain gives them."""

import subprocess
import zipfile

import pytest

from geo.boundaries import load_official_zones
from geo.field_domains import coded_domains

pytestmark = pytest.mark.skipif(
    subprocess.run(["/usr/bin/python3", "-c", "from osgeo import gdal; assert int(gdal.VersionInfo()) >= 3060000"],
                   capture_output=True).returncode != 0,
    reason="GDAL 3.6's Python bindings (python3-gdal) write the coded-value domains")

NAMES = ["白石街道", "青松街道", "东湖街道", "北关镇"]
CODES = ["330199001", "330199002", "330199003", "330199100"]

_CODED = """
import sys
from osgeo import gdal, ogr, osr
driver, path = sys.argv[1], sys.argv[2]
names, codes = sys.argv[3].split(","), sys.argv[4].split(",")
ds = gdal.GetDriverByName(driver).Create(path, 0, 0, 0, gdal.GDT_Unknown)
ds.AddFieldDomain(ogr.CreateCodedFieldDomain("街道名称域", "街道", ogr.OFTInteger, ogr.OFSTNone,
                                             {str(n + 1): name for n, name in enumerate(names)}))
srs = osr.SpatialReference()
srs.ImportFromEPSG(4326)
layer = ds.CreateLayer("街道", srs, ogr.wkbPolygon)
field = ogr.FieldDefn("名称", ogr.OFTInteger)
field.SetDomainName("街道名称域")
layer.CreateField(field)
layer.CreateField(ogr.FieldDefn("代码", ogr.OFTString))
for n, code in enumerate(codes):
    x, y = 120.1 + (n % 2) * 0.04, 30.24 + (n // 2) * 0.03
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("名称", n + 1 if n < 3 else 9)  # 9: a code the domain lacks
    feature.SetField("代码", code)
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        f"POLYGON (({x} {y},{x + 0.04} {y},{x + 0.04} {y + 0.03},{x} {y + 0.03},{x} {y}))"))
    layer.CreateFeature(feature)
ds = None
"""


def _coded(tmp_path, driver, name):
    path = tmp_path / name
    subprocess.run(["/usr/bin/python3", "-c", _CODED, driver, str(path), ",".join(NAMES), ",".join(CODES)],
                   check=True, capture_output=True)
    return path


@pytest.mark.parametrize("driver,name,zipped", [("GPKG", "青山区街道.gpkg", False), ("OpenFileGDB", "jd.gdb", False),
                                                ("OpenFileGDB", "jd.gdb", True)])
def test_a_field_of_coded_values_is_read_as_the_names_its_domain_gives(tmp_path, capsys, driver, name, zipped):
    # ArcGIS keeps 名称 as codes 1, 2, 3 with a coded-value domain naming each, and shows the names; GDAL reads
    # the codes: the 街道 were named '1', '2', '3' on every map and table.
    path = _coded(tmp_path, driver, name)
    if zipped:
        archive = tmp_path / "街道数据.zip"
        with zipfile.ZipFile(archive, "w") as out:
            for part in sorted(path.iterdir()):
                out.write(part, f"成果/jd.gdb/{part.name}")
        path = archive
    zones, _ = load_official_zones(path, name_field="名称", code_field="代码")
    assert sorted(zones["name"]) == sorted(NAMES[:3] + ["9"])  # a code the domain lacks stays as it is
    assert "coded-value domain '街道名称域' (1 白石街道, 2 青松街道, 3 东湖街道…)" in capsys.readouterr().err


def test_a_file_without_domains_has_none(tmp_path):
    import geopandas as gpd
    import shapely

    path = tmp_path / "jd.gpkg"
    gpd.GeoDataFrame({"名称": NAMES}, geometry=[shapely.box(0, 0, 1, 1)] * 4, crs=4326).to_file(path)
    assert coded_domains(path) == {}
    assert coded_domains(tmp_path / "jd.geojson") == {}


_CODED_CODES = """
import sys
from osgeo import gdal, ogr, osr
path, names, codes = sys.argv[1], sys.argv[2].split(","), sys.argv[3].split(",")
ds = gdal.GetDriverByName("GPKG").Create(path, 0, 0, 0, gdal.GDT_Unknown)
ds.AddFieldDomain(ogr.CreateCodedFieldDomain("区划代码", "", ogr.OFTString, ogr.OFSTNone, dict(zip(codes, names))))
srs = osr.SpatialReference()
srs.ImportFromEPSG(4326)
layer = ds.CreateLayer("街道", srs, ogr.wkbPolygon)
layer.CreateField(ogr.FieldDefn("名称", ogr.OFTString))
field = ogr.FieldDefn("代码", ogr.OFTString)
field.SetDomainName("区划代码")
layer.CreateField(field)
for n, (name, code) in enumerate(zip(names, codes)):
    x = 120.1 + n * 0.04
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("名称", name)
    feature.SetField("代码", code)
    feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON (({x} 30.24,{x + 0.04} 30.24,{x + 0.04} 30.27,{x} 30.27,{x} 30.24))"))
    layer.CreateFeature(feature)
ds = None
"""


def test_a_code_field_whose_domain_names_each_code_keeps_its_codes(tmp_path, capsys):
    # A 代码 field of 330199001… whose domain names each 街道 (as ArcGIS shows it): read as names, the coverage rows
    # were coded 白石街道, 青松街道.
    path = tmp_path / "jd.gpkg"
    subprocess.run(["/usr/bin/python3", "-c", _CODED_CODES, str(path), ",".join(NAMES), ",".join(CODES)],
                   check=True, capture_output=True)
    zones, _ = load_official_zones(path, name_field="名称", code_field="代码")
    assert list(zones["code"]) == CODES and list(zones["name"]) == NAMES
    assert "coded-value domain" not in capsys.readouterr().err
