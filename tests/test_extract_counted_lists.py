"""A list whose items number the count of the type closing it names them (geo.extract.counted_lists)."""

from extract_cases import named_names


def test_items_numbering_the_count_before_a_renewal_type_with_an_infix_are_named():
    names = named_names("投入200万元建设青山花园、白石尾、红水良茂3个老旧物业小区改造示范点。")
    assert {"白石尾", "红水良茂"} <= set(names)


def test_an_item_ending_in_its_surroundings_counted_before_a_type_is_named():
    assert "青石时尚周边" in named_names("加快推进青山商城、白石小学、青石时尚周边3个老旧片区的征拆改造工作。")


def test_a_list_with_more_items_than_the_count_names_no_rest():
    names = named_names("完成青山花园、红水堡、白石湾、青石岭3个老旧物业小区改造。")
    assert "青石岭" not in names
