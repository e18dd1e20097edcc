"""Text is data: hostile report, gazetteer and districts text never reaches a template engine, and shows literally.

Every payload carries the marker 毒, a character no template or asset of ours contains,
so "no template saw it" is checkable exactly. The browser half of these checks is in
test_render_browser.py.
"""

from __future__ import annotations

import csv
import html
import json
import re

import pytest
from click.testing import CliRunner

from geo.cli import main
from test_render import make_outline, make_projects, make_zones, page_data, render_fixture

MARK = "毒"
# Every Jinja form (expression, statement, comment, raw, a code-running expression), then
# HTML/JS ways out of a string or a script element, and the page's own token shape.
PAYLOADS = [
    "{{ 7*7 }}毒", "{{'x'}}毒", "{% if true %}yes{% endif %}毒", "{# hidden #}毒", "{% raw %}毒",
    "{{ cycler.__init__.__globals__.os.popen('echo PWNED').read() }}毒",
    "<img src=x onerror=alert(1)>毒", "</script><script>alert(2)</script>毒", "`${alert(3)}`毒",
    "GEOSLOT000000Z毒", "<!--毒", "毒\u2028\u2029", "&amp;&lt;毒", "'\"毒",
]


def evaluated(text):
    """Whether any payload was run by a template engine (its result is in ``text``)."""
    return "49" + MARK in text or "yes" + MARK in text or re.search(r"(?<!echo )PWNED", text) is not None


@pytest.fixture
def jinja_sources(monkeypatch):
    """Every template source Jinja compiles while the test runs."""
    import jinja2

    sources = []
    original = jinja2.Environment.compile

    def recording(self, source, *args, **kwargs):
        sources.append(source if isinstance(source, str) else "")
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", recording)
    return sources


@pytest.fixture
def rendered_before_fill(monkeypatch):
    """What folium's templates produced, before the page's data went in."""
    from geo.render.page import Page

    seen = []
    original = Page.fill

    def recording(self, rendered):
        seen.append(rendered)
        return original(self, rendered)

    monkeypatch.setattr(Page, "fill", recording)
    return seen


def _hostile_projects():
    projects = make_projects(PAYLOADS[0])
    for column, payload in zip(("name", "action", "quote", "source", "method", "subdistrict_names"), PAYLOADS):
        projects[column] = [f"{payload}{i}" for i in range(len(projects))]
    return projects


def test_no_data_reaches_a_template_as_source_or_output(tmp_path, jinja_sources, rendered_before_fill):
    zones = make_zones(names=PAYLOADS[6:9])
    pages = render_fixture(tmp_path, projects=_hostile_projects(), zones=zones, title=PAYLOADS[5])
    assert jinja_sources and rendered_before_fill
    assert not [s for s in jinja_sources if MARK in s]
    assert not [r for r in rendered_before_fill if MARK in r]
    assert all(MARK in page for page in pages.values())  # ...and yet it is on every page


def _payload_projects():
    """One health point per payload, its name, action and quote all that payload."""
    import geopandas as gpd
    from shapely.geometry import Point

    from geo.catalog import features_to_gdf

    base = make_projects()
    features = []
    for i, payload in enumerate(PAYLOADS):
        features.append({"geometry": Point(116.975 + 0.003 * i, 36.68), "properties": {
            "id": f"health-{i:02d}", "name": payload, "category": "health", "action": payload, "quote": payload,
            "char_start": 0, "char_end": 1, "named": True,
            "geocode": {"status": "matched", "source": payload, "method": "exact", "source_datum": "wgs84",
                        "accuracy_m": 50}}})
    return gpd.GeoDataFrame(features_to_gdf(features), crs=base.crs)


def test_every_payload_in_every_field_is_inert_and_literal(tmp_path):
    from geo import render
    from test_render import make_coverage

    zones = make_zones(names=PAYLOADS[:3])
    outline = make_outline(zones)
    outline["name"] = PAYLOADS[3]
    paths = render.render_maps(_payload_projects(), zones, outline, make_coverage(zones), tmp_path)
    pages = {p.name: p.read_text(encoding="utf-8") for p in paths}
    for name, page in pages.items():
        assert not evaluated(page), name
        title = re.search(r"<title>(.*?)</title>", page, flags=re.DOTALL).group(1)
        shown = html.unescape(title)
        assert (shown if name == "index.html" else shown.split(" · ", 1)[1]).startswith(PAYLOADS[3]), name
    for name in ("projects.html", "coverage.html"):
        data = page_data(pages[name])
        labels = [html.unescape(f["properties"]["label"]) for spec in data["layers"]
                  if spec["key"] in ("zones", "coverage:projects") for f in spec["data"]["features"]]
        assert labels == PAYLOADS[:3], name
    health = next(spec for spec in page_data(pages["projects.html"])["layers"] if spec["key"] == "projects:health")
    shown = {}
    for feature in health["data"]["features"]:
        props = feature["properties"]
        shown[html.unescape(props["label"])] = props["popup"]
    assert sorted(shown) == sorted(PAYLOADS)
    for payload, popup in shown.items():
        escaped = html.escape(payload)
        assert popup.startswith(f"<b>{escaped}</b>"), payload
        assert f"行动 Action: {escaped}" in popup and f"“{escaped}”" in popup and f"{escaped} · exact" in popup


def _write_hostile_inputs(work):
    """A catalog, a gazetteer and a districts file whose text is all payloads; returns the CLI options."""
    zones = make_zones(names=PAYLOADS[:3])
    zones["code"] = [f"c{i}" for i in range(3)]
    zones.to_file(work / "districts.geojson", driver="GeoJSON")
    projects = make_projects()
    features = []
    with open(work / "gazetteer.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "lon", "lat", "wkt", "datum", "accuracy_m", "source", "category"])
        for i, (record, geom) in enumerate(zip(projects.to_dict("records"), projects.geometry)):
            name = PAYLOADS[i % len(PAYLOADS)] + str(i)
            features.append({"type": "Feature", "geometry": None, "properties": {
                "id": f"p{i}", "name": name, "category": record["category"], "action": PAYLOADS[-1],
                "quote": PAYLOADS[i], "char_start": 0, "char_end": 1, "named": True,
                "quantity": {"value": 2, "unit": PAYLOADS[4]}}})
            if geom is not None:
                point = geom.representative_point()
                writer.writerow([name, point.x, point.y, geom.wkt, "wgs84", 30, PAYLOADS[5], record["category"]])
    (work / "projects.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features},
                                                      ensure_ascii=False), encoding="utf-8")
    return ["--districts", "districts.geojson", "--name-field", "name", "--code-field", "code"]


def test_hostile_catalog_gazetteer_and_districts_through_the_cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    districts = _write_hostile_inputs(tmp_path)
    runner = CliRunner()
    for args in (["geocode", "--gazetteer", "gazetteer.csv", *districts], ["render", *districts],
                 ["coverage", "--format", "md", "-o", "coverage.md", *districts]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, (args, result.output, result.stderr)
    page = (tmp_path / "maps_out" / "projects.html").read_text(encoding="utf-8")
    located = [f for spec in page_data(page)["layers"] if spec["key"].startswith("projects:")
               for f in spec["data"]["features"]]
    assert len(located) == 5
    for feature in located:
        popup = feature["properties"]["popup"]
        name = html.unescape(feature["properties"]["label"])
        assert name[:-1] in PAYLOADS and f"<b>{html.escape(name)}</b>" in popup
        assert html.escape(PAYLOADS[5]) in popup  # the gazetteer's source column
    zone_labels = {html.unescape(f["properties"]["label"]) for spec in page_data(page)["layers"]
                   if spec["key"] == "zones" for f in spec["data"]["features"]}
    assert zone_labels == set(PAYLOADS[:3])
    for name in ("projects.html", "coverage.html", "index.html"):
        text = (tmp_path / "maps_out" / name).read_text(encoding="utf-8")
        assert not evaluated(text), name
    markdown = (tmp_path / "coverage.md").read_text(encoding="utf-8")
    assert not evaluated(markdown)
    assert "<img" not in markdown and "<script>" not in markdown
