"""The maps in headless Chromium on a phone-size screen (375x667, touch): the placing panel, the legend and the
index page as a planner on a phone sees them."""

from __future__ import annotations

import pytest

from test_render import render_fixture
from test_render_panel_browser import _errors, _open

pytestmark = pytest.mark.browser

BOX_JS = """var e = document.querySelector(arguments[0]); if (!e) { return null; }
var r = e.getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};"""

# What is drawn at the middle of an element: the element itself (or a part of it), or what covers it.
ON_TOP_JS = """var e = document.querySelector(arguments[0]), r = e.getBoundingClientRect();
var top = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
return !!top && e.contains(top);"""


def _area(box):
    return max(0, box["right"] - box["left"]) * max(0, box["bottom"] - box["top"])


def test_on_a_phone_the_panel_starts_folded_and_opened_is_not_covered_by_the_legend(phone, tmp_path):
    """375x667: the open panel (310 px wide) covered most of the map and the tile notice, and the legend lay over
    its list and its Download button, which a tap could not reach."""
    from selenium.webdriver.support.ui import WebDriverWait

    render_fixture(tmp_path, basemap="osm")  # no network: the tile notice shows too
    _open(phone, tmp_path / "projects.html")
    notice = WebDriverWait(phone, 10).until(lambda d: d.execute_script(BOX_JS, ".geo-tile-notice"))
    panel = phone.execute_script(BOX_JS, ".geo-panel")
    assert panel["bottom"] - panel["top"] < 60  # its title alone: the map is seen
    assert panel["left"] >= notice["right"] or panel["bottom"] <= notice["top"]  # and so is the notice
    phone.find_element("css selector", ".geo-panel-toggle").click()
    panel, legend = (phone.execute_script(BOX_JS, s) for s in (".geo-panel", ".geo-legend"))
    assert _area(panel) > 310 * 150  # opened by a tap
    assert phone.execute_script(ON_TOP_JS, ".geo-panel-download")  # the legend does not cover it
    assert phone.execute_script(ON_TOP_JS, ".geo-panel-unlocated .geo-panel-place")
    assert legend["bottom"] > legend["top"]  # the legend is still there, under the panel where they meet
    assert _errors(phone) == []


@pytest.mark.parametrize("page", ["projects.html", "coverage.html"])
def test_on_a_phone_the_legend_starts_folded_to_its_title_and_a_tap_opens_it(phone, tmp_path, page):
    """375x667: the coverage legend (318 x 235 px) hid a third of the map, 南岭镇 and its label under it."""
    render_fixture(tmp_path, basemap="none")
    _open(phone, tmp_path / page)
    legend = phone.execute_script(BOX_JS, ".geo-legend")
    assert legend["bottom"] - legend["top"] < 40
    phone.find_element("css selector", ".geo-legend-title").click()
    legend = phone.execute_script(BOX_JS, ".geo-legend")
    assert legend["bottom"] - legend["top"] > 100
    assert _errors(phone) == []


def test_on_a_phone_the_index_page_is_laid_out_for_the_phone_not_a_shrunk_desktop(phone, tmp_path):
    """index.html had no viewport: a phone laid it out 980 px wide and shrank it, its links unreadably small."""
    render_fixture(tmp_path, basemap="none")
    phone.get((tmp_path / "index.html").as_uri())
    width, font = phone.execute_script("""return [document.documentElement.clientWidth,
        getComputedStyle(document.querySelector('li a')).fontSize];""")
    assert width == 375 and font == "15px"
