"""A Shapefile's ``.prj`` written in GBK: SuperMap, MapGIS or an ArcGIS on a Chinese Windows name the CRS in Chinese
(``PROJCS["高斯克吕格_CGCS2000_3度带_114E",GEOGCS["GCS_中国2000",…``), and GDAL, through pyogrio, failed to read the
CRS with ``local variable 'wkt' referenced before assignment``, naming nothing of the .prj. Such a Shapefile is read
from links to its files beside a UTF-8 copy of its ``.prj`` (the same WKT, its names in UTF-8), the user's folder left
as it is."""

from __future__ import annotations

import functools
from pathlib import Path

_COPIES = {}  # (resolved .prj path, its mtime, its size) -> the .shp of the copy

_PARTS = (".shp", ".shx", ".dbf", ".cpg", ".sbn", ".sbx")


def gbk_prj(path):
    """The ``.prj`` beside the Shapefile ``path`` when its text is no UTF-8 but GBK (GB18030); else None."""
    from geo import settings

    path = Path(path)
    if path.suffix.lower() != ".shp" or not path.is_file():
        return None
    prj = next((p for p in (path.with_suffix(".prj"), path.with_suffix(".PRJ")) if p.is_file()), None)
    if prj is None or prj.stat().st_size > settings.PRJ_MAX_BYTES:
        return None
    return prj if _is_gbk(prj.read_bytes()) else None


def gbk_prj_layer(path, layer):
    """The Shapefile of the folder ``path`` that is its ``layer`` (its one Shapefile when ``layer`` is None) when its
    .prj is in GBK (:func:`gbk_prj`): read as that file, through :func:`prj_copy`; else None."""
    from geo.vector_sources import shapefiles_in

    path = Path(path)
    if not path.is_dir() or path.suffix.lower() == ".gdb":
        return None
    files = shapefiles_in(path)
    file = next((f for f in files if f.stem == str(layer)), None) if layer is not None else \
        files[0] if len(files) == 1 else None
    return file if file is not None and gbk_prj(file) is not None else None


def prj_copy(path, prj) -> Path:
    """The Shapefile ``path`` as GDAL reads it: links to its parts in a folder of their own, its ``prj`` (GBK)
    beside them in UTF-8; made once for a version of the ``prj``."""
    import os
    import shutil

    from geo.kml_encoding import temporary_folder

    shp, prj = Path(path).resolve(), Path(prj).resolve()
    key = (prj, prj.stat().st_mtime_ns, prj.stat().st_size)
    if key not in _COPIES or not _COPIES[key].parent.exists():
        folder = temporary_folder("geo-prj-")
        for part in sorted(shp.parent.iterdir()):
            if part.stem == shp.stem and part.suffix.lower() in _PARTS:
                target = folder / f"{shp.stem}{part.suffix.lower()}"
                try:
                    os.symlink(part, target)
                except OSError:  # no symbolic links (Windows without the right): a copy
                    shutil.copyfile(part, target)
        (folder / f"{shp.stem}.prj").write_text(prj.read_bytes().decode("gb18030"), encoding="utf-8")
        _COPIES[key] = folder / f"{shp.stem}.shp"
    return _COPIES[key]


def zipped_prj_copy(path, names, folder):
    """For a zip archive ``path`` of Shapefiles in its ``folder`` ('' its top) whose member .prj (``names``, as
    stored) names a CRS in GBK: a folder of those Shapefiles unpacked, each .prj in UTF-8 (GDAL reads the archive
    otherwise with ``local variable 'wkt' referenced before assignment``); else None."""
    from geo.io import file_version

    prjs = [name for name in names if name.replace("\\", "/").rpartition("/")[0] == folder
            and name.lower().endswith(".prj")]
    version = file_version(path) if prjs else None
    return None if version is None else _unpacked(Path(path), version, tuple(names), folder, tuple(prjs))


@functools.lru_cache(maxsize=16)
def _unpacked(path, version, names, folder, prjs):
    """:func:`zipped_prj_copy` for one ``version`` of the archive: the folder, made once, or None."""
    import shutil
    import zipfile

    from geo import settings
    from geo.io import refuse_zip_bomb
    from geo.kml_encoding import temporary_folder
    from geo.mapinfo_files import shown_member

    with zipfile.ZipFile(path) as archive:
        texts = {name: archive.read(name) for name in prjs if archive.getinfo(name).file_size <= settings.PRJ_MAX_BYTES}
        if not any(_is_gbk(text) for text in texts.values()):
            return None
        members = [name for name in names if name.replace("\\", "/").rpartition("/")[0] == folder
                   and Path(name).suffix.lower() in _PARTS + (".prj",)]
        for name in members:  # a zip bomb is refused before a byte is written
            refuse_zip_bomb(path, archive.getinfo(name), shown=shown_member(name))
        copy = temporary_folder("geo-prj-")
        for name in members:
            target = copy / shown_member(name).replace("\\", "/").rpartition("/")[2]
            if name in texts and _is_gbk(texts[name]):
                target.write_text(texts[name].decode("gb18030"), encoding="utf-8")
                continue
            with archive.open(name) as source, open(target, "wb") as out:
                shutil.copyfileobj(source, out)
    return copy


def _is_gbk(text: bytes) -> bool:
    """Whether ``text`` is no UTF-8 but GBK (GB18030)."""
    for codec, wanted in (("utf-8", False), ("gb18030", True)):
        try:
            text.decode(codec)
            return wanted
        except UnicodeDecodeError:
            continue
    return False
