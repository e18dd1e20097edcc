"""The placing panel used with the keyboard alone, in headless Chromium: where the keys go once a project is
placed or its drawing cancelled."""

from __future__ import annotations

import time

import pytest

from test_render_panel_browser import _csv_rows, _errors, _first_unlocated_at, _row

pytestmark = pytest.mark.browser

FOCUSED_JS = """var e = document.activeElement, row = e.closest && e.closest('.geo-panel-item');
return {tag: e.tagName, cls: String(e.className && e.className.baseVal !== undefined ? e.className.baseVal : e.className),
        row: row ? row.getAttribute('data-project') : null};"""


def _keys(driver, *sequence):
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(*sequence).perform()
    time.sleep(0.3)  # a pan by the arrow keys is animated


def test_after_a_point_placed_or_a_drawing_cancelled_by_key_the_keys_are_back_on_the_projects_row(browser, tmp_path):
    """Space placed the point, but the keys stayed on the map: Tab then went through every shape drawn on it (480 on a
    report of 570 projects) and the zoom buttons and layer list before it reached the panel again."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    project, _, _ = _first_unlocated_at(browser, tmp_path)
    place = _row(browser, project).find_element(By.CSS_SELECTOR, ".geo-panel-place")
    browser.execute_script("arguments[0].focus();", place)
    _keys(browser, Keys.ENTER, Keys.ARROW_RIGHT, Keys.SPACE)
    assert len(_csv_rows(browser)) == 1
    focused = browser.execute_script(FOCUSED_JS)
    assert focused["row"] == project and "geo-panel-place" in focused["cls"], focused
    _keys(browser, Keys.TAB)
    assert browser.execute_script(FOCUSED_JS)["row"] == project  # on to its own buttons (Edit, Remove)

    Select(_row(browser, project).find_element(By.CSS_SELECTOR, "select.geo-panel-kind")).select_by_value("line")
    browser.execute_script("arguments[0].focus();", place)
    _keys(browser, Keys.ENTER, Keys.SPACE, Keys.ARROW_UP, Keys.ESCAPE)  # a line begun, then cancelled
    focused = browser.execute_script(FOCUSED_JS)
    assert focused["row"] == project and "geo-panel-place" in focused["cls"], focused
    assert _errors(browser) == []
