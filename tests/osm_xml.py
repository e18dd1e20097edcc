"""OSM XML files for tests: ways, nodes and relations written the way the OSM API writes them."""

from xml.sax.saxutils import quoteattr


def write_osm_xml(path, ways=(), pois=(), relations=(), *, share_nodes=False):
    """Write an OSM XML file and return its path.

    Parameters
    ----------
    path : Path
    ways : iterable
        ``(id, [(lon, lat), ...], tags)``; their nodes are numbered 1, 2... in order, one per
        point, or one per distinct point with ``share_nodes`` (ways meeting at a node).
    pois : iterable
        ``(id, (lon, lat), tags)`` nodes; ``tags`` may be empty (a member of a relation).
    relations : iterable
        ``(id, members, tags)``; a member is a way id, ``"r<id>"`` for a relation,
        ``(member, role)``, or ``(type, ref, role)``.
    """
    nodes, elements, located = [], [], {}
    for way_id, coords, tags in ways:
        refs = []
        for xy in coords:
            if not share_nodes or xy not in located:
                located[xy] = len(nodes) + 1
                nodes.append(f'<node id="{located[xy]}" lat="{xy[1]}" lon="{xy[0]}"/>')
            refs.append(f'<nd ref="{located[xy]}"/>')
        elements.append(f'<way id="{way_id}">{"".join(refs)}{_tags_xml(tags)}</way>')
    for node_id, (lon, lat), tags in pois:
        nodes.append(f'<node id="{node_id}" lat="{lat}" lon="{lon}">{_tags_xml(tags)}</node>' if tags
                     else f'<node id="{node_id}" lat="{lat}" lon="{lon}"/>')
    for relation_id, members, tags in relations:
        elements.append(f'<relation id="{relation_id}">' + "".join(_member_xml(m) for m in members)
                        + _tags_xml(tags) + "</relation>")
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6">\n'
                    + "\n".join(nodes + elements) + "\n</osm>\n", encoding="utf-8")
    return path


def _tags_xml(tags):
    return "".join(f"<tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in tags.items())


def _member_xml(member):
    if isinstance(member, tuple) and len(member) == 3:
        kind, ref, role = member
    else:
        member, role = member if isinstance(member, tuple) else (member, "")
        kind, ref = ("relation", str(member)[1:]) if str(member).startswith("r") else ("way", member)
    return f'<member type="{kind}" ref="{ref}" role={quoteattr(role)}/>'


def write_reordered(source, target, order="rwn", descending=False):
    """Copy the objects of an OSM file to ``target`` (.osm.pbf, .osm, or .o5m, which osmium cannot
    write: :func:`write_o5m`) in the order of their types in ``order`` (``"rwn"``: relations, ways,
    then nodes, as files merged or written by a script may hold them), each type by id, descending
    with ``descending`` (True: every type; a string of type letters: those, ``"n"`` the nodes alone).
    Returns ``target``."""
    import osmium

    objects = _objects_by_type(source)
    ordered = [(kind, obj) for kind in order for obj in sorted(
        objects[kind], key=lambda o: o.id, reverse=descending if isinstance(descending, bool) else kind in descending)]
    if str(target).endswith(".o5m"):
        return write_o5m(target, ordered)
    with osmium.SimpleWriter(str(target), overwrite=True) as writer:
        for kind, obj in ordered:
            {"n": writer.add_node, "w": writer.add_way, "r": writer.add_relation}[kind](obj)
    return target


def write_osmium_sorted(source, target):
    """Copy an OSM file (JOSM's, with negative ids) to ``target`` (.osm.pbf or .o5m) as ``osmium sort`` or
    ``osmium cat`` of a sorted file writes it: each type by libosmium's order, negative ids first by
    their absolute value, then the positive ones; a PBF's header says ``Type_then_ID``. Returns ``target``."""
    import osmium

    objects = _objects_by_type(source)
    ordered = [(kind, obj) for kind in "nwr" for obj in sorted(objects[kind], key=lambda o: (o.id >= 0, abs(o.id)))]
    if str(target).endswith(".o5m"):
        return write_o5m(target, ordered)
    header = osmium.io.Header()
    header.set("sorting", "Type_then_ID")
    with osmium.SimpleWriter(str(target), header=header, overwrite=True) as writer:
        for kind, obj in ordered:
            {"n": writer.add_node, "w": writer.add_way, "r": writer.add_relation}[kind](obj)
    return target


def varint(n):
    """``n`` (0 or more) as a protobuf and o5m unsigned varint: 7 bits a byte, least significant first."""
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def write_o5m(path, objects):
    """Write ``(kind, mutable osmium object)`` pairs as an o5m file (https://wiki.openstreetmap.org/wiki/O5m),
    in that order: a reset before each object, so that its ids and coordinates are written whole
    (deltas from 0), strings written inline."""
    unsigned = varint

    def signed(n):
        return unsigned((n << 1) if n >= 0 else ((-n - 1) << 1) | 1)

    def tags(obj):
        return b"".join(b"\0" + str(k).encode() + b"\0" + str(v).encode() + b"\0" for k, v in dict(obj.tags).items())

    body = bytearray(b"\xff\xe0\x04o5m2")
    for kind, obj in objects:
        if kind == "n":
            lon, lat = obj.location
            data = signed(obj.id) + b"\0" + signed(round(lon * 1e7)) + signed(round(lat * 1e7)) + tags(obj)
        elif kind == "w":
            refs, previous = b"", 0
            for ref in obj.nodes:
                refs, previous = refs + signed(ref - previous), ref
            data = signed(obj.id) + b"\0" + unsigned(len(refs)) + refs + tags(obj)
        else:
            members, previous = b"", {}
            for member_type, ref, role in obj.members:
                members += signed(ref - previous.get(member_type, 0))
                previous[member_type] = ref
                members += b"\0" + b"012"["nwr".index(member_type)].to_bytes(1, "big") + role.encode() + b"\0"
            data = signed(obj.id) + b"\0" + unsigned(len(members)) + members + tags(obj)
        body += b"\xff" + {"n": b"\x10", "w": b"\x11", "r": b"\x12"}[kind] + unsigned(len(data)) + data
    path.write_bytes(bytes(body + b"\xfe"))
    return path


def _objects_by_type(source):
    """The objects of an OSM file as osmium's mutable objects, by type letter (``n``, ``w``, ``r``)."""
    import osmium

    objects = {"n": [], "w": [], "r": []}
    for obj in osmium.FileProcessor(str(source)):
        tags = {t.k: t.v for t in obj.tags}
        if obj.is_node():
            objects["n"].append(osmium.osm.mutable.Node(id=obj.id, location=(obj.location.lon, obj.location.lat),
                                                        tags=tags))
        elif obj.is_way():
            objects["w"].append(osmium.osm.mutable.Way(id=obj.id, nodes=[n.ref for n in obj.nodes], tags=tags))
        else:
            objects["r"].append(osmium.osm.mutable.Relation(id=obj.id, tags=tags, members=[
                (m.type, m.ref, m.role) for m in obj.members]))
    return objects
