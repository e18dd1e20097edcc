"""KML export (geo.export.kml): folders per layer, names, fields, colours, WGS-84, hostile text, QGIS."""

from __future__ import annotations

from xml.etree import ElementTree

import pyogrio
import pytest
import shapely
from click.testing import CliRunner

from geo.cli import main
from geo.export import export_layers
from geo.io import InputError
from qgis_run import run_in_qgis
from test_export import _close, _layer_json, out_dir  # noqa: F401 (the fixture)
from layer_edits import rename_first_feature

NS = {"k": "http://www.opengis.net/kml/2.2"}


def _folders(path):
    root = ElementTree.parse(path).getroot()
    return {folder.findtext("k:name", namespaces=NS): folder.findall("k:Placemark", NS)
            for folder in root.iter("{%s}Folder" % NS["k"])}


def _data(placemark):
    return {d.get("name"): d.text for d in placemark.iter("{%s}SimpleData" % NS["k"])}


def test_a_placemark_is_named_by_its_name_field_or_else_its_id(tmp_path):
    import geopandas as gpd

    from geo.export.kml import write_kml
    from geo.export.tables import Table

    frame = gpd.GeoDataFrame({"id": ["school-a", "school-b"], "name": ["甲小学", None]},
                             geometry=[shapely.Point(117, 36.7), shapely.Point(117.1, 36.7)], crs=4326)
    path = write_kml(tmp_path / "t.kml", [(Table("school", tmp_path, [], [], []), frame)], title="t")
    [placemarks] = _folders(path).values()
    assert [p.findtext("k:name", namespaces=NS) for p in placemarks] == ["甲小学", "school-b"]
    assert [_data(p) for p in placemarks] == [{"id": "school-a"}, {"id": "school-b"}]


def test_fields_named_as_gdals_own_kml_fields_are_read_back_under_another_name(tmp_path):
    """GDAL (QGIS) reads a field named as a placemark's own element, in any case, into that
    element's field: ``NAME`` replaced the placemark's name, ``Description`` and ``begin`` were
    lost, ``Id`` overwrote ``id``."""
    import geopandas as gpd

    from geo.export.kml import write_kml
    from geo.export.tables import Table

    columns = {"id": ["a"], "name": ["甲小学"], "NAME": ["n1"], "Description": ["d1"], "begin": ["2024年"],
               "Icon": ["i1"], "Id": ["x"], "drawOrder": ["z"], "NAME_": ["n2"]}
    frame = gpd.GeoDataFrame(columns, geometry=[shapely.Point(117, 36.7)], crs=4326)
    path = write_kml(tmp_path / "t.kml", [(Table("school", tmp_path, [], [], []), frame)], title="t")
    [placemark] = next(iter(_folders(path).values()))
    expected = {"id": "a", "NAME__": "n1", "Description_": "d1", "begin_": "2024年", "Icon_": "i1", "Id_": "x",
                "drawOrder_": "z", "NAME_": "n2"}  # a column's own name is kept: NAME_ is the column NAME_
    assert _data(placemark) == expected
    [row] = pyogrio.read_dataframe(path).to_dict("records")
    assert row["Name"] == "甲小学"
    assert {key: row[key] for key in expected} == expected


def test_a_number_column_null_in_every_placemark_is_read_as_a_number(tmp_path):
    """Untyped ``Data`` made every column text in GDAL and QGIS (``length_km`` sorted as text, a
    layer of no quantity had a text ``quantity_value``): each layer's ``Schema`` types them."""
    import geopandas as gpd

    from geo.export.kml import write_kml
    from geo.export.tables import Table

    frame = gpd.GeoDataFrame({"id": ["road-a", "road-b"], "name": ["白石路", "青山路"],
                              "quantity_value": [None, None], "length_km": [1.25, None], "char_start": [3, 9],
                              "named": [True, False]},
                             geometry=[shapely.Point(117, 36.7), shapely.Point(117.1, 36.7)], crs=4326)
    path = write_kml(tmp_path / "t.kml", [(Table("road_rebuild", tmp_path, [], [], []), frame)], title="t")
    info = pyogrio.read_info(path)
    types = dict(zip(info["fields"], info["dtypes"]))
    assert (types["quantity_value"], types["length_km"], types["char_start"]) == ("float64", "float64", "int32")
    assert types["named"] == "object"  # true/false as text, as before: GDAL reads a KML bool as an integer
    rows = pyogrio.read_dataframe(path).to_dict("records")
    assert [row["length_km"] for row in rows][0] == 1.25 and all(row["quantity_value"] != row["quantity_value"]
                                                                  for row in rows)  # NaN: null
    assert [row["named"] for row in rows] == ["true", "false"]


QGIS_KML_TYPES = """
from qgis.core import QgsProviderRegistry, QgsVectorLayer
for sublayer in QgsProviderRegistry.instance().querySublayers(sys.argv[1]):
    layer = QgsVectorLayer(sublayer.uri(), sublayer.name(), "ogr")
    print("T", *[f"{field.name()}={field.typeName()}" for field in layer.fields()
                 if field.name() in ("quantity_value", "length_km", "char_start", "named")], sep="\t")
"""


def test_qgis_reads_a_number_column_null_in_every_placemark_as_a_number(tmp_path):
    import geopandas as gpd

    from geo.export.kml import write_kml
    from geo.export.tables import Table

    frame = gpd.GeoDataFrame({"id": ["road-a"], "name": ["白石路"], "quantity_value": [None], "length_km": [None],
                              "char_start": [3], "named": [True]}, geometry=[shapely.Point(117, 36.7)], crs=4326)
    path = write_kml(tmp_path / "t.kml", [(Table("road_rebuild", tmp_path, [], [], []), frame)], title="t")
    [line] = [line for line in run_in_qgis(QGIS_KML_TYPES, path) if line.startswith("T\t")]
    assert sorted(line.split("\t")[1:]) == ["char_start=Integer", "length_km=Real", "named=String", "quantity_value=Real"]


def test_all_as_kml_is_one_file_with_a_folder_per_layer_gdal_reads_back(out_dir, tmp_path):
    [path] = export_layers("all", fmt="kml", layers_dir=out_dir / "layers", output=tmp_path / "all.kml")
    folders = _folders(path)
    assert set(folders) == {"学校教育 School", "道路改造 Road rebuild", "公园绿地 Park",
                            "街道 boundaries: approximate (not official)", "区界 District outline"}
    for layer in pyogrio.list_layers(path)[:, 0]:
        frame = pyogrio.read_dataframe(path, layer=layer)
        assert "name2" not in frame.columns
        stem = {"学校教育 School": "school", "道路改造 Road rebuild": "road_rebuild", "公园绿地 Park": "park"}.get(layer)
        if stem is None:
            continue
        features = _layer_json(out_dir, stem)
        assert list(frame["id"]) == [f["properties"]["id"] for f in features]
        assert list(frame["Name"]) == [f["properties"]["name"] for f in features]
        for geom, feature in zip(frame.geometry, features):
            assert _close(shapely.force_2d(geom), shapely.geometry.shape(feature["geometry"]))


def test_kml_keeps_unlocated_projects_listed_without_a_place(out_dir, tmp_path):
    [path] = export_layers("projects", fmt="kml", layers_dir=out_dir / "layers", output=tmp_path / "p.kml")
    [placemarks] = _folders(path).values()
    unlocated = [p for p in placemarks if p.find("k:Point", NS) is None and p.find("k:LineString", NS) is None
                 and p.find("k:Polygon", NS) is None and p.find("k:MultiGeometry", NS) is None]
    assert [p.findtext("k:name", namespaces=NS) for p in unlocated] == ["幸福院"]
    assert "名称未在地名库中找到" in _data(unlocated[0])["reason"]
    assert len(placemarks) == 6


def test_kml_styles_are_the_web_map_colours(out_dir, tmp_path):
    from geo.data import categories

    [path] = export_layers("all", fmt="kml", layers_dir=out_dir / "layers", output=tmp_path / "all.kml")
    root = ElementTree.parse(path).getroot()
    styles = {s.get("id"): s for s in root.iter("{%s}Style" % NS["k"])}
    colour = categories()["school"]["colour"]  # #rrggbb; KML writes aabbggrr
    assert styles["school.point"].findtext("k:IconStyle/k:color", namespaces=NS) == \
        "e6" + colour[5:7] + colour[3:5] + colour[1:3]
    line = categories()["road_rebuild"]["colour"]
    assert styles["road_rebuild.line"].findtext("k:LineStyle/k:color", namespaces=NS) == \
        "ff" + line[5:7] + line[3:5] + line[1:3]
    assert styles["subdistricts.polygon"].findtext("k:PolyStyle/k:fill", namespaces=NS) == "0"
    school = _folders(path)["学校教育 School"][0]
    assert school.findtext("k:styleUrl", namespaces=NS) == "#school.point"


def test_kml_export_is_byte_identical_when_repeated(out_dir, tmp_path):
    first = export_layers("all", fmt="kml", layers_dir=out_dir / "layers", output=tmp_path / "a.kml")[0].read_bytes()
    second = export_layers("all", fmt="kml", layers_dir=out_dir / "layers", output=tmp_path / "b.kml")[0].read_bytes()
    assert first == second


def test_kml_is_wgs84_only_and_named_by_its_extension(out_dir, tmp_path, monkeypatch):
    with pytest.raises(InputError, match="KML is always WGS-84"):
        export_layers("school", fmt="kml", crs="EPSG:4548", layers_dir=out_dir / "layers", output=tmp_path / "s.kml")
    assert not (tmp_path / "s.kml").exists()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", "school", "-o", "s.kml", "--layers-dir", str(out_dir / "layers")])
    assert result.exit_code == 0, result.output
    assert ElementTree.parse(tmp_path / "s.kml").getroot().tag == "{%s}kml" % NS["k"]
    result = CliRunner().invoke(main, ["export", "all", "--format", "kml", "--layers-dir", str(out_dir / "layers")])
    assert result.exit_code == 0 and (tmp_path / "exports" / "all.kml").is_file()


def test_hostile_names_stay_text_in_kml(out_dir, tmp_path):
    hostile = "<script>alert(1)</script>]]>&amp;\x01\ufffe学校"
    rename_first_feature(out_dir / "layers" / "school.geojson", hostile)
    [path] = export_layers("school", fmt="kml", layers_dir=out_dir / "layers", output=tmp_path / "s.kml")
    [placemarks] = _folders(path).values()  # parses: the characters XML cannot hold are dropped
    name = placemarks[0].findtext("k:name", namespaces=NS)
    assert name == "<script>alert(1)</script>]]>&amp;学校"  # text, exactly, for any KML reader
    balloon = placemarks[0].findtext("k:description", namespaces=NS)
    assert "<script>" not in balloon and "&lt;script&gt;alert(1)&lt;/script&gt;" in balloon


def test_bidirectional_overrides_are_left_out_of_kml_names_and_balloons(out_dir, tmp_path):
    # Google Earth and 奥维 would show 青松\u202e路小学 as 青松学小路
    rename_first_feature(out_dir / "layers" / "school.geojson", "青松\u202e路小学")
    [path] = export_layers("school", fmt="kml", layers_dir=out_dir / "layers", output=tmp_path / "s.kml")
    [placemarks] = _folders(path).values()
    assert placemarks[0].findtext("k:name", namespaces=NS) == "青松路小学"
    assert "\u202e" not in path.read_text(encoding="utf-8")


QGIS_KML = """
from qgis.core import Qgis, QgsProviderRegistry, QgsVectorLayer, QgsWkbTypes
flags = Qgis.SublayerQueryFlags(Qgis.SublayerQueryFlag.ResolveGeometryType) | Qgis.SublayerQueryFlag.CountFeatures
for sublayer in QgsProviderRegistry.instance().querySublayers(sys.argv[1], flags):
    layer = QgsVectorLayer(sublayer.uri(), sublayer.name(), "ogr")
    key = "id" if layer.fields().indexOf("id") >= 0 else "code"
    for feature in layer.getFeatures():
        print("F", layer.isValid(), sublayer.name(), feature[key], feature.geometry().asWkt(7), sep="\t")
log()
"""


def test_qgis_opens_the_kml_with_every_layer_and_place(out_dir, tmp_path):
    [path] = export_layers("all", fmt="kml", layers_dir=out_dir / "layers", output=tmp_path / "all.kml")
    lines = [line.split("\t") for line in run_in_qgis(QGIS_KML, path) if line.startswith("F\t")]
    school = _layer_json(out_dir, "school")
    seen = {(row[2], row[3]): row[4] for row in lines if row[1] == "True"}
    for feature in school:
        wkt = seen[("学校教育 School", feature["properties"]["id"])]
        assert _close(shapely.force_2d(shapely.from_wkt(wkt)), shapely.geometry.shape(feature["geometry"]))
    assert {row[2] for row in lines} >= {"道路改造 Road rebuild", "区界 District outline"}


def test_a_countys_kml_folders_say_its_outline_and_its_townships(tmp_path):
    # 连江县's `geo export all --format kml` named its folders 区界 District outline and
    # 街道 boundaries: official, where its maps say 乡镇 boundaries: a 县 of 乡镇 has no 街道.
    import geopandas as gpd

    from geo.export.kml import write_kml
    from geo.export.tables import Table

    square = shapely.box(119.50, 26.15, 119.55, 26.20)
    outline = gpd.GeoDataFrame({"code": ["350122"], "name": ["连江县"]}, geometry=[square], crs=4326)
    zones = gpd.GeoDataFrame({"code": ["350122100", "350122205"], "name": ["凤城镇", "小沧畲族乡"],
                              "boundary_quality": ["official", "official"]},
                             geometry=[shapely.box(119.50, 26.175, 119.55, 26.20), shapely.box(119.50, 26.15, 119.55, 26.175)],
                             crs=4326)
    layers = [(Table("district_outline", tmp_path, [], [], []), outline), (Table("subdistricts", tmp_path, [], [], []), zones)]
    path = write_kml(tmp_path / "all.kml", layers, title="all")
    assert set(_folders(path)) == {"县界 District outline", "乡镇 boundaries: official"}
