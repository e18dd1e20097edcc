"""Benchmark geo.join.allocate_to_zones against bare geopandas (sjoin for points, overlay for lines).

Synthetic data around Jinan in EPSG:4548: 40,000 zones (Voronoi cells of random seeds,
or a regular grid), 1,000,000 random points and 100,000 random lines of 2-5 vertices,
drawn over a box 5% larger than the zones so that some fall outside. Each measurement
runs in its own subprocess, which rebuilds the same seeded data, times one call and
reports its peak resident memory during that call: the kernel's high-water mark
(VmHWM) is reset once the data is built, so the peak is the call's own, not the data
generation's (GEOS allocations are invisible to tracemalloc; where the reset is not
permitted, ru_maxrss of the whole process is reported instead). Prints the median time
of --repeat runs, the ratio ours/bare and the memory.

    python scripts/bench_join.py                 # full size, 3 runs each
    python scripts/bench_join.py --scale 0.01    # quick run at 1% of the sizes
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import resource
import statistics
import subprocess
import sys
import time

FULL_ZONES = 40_000
FULL_POINTS = 1_000_000
FULL_LINES = 100_000

# Jinan's urban core (117.0E, 36.67N) in EPSG:4548, and the size of the zoned box in metres.
CENTRE_LONLAT = (117.0, 36.67)
EXTENT_M = (60_000.0, 40_000.0)

MEASUREMENTS = [("points", "ours"), ("points", "bare"), ("lines", "ours"), ("lines", "bare")]


def main(argv=None):
    """Run the benchmark (or, with --worker, one measurement) and print the results."""
    args = _parse_args(argv)
    if args.worker:
        kind, method = args.worker.split(":")
        print(json.dumps(_measure(kind, method, args)))
        return 0
    sizes = _sizes(args.scale)
    print(f"bench_join: {sizes['zones']:,} {args.zones} zones, {sizes['points']:,} points, "
          f"{sizes['lines']:,} lines; input CRS EPSG:{args.crs}; {args.repeat} run(s) each, "
          f"one subprocess per run; seed {args.seed}")
    results = {}
    wanted = [m for m in MEASUREMENTS if args.only in ("all", m[0])]
    for kind, method in wanted:
        runs = [_run_worker(kind, method, args) for _ in range(args.repeat)]
        results[(kind, method)] = runs
        times = [r["seconds"] for r in runs]
        peak = max(r["peak_rss_mb"] for r in runs)
        base = max(r["base_rss_mb"] for r in runs)
        print(f"  {kind:<6} {method:<4}  median {statistics.median(times):8.3f} s  "
              f"(min {min(times):.3f}, max {max(times):.3f})  "
              f"peak RSS {peak:7.1f} MB = data {base:.1f} + call {peak - base:.1f}"
              f"{'' if runs[0]['peak_is_call'] else ' (whole process)'}  "
              f"rows {runs[0]['rows']:,}  {runs[0]['check']}", flush=True)
    for kind in ("points", "lines"):
        if (kind, "ours") in results and (kind, "bare") in results:
            ours = statistics.median(r["seconds"] for r in results[(kind, "ours")])
            bare = statistics.median(r["seconds"] for r in results[(kind, "bare")])
            ratio = ours / bare if bare > 0 else float("inf")
            verdict = "ok" if ratio <= 1.1 else "ABOVE the 1.1x target"
            print(f"ratio {kind}: ours/bare = {ratio:.2f}x ({verdict})")
    return 0


def _parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="fraction of the full sizes (40k zones, 1M points, 100k lines); default 1")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median reported); default 3")
    parser.add_argument("--seed", type=int, default=20240301, help="random seed of the synthetic data")
    parser.add_argument("--zones", choices=("voronoi", "grid"), default="voronoi", help="zone shapes; default voronoi")
    parser.add_argument("--crs", choices=("4548", "4326"), default="4548",
                        help="CRS the inputs are given in (4326 adds reprojection to both sides); default 4548")
    parser.add_argument("--only", choices=("all", "points", "lines"), default="all", help="which measurements")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scale <= 0 or args.repeat < 1:
        parser.error("--scale must be positive and --repeat at least 1")
    return args


def _sizes(scale):
    return {
        "zones": max(4, round(FULL_ZONES * scale)),
        "points": max(10, round(FULL_POINTS * scale)),
        "lines": max(10, round(FULL_LINES * scale)),
    }


def _run_worker(kind, method, args):
    command = [sys.executable, __file__, "--worker", f"{kind}:{method}", "--scale", str(args.scale),
               "--seed", str(args.seed), "--zones", args.zones, "--crs", args.crs]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"bench_join: worker {kind}:{method} failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _measure(kind, method, args):
    """Build the data, then time one call; memory is this process's peak RSS."""
    import geopandas as gpd

    from geo.join import allocate_to_zones

    METRIC_CRS = _metric_crs()

    zones, points, lines = _synthesise(_sizes(args.scale), args.seed, args.zones)
    if args.crs != "4548":
        zones, points, lines = (frame.to_crs(int(args.crs)) for frame in (zones, points, lines))
    projects = points if kind == "points" else lines
    if kind == "points":
        del lines
    else:
        del points
    gc.collect()
    _release_free_heap()
    peak_is_call = _reset_peak_rss()
    base_rss = _status_mb("VmRSS")
    start = time.perf_counter()
    if method == "ours":
        result = allocate_to_zones(projects, zones)
        rows = len(result)
        check = (f"placed {result['id'].nunique():,}" if kind == "points"
                 else f"km {result['km'].sum():.3f}")
    elif kind == "points":
        result = gpd.sjoin(projects, zones, predicate="within")
        rows = len(result)
        check = f"placed {result.index.nunique():,}"
    else:
        result = gpd.overlay(projects, zones, how="intersection", keep_geom_type=True)
        metric = result.geometry if result.crs == METRIC_CRS else result.geometry.to_crs(METRIC_CRS)
        km = metric.length / 1000.0
        rows = len(result)
    seconds = time.perf_counter() - start
    if method == "bare" and kind == "lines":
        # geo.join measures lengths along the ellipsoid: so does the check (not timed).
        from pyproj import Geod

        geod = Geod(ellps="WGS84")
        check = f"km {sum(geod.geometry_length(g) for g in result.geometry.to_crs(4326)) / 1000.0:.3f}"
    if peak_is_call:
        peak = _status_mb("VmHWM")
    else:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux
    return {"seconds": seconds, "peak_rss_mb": peak, "base_rss_mb": base_rss, "peak_is_call": peak_is_call,
            "rows": rows, "check": check}


def _metric_crs():
    """The metric CRS geo.join measures the synthetic district in (EPSG:4548, CM 117E, for Jinan)."""
    import shapely

    from geo.crs import metric_crs_for

    return metric_crs_for(shapely.Point(*CENTRE_LONLAT))


def _synthesise(sizes, seed, zone_kind):
    """Seeded zones, points and lines in EPSG:4548 around Jinan."""
    import geopandas as gpd
    import numpy as np
    import shapely
    from pyproj import Transformer

    METRIC_CRS = _metric_crs()
    rng = np.random.default_rng(seed)
    cx, cy = Transformer.from_crs(4326, METRIC_CRS, always_xy=True).transform(*CENTRE_LONLAT)
    width, height = EXTENT_M
    x0, y0, x1, y1 = cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2
    extent = shapely.box(x0, y0, x1, y1)
    n = sizes["zones"]
    if zone_kind == "grid":
        cols = max(2, int(round((n * width / height) ** 0.5)))
        rows = max(2, int(round(n / cols)))
        xs = np.linspace(x0, x1, cols + 1)
        ys = np.linspace(y0, y1, rows + 1)
        gx, gy = np.meshgrid(xs[:-1], ys[:-1])
        cells = shapely.box(gx.ravel(), gy.ravel(), gx.ravel() + (xs[1] - xs[0]), gy.ravel() + (ys[1] - ys[0]))
    else:
        seeds = shapely.points(rng.uniform(x0, x1, n), rng.uniform(y0, y1, n))
        cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=extent,
                                                           ordered=True))
        cells = shapely.intersection(cells, extent)
    zones = gpd.GeoDataFrame({"code": [f"Z{i:06d}" for i in range(len(cells))],
                              "name": [f"街道{i}" for i in range(len(cells))]},
                             geometry=cells, crs=METRIC_CRS)
    # Projects are drawn over a box 5% wider and taller, so some lie outside every zone.
    mx, my = width * 0.025, height * 0.025
    m = sizes["points"]
    points = gpd.GeoDataFrame({"id": np.arange(m)},
                              geometry=shapely.points(rng.uniform(x0 - mx, x1 + mx, m),
                                                      rng.uniform(y0 - my, y1 + my, m)),
                              crs=METRIC_CRS)
    k = sizes["lines"]
    vertices = rng.integers(2, 6, k)
    owner = np.repeat(np.arange(k), vertices)
    start_x = rng.uniform(x0 - mx, x1 + mx, k)[owner]
    start_y = rng.uniform(y0 - my, y1 + my, k)[owner]
    # A random walk of 50-300 m steps: streets a few hundred metres long.
    steps = rng.uniform(50.0, 300.0, owner.size)
    angles = rng.uniform(0.0, 2 * np.pi, owner.size)
    first = np.r_[0, np.cumsum(vertices)[:-1]]
    dx, dy = steps * np.cos(angles), steps * np.sin(angles)
    dx[first], dy[first] = 0.0, 0.0
    walk_x = np.cumsum(dx) - np.repeat(np.cumsum(dx)[first] - dx[first], vertices)
    walk_y = np.cumsum(dy) - np.repeat(np.cumsum(dy)[first] - dy[first], vertices)
    coords = np.column_stack([start_x + walk_x, start_y + walk_y])
    lines = gpd.GeoDataFrame({"id": np.arange(k)}, geometry=shapely.linestrings(coords, indices=owner),
                             crs=METRIC_CRS)
    return zones, points, lines


def _release_free_heap():
    """Hand memory freed while building the data back to the OS (glibc), so the call
    cannot grow into it unseen and its RSS increase is its own."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _reset_peak_rss() -> bool:
    """Reset this process's RSS high-water mark (Linux 4.0+); False where not permitted."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def _status_mb(key):
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(f"{key}:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


if __name__ == "__main__":
    sys.exit(main())
