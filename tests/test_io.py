"""Safe I/O: atomic writes, deterministic RFC 7946 GeoJSON, input checks."""

import json

import pytest
import shapely

from geo import io
from geo.io import InputError


def test_check_input_file_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        io.check_input_file(empty)
    with pytest.raises(InputError, match="is a directory"):
        io.check_input_file(tmp_path)
    with pytest.raises(InputError, match="not found"):
        io.check_input_file(tmp_path / "missing.txt")


def test_a_folder_of_upper_case_shapefiles_reads_and_a_folder_without_one_is_refused(tmp_path):
    import geopandas as gpd

    folder = tmp_path / "jd"
    folder.mkdir()
    gpd.GeoDataFrame({"name": ["北园街道"]}, geometry=[shapely.box(117.0, 36.6, 117.1, 36.7)], crs=4326).to_file(
        folder / "jd.shp", engine="pyogrio")
    for file in list(folder.iterdir()):
        file.rename(folder / file.name.upper())  # JD.SHP, JD.DBF, JD.PRJ...: copied from Windows
    assert list(io.read_vector(folder)["name"]) == ["北园街道"]
    assert io.shapefiles_in(folder) == [folder / "JD.SHP"]
    (folder / "JD.SHP").unlink()
    with pytest.raises(InputError, match="is a directory"):
        io.read_vector(folder)


def test_a_shapefiles_damaged_prj_is_named_and_a_missing_one_asked_for(tmp_path):
    import geopandas as gpd

    path = tmp_path / "jd.shp"
    gpd.GeoDataFrame({"name": ["北园街道"]}, geometry=[shapely.box(117.0, 36.6, 117.1, 36.7)], crs=4326).to_file(
        path, engine="pyogrio")
    assert io.dbf_fields(io.dbf_sample(open(path.with_suffix(".dbf"), "rb"))) == ["name"]
    path.with_suffix(".prj").write_text('GEOGCS["GCS_WGS_1984",DATUM[', encoding="ascii")  # cut short
    with pytest.raises(InputError, match=r"jd.shp: has a coordinate reference system \(its .prj\) GDAL cannot read"):
        io.read_vector(path)
    path.with_suffix(".prj").write_text("GARBAGE", encoding="ascii")  # GDAL reads no CRS from it, silently
    with pytest.raises(InputError, match=r"jd.shp: has no coordinate reference system \(its .prj names none"):
        io.read_vector(path)
    path.with_suffix(".prj").unlink()
    with pytest.raises(InputError, match=r"jd.shp: has no coordinate reference system \(add a .prj file"):
        io.read_vector(path)


def test_atomic_write_keeps_old_file_when_writer_fails(tmp_path):
    target = tmp_path / "out.geojson"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with io.atomic_path(target) as tmp:
            tmp.write_text("half", encoding="utf-8")
            raise RuntimeError("crash mid-write")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.geojson"]  # no temp file left


def test_atomic_write_into_a_file_path_fails_cleanly(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    with pytest.raises(InputError, match="is a file, expected an output directory"):
        io.write_text_atomic(blocker / "out.txt", "data")


def test_feature_collection_is_deterministic_rfc7946(tmp_path):
    clockwise = shapely.Polygon([(117, 36), (117, 36.1), (117.1, 36.1), (117.1, 36)])
    features = [{"id": "b", "properties": {"名称": "乙", "z": 1, "a": float("nan")}, "geometry": clockwise},
                {"id": "a", "properties": {"名称": "甲"}, "geometry": shapely.Point(117.123456789, 36.1)}]
    text = io.feature_collection_text(features, name="t")
    assert text == io.feature_collection_text(features, name="t")
    data = json.loads(text)
    ring = data["features"][0]["geometry"]["coordinates"][0]
    area2 = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))
    assert area2 > 0  # counter-clockwise exterior (RFC 7946 right-hand rule)
    assert data["features"][1]["geometry"]["coordinates"] == [117.1234568, 36.1]
    assert data["features"][0]["properties"] == {"a": None, "z": 1, "名称": "乙"}
    assert "甲" in text  # not \\u-escaped: readable diffs


@pytest.mark.parametrize("content, problem", [
    ('{"type": "FeatureCollection", "features": [', "invalid JSON"),
    ('[1, 2]', "expected a GeoJSON FeatureCollection"),
    ('{"type": "Feature", "geometry": null, "properties": {}}', "found 'Feature'"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
     '"geometry": {"type": "Point", "coordinates": [NaN, 1]}}]}', "NaN or infinite"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
     '"geometry": {"type": "Polygon", "coordinates": [[1, 2]]}}]}', "invalid geometry"),
])
def test_read_feature_collection_errors(tmp_path, content, problem):
    path = tmp_path / "p.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        io.read_feature_collection(path)


def test_input_error_is_one_line_whatever_the_problem_quotes():
    error = InputError("g.csv", "line 2: bad coordinates (IllegalArgumentException: point array\nmust contain 0 or >1 elements\n)")
    assert str(error) == "g.csv: line 2: bad coordinates (IllegalArgumentException: point array must contain 0 or >1 elements)"


def test_geojson_not_in_utf8_is_told_to_be_utf8(tmp_path):
    path = tmp_path / "g.geojson"
    path.write_bytes('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "泺口"}, '
                     '"geometry": {"type": "Point", "coordinates": [117.0, 36.7]}}]}'.encode("gbk"))
    with pytest.raises(InputError, match=r"GeoJSON text must be UTF-8 \(RFC 7946\)") as caught:
        io.read_vector(path)
    assert ".cpg" not in str(caught.value)


def test_geojson_declaring_an_unknown_crs_is_refused(tmp_path):
    path = tmp_path / "d.geojson"
    collection = {"type": "FeatureCollection",
                  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::999999"}},
                  "features": [{"type": "Feature", "properties": {"name": "a"},
                                "geometry": {"type": "Point", "coordinates": [117.0, 36.7]}}]}
    path.write_text(json.dumps(collection), encoding="utf-8")
    with pytest.raises(InputError, match="unknown coordinate reference system 'urn:ogc:def:crs:EPSG::999999'"):
        io.read_vector(path)
    collection["crs"]["properties"]["name"] = "urn:ogc:def:crs:EPSG::4490"
    path.write_text(json.dumps(collection), encoding="utf-8")
    assert io.read_vector(path).crs.to_epsg() == 4490


def _deep_json(depth=100_000):
    return '{"type": "FeatureCollection", "features": ' + "[" * depth + "]" * depth + "}"


def test_a_deeply_nested_json_file_is_refused_with_its_file_name(tmp_path):
    path = tmp_path / "deep.geojson"
    path.write_text(_deep_json(), encoding="utf-8")
    with pytest.raises(InputError, match=r"deep\.geojson: JSON nested too deeply \(not a GeoJSON file\?\)$"):
        io.read_feature_collection(path)
    with pytest.raises(InputError, match=r"deep\.geojson: JSON nested too deeply"):
        io.read_vector(path)  # GDAL alone would only say the file is "not recognized"


def test_parse_json_names_the_file_and_what_it_should_be():
    with pytest.raises(InputError, match=r"^x\.json: JSON nested too deeply \(not an Overpass answer\?\)$"):
        io.parse_json("[" * 100_000, "x.json", kind="an Overpass answer")
    assert io.parse_json("[[1]]", "x.json") == [[1]]


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
        io.read_vector(path)


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
        io.read_vector(path)


def test_an_unreadable_file_is_named_as_permission_denied(tmp_path, monkeypatch):
    import os

    path = tmp_path / "report.txt"
    path.write_text("报告", encoding="utf-8")
    access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if str(p) == str(path) else access(p, mode, **kw))
    with pytest.raises(InputError, match=r"report\.txt: permission denied \(not readable\)$"):
        io.check_input_file(path)


def test_a_table_without_geometry_is_refused_as_having_no_geometry_column(tmp_path):
    import openpyxl

    path = tmp_path / "jiedao.xlsx"  # a spreadsheet OGR reads as a table of attributes only
    book = openpyxl.Workbook()
    book.active.append(["name", "code"])
    book.active.append(["无影山街道", "370105001"])
    book.save(path)
    with pytest.raises(InputError, match=r"jiedao\.xlsx: has no geometry column$"):
        io.read_vector(path)


@pytest.mark.parametrize("cpg", [b"\x00\x00", b"UTF\x008", b"no such codec"])
def test_a_cpg_naming_no_codec_lets_the_records_decide(tmp_path, cpg):
    import geopandas as gpd

    path = tmp_path / "jd.shp"
    gpd.GeoDataFrame({"name": ["无影山街道"]}, geometry=[shapely.Point(117.0, 36.7).buffer(0.01)],
                     crs=4326).to_file(path, encoding="gbk")
    path.with_suffix(".cpg").write_bytes(cpg)
    assert list(io.read_vector(path)["name"]) == ["无影山街道"]


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
        sample = io.dbf_sample(handle)
    assert len(sample) < len(data) / 10 and (len(sample) - header) % record == 0  # whole records only
    assert io.dbf_records_codec(sample) in ("gbk", "gb18030")
    assert list(io.read_vector(path)["name"][:3]) == names[:3]
