"""Official 街道 files as ArcGIS exports them: File Geodatabases (a .gdb folder, zipped or not), curved boundaries."""

import math
import re
import shutil
import subprocess

import geopandas as gpd
import numpy as np
import pyproj
import pytest
import shapely

from geo.boundaries import load_official_zones
from geo.io import InputError

pytestmark = pytest.mark.skipif(shutil.which("ogr2ogr") is None, reason="ogr2ogr builds the curved files")

# 合肥蜀山区, around 117.2E 31.85N: four 2 km squares in CGCS2000 / 3-degree GK CM 117E (EPSG:4548).
X0, Y0 = 519_000, 3_524_000
NAMES = ["三里庵街道", "稻香村街道", "琥珀街道", "南七街道"]
CODES = ["340104001", "340104002", "340104003", "340104004"]


def _squares():
    return [shapely.box(X0 + (i % 2) * 2000, Y0 + (i // 2) * 2000, X0 + (i % 2 + 1) * 2000, Y0 + (i // 2 + 1) * 2000)
            for i in range(4)]


def _ogr2ogr(out, source, *options):
    subprocess.run(["ogr2ogr", "-f", "OpenFileGDB" if str(out).endswith(".gdb") else "GPKG", str(out), str(source),
                    *options], check=True, capture_output=True)


def _geodatabase(tmp_path, name="jd.gdb", crs="EPSG:4548"):
    gpkg = tmp_path / "source.gpkg"
    gpd.GeoDataFrame({"JDMC": NAMES, "JDDM": CODES}, geometry=_squares(), crs="EPSG:4548").to_crs(crs).to_file(
        gpkg, layer="jiedao")
    _ogr2ogr(tmp_path / name, gpkg, "-nln", "jiedao", "-lco", "FEATURE_DATASET=行政区划")
    return tmp_path / name


@pytest.mark.parametrize("crs", ["EPSG:4548", "EPSG:4490"])
def test_a_geodatabase_folder_is_read_as_districts(tmp_path, crs):
    zones, _ = load_official_zones(_geodatabase(tmp_path, crs=crs), name_field="JDMC", code_field="JDDM")
    assert zones["name"].tolist() == NAMES
    areas = zones.to_crs("EPSG:4548").area
    assert np.allclose(areas, 4e6, rtol=1e-6)


def test_a_geodatabase_folder_zipped_is_read_as_districts(tmp_path):
    gdb = _geodatabase(tmp_path)
    archive = shutil.make_archive(str(tmp_path / "jd.gdb"), "zip", root_dir=tmp_path, base_dir="jd.gdb")
    shutil.rmtree(gdb)
    zones, _ = load_official_zones(archive, name_field="JDMC", code_field="JDDM")
    assert zones["name"].tolist() == NAMES


def _basic_geography(tmp_path):
    """A 基础地理 geodatabase: 街道 polygons, points of interest and roads, all with a 名称 column."""
    gpkg = tmp_path / "source.gpkg"
    squares = _squares()
    gpd.GeoDataFrame({"名称": NAMES}, geometry=squares, crs="EPSG:4548").to_file(gpkg, layer="街道")
    gpd.GeoDataFrame({"名称": ["大蜀山", "安徽大学"]}, geometry=[squares[0].centroid, squares[3].centroid],
                     crs="EPSG:4548").to_file(gpkg, layer="兴趣点")
    gpd.GeoDataFrame({"名称": ["长江西路"]}, geometry=[shapely.LineString([squares[0].centroid, squares[1].centroid])],
                     crs="EPSG:4548").to_file(gpkg, layer="道路")
    gdb = tmp_path / "jcdl.gdb"
    for layer in ("兴趣点", "道路", "街道"):
        _ogr2ogr(gdb, gpkg, layer, "-lco", "FEATURE_DATASET=基础地理", *(["-update"] if gdb.exists() else []))
    return gdb


def test_of_feature_classes_sharing_the_name_field_the_only_polygon_one_is_read(tmp_path):
    # Points of interest and roads bear a 名称 too; only polygons can be 街道.
    zones, _ = load_official_zones(_basic_geography(tmp_path), name_field="名称")
    assert zones["name"].tolist() == NAMES


def test_a_feature_class_of_points_named_as_districts_is_refused_naming_the_file_and_the_type(tmp_path):
    gdb = _basic_geography(tmp_path)
    with pytest.raises(InputError, match=r"jcdl\.gdb: expected polygons, found Point$"):
        load_official_zones(f"{gdb}|layername=兴趣点", name_field="名称")


# A round 街道 of radius R (a ring road's), in two halves whose arcs are CircularStrings, inside a
# square 街道 with a round hole: its edges as the office drew them, arcs and all.
R = 3000.0
CX, CY = X0 + 5000, Y0 + 5000


def _curved_zones(tmp_path, out_name, crs="EPSG:4548"):
    xw, xe, yn, ys = CX - R, CX + R, CY + R, CY - R
    rows = [("北园街道", "340104101", f"CURVEPOLYGON(COMPOUNDCURVE(({xw} {CY}, {xe} {CY}), "
                                      f"CIRCULARSTRING({xe} {CY}, {CX} {yn}, {xw} {CY})))"),
            ("南园街道", "340104102", f"MULTISURFACE(CURVEPOLYGON(COMPOUNDCURVE(CIRCULARSTRING({xw} {CY}, {CX} {ys}, "
                                      f"{xe} {CY}), ({xe} {CY}, {xw} {CY}))))"),
            ("外环街道", "340104103", f"CURVEPOLYGON(({CX - 5000} {CY - 5000}, {CX + 5000} {CY - 5000}, "
                                      f"{CX + 5000} {CY + 5000}, {CX - 5000} {CY + 5000}, {CX - 5000} {CY - 5000}), "
                                      f"CIRCULARSTRING({xe} {CY}, {CX} {yn}, {xw} {CY}, {CX} {ys}, {xe} {CY}))")]
    if crs != "EPSG:4548":  # each vertex and arc control point moved: arcs drawn in lon/lat
        transformer = pyproj.Transformer.from_crs("EPSG:4548", crs, always_xy=True)
        def moved(match):
            x, y = transformer.transform(float(match[1]), float(match[2]))
            return f"{x:.9f} {y:.9f}"
        rows = [(name, code, re.sub(r"([\d.]+) ([\d.]+)", moved, wkt)) for name, code, wkt in rows]
    csv = tmp_path / "curved.csv"
    csv.write_text("WKT,JDMC,JDDM\n" + "".join(f'"{wkt}",{name},{code}\n' for name, code, wkt in rows), encoding="utf-8")
    out = tmp_path / out_name
    _ogr2ogr(out, csv, "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO", "-a_srs", crs,
             "-nlt", "MULTISURFACE", "-nln", "jiedao")
    return out


def _arc_points(start_deg, end_deg, radius=R):
    angles = np.radians(np.linspace(start_deg, end_deg, 200_001))
    return np.column_stack([CX + radius * np.cos(angles), CY + radius * np.sin(angles)])


@pytest.mark.parametrize("name", ["jd.gdb", "jd.gpkg"])
def test_curved_districts_are_linearised_within_the_tolerance_in_metres(tmp_path, name):
    from geo import settings

    zones, warnings = load_official_zones(_curved_zones(tmp_path, name), name_field="JDMC", code_field="JDDM")
    metric = zones.set_index("name").to_crs("EPSG:4548").geometry
    north = shapely.Polygon(_arc_points(0, 180))  # the arc densified to centimetres, closed by its diameter
    south = shapely.Polygon(_arc_points(180, 360))
    tolerance = settings.CURVE_TOLERANCE_M
    for zone, exact in ((metric["北园街道"], north), (metric["南园街道"], south)):
        assert shapely.hausdorff_distance(zone.boundary, exact.boundary) <= tolerance + 1e-3
        assert abs(zone.area - math.pi * R * R / 2) <= math.pi * R * tolerance  # the arc's length times the tolerance
    ring = metric["外环街道"]
    assert abs(ring.area - (1e8 - math.pi * R * R)) <= 2 * math.pi * R * tolerance
    assert not [w for w in warnings if "overlap" in w or "gap" in w]


def test_a_point_just_inside_an_arc_is_in_its_district(tmp_path):
    # Half a metre inside the arc, midway between two of the vertices GDAL's default puts every 4°
    # (where its chord runs 1.8 m inside the arc): in the round 街道, not in the one around it.
    zones, _ = load_official_zones(_curved_zones(tmp_path, "jd.gdb"), name_field="JDMC", code_field="JDDM")
    angle = math.radians(2)
    point = gpd.GeoSeries([shapely.Point(CX + (R - 0.5) * math.cos(angle), CY + (R - 0.5) * math.sin(angle))],
                          crs="EPSG:4548").to_crs(4326).iloc[0]
    assert zones.loc[zones.contains(point), "name"].tolist() == ["北园街道"]


def test_curved_districts_in_lon_lat_are_read(tmp_path):
    zones, _ = load_official_zones(_curved_zones(tmp_path, "jd.gdb", crs="EPSG:4490"), name_field="JDMC")
    assert sorted(zones["name"]) == ["北园街道", "南园街道", "外环街道"]
    # Arcs drawn in degrees are not round in metres: the halves fill the hole, and the three the square.
    areas = zones.set_index("name").to_crs("EPSG:4548").area
    assert abs(areas.sum() - 1e8) < 1e8 * 1e-4
    assert abs(areas["北园街道"] - areas["南园街道"]) < 1e-3 * areas["北园街道"]


@pytest.mark.parametrize("inside", ["", "成果/"])
def test_a_zip_archive_of_another_name_holding_a_geodatabase_is_read(tmp_path, inside):
    # 街道数据.zip holding jd.gdb (or 成果/jd.gdb): GDAL opens a geodatabase zipped only as jd.gdb.zip,
    # and the archive was said to hold 'no Shapefile (.shp) nor other vector file GDAL reads'.
    import zipfile

    gdb = _geodatabase(tmp_path)
    archive = tmp_path / "街道数据.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for part in sorted(gdb.iterdir()):
            zipped.write(part, f"{inside}jd.gdb/{part.name}")
    zones, _ = load_official_zones(archive, name_field="JDMC", code_field="JDDM")
    assert zones["name"].tolist() == NAMES


def test_a_zip_archive_of_several_geodatabases_is_refused_naming_them(tmp_path):
    # 成果.zip of this year's and last year's jd.gdb: GDAL opens neither, and the line was GDAL's
    # "not a vector file GDAL reads", though the archive holds nothing else.
    import zipfile

    from geo.gazetteer_files import load_file

    gdb = _geodatabase(tmp_path)
    archive = tmp_path / "成果.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for folder in ("成果/2025/jd.gdb", "成果/2024/jd.gdb"):
            for part in sorted(gdb.iterdir()):
                zipped.write(part, f"{folder}/{part.name}")
    problem = (r"成果\.zip: is a zip archive holding 2 File Geodatabases \(成果/2024/jd\.gdb, 成果/2025/jd\.gdb\), "
               r"and geo reads one: unzip it and give the \.gdb folder to read, or zip that one alone$")
    with pytest.raises(InputError, match=problem):
        load_official_zones(archive, name_field="JDMC", code_field="JDDM")
    with pytest.raises(InputError, match=problem):
        load_file(f"{archive}|layername=jiedao")


_ALIASED_GEODATABASE = """
import sys
from osgeo import ogr, osr
names, codes = sys.argv[2].split(","), sys.argv[3].split(",")
ds = ogr.GetDriverByName("OpenFileGDB").CreateDataSource(sys.argv[1])
srs = osr.SpatialReference()
srs.ImportFromEPSG(4548)
layer = ds.CreateLayer("jiedao", srs, ogr.wkbPolygon, ["FEATURE_DATASET=行政区划"])
for field, alias in (("JDMC", "街道名称"), ("JDDM", "街道代码")):
    definition = ogr.FieldDefn(field, ogr.OFTString)
    definition.SetAlternativeName(alias)
    layer.CreateField(definition)
for number, (name, code) in enumerate(zip(names, codes)):
    x, y = 519000 + (number % 2) * 2000, 3524000 + (number // 2) * 2000
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("JDMC", name)
    feature.SetField("JDDM", code)
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        f"POLYGON (({x} {y},{x + 2000} {y},{x + 2000} {y + 2000},{x} {y + 2000},{x} {y}))"))
    layer.CreateFeature(feature)
ds = None
"""


@pytest.mark.skipif(subprocess.run(["/usr/bin/python3", "-c", "import osgeo.ogr"], capture_output=True).returncode != 0,
                    reason="GDAL's Python bindings (python3-gdal, with gdal-bin) write the fields' aliases")
@pytest.mark.parametrize("zipped", [False, True])
def test_a_geodatabase_field_named_by_its_alias_reads_the_field_it_names(tmp_path, zipped):
    # ArcGIS shows JDMC as 街道名称 (its alias): --name-field 街道名称 was "no field 街道名称" and a gazetteer
    # whose name field is aliased 名称 "needs a 'name' column". GeoPackage aliases were read, a
    # geodatabase's (ArcGIS's own format) not: GDAL reads them, but pyogrio gives no field its alias.
    import zipfile

    from geo.gazetteer_files import load_file

    gdb = tmp_path / "jd.gdb"
    subprocess.run(["/usr/bin/python3", "-c", _ALIASED_GEODATABASE, str(gdb), ",".join(NAMES), ",".join(CODES)],
                   check=True, capture_output=True)
    path = gdb
    if zipped:
        path = tmp_path / "街道数据.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for part in sorted(gdb.iterdir()):
                archive.write(part, f"成果/jd.gdb/{part.name}")
    zones, _ = load_official_zones(path, name_field="街道名称", code_field="街道代码")
    assert zones["name"].tolist() == NAMES and zones["code"].tolist() == CODES
    assert sorted(entry.name for entry in load_file(path, warnings=[])) == sorted(NAMES)  # 街道名称 names them
