"""KML export: layers as folders of placemarks in the web map's colours, for Google Earth, 奥维 and 91卫图."""

from __future__ import annotations

import html
import re
from xml.etree import ElementTree

KML_NAMESPACE = "http://www.opengis.net/kml/2.2"
# Decimals of a coordinate in degrees: 1 cm, as the GeoJSON export.
DECIMALS = 7
# Characters XML 1.0 cannot hold (controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF):
# a document with one is refused by every KML reader, so they are dropped from text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Fields GDAL's LIBKML driver (QGIS) fills from a placemark's own elements, whatever their case: an
# ExtendedData field so named is read into them and lost (a ``NAME`` field replaced the placemark's
# name, a ``begin`` of text became null), so it is written under another name (``NAME_``).
_GDAL_FIELDS = ("name", "description", "timestamp", "begin", "end", "altitudemode", "tessellate", "extrude",
                "visibility", "draworder", "icon")
# A column's KML SimpleField type by its kind (geo.export.tables.column_kinds): GDAL's LIBKML driver (QGIS)
# reads ``double`` as Real and ``int`` as Integer. A boolean stays text (``true``/``false``): GDAL reads
# a ``bool`` field as an integer, which ``true`` is not.
_SIMPLE_TYPES = {"real": "double", "integer": "int", "integer64": "int"}
# A row's id that can be its placemark's XML id (an NCName): GDAL 3.9 and later read that as the
# layer's ``id`` field, ahead of the schema's own ``id`` (then read as ``id2``).
_XML_ID = re.compile(r"[^\W\d][\w\-]*")  # no ".": the styles and schemas are "layer.kind"


def write_kml(path, frames, *, title):
    """Write layers as one KML 2.2 document (WGS-84 lon/lat, as KML always is).

    Parameters
    ----------
    path : str or pathlib.Path
        The ``.kml`` file; written atomically.
    frames : list of (geo.export.tables.Table, geopandas.GeoDataFrame)
        The layers, in WGS-84 and in the order to write; each becomes a ``Folder`` named
        after its layer, its rows ``Placemark`` elements in row order.
    title : str
        The document's name (what a viewer shows at the top of its list).

    Returns
    -------
    pathlib.Path
        ``path``.

    Notes
    -----
    Each placemark is named by its ``name`` column and styled as the web map draws its layer
    (:func:`geo.qgis_styles.layer_style`: the category's colour, lines as wide, areas filled
    at 30%). Every column is kept as typed ``ExtendedData``: a ``Schema`` per layer declares each
    column's type (a number column is a number in GDAL and QGIS even when null in every row, as
    in the GeoPackage), each placemark's ``SchemaData`` holds its values (a null is left out); the
    columns are also shown in the placemark's balloon as an escaped table.
    A row without geometry (an unlocated project of the catalog) is a placemark without
    one: listed, not placed. Text is data: it is escaped by the XML writer, and characters
    XML cannot hold are dropped. Same frames, same bytes.
    """
    from geo.atomic_files import write_text_atomic

    root = ElementTree.Element("kml", xmlns=KML_NAMESPACE)
    document = _child(root, "Document")
    _child(document, "name", title)
    styles = {}
    folders, schemas, ids = [], [], set()
    for table, frame in frames:
        folder = ElementTree.Element("Folder")
        _child(folder, "name", _folder_name(table.name, frame))
        columns = [c for c in frame.columns if c != frame.geometry.name]
        data_names = _data_names(columns)
        schema = _schema(f"{table.name}.fields", table.name, frame, data_names)
        schemas.append(schema)
        for row, geom in zip(frame[columns].itertuples(index=False, name=None), frame.geometry):
            values = dict(zip(columns, row))
            family = _family(geom)
            style_id = f"{table.name}.{family}" if family else None
            if style_id and style_id not in styles:
                styles[style_id] = _style(style_id, table.name, family, values)
            _placemark(folder, values, geom, style_id, (schema.get("id"), data_names, ids))
        folders.append(folder)
    for style_id in sorted(styles):
        document.append(styles[style_id])
    document.extend(schemas)
    document.extend(folders)
    ElementTree.indent(root, space=" ")
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
    return write_text_atomic(path, text)


def _folder_name(layer, frame) -> str:
    """What the web map calls the layer: its category's label, the 街道 by their boundaries' quality."""
    from geo.data import categories, category_label
    from geo.places import zone_level
    from geo.render.style import APPROXIMATE_LABEL, ZONE_LABELS, outline_label, zone_words

    names = [str(name) for name in frame["name"]] if "name" in frame.columns else []
    if layer in categories():
        return category_label(layer)
    if "boundary_quality" in frame.columns and layer != "district_outline":
        qualities = {str(q) for q in frame["boundary_quality"]}
        label = ZONE_LABELS.get(qualities.pop(), APPROXIMATE_LABEL) if len(qualities) == 1 else APPROXIMATE_LABEL
        return zone_words(label, zone_level(names))  # 乡镇 boundaries of a county's towns, as its maps say
    if layer == "district_outline":
        return outline_label(names[0] if names else "")
    return {"projects": "项目 Projects"}.get(layer, layer)


def _data_names(columns) -> dict:
    """{column: its ExtendedData name}: the column's own, unless GDAL would read it into a field of
    its own (:data:`_GDAL_FIELDS`) or into an earlier column's (``Id`` after ``id``: GDAL's field
    names ignore case); then with ``_`` added until it is no other's."""
    columns = [c for c in columns if c != "name"]  # the placemark's own name
    own = {column: _clean(str(column)) for column in columns}
    names, taken = {}, set(_GDAL_FIELDS)
    for column in columns:
        if own[column].lower() not in taken:
            names[column] = own[column]
            taken.add(own[column].lower())
    taken |= {name.lower() for name in own.values()}
    for column in columns:
        if column not in names:
            name = own[column] + "_"
            while name.lower() in taken:
                name += "_"
            names[column] = name
            taken.add(name.lower())
    return {column: names[column] for column in columns}


def _schema(schema_id, layer, frame, data_names):
    """The layer's KML ``Schema``: a ``SimpleField`` of its type for each column but the name."""
    from geo.export.tables import column_kinds

    kinds = column_kinds(frame)
    schema = ElementTree.Element("Schema", name=_clean(str(layer)), id=schema_id)
    for column, name in data_names.items():
        ElementTree.SubElement(schema, "SimpleField", name=name, type=_SIMPLE_TYPES.get(kinds[column], "string"))
    return schema


def _placemark(folder, values, geom, style_id, fields):
    schema_id, data_names, ids = fields
    placemark = _child(folder, "Placemark")
    row_id = _clean(str(values.get("id") or ""))
    if _XML_ID.fullmatch(row_id) and row_id not in ids:
        placemark.set("id", row_id)
        ids.add(row_id)
    # The name is KML's own (GDAL and QGIS read it as ``Name``), not repeated as a field.
    _child(placemark, "name", _text(values.get("name")) or _text(values.get("id")))
    _child(placemark, "description", _balloon(values))
    if style_id:
        _child(placemark, "styleUrl", f"#{style_id}")
    data = _child(_child(placemark, "ExtendedData"), "SchemaData", schemaUrl=f"#{schema_id}")
    for key, value in values.items():
        text = _text(value) if key != "name" else ""
        if text:  # a null is no SimpleData: GDAL reads it as null, of the field's type
            _child(data, "SimpleData", text, name=data_names[key])
    if geom is not None and not geom.is_empty:
        _geometry(placemark, geom)


def _balloon(values) -> str:
    """The placemark's balloon: an HTML table of its fields, every value escaped (KML shows it as HTML)."""
    rows = "".join(f"<tr><th>{html.escape(_clean(str(key)))}</th><td>{html.escape(_text(value))}</td></tr>"
                   for key, value in values.items() if _text(value))
    return f"<table>{rows}</table>"


def _geometry(parent, geom):
    import shapely

    kind = geom.geom_type
    if kind == "Point":
        _child(_child(parent, "Point"), "coordinates", _coordinates([geom.coords[0]]))
    elif kind == "LineString":
        line = _child(parent, "LineString")
        _child(line, "tessellate", "1")
        _child(line, "coordinates", _coordinates(geom.coords))
    elif kind == "Polygon":
        polygon = _child(parent, "Polygon")
        geom = shapely.geometry.polygon.orient(geom, 1.0)
        for tag, ring in (("outerBoundaryIs", geom.exterior), *(("innerBoundaryIs", r) for r in geom.interiors)):
            _child(_child(_child(polygon, tag), "LinearRing"), "coordinates", _coordinates(ring.coords))
    else:  # Multi* and collections
        multi = _child(parent, "MultiGeometry")
        for part in geom.geoms:
            if not part.is_empty:
                _geometry(multi, part)


def _coordinates(coords) -> str:
    return " ".join(f"{_number(x)},{_number(y)}" for x, y, *_ in coords)


def _number(value) -> str:
    text = f"{round(float(value), DECIMALS):.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _style(style_id, layer, family, values):
    """A KML Style of the web map's symbol for the layer (colours as KML writes them: aabbggrr)."""
    from geo.qgis_styles import PX_TO_MM, layer_style

    approximate = str(values.get("boundary_quality", "official")) != "official"
    symbol = layer_style(layer, family, approximate=approximate)
    style = ElementTree.Element("Style", id=style_id)
    if family == "point":
        icon = _child(style, "IconStyle")
        _child(icon, "color", _kml_colour(symbol["fill"], symbol["fill_alpha"]))
        _child(icon, "scale", "0.8")
        _child(_child(icon, "Icon"), "href", "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png")
        return style
    line = _child(style, "LineStyle")
    _child(line, "color", _kml_colour(symbol["stroke"], 1.0))
    _child(line, "width", f"{round(symbol['stroke_mm'] / PX_TO_MM, 1):g}")
    if family == "polygon":
        poly = _child(style, "PolyStyle")
        _child(poly, "color", _kml_colour(symbol["fill"] or symbol["stroke"], symbol["fill_alpha"]))
        _child(poly, "fill", "1" if symbol["fill"] else "0")
    return style


def _kml_colour(hex_colour, alpha) -> str:
    red, green, blue = hex_colour[1:3], hex_colour[3:5], hex_colour[5:7]
    return f"{round(alpha * 255):02x}{blue}{green}{red}".lower()


def _family(geom):
    if geom is None or geom.is_empty:
        return None
    kind = geom.geom_type.replace("Multi", "")
    if kind == "GeometryCollection":
        kinds = {part.geom_type.replace("Multi", "") for part in geom.geoms}
        kind = kinds.pop() if len(kinds) == 1 else "Point"
    return {"Point": "point", "LineString": "line", "Polygon": "polygon"}.get(kind, "point")


def _text(value) -> str:
    """A cell as text: empty for null, JSON for nested values, ``true``/``false`` for booleans."""
    from geo.export.tables import cell_text

    return _clean(cell_text(value))


def _clean(text) -> str:
    """Text a KML file holds and a globe shows as written: no character XML cannot hold, no
    bidirectional override (Google Earth would show the rest of a name reversed)."""
    from geo.safe_text import without_bidi_controls

    return _NOT_XML.sub("", without_bidi_controls(text))


def _child(parent, tag, text=None, **attributes):
    element = ElementTree.SubElement(parent, tag, **attributes)
    if text is not None:
        element.text = text
    return element
