"""Whether an OSM file holds its nodes before its ways (osmium's order), node locations for one that does not, and sorted copies for one whose ids are out of order."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

# Tag of a sorted copy's ways and relations (:func:`sorted_copy`): the object's own id in the file copied.
OWN_ID = "geo:own_id"
# PrimitiveGroup fields of a PBF block (OSM's fileformat.proto): nodes, dense nodes, ways, relations.
_GROUP_TYPE = {1: 0, 2: 0, 3: 1, 4: 2}
# The format's limits (fileformat.proto, as osmium reads it): a BlobHeader of at most 64 KiB, a
# blob of at most 32 MiB, packed or unpacked; a varint of at most 10 bytes (a 64-bit number).
_MAX_HEADER = 64 * 1024
_MAX_BLOB = 32 * 1024 * 1024
_MAX_VARINT_BYTES = 10


def node_storage(source, unordered=False):
    """Where osmium's pass over ``source`` keeps node locations (``FileProcessor.with_locations``).

    ``"flex_mem"``, filled as the nodes come, when every node comes before the ways and every way
    before the relations: a PBF whose header says so (``Type_then_ID``, as Geofabrik's and
    ``osmium sort``'s do) or whose blocks are in that order (:func:`pbf_in_order`), an XML
    file :func:`geo.osm_files.scan_xml` found in order (``unordered`` False). Otherwise (a PBF
    out of order or compressed in a way the standard library cannot read, o5m, which says
    nothing of its order: files merged, or written by a script) a table filled first, in a
    pass over the nodes alone, so that a way has its nodes' locations wherever they stand:
    osmium's area assembly (boundaries, multipolygon parks) built nothing from a way before
    its nodes, silently.
    """
    import osmium

    name = Path(source).name.lower()
    if name.endswith(".pbf"):
        unordered = not pbf_in_order(source)
    elif name.endswith(".o5m"):
        _check_o5m_end(source)
        unordered = True
    if not unordered:
        return "flex_mem"
    storage = osmium.index.create_map("flex_mem")
    locations = osmium.NodeLocationsForWays(storage)
    with osmium.io.Reader(str(source), osmium.osm.NODE) as reader:
        osmium.apply(reader, locations)
    # A table filled out of id order (nodes descending, files merged) is sorted by the handler that
    # filled it when a way first asks it for a location; the pass over the file asks the table itself,
    # unsorted, and found none of them (no boundary, no park, silently). One way asks here.
    locations.ignore_errors()
    with osmium.io.Reader(osmium.io.FileBuffer(_ONE_WAY, "osm")) as reader:
        osmium.apply(reader, locations)
    return storage


# An OSM file of one way for node_storage to sort its table with (its node need be in no file).
_ONE_WAY = b'<osm version="0.6"><way id="1"><nd ref="1"/></way></osm>'


def negative_ids(path):
    """True when an OSM file holds an object or reference with a negative id (JOSM's new objects),
    which osmium's location index leaves out. A PBF or o5m file (JOSM's file converted: ``osmium cat``,
    ``osmium sort``, osmconvert) is judged by its first node: negative ids come first in osmium's order
    (by their absolute value) and in plain number order alike. A file that cannot be read (damaged
    gzip data) has none: False (osmium's reading says what is wrong with it)."""
    from geo.osm_files import PIECE_BYTES, open_xml

    if Path(path).name.lower().endswith((".pbf", ".o5m")):
        return _first_node_negative(path)
    pattern, tail = re.compile(rb"""\b(?:id|ref)\s*=\s*["']\s*-"""), b""
    try:
        with open_xml(path) as handle:
            while chunk := handle.read(PIECE_BYTES):
                if pattern.search(tail + chunk):
                    return True
                tail = chunk[-64:]
    except (OSError, EOFError, zlib.error):  # damaged: the reading says so, naming the file
        pass
    return False

def _first_node_negative(path):
    """True when the first node of a PBF or o5m file has a negative id; False for a file without nodes
    or that osmium cannot read (its reading says why). Only the first block is read."""
    import osmium

    try:
        for node in osmium.FileProcessor(str(path), osmium.osm.NODE):
            return node.id < 0
    except RuntimeError:
        pass
    return False


def repeated_ids(source, path):
    """``(type letter, id)`` of each way and relation an OSM file holds more than once in a row (files joined
    without ``osmium merge``, the answers of two Overpass queries saved as one), which osmium's area
    assembly refuses (``Way ID twice in input``) in a file whose ids are in order, where it finds them next
    to each other; in the order of the file. A pass over its ways and relations holding one id at a time.

    Raises InputError (naming ``path``, the user's file) when two of them are different versions of one
    object: a history file, or extracts of different dates joined, whose old names and shapes would be
    read as today's."""
    import osmium

    from geo.io import InputError

    last, repeated = (None, None), {}
    for obj in osmium.FileProcessor(str(source), osmium.osm.WAY | osmium.osm.RELATION):
        key = (obj.type_str(), obj.id)
        if key == last[0] and obj.version != last[1]:
            raise InputError(path, versions_problem(f"{key[0]}{key[1]}", last[1], obj.version))
        if key == last[0]:
            repeated.setdefault(key, None)
        last = (key, obj.version)
    return list(repeated)


def versions_problem(name, older, newer):
    """What is wrong with a file holding versions ``older`` and ``newer`` of the object ``name`` (``n12``)."""
    return (f"holds several versions of one object ({name}: versions {older} and {newer}): an OSM history file, or "
            "extracts of different dates joined; give one extract of today's data (.osm, .osm.pbf)")


def check_history(source, path, last, obj):
    """InputError (naming ``path``) when ``obj``, of an OSM file's pass, is another version of the object
    read before it (``last``: ``(type letter, id, version)``, or None), as a history file holds them; else
    ``obj``'s ``(type letter, id, version)``. A pass whose filters choose the named objects sees the history
    of a named node, whose old name would place projects (:func:`repeated_ids` checks every way and
    relation, :class:`NodeVersions` an XML file's every node)."""
    from geo.io import InputError

    key = (obj.type_str(), obj.id, obj.version)
    if last is not None and key[:2] == last[:2] and key[2] != last[2]:
        raise InputError(path, versions_problem(f"{key[0]}{key[1]}", last[2], key[2]))
    return key


def check_history_header(source, path):
    """InputError (naming ``path``) for a PBF file whose header says it holds several versions of its
    objects (``HistoricalInformation``: a history extract, ``.osh.pbf``, renamed or not)."""
    import osmium

    from geo.io import InputError

    if not Path(source).name.lower().endswith(".pbf"):
        return
    with osmium.io.Reader(str(source), osmium.osm.osm_entity_bits.NOTHING) as reader:
        history = reader.header().has_multiple_object_versions
    if history:
        raise InputError(path, "is an OSM history file (its header says it holds several versions of its objects): "
                               "give one extract of today's data (.osm, .osm.pbf)")


class NodeVersions:
    """Fed an OSM XML file's bytes piece by piece (:meth:`feed`), raises InputError (naming ``path``) at a
    node given in two versions (a history file, or extracts of two dates joined, in which only nodes
    changed: osmium reads both, the ways with the first one's place). One match per node start tag
    (``<node id=".." ... version=".."``); the versions are compared only in a piece where an id repeats."""

    def __init__(self, path):
        self.path, self.carry, self.last = path, b"", None

    def feed(self, chunk):
        data, kept = self.carry + chunk, len(self.carry)
        # The last piece's end, kept: a start tag it cut is found whole here, the others it held were found.
        cut = data.rfind(b"<", 0, kept)
        end = data.find(b">", cut) if cut >= 0 else -1
        found = _NODE_START.findall(data, cut if cut >= 0 and (end < 0 or end >= kept) else kept)
        self.carry = data[-_NODE_TAG_BYTES:]
        if not found:
            return
        if self.last is not None:
            found.insert(0, self.last)
        if len({node_id for node_id, _ in found}) < len(found):
            self._compare(found)
        self.last = found[-1]

    def _compare(self, found):
        from geo.io import InputError

        versions = {}
        for node_id, attributes in found:
            version = _VERSION.search(attributes)
            if version is None:
                continue
            older = versions.setdefault(node_id, version.group(1))
            if older != version.group(1):
                raise InputError(self.path, versions_problem(f"n{node_id.decode()}", older.decode(),
                                                             version.group(1).decode()))


# A node's start tag, its id first (as the API, osmium, Overpass and JOSM write it), and its other attributes.
_NODE_START = re.compile(rb"""<node\s+id\s*=\s*["'](-?\d+)["']([^>]*)>""")
_VERSION = re.compile(rb"""\sversion\s*=\s*["'](\d+)""")
# Bytes kept from one piece to the next: a node's start tag is shorter (id, version, time, user, place).
_NODE_TAG_BYTES = 1024


def sorted_copy(source, folder, deleted, relations, ways=None, keep=None, dropped=None):
    """A PBF copy of the objects osmium's area assembly needs, for an OSM file (``source``) it cannot
    assemble areas from as it is (an editor's file: JOSM's new objects; ways or relations out of id
    order: files merged with ``osmium merge``, unsorted).

    Objects are sorted by id, negative ids (new objects) made positive beyond the file's largest,
    objects marked deleted (``deleted``, ``visible="false"``) left out. The copy holds the relations
    that the osmium filters ``relations`` choose, the ways that ``ways`` choose (none without), each
    only when ``keep`` (given its tags), if any, says so; the member ways of those relations; and the
    nodes of all of them: a pass over each type, osmium's filters choosing the objects, so that a
    country's file is not held in memory. Each way and relation keeps its own id in the tag
    :data:`OWN_ID`; only the chosen ones keep their other tags (a member way is a bare line).
    Returns the copy's path in ``folder``. ``dropped``, if given, gets for each relation copied
    without some of its member ways (the file lacks them: an extract cut at its edge) their roles
    (``{relation id: ["inner", ...]}``), and ``"cut"`` for a member way copied without some of its nodes.
    """
    import osmium

    def read(entities, *filters):
        processor = osmium.FileProcessor(str(source), entities)
        for chosen in filters:
            processor = processor.with_filter(chosen)
        return (obj for obj in processor if obj.visible and (obj.type_str(), obj.id) not in deleted)

    def ids(wanted):  # osmium's IdFilter takes no negative id (JOSM's new objects): then every object
        return [osmium.filter.IdFilter(wanted)] if min(wanted, default=0) >= 0 else []

    def chosen(entities, filters):
        for obj in read(entities, *filters):
            tags = {t.k: t.v for t in obj.tags}
            if keep is None or keep(tags):
                yield obj, tags

    kept_relations = {obj.id: ([(m.type, m.ref, m.role) for m in obj.members], tags)
                      for obj, tags in chosen(osmium.osm.RELATION, relations)}
    member_refs = {kind: {ref for listed, _ in kept_relations.values() for k, ref, _ in listed if k == kind}
                   for kind in "nw"}
    kept_ways = {obj.id: ([n.ref for n in obj.nodes], tags) for obj, tags in
                 (chosen(osmium.osm.WAY, ways) if ways is not None else ())}
    for obj in read(osmium.osm.WAY, *ids(member_refs["w"])):
        if obj.id in member_refs["w"] and obj.id not in kept_ways:
            kept_ways[obj.id] = ([n.ref for n in obj.nodes], {})
    wanted = member_refs["n"] | {ref for refs, _ in kept_ways.values() for ref in refs}
    nodes = {obj.id: (obj.location.lon, obj.location.lat)
             for obj in read(osmium.osm.NODE, *ids(wanted))
             if obj.id in wanted and obj.location.valid()}

    def renumber(objects):
        top = max([i for i in objects if i > 0], default=0)
        return {i: i if i > 0 else top - i for i in objects}

    node_id, way_id, relation_id = renumber(nodes), renumber(kept_ways), renumber(kept_relations)
    member_id = {"n": node_id, "w": way_id, "r": relation_id}
    copy = Path(folder) / "sorted.osm.pbf"
    with osmium.SimpleWriter(str(copy)) as writer:
        for old in sorted(nodes, key=node_id.get):
            writer.add_node(osmium.osm.mutable.Node(id=node_id[old], location=nodes[old]))
        for old in sorted(kept_ways, key=way_id.get):
            refs, tags = kept_ways[old]
            refs = [node_id[ref] for ref in refs if ref in node_id]  # a node deleted or not in the file: none
            writer.add_way(osmium.osm.mutable.Way(id=way_id[old], nodes=refs, tags={**tags, OWN_ID: str(old)}))
        for old in sorted(kept_relations, key=relation_id.get):
            members, tags = kept_relations[old]
            if dropped is not None:
                _note_dropped(dropped, old, members, member_id["w"], kept_ways, node_id)
            members = [(kind, member_id[kind][ref], role) for kind, ref, role in members if ref in member_id[kind]]
            writer.add_relation(osmium.osm.mutable.Relation(id=relation_id[old], members=members,
                                                            tags={**tags, OWN_ID: str(old)}))
    return copy


def _note_dropped(dropped, relation, members, copied, ways, nodes):
    """Note in ``dropped`` (:func:`sorted_copy`) the roles of ``relation``'s member ways not ``copied``,
    and ``"cut"`` for each copied one missing some of its ``nodes``."""
    lost = [role or "outer" for kind, ref, role in members if kind == "w" and ref not in copied]
    lost += ["cut" for kind, ref, _ in members
             if kind == "w" and ref in copied and any(node not in nodes for node in ways[ref][0])]
    if lost:
        dropped[relation] = lost


def _check_o5m_end(path):
    """RuntimeError, as osmium's reading raises, for an o5m file that does not end with the end
    mark every o5m writer puts last (0xfe: osmconvert, osmupdate): a file cut short, which osmium
    reads as far as it goes, silently (a download cut off gave some of the 街道, and said nothing)."""
    with open(path, "rb") as handle:
        if handle.seek(0, 2) and (handle.seek(-1, 2), handle.read(1))[1] != b"\xfe":
            raise RuntimeError("o5m format error: the file does not end with o5m's end mark (0xfe): cut short?")


def pbf_in_order(path):
    """True when a PBF file's header says it is sorted (``Type_then_ID``) or its data blocks hold
    nodes, then ways, then relations; False when a block of an earlier type follows one of a
    later, or a block is compressed otherwise than raw or zlib (lz4, zstd, lzma: not read here).

    The blocks are decompressed, not decoded: only the type of each group is read."""
    import osmium

    with osmium.io.Reader(str(path), osmium.osm.osm_entity_bits.NOTHING) as reader:
        if reader.header().get("sorting") == "Type_then_ID":
            return True
    try:
        return _blocks_in_order(path)
    except (IndexError, ValueError, zlib.error):  # a damaged file: osmium's reading says what is wrong
        return False


def _blocks_in_order(path):
    """ValueError for a file beyond the format's limits or cut short: a damaged file is never read
    past them (a varint of a million bytes, a blob of gigabytes, a zlib bomb)."""
    latest = 0
    with open(path, "rb") as handle:
        while size := handle.read(4):
            header = _fields(_read(handle, int.from_bytes(size, "big"), _MAX_HEADER, "BlobHeader"))
            blob = _read(handle, _varint_field(header, 3), _MAX_BLOB, "blob")
            if header.get(1) != b"OSMData":
                continue
            data = _block_data(_fields(blob))
            if data is None:
                return False
            for key, start, _ in _spans(data):
                if key == 2:  # a PrimitiveGroup: its first field says what it holds
                    kind = _GROUP_TYPE.get(_varint(data, start)[0] >> 3, latest)
                    if kind < latest:
                        return False
                    latest = kind
    return True


def _read(handle, size, limit, what):
    if size > limit:
        raise ValueError(f"a {what} of {size} bytes (at most {limit})")
    data = handle.read(size)
    if len(data) < size:
        raise ValueError(f"a {what} cut short")
    return data


def _block_data(blob):
    """The bytes of a PBF blob, raw or zlib (at most :data:`_MAX_BLOB` unpacked); None for another compression."""
    if 1 in blob:
        return blob[1]
    if 3 in blob:
        inflate = zlib.decompressobj()
        data = inflate.decompress(blob[3], _MAX_BLOB)
        if inflate.unconsumed_tail:
            raise ValueError(f"a blob of more than {_MAX_BLOB} bytes unpacked")
        return data
    return None


def _fields(data):
    """{field number: value} of a protobuf message's fields (the last of each)."""
    return dict(_iter_fields(data))


def _varint_field(fields, number):
    value = fields.get(number, 0)
    return value if isinstance(value, int) else 0


def _iter_fields(data):
    """``(field number, value)`` of a protobuf message: varints as int, the others as bytes."""
    for number, start, end in _spans(data):
        yield number, (_varint(data, start)[0] if end is None else bytes(data[start:end]))


def _spans(data):
    """``(field number, start, end)`` of a protobuf message's fields, without copying them: a
    varint's ``end`` is None (it is read at ``start``)."""
    position, size = 0, len(data)
    while position < size:
        key, position = _varint(data, position)
        number, wire = key >> 3, key & 7
        if wire == 0:
            start, position = position, _varint(data, position)[1]
            yield number, start, None
            continue
        if wire == 2:
            length, position = _varint(data, position)
        elif wire in (1, 5):
            length = 8 if wire == 1 else 4
        else:
            raise ValueError(f"protobuf wire type {wire}")
        yield number, position, position + length
        position += length


def _varint(data, position):
    result, shift = 0, 0
    for position in range(position, position + _MAX_VARINT_BYTES):
        byte = data[position]
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, position + 1
        shift += 7
    raise ValueError(f"a varint of more than {_MAX_VARINT_BYTES} bytes")
