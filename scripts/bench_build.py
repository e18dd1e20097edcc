#!/usr/bin/env python3
"""Whole-pipeline benchmark: `geo build` and the exports with every input large at once, at two sizes.

A city-wide or big-district run gives `geo build` a year's reports and plans (megabytes, thousands
of projects), a large gazetteer, an official 街道 file with detailed polygons and an OSM extract
with many named roads, all at once. This bench makes seeded synthetic inputs of that kind in a
temporary folder, twice: a small set and one 4x larger in every input, namely

- ``report.txt``: the repository's report text (scripts/bench_extract.py's ``corpus_text``), a
  line in every ``REPORT_TEMPLATE_EVERY`` replaced by a sentence of eight projects with names made
  up for it (the corpus repeated yields the same ~2,000 projects again; these scale);
- ``gazetteer.csv``: the made-up facilities (points), half the made-up roads (lines of a few
  vertices) and 片区 (small polygons), then filler rows, points and lines, to the row count;
- ``jiedao.gpkg``: 街道 cut from Tianqiao's outline as Voronoi cells of random seeds, densified to
  ``VERTICES_PER_ZONE`` vertices each, in EPSG:4548, fields ``name`` and ``code``;
- ``extract.osm.pbf``: named road ways (the other half of the made-up roads, each in three ways,
  then filler roads) and unnamed service ways in Tianqiao's box.

Each size runs the real CLI in subprocesses: `geo build` (its stage lines, printed on a terminal,
are read through a pseudo-terminal and timed: extract, geocode, join, coverage, render, where
coverage includes writing the catalog, the layers, the coverage tables and the workbook, and
render the maps and moving every output into place), then `geo export all` as gpkg, shp and csv.
It prints each stage's wall time (median of ``--repeat`` runs), the peak resident memory of each
process, the sizes of the outputs, the large/small ratio of each figure (4x the input: 4.0 is
linear) and, with Chromium and selenium installed, the time headless Chromium takes to open
``projects.html`` and ``coverage.html``, draw them and zoom in a level. No threshold is asserted.

Every input lies in Tianqiao's outline, at both sizes: the large set's 街道 are 4x as many and a
quarter the size, so a road crosses twice as many 街道 edges per km, and the pieces of roads and
areas the join cuts at the edges grow about 8x, not 4x (the join's time about 4x-6x).

    python scripts/bench_build.py                         # small: 1/4 of the sizes below; large: 2 MB report,
                                                          # 100,000 gazetteer rows, 300 街道 x 5,000 vertices,
                                                          # 40,000 OSM ways
    python scripts/bench_build.py --factor 0.25 --repeat 3
    python scripts/bench_build.py --keep /tmp/bench_out   # keep the large run's inputs and outputs (to diff)
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import corpus_text  # noqa: E402  (scripts/bench_extract.py)

LARGE = {"report_bytes": 2_000_000, "gazetteer_rows": 100_000, "zones": 300, "osm_ways": 40_000}
VERTICES_PER_ZONE = 5_000
REPORT_TEMPLATE_EVERY = 6  # one made-up line of eight projects per this many report lines
STAGES = ("extract", "geocode", "join", "coverage", "render")
EXPORTS = ("gpkg", "shp", "csv")
STEM_CHARACTERS = ("安宝北滨博昌成城崇春大德东丰福富阜港高光广海和河华怀惠吉嘉建江金锦京景康乐利丽林龙鲁马民明南"
                   "宁平浦齐庆荣瑞山盛胜石顺泰唐天通同文西祥新兴秀阳永玉裕振正中")


# --------------------------------------------------------------------------- inputs


class Stems:
    """Unique made-up place-name stems (two to four characters), seeded."""

    def __init__(self, rng):
        self.rng, self.seen = rng, set()

    def __call__(self):
        while True:
            stem = "".join(self.rng.choice(STEM_CHARACTERS) for _ in range(self.rng.choice((2, 3, 3, 4))))
            if stem not in self.seen:
                self.seen.add(stem)
                return stem


def make_inputs(folder, sizes, seed=0):
    """Write report.txt, gazetteer.csv, jiedao.gpkg and extract.osm.pbf into ``folder`` (see the
    module docstring); returns a dict of what was made (counts)."""
    import geopandas
    import shapely

    rng = random.Random(seed)
    stems = Stems(rng)
    outline = geopandas.read_file(ROOT / "geo" / "data" / "tianqiao_outline.geojson").geometry.iloc[0]
    shapely.prepare(outline)
    folder = Path(folder)
    roads, places, areas = _write_report(folder / "report.txt", sizes["report_bytes"], stems)
    rows = _write_gazetteer(folder / "gazetteer.csv", sizes["gazetteer_rows"], roads[::2], places, areas,
                            stems, rng, outline)
    vertices = _write_zones(folder / "jiedao.gpkg", sizes["zones"], stems, rng, outline)
    ways = _write_osm(folder / "extract.osm.pbf", sizes["osm_ways"], roads[1::2], stems, rng, outline)
    return {"report_bytes": (folder / "report.txt").stat().st_size, "made_up_projects": len(roads) + len(places)
            + len(areas), "gazetteer_rows": rows, "zones": sizes["zones"], "zone_vertices": vertices,
            "osm_ways": ways}


def _write_report(path, size, stems):
    """The report: corpus lines, every REPORT_TEMPLATE_EVERY-th a made-up sentence of eight projects.
    Returns (road names, facility names, 片区 names) it made up."""
    lines = corpus_text(size).splitlines()
    roads, places, areas = [], [], []
    for index in range(0, len(lines), REPORT_TEMPLATE_EVERY):
        a, b, c, d, e, f, g, h = (stems() for _ in range(8))
        roads += [f"{a}路", f"{b}路", f"{h}街"]
        places += [f"{c}小学", f"{d}中学", f"{e}公园", f"{f}社区卫生服务中心"]
        areas.append(f"{g}片区")
        lines[index] = (f"实施{a}路、{b}路提升改造，新建{c}小学、{d}中学，建成{e}公园、{f}社区卫生服务中心，"
                        f"完成{g}片区棚户区改造，打通{h}街。")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return roads, places, areas


def _random_points(rng, outline, count):
    """``count`` random (lon, lat) inside ``outline``."""
    import shapely

    west, south, east, north = outline.bounds
    points = []
    while len(points) < count:
        lon, lat = rng.uniform(west, east), rng.uniform(south, north)
        if shapely.contains_xy(outline, lon, lat):
            points.append((lon, lat))
    return points


def _road(rng, lon, lat, vertices):
    """A wandering road from (lon, lat): ``vertices`` points about 150 m apart."""
    heading, coords = rng.uniform(0, 6.283), [(lon, lat)]
    import math

    for _ in range(vertices - 1):
        heading += rng.uniform(-0.3, 0.3)
        lon, lat = lon + 0.0017 * math.cos(heading), lat + 0.0013 * math.sin(heading)
        coords.append((lon, lat))
    return coords


def _write_gazetteer(path, rows, roads, places, areas, stems, rng, outline):
    import csv

    named = [(name, "road") for name in roads] + [(name, "point") for name in places] \
        + [(name, "area") for name in areas]
    while len(named) < rows:
        named.append((f"{stems()}{rng.choice(('路', '街', '巷'))}", "road") if len(named) % 2
                     else (f"{stems()}{rng.choice(('大厦', '小区', '广场', '商场'))}", "point"))
    points = _random_points(rng, outline, len(named))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "feature_type", "wkt", "source_datum"])
        for (name, kind), (lon, lat) in zip(named, points):
            if kind == "road":
                wkt = "LINESTRING (" + ", ".join(f"{x:.6f} {y:.6f}" for x, y in _road(rng, lon, lat, 6)) + ")"
            elif kind == "area":
                d = 0.002
                wkt = (f"POLYGON (({lon:.6f} {lat:.6f}, {lon + d:.6f} {lat:.6f}, {lon + d:.6f} {lat + d:.6f}, "
                       f"{lon:.6f} {lat + d:.6f}, {lon:.6f} {lat:.6f}))")
            else:
                wkt = f"POINT ({lon:.6f} {lat:.6f})"
            writer.writerow([name, "road" if kind == "road" else "", wkt, "wgs84"])
    return len(named)


def _write_zones(path, count, stems, rng, outline):
    """Voronoi cells of ``count`` seeds clipped to the outline, densified; returns the vertices."""
    import geopandas
    import shapely

    seeds = shapely.multipoints(_random_points(rng, outline, count))
    cells = shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=outline.buffer(0.01)))
    metric = geopandas.GeoSeries([outline], crs="EPSG:4326").to_crs("EPSG:4548").iloc[0]
    cells = geopandas.GeoSeries(cells, crs="EPSG:4326").to_crs("EPSG:4548")
    # Each seed's cell, in the seeds' order (voronoi_polygons does not keep it).
    seed_points = geopandas.GeoSeries(shapely.get_parts(seeds), crs="EPSG:4326").to_crs("EPSG:4548")
    ordered = [next(cell for cell in cells if cell.contains(point)) for point in seed_points]
    zones = []
    for cell in ordered:
        clipped = shapely.intersection(cell, metric)
        zones.append(shapely.segmentize(clipped, clipped.length / VERTICES_PER_ZONE))
    frame = geopandas.GeoDataFrame({"name": [f"{stems()}街道" for _ in zones],
                                    "code": [f"370105{number:03d}" for number in range(1, len(zones) + 1)]},
                                   geometry=zones, crs="EPSG:4548")
    os.environ.setdefault("OGR_CURRENT_DATE", "2000-01-01T00:00:00Z")  # the same bytes for the same seed
    frame.to_file(path, driver="GPKG", layer="jiedao")
    return int(shapely.get_num_coordinates(frame.geometry.values).sum())


def _write_osm(path, ways, roads, stems, rng, outline):
    """Named roads (each made-up road in three ways, then filler names in one to three) and
    unnamed service ways, 8 nodes a way; returns the ways written."""
    import osmium

    west, south, east, north = outline.bounds
    node_id, way_id, written = 1, 1, 0
    names, made_up = list(roads), set(roads)
    with osmium.SimpleWriter(str(path)) as writer:
        pending_ways = []
        while written < ways:
            if written % 4 == 3:
                name, pieces = None, 1
            else:
                name = names.pop() if names else f"{stems()}{rng.choice(('路', '大街', '大道'))}"
                pieces = 3 if name in made_up else rng.choice((1, 2, 3))
            coords = _road(rng, rng.uniform(west, east), rng.uniform(south, north), 7 * pieces + 1)
            refs = []
            for lon, lat in coords:
                writer.add_node(osmium.osm.mutable.Node(id=node_id, location=(lon, lat)))
                refs.append(node_id)
                node_id += 1
            tags = {"highway": "tertiary", "name": name} if name else {"highway": "service"}
            for piece in range(pieces):
                pending_ways.append(osmium.osm.mutable.Way(id=way_id, nodes=refs[7 * piece:7 * piece + 8], tags=tags))
                way_id += 1
                written += 1
        for way in pending_ways:
            writer.add_way(way)
    return written


# --------------------------------------------------------------------------- runs


def run_timed(command, cwd, *, terminal=False):
    """Run ``command``; returns (wall seconds, peak RSS in MB, {stage: seconds since start it began}).

    With ``terminal`` its stderr is a pseudo-terminal, so `geo build` prints its stage lines
    (``extract: ...``), timed here as they arrive.
    """
    env = dict(os.environ, PYTHONPATH=str(ROOT), SOURCE_DATE_EPOCH="0", COLUMNS="120")
    marks, master = {}, None
    start = time.perf_counter()
    if terminal:
        master, slave = pty.openpty()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=slave,
                                   stdin=subprocess.DEVNULL)
        os.close(slave)
        reader = threading.Thread(target=_read_marks, args=(master, start, marks), daemon=True)
        reader.start()
    else:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if terminal:
        reader.join(timeout=5)
    errors = "" if terminal else process.stderr.read().decode("utf-8", "replace")
    if process.returncode:
        raise SystemExit(f"{' '.join(map(str, command))} failed ({process.returncode}): {errors.strip()[-2000:]}")
    return wall, usage.ru_maxrss / 1024, marks


def _read_marks(master, start, marks):
    buffer = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        buffer += chunk
        *lines, buffer = buffer.replace(b"\r", b"\n").split(b"\n")
        for line in lines:
            word = line.decode("utf-8", "replace").split(":", 1)[0].strip()
            if word in STAGES and word not in marks:
                marks[word] = time.perf_counter() - start
    os.close(master)


def stage_seconds(wall, marks):
    """{stage: seconds} from the times the stage lines came (the last stage runs to the exit)."""
    begun = [(marks[stage], stage) for stage in STAGES if stage in marks]
    return {stage: (begun[i + 1][0] if i + 1 < len(begun) else wall) - at for i, (at, stage) in enumerate(begun)}


def measure(folder, repeat, geo):
    """Run the build and the exports ``repeat`` times in ``folder``; returns the medians."""
    inputs = ["--report", "report.txt", "--gazetteer", "gazetteer.csv", "--osm", "extract.osm.pbf",
              "--districts", "jiedao.gpkg", "--name-field", "name", "--code-field", "code"]
    runs = []
    for _ in range(repeat):
        figures = {}
        wall, peak, marks = run_timed(geo + ["build", *inputs], folder, terminal=True)
        figures.update({f"build {stage}": seconds for stage, seconds in stage_seconds(wall, marks).items()})
        figures["build total"], figures["build peak MB"] = wall, peak
        for fmt in EXPORTS:
            target = f"exports/all.gpkg" if fmt == "gpkg" else f"exports/{fmt}/"
            wall, peak, _ = run_timed(geo + ["export", "all", "--format", fmt, "-o", target], folder)
            figures[f"export {fmt}"], figures[f"export {fmt} peak MB"] = wall, peak
        runs.append(figures)
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def output_sizes(folder):
    """Sizes in bytes of the outputs a planner opens (files, and the exports' folders as totals)."""
    folder = Path(folder)
    sizes = {}
    for name in ("projects.geojson", "maps_out/projects.html", "maps_out/coverage.html", "maps_out/coverage.csv",
                 "maps_out/coverage_gaps.csv", "maps_out/coverage.xlsx", "maps_out/coverage.md",
                 "exports/all.gpkg"):
        sizes[name] = (folder / name).stat().st_size
    for name in ("layers", "exports/shp", "exports/csv"):
        sizes[name + "/"] = sum(p.stat().st_size for p in (folder / name).rglob("*") if p.is_file())
    catalog = json.loads((folder / "projects.geojson").read_text(encoding="utf-8"))["features"]
    sizes["projects (count)"] = len(catalog)
    sizes["located (count)"] = sum(1 for f in catalog if f["geometry"] is not None)
    return sizes


# Zoom the page's map in one level and wait for the redraw: milliseconds (how a planner feels the map).
ZOOM_JS = """
var done = arguments[arguments.length - 1], map = window[document.querySelector('.folium-map').id];
var start = performance.now();
map.once('zoomend', function () { requestAnimationFrame(function () { requestAnimationFrame(function () {
    done(performance.now() - start); }); }); });
map.setZoom(map.getZoom() + 1, {animate: false});
"""


def browser_open(folder):
    """{page: (seconds to load and draw, SVG paths drawn, JS heap MB, seconds to zoom in a level and
    redraw)} in headless Chromium, or {}."""
    chromium, driver_path = shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
    except ImportError:
        return {}
    if not chromium or not driver_path:
        return {}
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="bench-chromium-")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--window-size=1200,900", f"--user-data-dir={profile}",
                 "--enable-precise-memory-info", "--host-resolver-rules=MAP * ~NOTFOUND"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver_path))
    driver.set_page_load_timeout(600)
    driver.set_script_timeout(600)
    results = {}
    try:
        for page in ("projects.html", "coverage.html"):
            driver.get("about:blank")
            start = time.perf_counter()
            driver.get((Path(folder) / "maps_out" / page).as_uri())  # returns at the load event
            paths = driver.execute_script(
                "return new Promise(function (done) { requestAnimationFrame(function () { requestAnimationFrame("
                "function () { done(document.querySelectorAll('.leaflet-overlay-pane path').length); }); }); });")
            seconds = time.perf_counter() - start
            heap = driver.execute_script("return performance.memory ? performance.memory.usedJSHeapSize : 0;")
            zoom = driver.execute_async_script(ZOOM_JS) / 1000
            results[page] = (seconds, paths, heap / 2**20, zoom)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return results


# --------------------------------------------------------------------------- report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (medians are reported)")
    parser.add_argument("--factor", type=float, default=1.0, help="scale both sizes (0.25: a quick check)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, default=None, help="copy the large run's folder here")
    parser.add_argument("--only", choices=("small", "large"), default=None, help="run one size only")
    parser.add_argument("--no-browser", action="store_true", help="skip opening the maps in Chromium")
    args = parser.parse_args(argv)
    from bench import compile_package  # scripts/bench.py

    py = sys.executable
    compile_package(py)
    geo = [py, "-m", "geo"]
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        for label, share in (("small", 0.25), ("large", 1.0)):
            if args.only and args.only != label:
                continue
            folder = Path(tmp) / label
            folder.mkdir()
            sizes = {key: max(1, int(value * share * args.factor)) for key, value in LARGE.items()}
            start = time.perf_counter()
            made = make_inputs(folder, sizes, seed=args.seed)
            print(f"{label}: inputs made in {time.perf_counter() - start:.0f} s: {made}", flush=True)
            figures = measure(folder, args.repeat, geo)
            outputs = output_sizes(folder)
            pages = {} if args.no_browser else browser_open(folder)
            results[label] = (made, figures, outputs, pages)
            _print_one(label, figures, outputs, pages)
            if args.keep and label == "large":
                shutil.rmtree(args.keep, ignore_errors=True)
                shutil.copytree(folder, args.keep)
    if len(results) == 2:
        _print_ratios(results["small"], results["large"])


def _print_one(label, figures, outputs, pages):
    print(f"\n{label}:")
    for key, value in figures.items():
        print(f"  {key:<22} {value:10.2f} {'MB' if key.endswith('MB') else 's'}")
    for key, value in outputs.items():
        print(f"  {key:<30} {value:>12,}{'' if '(count)' in key else ' B'}")
    for page, (seconds, paths, heap, zoom) in pages.items():
        print(f"  Chromium {page:<15} {seconds:6.2f} s to load and draw, {paths:,} SVG paths, JS heap {heap:.0f} MB, "
              f"{zoom:.2f} s to zoom in and redraw")
    sys.stdout.flush()


def _print_ratios(small, large):
    print("\nlarge / small (every input 4x; 4.0 is linear):")
    for key in small[0]:
        print(f"  input {key:<24} {large[0][key] / small[0][key]:6.2f}")
    for key in small[1]:
        if small[1][key]:
            print(f"  {key:<30} {large[1][key] / small[1][key]:6.2f}")
    for key in small[2]:
        print(f"  {key:<30} {large[2][key] / small[2][key]:6.2f}")
    for page in small[3]:
        if page in large[3]:
            print(f"  Chromium {page:<21} {large[3][page][0] / small[3][page][0]:6.2f}")
            print(f"  Chromium {page} zoom {large[3][page][3] / small[3][page][3]:6.2f}")


if __name__ == "__main__":
    main()
