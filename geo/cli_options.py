"""The ``geo`` command line's shared options: paths, 街道 boundaries, basemap, assets, the size limit."""

from __future__ import annotations

import math
import os

import click

BASEMAPS = ("osm", "amap", "tianditu", "none")
# Paths are checked where they are read or written (geo.io), each problem in one line
# naming the file; click's own readability check would print a usage block instead.
INPUT_OR_OUTPUT_PATH = click.Path(readable=False)


class _OutputPath(click.Path):
    """An output file or folder: ``-`` (standard output, as ``geo extract -`` reads standard input) is
    refused; geo writes files, all at once when the run ends, and ``-o -`` wrote a file named ``-``."""

    def convert(self, value, param, ctx):
        if value == "-":
            self.fail("'-' (standard output) is no file or folder: geo writes files, all at once when the run "
                      "ends; give a name", param, ctx)
        from geo.file_names import windows_name_problem

        if not os.path.lexists(value) and (problem := windows_name_problem(os.path.basename(os.path.normpath(value)))):
            self.fail(f"{value!r} {problem}: the file could not be opened or copied there; name it otherwise", param, ctx)
        return super().convert(value, param, ctx)


OUTPUT_PATH = _OutputPath(readable=False)


def boundary_options(command):
    """Options shared by every stage that needs 街道 boundaries."""
    options = [
        click.option("--districts", type=INPUT_OR_OUTPUT_PATH, default=None,
                     help="Official 街道 polygons (Shapefile, GeoPackage, GeoJSON...; any CRS). "
                          "Replaces the bundled approximate polygons."),
        click.option("--name-field", default=None, help="Column of --districts holding the 街道 name."),
        click.option("--code-field", default=None, help="Column of --districts holding the 街道 code."),
        click.option("--districts-datum", default=None, metavar="DATUM",
                     help="Datum of --districts' lon/lat when a web map drew them: gcj02 (Amap, Tencent) or bd09 "
                          "(Baidu); default WGS-84/CGCS2000."),
        click.option("--outline", type=INPUT_OR_OUTPUT_PATH, default=None,
                     help="District outline file (default: union of --districts, or the bundled outline)."),
        click.option("--district-code", default=None,
                     help="County-level code of the district, anywhere in China (e.g. 510107); its outline is "
                          "bundled (default 370105, 天桥区)."),
        click.option("--district-name", default=None,
                     help="Name of the district on maps, index, coverage and exports (default: the bundled name); "
                          "without --district-code, a county's name (天山区, 北京市朝阳区) chooses that county."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def asset_options(command):
    """--cdn, and the old --offline (now the default) kept so existing scripts still run."""
    command = click.option("--offline", is_flag=True, hidden=True,
                           help="Self-contained maps (the default; kept for old scripts).")(command)
    return click.option("--cdn", is_flag=True,
                        help="Link Leaflet from its CDN instead of inlining it: smaller maps that need the "
                             "internet. By default maps are self-contained and open on an intranet.")(command)


def basemap_options(command):
    """--basemap (a named basemap or a tile URL template of one's own) and --basemap-datum."""
    command = click.option("--basemap-datum", default=None, metavar="DATUM",
                           help="Datum a tile URL's tiles are drawn in: wgs84 (default; also CGCS2000, Tianditu) "
                                "or gcj02 (Amap, Tencent: overlays shifted to match). Known hosts need none.")(command)
    return click.option("--basemap", default="osm", show_default=True, metavar="NAME|URL",
                        help=f"Tiles: {', '.join(BASEMAPS)} (osm WGS-84, amap GCJ-02, tianditu needs TIANDITU_KEY), "
                             "or a tile URL template of your own server or folder, e.g. "
                             "'http://10.0.0.5/tiles/{z}/{x}/{y}.png' or 'tiles/{z}/{x}/{y}.png' "
                             "(relative to the maps' folder).")(command)


def max_size_option(command):
    """--max-size: the size limit of a report and of a text file read whole, in MB (geo.settings.MAX_REPORT_MB)."""

    def apply(ctx, param, value):
        if value is not None and not math.isfinite(value):  # FloatRange lets nan and inf through
            raise click.BadParameter("must be a finite number of MB", ctx=ctx, param=param)
        if value is not None:
            from geo import settings

            previous, settings.MAX_REPORT_MB = settings.MAX_REPORT_MB, value
            ctx.call_on_close(lambda: setattr(settings, "MAX_REPORT_MB", previous))
        return value

    return click.option("--max-size", type=click.FloatRange(min=0, min_open=True), default=None, expose_value=False,
                        callback=apply, metavar="MB",
                        help="Refuse a report, or a table or JSON file read whole (a gazetteer CSV, GeoJSON, "
                             "an Overpass answer), larger than this (default 50 MB, or GEO_MAX_REPORT_MB).")(command)
