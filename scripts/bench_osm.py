#!/usr/bin/env python3
"""Benchmark reading a country-wide OSM extract for one district against reading the district's own.

A planner may pass a province's or the whole country's extract (Geofabrik's
``china-latest.osm.pbf``) with ``--osm``. This builds, with pyosmium, a seeded synthetic PBF of
``--ways`` named and unnamed road ways (8 nodes each) and a quarter as many named school nodes,
spread at random over 105-120 E, 28-40 N (Tianqiao at 117.0 E, 36.7 N inside), and a second
PBF holding only the features of the first that come within 60 km of Tianqiao's box. Each
file is read by :func:`geo.osm.load_osm` with Tianqiao's outline in its own subprocess; the
bench prints the median wall time of ``--repeat`` runs, the peak resident memory, the entries
found (the same in both) and the ratio country / district. Features lying wholly beyond
``settings.OSM_READ_BEYOND_M`` of the district are skipped before their tags are read, so the
ratio stays well below the ratio of the files' sizes.

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


def write_pbf(path, ways, near_only=False, seed=0):
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
        for lon, lat, number in pois:
            writer.add_node(osmium.osm.mutable.Node(id=10**9 + number, location=(lon, lat),
                                                    tags={"amenity": "school", "name": f"第{number}中学"}))
        for way in kept_ways:
            writer.add_way(way)
    return len(kept_ways)


_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
import geopandas
from geo.osm import load_osm
outline = geopandas.read_file({outline!r}).geometry.iloc[0]
start = time.perf_counter()
entries = load_osm({path!r}, outline, outside=[])
print(json.dumps({{"seconds": time.perf_counter() - start, "entries": len(entries),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def read_once(path):
    """{seconds, entries, peak_mb} of one load_osm of ``path`` in a fresh process."""
    code = _CHILD.format(root=str(ROOT), outline=str(ROOT / "geo" / "data" / "tianqiao_outline.geojson"),
                         path=str(path))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ways", type=int, default=300_000, help="road ways of the country-wide file")
    parser.add_argument("--repeat", type=int, default=3, help="runs per file (median is reported)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        country, district = Path(tmp) / "country.osm.pbf", Path(tmp) / "district.osm.pbf"
        n_country = write_pbf(country, args.ways)
        n_district = write_pbf(district, args.ways, near_only=True)
        runs = {name: [read_once(path) for _ in range(args.repeat)] for name, path in
                (("country", country), ("district", district))}
        for name, path, n in (("country", country, n_country), ("district", district, n_district)):
            seconds = statistics.median(r["seconds"] for r in runs[name])
            print(f"{name:8s} file: {path.stat().st_size / 1e6:6.1f} MB, {n:,} ways; load_osm {seconds:.2f} s "
                  f"(median of {args.repeat}), peak {max(r['peak_mb'] for r in runs[name]):.0f} MB, "
                  f"{runs[name][0]['entries']} entries")
        ratio = statistics.median(r["seconds"] for r in runs["country"]) / \
            statistics.median(r["seconds"] for r in runs["district"])
        print(f"country / district: {ratio:.1f}x the time for {country.stat().st_size / district.stat().st_size:.0f}x "
              "the bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
