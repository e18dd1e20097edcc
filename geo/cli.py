"""The ``geo`` command line: a thin click layer over the pipeline; heavy libraries load only inside commands."""

from __future__ import annotations

import os
from pathlib import Path

import click

from geo.cli_errors import collector_off, handle_errors, process_ends, report_warnings, stage_printer
from geo.cli_options import (INPUT_OR_OUTPUT_PATH, OUTPUT_PATH, asset_options, basemap_options, boundary_options,
                             max_size_option)
from geo.safe_text import one_line, terminal_line

COVERAGE_FORMATS = ("table", "csv", "json", "md")
COVERAGE_EXTENSIONS = {".csv": "csv", ".json": "json", ".md": "md"}  # what a -o name says of its format
# Extensions of files geo reads or writes: never an output folder's name.
FILE_EXTENSIONS = (".html", ".htm", ".geojson", ".json", ".csv", ".md", ".xlsx", ".gpkg", ".shp", ".txt", ".zip")


def _boundaries_from(kwargs):
    from geo.pipeline import BoundaryOptions

    return BoundaryOptions(**{k: kwargs.pop(k) for k in ("districts", "name_field", "code_field", "outline",
                                                         "district_code", "district_name", "districts_datum")})


def _report_argument(value):
    """The report to read: ``-`` is standard input (read as ``/dev/stdin``, which the readers take as a pipe)."""
    if value == "-":
        from geo.io import InputError

        if not Path("/dev/stdin").exists():
            raise InputError("-", "standard input cannot be read as a file here; save the report and give its name")
        return "/dev/stdin"
    return value


def _writing(root):
    """The output set of a command that writes: lock ``root``, stage every file, commit at the end."""
    from geo.outputs import output_set

    return output_set(Path(root) if str(root) else Path("."))


def _keep_stage_inputs(projects, layers_dir, options):
    """A stage that writes other files than the catalog and the layers (coverage, render) must
    not write them over the catalog, a layer or a boundary file it reads; and a --layers-dir it was
    given must be there (else the bundled 街道 would stand in for the ones geocode stored)."""
    from geo.io import InputError
    from geo.outputs import keep_inputs
    from geo.pipeline import keep_boundary_inputs

    given = click.get_current_context().get_parameter_source("layers_dir") == click.core.ParameterSource.COMMANDLINE
    if given and not Path(layers_dir).exists():
        raise InputError(layers_dir, "layers directory not found (run geo build or geo geocode first, or leave "
                                     "--layers-dir out)")
    keep_inputs([projects], "the catalog")
    keep_boundary_inputs(options, layers_dir)


def _output_folder(value):
    """``value`` as an output folder, unless it is no folder yet and names a file by its extension
    (``-o maps.html`` would become a folder of that name holding the maps)."""
    from geo.io import InputError

    suffix = Path(str(value)).suffix.lower()
    if suffix in FILE_EXTENSIONS and not os.path.lexists(value):  # an existing file: "is a file" says it
        raise InputError(value, f"names a file ({suffix}), expected an output folder (geo writes several files there)")
    return value


def _coverage_format(fmt, output):
    """The format of ``geo coverage``: ``--format``, else the one ``-o``'s extension names, else a
    table; an extension naming another format than ``--format`` is refused (as geo export does)."""
    from geo.io import InputError

    named = COVERAGE_EXTENSIONS.get(Path(str(output)).suffix.lower()) if output else None
    if fmt is not None and named is not None and named != fmt:
        raise InputError("-o", f"{output} ends in {Path(str(output)).suffix} but --format is {fmt} (name it "
                               f"{Path(str(output)).stem}.{'txt' if fmt == 'table' else fmt}, or drop --format)")
    return fmt or named or "table"


def _coverage_file_kind(output):
    """Refuse an ``-o`` of ``geo coverage`` named as a format it does not write (覆盖.xlsx of CSV text:
    Excel refuses to open it); checked after its inputs, so ``-o projects.geojson`` is named as one."""
    from geo.io import InputError
    from geo.outputs import check_not_input

    suffix = Path(str(output)).suffix.lower() if output else ""
    if output:
        check_not_input(output)
    if suffix in (*FILE_EXTENSIONS, ".xls", ".kml", ".kmz", ".docx", ".pdf") and \
            suffix not in (*COVERAGE_EXTENSIONS, ".txt"):
        raise InputError("-o", f"{output} ends in {Path(str(output)).suffix}, which geo coverage does not write "
                               "(it writes .csv, .json, .md or the table as .txt; the Excel workbook is "
                               "maps_out/coverage.xlsx of geo build)")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Show full tracebacks on errors.")
@click.version_option(package_name="geo-worksreport", prog_name="geo")
def main(verbose):
    """Map the spatial projects of a district government work report (政府工作报告) per 街道.

    Default: Tianqiao District (天桥区), Jinan. Run `geo build` for everything.
    """


@main.command()
@click.argument("report", type=INPUT_OR_OUTPUT_PATH)
@click.option("-o", "--output", default="projects.geojson", show_default=True, type=OUTPUT_PATH,
              help="Catalog to write (GeoJSON FeatureCollection, geometry null).")
@click.option("--encoding", type=click.Choice(["auto", "utf-8", "gb18030", "big5"]), default="auto", show_default=True)
@max_size_option
@handle_errors
def extract(report, output, encoding):
    """Extract the spatial projects of REPORT (text, a saved web page, a Word .docx or .doc, a PDF or an OFD;
    - reads standard input) into a catalog."""
    with collector_off():
        from geo.pipeline import run_extract

        report = _report_argument(report)
        suffix = Path(str(output)).suffix.lower()
        if suffix in FILE_EXTENSIONS and suffix not in (".geojson", ".json"):
            from geo.io import InputError

            raise InputError(output, f"the catalog is GeoJSON, not {suffix}: name it .geojson (geo export projects "
                                     "writes it as CSV, GeoPackage or Shapefile)")
        with _writing(Path(output).parent):
            if process_ends():
                from geo.extract import leave_records_to_exit

                leave_records_to_exit()  # not freed one by one: the process ends with the command
            features = run_extract(report, output, encoding=encoding)
    named = sum(1 for f in features if f["properties"].get("named", True))
    groups = len(features) - named
    click.echo(f"wrote {one_line(output)}: {len(features)} projects ({named} named, {groups} counted group{'' if groups == 1 else 's'})")


@main.command()
@click.option("-p", "--projects", default="projects.geojson", show_default=True, type=INPUT_OR_OUTPUT_PATH)
@click.option("--layers-dir", default="layers", show_default=True, type=INPUT_OR_OUTPUT_PATH)
@click.option("--gazetteer", "gazetteers", multiple=True, type=INPUT_OR_OUTPUT_PATH,
              help="Gazetteer file (GeoJSON, GPKG or CSV with lon/lat and a datum column); repeatable, first wins.")
@click.option("--osm", type=INPUT_OR_OUTPUT_PATH, default=None,
              help="OpenStreetMap extract: .osm.pbf, .osm (also .gz/.bz2, JOSM or Overpass), Overpass Turbo GeoJSON, "
                   "Geofabrik shapefiles (.shp.zip, its folder, or one gis_osm_*_free_1.shp), "
                   "GDAL's OSM layers or QuickOSM results saved as GeoPackage, SQLite, GeoJSON or Shapefile.")
@click.option("--online", is_flag=True, help="Ask Nominatim for what no file knows (cached, 1 request/s).")
@click.option("--cache-dir", type=INPUT_OR_OUTPUT_PATH, default=None, help="Cache for --online answers.")
@boundary_options
@max_size_option
@handle_errors
def geocode(projects, layers_dir, gazetteers, osm, online, cache_dir, **kwargs):
    """Locate the catalog's projects and write the layers."""
    from geo import pipeline

    with _writing(Path(projects).parent):
        from geo.outputs import keep_inputs

        options = _boundaries_from(kwargs)
        options.osm = osm
        keep_inputs(gazetteers, "a gazetteer")
        keep_inputs([osm], "the OSM extract")
        pipeline.keep_boundary_inputs(options)
        boundaries = pipeline.resolve_boundaries(options, layers_dir, prefer_layers=False)
        report_warnings(boundaries.warnings)
        for note in boundaries.notes:
            click.echo(terminal_line(note))
        features, source = pipeline.read_catalog(projects)
        gazetteer_warnings = []
        features, unlocated = pipeline.geocode_catalog(features, boundaries, gazetteers=gazetteers, osm=osm,
                                                       online=online, cache_dir=cache_dir, warnings=gazetteer_warnings)
        report_warnings(gazetteer_warnings + pipeline.fit_warnings(features, boundaries))
        from geo.hand_review import summary

        for line in summary(features):
            click.echo(terminal_line(line))
        pipeline.write_catalog(projects, features, source, boundaries.metric_crs)
        layers = pipeline.write_layers(features, boundaries, layers_dir)
    from geo.hand_review import counted

    total = len(counted(features))  # those marked not a project on the map are none
    click.echo(f"wrote {one_line(projects)}: {total - len(unlocated)} of {total} projects located")
    for path in layers:
        click.echo(f"wrote {one_line(path)}")
    _echo_unlocated(unlocated)


def _echo_unlocated(unlocated):
    if unlocated:
        click.echo(f"not located ({len(unlocated)}):")
        for item in unlocated:
            click.echo(f"  {terminal_line(item['name'])}: {terminal_line(item['reason'])}")


@main.command()
@click.option("-p", "--projects", default="projects.geojson", show_default=True, type=INPUT_OR_OUTPUT_PATH)
@click.option("--layers-dir", default="layers", show_default=True, type=INPUT_OR_OUTPUT_PATH)
@boundary_options
@max_size_option
@handle_errors
def join(projects, layers_dir, **kwargs):
    """Allocate located projects to 街道 (points by containment, lines by length)."""
    from geo import pipeline

    with _writing(Path(projects).parent):
        options = _boundaries_from(kwargs)
        pipeline.keep_boundary_inputs(options)
        boundaries = pipeline.resolve_boundaries(options, layers_dir)
        report_warnings(boundaries.warnings)
        features, source = pipeline.read_catalog(projects)
        features, allocations = pipeline.join_catalog(features, boundaries)
        pipeline.write_catalog(projects, features, source, boundaries.metric_crs)
        written = pipeline.write_layers(features, boundaries, layers_dir)
    for path in written:
        click.echo(f"wrote {one_line(path)}")
    click.echo(f"wrote {one_line(projects)}: {allocations['id'].nunique()} projects allocated to "
               f"{allocations['code'].nunique()} of {len(boundaries.zones)} {pipeline.zones_word(boundaries)}")


@main.command()
@click.option("-p", "--projects", default="projects.geojson", show_default=True, type=INPUT_OR_OUTPUT_PATH)
@click.option("--layers-dir", default="layers", show_default=True, type=INPUT_OR_OUTPUT_PATH)
@click.option("--by", type=click.Choice(["subdistrict", "district"]), default="subdistrict", show_default=True)
@click.option("--format", "fmt", type=click.Choice(COVERAGE_FORMATS), default=None,
              help="Output format [default: the one -o's extension names (.csv, .json, .md), else table].")
@click.option("-o", "--output", type=OUTPUT_PATH, default=None, help="Write to a file instead of the terminal.")
@boundary_options
@max_size_option
@handle_errors
def coverage(projects, layers_dir, by, fmt, output, **kwargs):
    """Coverage by 街道: projects, categories, road kilometres, district-wide items and gaps."""
    from geo import pipeline
    from geo.coverage import format_coverage

    fmt = _coverage_format(fmt, output)
    if output and not Path(str(output)).suffix and not (Path(output).is_dir() or str(output).endswith(("/", os.sep))):
        output = f"{output}.{'txt' if fmt == 'table' else fmt}"  # -o 成果: 成果.csv, as geo export names it
    with _writing(Path(projects).parent):
        options = _boundaries_from(kwargs)
        _keep_stage_inputs(projects, layers_dir, options)
        _coverage_file_kind(output)
        boundaries = pipeline.resolve_boundaries(options, layers_dir)
        report_warnings(boundaries.warnings)
        if by == "district":
            boundaries = pipeline.district_as_zone(boundaries)
        features, _ = pipeline.read_catalog(projects)
        features, allocations = pipeline.join_catalog(features, boundaries)
        report = pipeline.coverage_of(features, allocations, boundaries)
        text = format_coverage(report, fmt)
        if output:
            from geo.atomic_files import write_csv_atomic, write_text_atomic

            if fmt == "csv" and Path(output).suffix.lower() == ".csv":  # GDAL reads X.csvt beside X.csv
                from geo.coverage import coverage_tables, csvt_text

                write_text_atomic(Path(output).with_suffix(".csvt"), csvt_text(coverage_tables(report)["coverage.csv"]))
            (write_csv_atomic if fmt == "csv" else write_text_atomic)(output, text)
    if output:
        click.echo(f"wrote {one_line(output)}")
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("-p", "--projects", default="projects.geojson", show_default=True, type=INPUT_OR_OUTPUT_PATH)
@click.option("--layers-dir", default="layers", show_default=True, type=INPUT_OR_OUTPUT_PATH)
@basemap_options
@asset_options
@click.option("-o", "--out-dir", default="maps_out", show_default=True, type=OUTPUT_PATH)
@boundary_options
@max_size_option
@handle_errors
def render(projects, layers_dir, basemap, basemap_datum, cdn, offline, out_dir, **kwargs):
    """Render the HTML maps (projects, coverage, index)."""
    from geo import pipeline
    from geo.render import check_basemap
    from geo.render.tiles import tile_folder_warning

    check_basemap(basemap, basemap_datum)
    _output_folder(out_dir)
    with _writing(Path(projects).parent):
        options = _boundaries_from(kwargs)
        _keep_stage_inputs(projects, layers_dir, options)
        boundaries = pipeline.resolve_boundaries(options, layers_dir)
        report_warnings(boundaries.warnings)
        features, source = pipeline.read_catalog(projects)
        features, allocations = pipeline.join_catalog(features, boundaries)
        report = pipeline.coverage_of(features, allocations, boundaries)
        written = pipeline.coverage_beside_maps(report, out_dir, source)
        written += pipeline.render(features, boundaries, report, out_dir, basemap=basemap, datum=basemap_datum,
                                  inline=not cdn)
    report_warnings(filter(None, [tile_folder_warning(basemap, out_dir)]))
    for path in written:
        click.echo(f"wrote {one_line(path)}")


@main.command(name="layers")
@click.option("--layers-dir", default="layers", show_default=True, type=INPUT_OR_OUTPUT_PATH)
@max_size_option
@handle_errors
def layers_command(layers_dir):
    """List the layers with feature counts, geometry types and CRS."""
    from geo.export import list_layers
    from geo.io import InputError
    from geo.outputs import finish_pending

    finish_pending(Path(layers_dir).parent)  # a commit a killed run left is finished before the layers are read
    rows = list_layers(layers_dir)
    if not rows:
        raise InputError(layers_dir, "no layers found (run geo build or geo geocode first)")
    width = max(len(r["layer"]) for r in rows)
    for row in rows:
        quality = f"  {row['quality']}" if row["quality"] else ""
        click.echo(f"{one_line(row['layer']):<{width}}  {row['features']:>5}  {row['geometry_types']:<28}  {row['crs']}"
                   f"{quality}")


@main.command()
@click.argument("layer")
@click.option("--format", "fmt", type=click.Choice(["geojson", "gpkg", "shp", "csv", "kml", "xlsx"]), default=None,
              help="Output format [default: the one -o's extension names, else geojson].")
@click.option("--category", default=None, help="Only projects of this category code.")
@click.option("--subdistrict", default=None, help="Only projects in this 街道 or 乡镇 (code, or name with or without 街道/镇/乡: 北园, 江湾).")
@click.option("--crs", "target_crs", default=None,
              help="Output CRS of a gpkg, shp or csv export, e.g. EPSG:4548 (GeoJSON and KML are always EPSG:4326).")
@click.option("-o", "--output", type=OUTPUT_PATH, default=None, help="Output file (or directory for shp, and for all but as gpkg or kml).")
@click.option("--layers-dir", default="layers", show_default=True, type=INPUT_OR_OUTPUT_PATH)
@max_size_option
@handle_errors
def export(layer, fmt, category, subdistrict, target_crs, output, layers_dir):
    """Export LAYER (or `all`) as GeoJSON, GeoPackage, Shapefile, CSV, KML or Excel."""
    from geo.export import export_layers

    with _writing(Path(layers_dir).parent):
        written = export_layers(layer, fmt=fmt, category=category, subdistrict=subdistrict, crs=target_crs,
                                output=output, layers_dir=layers_dir)
    for path in written:
        click.echo(f"wrote {one_line(path)}")


@main.command()
@click.option("--report", type=INPUT_OR_OUTPUT_PATH, default=None,
              help="Report text, - for standard input (default: bundled Tianqiao excerpt).")
@click.option("--encoding", type=click.Choice(["auto", "utf-8", "gb18030", "big5"]), default="auto", show_default=True)
@max_size_option
@click.option("--gazetteer", "gazetteers", multiple=True, type=INPUT_OR_OUTPUT_PATH, help="Gazetteer file; repeatable.")
@click.option("--osm", type=INPUT_OR_OUTPUT_PATH, default=None,
              help="OpenStreetMap extract: .osm.pbf, .osm (also .gz/.bz2, JOSM or Overpass), Overpass Turbo GeoJSON, "
                   "Geofabrik shapefiles (.shp.zip, its folder, or one gis_osm_*_free_1.shp), "
                   "GDAL's OSM layers or QuickOSM results saved as GeoPackage, SQLite, GeoJSON or Shapefile.")
@click.option("--online", is_flag=True, help="Ask Nominatim for what no file knows (cached, 1 request/s).")
@basemap_options
@asset_options
@click.option("--out-dir", default=".", show_default=True, type=OUTPUT_PATH,
              help="Where projects.geojson, layers/ and maps_out/ go.")
@boundary_options
@handle_errors
def build(report, encoding, gazetteers, osm, online, basemap, basemap_datum, cdn, offline, out_dir, **kwargs):
    """Run every stage (default: Tianqiao) and write the catalog, layers, coverage and maps."""
    from geo.pipeline import run_build

    notes = []
    written, unlocated, warnings = run_build(
        report and _report_argument(report), out_dir=_output_folder(out_dir), boundary_options=_boundaries_from(kwargs),
        gazetteers=gazetteers, osm=osm, online=online, encoding=encoding, basemap=basemap, basemap_datum=basemap_datum, inline=not cdn,
        progress=stage_printer(), notes=notes)
    report_warnings(warnings)
    for note in notes:
        click.echo(terminal_line(note))
    for path in written:
        click.echo(f"wrote {one_line(path)}")
    _echo_unlocated(unlocated)
