"""Browser tests for geo.render.tiles: a basemap of one's own tiles, as headless Chromium draws it."""

from __future__ import annotations

import struct
import time
import zlib
from urllib.parse import unquote, urlsplit

import pytest

from test_render import render_fixture
from test_render_browser import ALERT_TRAP

pytestmark = pytest.mark.browser

TILES_JS = """
return Array.from(document.querySelectorAll('img.leaflet-tile')).map(function (img) {
    return {src: img.src, loaded: img.complete && img.naturalWidth === 256};
});
"""


def _png_256():
    """A plain grey 256x256 PNG tile."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xcc" * 256 for _ in range(256))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 256, 256, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _tiles_settled(driver, timeout=10):
    """The page's tiles once the map has stopped moving and every tile has loaded or failed, twice
    in a row (the map opens with an animated zoom to the district, asking for tiles of each step)."""
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        busy = driver.execute_script("var m = window[document.querySelector('.folium-map').id];"
                                     "return !!m._animatingZoom || Array.from(document.querySelectorAll("
                                     "'img.leaflet-tile')).some(function (i) { return !i.complete; });")
        tiles = driver.execute_script(TILES_JS)
        if tiles and not busy:
            if tiles == last:
                return tiles
            last = tiles
        time.sleep(0.2)
    return driver.execute_script(TILES_JS)


@pytest.mark.parametrize("folder", ["tiles", "瓦片#2"])
def test_tiles_in_a_folder_beside_the_maps_load_with_no_network(chromium, tmp_path, folder):
    """Also a folder of a Chinese name with a # in it (which ended the path there: no tile loaded)."""
    maps = tmp_path / "maps_out"
    render_fixture(maps, basemap=folder + "/{z}/{x}/{y}.png")
    driver = chromium()
    driver.get((maps / "projects.html").as_uri())
    wanted = _tiles_settled(driver)
    assert wanted and not any(tile["loaded"] for tile in wanted)
    assert driver.find_elements("css selector", ".geo-tile-notice")  # missing tiles are said to be missing
    # the tiles the page asks for, as a folder of XYZ tiles (QGIS "Generate XYZ tiles") holds them; a
    # busy machine may settle the opening zoom elsewhere on another load, so ask again until it holds
    for _ in range(4):
        for tile in wanted:
            path = unquote(urlsplit(tile["src"]).path)
            assert path.startswith(str(maps / folder) + "/") and path.endswith(".png")
            (maps / path[len(str(maps)) + 1:]).parent.mkdir(parents=True, exist_ok=True)
            (maps / path[len(str(maps)) + 1:]).write_bytes(_png_256())
        driver.get((maps / "projects.html").as_uri())
        wanted = _tiles_settled(driver)
        if all(tile["loaded"] for tile in wanted):
            break
    assert wanted and all(tile["loaded"] for tile in wanted)
    assert "Tiles: a local folder" in driver.find_element("css selector", ".leaflet-control-attribution").text


def test_leaflet_asks_a_tms_template_for_its_rows_counted_from_the_south(chromium, tmp_path):
    maps = tmp_path / "maps_out"
    render_fixture(maps, basemap="tms/{z}/{x}/{-y}.png")
    driver = chromium()
    driver.get((maps / "projects.html").as_uri())
    wanted = _tiles_settled(driver)
    assert wanted
    for tile in wanted:
        z, x, y = (int(part) for part in unquote(urlsplit(tile["src"]).path).removesuffix(".png").split("/")[-3:])
        # Jinan, 36.7N: XYZ rows count from the north (below 2^(z-1)), TMS rows from the south
        assert 2 ** (z - 1) < y < 2 ** z, tile["src"]


def test_hostile_tile_url_and_host_run_nothing(chromium, tmp_path):
    driver = chromium()
    for i, (url, shown) in enumerate([("http://x/'\"</script><script>alert(1)</script>{z}/{x}/{y}.png", "Tiles: x"),
                                      ('http://"><svg/onload=alert(2)>/{z}/{x}/{y}.png', 'Tiles: "><svg')]):
        render_fixture(tmp_path / str(i), basemap=url)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ALERT_TRAP})
        driver.get((tmp_path / str(i) / "projects.html").as_uri())
        _tiles_settled(driver, timeout=3)
        assert driver.execute_script("return window.__alerts") == []
        assert driver.execute_script("return typeof L !== 'undefined' && document.querySelectorAll("
                                     "'.leaflet-overlay-pane svg path').length") > 0
        # the host is shown as text in the attribution, not parsed as HTML
        assert shown in driver.find_element("css selector", ".leaflet-control-attribution").text
        assert not driver.find_elements("css selector", ".leaflet-control-attribution svg[onload]")


def test_a_wms_server_is_asked_for_web_mercator_tiles_of_its_layers(chromium, tmp_path):
    from urllib.parse import parse_qs

    asked = []
    tile = _png_256()

    server = _tile_server(tile, asked=asked)
    try:
        url = f"http://127.0.0.1:{server.server_port}/geoserver/wms?service=WMS&layers=city:base&tk=abc"
        render_fixture(tmp_path / "maps", basemap=url)
        driver = chromium()
        driver.get((tmp_path / "maps" / "projects.html").as_uri())
        tiles = _tiles_settled(driver)
    finally:
        server.shutdown()
    assert tiles and all(t["loaded"] for t in tiles)
    assert not driver.find_elements("css selector", ".geo-tile-notice")
    queries = [{k.lower(): v for k, v in parse_qs(urlsplit(path).query).items()} for path in asked]
    assert queries and all(q["request"] == ["GetMap"] and q["layers"] == ["city:base"] and q["tk"] == ["abc"]
                           and q["srs"] == ["EPSG:3857"] and q["width"] == ["256"] for q in queries)
    west, south, east, north = map(float, queries[0]["bbox"][0].split(","))
    assert 1.2e7 < west < east < 1.4e7 and 4e6 < south < north < 5e6  # Web Mercator metres around Jinan


def test_tiles_that_never_answer_are_said_to_be_missing(chromium, tmp_path, monkeypatch):
    """A tile server behind a firewall that drops the traffic never answers, so no tile fails either:
    the page showed a plain background for minutes and said nothing."""
    import socket

    from geo import settings

    monkeypatch.setattr(settings, "TILE_WAIT_S", 2.0)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(64)  # connections are queued, and never answered
    try:
        render_fixture(tmp_path / "maps", basemap=f"http://127.0.0.1:{silent.getsockname()[1]}/{{z}}/{{x}}/{{y}}.png")
        # The tiles hold the page's load event back for ever; stopping the load would fail them.
        driver = chromium(page_load_strategy="eager")
        driver.get((tmp_path / "maps" / "projects.html").as_uri())
        notice = driver.execute_async_script("""
            var done = arguments[arguments.length - 1], started = Date.now();
            (function poll() {
                var boxes = document.querySelectorAll('.geo-tile-notice');
                if (boxes.length || Date.now() - started > 8000) {
                    done(Array.from(boxes).map(function (b) { return b.textContent; }));
                } else { setTimeout(poll, 100); }
            })();""")
        assert len(notice) == 1 and "Basemap tiles could not be loaded" in notice[0]
        assert driver.execute_script("return document.querySelectorAll('.leaflet-overlay-pane svg path').length") > 0
    finally:
        silent.close()


def test_tiles_of_a_slow_server_take_back_the_notice_when_they_come(chromium, tmp_path, monkeypatch):
    """Tiles of a slow network: the notice said after TILE_WAIT_S goes once a tile is drawn."""
    from geo import settings

    monkeypatch.setattr(settings, "TILE_WAIT_S", 1.0)
    tile = _png_256()

    server = _tile_server(tile, delay_s=3)
    try:
        render_fixture(tmp_path / "maps", basemap=f"http://127.0.0.1:{server.server_port}/{{z}}/{{x}}/{{y}}.png")
        driver = chromium(page_load_strategy="eager")
        driver.get((tmp_path / "maps" / "projects.html").as_uri())
        seen = driver.execute_async_script("""
            var done = arguments[arguments.length - 1], started = Date.now(), shown = false;
            (function poll() {
                var now = document.querySelectorAll('.geo-tile-notice').length > 0;
                shown = shown || now;
                var loaded = document.querySelectorAll('img.leaflet-tile-loaded').length;
                if ((shown && !now && loaded) || Date.now() - started > 15000) {
                    done({shown: shown, now: now, loaded: loaded});
                } else { setTimeout(poll, 100); }
            })();""")
    finally:
        server.shutdown()
        server.server_close()
    assert seen["shown"] and not seen["now"] and seen["loaded"] > 0, seen


def _tile_server(tile, *, asked=None, delay_s=0.0):
    """A local HTTP server answering every request with the PNG ``tile`` (after ``delay_s``), the paths
    asked appended to ``asked``; started on a free port in a daemon thread (``server.shutdown()`` stops it)."""
    import http.server
    import threading

    class Tiles(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            if asked is not None:
                asked.append(self.path)
            time.sleep(delay_s)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.end_headers()
            try:
                self.wfile.write(tile)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the page was closed (the test done) before a slow tile came: no traceback in the log

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
