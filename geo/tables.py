"""Tables people write as gazetteers (CSV, TSV, Excel): their separators, sheets and rows (their headers: geo.table_headers; each cell's coordinates: geo.coordinates)."""

from __future__ import annotations

import collections
import csv
import itertools
import io as _io
import re

from geo.coordinates import GEOMETRY_COLUMNS as _GEOMETRY_COLUMNS, PAIR_LIST_COLUMNS, degrees as _degrees, lonlat_pair as _pair
from geo.coordinates import PAIR_LIST, wkb_as_ewkt
from geo.crs import METRES_PER_DEGREE
from geo.coordinates import wkt_geometry as _wkt_geometry
from geo.dms_columns import dms_groups, joined
from geo.io import InputError
from geo.sheets import UnsavedFormula
from geo.table_headers import (CAMPUS_COLUMNS, DEGREE_COLUMNS, LAT_COLUMNS, LON_COLUMNS, PAIR_COLUMNS, SYNONYMS,
                               XY_COLUMNS, cell_text, datum_columns, find_header, header_key, is_table, letter_columns,
                               name_column, text_or_none)

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")
_DELIMITERS = (",", ";", "\t", "|")
_SEP_HINT = re.compile(r"\ufeff?[ \t]*sep=(.)[ \t]*(?:\r\n?|\n)", re.I)
# Where a row read from lon/lat cells keeps them and its latitude, for their rounding (geo.coordinates.rounding_m):
# a point written to 0.01° may lie 700 m from where it is put, whatever accuracy_m its row claims.
ROUNDING = "\x00rounding"
# Where a row read from projected X/Y (a survey's Gauss-Kruger metres) says what they were: its entry's method says so.
PROJECTED = "\x00projected"
# Where a row whose datum its table's title gives (学校名录（坐标系：百度BD-09）) keeps (label, title row): said in a warning.
TITLE_DATUM = "\x00title datum"


def with_synonyms(row, name_key=None):
    """The row with its Chinese column names (名称, 坐标系, 别名) and short ones (src_datum) also under
    the English ones, and ``name_key``'s value (:func:`name_column`) as its name, with its campus in
    brackets when a campus column gives one (:data:`CAMPUS_COLUMNS`)."""
    if name_key is not None and text_or_none(row.get("name")) is None:
        row["name"] = row.get(name_key)  # 项目名称 (:func:`name_column`), over a survey's 点名
    for chinese, english in SYNONYMS.items():
        if chinese in row and text_or_none(row.get(english)) is None:
            row[english] = row[chinese]
    name = text_or_none(row.get("name"))
    campus = next(filter(None, (text_or_none(row[column]) for column in CAMPUS_COLUMNS if column in row)), None)
    if name and campus and re.search("[\u4e00-\u9fff]", campus):  # a campus's name, not a number or a flag
        from geo.names import normalise_name

        if normalise_name(campus) not in normalise_name(name):  # 长郡梅溪湖中学 of 新校区, not 新校区 of 新校区
            row["name"] = f"{name}（{campus}）"
    return row


def _tables(path, warnings=None):
    """``[(header, records, delimiter, title datum)]`` of a CSV/TSV/text table, or of each sheet of an Excel
    workbook that holds one (:func:`_workbook_tables`); ``records`` are (line number, row list) after the
    header; the title datum is what the rows above the header name (:func:`geo.table_titles.title_datum`)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from geo.sheets import excel_sheets

        return _workbook_tables(path, excel_sheets(path), warnings)
    records, delimiter, unended = _text_records(path)
    header, data, above = find_header(path, records)
    if unended and data and len(data[-1][1]) < len(header):  # "幸福院,117.02,36." read as latitude 36
        from geo.io import warn

        warn(f"{path}: line {data[-1][0]}, the last, has {len(data[-1][1])} of the header's {len(header)} columns "
             "and no line break: is the file cut short (a copy or download stopped half-way)?", warnings)
    return [(header, data, delimiter, _title_datum(path, above))]


def _title_datum(path, above, titles=()):
    """The datum the rows ``above`` a header (records) and a sheet's merged ``titles`` (text) name, or None."""
    from geo.table_titles import title_datum

    return title_datum(path, [*titles, *(" ".join(str(cell) for cell in row) for _, row in above)])


def _workbook_tables(path, sheets, warnings=None):
    """The tables of a workbook's sheets (:func:`geo.sheets.excel_sheets`): every visible sheet whose
    header names its entries and gives coordinates (a sheet of schools, one of hospitals), their line
    numbers naming the sheet when there are several; else the first sheet that holds anything (its
    header refused as it is). One warning names the sheets read and those left out (a 填表说明 sheet,
    a hidden one) when the workbook holds more than one."""
    from geo.io import warn

    read, left_out = [], []
    for title, hidden, records, titles in sheets:
        header, data, above = find_header(path, records)
        if not hidden and is_table(path, header):
            read.append((title, header, data, _title_datum(path, above, titles)))
        else:
            left_out.append(f"hidden sheet {title!r}" if hidden else f"sheet {title!r} (no name and coordinate columns)")
    if not read:
        records = next((records for _, hidden, records, _ in sheets if not hidden and records), [])
        return [(*find_header(path, records)[:2], None, None)]
    if len(sheets) > 1:
        said = ", ".join(repr(title) for title, *_ in read)
        warn(f"{path}: read sheet{'s' * (len(read) > 1)} {said}" + (f"; left out {', '.join(left_out)}" if left_out
                                                                        else ""), warnings)
    if len(read) == 1:
        return [(read[0][1], read[0][2], None, read[0][3])]
    return [(header, [(f"{number} of sheet {title!r}", row) for number, row in data], None, datum)
            for title, header, data, datum in read]


def _text_records(path):
    """(records, delimiter, unended) of a CSV/TSV/text table: (line number, row list) of each line with a
    filled cell, and whether the text ends without a line break."""
    from geo.io import read_text

    text = read_text(path)
    stripped = text.lstrip()
    if stripped.startswith("<"):
        raise InputError(path, "looks like HTML or XML, not a table (save the data as CSV or Excel)")
    if stripped.startswith("{"):
        raise InputError(path, "looks like JSON, not a table (name a GeoJSON file .geojson)")
    hint = _SEP_HINT.match(text)
    if hint:  # Excel's "sep=;" first line: it names the delimiter and is no row
        delimiter, text = hint.group(1), text[hint.end():]
    else:
        header_line = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = "\t" if path.suffix.lower() == ".tsv" else max(_DELIMITERS, key=header_line.count)
    # newline="": CR, LF and CRLF all end a record (Excel for Mac writes bare CRs), and a
    # quoted cell keeps the line breaks inside it.
    reader = csv.reader(_io.StringIO(text, newline=""), delimiter=delimiter)
    records, limit = [], csv.field_size_limit()
    try:  # a road's WKT may be longer than the csv module's field limit (QGIS writes a surveyed road whole)
        csv.field_size_limit(max(limit, len(text)))
        for record in reader:
            if any(cell.strip() for cell in record):  # blank lines, rows of empty cells
                records.append((reader.line_num + bool(hint), record))
                if any(len(cell) > limit and not _WKT_START.match(cell) for cell in record):
                    raise csv.Error(f"field larger than field limit ({limit})")  # no name or number is that long
    except csv.Error as exc:  # (and quoting csv cannot read)
        raise InputError(path, f"line {reader.line_num + bool(hint)}: {exc}") from None
    finally:
        csv.field_size_limit(limit)
    return records, delimiter, not text.endswith(("\n", "\r"))


def read_table(path, warnings=None, district=None):
    """Rows (dicts keyed by lower-case header, Chinese synonyms added) and geometries of a table.

    Parameters
    ----------
    path : Path
        A CSV, TSV or text table (UTF-8, GBK/GB18030 or UTF-16; commas, semicolons with
        decimal commas, tabs or bars) or an Excel workbook (every visible sheet holding a table).
    warnings : list, optional
        Gets the warnings (sheets read and left out, totals rows left out); else they are printed.
    district : geo.district_fit.District, optional
        The district the table is read for: it settles the zone of Gauss-Kruger metres labelled
        ``CGCS2000`` alone (:func:`geo.survey.zone_by_district`).

    Returns
    -------
    (list of dict, list)
        One row and one geometry (a point from lon/lat cells, or a WKT/EWKT geometry) per
        non-empty record, in file order; a totals row (合计) without coordinates is left out.

    Raises
    ------
    geo.io.InputError
        When the file is no table, lacks a name or coordinate column, or a cell is unreadable.
    """
    import shapely

    from geo.io import warn

    rows, geoms, totals = [], [], []
    for header, records, delimiter, title in _tables(path, warnings):
        _read_records(path, header, records, delimiter, rows, geoms, totals, district, title)
    if totals:
        warn(f"{path}: left out {len(totals)} totals row(s) without coordinates (合计: line "
             f"{', '.join(map(str, totals[:5]))}{'…' if len(totals) > 5 else ''})", warnings)
    pairs = [i for i, g in enumerate(geoms) if isinstance(g, tuple)]
    if pairs:  # one call for every lon/lat pair: a table may hold 100,000 rows
        for i, point in zip(pairs, shapely.points([geoms[i] for i in pairs])):
            geoms[i] = point
    return rows, geoms


def _read_records(path, header, records, delimiter, rows, geoms, totals, district=None, title=None):
    """Append the rows and geometries (a point as a (lon, lat) tuple) of one table to ``rows`` and
    ``geoms``, and the line numbers of its totals rows left out to ``totals``. ``title``, (label, title
    row) of a datum its title names, is the datum of a row no column gives one (:data:`TITLE_DATUM`)."""
    import shapely

    keys = [header_key(h) for h in header]
    as_written = [header_key(h, simplified=False) for h in header]  # a row repeating it (_repeats_header)
    repeated, times = _given_twice(as_written)
    if repeated:
        raise InputError(path, f"column {repeated!r} appears {times} times in the header; name each column once"
                         + _merged_hint(as_written, repeated))
    # name and 名称 (a bilingual export, two tables pasted side by side): the entry named twice. A
    # survey table's 点名 is the point's number beside its name, no second name.
    naming = [w for k, w in zip(keys, as_written) if k == "name" or (k != "点名" and SYNONYMS.get(k) == "name")]
    if len(naming) > 1:
        raise InputError(path, f"columns {naming[0]!r} and {naming[1]!r} both name the entry; keep one "
                               "(geo matches projects by one name column)")
    if twice := _given_twice(keys)[0]:  # 坐标系 and 坐標系
        both = " and ".join(repr(w) for k, w in zip(keys, as_written) if k == twice)
        raise InputError(path, f"columns {both} are one column in two scripts; keep one")
    lon_f, lat_f = letter_columns(keys) or (next((f for f in LON_COLUMNS if f in keys), None),
                                            next((f for f in LAT_COLUMNS if f in keys), None))
    column_datum = pair_f = None
    if not (lon_f and lat_f):
        pair_f = next((f for f in PAIR_COLUMNS if f in keys), None)
    if not (lon_f and lat_f or pair_f):  # 百度经度/百度纬度, lng_gcj02/lat_gcj02, 百度坐标: columns naming their datum
        named = datum_columns(keys)
        if named and named[1] is None:
            pair_f, column_datum = named[0], named[2]
        elif named:
            lon_f, lat_f, column_datum = named
    dms = dms_groups(keys)  # 经度(度), 经度(分), 经度(秒): the degrees column holds the angle they give together
    lon_f, lat_f = (dms["lon"][0] if "lon" in dms else lon_f), (dms["lat"][0] if "lat" in dms else lat_f)
    wkt_f = next((f for f in _GEOMETRY_COLUMNS + PAIR_LIST_COLUMNS if f in keys), None)  # polyline: Amap's lng,lat;…
    name_f = name_column(path, keys)
    if not name_f and not {"name", *(k for k, v in SYNONYMS.items() if v == "name")} & set(keys):
        raise InputError(path, f"table gazetteer needs a 'name' column (or '名称'; found: {', '.join(keys)})")
    # Coordinate columns the header lacks: a misspelled one (lattitude) is named once, not
    # blamed on the first row that has no wkt.
    no_column = [] if pair_f else [axis for axis, f in (("lon", lon_f), ("lat", lat_f)) if f is None]
    found = f"found: {', '.join(k for k in keys if k)}; use lon/lat, lng, x/y, 经度/纬度 or 百度经度/百度纬度"
    if not wkt_f and no_column:
        raise InputError(path, f"table gazetteer needs lon and lat columns (or a wkt column); "
                               f"the header has no {' or '.join(no_column)} column ({found})"
                               f"{_pairs_elsewhere(keys, records)}")
    # lon and 经度 both; or ArcGIS's or QGIS's x/y beside them (POINT_X, xcoord: the easting, whatever a
    # survey's X坐标 is), compared where they hold degrees
    twins = {axis: [f for f in DEGREE_COLUMNS[axis] + XY_COLUMNS[axis] if f in keys] for axis in DEGREE_COLUMNS}
    twins = {axis: found for axis, found in twins.items() if len(found) > 1 and found[0] in DEGREE_COLUMNS[axis]}
    for line_no, record in records:
        if _repeats_header(record, as_written):  # two files joined (cat a.csv b.csv): the second's header is no entry
            continue
        unsaved = next((cell for key, cell in zip(keys, record) if key and type(cell) is UnsavedFormula), None)
        if unsaved is not None:  # a script's workbook: the formula's value was never computed
            raise InputError(path, unsaved.problem(header[unsaved.column - 1]))
        row = with_synonyms({k: (cell_text(v) if isinstance(v, str) else v) for k, v in zip(keys, record) if k}, name_f)
        for columns in dms.values():
            row[columns[0]] = joined(row, columns)
        if _is_totals(record) and not any(text_or_none(row.get(f)) for f in (wkt_f, lon_f, lat_f, pair_f) if f):
            totals.append(line_no)
            continue
        if column_datum:
            _give_column_datum(path, line_no, row, column_datum)
        elif title and not any(text_or_none(row.get(c)) for c in ("source_datum", "datum")):
            row["datum"], row[TITLE_DATUM] = title[0], title  # 学校名录（坐标系：百度BD-09）: as a 坐标系 cell would say
        if twins:
            _check_twins_agree(path, line_no, row, twins, delimiter)
        if _decision_without_place(row, (wkt_f, lon_f, lat_f, pair_f)):
            rows.append(row)  # a project marked no project, or one added and not drawn (refused later)
            geoms.append(None)
            continue
        try:
            if wkt_f and row.get(wkt_f):
                binary = wkb_as_ewkt(row[wkt_f])  # a PostGIS dump's hex EWKB: read as its EWKT, no rounding known
                row["wkt"] = row[wkt_f] = binary or row[wkt_f]
                geom = _projected_geometry(path, line_no, row, _wkt_geometry(row[wkt_f]), district)
                if lon_f and lat_f and row.get(lon_f) not in (None, "") and row.get(lat_f) not in (None, ""):
                    _check_lonlat_agrees(path, line_no, geom, row.get(lon_f), row.get(lat_f), delimiter)
                written = not binary and not row.get(PROJECTED) and _WKT_LONLAT_POINT.fullmatch(str(row[wkt_f]))
                if written:  # POINT (108.96 34.22): as rounded as lon/lat cells
                    row[ROUNDING] = (written.group(1), written.group(2), geom.y)
            else:
                lon_text, lat_text = (row.get(lon_f), row.get(lat_f)) if not pair_f else \
                    _pair(row.get(pair_f))
                if no_column:
                    raise InputError(path, f"line {line_no}: a row without wkt needs lon and lat, and the header "
                                           f"has no {' or '.join(no_column)} column ({found})")
                if pair_f and text_or_none(row.get(pair_f)) and "" in (lon_text, lat_text):
                    raise InputError(path, f"line {line_no}: its {pair_f!r} cell {row.get(pair_f)!r} holds no "
                                           "lon,lat pair (two numbers apart by a comma)")
                if lon_text in (None, "") or lat_text in (None, ""):
                    raise InputError(path, f"line {line_no}: missing lon or lat value{_wkt_elsewhere(row)}")
                geom = _projected(path, line_no, row, lon_text, lat_text, delimiter, district)
                if geom is None:  # a point below
                    geom = (_degrees(lon_text, "lon", delimiter), _degrees(lat_text, "lat", delimiter))
                    row[ROUNDING] = (lon_text, lat_text, geom[1])  # weighed against its accuracy: geo.gazetteer_files
        except (ValueError, TypeError, shapely.errors.GEOSException) as exc:
            raise InputError(path, f"line {line_no}: bad coordinates ({exc})") from None
        rows.append(row)
        geoms.append(geom)


def _decision_without_place(row, fields) -> bool:
    """Whether a row is a planner's decision about a project from the map's panel (marked not a
    project, or added) with every coordinate cell empty: it has no position to read
    (:mod:`geo.hand_review` reads it, and refuses an added one without a position)."""
    from geo import settings

    return (text_or_none(row.get("source")) in (settings.HAND_REMOVED_SOURCE, settings.HAND_ADDED_SOURCE)
            and not any(text_or_none(row.get(f)) for f in fields if f))


def _given_twice(keys):
    """(the first of ``keys`` given more than once, how many times), or (None, 0); blank keys are not
    counted. One pass: a header of 100,000 columns."""
    counts = collections.Counter(k for k in keys if k)
    repeated = next((k for k in keys if counts[k] > 1), None)
    return repeated, counts[repeated] if repeated else 0


def _merged_hint(keys, repeated) -> str:
    """What to add when the header names ``repeated`` in columns side by side: a cell merged over them in Excel or
    WPS, which names each (a coordinates' heading over its lon and lat: the row of 经度 and 纬度 under it it lacks)."""
    at = [i for i, key in enumerate(keys) if key == repeated]
    if at != list(range(at[0], at[0] + len(at))):
        return ""
    hint = f" (columns {at[0] + 1} to {at[-1] + 1} side by side: a cell merged over them in Excel or WPS?)"
    if header_key(repeated) in PAIR_COLUMNS or datum_columns([header_key(repeated)]) is not None:
        hint += f"; under {repeated!r}, a row heading its columns 经度 and 纬度 makes them its lon and lat"
    return hint


def _repeats_header(record, keys) -> bool:
    """Whether a row is the header again, as in a file joined from two exports of one table (``keys``: the
    header's as written, :func:`geo.table_headers.header_key` not converting its script)."""
    # lazily: an entry's first cell settles it
    cells = (header_key(cell, simplified=False) if isinstance(cell, str) else None for cell in record)
    return all(cell == key for cell, key in itertools.zip_longest(cells, keys, fillvalue="")
               if key or cell)


def _wkt_elsewhere(row) -> str:
    """``; its 'WTK' holds WKT: ...`` when a cell of a row without coordinates holds WKT under another
    header than wkt, geometry or geom (a misspelled one); else ''."""
    column = next((k for k, v in row.items() if isinstance(v, str) and _WKT_START.match(v)), None)
    return f"; its {column!r} holds WKT: head that column wkt" if column else ""


# A point's WKT in lon/lat (no SRID, or EPSG:4326/4490): its two numbers as written.
_WKT_LONLAT_POINT = re.compile(r"\s*(?:SRID\s*=\s*(?:4326|4490)\s*;\s*)?POINT\s*\(\s*([-+]?[\d.]+)\s+([-+]?[\d.]+)\s*\)\s*",
                               re.I)
_WKT_START = re.compile(r"\s*(?:SRID=\d+;\s*)?(?:MULTI)?(?:POINT|LINESTRING|POLYGON)\b", re.I)
# Two numbers apart by a comma in a cell of words, as a 备注 holds a picker's coordinates: 百度坐标：104.04,30.64.
_PAIR_IN_TEXT = re.compile(r"\d{1,3}\.\d{3,}\s*[,，]\s*\d{1,3}\.\d{3,}")


def _pairs_elsewhere(keys, records):
    """``; column '备注' seems to hold them (...)`` when a column of the first rows holds a lon,lat pair
    among its words; else ''. Such a cell is never read: a note may hold any numbers."""
    for _, record in records[:20]:
        for key, cell in zip(keys, record):
            if key and PAIR_LIST.fullmatch(str(cell)):  # lng,lat;lng,lat: a line, as Amap's polyline
                return (f"; column {key!r} seems to hold a line of lon,lat pairs ({str(cell)[:60]!r}): head it "
                        "polyline (its datum in a 坐标系 column: gcj02 for Amap's)")
            if key and _PAIR_IN_TEXT.search(str(cell)):
                return (f"; column {key!r} seems to hold them ({str(cell)[:60]!r}): put them in a column of their "
                        "own headed 坐标, or 百度坐标, 高德坐标 for their datum")
    return ""


# What a totals row says in its 序号 or name cell.
_TOTALS = {"合计", "总计", "小计", "共计", "合計", "總計", "小計", "共計"}
_BLANKS = re.compile(r"\s+")


def _is_totals(record) -> bool:
    """Whether a row is a table's totals (合计, 合　计, 总计：) rather than an entry."""
    return any(("计" in text or "計" in text) and _BLANKS.sub("", text).rstrip(":：") in _TOTALS
               for text in map(str, record))  # each of _TOTALS ends in 计 or 計: most cells are passed by that alone


def _check_twins_agree(path, line_no, row, twins, delimiter):
    """Refuse a row whose two degree columns of one axis (``lon`` and ``经度``, a bilingual
    export or two tables pasted side by side; or ``x`` or ``POINT_X`` beside them holding degrees)
    lie more than :data:`geo.settings.TABLE_LONLAT_WKT_AGREE_M` apart: the first would win without
    a word. An x/y cell beyond the axis's degrees is a survey's metres, on purpose, and a 0 is the null
    a shapefile's or a script's number field holds: neither is compared."""
    import math

    from geo import settings

    for axis, columns in twins.items():
        values = []
        for column in columns:
            try:
                value = _degrees(row[column], axis, delimiter)
            except (ValueError, TypeError, KeyError):
                continue  # empty or unreadable: the column read says so if it is the one used
            if column in DEGREE_COLUMNS[axis] or 0 < abs(value) <= (180 if axis == "lon" else 90):
                values.append((column, value))
        if len(values) < 2:
            continue
        (first, a), (second, b) = values[0], max(values[1:], key=lambda v: abs(v[1] - values[0][1]))
        metres = abs(a - b) * METRES_PER_DEGREE  # a degree of latitude; of longitude at most that
        if metres > settings.TABLE_LONLAT_WKT_AGREE_M and math.isfinite(metres):
            raise InputError(path, f"line {line_no}: columns {first!r} and {second!r} disagree ({a:g} and {b:g}, "
                                   f"up to {metres:,.0f} m apart); keep one")


def _check_lonlat_agrees(path, line_no, geom, lon_text, lat_text, delimiter):
    """Refuse a row whose lon/lat lie more than :data:`geo.settings.TABLE_LONLAT_WKT_AGREE_M` from
    its wkt's point (or from the box around its line or area): the wkt would otherwise win without
    a word over coordinates someone typed. Cells that are no degrees (projected x/y) are not compared."""
    from pyproj import Geod
    import shapely
    from shapely.ops import nearest_points

    from geo import settings

    try:
        point = shapely.Point(_degrees(lon_text, "lon", delimiter), _degrees(lat_text, "lat", delimiter))
    except ValueError:
        return
    if geom.is_empty:
        return
    if abs(point.x) > 180 or abs(point.y) > 90:
        raise InputError(path, f"line {line_no}: lon/lat ({point.x:.6f}, {point.y:.6f}) are no lon/lat (swapped?) "
                               "beside the row's wkt; give one of the two, or make them agree")
    target = geom if geom.geom_type == "Point" else shapely.envelope(geom)
    if target.geom_type != "Point" and target.covers(point):
        return
    near = nearest_points(target, point)[0]
    apart = Geod(ellps="WGS84").inv(point.x, point.y, near.x, near.y)[2]
    if apart > settings.TABLE_LONLAT_WKT_AGREE_M:
        raise InputError(path, f"line {line_no}: lon/lat ({point.x:.6f}, {point.y:.6f}) lie {apart:,.0f} m from "
                               f"the row's wkt; give one of the two, or make them agree")


def _projected(path, line_no, row, first, second, delimiter, district=None):
    """(lon, lat) of projected coordinates (a survey table's Gauss-Kruger X and Y) when the row's datum
    cell names their system (``CGCS2000 3度带 117°``, ``EPSG:4548``), its datum cell then set to their
    datum; None for lon/lat. InputError, naming the line, when the cell does not say enough (the district,
    when given, may settle a zone it leaves unsaid: :func:`geo.survey.zone_by_district`)."""
    from geo.survey import projected_to_lonlat

    label = next((text_or_none(row.get(c)) for c in ("source_datum", "datum") if text_or_none(row.get(c))), None)
    if label is None:
        return None
    try:  # plain numbers, full-width digits or a decimal comma as _degrees reads them
        numbers = [float(_degrees(v, "lon", delimiter)) for v in (first, second)]
    except ValueError:
        numbers = None
    try:
        found = projected_to_lonlat(label, *numbers, district=district) if numbers else None
    except ValueError as exc:
        raise InputError(path, f"line {line_no}: {exc}") from None
    if found is None:
        return None
    lon, lat, row["datum"], row[PROJECTED] = found
    row.pop("source_datum", None)
    return lon, lat


def _projected_geometry(path, line_no, row, geom, district=None):
    """``geom`` of a WKT cell in lon/lat when its numbers are projected metres (a QGIS or ArcGIS export in the layer's
    Gauss-Kruger CRS, ``POLYGON ((396908 3121052, …))``) and the row's datum cell names their system, each vertex read
    as :func:`_projected` reads a survey's X/Y, the datum cell then set to their datum; ``geom`` as it is otherwise."""
    import numpy as np
    import shapely

    from geo.survey import projected_to_lonlat

    label = next((text_or_none(row.get(c)) for c in ("source_datum", "datum") if text_or_none(row.get(c))), None)
    if label is None or geom is None or geom.is_empty:
        return geom
    xy = shapely.get_coordinates(geom)
    if not np.isfinite(xy).all() or np.abs(xy).max() <= 180:
        return geom
    try:
        found = [projected_to_lonlat(label, x, y, district=district) for x, y in xy]
    except ValueError as exc:
        raise InputError(path, f"line {line_no}: {exc}") from None
    if any(f is None for f in found):
        return geom  # no projected system named: refused as metres where lon/lat are read
    row["datum"], row[PROJECTED] = found[0][2], found[0][3]
    row.pop("source_datum", None)
    return shapely.set_coordinates(geom, np.array([f[:2] for f in found]))


def _give_column_datum(path, line_no, row, datum):
    """Set the row's datum to what its coordinate columns' names say; InputError when its datum column
    says another."""
    from geo.crs import normalise_datum

    stated = next((text_or_none(row.get(c)) for c in ("source_datum", "datum") if text_or_none(row.get(c))), None)
    if stated is None:
        row["datum"] = datum
        return
    try:
        same = normalise_datum(stated) == datum
    except ValueError:
        same = False
    if not same:
        raise InputError(path, f"line {line_no}: the coordinate columns say {datum}, the datum column {stated!r}; "
                               "leave one of them out")


