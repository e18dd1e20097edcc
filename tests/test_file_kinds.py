"""A vector file's first bytes against what its name says it is (geo.file_kinds)."""

import json

import pytest
from click.testing import CliRunner

from geo.cli import main
from test_bad_inputs import work  # noqa: F401 - a copy of tests/bad_inputs/ as the current directory


@pytest.mark.parametrize("codec, shown", [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-32", "UTF-32")])
@pytest.mark.parametrize("option", ["--districts", "--outline"])
def test_a_geojson_file_saved_as_utf16_is_named_as_such_not_as_binary(work, codec, shown, option):
    # Notepad's "Unicode" save: 'looks like a binary file, not text (contains NUL bytes, the first at byte 3)'.
    text = json.dumps(json.loads((work / "valid_districts.geojson").read_text(encoding="utf-8")), ensure_ascii=False)
    (work / "wide.geojson").write_bytes(text.encode(codec))
    extra = ["--name-field", "name"] if option == "--districts" else []
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", option, "wide.geojson", *extra])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"geo: error: wide.geojson: is {shown} text, and GeoJSON text must be UTF-8 (RFC 7946); save the file as "
        "UTF-8"], result.stderr


def test_a_geojson_file_of_binary_data_is_still_named_as_binary(work):
    (work / "bin.geojson").write_bytes(b'{"type": "FeatureCollection", "features": [\x00\x01\x02\x00]}')
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", "--districts", "bin.geojson",
                                       "--name-field", "name"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        "geo: error: bin.geojson: looks like a binary file, not text (contains NUL bytes, the first at byte 43)"]


@pytest.mark.parametrize("number", [2**63, 10**19 - 1, 2**64, -2**63 - 1])
def test_a_districts_file_with_an_integer_past_64_bits_in_a_property_is_read_with_it_as_text(work, number):
    # GDAL refused the file: 'not a readable vector file (... Unrecognized number: 9223372036854775808)'.
    data = json.loads((work / "valid_districts.geojson").read_text(encoding="utf-8"))
    for feature in data["features"]:
        feature["properties"]["osm_id"] = number
    (work / "wide.geojson").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", "--districts", "wide.geojson",
                                       "--name-field", "name", "--code-field", "code"])
    assert result.exit_code == 0, result.stderr
    assert f"wide.geojson: {len(data['features'])} value(s) of 'osm_id' are integers beyond a 64-bit integer's range " \
           f"({number}), which GDAL cannot read: read as text" in result.stderr
    stored = json.loads((work / "layers" / "subdistricts.geojson").read_text(encoding="utf-8"))
    assert sorted(f["properties"]["name"] for f in stored["features"]) == \
        sorted(f["properties"]["name"] for f in data["features"])


def test_a_districts_file_whose_bbox_holds_an_integer_past_64_bits_is_read(work):
    # GDAL: 'Unrecognized number: 9223372036854775808'; a member of numbers (bbox, coordinates) keeps them numbers.
    data = json.loads((work / "valid_districts.geojson").read_text(encoding="utf-8"))
    data["bbox"] = [2**63, 0, 1, 1]
    (work / "boxed.geojson").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", "--districts", "boxed.geojson",
                                       "--name-field", "name", "--code-field", "code"])
    assert result.exit_code == 0 and "64-bit" not in result.stderr, result.stderr


def _osm_as(kind, path):
    """The fixture extract written at ``path`` as ``kind`` (xml, gzip, bzip2, pbf), whatever ``path``'s name says."""
    import bz2
    import gzip
    import shutil
    from pathlib import Path

    import osmium

    xml = (Path(__file__).parent / "fixtures" / "mini_tianqiao.osm").read_bytes()
    if kind == "pbf":
        real = path.parent / "real.osm.pbf"
        with osmium.SimpleWriter(str(real)) as writer:
            for obj in osmium.FileProcessor(str(Path(__file__).parent / "fixtures" / "mini_tianqiao.osm")):
                writer.add(obj)
        shutil.copyfile(real, path)
    else:
        path.write_bytes({"xml": xml, "gzip": gzip.compress(xml), "bzip2": bz2.compress(xml)}[kind])
    return path


@pytest.mark.parametrize("kind, name, said", [
    ("pbf", "extract.osm", "is an OSM PBF file, but its name (.osm) says XML: name it to end in .osm.pbf"),
    ("gzip", "extract.osm", "is gzip-compressed data, but its name (.osm) says XML: name it to end in .osm.gz"),
    ("gzip", "extract.osm.bz2", "is gzip-compressed data, but its name (.bz2) says bzip2: name it to end in .osm.gz"),
    ("xml", "extract.osm.bz2", "is XML text, but its name (.bz2) says bzip2: name it to end in .osm"),
    ("xml", "extract.osm.pbf", "is XML text, but its name (.pbf) says PBF: name it to end in .osm"),
])
def test_an_osm_file_whose_content_is_not_what_its_name_says_is_named_as_what_it_is(tmp_path, kind, name, said):
    # osmium reads by the name: 'not a readable OSM file (PBF error: invalid BlobHeader size (> max_blob_header_size))'.
    from geo.io import InputError
    from geo.osm import load_osm

    path = _osm_as(kind, tmp_path / name)
    with pytest.raises(InputError) as info:
        load_osm(path)
    assert str(info.value) == f"{path}: {said} (a renamed or unpacked download?)"


@pytest.mark.parametrize("kind, name", [("xml", "extract.osm"), ("xml", "extract.osm.gz"), ("gzip", "extract.osm.gz"),
                                        ("bzip2", "extract.osm.bz2"), ("pbf", "extract.osm.pbf")])
def test_an_osm_file_named_as_what_it_is_or_unpacked_under_its_gz_name_is_read(tmp_path, kind, name):
    from geo.osm import load_osm

    assert "测试北路" in {e.name for e in load_osm(_osm_as(kind, tmp_path / name))}


@pytest.mark.parametrize("name, pack", [("edits.osc", None), ("edits.osm", None), ("edits.osc.gz", "gzip")])
def test_an_osmchange_file_is_read_for_its_new_objects_and_said_to_be_no_extract(tmp_path, name, pack):
    # Read without a word, as if it were the district's map: then 'no named road ... (an extract of another area?)'.
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<osmChange version="0.6" generator="JOSM"><create>'
            '<node id="-1" lat="30.50" lon="120.75"/><node id="-2" lat="30.50" lon="120.76"/>'
            '<way id="-3"><nd ref="-1"/><nd ref="-2"/><tag k="highway" v="primary"/><tag k="name" v="长安路"/></way>'
            '</create><delete><node id="7" version="2" lat="30.51" lon="120.75"><tag k="amenity" v="school"/>'
            '<tag k="name" v="长安小学"/></node></delete></osmChange>').encode()
    path = tmp_path / name
    if pack:
        import gzip
        text = gzip.compress(text)
    path.write_bytes(text)
    import shapely

    from geo.osm import load_osm

    warnings = []
    assert [e.name for e in load_osm(path, shapely.box(120.60, 30.40, 120.80, 30.60), warnings=warnings)] == ["长安路"]
    assert f"{path}: is an osmChange file (the edits of a changeset, not an extract): only the objects it creates " \
           "or modifies are read, without the map around them; give an extract of the district (.osm, .osm.pbf)" \
           in warnings


def _zipped_districts(work, name, method):
    """valid_districts.geojson zipped as ``name`` (.zip or, as doc.kml, .kmz) with the zip method ``method``."""
    import zipfile

    member = "doc.kml" if name.endswith(".kmz") else "青山县街道.geojson"
    with zipfile.ZipFile(work / name, "w", method) as archive:
        archive.write(work / "valid_districts.geojson", member)
    return member


@pytest.mark.parametrize("name", ["街道.zip", "街道.kmz"])
@pytest.mark.parametrize("method, shown", [(12, "bzip2"), (14, "LZMA")])
def test_a_zip_of_districts_packed_by_a_method_gdal_cannot_unpack_is_named_as_such(work, name, method, shown):
    # 7-Zip's bzip2 or LZMA: 'holds no layer (no features to read)', or 'not a vector file GDAL reads'.
    member = _zipped_districts(work, name, method)
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", "--districts", name, "--name-field",
                                       "name"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"geo: error: {name}: packs its files with {shown} ({member}), which GDAL cannot unpack: zip them again with "
        "the usual method, Deflate (in 7-Zip: Compression method Deflate)"], result.stderr


def test_a_zip_of_districts_encrypted_with_a_password_is_named_as_such(work):
    # 'geo: error: RuntimeError: File ... is encrypted, password required for extraction (rerun with --verbose...)'
    import zipfile

    with zipfile.ZipFile(work / "街道.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for ext in ("shp", "shx", "dbf", "cpg"):
            archive.write(work / f"districts_noprj.{ext}", f"青山县.{ext}")
    data = bytearray((work / "街道.zip").read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        position = 0
        while (position := data.find(signature, position)) >= 0:
            data[position + offset] |= 1
            position += 4
    (work / "街道.zip").write_bytes(bytes(data))
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", "--districts", "街道.zip",
                                       "--name-field", "name"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        "geo: error: 街道.zip: holds members encrypted with a password (青山县.shp、青山县.shx、青山县.dbf…): zip the "
        "files again without a password"], result.stderr


@pytest.mark.parametrize("name, packing", [("青山县.osm.xz", "xz"), ("青山县.osm.7z", "7-Zip"), ("青山县.osm.zst", "Zstandard")])
def test_an_osm_download_packed_in_a_way_osmium_cannot_unpack_is_named_as_such(tmp_path, name, packing):
    # 'not a readable OSM file (Could not detect file format for filename '…/青山县.osm.xz'.)'.
    import lzma

    from geo.io import InputError
    from geo.osm import load_osm

    path = tmp_path / name
    path.write_bytes(lzma.compress(b'<osm version="0.6"/>'))
    with pytest.raises(InputError) as info:
        load_osm(path)
    assert str(info.value) == (f"{path}: is packed with {packing}, which osmium cannot unpack: unpack it and give the "
                               ".osm inside, or download the extract as .osm.pbf")


def _districts_as(work, change):
    """valid_districts.geojson as ``青山县街道.json`` after ``change`` (of its parsed collection)."""
    collection = json.loads((work / "valid_districts.geojson").read_text(encoding="utf-8"))
    change(collection)
    (work / "青山县街道.json").write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", "--districts", "青山县街道.json",
                                     "--name-field", "name"])


def test_an_echarts_map_file_of_encoded_coordinates_is_named_as_such(work):
    # 'has no geometries (every feature's geometry is null or empty)'.
    def encode(collection):  # as echarts-map's files: UTF8Encoding, each ring a string, encodeOffsets beside it
        collection["UTF8Encoding"] = True
        for feature in collection["features"]:
            geometry = feature["geometry"]
            rings = geometry["coordinates"] if geometry["type"] == "Polygon" else geometry["coordinates"][0]
            geometry.update(type="Polygon", coordinates=["@@BDFH" for _ in rings], encodeOffsets=[[119808, 37580]])

    result = _districts_as(work, encode)
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        "geo: error: 青山县街道.json: is an ECharts map file (\"UTF8Encoding\": its coordinates are encoded as text, to "
        "some 100 m): give a GeoJSON of plain lon/lat numbers (DataV.GeoAtlas, 天地图, or the source the map was made "
        "from)"], result.stderr


def test_a_geojson_giving_its_coordinates_as_text_is_told_they_must_be_numbers(work):
    # 'has no geometries (every feature's geometry is null or empty)'.
    def quoted(value):
        return [quoted(item) for item in value] if isinstance(value, list) else str(value)

    def as_text(collection):
        for feature in collection["features"]:
            feature["geometry"]["coordinates"] = quoted(feature["geometry"]["coordinates"])

    result = _districts_as(work, as_text)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("geo: error: 青山县街道.json: gives its coordinates as text ('11") and \
        result.stderr.endswith("in quotes), not as numbers: GeoJSON coordinates are numbers (RFC 7946); save them "
                               "without the quotes\n")


@pytest.mark.parametrize("head, said", [(b"PAR1", "is a Parquet file (GeoParquet?), which this GDAL cannot read "
                                                  "(it has no Parquet driver)"),
                                        (b"ARROW1\x00\x00", "is an Arrow IPC file (Feather?), which this GDAL cannot "
                                                            "read (it has no Arrow driver)")])
def test_a_columnar_file_gdal_has_no_driver_for_is_named_not_a_missing_library(tmp_path, monkeypatch, head, said):
    # GDAL said "not a readable vector file (libduckdb.so: cannot open shared object file ...)"
    import pyogrio

    from geo.gazetteer_files import load_file
    from geo.io import InputError
    from geo.vectors import read_vector

    drivers = {k: v for k, v in pyogrio.list_drivers().items() if k not in ("Parquet", "Arrow")}
    monkeypatch.setattr(pyogrio, "list_drivers", lambda *a, **k: drivers)
    path = tmp_path / "青山县街道.parquet"
    path.write_bytes(head + bytes(200) + b"PAR1")
    with pytest.raises(InputError) as caught:
        read_vector(path)
    assert said in str(caught.value) and "save it as a GeoPackage" in str(caught.value)
    with pytest.raises(InputError, match="which this GDAL cannot read"):
        load_file(path, datum="wgs84")


@pytest.mark.parametrize("wrap, said", [
    (lambda c: {"type": "Feature", "properties": {}, "geometry": None, "features": c["features"]},
     "is a GeoJSON Feature holding 2 features in its 'features' member"),
    (lambda c: {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": None,
                                                            "features": c["features"]}]},
     "is a GeoJSON FeatureCollection whose feature 1 holds 2 features in its 'features' member"),
    (lambda c: {"type": "FeatureCollection", "features": [c]},
     "is a GeoJSON FeatureCollection whose feature 1 holds 2 features in its 'features' member")])
def test_a_geojson_collection_nested_in_a_feature_is_named_as_such(work, wrap, said):
    # A collection wrapped in a Feature (or given as a collection's one feature), as a script that nests
    # one answer in another writes it: GDAL reads the outer Feature alone, without geometry or columns:
    # "--name-field 'name' is not a column (columns:)", or "contains no features".
    collection = json.loads((work / "valid_districts.geojson").read_text(encoding="utf-8"))
    collection["features"] = collection["features"][:2]
    (work / "青山县街道.geojson").write_text(json.dumps(wrap(collection), ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", "--districts", "青山县街道.geojson",
                                       "--name-field", "name"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"geo: error: 青山县街道.geojson: {said}, which GDAL does not read (it reads the outer object alone, without "
        "them): save the inner FeatureCollection as the file"], result.stderr


def test_a_gazetteer_geojson_nested_in_a_feature_is_named_as_such(tmp_path):
    # 'gazetteer needs a 'name' column (or '名称'; found:)'.
    from geo.gazetteer_files import load_file
    from geo.io import InputError

    inner = [{"type": "Feature", "properties": {"name": "白石小学"}, "geometry": {"type": "Point",
                                                                              "coordinates": [116.98, 36.7]}}]
    path = tmp_path / "青山县点位.geojson"
    path.write_text(json.dumps({"type": "Feature", "geometry": None, "properties": None, "features": inner},
                               ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_file(path)
    assert str(info.value).startswith(f"{path}: is a GeoJSON Feature holding 1 feature in its 'features' member")


@pytest.mark.parametrize("head, kind", [(b"Rar!\x1a\x07\x01\x00", "a RAR archive"), (b"Rar!\x1a\x07\x00", "a RAR archive"),
                                        (b"7z\xbc\xaf\x27\x1c\x00\x04", "a 7-Zip archive")])
@pytest.mark.parametrize("name", ["青山县街道.rar", "青山县街道.zip", "青山县街道.shp"])
def test_an_archive_gdal_cannot_open_is_named_whatever_its_name(tmp_path, head, kind, name):
    # WinRAR, 360压缩 and 7-Zip pack most downloads: 'not a vector file GDAL reads (GeoJSON, …)', or, named .zip,
    # 'is a damaged zip archive, or none (File is not a zip file)'.
    from geo.gazetteer_files import load_file
    from geo.io import InputError

    path = tmp_path / name
    path.write_bytes(head + bytes(200))
    with pytest.raises(InputError) as info:
        load_file(path)
    assert str(info.value) == (f"{path}: is {kind}, which GDAL cannot open: unpack it (WinRAR, 7-Zip) and give the "
                               "Shapefile, GeoPackage or GeoJSON inside, or zip those files")


@pytest.mark.parametrize("option", ["--districts", "--outline"])
def test_a_geojson_of_districts_over_the_size_limit_is_refused_as_the_readme_says(work, option):
    # "Files read whole as text (a gazetteer CSV, a GeoJSON of 街道, an Overpass answer) are held to the same
    # limit": a GeoJSON given to GDAL was read whole (twice) whatever its size.
    collection = json.loads((work / "valid_districts.geojson").read_text(encoding="utf-8"))
    collection["features"][0]["properties"]["备注"] = "白" * 400_000  # 1.2 MB in UTF-8
    (work / "青山县街道.geojson").write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    extra = ["--name-field", "name"] if option == "--districts" else []
    result = CliRunner().invoke(main, ["join", "-p", "valid_projects.geojson", "--max-size", "1", option,
                                       "青山县街道.geojson", *extra])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        "geo: error: 青山县街道.geojson: is over the 1 MB size limit (raise it with --max-size MB or GEO_MAX_REPORT_MB)"
    ], result.stderr


def _point(name, kind="Feature"):
    feature = {"type": kind, "properties": {"name": name}, "geometry": {"type": "Point", "coordinates": [116.98, 36.7]}}
    return {key: value for key, value in feature.items() if value is not None}


@pytest.mark.parametrize("kind, said", [("feature", "has type 'feature', not 'Feature' (GeoJSON's types are "
                                                    "case-sensitive)"),
                                        (None, "has no \"type\": \"Feature\"")])
def test_a_feature_gdal_leaves_out_for_its_type_is_named(tmp_path, kind, said):
    # GDAL reads no feature whose type is 'feature' or missing: 'gazetteer has no entries', or with others
    # beside it, the gazetteer read without it and without a word.
    from geo.gazetteer_files import load_file
    from geo.io import InputError

    path = tmp_path / "青山县点位.geojson"
    features = [_point("白石小学"), _point("青山公园", kind)]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_file(path)
    assert str(info.value) == f"{path}: feature 2 {said}, which GDAL does not read: write its type as \"Feature\""


def test_a_json_array_of_features_is_told_to_be_a_feature_collection(tmp_path):
    # 'not a vector file GDAL reads (GeoJSON, GeoPackage, Shapefile, KML, GPX...)'.
    from geo.gazetteer_files import load_file
    from geo.io import InputError

    path = tmp_path / "青山县点位.json"
    path.write_text(json.dumps([_point("白石小学")], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_file(path)
    assert str(info.value) == (f"{path}: is a JSON array of 1 feature, not a GeoJSON FeatureCollection: write it as "
                               '{"type": "FeatureCollection", "features": [...]}')


@pytest.mark.parametrize("head, kind", [(b"Rar!\x1a\x07\x01\x00", "a RAR archive"), (b"7z\xbc\xaf\x27\x1c\x00\x04", "a 7-Zip archive")])
@pytest.mark.parametrize("name", ["青山县.osm.pbf", "青山县.osm", "青山县.osm.bz2"])
def test_an_osm_download_that_is_an_archive_under_an_osm_name_is_named_as_one(tmp_path, head, kind, name):
    # A download re-packed by WinRAR or 7-Zip and named as the extract: 'not a readable OSM file (PBF error: invalid
    # BlobHeader size (> max_blob_header_size))', 'XML parsing error at line 1', 'bzip2 error'.
    from geo.io import InputError
    from geo.osm import load_osm

    path = tmp_path / name
    path.write_bytes(head + bytes(300))
    with pytest.raises(InputError) as info:
        load_osm(path)
    assert str(info.value) == (f"{path}: is {kind}, which osmium cannot unpack: unpack it and give the .osm inside, "
                               "or download the extract as .osm.pbf")
