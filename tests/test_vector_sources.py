"""Zip archives made on a Mac (geo.vector_sources.gdal_source): their __MACOSX resource forks left out."""

import zipfile

import geopandas as gpd
import pytest
import shapely

from geo import vectors
from geo.io import is_resource_fork

NAMES = ["白石街道", "青松街道"]
_FORK = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + b"\x00" * 4000  # AppleDouble: no Shapefile, no KML


def _streets(tmp_path, suffix, **options):
    path = tmp_path / f"街道{suffix}"
    gpd.GeoDataFrame({"名称": NAMES}, geometry=[shapely.box(120.10, 30.24, 120.14, 30.27),
                     shapely.box(120.14, 30.24, 120.18, 30.27)], crs=4326).to_file(path, **options)
    return path


def _mac_zip(tmp_path, path):
    """``path``'s files zipped as Finder compresses their folder 街道: ``街道/…`` and ``__MACOSX/街道/._…``."""
    archive = tmp_path / "街道.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for part in sorted(tmp_path.iterdir()):
            if part.stem == path.stem and part.suffix != ".zip":
                out.write(part, f"街道/{part.name}")
                out.writestr(f"__MACOSX/街道/._{part.name}", _FORK)
        out.writestr("街道/.DS_Store", b"\x00\x00\x00\x01Bud1" + b"\x00" * 100)
    return archive


@pytest.mark.parametrize("suffix, options", [(".shp", {"encoding": "GBK"}), (".kml", {"driver": "KML"}),
                                             (".tab", {"driver": "MapInfo File", "layer_options": {"ENCODING": "CP936"}})])
def test_a_folder_zipped_by_a_mac_is_read_without_its_resource_forks(tmp_path, suffix, options):
    # Finder's Compress adds __MACOSX/街道/._街道.shp (the resource fork, as a file of that name) beside 街道/街道.shp:
    # `not a vector file GDAL reads` (two folders of Shapefiles), or for a KML `holds a KML document GDAL cannot
    # read, '__MACOSX/街道/._街道.kml'`.
    archive = _mac_zip(tmp_path, _streets(tmp_path, suffix, **options))
    frame = vectors.read_vector(archive)
    column = "名称" if "名称" in frame.columns else "Name"
    assert list(frame[column]) == NAMES


def test_resource_forks_are_told_from_files():
    assert is_resource_fork("__MACOSX/成果/._jd.shp") and is_resource_fork("._jd.shp") and is_resource_fork("a/.DS_Store")
    assert not is_resource_fork("成果/jd.shp") and not is_resource_fork("jd._shp")


class _RawName(zipfile.ZipInfo):
    """A zip member whose name is written as the bytes ``raw``, not flagged UTF-8 (Info-ZIP, Windows' own zip)."""

    def __init__(self, raw):
        super().__init__(raw.decode("cp437"))
        self.raw = raw

    def _encodeFilenameFlags(self):
        return self.raw, self.flag_bits


def _zip_of_files(folder, archive, codec):
    """``folder``'s files zipped into ``archive`` with their names in ``codec``, not flagged UTF-8."""
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted(folder.iterdir()):
            out.writestr(_RawName(path.name.encode(codec)), path.read_bytes())
    return archive


def test_each_zip_has_its_own_name_encoding_in_one_run(tmp_path):
    # GDAL was told an Info-ZIP archive's names are UTF-8 for the whole process: a later archive of CP437 names indeed
    # (a DOS-era Western tool) was read as UTF-8, its layers' names garbled. Each archive now sets its own.
    from geo.boundaries import load_boundaries

    for name, codec, streets in (("青山", "utf-8", ["白石街道", "青松街道"]), ("west", "cp437", ["Café Nord", "Café Sud"])):
        folder = tmp_path / name
        folder.mkdir()
        for i, street in enumerate(streets):
            gpd.GeoDataFrame({"Id": [0]}, geometry=[shapely.box(120.1 + i * .02, 30.24, 120.12 + i * .02, 30.27)],
                             crs=4326).to_file(folder / f"{street}.shp")
        b = load_boundaries(_zip_of_files(folder, tmp_path / f"{name}.zip", codec), name_field="Id")
        assert sorted(b.zones["name"]) == streets
