"""MapInfo files whose header names another charset than their text's (geo.mapinfo_files)."""

import pytest
import shapely

from geo import vectors


def _mapinfo(tmp_path, suffix, encoding, said):
    """青山区's two 街道 as a MapInfo file (``suffix`` .mif or .tab) of text in ``encoding``, its header
    naming the charset ``said``."""
    import geopandas as gpd

    path = tmp_path / f"jd{suffix}"
    gpd.GeoDataFrame({"街道名称": ["白石街道", "青松街道"]}, geometry=[shapely.box(120.10, 30.24, 120.14, 30.27),
                     shapely.box(120.14, 30.24, 120.18, 30.27)], crs=4326).to_file(
        path, driver="MapInfo File", layer_options={"ENCODING": encoding})
    for part in tmp_path.iterdir():  # the header (.mif, or .tab) names another charset than the text's
        if part.suffix in (".mif", ".tab"):
            text = part.read_bytes()
            for name in (b"WindowsSimpChinese", b"UTF-8"):
                text = text.replace(name, said)
            part.write_bytes(text)
    return path


@pytest.mark.parametrize("suffix", [".mif", ".tab"])
@pytest.mark.parametrize("encoding, said", [("UTF-8", b"WindowsSimpChinese"), ("UTF-8", b"WindowsTradChinese"),
                                            ("CP936", b"WindowsLatin1")])
def test_a_mapinfo_file_whose_header_names_another_charset_than_its_text_is_read_by_its_text(
        tmp_path, capsys, suffix, encoding, said):
    # A .mid converted to UTF-8 by a text editor or iconv, its header still naming GBK (or a file of
    # GBK text whose header names Windows-1252): GDAL read every name as other characters (白石街道 as
    # 鐧界煶琛楅亾), and the column as 琛楅亾鍚嶇О, without an error.
    path = _mapinfo(tmp_path, suffix, encoding, said)
    frame = vectors.read_vector(path)
    assert list(frame["街道名称"]) == ["白石街道", "青松街道"]
    (line,) = [w for w in capsys.readouterr().err.splitlines() if "header names the charset" in w]
    assert line.startswith(f"warning: {path}: its header names the charset {said.decode()} (")


@pytest.mark.parametrize("suffix", [".mif", ".tab"])
def test_a_mapinfo_file_whose_header_names_its_texts_charset_is_read_without_a_word(tmp_path, capsys, suffix):
    path = _mapinfo(tmp_path, suffix, "CP936", b"WindowsSimpChinese")
    frame = vectors.read_vector(path)
    assert list(frame["街道名称"]) == ["白石街道", "青松街道"]
    assert "charset" not in capsys.readouterr().err


@pytest.mark.parametrize("suffix, part", [(".mif", ".mid"), (".tab", ".dat")])
def test_a_mapinfo_file_without_its_table_of_values_is_refused_naming_the_part(tmp_path, suffix, part):
    # A .mif copied without its .mid: `every feature has an empty '街道名称'`; a .tab without its .dat:
    # `not a vector file GDAL reads`.
    from geo.io import InputError

    path = _mapinfo(tmp_path, suffix, "CP936", b"WindowsSimpChinese")
    path.with_suffix(part).unlink()
    with pytest.raises(InputError, match=rf"jd\{suffix}: MapInfo \{suffix} has no \{part} beside it \(its table of "
                                         rf"values: names, codes\); copy the \{part} with it$"):
        vectors.read_vector(path)


def test_a_mapinfo_table_of_no_map_objects_says_its_lon_lat_columns_are_read_from_a_csv(tmp_path):
    # A table of 名称, 经度, 纬度 that MapInfo never made points of (no .map, .id): `has no geometry column`.
    from geo.io import InputError

    path = _mapinfo(tmp_path, ".tab", "CP936", b"WindowsSimpChinese")
    for part in (".map", ".id"):
        path.with_suffix(part).unlink()
    with pytest.raises(InputError, match=r"jd.tab: has no geometry column: its layer 'jd' is a table of attributes "
                                         r"alone \(街道名称\) \(no .map beside it: a table of no map objects, or its "
                                         r".map and .id not copied with it\?\)$"):
        vectors.read_vector(path)


def test_a_mapinfo_raster_table_is_said_to_be_a_picture(tmp_path):
    from geo.io import InputError

    path = tmp_path / "影像.tab"
    path.write_text('!table\n!version 300\n!charset WindowsSimpChinese\n\nDefinition Table\n  File "影像.png"\n'
                    '  Type "RASTER"\n  (120.1,30.3) (0,0) Label "Pt 1",\n  (120.2,30.3) (1000,0) Label "Pt 2",\n'
                    '  (120.2,30.2) (1000,1000) Label "Pt 3"\n  CoordSys Earth Projection 1, 104\n  Units "degree"\n',
                    encoding="gbk")
    with pytest.raises(InputError, match=r"影像.tab: is a MapInfo raster table \(a picture placed on the map\)"):
        vectors.read_vector(path)


def test_a_mapinfo_field_name_garbled_into_underscores_is_named_in_the_refusal(tmp_path):
    # QGIS 3.22's "Save Features As" MapInfo (GDAL 3.6) wrote 名称 as 名_ (bytes no Latin-1 letter made '_'):
    # `--name-field '名称' is not a column (columns: 名_)`, nothing said of why, nor that 名_ is it.
    import geopandas as gpd

    from geo.boundaries import load_boundaries
    from geo.io import InputError

    path = tmp_path / "jd.tab"
    gpd.GeoDataFrame({"名称": ["白石街道", "青松街道"]}, geometry=[shapely.box(120.10, 30.24, 120.14, 30.27),
                     shapely.box(120.14, 30.24, 120.18, 30.27)], crs=4326).to_file(
        path, driver="MapInfo File", layer_options={"ENCODING": "CP936"})
    for part in (path, path.with_suffix(".dat")):  # 名称 (C3FB B3C6) as GDAL 3.6 launders it: C3FB 5F C6
        part.write_bytes(part.read_bytes().replace("名称".encode("gbk"), b"\xc3\xfb_\xc6"))
    with pytest.raises(InputError, match=r"jd.tab: --name-field '名称' is not a column \(columns: 名_\); 名_: field names "
                                         r"whose characters the program that wrote the file turned into '_'"):
        load_boundaries(path, name_field="名称")
    assert list(load_boundaries(path, name_field="名_").zones["name"]) == ["白石街道", "青松街道"]


def _zipped(tmp_path, path, folder):
    """The MapInfo set of ``path`` zipped as 街道.zip, in ``folder`` of it (a folder zipped whole) or at its top."""
    import zipfile

    archive = tmp_path / "街道.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for part in sorted(tmp_path.iterdir()):
            if part.stem == path.stem and part.suffix != ".zip":
                out.write(part, f"{folder}{part.name}")
    return archive


@pytest.mark.parametrize("suffix", [".mif", ".tab"])
@pytest.mark.parametrize("folder", ["", "成果/"])
def test_a_zipped_mapinfo_file_whose_header_names_another_charset_is_read_by_its_text(tmp_path, capsys, suffix, folder):
    # The copy naming the text's charset was made of files on disk alone: zipped, the names were read as
    # 鐧界煶琛楅亾 (`--name-field '街道名称' is not a column (columns: 琛楅亾鍚嶇О)`); in a folder zipped
    # whole, the set was not found at all (`not a vector file GDAL reads`).
    archive = _zipped(tmp_path, _mapinfo(tmp_path, suffix, "UTF-8", b"WindowsSimpChinese"), folder)
    frame = vectors.read_vector(archive)
    assert list(frame["街道名称"]) == ["白石街道", "青松街道"]
    (line,) = [w for w in capsys.readouterr().err.splitlines() if "header names the charset" in w]
    assert line.startswith(f"warning: {archive} ({folder}jd{suffix}): its header names the charset WindowsSimpChinese (")


@pytest.mark.parametrize("suffix", [".mif", ".tab"])
def test_a_zipped_folder_of_a_mapinfo_file_is_read(tmp_path, capsys, suffix):
    archive = _zipped(tmp_path, _mapinfo(tmp_path, suffix, "CP936", b"WindowsSimpChinese"), "成果/")
    frame = vectors.read_vector(archive)
    assert list(frame["街道名称"]) == ["白石街道", "青松街道"]
    assert "charset" not in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".mif", ".tab"])
@pytest.mark.parametrize("folder", ["", "成果/"])
def test_a_zipped_mapinfo_file_whose_header_names_neutral_is_read_by_its_text(tmp_path, capsys, suffix, folder):
    # Neutral passes the bytes on: a file on disk is read in its text's codec (vectors._mapinfo_codec), a zipped one
    # was `attribute text is in an unknown encoding (expected UTF-8)` or read as GDAL guessed.
    archive = _zipped(tmp_path, _mapinfo(tmp_path, suffix, "CP936", b"Neutral"), folder)
    frame = vectors.read_vector(archive)
    assert list(frame["街道名称"]) == ["白石街道", "青松街道"]
    assert "charset" not in capsys.readouterr().err


def test_a_zipped_mapinfo_set_to_copy_holding_a_zip_bomb_is_refused_before_it_is_written(tmp_path):
    # The copy naming the text's charset unpacks the set: a .map member of 30 MB of zeros (a zip bomb) is refused.
    import zipfile

    from geo.io import InputError

    path = _mapinfo(tmp_path, ".tab", "UTF-8", b"WindowsSimpChinese")
    archive = tmp_path / "街道.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for part in (".tab", ".dat", ".id"):
            out.write(path.with_suffix(part), f"jd{part}")
        out.writestr("jd.map", b"\x00" * 30_000_000)
    with pytest.raises(InputError, match=r"街道\.zip: is a damaged zip archive: its member 'jd\.map' unpacks to 30 MB "
                                         r"from 0\.0\d+ MB \(a zip bomb\?\)$"):
        vectors.read_vector(archive)


@pytest.mark.parametrize("suffix", [".mif", ".tab"])
@pytest.mark.parametrize("encoding, said", [("CP936", b"WindowsSimpChinese"), ("UTF-8", b"WindowsSimpChinese")])
def test_a_folder_holding_one_mapinfo_set_is_read(tmp_path, suffix, encoding, said):
    # 成果/ holding jd.tab, jd.dat, jd.map, jd.id (a MapInfo delivery as copied from a disc): `is a directory, expected
    # a vector file`, where the same folder zipped was read. Its header naming another charset is read by its text.
    folder = tmp_path / "成果"
    folder.mkdir()
    _mapinfo(folder, suffix, encoding, said)
    frame = vectors.read_vector(folder)
    assert list(frame["街道名称"]) == ["白石街道", "青松街道"]


def test_a_mapinfo_gazetteer_whose_name_field_is_garbled_into_underscores_says_so(tmp_path):
    # ogr2ogr (GDAL 3.6) writing a gazetteer to MapInfo turned 名称 into 名_: `gazetteer needs a 'name' column (or
    # '名称'; found: 名_)`, nothing said of why.
    import geopandas as gpd

    from geo.gazetteer_files import load_file
    from geo.io import InputError

    path = tmp_path / "学校.tab"
    gpd.GeoDataFrame({"名称": ["白石小学"]}, geometry=[shapely.Point(120.11, 30.25)], crs=4326).to_file(
        path, driver="MapInfo File", layer_options={"ENCODING": "CP936"})
    for part in (path, path.with_suffix(".dat")):  # 名称 (C3FB B3C6) as GDAL 3.6 launders it: C3FB 5F C6
        part.write_bytes(part.read_bytes().replace("名称".encode("gbk"), b"\xc3\xfb_\xc6"))
    with pytest.raises(InputError, match=r"学校.tab: gazetteer needs a 'name' column \(or '名称'; found: 名_\); 名_: "
                                         r"field names whose characters the program that wrote the file turned into "
                                         r"'_' .*\? Rename it to 名称 \(or name\) saving the layer as GeoPackage, or "
                                         r"save the file again in MapInfo or a newer QGIS$"):
        load_file(path, warnings=[])


@pytest.mark.parametrize("suffix", [".mif", ".tab"])
def test_a_folder_of_several_mapinfo_sets_has_each_header_checked(tmp_path, capsys, suffix):
    # 成果/ holding jd (UTF-8 text under a header naming GBK) beside dl, a set of roads whose 名称 GDAL 3.6 wrote as
    # bytes of no charset: GDAL given the folder read jd's names as 鐧界煶琛楅亾, and listing the layers failed with
    # `UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe5`, naming no file.
    import geopandas as gpd

    from geo.boundaries import load_boundaries

    folder = tmp_path / "成果"
    folder.mkdir()
    _mapinfo(folder, suffix, "UTF-8", b"WindowsSimpChinese")
    with pytest.warns(RuntimeWarning):
        gpd.GeoDataFrame({"名称": ["白石路"]}, geometry=[shapely.LineString([(120.1, 30.25), (120.2, 30.25)])],
                         crs=4326).to_file(folder / f"dl{suffix}", driver="MapInfo File")
    assert list(vectors.read_vector(folder, layer="jd")["街道名称"]) == ["白石街道", "青松街道"]
    assert f"{folder / ('jd' + suffix)}: its header names the charset WindowsSimpChinese" in capsys.readouterr().err
    assert list(load_boundaries(folder, name_field="街道名称").zones["name"]) == ["白石街道", "青松街道"]
