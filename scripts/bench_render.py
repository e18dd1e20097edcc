#!/usr/bin/env python3
"""Maps benchmark: `geo render` of a large district and the maps as headless Chromium opens them, at two sizes.

A big district's report gives the maps thousands of projects: points of every facility category,
areas, short roads and long roads of thousands of vertices crossing many 街道, and hundreds that
could not be located, which the placing panel lists. This bench makes such a district with
tests/large_district.py (40 街道, seeded) at a small size and at twice it (by default 1,000 and
2,000 projects, of which 250 and 500 unlocated, 10 and 20 long roads of 3,000 vertices), and for
each size:

- runs ``geo render`` on it in a subprocess (with the 街道 file: join, coverage and the maps), and
  prints its wall time and the size of each HTML file;
- opens projects.html and coverage.html in headless Chromium with the network blocked and reads the
  navigation timing (DOMContentLoaded, load), when the page became usable (its legend on the map,
  the placing panel's list filled, and a frame painted after that: ``ready``), and then times a
  zoom in by one level to its next painted frame, ticking a layer off in the layer control, and
  typing in the placing panel's filter box.

It prints the median of ``--repeat`` runs of each figure and the large/small ratio (2.0: linear in
the number of projects; 4.0: quadratic). No threshold is asserted: the tests check what the pages
show; the seconds, which a busy machine changes, are only measured here.

    python scripts/bench_render.py                     # 1,000 and 2,000 projects, 3 runs each
    python scripts/bench_render.py --projects 4000 --repeat 5
    python scripts/bench_render.py --keep /tmp/bench_maps   # keep both districts and their maps
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
from large_district import write_district  # noqa: E402  (tests/large_district.py)

# Runs before the page's scripts: marks when the page has its legend (and, on the projects map, the
# placing panel's rows) and the frame painted after that.
READY_PROBE = """
(function () {
  function done() {
    return document.querySelector('.geo-legend') &&
      (!document.querySelector('.geo-panel') || document.querySelector('.geo-panel-item'));
  }
  function mark() {
    window.__geoReady = performance.now();
    requestAnimationFrame(function () { setTimeout(function () { window.__geoPainted = performance.now(); }, 0); });
  }
  var seen = new MutationObserver(function () {
    if (window.__geoReady || !done()) { return; }
    mark();
    seen.disconnect();
  });
  // The page's scripts end its body, so they have usually drawn it when DOMContentLoaded comes.
  document.addEventListener('DOMContentLoaded', function () {
    if (done()) { mark(); } else { seen.observe(document.body, {childList: true, subtree: true}); }
  });
})();
"""

TIMING_JS = """
var n = performance.getEntriesByType('navigation')[0];
return {dcl_ms: n.domContentLoadedEventEnd, load_ms: n.loadEventEnd, ready_ms: window.__geoPainted || null,
        paths: document.querySelectorAll('.leaflet-overlay-pane path').length};
"""

ZOOM_JS = """
var done = arguments[arguments.length - 1], map = window[document.querySelector('.folium-map').id];
var t0 = performance.now();
map.once('zoomend', function () {
  requestAnimationFrame(function () { setTimeout(function () { done(performance.now() - t0); }, 0); });
});
map.setZoom(map.getZoom() + 1, {animate: false});
"""

TOGGLE_JS = """
var done = arguments[arguments.length - 1];
var boxes = document.querySelectorAll('.leaflet-control-layers-overlays input');
var box = boxes[boxes.length - 1], t0 = performance.now();
box.click();
requestAnimationFrame(function () { setTimeout(function () { var off = performance.now() - t0;
  box.click(); done(off); }, 0); });
"""

FILTER_JS = """
var done = arguments[arguments.length - 1], box = document.querySelector('.geo-panel-filter');
if (!box) { done(null); return; }
var t0 = performance.now();
box.value = arguments[0];
box.dispatchEvent(new Event('input'));
requestAnimationFrame(function () { setTimeout(function () { done(performance.now() - t0); }, 0); });
"""


def render_district(folder, projects, unlocated, long_roads, vertices):
    """Write the district into ``folder`` and run ``geo render`` on it; returns (seconds, {file: bytes})."""
    options = write_district(folder, projects=projects, unlocated=unlocated, long_roads=long_roads,
                             road_vertices=vertices)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "geo", "render", *options, "-o", str(folder / "maps_out")],
                   cwd=folder, env=env, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    return seconds, {name: (folder / "maps_out" / name).stat().st_size
                     for name in ("projects.html", "coverage.html", "index.html")}


def browser():
    """Headless Debian Chromium with the network blocked, or None when it or selenium is missing."""
    chromium, driver_path = shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
    except ImportError:
        return None
    if not chromium or not driver_path:
        return None
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1200,900", f"--user-data-dir={tempfile.mkdtemp()}",
                 "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver_path))
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": READY_PROBE})
    driver.set_script_timeout(120)
    return driver


def open_page(driver, page):
    """Figures of one opening of ``page`` (ms)."""
    driver.get("about:blank")
    driver.get(page.as_uri())
    for _ in range(600):
        figures = driver.execute_script(TIMING_JS)
        if figures["ready_ms"]:
            break
        time.sleep(0.05)
    figures["zoom_ms"] = driver.execute_async_script(ZOOM_JS)
    figures["layer_off_ms"] = driver.execute_async_script(TOGGLE_JS)
    if page.name == "projects.html":
        figures["filter_ms"] = driver.execute_async_script(FILTER_JS, "公园")
        figures["filter_clear_ms"] = driver.execute_async_script(FILTER_JS, "")
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=int, default=2000, help="projects of the large district (the small: half)")
    parser.add_argument("--vertices", type=int, default=3000, help="vertices of each long road")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="keep the districts and their maps here")
    args = parser.parse_args()

    base = args.keep or Path(tempfile.mkdtemp(prefix="bench-render-"))
    driver = browser()
    results = {}
    try:
        for label, share in (("small", 0.5), ("large", 1.0)):
            projects = round(args.projects * share)
            sizes = dict(projects=projects, unlocated=projects // 4, long_roads=max(1, projects // 100),
                         vertices=args.vertices)
            figures = {}
            for run in range(args.repeat):
                seconds, files = render_district(base / label, **sizes)
                figures.setdefault("render_s", []).append(seconds)
                for name, size in files.items():
                    figures.setdefault(f"{name} bytes", []).append(size)
                if driver is not None:
                    for page in ("projects.html", "coverage.html"):
                        for key, value in open_page(driver, base / label / "maps_out" / page).items():
                            if value is not None:
                                figures.setdefault(f"{page} {key}", []).append(value)
            results[label] = ({k: statistics.median(v) for k, v in figures.items()}, sizes)
    finally:
        if driver is not None:
            driver.quit()
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)

    small, small_sizes = results["small"]
    large, large_sizes = results["large"]
    print(f"small: {small_sizes}\nlarge: {large_sizes}\n40 街道; median of {args.repeat} runs"
          + ("" if driver is not None else "; no Chromium or selenium: no browser figures"))
    print(f"{'figure':<34} {'small':>12} {'large':>12} {'large/small':>12}")
    for key in large:
        a, b = small.get(key), large[key]
        ratio = f"{b / a:.2f}" if a else "–"
        print(f"{key:<34} {_fmt(a):>12} {_fmt(b):>12} {ratio:>12}")


def _fmt(value):
    if value is None:
        return "–"
    return f"{value:,.0f}" if value >= 100 else f"{value:.2f}"


if __name__ == "__main__":
    main()
