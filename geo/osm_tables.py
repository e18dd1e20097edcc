"""OSM features as tables (GDAL's OSM driver layers saved as GeoPackage, Shapefile or GeoJSON; QuickOSM's results): rows read as OSM tags."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from geo.io import InputError
from geo.vectors import no_crs, shapefiles_in, unreadable

# GDAL's OSM driver (ogr2ogr, QGIS) writes points, lines, multilinestrings, multipolygons and
# other_relations: what is neither a line nor an area (its geometry a collection), of which only
# site relations (type=site: a school's buildings) are read (geo.osm_sites).
SITES_LAYER = "other_relations"
# Columns that are no OSM key: ids (GDAL's, QuickOSM's) and GDAL's computed or metadata columns.
ID_COLUMNS = ("osm_id", "osm_way_id", "full_id", "osm_type")
NOT_KEYS = frozenset({*ID_COLUMNS, "z_order", "geometry", "fid", "other_tags", "osm_version", "osm_timestamp",
                      "osm_uid", "osm_user", "osm_changeset"})
_VECTOR_SUFFIXES = (".gpkg", ".sqlite", ".geojson", ".json", ".shp", ".zip", ".fgb")
# Files of named layers (a GeoPackage; SQLite or SpatiaLite, as `ogr2ogr -f SQLite` and QGIS save them).
_DATABASES = (".gpkg", ".sqlite")
# What --osm takes, for a file that is none of it.
EXPECTED = ("expected an OSM file: .osm.pbf, .osm (XML) or an Overpass answer, Overpass Turbo's GeoJSON, "
            "Geofabrik's or BBBike's shapefiles, or a table of OSM features (GDAL's OSM layers with osm_id "
            "and other_tags, or QuickOSM's with full_id and osm_type)")
# A Shapefile's text fields hold at most 254 bytes: GDAL cuts a longer other_tags there.
_DBF_FIELD_BYTES = 254
# The name keys GDAL's OSM driver writes as columns with ':' turned into '_' (osmconf.ini's
# attribute_name_laundering, on unless turned off): attributes=name,name:zh gives a name_zh column.
# A Shapefile's field names hold at most 10 characters: GDAL cuts admin_level to admin_leve.
_LAUNDERED = {"name_zh": "name:zh", "name_zh-Hans": "name:zh-Hans", "name_zh-Hant": "name:zh-Hant",
              "admin_leve": "admin_level"}


def is_osm_table(path, *, loose=False) -> bool:
    """True for a table of OSM features, by its columns (not its name): a layer with ``osm_id``
    and ``other_tags`` (or ``osm_way_id``), GDAL's OSM layers; or with ``full_id``, QuickOSM's.

    With ``loose`` (what ``--osm`` is given), also any GeoPackage and any vector file with an
    ``osm_id`` column that is no Geofabrik or BBBike layer: :func:`read_tables` then says what
    it lacks. Never raises.
    """
    path = Path(path)
    try:
        stat = path.stat()
        forms = _forms(str(path.resolve()), (stat.st_ino, stat.st_mtime_ns, stat.st_size))
    except (OSError, InputError):
        return False
    if forms & {"GDAL", "QuickOSM"}:
        return True
    if not loose:
        return False
    from geo.osm_shapefiles import is_geofabrik_extract

    if path.suffix.lower() in _DATABASES and path.is_file():
        return True
    return "osm_id" in forms and "Geofabrik" not in forms and not is_geofabrik_extract(path)


def source_name(path) -> str:
    """``GDAL OSM layers lines.gpkg`` or ``QuickOSM table schools.gpkg``, for an entry's ``source``."""
    path = Path(path)
    try:
        stat = path.stat()
        forms = _forms(str(path.resolve()), (stat.st_ino, stat.st_mtime_ns, stat.st_size))
    except (OSError, InputError):
        forms = set()
    what = "QuickOSM table" if "QuickOSM" in forms else "GDAL OSM layers" if "GDAL" in forms else "OSM table"
    return f"{what} {path.resolve().name}"


def read_tables(path, bbox=None, warnings=None):
    """The named features of a table of OSM features, each as OSM tags.

    Parameters
    ----------
    path : path
        A GeoPackage (every layer; of ``other_relations`` its site relations alone), a GeoJSON, a Shapefile, a folder of
        Shapefiles or a zip of them (read in place), as GDAL's OSM driver writes them
        (``ogr2ogr -f GPKG out.gpkg extract.osm.pbf``, QGIS "Save features as") or QuickOSM
        saves its results.
    bbox : tuple, optional
        ``(west, south, east, north)`` in WGS-84: only features whose bounding box meets it are
        read (GDAL's spatial filter, in the layer's CRS).
    warnings : list, optional
        Gets one line per Shapefile layer whose ``other_tags`` were cut at the 254-byte limit
        of a .dbf field (the tags after the cut are lost); without a list, stderr.

    Returns
    -------
    list of (dict, str, shapely geometry)
        ``(tags, object id, geometry in WGS-84)`` of the features with a name (or a ``ref``):
        tags are the row's non-empty key columns (all but ids, ``z_order``, geometry) and the
        pairs of its ``other_tags`` (:func:`parse_other_tags`; a JSON field's object too); a name key
        GDAL wrote laundered (``name_zh``) is read as the key (``name:zh``). Ids come from QuickOSM's
        ``full_id`` (``w123``) or ``osm_type``; in GDAL's layers from the geometry: points
        ``n<osm_id>``, lines ``w<osm_id>``, areas ``w<osm_way_id>`` (a closed way) or
        ``r<osm_id>`` (a multipolygon relation), lines of a relation layer
        (``multilinestrings``) ``r<osm_id>``.

        Route relations (a road's, a rail line's) give their codes and names to the ways
        drawn along their course, and the rest of their course stands for their unnamed
        member ways (:func:`geo.osm_routes.table_routes`). Rivers' relations are in
        ``other_relations``, not read: a river's named ways are. A site relation there (a
        school's buildings, ``type=site``) is the union of its members' areas, or a point at
        their centre (:func:`geo.osm_sites.table_site`), ``r<osm_id>``.

    Raises
    ------
    geo.io.InputError
        One line naming the file (and its layer): no layer with an ``osm_id`` column; a layer
        with ``osm_id`` but no OSM key column (``other_tags``, ``highway``, ``amenity``...),
        without a CRS, or with an ``other_tags`` that is no ``"key"=>"value"`` list; a single
        layer with no features, or every layer empty.
    """
    from geo import progress
    from geo.osm_routes import table_routes

    path = Path(path)
    layers = _layers(path)
    features, relations, empty, seen = [], [], 0, set()
    with progress.bar(len(layers), f"reading {path.name}", unit="layers", threshold=2) as advance:
        for layer in layers:
            read = _read_layer(layer, bbox, single=len(layers) == 1, warnings=warnings)
            empty += read is None
            for feature in read or ():
                if (feature[1], feature[2].geom_type) in seen:  # a layer and its copy (QuickOSM's queries)
                    continue
                seen.add((feature[1], feature[2].geom_type))
                is_relation_line = feature[1].startswith("r") and "LineString" in feature[2].geom_type
                (relations if is_relation_line else features).append(feature)
            advance(1)
    if empty == len(layers):
        raise InputError(path, "every layer is empty (no features)")
    return table_routes(features, relations)


def read_table_boundaries(path, bbox=None):
    """The ``boundary=administrative`` areas of a table of OSM features (:func:`read_tables`' forms),
    as GDAL's OSM driver assembled them (its ``multipolygons`` layer) or QuickOSM saved them.

    Parameters
    ----------
    path : path
        A GeoPackage, GeoJSON, Shapefile, folder or zip of them (:func:`read_tables`).
    bbox : tuple, optional
        ``(west, south, east, north)`` in WGS-84: only features whose bounding box meets it.

    Returns
    -------
    list of (dict, str, shapely geometry)
        ``(tags, object id, (Multi)Polygon in WGS-84)``: tags from the key columns and
        ``other_tags`` (``admin_level`` in either, or a Shapefile's ``admin_leve``), ids as
        :func:`read_tables` gives them (``r123``, ``w45``). The layers of points and lines are
        not read. Warnings the gazetteer's reading gives (:func:`read_tables`) are not repeated.

    Raises
    ------
    geo.io.InputError
        As :func:`read_tables`.
    """
    path = Path(path)
    found = []
    for layer in _layers(path):
        if layer.sites or any(kind in str(layer.info["geometry_type"]) for kind in ("Point", "LineString")):
            continue
        where = _boundary_filter(layer)
        for tags, object_id, geom in _read_layer(layer, bbox, single=False, warnings=[], where=where) or ():
            if tags.get("boundary") == "administrative" and geom.geom_type in ("Polygon", "MultiPolygon"):
                found.append((tags, object_id, geom))
    return found


def _boundary_filter(layer):
    """GDAL's attribute filter for the rows that may be ``boundary=administrative`` (None: every row)."""
    strings = {str(f): dtype == "object" for f, dtype in zip(layer.info["fields"], layer.info["dtypes"])}
    tests = []
    if strings.get(boundary := layer.columns.get("boundary")):
        tests.append(f"\"{boundary}\" = 'administrative'")
    if strings.get(other_tags := layer.columns.get("other_tags")):
        tests.append(f"\"{other_tags}\" LIKE '%administrative%'")
    return " OR ".join(tests) or None


# --------------------------------------------------------------------------- layers


class _Layer:
    """One layer: what GDAL opens (``source`` and ``name``, None for a single-layer file), how
    messages name it (``label``), its ``info`` (pyogrio.read_info) and its ``columns``
    (lowercase -> as written)."""

    def __init__(self, source, name, label, info):
        self.source, self.name, self.label, self.info = source, name, label, info
        self.sites = False  # GDAL's other_relations: only its site relations are read
        self.columns = {str(f).lower(): str(f) for f in info["fields"]}

    @property
    def form(self):
        return _form(self.columns)


@functools.lru_cache(maxsize=32)
def _forms(resolved, identity):
    """The forms (:func:`_form`) of a file's layers; empty when it is no vector table. Cached by
    the file's path and ``identity`` (inode, time, size): ``--osm``'s dispatch asks, then the
    source's label."""
    del identity  # part of the cache key only
    path = Path(resolved)
    if not (path.is_dir() or path.suffix.lower() in _VECTOR_SUFFIXES):
        return frozenset()
    from geo.osm_files import is_osm_geojson
    from geo.osm_shapefiles import is_geofabrik_extract

    if path.suffix.lower() in (".geojson", ".json") and is_osm_geojson(path):  # Overpass: its own reader
        return frozenset()
    if is_geofabrik_extract(path):  # by its layers' names: no need to open them
        return frozenset({"Geofabrik"})
    try:
        return frozenset(layer.form for layer in _layers(path, probe=True))
    except InputError:
        return frozenset()


def _form(columns):
    """What a layer's columns say it is: ``QuickOSM``, ``GDAL`` (the OSM driver's), ``Geofabrik``
    (or BBBike's: a class column), ``osm_id`` (an id, nothing else known), or None."""
    if "full_id" in columns:  # osm_type and osm_id alone are Nominatim's too: no tags
        return "QuickOSM"
    if "osm_id" not in columns:
        return None
    if "other_tags" in columns or "osm_way_id" in columns:
        return "GDAL"
    return "Geofabrik" if "fclass" in columns or "type" in columns else "osm_id"


def _layers(path, probe=False):
    """The layers of a file or folder to read, in its order; ``probe``: every layer, unchecked."""
    import pyogrio

    if path.is_dir():
        found = [(str(p), None, str(p)) for p in shapefiles_in(path, levels=2)]
    else:
        try:
            names = [str(n) for n, _ in pyogrio.list_layers(path)]
        except Exception as exc:  # noqa: BLE001 - pyogrio/GDAL raise several types: one line naming the file
            raise InputError(path, unreadable(exc, path)) from None
        several = len(names) > 1 or path.suffix.lower() in _DATABASES  # a GeoPackage's layer is named
        found = [(str(path), n if several else None, f"{path} (layer {n})" if several else str(path)) for n in names]
    layers = []
    for source, name, label in found:
        try:
            info = pyogrio.read_info(source, layer=name) if name else pyogrio.read_info(source)
        except Exception as exc:  # noqa: BLE001
            if probe:
                if (columns := _columns_despite_crs(exc, source)) is not None:
                    layers.append(_Layer(source, name, label, {"fields": columns}))
                continue
            raise InputError(label, unreadable(exc, source, "layer")) from None
        layers.append(_Layer(source, name, label, info))
    if probe:
        return layers
    names = (Path(source).stem.lower() if name is None else name.lower() for source, name, *_ in found)
    for layer, name in zip(layers, names):
        layer.sites = name == SITES_LAYER and "type" in layer.columns
    layers = [layer for layer in layers if layer.sites or layer.info["geometry_type"] not in ("GeometryCollection", None)]
    osm = [layer for layer in layers if layer.form]
    if not osm:
        raise InputError(path, f"no layer has an osm_id column: not OSM data ({EXPECTED})")
    return osm


# --------------------------------------------------------------------------- reading a layer


def _read_layer(layer, bbox, single, warnings, where=False):
    """``(tags, id, geometry)`` of one layer's named features, or of those ``where`` (GDAL's
    attribute filter; None: every row) selects; None when it has none at all (an empty layer)."""
    from geo.osm_shapefiles import layer_bbox
    from geo.vector_frames import unbuilt_geometries
    from geo.vectors import read_vector

    keys = _check(layer)
    if not layer.info["features"]:
        if single:
            raise InputError(layer.label, "layer is empty (no features)")
        return None
    options = {"where": _named(layer, keys) if where is False else where}
    if layer.sites:
        options["where"] = f"\"{layer.columns['type']}\" = 'site'"
    if bbox is not None:
        options["bbox"] = layer_bbox(bbox, layer.info["crs"])
    path = Path(layer.source)
    try:
        frame = read_vector(path, layer=layer.name, skip_invalid=True, **options)
    except InputError:
        if options["where"] is None:
            raise
        # A filter GDAL's SQL of that format does not take (a column of numbers): every row.
        frame = read_vector(path, layer=layer.name, bbox=options.get("bbox"), skip_invalid=True)
    unbuilt_geometries(layer.label, frame, warnings)
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    features = _features(layer, frame, keys, warnings)
    if layer.sites:
        from geo.osm_sites import table_site

        features = [(made[0], object_id, made[1]) for tags, object_id, geom in features
                    if (made := table_site(tags, geom)) is not None]
    return features


def _columns_despite_crs(exc, source):
    """The columns of a Shapefile whose .prj GDAL cannot read (``exc`` a CRSError), from its
    .dbf alone, so that its form is told and reading it names the .prj; else None."""
    from geo.dbf import dbf_fields, dbf_sample

    dbf = next((p for p in (Path(source).with_suffix(".dbf"), Path(source).with_suffix(".DBF")) if p.exists()), None)
    if type(exc).__name__ != "CRSError" or dbf is None:
        return None
    with open(dbf, "rb") as handle:
        return dbf_fields(dbf_sample(handle))


def _check(layer):
    """The layer's OSM key columns; InputError when it has none or no CRS."""
    from geo.osm_tags import AREA_KEYS, AREA_TAGS, LINE_KEYS, PLACE_KEY, POINT_KEYS

    keys = [column for low, column in layer.columns.items() if low not in NOT_KEYS]
    kinds = {*LINE_KEYS, *POINT_KEYS, *AREA_KEYS, *AREA_TAGS, PLACE_KEY, "type", "route"}
    if "other_tags" not in layer.columns and not kinds & {k.lower() for k in keys}:
        found = ", ".join(layer.columns.values()) or "none"
        raise InputError(layer.label, f"has {'full_id' if 'full_id' in layer.columns else 'osm_id'} but no OSM key "
                                      f"column telling what a feature is (other_tags, or keys such as highway, "
                                      f"amenity, landuse; found: {found})")
    if layer.info["crs"] is None:
        raise InputError(layer.label, no_crs(layer.source))
    return keys


def _named(layer, keys):
    """GDAL's attribute filter for the rows with a name or a ``ref`` (None: read every row)."""
    from geo.osm_tags import NAME_KEYS

    strings = {str(f): dtype == "object" for f, dtype in zip(layer.info["fields"], layer.info["dtypes"])}
    wanted = [k for k in keys if _LAUNDERED.get(k, k) in (*NAME_KEYS, "ref")]
    other_tags = layer.columns.get("other_tags")
    if not all(strings.get(k) for k in wanted + ([other_tags] if other_tags else [])):
        return None  # a column of numbers: not every format's SQL compares it with text
    tests = [f"\"{k}\" <> ''" for k in wanted]
    if other_tags:
        tests += [f"\"{other_tags}\" LIKE '%name%'", f"\"{other_tags}\" LIKE '%\"ref\"%'"]
    return " OR ".join(tests) or None


def _features(layer, frame, keys, warnings):
    from geo.io import warn
    from geo.osm_shapefiles import cell_text

    columns = {role: layer.columns.get(role) for role in (*ID_COLUMNS, "other_tags")}
    present = [c for c in [*keys, *filter(None, columns.values())] if c in frame.columns]
    features, cut = [], 0
    dbf = layer.source.lower().endswith((".shp", ".zip"))  # a Shapefile, or a zip of them
    for values, geom in zip(frame[present].itertuples(index=False, name=None), frame.geometry.values):
        # other_tags of tags_format=json: a JSON field, which pyogrio reads as a dict
        row = {column: cell_text(json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value)
               for column, value in zip(present, values)}
        if geom is None or geom.is_empty:
            continue
        if geom.geom_type in ("MultiPoint", "MultiLineString") and len(geom.geoms) == 1:
            geom = geom.geoms[0]  # ogr2ogr -nlt PROMOTE_TO_MULTI: a node's point, a way's line
        object_id = _object_id(layer, columns, row, geom)
        if object_id is None:  # a feature added by hand, no OSM object
            continue
        tags = {_LAUNDERED.get(key, key): row[key] for key in keys if row.get(key)}
        if columns["other_tags"] and row.get(columns["other_tags"]):
            more, truncated = parse_other_tags(row[columns["other_tags"]], label=f"{layer.label}: {object_id}",
                                               cut_at=_DBF_FIELD_BYTES if dbf else None)
            cut += truncated
            tags = {**more, **tags}
        if tags:
            features.append((tags, object_id, geom))
    if cut:
        warn(f"{layer.label}: other_tags of {cut} feature(s) cut at the Shapefile's {_DBF_FIELD_BYTES}-byte limit; "
             "the tags after the cut are lost (save the layers as GeoPackage to keep them)", warnings)
    return features


_FULL_ID = re.compile(r"^([nwr])(-?\d+)$")


def _object_id(layer, columns, row, geom):
    """``n123``, ``w123`` or ``r123`` (see :func:`read_tables`)."""
    full_id = row.get(columns["full_id"]) if columns["full_id"] else None
    if full_id and _FULL_ID.match(full_id):
        return full_id
    osm_id = row.get(columns["osm_id"]) if columns["osm_id"] else None
    osm_type = (row.get(columns["osm_type"]) or "").lower() if columns["osm_type"] else ""
    way_id = row.get(columns["osm_way_id"]) if columns["osm_way_id"] else None
    if osm_type in ("node", "way", "relation", "n", "w", "r"):
        letter = osm_type[0]
    elif geom.geom_type in ("Point", "MultiPoint"):
        letter = "n"
    elif geom.geom_type in ("Polygon", "MultiPolygon"):
        letter, osm_id = ("w", way_id) if way_id else ("r", osm_id)
    else:  # a relation layer (GDAL's multilinestrings) has a type column and no line keys
        relation = (layer.name or Path(layer.source).stem).lower() == "multilinestrings" or \
            ("type" in layer.columns and not {"highway", "waterway", "railway", "z_order"} & set(layer.columns))
        letter = "r" if relation else "w"
    return f"{letter}{osm_id}" if osm_id else None


# --------------------------------------------------------------------------- other_tags


# One "key"=>"value" pair of an hstore string (GDAL escapes " and \ with a backslash), then a
# comma or the end; a value may be NULL.
_PAIR = re.compile(r'\s*"((?:[^"\\]|\\.)*)"\s*=>\s*(?:"((?:[^"\\]|\\.)*)"|(NULL))\s*(?:,|$)', re.DOTALL)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def parse_other_tags(text, *, label=None, cut_at=None):
    """The tags of GDAL's ``other_tags`` column: ``"ref"=>"G104","name:zh"=>"北园大街"``
    (hstore; ``\\"`` and ``\\\\`` escaped, ``=>`` and commas inside quotes part of the value),
    or the JSON object GDAL writes with ``TAGS_FORMAT=JSON``. Never evaluated.

    Returns ``(tags, cut)``: ``cut`` is True when the text breaks off in a pair and is
    ``cut_at`` bytes long or within a character of it (a Shapefile's field limit): the pairs
    before the break are kept. Any other text that is no such list is an InputError naming
    ``label``.
    """
    text = str(text)
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict):
            return {str(k): str(v) for k, v in data.items() if v is not None}, False
        if not cut_at:
            raise InputError(label, f"other_tags is not a JSON object of tags ({_excerpt(text)})")
    tags, position = {}, 0
    end = len(text.rstrip())  # trailing spaces are no pair (found once, not after each pair: linear)
    while position < end:
        match = _PAIR.match(text, position)
        if match is None or match.end() == position:
            if cut_at and len(text.encode("utf-8")) >= cut_at - 3:
                return tags, True
            raise InputError(label, f"other_tags is not a list of \"key\"=>\"value\" pairs: cannot read "
                                    f"{_excerpt(text[position:])}")
        key, value, null = match.groups()
        if null is None:
            tags[_ESCAPE.sub(r"\1", key)] = _ESCAPE.sub(r"\1", value)
        position = match.end()
        if position < len(text) and text[match.end() - 1] != ",":  # a pair not followed by a comma
            raise InputError(label, f"other_tags is not a list of \"key\"=>\"value\" pairs: cannot read "
                                    f"{_excerpt(text[position:])}")
    return tags, False


def _excerpt(text, length=40):
    text = " ".join(text.split())
    return repr(text if len(text) <= length else text[:length] + "...")


