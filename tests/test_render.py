"""Tests for geo.render: the HTML maps as text (escaping, determinism, size, datums, layers, legend)."""

from __future__ import annotations

import html
import json
import re

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import LineString, Point, box

from geo import render
from geo.catalog import features_to_gdf
from geo.render.classes import NO_DATA_COLOUR, PROJECT_PALETTE
from geo.render.style import APPROXIMATE_LABEL, OFFICIAL_LABEL, OSM_LABEL
from geo.data import category_codes
from geo.io import InputError

# A report text that tries every way out of a string: HTML, a JS template literal,
# and closing the script element the data sits in.
EVIL = "<img src=x onerror=alert(1)>`${alert(2)}`</script><script>alert(3)</script>"
ZONE_NAMES = "甲乙丙丁戊己庚辛"


# --------------------------------------------------------------------------- fixtures (shared with the browser tests)


def make_zones(n=3, quality="approximate", names=None, segment=None):
    """n side-by-side 街道 boxes near 117.0E 36.68N (optionally densified every ``segment`` degrees)."""
    edges = [round(116.97 + 0.02 * i, 6) for i in range(n + 1)]  # exactly shared edges
    geoms = [box(edges[i], 36.66, edges[i + 1], 36.70) for i in range(n)]
    if segment:
        geoms = [shapely.segmentize(g, segment) for g in geoms]
    names = names or [f"{ZONE_NAMES[i]}街道" for i in range(n)]
    return gpd.GeoDataFrame({"code": [f"3701050{i + 1:02d}" for i in range(n)], "name": names,
                             "boundary_quality": [quality] * n, "source": ["test"] * n},
                            geometry=geoms, crs="EPSG:4326")


def make_zones_with_an_island_first():
    """make_zones(), 甲街道 a MultiPolygon whose first part is a small island (an exclave in 丙街道's hole)."""
    zones = make_zones()
    island = box(117.025, 36.68, 117.026, 36.681)
    zones.loc[0, "geometry"] = shapely.MultiPolygon([island, zones.geometry.iloc[0]])
    zones.loc[2, "geometry"] = zones.geometry.iloc[2].difference(island)
    return zones


def make_crescent_zones():
    """Two 街道: 甲街道 a C around 乙街道, whose middle (where Leaflet labels a shape) lies in 乙街道."""
    inner = box(116.985, 36.665, 117.03, 36.695)
    crescent = box(116.97, 36.66, 117.03, 36.70).difference(inner)
    return gpd.GeoDataFrame({"code": ["370105001", "370105002"], "name": ["甲街道", "乙街道"],
                             "boundary_quality": ["official"] * 2, "source": ["test"] * 2},
                            geometry=[crescent, inner], crs="EPSG:4326")


def make_outline(zones=None):
    zones = make_zones() if zones is None else zones
    return gpd.GeoDataFrame({"name": ["天桥区"]}, geometry=[zones.union_all()], crs="EPSG:4326")


def _feature(number, name, category, action, geom, zone="甲街道"):
    return {"geometry": geom, "properties": {
        "id": f"{category}-{number}", "name": name, "category": category, "action": action,
        "quote": f"全面{action}{name}。", "char_start": 0, "char_end": len(name), "named": True,
        "geocode": {"status": "matched", "source": "gazetteer", "method": "exact",
                    "source_datum": "wgs84", "accuracy_m": 50},
        "subdistricts": [{"code": "370105001", "name": zone, "share": 1.0, "km": 1.25}]}}


def make_projects(evil_name=EVIL):
    """Two roads, two schools, one health point with a hostile name, one unlocated project."""
    features = [
        _feature(1, "北园大街", "road_rebuild", "改造", LineString([(116.975, 36.68), (116.99, 36.681), (117.02, 36.682)])),
        _feature(2, "明湖西路", "road_greening", "绿化提升", LineString([(116.98, 36.69), (117.01, 36.695)])),
        _feature(3, "天桥小学", "school", "建设", Point(116.985, 36.675)),
        _feature(4, "第二中学", "school", "改扩建", Point(117.015, 36.69)),
        _feature(5, evil_name, "health", "建设", Point(117.005, 36.685)),
        _feature(6, "未定位项目", "culture", "建设", None),
    ]
    return features_to_gdf(features)


# Layers the projects fixture must draw, with their feature counts.
EXPECTED_PROJECT_LAYERS = {"projects:road_rebuild": 1, "projects:road_greening": 1,
                           "projects:school": 2, "projects:health": 1, "zones": 3, "outline": 1}


def make_coverage(zones=None, projects=None, road_km=None):
    """A coverage table for ``zones`` with the given per-zone project counts and road km."""
    zones = make_zones() if zones is None else zones
    projects = projects if projects is not None else [3, 1, 1][: len(zones)]
    road_km = road_km if road_km is not None else [1.9, 0.4, 0.0][: len(zones)]
    rows = []
    for (code, name), count, km in zip(zip(zones["code"], zones["name"]), projects, road_km):
        row = {"code": code, "name": name, "projects": count}
        row.update({c: 0 for c in category_codes()})
        row["school"] = min(count, 2)
        row.update(road_km_rebuild=km * 0.75, road_km_greening=km * 0.25)
        rows.append(row)
    return pd.DataFrame(rows)


def render_fixture(out_dir, **kwargs):
    """Render the standard fixture into out_dir; returns {file name: text}."""
    zones = kwargs.pop("zones", None)
    zones = make_zones() if zones is None else zones
    projects = kwargs.pop("projects", None)
    projects = make_projects() if projects is None else projects
    coverage = kwargs.pop("coverage", None)
    coverage = make_coverage(zones) if coverage is None else coverage
    paths = render.render_maps(projects, zones, make_outline(zones), coverage, out_dir, **kwargs)
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


def page_data(page):
    """The JSON data island of a rendered map."""
    match = re.search(r'<script type="application/json" id="geo-data">(.*?)</script>', page, flags=re.DOTALL)
    return json.loads(match.group(1))


def layer_data(page):
    """The GeoJSON of a rendered map's layers, keyed by layer key."""
    return {spec["key"]: spec["data"] for spec in page_data(page)["layers"]}


def _props(page, layer):
    return [f["properties"] for f in layer_data(page)[layer]["features"]]


# --------------------------------------------------------------------------- escaping


def test_hostile_project_text_is_inert_data(tmp_path):
    evil = render_fixture(tmp_path / "evil")["projects.html"]
    plain = render_fixture(tmp_path / "plain", projects=make_projects("普通医院"))["projects.html"]
    # The hostile name adds no element: same script tags as a harmless name, and none
    # of its markup survives as markup anywhere in the page.
    for tag in ("<script", "</script", "<img"):
        assert evil.count(tag) == plain.count(tag), tag
    assert "onerror=alert(1)>" not in evil
    assert "alert(3)</script>" not in evil
    # What reaches innerHTML is the escaped text, which shows the original literally.
    props = _props(evil, "projects:health")[0]
    assert props["label"] == html.escape(EVIL)
    assert html.escape(EVIL) in props["popup"]
    assert html.unescape(props["label"]) == EVIL


def test_each_page_names_its_map_in_the_browser_tab(tmp_path):
    """Two tabs of one report, the project map and the coverage map, are told apart by their titles."""
    pages = render_fixture(tmp_path, title="天桥区 报告")
    titles = {name: re.search(r"<title>(.*?)</title>", page).group(1) for name, page in pages.items()}
    assert titles["projects.html"] == "项目地图 Project map · 天桥区 报告"
    assert titles["coverage.html"] == "街道覆盖 Coverage by 街道 · 天桥区 报告"
    assert titles["index.html"] == "天桥区 报告"


def test_hostile_zone_name_title_and_category_are_escaped(tmp_path):
    zones = make_zones(names=[EVIL, "乙街道", "丙街道"])
    projects = make_projects("普通医院")
    projects.loc[projects["category"] == "school", "category"] = "<b>odd</b>"  # unknown code, shown as itself
    pages = render_fixture(tmp_path, zones=zones, projects=projects, title="<i>标题</i> & co")
    for name, page in pages.items():
        assert "<i>标题</i>" not in page, name
        assert "<b>odd</b>" not in page, name
        assert "onerror=alert(1)>" not in page, name
    assert "<title>项目地图 Project map · &lt;i&gt;标题&lt;/i&gt; &amp; co</title>" in pages["projects.html"]
    assert _props(pages["projects.html"], "zones")[0]["label"] == html.escape(EVIL)
    assert _props(pages["coverage.html"], "coverage:projects")[0]["label"] == html.escape(EVIL)
    assert html.escape(EVIL) in _props(pages["coverage.html"], "coverage:projects")[0]["tooltip"]
    assert "projects:<b>odd</b>" in layer_data(pages["projects.html"])


# --------------------------------------------------------------------------- determinism and size


def test_two_renders_are_byte_identical(tmp_path):
    for inline in (False, True):
        first = render_fixture(tmp_path / f"a{inline}", inline=inline)
        second = render_fixture(tmp_path / f"b{inline}", inline=inline)
        assert first == second
        # folium's random ids are gone, not merely equal by luck
        assert not re.search(r"_[0-9a-f]{32}\b", first["projects.html"])


def test_two_processes_render_byte_identical_maps(tmp_path):
    """`geo render` of one district in two processes (other hash seeds, so other set and dict orders where
    they depend on it): the same bytes in every page, with and without --cdn and with a shifted basemap."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from large_district import write_district

    options = write_district(tmp_path, projects=300, unlocated=60, long_roads=3, road_vertices=500)
    root = str(Path(render.__file__).resolve().parents[2])
    for extra in ([], ["--cdn", "--basemap", "amap"]):
        pages = []
        for seed in ("1", "2"):
            out = tmp_path / f"maps{seed}{len(extra)}"
            env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=root)
            subprocess.run([sys.executable, "-m", "geo", "render", "-p", str(tmp_path / "projects.geojson"), *options,
                            *extra, "-o", str(out)], check=True, capture_output=True, env=env, cwd=tmp_path, timeout=300)
            pages.append({p.name: p.read_bytes() for p in sorted(out.glob("*.html"))})
        assert len(pages[0]) == 3 and pages[0] == pages[1], extra


def test_render_leaves_folium_json_settings_as_found(tmp_path):
    from folium.template import Template

    policies = Template("").environment.policies
    before = dict(policies["json.dumps_kwargs"])
    render_fixture(tmp_path)
    assert policies["json.dumps_kwargs"] == before


def test_dense_boundaries_are_simplified_rounded_and_small(tmp_path):
    # Boundaries with a vertex every ~1 m: tens of thousands of points on input.
    zones = make_zones(n=8, segment=0.00001)
    input_vertices = int(shapely.get_num_coordinates(zones.geometry.values).sum())
    pages = render_fixture(tmp_path / "online", zones=zones, inline=False)
    coords = shapely.get_coordinates(
        [shapely.geometry.shape(f["geometry"]) for f in layer_data(pages["projects.html"])["zones"]["features"]])
    assert input_vertices > 20000
    assert len(coords) < input_vertices / 100
    assert all(round(v, 5) == v for v in coords.ravel())
    sizes = render.map_sizes(tmp_path / "online")
    assert list(sizes) == ["projects.html", "coverage.html", "index.html"]
    assert sizes["projects.html"] == (tmp_path / "online" / "projects.html").stat().st_size
    assert max(sizes.values()) <= 300_000
    render_fixture(tmp_path / "inline", zones=zones)
    assert max(render.map_sizes(tmp_path / "inline").values()) <= 800_000


def _jagged_pair():
    """Two 街道 sharing a noisy ~1 m-step border; one ring starts mid-border, which makes
    per-polygon simplification cut the border differently on each side."""
    import numpy as np

    rng = np.random.default_rng(0)
    lat = np.linspace(36.66, 36.70, 1000)
    border = list(zip(117.0 + rng.normal(0, 3e-5, len(lat)), lat))
    west = [(116.98, 36.66), *border, (116.98, 36.70)]
    west = west[500:] + west[:500]
    east = [(117.02, 36.66), (117.02, 36.70), *border[::-1]]
    zones = make_zones(n=2)
    zones.geometry = [shapely.Polygon(west), shapely.Polygon(east)]
    return zones


def test_neighbouring_zones_keep_shared_edges(tmp_path):
    zones = _jagged_pair()
    page = render_fixture(tmp_path, zones=zones)["projects.html"]
    west, east = (shapely.geometry.shape(f["geometry"]) for f in layer_data(page)["zones"]["features"])
    assert shapely.get_num_coordinates(west) < 1000  # simplified...
    # ...but still a tiling: the shared border is the same line on both sides.
    border_w = shapely.get_coordinates(west)
    border_e = shapely.get_coordinates(east)
    on_border = lambda xy: {tuple(p) for p in xy if 116.99 < p[0] < 117.01}  # noqa: E731
    assert on_border(border_w) == on_border(border_e)
    assert len(on_border(border_w)) > 10


# --------------------------------------------------------------------------- layers, styles, popups, legend


def test_one_layer_per_located_category_with_counts(tmp_path):
    page = render_fixture(tmp_path)["projects.html"]
    counts = {name: len(data["features"]) for name, data in layer_data(page).items()}
    assert counts == EXPECTED_PROJECT_LAYERS  # the unlocated culture project draws no layer
    assert re.search(r'"学校教育 School \(2\)"\s*:\s*data_layer_\d+', page)
    assert "1 of 6 projects not located" in page


def test_roads_are_styled_by_their_category(tmp_path):
    from geo.render.style import category_style

    page = render_fixture(tmp_path)["projects.html"]
    rebuild = _props(page, "projects:road_rebuild")[0]["style"]
    greening = _props(page, "projects:road_greening")[0]["style"]
    assert "dashArray" not in rebuild and rebuild["weight"] > greening["weight"]
    assert greening["dashArray"] and greening["color"] == category_style("road_greening")["colour"]
    school, health = _props(page, "projects:school")[0]["style"], _props(page, "projects:health")[0]["style"]
    assert school["fillColor"] != health["fillColor"]


def test_popup_carries_category_action_quote_zone_and_accuracy(tmp_path):
    page = render_fixture(tmp_path)["projects.html"]
    popup = next(p["popup"] for p in _props(page, "projects:school") if p["label"] == "天桥小学")
    for text in ("天桥小学", "学校教育 School", "建设", "全面建设天桥小学。", "甲街道", "gazetteer", "±50 m"):
        assert text in popup, text
    road = _props(page, "projects:road_rebuild")[0]["popup"]
    # Length only for lines: the whole road as drawn (4.029 km), not its km in the 街道 (1.25 km).
    assert "4.029 km" in road and "1.25 km" not in road and "km" not in popup


@pytest.mark.parametrize("km, shown", [(6.0, "6.000 km"), (2.5, "2.500 km"), (1234.567, "1234.567 km")])
def test_a_roads_length_is_shown_to_the_metre_whatever_its_digits(km, shown):
    # 之江路 of 6.000 km showed "长度 Length: 6 km" beside 6.002 km of the next road, as if rounded to
    # the km; a road of 1234.567 km (a national highway's route) showed 1234.57 km.
    from geo.render.projects_map import popup_html

    row = {"name": "之江路", "category": "road_greening", "length_km": km,
           "geometry": shapely.LineString([(120.1, 30.2), (120.2, 30.2)])}
    assert f"长度 Length: {shown}" in popup_html(row)


@pytest.mark.parametrize("quality, label, dashed", [
    ("approximate", APPROXIMATE_LABEL, True),
    ("official", OFFICIAL_LABEL, False),
    ("osm", OSM_LABEL, True),  # OpenStreetMap's 街道: not official, dashed, and said to be OSM's
])
def test_boundary_quality_in_legend_and_style(tmp_path, quality, label, dashed):
    pages = render_fixture(tmp_path, zones=make_zones(quality=quality))
    others = {APPROXIMATE_LABEL, OFFICIAL_LABEL, OSM_LABEL} - {label}
    for name in ("projects.html", "coverage.html"):
        assert label in pages[name] and not any(other in pages[name] for other in others), name
    styles = [p["style"] for p in _props(pages["coverage.html"], "coverage:projects")]
    assert all(("dashArray" in s) == dashed for s in styles)


def test_legend_and_controls_present(tmp_path):
    for page in render_fixture(tmp_path).values():
        if "L.map(" not in page:
            continue
        assert "L.control.layers(" in page
        assert "L.control.scale()" in page
        assert "geo-legend" in page and "geoMap.init(" in page
        assert ".fitBounds(" in page


# --------------------------------------------------------------------------- coverage classes


def _fill_by_code(page, layer):
    return {p["code"]: p["style"]["fillColor"] for p in _props(page, layer)}


def test_coverage_natural_breaks_order_colours(tmp_path):
    zones = make_zones(n=7)
    counts = [0, 1, 2, 4, 7, 11, 20]
    page = render_fixture(tmp_path, zones=zones, coverage=make_coverage(zones, counts, [0.5 * c for c in counts]))[
        "coverage.html"]
    assert "Fisher-Jenks" in page
    fills = _fill_by_code(page, "coverage:projects")
    by_count = [fills[code] for code in zones["code"]]
    assert by_count[0] == PROJECT_PALETTE[0] and by_count[-1] == PROJECT_PALETTE[-1]
    ranks = [PROJECT_PALETTE.index(c) for c in by_count]
    assert ranks == sorted(ranks) and len(set(ranks)) == 5
    tooltip = _props(page, "coverage:road_km")[-1]["tooltip"]
    for text in ("<th>项目 Projects</th> <td>20</td>", "<th>道路 Road km</th> <td>10.000</td>",
                 "<th>改造 Rebuild km</th> <td>7.500</td>", "<th>绿化 Greening km</th> <td>2.500</td>",
                 "学校教育 School 2"):
        assert text in tooltip, text


def test_coverage_map_counts_new_road_km_as_the_coverage_table_does(tmp_path):
    """A 街道 whose only road works are a new road (road_km_new) shows them in the road-km layer and tooltip."""
    zones = make_zones(n=3)
    coverage = make_coverage(zones, [1, 1, 1], [0.0, 0.0, 0.0]).assign(road_km_new=[10.477, 0.0, 0.0])
    page = render_fixture(tmp_path, zones=zones, coverage=coverage)["coverage.html"]
    tooltip = _props(page, "coverage:road_km")[0]["tooltip"]
    assert "<th>道路 Road km</th> <td>10.477</td>" in tooltip
    assert "<th>新建 New km</th> <td>10.477</td>" in tooltip
    fills = _fill_by_code(page, "coverage:road_km")
    assert fills[zones["code"][0]] != fills[zones["code"][1]]


def test_coverage_map_km_are_the_coverage_table_km_to_the_metre(tmp_path):
    """coverage.csv gives km to the metre (0.081); the map's tooltip gave 0.08."""
    zones = make_zones(n=3)
    coverage = make_coverage(zones, [1, 1, 1], [0.0, 0.0, 0.0]).assign(road_km_greening=[0.081, 1.2344, 0.0])
    page = render_fixture(tmp_path, zones=zones, coverage=coverage)["coverage.html"]
    tooltips = [p["tooltip"] for p in _props(page, "coverage:road_km")]
    assert "<th>绿化 Greening km</th> <td>0.081</td>" in tooltips[0]
    assert "<th>道路 Road km</th> <td>0.081</td>" in tooltips[0]
    assert "<th>道路 Road km</th> <td>1.234</td>" in tooltips[1]


def _legend_classes(page, head):
    """(fill colour, label) of each class row under the legend heading ``head``."""
    legend = page_data(page)["legend"]
    section = legend.split(html.escape(head), 1)[1].split("geo-legend-note", 1)[0]
    return re.findall(r'<rect [^>]*fill="(#[0-9a-f]{6})"[^>]*/></svg> ([^<]+)</div>', section)


def test_each_street_km_lies_in_the_legend_range_of_its_colour(tmp_path):
    """Classes of road km were labelled to 0.01 km: 4.462 km, as the tooltip and coverage.csv give it,
    was coloured as '0.00–4.46', the next class reading '4.82–9.39'."""
    zones = make_zones(n=8)
    km = [0.0, 0.5, 4.462, 4.819, 9.394, 11.146, 16.927, 20.685]
    coverage = make_coverage(zones, [1] * 8, [0.0] * 8).assign(road_km_rebuild=km)
    page = render_fixture(tmp_path, zones=zones, coverage=coverage)["coverage.html"]
    from geo.render.coverage_map import LAYERS

    classes = dict(_legend_classes(page, next(label for field, label, *_ in LAYERS if field == "road_km")))
    assert len(classes) == 5
    for props in _props(page, "coverage:road_km"):
        shown = float(re.search(r"<th>道路 Road km</th> <td>([0-9.]+)</td>", props["tooltip"]).group(1))
        bounds = [float(v) for v in classes[props["style"]["fillColor"]].split("–")]  # "0.000" or "0.500–4.462"
        low, high = bounds[0], bounds[-1]
        assert low <= shown <= high, (shown, classes[props["style"]["fillColor"]])


def test_tooltip_km_are_written_as_coverage_csv_writes_them(tmp_path):
    """coverage.csv writes 0.180 and 0.000 km; the tooltip wrote 0.18 and 0.0."""
    zones = make_zones(n=3)
    coverage = make_coverage(zones, [1, 0, 0], [0.0, 0.0, 0.0]).assign(road_km_greening=[0.18, 0.0, 0.0])
    tooltips = [p["tooltip"] for p in _props(render_fixture(tmp_path, zones=zones, coverage=coverage)["coverage.html"],
                                             "coverage:road_km")]
    assert "<th>绿化 Greening km</th> <td>0.180</td>" in tooltips[0]
    assert "<th>改造 Rebuild km</th> <td>0.000</td>" in tooltips[0]
    assert "<th>道路 Road km</th> <td>0.000</td>" in tooltips[1] and "<th>项目 Projects</th> <td>0</td>" in tooltips[1]


def test_a_street_is_drawn_with_its_largest_part_first(tmp_path):
    """Leaflet labels a MultiPolygon at its first part: 甲街道's label sat on its island in 丙街道."""
    zones = make_zones_with_an_island_first()
    pages = render_fixture(tmp_path, zones=zones)
    for page, layer in (("projects.html", "zones"), ("coverage.html", "coverage:projects")):
        feature = next(f for f in layer_data(pages[page])[layer]["features"] if f["properties"]["code"] == "370105001")
        first = shapely.geometry.shape({"type": "Polygon", "coordinates": feature["geometry"]["coordinates"][0]})
        assert first.within(box(116.97, 36.66, 116.99, 36.70).buffer(1e-4)), page


def test_a_crescent_street_is_labelled_inside_itself(tmp_path):
    """Leaflet labels a shape at its middle: a C-shaped 街道's middle lies in the 街道 it holds."""
    zones = make_crescent_zones()
    pages = render_fixture(tmp_path, zones=zones, coverage=make_coverage(zones, [1, 1], [0.0, 0.0]))
    for page, layer in (("projects.html", "zones"), ("coverage.html", "coverage:projects")):
        props = {p["code"]: p for p in _props(pages[page], layer)}
        assert zones.geometry.iloc[0].contains(Point(props["370105001"]["labelAt"])), page
        assert "labelAt" not in props["370105002"], page  # a box's middle is in it: Leaflet's place


def test_coverage_few_values_one_class_each_and_missing_rows(tmp_path):
    zones = make_zones(n=4)
    coverage = make_coverage(zones, [2, 2, 5, 9], [1, 1, 1, 1]).iloc[:3]  # the 4th 街道 has no row
    page = render_fixture(tmp_path, zones=zones, coverage=coverage)["coverage.html"]
    assert "one per distinct value" in page
    fills = _fill_by_code(page, "coverage:projects")
    codes = list(zones["code"])
    assert fills[codes[0]] == fills[codes[1]] != fills[codes[2]]
    assert fills[codes[3]] == NO_DATA_COLOUR
    assert "no data" in page


# --------------------------------------------------------------------------- basemaps and datums


def _point(page, layer, label):
    feature = next(f for f in layer_data(page)[layer]["features"] if f["properties"]["label"] == label)
    return feature["geometry"]["coordinates"]


def test_amap_shifts_display_copies_by_hundreds_of_metres(tmp_path):
    from pyproj import Geod

    projects = make_projects()
    before = projects.geometry.copy()
    osm = render_fixture(tmp_path / "osm", projects=projects)["projects.html"]
    amap = render_fixture(tmp_path / "amap", projects=projects, basemap="amap")["projects.html"]
    (lon0, lat0), (lon1, lat1) = _point(osm, "projects:school", "天桥小学"), _point(amap, "projects:school", "天桥小学")
    metres = Geod(ellps="WGS84").inv(lon0, lat0, lon1, lat1)[2]
    assert 100 < metres < 1000
    # every overlay moves, not only the projects
    for layer in ("outline", "zones"):
        c0, c1 = (shapely.geometry.shape(layer_data(page)[layer]["features"][0]["geometry"]).centroid
                  for page in (osm, amap))
        assert 100 < Geod(ellps="WGS84").inv(c0.x, c0.y, c1.x, c1.y)[2] < 1000, layer
    assert projects.geometry.equals(before)  # stored layer untouched
    assert "autonavi.com" in amap and "GCJ-02" in amap


def test_tianditu_needs_a_key(tmp_path, monkeypatch):
    monkeypatch.delenv("TIANDITU_KEY", raising=False)
    with pytest.raises(InputError, match="TIANDITU_KEY"):
        render.check_basemap("tianditu")
    with pytest.raises(InputError, match="TIANDITU_KEY"):
        render_fixture(tmp_path, basemap="tianditu")
    assert not (tmp_path / "projects.html").exists()
    monkeypatch.setenv("TIANDITU_KEY", "abc123")
    page = render_fixture(tmp_path, basemap="tianditu")["projects.html"]
    assert "tianditu.gov.cn" in page and "tk=abc123" in page
    monkeypatch.setenv("TIANDITU_KEY", 'x"></script>')
    with pytest.raises(InputError, match="TIANDITU_KEY"):
        render_fixture(tmp_path, basemap="tianditu")


def test_unknown_basemap_is_refused_in_one_line(tmp_path):
    with pytest.raises(InputError, match="unknown basemap 'google'.*tile URL template"):
        render_fixture(tmp_path, basemap="google")
    with pytest.raises(InputError, match="basemap"):
        render.check_basemap("google")
    assert not list(tmp_path.iterdir())


def test_basemap_none_has_no_tiles(tmp_path):
    page = render_fixture(tmp_path, basemap="none")["projects.html"]
    assert "L.tileLayer(" not in page
    assert "L.tileLayer(" in render_fixture(tmp_path / "osm")["projects.html"]


# --------------------------------------------------------------------------- assets


def _external_refs(page):
    scripts = re.findall(r"<script[^>]*\bsrc=[\"']?([^\"' >]+)", page)
    links = re.findall(r"<link[^>]*\bhref=[\"']?([^\"' >]+)", page)
    return [ref for ref in scripts + links if not ref.startswith("data:")]  # a data: URI is inline


def test_default_maps_reference_no_external_script_or_style(tmp_path):
    for basemap in ("none", "osm"):
        pages = render_fixture(tmp_path / basemap, basemap=basemap)
        for name in ("projects.html", "coverage.html"):
            page = pages[name]
            assert _external_refs(page) == [], name
            assert "Leaflet 1.9" in page and ".leaflet-container" in page
            assert "url(images/" not in page and "sourceMappingURL" not in page


def test_cdn_maps_load_only_leaflet(tmp_path):
    page = render_fixture(tmp_path, inline=False)["projects.html"]
    refs = _external_refs(page)
    assert len(refs) == 2 and all("leaflet" in r for r in refs)
    for unused in ("jquery", "bootstrap", "fontawesome", "awesome-markers"):
        assert unused not in page.lower()


def test_every_page_says_it_is_chinese_so_han_text_is_drawn_in_simplified_chinese_glyphs(tmp_path):
    # The maps had no lang: an English-locale Chromium with Noto Sans CJK drew the layer names, 街道 labels, popups
    # and the panel's buttons in Noto Sans CJK JP (seen with CSS.getPlatformFontsForNode), the legend in SC.
    pages = render_fixture(tmp_path, basemap="none")
    for name in ("projects.html", "coverage.html", "index.html"):
        assert pages[name].startswith('<!DOCTYPE html>\n<html lang="zh-CN">\n'), name


# --------------------------------------------------------------------------- index and inputs


def test_index_links_maps_and_existing_tables(tmp_path):
    index = render_fixture(tmp_path)["index.html"]
    assert 'href="projects.html"' in index and 'href="coverage.html"' in index
    assert "coverage.md" not in index
    (tmp_path / "coverage.md").write_text("| 街道 |\n", encoding="utf-8")
    (tmp_path / "coverage.csv").write_text("code\n", encoding="utf-8")
    index = render_fixture(tmp_path)["index.html"]
    assert 'href="coverage.md"' in index and 'href="coverage.csv"' in index


def test_missing_columns_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="projects"):
        render_fixture(tmp_path, projects=make_projects().drop(columns=["category"]))
    with pytest.raises(InputError, match="boundary_quality"):
        render_fixture(tmp_path, zones=make_zones().drop(columns=["boundary_quality"]))
    with pytest.raises(InputError, match="road_km_greening"):
        render_fixture(tmp_path, coverage=make_coverage().drop(columns=["road_km_greening"]))


def test_fisher_jenks_finds_the_obvious_clusters():
    from geo.render import fisher_jenks_breaks

    values = [1, 1, 2, 10, 11, 12, 30, 31, 50, 51, 52, 80]
    assert fisher_jenks_breaks(values, 5) == [2.0, 12.0, 31.0, 52.0, 80.0]
    assert fisher_jenks_breaks([3, 3, 3], 5) == [3.0]


def test_fisher_jenks_is_the_exhaustive_optimum():
    """Against brute force over every way of cutting small sorted samples into 5 classes."""
    import itertools

    import numpy as np

    from geo.render import fisher_jenks_breaks

    def sse(values):
        return float(((values - values.mean()) ** 2).sum())

    rng = np.random.default_rng(3)
    for _ in range(15):
        values = np.sort(rng.integers(0, 40, size=int(rng.integers(6, 12))).astype(float))
        best = min(
            (sum(sse(part) for part in np.split(values, cuts)), [float(p[-1]) for p in np.split(values, cuts)])
            for cuts in itertools.combinations(range(1, len(values)), 4)
        )
        ours = fisher_jenks_breaks(values, 5)
        edges = [int(np.searchsorted(values, b, side="right")) for b in ours[:-1]]
        assert sum(sse(part) for part in np.split(values, edges)) == pytest.approx(best[0])
def test_small_zone_labels_wait_for_higher_zoom(tmp_path):
    import shapely

    from geo.crs import default_metric_crs, wgs84_geometry
    from geo.render.display import label_min_zoom as _label_min_zoom

    small = wgs84_geometry(shapely.box(500_000, 4_062_000, 501_000, 4_063_000), default_metric_crs())  # 1 km square
    large = wgs84_geometry(shapely.box(500_000, 4_062_000, 520_000, 4_082_000), default_metric_crs())  # 20 km
    small_zoom, large_zoom = _label_min_zoom("北坦街道", small), _label_min_zoom("桑梓店街道", large)
    assert large_zoom <= 10 < 13 <= small_zoom <= 15
    # Each 街道 label carries its minimum zoom to the page (the browser tests check the hiding).
    zones = make_zones()
    page = render_fixture(tmp_path, zones=zones)["projects.html"]
    minzooms = {p["code"]: p["minzoom"] for p in _props(page, "zones")}
    assert minzooms == {c: _label_min_zoom(n, g) for c, n, g in zip(zones["code"], zones["name"], zones.geometry)}


def test_a_map_with_nothing_to_draw_shows_china_not_one_city(tmp_path):
    from geo.crs import CHINA_BOUNDS

    empty = make_zones().iloc[:0]
    pages = render_fixture(tmp_path, zones=empty, projects=make_projects().iloc[:0], coverage=make_coverage().iloc[:0])
    west, south, east, north = CHINA_BOUNDS
    script = pages["projects.html"].split('id="geo-data"')[1]  # the map's own script, after the inlined Leaflet
    fit = re.search(r"\.fitBounds\(\s*(\[\[.*?\]\])", script, flags=re.DOTALL).group(1)
    assert json.loads(fit) == [[south, west], [north, east]]


def test_a_subdistrict_name_holding_a_semicolon_shows_whole_in_the_popup():
    from geo.catalog import flat_properties
    from geo.render.projects_map import popup_html

    feature = _feature(3, "天桥小学", "school", "建设", Point(116.985, 36.675))
    feature["properties"]["subdistricts"] = [{"code": "370105014", "name": "北园街道"},
                                             {"code": "370105015", "name": "A;B街道"},
                                             {"code": "370105016", "name": "C\\D街道"}]
    row = {**flat_properties(feature["properties"]), "geometry": feature["geometry"]}
    assert "街道 Subdistrict: 北园街道、A;B街道、C\\D街道<br>" in popup_html(row)


def test_a_rural_countys_maps_call_its_zones_townships_not_streets(tmp_path):
    # zones named 江湾镇, 段莘乡: the legend, layer names, tooltips, popups and index say 乡镇, not 街道
    zones = make_zones()
    zones["name"] = [f"{n}{'镇' if i % 2 else '乡'}" for i, n in enumerate(["江湾", "段莘", "溪头", "秋口", "中云", "紫阳"][:len(zones)])]
    pages = render_fixture(tmp_path, zones=zones)
    projects, coverage, index = pages["projects.html"], pages["coverage.html"], pages["index.html"]
    assert "乡镇 boundaries" in projects and "街道 boundaries" not in projects
    assert "Projects per 乡镇" in coverage and "Projects per 街道" not in coverage
    assert "Coverage by 乡镇" in index and "Coverage by 街道" not in index
    assert all("<th>乡镇</th>" in p["tooltip"] for p in _props(coverage, "coverage:projects"))
    default = render_fixture(tmp_path / "default")
    assert "街道 boundaries" in default["projects.html"] and "Projects per 街道" in default["coverage.html"]


def test_a_county_index_links_its_county_wide_records_as_such(tmp_path):
    # 雷山县's index linked "全区项目 District-wide records": a 县 is no 区.
    from geo.render.index_page import index_html

    (tmp_path / "coverage_districtwide.csv").write_text("id\n", encoding="utf-8")
    county = index_html(tmp_path, "雷山县 报告", "osm", True, "official", [], "乡镇", "雷山县")
    district = index_html(tmp_path, "天桥区 报告", "osm", True, "official", [], "街道", "天桥区")
    assert "全县项目 District-wide records (CSV)" in county and "全区" not in county
    assert "全区项目 District-wide records (CSV)" in district


@pytest.mark.parametrize("district, said", [("连江县", "县界"), ("义乌市", "市界"), ("天桥区", "区界")])
def test_a_countys_maps_call_its_outline_the_countys(tmp_path, district, said):
    # 连江县's maps listed its outline as 区界 District outline in the layer list: a 县 is no 区.
    zones = make_zones()
    paths = render.render_maps(make_projects(), zones, make_outline(zones).assign(name=district), make_coverage(zones),
                               tmp_path, basemap="none")
    pages = [path.read_text(encoding="utf-8") for path in paths if path.name in ("projects.html", "coverage.html")]
    assert len(pages) == 2
    for page in pages:  # the layer list's name (script text: the characters may be written \uXXXX)
        names = re.findall(r'"((?:\\u[0-9a-f]{4}|[^"\\])+) District outline"', page)
        assert [json.loads(f'"{name}"') for name in names] == [said]


def test_the_coverage_page_carries_a_row_of_figures_per_jiedao_and_the_projects_page_no_table(tmp_path):
    """The coverage map's table (static/coverage_table.js) reads its rows from the data island: every 街道, one
    with no project as 0, names as plain text (the script sets them as text), category columns that have a project."""
    zones = make_zones(names=[EVIL, "乙街道", "丙街道"])
    pages = render_fixture(tmp_path, zones=zones, coverage=make_coverage(zones, projects=[3, 0, 1]))
    table = page_data(pages["coverage.html"])["coverageTable"]
    assert [c["key"] for c in table["columns"]] == ["projects", "road_km", "road_km_rebuild", "road_km_greening",
                                                    "road_km_new", "school"]
    assert [(r["name"], r["values"]) for r in table["rows"]] == [
        (EVIL, [3, 1.9, 1.425, 0.475, 0.0, 2]), ("乙街道", [0, 0.4, 0.3, 0.1, 0.0, 0]), ("丙街道", [1, 0.0, 0.0, 0.0, 0.0, 1])]
    assert "geoCoverageTable" in pages["coverage.html"] and "geoCoverageTable =" not in pages["projects.html"]
    assert ".geo-cov{" not in pages["projects.html"] and "coverageTable" not in page_data(pages["projects.html"])
