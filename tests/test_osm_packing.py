"""geo.osm_packing: OSM XML in bzip2 of several streams (pbzip2, lbzip2, the planet's files) is read whole."""

import bz2

import shapely

from geo.osm import load_osm
from geo.osm_packing import is_multistream_bzip2
from osm_xml import write_osm_xml

DISTRICT = shapely.box(120.60, 30.40, 120.80, 30.60)


def _extract(path):
    """Forty named roads of 青山县 (白石路1 ...), an XML file of some 10 KB."""
    return write_osm_xml(path, [(100 + i, [(120.65, 30.45 + i / 1000), (120.70, 30.45 + i / 1000)],
                                 {"highway": "residential", "name": f"白石路{i}"}) for i in range(40)])


def test_osm_xml_in_bzip2_of_several_streams_is_read_whole(tmp_path):
    # osmium unpacked the first stream alone: 'not a readable OSM file (XML parsing error at line 41, column 27:
    # unclosed token)'.
    text = _extract(tmp_path / "extract.osm").read_bytes()
    packed = tmp_path / "extract.osm.bz2"
    packed.write_bytes(b"".join(bz2.compress(text[start:start + 3000]) for start in range(0, len(text), 3000)))
    assert is_multistream_bzip2(packed)
    assert [e.name for e in load_osm(packed, DISTRICT)] == [e.name for e in load_osm(tmp_path / "extract.osm", DISTRICT)]


def test_bzip2_of_one_stream_is_read_as_it_is(tmp_path):
    text = _extract(tmp_path / "extract.osm").read_bytes()
    (tmp_path / "extract.osm.bz2").write_bytes(bz2.compress(text))
    assert not is_multistream_bzip2(tmp_path / "extract.osm.bz2")
    assert len(load_osm(tmp_path / "extract.osm.bz2", DISTRICT)) == 40
