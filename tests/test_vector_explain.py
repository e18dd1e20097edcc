"""Why a vector file is not read, said in one line (geo.vector_explain)."""

import re

import pytest

from geo import vectors
from geo.io import InputError


@pytest.mark.parametrize("suffix, data", [(".ovobj", b"OVOB\x00\x01\x02binary"),
                                          (".ovjsn", '{"ObjItems": [{"Name": "白石街道"}]}'.encode())])
def test_an_ovital_map_file_is_said_to_be_one_with_how_to_export_it(tmp_path, suffix, data):
    # 奥维互动地图's own object files, as planners share them: `not a vector file GDAL reads (GeoJSON, …)`.
    path = tmp_path / f"青山县街道{suffix}"
    path.write_bytes(data)
    with pytest.raises(InputError, match=rf"青山县街道\{suffix}: is an 奥维互动地图 \(Ovital Map\) object file \(\{suffix}\), "
                                         r"which GDAL cannot read: in 奥维, export the objects as KML or KMZ"):
        vectors.read_vector(path)


@pytest.mark.parametrize("name, data, said", [
    ("青山县街道.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "is a PDF (a map exported"),
    ("jiedao.sql", b'SET standard_conforming_strings = OFF;\nDROP TABLE IF EXISTS "public"."jiedao" CASCADE;\n',
     "is a PostgreSQL dump (SQL statements, GDAL's PGDump"),
    ("jiedao.gxt", b'//$DELIMITER "tab"\n//$QUOTED-TEXT "no"\n//$CHARSET ANSI\n', "is a Geoconcept export (.gxt)"),
])
def test_a_file_gdal_writes_and_geo_cannot_read_is_said_to_be_what_it_is(tmp_path, name, data, said):
    # ogr2ogr (GDAL 3.6) and QGIS 3.22 write GeoPDF, PGDump and Geoconcept files, which the GDAL geo reads through cannot
    # open: `not a vector file GDAL reads (GeoJSON, GeoPackage, Shapefile, KML, GPX...)`, nothing of what they are.
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=rf"{name}: {re.escape(said)}.*, which geo cannot read: export the layer from "
                                         r"the program that made it as GeoPackage, Shapefile, GeoJSON or KML"):
        vectors.read_vector(path)
