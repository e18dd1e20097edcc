"""The tables an export reads: layers and the catalog, filtered, reprojected and typed for OGR."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from geo.atomic_files import value_kind

from geo.io import InputError

ALL = "all"
PROJECTS = "projects"

# Column order of the reference layers (the 街道 contract); project layers follow LAYER_COLUMNS.
_ZONE_COLUMNS = ["code", "name", "boundary_quality", "source"]

class Table:
    """One layer in memory: ordered columns, rows of plain Python values, shapely geometries (EPSG:4326)."""

    def __init__(self, name, path, columns, rows, geoms):
        self.name, self.path, self.columns, self.rows, self.geoms = name, Path(path), columns, rows, geoms

    def subset(self, keep):
        return Table(self.name, self.path, self.columns, [r for r, k in zip(self.rows, keep) if k],
                      [g for g, k in zip(self.geoms, keep) if k])


# --------------------------------------------------------------------------- reading


def layer_files(layers_dir, *, must_exist=True):
    layers_dir = Path(layers_dir)
    if not layers_dir.exists():
        if must_exist:
            raise InputError(layers_dir, "layers directory not found (run geo build or geo geocode first)")
        return {}
    if not layers_dir.is_dir():
        raise InputError(layers_dir, "is not a directory (expected the layers directory)")
    # A broken link or a folder named as a layer is one that cannot be read (said when it is), not none.
    return {p.stem: p for p in sorted(layers_dir.glob("*.geojson")) if not p.name.startswith(".")}


def select_tables(layer, layers_dir):
    # ``projects`` is the catalog beside the layers folder: a projects.geojson inside it (a copy
    # left there, an export of an older version) is no layer and never stands for the catalog.
    files = {name: path for name, path in layer_files(layers_dir).items() if name != PROJECTS}
    projects_path = Path(layers_dir).parent / "projects.geojson"
    if layer == ALL:
        if not files:
            raise InputError(layers_dir, "no layers found (run geo build or geo geocode first)")
        return [read_layer(name, path) for name, path in files.items()]
    if layer == PROJECTS:
        if not projects_path.exists():
            raise InputError(projects_path, "catalog not found (run geo build, or pass --layers-dir)")
        return [read_projects(projects_path)]
    if layer not in files:
        known = list(files) + ([PROJECTS] if projects_path.exists() else []) + [ALL]
        raise InputError(None, f"unknown layer {layer!r} in {layers_dir} (known: {', '.join(known)})")
    return [read_layer(layer, files[layer])]


def read_layer(name, path):
    from geo.geojson_read import read_feature_collection

    collection, features = read_feature_collection(path)
    crs_member = collection.get("crs")
    if crs_member and "CRS84" not in json.dumps(crs_member) and "4326" not in json.dumps(crs_member):
        raise InputError(path, "layer is not in WGS-84 lon/lat (has a non-RFC 7946 'crs' member)")
    keys = []
    for feature in features:
        keys += [k for k in feature["properties"] if k not in keys]
    _check_typed_fields(path, features)
    return _sorted_table(Table(name, path, _ordered_columns(keys), [f["properties"] for f in features],
                                [f["geometry"] for f in features]))


# What each typed field of the layer contract holds, as errors name it, and the values that are one.
_TYPED_FIELDS = {"boolean": ("true or false", lambda v: isinstance(v, bool)),
                 "integer": ("a whole number", lambda v: isinstance(v, int) and not isinstance(v, bool)
                             and abs(v) < 2**63),
                 "real": ("a number", lambda v: isinstance(v, float)
                          or isinstance(v, int) and not isinstance(v, bool) and abs(v) <= 2**53)}


# A number as QGIS writes it into a column it took for text: digits, a point, an exponent; of a whole-number field digits.
_NUMBER_TEXT = {"real": re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"), "integer": re.compile(r"[-+]?\d+")}


def _check_typed_fields(path, features):
    """InputError naming the feature and field when a field of the layer contract that is no text
    (``named``, ``char_start``, ``accuracy_m``...) holds a value of another kind (a layer edited by
    hand: ``"约5"`` for a length, ``"false"`` for ``named``, which would export as true).

    A number written as text in a number field (``"7.5"``) is read as that number, said in one warning a field: QGIS
    opens a GeoJSON's number column that is null in every feature as text (GDAL types a GeoJSON column by its values,
    and none says it holds numbers), and saves what a planner types into it as text."""
    from geo.catalog import LAYER_SCHEMA, ZONE_SCHEMA
    from geo.io import warn

    schema = {**ZONE_SCHEMA, **LAYER_SCHEMA}
    as_text = {}
    for number, feature in enumerate(features, 1):
        for field, value in feature["properties"].items():
            if isinstance(value, str) and (pattern := _NUMBER_TEXT.get(schema.get(field))) is not None \
                    and pattern.fullmatch(value.strip()) and math.isfinite(float(value)):
                as_text.setdefault(field, []).append(value)
                value = feature["properties"][field] = int(value) if schema[field] == "integer" else float(value)
            kind = _TYPED_FIELDS.get(schema.get(field))
            if value is not None and kind is not None and not kind[1](value):
                named = feature["properties"].get("id") or feature.get("id")
                shown = f"feature {number}" + (f" ({named})" if isinstance(named, str) else "")
                raise InputError(path, f"{shown}: field {field!r} is {json.dumps(value, ensure_ascii=False)[:80]}, "
                                       f"not {kind[0]}")
    for field, values in as_text.items():
        warn(f"{path}: {len(values)} value(s) of {field!r} are numbers written as text ({json.dumps(values[0])}): "
             "read as numbers (QGIS opens a GeoJSON's number column null in every feature as text, and saves what is "
             "typed into it so)")


def read_projects(path):
    from geo.catalog import LAYER_COLUMNS, flat_properties
    from geo.pipeline import read_catalog

    features, _ = read_catalog(path)
    rows = [flat_properties(f["properties"], f.get("geometry")) for f in features]
    return _sorted_table(Table(PROJECTS, path, list(LAYER_COLUMNS), rows, [f["geometry"] for f in features]))


def _ordered_columns(keys):
    """The contract's columns in its order (the 街道 one for a layer of zones, which has a
    ``code`` and no ``id``, else the project layers'), then any others sorted."""
    from geo.catalog import LAYER_COLUMNS

    zones = "code" in keys and "id" not in keys
    order = _ZONE_COLUMNS + list(LAYER_COLUMNS) if zones else list(LAYER_COLUMNS) + _ZONE_COLUMNS
    known = list(dict.fromkeys(c for c in order if c in keys))
    return known + sorted(k for k in keys if k not in known)


def _sorted_table(table):
    key = "id" if "id" in table.columns else ("code" if "code" in table.columns else None)
    if key is None:
        return table
    order = sorted(range(len(table.rows)), key=lambda i: str(table.rows[i].get(key) or ""))
    return Table(table.name, table.path, table.columns, [table.rows[i] for i in order],
                  [table.geoms[i] for i in order])


# --------------------------------------------------------------------------- filters


def check_category(category):
    from geo.data import category_codes

    codes = category_codes()
    if category not in codes:
        raise InputError("--category", f"unknown category {category!r} (known: {', '.join(codes)})")


def filter_tables(tables, layer, *, category, subdistrict):
    out = []
    for table in tables:
        keep = [True] * len(table.rows)
        applicable = True
        for option, value, test in (("--category", category, _category_test),
                                    ("--subdistrict", subdistrict, _subdistrict_test)):
            if value is None:
                continue
            row_test = test(table, value.strip())
            if row_test is None:
                if layer != ALL:
                    raise InputError(table.path, f"{option} does not apply to layer {table.name!r} "
                                                 f"(it has no such column)")
                applicable = False
                break
            keep = [k and row_test(r) for k, r in zip(keep, table.rows)]
        if not applicable:
            continue
        subset = table.subset(keep)
        if subset.rows or layer != ALL:
            out.append(subset)
    filters = " ".join(f"{o} {v}" for o, v in (("--category", category), ("--subdistrict", subdistrict)) if v)
    if not out or not any(t.rows for t in out):
        where = Path(tables[0].path).parent if layer == ALL else tables[0].path
        named = _subdistricts_named(tables) if subdistrict else ""
        raise InputError(where, f"no features match {filters}{named}" if filters else "layer has no features")
    return out


def _subdistricts_named(tables, most=8):
    """``(the layers name these 街道: A、B…)``: the 街道 names the tables hold, for a --subdistrict
    that matched none (misspelt, or of a build whose district is one zone)."""
    from geo.catalog import split_list

    names = set()
    for table in tables:
        for row in table.rows:
            names.update(s.strip() for s in split_list(row.get("subdistrict_names")) if s.strip())
            if table.name == "subdistricts" and row.get("name"):
                names.add(str(row["name"]).strip())
    if not names:
        return " (the layers name no 街道)"
    from geo.places import zone_level
    from geo.safe_text import one_line

    shown = sorted(names)
    return (f" (the layers name these {zone_level(shown)}: {'、'.join(map(one_line, shown[:most]))}"
            f"{'…' if len(shown) > most else ''})")


def _category_test(table, category):
    if "category" not in table.columns:
        return None
    return lambda row: row.get("category") == category


def _subdistrict_test(table, value):
    from geo.catalog import split_list

    # 北园 is 北园街道, 江湾 江湾镇, 段莘 段莘乡: a 街道 or 乡镇 named without its level
    wanted = {value} | ({value + level for level in ("街道", "镇", "乡")} if not value.endswith(("街道", "镇", "乡")) else set())
    named = _names_as(value)
    if "subdistrict_codes" in table.columns or "subdistrict_names" in table.columns:
        def test(row):
            values = set()
            for column in ("subdistrict_codes", "subdistrict_names"):
                values.update(s.strip() for s in split_list(row.get(column)) if s.strip())
            return bool(values & wanted) or any(map(named, values))
        return test
    if table.name == "subdistricts" or ("code" in table.columns and "boundary_quality" in table.columns):
        return lambda row: str(row.get("code")) in wanted or str(row.get("name")) in wanted or named(str(row.get("name")))
    return None


def _names_as(value):
    """Whether a 街道's name is the one ``value`` names as :func:`geo.osm_subdistricts.name_stem` reads both: 蒋村 and
    蒋村街道 name 蒋村街道办 and 西湖区蒋村街道; a level ``value`` says is the name's too (泺口街道 is no 泺口镇)."""
    from geo.osm_subdistricts import LEVEL_SUFFIX, name_stem
    from geo.places import zone_level

    stem, said = name_stem(value), LEVEL_SUFFIX.search(value)
    level = zone_level([value]) if said else None
    return lambda name: name_stem(name) == stem and (level is None or zone_level([name]) == level)


def located_only(table, *, single):
    """``table``'s features with a place (a Shapefile holds no other), a warning naming those left out;
    None when it has none (an InputError when it is the one table exported: ``single``)."""
    from geo.boundary_checks import listed
    from geo.io import warn

    keep = [g is not None and not g.is_empty for g in table.geoms]
    if all(keep):
        return table
    if not any(keep):
        if single:
            raise InputError(table.path, "no located features to write as a Shapefile "
                                         "(use --format geojson, gpkg or csv to export unlocated projects)")
        return None
    names = [row.get("name") or row.get("id") for row, kept in zip(table.rows, keep) if not kept]
    warn(f"{table.path}: {len(names)} of its {len(keep)} projects, not located, left out of the Shapefile, which holds "
         f"features with a place alone ({listed(names)}); --format gpkg, csv or geojson keeps them")
    return table.subset(keep)


# --------------------------------------------------------------------------- CRS and frames


def target_crs(crs, fmt):
    if crs is None:
        return None
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        target = CRS.from_user_input(crs)
    except CRSError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else "unknown"
        raise InputError("--crs", f"{crs!r} is not a valid coordinate reference system ({reason})") from None
    target = _horizontal(target, crs)
    from geo.crs import local_datum_name

    local = local_datum_name(target)
    if local:  # PROJ would write CGCS2000 positions under its label, or shift them by another region's parameters
        raise InputError("--crs", f"{target.name} is on the datum {local}, whose shift from WGS-84 varies by place "
                                  "and has no public parameters; export in CGCS2000 (EPSG:4490, or its Gauss-Kruger "
                                  "zone such as EPSG:4548) and convert with your surveying office's parameters")
    is_wgs84 = target.to_epsg() == 4326 or target.equals(CRS.from_user_input("OGC:CRS84"))
    if fmt == "geojson" and not is_wgs84:
        raise InputError("--crs", f"GeoJSON is always WGS-84 lon/lat (RFC 7946), not {crs}; "
                                  "use --format gpkg, shp or csv for another CRS")
    if fmt == "kml" and not is_wgs84:
        raise InputError("--crs", f"KML is always WGS-84 lon/lat, not {crs}; use --format gpkg, shp or csv "
                                  "for another CRS")
    return None if is_wgs84 else _reachable(target, crs)


def _reachable(target, crs):
    """``target``; InputError when PROJ has no way to it from WGS-84 (the CRS of another body:
    IAU_2015:30100, the Moon), which stopped the export at its first layer, naming no option."""
    from pyproj import Transformer
    from pyproj.exceptions import ProjError

    try:
        Transformer.from_crs("EPSG:4326", target, always_xy=True)
    except ProjError as exc:
        said = (str(exc).splitlines() or ["no transformation"])[0].split("proj_create_operations: ")[-1]
        said = said[:-1] if said.count(")") > said.count("(") else said  # the end of "(Internal Proj Error: ..."
        reason = said.split(". ")[0].rstrip(".")  # PROJ's first sentence, not its way to override the check
        raise InputError("--crs", f"{crs} ({target.name}) cannot be reached from WGS-84 lon/lat ({reason})") from None
    return target


def _horizontal(target, crs):
    """The CRS of map coordinates in ``target``: itself, its horizontal part (of a compound CRS with
    heights, EPSG:4326+5773) or its 2D form (EPSG:4979 -> 4326); InputError for a CRS that has none
    (geocentric X/Y/Z, heights alone): a layer in it would be no map."""
    if target.is_compound:
        target = target.sub_crs_list[0]
    if len(target.axis_info) > 2 and (target.is_geographic or target.is_projected):
        target = target.to_2d()
    if target.is_geocentric or target.is_vertical or not (target.is_geographic or target.is_projected):
        kind = "geocentric" if target.is_geocentric else "vertical" if target.is_vertical else target.type_name
        raise InputError("--crs", f"{crs} ({target.name}) is a {kind.lower()} CRS, which holds no map coordinates; "
                                  "export in a geographic or projected CRS (EPSG:4490, or a Gauss-Kruger zone such "
                                  "as EPSG:4548)")
    return target


def _check_area_of_use(frame, target_crs, layer):
    """InputError when the layer lies wholly outside the area ``target_crs`` is made for (a Gauss-Kruger
    zone of another meridian, another country's grid): its coordinates there are distorted beyond use."""
    import numpy as np

    from geo.crs import metric_crs_for

    area = target_crs.area_of_use
    geoms = [g for g in frame.geometry.values if g is not None and not g.is_empty]
    if area is None or not geoms:
        return
    import shapely

    west, south, east, north = shapely.total_bounds(np.array(geoms, dtype=object))
    if west <= area.east and east >= area.west and south <= area.north and north >= area.south:
        return
    raise InputError("--crs", f"{target_crs.name} is for {area.name.rstrip('. ')} ({_degrees(area.west, 'EW', 'g')} to "
                              f"{_degrees(area.east, 'EW', 'g')}, {_degrees(area.south, 'NS', 'g')} to "
                              f"{_degrees(area.north, 'NS', 'g')}); layer {layer!r} lies at "
                              f"{_degrees((west + east) / 2, 'EW', '.3f')} "
                              f"{_degrees((south + north) / 2, 'NS', '.3f')}, outside it (here: {metric_crs_for(np.array(geoms, dtype=object))})")


def _degrees(value, hemispheres, spec):
    """117.0°E, 9.01°W: a longitude or latitude with its hemisphere."""
    return f"{abs(value):{spec}}°{hemispheres[int(value < 0)]}"


def to_frame(table, target_crs):
    """GeoDataFrame of object columns (exact JSON values, None for null), reprojected."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely

    data = {c: pd.Series([r.get(c) for r in table.rows], dtype=object) for c in table.columns}
    frame = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(list(table.geoms), crs="EPSG:4326"))
    if target_crs is not None:
        _check_area_of_use(frame, target_crs, table.name)
        frame = frame.to_crs(target_crs)
        coords = shapely.get_coordinates(frame.geometry.values)
        if coords.size and not np.isfinite(coords).all():
            raise InputError("--crs", f"layer {table.name!r} falls outside the area {target_crs.name} can represent")
    return frame


def typed_frame(frame):
    """Frame with pandas nullable dtypes, so OGR gets integer, real, boolean and text fields.

    Columns of the layer contract (:data:`geo.catalog.LAYER_SCHEMA`, ``ZONE_SCHEMA``) take
    their declared type, so a real column stays real even when every value is null; other
    columns are typed from their values. A NUL in a text becomes U+FFFD (OGR would end the text there).
    """
    import pandas as pd

    out = frame.copy()
    for column, kind in column_kinds(frame).items():
        values = list(frame[column])
        if kind == "boolean":
            out[column] = pd.array([None if v is None else bool(v) for v in values], dtype="boolean")
        elif kind in ("integer", "integer64"):
            out[column] = pd.array([None if v is None else int(v) for v in values], dtype="Int64")
        elif kind == "real":  # NaN or Infinity (a layer edited by hand) is no value, as in the CSV
            out[column] = pd.array([None if v is None or not math.isfinite(v) else float(v) for v in values],
                                   dtype="Float64")
        else:  # GDAL takes a text as a C string, ending at a NUL: U+FFFD stands for it, as in a CSV's cells
            out[column] = pd.Series([cell_text(v).replace("\x00", "\ufffd") if v is not None else None
                                     for v in values], dtype=object, index=frame.index)
    return out


def column_kinds(frame) -> dict:
    """``{column: "boolean" | "integer" | "integer64" | "real" | "text"}`` for every column but the geometry
    (see :func:`geo.atomic_files.value_kind`).

    Columns of the layer contract (:data:`geo.catalog.LAYER_SCHEMA`, ``ZONE_SCHEMA``) take
    their declared type; other columns are typed from their values.
    """
    from geo.catalog import LAYER_SCHEMA, ZONE_SCHEMA

    schema = {**ZONE_SCHEMA, **LAYER_SCHEMA}
    return {column: schema.get(column) or value_kind([v for v in frame[column] if v is not None])
            for column in frame.columns if column != frame.geometry.name}


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


