"""Basemaps: the tile providers behind ``--basemap``, as xyzservices ``TileProvider`` objects."""

from __future__ import annotations

import csv
import functools
import os
import re
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from geo.io import InputError
from geo.safe_text import page_text

BASEMAPS = ("osm", "amap", "tianditu", "none")
# Basemaps whose tiles are drawn in GCJ-02: overlays are shifted to match them on screen.
GCJ02_BASEMAPS = ("amap",)
# The datums a tile server of one's own (a URL template) may draw in.
TILE_DATUMS = ("wgs84", "gcj02")
# Hosts whose tiles are known to be drawn in one datum: host suffix -> (datum, provider).
TILE_HOSTS_CSV = Path(__file__).resolve().parents[1] / "data" / "tile_hosts.csv"
# Leaflet fills these in a tile URL; any other {name} makes it throw for every tile.
_URL_FIELDS = ("z", "x", "y", "-y", "s", "r")
_MAX_URL = 2048
# The name of the provider of a URL template of one's own (:func:`_own_tiles`).
OWN_TILES = "Own"
# A WMS GetMap request's own parameters: Leaflet writes them for each tile (by the map's
# EPSG:3857), so they are taken out of a WMS URL and only the others (a key, a map file) kept.
_WMS_PARAMETERS = ("service", "request", "version", "layers", "styles", "format", "transparent", "srs", "crs",
                   "bbox", "width", "height")

_TIANDITU_WMTS = ("https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                  "&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}"
                  "&TILECOL={x}&tk={key}")


def tile_providers(basemap, datum=None) -> list:
    """The tile layers of a basemap, bottom first.

    Parameters
    ----------
    basemap : {"osm", "amap", "tianditu", "none"} or str
        ``amap`` is Gaode's GCJ-02 street map, served over https from four hosts;
        ``tianditu`` is the national map's vector layer with its Chinese annotation layer
        on top, and reads its key from the ``TIANDITU_KEY`` environment variable. Anything
        else is a tile URL template of one's own server (an intranet's, or a folder of
        tiles beside the maps): ``http(s)://``, ``file:///`` or a path relative to the
        maps' folder, with ``{z}``, ``{x}`` and ``{y}`` (or ``{-y}``; also ``{s}``, ``{r}``).
    datum : {"wgs84", "gcj02"}, optional
        The datum a URL template's tiles are drawn in (see :func:`basemap_datum`).

    Returns
    -------
    list of xyzservices.TileProvider
        A WMS basemap's provider holds its Leaflet options under ``wms`` (for
        ``folium.WmsTileLayer``) and its base address as ``url``.

    Raises
    ------
    geo.io.InputError
        ``tianditu`` without a usable ``TIANDITU_KEY``.
    """
    import xyzservices

    from geo.settings import tile_provider

    basemap = _unescaped(basemap)
    datum = basemap_datum(basemap, datum)
    if basemap not in BASEMAPS:
        return [_wms_tiles(basemap) if is_wms(basemap) else _own_tiles(basemap)]
    if basemap == "none":
        return []
    if basemap == "osm":
        return [tile_provider("osm")]
    if basemap == "amap":
        # xyzservices lists one plain-http host; the same tiles come over https from four,
        # which also avoids mixed-content blocking on https pages.
        gaode = tile_provider("amap")
        return [xyzservices.TileProvider(gaode, url=gaode.url.replace("http://webrd01.", "https://webrd0{s}."),
                                         subdomains="1234", max_zoom=18)]
    key = _tianditu_key()
    attribution = '&copy; <a href="https://www.tianditu.gov.cn/">天地图 Tianditu</a>'
    return [xyzservices.TileProvider(name=f"Tianditu.{layer}", url=_TIANDITU_WMTS, layer=layer, key=key,
                                     subdomains="01234567", max_zoom=18, html_attribution=attribution,
                                     attribution="(C) Tianditu")
            for layer in ("vec", "cva")]


def _tianditu_key() -> str:
    key = os.environ.get("TIANDITU_KEY", "").strip()
    if not key:
        raise InputError(None, "basemap tianditu needs a Tianditu API key: set TIANDITU_KEY=<your key> "
                               "(or use --basemap osm, amap or none)")
    if not re.fullmatch(r"[A-Za-z0-9]+", key):
        raise InputError(None, "TIANDITU_KEY must contain only letters and digits")
    return key


def basemap_datum(basemap, datum=None) -> str:
    """The datum the tiles of ``basemap`` are drawn in: ``wgs84`` or ``gcj02``.

    A named basemap has its own (``amap`` GCJ-02, the others WGS-84); a ``datum`` given
    with it must agree. A URL template's is ``datum`` (any spelling of
    ``geo/data/datums.csv``), else the one ``geo/data/tile_hosts.csv`` gives its host
    (Amap, Tencent, Google China and GeoQ draw in GCJ-02), else WGS-84. Baidu's tiles
    (BD-09, and a tiling of Baidu's own) cannot underlie a Leaflet map and are refused.
    """
    from geo.crs import normalise_datum

    basemap = _unescaped(basemap)
    if datum is not None:
        try:
            datum = normalise_datum(str(datum))
        except ValueError as error:
            raise InputError(None, f"--basemap-datum: {error}") from None
    if basemap in BASEMAPS:
        own = "gcj02" if basemap in GCJ02_BASEMAPS else "wgs84"
        if datum is not None and datum != own and basemap != "none":
            raise InputError(None, f"--basemap {basemap} is drawn in {own.upper()}, not {datum.upper()}: "
                                   "--basemap-datum is for a tile URL of your own")
        return own
    _check_tile_url(basemap)
    known = _host_datum(basemap)
    if "bd09" in (datum, known and known[0]):
        raise InputError(None, "Baidu tiles (BD-09, with a tiling of Baidu's own) cannot be drawn under the maps: "
                               "use a tile server in WGS-84 or GCJ-02")
    if datum is None:
        return known[0] if known else "wgs84"
    if datum not in TILE_DATUMS:
        raise InputError(None, f"--basemap-datum must be one of {', '.join(TILE_DATUMS)} for tiles, not {datum}")
    return datum


def tile_folder_warning(basemap, out_dir):
    """What to warn of when ``basemap`` is a tile path whose folder is not in the maps' folder
    ``out_dir``, which it is relative to (the maps would say no more than that tiles could not be
    loaded, 'no network?'), naming the path that reaches it when it is in the current folder; else None."""
    if not isinstance(basemap, str) or basemap in BASEMAPS or "{" not in basemap or \
            re.match(r"[A-Za-z][A-Za-z0-9+.-]*:|//", basemap):
        return None
    folder = unquote(basemap.split("{", 1)[0]).rstrip("/")
    if not folder or basemap.startswith("/") or (Path(out_dir) / folder).is_dir():
        return None  # a path from the root: of the web server that serves the maps, not of this disk
    hint = ""
    if Path(folder).is_dir():
        try:
            reached = Path(os.path.relpath(Path(folder).resolve(), Path(out_dir).resolve())).as_posix()
            reached = reached.replace("%", "%25").replace(" ", "%20").replace("#", "%23")
            hint = f"; it is in the current folder: --basemap '{reached}/{basemap[len(basemap.split('{', 1)[0]):]}' reaches it"
        except ValueError:  # another drive (Windows)
            hint = f"; it is in the current folder: give it as {Path(folder).resolve().as_uri()}/..."
    return (f"--basemap: {folder}/ is not in {out_dir}, the maps' folder a tile path is relative to: the maps show no "
            f"tiles until it is there{hint}")


def _unescaped(url):
    """``url`` with ``&amp;`` read as ``&``: an address copied from a WMS or WMTS capabilities
    document (XML) holds its parameters so (``service=WMS&amp;layers=``: no layers, and a
    template's ``&amp;x={x}`` asked the server for ``amp;x``)."""
    return re.sub(r"(?i)&amp;", "&", url) if isinstance(url, str) and url not in BASEMAPS else url


def is_wms(url) -> bool:
    """Whether ``url`` is a WMS address: http(s), no tile fields, a ``layers`` parameter, and
    ``service=WMS`` or a path ending in ``wms`` (GeoServer's ``/geoserver/wms``, MapServer's ``?map=``)."""
    if not isinstance(url, str) or "{" in url or "}" in url or not re.match(r"(?i)https?://", url):
        return False
    parts = urlsplit(url)
    query = {key.lower(): value for key, value in parse_qsl(parts.query, keep_blank_values=True)}
    return "layers" in query and (query.get("service", "").upper() == "WMS" or parts.path.lower().endswith("wms"))


def _wms_tiles(url):
    """The provider of a WMS address: its base URL and the options of Leaflet's WMS layer."""
    import xyzservices

    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = {key.lower(): value for key, value in pairs}
    if not query["layers"].strip():
        raise InputError(None, f"--basemap: the WMS address names no layers ({url[:80]})")
    base = urlunsplit(parts._replace(query=urlencode([(k, v) for k, v in pairs if k.lower() not in _WMS_PARAMETERS]),
                                     fragment=""))
    label = f"WMS: {parts.hostname}"
    options = {"layers": query["layers"], "styles": query.get("styles", ""),
               "fmt": query.get("format") or "image/png", "version": query.get("version") or "1.1.1",
               "transparent": False}
    return xyzservices.TileProvider(name="OwnWMS", url=base, max_zoom=18, attribution=label,
                                    html_attribution=page_text(label), wms=options)


def _own_tiles(url):
    """The TileProvider of a URL template (checked by :func:`_check_tile_url`)."""
    import xyzservices

    host = urlsplit(url).hostname if "://" in url or url.startswith("//") else None
    if host:  # a subdomain field shown as what it stands for: {s}.tile.x.cn is tile.x.cn, rt{s}.x is rt*.x
        host = re.sub(r"\{[^}]*\}", "*", re.sub(r"^\{s\}\.", "", host))
    label = f"Tiles: {host}" if host else "Tiles: a local folder"
    if not re.match(r"(?i)https?:|//", url):  # a folder's name: a # in it would end the path there
        url = url.replace("#", "%23")
    return xyzservices.TileProvider(name=OWN_TILES, url=url, max_zoom=18, attribution=label,
                                    html_attribution=page_text(label))


def _check_tile_url(url):
    """Refuse, in one line, a string Leaflet could not use as a tile URL template or WMS address."""
    if not isinstance(url, str) or not url.strip():
        raise InputError(None, "--basemap is empty: use one of osm, amap, tianditu, none, or a tile URL template")
    shown = url if len(url) <= 80 else url[:77] + "..."
    if len(url) > _MAX_URL:
        raise InputError(None, f"--basemap: a tile URL of {len(url)} characters (at most {_MAX_URL})")
    if re.search(r"[\s\x00-\x1f\x7f\u0080-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]", url):
        raise InputError(None, f"--basemap {shown!r}: a tile URL holds no spaces, line breaks or invisible "
                               "characters (write a space as %20)")
    _check_host(url, shown)
    if is_wms(url):
        return
    if "{" not in url and "}" not in url:
        raise InputError(None, f"unknown basemap {shown!r}: use one of {', '.join(BASEMAPS)}, "
                               "a tile URL template with {z}, {x} and {y}, or a WMS address with layers=")
    fields = re.findall(r"\{([^{}]*)\}", url)
    unknown = sorted(set(fields) - set(_URL_FIELDS))
    if unknown:
        raise InputError(None, f"--basemap: the tile URL's {{{unknown[0]}}} is no field Leaflet fills "
                               f"(use {{z}}, {{x}}, {{y}} or {{-y}}, {{s}}, {{r}})")
    if re.sub(r"\{[^{}]*\}", "", url).count("{") or re.sub(r"\{[^{}]*\}", "", url).count("}"):
        raise InputError(None, f"--basemap {shown!r}: a tile URL's braces do not pair")
    if not {"z", "x"} <= set(fields) or not {"y", "-y"} & set(fields):
        raise InputError(None, f"--basemap {shown!r}: a tile URL needs {{z}}, {{x}} and {{y}} (or {{-y}})")
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    if scheme and len(scheme.group(1)) == 1:
        raise InputError(None, f"--basemap {shown!r}: a Windows path; give it as a file URL "
                               "(file:///D:/tiles/{z}/{x}/{y}.png) or relative to the maps' folder")
    if scheme and scheme.group(1).lower() not in ("http", "https", "file"):
        raise InputError(None, f"--basemap {shown!r}: a tile URL starts with http://, https:// or file:/// "
                               "(or is a path relative to the maps' folder)")
    if "\\" in url:
        raise InputError(None, f"--basemap {shown!r}: a tile URL uses / not \\")


def _check_host(url, shown):
    """Refuse a URL's host a browser cannot ask for tiles: malformed (``[::1`` unclosed, a port
    past 65535), missing (``http:///``), or with a user name and password, which Chromium sends
    for no image of a page (it asks such a host for nothing) and every map would show."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (checks it)
    except ValueError as error:
        raise InputError(None, f"--basemap {shown!r}: not a URL a browser reads ({error})") from None
    if parts.username is not None or parts.password is not None:
        raise InputError(None, f"--basemap: the URL of {parts.hostname} holds a user name or password, which "
                               "browsers never send for map tiles (and every map would show it): let the maps' "
                               "network reach the tile server without one, or use its key parameter")
    if parts.scheme.lower() in ("http", "https") and not parts.hostname:
        raise InputError(None, f"--basemap {shown!r}: an {parts.scheme} URL names no host (http://host/...)")


def _host_datum(url):
    """(datum, provider) that ``geo/data/tile_hosts.csv`` gives the URL's host, or None."""
    host = (urlsplit(url).hostname or "") if ("://" in url or url.startswith("//")) else ""
    host = re.sub(r"\{[^{}]*\}", "", host).lower().rstrip(".")
    for suffix, datum, provider in _tile_hosts():
        if host == suffix or host.endswith("." + suffix):
            return datum, provider
    return None


@functools.lru_cache(maxsize=1)
def _tile_hosts():
    with open(TILE_HOSTS_CSV, encoding="utf-8", newline="") as handle:
        return tuple((row["host"], row["datum"], row["provider"]) for row in csv.DictReader(handle))
