"""geo.extract.declared_parts: kinds a text lists bare as a project's parts, named bare again, are those parts."""

from extract_cases import named_names


def test_a_kind_listed_bare_among_a_projects_parts_is_no_project_where_named_again():
    # 档案馆 is one of the park's halls: 今年新建档案馆 later in the text builds that hall
    text = "青山文化园包括展览馆、图书馆和档案馆等三个场馆。今年新建档案馆,已完成主体工程。"
    assert "档案馆" not in named_names(text)


def test_a_kind_named_bare_with_no_list_of_parts_stays_a_project():
    # a district's own hall named by its kind alone (中医院, 县医院 are gold so)
    assert named_names("今年新建档案馆,已完成主体工程。") == ["档案馆"]


def test_a_kind_with_a_name_stays_a_project_beside_a_list_of_parts():
    text = "青山文化园包括展览馆、图书馆和档案馆等三个场馆。白石档案馆今年开工建设,已完成主体工程。"
    assert named_names(text) == ["白石档案馆"]


def test_one_bare_kind_in_a_list_declares_no_parts():
    # 包括档案馆和白石公园: one kind beside a named place may be a project listed so (settings.DECLARED_PARTS_MIN)
    assert "档案馆" in named_names("青山文化园包括档案馆和白石公园。今年新建档案馆,已完成主体工程。")


def test_the_parts_listed_in_traditional_script_or_after_other_clauses_are_found_clause_by_clause():
    from geo.extract.declared_parts import _declared_parts

    text = ("包装厂搬迁,白石体育中心包含體育場、體育館、游泳館;青山公园改造。"
            "红枫广场涵蓋劇場、圖書館及檔案館\n包包包包")
    assert _declared_parts(text) == {"体育场", "体育馆", "游泳馆", "剧场", "图书馆", "档案馆"}
    assert _declared_parts("档案馆建成,包括图书馆") == set()  # one kind alone declares no parts
