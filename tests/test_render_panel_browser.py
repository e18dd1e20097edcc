"""The placing panel in headless Chromium: draw with the mouse, download placed.csv, build with it; edits; GCJ-02."""

from __future__ import annotations

import csv
import io
import json
import math
import time

import pytest
import shapely

from geo import settings
from test_render import EVIL, _feature, page_data, render_fixture
from test_render_browser import hover_tip_box
from panel_filter import filtered_names

pytestmark = pytest.mark.browser

MAP_JS = "var map = window[document.querySelector('.folium-map').id];"
DRAW_ZOOM = 18
METRIC_CRS = "EPSG:4548"  # Tianqiao's Gauss-Kruger zone


# --------------------------------------------------------------------------- driving the page


def _open(driver, path):
    driver.get(path.as_uri())
    driver.get_log("browser")  # start each page with an empty console record
    # The map opens with an animated zoom to the district; a view set during it would be ignored.
    for _ in range(100):
        if not driver.execute_script(MAP_JS + "return !!map._animatingZoom;"):
            return
        time.sleep(0.02)


def _errors(driver):
    """Console errors, except basemap tiles that cannot load without a network."""
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"
            and not any(host in e["message"] for host in ("tile.openstreetmap.org", "autonavi.com"))]


def _view(driver, lon, lat, zoom=DRAW_ZOOM):
    """Centre the map on ``lon, lat`` at ``zoom``. Leaflet ignores a view set while a zoom animation
    is under way (a double click's, on a loaded machine): wait for it to end and check the view took."""
    for _ in range(200):
        if driver.execute_script(MAP_JS + """
                if (map._animatingZoom) { return false; }
                map.setView([arguments[0], arguments[1]], arguments[2], {animate: false});
                return map.getZoom() === arguments[2];""", lat, lon, zoom):
            return
        time.sleep(0.02)
    raise AssertionError(f"the map would not take the view {lon}, {lat} at zoom {zoom}")


def _pixel(driver, lon, lat):
    """Viewport pixel of a displayed lon/lat, rounded to whole pixels as a mouse would be."""
    x, y = driver.execute_script(MAP_JS + """
        var p = map.latLngToContainerPoint([arguments[0], arguments[1]]);
        var box = map.getContainer().getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];""", lat, lon)
    return round(x), round(y)


def _first_unlocated_at(browser, tmp_path, lon=117.0, lat=36.68, zoom=17):
    """Render the fixture's projects map, open it at ``lon, lat`` and ``zoom``: (the first unlocated
    project's id, the pixel of ``lon, lat``)."""
    render_fixture(tmp_path, basemap="none")
    _open(browser, tmp_path / "projects.html")
    project = page_data((tmp_path / "projects.html").read_text(encoding="utf-8"))["panel"]["unlocated"][0]["id"]
    _view(browser, lon, lat, zoom=zoom)
    return (project, *_pixel(browser, lon, lat))


def _click(driver, x, y):
    from selenium.webdriver.common.action_chains import ActionChains

    actions = ActionChains(driver, duration=10)
    actions.w3c_actions.pointer_action.move_to_location(x, y)
    actions.w3c_actions.pointer_action.click()
    actions.perform()
    time.sleep(0.1)


def _drag(driver, x, y, dx, dy):
    from selenium.webdriver.common.action_chains import ActionChains

    actions = ActionChains(driver, duration=10)
    pointer = actions.w3c_actions.pointer_action
    pointer.move_to_location(x, y)
    pointer.pointer_down()
    for step in range(1, 6):
        pointer.move_to_location(x + dx * step // 5, y + dy * step // 5)
    pointer.pointer_up()
    actions.perform()
    time.sleep(0.1)


def _row(driver, project_id):
    from selenium.webdriver.common.by import By

    row = driver.find_element(By.CSS_SELECTOR, f'.geo-panel-item[data-project="{project_id}"]')
    if not row.is_displayed():  # a located project: open the folded list, as a planner would
        summary = driver.find_element(By.CSS_SELECTOR, ".geo-panel-located > summary")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", summary)
        summary.click()
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", row)
    return row


def _start(driver, project_id, kind):
    """Pick a project in the panel, choose its geometry type and press its Place (Correct) button."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    row = _row(driver, project_id)
    Select(row.find_element(By.CSS_SELECTOR, "select.geo-panel-kind")).select_by_value(kind)
    row.find_element(By.CSS_SELECTOR, ".geo-panel-place").click()


def _press(driver, project_id, label):
    from selenium.webdriver.common.by import By

    row = _row(driver, project_id)
    next(b for b in row.find_elements(By.CSS_SELECTOR, ".geo-panel-state button") if label in b.text).click()


def _panel_button(driver, label):
    from selenium.webdriver.common.by import By

    next(b for b in driver.find_elements(By.CSS_SELECTOR, ".geo-panel-actions button") if label in b.text).click()


def _draw(driver, kind, vertices):
    """Click a shape's displayed vertices at zoom 18 around their middle: a point is one click, a
    line ends with a second click on its last vertex, an area with a click on its first."""
    middle = shapely.MultiPoint(vertices).centroid
    _view(driver, middle.x, middle.y)
    pixels = [_pixel(driver, lon, lat) for lon, lat in vertices]
    for x, y in pixels:
        _click(driver, x, y)
    if kind == "line":
        _click(driver, *pixels[-1])
    elif kind == "polygon":
        _click(driver, *pixels[0])


def _download(driver, folder):
    """Press Download and wait for placed.csv in ``folder``; its bytes."""
    from selenium.webdriver.common.by import By

    folder.mkdir(parents=True, exist_ok=True)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    driver.find_element(By.CSS_SELECTOR, ".geo-panel-download").click()
    target = folder / "placed.csv"
    for _ in range(100):
        if target.exists() and not list(folder.glob("*.crdownload")):
            return target
        time.sleep(0.05)
    raise AssertionError("placed.csv was not downloaded")


def _csv_rows(driver):
    text = driver.execute_script("return geoPanel.csv();")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


# --------------------------------------------------------------------------- shapes to draw


def _shapes(zones):
    """A point, a line, an area and a correcting point, each well inside its own 街道 (WGS-84)."""
    from geo.crs import metric_geometry, wgs84_geometry

    chosen = zones.sort_values("code").iloc[[1, 4, 7, 10]]
    offsets = {"point": [(0, 0)], "line": [(-40, -10), (0, 20), (40, -10)],
               "polygon": [(-35, -25), (35, -25), (0, 35)], "correction": [(0, 0)]}
    shapes = []
    for (kind, steps), (_, zone) in zip(offsets.items(), chosen.iterrows()):
        centre = metric_geometry(zone.geometry.representative_point(), METRIC_CRS)
        points = [shapely.Point(centre.x + dx, centre.y + dy) for dx, dy in steps]
        metric = (points[0] if len(points) == 1 else shapely.LineString(points) if kind == "line"
                  else shapely.Polygon(points))
        shape = wgs84_geometry(metric, METRIC_CRS)
        assert zone.geometry.buffer(-0.001).contains(shape)  # ~100 m clear of its borders
        shapes.append((kind, shape, str(zone["code"])))
    return shapes


def _expected_accuracy(shape):
    metres_per_px = 156543.03392 * math.cos(math.radians(shape.centroid.y)) / 2 ** DRAW_ZOOM
    return max(1, round(settings.HAND_PLACED_ACCURACY_PX * metres_per_px))


# --------------------------------------------------------------------------- the loop


@pytest.mark.parametrize("basemap", ["osm", "amap"])
def test_planner_places_a_point_a_line_and_an_area_and_geo_build_puts_them_there(browser, tmp_path, basemap):
    from geo.crs import convert_geometry, metric_geometry
    from geo.data import load_subdistricts
    from geo.pipeline import run_build

    run_build(out_dir=tmp_path, basemap=basemap)
    page = tmp_path / "maps_out" / "projects.html"
    panel = page_data(page.read_text(encoding="utf-8"))["panel"]
    unlocated = [item["id"] for item in panel["unlocated"][:3]]
    corrected = next(item["id"] for item in panel["located"] if item["kind"] == "point")
    shapes = _shapes(load_subdistricts())
    plan = dict(zip([*unlocated, corrected], shapes))

    _open(browser, page)
    for project_id, (kind, shape, _) in plan.items():
        drawn_kind = "point" if kind == "correction" else kind
        _start(browser, project_id, drawn_kind)
        shown = convert_geometry(shape, "wgs84", "gcj02") if basemap == "amap" else shape
        ring = shown.exterior.coords[:-1] if drawn_kind == "polygon" else shown.coords
        _draw(browser, drawn_kind, list(ring))
    assert sorted(browser.execute_script("return Object.keys(geoPanel.placed);")) == sorted(plan)
    placed_csv = _download(browser, tmp_path / "downloads")
    assert placed_csv.read_bytes().startswith(b"\xef\xbb\xbf")
    assert _errors(browser) == []

    run_build(out_dir=tmp_path, basemap=basemap, gazetteers=[placed_csv])
    catalog = {f["id"]: f for f in json.loads((tmp_path / "projects.geojson").read_text(encoding="utf-8"))["features"]}
    for project_id, (kind, shape, zone_code) in plan.items():
        feature = catalog[project_id]
        built = shapely.geometry.shape(feature["geometry"])
        geocode = feature["properties"]["geocode"]
        assert built.geom_type == shape.geom_type, project_id
        assert shapely.get_num_coordinates(built) == shapely.get_num_coordinates(shape)
        # every vertex where it was drawn: within a metre on the ground (Hausdorff, in metres)
        assert metric_geometry(built, METRIC_CRS).hausdorff_distance(metric_geometry(shape, METRIC_CRS)) < 1.0
        assert [a["code"] for a in feature["properties"]["subdistricts"]] == [zone_code]
        assert geocode["status"] == "matched" and geocode["source"] == settings.HAND_PLACED_SOURCE
        assert geocode["method"].startswith(f"{settings.HAND_PLACED_SOURCE} at zoom {DRAW_ZOOM}")
        assert ("converted to WGS-84" in geocode["method"]) == (basemap == "amap")
        assert geocode["accuracy_m"] == _expected_accuracy(shape)
    rebuilt = page_data((tmp_path / "maps_out" / "projects.html").read_text(encoding="utf-8"))["panel"]
    assert len(rebuilt["unlocated"]) == len(panel["unlocated"]) - 3

    # Next round: the rebuilt page already holds this round's rows, as stored, so the next
    # placed.csv (here with one more project) keeps them.
    _open(browser, tmp_path / "maps_out" / "projects.html")
    first = {r["name"]: r for r in csv.DictReader(io.StringIO(placed_csv.read_text(encoding="utf-8-sig")))}
    extra = rebuilt["unlocated"][0]
    _start(browser, extra["id"], "point")
    _draw(browser, "point", [shapes[0][1].coords[0]])
    second = {r["name"]: r for r in _csv_rows(browser)}
    assert set(second) == set(first) | {extra["name"]}
    for name, row in first.items():
        again = second[name]
        assert (again["lon"], again["lat"], again["accuracy_m"], again["method"]) == \
            (row["lon"], row["lat"], row["accuracy_m"], row["method"])
        if row["wkt"]:  # the same vertices (a ring may start elsewhere or turn the other way)
            before, after = (shapely.from_wkt(r["wkt"]).normalize() for r in (row, again))
            assert after.equals_exact(before, 1e-9)


QGIS_PLACED = """
from qgis.core import Qgis, QgsProviderRegistry, QgsVectorLayer, QgsWkbTypes
path, uri = sys.argv[1:]
flags = Qgis.SublayerQueryFlags(Qgis.SublayerQueryFlag.ResolveGeometryType) | Qgis.SublayerQueryFlag.CountFeatures
for sublayer in QgsProviderRegistry.instance().querySublayers(path, flags):  # dragged in: a layer per kind
    layer = QgsVectorLayer(sublayer.uri(), sublayer.name(), "ogr")
    for feature in layer.getFeatures():
        print("OGR", QgsWkbTypes.displayString(layer.wkbType()), layer.crs().authid() or "-", feature["name"],
              feature.geometry().asWkt(7))
for kind in ("point", "line", "polygon"):  # Add Delimited Text Layer, WKT, one geometry type each
    layer = QgsVectorLayer(uri + "&geomType=" + kind, kind, "delimitedtext")
    for feature in layer.getFeatures():
        print("DELIMITED", kind, feature["name"], feature.geometry().asWkt(7))
log()
"""


def test_placed_csv_opens_in_qgis_with_every_row_drawn(browser, tmp_path):
    """placed.csv opened in QGIS to check the work: every row has its shape in the wkt column
    (a point too, beside its lon/lat), so dragged in it opens as a layer per kind holding every
    row, and added as Delimited Text (WKT) no row lacks a geometry."""
    from qgis_run import delimited_text_uri, run_in_qgis

    render_fixture(tmp_path, basemap="none")
    page = tmp_path / "projects.html"
    panel = page_data(page.read_text(encoding="utf-8"))["panel"]
    located = [item["id"] for item in panel["located"]]
    plan = {panel["unlocated"][0]["id"]: ("point", [(117.004, 36.684)]),
            located[0]: ("line", [(117.006, 36.683), (117.007, 36.6835), (117.008, 36.683)]),
            located[1]: ("polygon", [(117.010, 36.684), (117.011, 36.684), (117.0105, 36.685)])}
    _open(browser, page)
    for count, (project_id, (kind, vertices)) in enumerate(plan.items(), start=1):
        _start(browser, project_id, kind)
        _draw(browser, kind, vertices)
        for _ in range(100):  # a loaded machine may finish the shape after the last click returns
            if len(_csv_rows(browser)) == count:
                break
            time.sleep(0.05)
    placed = _download(browser, tmp_path / "downloads")
    rows = list(csv.DictReader(io.StringIO(placed.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 3 and all(row["wkt"] for row in rows)
    point = next(row for row in rows if row["lon"])
    assert shapely.from_wkt(point["wkt"]).equals(shapely.Point(float(point["lon"]), float(point["lat"])))

    lines = run_in_qgis(QGIS_PLACED, placed, delimited_text_uri(placed, wktField="wkt", crs="EPSG:4326"))
    # The dialog keeps one kind and says it left the others out; no row lacks its geometry.
    log = [line for line in lines if line.startswith("LOG") and "Errors in file" not in line]
    assert log and all("discarded due to incompatible geometry types" in line for line in log), log
    dragged = sorted(line.split(" ", 3)[1:3] for line in lines if line.startswith("OGR"))
    assert dragged == [["LineString", "-"], ["Point", "-"], ["Polygon", "-"]]  # no .prj: WGS-84, as the README says
    added = {line.split(" ", 2)[1] for line in lines if line.startswith("DELIMITED")}
    assert added == {"point", "line", "polygon"}
    for row in rows:  # the same shapes, as written
        drawn = [line for line in lines if line.startswith(("OGR", "DELIMITED")) and f" {row['name']} " in line]
        assert len(drawn) == 2 and all(shapely.from_wkt(line.split(f" {row['name']} ", 1)[1])
                                       .equals_exact(shapely.from_wkt(row["wkt"]), 1e-7) for line in drawn), row


def test_placed_items_can_be_moved_undone_removed_and_cancelled(browser, tmp_path):
    render_fixture(tmp_path, basemap="none")
    _open(browser, tmp_path / "projects.html")
    project = page_data((tmp_path / "projects.html").read_text(encoding="utf-8"))["panel"]["unlocated"][0]["id"]
    lon, lat = 117.0, 36.68
    _view(browser, lon, lat, zoom=17)

    _start(browser, project, "point")
    x, y = _pixel(browser, lon, lat)
    _click(browser, x, y)
    _press(browser, project, "Edit")
    _drag(browser, x, y, 60, -40)
    _press(browser, project, "Done")
    moved = browser.execute_script(MAP_JS + """
        var box = map.getContainer().getBoundingClientRect();
        return map.containerPointToLatLng([arguments[0] - box.left, arguments[1] - box.top]);""", x + 60, y - 40)
    (row,) = _csv_rows(browser)
    assert float(row["lon"]) == pytest.approx(moved["lng"], abs=2e-6)  # ~0.2 m
    assert float(row["lat"]) == pytest.approx(moved["lat"], abs=2e-6)

    # Three clicks, undo the last, finish with the button: a two-vertex line replaces the point.
    _start(browser, project, "line")
    for dx in (-80, 0, 80):
        _click(browser, x + dx, y + 60)
    _panel_button(browser, "Undo")
    _panel_button(browser, "Finish")
    (row,) = _csv_rows(browser)
    assert row["lon"] == "" and row["wkt"].startswith("LINESTRING (") and row["wkt"].count(",") == 1

    # Escape while drawing an area leaves the line as it was.
    _start(browser, project, "polygon")
    _click(browser, x - 50, y - 50)
    _click(browser, x + 50, y - 50)
    from selenium.webdriver.common.keys import Keys

    browser.find_element("tag name", "body").send_keys(Keys.ESCAPE)
    assert [r["wkt"][:10] for r in _csv_rows(browser)] == ["LINESTRING"]

    _press(browser, project, "Remove")
    assert _csv_rows(browser) == []
    assert browser.execute_script("return document.querySelector('.geo-panel-download').disabled;")
    assert _errors(browser) == []


def test_touch_taps_draw_a_line_and_a_drag_only_moves_the_map(browser, tmp_path):
    # Leaflet.draw 1.0.4 added a vertex where such a drag began (its issue #935); this is why it
    # is not the drawing library here.
    def touch(kind, x=None, y=None):
        points = [] if x is None else [{"x": x, "y": y}]
        browser.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    def tap(x, y):
        touch("touchStart", x, y)
        touch("touchEnd")
        time.sleep(0.4)  # apart from the next tap, so that no two make a double tap

    def latlng(x, y):
        return browser.execute_script(MAP_JS + """
            var box = map.getContainer().getBoundingClientRect();
            var ll = map.containerPointToLatLng([arguments[0] - box.left, arguments[1] - box.top]);
            return [ll.lng, ll.lat];""", x, y)

    render_fixture(tmp_path, basemap="none")
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    try:
        _open(browser, tmp_path / "projects.html")
        project = page_data((tmp_path / "projects.html").read_text(encoding="utf-8"))["panel"]["unlocated"][0]["id"]
        _view(browser, 117.0, 36.68, zoom=16)
        _start(browser, project, "line")
        x, y = _pixel(browser, 117.0, 36.68)
        taps = [(x - 100, y + 50), (x + 20, y - 30)]
        vertices = [latlng(*p) for p in taps]
        for p in taps:
            tap(*p)
        touch("touchStart", x - 150, y + 100)
        for step in range(1, 9):
            touch("touchMove", x - 150 + 10 * step, y + 100 + 5 * step)
        touch("touchEnd")
        time.sleep(0.4)
        assert _pixel(browser, *vertices[1]) != (round(taps[1][0]), round(taps[1][1]))  # the map moved
        tap(*_pixel(browser, *vertices[1]))  # a tap on the last vertex ends the line
        (row,) = _csv_rows(browser)
        drawn = shapely.from_wkt(row["wkt"])
        assert len(drawn.coords) == 2
        assert shapely.LineString(vertices).hausdorff_distance(drawn) < 1e-5  # ~1 m at zoom 16: whole pixels
        assert _errors(browser) == []
    finally:
        browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


def test_panel_shows_report_text_literally_and_writes_it_as_csv_text(browser, tmp_path):
    from geo.catalog import features_to_gdf
    from geo.gazetteer import Gazetteer
    from geo.gazetteer_files import load_file
    from geo.geocode import geocode_projects

    formula = "=HYPERLINK(\"http://x\",\"1\")"
    features = [_feature(1, "北园大街", "road_rebuild", "改造", shapely.LineString([(116.975, 36.68), (117.02, 36.682)]))]
    for number, name in ((2, EVIL), (3, formula)):
        feature = _feature(number, name, "culture", "建设", None)
        feature["properties"]["quote"] = name
        feature["properties"]["geocode"] = {"status": "unlocated", "reason": name}
        features.append(feature)
    render_fixture(tmp_path, projects=features_to_gdf(features), basemap="none")
    _open(browser, tmp_path / "projects.html")
    shown = browser.execute_script("""
        return Array.from(document.querySelectorAll('.geo-panel-unlocated')).map(function (row) {
            return [row.querySelector('.geo-panel-name').textContent, row.querySelector('.geo-panel-note').textContent,
                    row.querySelector('.geo-quote').textContent];
        });""")
    assert sorted(shown) == sorted([[EVIL] * 3, [formula] * 3])
    assert browser.execute_script("return document.querySelectorAll('.geo-panel img, .geo-panel script').length;") == 0
    for number, dx in ((2, -40), (3, 40)):
        _view(browser, 117.0, 36.68, zoom=16)
        _start(browser, f"culture-{number}", "point")
        _click(browser, *(a + b for a, b in zip(_pixel(browser, 117.0, 36.68), (dx, 0))))
    placed_csv = _download(browser, tmp_path / "downloads")
    assert browser.execute_script("return window.__alerts;") == []
    rows = list(csv.DictReader(io.StringIO(placed_csv.read_text(encoding="utf-8-sig"))))
    assert sorted(r["name"] for r in rows) == sorted([EVIL, "'" + formula])
    # geo still finds both projects by their names
    gazetteer = Gazetteer().add_tier("user gazetteer placed.csv", load_file(placed_csv))
    located, unlocated = geocode_projects([{"id": f["properties"]["id"], "properties": dict(f["properties"]),
                                            "geometry": None} for f in features[1:]], gazetteer, None)
    assert unlocated == [] and all(f["geometry"].geom_type == "Point" for f in located)
    assert _errors(browser) == []


def test_page_gcj02_inverse_agrees_with_geo_crs_to_a_millimetre(browser, tmp_path):
    import numpy as np
    from pyproj import Geod

    from geo.crs import CHINA_BOUNDS, gcj02_to_wgs84, wgs84_to_gcj02

    render_fixture(tmp_path, basemap="amap")
    _open(browser, tmp_path / "projects.html")
    lon, lat = np.meshgrid(np.linspace(74.0, 134.0, 13), np.linspace(18.5, 53.0, 11))
    lon, lat = np.append(lon.ravel(), [117.0, 116.98731]), np.append(lat.ravel(), [36.68, 36.70218])
    js = np.array(browser.execute_script("""
        var lons = arguments[0], lats = arguments[1], box = arguments[2];
        return lons.map(function (x, i) {
            var w = geoPanel.gcj02ToWgs84(x, lats[i], box), g = geoPanel.wgs84ToGcj02(x, lats[i], box);
            var back = geoPanel.gcj02ToWgs84(g[0], g[1], box);
            return [w[0], w[1], g[0], g[1], back[0], back[1]];
        });""", lon.tolist(), lat.tolist(), list(CHINA_BOUNDS)))
    geod = Geod(ellps="WGS84")

    def metres(lon_a, lat_a, lon_b, lat_b):
        return geod.inv(lon_a, lat_a, lon_b, lat_b)[2].max()

    assert metres(js[:, 0], js[:, 1], *gcj02_to_wgs84(lon, lat)) < 0.001
    assert metres(js[:, 2], js[:, 3], *wgs84_to_gcj02(lon, lat)) < 0.001
    assert metres(js[:, 4], js[:, 5], lon, lat) < 0.001  # the page's inverse undoes its forward shift
    assert metres(js[:, 0], js[:, 1], lon, lat) > 100  # and the shift is real (hundreds of metres)
    outside = browser.execute_script("return geoPanel.gcj02ToWgs84(140.5, 36.0, arguments[0]);", list(CHINA_BOUNDS))
    assert outside == [140.5, 36.0]  # GCJ-02 is only defined inside China's box


def test_same_placements_download_byte_identical_whether_placed_now_or_in_an_earlier_round(browser, tmp_path):
    # A project placed now is unlocated on the page, one placed in an earlier round is located:
    # the file must not order its rows by that, or every round would rewrite it.
    from geo.pipeline import run_build

    run_build(out_dir=tmp_path, basemap="none")
    page = tmp_path / "maps_out" / "projects.html"
    panel = page_data(page.read_text(encoding="utf-8"))["panel"]
    later = panel["unlocated"][-1]  # the last category with an unlocated project (culture)
    earlier = panel["located"][0]  # a project of the first category (a road), corrected
    assert later["category"] != earlier["category"]
    _open(browser, page)
    for item, (lon, lat) in ((later, (117.0, 36.68)), (earlier, (117.002, 36.681))):
        _start(browser, item["id"], "point")
        _view(browser, lon, lat)
        _click(browser, *_pixel(browser, lon, lat))
    first = _download(browser, tmp_path / "round1").read_bytes()

    run_build(out_dir=tmp_path, basemap="none", gazetteers=[tmp_path / "round1" / "placed.csv"])
    _open(browser, page)
    assert _download(browser, tmp_path / "round2").read_bytes() == first
    assert [r["name"] for r in _csv_rows(browser)] == [earlier["name"], later["name"]]  # the panel's order


def test_a_line_drawn_back_to_its_first_point_closes_a_ring_road_and_loses_no_corner(browser, tmp_path):
    # Leaflet.Editable deletes a vertex clicked while drawing: a ring road lost its first corner.
    project, x, y = _first_unlocated_at(browser, tmp_path)
    corners = [(x - 80, y - 60), (x + 80, y - 60), (x + 80, y + 60), (x - 80, y + 60)]

    _start(browser, project, "line")
    for corner in (*corners, corners[0], corners[0]):  # round, back to the start, then end there
        _click(browser, *corner)
    (row,) = _csv_rows(browser)
    ring = shapely.from_wkt(row["wkt"])
    assert len(ring.coords) == 5 and ring.is_closed

    # An area's corner clicked again while drawing stays (its first one closes the area).
    _start(browser, project, "polygon")
    for corner in (*corners, corners[1], corners[0]):
        _click(browser, *corner)
    (row,) = _csv_rows(browser)
    assert len(shapely.from_wkt(row["wkt"]).exterior.coords) == 5
    assert _errors(browser) == []


def _status(driver):
    return driver.execute_script("return document.querySelector('.geo-panel-status').textContent;")


def test_an_area_that_encloses_nothing_or_crosses_itself_is_not_placed_and_cannot_be_downloaded(browser, tmp_path):
    # geo build refuses an area of no area and cuts a bow tie into two; the panel let both through.
    project, x, y = _first_unlocated_at(browser, tmp_path)

    _start(browser, project, "polygon")
    for corner in ((x - 60, y + 60), (x, y), (x + 60, y - 60), (x - 60, y + 60)):  # on one line, closed
        _click(browser, *corner)
    assert _csv_rows(browser) == [] and "encloses nothing" in _status(browser)
    _panel_button(browser, "Finish")  # nor by the button
    assert _csv_rows(browser) == []
    _panel_button(browser, "Cancel")

    _start(browser, project, "polygon")
    bow_tie = [(x - 50, y - 50), (x + 50, y + 50), (x + 50, y - 50), (x - 50, y + 50)]
    for corner in (*bow_tie, bow_tie[0]):
        _click(browser, *corner)
    assert _csv_rows(browser) == [] and "edges cross" in _status(browser)
    _panel_button(browser, "Undo")  # a triangle is left: it closes
    assert "edges cross" not in _status(browser)
    _click(browser, *bow_tie[0])
    (row,) = _csv_rows(browser)
    assert shapely.from_wkt(row["wkt"]).is_valid

    # A square edited into a bow tie: said on its row, and the download names it instead of saving it.
    _start(browser, project, "polygon")
    square = [(x - 50, y - 50), (x + 50, y - 50), (x + 50, y + 50), (x - 50, y + 50)]
    for corner in (*square, square[0]):
        _click(browser, *corner)
    _press(browser, project, "Edit")
    _drag(browser, *square[2], -70, -170)
    _press(browser, project, "Done")
    assert "edges cross" in _row(browser, project).text
    from selenium.webdriver.common.by import By

    browser.find_element(By.CSS_SELECTOR, ".geo-panel-download").click()
    time.sleep(0.3)
    assert not (tmp_path / "downloads").exists() or not list((tmp_path / "downloads").iterdir())
    assert "Fix first" in _status(browser) and "未定位项目" in _status(browser)
    _press(browser, project, "Remove")
    assert "Fix first" not in _status(browser)
    assert _errors(browser) == []


def test_a_long_name_without_spaces_wraps_inside_the_panel(browser, tmp_path):
    from geo.catalog import features_to_gdf

    long_name = "Tianqiao" + "X" * 120 + "中心"
    features = [_feature(1, "北园大街", "road_rebuild", "改造", shapely.LineString([(116.975, 36.68), (117.02, 36.682)]))]
    feature = _feature(2, long_name, "culture", "建设", None)
    feature["properties"]["geocode"] = {"status": "unlocated", "reason": f"no point named '{long_name}'"}
    features.append(feature)
    render_fixture(tmp_path, projects=features_to_gdf(features), basemap="none")
    _open(browser, tmp_path / "projects.html")
    _start(browser, "culture-2", "point")  # its name is in the status line too
    widths = browser.execute_script("""
        var body = document.querySelector('.geo-panel-body');
        return [body.scrollWidth, body.clientWidth];""")
    assert widths[0] <= widths[1]
    assert _errors(browser) == []


def test_a_planner_without_a_mouse_places_a_point_and_a_line_with_the_keyboard(browser, tmp_path):
    # Tab to Place and press Enter; arrows move the map under the cross at its centre, Space puts
    # a point there, Enter ends the line.
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    def keys(*sequence):
        ActionChains(browser).send_keys(*sequence).perform()
        time.sleep(0.3)  # a pan by the arrow keys is animated

    def centre():
        ll = browser.execute_script(MAP_JS + "var c = map.getCenter(); return [c.lng, c.lat];")
        return pytest.approx(ll, abs=2e-7)

    project, _, _ = _first_unlocated_at(browser, tmp_path)
    place = _row(browser, project).find_element(By.CSS_SELECTOR, ".geo-panel-place")
    browser.execute_script("arguments[0].focus();", place)  # where Tab would have come to
    keys(Keys.ENTER)
    keys(Keys.ARROW_RIGHT)
    where = centre()
    keys(Keys.SPACE)
    (row,) = _csv_rows(browser)
    assert [float(row["lon"]), float(row["lat"])] == where

    _start(browser, project, "line")  # by the mouse this time: the map has the keys all the same
    browser.execute_script(MAP_JS + "map.getContainer().focus();")
    vertices = []
    for arrow in (Keys.ARROW_LEFT, Keys.ARROW_UP, Keys.ARROW_UP):
        keys(arrow)
        vertices.append(centre())
        keys(Keys.SPACE)
    keys(Keys.SPACE)  # the same place again adds nothing
    keys(Keys.ENTER)
    (row,) = _csv_rows(browser)
    drawn = shapely.from_wkt(row["wkt"]).coords
    assert [list(c) for c in drawn] == vertices
    assert _errors(browser) == []


def test_undo_takes_back_the_first_point_too(browser, tmp_path):
    # Leaflet.Editable's pop keeps a shape's last point: a first click in the wrong place stayed.
    project, x, y = _first_unlocated_at(browser, tmp_path)
    _start(browser, project, "line")
    _click(browser, x - 100, y - 100)
    _panel_button(browser, "Undo")
    for point in ((x, y), (x + 80, y), (x + 80, y)):
        _click(browser, *point)
    (row,) = _csv_rows(browser)
    assert len(shapely.from_wkt(row["wkt"]).coords) == 2

    # Correcting a located project: the view stays where the planner clicked, not back on it.
    _start(browser, "school-3", "line")
    _view(browser, 117.01, 36.69, zoom=17)
    _click(browser, *_pixel(browser, 117.01, 36.69))
    _panel_button(browser, "Undo")
    centre = browser.execute_script(MAP_JS + "var c = map.getCenter(); return [c.lng, c.lat, map.getZoom()];")
    assert centre == [pytest.approx(117.01), pytest.approx(36.69), 17]
    assert _errors(browser) == []


def _many_unlocated(tmp_path, count):
    """A fixture map with ``count`` unlocated culture projects 项目000..., and one located road."""
    from geo.catalog import features_to_gdf

    features = [_feature(1, "北园大街", "road_rebuild", "改造", shapely.LineString([(116.975, 36.68), (117.02, 36.682)]))]
    for number in range(count):
        feature = _feature(number + 2, f"项目{number:03d}", "culture" if number % 2 else "school", "建设", None)
        feature["properties"]["geocode"] = {"status": "unlocated", "reason": "no point named it"}
        features.append(feature)
    render_fixture(tmp_path, projects=features_to_gdf(features), basemap="none")
    return tmp_path / "projects.html"


def _on_top(driver, element):
    """Whether a planner can see and press ``element``: it is what lies under its own centre."""
    return driver.execute_script("""
        var r = arguments[0].getBoundingClientRect();
        var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit === arguments[0] || arguments[0].contains(hit);""", element)


def test_far_down_a_long_list_what_is_being_drawn_and_its_buttons_stay_in_view(browser, tmp_path):
    from selenium.webdriver.common.by import By

    page = _many_unlocated(tmp_path, 300)
    _open(browser, page)
    last = page_data(page.read_text(encoding="utf-8"))["panel"]["unlocated"][-1]
    _start(browser, last["id"], "line")
    assert last["name"] in _status(browser)
    finish = next(b for b in browser.find_elements(By.CSS_SELECTOR, ".geo-panel-actions button") if "Finish" in b.text)
    assert _on_top(browser, finish) and _on_top(browser, browser.find_element(By.CSS_SELECTOR, ".geo-panel-status"))


def test_the_list_is_filtered_by_what_the_planner_types(browser, tmp_path):
    from selenium.webdriver.common.by import By

    page = _many_unlocated(tmp_path, 300)
    _open(browser, page)
    search = browser.find_element(By.CSS_SELECTOR, ".geo-panel-filter")
    search.send_keys("项目12")  # 项目120-129
    shown = browser.execute_script("""
        return Array.from(document.querySelectorAll('.geo-panel-unlocated')).filter(function (row) {
            return row.offsetParent !== null; }).map(function (row) {
            return row.querySelector('.geo-panel-name').textContent; });""")
    assert sorted(shown) == [f"项目{n}" for n in range(120, 130)]
    headers = browser.execute_script("""
        return Array.from(document.querySelectorAll('.geo-panel-category')).filter(function (h) {
            return h.offsetParent !== null; }).length;""")
    assert headers == 2  # school and culture; the located road's category has no match
    search.clear()
    search.send_keys("北园")  # a located project: its folded list opens
    assert browser.execute_script("return document.querySelector('.geo-panel-located').open;")
    assert browser.find_element(By.CSS_SELECTOR, '.geo-panel-item[data-project="road_rebuild-1"]').is_displayed()
    search.clear()
    search.send_keys(" ")
    assert browser.execute_script("return document.querySelectorAll('.geo-panel-unlocated:not([hidden])').length;") == 300


def test_a_right_to_left_override_in_report_text_does_not_reorder_what_the_map_shows(browser, tmp_path):
    # 青松\u202e路小学 showed as 青松学小路 in its popup, tooltip and the panel's list, and a quote holding one
    # showed the rest of its sentence backwards: the report's text shown in another order than written.
    from geo.catalog import features_to_gdf

    override, isolate = "青松\u202e路小学", "北园\u2067大街\u2069改造"
    features = [_feature(1, override, "school", "建设", shapely.Point(117.0, 36.68)),
                _feature(2, isolate, "culture", "建设", None)]
    for feature in features:
        feature["properties"]["quote"] = "今年新建\u202e" + feature["properties"]["name"] + "。"
    render_fixture(tmp_path, projects=features_to_gdf(features), basemap="none")
    _open(browser, tmp_path / "projects.html")
    shown = browser.execute_script(MAP_JS + """
        var out = {};
        map.eachLayer(function (layer) {
            if (layer.getPopup && layer.getPopup() && layer.feature) {
                layer.openPopup();
                layer.openTooltip();
                var popup = layer.getPopup().getElement();
                out.title = popup.querySelector('b').textContent;
                out.quote = popup.querySelector('.geo-quote').textContent;
            }
        });
        out.tooltips = Array.from(document.querySelectorAll('.leaflet-tooltip')).map(function (t) { return t.textContent; });
        var row = document.querySelector('.geo-panel-unlocated');
        out.row = [row.querySelector('.geo-panel-name').textContent, row.querySelector('.geo-quote').textContent];
        return out;""")
    assert shown["title"] == "青松路小学" and shown["quote"] == "“今年新建青松路小学。”"
    assert "青松路小学" in shown["tooltips"]
    assert shown["row"] == ["北园大街改造", "今年新建北园大街改造。"]
    assert _errors(browser) == []


def test_the_filter_finds_a_name_written_in_traditional_script_or_full_width_letters(browser, tmp_path):
    """A report in Traditional script names 天橋區實驗學校: a planner typing 天桥区 on a Simplified keyboard
    found nothing, and typing abc found no ＡＢＣ路."""
    from geo.catalog import features_to_gdf

    features = []
    for number, name in enumerate(("天橋區實驗學校", "ＡＢＣ路", "天桥小学"), 1):
        feature = _feature(number, name, "school", "建设", None)
        feature["properties"]["geocode"] = {"status": "unlocated", "reason": "no point named it"}
        features.append(feature)
    render_fixture(tmp_path, projects=features_to_gdf(features), basemap="none")
    _open(browser, tmp_path / "projects.html")
    for typed, found in (("天桥区", ["天橋區實驗學校"]), ("abc", ["ＡＢＣ路"]), ("天桥", ["天橋區實驗學校", "天桥小学"]),
                         ("天橋", ["天橋區實驗學校"])):
        shown = filtered_names(browser, typed)
        assert sorted(shown) == sorted(found), typed


def test_a_placed_project_of_a_very_long_name_names_itself_on_the_screen(browser, tmp_path):
    """The tooltip of a project placed by hand is its name: 72 characters ran past the map's edge."""
    from geo.catalog import features_to_gdf

    name = "北園大街綜合整治提升工程" * 6
    feature = _feature(1, name, "school", "建设", None)
    feature["properties"]["geocode"] = {"status": "unlocated", "reason": "no point named it"}
    render_fixture(tmp_path, projects=features_to_gdf([feature]), basemap="none")
    _open(browser, tmp_path / "projects.html")
    _view(browser, 116.99, 36.68, zoom=15)
    x, y = _pixel(browser, 116.985, 36.68)
    _start(browser, "school-1", "point")
    _click(browser, x, y)
    _click(browser, x + 200, y + 200)  # away, and back over the placed point
    from selenium.webdriver.common.action_chains import ActionChains

    hover = ActionChains(browser, duration=10)
    hover.w3c_actions.pointer_action.move_to_location(x, y)
    hover.perform()
    time.sleep(0.2)
    box = hover_tip_box(browser)
    assert box["text"] == name
    assert 0 <= box["left"] and box["right"] <= box["width"], box


def test_zooming_out_to_look_between_clicks_or_while_editing_keeps_the_accuracy_of_the_clicks(browser, tmp_path):
    # A planner drawing a road at zoom 18 zooms out to find its next bend and back in to click it;
    # correcting it, zooms out to see it in its streets and presses Done without moving it. Every
    # click was made at zoom 18, but the row said "at zoom 12" and ±152 m: the zoom of the view,
    # not of any click. A vertex dragged at zoom 12 is placed at zoom 12.
    vertices = [(117.0, 36.68), (117.0005, 36.6803), (117.001, 36.68)]
    project, _, _ = _first_unlocated_at(browser, tmp_path)
    _start(browser, project, "line")
    for lon, lat in vertices:
        _view(browser, lon, lat, zoom=12)  # looking for it
        _view(browser, lon, lat, zoom=DRAW_ZOOM)
        _click(browser, *_pixel(browser, lon, lat))
    _click(browser, *_pixel(browser, *vertices[-1]))
    (row,) = _csv_rows(browser)
    at_18 = _expected_accuracy(shapely.LineString(vertices))
    assert (row["method"], row["accuracy_m"]) == (f"{settings.HAND_PLACED_SOURCE} at zoom {DRAW_ZOOM}", str(at_18))

    _press(browser, project, "编辑 Edit")
    _view(browser, *vertices[1], zoom=12)
    _view(browser, *vertices[1], zoom=DRAW_ZOOM)
    _press(browser, project, "完成 Done")
    assert _csv_rows(browser) == [row]

    _press(browser, project, "编辑 Edit")
    _view(browser, *vertices[0], zoom=12)
    _drag(browser, *_pixel(browser, *vertices[0]), 0, 10)
    _press(browser, project, "完成 Done")
    (moved,) = _csv_rows(browser)
    assert moved["method"] == f"{settings.HAND_PLACED_SOURCE} at zoom 12" and int(moved["accuracy_m"]) > 100 * at_18 / 2

    _start(browser, project, "line")  # drawn anew, its first point dragged at zoom 12 before the others
    _view(browser, *vertices[0], zoom=DRAW_ZOOM)
    _click(browser, *_pixel(browser, *vertices[0]))
    _view(browser, *vertices[0], zoom=12)
    _drag(browser, *_pixel(browser, *vertices[0]), 0, 10)
    for lon, lat in vertices[1:]:
        _view(browser, lon, lat, zoom=DRAW_ZOOM)
        _click(browser, *_pixel(browser, lon, lat))
    _click(browser, *_pixel(browser, *vertices[-1]))
    (redrawn,) = _csv_rows(browser)
    assert redrawn["method"] == f"{settings.HAND_PLACED_SOURCE} at zoom 12", redrawn
    assert _errors(browser) == []


@pytest.mark.parametrize("district, said", [("婺源县", "全县统计"), ("天桥区", "全区统计")])
def test_a_countys_counted_projects_are_county_wide_in_the_panel(browser, tmp_path, district, said):
    # A county's counted projects (学校10所) said 全区统计，不放置 in the panel: a 县 is no 区.
    from geo import render
    from geo.catalog import features_to_gdf
    from test_render import make_coverage, make_outline, make_zones

    features = [_feature(1, "北园大街", "road_rebuild", "改造", shapely.LineString([(116.975, 36.68), (117.02, 36.682)]))]
    counted = _feature(2, "新建学校", "school", "新建", None)
    counted["properties"].update(named=False, geocode={"status": "unlocated", "reason": "a count"})
    features.append(counted)
    zones = make_zones()
    render.render_maps(features_to_gdf(features), zones, make_outline(zones).assign(name=district),
                       make_coverage(zones), tmp_path, basemap="none")
    _open(browser, tmp_path / "projects.html")
    notes = browser.execute_script("""
        return Array.from(document.querySelectorAll('.geo-panel-counted .geo-panel-note'))
            .map(function (note) { return note.textContent; });""")
    assert notes[-1] == f"{said}，不放置 District-wide by design"
    # and so does the heading above them (按区统计 in 连江县's panel)
    heading = browser.execute_script("""
        return Array.from(document.querySelectorAll('.geo-panel-section')).map(function (title) {
            return title.textContent; }).filter(function (text) { return text.indexOf('Counted') >= 0; });""")
    assert heading == [f"{said}（不放置）Counted district-wide, not placed (1)"]
    assert _errors(browser) == []
