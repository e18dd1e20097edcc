"""The HTML page around a folium map: data kept out of templates, stable ids, inlined or CDN assets.

Text from reports and data files never reaches a template engine. folium and branca
render their Jinja templates twice (each element's output is compiled again as a
template), so anything embedded in a template would be evaluated. Instead, every string
that comes from data is registered with a :class:`Page` and folium sees only an ASCII
token such as ``GEOSLOT000007Z``; the page's data (GeoJSON, popups, legend) travels as one
JSON island (``<script type="application/json" id="geo-data">``) that the constant client
script reads. Tokens are replaced in a single pass after rendering, so inserted text is
never rendered, nor scanned for tokens, again.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from geo.safe_text import page_text

STATIC_DIR = Path(__file__).resolve().parent / "static"
ISLAND_ID = "geo-data"
LEAFLET_CDN_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
LEAFLET_CDN_CSS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"

# The pages' language: without it a browser draws the Han characters of the text in no font of geo's own list
# (layer names, 街道 labels, popups, buttons) in its own locale's variant, Japanese in an English-locale
# browser with Noto Sans CJK (the common Linux CJK font).
PAGE_LANG = "zh-CN"

# The page's own (empty) icon: without one a browser asks the server for /favicon.ico, which an
# intranet web server serving the maps from a subfolder answers 404, an error in the console.
NO_FAVICON = '<link rel="icon" href="data:,">\n'

_TOKEN = re.compile(r"GEOSLOT(\d{6})Z")
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value) -> str:
    """Deterministic compact JSON that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as ``\\u`` escapes, so no string can close the
    script or open a comment; U+2028/2029 likewise, for older JavaScript engines.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group()], text)


class Page:
    """The data of one page: registered values come back as tokens, filled in after rendering."""

    def __init__(self):
        self._values = []
        self.data = {}

    def _slot(self, text: str) -> str:
        self._values.append(text)
        return f"GEOSLOT{len(self._values) - 1:06d}Z"

    def html_text(self, text) -> str:
        """Token for text shown as HTML text or attribute (escaped)."""
        return self._slot(page_text(text))

    def js_text(self, text) -> str:
        """Token for the inside of a JSON string literal in a script (script-safe escaping)."""
        return self._slot(script_json(str(text))[1:-1])

    def trusted(self, text: str) -> str:
        """Token for markup of this package's own (assets, CSS): never data."""
        return self._slot(text)

    def island(self) -> str:
        """The ``<script type="application/json">`` element holding :attr:`data`, as a token."""
        return self._slot(f'<script type="application/json" id="{ISLAND_ID}">{script_json(self.data)}</script>')

    def fill(self, rendered: str) -> str:
        """Replace every token in the rendered page with its value, in one pass."""
        return _TOKEN.sub(lambda m: self._values[int(m.group(1))], rendered)


def render_page(m, page: Page, *, inline=True, draw=False, extra=()) -> str:
    """Render a folium map to a complete HTML page.

    Parameters
    ----------
    m : folium.Map
        The map, with its elements added.
    page : Page
        The page's data and registered text.
    inline : bool, default True
        Inline Leaflet (from ``xstatic-leaflet``) so the page works from a file with no
        network; otherwise link Leaflet from its CDN.
    draw : bool, default False
        Also inline the vendored Leaflet.Editable (``static/vendor``, see its README) and
        the placing panel (``static/panel.js``), which lists ``page.data["panel"]`` and
        lets the planner draw projects by hand.
    extra : tuple of str, default ()
        Names of further files of ``static`` this page alone uses (``.css`` inlined as style, ``.js`` as script,
        after geo's map client), e.g. the coverage map's table.

    Returns
    -------
    str
        The page, with sequential element ids (equal inputs give equal bytes), only the
        assets it uses, and every token filled.
    """
    from branca.element import Element

    # Only Leaflet is used (no awesome-markers, so no jQuery, Bootstrap or Font Awesome),
    # and it is linked here rather than by folium so that plugins load after it.
    m.default_js, m.default_css = [], []
    if not inline:  # what the page says when Leaflet could not be loaded from its CDN
        from geo.render.style import LEAFLET_NOTICE

        page.data["leafletNotice"] = LEAFLET_NOTICE
    figure = m.get_root()
    figure.header.add_child(Element(page.trusted(_assets(inline=inline, draw=draw, extra=extra))), name="geo_assets")
    figure.header.add_child(Element(page.island()), name="geo_data")
    assign_ids(figure)
    text = figure.render()
    text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    text = text.replace("<!DOCTYPE html>\n<html>\n", f'<!DOCTYPE html>\n<html lang="{PAGE_LANG}">\n', 1)
    return page.fill(text)


def assign_ids(root) -> None:
    """Replace folium's random element ids with sequential ones, depth first.

    Children keyed by their old generated name are re-keyed with the new one, so
    nothing random survives into the rendered page.
    """
    from collections import OrderedDict

    from branca.element import Element

    counter = iter(range(1, 1_000_000))

    def visit(element):
        element._id = f"{next(counter):04d}"
        for part in ("header", "html", "script"):  # a Figure's three sections
            section = getattr(element, part, None)
            if isinstance(section, Element):
                visit(section)
        renamed = OrderedDict()
        for key, child in list(element._children.items()):
            generated = key == child.get_name()
            visit(child)
            renamed[child.get_name() if generated else key] = child
        element._children = renamed

    visit(root)


def leaflet_dir() -> Path:
    """Leaflet's files as shipped by the ``xstatic-leaflet`` package."""
    from geo.io import InputError

    try:
        import xstatic.pkg.leaflet as leaflet
    except ImportError:
        raise InputError(None, "maps need the xstatic-leaflet package (pip install xstatic-leaflet)") from None
    return Path(leaflet.BASE_DIR)


def _assets(*, inline: bool, draw: bool, extra=()) -> str:
    """The page's icon, style and script tags: Leaflet (inline or CDN-linked), geo's own, the page's ``extra``
    files, Leaflet.Editable and the panel."""
    css, js = [], []
    links = ""
    if not inline:
        links = (f'<link rel="stylesheet" href="{LEAFLET_CDN_CSS}">\n'
                 f'<script src="{LEAFLET_CDN_JS}"></script>\n')
    else:
        base = leaflet_dir()
        css.append(_inline_images((base / "leaflet.css").read_text(encoding="utf-8"), base / "images"))
        js.append(re.sub(r"//# sourceMappingURL=\S+", "", (base / "leaflet.js").read_text(encoding="utf-8")))
    css.append((STATIC_DIR / "geo_map.css").read_text(encoding="utf-8"))
    js.append(_compact((STATIC_DIR / "geo_map.js").read_text(encoding="utf-8")))
    for name in extra:
        text = (STATIC_DIR / name).read_text(encoding="utf-8")
        if name.endswith(".css"):
            css.append(text)
        else:
            js.append(_compact(text))
    if draw:
        js.append((STATIC_DIR / "vendor" / "leaflet.editable.js").read_text(encoding="utf-8"))
        css.append((STATIC_DIR / "panel.css").read_text(encoding="utf-8"))
        js += [_compact((STATIC_DIR / name).read_text(encoding="utf-8")) for name in PANEL_SCRIPTS]
    # An inline script ends at the first "</script"; none of these contain one, but make sure.
    css = [re.sub(r"</(style)", r"<\\/\1", c, flags=re.IGNORECASE) for c in css]
    js = [re.sub(r"</(script)", r"<\\/\1", j, flags=re.IGNORECASE) for j in js]
    return NO_FAVICON + links + "".join(f"<style>\n{c.strip()}\n</style>\n" for c in css) + \
        "".join(f"<script>\n{j.strip()}\n</script>\n" for j in js)


# The placing panel's scripts, in load order: the datum, the review (not a project, added), the panel.
PANEL_SCRIPTS = ("panel_gcj02.js", "panel_review.js", "panel.js")
# Whole-line comments of geo's own scripts: a line that is only a // comment, or a /* ... */ block
# that starts a line and ends one (never crossing a */, so no code is taken with it).
_COMMENT_LINES = re.compile(r"^[ \t]*(?://[^\n]*|/\*(?:(?!\*/).)*?\*/[ \t]*)\n", re.M | re.S)


def _compact(js: str) -> str:
    """One of geo's own scripts (the map client, the panel's) as inlined: without its whole-line comments and
    indentation, which the page does not need (the file keeps them). Its strings hold no line break, so no text
    changes."""
    return re.sub(r"(?m)^[ \t]+", "", _COMMENT_LINES.sub("", js))


def _inline_images(css: str, images: Path) -> str:
    """Leaflet's CSS with the layer-control icon as a data: URI and unused marker images dropped."""
    import base64

    for name in ("layers.png", "layers-2x.png"):
        data = base64.b64encode((images / name).read_bytes()).decode("ascii")
        css = css.replace(f"url(images/{name})", f"url(data:image/png;base64,{data})")
    return css.replace("url(images/marker-icon.png)", "none")
