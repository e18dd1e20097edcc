"""Bundled reference data: where the files live and how to load them (report, categories, boundaries, gazetteer)."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from geo.settings import DEFAULT_DISTRICT_CODE, DEFAULT_DISTRICT_NAME  # noqa: F401 (re-exported)

DATA_DIR = Path(__file__).resolve().parent / "data"

REPORT_PATH = DATA_DIR / "tianqiao_work_report_excerpt.txt"
CATEGORIES_PATH = DATA_DIR / "categories.csv"
DISTRICTS_PATH = DATA_DIR / "jinan_districts.geojson"
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
    """The outline of one bundled Jinan district (WGS-84 GeoDataFrame with one row)."""
    from geo.io import read_geojson_frame

    districts = read_geojson_frame(DISTRICTS_PATH)
    outline = districts[districts["code"] == str(code)]
    if outline.empty:
        known = ", ".join(sorted(districts["code"]))
        raise ValueError(f"no bundled district with code {code} (bundled: {known})")
    return outline.reset_index(drop=True)


def load_subdistricts():
    """The bundled approximate 街道 polygons of the default district (WGS-84 GeoDataFrame)."""
    from geo.io import read_geojson_frame

    return read_geojson_frame(SUBDISTRICTS_PATH)
