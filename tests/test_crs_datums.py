"""Datum names: the spellings geo.crs recognises, and the datum column of a gazetteer file."""

import pytest
import shapely

from geo import crs


@pytest.mark.parametrize("spelling, datum", [
    ("GCJ02", "gcj02"), ("gcj-02", "gcj02"), ("GCJ_02", "gcj02"), ("GCJ 02", "gcj02"), ("ＧＣＪ－０２", "gcj02"),
    ("gcj02ll", "gcj02"), ("Amap", "gcj02"), ("高德", "gcj02"), ("Tencent", "gcj02"), ("火星坐标系", "gcj02"),
    ("BD09", "bd09"), ("bd09ll", "bd09"), ("BD-09LL", "bd09"), ("Baidu", "bd09"), ("百度", "bd09"),
    ("CGCS2000", "wgs84"), ("EPSG:4490", "wgs84"), ("epsg 4490", "wgs84"), ("国家2000", "wgs84"),
    ("WGS84", "wgs84"), ("WGS-84", "wgs84"), ("wgs 84", "wgs84"), ("WGS 1984", "wgs84"), ("EPSG:4326", "wgs84"),
    (" gps ", "wgs84"), ("GCJ-02坐标", "gcj02"), ("WGS84坐标系", "wgs84"), ("BD09坐标", "bd09"),
    ("火星", "gcj02"), ("高德地图", "gcj02"), ("腾讯地图", "gcj02"), ("百度地图", "bd09"), ("百度经纬度", "bd09"),
    ("天地图", "wgs84"), ("Google Earth", "wgs84"), ("谷歌地球", "wgs84"),
    # as planners write them in Excel: 84坐标系 and 2000坐标系 for short, "lon/lat" and "geodetic" after the name
    ("84坐标系", "wgs84"), ("84坐标", "wgs84"), ("WGS84经纬度", "wgs84"), ("2000坐标系", "wgs84"),
    ("2000国家坐标系", "wgs84"), ("CGCS2000大地坐标系", "wgs84"), ("CGCS2000经纬度", "wgs84"), ("BD09经纬度", "bd09"),
    ("高德经纬度", "gcj02"),
    # Traditional script, as tables with 名稱 and 東經 write them (read elsewhere; the datum was unknown)
    ("84坐標系", "wgs84"), ("2000國家坐標系", "wgs84"), ("百度經緯度", "bd09"), ("西安80坐標系", None),
    # ArcGIS's names, as a table exported from it gives them, and an app with its datum run together (unknown, they
    # stopped the run)
    ("GCS_WGS_1984", "wgs84"), ("D_WGS_1984", "wgs84"), ("GCS_China_Geodetic_Coordinate_System_2000", "wgs84"),
    ("D_China_2000", "wgs84"), ("GCS_CGCS2000", "wgs84"), ("GCS_Xian_1980", None), ("百度BD09", "bd09"),
    ("百度BD09LL", "bd09"), ("高德GCJ02", "gcj02"), ("高德GCJ-02坐标", "gcj02"),
])
def test_datum_spellings_are_recognised(spelling, datum):
    if datum is None:  # a datum refused for what it is, not as unknown
        with pytest.raises(ValueError, match="Xian 1980"):
            crs.normalise_datum(spelling)
        return
    assert crs.normalise_datum(spelling) == datum


@pytest.mark.parametrize("spelling, message", [
    ("ED50", "unknown datum 'ED50'"),
    ("Xian80", "datum 'Xian80' is Xian 1980 \\(西安80\\): its shift to CGCS2000"),
    ("西安80坐标系", "Xian 1980"), ("北京54", "Beijing 1954"), ("EPSG:4214", "Beijing 1954"),
    ("bd09mc", "Baidu Mercator metres"),
    ("80坐标系", "Xian 1980"), ("54坐标", "Beijing 1954"), ("GCS_Beijing_1954", "Beijing 1954"),
    ("GCS_New_Beijing", "New Beijing"),
    ("谷歌坐标", "Google Maps shows GCJ-02 in mainland China and Google Earth WGS-84"), ("Google", "Google Maps"),
])
def test_unknown_or_metric_datums_are_refused_in_one_line(spelling, message):
    with pytest.raises(ValueError, match=message) as info:
        crs.normalise_datum(spelling)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("spelling, datum", [
    # a picker's 拾取, and an app with its datum in brackets, as planners head a column or fill a datum cell
    ("百度拾取坐标", "bd09"), ("百度坐标拾取", "bd09"), ("高德拾取", "gcj02"), ("高德(GCJ-02)", "gcj02"),
    ("百度（BD09）", "bd09"), ("天地图（CGCS2000）", "wgs84"), ("坐标（百度）", "bd09"), ("坐标(CGCS2000)", "wgs84"),
    ("腾讯地图（火星坐标）", "gcj02"), ("北斗", "wgs84"),
])
def test_a_pickers_word_and_an_app_with_its_datum_in_brackets_name_that_datum(spelling, datum):
    # They were refused as unknown datums, stopping the run.
    assert crs.normalise_datum(spelling) == datum


@pytest.mark.parametrize("spelling, message", [
    ("高德(BD09)", "datum '高德\\(BD09\\)' names two datums \\(gcj02 and bd09\\)"),
    ("坐标（西安80）", "Xian 1980"), ("坐标", "unknown datum '坐标'"), ("百度(火星)", "names two datums"),
])
def test_an_app_with_another_datum_in_brackets_is_refused(spelling, message):
    with pytest.raises(ValueError, match=message):
        crs.normalise_datum(spelling)


def _gazetteer(tmp_path, rows):
    path = tmp_path / "places.csv"
    path.write_text("name,lon,lat,datum\n" + "".join(f"{n},{x},{y},{d}\n" for n, x, y, d in rows), encoding="utf-8")
    return path


def test_gazetteer_datum_column_accepts_every_spelling_and_converts(tmp_path):
    from geo.gazetteer_files import load_file

    wgs = (117.0, 36.68)
    gcj = [float(v[0]) for v in crs.convert_coords([wgs[0]], [wgs[1]], "wgs84", "gcj02")]
    bd = [float(v[0]) for v in crs.convert_coords([wgs[0]], [wgs[1]], "wgs84", "bd09")]
    path = _gazetteer(tmp_path, [("甲", *gcj, "GCJ-02"), ("乙", *bd, "BD09LL"), ("丙", *wgs, "EPSG:4490"),
                                 ("丁", *gcj, "gcj_02")])
    entries = load_file(path)
    assert [e.source_datum for e in entries] == ["gcj02", "bd09", "wgs84", "gcj02"]
    for entry in entries:
        assert entry.geometry.distance(shapely.Point(wgs)) < 1e-8


def test_gazetteer_unknown_datum_is_one_line_naming_file_and_row(tmp_path):
    from geo.gazetteer_files import load_file
    from geo.io import InputError

    path = _gazetteer(tmp_path, [("甲", 117.0, 36.68, "wgs84"), ("乙", 117.0, 36.68, "ED50")])
    with pytest.raises(InputError) as info:
        load_file(path)
    message = str(info.value)
    assert "places.csv" in message and "entry 2 (乙)" in message and "unknown datum 'ED50'" in message
    assert "\n" not in message


def test_gazetteer_datum_is_taken_from_whichever_datum_column_a_row_fills(tmp_path):
    import json

    from geo.gazetteer_files import load_file

    wgs = (117.0, 36.68)
    gcj = [float(v[0]) for v in crs.convert_coords([wgs[0]], [wgs[1]], "wgs84", "gcj02")]
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": gcj},
         "properties": {"name": "甲", "source_datum": None, "datum": "GCJ02"}},   # empty first column
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": gcj},
         "properties": {"name": "乙", "source_datum": "gcj-02", "datum": None}},
    ]
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    csv_path = tmp_path / "地名.csv"
    csv_path.write_text(f"名称,经度,纬度,坐标系\n丙,{gcj[0]},{gcj[1]},高德\n", encoding="utf-8")
    entries = load_file(path) + load_file(csv_path)
    assert [e.source_datum for e in entries] == ["gcj02", "gcj02", "gcj02"]
    assert all(e.geometry.distance(shapely.Point(wgs)) < 1e-8 for e in entries)
