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


# Injected before the page's own scripts: Leaflet's zoom-ending timer (250 ms) stretched to a minute and the end of
# the zoom's CSS transition kept from it.
HOLD_ZOOM_JS = """
var geoSetTimeout = window.setTimeout;
window.setTimeout = function (fn, ms) {
    var rest = Array.prototype.slice.call(arguments, 2);
    return geoSetTimeout.apply(window, [fn, ms === 250 ? 60000 : ms].concat(rest));
};
window.addEventListener('transitionend', function (e) { e.stopPropagation(); }, true);"""

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
    # Leaflet ends a zoom 250 ms after it starts (a timer, or the CSS transition's end): on a loaded host the page
    # could finish its opening zoom before the print was asked for. Both are stretched to a minute, so the print
    # surely falls inside the zoom, as it does when a planner prints at once.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOLD_ZOOM_JS})
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


# The coverage table's printed copy, recorded as the page is laid out for the paper.
TABLE_PROBE_JS = """
window.__printed = null;
window.matchMedia('print').addEventListener('change', function (e) {
    if (!e.matches) { return; }
    var copy = document.querySelector('.geo-cov-print'), table = copy.querySelector('table'),
        map = document.querySelector('.folium-map').getBoundingClientRect(), heads = copy.querySelectorAll('thead th');
    window.__printed = {page: document.documentElement.clientWidth, shown: getComputedStyle(copy).display,
        top: copy.getBoundingClientRect().top, mapBottom: map.bottom, width: table.offsetWidth, room: copy.clientWidth,
        font: parseFloat(getComputedStyle(table.querySelector('td')).fontSize),
        rows: Array.from(table.rows, function (tr) { return Array.from(tr.cells, function (c) { return c.textContent; }); }),
        headsApart: Array.from(heads).every(function (th, i) { return i === 0 ||
            heads[i - 1].getBoundingClientRect().right <= th.getBoundingClientRect().left + 1; })};
});"""


def test_a_printed_coverage_map_prints_its_table_whole_after_the_map(chromium, tmp_path):
    """The 街道 table was left out of the print (it lives in the map's box, the size of the page): printed, it now
    follows the map, every row and column as sorted on the screen, at 9 pt; a table of all twenty categories, its
    headings set across, was wider than A4, and the browser shrank every printed page to fit it."""
    from selenium.webdriver.support.ui import WebDriverWait

    from geo.data import category_codes
    from test_render import make_coverage, make_zones

    zones = make_zones(n=8)
    coverage = make_coverage(zones, projects=[12, 3, 0, 2, 5, 6, 7, 100], road_km=[10.5, 0.1, 2, 0, 1, 2, 3, 123.456])
    for i, code in enumerate(category_codes()):
        coverage[code] = [(i + j) % 13 for j in range(8)]
    render_fixture(tmp_path / "maps", zones=zones, coverage=coverage, basemap="none")
    driver = chromium()
    driver.get((tmp_path / "maps" / "coverage.html").as_uri())
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return !window[document.querySelector('.folium-map').id]._animatingZoom;"))
    driver.find_element("css selector", ".geo-cov-toggle").click()
    driver.find_elements("css selector", ".geo-cov-sort")[1].click()  # the most projects first
    screen = driver.execute_script("""return Array.from(document.querySelectorAll('.geo-cov-table tr'), function (tr) {
        return Array.from(tr.cells, function (c) { return c.textContent; }); });""")
    driver.execute_script(TABLE_PROBE_JS)
    driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
    printed = driver.execute_script("return window.__printed;")
    assert printed["shown"] == "block" and printed["rows"] == screen  # every row and column, as sorted
    assert len(printed["rows"]) == 9 and len(printed["rows"][0]) == 1 + 5 + len(category_codes())
    assert printed["top"] >= printed["mapBottom"]  # after the map, not over it
    assert printed["page"] < 800 and printed["width"] <= printed["room"], printed  # A4's width, nothing shrunk
    assert printed["font"] >= 12 and printed["headsApart"]  # 9 pt, no heading over another
