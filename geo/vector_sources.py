"""Where GDAL reads a vector file (a zipped folder, a zipped .gdb) and in which codec (a .dbf's, from its .cpg or records)."""

from __future__ import annotations

from pathlib import Path

from geo.dbf import (cpg_codec, dbf_records_codec, dbf_sample, indexed_copy, read_sidecar, without_shx)
from geo.file_kinds import check_shapefile_header, geojson_copy
from geo.io import InputError, is_resource_fork
from geo.prj_text import gbk_prj, prj_copy, zipped_prj_copy
from geo.vector_layers import is_kml_archive, kml_sources, linked_files, links_inside


def dbf_encoding(path: Path, *, sniff=False):
    """Encoding for a Shapefile's .dbf: the codec its .cpg names, when the records decode with it.

    Otherwise (no .cpg, ``System``, a codec that fails on the records, or ``sniff``) the
    records decide: UTF-8, else GB18030/GBK or Big5 (:func:`geo.text_codecs.detect_cjk_codec`).
    """
    declared = None if sniff else _declared_codec(path)
    dbf = next((p for p in (path.with_suffix(".dbf"), path.with_suffix(".DBF")) if p.exists()), None)
    if dbf is None:
        return declared
    return dbf_records_codec(read_sidecar(dbf, dbf_sample), declared)


def container_encoding(path: Path, layer=None, *, sniff=False):
    """Encoding for the Shapefiles inside a folder or a zip archive (``jd.zip``, ``jd.shp.zip``).

    GDAL reads a .dbf without a .cpg as ISO-8859-1, inside a folder or an archive as beside
    it: each Shapefile of ``path`` (only the one named ``layer`` when given) has its codec
    told as :func:`dbf_encoding` tells a lone .shp's. None when there is no Shapefile,
    when the archive cannot be opened (GDAL then says why) or when the Shapefiles disagree.
    """
    codecs = set()
    if path.is_dir():
        for shp in shapefiles_in(path):
            if layer is None or shp.stem == layer:
                codecs.add(dbf_encoding(shp, sniff=sniff))
        return codecs.pop() if len(codecs) == 1 else None
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(path) as archive:
            members = {name.lower(): name for name in archive.namelist() if not is_resource_fork(name)}
            for lower, name in sorted(members.items()):
                stem, suffix = lower[:-4], lower[-4:]
                if suffix != ".shp" or (layer is not None and Path(name).stem != layer):
                    continue
                dbf, cpg = members.get(f"{stem}.dbf"), members.get(f"{stem}.cpg")
                if dbf is None:
                    continue
                declared = None
                if cpg is not None and not sniff:
                    declared = cpg_codec(archive.read(cpg).decode("ascii", errors="replace"))
                with archive.open(dbf) as handle:
                    codecs.add(dbf_records_codec(dbf_sample(handle), declared))
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, zlib.error):
        return None
    return codecs.pop() if len(codecs) == 1 else None


def check_dbf_beside(path: Path) -> None:
    """InputError when a Shapefile has no .dbf (nor .DBF) beside it."""
    if not path.with_suffix(".dbf").exists() and not path.with_suffix(".DBF").exists():
        raise InputError(path, "Shapefile has no .dbf beside it")


def check_record_counts(path: Path):
    """InputError when a Shapefile's .shx indexes another number of shapes than its .dbf holds
    records: a .dbf from another version of the file. GDAL reads as many features as the .dbf
    has records, and would drop the shapes beyond them (or give the last ones no attributes)."""
    shx = next((p for p in (path.with_suffix(".shx"), path.with_suffix(".SHX")) if p.exists()), None)
    dbf = next((p for p in (path.with_suffix(".dbf"), path.with_suffix(".DBF")) if p.exists()), None)
    if shx is None or dbf is None:
        return  # a missing .shx is made anew (indexed_copy); GDAL says what is wrong without a .dbf
    header = read_sidecar(dbf, lambda handle: handle.read(8))
    if len(header) < 8:
        return
    records = int.from_bytes(header[4:8], "little")
    shapes = max(0, (shx.stat().st_size - 100) // 8)  # a 100-byte header, then 8 bytes per shape
    if shapes != records:
        raise InputError(path, f"holds {shapes} shape{'s' * (shapes != 1)} but its .dbf {records} "
                               f"record{'s' * (records != 1)} (a .dbf or .shx from another version of the file?)")


def _declared_codec(path: Path):
    """The codec the Shapefile's .cpg names, or None (no .cpg, or one saying ``System``)."""
    cpg = next((p for p in (path.with_suffix(".cpg"), path.with_suffix(".CPG")) if p.exists()), None)
    return cpg_codec(read_sidecar(cpg).decode("ascii", errors="replace")) if cpg else None


def gdal_source(path):
    """What GDAL opens for the vector file ``path``: the path itself, or for a zip archive with no
    Shapefile at its top but all of them in one folder (a folder zipped whole, as Windows'
    "Send to > Compressed (zipped) folder" does) that folder inside it, which GDAL would not find,
    and for one holding a File Geodatabase (GDAL finds one only in ``jd.gdb.zip``) the ``.gdb`` in it;
    for a KML declaring GBK or Big5 (or a KMZ holding one), a UTF-8 copy of it
    (:func:`geo.kml_encoding.readable_copy`); for a MapInfo file whose header names another charset than its
    text's, a copy naming that (:func:`geo.mapinfo_files.readable_mapinfo`)."""
    import zipfile

    from geo.kml_encoding import readable_copy
    from geo.mapinfo_files import readable_mapinfo, zipped_mapinfo

    path = Path(path)
    if path.suffix.lower() in (".kml", ".kmz"):
        linked = path.suffix.lower() == ".kml" and linked_files(path)
        if linked or path.suffix.lower() == ".kmz":
            documents = kml_sources(path)  # a KMZ's checks first (a zip bomb: GDAL would unpack and parse all of it)
            if len(documents) == 1 and (linked or links_inside(path)):
                return documents[0]  # a KML of a NetworkLink to 边界.kml beside it; a KMZ's doc.kml of one to files/jd.kml
        return readable_copy(path)  # a KML in GBK or Big5: a UTF-8 copy of it
    if path.suffix.lower() == ".gpx":
        return readable_copy(path)  # a GPX declaring GBK (Chinese GPS software): a UTF-8 copy of it
    if path.suffix.lower() in (".geojson", ".json", ".js"):  # .js: var jiedao = {…}; (a web map's data file)
        return geojson_copy(path)  # lone surrogate escapes, integers past 64 bits: GDAL misreads them
    if path.suffix.lower() in (".mif", ".tab"):
        return readable_mapinfo(path)  # a header naming GBK over UTF-8 text: a copy naming UTF-8
    if without_shx(path):
        check_shapefile_header(path)  # another file named .shp has no .shx to make anew either
        check_dbf_beside(path)  # nor one without its .dbf (refused before a warning of its .shx)
        return indexed_copy(path)  # its .shx made anew, beside links to its files
    if (prj := gbk_prj(path)) is not None:
        return prj_copy(path, prj)  # its CRS named in GBK (SuperMap, MapGIS): a UTF-8 .prj beside links to its files
    if path.is_dir() and not shapefiles_in(path) and len(sets := mapinfo_in(path)) == 1:
        return readable_mapinfo(sets[0])  # a folder holding one MapInfo set (jd.tab, jd.dat, jd.map, jd.id): that set
    if path.suffix.lower() != ".zip" or not path.is_file():
        return path
    try:
        with zipfile.ZipFile(path) as archive:
            listed = archive.namelist()
            _name_encoding(archive.infolist())  # 东湖街道.shp zipped by Info-ZIP or Windows: not CP437
        stored = [name for name in listed if not is_resource_fork(name)]  # a Mac's __MACOSX/._jd.shp
    except (zipfile.BadZipFile, OSError, ValueError):
        return path  # GDAL says what is wrong with it
    names = [name.replace("\\", "/") for name in stored]
    folders = {name.rpartition("/")[0] for name in names if name.lower().endswith(".shp")}
    if not folders and len(geodatabases := zipped_geodatabases(names)) == 1:
        return f"/vsizip/{path.resolve()}/{geodatabases.pop()}"  # 街道数据.zip holding jd.gdb
    if len(folders) == 1 and (copy := zipped_prj_copy(path, stored, next(iter(folders)))) is not None:
        return copy  # its .prj naming the CRS in GBK: its Shapefiles unpacked, the .prj in UTF-8
    if not folders and (mapinfo := zipped_mapinfo(path, stored)) is not None:
        return mapinfo  # a MapInfo set in a folder zipped whole, or its header naming another charset
    if is_kml_archive(path):
        if (len(stored) < len(listed) or links_inside(path)) and len(documents := kml_sources(path)) == 1:
            return documents[0]  # its one document, GDAL reading __MACOSX/._jd.kml beside it (or doc.kml's links) otherwise
        return readable_copy(path, archive=True)  # a KML zipped (to send it): read as a KMZ
    if len(folders) != 1 or "" in folders:
        return path
    return f"/vsizip/{path.resolve()}/{folders.pop()}"


def _name_encoding(infos) -> None:
    """Tell GDAL how the zip members ``infos`` not flagged UTF-8 name themselves: UTF-8 (Info-ZIP, macOS) or GBK
    (Windows in Chinese), not CP437, GDAL's default (the layers of 东湖街道.shp were named Σ╕£µ╣ûΦíùΘüô); GDAL reads
    each archive's list of members once, so the option set before it opens one holds for it. An archive of names in
    neither (CP437 indeed, or ASCII) clears the option: an earlier archive's is not its."""
    import pyogrio

    raw = b"".join(info.filename.encode("cp437") for info in infos if not info.flag_bits & 0x800
                   and not info.filename.isascii())
    for codec, option in (("utf-8", "UTF-8"), ("gb18030", "CP936")) if raw else ():
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue
        pyogrio.set_gdal_config_options({"CPL_ZIP_ENCODING": option})
        return
    pyogrio.set_gdal_config_options({"CPL_ZIP_ENCODING": None})  # GDAL's default (CP437), or the environment's


def zipped_geodatabases(names):
    """The File Geodatabases (``jd.gdb``, ``成果/jd.gdb``) among the member ``names`` of a zip archive."""
    found = set()
    for name in names:
        parts = name.split("/")
        depth = next((i for i, part in enumerate(parts[:-1]) if part.lower().endswith(".gdb")), None)
        if depth is not None:
            found.add("/".join(parts[:depth + 1]))
    return found


def is_geodatabase(path) -> bool:
    """Whether ``path`` is an ArcGIS File Geodatabase: a folder named ``*.gdb`` (GDAL's OpenFileGDB reads it)."""
    path = Path(path)
    return path.is_dir() and path.suffix.lower() == ".gdb"


def shapefiles_in(folder, *, levels=1):
    """The Shapefiles (``.shp``, in any case: ``ROADS.SHP`` from Windows) of ``folder`` and of
    its subfolders down to ``levels`` deep: the folder's own first, each level in name order."""
    patterns = ["/".join(["*"] * depth) for depth in range(1, levels + 1)]
    return [p for pattern in patterns for p in sorted(Path(folder).glob(pattern))
            if p.suffix.lower() == ".shp" and p.is_file()]


def mapinfo_in(folder):
    """The MapInfo files (``.tab``, ``.mif``, in any case) at the top of ``folder``, in name order (a Mac's ``._jd.tab``
    left out)."""
    return [p for p in sorted(Path(folder).iterdir()) if p.suffix.lower() in (".tab", ".mif") and p.is_file()
            and not is_resource_fork(p.name)]


def mapinfo_set(path, layer):
    """The file (``jd.tab``, ``jd.mif``) of the MapInfo set ``layer`` of the folder ``path`` holding several sets and
    no Shapefile (a delivery copied from a disc: 街道.tab beside 道路.tab); else None. Read as that file, it has the
    header check a lone set gets (:func:`geo.mapinfo_files.readable_mapinfo`): GDAL given the folder read a header
    naming GBK over UTF-8 text as 鐧界煶琛楅亾, and listed its columns with a ``UnicodeDecodeError``."""
    path = Path(path)
    if layer is None or not path.is_dir() or shapefiles_in(path) or len(sets := mapinfo_in(path)) < 2:
        return None
    return next((file for file in sets if file.stem == str(layer)), None)

