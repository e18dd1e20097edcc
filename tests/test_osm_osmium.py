"""geo.osm_osmium: what osmium's pass over an OSM file could not build is said, not dropped unseen."""

import pytest
import shapely

from geo.osm import load_osm
from osm_xml import write_osm_xml, write_reordered

DISTRICT = shapely.box(120.60, 30.40, 120.80, 30.60)


def _parks(path):
    """Two parks drawn as multipolygon relations: 鹃湖公园 whole, 西山公园 with an outer way the file
    lacks (cut from the extract), as `osmium extract --strategy simple` leaves a relation crossing its edge."""
    whole = [(120.660, 30.525), (120.668, 30.525), (120.668, 30.531), (120.660, 30.531), (120.660, 30.525)]
    half = [(120.650, 30.520), (120.654, 30.520), (120.654, 30.524)]
    return write_osm_xml(path, [(10, whole, {}), (11, half, {})], relations=[
        (1, [(10, "outer")], {"type": "multipolygon", "leisure": "park", "name": "鹃湖公园"}),
        (2, [(11, "outer"), (12, "outer")], {"type": "multipolygon", "leisure": "park", "name": "西山公园"})])


@pytest.mark.parametrize("suffix", [".osm", ".osm.pbf"])
def test_a_named_multipolygon_the_file_holds_incompletely_is_named_in_a_warning(tmp_path, suffix):
    # It was left out without a word: its project said "no polygon named '西山公园' in any source".
    path = _parks(tmp_path / "parks.osm")
    if suffix != ".osm":
        path = write_reordered(path, tmp_path / f"parks{suffix}")
    warnings = []
    entries = load_osm(path, DISTRICT, warnings=warnings)
    assert [e.name for e in entries] == ["鹃湖公园"]
    assert warnings == [f"{path}: 1 named multipolygon relation(s) left out: the file lacks some of their member ways "
                        "or their rings do not close (an extract cut at its edge?): 西山公园 (r2)"]


def test_a_named_multipolygon_beyond_the_district_is_not_said_to_be_broken(tmp_path):
    warnings = []
    assert load_osm(_parks(tmp_path / "parks.osm"), shapely.box(100.0, 20.0, 100.1, 20.1), warnings=warnings) == []
    assert not [w for w in warnings if "鹃湖公园" in w]


@pytest.mark.parametrize("suffix", [".osm", ".osm.pbf"])
def test_a_file_holding_its_ways_and_relations_twice_is_read_as_once_with_a_warning(tmp_path, suffix):
    # Two answers saved as one: 'not a readable OSM file (Way ID twice in input. Maybe you are using a history
    # or change file?)'.
    import re

    once = _parks(tmp_path / "once.osm")
    twice = tmp_path / "twice.osm"  # each way and relation written twice over, in id order
    twice.write_text(re.sub(r"(<(way|relation)\b.*?</\2>)", r"\1\1", once.read_text(encoding="utf-8"), flags=re.S),
                     encoding="utf-8")
    if suffix != ".osm":
        twice = write_reordered(twice, tmp_path / f"twice{suffix}")
    warnings = []
    entries = load_osm(twice, DISTRICT, warnings=warnings)
    assert [(e.name, e.geometry.area) for e in entries] == [(e.name, e.geometry.area) for e in load_osm(once, DISTRICT)]
    assert f"{twice}: 4 way(s) or relation(s) appear twice (files joined together, or the answers of two queries " \
           "saved as one?): read all the same: r1、r2、w10…" in warnings


@pytest.mark.parametrize("name", ["history.osm", "history.osh"])
def test_a_file_holding_two_versions_of_one_way_is_refused_as_a_history_file(tmp_path, name):
    # Read as two copies, the old version's name would locate projects by a name the place no longer has.
    import re

    from geo.io import InputError

    once = _parks(tmp_path / "once.osm").read_text(encoding="utf-8")
    way = re.search(r"<way\b.*?</way>", once, flags=re.S).group()
    older = re.sub(r"<way ", '<way version="1" ', way, count=1)
    newer = re.sub(r"<way ", '<way version="2" ', way, count=1)
    path = tmp_path / name
    path.write_text(once.replace(way, older + newer), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_osm(path, DISTRICT)
    assert str(info.value) == (f"{path}: holds several versions of one object (w10: versions 1 and 2): an OSM history "
                               "file, or extracts of different dates joined; give one extract of today's data (.osm, "
                               ".osm.pbf)")


def _pond_park(path, inner_members=((11, "inner"), (12, "inner")), outer=None):
    """青山公园, a multipolygon of an outer way and two inner ways (ponds), the second of which (w12) the
    file lacks, as an extract cut through the park leaves it."""
    outer = outer or [(120.660, 30.525), (120.668, 30.525), (120.668, 30.531), (120.660, 30.531), (120.660, 30.525)]
    pond = [(120.662, 30.527), (120.664, 30.527), (120.664, 30.529), (120.662, 30.527)]
    return write_osm_xml(path, [(10, outer, {}), (11, pond, {})], relations=[
        (1, [(10, "outer"), *inner_members], {"type": "multipolygon", "leisure": "park", "name": "青山公园"})])


@pytest.mark.parametrize("suffix,order", [(".osm", None), (".osm.pbf", "nwr"), (".osm.pbf", "rwn")])
def test_a_multipolygon_missing_an_inner_member_keeps_its_outer_ring_with_a_warning(tmp_path, suffix, order):
    # It was left out whole ('left out: the file lacks some of their member ways') when its ids were in
    # order, and kept without a word when they were not.
    path = _pond_park(tmp_path / "park.osm")
    if order:
        path = write_reordered(path, tmp_path / f"park{suffix}", order=order)
    warnings = []
    [park] = load_osm(path, DISTRICT, warnings=warnings)
    pond = shapely.Polygon([(120.662, 30.527), (120.664, 30.527), (120.664, 30.529)])
    assert park.name == "青山公园" and park.geometry.equals(shapely.box(120.660, 30.525, 120.668, 30.531).difference(pond))
    assert warnings == [f"{path}: 1 named multipolygon relation(s) lack member ways the file does not hold (an extract "
                        "cut at its edge?): each is drawn from the rings it holds, a missing inner ring's hole filled: "
                        "青山公园 (r1: 1 inner missing)"]


@pytest.mark.parametrize("order", [None, "rwn"])
def test_a_multipolygon_whose_outer_way_lacks_a_node_is_not_drawn_across_the_gap(tmp_path, order):
    # Out of id order, the sorted copy closed the ring without the node: a false outline, unsaid.
    import re

    path = _pond_park(tmp_path / "park.osm", inner_members=())
    path.write_text(re.sub(r'<node id="2" [^>]*/>\n', "", path.read_text(encoding="utf-8")), encoding="utf-8")
    if order:
        path = write_reordered(path, tmp_path / "park.osm.pbf", order=order)
    warnings = []
    assert load_osm(path, DISTRICT, warnings=warnings) == []
    assert any("left out: the file lacks some of their member ways" in w and "青山公园 (r1)" in w for w in warnings)
