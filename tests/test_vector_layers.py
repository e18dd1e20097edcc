"""Layers of vector files listed once per version of a file, however many are read: a KMZ of many KML documents, a GeoPackage of many layers."""

import zipfile

import geopandas as gpd
import pyogrio
import pytest
import shapely

from geo.gazetteer_files import load_file


def test_a_kmz_of_many_kml_documents_lists_each_document_once(tmp_path, monkeypatch):
    # Every layer was read by listing the layers of every document again (twice): 100 documents
    # took 20,100 listings, 200 took 66 s to read, 2,000 (a 0.5 MB KMZ) over ten minutes.
    listed = []
    real = pyogrio.list_layers
    monkeypatch.setattr(pyogrio, "list_layers", lambda source, *a, **k: listed.append(source) or real(source, *a, **k))
    path = tmp_path / "图层.kmz"
    with zipfile.ZipFile(path, "w") as archive:
        for i in range(40):
            archive.writestr(f"files/d{i:02d}.kml", '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.'
                             f'opengis.net/kml/2.2"><Document><name>层{i:02d}</name><Placemark><name>点{i}</name>'
                             f'<Point><coordinates>{117 + i / 1000},36.69,0</coordinates></Point></Placemark>'
                             '</Document></kml>')
    found = {e.name: e.geometry.x for e in load_file(path, datum="wgs84")}
    assert found == {f"点{i}": 117 + i / 1000 for i in range(40)}
    assert len(listed) <= 2 * 40, len(listed)


def test_a_geopackage_of_many_layers_is_listed_once(tmp_path, monkeypatch):
    # Each layer read listed every layer again (to name them when one is missing): a GeoPackage of
    # 200 layers took 29 s, of which half in listings.
    path = tmp_path / "图层.gpkg"
    for i in range(30):
        gpd.GeoDataFrame({"name": [f"点{i}"], "datum": ["wgs84"]}, geometry=[shapely.Point(117 + i / 1000, 36.69)],
                         crs=4326).to_file(path, layer=f"l{i:02d}", driver="GPKG")
    listed = []
    real = pyogrio.list_layers
    monkeypatch.setattr(pyogrio, "list_layers", lambda source, *a, **k: listed.append(source) or real(source, *a, **k))
    assert len(load_file(path)) == 30
    assert len(listed) <= 2, len(listed)


_LINK = ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">{}</kml>')
_NETWORK_LINK = '<NetworkLink><name>青山县街道</name><Link><href>http://example.com/青山县.kmz</href></Link></NetworkLink>'


@pytest.mark.parametrize("form", ["kml", "kml in a Document", "kmz"])
def test_a_kml_holding_only_a_network_link_is_refused_naming_the_link(tmp_path, form):
    # GDAL read nothing: "no container element at the root", "kml contains no Containers", "contains no features"
    from geo.io import InputError
    from geo.vectors import read_vector

    body = _NETWORK_LINK if form == "kml" else f"<Document><name>白石路</name>{_NETWORK_LINK}</Document>"
    path = tmp_path / ("街道.kmz" if form == "kmz" else "街道.kml")
    if form == "kmz":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("doc.kml", _LINK.format(body))
    else:
        path.write_text(_LINK.format(body), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_vector(path)
    assert "holds only a NetworkLink (to http://example.com/青山县.kmz), no features" in str(caught.value)
    with pytest.raises(InputError, match="holds only a NetworkLink"):
        load_file(path, datum="wgs84")  # a gazetteer alike


def test_a_kml_with_a_network_link_beside_its_placemarks_is_read(tmp_path):
    path = tmp_path / "点.kml"
    path.write_text(_LINK.format(f'<Document>{_NETWORK_LINK}<Placemark><name>白石小学</name><Point><coordinates>'
                                 '117.01,36.69,0</coordinates></Point></Placemark></Document>'), encoding="utf-8")
    assert [e.name for e in load_file(path, datum="wgs84")] == ["白石小学"]


def test_kml_folders_whose_names_are_extended_data_are_read_by_that_field(tmp_path):
    # 奥维 and Google Earth keep 名称 and 代码 as ExtendedData of placemarks left 未命名多边形, a folder per 街道:
    # `--name-field '名称' is a column of none of its layers` (the layers were listed with GDAL's LIBKML driver turning
    # 名称 into __, as read_vector does not), and the refusal's hint showed `__`.
    from geo.boundaries import load_boundaries, load_official_zones
    from geo.io import InputError
    from test_kml_once import _kml

    streets = [("白石街道", "439901001"), ("青松街道", "439901002"), ("东湖街道", "439901003")]
    path = _kml(tmp_path / "青山县.kml", [(name, "未命名多边形", 112.0 + i * .01, {"名称": name, "代码": code})
                                         for i, (name, code) in enumerate(streets)])
    b = load_boundaries(path, name_field="名称", code_field="代码")
    assert list(zip(b.zones["name"], b.zones["code"])) == streets
    with pytest.raises(InputError, match=r"and 2 more: --name-field 名称 --code-field 代码$"):
        load_official_zones(path, name_field=None)
