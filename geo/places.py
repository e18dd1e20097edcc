"""China-wide place names from the bundled tables: which county a name belongs to, and which places a text mentions."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

# A county-level division's name ends in one of these (武侯区, 青山县, 白石市, 青山旗, 自治县).
COUNTY_LEVEL_ENDS = "区县市旗"
# Place names end in one of these characters (区 县 市 旗, 街道, 镇 乡, 省): only
# substrings ending there are looked up, which keeps a scan linear in the text.
_NAME_ENDS = frozenset(COUNTY_LEVEL_ENDS + "道镇乡省")
_LONGEST_NAME = 16
# Names made only of these (老城区, 新城区, 城东区, 市中区, 城关镇) are also ordinary words
# of a report ("老城区改造"), so they never count as places elsewhere.
_GENERIC_STEM = re.compile("[东南西北中新老旧城市郊矿关]+")
_SUFFIX = re.compile(r"(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|自治州|自治县|自治旗|街道办事处|街道|"
                     r"办事处|地区|林区|特区|省|市|区|县|旗|镇|乡|盟)$")


@dataclass(frozen=True)
class Mentions:
    """The places a text names: ``inside`` (the district's own names) and ``outside`` (full names elsewhere)."""

    inside: tuple
    outside: tuple


def stem(name: str) -> str:
    """A place name without its administrative suffix (泺口街道 -> 泺口, 天河区 -> 天河); the name if that is too short."""
    short = _SUFFIX.sub("", name)
    return short if len(short) >= 2 else name


_LEVELS = ((("街道办事处", "街道办", "街道", "办事处"), "街道"), (("镇", "镇人民政府"), "镇"), (("乡", "苏木", "乡人民政府"), "乡"))


def zone_level(names) -> str:
    """The word for a district's zones by their names: 街道, 镇, 乡, 乡镇 (镇 and 乡), or 街道/乡镇 (both);
    街道, the tool's word, when no name ends in a level (城南片区, an official file's own names)."""
    from geo.osm_subdistricts import without_note

    ends_of = [without_note(name).strip() for name in names]  # 西江镇（千户苗寨） is a 镇
    levels = {next((word for ends, word in _LEVELS if name.endswith(ends)), None) for name in ends_of} - {None}
    if not levels or levels == {"街道"}:
        return "街道"
    if len(levels) == 1:
        return levels.pop()
    return "街道/乡镇" if "街道" in levels else "乡镇"


def district_word(name) -> str:
    """The word a county-level division's name ends in, for 全区, 全县...: 县 (自治县), 旗, 市 or 区; 区 when none."""
    name = str(name or "").strip()
    return next((word for word in ("县", "旗", "市", "区") if name.endswith(word)), "区")


def district_names(code=None, extra=()) -> frozenset:
    """Names that place a text inside a district: its own, its city's, its province's and its 街道's, with stems.

    Parameters
    ----------
    code : str or None
        County-level code in the bundled tables (None or unknown: only ``extra``).
    extra : iterable of str
        More names of the district, e.g. the outline's name and official 街道 names.
    """
    from geo import data

    names = [n for n in extra if n]
    county = data.counties().get(str(code)) if code else None
    if county:
        names += [county["name"], county["city"], county["province"]]
        names += [s["name"] for s in data.subdistrict_names(code)]
    return frozenset(n for name in names for n in (name, stem(name)) if len(n) >= 2)


def find_mentions(texts, inside_names) -> list:
    """The places each text names, split into the district's own and others.

    Inside names match anywhere, also as stems (泺口 in 泺口垃圾转运站). Places elsewhere
    match only by their full name with its suffix (石牌街道, 天河区, 成都市), when
    :func:`lookup` says the name tells where, and it is not one of the district's own
    names; bare stems (中山, 人民, 天桥) are ordinary words or names found everywhere.

    Parameters
    ----------
    texts : iterable of str
        Project names, say.
    inside_names : set of str
        From :func:`district_names`.

    Returns
    -------
    list of Mentions
        One per text, in order.
    """
    texts = list(texts)
    candidates = [_candidates(text, inside_names) for text in texts]
    known = lookup({name for names in candidates for name in names})
    return [Mentions(inside=tuple(sorted(n for n in inside_names if n in text)),
                     outside=tuple(n for n in names if n in known))
            for text, names in zip(texts, candidates)]


def lookup(names) -> dict:
    """{full name: county codes} for the names that tell where a place is (a county, city or 街道/乡镇).

    Left out: names shorter than 3 characters or without an administrative suffix,
    generic ones (老城区, 城关镇), and names held by ``settings.AMBIGUOUS_PLACE_COUNTIES``
    counties or more (新华街道). A city name gives all its counties.
    """
    from geo import data
    from geo.settings import AMBIGUOUS_PLACE_COUNTIES

    wanted = {n for n in names if len(n) >= 3 and n[-1] in _NAME_ENDS and not _GENERIC_STEM.fullmatch(stem(n))}
    if not wanted:
        return {}
    holders, cities = {}, {}
    for code, row in data.counties().items():
        if row["name"] in wanted:
            holders.setdefault(row["name"], set()).add(code)
        if row["city"] in wanted and row["city"].endswith("市"):
            cities.setdefault(row["city"], set()).add(code)
    by_division = _county_of_division()
    for name, codes in data.subdistricts_named(wanted).items():
        holders.setdefault(name, set()).update(by_division.get(c[:6], c[:6]) for c in codes)
    found = {name: tuple(sorted(codes)) for name, codes in cities.items()}
    found.update({name: tuple(sorted(codes)) for name, codes in holders.items()
                  if len(codes) < AMBIGUOUS_PLACE_COUNTIES})
    return found


def likely_county(names) -> str | None:
    """The bundled county most of these full place names point to, or None when none stands out."""
    from geo import data

    votes = Counter()
    for codes in (lookup(names).get(name, ()) for name in names):
        codes = [c for c in codes if c in data.counties()]
        for code in codes:
            votes[code] += 1.0 / len(codes)
    if not votes:
        return None
    (best, score), *rest = votes.most_common(2) + [(None, 0.0)]
    return best if score > rest[0][1] else None


def describe_county(code: str) -> str:
    """'广东省广州市天河区 (440106)' for a bundled county code."""
    from geo import data

    row = data.counties()[code]
    parts = [row["province"], row["city"], row["name"]]
    unique = [p for i, p in enumerate(parts) if p and p not in parts[:i]]
    return f"{''.join(unique)} ({code})"


def counties_named(name: str) -> tuple:
    """The bundled county codes a district's name denotes, in code order.

    The name is the county's own (天山区), or has its city, its province or both before it,
    each in full or as its stem (乌鲁木齐市天山区, 新疆乌鲁木齐天山区); blanks are ignored and
    Traditional script is read as Simplified (天山區). Several codes mean the name is shared
    (朝阳区 in Beijing and Changchun); none, that it names no county (a label of its own).
    """
    from geo import data
    from geo.names import to_simplified

    text = to_simplified("".join(str(name).split()))
    found = []
    for code, row in data.counties().items():
        county = row["name"]
        if not county or not text.endswith(county):
            continue
        provinces = {"", row["province"], stem(row["province"])}
        cities = {"", row["city"], stem(row["city"])}
        if text[:-len(county)] in {p + c for p in provinces for c in cities}:
            found.append(code)
    return tuple(found)


def _candidates(text, inside_names):
    """Substrings of 3 to 16 characters ending in a place-name suffix, other than the district's own names."""
    found = []
    for end, char in enumerate(text, 1):
        if char in _NAME_ENDS:
            found.extend(text[start:end] for start in range(max(0, end - _LONGEST_NAME), end - 2)
                         if text[start:end] not in inside_names)
    return found


@functools.lru_cache(maxsize=1)
def _county_of_division() -> dict:
    from geo import data

    return {row["division_code"]: code for code, row in data.counties().items() if row["division_code"]}
