"""A list's address column read as the door-number address a report may name its place by."""

from geo.addresses import address_aliases
from geo.gazetteer_files import load_file


def test_an_address_cell_gives_its_door_number_on_the_road_without_province_city_county_or_town():
    assert address_aliases({"地址": "湖南省云岭市白溪县白石路36号"}) == ("白石路36号",)
    assert address_aliases({"address": "白石路36号"}) == ("白石路36号",)  # Amap's and Baidu's exports
    assert address_aliases({"详细地址": "白溪县城关镇青山路8号院"}) == ("青山路8号",)
    assert address_aliases({"地址": "云岭市 白溪县 文昌大道 108-2号"}) == ("文昌大道108-2号",)
    assert address_aliases({"地址": "县前街12号"}) == ("县前街12号",)  # 县 opens the road's name: kept


def test_an_address_of_no_door_number_on_a_road_gives_no_name():
    for cell in ("白石路与青山路交叉口东北角", "白溪县白石村3组", "白溪县新华路", "", None, 36):
        assert address_aliases({"地址": cell}) == ()
    assert address_aliases({"名称": "白石路36号"}) == ()  # no address column


def test_a_lists_rows_are_found_by_their_addresses(tmp_path):
    # A list of 小区 with an 地址 column: the report's 白石路36号院 had nothing to find them by.
    path = tmp_path / "老旧小区.csv"
    path.write_text("小区名称,地址,经度,纬度,坐标系\n白石小区,湖南省云岭市白溪县白石路36号,112.93,28.21,WGS84\n",
                    encoding="utf-8")
    (entry,) = load_file(path)
    assert entry.name == "白石小区" and entry.aliases == ("白石路36号",)


def test_an_osm_features_address_tags_give_its_door_number(tmp_path):
    # OSM's 白溪银行 tagged addr:street=新华路, addr:housenumber=20: the report's 新华路20号 had nothing to find it by.
    import shapely

    from geo.addresses import osm_address_aliases
    from geo.osm import load_osm
    from osm_xml import write_osm_xml

    assert osm_address_aliases({"addr:street": "新华路", "addr:housenumber": "20号"}) == ("新华路20号",)
    assert osm_address_aliases({"addr:full": "云岭市白溪县新华路20号"}) == ("新华路20号",)
    assert osm_address_aliases({"addr:street": "新华路"}) == ()
    assert osm_address_aliases({"addr:street": "白溪村", "addr:housenumber": "3"}) == ()  # no road
    path = tmp_path / "a.osm"
    write_osm_xml(path, pois=[(1, (112.9594, 28.2133), {"amenity": "bank", "name": "白溪银行", "addr:street": "新华路",
                                                         "addr:housenumber": "20"})])
    (bank,) = load_osm(path, shapely.box(112.90, 28.17, 113.00, 28.23))
    assert bank.name == "白溪银行" and "新华路20号" in bank.aliases
