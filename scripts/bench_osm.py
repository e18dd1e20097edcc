#!/usr/bin/env python3
"""Benchmark reading a country-wide OSM extract for one district against reading the district's own.

A planner may pass a province's or the whole country's extract (Geofabrik's
``china-latest.osm.pbf``) with ``--osm``. This builds, with pyosmium, a seeded synthetic PBF of
``--ways`` named and unnamed road ways (8 nodes each) and a quarter as many named school nodes,
spread at random over 105-120 E, 28-40 N (Tianqiao at 117.0 E, 36.7 N inside), one
``boundary=administrative`` ``admin_level=8`` relation (a square of four ways) per
``--per-boundary`` ways, and a second PBF holding only the features of the first that come
within 60 km of Tianqiao's box. Each file is read in its own subprocess as a run with ``--osm``
reads it for Tianqiao: its 街道 boundaries (:func:`geo.boundaries.load_boundaries` with the
extract, the boundary pass of :mod:`geo.osm_boundaries`; a tree without it reads the bundled
boundaries) and its gazetteer (:func:`geo.osm.load_osm` with Tianqiao's outline). The bench
prints the median wall time of ``--repeat`` runs (both steps, and the boundary step alone), the
peak resident memory, the entries found (the same in both) and the ratio country / district.
Features lying wholly beyond ``settings.OSM_READ_BEYOND_M`` of the district are skipped before
their tags are read, so the ratio stays well below the ratio of the files' sizes.

    python scripts/bench_osm.py                  # 300,000 ways, 3 runs each
    python scripts/bench_osm.py --ways 1000000 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEAR_DEGREES = (116.2, 36.1, 117.8, 37.3)  # Tianqiao's box widened by about 60 km


def write_pbf(path, ways, near_only=False, seed=0, per_boundary=100):
    """Write the synthetic extract (see the module docstring); ``near_only`` keeps the features
    within NEAR_DEGREES only. Returns the number of ways written."""
    import osmium

    rng = random.Random(seed)
    west, south, east, north = NEAR_DEGREES
    near = (lambda lon, lat: west <= lon <= east and south <= lat <= north) if near_only else (lambda lon, lat: True)
    node_id, kept_ways, pois = 1, [], []
    with osmium.SimpleWriter(str(path)) as writer:
        for number in range(ways):
            lon0, lat0 = rng.uniform(105, 120), rng.uniform(28, 40)
            highway = rng.choice(["residential", "tertiary", "primary"])
            tags = {"highway": "service"} if number % 3 == 0 else {"highway": highway, "name": f"测试{number % 5000}路"}
            if not near(lon0, lat0):
                continue
            refs = []
            for step in range(8):
                writer.add_node(osmium.osm.mutable.Node(id=node_id, location=(lon0 + step * 0.001,
                                                                              lat0 + (step % 2) * 0.0005)))
                refs.append(node_id)
                node_id += 1
            kept_ways.append(osmium.osm.mutable.Way(id=number + 1, nodes=refs, tags=tags))
        for number in range(ways // 4):
            lon, lat = rng.uniform(105, 120), rng.uniform(28, 40)
            if near(lon, lat):
                pois.append((lon, lat, number))
        boundaries = _boundaries(rng, ways // per_boundary if per_boundary else 0, near, node_id, ways + 1)
        for node in boundaries[0]:  # ids after the roads' nodes, before the schools'
            writer.add_node(node)
        for lon, lat, number in pois:
            writer.add_node(osmium.osm.mutable.Node(id=10**9 + number, location=(lon, lat),
                                                    tags={"amenity": "school", "name": f"第{number}中学"}))
        for way in kept_ways + boundaries[1]:
            writer.add_way(way)
        for relation in boundaries[2]:
            writer.add_relation(relation)
    return len(kept_ways)


def _boundaries(rng, count, near, node_id, way_id):
    """``(nodes, ways, relations)`` of ``count`` admin_level 8 boundaries: squares of 0.05 degrees,
    each of four ways (one per side, corners shared), spread like the roads."""
    import osmium

    nodes, ways, relations = [], [], []
    for number in range(count):
        lon, lat = rng.uniform(105, 120), rng.uniform(28, 40)
        if not near(lon, lat):
            continue
        corners = []
        for x, y in ((lon, lat), (lon + 0.05, lat), (lon + 0.05, lat + 0.05), (lon, lat + 0.05)):
            nodes.append(osmium.osm.mutable.Node(id=node_id, location=(x, y)))
            corners.append(node_id)
            node_id += 1
        members = []
        for side in range(4):
            ways.append(osmium.osm.mutable.Way(id=way_id, nodes=[corners[side], corners[(side + 1) % 4]]))
            members.append(("w", way_id, "outer"))
            way_id += 1
        relations.append(osmium.osm.mutable.Relation(id=number + 1, members=members, tags={
            "type": "boundary", "boundary": "administrative", "admin_level": "8", "name": f"测试{number}街道"}))
    return nodes, ways, relations


_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
import geopandas
from geo.osm import load_osm
outline = geopandas.read_file({outline!r}).geometry.iloc[0]
import inspect
from geo.boundaries import load_boundaries
start = time.perf_counter()
if "osm_path" in inspect.signature(load_boundaries).parameters:
    load_boundaries(district_code="370105", osm_path={path!r})
else:
    load_boundaries(district_code="370105")
boundaries = time.perf_counter() - start
entries = load_osm({path!r}, outline, outside=[])
print(json.dumps({{"seconds": time.perf_counter() - start, "boundaries": boundaries, "entries": len(entries),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def read_once(path):
    """{seconds, boundaries, entries, peak_mb} of one run's reading of ``path`` in a fresh process."""
    code = _CHILD.format(root=str(ROOT), outline=str(ROOT / "geo" / "data" / "tianqiao_outline.geojson"),
                         path=str(path))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ways", type=int, default=300_000, help="road ways of the country-wide file")
    parser.add_argument("--repeat", type=int, default=3, help="runs per file (median is reported)")
    parser.add_argument("--per-boundary", type=int, default=100,
                        help="road ways per admin_level 8 boundary relation (0: none)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        country, district = Path(tmp) / "country.osm.pbf", Path(tmp) / "district.osm.pbf"
        n_country = write_pbf(country, args.ways, per_boundary=args.per_boundary)
        n_district = write_pbf(district, args.ways, near_only=True, per_boundary=args.per_boundary)
        runs = {name: [read_once(path) for _ in range(args.repeat)] for name, path in
                (("country", country), ("district", district))}
        for name, path, n in (("country", country, n_country), ("district", district, n_district)):
            seconds = statistics.median(r["seconds"] for r in runs[name])
            bounds = statistics.median(r["boundaries"] for r in runs[name])
            print(f"{name:8s} file: {path.stat().st_size / 1e6:6.1f} MB, {n:,} ways; boundaries + load_osm {seconds:.2f} s "
                  f"(boundaries {bounds:.2f} s; median of {args.repeat}), peak {max(r['peak_mb'] for r in runs[name]):.0f} MB, "
                  f"{runs[name][0]['entries']} entries")
        ratio = statistics.median(r["seconds"] for r in runs["country"]) / \
            statistics.median(r["seconds"] for r in runs["district"])
        print(f"country / district: {ratio:.1f}x the time for {country.stat().st_size / district.stat().st_size:.0f}x "
              "the bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
