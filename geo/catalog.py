"""The project catalog: projects.geojson features, their property contract, and their flat layer form."""

from __future__ import annotations

import numbers

# Flat columns of a layer (layers/<category>.geojson and exports) and their field types:
# nested catalog properties (quantity, geocode, subdistricts) are spread into scalar
# columns so that QGIS, ArcGIS, Shapefile and CSV can hold them, and a column keeps its
# type in every export even when all its values are null.
LAYER_SCHEMA = {
    "id": "text", "name": "text", "category": "text", "action": "text", "named": "boolean", "section": "text",
    "quantity_value": "real", "quantity_unit": "text", "quote": "text", "char_start": "integer",
    "char_end": "integer", "status": "text", "source": "text", "method": "text", "source_datum": "text",
    "accuracy_m": "real", "reason": "text", "subdistrict_codes": "text", "subdistrict_names": "text",
    "length_km": "real",
}
LAYER_COLUMNS = list(LAYER_SCHEMA)
# The catalog's first properties, in the order QGIS lists them (the others follow, sorted).
PROJECT_FIELD_ORDER = ("id", "name", "category", "action", "named", "quantity", "section", "subdistricts",
                       "geocode", "quote", "char_start", "char_end")
# The 街道 and outline layers.
ZONE_SCHEMA = {"code": "text", "name": "text", "boundary_quality": "text", "source": "text"}


def join_list(values):
    """One flat text cell of several values: ``北园街道;泺口街道``, or None for none.

    A ``;`` or ``\\`` inside a value is escaped with a backslash (``A\\;B街道``), so that
    :func:`split_list` gives every value back exactly, however it is spelled; values
    without them (every real 街道 name and code) read as plainly in Excel or QGIS.

    Parameters
    ----------
    values : iterable
        The values, turned into text.

    Returns
    -------
    str or None
    """
    text = ";".join(str(v).replace("\\", "\\\\").replace(";", "\\;") for v in values)
    return text or None


def split_list(text) -> list:
    """The values of a cell written by :func:`join_list` (``[]`` for an empty cell or None).

    Parameters
    ----------
    text : str or None
        The cell.

    Returns
    -------
    list of str
    """
    if not text:
        return []
    values, current, chars = [], [], iter(str(text))
    for char in chars:
        if char == "\\":
            current.append(next(chars, "\\"))
        elif char == ";":
            values.append("".join(current))
            current = []
        else:
            current.append(char)
    return values + ["".join(current)]


def project_sort_key(feature):
    """Stable catalog order: by category, then id (independent of report order)."""
    props = feature["properties"]
    return (str(props.get("category", "")), str(props.get("id", "")))


def flat_properties(props: dict, geometry=None) -> dict:
    """Spread one catalog feature's nested properties into the flat layer columns.

    ``length_km`` is the length of a line ``geometry`` along the ellipsoid, to the metre: the
    whole road as drawn, within the 街道 or not (its km per 街道 are in ``subdistricts``), a stretch
    drawn twice counted once.
    """
    quantity = props.get("quantity") or {}
    geocode = props.get("geocode") or {}
    allocations = props.get("subdistricts") or []
    return {
        "id": props.get("id"),
        "name": props.get("name"),
        "category": props.get("category"),
        "action": props.get("action"),
        "named": bool(props.get("named", True)),
        "section": props.get("section"),
        "quantity_value": quantity.get("value"),
        "quantity_unit": quantity.get("unit"),
        "quote": props.get("quote"),
        "char_start": props.get("char_start"),
        "char_end": props.get("char_end"),
        "status": geocode.get("status"),
        "source": geocode.get("source"),
        "method": geocode.get("method"),
        "source_datum": geocode.get("source_datum"),
        "accuracy_m": geocode.get("accuracy_m"),
        "reason": geocode.get("reason"),
        "subdistrict_codes": join_list(a.get("code") for a in allocations),
        "subdistrict_names": join_list(a.get("name") for a in allocations),
        "length_km": _length_km(geometry),
    }


def as_real(value):
    """A number of a real column as a float (``15`` as ``15.0``: GeoJSON readers, GDAL and QGIS, type a column
    from its values, and one of whole numbers alone as Integer); anything else as it is."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return float(value)
    return value


def real_typed(props: dict) -> dict:
    """Flat properties with the whole numbers of the real columns of :data:`LAYER_SCHEMA` as floats, for a
    GeoJSON layer (a CSV keeps ``15``: its ``.csvt`` types the column)."""
    return {key: as_real(value) if LAYER_SCHEMA.get(key) == "real" else value for key, value in props.items()}


def _length_km(geometry):
    if geometry is None or geometry.is_empty or "LineString" not in geometry.geom_type:
        return None
    import shapely
    from pyproj import Geod

    if not geometry.is_simple:  # a part drawn twice, a road doubling back: its length once, as the join measures it
        geometry = shapely.union(geometry, geometry)
    return round(Geod(ellps="WGS84").geometry_length(geometry) / 1000.0, 3)


def features_to_gdf(features):
    """Catalog features (shapely geometries or None) -> flat GeoDataFrame in EPSG:4326."""
    import geopandas as gpd

    geoms = [f.get("geometry") for f in features]
    rows = [flat_properties(f["properties"], geom) for f, geom in zip(features, geoms)]
    return gpd.GeoDataFrame(rows, columns=LAYER_COLUMNS, geometry=geoms, crs="EPSG:4326")


def catalog_metadata(features) -> dict:
    """Counts for the FeatureCollection header: how many projects, located, unlocated, and (when
    any) ``removed``: marked not a project on the map, neither located nor unlocated."""
    from geo.hand_review import is_removed

    located = sum(1 for f in features if f.get("geometry") is not None)
    removed = sum(1 for f in features if is_removed(f))
    counts = {"projects": len(features), "located": located, "unlocated": len(features) - located - removed}
    return {**counts, "removed": removed} if removed else counts

