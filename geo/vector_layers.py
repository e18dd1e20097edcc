"""Layers of vector files, listed once per version of a file, and the KML documents of a KMZ: GDAL alone reads its doc.kml only."""

from __future__ import annotations

import functools
from pathlib import Path

from geo.io import InputError, error_line, file_version, is_resource_fork


def check_network_link(path) -> None:
    """Refuse a KML or KMZ whose document holds NetworkLinks and no Placemark: Google Earth fetches its
    features from the link, GDAL reads none ("no container element at the root", "contains no features").

    Parameters
    ----------
    path : pathlib.Path
        A ``.kml`` file, a ``.kmz`` or a zipped KML (:func:`is_kml_archive`); other files are let be.

    Raises
    ------
    InputError
        Naming the link's target, and how to save the features it shows.
    """
    import re

    from geo.kml_links import missing_link

    text = _kml_document_head(path)
    if text is None or b"<NetworkLink" not in text or b"<Placemark" in text:
        return
    if linked_files(path) or (is_kml_archive(path) and links_inside(path)):
        return  # its links name documents at hand: those are read (:func:`kml_sources`)
    href = re.search(rb"<href>\s*(.*?)\s*</href>", text, re.S)
    target = re.sub(r"[\x00-\x1f\x7f]", "", href.group(1).decode("utf-8", "replace"))[:120] if href else "?"
    if (missing := missing_link(path, text)) is not None:
        raise InputError(path, f"holds only a NetworkLink (to {target}), no features: {missing}")
    raise InputError(path, f"holds only a NetworkLink (to {target}), no features: Google Earth fetches them from "
                           "there; open it in Google Earth and save the places it shows (Save Place As, .kml), "
                           "or download the linked file and give that")


def linked_files(path) -> list:
    """The KML or KMZ files beside the ``.kml`` ``path`` that it links to when it holds NetworkLinks and no Placemark,
    every link naming one (:func:`geo.kml_links.files_linked`); else ``[]``."""
    path = Path(path)
    if path.suffix.lower() != ".kml":
        return []
    return list(_linked(path, file_version(path)))


@functools.lru_cache(maxsize=16)
def _linked(path, version):
    """:func:`linked_files` once per version of the KML (its reader asks at every opening)."""
    from geo.kml_links import files_linked

    text = _kml_document_head(path)
    if text is None or b"<NetworkLink" not in text or b"<Placemark" in text:
        return ()
    linked = files_linked(path, text) or []
    for file in linked:
        head = _kml_document_head(file) if file.suffix.lower() == ".kml" else None
        if head is not None and b"<NetworkLink" in head and b"<Placemark" not in head:
            raise InputError(path, f"holds only a NetworkLink (to {file.name}), whose file holds only NetworkLinks "
                                   "itself (geo follows links one deep): give the file holding the features")
    return tuple(linked)


def links_inside(path) -> bool:
    """Whether the KMZ ``path``'s first KML document holds NetworkLinks alone, each to a KML document of the archive."""
    return bool(_inner_links(Path(path), file_version(path)))


@functools.lru_cache(maxsize=16)
def _inner_links(path, version):
    """{link-only document: the documents it links to} of the KMZ ``path``, for each of its KML documents of
    NetworkLinks alone whose every link names another KML document of it (``files/jd.kml``)."""
    import zipfile
    import zlib

    from geo import settings
    from geo.kml_links import archive_links

    try:
        with zipfile.ZipFile(path) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir() and not is_resource_fork(info.filename)]
            members = [info.filename.replace("\\", "/") for info in infos]
            found = {}
            for info, member in zip(infos, members):
                if not member.lower().endswith(".kml") or info.file_size > settings.KML_LINK_SNIFF_BYTES:
                    continue
                text = archive.read(info)
                if b"<NetworkLink" in text and b"<Placemark" not in text and \
                        (targets := archive_links(text, member, members)):
                    found[member] = targets
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError):
        return {}  # a damaged archive (zlib.error: a member's compressed data): GDAL's reading says so
    return {member: targets for member, targets in found.items() if any(t not in found for t in targets)}


def _kml_document_head(path):
    """The bytes of ``path``'s KML document (a KMZ's first ``.kml`` member) when it holds no more than
    ``settings.KML_LINK_SNIFF_BYTES``; else, or when it is no KML, None."""
    import zipfile
    import zlib

    from geo import settings

    path = Path(path)
    limit = settings.KML_LINK_SNIFF_BYTES
    try:
        if path.suffix.lower() == ".kml" and path.is_file():
            with open(path, "rb") as handle:
                text = handle.read(limit + 1)
            return text if len(text) <= limit else None
        if is_kml_archive(path) and path.is_file():
            with zipfile.ZipFile(path) as archive:
                member = next((i for i in archive.infolist() if i.filename.lower().endswith(".kml")), None)
                if member is None or member.file_size > limit:
                    return None
                return archive.read(member)
    except (OSError, EOFError, zlib.error, zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError):
        return None  # GDAL's reading says what is wrong
    return None


def is_kml_archive(path) -> bool:
    """Whether ``path`` is a KMZ: a .kmz file, or a .zip holding KML documents and no Shapefile or File
    Geodatabase (a KML zipped to send it), read alike."""
    import zipfile

    path = Path(path)
    if path.suffix.lower() == ".kmz" or path.suffix.lower() != ".zip" or not path.is_file():
        return path.suffix.lower() == ".kmz"
    try:
        with zipfile.ZipFile(path) as archive:
            names = [name.replace("\\", "/").lower() for name in archive.namelist() if not is_resource_fork(name)]
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return any(name.endswith(".kml") for name in names) and \
        not any(name.endswith(".shp") or ".gdb/" in name for name in names)


def kml_sources(path):
    """What GDAL opens, one by one, for the vector file ``path``: for a .kmz archive each KML
    document in it (``/vsizip/<kmz>/<member>``), its ``doc.kml`` first (the only one GDAL reads
    of a KMZ on its own), then the others in name order; for any other file ``[gdal_source(path)]``.

    A document's name written with backslashes (``files\\b.kml``, by some Windows tools) is opened
    with slashes, as GDAL lists it; a name twice in the archive is one document.

    Raises
    ------
    geo.io.InputError
        A document named out of the archive (``../b.kml``, ``/etc/b.kml``), or one that says it
        unpacks to far more than it takes zipped (a zip bomb: :func:`geo.io.zip_part_limit`).
    """
    import zipfile

    from geo.io import refuse_zip_bomb

    path = Path(path)
    if not is_kml_archive(path) or not path.is_file():
        from geo.vectors import gdal_source

        if linked := linked_files(path):  # jd.kml linking to 边界.kml beside it: what Google Earth shows
            from geo.kml_encoding import readable_copy

            return [source for file in linked  # the linked files' own links are not followed
                    for source in (kml_sources(file) if file.suffix.lower() == ".kmz" else [readable_copy(file)])]
        return [gdal_source(path)]
    try:
        with zipfile.ZipFile(path) as archive:
            documents = [info for info in archive.infolist() if not info.is_dir()
                         and info.filename.lower().endswith(".kml") and not is_resource_fork(info.filename)]
    except (zipfile.BadZipFile, OSError, ValueError):
        return [path]  # GDAL says what is wrong with it
    members = set()
    for info in documents:
        member = info.filename.replace("\\", "/")
        if member.startswith("/") or ".." in member.split("/"):
            raise InputError(path, f"holds a KML document named {info.filename!r}, a path out of the archive: "
                                   "not read (a hostile KMZ?)")
        refuse_zip_bomb(path, info, kind="KMZ", part="KML document")
        members.add(member)
    members -= set(_inner_links(path, file_version(path)))  # doc.kml of links to files/jd.kml: jd.kml is read
    ordered = sorted(members, key=lambda name: (name.lower() != "doc.kml", name))
    archive_path = _archive(path)
    return [f"/vsizip/{archive_path}/{member}" for member in ordered] or [path]


def _archive(path):
    """The KMZ GDAL opens for ``path``: the file, or its copy with its KML documents in UTF-8
    (:func:`geo.kml_encoding.readable_copy`), as an absolute path."""
    from geo.kml_encoding import readable_copy

    return readable_copy(Path(path), archive=True).resolve()


def layer_names(path):
    """The names of the layers with geometry of a vector file, each once, in GDAL's order; of a
    KMZ holding several KML documents, of every one of them (:func:`kml_sources`)."""
    names = {}
    for _, layers, error in kml_listing(path):
        if error is not None:
            raise error
        names.update(dict.fromkeys(name for name, geometry_type in layers if geometry_type))
    return list(names)


def kml_listing(path):
    """``[(source, ((layer, geometry type or None), ...), None)]`` of each source of
    :func:`kml_sources`, or ``(source, None, exception)`` for one GDAL cannot list; listed once per
    version of the file (by its size, time and inode), however many of its layers are read one by one."""
    path = Path(path)
    return _listed(path, file_version(path))


@functools.lru_cache(maxsize=8)
def _listed(path, version):
    import pyogrio

    listing = []
    for source in kml_sources(path):
        try:
            listing.append((source, tuple((str(name), geometry_type or None)
                                          for name, geometry_type in pyogrio.list_layers(source)), None))
        except Exception as exc:  # noqa: BLE001 - pyogrio's DataSourceError...: said by the reader
            listing.append((source, None, exc))
    return tuple(listing)


def read_kml_documents(path, sources, kwargs):
    """Every KML document of the KMZ ``path`` read as one frame: the layer ``kwargs`` names of each
    document that has it, else every layer with geometry of each, document by document
    (:func:`kml_sources`). A document GDAL cannot read (empty, not XML) is an InputError naming it."""
    import pandas as pd
    import pyogrio

    frames = []
    listing = {source: (layers, error) for source, layers, error in kml_listing(path)}
    def has_layer(source):
        listed, error = listing.get(source, (None, None))
        return listed is None or error is not None or any(name == kwargs["layer"] and geometry_type
                                                          for name, geometry_type in listed)

    # One layer at a time (of a KMZ of many documents): the documents that have it.
    chosen = [source for source in sources if has_layer(source)] if "layer" in kwargs else sources
    for source in chosen:
        try:
            listed, error = listing.get(source, (None, None))
            if error is not None:
                raise error
            # not listed (the archive changed since): listed now
            listed = listed if listed is not None else tuple(pyogrio.list_layers(source))
            layers = [str(name) for name, geometry_type in listed if geometry_type]
            wanted = [kwargs["layer"]] if "layer" in kwargs else layers
            options = {k: v for k, v in kwargs.items() if k != "layer"}
            frames += [pyogrio.read_dataframe(source, layer=layer, **options) for layer in wanted if layer in layers]
        except UnicodeDecodeError:
            raise
        except Exception as exc:  # noqa: BLE001 - pyogrio's DataSourceError, DataLayerError...
            member = source.split(f"{_archive(path)}/", 1)[-1]
            line = error_line(exc, source).replace(f"/vsizip/{_archive(path)}/", "")
            raise InputError(path, f"holds a KML document GDAL cannot read, {member!r} ({line})") from None
    if not frames:
        return pyogrio.read_dataframe(sources[0], **kwargs)  # GDAL's own message: no layer
    return pd.concat([frame for frame in frames if len(frame)] or frames[:1], ignore_index=True)


def field_aliases(path, layer=None) -> dict:
    """``{field: alias}`` of the fields of a GeoPackage layer or a File Geodatabase feature class that
    have an alias (ArcGIS's and QGIS's name shown for a field: 街道名称 for JDMC), as GDAL keeps them in a
    GeoPackage: the ``name`` of the field's row in ``gpkg_data_columns``; of a geodatabase, see
    :func:`_geodatabase_aliases`. ``layer`` None: the file's one feature table. ``{}`` for another file, a
    layer without aliases, or a file that cannot be read so (the reader says why)."""
    path = Path(path)
    if path.suffix.lower() != ".gpkg" or not path.is_file():
        return _geodatabase_aliases(path, layer)
    rows = geopackage_rows(path, layer, "SELECT column_name, name FROM gpkg_data_columns WHERE table_name = ?")
    return {str(field): alias.strip() for field, alias in rows
            if isinstance(alias, str) and alias.strip() and alias.strip() != field}


def geopackage_rows(path, layer, query) -> list:
    """The rows ``query`` (one ``?``, the layer's name) gives of a GeoPackage opened read-only; ``layer`` None: its
    one feature table. ``[]`` for a GeoPackage of several feature tables given none, or one without the tables the
    query reads (no gpkg_data_columns: no aliases, no domains)."""
    import contextlib
    import sqlite3

    try:
        with contextlib.closing(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)) as db:
            if layer is None:
                tables = [row[0] for row in db.execute(
                    "SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")]
                if len(tables) != 1:
                    return []
                layer = tables[0]
            return db.execute(query, (str(layer),)).fetchall()
    except sqlite3.Error:
        return []


def _geodatabase_aliases(path, layer=None) -> dict:
    """``{field: alias}`` of a File Geodatabase's feature class (a ``.gdb`` folder, zipped or not), as
    ArcGIS keeps them: the ``AliasName`` of each field in the class's XML definition, in the
    geodatabase's ``GDB_Items`` table (ArcGIS 10 and later; GDAL reads it, but gives no alias to the
    fields it reads). ``{}`` for another file, or a geodatabase without such a table or definition."""
    found = geodatabase_definitions(path, layer)
    table = found[1].get(str(found[0]).lower()) if found else None
    if table is None:
        return {}
    aliases = {}
    for info in table.iter():
        if xml_tag(info) == "GPFieldInfoEx":
            fields = {xml_tag(child): (child.text or "").strip() for child in info}
            if fields.get("Name") and fields.get("AliasName") and fields["AliasName"] != fields["Name"]:
                aliases[fields["Name"]] = fields["AliasName"]
    return aliases


def geodatabase_definitions(path, layer=None):
    """(layer, ``{item name lowercased: parsed XML definition}``) of a File Geodatabase (a ``.gdb`` folder,
    zipped or not): its ``GDB_Items`` table, where ArcGIS 10 and later keep each feature class's fields
    (aliases, domain names) and each domain's values. ``layer`` None: the file's one layer. None for another
    file, a geodatabase of several layers given none, or one without the table (ArcGIS 9). A definition
    declaring entities is left out: the file's text is data, no entity is expanded."""
    import pyogrio

    from geo.vectors import gdal_source

    source = str(gdal_source(path))
    if not source.lower().removesuffix(".zip").endswith(".gdb"):
        return None
    try:
        if layer is None:
            layers = pyogrio.list_layers(source)
            if len(layers) != 1:
                return None
            layer = layers[0][0]
        items = pyogrio.read_dataframe(source, layer="GDB_Items", read_geometry=False, columns=["Name", "Definition"])
    except Exception:  # noqa: BLE001 - an ArcGIS 9 geodatabase has no GDB_Items
        return None
    return layer, {str(name).lower(): root for name, definition in items.itertuples(index=False, name=None)
                   if (root := _xml(definition)) is not None}


def _xml(definition):
    """The parsed XML ``definition`` of a geodatabase item, or None (none, not XML, or declaring entities)."""
    import xml.etree.ElementTree as ET

    if not isinstance(definition, str) or "<!DOCTYPE" in definition or "<!ENTITY" in definition:
        return None
    try:
        return ET.fromstring(definition)
    except ET.ParseError:
        return None


def xml_tag(element) -> str:
    """An XML element's tag without its namespace (``{http://…}GPFieldInfoEx`` -> ``GPFieldInfoEx``)."""
    return element.tag.rpartition("}")[2]


def split_layer(path):
    """``file.gpkg|layername=jiedao`` (QGIS's way of naming a layer) -> (path, layer); else (path, None)."""
    text = str(path)
    if "|" in text and not Path(text).exists():
        file_part, _, option = text.partition("|")
        key, _, value = option.partition("=")
        if key.strip().lower() in ("layername", "layer") and value.strip():
            return file_part, value.strip()
        raise InputError(file_part, f"'|{option}' names no layer: write '{file_part}|layername=LAYER'")
    return path, None


def layer_infos(path):
    """``{layer: pyogrio's info}`` of every layer of a multi-layer vector source (a GeoPackage, a GPX, a folder
    of Shapefiles, in name order: GDAL lists a folder in the file system's order, which varies), each counted
    (a GPX or KML's layers tell no count, -1, until read); None for a source of one layer, or none readable
    (:func:`geo.vectors.read_vector` then says what is wrong)."""
    import pyogrio

    from geo.kml_once import kml_layer_infos
    from geo.vectors import gdal_source

    if not Path(path).exists():
        return None
    try:
        listed = pyogrio.list_layers(gdal_source(path))
    except Exception:  # noqa: BLE001 - not readable: read_vector reports it in one line
        return None
    layers = [str(name) for name, _ in listed]
    if len(layers) <= 1:
        return None
    if Path(path).is_dir():
        layers.sort()
    with kml_field_names(path):  # a KML's ExtendedData 名称 as read_vector reads it, not laundered to __
        if (Path(path).suffix.lower() in (".kml", ".kmz") or is_kml_archive(path)) and \
                (infos := kml_layer_infos(path, gdal_source(path), layers, [kind for _, kind in listed])):
            return infos  # a KML's folders counted in one parse of it, not one each
        infos = {layer: _layer_info(path, layer) for layer in layers}
        for layer in layers:
            if infos[layer]["features"] < 0:
                infos[layer] = _layer_info(path, layer, force_feature_count=True)
    return infos


def kml_field_names(path):
    """A context in which GDAL names a KML's (or KMZ's) fields as :func:`geo.vectors.read_vector` reads them: its
    LIBKML driver would turn each character of an ExtendedData 名称 into ``_`` (:func:`geo.vectors.gdal_options`);
    nothing for another file."""
    import contextlib

    from geo.vectors import gdal_options

    if Path(path).suffix.lower() in (".kml", ".kmz") or is_kml_archive(path):
        return gdal_options(Path(path))
    return contextlib.nullcontext()


def _layer_info(path, layer, **options):
    """pyogrio's info of ``layer`` of ``path``: a folder's MapInfo set (街道.tab beside 道路.tab) from its own file,
    its header checked (:func:`geo.vector_sources.mapinfo_set`); field names in no UTF-8 (a MapInfo header of Neutral
    over GBK names) listed as bytes, not a ``UnicodeDecodeError`` of the whole source."""
    import pyogrio

    from geo.prj_text import gbk_prj_layer
    from geo.vector_sources import mapinfo_set
    from geo.vectors import gdal_source

    file = mapinfo_set(path, layer) or gbk_prj_layer(path, layer)  # read from its own file (a .prj in GBK)
    source, layer = (gdal_source(file), None) if file else (gdal_source(path), layer)
    try:
        return pyogrio.read_info(source, layer=layer, **options)
    except UnicodeDecodeError:
        return pyogrio.read_info(source, layer=layer, encoding="latin-1", **options)

