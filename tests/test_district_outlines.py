"""The district outline of --outline as planners hand it over: a layer of a GeoPackage, a GPS unit's closed track."""

import geopandas as gpd
import pytest
import shapely

from geo.boundaries import load_boundaries
from geo.io import InputError

# A 2 km square inside 天桥区 (lon/lat), standing for 青山县's outline.
SQUARE = shapely.box(116.96, 36.70, 116.98, 36.72)


def _gpx(path, ring):
    points = "".join(f'<trkpt lat="{y}" lon="{x}"/>' for x, y in ring)
    path.write_text('<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">'
                    f'<wpt lat="36.71" lon="116.97"><name>青山县政府</name></wpt>'
                    f'<trk><name>青山县</name><trkseg>{points}</trkseg></trk></gpx>', encoding="utf-8")
    return path


def _area(boundaries):
    return boundaries.outline.geometry.iloc[0].symmetric_difference(SQUARE).area / SQUARE.area


def test_an_outline_walked_as_a_closed_gpx_track_is_read_as_the_polygon_it_closes(tmp_path):
    # GDAL reads a GPX's first layer, its waypoints: 'expected a polygon outline'.
    path = _gpx(tmp_path / "青山县.gpx", SQUARE.exterior.coords)
    assert _area(load_boundaries(outline_path=path)) < 1e-6


def test_an_outline_named_as_a_layer_of_its_file_is_read_from_that_layer(tmp_path):
    # 'file not found' for 'qs.gpkg|layername=outline', as QGIS names a layer (--districts reads it).
    path = tmp_path / "青山县.gpkg"
    road = shapely.LineString([(116.96, 36.70), (116.98, 36.73)])
    gpd.GeoDataFrame({"name": ["白石路"]}, geometry=[road], crs=4326).to_file(path, layer="roads")
    gpd.GeoDataFrame({"name": ["青山县"]}, geometry=[SQUARE], crs=4326).to_file(path, layer="outline")
    assert _area(load_boundaries(outline_path=f"{path}|layername=outline")) < 1e-6


def test_an_outline_file_of_several_layers_is_read_from_its_one_layer_of_polygons(tmp_path):
    # The roads, its first layer, were read: 'expected a polygon outline (its lines close no area…)'.
    path = tmp_path / "青山县.gpkg"
    road = shapely.LineString([(116.96, 36.70), (116.98, 36.73)])
    gpd.GeoDataFrame({"name": ["白石路"]}, geometry=[road], crs=4326).to_file(path, layer="roads")
    gpd.GeoDataFrame({"name": ["青山县"]}, geometry=[SQUARE], crs=4326).to_file(path, layer="outline")
    assert _area(load_boundaries(outline_path=path)) < 1e-6


def test_an_outline_file_of_two_layers_of_polygons_asks_for_one_by_name(tmp_path):
    path = tmp_path / "青山县.gpkg"
    for layer in ("outline", "parks"):
        gpd.GeoDataFrame({"name": ["青山县"]}, geometry=[SQUARE], crs=4326).to_file(path, layer=layer)
    with pytest.raises(InputError) as info:
        load_boundaries(outline_path=path)
    assert str(info.value) == (f"{path}: several layers hold polygons (outline, parks); name the outline's as "
                               f"'{path}|layername=outline'")


@pytest.mark.parametrize("name, options", [("青山县.fgb", {"SPATIAL_INDEX": "YES"}), ("青山县.gpkg", {})])
def test_an_outline_file_of_no_feature_says_so(tmp_path, name, options):
    # 'expected a polygon outline', as if it held something else.
    path = tmp_path / name
    gpd.GeoDataFrame({"name": ["青山县"]}, geometry=[SQUARE], crs=4326).iloc[:0].to_file(path, **options)
    with pytest.raises(InputError) as info:
        load_boundaries(outline_path=path)
    assert str(info.value) == f"{path}: contains no features (expected a polygon outline)"


def test_an_outline_stored_as_a_collection_of_its_polygon_and_a_label_point_is_its_polygon(tmp_path):
    # 'expected a polygon outline' for the district drawn with its name's point in one GeometryCollection.
    import json

    path = tmp_path / "青山县.geojson"
    geometry = {"type": "GeometryCollection", "geometries": [shapely.geometry.mapping(SQUARE),
                                                              {"type": "Point", "coordinates": [116.97, 36.71]}]}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "青山县"}, "geometry": geometry}]}), encoding="utf-8")
    boundaries = load_boundaries(outline_path=path)
    assert _area(boundaries) < 1e-6
    assert any("GeometryCollection" in w for w in boundaries.warnings), boundaries.warnings


def test_the_outline_of_one_street_block_is_its_own_edge_not_closed(tmp_path):
    # A file of one 街道 has no sliver between 街道 to close: the closing (a 1 m buffer out and in) only
    # filled the notches of its edge narrower than 2 m (a creek's bed, a lane cut in), and on a jagged
    # edge of 300,000 vertices cost some 8 s of GEOS buffer. Its outline is now the 街道 itself.
    wide, deep = 1.0 / 89_000, 50.0 / 111_000  # a notch 1 m wide, 50 m deep in the north edge
    x0, y0, x1, y1 = SQUARE.bounds
    notched = shapely.Polygon([(x0, y0), (x1, y0), (x1, y1), (116.97 + wide, y1), (116.97 + wide, y1 - deep),
                               (116.97, y1 - deep), (116.97, y1), (x0, y1)])
    path = tmp_path / "青山街道.geojson"
    gpd.GeoDataFrame({"name": ["青山街道"]}, geometry=[notched], crs=4326).to_file(path)
    outline = load_boundaries(districts_path=path, name_field="name").outline.geometry.iloc[0]
    assert not outline.contains(shapely.Point(116.97 + wide / 2, y1 - deep / 2))  # the notch is no part of it
    assert outline.contains(shapely.Point(116.97 - wide / 2, y1 - deep / 2))


def test_an_outline_kml_whose_placemark_lies_in_a_folder_of_folders_is_read(tmp_path):
    # Google Earth's 行政区划 folder holding a 青山县 folder of the outline: GDAL's first layer, 行政区划, holds no
    # placemark, and the outline was `contains no features (expected a polygon outline)`.
    from geo.district_outlines import load_outline

    ring = "117.10,36.60 117.16,36.60 117.16,36.64 117.10,36.64 117.10,36.60"
    path = tmp_path / "青山县.kml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                    "<Folder><name>行政区划</name><Folder><name>青山县</name><Placemark><name>青山县</name><Polygon>"
                    f"<outerBoundaryIs><LinearRing><coordinates>{ring}</coordinates></LinearRing></outerBoundaryIs>"
                    "</Polygon></Placemark></Folder></Folder></Document></kml>", encoding="utf-8")
    outline, _ = load_outline(path)
    assert outline.geometry.iloc[0].bounds == pytest.approx((117.10, 36.60, 117.16, 36.64))
