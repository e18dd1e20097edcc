"""A vector file's frame once read: one rule for numbers that cannot be in the file's CRS, whatever its format."""

import json

import geopandas as gpd
import pytest
import shapely

from geo.io import InputError
from geo.vectors import read_vector

GK_117 = "EPSG:4548"  # CGCS2000 / 3-degree Gauss-Kruger CM 117E


def _zones(crs):
    """Two 街道 of 天桥区 in ``crs``."""
    frame = gpd.GeoDataFrame({"name": ["无影山街道", "北园街道"]},
                             geometry=[shapely.box(117.0, 36.68, 117.02, 36.7), shapely.box(117.02, 36.68, 117.04, 36.7)],
                             crs=4326)
    return frame.to_crs(crs)


def _write(frame, path, crs=None):
    """``frame`` saved at ``path`` with ``crs`` declared over its numbers (not reprojected to it)."""
    frame = frame if crs is None else frame.set_crs(crs, allow_override=True)
    frame.to_file(path, engine="pyogrio", **({"encoding": "UTF-8"} if path.suffix == ".shp" else {}))
    return path


@pytest.mark.parametrize("name", ["jd.shp", "jd.gpkg", "jd.geojson"])
def test_a_projected_crs_over_lon_lat_numbers_is_refused_naming_the_file_the_crs_and_the_range(tmp_path, name):
    # The .prj (or crs member) of another file: read as metres, the 街道 sat at lat 0.0003, off Africa.
    if name.endswith(".geojson"):
        path = tmp_path / name
        collection = json.loads(_zones(4326).to_json())
        collection["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4548"}}
        path.write_text(json.dumps(collection), encoding="utf-8")
    else:
        path = _write(_zones(4326), tmp_path / name, GK_117)
    with pytest.raises(InputError) as info:
        read_vector(path)
    assert str(info.value) == (f"{path}: its coordinates (x 117 to 117.04, y 36.68 to 36.7) are lon/lat degrees, and "
                               "its CRS, EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), is in metres: give "
                               "the file the CRS of its numbers (WGS-84 lon/lat is EPSG:4326, CGCS2000's EPSG:4490)")


def test_lon_lat_over_metres_is_refused_naming_the_crs_the_range_and_the_zone_they_fit(tmp_path):
    path = _write(_zones(GK_117), tmp_path / "jd.shp", 4490)  # a .prj of CGCS2000 lon/lat over the zone's metres
    with pytest.raises(InputError, match=r"jd\.shp: its coordinates \(x 500000 to 503575\.\d+, y 406\d+\.\d+ to 406\d+\.\d+\) "
                                         r"are out of range of its CRS, EPSG:4490 \(China Geodetic Coordinate System "
                                         r"2000\), in lon/lat degrees: wrong CRS\?; its numbers are metres of a "
                                         r"Gauss-Kruger zone without the zone number"):
        read_vector(path)


def test_lon_lat_swapped_is_named_as_such(tmp_path):
    frame = _zones(4326)
    frame["geometry"] = shapely.transform(frame.geometry.values, lambda xy: xy[:, ::-1])
    path = _write(frame, tmp_path / "jd.gpkg")
    with pytest.raises(InputError, match=r"jd\.gpkg: its coordinates \(x 36\.68 to 36\.7, y 117 to 117\.04\) are out of "
                                         r"range of its CRS, EPSG:4326 \(WGS 84\), in lon/lat degrees: latitude and "
                                         r"longitude swapped\?$"):
        read_vector(path)


def test_numbers_that_fit_their_crs_are_read_either_way(tmp_path):
    assert len(read_vector(_write(_zones(GK_117), tmp_path / "gk.gpkg"))) == 2
    assert len(read_vector(_write(_zones(4326), tmp_path / "ll.shp"))) == 2


def test_a_huge_coordinate_is_named_in_a_few_digits(tmp_path):
    # A coordinate of 1e308 (a sentinel a tool wrote for 'none') was named with all its 309 digits.
    path = tmp_path / "青山县点位.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "白石小学"}, "geometry": {"type": "Point", "coordinates": [1e308, 36.7]}},
        {"type": "Feature", "properties": {"name": "青山公园"}, "geometry": {"type": "Point", "coordinates": [116.98, 36.7]}},
    ]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_vector(path)
    assert str(info.value) == (f"{path}: its coordinates (x 116.98 to 1e+308, y 36.7 to 36.7) are out of range of its "
                               "CRS, EPSG:4326 (WGS 84), in lon/lat degrees: wrong CRS?")


def _kmz_with_overlay(path):
    import zipfile

    placemarks = "".join(f"<Placemark><name>{name}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>{x},36.68 "
                         f"{x + 0.02},36.68 {x + 0.02},36.7 {x},36.7 {x},36.68</coordinates></LinearRing></outerBoundaryIs>"
                         "</Polygon></Placemark>" for name, x in (("青山街道", 117.0), ("白石街道", 117.02)))
    overlay = ("<GroundOverlay><name>航拍影像</name><Icon><href>files/航拍.jpg</href></Icon><LatLonBox><north>36.72</north>"
               "<south>36.66</south><east>117.06</east><west>116.98</west></LatLonBox></GroundOverlay>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("files/航拍.jpg", b"\xff\xd8\xff\xe0" + bytes(2000))
        archive.writestr("doc.kml", '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
                                    f"<Document>{overlay}{placemarks}</Document></kml>")
    return path


def test_a_picture_laid_over_the_map_in_a_kmz_is_no_feature(tmp_path, capsys):
    frame = read_vector(_kmz_with_overlay(tmp_path / "街道.kmz"))
    names = next(frame[c] for c in frame.columns if c.lower() == "name")
    assert list(names) == ["青山街道", "白石街道"]  # not the aerial photo's box, which held both
    assert "left out 1 picture(s) laid over the map (航拍影像: a KML GroundOverlay's box)" in capsys.readouterr().err
