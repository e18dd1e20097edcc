"""The project map: one layer per category, popups with provenance, the legend, the placing panel's data."""

from __future__ import annotations

from geo import progress
from geo.geocodes import REMOVED
from geo.render import display, maps, style
from geo.render.page import Page, render_page
from geo.safe_text import FORMULA_OPENERS, page_text


def projects_page(projects, project_geoms, zones, zone_geoms, outline, outline_geoms, *,
                  tiles, inline, title, quality, shifted, label, level="街道") -> str:
    """The HTML of the project map (see :func:`geo.render.render_maps`); ``label`` names it in
    the browser's tab, before ``title``."""
    from geo.data import category_codes, category_label

    page = Page()
    fit = display.bounds(outline_geoms) or display.bounds(zone_geoms) or display.bounds(project_geoms)
    m = maps.new_map(page, tiles, fit, f"{label} · {title}")
    maps.add_zones(m, page, zones, zone_geoms, quality, level)
    maps.add_outline(m, page, outline, outline_geoms)

    rows = project_rows(projects, project_geoms)
    order = {code: i for i, code in enumerate(category_codes())}
    categories = sorted({r["category"] for r in rows}, key=lambda c: (order.get(c, len(order)), c))
    legend = [style.legend_title(title)]
    with progress.bar(len(rows), "rendering projects", unit="features") as advance:
        for category in categories:
            members = [r for r in rows if r["category"] == category]
            features = [{"type": "Feature", "geometry": display.geojson(r["geometry"]),
                         "properties": {"id": r["id"], "label": page_text(r["name"]), "popup": popup_html(r, level),
                                        "style": style.feature_style(category, r["geometry"].geom_type)}}
                        for r in members]
            label = f"{category_label(category)} ({len(features)})"
            maps.add_layer(m, page, f"projects:{category}", label, features)
            legend.append(style.legend_row(style.category_swatch(category, _drawn_as(members)), label))
            advance(len(members))
    legend.append(style.zone_legend_row(quality, level))
    removed = (projects["status"] == REMOVED).to_numpy() if "status" in projects else [False] * len(projects)
    unlocated = sum(1 for g, out in zip(project_geoms, removed) if (g is None or g.is_empty) and not out)
    project_geoms_counted = [g for g, out in zip(project_geoms, removed) if not out]
    if unlocated:
        legend.append(style.legend_note(f"{unlocated} of {len(project_geoms_counted)} projects not located (not drawn) "
                                        "未定位项目未绘制"))
    if shifted:
        legend.append(style.legend_note(style.GCJ02_NOTE))
    from geo.places import district_word

    district = district_word(outline["name"].iloc[0] if len(outline) and "name" in outline else "")
    page.data["panel"] = panel_data(projects, project_geoms, shifted=shifted, district=district)
    maps.finish(m, page, "".join(legend), layer_count=len(categories))
    return render_page(m, page, inline=inline, draw=True)


def panel_data(projects, geoms, *, shifted, district="区") -> dict:
    """What the placing panel (``static/panel.js``) lists and how it writes ``placed.csv``.

    Parameters
    ----------
    projects : geopandas.GeoDataFrame
        The flat project layer (every project, located or not).
    geoms : list
        Display geometries of ``projects`` (None where unlocated).
    shifted : bool
        Whether the page shows GCJ-02 (Amap) positions: the panel then converts what
        is drawn back to WGS-84 before writing it.
    district : str
        The word the district calls itself by (:func:`geo.places.district_word`): the panel says
        全县统计 of a 县's counted projects, 全区统计 of a 区's.

    Returns
    -------
    dict
        ``unlocated`` (named projects to place: id, name, category, label, kind, quote,
        reason), ``counted`` (counted groups, district-wide by design: not placed) and
        ``located`` (projects that can be corrected: status, source and accuracy of their
        current geometry, which the panel finds by id in the layer ``layer``; one added on the
        map in an earlier round is ``added``) and ``removed`` (projects marked not a project in
        an earlier round, which the panel shows marked and writes again unless unmarked), each in
        category order, then id; an unlocated or located item's ``rank`` is its row's place
        in placed.csv, in that order across the lists but ``counted`` (a project keeps its place when it
        is placed, so the same placements write the same bytes every round); and the settings the panel needs (source text, accuracy
        in pixels, datum of the display, the box where GCJ-02 applies, ``district``, and
        ``categories``: code, label and geometry kind of each category, for a project added). A project placed
        by hand in an earlier round also carries ``placed``: its stored WGS-84 position as
        placed.csv fields, which the panel writes again unless it is moved, so one
        placed.csv keeps every round. An item whose name has Traditional characters also carries
        ``simplified``, its name in Simplified script, which the panel's filter matches too. Text is
        plain: the panel writes it with textContent.
    """
    from geo import settings
    from geo.crs import CHINA_BOUNDS
    from geo.data import categories, category_codes, category_label
    from geo.names import to_simplified

    kinds = {code: row["geometry"] for code, row in categories().items()}
    order = {code: i for i, code in enumerate(category_codes())}
    groups = {"unlocated": [], "counted": [], "located": [], "removed": []}
    records = projects.drop(columns=projects.geometry.name).to_dict("records")
    for record, stored, geom in zip(records, projects.geometry.values, geoms):
        row = {k: (None if display.is_missing(v) else v) for k, v in record.items()}
        category = str(row.get("category") or "")
        item = {"id": str(row.get("id") or ""), "name": str(row.get("name") or ""), "category": category,
                "label": category_label(category), "kind": kinds.get(category, "point")}
        if to_simplified(item["name"]) != item["name"]:  # the filter finds 北園 by the 北园 typed
            item["simplified"] = to_simplified(item["name"])
        if row.get("status") == REMOVED:  # marked not a project in an earlier round
            groups["removed"].append({**item, "quote": str(row.get("quote") or ""),
                                      "reason": str(row.get("reason") or "")})
        elif geom is not None and not geom.is_empty:  # its popup on the map has the quote
            item.update(layer=f"projects:{category}", status=str(row.get("status") or ""),
                        source=str(row.get("source") or ""), accuracy_m=_accuracy(row.get("accuracy_m")))
            if item["source"] in (settings.HAND_PLACED_SOURCE, settings.HAND_ADDED_SOURCE):
                item["placed"] = _placed_fields(stored, row)
            if item["source"] == settings.HAND_ADDED_SOURCE:
                item["added"] = True
            groups["located"].append(item)
        elif row.get("named") is False:
            groups["counted"].append({**item, "quote": str(row.get("quote") or "")})
        else:
            groups["unlocated"].append({**item, "quote": str(row.get("quote") or ""),
                                        "reason": str(row.get("reason") or "")})
    def key(item):
        return order.get(item["category"], len(order)), item["category"], item["id"], item["name"]

    for items in groups.values():
        items.sort(key=key)
    # placed.csv's row order, the same whether a project is placed now or was in an earlier round; the
    # projects added on the map follow, by category and name, as the panel orders those added now
    listed = groups["unlocated"] + groups["located"] + groups["removed"]
    for rank, item in enumerate(sorted((item for item in listed if not item.get("added")), key=key)):
        item["rank"] = rank
    kinds_listed = [{"code": code, "label": category_label(code), "kind": kinds.get(code, "point")}
                    for code in category_codes()]
    return {**groups, "source": settings.HAND_PLACED_SOURCE, "accuracyPx": settings.HAND_PLACED_ACCURACY_PX,
            "gcj02": bool(shifted), "chinaBounds": list(CHINA_BOUNDS), "district": district,
            "addedSource": settings.HAND_ADDED_SOURCE, "removedSource": settings.HAND_REMOVED_SOURCE,
            "categories": kinds_listed, "formulaOpeners": list(FORMULA_OPENERS)}


def _accuracy(value):
    return None if value is None else round(float(value))


def _placed_fields(geom, row) -> dict:
    """A hand-placed project's placed.csv fields, as the panel writes them (7 decimals, about 1 cm;
    a point as lon/lat and as WKT, so QGIS opening the file draws every row from its wkt column)."""
    import shapely

    from geo.hand_placed import own_method

    kinds = {"Point": "point", "LineString": "line", "Polygon": "polygon"}
    fields = {"kind": kinds.get(geom.geom_type, "multi"), "lon": "", "lat": "", "wkt": "",
              "accuracy_m": _accuracy(row.get("accuracy_m")), "method": own_method(row.get("method"))}
    if geom.geom_type == "Point":
        fields.update(lon=f"{geom.x:.7f}", lat=f"{geom.y:.7f}")
    fields["wkt"] = shapely.to_wkt(geom, rounding_precision=7, trim=False)
    return fields


def project_rows(projects, geoms) -> list:
    """Plain dicts of the located projects, sorted by (category, id) for stable output."""
    rows = []
    for record, geom in zip(projects.drop(columns=projects.geometry.name).to_dict("records"), geoms):
        if geom is None or geom.is_empty:
            continue
        row = {k: (None if display.is_missing(v) else v) for k, v in record.items()}
        row["geometry"] = geom
        for key in ("id", "name", "category", "action"):
            row[key] = "" if row.get(key) is None else str(row[key])
        rows.append(row)
    rows.sort(key=lambda r: (r["category"], r["id"], r["name"]))
    return rows


def popup_html(row, level="街道") -> str:
    """Popup content: every value HTML-escaped, so report text can never become markup."""
    from geo.catalog import split_list
    from geo.data import category_label

    e = page_text
    lines = [f"<b>{e(row['name'])}</b>", f"类别 Category: {e(category_label(row['category']))}"]
    if row.get("action"):
        lines.append(f"行动 Action: {e(row['action'])}")
    if row.get("quantity_value") is not None:
        unit = str(row.get("quantity_unit") or "")
        lines.append(f"数量 Quantity: {e(_number(row['quantity_value']))} {e(unit)}")
    if row.get("length_km") is not None and "Line" in row["geometry"].geom_type:
        lines.append(f"长度 Length: {float(row['length_km']):.3f} km")  # to the metre, as stored
    if row.get("subdistrict_names"):
        lines.append(f"{style.zone_words('街道', level)} Subdistrict: {e('、'.join(split_list(row['subdistrict_names'])))}")
    geocode = [str(row[k]) for k in ("status", "source", "method") if row.get(k)]
    if row.get("accuracy_m") is not None:
        geocode.append(f"±{_number(round(float(row['accuracy_m'])))} m")
    if geocode:
        lines.append(f"定位 Geocode: {e(' · '.join(geocode))}")
    if row.get("source_datum"):
        lines.append(f"原始坐标系 Source datum: {e(str(row['source_datum']))}")
    body = "<br>".join(lines)
    if row.get("quote"):
        body += f'<div class="geo-quote">“{e(str(row["quote"]))}”</div>'
    return body


def _drawn_as(members) -> str:
    """How most of a category is drawn: 'line', 'polygon' or 'point'."""
    kinds = ["line" if "Line" in r["geometry"].geom_type else "polygon" if "Polygon" in r["geometry"].geom_type
             else "point" for r in members]
    return max(sorted(set(kinds)), key=kinds.count)


def _number(value) -> str:
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:g}"
