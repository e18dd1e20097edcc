"""OSM as tables: GDAL's OSM driver layers (ogr2ogr, QGIS) and QuickOSM results, read as OSM tags, like an .osm.

The GDAL fixtures are real: a small .osm XML converted by the GDAL pyogrio bundles (its OSM
driver, default osmconf.ini), layer by layer, into what ``ogr2ogr -f GPKG`` writes.
"""

import json
import zipfile

import geopandas as gpd
import pyogrio
import pytest
import shapely

from geo.gazetteer import Gazetteer
from geo.io import InputError
from geo.osm import load_osm
from geo.osm_tables import is_osm_table, parse_other_tags, read_tables

from osm_xml import write_osm_xml

pytestmark = pytest.mark.skipif("OSM" not in pyogrio.list_drivers(),
                                reason="the GDAL bundled with pyogrio has no OSM driver: no real fixtures can be made")

DISTRICT = shapely.box(116.95, 36.65, 117.05, 36.75)  # around 天桥区, Jinan
LAYERS = ("points", "lines", "multilinestrings", "multipolygons", "other_relations")
HOSTILE = {"alt_name": 'a "quoted" => value\\ back\\', "old_name": 'x","y"=>"z', "name:zh-Hant": "北園大街",
           "official_name": "北园大街, 北段", "loc_name": "=>"}


def _osm(tmp_path, ways=(), pois=(), relations=(), name="extract.osm"):
    """An OSM XML file: ``ways`` ``(id, [(lon, lat), ...], tags)`` (nodes numbered in order),
    ``pois`` ``(id, (lon, lat), tags)``, ``relations`` ``(id, [way ids], tags)``."""
    return write_osm_xml(tmp_path / name, ways, pois, relations, share_nodes=True)


def _gdal(osm, target, layers=LAYERS, driver="GPKG"):
    """What ``ogr2ogr -f GPKG target osm`` writes: every layer of GDAL's OSM driver, read by it."""
    for layer in layers:
        frame = pyogrio.read_dataframe(osm, layer=layer)
        info = pyogrio.read_info(osm, layer=layer)
        options = {"layer": layer} if driver in ("GPKG", "SQLite") else {}
        out = target if driver in ("GPKG", "SQLite") else target / f"{layer}.shp"
        pyogrio.write_dataframe(frame, out, driver=driver, geometry_type=info["geometry_type"], **options)
    return target


def _extract(tmp_path):
    return _osm(tmp_path, ways=[
        (10, [(116.98, 36.70), (117.00, 36.70)], {"highway": "primary", "name": "北园大街", "ref": "G104"}),
        (11, [(117.00, 36.70), (117.02, 36.70)], {"highway": "primary", "name": "北园大街", "lanes": "4"}),
        (12, [(116.99, 36.71), (117.00, 36.71), (117.00, 36.712), (116.99, 36.712), (116.99, 36.71)],
         {"leisure": "park", "name": "测试公园"}),
        (13, [(116.96, 36.73), (117.04, 36.74)], {"waterway": "river", "name": "小清河"}),
        (14, [(117.03, 36.66), (117.03, 36.68)], {"highway": "trunk"}),  # unnamed: a member of G220 only
        (15, [(117.03, 36.68), (117.03, 36.69)], {"highway": "trunk", "name": "二环东路"}),
        (16, [(117.01, 36.72), (117.02, 36.72)], {"highway": "residential"}),  # nothing to find it by
        (17, [(117.04, 36.73), (117.045, 36.73), (117.045, 36.735), (117.04, 36.735), (117.04, 36.73)], {}),
        (18, [(117.041, 36.731), (117.043, 36.731), (117.043, 36.733), (117.041, 36.731)], {}),
        (30, [(121.40, 31.20), (121.42, 31.20)], {"highway": "primary", "name": "远方路"}),  # Shanghai
    ], pois=[
        (9001, (117.004, 36.72), {"amenity": "school", "name": "北园小学"}),
        (9002, (117.01, 36.705), {"amenity": "hospital", "name": "测试人民医院", "name:en": "Test Hospital"}),
        (9003, (117.005, 36.715), {"place": "village", "name": "测试村"}),  # a place: not read
    ], relations=[
        (900, [(14, ""), (15, "")], {"type": "route", "route": "road", "ref": "220", "network": "CN:national"}),
        (901, [(17, "outer"), (18, "inner")], {"type": "multipolygon", "landuse": "residential", "name": "测试小区"}),
        (902, [(13, "main_stream")], {"type": "waterway", "waterway": "river", "name": "小清河"}),
    ])


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gdal")
    osm = _extract(folder)
    return osm, _gdal(osm, folder / "extract.gpkg")


@pytest.fixture(scope="module")
def entries(made):
    return {e.name: e for e in load_osm(made[1], DISTRICT)}


def _summary(entries):
    def one(geom):  # a Shapefile has no multi-polygons of one part
        return geom.geoms[0] if geom.geom_type == "MultiPolygon" and len(geom.geoms) == 1 else geom

    return sorted((e.name, e.extra["osm_ids"], e.category, e.feature_type, one(e.geometry).normalize().wkt)
                  for e in entries)


def test_gdal_layers_read_as_the_osm_file_they_were_made_from(made):
    osm, gpkg = made
    assert is_osm_table(gpkg)
    from_table = _summary(load_osm(gpkg, DISTRICT))
    # Same roads, POIs and areas, geometries and categories; the table knows unnamed way 14 only
    # as part of its route relation's course.
    assert [(n, ids.replace("r900", "w14"), *rest) for n, ids, *rest in from_table] == _summary(load_osm(osm, DISTRICT))


def test_gdal_layers_saved_as_sqlite_read_as_the_geopackage(made, tmp_path):
    # `ogr2ogr -f SQLite` (or QGIS saving the OSM layers to SpatiaLite): `not a readable OSM file (Could not detect
    # file format for filename '…sqlite')`, where the same layers in a GeoPackage were read.
    osm, gpkg = made
    sqlite = _gdal(osm, tmp_path / "extract.sqlite", driver="SQLite")
    assert is_osm_table(sqlite)
    assert _summary(load_osm(sqlite, DISTRICT)) == _summary(load_osm(gpkg, DISTRICT))


def test_a_road_of_two_ways_is_one_road_found_by_its_name_and_its_code(entries):
    road = entries["北园大街"]
    assert road.extra["osm_ids"] == "w10;w11" and road.geometry.geom_type == "LineString"
    assert road.geometry.length == pytest.approx(0.04)
    assert road.source == "GDAL OSM layers extract.gpkg (© OpenStreetMap contributors, ODbL)"
    gazetteer = Gazetteer().add_tier("OSM extract", list(entries.values()))
    assert gazetteer.lookup("北园大街").entry.extra["osm_ids"] == "w10;w11"
    for name in ("104国道", "G104"):  # ref=G104 is in way 10's other_tags
        assert gazetteer.lookup(name).entry.extra["osm_ids"] == "w10"
    assert not any("w16" in e.extra["osm_ids"] for e in entries.values())


def test_a_school_nodes_amenity_in_other_tags_gives_the_school_category(entries):
    school = entries["北园小学"]
    assert school.category == "school" and school.feature_type == "facility"
    assert school.geometry.geom_type == "Point" and school.extra["osm_ids"] == "n9001"
    assert entries["测试人民医院"].category == "health"
    assert entries["测试村"].category == "village"  # place=village: a village's project is sited there


def test_a_park_is_an_area_a_multipolygon_relation_too(entries):
    park = entries["测试公园"]
    assert park.feature_type == "area" and park.category == "park" and park.extra["osm_ids"] == "w12"
    assert park.geometry.area == pytest.approx(0.00002)
    estate = entries["测试小区"]
    assert estate.extra["osm_ids"] == "r901" and estate.geometry.area == pytest.approx(0.000025 - 0.000002)


def test_a_road_route_relation_names_its_member_ways_and_stands_for_the_unnamed_ones(entries):
    # Way 14 has no name (not read); the relation's course in multilinestrings stands for it.
    g220 = entries["G220"]
    assert g220.extra["osm_ids"] == "r900;w15" and g220.geometry.length == pytest.approx(0.03)
    assert entries["二环东路"].extra["osm_ids"] == "w15"
    assert Gazetteer().add_tier("OSM extract", [g220]).lookup("220国道").entry is g220


def test_features_beyond_the_district_are_not_read(made, entries):
    assert "远方路" not in entries
    outside = []
    load_osm(made[1], DISTRICT, outside=outside)
    assert "远方路" not in {e.name for e in outside}  # beyond the read window: not even loaded
    assert "远方路" in {e.name for e in load_osm(made[1])}


def _two_point_ring_blob():
    """A GeoPackage geometry (no envelope, EPSG:4326) of a polygon whose ring has two points, as
    GDAL writes an area of an extract cut at its edge: GEOS cannot build it."""
    import struct

    wkb = struct.pack("<BIII4d", 1, 3, 1, 2, 117.041, 36.731, 117.043, 36.731)
    return b"GP\x00\x01" + struct.pack("<i", 4326) + wkb


def test_a_layer_feature_whose_ring_cannot_be_built_is_left_out_with_a_warning(tmp_path):
    # A real extract (Helsinki's, cut at its edge) converted by ogr2ogr: the whole file was refused.
    import sqlite3

    gpkg = _gdal(_extract(tmp_path), tmp_path / "cut.gpkg")
    with sqlite3.connect(gpkg) as db:
        column = db.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = 'multipolygons'").fetchone()[0]
        for (trigger,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            db.execute(f'DROP TRIGGER "{trigger}"')  # the spatial index's, which call SpatiaLite's functions
        db.execute(f"UPDATE multipolygons SET {column} = ? WHERE name = '测试公园'", (_two_point_ring_blob(),))
    warnings = []
    entries = {e.name for e in load_osm(gpkg, warnings=warnings)}
    assert "测试公园" not in entries and {"北园大街", "小清河"} <= entries
    assert warnings == [f"{gpkg} (layer multipolygons): 1 feature(s) without a geometry that can be built (a ring of "
                        "fewer than four points: an extract cut at its edge?) left out"]


def test_a_category_does_not_depend_on_the_order_of_tags():
    from geo.osm_tags import osm_category

    stop = {"railway": "tram_stop", "public_transport": "stop_position", "name": "Simonkatu"}
    assert osm_category(stop) == osm_category(dict(reversed(stop.items()))) == "rail"


def test_hostile_other_tags_read_as_osm_wrote_them(tmp_path):
    osm = _osm(tmp_path, ways=[(10, [(116.98, 36.70), (117.00, 36.70)],
                                {"highway": "primary", "name": "北园大街", **HOSTILE})])
    gpkg = _gdal(osm, tmp_path / "hostile.gpkg", layers=("lines",))
    ((tags, object_id, _),) = read_tables(gpkg)
    assert object_id == "w10" and tags == {"highway": "primary", "name": "北园大街", **HOSTILE}
    road = load_osm(gpkg)[0]
    assert set(road.aliases) >= {HOSTILE["alt_name"], "北園大街", "北园大街, 北段"}
    assert road.former_names == (HOSTILE["old_name"],)


@pytest.mark.parametrize("text, tags", [
    ('"ref"=>"G104","oneway"=>"yes","name:zh"=>"北园大街"', {"ref": "G104", "oneway": "yes", "name:zh": "北园大街"}),
    ('"a"=>"x\\",\\"b\\"=>\\"y"', {"a": 'x","b"=>"y'}),  # a quoted pair inside a value
    ('"k\\"ey"=>"\\\\", "n" => NULL ,"e"=>""', {'k"ey': "\\", "e": ""}),
    ('"note"=>"line one\nline two"', {"note": "line one\nline two"}),
    ('{"ref": "G104", "name:zh": "北园大街"}', {"ref": "G104", "name:zh": "北园大街"}),  # TAGS_FORMAT=JSON
    ("", {}),
])
def test_other_tags_strings_parse_without_eval(text, tags):
    assert parse_other_tags(text) == (tags, False)


@pytest.mark.parametrize("text", ['"ref"=>"G104" "x"=>"y"', '"ref"=>G104', '"ref"=>"G104', "__import__('os')",
                                  '"a"=>"b",,"c"=>"d"'])
def test_broken_other_tags_strings_are_refused(text):
    with pytest.raises(InputError, match=r"^lines.gpkg: w1: other_tags is not a list of"):
        parse_other_tags(text, label="lines.gpkg: w1")


def test_other_tags_cut_at_a_shapefiles_field_limit_keep_their_first_pairs(tmp_path):
    many = {f"name:l{i}": f"北园大街{i}号" for i in range(30)}
    osm = _osm(tmp_path, ways=[(10, [(116.98, 36.70), (117.00, 36.70)],
                                {"highway": "primary", "name": "北园大街", **many, "ref": "G104"})])
    folder = tmp_path / "shp"
    folder.mkdir()
    with pytest.warns(RuntimeWarning, match="truncated"):  # GDAL's own word, when it wrote the .dbf
        _gdal(osm, folder, layers=("lines",), driver="ESRI Shapefile")
    warnings = []
    ((tags, _, _),) = read_tables(folder / "lines.shp", warnings=warnings)
    assert tags["name:l0"] == "北园大街0号" and "ref" not in tags  # the ref came after the cut
    assert warnings == [f"{folder / 'lines.shp'}: other_tags of 1 feature(s) cut at the Shapefile's 254-byte limit; "
                        "the tags after the cut are lost (save the layers as GeoPackage to keep them)"]


@pytest.mark.filterwarnings("ignore:Normalized/laundered field name")  # admin_level: a .dbf's 10 characters
def test_shapefiles_a_folder_a_zip_and_geojson_read_as_the_geopackage(made, tmp_path):
    osm, gpkg = made
    folder = tmp_path / "layers"
    folder.mkdir()
    _gdal(osm, folder, layers=("points", "lines", "multilinestrings", "multipolygons"), driver="ESRI Shapefile")
    archive = tmp_path / "layers.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for file in sorted(folder.iterdir()):
            zipped.write(file, file.name)
    expected = _summary(load_osm(gpkg, DISTRICT))
    for path in (folder, archive):
        assert _summary(load_osm(path, DISTRICT)) == expected, path
    geojson = tmp_path / "lines.geojson"
    pyogrio.read_dataframe(gpkg, layer="lines").to_file(geojson, driver="GeoJSON")  # QGIS "Save features as"
    # The lines layer alone: no G220, whose relation is in multilinestrings.
    assert {e.name for e in load_osm(geojson, DISTRICT)} == {"北园大街", "G104", "二环东路", "小清河"}


@pytest.mark.filterwarnings("ignore:Normalized/laundered field name")
def test_a_folder_of_upper_case_shapefiles_reads_as_the_geopackage(made, tmp_path):
    # A folder copied from Windows: LINES.SHP, LINES.DBF ... (the extension's case is the tool's)
    osm, gpkg = made
    folder = tmp_path / "layers"
    folder.mkdir()
    _gdal(osm, folder, layers=("points", "lines", "multilinestrings", "multipolygons"), driver="ESRI Shapefile")
    for file in list(folder.iterdir()):
        file.rename(folder / file.name.upper())
    assert _summary(load_osm(folder, DISTRICT)) == _summary(load_osm(gpkg, DISTRICT))


def test_layers_promoted_to_multi_read_as_the_geopackage(made, tmp_path):
    # ogr2ogr -nlt PROMOTE_TO_MULTI (QGIS "Force multi-type"): a node is a MultiPoint, a way a MultiLineString
    osm, gpkg = made
    multi = tmp_path / "multi.gpkg"
    for layer in ("points", "lines", "multilinestrings", "multipolygons"):
        pyogrio.write_dataframe(pyogrio.read_dataframe(osm, layer=layer), multi, layer=layer, promote_to_multi=True)
    assert pyogrio.read_info(multi, layer="points")["geometry_type"] == "MultiPoint"
    assert _summary(load_osm(multi, DISTRICT)) == _summary(load_osm(gpkg, DISTRICT))


def test_a_geopackages_other_layers_are_skipped_and_a_copied_layer_read_once(made, tmp_path):
    import shutil

    path = tmp_path / "project.gpkg"
    shutil.copy(made[1], path)
    gpd.GeoDataFrame({"name": ["天桥区"]}, geometry=[DISTRICT], crs="EPSG:4326").to_file(path, layer="district")
    pyogrio.read_dataframe(made[1], layer="lines").to_crs("EPSG:4548").to_file(path, layer="lines_cgcs2000")
    assert _summary(load_osm(path, DISTRICT))[:3] == _summary(load_osm(made[1], DISTRICT))[:3]  # G104, G220, 二环东路
    assert {e.extra["osm_ids"] for e in load_osm(path, DISTRICT) if e.name == "北园大街"} == {"w10;w11"}


def _quickosm(path):
    """A QuickOSM result saved as GeoPackage: full_id, osm_id, osm_type, then one column per key."""
    gpd.GeoDataFrame({
        "full_id": ["w10", "w11", "n5", "r7"], "osm_id": ["10", "11", "5", "7"],
        "osm_type": ["way", "way", "node", "relation"],
        "name": ["Beiyuan Street", "北园大街", "北园小学", "测试公园"], "name:zh": ["北园大街", None, None, None],
        "highway": ["primary", "primary", None, None], "ref": ["G104", None, None, None],
        "amenity": [None, None, "school", None], "leisure": [None, None, None, "park"],
    }, geometry=[shapely.LineString([(116.98, 36.70), (117.00, 36.70)]),
                 shapely.LineString([(117.00, 36.70), (117.02, 36.70)]), shapely.Point(117.004, 36.72),
                 shapely.box(116.99, 36.71, 117.0, 36.712)], crs="EPSG:4326").to_file(path, layer="result")
    return path


def test_a_quickosm_geopackage_reads_its_ids_and_key_columns(tmp_path):
    path = _quickosm(tmp_path / "quickosm.gpkg")
    assert is_osm_table(path)
    entries = {e.name: e for e in load_osm(path, DISTRICT)}
    assert entries["北园大街"].extra["osm_ids"] == "w10;w11" and "Beiyuan Street" in entries["北园大街"].aliases
    assert entries["G104"].extra["osm_ids"] == "w10"
    assert entries["北园小学"].category == "school" and entries["北园小学"].extra["osm_ids"] == "n5"
    assert entries["测试公园"].feature_type == "area" and entries["测试公园"].extra["osm_ids"] == "r7"
    assert entries["北园小学"].source.startswith("QuickOSM table quickosm.gpkg")


def test_tables_given_as_gazetteers_are_read_as_osm_and_others_are_not(made, tmp_path):
    from geo.pipeline import build_gazetteer

    gazetteer = build_gazetteer([made[1]], outline=DISTRICT)
    # Read as a table of rows instead, 北园大街 would be two rows and the unnamed G220 member lost.
    assert gazetteer.lookup("北园大街").entry.extra["osm_ids"] == "w10;w11"
    assert gazetteer.lookup("220国道").entry.extra["osm_ids"] == "r900;w15"
    # Nominatim's answers saved as a file have osm_type and osm_id, but no tags: a plain gazetteer.
    nominatim = tmp_path / "nominatim.geojson"
    gpd.GeoDataFrame({"osm_type": ["way"], "osm_id": [10], "name": ["北园大街"]},
                     geometry=[shapely.Point(117.0, 36.7)], crs="EPSG:4326").to_file(nominatim)
    assert not is_osm_table(nominatim)



def _osmconf(tmp_path, edit):
    """GDAL's osmconf.ini (pyogrio's bundled one) as a planner edits it, for the OSM driver's CONFIG_FILE."""
    from pathlib import Path

    text = (Path(pyogrio.__file__).parent / "gdal_data" / "osmconf.ini").read_text(encoding="utf-8")
    path = tmp_path / "osmconf.ini"
    path.write_text(edit(text), encoding="utf-8")
    return str(path)


def test_name_zh_added_to_osmconf_as_a_column_is_read_as_the_name_zh_tag(tmp_path):
    # attributes=name,name:zh,... in osmconf.ini: GDAL launders the column to name_zh (':' to '_'),
    # and the tag is no longer in other_tags.
    osm = _osm(tmp_path, ways=[(10, [(116.98, 36.70), (117.00, 36.70)], {"highway": "primary", "name:zh": "北园大街"})],
               pois=[(9001, (117.004, 36.72), {"amenity": "school", "name:zh": "北园小学"})])
    config = _osmconf(tmp_path, lambda text: text.replace("attributes=name,", "attributes=name,name:zh,"))
    gpkg = tmp_path / "zh.gpkg"
    for layer in ("points", "lines"):
        frame = pyogrio.read_dataframe(osm, layer=layer, CONFIG_FILE=config)
        assert "name_zh" in frame.columns
        frame.to_file(gpkg, layer=layer)
    entries = {e.name: e for e in load_osm(gpkg, DISTRICT)}
    assert set(entries) == {"北园大街", "北园小学"} == {e.name for e in load_osm(osm, DISTRICT)}
    assert entries["北园小学"].category == "school" and entries["北园大街"].extra["osm_ids"] == "w10"


def test_other_tags_gdal_wrote_as_json_are_read_as_tags(tmp_path):
    # tags_format=json in osmconf.ini: other_tags is a JSON field (GeoJSON: a nested object; GeoPackage:
    # its gpkg_data_columns mime_type application/json), which pyogrio reads as a dict.
    import sqlite3

    osm = _osm(tmp_path, ways=[(10, [(116.98, 36.70), (117.00, 36.70)],
                                {"highway": "primary", "name": "北园大街", "ref": "G104", "name:zh": "北园大街"})],
               pois=[(9001, (117.004, 36.72), {"amenity": "school", "name": "北园小学"})])
    config = _osmconf(tmp_path, lambda text: text.replace("#tags_format=json", "tags_format=json"))
    geojson, gpkg = tmp_path / "lines.geojson", tmp_path / "json.gpkg"
    frames = {layer: pyogrio.read_dataframe(osm, layer=layer, CONFIG_FILE=config) for layer in ("points", "lines")}
    assert isinstance(frames["lines"]["other_tags"][0], dict)
    geojson.write_text(frames["lines"].to_json(ensure_ascii=False), encoding="utf-8")  # the nested object
    for layer, frame in frames.items():
        frame.assign(other_tags=[json.dumps(v, ensure_ascii=False) for v in frame["other_tags"]]).to_file(gpkg, layer=layer)
    with sqlite3.connect(gpkg) as db:
        db.execute("CREATE TABLE gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, "
                   "title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT)")
        db.executemany("INSERT INTO gpkg_data_columns (table_name, column_name, mime_type) "
                       "VALUES (?, 'other_tags', 'application/json')", [("points",), ("lines",)])
    assert isinstance(pyogrio.read_dataframe(gpkg, layer="lines")["other_tags"][0], dict)
    for path in (geojson, gpkg):
        entries = {e.name: e for e in load_osm(path, DISTRICT)}
        assert entries["G104"].extra["osm_ids"] == "w10", path
    assert entries["北园小学"].category == "school"


# --------------------------------------------------------------------------- bad input


def _no_keys(tmp_path):
    path = tmp_path / "ids.gpkg"
    gpd.GeoDataFrame({"osm_id": ["10"], "label": ["北园大街"]}, geometry=[shapely.Point(117, 36.7)],
                     crs="EPSG:4326").to_file(path, layer="sites")
    return path, "ids.gpkg (layer sites): has osm_id but no OSM key column telling what a feature is"


def _broken_other_tags(tmp_path):
    path = tmp_path / "broken.gpkg"
    gpd.GeoDataFrame({"osm_id": ["10"], "name": ["北园大街"], "highway": ["primary"], "other_tags": ['"ref"=>G104']},
                     geometry=[shapely.LineString([(117, 36.7), (117.01, 36.7)])], crs="EPSG:4326") \
        .to_file(path, layer="lines")
    return path, "broken.gpkg (layer lines): w10: other_tags is not a list of \"key\"=>\"value\" pairs: cannot read"


def _no_crs(tmp_path):
    osm = _osm(tmp_path, ways=[(10, [(116.98, 36.70), (117.00, 36.70)], {"highway": "primary", "name": "北园大街"})])
    _gdal(osm, tmp_path, layers=("lines",), driver="ESRI Shapefile")
    (tmp_path / "lines.prj").unlink()
    return tmp_path / "lines.shp", "lines.shp: has no coordinate reference system (add a .prj file beside it)"


def _unreadable_prj(tmp_path):
    osm = _osm(tmp_path, ways=[(10, [(116.98, 36.70), (117.00, 36.70)], {"highway": "primary", "name": "北园大街"})])
    _gdal(osm, tmp_path, layers=("lines",), driver="ESRI Shapefile")
    (tmp_path / "lines.prj").write_text("GEOGCS[truncated", encoding="ascii")
    return tmp_path / "lines.shp", "lines.shp: has a coordinate reference system (its .prj) GDAL cannot read"


def _empty_layer(tmp_path):
    path = tmp_path / "empty.gpkg"
    gpd.GeoDataFrame({"osm_id": [], "name": [], "other_tags": []}, geometry=[], crs="EPSG:4326") \
        .to_file(path, layer="lines")
    return path, "empty.gpkg (layer lines): layer is empty (no features)"


def _every_layer_empty(tmp_path):
    osm = _osm(tmp_path)  # no objects at all: GDAL writes every layer, empty
    return _gdal(osm, tmp_path / "nothing.gpkg"), "nothing.gpkg: every layer is empty (no features)"


def _plain_geojson(tmp_path):
    path = tmp_path / "sites.geojson"
    gpd.GeoDataFrame({"name": ["北园小学"], "category": ["school"]}, geometry=[shapely.Point(117.004, 36.72)],
                     crs="EPSG:4326").to_file(path)
    return path, "sites.geojson: GeoJSON without OSM ids or tags; expected an OSM file: .osm.pbf"


def _plain_geopackage(tmp_path):
    path = tmp_path / "sites.gpkg"
    gpd.GeoDataFrame({"name": ["北园小学"]}, geometry=[shapely.Point(117.004, 36.72)], crs="EPSG:4326").to_file(path)
    return path, "sites.gpkg: no layer has an osm_id column: not OSM data (expected an OSM file"


@pytest.mark.parametrize("bad", [_no_keys, _broken_other_tags, _no_crs, _unreadable_prj, _empty_layer, _every_layer_empty,
                                 _plain_geojson, _plain_geopackage])
def test_bad_tables_are_one_line_errors_naming_the_file_and_layer(tmp_path, bad):
    path, message = bad(tmp_path)
    with pytest.raises(InputError) as error:
        load_osm(path, DISTRICT)
    assert str(error.value).startswith(f"{path.parent}/{message}") and "\n" not in str(error.value), str(error.value)


def test_an_empty_layer_among_others_is_no_error(tmp_path):
    osm = _osm(tmp_path, pois=[(9001, (117.004, 36.72), {"amenity": "school", "name": "北园小学"})])
    assert [e.name for e in load_osm(_gdal(osm, tmp_path / "school.gpkg"), DISTRICT)] == ["北园小学"]


# --------------------------------------------------------------------------- end to end


def test_build_geocodes_through_gdal_lines_layer(made, tmp_path, osm_build):
    lines = _gdal(made[0], tmp_path / "lines.gpkg", layers=("lines",))
    catalog = osm_build(lines, "加快推进北园大街改造，实施104国道大修工程。")
    geocodes = {f["properties"]["name"]: f["properties"]["geocode"] for f in catalog if f["geometry"]}
    assert geocodes["北园大街"]["status"] == "matched" and "2 ways merged" in geocodes["北园大街"]["method"]
    assert geocodes["北园大街"]["source"].startswith("GDAL OSM layers lines.gpkg")
    assert geocodes["104国道"]["status"] == "matched" and geocodes["104国道"]["matched_name"] == "G104"


def test_a_plain_geojson_as_osm_on_the_command_line_is_one_line_and_exit_2(tmp_path, osm_build_error):
    path, message = _plain_geojson(tmp_path)
    line = osm_build_error(path)
    assert line.startswith(f"geo: error: {tmp_path}/{message}"), line


def test_gdal_lines_layer_saved_as_flatgeobuf_is_read(made, tmp_path):
    # QGIS's Save Features As of the `lines` layer to FlatGeobuf: `not a readable OSM file (Could not detect file
    # format for filename '…lines.fgb')`.
    osm, _ = made
    fgb = tmp_path / "lines.fgb"
    pyogrio.write_dataframe(pyogrio.read_dataframe(osm, layer="lines"), fgb, driver="FlatGeobuf")
    assert is_osm_table(fgb)
    assert {"北园大街", "二环东路"} <= {e.name for e in load_osm(fgb, DISTRICT)}
