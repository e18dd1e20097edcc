"""The place-name fallback: a project named after a 街道 (泺口垃圾转运站) placed inside it when no source knows its site."""

from __future__ import annotations

import functools

from geo.geocodes import APPROXIMATE
from geo.names import normalise_name
from geo.osm_subdistricts import LEVEL_SUFFIX, division_prefix_length, without_note

# The boundary_quality of a district's outline standing as its one zone (geo.boundaries.OUTLINE: the
# stages do not import each other).
_OUTLINE = "outline"


def zone_areas(zones):
    """(place-name stem, 街道 name, point inside, radius in m) for each 街道 whose stem is its own,
    longest stem first. The district standing as its one zone (``boundary_quality`` ``outline``: no
    街道 polygons) is none: its name (天山区图书馆) says no more than that a project is the district's."""
    from collections import Counter

    import shapely
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    areas = []
    quality = zones["boundary_quality"] if "boundary_quality" in zones.columns else [None] * len(zones)
    for name, geom, kind in zip(zones["name"], zones.geometry.values, quality):
        if kind == _OUTLINE:
            continue
        stems = [stem for stem in _stems(name) if len(stem) >= 2]
        if not stems or geom is None or geom.is_empty:
            continue
        point = geom.representative_point()
        coords = shapely.get_coordinates(geom)
        _, _, dist = geod.inv([point.x] * len(coords), [point.y] * len(coords), coords[:, 0], coords[:, 1])
        areas += [(stem, str(name), point, float(max(dist))) for stem in stems]
    # A stem of two 街道 (two 新华街道 of different codes, 泺口街道 and 泺口镇) does not say which.
    stems = Counter(area[0] for area in areas)
    return sorted((a for a in areas if stems[a[0]] == 1), key=lambda a: (-len(a[0]), a[1]))


def _stem(name):
    """A 街道/乡镇 name in its matching form (:func:`geo.names.normalise_name`: Simplified, no spaces), without its
    note, its level (街道, 街道办事处, 镇人民政府…) and the county a file may write before it (西湖区北山街道:
    北山; :func:`geo.osm_subdistricts.division_prefix_length`)."""
    text = normalise_name(without_note(name))  # as a project's name is compared: 東湖 is 东湖, 北山　街道 北山街道
    short = LEVEL_SUFFIX.sub("", text)
    cut = division_prefix_length(short) if short != text else 0
    return short[cut:] if cut and len(short) - cut >= 2 else short


def _stems(name):
    """The stems of a 街道/乡镇 name: :func:`_stem`, and of a 民族乡 also its place alone, without the
    peoples (``geo/data/peoples.txt``) it is named by, which a report leaves out (达地水族乡: 达地水族, and
    达地 for 达地乡卫生院; 雷洞瑶族水族乡: 雷洞)."""
    stem = _stem(name)
    place = stem
    if without_note(name).strip().endswith("族乡"):
        while (people := next((p for p in _peoples() if place.endswith(p) and len(place) > len(p)), None)):
            place = place[:-len(people)]
    return [stem] + ([place] if place != stem and len(place) >= 2 else [])


@functools.lru_cache(maxsize=1)
def _peoples():
    """The names of the peoples of China but 汉族 (苗族, 布依族...), longest first."""
    from geo.data import DATA_DIR

    names = (DATA_DIR / "peoples.txt").read_text(encoding="utf-8").split()
    return tuple(sorted(names, key=len, reverse=True))


def zone_stems(names):
    """(place-name stem, name) of 街道/乡镇 known by name only (a district without their polygons), longest
    stem first; a stem two of them share is left out, as in :func:`zone_areas`."""
    from collections import Counter

    stems = [(stem, str(name)) for name in names for stem in _stems(name) if len(stem) >= 2]
    counts = Counter(stem for stem, _ in stems)
    return sorted((pair for pair in stems if counts[pair[0]] == 1), key=lambda pair: (-len(pair[0]), pair[1]))


def named_zone(name, stems):
    """The 街道/乡镇 of ``stems`` (:func:`zone_stems`) a project's name carries as :func:`place_in_zone`
    reads it (江湾镇卫生院: 江湾镇), or None."""
    name = normalise_name(name)
    return next((zone for stem, zone in stems
                 if _names_place(name, stem, zone) or (len(name) >= 2 and stem.startswith(name))), None)


def place_in_zone(name, areas, previous):
    """A point inside the 街道 a project's name carries, and its geocode record.

    A name such as 泺口垃圾转运站 or 桑梓店卫生院 carries its place: that 街道 is where it is,
    even when no source knows the site. 桑梓 (a school brand) names the place 桑梓店 by its
    first characters, hence the prefix rule. A name ending in it (区级疾控中心 beside 中心街道,
    公交车站 beside 车站街道) names that kind of facility, not the place; so does one where a stem
    that is an ordinary modifier modifies the kind after it (中心小学, 区中心医院: :func:`_names_place`).

    Parameters
    ----------
    name : str
        The project's name.
    areas : list
        :func:`zone_areas`.
    previous : dict
        The project's geocode record so far (its ``reason`` goes on in the method).

    Returns
    -------
    tuple
        ``(point, record)``, or ``(None, previous)`` when the name carries no 街道.
    """
    from geo.places import zone_level

    name = normalise_name(name)  # Traditional 濼口 is 泺口
    for stem, zone_name, point, radius in areas:
        if _names_place(name, stem, zone_name) or (len(name) >= 2 and stem.startswith(name)):
            level = zone_level([zone_name])  # 江湾镇 is a 镇, not a 街道
            return point, {
                "status": APPROXIMATE,
                "source": f"{level} polygon of {zone_name}",
                "method": f"site unknown; the name contains the place name {stem}, so placed inside "
                          f"{zone_name} (accuracy spans the {level}). {previous.get('reason', '')}".strip(),
                "source_datum": "wgs84",
                "accuracy_m": float(round(radius, -1)),
                "matched_name": zone_name,
            }
    return None, previous


def _names_place(name, stem, zone_name):
    """True when a project's ``name`` names the 街道 ``zone_name`` by its ``stem``: the name is the
    stem, or holds the stem other than at its end (桑梓店卫生院: 桑梓店; 区级疾控中心 ends in 中心, its
    kind). A stem that is also a generic modifier of the lexicon (中心 central, 综合, 文化; see
    :func:`geo.lexicon_lookups.is_generic`) names no place where it modifies a kind of facility
    after it, through more such modifiers (中心小学, 区中心医院, 中心综合市场); there the 街道's full
    name is needed (中心街道卫生服务中心)."""
    from geo.lexicon_lookups import is_generic

    if name == stem:
        return True
    generic = is_generic(stem)
    start = name.find(stem)
    while 0 <= start < len(name) - len(stem):
        if name.startswith(normalise_name(zone_name), start) or \
                (not _names_division(name, start, stem) and (not generic or not _kind_follows(name, start + len(stem)))):
            return True
        start = name.find(stem, start + 1)
    return False


def _names_division(name, start, stem):
    """True when ``stem`` at ``start`` of ``name`` begins the name of a county or city (西湖区 in 西湖区档案馆,
    beside a 西湖街道; 鼓楼区, 吉林市): the district's or a city's project, not the 街道's."""
    end = start + len(stem)
    return any(name.startswith(stem + suffix, start) and stem + suffix in _division_names()
               for suffix in _DIVISION_SUFFIXES if name.startswith(suffix, end))


_DIVISION_SUFFIXES = ("自治县", "自治旗", "区", "县", "市", "旗")


@functools.lru_cache(maxsize=1)
def _division_names():
    """The names of every bundled county-level division and city (西湖区, 杭州市)."""
    from geo.data import counties

    return frozenset(name for row in counties().values() for name in (row["name"], row["city"]) if name)


def _kind_follows(name, position):
    """True when a kind of facility (a lexicon head of kind ``facility``: 小学, 卫生院, 市场) begins at
    ``position`` of ``name``, after generic modifiers only (综合, 标准化)."""
    from geo.lexicon import heads
    from geo.lexicon_lookups import GENERIC_SORTED, match_any

    while position < len(name):
        head = next((name[position:end] for end in range(len(name), position, -1)
                     if heads().get(name[position:end], (None, None))[1] == "facility"), None)
        if head is not None:
            return True
        word = match_any(name, position, GENERIC_SORTED)
        if not word:
            return False
        position += len(word)
    return False
