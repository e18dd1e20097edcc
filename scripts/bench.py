#!/usr/bin/env python3
"""Start-up and build benchmarks: medians of several runs, and ratios measured in the same run.

Targets (issue #2): `geo --help` <= 2x `python -c "import click"`;
`geo build` <= 1.5x `python -c "import geopandas, folium"`. Also prints the size of
each map `geo build` writes (<= 300 KB, Leaflet inlined) and `geo render --cdn` writes.

Usage: python scripts/bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def median_seconds(command, repeat, cwd=None):
    """Median wall time in seconds of ``repeat`` runs of ``command`` (output discarded)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved_seconds(first, second, repeat, cwd=None):
    """(median of ``first``, median of ``second``, median of their per-pair ratios): the two
    commands run in turns, so a machine busier at one moment than another weighs on both."""
    pairs = [(median_seconds(first, 1, cwd), median_seconds(second, 1, cwd)) for _ in range(repeat)]
    return (statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs),
            statistics.median(a / b for a, b in pairs))


def compile_package(py):
    """Byte-compile the geo package ``py`` imports, once.

    A regular `pip install` byte-compiles the package; an editable install under
    PYTHONDONTWRITEBYTECODE=1 would recompile geo's source on every run (~40-80 ms), so compile
    it once, as installed dependencies (click, numpy, jieba) already are.
    """
    package_dir = subprocess.run([py, "-c", "import geo, os; print(os.path.dirname(geo.__file__))"],
                                 check=True, capture_output=True, text=True).stdout.strip()
    compileall.compile_dir(package_dir, quiet=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median is reported)")
    args = parser.parse_args()
    py = sys.executable
    geo = [py, "-m", "geo"]
    compile_package(py)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        # Warm the OS file cache once so the first measurement is not penalised.
        subprocess.run(geo + ["build", "--out-dir", tmp], check=True, capture_output=True)
        pairs = [
            ("geo --help", geo + ["--help"], 'python -c "import click"', [py, "-c", "import click"], 2.0),
            ("geo build", geo + ["build", "--out-dir", tmp], 'python -c "import geopandas, folium"',
             [py, "-c", "import geopandas, folium"], 1.5),
        ]
        for name, command, base_name, base, target in pairs:
            ours = median_seconds(command, args.repeat)
            bare = median_seconds(base, args.repeat)
            rows.append((name, ours, base_name, bare, ours / bare, target))
        print(f"medians of {args.repeat} runs, same session")
        for name, ours, base_name, bare, ratio, target in rows:
            verdict = "ok" if ratio <= target else "OVER TARGET"
            print(f"  {name:<11} {ours * 1000:8.0f} ms   vs {base_name:<38} {bare * 1000:8.0f} ms"
                  f"   ratio {ratio:5.2f}x (target <= {target}x) {verdict}")
        cdn_dir = Path(tmp) / "cdn"
        subprocess.run(geo + ["render", "--cdn", "-o", str(cdn_dir), "-p", f"{tmp}/projects.geojson",
                              "--layers-dir", f"{tmp}/layers"], check=True, capture_output=True)
        print("map sizes")
        # The default maps inline Leaflet (and the placing panel's library) so they open on an intranet.
        for label, directory, limit in (("default", Path(tmp) / "maps_out", 300), ("--cdn", cdn_dir, 300)):
            for path in sorted(directory.glob("*.html")):
                size = path.stat().st_size / 1024
                verdict = "ok" if size <= limit else "OVER TARGET"
                print(f"  {label:<8} {path.name:<16} {size:8.1f} KB (target <= {limit} KB) {verdict}")


if __name__ == "__main__":
    main()
