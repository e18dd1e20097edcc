"""Coordinates given as degrees, minutes and seconds in columns of their own (经度(度), 经度(分), 经度(秒), as lists of old trees, relics and monitoring points write them): one cell per axis."""

from __future__ import annotations

import re

# An axis's name, then the part of the angle a column holds, bracketed or not (经度(度), 经度分, 东经″, lon_min).
_AXES = {"lon": ("经度", "东经", "longitude", "lon", "lng"), "lat": ("纬度", "北纬", "latitude", "lat")}
_PARTS = {"deg": ("度", "°", "º", "deg", "degree", "degrees", "d"), "min": ("分", "′", "'", "min", "minute", "minutes", "m"),
          "sec": ("秒", "″", '"', "sec", "second", "seconds", "s")}
_COLUMN = re.compile(r"(?P<axis>{})[\s_\-/]*[(（\[【]?\s*(?P<part>{})\s*[)）\]】]?".format(
    "|".join(sorted((re.escape(w) for words in _AXES.values() for w in words), key=len, reverse=True)),
    "|".join(sorted((re.escape(w) for words in _PARTS.values() for w in words), key=len, reverse=True))))


def is_part(text: str) -> bool:
    """Whether ``text`` (a header cell, lower case) names a part of an angle alone: 度, 分, 秒, °, ′, ″ (the lower row
    of a header of two, under 经度 and 纬度)."""
    return any(text in words for words in _PARTS.values())


def dms_groups(keys) -> dict:
    """{axis: (degrees column, minutes column, seconds column or None)} of the header ``keys`` (lower case, as
    :func:`geo.table_headers.header_key` gives them), for each axis that has a column of its degrees and one of its
    minutes; an axis whose degrees stand alone (经度(度)) is a column of decimal degrees, and none here."""
    found = {}
    for key in keys:
        match = _COLUMN.fullmatch(str(key))
        if match is None:
            continue
        axis = next(a for a, words in _AXES.items() if match["axis"] in words)
        part = next(p for p, words in _PARTS.items() if match["part"] in words)
        found.setdefault(axis, {}).setdefault(part, key)
    return {axis: (parts["deg"], parts["min"], parts.get("sec")) for axis, parts in found.items()
            if {"deg", "min"} <= set(parts)}


def joined(row: dict, columns) -> str | None:
    """The angle the ``row``'s cells of ``columns`` (degrees, minutes, seconds or None) give, written as one cell is
    (``112°57′18.5″``) for the coordinate reader to weigh as any other: its minutes and seconds under 60; None when
    the degrees cell is empty."""
    cells = [_written(row.get(column)) if column else "" for column in columns]
    if not cells[0]:
        return None
    return f"{cells[0]}°" + (f"{cells[1]}′" if cells[1] else "") + (f"{cells[2]}″" if cells[2] else "")


def _written(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()
