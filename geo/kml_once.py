"""A KML's folders read in one opening of the file: GDAL makes each folder a layer and parses the whole file each time
it opens it, so reading a KML of hundreds of folders layer by layer took time growing as the square of its folders
(400 folders: 24 s). One query of GDAL's SQLite dialect (``UNION ALL`` over the folders, ``settings.KML_LAYERS_PER_QUERY``
at a time) reads them all from one parse; a source it does not suit (a KMZ of several documents, folders named alike
but for case, a query GDAL refuses) is read layer by layer as before (None here)."""

from __future__ import annotations

from geo.vector_layers import kml_listing

_NOT_FIELDS = ("GEOMETRY", "OGR_NATIVE_DATA", "OGR_NATIVE_MEDIA_TYPE")  # the virtual table's own columns


def _suits(path, layers) -> bool:
    """Whether the ``layers`` of the KML ``path`` can be read by one query: one document, names apart in SQLite's
    case-blind table names."""
    try:
        if len(kml_listing(path)) > 1:  # a KMZ of several documents: read document by document
            return False
    except Exception:  # noqa: BLE001 - not listable: read as before, which says why
        return False
    return len({str(layer).lower() for layer in layers}) == len(layers) > 1


def _table(layer) -> str:
    return '"' + str(layer).replace('"', '""') + '"'


def _text(layer) -> str:
    return "'" + str(layer).replace("'", "''") + "'"


def _chunks(layers):
    from geo import settings

    step = settings.KML_LAYERS_PER_QUERY
    return [layers[start:start + step] for start in range(0, len(layers), step)]


def _fields_and_counts(source, layers):
    """``({layer: [field, ...]}, {layer: features})`` of ``layers`` of the GDAL ``source``, one opening per chunk."""
    import pyogrio

    fields, counts = {layer: [] for layer in layers}, {}
    for chunk in _chunks(list(layers)):
        sql = " UNION ALL ".join(f"SELECT {i} AS part, name AS field, (SELECT COUNT(*) FROM {_table(layer)}) AS n "
                                 f"FROM pragma_table_info({_text(layer)})" for i, layer in enumerate(chunk))
        table = pyogrio.read_dataframe(source, sql=sql, sql_dialect="SQLITE")
        for part, field, count in zip(table["part"], table["field"], table["n"]):
            counts[chunk[int(part)]] = int(count)
            if field not in _NOT_FIELDS:
                fields[chunk[int(part)]].append(str(field))
    if set(counts) != set(layers):  # a layer of no column GDAL shows: not as expected
        raise ValueError("a layer was not listed")
    return fields, counts


def kml_layer_infos(path, source, layers, kinds):
    """``{layer: {"features", "fields", "geometry_type"}}`` of the KML ``path`` (GDAL's ``source`` of it) as
    ``pyogrio.read_info`` gives each, from one opening; ``kinds`` its layers' geometry types as listed; None when it
    does not suit (:func:`_suits`)."""
    import numpy as np

    if not _suits(path, layers):
        return None
    try:
        fields, counts = _fields_and_counts(source, layers)
    except Exception:  # noqa: BLE001 - GDAL refused the query: layer by layer, as before
        return None
    return {layer: {"features": counts[layer], "fields": np.array(fields[layer], dtype=object),
                    "geometry_type": kind} for layer, kind in zip(layers, kinds)}


def read_kml_layers(path, layers, read_vector, unstated):
    """The frames of ``layers`` of the KML ``path`` as ``read_vector(path, layer=…)`` gives each (its columns, in its
    order), from one opening per ``settings.KML_LAYERS_PER_QUERY`` layers; None when that does not suit."""
    from pathlib import Path

    from geo.vectors import gdal_options, gdal_source

    path, layers = Path(path), list(layers)
    if not _suits(path, layers):
        return None
    try:
        with gdal_options(path):  # the field names as read_vector reads them (not laundered)
            fields, _ = _fields_and_counts(gdal_source(path), layers)
    except Exception:  # noqa: BLE001 - GDAL refused the query: layer by layer, as before
        return None
    frames = []
    for chunk in _chunks(layers):
        columns = list(dict.fromkeys(field for layer in chunk for field in fields[layer]))
        sql = " UNION ALL ".join(
            "SELECT " + ", ".join([f"{i} AS geo_kml_part"]
                                  + [_table(c) if c in fields[layer] else f"NULL AS {_table(c)}" for c in columns]
                                  + ["GEOMETRY"]) + f" FROM {_table(layer)}" for i, layer in enumerate(chunk))
        try:
            whole = read_vector(path, sql=sql, unstated=unstated)
        except Exception:  # noqa: BLE001 - refused (a message of the union): layer by layer says it of its layer
            return None
        part = whole.pop("geo_kml_part").to_numpy()
        for i, layer in enumerate(chunk):
            frame = whole.loc[part == i, fields[layer] + [whole.geometry.name]].reset_index(drop=True)
            frame.attrs = dict(whole.attrs)
            frames.append(frame)
    return frames
