"""How projects and boundaries look: category colours and line styles (from categories.csv), swatches, legends."""

from __future__ import annotations

from geo.safe_text import page_text


DEFAULT_COLOUR = "#555555"
ZONE_COLOUR = "#555555"
ZONE_DASH = "6 5"
APPROXIMATE_LABEL = "街道 boundaries: approximate (not official)"
OFFICIAL_LABEL = "街道 boundaries: official"
OSM_LABEL = "街道 boundaries: OpenStreetMap (not official)"
ONE_ZONE_LABEL = "街道 boundaries: none (the district is one zone)"
OUTLINE_LABEL = "区界 District outline"  # a 区's; a 县's is 县界 (:func:`outline_label`)
# The legend's words for each boundary_quality; any quality but official is drawn dashed.
ZONE_LABELS = {"approximate": APPROXIMATE_LABEL, "official": OFFICIAL_LABEL, "osm": OSM_LABEL,
               "outline": ONE_ZONE_LABEL}
GCJ02_NOTE = "Overlays shown in GCJ-02 to match the tiles (Amap, Tencent...; stored layers stay WGS-84)"
LEAFLET_NOTICE = ("地图无法显示：本页以 --cdn 生成，需从互联网加载地图库 Leaflet，但未能加载（无网络？）。"
                  "请去掉 --cdn 重新运行 geo build 或 geo render，生成无需网络即可打开的地图。 · "
                  "The map cannot be shown: this page was made with --cdn and loads Leaflet from the internet, "
                  "which it could not reach (no network?). Run geo build or geo render again without --cdn "
                  "for maps that open with no network.")
TILE_NOTICE = ("底图瓦片无法加载（无网络？），图层显示在空白底图上 · "
               "Basemap tiles could not be loaded (no network?); layers are shown on a plain background")


def category_style(code: str) -> dict:
    """Colour, line weight and dash of a category, from ``geo/data/categories.csv``."""
    from geo.data import categories

    row = categories().get(code) or {}
    return {"colour": row.get("colour") or DEFAULT_COLOUR,
            "weight": int(row.get("line_weight") or 4),
            "dash": row.get("line_dash") or None}


def feature_style(category: str, geom_type: str) -> dict:
    """Leaflet path options for one project drawn as ``geom_type``."""
    spec = category_style(category)
    if "Line" in geom_type:
        style = {"color": spec["colour"], "weight": spec["weight"], "opacity": 0.9}
        if spec["dash"]:
            style["dashArray"] = spec["dash"]
        return style
    if "Polygon" in geom_type:
        return {"color": spec["colour"], "weight": 2, "fillColor": spec["colour"], "fillOpacity": 0.3}
    return {"color": "#ffffff", "weight": 2, "fillColor": spec["colour"], "fillOpacity": 0.9, "radius": 7}


def category_swatch(code: str, drawn_as: str) -> str:
    """Legend swatch of a category drawn as ``line``, ``polygon`` or ``point``."""
    spec = category_style(code)
    if drawn_as == "line":
        return line_swatch(spec["colour"], spec["weight"], spec["dash"])
    if drawn_as == "polygon":
        return box_swatch(spec["colour"])
    return (f'<svg width="18" height="14"><circle cx="9" cy="7" r="5.5" fill="{spec["colour"]}" '
            'stroke="#fff" stroke-width="1.5"/></svg>')


def line_swatch(colour: str, weight: float, dash) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<svg width="34" height="12"><line x1="1" y1="6" x2="33" y2="6" stroke="{colour}" '
            f'stroke-width="{min(weight, 6)}"{dash_attr}/></svg>')


def box_swatch(colour: str) -> str:
    return f'<svg width="18" height="12"><rect x="1" y="1" width="16" height="10" fill="{colour}" stroke="#444"/></svg>'


def zone_style(quality: str) -> dict:
    """The 街道 boundaries of a ``boundary_quality``: dashed unless official."""
    style = {"color": ZONE_COLOUR, "weight": 2, "fill": False}
    if quality != "official":
        style["dashArray"] = ZONE_DASH
    return style


def legend_title(text: str) -> str:
    return f"<div class='geo-legend-title'>{page_text(text)}</div>"


def legend_head(text: str) -> str:
    return f"<div class='geo-legend-head'>{page_text(text)}</div>"


def legend_row(swatch: str, text: str) -> str:
    """A legend row: geo's own swatch markup, then escaped text."""
    return f"<div class='geo-legend-row'>{swatch} {page_text(text)}</div>"


def legend_note(text: str) -> str:
    return f"<div class='geo-legend-note'>{page_text(text)}</div>"


def zone_legend_row(quality: str, level: str = "街道") -> str:
    """The legend row of the 街道 boundaries of a ``boundary_quality`` (:data:`ZONE_LABELS`), in the
    word ``level`` for a district's zones (乡镇 in a rural county: :func:`zone_words`)."""
    dash = None if quality == "official" else ZONE_DASH
    return legend_row(line_swatch(ZONE_COLOUR, 2, dash), zone_words(ZONE_LABELS.get(quality, APPROXIMATE_LABEL), level))


def outline_label(name) -> str:
    """The outline's name in the layer list, by the word the district ``name`` ends in
    (:func:`geo.places.district_word`): 县界 District outline for a 县, 区界 for a 区."""
    from geo.places import district_word

    return OUTLINE_LABEL.replace("区界", f"{district_word(name)}界")


def zone_words(text: str, level: str) -> str:
    """One of geo's own labels (never data) with its 街道 said as ``level``, the word for the district's
    zones (:func:`geo.places.zone_level`: 镇, 乡镇, 街道/乡镇 in a rural county)."""
    return text if level == "街道" else text.replace("街道", level)
