"""The coverage map's overlaps, notes and long names, and the legend's room, in headless Chromium (network cut)."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from test_render import EVIL, _feature, make_zones, render_fixture
from test_render_coverage_notes import _render, _strip_projects, overlapping_zones
from test_render_coverage_table_browser import MAP_JS, OUTLINED_JS

pytestmark = pytest.mark.browser

# Whether, at the middle of the overlap, its shape lies above every 街道 drawn there (labels and controls aside).
OVERLAP_ON_TOP_JS = MAP_JS + """var shape = null, zones = [];
map.eachLayer(function (l) { if (l.feature && map.hasLayer(l) && l.getElement) {
  if (l.feature.properties.codes) { shape = l; } else if (l.feature.properties.code) { zones.push(l.getElement()); } } });
var p = map.latLngToContainerPoint(shape.getBounds().getCenter()), r = map.getContainer().getBoundingClientRect();
var stack = document.elementsFromPoint(r.left + p.x, r.top + p.y), at = stack.indexOf(shape.getElement());
var below = stack.filter(function (node) { return zones.indexOf(node) >= 0; });
return at >= 0 && below.length > 0 && below.every(function (node) { return stack.indexOf(node) > at; });"""
RECT_JS = "var r = arguments[0].getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};"
SHAPE_RECT_JS = MAP_JS + """var out = null, code = arguments[0]; map.eachLayer(function (l) {
  if (l.feature && l.feature.properties.code === code && map.hasLayer(l)) { out = l.getElement(); } });
var r = out.getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};"""
SETTLED_JS = MAP_JS + "return !map._animatingZoom && !(map._panAnim && map._panAnim._inProgress);"


def _meet(a, b):
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def _settle(driver):
    """Wait for a zoom asked for to end (Leaflet starts its animation a frame later)."""
    import time

    from selenium.webdriver.support.ui import WebDriverWait

    time.sleep(0.4)
    WebDriverWait(driver, 5).until(lambda d: d.execute_script(SETTLED_JS))


def test_the_overlap_stays_drawn_over_either_choropleth_and_an_outlined_jiedao(chromium, tmp_path):
    """Drawn among the choropleths, the overlap went under the other one when chosen in the layer list (Leaflet
    draws the layer added last on top), and under a 街道 a row outlines (brought to the front): it has a pane above."""
    _render(tmp_path, overlapping_zones(), projects=_strip_projects(), basemap="none")
    driver = chromium("--window-size=1700,900")
    driver.get((tmp_path / "coverage.html").as_uri())
    _settle(driver)  # the zoom to the district as the page opens
    assert driver.execute_script(OVERLAP_ON_TOP_JS)
    driver.find_elements("css selector", ".leaflet-control-layers-base input")[1].click()  # road km
    assert driver.execute_script(OVERLAP_ON_TOP_JS)
    driver.find_elements("css selector", ".geo-cov-table tbody tr .geo-cov-go")[1].click()  # 乙街道, outlined
    _settle(driver)
    assert driver.execute_script(OUTLINED_JS) == ["370105002"]
    assert driver.execute_script(OVERLAP_ON_TOP_JS)


def test_a_note_goes_to_the_two_jiedao_that_overlap_and_marks_both_rows(chromium, tmp_path):
    """The table named no overlap; its note does, and a click (or Enter) on it shows the pair, both outlined."""
    from selenium.webdriver.common.keys import Keys

    _render(tmp_path, overlapping_zones(), projects=_strip_projects(), basemap="none")
    driver = chromium("--window-size=1280,800")
    driver.get((tmp_path / "coverage.html").as_uri())
    driver.find_element("css selector", ".geo-cov-toggle").click()
    driver.execute_script(MAP_JS + "map.setView([36.68, 117.02], 16, {animate: false});")  # 丙街道 alone in view
    note = driver.find_element("css selector", ".geo-cov-note-go")
    assert note.text.startswith("甲街道 / 乙街道: ")
    note.send_keys(Keys.ENTER)
    _settle(driver)
    assert sorted(driver.execute_script(OUTLINED_JS)) == ["370105001", "370105002"]
    marked = driver.execute_script("return Array.from(document.querySelectorAll('.geo-cov-table tr[aria-current]'), "
                                   "function (tr) { return tr.cells[0].textContent; });")
    assert marked == ["甲街道", "乙街道"]
    table = driver.execute_script(RECT_JS, driver.find_element("css selector", ".geo-cov"))
    legend = driver.execute_script(RECT_JS, driver.find_element("css selector", ".geo-legend"))
    frame = driver.execute_script(RECT_JS, driver.find_element("css selector", ".folium-map"))
    for code in ("370105001", "370105002"):
        shape = driver.execute_script(SHAPE_RECT_JS, code)
        assert not _meet(shape, table) and not _meet(shape, legend), (code, shape, table, legend)
        assert shape["left"] >= frame["left"] and shape["right"] <= frame["right"]
    assert not [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_hostile_names_in_the_notes_show_as_written(browser, tmp_path):
    names = [EVIL + "街道", "乙\u202e街道", "丙街道"]
    _render(tmp_path, overlapping_zones(names=names), projects=_strip_projects(), basemap="none")
    driver = browser
    driver.get((tmp_path / "coverage.html").as_uri())
    item = driver.find_element("css selector", ".geo-cov-note-go")
    isolated = driver.execute_script("return Array.from(arguments[0].querySelectorAll('bdi'), "
                                     "function (b) { return b.textContent; });", item)
    assert isolated == [names[0], names[1], names[0], EVIL + "学校"]
    assert driver.execute_script("return !document.querySelector('.geo-cov-notes img, .geo-cov-notes script, "
                                 ".geo-cov-print img, .geo-cov-print script') && window.__alerts.length === 0;")
    printed = driver.execute_script("return document.querySelector('.geo-cov-print .geo-cov-notes').textContent;")
    assert f"{EVIL}学校 (学校教育 School), a point" in printed  # the printed copy carries the note too


def test_a_300_character_name_takes_three_lines_of_its_row_and_shows_whole_on_hover(chromium, tmp_path):
    """The row of a 街道 named by 300 characters was some 60 lines tall (with CJK fonts; 109 px here): its figures a
    long scroll from the other rows'. It shows three lines, the whole name in its title, and printed whole."""
    names = ["甲街道", "{{ 7*7 }}东城街道" + "长" * 300, "丙街道"]
    render_fixture(tmp_path, zones=make_zones(names=names), basemap="none")
    driver = chromium("--window-size=1700,900")
    driver.get((tmp_path / "coverage.html").as_uri())
    rows = driver.execute_script("""return Array.from(document.querySelectorAll('.geo-cov-table tbody tr'), function (tr) {
        var go = tr.querySelector('.geo-cov-go');
        return {height: tr.getBoundingClientRect().height, title: go.title, text: go.textContent}; });""")
    line = rows[0]["height"]
    assert rows[1]["height"] < 3.6 * line, (rows[1]["height"], line)
    assert rows[1]["text"] == names[1] and rows[1]["title"].startswith(names[1])
    printed = driver.execute_script("return document.querySelectorAll('.geo-cov-print tbody th')[1].textContent;")
    assert printed == names[1]


def test_a_long_legend_in_a_small_window_keeps_clear_of_the_zoom_buttons_and_tile_notice(chromium, tmp_path):
    """A legend of a score of categories (65% of an 800x600 screen's window) ran up over the tile notice: it scrolls
    within the room below the top-left controls."""
    from selenium.webdriver.support.ui import WebDriverWait

    from geo.catalog import features_to_gdf
    from geo.data import category_codes

    projects = features_to_gdf([_feature(i, f"项目{i}", code, "建设", Point(116.975 + 0.002 * i, 36.67 + 0.001 * i))
                                for i, code in enumerate(category_codes())])
    render_fixture(tmp_path, projects=projects)  # OSM tiles, which the cut network cannot load
    driver = chromium("--window-size=800,600")
    for page in ("projects.html", "coverage.html"):
        driver.get((tmp_path / page).as_uri())
        WebDriverWait(driver, 10).until(lambda d: d.find_elements("css selector", ".geo-tile-notice"))
        legend = driver.find_element("css selector", ".geo-legend")
        box = driver.execute_script(RECT_JS, legend)
        for above in driver.find_elements("css selector", ".leaflet-top.leaflet-left .leaflet-control"):
            assert not _meet(box, driver.execute_script(RECT_JS, above)), page
        if page == "projects.html":
            assert driver.execute_script("return arguments[0].scrollHeight > arguments[0].clientHeight;", legend)


def test_a_row_zooms_to_its_jiedao_clear_of_the_open_legend_as_of_the_table(chromium, tmp_path):
    """A row's 街道 was fitted clear of the table (bottom right) alone: 甲街道 (the west one) then lay under the open
    legend of the two choropleths (bottom left, half the window's height)."""
    render_fixture(tmp_path, zones=make_zones(n=4), basemap="none")
    driver = chromium("--window-size=1280,800")
    driver.get((tmp_path / "coverage.html").as_uri())
    driver.find_element("css selector", ".geo-cov-toggle").click()
    driver.find_elements("css selector", ".geo-cov-table tbody tr .geo-cov-go")[0].click()
    _settle(driver)
    shape = driver.execute_script(SHAPE_RECT_JS, "370105001")
    for control in (".geo-cov", ".geo-legend"):
        assert not _meet(shape, driver.execute_script(RECT_JS, driver.find_element("css selector", control))), control
