"""Gazetteer files read into entries: user tables and vector files (their rows: :mod:`geo.gazetteer_vectors`), the bundled data, rows checked, datums converted."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from geo import settings
from geo.boundary_checks import listed
from geo.coordinates import rounding_m
from geo.gazetteer import LINE_TYPES, POINT_TYPES, Entry
from geo.addresses import address_aliases
from geo.gazetteer_rows import cell_aliases, merge_line_pieces
from geo.gazetteer_vectors import PRJ_DATUM, PRJ_MERCATOR, read_vector_rows
from geo.hand_placed import HAND_SOURCES, check_file, is_removal
from geo.io import InputError, check_input_file, warn
from geo.names import display_name
from geo.safe_text import file_name
from geo.table_headers import COORDINATE_COLUMNS, text_or_none as _text
from geo.tables import PROJECTED, ROUNDING, TABLE_SUFFIXES, TITLE_DATUM, read_table
from geo.web_answers import answer_rows


def bundled_entries():
    """Entries of the bundled Tianqiao gazetteer (general-knowledge positions, WGS-84)."""
    from geo.data import GAZETTEER_PATH

    return load_file(GAZETTEER_PATH, tier="bundled gazetteer")


# Spreadsheets GDAL cannot read (Excel 97-2003, WPS) or reads without their columns' meaning
# (OpenDocument, as attribute tables with "no geometry column").
OTHER_SPREADSHEETS = (".xls", ".et", ".ods", ".fods", ".numbers")


def load_file(path, *, tier="user gazetteer", datum=None, warnings=None, left_out=None, district=None, removed=None):
    """Load a gazetteer file: a table (CSV, TSV, Excel) or GeoJSON, GeoPackage or any OGR vector.

    Required column: ``name`` (or ``名称``). Optional: ``aliases`` (list or "|"-separated),
    ``category``, ``feature_type``, ``accuracy_m``, ``source``, ``method``, ``section_of``
    and a datum column (``source_datum``, ``datum`` or ``坐标系``, the first filled, else a title row's: wgs84,
    cgcs2000, gcj02, bd09 and the spellings of ``geo/data/datums.csv``) saying which datum
    the coordinates are in. Vector files are first reprojected to
    EPSG:4326, then shifted from their declared datum to WGS-84.

    Tables (.csv, .tsv, .txt, .xlsx) give ``lon``/``lat`` (or ``lng``, ``longitude``,
    ``x``/``y``, ``经度``/``纬度``) or a ``wkt`` column (``SRID=n;`` prefixes are honoured).
    Text files are UTF-8, GB18030/GBK or UTF-16, separated by commas, semicolons (Excel in
    many locales, with decimal commas), tabs or bars; coordinates may carry degree signs,
    hemisphere letters, minutes and seconds or full-width digits. Rows with every cell
    empty are skipped.

    Vector files with several layers (a GeoPackage keeping points and lines apart) give
    the rows of every layer that has geometry, layer by layer in name order.

    Rows placed by hand on the projects map are checked as the map writes them
    (:func:`geo.hand_placed.check_file`): InputError otherwise. Other rows that cannot
    place anything are left out with one warning (appended to
    ``warnings``, else printed on stderr; see :func:`geo.io.warn`): a GeometryCollection that is no one
    place (one that is, a polygon and its label point, is that place: :func:`_collections_opened`),
    a line of zero length, a polygon of zero area, a road (by its ``feature_type``, ``category`` or name) given
    as a point or a polygon, unless the planner drew it so on the projects map (its
    ``source`` is :data:`geo.settings.HAND_PLACED_SOURCE`: the map's panel offers every
    geometry type, and such a row keeps the shape drawn). ``left_out``, a list, gets their entries,
    each with its ``extra`` ``left_out`` (why) and ``entry`` (its number, from 1).

    Rows of the map's panel that mark a project of the report not a project
    (:data:`geo.settings.HAND_REMOVED_SOURCE`) have no geometry: they are no place, and go to
    ``removed``, a list, each entry's geometry None (:mod:`geo.hand_review` applies them).

    ``district`` (a :class:`geo.district_fit.District`), when the run knows it, settles what the
    coordinates alone cannot: the zone of Gauss-Kruger metres labelled ``CGCS2000`` alone
    (:func:`geo.survey.zone_by_district`), and Baidu's Mercator metres labelled EPSG:3857, refused
    (:func:`geo.district_fit.check_mercator_reading`).
    """
    from dataclasses import replace

    from geo.vector_layers import split_layer
    from geo.vectors import is_geodatabase, shapefiles_in

    path, layer = split_layer(path)  # 'jd.gdb|layername=兴趣点', as QGIS names one layer
    shapefiles = not is_geodatabase(path) and Path(path).is_dir() and shapefiles_in(path)
    folder = is_geodatabase(path) or shapefiles  # a folder of Shapefiles: its layers
    if layer is None and not is_geodatabase(path) and (files := _folder_files(path)):  # 学校.kml, 公园.geojson
        found = [load_file(file, tier=tier, datum=datum, warnings=warnings, left_out=left_out, district=district,
                           removed=removed) for file in [*(shapefiles or []), *files]]  # 点位.shp beside them too
        return merge_line_pieces([entry for entries in found for entry in entries])
    path = Path(path) if folder else check_input_file(Path(path))  # a .gdb is a folder
    if path.suffix.lower() in OTHER_SPREADSHEETS:
        raise InputError(path, "is a spreadsheet geo does not read; save it as .xlsx (Excel 2007 or later) or as CSV")
    if path.suffix.lower() in TABLE_SUFFIXES:
        if layer is not None:
            raise InputError(path, f"is a table, without layers: leave '|layername={layer}' out")
        rows, geoms = read_table(path, warnings, district)
    elif layer is None and (answer := web_answer(path)) is not None:  # a script's saved answer of Amap's place search
        rows, geoms = answer_rows(path, answer, warnings)
    else:
        rows, geoms = read_vector_rows(path, warnings, layer=layer)
    if not rows:
        raise InputError(path, "gazetteer has no entries")
    geoms = _collections_opened(path, rows, geoms, warnings)
    unusable = _unusable_rows(rows, geoms)
    entries = _entries_from_rows(path, rows, geoms, tier=tier, datum=datum, warnings=warnings, left_out=unusable,
                                 district=district)
    check_file(path, entries, unusable)  # rows placed by hand on the map: as the map wrote them, or refused
    if unusable:
        table = path.suffix.lower() in TABLE_SUFFIXES
        warn(f"{path}: left out {len(unusable)} of {len(rows)} row(s) that cannot place anything "
             f"({_reasons(unusable, [entry.name for entry in entries], table)})", warnings)
        if left_out is not None:  # for the reason of a project only they name (geo.geocode)
            left_out.extend(replace(entry, extra={**entry.extra, "left_out": unusable[number], "entry": number})
                            for number, entry in enumerate(entries, 1) if number in unusable)
        entries = [entry for number, entry in enumerate(entries, 1) if number not in unusable]
    if removed is not None:  # no place: the planner's word that a project of the report is none
        removed.extend(entry for entry in entries if is_removal(entry))
    return merge_line_pieces([entry for entry in entries if not is_removal(entry)])


def web_answer(path):
    """The parsed JSON of ``path`` when it is an answer of a web map's place search or of Overpass
    (:func:`geo.web_answers.answer_kind`), told first by its opening (``{"status":`` …, Overpass's ``"generator"``)
    so that a GeoJSON file is not parsed here; else None."""
    from geo.dbf import read_sidecar
    from geo.io import read_json
    from geo.web_answers import ANSWER_SUFFIXES, answer_kind

    if path.suffix.lower() not in ANSWER_SUFFIXES or not path.is_file():
        return None
    head = read_sidecar(path, lambda handle: handle.read(512))
    if b'"status"' not in head and b'"generator"' not in head:
        return None
    data = read_json(path)
    return data if answer_kind(data) else None


# Files of a folder given as a gazetteer read one by one (a folder of Shapefiles is read as one source of layers).
FOLDER_SUFFIXES = (".kml", ".kmz", ".geojson", ".json", ".gpkg", ".gpx", ".csv", ".xlsx")


def _folder_files(path):
    """The files of the folder ``path`` (no Shapefile in it) a gazetteer is read from, in name order: its KML,
    GeoJSON, GeoPackage, GPX, CSV and Excel files (not a 说明.txt beside them); [] for no such folder."""
    from geo.io import is_resource_fork

    if not Path(path).is_dir():
        return []
    return [file for file in sorted(Path(path).iterdir()) if file.is_file() and not is_resource_fork(file.name)
            and file.suffix.lower() in FOLDER_SUFFIXES and not file.name.startswith("~$")]  # ~$: Excel's lock file


def _check_columns_swapped(path, names, coords, lon, lat):
    """Refuse a file whose every coordinate has its latitude beyond ±90 and its longitude within it (纬度
    117, 经度 36 in every row: the two columns' headers swapped, or x and y), saying so; a row or a few of
    them are named one by one by the caller's checks."""
    import numpy as np

    finite = np.isfinite(coords).all(axis=1)
    swapped = (lat > 90) & (lat <= 180) & (lon <= 90)
    if len(names) > 1 and len(coords) > 1 and finite.all() and swapped.all():  # (rows of no position: no verdict)
        fix = ("its longitude and latitude columns hold each other's values; swap their headers (经度 is lon, 纬度 "
               "lat)" if Path(path).suffix.lower() in TABLE_SUFFIXES else
               "its coordinates were written latitude first; write them x = longitude, y = latitude")
        raise InputError(path, f"every entry has its latitude beyond ±90 and its longitude within it (entry 1, "
                               f"{names[0]}: lon {coords[0, 0]:g}, lat {coords[0, 1]:g}): {fix}")


def _collections_opened(path, rows, geoms, warnings):
    """``geoms`` with each GeometryCollection that is one place as its parts of the highest dimension,
    and one warning naming the rows whose other parts were left out: polygons with points or lines on
    them (a place's area and its label point, as FME, a PostGIS ``ST_Collect`` or a web map's export
    store it, like a 街道 file's: :func:`geo.boundary_checks.collections_opened`) are the polygons'
    union; a road's lines with points (its name's) its lines; parts of one kind, those parts. Any
    other collection (a school's point and a line, a polygon with a point apart from it: which is
    the place?) stays one, left out by :func:`_unusable_rows`."""
    import numpy as np
    import shapely

    kinds = ("points", "lines", "polygons")
    opened, dropped = list(geoms), {}
    for number, geom in enumerate(geoms):
        if geom is None or geom.geom_type != "GeometryCollection" or _text(rows[number].get("source")) in HAND_SOURCES:
            continue  # (a row placed on the map is checked as the map writes it: geo.hand_placed.check_file)
        parts = shapely.get_parts(geom)
        while (nested := shapely.get_type_id(parts) == shapely.GeometryType.GEOMETRYCOLLECTION).any():
            parts = np.concatenate([parts[~nested], shapely.get_parts(parts[nested])])
        parts = parts[~shapely.is_empty(parts)]
        if not parts.size:
            continue
        dimensions = shapely.get_dimensions(parts)
        top = int(dimensions.max())
        kept, others = parts[dimensions == top], parts[dimensions < top]
        place = shapely.union_all(kept) if top == 2 else kept[0] if kept.size == 1 else \
            shapely.multilinestrings(kept) if top == 1 else shapely.multipoints(kept)
        if others.size and not (shapely.intersects(place, others).all() if top == 2 else _is_road(rows[number])):
            continue
        opened[number] = place
        if others.size:
            left = " and ".join(kinds[d] for d in sorted(set(dimensions[dimensions < top].tolist())))
            dropped.setdefault((kinds[top], left), []).append(number)
    for (kept, left), numbers in dropped.items():
        names = [f"entry {n + 1} ({_text(rows[n].get('name')) or ''})" for n in numbers]
        warn(f"{path}: {len(numbers)} row(s) stored as GeometryCollections of {kept} with {left} "
             f"({listed(names)}): their {kept} are kept, the {left} left out", warnings)
    return opened


def _unusable_rows(rows, geoms):
    """{row number: why} for rows whose geometry no project can use (checked before repair,
    which would turn a zero-length line into a point)."""
    unusable, at_0_0 = {}, _every_coordinate_0(geoms)
    for number, (row, geom) in enumerate(zip(rows, geoms), 1):
        if geom is None:  # a project marked no project (geo.hand_review): no place, none to check
            continue
        kind = geom.geom_type
        if kind == "GeometryCollection":
            unusable[number] = "a GeometryCollection, give one geometry type per row"
        elif kind in LINE_TYPES and geom.length == 0:
            unusable[number] = "a line of zero length"
        elif kind in ("Polygon", "MultiPolygon") and _zero_area(geom):
            unusable[number] = "a polygon of zero area"
        elif at_0_0[number - 1]:
            unusable[number] = "at lon/lat 0,0, which places nothing"
        elif kind not in LINE_TYPES and _is_road(row) and _text(row.get("source")) not in HAND_SOURCES:
            unusable[number] = f"a road given as a {'point' if kind in POINT_TYPES else 'polygon'}, not a line"
    return unusable


def _every_coordinate_0(geoms):
    """Of each geometry (or None), whether every coordinate of it is 0 (a table row's lon/lat): no place
    of China's, but what an empty cell filled by a formula gives (a vector file's such features have no
    geometry already: :func:`geo.vector_frames.without_coordinates`). One array for every row at once."""
    import numpy as np
    import shapely

    coords, index = shapely.get_coordinates(np.asarray(geoms, dtype=object), return_index=True)
    return (np.bincount(index, minlength=len(geoms)) > 0) & \
        (np.bincount(index, weights=coords.any(axis=1), minlength=len(geoms)) == 0)


def _zero_area(geom) -> bool:
    """Whether a polygon encloses nothing, even repaired (a ring drawn back along itself); a bow tie's
    lobes, which cancel in its signed area, do enclose."""
    import shapely

    return geom.area == 0 and shapely.area(shapely.make_valid(geom)) == 0


def _reasons(unusable, names, table=True):
    """``a line of zero length: entries 3 (无影山路), 7 (…); ...``: each reason once, in order of first
    row, its entries with their ``names`` (of every row, in order); a road given as a point or polygon
    with the fix (its line: a ``wkt`` column of a ``table``, a layer of lines of a vector file; or
    the map's placing panel, whose rows may be points)."""
    by_reason = {}
    for number, reason in unusable.items():
        by_reason.setdefault(reason, []).append(number)
    said = [f"{reason}: entr{'y' if len(numbers) == 1 else 'ies'} "
            f"{', '.join(f'{n} ({names[n - 1]})' for n in numbers[:5])}{'…' if len(numbers) > 5 else ''}"
            for reason, numbers in by_reason.items()]
    if any(reason.startswith("a road given as") for reason in by_reason):
        line = "give a road its line in a wkt column, LINESTRING (lon lat, lon lat, …)" if table else \
            "draw a road as a line"
        said.append(f"{line}, or place it by hand on the map")
    return "; ".join(said)


def _is_road(row):
    """A row naming a road: ``feature_type`` road, a road ``category``, or a road's name (路, 大街...),
    which a 街道 (a subdistrict) is not."""
    from geo.names import ROAD_NAME_ENDINGS

    if (_text(row.get("feature_type")) or "").lower() == "road" or \
            (_text(row.get("category")) or "").lower().startswith("road"):
        return True
    name = _text(row.get("name")) or ""
    return name.endswith(ROAD_NAME_ENDINGS) and not name.endswith("街道")


def outside_china(entries) -> list:
    """A warning when entries of a user file lie outside China: swapped lon/lat, or another CRS."""
    from geo.crs import in_china

    import shapely

    points = shapely.get_coordinates(shapely.point_on_surface([e.geometry for e in entries]))
    inside = in_china(points[:, 0], points[:, 1])
    outside = [e.name for e, within in zip(entries, inside) if not within]
    if not outside:
        return []
    signed = bool(((points[~inside] < 0).any(axis=1)).any())  # 西经, 南纬, S, W or a minus sign: no place in China
    return [f"{len(outside)} of {len(entries)} entries lie outside China ({'、'.join(outside[:3])}"
            f"{'…' if len(outside) > 3 else ''}); lon/lat swapped, or projected coordinates?"
            + (" A minus sign or a western or southern hemisphere (西经, 南纬, W, S) puts some in another quarter of "
               "the globe: they are not used" if signed else "")]


def _entries_from_rows(path, rows, geoms, *, tier, datum, warnings=None, left_out=(), district=None):
    """Entries of a user file, checked and converted to WGS-84 as whole arrays (a file may hold 100,000 rows).

    Invalid polygons are repaired with a warning (see :func:`geo.boundary_checks.repair_polygons`),
    appended to ``warnings`` or else printed (:func:`geo.io.warn`). A point whose lon/lat are rounded
    coarser than its accuracy claims (:func:`geo.coordinates.rounding_m`) claims the rounding, with one
    warning; rows ``left_out`` (numbers from 1: :func:`_unusable_rows`) are not named in it. Rows read
    from EPSG:3857 metres that are Baidu's by all ``district`` tells are refused
    (:func:`geo.district_fit.check_mercator_reading`).
    """
    import math

    import numpy as np
    import shapely

    from geo.boundary_checks import repair_polygons
    from geo.crs import convert_geometry
    from geo.district_fit import check_mercator_reading
    from geo.io import warn
    from geo.survey import projected_hint

    names = []
    for number, (row, geom) in enumerate(zip(rows, geoms), 1):
        name = row.get("name")
        if name is None or (isinstance(name, float) and math.isnan(name)) or not display_name(name):
            raise InputError(path, f"entry {number} has no name")
        source = _text(row.get("source"))
        if geom is None and source == settings.HAND_ADDED_SOURCE:
            raise InputError(path, f"entry {number} ({display_name(name)}, added by hand) has no position: a "
                                   "project added on the map is drawn there (point, line or area); draw it, or "
                                   "delete the row")
        if (geom is None or geom.is_empty) and source != settings.HAND_REMOVED_SOURCE:
            raise InputError(path, f"entry {number} ({name}) has no geometry")
        names.append(display_name(name))
    datums, assumed = _row_datums(path, rows, names, datum, warnings)  # bd09mc: refused as what it is
    geoms = np.array(geoms, dtype=object)
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    lon, lat = np.abs(coords[:, 0]), np.abs(coords[:, 1])
    _check_columns_swapped(path, names, coords, lon, lat)
    for bad, problem in ((~np.isfinite(coords).all(axis=1), "has NaN or infinite coordinates"),
                         ((lat > 90) & (lon <= 90), "has latitude beyond ±90 (lon/lat swapped?)"),
                         ((lon > 180) | (lat > 90), "has coordinates outside lon/lat range (projected coordinates? "
                                                    "name their system in a 坐标系 column: CGCS2000 3度带 117°, "
                                                    "EPSG:4548; a vector file needs its CRS)")):
        if bad.any():
            first = int(index[bad.argmax()])
            hint = projected_hint(*coords[bad.argmax()], datums[first]) if problem.startswith("has coordinates outside") \
                else ""
            raise InputError(path, f"entry {first + 1} ({names[first]}) "
                                   + (f"has coordinates outside lon/lat range: {hint}" if hint else problem))
    check_mercator_reading(path, names, geoms, [_web_mercator(row) for row in rows], district)
    datums = np.array(datums)
    at_0_0 = _every_coordinate_0(geoms)  # left out by load_file (_unusable_rows)
    for canonical in sorted(set(datums) - {"wgs84"}):
        chosen = (datums == canonical) & ~at_0_0
        try:
            geoms[chosen] = convert_geometry(geoms[chosen], canonical, "wgs84")
        except ValueError as exc:  # GCJ-02/BD-09 outside China: say which entry
            from geo.crs import in_china

            points, owner = shapely.get_coordinates(geoms[chosen], return_index=True)
            first = int(np.flatnonzero(chosen)[owner[(~in_china(points[:, 0], points[:, 1])).argmax()]])
            raise InputError(path, f"entry {first + 1} ({names[first]}): {exc}") from None
    geoms, repairs = repair_polygons(geoms, path, [f"entry {n} ({name})" for n, name in enumerate(names, 1)])
    for message in repairs:
        warn(message, warnings)
    invalid = ~shapely.is_valid(geoms)  # lines and points: a ring of too few points, a line of one point
    if invalid.any():
        geoms[invalid] = shapely.make_valid(geoms[invalid])
    entries, rounded = [], []
    for number, (row, name, geom, canonical) in enumerate(zip(rows, names, geoms, datums), 1):
        accuracy = _accuracy(path, number, name, row.get("accuracy_m")) or (_default_accuracy(geom) if geom else 0.0)
        method = _text(row.get("method")) or "coordinates from file"
        if row.get(PROJECTED):  # Gauss-Kruger metres: which zone was read says how they became lon/lat
            method += f"; {row[PROJECTED]} converted to lon/lat"
        if assumed[number - 1]:
            accuracy = max(accuracy, settings.UNSTATED_DATUM_ACCURACY_M)
            method += "; datum not stated, WGS-84 assumed"
        cells = None if number in left_out else row.get(ROUNDING)  # 0,0, a road as a point: left out (_unusable_rows)
        rounding = rounding_m(*cells, beyond=accuracy) if cells else None
        if rounding:  # 34.22 claims no 5 m: it may lie 700 m off
            accuracy = float(math.ceil(rounding[0]))
            method += f"; {rounding[1]}, so within {accuracy:.0f} m"
            rounded.append((number, name, rounding[1]))
        entries.append(Entry(
            name=name,
            geometry=geom,
            source=_text(row.get("source")) or f"{tier} {file_name(path)}",
            method=method,
            source_datum=str(canonical),
            accuracy_m=accuracy,
            tier=tier,
            aliases=cell_aliases(row.get("aliases")) + address_aliases(row),  # 白石路12号 of 湖南省…白石路12号
            category=_text(row.get("category")),
            feature_type=_text(row.get("feature_type")),
            section_of=_text(row.get("section_of")),
            extra={"entry": number},  # its row, for an error about it found later (geo.hand_placed.check_used)
        ))
    if rounded:
        said = ", ".join(f"entry {number} ({name}): {words}" for number, name, words in rounded[:3])
        warn(f"{path}: {len(rounded)} of {len(rows)} entries give lon/lat rounded coarser than the accuracy they "
             f"claim ({said}{'…' if len(rounded) > 3 else ''}): they claim the rounding instead", warnings)
    return entries


_SRID_PREFIX = re.compile(r"\s*SRID\s*=", re.I)  # an EWKT cell states its own reference system


def _web_mercator(row) -> bool:
    """Whether a row's coordinates were read from Web Mercator metres (EPSG:3857): its X/Y cells under a
    datum cell naming it, an EWKT ``SRID=3857;``, or a vector file's .prj."""
    return bool(re.search(r"\(EPSG:3857\)", str(row.get(PROJECTED) or ""))
                or re.match(r"\s*SRID\s*=\s*(?:3857|900913|102100|102113)\s*;", _text(row.get("wkt")) or "", re.I)
                or row.get(PRJ_MERCATOR))


def _row_datums(path, rows, names, datum, warnings):
    """(the canonical datum of each row, whether it was assumed): its own (``source_datum``,
    ``datum`` or ``坐标系``), else ``datum``, else the one its table's title names (said in one
    warning: :data:`geo.tables.TITLE_DATUM`), else WGS-84, assumed, with one warning naming the
    file, how many rows and a column that looks like a misspelled datum column (rows whose WKT
    opens with ``SRID=`` state theirs)."""
    from geo.crs import normalise_datum
    from geo.survey import projection_datum
    from geo.io import warn

    datums, assumed, titled, spelled = [], [], {}, {}  # spelled: each datum cell's text read once
    for number, row in enumerate(rows, 1):
        stated = next(filter(None, (_text(row.get(column)) for column in _DATUM_COLUMNS)), None) or \
            _text(row.get(PRJ_DATUM))  # a Gauss-Kruger zone's .prj
        if row.get(TITLE_DATUM):  # the title's datum, unless the caller names one (of lon/lat)
            stated = None if datum and not row.get(PROJECTED) else stated
            titled.setdefault(row[TITLE_DATUM] if stated else None, []).append(number)
        assumed.append(stated is None and datum is None and not _SRID_PREFIX.match(_text(row.get("wkt")) or "")
                       and _text(row.get("source")) != settings.HAND_REMOVED_SOURCE)  # it has no coordinates
        try:
            spelling = (bool(stated), stated or datum or "wgs84")
            if spelling not in spelled:
                spelled[spelling] = normalise_datum(projection_datum(stated) or stated) if stated else \
                    normalise_datum(spelling[1])  # CGCS2000 3度带 117°: its datum
            datums.append(spelled[spelling])
        except ValueError as exc:
            raise InputError(path, f"entry {number} ({names[number - 1]}): {exc}") from None
    for (label, title), numbers in ((said, numbers) for said, numbers in titled.items() if said):
        warn(f"{path}: no column gives the datum of {len(numbers)} of {len(rows)} entries; the title {title!r} "
             f"names {label}: applied to them", warnings)
    if any(assumed):
        # Most coordinates planners collect come from Amap (GCJ-02) or Baidu (BD-09): hundreds of metres off.
        columns = {str(column) for row in rows[:1] for column in row}
        near = sorted(c for c in columns - set(_DATUM_COLUMNS) - COORDINATE_COLUMNS  # 坐标 holds them, no datum
                      if difflib.get_close_matches(c.lower(), _DATUM_COLUMNS, 1, 0.7))
        misspelled = f"; is '{near[0]}' meant as the datum column?" if near else ""
        named = datum_in_name(path)
        named = f"; the file's name says {named}: is that their datum?" if named else ""
        warn(f"{path}: datum not given for {sum(assumed)} of {len(rows)} entries, assumed WGS-84, claiming "
             f"{settings.UNSTATED_DATUM_ACCURACY_M:.0f} m accuracy (add a datum column: wgs84, gcj02 for Amap or "
             f"Tencent, bd09 for Baidu{misspelled}{named}){_merged_blanks(rows, assumed)}", warnings)
    return datums, assumed


_DATUM_COLUMNS = ("source_datum", "datum", "坐标系")


def _merged_blanks(rows, assumed) -> str:
    """``; its '坐标系' column gives 'WGS84' in row 1 alone, blank below (…)`` when a datum column names one
    datum, in the rows before those it leaves blank: a cell merged over the rows in Excel or WPS, which a CSV
    export writes in its first row alone. Not filled in: a blank may also mean not known. Else ''."""
    for column in ("坐标系", "source_datum", "datum"):  # as headed (a 坐标系 is also under datum)
        given = [number for number, row in enumerate(rows, 1) if _text(row.get(column))]
        spellings = {_text(rows[number - 1][column]) for number in given}
        blank = [number for number, unstated in enumerate(assumed, 1) if unstated]
        if given and len(spellings) == 1 and blank and given[0] < blank[0]:
            rows_said = f"entry {given[0]} alone" if len(given) == 1 else f"{len(given)} entries"
            return (f"; its {column!r} column gives {spellings.pop()!r} in {rows_said}, blank in {len(blank)} below "
                    "(a cell merged over the rows in Excel or WPS, which a CSV export writes once?): fill it in "
                    "every row it holds for")
    return ""


def datum_in_name(path):
    """``gcj02`` or ``bd09`` when the file's name holds a spelling of it (百度坐标.csv, sites_gcj02.kml), else
    None: said in the warning of an unstated datum, never applied (a name is no statement)."""
    from geo.crs import WGS84, normalise_datum

    for word in re.split(r"[\s_.\-()（）]+|(?<=[\u4e00-\u9fff])(?=[a-z0-9])", Path(path).stem.lower()):
        for size in range(len(word), 1, -1):  # 百度坐标 in 学校百度坐标: the longest spelling in the word
            for start in range(len(word) - size + 1):
                try:
                    datum = normalise_datum(word[start:start + size])
                except ValueError:
                    continue
                if datum != WGS84:
                    return datum
    return None


def _accuracy(path, number, name, value):
    """A stated accuracy in metres; None when the row states none. Zero, negative or
    non-numeric values are refused: an accuracy of 0 m is never honest."""
    text = _text(value)
    if text is None:
        return None
    try:
        metres = float(re.sub(r"\s*(m|米|metres?|meters?)$", "", text, flags=re.I))  # "50m", "50 米"
    except ValueError:
        metres = float("nan")
    if not (metres > 0 and metres != float("inf")):
        raise InputError(path, f"entry {number} ({name}): accuracy_m must be a positive number of metres, "
                               f"found {text!r}")
    return metres


def _number(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and number > 0 else None


def _default_accuracy(geom):
    # A user file that states no accuracy is taken at the precision of a typical
    # hand-collected coordinate; lines and areas are only as good as their digitising.
    from geo import settings

    return settings.USER_POINT_ACCURACY_M if geom.geom_type in POINT_TYPES else settings.USER_LINE_ACCURACY_M
