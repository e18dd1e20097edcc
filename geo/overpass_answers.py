"""Overpass answers (JSON, 'out geom' XML) written as the plain OSM XML osmium reads."""

from __future__ import annotations

from pathlib import Path

from geo.io import InputError
from geo.osm_files import OUT_CENTER, OUT_SKEL, OUT_TAGS, is_overpass_json, open_xml, refuse_incomplete


_ELEMENT_ORDER = {"node": 0, "way": 1, "relation": 2}


def overpass_xml(path, folder):
    """The plain XML form of an Overpass answer, as a file in ``folder``: one reader, osmium's,
    for every form.

    The answer is JSON (``[out:json]``: ``out body``, ``out geom``, ``out skel``), or XML that
    osmium cannot read as it is (:func:`scan_xml`). Elements are written nodes, ways,
    relations, each by id. A coordinate that is not a number within ±90/±180 is left off, so
    that its node counts as one without valid coordinates. The ways and nodes that an ``out
    geom`` answer gives only as a relation's members (a road route, a multipolygon park) are
    written from the members' geometry, under the members' ids (their nodes numbered after
    every node id of the answer). Overpass's ``<area>`` elements, which have no geometry, are
    left out. ``out center`` answers are refused: they hold no way geometry; so are ``out tags``
    (no coordinates) and ``out skel`` answers (no tags, so no names).
    """
    elements = _xml_elements(path) if not is_overpass_json(path) else _json_elements(path)
    elements = [_well_typed(e) for e in elements if isinstance(e, dict) and isinstance(e.get("type"), str)
                and e["type"] in _ELEMENT_ORDER and isinstance(e.get("id"), int)]  # a type of a list: unhashable
    if any("center" in e and "geometry" not in e for e in elements if e["type"] != "node"):
        raise InputError(path, OUT_CENTER)
    if elements and not any("lat" in e or e.get("nodes") or e.get("geometry") or e.get("members") for e in elements):
        raise InputError(path, OUT_TAGS)
    if elements and not any(e.get("tags") for e in elements):
        raise InputError(path, OUT_SKEL)
    return _write_elements(elements + _way_nodes(elements) + _member_elements(elements), folder)


# The members of an element that hold lists, and the one holding an object: of another type, they are left out.
_LIST_MEMBERS, _OBJECT_MEMBERS = ("nodes", "geometry", "members"), ("tags",)


def _well_typed(element):
    """``element`` without its members of the wrong JSON type (``"nodes": 5``, ``"tags": []``), as if absent."""
    return {key: value for key, value in element.items()
            if not (key in _LIST_MEMBERS and not isinstance(value, list))
            and not (key in _OBJECT_MEMBERS and not isinstance(value, dict))}


def _json_elements(path):
    """The element objects of an Overpass JSON answer; InputError when it has none or says it is incomplete."""
    from geo.io import read_json

    data = read_json(path, kind="an Overpass answer")
    elements = data.get("elements") if isinstance(data, dict) else None
    if not isinstance(elements, list):
        raise InputError(path, "Overpass JSON has no 'elements' list")
    if isinstance(data.get("remark"), str):
        refuse_incomplete(path, data["remark"])
    return elements


def _xml_elements(path):
    """The elements of an Overpass XML answer as its JSON form would give them."""
    import xml.etree.ElementTree as ET
    import zlib

    elements = []
    try:
        with open_xml(path) as handle:
            for _, element in ET.iterparse(handle):
                if element.tag in _ELEMENT_ORDER and _integer(element.get("id")) is not None:
                    if element.get("visible") != "false" and element.get("action") != "delete":
                        elements.append(_xml_element(element))
                    element.clear()
                elif element.tag == "area":
                    element.clear()
    except (OSError, EOFError, ET.ParseError, zlib.error) as exc:
        raise InputError(path, f"not a readable OSM file ({exc})") from None
    return elements


def _xml_element(element):
    """One node, way or relation element of an XML answer in its JSON form."""
    found = {"type": element.tag, "id": int(element.get("id")), **_xml_location(element),
             "tags": {tag.get("k"): tag.get("v") for tag in element.findall("tag") if tag.get("k") is not None}}
    if element.tag == "way":
        nds = [nd for nd in element.findall("nd") if _integer(nd.get("ref")) is not None]
        found["nodes"] = [int(nd.get("ref")) for nd in nds]
        found["geometry"] = [_xml_location(nd) or None for nd in nds]
    elif element.tag == "relation":
        found["members"] = [{"type": m.get("type"), "ref": _integer(m.get("ref")), "role": m.get("role") or "",
                             **_xml_location(m), "geometry": [_xml_location(nd) or None for nd in m.findall("nd")]}
                            for m in element.findall("member")]
    return found


def _xml_location(element):
    """{"lat": .., "lon": ..} of an element's attributes when both are numbers, else {}."""
    try:
        return {"lat": float(element.get("lat")), "lon": float(element.get("lon"))}
    except (TypeError, ValueError):
        return {}


def _integer(text):
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def _way_nodes(elements):
    """The nodes of the ways an ``out geom`` answer gives with their coordinates and without their
    nodes (``way[boundary=administrative]; out geom;``, or ``(relation...; way(r);); out geom;``):
    osmium places a way's nodes by their node elements, and assembled no area from such a way."""
    present = {e["id"] for e in elements if e["type"] == "node"}
    made = []
    for way in (e for e in elements if e["type"] == "way" and isinstance(e.get("geometry"), list)):
        for ref, xy in zip(way.get("nodes") or [], way["geometry"]):
            if isinstance(ref, int) and ref not in present and _lat_lon_attributes(xy):
                made.append({"type": "node", "id": ref, "lat": xy["lat"], "lon": xy["lon"]})
                present.add(ref)
    return made


def _member_elements(elements):
    """The ways and nodes that relations' members carry (``out geom``) and the answer lacks."""
    present = {(e["type"], e["id"]) for e in elements}
    ids = [e["id"] for e in elements if e["type"] == "node"]
    ids += [r for e in elements if e["type"] == "way" for r in e.get("nodes") or [] if isinstance(r, int)]
    ids += [m.get("ref") for e in elements if e["type"] == "relation" for m in _members(e) if m.get("type") == "node"]
    next_id = max((i for i in ids if isinstance(i, int)), default=0) + 1
    from geo.osm_routes import course_tags

    made = []
    for relation in (e for e in elements if e["type"] == "relation"):
        # A route's member ways are drawn with its tags, a multipolygon's need none.
        course = course_tags(relation["tags"]) if isinstance(relation.get("tags"), dict) else {}
        for member in _members(relation):
            key = (member.get("type"), member.get("ref"))
            if key in present or not isinstance(key[1], int):
                continue
            if key[0] == "node" and _lat_lon_attributes(member):
                made.append({"type": "node", "id": key[1], "lat": member["lat"], "lon": member["lon"]})
            elif key[0] == "way" and isinstance(member.get("geometry"), list) and member["geometry"]:
                refs = list(range(next_id, next_id + len(member["geometry"])))
                next_id += len(refs)
                made += [{"type": "node", "id": ref, **xy} for ref, xy in zip(refs, member["geometry"])
                         if _lat_lon_attributes(xy)]
                made.append({"type": "way", "id": key[1], "nodes": refs, "tags": course})
            else:
                continue
            present.add(key)
    return made


def _members(relation):
    members = relation.get("members")
    return [m for m in members if isinstance(m, dict)] if isinstance(members, list) else []


def _write_elements(elements, folder):
    """Elements in their JSON form written as an OSM XML file in ``folder``."""
    from xml.sax.saxutils import quoteattr

    lines = ["<?xml version='1.0' encoding='UTF-8'?>", '<osm version="0.6" generator="geo, from an Overpass answer">']
    for element in sorted(elements, key=lambda e: (_ELEMENT_ORDER[e["type"]], e["id"])):
        kind, attributes, children = element["type"], f' id="{element["id"]}"', []
        if kind == "node":
            attributes += _lat_lon_attributes(element)
        elif kind == "way":
            refs = [r for r in element.get("nodes") or [] if isinstance(r, int)]
            geometry = element.get("geometry") if isinstance(element.get("geometry"), list) else []
            geometry += [None] * (len(refs) - len(geometry))
            children = [f'<nd ref="{ref}"{_lat_lon_attributes(xy)}/>' for ref, xy in zip(refs, geometry)]
        else:
            children = [f'<member type={quoteattr(str(m.get("type")))} ref="{m["ref"]}" '
                        f'role={quoteattr(str(m.get("role") or ""))}/>'
                        for m in element.get("members") or [] if isinstance(m, dict) and isinstance(m.get("ref"), int)]
        tags = element.get("tags") if isinstance(element.get("tags"), dict) else {}
        children += [f"<tag k={quoteattr(str(k))} v={quoteattr(str(v))}/>" for k, v in tags.items() if v is not None]
        lines.append(f"<{kind}{attributes}>{''.join(children)}</{kind}>")
    lines.append("</osm>")
    xml_path = Path(folder) / "overpass.osm"
    xml_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return xml_path


def _lat_lon_attributes(element):
    """`` lat=".." lon=".."`` for an element with numeric coordinates in range, else ``""``."""
    import math

    if not isinstance(element, dict):
        return ""
    lat, lon = element.get("lat"), element.get("lon")
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in (lat, lon))
    if not numbers or abs(lat) > 90 or abs(lon) > 180:
        return ""
    return f' lat="{lat:.7f}" lon="{lon:.7f}"'
