"""The maps printed from headless Chromium (Page.printToPDF, as the browser's Print does): what the paper shows."""

from __future__ import annotations

import pytest

from test_render import render_fixture

pytestmark = pytest.mark.browser

# Recorded while the page is laid out for the paper (the print media query on, geo's own listener run first):
# the map's container, where the district outline's corners fall in it, and which controls are shown.
PRINT_PROBE_JS = """
window.__printed = null;
var map = window[document.querySelector('.folium-map').id];
window.matchMedia('print').addEventListener('change', function (e) {
    if (!e.matches) { return; }
    var outline = null, box = map.getContainer();
    map.eachLayer(function (l) { if (l instanceof L.GeoJSON && l.options.geoLayer === 'outline') { outline = l; } });
    var b = outline.getBounds(), sw = map.latLngToContainerPoint(b.getSouthWest()),
        ne = map.latLngToContainerPoint(b.getNorthEast());
    function shown(selector) {
        var node = document.querySelector(selector);
        return !!node && getComputedStyle(node).display !== 'none';
    }
    window.__printed = {width: box.clientWidth, height: box.clientHeight, left: sw.x, bottom: sw.y, right: ne.x, top: ne.y,
        legend: shown('.geo-legend'), zoom: shown('.leaflet-control-zoom'), layers: shown('.leaflet-control-layers'),
        panel: shown('.geo-panel')};
});"""


@pytest.mark.parametrize("page", ["projects.html", "coverage.html"])
def test_a_printed_map_shows_the_district_whole_on_the_paper_with_its_legend(chromium, tmp_path, page):
    """Printed on A4 from a 1200 px window, the map kept the window's size on a 720 px page: the district was drawn
    off-centre and cut at the paper's edge, under the placing panel and the layer list, beside the zoom buttons."""
    from selenium.webdriver.support.ui import WebDriverWait

    render_fixture(tmp_path / "maps", basemap="none")
    driver = chromium()
    driver.get((tmp_path / "maps" / page).as_uri())
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(  # the opening zoom to the district ended
        "return !window[document.querySelector('.folium-map').id]._animatingZoom;"))
    driver.execute_script(PRINT_PROBE_JS)
    screen = driver.execute_script("var m = window[document.querySelector('.folium-map').id];"
                                   "return [m.getCenter().lat, m.getCenter().lng, m.getZoom()];")
    driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
    printed = driver.execute_script("return window.__printed;")
    assert printed["width"] < 800  # laid out to the paper
    assert 0 <= printed["left"] < printed["right"] <= printed["width"], printed
    assert 0 <= printed["top"] < printed["bottom"] <= printed["height"], printed
    assert printed["legend"] and not (printed["zoom"] or printed["layers"] or printed["panel"]), printed
    after = driver.execute_script("var m = window[document.querySelector('.folium-map').id];"
                                  "return [m.getCenter().lat, m.getCenter().lng, m.getZoom()];")
    assert after == pytest.approx(screen, abs=1e-9)  # the screen's view back after printing


@pytest.mark.parametrize("page", ["projects.html", "coverage.html"])
def test_a_map_printed_while_it_zooms_to_the_district_at_opening_shows_the_district_whole(chromium, tmp_path, page):
    """Printed at once, while the map still zoomed to the district, the print took the view the zoom started from
    (the whole page's zoom 13 around the district's middle) and the zoom's end then moved the map under the print."""
    from selenium.webdriver.support.ui import WebDriverWait

    render_fixture(tmp_path / "maps", basemap="none")
    driver = chromium()
    driver.get((tmp_path / "maps" / page).as_uri())
    assert driver.execute_script("return window[document.querySelector('.folium-map').id]._animatingZoom;")
    driver.execute_script(PRINT_PROBE_JS)
    driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
    printed = driver.execute_script("return window.__printed;")
    assert 0 <= printed["left"] < printed["right"] <= printed["width"], printed
    assert 0 <= printed["top"] < printed["bottom"] <= printed["height"], printed
    assert printed["right"] - printed["left"] > printed["width"] / 4, printed  # fitted, not a corner of it
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return !window[document.querySelector('.folium-map').id]._animatingZoom;"))
    fitted = driver.execute_script("var m = window[document.querySelector('.folium-map').id], "
                                   "o = null; m.eachLayer(function (l) { if (l.options.geoLayer === 'outline') { o = l; } });"
                                   "return m.getBounds().contains(o.getBounds()) && m.getZoom() > 13;")
    assert fitted  # the screen shows the district whole after printing
