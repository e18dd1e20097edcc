"""Official 街道 boundaries from OGR files: encodings, CRS, repair, topology warnings, errors."""

import geopandas as gpd
import pyogrio
import pytest
import shapely

from geo.boundaries import load_boundaries, load_official_zones
from geo.io import InputError

NAMES = ["无影山街道", "天桥东街街道", "北园街道"]


def _zones_metric():
    # Three 1 km x 1 km squares side by side in EPSG:4548 near 117E, 36.7N.
    x0, y0 = 500_000, 4_062_000
    geoms = [shapely.box(x0 + i * 1000, y0, x0 + (i + 1) * 1000, y0 + 1000) for i in range(3)]
    return gpd.GeoDataFrame({"JDMC": NAMES, "JDDM": ["370105001", "370105003", "370105014"]},
                            geometry=geoms, crs="EPSG:4548")


def _write_shp(gdf, path, encoding, keep_cpg):
    pyogrio.write_dataframe(gdf, path, encoding=encoding)
    if not keep_cpg:
        path.with_suffix(".cpg").unlink(missing_ok=True)


@pytest.mark.parametrize("encoding, keep_cpg", [("GBK", False), ("GBK", True), ("UTF-8", True), ("UTF-8", False)])
def test_shapefile_in_epsg4548_loads_with_chinese_names(tmp_path, encoding, keep_cpg):
    path = tmp_path / "jd.shp"
    _write_shp(_zones_metric(), path, encoding, keep_cpg)
    if not keep_cpg:
        raw = path.with_suffix(".dbf").read_bytes()
        assert "无影山".encode(encoding.lower()) in raw  # the file really is in that encoding
    b = load_boundaries(path, name_field="JDMC", code_field="JDDM")
    assert list(b.zones["name"]) == NAMES
    assert b.quality == "official" and set(b.zones["boundary_quality"]) == {"official"}
    assert b.zones.crs.to_epsg() == 4326
    # The outline is the union of the zones: 3 km², measured back in metres.
    assert b.outline.to_crs(4548).area.sum() == pytest.approx(3e6, rel=1e-3)
    assert 116.9 < b.zones.total_bounds[0] < 117.1


def test_geopackage_without_code_field_gets_row_codes(tmp_path):
    path = tmp_path / "jd.gpkg"
    _zones_metric().to_crs(4490).to_file(path)
    zones, warnings = load_official_zones(path, name_field="JDMC")
    assert list(zones["code"]) == ["001", "002", "003"] and not warnings


def test_bowtie_is_repaired_with_a_warning(tmp_path):
    gdf = _zones_metric()
    x0, y0 = 500_000, 4_062_000
    gdf.loc[0, "geometry"] = shapely.Polygon([(x0, y0), (x0 + 1000, y0 + 1000), (x0 + 1000, y0), (x0, y0 + 1000)])
    path = tmp_path / "bowtie.geojson"
    gdf.to_file(path)
    zones, warnings = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert zones.geometry.is_valid.all()
    assert any("repaired 1 invalid" in w for w in warnings)


def test_overlap_and_gap_are_reported(tmp_path):
    gdf = _zones_metric()
    gdf.loc[1, "geometry"] = gdf.loc[1, "geometry"].buffer(50, join_style="mitre")  # overlaps both neighbours
    gdf.loc[2, "geometry"] = shapely.box(502_100, 4_062_000, 503_100, 4_063_000)  # leaves a hole? no: a gap
    path = tmp_path / "messy.geojson"
    gdf.to_file(path)
    _, warnings = load_official_zones(path, name_field="JDMC", code_field="JDDM")
    assert any("overlap" in w for w in warnings)


@pytest.mark.parametrize("mutate, problem", [
    (lambda g: g.set_geometry(g.geometry.centroid), "expected polygons"),
    (lambda g: g.assign(JDDM="370105001"), "duplicate"),
    (lambda g: g.iloc[0:0], "no features"),
])
def test_bad_official_files_are_input_errors(tmp_path, mutate, problem):
    path = tmp_path / "bad.gpkg"
    mutate(_zones_metric()).to_file(path)
    with pytest.raises(InputError, match=problem):
        load_official_zones(path, name_field="JDMC", code_field="JDDM")


def test_missing_name_field_lists_columns(tmp_path):
    path = tmp_path / "jd.gpkg"
    _zones_metric().to_file(path)
    with pytest.raises(InputError, match="'NAME' is not a column.*JDMC"):
        load_official_zones(path, name_field="NAME")


def test_shapefile_without_prj_is_refused(tmp_path):
    path = tmp_path / "noprj.shp"
    _write_shp(_zones_metric(), path, "UTF-8", True)
    path.with_suffix(".prj").unlink()
    with pytest.raises(InputError, match="no coordinate reference system"):
        load_official_zones(path, name_field="JDMC")


def test_bundled_boundaries_are_approximate():
    b = load_boundaries()
    assert b.quality == "approximate" and len(b.zones) == 15
    assert set(b.zones["boundary_quality"]) == {"approximate"}
