"""Vector files: Shapefiles found in any case, their codec and .prj, GDAL's errors in one line."""

import json
import zipfile

import pytest
import shapely

from geo import dbf, geojson_read, vectors
from geo.io import InputError
from test_bad_inputs import work  # noqa: F401 - a copy of tests/bad_inputs/ as the current directory
from test_io import _deep_json


def test_a_folder_of_upper_case_shapefiles_reads_and_a_folder_without_one_is_refused(tmp_path):
    import geopandas as gpd

    folder = tmp_path / "jd"
    folder.mkdir()
    gpd.GeoDataFrame({"name": ["北园街道"]}, geometry=[shapely.box(117.0, 36.6, 117.1, 36.7)], crs=4326).to_file(
        folder / "jd.shp", engine="pyogrio")
    for file in list(folder.iterdir()):
        file.rename(folder / file.name.upper())  # JD.SHP, JD.DBF, JD.PRJ...: copied from Windows
    assert list(vectors.read_vector(folder)["name"]) == ["北园街道"]
    assert vectors.shapefiles_in(folder) == [folder / "JD.SHP"]
    (folder / "JD.SHP").unlink()
    with pytest.raises(InputError, match="is a directory"):
        vectors.read_vector(folder)


def test_a_shapefiles_damaged_prj_is_named_and_a_missing_one_asked_for(tmp_path):
    import geopandas as gpd

    path = tmp_path / "jd.shp"
    gpd.GeoDataFrame({"name": ["北园街道"]}, geometry=[shapely.box(117.0, 36.6, 117.1, 36.7)], crs=4326).to_file(
        path, engine="pyogrio")
    assert dbf.dbf_fields(dbf.dbf_sample(open(path.with_suffix(".dbf"), "rb"))) == ["name"]
    path.with_suffix(".prj").write_text('GEOGCS["GCS_WGS_1984",DATUM[', encoding="ascii")  # cut short
    with pytest.raises(InputError, match=r"jd.shp: has a coordinate reference system \(its .prj\) GDAL cannot read"):
        vectors.read_vector(path)
    path.with_suffix(".prj").write_text("GARBAGE", encoding="ascii")  # GDAL reads no CRS from it, silently
    with pytest.raises(InputError, match=r"jd.shp: has no coordinate reference system \(its .prj names none"):
        vectors.read_vector(path)
    path.with_suffix(".prj").unlink()
    with pytest.raises(InputError, match=r"jd.shp: has no coordinate reference system \(add a .prj file"):
        vectors.read_vector(path)


def test_a_csv_of_wkt_without_a_crs_is_asked_for_a_prj_beside_it_which_gdal_reads(tmp_path):
    # 'has no coordinate reference system', without a word of how a CSV, which holds none, can be given one.
    import pyproj

    path = tmp_path / "青山县街道.csv"
    path.write_text('name,code,WKT\n白石街道,1,"POLYGON ((117 36.6, 117.1 36.6, 117.1 36.7, 117 36.6))"\n',
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"青山县街道.csv: has no coordinate reference system \(add a .prj file"):
        vectors.read_vector(path)
    path.with_suffix(".prj").write_text(pyproj.CRS(4490).to_wkt("WKT1_ESRI"), encoding="ascii")
    assert "China Geodetic Coordinate System 2000" in vectors.read_vector(path).crs.name


def _topojson(path, ring):
    """A TopoJSON file (as mapshaper or d3's tools write one: no CRS member) of one 街道, 白石街道, whose ring is an arc."""
    path.write_text(json.dumps({"type": "Topology", "arcs": [ring], "objects": {"jd": {
        "type": "GeometryCollection", "geometries": [{"type": "Polygon", "arcs": [[0]],
                                                      "properties": {"name": "白石街道", "code": "1"}}]}}},
        ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".topojson", ".json"])
def test_a_topojson_file_of_lon_lat_is_read_as_lon_lat(tmp_path, suffix):
    # 'has no coordinate reference system': GDAL reads TopoJSON without one, the format having none.
    ring = [[117.0, 36.6], [117.1, 36.6], [117.1, 36.7], [117.0, 36.6]]
    frame = vectors.read_vector(_topojson(tmp_path / f"青山县{suffix}", ring))
    assert frame.crs.to_epsg() == 4326 and list(frame["name"]) == ["白石街道"]
    assert frame.geometry[0].equals(shapely.Polygon(ring))


def test_a_topojson_file_of_metres_is_refused_as_lon_lat_would_be(tmp_path):
    ring = [[500000.0, 4060000.0], [503000.0, 4060000.0], [503000.0, 4063000.0], [500000.0, 4060000.0]]
    with pytest.raises(InputError, match=r"青山县.topojson: its coordinates .* are out of range of its CRS, EPSG:4326"):
        vectors.read_vector(_topojson(tmp_path / "青山县.topojson", ring))


def test_geojson_not_in_utf8_is_told_to_be_utf8(tmp_path):
    path = tmp_path / "g.geojson"
    path.write_bytes('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "泺口"}, '
                     '"geometry": {"type": "Point", "coordinates": [117.0, 36.7]}}]}'.encode("gbk"))
    with pytest.raises(InputError, match=r"GeoJSON text must be UTF-8 \(RFC 7946\)") as caught:
        vectors.read_vector(path)
    assert ".cpg" not in str(caught.value)


def test_geojson_declaring_an_unknown_crs_is_refused(tmp_path):
    path = tmp_path / "d.geojson"
    collection = {"type": "FeatureCollection",
                  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::999999"}},
                  "features": [{"type": "Feature", "properties": {"name": "a"},
                                "geometry": {"type": "Point", "coordinates": [117.0, 36.7]}}]}
    path.write_text(json.dumps(collection), encoding="utf-8")
    with pytest.raises(InputError, match="unknown coordinate reference system 'urn:ogc:def:crs:EPSG::999999'"):
        vectors.read_vector(path)
    collection["crs"]["properties"]["name"] = "urn:ogc:def:crs:EPSG::4490"
    path.write_text(json.dumps(collection), encoding="utf-8")
    assert "China Geodetic Coordinate System 2000" in vectors.read_vector(path).crs.name


def test_a_deeply_nested_json_file_is_refused_with_its_file_name(tmp_path):
    path = tmp_path / "deep.geojson"
    path.write_text(_deep_json(), encoding="utf-8")
    with pytest.raises(InputError, match=r"deep\.geojson: JSON nested too deeply \(not a GeoJSON file\?\)$"):
        geojson_read.read_feature_collection(path)
    with pytest.raises(InputError, match=r"deep\.geojson: JSON nested too deeply"):
        vectors.read_vector(path)  # GDAL alone would only say the file is "not recognized"


def test_an_unreadable_dbf_is_named_as_permission_denied(tmp_path, monkeypatch):
    import geopandas as gpd

    path = tmp_path / "jd.shp"
    gpd.GeoDataFrame({"JDMC": ["北园街道"]}, geometry=[shapely.box(117.0, 36.7, 117.01, 36.71)], crs=4326).to_file(path)
    import builtins

    real_open = builtins.open

    def denied(file, *args, **kwargs):  # the OS refuses the .dbf (root reads whatever chmod says)
        if str(file).endswith(".dbf"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", denied)
    with pytest.raises(InputError, match=r"jd\.dbf: permission denied$"):
        vectors.read_vector(path)


def test_a_geopackage_with_no_layers_says_so(tmp_path):
    import sqlite3

    import geopandas as gpd

    path = tmp_path / "empty.gpkg"
    gpd.GeoDataFrame({"a": [1]}, geometry=[shapely.Point(117.0, 36.7)], crs=4326).to_file(path, layer="x")
    with sqlite3.connect(path) as db:  # its only layer taken out again: a valid GeoPackage without layers
        db.execute("DROP TABLE x")
        db.execute("DROP TABLE rtree_x_geom")
        for table in ("gpkg_contents", "gpkg_geometry_columns", "gpkg_ogr_contents", "gpkg_extensions"):
            db.execute(f"DELETE FROM {table} WHERE table_name = 'x'")
    with pytest.raises(InputError, match=r"empty\.gpkg: GeoPackage has no layers$"):
        vectors.read_vector(path)


def test_a_table_without_geometry_is_refused_as_having_no_geometry_column(tmp_path):
    import openpyxl

    path = tmp_path / "jiedao.xlsx"  # a spreadsheet OGR reads as a table of attributes only
    book = openpyxl.Workbook()
    book.active.append(["name", "code"])
    book.active.append(["无影山街道", "370105001"])
    book.save(path)
    with pytest.raises(InputError, match=r"jiedao\.xlsx: has no geometry column$"):
        vectors.read_vector(path)


@pytest.mark.parametrize("cpg", [b"\x00\x00", b"UTF\x008", b"no such codec"])
def test_a_cpg_naming_no_codec_lets_the_records_decide(tmp_path, cpg):
    import geopandas as gpd

    path = tmp_path / "jd.shp"
    gpd.GeoDataFrame({"name": ["无影山街道"]}, geometry=[shapely.Point(117.0, 36.7).buffer(0.01)],
                     crs=4326).to_file(path, encoding="gbk")
    path.with_suffix(".cpg").write_bytes(cpg)
    assert list(vectors.read_vector(path)["name"]) == ["无影山街道"]


def test_a_dbf_codec_is_told_from_a_sample_of_whole_records_not_the_whole_file(tmp_path, monkeypatch):
    import geopandas as gpd

    from geo import settings

    path = tmp_path / "big.shp"
    names = [f"北园街道第{n}社区" for n in range(2000)]
    gpd.GeoDataFrame({"name": names}, geometry=[shapely.Point(117.0, 36.7)] * len(names), crs=4326).to_file(
        path, encoding="gbk")
    path.with_suffix(".cpg").unlink(missing_ok=True)
    monkeypatch.setattr(settings, "DBF_SAMPLE_BYTES", 1000)
    data = path.with_suffix(".dbf").read_bytes()
    header, record = int.from_bytes(data[8:10], "little"), int.from_bytes(data[10:12], "little")
    with open(path.with_suffix(".dbf"), "rb") as handle:
        sample = dbf.dbf_sample(handle)
    assert len(sample) < len(data) / 10 and (len(sample) - header) % record == 0  # whole records only
    assert dbf.dbf_records_codec(sample) in ("gbk", "gb18030")
    assert list(vectors.read_vector(path)["name"][:3]) == names[:3]


@pytest.mark.parametrize("container", ["zip", "folder"])
@pytest.mark.parametrize("encoding", ["UTF-8", "GBK"])
def test_a_zipped_or_folder_shapefile_without_cpg_has_its_codec_told_from_its_records(tmp_path, container, encoding):
    # GDAL reads a .dbf without a .cpg as ISO-8859-1: 北园街道 came out as å\x8c\x97... or ±±Ô°½ÖµÀ.
    import zipfile

    import geopandas as gpd

    folder = tmp_path / "jd"
    folder.mkdir()
    names = ["无影山街道", "北园街道"]
    gdf = gpd.GeoDataFrame({"name": names}, geometry=[shapely.box(117.0, 36.6, 117.1, 36.7),
                                                      shapely.box(117.1, 36.6, 117.2, 36.7)], crs=4326)
    gdf.to_file(folder / "jd.shp", engine="pyogrio", encoding=encoding)
    (folder / "jd.cpg").unlink(missing_ok=True)
    path = folder
    if container == "zip":
        path = tmp_path / "jd.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for part in sorted(folder.iterdir()):
                archive.write(part, part.name)
    assert list(vectors.read_vector(path)["name"]) == names


def test_a_shapefile_written_in_a_latin_code_page_without_cpg_is_read_as_gdal_wrote_it(tmp_path):
    # ogr2ogr's default (ISO-8859-1, language driver byte 87, no .cpg): Cimetière came out as Cimeti鑢e.
    import geopandas as gpd

    path = tmp_path / "points.shp"
    names = ["Cimetière de Monaco", "Académie de Danse", "Allée Kléber"]
    gpd.GeoDataFrame({"name": names}, geometry=[shapely.Point(7.42, 43.73)] * 3, crs=4326).to_file(
        path, engine="pyogrio", encoding="ISO-8859-1")
    path.with_suffix(".cpg").unlink(missing_ok=True)
    assert list(vectors.read_vector(path)["name"]) == names


def test_a_shapefile_sent_without_its_shx_is_read_and_its_folder_left_as_it_was(tmp_path, capsys):
    # .shp, .dbf and .prj sent one by one (WeChat, QQ) without the .shx: GDAL refused it, 'Set
    # SHAPE_RESTORE_SHX config option to YES', an option no user of geo can set.
    import geopandas as gpd

    path = tmp_path / "jd.shp"
    names = ["无影山街道", "北园街道"]
    gpd.GeoDataFrame({"JDMC": names}, geometry=[shapely.box(117.0, 36.7, 117.01, 36.71),
                                                shapely.box(117.01, 36.7, 117.02, 36.71)], crs=4490).to_file(
        path, engine="pyogrio", encoding="GBK")
    path.with_suffix(".shx").unlink()
    path.with_suffix(".cpg").unlink()
    before = sorted(p.name for p in tmp_path.iterdir())
    frame = vectors.read_vector(path)
    assert list(frame["JDMC"]) == names and frame.crs.to_epsg() == 4490
    assert frame.geometry.iloc[1].equals(shapely.box(117.01, 36.7, 117.02, 36.71))
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no .shx written beside the user's files
    assert capsys.readouterr().err == (f"warning: {path}: has no .shx beside it (the index of its shapes): read by "
                                       "indexing its shapes anew\n")


def test_text_saved_in_an_encoding_without_its_characters_is_named_in_a_warning(tmp_path, capsys):
    import geopandas as gpd

    path = tmp_path / "roads.gpkg"
    gpd.GeoDataFrame({"name": ["????", "???? 1?", "Allée"]}, geometry=[shapely.Point(117.0, 36.7)] * 3,
                     crs=4326).to_file(path, engine="pyogrio")
    vectors.read_vector(path)
    assert capsys.readouterr().err == (f"warning: {path}: 2 text value(s) are mostly '?' ('????'): the file was saved "
                                       "in an encoding without their characters, which are lost; save it again in "
                                       "UTF-8 (ogr2ogr -lco ENCODING=UTF-8) or as GeoPackage\n")


def test_a_name_of_question_marks_alone_is_no_name():
    from geo.osm_tags import tag_names

    assert tag_names({"name:zh": "???????", "name": "International University of Monaco"}) == [
        "International University of Monaco"]


def test_a_zip_of_a_folder_holding_a_shapefile_is_read(tmp_path):
    # Windows' "Send to > Compressed (zipped) folder" on a folder puts jd/jd.shp in the archive,
    # which GDAL does not open ("/vsizip/' not recognized as being in a supported file format").
    import zipfile

    import geopandas as gpd

    folder = tmp_path / "jd"
    folder.mkdir()
    gpd.GeoDataFrame({"name": ["北园街道"]}, geometry=[shapely.box(117.0, 36.6, 117.1, 36.7)], crs=4326).to_file(
        folder / "jd.shp", engine="pyogrio", encoding="GBK")
    (folder / "jd.cpg").unlink(missing_ok=True)
    path = tmp_path / "jd.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for part in sorted(folder.iterdir()):
            archive.write(part, f"jd/{part.name}")
    assert list(vectors.read_vector(path)["name"]) == ["北园街道"]


def test_a_kml_file_without_any_placemark_says_it_holds_nothing(tmp_path):
    # GDAL finds no layer in it, and pyogrio said "index 0 is out of bounds for axis 0 with size 0".
    path = tmp_path / "sites.kml"
    path.write_text('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document></Document></kml>',
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"sites.kml: holds no layer \(no features to read\)$"):
        vectors.read_vector(path)


def test_a_shapefile_whose_dbf_holds_fewer_records_than_its_shapes_is_refused(tmp_path):
    # A .dbf copied from another version of the file: GDAL reads as many features as the .dbf
    # has records, and the 街道 beyond them vanished without a word.
    import geopandas as gpd

    two = gpd.GeoDataFrame({"name": ["无影山街道", "北园街道"]}, geometry=[shapely.box(117.0, 36.6, 117.1, 36.7),
                                                                    shapely.box(117.1, 36.6, 117.2, 36.7)], crs=4326)
    two.to_file(tmp_path / "jd.shp", engine="pyogrio", encoding="UTF-8")
    two.iloc[:1].to_file(tmp_path / "old.shp", engine="pyogrio", encoding="UTF-8")
    (tmp_path / "jd.dbf").write_bytes((tmp_path / "old.dbf").read_bytes())
    with pytest.raises(InputError, match=r"jd.shp: holds 2 shapes but its .dbf 1 record"):
        vectors.read_vector(tmp_path / "jd.shp")


def test_heights_are_dropped_on_reading(tmp_path):
    """A survey's or CAD export's Z means nothing on a plan map and would go on into every layer
    and export (POLYGON Z): vector inputs are read in two dimensions."""
    import json

    import shapely

    from geo.vectors import read_vector

    path = tmp_path / "jd.geojson"
    ring = [[117.0, 36.7, 30.5], [117.01, 36.7, 31.0], [117.01, 36.71, 29.0], [117.0, 36.7, 30.5]]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "甲街道"}, "geometry": {"type": "Polygon", "coordinates": [ring]}}]}),
        encoding="utf-8")
    gdf = read_vector(path)
    assert not shapely.has_z(gdf.geometry.values).any()
    assert gdf.geometry.name == "geometry" and gdf.crs.to_epsg() == 4326 and list(gdf["name"]) == ["甲街道"]
    assert shapely.get_coordinates(gdf.geometry.values).tolist()[1] == [117.01, 36.7]


def test_a_file_of_no_format_gdal_knows_is_named_without_gdals_driver_hint(tmp_path):
    # "not recognized as being in a supported file format.; It might help to specify the correct driver
    # explicitly by prefixing the file path with '<DRIVER>:', e.g. 'CSV:path'": advice for programmers.
    path = tmp_path / "jd.dat"
    path.write_bytes(b"\xd0\xcf\x11\xe0 not a vector file at all")
    with pytest.raises(InputError) as info:
        vectors.read_vector(path)
    message = str(info.value)
    assert message.startswith(f"{path}: not a vector file GDAL reads") and "DRIVER" not in message


@pytest.mark.parametrize("name, problem", [
    ("sites.kmz", r"sites\.kmz: is not a valid KMZ: a zip archive without a KML document \(doc\.kml\)$"),
    ("jd.zip", r"jd\.zip: is a zip archive holding no Shapefile \(\.shp\) nor other vector file GDAL reads$"),
])
def test_a_zip_holding_no_vector_file_says_so_not_that_gdal_knows_no_format(tmp_path, name, problem):
    # Both said "not a vector file GDAL reads (GeoJSON, GeoPackage, Shapefile, KML, GPX...)".
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("说明.txt", "街道")
    with pytest.raises(InputError, match=problem):
        vectors.read_vector(path)


def _kml(name, lon=117.01):
    return ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'
            f'<name>{name}</name><Point><coordinates>{lon},36.69,0</coordinates></Point></Placemark></Document></kml>')


def _kmz(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members:
            archive.writestr(name, text)
    return path


@pytest.mark.parametrize("text", ["", "这不是 XML <<<"])
def test_a_kmz_holding_an_unreadable_kml_document_names_it(tmp_path, text):
    # Said "not a readable vector file (ERROR parsing kml /vsizip//b.kml ...)": the KMZ's path cut out of GDAL's.
    path = _kmz(tmp_path / "jd.kmz", [("doc.kml", _kml("甲")), ("files/b.kml", text)])
    with pytest.raises(InputError) as info:
        vectors.read_vector(path)
    message = str(info.value)
    assert message.startswith(f"{path}: holds a KML document GDAL cannot read, 'files/b.kml' (")
    assert "vsizip" not in message and "\n" not in message


def test_a_kmz_s_documents_named_with_backslashes_are_read_and_a_name_twice_once(tmp_path):
    # Zips written on Windows by some tools: "files\b.kml", which GDAL opens as files/b.kml only.
    with pytest.warns(UserWarning, match="Duplicate name"):
        path = _kmz(tmp_path / "jd.kmz", [("doc.kml", _kml("甲")), ("files\\b.kml", _kml("乙", 117.02)),
                                          ("doc.kml", _kml("丙", 117.03))])
    assert sorted(vectors.read_vector(path)["Name"]) == ["乙", "甲"]


@pytest.mark.parametrize("member", ["a/../../c.kml", "/etc/c.kml", "../c.kml", "a\\..\\c.kml"])
def test_a_kmz_document_named_out_of_the_archive_is_refused(tmp_path, member):
    path = _kmz(tmp_path / "jd.kmz", [("doc.kml", _kml("甲")), (member, _kml("乙"))])
    with pytest.raises(InputError, match=r"jd\.kmz: holds a KML document named .*c\.kml', a path out of the archive: "
                                         r"not read \(a hostile KMZ\?\)$"):
        vectors.read_vector(path)


def test_a_kmz_document_that_unpacks_to_far_more_than_it_takes_is_refused_unread(tmp_path, monkeypatch):
    from geo import settings

    monkeypatch.setattr(settings, "ZIP_UNPACKED_SLACK_BYTES", 1000)
    bomb = _kml("乙").replace("<name>", "<description>" + " " * 300_000 + "</description><name>")
    path = _kmz(tmp_path / "jd.kmz", [("doc.kml", _kml("甲")), ("b.kml", bomb)])
    with pytest.raises(InputError, match=r"jd\.kmz: is a damaged KMZ: its KML document 'b\.kml' unpacks to 0\.3\d* MB "
                                         r"from 0\.00\d* MB \(a zip bomb\?\)$"):
        vectors.read_vector(path)


@pytest.mark.parametrize("epsg, said", [
    (4526, r"its eastings carry the Gauss-Kruger zone number 38: if CGCS2000, EPSG:4526 "
           r"\(CGCS2000 / 3-degree Gauss-Kruger zone 38\)"),
    (4497, r"its eastings carry the Gauss-Kruger zone number 19: if CGCS2000, EPSG:4497"),
    (4547, r"its numbers are metres of a Gauss-Kruger zone without the zone number: if CGCS2000, one of "
           r"EPSG:4534-4554 \(3-degree zones\) or EPSG:4502-4512 \(6-degree\)"),
])
def test_a_shapefile_of_gauss_kruger_metres_without_its_prj_is_told_which_prj_its_numbers_ask_for(tmp_path, epsg, said):
    # Coordinates in metres with no .prj: refused in one line (never read as degrees at 0°N 0°E),
    # naming the zone the eastings' zone number gives (Changsha, 112.9E: 3-degree zone 38, 6-degree 19).
    import geopandas as gpd

    path = tmp_path / "jd.shp"
    gpd.GeoDataFrame({"name": ["岳麓街道"]}, geometry=[shapely.box(112.90, 28.18, 112.95, 28.22)],
                     crs=4326).to_crs(epsg).to_file(path, engine="pyogrio")
    path.with_suffix(".prj").unlink()
    with pytest.raises(InputError, match=r"jd\.shp: has no coordinate reference system \(add a \.prj file beside it; "
                                         + said):
        vectors.read_vector(path)


@pytest.mark.parametrize("suffix", [".mif", ".tab"])
def test_a_mapinfo_file_of_gbk_text_whose_charset_says_neutral_is_read_by_its_text(tmp_path, suffix):
    # MapInfo files converted by other tools say Charset "Neutral" (no code) over GBK text: GDAL then
    # passes the bytes on, which are no UTF-8. The text itself tells its code, as a .dbf's does.
    import geopandas as gpd

    path = tmp_path / f"jd{suffix}"
    gpd.GeoDataFrame({"街道名称": ["望月湖街道", "岳麓街道"]}, geometry=[shapely.box(112.90, 28.18, 112.95, 28.22),
                     shapely.box(112.95, 28.18, 113.0, 28.22)], crs=4326).to_crs(4547).to_file(
        path, driver="MapInfo File", layer_options={"ENCODING": "CP936"})
    for part in tmp_path.iterdir():  # the charset of the header (.mif, or .tab), not of the text
        if part.suffix in (".mif", ".tab"):
            part.write_bytes(part.read_bytes().replace(b"WindowsSimpChinese", b"Neutral"))
    assert list(vectors.read_vector(path)["街道名称"]) == ["望月湖街道", "岳麓街道"]


@pytest.mark.parametrize("cpg", ["UTF-16", "utf_32", "cp037", "rot13", "base64", "punycode"])
def test_a_cpg_naming_a_codec_no_dbf_is_written_in_is_passed_over_for_the_records(tmp_path, cpg):
    """A .cpg of a text codec that does not keep ASCII (UTF-16, EBCDIC) gave garbage names; one of no
    text codec at all (rot13, base64) raised LookupError naming no file. The GBK records decide."""
    import geopandas as gpd

    frame = gpd.GeoDataFrame({"名称": ["无影山街道", "北园街道"]},
                             geometry=[shapely.Point(117, 36.6), shapely.Point(117.01, 36.6)], crs=4326)
    frame.to_file(tmp_path / "jd.shp", encoding="gbk")
    (tmp_path / "jd.cpg").write_text(cpg, encoding="ascii")
    read = vectors.read_vector(tmp_path / "jd.shp")
    assert list(read["名称"]) == ["无影山街道", "北园街道"]


_PLACEMARKS = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>天桥</name><Point><coordinates>117.0,36.7</coordinates></Point></Placemark>
<Placemark><name>空的</name><Point><coordinates></coordinates></Point></Placemark>
<Placemark><name>非数</name><Point><coordinates>nan,nan</coordinates></Point></Placemark>
<Placemark><name>半个</name><Point><coordinates>117.0</coordinates></Point></Placemark>
<Placemark><name>没有点</name><Point></Point></Placemark>
<Placemark><name>空线</name><LineString><coordinates></coordinates></LineString></Placemark>
</Document></kml>
"""


def test_a_placemark_without_coordinates_is_read_without_a_geometry_never_at_0_0(tmp_path):
    # GDAL reads a KML placemark whose <coordinates> are empty, nan or cut as POINT (0 0): it was
    # warned of as outside China and measured 18,353 km from the district, as if it were somewhere.
    kml = tmp_path / "places.kml"
    kml.write_text(_PLACEMARKS, encoding="utf-8")
    kmz = tmp_path / "places.kmz"
    with zipfile.ZipFile(kmz, "w") as archive:
        archive.writestr("doc.kml", _PLACEMARKS)
    geojson = tmp_path / "places.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": name}, "geometry": geometry}
        for name, geometry in (("天桥", {"type": "Point", "coordinates": [117.0, 36.7]}), ("空的", None),
                               ("空的", {"type": "Point", "coordinates": []}),
                               ("零", {"type": "Point", "coordinates": [0, 0]}),
                               ("空面", {"type": "Polygon", "coordinates": []}))]}, ensure_ascii=False), encoding="utf-8")
    for path in (kml, kmz, geojson):
        frame = vectors.read_vector(path)
        assert frame.geometry.iloc[0].equals(shapely.Point(117.0, 36.7)), path
        assert frame.geometry.iloc[1:].isna().all(), (path, frame.geometry.to_wkt().tolist())


def _damaged_geopackage(tmp_path, damage):
    import geopandas as gpd

    path = tmp_path / "jd.gpkg"
    gpd.GeoDataFrame({"name": ["北园街道"]}, geometry=[shapely.box(117.0, 36.6, 117.1, 36.7)], crs=4326).to_file(
        path, engine="pyogrio")
    path.write_bytes(damage(path.read_bytes()))
    return path


@pytest.mark.parametrize("damage, said", [
    # a byte of its schema's SQL changed (CREATE as CR\xe6ATE): SQLite's message quoted it, and Python's
    # sqlite3 raised a UnicodeDecodeError decoding that message, an unexpected error naming no file
    (lambda data: data.replace(b"CREATE TRIGGER", b"CR\xe6ATE TRIGGER", 1), "malformed database schema ("),
    # cut short, as a copy stopped half-way leaves it: GDAL's message was its SQL query
    (lambda data: data[:len(data) // 2], "database disk image is malformed)"),
])
def test_a_damaged_geopackage_is_named_as_one_in_one_line(tmp_path, damage, said):
    path = _damaged_geopackage(tmp_path, damage)
    with pytest.raises(InputError) as raised:
        vectors.read_vector(path)
    line = str(raised.value)
    assert "\n" not in line and line.startswith(f"{path}: is a damaged GeoPackage (SQLite: ") and said in line, line


def test_a_geopackage_without_its_tables_is_not_called_damaged(tmp_path):
    import sqlite3

    path = tmp_path / "plain.gpkg"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (name TEXT)")
    with pytest.raises(InputError) as raised:
        vectors.read_vector(path)
    assert "damaged" not in str(raised.value) and "gpkg_contents" in str(raised.value)


def test_a_shapefile_without_its_dbf_nor_its_shx_is_refused_in_one_line_without_a_warning_first(work):
    # 'warning: jd.shp: has no .shx beside it (...): read by indexing its shapes anew', then the error:
    # two lines, the first of a repair that could never be read.
    from click.testing import CliRunner

    from geo.cli import main

    (work / "jd.shp").write_bytes((work / "districts_gbk.shp").read_bytes())
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", "--districts", "jd.shp",
                                       "--name-field", "NAME"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        "geo: error: jd.shp: Shapefile has no .dbf beside it"], result.stderr


@pytest.mark.parametrize("damage, said", [
    (lambda data: data[:len(data) // 2], r"is a zip archive cut short \(its end, the list of its files, is missing"),
    (lambda data: bytes(range(256)) * 8, r"is a damaged zip archive, or none \(File is not a zip file\)$")])
def test_a_damaged_zip_given_as_districts_is_named_as_one_not_by_gdals_vsizip_path(work, damage, said):
    # GDAL's words: "not a readable vector file (/vsizip/' does not exist in the file system, and is not
    # recognized as a supported dataset name.)". One cut in half is named so (seventh sweep).
    with zipfile.ZipFile(work / "jd.zip", "w") as archive:
        for suffix in ("shp", "shx", "dbf", "prj"):
            archive.write(work / f"districts_gbk.{suffix}", f"jd.{suffix}")
    (work / "jd.zip").write_bytes(damage((work / "jd.zip").read_bytes()))
    with pytest.raises(InputError, match=rf"jd\.zip: {said}"):
        vectors.read_vector(work / "jd.zip")


@pytest.mark.parametrize("first, said", [("NaN", "no number (NaN)"), ("Infinity", "no finite number (Infinity)")])
def test_a_geojson_ring_opening_with_nan_is_refused_as_a_coordinate_that_is_no_number(tmp_path, first, said):
    # GDAL cannot close the ring and said "Points of LinearRing do not form a closed linestring".
    path = tmp_path / "jd.geojson"
    ring = "[[%s, 36.68], [117.02, 36.68], [117.02, 36.7], [117.0, 36.7], [117.0, 36.68]]" % first
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "甲"}, '
                    '"geometry": {"type": "Polygon", "coordinates": [%s]}}]}' % ring, encoding="utf-8")
    with pytest.raises(InputError) as info:
        vectors.read_vector(path)
    assert str(info.value) == f"{path}: feature 1 has a coordinate that is {said}"


def test_a_zip_holding_only_another_archive_names_the_one_inside(tmp_path):
    # A download packed twice (资料.zip holding 街道边界.zip): 'is a zip archive holding no Shapefile (.shp) nor
    # other vector file GDAL reads', as if it held nothing.
    import geopandas as gpd

    inner = tmp_path / "inner.zip"
    gpd.GeoDataFrame({"name": ["白石街道"]}, geometry=[shapely.box(117.0, 36.6, 117.1, 36.7)], crs=4326).to_file(
        tmp_path / "jd.shp", engine="pyogrio")
    with zipfile.ZipFile(inner, "w") as archive:
        for part in sorted(tmp_path.glob("jd.*")):
            archive.write(part, part.name)
    path = tmp_path / "青山县资料.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(inner, "青山县/街道边界.zip")
        archive.writestr("说明.txt", "2023年")
    with pytest.raises(InputError) as info:
        vectors.read_vector(path)
    assert str(info.value) == (f"{path}: is a zip archive holding no vector file GDAL reads, but another archive "
                               "(青山县/街道边界.zip): unzip it and give the one inside")


def test_a_zip_holding_a_table_says_so(tmp_path):
    # A gazetteer CSV zipped: 'has no geometry column', GDAL reading its table without coordinates.
    path = tmp_path / "青山县点位.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("点位.csv", "名称,经度,纬度\n白石小学,116.98,36.70\n")
    with pytest.raises(InputError) as info:
        vectors.read_vector(path)
    assert str(info.value) == (f"{path}: is a zip archive holding a table (点位.csv), no vector file: unzip it and "
                               "give the table")


def test_an_esri_json_without_its_spatial_reference_is_told_where_the_crs_goes(tmp_path):
    # An ArcGIS REST answer saved without "spatialReference": 'has no coordinate reference system', nothing
    # said of where an Esri JSON states one.
    path = tmp_path / "青山县街道.json"
    ring = [[116.98, 36.70], [116.98, 36.71], [116.99, 36.71], [116.99, 36.70], [116.98, 36.70]]
    path.write_text(json.dumps({"geometryType": "esriGeometryPolygon", "fields": [{"name": "name", "type":
                                "esriFieldTypeString"}], "features": [{"attributes": {"name": "白石街道"},
                                                                       "geometry": {"rings": [ring]}}]},
                               ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as info:
        vectors.read_vector(path)
    assert str(info.value) == (f"{path}: has no coordinate reference system (an Esri JSON file states it as "
                               '"spatialReference": {"wkid": 4490}: add that, with the code of its coordinates\' CRS)')


@pytest.mark.parametrize("name", ["青山县街道.zip", "青山县街道.kmz"])
def test_a_zip_of_districts_cut_short_is_named_so(tmp_path, name):
    # 'is a damaged zip archive, or none (File is not a zip file)'.
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("doc.kml", '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                                    + "<Placemark><name>白石街道</name></Placemark>" * 200 + "</Document></kml>")
        archive.writestr("readme.txt", "青山县" * 2000)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) * 9 // 10])
    with pytest.raises(InputError) as info:
        vectors.read_vector(path)
    assert str(info.value) == (f"{path}: is a zip archive cut short (its end, the list of its files, is missing: a "
                               "download or copy stopped half-way?); get the whole file again")


def test_a_geopackage_table_without_geometry_says_it_is_an_attribute_table(tmp_path):
    # QGIS or ArcGIS writes a table of points' lon/lat into a GeoPackage as an attribute table: it said
    # 'has no geometry column' alone, naming neither the layer nor that its lon/lat could be read.
    import pandas as pd
    import pyogrio

    path = tmp_path / "青山县点位.gpkg"
    pyogrio.write_dataframe(pd.DataFrame({"名称": ["青山小学"], "经度": [117.001], "纬度": [36.701]}), path,
                            layer="点位表", driver="GPKG")
    with pytest.raises(InputError) as info:
        vectors.read_vector(path)
    assert str(info.value) == (f"{path}: has no geometry column: its layer '点位表' is a table of attributes alone "
                               "(名称, 经度, 纬度); geo reads the lon/lat columns of a CSV or .xlsx table: export the "
                               "layer as one (QGIS: Export > Save Features As…, CSV)")


def _nonearth_mif(tmp_path, x0):
    """青山区's two 街道 as a MapInfo .mif of NonEarth metres (a table drawn or imported without a projection),
    their eastings from ``x0``, in GBK as MapInfo writes them."""
    rings = [[(x0, 3_346_000), (x0 + 4000, 3_346_000), (x0 + 4000, 3_349_000), (x0, 3_349_000), (x0, 3_346_000)],
             [(x0 + 4000, 3_346_000), (x0 + 8000, 3_346_000), (x0 + 8000, 3_349_000), (x0 + 4000, 3_349_000),
              (x0 + 4000, 3_346_000)]]
    regions = "".join("Region 1\n  5\n" + "".join(f"{x} {y}\n" for x, y in ring) for ring in rings)
    path = tmp_path / "jd.mif"
    path.write_bytes(('Version 300\nCharset "WindowsSimpChinese"\nDelimiter ","\nCoordSys NonEarth Units "m" '
                      'Bounds (0, 0) (50000000, 10000000)\nColumns 1\n  名称 Char(20)\nData\n\n' + regions).encode("gbk"))
    path.with_suffix(".mid").write_bytes('"白石街道"\n"青松街道"\n'.encode("gbk"))
    return path


@pytest.mark.parametrize("x0, said", [(40_509_000, "its eastings carry the Gauss-Kruger zone number 40"),
                                      (509_000, "its numbers are metres of a Gauss-Kruger zone")])
def test_a_mapinfo_table_of_nonearth_coordinates_is_said_to_have_no_crs_placing_it_on_the_earth(tmp_path, x0, said):
    # MapInfo's NonEarth (a table drawn, or imported from CAD, without a projection) is a local plane GDAL
    # reads as a CRS: the file was taken as placed, and failed later as `cannot reproject to WGS-84 (Error
    # creating Transformer from CRS.)`, nothing said of what it lacks or which zone its numbers fit.
    path = _nonearth_mif(tmp_path, x0)
    with pytest.raises(InputError, match=rf"jd.mif: has no coordinate reference system placing it on the earth: its "
                                         rf"CRS is a local plane \(MapInfo's NonEarth\); {said}.*Projection\)$"):
        vectors.read_vector(path)
    frame = vectors.read_vector(path, assume_crs="EPSG:4528" if x0 > 1e6 else "EPSG:4549")  # as a file of no CRS
    assert list(frame["名称"]) == ["白石街道", "青松街道"] and frame.crs.to_epsg() in (4528, 4549)


def test_a_shapefile_whose_prj_is_a_local_plane_is_said_to_have_no_crs_placing_it_on_the_earth(tmp_path):
    # A CAD tool's export (LOCAL_CS in its .prj): read as placed, then `cannot reproject to WGS-84`.
    import geopandas as gpd

    path = tmp_path / "jd.shp"
    local = 'LOCAL_CS["Nonearth",UNIT["Meter",1.0],AXIS["Easting",EAST],AXIS["Northing",NORTH]]'
    gpd.GeoDataFrame({"name": ["白石街道"]}, geometry=[shapely.box(40_509_000, 3_346_000, 40_513_000, 3_349_000)],
                     crs=local).to_file(path)
    with pytest.raises(InputError, match=r"jd.shp: has no coordinate reference system placing it on the earth: its CRS "
                                         r"is a local plane; its eastings carry the Gauss-Kruger zone number 40.*; put "
                                         r"a .prj of its CRS in place of its .prj$"):
        vectors.read_vector(path)
