"""The refusal of a 街道 file given without --name-field names its columns (geo/district_fields.py)."""

import json

import pytest
import shapely

from geo.boundaries import load_official_zones
from geo.io import InputError


def _official(tmp_path, properties):
    """青山县's 街道 as an official file would give them: one feature per row of ``properties``."""
    features = [{"type": "Feature", "properties": row,
                 "geometry": shapely.geometry.mapping(shapely.box(117.10 + i * 0.02, 36.60, 117.12 + i * 0.02, 36.62))}
                for i, row in enumerate(properties)]
    path = tmp_path / "行政区划.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_street_file_without_its_name_field_is_refused_naming_its_columns_and_the_options(tmp_path):
    # An official file (XZQDM, XZQMC, MJ) given without --name-field: `--name-field is required with
    # --districts (the column holding 街道 names)`, nothing of which column that is.
    path = _official(tmp_path, [{"OBJECTID": 1, "XZQDM": "370199001", "XZQMC": "白石街道", "MJ": 2.5, "BZ": None},
                                {"OBJECTID": 2, "XZQDM": "370199100", "XZQMC": "青松镇", "MJ": 8.1, "BZ": "新设"}])
    with pytest.raises(InputError, match=r"行政区划\.geojson: --name-field is required with --districts \(the column "
                                         r"holding 街道 names\); its columns: OBJECTID, XZQDM, XZQMC, MJ, BZ: "
                                         r"--name-field XZQMC --code-field XZQDM$"):
        load_official_zones(path, name_field=None)


def test_a_street_file_of_array_and_object_values_is_refused_naming_its_columns(tmp_path):
    # DataV's GeoJSON: center, acroutes arrays and parent an object beside name and adcode.
    path = _official(tmp_path, [{"adcode": 370199001, "name": "白石街道", "center": [117.1, 36.6], "parent": {"adcode": 370199},
                                 "acroutes": [100000, 370000]},
                                {"adcode": 370199002, "name": "青松街道", "center": [117.1, 36.6], "parent": {"adcode": 370199},
                                 "acroutes": [100000, 370000]}])
    with pytest.raises(InputError, match=r"; its columns: adcode, name, center, parent, acroutes: --name-field name "
                                         r"--code-field adcode$"):
        load_official_zones(path, name_field=None)


def test_a_street_file_of_two_columns_of_names_is_refused_naming_its_columns_alone(tmp_path):
    path = _official(tmp_path, [{"街道": "白石街道", "原名": "白石乡"}, {"街道": "青松街道", "原名": "青松镇"}])
    with pytest.raises(InputError, match=r"\(the column holding 街道 names\); its columns: 街道, 原名$"):
        load_official_zones(path, name_field=None)


def test_a_kml_whose_first_folder_holds_folders_alone_is_listed_by_its_placemarks(tmp_path):
    # Google Earth's 青山区 folder of a folder per 街道: GDAL's first layer is 青山区, of no placemark.
    marks = "".join(f"<Folder><name>{name}</name><Placemark><name>{name}</name><Polygon><outerBoundaryIs><LinearRing>"
                    f"<coordinates>{x},36.6 {x + 0.02},36.6 {x + 0.02},36.62 {x},36.62 {x},36.6</coordinates>"
                    "</LinearRing></outerBoundaryIs></Polygon></Placemark></Folder>"
                    for name, x in (("白石街道", 117.10), ("青松街道", 117.12)))
    path = tmp_path / "街道.kml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                    f"<Folder><name>青山县</name>{marks}</Folder></Document></kml>", encoding="utf-8")
    with pytest.raises(InputError, match=r"; its columns: id, Name, description.*: --name-field Name$"):
        load_official_zones(path, name_field=None)


@pytest.mark.parametrize("ids", [[0, 0, 0], [1, 2, 3]])
def test_a_folder_of_a_shapefile_per_street_without_names_is_refused_suggesting_the_field_naming_them_by_files(
        tmp_path, ids):
    # A surveyor's folder of 白石街道.shp, 青松街道.shp, 东湖街道.shp holding an `Id` 0 alone: `its columns: Id`, nothing
    # of `--name-field Id` naming each 街道 by its file. Ids that differ name no file: no suggestion.
    import geopandas as gpd

    folder = tmp_path / "街道"
    folder.mkdir()
    for i, (name, value) in enumerate(zip(["白石街道", "青松街道", "东湖街道"], ids)):
        gpd.GeoDataFrame({"Id": [value]}, geometry=[shapely.box(117.10 + i * .02, 36.60, 117.12 + i * .02, 36.62)],
                         crs=4326).to_file(folder / f"{name}.shp")
    said = r": --name-field Id \(its files are named as 街道 are, 东湖街道、白石街道、青松街道: each file's features, " \
           r"all Id 0, named by their file\)$" if ids[0] == ids[1] else r"its columns: Id$"
    with pytest.raises(InputError, match=said):
        load_official_zones(folder, name_field=None)
    if ids[0] == ids[1]:
        zones, _ = load_official_zones(folder, name_field="Id")
        assert sorted(zones["name"]) == ["东湖街道", "白石街道", "青松街道"]
