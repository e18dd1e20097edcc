"""Browser tests for geo.render: the maps as headless Chromium draws them (layers, legend, offline, escaping)."""

from __future__ import annotations

import pytest

# The fixtures live with the string-level tests (pytest puts tests/ on sys.path).
from test_render import (EVIL, EXPECTED_PROJECT_LAYERS, make_crescent_zones, make_zones,
                         make_zones_with_an_island_first, render_fixture)

pytestmark = pytest.mark.browser

# Runs before any page script: records alert() calls instead of opening dialogs.
ALERT_TRAP = "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"

# Leaflet GeoJSON layers on the map, by the geo_layer name render gives each.
COUNT_LAYERS_JS = """
var map = window[document.querySelector('.folium-map').id];
var counts = {};
map.eachLayer(function (layer) {
    if (layer instanceof L.GeoJSON) { counts[layer.options.geoLayer] = layer.getLayers().length; }
});
return counts;
"""

PAGE_STATE_JS = """
return {
    leaflet: typeof L !== 'undefined' && typeof L.map === 'function',
    paths: document.querySelectorAll('.leaflet-overlay-pane svg path').length,
    legend: document.querySelectorAll('.geo-legend').length,
    legendText: (document.querySelector('.geo-legend') || {}).textContent || '',
    layerControl: document.querySelectorAll('.leaflet-control-layers').length,
    layerNames: Array.from(document.querySelectorAll('.leaflet-control-layers-list label'))
        .map(function (l) { return l.textContent.trim(); }),
    scale: document.querySelectorAll('.leaflet-control-scale').length,
    labels: Array.from(document.querySelectorAll('.geo-zone-label')).map(function (t) { return t.textContent; }),
};
"""

# Prefix for scripts that need one layer: `group` is the GeoJSON layer named arguments[0].
# Where the project tooltip shown on hover lies (not a 街道's permanent label), and its text; null
# while none is shown (see hover_tip_box).
HOVER_TIP_BOX_JS = """
    var tip = Array.from(document.querySelectorAll('.leaflet-tooltip')).filter(function (t) {
        return !t.classList.contains('geo-zone-label'); })[0];
    if (!tip) { return null; }
    var r = tip.getBoundingClientRect();
    return {left: r.left, right: r.right, width: window.innerWidth, text: tip.textContent};"""


def hover_tip_box(driver, timeout=5.0):
    """The box and text of the tooltip a hover opens, once the page shows it (a loaded machine
    takes a moment after the pointer moves)."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(HOVER_TIP_BOX_JS))
FIND_LAYER_JS = """
var wanted = arguments[0], map = window[document.querySelector('.folium-map').id], group;
map.eachLayer(function (l) { if (l instanceof L.GeoJSON && l.options.geoLayer === wanted) group = l; });
"""

TILE_HOSTS = ("tile.openstreetmap.org", "autonavi.com", "tianditu.gov.cn")


def _open(driver, path):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ALERT_TRAP})
    driver.get(path.as_uri())
    return driver.execute_script(PAGE_STATE_JS)


def _severe(driver):
    """SEVERE console entries, except tiles that cannot load without internet."""
    return [e for e in driver.get_log("browser")
            if e["level"] == "SEVERE" and not any(host in e["message"] for host in TILE_HOSTS)]


@pytest.fixture
def offline_maps(tmp_path):
    """The standard fixture rendered as self-contained maps without tiles."""
    render_fixture(tmp_path / "maps", basemap="none")
    return tmp_path / "maps"


def test_project_map_draws_every_layer(chromium, offline_maps, tmp_path):
    driver = chromium()
    state = _open(driver, offline_maps / "projects.html")
    assert driver.execute_script(COUNT_LAYERS_JS) == EXPECTED_PROJECT_LAYERS
    # 3 zones + outline + 2 roads + 3 circle markers, all SVG paths
    assert state["paths"] == sum(EXPECTED_PROJECT_LAYERS.values())
    assert state["legend"] == 1 and "approximate (not official)" in state["legendText"]
    assert state["layerControl"] == 1 and "学校教育 School (2)" in state["layerNames"]
    assert state["scale"] == 1
    assert sorted(state["labels"]) == sorted(make_zones()["name"])
    driver.save_screenshot(str(tmp_path / "projects.png"))
    assert (tmp_path / "projects.png").stat().st_size > 10_000
    assert _severe(driver) == []


def test_coverage_map_draws_choropleth_and_tooltips(chromium, offline_maps, tmp_path):
    driver = chromium()
    state = _open(driver, offline_maps / "coverage.html")
    # the road-km layer is in the control but hidden until chosen
    assert driver.execute_script(COUNT_LAYERS_JS) == {"coverage:projects": 3, "outline": 1}
    assert state["paths"] == 4
    assert any("Road works km" in name for name in state["layerNames"])
    assert "classes:" in state["legendText"]
    tooltip = driver.execute_script(FIND_LAYER_JS + """
        var zone = group.getLayers()[0];
        zone.fire('mouseover', {latlng: zone.getCenter()}, true);
        return document.querySelector('.geo-tooltip').textContent.replace(/\\s+/g, ' ');
    """, "coverage:projects")
    assert "甲街道" in tooltip and "Projects 3" in tooltip and "Road km 1.9" in tooltip
    driver.save_screenshot(str(tmp_path / "coverage.png"))
    assert _severe(driver) == []


def test_coverage_tooltip_shows_new_road_km_as_the_coverage_table_does(chromium, tmp_path):
    """A 街道 whose only road works are 10.477 km of new road: the tooltip said Road km 0.0."""
    from test_render import make_coverage

    zones = make_zones()
    coverage = make_coverage(zones, road_km=[0.0, 0.0, 0.0]).assign(road_km_new=[10.477, 0.0, 0.0],
                                                                    road_km_greening=[0.081, 0.0, 0.0])
    render_fixture(tmp_path / "maps", coverage=coverage, basemap="none")
    driver = chromium()
    _open(driver, tmp_path / "maps" / "coverage.html")
    tooltip = driver.execute_script(FIND_LAYER_JS + """
        var zone = group.getLayers()[0];
        zone.fire('mouseover', {latlng: zone.getCenter()}, true);
        return document.querySelector('.geo-tooltip').textContent.replace(/\\s+/g, ' ');
    """, "coverage:projects")
    assert "道路 Road km 10.558" in tooltip and "新建 New km 10.477" in tooltip and "绿化 Greening km 0.081" in tooltip
    assert _severe(driver) == []


def test_a_street_with_an_island_is_labelled_on_its_main_part(chromium, tmp_path):
    """甲街道's first part was an island in 丙街道: its label stood there, 丙's area named 甲."""
    render_fixture(tmp_path / "maps", zones=make_zones_with_an_island_first(), basemap="none")
    driver = chromium()
    for page, layer in (("projects.html", "zones"), ("coverage.html", "coverage:projects")):
        _open(driver, tmp_path / "maps" / page)
        where = driver.execute_script(FIND_LAYER_JS + """
            var found = null;
            group.eachLayer(function (zone) {
                if (zone.feature.properties.code === '370105001') {
                    var at = zone.getTooltip().getLatLng(); found = [at.lng, at.lat];
                }
            });
            return found;""", layer)
        assert 116.97 < where[0] < 116.99 and 36.66 < where[1] < 36.70, (page, where)
        assert _severe(driver) == []


def test_a_crescent_street_is_labelled_inside_itself_in_chromium(chromium, tmp_path):
    """A C-shaped 街道's label stood at its middle, inside the 街道 it holds."""
    import shapely

    from test_render import make_coverage

    zones = make_crescent_zones()
    render_fixture(tmp_path / "maps", zones=zones, coverage=make_coverage(zones, [1, 1], [0.0, 0.0]), basemap="none")
    driver = chromium()
    for page, layer in (("projects.html", "zones"), ("coverage.html", "coverage:projects")):
        _open(driver, tmp_path / "maps" / page)
        where = driver.execute_script(FIND_LAYER_JS + """
            var found = {};
            group.eachLayer(function (zone) {
                var at = zone.getTooltip().getLatLng(); found[zone.feature.properties.code] = [at.lng, at.lat];
            });
            return found;""", layer)
        for code, geom in zip(zones["code"], zones.geometry):
            assert geom.contains(shapely.Point(where[code])), (page, code, where)
        assert _severe(driver) == []


def test_offline_map_works_with_network_blocked(chromium, tmp_path):
    render_fixture(tmp_path / "maps", basemap="osm")
    driver = chromium("--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9")
    state = _open(driver, tmp_path / "maps" / "projects.html")
    assert state["leaflet"]
    assert driver.execute_script(COUNT_LAYERS_JS) == EXPECTED_PROJECT_LAYERS
    assert state["paths"] == sum(EXPECTED_PROJECT_LAYERS.values())
    driver.save_screenshot(str(tmp_path / "offline.png"))
    assert _severe(driver) == []  # only tile failures, which are filtered


def test_hostile_text_shows_literally_and_runs_nothing(chromium, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException

    zones = make_zones(names=[EVIL, "乙街道", "丙街道"])
    render_fixture(tmp_path / "maps", zones=zones, basemap="none", title=EVIL)
    driver = chromium()
    state = _open(driver, tmp_path / "maps" / "projects.html")
    assert EVIL in state["labels"]
    opened = driver.execute_script(FIND_LAYER_JS + """
        var marker = group.getLayers()[0];
        marker.openPopup();
        marker.openTooltip();
        var popup = document.querySelector('.leaflet-popup-content');
        return {
            title: popup.querySelector('b').textContent,
            injected: document.querySelectorAll('.leaflet-popup-content img, .leaflet-popup-content script,'
                                                + ' .geo-legend img, .leaflet-tooltip img').length,
            tooltip: Array.from(document.querySelectorAll('.leaflet-tooltip'))
                .map(function (t) { return t.textContent; }),
            alerts: window.__alerts,
            scripts: document.scripts.length,
        };
    """, "projects:health")
    assert opened["title"] == EVIL
    assert EVIL in opened["tooltip"]
    assert opened["injected"] == 0
    assert opened["alerts"] == []
    assert driver.title == "项目地图 Project map · " + EVIL  # the tab names its map, then the title
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    driver.save_screenshot(str(tmp_path / "injection.png"))
    assert _severe(driver) == []
    # no script element was smuggled in: the page has as many as a harmless one
    render_fixture(tmp_path / "clean", basemap="none")
    _open(driver, tmp_path / "clean" / "projects.html")
    assert opened["scripts"] == driver.execute_script("return document.scripts.length;")


def test_tianqiao_build_draws_every_located_project(chromium, tmp_path):
    """The real default build: each layer file's features are drawn, with legend, control and labels."""
    import json

    from geo.pipeline import run_build

    run_build(out_dir=tmp_path, basemap="none")
    expected = {"zones": 15, "outline": 1}
    for path in (tmp_path / "layers").glob("*.geojson"):
        if path.stem not in ("subdistricts", "district_outline"):
            expected[f"projects:{path.stem}"] = len(json.loads(path.read_text(encoding="utf-8"))["features"])
    driver = chromium()
    state = _open(driver, tmp_path / "maps_out" / "projects.html")
    assert driver.execute_script(COUNT_LAYERS_JS) == expected
    assert state["legend"] == 1 and "approximate (not official)" in state["legendText"]
    assert state["layerControl"] == 1 and state["scale"] == 1
    assert len(state["labels"]) == 15
    # At the fitted zoom only labels of 街道 wider than their label are visible.
    visible = driver.execute_script(
        "return Array.from(document.querySelectorAll('.geo-zone-label'))"
        ".filter(function (t) { return getComputedStyle(t).display !== 'none'; }).length;")
    assert 0 < visible < 15
    driver.save_screenshot(str(tmp_path / "tianqiao_projects.png"))
    assert _severe(driver) == []
    state = _open(driver, tmp_path / "maps_out" / "coverage.html")
    assert driver.execute_script(COUNT_LAYERS_JS) == {"coverage:projects": 15, "outline": 1}
    driver.save_screenshot(str(tmp_path / "tianqiao_coverage.png"))
    assert _severe(driver) == []
    driver.get((tmp_path / "maps_out" / "index.html").as_uri())
    links = driver.execute_script("return Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href'));")
    assert {"projects.html", "coverage.html", "coverage.md", "coverage.csv"} <= set(links)


def test_every_jinja_and_html_payload_shows_literally_in_chromium(chromium, tmp_path):
    """Payloads of every Jinja form and HTML/JS, as names, actions, quotes, sources, 街道 and title."""
    from test_render_safety import PAYLOADS, _payload_projects

    from geo import render
    from test_render import make_coverage, make_outline

    zones = make_zones(names=PAYLOADS[:3])
    outline = make_outline(zones)
    outline["name"] = PAYLOADS[3]
    render.render_maps(_payload_projects(), zones, outline, make_coverage(zones), tmp_path / "evil", basemap="none")
    render_fixture(tmp_path / "clean", basemap="none")
    driver = chromium()
    for page in ("projects.html", "coverage.html"):
        state = _open(driver, tmp_path / "evil" / page)
        assert sorted(state["labels"]) == sorted(PAYLOADS[:3]), page
        assert driver.title.split(" · ", 1)[1].startswith(PAYLOADS[3]), page
        assert PAYLOADS[3] in state["legendText"], page
    _open(driver, tmp_path / "evil" / "projects.html")
    result = driver.execute_script(FIND_LAYER_JS + """
        var out = [];
        group.eachLayer(function (marker) {
            marker.openPopup();
            var popup = marker.getPopup().getElement().querySelector('.leaflet-popup-content');
            out.push({name: popup.querySelector('b').textContent,
                      quote: popup.querySelector('.geo-quote').textContent});
        });
        return {shown: out, alerts: window.__alerts, scripts: document.scripts.length,
                injected: document.querySelectorAll('img, .leaflet-popup-content script').length};
    """, "projects:health")
    assert sorted(item["name"] for item in result["shown"]) == sorted(PAYLOADS)
    assert all(item["quote"] == f"“{item['name']}”" for item in result["shown"])
    assert result["alerts"] == [] and result["injected"] == 0
    _open(driver, tmp_path / "clean" / "projects.html")
    assert result["scripts"] == driver.execute_script("return document.scripts.length;")
    assert _severe(driver) == []


def test_default_build_opens_on_an_intranet_with_every_layer_and_a_tile_notice(chromium, tmp_path):
    """The default build (OSM basemap, nothing passed) with the network blocked, as on an intranet."""
    import json

    from geo.pipeline import run_build

    run_build(out_dir=tmp_path)
    expected = {"zones": 15, "outline": 1}
    for path in (tmp_path / "layers").glob("*.geojson"):
        if path.stem not in ("subdistricts", "district_outline"):
            expected[f"projects:{path.stem}"] = len(json.loads(path.read_text(encoding="utf-8"))["features"])
    driver = chromium("--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9")
    for page, layers in (("projects.html", expected), ("coverage.html", {"coverage:projects": 15, "outline": 1})):
        state = _open(driver, tmp_path / "maps_out" / page)
        assert state["leaflet"], page
        assert driver.execute_script(COUNT_LAYERS_JS) == layers, page
        notice = driver.execute_async_script("""
            var done = arguments[arguments.length - 1], started = Date.now();
            (function poll() {
                var boxes = document.querySelectorAll('.geo-tile-notice');
                if (boxes.length || Date.now() - started > 10000) {
                    done(Array.from(boxes).map(function (b) { return b.textContent; }));
                } else { setTimeout(poll, 100); }
            })();""")
        assert len(notice) == 1 and "Basemap tiles could not be loaded" in notice[0], page
    driver.save_screenshot(str(tmp_path / "intranet.png"))


def test_default_build_served_from_an_intranet_web_server_subfolder_logs_no_errors(chromium, tmp_path):
    """The build copied into a subfolder of an intranet web server (no favicon at its root), no internet."""
    import functools
    import http.server
    import threading

    from geo.pipeline import run_build

    run_build(out_dir=tmp_path / "site" / "规划" / "tianqiao")
    handler = functools.partial(_QuietHandler, directory=str(tmp_path / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/%E8%A7%84%E5%88%92/tianqiao/maps_out/"
        driver = chromium("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--proxy-server=127.0.0.1:9",
                          "--proxy-bypass-list=127.0.0.1")
        for page in ("index.html", "projects.html", "coverage.html"):
            driver.get(base + page)
            if page != "index.html":
                assert driver.execute_script(PAGE_STATE_JS)["leaflet"], page
            assert _severe(driver) == [], page
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_a_cdn_map_opened_without_internet_says_why_it_shows_no_map(chromium, tmp_path):
    """A --cdn map on an intranet loaded no Leaflet and showed a blank white page, saying nothing."""
    render_fixture(tmp_path / "maps", basemap="none", inline=False)
    driver = chromium("--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9")
    for page in ("projects.html", "coverage.html"):
        state = _open(driver, tmp_path / "maps" / page)
        assert not state["leaflet"], page
        notice = driver.execute_script("""
            var box = document.querySelector('.geo-leaflet-notice');
            return box && box.offsetHeight > 0 ? box.textContent : null;""")
        assert notice and "--cdn" in notice and "Leaflet" in notice, page
        assert driver.execute_script("return window.__alerts") == []


NO_NETWORK = ("--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9")
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")

# Everything a planner does on a page: zoom, every popup and tooltip, each overlay off and on again.
USE_PAGE_JS = """
var done = arguments[arguments.length - 1], map = window[document.querySelector('.folium-map').id];
map.setZoom(map.getZoom() + 2, {animate: false});
map.setZoom(map.getZoom() - 3, {animate: false});
map.eachLayer(function (group) {
    if (!(group instanceof L.GeoJSON)) { return; }
    group.eachLayer(function (sub) {
        if (sub.getPopup()) { sub.openPopup(); sub.closePopup(); }
        sub.fire('mouseover', {latlng: sub.getBounds ? sub.getBounds().getCenter() : sub.getLatLng()}, true);
    });
});
document.querySelectorAll('.leaflet-control-layers-overlays input').forEach(function (box) { box.click(); box.click(); });
setTimeout(done, 500);
"""


def test_a_map_without_basemap_sends_no_request_off_the_machine(chromium, tmp_path):
    """--basemap none: opening and using each page (zoom, popups, tooltips, layers, the placing panel and its
    download) asks for nothing but the page's own file, as DevTools' network log records it."""
    import json

    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    render_fixture(tmp_path / "maps", basemap="none")
    driver = chromium(*NO_NETWORK, network_log=True)
    driver.get_log("performance")  # the browser's own start-up pages
    for page in ("index.html", "projects.html", "coverage.html"):
        driver.get((tmp_path / "maps" / page).as_uri())
        if page == "index.html":
            continue
        driver.execute_async_script(USE_PAGE_JS)
        if page == "projects.html":
            driver.find_element(By.CSS_SELECTOR, ".geo-panel-unlocated .geo-panel-place").click()
            ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, ".folium-map")).click().perform()
            driver.find_element(By.CSS_SELECTOR, ".geo-panel-download").click()
            assert driver.execute_script("return Object.keys(window.geoPanel.placed).length") == 1
    events = [json.loads(entry["message"])["message"] for entry in driver.get_log("performance")]
    # what the maps' documents asked for (not the browser's own new-tab page, which it loads at start)
    asked = [event["params"]["request"]["url"] for event in events if event["method"] == "Network.requestWillBeSent"
             and event["params"].get("documentURL", "").startswith((tmp_path / "maps").as_uri())]
    assert {(tmp_path / "maps" / page).as_uri() for page in ("index.html", "projects.html", "coverage.html")} <= set(asked)
    assert [url for url in asked if not url.startswith(LOCAL_SCHEMES)] == []
    assert _severe(driver) == []


def test_the_coverage_map_shows_one_choropleth_at_a_time_with_its_street_names(chromium, offline_maps):
    """Ticking road km over projects laid one 0.7-opaque fill over the other: colours no legend row has.
    The two choropleths are a choice (radio buttons), and the one chosen carries the 街道 names."""
    driver = chromium()
    _open(driver, offline_maps / "coverage.html")
    # (the labels of the layer taken off fade out in 200 ms)
    choose = """
        var wanted = arguments[0], done = arguments[arguments.length - 1];
        Array.from(document.querySelectorAll('.leaflet-control-layers label')).forEach(function (label) {
            if (label.textContent.indexOf(wanted) >= 0) { label.querySelector('input').click(); }
        });
        setTimeout(function () { done({layers: Object.keys((function () {
                    var map = window[document.querySelector('.folium-map').id], found = {};
                    map.eachLayer(function (l) { if (l instanceof L.GeoJSON) { found[l.options.geoLayer] = 1; } });
                    return found; })()).sort(),
                labels: Array.from(document.querySelectorAll('.geo-zone-label')).map(function (t) { return t.textContent; }),
                kinds: Array.from(document.querySelectorAll('.leaflet-control-layers label')).filter(function (l) {
                    return l.textContent.indexOf('per 街道') >= 0; }).map(function (l) {
                    return l.querySelector('input').type; })}); }, 400);"""
    road = driver.execute_async_script(choose, "Road works km")
    assert road["layers"] == ["coverage:road_km", "outline"]
    assert sorted(road["labels"]) == sorted(make_zones()["name"])
    assert road["kinds"] == ["radio", "radio"]
    projects = driver.execute_async_script(choose, "项目数 Projects")
    assert projects["layers"] == ["coverage:projects", "outline"]
    assert sorted(projects["labels"]) == sorted(make_zones()["name"])
    assert _severe(driver) == []


def test_a_street_tooltip_of_many_categories_stays_on_the_screen(chromium, tmp_path):
    """A 街道 with projects of every category: its tooltip's one line of categories ran off the screen."""
    from test_render import make_coverage

    from geo.data import category_codes

    zones = make_zones()
    coverage = make_coverage(zones)
    for code in category_codes():
        coverage.loc[0, code] = 3
    render_fixture(tmp_path / "maps", coverage=coverage, basemap="none")
    driver = chromium()
    _open(driver, tmp_path / "maps" / "coverage.html")
    box = driver.execute_script(FIND_LAYER_JS + """
        var zone = group.getLayers()[0];
        zone.fire('mouseover', {latlng: zone.getCenter()}, true);
        var tip = document.querySelector('.geo-tooltip'), r = tip.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: window.innerWidth,
                height: window.innerHeight, text: tip.textContent};""", "coverage:projects")
    assert "养老福利 Elderly care and welfare 3" in box["text"]
    assert 0 <= box["left"] and box["right"] <= box["width"], box
    assert 0 <= box["top"] and box["bottom"] <= box["height"], box


def _hovered_school(chromium, tmp_path, name):
    """A browser on the projects map of one school named ``name``, the pointer on its marker."""
    from selenium.webdriver.common.action_chains import ActionChains
    from shapely.geometry import Point

    from geo.catalog import features_to_gdf
    from test_render import _feature

    render_fixture(tmp_path / "maps", basemap="none",
                   projects=features_to_gdf([_feature(1, name, "school", "建设", Point(116.985, 36.68))]))
    driver = chromium()
    _open(driver, tmp_path / "maps" / "projects.html")
    x, y = driver.execute_script("var map = window[document.querySelector('.folium-map').id];"
                                 "var p = map.latLngToContainerPoint([36.68, 116.985]); return [p.x, p.y];")
    hover = ActionChains(driver)
    hover.w3c_actions.pointer_action.move_to_location(round(x), round(y))
    hover.perform()
    return driver


def test_a_very_long_project_name_on_hover_stays_on_the_screen(chromium, tmp_path):
    """A name of 72 characters (a report's 综合整治提升工程 repeated) showed on hover as one line past the edge."""
    name = "北園大街綜合整治提升工程" * 6
    driver = _hovered_school(chromium, tmp_path, name)
    box = hover_tip_box(driver)
    assert box["text"] == name
    assert 0 <= box["left"] and box["right"] <= box["width"], box


def test_the_tile_notice_is_not_hidden_under_the_layer_control(chromium, tmp_path):
    """With no network the one line saying the tiles could not be loaded ran under the open layer control."""
    render_fixture(tmp_path / "maps", basemap="osm")
    driver = chromium(*NO_NETWORK)
    for page in ("coverage.html", "projects.html"):
        _open(driver, tmp_path / "maps" / page)
        boxes = driver.execute_async_script("""
            var done = arguments[arguments.length - 1], started = Date.now();
            function rect(selector) {
                var r = document.querySelector(selector).getBoundingClientRect();
                return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
            }
            (function poll() {
                if (document.querySelector('.geo-tile-notice')) {
                    done({notice: rect('.geo-tile-notice'), control: rect('.leaflet-control-layers'),
                          width: window.innerWidth});
                } else if (Date.now() - started > 10000) { done(null); } else { setTimeout(poll, 100); }
            })();""")
        assert boxes, page
        notice, control = boxes["notice"], boxes["control"]
        apart = (notice["right"] <= control["left"] or control["bottom"] <= notice["top"]
                 or notice["bottom"] <= control["top"])
        assert apart and notice["right"] <= boxes["width"], (page, boxes)


def test_a_2000_character_project_name_leaves_its_popup_and_hover_name_on_the_screen(chromium, tmp_path):
    """A name of 2,000 characters (a report's run-on paragraph taken as one name): its popup grew 1,856 px tall
    on a 757 px window, its category, geocode and quote below the screen, and its hover name as tall."""
    import time

    name = "白石路" + "长" * 1994 + "改造工程"
    driver = _hovered_school(chromium, tmp_path, name)
    tip = hover_tip_box(driver)
    tip_height = driver.execute_script(HOVER_TIP_BOX_JS.replace("return {", "return {bottom: r.bottom, top: r.top, "))
    assert tip["text"] == name
    assert 0 <= tip_height["top"] and tip_height["bottom"] <= driver.execute_script("return window.innerHeight;"), tip_height
    box = None
    for _ in range(50):  # the popup opens, then the map pans to show it
        box = driver.execute_script(FIND_LAYER_JS + """
            var sub = group.getLayers()[0];
            if (!sub.isPopupOpen()) { sub.openPopup(); }
            var el = sub.getPopup().getElement(), content = el.querySelector('.leaflet-popup-content');
            var r = el.getBoundingClientRect();
            return {top: r.top, bottom: r.bottom, height: window.innerHeight, text: content.textContent,
                    scrolls: content.scrollHeight > content.clientHeight};""", "projects:school")
        if 0 <= box["top"] and box["bottom"] <= box["height"]:
            break
        time.sleep(0.1)
    assert 0 <= box["top"] and box["bottom"] <= box["height"], {k: box[k] for k in ("top", "bottom", "height")}
    assert name in box["text"] and "学校教育 School" in box["text"] and box["scrolls"]
    assert _severe(driver) == []


BOX_JS = """var e = document.querySelector(arguments[0]); if (!e) { return null; }
var r = e.getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, height: r.height};"""


PANEL_LIST_JS = """var body = document.querySelector('.geo-panel-body');
return body.clientHeight >= body.scrollHeight ? 1e9 : body.clientHeight;"""


def _window(driver, width, height):
    """The page's window (viewport) exactly ``width`` x ``height`` CSS pixels, as a small screen gives it."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def test_a_small_window_folds_the_layer_list_leaving_the_panel_its_list_and_the_tile_notice_seen(chromium, tmp_path):
    """An 800x600 screen (a window of 800x480): the open layer list left the placing panel's list 60 px, and on the
    coverage map it covered the tile notice. It now starts folded into its button, which opens it."""
    from selenium.webdriver.support.ui import WebDriverWait

    render_fixture(tmp_path / "maps", basemap="osm")
    driver = chromium(*NO_NETWORK)
    _window(driver, 800, 480)
    for page in ("projects.html", "coverage.html"):
        driver.get((tmp_path / "maps" / page).as_uri())
        notice = WebDriverWait(driver, 10).until(lambda d: d.execute_script(BOX_JS, ".geo-tile-notice"))
        layers = driver.execute_script(BOX_JS, ".leaflet-control-layers")
        assert layers["height"] < 60, page  # the button, not the list
        overlap = layers["left"] < notice["right"] and layers["top"] < notice["bottom"] and notice["top"] < layers["bottom"]
        assert not overlap, page
        if page == "projects.html":  # the panel's list as tall as it needs, up to 200 px
            assert driver.execute_script(PANEL_LIST_JS) >= 200
    driver.find_element("css selector", ".leaflet-control-layers-toggle").click()
    assert driver.execute_script(BOX_JS, ".leaflet-control-layers-list")["height"] > 60  # a tap opens it
    _window(driver, 1200, 800)  # a desktop window keeps the list open
    driver.get((tmp_path / "maps" / "projects.html").as_uri())
    assert driver.execute_script(BOX_JS, ".leaflet-control-layers")["height"] > 100
    assert driver.execute_script(BOX_JS, ".geo-legend")["height"] > 100  # folded on a phone only
    assert _severe(driver) == []
