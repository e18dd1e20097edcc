"""The projects map's placing panel as data: what it lists, the settings it carries, its assets and the page's size."""

from __future__ import annotations

import json

import pytest
import shapely

from geo import settings
from geo.catalog import features_to_gdf
from geo.crs import CHINA_BOUNDS
from geo.data import categories
from test_render import EVIL, _feature, page_data, render_fixture

DEFAULT_MAP_BUDGET = 300_000  # bytes: the self-contained default projects.html


@pytest.fixture(scope="module")
def default_build(tmp_path_factory):
    """The default district built once (basemap osm, self-contained maps)."""
    from geo.pipeline import run_build

    out = tmp_path_factory.mktemp("default")
    run_build(out_dir=out)
    return out


def test_panel_lists_every_project_once_unlocated_counted_or_located(default_build):
    catalog = json.loads((default_build / "projects.geojson").read_text(encoding="utf-8"))["features"]
    page = (default_build / "maps_out" / "projects.html").read_text(encoding="utf-8")
    data = page_data(page)
    panel = data["panel"]
    ids = {group: [item["id"] for item in panel[group]] for group in ("unlocated", "counted", "located")}
    props = {f["id"]: f["properties"] for f in catalog}
    assert sorted(ids["unlocated"]) == sorted(f["id"] for f in catalog
                                              if f["geometry"] is None and f["properties"]["named"])
    assert sorted(ids["counted"]) == sorted(f["id"] for f in catalog if not f["properties"]["named"])
    assert sorted(ids["located"]) == sorted(f["id"] for f in catalog if f["geometry"] is not None)
    assert len(ids["unlocated"]) == 9 and len(ids["counted"]) == 3 and len(ids["located"]) == 10
    kinds = {code: row["geometry"] for code, row in categories().items()}
    for item in panel["unlocated"]:
        assert item["name"] == props[item["id"]]["name"]
        assert item["quote"] == props[item["id"]]["quote"]
        assert item["reason"] == props[item["id"]]["geocode"]["reason"]
        assert item["kind"] == kinds[item["category"]]
    # Each located project's current geometry is a feature of the layer the panel names.
    layers = {spec["key"]: spec["data"]["features"] for spec in data["layers"]}
    for item in panel["located"]:
        assert item["id"] in {f["properties"]["id"] for f in layers[item["layer"]]}
        assert item["status"] == props[item["id"]]["geocode"]["status"]
    assert panel["source"] == settings.HAND_PLACED_SOURCE
    assert panel["accuracyPx"] == settings.HAND_PLACED_ACCURACY_PX
    assert panel["gcj02"] is False and panel["chinaBounds"] == list(CHINA_BOUNDS)
    # The drawing library and the panel are inlined: the page needs no network to place projects.
    assert page.count("Leaflet.Editable 1.3.2") == 1 and "window.geoPanel = geoPanel" in page
    assert (default_build / "maps_out" / "projects.html").stat().st_size <= DEFAULT_MAP_BUDGET


def test_amap_page_tells_the_panel_to_convert_drawings_back_to_wgs84(tmp_path):
    pages = render_fixture(tmp_path, basemap="amap")
    assert page_data(pages["projects.html"])["panel"]["gcj02"] is True
    # The coverage map has no panel and no drawing library.
    assert "panel" not in page_data(pages["coverage.html"])
    assert "Leaflet.Editable" not in pages["coverage.html"]


def test_report_text_reaches_the_panel_as_data_only(tmp_path):
    hostile = _feature(9, EVIL, "culture", "建设", None)
    hostile["properties"]["quote"] = EVIL
    hostile["properties"]["geocode"] = {"status": "unlocated", "reason": EVIL}
    located = _feature(1, "北园大街", "road_rebuild", "改造", shapely.LineString([(116.975, 36.68), (117.02, 36.682)]))
    pages = render_fixture(tmp_path, projects=features_to_gdf([located, hostile]))
    item = page_data(pages["projects.html"])["panel"]["unlocated"][0]
    assert item["name"] == item["quote"] == item["reason"] == EVIL
    assert "<img" not in pages["projects.html"] and "<script>alert" not in pages["projects.html"]


@pytest.mark.parametrize("district, word", [("婺源县", "县"), ("达尔罕茂明安联合旗", "旗"), ("义乌市", "市"), ("天桥区", "区")])
def test_the_panel_is_told_the_word_its_district_calls_itself_by(tmp_path, district, word):
    # The panel said 全区统计 of a county's counted projects; the page now tells it the district's word
    # as data, and the panel's code stays one constant file.
    from geo import render
    from test_render import make_coverage, make_outline, make_projects, make_zones

    zones = make_zones()
    outline = make_outline(zones).assign(name=district)
    render.render_maps(make_projects(), zones, outline, make_coverage(zones), tmp_path, basemap="none")
    page = (tmp_path / "projects.html").read_text(encoding="utf-8")
    assert page_data(page)["panel"]["district"] == word
    assert "全" + word not in page.split('id="geo-data"')[0]  # no text made JS source


def test_an_earlier_placement_is_written_back_with_its_own_method_not_geos_notes(tmp_path):
    # The catalog's method of a project placed by hand carries geo's notes (a source placing its name elsewhere,
    # how far out it lies); the panel wrote them into the next placed.csv, so every round's file differed.
    said = (f"{settings.HAND_PLACED_SOURCE} at zoom 18; 3.2 km outside the district, as placed; user gazetteer "
            "青山.csv places 白石公园 2.4 km from here; the placement by hand is used")
    placed = _feature(1, "白石公园", "park", "新建", shapely.Point(117.0, 36.68))
    placed["properties"]["geocode"] = {"status": "matched", "source": settings.HAND_PLACED_SOURCE, "method": said,
                                       "source_datum": "wgs84", "accuracy_m": 2}
    pages = render_fixture(tmp_path, projects=features_to_gdf([placed]), basemap="none")
    (item,) = page_data(pages["projects.html"])["panel"]["located"]
    assert item["placed"]["method"] == f"{settings.HAND_PLACED_SOURCE} at zoom 18"


def test_inlined_panel_scripts_keep_every_line_of_code_and_drop_only_whole_line_comments():
    # The panel's scripts are inlined without comment lines and indentation (the page's 300 KB budget):
    # every line of code is kept, in order, and nothing else is dropped.
    from geo.render.page import PANEL_SCRIPTS, STATIC_DIR, _compact

    for name in (*PANEL_SCRIPTS, "geo_map.js"):  # the map client too, on every page
        source = (STATIC_DIR / name).read_text(encoding="utf-8")
        code = [line.strip() for line in source.splitlines()
                if line.strip() and not line.strip().startswith(("//", "/*", "*"))]
        assert [line for line in _compact(source).splitlines() if line] == code, name
