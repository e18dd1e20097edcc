"""GeoJSON written deterministically: geometries rounded and oriented, keys in a fixed order, one feature a line."""

from __future__ import annotations

import json
import math
from pathlib import Path

from geo.atomic_files import write_text_atomic

# Coordinates are rounded to 7 decimals (about 1 cm) in stored GeoJSON: far below any
# accuracy we claim, and it keeps files diff-able and byte-stable across platforms.
COORD_PRECISION = 7


def _round_coords(obj, precision):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), precision) + 0.0 for v in obj]
        return [_round_coords(o, precision) for o in obj]
    return obj


# Values JSON writes as they are (exactly these types: numpy's scalars and floats are looked at).
_PLAIN = frozenset((str, int, bool, type(None)))


def _clean_value(value):
    # NaN is not JSON; numpy scalars are not serialisable; both appear in GeoDataFrames.
    if type(value) in _PLAIN:  # most values of a catalog: nothing to clean, no call per value
        return value
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): v if type(v) in _PLAIN else _clean_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [v if type(v) in _PLAIN else _clean_value(v) for v in value]
    return value


def geometry_to_geojson(geom, precision=COORD_PRECISION):
    """Shapely geometry -> RFC 7946 GeoJSON dict (counter-clockwise exteriors, rounded).

    A valid polygon that rounding would make invalid (vertices of a tiny spike, or of two rings,
    less than the rounding apart: a ring crossing itself, which QGIS's tools refuse) is snapped to the
    grid of ``precision`` decimals by GEOS, which keeps it valid, before it is rounded."""
    import shapely

    if geom is None or geom.is_empty:
        return None
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    if geom.geom_type in ("Polygon", "MultiPolygon", "GeometryCollection") and geom.is_valid \
            and not shapely.transform(geom, lambda xy: xy.round(precision)).is_valid:
        snapped = shapely.set_precision(geom, 10.0 ** -precision)
        geom = geom if snapped.is_empty else shapely.orient_polygons(snapped, exterior_cw=False)
    return _geometry_mapping_rounded(shapely.geometry.mapping(geom), precision)


def _geometry_mapping_rounded(mapping, precision):
    if mapping["type"] == "GeometryCollection":
        return {"type": "GeometryCollection",
                "geometries": [_geometry_mapping_rounded(g, precision) for g in mapping["geometries"]]}
    return {"type": mapping["type"], "coordinates": _round_coords(mapping["coordinates"], precision)}


# What json.dumps(..., ensure_ascii=False, separators=(",", ":")) writes, made once for every feature.
_FEATURE_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def feature_collection_text(features, *, name=None, metadata=None, precision=COORD_PRECISION,
                            field_order=()) -> str:
    """Serialise GeoJSON features deterministically: keys in a fixed order, rounded coordinates, one feature a line.

    ``features`` are dicts whose ``geometry`` is a shapely geometry, a GeoJSON mapping or None.
    The caller decides feature order. Properties named in ``field_order`` come first, in
    that order (QGIS lists a GeoJSON layer's fields as they come: name before accuracy_m),
    the others after them sorted, and every other object's keys sorted, so equal inputs give
    equal bytes.
    """
    lines, orders = [], {}
    for feature in features:
        geom = feature.get("geometry")
        if geom is not None and not isinstance(geom, dict):
            geom = geometry_to_geojson(geom, precision)
        elif isinstance(geom, dict):
            geom = _geometry_mapping_rounded(geom, precision)
        geometry = "null" if geom is None else _FEATURE_JSON.encode(_sorted_geometry(geom))
        identifier = feature.get("id")
        identifier = "" if identifier is None else \
            f'"id":{_STRING_JSON(identifier) if type(identifier) is str else _FEATURE_JSON.encode(identifier)},'
        properties = _properties_json(feature.get("properties") or {}, field_order, orders)
        lines.append(f'{{"geometry":{geometry},{identifier}"properties":{properties},"type":"Feature"}}')
    head = {"type": "FeatureCollection"}
    if name:
        head["name"] = name
    if metadata:
        head["metadata"] = _clean_value(metadata)
    head_text = json.dumps(head, ensure_ascii=False, sort_keys=True, separators=(",", ":"))[:-1]
    body = ",\n".join(lines)
    return f'{head_text},"features":[\n{body}\n]}}\n' if lines else f'{head_text},"features":[]}}\n'


# The JSON of the plain values (:data:`_PLAIN`) as _FEATURE_JSON writes them, by type: one C call a value.
_STRING_JSON = json.encoder.encode_basestring  # (what an encoder with ensure_ascii=False writes a str with)
_PLAIN_JSON = {str: _STRING_JSON, int: int.__repr__,
               bool: {True: "true", False: "false"}.__getitem__, type(None): {None: "null"}.__getitem__}


def _value_json(value):
    """``value`` as _FEATURE_JSON writes it in a feature once cleaned and its keys sorted: a list or
    tuple, or an object with keys that are str, of plain values (and such lists and objects) item by
    item (a catalog's measures and quantities), anything else by the encoder."""
    kind = type(value)
    plain = _PLAIN_JSON.get(kind)
    if plain is not None:
        return plain(value)
    if kind is list or kind is tuple:
        return "[" + ",".join(map(_value_json, value)) + "]"
    if kind is dict and all(type(key) is str for key in value):
        return "{" + ",".join([_STRING_JSON(key) + ":" + _value_json(value[key]) for key in sorted(value)]) + "}"
    return _FEATURE_JSON.encode(_sorted_keys(_clean_value(value)))


def _properties_json(properties, field_order, orders):
    """``properties`` as a JSON object: cleaned (:func:`_clean_value`), those of ``field_order`` first in
    that order and the others after them sorted, every object inside with its keys sorted.

    The keys' order and written form (``"name":``) are worked out once per set of keys (``orders``:
    a dict the caller keeps over its features, which nearly all have the same keys); each plain value
    is written by one C call (:data:`_PLAIN_JSON`), the whole object by one format of the keys' template,
    not put in a dict that is encoded again (a catalog's 2,000 features: 197 -> about 100 M instructions)."""
    keys = tuple(properties)
    written = orders.get(keys)
    if written is None:
        if not isinstance(properties, dict) or not all(type(key) is str for key in keys):
            # (a mapping of another kind, or keys that str() would change, even make one: as before)
            cleaned = _sorted_keys(_clean_value(properties))
            first = [key for key in field_order if key in cleaned]
            return _FEATURE_JSON.encode({key: cleaned[key] for key in first + [k for k in cleaned if k not in first]})
        first = [key for key in field_order if key in properties]
        written = orders[keys] = [(key, _STRING_JSON(key) + ":")
                                  for key in first + [key for key in sorted(keys) if key not in first]]
    plain = _PLAIN_JSON.get
    return "{" + ",".join([prefix + (plain(type(value)) or _value_json)(value)
                           for key, prefix in written for value in (properties[key],)]) + "}"


def _sorted_geometry(geom):
    """A rounded GeoJSON geometry (:func:`_geometry_mapping_rounded`) with its keys sorted, as
    :func:`_sorted_keys` gives it, without walking its coordinates (a million vertices of a city's
    街道), where there is no key to sort."""
    if geom is None:
        return None
    if geom["type"] == "GeometryCollection":
        return {"geometries": [_sorted_geometry(part) for part in geom["geometries"]], "type": geom["type"]}
    return {"coordinates": geom["coordinates"], "type": geom["type"]}


def _sorted_keys(value):
    """``value`` with the keys of every object in it sorted (json.dumps's sort_keys, kept apart)."""
    if isinstance(value, dict):
        return {key: _sorted_keys(value[key]) if type(value[key]) not in _PLAIN else value[key] for key in sorted(value)}
    if isinstance(value, list):
        return [item if type(item) in _PLAIN else _sorted_keys(item) for item in value]
    return value


def write_feature_collection(path, features, **kwargs) -> Path:
    """Write features as a deterministic GeoJSON FeatureCollection, atomically."""
    return write_text_atomic(path, feature_collection_text(features, **kwargs))


def gdf_to_features(gdf, id_column="id"):
    """GeoDataFrame (EPSG:4326) -> list of feature dicts, in frame order."""
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    features = []
    for row, geom in zip(gdf[columns].itertuples(index=False, name=None), gdf.geometry.values):
        props = {k: _clean_value(v) for k, v in zip(columns, row)}
        features.append({"id": props.get(id_column), "properties": props, "geometry": geom})
    return features


def write_gdf_geojson(path, gdf, *, name=None, metadata=None, sort_by="id") -> Path:
    """Write a GeoDataFrame as deterministic RFC 7946 GeoJSON (reprojected to EPSG:4326), fields in column order."""
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    if sort_by and sort_by in gdf.columns and len(gdf):
        gdf = gdf.sort_values(sort_by, kind="stable")
    return write_feature_collection(path, gdf_to_features(gdf), name=name, metadata=metadata,
                                    field_order=[c for c in gdf.columns if c != gdf.geometry.name])
