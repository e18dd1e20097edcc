"""geo.osm_files: what an OSM file says of itself, here the bounds an extract was cut to."""

import pytest
import shapely
from click.testing import CliRunner

from geo import settings
from geo.cli import main
from geo.osm import load_osm
from osm_xml import write_osm_xml
from test_bad_inputs import work  # noqa: F401 - a copy of tests/bad_inputs/ as the current directory

DISTRICT = shapely.box(120.60, 30.40, 120.80, 30.60)
ROAD = (1, [(120.75, 30.50), (120.76, 30.50)], {"highway": "primary", "name": "长安路"})


def _with_bounds(path, *boxes):
    """``path`` with ``<bounds>`` elements before its nodes, as osmium extract, JOSM (one per download) and the
    OSM website's export write them."""
    text = path.read_text(encoding="utf-8")
    bounds = "".join(f'<bounds minlon="{w}" minlat="{s}" maxlon="{e}" maxlat="{n}"/>\n' for w, s, e, n in boxes)
    path.write_text(text.replace('<osm version="0.6">\n', '<osm version="0.6">\n' + bounds, 1), encoding="utf-8")
    return path


def _pbf_with_box(source, target, box):
    import osmium

    header = osmium.io.Header()
    header.add_box(osmium.osm.Box(osmium.osm.Location(box[0], box[1]), osmium.osm.Location(box[2], box[3])))
    with osmium.SimpleWriter(str(target), header=header) as writer:
        for obj in osmium.FileProcessor(str(source)):
            writer.add(obj)
    return target


def _bounds_warnings(path):
    warnings = []
    load_osm(path, DISTRICT, warnings=warnings)
    return [w for w in warnings if "bounds" in w]


def test_an_extract_cut_to_a_box_over_part_of_the_district_says_how_much_it_covers(tmp_path):
    # osmium extract -b 120.70,30.25,120.90,30.60: half of the district; a road or a place of the
    # west half was 'in no source', and a name borne in both halves (长安路) was the east one's, unsaid.
    cut = _with_bounds(write_osm_xml(tmp_path / "east.osm", [ROAD]), (120.70, 30.25, 120.90, 30.60))
    [warning] = _bounds_warnings(cut)
    assert warning.startswith(f"{cut}: its bounds (120.7,30.25 to 120.9,30.6) cover 50% of the district:")
    assert "beyond them" in warning
    pbf = _pbf_with_box(cut, tmp_path / "east.osm.pbf", (120.70, 30.25, 120.90, 30.60))  # osmium extract's header
    assert _bounds_warnings(pbf) == [warning.replace("east.osm", "east.osm.pbf")]


def test_an_extract_whose_bounds_hold_the_district_or_that_has_none_says_nothing(tmp_path):
    assert not _bounds_warnings(write_osm_xml(tmp_path / "none.osm", [ROAD]))
    assert not _bounds_warnings(_with_bounds(write_osm_xml(tmp_path / "all.osm", [ROAD]), (120.5, 30.3, 120.9, 30.7)))
    # JOSM: one <bounds> per area downloaded, together the district
    assert not _bounds_warnings(_with_bounds(write_osm_xml(tmp_path / "josm.osm", [ROAD]),
                                             (120.5, 30.3, 120.7, 30.7), (120.7, 30.3, 120.9, 30.7)))


def test_the_share_of_the_district_an_extract_must_cover_is_a_setting(tmp_path, monkeypatch):
    cut = _with_bounds(write_osm_xml(tmp_path / "east.osm", [ROAD]), (120.70, 30.25, 120.90, 30.60))
    monkeypatch.setattr(settings, "OSM_EXTRACT_COVER_MIN", 0.4)
    assert not _bounds_warnings(cut)


def _overpass_json(path, elements):
    import json

    path.write_text(json.dumps({"version": 0.6, "generator": "Overpass API 0.7.62.1", "elements": elements},
                               ensure_ascii=False), encoding="utf-8")
    return path


def test_an_overpass_out_tags_answer_is_refused_for_what_it_lacks_not_for_invalid_coordinates(tmp_path):
    # [out:json]; way[highway](...); out tags;  : tags alone, no node has coordinates, no way its nodes.
    import pytest

    from geo.io import InputError

    path = _overpass_json(tmp_path / "tags.json", [
        {"type": "node", "id": 177, "tags": {"amenity": "hospital", "name": "海宁市人民医院"}},
        {"type": "way", "id": 40, "tags": {"highway": "primary", "name": "文苑路"}}])
    with pytest.raises(InputError) as refused:
        load_osm(path, DISTRICT)
    assert str(refused.value) == (f"{path}: Overpass 'out tags' output has no coordinates: use 'out geom' or "
                                  "'out body; >; out skel qt'")


def test_an_overpass_out_skel_answer_is_refused_for_its_missing_tags(tmp_path):
    # out skel alone: coordinates and no tag, so no name: it said 'no named road within 1 km (another area?)'.
    import pytest

    from geo.io import InputError

    path = _overpass_json(tmp_path / "skel.json", [
        {"type": "node", "id": 1, "lat": 30.5, "lon": 120.75}, {"type": "node", "id": 2, "lat": 30.5, "lon": 120.76},
        {"type": "way", "id": 40, "nodes": [1, 2]}])
    with pytest.raises(InputError) as refused:
        load_osm(path, DISTRICT)
    assert str(refused.value) == (f"{path}: Overpass 'out skel' output has no tags, so no names: use 'out geom' or "
                                  "'out body; >; out skel qt'")


def test_an_osm_xml_file_named_as_a_browser_saves_an_overpass_answer_is_read_as_its_osm_copy(tmp_path):
    # Overpass API's download is saved as 'interpreter' (no extension): refused as 'Could not detect file
    # format'; as 'map.xml' its roads were read and its 街道 boundaries were not, without a word.
    import shutil

    import pytest

    from geo.osm_boundaries import read_admin_areas
    from geo.osm_files import is_osm_file
    from test_osm_boundaries import _three_boundaries

    def read(path):
        entries = [(e.name, e.extra["osm_ids"], e.geometry.wkt) for e in load_osm(path, shapely.box(116.9, 36.5, 117.2, 36.8))]
        return entries, [(a.osm_id, a.names, a.geometry.wkt) for a in read_admin_areas(path)]

    osm = _three_boundaries(tmp_path / "answer.osm")
    expected = read(osm)
    assert len(expected[1]) == 3
    for name in ("interpreter", "map.xml", "export.txt"):
        saved = shutil.copyfile(osm, tmp_path / name)
        assert is_osm_file(saved)
        assert read(saved) == expected
    kml = tmp_path / "doc.xml"
    kml.write_text('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>')
    assert not is_osm_file(kml)


def test_an_overpass_csv_answer_is_refused_for_what_it_lacks(tmp_path):
    # [out:csv(::type,::id,name,::lat,::lon)]: osmium's 'Could not detect file format' said nothing of it.
    import pytest

    from geo.io import InputError

    path = tmp_path / "interpreter.csv"
    path.write_text("@type\t@id\tname\t@lat\t@lon\nnode\t177\t海宁市人民医院\t30.512\t120.683\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        load_osm(path, DISTRICT)
    assert str(refused.value) == (f"{path}: an Overpass CSV answer ([out:csv]) holds no lines or areas, and no tags "
                                  "but its columns: ask for [out:json] with 'out geom' (or 'out body; >; out skel qt'), "
                                  "or give its points as --gazetteer")


@pytest.mark.parametrize("where", ["before its ways", "after its ways"])
def test_a_node_of_a_longitude_past_osmiums_range_is_left_out_with_a_warning_not_a_stop(work, where):
    # lon="400": osmium stops at 'wrong format for coordinate' (an unexpected InvalidLocationError naming no
    # file when the node came after the ways), where lon="181" or lat="abc" leave only that node out.
    from pathlib import Path

    text = (Path(__file__).parent / "fixtures" / "mini_tianqiao.osm").read_text(encoding="utf-8")
    node = '<node id="900" lat="95" lon="400"><tag k="amenity" v="school"/><tag k="name" v="远方小学"/></node>'
    at = text.index("<node") if where == "before its ways" else text.index("</osm>")
    (work / "far.osm").write_text(text[:at] + node + text[at:], encoding="utf-8")
    result = CliRunner().invoke(main, ["geocode", "-p", "valid_projects.geojson", "--osm", "far.osm"])
    assert result.exit_code == 0, result.stderr
    assert ("warning: far.osm: left out 1 node(s) with invalid coordinates (not a number, or beyond ±90/±180)"
            in result.stderr.splitlines()), result.stderr
