"""The coverage map's table: one row per 街道 with ``coverage.csv``'s figures, sortable by column, a row zooming
the map to its 街道 (drawn by ``static/coverage_table.js``, which only the coverage page carries)."""

from __future__ import annotations

from geo.render import classes, style

TITLE = "街道表 Table by 街道"
NAME_LABEL = "街道"
ROAD_COLUMNS = (("road_km", "道路 Road km"), ("road_km_rebuild", "改造 Rebuild km"),
                ("road_km_greening", "绿化 Greening km"), ("road_km_new", "新建 New km"))
SCRIPTS = ("coverage_table.css", "coverage_table.js")
SHARED_EDGE_KM = ("shared_edge_km", "共用边界 Shared edge km")  # coverage.csv's column, the workbook's 与相邻街道共用边界长度


def table_data(coverage, figures: dict, shaped: dict, level: str = "街道") -> dict:
    """The table as the page's data: its columns and one row per 街道, in code order.

    Parameters
    ----------
    coverage : pandas.DataFrame
        The coverage table (one row per 街道: code, name, projects, a count column per category code, road km).
    figures : dict
        ``{code: {projects, road_km...}}`` from :func:`geo.render.coverage_map.coverage_by_code`.
    shaped : dict
        ``{code: name}`` of the 街道 drawn on the map (a row can zoom to them); one missing from ``coverage``
        gets a row without figures (``values`` None, shown as no data).
    level : str
        The word for the district's zones (``街道``, ``乡镇``...).

    Returns
    -------
    dict
        ``title``, ``nameLabel``, ``kmDecimals``, ``openMinPx`` (the narrowest window it starts open in), ``columns`` (``key``, ``label``, ``km``; ``category`` on a category's) and ``rows`` (``code``,
        ``name`` as plain text, ``values`` in column order, ``shape``). Category columns are those with a
        project in some 街道, in ``coverage.csv``'s order; a 街道 with no project shows 0. ``coverage.csv``'s
        shared edge km, when the table has it, comes last. The coverage map adds ``notes``
        (:mod:`geo.render.coverage_notes`).
    """
    from geo import settings
    from geo.data import category_codes, category_label

    records = sorted(coverage.to_dict("records"), key=lambda r: str(r["code"]))
    codes = [c for c in category_codes() if c in coverage.columns and any(_count(r.get(c)) for r in records)]
    columns = [{"key": "projects", "label": "项目 Projects", "km": False}]
    columns += [{"key": key, "label": label, "km": True} for key, label in ROAD_COLUMNS]
    columns += [{"key": c, "label": category_label(c), "km": False, "category": True} for c in codes]
    if SHARED_EDGE_KM[0] in coverage.columns:  # after the categories: a measure of the 街道, not of its projects
        columns.append({"key": SHARED_EDGE_KM[0], "label": style.zone_words(SHARED_EDGE_KM[1], level), "km": True})
    rows = []
    for record in records:
        code = str(record["code"])
        values = dict(figures[code], **{c: _count(record.get(c)) for c in codes},
                      **{SHARED_EDGE_KM[0]: round(_number(record.get(SHARED_EDGE_KM[0])), classes.KM_DECIMALS)})
        rows.append({"code": code, "name": str(record["name"]), "shape": code in shaped,
                     "values": [values[c["key"]] for c in columns]})
    rows += [{"code": code, "name": name, "shape": True, "values": None}
             for code, name in sorted(shaped.items()) if code not in figures]
    rows.sort(key=lambda r: r["code"])
    return {"title": style.zone_words(TITLE, level), "nameLabel": style.zone_words(NAME_LABEL, level),
            "kmDecimals": classes.KM_DECIMALS, "openMinPx": settings.COVERAGE_TABLE_OPEN_MIN_PX,
            "columns": columns, "rows": rows}


def _count(value) -> int:
    return int(_number(value))


def _number(value) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return 0.0
    return value if value == value else 0.0  # NaN -> 0
