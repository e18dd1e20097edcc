"""Rendering: the Folium web maps of the projects and of coverage by 街道, plus an index page.

Every map is one HTML file. Text from the report reaches the page only as data
(GeoJSON properties embedded through an escaping JSON filter) and is HTML-escaped
before it ever reaches ``innerHTML``, so a project named ``<img onerror=...>`` shows
as text. Folium's random element ids are replaced by sequential ones, so equal
inputs give byte-identical files. ``offline=True`` inlines Leaflet (from the
``xstatic-leaflet`` package) so the map works with no network at all.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
from pathlib import Path

from geo.io import InputError, write_text_atomic

BASEMAPS = ("osm", "amap", "tianditu", "none")
PROJECTS_HTML = "projects.html"
COVERAGE_HTML = "coverage.html"
INDEX_HTML = "index.html"

# Display geometry is simplified at ~1 m and rounded to 5 decimals (~1 m): the
# geocodes are good to tens of metres at best, and this keeps the maps small.
SIMPLIFY_TOLERANCE_M = 1.0
DISPLAY_PRECISION = 5
MAX_CLASSES = 5
MAX_OPEN_LAYER_LIST = 8

APPROXIMATE_LABEL = "街道 boundaries: approximate (not official)"
OFFICIAL_LABEL = "街道 boundaries: official"

# One colour per category, distinct within each group (roads, facilities, areas).
CATEGORY_COLOURS = {
    "road_rebuild": "#c0392b", "road_greening": "#2e8b57", "road_new": "#2b6cb0",
    "bridge": "#8c564b", "rail": "#6a3d9a",
    "sanitation": "#6b6b6b", "market": "#b8860b", "commercial": "#ff7f0e", "school": "#1f77b4",
    "health": "#d62728", "culture": "#9467bd", "sports": "#17becf", "welfare": "#e377c2",
    "transport": "#393b79", "utility": "#8c6d31",
    "park": "#2ca02c", "water": "#1f9bd7", "village": "#bcbd22", "area": "#ff9896",
}
DEFAULT_COLOUR = "#555555"

# Road line styles by what is done to the road (the action), so a planner sees at a
# glance which streets are rebuilt, greened or newly built.
LINE_STYLES = {
    "rebuild": {"label": "改造 Rebuild (solid, thick)", "color": "#c0392b", "weight": 6, "dashArray": None},
    "greening": {"label": "绿化 Greening (green, dashed)", "color": "#2e8b57", "weight": 4, "dashArray": "8 6"},
    "new": {"label": "新建 New road (dash-dot)", "color": "#2b6cb0", "weight": 5, "dashArray": "12 5 2 5"},
}
_GREENING_WORDS = ("绿",)
_NEW_WORDS = ("新建", "打通", "建成", "开工", "延长", "贯通")
_REBUILD_WORDS = ("改造", "提升", "改扩建", "整治", "大修", "拓宽", "翻新")

# Sequential palettes (ColorBrewer YlOrRd and Blues, 5 classes) for the choropleths;
# hard-coded rather than branca colormaps, which pull d3 from a CDN.
PROJECT_PALETTE = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"]
ROAD_PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
NO_DATA_COLOUR = "#d9d9d9"

_COVERAGE_BASE_COLUMNS = ("code", "name", "projects", "road_km_rebuild", "road_km_greening")
_ZONE_COLUMNS = ("code", "name", "boundary_quality")


def render_maps(projects, zones, outline, coverage, out_dir, *, basemap="osm", offline=False, title=None):
    """Write the project map, the coverage map and an index page into ``out_dir``.

    Parameters
    ----------
    projects : geopandas.GeoDataFrame
        Flat project layer from :func:`geo.catalog.features_to_gdf` (columns
        :data:`geo.catalog.LAYER_COLUMNS`, EPSG:4326). Rows without geometry are not
        drawn; the legend counts them.
    zones : geopandas.GeoDataFrame
        街道 polygons: code, name, boundary_quality, source, geometry (EPSG:4326).
    outline : geopandas.GeoDataFrame
        The district outline, one row with a ``name`` column (EPSG:4326).
    coverage : pandas.DataFrame
        One row per 街道: code, name, projects, one count column per category code,
        road_km_rebuild, road_km_greening.
    out_dir : str or pathlib.Path
        Output directory (created if missing).
    basemap : {"osm", "amap", "tianditu", "none"}, default "osm"
        Background tiles. ``amap`` shifts display copies of all overlays to GCJ-02 so
        they sit right on Amap tiles; ``tianditu`` reads its key from ``TIANDITU_KEY``.
    offline : bool, default False
        Inline Leaflet's JavaScript and CSS so each map is one self-contained file
        that draws its overlays with no network (tiles are then simply absent).
    title : str, optional
        Page title; defaults to one naming the district.

    Returns
    -------
    list of pathlib.Path
        projects.html, coverage.html and index.html, in that order.

    Raises
    ------
    ValueError
        Unknown ``basemap``.
    geo.io.InputError
        ``basemap="tianditu"`` without ``TIANDITU_KEY``, or inputs missing columns.
    """
    tiles = _tile_layers(basemap)
    if offline:
        _leaflet_dir()  # fail before writing anything if the assets are missing
    projects = _to_wgs84(_require_columns(projects, ("id", "name", "category", "action"), "projects layer"))
    zones = _to_wgs84(_require_columns(zones, _ZONE_COLUMNS, "街道 layer"))
    outline = _to_wgs84(_require_columns(outline, ("name",), "district outline"))
    coverage = _require_columns(coverage, _COVERAGE_BASE_COLUMNS, "coverage table")
    district = str(outline["name"].iloc[0]) if len(outline) else ""
    title = title or f"{district} 政府工作报告项目 Work-report projects".strip()
    out_dir = Path(out_dir)

    shift = basemap == "amap"
    zone_geoms = _display_geometries(zones.geometry, shift=shift, coverage=True)
    outline_geoms = _display_geometries(outline.geometry, shift=shift)
    project_geoms = _display_geometries(projects.geometry, shift=shift)
    approximate = _boundaries_approximate(zones)

    projects_html = _projects_map(projects, project_geoms, zones, zone_geoms, outline, outline_geoms,
                                  tiles=tiles, offline=offline, title=title, approximate=approximate,
                                  shifted=shift)
    coverage_html = _coverage_map(zones, zone_geoms, outline, outline_geoms, coverage,
                                  tiles=tiles, offline=offline, title=title, approximate=approximate,
                                  shifted=shift)
    paths = [
        write_text_atomic(out_dir / PROJECTS_HTML, projects_html),
        write_text_atomic(out_dir / COVERAGE_HTML, coverage_html),
    ]
    index_html = _index_html(out_dir, title, basemap, offline, approximate)
    paths.append(write_text_atomic(out_dir / INDEX_HTML, index_html))
    return [Path(p) for p in paths]


def map_sizes(out_dir) -> dict:
    """Sizes in bytes of the rendered HTML files present in ``out_dir``.

    Parameters
    ----------
    out_dir : str or pathlib.Path
        A directory written by :func:`render_maps`.

    Returns
    -------
    dict
        ``{"projects.html": 123456, ...}`` for each of projects.html, coverage.html and
        index.html that exists, in that order.
    """
    out_dir = Path(out_dir)
    return {name: (out_dir / name).stat().st_size
            for name in (PROJECTS_HTML, COVERAGE_HTML, INDEX_HTML) if (out_dir / name).is_file()}


def check_basemap(basemap) -> None:
    """Fail early, before any work, if ``basemap`` cannot be rendered.

    Parameters
    ----------
    basemap : str
        One of :data:`BASEMAPS`.

    Raises
    ------
    ValueError
        Unknown basemap.
    geo.io.InputError
        ``tianditu`` without a usable ``TIANDITU_KEY`` environment variable.
    """
    _tile_layers(basemap)


# --------------------------------------------------------------------------- inputs


def _require_columns(frame, columns, what):
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(None, f"{what} lacks column(s): {', '.join(missing)}")
    return frame


def _to_wgs84(gdf):
    # The contract is EPSG:4326; a frame without a CRS is taken to be in it.
    if gdf.crs is None:
        return gdf.set_crs(4326)
    if gdf.crs.to_epsg() != 4326:
        return gdf.to_crs(4326)
    return gdf


def _boundaries_approximate(zones) -> bool:
    qualities = {str(q).strip().lower() for q in zones["boundary_quality"]}
    return not qualities or qualities != {"official"}


def _tile_layers(basemap):
    """Tile layer definitions for a basemap name (validated before any work is done)."""
    if basemap not in BASEMAPS:
        raise ValueError(f"unknown basemap {basemap!r} (use one of: {', '.join(BASEMAPS)})")
    if basemap == "none":
        return []
    if basemap == "osm":
        import xyzservices.providers as xyz

        provider = xyz.OpenStreetMap.Mapnik
        return [{"url": provider.build_url(), "attr": provider.html_attribution,
                 "max_zoom": int(provider.get("max_zoom", 19))}]
    if basemap == "amap":
        import xyzservices.providers as xyz

        provider = xyz.Gaode.Normal
        # xyzservices lists one plain-http host; the same tiles are served over https
        # from four hosts, which also avoids mixed-content blocking on https pages.
        url = provider.build_url().replace("http://webrd01.", "https://webrd0{s}.")
        return [{"url": url, "attr": provider.html_attribution, "max_zoom": int(provider.get("max_zoom", 18)),
                 "subdomains": "1234"}]
    key = os.environ.get("TIANDITU_KEY", "").strip()
    if not key:
        raise InputError(None, "basemap tianditu needs a Tianditu API key: set TIANDITU_KEY=<your key> "
                               "(or use --basemap osm, amap or none)")
    if not re.fullmatch(r"[A-Za-z0-9]+", key):
        raise InputError(None, "TIANDITU_KEY must contain only letters and digits")
    wmts = ("https://t{s}.tianditu.gov.cn/%s_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=%s"
            "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=" + key)
    attr = '&copy; <a href="https://www.tianditu.gov.cn/">天地图 Tianditu</a>'
    # Vector base plus the Chinese annotation layer drawn on top of it.
    return [{"url": wmts % ("vec", "vec"), "attr": attr, "max_zoom": 18, "subdomains": "01234567"},
            {"url": wmts % ("cva", "cva"), "attr": attr, "max_zoom": 18, "subdomains": "01234567"}]


# --------------------------------------------------------------------------- geometry


def _display_geometries(geoseries, *, shift=False, coverage=False):
    """Simplified (~1 m) WGS-84 display copies, shifted to GCJ-02 for Amap; None kept.

    ``coverage=True`` simplifies the polygons as a coverage, so neighbouring 街道 keep
    exactly shared edges (no slivers or gaps on screen).
    """
    import numpy as np
    import shapely

    from geo.crs import convert_geoseries, from_metric, to_metric

    series = geoseries.copy()
    present = np.array([g is not None and not g.is_empty for g in series.values], dtype=bool)
    if present.any():
        metric = to_metric(series[present])
        values = np.asarray(metric.values)
        simplified = None
        if coverage:
            try:
                if bool(shapely.coverage_is_valid(values)):
                    simplified = shapely.coverage_simplify(values, SIMPLIFY_TOLERANCE_M)
            except Exception:  # GEOS refuses some coverages; fall back to per-polygon simplification
                simplified = None
        if simplified is None:
            simplified = shapely.simplify(values, SIMPLIFY_TOLERANCE_M, preserve_topology=True)
        metric[:] = simplified
        series[present] = from_metric(metric).values
    series = series.set_crs(4326, allow_override=True) if series.crs is None else series.to_crs(4326)
    if shift and present.any():
        series[present] = convert_geoseries(series[present], "wgs84", "gcj02").values
    return list(series.values)


def _geojson(geom):
    from geo.io import geometry_to_geojson

    return geometry_to_geojson(geom, precision=DISPLAY_PRECISION)


def _bounds(geoms):
    """[[south, west], [north, east]] of the non-empty geometries, or None."""
    import shapely

    geoms = [g for g in geoms if g is not None and not g.is_empty]
    if not geoms:
        return None
    x0, y0, x1, y1 = shapely.total_bounds(geoms)
    return [[round(float(y0), DISPLAY_PRECISION), round(float(x0), DISPLAY_PRECISION)],
            [round(float(y1), DISPLAY_PRECISION), round(float(x1), DISPLAY_PRECISION)]]


# --------------------------------------------------------------------------- the project map


def _projects_map(projects, project_geoms, zones, zone_geoms, outline, outline_geoms, *,
                  tiles, offline, title, approximate, shifted):
    import folium
    from folium.utilities import JsCode

    from geo.data import category_codes

    m = _new_map(tiles, _bounds(outline_geoms) or _bounds(zone_geoms) or _bounds(project_geoms), title)
    _add_zones(m, zones, zone_geoms, approximate)
    _add_outline(m, outline, outline_geoms)

    rows = _project_rows(projects, project_geoms)
    order = {code: i for i, code in enumerate(category_codes())}
    categories = sorted({r["category"] for r in rows}, key=lambda c: (order.get(c, len(order)), c))
    legend_layers = []
    styles_used = set()
    for category in categories:
        members = [r for r in rows if r["category"] == category]
        features = []
        line_styles = []
        for row in members:
            style, style_key = _feature_style(row)
            if style_key:
                styles_used.add(style_key)
            if "Line" in row["geometry"].geom_type:
                line_styles.append((style["color"], style["weight"], style.get("dashArray")))
            features.append({"type": "Feature", "geometry": _geojson(row["geometry"]),
                             "properties": {"id": row["id"], "label": html.escape(row["name"]),
                                            "popup": _popup_html(row), "style": style}})
        label = f"{_category_label(category)} ({len(features)})"
        colour = CATEGORY_COLOURS.get(category, DEFAULT_COLOUR)
        folium.GeoJson(
            {"type": "FeatureCollection", "name": f"projects:{category}", "features": features},
            name=html.escape(label),
            marker=folium.CircleMarker(radius=7, color="#ffffff", weight=2, fill=True,
                                       fill_color=colour, fill_opacity=0.9),
            on_each_feature=JsCode(
                "function(feature, layer) {"
                " layer.bindPopup(feature.properties.popup, {maxWidth: 360});"
                " layer.bindTooltip(feature.properties.label); }"),
            geo_layer=f"projects:{category}",
        ).add_to(m)
        if line_styles:  # the legend shows the line style most of the category is drawn with
            swatch = _line_swatch(*max(sorted(set(line_styles)), key=line_styles.count))
        else:
            swatch = _swatch(_category_geometry(members), colour)
        legend_layers.append((label, swatch))

    unlocated = sum(1 for g in project_geoms if g is None or g.is_empty)
    # An open layer list is handiest, but past a screenful it would cover the map.
    folium.LayerControl(collapsed=len(categories) > MAX_OPEN_LAYER_LIST).add_to(m)
    _add_label_zoom_classes(m)
    _add_legend(m, _projects_legend_html(title, legend_layers, styles_used, approximate, shifted,
                                         unlocated, len(project_geoms)))
    return _render(m, offline)


def _project_rows(projects, geoms):
    """Plain dicts of the located projects, sorted by (category, id) for stable output."""
    import pandas as pd

    rows = []
    for record, geom in zip(projects.drop(columns=projects.geometry.name).to_dict("records"), geoms):
        if geom is None or geom.is_empty:
            continue
        row = {k: (None if _is_missing(v, pd) else v) for k, v in record.items()}
        row["geometry"] = geom
        for key in ("id", "name", "category", "action"):
            row[key] = "" if row.get(key) is None else str(row[key])
        rows.append(row)
    rows.sort(key=lambda r: (r["category"], r["id"], r["name"]))
    return rows


def _is_missing(value, pd):
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and dicts are never "missing"
        return False


def _category_label(code):
    from geo.data import category_label

    return category_label(code)


def _category_geometry(members):
    """'polygon' if any member is drawn as an area, else 'point' (lines are handled apart)."""
    return "polygon" if any("Polygon" in r["geometry"].geom_type for r in members) else "point"


def _line_style_key(category, action):
    if category == "road_greening" or any(w in action for w in _GREENING_WORDS):
        return "greening"
    if category == "road_new" or any(w in action for w in _NEW_WORDS):
        return "new"
    if category == "road_rebuild" or any(w in action for w in _REBUILD_WORDS):
        return "rebuild"
    return None


def _feature_style(row):
    """Leaflet path style for one project, and the road style key it used (or None)."""
    colour = CATEGORY_COLOURS.get(row["category"], DEFAULT_COLOUR)
    kind = row["geometry"].geom_type
    if "Line" in kind:
        key = _line_style_key(row["category"], row["action"]) if row["category"].startswith("road") else None
        if key:
            spec = LINE_STYLES[key]
            style = {"color": spec["color"], "weight": spec["weight"], "opacity": 0.9}
            if spec["dashArray"]:
                style["dashArray"] = spec["dashArray"]
            return style, key
        return {"color": colour, "weight": 4, "opacity": 0.9}, None
    if "Polygon" in kind:
        return {"color": colour, "weight": 2, "fillColor": colour, "fillOpacity": 0.3}, None
    return {"color": "#ffffff", "weight": 2, "fillColor": colour, "fillOpacity": 0.9, "radius": 7}, None


def _popup_html(row):
    """Popup content: every value HTML-escaped, so report text can never become markup."""
    e = html.escape
    lines = [f"<b>{e(row['name'])}</b>"]
    lines.append(f"类别 Category: {e(_category_label(row['category']))}")
    if row.get("action"):
        lines.append(f"行动 Action: {e(row['action'])}")
    if row.get("quantity_value") is not None:
        unit = str(row.get("quantity_unit") or "")
        lines.append(f"数量 Quantity: {e(_number(row['quantity_value']))} {e(unit)}")
    if row.get("length_km") is not None and "Line" in row["geometry"].geom_type:
        lines.append(f"长度 Length: {e(_number(row['length_km']))} km")
    if row.get("subdistrict_names"):
        lines.append(f"街道 Subdistrict: {e(str(row['subdistrict_names']).replace(';', '、'))}")
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


def _number(value):
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _projects_legend_html(title, layers, styles_used, approximate, shifted, unlocated, total):
    e = html.escape
    parts = [f"<div class='geo-legend-title'>{e(title)}</div>"]
    for label, swatch in layers:
        parts.append(f"<div class='geo-legend-row'>{swatch} {e(label)}</div>")
    if styles_used:
        parts.append("<div class='geo-legend-head'>道路线型 Road line styles</div>")
        for key in ("rebuild", "greening", "new"):
            if key in styles_used:
                spec = LINE_STYLES[key]
                swatch = _line_swatch(spec["color"], spec["weight"], spec["dashArray"])
                parts.append(f"<div class='geo-legend-row'>{swatch} {e(spec['label'])}</div>")
    parts.append(_zone_legend_rows(approximate))
    if unlocated:
        parts.append(f"<div class='geo-legend-note'>{unlocated} of {total} projects not located (not drawn) "
                     f"未定位项目未绘制</div>")
    if shifted:
        parts.append("<div class='geo-legend-note'>Overlays shown in GCJ-02 to match Amap tiles "
                     "(stored layers stay WGS-84)</div>")
    return "".join(parts)


# --------------------------------------------------------------------------- the coverage map


def _coverage_map(zones, zone_geoms, outline, outline_geoms, coverage, *, tiles, offline, title,
                  approximate, shifted):
    import folium
    from folium.utilities import JsCode

    m = _new_map(tiles, _bounds(outline_geoms) or _bounds(zone_geoms), title)
    table = _coverage_by_code(coverage)
    rows = []
    for record, geom in zip(zones.drop(columns=zones.geometry.name).to_dict("records"), zone_geoms):
        if geom is None or geom.is_empty:
            continue
        rows.append((str(record["code"]), str(record["name"]), geom, table.get(str(record["code"]))))
    rows.sort(key=lambda r: r[0])

    project_values = [r[3]["projects"] for r in rows if r[3] is not None]
    road_values = [r[3]["road_km"] for r in rows if r[3] is not None]
    project_classes = _classify(project_values, integer=True)
    road_classes = _classify(road_values, integer=False)

    layers = [
        ("projects", "项目数 Projects per 街道", project_classes, PROJECT_PALETTE, True),
        ("road_km", "道路工程 Road works km (rebuild + greening) per 街道", road_classes, ROAD_PALETTE, False),
    ]
    dash = "6 4" if approximate else None
    for field, label, classes, palette, show in layers:
        colours = _class_colours(palette, len(classes["bins"]))
        features = []
        for code, name, geom, values in rows:
            if values is None:
                fill = NO_DATA_COLOUR
                props = {"name": html.escape(name), "projects": "–", "road_km": "–",
                         "road_km_rebuild": "–", "road_km_greening": "–", "by_category": "no data 无数据"}
            else:
                fill = colours[_class_index(values[field], classes["bins"])]
                props = {"name": html.escape(name), "projects": values["projects"],
                         "road_km": values["road_km"], "road_km_rebuild": values["road_km_rebuild"],
                         "road_km_greening": values["road_km_greening"],
                         "by_category": html.escape(values["by_category"]) or "–"}
            style = {"color": "#444444", "weight": 1.5, "fillColor": fill, "fillOpacity": 0.7}
            if dash:
                style["dashArray"] = dash
            props["code"] = html.escape(code)
            props["label"] = html.escape(name)
            props["minzoom"] = _label_min_zoom(name, geom)
            props["style"] = style
            features.append({"type": "Feature", "geometry": _geojson(geom), "properties": props})
        folium.GeoJson(
            {"type": "FeatureCollection", "name": f"coverage:{field}", "features": features},
            name=html.escape(label),
            show=show,
            tooltip=folium.GeoJsonTooltip(
                fields=["name", "projects", "road_km", "road_km_rebuild", "road_km_greening", "by_category"],
                aliases=["街道", "项目 Projects", "道路 Road km", "改造 Rebuild km", "绿化 Greening km",
                         "类别 By category"],
                class_name="geo-tooltip"),
            # 街道 names on the layer shown first only, so they are not printed twice.
            on_each_feature=JsCode(_ZONE_LABEL_JS) if show else None,
            geo_layer=f"coverage:{field}",
        ).add_to(m)
    _add_outline(m, outline, outline_geoms)
    folium.LayerControl(collapsed=False).add_to(m)

    e = html.escape
    parts = [f"<div class='geo-legend-title'>{e(title)}</div>"]
    for field, label, classes, palette, _show in layers:
        colours = _class_colours(palette, len(classes["bins"]))
        parts.append(f"<div class='geo-legend-head'>{e(label)}</div>")
        for colour, text in zip(colours, classes["labels"]):
            parts.append(f"<div class='geo-legend-row'>{_box_swatch(colour)} {e(text)}</div>")
        parts.append(f"<div class='geo-legend-note'>{e(classes['rule'])}</div>")
    if any(r[3] is None for r in rows):
        parts.append(f"<div class='geo-legend-row'>{_box_swatch(NO_DATA_COLOUR)} no data 无数据</div>")
    parts.append(_zone_legend_rows(approximate))
    if shifted:
        parts.append("<div class='geo-legend-note'>Overlays shown in GCJ-02 to match Amap tiles "
                     "(stored layers stay WGS-84)</div>")
    _add_label_zoom_classes(m)
    _add_legend(m, "".join(parts))
    return _render(m, offline)


def _coverage_by_code(coverage):
    """{code: {projects, road_km, road_km_rebuild, road_km_greening, by_category}} from the table."""
    from geo.data import category_codes

    codes = [c for c in category_codes() if c in coverage.columns]
    out = {}
    for record in coverage.to_dict("records"):
        rebuild = _float(record.get("road_km_rebuild"))
        greening = _float(record.get("road_km_greening"))
        counts = [(c, int(_float(record.get(c)))) for c in codes]
        out[str(record["code"])] = {
            "projects": int(_float(record.get("projects"))),
            "road_km_rebuild": round(rebuild, 2),
            "road_km_greening": round(greening, 2),
            "road_km": round(rebuild + greening, 2),
            "by_category": "; ".join(f"{_category_label(c)} {n}" for c, n in counts if n),
        }
    return out


def _float(value):
    try:
        value = float(value)
    except (TypeError, ValueError):
        return 0.0
    return value if value == value else 0.0  # NaN -> 0


def _classify(values, *, integer):
    """Class breaks for a choropleth: Fisher-Jenks with k<=5, or one class per value when few.

    Returns {"bins": upper bounds, "labels": legend texts, "rule": how they were chosen}.
    """
    distinct = sorted(set(values))
    if not distinct:
        return {"bins": [0], "labels": ["0"], "rule": "no data"}
    if len(distinct) <= MAX_CLASSES:
        bins = distinct
        labels = [_fmt(v, integer) for v in bins]
        rule = f"classes: one per distinct value ({len(distinct)} values ≤ {MAX_CLASSES})"
        return {"bins": bins, "labels": labels, "rule": rule}
    bins = fisher_jenks_breaks(values, MAX_CLASSES)
    labels = []
    low = distinct[0]
    for upper in bins:
        labels.append(f"{_fmt(low, integer)}–{_fmt(upper, integer)}" if upper != low else _fmt(upper, integer))
        above = [v for v in distinct if v > upper]
        low = above[0] if above else upper
    return {"bins": bins, "labels": labels, "rule": f"classes: Fisher-Jenks natural breaks, k={len(bins)}"}


def fisher_jenks_breaks(values, k):
    """Exact Fisher-Jenks natural breaks: upper bounds of ``k`` classes minimising within-class variance.

    The same optimum as ``mapclassify.FisherJenks`` (deterministic, unlike k-means based
    NaturalBreaks), computed by dynamic programming over the sorted values. Written here
    because importing mapclassify pulls in scipy and scikit-learn and would double the
    time of ``geo build``; a few dozen 街道 need no more than this.
    """
    import numpy as np

    x = np.sort(np.asarray(values, dtype=float))
    n = len(x)
    k = min(k, len(np.unique(x)))
    if k <= 1:
        return [float(x[-1])]
    prefix = np.concatenate([[0.0], np.cumsum(x)])
    prefix_sq = np.concatenate([[0.0], np.cumsum(x * x)])

    def sse(i, j):  # squared deviations of x[i:j] around its mean
        total = prefix[j] - prefix[i]
        return prefix_sq[j] - prefix_sq[i] - total * total / (j - i)

    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(k + 1)]
    split = [[0] * (n + 1) for _ in range(k + 1)]
    cost[0][0] = 0.0
    for classes in range(1, k + 1):
        for end in range(classes, n + 1):
            for start in range(classes - 1, end):
                value = cost[classes - 1][start] + sse(start, end)
                if value < cost[classes][end] - 1e-12:
                    cost[classes][end], split[classes][end] = value, start
    bounds, end = [], n
    for classes in range(k, 0, -1):
        bounds.append(float(x[end - 1]))
        end = split[classes][end]
    return sorted(bounds)


def _fmt(value, integer):
    return str(int(round(value))) if integer else f"{value:.2f}"


def _class_index(value, bins):
    for i, upper in enumerate(bins):
        if value <= upper + 1e-9:
            return i
    return len(bins) - 1


def _class_colours(palette, n):
    """n colours spread over a 5-colour sequential palette (light to dark)."""
    if n <= 1:
        return [palette[0]]
    return [palette[round(i * (len(palette) - 1) / (n - 1))] for i in range(n)]


# --------------------------------------------------------------------------- shared map parts


_CSS = """
.geo-legend{background:rgba(255,255,255,.92);padding:6px 9px;border-radius:4px;
 box-shadow:0 1px 4px rgba(0,0,0,.35);max-width:300px;
 font:12px/1.45 -apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
 max-height:65vh;overflow-y:auto}
.geo-legend-title{font-weight:bold;font-size:13px;margin-bottom:3px}
.geo-legend-head{font-weight:bold;margin-top:5px}
.geo-legend-note{color:#555;font-size:11px;margin-top:3px}
.geo-legend-row svg{vertical-align:middle}
.geo-quote{margin-top:4px;padding-left:6px;border-left:3px solid #bbb;color:#333}
.leaflet-tooltip.geo-zone-label{background:transparent;border:0;box-shadow:none;color:#333;font-weight:bold;
 text-shadow:0 0 3px #fff,0 0 3px #fff}
"""


def _new_map(tiles, bounds, title):
    """A folium Map fitted to ``bounds`` (the district), with scale bar, tiles and the shared CSS."""
    import folium
    from branca.element import Element

    bounds = bounds or [[36.6, 116.9], [36.8, 117.1]]  # nothing to draw: central Jinan
    centre = [round((bounds[0][0] + bounds[1][0]) / 2, DISPLAY_PRECISION),
              round((bounds[0][1] + bounds[1][1]) / 2, DISPLAY_PRECISION)]
    m = folium.Map(location=centre, zoom_start=13, tiles=None, control_scale=True)
    for spec in tiles:
        kwargs = {"subdomains": spec["subdomains"]} if "subdomains" in spec else {}
        folium.TileLayer(tiles=spec["url"], attr=spec["attr"], max_zoom=spec["max_zoom"],
                         control=False, **kwargs).add_to(m)
    m.fit_bounds(bounds)
    figure = m.get_root()
    figure.title = html.escape(title)
    figure.header.add_child(Element(f"<style>{_CSS}</style>"), name="geo_css")
    return m


# Each 街道 gets its own permanent label; a tooltip bound to the whole layer group
# would show only one.
_ZONE_LABEL_JS = (
    "function(feature, layer) { layer.bindTooltip(feature.properties.label,"
    " {permanent: true, direction: 'center',"
    " className: 'geo-zone-label geo-minzoom-' + (feature.properties.minzoom || 0)}); }")

# Labels of small 街道 would pile up when zoomed out (the old city's 街道 are 1-2 km
# across): each label has a minimum zoom at which its 街道 is wider than the label,
# and the map container carries its current zoom as a class that hides the others.
_MAX_LABEL_ZOOM = 18
_LABEL_ZOOM_CSS = "".join(
    f".geo-zoom-{zoom} .geo-minzoom-{min_zoom}{{display:none}}"
    for zoom in range(_MAX_LABEL_ZOOM) for min_zoom in range(zoom + 1, _MAX_LABEL_ZOOM + 1))


def _label_min_zoom(label, geom):
    """Smallest web-map zoom at which a 街道 of this size is wider on screen than its label."""
    import math

    from geo.crs import metric_geometry

    if geom is None or geom.is_empty:
        return 0
    size_m = math.sqrt(max(metric_geometry(geom).area, 1.0))
    label_px = 13 * len(label) + 8
    metres_per_px_zoom0 = 156_543.03 * math.cos(math.radians(geom.centroid.y))
    zoom = math.ceil(math.log2(label_px * metres_per_px_zoom0 / size_m))
    return max(0, min(_MAX_LABEL_ZOOM, zoom))


def _add_label_zoom_classes(m):
    """Keep a ``geo-zoom-N`` class on the map container so CSS can hide labels too big for it."""
    from branca.element import Element, MacroElement
    from folium.template import Template

    class _LabelZoom(MacroElement):
        _template = Template(
            "{% macro script(this, kwargs) %}\n"
            "(function (map) {\n"
            "  function update() {\n"
            "    var box = map.getContainer();\n"
            "    box.className = box.className.replace(/ ?geo-zoom-[0-9]+/g, '') + ' geo-zoom-' + map.getZoom();\n"
            "  }\n"
            "  map.on('zoomend', update);\n"
            "  update();\n"
            "})({{ this._parent.get_name() }});\n"
            "{% endmacro %}")

        def __init__(self):
            super().__init__()
            self._name = "LabelZoom"

    m.get_root().header.add_child(Element(f"<style>{_LABEL_ZOOM_CSS}</style>"), name="geo_label_zoom_css")
    m.add_child(_LabelZoom())


def _add_zones(m, zones, zone_geoms, approximate):
    import folium
    from folium.utilities import JsCode

    features = []
    records = zones.drop(columns=zones.geometry.name).to_dict("records")
    for record, geom in sorted(zip(records, zone_geoms), key=lambda p: str(p[0]["code"])):
        if geom is None or geom.is_empty:
            continue
        features.append({"type": "Feature", "geometry": _geojson(geom),
                         "properties": {"code": html.escape(str(record["code"])),
                                        "label": html.escape(str(record["name"])),
                                        "minzoom": _label_min_zoom(str(record["name"]), geom)}})
    style = {"color": "#555555", "weight": 2, "fill": False}
    if approximate:
        style["dashArray"] = "6 5"
    name = "街道 boundaries (approximate)" if approximate else "街道 boundaries (official)"
    folium.GeoJson(
        {"type": "FeatureCollection", "name": "zones", "features": features},
        name=name,
        style_function=lambda _feature, style=style: dict(style),
        interactive=False,
        on_each_feature=JsCode(_ZONE_LABEL_JS),
        geo_layer="zones",
    ).add_to(m)


def _add_outline(m, outline, outline_geoms):
    import folium

    features = [{"type": "Feature", "geometry": _geojson(g), "properties": {"label": html.escape(str(n))}}
                for n, g in zip(outline["name"], outline_geoms) if g is not None and not g.is_empty]
    folium.GeoJson(
        {"type": "FeatureCollection", "name": "outline", "features": features},
        name="区界 District outline",
        style_function=lambda _feature: {"color": "#222222", "weight": 3, "fill": False},
        interactive=False,
        geo_layer="outline",
    ).add_to(m)


def _zone_legend_rows(approximate):
    if approximate:
        return f"<div class='geo-legend-row'>{_line_swatch('#555555', 2, '6 5')} {html.escape(APPROXIMATE_LABEL)}</div>"
    return f"<div class='geo-legend-row'>{_line_swatch('#555555', 2, None)} {html.escape(OFFICIAL_LABEL)}</div>"


def _line_swatch(colour, weight, dash):
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<svg width="34" height="12"><line x1="1" y1="6" x2="33" y2="6" stroke="{colour}" '
            f'stroke-width="{min(weight, 6)}"{dash_attr}/></svg>')


def _box_swatch(colour):
    return f'<svg width="18" height="12"><rect x="1" y="1" width="16" height="10" fill="{colour}" stroke="#444"/></svg>'


def _swatch(geometry, colour):
    if geometry == "line":
        return _line_swatch(colour, 4, None)
    if geometry == "polygon":
        return _box_swatch(colour)
    return (f'<svg width="18" height="14"><circle cx="9" cy="7" r="5.5" fill="{colour}" '
            'stroke="#fff" stroke-width="1.5"/></svg>')


def _add_legend(m, legend_html):
    """A Leaflet control holding the legend; its HTML reaches the page as a JSON string."""
    from branca.element import MacroElement
    from folium.template import Template

    class _Legend(MacroElement):
        _template = Template(
            "{% macro script(this, kwargs) %}\n"
            "var {{ this.get_name() }} = L.control({position: 'bottomleft'});\n"
            "{{ this.get_name() }}.onAdd = function () {\n"
            "  var div = L.DomUtil.create('div', 'geo-legend');\n"
            "  div.innerHTML = {{ this.legend_html|tojson }};\n"
            "  L.DomEvent.disableClickPropagation(div);\n"
            "  return div;\n"
            "};\n"
            "{{ this.get_name() }}.addTo({{ this._parent.get_name() }});\n"
            "{% endmacro %}")

        def __init__(self, text):
            super().__init__()
            self._name = "Legend"
            self.legend_html = text

    m.add_child(_Legend(legend_html))


# --------------------------------------------------------------------------- output


_ASSET_MARK = "<!--geo-inline-assets-->"


def _render(m, offline):
    """Render a map to HTML with sequential element ids and only the assets it uses."""
    from branca.element import Element
    from folium.folium import _default_css, _default_js

    # Only Leaflet itself is used: no awesome-markers, so no jQuery, Bootstrap or
    # Font Awesome (folium links them all by default).
    if offline:
        m.default_js, m.default_css = [], []
        m.get_root().header.add_child(Element(_ASSET_MARK), name="geo_assets")
    else:
        m.default_js = [p for p in _default_js if p[0] == "leaflet"]
        m.default_css = [p for p in _default_css if p[0] == "leaflet_css"]
    figure = m.get_root()
    _assign_ids(figure)
    with _compact_json():
        text = figure.render()
    text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    if offline:
        text = text.replace(_ASSET_MARK, _inline_assets(), 1)
    return text


def _assign_ids(root):
    """Replace folium's random element ids with sequential ones, depth first.

    Children keyed by their old generated name are re-keyed with the new one, so
    nothing random survives into the rendered page.
    """
    from collections import OrderedDict

    from branca.element import Element

    counter = iter(range(1, 1_000_000))

    def visit(element):
        element._id = f"{next(counter):04d}"
        for part in ("header", "html", "script"):  # a Figure's three sections
            section = getattr(element, part, None)
            if isinstance(section, Element):
                visit(section)
        renamed = OrderedDict()
        for key, child in list(element._children.items()):
            generated = key == child.get_name()
            visit(child)
            renamed[child.get_name() if generated else key] = child
        element._children = renamed

    visit(root)


@contextlib.contextmanager
def _compact_json():
    """Make folium's ``tojson`` filter emit compact UTF-8 JSON while rendering.

    The default spells every CJK character as a 6-byte ``\\uXXXX`` escape and pads
    every separator; the page is UTF-8, so this halves Chinese text and trims about a
    tenth off coordinates. ``<``, ``>``, ``&`` and ``'`` stay escaped (Jinja's
    html-safe dumps), so embedded strings still cannot close the script. The setting
    lives on folium's shared Jinja environment, so it is restored afterwards.
    """
    from folium.template import Template

    policies = Template("").environment.policies
    saved = policies.get("json.dumps_kwargs")
    policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":"), "ensure_ascii": False}
    try:
        yield
    finally:
        policies["json.dumps_kwargs"] = saved


def _leaflet_dir():
    try:
        import xstatic.pkg.leaflet as leaflet
    except ImportError:
        raise InputError(None, "offline maps need the xstatic-leaflet package (pip install xstatic-leaflet)") from None
    return Path(leaflet.BASE_DIR)


def _inline_assets():
    """Leaflet's JS and CSS as inline tags, its control images as data: URIs."""
    import base64

    base = _leaflet_dir()
    js = (base / "leaflet.js").read_text(encoding="utf-8")
    css = (base / "leaflet.css").read_text(encoding="utf-8")
    js = re.sub(r"//# sourceMappingURL=\S+", "", js)
    # The layer-control icon is the only image this page can show; marker images are
    # unused (CircleMarkers), so their URLs are dropped rather than left dangling.
    for name in ("layers.png", "layers-2x.png"):
        data = base64.b64encode((base / "images" / name).read_bytes()).decode("ascii")
        css = css.replace(f"url(images/{name})", f"url(data:image/png;base64,{data})")
    css = css.replace("url(images/marker-icon.png)", "none")
    # An inline script ends at the first "</script"; Leaflet contains none, but make sure.
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    return f"<style>\n{css}\n</style>\n<script>\n{js}\n</script>"


def _index_html(out_dir, title, basemap, offline, approximate):
    e = html.escape
    links = [(PROJECTS_HTML, "项目地图 Project map"), (COVERAGE_HTML, "街道覆盖 Coverage by 街道")]
    for name, label in (("coverage.md", "覆盖统计 Coverage table (Markdown)"),
                        ("coverage.csv", "覆盖统计 Coverage table (CSV)")):
        if (Path(out_dir) / name).is_file():
            links.append((name, label))
    items = "\n".join(f'<li><a href="{e(href)}">{e(label)}</a></li>' for href, label in links)
    mode = "maps are self-contained (work offline)" if offline else "maps load Leaflet and tiles from the web"
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{e(title)}</title>\n"
        "<style>body{font:15px/1.6 -apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;"
        "margin:2em auto;max-width:40em;padding:0 1em}</style>\n</head>\n<body>\n"
        f"<h1>{e(title)}</h1>\n<ul>\n{items}\n</ul>\n"
        f"<p>Basemap: {e(basemap)}; {e(mode)}. "
        f"{e(APPROXIMATE_LABEL if approximate else OFFICIAL_LABEL)}.</p>\n"
        "</body>\n</html>\n"
    )
