"""Vector files read with one-line errors: any OGR source through pyogrio, a Shapefile's text codec told from its .cpg or its records, a missing or damaged .prj named."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from geo.cad import is_drawing, no_crs_of_drawing, prj_beside
from geo.csv_geometry import csv_open_options, with_stated_srid
from geo.dbf import cut_field_names, read_sidecar, without_shx
from geo.field_domains import with_domain_names
from geo.file_kinds import check_geojson_text, check_shapefile_header, check_unread_archive, check_zip_packing
from geo.geojson_read import check_features_read
from geo.io import InputError, check_input_file, check_library_path
from geo.kml_descriptions import with_described_columns
from geo.mapinfo_files import check_parts
from geo.prj_text import gbk_prj_layer
from geo.project_files import check_project_file
from geo.survey import unstated_zone_hint
from geo.vector_explain import attribute_table, check_geojson_crs, explain_unreadable, no_crs, undecodable, unreadable, zipped_tables
from geo.vector_frames import (check_numbers_fit_crs, drawing_text, flat, warn_lost_characters, without_false_places,
                               without_overlays)
from geo.vector_layers import (check_network_link, field_aliases, is_kml_archive, kml_listing, layer_names,
                               read_kml_documents)
from geo.vector_sources import (check_dbf_beside, check_record_counts, container_encoding, dbf_encoding, gdal_source,
                                is_geodatabase, mapinfo_in, mapinfo_set, shapefiles_in)


def _read_dataframe(path, kwargs, chunk=50_000):
    """pyogrio.read_dataframe, in chunks under a progress bar when the file is large and
    stderr is a terminal (a 60 MB districts file takes half a minute). A KMZ holding several
    KML documents is read whole (:func:`geo.vector_layers.read_kml_documents`)."""
    import pyogrio

    from geo import progress

    if "sql" in kwargs:  # a KML's folders in one query (geo.kml_once): one opening, no chunks
        return pyogrio.read_dataframe(gdal_source(path), sql_dialect="SQLITE", **kwargs)
    if len(sources := [source for source, _, _ in kml_listing(path)]) > 1:
        return read_kml_documents(path, sources, kwargs)
    source = gdal_source(path)
    size = sum(p.stat().st_size for p in ([path] if path.is_file() else path.iterdir()) if p.is_file())
    if size < progress.settings.PROGRESS_MIN_BYTES or not progress.enabled():
        return pyogrio.read_dataframe(source, **kwargs)
    import pandas as pd

    total = pyogrio.read_info(source, **{k: v for k, v in kwargs.items() if k in ("layer", "encoding", "ENCODING")})["features"]
    if total <= chunk:
        return pyogrio.read_dataframe(source, **kwargs)
    parts = []
    with progress.bar(total, f"reading {path.name}", unit="features", threshold=0) as advance:
        for start in range(0, total, chunk):
            parts.append(pyogrio.read_dataframe(source, skip_features=start, max_features=chunk, **kwargs))
            advance(len(parts[-1]))
    return pd.concat(parts, ignore_index=True)


def _check_layer(path: Path, layer):
    """InputError naming the layers there are when ``path`` has no layer ``layer`` (GDAL says only
    that it "could not be opened"); nothing when the file cannot be listed (read_vector says why)."""
    try:
        names = layer_names(path) if is_kml_archive(path) else \
            [name for _, layers, error in kml_listing(path) if error is None for name, _ in layers]
    except Exception:  # noqa: BLE001 - not readable: read_vector reports it in one line
        return
    if names and str(layer) not in names:
        shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
        raise InputError(path, f"has no layer {str(layer)!r} (its layers: {shown})")


def _has_geometry(frame) -> bool:
    """True when ``frame`` (what pyogrio read) is a GeoDataFrame with an active geometry column.

    pyogrio gives a plain DataFrame for a table without geometry (a spreadsheet, a
    GeoPackage attribute table), which has no ``geometry`` attribute at all.
    """
    import geopandas

    if not isinstance(frame, geopandas.GeoDataFrame):
        return False
    name = getattr(frame, "_geometry_column_name", None)
    return name is not None and name in frame


def is_topojson(path) -> bool:
    """Whether ``path`` is a TopoJSON file (``"type": "Topology"`` in its first kilobytes), which GDAL reads
    without a CRS: the format has no member for one, and its coordinates are lon/lat, as d3 and mapshaper
    write them (a projected one is refused by :func:`geo.vector_frames.check_numbers_fit_crs`)."""
    path = Path(path)
    if path.suffix.lower() not in (".json", ".topojson") or not path.is_file():
        return False
    with open(path, "rb") as handle:
        return re.search(rb'"type"\s*:\s*"Topology"', handle.read(1 << 16)) is not None


def arc_step_degrees() -> float:
    """The angle between the vertices GDAL puts along an arc (its ``OGR_ARC_STEPSIZE``) so that the
    chords depart at most ``settings.CURVE_TOLERANCE_M`` from an arc of radius ``settings.CURVE_RADIUS_M``
    (a chord of angle a departs r (1 - cos(a/2)) from its arc)."""
    import math

    from geo import settings

    return math.degrees(2 * math.acos(1 - settings.CURVE_TOLERANCE_M / settings.CURVE_RADIUS_M))


@contextlib.contextmanager
def gdal_options(path):
    """GDAL's options while reading ``path``: GDAL's LIBKML driver turns every non-ASCII character of
    a field name into ``_`` (an ExtendedData ``坐标系`` or ``精度`` of an 奥维 or Google Earth file
    would be lost): not for a .kml or .kmz file; a DXF's text in its own encoding
    (:func:`geo.cad.drawing_gdal_options`); arcs linearised to ``settings.CURVE_TOLERANCE_M`` (:func:`arc_step_degrees`)."""
    import pyogrio

    from geo.cad import drawing_gdal_options

    options = {"LIBKML_LAUNDER_FIELD_NAMES": "NO"} if path.suffix.lower() == ".kml" or is_kml_archive(path) else {}
    options.update(drawing_gdal_options(path))
    options["OGR_ARC_STEPSIZE"] = f"{arc_step_degrees():.6f}"
    if without_shx(path):
        options["SHAPE_RESTORE_SHX"] = "YES"  # in the copy (gdal_source)
    previous = {option: pyogrio.get_gdal_config_option(option) for option in options}
    pyogrio.set_gdal_config_options(options)
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options(previous)


def read_vector(path, *, layer=None, assume_crs=None, bbox=None, where=None, skip_invalid=False, unstated=None,
                keep_codes=None, sql=None):
    """Read any OGR-readable vector file into a GeoDataFrame with one-line errors.

    Shapefiles without a ``.cpg`` have their attribute encoding sniffed (UTF-8, else
    GBK/GB18030), since Chinese Shapefiles are often GBK. A file without a CRS is an
    error unless ``assume_crs`` is given. ``bbox`` (in the layer's CRS) and ``where`` (an
    attribute filter) are GDAL's, passed on to ``pyogrio.read_dataframe``. A geometry GEOS
    cannot build (a ring of two points) makes the file unreadable, unless ``skip_invalid``:
    then that feature's geometry is None (see :func:`geo.vector_frames.unbuilt_geometries`). The aliases of a
    GeoPackage's fields are in ``attrs["field_aliases"]`` (:func:`geo.vector_layers.field_aliases`). ``unstated``, a function
    of the frame read, gives more to say when the file has no CRS (the zone its numbers fit). A field of a coded-value
    domain is read as the values its codes stand for (:func:`geo.field_domains.with_domain_names`), but the field
    ``keep_codes`` (a 街道 file's ``--code-field``) keeps its codes. ``sql``, a query of GDAL's SQLite dialect, is
    read instead of a layer (a KML's folders at once: :mod:`geo.kml_once`).
    """
    path = Path(path)
    if (file := mapinfo_set(path, layer) or gbk_prj_layer(path, layer)) is not None:  # 街道.tab beside 道路.tab: its
        path, layer = file, None  # header checked; 街道.shp of a .prj in GBK: read from a UTF-8 copy of it
    if path.is_dir() and not shapefiles_in(path) and not is_geodatabase(path) and not mapinfo_in(path):
        raise InputError(path, "is a directory, expected a vector file")
    if not path.is_dir():
        check_input_file(path)
    check_library_path(path)
    check_unread_archive(path)  # RAR, 7-Zip: "not a vector file GDAL reads", named .zip "not a zip file"
    check_project_file(path)  # a QGIS project, a MapInfo workspace, an ArcGIS map: "not a vector file GDAL reads"
    check_shapefile_header(path)
    check_geojson_text(path)
    if path.suffix.lower() in (".zip", ".kmz") and path.is_file():
        check_zip_packing(path)  # encrypted, or bzip2: GDAL finds no layer, zipfile raises RuntimeError
    check_network_link(path)  # a KML of a NetworkLink alone: GDAL says "no container element at the root"
    kwargs = {}
    container = path.is_dir() or path.suffix.lower() == ".zip"
    check_parts(path)  # a .mif without its .mid, a .tab without its .dat
    if path.suffix.lower() == ".shp":
        check_dbf_beside(path)
        check_record_counts(path)
        encoding = dbf_encoding(path)
        if encoding:
            kwargs["encoding"] = encoding
    elif container:
        encoding = container_encoding(path, layer)
        if encoding:
            kwargs["encoding"] = encoding
    kwargs.update(csv_open_options(path))
    for option, value in (("layer", layer), ("bbox", bbox), ("where", where), ("sql", sql)):
        if value is not None:
            kwargs[option] = value
    if skip_invalid:
        kwargs["on_invalid"] = "ignore"
    if layer is not None:
        _check_layer(path, layer)
    declared = check_geojson_crs(path)  # a crs member naming GCJ02: lon/lat on it, as a .prj so named
    try:
        try:
            with gdal_options(path):
                gdf = _read_dataframe(path, kwargs)
        except UnicodeDecodeError:
            # A .cpg that says UTF-8 over GBK records (or the reverse) is common: the records decide.
            sniffed = None
            if "encoding" in kwargs:
                sniffed = container_encoding(path, layer, sniff=True) if container else dbf_encoding(path, sniff=True)
            codec = sniffed or kwargs.get("encoding")
            if codec and path.suffix.lower() == ".shp" and cut_field_names(path, codec):
                gdf = _read_with_cut_field_names(path, kwargs, codec)
            elif (mapinfo := _mapinfo_codec(path)) is not None:
                gdf = _read_dataframe(path, {**kwargs, "encoding": mapinfo})
            elif not sniffed or sniffed == kwargs["encoding"]:
                raise
            else:
                gdf = _read_dataframe(path, {**kwargs, "encoding": sniffed})
    except UnicodeDecodeError:
        raise InputError(path, undecodable(path)) from None
    except InputError:
        raise
    except Exception as exc:  # pyogrio/GDAL raise DataSourceError, DataLayerError, RuntimeError...
        explain_unreadable(path)
        raise InputError(path, unreadable(exc, path)) from None
    check_features_read(path, gdf)  # a collection in a Feature, a 'feature', a Polygon of 4 levels: GDAL read none
    _check_distinct_columns(path, gdf)
    if not _has_geometry(gdf):
        raise InputError(path, zipped_tables(path) or attribute_table(path, gdf, layer) or "has no geometry column")
    if declared is not None:
        gdf = gdf.set_crs(declared, allow_override=True)
    gdf = with_stated_srid(path, gdf)  # a PostGIS dump's EWKT or hex EWKB
    local = gdf.crs is not None and gdf.crs.is_engineering  # MapInfo's NonEarth, a LOCAL_CS .prj: placed nowhere
    if local:
        gdf = gdf.set_crs(None, allow_override=True)  # as a file of no CRS: its numbers tell what it needs
    if gdf.crs is None and is_drawing(path):
        crs = prj_beside(path) or assume_crs  # ArcGIS's way: jd.prj beside jd.dxf
        if crs is None:
            raise InputError(path, no_crs_of_drawing(path) + unstated_zone_hint(gdf) + (unstated(gdf) if unstated else ""))
        gdf = gdf.set_crs(crs)
    if gdf.crs is None and is_topojson(path):  # lon/lat by the format's use (d3, mapshaper); metres are refused below
        gdf = gdf.set_crs(4326)
    if gdf.crs is None:
        if assume_crs is None:
            raise InputError(path, no_crs(path, gdf, local=local) + (unstated(gdf) if unstated else ""))
        gdf = gdf.set_crs(assume_crs)
    from geo.crs import refuse_local_datum

    try:
        refuse_local_datum(gdf.crs)  # Xian 1980, Beijing 1954: read as WGS-84 they land tens of metres off
    except ValueError as exc:
        raise InputError(path, str(exc)) from None
    if is_drawing(path):
        gdf = drawing_text(gdf)
    warn_lost_characters(path, gdf)
    gdf = without_overlays(path, without_false_places(flat(gdf)))
    gdf = with_described_columns(gdf, path)  # ArcGIS's KML: each feature's attributes in its description's table
    check_numbers_fit_crs(path, gdf, lambda: unstated_zone_hint(gdf) + (unstated(gdf) if unstated else ""))
    gdf = with_domain_names(path, gdf, layer, keep=keep_codes)  # codes 1, 2 named by a coded-value domain: its names
    if aliases := {field: alias for field, alias in field_aliases(path, layer).items() if field in gdf.columns}:
        gdf.attrs["field_aliases"] = aliases  # 街道名称 for JDMC: what ArcGIS and QGIS show
    return gdf


def _check_distinct_columns(path: Path, gdf) -> None:
    """InputError naming a column heading repeated (a CSV's ``name,code,code``: GDAL keeps both, and
    either could be the one meant); a frame of such columns gives a Series where a value is expected."""
    seen = set()
    for column in gdf.columns:
        if column in seen:
            count = list(gdf.columns).count(column)
            raise InputError(path, f"has {count} columns named {str(column)!r}: give each its own name")
        seen.add(column)


def _mapinfo_codec(path: Path):
    """GB18030 or Big5 for a MapInfo file (.mif, .tab) whose text (its .mid, or its .dat) is no UTF-8,
    as a header saying Charset "Neutral" leaves it (GDAL passes the bytes on); else None."""
    from geo import settings
    from geo.text_codecs import detect_cjk_codec

    suffix = path.suffix.lower()
    if suffix not in (".mif", ".tab"):
        return None
    text = {".mif": ".mid", ".tab": ".dat"}[suffix]
    part = next((p for p in (path.with_suffix(text), path.with_suffix(text.upper())) if p.is_file()), None)
    if part is None:
        return None
    return detect_cjk_codec(read_sidecar(part, lambda handle: handle.read(settings.DBF_SAMPLE_BYTES)))


def _read_with_cut_field_names(path: Path, kwargs, codec):
    """The Shapefile read byte for byte (GDAL told its .dbf is ISO-8859-1), then its field names and
    text decoded with ``codec``, a name cut mid-character (:func:`geo.dbf.cut_field_names`) without the cut part."""
    from pandas.api.types import is_object_dtype, is_string_dtype

    cut = cut_field_names(path, codec)
    options = {key: value for key, value in kwargs.items() if key != "encoding"}
    gdf = _read_dataframe(path, {**options, "ENCODING": "ISO-8859-1"})
    for column in gdf.columns:
        if column != gdf.geometry.name and (is_object_dtype(gdf[column]) or is_string_dtype(gdf[column])):
            gdf[column] = gdf[column].map(lambda v: v.encode("latin-1").decode(codec) if isinstance(v, str) else v)
    return gdf.rename(columns={c: cut.get(c) or c.encode("latin-1").decode(codec) for c in gdf.columns
                               if c != gdf.geometry.name})
