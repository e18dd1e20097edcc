"""A GIS project given where a layer's data was wanted (geo.project_files)."""

import zipfile

import pytest

from geo import vectors
from geo.io import InputError

_QGS = ('<!DOCTYPE qgis PUBLIC \'http://mrcc.com/qgis.dtd\' \'SYSTEM\'>\n<qgis projectname="青山区" version="3.22.4">\n'
        ' <projectlayers>\n  <maplayer type="vector"><datasource>./街道.gpkg|layername=街道</datasource></maplayer>\n'
        '  <maplayer type="vector"><datasource>./点位.csv</datasource></maplayer>\n </projectlayers>\n</qgis>\n')


@pytest.mark.parametrize("name", ["青山区.qgs", "青山区.qgz"])
def test_a_qgis_project_is_said_to_hold_no_features_naming_its_layers_files(tmp_path, name):
    # The project a planner opens the data by, given as --districts: `not a vector file GDAL reads (GeoJSON,
    # GeoPackage, Shapefile, KML, GPX...)`.
    path = tmp_path / name
    if name.endswith(".qgz"):
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("青山区.qgs", _QGS)
    else:
        path.write_text(_QGS, encoding="utf-8")
    with pytest.raises(InputError, match=rf"{name}: is a QGIS project, which holds no features, only where its layers' "
                                         r"files are \(./街道.gpkg\|layername=街道、./点位.csv\): give the layer's file$"):
        vectors.read_vector(path)


def test_a_mapinfo_workspace_is_said_to_hold_no_features_naming_its_tables(tmp_path):
    path = tmp_path / "青山区.wor"
    path.write_bytes('!Workspace\n!Version 950\n!Charset WindowsSimpChinese\nOpen Table "街道.TAB" As 街道 '
                     'Interactive\nMap From 街道\n'.encode("gbk"))
    with pytest.raises(InputError, match=r"青山区.wor: is a MapInfo workspace, which holds no features, only where its "
                                         r"layers' files are \(街道.TAB\)"):
        vectors.read_vector(path)


@pytest.mark.parametrize("suffix, kind", [(".mxd", "an ArcMap map document"), (".lyrx", "an ArcGIS Pro layer file")])
def test_an_arcgis_map_or_layer_file_is_said_to_hold_no_features(tmp_path, suffix, kind):
    path = tmp_path / f"街道{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 if suffix == ".mxd" else b'{"type": "CIMLayerDocument"}')
    with pytest.raises(InputError, match=rf"街道\{suffix}: is {kind}, which holds no features"):
        vectors.read_vector(path)


def test_a_file_named_qgs_that_is_no_project_is_left_to_gdal(tmp_path):
    path = tmp_path / "x.qgs"
    path.write_text("not a project", encoding="utf-8")
    with pytest.raises(InputError, match="not a vector file GDAL reads"):
        vectors.read_vector(path)
