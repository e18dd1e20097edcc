"""Extraction of the spatial projects named in a work report: Chinese place-name morphology rules -> catalog features.

How it works (all rules are data tables below, none names a particular report's places):

1. The decoded text is normalised (OpenCC Traditional->Simplified, then NFKC per character) with an
   offset map, so rules match one form while names, quotes and offsets refer to the original text.
2. Sentences (split on 。！？；and newlines) are cut into clauses at commas and colons. In each clause a
   *head* (a place-name suffix such as 路, 医院, 水库, 教育集团, or a road/rail code like G105 or
   地铁6号线) is looked up at every position, longest head first. A head is accepted only when what
   follows it ends a noun phrase (punctuation, 、/和/及, 等, a count, or an action word such as 建设 or
   改造): this is what rejects 市场主体, 黄河流域, 天桥特色 and the like.
3. The name's left edge is found by scanning back to a separator or a *stop word* (verbs, adverbs and
   function words that cannot start a name: 推进, 依托, 对, 和...; every action is one too, so
   改造升级文化大道 stops at 升级). A one-character stop word that would leave a stem shorter than the
   head's minimum is skipped, so 和平路 and 于家村 keep their first character; so is 沿/向/于/将 right
   after a verb or a separator (建成沿江快速路, 和平路与将军路), any one-character stop word right
   after 、 (新华路、和平大街), and a verb that would leave a too-short stem after 、 or after
   another verb (沈辽路、建设大路, 打通建设北路), or that would be the whole list item (幸福路、建设路).
   以东/以西 are directions inside a name; 原 (the former) is not part of one. Road stems longer
   than 8 characters and other stems longer than 12 are rejected, except before a part of an
   institution (校区, 院区, 分园, 楼...), whose stem carries the institution's name (up to 16:
   天津师范大学附属实验小学梅江校区). An intercity line (高速公路, 铁路, 高铁) is named by both
   ends (铜仁至吉首高速公路). Words that end in a head but are no place (街道, 通道, 渠道, and 国道
   before a road code) hide the head, so the road head 道 (黑牛城道) does not fire inside them.
4. The stem decides what the mention is: a distinctive stem gives a named project; a stem made only of
   generic modifiers (专业, 农村, 口袋, 名优...) is a type, not a name, and gives a counted group record
   only when a count is attached (学校10所, 3所幼儿园, 5条断头路, 背街小巷改造30条); a definite
   marker (新, 区级, 区, 县...) before a facility head names the district's own one (新图书馆,
   区级疾控中心). Designation heads (示范点, 示范村, 样板村, 示范区) are titles, not places, and only
   counted mentions become (group) records. A distinctive name with a length or area (海泊河绿道12公里)
   stays one named project whose ``quantity`` is that size, unless it is listed with counted types
   (社区公园12个、山城步道20公里) or its stem only says where it lies (滨河绿道8公里). A quoted stem
   (“四好农村路”) is a type. Before a road head a short ordinary word is a name (文化大道, 人民路);
   only road-type words (农村, 背街, 城市主干...) make a road a type. A bare ``中心``, ``楼`` or
   ``处理中心`` takes its category from keywords of its stem (县人民医院住院综合楼 -> health,
   垃圾分类处理中心 -> sanitation) and is dropped without one (数据中心).
5. ``A、B等N<unit><head>`` makes A and B members of the head's type (金牛建材 becomes commercial
   through 等新建商业载体, 宝华 and 文澜 schools through 等新兴初中教育品牌) and, when counted, one
   unnamed group record for the remaining N - members (``group_total`` keeps N). A count therefore
   needs a spatial head next to it: 双30条, 19个领域 and 70家企业 never become projects. A next clause
   opening with 其中/包括 names members of the group counted in the nearest earlier clause with
   records (幼儿园8所，新增学位6000个，其中包括A、B), and the listing goes on over following
   clauses that open with a works verb (其中新建A、B，改造升级C). A list without 等 ended by a
   count does the same (洛塘、两水、桔柑3个乡镇卫生院: three named clinics), and a list item shaped
   like the stem shares the head (城关镇、江洛镇敬老院; 城西、城北安置点); townships count as one
   shape whether 镇, 乡 or 街道, also before a generic modifier (寨英镇、冷水溪乡污水处理站;
   孟溪镇、太平营镇中心卫生院). A listed member takes its
   list's category (龙泉 in such a list is a clinic, not a 泉). A road followed by 两侧/周边/沿线
   and then another project only locates it (A路两侧22个老旧小区) and is dropped; names after
   与...合作 and lists typed 等城市/等企业 are partners or examples and are dropped too. Two roads
   joined by 与 before 交叉口, or by a dash or 至 before 连接线, make one name
   (港城大道与滨江路交叉口, 东湖大道—光谷二路连接线). A range (A至B段) or a phase (二期) closes a
   name whatever follows it.
6. Actions come from the action table (right of the enumeration first, e.g. 改造提升, 绿化提升, 建设;
   else the governing verb on the left, e.g. 启用, 开放, 培育); roads get road_greening / road_new /
   road_rebuild from the action (a 北延 or 改线 section means road_new), and 站 becomes rail or
   transport from the sentence (公交/客运 in the stem: transport). An action directly after one
   item of a list that goes on (A、B改扩建、C等项目建设) is that item's own. Roads and 村 renewed as
   neighbourhoods (北二路棚户区改造, 工人村…等老旧小区) are areas. Measures (学位4500个, 泊位2400个) go to the nearest counted group
   before them in the sentence, else the nearest project.

Decisions worth knowing (documented here because they are judgement calls):

* 企业服务中心, 政务服务中心 and the like are administrative services, not places: the bare
  ``服务中心`` head is in the non-spatial table, while 卫生服务中心 and 养老服务中心 are facilities.
* 国家文化公园 is a heritage programme, not a green space: culture. 文化廊道 is culture too; other
  公园 (including 体育公园) are parks.
* 通讯城 and similar trade 城 (建材城, 服装城...) are markets; a list ending 等市场 agrees.
* Power generation (光伏电站, 风电场, 抽水蓄能电站, 光伏发电项目, 输变电工程) is utility, like
  water and heat plants; a waste-to-energy plant (焚烧发电厂) stays sanitation. Airports, 航站楼
  and 游客集散中心 are transport; a 游客中心 / 游客服务中心 belongs to its scenic area: park.
  古城 and 旅游服务区 are areas; 苗寨, 侗寨, 村寨 and 古村落 are villages.
* 商务区 and 中央商务区 stay commercial (a business district is a commercial carrier), although
  a labeller may call them areas (round 5 did).
* A stem holding a money amount (亿元楼宇, 超亿元楼宇) is a revenue class, not a place: dropped.
* ``N院`` (二院, 三院) is a numbered hospital: health.
* Duplicates (same category and normalised name) merge into one record keeping the first mention's
  quote and offsets; different sections (东段 / 西段) of one road are different projects. A road
  named again under another road action (打通青龙路 ... 青龙路路面改造) keeps its first category,
  so the two mentions merge.
* Group records (``named`` false) get a descriptive name: ``[其余]<noun as written>（<action>）``.
  Their ``char_start``/``char_end`` cover the counted mention in the text (e.g. ``13条道路``,
  ``学校10所``), not the descriptive name; ``base_name`` is the noun as written. Group names that
  collide with different counts get the count appended, so distinct groups never merge.
* ``action`` is the matched entry of the action table (Simplified), so it stays comparable across
  Traditional and Simplified reports; ``name``, ``quote`` and ``base_name`` keep the original text.
* jieba is not used. Replacing the stop-word left edge by a jieba POS left edge (everything else
  equal) lowered recall/precision over the seven labelled passages from 1.00/1.00 to 0.80/0.88:
  jieba splits unknown proper names (泺|口, 段|店) and tags verbs such as 参与 and 开放 as name
  parts. It would also add a 0.5 s dictionary load.
* Names follow the text: in 站前、南岗棚户区改造 the extractor names 南岗棚户区 (head 棚户区) but in
  北二路棚户区改造 it names 北二路 (a road, made an area). 城关镇、江洛镇敬老院 gives 城关镇 as
  written, not 城关镇敬老院.

Accuracy: measured round by round on passages written and labelled in the style of other
districts' reports and scored before any rule was tuned for them; first-run recall 0.72-0.93,
precision 0.84-0.95 (after tuning 0.85-1.00 / 0.95-0.98). Method, per-passage tables and the
known misses: docs/extraction_accuracy.md.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import unicodedata

from geo import data as geo_data
from geo.catalog import project_sort_key
from geo.io import InputError, read_text

ENCODINGS = ("auto", "utf-8", "gb18030")

# --------------------------------------------------------------------------- rule tables
#
# Heads: the suffix of a place name (normalised, Simplified) -> (category, kind, minimum stem length).
# category: a code of geo/data/categories.csv, or one of the placeholders
#   "road"    -> road_greening / road_new / road_rebuild from the action (ROAD_ACTION_CATEGORY),
#   "station" -> rail when the sentence speaks of rail (RAIL_WORDS), else transport,
#   "stem"    -> from keywords of the stem (STEM_CATEGORY), dropped when none matches,
#   None      -> a non-spatial institution (工作站, 服务中心, 研究中心): blocks shorter heads.
# kind:
#   "name"        a proper-name suffix (路, 河, 村): needs a distinctive stem,
#   "facility"    as "name", and a definite marker alone also names it (新图书馆, 区级疾控中心),
#   "generic"     a type noun (道路, 背街小巷, 商业载体): only counts or 等-lists make records,
#   "designation" a title (示范点, 样板村): only counted mentions make (group) records,
#   "skip"        non-spatial.
_ROAD_HEADS = {
    "路": 2, "街": 2, "大街": 1, "大道": 1, "公路": 1, "高速": 2, "高速公路": 1, "快速路": 1,
    "高架路": 1, "巷": 2, "胡同": 1, "连接线": 1, "环路": 1, "交叉口": 2, "交叉路口": 2,
    "环线": 1, "连接道": 1, "快速通道": 1, "道": 2,
}
_GENERIC_ROAD_HEADS = ("道路", "断头路", "背街小巷", "街巷", "路段", "干道", "主次干道", "市政道路")
_FACILITY_HEADS = {
    # rail and bridges
    "铁路": "rail", "城际铁路": "rail", "高铁": "rail", "高速铁路": "rail", "高铁站": "rail",
    "火车站": "rail", "地铁站": "rail",
    "桥": "bridge", "大桥": "bridge", "立交桥": "bridge", "立交": "bridge", "高架桥": "bridge",
    "人行天桥": "bridge", "隧道": "bridge", "下穿": "bridge", "地下通道": "bridge",
    # stations and transport
    "站": "station", "客运站": "transport", "公交站": "transport", "公交枢纽": "transport",
    "枢纽": "transport", "停车场": "transport", "停车楼": "transport", "停车库": "transport",
    "公交场站": "transport", "首末站": "transport", "站台": "transport", "加油站": "transport",
    "码头": "transport", "机场": "transport", "通用机场": "transport", "航站楼": "transport",
    "停放点": "transport", "客运服务站": "transport", "客运综合服务站": "transport",
    "游客集散中心": "transport", "互通": "bridge", "作业区": "transport",
    # sanitation
    "转运站": "sanitation", "垃圾转运站": "sanitation", "垃圾中转站": "sanitation",
    "垃圾处理厂": "sanitation", "焚烧厂": "sanitation", "填埋场": "sanitation", "公厕": "sanitation",
    "收集站": "sanitation", "回收基地": "sanitation",
    "公共厕所": "sanitation",
    # markets and commercial carriers
    "市场": "market", "批发市场": "market", "农贸市场": "market", "通讯城": "market",
    "数码城": "market", "家具城": "market", "建材城": "market", "服装城": "market", "汽配城": "market",
    "小商品城": "market", "商贸城": "market",
    "商场": "commercial", "购物中心": "commercial", "综合体": "commercial", "大厦": "commercial",
    "商务楼": "commercial", "写字楼": "commercial", "商业街": "commercial", "步行街": "commercial",
    "美食街": "commercial", "商圈": "commercial", "商务区": "commercial", "总部基地": "commercial",
    "孵化器": "commercial", "加速器": "commercial", "大集": "market", "集市": "market",
    "会展中心": "commercial", "会议中心": "commercial", "展览中心": "commercial", "会展城": "commercial",
    "酒店": "commercial", "酒店群": "commercial", "金融街": "commercial",
    # schools
    "学校": "school", "中学": "school", "小学": "school", "中小学": "school", "幼儿园": "school",
    "学院": "school", "大学": "school", "中专": "school", "技校": "school", "教育集团": "school",
    "教学联盟": "school", "教育联盟": "school", "办学联盟": "school", "校区": "school",
    "教学楼": "school", "高中部": "school", "初中部": "school", "小学部": "school", "分校": "school",
    "实训基地": "school", "职教中心": "school", "完小": "school", "分园": "stem",
    # health (N院 heads are added below)
    "医院": "health", "卫生院": "health", "卫生室": "health", "卫生服务中心": "health",
    "卫生服务站": "health", "疾控中心": "health", "疾病预防控制中心": "health", "保健院": "health",
    "急救中心": "health", "门诊楼": "health", "住院楼": "health", "病房楼": "health",
    "医技楼": "health", "院区": "stem", "分院": "stem", "东院": "stem", "西院": "stem", "南院": "stem",
    "北院": "stem", "健康服务中心": "health", "医疗中心": "health", "发热门诊": "health",
    # a building of a campus (住院综合楼, 检验楼): its category comes from the stem (县人民医院...)
    "楼": "stem", "大楼": "stem",
    # culture
    "馆": "culture", "图书馆": "culture", "文化馆": "culture", "博物馆": "culture",
    "美术馆": "culture", "纪念馆": "culture", "展览馆": "culture", "科技馆": "culture",
    "档案馆": "culture", "文化中心": "culture", "文化活动中心": "culture", "文体中心": "culture",
    "剧院": "culture", "大剧院": "culture", "书房": "culture", "书屋": "culture", "国家文化公园": "culture", "文化廊道": "culture",
    "历史文化街区": "culture", "遗址": "culture", "故居": "culture", "书院": "culture",
    "文化宫": "culture", "文化站": "culture", "文化广场": "culture", "综合文化站": "culture",
    "艺术中心": "culture", "文化艺术中心": "culture", "历史建筑群": "culture",
    # sports
    "体育馆": "sports", "体育场": "sports", "体育中心": "sports", "全民健身中心": "sports",
    "健身中心": "sports", "游泳馆": "sports", "足球场": "sports", "球场": "sports",
    "健身步道": "sports", "健身广场": "sports", "健身驿站": "sports", "健身馆": "sports",
    "文体广场": "sports", "体育广场": "sports",
    # welfare
    "养老院": "welfare", "敬老院": "welfare", "福利院": "welfare", "幸福院": "welfare",
    "养老服务中心": "welfare", "养护中心": "welfare", "日间照料中心": "welfare", "长者食堂": "welfare",
    "养老中心": "welfare", "颐养中心": "welfare", "康复中心": "welfare", "救助站": "welfare",
    "助餐点": "welfare", "老年食堂": "welfare", "助老食堂": "welfare",
    "长者饭堂": "welfare", "养老服务站": "welfare", "养老服务站点": "welfare",
    "服务综合体": "stem", "老年饭堂": "welfare", "长者服务中心": "welfare", "老年服务中心": "welfare",
    "福利中心": "welfare", "社会福利中心": "welfare", "养护院": "welfare",
    # utilities
    "污水处理厂": "utility", "水厂": "utility", "净水厂": "utility", "热电厂": "utility",
    "热源厂": "utility", "供热站": "utility", "换热站": "utility", "变电站": "utility",
    "泵站": "utility", "污水处理站": "utility", "充电站": "utility", "消防站": "utility",
    "管网": "utility", "管廊": "utility", "综合管廊": "utility", "供水工程": "utility",
    "管道": "utility", "调压站": "utility", "电站": "utility", "光伏电站": "utility",
    "电厂": "utility", "发电厂": "utility", "风电场": "utility", "光伏项目": "utility",
    "风电项目": "utility", "光伏发电项目": "utility", "风力发电项目": "utility",
    "储能电站": "utility", "积水点": "utility", "积水片区": "utility", "内涝点": "utility",
    # sanitation plants named after what they burn or sort
    "焚烧发电厂": "sanitation", "分拣中心": "sanitation", "处理中心": "stem", "利用中心": "stem",
    "处置中心": "stem", "水源": "utility", "压缩站": "sanitation", "热力站": "utility",
    "输变电工程": "utility", "新院": "stem", "展示中心": "culture",
    # markets' and logistics' hubs
    "物流中心": "commercial",
    # any other 中心 is a facility only when its stem says what it serves (体育训练中心, 医疗
    # 救治中心); administrative ones (服务中心, 研究中心, 技术中心) are in the non-spatial table
    "中心": "stem",
    # parks and green space
    "公园": "park", "游园": "park", "植物园": "park", "动物园": "park", "广场": "park",
    "绿地": "park", "绿道": "park", "生态廊道": "park", "步道": "park", "步行道": "park",
    "栈道": "park", "风景区": "park",
    "景区": "park", "碧道": "park", "长廊": "park", "生态长廊": "park", "滨水空间": "park",
    "风光带": "park", "景观带": "park", "游客中心": "park", "游客服务中心": "park",
    # water
    "河": "water", "湖": "water", "水库": "water", "湿地": "water", "渠": "water", "干渠": "water",
    "泉": "water",
    # villages and areas
    "村": "village", "片区": "area", "街区": "area", "产业园": "area", "科技园": "area",
    "工业园": "area", "物流园": "area", "创业园": "area", "软件园": "area", "园区": "area",
    "新城": "area", "科技城": "area", "开发区": "area", "集聚区": "area", "农田": "area",
    "小镇": "area", "小区": "area", "港": "area", "东岸": "area", "西岸": "area", "南岸": "area",
    "北岸": "area", "基地": "area", "厂区": "area", "老厂区": "area", "厂旧址": "area",
    "城中村": "area", "安置区": "area", "安置点": "area", "安置小区": "area", "棚户区": "area",
    "古镇": "area", "加工园": "area", "创意园": "area", "文创园": "area", "农业园": "area",
    "养殖场": "area", "医药港": "area", "保税区": "area", "综合保税区": "area", "高新区": "area",
    "经开区": "area", "功能区": "area", "自贸区": "area", "走廊": "area", "新区": "area",
    "易地扶贫搬迁安置点": "area", "搬迁安置点": "area",
    "更新单元": "area", "风貌区": "area", "历史风貌区": "area", "保障性住房": "area", "保障房": "area",
    "安置房": "area", "人才公寓": "area", "古城": "area", "集镇": "area", "小城镇": "area",
    "旅游服务区": "area", "煤矿": "area", "矿区": "area", "港区": "area", "古村落": "village", "村落": "village", "苗寨": "village", "侗寨": "village",
    "村寨": "village",
    # round 6: forestry, border ports, staff housing, standard factory buildings, talent housing
    "林场": "area", "家属院": "area", "家属区": "area", "保障性住房小区": "area", "人才社区": "area",
    "口岸": "transport", "专用线": "rail", "铁路专用线": "rail",
    "滑雪场": "sports", "邻里中心": "commercial", "百货大楼": "commercial", "商业街区": "commercial",
    "调蓄池": "utility", "引水工程": "utility", "门站": "utility", "中心校": "school",
    "互市贸易区": "market",
    # round 7: spring groups, treaty-port districts, pavilions and tombs, staff dormitories, a
    # facility's new site, shelters, Yellow River flood-plain areas, stores, pontoon bridges,
    # fire-rescue stations, bus shelters, shopping squares (a mall), bonded logistics centres
    "泉群": "water", "埠区": "area", "阁": "culture", "墓": "culture", "宿舍": "area",
    "新址": "stem", "应急避难场所": "park", "避难场所": "park", "滩区": "area",
    "储备库": "utility", "物资储备库": "utility", "浮桥": "bridge", "消防救援站": "utility",
    "候车亭": "transport", "购物广场": "commercial",
    "保税物流中心": "area",
    # irrigation districts and river names ending in 江 are water
    "灌区": "water", "江": "water", "提灌站": "water", "溪": "water",
    "沟": "water",
    # round 8: island and harbour works (fishing ports, anchorages, seawalls, breakwaters, ferry
    # halls, desalination plants, bays), village culture halls, lighthouses and former sites,
    # sea rescue bases, school playgrounds
    "渔港": "transport", "中心渔港": "transport", "一级渔港": "transport", "二级渔港": "transport",
    "经济区": "area", "锚地": "transport", "避风锚地": "transport", "防波堤": "transport",
    "海堤": "water", "海塘": "water", "港湾": "water", "湾": "water",
    # post-round 9: an island named with a hill or other word before 岛 (大鹏山岛未来乡村建设)
    "岛": "area",
    "客运中心": "transport", "候船大厅": "transport", "候船厅": "transport", "客运码头": "transport",
    "淡化厂": "utility", "海水淡化厂": "utility", "文化礼堂": "culture", "灯塔": "culture",
    "旧址": "culture", "救援基地": "utility", "搜救中心": "utility", "操场": "stem",
    "风雨操场": "stem",
}
# Heads that may be named by a distinctive stem but need at least two stem characters, because a
# one-character stem before them is almost always a word of the sentence (美丽天桥, 农村). Rivers and lakes keep one (黄河, 沂河).
_MIN_STEM_TWO = {"桥", "村", "泉", "渠", "站", "馆", "港", "村落", "阁", "墓", "沟", "湾", "岛"}
# Type nouns: never a name on their own (only counts and 等-lists make records).
_GENERIC_HEADS = {
    **{h: "road" for h in _GENERIC_ROAD_HEADS},
    "商业载体": "commercial", "载体": "commercial", "楼宇": "commercial", "商务楼宇": "commercial",
    "教育品牌": "school", "学校品牌": "school", "站点": "station", "桥梁": "bridge", "危桥": "bridge",
    "河道": "water", "水系": "water", "村庄": "village", "乡村": "village", "场馆": "stem",
    "设施": "stem", "河流": "water", "线路": "utility", "硬化路": "road", "通村路": "road",
    "通组路": "road", "产业路": "road", "资源路": "road", "旅游路": "road",
    "易涝点": "utility", "山塘": "water", "排污口": "water",
    "历史建筑": "culture",
}
_DESIGNATION_HEADS = {
    "示范点": "stem", "示范村": "village", "样板村": "village", "示范区": "area",
    "示范街": "stem", "示范社区": "stem", "试点": "stem",
    "示范镇": "area", "示范片": "area", "示范乡镇": "area", "示范乡": "area",
    "重点村": "village",
}
# Non-spatial institutions and programmes: these block the shorter heads they end with
# (院士工作站 is not a 站; 企业服务中心 is an administrative service, not a 中心 facility).
_SKIP_HEADS = (
    "工作站", "服务站", "基站", "实验室", "服务中心", "研究中心", "研发中心", "技术中心",
    "创新中心", "研究院", "设计院", "科学院", "法院", "检察院", "平台", "工作室",
    "驿站",
)
# Words ending in a head that are no heads and hide it, without ending a noun phrase: the road
# head 道 names 黑牛城道 and 宾水西道, but not 街道, 轨道 or the 国道 of 国道220线.
_NOT_HEADS = (
    "街道", "渠道", "轨道", "赛道", "跑道", "航道", "车道", "坡道", "人行道", "古道", "频道",
    "报道", "味道", "之道", "索道", "廊道", "通道", "一道", "知道", "行道", "水道", "铁道",
    "国道", "省道", "县道", "乡道", "电路", "楼道",
)
_NUMBERED_HOSPITALS = tuple(f"{n}院" for n in "一二三四五六七八九十")

# A road category from the action governing the road; first match wins, so 绿化提升 is greening.
ROAD_ACTION_CATEGORY = (
    ("绿化", "road_greening"),
    ("改线", "road_new"), ("打通", "road_new"), ("贯通", "road_new"), ("新建", "road_new"),
    ("新(", "road_new"),  # 新（改）建: mostly new roads
    ("续建", "road_new"), ("延伸", "road_new"), ("北延", "road_new"), ("南延", "road_new"),
    ("东延", "road_new"), ("西延", "road_new"),
    ("改造", "road_rebuild"), ("提升", "road_rebuild"), ("整治", "road_rebuild"),
    ("大修", "road_rebuild"), ("拓宽", "road_rebuild"), ("维修", "road_rebuild"),
    ("升级", "road_rebuild"), ("改建", "road_rebuild"),
    ("开工", "road_new"), ("修建", "road_new"), ("建成", "road_new"), ("投用", "road_new"),
    ("通车", "road_new"), ("建设", "road_new"),
)
DEFAULT_ROAD_CATEGORY = "road_rebuild"
ROAD_CATEGORIES = ("road_new", "road_rebuild", "road_greening")

# Stem keywords for heads whose category depends on what they serve (示范点, 院区, 场馆).
STEM_CATEGORY = (
    ("图书", "culture"), ("阅读", "culture"), ("书屋", "culture"), ("文化", "culture"),
    ("艺术", "culture"), ("展览", "culture"),
    ("康养", "welfare"), ("养老", "welfare"), ("医养", "welfare"), ("助老", "welfare"),
    ("长者", "welfare"), ("老年", "welfare"), ("福利", "welfare"),
    ("体育", "sports"), ("健身", "sports"), ("网球", "sports"), ("游泳", "sports"),
    ("足球", "sports"), ("篮球", "sports"), ("冰雪", "sports"),
    ("医院", "health"), ("卫生", "health"), ("医疗", "health"), ("疾控", "health"),
    ("疾病", "health"), ("急救", "health"), ("中医", "health"), ("保健", "health"),
    ("学校", "school"), ("教育", "school"), ("校", "school"), ("中学", "school"), ("小学", "school"),
    ("幼儿", "school"),
    ("垃圾", "sanitation"), ("再生资源", "sanitation"), ("环卫", "sanitation"),
    ("污水", "utility"), ("供热", "utility"), ("供水", "utility"),
    ("固废", "sanitation"), ("危废", "sanitation"), ("医学", "health"), ("青少年", "culture"),
    ("口岸", "transport"),
    ("物流", "commercial"), ("冷链", "commercial"), ("冷藏", "commercial"), ("餐厨", "sanitation"),
    ("废弃物", "sanitation"), ("公交", "transport"), ("换乘", "transport"), ("引水", "utility"),
    ("搜救", "utility"), ("救援", "utility"), ("厂房", "area"), ("实验室", "area"),
)
RAIL_WORDS = ("地铁", "轨道交通", "号线", "铁路", "高铁", "城际", "轻轨")
BUS_WORDS = ("公交", "客运", "汽车", "长途", "货运")

# Actions, longest match wins; the matched text (Simplified) is the ``action`` property.
ACTIONS = (
    "建设", "新建", "续建", "改建", "扩建", "改扩建", "迁建", "重建", "配建", "筹建", "开工建设",
    "开工", "建成", "竣工", "投用", "投入使用", "启用", "开放", "通车", "运营",
    "改造", "综合改造", "改造提升", "提升改造", "提标改造", "升级改造", "拓宽改造", "提档升级",
    "提质升级", "转型升级", "提升", "品质提升", "绿化提升", "绿化", "美化", "亮化", "整治",
    "综合整治", "环境整治", "治理", "综合治理", "修复", "生态修复", "保护修复", "除险加固",
    "维修加固", "加固", "维修", "大修", "修缮", "拓宽", "打通", "贯通", "延伸",
    "拓展业务范围", "拓展业务", "融合发展", "转型发展", "创建", "打造", "培育",
    "开发", "综合开发", "综合利用", "增容", "扩容", "扩区", "水系连通", "连通", "建成投用",
    "新改建", "迁建", "城市更新", "有机更新", "更新", "快速化改造", "危桥改造", "生态治理", "施工",
    "主体施工", "开办", "新开办",
    # opening, handing over and phases of works (开业运营, 交付使用, 主体结构封顶, 下闸蓄水)
    "开业", "开业运营", "投入运营", "招商运营", "交付使用", "交付", "动工", "投运", "封顶",
    "主体封顶", "主体结构封顶", "挂牌运行", "下闸蓄水", "蓄水", "关停并网", "关停", "恢复",
    "提质改造", "拆除重建", "搬迁改造", "连片改造", "整体开发", "维修改造", "标准化改造",
    "现代化改造", "续建配套", "渠化改造", "防洪治理", "棚户区改造", "城中村改造", "旧村改造",
    "提档改造", "扩容改造", "改造升级", "整治提升", "提升工程", "迁建项目",
    "微改造", "人居环境整治", "保护修缮", "保护利用", "征收", "征迁", "拆迁", "征收拆迁",
    "标准化建设", "规范化建设", "白改黑", "清淤疏浚", "清淤", "疏浚", "封关运营", "提级改造", "提级",
    "封场", "开诊", "开诊运营", "开街", "开街运营", "提质扩容", "提质增效", "活化利用", "保护性更新", "更新改造", "老化更新改造", "老化改造",
    "扩能", "腾笼换鸟", "产城融合发展",
    # 新（改）建: after NFKC the brackets are ASCII, and these must match before the bracket breaks
    "新(改)建", "新(扩)建", "改(扩)建", "新(改、扩)建", "新(改扩)建",
)
# Verbs on the left that govern the project (used when nothing on the right is an action).
# Every action is one; a few more verbs are, and some are spelt differently (对外开放 -> 开放).
LEFT_ACTIONS = {
    **{action: action for action in ACTIONS},
    "推进": "推进", "加快推进": "推进", "对外开放": "开放", "实施": "实施", "完成": "完成",
    "修建": "修建", "新开办": "开办",
}
# Every action also ends a name on its left (改造升级文化大道), except these, which occur inside
# names or only after them (经济开发区, 城市更新片区, 水系连通).
NAME_ACTIONS = (
    "开发", "综合开发", "更新", "城市更新", "有机更新", "连通", "水系连通", "施工", "主体施工",
    "融合发展", "转型发展", "拓展业务范围", "拓展业务", "综合利用", "恢复", "交付", "封顶", "蓄水",
    "关停", "扩区", "提升工程", "迁建项目", "人居环境整治", "棚户区改造", "城中村改造", "旧村改造",
    "运营", "开业", "主体封顶", "主体结构封顶", "下闸蓄水", "关停并网", "挂牌运行", "交付使用",
    "招商运营", "开业运营", "投入运营",
)
# Words allowed right after a head besides punctuation, separators, counts and actions: they show
# the noun phrase has ended (天桥医院改造, 站点周边, 凤鸣路北延工程).
# Village programmes: after a township or village (银桥镇美丽乡村建设, 古生村乡村振兴示范村) they
# locate the programme there, so the place before them is named.
VILLAGE_PROGRAMMES = ("美丽乡村", "乡村振兴示范", "未来乡村", "和美乡村")
FOLLOWERS = ("等", "工程", "项目", "周边", "沿线", "两侧", "一带", "沿岸", "两岸", "下空间", "并",
             "及其", "前期", "全线", "春季", "秋季", "年中", "上半年", "下半年",
             "年内", "年底", "加快", "全面", "实施", "进行", "开展", "实现", "正式",
             "顺利", "完成", "项目建设", "和", "及", "与", "以及", "或",
             # 首批厂房交付, 主体工程建设, 道路拓宽 after a section (A至B段道路拓宽工程)
             "首批", "首期", "主体工程", "主体", "整体", "连片", "配套设施", "基础设施",
             "地铁沿线", "轨道沿线", "匝道", "辅道", "主线", "人居环境",
             "水环境", "水生态", "生态护岸", "护岸", "岸线", "防洪堤", "堤防", "防洪", "标准化", "规范化", "现代化", "智能化",
             "数字化", "信息化",
             # 站TOD综合开发, 工业园标准厂房三期, 微山路行道树补植
             "TOD", "标准厂房", "行道树", "人行道", "非机动车道", "慢行系统", "规划实施", "矿山",
             # 片区低效楼宇更新改造: works on what lies inside an area locate them in it
             "低效楼宇", "低效用地", "闲置厂房",
             # 商圈业态, 湖水质提升, 街路面改造, 大街沿街立面, 遗址公园申报, 4号线附属工程, 河排水能力
             "业态", "水质", "路面", "沿街", "申报", "附属工程", "排水",
             # 滩区居民迁建; 历山路雨污分流改造
             "居民", "雨污分流",
             # round 8: 景区服务功能提升, 片区功能疏解
             "服务功能", "功能",
             # post-round 9: 银桥镇美丽乡村建设, 古生村乡村振兴示范村: a village programme after a
             # township or village locates it there
             *VILLAGE_PROGRAMMES)
# Parts of a counted type's places between it and its action and count (安置点配套设施提升12个).
COUNTED_PARTS = ("配套设施", "基础设施")
# Fillers skipped before looking for the action on the right (实施绿化提升工程 -> 绿化提升).
ACTION_FILLERS = ("实施", "进行", "开展", "加快", "全面", "推进", "完成", "启动", "的", "等")

# Words that cannot be part of a name: the left edge of a stem stops at them.
STOP_WORDS = (
    "对", "将", "把", "在", "于", "向", "以", "从", "为", "与", "和", "及", "或", "等", "的", "了",
    "是", "并", "至", "沿", "让", "使", "由", "以及", "及其", "其中", "包括",
    "推进", "加快", "加速", "推动", "实施", "建设", "新建", "续建", "改建", "扩建", "改扩建",
    "迁建", "配建", "筹建", "开工", "开工建设", "建成", "完成", "启动", "启用", "投用", "开放",
    "对外开放", "打造", "培育", "创建", "建立", "依托", "引导", "促进", "参与", "配合", "做好",
    "做优", "做强", "做大", "办好", "抓好", "用好", "落实", "提升", "提高", "改造", "改造提升",
    "整治", "治理", "打通", "贯通", "修建", "铺设", "规划", "谋划", "布局", "推行", "深化",
    "加强", "加大", "支持", "鼓励", "发挥", "巩固", "扩大", "优化", "完善", "聚焦", "聚力",
    "着力", "围绕", "重点", "全力", "积极", "持续", "继续", "全面", "高质量", "高起点",
    "力争", "确保", "争取", "实现", "新增", "增加", "改善", "拓展", "拓宽", "修复", "保护",
    "维修", "加固", "搬迁", "引进", "招引", "保障", "举办", "申报", "争创", "运营",
    "盘活", "利用", "更新", "探索", "提速", "融合", "带动", "借助", "结合", "面向", "针对",
    "通过", "按照", "对接", "融入", "立足", "开展", "组织", "计划", "年内", "年底", "年底前",
    "今年", "全年", "明年", "尽快", "同步", "率先", "统筹", "协调", "启动建设",
    "新改建", "建成投用", "周边", "沿线", "两侧", "一带", "沿岸", "两岸", "之", "稳定", "规范",
    "活跃", "繁荣", "开拓", "走出", "走好", "蹚出", "开办", "新开办",
    "组建", "配合推进", "同步实施", "启动实施", "加快实施", "新开工", "提质", "开业", "交付",
    "晋级", "晋升", "升级", "创成", "获批", "申建", "敷设", "原", "加入",
    # honours (HONOUR_VERBS) end the name before them: 区图书馆获评国家一级馆
    "获评", "荣获", "评为", "获评为", "被评为", "荣膺", "入选",
    # 获得 governs approvals and funds as well as honours; TITLE_NOUNS tell the honours
    "获得",
)
# Verbs that award a title: what they govern is an honour (国家二级博物馆, 全国百佳医院), not a place.
HONOUR_VERBS = ("获评", "荣获", "评为", "获评为", "被评为", "荣膺", "入选")
# A head after 获得 is an honour when a title noun closes it (获得“全国一级图书馆”称号).
TITLE_VERBS_WITH_NOUN = ("获得",)
TITLE_NOUNS = ("称号", "荣誉称号", "荣誉", "命名")
JUNCTION_HEADS = ("交叉口", "交叉路口")
# A headless name before a phase (宽厚里二期) is a project when listed or governed by these verbs;
# not when the stem is a programme or a works noun (项目二期, 工程三期 are phases of a work).
_PHASE_RE = re.compile(r"[一二三四五六七八九十\d]{1,2}期")
PHASE_VERBS = ("建成", "新建", "开工", "开工建设", "续建", "建设", "交付", "启动", "推进", "加快", "完成")
PHASE_NOT_NAMES = ("项目", "工程", "建设", "改造", "规划", "计划", "行动", "试点", "任务", "资金", "收储",
                   "征收", "招商", "运营", "投资", "债券")
PHASE_MAX_STEM = 8
NOUN_OBJECT_VERBS = ("交付", "建成", "新建", "续建", "完成", "开工建设", "改造")
ESTATE_SUFFIXES = ("花园", "家园", "佳园", "苑", "新村", "公寓", "安置", "雅居", "府", "庭", "居", "城")
# Facilities a district or county has one of: the bare type after a works verb names its own.
SINGLETON_FACILITY_HEADS = ("科技馆", "全民健身中心", "体育中心", "体育公园", "图书馆", "博物馆",
                            "文化馆", "美术馆", "档案馆", "大剧院", "会展中心", "规划展览馆", "城市规划馆")
LINK_HEADS = ("连接线", "连接道", "快速通道", "通道", "联络线")
INTERCITY_HEADS = ("高速公路", "高速", "铁路", "高铁", "城际铁路", "高速铁路", "城际", "公路", "大桥",
                   "跨海大桥", "跨江大桥")
DASHES = "—–-－~～"
# Actions that renew a neighbourhood: a road or 村 they govern names an area (北二路棚户区改造).
# A type written after a place's name (X小区老旧小区改造): the record is named by the place.
RENEWED_TYPE_TAIL = "老旧小区"
AREA_ACTIONS = ("棚户区改造", "城中村改造", "旧村改造", "老旧小区改造", "棚改")
# Neighbourhood heads: a 村 listed with them is a neighbourhood (甸柳新村、燕子山小区), not a village.
# Area types named by the area before them (满江片区城市更新单元), not mere followers of it.
AREA_TYPE_TAILS = ("城市更新单元", "更新单元")
NEIGHBOURHOOD_HEADS = ("小区", "家属院", "家属区", "宿舍", "安置小区")
# A name right after these verbs that opens with a rank is a title sought, not a place
# (申报国家考古遗址公园, 争创省级旅游度假区).
TITLE_VERBS = ("申报", "争创", "申创", "创成", "获批")
TITLE_RANKS = ("国家", "省级", "省", "全国")
# Heads of routes named by their two ends (A至B休闲绿道, A至B步行街).
ROUTE_HEADS = ("绿道", "步行街", "步道", "健身步道", "碧道", "商业街", "风光带", "景观带")
# Area heads that take a place-name section like linear projects (科创走廊章丘段).
SECTIONED_AREA_HEADS = ("走廊", "大走廊", "廊道", "生态廊道", "绿道", "风光带", "景观带")
# Organisations written with a facility head: named ones are kept (汇才教育集团), counted ones are
# no places (组建教育集团4个).
ORGANISATION_HEADS = ("教育集团", "教学联盟", "教育联盟", "办学联盟", "医联体", "医共体")
# Stems that only say where a thing lies (滨河绿道8公里, 街头绿地): with a size or count they are a
# type, not a name; roads keep them (滨河路, 滨江大道).
POSITIONAL_WORDS = ("滨河", "滨江", "滨湖", "滨海", "沿河", "沿江", "沿湖", "沿海", "环湖", "环城", "环岛",
                    "街头", "城区", "城市")
# Road heads that a positional stem with a size makes a type (环岛公路32公里), unlike streets.
POSITIONAL_TYPE_ROAD_HEADS = ("公路", "旅游公路", "快速路", "绿道")
# A 广场 is a mall, not a square, when its stem holds a mall brand, when it opens for business,
# or when 商业/综合体 follows it (万达广场, X广场开业运营, X广场商业综合体).
MALL_SQUARE_HEADS = ("广场",)
MALL_BRANDS = ("万达", "恒隆", "吾悦", "万象", "大悦", "银泰", "宝龙", "龙湖", "凯德", "来福士", "太古",
               "世茂", "爱琴海", "印象城", "华润", "苏宁", "银座", "奥莱", "奥特莱斯", "天街", "百联",
               "永旺", "置地")
MALL_ACTIONS = ("开业", "开业运营", "招商运营", "招商")
MALL_FOLLOWERS = ("商业", "综合体", "购物")
# 与A、B合作: A and B are partners, not projects.
PARTNER_WORDS = ("合作", "对接", "交流", "联动", "协作", "结对", "签约")
# A、B等城市: nouns typing a list as something other than places to build.
NON_PLACE_TYPES = ("城市", "地区", "地市", "省份", "省市", "国家", "企业", "高校", "院校", "单位", "部门",
                   "机构", "行业", "领域", "县区", "区县")
# A road or station followed by one of these only locates the project that follows it
# (张庄路、经十西路两侧22个老旧小区改造): it is a locator, not a project, when that project exists.
LOCATOR_WORDS = ("两侧", "周边", "沿线", "一带", "沿岸", "两岸")
# A clause opening with these lists named members of the counted group just before it
# (新建幼儿园8所，其中包括A、B).
MEMBER_MARKERS = ("其中包括", "其中", "包括", "含")
# One-character stop words that also begin place names (沿江, 向阳, 于家, 将军): right after a verb
# they are the name's first character. Not 和/与: after a postposed verb they join two projects
# (天桥医院改造提升和天桥二院改扩建).
NAME_INITIAL_STOPS = ("沿", "向", "于", "将")
_DIRECTIONS = "东西南北"
TOWNSHIP_SUFFIXES = ("镇", "乡", "街道")
TOWNSHIP = "township"
# Place suffixes that are no heads, and the works that name a place with them before them
# (银桥镇美丽乡村建设, 南峰山矿山生态修复).
PLACE_WORKS = tuple((suffix, VILLAGE_PROGRAMMES) for suffix in TOWNSHIP_SUFFIXES) + (("山", ("矿山",)),)
MAX_STEM = 12
# A part of a named institution (天津师范大学附属实验小学梅江校区, 县人民医院医共体总院综合大楼)
# carries the institution's whole name in its stem.
SUBUNIT_HEADS = ("校区", "院区", "分园", "分校", "分院", "新院", "楼", "大楼", "教学楼", "门诊楼",
                 "住院楼", "病房楼", "医技楼")
MAX_SUBUNIT_STEM = 16
MAX_ROAD_STEM = 8
_SEPARATORS = ("以及", "、", "和", "及", "与", "或")
# Characters that always end a stem (quotes are allowed inside names: 图书“五位一体”工作示范点).
_HARD_BREAKS = set(",;:。!?、()[]{}<>|/…—·\t\r\n ") | {"\u3000"}
# 等 inside these words is not the enumeration 等 (三级甲等医院, 中等职业学校).
DENG_WORDS = ("甲等", "乙等", "同等", "平等", "对等", "均等", "高等", "中等", "初等", "一等",
              "二等", "三等", "特等", "优等", "上等", "次等", "等级", "等等")

# Generic modifiers: a stem made only of these describes a type, not a place (专业市场, 农村薄弱学校).
GENERIC_WORDS = (
    "新", "新建", "新增", "在建", "现有", "专业", "综合", "现代", "大型", "小型", "重点", "城市",
    "农村", "乡村", "城乡", "社区", "镇村", "村级", "村", "镇级", "公办", "民办", "普惠", "公共",
    "公益", "口袋", "背街", "断头", "主干", "次干", "老旧", "薄弱", "名优", "优质", "新兴", "初中",
    "小学", "高中", "中小学", "特色", "示范", "样板", "精品", "标准化", "智慧", "智能", "生态",
    "绿色", "康养", "养老", "医养", "图书", "阅读", "文化", "体育", "健身", "全民", "工作",
    "五位一体", "城市更新", "更新", "片区", "商业", "商务", "高端", "高端化", "规范化", "各类",
    "一批", "多个", "市政", "配套", "停车", "垃圾", "环卫", "基层", "卫生", "区域", "周边",
    "美丽", "宜居", "宜业", "和美", "一体化", "服装", "建材", "中心", "标准", "高标准",
    "省级", "市级", "国家级", "级", "三级", "甲等", "驻区", "各", "全", "全市", "区内", "辖区",
    "一", "批", "个", "所", "处", "座", "条", "等", "“", "”", "‘", "’", "《", "》", '"', "'",
    "乡镇", "街道", "小区", "老", "旧", "大", "小", "供水", "排水", "污水", "雨污", "燃气", "供热",
    "普惠性", "发展", "改革", "振兴", "转型", "融合", "高质量", "创新", "开放", "房地产", "资本",
    "消费", "人才", "劳动力", "要素", "金融", "技术", "数据", "产权", "交易", "一条", "条",
    "九年一贯制", "十二年一贯制", "一贯制",
    "非机动车", "笼式", "易", "农产品", "冷链", "卫生院", "入河", "通用", "集中式",
    "AAA级", "AAAA级", "AAAAA级",
    "合流", "分流", "雨污合流", "雨污分流", "街头", "紧密型", "国家", "旅游", "3A级", "4A级",
    "5A级", "A级", "中小", "自然村", "通", "硬化", "产业", "电网", "农业", "乡镇级", "县级",
    "天然气", "嵌入式", "镇", "乡", "镇街", "智能", "智慧化", "公交", "集中", "跨河", "跨江",
    "跨线", "跨铁路", "全区", "全县", "两座", "两个", "两所", "再生", "主", "县城", "市区",
    "老化", "交通", "加压",
)
# Generic words that make a road a type rather than a name (农村公路, 城市主干路, 背街小巷); any
# other generic word before a road head is its name (文化大道, 人民路, 建设路).
ROAD_TYPE_WORDS = (
    "新", "新建", "新增", "在建", "现有", "农村", "乡村", "城乡", "村级", "镇村", "镇级", "乡镇",
    "县乡", "城市", "城区", "市政", "主干", "次干", "支", "断头", "背街", "老旧", "通", "自然村",
    "硬化", "产业", "旅游", "资源", "重点", "公共", "配套", "一批", "多个", "各类", "一", "批", "个",
    "条", "等", "“", "”", "‘", "’", "\"", "'", "四好", "美丽", "特色", "精品", "示范", "样板", "标准化",
    "高标准", "区域", "周边", "生态", "绿色", "智慧", "智能", "快速", "干线", "国省", "省级", "市级",
    "县级", "区级", "国家级", "级", "大", "小", "老", "旧", "全", "各", "沿线", "辖区", "区内",
)
# Words of policy prose, never of a road name (发展新路, 转型之路).
ABSTRACT_WORDS = ("发展", "改革", "振兴", "转型", "融合", "高质量", "开放", "消费", "人才", "金融",
                  "技术", "数据", "要素", "资本", "劳动力", "交易", "产权")
# Definite markers: before a facility head, with only generic words after them, they name the
# district's own facility (新图书馆, 区级疾控中心, 区文化中心, 县老年养护中心, 城区供水管网).
DEFINITE_MARKERS = ("新", "区", "区级", "市", "市级", "县", "县级", "镇", "乡", "全区", "城区", "本区",
                    "县城", "市区")
# Slogans: "美丽天桥", "康养天桥" are the district itself praised, not a 桥 or a place.
SLOGAN_WORDS = ("美丽", "幸福", "平安", "健康", "康养", "活力", "魅力", "智慧", "文明", "和谐",
                "数字", "法治", "品质", "宜居", "人文", "实力", "大美", "秀美", "精致", "善治", "蓝色")

# Section qualifiers kept inside one project: 东段, 北延, 一期, 改线, (A至B段), A至B段.
_SECTION_RE = re.compile(
    r"\((?P<paren>[^()]{1,24}?至[^()]{1,24}?|[^()]{0,10}?(?:段|期|校区|院区|延线|[小初高]中部|小学部))\)"
    r"|(?P<range>[^\s,;:。!?、()]{0,12}?至[^\s,;:。!?、()]{1,12}?段)"
    r"|(?P<simple>周边(?:区域|地区|片区|地块)|[东西南北中]段|[东西南北]区|[东西南北]延伸?(?:线|段)?|延伸段|延伸线|延长线|支线|复线|改线段?|[一二三四五六七八九十\d]+期)"
)
# A place-name section of a linear project (济微高速东平段, 国道220线东平湖段): roads, rail, water.
_PLACE_SECTION_RE = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,4}?段)")
_NOT_SECTIONS = ("阶段", "手段", "时段", "片段", "地段", "路段")
_LINEAR = ("road", "rail", "water")
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_NUM = rf"(?:\d+(?:\.\d+)?|[{_CN_DIGITS}]+)"
# Units a count may carry, by category group (a road count needs a road head: 双30条 has none).
UNITS_BY_GROUP = {
    "roads": ("公里", "千米", "米", "条", "座", "处", "个"),
    "facilities": ("所", "个", "处", "座", "家", "栋", "间", "片", "公里", "千米"),
    "areas": ("万平方米", "平方米", "万亩", "亩", "公顷", "公里", "条", "个", "处", "座", "块", "套"),
}
# Units that measure one project's size rather than count projects (海泊河绿道12公里).
SIZE_UNITS = ("公里", "千米", "米", "万平方米", "平方米", "万亩", "亩", "公顷")
_ALL_UNITS = sorted({u for units in UNITS_BY_GROUP.values() for u in units}, key=len, reverse=True)
_COUNT_RE = re.compile(rf"(?P<num>{_NUM})(?:余|多)?(?P<unit>{'|'.join(_ALL_UNITS)})(?:以上|左右)?")
# Road and rail codes: G105, 省道S243线, 县道X032, 104国道, 地铁6号线, R3线.
_CODE_RE = re.compile(
    r"(?P<road>(?:国道|省道|县道|乡道)(?:[GSXY]?\d{1,4}|[\u4e00-\u9fff]{2,4}?)线|(?:国道|省道|县道|乡道)[GSXY]?\d{1,4}|[GSXY]\d{1,4}(?:国道|省道|县道|线|[\u4e00-\u9fff]{2}线(?=[\u4e00-\u9fff]{2}段|[^\u4e00-\u9fff]|改|拓|提|大修|建设))?"
    r"|\d{1,4}(?:国道|省道)线?)"
    r"|(?P<rail>(?:地铁|轨道交通|轻轨)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})号线|(?:地铁|轨道交通)?[RM]\d{1,2}线|有轨电车T\d{1,2}线)"
)
# Measures attached to the nearest project of the sentence (学位4500个, 新增停车泊位2400个).
MEASURE_NOUNS = ("停车泊位", "泊位", "停车位", "车位", "学位", "床位", "座位", "建筑面积", "占地面积",
                 "面积", "全长", "长度", "里程")
MEASURE_UNITS = ("万平方米", "平方米", "公里", "千米", "米", "万亩", "亩", "公顷", "个", "张")
_MEASURE_RE = re.compile(
    rf"(?P<noun1>{'|'.join(MEASURE_NOUNS)})(?:约|达到|达|共|超过)?(?P<num1>{_NUM})(?P<unit1>{'|'.join(MEASURE_UNITS)})"
    rf"|(?P<num2>{_NUM})(?P<unit2>{'|'.join(MEASURE_UNITS)})(?:以上)?(?P<noun2>{'|'.join(MEASURE_NOUNS)})"
)


# --------------------------------------------------------------------------- public API


def extract_projects(text: str) -> list:
    """Extract the spatial projects named in a report's text as catalog features.

    Parameters
    ----------
    text : str
        The decoded report text (Simplified or Traditional Chinese; full-width or ASCII
        punctuation).

    Returns
    -------
    list of dict
        GeoJSON-like features ``{"id", "type": "Feature", "properties", "geometry": None}``
        following the catalog contract (id, name, category, action, quote, char_start,
        char_end, quantity, named, section, base_name), plus ``group`` (the id of the
        counted group record a named member belongs to, else None), ``group_total``
        (the full count of an enumerated group, e.g. 13 条, else None) and ``measures``
        (e.g. ``[{"value": 4500, "unit": "个", "noun": "学位"}]``). Sorted by
        :func:`geo.catalog.project_sort_key`; equal inputs give equal output, and
        reordering paragraphs leaves every id unchanged.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_projects expects str, got {type(text).__name__}")
    norm, origin = _normalise(text)
    vocabulary = geo_data.categories()
    records = []
    for sent_start, sent_end in _sentences(norm):
        sentence_records = []
        for clause_start, clause_end in _clauses(norm, sent_start, sent_end):
            sentence_records.extend(_clause_records(norm, clause_start, clause_end, sent_start, sent_end))
        _link_listed_members(norm, sentence_records, sent_start, sent_end)
        _attach_measures(norm, sent_start, sent_end, sentence_records)
        for record in sentence_records:
            record["sentence"] = (sent_start, sent_end)
        records.extend(sentence_records)
    records = [r for r in records if r["category"] in vocabulary]
    return _to_features(records, text, norm, origin)


def read_report(path, encoding: str = "auto") -> str:
    """Read a report file as text.

    Parameters
    ----------
    path : str or path-like
        The report (plain text).
    encoding : {"auto", "utf-8", "gb18030"}
        ``auto`` detects UTF-8 (with or without BOM) or GB18030/GBK.

    Returns
    -------
    str
        The decoded text, without a byte-order mark.

    Raises
    ------
    geo.io.InputError
        The file is missing, empty, binary, undecodable, or the encoding is unknown.
    """
    if encoding not in ENCODINGS:
        raise InputError(path, f"unknown encoding {encoding!r} (use one of: {', '.join(ENCODINGS)})")
    return read_text(path, encoding=encoding).lstrip("\ufeff")


def extract_file(path, encoding: str = "auto") -> list:
    """Read a report file and extract its spatial projects.

    Parameters
    ----------
    path : str or path-like
        The report (plain text, UTF-8 or GB18030/GBK).
    encoding : {"auto", "utf-8", "gb18030"}
        See :func:`read_report`.

    Returns
    -------
    list of dict
        Catalog features, as :func:`extract_projects`.

    Raises
    ------
    geo.io.InputError
        The file cannot be read, or no spatial project was found in it.
    """
    features = extract_projects(read_report(path, encoding=encoding))
    if not features:
        raise InputError(path, "no spatial projects found in the report")
    return features


def normalise_name(name: str) -> str:
    """The matching form of a name: Simplified (OpenCC t2s), NFKC, without spaces.

    Parameters
    ----------
    name : str
        A project name as written.

    Returns
    -------
    str
        The normalised name used for ids, merging and scoring.
    """
    norm, _ = _normalise(name)
    return "".join(norm.split())


def project_slug(category: str, name: str) -> str:
    """Deterministic ASCII id from a category and a name (pinyin syllables, else a hash).

    Parameters
    ----------
    category : str
        Category code, e.g. ``school``.
    name : str
        The project name (Simplified or Traditional; it is normalised first).

    Returns
    -------
    str
        E.g. ``school-hui-cai-jiao-yu-ji-tuan``. Without pypinyin installed the id is
        ``<category>-<12 hex digits of SHA-1>``; long slugs are cut and end in a hash.
    """
    norm = normalise_name(name)
    prefix = category.replace("_", "-")
    digest = hashlib.sha1(f"{category}|{norm}".encode("utf-8")).hexdigest()
    syllables = _pinyin(norm)
    if syllables is None:
        return f"{prefix}-{digest[:12]}"
    parts = []
    for item in syllables:
        parts.extend(p for p in re.split(r"[^a-z0-9]+", item.lower()) if p)
    slug = "-".join([prefix, *parts]) if parts else f"{prefix}-{digest[:12]}"
    if len(slug) > 96:
        slug = f"{slug[:80].rstrip('-')}-{digest[:8]}"
    return slug


# --------------------------------------------------------------------------- normalisation


def _normalise(text):
    """(normalised text, origin) where origin[i] is the original index of normalised char i."""
    simplified = _t2s(text)
    out, origin = [], []
    for index, char in enumerate(simplified):
        mapped = unicodedata.normalize("NFKC", char)
        if mapped == char or not mapped:
            out.append(char)
            origin.append(index)
        else:
            out.append(mapped)
            origin.extend([index] * len(mapped))
    return "".join(out), origin


def _t2s(text):
    """Traditional -> Simplified, keeping one character for one character (offsets stay valid).

    OpenCC converts phrases; it is length-preserving for Chinese in practice, but a line where
    it is not is converted character by character instead.
    """
    converter = _opencc()
    if converter is None:
        return text
    lines = text.split("\n")
    out = []
    for line in lines:
        converted = converter.convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in line)
        out.append(converted)
    return "\n".join(out)


@functools.lru_cache(maxsize=1)
def _opencc():
    try:
        import opencc
    except ImportError:  # matching then only works on Simplified text
        return None
    return opencc.OpenCC("t2s")


def _pinyin(text):
    # Ids use each character's default reading, looked up one character at a time:
    # the same id whatever pypinyin's phrase dictionary says (and whether it is loaded).
    # Not loading it (PYPINYIN_NO_PHRASES) saves 0.15 s, a fifth of `geo build`.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    try:
        from pypinyin import lazy_pinyin
    except ImportError:
        return None
    pieces = re.findall(r"[\u3400-\u9fff]|[^\u3400-\u9fff]+", text)  # one Han character, or a run of others
    return [syllable for piece in pieces for syllable in lazy_pinyin(piece)]


# --------------------------------------------------------------------------- tables compiled


@functools.lru_cache(maxsize=1)
def _heads():
    """head -> (category, kind, minimum stem length), built from the tables above."""
    heads = {}
    for head, min_stem in _ROAD_HEADS.items():
        heads[head] = ("road", "name", min_stem)
    for head, category in _FACILITY_HEADS.items():
        min_stem = 2 if head in _MIN_STEM_TWO else 1
        kind = "name" if category in ("water", "village", "bridge", "area", "rail") else "facility"
        heads[head] = (category, kind, min_stem)
    for head in _NUMBERED_HOSPITALS:
        heads[head] = ("health", "facility", 1)
    for head, category in _GENERIC_HEADS.items():
        heads[head] = (category, "generic", 1)
    for head, category in _DESIGNATION_HEADS.items():
        heads[head] = (category, "designation", 1)
    for head in _SKIP_HEADS:
        heads[head] = (None, "skip", 1)
    for head in _NOT_HEADS:
        heads.setdefault(head, (None, "none", 0))
    return heads


@functools.lru_cache(maxsize=1)
def _max_head_len():
    return max(len(h) for h in _heads())


def _longest(words):
    return tuple(sorted(set(words), key=len, reverse=True))


_STOPS = _longest(STOP_WORDS + tuple(a for a in ACTIONS if a not in NAME_ACTIONS))
_ACTIONS_SORTED = _longest(ACTIONS)
_FOLLOWERS_SORTED = _longest(FOLLOWERS)
_FILLERS_SORTED = _longest(ACTION_FILLERS)
_LEFT_ACTIONS_SORTED = _longest(LEFT_ACTIONS)
_GENERIC_SET = frozenset(GENERIC_WORDS)
_GENERIC_MAXLEN = max(len(w) for w in GENERIC_WORDS)


# --------------------------------------------------------------------------- segmentation


def _sentences(norm):
    """Spans of sentences: split on 。 ! ? ; and newlines (normalised forms of 。！？；)."""
    start = 0
    for match in re.finditer(r"[。!?;\n]", norm):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(norm):
        yield start, len(norm)


def _clauses(norm, start, end):
    """Spans of clauses of one sentence: split on commas and colons."""
    pos = start
    for match in re.finditer(r"[,:]", norm[start:end]):
        cut = start + match.start()
        if cut > pos:
            yield pos, cut
        pos = cut + 1
    if pos < end:
        yield pos, end


# --------------------------------------------------------------------------- clause analysis


def _clause_records(norm, start, end, sent_start, sent_end):
    """All records of one clause: named projects, group records and their members."""
    mentions = _clause_mentions(norm, start, end)
    sentence = norm[sent_start:sent_end]
    _resolve_enumerations(norm, mentions, start)
    records = []
    for mention in mentions:
        made = _mention_records(norm, mention, sentence, end)
        for record in made:
            record["clause"] = (start, end)
        records.extend(made)
    return _drop_partners(norm, _drop_locators(norm, records, mentions), end)


def _drop_partners(norm, records, clause_end):
    """Drop names that are partners or examples, not works.

    与浙江大学、四川大学合作: a list after 与/同 that the clause goes on to 合作/对接 with.
    镇江、九江等城市: a list typed by a noun that is no place type (城市, 企业, 高校).
    """
    kept = []
    for record in records:
        chain = record["mention"].get("chain") or [record["mention"]]
        chain_end = max(m["end"] for m in chain)
        first = min(chain, key=lambda m: m["stem_start"])
        rest = norm[chain_end:clause_end]
        if first.get("stop") in ("与", "同") and any(word in rest for word in PARTNER_WORDS):
            continue
        if rest.startswith("等"):
            typed = re.sub(rf"^等{_NUM}?(?:个|家|所|座)?", "", rest)
            if typed.startswith(NON_PLACE_TYPES):
                continue
        kept.append(record)
    return kept


def _drop_locators(norm, records, mentions=()):
    """Drop projects that only locate a later project of the clause (A路两侧22个老旧小区改造).

    Roads also locate an uncounted type (经二路、纬四路沿线历史建筑修缮): a type head right
    after the locator word shows the works are on what lies along the road (stations keep
    their 周边道路改造: the station is itself a project).
    """
    located = []
    for record in records:
        chain = record["mention"].get("chain") or [record["mention"]]
        chain_end = max(m["end"] for m in chain)
        locator = _match_any(norm, chain_end, LOCATOR_WORDS)
        if locator and (any(other["start"] > chain_end for other in records if other is not record)
                        or record["category"] in ROAD_CATEGORIES and any(
                            m.get("kind") == "generic" and m["stem_start"] == chain_end + len(locator)
                            for m in mentions)):
            continue
        located.append(record)
    return located


def _link_listed_members(norm, records, sent_start, sent_end):
    """新建幼儿园8所，其中包括A、B: A and B become members of the counted group before them."""
    clauses = list(_clauses(norm, sent_start, sent_end))
    for index, (c0, c1) in enumerate(clauses[1:], 1):
        clause_text = norm[c0:c1]
        if not clause_text.startswith(MEMBER_MARKERS):
            continue
        # The counted group is in the nearest earlier clause that has any record: a clause of
        # measures between them (新增学位1.2万个) does not break the link.
        previous = next((c for c in reversed(clauses[:index])
                         if any(c[0] <= r["start"] < c[1] for r in records)), None)
        if previous is None:
            continue
        groups = [r for r in records if not r["named"] and not r.get("remainder")
                  and previous[0] <= r["start"] < previous[1]]
        if len(groups) != 1:
            continue
        group = groups[0]
        members = [r for r in records if r["named"] and c0 <= r["start"] < c1
                   and _same_kind(r["category"], group["category"])]
        # 其中新建A、B，改造升级C、D: the listing goes on over clauses that open with a works verb
        # and hold named members only (加快C建设 is a new statement, not a part of the list).
        for d0, d1 in clauses[index + 1:]:
            inside = [r for r in records if d0 <= r["start"] < d1]
            if not _match_any(norm, d0, _ACTIONS_SORTED) or not inside or any(
                    not r["named"] or not _same_kind(r["category"], group["category"]) for r in inside):
                break
            members.extend(inside)
        total = group["quantity"]["value"]
        if not members or len(members) >= total:
            continue
        group["quantity"] = {"value": total - len(members), "unit": group["quantity"]["unit"]}
        group["group_total"] = {"value": total, "unit": group["quantity"]["unit"]}
        group["remainder"] = True
        group["listed_members"] = members
        for member in members:
            member["action"] = member["action"] or group["action"]


def _clause_mentions(norm, start, end):
    """Heads and codes of a clause with their stems, left to right, without overlaps."""
    heads = _heads()
    codes = {}
    for match in _CODE_RE.finditer(norm, start, end):
        before = norm[match.start() - 1] if match.start() > start else ""
        after = norm[match.end()] if match.end() < end else ""
        if (before.isascii() and before.isalnum()) or after.isdigit():
            continue
        codes.setdefault(match.end(), []).append(match)
    mentions = []
    covered = start
    for e in range(start + 1, end + 1):
        if e <= covered:
            continue
        mention = None
        for match in codes.get(e, []):
            if match.start() >= covered:
                mention = _code_mention(norm, match, start, end)
                break
        if mention is None:
            for length in range(min(_max_head_len(), e - covered), 0, -1):
                head = norm[e - length:e]
                if head in heads:
                    if heads[head][1] != "none":
                        mention = _head_mention(norm, e - length, e, heads[head], covered, end)
                    break
        if mention is None and e - covered >= 3 and _place_before_works(norm, e):
            # 银桥镇美丽乡村建设, 南峰山矿山生态修复: 镇 and 山 are no heads elsewhere (they end
            # 城镇, 乡镇, 青山 and stems of facilities), but before works on that kind of place
            # they name the place. The head is empty, so that the place is the stem and a list
            # before it (银桥镇、湾桥镇) shares the works as parallel items do.
            mention = _head_mention(norm, e, e, ("area", "name", 3), covered, end)
        if mention is None and _PHASE_RE.match(norm, e, end):
            mention = _phase_mention(norm, e, covered, end)
        if mention is not None:
            mentions.append(mention)
            covered = mention["end"]
    return _merge_junctions(norm, mentions)


def _phase_mention(norm, pos, lo, clause_end):
    """宽厚里二期, 鲍山花园三期: a headless name before a phase, listed or after a works verb.

    The phase says a building project is meant, so a short distinctive stem before it is a
    place (an estate or a block: area) even without a place-name suffix.
    """
    mention = {"head": "", "category": "area", "kind": "name", "head_start": pos, "head_end": pos,
               "phase_only": True}
    mention = _extend_right(norm, mention, clause_end)
    if mention is None or not mention.get("section") or mention.get("count"):
        return None
    stem = _find_stem(norm, pos, lo, 2, PHASE_MAX_STEM)
    if stem is None:
        return None
    start, stop, stop_start = stem
    if stop is not None and len(stop) > 1 and stop_start > lo \
            and _stop_ending_at(norm, stop_start, lo) in NOUN_OBJECT_VERBS:
        # 交付启动区标准厂房三期: 交付 takes a noun, not a verb, so 启动 opens the name
        # (加快建设 is different: 加快 takes a verb).
        stem = (stop_start, _stop_ending_at(norm, stop_start, lo), None)
        stem = (stem[0], stem[1], stop_start - len(stem[1]) if stem[1] else None)
        start, stop, stop_start = stem
    text = norm[start:pos]
    before = norm[start - 1] if start > 0 else ""
    listed = before == "、" or norm.startswith("、", mention["end"])
    works_verb = stop is not None and stop in PHASE_VERBS
    if not (2 <= len(text) <= PHASE_MAX_STEM) or not (listed or works_verb) \
            or not re.fullmatch(r"[\u4e00-\u9fff]+", text) or _is_generic(text) \
            or text.endswith(PHASE_NOT_NAMES) or (stop is None and before not in ("、", "")):
        return None
    mention["stem_start"], mention["stop"], mention["stop_start"] = stem
    if mention["stop"] in HONOUR_VERBS:
        return None
    mention["min_stem"] = 2
    # 大陆引水三期 is a water-supply work: a keyword of the stem says what it is; an estate's
    # suffix (鲍山花园, 幸福家园) makes a neighbourhood; any other brand name (宽厚里, 印象济南)
    # is a commercial development.
    mention["category"] = next((code for word, code in STEM_CATEGORY if word in text),
                               "area" if text.endswith(ESTATE_SUFFIXES) else "commercial")
    return mention


def _merge_junctions(norm, mentions):
    """港城大道与滨江路交叉口, 东湖大道—光谷二路连接线: two roads joined make one name."""
    merged = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        start = mention.get("stem_start", 0)
        junction = (mention.get("head") in JUNCTION_HEADS and mention.get("stop") in ("与", "和")
                    and previous is not None and previous["end"] == mention["stop_start"])
        link = (mention.get("head") in LINK_HEADS and not mention.get("stop") and start > 0
                and norm[start - 1] in DASHES and previous is not None and previous["end"] == start - 1)
        # 芙蓉街—百花洲历史文化街区: a named place, a dash and a stem before a non-road head are
        # one project named by both places (the shared head covers both).
        dash_join = (not link and mention.get("kind") in ("name", "facility") and not mention.get("stop")
                     and mention.get("category") not in ("road", None) and start > 0
                     and norm[start - 1] in DASHES and mention.get("head_start", 0) > start
                     and previous is not None and previous["end"] == start - 1
                     and previous.get("kind") in ("name", "facility") and not previous.get("section"))
        if (junction or link or dash_join) and (previous.get("category") == "road" or dash_join) \
                and not previous.get("count"):
            mention["stem_start"] = previous["stem_start"]
            mention["stop"], mention["stop_start"] = previous.get("stop"), previous.get("stop_start")
            merged[-1] = mention
        else:
            merged.append(mention)
    return merged


def _code_mention(norm, match, clause_start, clause_end):
    """A road or rail code (G105, 省道S243线, 地铁6号线): the code is the whole base name."""
    category = "rail" if match.group("rail") else "road"
    # The verb right before the code governs it (开工建设S306线...: a new road).
    stop = _stop_ending_at(norm, match.start(), clause_start)
    mention = {
        "head": match.group(0), "category": category, "kind": "code",
        "stem_start": match.start(), "head_start": match.start(), "head_end": match.end(),
        "stop": stop, "stop_start": match.start() - len(stop) if stop else None,
    }
    return _extend_right(norm, mention, clause_end)


def _head_mention(norm, head_start, head_end, info, lo, clause_end):
    """A head found at [head_start, head_end) with its section, count and stem; None if rejected."""
    category, kind, min_stem = info
    if kind == "skip":
        # Mark the span so that a shorter head inside it (站 of 工作站) is not tried again;
        # 中心 inside 镇中心幼儿园 is no head at all, since the noun phrase goes on.
        if not _right_ok(norm, head_end, clause_end):
            return None
        return {"kind": "skip", "end": head_end, "stem_start": head_start, "head_start": head_start,
                "head_end": head_end, "category": None, "head": norm[head_start:head_end],
                "stop": None, "stop_start": None, "count": None, "section": None}
    mention = {
        "head": norm[head_start:head_end], "category": category, "kind": kind,
        "head_start": head_start, "head_end": head_end,
    }
    if _inside_open_quote(norm, lo, head_start, head_end):
        return None
    mention = _extend_right(norm, mention, clause_end)
    if mention is None:
        return None
    stem = _deng_stem(norm, head_start, lo)
    if stem is None:
        # Road names are short (二环北路, 济微高速): a longer stem is a sentence, not a name.
        max_stem = MAX_ROAD_STEM if category == "road" else (
            MAX_SUBUNIT_STEM if mention["head"] in SUBUNIT_HEADS else MAX_STEM)
        stem = _find_stem(norm, head_start, lo, min_stem if kind in ("name", "facility") else 0, max_stem)
        if stem is not None and stem[1] == "至" and mention["head"] in LINK_HEADS:
            # S209省道至G105国道连接线: a link road is named by both its ends.
            outer = _find_stem(norm, stem[2], lo, 1, MAX_ROAD_STEM)
            if outer is not None and outer[0] < stem[2]:
                stem = outer
        elif stem is not None and stem[1] == "至" and mention["head"] in ROUTE_HEADS \
                and 2 <= head_start - stem[0] <= 6:
            # 翠屏山至玫瑰湖休闲绿道: a route is named by the places it joins.
            outer = _find_stem(norm, stem[2], lo, 2, 5)
            if outer is not None and 2 <= stem[2] - outer[0] <= 5:
                stem = outer
        elif stem is not None and stem[1] == "至" and mention["head"] in INTERCITY_HEADS \
                and 2 <= head_start - stem[0] <= 4:
            # 铜仁至吉首高速公路: an intercity line is named by the two places it joins.
            outer = _find_stem(norm, stem[2], lo, 2, 4)
            if outer is not None and 2 <= stem[2] - outer[0] <= 4:
                stem = outer
    if stem is None:
        return None
    mention["stem_start"], mention["stop"], mention["stop_start"] = stem
    if mention["stop"] in HONOUR_VERBS or _titled(norm, mention, clause_end):
        return None
    if mention["stop"] is None:
        _split_counted_list(norm, mention, lo)
    mention["min_stem"] = min_stem if kind in ("name", "facility") else 0
    return mention


def _titled(norm, mention, clause_end):
    """True when 获得 governs the head and a title noun follows it (获得国家湿地公园称号)."""
    if mention["stop"] not in TITLE_VERBS_WITH_NOUN:
        return False
    pos = mention["end"]
    pos += 1 if pos < clause_end and norm[pos] in "”’\"" else 0
    return _match_any(norm, pos, TITLE_NOUNS) is not None


def _inside_open_quote(norm, lo, head_start, head_end):
    """True when the head lies inside a quoted slogan that goes on after it (“在天桥·事好办”).

    A quote closed before the head (图书“五位一体”工作示范点) or right after it (“四好农村路”)
    still allows a name.
    """
    opened = norm.rfind("“", lo, head_start)  # straight quotes cannot tell open from close
    if opened < 0 or norm.rfind("”", lo, head_start) > opened:
        return False
    return head_end < len(norm) and norm[head_end] != "”"


def _split_counted_list(norm, mention, lo):
    """洛塘、两水、桔柑3个乡镇卫生院: the last list item before a count is a member, not the stem.

    Without 等, a count followed only by generic words (3个乡镇) inside a stem that opens a list
    item (after 、) ends the enumeration; the stem then starts at the count and ``list_end``
    tells :func:`_resolve_enumerations` where the members end.
    """
    start, head_start = mention["stem_start"], mention["head_start"]
    if start == lo and lo > 0 and norm[lo - 1] not in _HARD_BREAKS:
        # 左岭、花山、龙泉3个...卫生服务中心: the last item is itself a mention ending at the count.
        match = _COUNT_RE.match(norm, start, head_start)
        if match and _is_generic(norm[match.end():head_start]) \
                and _unit_fits(match.group("unit"), mention["category"]):
            mention["list_end"] = start
        return
    if start <= lo or norm[start - 1] != "、":
        return
    for match in _COUNT_RE.finditer(norm, start + 1, head_start):
        if 1 <= match.start() - start <= 10 and _is_generic(norm[match.end():head_start]) \
                and _unit_fits(match.group("unit"), mention["category"]):
            mention["stem_start"] = match.start()
            mention["list_end"] = match.start()
            return


def _deng_stem(norm, head_start, lo, window=10):
    """The stem of a type head after 等 (等13条道路, 等新建商业载体), or None.

    Only counts and generic modifiers may stand between 等 and the head, so a name after 等
    is never swallowed.
    """
    low = max(lo, head_start - window)
    for pos in range(head_start - 1, low - 1, -1):
        char = norm[pos]
        if char in _HARD_BREAKS:
            return None
        if char == "等" and not any(norm.startswith(w, i) for w in DENG_WORDS
                                    for i in (pos - 1, pos) if i >= lo):
            between = norm[pos + 1:head_start]
            count = _COUNT_RE.match(between)
            if count:
                between = between[count.end():]
            return (pos + 1, "等", pos) if _is_generic(between) else None
    return None


def _extend_right(norm, mention, clause_end):
    """Add section, count and the end of the mention; None when the noun phrase goes on."""
    pos = mention["head_end"]
    tail = _match_any(norm, pos, AREA_TYPE_TAILS) if mention["category"] == "area" else None
    if tail and mention["kind"] == "name":
        # 满江片区城市更新单元: the unit is named by the area it renews, as 陈塘庄城市更新单元 is.
        pos = mention["head_end"] = pos + len(tail)
        mention["head"] = norm[mention["head_start"]:pos]
    mention["section"] = None
    mention["count"] = None
    section_end = _sections_end(norm, pos, clause_end, mention["category"] in _LINEAR
                                or mention["head"] in SECTIONED_AREA_HEADS)
    closing = _closes_name(norm[pos:section_end])
    if section_end > pos and (_right_ok(norm, section_end, clause_end) or closing):
        mention["section"] = (pos, section_end)
        pos = section_end
        if closing and _count_at(norm, pos, clause_end, mention) is None:
            # 二郎立交至高九路段城市风貌提升, 综合保税区二期封关运营: a range or a phase closes
            # the name whatever follows.
            mention["end"] = pos
            return mention
    count = _count_at(norm, pos, clause_end, mention)
    if count is None and pos < clause_end and norm[pos] in "”’\"":
        # “四好农村路”80公里: a quoted type name with its count after the closing quote.
        count = _count_at(norm, pos + 1, clause_end, mention)
        if count is not None:
            mention["closing_quote"] = pos + 1
    if count is None and mention["kind"] in ("generic", "designation", "name", "facility"):
        # 背街小巷改造30条, 乡村公路提升改造120公里, 背街小巷“微改造”60条: the count follows the
        # (possibly quoted) action.
        quoted = 1 if pos < clause_end and norm[pos] in "“‘\"" else 0
        closing = 0
        if not quoted and pos < clause_end and norm[pos] in "”’":
            # “四好农村路”提档升级150公里: the count follows the action after the closing quote.
            closing = 1
        if not quoted:
            # 安置点配套设施提升12个: the works on a type's facilities count the type.
            quoted = len(_match_any(norm, pos, COUNTED_PARTS) or "")
        action = _match_any(norm, pos + quoted + closing, _ACTIONS_SORTED)
        if action:
            after = pos + quoted + closing + len(action)
            after += 1 if quoted == 1 and after < clause_end and norm[after] in "”’\"" else 0
            count = _count_at(norm, after, clause_end, mention)
            if count is not None:
                mention["post_action"] = action
                if closing:
                    mention["closing_quote"] = pos + 1
    if count is not None:
        mention["count"] = count
        mention["end"] = count["end"]
        return mention
    if not _right_ok(norm, pos, clause_end):
        return None
    mention["end"] = pos
    return mention


def _starts_with_head(text):
    """True when ``text`` opens with a head of two or more characters (铁路北安段)."""
    heads = _heads()
    return any(text[:n] in heads and heads[text[:n]][1] not in ("skip", "none")
               for n in range(2, min(len(text), 6) + 1))


def _closes_name(section):
    """A range (A至B段) or a phase (二期) ends a name: nothing of the name follows it."""
    return _is_range(section) or bool(re.search(r"期\)?$", section))


def _is_range(section):
    """A section from one place to another (至建设大路段, (奥体西路至凤凰路段))."""
    return "至" in section and section.rstrip(")").endswith("段")


def _sections_end(norm, pos, clause_end, linear):
    """End of the section qualifiers right after a head (东段, 一期, (A至B段), 东平湖段改线)."""
    for _ in range(3):
        match = _SECTION_RE.match(norm, pos, clause_end)
        if match is not None and match.group("range") and _starts_with_head(match.group("range")):
            match = None  # 黄河浮桥东阿码头至东平段: the range belongs to the 浮桥, not to the 河
        if match is None and linear:
            match = _PLACE_SECTION_RE.match(norm, pos, clause_end)
            if match is not None and (match.group(0).endswith(_NOT_SECTIONS)
                                      or any(h in match.group(0) for h in ("路", "街", "大道"))
                                      or _starts_with_head(match.group(0))
                                      or not _right_ok(norm, match.end(), clause_end)
                                      and not _SECTION_RE.match(norm, match.end(), clause_end)):
                # 哈伊高速铁路北安段: 铁路 is the head of the name, not the start of a section.
                match = None
        if match is None:
            break
        pos = match.end()
    return pos


def _count_at(norm, pos, clause_end, mention):
    match = _COUNT_RE.match(norm, pos, clause_end)
    if match is None or not _unit_fits(match.group("unit"), mention["category"]):
        return None
    if not _right_ok(norm, match.end(), clause_end) and not norm.startswith(("的", "以"), match.end()):
        # 龙泉3个街道社区卫生服务中心: a count followed by a noun counts that noun, not this name.
        return None
    value = _parse_number(match.group("num"))
    if value is None:
        return None
    unit = match.group("unit")
    return {"value": value, "unit": unit, "start": match.start(), "end": match.end()}


def _unit_fits(unit, category):
    group = _category_group(category)
    return unit in UNITS_BY_GROUP.get(group, ())


def _category_group(category):
    if category in ("road", "station"):
        return "roads" if category == "road" else "facilities"
    if category == "stem":
        return "facilities"
    row = geo_data.categories().get(category)
    return row["group"] if row else None


def _right_ok(norm, pos, clause_end):
    """True when the noun phrase ends at ``pos`` (see FOLLOWERS and ACTIONS)."""
    if pos >= clause_end:
        return True
    char = norm[pos]
    if char in _HARD_BREAKS or char in "“”\"":
        return True
    if char.isdigit():
        return True
    if norm.startswith("等", pos) and not any(norm.startswith(w, pos) for w in DENG_WORDS):
        return True
    if norm.startswith("流域", pos):
        # 跳磴河流域综合治理 is the river's project; 黄河流域生态保护和高质量发展 is a strategy.
        return bool(_match_any(norm, pos + 2, _ACTIONS_SORTED))
    return bool(_match_any(norm, pos, _FOLLOWERS_SORTED) or _match_any(norm, pos, _ACTIONS_SORTED))


def _place_before_works(norm, pos):
    """True when a township or hill name ends at ``pos`` before works on such a place."""
    return any(norm.endswith(suffix, 0, pos) and _match_any(norm, pos, works)
               for suffix, works in PLACE_WORKS)


def _match_any(norm, pos, words):
    for word in words:
        if norm.startswith(word, pos):
            return word
    return None


def _stop_ending_at(norm, pos, lo):
    for word in _STOPS:
        start = pos - len(word)
        if start >= lo and norm.startswith(word, start):
            if word == "等" and any(norm.startswith(w, i) for w in DENG_WORDS
                                   for i in (start - 1, start) if i >= lo):
                continue
            if word == "以" and norm[pos:pos + 1] in _DIRECTIONS:
                continue  # 卫工河以西工业遗存片区: 以西 is a direction inside the name
            return word
    return None


def _multi_stop_ending_at(norm, pos, lo):
    """A stop word of two or more characters (a verb such as 建成, 推进) ending at ``pos``."""
    return any(len(word) > 1 and pos - len(word) >= lo and norm.startswith(word, pos - len(word))
               for word in _STOPS)


def _find_stem(norm, head_start, lo, min_stem, max_stem):
    """(stem start, stop word, stop start) scanning left from the head; None if no edge found.

    A one-character stop word glued to a stem shorter than ``min_stem`` is part of the name
    and skipped (和平路, 于家村, 将军路); a stop word right before the head leaves an empty stem (学校 in
    开工建设学校10所), which only a count can turn into a record.
    """
    pos = head_start
    while pos > lo:
        if norm[pos - 1] in _HARD_BREAKS:
            return pos, None, None
        stop = _stop_ending_at(norm, pos, lo)
        length = head_start - pos
        if stop and len(stop) == 1 and length > 0 and pos - 1 > lo and norm[pos - 2] == "、" \
                and stop not in ("等", "的", "及", "或", "并"):
            stop = None  # 新华路、和平大街: a list item does not open with a conjunction
        if stop == "和" and pos - 2 >= lo and (
                pos - 2 == lo or norm[pos - 3] in _HARD_BREAKS or norm[pos - 3] == "、"
                or _multi_stop_ending_at(norm, pos - 2, lo)):
            # 太和片区, 、永和镇, 推进太和城遗址...: one character between a list edge or a verb
            # and 和 makes a two-character place name; a conjunction does not join one character.
            stop = None
        if stop and len(stop) == 1 and stop in NAME_INITIAL_STOPS and length > 0 and (
                _multi_stop_ending_at(norm, pos - 1, lo) or pos - 1 > lo and norm[pos - 2] in "、与和及"):
            # 建成沿江快速路, 改造向阳路, 和平路与将军路: after a verb or a list separator the
            # preposition is the name's first character (verbs do not take 沿/向 before their object).
            stop = None
        if stop and len(stop) > 1 and 0 < length < min_stem and pos - len(stop) > lo and (
                norm[pos - len(stop) - 1] in "、" or _multi_stop_ending_at(norm, pos - len(stop), lo)):
            # 沈辽路、建设大路, 打通建设北路: a list item does not open with a verb, nor does a verb
            # follow a verb, so 建设 belongs to a name that would otherwise be too short.
            stop = None
        elif stop and len(stop) > 1 and length == 0 and min_stem > 1 and pos - len(stop) > lo \
                and norm[pos - len(stop) - 1] == "、":
            stop = None  # 幸福路、建设路, 和平村、建设村: the whole list item is the name
        if stop and (length >= min_stem or length == 0 or len(stop) > 1):
            return pos, stop, pos - len(stop)
        if head_start - pos >= max_stem:
            return None
        pos -= 1
    return pos, None, None


# --------------------------------------------------------------------------- stems and records


def _analyse_stem(norm, mention):
    """Split the stem into a leading count and the rest; classify the rest.

    Returns (count or None, rest start, label) with label one of distinctive, definite,
    generic, slogan, value (a money amount: 亿元楼宇), short (a stem below the head's
    minimum), empty.
    """
    start, head_start = mention["stem_start"], mention["head_start"]
    count = None
    if mention["kind"] != "code":
        match = _COUNT_RE.match(norm, start, head_start)
        for prefix in ("全区", "全县", "全市", "全镇", "辖区", "区内", "全"):
            # 全区12座城镇污水处理厂: a scope word before the count is no part of a name.
            if match is None and norm.startswith(prefix, start):
                match = _COUNT_RE.match(norm, start + len(prefix), head_start)
        if match and _unit_fits(match.group("unit"), mention["category"]):
            value = _parse_number(match.group("num"))
            if value is not None:
                count = {"value": value, "unit": match.group("unit"), "start": match.start(), "end": match.end()}
                start = match.end()
    rest = norm[start:head_start]
    if count is not None or mention.get("count") is not None:
        # A counted type noun is no name, so a verb glued to it is no part of it either.
        stop = _match_any(norm, start, _STOPS)
        while stop and len(stop) < len(rest):
            start += len(stop)
            rest = norm[start:head_start]
            stop = _match_any(norm, start, _STOPS)
    if mention["kind"] == "code":
        return None, start, "distinctive"
    if not rest:
        return count, start, "empty"
    if rest[0] in "“‘\"《":
        return count, start, "generic"  # “四好农村路”: a quoted programme title is a type
    if re.search(r"[亿万]元", rest):
        return count, start, "value"  # 亿元楼宇, 税收超亿元楼宇: a revenue class, not a place
    for word in SLOGAN_WORDS:
        if rest.startswith(word) and 0 < len(rest) - len(word) <= 2 and not re.search(r"\d", rest):
            return count, start, "slogan"
    for marker in sorted(DEFINITE_MARKERS, key=len, reverse=True):
        if rest.startswith(marker) and (rest == marker or _is_generic(rest[len(marker):])):
            return count, start, "definite"
    if _is_generic(rest):
        if mention["category"] == "road" and mention["kind"] == "name" and len(rest) <= 3 \
                and not _is_road_type(rest) and not rest.endswith("新") \
                and not (any(word in rest for word in ABSTRACT_WORDS)
                         and (rest not in ABSTRACT_WORDS or (mention.get("stop") or "").startswith("走"))):
            # 文化大道, 人民路, 建设路: a short ordinary word is a road name; only road-type
            # modifiers (农村公路, 背街小巷, 城市主干路) make a road a type, and a long run of
            # words is a metaphor (特色发展新路); one such word alone names a street (振兴街).
            return count, start, "distinctive"
        return count, start, "generic"
    if rest in POSITIONAL_WORDS and (count or mention.get("count")) and (
            mention["category"] != "road" or mention["head"] in POSITIONAL_TYPE_ROAD_HEADS):
        # 环岛公路32公里 is a type, like 滨河绿道8公里; 滨江路 and 环岛路 stay names.
        return count, start, "generic"
    if len(rest) < mention.get("min_stem", 0):
        return count, start, "short"
    return count, start, "distinctive"


@functools.lru_cache(maxsize=1024)
def _is_road_type(text):
    """True when ``text`` is made only of road-type modifiers (ROAD_TYPE_WORDS)."""
    reachable = [True] + [False] * len(text)
    for i in range(len(text)):
        if not reachable[i]:
            continue
        for word in ROAD_TYPE_WORDS:
            if text.startswith(word, i):
                reachable[i + len(word)] = True
    return reachable[len(text)]


@functools.lru_cache(maxsize=4096)
def _is_generic(text):
    """True when ``text`` is a concatenation of generic modifier words (and numerals)."""
    if not text:
        return True
    reachable = [True] + [False] * len(text)
    for i in range(len(text)):
        if not reachable[i]:
            continue
        for length in range(1, min(_GENERIC_MAXLEN, len(text) - i) + 1):
            if text[i:i + length] in _GENERIC_SET:
                reachable[i + length] = True
    return reachable[len(text)]


def _resolve_enumerations(norm, mentions, clause_start):
    """Link ``A、B等N<head>`` members to their type head and build chains for actions."""
    by_end = {m["end"]: m for m in mentions if m.get("kind") != "skip"}
    for mention in list(mentions):
        mention.setdefault("members", [])
        mention.setdefault("typed_by", None)
    raw_items = []
    for mention in mentions:
        if mention.get("kind") == "skip" or (mention.get("stop") != "等" and not mention.get("list_end")):
            continue
        pos = mention["stop_start"] if mention.get("stop") == "等" else mention["list_end"]
        members = []
        while pos > clause_start:
            item = by_end.get(pos)
            if item is not None and item is not mention:
                members.append(item)
                pos = item["stem_start"]
            else:
                raw = _raw_item(norm, pos, clause_start)
                if raw is None:
                    break
                members.append(raw)
                raw_items.append(raw)
                pos = raw["stem_start"]
            separator = next((s for s in _SEPARATORS if pos - len(s) >= clause_start
                              and norm.startswith(s, pos - len(s))), None)
            if separator is None:
                break
            pos -= len(separator)
        members.reverse()
        mention["members"] = members
        for member in members:
            member["typed_by"] = mention
    raw_items.extend(_parallel_items(norm, mentions, clause_start, by_end))
    mentions.extend(raw_items)
    mentions.sort(key=lambda m: m["stem_start"])
    # Chains: mentions joined only by separators (or a 等 type head) share the action on the right.
    chain = []
    chains = []
    previous_end = None
    for mention in mentions:
        if mention.get("kind") == "skip":
            continue
        gap = norm[previous_end:mention["stem_start"]] if previous_end is not None else None
        joined = gap is not None and (gap in _SEPARATORS or gap == "等" or gap == "")
        if chain and joined:
            chain.append(mention)
        else:
            if chain:
                chains.append(chain)
            chain = [mention]
        previous_end = mention["end"]
    if chain:
        chains.append(chain)
    for chain in chains:
        for mention in chain:
            mention["chain"] = chain


def _parallel_items(norm, mentions, clause_start, by_end):
    """城关镇、江洛镇敬老院: list items shaped like the named stem share its head.

    An item before 、 that ends like the stem (镇 and 镇, 乡 and 乡, or two directions as in
    城西、城北) is a place of the same kind, written once with the shared head. A road before
    it that ends like the stem (东门街、十字街片区) is typed by the head instead of being a road.
    Only for uncounted facilities whose stem opens the list item.
    """
    items = []
    for mention in mentions:
        if mention.get("kind") not in ("facility", "name") or mention.get("count") or mention["typed_by"]:
            continue
        start, head_start = mention["stem_start"], mention["head_start"]
        if mention.get("stop") or head_start - start < 2 or start - 1 <= clause_start \
                or norm[start - 1] != "、":
            continue
        last = _item_tail(norm, start, head_start)
        pos = start - 1
        road = by_end.get(pos)
        if (road is not None and road.get("category") == "road" and mention["category"] == "area"
                and road["head"] == norm[head_start - 1] and not road.get("section")):
            road["typed_by"] = mention
            continue
        while pos > clause_start and pos not in by_end:
            raw = _raw_item(norm, pos, clause_start)
            if raw is None or not _alike(_item_tail(norm, raw["stem_start"], pos), last) \
                    or not 2 <= pos - raw["stem_start"] <= 6:
                break
            raw["typed_by"] = mention
            items.append(raw)
            pos = raw["stem_start"] - 1
            if pos <= clause_start or norm[pos] != "、":
                break
    return items


def _alike(first, second):
    """Two tails of parallel list items: equal, or both directions (城西、城北)."""
    return first == second or (first in _DIRECTIONS and second in _DIRECTIONS)


def _item_tail(norm, start, end):
    """What a list item ends like: its last character, or TOWNSHIP for any 镇, 乡 or 街道.

    Townships of one county mix 镇, 乡 and 街道 (寨英镇、冷水溪乡污水处理站), and the shared
    head may keep a generic modifier after the township (孟溪镇、太平营镇中心卫生院).
    """
    for pos in range(end, start + 1, -1):
        if _is_generic(norm[pos:end]) and norm[:pos].endswith(TOWNSHIP_SUFFIXES) \
                and pos - start >= 3:
            return TOWNSHIP
        if end - pos >= 4:
            break
    return norm[end - 1]


def _raw_item(norm, pos, clause_start):
    """A list item without a head (金牛建材, 宝华) ending at ``pos``; None if implausible."""
    start = pos
    stop = None
    while start > clause_start:
        char = norm[start - 1]
        if char in _HARD_BREAKS:
            break
        if pos - start >= 2:
            if any(norm.startswith(s, start - len(s)) for s in _SEPARATORS[1:]):
                break
            stop = _stop_ending_at(norm, start, clause_start)
            if stop:
                break
        if pos - start >= 10:
            return None
        start -= 1
    text = norm[start:pos]
    if not 2 <= len(text) <= 10 or _is_generic(text):
        return None
    if not all("\u4e00" <= ch <= "\u9fff" or (ch.isascii() and ch.isalnum()) for ch in text):
        return None
    if any(word in text for word in STOP_WORDS if len(word) > 1):
        return None
    return {"kind": "raw", "head": "", "category": None, "stem_start": start, "head_start": pos,
            "head_end": pos, "end": pos, "section": None, "count": None, "stop": stop,
            "stop_start": start - len(stop) if stop else None, "members": [], "typed_by": None}


def _mention_records(norm, mention, sentence, clause_end):
    """Records made by one mention: a named project, a group record, or nothing."""
    if mention.get("kind") == "skip":
        return []
    action = _action_for(norm, mention, clause_end)
    if mention["kind"] == "raw":
        type_head = mention["typed_by"]
        category = _resolve_category(type_head["category"], action, norm, type_head, sentence)
        return [_named_record(norm, mention, category, action)] if category else []
    count, rest_start, label = _analyse_stem(norm, mention)
    count = mention.get("count") or count
    category = _resolve_category(mention["category"], action, norm, mention, sentence)
    if mention["typed_by"] is not None and mention["category"] in ("stem", "road", "station"):
        type_category = _resolve_category(mention["typed_by"]["category"], action, norm,
                                          mention["typed_by"], sentence)
        if mention["category"] == "stem" or category is None:
            category = type_category
    elif mention["typed_by"] is not None:
        type_category = _resolve_category(mention["typed_by"]["category"], action, norm,
                                          mention["typed_by"], sentence)
        if type_category and type_category != category and (
                label == "short" or _category_group(category) != _category_group(type_category)):
            # 左岭、花山、龙泉3个卫生服务中心: a listed member is what the list says it is, even
            # when its own last character looks like a head (泉).
            category = type_category
            label = "distinctive" if label == "short" else label
    section = mention.get("section")
    section_text = norm[section[0]:section[1]] if section else ""
    if section_text.startswith("周边"):
        category = "area"  # 鲁巷广场周边区域: the area around a landmark
    elif _is_range(section_text) and category not in ("rail", "water", *ROAD_CATEGORIES) and not (
            category == "bridge" and not section_text.startswith("至")):
        # A bridge keeps a range of its own (浮桥东阿码头至东平段); from the bridge on it is a road.
        # 二郎立交至高九路段: the stretch between two landmarks is a road.
        category = _resolve_category("road", action, norm, mention, sentence)
    if category in (*ROAD_CATEGORIES, "village") and (
            action in AREA_ACTIONS or _type_category(mention) == "area"
            or any(norm.startswith(AREA_ACTIONS, m["end"]) for m in mention.get("chain") or [mention])):
        # 兴华街、北二路棚户区改造; 工人村、保工北街等老旧小区: the street or 村 names a neighbourhood.
        category = "area"
    if mention.get("stop") in TITLE_VERBS and norm.startswith(TITLE_RANKS, rest_start) and count is None:
        return []
    chain = mention.get("chain") or [mention]
    if category == "village" and any(m.get("head") in NEIGHBOURHOOD_HEADS for m in chain):
        category = "area"  # 甸柳新村、燕子山小区: a 村 listed with neighbourhoods is one
    if category is None or label == "value":
        return []
    kind = mention["kind"]
    if (count is not None and label == "distinctive" and count["unit"] in SIZE_UNITS
            and _listed_with_counted_types(norm, mention)):
        # 新建社区公园12个、山城步道20公里: listed among counted types, a length counts a type too.
        label = "generic"
    if count is not None and mention.get("head") in ORGANISATION_HEADS:
        return []  # 组建教育集团4个: counted organisations, not places (汇才教育集团 stays named)
    if (count is not None and label == "distinctive" and kind in ("name", "facility")
            and (count["value"] == 1 or count["unit"] in SIZE_UNITS)):
        # 新建一条滨河路, 海泊河绿道12公里: one named project; a length or area is its size.
        record = _named_record(norm, mention, category, action, start=rest_start)
        if count["value"] != 1:
            record["quantity"] = {"value": count["value"], "unit": count["unit"]}
        return [record]
    if count is not None and count["value"] == 1 and mention["category"] == "road":
        return []  # 走出一条特色发展新路: a metaphor, not a road
    if count is not None and count["value"] == 1 and label == "definite" and kind == "facility":
        # 建设区级养老服务中心1个: the district's own one, named as the definite facility.
        return [_named_record(norm, mention, category, action, start=rest_start)]
    if count is not None and label != "distinctive" and count["unit"] in ("平方米", "万平方米"):
        return []  # 新增城市绿地50万平方米: an area measure of a type, not a count of places
    if count is not None:
        return _group_records(norm, mention, category, action, count, rest_start)
    if label in ("generic", "slogan") and kind in ("name", "facility") and len(mention["head"]) >= 2 \
            and re.search(r"期\)?$", section_text):
        # 数字经济产业园二期: a phase of a typed facility is one specific project.
        return [_named_record(norm, mention, category, action)]
    if label == "slogan" or kind in ("generic", "designation"):
        return []
    if label == "distinctive" or (label == "definite" and kind == "facility"):
        return [_named_record(norm, mention, category, action)]
    if label in ("empty", "generic") and norm[rest_start:mention["head_end"]] in SINGLETON_FACILITY_HEADS \
            and not mention.get("section") \
            and (mention.get("stop") in PHASE_VERBS or mention.get("stop") is None
                 and mention["stem_start"] > 0 and norm[mention["stem_start"] - 1] == "、"):
        # 建成科技馆、全民健身中心, 启动体育公园建设: a district has one of these, so the bare
        # type built by a works verb is its own facility.
        return [_named_record(norm, mention, category, action)]
    if label == "empty" and mention.get("section") and (
            kind == "facility" or kind == "name" and len(mention["head"]) >= 3):
        # 推进会展中心二期建设: a phase of a bare facility is one specific project.
        return [_named_record(norm, mention, category, action)]
    return []


def _listed_with_counted_types(norm, mention):
    """True when the mention's list (chain) holds a counted type noun (社区公园12个)."""
    for other in mention.get("chain") or []:
        if other is mention or other.get("kind") in ("raw", "skip", "code"):
            continue
        count, _, label = _analyse_stem(norm, other)
        if (count or other.get("count")) and label in ("generic", "empty"):
            return True
    return False


def _same_kind(first, second):
    """Equal categories, or two road categories (a 新建 and an 改造 road of one road count)."""
    return first == second or (first in ROAD_CATEGORIES and second in ROAD_CATEGORIES)


def _type_category(mention):
    type_head = mention.get("typed_by")
    return type_head["category"] if type_head is not None else None


def _named_record(norm, mention, category, action, start=None):
    section = mention.get("section")
    end = section[1] if section else mention["head_end"]
    start = mention["stem_start"] if start is None else start
    if not section and norm.endswith(RENEWED_TYPE_TAIL, start, end) \
            and end - len(RENEWED_TYPE_TAIL) - start >= 2:
        # 匡山小区老旧小区改造, 堤口庄老旧小区改造: the type after a place says what is renewed;
        # the place is the name.
        end = end - len(RENEWED_TYPE_TAIL)
        return {
            "named": True, "category": category, "action": action, "start": start, "end": end,
            "base": (start, end), "section": None, "quantity": None, "group_total": None,
            "mention": mention, "measures": [],
        }
    return {
        "named": True, "category": category, "action": action,
        "start": start, "end": end,
        "base": (start, mention["head_end"]), "section": section,
        "quantity": None, "group_total": None, "mention": mention, "measures": [],
    }


def _group_records(norm, mention, category, action, count, rest_start):
    members = [m for m in mention.get("members", []) if m.get("kind") != "skip"]
    total = count["value"]
    remaining = total - len(members) if members else total
    if remaining <= 0:
        return []
    span_start = min(mention["stem_start"], count["start"])
    span_end = max(mention["end"], count["end"])
    quantity = {"value": remaining, "unit": count["unit"]}
    base_end = mention.get("closing_quote") or mention["head_end"]
    return [{
        "named": False, "category": category, "action": action,
        "start": span_start, "end": span_end, "base": (rest_start, base_end),
        "section": None, "quantity": quantity,
        "group_total": {"value": total, "unit": count["unit"]} if members else None,
        "remainder": bool(members), "mention": mention, "measures": [],
    }]


def _resolve_category(category, action, norm, mention, sentence):
    """Turn placeholders (road, station, stem) into category codes."""
    if category == "road":
        if "林荫" in norm[mention["stem_start"]:mention["head_end"]]:
            return "road_greening"  # 打造林荫路10条: a tree-lined road is a greening project
        section = mention.get("section")
        if section and "至" not in norm[section[0]:section[1]]:
            # 北延, 改线 say new road; a range (A至B段) names places, whose words (建设大路) do not.
            text = norm[section[0]:section[1]]
            for word, code in ROAD_ACTION_CATEGORY:
                if word in text and code == "road_new":
                    return code
        for source in (action or "", mention.get("post_action") or "", mention.get("left_verb") or ""):
            for word, code in ROAD_ACTION_CATEGORY:
                if word in source:
                    return code
        return DEFAULT_ROAD_CATEGORY
    if category == "station":
        stem = norm[mention["stem_start"]:mention["head_start"]]
        if any(word in stem for word in BUS_WORDS):
            return "transport"  # 城北公交枢纽站 in a sentence about a railway
        return "rail" if any(word in sentence for word in RAIL_WORDS) else "transport"
    if category == "park" and mention.get("head") in MALL_SQUARE_HEADS:
        stem = norm[mention["stem_start"]:mention["head_start"]]
        after = norm[mention["end"]:mention["end"] + 3]
        if any(brand in stem for brand in MALL_BRANDS) or action in MALL_ACTIONS \
                or after.startswith(MALL_FOLLOWERS):
            # 万达广场, 恒隆广场改造升级, X广场开业运营, X广场商业综合体: a mall, not a square.
            return "commercial"
    if category == "stem":
        stem = norm[mention["stem_start"]:mention["head_start"]]
        for word, code in STEM_CATEGORY:
            if word in stem:
                return code
        return None
    return category


def _action_for(norm, mention, clause_end):
    """The verb phrase governing a mention: right of its chain first, else the left verb."""
    chain = mention.get("chain") or [mention]
    last = chain[-1]
    type_head = mention.get("typed_by")
    end = max(last["end"], type_head["end"] if type_head else 0)
    for item in (mention, last):
        if item.get("post_action"):
            return item["post_action"]
    section = mention.get("section")
    if section and "改线" in norm[section[0]:section[1]]:
        return "改线"
    action = _right_action(norm, end, clause_end)
    after = end + len(action or "")
    if (action and mention is not last and norm.startswith(action, end)
            and after < clause_end and norm[after] == "、"):
        # A、B改扩建、C等项目建设: 改扩建 is B's own (the list goes on after it); A takes
        # the action that closes the whole list.
        closing = [a for a in _ACTIONS_SORTED if norm.rfind(a, after, clause_end) >= 0]
        if closing:
            return max(closing, key=lambda a: (norm.rfind(a, after, clause_end) + len(a), len(a)))
    if action:
        return action
    # An action inside the type head's modifiers: 金牛建材等新建商业载体 -> 新建.
    if type_head is not None:
        modifiers = norm[type_head["stem_start"]:type_head["head_start"]]
        for word in _ACTIONS_SORTED:
            if word in modifiers:
                return word
    first = chain[0]
    stop = first.get("stop")
    if stop is None or first.get("stop_start") is None:
        return None
    # Walk left over the run of stop words before the name (新建高标准农田: 高标准 is an
    # adverb, 新建 the verb), taking the longest verb at each step (加快推进 over 推进).
    pos = first["stop_start"] + len(stop)
    for _ in range(4):
        for word in _LEFT_ACTIONS_SORTED:
            if norm.startswith(word, pos - len(word)):
                mention["left_verb"] = word
                return LEFT_ACTIONS[word]
        stop = _stop_ending_at(norm, pos, 0)
        if stop is None or norm[pos - 1] in _HARD_BREAKS:
            return None
        pos -= len(stop)
    return None


def _right_action(norm, pos, clause_end):
    skipped = True
    while skipped and pos < clause_end:
        skipped = False
        if norm[pos] in "“‘\"":
            pos += 1  # 实施A路“白改黑”工程: a quoted action
            skipped = True
            continue
        filler = _match_any(norm, pos, _FILLERS_SORTED)
        action = _match_any(norm, pos, _ACTIONS_SORTED)
        if filler and (not action or len(filler) >= len(action)):
            pos += len(filler)
            skipped = True
    action = _match_any(norm, pos, _ACTIONS_SORTED)
    if action:
        return action
    # 加快线上线下融合发展: an action a few characters on, before the clause ends.
    window = norm[pos:min(clause_end, pos + 12)]
    comma = window.find("、")
    if comma >= 0 and (_match_any(norm, pos + comma + 1, _ACTIONS_SORTED)
                       or _match_any(norm, pos + comma + 1, _STOPS)):
        window = window[:comma]  # 新建换热站15座、改造供热管网: 改造 opens the next item
    found = [(window.find(a), -len(a), a) for a in _ACTIONS_SORTED if a in window]
    return min(found)[2] if found else None


def _attach_measures(norm, start, end, records):
    """Attach 学位4500个-style measures to the nearest preceding record of the sentence."""
    if not records:
        return
    for match in _MEASURE_RE.finditer(norm, start, end):
        noun = match.group("noun1") or match.group("noun2")
        value = _parse_number(match.group("num1") or match.group("num2"))
        unit = match.group("unit1") or match.group("unit2")
        if value is None:
            continue
        before = [r for r in records if r["end"] <= match.start()]
        groups = [r for r in before if not r["named"]]
        # 新增学位6000个 after 幼儿园8所，其中包括A、B belongs to the counted group, not to B.
        before = groups or before
        target = max(before, key=lambda r: r["end"]) if before else min(records, key=lambda r: r["start"])
        target["measures"].append({"value": value, "unit": unit, "noun": noun})


# --------------------------------------------------------------------------- features


def _to_features(records, text, norm, origin):
    """Records -> catalog features with ids, merged duplicates, members' group ids, sorted."""

    def original(span):
        a, b = span
        return text[origin[a]:origin[b - 1] + 1] if b > a else ""

    def orig_offsets(span):
        a, b = span
        return origin[a], origin[b - 1] + 1

    for record in records:
        base_orig = original(record["base"])
        record["base_name"] = base_orig
        if record["named"]:
            record["name"] = original((record["start"], record["end"]))
            record["section_text"] = original(record["section"]) if record["section"] else None
            if record["section_text"] and record["section_text"][:1] in "(（":
                record["section_text"] = record["section_text"][1:-1]
        else:
            action = f"（{record['action']}）" if record["action"] else ""
            record["name"] = f"{'其余' if record['remainder'] else ''}{base_orig}{action}"
            record["section_text"] = None
        record["char_start"], record["char_end"] = orig_offsets((record["start"], record["end"]))
        s0, s1 = record["sentence"]
        record["quote"] = original((s0, s1)).strip()
    _disambiguate_groups(records)
    first_road = {}
    for record in sorted(records, key=lambda r: r["char_start"]):
        if record["named"] and record["category"] in ROAD_CATEGORIES:
            # 打通青龙路 ... 完成青龙路路面改造: one road mentioned again under another road action
            # is the same project; its first mention decides the category.
            record["category"] = first_road.setdefault(normalise_name(record["name"]), record["category"])
    for record in records:
        record["id"] = project_slug(record["category"], record["name"])

    merged = {}
    for record in sorted(records, key=lambda r: r["char_start"]):
        if record["id"] in merged:
            kept = merged[record["id"]]
            kept["measures"].extend(m for m in record["measures"] if m not in kept["measures"])
            record["merged_into"] = kept
            continue
        merged[record["id"]] = record

    for record in records:
        record["group_id"] = None
    for record in records:
        if not record["named"] and record.get("remainder"):
            group = record.get("merged_into", record)
            members = {id(m) for m in record["mention"].get("members", [])}
            listed = {id(r) for r in record.get("listed_members", [])}
            for other in records:
                if other["named"] and (id(other["mention"]) in members or id(other) in listed):
                    target = other.get("merged_into", other)
                    target["group_id"] = group["id"]

    features = []
    for record in merged.values():
        props = {
            "id": record["id"], "name": record["name"], "category": record["category"],
            "action": record["action"], "quote": record["quote"],
            "char_start": record["char_start"], "char_end": record["char_end"],
            "quantity": record["quantity"], "named": record["named"],
            "section": record["section_text"], "base_name": record["base_name"],
            "group": record["group_id"], "group_total": record["group_total"],
            "measures": record["measures"],
        }
        features.append({"id": record["id"], "type": "Feature", "properties": props, "geometry": None})
    features.sort(key=project_sort_key)
    return features


def _disambiguate_groups(records):
    """Group records with equal names but different counts get the count in their name."""
    by_key = {}
    for record in records:
        if not record["named"]:
            by_key.setdefault((record["category"], normalise_name(record["name"])), []).append(record)
    for group in by_key.values():
        if len({(r["quantity"]["value"], r["quantity"]["unit"]) for r in group}) > 1:
            for record in group:
                q = record["quantity"]
                record["name"] = f"{record['name']}{_format_number(q['value'])}{q['unit']}"


def _format_number(value):
    return str(int(value)) if float(value).is_integer() else str(value)


_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def _parse_number(text):
    """'13' -> 13, '1.5' -> 1.5, '十三' -> 13, '两' -> 2, '一百二十' -> 120, '一〇五' -> 105."""
    if not text:
        return None
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    if all(ch in _CN_VALUES for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + _CN_VALUES[ch]
        return value
    total, digit = 0, None
    for ch in text:
        if ch in _CN_VALUES:
            digit = _CN_VALUES[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)
