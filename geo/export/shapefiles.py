"""Writing export tables as Shapefiles (one per geometry family, with a UTF-8 .cpg and a field-name map), and the .prj a CSV of the name shares."""

from __future__ import annotations

import csv
import glob
import io
import shutil
import tempfile
from pathlib import Path

from geo.export.tables import typed_frame
from geo.export.writers import (DBF_FIELD_BYTES, DBF_TEXT_BYTES, SHAPEFILE_FIELD_NAMES, _FAMILIES, _FAMILY_ORDER, _cut,
                                _family, _quiet_write, _source_date, _written_or_said, unique_field_names)
from geo.atomic_files import ensure_output_dir
from geo.io import InputError, warn

_SHAPEFILE_SIDECARS = (".dbf", ".shx", ".prj", ".cpg", ".fields.csv")
# Indexes other programs build beside a Shapefile (GDAL and QGIS .qix, ArcGIS .sbn/.sbx and
# attribute indexes .aih/.ain/.atx): of an older file of the name, they would index the new one wrongly.
_SHAPEFILE_INDEXES = (".qix", ".sbn", ".sbx", ".aih", ".ain", ".atx")


def write_shapefiles(shp_path, layer, frame, source=None):
    """The Shapefile(s) of one layer at ``shp_path`` (one per geometry family when it has
    several); ``source``, the layer's file, is named in errors. Returns the files written."""
    import pyogrio

    shp_path = Path(shp_path)
    directory = ensure_output_dir(shp_path.parent)
    stem = shp_path.stem
    typed = typed_frame(frame)
    names = shapefile_field_names([c for c in typed.columns if c != typed.geometry.name])
    typed = typed.rename(columns=names)
    cut = {}
    for long, short in names.items():
        if typed[short].dtype == object:
            whole = typed[short]
            typed[short] = whole.map(_dbf_text)
            count = int((whole.fillna("") != typed[short].fillna("")).sum())
            if count:
                cut[long] = count
    families = [_family(g, layer, source) for g in typed.geometry.values]
    present = [f for f in _FAMILY_ORDER if f in families]
    split = len(present) > 1
    if cut:
        shown = ", ".join(f"{count} in {long}" for long, count in cut.items())
        warn(f"{directory / (f'{stem}_*.shp' if split else f'{stem}.shp')}: {sum(cut.values())} text "
             f"value{'s' * (sum(cut.values()) != 1)} longer than a Shapefile field holds ({DBF_TEXT_BYTES} bytes of "
             f"UTF-8, 84 Chinese characters) cut short ({shown}); the GeoPackage and GeoJSON exports keep them whole")
    try:
        tmpdir = Path(tempfile.mkdtemp(prefix=f".{stem}.", dir=directory))
    except OSError as exc:
        raise InputError(directory, f"cannot write output there ({exc.strerror})") from None
    written = []
    try:
        for family in present:
            name = f"{stem}_{family}" if split else stem
            part = typed[[f == family for f in families]]
            layer_options = {"DBF_DATE_LAST_UPDATE": _source_date().strftime("%Y-%m-%d")}
            with _written_or_said(directory / f"{name}.shp", tmpdir):
                _quiet_write(pyogrio.write_dataframe, part, tmpdir / f"{name}.shp", driver="ESRI Shapefile",
                             encoding="UTF-8", layer_options=layer_options or None)
                (tmpdir / f"{name}.fields.csv").write_bytes(_fields_csv(names).encode("utf-8"))
            written.append(name)
        paths = []
        for name in written:
            paths += _commit_shapefile(tmpdir, directory, name)
        for name in {stem, *(f"{stem}_{family}" for family in _FAMILY_ORDER)} - set(written):
            remove_shapefile(directory, name)  # the parts of an earlier split, or the whole of one
        return paths
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def shapefile_field_names(columns):
    """Map column names to unique dBASE field names of at most 10 bytes (see the module docstring).

    Parameters
    ----------
    columns : list of str
        Column names in output order.

    Returns
    -------
    dict
        ``{long: short}`` for every column (``short == long`` when it already fits).
    """
    return unique_field_names(columns, width=DBF_FIELD_BYTES, preferred=SHAPEFILE_FIELD_NAMES)


def _dbf_text(value):
    return None if value is None else _cut(value, DBF_TEXT_BYTES)


def _fields_csv(mapping):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["long", "short"])
    writer.writerows(mapping.items())
    return buffer.getvalue()


def _commit_shapefile(tmpdir, directory, name):
    # The .shp is the commit marker: the sidecars go in first, the new .shp last, so a
    # crash never leaves a .shp beside mismatched sidecars. Inside a run's output set
    # they are staged, and move into place with the rest of the run. An older file's
    # spatial and attribute indexes go: they would index the new records wrongly.
    from geo.outputs import place, remove_output

    target = directory / f"{name}.shp"
    for index in directory.glob(f"{glob.escape(name)}.*"):
        if index.suffix.lower() in _SHAPEFILE_INDEXES and index.stem == name:
            remove_output(index)
    for suffix in _SHAPEFILE_SIDECARS:
        source = tmpdir / f"{name}{suffix}"
        if source.exists():
            place(source, directory / f"{name}{suffix}")
    place(tmpdir / f"{name}.shp", target)
    return [target, directory / f"{name}.fields.csv"]


def remove_shapefile(directory, name) -> None:
    """Remove the Shapefile ``name`` in ``directory`` (its .shp, sidecars and indexes) if there is one:
    an earlier export's, which this one's set no longer holds. Its ``.prj`` stays when a CSV of the
    name beside it reads it too."""
    from geo.outputs import remove_output

    directory = Path(directory)
    if not (directory / f"{name}.shp").exists():
        return
    for suffix in (".shp", *_SHAPEFILE_SIDECARS, *_SHAPEFILE_INDEXES):
        if suffix == ".prj" and (directory / f"{name}.csv").is_file():
            continue
        if (directory / f"{name}{suffix}").exists():
            remove_output(directory / f"{name}{suffix}")


def check_shared_prj(directory, names, fmt, crs) -> None:
    """Refuse an export of ``fmt`` (``csv`` or ``shp``) whose ``<name>.prj`` in ``directory`` would
    replace the one a Shapefile or CSV of that name beside it reads in another CRS: GDAL and QGIS take
    ``<name>.prj`` for either, so the other file would be read in the wrong CRS (metres as degrees).

    Raises
    ------
    InputError
        Naming the ``.prj``, the file that reads it, both CRS and what to do.
    """
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    new = CRS.from_user_input(crs if crs is not None else "EPSG:4326")
    other_suffix, other_kind, kind = (".shp", "Shapefile", "CSV") if fmt == "csv" else (".csv", "CSV", "Shapefile")
    for name in names:
        prj, other = Path(directory) / f"{name}.prj", Path(directory) / f"{name}{other_suffix}"
        if not (prj.is_file() and other.is_file()):
            continue
        try:
            old = CRS.from_wkt(prj.read_text(encoding="utf-8", errors="replace"))
        except CRSError:
            old = None
        if old is not None and _same_crs(old, new):
            continue
        shown = "an unreadable CRS" if old is None else _crs_label(old)
        fix = f"export with --crs {shown}, or " if old is not None else ""
        raise InputError(prj, f"is the CRS ({shown}) of the {other_kind} {other.name} beside it: this {kind} in "
                              f"{_crs_label(new)} would replace it, and the {other_kind} would be read in "
                              f"{_crs_label(new)}; {fix}export into another folder (-o)")


def _same_crs(a, b) -> bool:
    """Whether two CRS place coordinates alike, whatever their names (GDAL's Shapefile writer names
    EPSG:4548 CGCS2000_3_Degree_GK_CM_117E; its parameters are EPSG:4509's too)."""
    import warnings

    if a.equals(b, ignore_axis_order=True) or (_epsg(a) is not None and _epsg(a) == _epsg(b)):
        return True
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # PROJ strings drop names and datums' details
        return a.to_proj4() == b.to_proj4()


def _epsg(crs):
    """The EPSG code a CRS states (a WKT1 ``AUTHORITY``), else the one pyproj finds for it, else None
    (pyproj finds EPSG:4509 for a WKT1 of EPSG:4548 that says so: the two are alike)."""
    stated = crs.to_json_dict().get("id") or {}
    return int(stated["code"]) if stated.get("authority") == "EPSG" else crs.to_epsg()


def _crs_label(crs) -> str:
    code = _epsg(crs)
    return f"EPSG:{code}" if code is not None else crs.name


def shapefile_names(stem, frame) -> list:
    """The Shapefiles :func:`write_shapefiles` writes of ``frame`` at ``<stem>.shp``: ``stem``, or one
    ``<stem>_<family>`` per geometry family when it has several."""
    families = {_FAMILIES.get(g.geom_type) for g in frame.geometry.values if g is not None and not g.is_empty}
    present = [f for f in _FAMILY_ORDER if f in families]
    return [f"{stem}_{family}" for family in present] if len(present) > 1 else [stem]


def remove_exported_layer(directory, name, fmt) -> None:
    """Remove what an earlier export of layer ``name`` as ``fmt`` left in ``directory``."""
    from geo.outputs import remove_output

    directory = Path(directory)
    if fmt == "shp":
        for part in (name, *(f"{name}_{family}" for family in _FAMILY_ORDER)):
            remove_shapefile(directory, part)
        return
    main = directory / f"{name}.{fmt}"
    if main.is_file():
        shared = (directory / f"{name}.shp").is_file()  # the .prj the Shapefile of the name reads too
        sidecars = (main.with_suffix(".csvt"), *(() if shared else (main.with_suffix(".prj"),)))
        for path in (main, *(sidecars if fmt == "csv" else ())):
            if path.is_file():
                remove_output(path)
