"""placed.csv as planners hand it back: every row the map wrote places its project as drawn, and a
file edited into something the map never writes stops the build with one line, outputs kept."""

from __future__ import annotations

import json

import pytest
import shapely

from geo import settings
from placed_files import build, placed_csv, refused_line
SOURCE = settings.HAND_PLACED_SOURCE
METHOD = f"{SOURCE} at zoom 18"
CONVERTED = f"{SOURCE} at zoom 18, drawn on GCJ-02 (Amap) tiles and converted to WGS-84"


def _row(name, category, lon="", lat="", wkt="", datum="wgs84", method=METHOD):
    wkt, method = (f'"{text}"' if "," in text else text for text in (wkt, method))  # quoted as the panel does
    return f"{name},{category},{lon},{lat},{wkt},{datum},2,{SOURCE},{method}"


def _geocodes(out_dir):
    features = json.loads((out_dir / "projects.geojson").read_text(encoding="utf-8"))["features"]
    return {f["properties"]["name"]: (f["geometry"], f["properties"]["geocode"]) for f in features}


def test_road_corrected_as_a_point_or_an_area_on_the_map_keeps_that_shape(tmp_path):
    # The panel offers every geometry type for a road project; the reader must not drop the row.
    out = tmp_path / "out"
    placed = placed_csv(tmp_path, _row("水屯北路", "road_rebuild", "117.0000000", "36.7000000"),
                     _row("二环北路东段", "road_rebuild",
                          wkt="POLYGON ((117.0 36.7, 117.001 36.7, 117.0005 36.701, 117.0 36.7))"))
    result = build(out, placed)
    assert result.exit_code == 0, result.output
    assert "cannot place anything" not in result.stderr
    geocodes = _geocodes(out)
    for name, kind in (("水屯北路", "Point"), ("二环北路东段", "Polygon")):
        geometry, geocode = geocodes[name]
        assert geometry["type"] == kind
        assert geocode["source"] == SOURCE and geocode["accuracy_m"] == 2


def test_placed_row_whose_wkt_gained_a_height_and_a_measure_places_its_project_flat(tmp_path):
    # placed.csv saved again from QGIS or FME as POINT ZM: the M was read as a height, and the
    # ZM point made the projects map's data fail to serialise (an error naming no file).
    out = tmp_path / "out"
    placed = placed_csv(tmp_path, _row("金牛建材", "commercial", wkt="POINT ZM (117.0 36.7 1 2)"),
                     _row("新图书馆", "culture", wkt="POINT M (117.001 36.701 5)"))
    result = build(out, placed)
    assert result.exit_code == 0, result.output
    geocodes = _geocodes(out)
    assert geocodes["金牛建材"][0]["coordinates"] == [117.0, 36.7]
    assert geocodes["新图书馆"][0]["coordinates"] == [117.001, 36.701]


BAD_FILES = {
    "name no project has": ([_row("金牛建材", "commercial", "117.0", "36.7"),
                             _row("不存在的项目", "commercial", "117.0", "36.7")],
                            ["entry 2 (不存在的项目, commercial", "no project", "delete that row"]),
    "category the project does not have": ([_row("金牛建材", "school", "117.0", "36.7")],
                                           ["金牛建材", "no project"]),
    "one project placed twice": ([_row("金牛建材", "commercial", "117.0", "36.7"),
                                  _row("金牛建材", "commercial", "117.02", "36.71")],
                                 ["金牛建材", "twice"]),
    "one line placed twice, touching": ([_row("新图书馆", "culture", wkt="LINESTRING (117.0 36.7, 117.001 36.7)"),
                                         _row("新图书馆", "culture", wkt="LINESTRING (117.001 36.7, 117.002 36.7)")],
                                        ["新图书馆", "twice"]),
    "coordinates outside China": ([_row("金牛建材", "commercial", "2.35", "48.85")],
                                  ["金牛建材", "outside China"]),
    "GCJ-02 label on a position the map converted": ([_row("金牛建材", "commercial", "117.0", "36.7", datum="gcj02",
                                                           method=CONVERTED)],
                                                     ["金牛建材", "gcj02", "WGS-84"]),
    "geometry collection": ([_row("金牛建材", "commercial", wkt="GEOMETRYCOLLECTION (POINT (117 36.7))")],
                            ["金牛建材", "GeometryCollection"]),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_placed_file_the_map_never_writes_stops_the_build_in_one_line_and_keeps_the_outputs(
        plain_default_build, tmp_path, case):
    rows, words = BAD_FILES[case]
    placed = placed_csv(tmp_path, *rows)
    line = refused_line(plain_default_build, tmp_path, placed)
    assert line.startswith(f"geo: error: {placed}:") and all(word in line for word in words), (case, line)


def test_placed_file_of_another_district_asks_for_the_first_build_options_not_to_delete_rows(plain_default_build, tmp_path):
    # The README's third step, `geo build --gazetteer placed.csv`, run as written after building
    # 武侯区 with --report and --district-code, builds the default report: every row was "no project
    # of this report", and the line said to delete it, the planner's work.
    placed = placed_csv(tmp_path, _row("玉林小学", "school", "104.0400000", "30.6200000"),
                        _row("武侯祠大街", "road_rebuild", wkt="LINESTRING (104.03 30.64, 104.05 30.64)"))
    line = refused_line(plain_default_build, tmp_path, placed)
    assert line.startswith(f"geo: error: {placed}:"), line
    assert "玉林小学" in line and "no project of this report" in line and "2 rows" in line
    assert "--report" in line and "delete that row" not in line, line


def test_placed_rows_of_projects_whose_names_differ_only_in_punctuation_place_each_its_own():
    from geo.gazetteer import Entry, Gazetteer
    from geo.geocode import geocode_projects

    spots = {"“十大”工程": shapely.Point(117.01, 36.70), "十大工程": shapely.Point(117.03, 36.69)}
    entries = [Entry(name=name, geometry=spot, source=SOURCE, method=METHOD, source_datum="wgs84", accuracy_m=2,
                     tier="user gazetteer placed.csv", category="project") for name, spot in spots.items()]
    projects = [{"id": f"p{i}", "geometry": None,
                 "properties": {"id": f"p{i}", "name": name, "category": "project", "named": True}}
                for i, name in enumerate(reversed(list(spots)))]
    located, _ = geocode_projects(projects, Gazetteer().add_tier("user gazetteer placed.csv", entries),
                                  shapely.box(116.95, 36.65, 117.10, 36.75))
    for feature in located:
        assert feature["geometry"].equals(spots[feature["properties"]["name"]]), feature["properties"]["name"]


def test_one_project_placed_apart_in_two_planners_files_stops_the_build_naming_both(plain_default_build, tmp_path):
    # Two planners each downloaded a placed.csv from the same map and both placed 新图书馆, 1 km
    # apart; `--gazetteer a/placed.csv --gazetteer b/placed.csv` took the first file's silently.
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = placed_csv(tmp_path / "a", _row("金牛建材", "commercial", "117.0000000", "36.7000000"),
                       _row("新图书馆", "culture", "116.9909459", "36.6942401"))
    second = placed_csv(tmp_path / "b", _row("新文化馆", "culture", "117.0100000", "36.6900000"),
                        _row("新图书馆", "culture", "117.0000000", "36.7000000"))
    line = refused_line(plain_default_build, tmp_path, first, second)
    assert line.startswith(f"geo: error: {second}: entry 2 (新图书馆"), line
    assert f"1031 m from where entry 2 of {first} places it" in line, line  # 809 m east, 639 m south


def test_a_placement_carried_into_a_second_planners_file_unchanged_is_no_conflict(tmp_path):
    # Planner B downloaded from the map rebuilt with A's placed.csv: B's file repeats A's rows as
    # stored (a ring may start at another corner). Both files given: each project placed once.
    out = tmp_path / "out"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    area = "POLYGON ((117.0 36.7, 117.001 36.7, 117.0005 36.701, 117.0 36.7))"
    again = "POLYGON ((117.001 36.7, 117.0005 36.701, 117.0 36.7, 117.001 36.7))"
    first = placed_csv(tmp_path / "a", _row("新图书馆", "culture", wkt=area))
    second = placed_csv(tmp_path / "b", _row("新图书馆", "culture", wkt=again),
                     _row("新文化馆", "culture", "117.0100000", "36.6900000"))
    result = build(out, first, second)
    assert result.exit_code == 0, result.output
    geocodes = _geocodes(out)
    assert shapely.geometry.shape(geocodes["新图书馆"][0]).equals(shapely.from_wkt(area))
    assert geocodes["新文化馆"][0]["coordinates"] == [117.01, 36.69]


def test_two_downloads_joined_into_one_file_place_each_project_once(tmp_path):
    # `cat a/placed.csv b/placed.csv > placed.csv`, where b was downloaded from the map rebuilt
    # with a: its header came mid-file ("bad coordinates"), and a's rows, repeated by b as stored,
    # were "placed a second time".
    out = tmp_path / "out"
    first_rows = [_row("金牛建材", "commercial", wkt="LINESTRING (117.0 36.7, 117.001 36.7005)"),
                  _row("新图书馆", "culture", "116.9909459", "36.6942401", wkt="POINT (116.9909459 36.6942401)")]
    first = placed_csv(tmp_path, *first_rows).read_bytes()
    second = placed_csv(tmp_path, *first_rows, _row("新文化馆", "culture", "117.0100000", "36.6900000")).read_bytes()
    joined = tmp_path / "joined.csv"
    joined.write_bytes(first + second)
    result = build(out, joined)
    assert result.exit_code == 0, result.output
    geocodes = _geocodes(out)
    assert geocodes["金牛建材"][0]["coordinates"] == [[117.0, 36.7], [117.001, 36.7005]]
    assert geocodes["新图书馆"][0]["coordinates"] == [116.9909459, 36.6942401]
    assert geocodes["新文化馆"][0]["coordinates"] == [117.01, 36.69]
    assert all(geocodes[name][1]["source"] == SOURCE for name in ("金牛建材", "新图书馆", "新文化馆"))


def test_a_project_placed_by_hand_far_outside_the_district_is_kept_where_placed_and_named_in_a_warning(tmp_path):
    # 新图书馆 placed deliberately 25 km east of 天桥区 (a district's project sited beyond it, 飞地): it
    # was left unlocated, "placed by hand outside the district (user gazetteer: '新图书馆')", naming
    # neither file nor row, and the rebuilt map listed it as unplaced again, so the next download
    # lacked the row: the placement was gone after two rounds.
    import re

    from test_render import page_data

    out = tmp_path / "out"
    result = build(out, placed_csv(tmp_path, _row("新图书馆", "culture", "117.3000000", "36.6500000")))
    assert result.exit_code == 0, result.output
    geometry, geocode = _geocodes(out)["新图书馆"]
    assert geometry == {"type": "Point", "coordinates": [117.3, 36.65]}
    assert geocode["status"] == "matched" and geocode["source"] == SOURCE
    assert re.fullmatch(rf"{METHOD}; \d+\.\d km outside the district, as placed", geocode["method"]), geocode
    [line] = [line for line in result.stderr.splitlines() if "新图书馆" in line]
    assert re.fullmatch(rf"warning: {re.escape(str(tmp_path / 'placed.csv'))}: entry 1 \(新图书馆, placed by hand\) lies "
                        r"\d+\.\d km outside the district: used where it was placed \(counted outside the district\); "
                        r"if that is a slip, move it on the map or delete the row", line), line
    # the rebuilt map carries it as placed, so the next placed.csv writes the row again
    panel = page_data((out / "maps_out" / "projects.html").read_text(encoding="utf-8"))["panel"]
    [item] = [item for item in panel["located"] if item["name"] == "新图书馆"]
    assert item["placed"]["lon"] == "117.3000000" and item["source"] == SOURCE


def test_a_line_placed_by_hand_reaching_far_beyond_the_district_is_named_in_a_warning(tmp_path):
    # A road drawn from inside 天桥区 whose last click landed 25 km east (the map zoomed out, a slip):
    # its distance to the district is 0, so nothing was said, and the part inside counted its km.
    import re

    out = tmp_path / "out"
    line = "LINESTRING (117.0 36.7, 117.001 36.7005, 117.3 36.65)"
    result = build(out, placed_csv(tmp_path, _row("金牛建材", "commercial", wkt=line)))
    assert result.exit_code == 0, result.output
    geometry, geocode = _geocodes(out)["金牛建材"]
    assert geometry["coordinates"][-1] == [117.3, 36.65]  # used as drawn
    assert re.fullmatch(rf"{METHOD}; reaches \d+\.\d km outside the district, as placed", geocode["method"]), geocode
    [warning] = [line for line in result.stderr.splitlines() if "金牛建材" in line]
    assert re.fullmatch(rf"warning: {re.escape(str(tmp_path / 'placed.csv'))}: entry 1 \(金牛建材, placed by hand\) "
                        r"reaches \d+\.\d km outside the district: used where it was placed \(its part inside counted "
                        r"in the district\); if that is a slip, move it on the map or delete the row", warning), warning
