"""geo.extract.line_forms: lines that are no report sentences, by their form."""

from geo.extract.line_forms import titled_item


def _titles(line, name):
    start = line.index(name)
    return titled_item(line, start, start + len(name))


def test_a_numbered_item_s_title_holds_its_name_then_its_works_then_its_works_word():
    assert _titles("五、松岗片区雨污改造工程。\n", "松岗片区")
    assert _titles("3.青柳广场建设。清理堤口南侧的垃圾坑。\n", "青柳广场")
    assert _titles("四、后街旅游路建设 一年前的后街只是一条土路,\n", "后街旅游路")
    assert _titles("①白石小区消防设施维修项目:更换消防管道。", "白石小区")


def test_a_line_without_a_list_number_or_with_other_words_titles_no_item():
    assert not _titles("松岗片区雨污改造工程已完工。\n", "松岗片区")
    assert not _titles("五、加快松岗片区改造工程。\n", "松岗片区")
    assert not _titles("五、松岗片区等5个片区改造工程。\n", "松岗片区")
    assert not _titles("五、松岗片区雨污改造工程进展顺利。\n", "松岗片区")
