"""Projected coordinates read for a district: Gauss-Kruger metres without their zone, Baidu's Mercator metres labelled Web Mercator."""

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from geo.crs import convert_coords
from geo.district_fit import District
from geo.gazetteer_files import load_file
from geo.io import InputError

# Sites as a planner's table lists them, WGS-84 (general knowledge, within tens of metres).
YANTA = {"大雁塔": (108.9594, 34.2196), "陕西历史博物馆": (108.9544, 34.2245), "雁塔区第二中学": (108.9418, 34.2231)}
# 蓝田县, 55 km north to south: the first three, read 20 km too far south, still lie in the county.
LANTIAN = {"蓝田县人民医院": (109.3230, 34.1512), "玉山镇中心小学": (109.43, 34.13), "汤峪镇政府": (109.27, 34.04),
           "灞源镇政府": (109.60, 34.13), "九间房镇政府": (109.70, 34.17)}


def _district(code):
    from geo.boundaries import load_boundaries

    boundaries = load_boundaries(district_code=code)
    return District(str(boundaries.outline["name"].iloc[0]), shapely.union_all(boundaries.outline.geometry.values))


def _baidu_metres(lon, lat):
    """BD-09MC metres of a WGS-84 point, as Baidu's picker shows them (geo's BD-09MC to BD-09 inverted)."""
    from geo.baidu_mercator import bd09mc_to_bd09

    blon, blat = convert_coords(np.array([lon]), np.array([lat]), "wgs84", "bd09")
    x, y = np.array([lon * 111_320.0]), np.array([4_000_000.0])
    for _ in range(20):
        a, b = bd09mc_to_bd09(x, y)
        a1, b1 = bd09mc_to_bd09(x + 1, y + 1)
        x, y = x + (blon - a) / (a1 - a), y + (blat - b) / (b1 - b)
    return round(float(x[0]), 2), round(float(y[0]), 2)


def _web_metres(lon, lat):
    x, y = Transformer.from_crs(4326, 3857, always_xy=True).transform(lon, lat)
    return round(x, 2), round(y, 2)


def _table(path, sites, metres, label):
    lines = ["名称,X,Y,坐标系"] + [f"{name},{','.join(map(str, metres(*site)))},{label}" for name, site in sites.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("label", ["EPSG:3857", "Web墨卡托", "WGS 84 / Pseudo-Mercator"])
def test_baidu_mercator_metres_labelled_web_mercator_are_refused_naming_the_district(tmp_path, label):
    # Baidu's picker's metres of 雁塔区 under EPSG:3857 were read as Web Mercator: every site placed 19 km
    # south, in 长安区, without a word.
    path = _table(tmp_path / "点位.csv", YANTA, _baidu_metres, label)
    with pytest.raises(InputError, match=r"点位.csv: its 3 entries in EPSG:3857 \(Web Mercator\) metres lie in 雁塔区 only "
                                         r"read as Baidu's Mercator metres \(BD-09MC\), which look alike; read as labelled, "
                                         r"3 of them lie outside it \(entry 1, 大雁塔\): if they come from Baidu, convert "
                                         r"them to bd09ll lon/lat \(坐标系 bd09\) first, since geo does not read BD-09MC$"):
        load_file(path, district=_district("610113"))
    assert len(load_file(path)) == 3  # no district (geo gazetteer checks alone): nothing tells


def test_baidu_metres_of_a_county_some_landing_inside_it_as_web_mercator_are_refused(tmp_path):
    # 蓝田县: read as EPSG:3857, three of five sites landed inside the county at wrong spots, 20 km south.
    district = _district("610122")
    path = _table(tmp_path / "蓝田县项目点位.csv", LANTIAN, _baidu_metres, "EPSG:3857")
    as_labelled = [entry.geometry for entry in load_file(path)]
    assert sum(bool(district.holds(p.x, p.y)[0]) for p in as_labelled) == 3
    with pytest.raises(InputError, match=r"its 5 entries in EPSG:3857 \(Web Mercator\) metres lie in 蓝田县 only read as "
                                         r"Baidu's .* read as labelled, 2 of them lie outside it \(entry 4, 灞源镇政府\)"):
        load_file(path, district=district)


@pytest.mark.parametrize("code, sites", [("610113", YANTA), ("610122", LANTIAN)])
def test_web_mercator_metres_of_the_district_are_read_as_labelled(tmp_path, code, sites):
    path = _table(tmp_path / "点位.csv", sites, _web_metres, "EPSG:3857")
    entries = load_file(path, district=_district(code))
    for entry, site in zip(entries, sites.values()):
        assert entry.geometry.distance(shapely.Point(site)) < 1e-6


def test_a_vector_file_in_web_mercator_holding_baidu_metres_is_refused(tmp_path):
    import geopandas as gpd

    path = tmp_path / "点位.gpkg"
    gpd.GeoDataFrame({"名称": list(YANTA)}, geometry=[shapely.Point(_baidu_metres(*s)) for s in YANTA.values()],
                     crs=3857).to_file(path)
    with pytest.raises(InputError, match=r"its 3 entries in EPSG:3857 \(Web Mercator\) metres lie in 雁塔区 only"):
        load_file(path, district=_district("610113"))


def _gauss_kruger(site, epsg):
    easting, northing = Transformer.from_crs(4490, epsg, always_xy=True).transform(*site)
    return round(northing, 3), round(easting, 3)


@pytest.mark.parametrize("label, epsg, said", [
    *((label, 4545, "central meridian 108°E (EPSG:4545") for label in ("CGCS2000", "2000坐标", "2000国家大地坐标系",
                                                                     "CGCS2000 3度带")),  # 3-degree zone 36
    ("CGCS2000", 4508, "central meridian 111°E (EPSG:4546"),  # 6-degree zone 19: metres of its own meridian
])
def test_gauss_kruger_metres_without_their_zone_are_read_in_the_one_zone_that_puts_them_in_the_district(
        tmp_path, label, epsg, said):
    # 雁塔区's survey table labelled CGCS2000 alone was refused "name its central meridian (CGCS2000 3度带 117°)",
    # though only one of 雁塔区's zones puts its points in 雁塔区 (another is 3 degrees, 270 km, away).
    path = _table(tmp_path / "测量成果.csv", YANTA, lambda *site: _gauss_kruger(site, epsg), label)
    entries = load_file(path, district=_district("610113"))
    for entry, site in zip(entries, YANTA.values()):
        assert entry.geometry.distance(shapely.Point(site)) < 1e-7 and entry.source_datum == "wgs84"
    zones = ("3-degree zone 36 (central meridian 108°E, EPSG:4545)" if "3度带" in label else
             "3-degree zone 36 (central meridian 108°E, EPSG:4545) and 6-degree zone 19 (central meridian 111°E, EPSG:4508)")
    assert entries[0].method == (f"coordinates from file; Gauss-Kruger X/Y of CGCS2000, {said}; zone not stated: "
                                 f"of 雁塔区's {zones}, the only one that puts the point in 雁塔区) converted to lon/lat")


def test_gauss_kruger_metres_in_no_zone_of_the_district_are_refused_naming_its_zones(tmp_path):
    # 天桥区's survey points (CM 117°E) given to a build of 雁塔区: the refusal named 117° as an example.
    path = tmp_path / "测量成果.csv"
    northing, easting = _gauss_kruger((117.001, 36.7), 4548)
    path.write_text(f"名称,X,Y,坐标系\n汇才学校,{northing},{easting},CGCS2000\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"测量成果.csv: line 2: Gauss-Kruger coordinates without their zone: 雁塔区 lies in "
                                         r"3-degree zone 36 \(central meridian 108°E, EPSG:4545\) and 6-degree zone 19 "
                                         r"\(central meridian 111°E, EPSG:4508\), and read in none of them does it lie "
                                         r"in 雁塔区; name the zone in the 坐标系 column \(CGCS2000 3度带 108°, or its EPSG "
                                         r"code\) or give Y with its zone number$"):
        load_file(path, district=_district("610113"))


def test_a_county_across_two_zones_names_both(tmp_path):
    # 蓝田县 spans 109.1-109.8°E: 3-degree zones 36 (108°E) and 37 (111°E); its points read in zone 37's
    # metres are found there.
    district = _district("610122")
    assert district.zones_said() == ("3-degree zone 36 (central meridian 108°E, EPSG:4545), 3-degree zone 37 (central "
                                      "meridian 111°E, EPSG:4546) and 6-degree zone 19 (central meridian 111°E, EPSG:4508)")
    path = _table(tmp_path / "测量成果.csv", {"九间房镇政府": LANTIAN["九间房镇政府"]},
                  lambda *site: _gauss_kruger(site, 4546), "CGCS2000")
    (entry,) = load_file(path, district=district)
    assert entry.geometry.distance(shapely.Point(LANTIAN["九间房镇政府"])) < 1e-7 and "111°E (EPSG:4546;" in entry.method


def test_geo_build_reads_the_zone_from_the_district_and_refuses_baidu_metres_in_one_line(tmp_path):
    from click.testing import CliRunner

    from geo.cli import main

    report = tmp_path / "report.txt"
    report.write_text("二、2025年重点工作\n完成雁塔区第二中学改扩建。\n", encoding="utf-8")
    path = _table(tmp_path / "点位.csv", YANTA, _baidu_metres, "EPSG:3857")
    args = ["build", "--report", str(report), "--district-code", "610113", "--basemap", "none", "--gazetteer", str(path),
            "--out-dir", str(tmp_path / "out")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "Baidu's Mercator metres (BD-09MC)" in result.output and not (tmp_path / "out" / "projects.geojson").exists()
    _table(path, YANTA, lambda *site: _gauss_kruger(site, 4545), "2000坐标")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "zone not stated: of 雁塔区's" in (tmp_path / "out" / "layers").joinpath("school.geojson").read_text(encoding="utf-8")
