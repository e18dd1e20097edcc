"""geo.overpass_answers: an Overpass answer written as the plain OSM XML osmium reads."""

import json
import xml.etree.ElementTree as ET

import pytest

from geo.io import InputError
from geo.overpass_answers import overpass_xml


def _answer(tmp_path, elements, name="answer.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"version": 0.6, "elements": elements}), encoding="utf-8")
    return path


def _written(path, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    return ET.parse(overpass_xml(path, out)).getroot()


def test_a_way_given_only_with_its_geometry_gets_node_elements_for_osmium_to_place_it(tmp_path):
    way = {"type": "way", "id": 7, "nodes": [11, 12], "tags": {"highway": "primary", "name": "白石路"},
           "geometry": [{"lat": 36.7, "lon": 117.0}, {"lat": 36.71, "lon": 117.01}]}
    root = _written(_answer(tmp_path, [way]), tmp_path)
    nodes = {n.get("id"): (n.get("lat"), n.get("lon")) for n in root.iter("node")}
    assert nodes == {"11": ("36.7000000", "117.0000000"), "12": ("36.7100000", "117.0100000")}
    assert [nd.get("ref") for nd in root.find("way").iter("nd")] == ["11", "12"]


def test_elements_are_written_nodes_ways_relations_each_by_id_and_bad_coordinates_left_off(tmp_path):
    elements = [{"type": "way", "id": 2, "nodes": [5, 4], "tags": {"name": "青山路", "highway": "residential"}},
                {"type": "node", "id": 5, "lat": 36.7, "lon": 117.0},
                {"type": "node", "id": 4, "lat": 95.0, "lon": 117.0},
                {"type": "relation", "id": 1, "members": [{"type": "way", "ref": 2, "role": ""}],
                 "tags": {"type": "route", "route": "road"}}]
    root = _written(_answer(tmp_path, elements), tmp_path)
    assert [(e.tag, e.get("id")) for e in root] == [("node", "4"), ("node", "5"), ("way", "2"), ("relation", "1")]
    assert root[0].get("lat") is None and root[1].get("lat") == "36.7000000"


@pytest.mark.parametrize("element, word", [
    ({"type": "way", "id": 3, "center": {"lat": 36.7, "lon": 117.0}, "tags": {"name": "白石路"}}, "out center"),
    ({"type": "way", "id": 3, "tags": {"name": "白石路"}}, "out tags"),
    ({"type": "node", "id": 3, "lat": 36.7, "lon": 117.0}, "out skel"),
])
def test_answers_without_geometry_or_tags_are_refused_naming_the_query_that_made_them(tmp_path, element, word):
    with pytest.raises(InputError, match=word):
        _written(_answer(tmp_path, [element]), tmp_path)
