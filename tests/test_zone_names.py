"""The place-name fallback's stems of 街道/乡镇 names (geo.zone_names)."""

from geo.zone_names import named_zone, zone_stems


def test_a_streets_office_or_government_name_or_its_district_before_it_gives_the_place_its_name_carries():
    # 白石街道办, 青松镇人民政府 and 青山区东湖街道 (an official file's office names, a city's table) kept
    # those words in their stems: 白石垃圾转运站, 青松卫生院 and 东湖小学 carried no 街道 of them.
    stems = zone_stems(["白石街道办", "青松镇人民政府", "青山区东湖街道"])
    assert dict(stems) == {"白石": "白石街道办", "青松": "青松镇人民政府", "东湖": "青山区东湖街道"}
    assert named_zone("白石垃圾转运站", stems) == "白石街道办"
    assert named_zone("青松卫生院", stems) == "青松镇人民政府"
    assert named_zone("东湖小学", stems) == "青山区东湖街道"


def test_a_streets_name_in_traditional_script_or_with_a_space_in_it_gives_the_place_its_name_carries():
    # 東湖街道 (Traditional), 青松　街道 (a full-width space aligning a table's names) and 白石 街道: their stems kept
    # the script and the space, and a project's name, compared in its matching form (东湖小学), carried none.
    stems = zone_stems(["東湖街道", "青松\u3000街道", "白石 街道"])
    assert named_zone("东湖小学", stems) == "東湖街道"
    assert named_zone("青松卫生院", stems) == "青松\u3000街道"
    assert named_zone("白石垃圾转运站", stems) == "白石 街道"
