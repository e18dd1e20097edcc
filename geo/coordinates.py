"""Coordinates as people write them in one cell: decimal degrees, degrees, minutes and seconds, a lon,lat pair, WKT, and how far their rounding lets them be off."""

from __future__ import annotations

import functools
import re


def lonlat_pair(text):
    """(lon text, lat text) of one cell holding both: ``lon,lat`` as Amap gives it, or ``lat,lng`` as
    Tencent's and Google's pickers do, told apart when the first is a plain latitude and the second a
    longitude beyond 90, or one that lies in China only so (west of 90°E, ``43.79,87.63``), in degrees
    or in degrees, minutes and seconds (``34°13′23″,108°56′30″``), or by hemispheres (``36°42'N 117°0'E``); in
    full-width forms or brackets as copied from a page (``（104.04，30.64）``), apart by a comma, a
    semicolon, a slash, a 、 or blanks."""
    import unicodedata

    text = _lettered(unicodedata.normalize("NFKC", str(text or "").translate(_DEGREE_SIGNS)).strip())  # 36d42m18S: south
    bracketed = re.fullmatch(r"[(\[{](.*)[)\]}]", text)
    text = bracketed.group(1).strip() if bracketed else text
    apart = r"\s*[,;/、]\s*" if re.search(r"[,;/、]", text) else r"\s+(?=[-+\d北南东西NSEW])"  # a comma first
    first, second = (re.split(apart, text, maxsplit=1) + [""])[:2]
    hemispheres = re.search(r"[NSEW北南东西東]", first + second, re.I)
    if hemispheres:  # 36°42'N,117°0'E: the hemispheres tell
        swapped = bool(re.search(r"[NS北南]", first, re.I) and re.search(r"[EW东西]", second, re.I))
    else:  # 36.7,117.0 or 36°42′,117°0′3.6″: the degrees tell
        whole = [re.match(r"\s*([-+]?\d+(?:\.\d+)?)", part) for part in (first, second)]
        degrees_ = [float(found.group(1)) for found in whole if found]
        swapped = len(degrees_) == 2 and (abs(degrees_[0]) <= 90 < abs(degrees_[1]) <= 180
                                          or _only_swapped_in_china(*degrees_))
    return (second, first) if swapped else (first, second)


def _only_swapped_in_china(first, second):
    """Whether ``first,second`` lies in China only as ``lat,lng``: west of 90°E (Xinjiang, Tibet) a
    longitude is no larger than 90 either (Tencent's ``43.79,87.63`` for Ürümqi); no two numbers lie
    in China both ways round (its latitudes are all under 56°, its longitudes over 72°)."""
    from geo.crs import CHINA_BOUNDS

    west, south, east, north = CHINA_BOUNDS
    return south <= first <= north and west <= second <= east and not (west <= first <= east)


def degrees(text, axis, delimiter):
    """One coordinate cell as decimal degrees: a plain number, a decimal comma when unambiguous,
    or degrees, minutes and seconds with a hemisphere (``117°0'3.6"E``, ``东经117.001°``,
    ``117度0分3.6秒``, also with blanks before the marks: ``117 度 0 分 3.6 秒``, ``117 0 3.6`` or ``117 0.06``: whole
    degrees and minutes apart, ``117:00:03.6``; a degree sign typed as ``゜``, ``º`` or ``˚``; read by geopy). Other numbers apart in one cell (``36.7 117.0``, a pair) are refused.

    A decimal comma is read in a file separated by ``;``, tabs or ``|`` (Excel in many
    locales); in a comma-separated file only when fewer or more than three digits follow it
    (``"36,7"``), since ``"1,117"`` may be a thousands separator or two numbers. Anything
    else (two numbers, minutes or seconds of 60 or more) is a ValueError naming the column.
    """
    if type(text) is str and _PLAIN_NUMBER.fullmatch(text):  # most cells of a table: read as they are, at once
        return float(text)
    import unicodedata

    from geopy.point import Point

    from geo.names import INVISIBLE

    raw = text
    # A zero-width space or a bidirectional mark (text copied from a web page, a WeChat article) is no character.
    text = INVISIBLE.sub("", str(text)).translate(_DEGREE_SIGNS)  # before NFKC: it makes º an o, ゜ a space
    text = unicodedata.normalize("NFKC", text).strip()  # full-width digits and signs
    if _COLON_DMS.fullmatch(text):  # 117:00:03.6, as GPS software writes it
        text = text.replace(":", " ")
    text = _ungrouped(text)  # 4,061,234.5 or 4.061.234,5: a survey sheet's metres with their thousands grouped
    decimal_comma = re.fullmatch(r"[-+]?\d+,(\d+)", text)
    if decimal_comma and (delimiter != "," or len(decimal_comma.group(1)) != 3):
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        pass
    if _DATE.fullmatch(text):  # 2026/1/17, 1936-06-09 00:00:00: a cell Excel made a date of
        raise ValueError(f"{axis} {raw!r} is a date, not a coordinate (Excel took the cell for a date: format the "
                         "column as text or number and type the coordinate again)")
    if _EXCEL_ERROR.fullmatch(text):  # a formula's error, as Excel or WPS saves it to CSV and shows it in a cell
        raise ValueError(f"{axis} {raw!r} is an Excel error value, not a coordinate (its formula found nothing: a "
                         "VLOOKUP without a match, a cell it read deleted); type the coordinate, or leave the row out")
    text = _marked(text, axis)  # 117d0m3.6s, 117-00-03.6: degrees, minutes and seconds apart by letters or dashes
    for chinese, letter in _HEMISPHERES[axis]:
        text = text.replace(chinese, "") + letter if chinese in text else text
    text = text.replace("度", "°").replace("分", "'").replace("秒", '"')  # 117度0分3.6秒
    text = text.replace("′", "'").replace("″", '"').replace("''", '"')
    text = re.sub(r"(?<=\d)\s+(?=[°'\"])", "", text)  # 117 度 0 分 3.6 秒, 117.001 °: a blank before its mark
    # The closing mark left off (108°56′30.5, 108°56.5): what follows the minutes is seconds, the degrees minutes.
    text = _UNMARKED_SECONDS.sub(r'\1"\2', text) if _UNMARKED_SECONDS.fullmatch(text) else \
        _UNMARKED_MINUTES.sub(r"\1'\2", text) if _UNMARKED_MINUTES.fullmatch(text) else text
    spaced = _SPACED_DMS.fullmatch(text)
    if spaced:  # 117 0 3.6, 36 42.06 (a GPS unit's or a survey table's degrees, minutes and seconds)
        before, degrees, minutes, seconds, after = spaced.groups()
        text = f"{before}{degrees}°{minutes}'" + (f'{seconds}"' if seconds else "") + after
    elif re.search(r"\d\s+[-+]?\.?\d", text):  # geopy would read 36 42 as 42 and 36.7 117.0 as 117.0
        raise ValueError(f"{axis} {raw!r} is not one number, nor degrees, minutes and seconds")
    if "," in text or any(float(part) >= 60 for part in _MINUTES_SECONDS.findall(text)):
        raise ValueError(f"{axis} {raw!r} is not one number, nor degrees with minutes and seconds under 60")
    # geopy wraps a longitude round (200° is -160) and refuses a latitude beyond 90 after a UserWarning
    limit, whole = (180 if axis == "lon" else 90), re.search(r"\d+(?:\.\d+)?", text)
    beyond = whole and (float(whole.group()) > limit or float(whole.group()) == limit and any(
        float(part) > 0 for part in _MINUTES_SECONDS.findall(text)))
    if beyond:
        raise ValueError(f"{axis} {raw!r} is beyond {limit} degrees")
    try:  # geopy reads "lat, lon"; the other axis is a placeholder
        point = Point.from_string(f"0, {text}" if axis == "lon" else f"{text}, 0")
    except ValueError:
        raise ValueError(f"{axis} {raw!r} is not one number, nor degrees, minutes and seconds") from None
    return point.longitude if axis == "lon" else point.latitude


def _marked(text, axis=None):
    """``text`` with the degrees, minutes and seconds it writes apart by letters (``117d0m3.6s``, ``117d0'3.6"E`` as
    PROJ's ``cs2cs`` prints them, ``117deg0min3.6sec``) or by dashes (``117-00-03.6``, a GPS program's or a survey
    table's, all three parts given, so that no dash is a minus sign or a range) marked with ``°``, ``'`` and ``"``."""
    dashed = _DASHED_DMS.fullmatch(text)
    if dashed:
        before, degrees_, minutes, seconds, after = dashed.groups()
        return f"{before}{degrees_}°{minutes}'{seconds}\"{after}"
    return _lettered(text, axis)


def _lettered(text, axis=None):
    """``text`` with its degrees, minutes and seconds apart by letters (:data:`_LETTERED_DMS`) marked.

    A capital ``S`` ending unmarked seconds is the south when the degrees' and minutes' letters are small
    (``28d12m18S``: the seconds' own mark would be ``s``); after ``D`` or ``M`` (``28D12M18S``) it may be either, a
    ValueError in a latitude (``axis`` ``"lat"``) or a pair (``axis`` None). In a longitude (no south) it is the
    seconds' mark, and so is an ``S`` a hemisphere follows (``34D13M23.2SN``)."""
    def marks(match):
        degrees_, degree_mark, minutes, minute_mark, seconds, second_mark = match.groups()
        south = ""
        final = not _HEMISPHERE_AFTER.match(text, match.end())  # 34D13M23.2SN: the S is the seconds'
        if second_mark and second_mark.strip() == "S" and final and axis != "lon":  # the seconds' mark or south?
            if not (degree_mark + (minute_mark or "")).islower():
                raise ValueError(f"{axis + ' ' if axis else ''}{match.group().strip()!r} ends in an S that may mark the seconds or the "
                                 f"south: write {degrees_}°{minutes}'{seconds}\"N or {degrees_}°{minutes}'{seconds}\"S")
            south = "S"
        return (f"{degrees_}°" + (f"{minutes}'" if minutes else "") + (f'{seconds}"' if seconds else "")
                + south)

    return _LETTERED_DMS.sub(marks, text) if re.search(r"\d\s*d", text, re.I) else text


def _ungrouped(text):
    """``text`` without the separators of its thousands when it can be read no other way: groups of three
    digits apart by commas before a decimal point (``4,061,234.5``), or by points before a decimal comma
    (``4.061.234,5``), or two groups or more without a decimal part (``4,061,234``); else ``text``. One
    group alone (``1,117``) may be a decimal comma or two numbers, and is left to :func:`degrees`."""
    if _GROUPED_POINT.fullmatch(text):
        return text.replace(",", "")
    if _GROUPED_COMMA.fullmatch(text):
        return text.replace(".", "").replace(",", ".")
    return text


# A cell of one plain decimal number (ASCII digits, a point, a sign, blanks around), as nearly every
# coordinate cell of a table is: read without the normalising and the forms of degrees a cell may take.
_PLAIN_NUMBER = re.compile(r"[ \t]*[-+]?\d+(?:\.(\d+))?[ \t]*", re.A)
# A date as Excel writes or shows one (year first, or day and month first with a four-digit year), a time after it.
# Excel's (and WPS's) error values: #N/A, #VALUE!, #REF!, #DIV/0!, #NAME?, #NUM!, #NULL!, #SPILL!, #CALC!.
_EXCEL_ERROR = re.compile(r"#(?:N/A|VALUE!|REF!|DIV/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)", re.I)
_DATE = re.compile(r"(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_GROUPED_POINT = re.compile(r"[-+]?\d{1,3}(?:(?:,\d{3})+\.\d+|(?:,\d{3}){2,})")
_GROUPED_COMMA = re.compile(r"[-+]?\d{1,3}(?:(?:\.\d{3})+,\d+|(?:\.\d{3}){2,})")


# What stands for the degree sign in cells people type: ゜ (a kana mark Chinese input methods offer
# beside °), º (the ordinal indicator), ˚ (a ring above).
# Degree signs people type for °, and the minus sign (U+2212) a word processor makes of a hyphen.
# Word's and WPS's "smart quotes" turn a typed ' and " into ’ and ” (or ‘ “), and ´ stands in for a minute sign.
_DEGREE_SIGNS = str.maketrans({"゜": "°", "º": "°", "˚": "°", "\u2212": "-", "’": "'", "‘": "'", "´": "'", "”": '"',
                               "“": '"'})
_COLON_DMS = re.compile(r"[NSEW]?\s*[-+]?\d+(?::\d+(?:\.\d+)?){1,2}\s*[NSEW]?", re.I)
_HEMISPHERES = {"lon": (("东经", "E"), ("西经", "W"), ("東經", "E"), ("西經", "W"), ("东", "E"), ("西", "W"), ("東", "E")),
                "lat": (("北纬", "N"), ("南纬", "S"), ("北緯", "N"), ("南緯", "S"), ("北", "N"), ("南", "S"))}
# Whole degrees and minutes (and seconds) written as numbers apart, with an optional hemisphere letter.
_SPACED_DMS = re.compile(r"([NSEW]?)\s*([-+]?\d+)\s+(\d+(?:\.\d+)?)(?:\s+(\d+(?:\.\d+)?))?\s*([NSEW]?)", re.I)
# Degrees and minutes marked, seconds after them unmarked (108°56'30.5); degrees marked, minutes unmarked (108°56.5).
_UNMARKED_SECONDS = re.compile(r"([NSEW]?\s*[-+]?\d+\s*°\s*\d+\s*'\s*\d+(?:\.\d+)?)(\s*[NSEW]?)", re.I)
_UNMARKED_MINUTES = re.compile(r"([NSEW]?\s*[-+]?\d+\s*°\s*\d+(?:\.\d+)?)(\s*[NSEW]?)", re.I)
# Degrees, minutes and seconds apart by letters (117d0m3.6s, 117d0'3.6"E, 117deg0min3.6sec): d after the degrees'
# digits, minutes marked (m, min or '), seconds marked or not; a hemisphere letter before or after stays as it is.
_LETTERED_DMS = re.compile(r"(?<![\d.])([-+]?\d+(?:\.\d+)?)\s*(deg|d)(?:\s*(\d+(?:\.\d+)?)\s*(min|m|')"
                           r"(?:\s*(\d+(?:\.\d+)?)(\s*(?:sec|s|\"))?)?)?", re.I)
# A hemisphere letter after a lettered angle (34D13M23.2SN): the S before it is the seconds' mark.
_HEMISPHERE_AFTER = re.compile(r"\s*[NSEW]", re.I)
# Degrees, minutes and seconds apart by dashes, all three (117-00-03.6), a hemisphere letter before or after.
_DASHED_DMS = re.compile(r"([NSEW]?)\s*(\d{1,3})-(\d{1,2}(?:\.\d+)?)-(\d{1,2}(?:\.\d+)?)\s*([NSEW]?)", re.I)
# Minutes (36°99') and seconds (99") of a DMS cell: each must be under 60.
_MINUTES_SECONDS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:'|\")")


def rounding_m(lon_text, lat_text, lat, beyond=0.0):
    """(metres, words) of how far a point may lie from where its lon/lat cells put it, since they are
    rounded to their last digit written (:func:`written_step`): half that step on each axis, measured on
    the ellipsoid to the far corner of the box they round (``108.96`` and ``34.22`` are within 721 m at
    34°N; ``108°56′`` and ``34°13′`` within 1.2 km). None when that is no more than ``beyond`` metres (an
    accuracy claimed), or when a cell's step is not told (a number in scientific notation).
    """
    import math

    steps = [written_step(lon_text), written_step(lat_text)]
    if None in steps or not -90 < lat < 90:
        return None
    # A degree of latitude or longitude is under 111.7 km anywhere: most rows are settled without the ellipsoid.
    if math.hypot(steps[0][0], steps[1][0]) / 2 * 111_700 <= beyond:
        return None
    north = min(lat + steps[1][0] / 2, 90.0) if lat >= 0 else max(lat - steps[1][0] / 2, -90.0)
    metres = _geod().inv(0.0, lat, steps[0][0] / 2, north)[2]
    return (metres, f"lon/lat written to {max(steps)[1]}") if metres > beyond else None


@functools.lru_cache(maxsize=1)
def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def written_step(text):
    """(degrees, words) of the unit of the last digit a coordinate cell writes: (0.01, ``0.01°``) for
    ``34.22``, (1/60, ``1′``) for ``108°56′`` or ``东经108度56分``, (0.1/3600, ``0.1″``) for ``108°56′30.5″``
    or ``108 56 30.5``; a decimal comma counts as a point. None when not told (no digit, or scientific
    notation: ``1.0893E+02``)."""
    plain = _PLAIN_NUMBER.fullmatch(text) if type(text) is str else None
    if plain:  # most cells of a table: their decimals counted at once
        decimals = len(plain.group(1) or "")
        return 10.0 ** -decimals, f"{10.0 ** -decimals:.{decimals}f}°"
    import unicodedata

    text = unicodedata.normalize("NFKC", str(text).translate(_DEGREE_SIGNS))
    if re.search(r"\de[-+]?\d", text, re.I):
        return None
    numbers = re.findall(r"\d+(?:[.,](\d+))?", text)
    if not numbers or len(numbers) > 3:
        return None
    decimals, unit = len(numbers[-1]), "°′″"[len(numbers) - 1]  # the digits after the last number's point
    return 10.0 ** -decimals / 60 ** (len(numbers) - 1), f"{10.0 ** -decimals:.{decimals}f}{unit}"


# Columns of a geometry as WKT, EWKT or hex (E)WKB in a table: a GIS export's, a PostGIS dump's (the_geom, wkb_geometry).
GEOMETRY_COLUMNS = ("wkt", "geometry", "geom", "the_geom", "wkb_geometry", "wkb")
# Columns of a line as a list of lon,lat pairs (``lng,lat;lng,lat;…``, parts apart by ``|``), as Amap's web services
# give a road's or a boundary's ``polyline`` (and Baidu's APIs alike): read by tables, not by GDAL.
PAIR_LIST_COLUMNS = ("polyline", "坐标串", "坐标序列")
PAIR_LIST = re.compile(r"\s*[-+]?\d+(?:\.\d+)?\s*,\s*[-+]?\d+(?:\.\d+)?(?:\s*[;|]\s*[-+]?\d+(?:\.\d+)?\s*,\s*"
                        r"[-+]?\d+(?:\.\d+)?)+\s*;?\s*")
# An EWKT cell's reference system.
EWKT_SRID = re.compile(r"\s*SRID\s*=\s*(\d+)\s*;", re.I)
# A cell of hex WKB or EWKB, as a PostGIS table dumped to CSV gives its geometry (0101000020E6100000…;
# bytea text opens with \\x): a byte-order byte, then at least a type.
_HEX_WKB = re.compile(r"\s*(?:\\x)?((?:00|01)(?:[0-9A-Fa-f]{2}){4,})\s*")


def wkb_as_ewkt(text):
    """The EWKT of a cell holding hex WKB or EWKB (``SRID=n;`` when it names one, as
    :func:`wkt_geometry` reads it), its coordinates at full precision; None for any other cell.

    Raises
    ------
    ValueError
        Hex that opens as WKB and does not parse (cut short, an unknown type).
    """
    match = _HEX_WKB.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        return None
    import shapely

    try:
        geom = shapely.from_wkb(match.group(1))
    except shapely.errors.GEOSException as exc:
        raise ValueError(f"damaged hex WKB ({exc})") from None
    srid, wkt = shapely.get_srid(geom), shapely.to_wkt(geom, rounding_precision=-1)
    return f"SRID={srid};{wkt}" if srid else wkt


def wkt_geometry(text):
    """A WKT cell, or EWKT with an ``SRID=n;`` prefix (reprojected to EPSG:4326 unless geographic), a list of lon,lat
    pairs (Amap's ``polyline``: :data:`PAIR_LIST_COLUMNS`),
    or GeoJSON text of a geometry or a Feature (PostGIS's ``ST_AsGeoJSON``, BigQuery, Kepler.gl; a ``crs``
    member naming an EPSG code is taken as an SRID), in two dimensions: a height (``POINT Z``) or a
    measure (``POINT M``, ``POINT ZM``, as a GIS writes a measured layer) means nothing on a plan map,
    as of vector files (:func:`geo.vectors.read_vector`)."""
    import numpy as np
    import shapely

    if PAIR_LIST.fullmatch(text):
        return _pair_list(text)
    geom, srid = _geojson_cell(text) if text.lstrip().startswith("{") else _wkt_cell(text)
    geom = shapely.force_2d(geom)
    if srid and srid not in ("4326", "4490"):
        from pyproj import CRS, Transformer

        from geo.crs import refuse_local_datum

        try:
            crs = CRS.from_epsg(int(srid))
            transformer = Transformer.from_crs(crs, 4326, always_xy=True)
        except Exception as exc:  # pyproj.exceptions.CRSError
            raise ValueError(f"unknown SRID {srid} ({exc})") from None
        refuse_local_datum(crs)  # Xian 1980, Beijing 1954: no shift to WGS-84 known here
        geom = shapely.transform(geom, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))
    return geom


def _pair_list(text):
    """The line of a cell of lon,lat pairs apart by ``;`` (Amap's ``polyline``), its parts apart by ``|``: a
    LineString, or a MultiLineString of several parts; a part of one point is left out (no line)."""
    import shapely

    parts = [[tuple(float(v) for v in pair.split(",")) for pair in part.split(";") if pair.strip()]
             for part in text.split("|")]
    lines = [shapely.LineString(part) for part in parts if len(part) > 1]
    if not lines:
        raise ValueError("a list of one lon,lat pair is no line: give it as a point")
    return lines[0] if len(lines) == 1 else shapely.MultiLineString(lines)


def _wkt_cell(text):
    """(geometry, SRID or None) of a WKT or EWKT cell."""
    import shapely.wkt

    match = EWKT_SRID.match(text)
    try:
        geom = shapely.wkt.loads(text[match.end():] if match else text)
    except NotImplementedError:  # shapely has no curves: CIRCULARSTRING, COMPOUNDCURVE, CURVEPOLYGON...
        raise ValueError("a curved geometry; give points, straight lines (LINESTRING) or polygons") from None
    return geom, match.group(1) if match else None


# The EPSG code a GeoJSON crs member names (EPSG:4548, urn:ogc:def:crs:EPSG::4548); CRS84 names none.
_GEOJSON_CRS = re.compile(r'"crs"\s*:.*?"name"\s*:\s*"(?:urn:ogc:def:crs:)?EPSG:(?:[\d.]*:)?(\d+)"', re.S)


def _geojson_cell(text):
    """(geometry, SRID or None) of a cell of GeoJSON text: a geometry, or a Feature's."""
    import shapely

    try:
        geom = shapely.from_geojson(text)
    except shapely.errors.GEOSException as exc:
        raise ValueError(f"a GeoJSON geometry GEOS cannot read: {exc}") from None
    named = _GEOJSON_CRS.search(text)
    return geom, named.group(1) if named else None
