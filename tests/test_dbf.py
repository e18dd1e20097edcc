"""Tests of geo.dbf: the codec of a Shapefile's .dbf text, told from its .cpg or its records."""

import geopandas as gpd
import pytest
from shapely.geometry import Point

from geo.vectors import read_vector

JAPANESE = ["白石町立図書館", "青山駅前広場", "緑川市役所", "東山中央公園", "北浜港湾施設"]
KOREAN = ["청산군 백석로 도서관", "녹천시 중앙공원 광장", "동산구 문화예술회관", "북빈항 여객터미널 시설",
          "남천동 주민센터 청사", "서강군 체육관 건립"]


def _shapefile(folder, names, codec, cpg):
    frame = gpd.GeoDataFrame({"name": names}, geometry=[Point(117 + i / 100, 36.7) for i in range(len(names))],
                             crs=4326)
    path = folder / "places.shp"
    frame.to_file(path, encoding=codec)
    (folder / "places.cpg").unlink(missing_ok=True)
    if cpg is not None:
        (folder / "places.cpg").write_text(cpg)
    return path


@pytest.mark.parametrize("cpg", [None, "GBK", "ANSI 932"])
def test_shift_jis_records_are_read_as_japanese_not_gbk(tmp_path, cpg):
    path = _shapefile(tmp_path, JAPANESE, "cp932", cpg)
    assert read_vector(path)["name"].tolist() == JAPANESE


@pytest.mark.parametrize("cpg", [None, "936", "ANSI 949"])
def test_euc_kr_records_are_read_as_korean_not_gbk(tmp_path, cpg):
    path = _shapefile(tmp_path, KOREAN, "cp949", cpg)
    assert read_vector(path)["name"].tolist() == KOREAN


@pytest.mark.parametrize("names", [["北京东路", "白石路", "青山县第一中学", "白石路街道办事处"], ["堃燚"]])
def test_gbk_records_stay_chinese(tmp_path, names):
    path = _shapefile(tmp_path, names, "gbk", None)
    assert read_vector(path)["name"].tolist() == names
