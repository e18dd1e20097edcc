"""A synthetic district at a large district's scale: its 街道 file and its geocoded catalog, seeded.

Shared by the browser tests of the maps at scale (tests/test_render_scale_browser.py) and
``scripts/bench_render.py``. The 街道 are Voronoi cells of seeded points clipped to Tianqiao's
bundled outline (an official file: ``name`` and ``code`` fields); the catalog holds points of
every facility category, areas, roads of a few vertices and long roads of thousands of vertices
that cross many 街道, and unlocated projects with their reasons, as ``geo geocode`` leaves them.
Some names are written as planners' reports have them at their worst: Traditional script, very
long, with emoji and with HTML-special characters.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

POINT_CATEGORIES = ("school", "health", "culture", "sports", "welfare", "market", "sanitation", "transport", "utility")
AREA_CATEGORIES = ("park", "area")
ROAD_CATEGORIES = ("road_rebuild", "road_greening", "road_new")
ODD_NAMES = ("天橋區實驗學校", "北園大街綜合整治提升工程" * 6, "🌳口袋公园🌸", 'A&B <路> "东" \'西\' &amp;')
SYLLABLES = "北园泺口无影山官扎营堤口工人新村药山大桥桑梓店制锦市宝华纬北建设南村明湖东西"


def make_zones(n, seed=1):
    """``n`` 街道 (Voronoi cells of seeded points in Tianqiao's outline): a GeoDataFrame of code, name, geometry."""
    import geopandas as gpd
    import shapely

    from geo.data import DATA_DIR

    outline = gpd.read_file(DATA_DIR / "tianqiao_outline.geojson").geometry.iloc[0]
    rng = random.Random(seed)
    west, south, east, north = outline.bounds
    seeds = []
    while len(seeds) < n:
        point = shapely.Point(rng.uniform(west, east), rng.uniform(south, north))
        if outline.contains(point):
            seeds.append(point)
    cells = shapely.voronoi_polygons(shapely.MultiPoint(seeds), extend_to=outline.envelope.buffer(0.1))
    cells = [c.intersection(outline) for c in shapely.get_parts(cells)]
    cells = sorted((c for c in cells if not c.is_empty), key=lambda c: (round(c.centroid.y, 6), round(c.centroid.x, 6)))
    names = [_name(rng, 2) + "街道" for _ in cells]
    names[0] = "東風街道"  # Traditional script
    names = [f"{name}{i}" if names.count(name) > 1 else name for i, name in enumerate(names)]
    return gpd.GeoDataFrame({"code": [f"370105{i + 1:03d}" for i in range(len(cells))], "name": names},
                            geometry=cells, crs="EPSG:4326")


def make_catalog(zones, projects=2000, unlocated=500, long_roads=20, road_vertices=3000, seed=1, empty=1):
    """Catalog features (shapely geometries): ``unlocated`` without geometry, ``long_roads`` roads of
    ``road_vertices`` vertices across the district, then roads, areas and points for the rest; the last
    ``empty`` 街道 get none. Two of :data:`ODD_NAMES` are unlocated, two located points."""
    import shapely

    rng = random.Random(seed)
    district = shapely.union_all(list(zones.geometry)[:len(zones) - empty]).buffer(-0.0005)  # 50 m off the empty
    west, south, east, north = district.bounds
    features = []

    def add(category, geom, name=None, action="建设"):
        number = len(features) + 1
        name = name or _name(rng, 3) + {"road_rebuild": "路", "road_greening": "大街", "road_new": "路"}.get(
            category, {"park": "公园", "area": "片区"}.get(category, "中心"))
        geocode = ({"status": "matched", "source": "gazetteer", "method": "exact", "source_datum": "wgs84",
                    "accuracy_m": 50} if geom is not None else
                   {"status": "unlocated", "reason": "not in any gazetteer or OSM extract"})
        features.append({"type": "Feature", "geometry": geom, "properties": {
            "id": f"p{number:05d}", "name": name, "category": category, "action": action, "named": True,
            "quote": f"全面{action}{name}。", "char_start": number, "char_end": number + len(name),
            "geocode": geocode}})

    def inside():
        while True:
            point = shapely.Point(rng.uniform(west, east), rng.uniform(south, north))
            if district.contains(point):
                return point

    odd = list(ODD_NAMES)
    for i in range(long_roads):  # a wandering road across the district, thousands of vertices
        start, end = inside(), inside()
        coords = []
        for k in range(road_vertices):
            t = k / (road_vertices - 1)
            bend = 0.004 * math.sin(3 * math.pi * t)  # a road bends; its surveyed vertices wobble by a metre or two
            coords.append((start.x + (end.x - start.x) * t + bend + 0.00002 * rng.random(),
                           start.y + (end.y - start.y) * t - bend + 0.00002 * rng.random()))
        add(ROAD_CATEGORIES[i % 3], _clip_line(coords, district), action="改造")
    for i in range(unlocated):
        add(POINT_CATEGORIES[i % len(POINT_CATEGORIES)], None, name=odd.pop() if len(odd) > 2 and i % 50 == 7 else None)
    rest = projects - len(features)
    for i in range(rest):
        kind = i % 10
        if kind < 2:
            a = inside()
            b = shapely.Point(a.x + rng.uniform(-0.01, 0.01), a.y + rng.uniform(-0.01, 0.01))
            add(ROAD_CATEGORIES[i % 3], _clip_line([(a.x, a.y), ((a.x + b.x) / 2, (a.y + b.y) / 2 + 0.001),
                                                    (b.x, b.y)], district), action="改造")
        elif kind < 3:
            add(AREA_CATEGORIES[(i // 10) % 2], inside().buffer(0.002, quad_segs=4).intersection(district))
        else:
            add(POINT_CATEGORIES[i % len(POINT_CATEGORIES)], inside(), name=odd.pop() if odd and i % 97 == 5 else None)
    return features


def write_district(folder, **kwargs):
    """Write ``jiedao.geojson`` and ``projects.geojson`` of a synthetic district into ``folder``; returns the
    ``geo`` options that read the 街道 file (for join, coverage and render)."""
    from geo.pipeline import write_catalog

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    zones = make_zones(kwargs.pop("zones", 40), seed=kwargs.get("seed", 1))
    (folder / "jiedao.geojson").write_text(zones.to_json(drop_id=True, ensure_ascii=False), encoding="utf-8")
    write_catalog(folder / "projects.geojson", make_catalog(zones, **kwargs), "synthetic.txt")
    return ["--districts", str(folder / "jiedao.geojson"), "--name-field", "name", "--code-field", "code"]


def _clip_line(coords, district):
    """The line kept whole when it lies in the district, else its longest part inside it."""
    import shapely

    line = shapely.LineString(coords)
    if district.covers(line):
        return line
    parts = [p for p in shapely.get_parts(line.intersection(district)) if p.geom_type == "LineString"]
    return max(parts, key=lambda p: p.length) if parts else shapely.LineString(coords[:2])


def _name(rng, length):
    return "".join(rng.choice(SYLLABLES) for _ in range(length))


def catalog_counts(path):
    """``{"located": n, "unlocated": n}`` of a catalog file."""
    features = json.loads(Path(path).read_text(encoding="utf-8"))["features"]
    located = sum(1 for f in features if f["geometry"] is not None)
    return {"located": located, "unlocated": len(features) - located}
