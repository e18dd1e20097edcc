#!/usr/bin/env python3
"""Mutated input files: a seeded sweep of every input kind the CLI reads, each run classified.

A valid file of each kind (a report as text, Word, PDF, OFD, OpenDocument or a web page; 街道 as
GeoJSON, Shapefile parts, GeoPackage, KML, KMZ, CSV; a gazetteer as CSV, workbook, GeoJSON or GPX;
an OSM extract as XML, PBF or an Overpass answer; the catalog; a layer that ``geo export``,
``geo layers`` and ``geo render`` read) is built in a temporary folder, mutated (cut at many offsets,
bytes flipped, inserted or deleted, text re-encoded, JSON keys dropped or repeated, numbers made NaN,
infinite, huge or negative, strings emptied, geometries of the wrong type, rings crossing themselves or
of no area, a line of many vertices; CSV columns dropped, repeated or emptied; a zip archive's member
mutated) and given to the command that reads it, in a folder of its own. Each run is:

- ``success``: exit 0, every output it wrote readable (JSON parses, a GeoPackage opens, HTML and CSV
  decode), stderr only warnings;
- ``clean``: exit 2, one stderr line ``geo: error: …`` naming the file (or the option) and the problem,
  no unexpected exception, the folder and the temporary folder as they were;
- ``FAILURE``: anything else: an unexpected exception (``… (rerun with --verbose for details)``), a hang
  beyond the time limit, several lines, another exit code, a line naming no file, outputs unreadable,
  files left behind.

Runs are forked from a process that loaded geo once (a run takes milliseconds, not the seconds of an
interpreter's start), each killed at the time limit. The sweep is deterministic for a seed: it prints
counts per kind and one example of each FAILURE class (no timing is asserted anywhere).

Usage: python scripts/fuzz_inputs.py [--per-kind N] [--seed S] [--kind K]… [--timeout S] [--big]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from fuzz_mutations import mutations, workbook  # noqa: E402 - the scripts folder first on the path

CORPUS = ROOT / "tests" / "bad_inputs"
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
FIXTURES = ROOT / "tests" / "fixtures"

PROJECTS = ["-p", "valid_projects.geojson"]
DISTRICTS = ["--districts", "valid_districts.geojson", "--name-field", "name", "--code-field", "code"]


# --------------------------------------------------------------------------- valid files, one per kind


def _districts_collection():
    return json.loads((CORPUS / "valid_districts.geojson").read_text(encoding="utf-8"))


def _write_vector(path, driver, **kwargs):
    import geopandas

    frame = geopandas.GeoDataFrame.from_features(_districts_collection()["features"], crs="EPSG:4326")
    frame.to_file(path, driver=driver, **kwargs)


def _kml_text():
    marks = []
    for feature in _districts_collection()["features"]:
        ring = " ".join(f"{x},{y}" for x, y in feature["geometry"]["coordinates"][0])
        marks.append(f"<Placemark><name>{feature['properties']['name']}</name><ExtendedData>"
                     f"<Data name=\"code\"><value>{feature['properties']['code']}</value></Data></ExtendedData>"
                     f"<Polygon><outerBoundaryIs><LinearRing><coordinates>{ring}</coordinates></LinearRing>"
                     "</outerBoundaryIs></Polygon></Placemark>")
    return ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            + "".join(marks) + "</Document></kml>")


def _districts_csv():
    rows = ["name,code,wkt"]
    for feature in _districts_collection()["features"]:
        ring = ", ".join(f"{x} {y}" for x, y in feature["geometry"]["coordinates"][0])
        rows.append(f'{feature["properties"]["name"]},{feature["properties"]["code"]},"POLYGON(({ring}))"')
    return "\n".join(rows) + "\n"


WGS84_PRJ = ('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
             'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')

GAZETTEER_CSV = ("名称,经度,纬度,datum,accuracy_m\n天桥实验小学,117.0105,36.6905,wgs84,30\n北园大街,117.006,36.695,wgs84,50\n"
                 "水屯北路,117.02,36.69,gcj02,80\n")


GAZETTEER_GEOJSON = json.dumps({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "天桥实验小学", "datum": "wgs84"},
     "geometry": {"type": "Point", "coordinates": [117.0105, 36.6905]}},
    {"type": "Feature", "properties": {"name": "北园大街", "datum": "wgs84"},
     "geometry": {"type": "LineString", "coordinates": [[117.004, 36.695], [117.03, 36.695]]}}]}, ensure_ascii=False)

GPX = ('<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="fuzz" xmlns="http://www.topografix.com/GPX/1/1">'
       '<wpt lat="36.6905" lon="117.0105"><name>天桥实验小学</name></wpt>'
       '<trk><name>北园大街</name><trkseg><trkpt lat="36.695" lon="117.004"/><trkpt lat="36.695" lon="117.03"/>'
       '</trkseg></trk></gpx>')

OVERPASS = json.dumps({"version": 0.6, "generator": "Overpass API", "elements": [
    {"type": "node", "id": 1, "lat": 36.6905, "lon": 117.0105, "tags": {"amenity": "school", "name": "天桥实验小学"}},
    {"type": "way", "id": 2, "nodes": [3, 4], "geometry": [{"lat": 36.695, "lon": 117.004}, {"lat": 36.695, "lon": 117.03}],
     "tags": {"highway": "primary", "name": "北园大街"}}]}, ensure_ascii=False)


def _html_report():
    text = (CORPUS / "report_utf8.txt").read_text(encoding="utf-8")
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>报告</title></head><body>{body}</body></html>'


def _kmz(work):
    with zipfile.ZipFile(work / "jd.kmz", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("doc.kml", _kml_text())


class Kind:
    """One input kind: how to make its valid file(s), the command reading it, the file(s) mutated."""

    def __init__(self, name, make, args, targets, family, table=None):
        self.name, self.make, self.args, self.targets, self.family, self.table = name, make, args, targets, family, table


def _copy(source, name=None):
    return lambda work: shutil.copy(source, work / (name or Path(source).name))


def _text(name, text):
    return lambda work: (work / name).write_text(text, encoding="utf-8")


def _extract(name):
    return ["extract", name, "-o", "out.geojson"]


def _geocode(option, name):
    return ["geocode", *PROJECTS, *DISTRICTS, option, name]


KINDS = [
    Kind("report_txt", _copy(CORPUS / "report_utf8.txt", "report.txt"), _extract("report.txt"), ["report.txt"], "text"),
    Kind("report_html", _text("report.html", _html_report()), _extract("report.html"), ["report.html"], "text"),
    Kind("report_docx", _copy(DOCUMENTS / "word_report.docx"), _extract("word_report.docx"), ["word_report.docx"], "zip"),
    Kind("report_doc", _copy(DOCUMENTS / "word_report.doc"), _extract("word_report.doc"), ["word_report.doc"], "bytes"),
    Kind("report_fodt", _copy(DOCUMENTS / "word_report.fodt"), _extract("word_report.fodt"), ["word_report.fodt"],
         "text"),
    Kind("report_pdf", _copy(DOCUMENTS / "wrapped_report.pdf"), _extract("wrapped_report.pdf"), ["wrapped_report.pdf"],
         "bytes"),
    Kind("report_ofd", _copy(DOCUMENTS / "wrapped_report_easyofd.ofd", "report.ofd"), _extract("report.ofd"),
         ["report.ofd"], "zip"),
    Kind("catalog", lambda work: None, ["join", *PROJECTS], ["valid_projects.geojson"], "json"),
    Kind("districts_geojson", _copy(CORPUS / "valid_districts.geojson", "jd.geojson"),
         ["join", *PROJECTS, "--districts", "jd.geojson", "--name-field", "name", "--code-field", "code"],
         ["jd.geojson"], "json"),
    Kind("districts_shp", lambda work: _write_vector(work / "jd.shp", "ESRI Shapefile", encoding="UTF-8"),
         ["join", *PROJECTS, "--districts", "jd.shp", "--name-field", "name", "--code-field", "code"],
         ["jd.shp", "jd.dbf", "jd.shx", "jd.prj", "jd.cpg"], "bytes"),
    Kind("districts_gpkg", lambda work: _write_vector(work / "jd.gpkg", "GPKG"),
         ["join", *PROJECTS, "--districts", "jd.gpkg", "--name-field", "name", "--code-field", "code"],
         ["jd.gpkg"], "bytes"),
    Kind("districts_kml", _text("jd.kml", _kml_text()),
         ["join", *PROJECTS, "--districts", "jd.kml", "--name-field", "name", "--code-field", "code"],
         ["jd.kml"], "text"),
    Kind("districts_kmz", _kmz,
         ["join", *PROJECTS, "--districts", "jd.kmz", "--name-field", "name", "--code-field", "code"],
         ["jd.kmz"], "zip"),
    Kind("districts_csv", lambda work: (_text("jd.csv", _districts_csv())(work), _text("jd.prj", WGS84_PRJ)(work)),
         ["join", *PROJECTS, "--districts", "jd.csv", "--name-field", "name", "--code-field", "code"],
         ["jd.csv"], "csv"),
    Kind("gazetteer_csv", _text("g.csv", GAZETTEER_CSV), _geocode("--gazetteer", "g.csv"), ["g.csv"], "csv"),
    Kind("gazetteer_xlsx", lambda work: (work / "g.xlsx").write_bytes(workbook(GAZETTEER_CSV.encode("utf-8"))),
         _geocode("--gazetteer", "g.xlsx"), ["g.xlsx"], "zip", table=GAZETTEER_CSV),
    Kind("gazetteer_geojson", _text("g.geojson", GAZETTEER_GEOJSON), _geocode("--gazetteer", "g.geojson"),
         ["g.geojson"], "json"),
    Kind("gazetteer_gpx", _text("g.gpx", GPX), _geocode("--gazetteer", "g.gpx"), ["g.gpx"], "text"),
    Kind("osm_xml", _copy(FIXTURES / "mini_tianqiao.osm", "x.osm"), _geocode("--osm", "x.osm"), ["x.osm"], "text"),
    Kind("osm_pbf", _copy(FIXTURES / "osm" / "monaco.osm.pbf", "x.osm.pbf"), _geocode("--osm", "x.osm.pbf"),
         ["x.osm.pbf"], "bytes"),
    Kind("overpass_json", _text("x.json", OVERPASS), _geocode("--osm", "x.json"), ["x.json"], "json"),
    Kind("layer_export", lambda work: None, ["export", "all", "--format", "gpkg", "--layers-dir", "layers",
                                              "-o", "all.gpkg"], ["layers/school.geojson"], "json"),
    Kind("layer_list", lambda work: None, ["layers", "--layers-dir", "layers"], ["layers/road_rebuild.geojson"], "json"),
    Kind("layer_render", lambda work: None, ["render", *PROJECTS, "--layers-dir", "layers", "--basemap", "none",
                                              "-o", "maps"], ["layers/subdistricts.geojson"], "json"),
]


def base_folder(kind, root: Path) -> Path:
    """A folder holding the corpus' valid catalog and layers and the kind's valid file(s)."""
    work = root / kind.name
    work.mkdir(parents=True)
    shutil.copy(CORPUS / "valid_projects.geojson", work)
    shutil.copy(CORPUS / "valid_districts.geojson", work)
    shutil.copytree(CORPUS / "layers", work / "layers")
    kind.make(work)
    return work


# --------------------------------------------------------------------------- running and classifying


def _snapshot(root: Path):
    state = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        state[rel] = None if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def _run_child(args, work, tmp, result_path):
    os.chdir(work)
    os.environ["TMPDIR"] = str(tmp)
    tempfile.tempdir = None
    from click.testing import CliRunner

    from geo.cli import main

    result = CliRunner().invoke(main, args)
    copies = sys.modules.get("geo.kml_encoding")  # as geo.__main__._exit does: os._exit runs no atexit handler
    if copies is not None:
        copies.remove_copies()
    exception = None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        exception = f"{type(result.exception).__name__}: {result.exception}"[:300]
    Path(result_path).write_text(json.dumps({"code": result.exit_code, "stderr": result.stderr,
                                             "exception": exception}), encoding="utf-8")


def run_forked(args, work, tmp, timeout):
    """(exit code, stderr, exception) of the command in a forked child; None on a hang (killed)."""
    result_path = tmp.parent / (tmp.name + ".result")
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the sweep's handler: a SystemExit the runner would catch
        try:
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            _run_child(args, work, tmp, result_path)
        finally:
            os._exit(0)
    deadline = time.monotonic() + timeout
    while True:
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return None
        time.sleep(0.01)
    if not result_path.exists():
        return {"code": -1, "stderr": "", "exception": "child died without a result (crash in native code?)"}
    result = json.loads(result_path.read_text(encoding="utf-8"))
    result_path.unlink()
    return result


def _outputs_valid(work: Path, before: dict):
    """The name of a new or changed file that does not read, or None."""
    for rel, digest in _snapshot(work).items():
        if digest is None or before.get(rel) == digest:
            continue
        path = work / rel
        name = path.name
        try:
            if name.endswith((".geojson", ".json")):  # strict JSON: NaN and Infinity are no JSON numbers
                json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constant)
            elif name.endswith(".gpkg"):
                with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
                    if db.execute("pragma integrity_check").fetchone()[0] != "ok":
                        return rel
            elif name.endswith((".html", ".csv", ".txt", ".md")):
                path.read_text(encoding="utf-8-sig")
            if name.startswith(".") or name.endswith((".tmp", ".part")):
                return rel
        except (ValueError, sqlite3.Error, UnicodeDecodeError):
            return rel
    return None


def _no_constant(name):
    raise ValueError(f"{name} is no JSON number")


def classify(kind, target, args, result, work, tmp, before):
    """('success'|'clean'|'FAILURE', failure class or '')."""
    if result is None:
        return "FAILURE", "hang (killed at the time limit)"
    lines = result["stderr"].splitlines()
    if result["exception"]:
        return "FAILURE", f"exception {result['exception'].split(':')[0]}"
    if any("Traceback" in line for line in lines):
        return "FAILURE", "traceback"
    leftover = [p for p in tmp.iterdir() if not p.name.startswith("geo-locks-")]  # the run's locks, by design
    if result["code"] == 0:
        others = [line for line in lines if not line.startswith("warning: ")]
        if others:
            return "FAILURE", f"exit 0 with other lines: {_shape(others[0])}"
        bad = _outputs_valid(work, before)
        if bad:
            return "FAILURE", f"exit 0, output unreadable: {bad}"
        if leftover:
            return "FAILURE", "temporary files left"
        return "success", ""
    if result["code"] != 2:
        return "FAILURE", f"exit {result['code']}"
    if len(lines) != 1:
        return "FAILURE", f"{len(lines)} stderr lines: {_shape(lines[0]) if lines else ''}"
    line = lines[0]
    if "rerun with --verbose" in line:
        return "FAILURE", f"unexpected {_shape(line)}"
    if not line.startswith("geo: error: "):
        return "FAILURE", f"not a geo error line: {_shape(line)}"
    named = Path(target).name
    stem_names = {named, Path(target).stem, Path(args[args.index('--districts') + 1]).stem} if "--districts" in args \
        else {named, Path(target).stem}
    if not any(n in line for n in stem_names) and "--" not in line:
        return "FAILURE", f"line names no file: {_shape(line)}"
    if _snapshot(work) != before:
        return "FAILURE", "folder changed by a failing run"
    if leftover:
        return "FAILURE", "temporary files left by a failing run"
    return "clean", ""


def _shape(line):
    """A line with numbers, quoted text and file names blurred, to group failures by class."""
    line = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", line)
    line = re.sub(r"\d+(\.\d+)?", "N", line)
    return line[:140]


def sweep(per_kind=12, seed=48, kinds=None, timeout=60.0, big=False, out=print, sample=None, also=(), label=None):
    """Run the sweep; return {kind: Counter(classification)}, {(kind, class): example label}.

    ``sample`` keeps that many of each file's mutations, spread evenly over them, and those ``also`` names
    (``"kind file label"``, as a FAILURE line shows them): a test's subset. ``label`` keeps only the mutations
    whose label holds it (``geom:long-line``)."""
    importlib.import_module("geo.cli")  # loaded once, before the forks

    counts, failures = defaultdict(Counter), {}
    with tempfile.TemporaryDirectory(prefix="geo-fuzz-") as scratch:
        scratch = Path(scratch)
        for kind in KINDS:
            if kinds and kind.name not in kinds:
                continue
            base = base_folder(kind, scratch / "base")
            _warm_up(kind.args, base)
            _warm = run_forked(kind.args, base, _fresh(scratch / "tmp-warm"), timeout)
            status = classify(kind, kind.targets[0], kind.args, _warm, base, scratch / "tmp-warm", _snapshot(base))
            if status[0] != "success":
                out(f"{kind.name}: the valid file does not succeed: {status} {(_warm or {}).get('stderr', '')[:300]}")
            rng = random.Random(f"{seed}:{kind.name}")
            for target in kind.targets:
                data = (base / target).read_bytes()
                cases = mutations(kind, target, data, rng, per_kind, big)
                if label is not None:
                    cases = [case for case in cases if label in case[0]]
                if sample is not None and len(cases) > sample:
                    kept = {i * len(cases) // sample for i in range(sample)}
                    kept |= {i for i, (name, _) in enumerate(cases) if f"{kind.name} {target} {name}" in also}
                    cases = [cases[i] for i in sorted(kept)]
                for name, mutated in cases:
                    work = scratch / "run"
                    shutil.rmtree(work, ignore_errors=True)
                    shutil.copytree(base, work)
                    if mutated is None:
                        (work / target).unlink()
                    else:
                        (work / target).write_bytes(mutated)
                    tmp = _fresh(scratch / "tmp")
                    before = _snapshot(work)
                    result = run_forked(kind.args, work, tmp, timeout)
                    status, why = classify(kind, target, kind.args, result, work, tmp, before)
                    counts[kind.name][status] += 1
                    if status == "FAILURE":
                        key = (kind.name, why)
                        if key not in failures:
                            failures[key] = f"{target} {name}"
                            out(f"FAILURE {kind.name} [{target} {name}]: {why}")
            out(f"{kind.name}: " + ", ".join(f"{k} {counts[kind.name][k]}" for k in ("success", "clean", "FAILURE")))
    return counts, failures


def _warm_up(args, base):
    """The command run once in this process (in a copy of the base folder), so that the modules and
    tables it loads lazily are loaded before the forks and each run starts warm."""
    from click.testing import CliRunner

    from geo.cli import main

    copy = base.parent / (base.name + "-warm")
    shutil.copytree(base, copy)
    here = os.getcwd()
    try:
        os.chdir(copy)
        CliRunner().invoke(main, args)
    finally:
        os.chdir(here)
        shutil.rmtree(copy, ignore_errors=True)


def _fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=12, help="random mutations of each family per file (default 12)")
    parser.add_argument("--seed", default="48")
    parser.add_argument("--kind", action="append", help="only these kinds (repeatable): " +
                        ", ".join(k.name for k in KINDS))
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a run counts as a hang")
    parser.add_argument("--sample", type=int, help="only this many mutations of each file, spread over them")
    parser.add_argument("--label", help="only the mutations whose label holds this text (geom:long-line)")
    parser.add_argument("--big", action="store_true", help="long lines of 10^6 vertices (else 10^5)")
    options = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the scratch folder removed on `kill` too
    counts, failures = sweep(options.per_kind, options.seed, options.kind, options.timeout, options.big,
                               sample=options.sample, label=options.label)
    total = Counter()
    for counter in counts.values():
        total.update(counter)
    print(f"total: success {total['success']}, clean {total['clean']}, FAILURE {total['FAILURE']}; "
          f"{len(failures)} failure classes")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
