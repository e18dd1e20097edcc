"""Checks of the 街道 and outline layers ``geo geocode`` stored, as later stages read them back (edited by hand since)."""

from __future__ import annotations

from geo.io import InputError


def check_stored_boundaries(zones_path, zones, outline_path, outline) -> None:
    """InputError naming the stored layer when a feature of it cannot be joined: a geometry that is no
    polygon (GDAL reads one it cannot parse as none) or of infinite coordinates, a 街道 of no code or of a
    code repeated, a ``boundary_quality`` coverage does not know.

    Parameters
    ----------
    zones_path, outline_path : path-like
        The layers' files, named in the error.
    zones, outline : geopandas.GeoDataFrame
        The layers as read, ``zones`` with its ``code`` and ``boundary_quality`` columns.
    """
    from geo.coverage import QUALITIES

    for path, frame in ((zones_path, zones), (outline_path, outline)):
        _check_polygons(path, frame)
    _check_codes(zones_path, zones)
    quality = str(zones["boundary_quality"].iloc[0])
    if quality not in QUALITIES:
        raise InputError(zones_path, f"its boundary_quality {quality!r} is none of {', '.join(QUALITIES)}; "
                                     "rerun geo geocode")


def _check_polygons(path, frame) -> None:
    """InputError naming the stored layer and its first feature whose geometry is no polygon: none, empty
    or of another type (GDAL reads a geometry it cannot parse, a coordinate edited to ``null``, as none)."""
    import numpy
    import shapely

    types = frame.geometry.geom_type
    bad = frame.geometry.isna() | frame.geometry.is_empty | ~types.isin(["Polygon", "MultiPolygon"])
    if bad.any():
        index = int(bad.to_numpy().nonzero()[0][0])
        name = frame["name"].iloc[index] if "name" in frame.columns else None
        found = "no geometry" if frame.geometry.iloc[index] is None or frame.geometry.iloc[index].is_empty \
            else f"a {types.iloc[index]}"
        label = f" ({name})" if isinstance(name, str) and name else ""
        raise InputError(path, f"feature {index + 1}{label} has {found}, expected a polygon (a geometry GDAL "
                               "cannot read is none); rerun geo geocode")
    finite = [bool(numpy.isfinite(shapely.get_coordinates(geometry)).all()) for geometry in frame.geometry]
    if not all(finite):
        raise InputError(path, f"feature {finite.index(False) + 1} has NaN or infinite coordinates; rerun geo geocode")


def _check_codes(path, zones) -> None:
    """InputError naming the stored 街道 layer and its first feature of no code, or a code repeated
    (the join tells 街道 apart by code)."""
    codes = zones["code"]
    empty = codes.isna() | (codes.astype(str).str.strip() == "")
    if empty.any():
        index = int(empty.to_numpy().nonzero()[0][0])
        raise InputError(path, f"feature {index + 1} has no 'code'; rerun geo geocode")
    repeated = codes.astype(str)[codes.astype(str).duplicated()]
    if not repeated.empty:
        raise InputError(path, f"the code {repeated.iloc[0]} is given to several features; rerun geo geocode")
