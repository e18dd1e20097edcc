"""Layer export: round trips through every format, Shapefile field names and splits, filters, CRS, atomic output."""

import csv
import json
import os
import re
from pathlib import Path

import pyogrio
import pytest
import shapely
from click.testing import CliRunner

from geo.catalog import LAYER_COLUMNS
from geo.cli import main
from geo.export import SHAPEFILE_FIELD_NAMES, export_layers, list_layers, shapefile_field_names
from geo.io import InputError
from qgis_run import delimited_text_uri, run_in_qgis
from layer_edits import rename_first_feature

LONG_QUOTE = "实施北园大街东段、无影山中路等道路综合整治提升工程，" * 8  # > 254 bytes in UTF-8


def _square(x, y, size=0.02):
    return shapely.box(x, y, x + size, y + size)


def _project(pid, name, category, geom, allocations, *, quote="推进项目建设。", quantity=None, section=None):
    return {
        "id": pid, "geometry": geom,
        "properties": {
            "id": pid, "name": name, "category": category, "action": "建设", "quote": quote,
            "char_start": 3, "char_end": 3 + len(name), "quantity": quantity, "named": True,
            "section": section, "base_name": name,
            "geocode": ({"status": "matched", "source": "测试地名库", "method": "exact name",
                         "source_datum": "wgs84", "accuracy_m": 50.0, "reason": None} if geom is not None else
                        {"status": "unlocated", "source": None, "method": None, "source_datum": None,
                         "accuracy_m": None, "reason": "名称未在地名库中找到"}),
            "subdistricts": allocations,
        },
    }


WUYING = {"code": "370105001", "name": "无影山街道"}
BEIYUAN = {"code": "370105002", "name": "北园街道"}


def _catalog():
    return [
        _project("school-tianqiao-shiyan", "天桥实验小学", "school", shapely.Point(117.0051234, 36.6812345),
                 [dict(WUYING, share=1.0, km=None)]),
        _project("school-beiyuan-zhongxue", "北园中学", "school", shapely.Point(117.0251234, 36.6812345),
                 [dict(BEIYUAN, share=1.0, km=None)], quote=LONG_QUOTE),
        _project("road-rebuild-beiyuan-dajie", "北园大街", "road_rebuild",
                 shapely.LineString([(117.001, 36.69), (117.0199999, 36.6912345), (117.035, 36.69)]),
                 [dict(WUYING, share=0.55, km=1.7), dict(BEIYUAN, share=0.45, km=1.4)],
                 quantity={"value": 3.1, "unit": "公里"}, section="东段"),
        _project("park-xiaoqinghe", "小清河公园", "park", _square(117.005, 36.685, 0.004),
                 [dict(WUYING, share=1.0, km=None)]),
        _project("park-lotus-entrance", "荷花园入口广场", "park", shapely.Point(117.03, 36.682),
                 [dict(BEIYUAN, share=1.0, km=None)]),
        _project("welfare-unlocated", "幸福院", "welfare", None, [], quantity={"value": 13, "unit": "处"}),
    ]


@pytest.fixture
def out_dir(tmp_path):
    """A build-like directory: projects.geojson and layers/ written by the real pipeline writers."""
    import geopandas as gpd

    from geo.boundaries import Boundaries
    from geo.pipeline import write_catalog, write_layers

    zones = gpd.GeoDataFrame(
        {"code": [WUYING["code"], BEIYUAN["code"]], "name": [WUYING["name"], BEIYUAN["name"]],
         "boundary_quality": ["approximate"] * 2, "source": ["测试边界"] * 2},
        geometry=[_square(117.0, 36.68), _square(117.02, 36.68)], crs=4326)
    outline = gpd.GeoDataFrame({"code": ["370105"], "name": ["天桥区"], "source": ["测试边界"]},
                               geometry=[shapely.box(117.0, 36.68, 117.04, 36.70)], crs=4326)
    boundaries = Boundaries(zones=zones, outline=outline, quality="approximate", source="测试边界")
    features = _catalog()
    build = tmp_path / "build"
    write_catalog(build / "projects.geojson", features, "report.txt")
    write_layers(features, boundaries, build / "layers")
    return build


def _layer_json(out_dir, name):
    return json.loads((out_dir / "layers" / f"{name}.geojson").read_text(encoding="utf-8"))["features"]


def _same_value(got, want):
    """Equal, allowing for what OGR readers do to nulls (NaN/None) and integers (float)."""
    if want is None:
        return got is None or (isinstance(got, float) and got != got) or got == ""
    if isinstance(want, bool):
        return bool(got) == want
    if isinstance(want, (int, float)):
        return got is not None and abs(float(got) - want) < 1e-9
    return got == want


def _as_multi(geom):
    if geom.geom_type in ("Point", "LineString", "Polygon"):
        return getattr(shapely, "Multi" + geom.geom_type)([geom])
    return geom


def _close(a, b, tolerance=1e-7):
    a, b = shapely.normalize(_as_multi(a)), shapely.normalize(_as_multi(b))
    return shapely.equals_exact(a, b, tolerance=tolerance)


def _check_frame_against_layer(frame, features, renamed=None):
    renamed = renamed or {}
    assert len(frame) == len(features)
    frame = frame.set_index(renamed.get("id", "id"), drop=False)
    for feature in features:
        props = feature["properties"]
        row = frame.loc[props["id"]]
        for key, want in props.items():
            assert _same_value(row[renamed.get(key, key)], want), (props["id"], key, row[renamed.get(key, key)], want)
        assert _close(row.geometry, shapely.geometry.shape(feature["geometry"]))


# --------------------------------------------------------------------------- list


def test_list_layers_counts_types_and_crs(out_dir):
    rows = list_layers(out_dir / "layers")
    assert [r["layer"] for r in rows] == sorted(r["layer"] for r in rows)
    by_name = {r["layer"]: r for r in rows}
    assert set(by_name) == {"district_outline", "subdistricts", "school", "road_rebuild", "park"}
    assert by_name["school"]["features"] == 2 and by_name["school"]["geometry_types"] == "Point"
    assert by_name["park"]["geometry_types"] == "Point, Polygon"
    assert all(r["crs"] == "EPSG:4326" for r in rows)
    assert list_layers(out_dir / "missing") == []


def test_list_layers_names_the_zones_of_a_district_with_towns_by_their_level(tmp_path):
    # 杭州市西湖区 (10 街道, 三墩镇 and 双浦镇): `geo layers` said "街道 boundaries: official" where the maps,
    # the index and the workbook say 街道/乡镇.
    import json

    layers = tmp_path / "layers"
    layers.mkdir()
    zones = [{"type": "Feature", "id": code, "geometry": shapely.geometry.mapping(shapely.box(i, 0, i + 1, 1)),
              "properties": {"code": code, "name": name, "boundary_quality": "official", "source": "jd.gpkg"}}
             for i, (code, name) in enumerate([("330106008", "西湖街道"), ("330106109", "三墩镇")])]
    (layers / "subdistricts.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": zones}),
                                                 encoding="utf-8")
    (row,) = list_layers(layers)
    assert row["quality"] == "街道/乡镇 boundaries: official"


def test_layers_command_prints_a_table(out_dir):
    result = CliRunner().invoke(main, ["layers", "--layers-dir", str(out_dir / "layers")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 5 and lines[-1].split()[:2] == ["subdistricts", "2"]


# --------------------------------------------------------------------------- round trips


def test_geojson_round_trip_is_byte_stable_rfc7946(out_dir, tmp_path):
    [path] = export_layers("road_rebuild", fmt="geojson", layers_dir=out_dir / "layers", output=tmp_path / "r.geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["features"] == _layer_json(out_dir, "road_rebuild")
    again = export_layers("road_rebuild", fmt="geojson", layers_dir=out_dir / "layers",
                          output=tmp_path / "again.geojson")[0]
    assert again.read_bytes() == path.read_bytes()


def test_geojson_polygons_counter_clockwise_and_sorted_by_id(out_dir, tmp_path):
    [path] = export_layers("park", fmt="geojson", layers_dir=out_dir / "layers", output=tmp_path / "p.geojson")
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    assert [f["id"] for f in features] == sorted(f["id"] for f in features)
    polygon = next(shapely.geometry.shape(f["geometry"]) for f in features if f["geometry"]["type"] == "Polygon")
    assert polygon.exterior.is_ccw


def _gpkg_parts(path, layer):
    """A layer read back from a GeoPackage, joining its per-family tables (``park_point``...)."""
    import pandas as pd

    names = [n for n, _ in pyogrio.list_layers(path) if n == layer or n.startswith(f"{layer}_")]
    frames = [pyogrio.read_dataframe(path, layer=n) for n in names]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0], names


@pytest.mark.parametrize("layer", ["school", "road_rebuild", "park", "subdistricts"])
def test_gpkg_round_trip(out_dir, tmp_path, layer):
    [path] = export_layers(layer, fmt="gpkg", layers_dir=out_dir / "layers", output=tmp_path / "x.gpkg")
    frame, _ = _gpkg_parts(path, layer)
    assert frame.crs.to_epsg() == 4326
    features = _layer_json(out_dir, layer)
    if layer == "subdistricts":
        for feature in features:
            feature["properties"]["id"] = feature["properties"]["code"]
        frame["id"] = frame["code"]
    frame = frame.sort_values("id").reset_index(drop=True)
    _check_frame_against_layer(frame, sorted(features, key=lambda f: f["properties"]["id"]))


def test_gpkg_over_a_geopackage_with_other_layers_is_refused_and_it_stays_whole(out_dir, tmp_path):
    """A planner's own GeoPackage given as -o would lose its layers without a word: refused,
    untouched; the same layer exported again replaces the file."""
    import geopandas as gpd
    from shapely.geometry import Point

    mine = tmp_path / "规划.gpkg"
    gpd.GeoDataFrame({"name": ["我的图层"]}, geometry=[Point(117.0, 36.7)], crs=4326).to_file(mine, layer="地块")
    before = mine.read_bytes()
    with pytest.raises(InputError, match="holds 1 layer this export would delete \\(地块\\): export to another file"):
        export_layers("school", fmt="gpkg", layers_dir=out_dir / "layers", output=mine)
    assert mine.read_bytes() == before
    [path] = export_layers("school", fmt="gpkg", layers_dir=out_dir / "layers", output=tmp_path / "s.gpkg")
    first = path.read_bytes()
    [path] = export_layers("school", fmt="gpkg", layers_dir=out_dir / "layers", output=path)
    assert path.read_bytes() == first


def test_gpkg_all_holds_every_layer_the_catalog_and_their_styles(out_dir, tmp_path):
    [path] = export_layers("all", fmt="gpkg", layers_dir=out_dir / "layers", output=tmp_path / "all.gpkg")
    tables = dict(pyogrio.list_layers(path))
    for row in list_layers(out_dir / "layers"):
        _, names = _gpkg_parts(path, row["layer"])
        assert names, row["layer"]
    assert tables["park_point"] == "MultiPoint" and tables["park_polygon"] == "MultiPolygon"
    assert tables["projects"] is None and tables["layer_styles"] is None  # plain tables
    catalog = pyogrio.read_dataframe(path, layer="projects")
    assert len(catalog) == len(json.loads((out_dir / "projects.geojson").read_text(encoding="utf-8"))["features"])
    assert catalog["wkt"].isna().sum() == (catalog["status"] == "unlocated").sum() > 0


def test_gpkg_has_one_geometry_type_per_table_and_typed_fields(out_dir, tmp_path):
    [path] = export_layers("projects", fmt="gpkg", layers_dir=out_dir / "layers", output=tmp_path / "p.gpkg")
    types = dict(pyogrio.list_layers(path))
    assert types == {"projects_point": "MultiPoint", "projects_line": "MultiLineString",
                     "projects_polygon": "MultiPolygon", "projects": None, "layer_styles": None}
    for table in ("projects_point", "projects_line", "projects"):
        info = pyogrio.read_info(path, layer=table)
        dtypes = dict(zip(info["fields"], info["dtypes"]))
        # numbers are numbers even where every value is null (no point has a length)
        assert dtypes["length_km"] == dtypes["accuracy_m"] == dtypes["quantity_value"] == "float64", table
        assert dtypes["char_start"] == "int64" and dtypes["named"] == "bool" and dtypes["name"] == "object"


def test_gpkg_styles_are_the_web_map_styles_as_qgis_saves_them(out_dir, tmp_path):
    import sqlite3
    import xml.etree.ElementTree as ET

    from geo.data import categories

    [path] = export_layers("all", fmt="gpkg", layers_dir=out_dir / "layers", output=tmp_path / "all.gpkg")
    with sqlite3.connect(path) as db:
        columns = [r[1] for r in db.execute("PRAGMA table_info(layer_styles)")]
        rows = db.execute("SELECT f_table_name, f_geometry_column, styleQML, styleSLD, useAsDefault "
                          "FROM layer_styles").fetchall()
        registered = db.execute("SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'").fetchone()
    assert columns[1:] == ["f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                           "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"]
    assert registered == ("attributes",)
    styles = {name: (column, ET.fromstring(qml.split("\n", 1)[1]), ET.fromstring(sld), default)
              for name, column, qml, sld, default in rows}
    spatial = {n for n, kind in pyogrio.list_layers(path) if kind}
    assert set(styles) == spatial
    for name, (column, qml, sld, default) in styles.items():
        assert column == "geom" and default == 1, name
        layer = qml.find("renderer-v2/symbols/symbol/layer")
        props = {p.get("k"): p.get("v") for p in layer.findall("prop")}
        options = {o.get("name"): o.get("value") for o in layer.findall("Option/Option")}
        assert props == options, name
        base = name.rsplit("_", 1)[0] if name.rsplit("_", 1)[-1] in ("point", "line", "polygon") else name
        if base in categories():
            colour = categories()[base]["colour"].lstrip("#")
            rgb = ",".join(str(int(colour[i:i + 2], 16)) for i in (0, 2, 4))
            assert rgb in (props.get("line_color") or props.get("color")), name
            assert categories()[base]["colour"] in ET.tostring(sld, encoding="unicode"), name
    subdistricts = {p.get("k"): p.get("v") for p in styles["subdistricts"][1].findall("renderer-v2/symbols/symbol/layer/prop")}
    assert subdistricts["style"] == "no" and subdistricts["outline_style"] == "dash"  # approximate: dashed, unfilled
    rebuild = {p.get("k"): p.get("v") for p in styles["road_rebuild"][1].findall("renderer-v2/symbols/symbol/layer/prop")}
    assert rebuild["use_custom_dash"] == "0" and float(rebuild["line_width"]) > 1  # solid and wide, as on the web
    assert styles["subdistricts"][1].find("labeling/settings/text-style").get("fieldName") == "name"


QGIS_CHECK = """
import sqlite3
from qgis.core import QgsVectorLayer
path = sys.argv[1]
for (name,) in sqlite3.connect(path).execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'"):
    layer = QgsVectorLayer(path + "|layername=" + name, name, "ogr")
    renderer = layer.renderer()
    symbol = renderer.symbol() if renderer.type() == "singleSymbol" else renderer.categories()[0].symbol()
    print(name, layer.isValid(), renderer.type(), symbol.symbolLayer(0).layerType(), symbol.color().name(),
          symbol.symbolLayer(0).properties().get("outline_style", "-"), layer.labelsEnabled())
"""


def _in_qgis(script, out_dir, tmp_path):
    """(GeoPackage of every layer, the lines ``script`` prints on it in real QGIS); skipped without QGIS."""
    [path] = export_layers("all", fmt="gpkg", layers_dir=out_dir / "layers", output=tmp_path / "all.gpkg")
    return path, run_in_qgis(script, path)


def test_qgis_opens_every_layer_with_the_web_map_style_when_installed(out_dir, tmp_path):
    """Real QGIS (Debian python3-qgis, run by the system Python) reads layer_styles as the default style."""
    from geo.data import categories

    _, lines = _in_qgis(QGIS_CHECK, out_dir, tmp_path)
    seen = {}
    for line in lines:
        name, valid, renderer, kind, colour, outline, labels = line.split()
        seen[name] = (valid, renderer, kind, colour, outline, labels)
    assert seen["school"] == ("True", "singleSymbol", "SimpleMarker", categories()["school"]["colour"], "solid", "True")
    assert seen["road_rebuild"][2:4] == ("SimpleLine", categories()["road_rebuild"]["colour"])
    assert seen["subdistricts"][2] == "SimpleFill" and seen["subdistricts"][4] == "dash"  # approximate: dashed


QGIS_CATALOG = """
from qgis.core import Qgis, QgsProviderRegistry, QgsVectorLayer, QgsWkbTypes
flags = Qgis.SublayerQueryFlags(Qgis.SublayerQueryFlag.ResolveGeometryType) | Qgis.SublayerQueryFlag.CountFeatures
for path in sys.argv[1:]:  # each as dropped on QGIS: its layers, every feature's name and geometry
    for sublayer in QgsProviderRegistry.instance().querySublayers(path, flags):
        layer = QgsVectorLayer(sublayer.uri(), sublayer.name(), "ogr")
        for feature in layer.getFeatures():
            print(os.path.basename(path), sublayer.name(), QgsWkbTypes.displayString(layer.wkbType()),
                  feature["id"], feature.geometry().isNull())
log()
"""


def test_qgis_shows_unplaced_projects_in_the_gpkg_catalog_table_not_in_projects_geojson(out_dir, tmp_path):
    """Dropped on QGIS, projects.geojson (points, lines and areas) opens as a layer per geometry
    kind: a project with no geometry is in none of them, as the README says. The GeoPackage's
    plain table ``projects`` lists every project, the unplaced ones with their reason."""
    [path] = export_layers("projects", fmt="gpkg", layers_dir=out_dir / "layers", output=tmp_path / "p.gpkg")
    lines = run_in_qgis(QGIS_CATALOG, out_dir / "projects.geojson", path)
    assert not [line for line in lines if line.startswith("LOG")], lines
    seen = {}
    for line in lines:
        source, layer, kind, pid, empty = line.split()
        seen.setdefault(source, []).append((layer, kind, pid, empty))
    ids = {project["id"] for project in _catalog()}
    table = [row for row in seen["p.gpkg"] if row[0] == "projects"]
    assert {pid for _, kind, pid, empty in table if kind == "NoGeometry"} == ids
    dropped = {pid for _, kind, pid, empty in seen["projects.geojson"]}
    assert dropped == ids - {"welfare-unlocated"}
    assert {kind for _, kind, _, _ in seen["projects.geojson"]} == {"Point", "LineString", "Polygon"}


def test_gpkg_label_settings_let_project_names_show_inside_subdistricts(out_dir, tmp_path):
    """The 街道 cover every project: their labels are no obstacle and rank below the projects'."""
    import sqlite3
    import xml.etree.ElementTree as ET

    [path] = export_layers("all", fmt="gpkg", layers_dir=out_dir / "layers", output=tmp_path / "all.gpkg")
    with sqlite3.connect(path) as db:
        qml = {name: ET.fromstring(text.split("\n", 1)[1])
               for name, text in db.execute("SELECT f_table_name, styleQML FROM layer_styles")}
    settings = {name: (root.find("labeling/settings/placement").get("priority"),
                       root.find("labeling/settings/rendering").get("obstacle"))
                for name, root in qml.items() if root.find("labeling") is not None}
    assert settings.pop("subdistricts") == ("3", "0")
    assert settings and all(value == ("8", "1") for value in settings.values()), settings


QGIS_LABELS = """
import sqlite3
from qgis.core import QgsVectorLayer, QgsMapSettings, QgsMapRendererSequentialJob, QgsRectangle
from qgis.PyQt.QtCore import QSize
path = sys.argv[1]
names = [n for (n,) in sqlite3.connect(path).execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")]
layers = [QgsVectorLayer(path + "|layername=" + n, n, "ogr") for n in names]
layers.sort(key=lambda layer: layer.name() in ("subdistricts", "district_outline"))  # areas drawn below
settings = QgsMapSettings()
settings.setLayers(layers)
settings.setDestinationCrs(layers[0].crs())
extent = QgsRectangle()
for layer in layers:
    extent.combineExtentWith(layer.extent())
settings.setExtent(extent)
settings.setOutputSize(QSize(1400, 1000))
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
ids = {layer.id(): layer.name() for layer in layers}
for label in job.takeLabelingResults().allLabels():
    print(ids[label.layerID], label.labelText)
"""


def test_qgis_draws_project_names_inside_subdistricts_when_installed(out_dir, tmp_path):
    """Rendered by real QGIS, every labelled project layer shows its names, not only the 街道's."""
    path, lines = _in_qgis(QGIS_LABELS, out_dir, tmp_path)
    placed = {}
    for line in lines:
        layer, text = line.split(" ", 1)
        placed.setdefault(layer, set()).add(text)
    features = {n for n, kind in pyogrio.list_layers(path) if kind}
    projects = features - {"subdistricts", "district_outline"}
    assert projects and all(placed.get(name) for name in projects), placed
    assert placed.get("subdistricts")


def test_ogrinfo_reads_the_gpkg_when_installed(out_dir, tmp_path):
    import shutil
    import subprocess

    if shutil.which("ogrinfo") is None:
        pytest.skip("ogrinfo (Debian gdal-bin) is not installed")
    [path] = export_layers("all", fmt="gpkg", layers_dir=out_dir / "layers", output=tmp_path / "all.gpkg")
    summary = subprocess.run(["ogrinfo", "-ro", "-so", "-al", str(path)], capture_output=True, text=True, check=True)
    assert "Layer name: school" in summary.stdout and "Geometry: Multi Point" in summary.stdout
    assert "length_km: Real" in summary.stdout and "layer_styles" in summary.stdout
    assert "ERROR" not in summary.stderr


def test_shp_round_trip_with_field_map_cpg_and_chinese_text(out_dir, tmp_path):
    written = export_layers("school", fmt="shp", layers_dir=out_dir / "layers", output=tmp_path / "shp")
    shp = tmp_path / "shp" / "school.shp"
    assert shp in written
    assert (tmp_path / "shp" / "school.cpg").read_text().strip().upper() == "UTF-8"
    with open(tmp_path / "shp" / "school.fields.csv", encoding="utf-8", newline="") as handle:
        mapping = {row["long"]: row["short"] for row in csv.DictReader(handle)}
    assert list(mapping) == LAYER_COLUMNS
    assert all(len(short.encode()) <= 10 for short in mapping.values())
    assert len({s.lower() for s in mapping.values()}) == len(mapping)
    assert mapping["subdistrict_names"] == SHAPEFILE_FIELD_NAMES["subdistrict_names"]
    frame = pyogrio.read_dataframe(shp)
    assert list(frame.columns[:-1]) == list(mapping.values())
    features = _layer_json(out_dir, "school")
    for feature in features:  # dBASE text is cut at 254 bytes, on a character boundary
        quote = feature["properties"]["quote"]
        feature["properties"]["quote"] = quote.encode()[:254].decode("utf-8", errors="ignore")
    assert len(LONG_QUOTE.encode()) > 254
    _check_frame_against_layer(frame, features, renamed=mapping)
    assert frame.set_index("id").loc["school-beiyuan-zhongxue", "name"] == "北园中学"


def test_shp_splits_mixed_geometry_families(out_dir, tmp_path):
    written = export_layers("park", fmt="shp", layers_dir=out_dir / "layers", output=tmp_path)
    names = sorted(p.name for p in written if p.suffix == ".shp")
    assert names == ["park_point.shp", "park_polygon.shp"]
    assert not (tmp_path / "park.shp").exists()
    assert pyogrio.read_info(tmp_path / "park_point.shp")["geometry_type"] == "Point"
    polygons = pyogrio.read_dataframe(tmp_path / "park_polygon.shp")
    assert list(polygons["id"]) == ["park-xiaoqinghe"]
    assert _close(polygons.geometry[0], _square(117.005, 36.685, 0.004))
    assert (tmp_path / "park_point.fields.csv").exists() and (tmp_path / "park_polygon.fields.csv").exists()


def test_shp_all_is_a_directory_and_leaves_no_temporaries(out_dir, tmp_path):
    target = tmp_path / "everything"
    export_layers("all", fmt="shp", layers_dir=out_dir / "layers", output=target)
    shps = sorted(p.name for p in target.glob("*.shp"))
    assert shps == ["district_outline.shp", "park_point.shp", "park_polygon.shp", "road_rebuild.shp",
                    "school.shp", "subdistricts.shp"]
    assert not [p for p in target.iterdir() if p.name.startswith(".")]
    zones = pyogrio.read_dataframe(target / "subdistricts.shp")
    assert "bnd_qual" in zones.columns and set(zones["name"]) == {"无影山街道", "北园街道"}


def test_csv_round_trip_has_bom_wkt_and_lon_lat(out_dir, tmp_path):
    [path] = export_layers("school", fmt="csv", layers_dir=out_dir / "layers", output=tmp_path / "s.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == LAYER_COLUMNS + ["wkt", "lon", "lat"]
    by_id = {r["id"]: r for r in rows}
    for feature in _layer_json(out_dir, "school"):
        props = feature["properties"]
        row = by_id[props["id"]]
        for key, want in props.items():
            text = "" if want is None else ("true" if want is True else "false" if want is False else str(want))
            assert row[key] == text, key
        point = shapely.geometry.shape(feature["geometry"])
        assert _close(shapely.from_wkt(row["wkt"]), point)
        assert abs(float(row["lon"]) - point.x) < 1e-7 and abs(float(row["lat"]) - point.y) < 1e-7


def test_csv_text_opening_like_a_formula_is_quoted_for_spreadsheets(out_dir, tmp_path):
    rename_first_feature(out_dir / "layers" / "school.geojson", '=HYPERLINK("http://evil","点我")')
    [path] = export_layers("school", fmt="csv", layers_dir=out_dir / "layers", output=tmp_path / "s.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        names = [row["name"] for row in csv.DictReader(handle)]
    assert "'=HYPERLINK(\"http://evil\",\"点我\")" in names
    assert not any(name.startswith("=") for name in names)


@pytest.mark.parametrize("fmt, output", [("gpkg", "s.gpkg"), ("shp", "s.shp")])
def test_a_nul_in_a_name_is_a_replacement_character_not_the_end_of_the_name_in_gpkg_and_shp(out_dir, tmp_path, fmt,
                                                                                             output):
    # GDAL takes a text as a C string: the GeoPackage and the Shapefile held 青山 of 青山\x00第二小学, the
    # rest of the name lost without a word (the CSV holds U+FFFD, as in every cell no spreadsheet can hold).
    rename_first_feature(out_dir / "layers" / "school.geojson", "青山\x00第二小学")
    [path, *_] = export_layers("school", fmt=fmt, layers_dir=out_dir / "layers", output=tmp_path / output)
    assert "青山\ufffd第二小学" in list(pyogrio.read_dataframe(path)["name"])


@pytest.mark.parametrize("crs, epsg", [(None, 4326), ("EPSG:4548", 4548)])
def test_csv_opened_in_qgis_has_its_crs_and_typed_fields(out_dir, tmp_path, crs, epsg):
    """QGIS opens a dragged-in CSV with GDAL, which reads its CRS from a .prj and its column
    types from a .csvt beside it; without them the layer has no CRS (drawn in the wrong place)
    and every number is text."""
    [path] = export_layers("school", fmt="csv", crs=crs, layers_dir=out_dir / "layers", output=tmp_path / "s.csv")
    assert path.with_suffix(".prj").is_file() and path.with_suffix(".csvt").is_file()
    info = pyogrio.read_info(path)
    assert info["crs"] == f"EPSG:{epsg}"
    types = dict(zip(info["fields"], info["dtypes"]))
    assert types["char_start"] == "int32" and types["accuracy_m"] == "float64" and types["length_km"] == "float64"
    assert types["named"] == "object" and types["name"] == "object"  # true/false: no boolean type QGIS 3.22 reads
    frame = pyogrio.read_dataframe(path)
    assert set(frame["name"]) == {"天桥实验小学", "北园中学"} and frame.geometry.notna().all()
    assert set(frame["named"]) == {"true"}


QGIS_FIELDS = """
from qgis.core import QgsVectorLayer, QgsWkbTypes
for argument in sys.argv[1:]:
    provider, uri = argument.split(" ", 1)
    layer = QgsVectorLayer(uri, "layer", provider)
    print("LAYER", provider, layer.isValid(), layer.featureCount(), QgsWkbTypes.displayString(layer.wkbType()),
          layer.crs().authid() or "-")
    for field in layer.fields():
        print("FIELD", provider, field.name(), field.typeName().lower())
    for feature in layer.getFeatures():
        print("NAME", provider, feature["name"])
    log()
"""


def _qgis_fields(*layers):
    """{(provider, field): QGIS type name}, {(provider): (valid, count, geometry, crs)}, names and
    message-log lines of ``layers`` (``"provider uri"``) opened in real QGIS."""
    fields, opened, names, log = {}, {}, [], []
    for line in run_in_qgis(QGIS_FIELDS, *layers):
        kind, rest = line.split(" ", 1)
        if kind == "FIELD":
            provider, name, type_name = rest.split(" ")
            fields[provider, name] = type_name
        elif kind == "LAYER":
            provider, *info = rest.split(" ")
            opened[provider] = tuple(info)
        elif kind == "NAME":
            names.append(rest.split(" ", 1)[1])
        else:
            log.append(rest)
    return fields, opened, names, log


def test_csv_added_as_delimited_text_in_qgis_takes_the_csvt_types(out_dir, tmp_path):
    """QGIS 3.22's Delimited Text dialog reads a .csvt of String, Integer and Real only: a file
    with any other GDAL type (Integer64, Integer(Boolean), WKT) is refused whole with an error
    window ("not correctly formatted"), and every type is guessed (a code as a number). Dragged
    in (GDAL) the file opens with the same types."""
    [path] = export_layers("subdistricts", fmt="csv", layers_dir=out_dir / "layers", output=tmp_path / "街道.csv")
    [roads] = export_layers("road_rebuild", fmt="csv", layers_dir=out_dir / "layers", output=tmp_path / "r.csv")
    seen = []
    for csv_path, numbers in ((path, {}), (roads, {"char_start": "integer", "accuracy_m": "double",
                                                    "length_km": "double", "quantity_value": "double"})):
        fields, opened, names, log = _qgis_fields(f"delimitedtext {delimited_text_uri(csv_path, wktField='wkt')}",
                                                  f"ogr {csv_path}")
        assert not log, log
        assert opened["delimitedtext"][:2] == opened["ogr"][:2] == ("True", str(len(names) // 2))
        assert opened["ogr"][3] == "EPSG:4326"  # from the .prj (the dialog asks for the CRS)
        ogr_names = {"integer": "integer", "double": "real", "text": "string"}
        for provider in ("delimitedtext", "ogr"):
            text = "text" if provider == "delimitedtext" else "string"
            for column in ("code", "name", "subdistrict_codes", "named", "wkt"):
                assert fields.get((provider, column), text) == text, (provider, column)
            for column, kind in numbers.items():
                want = kind if provider == "delimitedtext" else ogr_names[kind]
                assert fields[provider, column] == want, (provider, column)
        seen += names
    assert {"无影山街道", "北园街道", "北园大街"} <= set(seen)  # no mojibake


def test_subdistrict_tables_open_with_code_and_name_first(out_dir, tmp_path):
    """The 街道 and outline layers keep their own column order (code, name, boundary_quality,
    source), not the project layers' (which put name and source before code)."""
    for layer, columns in (("subdistricts", ["code", "name", "boundary_quality", "source"]),
                           ("district_outline", ["code", "name", "source"])):
        [path] = export_layers(layer, fmt="csv", layers_dir=out_dir / "layers", output=tmp_path / f"{layer}.csv")
        with open(path, encoding="utf-8-sig", newline="") as handle:
            assert next(csv.reader(handle)) == columns + ["wkt"], layer


def test_csv_of_lines_has_no_lon_lat(out_dir, tmp_path):
    [path] = export_layers("road_rebuild", fmt="csv", layers_dir=out_dir / "layers", output=tmp_path / "r.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert "lon" not in rows[0] and rows[0]["wkt"].startswith("LINESTRING")
    assert rows[0]["subdistrict_names"] == "无影山街道;北园街道"


def test_csv_text_longer_than_an_excel_cell_is_cut_to_one_cell(out_dir, tmp_path):
    # A name from a damaged report or a hostile file: Excel spills what a cell cannot hold
    # over the rows below, so the cell is cut (the GeoJSON keeps it whole).
    layer = out_dir / "layers" / "road_rebuild.geojson"
    data = json.loads(layer.read_text(encoding="utf-8"))
    data["features"][0]["properties"]["quote"] = "=" + "路" * 40_000
    layer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    [path] = export_layers("road_rebuild", fmt="csv", layers_dir=out_dir / "layers", output=tmp_path / "r.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert len(row["quote"]) == 32_767 and row["quote"].startswith("'=路") and row["quote"].endswith("路…")


def test_csv_wkt_longer_than_an_excel_cell_is_simplified_and_says_by_how_much(out_dir, tmp_path, capsys):
    import numpy as np

    from geo.crs import metric_geometry

    # A road as a real OSM extract merges it: 3,000 vertices wandering a metre either side of its line.
    layer = out_dir / "layers" / "road_rebuild.geojson"
    data = json.loads(layer.read_text(encoding="utf-8"))
    x = np.linspace(117.001, 117.035, 3000)
    wiggle = np.where(np.arange(3000) % 2, 1.0, -1.0) * 0.000009  # about 1 m of latitude
    road = shapely.LineString(np.column_stack([x, 36.69 + wiggle]))
    data["features"][0]["geometry"] = shapely.geometry.mapping(road)
    layer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    [path] = export_layers("road_rebuild", fmt="csv", layers_dir=out_dir / "layers", output=tmp_path / "r.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert len(shapely.to_wkt(road, rounding_precision=7, trim=True)) > 32_767  # exact, it would not fit
    assert len(row["wkt"]) <= 32_767 and float(row["wkt_simplified_m"]) == 2.0
    got = shapely.from_wkt(row["wkt"])
    assert metric_geometry(got, "EPSG:4549").hausdorff_distance(metric_geometry(road, "EPSG:4549")) <= 2.0
    assert "r.csv: 1 geometry longer than an Excel cell (32,767 characters)" in capsys.readouterr().err
    # the GeoJSON export keeps it whole; a layer whose geometries all fit has no such column
    [whole] = export_layers("road_rebuild", fmt="geojson", layers_dir=out_dir / "layers", output=tmp_path / "r.geojson")
    assert len(json.loads(whole.read_text(encoding="utf-8"))["features"][0]["geometry"]["coordinates"]) == 3000
    [points] = export_layers("school", fmt="csv", layers_dir=out_dir / "layers", output=tmp_path / "s.csv")
    assert "wkt_simplified_m" not in points.read_text(encoding="utf-8-sig").splitlines()[0]


# --------------------------------------------------------------------------- projects


@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "csv"])
def test_projects_export_keeps_unlocated_projects(out_dir, tmp_path, fmt):
    [path] = export_layers("projects", fmt=fmt, layers_dir=out_dir / "layers", output=tmp_path / f"p.{fmt}")
    if fmt == "csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = {r["id"]: r for r in csv.DictReader(handle)}
        assert rows["welfare-unlocated"]["wkt"] == "" and rows["welfare-unlocated"]["quantity_value"] == "13"
        assert len(rows) == 6
        return
    if fmt == "gpkg":  # the catalog table holds every project, its geometry as WKT
        frame = pyogrio.read_dataframe(path, layer="projects")
        assert len(frame) == 6
        unlocated = frame.set_index("id").loc["welfare-unlocated"]
        assert unlocated["wkt"] != unlocated["wkt"] and unlocated["reason"] == "名称未在地名库中找到"  # NaN: empty
        return
    frame = pyogrio.read_dataframe(path)
    assert len(frame) == 6
    unlocated = frame.set_index("id").loc["welfare-unlocated"]
    assert unlocated.geometry is None and unlocated["reason"] == "名称未在地名库中找到"


def test_projects_as_shapefile_keeps_located_only(out_dir, tmp_path):
    export_layers("projects", fmt="shp", layers_dir=out_dir / "layers", output=tmp_path)
    ids = set()
    for shp in tmp_path.glob("projects_*.shp"):
        ids |= set(pyogrio.read_dataframe(shp)["id"])
    assert len(ids) == 5 and "welfare-unlocated" not in ids


def test_projects_left_out_of_a_shapefile_for_their_place_are_said(out_dir, tmp_path, capsys):
    # geo export projects --format shp wrote 5 of the catalog's 6 projects without a word.
    export_layers("projects", fmt="shp", layers_dir=out_dir / "layers", output=tmp_path)
    said = capsys.readouterr().err.splitlines()
    assert f"warning: {out_dir / 'projects.geojson'}: 1 of its 6 projects, not located, left out of the Shapefile, " \
           "which holds features with a place alone (幸福院); --format gpkg, csv or geojson keeps them" in said, said


# --------------------------------------------------------------------------- filters


def test_category_filter(out_dir, tmp_path):
    [path] = export_layers("projects", fmt="geojson", category="school", layers_dir=out_dir / "layers",
                           output=tmp_path / "s.geojson")
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["category"] for f in features} == {"school"} and len(features) == 2


@pytest.mark.parametrize("value", ["370105002", "北园街道", "北园"])
def test_subdistrict_filter_by_code_or_name(out_dir, tmp_path, value):
    [path] = export_layers("road_rebuild", fmt="geojson", subdistrict=value, layers_dir=out_dir / "layers",
                           output=tmp_path / "r.geojson")
    assert len(json.loads(path.read_text(encoding="utf-8"))["features"]) == 1
    [path] = export_layers("school", fmt="geojson", subdistrict=value, layers_dir=out_dir / "layers",
                           output=tmp_path / "s.geojson")
    assert [f["id"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]] == ["school-beiyuan-zhongxue"]
    [path] = export_layers("subdistricts", fmt="geojson", subdistrict=value, layers_dir=out_dir / "layers",
                           output=tmp_path / "z.geojson")
    assert [f["properties"]["code"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]] == ["370105002"]


def _two_zone_build(build, zones, corners, county, source, features):
    """A build at ``build`` of two official zones (``zones``: {"code", "name"} each), squares at ``corners``,
    in the county ``county`` ((code, name), outlined around them), ``features`` placed in them."""
    import geopandas as gpd

    from geo.boundaries import Boundaries
    from geo.pipeline import write_catalog, write_layers

    frame = gpd.GeoDataFrame({"code": [z["code"] for z in zones], "name": [z["name"] for z in zones],
                              "boundary_quality": ["official"] * 2, "source": [source] * 2},
                             geometry=[_square(*corner) for corner in corners], crs=4326)
    (x, y), (x2, _) = corners
    outline = gpd.GeoDataFrame({"code": [county[0]], "name": [county[1]], "source": [source]},
                               geometry=[shapely.box(x, y, x2 + 0.02, y + 0.02)], crs=4326)
    write_catalog(build / "projects.geojson", features, "report.txt")
    write_layers(features, Boundaries(zones=frame, outline=outline, quality="official", source=source), build / "layers")
    return build


@pytest.fixture
def township_dir(tmp_path):
    """A county's build: a clinic in 江湾镇, a village in 段莘乡."""
    jiangwan, duanshen = {"code": "361130103", "name": "江湾镇"}, {"code": "361130201", "name": "段莘乡"}
    features = [_project("health-jiangwan", "江湾镇卫生院", "health", shapely.Point(118.01, 29.29),
                         [dict(jiangwan, share=1.0, km=None)]),
                _project("village-qingyuan", "庆源村", "village", shapely.Point(118.03, 29.29),
                         [dict(duanshen, share=1.0, km=None)])]
    return _two_zone_build(tmp_path / "county", (jiangwan, duanshen), ((118.0, 29.28), (118.02, 29.28)),
                           ("361130", "婺源县"), "乡镇界线.gpkg", features)


@pytest.fixture
def office_named_dir(tmp_path):
    """A build whose official file names its 街道 by their offices: a clinic in 白石街道办, a school in 青松镇人民政府."""
    baishi, qingsong = {"code": "330199001", "name": "白石街道办"}, {"code": "330199100", "name": "青松镇人民政府"}
    features = [_project("health-baishi", "白石社区卫生服务中心", "health", shapely.Point(120.11, 30.25),
                         [dict(baishi, share=1.0, km=None)]),
                _project("school-qingsong", "青松小学", "school", shapely.Point(120.13, 30.25),
                         [dict(qingsong, share=1.0, km=None)])]
    return _two_zone_build(tmp_path / "qingshan", (baishi, qingsong), ((120.10, 30.24), (120.12, 30.24)),
                           ("330199", "青山区"), "街道.gpkg", features)


@pytest.mark.parametrize("value, layer, expected", [("白石", "health", "health-baishi"), ("白石街道", "health", "health-baishi"),
                                                    ("青松", "school", "school-qingsong"),
                                                    ("青松镇", "school", "school-qingsong")])
def test_a_street_named_by_its_office_is_filtered_by_its_name_as_people_write_it(
        office_named_dir, tmp_path, value, layer, expected):
    # An official file naming 白石街道办 and 青松镇人民政府: --subdistrict 白石街道 or 青松镇 matched nothing.
    [path] = export_layers(layer, fmt="geojson", subdistrict=value, layers_dir=office_named_dir / "layers",
                           output=tmp_path / "t.geojson")
    assert [f["id"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]] == [expected]
    [path] = export_layers("subdistricts", fmt="geojson", subdistrict=value, layers_dir=office_named_dir / "layers",
                           output=tmp_path / "s.geojson")
    assert len(json.loads(path.read_text(encoding="utf-8"))["features"]) == 1
    with pytest.raises(InputError, match="no features match --subdistrict 青松街道"):  # a 镇 is no 街道
        export_layers(layer, fmt="geojson", subdistrict="青松街道", layers_dir=office_named_dir / "layers",
                      output=tmp_path / "x.geojson")


@pytest.mark.parametrize("value, layer, expected", [("江湾", "health", "health-jiangwan"), ("段莘", "village", "village-qingyuan"),
                                                    ("江湾镇", "health", "health-jiangwan")])
def test_a_township_is_filtered_by_its_name_without_zhen_or_xiang_as_a_jiedao_is_without_jiedao(
        township_dir, tmp_path, value, layer, expected):
    # --subdistrict 北园 found 北园街道, but 江湾 found no 江湾镇: "no features match --subdistrict 江湾".
    [path] = export_layers(layer, fmt="geojson", subdistrict=value, layers_dir=township_dir / "layers",
                           output=tmp_path / "t.geojson")
    assert [f["id"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]] == [expected]
    with pytest.raises(InputError) as refused:
        export_layers("all", subdistrict="溪头乡", layers_dir=township_dir / "layers", output=tmp_path / "x")
    assert "the layers name these 乡镇: 段莘乡、江湾镇" in str(refused.value)


def test_all_with_filter_keeps_only_layers_it_applies_to(out_dir, tmp_path):
    written = export_layers("all", fmt="geojson", subdistrict="无影山街道", layers_dir=out_dir / "layers",
                            output=tmp_path / "all")
    assert sorted(p.stem for p in written) == ["park", "road_rebuild", "school", "subdistricts"]


def test_a_subdistrict_no_layer_names_lists_the_subdistricts_they_name(out_dir, tmp_path):
    # a misspelt 街道, or one of a build whose district is one zone: say which 街道 the layers hold
    with pytest.raises(InputError) as refused:
        export_layers("all", subdistrict="文艺路街道", layers_dir=out_dir / "layers", output=tmp_path / "x")
    message = str(refused.value)
    assert "no features match --subdistrict 文艺路街道" in message
    assert "the layers name these 街道:" in message and "无影山街道" in message


def test_filters_that_match_nothing_or_do_not_apply_raise(out_dir, tmp_path):
    layers = out_dir / "layers"
    with pytest.raises(InputError, match="no features match --category park --subdistrict 北园街道"):
        export_layers("school", category="park", subdistrict="北园街道", layers_dir=layers, output=tmp_path / "x")
    with pytest.raises(InputError, match="--category does not apply"):
        export_layers("district_outline", category="school", layers_dir=layers, output=tmp_path / "x")
    with pytest.raises(InputError, match="unknown category 'schools'"):
        export_layers("projects", category="schools", layers_dir=layers, output=tmp_path / "x")
    assert list(tmp_path.glob("x*")) == []


# --------------------------------------------------------------------------- CRS


@pytest.mark.parametrize("fmt", ["gpkg", "shp", "csv"])
def test_crs_4548_round_trip(out_dir, tmp_path, fmt):
    written = export_layers("road_rebuild", fmt=fmt, crs="EPSG:4548", layers_dir=out_dir / "layers",
                            output=tmp_path / f"r.{fmt}")
    import geopandas as gpd

    if fmt == "csv":
        with open(written[0], encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        frame = gpd.GeoDataFrame(rows, geometry=[shapely.from_wkt(r["wkt"]) for r in rows], crs="EPSG:4548")
    else:
        frame = pyogrio.read_dataframe(written[0], layer="road_rebuild" if fmt == "gpkg" else None)
        assert frame.crs.to_epsg() == 4548
    x = shapely.get_coordinates(frame.geometry.values[0])[0][0]
    assert 300_000 < x < 700_000  # Gauss-Kruger easting around CM 117E, not degrees
    back = frame.to_crs(4326)
    original = shapely.geometry.shape(_layer_json(out_dir, "road_rebuild")[0]["geometry"])
    assert _close(_as_multi(back.geometry.values[0]), _as_multi(original))


def test_geojson_refuses_a_projected_crs_and_bad_crs_is_one_line(out_dir, tmp_path):
    layers = out_dir / "layers"
    with pytest.raises(InputError, match="RFC 7946"):
        export_layers("school", fmt="geojson", crs="EPSG:4548", layers_dir=layers, output=tmp_path / "x.geojson")
    with pytest.raises(InputError, match="not a valid coordinate reference system") as info:
        export_layers("school", fmt="gpkg", crs="EPSG:999999", layers_dir=layers, output=tmp_path / "x.gpkg")
    assert "\n" not in str(info.value)
    [path] = export_layers("school", fmt="geojson", crs="EPSG:4326", layers_dir=layers, output=tmp_path / "x.geojson")
    assert path.exists()


@pytest.mark.parametrize("crs, datum", [("EPSG:2384", "Xian 1980"), ("EPSG:2436", "Beijing 1954"), ("EPSG:4610", "Xian 1980")])
def test_an_export_to_xian80_or_beijing54_is_refused_not_shifted_by_a_guess(out_dir, tmp_path, crs, datum):
    # PROJ would write CGCS2000 positions under a Xian 1980 label (a zero "ballpark" shift) or shift
    # them by another region's Beijing 1954 parameters: tens of metres off on the receiver's base map.
    with pytest.raises(InputError, match=f"--crs: .* is on the datum {datum} .*convert") as info:
        export_layers("school", fmt="gpkg", crs=crs, layers_dir=out_dir / "layers", output=tmp_path / "x.gpkg")
    assert "\n" not in str(info.value)
    assert list(tmp_path.glob("x*")) == []


@pytest.mark.parametrize("crs, problem", [("EPSG:4978", "geocentric"), ("EPSG:5773", "vertical")])
def test_an_export_to_a_crs_with_no_map_coordinates_is_refused(out_dir, tmp_path, crs, problem):
    # EPSG:5773 (heights) wrote POINT (36.7 117.0); EPSG:4978 the X and Y from the earth's centre.
    with pytest.raises(InputError, match=f"--crs: .*{problem}.*geographic or projected") as info:
        export_layers("school", fmt="csv", crs=crs, layers_dir=out_dir / "layers", output=tmp_path / "x.csv")
    assert "\n" not in str(info.value)
    assert list(tmp_path.glob("x*")) == []


@pytest.mark.parametrize("crs, epsg", [("EPSG:4979", None), ("EPSG:4326+5773", None), ("EPSG:4548+5773", 4548)])
def test_an_export_to_a_crs_with_heights_writes_its_horizontal_part(out_dir, tmp_path, crs, epsg):
    # EPSG:4979 stopped with pyproj's "CRSError: CRS cannot be converted to a WKT string of a 'WKT1_GDAL'".
    [path] = export_layers("school", fmt="csv", crs=crs, layers_dir=out_dir / "layers", output=tmp_path / "x.csv")
    info = pyogrio.read_info(path)
    from pyproj import CRS

    assert CRS.from_user_input(info["crs"]).to_epsg() == (epsg or 4326)


@pytest.mark.parametrize("crs", ["EPSG:4547", "EPSG:27700", "EPSG:7405"])
def test_an_export_to_a_crs_for_another_part_of_the_world_is_refused(out_dir, tmp_path, crs):
    # EPSG:4547 (Gauss-Kruger 114°E, typed for 4548) and British grids wrote coordinates far outside
    # the zone, lengths and areas distorted by a tenth and more.
    with pytest.raises(InputError, match=r"--crs: .* is for .*; layer 'school' lies at 117.0\d*°E 36.6\d*°N, "
                                         r"outside it \(here: EPSG:4548\)") as info:
        export_layers("school", fmt="gpkg", crs=crs, layers_dir=out_dir / "layers", output=tmp_path / "x.gpkg")
    assert "\n" not in str(info.value)
    assert list(tmp_path.glob("x*")) == []


# --------------------------------------------------------------------------- names, paths, atomicity


def test_shapefile_field_names_are_short_unique_and_deterministic():
    columns = ["quantity_value", "boundary_quality", "verylongname_a", "verylongname_b", "verylongna", "名称字段很长的"]
    mapping = shapefile_field_names(columns)
    assert mapping == shapefile_field_names(list(columns))
    assert mapping["quantity_value"] == "qty_value" and mapping["verylongna"] == "verylongna"
    assert mapping["verylongname_a"] == "verylong_1" and mapping["verylongname_b"] == "verylong_2"
    assert mapping["名称字段很长的"] == "名称字"  # 9 bytes: cut on a character boundary
    assert len({m.lower() for m in mapping.values()}) == len(columns)
    assert all(len(m.encode()) <= 10 for m in mapping.values())


def test_default_output_paths(out_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    layers = out_dir / "layers"
    assert export_layers("school", layers_dir=layers) == [Path("exports/school.geojson")]
    assert export_layers("all", fmt="gpkg", layers_dir=layers) == [Path("exports/all.gpkg")]
    written = export_layers("all", fmt="csv", layers_dir=layers)
    assert sorted(p.name for p in written) == sorted(f"{r['layer']}.csv" for r in list_layers(layers))
    assert {p.parent for p in written} == {Path("exports/all")}
    assert all(p.exists() for p in written)


def test_unknown_layer_lists_known_ones(out_dir):
    with pytest.raises(InputError) as info:
        export_layers("schools", layers_dir=out_dir / "layers")
    assert "unknown layer 'schools'" in str(info.value)
    for known in ("school", "road_rebuild", "subdistricts", "projects", "all"):
        assert known in str(info.value)


def test_failed_export_keeps_previous_output(out_dir, tmp_path, monkeypatch):
    target = tmp_path / "out" / "school.gpkg"
    export_layers("school", fmt="gpkg", layers_dir=out_dir / "layers", output=target)
    before = target.read_bytes()

    def broken(*args, **kwargs):
        Path(args[1]).write_bytes(b"half a file")
        raise OSError("disk full")

    monkeypatch.setattr(pyogrio, "write_dataframe", broken)
    with pytest.raises(OSError):
        export_layers("school", fmt="gpkg", layers_dir=out_dir / "layers", output=target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["school.gpkg"]


def test_failed_shapefile_export_keeps_previous_set(out_dir, tmp_path, monkeypatch):
    target = tmp_path / "out"
    export_layers("school", fmt="shp", layers_dir=out_dir / "layers", output=target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}

    def broken(frame, path, **kwargs):
        Path(path).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(pyogrio, "write_dataframe", broken)
    with pytest.raises(OSError):
        export_layers("school", fmt="shp", layers_dir=out_dir / "layers", output=target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before


def test_reproducible_gpkg_with_source_date_epoch(out_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    a = export_layers("all", fmt="gpkg", layers_dir=out_dir / "layers", output=tmp_path / "a.gpkg")[0]
    os.utime(out_dir / "layers" / "school.geojson")
    b = export_layers("all", fmt="gpkg", layers_dir=out_dir / "layers", output=tmp_path / "b.gpkg")[0]
    assert a.read_bytes() == b.read_bytes()
    dbf = []
    for name in ("a", "b"):
        export_layers("school", fmt="shp", layers_dir=out_dir / "layers", output=tmp_path / name)
        dbf.append((tmp_path / name / "school.dbf").read_bytes())
    assert dbf[0] == dbf[1] and dbf[0][1:4] == bytes([123, 11, 14])  # 2023-11-14 (dBASE year - 1900)


@pytest.mark.parametrize("name, magic", [("r.gpkg", b"SQLite format 3"), ("r.csv", b"\xef\xbb\xbfid,"),
                                         ("r.json", b'{"name":"road_rebuild","type":"FeatureCollection"'), ("r.shp", b"\x00\x00\x27\x0a")])
def test_format_follows_the_output_name(out_dir, tmp_path, name, magic):
    written = export_layers("road_rebuild", layers_dir=out_dir / "layers", output=tmp_path / name)
    assert written[0] == tmp_path / name and (tmp_path / name).read_bytes().startswith(magic)


@pytest.mark.parametrize("layer, fmt, written", [("all", "gpkg", "成果.gpkg"), ("school", "gpkg", "成果.gpkg"),
                                                 ("school", "geojson", "成果.geojson"), ("school", "csv", "成果.csv")])
def test_an_output_name_without_an_extension_gets_the_formats(out_dir, tmp_path, layer, fmt, written):
    # -o 成果 --format gpkg wrote a GeoPackage called 成果: Windows opens no program for it, and GDAL
    # warns of a "non conformant file extension" whenever QGIS opens it.
    paths = export_layers(layer, fmt=fmt, layers_dir=out_dir / "layers", output=tmp_path / "成果")
    assert paths == [tmp_path / written] and not (tmp_path / "成果").exists()


@pytest.mark.parametrize("layer, fmt, name, problem", [
    ("road_rebuild", "gpkg", "r.geojson", "r.geojson ends in .geojson but --format is gpkg (name it r.gpkg"),
    ("road_rebuild", "csv", "r.gpkg", "ends in .gpkg but --format is csv"),
    ("all", "csv", "all.csv", "'all' as csv writes one file per layer, so -o names a directory (e.g. all/)"),
    ("all", "shp", "all.shp", "'all' as shp writes one file per layer"),
])
def test_output_name_that_contradicts_the_format_is_refused(out_dir, tmp_path, layer, fmt, name, problem):
    with pytest.raises(InputError, match=re.escape(problem)):
        export_layers(layer, fmt=fmt, layers_dir=out_dir / "layers", output=tmp_path / name)
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("layer, name", [("school", "s.ods"), ("school", "s.kmz"), ("all", "all.zip")])
def test_output_name_of_a_format_geo_does_not_write_is_refused(out_dir, tmp_path, layer, name):
    with pytest.raises(InputError, match=re.escape(f"ends in {name[name.index('.'):]}, which is not a format geo exports")):
        export_layers(layer, layers_dir=out_dir / "layers", output=tmp_path / name)
    assert not (tmp_path / name).exists()


def test_a_failed_export_leaves_no_folder_behind(out_dir, tmp_path, monkeypatch):
    layer = out_dir / "layers" / "road_rebuild.geojson"
    data = json.loads(layer.read_text(encoding="utf-8"))
    data["features"][0]["geometry"] = {"type": "GeometryCollection", "geometries": [
        {"type": "Point", "coordinates": [117.0, 36.7]}, {"type": "LineString", "coordinates": [[117, 36.7], [117.01, 36.7]]}]}
    layer.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.chdir(out_dir)
    for args in (["export", "all", "--format", "gpkg", "-o", str(tmp_path / "new" / "all.gpkg")],
                 ["export", "all", "--format", "shp", "-o", str(tmp_path / "shp") + "/"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and "GeometryCollection, which no exported table holds" in result.stderr
        assert "road_rebuild.geojson: layer 'road_rebuild' has a GeometryCollection" in result.stderr  # its file named
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]  # out_dir only: no new/, no shp/


def test_a_subdistrict_name_holding_a_semicolon_is_filtered_on_whole(out_dir, tmp_path):
    from geo.catalog import join_list

    layer = out_dir / "layers" / "school.geojson"
    data = json.loads(layer.read_text(encoding="utf-8"))
    data["features"][0]["properties"]["subdistrict_names"] = join_list(["A;B街道"])
    layer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    [path] = export_layers("school", fmt="geojson", subdistrict="A;B街道", layers_dir=out_dir / "layers",
                           output=tmp_path / "ab.geojson")
    assert len(json.loads(path.read_text(encoding="utf-8"))["features"]) == 1
    with pytest.raises(InputError, match="no features match"):
        export_layers("school", fmt="geojson", subdistrict="B街道", layers_dir=out_dir / "layers",
                      output=tmp_path / "b.geojson")


def test_shp_over_an_older_shapefile_leaves_none_of_its_spatial_indexes(out_dir, tmp_path):
    # A .qix (GDAL, QGIS), .sbn/.sbx (ArcGIS) or .aih/.ain (attribute index) of the old
    # file would index the new one's features wrongly: old and new outputs mixed.
    target = tmp_path / "school.shp"
    export_layers("park", fmt="shp", layers_dir=out_dir / "layers", output=tmp_path / "old")
    for suffix in (".qix", ".sbn", ".sbx", ".aih", ".ain", ".QIX"):
        (tmp_path / f"school{suffix}").write_bytes(b"an index of the previous school.shp")
    (tmp_path / "school.qml").write_text("<qgis/>", encoding="utf-8")  # the user's own style stays
    export_layers("school", fmt="shp", layers_dir=out_dir / "layers", output=target)
    assert sorted(p.name for p in tmp_path.glob("school*")) == [
        "school.cpg", "school.dbf", "school.fields.csv", "school.prj", "school.qml", "school.shp", "school.shx"]


def _rewrite_layers(out_dir, keep):
    """The layers of a later build: only the projects whose id ``keep`` accepts are located."""
    import geopandas as gpd

    from geo.boundaries import Boundaries
    from geo.pipeline import write_layers

    zones = gpd.read_file(out_dir / "layers" / "subdistricts.geojson")
    outline = gpd.read_file(out_dir / "layers" / "district_outline.geojson")
    features = [f for f in _catalog() if keep(f["id"])]
    boundaries = Boundaries(zones=zones, outline=outline, quality="approximate", source="测试边界")
    write_layers(features, boundaries, out_dir / "layers")


@pytest.mark.parametrize("fmt, suffixes", [("geojson", [".geojson"]), ("csv", [".csv", ".csvt", ".prj"]),
                                           ("shp", [".shp", ".dbf", ".shx", ".prj", ".cpg", ".fields.csv"])])
def test_exporting_all_again_leaves_no_layer_of_the_earlier_export(out_dir, tmp_path, fmt, suffixes):
    # exports/all/ held road_rebuild and school from the last report beside this one's layers: a mix.
    target = tmp_path / "all"
    export_layers("all", fmt=fmt, layers_dir=out_dir / "layers", output=target)
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    _rewrite_layers(out_dir, keep=lambda pid: pid.startswith("park"))
    export_layers("all", fmt=fmt, layers_dir=out_dir / "layers", output=target)
    stems = {p.name.split(".")[0] for p in target.iterdir()}
    parks = {"park_point", "park_polygon"} if fmt == "shp" else {"park"}
    assert stems == {"district_outline", "subdistricts", "notes"} | parks
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert all((target / f"subdistricts{suffix}").exists() for suffix in suffixes)


def test_a_shapefile_exported_again_as_one_family_leaves_no_part_of_the_earlier_split(out_dir, tmp_path):
    # park_point.shp and park_polygon.shp of the last export stayed beside the new park.shp.
    export_layers("park", fmt="shp", layers_dir=out_dir / "layers", output=tmp_path)
    _rewrite_layers(out_dir, keep=lambda pid: pid != "park-lotus-entrance")
    export_layers("park", fmt="shp", layers_dir=out_dir / "layers", output=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "park.cpg", "park.dbf", "park.fields.csv", "park.prj", "park.shp", "park.shx"]


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_subdistrict_filter_is_named_not_reported_as_an_empty_layer(out_dir, tmp_path, value):
    # --subdistrict "" said "projects.geojson: layer has no features" of a catalog of six.
    with pytest.raises(InputError, match=r"^--subdistrict: the 街道 is empty"):
        export_layers("projects", fmt="csv", subdistrict=value, layers_dir=out_dir / "layers",
                      output=tmp_path / "x.csv")


@pytest.mark.parametrize("layer, output", [("projects", "layers"), ("school", "layers/school_copy.geojson"),
                                           ("all", "layers/")])
def test_an_export_into_the_layers_folder_as_geojson_is_refused(out_dir, layer, output, monkeypatch):
    # geo export projects -o layers wrote layers/projects.geojson: geo layers listed it, and every later
    # geo export projects exported that stale file instead of the catalog.
    monkeypatch.chdir(out_dir)
    before = sorted(p.name for p in (out_dir / "layers").iterdir())
    with pytest.raises(InputError, match="layers folder|source layer"):
        export_layers(layer, fmt="geojson", output=output)
    assert sorted(p.name for p in (out_dir / "layers").iterdir()) == before


def test_a_projects_file_left_in_the_layers_folder_never_stands_for_the_catalog(out_dir, tmp_path):
    # One written there by an older version, or copied by hand: export projects read it, not the catalog,
    # and export all exported it as a layer.
    stale = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "stale", "name": "旧"},
                                                        "geometry": {"type": "Point", "coordinates": [117.0, 36.7]}}]}
    (out_dir / "layers" / "projects.geojson").write_text(json.dumps(stale, ensure_ascii=False), encoding="utf-8")
    (written,) = export_layers("projects", fmt="geojson", layers_dir=out_dir / "layers", output=tmp_path / "p.geojson")
    ids = [f["properties"]["id"] for f in json.loads(written.read_text(encoding="utf-8"))["features"]]
    assert "stale" not in ids and len(ids) == len(json.loads((out_dir / "projects.geojson").read_text(
        encoding="utf-8"))["features"])
    everything = export_layers("all", fmt="csv", layers_dir=out_dir / "layers", output=tmp_path / "all")
    assert "projects.csv" not in {p.name for p in everything}


@pytest.mark.parametrize("layer, source, fmt", [("park", "layers/park.geojson", "geojson"),
                                                ("projects", "projects.geojson", "geojson"),
                                                ("all", "layers/park.geojson", "gpkg")])
def test_an_export_over_a_hard_link_to_its_own_source_is_refused(out_dir, tmp_path, layer, source, fmt):
    # The path differs, the file is the same: an -o hard-linked to a layer or the catalog was written over.
    import os

    link = tmp_path / "elsewhere" / f"link.{'gpkg' if fmt == 'gpkg' else 'geojson'}"
    link.parent.mkdir()
    os.link(out_dir / source, link)
    before = (out_dir / source).read_bytes()
    with pytest.raises(InputError, match=r"link\.\w+: is a source layer or the catalog: an export must not overwrite"):
        export_layers(layer, fmt=fmt, layers_dir=out_dir / "layers", output=link)
    assert link.read_bytes() == before and os.path.samefile(link, out_dir / source)


@pytest.mark.parametrize("first, second", [(("shp", "EPSG:4548"), ("csv", None)), (("csv", "EPSG:4548"), ("shp", None))])
def test_a_csv_and_a_shapefile_of_one_name_in_other_crs_never_share_a_prj(out_dir, tmp_path, first, second):
    # school.shp exported in EPSG:4548, then school.csv into the same folder: the CSV's .prj (EPSG:4326)
    # replaced the Shapefile's, and QGIS read its Gauss-Kruger metres as degrees.
    (fmt, crs), (later, later_crs) = first, second
    export_layers("all", fmt=fmt, crs=crs, layers_dir=out_dir / "layers", output=tmp_path / "exp")
    before = {p.name: p.read_bytes() for p in (tmp_path / "exp").iterdir()}
    with pytest.raises(InputError, match=r"(\w+)\.prj: is the CRS \(EPSG:4548\) of the (Shapefile|CSV) \1\.(shp|csv) beside it.*"
                                         r"EPSG:4326.*--crs EPSG:4548"):
        export_layers("all", fmt=later, crs=later_crs, layers_dir=out_dir / "layers", output=tmp_path / "exp")
    assert {p.name: p.read_bytes() for p in (tmp_path / "exp").iterdir()} == before  # nothing half-written
    # in the same CRS the two share the .prj: both are written and both read in it
    export_layers("all", fmt=later, crs="EPSG:4548", layers_dir=out_dir / "layers", output=tmp_path / "exp")
    for name in ("school.shp", "school.csv"):
        assert _read_in_gk_117(tmp_path / "exp" / name), name


def _read_in_gk_117(path):
    """Whether GDAL reads ``path`` in the Gauss-Kruger projection of EPSG:4548, whatever the .prj calls it."""
    import warnings

    from pyproj import CRS

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        read = pyogrio.read_info(path)["crs"]
        return read is not None and CRS.from_user_input(read).to_proj4() == CRS("EPSG:4548").to_proj4()


def test_removing_an_earlier_csv_layer_keeps_the_prj_its_shapefile_reads(out_dir, tmp_path):
    # export all as shp and as csv into one folder, then a report without schools exported as csv again:
    # school.csv went with school.prj, and school.shp was left without its CRS.
    export_layers("all", fmt="shp", crs="EPSG:4548", layers_dir=out_dir / "layers", output=tmp_path / "exp")
    export_layers("all", fmt="csv", crs="EPSG:4548", layers_dir=out_dir / "layers", output=tmp_path / "exp")
    _rewrite_layers(out_dir, keep=lambda pid: not pid.startswith("school"))
    export_layers("all", fmt="csv", crs="EPSG:4548", layers_dir=out_dir / "layers", output=tmp_path / "exp")
    assert not (tmp_path / "exp" / "school.csv").exists() and (tmp_path / "exp" / "school.shp").exists()
    assert _read_in_gk_117(tmp_path / "exp" / "school.shp")


# --------------------------------------------------------------------------- fields a planner added to a layer


def _layer_with_fields(tmp_path, properties, geometry=None):
    """A layers folder whose ``school`` layer has one feature with ``properties`` besides its own."""
    layers = tmp_path / "layers"
    layers.mkdir()
    feature = {"type": "Feature", "id": "school-1",
               "properties": {"id": "school-1", "name": "青松小学", "category": "school", **properties},
               "geometry": geometry or {"type": "Point", "coordinates": [117.0, 36.7]}}
    (layers / "school.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [feature]},
                                                      ensure_ascii=False), encoding="utf-8")
    return layers


def test_a_csv_of_a_layer_with_its_own_wkt_lon_and_lat_fields_is_read_at_its_geometry(tmp_path):
    # A field named wkt, lon or lat (added in QGIS) gave the CSV two columns of each name: GDAL and
    # QGIS took the field's POINT(0 0) and lon 1.5 for the geometry, without a word.
    layers = _layer_with_fields(tmp_path, {"wkt": "POINT(0 0)", "LON": 1.5, "lat": 2.5})
    path = export_layers("school", fmt="csv", layers_dir=layers, output=tmp_path / "out.csv")[0]
    with open(path, encoding="utf-8-sig", newline="") as handle:
        header, row = list(csv.reader(handle))
    assert len({name.lower() for name in header}) == len(header)
    assert dict(zip(header, row))["wkt"] == "POINT (117 36.7)"
    assert dict(zip(header, row))["lon"] == "117.0" and dict(zip(header, row))["lat"] == "36.7"
    assert {"POINT(0 0)", "1.5", "2.5"} <= set(row)
    frame = pyogrio.read_dataframe(path)
    assert [(g.x, g.y) for g in frame.geometry] == [(117.0, 36.7)]


def test_integers_beyond_32_bits_keep_their_value_in_a_csv_opened_by_gdal(tmp_path):
    # The .csvt typed them Integer, GDAL's 32 bits: QGIS read 3000000000 and a 12-digit code as 2147483647.
    layers = _layer_with_fields(tmp_path, {"big": 3_000_000_000, "code12": 370105001000, "small": 7})
    path = export_layers("school", fmt="csv", layers_dir=layers, output=tmp_path / "out.csv")[0]
    frame = pyogrio.read_dataframe(path)
    assert frame["big"][0] == 3_000_000_000 and frame["code12"][0] == 370105001000 and frame["small"][0] == 7


@pytest.mark.parametrize("fmt", ["gpkg", "shp", "csv", "geojson", "kml"])
def test_an_integer_beyond_64_bits_is_exported_as_its_digits(tmp_path, fmt):
    # GeoPackage and Shapefile exports stopped with "TypeError: cannot safely cast non-equivalent
    # uint64 to int64", naming no file.
    layers = _layer_with_fields(tmp_path, {"number": 12345678901234567890})
    written = export_layers("school", fmt=fmt, layers_dir=layers, output=tmp_path / f"out.{fmt}")
    if fmt in ("gpkg", "shp", "csv"):
        frame = pyogrio.read_dataframe(written[0], layer="school" if fmt == "gpkg" else None)
        assert str(frame["number"][0]) == "12345678901234567890"
    else:  # GeoJSON holds the number as written (GDAL reads it as a double, its own limit), KML as text
        assert "12345678901234567890" in written[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["gpkg", "shp"])
def test_fields_whose_names_differ_only_in_case_are_all_exported(tmp_path, fmt):
    # A GeoPackage refused Name beside name ("FieldError: Error adding field 'NAME'", naming no
    # file); a Shapefile's .fields.csv said NAME was NAME, while GDAL had written NAME_1.
    layers = _layer_with_fields(tmp_path, {"Name": "upper", "NAME": "caps", "fid": "x", "geom": "y"})
    written = export_layers("school", fmt=fmt, layers_dir=layers, output=tmp_path / f"out.{fmt}")
    frame = pyogrio.read_dataframe(written[0], layer="school" if fmt == "gpkg" else None)
    values = {str(v) for v in frame.iloc[0]}
    assert {"青松小学", "upper", "caps", "x", "y"} <= values
    if fmt == "shp":
        with open(written[1], encoding="utf-8", newline="") as handle:
            mapping = dict(list(csv.reader(handle))[1:])
        assert {mapping[long]: frame[mapping[long]][0] for long in ("name", "Name", "NAME")} == {
            mapping["name"]: "青松小学", mapping["Name"]: "upper", mapping["NAME"]: "caps"}


@pytest.mark.parametrize("field, value, problem", [
    ("char_start", "abc", "field 'char_start' is \"abc\", not a whole number"),
    ("char_end", 10**30, "field 'char_end' is 1000000000000000000000000000000, not a whole number"),
    ("accuracy_m", "约50", "field 'accuracy_m' is \"约50\", not a number"),
    ("named", "false", "field 'named' is \"false\", not true or false"),
])
@pytest.mark.parametrize("fmt", ["gpkg", "csv"])
def test_a_typed_field_edited_into_another_kind_is_named_in_one_line(tmp_path, fmt, field, value, problem):
    # A hand-edited layer: GeoPackage and Shapefile exports stopped with "ValueError: could not convert
    # string to float", naming no file; CSV and KML wrote the text where QGIS reads a number (null),
    # and "false" for named became true in a GeoPackage.
    layers = _layer_with_fields(tmp_path, {field: value})
    with pytest.raises(InputError) as caught:
        export_layers("school", fmt=fmt, layers_dir=layers, output=tmp_path / f"out.{fmt}")
    assert str(caught.value) == f"{layers / 'school.geojson'}: feature 1 (school-1): {problem}"
    assert not list(tmp_path.glob("out*"))


@pytest.mark.parametrize("field, text, value", [("quantity_value", "7.5", 7.5), ("accuracy_m", " 30 ", 30.0),
                                                ("length_km", "1e-3", 0.001), ("char_start", "12", 12)])
def test_a_number_field_holding_numbers_as_text_exports_them_as_numbers_and_says_so(tmp_path, capsys, field, text, value):
    # QGIS opens a GeoJSON number column null in every feature as text and saves what is typed into it as
    # text: main refused the layer ("field 'quantity_value' is "7.5", not a number") where the planner typed a number.
    layers = _layer_with_fields(tmp_path, {field: text})
    path = export_layers("school", fmt="gpkg", layers_dir=layers, output=tmp_path / "out.gpkg")[0]
    read = pyogrio.read_dataframe(path, layer="school")[field][0]
    assert read == value and type(read.item()) is type(value)
    assert (f"school.geojson: 1 value(s) of '{field}' are numbers written as text ({json.dumps(text)}): read as "
            "numbers (QGIS opens a GeoJSON's number column null in every feature as text") in capsys.readouterr().err


def test_a_layer_whose_empty_number_column_was_filled_in_qgis_exports_the_numbers(out_dir, tmp_path):
    # Real QGIS: the layer's quantity_value, null in every feature, opens as String; 7.5 typed and saved is "7.5".
    layer = out_dir / "layers" / "school.geojson"
    assert all(f["properties"]["quantity_value"] is None for f in json.loads(layer.read_text("utf-8"))["features"])
    edited = run_in_qgis("""
from qgis.core import QgsVectorLayer
layer = QgsVectorLayer(sys.argv[1], "school", "ogr")
index = layer.fields().indexOf("quantity_value")
print(layer.fields()[index].typeName())
layer.startEditing()
layer.changeAttributeValue(next(layer.getFeatures()).id(), index, "7.5")
print(layer.commitChanges())
""", layer)
    assert edited == ["String", "True"]
    assert '"quantity_value": "7.5"' in layer.read_text("utf-8")
    path = export_layers("school", fmt="gpkg", layers_dir=out_dir / "layers", output=tmp_path / "out.gpkg")[0]
    assert sorted(pyogrio.read_dataframe(path, layer="school")["quantity_value"].dropna()) == [7.5]


@pytest.mark.parametrize("fmt", ["shp", "csv", "kml"])
def test_an_export_the_disk_cannot_hold_is_named_in_one_line_and_writes_nothing(out_dir, tmp_path, fmt):
    # A Shapefile export onto a full disk said "FeatureError: Could not add feature to layer at index 0:
    # Error in psSHP->sHooks.FWrite() while writing object of 9288 bytes to .shp file: ...", naming no file.
    # (A GeoPackage's SQLite empties its file as it fails, saying only "no such table": it is told by the
    # disk's free space, which a file size limit does not show, so it is not checked here.)
    import signal
    import subprocess
    import sys

    def limited():
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))

    target = tmp_path / "out"
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    done = subprocess.run([sys.executable, "-m", "geo", "export", "all", "--format", fmt, "--layers-dir",
                           str(out_dir / "layers"), "-o", str(target) + (".kml" if fmt == "kml" else "")],
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}, capture_output=True, text=True,
                          preexec_fn=limited, cwd=tmp_path)
    assert done.returncode == 2
    *warnings, error = done.stderr.splitlines()  # warnings of text a Shapefile cuts short come first
    assert re.fullmatch(rf"geo: error: {re.escape(str(target))}\S*: cannot be written \(File too large[^)]*\)",
                        error), done.stderr
    assert all(line.startswith("warning: ") for line in warnings)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def _layers_named(tmp_path, layers):
    """A layers folder of one-feature layers: ``{file stem: [GeoJSON geometries]}``."""
    folder = tmp_path / "layers"
    folder.mkdir()
    for stem, geometries in layers.items():
        features = [{"type": "Feature", "id": f"school-{i}", "properties": {"id": f"school-{i}", "name": "青松小学",
                                                                           "category": "school"}, "geometry": g}
                    for i, g in enumerate(geometries)]
        (folder / f"{stem}.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}),
                                                encoding="utf-8")
    return folder


POINT = {"type": "Point", "coordinates": [117.0, 36.7]}
AREA = {"type": "Polygon", "coordinates": [[[117.0, 36.7], [117.01, 36.7], [117.01, 36.71], [117.0, 36.7]]]}


@pytest.mark.parametrize("fmt", ["gpkg", "shp"])
def test_a_layer_split_by_geometry_onto_the_name_of_another_layer_is_refused(tmp_path, fmt):
    # culture (points and an area) writes culture_point: a layer file culture_point.geojson beside it was
    # appended to that GeoPackage table (two layers in one, without a word), or overwrote the Shapefile.
    layers = _layers_named(tmp_path, {"culture": [POINT, AREA], "culture_point": [POINT]})
    with pytest.raises(InputError) as caught:
        export_layers("all", fmt=fmt, layers_dir=layers, output=tmp_path / "out")
    assert str(caught.value) == (f"{layers / 'culture_point.geojson'}: layer 'culture_point' would be written as "
                                 f"culture_point, as layer 'culture' ({layers / 'culture.geojson'}) is: rename one "
                                 "of the two files")
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.gpkg").exists()


@pytest.mark.parametrize("stem, fmt", [("-dash", "gpkg"), ("gpkg_contents", "gpkg"), ("layer_styles", "gpkg"),
                                       ("sqlite_x", "gpkg"), ("a;b", "shp"), ("a!b", "shp")])
def test_a_layer_whose_name_gdal_cannot_write_is_named_in_one_line(tmp_path, stem, fmt):
    # GDAL said "DataLayerError: The layer name may not contain special characters or spaces", or
    # "FieldError: Could not find field index for field 'f_table_catalog'" (a layer named layer_styles),
    # or wrote a Shapefile named a;b as a folder 'a' and geo stopped with a FileNotFoundError: no file named.
    layers = _layers_named(tmp_path, {stem: [POINT]})
    with pytest.raises(InputError, match=r"rename the file$") as caught:
        export_layers("all", fmt=fmt, layers_dir=layers, output=tmp_path / "out")
    assert str(caught.value).startswith(f"{layers / (stem + '.geojson')}: layer {stem!r} cannot be ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["layers"]


def test_text_a_shapefile_cuts_short_is_said_in_one_warning(tmp_path, capsys):
    # A quote longer than a dBASE field (254 bytes: 84 Chinese characters) was cut without a word.
    layers = _layer_with_fields(tmp_path, {"quote": "实施北园大街东段综合整治提升工程，" * 6, "note": "短"})
    export_layers("school", fmt="shp", layers_dir=layers, output=tmp_path / "shp")
    warning = capsys.readouterr().err
    assert warning == (f"warning: {tmp_path / 'shp' / 'school.shp'}: 1 text value longer than a Shapefile field holds "
                       "(254 bytes of UTF-8, 84 Chinese characters) cut short (1 in quote); the GeoPackage and GeoJSON "
                       "exports keep them whole\n")
    frame = pyogrio.read_dataframe(tmp_path / "shp" / "school.shp")
    assert len(frame["quote"][0].encode()) <= 254 and frame["note"][0] == "短"


@pytest.mark.parametrize("broken", ["link to no file", "folder"])
def test_a_layer_file_that_is_a_broken_link_or_a_folder_is_refused_not_left_out_of_the_export(tmp_path, monkeypatch,
                                                                                                 broken):
    # `export all` wrote every other layer and said nothing: the road layer was missing from the GeoPackage.
    import shutil

    from test_bad_inputs import CORPUS

    monkeypatch.chdir(tmp_path)
    shutil.copytree(CORPUS / "layers", "layers")
    road = Path("layers") / "road_rebuild.geojson"
    road.unlink()
    road.symlink_to("road_rebuild_old.geojson") if broken == "link to no file" else road.mkdir()
    result = CliRunner().invoke(main, ["export", "all", "--format", "gpkg", "-o", "all.gpkg"])
    problem = "is a broken symbolic link (to road_rebuild_old.geojson: no such file)" if broken == "link to no file" \
        else "is a directory, expected a file"
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"geo: error: layers/road_rebuild.geojson: {problem}"], result.stderr
    assert not Path("all.gpkg").exists()


def test_an_export_crs_of_another_celestial_body_is_refused_naming_the_option(tmp_path, monkeypatch):
    # IAU_2015:30100 (the Moon) parsed, then the first layer's reprojection raised an unexpected ProjError.
    import shutil

    from test_bad_inputs import CORPUS

    monkeypatch.chdir(tmp_path)
    shutil.copytree(CORPUS / "layers", "layers")
    result = CliRunner().invoke(main, ["export", "school", "--format", "gpkg", "--crs", "IAU_2015:30100", "-o", "s.gpkg"])
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        "geo: error: --crs: IAU_2015:30100 (Moon (2015) - Sphere / Ocentric) cannot be reached from WGS-84 lon/lat "
        "(Source and target ellipsoid do not belong to the same celestial body (Earth vs Moon))"], result.stderr
    assert not Path("s.gpkg").exists()


@pytest.mark.parametrize("fmt", ["gpkg", "shp"])
def test_nan_or_infinity_in_a_layer_edited_by_hand_is_exported_as_null_as_in_the_csv(out_dir, tmp_path, fmt):
    # The CSV and GeoJSON wrote no value; the GeoPackage kept -inf, the Shapefile's .dbf the text "-inf".
    layer = out_dir / "layers" / "school.geojson"
    data = json.loads(layer.read_text(encoding="utf-8"))
    for feature in data["features"]:
        feature["properties"].update(accuracy_m=float("nan"), score=float("-inf"))
    layer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")  # NaN, -Infinity
    output = tmp_path / ("shp" if fmt == "shp" else "out.gpkg")
    export_layers("school", fmt=fmt, layers_dir=out_dir / "layers", output=output)
    path = output / "school.shp" if fmt == "shp" else output
    frame = pyogrio.read_dataframe(path, layer="school")
    assert frame["accuracy_m"].isna().all() and frame["score"].isna().all(), frame[["accuracy_m", "score"]]
    assert b"inf" not in (path.with_suffix(".dbf") if fmt == "shp" else path).read_bytes()


@pytest.mark.parametrize("folder, written", [("青山县成果.csv", "school.csv"), ("白石路.gpkg", "school.gpkg"),
                                             ("成果", "school.geojson")])
def test_an_existing_folder_named_like_a_format_gets_that_format_inside_it(out_dir, tmp_path, folder, written):
    # -o out.csv, out.csv being a folder: a GeoJSON file was written in it, without a word.
    (tmp_path / folder).mkdir()
    export_layers("school", layers_dir=out_dir / "layers", output=tmp_path / folder)
    assert sorted(p.name for p in (tmp_path / folder).iterdir() if p.suffix in (".csv", ".gpkg", ".geojson")) == [written]


def test_a_whole_number_quantity_is_written_as_a_real_so_geojson_readers_type_the_column_real(tmp_path):
    # 新建改造老旧小区15个 put "quantity_value":15 in the layers and the GeoJSON exports: GDAL and QGIS type a
    # GeoJSON column from its values, so the column was Integer there (an edit to 7.5 in QGIS cut to 7) while the
    # GeoPackage, Shapefile, CSV and KML say Real.
    import geopandas as gpd

    from geo.boundaries import Boundaries
    from geo.pipeline import write_catalog, write_layers

    zones = gpd.GeoDataFrame({"code": ["330199001"], "name": ["白石街道"], "boundary_quality": ["official"],
                              "source": ["测试边界"]}, geometry=[_square(120.1, 30.24)], crs=4326)
    outline = gpd.GeoDataFrame({"code": ["330199"], "name": ["青山区"], "source": ["测试边界"]},
                               geometry=[_square(120.1, 30.24)], crs=4326)
    boundaries = Boundaries(zones=zones, outline=outline, quality="official", source="测试边界")
    features = [_project("village-baishi", "白石小区", "village", shapely.Point(120.11, 30.25),
                         [dict(code="330199001", name="白石街道", share=1.0, km=None)],
                         quantity={"value": 15, "unit": "个"})]
    build = tmp_path / "build"
    write_catalog(build / "projects.geojson", features, "青山.txt")
    [layer] = [p for p in write_layers(features, boundaries, build / "layers") if p.stem == "village"]
    # a layer written by an earlier version, its quantity an integer, is exported as a real all the same
    older = tmp_path / "older"
    (older / "layers").mkdir(parents=True)
    (older / "layers" / "village.geojson").write_text(layer.read_text(encoding="utf-8").replace(
        '"quantity_value":15.0', '"quantity_value":15'), encoding="utf-8")
    (older / "projects.geojson").write_text((build / "projects.geojson").read_text(encoding="utf-8"), encoding="utf-8")
    paths = [layer, *export_layers("projects", fmt="geojson", layers_dir=build / "layers", output=tmp_path / "p.geojson"),
             *export_layers("village", fmt="geojson", layers_dir=older / "layers", output=tmp_path / "h.geojson")]
    for path in paths:
        assert '"quantity_value":15.0' in path.read_text(encoding="utf-8"), path
        assert pyogrio.read_dataframe(path)["quantity_value"].dtype.kind == "f", path
