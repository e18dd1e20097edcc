"""Rendering: the Folium web maps of the projects and of coverage by 街道, plus an index page.

Every map is one HTML file. Text from reports and data files reaches the page only as
data: folium's templates see ASCII tokens, and the page's data travels as a JSON island
read by a constant client script (see :mod:`geo.render.page`), so no report text is ever
template source or code. Folium's random element ids are replaced by sequential ones, so
equal inputs give byte-identical files. By default Leaflet is inlined (from the
``xstatic-leaflet`` package), so a map opens from a file with no network at all.
"""

from __future__ import annotations

from pathlib import Path

from geo.render.classes import fisher_jenks_breaks
from geo.render.tiles import BASEMAPS, basemap_datum, tile_providers

PROJECTS_HTML = "projects.html"
COVERAGE_HTML = "coverage.html"
INDEX_HTML = "index.html"
MAPS = ((PROJECTS_HTML, "项目地图 Project map"), (COVERAGE_HTML, "街道覆盖 Coverage by 街道"))

_ZONE_COLUMNS = ("code", "name", "boundary_quality")
_COVERAGE_COLUMNS = ("code", "name", "projects", "road_km_rebuild", "road_km_greening")

__all__ = ["BASEMAPS", "check_basemap", "fisher_jenks_breaks", "map_sizes", "render_maps"]


def render_maps(projects, zones, outline, coverage, out_dir, *, basemap="osm", datum=None, inline=True, title=None,
                zone_overlaps=(), shared_edges=()):
    """Write the project map, the coverage map and an index page into ``out_dir``.

    Parameters
    ----------
    projects : geopandas.GeoDataFrame
        Flat project layer from :func:`geo.catalog.features_to_gdf` (columns
        :data:`geo.catalog.LAYER_COLUMNS`, EPSG:4326). Rows without geometry are not
        drawn; the legend counts them.
    zones : geopandas.GeoDataFrame
        街道 polygons: code, name, boundary_quality, source, geometry (EPSG:4326).
    outline : geopandas.GeoDataFrame
        The district outline, one row with a ``name`` column (EPSG:4326).
    coverage : pandas.DataFrame
        One row per 街道: code, name, projects, one count column per category code,
        road_km_rebuild, road_km_greening.
    out_dir : str or pathlib.Path
        Output directory (created if missing).
    basemap : {"osm", "amap", "tianditu", "none"} or str, default "osm"
        Background tiles (:func:`geo.render.tiles.tile_providers`), or a tile URL template
        of one's own server or folder. ``amap`` (and tiles in GCJ-02) shifts display copies
        of all overlays to GCJ-02 so they sit right on the tiles.
    datum : {"wgs84", "gcj02"}, optional
        The datum of a tile URL's tiles (:func:`geo.render.tiles.basemap_datum`: by default
        the one its host is known to draw in, else WGS-84).
    inline : bool, default True
        Inline Leaflet's JavaScript and CSS so each map is one self-contained file that
        draws its overlays with no network (tiles are then simply absent, and the page
        says so). ``False`` links Leaflet from its CDN instead: smaller files that need
        the internet.
    title : str, optional
        Page title; defaults to one naming the district.
    zone_overlaps, shared_edges : list of dict, optional
        The coverage report's pairs of 街道 that overlap and projects along an edge two 街道 share
        (:class:`geo.coverage.CoverageReport`): the coverage map draws the overlaps over its choropleths and
        notes both under its 街道 table.

    Returns
    -------
    list of pathlib.Path
        projects.html, coverage.html and index.html, in that order.

    Raises
    ------
    geo.io.InputError
        ``basemap="tianditu"`` without ``TIANDITU_KEY``, an unknown basemap or unusable tile
        URL, or inputs missing columns.
    """
    from geo.atomic_files import write_text_atomic
    from geo.render import display
    from geo.render.coverage_map import coverage_page
    from geo.render.index_page import index_html
    from geo.render.page import leaflet_dir
    from geo.render.projects_map import projects_page
    from geo.render.style import zone_words
    from geo.places import zone_level

    tiles = tile_providers(basemap, datum)
    if inline:
        leaflet_dir()  # fail before writing anything if the assets are missing
    projects = _to_wgs84(_require_columns(projects, ("id", "name", "category", "action"), "projects layer"))
    zones = _to_wgs84(_require_columns(zones, _ZONE_COLUMNS, "街道 layer"))
    outline = _to_wgs84(_require_columns(outline, ("name",), "district outline"))
    coverage = _require_columns(coverage, _COVERAGE_COLUMNS, "coverage table")
    district = str(outline["name"].iloc[0]) if len(outline) else ""
    title = title or f"{district} 政府工作报告项目 Work-report projects".strip()
    out_dir = Path(out_dir)

    shift = basemap_datum(basemap, datum) == "gcj02"
    zone_geoms = display.display_geometries(zones.geometry, shift=shift, coverage=True)
    outline_geoms = display.display_geometries(outline.geometry, shift=shift)
    project_geoms = display.display_geometries(projects.geometry, shift=shift)
    quality = _boundary_quality(zones)
    level = zone_level(zones["name"]) if quality != "outline" else "街道"  # 乡镇 in a rural county
    common = {"tiles": tiles, "inline": inline, "title": title, "quality": quality, "shifted": shift, "level": level}

    titled = tuple((name, zone_words(label, level)) for name, label in MAPS)
    labels = dict(titled)  # each page's tab names its map: two tabs of one report are told apart
    pages = [
        (PROJECTS_HTML, projects_page(projects, project_geoms, zones, zone_geoms, outline, outline_geoms,
                                      label=labels[PROJECTS_HTML], **common)),
        (COVERAGE_HTML, coverage_page(zones, zone_geoms, outline, outline_geoms, coverage,
                                      label=labels[COVERAGE_HTML], overlaps=zone_overlaps, shared_edges=shared_edges,
                                      **common)),
    ]
    paths = [write_text_atomic(out_dir / name, text) for name, text in pages]
    paths.append(write_text_atomic(out_dir / INDEX_HTML, index_html(out_dir, title, _basemap_label(basemap, shift), inline, quality,
                                                                    titled, level, str(outline["name"].iloc[0]))))
    return [Path(p) for p in paths]


def map_sizes(out_dir) -> dict:
    """Sizes in bytes of the rendered HTML files present in ``out_dir``.

    Parameters
    ----------
    out_dir : str or pathlib.Path
        A directory written by :func:`render_maps`.

    Returns
    -------
    dict
        ``{"projects.html": 123456, ...}`` for each of projects.html, coverage.html and
        index.html that exists, in that order.
    """
    out_dir = Path(out_dir)
    return {name: (out_dir / name).stat().st_size
            for name in (PROJECTS_HTML, COVERAGE_HTML, INDEX_HTML) if (out_dir / name).is_file()}


def check_basemap(basemap, datum=None) -> None:
    """Fail early, before any work, if ``basemap`` cannot be rendered.

    Parameters
    ----------
    basemap : str
        One of :data:`BASEMAPS`, or a tile URL template.
    datum : str, optional
        The datum of a tile URL's tiles.

    Raises
    ------
    geo.io.InputError
        An unknown basemap or unusable tile URL, a datum the basemap is not drawn in, or
        ``tianditu`` without a usable ``TIANDITU_KEY`` environment variable.
    """
    tile_providers(basemap, datum)


def _basemap_label(basemap, shifted):
    if basemap in BASEMAPS:
        return basemap
    return f"{basemap} ({'GCJ-02' if shifted else 'WGS-84'})"


def _require_columns(frame, columns, what):
    from geo.io import InputError

    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(None, f"{what} lacks column(s): {', '.join(missing)}")
    return frame


def _to_wgs84(gdf):
    # The contract is EPSG:4326; a frame without a CRS is taken to be in it.
    if gdf.crs is None:
        return gdf.set_crs(4326)
    if gdf.crs.to_epsg() != 4326:
        return gdf.to_crs(4326)
    return gdf


def _boundary_quality(zones) -> str:
    """``official``, ``osm`` or ``outline`` when every 街道 is; else ``approximate`` (mixed or unknown: not official)."""
    qualities = {str(q).strip().lower() for q in zones["boundary_quality"]}
    return qualities.pop() if qualities in ({"official"}, {"osm"}, {"outline"}) else "approximate"
