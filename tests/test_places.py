"""Place names of all China: stems, mentions inside and outside a district, the county names point to."""

import pytest

from geo import data, places


@pytest.mark.parametrize("name, expected", [("泺口街道", "泺口"), ("天河区", "天河"), ("城关镇", "城关"),
                                            ("新疆维吾尔自治区", "新疆"), ("城区", "城区"), ("红旗满族乡", "红旗满族")])
def test_stem_drops_the_administrative_suffix_only(name, expected):
    assert places.stem(name) == expected


def test_own_names_match_as_stems_and_others_only_in_full():
    own = places.district_names("370105")
    assert {"天桥区", "天桥", "泺口街道", "泺口", "济南市", "山东"} <= own
    ours, theirs, bare = places.find_mentions(["泺口垃圾转运站", "石牌街道文化中心", "石牌文化中心"], own)
    assert ours.inside == ("泺口",) and ours.outside == ()
    assert theirs.inside == () and theirs.outside == ("石牌街道",)
    assert bare.outside == ()  # 石牌 alone is a word, not a place: only the full name counts


def test_names_held_by_many_counties_are_not_mentions():
    own = places.district_names("370105")
    common, generic = places.find_mentions(["城关镇卫生院", "老城区改造"], own)  # 洛阳老城区, but mostly a word
    assert common.outside == () and generic.outside == ()
    assert places.lookup(["城关镇", "老城区", "燕儿窝街道", "广州市", "燕儿窝"]) == {
        "燕儿窝街道": ("650102",), "广州市": tuple(c for c in data.counties() if c.startswith("4401"))}


def test_own_names_never_count_as_outside():
    own = places.district_names("650102")
    assert places.find_mentions(["燕儿窝街道社区卫生服务中心"], own)[0].outside == ()
    elsewhere = places.find_mentions(["燕儿窝街道社区卫生服务中心"], places.district_names("370105"))
    assert elsewhere[0].outside == ("燕儿窝街道",)


def test_likely_county_needs_a_clear_majority():
    assert places.likely_county(["石牌街道", "猎德街道", "天河区"]) == "440106"
    assert places.likely_county(["燕儿窝街道", "石牌街道"]) is None  # a tie points nowhere
    assert places.describe_county("440106") == "广东省广州市天河区 (440106)"
    assert places.describe_county("110101") == "北京市东城区 (110101)"


@pytest.mark.parametrize("name, codes", [
    ("天山区", ("650102",)),
    ("新疆乌鲁木齐天山區", ("650102",)),
    ("北京市 朝阳区", ("110105",)),
    ("朝阳区", ("110105", "220104")),
    ("高新区", ()),
    ("朝阳", ()),
])
def test_counties_named_reads_a_name_with_or_without_its_city_and_province(name, codes):
    assert places.counties_named(name) == codes


@pytest.mark.parametrize("names, word", [
    (["泺口街道", "北园街道办事处"], "街道"),
    (["江湾镇", "段莘乡", "蚺城街道"], "街道/乡镇"),
    (["江湾镇", "段莘乡", "巴音苏木"], "乡镇"),
    (["江湾镇"], "镇"),
    (["段莘乡"], "乡"),
    (["Zone A", "城南片区"], "街道"),  # names that say no level: the tool's word
    (["白石镇人民政府", "青松镇人民政府"], "镇"),  # a government's or an office's name: its level
    (["白石镇人民政府", "青松乡人民政府", "东湖街道办"], "街道/乡镇"),
])
def test_the_word_for_a_districts_zones_is_their_own_level(names, word):
    # A county's 10 镇 and 6 乡 were all called 街道 in messages.
    assert places.zone_level(names) == word
