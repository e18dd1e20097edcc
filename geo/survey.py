"""Survey coordinates: CGCS2000 Gauss-Kruger X and Y as survey tables and .prj files give them, their zone told from a label or the eastings."""

from __future__ import annotations

import functools
import re

import numpy as np

from geo.crs import (GK_FIRST_EPSG, GK_FIRST_MERIDIAN, GK_LAST_EPSG, GK_LAST_MERIDIAN, GK_STEP, datum_spellings,
                     lonlat_transformer, metric_transformer, refuse_local_datum)


def projected_to_lonlat(label, first, second, district=None):
    """(lon, lat, datum) of a survey table's projected coordinates, when its datum cell names their system.

    Chinese survey tables give CGCS2000 Gauss-Kruger coordinates as X (northing) and Y
    (easting, often with its zone number before it: 39512345.67 in zone 39). Either order
    is read: the northing is the number between 1,000 and 10,000 km, the easting the one
    under 1,000 km or, with its zone number, over 10,000 km. Zones 25-45 are 3-degree
    zones (central meridian three times the number), 13-23 6-degree ones (six times, less 3).

    Parameters
    ----------
    label : str
        The datum cell: an EPSG code of a projected CRS (``EPSG:4548``, ``4527``) or a
        CGCS2000 Gauss-Kruger zone as surveyors and GIS write it (``CGCS2000 3度带 117°``,
        ``2000国家大地坐标系 3度带 39带``, ``中央子午线117``, ESRI's ``CGCS2000_3_Degree_GK_CM_117E``;
        ``CGCS2000`` alone when the numbers are no lon/lat and Y carries its zone number).
    first, second : float
        The two coordinates, in either order.
    district : geo.district_fit.District or None
        The district the file is read for. Gauss-Kruger metres whose zone neither the label nor a zone
        number before Y gives (``CGCS2000`` or ``2000坐标`` alone) are read in the one of its zones
        (:func:`zone_by_district`) that puts them in it; refused, naming its zones, when none or several do.

    Returns
    -------
    (float, float, str, str) or None
        Lon, lat, the datum's spelling (``cgcs2000``, ``epsg:4326``) and what was converted, for the
        entry's method (``Gauss-Kruger X/Y of CGCS2000, central meridian 108°E (EPSG:4545)``); None
        when ``label`` names no projected system (a datum such as ``gcj02``).

    Raises
    ------
    ValueError
        Xian 1980 or Beijing 1954 zones (see :func:`refuse_local_datum`), a city's or a project's
        local system (成都2000, 城建坐标, 独立坐标系: its parameters are not public), a zone that is not
        said, a zone number that contradicts the label, numbers that are no northing and easting.
    """
    projection = _projection_of(label)
    if projection is None and re.search(r"2000|cgcs", str(label).lower()) and min(abs(first), abs(second)) > 180:
        projection = None, None, "cgcs2000"  # CGCS2000 named, numbers no lon/lat: Gauss-Kruger, its zone before Y
    if projection is None or max(abs(first), abs(second)) <= 180:  # lon/lat: projection_datum gives their datum
        return None
    meridian, crs, datum = projection
    if crs is not None:  # another projected EPSG CRS
        easting, northing = _easting_northing(first, second)
        lon, lat = lonlat_transformer(crs).transform(easting, northing)
        return float(lon), float(lat), datum, f"X/Y of {crs.name} ({crs.to_string()})"
    easting, northing = _easting_northing(first, second)
    if easting >= 10_000_000:  # the zone number before the easting
        prefix = int(easting // 1_000_000)
        if meridian is not None and _zone_meridian(prefix) != meridian:
            raise ValueError(f"Y {easting:.3f} is in zone {prefix} (central meridian {_zone_meridian(prefix)}°), "
                             f"the datum column says {meridian}°")
        meridian, easting = _zone_meridian(prefix), easting - prefix * 1_000_000
    assumed = ""
    if meridian is None and district is not None:
        meridian, assumed = zone_by_district(label, easting, northing, district)
    if meridian is None:
        raise ValueError("Gauss-Kruger coordinates without their zone: name its central meridian "
                         "(CGCS2000 3度带 117°) or give Y with its zone number")
    if not (GK_FIRST_MERIDIAN <= meridian <= GK_LAST_MERIDIAN and meridian % GK_STEP == 0):
        raise ValueError(f"central meridian {meridian}° is no Gauss-Kruger zone's in China "
                         f"({GK_FIRST_MERIDIAN}-{GK_LAST_MERIDIAN}°E, every {GK_STEP}°)")
    epsg = GK_FIRST_EPSG + (meridian - GK_FIRST_MERIDIAN) // GK_STEP
    lon, lat = metric_transformer(f"EPSG:{epsg}", True).transform(easting, northing)
    return float(lon), float(lat), datum, (f"Gauss-Kruger X/Y of CGCS2000, central meridian {meridian}°E "
                                           f"(EPSG:{epsg}{assumed})")


def zone_by_district(label, easting, northing, district):
    """(central meridian, words for the method) of Gauss-Kruger metres without their zone, read for ``district``.

    A file of a district labelled ``CGCS2000`` (or ``2000坐标``) alone, its eastings without the zone
    number, leaves the zone unsaid. Read in another zone than theirs, eastings land a whole zone's
    width (3°, some 270 km) away from the district; so when exactly one of the district's zones
    (:attr:`geo.district_fit.District.gauss_kruger_zones`, only those of the width the label says:
    ``3度带``, ``6度带``) puts the point in the district (:meth:`~geo.district_fit.District.holds`),
    that zone is determined, and the point is read in it, the method saying the zone was not stated
    and why this one was taken. The datum is the label's: Xian 1980 metres labelled CGCS2000 are read
    as CGCS2000, as they would be with their zone named.

    Raises
    ------
    ValueError
        When no zone of the district, or more than one (a district wider than a zone), puts the point
        in it: the message names the district's zones and their EPSG codes.
    """
    from geo.crs import metric_transformer

    text = str(label).lower()
    widths = (3,) if re.search(r"(?<!\d)3\s*(?:度|°|-?degree)", text) else \
        (6,) if re.search(r"(?<!\d)6\s*(?:度|°|-?degree)", text) else (3, 6)
    meridians = sorted({meridian for width, _, meridian, _ in district.gauss_kruger_zones if width in widths})
    fits = []
    for meridian in meridians:
        epsg = GK_FIRST_EPSG + (meridian - GK_FIRST_MERIDIAN) // GK_STEP
        lon, lat = metric_transformer(f"EPSG:{epsg}", True).transform(easting, northing)
        if district.holds(lon, lat)[0]:
            fits.append(meridian)
    zones = district.zones_said(widths)
    if len(fits) == 1:
        return fits[0], (f"; zone not stated: of {district.name}'s {zones}, the only one that puts the point in "
                         f"{district.name}")
    where = f"read in each of them it lies in {district.name}" if fits else f"read in none of them does it lie in {district.name}"
    raise ValueError(f"Gauss-Kruger coordinates without their zone: {district.name} lies in {zones}, and {where}; "
                     f"name the zone in the 坐标系 column (CGCS2000 3度带 {meridians[0] if meridians else 117}°, or its EPSG "
                     "code) or give Y with its zone number")


def projection_datum(label):
    """The datum of the projected system a datum cell names (``cgcs2000`` for ``CGCS2000 3度带 117°``,
    ``epsg:4326`` for ``EPSG:32650``), or None when it names none: its lon/lat (a survey table's B
    and L) or a vector file's geometry (projected by its .prj) are on that datum.

    Raises
    ------
    ValueError
        As :func:`projected_to_lonlat` does for the label alone (Xian 1980, Beijing 1954, a zone
        number that contradicts the central meridian).
    """
    projection = _projection_of(label)
    return projection[2] if projection else None


@functools.lru_cache(maxsize=256)  # a table's datum column repeats one label in every row
def _projection_of(label):
    """(central meridian or None, None, "cgcs2000") of a CGCS2000 Gauss-Kruger zone a datum cell names,
    or (None, pyproj CRS, its datum's spelling) of another projected EPSG code; None when it names none."""
    import unicodedata

    from pyproj import CRS
    from pyproj.exceptions import CRSError

    text = unicodedata.normalize("NFKC", str(label)).lower().replace("_", " ").strip()
    local = _LOCAL_SYSTEM.search(text)
    city = re.search(r"([\u4e00-\u9fff]{2,})\s*2000", text)  # 成都2000, 广州市2000坐标系; not 国家2000
    if local or (city and not city.group(1).endswith(("国家", "大地", "中国", "坐标", "坐标系"))):
        raise ValueError(f"{str(label).strip()!r} is a local coordinate system (a city's or a project's): its "
                         "parameters are not public and geo cannot read it; convert the file to CGCS2000 "
                         "(lon/lat or a Gauss-Kruger zone) first, with the parameters of your surveying office")
    code = re.fullmatch(r"(?:epsg\s*:?\s*)?(\d{4,5})", text)
    if code:
        epsg = int(code.group(1))
        if _CGCS_GK_ZONES[0] <= epsg <= GK_LAST_EPSG:
            return _gk_epsg_meridian(epsg), None, "cgcs2000"
        try:
            crs = CRS.from_epsg(epsg)
        except CRSError:
            return None
        if not crs.is_projected:
            return None
        refuse_local_datum(crs)
        return None, crs, f"epsg:{crs.geodetic_crs.to_epsg()}"
    if _WEB_MERCATOR.search(text):  # Web墨卡托: a web map's metres, EPSG:3857 (Baidu's own are refused as bd09mc)
        return None, CRS.from_epsg(3857), "epsg:4326"
    if not re.search(r"gauss|kruger|\bgk\b|高斯|带|中央子午线|中央经线|\bcm\b|\bzone\b", text):
        return None
    if re.search(r"西安|xian|北京|beijing|\b(?:54|80)\b", text):
        key = "xian80" if re.search(r"西安|xian|\b80\b", text) else "beijing54"
        raise ValueError(f"{str(label).strip()!r} is on the datum {datum_spellings()[key][1]}")
    if not re.search(r"2000|cgcs", text):
        return None
    found = re.search(r"(?:zone|第)\s*(\d{2})(?!\d)|(?<![\d.])(\d{2})\s*号?带", text)
    zone = int(found.group(1) or found.group(2)) if found else None
    found = re.search(r"(?:\bcm|中央子午线|中央经线|central meridian)\s*[:=：]?\s*(\d{2,3})(?!\d)"
                      r"|(?<![\d.])(\d{2,3})(?:\.0+)?\s*(?:°|度(?!带)|e\b)", text)
    meridian = int(found.group(1) or found.group(2)) if found else None
    if meridian is None:  # a bare 117 among the words: a central meridian of China's zones, if any
        meridian = next((int(n) for n in re.findall(r"(?<![\d.])(\d{2,3})(?![\d.])", text)
                         if GK_FIRST_MERIDIAN <= int(n) <= GK_LAST_MERIDIAN and int(n) % GK_STEP == 0), None)
    if zone is not None:
        zone_meridian = _zone_meridian(zone)
        if meridian is not None and meridian != zone_meridian:
            raise ValueError(f"{str(label).strip()!r} names zone {zone} (central meridian {zone_meridian}°) "
                             f"and central meridian {meridian}°")
        meridian = zone_meridian
    return meridian, None, "cgcs2000"


# Web Mercator as its metres are labelled (EPSG:3857 and 900913 are codes, read as such).
_WEB_MERCATOR = re.compile(r"(?<!百度)(?:web|网络|球面|伪)\s*(?:mercator|墨卡托)|pseudo[\s-]*mercator|^(?:epsg\s*:?\s*)?900913$")
# Coordinate systems of a city or a project (城建坐标, 地方/独立/工程坐标系), on local parameters.
_LOCAL_SYSTEM = re.compile(r"城建|城市坐标|地方坐标|独立坐标|工程坐标|施工坐标|假定坐标|local\s+(?:grid|coordinate)")
# EPSG's CGCS2000 Gauss-Kruger zones: 4491-4501 6-degree zones 13-23 (zone number in the easting),
# 4502-4512 the same by central meridian 75-135E; 4513-4533 3-degree zones 25-45, 4534-4554 by meridian.
_CGCS_GK_ZONES = (4491, 4502, 4513, 4534)


def _gk_epsg_meridian(epsg):
    """The central meridian of a CGCS2000 Gauss-Kruger EPSG code (4491-4554)."""
    if epsg >= 4534:
        return GK_FIRST_MERIDIAN + (epsg - 4534) * 3
    if epsg >= 4513:
        return _zone_meridian(25 + epsg - 4513)
    if epsg >= 4502:
        return GK_FIRST_MERIDIAN + (epsg - 4502) * 6
    return _zone_meridian(13 + epsg - 4491)


def _zone_meridian(zone):
    """The central meridian of a Gauss-Kruger zone number: 3-degree zones 25-45, 6-degree ones 13-23."""
    if 25 <= zone <= 45:
        return 3 * zone
    if 13 <= zone <= 23:
        return 6 * zone - 3
    raise ValueError(f"zone {zone} is no Gauss-Kruger zone of China (3-degree zones 25-45, 6-degree 13-23)")


def _easting_northing(first, second):
    """(easting, northing) of two projected coordinates in either order, told apart by size."""
    def kind(value):
        if 1_000_000 <= value < 10_000_000:
            return "northing"
        return "easting" if 0 < value < 1_000_000 or value >= 10_000_000 else None

    kinds = (kind(first), kind(second))
    if set(kinds) != {"easting", "northing"}:
        raise ValueError(f"{first:g} and {second:g} are not a northing (X, 1,000-10,000 km) and an easting "
                         "(Y, under 1,000 km, or over 10,000 km with its zone number)")
    return (first, second) if kinds[0] == "easting" else (second, first)


# Web Mercator metres (EPSG:3857) of China's box (geo.crs.CHINA_BOUNDS): Baidu's Mercator (BD-09MC) lies in it too.
_MERCATOR_CHINA = ((8_015_000, 15_344_000), (90_000, 7_520_000))


def projected_hint(first, second, datum=None) -> str:
    """What two numbers no lon/lat are likely to be, as advice for the line refusing them: Gauss-Kruger
    metres with their zone number before the easting (``36512345.67``: its CGCS2000 code), without it
    (a zone to name), or Mercator metres of a web map (``12127145, 4058100``: EPSG:3857) or of Baidu
    (BD-09MC, which geo does not read; only those when their row's ``datum`` is ``bd09``, and GCJ-02's
    when ``gcj02``); '' when they look like none. Either order of the two."""
    easting, northing = max(abs(first), abs(second)), min(abs(first), abs(second))
    said = []
    if 1_000_000 <= northing < 10_000_000 and easting >= 10_000_000:
        zone = int(easting // 1_000_000)
        if 25 <= zone <= 45 or 13 <= zone <= 23:
            code = (4513 + zone - 25) if zone >= 25 else (4491 + zone - 13)
            said.append(f"Gauss-Kruger metres with the zone number {zone} before the easting (if CGCS2000, EPSG:{code}: "
                        "write CGCS2000 in the 坐标系 column)")
    if 1_000_000 <= max(abs(first), abs(second)) < 10_000_000 and 0 < min(abs(first), abs(second)) < 1_000_000:
        said.append("Gauss-Kruger metres without their zone number (name the zone in the 坐标系 column by its central "
                    "meridian, CGCS2000 3度带 117°, or its code, EPSG:4548)")
    (x_low, x_high), (y_low, y_high) = _MERCATOR_CHINA
    mercator = x_low <= easting <= x_high and y_low <= northing <= y_high
    if mercator and datum in ("bd09", "gcj02"):  # 百度坐标 over Baidu's metres: no web map's, no survey's
        return (f"{first:.10g}, {second:.10g} look like Baidu's Mercator metres (BD-09MC), which geo does not read: "
                "convert them to bd09ll lon/lat first" if datum == "bd09" else
                f"{first:.10g}, {second:.10g} look like Mercator metres on GCJ-02, which geo does not read: convert "
                "them to gcj02 lon/lat first")
    if mercator:
        said.append("Mercator metres of a web map (EPSG:3857: name it in the 坐标系 column) or Baidu's Mercator "
                    "metres (BD-09MC, which geo does not read: convert them to bd09ll lon/lat first)")
    return f"{first:.10g}, {second:.10g} look like " + ", or ".join(said) if said else ""


def zone_number_hint(frame, path=None) -> str:
    """``; the eastings carry the zone number 39, which EPSG:4548 lacks: its .prj should be EPSG:4527 (...)``
    when a GeoDataFrame in a CGCS2000 Gauss-Kruger zone (3-degree or 6-degree) holds eastings that
    disagree with its CRS about the zone number before them (a .prj of the wrong one of EPSG's two
    codes of a zone); else ''. What states the CRS is named as the file ``path`` holds it (:func:`crs_statement`)."""
    import shapely
    from pyproj import CRS

    epsg = frame.crs.to_epsg() if frame.crs is not None else None
    if epsg is None or not 4491 <= epsg <= GK_LAST_EPSG or not len(frame):
        return ""
    # (first code with the zone number, first without, first zone number) of the 6- and 3-degree zones
    numbered_first, plain_first, first_zone = (4491, 4502, 13) if epsg < 4513 else (4513, 4534, 25)
    numbered = epsg < plain_first
    zone = first_zone + epsg - (numbered_first if numbered else plain_first)
    easting = float(np.median(shapely.get_coordinates(frame.geometry.values)[:, 0]))
    if not numbered and easting >= 10_000_000 and int(easting // 1_000_000) == zone:
        other = CRS.from_epsg(numbered_first + zone - first_zone)
        return (f"; the eastings carry the zone number {zone}, which EPSG:{epsg} lacks: {crs_statement(path)} should be "
                f"EPSG:{other.to_epsg()} ({other.name})")
    if numbered and 0 < easting < 1_000_000:
        other = CRS.from_epsg(plain_first + zone - first_zone)
        return (f"; the eastings lack the zone number {zone} EPSG:{epsg} expects: {crs_statement(path)} should be "
                f"EPSG:{other.to_epsg()} ({other.name})")
    return ""


def crs_statement(path) -> str:
    """What states a vector file's CRS, as its kind holds it: ``its .prj`` (a Shapefile, a zip or folder of them, and by
    default), ``its "crs" member`` (a GeoJSON), ``its CRS`` (a GeoPackage, a MapInfo table, others)."""
    from pathlib import Path

    if path is None:
        return "its .prj"
    suffix = Path(str(path).split("|")[0]).suffix.lower()
    if suffix in (".geojson", ".json"):
        return 'its "crs" member'
    return "its .prj" if suffix in (".shp", ".zip", ".dbf", "") else "its CRS"


def unstated_zone_hint(frame) -> str:
    """What a file read without a CRS (a Shapefile without its .prj, a CAD drawing) would need, told from
    its numbers: ``; its eastings carry the zone number 38: a CGCS2000 one is EPSG:4526 (...)`` for
    Gauss-Kruger metres with their zone number before the eastings, ``; its numbers are metres of a
    Gauss-Kruger zone ...`` for metres without it (the zone is then not told), else ''. The datum is
    never told by the numbers: Xian 1980 and Beijing 1954 zones look alike."""
    import shapely
    from pyproj import CRS

    coords = shapely.get_coordinates(frame.geometry.dropna().values)
    if not len(coords):
        return ""
    easting, northing = (float(v) for v in np.median(coords, axis=0))
    if not 1_000_000 <= northing < 10_000_000:
        return ""
    zone = int(easting // 1_000_000)
    if 25 <= zone <= 45 or 13 <= zone <= 23:
        crs = CRS.from_epsg((4513 + zone - 25) if zone >= 25 else (4491 + zone - 13))
        return (f"; its eastings carry the Gauss-Kruger zone number {zone}: if CGCS2000, EPSG:{crs.to_epsg()} "
                f"({crs.name})")
    if 0 < easting < 1_000_000:
        return (f"; its numbers are metres of a Gauss-Kruger zone without the zone number: if CGCS2000, one of "
                f"EPSG:{GK_FIRST_EPSG}-{GK_LAST_EPSG} (3-degree zones) or EPSG:4502-4512 (6-degree) by its central meridian")
    return ""
