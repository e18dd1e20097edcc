"""Administrative areas read from damaged and hostile extracts: odd admin_level spellings, invisible names, editors' files, GeoJSON without ids."""

import json

import pytest
import shapely

from geo.osm_boundaries import read_admin_areas
from osm_xml import write_osm_xml, write_reordered

ADMIN = {"type": "boundary", "boundary": "administrative"}


def _square(x, y=36.6, size=0.01):
    return [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]


def _boundaries(path, tags):
    """One square boundary relation per tags, side by side: relation 100 + i of way 1000 + i."""
    ways = [(1000 + i, _square(117 + i * 0.02), {}) for i in range(len(tags))]
    relations = [(100 + i, [(1000 + i, "outer")], {**ADMIN, **t}) for i, t in enumerate(tags)]
    return write_osm_xml(path, ways, relations=relations)


def test_admin_level_8_written_with_a_leading_zero_or_full_width_is_level_8(tmp_path):
    levels = ["8", "08", " 8 ", "８", "8;9", "18", "8.5"]
    path = _boundaries(tmp_path / "levels.osm", [{"admin_level": v, "name": f"甲{i}街道"} for i, v in enumerate(levels)])
    areas = read_admin_areas(path)
    assert [(a.osm_id, a.level) for a in areas] == [("r100", "8"), ("r101", "8"), ("r102", "8"), ("r103", "8")]


def test_a_name_of_invisible_characters_alone_is_no_name(tmp_path):
    names = ["\u202e\u202c", "\u200b", "\ufeff", " \u00ad ", "\u2066\u2069", "新兴街道"]
    path = _boundaries(tmp_path / "names.osm", [{"admin_level": "8", "name": n} for n in names])
    assert [(a.osm_id, a.names) for a in read_admin_areas(path)] == [("r105", ("新兴街道",))]


def _josm_file(path, *, negative=True, deleted=(), reverse=False):
    """Three square boundaries as JOSM saves a file of objects it created (negative ids, ``action``),
    or, with ``reverse``, positive ids written relations first (a file out of osmium's order)."""
    sign = -1 if negative else 1
    nodes, ways, relations, node = [], [], [], 1
    for i in range(3):
        refs = []
        for x, y in _square(117 + i * 0.02)[:-1]:
            nodes.append(f'<node id="{sign * node}" action="modify" visible="true" lat="{y}" lon="{x}"/>')
            refs.append(sign * node)
            node += 1
        ways.append(f'<way id="{sign * (100 + i)}" action="modify" visible="true">'
                    + "".join(f'<nd ref="{r}"/>' for r in refs + refs[:1]) + "</way>")
        action = "delete" if i in deleted else "modify"
        relations.append(f'<relation id="{sign * (200 + i)}" action="{action}" visible="true">'
                         f'<member type="way" ref="{sign * (100 + i)}" role="outer"/><tag k="type" v="boundary"/>'
                         '<tag k="boundary" v="administrative"/><tag k="admin_level" v="8"/>'
                         f'<tag k="name" v="乙{i}街道"/></relation>')
    body = nodes + ways + relations
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="JOSM">\n'
                    + "\n".join(body[::-1] if reverse else body) + "\n</osm>\n", encoding="utf-8")
    return path


def test_boundaries_a_josm_user_drew_keep_their_negative_ids_and_deletions(tmp_path):
    areas = read_admin_areas(_josm_file(tmp_path / "josm.osm", deleted=(1,)))
    assert [(a.osm_id, a.names) for a in areas] == [("r-200", ("乙0街道",)), ("r-202", ("乙2街道",))]
    assert round(areas[0].geometry.area, 8) == 0.0001


def test_boundaries_of_a_file_out_of_order_are_read(tmp_path):
    areas = read_admin_areas(_josm_file(tmp_path / "unsorted.osm", negative=False, reverse=True))
    assert [a.osm_id for a in areas] == ["r200", "r201", "r202"]


def _three_boundaries(path):
    """Two boundary relations (one with a hole, an inner way) and a closed way boundary."""
    hole = [(117.003, 36.603), (117.006, 36.603), (117.006, 36.606), (117.003, 36.606), (117.003, 36.603)]
    ways = [(1000, _square(117), {}), (1001, hole, {}), (1002, _square(117.02), {}),
            (1003, _square(117.04), {**ADMIN, "admin_level": "8", "name": "庚2街道"})]
    relations = [(100, [(1000, "outer"), (1001, "inner")], {**ADMIN, "admin_level": "8", "name": "庚0街道"}),
                 (101, [(1002, "outer")], {**ADMIN, "admin_level": "8", "name": "庚1街道"})]
    return write_osm_xml(path, ways, relations=relations, share_nodes=True)


@pytest.mark.parametrize("suffix", [".osm.pbf", ".o5m", ".osm"])
@pytest.mark.parametrize("order, descending", [("rwn", False), ("wnr", False), ("wrn", False), ("nwr", True)])
def test_boundaries_of_a_file_whose_objects_are_out_of_order_are_read_as_sorted(tmp_path, suffix, order, descending):
    """Relations before ways, ways before their nodes (files merged, or written by a script), or
    ids descending: osmium's area assembly needs nodes, ways, relations, each by id, and built none."""
    def summary(areas):
        return [(a.osm_id, a.names, round(a.geometry.area, 12)) for a in areas]

    sorted_file = _three_boundaries(tmp_path / "sorted.osm")
    expected = summary(read_admin_areas(sorted_file))
    assert [a[0] for a in expected] == ["r100", "r101", "w1003"]
    unsorted = write_reordered(sorted_file, tmp_path / f"unsorted{suffix}", order, descending)
    assert summary(read_admin_areas(unsorted)) == expected


def test_a_closed_way_boundary_of_an_overpass_out_geom_answer_is_read(tmp_path):
    """``way[boundary=administrative][admin_level=8](...); out geom;``: the way's nodes carry their
    coordinates and no node element is given (osmium built no area from it)."""
    nds = "".join(f'<nd ref="{11 + i % 4}" lat="{y}" lon="{x}"/>' for i, (x, y) in enumerate(_square(117.04)))
    path = tmp_path / "out_geom.osm"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="Overpass API 0.7.62">\n'
                    f'<way id="1003">{nds}<tag k="boundary" v="administrative"/><tag k="admin_level" v="8"/>'
                    '<tag k="name" v="庚2街道"/></way>\n</osm>\n', encoding="utf-8")
    areas = read_admin_areas(path)
    assert [(a.osm_id, a.names) for a in areas] == [("w1003", ("庚2街道",))]
    assert round(areas[0].geometry.area, 8) == 0.0001


def test_overpass_turbo_boundaries_without_an_id_are_each_kept(tmp_path):
    features = [{"type": "Feature", "properties": {"boundary": "administrative", "admin_level": "8", "name": f"丙{i}街道",
                                                   **({"@id": "relation/7"} if i == 0 else {})},
                 "geometry": shapely.geometry.mapping(shapely.Polygon(_square(117 + i * 0.02)))} for i in range(4)]
    path = tmp_path / "export.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    areas = read_admin_areas(path)
    assert sorted(a.names[0] for a in areas) == ["丙0街道", "丙1街道", "丙2街道", "丙3街道"]
    assert len({a.osm_id for a in areas}) == 4 and "r7" in {a.osm_id for a in areas}
    assert all(a.osm_id for a in areas)


def _entries(entries):
    return [(e.name, e.feature_type, e.extra["osm_ids"], e.geometry.wkb) for e in entries]


def test_a_run_reads_its_extract_once_for_its_street_districts_and_its_gazetteer(tmp_path, monkeypatch):
    """The boundary pass was a second full pass over the file (a country's extract: +22% of the run's
    reading, scripts/bench_osm.py); the gazetteer's pass builds the named boundaries anyway."""
    import osmium

    from geo import osm_boundaries
    from geo.osm import load_osm, read_window

    path = _boundaries(tmp_path / "two.osm", [{"admin_level": "8", "name": "丁0街道"}, {"admin_level": "6", "name": "某区"}])
    text = path.read_text(encoding="utf-8").replace("</osm>", '<node id="900" lat="36.605" lon="117.005">'
                                                    '<tag k="amenity" v="school"/><tag k="name" v="丁小学"/></node>'
                                                    "</osm>")
    path.write_text(text, encoding="utf-8")
    outline = shapely.box(116.99, 36.59, 117.05, 36.62)
    alone = _entries(load_osm(path, outline))
    opened, processor = [], osmium.FileProcessor
    monkeypatch.setattr(osmium, "FileProcessor", lambda *args, **kw: opened.append(args[0]) or processor(*args, **kw))
    load_osm(path, outline)
    gazetteer_only = len(opened)
    opened.clear()
    areas = read_admin_areas(path, read_window(outline))
    assert _entries(load_osm(path, outline)) == alone and "丁小学" in [name for name, *_ in alone]
    assert len(opened) == gazetteer_only and [(a.osm_id, a.names) for a in areas] == [("r100", ("丁0街道",))]
    assert osm_boundaries._SHARED == {}  # taken once


def test_the_gazetteer_reads_the_file_again_when_another_window_or_a_changed_file_is_asked(tmp_path):
    from geo import osm_boundaries
    from geo.osm import load_osm, read_window

    path = _boundaries(tmp_path / "one.osm", [{"admin_level": "8", "name": "戊街道"}])
    outline = shapely.box(116.99, 36.59, 117.05, 36.62)
    read_admin_areas(path, read_window(outline))
    assert osm_boundaries.shared_reading(path, read_window(shapely.box(117.0, 36.6, 117.01, 36.61))) is None
    path.write_text(path.read_text(encoding="utf-8").replace("戊街道", "己街道"), encoding="utf-8")
    assert osm_boundaries.shared_reading(path, read_window(outline)) is None
    assert load_osm(path, outline) == []


@pytest.mark.parametrize("suffix", [".osm", ".osm.pbf"])
def test_boundaries_of_a_file_holding_its_ways_and_relations_twice_are_read(tmp_path, suffix):
    # Two answers saved as one: osmium's 'Way ID twice in input', and no boundary at all, without a word.
    import re

    once = _three_boundaries(tmp_path / "once.osm")
    twice = tmp_path / "twice.osm"
    twice.write_text(re.sub(r"(<(way|relation)\b.*?</\2>)", r"\1\1", once.read_text(encoding="utf-8"), flags=re.S),
                     encoding="utf-8")
    if suffix != ".osm":
        twice = write_reordered(twice, tmp_path / f"twice{suffix}")
    assert [(a.osm_id, a.names) for a in read_admin_areas(twice)] == \
        [(a.osm_id, a.names) for a in read_admin_areas(once)] == [("r100", ("庚0街道",)), ("r101", ("庚1街道",)),
                                                                 ("w1003", ("庚2街道",))]
