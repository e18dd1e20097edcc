"""The district's names as a planner's list writes them: its city written out, the city's other districts."""

import pytest

from geo.district_names import district_prefixes, full_district_name, other_districts


def test_a_shared_district_name_is_written_out_with_the_city_of_its_code():
    assert full_district_name("鼓楼区", "320106") == "江苏省南京市鼓楼区"
    assert full_district_name("鼓楼区", "350102") == "福建省福州市鼓楼区"
    assert full_district_name("鼓楼区") == "鼓楼区"  # no code: as given
    assert full_district_name("我的片区", "320106") == "我的片区"  # a name of one's own is not the code's county


def test_the_prefixes_of_a_shared_name_come_with_its_city_once_its_code_tells():
    assert district_prefixes("鼓楼区") == ("鼓楼区",)
    assert "南京市鼓楼区" in district_prefixes(full_district_name("鼓楼区", "320106"))


def test_the_other_districts_are_those_of_the_same_city_only():
    others = other_districts("长沙市岳麓区")
    assert "开福区" in others and "长沙县" in others and "岳麓区" not in others
    assert "天桥区" not in others
    assert other_districts("朝阳区") == ()  # Beijing's or Changchun's: none known


def test_a_name_with_the_districts_own_name_in_front_is_the_sources_place_of_the_rest():
    # 青山县's report writes 青山县白石路 and 青山縣白石路（东段）; OSM has 白石路: they were unlocated, "no line named".
    import shapely

    from geo.gazetteer import Entry, Gazetteer
    from geo.geocode import geocode_projects

    def road(name, geometry):
        return Entry(name=name, geometry=geometry, source="OSM", method="name match", source_datum="wgs84",
                     accuracy_m=20, tier="OSM extract", feature_type="road")

    baishi = shapely.LineString([(112.90, 28.20), (112.96, 28.20)])
    gazetteer = Gazetteer().add_tier("OSM extract", [road("白石路", baishi),
                                                     road("红河区白石路", shapely.LineString([(112.90, 28.21), (112.96, 28.21)]))])
    projects = [{"id": n, "geometry": None, "properties": {"id": n, "name": n, "category": "road_rebuild", "named": True,
                                                          **extra}}
                for n, extra in (("青山县白石路", {}), ("青山縣白石路（东段）", {"base_name": "青山縣白石路", "section": "东段"}),
                                 ("红河区白石路", {}), ("青山县青山路", {}))]
    located, unlocated = geocode_projects(projects, gazetteer, shapely.box(112.89, 28.19, 112.97, 28.22),
                                          district_name="青山县")
    whole, east, other, _ = located
    assert whole["geometry"].equals(baishi) and whole["properties"]["geocode"]["status"] == "matched"
    assert whole["properties"]["geocode"]["method"].endswith("; the report's 青山县白石路 is 白石路 of 青山县, 青山县 left off")
    assert east["geometry"].bounds[0] == pytest.approx(112.93)  # the east half of 白石路
    assert other["geometry"].coords[0] == (112.90, 28.21)  # another district's name is its own road, as before
    assert [u["name"] for u in unlocated] == ["青山县青山路"]  # no 青山路 anywhere


def _listed(*names):
    import shapely

    from geo.gazetteer import Entry, Gazetteer

    return Gazetteer().add_tier("user gazetteer 学校.csv", [
        Entry(name=name, geometry=shapely.Point(112.9 + i / 100, 28.2), source="user gazetteer 学校.csv",
              method="coordinates from file", source_datum="gcj02", accuracy_m=50, tier="user gazetteer")
        for i, name in enumerate(names)])


def test_a_lists_city_written_before_a_district_of_no_code_is_read_as_its_own():
    # 白溪县 given by name alone (no code: its city unknown); the list writes 云岭市白溪县城东小学: the report's
    # 城东小学 was only found loosely, "contained", as if it were another place of that name.
    from geo.district_names import listed_city_prefixes, with_district

    gazetteer = _listed("云岭市白溪县城东小学", "湖南省云岭市白溪县实验小学", "白溪县人民医院")
    assert listed_city_prefixes("白溪县", gazetteer) == ("云岭市白溪县", "湖南省云岭市白溪县")
    school = with_district("城东小学", "白溪县", gazetteer, None, "school")
    assert school.entry.name == "云岭市白溪县城东小学" and school.strength == "district"
    assert school.note == "the report's 城东小学 taken for 云岭市白溪县城东小学, 白溪县's own: it names no district"
    assert school.elsewhere == ()  # no other source has 城东小学
    written = with_district("白溪县实验小学", "白溪县", gazetteer, None, "school")  # the report writes the district
    assert written.entry.name == "湖南省云岭市白溪县实验小学" and written.strength == "exact"


def test_a_reports_name_with_the_city_its_lists_write_in_front_is_the_sources_place_of_the_rest():
    # 白溪县 given by name alone; its lists write 云岭市白溪县…, and the report writes 云岭市白溪县青松中学 of the list's
    # 青松中学: it was unlocated ("no point named"), the city before the district not left off
    from geo.district_names import without_district

    gazetteer = _listed("云岭市白溪县城东小学", "青松中学")
    found = without_district("云岭市白溪县青松中学", "白溪县", lambda rest: gazetteer.lookup(rest), gazetteer)
    assert found.entry.name == "青松中学" and found.strength == "exact"
    assert found.note == "the report's 云岭市白溪县青松中学 is 青松中学 of 云岭市白溪县, 云岭市白溪县 left off"
    assert without_district("石门市白溪县青松中学", "白溪县", lambda rest: gazetteer.lookup(rest), gazetteer) is None


def test_a_district_written_after_two_cities_or_of_a_known_code_takes_no_city_from_the_list():
    from geo.district_names import full_district_name, listed_city_prefixes, with_district

    two_cities = _listed("云岭市白溪县城东小学", "石门市白溪县城西小学")
    assert listed_city_prefixes("白溪县", two_cities) == ()
    assert with_district("城东小学", "白溪县", two_cities, None, "school") is None
    # 南京市鼓楼区 known by its code: a list's 福州市鼓楼区 is another district's
    assert listed_city_prefixes(full_district_name("鼓楼区", "320106"), _listed("福州市鼓楼区城东小学")) == ()


def test_a_place_found_with_the_district_written_out_says_a_later_source_having_the_reports_name_km_away():
    # The list's 云岭市白溪县城东小学 taken for the report's 城东小学; OSM's own 城东小学 lies 2.5 km north: unsaid.
    import shapely

    from geo.district_names import with_district
    from geo.gazetteer import Entry, placed_elsewhere

    gazetteer = _listed("云岭市白溪县城东小学").add_tier("OSM extract", [
        Entry(name="城东小学", geometry=shapely.Point(112.9, 28.2225), source="OSM", method="name match",
              source_datum="wgs84", accuracy_m=20, tier="OSM extract")])
    school = with_district("城东小学", "白溪县", gazetteer, None, "school")
    assert placed_elsewhere(school) == "OSM extract places 城东小学 2.5 km from here; user gazetteer 学校.csv, given first, is used"


def test_a_reports_name_with_the_city_before_the_district_is_the_lists_name_with_the_district_alone():
    # The report writes 云岭市白溪县人民医院; the list writes 白溪县人民医院 (and 云岭市白溪县城东小学, which tells the
    # city): it was unlocated ("no point named"), only the whole 云岭市白溪县 being left off (人民医院: in no source)
    from geo.district_names import without_district

    gazetteer = _listed("云岭市白溪县城东小学", "白溪县人民医院")
    found = without_district("云岭市白溪县人民医院", "白溪县", lambda rest: gazetteer.lookup(rest), gazetteer)
    assert found.entry.name == "白溪县人民医院" and found.strength == "exact"
    assert found.note == "the report's 云岭市白溪县人民医院 is 白溪县人民医院, 云岭市 left off"
    # the city alone before a name is the city's place (云岭市人民医院), never the district's
    assert without_district("云岭市人民医院", "白溪县", lambda rest: gazetteer.lookup(rest), gazetteer) is None


def test_a_name_with_the_city_alone_before_it_says_the_districts_place_of_the_rest_is_not_taken_for_it():
    # 云岭市人民医院 in 白溪县's report, OSM's 人民医院 in the county: unlocated, `no point named` and nothing of why
    import shapely

    from geo.gazetteer import Entry
    from geo.geocode import geocode_projects

    gazetteer = _listed("云岭市白溪县城东小学").add_tier("OSM extract", [
        Entry(name="人民医院", geometry=shapely.Point(112.91, 28.205), source="OSM", method="name match",
              source_datum="wgs84", accuracy_m=20, tier="OSM extract")])
    projects = [{"id": n, "geometry": None, "properties": {"id": n, "name": n, "category": "health", "named": True}}
                for n in ("云岭市人民医院", "云岭市白溪县人民医院")]
    located, _ = geocode_projects(projects, gazetteer, shapely.box(112.89, 28.19, 112.97, 28.22), district_name="白溪县")
    city, county = (f["properties"]["geocode"] for f in located)
    assert city["status"] == "unlocated" and city["reason"].endswith(
        "; OSM extract has 人民医院, but 云岭市 written before it names the city's own, not 白溪县's")
    assert county["status"] == "matched" and "云岭市白溪县 left off" in county["method"]
