"""Official 街道 files as they arrive: several layers, a .cpg that lies, lower-case fields, swapped or misplaced data."""

import re

import geopandas as gpd
import pyogrio
import pyproj
import pytest
import shapely

from geo.boundaries import load_boundaries, load_official_zones
from geo.io import InputError
from work_counts import Calls

NAMES = ["无影山街道", "天桥东街街道", "北园街道"]


def _zones(crs="EPSG:4548"):
    # Three 1 km x 1 km squares side by side in EPSG:4548 near 117E, 36.7N (inside 天桥区).
    x0, y0 = 500_000, 4_062_000
    geoms = [shapely.box(x0 + i * 1000, y0, x0 + (i + 1) * 1000, y0 + 1000) for i in range(3)]
    return gpd.GeoDataFrame({"JDMC": NAMES, "JDDM": ["370105001", "370105003", "370105014"]},
                            geometry=geoms, crs="EPSG:4548").to_crs(crs)


def test_gbk_shapefile_whose_cpg_says_utf8_is_read_as_gbk(tmp_path):
    path = tmp_path / "jd.shp"
    pyogrio.write_dataframe(_zones(), path, encoding="GBK")
    path.with_suffix(".cpg").write_text("UTF-8", encoding="ascii")
    zones, _ = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert sorted(zones["name"]) == sorted(NAMES)


TRADITIONAL = ["無影山街道", "天橋東街街道", "北園街道"]


@pytest.mark.parametrize("cpg", [None, "UTF-8"])
def test_big5_shapefile_is_read_as_big5_without_cpg_or_with_a_cpg_that_fails(tmp_path, cpg):
    path = tmp_path / "jd.shp"
    pyogrio.write_dataframe(_zones().assign(JDMC=TRADITIONAL), path, encoding="big5")
    path.with_suffix(".cpg").unlink(missing_ok=True)
    if cpg:
        path.with_suffix(".cpg").write_text(cpg, encoding="ascii")
    zones, _ = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert sorted(zones["name"]) == sorted(TRADITIONAL)


def test_geopackage_layer_with_the_name_field_is_chosen(tmp_path):
    path = tmp_path / "jd.gpkg"
    outline = _zones().dissolve()[["geometry"]].assign(NAME="天桥区")
    pyogrio.write_dataframe(outline, path, layer="outline")  # first layer: the wrong one
    pyogrio.write_dataframe(_zones(), path, layer="jiedao")
    zones, _ = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert sorted(zones["name"]) == sorted(NAMES)


def test_geopackage_with_two_candidate_layers_asks_for_one(tmp_path):
    path = tmp_path / "jd.gpkg"
    pyogrio.write_dataframe(_zones().dissolve(), path, layer="outline")  # dissolve keeps a JDMC column
    pyogrio.write_dataframe(_zones(), path, layer="jiedao")
    with pytest.raises(InputError, match=r"several layers have a 'JDMC' column \(outline, jiedao\); name one as "
                                         r"'.*jd.gpkg\|layername=jiedao'"):
        load_official_zones(path, name_field="JDMC")
    zones, _ = load_official_zones(f"{path}|layername=jiedao", name_field="JDMC", code_field="JDDM")
    assert len(zones) == 3


def test_a_geopackage_of_communities_and_subdistricts_suggests_the_subdistrict_layer(tmp_path):
    # A 村/社区 layer carries its 街道's name too (the parent's column), and has more features: the
    # layer suggested was the communities', whose copied line read each 街道 as pieces of one name.
    path = tmp_path / "jd.gpkg"
    zones = _zones()
    halves = [half for square in zones.geometry for half in (
        shapely.clip_by_rect(square, *square.bounds[:2], (square.bounds[0] + square.bounds[2]) / 2, square.bounds[3]),
        shapely.clip_by_rect(square, (square.bounds[0] + square.bounds[2]) / 2, *square.bounds[1:]))]
    communities = gpd.GeoDataFrame({"社区名称": [f"社区{i}" for i in range(6)], "JDMC": [n for n in NAMES for _ in (0, 1)]},
                                   geometry=halves, crs=zones.crs)
    pyogrio.write_dataframe(communities, path, layer="村社区")
    pyogrio.write_dataframe(zones, path, layer="街道")
    with pytest.raises(InputError, match=r"several layers have a 'JDMC' column \(村社区, 街道\); name one as "
                                         r"'.*jd.gpkg\|layername=街道'"):
        load_official_zones(path, name_field="JDMC")


@pytest.mark.parametrize("suffix, problem", [
    ("|layername=jd", r"has no layer 'jd' \(its layers: outline, jiedao\)"),  # GDAL: "could not be opened"
    ("|layername=", r"'\|layername=' names no layer: write '.*jd.gpkg\|layername=LAYER'"),  # was "file not found"
    ("|jiedao", r"'\|jiedao' names no layer"),
])
def test_a_layer_named_wrong_is_named_with_the_layers_there_are(tmp_path, suffix, problem):
    path = tmp_path / "jd.gpkg"
    pyogrio.write_dataframe(_zones().dissolve(), path, layer="outline")
    pyogrio.write_dataframe(_zones(), path, layer="jiedao")
    with pytest.raises(InputError, match=problem) as info:
        load_official_zones(f"{path}{suffix}", name_field="JDMC")
    assert str(info.value).startswith(str(path))


def test_field_names_match_without_case(tmp_path):
    path = tmp_path / "jd.shp"
    pyogrio.write_dataframe(_zones(), path, encoding="UTF-8")
    zones, _ = load_official_zones(path, name_field="jdmc", code_field="jddm")
    assert list(zones["code"]) == ["370105001", "370105003", "370105014"]


@pytest.mark.parametrize("crs", ["EPSG:4490", "EPSG:4547", "EPSG:3857"])
def test_any_crs_gives_the_same_zones(tmp_path, crs):
    path = tmp_path / "jd.shp"
    pyogrio.write_dataframe(_zones(crs), path, encoding="UTF-8")
    zones, _ = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert zones.to_crs(4548).area.sum() == pytest.approx(3e6, rel=1e-4)


def test_a_long_straight_edge_of_a_projected_file_stays_straight_where_it_is_overlaid(tmp_path):
    # Two 20 km x 1 km strips across the central meridian of EPSG:4548: in degrees, a straight line
    # between the two ends of their edges runs up to 6 m off the edge the file drew.
    x0, x1, y0 = 490_000, 510_000, 4_062_000
    strips = gpd.GeoDataFrame({"JDMC": NAMES[:2], "JDDM": ["370105001", "370105003"]},
                              geometry=[shapely.box(x0, y0, x1, y0 + 1000), shapely.box(x0, y0 + 1000, x1, y0 + 2000)],
                              crs="EPSG:4548")
    path = tmp_path / "jd.gpkg"
    strips.to_file(path)
    zones, _ = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    # What an overlay in degrees sees: the edges as straight lines in degrees, back in metres.
    seen = gpd.GeoSeries(shapely.segmentize(zones.geometry.values, 0.0005), crs=4326).to_crs(4548)
    assert seen.hausdorff_distance(strips.geometry.sort_index().reset_index(drop=True)).max() < 0.05


def test_swapped_latitude_and_longitude_are_named(tmp_path):
    swapped = _zones("EPSG:4326")
    swapped["geometry"] = shapely.transform(swapped.geometry.values, lambda xy: xy[:, ::-1])
    path = tmp_path / "jd.geojson"
    swapped.to_file(path)
    with pytest.raises(InputError, match="latitude and longitude swapped"):
        load_official_zones(path, name_field="JDMC")


def test_zones_beside_their_district_are_a_warning(tmp_path):
    beside = _zones("EPSG:4326")
    beside["geometry"] = beside.geometry.translate(0, 0.3)  # 33 km north (14 km beyond the outline), codes still 天桥区's
    path = tmp_path / "jd.geojson"
    beside.to_file(path)
    warnings = load_boundaries(path, name_field="JDMC", code_field="JDDM").warnings
    assert [w for w in warnings if "bundled outline" in w] == [
        f"{path}: the 街道 lie 14 km from the bundled outline of 天桥区 (370105); wrong CRS or datum, "
        "or another district's file?"]
    near = tmp_path / "near.geojson"
    _zones("EPSG:4326").to_file(near)
    assert not [w for w in load_boundaries(near, name_field="JDMC", code_field="JDDM").warnings
                if "bundled outline" in w]


def test_official_zones_are_merged_once_for_their_checks_and_outline(tmp_path, monkeypatch):
    # The checks against the bundled outline (where they lie, in which datum), the check of their
    # gaps and the district's outline each merged the 街道: seconds for a city's detailed 街道 (a
    # million vertices), taken three times.
    path = tmp_path / "jd.gpkg"
    _zones().to_file(path)
    merged = Calls(shapely.union_all)
    monkeypatch.setattr(shapely, "union_all", merged)
    monkeypatch.setattr(shapely, "unary_union", merged)
    boundaries = load_boundaries(path, name_field="JDMC", code_field="JDDM")
    assert boundaries.warnings == []
    of_the_zones = [args for args in merged.args if len(shapely.get_parts(args[0])) == len(NAMES)]
    assert len(of_the_zones) == 1
    whole = shapely.union_all(boundaries.zones.geometry.values)
    assert boundaries.outline.geometry.iloc[0].symmetric_difference(whole).area < 1e-6 * whole.area


def test_zones_far_from_their_district_are_refused(tmp_path):
    far = _zones("EPSG:4326")
    far["geometry"] = far.geometry.translate(0, 3.0)  # 333 km north (313 km beyond the outline), codes still 天桥区's
    path = tmp_path / "jd.geojson"
    far.to_file(path)
    with pytest.raises(InputError, match=r"the 街道 lie 313 km from the bundled outline of 天桥区 \(370105\): "
                                         r"no project there could be joined"):
        load_boundaries(path, name_field="JDMC", code_field="JDDM")


def test_district_code_typed_in_full_width_digits():
    assert load_boundaries(district_code="３７０１０５").outline["code"].iloc[0] == "370105"


def test_districts_with_some_features_without_geometry_are_refused(tmp_path):
    # A truncated .shp: the records are all there, some shapes are not.
    path = tmp_path / "jd.geojson"
    zones = _zones("EPSG:4326")
    zones.loc[[1, 2], "geometry"] = None
    zones.to_file(path, driver="GeoJSON")
    with pytest.raises(InputError, match=r"2 of 3 features have no geometry \(天桥东街街道、北园街道\)"):
        load_official_zones(path, name_field="JDMC", code_field="JDDM")


@pytest.mark.parametrize("flat_rows, said", [([0, 1, 2], "every feature has"), ([0], "1 of 3 features has")])
def test_districts_of_zero_area_are_named_as_such(tmp_path, flat_rows, said):
    path = tmp_path / "jd.geojson"
    zones = _zones("EPSG:4326")
    for row in flat_rows:  # three collinear points: make_valid leaves a line, no polygon
        zones.loc[row, "geometry"] = shapely.Polygon([(117.0, 36.7 + row / 100), (117.01, 36.7 + row / 100),
                                                      (117.02, 36.7 + row / 100)])
    zones.to_file(path, driver="GeoJSON")
    with pytest.raises(InputError, match=f"{said} a polygon of zero area") as caught:
        load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert "wrong CRS" not in str(caught.value)


@pytest.mark.parametrize("epsg, datum", [(2384, "Xian 1980"), (2436, "Beijing 1954")])
def test_districts_drawn_on_xian80_or_beijing54_are_refused_not_read_as_cgcs2000(tmp_path, epsg, datum):
    # PROJ knows no shift from Xian 1980 to WGS-84 but a zero "ballpark" one, and Beijing 1954's
    # it picks belongs to other regions: the 街道 would land tens of metres off, said to be official.
    path = tmp_path / "jd.shp"
    pyogrio.write_dataframe(_zones().set_crs(epsg, allow_override=True), path, encoding="UTF-8")
    with pytest.raises(InputError, match=rf"jd.shp: .* is on the datum {datum} .*convert the file to CGCS2000"):
        load_official_zones(path, name_field="JDMC", code_field="JDDM")


def test_a_gazetteer_drawn_on_xian80_is_refused(tmp_path):
    from geo.gazetteer_files import load_file

    path = tmp_path / "sites.gpkg"
    pyogrio.write_dataframe(_zones().set_crs(2384, allow_override=True), path)
    with pytest.raises(InputError, match=r"sites.gpkg: .*Xian 1980"):
        load_file(path)


def _bundled_zones_in(datum, tmp_path):
    """The bundled 街道 of 天桥区 written as GeoJSON in ``datum`` (Amap's GCJ-02, Baidu's BD-09): the
    file a planner gets from a web map."""
    from geo import crs
    from geo.data import load_subdistricts

    zones = load_subdistricts()[["code", "name", "geometry"]]
    path = tmp_path / f"jd_{datum}.geojson"
    zones.assign(geometry=crs.convert_geoseries(zones.geometry, "wgs84", datum)).to_file(path, driver="GeoJSON")
    return zones, path


@pytest.mark.parametrize("datum, named", [("gcj02", "GCJ-02 \\(Amap, Tencent\\)"), ("bd09", "BD-09 \\(Baidu\\)")])
def test_districts_drawn_in_gcj02_or_bd09_are_named_as_such_not_shifted_silently(tmp_path, datum, named):
    _, path = _bundled_zones_in(datum, tmp_path)
    (warning,) = load_boundaries(path, name_field="name", code_field="code").warnings
    assert re.fullmatch(rf"{re.escape(str(path))}: the 街道 fit the bundled outline of 天桥区 \(370105\) far better "
                        rf"read as {named} than as WGS-84 \(100% of their edge within 200 m of it, against \d+%\); "
                        rf"pass --districts-datum {datum} if they come from that map", warning)
    _, path = _bundled_zones_in("wgs84", tmp_path)
    assert load_boundaries(path, name_field="name", code_field="code").warnings == []


@pytest.mark.parametrize("datum", ["gcj02", "bd09", "火星坐标", "百度"])
def test_districts_datum_shifts_web_map_districts_onto_wgs84(tmp_path, datum):
    from geo import crs
    from geo.crs import normalise_datum

    truth, path = _bundled_zones_in(normalise_datum(datum), tmp_path)
    boundaries = load_boundaries(path, name_field="name", code_field="code", districts_datum=datum)
    assert boundaries.warnings == []
    assert set(boundaries.zones["source"]) == {f"official boundaries from {path.name}, "
                                               f"{crs.DATUM_LABELS[normalise_datum(datum)]} shifted to WGS-84"}
    got = boundaries.zones.set_index("code").geometry.to_crs(4548)
    for code, geom in truth.set_index("code").geometry.to_crs(4548).items():
        assert got[code].hausdorff_distance(geom) < 0.01


def test_districts_datum_needs_districts_and_a_known_datum(tmp_path):
    with pytest.raises(InputError, match="--districts-datum gcj02 needs --districts FILE"):
        load_boundaries(None, districts_datum="gcj02")
    _, path = _bundled_zones_in("gcj02", tmp_path)
    with pytest.raises(InputError, match="--districts-datum: unknown datum 'ED50'"):
        load_boundaries(path, name_field="name", districts_datum="ED50")
    projected = tmp_path / "jd.shp"
    pyogrio.write_dataframe(_zones(), projected, encoding="UTF-8")
    with pytest.raises(InputError, match="jd.shp: --districts-datum gcj02 shifts lon/lat, and the file is in "
                                         "EPSG:4548"):
        load_official_zones(projected, name_field="JDMC", datum="gcj02")


def test_districts_drawn_over_amap_tiles_in_web_mercator_are_shifted_by_districts_datum(tmp_path):
    # QGIS saves 街道 digitised over Amap's tiles in the project's EPSG:3857: GCJ-02 lon/lat, merely
    # projected. The warning said to shift them 'before projecting' and --districts-datum gcj02 was
    # refused ('the file is in EPSG:3857 (leave the option out)'): the 街道 stayed some 500 m off.
    from geo import crs

    truth, shifted = _bundled_zones_in("gcj02", tmp_path)
    path = tmp_path / "jd.gpkg"
    gpd.read_file(shifted).to_crs(3857).to_file(path)
    (warning,) = load_boundaries(path, name_field="name", code_field="code").warnings
    assert warning.endswith("pass --districts-datum gcj02 if they come from that map"), warning
    boundaries = load_boundaries(path, name_field="name", code_field="code", districts_datum="gcj02")
    assert boundaries.warnings == []
    assert set(boundaries.zones["source"]) == {f"official boundaries from jd.gpkg, {crs.DATUM_LABELS['gcj02']} "
                                               "shifted to WGS-84"}
    got = boundaries.zones.set_index("code").geometry.to_crs(4548)
    for code, geom in truth.set_index("code").geometry.to_crs(4548).items():  # each vertex where it was
        # (an edge straight in EPSG:3857 bows off the one straight in lon/lat between them)
        assert shapely.distance(got[code].boundary, shapely.points(shapely.get_coordinates(geom))).max() < 0.05


def test_an_outline_drawn_in_gcj02_is_named_as_such(tmp_path):
    from geo import crs
    from geo.data import load_district_outline

    outline = load_district_outline()[["code", "name", "geometry"]]
    path = tmp_path / "天桥区.geojson"  # DataV.GeoAtlas gives district outlines in GCJ-02
    outline.assign(geometry=crs.convert_geoseries(outline.geometry, "wgs84", "gcj02")).to_file(path, driver="GeoJSON")
    (warning,) = load_boundaries(outline_path=path).warnings
    assert re.fullmatch(rf"{re.escape(str(path))}: the outline fits the bundled outline of 天桥区 \(370105\) far better "
                        r"read as GCJ-02 \(Amap, Tencent\) than as WGS-84 \(100% of its edge within 200 m of it, "
                        r"against \d+%\); shift it to WGS-84 first if it comes from that map", warning)
    outline.to_file(path, driver="GeoJSON")
    assert load_boundaries(outline_path=path).warnings == []


@pytest.mark.parametrize("drawn, prj", [(4548, 32650), (32650, 4548)])
def test_districts_whose_prj_names_the_sister_of_their_projection_are_named(tmp_path, drawn, prj):
    # Gauss-Kruger CM 117E and UTM zone 50N share their central meridian and differ in scale
    # (1 against 0.9996): numbers of one read in the other land 1.6 km off in Jinan, overlapping.
    from pyproj import CRS

    from geo.data import load_subdistricts

    zones = load_subdistricts()[["code", "name", "geometry"]]
    path = tmp_path / "jd.shp"
    zones.to_crs(drawn).set_crs(prj, allow_override=True).to_file(path, encoding="UTF-8")
    (warning,) = load_boundaries(path, name_field="name", code_field="code").warnings
    assert re.fullmatch(rf"{re.escape(str(path))}: the 街道 fit the bundled outline of 天桥区 \(370105\) far better "
                        rf"read as EPSG:{drawn} \({re.escape(CRS(drawn).name)}\) than as their .prj's EPSG:{prj} "
                        rf"\({re.escape(CRS(prj).name)}\) \(100% of their edge within 200 m of it, against \d+%\); "
                        r"is the .prj wrong\? Save the file with its right CRS", warning)
    zones.to_crs(prj).to_file(path, encoding="UTF-8")
    assert load_boundaries(path, name_field="name", code_field="code").warnings == []


@pytest.mark.parametrize("drawn, prj, hint", [
    (4527, 4548, "the eastings carry the zone number 39, which EPSG:4548 lacks: its .prj should be EPSG:4527 "
                 "\\(CGCS2000 / 3-degree Gauss-Kruger zone 39\\)"),
    (4548, 4527, "the eastings lack the zone number 39 EPSG:4527 expects: its .prj should be EPSG:4548 "
                 "\\(CGCS2000 / 3-degree Gauss-Kruger CM 117E\\)"),
    # 6-degree zones alike: zone 20 (117E) is EPSG:4498 with its number, EPSG:4509 without
    (4498, 4509, "the eastings carry the zone number 20, which EPSG:4509 lacks: its .prj should be EPSG:4498 "
                 "\\(CGCS2000 / Gauss-Kruger zone 20\\)"),
    (4509, 4498, "the eastings lack the zone number 20 EPSG:4498 expects: its .prj should be EPSG:4509 "
                 "\\(CGCS2000 / Gauss-Kruger CM 117E\\)"),
])
def test_districts_whose_prj_and_zone_number_disagree_say_which_prj_fits(tmp_path, drawn, prj, hint):
    path = tmp_path / "jd.shp"
    pyogrio.write_dataframe(_zones(f"EPSG:{drawn}").set_crs(prj, allow_override=True), path, encoding="UTF-8")
    with pytest.raises(InputError, match=f"jd.shp: coordinates out of range after reprojection \\(wrong CRS\\?\\); {hint}"):
        load_official_zones(path, name_field="JDMC", code_field="JDDM")


@pytest.mark.parametrize("suffix, stated", [(".geojson", 'its "crs" member'), (".gpkg", "its CRS")])
def test_districts_stating_the_wrong_zone_code_otherwise_than_by_a_prj_name_what_states_it(tmp_path, suffix, stated):
    # A GeoJSON's crs member (QGIS writes urn:ogc:def:crs:EPSG::4548) or a GeoPackage's SRS: no .prj to correct
    path = tmp_path / f"jd{suffix}"
    pyogrio.write_dataframe(_zones("EPSG:4527").set_crs(4548, allow_override=True), path)
    with pytest.raises(InputError, match=f"jd{suffix}: coordinates out of range after reprojection \\(wrong CRS\\?\\); "
                                         f"the eastings carry the zone number 39, which EPSG:4548 lacks: {stated} should "
                                         "be EPSG:4527"):
        load_official_zones(path, name_field="JDMC", code_field="JDDM")


def test_build_with_districts_datum_joins_on_the_shifted_districts(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from geo.cli import main

    truth, path = _bundled_zones_in("gcj02", tmp_path)
    monkeypatch.chdir(tmp_path)
    args = ["build", "--districts", path.name, "--name-field", "name", "--code-field", "code"]
    result = CliRunner().invoke(main, [*args, "--districts-datum", "高德"])
    assert result.exit_code == 0, result.stderr
    assert "--districts-datum" not in result.stderr  # no warning: the datum is given
    zones = gpd.read_file(tmp_path / "layers" / "subdistricts.geojson").set_index("code").geometry.to_crs(4548)
    for code, geom in truth.set_index("code").geometry.to_crs(4548).items():
        assert zones[code].hausdorff_distance(geom) < 0.05  # GeoJSON keeps 7 decimals
    result = CliRunner().invoke(main, ["build", "--districts-datum", "gcj02"])
    assert result.exit_code == 2 and result.stderr.strip().splitlines() == [
        "geo: error: --districts-datum gcj02 needs --districts FILE (it says which datum that file's lon/lat are in)"]


def test_districts_in_gcj02_without_codes_are_named_by_their_names_county(tmp_path):
    # Most 街道 files carry names only (JDMC): their names tell the county whose outline they must fit.
    zones, path = _bundled_zones_in("gcj02", tmp_path)
    (warning,) = load_boundaries(path, name_field="name").warnings
    assert "read as GCJ-02 (Amap, Tencent) than as WGS-84" in warning and "天桥区 (370105)" in warning
    zones.assign(name=[f"某{n}" for n in zones["name"]]).to_file(path, driver="GeoJSON")  # names of nowhere
    (warning,) = load_boundaries(path, name_field="name").warnings  # no fit: its name alone said (jd_gcj02)
    assert "jd_gcj02.geojson: its name says GCJ-02 (Amap, Tencent), but nothing in the file states a datum" in warning


@pytest.mark.parametrize("prj, codes", [(None, "JDDM"), (None, None), (None, "district"), ("EPSG:4490", "JDDM")])
def test_districts_of_gauss_kruger_metres_without_their_crs_name_the_zone_that_puts_them_in_their_district(
        tmp_path, prj, codes):
    # A Shapefile handed over without its .prj (or with one of lon/lat over metres): the numbers do not
    # tell the central meridian, the district does (its 街道 codes or names, or --district-code), and the zone
    # read in which they lie in it is named; it said only "one of EPSG:4534-4554 ... by its central meridian".
    path = tmp_path / "jd.shp"
    _zones().to_file(path, encoding="utf-8")
    path.with_suffix(".prj").unlink()
    if prj:
        path.with_suffix(".prj").write_text(pyproj.CRS(prj).to_wkt("WKT1_ESRI"))
    fits = r"read as EPSG:4548 \(CGCS2000 / 3-degree Gauss-Kruger CM 117E\) they lie in 天桥区 \(370105\)"
    options = {"code_field": "JDDM"} if codes == "JDDM" else {"district_code": "370105"} if codes else {}  # else names
    with pytest.raises(InputError, match=fits):
        load_boundaries(path, name_field="JDMC", **options)
    _zones().assign(JDMC=["甲街道", "乙街道", "丙街道"]).to_file(path, encoding="utf-8")
    path.with_suffix(".prj").unlink()
    if prj:
        path.with_suffix(".prj").write_text(pyproj.CRS(prj).to_wkt("WKT1_ESRI"))
    with pytest.raises(InputError) as unknown:  # names of no district, no code: nothing tells the zone
        load_boundaries(path, name_field="JDMC")
    assert "read as" not in str(unknown.value)


def test_a_subdistrict_drawn_as_two_features_of_one_code_and_name_is_one_subdistrict(tmp_path):
    # 北园街道 stored as two features (an exclave, one per map sheet): one 街道, joined whole, said once.
    zones = _zones()
    halves = [shapely.box(*b) for b in ((502_000, 4_062_000, 502_400, 4_063_000),
                                        (502_400, 4_062_000, 503_000, 4_063_000))]
    split = gpd.GeoDataFrame(zones.iloc[[0, 1, 2, 2]].drop(columns="geometry"),
                             geometry=[*zones.geometry.iloc[:2], *halves], crs=zones.crs)
    path = tmp_path / "jd.gpkg"
    split.to_file(path, driver="GPKG")
    loaded, warnings = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert loaded["code"].tolist() == ["370105001", "370105003", "370105014"]
    assert loaded.to_crs(4548).area.round(0).tolist() == [1e6, 1e6, 1e6]
    assert [w for w in warnings if "several features" in w] == [
        f"{path}: 1 街道 drawn as several features of one code and name (370105014); each is joined as one 街道"]
    # One code naming two different 街道 is still refused, naming the code.
    clash = split.assign(JDDM=["370105001", "370105001", "370105014", "370105014"])
    clash.to_file(path, driver="GPKG")
    with pytest.raises(InputError, match=r"duplicate 街道 codes in 'JDDM' name different 街道 \(370105001\)"):
        load_official_zones(path, name_field="JDMC", code_field="JDDM")


def test_a_subdistrict_drawn_as_two_features_of_one_name_without_codes_is_one_subdistrict(tmp_path):
    # Without --code-field the row numbers were the codes: 北园街道 in two features (two map sheets)
    # was two 街道 of one name, two coverage rows, and a road across the sheet line counted twice.
    zones = _zones()
    halves = [shapely.box(*b) for b in ((502_000, 4_062_000, 502_400, 4_063_000),
                                        (502_400, 4_062_000, 503_000, 4_063_000))]
    split = gpd.GeoDataFrame({"JDMC": [*NAMES[:2], "北园街道", "北园街道"]},
                             geometry=[*zones.geometry.iloc[:2], *halves], crs=zones.crs)
    path = tmp_path / "jd.gpkg"
    split.to_file(path, driver="GPKG")
    loaded, warnings = load_official_zones(path, name_field="JDMC")
    assert loaded["code"].tolist() == ["001", "002", "003"]
    assert loaded["name"].tolist() == NAMES
    assert loaded.to_crs(4548).area.round(0).tolist() == [1e6, 1e6, 1e6]
    assert [w for w in warnings if "several features" in w or "share a name" in w] == [
        f"{path}: 1 街道 drawn as several features of one name (北园街道); each is joined as one 街道"]
    # The district's list gives it its code, once.
    boundaries = load_boundaries(path, name_field="JDMC")
    assert sorted(boundaries.zones["code"]) == ["370105001", "370105003", "370105014"]


def test_districts_with_a_feature_without_a_code_are_refused_naming_it(tmp_path):
    # A null code is no code: read as NaN it once crashed the county lookup with a TypeError.
    path = tmp_path / "jd.geojson"
    _zones("EPSG:4326").assign(JDDM=[None, "370105003", "370105014"]).to_file(path, driver="GeoJSON")
    with pytest.raises(InputError, match=r"jd.geojson: 1 of 3 features has an empty 'JDDM' \(无影山街道\)"):
        load_boundaries(path, name_field="JDMC", code_field="JDDM")


def test_district_codes_stored_as_real_numbers_are_read_as_whole_codes(tmp_path):
    # A code column typed Real (a .dbf N(19,11), a table joined in Excel) gives 370105001.0.
    path = tmp_path / "jd.geojson"
    _zones("EPSG:4326").assign(JDDM=[370105001.0, 370105003.0, 370105014.0]).to_file(path, driver="GeoJSON")
    boundaries = load_boundaries(path, name_field="JDMC", code_field="JDDM")
    assert list(boundaries.zones["code"]) == ["370105001", "370105003", "370105014"]
    assert boundaries.outline["code"].iloc[0] == "370105"  # the county is found from the codes


def test_geopackage_attribute_table_with_the_name_field_is_not_a_candidate_layer(tmp_path):
    import pandas as pd

    path = tmp_path / "jd.gpkg"
    pyogrio.write_dataframe(_zones(), path, layer="jiedao")
    pyogrio.write_dataframe(pd.DataFrame({"JDMC": NAMES, "population": [1, 2, 3]}), path, layer="population")
    zones, _ = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert sorted(zones["name"]) == sorted(NAMES)


def test_an_outline_with_infinite_coordinates_is_refused_naming_the_file(tmp_path):
    # GEOS stopped on it ("orientationIndex encountered NaN/Inf numbers") in a line naming no file.
    path = tmp_path / "outline.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": '
                    '{"type": "Polygon", "coordinates": [[[117.0, 36.68], [Infinity, 36.68], [117.02, 36.7], '
                    '[117.0, 36.68]]]}}]}', encoding="utf-8")
    with pytest.raises(InputError, match=r"outline.geojson: has NaN or infinite coordinates"):
        load_boundaries(outline_path=path)


def test_a_folder_with_two_candidate_shapefiles_names_them_in_name_order(tmp_path):
    # The folder's layers came in the file system's order ("b, a" on one machine, "a, b" on another).
    folder = tmp_path / "jd"
    folder.mkdir()
    for name in ("b", "c", "a"):
        pyogrio.write_dataframe(_zones(), folder / f"{name}.shp", encoding="UTF-8")
    with pytest.raises(InputError, match=r"several layers have a 'JDMC' column \(a, b, c\); name one as "
                                         r"'.*jd\|layername=a'"):
        load_official_zones(folder, name_field="JDMC")


def test_a_utf8_shapefile_whose_chinese_field_name_gdal_cut_mid_character_is_read(tmp_path, capsys):
    # QGIS and ogr2ogr save a Shapefile in UTF-8 and cut a field name at the .dbf's 10 bytes:
    # 街道名称 (12 bytes) becomes 街道名 and one byte of 称. The records are sound UTF-8.
    path = tmp_path / "jd.shp"
    with pytest.warns(RuntimeWarning):  # GDAL's "Normalized/laundered field name"
        pyogrio.write_dataframe(_zones().rename(columns={"JDMC": "街道名称", "JDDM": "街道代码"}), path,
                                encoding="UTF-8")
    assert path.with_suffix(".cpg").read_text(encoding="ascii") == "UTF-8"
    zones, _ = load_official_zones(path, name_field="街道名称", code_field="街道代码")
    assert sorted(zones["name"]) == sorted(NAMES)
    assert sorted(zones["code"]) == ["370105001", "370105003", "370105014"]
    zones, _ = load_official_zones(path, name_field="街道名", code_field="街道代")  # as the file holds them
    assert sorted(zones["name"]) == sorted(NAMES)


def test_a_geojson_of_gauss_kruger_metres_is_refused_naming_the_zone_its_numbers_give(tmp_path):
    # GeoJSON is lon/lat by definition: a GIS that saved Gauss-Kruger metres into it (zone 39's
    # 39500000 eastings) puts them far outside the range; the line says what the numbers are.
    path = tmp_path / "jd.geojson"
    _zones("EPSG:4527").to_file(path, driver="GeoJSON", engine="pyogrio", RFC7946="NO", WRITE_NAME="NO")
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'"crs": \{.*?\}\s*\}\s*,', "", text, flags=re.S), encoding="utf-8")  # no crs member
    with pytest.raises(InputError, match=r"jd\.geojson: its coordinates \(x 39\d+(\.\d+)? to 39\d+(\.\d+)?, y .*\) are out of "
                                         r"range of its CRS, EPSG:4326 \(WGS 84\), in lon/lat degrees: wrong CRS\?; its eastings carry the Gauss-Kruger zone number 39: if CGCS2000, EPSG:4527"):
        load_official_zones(path, name_field="JDMC", code_field="JDDM")


def test_invisible_characters_in_subdistrict_names_are_dropped_from_the_names_shown(tmp_path):
    # A right-to-left override in a 街道 name showed it reversed on the maps; an isolate, a zero-width
    # space or a BOM pasted from a web page stayed in every output (extraction drops them already).
    path = tmp_path / "jd.geojson"
    shown = ["无影山\u202e街道", "\u2067天桥东街街道\u2069", "北园\u200b街道\ufeff"]
    _zones("EPSG:4326").assign(JDMC=shown).to_file(path, driver="GeoJSON")
    zones, _ = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert list(zones["name"]) == NAMES


def test_a_districts_placemark_without_coordinates_is_refused_by_name_not_read_at_0_0(tmp_path):
    # GDAL reads a placemark with empty <coordinates> as POINT (0 0): the file was refused as "expected
    # polygons, found Point, Polygon", or as lying outside China, not for the 街道 it cannot place.
    rings = ["".join(f"{x},{y} " for x, y in shapely.get_coordinates(g.exterior)) for g in _zones("EPSG:4326").geometry]
    body = "".join(f"<Placemark><name>{name}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>{ring}"
                   "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
                   for name, ring in zip(NAMES[:2], rings))
    path = tmp_path / "jd.kml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                    f"{body}<Placemark><name>{NAMES[2]}</name><Point><coordinates></coordinates></Point></Placemark>"
                    "</Document></kml>", encoding="utf-8")
    with pytest.raises(InputError, match=r"1 of 3 features has no geometry \(北园街道; placemarks without coordinates: "
                                         r"empty, not numbers or 0,0\)$"):
        load_official_zones(path, name_field="name")


def _placemarks_with_pins(pinned):
    """A KML of the three 街道 as polygons, and a pin (a point placemark) for each name of ``pinned``."""
    zones = _zones("EPSG:4326")
    rings = ["".join(f"{x},{y} " for x, y in shapely.get_coordinates(g.exterior)) for g in zones.geometry]
    body = "".join(f"<Placemark><name>{name}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>{ring}"
                   "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
                   for name, ring in zip(NAMES, rings))
    x, y = zones.geometry.iloc[0].centroid.coords[0]
    body += "".join(f"<Placemark><name>{name}</name><Point><coordinates>{x},{y}</coordinates></Point></Placemark>"
                    for name in pinned)
    return ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            f"{body}</Document></kml>")


def test_pins_named_as_the_districts_polygons_are_left_out_with_a_warning(tmp_path):
    # An 奥维 or Google Earth KML of 街道 drawn as areas, with a pin at each: it was refused, 'expected
    # polygons, found Point, Polygon'.
    path = tmp_path / "jd.kml"
    path.write_text(_placemarks_with_pins(NAMES), encoding="utf-8")
    zones, warnings = load_official_zones(path, name_field="name")
    assert sorted(zones["name"]) == sorted(NAMES)
    assert f"{path}: 3 features (Point) named as its 街道 polygons are left out (pins or labels: 无影山街道、天桥东街街道、" \
           "北园街道)" in warnings


def test_a_pin_of_a_name_no_polygon_has_is_still_refused(tmp_path):
    path = tmp_path / "jd.kml"
    path.write_text(_placemarks_with_pins(["药山街道"]), encoding="utf-8")
    with pytest.raises(InputError, match="expected polygons, found Point, Polygon"):
        load_official_zones(path, name_field="name")


def _with_aliases(path, table, aliases):
    """Give the columns of a GeoPackage's ``table`` aliases, where GDAL (and ArcGIS Pro, QGIS through
    GDAL) keeps a field's alias: the ``name`` of its row in ``gpkg_data_columns``."""
    import sqlite3

    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE IF NOT EXISTS gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
                   "name TEXT, title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT, "
                   "CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name))")
        db.execute("INSERT OR IGNORE INTO gpkg_extensions VALUES ('gpkg_data_columns', NULL, 'gpkg_schema', "
                   "'http://www.geopackage.org/spec/#extension_schema', 'read-write')")
        db.executemany("INSERT INTO gpkg_data_columns (table_name, column_name, name) VALUES (?, ?, ?)",
                       [(table, column, alias) for column, alias in aliases.items()])


def test_a_name_field_given_by_its_alias_reads_the_field_it_names(tmp_path):
    # ArcGIS and QGIS show a field by its alias (街道名称 for JDMC): the planner types what the table showed.
    path = tmp_path / "jd.gpkg"
    pyogrio.write_dataframe(_zones(), path, layer="jiedao")
    _with_aliases(path, "jiedao", {"JDMC": "街道名称", "JDDM": "街道代码"})
    zones, _ = load_official_zones(path, name_field="街道名称", code_field="街道代码")
    assert sorted(zones["name"]) == sorted(NAMES)
    assert sorted(zones["code"]) == ["370105001", "370105003", "370105014"]
    with pytest.raises(InputError, match=r"--name-field '名称' is not a column \(columns: JDMC \(街道名称\), JDDM \(街道代码\)\)"):
        load_official_zones(path, name_field="名称")


def test_zones_whose_edges_are_densified_to_centimetres_are_buffered_at_their_shape(tmp_path, monkeypatch):
    # ArcGIS's Densify (or arcs stroked finely) gives an edge a vertex every few centimetres, and the
    # file rounds them to a centimetre: closing the slivers between such 街道 and rounding their
    # outline buffered every vertex, nodes growing with their square (200,000 took 15 s, a million
    # ran out of 24 GB). Their shape is a few corners, and that is what is buffered.
    import numpy as np
    from shapely.geometry.base import BaseGeometry

    dense = _zones()
    dense["geometry"] = [shapely.Polygon(np.round(shapely.get_coordinates(shapely.segmentize(g, 0.5)), 2))
                         for g in dense.geometry]
    assert shapely.get_num_coordinates(dense.geometry.values).sum() > 20_000
    path = tmp_path / "jd.gpkg"
    dense.to_file(path)
    buffered = []
    real = BaseGeometry.buffer

    def buffer(geom, *args, **kwargs):
        buffered.append(shapely.get_num_coordinates(geom))
        return real(geom, *args, **kwargs)

    monkeypatch.setattr(BaseGeometry, "buffer", buffer)
    boundaries = load_boundaries(path, name_field="JDMC", code_field="JDDM")
    assert boundaries.warnings == []
    assert buffered and max(buffered) < 100, buffered
    whole = shapely.union_all(boundaries.zones.geometry.values)
    assert boundaries.outline.geometry.iloc[0].symmetric_difference(whole).area < 1e-6 * whole.area


def test_districts_whose_prj_is_named_gcj02_are_shifted_without_the_option(tmp_path):
    # A .prj named GCJ02 (a web-map downloader's): the 街道 stayed some 500 m off, with a warning to pass
    # --districts-datum gcj02 for what the file itself says.
    from geo import crs

    truth, shifted = _bundled_zones_in("gcj02", tmp_path)
    path = tmp_path / "jd.shp"
    gpd.read_file(shifted).to_file(path, encoding="UTF-8")
    path.with_suffix(".prj").write_text('GEOGCS["GCJ02",DATUM["D_GCJ02",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
                                        'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]', encoding="ascii")
    boundaries = load_boundaries(path, name_field="name", code_field="code")
    assert boundaries.warnings == []
    assert set(boundaries.zones["source"]) == {f"official boundaries from jd.shp, {crs.DATUM_LABELS['gcj02']} "
                                               "shifted to WGS-84"}
    got = boundaries.zones.set_index("code").geometry.to_crs(4548)
    for code, geom in truth.set_index("code").geometry.to_crs(4548).items():
        assert got[code].hausdorff_distance(geom) < 0.01


@pytest.mark.parametrize("field", ["JDMC", "JDDM"])
def test_a_name_or_code_given_as_a_list_is_refused_not_shown_in_its_python_form(tmp_path, field):
    # GeoJSON ["无影山街道"] (GDAL's StringList) was read as the 街道 "['无影山街道']", on every map and table.
    import json

    path = tmp_path / "jd.geojson"
    _zones("EPSG:4326").to_file(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    for feature in data["features"]:
        feature["properties"][field] = [feature["properties"][field]]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"jd.geojson: feature 1's {field!r} is a list ([\"")) as info:
        load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert "not one value: give each feature one name and one code, as text" in str(info.value)


def test_districts_geojson_whose_crs_member_names_gcj02_are_shifted_from_it(tmp_path):
    # A web-map downloader's GeoJSON, "crs": {"type": "name", "properties": {"name": "GCJ02"}}: refused as
    # an unknown CRS, where a .prj so named is read as GCJ-02 (the test above).
    import json

    from geo import crs

    truth, shifted = _bundled_zones_in("gcj02", tmp_path)
    path = tmp_path / "jd.geojson"
    data = json.loads(gpd.read_file(shifted).to_json())
    data["crs"] = {"type": "name", "properties": {"name": "GCJ02"}}
    path.write_text(json.dumps(dict(type=data["type"], crs=data["crs"], features=data["features"]),
                               ensure_ascii=False), encoding="utf-8")
    boundaries = load_boundaries(path, name_field="name", code_field="code")
    assert set(boundaries.zones["source"]) == {f"official boundaries from jd.geojson, {crs.DATUM_LABELS['gcj02']} "
                                               "shifted to WGS-84"}
    got = boundaries.zones.set_index("code").geometry.to_crs(4548)
    for code, geom in truth.set_index("code").geometry.to_crs(4548).items():
        assert got[code].hausdorff_distance(geom) < 0.01


@pytest.mark.parametrize("name, wrapper", [("jd.js", "var jiedao = {};\n"), ("jd.json", "// 街道\nwindow.jiedao={}"),
                                           ("jd.geojson", "jsonp_1({});")])
def test_districts_shipped_as_javascript_by_a_web_map_are_read(tmp_path, name, wrapper):
    # A Leaflet or ECharts page's data file, var jiedao = {…};: "not a vector file GDAL reads" (.js) or "invalid JSON
    # at line 1 column 1 (Expecting value)" (.json).
    text = _zones("EPSG:4326").to_json(ensure_ascii=False)
    (tmp_path / name).write_text(wrapper.replace("{}", text), encoding="utf-8")
    zones, _ = load_official_zones(tmp_path / name, name_field="JDMC", code_field="JDDM")
    assert list(zones["name"]) == NAMES and list(zones["code"]) == ["370105001", "370105003", "370105014"]


def test_a_javascript_file_that_is_no_data_is_refused_in_one_line(tmp_path):
    path = tmp_path / "jd.js"
    path.write_text("function jiedao() { return 1; }\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"{path}: not a vector file GDAL reads")):
        load_official_zones(path, name_field="JDMC")


@pytest.mark.parametrize("name, wrapper", [("jd.geojson", "{}"), ("jd.json", "{}"), ("jd.js", "var jiedao = {};")])
def test_features_without_a_type_member_are_refused_naming_the_missing_member(tmp_path, name, wrapper):
    # {"features": […]} from a script: GDAL's bare "Failed to read GeoJSON data" named neither the file's fault nor
    # the fix.
    import json

    features = json.loads(_zones("EPSG:4326").to_json(ensure_ascii=False))["features"]
    path = tmp_path / name
    path.write_text(wrapper.replace("{}", json.dumps({"features": features}, ensure_ascii=False)), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f'{path}: is JSON with "features" but no "type" member, which '
                                                   'GeoJSON needs: add "type": "FeatureCollection"')):
        load_official_zones(path, name_field="JDMC")


@pytest.mark.parametrize("name", ["jd.js", "jd.json"])
def test_javascript_data_in_gbk_is_refused_saying_to_save_it_as_utf8(tmp_path, name):
    # A web map's var jiedao = {…}; saved in GBK by a Chinese editor: "not a vector file GDAL reads".
    text = _zones("EPSG:4326").to_json(ensure_ascii=False)
    path = tmp_path / name
    path.write_bytes(f"var jiedao = {text};\n".encode("gbk"))
    with pytest.raises(InputError, match=re.escape(f"{path}: is JavaScript holding JSON in GBK, and GeoJSON text "
                                                   "must be UTF-8 (RFC 7946); save the file as UTF-8")):
        load_official_zones(path, name_field="JDMC")


def test_a_bare_geojson_in_gbk_named_js_is_told_to_be_utf8(tmp_path):
    path = tmp_path / "jd.js"
    path.write_bytes(_zones("EPSG:4326").to_json(ensure_ascii=False).encode("gbk"))
    with pytest.raises(InputError, match=re.escape(f"{path}: GeoJSON text must be UTF-8 (RFC 7946); save the file as "
                                                   "UTF-8")):
        load_official_zones(path, name_field="JDMC")
