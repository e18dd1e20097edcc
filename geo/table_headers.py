"""A table's header: which row it is (below a title, over two rows), what its columns name (entries, lon/lat, a datum), and its cells as text."""

from __future__ import annotations

import re

from geo.coordinates import GEOMETRY_COLUMNS as _GEOMETRY_COLUMNS, PAIR_LIST_COLUMNS
from geo.io import InputError

# The survey table's X坐标/北坐标/纵坐标 (northing) and Y坐标/东坐标/横坐标 (easting) stand in either list: projected
# coordinates are told apart by size (geo.survey.projected_to_lonlat). Columns named as lon/lat come
# first: a survey table giving both (经度, 纬度, X, Y) is read by its lon/lat.
# ArcGIS's Add XY Coordinates (and Add Geometry Attributes) writes POINT_X/POINT_Y, QGIS's Add Geometry
# Attributes xcoord/ycoord: in the layer's CRS, degrees or metres, X the easting.
LON_COLUMNS = ("lon", "lng", "long", "longitude", "经度", "东经", "經度", "東經", "x", "point_x", "xcoord", "x坐标",
               "东坐标", "easting", "横坐标", "横坐标y")
LAT_COLUMNS = ("lat", "latitude", "纬度", "北纬", "緯度", "北緯", "y", "point_y", "ycoord", "y坐标", "北坐标", "northing",
               "纵坐标", "纵坐标x")

# A bare E and N (a GPS unit's, a survey program's, a foreign consultant's table: easting and northing, in degrees or
# metres) are lon and lat only as a pair and where no column above is there: a letter alone may head anything.
LETTER_COLUMNS = {"lon": "e", "lat": "n"}


# The columns of each axis that hold degrees (x/y beside them may be a survey's metres, on purpose).
DEGREE_COLUMNS = {"lon": LON_COLUMNS[:8], "lat": LAT_COLUMNS[:6]}
# The x/y columns that are the easting and northing whatever their unit (GIS's, ArcGIS's Add XY, QGIS's):
# in degrees beside lon/lat columns, they must agree with them.
XY_COLUMNS = {"lon": ("x", "point_x", "xcoord"), "lat": ("y", "point_y", "ycoord")}


# One cell holding "lon,lat", as Amap's POI search returns it (its "location" field).
PAIR_COLUMNS = ("location", "lnglat", "lonlat", "经纬度", "坐标")
COORDINATE_COLUMNS = frozenset(LON_COLUMNS + LAT_COLUMNS + PAIR_COLUMNS)


# Chinese column names of the same fields, and geo's own Shapefile export's short names
# (geo.export.SHAPEFILE_FIELD_NAMES: source_datum is src_datum there).
SYNONYMS = {"名称": "name", "名字": "name", "名稱": "name", "点名": "name", "坐标系": "datum", "座标系": "datum", "别名": "aliases",
            "精度": "accuracy_m", "来源": "source", "src_datum": "source_datum"}


# Columns named for what their entries are (项目名称, 点位名称, 學校名稱, 地名): the one of them names the
# entries of a table that has no column called name or 名称.
_NAME_ENDINGS = ("名称", "名稱")
_PLACE_NAME_COLUMNS = ("地名",)


# A campus column (a 教育局 list's 校区, a 卫健委 list's 院区): each row is the campus of the name it gives,
# named as lists write it in one cell (长郡梅溪湖中学（新校区）, 长郡梅溪湖中学（本部）).
CAMPUS_COLUMNS = ("校区", "院区", "校区名称", "院区名称", "校區", "院區", "校區名稱", "院區名稱")


def name_column(path, keys):
    """The key of ``keys`` (lower-case column names) that names the entries when none is ``name`` or
    a synonym of it (:data:`SYNONYMS`; a survey's 点名 beside it is its number): the one ending in
    名称 (项目名称) or called 地名; None when there is none or ``name`` is there.

    Raises
    ------
    geo.io.InputError
        When two such columns could each name the entry (项目名称 and 街道名称).
    """
    if any(k == "name" or (k != "点名" and SYNONYMS.get(k) == "name") for k in keys):
        return None
    found = [k for k in keys if (k.endswith(_NAME_ENDINGS) or k in _PLACE_NAME_COLUMNS) and k not in CAMPUS_COLUMNS]
    if len(found) > 1:
        raise InputError(path, f"columns {found[0]!r} and {found[1]!r} may each name the entry; rename the one "
                               "to match to 名称")
    return found[0] if found else None


_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")
# How far down a table's header may lie: below a title, a 填报单位 line, a blank row...
_HEADER_SEARCH_ROWS = 10


def find_header(path, records):
    """(header, the records after it, the records above it) of a table's records: the first row, among the first
    :data:`_HEADER_SEARCH_ROWS`, that names the entries and gives coordinates (rows above it are a
    title, a 填报单位 line), or two rows joined (:func:`_joined_header`) when the second names an
    axis (坐标 over 经度 and 纬度); else the first row."""
    for at, (_, upper) in enumerate(records[:_HEADER_SEARCH_ROWS]):
        lower = records[at + 1][1] if at + 1 < len(records) else None
        joined = _joined_header(upper, lower) if lower is not None else None
        if joined is not None and is_table(path, joined):
            titled = joined[:len(lower)] == [cell_text(str(cell)) for cell in lower]  # the upper row named no column
            return joined, records[at + 2:], records[:at + titled]
        if is_table(path, upper):
            return upper, records[at + 1:], records[:at]
    return (records[0][1] if records else []), records[1:], []


def _joined_header(upper, lower):
    """One header of two rows, when the lower names a coordinate axis (经度, 纬度, X, Y) under a cell
    spanning them (坐标, 百度坐标, 坐标（CGCS2000）; a merged cell holds it in each column, a CSV in the
    first): each column is named by its lower cell, with the datum the upper one names
    (``经度(bd09)``), else by its upper cell (序号, 名称 spanning both rows); or the parts of an angle (度, 分, 秒)
    under an axis (经度 spanning three columns): ``经度(度)``, ``经度(分)``, ``经度(秒)``; None otherwise."""
    from geo.dms_columns import is_part

    axes = set(LON_COLUMNS + LAT_COLUMNS)
    if any(_NUMBER.fullmatch(cell_text(str(c))) for c in lower):
        return None  # a row of data (a flag column's Y beside numbers)
    joined, group, named = [], "", False
    for column in range(max(len(upper), len(lower))):
        up = cell_text(str(upper[column])) if column < len(upper) else ""
        low = cell_text(str(lower[column])) if column < len(lower) else ""
        group = up or (group if low else "")
        if not low or low == up:
            joined.append(up)
            continue
        if is_part(header_key(low)) and header_key(group) in axes:  # 度, 分, 秒 under 经度: 经度(度), 经度(分)...
            joined.append(f"{group}({low})")
            named = True
            continue
        named = named or header_key(low) in axes or letter_columns([header_key(str(c)) for c in lower]) is not None
        datum = _datum_named(group)
        joined.append(f"{low}({datum})" if datum else low)
    return joined if named else None  # no axis named


def _datum_named(text):
    """The canonical datum ``text`` names (百度坐标, 坐标（CGCS2000）), or None."""
    from geo.crs import normalise_datum

    try:
        return normalise_datum(text) if text else None
    except ValueError:
        return None


def is_table(path, header) -> bool:
    """Whether a header row names the entries (名称, 项目名称, name) and gives their places (lon/lat,
    a pair, columns naming their datum, wkt)."""
    keys = [header_key(cell) for cell in header]
    try:
        named = name_column(path, keys) is not None or any(k == "name" or SYNONYMS.get(k) == "name" for k in keys)
    except InputError:  # two columns ending in 名称: a header, refused as such
        named = True
    placed = (any(f in keys for f in LON_COLUMNS) and any(f in keys for f in LAT_COLUMNS)) or letter_columns(keys) or \
        any(f in keys for f in (*PAIR_COLUMNS, *_GEOMETRY_COLUMNS, *PAIR_LIST_COLUMNS)) or datum_columns(keys) is not None
    return named and placed


def letter_columns(keys):
    """(lon column, lat column) of a header whose coordinates are headed ``E`` and ``N`` alone (:data:`LETTER_COLUMNS`),
    both there and no column of :data:`LON_COLUMNS` or :data:`LAT_COLUMNS`; else None."""
    if LETTER_COLUMNS["lon"] in keys and LETTER_COLUMNS["lat"] in keys and \
            not any(key in LON_COLUMNS or key in LAT_COLUMNS for key in keys):
        return LETTER_COLUMNS["lon"], LETTER_COLUMNS["lat"]
    return None


def datum_columns(keys):
    """(lon column, lat column, canonical datum) of coordinate columns named with their datum, as
    exports of web maps name them (``百度经度``, ``bd09_lng``, ``lat_gcj02``, ``经度(高德)``); else
    (pair column, None, datum) of a cell holding both (``百度坐标``, ``高德经纬度``, ``location_gcj02``, or
    a datum's name alone: ``bd09ll``, ``CGCS2000``);
    None when none names one datum. Columns naming their unit or hemisphere (``经度(E)``, ``纬度(°)``)
    come first, with datum None, then WGS-84, GCJ-02 and BD-09."""
    from geo.crs import BD09, GCJ02, WGS84, normalise_datum

    found = {}
    for key in keys:
        if (axis := _bracketed_axis(key)) is not None:  # X坐标(经度), Y(纬度): the axis named in brackets
            found.setdefault(None, {}).setdefault(axis, key)
            continue
        for axis, words in (("lon", LON_COLUMNS), ("lat", LAT_COLUMNS), ("pair", PAIR_COLUMNS)):
            for word in words:
                after = key.startswith(word)
                rest = key[len(word):] if after else key[:-len(word)] if key.endswith(word) else ""
                bare = rest.strip(" _-/()（）[]【】")
                said = axis != "pair" and bare.lower() in (_HEADER_AFTER[axis] if after else _HEADER_BEFORE)
                if (bare.lower() in _HEADER_UNITS and (len(word) > 1 or rest[:1] in " _-(（[【")) or \
                        (said and (len(word) > 1 or not after)):  # 中心点经度, 经度坐标, 坐标X; not 经度x's x
                    found.setdefault(None, {}).setdefault(axis, key)  # 经度(E), 纬度(°), X(m), 中心点经度: a plain column
                    continue
                if len(word) == 1:  # x, y: too short to tell a datum's name after them
                    continue
                try:
                    datum = normalise_datum(bare) if bare else None
                except ValueError:
                    datum = None
                if datum:
                    found.setdefault(datum, {}).setdefault(axis, key)
        if not key.isdigit():  # a cell of both under a datum's name alone: bd09ll, CGCS2000, 2000国家大地坐标系
            try:
                found.setdefault(normalise_datum(key), {}).setdefault("pair", key)
            except ValueError:
                pass
    order = (None, WGS84, GCJ02, BD09)
    return next(((found[d]["lon"], found[d]["lat"], d) for d in order if {"lon", "lat"} <= set(found.get(d, {}))),
                None) or next(((found[d]["pair"], None, d) for d in order if "pair" in found.get(d, {})), None)


# What a coordinate column's header may add to its name: a hemisphere or the unit (X(m) of a survey table).
_HEADER_UNITS = {"e", "n", "东", "北", "°", "度", "deg", "degree", "degrees", "dd", "m", "米"}
# Words a coordinate column's header may add that say no more than its axis: after it (经度坐标, 经度值, 经度X) or
# before it (中心点经度 of a POI export, 位置经度, 坐标经度, point_lng, center_lat).
_HEADER_AFTER = {"lon": {"坐标", "值", "数值", "坐标值", "x"}, "lat": {"坐标", "值", "数值", "坐标值", "y"}}
_HEADER_BEFORE = {"中心点", "中心", "位置", "坐标", "点位", "定位", "point", "center", "centre", "centroid", "poi"}
_BRACKETED = re.compile(r"(.+?)\s*[(（]\s*([^()（）]+?)\s*[)）]")


def _bracketed_axis(key):
    """"lon" or "lat" for a column naming its axis in brackets after a survey's or GIS's name of it (``X坐标(经度)``,
    ``Y(纬度)``, ``x(lon)``, ``E(经度)``): the bracketed degree word decides; else None."""
    match = _BRACKETED.fullmatch(key)
    if match is None:
        return None
    outer, inner = match.groups()
    for axis, columns, other in (("lon", LON_COLUMNS, LAT_COLUMNS), ("lat", LAT_COLUMNS, LON_COLUMNS)):
        if inner in DEGREE_COLUMNS[axis] and (outer in columns or outer in other or outer in LETTER_COLUMNS.values()):
            return axis
    return None


_SPACED_OUT = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")  # 名　称
_NOTED_NAME = re.compile(r"(.*?(?:名称|名稱|name))\s*[(（][^()（）]*[)）]")  # 名称（必填）


def header_key(text, simplified=True) -> str:
    """A column's name as matched: lower case, without surrounding blanks, the blanks a Chinese form
    spaces a short header out with (名　称, 经 度), or a note in brackets after a name column's
    (名称（必填）, 项目名称(选填)), or Overpass's @ before its columns of meta data (@lat, @lon of an
    ``[out:csv]`` answer); in Simplified script (a Taiwan or Hong Kong form's 坐標系, 別名, 經緯度),
    unless ``simplified`` is False (a row compared with the header as written: no conversion)."""
    key = _SPACED_OUT.sub("", cell_text(str(text)).lower()).removeprefix("@")
    if simplified and not key.isascii():
        from geo.names import to_simplified

        key = to_simplified(key)
    noted = _NOTED_NAME.fullmatch(key)
    return noted.group(1) if noted else key


def cell_text(text: str) -> str:
    """A cell's text without surrounding blanks and byte-order marks: a file joined from two
    exports (``cat a.csv b.csv``) holds the second one's BOM mid-file, where no decoder drops it
    and it would stick to a name (no longer matching its project) or a number."""
    return text.replace("\ufeff", "").strip()


def text_or_none(value):
    """A cell as stripped text, or None when it is empty or NaN."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    value = str(value).strip()
    return value or None
