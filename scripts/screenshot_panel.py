#!/usr/bin/env python3
"""Screenshot the placing panel at work (for the README): screenshot_panel.py OUT.png

Builds the default district with ``--basemap none`` into a temporary folder, opens its
projects.html in headless Debian Chromium, places one project as a point and one as an
area with real mouse clicks, starts a line, and saves the window.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

MAP_JS = "var map = window[document.querySelector('.folium-map').id];"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--size", default="1200,850", help="window width,height in pixels")
    args = parser.parse_args()

    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from geo.pipeline import run_build
    from screenshot import headless_chromium

    with tempfile.TemporaryDirectory() as tmp:
        run_build(out_dir=tmp, basemap="none")
        driver = headless_chromium(args.size, f"{tmp}/profile", offline=True)
        try:
            driver.get((Path(tmp) / "maps_out" / "projects.html").as_uri())
            time.sleep(0.5)  # let the opening zoom animation end: a view set during it is ignored
            driver.execute_script(MAP_JS + "map.setView([36.6775, 116.992], 15, {animate: false});")

            def click(lat, lon):
                x, y = driver.execute_script(MAP_JS + """
                    var p = map.latLngToContainerPoint([arguments[0], arguments[1]]);
                    var box = map.getContainer().getBoundingClientRect();
                    return [Math.round(box.left + p.x), Math.round(box.top + p.y)];""", lat, lon)
                actions = ActionChains(driver, duration=10)
                actions.w3c_actions.pointer_action.move_to_location(x, y)
                actions.w3c_actions.pointer_action.click()
                actions.perform()
                time.sleep(0.15)

            def start(project_id, kind):
                row = driver.find_element(By.CSS_SELECTOR, f'.geo-panel-item[data-project="{project_id}"]')
                driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", row)
                Select(row.find_element(By.CSS_SELECTOR, "select")).select_by_value(kind)
                row.find_element(By.CSS_SELECTOR, ".geo-panel-place").click()

            start("culture-xin-tu-shu-guan", "point")
            click(36.6745, 116.9850)
            start("health-qu-ji-ji-kong-zhong-xin", "polygon")
            for lat, lon in ((36.6800, 116.9790), (36.6812, 116.9835), (36.6782, 116.9848), (36.6800, 116.9790)):
                click(lat, lon)
            start("school-wen-lan", "line")
            click(36.6730, 116.9960)
            click(36.6745, 117.0010)
            driver.execute_script(MAP_JS + """
                var p = map.latLngToContainerPoint([36.6722, 117.0045]);
                map.fire('mousemove', {latlng: map.containerPointToLatLng(p), containerPoint: p,
                                       layerPoint: map.containerPointToLayerPoint(p), originalEvent: {}});""")
            driver.execute_script("document.querySelector('.geo-panel-body').scrollTop = 0;")
            time.sleep(0.3)
            driver.save_screenshot(str(args.output))
        finally:
            driver.quit()
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
