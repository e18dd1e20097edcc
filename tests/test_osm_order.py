"""geo.osm_order: the order of a PBF's blocks, read by hand, and damaged files read no further than the format allows."""

from __future__ import annotations

import time
import tracemalloc
import zlib

import pytest

from geo.io import InputError
from geo.osm import load_osm
from geo.osm_boundaries import read_admin_areas
from geo.osm_order import pbf_in_order
from osm_xml import varint, write_osmium_sorted, write_reordered
from test_osm_boundaries import _josm_file, _three_boundaries
from test_osm_sources import NEAR_TIANQIAO, _park_file


def _blocks(path):
    """[(BlobHeader bytes, blob bytes)] of a PBF file."""
    data, position, blocks = path.read_bytes(), 0, []
    while position < len(data):
        size = int.from_bytes(data[position:position + 4], "big")
        header = data[position + 4:position + 4 + size]
        datasize = header[header.index(b"\x18") + 1:]  # field 3, the blob's size, follows the type string
        length, shift = 0, 0
        for byte in datasize:
            length |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        blob = data[position + 4 + size:position + 4 + size + length]
        blocks.append((header, blob))
        position += 4 + size + length
    return blocks


def _pbf(path, blocks):
    """A PBF of ``(type, blob)`` blocks, the BlobHeader written here; ``path``."""
    out = bytearray()
    for kind, blob in blocks:
        header = b"\x0a" + varint(len(kind)) + kind + b"\x18" + varint(len(blob))
        out += len(header).to_bytes(4, "big") + header + blob
    path.write_bytes(bytes(out))
    return path


@pytest.fixture
def unsorted_pbf(tmp_path):
    """A PBF of ways, then nodes, then relations: its block order is read to know it is out of order."""
    return write_reordered(_three_boundaries(tmp_path / "sorted.osm"), tmp_path / "unsorted.osm.pbf", "wnr")


def _first_data(path, blob):
    """The blocks of ``path`` with its first OSMData blob replaced by ``blob``."""
    blocks = [(header[2:2 + header[1]], data) for header, data in _blocks(path)]
    at = next(i for i, (kind, _) in enumerate(blocks) if kind == b"OSMData")
    return blocks[:at] + [(b"OSMData", blob)] + blocks[at + 1:]


@pytest.mark.parametrize("suffix", [".osm", ".osm.pbf", ".o5m"])
@pytest.mark.parametrize("order", ["wnr", "rwn"])
def test_a_file_whose_nodes_come_after_their_ways_in_descending_order_gives_its_areas(tmp_path, suffix, order):
    """Ways before their nodes, and the nodes by descending id (ways and relations ascending: nothing
    osmium refuses as out of order): the locations read first were kept out of id order, unsorted, and
    no way found its nodes; every boundary and multipolygon park was left out, silently."""
    def areas(path):
        return [(a.osm_id, round(a.geometry.area, 12)) for a in read_admin_areas(path)]

    def parks(path):
        return sorted((e.name, e.extra["osm_ids"], round(e.geometry.area, 12)) for e in load_osm(path, NEAR_TIANQIAO))

    boundaries = _three_boundaries(tmp_path / "sorted.osm")
    expected = areas(boundaries)
    assert len(expected) == 3
    assert areas(write_reordered(boundaries, tmp_path / f"boundaries{suffix}", order, descending="n")) == expected
    park_file = _park_file(tmp_path / "parks.osm")
    expected = parks(park_file)
    assert "测试公园" in [name for name, _, _ in expected]
    assert parks(write_reordered(park_file, tmp_path / f"parks{suffix}", order, descending="n")) == expected


def test_the_block_reader_reads_the_fixture_as_osmium_wrote_it(unsorted_pbf, tmp_path):
    copy = _pbf(tmp_path / "copy.osm.pbf", [(h[2:2 + h[1]], b) for h, b in _blocks(unsorted_pbf)])
    assert copy.read_bytes() == unsorted_pbf.read_bytes()
    assert pbf_in_order(unsorted_pbf) is False
    assert [a.osm_id for a in read_admin_areas(unsorted_pbf)] == ["r100", "r101", "w1003"]


def test_a_pbf_whose_blob_size_is_a_huge_number_is_refused_in_one_line_naming_it(unsorted_pbf, tmp_path):
    """A blob size of 2^77 in a damaged BlobHeader: Python's read() raised OverflowError, shown
    as 'OverflowError: cannot fit int into an index-sized integer', naming no file."""
    blocks = _blocks(unsorted_pbf)
    out = bytearray()
    for i, (header, blob) in enumerate(blocks):
        if i == 1:
            header = header[:header.index(b"\x18") + 1] + b"\xff" * 11 + b"\x01"
        out += len(header).to_bytes(4, "big") + header + blob
    path = tmp_path / "damaged.osm.pbf"
    path.write_bytes(bytes(out))
    assert pbf_in_order(path) is False
    assert read_admin_areas(path) == []
    with pytest.raises(InputError, match=r"damaged\.osm\.pbf: not a readable OSM file") as caught:
        load_osm(path)
    assert "\n" not in str(caught.value)


def test_a_varint_of_a_million_bytes_is_not_read_whole(unsorted_pbf, tmp_path):
    """Each byte of an endless varint made the number longer: reading 400 KB of them took tens of
    seconds (a damaged block of megabytes: hours)."""
    header = b"\x0a\x07OSMData\x18" + b"\xff" * 400_000 + b"\x01"
    path = _pbf(tmp_path / "damaged.osm.pbf", [(b"OSMHeader", _blocks(unsorted_pbf)[0][1])])
    path.write_bytes(path.read_bytes() + len(header).to_bytes(4, "big") + header)
    start = time.monotonic()
    assert pbf_in_order(path) is False
    assert time.monotonic() - start < 2
    with pytest.raises(InputError, match=r"damaged\.osm\.pbf: not a readable OSM file"):
        load_osm(path)


def test_a_zlib_bomb_in_a_pbf_block_is_not_unpacked_past_the_formats_limit(unsorted_pbf, tmp_path):
    """A blob of 200 KB unpacking to 200 MB: it was unpacked whole, then walked byte by byte."""
    deflate, packed = zlib.compressobj(9), bytearray()
    for _ in range(200):
        packed += deflate.compress(bytes(1 << 20))
    packed += deflate.flush()
    blob = b"\x10" + varint(1000) + b"\x1a" + varint(len(packed)) + bytes(packed)  # raw_size, zlib_data
    path = _pbf(tmp_path / "bomb.osm.pbf", _first_data(unsorted_pbf, blob))
    tracemalloc.start()
    try:
        start = time.monotonic()
        assert pbf_in_order(path) is False
        elapsed = time.monotonic() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024 and elapsed < 5
    with pytest.raises(InputError, match=r"bomb\.osm\.pbf: not a readable OSM file"):
        load_osm(path)


def test_a_pbf_block_of_a_compression_osmium_lacks_is_refused_in_one_line(unsorted_pbf, tmp_path):
    """zstd (field 7) or lzma (field 4): the node pass of a file out of order says what osmium says."""
    for field in (4, 7):
        blob = next(b for h, b in _blocks(unsorted_pbf) if b"OSMData" in h)
        at = blob.index(b"\x1a")  # zlib_data's key: written as the other compression's
        path = _pbf(tmp_path / f"c{field}.osm.pbf", _first_data(unsorted_pbf, blob[:at] + bytes([field << 3 | 2])
                                                                 + blob[at + 1:]))
        assert pbf_in_order(path) is False
        assert read_admin_areas(path) == []
        with pytest.raises(InputError, match=rf"c{field}\.osm\.pbf: not a readable OSM file") as caught:
            load_osm(path)
        assert "\n" not in str(caught.value)


@pytest.mark.parametrize("content", [b"", b"\x00\x00", b"\x00\x00\x00\x0dOSMHead", b"\xff" * 5000])
def test_an_empty_cut_or_garbage_pbf_or_o5m_is_refused_in_one_line(tmp_path, content):
    for suffix in (".osm.pbf", ".o5m"):
        path = tmp_path / f"bad{suffix}"
        path.write_bytes(content)
        assert read_admin_areas(path) == []
        with pytest.raises(InputError, match=rf"bad{suffix.replace('.', '[.]')}: ") as caught:
            load_osm(path)
        assert "\n" not in str(caught.value)


def test_an_o5m_file_cut_short_is_refused_in_one_line(tmp_path):
    """osmium reads an o5m file as far as it goes: cut in half, it gave some 街道 and said nothing."""
    whole = write_reordered(_three_boundaries(tmp_path / "sorted.osm"), tmp_path / "whole.o5m", "wnr")
    assert [a.osm_id for a in read_admin_areas(whole)] == ["r100", "r101", "w1003"]
    data = whole.read_bytes()
    for size in (20, len(data) // 2):
        cut = tmp_path / "cut.o5m"
        cut.write_bytes(data[:size])
        assert read_admin_areas(cut) == []
        with pytest.raises(InputError, match=r"cut\.o5m: not a readable OSM file \(o5m format error: the file does "
                                             r"not end with o5m's end mark \(0xfe\): cut short\?\)$"):
            load_osm(cut)


def _josm_park(path, *, way_id=-100):
    """A park JOSM's user drew (a multipolygon relation, its way and nodes all new: negative ids) and
    a new road of new nodes, beside a downloaded node (positive id)."""
    ring = [(117.0, 36.70), (117.004, 36.70), (117.004, 36.704), (117.0, 36.704)]
    nodes = [f"<node id='-{n}' action='modify' visible='true' lat='{y}' lon='{x}'/>" for n, (x, y) in enumerate(ring, 1)]
    nodes += ["<node id='-5' action='modify' visible='true' lat='36.694' lon='117.0262'/>",
              "<node id='-6' action='modify' visible='true' lat='36.706' lon='117.0262'/>",
              "<node id='7' version='2' visible='true' lat='36.71' lon='117.03'><tag k='amenity' v='school'/>"
              "<tag k='name' v='汇才学校'/></node>"]
    ways = [f"<way id='{way_id}' action='modify' visible='true'>" + "".join(f"<nd ref='-{n}'/>" for n in (1, 2, 3, 4, 1))
            + "</way>", "<way id='-1' action='modify' visible='true'><nd ref='-5'/><nd ref='-6'/>"
            "<tag k='highway' v='primary'/><tag k='name' v='水屯北路'/></way>"]
    relation = (f"<relation id='-200' action='modify' visible='true'><member type='way' ref='{way_id}' role='outer'/>"
                "<tag k='type' v='multipolygon'/><tag k='leisure' v='park'/><tag k='name' v='新建公园'/></relation>")
    path.write_text("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6' generator='JOSM'>\n"
                    + "\n".join(nodes + ways + [relation]) + "\n</osm>\n", encoding="utf-8")
    return path


def _summary(entries):
    return sorted((e.name, e.extra["osm_ids"], round(e.geometry.area, 12), round(e.geometry.length, 9))
                  for e in entries)


@pytest.mark.parametrize("suffix", [".osm.pbf", ".o5m"])
def test_a_pbf_or_o5m_of_josms_new_objects_in_plain_id_order_gives_what_the_josm_file_does(tmp_path, suffix):
    """Ids ascending as numbers (-200, -100, -6...: a script's sort, out of osmium's order), a node's id
    that of a named way (-1): the second pass read the node as the way, and stopped with an AttributeError."""
    josm = _josm_park(tmp_path / "edited.osm")
    expected = _summary(load_osm(josm, NEAR_TIANQIAO))
    assert _summary(load_osm(write_reordered(josm, tmp_path / f"edited{suffix}", "nwr"), NEAR_TIANQIAO)) == expected


@pytest.mark.parametrize("suffix", [".osm.pbf", ".o5m"])
def test_a_pbf_or_o5m_of_josms_new_objects_as_osmium_sorts_them_gives_what_the_josm_file_does(tmp_path, suffix):
    """``osmium cat edited.osm -o edited.osm.pbf``: negative ids first, in osmium's order. Their nodes are
    not in osmium's location index: the park drawn as a new multipolygon was left out, silently, and so
    were the 街道 boundaries a user drew."""
    josm = _josm_park(tmp_path / "edited.osm")
    expected = _summary(load_osm(josm, NEAR_TIANQIAO))
    assert [name for name, *_ in expected] == ["新建公园", "水屯北路", "汇才学校"]
    assert _summary(load_osm(write_osmium_sorted(josm, tmp_path / f"edited{suffix}"), NEAR_TIANQIAO)) == expected
    boundaries = _josm_file(tmp_path / "boundaries.osm")
    expected = [(a.osm_id, a.names, round(a.geometry.area, 12)) for a in read_admin_areas(boundaries)]
    assert len(expected) == 3
    converted = write_osmium_sorted(boundaries, tmp_path / f"boundaries{suffix}")
    assert [(a.osm_id, a.names, round(a.geometry.area, 12)) for a in read_admin_areas(converted)] == expected


HISTORY_DISTRICT = (120.60, 30.40, 120.80, 30.60)


def _node_history(path, named=True):
    """白石路 over nodes 2 and 3, and node 3 given in two versions (moved), with (``named``) the school node 1 in
    two versions (renamed 青山小学 -> 白石小学): a history file in which only nodes changed."""
    school = '<tag k="amenity" v="school"/><tag k="name" v="{}"/>'
    nodes = ['<node id="1" version="1" lat="30.52" lon="120.66">' + school.format("青山小学") + "</node>",
             '<node id="1" version="2" lat="30.52" lon="120.66">' + school.format("白石小学") + "</node>"] if named \
        else ['<node id="1" version="1" lat="30.52" lon="120.66">' + school.format("白石小学") + "</node>"]
    nodes += ['<node id="2" version="1" lat="30.53" lon="120.67"/>', '<node id="3" version="1" lat="30.53" lon="120.68"/>',
              '<node id="3" version="2" timestamp="2025-01-01T00:00:00Z" lat="30.54" lon="120.69"/>']
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6">\n' + "\n".join(nodes)
                    + '\n<way id="10" version="1"><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/>'
                    '<tag k="name" v="白石路"/></way>\n</osm>\n', encoding="utf-8")
    return path


def _versions_error(path, node, older, newer):
    return (f"{path}: holds several versions of one object (n{node}: versions {older} and {newer}): an OSM history "
            "file, or extracts of different dates joined; give one extract of today's data (.osm, .osm.pbf)")


@pytest.mark.parametrize("named", [True, False])
def test_an_xml_history_file_in_which_only_nodes_repeat_is_refused(tmp_path, named):
    # Read as a map: the school found by its old name too, and 白石路 drawn to node 3's first place, unsaid.
    import shapely

    path = _node_history(tmp_path / "history.osm", named)
    with pytest.raises(InputError) as info:
        load_osm(path, shapely.box(*HISTORY_DISTRICT))
    assert str(info.value) == _versions_error(path, *((1, 1, 2) if named else (3, 1, 2)))


def test_a_node_history_cut_across_the_pieces_the_file_is_read_in_is_refused(tmp_path):
    from geo.osm_order import NodeVersions

    text = _node_history(tmp_path / "history.osm", named=False).read_bytes()
    for cut in range(len(text)):
        nodes = NodeVersions("history.osm")
        with pytest.raises(InputError):
            nodes.feed(text[:cut])
            nodes.feed(text[cut:])


def test_a_node_given_twice_in_one_version_is_not_a_history(tmp_path):
    import shapely

    path = _node_history(tmp_path / "twice.osm", named=False)
    path.write_text(path.read_text(encoding="utf-8").replace('version="2" timestamp="2025-01-01T00:00:00Z" lat="30.54" '
                                                             'lon="120.69"', 'version="1" lat="30.53" lon="120.68"'),
                    encoding="utf-8")
    assert [e.name for e in load_osm(path, shapely.box(*HISTORY_DISTRICT))] == ["白石小学", "白石路"]


def _pbf_history(source, target, header):
    import osmium

    written = osmium.io.File(str(target))
    written.has_multiple_object_versions = header  # as osmium writes an .osh.pbf: HistoricalInformation
    with osmium.SimpleWriter(written) as writer:
        for obj in osmium.FileProcessor(str(source)):
            tags = {t.k: t.v for t in obj.tags}
            if obj.is_node():
                writer.add_node(osmium.osm.mutable.Node(id=obj.id, version=obj.version, tags=tags,
                                                        location=(obj.location.lon, obj.location.lat)))
            else:
                writer.add_way(osmium.osm.mutable.Way(id=obj.id, version=obj.version, tags=tags,
                                                      nodes=[n.ref for n in obj.nodes]))
    return target


@pytest.mark.parametrize("header", [True, False])
def test_a_pbf_history_of_nodes_is_refused_by_its_header_or_its_named_nodes(tmp_path, header):
    import shapely

    path = _pbf_history(_node_history(tmp_path / "history.osm"), tmp_path / "history.osm.pbf", header)
    with pytest.raises(InputError) as info:
        load_osm(path, shapely.box(*HISTORY_DISTRICT))
    assert str(info.value) == (f"{path}: is an OSM history file (its header says it holds several versions of its "
                               "objects): give one extract of today's data (.osm, .osm.pbf)" if header
                               else _versions_error(path, 1, 1, 2))
