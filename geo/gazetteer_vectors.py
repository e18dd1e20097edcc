"""Gazetteer vector files read into rows: every layer with geometry in lon/lat, names and aliases by their columns, a GPS unit's unnamed features and features without coordinates left out, the datum a .prj states."""

from __future__ import annotations

from pathlib import Path

from geo.gazetteer_rows import cell_aliases
from geo.io import InputError
from geo.names import display_name
from geo.table_headers import header_key, name_column, text_or_none as _text
from geo.tables import with_synonyms


def read_vector_rows(path, warnings=None, *, layer=None):
    """(rows, geometries) of a vector gazetteer: each feature a dict of its header keys (its name column's
    value under ``name``, a field's alias naming it too), its geometry in lon/lat; features without
    coordinates left out with a warning. InputError when no column names the entries."""
    from geo.data import DATA_DIR
    from geo.geojson_read import read_geojson_frame

    if Path(path).parent == DATA_DIR:  # our own bundled GeoJSON: no need for GDAL
        frames = [read_geojson_frame(path)]
    else:
        frames = _read_layers(path, warnings, layer=layer)
    rows, geoms, all_keys, named = [], [], {}, None
    for gdf in frames:  # each layer names its entries by its own column (名称 of points, 道路名称 of roads)
        columns = [c for c in gdf.columns if c != gdf.geometry.name]
        keys = [header_key(c) for c in columns]  # KML's Name, a Shapefile's NAME
        # A field's alias (名称 for MC, as ArcGIS and QGIS show it) names it too, unless a field bears that name.
        aliases = {key: header_key(alias) for key, alias in zip(keys, map(gdf.attrs.get("field_aliases", {}).get, columns))
                   if alias and header_key(alias) not in keys}
        name_key = name_column(path, keys + list(aliases.values()))  # 项目名称
        rows += [with_synonyms(_with_aliases(dict(zip(keys, values)), aliases), name_key)
                 for values in gdf[columns].itertuples(index=False, name=None)]
        geoms += list(gdf.geometry.values)
        all_keys.update(dict.fromkeys(keys))
        named = named or next((column for key, column in zip(keys, columns)
                               if key == name_key or "name" in with_synonyms({key: None})), None)
    rows = [_listed_names(row) for row in rows]
    if rows and not any(_text(row.get("name")) for row in rows):
        if named is not None:
            raise InputError(path, f"its {str(named)!r} column is empty in every feature")
        from geo.mapinfo_files import laundered_field_hint

        raise InputError(path, f"gazetteer needs a 'name' column (or '名称'; found: {', '.join(all_keys)})"
                               + laundered_field_hint(path, all_keys, option=None))  # 名称 written 名_ by GDAL 3.6
    return _placed_rows(path, rows, geoms, warnings)


def _listed_names(row):
    """The row, its name the first of a list of names (a GeoJSON array, GDAL's StringList: ``["天桥医院",
    "天桥二院"]``) and the others its aliases: the entry was named ``['天桥医院', '天桥二院']``, its Python form.
    An object of names (``{"zh": "天桥医院", "en": "…"}``, GDAL's JSON field) is the list of its values."""
    import numpy as np

    listed = row.get("name")
    if isinstance(listed, dict):  # {"zh": "天桥医院", "en": "Tianqiao Hospital"}: a name in each language
        listed = list(listed.values())
    if not isinstance(listed, (list, tuple, np.ndarray)):
        return row
    names = [str(v).strip() for v in listed if v is not None and not isinstance(v, (dict, list)) and str(v).strip()]
    row["name"] = names[0] if names else None
    row["aliases"] = (*names[1:], *cell_aliases(row.get("aliases")))
    return row


def _with_aliases(row, aliases):
    """The row with each value of a field that has an alias also under it (``aliases``: key -> alias key)."""
    for key, alias in aliases.items():
        row.setdefault(alias, row[key])
    return row


def _placed_rows(path, rows, geoms, warnings=None):
    """The rows of a vector file that have a geometry (and theirs), those without one (a placemark whose
    coordinates are empty or not numbers: :func:`geo.vector_frames.without_coordinates`) left out, by name, in
    one warning; InputError when none has one."""
    from geo.boundary_checks import listed
    from geo.io import warn

    unplaced = [number for number, geom in enumerate(geoms) if geom is None or geom.is_empty]
    if not unplaced:
        return rows, geoms
    names = [display_name(rows[n].get("name") or "") or f"feature {n + 1}" for n in unplaced]
    if len(unplaced) == len(rows):
        raise InputError(path, f"no feature has coordinates ({listed(names)}): their coordinates are empty, not "
                               "numbers or 0,0")
    warn(f"{path}: left out {len(unplaced)} of {len(rows)} feature(s) without coordinates ({listed(names)}): their "
         "coordinates are empty, not numbers or 0,0", warnings)
    kept = sorted(set(range(len(rows))) - set(unplaced))
    return [rows[n] for n in kept], [geoms[n] for n in kept]


# GDAL's layers of a GPX file that repeat each vertex of its routes and tracks as an unnamed point.
_GPX_VERTEX_LAYERS = ("route_points", "track_points")


def _read_layers(path, warnings=None, *, layer=None):
    """Every layer with geometry of a vector file (only ``layer``, when named), in EPSG:4326, layer
    by layer in name order: a list of frames (of a GPX file: one of its waypoints, routes and tracks,
    not the points of their vertices; of a KMZ, the layers of each KML document in it, its doc.kml first)."""
    import pandas as pd

    from geo.vector_layers import layer_names
    from geo.vectors import read_vector

    try:
        layers = sorted(layer_names(path))  # of a KMZ, of every KML document in it
    except Exception:  # noqa: BLE001 - not readable: read_vector says what is wrong in one line
        layers = []
    if layer is not None:
        return [_in_lonlat(path, read_vector(path, layer=layer, assume_crs=None))]
    gpx = Path(path).suffix.lower() == ".gpx"
    if gpx:
        layers = [layer for layer in layers if layer not in _GPX_VERTEX_LAYERS]
    if len(layers) <= 1:
        frames = [_in_lonlat(path, read_vector(path, assume_crs=None, skip_invalid=gpx))]
    else:
        frames = [_in_lonlat(path, read_vector(path, layer=layer, assume_crs=None, skip_invalid=gpx))
                  for layer in layers]
        frames = [frame for frame in frames if len(frame)] or frames[:1]
    if not gpx:
        return frames
    return [_named_device_features(path, pd.concat(frames, ignore_index=True), warnings)]


def _named_device_features(path, frame, warnings=None):
    """A GPX file's features that have a name and a geometry: a GPS unit's file also holds
    unnamed tracks, empty logs (ACTIVE LOG) and segments of one point, left out with a warning;
    InputError when none is left."""
    from geo.io import warn

    names = frame["name"] if "name" in frame.columns else None
    named = names.notna() & (names.astype(str).str.strip() != "") if names is not None else frame.geometry.isna()
    kept = named & ~(frame.geometry.isna() | frame.geometry.is_empty)
    if not kept.any():
        raise InputError(path, "holds no named waypoint, route or track with a geometry")
    if not kept.all():
        warn(f"{path}: left out {int((~kept).sum())} of {len(frame)} waypoint(s), route(s) and track(s) without a "
             "name or a geometry (a GPS unit's unnamed tracks, empty logs, segments of one point)", warnings)
    return frame[kept].reset_index(drop=True)


def _in_lonlat(path, frame):
    """A layer reprojected to EPSG:4326; InputError when its .prj and eastings disagree about the
    Gauss-Kruger zone number (GDAL would give infinite coordinates, or ones thousands of km off)."""
    from geo.crs import is_web_mercator
    from geo.survey import crs_statement, zone_number_hint

    hint = zone_number_hint(frame, path)
    if hint:
        raise InputError(path, f"its coordinates do not fit {crs_statement(path)}{hint}")
    stated = _datum_of_crs(frame.crs)
    mercator = is_web_mercator(frame.crs)  # Baidu's metres too? (_web_mercator)
    frame = frame.to_crs(4326)
    frame = frame.assign(**{PRJ_MERCATOR: True}) if mercator else frame
    return frame.assign(**{PRJ_DATUM: stated}) if stated else frame


# The datum a vector file's CRS states for its rows (read where no datum column gives one), and
# whether it was Web Mercator (EPSG:3857).
PRJ_DATUM, PRJ_MERCATOR = "prj_datum", "prj_mercator"


def _datum_of_crs(crs):
    """``cgcs2000``, ``wgs84``, ``gcj02`` or ``bd09`` when a file's CRS states its datum: a CRS named for GCJ-02
    or BD-09 (:func:`geo.crs.stated_web_datum`), a Gauss-Kruger zone or UTM (no web map's
    GCJ-02 or BD-09 hides behind their metres) or lon/lat on CGCS2000 (EPSG:4490). None for WGS-84 lon/lat
    and for Web Mercator (EPSG:3857), which tools write over Amap's and Baidu's coordinates alike (QGIS over
    Amap's tiles: a web map's CRS)."""
    from geo.crs import is_web_mercator, stated_web_datum

    datum = getattr(getattr(crs, "geodetic_crs", None), "datum", None)
    if datum is None:
        return None
    if stated_web_datum(crs):  # a .prj a web-map tool named GCJ02 or BD09: its coordinates are in it
        return stated_web_datum(crs)
    if is_web_mercator(crs):
        return None
    name = datum.name.lower()
    if "china" in name and "2000" in name:
        return "cgcs2000"
    return "wgs84" if crs.is_projected and ("1984" in name or "wgs" in name) else None
