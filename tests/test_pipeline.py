"""The whole pipeline on the embedded default: committed outputs are exactly what `geo build` writes."""

import json
import re
from pathlib import Path

import pytest
import shapely.geometry
from click.testing import CliRunner

from geo.cli import main

REPO = Path(__file__).resolve().parent.parent
OUTPUTS = ["projects.geojson", "layers", "maps_out"]


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(main, ["build", "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def _files(root):
    found = {}
    for name in OUTPUTS:
        path = root / name
        items = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for item in items:
            found[str(item.relative_to(root))] = item.read_bytes()
    return found


def test_committed_outputs_are_exactly_what_build_writes(build_dir):
    out, _ = build_dir
    built, committed = _files(out), _files(REPO)
    assert sorted(built) == sorted(committed), "file lists differ: rerun `geo build` and commit"
    differing = [name for name in built if built[name] != committed[name]]
    assert not differing, f"committed outputs are stale: {differing}"


def test_build_prints_what_it_wrote(build_dir):
    out, output = build_dir
    for name in ("projects.geojson", "maps_out/projects.html", "maps_out/coverage.html", "maps_out/index.html",
                 "maps_out/coverage.csv", "maps_out/coverage.md", "layers/subdistricts.geojson"):
        assert f"wrote {out / name}" in output


def test_every_seed_project_is_located_or_has_a_reason(build_dir):
    out, _ = build_dir
    features = json.loads((out / "projects.geojson").read_text(encoding="utf-8"))["features"]
    assert features
    for feature in features:
        props = feature["properties"]
        geocode = props["geocode"]
        if feature["geometry"] is None:
            assert geocode["status"] == "unlocated" and geocode["reason"], props["name"]
        else:
            assert geocode["status"] in ("matched", "approximate")
            for key in ("source", "method", "source_datum", "accuracy_m"):
                assert geocode[key], (props["name"], key)
        if props.get("named") is False:
            assert feature["geometry"] is None  # counted groups stay district-wide


def test_roads_are_lines_and_facilities_points(build_dir):
    out, _ = build_dir
    layers = {p.stem: json.loads(p.read_text(encoding="utf-8"))["features"] for p in (out / "layers").glob("*.geojson")}
    for name in ("road_rebuild", "road_greening"):
        assert layers[name], name
        assert {f["geometry"]["type"] for f in layers[name]} <= {"LineString", "MultiLineString"}, name
    for name in ("school", "health", "market", "sanitation", "commercial"):
        for feature in layers.get(name, []):
            assert feature["geometry"]["type"] == "Point", (name, feature["properties"]["name"])
    assert {f["geometry"]["type"] for f in layers["subdistricts"]} <= {"Polygon", "MultiPolygon"}


def _official_strips(tmp_path):
    """Three official-looking 街道: the district outline cut into vertical strips, GBK Shapefile in EPSG:4548."""
    import geopandas as gpd
    import pyogrio
    import shapely

    from geo.data import load_district_outline

    outline = load_district_outline().to_crs(4548).geometry.iloc[0]
    x0, y0, x1, y1 = outline.bounds
    cuts = [x0 + (x1 - x0) * f for f in (0, 0.45, 0.55, 1.0)]
    strips = [outline.intersection(shapely.box(a, y0, b, y1)) for a, b in zip(cuts, cuts[1:])]
    gdf = gpd.GeoDataFrame({"JDMC": ["西区街道", "中区街道", "东区街道"], "JDDM": ["A1", "A2", "A3"]},
                           geometry=strips, crs="EPSG:4548")
    path = tmp_path / "official.shp"
    pyogrio.write_dataframe(gdf, path, encoding="GBK")
    path.with_suffix(".cpg").unlink(missing_ok=True)
    return path


def test_stages_one_by_one_with_official_boundaries(tmp_path, monkeypatch):
    from geo.data import REPORT_PATH

    shp = _official_strips(tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    official = ["--districts", str(shp), "--name-field", "JDMC", "--code-field", "JDDM"]
    steps = [["extract", str(REPORT_PATH)], ["geocode", *official], ["join"],
             ["coverage", "--format", "json", "-o", "coverage.json"], ["render", "--basemap", "none"]]
    for step in steps:
        result = runner.invoke(main, step)
        assert result.exit_code == 0, (step, result.output)
    zones = json.loads((tmp_path / "layers" / "subdistricts.geojson").read_text(encoding="utf-8"))["features"]
    assert sorted(z["properties"]["name"] for z in zones) == ["东区街道", "中区街道", "西区街道"]
    assert {z["properties"]["boundary_quality"] for z in zones} == {"official"}
    report = json.loads((tmp_path / "coverage.json").read_text(encoding="utf-8"))
    text = json.dumps(report, ensure_ascii=False)
    assert "official" in text and "approximate" not in text
    catalog = json.loads((tmp_path / "projects.geojson").read_text(encoding="utf-8"))["features"]
    located = [f for f in catalog if f["geometry"] is not None]
    assert located and all(f["properties"]["subdistricts"] for f in located)
    for feature in located:
        codes = {s["code"] for s in feature["properties"]["subdistricts"]}
        assert codes <= {"A1", "A2", "A3"}
    page = (tmp_path / "maps_out" / "projects.html").read_text(encoding="utf-8")
    assert "中区街道" in page and "approximate (not official)" not in page


def test_build_geocodes_through_an_osm_extract(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("加快推进测试北路改造，推进测试人民医院改扩建工程，建设测试公园。", encoding="utf-8")
    osm = Path(__file__).parent / "fixtures" / "mini_tianqiao.osm"
    result = CliRunner().invoke(main, ["build", "--report", str(report), "--osm", str(osm), "--basemap", "none",
                                       "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    catalog = json.loads((tmp_path / "out" / "projects.geojson").read_text(encoding="utf-8"))["features"]
    by_name = {f["properties"]["name"]: f for f in catalog}
    assert set(by_name) == {"测试北路", "测试人民医院", "测试公园"}
    for name, geometry_type in (("测试北路", "LineString"), ("测试人民医院", "Point"), ("测试公园", "MultiPolygon")):
        feature = by_name[name]
        geocode = feature["properties"]["geocode"]
        assert feature["geometry"]["type"] == geometry_type, name
        assert "OpenStreetMap" in geocode["source"] and geocode["source_datum"] == "wgs84"
        assert geocode["status"] == "matched" and geocode["accuracy_m"] == 20
    # The road from two OSM ways is one line, split across the 街道 it crosses, km in EPSG:4548.
    road = by_name["测试北路"]["properties"]
    assert sum(s["km"] for s in road["subdistricts"]) == pytest.approx(5.35, abs=0.05)


def _catalog_with_geometry(path, geometry):
    feature = {"type": "Feature", "id": "road_rebuild-a", "geometry": geometry, "properties": {
        "id": "road_rebuild-a", "name": "水屯北路", "category": "road_rebuild", "named": True}}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def test_a_catalog_geometry_collection_of_lines_is_read_as_one_multiline(tmp_path):
    from geo.pipeline import read_catalog

    lines = {"type": "GeometryCollection", "geometries": [
        {"type": "LineString", "coordinates": [[117.0, 36.7], [117.01, 36.7]]},
        {"type": "MultiLineString", "coordinates": [[[117.02, 36.7], [117.03, 36.7]]]}]}
    [feature], _ = read_catalog(_catalog_with_geometry(tmp_path / "projects.geojson", lines))
    assert feature["geometry"].geom_type == "MultiLineString" and len(feature["geometry"].geoms) == 2


def test_a_catalog_geometry_collection_mixing_kinds_is_refused_naming_the_feature(tmp_path):
    from geo.io import InputError
    from geo.pipeline import read_catalog

    mixed = {"type": "GeometryCollection", "geometries": [
        {"type": "Point", "coordinates": [117.0, 36.7]},
        {"type": "LineString", "coordinates": [[117.0, 36.7], [117.01, 36.7]]}]}
    with pytest.raises(InputError, match=r"projects.geojson: feature 1 has a GeometryCollection of LineString, Point"):
        read_catalog(_catalog_with_geometry(tmp_path / "projects.geojson", mixed))


@pytest.mark.parametrize("kind", ["Point", "LineString", "Polygon", "MultiLineString"])
def test_a_catalog_project_with_an_empty_geometry_is_refused_not_dropped_from_the_layers(tmp_path, kind):
    # {"type": "LineString", "coordinates": []} was read as no geometry with the status still 'matched':
    # the project left every layer and the map, and the run said nothing.
    from geo.io import InputError
    from geo.pipeline import read_catalog

    empty = {"type": kind, "coordinates": []}
    with pytest.raises(InputError, match=rf"projects.geojson: feature 1 has an empty {kind} \(a project not located "
                                         r"has geometry null\)"):
        read_catalog(_catalog_with_geometry(tmp_path / "projects.geojson", empty))


def test_a_counted_group_with_a_geometry_gets_no_subdistrict_as_in_the_coverage(tmp_path):
    # "13条道路" drawn by hand in projects.geojson: district-wide in coverage, so no 街道 km either.
    from geo.boundaries import load_boundaries
    from geo.pipeline import coverage_of, join_catalog

    line = {"type": "LineString", "coordinates": [[116.99, 36.69], [117.01, 36.69]]}
    features = [{"type": "Feature", "geometry": shapely.geometry.shape(line), "properties": {
        "id": f"road_rebuild-{named}", "name": "道路" if not named else "水屯北路", "category": "road_rebuild",
        "named": named}} for named in (False, True)]
    boundaries = load_boundaries()
    joined, allocations = join_catalog(features, boundaries)
    by_id = {f["properties"]["id"]: f["properties"]["subdistricts"] for f in joined}
    assert by_id["road_rebuild-False"] == [] and by_id["road_rebuild-True"]
    assert set(allocations["id"]) == {"road_rebuild-True"}
    report = coverage_of(joined, allocations, boundaries)
    assert report.header["counts"]["district_wide"] == 1
    assert report.totals["road_km_rebuild"] == pytest.approx(sum(s["km"] for s in by_id["road_rebuild-True"]),
                                                             abs=1e-3)


def test_two_gazetteers_of_one_file_name_are_two_tiers_named_by_their_folders(tmp_path):
    # a/placed.csv and b/placed.csv were one tier name: an error about a row placed by hand in
    # one of them could name the other.
    from geo.pipeline import build_gazetteer, gazetteer_tier

    paths = []
    for folder, name in (("a", "北园小学"), ("b", "天桥医院")):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "placed.csv")
        paths[-1].write_text(f"name,lon,lat,datum\n{name},117.0,36.7,wgs84\n", encoding="utf-8")
    other = tmp_path / "sites.csv"
    other.write_text("name,lon,lat,datum\n泺口,117.01,36.71,wgs84\n", encoding="utf-8")
    tiers = [gazetteer_tier(path, [*paths, other]) for path in (*paths, other)]
    assert tiers == [f"user gazetteer {tmp_path}/a/placed.csv", f"user gazetteer {tmp_path}/b/placed.csv",
                     "user gazetteer sites.csv"]
    assert [tier for tier, _ in build_gazetteer([*paths, other]).tiers][:3] == tiers


def _townships_apart(tmp_path):
    """Three 乡镇 of 1 km x 1 km in EPSG:4545 (雷山县), the middle one drawn 3 m short of its western
    neighbour (a sliver open to the county's edge at both ends), as a 乡镇 layer of 1-5 m slivers has it."""
    import geopandas as gpd

    from geo.boundaries import load_boundaries

    x0, y0 = 510_000, 2_910_000
    geoms = [shapely.box(x0, y0, x0 + 1000, y0 + 1000), shapely.box(x0 + 1003, y0, x0 + 2000, y0 + 1000),
             shapely.box(x0 + 2000, y0, x0 + 3000, y0 + 1000)]
    frame = gpd.GeoDataFrame({"XZMC": ["永乐镇", "郎德镇", "望丰乡"], "XZDM": ["522634102", "522634103", "522634200"]},
                             geometry=geoms, crs="EPSG:4545")
    frame.to_file(tmp_path / "乡镇.gpkg")
    return load_boundaries(tmp_path / "乡镇.gpkg", name_field="XZMC", code_field="XZDM"), x0, y0


def _lonlat(x, y):
    from pyproj import Transformer

    return Transformer.from_crs(4545, 4326, always_xy=True).transform(x, y)


def test_a_school_in_a_sliver_between_townships_counts_in_the_township_beside_it_with_a_warning(tmp_path):
    # The school 1 m off 郎德镇's edge, in the 3 m the bureau's polygons leave between it and 永乐镇:
    # it was in no 乡镇, counted with the projects outside the county.
    from geo.pipeline import join_catalog

    boundaries, x0, y0 = _townships_apart(tmp_path)
    school = shapely.Point(*_lonlat(x0 + 1002, y0 + 500))
    features = [{"type": "Feature", "geometry": school, "properties": {
        "id": "school-1", "name": "郎德中心小学", "category": "school", "named": True}}]
    warnings = []
    joined, _ = join_catalog(features, boundaries, warnings)
    assert [s["name"] for s in joined[0]["properties"]["subdistricts"]] in (["永乐镇"], ["郎德镇"])
    assert warnings == ["1 project(s) placed in a gap of under 10 m between 乡镇 (their polygons drawn apart) "
                        "counted in the 乡镇 beside it: 郎德中心小学"]
    # 乡镇 read back from layers/subdistricts.geojson (geo join after geo geocode): their gaps found again
    from dataclasses import replace

    again, _ = join_catalog(features, replace(boundaries, gaps=None), [])
    assert again[0]["properties"]["subdistricts"] == joined[0]["properties"]["subdistricts"]


def test_a_road_along_a_sliver_between_townships_keeps_its_length(tmp_path):
    # A 乡道 along the boundary, in the 3 m sliver: it counted nowhere (share 0 of a located road).
    from geo.pipeline import join_catalog

    boundaries, x0, y0 = _townships_apart(tmp_path)
    road = shapely.LineString([_lonlat(x0 + 1001.5, y0 + 100), _lonlat(x0 + 1001.5, y0 + 900)])
    features = [{"type": "Feature", "geometry": road, "properties": {
        "id": "road-1", "name": "永郎公路", "category": "road_rebuild", "named": True}}]
    warnings = []
    joined, allocations = join_catalog(features, boundaries, warnings)
    assert allocations["share"].sum() == pytest.approx(1.0, abs=1e-6)
    assert allocations["km"].sum() == pytest.approx(0.8, abs=1e-3)
    assert warnings == []  # a line in a sliver is no news: crossing one is every road's lot


def test_a_countys_build_says_its_stages_in_its_townships_word(tmp_path):
    # In a county of 镇 and 乡, `geo build` printed "join: allocating projects to 街道" and
    # "coverage: computing coverage by 街道".
    import geopandas as gpd
    import shapely

    from geo import data
    from geo.pipeline import BoundaryOptions, run_build

    outline = data.load_district_outline("522634").geometry.iloc[0]
    x0, y0, x1, y1 = outline.bounds
    towns = [outline.intersection(shapely.box(x0 + (x1 - x0) * i / 3, y0, x0 + (x1 - x0) * (i + 1) / 3, y1))
             for i in range(3)]
    path = tmp_path / "乡镇.gpkg"
    gpd.GeoDataFrame({"XZMC": ["丹江镇", "望丰乡", "达地水族乡"], "XZDM": ["522634100", "522634200", "522634203"]},
                     geometry=towns, crs=4326).to_file(path)
    report = tmp_path / "report.txt"
    report.write_text("今年，新建丹江镇中心小学，改造望丰乡卫生院。\n", encoding="utf-8")
    said = []
    run_build(report, out_dir=tmp_path / "out", progress=said.append,
              boundary_options=BoundaryOptions(districts=str(path), name_field="XZMC", code_field="XZDM"))
    assert [line for line in said if line.startswith(("join:", "coverage:"))] == [
        "join: allocating projects to 乡镇", "coverage: computing coverage by 乡镇"]
    # `geo join` said "… projects allocated to 2 of 3 街道".
    result = CliRunner().invoke(main, ["join", "-p", str(tmp_path / "out" / "projects.geojson"), "--layers-dir",
                                       str(tmp_path / "out" / "layers"), "--districts", str(path),
                                       "--name-field", "XZMC", "--code-field", "XZDM"])
    assert result.exit_code == 0, result.output
    assert re.search(r"projects allocated to \d of 3 乡镇$", result.output.strip())


@pytest.mark.parametrize("declared, said", [
    ("urn:ogc:def:crs:EPSG::4548", "its coordinates (x 117 to 117.02, y 36.68 to 36.69) are lon/lat degrees, and its "
                                   "CRS, EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), is in metres"),
    ("EPSG:99999", "declares an unknown coordinate reference system 'EPSG:99999'"),
])
def test_a_catalog_whose_crs_member_its_numbers_cannot_be_in_is_refused_naming_the_crs(tmp_path, declared, said):
    # The catalog reader read the numbers as lon/lat whatever its crs member said.
    import json

    from geo.io import InputError
    from geo.pipeline import read_catalog

    path = tmp_path / "projects.geojson"
    feature = {"type": "Feature", "id": "school-a", "geometry": {"type": "LineString",
                                                                   "coordinates": [[117.0, 36.68], [117.02, 36.69]]},
               "properties": {"id": "school-a", "name": "甲小学", "category": "school", "action": "建设", "named": True,
                              "quote": "甲小学", "char_start": 0, "char_end": 3}}
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": declared}},
                                "features": [feature]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_catalog(path)
    assert str(info.value).startswith(f"{path}: {said}"), str(info.value)
    path.write_text(path.read_text(encoding="utf-8").replace(declared, "urn:ogc:def:crs:OGC:1.3:CRS84"), encoding="utf-8")
    assert len(read_catalog(path)[0]) == 1


@pytest.mark.parametrize("out_dir, said", [("blk", "is a file, expected an output directory"),
                                           ("blk/maps", "cannot create output directory (Not a directory)")])
def test_build_into_an_out_dir_that_cannot_be_one_is_refused_before_the_report_is_read(tmp_path, monkeypatch,
                                                                                        out_dir, said):
    # It was refused only once extraction, geocoding, the join and coverage had run (a minute for 1 MB).
    from geo import pipeline
    from geo.io import InputError

    monkeypatch.chdir(tmp_path)
    Path("blk").write_text("a file", encoding="utf-8")

    def not_yet(*args, **kwargs):
        raise AssertionError("the report was read before the output folder was checked")

    monkeypatch.setattr(pipeline, "_extract_dated", not_yet)
    with pytest.raises(InputError) as info:
        pipeline.run_build(out_dir=out_dir)
    assert str(info.value) == f"{out_dir}: {said}"


def test_render_writes_again_the_coverage_tables_a_build_left_beside_the_maps(tmp_path, monkeypatch):
    # geo render redrew coverage.html from the catalog as edited (a project removed after the build) while
    # maps_out/coverage.xlsx and the coverage CSVs, which its index.html links, still counted the build's.
    import csv

    monkeypatch.chdir(tmp_path)
    (tmp_path / "青山.txt").write_text("二、2025年重点工作\n新建白石小学，建设东湖公园，改造北关农贸市场。\n", encoding="utf-8")
    (tmp_path / "点位.csv").write_text("名称,经度,纬度\n白石小学,117.000,36.680\n东湖公园,117.005,36.683\n"
                                     "北关农贸市场,117.004,36.681\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--report", "青山.txt", "--gazetteer", "点位.csv", "--basemap", "none"])
    assert result.exit_code == 0, result.output
    catalog = json.loads(Path("projects.geojson").read_text(encoding="utf-8"))
    located = [f for f in catalog["features"] if f["geometry"]]
    assert len(located) == 3
    catalog["features"] = [f for f in catalog["features"] if f is not located[0]]
    Path("projects.geojson").write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(main, ["render", "--basemap", "none"])
    assert result.exit_code == 0, result.output

    def counted():
        with open("maps_out/coverage.csv", encoding="utf-8-sig", newline="") as f:
            return sum(int(row["projects"]) for row in csv.DictReader(f))

    assert counted() == 2
    assert "wrote maps_out/coverage.xlsx" in result.output
    assert runner.invoke(main, ["render", "--basemap", "none", "-o", "其他"]).exit_code == 0
    assert not Path("其他/coverage.csv").exists()  # a folder of maps alone stays one


def test_the_report_date_kept_in_the_catalog_reaches_the_workbook_render_writes_again(tmp_path, monkeypatch):
    # geo render wrote coverage.xlsx again (the twelfth sweep) with its 说明 naming the report but not its date:
    # the catalog kept the report's file name alone, so `join` and `render` had lost the date the build read.
    import openpyxl

    monkeypatch.chdir(tmp_path)
    (tmp_path / "青山.txt").write_text("——2025年1月9日在青山县第十八届人民代表大会第四次会议上\n二、2025年重点工作\n"
                                     "新建白石小学，建设东湖公园，改造北关农贸市场。\n", encoding="utf-8")
    (tmp_path / "点位.csv").write_text("名称,经度,纬度\n白石小学,117.000,36.680\n东湖公园,117.005,36.683\n"
                                     "北关农贸市场,117.004,36.681\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--report", "青山.txt", "--gazetteer", "点位.csv", "--basemap", "none"])
    assert result.exit_code == 0, result.output
    assert json.loads(Path("projects.geojson").read_text(encoding="utf-8"))["metadata"]["report_date"] == "2025-01-09"
    for args in (["join"], ["render", "--basemap", "none"]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    about = {row[1]: row[2] for row in openpyxl.load_workbook("maps_out/coverage.xlsx")["说明"].iter_rows(
        min_row=2, values_only=True)}
    assert about["报告 Report"] == "青山.txt" and about["报告日期 Report date"] == "2025-01-09"
    assert runner.invoke(main, ["extract", "青山.txt", "-o", "单独.geojson"]).exit_code == 0
    assert json.loads(Path("单独.geojson").read_text(encoding="utf-8"))["metadata"]["report_date"] == "2025-01-09"
