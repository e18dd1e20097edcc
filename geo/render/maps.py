"""Map parts shared by every geo page: the folium map, data layers, 街道, the outline, the closing script."""

from __future__ import annotations

import functools

from geo.render import display, style
from geo.render.page import Page
from geo.safe_text import page_text

DEFAULT_ZOOM = 13
MAX_OPEN_LAYER_LIST = 8


def new_map(page: Page, tiles, fit, title: str):
    """A folium Map fitted to ``fit`` ([[s, w], [n, e]]), with scale bar and tiles.

    With nothing to fit (no geometry at all) the map shows the whole of China.
    """
    import folium

    from geo import settings
    from geo.crs import CHINA_BOUNDS
    from geo.render.tiles import OWN_TILES

    if fit is None:
        west, south, east, north = CHINA_BOUNDS
        fit = [[south, west], [north, east]]
    centre = [round((fit[0][0] + fit[1][0]) / 2, display.DISPLAY_PRECISION),
              round((fit[0][1] + fit[1][1]) / 2, display.DISPLAY_PRECISION)]
    m = folium.Map(location=centre, zoom_start=DEFAULT_ZOOM, tiles=None, control_scale=True)
    for provider in tiles:
        if "wms" in provider:
            folium.WmsTileLayer(url=provider.url, attr=provider.html_attribution, control=False,
                                **provider["wms"]).add_to(m)
        elif provider.name == OWN_TILES:  # the template as given: xyzservices' formatting of it threw at {-y}
            folium.TileLayer(tiles=provider.url, attr=provider.html_attribution, name=OWN_TILES.lower(),
                             max_zoom=provider["max_zoom"], control=False).add_to(m)
        else:
            folium.TileLayer(tiles=provider, control=False).add_to(m)
    m.fit_bounds(fit)
    m.get_root().title = page.html_text(title)
    page.data["tileNotice"] = style.TILE_NOTICE
    if tiles:  # how long the page waits for a first tile before it says they cannot be loaded
        page.data["tileWaitMs"] = round(settings.TILE_WAIT_S * 1000)
    page.data["layerListOpenMinPx"] = list(settings.LAYER_LIST_OPEN_MIN_PX)
    page.data["phoneWidthPx"] = settings.PHONE_WIDTH_PX
    page.data["layers"] = []
    return m


def add_layer(m, page: Page, key: str, name: str, features: list, *, show=True, control=True, choice=False,
              **options):
    """Add a GeoJSON layer whose features travel in the page's data island.

    Parameters
    ----------
    key : str
        Stable layer key (``projects:school``, ``zones``...), the Leaflet ``geoLayer`` option.
    name : str
        Name in the layer control (plain text; escaped here).
    choice : bool, default False
        One of layers shown one at a time (a radio button in the layer control), not an overlay
        ticked on and off.
    features : list of dict
        GeoJSON features; their ``properties`` may carry ``style``, ``popup`` (escaped
        HTML), ``label`` (escaped HTML), ``labelAt`` (``[lon, lat]`` of a permanent label)
        and ``tooltip`` (escaped HTML).
    options
        ``style`` (default path options), ``interactive``, ``zoneLabels`` (permanent
        labels hidden below each feature's ``minzoom``), ``hoverTooltips``.
    """
    spec = {"key": key, "data": {"type": "FeatureCollection", "features": features}, **options}
    page.data["layers"].append(spec)
    layer = _DataLayer(len(page.data["layers"]) - 1, page.js_text(page_text(name)), show=show, control=control,
                       overlay=not choice)
    layer.add_to(m)
    return layer


def add_zones(m, page: Page, zones, zone_geoms, quality: str, level: str = "街道") -> None:
    """The 街道 boundaries with a permanent label each (dashed unless ``quality`` is official)."""
    features = []
    records = zones.drop(columns=zones.geometry.name).to_dict("records")
    for record, geom in sorted(zip(records, zone_geoms), key=lambda p: str(p[0]["code"])):
        if geom is None or geom.is_empty:
            continue
        features.append({"type": "Feature", "geometry": display.geojson(geom),
                         "properties": zone_label(str(record["code"]), str(record["name"]), geom)})
    name = {"official": "街道 boundaries (official)", "osm": "街道 boundaries (OpenStreetMap)",
            "outline": "District as one zone (no 街道 boundaries)"}.get(
        quality, "街道 boundaries (approximate)")
    add_layer(m, page, "zones", style.zone_words(name, level), features, style=style.zone_style(quality), interactive=False,
              zoneLabels=True)


def zone_label(code, name, geom) -> dict:
    """A 街道 feature's code and label properties: the escaped name, the zoom it shows from and,
    when Leaflet would put it outside the 街道, where it goes (``labelAt``, see
    :func:`geo.render.display.label_point`)."""
    props = {"code": code, "label": page_text(name), "minzoom": display.label_min_zoom(name, geom)}
    at = display.label_point(geom)
    if at is not None:
        props["labelAt"] = at
    return props


def add_outline(m, page: Page, outline, outline_geoms) -> None:
    features = [{"type": "Feature", "geometry": display.geojson(g), "properties": {"label": page_text(str(n))}}
                for n, g in zip(outline["name"], outline_geoms) if g is not None and not g.is_empty]
    name = str(outline["name"].iloc[0]) if len(outline) and "name" in outline else ""
    add_layer(m, page, "outline", style.outline_label(name), features,
              style={"color": "#222222", "weight": 3, "fill": False}, interactive=False)


def finish(m, page: Page, legend_html: str, *, layer_count: int) -> None:
    """Layer control, legend (escaped HTML built by geo) and the client's start-up call."""
    import folium

    page.data["legend"] = legend_html
    # An open layer list is handiest, but past a screenful it would cover the map.
    folium.LayerControl(collapsed=layer_count > MAX_OPEN_LAYER_LIST).add_to(m)
    _Init().add_to(m)


def _template(script: str):
    from folium.template import Template

    return Template("{% macro script(this, kwargs) %}\n" + script + "\n{% endmacro %}")


@functools.lru_cache(maxsize=None)
def _classes():
    """The two folium element classes geo adds (defined on first use: folium loads lazily)."""
    from branca.element import MacroElement
    from folium.map import Layer

    class DataLayer(Layer):
        """A folium layer drawn by the client from the data island: its template holds no data."""

        _template = _template("var {{ this.get_name() }} = geoMap.layer({{ this.index }});")

        def __init__(self, index, name, show=True, control=True, overlay=True):
            super().__init__(name=name, overlay=overlay, control=control, show=show)
            self._name = "DataLayer"
            self.index = int(index)

    class Init(MacroElement):
        """The closing call that adds the legend, label zooms, tile notice (and panel) to the map."""

        _template = _template("geoMap.init({{ this._parent.get_name() }});")

        def __init__(self):
            super().__init__()
            self._name = "GeoInit"

    return DataLayer, Init


def _DataLayer(*args, **kwargs):
    return _classes()[0](*args, **kwargs)


def _Init():
    return _classes()[1]()
