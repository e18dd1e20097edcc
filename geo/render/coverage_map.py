"""The coverage map: 街道 choropleths of project counts and road-work kilometres."""

from __future__ import annotations

from geo.render import classes, coverage_notes, coverage_table, display, maps, style
from geo.render.page import Page, render_page
from geo.safe_text import page_text

LAYERS = (  # field, label, palette, integer values, shown at start
    ("projects", "项目数 Projects per 街道", classes.PROJECT_PALETTE, True, True),
    ("road_km", "道路工程 Road works km (rebuild + greening + new) per 街道", classes.ROAD_PALETTE, False, False),
)
TOOLTIP_ROWS = (("name", "街道"), ("projects", "项目 Projects"), ("road_km", "道路 Road km"),
                ("road_km_rebuild", "改造 Rebuild km"), ("road_km_greening", "绿化 Greening km"),
                ("road_km_new", "新建 New km"), ("by_category", "类别 By category"))


def coverage_page(zones, zone_geoms, outline, outline_geoms, coverage, *, tiles, inline, title,
                  quality, shifted, label, level="街道", overlaps=(), shared_edges=()) -> str:
    """The HTML of the coverage map (see :func:`geo.render.render_maps`); ``label`` names it in
    the browser's tab, before ``title``. ``overlaps`` and ``shared_edges`` (the coverage report's ``zone_overlaps``
    and ``shared_edges``) are drawn as a layer over the choropleths and noted under the 街道 table."""
    page = Page()
    m = maps.new_map(page, tiles, display.bounds(outline_geoms) or display.bounds(zone_geoms), f"{label} · {title}")
    table = coverage_by_code(coverage)
    rows = []
    for record, geom in zip(zones.drop(columns=zones.geometry.name).to_dict("records"), zone_geoms):
        if geom is not None and not geom.is_empty:
            rows.append((str(record["code"]), str(record["name"]), geom, table.get(str(record["code"]))))
    rows.sort(key=lambda r: r[0])

    legend = [style.legend_title(title)]
    for field, label, palette, integer, show in LAYERS:
        label = style.zone_words(label, level)
        breaks = classes.classify([r[3][field] for r in rows if r[3] is not None], integer=integer)
        colours = classes.class_colours(palette, len(breaks["bins"]))
        features = []
        for code, name, geom, values in rows:
            fill = classes.NO_DATA_COLOUR if values is None else colours[classes.class_index(values[field], breaks["bins"])]
            zone_style = {"color": "#444444", "weight": 1.5, "fillColor": fill, "fillOpacity": 0.7}
            if quality != "official":
                zone_style["dashArray"] = "6 4"
            features.append({"type": "Feature", "geometry": display.geojson(geom), "properties": {
                **maps.zone_label(code, name, geom), "tooltip": _tooltip_html(name, values, level), "style": zone_style}})
        # One choropleth at a time (a fill over another makes colours no legend row has), each with the 街道 names.
        maps.add_layer(m, page, f"coverage:{field}", label, features, show=show, choice=True, zoneLabels=True,
                       hoverTooltips=True)
        legend.append(style.legend_head(label))
        legend += [style.legend_row(style.box_swatch(c), t) for c, t in zip(colours, breaks["labels"])]
        legend.append(style.legend_note(breaks["rule"]))
    overlap_features = coverage_notes.overlap_features(overlaps, {r[0]: r[2] for r in rows}, level)
    if overlap_features:
        maps.add_layer(m, page, coverage_notes.OVERLAP_LAYER_KEY, style.zone_words(coverage_notes.OVERLAP_LAYER, level),
                       overlap_features, style=coverage_notes.OVERLAP_STYLE, pane=coverage_notes.OVERLAP_PANE,
                       hoverTooltips=True)
        legend.append(coverage_notes.overlap_legend_row(level))
    maps.add_outline(m, page, outline, outline_geoms)
    if any(r[3] is None for r in rows):
        legend.append(style.legend_row(style.box_swatch(classes.NO_DATA_COLOUR), "no data 无数据"))
    legend.append(style.zone_legend_row(quality, level))
    if shifted:
        legend.append(style.legend_note(style.GCJ02_NOTE))
    page.data["coverageTable"] = coverage_table.table_data(coverage, table, {r[0]: r[1] for r in rows}, level)
    notes = [coverage_notes.overlap_notes(overlaps, level), coverage_notes.edge_notes(shared_edges, level)]
    if any(notes):
        page.data["coverageTable"]["notes"] = [note for note in notes if note]
    maps.finish(m, page, "".join(legend), layer_count=len(LAYERS) + bool(overlap_features))
    return render_page(m, page, inline=inline, extra=coverage_table.SCRIPTS)


def coverage_by_code(coverage) -> dict:
    """{code: {projects, road_km, road_km_rebuild, road_km_greening, road_km_new, by_category}} from the table;
    km to the metre, as ``coverage.csv`` gives them; ``road_km`` is the three road km columns summed (a table
    without ``road_km_new``, written before it existed, counts none)."""
    from geo.data import category_codes, category_label

    codes = [c for c in category_codes() if c in coverage.columns]
    out = {}
    for record in coverage.to_dict("records"):
        rebuild = _float(record.get("road_km_rebuild"))
        greening = _float(record.get("road_km_greening"))
        new = _float(record.get("road_km_new"))
        counts = [(c, int(_float(record.get(c)))) for c in codes]
        out[str(record["code"])] = {
            "projects": int(_float(record.get("projects"))),
            "road_km_rebuild": round(rebuild, 3),
            "road_km_greening": round(greening, 3),
            "road_km_new": round(new, 3),
            "road_km": round(rebuild + greening + new, 3),
            "by_category": "; ".join(f"{category_label(c)} {n}" for c, n in counts if n),
        }
    return out


def _tooltip_html(name, values, level="街道") -> str:
    """A small table of one 街道's figures, its first row headed by ``level``; every value escaped."""
    values = dict(values or {}, name=name)
    if len(values) == 1:
        values.update({key: "–" for key, _ in TOOLTIP_ROWS[1:]}, by_category="no data 无数据")
    else:  # km as coverage.csv writes them: 0.180, 0.000
        values.update({key: f"{values[key]:.{classes.KM_DECIMALS}f}" for key, _ in TOOLTIP_ROWS
                       if key.startswith("road_km")})
    cells = "".join(f"<tr><th>{page_text(style.zone_words(label, level))}</th> <td>{page_text(str(values.get(key)) or '–')}</td></tr>"
                    for key, label in TOOLTIP_ROWS)
    return f"<table>{cells}</table>"


def _float(value) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return 0.0
    return value if value == value else 0.0  # NaN -> 0
