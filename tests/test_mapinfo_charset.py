"""MapInfo files whose header names another charset than their text's (geo.mapinfo_charset)."""

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
