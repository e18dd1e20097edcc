"""A KML's folders read as one layer of 街道: Google Earth's My Places sorts them into folders, and GDAL makes each folder
a layer (a 街道 file was refused, `several layers have a 'Name' column`, naming one layer: one 街道)."""

from __future__ import annotations

from pathlib import Path

from geo.boundary_checks import listed
from geo.io import InputError
from geo.vector_layers import is_kml_archive


def is_kml(path) -> bool:
    """Whether ``path`` is a KML or KMZ (or a KML zipped to send it), whose layers are its folders."""
    return Path(path).suffix.lower() in (".kml", ".kmz") or is_kml_archive(path)


def read_folders(path, layers, unstated, read_vector, name_field):
    """The ``layers`` of the KML ``path`` (its folders) read as one frame, and what to say of it. Placemarks of
    one name in every folder (Google Earth's 未命名多边形, Untitled Polygon) are named by their folders."""
    import geopandas as gpd
    import pandas as pd

    frames = [read_vector(path, layer=layer, unstated=unstated) for layer in layers]
    polygonal = [any(g is not None and g.geom_type.endswith("Polygon") for g in frame.geometry) for frame in frames]
    said = []
    if any(polygonal) and not all(polygonal):  # a folder of the offices' points, of roads: no 街道 in it
        said = [f"{path}: left out its KML folder(s) of no polygon "
                f"({listed([layer for layer, kept in zip(layers, polygonal) if not kept])})"]
        layers, frames = zip(*[(layer, frame) for layer, frame, kept in zip(layers, frames, polygonal) if kept])
    check_folders_apart(path, layers, frames, name_field)
    if len(layers) > 1:
        said.append(f"{path}: read its {len(layers)} KML folders as one layer of 街道 ({listed(layers)})")
    columns = [next((c for c in frame.columns if str(c).lower() == name_field.lower()), None) for frame in frames]
    values = {str(value) for frame, column in zip(frames, columns) if column is not None for value in frame[column]}
    if len(values) == 1 and len(layers) > 1 and None not in columns:
        for frame, column, layer in zip(frames, columns, layers):
            frame[column] = layer
        said[-1] = (f"{path}: its placemarks are all named {values.pop()!r}: each is named by its KML folder "
                    f"({listed(layers)})")
    frame = pd.concat([frame for frame in frames if len(frame)] or frames[:1], ignore_index=True)
    return gpd.GeoDataFrame(frame, crs=frames[0].crs), said


def check_folders_apart(path, layers, frames, name_field):
    """InputError when the polygons of two KML folders overlap by over ``settings.KML_FOLDERS_OVERLAP`` of the
    smaller's area: two levels (街道 and 村) or two versions, not the 街道 sorted into folders."""
    import shapely

    from geo import settings

    areas = [shapely.union_all([g for g in frame.geometry if g is not None and g.geom_type.endswith("Polygon")])
             for frame in frames]
    pairs = shapely.STRtree(areas).query(areas, predicate="intersects")  # candidates alone: many folders stay fast
    for i, j in sorted((int(i), int(j)) for i, j in pairs.T if i < j):
        smaller = min(areas[i].area, areas[j].area)
        if smaller > 0 and areas[i].intersection(areas[j]).area > settings.KML_FOLDERS_OVERLAP * smaller:
            raise InputError(path, f"several layers have a {name_field!r} column ({', '.join(layers)}), and its KML "
                                   f"folders {layers[i]} and {layers[j]} overlap (two levels, 街道 and 村, or two "
                                   f"versions?); name one as '{path}|layername={layers[i]}'")
