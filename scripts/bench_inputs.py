#!/usr/bin/env python3
"""Damaged and hostile inputs benchmark: each read at a size and at twice it, times and their ratio.

The inputs that once took minutes (a path quadratic in their size): web pages of malformed markup
(a construct left unclosed, 60,000 times), a Word file whose relationships are left unended, an OSM
route name of 40,000 colons (an Overpass Turbo export), a report text opening with a bracket left
open before thousands of names, one clause of 800,000 characters, a PDF or OFD page of three lines of
thousands of one-character pieces each, a PDF page of characters each moved to inside one text object
(cut into pieces to find columns, and read on again), a coverage workbook of thousands of 街道, and the
join of roads and plots to ten 街道 sharing detailed edges (each pair cut against the whole 街道: roads
times vertices).
Last, the rows a second a gazetteer CSV of 20,000 and of 200,000 rows is read at (linear: the same rate).
Linear reading doubles the time when the input doubles: the ratio should stay near 2 (4 is quadratic).
The tests check what is read (tests/work_counts.py); the seconds are only measured here, where a busy
machine shows in the figures and fails nothing.

Usage: python scripts/bench_inputs.py [--repeat N] [--scale X]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_MEASURABLE_S = 0.01  # below this, timer and scheduling noise make up the ratio
_JUNK = ["<a b='", "</a", "<!", "<?", "<a\n", "<!--", "<![", "</"]
_ALT_CHUNK = ('<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
              'r:id="rIdAlt1"/>')


def _docx(rels: str) -> bytes:
    """A Word file showing one altChunk, with ``rels`` as its document's relationships."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                                              f'wordprocessingml/2006/main"><w:body>{_ALT_CHUNK}</w:body></w:document>')
        archive.writestr("word/_rels/document.xml.rels", rels)
    return out.getvalue()


def _pdf(content: bytes) -> bytes:
    """A one-page PDF drawing ``content`` in Helvetica (F1)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return bytes(out + b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)


def _refused(read, *args):
    """Run ``read``; its refusal of a damaged input is the expected end."""
    from geo.io import InputError

    try:
        read(*args)
    except InputError:
        pass


def cases():
    """(label, size unit, size, make) of each input: ``make(n)`` builds the input of ``n`` units and
    returns what reading it runs."""
    from geo.extract import extract_projects
    from geo.extract.wordml import docx_text
    from geo.extract.mentions import clause_mentions, forget_text
    from geo.extract.pdf import pdf_text
    from geo.extract.webpages import html_text
    from geo.osm_routes import _without_direction

    def page(junk):
        def make(n):
            text = "<html><body><p>新建青松路。</p>" + junk * n
            return lambda: html_text(text)
        return make

    def relationships(n):
        data = _docx("<Relationships>" + "<Relationship Id='rIdAlt1' Target='a.htm' " * n)
        return lambda: _refused(docx_text, data, "r.docx", 10**8)

    def route_name(n):
        name = "济南地铁1号线" + " :" * n
        return lambda: _without_direction(name)

    def open_bracket(n):
        text = "（" + "建设北园大街。" * n
        return lambda: extract_projects(text)

    def pieces(n):
        from geo.extract.columns import Run, column_text

        runs = [Run("桥", 10 + 20 * i, 800 - 14 * line, 10) for line in range(3) for i in range(n)]
        return lambda: column_text(runs)

    def workbook_rows(n):
        import pandas as pd
        from openpyxl import Workbook

        from geo.workbook import _table_sheet

        table = pd.DataFrame({"code": [f"{i:09d}" for i in range(n)], "name": ["北园街道"] * n, "projects": range(n)})
        return lambda: _table_sheet(Workbook().active, table)

    def glyphs(n):  # each character moved to along its line inside one text object, as print drivers draw
        line = b"(a) Tj 6 0 Td " * 39 + b"(a) Tj -234 -14 Td\n"
        data = _pdf(b"BT /F1 12 Tf 54 800 Td\n" + line * (n // 40) + b"ET")
        return lambda: pdf_text(data, "r.pdf")

    def clause(n):
        norm = "北园大街" * n

        def run():
            forget_text()  # (the candidates of a text are kept for the next call)
            clause_mentions(norm, 0, len(norm))
        return run

    def crossed_zones(n):
        zones, projects = _crossed_zones(n)
        from geo.join import allocate_to_zones

        return lambda: allocate_to_zones(projects, zones)

    def dense_zones(n):  # the same ten 街道, a vertex every 1 to 3 cm at 3,000,000, and 300 roads, 50 plots
        import pandas as pd

        zones, projects = _crossed_zones(n)
        from geo.join import allocate_to_zones

        roads = projects[projects.geom_type == "LineString"].iloc[:300]
        projects = pd.concat([roads, projects[projects.geom_type == "Polygon"].iloc[-50:]])
        return lambda: allocate_to_zones(projects, zones)

    def zigzag(n):  # a line 10 cm either side of its path, a vertex every cm: GEOS's buffer was quadratic
        import numpy as np
        import shapely

        from geo.join_cuts import _line_buffer

        i = np.arange(n)
        line = shapely.LineString(np.c_[i * 0.0089, np.where(i % 2, 0.111, 0.0)])
        return lambda: _line_buffer(line, 0.05)

    return [(f"web page, {junk!r} left unclosed", "times", 60_000, page(junk)) for junk in _JUNK] + [
        ("Word relationships left unended", "tags", 30_000, relationships),
        ("OSM route name of colons", "colons", 40_000, route_name),
        ("report text, a bracket left open before names", "names", 8_000, open_bracket),
        ("one clause without punctuation", "heads", 200_000, clause),
        ("PDF or OFD page of three lines of one-character pieces", "pieces a line", 20_000, pieces),
        ("coverage workbook sheet", "街道", 5_000, workbook_rows),
        ("PDF page, characters each moved to in one text object", "characters", 40_000, glyphs),
        ("join, ten 街道 sharing detailed edges, a road for each 1,000 vertices", "vertices", 300_000,
         crossed_zones),
        # Each road along an edge was snapped to the whole 街道 (about 30 ms a pair at 300,000 vertices);
        # now to the stretches of its edge near the road (CPU, 1M: 4.0 -> 2.7 s, 2M: 7.9 -> 4.9 s, 3M: 11.6 -> 6.7 s).
        ("join, ten 街道 of detailed edges, 300 roads and 50 plots", "vertices", 1_000_000, dense_zones),
        # The snap buffer of a line's counted pieces (join_cuts._uncounted), whole: 10,000 17 s, 30,000 112 s.
        ("join, snap buffer of a dense zig-zag line", "vertices", 30_000, zigzag),
    ]


def _crossed_zones(n):
    """(zones, projects): ten 街道, the sectors of a wavy circle sharing wavy radial edges, of ``n``
    vertices in all (a vertex every 10 to 30 cm at 300,000), and a road of 20 vertices for each 1,000
    vertices, a few hundred metres to 3 km long, across them at random; a sixth as many round plots.
    Each (project, 街道) pair was cut against the whole 街道: the time grew as roads times vertices."""
    import geopandas as gpd
    import numpy as np
    import shapely

    rng = np.random.default_rng(7)
    cx, cy, r, k = 117.0, 36.7, 0.04, 10
    t = np.linspace(0, 2 * np.pi, n // 2, endpoint=False)
    wave = 1 + 0.05 * sum(np.sin(j * t + rng.uniform(0, 6.3)) / j for j in range(1, 200, 7))
    rim = np.c_[cx + r * wave * np.cos(t) / np.cos(np.radians(cy)), cy + r * wave * np.sin(t)]
    step = n // 2 // k
    s = np.linspace(0, 1, n // 4 // k)[1:-1]
    radials = []
    for i in range(k):
        end = rim[i * step]
        side = np.array([cy - end[1], end[0] - cx]) / np.hypot(end[0] - cx, end[1] - cy)
        bend = 0.002 * np.sin(np.pi * s) * np.sin(37 * s)
        radials.append(np.c_[cx + s * (end[0] - cx), cy + s * (end[1] - cy)] + bend[:, None] * side)
    arcs = [rim[i * step:(i + 1) * step + 1] for i in range(k - 1)] + [np.vstack([rim[(k - 1) * step:], rim[:1]])]
    rings = [np.vstack([[[cx, cy]], radials[i], arcs[i], radials[(i + 1) % k][::-1], [[cx, cy]]]) for i in range(k)]
    zones = gpd.GeoDataFrame({"code": [f"37010500{i}" for i in range(k)], "name": [f"青山{i}街道" for i in range(k)]},
                             geometry=shapely.polygons(rings), crs=4326)
    geoms = []
    for _ in range(n // 1000):
        x, y = cx + rng.uniform(-0.045, 0.045), cy + rng.uniform(-0.04, 0.04)
        angle, length = rng.uniform(0, 2 * np.pi), rng.uniform(0.003, 0.03)
        along = np.linspace(0, length, 20)
        geoms.append(shapely.LineString(np.c_[x + along * np.cos(angle), y + along * np.sin(angle)]))
    geoms += [shapely.Point(cx + rng.uniform(-0.04, 0.04), cy + rng.uniform(-0.04, 0.04)).buffer(0.002, quad_segs=4)
              for _ in range(n // 6000)]
    return zones, gpd.GeoDataFrame({"id": [f"p{i}" for i in range(len(geoms))]}, geometry=geoms, crs=4326)


def seconds(make, repeat):
    """Median seconds of ``repeat`` runs of what ``make()`` returns (made once, outside the timing)."""
    run, times = make(), []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def gazetteer_rows(sizes=(20_000, 200_000), repeat=1):
    """A line of the rows a second a gazetteer CSV (name, lon, lat, category, datum, note) is read at, of
    each of ``sizes`` rows: linear reading keeps the rate (it was some 7,000 rows/s, cells parsed one by one)."""
    import tempfile

    from geo.gazetteer_files import load_file

    shown = []
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            path = Path(folder) / f"点位{n}.csv"
            path.write_text("名称,经度,纬度,类别,坐标系,备注\n" + "".join(
                f"青山{i}号点,{116.9 + i % 997 / 5000:.6f},{36.6 + i % 991 / 5000:.6f},school,wgs84,备注{i}\n"
                for i in range(n)), encoding="utf-8")
            load_file(path, warnings=[]) if not shown else None  # (imports and caches warm, outside the timing)
            took = seconds(lambda: lambda: load_file(path, warnings=[]), repeat)
            shown.append(f"{n:,} rows {took:.2f} s ({n / took:,.0f} rows/s)")
    print(f"gazetteer CSV: {', '.join(shown)}")


def _cpu_seconds(run, repeat):
    """Median CPU seconds of ``repeat`` runs of ``run()``: on a shared host, the wall clock measures the others."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return statistics.median(times)


def join_parts(sizes=(1_500_000, 3_000_000), repeat=3):
    """A line of the median CPU seconds of the join's two largest parts on the ten 街道 of detailed edges (300
    roads, 50 plots, ``_crossed_zones``) of each of ``sizes`` vertices, and their ratio: which zones overlap
    another (``join_cuts._overlapping``: a prepared touch test of each pair of zones, now once a pair, was
    2.5 s at 3M) and which roads may run along an edge (``join_snap._along``: every edge vertex made a
    point in a tree, now those in a grid cell a project's box reaches, was 1.5 s)."""
    import pandas as pd
    import shapely

    import geo.join_cuts as cuts
    import geo.join_snap as snaps
    from geo.join import allocate_to_zones

    parts = ((cuts, "_overlapping"), (snaps, "_along"))
    originals = {name: getattr(module, name) for module, name in parts}
    found = {}
    for n in sizes:
        zones, projects = _crossed_zones(n)
        projects = pd.concat([projects[projects.geom_type == "LineString"].iloc[:300],
                              projects[projects.geom_type == "Polygon"].iloc[-50:]])
        calls = {}

        def keeping(name):
            def keep(*args):
                calls[name] = args
                return originals[name](*args)
            return keep

        for module, name in parts:
            setattr(module, name, keeping(name))
        try:
            allocate_to_zones(projects, zones)
        finally:
            for module, name in parts:
                setattr(module, name, originals[name])
        shapely.prepare(calls["_along"][0])  # the edges, prepared by the caller
        found[n] = {name: _cpu_seconds(lambda name=name: originals[name](*calls[name]), repeat) for name in originals}
    small, large = sizes
    print("join parts (CPU), ten 街道 of detailed edges, 300 roads and 50 plots: " + "; ".join(
        f"{name} {small:,} vertices {found[small][name]:.2f} s, {large:,} {found[large][name]:.2f} s, "
        f"ratio {found[large][name] / found[small][name]:.1f}" for name in ("_overlapping", "_along")))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median is reported)")
    parser.add_argument("--scale", type=float, default=1.0, help="sizes times this (0.1 for a quick look)")
    args = parser.parse_args()
    worst = 0.0
    for label, unit, size, make in cases():
        n = max(1, int(size * args.scale))
        once = seconds(lambda: make(n), args.repeat)
        twice = seconds(lambda: make(2 * n), args.repeat)
        if once < _MEASURABLE_S:
            shown = "too fast for a ratio"
        else:
            worst = max(worst, twice / once)
            shown = f"ratio {twice / once:.1f}"
        print(f"{label}: {n:,} {unit} {once:.3f} s, {2 * n:,} {unit} {twice:.3f} s, {shown}")
    print(f"largest ratio: {worst:.1f} (linear: about 2; quadratic: about 4)")
    gazetteer_rows(tuple(max(1, int(n * args.scale)) for n in (20_000, 200_000)))
    join_parts(tuple(max(1_000, int(n * args.scale)) for n in (1_500_000, 3_000_000)), args.repeat)


if __name__ == "__main__":
    main()
