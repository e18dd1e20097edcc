"""A GIS project given where its data was wanted: a QGIS project, a MapInfo workspace, an ArcGIS map or layer file.

Such a file holds no features, only where its layers' files are and how they are drawn: GDAL says `not a vector
file GDAL reads`, which leaves a planner who opened the data by double-clicking the project without a clue.
:func:`check_project_file` names what it is and, for a QGIS project or a MapInfo workspace, the files of its
layers, read from its text.
"""

from __future__ import annotations

import re
from pathlib import Path

# A QGIS project's layer sources (<datasource>./街道.gpkg|layername=街道</datasource>) and a MapInfo workspace's
# tables (Open Table "街道.TAB" As 街道).
_QGIS_SOURCE = re.compile(r"<datasource>([^<]+)</datasource>")
_MAPINFO_TABLE = re.compile(r'(?im)^\s*Open\s+Table\s+"([^"]+)"')
_ARCGIS = {".mxd": "an ArcMap map document", ".aprx": "an ArcGIS Pro project", ".lyr": "an ArcMap layer file",
           ".lyrx": "an ArcGIS Pro layer file", ".mapx": "an ArcGIS Pro map file"}
_PROJECT_BYTES = 1 << 20
_SHOWN = 3


def check_project_file(path) -> None:
    """InputError when ``path`` is a GIS project rather than a layer's data, naming what it is and the files of
    its layers (their first :data:`_SHOWN`) when its text gives them; nothing for any other file."""
    from geo.io import InputError

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _ARCGIS:
        raise InputError(path, f"is {_ARCGIS[suffix]}, which holds no features, only how its layers are drawn: "
                               "give the layer's data (a Shapefile, a File Geodatabase .gdb folder; ArcGIS: Data > "
                               "Export Features)")
    if suffix not in (".qgs", ".qgz", ".wor") or not path.is_file():
        return
    kind, sources = ("a MapInfo workspace", _workspace_tables(path)) if suffix == ".wor" else \
        ("a QGIS project", _qgis_sources(path))
    if sources is None:
        return  # not what its name says: GDAL's message stands
    shown = "、".join(sources[:_SHOWN]) + ("…" if len(sources) > _SHOWN else "")
    said = f" ({shown})" if sources else ""
    raise InputError(path, f"is {kind}, which holds no features, only where its layers' files are{said}: give the "
                           "layer's file")


def _qgis_sources(path):
    """The layer sources a .qgs (or the .qgs in a .qgz) names, in order and once each; None when it is none."""
    import html
    import zipfile

    from geo.dbf import read_sidecar

    if path.suffix.lower() == ".qgz":
        try:
            with zipfile.ZipFile(path) as archive:
                inner = next((name for name in archive.namelist() if name.lower().endswith(".qgs")), None)
                if inner is None:
                    return None
                with archive.open(inner) as handle:
                    text = handle.read(_PROJECT_BYTES)
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError):
            return None
    else:
        text = read_sidecar(path, lambda handle: handle.read(_PROJECT_BYTES))
    text = text.decode("utf-8", errors="replace")
    if "<qgis" not in text:
        return None
    return list(dict.fromkeys(html.unescape(source.strip()) for source in _QGIS_SOURCE.findall(text) if source.strip()))


def _workspace_tables(path):
    """The tables a MapInfo workspace opens, in order and once each; None when it is no workspace."""
    from geo.dbf import read_sidecar
    from geo.text_codecs import detect_cjk_codec

    data = read_sidecar(path, lambda handle: handle.read(_PROJECT_BYTES))
    text = data.decode(detect_cjk_codec(data) or "utf-8", errors="replace")
    if not text.lstrip().lower().startswith("!workspace"):
        return None
    return list(dict.fromkeys(_MAPINFO_TABLE.findall(text)))
