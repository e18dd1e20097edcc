"""A campus or branch (白石小学东校区): a site of its own; an unlocated one says which source has its facility."""

import shapely

from geo.campuses import campus_of
from geo.gazetteer import Entry, Gazetteer
from geo.geocode import geocode_projects


def test_an_unlocated_campus_says_a_source_has_its_facility_and_is_not_placed_there():
    # 青山县's report names 白石小学东校区; the list has only 白石小学: it said "no point named" alone, leaving the
    # planner to wonder why the list's school was not used
    school = Entry(name="白石小学", geometry=shapely.Point(112.93, 28.20), source="user gazetteer 学校.csv",
                   method="coordinates from file", source_datum="wgs84", accuracy_m=20, tier="user gazetteer 学校.csv")
    gazetteer = Gazetteer().add_tier("user gazetteer 学校.csv", [school])
    projects = [{"id": n, "geometry": None, "properties": {"id": n, "name": n, "category": "school", "named": True}}
                for n in ("白石小学东校区", "青松中学分校")]
    located, _ = geocode_projects(projects, gazetteer, shapely.box(112.89, 28.19, 112.97, 28.23))
    campus, other = (f["properties"]["geocode"] for f in located)
    assert located[0]["geometry"] is None and campus["status"] == "unlocated"
    assert campus["reason"].endswith("; user gazetteer 学校.csv has 白石小学, not its 东校区: a campus is a site of its "
                                     "own, not placed at 白石小学's")
    assert "campus" not in other["reason"]  # no source has 青松中学
    assert campus_of("人民医院新院区") == ("人民医院", "新院区") and campus_of("白石小学") is None
