"""The panel's review in headless Chromium: mark projects not a project, add one the report missed,
download placed.csv, build with it, and see both again on the rebuilt page; crafted names stay text."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest
import shapely

from geo import settings
from test_render import page_data
from test_render_panel_browser import _csv_rows, _download, _draw, _errors, _open, _row

pytestmark = pytest.mark.browser

CRAFTED = "<img src=x onerror=alert(1)>{{7*7}}</script>"


def _mark(driver, project_id):
    """Press a project's 不是项目 Not a project (or Unmark) button."""
    from selenium.webdriver.common.by import By

    _row(driver, project_id).find_element(By.CSS_SELECTOR, ".geo-panel-mark").click()
    time.sleep(0.05)


def _marked(driver):
    return sorted(driver.execute_script("return Object.keys(geoPanel.marked);"))


def _add(driver, name, category):
    """Open 新增项目 Add a project, type a name (set as a keyboard would, with the input event), choose a
    category and press its Place; the panel's problem line afterwards ('' when it took the name)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    form = driver.find_element(By.CSS_SELECTOR, ".geo-panel-add")
    if not form.get_attribute("open"):
        summary = form.find_element(By.CSS_SELECTOR, "summary")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", summary)
        summary.click()
    box = form.find_element(By.CSS_SELECTOR, ".geo-panel-add-name")
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
                          box, name)
    Select(form.find_element(By.CSS_SELECTOR, ".geo-panel-add-category")).select_by_value(category)
    form.find_element(By.CSS_SELECTOR, ".geo-panel-add-place").click()
    time.sleep(0.05)
    return form.find_element(By.CSS_SELECTOR, ".geo-panel-problem").text


def _inert(driver):
    """Nothing the crafted name holds ran or became markup."""
    assert driver.execute_script("return window.__alerts;") == []
    assert driver.execute_script("return document.querySelectorAll('img[src=\"x\"]').length;") == 0
    assert driver.execute_script("return document.body.textContent.indexOf('{{7*7}}') >= 0;")
    assert "49" not in driver.execute_script("return document.querySelector('.geo-panel').textContent;")


def test_planner_marks_two_projects_not_a_project_adds_one_and_the_rebuild_keeps_both(browser, tmp_path):
    from geo.pipeline import run_build

    run_build(out_dir=tmp_path)
    page = tmp_path / "maps_out" / "projects.html"
    panel = page_data(page.read_text(encoding="utf-8"))["panel"]
    unlocated = panel["unlocated"][0]
    located = next(item for item in panel["located"] if item["kind"] == "point")
    changed_mind = panel["unlocated"][1]

    _open(browser, page)
    # Marked, unmarked: the planner's last word counts; a located project from the folded list.
    for item in (unlocated, changed_mind, located, changed_mind):
        _mark(browser, item["id"])
    assert _marked(browser) == sorted([unlocated["id"], located["id"]])
    row = _row(browser, located["id"])
    assert "geo-panel-marked" in row.get_attribute("class") and "Unmark" in row.text

    # Add: a name the page lists already is refused, an empty one too; a new one is placed as a point.
    assert "listed" in _add(browser, f"  {unlocated['name']} ", "culture")
    assert "name" in _add(browser, "   ", "culture")
    assert _add(browser, CRAFTED, "culture") == ""
    spot = (117.0020, 36.6900)
    _draw(browser, "point", [spot])
    for _ in range(100):
        if len(_csv_rows(browser)) == 3:
            break
        time.sleep(0.05)
    rows = _csv_rows(browser)
    by_name = {row["name"]: row for row in rows}
    assert set(by_name) == {unlocated["name"], located["name"], CRAFTED}
    for item in (unlocated, located):
        row = by_name[item["name"]]
        assert (row["category"], row["lon"], row["lat"], row["wkt"]) == (item["category"], "", "", "")
        assert row["source"] == settings.HAND_REMOVED_SOURCE
    added = by_name[CRAFTED]
    assert added["category"] == "culture" and added["source"] == settings.HAND_ADDED_SOURCE
    assert added["method"].startswith(f"{settings.HAND_ADDED_SOURCE} at zoom")
    assert shapely.from_wkt(added["wkt"]).distance(shapely.Point(spot)) < 1e-5
    _inert(browser)
    placed_csv = _download(browser, tmp_path / "downloads")
    assert placed_csv.read_bytes().startswith(b"\xef\xbb\xbf")
    assert _errors(browser) == []

    run_build(out_dir=tmp_path, gazetteers=[placed_csv])
    features = json.loads((tmp_path / "projects.geojson").read_text(encoding="utf-8"))["features"]
    catalog = {f["properties"]["name"]: f for f in features}
    for item in (unlocated, located):
        assert catalog[item["name"]]["properties"]["geocode"]["status"] == "removed"
        assert catalog[item["name"]]["geometry"] is None
    assert catalog[CRAFTED]["properties"]["geocode"]["source"] == settings.HAND_ADDED_SOURCE
    assert catalog[CRAFTED]["properties"]["subdistricts"]  # joined to its 街道

    # The rebuilt page shows both states, and the next download writes the same file again.
    _open(browser, page)
    assert _marked(browser) == sorted([unlocated["id"], located["id"]])
    rebuilt = page_data(page.read_text(encoding="utf-8"))["panel"]
    added_item = next(item for item in rebuilt["located"] if item.get("added"))
    assert added_item["name"] == CRAFTED
    assert "Unmark" in _row(browser, unlocated["id"]).text
    assert CRAFTED in _row(browser, added_item["id"]).text
    assert browser.execute_script("return Object.keys(geoPanel.placed);") == [added_item["id"]]
    _inert(browser)
    again = browser.execute_script("return geoPanel.csv();")
    assert again.encode("utf-8") == placed_csv.read_bytes()
    assert [r["name"] for r in csv.DictReader(io.StringIO(again[1:]))] == [r["name"] for r in rows]
    assert _errors(browser) == []

    # Unmarked on the rebuilt page: the next download no longer removes it.
    _mark(browser, located["id"])
    assert located["name"] not in {row["name"] for row in _csv_rows(browser)}


def test_an_added_name_opening_like_a_formula_is_written_as_text_and_one_not_drawn_is_not_written(browser, tmp_path):
    from test_render import render_fixture

    render_fixture(tmp_path, basemap="none")
    _open(browser, tmp_path / "projects.html")
    assert _add(browser, "=1+1", "school") == ""
    _draw(browser, "point", [(117.004, 36.684)])
    assert _add(browser, "未画的项目", "school") == ""  # drawing started, then cancelled
    browser.execute_script("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}));")
    for _ in range(100):
        if len(_csv_rows(browser)) == 1:
            break
        time.sleep(0.05)
    rows = _csv_rows(browser)
    assert [(row["name"], row["source"]) for row in rows] == [("'=1+1", settings.HAND_ADDED_SOURCE)]
    assert _errors(browser) == []
