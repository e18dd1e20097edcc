"""CAD drawings as 街道: a .prj beside a DXF, closed polylines named by the text labels inside them, what cannot be read named."""

import pytest
import shapely
from pyproj import CRS

from geo.boundaries import load_boundaries, load_official_zones
from geo.io import InputError

NAMES = ["无影山街道", "天桥东街街道", "北园街道"]
X0, Y0 = 500_000, 4_062_000  # EPSG:4548 (CGCS2000 3-degree Gauss-Kruger CM 117E), inside 天桥区


def _squares():
    return [shapely.box(X0 + i * 1000, Y0, X0 + (i + 1) * 1000, Y0 + 1000) for i in range(3)]


def _dxf(path, entities, codepage="ANSI_936", version="AC1015", encoding="gbk"):
    """A DXF (R2000) as AutoCAD saves one on Chinese Windows: its text in GBK (``version`` AC1021,
    AutoCAD 2007, and later: UTF-8, whatever ``codepage`` says). ``entities`` are
    (kind, layer, coordinates or (x, y, text)): closed or open LWPOLYLINEs, TEXT labels."""
    body = []
    for kind, layer, what in entities:
        if kind == "text":
            x, y, text = what
            body += ["0", "TEXT", "8", layer, "10", f"{x}", "20", f"{y}", "30", "0", "40", "50", "1", text]
        else:
            coords = list(what)
            body += ["0", "LWPOLYLINE", "100", "AcDbEntity", "8", layer, "100", "AcDbPolyline",
                     "90", str(len(coords)), "70", "1" if kind == "closed" else "0"]
            for x, y in coords:
                body += ["10", f"{x}", "20", f"{y}"]
    lines = ["0", "SECTION", "2", "HEADER", "9", "$ACADVER", "1", version, "9", "$DWGCODEPAGE", "3", codepage,
             "0", "ENDSEC", "0", "SECTION", "2", "ENTITIES", *body, "0", "ENDSEC", "0", "EOF"]
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def _drawing(tmp_path, extra=(), prj="EPSG:4548", **dxf):
    entities = []
    for square, name in zip(_squares(), NAMES):
        entities.append(("closed", "街道界线", list(square.exterior.coords)[:-1]))  # CAD keeps no closing vertex
        centre = square.centroid
        entities.append(("text", "街道名称", (centre.x, centre.y, name)))
    path = _dxf(tmp_path / "jd.dxf", [*entities, *extra], **dxf)
    if prj:
        path.with_suffix(".prj").write_text(CRS.from_user_input(prj).to_wkt("WKT1_ESRI"), encoding="ascii")
    return path


def test_a_dxf_of_closed_polylines_and_text_labels_gives_the_named_zones(tmp_path):
    frame = [(X0 - 500, Y0 - 500), (X0 + 3500, Y0 - 500), (X0 + 3500, Y0 + 1500), (X0 - 500, Y0 + 1500)]
    road = [(X0, Y0 + 500), (X0 + 3000, Y0 + 500)]
    path = _drawing(tmp_path, extra=[("closed", "图框", frame), ("open", "道路", road)])
    zones, warnings = load_official_zones(path, name_field="Text")
    assert sorted(zones["name"]) == sorted(NAMES)
    by_name = dict(zip(zones["name"], zones.to_crs(4548).geometry))
    for square, name in zip(_squares(), NAMES):
        assert by_name[name].symmetric_difference(square).area < 1.0  # the frame around them is no 街道
    assert any("3 街道 from the closed polylines holding a text label" in w
               and "1 closed polyline of another CAD layer (图框)" in w and "1 open line" in w for w in warnings)
    boundaries = load_boundaries(path, name_field="Text")  # names only: the district is found by them
    assert boundaries.outline["name"].iloc[0] == "天桥区"


def test_a_dxf_whose_polylines_carry_their_names_as_layers_is_read_by_layer(tmp_path):
    entities = [("closed", name, list(square.exterior.coords)[:-1]) for square, name in zip(_squares(), NAMES)]
    path = _dxf(tmp_path / "jd.dxf", entities)
    path.with_suffix(".prj").write_text(CRS.from_epsg(4548).to_wkt("WKT1_ESRI"), encoding="ascii")
    zones, _ = load_official_zones(path, name_field="Layer")
    assert sorted(zones["name"]) == sorted(NAMES)


def test_a_dxf_without_a_prj_is_refused_naming_the_prj_to_put_beside_it(tmp_path):
    path = _drawing(tmp_path, prj=None)
    with pytest.raises(InputError, match=r"jd\.dxf: a CAD drawing states no coordinate reference system: put its "
                                         r"\.prj beside it as jd\.prj"):
        load_official_zones(path, name_field="Text")


def test_a_label_outside_every_closed_polyline_is_named_and_two_in_one_are_refused(tmp_path):
    path = _drawing(tmp_path, extra=[("text", "街道名称", (X0 + 5000, Y0 + 500, "堤口路街道"))])
    _, warnings = load_official_zones(path, name_field="Text")
    assert any("堤口路街道" in w and "in no closed polyline" in w for w in warnings)
    path = _drawing(tmp_path, extra=[("text", "街道名称", (X0 + 200, Y0 + 200, "堤口路街道"))])
    with pytest.raises(InputError, match=r"jd\.dxf: a closed polyline holds two labels \(无影山街道, 堤口路街道\)"):
        load_official_zones(path, name_field="Text")


def test_a_dxf_of_open_lines_alone_is_refused_saying_to_close_or_export_them(tmp_path):
    entities = [("open", "街道界线", list(square.exterior.coords)) for square in _squares()[:1]]
    entities[0] = ("open", "街道界线", entities[0][2][:-2])  # three sides
    path = _dxf(tmp_path / "jd.dxf", [*entities, ("text", "街道名称", (X0 + 500, Y0 + 500, NAMES[0]))])
    path.with_suffix(".prj").write_text(CRS.from_epsg(4548).to_wkt("WKT1_ESRI"), encoding="ascii")
    with pytest.raises(InputError, match=r"jd\.dxf: no closed polyline holds a text label of 'Text'"):
        load_official_zones(path, name_field="Text")


def test_a_dxf_name_field_that_is_no_column_says_which_columns_a_drawing_has(tmp_path):
    path = _drawing(tmp_path)
    with pytest.raises(InputError, match=r"--name-field '街道名称' is not a column .*a CAD drawing: --name-field Text"):
        load_official_zones(path, name_field="街道名称")


def test_a_dwg_drawing_is_refused_saying_to_save_it_as_dxf(tmp_path):
    path = tmp_path / "jd.dwg"
    path.write_bytes(b"AC1032" + bytes(200))  # AutoCAD 2018's DWG: GDAL reads none without a licensed library
    with pytest.raises(InputError, match=r"jd\.dwg: an AutoCAD DWG drawing, which GDAL cannot read: save it as DXF "
                                         r"in CAD \(另存为 DXF\), with its \.prj beside it"):
        load_official_zones(path, name_field="Text")


@pytest.mark.parametrize("version, codepage", [("AC1021", "ANSI_936"), ("AC1027", "ANSI_936"), ("AC1032", "ANSI_1252")])
def test_a_dxf_of_autocad_2007_or_later_is_read_as_utf8_whatever_its_code_page(tmp_path, version, codepage):
    """AutoCAD 2007 and later write a DXF's text in UTF-8 and keep $DWGCODEPAGE: GDAL read the
    names by the code page (无影山街道 became 鏃犲奖灞辫楅亾, silently)."""
    path = _drawing(tmp_path, version=version, codepage=codepage, encoding="utf-8")
    zones, _ = load_official_zones(path, name_field="Text")
    assert sorted(zones["name"]) == sorted(NAMES)


def test_the_unicode_escapes_of_a_dxf_label_and_layer_are_decoded(tmp_path):
    r"""An older DXF holds a character its code page lacks as \U+XXXX (an English AutoCAD's
    Chinese) or \M+5XXXX (a GB2312 character, AutoCAD R14): names are the characters."""
    def escaped(name, i):
        if i == 0:
            return "".join(f"\\U+{ord(c):04X}" for c in name)
        if i == 1:
            return "".join(f"\\M+5{c.encode('gb2312').hex().upper()}" for c in name)
        return name[:2] + f"\\U+{ord(name[2]):04x}" + name[3:]  # lower-case hex, mixed with plain text
    entities = []
    for i, (square, name) in enumerate(zip(_squares(), NAMES)):
        entities.append(("closed", escaped("界线", 0), list(square.exterior.coords)[:-1]))
        entities.append(("text", "n", (square.centroid.x, square.centroid.y, escaped(name, i))))
    path = _dxf(tmp_path / "jd.dxf", entities)
    path.with_suffix(".prj").write_text(CRS.from_epsg(4548).to_wkt("WKT1_ESRI"), encoding="ascii")
    zones, _ = load_official_zones(path, name_field="Text")
    assert sorted(zones["name"]) == sorted(NAMES)
    polylines = [(square, escaped(name, 0)) for square, name in zip(_squares(), NAMES)]
    path = _dxf(tmp_path / "layers.dxf", [("closed", layer, list(square.exterior.coords)[:-1])
                                          for square, layer in polylines], codepage="ANSI_1252", encoding="ascii")
    path.with_suffix(".prj").write_text(CRS.from_epsg(4548).to_wkt("WKT1_ESRI"), encoding="ascii")
    zones, _ = load_official_zones(path, name_field="Layer")
    assert sorted(zones["name"]) == sorted(NAMES)


def test_the_labelled_parts_of_one_zhejie_are_one_zone_with_its_code(tmp_path):
    """An exclave labelled as the warning asks, a polyline drawn twice or with its hatch: each gave a
    街道 of its own (two rows of one name; every code a row number, 001, 002..., for the names'
    codes of the district's list; a polyline drawn twice refused as of zero area)."""
    exclave = shapely.box(X0 + 3500, Y0, X0 + 4000, Y0 + 500)
    path = _drawing(tmp_path, extra=[("closed", "街道界线", list(exclave.exterior.coords)[:-1]),
                                     ("text", "街道名称", (X0 + 3750, Y0 + 250, NAMES[0]))])
    boundaries = load_boundaries(path, name_field="Text")
    zones = boundaries.zones.sort_values("name")
    assert sorted(zones["name"]) == sorted(NAMES) and len(zones) == 3
    whole = dict(zip(zones["name"], zones.to_crs(4548).geometry))[NAMES[0]]
    assert whole.symmetric_difference(shapely.union_all([_squares()[0], exclave])).area < 1.0
    assert all(code.startswith("370105") for code in zones["code"])
    assert any("3 街道 from the closed polylines holding a text label (4 polylines: the parts of a 街道 made one)"
               in w for w in boundaries.warnings)
    twice = [("closed", name, list(square.exterior.coords)[:-1]) for square, name in zip(_squares(), NAMES)]
    path = _dxf(tmp_path / "twice.dxf", twice + twice[:1])
    path.with_suffix(".prj").write_text(CRS.from_epsg(4548).to_wkt("WKT1_ESRI"), encoding="ascii")
    zones, _ = load_official_zones(path, name_field="Layer")
    assert sorted(zones["name"]) == sorted(NAMES)
    assert dict(zip(zones["name"], zones.to_crs(4548).geometry))[NAMES[0]].symmetric_difference(
        _squares()[0]).area < 1.0


def test_a_file_of_named_closed_polylines_gives_their_polygons_with_holes_and_enclaves(tmp_path):
    # A 自然资源局 Shapefile or GeoPackage of 街道 boundaries as polylines, one closed line (or
    # several: an outer ring and a hole) per 街道 with its name: each is that 街道's polygon. They
    # were refused as 'expected polygons, found LineString', as a file of open border lines still is.
    import geopandas as gpd

    squares = _squares()
    hole = shapely.box(X0 + 200, Y0 + 200, X0 + 400, Y0 + 400)  # 天桥东街's enclave in 无影山
    rings = [shapely.MultiLineString([squares[0].exterior.coords, hole.exterior.coords]),
             shapely.LineString(squares[1].exterior.coords), shapely.LineString(squares[2].exterior.coords),
             shapely.LineString(hole.exterior.coords)]
    lines = gpd.GeoDataFrame({"JDMC": [*NAMES, NAMES[1]], "JDDM": ["370105001", "370105003", "370105014", "370105003"]},
                             geometry=rings, crs="EPSG:4548")
    path = tmp_path / "jd.gpkg"
    lines.to_file(path, driver="GPKG")
    zones, warnings = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert zones["name"].tolist() == NAMES
    assert zones.to_crs(4548).area.round(0).tolist() == [1e6 - 4e4, 1e6 + 4e4, 1e6]
    assert f"{path}: 5 closed lines made 街道 polygons (a ring inside another is its hole)" in warnings
    # One open line among them: no polygon to make of it, refused as before.
    lines.iloc[[0, 1, 2]].assign(geometry=[rings[0], rings[1], shapely.LineString(list(squares[2].exterior.coords)[:4])]) \
        .to_file(path, driver="GPKG")
    with pytest.raises(InputError, match=r"expected polygons, found .*LineString.* \(boundaries drawn as lines"):
        load_official_zones(path, name_field="JDMC", code_field="JDDM")


def test_communities_drawn_on_another_layer_inside_the_subdistricts_do_not_take_their_labels(tmp_path):
    # a planning institute's drawing: 街道 on 街道界线, their 社区 on 社区界线 (smaller, around the labels)
    communities = []
    for square in _squares():
        x0, y0 = square.bounds[:2]
        for dx, dy in ((300, 300), (20, 20), (720, 20), (20, 720)):  # the first holds the 街道's label
            cell = shapely.box(x0 + dx, y0 + dy, x0 + dx + 260, y0 + dy + 260)
            communities.append(("closed", "社区界线", list(cell.exterior.coords)[:-1]))
    path = _drawing(tmp_path, extra=communities)
    zones, warnings = load_official_zones(path, name_field="Text")
    by_name = dict(zip(zones["name"], zones.to_crs(4548).geometry))
    assert sorted(by_name) == sorted(NAMES)
    for square, name in zip(_squares(), NAMES):
        assert by_name[name].symmetric_difference(square).area < 1.0, name  # the 街道, not a 社区 in it
    assert any("12 closed polylines of other CAD layers (社区界线)" in w for w in warnings), warnings


def test_a_rural_countys_drawing_and_closed_lines_are_called_by_their_level_not_jiedao(tmp_path):
    # A 县's 乡镇 drawn in CAD, or as closed lines: the warnings said "3 街道 from the closed
    # polylines" and "closed lines made 街道 polygons" of zones none of which is a 街道.
    import geopandas as gpd

    rural = ["龙头镇", "西江镇", "望丰乡"]
    entities = []
    for square, name in zip(_squares(), rural):
        entities.append(("closed", "乡镇界线", list(square.exterior.coords)[:-1]))
        entities.append(("text", "乡镇名称", (square.centroid.x, square.centroid.y, name)))
    entities.append(("text", "乡镇名称", (X0 + 5000, Y0 + 500, "方祥乡")))  # in no closed polyline
    path = _dxf(tmp_path / "xz.dxf", entities)
    path.with_suffix(".prj").write_text(CRS.from_epsg(4548).to_wkt("WKT1_ESRI"), encoding="ascii")
    _, warnings = load_official_zones(path, name_field="Text")
    assert any(w.startswith(f"{path}: a CAD drawing: 3 乡镇 from the closed polylines holding a text label")
               for w in warnings), warnings
    assert any("方祥乡" in w and "name no 乡镇 " in w for w in warnings), warnings
    assert not [w for w in warnings if "街道" in w], warnings
    lines = gpd.GeoDataFrame({"XZMC": rural}, geometry=[shapely.LineString(s.exterior.coords) for s in _squares()],
                             crs="EPSG:4548")
    lines.to_file(tmp_path / "xz.gpkg", driver="GPKG")
    _, warnings = load_official_zones(tmp_path / "xz.gpkg", name_field="XZMC")
    assert f"{tmp_path / 'xz.gpkg'}: 3 closed lines made 乡镇 polygons (a ring inside another is its hole)" in warnings
    # a 街道's name is kept as it is: 龙头街道 is no 乡镇
    lines.assign(XZMC=["龙头街道", "西江镇", "望丰乡"]).to_file(tmp_path / "mixed.gpkg", driver="GPKG")
    zones, warnings = load_official_zones(tmp_path / "mixed.gpkg", name_field="XZMC")
    assert "龙头街道" in set(zones["XZMC"] if "XZMC" in zones else zones["name"])
    assert any("closed lines made 街道/乡镇 polygons" in w for w in warnings), warnings
