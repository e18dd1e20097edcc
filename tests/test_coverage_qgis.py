"""coverage.csv checked against QGIS's own algorithms (forty-sixth session): per 街道, the points QGIS's
native:countpointsinpolygon counts, the lines and areas native:intersection cuts, and the road lengths
native:sumlinelengths sums (measured on the CGCS2000 ellipsoid, as QGIS does when the project has an ellipsoid),
for the embedded default (layers/, maps_out/) and the made-up second district 青岚县, both reprojected to the
district's Gauss-Kruger zone with native:reprojectlayer, as a planner would check them.

Counts must be equal; lengths within ``KM_TOLERANCE_M`` per 街道: 0.5 m from coverage.csv's km rounded to 3 decimals,
up to 0.05 m (JOIN_SNAP_M) at each end of a piece where the zones are snapped to the line, and a few centimetres
where QGIS cuts edges that are straight in Gauss-Kruger metres and geo cuts them straight in lon/lat (measured: at
most 0.72 m). A stretch lying along a shared boundary (or where 街道 overlap) counts once in geo, in the smaller
code; QGIS's tools count it in both 街道: the QGIS side drops what lies within 0.1 m of a smaller code's 街道
before counting, and the lengths compared are roads none of which runs along a boundary.
"""

import csv
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from qgis_run import run_in_qgis

ROOT = Path(__file__).resolve().parents[1]
KM_TOLERANCE_M = 1.0
KM_COLUMNS = {"road_rebuild": "road_km_rebuild", "road_greening": "road_km_greening", "road_new": "road_km_new"}

QGIS_COVERAGE = """
import json
sys.path.append("/usr/share/qgis/python/plugins")
from processing.core.Processing import Processing
Processing.initialize()
from qgis import processing
from qgis.core import (Qgis, QgsCoordinateReferenceSystem, QgsGeometry, QgsProcessingContext, QgsProcessingFeedback,
                       QgsProviderRegistry, QgsVectorLayer, QgsWkbTypes)

crs, zones_path, *paths = sys.argv[1:]
context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
context.setEllipsoid("EPSG:1024")  # CGCS2000


def run(algorithm, **params):
    return processing.run(algorithm, {**params, "OUTPUT": "memory:"}, context=context, feedback=feedback)["OUTPUT"]


def metric(layer):
    return run("native:reprojectlayer", INPUT=layer, TARGET_CRS=QgsCoordinateReferenceSystem(crs))


zones = metric(zones_path)
codes = sorted(str(f["code"]) for f in zones.getFeatures())
shape = {str(f["code"]): f.geometry() for f in zones.getFeatures()}
# What lies within 0.1 m of a 街道 of a smaller code counts there (geo's rule for shared edges and overlaps).
before = {code: QgsGeometry.unaryUnion([shape[c] for c in codes[:i]]).buffer(0.1, 8) if i else None
          for i, code in enumerate(codes)}
out = {code: {} for code in codes}
flags = Qgis.SublayerQueryFlags(Qgis.SublayerQueryFlag.ResolveGeometryType)
for path in paths:
    category = os.path.basename(path)[:-len(".geojson")]
    held = {code: set() for code in codes}
    for code in codes:
        out[code][category], out[code][category + "_m"] = 0, 0.0
    for sublayer in QgsProviderRegistry.instance().querySublayers(path, flags):
        layer = metric(QgsVectorLayer(sublayer.uri(), sublayer.name(), "ogr"))
        kind = layer.geometryType()
        if kind == QgsWkbTypes.PointGeometry:
            for f in run("native:countpointsinpolygon", POLYGONS=zones, POINTS=layer, FIELD="N").getFeatures():
                out[str(f["code"])][category] += int(f["N"])
            continue
        if kind == QgsWkbTypes.LineGeometry:
            for f in run("native:sumlinelengths", POLYGONS=zones, LINES=layer, LEN_FIELD="L", COUNT_FIELD="C").getFeatures():
                out[str(f["code"])][category + "_m"] += float(f["L"])
        for f in run("native:intersection", INPUT=layer, OVERLAY=zones, OVERLAY_FIELDS_PREFIX="z_").getFeatures():
            code, piece = str(f["z_code"]), f.geometry()
            if before[code] is not None:
                piece = piece.difference(before[code])
            if (piece.length() if kind == QgsWkbTypes.LineGeometry else piece.area()) > 1.0:
                held[code].add(f["id"])
    for code in codes:
        out[code][category] += len(held[code])
print("JSON", json.dumps(out, ensure_ascii=False))
"""


def _compare_with_qgis(out_dir, crs):
    layers = sorted(p for p in (out_dir / "layers").glob("*.geojson") if p.stem not in ("subdistricts", "district_outline"))
    lines = run_in_qgis(QGIS_COVERAGE, crs, out_dir / "layers" / "subdistricts.geojson", *layers)
    qgis = json.loads(next(line for line in lines if line.startswith("JSON "))[5:])
    with open(out_dir / "maps_out" / "coverage.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {row["code"]: row for row in csv.DictReader(handle)}
    assert sorted(rows) == sorted(qgis)
    checked = 0
    for code, row in rows.items():
        for layer in layers:
            category = layer.stem
            assert int(row[category]) == qgis[code][category], (code, category)
            if category in KM_COLUMNS:
                ours = float(row[KM_COLUMNS[category]]) * 1000.0
                assert abs(ours - qgis[code][category + "_m"]) <= KM_TOLERANCE_M, (code, category, ours, qgis[code])
                checked += ours > 0
    return checked


def test_default_coverage_counts_and_road_lengths_match_qgis():
    assert _compare_with_qgis(ROOT, "EPSG:4548") >= 5  # 天桥区, Gauss-Kruger CM 117E


def test_second_district_coverage_counts_and_road_lengths_match_qgis(tmp_path):
    sys.path.insert(0, str(Path(__file__).parent))
    import second_district
    from geo.cli import main

    second_district.write(tmp_path)
    sources = ["--districts", str(tmp_path / "jiedao.geojson"), "--name-field", "JDMC", "--code-field", "JDDM",
               "--osm", str(tmp_path / "qinglan.osm"), "--district-name", "青岚县"]
    for name in second_district.GAZETTEERS:
        sources += ["--gazetteer", str(tmp_path / name)]
    built = CliRunner().invoke(main, ["build", "--report", str(tmp_path / "report.txt"), *sources, "--basemap", "none",
                                      "--out-dir", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    assert _compare_with_qgis(tmp_path / "out", "EPSG:4547") >= 4  # CM 114E, the county 1.05 degrees west of it
