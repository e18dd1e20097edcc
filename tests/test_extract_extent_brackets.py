"""One road written with and without its extent in brackets (geo.extract.extent_brackets)."""

from extract_cases import named_names

_BRACKETED_MOSTLY = ("分别是红岭路(青松路-白沙路)建设工程以及青山小学新校区。\n红岭路(青松路-白沙路)\n"
                     "红岭路(青松路-白沙路)建设工程为新建道路工程,红岭路起点位于青松路东侧,终点位于白沙路。")
_BARE_MOSTLY = ("青山县排水防涝体系建设工程(一期白石路)总投资1.41亿元,改造白石路(青松路-红岭路),实施雨污分流和道路改造。"
                "白石路是青山县主干道,已经有20多年历史。今年将完成白石路的路面改造。")


def test_a_road_titled_with_its_extent_more_often_than_bare_keeps_the_brackets():
    names = named_names(_BRACKETED_MOSTLY)
    assert "红岭路(青松路-白沙路)" in names and "红岭路" not in names


_LISTED_SECTION = ("正在积极推进青柳路、白石路(青松路-红岭路)、香山路西段等项目建设。"
                   "配套工程方面,完成金沙路、白石路2个雨水箱涵建设。")
_TITLED_ALONE = ("位于青山新区东部的白石路建设进入最后冲刺阶段,通车后将优化区域交通。\n"
                 "相邻的白石路(青松路—红岭路)工程同步提速,当前水稳层摊铺全部完成。")


def test_a_road_named_bare_more_often_and_titled_alone_is_one_road_named_bare():
    # 改造白石路(青松路-红岭路),实施…; 白石路是…: the brackets title the road the paragraph names bare
    names = named_names(_BARE_MOSTLY)
    assert "白石路" in names and "白石路(青松路-红岭路)" not in names


def test_a_road_named_bare_once_and_titled_alone_by_its_works_is_one_road():
    names = named_names(_TITLED_ALONE)
    assert "白石路" in names and "白石路(青松路—红岭路)" not in names


def test_a_section_listed_with_other_roads_keeps_both_forms():
    # a list item's extent is a section the labels keep apart from the bare road's other works
    names = named_names(_LISTED_SECTION)
    assert "白石路" in names and "白石路(青松路-红岭路)" in names
