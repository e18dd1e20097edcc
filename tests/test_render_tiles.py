"""Tests for geo.render.tiles: basemaps of one's own (a tile URL template) and their datum."""

from __future__ import annotations

import json
import re

import pytest
from pyproj import Geod

from geo import render
from geo.io import InputError
from test_render import _point, render_fixture

INTRANET = "http://10.0.0.5/tiles/{z}/{x}/{y}.png"


def _tile_layer_urls(page):
    return re.findall(r"L\.tileLayer\(\s*(\"[^\"]*\")", page)


def _shift_m(page_a, page_b):
    (lon0, lat0), (lon1, lat1) = (_point(page, "projects:school", "天桥小学") for page in (page_a, page_b))
    return Geod(ellps="WGS84").inv(lon0, lat0, lon1, lat1)[2]


def test_a_tile_url_of_an_intranet_server_is_the_basemap(tmp_path):
    pages = render_fixture(tmp_path / "own", basemap=INTRANET)
    page = pages["projects.html"]
    assert _tile_layer_urls(page) == ['"http://10.0.0.5/tiles/{z}/{x}/{y}.png"']
    assert "Tiles: 10.0.0.5" in page and "openstreetmap.org" not in page
    osm = render_fixture(tmp_path / "osm")["projects.html"]
    assert _shift_m(osm, page) == 0  # WGS-84 tiles: overlays drawn where they are
    assert "10.0.0.5/tiles" in pages["index.html"] and "WGS-84" in pages["index.html"]


@pytest.mark.parametrize("url", ["http://10.0.0.5/tms/{z}/{x}/{-y}.png", "tiles/{z}/{x}/{-y}.png",
                                 "https://rt{s}.map.gtimg.com/tile?z={z}&x={x}&y={-y}&styleid=1000",
                                 "http://{s}.10.0.0.5/{z}/{x}/{y}{r}.png"])
def test_a_tms_template_of_minus_y_draws_as_given(tmp_path, url):
    """``{-y}`` (TMS rows, as the README offers, and Tencent's tiles) raised KeyError: '-y' in
    folium's formatting of the template: every map of such a basemap failed."""
    page = render_fixture(tmp_path, basemap=url)["projects.html"]
    assert [json.loads(found) for found in _tile_layer_urls(page)] == [url]


def test_gcj02_tiles_of_ones_own_shift_the_overlays_as_amap_does(tmp_path):
    amap = render_fixture(tmp_path / "amap", basemap="amap")["projects.html"]
    own = render_fixture(tmp_path / "own", basemap=INTRANET, datum="GCJ-02")["projects.html"]
    osm = render_fixture(tmp_path / "osm")["projects.html"]
    assert _point(own, "projects:school", "天桥小学") == _point(amap, "projects:school", "天桥小学")
    assert 100 < _shift_m(osm, own) < 1000


def test_a_tile_host_known_to_draw_in_gcj02_needs_no_datum(tmp_path):
    tencent = "https://rt{s}.map.gtimg.com/tile?z={z}&x={x}&y={-y}&styleid=1000"
    assert render.tiles.basemap_datum(tencent) == "gcj02"
    assert render.tiles.basemap_datum(INTRANET) == "wgs84"
    assert render.tiles.basemap_datum("https://t0.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}") \
        == "wgs84"
    # a datum given wins over the host's
    assert render.tiles.basemap_datum(tencent, "wgs84") == "wgs84"


def test_a_named_basemap_refuses_a_datum_it_is_not_drawn_in(tmp_path):
    with pytest.raises(InputError, match="amap is drawn in GCJ02, not WGS84"):
        render.check_basemap("amap", "wgs84")
    render.check_basemap("amap", "gcj02")
    render.check_basemap("osm", "CGCS2000")
    with pytest.raises(InputError, match="--basemap-datum: unknown datum"):
        render.check_basemap(INTRANET, "nad27")


@pytest.mark.parametrize("url, message", [
    ("osmm", "unknown basemap 'osmm'"),
    ("", "--basemap is empty"),
    ("http://10.0.0.5/tiles/{z}/{x}.png", r"needs \{z\}, \{x\} and \{y\}"),
    ("http://10.0.0.5/{layer}/{z}/{x}/{y}.png", r"\{layer\} is no field Leaflet fills"),
    ("http://10.0.0.5/{z/{x}/{y}.png", "braces do not pair"),
    ("javascript:alert(1)//{z}{x}{y}", "starts with http://, https:// or file:///"),
    ("data:text/html,{z}{x}{y}", "starts with http://, https:// or file:///"),
    ("D:\\tiles\\{z}\\{x}\\{y}.png", "a Windows path"),
    ("tiles\\{z}\\{x}\\{y}.png", r"uses / not \\"),
    ("http://10.0.0.5/my tiles/{z}/{x}/{y}.png", "no spaces"),
    ("http://10.0.0.5/tiles/{z}/{x}/{y}.png\n<script>", "no spaces, line breaks"),
    ("http://10.0.0.5/\u200btiles/{z}/{x}/{y}.png", "invisible"),
    ("https://maponline0.bdimg.com/tile/?qt=vtile&x={x}&y={y}&z={z}", "Baidu tiles"),
    ("http://10.0.0.5/" + "a" * 3000 + "/{z}/{x}/{y}.png", "3032 characters"),
    # hosts a browser cannot ask (these raised ValueError naming no option, or drew nothing)
    ("http://[::1/tiles/{z}/{x}/{y}.png", r"not a URL a browser reads \(Invalid IPv6 URL\)"),
    ("http://[::1/geoserver/wms?service=WMS&layers=a", "not a URL a browser reads"),
    ("http://10.0.0.5:99999/tiles/{z}/{x}/{y}.png", "not a URL a browser reads"),
    ("http:///tiles/{z}/{x}/{y}.png", "an http URL names no host"),
    ("https:tiles/{z}/{x}/{y}.png", "an https URL names no host"),
    ("http://planner:s3cret@10.0.0.5/tiles/{z}/{x}/{y}.png", "of 10.0.0.5 holds a user name or password"),
    ("http://planner@10.0.0.5/geoserver/wms?service=WMS&layers=a", "holds a user name or password"),
])
def test_an_unusable_tile_url_is_refused_before_anything_is_written(tmp_path, url, message):
    with pytest.raises(InputError, match=message) as caught:
        render_fixture(tmp_path, basemap=url)
    assert "\n" not in str(caught.value)
    assert not list(tmp_path.iterdir())


def test_a_password_in_a_tile_url_is_not_repeated_in_the_error():
    with pytest.raises(InputError) as caught:
        render.check_basemap("http://planner:s3cret@10.0.0.5/tiles/{z}/{x}/{y}.png")
    assert "s3cret" not in str(caught.value)


def test_an_address_copied_from_xml_capabilities_reads_its_amp_as_and(tmp_path):
    """``&amp;`` as a WMS/WMTS capabilities document writes ``&``: the WMS was refused as an
    unknown basemap, a template's ``&amp;y={y}`` asked the server for a parameter ``amp;y``."""
    wms = "http://10.0.0.5:8080/geoserver/wms?service=WMS&amp;version=1.1.0&AMP;layers=city%3Abase&amp;tk=abc"
    page = render_fixture(tmp_path / "wms", basemap=wms)["projects.html"]
    call = re.search(r"L\.tileLayer\.wms\(\s*(\"[^\"]*\"),\s*(\{.*?\})\s*\)", page, flags=re.DOTALL)
    assert json.loads(call.group(1)) == "http://10.0.0.5:8080/geoserver/wms?tk=abc"
    assert json.loads(call.group(2))["layers"] == "city:base"
    wmts = "http://10.0.0.5/wmts?layer=base&amp;tilematrix={z}&amp;tilerow={y}&amp;tilecol={x}"
    page = render_fixture(tmp_path / "wmts", basemap=wmts)["projects.html"]
    assert [json.loads(url) for url in _tile_layer_urls(page)] == [
        "http://10.0.0.5/wmts?layer=base&tilematrix={z}&tilerow={y}&tilecol={x}"]
    assert render.tiles.basemap_datum("https://webrd01.is.autonavi.com./appmaptile?x={x}&amp;y={y}&amp;z={z}") \
        == "gcj02"  # a host written with its root dot is the same host


def test_a_baidu_datum_is_refused_for_tiles():
    with pytest.raises(InputError, match="Baidu tiles"):
        render.check_basemap(INTRANET, "bd09")


def test_hostile_text_in_a_tile_url_stays_a_string(tmp_path):
    url = "http://x/'\"</script><script>alert(1)</script>{z}/{x}/{y}.png"
    page = render_fixture(tmp_path, basemap=url)["projects.html"]
    assert "<script>alert(1)" not in page
    # the attribution is HTML to Leaflet: the host is escaped into it
    hostile_host = 'http://"><svg/onload=alert(1)>/{z}/{x}/{y}.png'
    page = render_fixture(tmp_path / "host", basemap=hostile_host)["projects.html"]
    assert "<svg/onload" not in page and "Tiles: &amp;quot;&amp;gt;&amp;lt;svg" not in page


def test_build_and_render_take_a_tile_url_and_its_datum_from_the_command_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from geo.cli import main
    from test_render import layer_data

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--basemap", "tiles/{z}/{x}/{y}.png"])
    assert result.exit_code == 0, result.output
    built = (tmp_path / "maps_out" / "projects.html").read_text(encoding="utf-8")
    assert _tile_layer_urls(built) == ['"tiles/{z}/{x}/{y}.png"']
    result = CliRunner().invoke(main, ["render", "--basemap", INTRANET, "--basemap-datum", "gcj02", "-o", "gcj"])
    assert result.exit_code == 0, result.output
    shifted = (tmp_path / "gcj" / "projects.html").read_text(encoding="utf-8")
    assert _tile_layer_urls(shifted) == [f'"{INTRANET}"']
    outline = [layer_data(page)["outline"]["features"][0]["geometry"]["coordinates"][0][0][0]
               for page in (built, shifted)]
    assert outline[0] != outline[1]  # shifted to GCJ-02 on the second
    assert "(GCJ-02)" in (tmp_path / "gcj" / "index.html").read_text(encoding="utf-8")


def test_a_tile_folder_not_beside_the_maps_is_warned_of_naming_the_path_that_reaches_it(tmp_path, monkeypatch):
    """A tile path is relative to the maps' folder: tiles/ given from the folder holding it, with
    -o another folder, drew no tiles and the maps said only 'no network?'."""
    from click.testing import CliRunner

    from geo.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "瓦片 2024" / "13").mkdir(parents=True)
    runner = CliRunner()
    assert runner.invoke(main, ["build"]).exit_code == 0
    result = runner.invoke(main, ["render", "--basemap", "瓦片%202024/{z}/{x}/{y}.png", "-o", "成果/地图"])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == ("warning: --basemap: 瓦片 2024/ is not in 成果/地图, the maps' folder a tile path "
                                     "is relative to: the maps show no tiles until it is there; it is in the current "
                                     "folder: --basemap '../../瓦片%202024/{z}/{x}/{y}.png' reaches it")
    result = runner.invoke(main, ["render", "--basemap", "../../瓦片%202024/{z}/{x}/{y}.png", "-o", "成果/地图"])
    assert result.exit_code == 0 and result.stderr == ""
    (tmp_path / "成果" / "地图" / "tiles").mkdir()
    result = runner.invoke(main, ["render", "--basemap", "tiles/{z}/{x}/{y}.png", "-o", "成果/地图"])
    assert result.exit_code == 0 and result.stderr == ""
    result = runner.invoke(main, ["build", "--basemap", "tiles/{z}/{x}/{y}.png"])
    assert result.exit_code == 0 and "warning: --basemap: tiles/ is not in maps_out" in result.stderr
    result = runner.invoke(main, ["render", "--basemap", "/srv/tiles/{z}/{x}/{y}.png", "-o", "成果/地图"])
    assert result.exit_code == 0 and result.stderr == ""  # the web server's root, not this disk's


GEOSERVER = ("http://10.0.0.5:8080/geoserver/city/wms?service=WMS&version=1.1.0&request=GetMap&layers=city%3Abase"
             "&bbox=116.8,36.6,117.1,36.8&width=768&height=512&srs=EPSG%3A4326&styles=&format=image%2Fpng&tk=abc")


def test_a_wms_address_draws_its_layers_under_the_maps(tmp_path):
    page = render_fixture(tmp_path, basemap=GEOSERVER)["projects.html"]
    call = re.search(r"L\.tileLayer\.wms\(\s*(\"[^\"]*\"),\s*(\{.*?\})\s*\)", page, flags=re.DOTALL)
    assert call, "no WMS layer in the page"
    base, options = json.loads(call.group(1)), json.loads(call.group(2))
    # the GetMap request's own parameters are Leaflet's to write per tile; the key stays
    assert base == "http://10.0.0.5:8080/geoserver/city/wms?tk=abc"
    assert options["layers"] == "city:base" and options["format"] == "image/png" and options["version"] == "1.1.0"
    assert options["attribution"] == "WMS: 10.0.0.5"
    assert render.tiles.basemap_datum(GEOSERVER) == "wgs84"


@pytest.mark.parametrize("url, message", [
    ("http://10.0.0.5/geoserver/wms?service=WMS&layers=", "names no layers"),
    ("http://10.0.0.5/geoserver/wms?service=WMS", "unknown basemap"),  # no layers: not a WMS address
])
def test_a_wms_address_without_layers_is_refused(tmp_path, url, message):
    with pytest.raises(InputError, match=message):
        render.check_basemap(url)


@pytest.mark.parametrize("url, shown", [("https://{s}.tile.example.cn/{z}/{x}/{y}.png", "Tiles: tile.example.cn"),
                                        ("https://rt{s}.map.gtimg.com/tile?z={z}&x={x}&y={-y}", "Tiles: rt*.map.gtimg.com")])
def test_the_attribution_names_a_subdomain_host_without_its_template_field(tmp_path, url, shown):
    page = render_fixture(tmp_path, basemap=url)["projects.html"]
    assert shown in page and "Tiles: {s}" not in page and "{s}.map" not in page.split("Tiles:")[1][:40]
