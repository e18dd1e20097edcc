"""A vector file's frame made fit to use once GDAL has read it: no false places (0,0, NaN), flat (no
heights), a drawing's text decoded, text lost to a writer's encoding warned of, features GEOS could not
build warned of, a KML's pictures laid over the map left out (:func:`geo.vectors.read_vector` calls these)."""

from __future__ import annotations

from pathlib import Path


def without_coordinates(frame):
    """Which features of ``frame`` place nothing: no geometry, an empty one, one whose coordinates
    are all NaN, or in lon/lat one whose every coordinate is exactly 0. The last is how GDAL reads a
    KML placemark whose ``<coordinates>`` are empty, ``nan`` or cut short (``117.0``): POINT (0 0),
    which no place of China's maps can be, and which must not be taken for one."""
    import numpy as np
    import shapely

    geoms = np.asarray(frame.geometry.values, dtype=object)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    coords, owner = shapely.get_coordinates(geoms[~missing], return_index=True)
    if not len(coords):
        return missing
    real = np.isfinite(coords).all(axis=1)
    if frame.crs is not None and frame.crs.is_geographic:
        real &= (coords != 0).any(axis=1)
    placed = np.zeros(int((~missing).sum()), dtype=bool)
    placed[owner[real]] = True
    missing[np.flatnonzero(~missing)[~placed]] = True
    return missing


def without_false_places(gdf):
    """The frame with no geometry where a feature has none to give (:func:`without_coordinates`):
    never a point at 0,0 or of NaN that readers would measure as somewhere."""
    import numpy as np

    missing = without_coordinates(gdf)
    if not missing.any() or gdf.geometry[missing].isna().all():
        return gdf
    gdf = gdf.copy()
    gdf.loc[np.asarray(missing), gdf.geometry.name] = None
    return gdf


def flat(gdf):
    """The frame with its geometries and CRS in two dimensions: heights (a survey's or a CAD
    export's Z) mean nothing to a plan map, and would go on into every layer and export
    (POLYGON Z); GDAL gives a GeoJSON with heights the 3D CRS EPSG:4979, which becomes 4326."""
    import geopandas as gpd
    import shapely

    geoms = gdf.geometry.values
    crs = gdf.crs.to_2d() if gdf.crs is not None and len(gdf.crs.axis_info) > 2 else gdf.crs  # EPSG:4979 -> 4326
    if not shapely.has_z(geoms).any() and crs == gdf.crs:
        return gdf
    flat = gdf.copy()
    flat[gdf.geometry.name] = gpd.GeoSeries(shapely.force_2d(geoms), index=gdf.index, crs=crs)
    return flat


def drawing_text(gdf):
    """A DXF's text columns (its labels' ``Text``, ``Layer``) with AutoCAD's escapes decoded."""
    from geo.cad import decode_escapes

    for column in gdf.columns:
        if column != gdf.geometry.name and gdf[column].map(lambda v: isinstance(v, str) and "\\" in v).any():
            gdf[column] = gdf[column].map(decode_escapes)
    return gdf


def without_overlays(path, gdf):
    """The frame of a KML or KMZ without its overlays (a GroundOverlay, a PhotoOverlay: a picture laid over the
    map, which GDAL reads as a feature of the picture's box, its ``icon`` the picture), each named in one warning:
    an aerial photo's box is no place (read as a 街道, or as a gazetteer's entry, it took the projects under it)."""
    import numpy as np

    from geo.io import warn

    if "icon" not in gdf.columns or Path(path).suffix.lower() not in (".kml", ".kmz"):
        return gdf
    overlay = np.asarray(gdf["icon"].map(lambda v: isinstance(v, str) and bool(v.strip())), dtype=bool)
    if not overlay.any():
        return gdf
    names = next((gdf[c] for c in gdf.columns if c.lower() == "name"), None)
    shown = [str(names.iloc[i]) if names is not None and isinstance(names.iloc[i], str) else f"feature {i + 1}"
             for i in np.flatnonzero(overlay)]
    warn(f"{path}: left out {len(shown)} picture(s) laid over the map ({'、'.join(shown[:5])}"
         f"{'…' if len(shown) > 5 else ''}: a KML GroundOverlay's box), which are no place", None)
    return gdf[~overlay].reset_index(drop=True)


def warn_lost_characters(path, gdf):
    """Warn when text values are mostly ``?``: what a writer puts for characters its encoding
    lacks (ogr2ogr saves a Shapefile in ISO-8859-1 unless told otherwise: 北园大街 -> ????)."""
    from pandas.api.types import is_object_dtype, is_string_dtype

    from geo.io import warn

    lost, example = 0, None
    for column in gdf.columns:
        if column == gdf.geometry.name or not (is_object_dtype(gdf[column]) or is_string_dtype(gdf[column])):
            continue
        values = gdf[column].dropna()
        values = values[values.map(lambda v: isinstance(v, str) and v.count("?") >= max(2, len(v.strip()) / 2))]
        lost += len(values)
        example = example or (values.iloc[0] if len(values) else None)
    if lost:
        warn(f"{path}: {lost} text value(s) are mostly '?' ({example!r}): the file was saved in an encoding without "
             "their characters, which are lost; save it again in UTF-8 (ogr2ogr -lco ENCODING=UTF-8) or as GeoPackage")


def unbuilt_geometries(label, frame, warnings=None):
    """Warn (:func:`geo.io.warn`) when features of ``frame`` have no geometry, as a reader
    skipping what GEOS cannot build leaves them (an OSM extract cut at its edge keeps a
    multipolygon of a ring of two points); the caller leaves them out."""
    from geo.io import warn

    count = int(frame.geometry.isna().sum())
    if count:
        warn(f"{label}: {count} feature(s) without a geometry that can be built (a ring of fewer than four "
             "points: an extract cut at its edge?) left out", warnings)


def check_numbers_fit_crs(path, gdf, hint=lambda: ""):
    """InputError naming the file, its CRS and its coordinates' range when they cannot be in that CRS:
    a projected CRS (metres) over numbers all within lon/lat's range (a .prj or ``crs`` member of another
    file, or one chosen by mistake), or lon/lat over numbers beyond it (metres in a GeoJSON, which RFC 7946
    makes lon/lat, or under a .prj of lon/lat). The one rule of every vector file read: geo never guesses
    which of the two is right. ``hint`` gives what more to say when the numbers are beyond lon/lat
    (the zone their metres fit)."""
    import numpy as np
    import shapely

    from geo.crs import crs_label, in_china
    from geo.io import InputError

    crs = gdf.crs
    if crs is None or not (crs.is_projected or crs.is_geographic) or not len(gdf):
        return
    coords = shapely.get_coordinates(gdf.geometry.values)
    coords = coords[np.isfinite(coords).all(axis=1)]
    if not len(coords):
        return
    (x0, y0), (x1, y1) = coords.min(axis=0), coords.max(axis=0)
    degrees = -180 <= x0 and x1 <= 180 and -90 <= y0 and y1 <= 90
    span = f"x {_number(x0)} to {_number(x1)}, y {_number(y0)} to {_number(y1)}"
    if crs.is_projected and degrees:
        raise InputError(path, f"its coordinates ({span}) are lon/lat degrees, and its CRS, {crs_label(crs)}, is in "
                               "metres: give the file the CRS of its numbers (WGS-84 lon/lat is EPSG:4326, "
                               "CGCS2000's EPSG:4490)")
    if crs.is_geographic and not degrees:
        swapped = bool(in_china([y0, y1], [x0, x1]).all())
        raise InputError(path, f"its coordinates ({span}) are out of range of its CRS, {crs_label(crs)}, in lon/lat "
                               "degrees: " + ("latitude and longitude swapped?" if swapped else f"wrong CRS?{hint()}"))


def _number(value) -> str:
    """A coordinate for a message: to the metre's centimetre in metres, to 6 decimals in degrees; past any
    CRS's metres (the earth is 4e7 m round) in 6 significant digits (``1e+308``, not its 309 digits)."""
    if abs(value) >= 1e9:
        return f"{value:.6g}"
    return f"{value:.{2 if abs(value) >= 1000 else 6}f}".rstrip("0").rstrip(".")
