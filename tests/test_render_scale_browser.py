"""The maps of a large district in headless Chromium: 2,000 projects (long roads of thousands of vertices,
areas, points), 500 of them unlocated, 40 街道 (tests/large_district.py), rendered by the CLI.

The times are measured by scripts/bench_render.py; these tests check what the pages show.
"""

from __future__ import annotations

import csv
import json
import re

import pytest

from large_district import ODD_NAMES, write_district
from test_render_browser import COUNT_LAYERS_JS, NO_NETWORK, _open, _severe
from panel_filter import filtered_names

pytestmark = pytest.mark.browser


def _geo(*args):
    from click.testing import CliRunner

    from geo.cli import main

    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    """The district's folder: its catalog (joined), 街道 file, maps (maps_out/, no basemap) and ``coverage.csv``
    as ``geo coverage --format csv`` writes it."""
    folder = tmp_path_factory.mktemp("district")
    options = write_district(folder)
    _geo("join", "-p", folder / "projects.geojson", "--layers-dir", folder / "layers", *options)  # km per 街道
    _geo("render", "-p", folder / "projects.geojson", *options, "--basemap", "none",
         "-o", folder / "maps_out")
    _geo("coverage", "-p", folder / "projects.geojson", *options, "--format", "csv",
         "-o", folder / "coverage.csv")
    return folder


def _catalog(folder):
    return json.loads((folder / "projects.geojson").read_text(encoding="utf-8"))["features"]


def test_every_project_of_a_large_district_is_drawn_and_counted_in_legend_and_layer_control(chromium, district):
    from geo.data import category_label

    features = _catalog(district)
    located = {}
    for feature in features:
        if feature["geometry"] is not None:
            located[feature["properties"]["category"]] = located.get(feature["properties"]["category"], 0) + 1
    driver = chromium(*NO_NETWORK)
    state = _open(driver, district / "maps_out" / "projects.html")
    drawn = driver.execute_script(COUNT_LAYERS_JS)
    assert drawn == {"zones": 40, "outline": 1, **{f"projects:{code}": n for code, n in located.items()}}
    assert len(state["labels"]) == 40 and "東風街道" in state["labels"]
    for code, n in located.items():  # the control and the legend name each category as categories.csv does
        assert f"{category_label(code)} ({n})" in state["layerNames"]
        assert f"{category_label(code)} ({n})" in state["legendText"]
    unlocated = len(features) - sum(located.values())
    assert f"{unlocated} of {len(features)} projects not located" in state["legendText"]
    # past a screenful of layers the control is folded, and opens on a hover
    assert driver.execute_script("return !!document.querySelector('.leaflet-control-layers-expanded')") is False
    assert _severe(driver) == []


def test_names_as_reports_write_them_show_as_written_in_popups_and_panel(chromium, district):
    features = _catalog(district)
    by_name = {f["properties"]["name"]: f for f in features}
    driver = chromium(*NO_NETWORK)
    _open(driver, district / "maps_out" / "projects.html")
    popups = driver.execute_script("""
        var map = window[document.querySelector('.folium-map').id], wanted = arguments[0], out = {};
        map.eachLayer(function (group) {
            if (!(group instanceof L.GeoJSON)) { return; }
            group.eachLayer(function (sub) {
                if (!sub.getPopup()) { return; }
                // (only the popups of the names looked for are opened: opening thousands took 12 s)
                var parsed = new DOMParser().parseFromString(String(sub.getPopup().getContent()), 'text/html');
                var bold = parsed.querySelector('b');
                if (!bold || wanted.indexOf(bold.textContent) < 0) { return; }
                sub.openPopup();
                var box = sub.getPopup().getElement().querySelector('.leaflet-popup-content');
                if (wanted.indexOf(box.querySelector('b').textContent) >= 0) {
                    out[box.querySelector('b').textContent] = box.textContent;
                }
                sub.closePopup();
            });
        });
        return out;""", list(ODD_NAMES))
    rows = driver.execute_script("""
        return Array.from(document.querySelectorAll('.geo-panel-name')).map(function (n) { return n.textContent; });""")
    for name in ODD_NAMES:
        feature = by_name[name]
        if feature["geometry"] is None:
            assert name in rows, name
        else:
            assert name in popups, name
            assert f"“全面建设{name}。”" in popups[name]
    assert len(rows) == len(features)  # every project, located or not, has its row


def test_the_panel_lists_500_unlocated_projects_and_its_filter_finds_any_of_them(chromium, district):
    from selenium.webdriver.common.by import By

    unlocated = [f["properties"]["name"] for f in _catalog(district) if f["geometry"] is None]
    assert len(unlocated) == 500
    driver = chromium(*NO_NETWORK)
    _open(driver, district / "maps_out" / "projects.html")
    assert "(500)" in driver.find_element(By.CSS_SELECTOR, ".geo-panel-toggle").text
    assert len(driver.find_elements(By.CSS_SELECTOR, ".geo-panel-unlocated")) == 500
    for typed in ('A&B <路> "东"', "🌳口袋", unlocated[321]):
        shown = filtered_names(driver, typed)  # typed as a keyboard would (ChromeDriver cannot type an emoji)
        assert shown and all(typed.lower() in name.lower() for name in shown), typed
        assert sorted(shown) == sorted(n for n in unlocated if typed.lower() in n.lower()), typed


def test_coverage_colours_and_tooltips_of_every_street_match_the_coverage_csv(chromium, district):
    """Classes, colours and tooltips checked against ``geo coverage --format csv``: each 街道's value lies in
    the legend's range of its colour, darker colours hold larger values, and a 街道 without projects is 0."""
    from geo.render.coverage_map import LAYERS

    with open(district / "coverage.csv", encoding="utf-8-sig", newline="") as f:
        rows = {row["code"]: row for row in csv.DictReader(f)}
    assert len(rows) == 40
    driver = chromium(*NO_NETWORK)
    _open(driver, district / "maps_out" / "coverage.html")
    read = """
        var map = window[document.querySelector('.folium-map').id], out = {};
        map.eachLayer(function (group) {
            if (!(group instanceof L.GeoJSON) || group.options.geoLayer.indexOf('coverage:') !== 0) { return; }
            var zones = out[group.options.geoLayer] = {};
            group.eachLayer(function (zone) {
                zone.fire('mouseover', {latlng: zone.getCenter()}, true);
                var cells = {};
                group.getTooltip().getElement().querySelectorAll('tr').forEach(function (tr) {
                    cells[tr.querySelector('th').textContent] = tr.querySelector('td').textContent; });
                zone.fire('mouseout', {latlng: zone.getCenter()}, true);
                zones[zone.feature.properties.code] = {fill: zone._path.getAttribute('fill'), cells: cells};
            });
        });
        var legend = [];
        document.querySelectorAll('.geo-legend > div').forEach(function (row) {
            var rect = row.querySelector('rect');
            legend.push([row.className, rect ? rect.getAttribute('fill') : null, row.textContent.trim()]);
        });
        return {zones: out, legend: legend};"""
    shown = driver.execute_script(read)
    driver.execute_script("""Array.from(document.querySelectorAll('.leaflet-control-layers-base label')).forEach(
        function (label) { if (label.textContent.indexOf('Road works km') >= 0) { label.querySelector('input').click(); } });""")
    shown["zones"].update(driver.execute_script(read)["zones"])  # the road-km choropleth, chosen in the control
    heads = {label: field for field, label, *_ in LAYERS}
    classes, field = {}, None
    for kind, fill, text in shown["legend"]:
        if kind == "geo-legend-head":
            field = heads[text]
            classes[field] = []
        elif kind == "geo-legend-row" and fill and field:
            classes[field].append((fill, [float(v) for v in text.split("–")]))
    km = {code: sum(float(row[c]) for c in ("road_km_rebuild", "road_km_greening", "road_km_new"))
          for code, row in rows.items()}
    values = {"projects": {code: float(row["projects"]) for code, row in rows.items()}, "road_km": km}
    for field, by_code in values.items():
        zones = shown["zones"][f"coverage:{field}"]
        assert set(zones) == set(rows)
        order = [fill for fill, _ in classes[field]]
        for code, value in by_code.items():
            fill = zones[code]["fill"]
            bounds = dict(classes[field])[fill]
            assert bounds[0] <= round(value, 3) <= bounds[-1], (field, code, value, bounds)
        ranked = sorted(by_code, key=by_code.get)
        assert [order.index(zones[c]["fill"]) for c in ranked] == sorted(order.index(zones[c]["fill"]) for c in ranked)
    for code, row in rows.items():
        cells = shown["zones"]["coverage:projects"][code]["cells"]
        assert cells["街道"] == row["name"] and cells["项目 Projects"] == row["projects"]
        for column, label in (("road_km_rebuild", "改造 Rebuild km"), ("road_km_greening", "绿化 Greening km"),
                              ("road_km_new", "新建 New km")):
            assert cells[label] == row[column], (code, column)
        assert cells["道路 Road km"] == f"{km[code]:.3f}"
    empty = [code for code, row in rows.items() if row["projects"] == "0"]
    assert empty  # the district leaves one 街道 without projects: it shows 0, in the lowest class, not 'no data'
    for code in empty:
        assert shown["zones"]["coverage:projects"][code]["cells"]["项目 Projects"] == "0"
        assert shown["zones"]["coverage:projects"][code]["fill"] == classes["projects"][0][0]
    assert not any("no data" in text for _, _, text in shown["legend"])
    assert _severe(driver) == []


def test_a_road_across_many_streets_is_one_line_with_its_whole_length_and_its_streets(chromium, district):
    """The join cuts a road at each 街道 edge (its km per 街道); the map draws it whole, one line from its
    first vertex to its last, its popup giving the whole length (the sum of its 街道's km) and every 街道."""
    from pyproj import Geod
    from shapely.geometry import shape

    from geo.data import category_label

    geod = Geod(ellps="WGS84")
    roads = {f["properties"]["id"]: f for f in _catalog(district)
             if f["geometry"] is not None and f["geometry"]["type"] == "LineString"}
    crossing = {i: f for i, f in roads.items() if len(f["properties"]["subdistricts"]) >= 3}
    assert len(crossing) >= 10
    driver = chromium(*NO_NETWORK)
    _open(driver, district / "maps_out" / "projects.html")
    drawn = driver.execute_script("""
        var wanted = arguments[0], map = window[document.querySelector('.folium-map').id], out = {};
        map.eachLayer(function (group) {
            if (!(group instanceof L.GeoJSON)) { return; }
            group.eachLayer(function (sub) {
                var id = sub.feature.properties.id;
                if (!(id in wanted)) { return; }
                var latlngs = sub.getLatLngs();
                sub.openPopup();
                (out[id] = out[id] || []).push({
                    first: [latlngs[0].lng, latlngs[0].lat], last: [latlngs[latlngs.length - 1].lng,
                    latlngs[latlngs.length - 1].lat], nested: Array.isArray(latlngs[0]),
                    popup: sub.getPopup().getElement().querySelector('.leaflet-popup-content').textContent});
                sub.closePopup();
            });
        });
        return out;""", {i: True for i in crossing})
    assert set(drawn) == set(crossing)
    for project_id, feature in crossing.items():
        assert len(drawn[project_id]) == 1, project_id  # one line, not a piece per 街道
        line = drawn[project_id][0]
        coords = feature["geometry"]["coordinates"]
        assert not line["nested"]
        for shown, stored in ((line["first"], coords[0]), (line["last"], coords[-1])):
            assert abs(shown[0] - stored[0]) < 2e-5 and abs(shown[1] - stored[1]) < 2e-5, project_id
        props = feature["properties"]
        whole = geod.geometry_length(shape(feature["geometry"])) / 1000
        parts = sum(s["km"] for s in props["subdistricts"])
        assert abs(whole - parts) < 0.01, project_id
        shown_km = float(re.search(r"长度 Length: ([0-9.]+) km", line["popup"]).group(1))
        assert abs(shown_km - whole) < 0.001, project_id
        assert f"街道 Subdistrict: {'、'.join(s['name'] for s in props['subdistricts'])}" in line["popup"]
        assert f"类别 Category: {category_label(props['category'])}" in line["popup"]
