"""geo.extract.listed_routes: routes listed after a header of road projects."""

from geo.extract import extract_projects


def _props(text):
    return [f["properties"] for f in extract_projects(text)]


def test_routes_listed_after_a_counted_header_of_road_projects_are_roads():
    # 县乡公路改造项目4个,即A到B、C至D…: each item a road named by its two ends (no road type after
    # it); before, the places inside were villages or nothing, and the count stood alone.
    props = _props("今年,青山县将实施县乡公路改造项目4个,即白石镇到红岭、松林村至东坪寨、"
                   "青峰典寨至苗寨、永安王卡至青山经开区,总里程45.9公里。")
    named = {p["name"]: p["category"] for p in props if p["named"]}
    assert named == {"白石镇到红岭": "road_rebuild", "松林村至东坪寨": "road_rebuild",
                     "青峰典寨至苗寨": "road_rebuild", "永安王卡至青山经开区": "road_rebuild"}
    assert all(not p["named"] for p in props if p["name"] not in named)


def test_a_list_after_a_road_header_with_an_item_no_route_names_nothing_new():
    # 道路建设项目,主要包括A至B、C中学: a list of mixed things is no list of routes
    props = _props("今年青山县实施道路建设项目,主要包括白石至红岭、青山中学等工程。")
    assert "白石至红岭" not in {p["name"] for p in props}


def test_a_listed_route_written_before_with_its_other_join_is_not_named_again():
    # 白石镇红岭村到青山镇东坪村的道路 … 主要包括…、白石镇红岭村至青山镇东坪村: named once, as written first
    props = _props("这是白石镇红岭村到青山镇东坪村的道路改造工程。今年该县实施道路建设项目,"
                   "主要包括松林至东坪连接下坪、白石镇红岭村至青山镇东坪村等道路提升改造工程。")
    names = {p["name"] for p in props if p["named"]}
    assert "松林至东坪连接下坪" in names
    assert "白石镇红岭村至青山镇东坪村" not in names
