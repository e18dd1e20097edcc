"""A made-up second district, 青岚县 of 岚州市 (112.90-113.00°E, 28.17-28.23°N, EPSG:4547), whose places are known:
its 街道 as GeoJSON, an OSM extract, a planner's lists as they come (Amap GCJ-02 picks, Baidu BD-09 picks and WKT,
a survey table in Gauss-Kruger metres, a list mixing datums, a shapefile and a GeoPackage in projected CRSs, a
placed.csv) and a report. :func:`write` returns each project's true place (WGS-84; None where the project must stay
unlocated), what its method must say, and the projects given to ``geo geocode`` beside the report's.

Datums are converted by :mod:`datum_oracle`, written apart from geo.crs, to six decimals as pickers give them."""

import json

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, Point, Polygon, box

from datum_oracle import wgs84_to_bd09, wgs84_to_gcj02
from osm_xml import write_osm_xml

COUNTY = box(112.90, 28.17, 113.00, 28.23)
REPORT = """青岚县2025年政府工作报告
二、2025年重点工作
（一）完善城市路网。实施北园大街（东段）提升改造工程，完成北园大街与白石路交叉口渠化改造，新建白石路北园大街至青山路段，推进青岚县白石路改造提升，启动青山路东延工程。实施G309青岚段改造，完成S102线大中修。完成新华路、解放路、北环路、文昌大道提升改造。
（二）提升公共服务。新建城东小学教学楼，改扩建红星小学、岚山中学，推进县人民医院门诊楼建设。
（三）建设美丽县城。实施翠湖公園提质改造，建成南湖公园，改造人民公园，建设文化中心、岚峰体育馆。
"""
BEIYUAN = [(112.905, 28.215), (112.93, 28.215), (112.95, 28.215), (112.97, 28.2152), (112.995, 28.2152)]
BAISHI = [(112.93, 28.175), (112.93, 28.19), (112.93, 28.215), (112.93, 28.228)]
QINGSHAN = [(112.91, 28.19), (112.93, 28.19), (112.97, 28.19)]
G309 = [(112.98, 28.15), (112.981, 28.17), (112.982, 28.20), (112.981, 28.23), (112.98, 28.25)]
S102 = [(112.905, 28.175), (112.95, 28.1752), (112.995, 28.175)]
XINHUA, HONGQI = [(112.96, 28.205), (112.96, 28.228)], [(112.915, 28.203), (112.915, 28.228)]
HUANCHENG, WENCHANG = [(112.905, 28.2285), (112.995, 28.2285)], [(112.94, 28.172), (112.94, 28.198)]
BAIYUN, LANXI = [(112.975, 28.201), (112.975, 28.228)], [(112.905, 28.196), (112.925, 28.1965), (112.945, 28.197)]
LANHU = [(112.955, 28.1785), (112.965, 28.1786), (112.975, 28.1787), (112.985, 28.1788)]
LANNAN = [(112.905, 28.183), (112.95, 28.183)]
LANDONG, HUBIN = [(112.97, 28.2245), (113.00, 28.2245), (113.04, 28.2245)], [(112.967, 28.172), (112.967, 28.185)]


def ring(cx, cy, d):
    return [(cx - d, cy - d), (cx + d, cy - d), (cx + d, cy + d), (cx - d, cy + d), (cx - d, cy - d)]


def _near():
    """The county grown by 1 km (NEAR_DISTRICT_M), WGS-84: a long road is kept within it."""
    to, back = (Transformer.from_crs(a, b, always_xy=True) for a, b in ((4326, 4547), (4547, 4326)))

    def by(transformer):
        return lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))

    return shapely.transform(shapely.transform(COUNTY, by(to)).buffer(1000, 64), by(back))


def truth():
    """{project name: true WGS-84 geometry, or None where it must stay unlocated}."""
    near, line = _near(), LineString
    baishi_cut, wenchang, county_school = line([(112.93, 28.19), (112.93, 28.215)]), line(WENCHANG), Point(112.9723, 28.2071)
    return {
        "北园大街（东段）": line(BEIYUAN[2:]), "北园大街与白石路交叉口": Point(112.93, 28.215),
        "白石路北园大街至青山路段": baishi_cut, "青岚县白石路": line(BAISHI), "青山路东延": None,
        "G309青岚段": line(G309[1:4]), "S102线": line(S102), "新华路": line(XINHUA), "解放路": line(HONGQI),
        "北环路": line(HUANCHENG), "文昌大道": wenchang, "翠湖公園": Point(112.965, 28.222),
        "红星小学": Point(112.9205, 28.2105), "城东小学": county_school, "县人民医院": Point(112.9451, 28.2083),
        "南湖公园": Point(112.955, 28.185), "岚山中学": Point(112.9385, 28.1812), "人民公园": None, "文化中心": None,
        "岚峰体育馆": None, "白云路": line(BAIYUN), "实验小学": Point(112.9301, 28.2212),
        "青岚县人民医院": Point(112.9451, 28.2083), "人民路": None, "青岚县文昌路": wenchang,
        "青岚县北园大街与白石路交叉口": Point(112.93, 28.215), "北园大街与G309交叉口": Point(112.981493333, 28.2152),
        "309国道": line(G309).intersection(near), "翠湖公园（一期）": Point(112.965, 28.222),
        "翠湖公园二期": Point(112.965, 28.222), "青嵐縣文昌路": wenchang, "岚溪中学": Point(112.9125, 28.1825),
        "白石路（青山路至北园大街段）": baishi_cut, "岚溪路": line(LANXI), "滨河公园": Polygon(ring(112.985, 28.19, 0.002)),
        "北園大街與白石路交叉口": Point(112.93, 28.215), "岚湖路": line(LANHU), "岚湖广场": Point(112.9153, 28.1861),
        # third pass (forty-fifth session)
        "岚州书院": Point(112.9612, 28.2188), "青岚县档案馆": Point(112.9188, 28.1791), "岚峰剧院": Point(112.9866, 28.2049),
        "岚峰文化站": Point(112.9233, 28.2177), "岚南卫生院": Point(112.9377, 28.1744),
        "岚北卫生院": Point(112.9511, 28.2266), "岚西卫生院": Point(112.9066, 28.2122),
        "岚东卫生院": Point(112.9911, 28.2022), "青山路小学": Point(112.9555, 28.1912), "白石路小学": None,
        "岚东路": line(LANDONG).intersection(near), "岚东路青岚段": line(LANDONG[:2]),
        "岚溪路与白石路交叉口": Point(112.93, 28.196625), "岚湖路与湖滨路交叉口": Point(112.967, 28.17865),
        "白石路12号": Point(112.93, 28.20), "新华路8号院": Point(112.96, 28.2095), "岚湖路6号": Point(112.96, 28.17855),
        "岚东路5号": Point(112.985, 28.2245), "岚中路": line([(112.91, 28.2055), (112.95, 28.2058), (112.99, 28.2061)]),
        "岚州宾馆": Point(112.9701, 28.1933), "岚湖剧场": Point(112.9344, 28.2111),
        "文昌路中学": Point(112.9421, 28.1876), "文昌中学": None,  # the list's school named after the road; another
        "白石路36号院": Point(112.9312, 28.2093),
        "新华路10号院": Point(112.96, 28.2103),  # between the 小区 list's 新华路2号 and 新华路16号 (numbers run north)
        "新华路20号": Point(112.9594, 28.2133),  # OSM's 岚州银行 node, addr:street 新华路, addr:housenumber 20  # a list of 小区 gives its address: 湖南省岚州市青岚县白石路36号
        # fourth pass (forty-sixth session)
        "北园大街与白石路交叉口东北角": Point(112.9306, 28.2155),  # a corner lot, some 80 m from the crossing
        "岚溪路与白石路交叉口西南侧地块": Point(112.9294, 28.1961),
        "北园大街东段12号": Point(112.985, 28.2152), "城东白云路8号": Point(112.975, 28.205),
        "岚溪路西段": line(LANXI[:2]), "红星小学东校区": None,  # a campus the lists lack: another site
        "岚州市青岚县岚山中学": Point(112.9385, 28.1812), "岚山古塔": Point(112.9300, 28.1900),
        "岚峰书屋": Point(112.9583, 28.1950), "白石路桥": line([(112.93, 28.204), (112.93, 28.206)]),
        "岚南路与白石路交叉口": Point(112.93, 28.183), "岚南路8号": Point(112.915, 28.183),
        # fifth pass (forty-sixth session): places given relative to others
        "北园大街与白石路交叉口往东200米": Point(112.93214, 28.215),  # the gate, 210 m along 北园大街
        "翠湖公园北侧约300米": Point(112.9652, 28.2264),  # 320 m north of the park's north edge
        "距青岚县人民医院东南1.5公里": Point(112.9560, 28.2002),  # bearing 130°, 1.4 km from the list's hospital
        "北园大街以北、白石路以西": Point(112.9294, 28.2155),  # a corner lot
        "青山路以北、岚溪路以南、白石路以东、文昌路以西地块": Polygon([(112.93, 28.19), (112.94, 28.19), (112.94, 28.196875),
                                                      (112.93, 28.196625)]),
        "白石路东侧地块": Point(112.9308, 28.2200), "白石路（青山路至白石小区段）": line([(112.93, 28.19), (112.93, 28.2093)]),
        "青山路桥": None,  # two bridges 590 m apart: which is not said
        "东至文昌路、西至白石路、南至青山路、北至岚溪路": Polygon([(112.93, 28.19), (112.94, 28.19), (112.94, 28.196875),
                                                 (112.93, 28.196625)]),  # the same block by its bounds (四至)
        # sixth pass (forty-seventh session): distances off a road or a river, Chinese numerals, the district or its
        # city written before a landmark
        "白石路以东200米": Point(112.93204, 28.2240),  # 200 m east of 白石路, near its north end (where not said)
        "白石路（青山路至北园大街段）以东200米": Point(112.93204, 28.2140),  # off the section only
        "沿河路南侧约150米": Point(112.9905, 28.1986), "岚溪以南200米": Point(112.9080, 28.2032),  # a river
        "沿河路以东300米": None,  # 沿河路 runs east-west: it has no east side
        "北园大街与白石路交叉口往东二百米": Point(112.93214, 28.215), "距青岚县人民医院东南一点五公里": Point(112.9560, 28.2002),
        "翠湖公园北侧三百余米": Point(112.9650, 28.2269),  # 380 m north of the park's north edge
        "青岚县中医医院": Point(112.9477, 28.2166),  # OSM's 中医医院 in the county (another county's 14 km east)
        "距青岚县中医医院北五百米": Point(112.9478, 28.2213), "岚州市青岚县人民医院": Point(112.9451, 28.2083),
        "岚州市中医医院": None,  # the city's hospital: OSM's 中医医院 is the county's
        "白石路（青山路至实验小学段）": line([(112.93, 28.19), (112.93, 28.2212)]),  # the list's 青岚县实验小学
        "白石路（青岚县妇幼保健院至青山路段）": line([(112.93, 28.18), (112.93, 28.19)]),  # OSM's 妇幼保健院, 118 m off
        # seventh pass (forty-eighth session): a section written straight after the road, numerals as said aloud,
        # sites between two places, a road's side with nothing after it, the township written before a place
        "白石路青山路至北园大街段以东200米": Point(112.93204, 28.2140),
        "北园大街与白石路交叉口往东一千五米": Point(112.9458, 28.2150),  # the gate, 1,550 m along 北园大街
        "白石路与文昌路之间": Point(112.9362, 28.1930), "岚溪与北园大街之间": Point(112.9400, 28.2100),  # a river, a road
        "实验小学与县人民医院之间": Point(112.9390, 28.2140), "石门村和黄家村之间": Point(112.9105, 28.1815),
        "白石路与北园大街之间": None,  # they cross: any of four angles
        "实验小学与黑石塔之间": None,  # 黑石塔 in no source
        "沿河路北侧": Point(112.9870, 28.2006), "白石路西侧": Point(112.9293, 28.1800),
        "白石路以东": None,  # all the ground east of it: how far not said
        "北园大街东段北侧": Point(112.9880, 28.2158), "白石路青山路至北园大街段以西地块": Point(112.9294, 28.2100),
        "南岭镇岚南卫生院": Point(112.9377, 28.1744), "青岚县南岭镇岚南卫生院": Point(112.9377, 28.1744),
        "城西街道岚西卫生院": Point(112.9066, 28.2122), "青岚县石门镇卫生院": Point(112.9160, 28.1770),
    }


MUST_SAY = {"岚湖广场": "OSM extract places 岚湖广场 3.", "城东小学": "OSM extract places 城东小学 2.",
            "岚溪路与白石路交叉口": "OSM extract places 岚溪路 2.", "岚湖剧场": "OSM extract places 岚湖剧场 3.",
            "岚湖路与湖滨路交叉口": "岚湖路 not drawn there", "白石路12号": "door number 12 on 白石路",
            "白石路36号院": "the report's 白石路36号院 is 白石小区, at 白石路36号", "新华路20号": "amenity feature (node 5007)",
            "新华路10号院": "between 新华路2号 (新华一小区) and 新华路16号 (新华二小区)",
            "岚湖剧场#2": "百度拾取.csv places 岚湖剧场 2.", "红星小学东校区": "百度拾取.csv has 紅星小學, not its 东校区",
            "北园大街与白石路交叉口东北角": "its 东北 (north-east) corner", "北园大街东段12号": "the middle of its 东段",
            "城东白云路8号": "taken as 白云路 after the place 城东", "白石路桥": "a bridge of 白石路",
            "岚州市青岚县岚山中学": "岚州市青岚县 left off", "岚南路与白石路交叉口": "district: 青岚县岚南路", "岚溪路西段": "OSM extract places 岚溪路 2.",
            "北园大街与白石路交叉口往东200米": "200 m east of the crossing along 北园大街",
            "翠湖公园北侧约300米": "300 m north of it from its edge that way",
            "距青岚县人民医院东南1.5公里": "1500 m south-east of it", "北园大街以北、白石路以西": "the corner of their crossing",
            "青山路以北、岚溪路以南、白石路以东、文昌路以西地块": "the block the roads bound",
            "白石路东侧地块": "where along it not given", "白石路（青山路至白石小区段）": "白石小区 is a place, not a road",
            "东至文昌路、西至白石路、南至青山路、北至岚溪路": "the block the roads bound", "青山路桥": "2 places named '青山路桥' in OpenStreetMap extract",
            "白石路以东200米": "200 m off it to its east side",
            "白石路（青山路至北园大街段）以东200米": "cut between cross streets 青山路 and 北园大街; ", "沿河路南侧约150米": "150 m off it to its south side",
            "岚溪以南200米": "200 m off it to its south side", "沿河路以东300米": "runs east-west",
            "北园大街与白石路交叉口往东二百米": "200 m east of the crossing along 北园大街",
            "距青岚县人民医院东南一点五公里": "1500 m south-east of it", "翠湖公园北侧三百余米": "300 to 400 (taken as 350) m",
            "青岚县中医医院": "青岚县 left off", "距青岚县中医医院北五百米": "青岚县 left off",
            "岚州市青岚县人民医院": "岚州市 left off", "白石路（青山路至实验小学段）": "实验小学 is a place, not a road",
            "白石路（青岚县妇幼保健院至青山路段）": "青岚县妇幼保健院 is a place, not a road",
            "岚州市中医医院": "has 中医医院, but 岚州市 written before it names the city's own, not 青岚县's",
            "白石路青山路至北园大街段以东200米": "cut between cross streets 青山路 and 北园大街; ",
            "北园大街与白石路交叉口往东一千五米": "1500 m east of the crossing along 北园大街",
            "白石路与文昌路之间": "the middle of the strip between their facing stretches",
            "岚溪与北园大街之间": "the middle of the strip between their facing stretches",
            "实验小学与县人民医院之间": "midway between their nearest points", "石门村和黄家村之间": "midway between",
            "白石路与北园大街之间": "白石路 and 北园大街 meet", "实验小学与黑石塔之间": "黑石塔: no point named '黑石塔'",
            "沿河路北侧": "the road moved 60 m to its north side", "白石路西侧": "the road moved 60 m to its west side",
            "白石路以东": "all the ground east of 白石路", "北园大街东段北侧": "the road moved 60 m to its north side",
            "白石路青山路至北园大街段以西地块": "cut between cross streets 青山路 and 北园大街; ", "南岭镇岚南卫生院": "is 岚南卫生院 of 南岭镇",
            "青岚县南岭镇岚南卫生院": "is 岚南卫生院 of 南岭镇, 青岚县 left off", "城西街道岚西卫生院": "is 岚西卫生院 of 城西街道",
            "青岚县石门镇卫生院": "青岚县 left off"}
# Projects given to geo geocode beside the report's: (category, base name, section).
EXTRA = {"岚湖路": "road_rebuild", "岚湖广场": "culture", "北園大街與白石路交叉口": "road_rebuild", "岚溪路": "road_rebuild",
         "滨河公园": "park", "青岚县北园大街与白石路交叉口": "road_rebuild", "北园大街与G309交叉口": "road_rebuild",
         "309国道": "road_rebuild", "翠湖公园（一期）": ("park", "翠湖公园", "一期"), "翠湖公园二期": ("park", "翠湖公园", "二期"),
         "青嵐縣文昌路": "road_rebuild", "岚溪中学": "school",
         "白石路（青山路至北园大街段）": ("road_rebuild", "白石路", "青山路至北园大街段"), "白云路": "road_rebuild",
         "实验小学": "school", "文化中心": "culture", "青岚县人民医院": "health", "人民路": "road_rebuild",
         "青岚县文昌路": "road_rebuild", "岚州书院": "culture", "青岚县档案馆": "culture", "岚峰剧院": "culture",
         "岚峰文化站": "culture", "岚南卫生院": "health", "岚北卫生院": "health", "岚西卫生院": "health",
         "岚东卫生院": "health", "青山路小学": "school", "白石路小学": "school", "岚东路": "road_rebuild",
         "岚东路青岚段": ("road_rebuild", "岚东路", "青岚段"), "岚溪路与白石路交叉口": "road_rebuild",
         "岚湖路与湖滨路交叉口": "road_rebuild", "白石路12号": "project", "新华路8号院": "area", "岚湖路6号": "project",
         "岚东路5号": "project", "岚中路": "road_rebuild", "岚州宾馆": "commercial", "岚湖剧场": "culture",
         "文昌路中学": "school", "文昌中学": "school", "白石路36号院": "area", "新华路20号": "project", "新华路10号院": "area",
         "北园大街与白石路交叉口东北角": "project", "岚溪路与白石路交叉口西南侧地块": "project", "北园大街东段12号": "project",
         "城东白云路8号": "project", "岚溪路西段": ("road_rebuild", "岚溪路", "西段"), "红星小学东校区": "school",
         "岚州市青岚县岚山中学": "school", "岚山古塔": "culture", "岚峰书屋": "culture", "白石路桥": "bridge",
         "岚南路与白石路交叉口": "road_rebuild", "岚南路8号": "project", "北园大街与白石路交叉口往东200米": "project",
         "翠湖公园北侧约300米": "project", "距青岚县人民医院东南1.5公里": "project", "北园大街以北、白石路以西": "project",
         "青山路以北、岚溪路以南、白石路以东、文昌路以西地块": "project", "白石路东侧地块": "project",
         "白石路（青山路至白石小区段）": ("road_rebuild", "白石路", "青山路至白石小区段"), "青山路桥": "bridge",
         "东至文昌路、西至白石路、南至青山路、北至岚溪路": "project", "白石路以东200米": "project", "沿河路南侧约150米": "project",
         "白石路（青山路至北园大街段）以东200米": "project",
         "岚溪以南200米": "project", "沿河路以东300米": "project", "北园大街与白石路交叉口往东二百米": "project",
         "距青岚县人民医院东南一点五公里": "project", "翠湖公园北侧三百余米": "project", "青岚县中医医院": "health",
         "距青岚县中医医院北五百米": "project", "岚州市青岚县人民医院": "health", "岚州市中医医院": "health",
         "白石路（青山路至实验小学段）": ("road_rebuild", "白石路", "青山路至实验小学段"),
         "白石路（青岚县妇幼保健院至青山路段）": ("road_rebuild", "白石路", "青岚县妇幼保健院至青山路段"),
         "白石路青山路至北园大街段以东200米": "project", "北园大街与白石路交叉口往东一千五米": "project",
         "白石路与文昌路之间": "project", "岚溪与北园大街之间": "project", "实验小学与县人民医院之间": "project",
         "石门村和黄家村之间": "project", "白石路与北园大街之间": "project", "实验小学与黑石塔之间": "project",
         "沿河路北侧": "project", "白石路西侧": "project", "白石路以东": "project", "北园大街东段北侧": "project",
         "白石路青山路至北园大街段以西地块": "project", "南岭镇岚南卫生院": "health",
         "青岚县南岭镇岚南卫生院": "health", "城西街道岚西卫生院": "health", "青岚县石门镇卫生院": "health"}
GAZETTEERS = ("学校医院_高德.csv", "百度拾取.csv", "外县_百度.csv", "百度面.csv", "测绘成果.csv", "卫生院_混合.csv",
              "道路_4526.shp", "宾馆_4547.gpkg", "老旧小区.csv", "文物点.csv", "村庄.csv")


def _osm(out):
    def way(i, pts, **tags):
        return (i, pts, {k.replace("__", ":"): v for k, v in tags.items()})

    ways = [way(10, BEIYUAN[:3], highway="primary", name="北园大街"), way(11, BEIYUAN[2:], highway="primary", name="北园大街"),
            way(20, BAISHI[:2] + [(112.93, 28.204)], highway="secondary", name="白石路"),
            way(21, [(112.93, 28.204), (112.93, 28.206)], highway="secondary", name="白石路", bridge="yes", layer="1"),
            way(22, [(112.93, 28.206)] + BAISHI[2:], highway="secondary", name="白石路"),
            way(23, [(112.90, 28.205), (112.95, 28.205)], waterway="river", name="岚溪"), way(30, QINGSHAN[:2] + [(112.94, 28.19)], highway="secondary", name="青山路"),
            way(31, [(112.94, 28.19), (112.942, 28.19)], highway="secondary", name="青山路", bridge="yes"),
            way(32, [(112.942, 28.19), (112.948, 28.19)], highway="secondary", name="青山路"),
            way(33, [(112.948, 28.19), (112.95, 28.19)], highway="secondary", name="青山路", bridge="yes"),  # 590 m on
            way(34, [(112.95, 28.19), QINGSHAN[2]], highway="secondary", name="青山路"),
            way(40, G309[:3], highway="primary"), way(41, G309[2:], highway="primary"),
            way(50, S102, highway="primary", name="岚江大道", ref="S102"),
            way(60, XINHUA, highway="tertiary", name="Xinhua Road", name__zh="新华路"),
            way(70, HONGQI, highway="tertiary", name="红旗路", old_name="解放路"),
            way(80, HUANCHENG, highway="secondary", name="环城北路", alt_name="北环路"),
            way(91, BAIYUN, highway="tertiary", name="白雲路"),
            way(92, [(112.905, 28.203), (112.905, 28.212)], highway="residential", name="人民路"),
            way(93, [(112.995, 28.203), (112.995, 28.212)], highway="residential", name="人民路"),
            way(94, LANDONG[:2], highway="secondary", name="岚东路"), way(95, LANDONG[1:], highway="secondary", name="岚东路"),
            way(96, HUBIN, highway="tertiary", name="湖滨路"),
            way(98, [(112.984, 28.200), (112.994, 28.200)], highway="tertiary", name="沿河路"),
            way(97, [(112.905, 28.178), (112.945, 28.178)], highway="tertiary", name="岚溪路"),  # 2 km south of the list's
            way(90, WENCHANG, highway="tertiary", name="文昌路", official_name="文昌大道"),
            way(100, ring(112.965, 28.222, 0.0015), leisure="park", name="翠湖公园"),
            way(101, ring(112.955, 28.185, 0.002), leisure="park", name="南湖公园（一期）"),
            way(102, ring(112.912, 28.222, 0.001), leisure="park", name="人民公园"),
            way(103, ring(112.955, 28.178, 0.001), leisure="park", name="人民公园")]
    pois = [(5003, (112.9125, 28.1825), {"amenity": "school", "name": "嵐溪中學"}),
            (5001, (112.9452, 28.2084), {"amenity": "hospital", "name": "青岚县人民医院"}),
            (5002, (112.9601, 28.2121), {"highway": "bus_stop", "name": "文化中心"}),
            (5004, (112.9470, 28.1861), {"leisure": "park", "name": "岚湖广场"}),
            (5005, (112.9723, 28.2296), {"amenity": "school", "name": "城东小学"}),
            (5006, (112.9655, 28.2111), {"amenity": "theatre", "name": "岚湖剧场"}),
            (5007, (112.9594, 28.2133), {"amenity": "bank", "name": "岚州银行", "addr:street": "新华路", "addr:housenumber": "20"}),
            (5008, (112.9477, 28.2166), {"amenity": "hospital", "name": "中医医院"}),
            (5009, (113.15, 28.20), {"amenity": "hospital", "name": "中医医院"}),  # another county's, 14 km east
            (5010, (112.9312, 28.1800), {"amenity": "hospital", "name": "妇幼保健院"})]
    relations = [(900, [40, 41], {"type": "route", "route": "road", "ref": "G309", "network": "CN:national", "name": "国道309线"})]
    write_osm_xml(out / "qinglan.osm", ways, pois, relations, share_nodes=True)


def _lists(out, t):
    def wkt(kind, pts, convert):
        inner = ", ".join("%.6f %.6f" % convert(*q) for q in pts)
        return f'"{kind} (({inner}))"' if kind == "POLYGON" else f'"{kind} ({inner})"'

    rows = [("岚州市青岚县城东小学", t["城东小学"]), ("青岚县实验小学", t["实验小学"]), ("青岚县人民医院", t["县人民医院"]),
            ("文化中心", Point(112.935, 28.205)), ("文化中心", Point(112.965, 28.21))]
    lines = ["名称,location,坐标系,类别,wkt"] + ['{},"{:.6f},{:.6f}",GCJ-02,,'.format(n, *wgs84_to_gcj02(p.x, p.y)) for n, p in rows]
    lines += [f"岚溪路,,GCJ-02,,{wkt('LINESTRING', LANXI, wgs84_to_gcj02)}",
              f"青岚县岚南路,,GCJ-02,,{wkt('LINESTRING', LANNAN, wgs84_to_gcj02)}"]  # the district written before it
    lines += [f"岚湖路,,GCJ-02,,{wkt('LINESTRING', piece, wgs84_to_gcj02)}" for piece in (LANHU[:2], [(112.969, 28.17866)] + LANHU[2:])]
    files = {"学校医院_高德.csv": lines}
    files["百度拾取.csv"] = ["名称,百度经度,百度纬度"] + ["{},{:.6f},{:.6f}".format(n, *wgs84_to_bd09(t[k].x, t[k].y))
                                                    for n, k in (("紅星小學", "红星小学"), ("岚山中学", "岚山中学"), ("岚湖广场", "岚湖广场"))]
    files["百度拾取.csv"].append("岚湖剧场,{:.6f},{:.6f}".format(*wgs84_to_bd09(112.9344, 28.1900)))  # 2.3 km from the hand's
    files["外县_百度.csv"] = ["名称,百度经度,百度纬度", "岚湖广场,{:.6f},{:.6f}".format(*wgs84_to_bd09(113.25, 28.19))]  # 30 km off
    files["百度面.csv"] = ["名稱,坐標系,wkt", f"滨河公园,BD09,{wkt('POLYGON', ring(112.985, 28.19, 0.002), wgs84_to_bd09)}"]
    gk = {epsg: Transformer.from_crs(4326, epsg, always_xy=True) for epsg in (4547, 4526)}
    files["测绘成果.csv"] = ["名称,X,Y,坐标系"] + ["{},{:.3f},{:.3f},{}".format(n, *reversed(gk[e].transform(t[n].x, t[n].y)), label)
                                               for n, e, label in (("岚州书院", 4547, "EPSG:4547"), ("岚峰文化站", 4526, "EPSG:4547"),
                                                                   ("青岚县档案馆", 4526, "2000国家大地坐标系 3度带 38带"),
                                                                   ("岚峰剧院", 4526, "CGCS2000"))]
    mixed = (("岚南卫生院", "WGS84", None), ("岚北卫生院", "GCJ-02", wgs84_to_gcj02), ("岚西卫生院", "BD-09", wgs84_to_bd09),
             ("青山路小学", "WGS84", None), ("文昌路中学", "WGS84", None),
             ("岚东卫生院", "", wgs84_to_gcj02))  # its datum left blank
    files["卫生院_混合.csv"] = ["名称,经度,纬度,坐标系"] + ["{},{:.6f},{:.6f},{}".format(n, *(c or (lambda x, y: (x, y)))(t[n].x, t[n].y), d)
                                                    for n, d, c in mixed]
    files["老旧小区.csv"] = ["小区名称,地址,经度,纬度,坐标系",
                          "白石小区,湖南省岚州市青岚县白石路36号,{:.6f},{:.6f},GCJ-02".format(*wgs84_to_gcj02(112.9312, 28.2093)),
                          "新华小区,青岚县新华路,{:.6f},{:.6f},GCJ-02".format(*wgs84_to_gcj02(112.9588, 28.2199)),
                          "新华一小区,青岚县新华路2号,{:.6f},{:.6f},GCJ-02".format(*wgs84_to_gcj02(112.9604, 28.2071)),
                          "新华二小区,青岚县新华路16号,{:.6f},{:.6f},GCJ-02".format(*wgs84_to_gcj02(112.9596, 28.2120))]
    files["文物点.csv"] = ["名称,经度,纬度", "岚山古塔,112°55′48.0″,28°11′24.0″", "岚峰书屋,E112.9583,N28.1950"]  # WGS-84, surveyed
    files["村庄.csv"] = ["名称,经度,纬度,坐标系"] + ["{},{:.6f},{:.6f},GCJ-02".format(n, *wgs84_to_gcj02(x, y)) for n, x, y in (
        ("石门村", 112.9150, 28.1760), ("黄家村", 112.9050, 28.1880), ("石门镇卫生院", 112.9160, 28.1770))]
    files["placed.csv"] = ["name,category,lon,lat,wkt,datum,accuracy_m,source,method",
                           f"岚湖剧场,culture,{t['岚湖剧场'].x:.7f},{t['岚湖剧场'].y:.7f},,wgs84,5,placed by hand on the map,"
                           "placed by hand on the map at zoom 17"]
    for name, text in files.items():
        (out / name).write_text("\n".join(text) + "\n", encoding="utf-8")
    gpd.GeoDataFrame({"名称": ["岚中路"]}, geometry=[t["岚中路"]], crs=4326).to_crs(4526).to_file(out / "道路_4526.shp", encoding="utf-8")
    gpd.GeoDataFrame({"名称": ["岚州宾馆"]}, geometry=[t["岚州宾馆"]], crs=4326).to_crs(4547).to_file(out / "宾馆_4547.gpkg", driver="GPKG")


def write(out):
    """Write the district's files into ``out``; return :func:`truth`."""
    zones = {"城西街道": box(112.90, 28.20, 112.95, 28.23), "城东街道": box(112.95, 28.20, 113.00, 28.23),
             "南岭镇": Polygon([(112.90, 28.17), (113.00, 28.17), (113.00, 28.20), (112.95, 28.20), (112.90, 28.20)])}
    gpd.GeoDataFrame({"JDDM": ["439901001", "439901002", "439901101"], "JDMC": list(zones)},
                     geometry=list(zones.values()), crs=4326).to_file(out / "jiedao.geojson", driver="GeoJSON")
    t = truth()
    _osm(out)
    _lists(out, t)
    (out / "report.txt").write_text(REPORT, encoding="utf-8")
    return t


def with_extra(catalog):
    """The built catalog (a GeoJSON dict) with :data:`EXTRA`'s projects added, geometry null."""
    names = {f["properties"]["name"] for f in catalog["features"]}
    for name, spec in EXTRA.items():
        if name in names:
            continue
        category, base, section = spec if isinstance(spec, tuple) else (spec, name, None)
        catalog["features"].append({"type": "Feature", "id": f"x-{name}", "geometry": None, "properties": {
            "id": f"x-{name}", "name": name, "category": category, "action": "建设", "named": True, "quantity": None,
            "section": section, "quote": name, "char_start": 0, "char_end": len(name), "base_name": base,
            "group": None, "group_total": None, "measures": []}})
    return json.loads(json.dumps(catalog, ensure_ascii=False))
