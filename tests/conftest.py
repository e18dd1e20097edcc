"""Shared pytest fixtures.

``write_osm``: a factory writing a tiny OSM XML file of named ways and POI nodes.

``osm_build``: runs ``geo build --osm <file>`` on a report of one line and returns the
catalog it wrote (its features), having checked the run succeeded; ``osm_build_error``
runs the same and returns the one line it wrote to stderr, having checked it is the only
one, exit 2, no traceback.

``browser``: one headless Chromium a module shares (network cut, alerts recorded, downloads allowed), for the
placing panel's tests and those that walk it; ``phone``: that browser as a 375x667 touch screen.

``chromium``: a factory for headless Debian Chromium sessions driven by selenium, for
tests marked ``@pytest.mark.browser``. It skips the test (with the reason) when
chromium, chromedriver or selenium is missing, gives every browser a fresh profile in
a temporary directory, turns off Chromium's own background traffic, records the
console (``driver.get_log("browser")``) and quits every browser it started.
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "chromium", "chromium-browser")
CHROMEDRIVER_CANDIDATES = ("/usr/bin/chromedriver", "chromedriver")

# Flags for a quiet, reproducible headless run: no sandbox (CI runs as root), no GPU,
# and none of the update/sync/QUIC traffic a fresh profile would otherwise start.
CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1200,900",
)


def _build_with_osm(out_dir, osm_path, report_text):
    from click.testing import CliRunner

    from geo.cli import main

    out_dir.mkdir(parents=True, exist_ok=True)
    report = out_dir / "one_line_report.txt"
    report.write_text(report_text, encoding="utf-8")
    return CliRunner().invoke(main, ["build", "--report", str(report), "--osm", str(osm_path), "--basemap", "none",
                                     "--out-dir", str(out_dir / "out")])


@pytest.fixture
def osm_build(tmp_path):
    def run(osm_path, report_text):
        import json

        result = _build_with_osm(tmp_path / "build", osm_path, report_text)
        assert result.exit_code == 0, result.output
        return json.loads((tmp_path / "build" / "out" / "projects.geojson").read_text(encoding="utf-8"))["features"]

    return run


@pytest.fixture
def osm_build_error(tmp_path):
    def run(osm_path, report_text="加快推进北园大街改造。"):
        result = _build_with_osm(tmp_path / "build", osm_path, report_text)
        lines = result.stderr.splitlines()
        assert result.exit_code == 2 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
        return lines[0]

    return run


@pytest.fixture
def write_osm(tmp_path):
    """Factory ``write_osm(ways, pois=()) -> path`` of an OSM XML file in ``tmp_path``.

    ``ways`` are ``(coordinates, tags)`` with coordinates ``[(lon, lat), ...]``, numbered
    w1, w2... in order; ``pois`` are ``((lon, lat), tags)`` nodes.
    """
    from osm_xml import write_osm_xml

    def write(ways, pois=()):
        ways = [(number, coords, tags) for number, (coords, tags) in enumerate(ways, 1)]
        first = sum(len(coords) for _, coords, _ in ways) + 1  # pois numbered after the ways' nodes
        return write_osm_xml(tmp_path / "small.osm", ways,
                             [(number, xy, tags) for number, (xy, tags) in enumerate(pois, first)])

    return write


def _which(candidates):
    for candidate in candidates:
        found = shutil.which(candidate)
        if found:
            return found
    return None


@pytest.fixture
def chromium(tmp_path_factory):
    """Factory ``chromium(*extra_flags, page_load_strategy="normal", network_log=False) -> selenium WebDriver``
    for headless Chromium.

    Extra flags are appended to :data:`CHROMIUM_FLAGS` (e.g. to block the network).
    Skips the test when the browser, its driver or selenium is not installed.
    """
    binary = _which(CHROMIUM_CANDIDATES)
    driver_path = _which(CHROMEDRIVER_CANDIDATES)
    if binary is None or driver_path is None:
        if os.environ.get("GEO_REQUIRE_BROWSER"):  # set by .ci/run: CI must really drive the browser
            pytest.fail("GEO_REQUIRE_BROWSER is set but chromium/chromedriver are missing")
        pytest.skip("headless browser test needs Debian chromium and chromium-driver "
                    "(apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium")

    drivers = []

    def start(*extra_flags, page_load_strategy="normal", network_log=False):
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        options.page_load_strategy = page_load_strategy  # "eager": commands run before images have loaded
        profile = tmp_path_factory.mktemp("chromium-profile")
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra_flags):
            options.add_argument(flag)
        # network_log: DevTools' network events too, read with driver.get_log("performance")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", **({"performance": "ALL"} if network_log else {})})
        service = webdriver.ChromeService(executable_path=driver_path)
        driver = webdriver.Chrome(options=options, service=service)
        drivers.append(driver)
        return driver

    yield start
    for driver in drivers:
        driver.quit()


@pytest.fixture
def no_record_model(monkeypatch, tmp_path):
    """Extraction by the rules and the tagger, with no record model to judge what they find."""
    from geo.extract import confidence
    monkeypatch.setattr(confidence, "MODEL_PATH", tmp_path / "missing.json")
    confidence.shipped_model.cache_clear()
    yield
    confidence.shipped_model.cache_clear()


@pytest.fixture
def rules_only(monkeypatch, tmp_path):
    """Extraction by the rules alone: no tagger and no record model (their files missing)."""
    from geo.extract import confidence, tagger
    monkeypatch.setattr(tagger, "MODEL_PATH", tmp_path / "missing.npz")
    monkeypatch.setattr(confidence, "MODEL_PATH", tmp_path / "missing.json")
    tagger.shipped_model.cache_clear()
    confidence.shipped_model.cache_clear()
    yield
    tagger.shipped_model.cache_clear()
    confidence.shipped_model.cache_clear()


@pytest.fixture(scope="session")
def plain_default_build(tmp_path_factory):
    """The default district built once without a basemap or a placed.csv, for the tests of placed.csv
    files: read it, or copy it before building over it."""
    from placed_files import build

    out = tmp_path_factory.mktemp("default_build")
    result = build(out)
    assert result.exit_code == 0, result.output
    return out


# The network cut as a planner's intranet cuts it (tiles and CDNs unreachable), and alert() recorded.
NO_NETWORK = ("--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9")
ALERT_TRAP = "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"
PHONE = {"width": 375, "height": 667, "deviceScaleFactor": 2, "mobile": True}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium for the module: network blocked, alerts recorded, downloads allowed."""
    binary = _which(CHROMIUM_CANDIDATES)
    driver_path = _which(CHROMEDRIVER_CANDIDATES)
    if binary is None or driver_path is None:
        if os.environ.get("GEO_REQUIRE_BROWSER"):
            pytest.fail("GEO_REQUIRE_BROWSER is set but chromium/chromedriver are missing")
        pytest.skip("headless browser test needs Debian chromium and chromium-driver")
    webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('profile')}", *NO_NETWORK):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver_path))
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ALERT_TRAP})
    yield driver
    driver.quit()


@pytest.fixture
def phone(browser):
    """The module's browser as a phone: a 375x667 touch screen, put back after the test."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    yield browser
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
