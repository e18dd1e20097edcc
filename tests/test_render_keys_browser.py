"""The maps used with the keyboard alone, in headless Chromium: reaching the controls."""

from __future__ import annotations

import pytest

from test_render import render_fixture

pytestmark = pytest.mark.browser

FOCUSED_JS = "var e = document.activeElement; return [e.tagName, String(e.className), (e.textContent || '').trim()];"


@pytest.mark.parametrize("page", ["projects.html", "coverage.html"])
def test_the_first_tab_stop_skips_the_drawn_shapes_to_the_map_controls(chromium, tmp_path, page):
    """Tab went from the map through every shape with a hover name (Chromium makes each a tab stop: 480 on a report
    of 570 projects) before the zoom buttons, the layer list, the legend and the placing panel."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    render_fixture(tmp_path / "maps", basemap="none")
    driver = chromium()
    driver.get((tmp_path / "maps" / page).as_uri())
    ActionChains(driver).send_keys(Keys.TAB).perform()
    tag, cls, text = driver.execute_script(FOCUSED_JS)
    assert "geo-skip" in cls and "Skip to the map controls" in text
    assert driver.execute_script("return document.activeElement.getBoundingClientRect().left") >= 0  # seen, focused
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert "leaflet-control-zoom-in" in driver.execute_script(FOCUSED_JS)[1]
    if page == "projects.html":
        for _ in range(12):  # zoom in, out, the layer list's boxes, the legend's title: then the panel
            ActionChains(driver).send_keys(Keys.TAB).perform()
            if "geo-panel-toggle" in driver.execute_script(FOCUSED_JS)[1]:
                break
        else:
            raise AssertionError("the panel is more than 12 tab stops from the zoom buttons")
