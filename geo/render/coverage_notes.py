"""The coverage map's word on the 街道 as drawn: where two overlap (a layer and a note) and projects along a shared edge."""

from __future__ import annotations

import shapely

from geo.render import display, style
from geo.safe_text import page_text

OVERLAP_LAYER_KEY = "zoneOverlaps"
OVERLAP_LAYER = "街道重叠 Where two 街道 overlap"
OVERLAP_COLOUR = "#6a3d9a"  # purple: in neither choropleth's palette
OVERLAP_STYLE = {"color": OVERLAP_COLOUR, "weight": 2, "dashArray": "4 3", "fillColor": OVERLAP_COLOUR,
                 "fillOpacity": 0.45}
OVERLAP_PANE = "geoAbove"  # drawn over the choropleths whichever is shown (geo_map.js makes the pane)
OVERLAP_TITLE = "街道重叠 Where 街道 overlap"
OVERLAP_RULE = ("What lies where two 街道 overlap counts once, in the 街道 of the smaller code (a GIS overlay taking "
                "each as drawn counts it in both) · 重叠处的项目只计入代码较小的街道")
EDGE_TITLE = "共用边界上的项目 Projects along an edge two 街道 share"
EDGE_RULE = "Counted in one 街道 only (the smaller code) · 只计入代码较小的街道"
NO_PROJECT = "无已定位项目 no located project there"
TOOLTIP_PROJECTS = 5  # an overlap's tooltip names this many of the projects lying there, then how many more


def overlap_features(overlaps, zone_geoms: dict, level: str = "街道") -> list:
    """GeoJSON features of the overlaps, each with an escaped hover tooltip naming the pair, the overlap's area,
    the 街道 it counts in and the projects there.

    Parameters
    ----------
    overlaps : list of dict
        :attr:`geo.coverage.CoverageReport.zone_overlaps` (``codes``, ``names``, ``area_m2``, ``counted_in_name``,
        ``projects``).
    zone_geoms : dict
        ``{code: display geometry}`` of the 街道 as the map draws them (shifted to GCJ-02 with the overlays).
    level : str
        The word for the district's zones.

    Returns
    -------
    list of dict
        One feature per pair whose drawn 街道 overlap (a pair simplified apart on the map has none), with
        ``codes`` (the pair, joined by a space) and ``tooltip``.
    """
    features = []
    for row in overlaps or ():
        shapes = [zone_geoms.get(str(code)) for code in row["codes"]]
        if any(shape is None or shape.is_empty for shape in shapes):
            continue
        shared = _polygonal(shapely.intersection(*shapes))
        if shared is None or shared.is_empty:
            continue
        features.append({"type": "Feature", "geometry": display.geojson(shared), "properties": {
            "codes": " ".join(str(code) for code in row["codes"]), "tooltip": _tooltip(row, level)}})
    return features


def overlap_notes(overlaps, level: str = "街道") -> dict | None:
    """The table's note on the overlapping pairs (None when no pair overlaps): ``title``, ``rule`` and ``items``,
    each ``{"codes": [a, b], "overlap": True, "parts": [[kind, text]...]}`` where kind ``name`` is a name from
    the data (shown isolated, as the table's names) and ``text`` geo's words; all set as text by the page."""
    items = []
    for row in overlaps or ():
        parts = _pair(row) + [["text", f": {row['area_m2']:,} m², 计入 counted in "],
                              ["name", _counted(row)], ["text", " · "]]
        parts += _project_parts(row["projects"]) if row["projects"] else [["text", NO_PROJECT]]
        items.append({"codes": [str(code) for code in row["codes"]], "overlap": True, "parts": parts})
    if not items:
        return None
    return {"title": f"{style.zone_words(OVERLAP_TITLE, level)} ({len(items)})",
            "rule": style.zone_words(OVERLAP_RULE, level), "items": items}


def edge_notes(shared_edges, level: str = "街道") -> dict | None:
    """The table's note on the projects lying along an edge two 街道 share or on a corner where they meet (as
    ``coverage.md`` names them; None when there are none), in :func:`overlap_notes`' form."""
    items = []
    for row in shared_edges or ():
        held = [["name", name or code] for name, code in zip(row["names"], row["codes"])]
        parts = [["name", row["name"]], ["text", f" ({_category(row['category'])}): "]]
        parts += [["text", f"{row['km']:.3f} km" if row["km"] is not None else "a point"], ["text", " · "]]
        for i, name in enumerate(held):
            parts += ([["text", " / "]] if i else []) + [name]
        parts += [["text", " · 计入 counted in "], ["name", _counted(row)]]
        items.append({"codes": [str(code) for code in row["codes"]], "parts": parts})
    if not items:
        return None
    return {"title": f"{style.zone_words(EDGE_TITLE, level)} ({len(items)})", "rule": style.zone_words(EDGE_RULE, level),
            "items": items}


def overlap_legend_row(level: str = "街道") -> str:
    """The legend's row of the overlap layer (geo's swatch, escaped words)."""
    swatch = (f'<svg width="18" height="12"><rect x="1" y="1" width="16" height="10" fill="{OVERLAP_COLOUR}" '
              f'fill-opacity="0.45" stroke="{OVERLAP_COLOUR}" stroke-dasharray="4 3"/></svg>')
    return style.legend_row(swatch, style.zone_words(OVERLAP_LAYER, level))


def _pair(row) -> list:
    names = [name or code for name, code in zip(row["names"], row["codes"])]
    return [["name", names[0]], ["text", " / "], ["name", names[1]]]


def _counted(row) -> str:
    return row.get("counted_in_name") or row.get("counted_in") or ""


def _category(code) -> str:
    from geo.data import category_label

    return category_label(code) or str(code)


def _project_parts(projects) -> list:
    parts = []
    for i, item in enumerate(projects):
        measure = (f"{item['km']:.3f} km" if item.get("km") is not None else
                   f"{item['area_km2']:.6f} km²" if item.get("area_km2") is not None else "a point")
        parts += ([["text", "; "]] if i else []) + [["name", item["name"]],
                                                    ["text", f" ({_category(item['category'])}), {measure}"]]
    return parts


def _tooltip(row, level) -> str:
    names = [name or code for name, code in zip(row["names"], row["codes"])]
    lines = [f"<b>{page_text(names[0])} / {page_text(names[1])}</b>",
             page_text(f"{style.zone_words('街道重叠 overlap', level)} {row['area_m2']:,} m², "
                       f"计入 counted in {_counted(row)}")]
    projects = row["projects"]
    for item in projects[:TOOLTIP_PROJECTS]:
        lines.append(page_text(f"{item['name']} ({_category(item['category'])})"))
    if len(projects) > TOOLTIP_PROJECTS:
        lines.append(page_text(f"… +{len(projects) - TOOLTIP_PROJECTS}"))
    if not projects:
        lines.append(page_text(NO_PROJECT))
    return "<div class='geo-overlap-tip'>" + "<br>".join(lines) + "</div>"


def _polygonal(geom):
    """The polygons of an intersection (two 街道 meeting along an edge beside their overlap give lines too)."""
    if geom is None or geom.is_empty:
        return None
    parts = shapely.get_parts(geom)
    parts = parts[shapely.get_dimensions(parts) == 2]
    return shapely.union_all(parts) if len(parts) else None
