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
