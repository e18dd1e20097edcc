"""What OSM tags say about an object: its names, whether it is a line, a place or a station, its road codes, one-way, our category."""

from __future__ import annotations

import functools
import re

from geo.names import display_name, road_code
from geo.safe_text import has_visible


# Tags holding a name, in order of preference for an entry's own name; every other
# value (and each of several values separated by ";") is an alias.
NAME_KEYS = ("name:zh-Hans", "name:zh", "name", "name:zh-Hant", "official_name", "alt_name", "short_name",
             "loc_name", "old_name")
# Of those, the names an object no longer has: a renamed road's old name is often the name of
# another road today, so such a name links no ways and yields to whatever bears it now.
FORMER_NAME_KEYS = ("old_name",)
LINE_KEYS = ("highway", "railway", "waterway")
# man_made and power: the works a report builds (污水处理厂, 自来水厂, 变电站).
POINT_KEYS = ("amenity", "shop", "healthcare", "tourism", "leisure", "office", "building", "railway",
              "public_transport", "man_made", "power")
AREA_KEYS = ("landuse", "leisure", "amenity", "natural", "tourism", "building", "shop", "healthcare", "man_made",
             "power")
# place=*: only the places a project is sited at, those the osm_tags of geo/data/categories.csv
# give a category (a village, a neighbourhood), never a city, a town or a 街道's suburb.
PLACE_KEY = "place"
# Ways with these tags are places, not lines: the outline of a station or a platform, a river's
# banks (old tagging); a closed one is an area, an open one nothing.
AREA_TAGS = {"railway": ("station", "halt", "platform"), "public_transport": ("station", "platform"),
             "waterway": ("riverbank",)}
# A station, whose name OSM usually writes without 站 (王府庄 for 王府庄站).
STATION_TAGS = (("railway", "station"), ("railway", "halt"), ("public_transport", "station"))
_ONEWAY = {"yes": 1, "true": 1, "1": 1, "-1": -1, "reverse": -1}


def road_codes(tags):
    """The road codes of a way's ``ref`` tag (``G104;S102``, also ``G104/S102``, ``G104 S102``: both), in their
    one form; ``G 104``, ``Ｇ１０４`` and ``g104`` are ``G104``."""
    codes = []
    for value in REF_SEPARATORS.split(str(tags.get("ref", ""))):
        # G220 S102 (a space between codes) is both; G 220 one code.
        parts = value.split()
        each = [road_code(part) for part in parts]
        codes += each if len(parts) > 1 and all(each) else [road_code(value)] if parts else []
    return sorted({code for code in codes if code})


REF_SEPARATORS = re.compile(r"[;,/，；、]")


def tag_names(tags):
    """The object's names: its own name first, then the other values of NAME_KEYS, each once; a
    value of question marks alone (a Chinese name saved in an encoding without its characters) is none,
    and so is one of invisible characters alone (bidirectional controls, a zero-width space:
    :func:`geo.safe_text.has_visible`)."""
    names = []
    for key in NAME_KEYS:
        for value in str(tags.get(key, "")).split(";"):
            value = display_name(value)
            if has_visible(value.replace("?", "")) and value not in names:
                names.append(value)
    chinese = [part for name in names for part in [_chinese_part(name)] if part and part not in names]
    return names + list(dict.fromkeys(chinese))


# A bilingual name as some mappers tag it (雁塔路 Yanta Road, 小寨东路/Xiaozhai East Rd, Yanta Road 雁塔路,
# 长安南路（Chang'an South Rd）): its Chinese part, then its Latin part apart by a space, a slash, a bar or
# in brackets, or the other way round.
_LATIN_PART = r"[A-Za-z][A-Za-z0-9 .,'’&\-]*?"
_BILINGUAL = re.compile(rf"^(?:(?P<zh>[^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*?)\s*(?:[/|]\s*|\s|(?=[(（]))[(（]?{_LATIN_PART}[)）]?"
                        rf"|{_LATIN_PART}(?:\s*[/|]\s*|\s)(?P<zh2>[^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*))$")


def _chinese_part(name):
    """The Chinese part of a bilingual ``name`` (:data:`_BILINGUAL`), or None."""
    match = _BILINGUAL.match(name)
    part = (match.group("zh") or match.group("zh2")).strip() if match else None
    return part if part and len(part) >= 2 else None


def former_names(tags):
    """The values of :data:`FORMER_NAME_KEYS` that are none of the object's current names; none
    when it has no current name (an object known by its old name alone goes by it)."""
    current = set(tag_names({k: v for k, v in tags.items() if k not in FORMER_NAME_KEYS}))
    if not current:
        return ()
    return tuple(name for name in tag_names({k: tags[k] for k in FORMER_NAME_KEYS if k in tags})
                 if name not in current)


def is_place(tags):
    """True for a way that is a place, not a line, though tagged like one (:data:`AREA_TAGS`)."""
    return any(tags.get(key) in values for key, values in AREA_TAGS.items())


def area_key(tags):
    """The key that makes an area a feature (:data:`AREA_KEYS`, else :data:`AREA_TAGS`, else a
    place of ours, :func:`sited_place`, else a square: :func:`square_key`), or None."""
    return next((k for k in AREA_KEYS if k in tags), None) or \
        next((k for k, values in AREA_TAGS.items() if tags.get(k) in values), None) or sited_place(tags) or \
        square_key(tags)


def point_key(tags):
    """The key that makes a node a feature (:data:`POINT_KEYS`, else a place of ours,
    :func:`sited_place`, else a square: :func:`square_key`), or None."""
    return next((k for k in POINT_KEYS if k in tags), None) or sited_place(tags) or square_key(tags)


def square_key(tags):
    """The key of a square, a public space a project is sited at (广场): ``place=square``, or a highway
    drawn as an area (``highway=pedestrian`` + ``area=yes``, 花城广场 as OSM maps it); else None."""
    if tags.get(PLACE_KEY) == "square":
        return PLACE_KEY
    return "highway" if "highway" in tags and tags.get("area") == "yes" else None


def sited_place(tags):
    """:data:`PLACE_KEY` when the object is a place of a category of ours (``place=village``), else None."""
    value = tags.get(PLACE_KEY)
    return PLACE_KEY if value and (PLACE_KEY, value) in _osm_categories() else None


def station_names(names, tags):
    """A station's or a village's names and, for each Chinese one without 站 (a village: 村), that
    name with it: OSM writes 王府庄 and 济南西 for what reports call 王府庄站 and 济南西站 (never
    王府庄路, 王府庄村), and often 王家庄 for the village a report calls 王家庄村."""
    if any(tags.get(key) == value for key, value in STATION_TAGS):
        suffix = "站"
    elif sited_place(tags) and osm_category({PLACE_KEY: tags[PLACE_KEY]}) == "village":
        suffix = "村"
    else:
        return names
    more = [f"{n}{suffix}" for n in names if _CJK_END.search(n) and not n.endswith(suffix)]
    return names + [n for n in more if n not in names]


_CJK_END = re.compile(r"[\u4e00-\u9fff]$")


def oneway_of(tags):
    """1 when the way is one-way in its drawn direction, -1 against it, 0 when two-way."""
    value = tags.get("oneway", "").strip().lower()
    if value in _ONEWAY:
        return _ONEWAY[value]
    if value == "no":
        return 0
    # Motorways and roundabouts are one-way without saying so.
    return 1 if tags.get("highway") == "motorway" or tags.get("junction") in ("roundabout", "circular") else 0


@functools.lru_cache(maxsize=1)
def _osm_categories():
    """(key, value) -> (row number, category), from the ``osm_tags`` column of ``geo/data/categories.csv``."""
    from geo.data import categories

    table = {}
    for number, (code, row) in enumerate(categories().items()):
        for tag in filter(None, (row.get("osm_tags") or "").split("|")):
            key, _, value = tag.partition("=")
            table[(key, value)] = (number, code)
    return table


def osm_category(tags):
    """Our category for an OSM object's tags (``osm_tags`` in ``geo/data/categories.csv``; ``*`` is any
    value): of several that its tags give, the first in the table, whatever the order of the tags (a
    tram stop that is also a stop position is rail read from a .pbf or from GDAL's layers; a school
    tagged ``place=village`` too is a school)."""
    table = _osm_categories()
    found = [table.get((key, value)) or table.get((key, "*")) for key, value in tags.items()]
    return min(filter(None, found), default=(None, None))[1]
