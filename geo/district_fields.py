"""Which columns of a 街道 file to name, said when ``--name-field`` is left out.

`geo build --districts jd.gpkg` without ``--name-field`` was refused saying only that the option is needed;
a planner given an official file (XZQMC, XZQDM, MJ) did not know its columns. The refusal now lists them and
names the ones whose values are 街道/乡镇 names and codes, as the options to give.
"""

from __future__ import annotations

import re
import warnings

from geo import settings

_CODE = re.compile(r"\d{9}(?:\d{3})?")  # a 街道/乡镇 code: 9 digits, or the 12 of NBS's lists


def name_options_hint(path, layer=None) -> str:
    """What to add to the refusal of a 街道 file ``path`` given without ``--name-field``: its columns, and
    ``--name-field`` (with ``--code-field``) for the column whose values mostly end as 街道/乡镇 names do (and
    the one of 9- or 12-digit codes); '' when the file cannot be listed (the reader then says why)."""
    import pyogrio

    from geo.field_domains import code_of, coded_domains
    from geo.kml_descriptions import with_described_columns
    from geo.osm_subdistricts import LEVEL_SUFFIX
    from geo.vector_layers import kml_field_names, layer_infos
    from geo.vectors import gdal_source
    from geo.zone_codes import code_text

    from geo.kml_folders import folder_files

    infos = None
    if layer is None and (files := folder_files(path)):  # a folder of a KML per 街道: its first file's columns
        path = next(iter(files.values()))
    try:
        if layer is None and (infos := layer_infos(path)):  # the first layer holding features (a KML's first
            layer = next((name for name, info in infos.items() if info["features"]), None)  # folder: folders)
        with warnings.catch_warnings(), kml_field_names(path):
            warnings.simplefilter("ignore")  # pyogrio's "More than one layer found"
            frame = pyogrio.read_dataframe(gdal_source(path), layer=layer, read_geometry=False, max_features=settings.FIELD_HINT_FEATURES)
    except Exception:  # noqa: BLE001 - not readable: read_vector says why
        return ""
    frame = with_described_columns(frame, path, say=False)  # ArcGIS's KML: the attributes in each description's table
    for field, (_, coded) in coded_domains(path, layer).items():  # codes 1, 2 of a domain naming them
        if field in frame.columns:
            frame[field] = [coded.get(code_of(v), v) for v in frame[field].astype(object)]
    columns = [str(c) for c in frame.columns if c != "geometry"]
    if not columns:
        return ""
    names = [c for c in columns if _share(frame[c], lambda v: LEVEL_SUFFIX.search(str(v).strip()))]
    if len(names) > 1 and all(frame[c].astype(str).tolist() == frame[names[0]].astype(str).tolist() for c in names):
        names = names[:1]  # one name in two columns (ArcGIS's KML: its label as Name, the field in the description)
    codes = [c for c in columns if _share(frame[c], lambda v: _CODE.fullmatch(code_text(v)))]
    shown = ", ".join(columns[:12]) + (f" and {len(columns) - 12} more" if len(columns) > 12 else "")
    hint = f"; its columns: {shown}"
    if len(names) == 1:
        hint += f": --name-field {names[0]}" + (f" --code-field {codes[0]}" if len(codes) == 1 else "")
    elif not names and infos and (by_parts := _named_by_parts(path, infos, columns)):
        hint += by_parts
    return hint


def _named_by_parts(path, infos, columns) -> str:
    """For a folder of a Shapefile per 街道 (or a KML of a folder per 街道) named as 街道 are, whose features bear no
    name (``Id`` 0, Google Earth's 未命名多边形): the ``--name-field`` of one value in every part, which names each
    part's 街道 by its file or folder (:func:`geo.kml_folders.read_folders`); else ''."""
    from geo.boundary_checks import listed
    from geo.kml_folders import parts_kind
    from geo.osm_subdistricts import LEVEL_SUFFIX

    kind, parts = parts_kind(path), [name for name, info in infos.items() if info["features"]][:settings.FIELD_HINT_PARTS]
    if kind is None or len(parts) < 2 or not _share(parts, lambda v: LEVEL_SUFFIX.search(v)):
        return ""
    for column in columns:
        if (value := _one_value(path, parts, column)) is not None:
            part = kind.split()[-1].removesuffix("s")
            return f": --name-field {column} (its {kind} are named as 街道 are, {listed(parts)}: each {part}'s " \
                   f"features, all {column} {value}, named by their {part})"
    return ""


def _share(values, test) -> bool:
    """Whether most (over half) of the non-null ``values`` pass ``test``."""
    values = [v for v in values if isinstance(v, (str, int, float)) and v == v and str(v).strip()]  # no list, no NaN
    return bool(values) and sum(bool(test(v)) for v in values) * 2 > len(values)


def _one_value(path, parts, column):
    """The one value ``column`` holds in every feature of the layers ``parts`` of ``path``; None when it holds
    several, none, or a null (or a layer lacks it, or cannot be read)."""
    import pyogrio

    from geo.vector_layers import kml_field_names
    from geo.vectors import gdal_source

    values = set()
    for part in parts:
        try:
            with kml_field_names(path):
                frame = pyogrio.read_dataframe(gdal_source(path), layer=part, columns=[column], read_geometry=False,
                                               max_features=settings.FIELD_HINT_FEATURES)
        except Exception:  # noqa: BLE001 - only a suggestion
            return None
        if column not in frame.columns or frame[column].isna().any():
            return None
        values.update(str(v).strip() for v in frame[column])
        if len(values) > 1:
            return None
    return values.pop() if values and values != {""} else None
