"""OSM as Geofabrik's free shapefiles (the .shp.zip, its folder, one layer) and BBBike's: read as OSM tags, like an .osm.pbf."""

import shutil
import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from click.testing import CliRunner

from geo.cli import main
from geo.gazetteer import Gazetteer
from geo.io import InputError
from geo.osm import load_osm

DISTRICT = shapely.box(116.95, 36.65, 117.05, 36.75)  # around 天桥区, Jinan
ROAD_COLUMNS = {"maxspeed": 0, "layer": 0, "bridge": "F", "tunnel": "F"}


def _write(folder, layer, rows, crs="EPSG:4326", encoding="utf-8"):
    """A Geofabrik layer ``gis_osm_<layer>_free_1.shp``: rows of (osm_id, fclass, name, geometry, more columns)."""
    records = [{"osm_id": osm_id, "code": 1000, "fclass": fclass, "name": name, **more}
               for osm_id, fclass, name, _, more in rows]
    frame = gpd.GeoDataFrame(records, geometry=[geom for *_, geom, _ in rows], crs="EPSG:4326").to_crs(crs)
    path = Path(folder) / f"gis_osm_{layer}_free_1.shp"
    frame.to_file(path, encoding=encoding)
    return path


def _road(osm_id, fclass, name, coords, ref=None, oneway="B"):
    return osm_id, fclass, name, shapely.LineString(coords), {"ref": ref, "oneway": oneway, **ROAD_COLUMNS}


def _feature(osm_id, fclass, name, geom):
    return osm_id, fclass, name, geom, {}


def _extract(folder):
    """A small Shandong extract laid out like Geofabrik's, in ``folder``."""
    folder.mkdir(exist_ok=True)
    _write(folder, "roads", [
        _road("10", "primary", "水屯北路", [(116.98, 36.70), (117.00, 36.70)]),  # one road, two ways
        _road("11", "primary", "水屯北路", [(117.00, 36.70), (117.02, 36.70)]),
        _road("12", "trunk", None, [(116.98, 36.69), (117.02, 36.69)], ref="G104"),  # known by its code only
        _road("13", "residential", None, [(116.98, 36.68), (117.02, 36.68)]),  # nothing to find it by
        _road("20", "secondary", "北园大街", [(116.98, 36.7150), (117.02, 36.7150)], oneway="F"),  # a dual
        _road("21", "secondary", "北园大街", [(117.02, 36.7153), (116.98, 36.7153)], oneway="F"),  # carriageway
        _road("30", "primary", "远方路", [(121.40, 31.20), (121.42, 31.20)]),  # Shanghai
        _road("31", "primary", "近郊路", [(117.20, 36.70), (117.22, 36.70)]),  # 13 km east of the district
    ])
    _write(folder, "pois", [_feature("5", "school", "北园小学", shapely.Point(117.004, 36.72)),
                            _feature("6", "hospital", "测试人民医院", shapely.Point(117.01, 36.705))])
    _write(folder, "pois_a", [_feature("70", "park", "测试公园", shapely.box(116.99, 36.71, 117.0, 36.712))])
    _write(folder, "transport", [_feature("8", "railway_station", "济南", shapely.Point(116.99, 36.67))])
    _write(folder, "waterways", [_feature("90", "river", "小清河", shapely.LineString([(116.96, 36.73), (117.04, 36.74)]))])
    _write(folder, "places", [_feature("95", "village", "测试村", shapely.Point(117.0, 36.71)),
                              _feature("96", "town", "测试镇", shapely.Point(117.01, 36.71)),  # not read
                              _feature("97", "suburb", "测试片", shapely.Point(117.01, 36.72))])  # not read
    return folder


def _zipped(folder, target):
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.iterdir()):
            archive.write(file, file.name)
    return target


@pytest.fixture(scope="module")
def extract(tmp_path_factory):
    folder = _extract(tmp_path_factory.mktemp("geofabrik") / "shandong-latest-free")
    return _zipped(folder, folder.parent / "shandong-latest-free.shp.zip")


@pytest.fixture(scope="module")
def entries(extract):
    return {e.name: e for e in load_osm(extract, DISTRICT)}


def test_a_road_split_into_two_ways_is_one_entry_and_geocodes_as_a_line(entries):
    road = entries["水屯北路"]
    assert road.extra["osm_ids"] == "w10;w11" and road.method.startswith("name match on OSM highway feature (2 ways")
    assert road.geometry.geom_type == "LineString" and road.geometry.length == pytest.approx(0.04)
    assert road.source == "Geofabrik shapefile shandong-latest-free.shp.zip (© OpenStreetMap contributors, ODbL)"
    assert road.source_datum == "wgs84" and road.accuracy_m == 20
    found = Gazetteer().add_tier("OSM extract", list(entries.values())).lookup("水屯北路").entry
    assert found.geometry.geom_type == "LineString"


def test_a_road_known_only_by_its_ref_is_found_by_its_code(entries):
    gazetteer = Gazetteer().add_tier("OSM extract", list(entries.values()))
    for name in ("104国道", "G104", "国道G104线"):
        assert gazetteer.lookup(name).entry.extra["osm_ids"] == "w12"
    assert not any("w13" in e.extra["osm_ids"] for e in entries.values())  # unnamed and uncoded: not read


def test_one_way_halves_of_a_dual_carriageway_are_measured_once(entries):
    road = entries["北园大街"]
    assert "dual carriageway" in road.method and road.geometry.length == pytest.approx(0.04, rel=1e-3)


def test_a_school_poi_gets_the_school_category_and_a_hospital_the_health_one(entries):
    school = entries["北园小学"]
    assert school.category == "school" and school.feature_type == "facility"
    assert school.geometry.geom_type == "Point" and school.extra["osm_ids"] == "n5"
    assert entries["测试人民医院"].category == "health"


def test_a_park_polygon_is_an_area(entries):
    park = entries["测试公园"]
    assert park.feature_type == "area" and park.category == "park" and park.extra["osm_ids"] == "w70"
    assert park.geometry.geom_type == "Polygon" and park.geometry.area == pytest.approx(0.00002)


def test_a_railway_station_is_found_with_or_without_its_zhan(entries):
    station = entries["济南"]
    assert station.category == "rail" and "济南站" in station.aliases
    assert Gazetteer().add_tier("OSM extract", [station]).lookup("济南站").entry is station


def test_a_river_is_a_water_line(entries):
    river = entries["小清河"]
    assert river.geometry.geom_type == "LineString" and river.category == "water" and river.extra["osm_ids"] == "w90"


def test_villages_are_read_towns_not_and_far_features_not_even_loaded(extract, entries):
    assert entries["测试村"].category == "village" and entries["测试村"].accuracy_m == 300
    assert "测试镇" not in entries and "测试片" not in entries
    outside = []
    load_osm(extract, DISTRICT, outside=outside)
    assert "近郊路" not in entries and {e.name for e in outside} == {"近郊路"}  # kept aside for a reason
    assert "远方路" not in entries  # beyond OSM_READ_BEYOND_M, as in an .osm.pbf: not read
    assert "远方路" in {e.name for e in load_osm(extract)}  # without a district, everything is read


def test_the_zip_the_folder_and_one_layer_read_alike(extract, tmp_path):
    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(extract) as archive:
        archive.extractall(folder)
    from_zip = [(e.name, e.geometry.wkt, e.extra["osm_ids"], e.category) for e in load_osm(extract, DISTRICT)]
    from_folder = [(e.name, e.geometry.wkt, e.extra["osm_ids"], e.category) for e in load_osm(folder, DISTRICT)]
    assert from_zip == from_folder
    roads = {e.name for e in load_osm(folder / "gis_osm_roads_free_1.shp", DISTRICT)}
    assert roads == {"G104", "水屯北路", "北园大街"}  # that layer only
    assert not list(tmp_path.glob("*.shp"))  # nothing unpacked beside the zip


def test_a_layer_in_a_projected_crs_is_reprojected(tmp_path):
    _write(tmp_path, "roads", [_road("10", "primary", "水屯北路", [(116.98, 36.70), (117.00, 36.70)])], crs="EPSG:4548")
    (road,) = load_osm(tmp_path / "gis_osm_roads_free_1.shp", DISTRICT)
    assert road.geometry.equals_exact(shapely.LineString([(116.98, 36.70), (117.00, 36.70)]), 1e-7)


@pytest.mark.parametrize("cpg", [None, "UTF-8"])
def test_a_gbk_dbf_without_cpg_or_with_a_wrong_one_is_decoded_as_other_shapefiles_are(tmp_path, cpg):
    (tmp_path / "layers").mkdir()
    path = _write(tmp_path / "layers", "pois", [_feature("5", "school", "北园小学", shapely.Point(117.004, 36.72))],
                  encoding="gbk")
    path.with_suffix(".cpg").unlink()
    if cpg:
        path.with_suffix(".cpg").write_text(cpg, encoding="ascii")
    archive = _zipped(tmp_path / "layers", tmp_path / "gbk.shp.zip")
    for extract in (path, archive):
        assert [e.name for e in load_osm(extract, DISTRICT)] == ["北园小学"]


def test_bbbike_shapefiles_read_with_their_type_column(tmp_path):
    folder = tmp_path / "Jinan-shp" / "shape"
    folder.mkdir(parents=True)
    line = shapely.LineString([(116.98, 36.70), (117.00, 36.70)])
    gpd.GeoDataFrame({"osm_id": [10], "name": ["水屯北路"], "ref": [None], "type": ["primary"], "oneway": [0]},
                     geometry=[line], crs="EPSG:4326").to_file(folder / "roads.shp", encoding="utf-8")
    gpd.GeoDataFrame({"osm_id": [5], "name": ["北园小学"], "type": ["school"]},
                     geometry=[shapely.Point(117.004, 36.72)], crs="EPSG:4326").to_file(folder / "points.shp", encoding="utf-8")
    entries = {e.name: e for e in load_osm(tmp_path / "Jinan-shp", DISTRICT)}
    assert entries["水屯北路"].extra["osm_ids"] == "w10" and entries["北园小学"].category == "school"
    assert entries["北园小学"].source.startswith("BBBike shapefile Jinan-shp")


def test_a_geofabrik_layer_given_as_a_gazetteer_is_read_as_osm(extract):
    from geo.pipeline import build_gazetteer

    gazetteer = build_gazetteer([extract], outline=DISTRICT)
    # Read as a table of rows instead, its unnamed G104 row would be an error, and 水屯北路 two rows.
    assert gazetteer.lookup("水屯北路").entry.extra["osm_ids"] == "w10;w11"
    assert gazetteer.lookup("104国道").entry.extra["osm_ids"] == "w12"


# --------------------------------------------------------------------------- bad input


def _no_layer_zip(tmp_path):
    path = tmp_path / "other.shp.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("README.txt", "no layers here")
    return path, "other.shp.zip: holds no Geofabrik OSM layer"


def _no_fclass(tmp_path):
    path = tmp_path / "gis_osm_roads_free_1.shp"
    gpd.GeoDataFrame({"osm_id": ["10"], "name": ["水屯北路"]}, geometry=[shapely.LineString([(117, 36.7), (117.01, 36.7)])],
                     crs="EPSG:4326").to_file(path, encoding="utf-8")
    return path, "gis_osm_roads_free_1.shp: not an OSM layer of Geofabrik or BBBike: no fclass (Geofabrik) or type"


def _no_prj_in_zip(tmp_path):
    folder = tmp_path / "layers"
    folder.mkdir()
    _write(folder, "pois", [_feature("5", "school", "北园小学", shapely.Point(117.004, 36.72))])
    (folder / "gis_osm_pois_free_1.prj").unlink()
    path = _zipped(folder, tmp_path / "noprj.shp.zip")
    return path, "noprj.shp.zip/gis_osm_pois_free_1.shp: has no coordinate reference system"


def _nonsense_prj(tmp_path):
    folder = tmp_path / "layers"
    folder.mkdir()
    _write(folder, "pois", [_feature("5", "school", "北园小学", shapely.Point(117.004, 36.72))])
    (folder / "gis_osm_pois_free_1.prj").write_text("not a coordinate system")
    return folder / "gis_osm_pois_free_1.shp", "gis_osm_pois_free_1.shp: has no coordinate reference system (its .prj"


def _empty_layer(tmp_path):
    path = tmp_path / "gis_osm_pois_free_1.shp"
    gpd.GeoDataFrame({"osm_id": [], "code": [], "fclass": [], "name": []}, geometry=[], crs="EPSG:4326") \
        .to_file(path, encoding="utf-8")
    return path, "gis_osm_pois_free_1.shp: layer is empty"


def _not_a_zip(tmp_path):
    path = tmp_path / "china-latest-free.shp.zip"
    path.write_bytes(b"<html>404 Not Found</html>")
    return path, "china-latest-free.shp.zip: not a readable zip file"


@pytest.mark.parametrize("bad", [_no_layer_zip, _no_fclass, _no_prj_in_zip, _nonsense_prj, _empty_layer,
                                 _not_a_zip])
def test_bad_shapefile_extracts_are_one_line_errors_naming_the_file(tmp_path, bad):
    path, message = bad(tmp_path)
    with pytest.raises(InputError) as error:
        load_osm(path, DISTRICT)
    assert message in str(error.value) and "\n" not in str(error.value)


def test_every_layer_empty_is_an_error_a_single_empty_layer_among_others_is_not(tmp_path):
    folder = tmp_path / "layers"
    _extract(folder)
    shutil.copy(*_empty_layer(tmp_path)[:1], folder / "gis_osm_pofw_free_1.shp")
    for suffix in (".shx", ".dbf", ".prj", ".cpg"):
        shutil.copy(tmp_path / f"gis_osm_pois_free_1{suffix}", folder / f"gis_osm_pofw_free_1{suffix}")
    assert "北园小学" in {e.name for e in load_osm(folder, DISTRICT)}
    only_empty = tmp_path / "only_empty"
    only_empty.mkdir()
    for file in folder.glob("gis_osm_pofw_free_1.*"):
        shutil.copy(file, only_empty / file.name)
    with pytest.raises(InputError, match="only_empty: every layer is empty"):
        load_osm(only_empty, DISTRICT)


# --------------------------------------------------------------------------- end to end


def test_build_geocodes_through_a_geofabrik_zip(extract, osm_build):
    catalog = osm_build(extract, "加快推进水屯北路改造，推进测试人民医院改扩建工程，建设测试公园。")
    by_name = {f["properties"]["name"]: f for f in catalog}
    for name, geometry_type in (("水屯北路", "LineString"), ("测试人民医院", "Point"), ("测试公园", "Polygon")):
        geocode = by_name[name]["properties"]["geocode"]
        assert by_name[name]["geometry"]["type"] == geometry_type, name
        assert geocode["status"] == "matched" and geocode["source"].startswith("Geofabrik shapefile shandong-latest")


def test_a_bad_extract_on_the_command_line_is_one_line_and_exit_2(tmp_path, osm_build_error):
    path, message = _no_layer_zip(tmp_path)
    line = osm_build_error(path, "加快推进水屯北路改造。")
    assert line.startswith(f"geo: error: {tmp_path}/{message}"), line


def _entries_of(path):
    return [(e.name, e.geometry.wkt, e.extra["osm_ids"], e.category) for e in load_osm(path, DISTRICT)]


def test_a_folder_whose_files_are_named_in_capitals_reads_as_its_zip_does(extract, tmp_path):
    # Copied from a CD or a FAT stick, or saved by an old Windows tool: GIS_OSM_ROADS_FREE_1.SHP.
    folder = tmp_path / "UPPER"
    folder.mkdir()
    with zipfile.ZipFile(extract) as archive:
        for member in archive.namelist():
            (folder / member.upper()).write_bytes(archive.read(member))
    assert _entries_of(folder) == _entries_of(extract)


def test_a_zip_made_on_windows_with_backslashes_in_its_names_reads_as_any_zip(extract, tmp_path):
    # Windows PowerShell's Compress-Archive (.NET Framework) writes shandong\gis_osm_roads_free_1.shp.
    target = tmp_path / "shandong-latest-free.shp.zip"
    with zipfile.ZipFile(extract) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.namelist():
            archive.writestr(zipfile.ZipInfo("shandong-latest-free\\" + member), source.read(member))
    assert _entries_of(target) == _entries_of(extract)


def test_a_zip_whose_dbf_is_damaged_is_one_line_naming_it(tmp_path):
    # A download damaged midway (its index intact), BBBike-like: no .cpg, so the .dbf's records are sniffed.
    folder = tmp_path / "layers"
    folder.mkdir()
    _write(folder, "pois", [_feature(str(n), "school", f"北园第{n}小学", shapely.Point(117.004, 36.72)) for n in range(300)])
    (folder / "gis_osm_pois_free_1.cpg").unlink()
    path = _zipped(folder, tmp_path / "damaged.shp.zip")
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("gis_osm_pois_free_1.dbf")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for at in range(start + info.compress_size // 2, start + info.compress_size - 4):
        data[at] ^= 0x5A  # the records' second half, past what GDAL's header read sees
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as error:
        load_osm(path, DISTRICT)
    assert "damaged.shp.zip/gis_osm_pois_free_1.shp" in str(error.value) and "\n" not in str(error.value)
    result = CliRunner().invoke(main, ["build", "--osm", str(path), "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 2 and "damaged.shp.zip/gis_osm_pois_free_1.shp" in result.output


def test_a_geofabrik_zip_with_a_member_name_that_is_not_utf8_as_flagged_is_refused_in_one_line(extract, tmp_path):
    # zipfile raised UnicodeDecodeError listing its members: an unexpected error naming no file.
    from document_files import with_a_name_not_utf8

    damaged = tmp_path / "shandong-latest-free.shp.zip"
    damaged.write_bytes(with_a_name_not_utf8(extract.read_bytes()))
    with pytest.raises(InputError, match=r"shandong-latest-free\.shp\.zip: not a readable zip file \('utf-8' codec"):
        load_osm(damaged, DISTRICT)
