"""QGIS styles of geo's layers (QML and SLD), drawn from the same category table as the web map.

A GeoPackage carries them in its ``layer_styles`` table, the way QGIS itself saves a
style to a GeoPackage, so QGIS opens each layer styled like the web map: road works by
category colour, width and dash, facilities as coloured dots, areas as tinted polygons,
街道 boundaries dashed when not official (approximate, or from OpenStreetMap), with their
names as labels.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

QGIS_VERSION = "3.22.16-Białowieża"
PX_TO_MM = 0.26  # one CSS pixel at 96 dpi
POINT_SIZE_MM = 3.4
FONT = "Noto Sans CJK SC"
PROJECT_LABEL_PRIORITY = 8  # QGIS label priority, 0-10 (its default is 5)
AREA_LABEL_PRIORITY = 3

LAYER_STYLES_COLUMNS = ("f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                        "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time")


def layer_style(layer: str, family: str, *, approximate=False) -> dict:
    """The symbol of one layer: what QML and SLD are written from.

    Parameters
    ----------
    layer : str
        Layer name: a category code (``school``, ``road_rebuild``...), ``subdistricts``
        or ``district_outline``; a ``_point``/``_line``/``_polygon`` suffix is ignored.
    family : {"point", "line", "polygon"}
        The layer's geometry family.
    approximate : bool
        For ``subdistricts``: draw the boundaries dashed (any ``boundary_quality`` but
        official: the bundled approximation, OpenStreetMap's).

    Returns
    -------
    dict
        ``family``, ``stroke`` (hex), ``stroke_mm``, ``dash_mm`` (list or None), ``fill``
        (hex or None), ``fill_alpha`` (0-1), ``label`` (field name or None); for
        ``subdistricts`` also ``area_label`` (its names yield to the projects' and hide none).
    """
    from geo.data import categories

    base = layer
    for suffix in ("_point", "_line", "_polygon"):
        if base.endswith(suffix) and base[: -len(suffix)] in categories():
            base = base[: -len(suffix)]
    if base == "subdistricts":
        return {"family": "polygon", "stroke": "#555555", "stroke_mm": 0.5, "fill": None, "fill_alpha": 0.0,
                "dash_mm": [6 * PX_TO_MM, 5 * PX_TO_MM] if approximate else None, "label": "name",
                "area_label": True}
    if base == "district_outline":
        return {"family": "polygon", "stroke": "#222222", "stroke_mm": 0.8, "fill": None, "fill_alpha": 0.0,
                "dash_mm": None, "label": None}
    row = categories().get(base) or {}
    colour = row.get("colour") or "#555555"
    dash = [float(v) * PX_TO_MM for v in (row.get("line_dash") or "").split()] or None
    if family == "line":
        return {"family": "line", "stroke": colour, "stroke_mm": float(row.get("line_weight") or 4) * PX_TO_MM,
                "dash_mm": dash, "fill": None, "fill_alpha": 0.0, "label": "name"}
    if family == "polygon":
        return {"family": "polygon", "stroke": colour, "stroke_mm": 0.5, "dash_mm": None, "fill": colour,
                "fill_alpha": 0.3, "label": "name"}
    return {"family": "point", "stroke": "#ffffff", "stroke_mm": 0.4, "dash_mm": None, "fill": colour,
            "fill_alpha": 0.9, "label": "name"}


def qml(style: dict, *, by_category=False) -> str:
    """The style as a QGIS QML document, plus simple labels when the style has them.

    A single symbol, or with ``by_category`` one symbol per value of the ``category``
    field, each category drawn as on the web map (the catalog's mixed layers).
    """
    from geo.data import categories

    root = ET.Element("qgis", {"version": QGIS_VERSION, "styleCategories": "Symbology|Labeling"})
    common = {"symbollevels": "0", "forceraster": "0", "enableorderby": "0", "referencescale": "-1"}
    if by_category:
        renderer = ET.SubElement(root, "renderer-v2", {"type": "categorizedSymbol", "attr": "category", **common})
        entries = ET.SubElement(renderer, "categories")
        symbols = ET.SubElement(renderer, "symbols")
        for number, (code, row) in enumerate(categories().items()):
            ET.SubElement(entries, "category", {"value": code, "symbol": str(number), "render": "true",
                                                "label": f"{row['label_zh']} {row['label_en']}"})
            _symbol(symbols, str(number), layer_style(code, style["family"]))
    else:
        renderer = ET.SubElement(root, "renderer-v2", {"type": "singleSymbol", **common})
        _symbol(ET.SubElement(renderer, "symbols"), "0", style)
    if style["label"]:
        _labeling(root, style)
    ET.SubElement(root, "layerGeometryType").text = {"point": "0", "line": "1", "polygon": "2"}[style["family"]]
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ET.tostring(root, encoding="unicode")


def sld(layer: str, style: dict) -> str:
    """The style as an OGC SLD 1.1 document, as QGIS exports it."""
    ns = {"": "http://www.opengis.net/sld", "se": "http://www.opengis.net/se", "ogc": "http://www.opengis.net/ogc",
          "xlink": "http://www.w3.org/1999/xlink", "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
    for prefix, uri in ns.items():
        ET.register_namespace(prefix, uri)
    se = "{http://www.opengis.net/se}"
    sld_ = "{http://www.opengis.net/sld}"
    root = ET.Element(f"{sld_}StyledLayerDescriptor", {
        "version": "1.1.0",
        "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation":
            "http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd"})
    named = ET.SubElement(root, f"{sld_}NamedLayer")
    ET.SubElement(named, f"{se}Name").text = layer
    user = ET.SubElement(named, f"{sld_}UserStyle")
    ET.SubElement(user, f"{se}Name").text = layer
    rule = ET.SubElement(ET.SubElement(user, f"{se}FeatureTypeStyle"), f"{se}Rule")
    ET.SubElement(rule, f"{se}Name").text = "Single symbol"
    px = lambda mm: f"{mm / PX_TO_MM:g}"  # noqa: E731 - SLD sizes are in pixels
    if style["family"] == "point":
        graphic = ET.SubElement(ET.SubElement(rule, f"{se}PointSymbolizer"), f"{se}Graphic")
        mark = ET.SubElement(graphic, f"{se}Mark")
        ET.SubElement(mark, f"{se}WellKnownName").text = "circle"
        _sld_fill(mark, se, style)
        _sld_stroke(mark, se, style, px)
        ET.SubElement(graphic, f"{se}Size").text = px(POINT_SIZE_MM)
    elif style["family"] == "line":
        _sld_stroke(ET.SubElement(rule, f"{se}LineSymbolizer"), se, style, px)
    else:
        symbolizer = ET.SubElement(rule, f"{se}PolygonSymbolizer")
        if style["fill"]:
            _sld_fill(symbolizer, se, style)
        _sld_stroke(symbolizer, se, style, px)
    return ET.tostring(root, encoding="unicode", xml_declaration=False)


# --------------------------------------------------------------------------- helpers


def _symbol(symbols, name, style) -> None:
    kind = {"point": "marker", "line": "line", "polygon": "fill"}[style["family"]]
    symbol = ET.SubElement(symbols, "symbol", {"type": kind, "name": name, "alpha": "1", "clip_to_extent": "1",
                                               "force_rhr": "0"})
    layer_class, props = _symbol_layer(style)
    layer = ET.SubElement(symbol, "layer", {"class": layer_class, "enabled": "1", "pass": "0", "locked": "0"})
    options = ET.SubElement(layer, "Option", {"type": "Map"})
    for key, value in props.items():  # QGIS >= 3.26 reads these...
        ET.SubElement(options, "Option", {"type": "QString", "name": key, "value": value})
    for key, value in props.items():  # ...and QGIS 3.10-3.24 these
        ET.SubElement(layer, "prop", {"k": key, "v": value})


def _rgba(hex_colour, alpha=1.0) -> str:
    hex_colour = hex_colour.lstrip("#")
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    return f"{r},{g},{b},{round(alpha * 255)}"


def _dash(style) -> dict:
    if not style["dash_mm"]:
        return {"use_custom_dash": "0", "customdash": "5;2", "customdash_unit": "MM"}
    return {"use_custom_dash": "1", "customdash": ";".join(f"{v:g}" for v in style["dash_mm"]),
            "customdash_unit": "MM"}


def _symbol_layer(style):
    """(QGIS symbol layer class, its properties) for a style."""
    width = f"{style['stroke_mm']:g}"
    if style["family"] == "point":
        return "SimpleMarker", {
            "name": "circle", "color": _rgba(style["fill"], style["fill_alpha"]), "outline_color": _rgba(style["stroke"]),
            "outline_style": "solid", "outline_width": width, "outline_width_unit": "MM",
            "size": f"{POINT_SIZE_MM:g}", "size_unit": "MM", "angle": "0", "joinstyle": "bevel",
            "scale_method": "diameter", "vertical_anchor_point": "1", "horizontal_anchor_point": "1"}
    if style["family"] == "line":
        return "SimpleLine", {
            "line_color": _rgba(style["stroke"]), "line_width": width, "line_width_unit": "MM",
            "line_style": "solid", "capstyle": "round", "joinstyle": "round", "offset": "0", **_dash(style)}
    stroke_style = "dash" if style["dash_mm"] else "solid"
    return "SimpleFill", {
        "color": _rgba(style["fill"], style["fill_alpha"]) if style["fill"] else "0,0,0,0",
        "style": "solid" if style["fill"] else "no", "outline_color": _rgba(style["stroke"]),
        "outline_style": stroke_style, "outline_width": width, "outline_width_unit": "MM",
        "joinstyle": "bevel", "offset": "0,0"}


def _labeling(root, style) -> None:
    labeling = ET.SubElement(root, "labeling", {"type": "simple"})
    settings = ET.SubElement(labeling, "settings", {"calloutType": "simple"})
    ET.SubElement(settings, "text-style", {
        "fieldName": style["label"], "isExpression": "0", "fontFamily": FONT, "fontSize": "9",
        "fontSizeUnit": "Point", "textColor": "51,51,51,255", "textOpacity": "1", "fontWeight": "75"})
    ET.SubElement(settings, "text-buffer", {"bufferDraw": "1", "bufferSize": "0.8", "bufferSizeUnits": "MM",
                                            "bufferColor": "255,255,255,255", "bufferOpacity": "1"})
    placement = {"point": "6", "line": "2", "polygon": "1"}[style["family"]]  # OrderedPositions, Line, OverPoint
    # A 街道 polygon covers every project in it. Were its label an obstacle of QGIS's default
    # weight, no project label could be placed inside a 街道, and QGIS would draw only the
    # 街道 names: the 街道 are no obstacle, and the projects' names outrank theirs.
    area = style.get("area_label", False)
    ET.SubElement(settings, "placement", {"placement": placement, "dist": "1", "distUnits": "MM",
                                          "priority": str(AREA_LABEL_PRIORITY if area else PROJECT_LABEL_PRIORITY)})
    ET.SubElement(settings, "rendering", {"obstacle": "0" if area else "1", "scaleVisibility": "0"})


def _sld_fill(parent, se, style) -> None:
    fill = ET.SubElement(parent, f"{se}Fill")
    ET.SubElement(fill, f"{se}SvgParameter", {"name": "fill"}).text = style["fill"]
    if style["fill_alpha"] < 1:
        ET.SubElement(fill, f"{se}SvgParameter", {"name": "fill-opacity"}).text = f"{style['fill_alpha']:g}"


def _sld_stroke(parent, se, style, px) -> None:
    stroke = ET.SubElement(parent, f"{se}Stroke")
    ET.SubElement(stroke, f"{se}SvgParameter", {"name": "stroke"}).text = style["stroke"]
    ET.SubElement(stroke, f"{se}SvgParameter", {"name": "stroke-width"}).text = px(style["stroke_mm"])
    ET.SubElement(stroke, f"{se}SvgParameter", {"name": "stroke-linejoin"}).text = "round"
    if style["dash_mm"]:
        ET.SubElement(stroke, f"{se}SvgParameter", {"name": "stroke-dasharray"}).text = \
            " ".join(px(v) for v in style["dash_mm"])
