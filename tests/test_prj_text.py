"""A Shapefile whose .prj names its CRS in Chinese, in GBK (SuperMap, MapGIS, an ArcGIS on a Chinese Windows):
read from a UTF-8 copy of its .prj (geo/prj_text.py)."""

import geopandas as gpd
import pytest
import shapely

from geo import vectors
from geo.boundaries import load_boundaries

_PRJ = ('PROJCS["高斯克吕格_CGCS2000_3度带_120E",GEOGCS["GCS_中国2000",DATUM["D_China_2000",SPHEROID["CGCS2000",'
        '6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],'
        'PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],'
        'PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]')


def _streets(folder, stem="街道", names=("白石街道", "青松街道"), x=120.10):
    """青山县's 街道 (``names``, side by side from ``x``°E) as a Shapefile in CGCS2000 Gauss-Kruger CM 120E, its .prj
    naming the CRS in GBK."""
    path = folder / f"{stem}.shp"
    gpd.GeoDataFrame({"JDMC": list(names)}, geometry=[shapely.box(x + 0.02 * i, 30.24, x + 0.02 * i + 0.02, 30.27)
                     for i in range(len(names))], crs=4326).to_crs(4549).to_file(
        path, encoding="cp936")
    path.with_suffix(".prj").write_bytes(_PRJ.encode("gbk"))
    return path


@pytest.mark.parametrize("as_folder", [False, True])
def test_a_shapefile_whose_prj_names_its_crs_in_gbk_is_read(tmp_path, as_folder):
    # `not a readable vector file (local variable 'wkt' referenced before assignment)`, naming nothing of the .prj;
    # a folder of such Shapefiles failed with an UnboundLocalError.
    path = _streets(tmp_path)
    if as_folder:
        _streets(tmp_path, "东湖街道", ["东湖街道"], 120.14)
    frame = vectors.read_vector(path)
    assert frame.crs.name == "高斯克吕格_CGCS2000_3度带_120E"
    assert list(frame["JDMC"]) == ["白石街道", "青松街道"]
    zones = load_boundaries(tmp_path if as_folder else path, name_field="JDMC").zones
    assert sorted(zones["name"]) == sorted(["白石街道", "青松街道"] + ["东湖街道"] * as_folder)
    assert abs(zones.total_bounds[0] - 120.10) < 1e-6
    assert path.with_suffix(".prj").read_bytes() == _PRJ.encode("gbk")  # the user's file left as it is


@pytest.mark.parametrize("folder", ["", "成果/"])
def test_a_zipped_shapefile_whose_prj_names_its_crs_in_gbk_is_read(tmp_path, folder):
    # 街道.zip as sent: `not a readable vector file (local variable 'wkt' referenced before assignment)`.
    import zipfile

    _streets(tmp_path)  # (its files zipped below)
    archive = tmp_path / "街道.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for part in sorted(tmp_path.glob("街道.*")):
            if part != archive:
                out.write(part, f"{folder}{part.name}")
    assert list(vectors.read_vector(archive)["JDMC"]) == ["白石街道", "青松街道"]
    assert sorted(load_boundaries(archive, name_field="JDMC").zones["name"]) == ["白石街道", "青松街道"]


def test_a_shapefile_without_its_shx_whose_prj_names_its_crs_in_gbk_is_read(tmp_path):
    # Its .shx made anew beside links to its files, the .prj among them passed on in GBK: `local variable 'wkt'
    # referenced before assignment`.
    path = _streets(tmp_path)
    path.with_suffix(".shx").unlink()
    frame = vectors.read_vector(path)
    assert frame.crs.name == "高斯克吕格_CGCS2000_3度带_120E"
    assert list(frame["JDMC"]) == ["白石街道", "青松街道"]
