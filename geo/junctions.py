"""Junction projects (X路与Y路交叉口): the two roads a name gives, placed where their lines cross."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from geo import settings
from geo.district_names import own_place
from geo.gazetteer import LINE_TYPES, distinct_places, placed_elsewhere
from geo.junction_gaps import crossings_across_gaps
from geo.geocodes import APPROXIMATE, MATCHED, accuracy_metres, source_label, unlocated
from geo.names import ROAD_NAME_ENDINGS, to_simplified

# Two roads at a crossing: 港城大道与滨江路交叉口, 东湖大道/光谷二路交叉口, 经十路舜耕路路口.
JUNCTION_HEADS = "交叉路口|十字路口|交叉口|交汇处|交汇口|交口|路口"  # the longer first: a regex takes 交叉路口 whole
_JUNCTION_HEAD = re.compile(rf"(?:{JUNCTION_HEADS})$")
_JUNCTION_STRUCTURE = re.compile(r"(?:立交桥|立交|互通|人行天桥|下穿通道|地下通道)$")
_JUNCTION_SEPARATORS = "与/、×和同及—–-"


def junction_roads(name):
    """The two roads a junction project names, as candidate (road, road) pairs; [] if it names none.

    港城大道与滨江路交叉口 -> [("港城大道", "滨江路")]; 东湖大道/光谷二路交叉口 and
    经十路舜耕路路口 (the roads side by side) alike, and a structure where they meet (海新路与翁角路立交
    -> [("海新路", "翁角路")]). Every way to split the name is a
    candidate, those whose both halves end like a road first; ``路口`` after a bare
    name (经十路与舜耕路口) lends it its 路.
    """
    text = unicodedata.normalize("NFKC", str(name)).strip()
    plain = to_simplified(text)  # 北園大街與白石路交叉口 is read as 北园大街与白石路交叉口; the roads keep its script
    head = _JUNCTION_HEAD.search(plain)
    structure = _JUNCTION_STRUCTURE.search(plain) if head is None else None
    if structure is not None and "与" in plain[:structure.start()]:
        # 海新路与翁角路立交: a structure where two named roads meet stands at their crossing
        body = text[:structure.start()]
        return [(body[:i], body[i + 1:]) for i, char in enumerate(plain[:structure.start()]) if char == "与"
                and i >= 2 and len(body) - i - 1 >= 2]
    if head is None:
        return []
    body, said = text[:head.start()], plain[:head.start()]
    pairs = [(body[:i], body[i + 1:]) for i, char in enumerate(said)
             if char in _JUNCTION_SEPARATORS and i >= 2 and len(body) - i - 1 >= 2]
    if not pairs:
        pairs = [(body[:i], body[i:]) for i in range(2, len(body) - 1) if said[:i].endswith(ROAD_NAME_ENDINGS)]
    if head.group() == "路口":
        pairs = [(a, b if to_simplified(b).endswith(ROAD_NAME_ENDINGS) else b + "路") for a, b in pairs]
    return sorted(pairs, key=lambda ab: -sum(to_simplified(road).endswith(ROAD_NAME_ENDINGS) for road in ab))


def locate_junction(pairs, gazetteer, place):
    """Place a junction project where its two roads cross.

    Parameters
    ----------
    pairs : list of (str, str)
        Candidate road pairs, as :func:`junction_roads` gives them; the first pair whose
        two roads some source knows is used.
    gazetteer : geo.gazetteer.Gazetteer
    place : geo.geocode._Place
        Where matches must lie, and the metric CRS.

    Returns
    -------
    (shapely Point or None, dict)
        The junction (WGS-84) and its geocode, or None and an unlocated geocode whose
        reason says why: a road unknown, the roads not meeting or meeting at several places,
        or a road with namesakes far apart of which none, or several, meet the other road.
    """

    def is_line(entry):
        return entry.geometry is not None and entry.geometry.geom_type in LINE_TYPES

    found = [(a, b, road_match(a, gazetteer, is_line, place), road_match(b, gazetteer, is_line, place)) for a, b in pairs]
    complete = [f for f in found if f[2] and f[3]]
    if not complete:
        a, b, match_a, match_b = max(found, key=lambda f: (f[2] is not None) + (f[3] is not None))
        missing = [n for n, m in ((a, match_a), (b, match_b)) if m is None]
        said = [why for why in map(gazetteer.left_out_reason, missing) if why]  # the planner's rows left out
        unknown = [n for n in missing if gazetteer.left_out_reason(n) is None]
        if unknown:
            tiers = ", ".join(t for t, _ in gazetteer.tiers) or "no gazetteer"
            said.append(f"no road named {' or '.join(map(repr, unknown))} in any source ({tiers}); "
                        "add it with --gazetteer or --osm")
        return None, unlocated(f"junction of {a} and {b}: {'; '.join(said)}")
    a, b, match_a, match_b = complete[0]
    if match_a.entry is match_b.entry:
        return None, unlocated(f"junction of {a} and {b}: both names are the same road, {match_a.entry.name}, "
                                f"in {match_a.entry.tier}")
    chosen, problem = _roads_that_meet(a, b, match_a, match_b, place)
    if problem is not None:
        return None, problem
    entry_a, entry_b, junctions, crs = chosen
    problem = _no_single_junction(a, b, entry_a, entry_b, junctions, place, crs)
    if problem is not None:
        return None, problem
    point, geocode = _junction_geocode(entry_a, entry_b, (match_a.strength, match_b.strength), junctions[0], crs)
    for match, entry in ((match_a, entry_a), (match_b, entry_b)):  # a later source placing a road elsewhere
        said = placed_elsewhere(dataclasses.replace(match, entry=entry), place.near)
        geocode["method"] += f"; {said}" if said else ""
    return point, geocode


def road_match(name, gazetteer, accepts, place):
    """The Match of a road of a junction (or of a door number): by its name, else, a name beginning with the
    district's own (青山县白石路), by the rest of it (:func:`geo.district_names.without_district`), else, as a list
    writes the district's roads, with the district's name (and its city) written before it (the report's 岚南路, the
    list's 青山县岚南路: :func:`geo.district_names.with_district`); or None."""
    match = gazetteer.lookup(name, accepts=accepts)
    return match if match is not None else own_place(name, getattr(place, "district", None), gazetteer, accepts)


def _roads_that_meet(a, b, match_a, match_b, place):
    """((entry_a, entry_b, junctions, crs), None) of the roads to cross, or (None, unlocated geocode).

    A road whose places of one name lie far apart (namesakes, :func:`geo.gazetteer.distinct_places`)
    is the namesake that meets the other road, when exactly one pair of them meets.
    """
    import shapely

    from geo.crs import metric_crs_for

    (places_a, apart_a), (places_b, apart_b) = _places(match_a, place), _places(match_b, place)
    crs = place.crs or metric_crs_for(shapely.union_all([e.geometry for e in (*places_a, *places_b)]))
    if len(places_a) == len(places_b) == 1:
        entry_a, entry_b = places_a[0], places_b[0]
        return (entry_a, entry_b, _junctions(entry_a, entry_b, place, crs), crs), None
    met = [(ea, eb, found) for ea in places_a for eb in places_b
           if ea is not eb and (found := _junctions(ea, eb, place, crs))]
    if len(met) == 1:
        return (*met[0], crs), None
    return None, _ambiguous(a, b, (match_a, places_a, apart_a), (match_b, places_b, apart_b), met)


def _places(match, place):
    """(the places a road's match stands for in the district, how far apart they lie in m); its
    entry alone when none lies in the district (the crossing is then found outside, and said so)."""
    inside, apart = distinct_places(match, place.near)
    return (inside, apart) if inside else ((match.entry,), 0.0)


def _junctions(entry_a, entry_b, place, crs):
    """The junctions (:func:`geo.lines.crossings`) of two roads' lines, in the district."""
    from geo.crs import metric_geometry
    from geo.lines import crossings

    line_a, line_b = metric_geometry(entry_a.geometry, crs), metric_geometry(entry_b.geometry, crs)
    return crossings(line_a, line_b, max_gap_m=settings.INTERSECTION_GAP_M, spread_m=settings.JUNCTION_SPREAD_M,
                     within=place.near_metric) or crossings_across_gaps(line_a, line_b, within=place.near_metric)


def _ambiguous(a, b, road_a, road_b, met):
    """The unlocated geocode (with a warning) of a junction whose roads' namesakes meet nowhere or at several places.

    ``road_a``/``road_b`` are (match, places, how far apart in m); ``met`` the
    (entry_a, entry_b, junctions) of the pairs of places that meet.
    """

    namesakes = "; ".join(f"{len(places)} places named {match.matched_name!r} in {source_label(match.entry)}, "
                          f"up to {apart / 1000:.1f} km apart" for match, places, apart in (road_a, road_b)
                          if len(places) > 1)
    if not met:
        outcome = (f"none of them comes within {settings.INTERSECTION_GAP_M:g} m of the other road; "
                   "the report does not say which is meant")
    else:
        points = [found[0].point for _, _, found in met]
        farthest = max(p.distance(q) for p in points for q in points)
        outcome = (f"{len(met)} of them meet the other road, up to {farthest / 1000:.1f} km apart; "
                   "the report does not say which")
    geocode = unlocated(f"junction of {a} and {b}: {namesakes}; {outcome}")
    geocode["warn"] = True
    return geocode


def _no_single_junction(a, b, entry_a, entry_b, junctions, place, crs):
    """The unlocated geocode of two roads that do not meet, or meet at several places; None if they meet once."""
    import shapely

    from geo.crs import metric_geometry

    where = " in the district" if place.near_metric is not None else ""
    if not junctions:
        gap = shapely.distance(metric_geometry(entry_a.geometry, crs), metric_geometry(entry_b.geometry, crs))
        if gap == 0:
            return unlocated(f"junction of {a} and {b}: the two roads meet only outside the district")
        return unlocated(f"junction of {a} and {b}: the two roads do not meet{where} in our sources "
                          f"(nearest {gap:,.0f} m apart, over {settings.INTERSECTION_GAP_M:g} m)")
    if len(junctions) > 1:
        farthest = max(p.point.distance(q.point) for p in junctions for q in junctions)
        return unlocated(f"junction of {a} and {b}: the roads cross at {len(junctions)} places up to "
                          f"{farthest / 1000:.1f} km apart; the report does not say which")
    return None


def _junction_geocode(entry_a, entry_b, strengths, junction, crs):
    """(WGS-84 point, geocode) of the one junction of two roads matched with these name strengths."""
    import math

    from geo.crs import wgs84_geometry

    # A sideways error e of either line moves the crossing by e / sin(angle) along the other.
    sine = max(junction.sine, settings.INTERSECTION_MIN_SINE)
    # a loose match may be another stretch; a road where it is not drawn, half the gap off its straight bridge
    line_accuracy = [max(entry.accuracy_m, settings.LOOSE_MATCH_ACCURACY_M.get(strength, 0.0), bridged / 2)
                     for entry, strength, bridged in zip((entry_a, entry_b), strengths, junction.bridged_m)]
    accuracy = junction.gap_m / 2 + junction.spread_m + math.hypot(*line_accuracy) / sine
    if junction.gap_m > 0:
        how = f"the lines come within {junction.gap_m:,.0f} m: midpoint of their nearest points"
    elif junction.spread_m > 0:
        how = f"the lines cross at several points within {junction.spread_m:,.0f} m of their centre (taken)"
    else:
        how = "the lines cross"
    method = (f"junction of two roads, {entry_a.name} ({entry_a.method}) and {entry_b.name} ({entry_b.method}): "
              f"{how}; crossing angle {math.degrees(math.asin(min(junction.sine, 1.0))):.0f}°")
    method += "".join(f"; {entry.name} not drawn there: its {bridged:,.0f} m gap bridged straight"
                      for entry, bridged in zip((entry_a, entry_b), junction.bridged_m) if bridged)
    loose = [(entry, strength) for entry, strength in zip((entry_a, entry_b), strengths)
             if strength not in ("exact", "folded")]
    for entry, strength in loose:
        method += f"; name matched loosely ({strength}: {entry.name})"
    exact = junction.gap_m == 0 and not loose and not any(junction.bridged_m)
    return wgs84_geometry(junction.point, crs), {
        "status": MATCHED if exact else APPROXIMATE,
        "source": _joined(entry_a.source, entry_b.source),
        "method": method,
        "source_datum": _joined(entry_a.source_datum, entry_b.source_datum),
        "accuracy_m": accuracy_metres(accuracy),
        "matched_name": f"{entry_a.name} × {entry_b.name}",
    }


def _joined(first, second):
    return first if first == second else f"{first}; {second}"
