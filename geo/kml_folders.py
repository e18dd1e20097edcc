"""A KML's folders, or a folder's Shapefiles, read as one layer of 街道: Google Earth's My Places sorts them into
folders, a surveyor delivers a Shapefile per 街道, and GDAL makes each folder or file a layer (a 街道 file was refused,
`several layers have a 'Name' column`, naming one layer: one 街道)."""

from __future__ import annotations

import re
from pathlib import Path

from geo.boundary_checks import listed
from geo.io import InputError
from geo.kml_once import read_kml_layers
from geo.vector_layers import is_kml_archive


def parts_kind(path):
    """What the layers of ``path`` are when they are parts of one layer of 街道: ``KML folders`` of a KML or KMZ (or a
    KML zipped to send it), ``files`` of a folder or zip archive of Shapefiles; else None."""
    path = Path(path)
    if path.suffix.lower() in (".kml", ".kmz") or is_kml_archive(path):
        return "KML folders"
    if path.is_dir() and not path.suffix.lower() == ".gdb" or path.suffix.lower() == ".zip":
        return "files"
    return None


# Files of a folder given as --districts read as its parts when it holds no Shapefile nor MapInfo set: 奥维 exports
# each object it is asked to as a KML of its own, a web tool each 街道 as a GeoJSON.
FOLDER_SUFFIXES = (".kml", ".kmz", ".geojson", ".json", ".gpkg", ".fgb", ".gml")


def folder_files(path, name_field=None):
    """``{name: file}`` of the vector files (:data:`FOLDER_SUFFIXES`) of the folder ``path`` that holds no Shapefile,
    MapInfo set or geodatabase, by name (a Mac's ``._`` files left out); a folder of Shapefiles beside a KML or
    GeoJSON of a 街道 each (:data:`BESIDE_SHAPEFILES`: a surveyor's Shapefiles, 奥维's KML of the 街道 drawn since),
    those of its files that have the column ``name_field``, a name shared by two files told apart by its suffix; {}
    for any other ``path`` (a folder of Shapefiles beside no such file: GDAL's layers of the folder)."""
    from geo.io import is_resource_fork
    from geo.vector_sources import is_geodatabase, mapinfo_in, shapefiles_in

    path = Path(path)
    if not path.is_dir() or is_geodatabase(path) or mapinfo_in(path):
        return {}
    shapefiles = shapefiles_in(path)
    files = [file for file in sorted(path.iterdir()) if file.is_file() and not is_resource_fork(file.name)
             and file.suffix.lower() in (BESIDE_SHAPEFILES if shapefiles else FOLDER_SUFFIXES)]
    if shapefiles and not files:  # Shapefiles alone: GDAL's layers of the folder
        return {}
    if shapefiles:  # of the 街道 files alone: not 道路.shp, nor a KML of labels
        files = [file for file in shapefiles + files if name_field and _has_field(file, name_field)]
        if all(file.suffix.lower() == ".shp" for file in files):
            return {}
    files = sorted(files)
    stems = [file.stem for file in files]
    return {file.stem if stems.count(file.stem) == 1 else file.name: file for file in files}


def _has_field(file, name_field) -> bool:
    """Whether the first layer of ``file`` has the column ``name_field`` (in any case; a Shapefile's cut at its .dbf's
    10 bytes)."""
    import pyogrio

    from geo.dbf import dbf_cut_names

    from geo.vectors import gdal_source

    try:
        fields = pyogrio.read_info(gdal_source(file))["fields"]
    except Exception:  # noqa: BLE001 - not readable: not read as a 街道 file here
        return False
    names = {name_field.lower()} | ({cut.lower() for cut in dbf_cut_names(name_field)}  # 街道名称 cut to 街道名
                                    if file.suffix.lower() == ".shp" else set())
    return any(str(field).lower() in names for field in fields)


# The files of a folder of Shapefiles read beside them as 街道 (the 街道 a surveyor's Shapefiles lack, drawn since in
# 奥维 or a web tool): silently left out, those 街道 were missing.
BESIDE_SHAPEFILES = (".kml", ".kmz", ".geojson")


def _filled_layers(file):
    from geo.vector_layers import layer_infos

    return [layer for layer, info in (layer_infos(file) or {}).items() if info["features"]]


def read_file(file, read_vector, unstated):
    """The 街道 of one file of a folder of a file per 街道, as one frame: its one layer of features, or its layers of
    polygons together when several hold features (奥维's 白石街道.kml of folders 标注, the office's point, and 边界;
    a 街道 and its enclave in two folders): its first layer alone was read, an empty or a point one."""
    import geopandas as gpd
    import pandas as pd

    filled = _filled_layers(file)
    if len(filled) < 2:
        return read_vector(file, layer=filled[0] if filled else None, unstated=unstated)
    frames = [read_vector(file, layer=layer, unstated=unstated) for layer in filled]
    polygonal = [frame for frame in frames if _polygon_count(frame)]
    frames = [frame.to_crs(frames[0].crs) if frame.crs != frames[0].crs else frame for frame in polygonal or frames]
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=frames[0].crs)


# GDAL's name for a KML's second folder of a name (白石街道 (#2)): a 街道 and its enclave, each in a folder of its name.
_GDAL_REPEAT = re.compile(r" \(#\d+\)$")


def read_folders(path, layers, unstated, read_vector, name_field):
    """The ``layers`` of ``path`` (a KML's folders, a folder's Shapefiles: :func:`parts_kind`) read as one frame, and
    what to say of it. Features of one name in every layer (Google Earth's 未命名多边形, Untitled Polygon; a Shapefile's
    Id 0) are named by their folders or files."""
    import geopandas as gpd
    import pandas as pd

    kind = parts_kind(path)
    layers = tuple(layers)
    frames = kind == "KML folders" and read_kml_layers(path, layers, read_vector, unstated)  # one parse of the KML
    frames = tuple(frames or (read_vector(path, layer=layer, unstated=unstated) for layer in layers))
    frames, said = _in_one_crs(path, layers, frames, kind)
    polygonal = [any(g is not None and g.geom_type.endswith("Polygon") for g in frame.geometry) for frame in frames]
    if any(polygonal) and not all(polygonal):  # a folder of the offices' points, of roads: no 街道 in it
        said += [f"{path}: left out its {kind} of no polygon "
                f"({listed([layer for layer, kept in zip(layers, polygonal) if not kept])})"]
        layers, frames = zip(*[(layer, frame) for layer, frame, kept in zip(layers, frames, polygonal) if kept])
    if (outline := _around_the_others(frames)) is not None:  # 区界.shp beside the 街道's files: the district's outline
        said.append(f"{path}: left out its {kind.split()[-1].removesuffix('s')} {layers[outline]}, whose polygon "
                    "covers all the others' (the district's outline?)")
        layers, frames = layers[:outline] + layers[outline + 1:], frames[:outline] + frames[outline + 1:]
    check_folders_apart(path, layers, frames, name_field, kind)
    if len(layers) > 1:
        said.append(f"{path}: read its {len(layers)} {kind} as one layer of 街道 ({listed(layers)})")
    columns = [next((c for c in frame.columns if str(c).lower() == name_field.lower()), None) for frame in frames]
    values = {None if value is None or isinstance(value, float) and value != value else str(value)  # None, NaN
              for frame, column in zip(frames, columns) if column is not None for value in frame[column]}
    if len(values) == 1 and len(layers) > 1 and None not in columns:
        for frame, column, layer in zip(frames, columns, layers):
            frame[column] = _GDAL_REPEAT.sub("", layer) if kind == "KML folders" else layer
        value = values.pop()  # a KML written by ogr2ogr: its names in ExtendedData, its <name> empty
        said[-1] = (f"{path}: its features are all " + (f"named {value!r}" if value is not None else
                    f"without a {columns[0]}") + f": each is named by its {kind.split()[-1].removesuffix('s')} "
                    f"({listed(layers)})")
    frame = pd.concat([frame for frame in frames if len(frame)] or frames[:1], ignore_index=True)
    return gpd.GeoDataFrame(frame, crs=frames[0].crs), said


def _in_one_crs(path, layers, frames, kind):
    """``frames`` in the first one's CRS, and what to say of it: a surveyor's files of a 街道 each, some in lon/lat and
    some in Gauss-Kruger metres (they could not be put together: ``Cannot determine common CRS``)."""
    crs = frames[0].crs
    if all(frame.crs == crs for frame in frames):
        return frames, []
    others = [layer for layer, frame in zip(layers, frames) if frame.crs != crs]
    said = [f"{path}: its {kind} are in different CRSs: {listed(others)} converted to the CRS of {layers[0]} "
            f"({crs.name})"]
    return tuple(frame if frame.crs == crs else frame.to_crs(crs) for frame in frames), said


def _polygons(frame):
    import shapely

    return shapely.union_all([g for g in frame.geometry if g is not None and g.geom_type.endswith("Polygon")])


def _polygon_count(frame) -> int:
    return sum(g is not None and g.geom_type.endswith("Polygon") for g in frame.geometry)


def _around_the_others(frames):
    """The index of the one of ``frames`` (three or more) whose one polygon covers the others' but for
    ``settings.KML_FOLDERS_OVERLAP`` of them: the district's outline among its 街道 (a folder of several 街道 around
    folders of 村 is no outline: two levels, refused by :func:`check_folders_apart`); else None."""
    import shapely

    from geo import settings

    if len(frames) < 3:
        return None
    areas = [_polygons(frame) for frame in frames]
    whole = shapely.union_all(areas).area
    for i, area in enumerate(areas):
        if area.area >= (1 - settings.KML_FOLDERS_OVERLAP) * whole > 0 and _polygon_count(frames[i]) == 1:
            others = shapely.union_all(areas[:i] + areas[i + 1:])
            if others.area > 0 and area.intersection(others).area >= (1 - settings.KML_FOLDERS_OVERLAP) * others.area:
                return i
    return None


def check_folders_apart(path, layers, frames, name_field, kind="KML folders"):
    """InputError when the polygons of two KML folders (or files: ``kind``) overlap by over ``settings.KML_FOLDERS_OVERLAP`` of the
    smaller's area: two levels (街道 and 村) or two versions, not the 街道 sorted into folders."""
    import shapely

    from geo import settings

    areas = [_polygons(frame) for frame in frames]
    pairs = shapely.STRtree(areas).query(areas, predicate="intersects")  # candidates alone: many folders stay fast
    for i, j in sorted((int(i), int(j)) for i, j in pairs.T if i < j):
        smaller = min(areas[i].area, areas[j].area)
        if smaller > 0 and areas[i].intersection(areas[j]).area > settings.KML_FOLDERS_OVERLAP * smaller:
            raise InputError(path, f"several layers have a {name_field!r} column ({', '.join(layers)}); name one as "
                                   f"'{path}|layername={layers[i]}' (its {kind} {layers[i]} and {layers[j]} overlap: "
                                   "two levels, 街道 and 村, or two versions?)")
