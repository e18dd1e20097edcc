"""GeoJSON files read: errors named in one line, coordinates that are no numbers refused."""

import json
import re

import pytest

from geo.geojson_read import read_feature_collection
from geo.io import InputError


@pytest.mark.parametrize("content, problem", [
    ('{"type": "FeatureCollection", "features": [', "invalid JSON"),
    ('[1, 2]', "expected a GeoJSON FeatureCollection"),
    ('{"type": "Feature", "geometry": null, "properties": {}}', "found 'Feature'"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
     '"geometry": {"type": "Point", "coordinates": [NaN, 1]}}]}', "NaN or infinite"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
     '"geometry": {"type": "Polygon", "coordinates": [[1, 2]]}}]}', "invalid geometry"),
])
def test_read_feature_collection_errors(tmp_path, content, problem):
    path = tmp_path / "p.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        read_feature_collection(path)


@pytest.mark.parametrize("coordinates, shown", [([True, False], "true"), (["117.01", 36.7], '"117.01"'),
                                                ([[117.0, 36.7], [117.01, {"x": 1}]], '{"x": 1}')])
def test_a_geojson_coordinate_that_is_no_number_is_refused_naming_the_feature(tmp_path, coordinates, shown):
    # shapely read [true, false] as (1, 0) and "117.01" as 117.01: a project placed at lon 1, lat 0, silently.
    kind = "Point" if not isinstance(coordinates[0], list) else "LineString"
    feature = {"type": "Feature", "properties": {}, "geometry": {"type": kind, "coordinates": coordinates}}
    path = tmp_path / "points.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"points.geojson: feature 1 has a coordinate that is no number "
                                                   f"({shown})")):
        read_feature_collection(path)


SQUARE = [[116.98, 36.70], [116.99, 36.70], [116.99, 36.71], [116.98, 36.70]]


@pytest.mark.parametrize("kind, coordinates, said", [
    ("Polygon", [[SQUARE]], "nests its coordinates 4 deep, as a MultiPolygon does (a Polygon's are 3 deep)"),
    ("MultiPolygon", [SQUARE], "nests its coordinates 3 deep, as a Polygon or MultiLineString does (a MultiPolygon's are 4 deep)"),
    ("Point", [[116.98, 36.70]], "nests its coordinates 2 deep, as a LineString or MultiPoint does (a Point's are 1 "
                                 "deep)")])
def test_a_geometry_whose_coordinates_nest_as_another_type_is_named(tmp_path, kind, coordinates, said):
    # GDAL reads it as no geometry: 'no feature has coordinates (白石小学): their coordinates are empty…', or
    # '1 of 2 features has no geometry (白石街道)'.
    from geo.gazetteer_files import load_file

    features = [{"type": "Feature", "properties": {"name": "白石小学"}, "geometry": {"type": "Point",
                                                                                "coordinates": [116.98, 36.7]}},
                {"type": "Feature", "properties": {"name": "青山公园"}, "geometry": {"type": kind,
                                                                                "coordinates": coordinates}}]
    path = tmp_path / "青山县点位.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_file(path)
    assert str(info.value) == (f"{path}: feature 2's {kind} {said}, which GDAL reads as no geometry: give it the type "
                               "of its coordinates")


def test_a_feature_without_type_nor_geometry_member_is_named(tmp_path):
    # GDAL leaves out a feature without a type; one without a "geometry" member either (its place still to be
    # drawn) left the file's geometry members as many as the features read, and it was dropped without a word.
    from geo.gazetteer_files import load_file

    features = [{"type": "Feature", "properties": {"name": "白石小学"},
                 "geometry": {"type": "Point", "coordinates": [116.98, 36.7]}},
                {"properties": {"name": "青山公园"}}]
    path = tmp_path / "青山县点位.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_file(path)
    assert str(info.value) == (f"{path}: feature 2 has no \"type\": \"Feature\", which GDAL does not read: write its "
                               "type as \"Feature\"")
