"""Geocoding with rows placed by hand on the map (the panel's placed.csv): priority, geometry, limits, CSV format."""

import shapely

from geo import settings
from geo.gazetteer import Entry, Gazetteer
from geo.gazetteer_files import load_file
from geo.geocode import geocode_projects

OUTLINE = shapely.box(116.95, 36.65, 117.10, 36.75)
HAND_POINT = shapely.Point(117.0312, 36.6871)


def _entry(name, geom, tier, *, source="general knowledge", method="hand-digitised", category=None, accuracy=300):
    return Entry(name=name, geometry=geom, source=source, method=method, source_datum="wgs84", accuracy_m=accuracy,
                 tier=tier, category=category)


def _hand(name, geom, category=None, zoom=18):
    return _entry(name, geom, "user gazetteer", source=settings.HAND_PLACED_SOURCE,
                  method=f"{settings.HAND_PLACED_SOURCE} at zoom {zoom}", category=category, accuracy=2)


def _project(name, category):
    props = {"id": f"{category}-{name}", "name": name, "category": category, "named": True}
    return {"id": props["id"], "properties": props, "geometry": None}


def _locate(projects, gazetteer):
    located, _ = geocode_projects(projects, gazetteer, OUTLINE)
    return {f["properties"]["name"]: f for f in located}


def test_hand_placed_row_wins_over_user_osm_and_bundled_rows_of_the_name():
    # placed.csv given last, after another user file: its row still wins, in every tier order.
    gazetteer = (Gazetteer()
                 .add_tier("user gazetteer sites.csv", [_entry("天桥医院", shapely.Point(117.01, 36.70), "user gazetteer",
                                                               category="health")])
                 .add_tier("user gazetteer placed.csv", [_hand("天桥医院", HAND_POINT, "health")])
                 .add_tier("OSM extract", [_entry("天桥医院", shapely.Point(117.02, 36.71), "OSM extract")])
                 .add_tier("bundled gazetteer", [_entry("天桥医院", shapely.Point(117.03, 36.72), "bundled gazetteer")]))
    feature = _locate([_project("天桥医院", "health")], gazetteer)["天桥医院"]
    geocode = feature["properties"]["geocode"]
    assert feature["geometry"].equals(HAND_POINT)
    assert geocode["status"] == "matched"
    assert geocode["source"] == settings.HAND_PLACED_SOURCE
    # every other source placing it 1 km or more away is said (it was not: a marker dropped on the wrong
    # street went unseen)
    assert geocode["method"] == (f"{settings.HAND_PLACED_SOURCE} at zoom 18; user gazetteer sites.csv places 天桥医院 "
                                 "2.4 km from here; OSM extract places 天桥医院 2.7 km from here; bundled gazetteer "
                                 "places 天桥医院 3.7 km from here; the placement by hand is used")
    assert geocode["accuracy_m"] == 2


def test_a_hand_placed_row_names_every_source_placing_it_elsewhere_past_those_agreeing():
    # 青山剧场 dropped on the wrong street: the list 2.3 km off and OSM 3.1 km off are both named (the first alone
    # was, leaving the planner to think one source disagreed); the bundled row 300 m away agrees and is not said
    gazetteer = (Gazetteer().add_tier("user gazetteer placed.csv", [_hand("青山剧场", HAND_POINT, "culture")])
                 .add_tier("user gazetteer 白石.csv", [_entry("青山剧场", shapely.Point(117.0312, 36.6664), "user gazetteer")])
                 .add_tier("bundled gazetteer", [_entry("青山剧场", shapely.Point(117.0345, 36.6871), "bundled gazetteer")])
                 .add_tier("OSM extract", [_entry("青山剧场", shapely.Point(117.0660, 36.6871), "OSM extract")]))
    method = _locate([_project("青山剧场", "culture")], gazetteer)["青山剧场"]["properties"]["geocode"]["method"]
    assert method.endswith("; user gazetteer 白石.csv places 青山剧场 2.3 km from here; OSM extract places 青山剧场 "
                           "3.1 km from here; the placement by hand is used")
    assert "bundled gazetteer places" not in method


def test_a_hand_placed_row_says_nothing_of_sources_agreeing_within_1_km_or_beyond_the_district():
    near = shapely.Point(HAND_POINT.x + 0.005, HAND_POINT.y)  # 450 m
    gazetteer = (Gazetteer().add_tier("user gazetteer placed.csv", [_hand("新图书馆", HAND_POINT, "culture")])
                 .add_tier("OSM extract", [_entry("新图书馆", near, "OSM extract", category="culture")])
                 .add_tier("bundled gazetteer", [_entry("新图书馆", shapely.Point(118.5, 36.7), "bundled gazetteer")]))
    geocode = _locate([_project("新图书馆", "culture")], gazetteer)["新图书馆"]["properties"]["geocode"]
    assert geocode["method"] == f"{settings.HAND_PLACED_SOURCE} at zoom 18"


def test_hand_placed_geometry_is_kept_as_drawn_whatever_the_category_expects():
    area = shapely.Polygon([(117.03, 36.68), (117.032, 36.68), (117.031, 36.682)])
    spot = shapely.Point(117.04, 36.70)
    # A school drawn as its campus stays an area (a bundled area would become a point), and a
    # road placed as a point is accepted (a road is otherwise only ever a line).
    gazetteer = Gazetteer().add_tier("user gazetteer placed.csv", [_hand("文澜", area, "school"),
                                                                   _hand("某某路", spot, "road_rebuild")])
    found = _locate([_project("文澜", "school"), _project("某某路", "road_rebuild")], gazetteer)
    assert found["文澜"]["geometry"].equals(area)
    assert found["某某路"]["geometry"].equals(spot)


def test_hand_placed_row_never_stands_in_for_another_project():
    gazetteer = Gazetteer().add_tier("user gazetteer placed.csv", [_hand("新图书馆", HAND_POINT, "culture")])
    found = _locate([_project("图书馆", "culture"), _project("新图书馆", "school")], gazetteer)
    # 图书馆 is contained in 新图书馆, which would be a loose match for an ordinary row.
    assert found["图书馆"]["geometry"] is None
    # Same name, other category: a different project with the same name.
    assert found["新图书馆"]["geometry"] is None


def test_hand_placed_row_outside_the_district_is_used_as_placed_saying_how_far_out():
    # A placement the planner made on purpose (a project sited beyond the district) was left
    # unlocated, so the rebuilt map listed it as unplaced and the next placed.csv lost it.
    near, far = shapely.Point(117.105, 36.70), shapely.Point(117.20, 36.70)  # 0.4 and 8.9 km east of the box
    gazetteer = Gazetteer().add_tier("user gazetteer placed.csv", [_hand("天桥医院", far), _hand("新图书馆", near)])
    found = _locate([_project("天桥医院", "health"), _project("新图书馆", None)], gazetteer)
    assert found["天桥医院"]["geometry"].equals(far) and found["新图书馆"]["geometry"].equals(near)
    assert found["天桥医院"]["properties"]["geocode"]["method"] == (f"{settings.HAND_PLACED_SOURCE} at zoom 18; 8.9 km "
                                                                "outside the district, as placed")
    assert found["新图书馆"]["properties"]["geocode"]["method"] == f"{settings.HAND_PLACED_SOURCE} at zoom 18"


def test_a_placement_read_back_with_last_rounds_notes_says_each_note_once():
    # A placed.csv written before the map left geo's notes out: its method carried them, and geocode added them
    # again, one more time each round.
    far = shapely.Point(117.20, 36.70)
    hand = _hand("青山医院", far, "health")
    hand.method += ("; 8.9 km outside the district, as placed; user gazetteer sites.csv places 青山医院 2.4 km from here; "
                    "the placement by hand is used")
    gazetteer = Gazetteer().add_tier("user gazetteer placed.csv", [hand])
    geocode = _locate([_project("青山医院", "health")], gazetteer)["青山医院"]["properties"]["geocode"]
    assert geocode["method"] == f"{settings.HAND_PLACED_SOURCE} at zoom 18; 8.9 km outside the district, as placed"


def test_placed_csv_as_the_panel_writes_it_loads_and_matches(tmp_path):
    # The panel's format: UTF-8 with BOM, CRLF, points as lon/lat, lines and areas as WKT, and a
    # name that starts like a spreadsheet formula kept as text with a leading apostrophe.
    path = tmp_path / "placed.csv"
    rows = [
        "name,category,lon,lat,wkt,datum,accuracy_m,source,method",
        f"'=1+1,school,117.0312000,36.6871000,,wgs84,2,{settings.HAND_PLACED_SOURCE},"
        f"{settings.HAND_PLACED_SOURCE} at zoom 18",
        f'新图书馆,culture,,,"LINESTRING (117.0300000 36.6800000, 117.0310000 36.6810000)",wgs84,10,'
        f"{settings.HAND_PLACED_SOURCE},{settings.HAND_PLACED_SOURCE} at zoom 16",
    ]
    path.write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8"))
    entries = load_file(path)
    assert [e.geometry.geom_type for e in entries] == ["Point", "LineString"]
    assert all(e.source == settings.HAND_PLACED_SOURCE and e.source_datum == "wgs84" for e in entries)
    found = _locate([_project("=1+1", "school"), _project("新图书馆", "culture")],
                    Gazetteer().add_tier("user gazetteer placed.csv", entries))
    assert found["=1+1"]["geometry"].equals(HAND_POINT)
    assert found["新图书馆"]["properties"]["geocode"]["accuracy_m"] == 10


def test_one_name_placed_as_lines_for_two_categories_places_each_project_as_drawn(tmp_path):
    # The rows of one name were joined as pieces of one line: the first category's project took
    # both lines and the other's placement was lost without a word.
    path = tmp_path / "placed.csv"
    river = "LINESTRING (117.0300000 36.6800000, 117.0400000 36.6810000)"
    greening = "LINESTRING (117.0350000 36.6806000, 117.0450000 36.6816000)"
    rows = ["name,category,lon,lat,wkt,datum,accuracy_m,source,method"] + [
        f'小清河,{category},,,"{wkt}",wgs84,10,{settings.HAND_PLACED_SOURCE},{settings.HAND_PLACED_SOURCE} at zoom 16'
        for category, wkt in (("water", river), ("road_greening", greening))]
    path.write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8"))
    gazetteer = Gazetteer().add_tier("user gazetteer placed.csv", load_file(path))
    located, _ = geocode_projects([_project("小清河", "water"), _project("小清河", "road_greening")], gazetteer, OUTLINE)
    drawn = {f["properties"]["category"]: f["geometry"] for f in located}
    assert drawn["water"].equals(shapely.from_wkt(river))
    assert drawn["road_greening"] is not None and drawn["road_greening"].equals(shapely.from_wkt(greening))


def test_a_project_named_with_a_bidi_control_takes_the_row_written_for_it_not_a_loose_match():
    # The panel writes 青松\u202e路小学 as 青松路小学 (Excel would show it reordered). Another project,
    # “青松”路小学, matches that name alike (quotes are ignored): each takes the row written as its name.
    first, second = shapely.Point(117.0312, 36.6871), shapely.Point(117.0412, 36.6871)
    gazetteer = Gazetteer().add_tier("user gazetteer placed.csv", [_hand("“青松”路小学", first, "school"),
                                                                   _hand("青松路小学", second, "school")])
    found = _locate([_project("青松\u202e路小学", "school"), _project("“青松”路小学", "school")], gazetteer)
    assert found["青松\u202e路小学"]["geometry"].equals(second)
    assert found["“青松”路小学"]["geometry"].equals(first)
