"""Tables people write as gazetteers (CSV, TSV, Excel): their columns, separators and coordinate spellings."""

from __future__ import annotations

import csv
import io as _io
import re

from geo.io import InputError

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")
_LON_COLUMNS = ("lon", "lng", "long", "longitude", "x", "经度", "东经")
_LAT_COLUMNS = ("lat", "latitude", "y", "纬度", "北纬")
_DELIMITERS = (",", ";", "\t", "|")
# One cell holding "lon,lat", as Amap's POI search returns it (its "location" field).
_PAIR_COLUMNS = ("location", "lnglat", "lonlat", "经纬度", "坐标")


# Chinese column names of the same fields.
_SYNONYMS = {"名称": "name", "名字": "name", "坐标系": "datum", "别名": "aliases", "精度": "accuracy_m", "来源": "source"}


def with_synonyms(row):
    """The row with its Chinese column names (名称, 坐标系, 别名) also under the English ones."""
    for chinese, english in _SYNONYMS.items():
        if text_or_none(row.get(english)) is None and chinese in row:
            row[english] = row[chinese]
    return row


def _table_records(path):
    """(header, list of row lists) of a CSV/TSV/text table or the first sheet of an Excel workbook."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _excel_records(path)
    from geo.io import read_text

    text = read_text(path)
    stripped = text.lstrip()
    if stripped.startswith("<"):
        raise InputError(path, "looks like HTML or XML, not a table (save the data as CSV or Excel)")
    if stripped.startswith("{"):
        raise InputError(path, "looks like JSON, not a table (name a GeoJSON file .geojson)")
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else max(_DELIMITERS, key=header_line.count)
    records = list(csv.reader(_io.StringIO(text), delimiter=delimiter))
    records = [r for r in records if any(cell.strip() for cell in r)]  # blank lines, rows of empty cells
    return (records[0] if records else []), records[1:], delimiter


def _excel_records(path):
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, openpyxl's InvalidFileException...
        raise InputError(path, f"not a readable Excel workbook ({exc})") from None
    sheet = book.worksheets[0]
    records = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    records = [r for r in records if any(cell.strip() for cell in r)]
    return (records[0] if records else []), records[1:], None


def read_table(path):
    """Rows (dicts keyed by lower-case header, Chinese synonyms added) and geometries of a table.

    Parameters
    ----------
    path : Path
        A CSV, TSV or text table (UTF-8, GBK/GB18030 or UTF-16; commas, semicolons with
        decimal commas, tabs or bars) or an Excel workbook (first sheet).

    Returns
    -------
    (list of dict, list)
        One row and one geometry (a point from lon/lat cells, or a WKT/EWKT geometry) per
        non-empty record, in file order.

    Raises
    ------
    geo.io.InputError
        When the file is no table, lacks a name or coordinate column, or a cell is unreadable.
    """
    import shapely

    header, records, delimiter = _table_records(path)
    keys = [str(h).strip().lstrip("\ufeff").lower() for h in header]
    lon_f = next((f for f in _LON_COLUMNS if f in keys), None)
    lat_f = next((f for f in _LAT_COLUMNS if f in keys), None)
    wkt_f = next((f for f in ("wkt", "geometry", "geom") if f in keys), None)
    pair_f = next((f for f in _PAIR_COLUMNS if f in keys), None) if not (lon_f and lat_f) else None
    if not {"name", "名称", "名字"} & set(keys):
        raise InputError(path, f"table gazetteer needs a 'name' column (or '名称'; found: {', '.join(keys)})")
    if not wkt_f and not (lon_f and lat_f) and not pair_f:
        raise InputError(path, "table gazetteer needs lon and lat columns (or a wkt column)")
    rows, geoms = [], []
    for line_no, record in enumerate(records, 2):
        row = with_synonyms({k: (v.strip() if isinstance(v, str) else v) for k, v in zip(keys, record) if k})
        try:
            if wkt_f and row.get(wkt_f):
                geom = _wkt_geometry(row[wkt_f])
            else:
                lon_text, lat_text = (row.get(lon_f), row.get(lat_f)) if not pair_f else \
                    (re.split(r"\s*[,，;\s]\s*", row.get(pair_f) or "", maxsplit=1) + [""])[:2]
                if lon_text in (None, "") or lat_text in (None, ""):
                    raise InputError(path, f"line {line_no}: missing lon or lat value")
                geom = _lon_lat(lon_text, lat_text, decimal_comma=delimiter == ";")  # made a point below
        except (ValueError, TypeError, shapely.errors.GEOSException) as exc:
            raise InputError(path, f"line {line_no}: bad coordinates ({exc})") from None
        rows.append(row)
        geoms.append(geom)
    pairs = [i for i, g in enumerate(geoms) if isinstance(g, tuple)]
    if pairs:  # one call for every lon/lat pair: a table may hold 100,000 rows
        for i, point in zip(pairs, shapely.points([geoms[i] for i in pairs])):
            geoms[i] = point
    return rows, geoms


def _lon_lat(lon_text, lat_text, *, decimal_comma=False):
    """Longitude and latitude from two cells: plain numbers, or with °, E/N, 东经/北纬, minutes and seconds."""
    import unicodedata

    texts = []
    for text, hemispheres in ((lon_text, ("东经", "西经", "E", "W")), (lat_text, ("北纬", "南纬", "N", "S"))):
        text = unicodedata.normalize("NFKC", str(text)).strip()  # full-width digits and signs
        if decimal_comma and re.fullmatch(r"-?\d+,\d+", text):
            text = text.replace(",", ".")
        texts.append(text)
    try:
        return float(texts[0]), float(texts[1])
    except ValueError:
        pass
    from geopy.point import Point

    for chinese, letter in (("东经", "E"), ("西经", "W"), ("北纬", "N"), ("南纬", "S")):
        texts = [t.replace(chinese, "") + letter if chinese in t else t for t in texts]
    texts = [t.replace("′", "'").replace("″", '"').replace("''", '"') for t in texts]
    try:
        point = Point.from_string(f"{texts[1]}, {texts[0]}")
    except ValueError:
        raise ValueError(f"cannot read {lon_text!r}, {lat_text!r} as longitude, latitude") from None
    return point.longitude, point.latitude


def _wkt_geometry(text):
    """A WKT cell, or EWKT with an ``SRID=n;`` prefix (reprojected to EPSG:4326 unless geographic)."""
    import numpy as np
    import shapely
    import shapely.wkt

    match = re.match(r"\s*SRID\s*=\s*(\d+)\s*;(.*)", text, re.S | re.I)
    geom = shapely.wkt.loads(match.group(2) if match else text)
    if match and match.group(1) not in ("4326", "4490", "4214", "4610"):
        from pyproj import CRS, Transformer

        try:
            transformer = Transformer.from_crs(CRS.from_epsg(int(match.group(1))), 4326, always_xy=True)
        except Exception as exc:  # pyproj.exceptions.CRSError
            raise ValueError(f"unknown SRID {match.group(1)} ({exc})") from None
        geom = shapely.transform(geom, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))
    return geom


def text_or_none(value):
    """A cell as stripped text, or None when it is empty or NaN."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    value = str(value).strip()
    return value or None
