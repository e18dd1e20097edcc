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
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        tiles = driver.execute_script(TILES_JS)
        if tiles and driver.execute_script(
                "return Array.from(document.querySelectorAll('img.leaflet-tile')).every(i => i.complete)"):
            return tiles
        time.sleep(0.1)
    return driver.execute_script(TILES_JS)


def test_tiles_in_a_folder_beside_the_maps_load_with_no_network(chromium, tmp_path):
    maps = tmp_path / "maps_out"
    render_fixture(maps, basemap="tiles/{z}/{x}/{y}.png")
    driver = chromium()
    driver.get((maps / "projects.html").as_uri())
    wanted = _tiles_settled(driver)
    assert wanted and not any(tile["loaded"] for tile in wanted)
    assert driver.find_elements("css selector", ".geo-tile-notice")  # missing tiles are said to be missing
    # the tiles the page asked for, as a folder of XYZ tiles (QGIS "Generate XYZ tiles") holds them
    for tile in wanted:
        path = unquote(urlsplit(tile["src"]).path)
        assert path.startswith(str(maps / "tiles")) and path.endswith(".png")
        (maps / path[len(str(maps)) + 1:]).parent.mkdir(parents=True, exist_ok=True)
        (maps / path[len(str(maps)) + 1:]).write_bytes(_png_256())
    driver.get((maps / "projects.html").as_uri())
    tiles = _tiles_settled(driver)
    assert tiles and all(tile["loaded"] for tile in tiles)
    assert not driver.find_elements("css selector", ".geo-tile-notice")
    assert "Tiles: a local folder" in driver.find_element("css selector", ".leaflet-control-attribution").text


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
