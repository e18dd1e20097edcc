"""A KML's folders, a folder's Shapefiles, read as one layer of 街道 (geo/kml_folders.py): Google Earth's My Places,
奥维's folders, a surveyor's Shapefile per 街道."""

import shutil
import subprocess

import pytest

from geo.boundaries import load_boundaries
from geo.io import InputError


def _kml_folders(tmp_path, folders):
    """A Google Earth KML of ``folders`` ``{folder: [(placemark name, (x0, y0, x1, y1)), ...]}`` in a folder 青山区,
    each polygon styled as Google Earth saves it."""
    def placemark(name, box):
        x0, y0, x1, y1 = box
        ring = " ".join(f"{x},{y},0" for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)))
        return (f"<Placemark><name>{name}</name><styleUrl>#m1</styleUrl><Polygon><tessellate>1</tessellate>"
                f"<outerBoundaryIs><LinearRing><coordinates>{ring}</coordinates></LinearRing></outerBoundaryIs>"
                "</Polygon></Placemark>")

    body = "".join(f"<Folder><name>{folder}</name>{''.join(placemark(*p) for p in marks)}</Folder>"
                   for folder, marks in folders.items())
    path = tmp_path / "青山区街道.kml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                    '<Style id="s1"><PolyStyle><color>400000ff</color></PolyStyle></Style><StyleMap id="m1"><Pair>'
                    '<key>normal</key><styleUrl>#s1</styleUrl></Pair></StyleMap>'
                    f'<Folder><name>青山区</name>{body}</Folder></Document></kml>', encoding="utf-8")
    return path


_BOXES = [(120.10, 30.24, 120.12, 30.27), (120.12, 30.24, 120.14, 30.27), (120.14, 30.24, 120.16, 30.27)]


@pytest.mark.parametrize("untitled", [False, True])
def test_streets_sorted_into_kml_folders_are_read_as_one_layer(tmp_path, untitled):
    # Google Earth's My Places with a folder per 街道 (or per 街道 and its parts): GDAL makes each folder a layer,
    # and the file was refused, `several layers have a 'Name' column (白石街道, 青松街道, 东湖街道); name one`, which
    # gave one 街道. Placemarks left 未命名多边形 (Google Earth's Untitled Polygon) under named folders were one 街道.
    names = ["白石街道", "青松街道", "东湖街道"]
    path = _kml_folders(tmp_path, {name: [("未命名多边形" if untitled else name, box)] for name, box in zip(names, _BOXES)})
    b = load_boundaries(path, name_field="Name")
    assert list(b.zones["name"]) == names
    said = "its features are all named '未命名多边形': each is named by its folder" if untitled else \
        "read its 3 KML folders as one layer of 街道 (白石街道、青松街道、东湖街道)"
    assert any(said in w for w in b.warnings)


def test_kml_folders_of_two_levels_overlapping_are_refused_naming_them(tmp_path):
    path = _kml_folders(tmp_path, {"街道边界": [("白石街道", _BOXES[0]), ("青松街道", _BOXES[1])],
                                   "村界": [("白石村", (120.10, 30.24, 120.11, 30.25))]})
    with pytest.raises(InputError, match=r"several layers have a 'Name' column \(街道边界, 村界\); name one as "
                                         r"'.*青山区街道\.kml\|layername=街道边界' \(its KML folders 街道边界 and 村界 "
                                         r"overlap: two levels, 街道 and 村, or two versions\?\)$"):
        load_boundaries(path, name_field="Name")


def test_a_kml_folder_of_no_polygon_beside_the_streets_folder_is_left_out(tmp_path):
    # 奥维's 街道边界 folder beside a 办事处 folder of the offices' points: `several layers have a 'Name' column`.
    path = _kml_folders(tmp_path, {"街道边界": [("白石街道", _BOXES[0]), ("青松街道", _BOXES[1])], "办事处": []})
    text = path.read_text(encoding="utf-8").replace(
        "<Folder><name>办事处</name></Folder>", "<Folder><name>办事处</name><Placemark><name>白石街道办事处</name><Point>"
        "<coordinates>120.11,30.25,0</coordinates></Point></Placemark></Folder>")
    path.write_text(text, encoding="utf-8")
    b = load_boundaries(path, name_field="Name")
    assert list(b.zones["name"]) == ["白石街道", "青松街道"]
    assert any("left out its KML folders of no polygon (办事处)" in w for w in b.warnings)


def _shapefile_per_street(folder, named=True):
    """A surveyor's delivery: a Shapefile per 街道 in ``folder``, named after it, with its 名称 or an ``Id`` 0 alone."""
    import geopandas as gpd
    import shapely

    folder.mkdir()
    for name, box in zip(["白石街道", "青松街道", "东湖街道"], _BOXES):
        columns = {"名称": [name]} if named else {"Id": [0]}
        gpd.GeoDataFrame(columns, geometry=[shapely.box(*box)], crs=4326).to_file(folder / f"{name}.shp", encoding="utf-8")
    return folder


@pytest.mark.parametrize("named", [True, False])
def test_a_folder_of_a_shapefile_per_street_is_read_as_one_layer(tmp_path, named):
    # `several layers have a '名称' column (东湖街道, 白石街道, 青松街道); name one as '…|layername=东湖街道'`: one 街道.
    folder = _shapefile_per_street(tmp_path / "街道", named)
    b = load_boundaries(folder, name_field="名称" if named else "Id")
    assert sorted(b.zones["name"]) == sorted(["白石街道", "青松街道", "东湖街道"])
    said = "read its 3 files as one layer of 街道" if named else "its features are all named '0': each is named by its file"
    assert any(said in w for w in b.warnings)


@pytest.mark.skipif(shutil.which("zip") is None, reason="Info-ZIP's zip writes member names not flagged UTF-8")
def test_a_zip_of_a_shapefile_per_street_by_info_zip_names_them_by_their_files(tmp_path):
    # Info-ZIP (and Windows in Chinese, in GBK) leave the UTF-8 flag off: GDAL read the names as CP437, the 街道 named
    # by their files were Σ╕£µ╣ûΦíùΘüô.
    folder = _shapefile_per_street(tmp_path / "街道", named=False)
    subprocess.run(["zip", "-q", "-r", str(tmp_path / "街道.zip"), "."], cwd=folder, check=True)
    b = load_boundaries(tmp_path / "街道.zip", name_field="Id")
    assert sorted(b.zones["name"]) == sorted(["白石街道", "青松街道", "东湖街道"])


def test_the_district_outline_beside_a_file_per_street_is_left_out(tmp_path):
    # 区界.shp beside the 街道's files: `several layers have a '名称' column`; then (the files overlapping) refused.
    import geopandas as gpd
    import shapely

    folder = _shapefile_per_street(tmp_path / "街道")
    gpd.GeoDataFrame({"名称": ["青山区"]}, geometry=[shapely.box(120.10, 30.24, 120.16, 30.27)], crs=4326).to_file(
        folder / "区界.shp", encoding="utf-8")
    b = load_boundaries(folder, name_field="名称")
    assert sorted(b.zones["name"]) == sorted(["白石街道", "青松街道", "东湖街道"])
    assert any("left out its file 区界, whose polygon covers all the others' (the district's outline?)" in w
               for w in b.warnings)


def test_a_folder_of_several_streets_around_two_folders_of_villages_is_no_outline(tmp_path):
    path = _kml_folders(tmp_path, {"街道边界": [("白石街道", _BOXES[0]), ("青松街道", _BOXES[1])],
                                   "村界": [("白石村", (120.10, 30.24, 120.11, 30.25))],
                                   "社区": [("青松社区", (120.12, 30.24, 120.13, 30.25))]})
    with pytest.raises(InputError, match=r"\(its KML folders 街道边界 and 村界 overlap: two levels"):
        load_boundaries(path, name_field="Name")


def test_a_folder_of_a_shapefile_per_street_in_different_crss_is_read_in_the_first_ones(tmp_path):
    # 青松街道.shp in Gauss-Kruger metres beside the others in lon/lat: `ValueError: Cannot determine common CRS for
    # concatenation inputs`, naming no file.
    import geopandas as gpd

    folder = _shapefile_per_street(tmp_path / "街道")
    frame = gpd.read_file(folder / "青松街道.shp").to_crs(4549)
    for part in folder.glob("青松街道.*"):
        part.unlink()
    frame.to_file(folder / "青松街道.shp", encoding="utf-8")
    b = load_boundaries(folder, name_field="名称")
    assert sorted(b.zones["name"]) == sorted(["白石街道", "青松街道", "东湖街道"])
    assert b.zones.geometry.area.round(4).tolist() == [0.0006] * 3
    assert any("its files are in different CRSs: 青松街道 converted to the CRS of 东湖街道 (WGS 84)" in w for w in b.warnings)


@pytest.mark.parametrize("suffix", [".kml", ".geojson"])
def test_a_folder_of_a_kml_or_geojson_file_per_street_is_read_as_one_layer(tmp_path, suffix):
    # 奥维 exports each object as a KML of its own (a web tool each 街道 as a GeoJSON): the folder of 白石街道.kml,
    # 青松街道.kml, 东湖街道.kml was `is a directory, expected a vector file`, and without --name-field no column named.
    import geopandas as gpd
    import shapely

    from geo.boundaries import load_official_zones

    folder = tmp_path / "街道"
    folder.mkdir()
    for name, box in zip(["白石街道", "青松街道", "东湖街道"], _BOXES):
        gpd.GeoDataFrame({"名称": [name]}, geometry=[shapely.box(*box)], crs=4326).to_file(
            folder / f"{name}{suffix}", driver="KML" if suffix == ".kml" else "GeoJSON")
    (folder / "说明.txt").write_text("青山县街道", encoding="utf-8")
    b = load_boundaries(folder, name_field="名称")
    assert sorted(b.zones["name"]) == sorted(["白石街道", "青松街道", "东湖街道"])
    assert any("read its 3 files as one layer of 街道 (东湖街道、白石街道、青松街道)" in w for w in b.warnings)
    with pytest.raises(InputError, match=r"--name-field is required with --districts .*: --name-field 名称$"):
        load_official_zones(folder, name_field=None)


def test_files_of_streets_without_names_are_said_to_be_so(tmp_path):
    # ogr2ogr's KML puts the columns in ExtendedData and leaves <name> empty: `its features are all named 'None'`.
    folder = tmp_path / "街道"
    folder.mkdir()
    for name, box in zip(["白石街道", "青松街道"], _BOXES):
        path = _kml_folders(tmp_path, {name: [("", box)]})
        path.write_text(path.read_text(encoding="utf-8").replace("<name></name>", ""), encoding="utf-8")
        path.rename(folder / f"{name}.kml")
    b = load_boundaries(folder, name_field="Name")
    assert sorted(b.zones["name"]) == ["白石街道", "青松街道"]
    assert any("its features are all without a Name: each is named by its file (白石街道、青松街道)" in w for w in b.warnings)


@pytest.mark.parametrize("second", ["标注", "飞地"])
def test_a_file_per_street_of_several_folders_is_read_whole(tmp_path, second):
    # 奥维's 白石街道.kml of folders 标注 (the office's point) and 边界, or a 街道 with its enclave in a folder 飞地:
    # the file's first layer alone was read, 青山区 (empty) or 标注: `contains no features`, or 白石街道
    # `left out its files of no polygon`.
    folder = tmp_path / "街道"
    folder.mkdir()
    for name, (x0, y0, x1, y1) in zip(["白石街道", "青松街道"], _BOXES):
        path = _kml_folders(tmp_path, {"边界": [(name, (x0, y0, x1, y1))]})
        if second == "飞地" and name == "白石街道":
            path = _kml_folders(tmp_path, {"边界": [(name, (x0, y0, x1, y1))], "飞地": [(name, (x0, 30.20, x1, 30.21))]})
        elif second == "标注":
            text = path.read_text(encoding="utf-8")
            point = (f"<Folder><name>标注</name><Placemark><name>{name}办事处</name><Point><coordinates>"
                     f"{(x0 + x1) / 2},{(y0 + y1) / 2},0</coordinates></Point></Placemark></Folder>")
            path.write_text(text.replace("<Folder><name>青山区</name>", "<Folder><name>青山区</name>" + point),
                            encoding="utf-8")
        path.rename(folder / f"{name}.kml")
    b = load_boundaries(folder, name_field="Name")
    assert sorted(b.zones["name"]) == ["白石街道", "青松街道"]
    assert all(g.geom_type.endswith("Polygon") for g in b.zones.geometry)
    if second == "飞地":
        assert b.zones.set_index("name").geometry["白石街道"].geom_type == "MultiPolygon"


def test_two_kml_folders_of_one_name_are_one_street(tmp_path):
    # Google Earth's My Places with 白石街道 and its enclave each in a folder 白石街道 (placemarks 未命名多边形): GDAL
    # names the second folder `白石街道 (#2)`, which became a 街道 of its own.
    enclave = (120.10, 30.20, 120.11, 30.21)
    path = _kml_folders(tmp_path, {"白石街道": [("未命名多边形", _BOXES[0])], "白石街道 ": [("未命名多边形", enclave)],
                                   "青松街道": [("未命名多边形", _BOXES[1])]})
    path.write_text(path.read_text(encoding="utf-8").replace("<name>白石街道 </name>", "<name>白石街道</name>"),
                    encoding="utf-8")
    b = load_boundaries(path, name_field="Name")
    assert sorted(b.zones["name"]) == ["白石街道", "青松街道"]
    assert b.zones.set_index("name").geometry["白石街道"].geom_type == "MultiPolygon"


def test_a_kml_of_a_street_beside_a_folder_of_shapefiles_is_read_with_them(tmp_path):
    # A surveyor's 白石街道.shp and 青松街道.shp, and 东湖街道.kml drawn since in 奥维, in one folder: the Shapefiles
    # alone were read, 东湖街道 left out without a word. 道路.shp (no 名称) is still no 街道 file.
    import geopandas as gpd
    import shapely

    for name, box, suffix in zip(["白石街道", "青松街道", "东湖街道"], _BOXES, [".shp", ".shp", ".kml"]):
        gpd.GeoDataFrame({"名称": [name]}, geometry=[shapely.box(*box)], crs=4326).to_file(
            tmp_path / f"{name}{suffix}", driver="KML" if suffix == ".kml" else "ESRI Shapefile", encoding="utf-8")
    gpd.GeoDataFrame({"DLMC": ["白石路"]}, geometry=[shapely.LineString([(120.10, 30.25), (120.16, 30.25)])],
                     crs=4326).to_file(tmp_path / "道路.shp", encoding="utf-8")
    b = load_boundaries(tmp_path, name_field="名称")
    assert sorted(b.zones["name"]) == sorted(["白石街道", "青松街道", "东湖街道"])
    assert any("read its 3 files as one layer of 街道 (东湖街道、白石街道、青松街道)" in w for w in b.warnings)
