"""Basemaps: the tile providers behind ``--basemap``, as xyzservices ``TileProvider`` objects."""

from __future__ import annotations

import os
import re

from geo.io import InputError

BASEMAPS = ("osm", "amap", "tianditu", "none")
# Basemaps whose tiles are drawn in GCJ-02: overlays are shifted to match them on screen.
GCJ02_BASEMAPS = ("amap",)

_TIANDITU_WMTS = ("https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                  "&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}"
                  "&TILECOL={x}&tk={key}")


def tile_providers(basemap) -> list:
    """The tile layers of a basemap, bottom first.

    Parameters
    ----------
    basemap : {"osm", "amap", "tianditu", "none"}
        ``amap`` is Gaode's GCJ-02 street map, served over https from four hosts;
        ``tianditu`` is the national map's vector layer with its Chinese annotation layer
        on top, and reads its key from the ``TIANDITU_KEY`` environment variable.

    Returns
    -------
    list of xyzservices.TileProvider

    Raises
    ------
    ValueError
        Unknown basemap.
    geo.io.InputError
        ``tianditu`` without a usable ``TIANDITU_KEY``.
    """
    import xyzservices

    from geo.settings import tile_provider

    if basemap not in BASEMAPS:
        raise ValueError(f"unknown basemap {basemap!r} (use one of: {', '.join(BASEMAPS)})")
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
