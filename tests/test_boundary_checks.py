"""What is said of a 街道 file's topology (gaps and slivers between its 街道), found in time linear in their detail."""

import numpy as np
import pytest
import shapely

from geo.boundary_checks import _gaps


def _notched(x0, x1, notches):
    """A 街道 from x0 to x1 (metres), 100 m high, its north edge cut by ``notches`` notches 2 m wide, 3 m deep."""
    step = (x1 - x0) / (notches + 1)
    top = [(x1, 100.0)]
    for n in range(notches, 0, -1):
        x = x0 + n * step
        top += [(x + 1, 100.0), (x + 1, 97.0), (x - 1, 97.0), (x - 1, 100.0)]
    return shapely.Polygon([(x0, 0.0), (x1, 0.0), *top, (x0, 100.0)])


class _CountedTree(shapely.STRtree):
    queries = 0

    def query(self, *args, **kwargs):
        type(self).queries += 1
        return super().query(*args, **kwargs)


def test_the_slivers_of_a_detailed_edge_are_tested_against_the_street_blocks_in_one_query(monkeypatch):
    monkeypatch.setattr(shapely, "STRtree", _CountedTree)
    west, east = _notched(0, 500, 60), _notched(502, 1000, 60)  # 120 notches, a 2 m gap between the two 街道
    gaps = _gaps(np.array([west, east], dtype=object), shapely.union_all([west, east]))
    assert [round(g.area) for g in gaps] == [200]  # the gap between them; no notch of one 街道's edge
    assert _CountedTree.queries == 1  # not one a sliver (each measuring the whole 街道 again)


def test_a_single_street_block_has_its_holes_as_gaps_and_its_notches_are_not_looked_into(monkeypatch):
    buffered = []
    monkeypatch.setattr(shapely, "buffer", lambda *a, **k: buffered.append(a) or shapely.lib.buffer(*a, **k))
    lone = shapely.Polygon(_notched(0, 500, 60).exterior, [[(10, 10), (20, 10), (20, 20), (10, 20)]])
    assert [round(g.area) for g in _gaps(np.array([lone], dtype=object), lone)] == [100]
    assert buffered == []  # no closing: no sliver lies between two 街道 when there is one


def _collected(tmp_path, collections):
    """A GeoJSON of three 1 km 街道 of 青山县 (lon/lat), the first ``len(collections)`` of them stored as a
    GeometryCollection of their polygon and the geometries ``collections[i]`` gives (a label point...)."""
    import json

    squares = [shapely.box(116.96 + i * 0.0112, 36.70, 116.96 + (i + 1) * 0.0112, 36.709) for i in range(3)]
    features = []
    for i, (name, square) in enumerate(zip(["青山街道", "白石街道", "松林街道"], squares)):
        geometry = shapely.geometry.mapping(square)
        if i < len(collections):
            geometry = {"type": "GeometryCollection", "geometries": [geometry, *collections[i](square)]}
        features.append({"type": "Feature", "properties": {"name": name, "code": f"37010500{i + 1}"},
                         "geometry": geometry})
    path = tmp_path / "青山县街道.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8")
    return path, squares


def test_a_street_block_stored_as_a_collection_of_its_polygon_and_a_label_point_is_its_polygon(tmp_path):
    # FME, PostGIS's ST_Collect or a web map's export: a 街道 with its label point in one GeometryCollection,
    # another of its polygon alone. Refused: 'expected polygons, found GeometryCollection, Polygon'.
    from geo.boundaries import load_official_zones

    def label(square):
        point = square.centroid
        return [{"type": "Point", "coordinates": [point.x, point.y]}]

    path, squares = _collected(tmp_path, [label, lambda square: []])
    zones, warnings = load_official_zones(path, name_field="name", code_field="code")
    assert list(zones.geom_type) == ["Polygon"] * 3
    for name, square in zip(["青山街道", "白石街道", "松林街道"], squares):
        zone = zones.loc[zones["name"] == name].to_crs(4326).geometry.iloc[0]
        assert zone.symmetric_difference(square).area < 1e-6 * square.area
    said = [w for w in warnings if "GeometryCollection" in w]
    assert len(said) == 1 and "1 feature(s)" in said[0] and "青山街道" in said[0], warnings


def test_a_collection_of_points_alone_is_still_no_street_block(tmp_path):
    import pytest

    from geo.boundaries import load_official_zones
    from geo.io import InputError

    path = tmp_path / "青山县街道.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "青山街道"}, '
                    '"geometry": {"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": '
                    '[116.97, 36.70]}]}}]}', encoding="utf-8")
    with pytest.raises(InputError, match="expected polygons, found GeometryCollection"):
        load_official_zones(path, name_field="name")


def _osm_extract(tmp_path, boundaries):
    """An OSM XML extract (青山县.osm): a market (白石市场, a closed multipolygon relation), 白石街道 as a
    boundary relation of two ways that do not meet, and ``boundaries`` closed admin_level 8 ones."""
    corners = {"白石市场": (117.010, 36.690, 117.014, 36.694), "青山街道": (116.98, 36.68, 117.02, 36.70)}
    nodes = {1: (117.000, 36.690), 2: (117.004, 36.690), 3: (117.004, 36.694), 4: (117.000, 36.694), 5: (117.0005, 36.6935)}
    ways, relations = ['<way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/></way>',
                       '<way id="101"><nd ref="4"/><nd ref="5"/></way>'], []
    tags = {"白石市场": '<tag k="type" v="multipolygon"/><tag k="amenity" v="marketplace"/>'}
    admin = '<tag k="type" v="boundary"/><tag k="boundary" v="administrative"/><tag k="admin_level" v="8"/>'
    relations.append(f'<relation id="220"><member type="way" ref="100" role="outer"/><member type="way" ref="101" '
                     f'role="outer"/>{admin}<tag k="name" v="白石街道"/></relation>')
    for number, name in enumerate(["白石市场"] + boundaries):
        x0, y0, x1, y1 = corners[name]
        first = 10 * (number + 1)
        nodes.update({first: (x0, y0), first + 1: (x1, y0), first + 2: (x1, y1), first + 3: (x0, y1)})
        ways.append(f'<way id="{first}">' + "".join(f'<nd ref="{first + k}"/>' for k in (0, 1, 2, 3, 0)) + "</way>")
        relations.append(f'<relation id="{300 + number}"><member type="way" ref="{first}" role="outer"/>'
                         f'{tags.get(name, admin)}<tag k="name" v="{name}"/></relation>')
    text = "".join(f'<node id="{n}" lat="{y}" lon="{x}"/>' for n, (x, y) in nodes.items())
    path = tmp_path / "青山县.osm"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?><osm version="0.6">{text}{"".join(ways)}'
                    f'{"".join(relations)}</osm>', encoding="utf-8")
    return path


def test_an_osm_extract_as_street_blocks_gives_its_boundaries_alone(tmp_path):
    # GDAL reads every closed way and relation of an extract as a polygon: its market was the district's
    # one 街道, and its boundary relation whose rings do not close was dropped without a word.
    import pytest

    from geo.boundaries import load_official_zones
    from geo.io import InputError

    said = r"OpenStreetMap extract holding no 街道 boundary .*: its polygons are 白石市场; 1 街道 boundary relation\(s\) "
    with pytest.raises(InputError, match=said + r"left out, .*: 白石街道 \(r220\); export"):
        load_official_zones(_osm_extract(tmp_path, []), name_field="name")
    zones, warnings = load_official_zones(_osm_extract(tmp_path, ["青山街道"]), name_field="name")
    assert list(zones["name"]) == ["青山街道"]
    assert any("left out 1 of its 2 OpenStreetMap polygon(s) that are no 街道 boundary" in w and "白石市场" in w
               for w in warnings), warnings
    assert any("1 街道 boundary relation(s) left out" in w and "白石街道 (r220)" in w for w in warnings), warnings


@pytest.mark.parametrize("name", ["青山县街道_GCJ02.kml", "青山县街道(百度坐标).geojson"])
def test_a_street_file_whose_name_alone_says_a_web_datum_is_said_to_be_read_as_wgs84(tmp_path, name):
    # A web-map tool's export (奥维, a downloader) named 街道_GCJ02.kml, nothing in it stating a datum: read as WGS-84
    # without a word, its 街道 hundreds of metres off. --districts-datum given, nothing is said.
    import geopandas as gpd

    from geo.boundaries import load_boundaries

    path = tmp_path / name
    gpd.GeoDataFrame({"Name": ["白石街道", "青松街道"]}, geometry=[shapely.box(120.10, 30.24, 120.12, 30.27),
                     shapely.box(120.12, 30.24, 120.14, 30.27)], crs=4326).to_file(
        path, driver="KML" if name.endswith(".kml") else "GeoJSON")
    datum = "gcj02" if "GCJ02" in name else "bd09"
    said = [w for w in load_boundaries(path, name_field="Name").warnings if "its name says" in w]
    assert said == [f"{path}: its name says {'GCJ-02 (Amap, Tencent)' if datum == 'gcj02' else 'BD-09 (Baidu)'}, "
                    "but nothing in the file states a datum: its lon/lat are read as WGS-84; if a web map drew them, "
                    f"give --districts-datum {datum}"]
    assert not [w for w in load_boundaries(path, name_field="Name", districts_datum=datum).warnings if "its name says" in w]
