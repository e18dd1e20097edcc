"""GeoJSON files read: one object or a text sequence of features, each feature checked (its coordinates numbers, finite, in lon/lat range)."""

from __future__ import annotations

import json
import math
import re

from geo.io import InputError, parse_json, read_text
from geo.json_text import load_json_text


# RFC 8142's record separator: each feature of a GeoJSON text sequence (osmium export's and GDAL's
# .geojsonseq) opens with it.
RECORD_SEPARATOR = "\x1e"


def parse_geojson(text: str, path):
    """Parse GeoJSON text: one object, or a text sequence of features (RFC 8142, records opening
    with :data:`RECORD_SEPARATOR`, as ``osmium export`` and GDAL write ``.geojsonseq``; or one feature
    a line, as they do without the separator) read as the FeatureCollection of its features.

    Raises
    ------
    InputError
        Invalid JSON, naming the line (the record of a sequence); a record of a sequence that is
        no GeoJSON Feature.
    """
    body = text.lstrip("\ufeff \t\r\n")
    if body.startswith(RECORD_SEPARATOR):
        records = [(number, record) for number, record in enumerate(body.split(RECORD_SEPARATOR)[1:], 1)]
        return _feature_sequence(records, path, "record")
    try:
        return load_json_text(text, path)
    except json.JSONDecodeError as exc:
        if not (exc.msg == "Extra data" and body.startswith("{")):
            return parse_json(text, path, kind="a GeoJSON file")  # its one-line error
        return _feature_sequence(list(enumerate(text.splitlines(), 1)), path, "line")
    except RecursionError:
        return parse_json(text, path, kind="a GeoJSON file")


def _feature_sequence(records, path, unit):
    """The FeatureCollection of the features of a GeoJSON text sequence's ``(number, text)`` records."""
    features = []
    for number, record in records:
        if not record.strip():
            continue
        try:
            feature = load_json_text(record, path)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"invalid JSON in GeoJSON sequence {unit} {number} ({exc.msg})") from None
        except RecursionError:
            raise InputError(path, f"JSON nested too deeply in GeoJSON sequence {unit} {number}") from None
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise InputError(path, f"GeoJSON sequence {unit} {number} is not a GeoJSON Feature")
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def read_feature_collection(path):
    """Read a GeoJSON FeatureCollection, or a GeoJSON text sequence of features (:func:`parse_geojson`),
    as (collection dict, features with shapely geometries)."""
    import shapely.geometry

    data = parse_geojson(read_text(path), path)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        kind = data.get("type") if isinstance(data, dict) else type(data).__name__
        raise InputError(path, f"expected a GeoJSON FeatureCollection, found {kind!r}")
    features = data.get("features")
    if not isinstance(features, list):
        raise InputError(path, "FeatureCollection has no 'features' list")
    out = []
    for number, feature in enumerate(features, 1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise InputError(path, f"feature {number} is not a GeoJSON Feature")
        geometry = feature.get("geometry")
        geom = None
        if geometry is not None:
            _check_coordinate_numbers(geometry, path, number)
            try:
                geom = shapely.geometry.shape(geometry)
            except Exception as exc:  # shapely raises several types for bad geometry
                raise InputError(path, f"feature {number} has an invalid geometry ({exc})") from None
            _check_finite(geom, path, number)
        properties = feature.get("properties")
        if properties is not None and not isinstance(properties, dict):
            raise InputError(path, f"feature {number} properties must be an object or null")
        out.append({"id": feature.get("id"), "properties": dict(properties or {}), "geometry": geom})
    return data, out


def check_declared_crs(collection, features, path):
    """InputError when the (pre-RFC 7946) ``crs`` member of a GeoJSON ``collection`` names no CRS there is,
    or one its ``features``' numbers cannot be in (a projected CRS over lon/lat): the rule of every
    vector file, :func:`geo.vector_frames.check_numbers_fit_crs`. Nothing without a member."""
    member = collection.get("crs") if isinstance(collection, dict) else None
    properties = member.get("properties") if isinstance(member, dict) else None
    name = properties.get("name") if isinstance(properties, dict) else None
    if not isinstance(name, str):
        return
    import geopandas as gpd
    import pyproj

    from geo.vector_frames import check_numbers_fit_crs

    try:
        crs = pyproj.CRS.from_user_input(name)
    except pyproj.exceptions.CRSError:
        raise InputError(path, f"declares an unknown coordinate reference system {name!r}") from None
    check_numbers_fit_crs(path, gpd.GeoDataFrame(geometry=[f["geometry"] for f in features], crs=crs))


def read_geojson_frame(path):
    """Read a GeoJSON FeatureCollection into a GeoDataFrame (EPSG:4326) with plain json and shapely.

    Used for the bundled data and our own layers: it avoids loading GDAL for small
    files we wrote ourselves. User files go through :func:`geo.vectors.read_vector`.
    """
    import geopandas as gpd

    _, features = read_feature_collection(path)
    rows = [f["properties"] for f in features]
    return gpd.GeoDataFrame(rows, geometry=[f["geometry"] for f in features], crs="EPSG:4326")


def check_coordinate_numbers(data, path):
    """InputError naming the first feature of the parsed GeoJSON ``data`` with a coordinate that is
    no number (``true``, ``"117.01"``) or none that is finite (NaN, Infinity): GDAL reads a ring
    opening with NaN as one that is "not closed", which misleads. Nothing for other JSON."""
    features = data.get("features") if isinstance(data, dict) else None
    for number, feature in enumerate(features if isinstance(features, list) else (), 1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if isinstance(geometry, dict):
            _check_coordinate_numbers(geometry, path, number, finite=True)


def _check_coordinate_numbers(geometry, path, number, *, finite=False):
    """InputError when a coordinate of a GeoJSON ``geometry`` is no number: shapely reads ``true`` as 1,
    ``"117.01"`` as 117.01 (a project put at lon 1, lat 0 without a word); with ``finite``, also when
    one is NaN or infinite. Walks without recursion."""
    inner = geometry.get("geometries") if isinstance(geometry, dict) else None
    parts = [geometry, *(inner if isinstance(inner, list) else ())]
    stack = [part["coordinates"] for part in parts if isinstance(part, dict) and "coordinates" in part][::-1]
    while stack:  # the first one found is named
        item = stack.pop()
        if item and isinstance(item, list) and isinstance(item[0], list):
            stack.extend(reversed(item))
        elif isinstance(item, list) and not set(map(type, item)) <= {float, int}:  # a position
            stack.extend(reversed(item))
        elif finite and isinstance(item, list) and not all(map(math.isfinite, item)):
            value = next(v for v in item if not math.isfinite(v))
            raise InputError(path, f"feature {number} has a coordinate that is no {'' if math.isnan(value) else 'finite '}"
                                   f"number ({json.dumps(value)})")
        elif not isinstance(item, (list, float, int)) or isinstance(item, bool):
            raise InputError(path, f"feature {number} has a coordinate that is no number ({json.dumps(item)[:40]})")


# How deep each geometry type nests its coordinates (a position is 1 deep), and what nests them so.
_DEPTHS = {"Point": 1, "MultiPoint": 2, "LineString": 2, "MultiLineString": 3, "Polygon": 3, "MultiPolygon": 4}
_NESTED_AS = {1: "a Point does", 2: "a LineString or MultiPoint does", 3: "a Polygon or MultiLineString does",
              4: "a MultiPolygon does"}


# A feature's geometry member, as bytes of GeoJSON text: one for each feature GDAL should read.
_GEOMETRY_MEMBER = re.compile(rb'"geometry"\s*:')
_PROPERTIES_MEMBER = re.compile(rb'"properties"\s*:')


def _members(data: bytes) -> int:
    """The features a GeoJSON text may hold, as its "geometry" or its "properties" members count them: a
    feature GDAL leaves out (no type) without a "geometry" member (its place still to be drawn) has the other."""
    return max(len(_GEOMETRY_MEMBER.findall(data)), len(_PROPERTIES_MEMBER.findall(data)))


def check_features_read(path, frame):
    """InputError when GDAL read the GeoJSON file ``path`` (as ``frame``) without features or geometries it
    holds, and its words would mislead or it says nothing: a collection nested in a Feature's ``features``
    member, or given as a collection's feature (the outer object read alone); a feature whose type is not
    ``"Feature"`` (``"feature"``, none: left out); a geometry whose coordinates nest as another type's (read as
    none, or empty). The file is parsed only when GDAL read no geometry, an empty one, or fewer features than
    the file has geometry members."""
    from pathlib import Path

    from geo.dbf import read_sidecar

    path = Path(path)
    if path.suffix.lower() not in (".geojson", ".json") or not path.is_file():
        return
    geometry = getattr(frame, "geometry", None)  # None: GDAL read no geometry column at all
    emptied = frame.empty or geometry is None or geometry.isna().all()
    data = read_sidecar(path)
    if not emptied and not (geometry.isna() | geometry.is_empty).any() and _members(data) <= len(frame):
        return
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # not one JSON text: GDAL's words stand
        return
    problem = (_nested_collection(value) if emptied else None) or _feature_types(value)
    if problem:
        raise InputError(path, problem)
    check_coordinate_depths(value, path)


def _nested_collection(value):
    """What to say of a GeoJSON collection nested where GDAL does not look: in a Feature's ``features``
    member, or in a feature of the collection; else None."""
    features = value.get("features") if isinstance(value, dict) else None
    if not isinstance(features, list):
        return None
    if value.get("type") == "Feature":
        where = "is a GeoJSON Feature holding"
    elif value.get("type") == "FeatureCollection":
        at = next((n for n, f in enumerate(features, 1) if isinstance(f, dict) and isinstance(f.get("features"), list)),
                  None)
        if at is None:
            return None
        where, features = f"is a GeoJSON FeatureCollection whose feature {at} holds", features[at - 1]["features"]
    else:
        return None
    return (f"{where} {len(features)} feature{'s' * (len(features) != 1)} in its 'features' member, which GDAL does "
            "not read (it reads the outer object alone, without them): save the inner FeatureCollection as the file")


def _feature_types(value):
    """What to say of the first feature of a GeoJSON collection whose type is not ``"Feature"`` (GDAL leaves
    it out without a word); else None."""
    features = value.get("features") if isinstance(value, dict) and value.get("type") == "FeatureCollection" else None
    for number, feature in enumerate(features if isinstance(features, list) else (), 1):
        if not isinstance(feature, dict) or feature.get("type") == "Feature" or isinstance(feature.get("features"), list):
            continue
        kind = feature.get("type")
        said = ('has no "type": "Feature"' if kind is None else
                f"has type {kind!r}, not 'Feature' (GeoJSON's types are case-sensitive)"
                if isinstance(kind, str) and kind.lower() == "feature" else f"has type {kind!r}, not 'Feature'")
        return f"feature {number} {said}, which GDAL does not read: write its type as \"Feature\""
    return None


def check_feature_array(data, path):
    """InputError when the parsed JSON ``data`` GDAL could not read is an array of GeoJSON features (a script's
    list, not a FeatureCollection); nothing for other JSON."""
    if isinstance(data, list) and data and all(isinstance(item, dict) and "geometry" in item for item in data):
        raise InputError(path, f"is a JSON array of {len(data)} feature{'s' * (len(data) != 1)}, not a GeoJSON "
                               'FeatureCollection: write it as {"type": "FeatureCollection", "features": [...]}')


def check_untyped_collection(data, path):
    """InputError when the parsed JSON ``data`` GDAL could not read (``Failed to read GeoJSON data``) is an object
    with a ``features`` array and no ``type`` member (a script's output); nothing for other JSON."""
    if isinstance(data, dict) and "type" not in data and isinstance(data.get("features"), list):
        raise InputError(path, 'is JSON with "features" but no "type" member, which GeoJSON needs: add "type": '
                               '"FeatureCollection" to it ({"type": "FeatureCollection", "features": [...]})')


def check_coordinate_depths(data, path):
    """InputError naming the first feature of the parsed GeoJSON ``data`` whose geometry nests its coordinates
    deeper or shallower than its type does; nothing for other JSON."""
    features = data.get("features") if isinstance(data, dict) else None
    for number, feature in enumerate(features if isinstance(features, list) else (), 1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        item = geometry.get("coordinates") if isinstance(kind, str) and kind in _DEPTHS else None  # a list: unhashable
        depth = 0
        while isinstance(item, list) and item:
            depth, item = depth + 1, item[0]
        if depth and depth != _DEPTHS[kind]:
            raise InputError(path, f"feature {number}'s {kind} nests its coordinates {depth} deep, as "
                                   f"{_NESTED_AS.get(depth, 'no geometry does')} (a {kind}'s are {_DEPTHS[kind]} "
                                   "deep), which GDAL reads as no geometry: give it the type of its coordinates")


def _check_finite(geom, path, number):
    import shapely

    coords = shapely.get_coordinates(geom)
    if coords.size and not math.isfinite(float(coords.sum())):
        raise InputError(path, f"feature {number} has NaN or infinite coordinates")
    if coords.size and (abs(coords[:, 0]).max() > 180 or abs(coords[:, 1]).max() > 90):
        raise InputError(path, f"feature {number} has coordinates outside lon/lat range "
                               "(GeoJSON is WGS-84 degrees; projected data?)")
