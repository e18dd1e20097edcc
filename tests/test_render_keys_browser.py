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


def test_enter_on_a_focused_shape_opens_its_popup_and_esc_closes_it(chromium, tmp_path):
    """Tab reaches each project's shape (its hover name shows) and Enter opens its popup (Leaflet takes Enter for a
    click), but Esc left the popup open: Leaflet's Esc works only while the map itself, not a shape, has the focus."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    render_fixture(tmp_path / "maps", basemap="none")
    driver = chromium()
    driver.get((tmp_path / "maps" / "projects.html").as_uri())
    for _ in range(8):  # past the skip link, the map and the district's outline to the first project's shape
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script("var e = document.activeElement; return e.tagName.toLowerCase() === 'path' && "
                                 "e.classList.contains('leaflet-interactive');"):
            break
    else:
        raise AssertionError("no shape is a tab stop")
    assert not driver.find_elements("css selector", ".leaflet-popup")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    popups = driver.execute_script("return Array.from(document.querySelectorAll('.leaflet-popup-content'), "
                                   "function (e) { return e.textContent; });")
    assert len(popups) == 1 and "Category" in popups[0]
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    WebDriverWait(driver, 3).until(lambda d: not d.find_elements("css selector", ".leaflet-popup"))  # faded out
