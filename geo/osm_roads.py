"""OSM ways as road entries: the ways of one road found by name and nearness, then merged into one line.

A road in OSM is drawn as many ways. Ways belong to one road when one way's own name
(in matching form, :func:`geo.names.normalise_name`: 紅柳街 is 红柳街) is among the current
names of the other (its own, ``alt_name``...; not an ``old_name``, which is often another road's
name today) and they lie within
:data:`geo.settings.SAME_ROAD_GAP_M` of each other, directly or through other such ways;
the parts of one way (cut where nodes are missing) always belong together. Ways of one
name farther apart are namesakes, separate entries: looking the name up then finds
several places (see :meth:`geo.gazetteer.Gazetteer.lookup`).
"""

from __future__ import annotations

import re

from geo import settings
from geo.names import road_code

_LINE_TYPES = {"highway": "road", "railway": "rail", "waterway": "water"}
_LINE_CATEGORIES = {"railway": "rail", "waterway": "water"}


def road_entries(ways, crs, source):
    """Entries for the named line ways of an OSM file, one per road.

    Parameters
    ----------
    ways : dict
        ``(own name, kind) -> list of way dicts`` (``line`` in WGS-84, ``names``, ``id``,
        ``oneway``, ``link``: a ``*_link`` highway), as :func:`geo.osm._read` collects
        them; ``kind`` is the OSM key (``highway``, ``railway``, ``waterway``).
    crs : str
        The metric CRS for distances and merging.
    source : str
        The ``source`` of every entry.

    Returns
    -------
    list of geo.gazetteer.Entry
        One per road, kinds in key order, roads in order of their lowest way id.
    """
    from geo.crs import metric_geometry

    by_kind = {}
    for (_, kind), group in ways.items():
        by_kind.setdefault(kind, []).extend(group)
    entries = []
    for kind in sorted(by_kind):
        group = sorted(by_kind[kind], key=lambda way: way["id"])
        metric = list(metric_geometry([way["line"] for way in group], crs))
        for members in _without_links(group, _roads(group, metric), metric):
            members = _one_copy_each(group, members)
            entries.append(_road_entry([group[i] for i in members], [metric[i] for i in members], kind, crs, source))
    return _with_whole_roads(entries, crs)


# A section of a road signposted as such: the direction after the road's own word (中山大道西, 广州大道北,
# 解放路南), never before it (天河北路 is a road of its own beside 天河路).
_SECTION = re.compile(r"^(.{2,}(?:路|街|大道|公路))[东西南北中]$")


def _with_whole_roads(entries, crs):
    """``entries`` with the roads OSM maps only as their sections: a road name borne by no road
    entry but as the ``alt_name`` of two or more (黄埔大道 on 黄埔大道西 and 黄埔大道中), or whose sections
    are named with a direction after it (中山大道西, 中山大道中; :data:`_SECTION`), is an entry of its own,
    the union of those sections lying within :data:`geo.settings.SAME_ROAD_GAP_M` of one another, and
    the sections keep their own names only. A road entry bearing the name itself is one of its
    sections (a 天河路 and the 天河路东 that goes on from it), replaced by it. Sections farther apart,
    or one section alone, make no whole road: which of them a report means is not known."""
    from geo.crs import metric_geometry
    from geo.lines import linked_groups, near_pairs
    from geo.names import normalise_name

    roads = [i for i, e in enumerate(entries) if e.feature_type == "road" and not road_code(e.name)]
    wholes = {}  # the whole road's matching form -> (its name as written, [entry indices])
    for i in roads:
        entry = entries[i]
        section = _SECTION.match(entry.name)  # (a bracketed section, 体育东路（北段）, gave its road as an alias)
        for name in (entry.name, *entry.aliases, *([section.group(1)] if section else [])):
            wholes.setdefault(normalise_name(name), (name, []))[1].append(i)
    own = {normalise_name(entries[i].name) for i in roads}
    if not wholes:
        return entries
    metric = {i: metric_geometry(entries[i].geometry, crs) for i in roads}
    replaced, added, dropped_alias = set(), [], {}
    for key, (name, members) in sorted(wholes.items()):
        members = sorted(set(members))
        sections = [i for i in members if normalise_name(entries[i].name) != key]
        if not sections or (key in own and not any(_is_section(entries[i].name, key) for i in sections)):
            continue  # a road of its own name with aliases, or an alt_name of one road: nothing to join
        for group in linked_groups(len(members), near_pairs([metric[i] for i in members], settings.SAME_ROAD_GAP_M)):
            indices = [members[k] for k in group]
            if len(indices) < 2 or not any(normalise_name(entries[i].name) != key for i in indices):
                continue
            added.append(_whole_road(name, [entries[i] for i in indices], key, crs))
            for i in indices:
                if normalise_name(entries[i].name) == key:
                    replaced.add(i)
                else:
                    dropped_alias.setdefault(i, set()).add(key)
    if not added:
        return entries
    for i, keys in dropped_alias.items():
        entry = entries[i]
        entry.aliases = tuple(a for a in entry.aliases if normalise_name(a) not in keys)
    return [e for i, e in enumerate(entries) if i not in replaced] + added


def _is_section(name, key):
    """Whether a road called ``name`` is a section of the road ``key`` (matching form) by its name:
    中山大道西 of 中山大道, 体育东路（北段） of 体育东路."""
    from geo.names import normalise_name
    from geo.osm_features import with_bracketed_bases

    section = _SECTION.match(name)
    return (section is not None and normalise_name(section.group(1)) == key) or \
        any(normalise_name(base) == key for base in with_bracketed_bases([name])[1:])


def _whole_road(name, sections, key, crs):
    """The entry of the road ``name`` made of its ``sections`` (entries; those named ``key`` in matching
    form are its own ways, whose other names it keeps). Where two sections run alongside each other
    (a carriageway of one named as the other: the name changes at another junction each way), the
    road is measured once (:func:`geo.lines.measured_once`)."""
    import shapely

    from geo.crs import metric_geometry, wgs84_geometry
    from geo.gazetteer import Entry
    from geo.lines import measured_once
    from geo.names import normalise_name

    parts = sorted((p for e in sections for p in shapely.get_parts(metric_geometry(e.geometry, crs))),
                   key=lambda line: (-line.length, line.wkb))
    kept, alongside = measured_once(parts, settings.DUAL_CARRIAGEWAY_M)
    merged = wgs84_geometry(shapely.line_merge(shapely.MultiLineString(kept)), crs)
    own = [e for e in sections if normalise_name(e.name) == key]
    named = sorted({e.name for e in sections if normalise_name(e.name) != key})
    ids = ";".join(sorted({i for e in sections for i in e.extra["osm_ids"].split(";")}))
    ways = len(ids.split(";"))
    first = sections[0]
    method = f"name match on OSM highway feature (its sections {' and '.join(named)} together, {ways} ways"
    if any("measured once" in e.method for e in sections):
        method += "; dual carriageways measured once, along the centre line"
    if alongside:
        method += f"; where sections run alongside each other (within {settings.DUAL_CARRIAGEWAY_M:g} m), measured once"
    aliases = tuple(a for e in own for a in e.aliases if normalise_name(a) != key)
    former = tuple(f for e in own for f in e.former_names)
    return Entry(name=own[0].name if own else name, geometry=merged, source=first.source, method=method + ")",
                 source_datum="wgs84", accuracy_m=settings.OSM_ACCURACY_M, tier="OSM extract", aliases=aliases,
                 former_names=former, feature_type="road", category=first.category, extra={"osm_ids": ids})


def _one_copy_each(group, members):
    """``members`` with one copy of each way: a way kept under its name and under its code
    (geo.osm_features.add_line) joins both copies to one road when its name tags hold the code too
    (``name=北园大街`` + ``alt_name=G104`` + ``ref=G104``), which would count it twice. The parts
    of a way cut at missing nodes share its id but not its line: all are kept."""
    ids = [group[i]["id"] for i in members]
    if len(set(ids)) == len(ids):
        return members
    seen, kept = set(), []
    for i in members:
        key = (group[i]["id"], group[i]["line"].wkb)
        if key not in seen:
            seen.add(key)
            kept.append(i)
    return kept


def _without_links(group, roads, metric):
    """The roads' ways without their links (``motorway_link``... named or coded like the road:
    ramps beside the mainline, which would lengthen it). A road of links alone is kept only
    when no other road has its name: a ramp of G2 far from G2's mainline is no second G2. A
    street whose links are longer than the rest of it keeps them: they carry it (Monaco's Rue du
    Portier is a ``primary_link`` but for its last 50 m)."""
    from geo.names import normalise_name

    kept, ramps, mainline_names = [], [], set()
    for members in roads:
        main = [i for i in members if not group[i].get("link")]
        if main and sum(metric[i].length for i in main) < sum(metric[i].length for i in members if i not in main):
            main = members
        if main:
            kept.append(main)
            mainline_names.update(normalise_name(group[i]["names"][0]) for i in main)
        else:
            ramps.append(members)
    kept += [members for members in ramps
             if not any(normalise_name(group[i]["names"][0]) in mainline_names for i in members)]
    return sorted(kept)


def _roads(group, metric):
    """Index groups of the ways of one road (see the module docstring)."""
    from geo.lines import linked_groups, near_pairs
    from geo.names import normalise_name

    keys = [[normalise_name(name) for name in way["names"]] for way in group]
    having = {}
    for i, names in enumerate(keys):
        former = {normalise_name(name) for name in group[i].get("former", ())}
        for key in set(names) - former:
            having.setdefault(key, []).append(i)
    pairs, first_part = [], {}
    for i, way in enumerate(group):
        # The parts of one way (cut at nodes missing from the file) are one road; a way's copy
        # kept under a code of its ref tag (geo.osm_features.add_line) is another road.
        pairs.append((first_part.setdefault((way["id"], way["names"][0]), i), i))
    # the bridge ways of a road (白石路桥, geo.osm_features.bridge_name) are one bridge only side by side (two
    # carriageways): two crossings of the road's river or railway a kilometre apart are two bridges
    for key, members in having.items():
        if len(members) < 2:
            continue
        bridges = all(group[i].get("bridge_of") for i in members)
        for a, b in near_pairs([metric[i] for i in members],
                               settings.DUAL_CARRIAGEWAY_M if bridges else settings.SAME_ROAD_GAP_M):
            first, second = members[a], members[b]
            if keys[first][0] == key or keys[second][0] == key:  # one way's own name
                pairs.append((first, second))
    return linked_groups(len(group), pairs)


def _own_name(group):
    """The road's name: its ways' most frequent own name, the Simplified spelling on a tie."""
    from collections import Counter

    from geo.names import normalise_name

    counts = Counter(way["names"][0] for way in group)
    return min(counts, key=lambda name: (-counts[name], normalise_name(name) != name, name))


def _road_entry(group, metric, kind, crs, source):
    """One road's entry: its ways merged, dual carriageways measured once."""
    import shapely

    from geo.crs import wgs84_geometry
    from geo.gazetteer import Entry
    from geo.lines import merge_ways
    from geo.names import road_code

    two_way = [line for way, line in zip(group, metric) if way["oneway"] == 0]
    one_way = [line if way["oneway"] > 0 else shapely.reverse(line) for way, line in zip(group, metric)
               if way["oneway"] != 0]
    merged, paired, alongside = merge_ways(two_way, one_way, carriageway_m=settings.DUAL_CARRIAGEWAY_M,
                                           tracks=kind == "railway")
    name = _own_name(group)
    spellings = sorted({way["names"][0] for way in group})
    what = "road code" if road_code(name) else "name"  # the ways of a code: its ref tag (geo.osm_features.add_line)
    method = f"{what} match on OSM {kind} feature ({f'{len(group)} ways merged' if len(group) > 1 else '1 way'}"
    if len(spellings) > 1:
        method += f", named {' and '.join(spellings)}"
    if paired:
        method += f"; {paired} dual carriageway{'s' if paired > 1 else ''} measured once, along the centre line"
    if alongside:
        method += (f"; {alongside} more line{'s' if alongside > 1 else ''} of its ways ("
                   f"{'tracks' if kind == 'railway' else 'service carriageways, 辅道'}) "
                   f"measured only where not alongside it (within {settings.DUAL_CARRIAGEWAY_M:g} m)")
    method += ")"
    extra = {"osm_ids": ";".join(sorted(way["id"] for way in group))}
    if any(way.get("bridge_of") for way in group):  # 白石路桥 (geo.osm_features.bridge_name)
        road = next(way["bridge_of"] for way in group if way.get("bridge_of"))
        method += f"; a bridge of {road}: its way{'s' if len(group) > 1 else ''} tagged bridge"
        extra["bridge_of"] = road  # two bridges of a road are two places however near (gazetteer.distinct_places)
    aliases, former = _other_names(group, name)
    return Entry(name=name, geometry=wgs84_geometry(merged, crs), source=source, method=method,
                 source_datum="wgs84", accuracy_m=settings.OSM_ACCURACY_M, tier="OSM extract",
                 aliases=aliases, former_names=former, feature_type=_LINE_TYPES[kind],
                 category=_LINE_CATEGORIES.get(kind), extra=extra)


def _other_names(group, name):
    """(aliases, former names) of a road called ``name`` drawn by the ways ``group``: a name
    is former when no way of the road bears it now."""
    names, current = [], {name}
    for way in group:
        names.extend(n for n in way["names"] if n != name and n not in names)
        current.update(n for n in way["names"] if n not in way.get("former", ()))
    return tuple(n for n in names if n in current), tuple(n for n in names if n not in current)


def outside_entries(ways, source):
    """Light entries for named ways beyond the district: one per (own name, kind), ways not merged.

    They are never placed; they let an unlocated project's reason say that OSM has its
    name, and how far outside the district (see :func:`geo.osm.load_osm`).
    """
    import shapely

    from geo.gazetteer import Entry

    entries = []
    for (name, kind), group in sorted(ways.items()):
        aliases, former = _other_names(group, name)
        entries.append(Entry(name=name, geometry=shapely.MultiLineString([way["line"] for way in group]),
                             source=source, method=f"name match on OSM {kind} feature", source_datum="wgs84",
                             accuracy_m=settings.OSM_ACCURACY_M, tier="OSM extract", aliases=aliases,
                             former_names=former,
                             feature_type=_LINE_TYPES[kind], category=_LINE_CATEGORIES.get(kind),
                             extra={"osm_ids": ";".join(sorted(way["id"] for way in group))}))
    return entries
