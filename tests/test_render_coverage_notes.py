"""The coverage map's notes on the 街道 as drawn (geo.render.coverage_notes): overlaps drawn and noted, projects along
a shared edge noted, each 街道's shared edge km in the table; as page text (escaping, data) and through a run."""

from __future__ import annotations

import html

import shapely
from shapely.geometry import Point, box

from geo.coverage_edges import on_shared_edges
from geo.coverage_zones import zone_overlaps
from geo import render
from geo.render import coverage_notes
from test_render import EVIL, layer_data, make_coverage, make_outline, make_projects, make_zones, page_data, render_fixture


def overlapping_zones(names=None):
    """make_zones(): 甲街道 drawn 0.004° into 乙街道 (edges digitised twice), a strip some 350 m by 4.4 km."""
    zones = make_zones(names=names)
    zones.loc[0, "geometry"] = box(116.97, 36.66, 116.994, 36.70)
    return zones


def _render(tmp_path, zones, projects=None, **kwargs):
    projects = make_projects() if projects is None else projects
    overlaps = zone_overlaps(zones, projects)
    return render_fixture(tmp_path, zones=zones, projects=projects, zone_overlaps=overlaps, **kwargs), overlaps


def _strip_projects():
    from test_render import _feature
    from geo.catalog import features_to_gdf

    return features_to_gdf([_feature(1, EVIL + "学校", "school", "建设", Point(116.992, 36.68)),
                            _feature(2, "北园小学", "school", "建设", Point(117.02, 36.68))])


def test_the_coverage_map_draws_where_two_jiedao_overlap_over_its_choropleths(tmp_path):
    """coverage.md, the JSON and the workbook named two 街道 overlapping; the coverage map showed nothing of it."""
    zones = overlapping_zones()
    pages, overlaps = _render(tmp_path, zones, projects=_strip_projects())
    assert len(overlaps) == 1
    layers = {spec["key"]: spec for spec in page_data(pages["coverage.html"])["layers"]}
    spec = layers[coverage_notes.OVERLAP_LAYER_KEY]
    assert spec["pane"] == coverage_notes.OVERLAP_PANE  # over whichever choropleth is shown
    (feature,) = spec["data"]["features"]
    drawn = shapely.geometry.shape(feature["geometry"])
    assert abs(drawn.bounds[0] - 116.99) < 1e-4 and abs(drawn.bounds[2] - 116.994) < 1e-4
    assert feature["properties"]["codes"] == "370105001 370105002"
    tip = feature["properties"]["tooltip"]
    assert "甲街道 / 乙街道" in tip and f"{overlaps[0]['area_m2']:,} m²" in tip and "counted in 甲街道" in tip
    assert html.escape(EVIL) in tip and "<img" not in tip.replace("<b>", "")  # the project's name as text
    assert "Where two 街道 overlap" in page_data(pages["coverage.html"])["legend"]


def test_no_overlap_no_layer_no_legend_row_and_no_note(tmp_path):
    pages, overlaps = _render(tmp_path, make_zones())
    assert overlaps == []
    assert coverage_notes.OVERLAP_LAYER_KEY not in layer_data(pages["coverage.html"])
    data = page_data(pages["coverage.html"])
    assert "overlap" not in data["legend"] and "notes" not in data["coverageTable"]


def test_the_tables_note_names_each_overlapping_pair_its_area_where_it_counts_and_what_lies_there(tmp_path):
    zones = overlapping_zones(names=[EVIL + "街道", "乙\u202e街道", "丙街道"])
    pages, overlaps = _render(tmp_path, zones, projects=_strip_projects())
    (note,) = page_data(pages["coverage.html"])["coverageTable"]["notes"]
    assert note["title"].endswith("(1)")
    (item,) = note["items"]
    assert item["codes"] == ["370105001", "370105002"] and item["overlap"] is True
    names = [text for kind, text in item["parts"] if kind == "name"]
    assert names == [EVIL + "街道", "乙\u202e街道", EVIL + "街道", EVIL + "学校"]  # as written: set as text by the page
    assert "".join(text for _, text in item["parts"]).startswith(
        f"{EVIL}街道 / 乙\u202e街道: {overlaps[0]['area_m2']:,} m², 计入 counted in {EVIL}街道 · "
        f"{EVIL}学校 (学校教育 School), a point")
    assert "</script><script>" not in pages["coverage.html"].split('id="geo-data">')[1].split("</script>")[0]


def test_projects_along_an_edge_two_jiedao_share_are_noted_with_where_they_count(tmp_path):
    from test_render import _feature
    from geo.catalog import features_to_gdf
    from shapely.geometry import LineString

    zones = make_zones()
    projects = features_to_gdf([_feature(1, "边界路", "road_rebuild", "改造", LineString([(116.99, 36.665), (116.99, 36.695)]))])
    edges = on_shared_edges(projects, zones, metric_crs="EPSG:4548")
    paths = render.render_maps(projects, zones, make_outline(zones), make_coverage(zones), tmp_path, shared_edges=edges)
    data = page_data(paths[1].read_text(encoding="utf-8"))
    (note,) = data["coverageTable"]["notes"]
    (item,) = note["items"]
    assert item["codes"] == ["370105001", "370105002"]
    assert "".join(text for _, text in item["parts"]) == \
        f"边界路 (道路改造 Road rebuild): {edges[0]['km']:.3f} km · 甲街道 / 乙街道 · 计入 counted in 甲街道"


def test_the_table_gives_each_jiedao_its_shared_edge_km_as_coverage_csv_writes_it(tmp_path):
    zones = make_zones()
    coverage = make_coverage(zones).assign(shared_edge_km=[4.4469, 8.894, 4.447])
    table = page_data(render_fixture(tmp_path, zones=zones, coverage=coverage)["coverage.html"])["coverageTable"]
    at = [c["key"] for c in table["columns"]].index("shared_edge_km")
    assert at == len(table["columns"]) - 1 and table["columns"][at]["km"] is True
    assert [row["values"][at] for row in table["rows"]] == [4.447, 8.894, 4.447]
    without = page_data(render_fixture(tmp_path / "old", zones=zones)["coverage.html"])["coverageTable"]
    assert "shared_edge_km" not in [c["key"] for c in without["columns"]]  # a table written before it existed


def test_a_run_draws_and_notes_the_overlaps_its_coverage_report_names(tmp_path):
    """The coverage stage found the overlap (coverage.md said so) but the maps were rendered without it."""
    from geo import pipeline

    zones = overlapping_zones()
    path = tmp_path / "jiedao.geojson"
    zones[["code", "name", "geometry"]].to_file(path, driver="GeoJSON")
    boundaries = pipeline.resolve_boundaries(pipeline.BoundaryOptions(districts=str(path), name_field="name",
                                                                      code_field="code", district_name="天桥区"),
                                             prefer_layers=False)
    features = [{"id": "school-1", "geometry": Point(116.992, 36.68),
                 "properties": {"id": "school-1", "name": "学校甲", "category": "school", "named": True}}]
    warnings = []
    features, allocations = pipeline.join_catalog(features, boundaries, warnings)
    report = pipeline.coverage_of(features, allocations, boundaries, warnings)
    assert report.zone_overlaps
    paths = pipeline.render(features, boundaries, report, tmp_path / "maps", basemap="none")
    data = page_data(paths[1].read_text(encoding="utf-8"))
    assert coverage_notes.OVERLAP_LAYER_KEY in {spec["key"] for spec in data["layers"]}
    assert any(kind == "name" and text == "学校甲" for kind, text in data["coverageTable"]["notes"][0]["items"][0]["parts"])
