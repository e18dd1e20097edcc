"""Gazetteer files as colleagues write them: table delimiters, encodings, Chinese headers, coordinate notations, vector column names."""

import re

import pytest
import shapely

from geo.gazetteer_files import load_file, outside_china
from geo.io import InputError

SITE = (117.001, 36.7)  # 汇才学校, WGS-84


def _hex_wkb(xy, srid=None):
    point = shapely.Point(xy) if srid is None else shapely.set_srid(shapely.Point(xy), srid)
    return shapely.to_wkb(point, hex=True, include_srid=srid is not None)


def _point(path):
    (entry,) = load_file(path)
    assert entry.name == "汇才学校"
    return entry.geometry


@pytest.mark.parametrize("name, data", [
    ("excel_semicolon.csv", "\ufeffname;lon;lat\n汇才学校;117.001;36.7\n".encode("utf-8")),
    ("excel_decimal_comma.csv", "name;lon;lat\n汇才学校;117,001;36,7\n".encode("utf-8")),
    ("tabs.txt", "name\tlon\tlat\n汇才学校\t117.001\t36.7\n".encode("utf-8")),
    ("bars.csv", "name|lon|lat\n汇才学校|117.001|36.7\n".encode("utf-8")),
    ("chinese_headers.csv", "名称,经度,纬度,坐标系\n汇才学校,117.001,36.7,WGS84\n".encode("gbk")),
    ("utf16.csv", "name,lng,lat\n汇才学校,117.001,36.7\n".encode("utf-16")),
    ("upper_xy.csv", "NAME,X,Y\n汇才学校,117.001,36.7\n".encode("gb18030")),
    ("blank_rows.csv", "name,lon,lat\n\n,,\n汇才学校,117.001,36.7\n,,\n\n".encode("utf-8")),
    ("degrees.csv", "name,lon,lat\n汇才学校,117.001°,36.7°\n".encode("utf-8")),
    ("hemispheres.csv", "name,lon,lat\n汇才学校,117.001°E,36.7°N\n".encode("utf-8")),
    ("chinese_hemispheres.csv", "name,lon,lat\n汇才学校,东经117.001°,北纬36.7°\n".encode("utf-8")),
    ("dms.csv", "name,lon,lat\n汇才学校,\"117°0'3.6\"\"E\",\"36°42'0\"\"N\"\n".encode("utf-8")),
    ("fullwidth.csv", "name,lon,lat\n汇才学校,１１７．００１,３６．７\n".encode("utf-8")),
    ("dms_chinese.csv", "名称,经度,纬度\n汇才学校,117度0分3.6秒,36度42分0秒\n".encode("gbk")),
    ("dms_chinese_hemispheres.csv", "名称,经度,纬度\n汇才学校,东经117度0分3.6秒,北纬36度42分\n".encode("utf-8")),
    ("dms_spaced.csv", "name,lon,lat\n汇才学校,117 0 3.6,36 42 0.00\n".encode("utf-8")),
    # A blank before each mark, as some hand-typed lists space them: refused, 'not one number, nor degrees...'
    ("dms_spaced_marks.csv", "名称,经度,纬度\n汇才学校,117 度 0 分 3.6 秒,36 度 42 分 0 秒\n".encode("utf-8")),
    ("dms_spaced_signs.csv", "名称,经度,纬度\n汇才学校,117 ° 0 ′ 3.6 ″E,36 ° 42 ′ N\n".encode("utf-8")),
    ("degrees_spaced_sign.csv", "name,lon,lat\n汇才学校,117.001 °,36.7 °\n".encode("utf-8")),
    ("dm_spaced.csv", "name,lon,lat\n汇才学校,117 0.06,36 42.000\n".encode("utf-8")),
    ("dms_spaced_hemispheres.csv", "name,lon,lat\n汇才学校,E117 00 03.6,36 42 00 N\n".encode("utf-8")),
    ("ewkt.csv", "name,wkt\n汇才学校,SRID=4326;POINT(117.001 36.7)\n".encode("utf-8")),
    ("amap_location.csv", 'name,location\n汇才学校,"117.001,36.7"\n'.encode("utf-8")),
    ("jingweidu.csv", "名称,经纬度\n汇才学校,117.001 36.7\n".encode("gbk")),
    ("tencent_picker.csv", '名称,坐标\n汇才学校,"36.7,117.001"\n'.encode("utf-8")),  # Tencent's and Google's lat,lng
    ("hemispheres_pair.csv", '名称,坐标\n汇才学校,"36°42\'N, 117°0\'3.6""E"\n'.encode("utf-8")),
    ("chinese_pair.csv", '名称,经纬度\n汇才学校,北纬36.7° 东经117.001°\n'.encode("utf-8")),
    ("spaced_dms_pair.csv", '名称,经纬度\n汇才学校,"117 0 3.6, 36 42 0"\n'.encode("utf-8")),
    ("units_in_header.csv", "名称,经度(E),纬度（N）\n汇才学校,117.001,36.7\n".encode("utf-8")),
    ("degrees_in_header.csv", "名称,经度(°),纬度(°)\n汇才学校,117.001,36.7\n".encode("utf-8")),
    # Headers that add words saying no more than the axis: 经度坐标, 中心点经度 (a POI export's), the axis in
    # brackets after a survey's or GIS's name of it, a unit after a slash (each refused on main: no lon column)
    ("axis_word_after.csv", "名称,经度坐标,纬度坐标\n汇才学校,117.001,36.7\n".encode("utf-8")),
    ("axis_value.csv", "名称,经度值,纬度值\n汇才学校,117.001,36.7\n".encode("utf-8")),
    ("axis_centre.csv", "名称,中心点经度,中心点纬度\n汇才学校,117.001,36.7\n".encode("utf-8")),
    ("axis_place.csv", "名称,位置经度,位置纬度\n汇才学校,117.001,36.7\n".encode("utf-8")),
    ("axis_point.csv", "name,point_lng,point_lat\n汇才学校,117.001,36.7\n".encode("utf-8")),
    ("axis_bracketed.csv", "名称,X坐标(经度),Y坐标（纬度）\n汇才学校,117.001,36.7\n".encode("utf-8")),
    ("axis_letter_bracketed.csv", "名称,X(经度),Y(纬度)\n汇才学校,117.001,36.7\n".encode("utf-8")),
    ("axis_letter_after.csv", "名称,经度X,纬度Y\n汇才学校,117.001,36.7\n".encode("utf-8")),
    ("unit_after_slash.csv", "名称,经度/°,纬度/°\n汇才学校,117.001,36.7\n".encode("utf-8")),
    ("axis_letter_before.csv", "名称,坐标X,坐标Y\n汇才学校,117.001,36.7\n".encode("utf-8")),
    ("axis_letter_centre.csv", "名称,中心点X,中心点Y\n汇才学校,117.001,36.7\n".encode("utf-8")),
    # Degrees, minutes and seconds in columns of their own (lists of old trees, relics, monitoring points): main read
    # the degrees column alone as the longitude, 117 and 36, some 100 km off, without a word
    ("dms_columns.csv", "名称,经度(度),经度(分),经度(秒),纬度(度),纬度(分),纬度(秒)\n汇才学校,117,0,3.6,36,42,0\n".encode()),
    ("dms_columns_bare.csv", "名称,经度度,经度分,经度秒,纬度度,纬度分,纬度秒\n汇才学校,117,0,3.6,36,42,0\n".encode("gbk")),
    ("dms_columns_signs.csv", "名称,东经°,东经′,东经″,北纬°,北纬′,北纬″\n汇才学校,117,0,3.6,36,42,\n".encode()),
    ("dm_columns.csv", "name,lon_deg,lon_min,lat_deg,lat_min\n汇才学校,117,0.06,36,42\n".encode()),
    ("dms_two_rows.csv", "名称,经度,,,纬度,,\n,度,分,秒,度,分,秒\n汇才学校,117,0,3.6,36,42,0\n".encode()),
    ("ewkt_mercator.csv", "name,wkt\n汇才学校,SRID=3857;POINT(13024491.74 4397372.74)\n".encode("utf-8")),
    # A PostGIS table dumped to CSV: hex EWKB (SRID 4326 or 3857), or WKB as bytea text (\\x...)
    ("postgis.csv", f"name,geom\n汇才学校,{_hex_wkb(SITE, 4326)}\n".encode("utf-8")),
    ("postgis_mercator.csv", f"name,the_geom\n汇才学校,{_hex_wkb((13024491.74, 4397372.74), 3857)}\n".encode("utf-8")),
    ("ogr_bytea.csv", f"name,wkb_geometry\n汇才学校,\\x{_hex_wkb(SITE).lower()}\n".encode("utf-8")),
    # Degree signs as Chinese input methods and Excel users type them: ゜ (a kana mark), º, ˚
    ("kana_degree.csv", "名称,经度,纬度\n汇才学校,117゜0′3.6″,36゜42′\n".encode("gbk")),
    ("ordinal_degree.csv", "名称,经度,纬度\n汇才学校,117º0'3.6\"\"E,36º42'N\n".replace('3.6\"\"E', '3.6\"E').encode("utf-8")),
    ("ring_degree.csv", "名称,经度,纬度\n汇才学校,117˚0′3.6″,36˚42′0″\n".encode("utf-8")),
    ("colon_dms.csv", "名称,经度,纬度\n汇才学校,117:00:03.6,36:42:00\n".encode("utf-8")),  # GPS software, 奥维
])
def test_table_variants_give_the_same_point(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    assert _point(path).distance(shapely.Point(SITE)) < 1e-5  # about 1 m


@pytest.mark.parametrize("header", ["经度误差,纬度误差", "经度范围,纬度范围", "名称2(经度),名称3(纬度)"])
def test_columns_naming_more_than_an_axis_are_no_coordinates(tmp_path, header):
    # 经度误差 (an error in longitude) is no longitude; an axis in brackets after what is no coordinate column decides nothing
    path = tmp_path / "t.csv"
    path.write_text(f"名称,{header}\n汇才学校,0.001,0.002\n", encoding="utf-8")
    with pytest.raises(InputError, match="the header has no lon or lat column"):
        load_file(path)


def test_degrees_minutes_and_seconds_columns_under_merged_headings_of_a_workbook_give_the_point(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["青岚县古树名木名录"])
    sheet.append(["序号", "名称", "经度", None, None, "纬度", None, None])
    sheet.append([None, None, "度", "分", "秒", "度", "分", "秒"])
    for cells in ("A1:H1", "A2:A3", "B2:B3", "C2:E2", "F2:H2"):
        sheet.merge_cells(cells)
    sheet.append([1, "汇才学校", 117, 0, 3.6, 36, 42, 0])
    path = tmp_path / "古树.xlsx"
    book.save(path)
    assert _point(path).distance(shapely.Point(SITE)) < 1e-5
    sheet.append([2, "古樟", 117, 0, 75, 36, 42, 0])  # seconds past 60: refused as a cell of them is
    book.save(path)
    with pytest.raises(InputError, match=r"line 5: bad coordinates \(lon '117°0′75″' is not one number, nor degrees "
                                         r"with minutes and seconds under 60\)"):
        load_file(path)


def test_a_degrees_column_alone_or_beside_empty_minutes_is_decimal_degrees(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("名称,经度(度),纬度(度),纬度(分)\n汇才学校,117.001,36.7,\n", encoding="utf-8")
    assert _point(path).distance(shapely.Point(SITE)) < 1e-5  # 纬度(分) empty: 36.7 and no minutes


def _gk(lon, lat, epsg=4548):
    from pyproj import Transformer

    return Transformer.from_crs(4326, epsg, always_xy=True).transform(lon, lat)


def test_wkt_in_gauss_kruger_metres_is_read_in_the_system_its_datum_cell_names(tmp_path):
    # A layer saved as CSV with its WKT in the layer's CRS (QGIS, ArcGIS), the zone named in 坐标系 as the refusal
    # asks: main refused it still ("look like Gauss-Kruger metres… name the zone in the 坐标系 column").
    ring = [(117.0, 36.7), (117.002, 36.7), (117.002, 36.702), (117.0, 36.7)]
    polygon = "POLYGON ((" + ", ".join("%.3f %.3f" % _gk(*p) for p in ring) + "))"
    x, y = _gk(*SITE, epsg=4527)  # zone 39 with its number before the easting
    path = tmp_path / "地块.csv"
    path.write_text(f'名称,wkt,坐标系\n汇才学校,"{polygon}",EPSG:4548\n东关公园,POINT ({x:.3f} {y:.3f}),CGCS2000\n',
                    encoding="utf-8")
    school, area = sorted(load_file(path), key=lambda e: e.geometry.geom_type)  # Point, Polygon
    assert area.geometry.hausdorff_distance(shapely.Polygon(ring)) < 1e-7
    assert "Gauss-Kruger X/Y of CGCS2000, central meridian 117°E (EPSG:4548) converted to lon/lat" in area.method
    assert school.geometry.distance(shapely.Point(SITE)) < 1e-7 and school.accuracy_m < 100  # no rounding claimed


def test_wkt_in_metres_whose_datum_cell_names_no_projection_is_refused_as_before(tmp_path):
    x, y = _gk(*SITE)
    path = tmp_path / "地块.csv"
    path.write_text(f"名称,wkt,坐标系\n汇才学校,POINT ({x:.3f} {y:.3f}),WGS84\n", encoding="utf-8")
    with pytest.raises(InputError, match="look like Gauss-Kruger metres without their zone number"):
        load_file(path)


def test_a_polyline_column_of_lon_lat_pairs_is_read_as_a_line(tmp_path):
    # Amap's web services give a road's line as polyline "lng,lat;lng,lat;…" (parts apart by |), saved to CSV by
    # planners' scripts: main refused it ("no lon or lat column … put them in a column of their own headed 坐标").
    path = tmp_path / "道路.csv"
    path.write_text('名称,polyline,坐标系\n北园大街,"117.0,36.7;117.01,36.7;117.02,36.701",WGS84\n'
                    '二环路,"117.0,36.71;117.01,36.71|117.02,36.71;117.03,36.711",WGS84\n', encoding="utf-8")
    road, ring = load_file(path)
    assert road.geometry.equals(shapely.LineString([(117.0, 36.7), (117.01, 36.7), (117.02, 36.701)]))
    assert ring.geometry.geom_type == "MultiLineString" and len(ring.geometry.geoms) == 2


def test_a_column_of_lon_lat_pairs_under_another_name_is_named_with_the_heading_that_reads_it(tmp_path):
    path = tmp_path / "道路.csv"
    path.write_text('名称,轨迹\n北园大街,"117.0,36.7;117.01,36.7"\n', encoding="utf-8")
    with pytest.raises(InputError, match="column '轨迹' seems to hold a line of lon,lat pairs .*: head it polyline"):
        load_file(path)


def test_excel_workbook_is_read(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["名称", "经度", "纬度", "datum"])
    sheet.append(["汇才学校", 117.001, 36.7, "wgs84"])
    sheet.append([None, None, None, None])
    path = tmp_path / "sites.xlsx"
    book.save(path)
    assert _point(path).equals(shapely.Point(SITE))


def test_colon_degrees_excel_turned_into_durations_and_times_are_read_as_typed(tmp_path):
    # Excel takes 117:00:03.6 typed in a cell for 117 hours (a duration shown [h]:mm:ss) and 12:30 for a
    # time of day: openpyxl gives a timedelta ('4 days, 21:00:03.600000') and a time, refused as no number.
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["名称", "经度", "纬度"])
    sheet.append(["汇才学校", (117 * 3600 + 3.6) / 86400, (36 * 3600 + 42 * 60) / 86400])
    sheet["B2"].number_format, sheet["C2"].number_format = "[h]:mm:ss.0", "[h]:mm:ss"
    path = tmp_path / "durations.xlsx"
    book.save(path)
    assert _point(path).distance(shapely.Point(SITE)) < 1e-5
    sheet.append(["南方", (12 * 3600 + 30 * 60) / 86400, 0.1])
    sheet["B3"].number_format = "h:mm"  # 12:30, a time of day: 12.5 degrees
    book.save(path)
    assert load_file(path)[1].geometry.x == pytest.approx(12.5)


def test_colon_degrees_with_a_decimal_excel_took_for_minutes_and_seconds_are_read_as_typed(tmp_path):
    # Excel takes 36:42.0 typed in a cell for 36 minutes and 42 seconds (shown mm:ss.0): it was read as
    # 0:36:42, a latitude of 0.61 degrees in the Gulf of Guinea, without a word.
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["名称", "经度", "纬度"])
    sheet.append(["汇才学校", (117 * 3600 + 3.6) / 86400, (36 * 60 + 42) / 86400])
    sheet["B2"].number_format, sheet["C2"].number_format = "[h]:mm:ss.0", "mm:ss.0"
    path = tmp_path / "durations.xlsx"
    book.save(path)
    assert _point(path).distance(shapely.Point(SITE)) < 1e-5
    sheet["C2"].number_format = "[mm]:ss.0"
    book.save(path)
    assert _point(path).distance(shapely.Point(SITE)) < 1e-5


@pytest.mark.parametrize("typed, value, number_format", [
    ("91:00:00", 91 / 24, "[h]:mm:ss"), ("90:30:00", 90.5 / 24, "[h]:mm"), ("95°", "95°", "General"),
    ("90°30'", "90°30'", "General")])
def test_latitudes_beyond_90_degrees_are_refused_naming_the_cell(tmp_path, typed, value, number_format):
    # A latitude of 91:00:00 (an Excel duration of 91 hours) or 95° was refused as 'not one number, nor
    # degrees, minutes and seconds', after geopy's UserWarning about latitude normalization.
    import re
    import warnings

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["名称", "经度", "纬度"])
    sheet.append(["汇才学校", 117.001, value])
    sheet["C2"].number_format = number_format
    path = tmp_path / "sites.xlsx"
    book.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(InputError, match=rf"sites\.xlsx: .*lat {re.escape(repr(typed))} is beyond 90 degrees"):
            load_file(path)


def test_an_excel_workbook_with_a_part_unpacking_to_gigabytes_is_refused_unread(tmp_path):
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["name", "lon", "lat"])
    book.active.append(["汇才学校", 117.001, 36.7])
    good = tmp_path / "good.xlsx"
    book.save(good)
    path = tmp_path / "sites.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for part in source.infolist():  # the theme, which openpyxl reads whole, grows to 200 MB of one letter
            data = b"<" + b"a" * 200_000_000 if part.filename == "xl/theme/theme1.xml" else source.read(part)
            bomb.writestr(part.filename, data)
    with pytest.raises(InputError, match=r"sites\.xlsx: is a damaged Excel workbook: its part "
                                         r"'xl/theme/theme1\.xml' unpacks to 200 MB from 0\.19\d* MB"):
        load_file(path)


def test_excel_separator_hint_decimal_comma_and_traditional_headers_are_read(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_text("sep=;\n名稱;經度;緯度\n汇才学校;117,004;36,7\n", encoding="utf-8")
    [entry] = load_file(path)
    assert entry.name == "汇才学校" and entry.geometry.equals_exact(shapely.Point(117.004, 36.7), 1e-9)
    quoted = tmp_path / "quoted.csv"
    quoted.write_text('name,lon,lat\n汇才学校,117.004,"36,7"\n', encoding="utf-8")
    assert load_file(quoted)[0].geometry.y == pytest.approx(36.7)


@pytest.mark.parametrize("name, data, problem", [
    ("saved_page.csv", b"<!DOCTYPE html><html><body><table></table></body></html>", "looks like HTML"),
    ("features.csv", b'{"type": "FeatureCollection", "features": []}', "looks like JSON"),
    ("bad_ewkt.csv", "name,wkt\n汇才学校,SRID=999999;POINT(1 2)\n".encode("utf-8"), "unknown SRID 999999"),
    ("words.csv", "name,lon,lat\n汇才学校,东边,北边\n".encode("utf-8"), "line 2: bad coordinates \\(lon '东边' is not one"),
    ("long_cell.csv", ("name,lon,lat\n" + "长" * 140_000 + ",117,36.7\n").encode("utf-8"),
     "line 2: field larger than field limit"),
    ("twice.csv", "name,lon,lat,name\n汇才学校,117.0,36.7,别的\n".encode("utf-8"), "column 'name' appears 2 times"),
    ("dms.csv", "name,lon,lat\n汇才学校,117°99'99\"E,36.7\n".encode("utf-8"), "minutes and seconds under 60"),
    ("two_numbers.csv", "name,lon,lat\n汇才学校,36.7 117.001,36.7\n".encode("utf-8"), "lon '36.7 117.001' is not one number"),
    ("spaced_numbers.csv", "name,lon,lat\n汇才学校,117.001,36 42 0 7\n".encode("utf-8"), "lat '36 42 0 7' is not one number"),
    ("spaced_seconds.csv", "name,lon,lat\n汇才学校,117 0 63,36.7\n".encode("utf-8"), "minutes and seconds under 60"),
    ("xian80_ewkt.csv", "name,wkt\n汇才学校,SRID=4610;POINT(117.001 36.7)\n".encode("utf-8"),
     "line 2: bad coordinates \\(Xian 1980 is on the datum Xian 1980 \\(西安80\\)"),
    ("beijing54_ewkt.csv", "name,wkt\n汇才学校,SRID=2436;POINT(500089 4062001)\n".encode("utf-8"),
     "Beijing 1954 / 3-degree Gauss-Kruger CM 117E is on the datum Beijing 1954 \\(北京54\\)"),
    ("thousands.csv", 'name,lon,lat\n汇才学校,117.0,"1,117"\n'.encode("utf-8"), "lat '1,117' is not one number"),
    ("not_excel.xlsx", b"PK\x03\x04 not really a workbook", "not a readable Excel workbook"),
    ("curved.csv", 'name,wkt\n北园大街,"CIRCULARSTRING (117 36.7, 117.01 36.71, 117.02 36.7)"\n'.encode("utf-8"),
     "line 2: bad coordinates \\(a curved geometry; give points, straight lines"),
])
def test_table_problems_are_named(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=problem) as info:
        load_file(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("header, rows, problem", [
    # A road drawn in wkt first, then the school's point: the header is at fault, not line 3.
    ("name,lon,lattitude,wkt", ['某路,,,"LINESTRING (117 36.7, 117.01 36.7)"', "汇才学校,117.001,36.7,"],
     "line 3: a row without wkt needs lon and lat, and the header has no lat column "
     "\\(found: name, lon, lattitude, wkt; use lon/lat"),
    ("名称,精度,伟度", ["汇才学校,117.001,36.7"],
     "needs lon and lat columns \\(or a wkt column\\); the header has no lon or lat column \\(found: 名称, 精度, 伟度"),
])
def test_a_misspelled_coordinate_column_is_named_with_the_header_found(tmp_path, header, rows, problem):
    path = tmp_path / "sites.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="gbk")
    with pytest.raises(InputError, match=problem) as info:
        load_file(path)
    assert str(path) in str(info.value)


def test_entries_outside_china_are_a_warning(tmp_path):
    path = tmp_path / "swapped.csv"
    path.write_text("name,lon,lat\n汇才学校,36.7,17.001\n区疾控中心,117.01,36.69\n", encoding="utf-8")
    assert outside_china(load_file(path)) == [
        "1 of 2 entries lie outside China (汇才学校); lon/lat swapped, or projected coordinates?"]


@pytest.mark.parametrize("lon, lat", [("西经104.015°", "北纬30.595°"), ("104.015", "-30.595"), ("－104.015", "30.595"),
                                      ("\u2212104.015", "30.595"), ("W104.015", "N30.595")])
def test_entries_in_a_western_or_southern_hemisphere_are_a_warning_naming_it(tmp_path, lon, lat):
    # 西经 or a minus sign in a table of China's places: read as written, then said only to be
    # "swapped, or projected coordinates?", which they are not.
    path = tmp_path / "sites.csv"
    path.write_text(f"名称,经度,纬度\n簇桥小学,{lon},{lat}\n玉林中学,104.06,30.63\n", encoding="utf-8")
    assert outside_china(load_file(path)) == [
        "1 of 2 entries lie outside China (簇桥小学); lon/lat swapped, or projected coordinates? A minus sign or a "
        "western or southern hemisphere (西经, 南纬, W, S) puts some in another quarter of the globe: they are not used"]


@pytest.mark.parametrize("name, columns, options", [
    ("sites.kml", {"Name": ["汇才学校"]}, {"driver": "KML"}),  # KML's own column is Name
    ("sites.shp", {"名称": ["汇才学校"]}, {"encoding": "gbk"}),  # GBK, and no .cpg below
    ("sites.gpkg", {"NAME": ["汇才学校"], "DATUM": ["wgs84"]}, {}),
])
def test_vector_gazetteer_column_names_in_any_case_or_chinese(tmp_path, name, columns, options):
    import geopandas as gpd

    path = tmp_path / name
    gpd.GeoDataFrame(columns, geometry=[shapely.Point(SITE)], crs=4326).to_file(path, **options)
    path.with_suffix(".cpg").unlink(missing_ok=True)
    assert _point(path).equals(shapely.Point(SITE))


def test_vector_gazetteer_without_a_name_column_says_so(tmp_path):
    import geopandas as gpd

    path = tmp_path / "sites.gpkg"
    gpd.GeoDataFrame({"label": ["汇才学校"]}, geometry=[shapely.Point(SITE)], crs=4326).to_file(path)
    with pytest.raises(InputError, match=r"needs a 'name' column \(or '名称'; found: label\)"):
        load_file(path)


def test_vector_gazetteer_whose_name_column_is_empty_says_so(tmp_path):
    # "needs a 'name' column (found: name, datum)" contradicted itself.
    import geopandas as gpd

    path = tmp_path / "sites.geojson"
    gpd.GeoDataFrame({"名称": [None, " "], "datum": ["wgs84"] * 2}, geometry=[shapely.Point(SITE)] * 2,
                     crs=4326).to_file(path)
    with pytest.raises(InputError, match=r"sites.geojson: its '名称' column is empty in every feature"):
        load_file(path)


def test_road_drawn_as_several_rows_is_one_road_and_a_namesake_far_away_stays_apart(tmp_path):
    from pyproj import Geod

    path = tmp_path / "centrelines.csv"
    path.write_text("name,wkt\n"
                    '水屯北路,"LINESTRING(117.0262 36.694, 117.0262 36.698)"\n'
                    '水屯北路,"LINESTRING(117.0262 36.698, 117.0262 36.702)"\n'
                    '水屯北路,"LINESTRING(117.0262 36.7023, 117.0262 36.706)"\n'  # a 33 m gap: same road
                    '水屯北路,"LINESTRING(117.3262 36.894, 117.3262 36.906)"\n', encoding="utf-8")
    road, namesake = load_file(path, datum="wgs84")
    assert road.method == "coordinates from file (3 rows joined)"
    assert road.geometry.geom_type == "MultiLineString" and len(road.geometry.geoms) == 2  # the gap is kept
    assert Geod(ellps="WGS84").geometry_length(road.geometry) == pytest.approx(1332 - 33, abs=2)
    assert namesake.method == "coordinates from file" and namesake.geometry.bounds[0] == 117.3262


@pytest.mark.parametrize("second", [
    "117.02634 36.694, 117.02634 36.706",  # drawn the same way
    "117.02634 36.706, 117.02634 36.700, 117.02634 36.694",  # drawn against it, in two vertices' steps
])
def test_a_dual_carriageway_given_as_two_rows_is_measured_once_along_its_centre_line(tmp_path, second):
    # A road centreline file drawing 天目山路's two carriageways as two rows 30 m apart gave a road of
    # both lengths: 5.73 km of rebuilt road in a 街道 for a road of 2.86 km. OSM's carriageways were
    # measured once already; a row going on past them, beside nothing, is kept whole.
    from pyproj import Geod

    path = tmp_path / "centrelines.csv"
    path.write_text("name,wkt\n"
                    '天目山路,"LINESTRING(117.0260 36.694, 117.0260 36.706)"\n'
                    f'天目山路,"LINESTRING({second})"\n'
                    '天目山路,"LINESTRING(117.0260 36.706, 117.0260 36.710)"\n', encoding="utf-8")
    (road,) = load_file(path, datum="wgs84")
    assert road.method == "coordinates from file (3 rows joined)"
    assert Geod(ellps="WGS84").geometry_length(road.geometry) == pytest.approx(1776, abs=3)  # 1332 + 444 m
    centre = shapely.Point(117.02617, 36.700)
    assert road.geometry.distance(centre) < 0.00002  # on the centre line, 15 m from either carriageway


def test_accuracy_may_carry_its_unit(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_text("名称,经度,纬度,精度,来源,坐标系\n汇才学校,117.0010,36.7000,30m,区教体局,wgs84\n"
                    "区疾控中心,117.0100,36.6900,50 米,,WGS84\n", encoding="utf-8")
    school, cdc = load_file(path)
    assert (school.accuracy_m, cdc.accuracy_m) == (30, 50) and school.source == "区教体局"


@pytest.mark.parametrize("data", [
    "name,lon,lat\r汇才学校,117.001,36.7\r",  # Excel for Mac: bare CRs
    "name,lon,lat\r\n其他学校,117.0,36.69\n新图书馆,117.0,36.69\r汇才学校,117.001,36.7\r\n",  # every kind mixed
])
def test_a_csv_with_bare_cr_line_ends_is_read(tmp_path, data):
    path = tmp_path / "cr.csv"
    path.write_bytes(data.encode("utf-8"))
    entries = load_file(path)
    site = next(e for e in entries if e.name == "汇才学校")
    assert site.geometry.distance(shapely.Point(SITE)) < 1e-5
    assert len(entries) == data.count("\r") + data.count("\n") - data.count("\r\n") - 1


def test_a_line_break_inside_a_quoted_cell_stays_in_the_cell(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_bytes('name,lon,lat,source\r汇才学校,117.001,36.7,"第一行\r第二行"\r'.encode("utf-8"))
    (entry,) = load_file(path)
    assert entry.source == "第一行\r第二行"


@pytest.mark.parametrize("header, datum", [
    ("名称,百度经度,百度纬度", "bd09"), ("name,bd09_lng,bd09_lat", "bd09"), ("name,bd_lng,bd_lat", "bd09"),
    ("name,lng_gcj02,lat_gcj02", "gcj02"), ("名称,高德经度,高德纬度", "gcj02"), ("名称,经度(高德),纬度（高德）", "gcj02"),
    ("name,longitude_wgs84,latitude_wgs84", "wgs84"), ("名称,WGS84经度,WGS84纬度", "wgs84"),
    ("名称,百度坐标", "bd09"), ("名称,高德经纬度", "gcj02"), ("name,location_gcj02", "gcj02"),
])
def test_coordinate_columns_named_with_their_datum_give_it(tmp_path, header, datum):
    from geo import crs

    lon, lat = (float(v[0]) for v in crs.convert_coords([SITE[0]], [SITE[1]], "wgs84", datum))
    path = tmp_path / "sites.csv"
    cells = f"{lon:.8f},{lat:.8f}" if header.count(",") == 2 else f'"{lon:.8f},{lat:.8f}"'
    path.write_text(f"{header}\n汇才学校,{cells}\n", encoding="utf-8")
    warnings = []
    (entry,) = load_file(path, warnings=warnings)
    assert entry.source_datum == datum and warnings == []
    assert entry.geometry.distance(shapely.Point(SITE)) < 1e-7
    path.write_text(f"{header},坐标系\n汇才学校,{cells},{'wgs84' if datum != 'wgs84' else 'gcj02'}\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match=f"line 2: the coordinate columns say {datum}, the datum column "):
        load_file(path)


def _gauss_kruger(prefix=False):
    """汇才学校 in CGCS2000 3-degree Gauss-Kruger CM 117E: (northing X, easting Y), Y with zone 39 or not."""
    from pyproj import Transformer

    easting, northing = Transformer.from_crs(4326, 4548, always_xy=True).transform(*SITE)
    return round(northing, 3), round(easting + (39_000_000 if prefix else 0), 3)


@pytest.mark.parametrize("header, prefix, label", [
    ("点名,X,Y,坐标系", True, "CGCS2000 3度带"),
    ("点名,X,Y,坐标系", False, "CGCS2000 3度带 117°"),
    ("名称,X坐标,Y坐标,坐标系", False, "2000国家大地坐标系 3°带 中央子午线117°"),
    ("名称,X,Y,坐标系", False, "CGCS2000 / 3-degree Gauss-Kruger CM 117E"),
    ("名称,X,Y,坐标系", True, "CGCS2000_3_Degree_GK_Zone_39"),
    ("名称,X,Y,坐标系", True, "CGCS2000 3度带 39带"),
    ("名称,X,Y,坐标系", False, "国家2000 高斯投影 3度带 117"),
    ("名称,X,Y,坐标系", True, "CGCS2000"),  # the datum, and the zone before Y
    ("点名,X(m),Y(m),坐标系", True, "CGCS2000 3度带"),
    ("点名,X坐标（米）,Y坐标（米）,坐标系", False, "CGCS2000 3度带 117°"),
    ("名称,X,Y,坐标系", True, "CGCS2000 6度带 20带"),
    ("名称,北坐标,东坐标,坐标系", False, "EPSG:4548"),
    ("名称,X,Y,坐标系", True, "EPSG:4527"),
    ("名称,Y,X,坐标系", False, "CGCS2000_3_Degree_GK_CM_117E"),  # Y first: the numbers tell northing from easting
])
def test_gauss_kruger_survey_coordinates_with_their_zone_give_the_point(tmp_path, header, prefix, label):
    northing, easting = _gauss_kruger(prefix)
    path = tmp_path / "测量成果.csv"
    cells = (northing, easting) if header.split(",")[1].startswith(("X", "北坐标")) else (easting, northing)
    path.write_text(f"{header}\n汇才学校,{cells[0]},{cells[1]},{label}\n", encoding="utf-8")
    warnings = []
    (entry,) = load_file(path, warnings=warnings)
    assert warnings == [] and entry.source_datum == "wgs84" and "assumed" not in entry.method
    assert entry.geometry.distance(shapely.Point(SITE)) < 1e-7  # 1 cm


def test_gauss_kruger_coordinates_with_decimal_commas_are_read(tmp_path):
    northing, easting = _gauss_kruger(True)
    path = tmp_path / "测量成果.csv"
    path.write_text(f"点名;X;Y;坐标系\n汇才学校;{northing};{easting};CGCS2000 3度带\n".replace(".", ","), encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.distance(shapely.Point(SITE)) < 1e-7


@pytest.mark.parametrize("header, prefix, label, problem", [
    ("名称,X,Y,坐标系", False, "CGCS2000 3度带", "line 2: Gauss-Kruger coordinates without their zone: name its central "
                                                 "meridian \\(CGCS2000 3度带 117°\\) or give Y with its zone number"),
    ("名称,X,Y,坐标系", False, "2000国家大地坐标系", "line 2: Gauss-Kruger coordinates without their zone"),
    ("名称,X,Y,坐标系", True, "CGCS2000 3度带 120°", "line 2: Y 39.* is in zone 39 \\(central meridian 117°\\), "
                                                   "the datum column says 120°"),
    ("名称,X,Y,坐标系", False, "西安80 3度带 117°", "line 2: .*Xian 1980 \\(西安80\\)"),
    ("名称,X,Y", True, None, "entry 1 \\(汇才学校\\) has coordinates outside lon/lat range: .* look like Gauss-Kruger "
                             "metres with the zone number 39 before the easting \\(if CGCS2000, EPSG:4527: write CGCS2000 "
                             "in the 坐标系 column\\)$"),
    ("名称,X,Y", False, None, "entry 1 \\(汇才学校\\) has coordinates outside lon/lat range: .* look like Gauss-Kruger "
                              "metres without their zone number \\(name the zone in the 坐标系 column by its central "
                              "meridian, CGCS2000 3度带 117°, or its code, EPSG:4548\\)$"),
])
def test_gauss_kruger_coordinates_that_do_not_say_enough_are_refused(tmp_path, header, prefix, label, problem):
    northing, easting = _gauss_kruger(prefix)
    path = tmp_path / "测量成果.csv"
    path.write_text(f"{header}\n汇才学校,{northing},{easting}" + (f",{label}" if label else "") + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        load_file(path)


@pytest.mark.parametrize("prefix, label", [
    (True, "成都2000坐标系"), (False, "广州2000"), (True, "成都市2000 3度带"), (False, "城建坐标"),
    (False, "成都市城市坐标系"), (False, "独立坐标系"), (False, "地方坐标系 中央子午线117°"),
])
def test_a_local_city_or_project_system_is_refused_in_one_line(tmp_path, prefix, label):
    # 成都2000坐标系 with Y carrying a zone number was read as CGCS2000 (its "2000"), without a word;
    # a city's local system has its own meridian, offsets and scale: hundreds of metres to kilometres off.
    northing, easting = _gauss_kruger(prefix)
    path = tmp_path / "测量成果.csv"
    path.write_text(f"名称,X,Y,坐标系\n汇才学校,{northing},{easting},{label}\n", encoding="utf-8")
    with pytest.raises(InputError, match=f"line 2: '{label}' is a local coordinate system \\(a city's or a project's\\): "
                                         "its parameters are not public and geo cannot read it; convert the file to "
                                         "CGCS2000 \\(lon/lat or a Gauss-Kruger zone\\) first"):
        load_file(path)
    path.write_text(f"名称,经度,纬度,坐标系\n汇才学校,{SITE[0]},{SITE[1]},{label}\n", encoding="utf-8")
    with pytest.raises(InputError, match=f"line 2: '{label}' is a local coordinate system"):
        load_file(path)


@pytest.mark.parametrize("header", ["名称,X坐标（北）,Y坐标（东）,坐标系", "名称,纵坐标X,横坐标Y,坐标系", "名称,纵坐标,横坐标,坐标系",
                                    "名称,X（北）,Y（东）,坐标系"])
def test_a_surveyors_northing_and_easting_headers_are_read(tmp_path, header):
    # X坐标（北）/Y坐标（东）, 纵坐标X/横坐标Y: "the header has no lon or lat column".
    northing, easting = _gauss_kruger(False)
    path = tmp_path / "测量成果.csv"
    path.write_text(f"{header}\n汇才学校,{northing},{easting},CGCS2000 3度带 117°\n", encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.distance(shapely.Point(SITE)) < 1e-7


@pytest.mark.parametrize("x, y", [("POINT_X", "POINT_Y"), ("xcoord", "ycoord")])
def test_the_coordinate_columns_arcgis_and_qgis_add_are_read(tmp_path, x, y):
    # ArcGIS's Add XY Coordinates writes POINT_X/POINT_Y, QGIS's Add Geometry Attributes xcoord/ycoord, in the
    # layer's CRS: the table exported to Excel was refused ('the header has no lon or lat column').
    path = tmp_path / "学校.csv"
    path.write_text(f"名称,{x},{y},坐标系\n汇才学校,{SITE[0]},{SITE[1]},CGCS2000\n", encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.distance(shapely.Point(SITE)) < 1e-9
    northing, easting = _gauss_kruger(False)  # a projected layer's: metres, X the easting
    path.write_text(f"名称,{x},{y},坐标系\n汇才学校,{easting},{northing},CGCS2000 3度带 117°\n", encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.distance(shapely.Point(SITE)) < 1e-7


def test_a_survey_table_with_lon_lat_and_x_y_is_read_by_its_lon_lat(tmp_path):
    # 成果表: the point's B/L and its X/Y, labelled CGCS2000 only (no zone, Y without its number)
    northing, easting = _gauss_kruger(False)
    path = tmp_path / "测量成果.csv"
    path.write_text(f"点名,X,Y,经度,纬度,坐标系\n汇才学校,{northing},{easting},{SITE[0]},{SITE[1]},CGCS2000\n",
                    encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.distance(shapely.Point(SITE)) < 1e-9 and entry.source_datum == "wgs84"


def test_a_gauss_kruger_zone_named_beside_lon_lat_gives_its_datum(tmp_path):
    # A survey table's B and L, or a Shapefile whose .prj projected it and whose attribute names the zone.
    import geopandas as gpd

    path = tmp_path / "成果.csv"
    path.write_text("名称,经度,纬度,坐标系\n汇才学校,117.0010,36.7000,CGCS2000 3度带 117°\n", encoding="utf-8")
    warnings = []
    assert _point(path).distance(shapely.Point(SITE)) < 1e-9
    (entry,) = load_file(path, warnings=warnings)
    assert warnings == [] and entry.source_datum == "wgs84"
    vector = tmp_path / "成果.gpkg"
    gpd.GeoDataFrame({"名称": ["汇才学校"], "坐标系": ["CGCS2000_3_Degree_GK_CM_117E"]},
                     geometry=[shapely.Point(SITE)], crs=4326).to_crs(4548).to_file(vector)
    (entry,) = load_file(vector, warnings=warnings)
    assert warnings == [] and entry.geometry.distance(shapely.Point(SITE)) < 1e-9


@pytest.mark.parametrize("row", [
    "汇才学校,117.001,36.7,POINT (117.001 36.7)",  # as our own CSV export writes a point
    "汇才学校,117.00100004,36.70000003,POINT (117.001 36.7)",  # rounded differently: centimetres
    '北园大街,117.005,36.7,"LINESTRING (117 36.7, 117.01 36.701)"',  # a label point beside a line
    '北园大街,,,"LINESTRING (117 36.7, 117.01 36.701)"',  # no lon/lat at all
])
def test_a_row_with_wkt_and_agreeing_lon_lat_is_read_by_its_wkt(tmp_path, row):
    path = tmp_path / "sites.csv"
    path.write_text("name,lon,lat,wkt\n" + row + "\n", encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.equals(shapely.from_wkt(row.split(",", 3)[3].strip('"')))


@pytest.mark.parametrize("wkt", [
    "POINT Z (117.001 36.7 30.5)",  # a survey's height
    "POINT M (117.001 36.7 12)",  # a measure: no height at all
    "POINT ZM (117.001 36.7 30.5 12)",  # QGIS's "Copy as WKT" of a measured layer
    "POINT Z (117.001 36.7 nan)",
])
def test_heights_and_measures_of_a_wkt_cell_are_dropped_on_reading(tmp_path, wkt):
    """As of vector files (test_vectors.py): a WKT's Z or M means nothing on a plan map, an M is
    no height, and a NaN one must not reach the maps' JSON."""
    path = tmp_path / "sites.csv"
    path.write_text(f'name,wkt\n汇才学校,"{wkt}"\n', encoding="utf-8")
    geometry = _point(path)
    assert not shapely.has_z(geometry) and not shapely.has_m(geometry)
    assert shapely.get_coordinates(geometry).tolist() == [list(SITE)]


@pytest.mark.parametrize("row, apart", [
    ("汇才学校,117.011,36.7,POINT (117.001 36.7)", "894 m"),  # a digit typed over
    ("汇才学校,36.7,117.001,POINT (117.001 36.7)", None),  # lon and lat swapped: no point on Earth near it
    ('北园大街,117.05,36.7,"LINESTRING (117 36.7, 117.01 36.701)"', "3,574 m"),
])
def test_a_row_whose_lon_lat_and_wkt_disagree_is_refused(tmp_path, row, apart):
    """The wkt would otherwise win without a word over coordinates someone typed: which is right
    only the user knows."""
    path = tmp_path / "sites.csv"
    path.write_text("name,lon,lat,wkt\n" + row + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: lon/lat .* the row's wkt; give one of the two") as info:
        load_file(path)
    assert str(path) in str(info.value) and (apart is None or apart in str(info.value))


@pytest.mark.parametrize("name, data", [
    # Two exports joined with `cat` (or `type a.csv b.csv > all.csv`): the second's BOM mid-file.
    ("joined.csv", "\ufeffname,lon,lat\n学校甲,117.0,36.7\n\ufeff汇才学校,117.001,36.7\n".encode("utf-8")),
    ("bom_in_cell.csv", "name,lon,lat\n汇才学校\ufeff,\ufeff117.001,36.7\n".encode("utf-8")),
])
def test_a_byte_order_mark_inside_a_table_is_no_part_of_a_name_or_number(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    entry = next(e for e in load_file(path) if "学校甲" not in e.name)
    assert entry.name == "汇才学校"
    assert entry.geometry.equals_exact(shapely.Point(SITE), 1e-9)


def test_two_exports_joined_with_their_headers_read_as_one_table(tmp_path):
    # `cat a.csv b.csv > all.csv` of two exports of one table (two planners' placed.csv): the
    # second's header, behind its BOM, was read as an entry: "line 3: bad coordinates (... 'WKT')".
    path = tmp_path / "all.csv"
    one = "\ufeffname,lon,lat,wkt\r\n学校甲,117.0,36.7,POINT (117.0 36.7)\r\n"
    two = "\ufeffName, LON ,lat,WKT,\r\n汇才学校,117.001,36.7,POINT (117.001 36.7)\r\n"
    path.write_bytes((one + two).encode("utf-8"))
    entries = load_file(path)
    assert [e.name for e in entries] == ["学校甲", "汇才学校"]
    assert entries[1].geometry.equals_exact(shapely.Point(SITE), 1e-9)


def test_an_excel_workbook_whose_first_sheet_is_empty_is_read_from_the_sheet_holding_the_table(tmp_path):
    # Sheet1 left empty, the table pasted on Sheet2: "needs a 'name' column (found: )" misled.
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    data = book.create_sheet("学校")
    data.append(["name", "lon", "lat"])
    data.append(["汇才学校", 117.001, 36.7])
    book.save(tmp_path / "sites.xlsx")
    assert _point(tmp_path / "sites.xlsx").equals_exact(shapely.Point(SITE), 1e-9)


def test_a_csv_saved_from_a_titled_sheet_is_read_below_its_title(tmp_path):
    # Excel keeps the title row in the CSV ("2025年民生实事项目点位表,,"): it was taken for the header.
    path = tmp_path / "sites.csv"
    path.write_bytes("2025年民生实事项目点位表,,,\r\n,,,\r\n名称,经度,纬度,坐标系\r\n汇才学校,117.001,36.7,wgs84\r\n"
                     .encode("gbk"))
    assert _point(path).equals_exact(shapely.Point(SITE), 1e-9)


def test_a_csv_with_a_two_row_header_reads_lon_and_lat_in_the_datum_over_them(tmp_path):
    # A merged 高德坐标 over 经度 and 纬度, saved as CSV: the group's name in its first column only.
    from datum_oracle import metres, wgs84_to_gcj02

    amap = wgs84_to_gcj02(*SITE)
    path = tmp_path / "sites.csv"
    path.write_bytes(f"序号,名称,高德坐标,,备注\r\n,,经度,纬度,\r\n1,汇才学校,{amap[0]:.6f},{amap[1]:.6f},\r\n"
                     .encode("utf-8-sig"))
    (entry,) = load_file(path)
    assert (entry.name, entry.source_datum, entry.accuracy_m) == ("汇才学校", "gcj02", 50.0)
    assert metres((entry.geometry.x, entry.geometry.y), SITE) < 0.5


@pytest.mark.parametrize("totals", [["合计", "", "", "", "3600"], ["", "合　计", "", "", "3600"], ["总计：", "", "", "", ""]])
def test_a_totals_row_without_coordinates_is_left_out_with_a_warning(tmp_path, totals):
    # A 合计 row under the table (its 投资 summed): "line 4: missing lon or lat value" refused the file.
    path = tmp_path / "sites.csv"
    path.write_bytes(("序号,名称,经度,纬度,投资（万元）\r\n1,汇才学校,117.001,36.7,1200\r\n2,北园小学,117.01,36.7,2400\r\n"
                      + ",".join(totals) + "\r\n").encode("utf-8-sig"))
    warnings = []
    assert [e.name for e in load_file(path, warnings=warnings)] == ["汇才学校", "北园小学"]
    assert f"{path}: left out 1 totals row(s) without coordinates (合计: line 4)" in warnings


def test_a_row_named_as_a_total_with_coordinates_is_an_entry(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_bytes("名称,经度,纬度\r\n合计,117.001,36.7\r\n".encode("utf-8"))
    assert [e.name for e in load_file(path)] == ["合计"]


@pytest.mark.parametrize("header", ["name,名称,lon,lat", "名称,名稱,lon,lat", "NAME,名字,lon,lat"])
def test_a_header_naming_the_entry_in_two_columns_is_refused(tmp_path, header):
    # name + 名称 (a bilingual export, or two tables pasted side by side): geo read the first and
    # never matched the Chinese names in the other, without a word.
    path = tmp_path / "sites.csv"
    path.write_text(f"{header}\nHuicai School,汇才学校,117.001,36.7\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"sites.csv: columns '.+' and '.+' both name the entry; keep one"):
        load_file(path)


def test_a_survey_point_number_beside_the_name_is_no_second_name(tmp_path):
    path = tmp_path / "survey.csv"
    path.write_text("点名,名称,lon,lat\nGPS01,汇才学校,117.001,36.7\n", encoding="utf-8")
    assert _point(path).equals(shapely.Point(SITE))


@pytest.mark.parametrize("header, row", [
    ("name,lon,lat,经度,纬度", "汇才学校,117.001,36.7,117.001,36.7"),  # a bilingual export: the same twice
    ("name,lon,lat,经度", "汇才学校,117.001,36.7,"),  # one of the two empty
    ("name,lon,lat,x,y", "汇才学校,117.001,36.7,500089.1,4062001.2"),  # a survey's metres beside lon/lat
])
def test_two_degree_columns_of_one_axis_that_agree_are_read(tmp_path, header, row):
    path = tmp_path / "sites.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.equals(shapely.Point(SITE))


def test_two_degree_columns_of_one_axis_that_disagree_are_refused(tmp_path):
    """lon and 经度 both (two tables pasted side by side, or one edited): the first would win
    without a word over the other."""
    path = tmp_path / "sites.csv"
    path.write_text("name,lon,lat,经度,纬度\n汇才学校,117.001,36.7,117.011,36.7\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: columns 'lon' and '经度' disagree \\(117.001 and 117.011, "
                                         "up to 1,113 m apart\\); keep one") as info:
        load_file(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("header, row", [
    ("名称,经度,纬度,POINT_X,POINT_Y", "白石路小学,104.041234,30.641234,104.046234,30.643234"),
    ("名称,X,Y,经度,纬度", "白石路小学,104.046234,30.643234,104.041234,30.641234"),
])
def test_gis_x_y_columns_of_degrees_that_disagree_with_the_lon_lat_beside_them_are_refused(tmp_path, header, row):
    # ArcGIS's Add XY Coordinates (POINT_X, POINT_Y) beside the 经度/纬度 typed from a web map: 557 m apart,
    # and the 经度/纬度 were read without a word (lon and 经度 both were already refused).
    path = tmp_path / "点位.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: columns '经度' and '(point_)?x' disagree \\(104.041 and 104.046, "
                                         "up to 557 m apart\\); keep one"):
        load_file(path)


def test_a_surveys_x_y_columns_beside_lon_lat_are_not_compared(tmp_path):
    path = tmp_path / "点位.csv"
    path.write_text("名称,经度,纬度,X,Y,X坐标\n白石路小学,104.041234,30.641234,39512345.6,3390000.1,30.6\n",
                    encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.equals(shapely.Point(104.041234, 30.641234))


def test_a_zero_in_gis_x_y_columns_beside_lon_lat_is_a_null_not_a_disagreeing_degree(tmp_path):
    # A shapefile's attribute table exported to CSV: its number fields hold 0 where the easting is unset.
    path = tmp_path / "点位.csv"
    path.write_text("名称,经度,纬度,POINT_X,POINT_Y\n白石路小学,104.041234,30.641234,0,0\n", encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.equals(shapely.Point(104.041234, 30.641234))


def test_merged_cells_of_an_excel_workbook_hold_their_value_in_every_row_they_span(tmp_path):
    # A datum or a road's name typed once and merged down over its rows, as Excel shows it:
    # openpyxl gives the value to the first row only, so the others read as WGS-84 or nameless.
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["名称", "wkt", "坐标系"])
    sheet.append(["汇才学校", "POINT (117.001 36.7)", "gcj02"])
    sheet.append(["天桥医院", "POINT (117.002 36.71)", None])
    sheet.append(["北园大街", "LINESTRING (117.0 36.72, 117.001 36.72)", "wgs84"])
    sheet.append([None, "LINESTRING (117.001 36.72, 117.002 36.72)", None])
    for cells in ("C2:C3", "A4:A5", "C4:C5"):
        sheet.merge_cells(cells)
    path = tmp_path / "sites.xlsx"
    book.save(path)
    entries = {entry.name: entry for entry in load_file(path)}
    assert sorted(entries) == ["北园大街", "天桥医院", "汇才学校"]
    assert entries["天桥医院"].source_datum == entries["汇才学校"].source_datum != entries["北园大街"].source_datum
    assert entries["北园大街"].geometry.length > 0.0019


def test_a_title_merged_over_the_header_of_an_excel_workbook_is_no_header(tmp_path):
    # 天桥区项目点位表 typed above the table and merged across it, as most tables in offices have:
    # it was taken for the header ("needs a 'name' column (found: 天桥区项目点位表, , ,)").
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["天桥区项目点位表"])
    sheet.append([])
    sheet.append(["名称", "经度", "纬度", "坐标系"])
    sheet.append(["汇才学校", 117.001, 36.7, "wgs84"])
    sheet.merge_cells("A1:D1")
    path = tmp_path / "sites.xlsx"
    book.save(path)
    assert _point(path).equals(shapely.Point(SITE))


def test_the_datum_column_of_geos_own_shapefile_export_is_read(tmp_path):
    # geo export --format shp writes source_datum as src_datum (dBASE's 10 bytes); read back as a
    # gazetteer, its rows were taken as WGS-84 "without a datum", claiming 1600 m.
    import geopandas as gpd

    from geo.export import SHAPEFILE_FIELD_NAMES

    path = tmp_path / "school.shp"
    gpd.GeoDataFrame({"name": ["汇才学校"], SHAPEFILE_FIELD_NAMES["source_datum"]: ["gcj02"]},
                     geometry=[shapely.Point(SITE)], crs=4326).to_file(path, encoding="UTF-8")
    warnings = []
    (entry,) = load_file(path, warnings=warnings)
    assert entry.source_datum == "gcj02" and warnings == []


@pytest.mark.parametrize("name, header", [
    ("sites.csv", "序号,项目名称,经度,纬度,备注"),  # an Excel list of projects
    ("sites.csv", "点位名称,经度,纬度"),
    ("sites.csv", "地名,经度,纬度"),
    ("sites.csv", "學校名稱,經度,緯度"),
])
def test_a_name_column_named_for_what_it_names_is_the_name(tmp_path, name, header):
    # 项目名称, 点位名称, 学校名称: a table's one column ending in 名称 names its entries.
    path = tmp_path / name
    cells = {"序号": "1", "备注": "", "经度": "117.001", "纬度": "36.7", "經度": "117.001", "緯度": "36.7"}
    row = ",".join(cells.get(column, "汇才学校") for column in header.split(","))
    path.write_text(f"{header}\n{row}\n", encoding="gbk" if "學" not in header else "utf-8")
    assert _point(path).equals(shapely.Point(SITE))


def test_two_columns_ending_in_a_name_word_are_refused_naming_both(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_text("项目名称,街道名称,经度,纬度\n汇才学校,北园街道,117.001,36.7\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"sites.csv: columns '项目名称' and '街道名称' may each name the entry; "
                                         r"rename the one to match to 名称"):
        load_file(path)


def test_a_vector_gazetteer_with_one_column_ending_in_a_name_word_is_read(tmp_path):
    import geopandas as gpd

    path = tmp_path / "sites.gpkg"
    gpd.GeoDataFrame({"项目名称": ["汇才学校"]}, geometry=[shapely.Point(SITE)], crs=4326).to_file(path)
    assert _point(path).equals(shapely.Point(SITE))


@pytest.mark.parametrize("header", ["名　称,经　度,纬　度", "名 称,经 度,纬 度", "名称（必填）,经度,纬度",
                                    "项目名称(必填),经度,纬度"])
def test_headers_spaced_out_or_annotated_as_chinese_forms_write_them_are_read(tmp_path, header):
    # Chinese forms space two-character headers to the width of four (名　称) and mark required columns.
    path = tmp_path / "sites.csv"
    path.write_text(f"{header}\n汇才学校,117.001,36.7\n", encoding="gbk")
    assert _point(path).equals(shapely.Point(SITE))


@pytest.mark.parametrize("lon", ["200:00:00", "200°", "东经200度30分", "180°30'"])
def test_degrees_minutes_seconds_beyond_180_are_refused_not_wrapped_round(tmp_path, lon):
    import re

    # geopy wraps a longitude round the globe: 200:00:00 (a cell Excel holds as 200 hours too) was
    # read as -160, a place in the Pacific, where 200 written alone is refused.
    path = tmp_path / "places.csv"
    path.write_text(f"name,lon,lat\n汇才学校,{lon},36.7\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"places\.csv: line 2: bad coordinates \(lon {re.escape(repr(lon))} is beyond "
                                         r"180 degrees\)$"):
        load_file(path)


def test_a_first_data_row_holding_a_y_flag_is_no_second_header_row(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_bytes("名称,经度,纬度,是否新建\r\n汇才学校,117.001,36.7,Y\r\n".encode("utf-8"))
    assert _point(path).equals_exact(shapely.Point(SITE), 1e-9)


@pytest.mark.parametrize("header, to_datum, datum", [
    ("bd09ll", "bd09", "bd09"), ("gcj02", "gcj02", "gcj02"), ("CGCS2000", None, "wgs84"),
    ("2000国家大地坐标系", None, "wgs84"), ("百度拾取坐标", "bd09", "bd09"), ("高德(GCJ-02)", "gcj02", "gcj02"),
])
def test_a_pair_cell_under_a_header_naming_a_datum_alone_is_read_in_it(tmp_path, header, to_datum, datum):
    # A column headed bd09ll or CGCS2000 holding "lon,lat" from a picker: "the header has no lon or lat column".
    from datum_oracle import metres, wgs84_to_bd09, wgs84_to_gcj02

    lon, lat = {"bd09": wgs84_to_bd09, "gcj02": wgs84_to_gcj02, None: lambda *p: p}[to_datum](*SITE)
    path = tmp_path / "sites.csv"
    path.write_bytes(f'名称,{header}\r\n汇才学校,"{lon:.6f},{lat:.6f}"\r\n'.encode("utf-8-sig"))
    warnings = []
    (entry,) = load_file(path, warnings=warnings)
    assert (entry.source_datum, entry.accuracy_m, warnings) == (datum, 50.0, [])
    assert metres((entry.geometry.x, entry.geometry.y), SITE) < 0.5


def test_a_coordinate_column_is_not_offered_as_a_misspelled_datum_column(tmp_path):
    # "is '坐标' meant as the datum column?": 坐标 holds the coordinates, 坐标系 would be the datum.
    path = tmp_path / "sites.csv"
    path.write_bytes('名称,坐标\r\n汇才学校,"117.0010,36.7000"\r\n'.encode("utf-8"))
    warnings = []
    load_file(path, warnings=warnings)
    assert warnings == [f"{path}: datum not given for 1 of 1 entries, assumed WGS-84, claiming 1600 m accuracy (add a "
                        "datum column: wgs84, gcj02 for Amap or Tencent, bd09 for Baidu)"]


@pytest.mark.parametrize("cell", ["(117.001,36.7)", "（117.001，36.7）", "117.001；36.7", "117.001/36.7", "117.001、36.7",
                                  "[117.001, 36.7]", "117º0'3.6\"E, 36º42'N"])
def test_a_pair_cell_in_brackets_or_full_width_separators_gives_the_point(tmp_path, cell):
    # Copied from a page or typed with a Chinese input method: "lon '(117.001' is not one number" or
    # "missing lon or lat value" stopped the run.
    path = tmp_path / "sites.csv"
    path.write_bytes(("名称\t坐标\r\n汇才学校\t" + cell + "\r\n").encode("utf-8"))
    assert _point(path).distance(shapely.Point(SITE)) < 1e-5


def test_a_pair_cell_holding_one_number_is_named_as_no_pair(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_bytes("名称,坐标\r\n汇才学校,117.001\r\n".encode("utf-8"))
    with pytest.raises(InputError, match="line 2: its '坐标' cell '117.001' holds no lon,lat pair"):
        load_file(path)


def test_coordinates_kept_in_a_remarks_column_are_named_in_the_refusal(tmp_path):
    # 备注: "百度坐标：104.023817,30.59855": refused as having no lon or lat column, with no word of where they are.
    path = tmp_path / "sites.csv"
    path.write_bytes("序号,项目名称,地址,备注\r\n1,簇桥小学,武侯区,\"百度坐标：104.023817,30.59855\"\r\n".encode("gbk"))
    with pytest.raises(InputError, match="the header has no lon or lat column .*; column '备注' seems to hold them "
                                         "\\('百度坐标：104.023817,30.59855'\\): put them in a column of their own "
                                         "headed 坐标, or 百度坐标, 高德坐标 for their datum$"):
        load_file(path)


def test_an_overpass_csv_answer_is_a_gazetteer_by_its_at_lat_and_at_lon_columns(tmp_path):
    # [out:csv(::id,name,::lat,::lon)] writes a tab-separated header '@id	name	@lat	@lon'
    path = tmp_path / "overpass.csv"
    path.write_text("@id\tname\t@lat\t@lon\n4431\t青山小学\t36.6812\t117.0023\n", encoding="utf-8")
    entries = load_file(path)
    assert [e.name for e in entries] == ["青山小学"]
    assert entries[0].geometry.equals_exact(shapely.Point(117.0023, 36.6812), 1e-9)


def test_a_row_whose_wkt_stands_in_a_misspelled_column_names_that_column(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_text("名称,lon,lat,WTK\n八一路小学,113.0,28.2,\n八一路,,,\"LINESTRING (113.0 28.2, 113.01 28.21)\"\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as refused:
        load_file(path)
    message = str(refused.value)
    assert "line 3: missing lon or lat value" in message and "'wtk' holds WKT: head that column wkt" in message


def test_a_datum_column_misspelled_as_zuobiao_with_the_wrong_zuo_is_read(tmp_path):
    # 座标系 for 坐标系, a common typo: its 高德 rows were read as WGS-84 without a word
    path = tmp_path / "sites.csv"
    path.write_text("名称,经度,纬度,座标系\n八一路小学,113.0,28.2,高德\n", encoding="utf-8")
    entry = load_file(path)[0]
    assert entry.source_datum == "gcj02"
    assert entry.geometry.distance(shapely.Point(113.0, 28.2)) > 0.003  # shifted back from GCJ-02 (~500 m)


def _rounding_bound_m(lon, lat, lon_step, lat_step):
    """How far a point written to these steps may lie from where it is put: to the corner of its rounding box."""
    from pyproj import Geod

    return Geod(ellps="WGS84").inv(lon, lat, lon + lon_step / 2, lat + lat_step / 2)[2]


@pytest.mark.parametrize("lon, lat, stated, lon_step, lat_step, words", [
    ("108.96", "34.22", "5", 0.01, 0.01, "0.01°"),  # 大雁塔北广场 from a page giving two decimals: ~1 km
    ("108.964", "34.22", "", 0.001, 0.01, "0.01°"),  # one axis coarser: that axis counts
    ("东经108°53′", "北纬34°13′", "10", 1 / 60, 1 / 60, "1′"),  # whole minutes, as a yearbook writes them
    ("108度53.5分", "34度13分", "", 0.1 / 60, 1 / 60, "1′"),
])
def test_lon_lat_written_coarser_than_the_accuracy_claimed_claim_their_rounding(tmp_path, lon, lat, stated, lon_step,
                                                                               lat_step, words):
    # 34.22 claimed 5 m (or the default 50 m) though it may lie 700 m from the site: the rounding of its
    # last digit is the least it can be off, whatever its row says.
    from geo.coordinates import degrees

    path = tmp_path / "点位.csv"
    path.write_text(f"名称,经度,纬度,精度,坐标系\n大雁塔北广场,{lon},{lat},{stated},wgs84\n", encoding="utf-8")
    warnings = []
    (entry,) = load_file(path, warnings=warnings)
    bound = _rounding_bound_m(degrees(lon, "lon", ","), degrees(lat, "lat", ","), lon_step, lat_step)  # to a corner
    assert bound > 500 and entry.accuracy_m == pytest.approx(bound, abs=2)
    assert entry.method == f"coordinates from file; lon/lat written to {words}, so within {entry.accuracy_m:.0f} m"
    assert warnings == [f"{path}: 1 of 1 entries give lon/lat rounded coarser than the accuracy they claim (entry 1 "
                        f"(大雁塔北广场): lon/lat written to {words}): they claim the rounding instead"]


@pytest.mark.parametrize("lon, lat, expected", [
    ("108.941805", "34.223111", 50), ("108°56′30.5″", "34°13′23.2″", 50), ("108 56 30", "34 13 23", 50),
    ("108.9418", "34.2231", 5),  # four decimals: within 6 m, so a claim of 5 m is about the rounding
])
def test_lon_lat_written_finely_enough_keep_the_accuracy_claimed(tmp_path, lon, lat, expected):
    path = tmp_path / "点位.csv"
    path.write_text(f"名称,经度,纬度,精度,坐标系\n雁塔区第二中学,{lon},{lat},{'5' if expected == 5 else ''},wgs84\n",
                    encoding="utf-8")
    warnings = []
    (entry,) = load_file(path, warnings=warnings)
    if expected == 5:  # 0.0001° is up to 6.1 m at 34°N: a 5 m claim grows to that, no further
        assert entry.accuracy_m == pytest.approx(_rounding_bound_m(108.9418, 34.2231, 1e-4, 1e-4), abs=1)
    else:
        assert (entry.accuracy_m, entry.method, warnings) == (50, "coordinates from file", [])


def test_an_excel_cell_of_two_decimals_claims_its_rounding_too(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["名称", "经度", "纬度", "坐标系"])
    book.active.append(["大雁塔北广场", 108.96, 34.22, "WGS84"])
    book.active.append(["雁塔区第二中学", 108.941805, 34.223111, "WGS84"])
    book.save(tmp_path / "点位.xlsx")
    square, school = load_file(tmp_path / "点位.xlsx", warnings=[])
    assert square.accuracy_m == pytest.approx(_rounding_bound_m(108.96, 34.22, 0.01, 0.01), abs=1)
    assert school.accuracy_m == 50


@pytest.mark.parametrize("cell", ["43.793015,87.627112", "43.793015，87.627112", "43.793015 87.627112",
                                  "87.627112,43.793015"])
def test_a_lat_lng_pair_west_of_90_degrees_east_is_read_in_china(tmp_path, cell):
    # Tencent's picker gives 乌鲁木齐's 人民广场 as 43.79,87.63: both under 90, it was read as lon 43.79 and
    # lat 87.63, in the Arctic, and the entry was left out as "outside China".
    path = tmp_path / "点位.csv"
    path.write_text(f'名称,坐标,坐标系\n人民广场,"{cell}",wgs84\n', encoding="utf-8")
    warnings = []
    (entry,) = load_file(path, warnings=warnings)
    assert (entry.geometry.x, entry.geometry.y) == (87.627112, 43.793015) and outside_china([entry]) == []


# 雁塔区第二中学 in Web Mercator metres (EPSG:3857), and in Baidu's Mercator (BD-09MC) as Baidu's picker gives it.
WEB_MERCATOR, BAIDU_MERCATOR = (12127145, 4058100), (12127000, 4035000)


@pytest.mark.parametrize("cells", ["X,Y\n雁塔区第二中学,{0},{1}", '坐标\n雁塔区第二中学,"{0},{1}"', "经度,纬度\n雁塔区第二中学,{0},{1}"])
@pytest.mark.parametrize("metres", [WEB_MERCATOR, BAIDU_MERCATOR])
def test_mercator_metres_without_their_system_are_refused_as_such(tmp_path, cells, metres):
    # They were refused as "projected coordinates? name their system in a 坐标系 column: CGCS2000 3度带 117°": no
    # Gauss-Kruger zone reads them, and the line never said what they are.
    path = tmp_path / "点位.csv"
    path.write_text("名称," + cells.format(*metres) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"entry 1 \(雁塔区第二中学\) has coordinates outside lon/lat range: {metres[0]}, "
                                         rf"{metres[1]} look like Mercator metres of a web map \(EPSG:3857: name it in "
                                         r"the 坐标系 column\) or Baidu's Mercator metres \(BD-09MC, which geo does not "
                                         r"read: convert them to bd09ll lon/lat first\)$"):
        load_file(path)


@pytest.mark.parametrize("label", ["Web墨卡托", "web mercator", "球面墨卡托", "WGS 84 / Pseudo-Mercator", "EPSG:900913",
                                   "EPSG:3857"])
def test_web_mercator_named_in_words_gives_the_point(tmp_path, label):
    from pyproj import Transformer

    path = tmp_path / "点位.csv"
    path.write_text(f"名称,X,Y,坐标系\n雁塔区第二中学,{WEB_MERCATOR[0]},{WEB_MERCATOR[1]},{label}\n", encoding="utf-8")
    (entry,) = load_file(path)
    expected = Transformer.from_crs(3857, 4326, always_xy=True).transform(*WEB_MERCATOR)
    assert entry.geometry.distance(shapely.Point(expected)) < 1e-9 and entry.source_datum == "wgs84"


@pytest.mark.parametrize("label", ["百度墨卡托", "百度墨卡托坐标", "百度米制坐标", "Baidu Mercator", "bd09mc"])
def test_baidu_mercator_named_in_words_is_refused_as_what_it_is(tmp_path, label):
    # 百度墨卡托 was an "unknown datum": the planner was not told that geo cannot read Baidu's metres.
    path = tmp_path / "点位.csv"
    path.write_text(f"名称,X,Y,坐标系\n雁塔区第二中学,{BAIDU_MERCATOR[0]},{BAIDU_MERCATOR[1]},{label}\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"entry 1 \(雁塔区第二中学\): datum '{label}' is Baidu Mercator metres"):
        load_file(path)


@pytest.mark.parametrize("epsg, offset, label, said", [
    (4545, 36_000_000, "CGCS2000", "central meridian 108°E (EPSG:4545)"),  # 3-degree zone 36, its number before Y
    (4545, 0, "CGCS2000 3度带 108°", "central meridian 108°E (EPSG:4545)"),
    (4545, 0, "2000国家大地坐标系 3度带 36带", "central meridian 108°E (EPSG:4545)"),
    (4497, 0, "CGCS2000 6度带", "central meridian 111°E (EPSG:4546)"),  # 6-degree zone 19: its number before Y
    (4497, -19_000_000, "CGCS2000 6度带 19带", "central meridian 111°E (EPSG:4546)"),
])
def test_gauss_kruger_metres_of_xian_give_the_point_and_their_zone_in_the_method(tmp_path, epsg, offset, label, said):
    # 雁塔区 lies in 3-degree zone 36 (108°E) and 6-degree zone 19 (111°E); the entry said "coordinates from
    # file" and source_datum wgs84, nothing of the zone its metres were read in.
    from pyproj import Transformer

    site = (108.9418, 34.2231)
    easting, northing = Transformer.from_crs(4490, epsg, always_xy=True).transform(*site)
    path = tmp_path / "测量成果.csv"
    path.write_text(f"点名,X坐标,Y坐标,坐标系\n雁塔区第二中学,{northing:.3f},{easting + offset:.3f},{label}\n",
                    encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.distance(shapely.Point(site)) < 1e-7
    assert entry.method == f"coordinates from file; Gauss-Kruger X/Y of CGCS2000, {said} converted to lon/lat"


@pytest.mark.parametrize("header, row, said", [
    ("名称,百度坐标", '雁塔区第二中学,"{0},{1}"', "Baidu's Mercator metres \\(BD-09MC\\), which geo does not read: "
                                                "convert them to bd09ll lon/lat first"),
    ("名称,X,Y,坐标系", "雁塔区第二中学,{0},{1},bd09", "Baidu's Mercator metres \\(BD-09MC\\)"),
    ("名称,X,Y,坐标系", "雁塔区第二中学,{0},{1},gcj02", "Mercator metres on GCJ-02, which geo does not read: convert "
                                                    "them to gcj02 lon/lat first"),
])
def test_mercator_metres_under_a_web_maps_datum_are_named_as_its_own(tmp_path, header, row, said):
    # Baidu's picker's metres under 百度坐标 are no web map's EPSG:3857: the line offered that reading too.
    path = tmp_path / "点位.csv"
    path.write_text(header + "\n" + row.format(*BAIDU_MERCATOR) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"outside lon/lat range: {BAIDU_MERCATOR[0]}, {BAIDU_MERCATOR[1]} look like "
                                         rf"{said}"):
        load_file(path)


@pytest.mark.parametrize("cell", ["34°13′23.2″,108°56′30.5″", "34度13分23.2秒，108度56分30.5秒", "34 13 23.2, 108 56 30.5"])
def test_a_lat_lng_pair_in_degrees_minutes_and_seconds_is_read_lat_first(tmp_path, cell):
    # A GPS unit's or a yearbook's latitude first, without N and E: "lat '108°56′30.5′′' is beyond 90
    # degrees" refused the file.
    path = tmp_path / "点位.csv"
    path.write_text(f'名称,经纬度,坐标系\n雁塔区第二中学,"{cell}",wgs84\n', encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.x == pytest.approx(108 + 56 / 60 + 30.5 / 3600, abs=1e-9)
    assert entry.geometry.y == pytest.approx(34 + 13 / 60 + 23.2 / 3600, abs=1e-9)


@pytest.mark.parametrize("lon, lat", [
    ("108°56’30.5”", "34°13’23.2”"),  # typed in Word or WPS: its smart quotes for ' and "
    ("108°56‘30.5“", "34°13‘23.2“"),
    ("108º56´30.5´´", "34º13´23.2´´"),
    ("108°56′30.5″东", "34°13′23.2″北"),  # the hemisphere as one character after the number
    ("东108°56′30.5″", "北34°13′23.2″"),
])
def test_degrees_minutes_and_seconds_as_word_processors_and_tables_write_them(tmp_path, lon, lat):
    # '108°56’30.5”' (Word's quotes pasted into Excel) was "not one number, nor degrees, minutes and seconds".
    path = tmp_path / "点位.csv"
    path.write_text(f"名称\t经度\t纬度\t坐标系\n雁塔区第二中学\t{lon}\t{lat}\twgs84\n", encoding="utf-16")
    (entry,) = load_file(path)
    assert entry.geometry.x == pytest.approx(108 + 56 / 60 + 30.5 / 3600, abs=1e-9)
    assert entry.geometry.y == pytest.approx(34 + 13 / 60 + 23.2 / 3600, abs=1e-9) and entry.accuracy_m == 50


@pytest.mark.parametrize("lon, lat, accuracy", [
    ("108°56′30.5", "34°13′23.2", 50),  # the last mark left off: what follows minutes is seconds
    ("东经108度56分30.5", "北纬34度13分23.2", 50),
    ("108°56.5083", "34°13.3867", 50),  # degrees and minutes with decimals, the minute mark left off
])
def test_degrees_minutes_and_seconds_whose_last_mark_is_left_off_are_read(tmp_path, lon, lat, accuracy):
    # A hand-typed list leaves off the closing ″ (or ′): the file was refused, "not one number, nor degrees, minutes and seconds".
    path = tmp_path / "点位.csv"
    path.write_text(f"名称,经度,纬度,坐标系\n雁塔区第二中学,{lon},{lat},wgs84\n", encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.x == pytest.approx(108 + 56 / 60 + 30.5 / 3600, abs=2e-6)
    assert entry.geometry.y == pytest.approx(34 + 13 / 60 + 23.2 / 3600, abs=2e-6) and entry.accuracy_m == accuracy

@pytest.mark.parametrize("lon, lat", [("108.94181\u200b", "\u200b34.22311"), ("\u200e108.94181", "34.22311\ufeff"),
                                      ("108°56′30.5″\u200b", "34°13′23.2″\u2060")])
def test_coordinates_copied_with_invisible_characters_are_read(tmp_path, lon, lat):
    # Copied from a web page or a WeChat article, a cell keeps a zero-width space or a direction mark:
    # '108.94181\u200b' was "not one number, nor degrees, minutes and seconds", the file refused.
    path = tmp_path / "点位.csv"
    path.write_text(f"名称,经度,纬度,坐标系\n雁塔区第二中学,{lon},{lat},wgs84\n", encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.x == pytest.approx(108.94181, abs=1e-5) and entry.geometry.y == pytest.approx(34.22311, abs=1e-5)
    assert entry.accuracy_m == 50


def test_a_wkt_point_written_to_two_decimals_claims_its_rounding_too(tmp_path):
    path = tmp_path / "点位.csv"
    path.write_text('名称,wkt,精度,坐标系\n大雁塔北广场,POINT (108.96 34.22),5,wgs84\n'
                    '雁塔区第二中学,"SRID=4490;POINT(108.941805 34.223111)",5,cgcs2000\n', encoding="utf-8")
    square, school = load_file(path, warnings=[])
    assert square.accuracy_m == pytest.approx(_rounding_bound_m(108.96, 34.22, 0.01, 0.01), abs=1)
    assert "lon/lat written to 0.01°" in square.method and school.accuracy_m == 5


def test_hex_ewkb_states_its_datum_and_claims_no_rounding_and_damaged_hex_is_refused_by_line(tmp_path):
    line = shapely.set_srid(shapely.LineString([(117.0, 36.7), (117.01, 36.71)]), 4490)
    path = tmp_path / "postgis.csv"
    path.write_text(f"name,geom\n白石路,{shapely.to_wkb(line, hex=True, include_srid=True)}\n"
                    f"汇才学校,{_hex_wkb((117.0, 36.7), 4326)}\n", encoding="utf-8")
    warnings = []
    road, school = load_file(path, warnings=warnings)
    assert road.geometry.equals(shapely.force_2d(line)) and "assumed" not in road.method
    assert school.accuracy_m == 50 and "written to" not in school.method and "assumed" not in school.method
    path.write_text(f"name,geom\n汇才学校,{_hex_wkb((117.0, 36.7), 4326)[:30]}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"postgis\.csv.*line 2: bad coordinates \(damaged hex WKB"):
        load_file(path)


def test_a_road_whose_wkt_is_longer_than_the_csv_modules_field_limit_is_read(tmp_path):
    # QGIS's "Save as CSV, GEOMETRY=AS_WKT" writes a surveyed road of 8,000 vertices as one cell of
    # 190,000 characters: the csv module's field limit (131,072) refused the whole file ("line 2:
    # field larger than field limit"). Another cell that long is still refused (long_cell.csv above).
    vertices = [(117.0 + i * 1e-6, 36.7 + i * 1e-7) for i in range(8000)]
    wkt = "LINESTRING (" + ", ".join(f"{x:.7f} {y:.7f}" for x, y in vertices) + ")"
    assert len(wkt) > 131_072
    path = tmp_path / "roads.csv"
    path.write_text(f'name,wkt\n北园大街,"{wkt}"\n汇才学校,POINT (117.001 36.7)\n', encoding="utf-8")
    road, school = load_file(path)
    assert road.name == "北园大街" and len(road.geometry.coords) == 8000
    assert school.geometry.equals_exact(shapely.Point(117.001, 36.7), 1e-9)


@pytest.mark.parametrize("campus_header", ["校区", "院区", "校区名称"])
def test_a_campus_column_names_each_campus_apart(tmp_path, campus_header):
    # A 教育局 list gives the campus in a column of its own: its two rows of 长郡梅溪湖中学 were one name, the
    # first row (the new campus) placing the report's 长郡梅溪湖中学 3.4 km from its old site, claiming 50 m;
    # 校区名称 beside 学校名称 was refused as a second name column.
    path = tmp_path / "学校.csv"
    path.write_text(f"学校名称,{campus_header},经度,纬度,坐标系\n长郡梅溪湖中学,新校区,112.850000,28.180000,CGCS2000\n"
                    f"长郡梅溪湖中学,本部,112.880000,28.195000,CGCS2000\n"
                    f"麓山国际实验学校,,112.935000,28.207000,CGCS2000\n", encoding="utf-8")
    warnings = []
    entries = load_file(path, warnings=warnings)
    assert [e.name for e in entries] == ["长郡梅溪湖中学（新校区）", "长郡梅溪湖中学（本部）", "麓山国际实验学校"]
    assert not any("appears 2 times" in w for w in warnings)
    from geo.gazetteer import Gazetteer

    gazetteer = Gazetteer().add_tier("user gazetteer 学校.csv", entries)
    assert gazetteer.lookup("长郡梅溪湖中学新校区").entry.geometry.coords[0] == (112.85, 28.18)
    assert gazetteer.lookup("长郡梅溪湖中学", category="school").entry.geometry.coords[0] == (112.88, 28.195)


@pytest.mark.parametrize("title", ["XX区学校名录（坐标系：GCJ-02）", "单位：度；坐标系：GCJ-02", "学校点位表（高德坐标）"])
def test_a_datum_named_in_a_title_row_above_the_header_is_applied(tmp_path, title):
    # The Amap coordinates were read as WGS-84 (about 500 m off), claiming the 1,600 m of a datum not stated.
    from datum_oracle import metres, wgs84_to_gcj02

    lon, lat = wgs84_to_gcj02(*SITE)
    path = tmp_path / "名录.csv"
    path.write_text(f"{title}\n名称,经度,纬度\n汇才学校,{lon:.6f},{lat:.6f}\n", encoding="utf-8")
    warnings = []
    (entry,) = load_file(path, warnings=warnings)
    assert (entry.source_datum, entry.accuracy_m) == ("gcj02", 50.0)
    assert metres((entry.geometry.x, entry.geometry.y), SITE) < 0.5
    assert len(warnings) == 1 and f"no column gives the datum of 1 of 1 entries; the title {title!r} names " in warnings[0]


def test_a_gauss_kruger_zone_named_in_a_title_row_reads_the_survey_metres(tmp_path):
    # Refused as 'coordinates outside lon/lat range ... name their system in a 坐标系 column'.
    path = _written(tmp_path, "天桥区点位表（坐标系：CGCS2000 3度带 117°）\n名称,X,Y\n汇才学校,4064500.0,500100.0\n")
    (entry,) = load_file(path, warnings=[])
    assert "central meridian 117°E (EPSG:4548)" in entry.method
    assert abs(entry.geometry.x - 117.0011) < 1e-4 and abs(entry.geometry.y - 36.7115) < 1e-4


def test_a_datum_column_and_the_callers_datum_outrank_the_titles(tmp_path):
    path = tmp_path / "名录.csv"
    path.write_text("学校名录（坐标系：百度BD-09）\n名称,经度,纬度,坐标系\n汇才学校,117.001,36.7,WGS84\n"
                    "汇才学校分校,117.011,36.7,\n", encoding="utf-8")
    school, branch = load_file(path, warnings=[])
    assert (school.source_datum, branch.source_datum) == ("wgs84", "bd09")
    (entry,) = load_file(_written(tmp_path, "表（84）\n名称,经度,纬度\n汇才学校,117.001,36.7\n"), datum="gcj02", warnings=[])
    assert entry.source_datum == "gcj02"  # nor is a number in brackets a datum


def _written(tmp_path, text, name="表.csv"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / name


@pytest.mark.parametrize("title, problem", [
    ("学校名录（坐标系：西安80）", "its title '学校名录（坐标系：西安80）' names a datum geo cannot use: datum '西安80' is Xian 1980"),
    ("坐标系：北京54", "datum '北京54' is Beijing 1954"),
    ("点位（百度坐标，坐标系：GCJ-02）", "its title names two datums ('GCJ-02' and '百度坐标')"),
])
def test_a_title_naming_a_datum_geo_refuses_is_refused(tmp_path, title, problem):
    with pytest.raises(InputError, match=re.escape(problem)):
        load_file(_written(tmp_path, f"{title}\n名称,经度,纬度\n汇才学校,117.001,36.7\n"))


@pytest.mark.parametrize("text, warned", [
    ("name,lon,lat,datum\n天桥实验小学,117.0101,36.6901,wgs84\n幸福院,117.02,36.", True),  # cut in a row
    ("name,lon,lat,datum\n天桥实验小学,117.0101,36.6901,wgs84\n幸福院,117.02,36.70,wgs84", False),  # no last line break
    ("name,lon,lat,datum\n天桥实验小学,117.0101,36.6901\n", False),  # a short row, ended
])
def test_a_table_cut_short_in_its_last_row_is_warned_of(tmp_path, text, warned):
    # "幸福院,117.02,36." (36.70 cut) was read as latitude 36, 78 km off, with a warning of coarse rounding only.
    from geo.tables import read_table

    path = tmp_path / "cut.csv"
    path.write_text(text, encoding="utf-8")
    warnings = []
    read_table(path, warnings)
    cut = [w for w in warnings if "cut short" in w]
    assert cut == ([f"{path}: line 3, the last, has 3 of the header's 4 columns and no line break: is the file cut "
                    "short (a copy or download stopped half-way)?"] if warned else [])


def test_a_table_row_is_checked_for_a_repeated_header_by_its_first_cell_alone(tmp_path, monkeypatch):
    import geo.tables
    from work_counts import Calls

    rows = "".join(f"青山{i}号点,117.0{i},36.7{i},school,wgs84\n" for i in range(10, 60))
    path = tmp_path / "点位.csv"
    path.write_text("名称,经度,纬度,类别,坐标系\n" + rows + "名称,经度,纬度,类别,坐标系\n白石小学,117.1,36.6,school,wgs84\n",
                    encoding="utf-8")
    keys = Calls(geo.tables.header_key)
    monkeypatch.setattr(geo.tables, "header_key", keys)
    entries = load_file(path, warnings=[])
    assert [e.name for e in entries][-2:] == ["青山59号点", "白石小学"]  # the header again is no entry
    # the header's cells (as matched and as written), one cell a row, the repeated header's (not 5 a row)
    assert keys.count <= 5 + 5 + 52 + 4


def test_a_totals_row_is_still_left_out_beside_rows_without_a_total(tmp_path):
    path = tmp_path / "点位.csv"
    path.write_text("名称,经度,纬度\n白石小学,117.1,36.6\n合　计：,,\n", encoding="utf-8")
    warnings = []
    assert [e.name for e in load_file(path, warnings=warnings)] == ["白石小学"]
    assert any("totals row" in w for w in warnings)


def test_a_header_in_traditional_script_names_its_datum_and_aliases(tmp_path):
    # A Taiwan or Hong Kong colleague's Baidu pick list: its 坐標系 and 別名 columns were not read, the
    # rows taken as WGS-84 (1.2 km from the school, claiming 1,600 m) and the alias lost.
    path = tmp_path / "百度拾取.csv"
    path.write_text("名稱,經度,緯度,坐標系,別名\n白石中学,112.950401,28.183794,百度坐標,白石中學\n"
                    "名稱,經度,緯度,坐標系,別名\n", encoding="utf-8")  # and the header again, joined from two files
    warnings = []
    (entry,) = load_file(path, warnings=warnings)
    assert (entry.source_datum, entry.accuracy_m, entry.aliases) == ("bd09", 50.0, ("白石中學",))
    assert entry.geometry.distance(shapely.Point(112.9385, 28.1812)) < 1e-6  # BD-09 converted: within 0.1 m
    assert warnings == []
    path.write_text("名称,lon,lat,坐标系,坐標系\n白石中学,112.95,28.18,wgs84,bd09\n", encoding="utf-8")
    with pytest.raises(InputError, match="columns '坐标系' and '坐標系' are one column in two scripts; keep one"):
        load_file(path)


@pytest.mark.parametrize("lon, lat", [
    ("108d56m30.5s", "34d13m23.2s"),  # degrees, minutes and seconds apart by letters
    ("108d56'30.5\"E", "34d13'23.2\"N"),  # PROJ's cs2cs prints them so
    ("108D56M30.5SE", "34D13M23.2SN"),
    ("108deg56min30.5sec", "34deg13min23.2sec"),
    ("108-56-30.5", "34-13-23.2"),  # apart by dashes, all three parts
    ("E108-56-30.5", "N34-13-23.2"),
])
def test_degrees_minutes_and_seconds_apart_by_letters_or_dashes_are_read(tmp_path, lon, lat):
    # '108d56m30.5s' and '108-56-30.5' were "not one number, nor degrees, minutes and seconds": the file refused.
    path = tmp_path / "点位.csv"
    path.write_text(f'名称,经度,纬度,坐标系\n雁塔区第二中学,"{lon.replace(chr(34), chr(34) * 2)}",'
                    f'"{lat.replace(chr(34), chr(34) * 2)}",wgs84\n', encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.geometry.x == pytest.approx(108 + 56 / 60 + 30.5 / 3600, abs=1e-9)
    assert entry.geometry.y == pytest.approx(34 + 13 / 60 + 23.2 / 3600, abs=1e-9) and entry.accuracy_m == 50


@pytest.mark.parametrize("cell", ["34d13m23.2sN 108d56m30.5sE", "34d13m23.2s,108d56m30.5s", "34-13-23.2,108-56-30.5"])
def test_a_pair_in_degrees_minutes_and_seconds_apart_by_letters_or_dashes_is_read_lat_first(tmp_path, cell):
    # The s of the seconds is no hemisphere (S): a lat,lng pair is still told by its degrees.
    path = tmp_path / "点位.csv"
    path.write_text(f'名称,经纬度,坐标系\n雁塔区第二中学,"{cell}",wgs84\n', encoding="utf-8")
    (entry,) = load_file(path)
    assert (round(entry.geometry.x, 6), round(entry.geometry.y, 6)) == (108.941806, 34.223111)


@pytest.mark.parametrize("lat", ["34d13m23.2S", "34d13'23.2S", "34d13m23.2sS", "34d13m23.2\"S", "34deg13min23.2secS"])
def test_a_capital_s_after_seconds_apart_by_small_letters_is_the_south(tmp_path, lat):
    # '34d13m23.2S' was read as 34°13'23.2" north: the S taken for the seconds' mark (a survey abroad, a typo'd N).
    path = tmp_path / "点位.csv"
    path.write_text(f'名称,经度,纬度\n测点,108d56m30.5s,"{lat.replace(chr(34), chr(34) * 2)}"\n', encoding="utf-8")
    (entry,) = load_file(path, warnings=[])
    assert entry.geometry.y == pytest.approx(-(34 + 13 / 60 + 23.2 / 3600), abs=1e-9)


def test_a_lat_lng_pair_with_a_capital_s_after_small_letters_is_south_and_swapped(tmp_path):
    path = tmp_path / "点位.csv"
    path.write_text('名称,经纬度\n测点,"34d13m23.2S,108d56m30.5E"\n', encoding="utf-8")
    (entry,) = load_file(path, warnings=[])
    assert (round(entry.geometry.x, 6), round(entry.geometry.y, 6)) == (108.941806, -34.223111)


@pytest.mark.parametrize("header, row", [("名称,经度,纬度", "测点,108D56M30.5S,34D13M23.2S"),
                                         ("名称,经纬度", '测点,"34D13M23.2S,108D56M30.5E"')])
def test_a_capital_s_after_capital_d_and_m_is_refused_as_seconds_or_south(tmp_path, header, row):
    # After D and M the S is the seconds' mark as likely as the south: the file is refused in one line.
    path = tmp_path / "点位.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"{path}: line 2: bad coordinates (") + "(lat )?'34D13M23.2S' ends "
                       "in an S that may mark the seconds or the south: write 34°13'23.2\"N or 34°13'23.2\"S"):
        load_file(path)


def test_a_capital_s_after_a_longitude_s_seconds_is_their_mark(tmp_path):
    path = tmp_path / "点位.csv"  # a longitude has no south: 108D56M30.5S is read as before
    path.write_text("名称,经度,纬度\n测点,108D56M30.5S,34D13M23.2SN\n", encoding="utf-8")
    (entry,) = load_file(path, warnings=[])
    assert (round(entry.geometry.x, 6), round(entry.geometry.y, 6)) == (108.941806, 34.223111)


@pytest.mark.parametrize("lon, problem", [("-108-56-30.5", "is not one number"), ("108-56", "is not one number"),
                                          ("108-76-30.5", "minutes and seconds under 60"),
                                          ("108d56m70s", "minutes and seconds under 60")])
def test_dashes_that_may_be_a_minus_sign_or_a_range_and_parts_over_60_are_still_refused(tmp_path, lon, problem):
    path = tmp_path / "点位.csv"
    path.write_text(f"名称,经度,纬度\n雁塔区第二中学,{lon},34.22\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"{path}: line 2: bad coordinates (lon '{lon}' ") + ".*" + problem):
        load_file(path)


@pytest.mark.parametrize("header, row", [("名称,E,N", "汇才学校,117.001,36.7"), ("名称,e,n,H", "汇才学校,117.001,36.7,52"),
                                         ("名称,E(经度),N(纬度)", "汇才学校,117.001,36.7")])
def test_coordinates_headed_e_and_n_alone_are_read_as_lon_and_lat(tmp_path, header, row):
    # A GPS unit's or a survey program's table: "the header has no lon or lat column (found: 名称, e, n…)".
    path = tmp_path / "点位.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    assert _point(path).coords[0] == SITE


def test_e_and_n_in_gauss_kruger_metres_are_read_in_the_zone_named(tmp_path):
    from pyproj import Transformer

    x, y = Transformer.from_crs(4326, 4548, always_xy=True).transform(*SITE)
    path = tmp_path / "点位.csv"
    path.write_text(f"名称,E,N,坐标系\n汇才学校,{x:.3f},{y:.3f},EPSG:4548\n", encoding="utf-8")
    assert _point(path).coords[0] == pytest.approx(SITE, abs=1e-7)


def test_e_and_n_are_no_coordinates_alone_or_beside_lon_and_lat(tmp_path):
    beside = tmp_path / "点位.csv"
    beside.write_text("名称,经度,纬度,E,N\n汇才学校,117.001,36.7,3,4\n", encoding="utf-8")
    assert _point(beside).coords[0] == SITE  # E and N beside them are something else
    alone = tmp_path / "一列.csv"
    alone.write_text("名称,E,纬度\n汇才学校,117.001,36.7\n", encoding="utf-8")
    with pytest.raises(InputError, match="the header has no lon column"):
        load_file(alone)


def test_e_and_n_under_a_merged_coordinates_cell_are_read(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["名称", "坐标", None])
    sheet.append([None, "E", "N"])
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("A1:A2")
    sheet.append(["汇才学校", 117.001, 36.7])
    book.save(tmp_path / "点位.xlsx")
    # Was "column '坐标' appears 2 times in the header; name each column once".
    assert _point(tmp_path / "点位.xlsx").coords[0] == SITE


def test_a_gazetteer_of_geojson_in_javascript_is_read(tmp_path):
    path = tmp_path / "学校.js"
    path.write_text('var schools = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
                    '{"名称": "汇才学校"}, "geometry": {"type": "Point", "coordinates": [117.001, 36.7]}}]};',
                    encoding="utf-8")
    assert _point(path).coords[0] == SITE
