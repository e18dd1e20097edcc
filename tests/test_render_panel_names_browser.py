"""The placing panel in headless Chromium with a project of a very long name (a report's run-on paragraph taken
as one name): what is being drawn, and its buttons, stay within the panel and on the screen."""

from __future__ import annotations

import pytest
import shapely

from test_render import _feature, render_fixture
from test_render_panel_browser import _click, _open, _pixel, _start, _view, _errors

pytestmark = pytest.mark.browser

NAME = "白石路" + "长" * 1994 + "改造工程"

BOXES_JS = """
    function box(selector) {
        var r = document.querySelector(selector).getBoundingClientRect();
        return {top: r.top, bottom: r.bottom};
    }
    return {panel: box('.geo-panel'), status: box('.geo-panel-status'), actions: box('.geo-panel-actions'),
            body: box('.geo-panel-body'), height: window.innerHeight,
            text: document.querySelector('.geo-panel-status').textContent,
            buttons: Array.from(document.querySelectorAll('.geo-panel-actions button')).map(function (b) {
                var r = b.getBoundingClientRect(); return {text: b.textContent, top: r.top, bottom: r.bottom}; })};"""


def test_a_2000_character_name_being_drawn_leaves_the_drawing_buttons_in_the_panel_on_the_screen(browser, tmp_path):
    """Its name, shown whole above the list, grew the panel's head past the panel: Finish, Undo point and Cancel
    lay below it, the text ran out of the panel over the map, the list had no height left, and the project's row
    in it was 1,400 px tall, its buttons a long scroll from its Place button."""
    from geo.catalog import features_to_gdf

    feature = _feature(1, NAME, "road_new", "新建", None)
    feature["properties"]["geocode"] = {"status": "unlocated", "reason": "no line named it"}
    render_fixture(tmp_path, projects=features_to_gdf([feature]), basemap="none")
    _open(browser, tmp_path / "projects.html")
    _view(browser, 116.99, 36.68, zoom=15)
    x, y = _pixel(browser, 116.985, 36.68)
    _start(browser, "road_new-1", "line")
    _click(browser, x, y)
    _click(browser, x + 80, y)
    boxes = browser.execute_script(BOXES_JS)
    assert NAME in boxes["text"]  # whole in the page, as the planner may copy it
    assert [b["text"] for b in boxes["buttons"]] == ["完成 Finish", "撤销一点 Undo point", "取消 Cancel"]
    for button in boxes["buttons"]:
        assert boxes["panel"]["top"] <= button["top"] and button["bottom"] <= min(boxes["panel"]["bottom"], boxes["height"]), boxes
    assert boxes["status"]["bottom"] <= boxes["panel"]["bottom"], boxes
    assert boxes["body"]["bottom"] - boxes["body"]["top"] >= 40, boxes  # the list keeps some height
    row = browser.execute_script("""
        var row = document.querySelector('.geo-panel-item[data-project="road_new-1"]');
        return {row: row.getBoundingClientRect().height, body: document.querySelector('.geo-panel-body').clientHeight,
                name: row.querySelector('.geo-panel-name').textContent};""")
    assert row["name"] == NAME and row["row"] <= row["body"], row  # the row and its buttons seen at once
    assert _errors(browser) == []


def test_placed_csv_writes_a_name_without_its_bidi_controls_and_geo_matches_it(browser, tmp_path):
    """青松\u202e路小学 (an override copied from a web page) was written to placed.csv with it: Excel showed the name
    as 青松学小路. The row now says 青松路小学, and it places the project named with the control."""
    from geo.catalog import features_to_gdf
    from geo.gazetteer import Gazetteer
    from geo.gazetteer_files import load_file
    from geo.geocode import geocode_projects
    from test_render_panel_browser import _csv_rows

    name = "青松\u202e路小学"
    feature = _feature(1, name, "school", "建设", None)
    feature["properties"]["geocode"] = {"status": "unlocated", "reason": "no point named it"}
    render_fixture(tmp_path, projects=features_to_gdf([feature]), basemap="none")
    _open(browser, tmp_path / "projects.html")
    _view(browser, 117.0, 36.68, zoom=17)
    x, y = _pixel(browser, 117.0, 36.68)
    _start(browser, "school-1", "point")
    _click(browser, x, y)
    rows = _csv_rows(browser)
    assert [r["name"] for r in rows] == ["青松路小学"]
    path = tmp_path / "placed.csv"
    path.write_text("\ufeff" + browser.execute_script("return geoPanel.csv();")[1:], encoding="utf-8")
    project = {"id": "school-1", "properties": {"id": "school-1", "name": name, "category": "school", "named": True},
               "geometry": None}
    located, _ = geocode_projects([project], Gazetteer().add_tier("user gazetteer placed.csv", load_file(path)),
                                  shapely.box(116.9, 36.6, 117.1, 36.8))
    assert located[0]["geometry"].distance(shapely.Point(117.0, 36.68)) < 1e-4
    assert _errors(browser) == []
