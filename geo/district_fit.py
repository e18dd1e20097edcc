"""The district a gazetteer is read for: its Gauss-Kruger zones, and what its outline tells of projected coordinates that do not say enough."""

from __future__ import annotations

import dataclasses
import functools

import numpy as np


@dataclasses.dataclass(frozen=True)
class District:
    """The district of a run, as the gazetteer reader needs it.

    Parameters
    ----------
    name : str
        Its name, for messages (``雁塔区``).
    outline : shapely geometry
        Its outline in WGS-84 lon/lat.
    """

    name: str
    outline: object

    @functools.cached_property
    def _near(self):
        """The outline grown by :data:`geo.settings.NEAR_DISTRICT_M`, prepared."""
        import shapely

        from geo import settings
        from geo.crs import buffer_metres

        near = buffer_metres(self.outline, settings.NEAR_DISTRICT_M)
        shapely.prepare(near)
        return near

    def holds(self, lon, lat):
        """Whether each point lies in the district or within :data:`geo.settings.NEAR_DISTRICT_M` of
        it (a site on its edge, a survey mark across the road), as a boolean array."""
        import shapely

        lon, lat = np.atleast_1d(np.asarray(lon, dtype=float)), np.atleast_1d(np.asarray(lat, dtype=float))
        return shapely.contains_xy(self._near, lon, lat) & np.isfinite(lon) & np.isfinite(lat)

    @functools.cached_property
    def gauss_kruger_zones(self):
        """The CGCS2000 Gauss-Kruger zones the district lies in, west to east, 3-degree ones first:
        (degrees of the zone, zone number, central meridian, EPSG code of the zone by its central
        meridian, without the zone number before the eastings): ``(3, 36, 108, 4545)``, ``(6, 19, 111, 4508)``.
        A 3-degree zone spans its central meridian ±1.5°; 6-degree zone n spans 6(n-1) to 6n °E."""
        from geo.crs import GK_FIRST_EPSG, GK_FIRST_MERIDIAN, GK_LAST_MERIDIAN, GK_STEP

        west, _, east, _ = self.outline.bounds
        zones = []
        for number in range(int(np.floor(west / 3 + 0.5)), int(np.floor(east / 3 + 0.5)) + 1):
            if GK_FIRST_MERIDIAN <= 3 * number <= GK_LAST_MERIDIAN:
                zones.append((3, number, 3 * number, GK_FIRST_EPSG + (3 * number - GK_FIRST_MERIDIAN) // GK_STEP))
        for number in range(int(west // 6) + 1, int(east // 6) + 2):
            if 13 <= number <= 23 and 6 * (number - 1) <= east:
                zones.append((6, number, 6 * number - 3, 4502 + number - 13))
        return zones

    def zones_said(self, degrees=(3, 6)) -> str:
        """``3-degree zone 36 (central meridian 108°E, EPSG:4545) and 6-degree zone 19 (central meridian
        111°E, EPSG:4508)``: the district's zones of those widths, as a message names them."""
        said = [f"{width}-degree zone {number} (central meridian {meridian}°E, EPSG:{epsg})"
                for width, number, meridian, epsg in self.gauss_kruger_zones if width in degrees]
        return ", ".join(said[:-1]) + (" and " if len(said) > 1 else "") + said[-1] if said else "no Gauss-Kruger zone"


def check_mercator_reading(path, names, geoms, web_mercator, district):
    """Refuse a file whose points labelled Web Mercator are Baidu's Mercator metres by all the district tells.

    BD-09MC (Baidu's own Mercator of BD-09 lon/lat, :mod:`geo.baidu_mercator`) and EPSG:3857 are
    both "Mercator" metres and look alike; labelled EPSG:3857, Baidu's metres of Xi'an land about
    20 km south of their sites (Mercator northings of a place differ by that much), inside a county
    tens of km high at a wrong spot. A position alone cannot tell the two; a file can: when every one
    of its points so labelled lies in the district (:meth:`District.holds`) read as BD-09MC, and read
    as EPSG:3857 some do not, it is refused in one line naming the file and what to do. A file
    whose points lie in the district either way (a few sites in the north of a large county) is read
    as labelled: nothing tells it is wrong.

    Parameters
    ----------
    path : Path
        The file, for the message.
    names : list of str
        Each entry's name.
    geoms : array of shapely geometries
        Each entry's geometry in lon/lat, as read (a row labelled EPSG:3857 reprojected from it).
    web_mercator : array of bool
        The entries read from EPSG:3857 metres.
    district : District or None
        None: nothing is checked.

    Raises
    ------
    geo.io.InputError
    """
    import shapely
    from pyproj import Transformer

    from geo.baidu_mercator import bd09mc_to_bd09
    from geo.crs import convert_coords
    from geo.io import InputError

    web_mercator = np.asarray(web_mercator, dtype=bool)
    if district is None or not web_mercator.any():
        return
    chosen = np.flatnonzero(web_mercator)
    coords, owner = shapely.get_coordinates(np.asarray(geoms, dtype=object)[chosen], return_index=True)
    if not len(coords):
        return
    as_labelled = district.holds(coords[:, 0], coords[:, 1])
    if as_labelled.all():
        return
    x, y = Transformer.from_crs(4326, 3857, always_xy=True).transform(coords[:, 0], coords[:, 1])  # the metres written
    with np.errstate(invalid="ignore"):
        lon, lat = convert_coords(*bd09mc_to_bd09(x, y), "bd09", "wgs84")
    if not district.holds(lon, lat).all():
        return
    first = int(chosen[owner[int(np.argmin(as_labelled))]])
    outside = len(set(owner[~as_labelled].tolist()))
    raise InputError(path, f"its {len(chosen)} entries in EPSG:3857 (Web Mercator) metres lie in {district.name} only "
                           f"read as Baidu's Mercator metres (BD-09MC), which look alike; read as labelled, {outside} "
                           f"of them lie outside it (entry {first + 1}, {names[first]}): if they come from Baidu, "
                           "convert them to bd09ll lon/lat (坐标系 bd09) first, since geo does not read BD-09MC")
