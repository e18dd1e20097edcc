"""Villages and townships a list closes with 等地 or 等处: the region works lie in (geo.extract.region_lists)."""

from extract_cases import named_names


def test_villages_listed_as_where_roads_lie_are_no_projects():
    names = named_names("针对青山村、白石村及红枫村等地多处老旧及受损道路进行整建与修缮。")
    assert not {"青山村", "白石村", "红枫村"} & set(names)


def test_communities_listed_before_their_lanes_leave_the_lanes():
    names = named_names("先后对县城区内青山社区、白石社区等处的青石胡同、红枫胡同进行硬化。")
    assert "白石社区" not in names and "县城区内青山社区" not in names
    assert {"青石胡同", "红枫胡同"} <= set(names)


def test_villages_whose_own_works_follow_the_list_are_kept():
    assert {"青山村", "白石村"} <= set(named_names("对青山村、白石村等地实施亮化工程。"))

