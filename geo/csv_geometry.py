"""A CSV's geometry as GDAL's CSV driver leaves it: the columns it may stand in, and the EWKT and SRID of a PostGIS dump's cells."""

from __future__ import annotations

from pathlib import Path

from geo.coordinates import EWKT_SRID, GEOMETRY_COLUMNS, wkb_as_ewkt, wkt_geometry
from geo.io import InputError


def csv_open_options(path) -> dict:
    """GDAL's open options for reading ``path``: for a CSV, its geometry looked for in every column a
    GIS or PostGIS names it (WKT or hex WKB: :data:`geo.coordinates.GEOMETRY_COLUMNS`); none for
    another file."""
    if Path(str(path)).suffix.lower() != ".csv":
        return {}
    return {"GEOM_POSSIBLE_NAMES": ",".join(GEOMETRY_COLUMNS)}


def with_stated_srid(path, gdf):
    """``gdf`` as GDAL read it from the CSV ``path``, its geometry in the reference system its cells
    state: EWKT (``SRID=4326;POLYGON …``, which GDAL leaves empty) or hex EWKB, as a PostGIS table
    dumped to CSV gives them, read as EPSG:4326 (:func:`geo.coordinates.wkt_geometry`), the text
    column dropped. A CSV whose cells state no SRID is returned as it is (without a .prj beside it
    it has no CRS).

    Raises
    ------
    geo.io.InputError
        Cells stating different SRIDs, or a cell that does not parse.
    """
    path = Path(str(path))
    if path.suffix.lower() != ".csv":
        return gdf
    column = next((c for c in gdf.columns if c != gdf.geometry.name and str(c).lower() in GEOMETRY_COLUMNS), None)
    if column is None or gdf.crs is not None:
        return gdf
    cells = [_ewkt(path, number, cell) for number, cell in enumerate(gdf[column], 1)]
    srids = sorted({match.group(1) for cell in cells if cell and (match := EWKT_SRID.match(cell))})
    if not srids:
        return gdf
    if len(srids) > 1 or any(cell and not EWKT_SRID.match(cell) for cell in cells):
        raise InputError(path, f"its {column!r} cells state different reference systems (SRID {', '.join(srids)}, "
                               "or none): give them in one")
    geometries = [_geometry(path, number, cell) for number, cell in enumerate(cells, 1)]
    return gdf.drop(columns=[column]).set_geometry(geometries, crs=4326)


def _ewkt(path, row, cell):
    """A geometry cell as EWKT or WKT text (hex EWKB read as its EWKT), None when empty."""
    if not isinstance(cell, str) or not cell.strip():
        return None
    try:
        return wkb_as_ewkt(cell) or cell
    except ValueError as exc:
        raise InputError(path, f"row {row}: {exc}") from None


def _geometry(path, row, cell):
    if cell is None:
        return None
    try:
        return wkt_geometry(cell)
    except Exception as exc:  # ValueError, shapely's GEOSException, pyproj's CRSError
        raise InputError(path, f"row {row}: not a readable geometry ({str(exc).splitlines()[0][:160]})") from None
