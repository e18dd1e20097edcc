"""What a stem says: a count leading it and the rest classified (a name, a type, a marker, a size, a slogan, a definite or vague place); where a stem starts: stems."""

from __future__ import annotations

import re

from geo.lexicon import (
    BLOCK_HEADS, NOT_STOPS, SUBUNIT_HEADS, ABSTRACT_WORDS, DEFINITE_MARKERS,
    POSITIONAL_TYPE_ROAD_HEADS, POSITIONAL_WORDS, SLOGAN_WORDS, JURISDICTION_SUFFIXES, TYPE_WORDS,
    VAGUE_QUANTITIES, heads, LENGTH_UNITS, NATURAL_PLACE_ENDINGS, SCOPES)
from geo.lexicon_lookups import (
    DIRECTIONS, GENERIC_SORTED, STOPS, is_generic, is_road_type, match_any, unit_fits, verb_ending_at)
from geo.extract.model import Count
from geo.numbers import parse_number
from geo.extract.patterns import HAN_RUN, COUNT_RE, counts_in, HARD_BREAKS, NUMBER_CHAR_RE, RATING_RE
from geo.extract.stems import DIGIT, MEASURED, ROAD_NUMBER, after_year, quoted_name


_NUMBERED = re.compile(r"[\d一二三四五六七八九十]+[号#栋座班]")
_DOOR_NUMBER_ONLY = re.compile(r"\d{1,4}")  # the door number before 号院
_PIPE_SIZE = re.compile(r"(?:DN|dn|De|de|Φ|φ)\d")  # a pipe's nominal diameter (DN300, De110, Φ600)
_NUMERAL_STEMS = frozenset("一二三四五六七八九十")  # 一中, 三小: one-character numerals naming a school
# How a street's own stem may end where no road of speech does: a direction or an ordinal (创业南路,
# 金融七街, 思源东道) or a natural place (复兴岛第三通道).
_STREET_STEM_ENDINGS = tuple(DIRECTIONS + "中一二三四五六七八九十") + NATURAL_PLACE_ENDINGS
_YEAR_AT_END = re.compile(r"(?:19|20)\d\d年度?$")
# An ordinal (第四条跨江大桥, 全县第一个保障性住房) ranks one place of a type: a count of one.
_MANNER = re.compile(r"[\u4e00-\u9fff]{1,3}式")  # 压缩式, 装配式: how a thing is built
_ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]{1,3}[条座所个家处栋]")
_ROUND = re.compile(r"第[一二三四五六七八九十\d]{1,2}[轮批期]")
_MONEY = re.compile(r"[亿万]元")
_RANGE_QUOTED = re.compile(r"[\u4e00-\u9fff]{2,4}(?:——|[—–－-])[\u4e00-\u9fff]{2,4}")  # 三礼——小圩 of “三礼——小圩”道路
_QUOTED_NAME = re.compile(r"^[“‘\"《]([^“”‘’\"《》]{1,8})[”’\"》](.*)$")
_SLOGANS = tuple(SLOGAN_WORDS)
_DEFINITE = tuple(sorted(DEFINITE_MARKERS, key=len, reverse=True))
_VAGUE_QUANTITY = re.compile("|".join(map(re.escape, VAGUE_QUANTITIES)))


def analyse_stem(norm, mention):
    """Split the stem into a leading count and the rest; classify the rest.

    Returns (count or None, rest start, label) with label one of distinctive, definite,
    generic, slogan, value (a money amount: 亿元楼宇), short (a stem below the head's
    minimum), empty.
    """
    start, head_start = mention.stem_start, mention.head_start
    count = None
    # (most stems hold no number: no count can open or end them, nothing for COUNT_RE to find)
    numbered = NUMBER_CHAR_RE.search(norm, start, head_start) is not None
    if mention.kind != "code" and numbered:
        match = COUNT_RE.match(norm, start, head_start)
        if match is None and norm.startswith(SCOPES, start):
            for prefix in SCOPES:
                # 全区12座城镇污水处理厂: a scope word before the count is no part of a name.
                if match is None and norm.startswith(prefix, start):
                    match = COUNT_RE.match(norm, start + len(prefix), head_start)
        if match and unit_fits(match.group("unit"), mention.category, mention.head):
            value = parse_number(match.group("num"))
            if value is not None:
                count = Count(value=value, unit=match.group("unit"), start=match.start(), end=match.end())
                start = match.end()
    start = after_year(norm, start, head_start)
    if count is not None and count.unit in LENGTH_UNITS and count.start == mention.stem_start:
        count = _count_listed_before(norm, mention, count)
    if count is not None:
        length = MEASURED.match(norm, start, head_start)
        if length is not None and (length.end() == head_start or is_generic(norm[length.end():head_start])):
            start = length.end()  # 53条145.6公里道路, 3条全长60公里的景观大道: the length of the counted
        elif (de := norm.rfind("的", start, head_start)) > start and is_generic(norm[de + 1:head_start]):
            start = de + 1  # 17个有特色的口袋公园: what describes the counted is no part of their type
    rest = norm[start:head_start]
    if count is None and mention.kind != "code" and numbered and NUMBER_CHAR_RE.search(norm, start + 1, head_start):
        inner = next((m for m in counts_in(norm, start + 1, head_start)
                      if _counted_type_between(norm, m.end(), head_start)
                      and unit_fits(m.group("unit"), mention.category, mention.head)
                      and not norm[m.start("num") - 1].isdigit() and not _numbered_street(norm, m, mention)
                      and not _round_size(norm, m, start)), None)
        if inner is not None and parse_number(inner.group("num")) is not None:
            # 晋安区有6所中小学: a count inside the stem counts the head; what precedes it is prose.
            count = Count(value=parse_number(inner.group("num")), unit=inner.group("unit"),
                          start=inner.start(), end=inner.end())
            start = inner.end()
            rest = norm[start:head_start]
    if count is not None or mention.count is not None:
        # A counted type noun is no name, so a verb glued to it is no part of it either.
        stop = match_any(norm, start, STOPS)
        if stop and (len(stop) == 1 and match_any(norm, start, GENERIC_SORTED) or norm.startswith(NOT_STOPS, start)):
            stop = None  # 在建项目: 在建 is a modifier, not 在 and 建; 保障性租赁住房: a word opening with a stop
        if stop and mention.category == "road" and ROAD_NUMBER.fullmatch(rest, len(stop)):
            stop = None  # 规划三路1.2公里, 规划二支路(1.2公里): a planned road's number, its length after it
        while stop and len(stop) < len(rest):
            start += len(stop)
            rest = norm[start:head_start]
            stop = match_any(norm, start, STOPS)
    if mention.kind == "code":
        return None, start, "distinctive"
    if not rest:
        return count, start, "empty"
    if numbered and (round_ := _ROUND.match(rest)) and is_generic(rest[round_.end():]):
        return count, start, "generic"  # 第二轮老小区, 第三期棚户区: a round of works on a type, no name
    if count is None and numbered:
        ordinal = _ORDINAL.search(rest)
        if ordinal is not None and ordinal.group()[-1] == "条" and ordinal.group()[1] not in "一1" \
                and _names_its_ordinal(rest[:ordinal.start()]):
            return count, start, "distinctive"  # 高屏第二条快速道路: the two places' line, its rank inside its name
        if ordinal is not None:  # 第四条跨江大桥: one bridge (not 4); what precedes it is prose
            count = Count(value=1, unit=ordinal.group()[-1], start=start + ordinal.start(), end=start + ordinal.end())
            start += ordinal.end()
            rest = norm[start:head_start]
            if not rest:
                return count, start, "empty"
    if mention.head in ("中", "小") and (rest.isdigit() or rest in _NUMERAL_STEMS):
        return count, start, "distinctive"  # 一中, 85中: a numbered school (一 is generic elsewhere)
    if numbered and _YEAR_AT_END.search(rest):  # (below, ``numbered`` spares patterns that need a number)
        return count, start, "generic"  # 额济纳旗2020年棚户区: a year's batch of a type, no name
    if mention.head in TYPE_WORDS and rest.endswith(JURISDICTION_SUFFIXES) and not _named_block(rest) \
            and not _JOINED_JURISDICTIONS.fullmatch(rest):
        # 上蔡县公路, 永春县公路: a jurisdiction's roads, a type (青山片区道路: a block's; 青山县至白石县公路:
        # the route between two, a name)
        return count, start, "generic"
    for word in (VAGUE_QUANTITIES if _VAGUE_QUANTITY.search(rest) else ()):  # (one scan for all the words first)
        at = rest.find(word)
        if at >= 0 and (is_generic(rest[at + len(word):]) or rest[at + len(word):] in heads()):
            return count, start, "generic"  # 武汉一批公园, 颍东一大批学校, 一批公园绿地: some of a type, no name
    quoted = _QUOTED_NAME.match(rest)
    if quoted and (HAN_RUN.fullmatch(quoted.group(1)) or _RANGE_QUOTED.fullmatch(quoted.group(1))) \
            and is_generic(quoted.group(2)) \
            and not any(len(word) > 1 and word in quoted.group(1) for word in GENERIC_SORTED):
        # “甬川”桥, “知宇”口袋公园: a quoted name before the head (“老旧散”小区 and “旅游+”小镇 quote a kind)
        return count, start, "distinctive"
    if rest[0] in "“‘\"《":
        if mention.section and norm.startswith("”", mention.head_end) and quoted_name(norm, start, head_start):
            return count, start, "distinctive"  # “广华同城大道”华蓥段: a quoted name, then its section
        return count, start, "generic"  # “四好农村路”: a quoted programme title is a type
    if mention.stop == "等" and count is None and mention.count is None and mention.kind != "raw" \
            and not DIGIT.search(rest):
        return count, start, "generic"  # A路、B街等传统商业街区: what follows 等 types the list
    if mention.category == "area" and _DOOR_NUMBER_ONLY.fullmatch(rest):
        return count, start, "generic"  # 44号院: a door number without its road names no compound
    if numbered and _PIPE_SIZE.match(rest):
        return count, start, "generic"  # DN300供水管道, DN100-DN700清水主道: a pipe's diameter, not a name
    measured = MEASURED.match(rest) if numbered or "." in rest else None
    if measured and (is_generic(rest[measured.end():]) or _built_manner(rest[measured.end():])):
        return count, start, "generic"  # 20米宽绿道, 60班九年制学校, 500床医院, 100兆瓦分散式风电: a size, not a name
    if mention.head in SUBUNIT_HEADS and rest in heads() and norm[start - 2:start] in ("项目", "工程"):
        return count, start, "generic"  # 校区EPC项目图书馆大楼: the project's building, named by its kind alone
    building = _NUMBERED.match(rest) if numbered and mention.head in SUBUNIT_HEADS else None
    if building and is_generic(rest[building.end():]):
        return count, start, "generic"  # 1号教学楼, 24班初中教学楼: a building of the school described
    if mention.category == "road" and len(rest) > 2 and "至" not in rest and any(word in rest for word in ABSTRACT_WORDS) \
            and not rest.endswith(_STREET_STEM_ENDINGS):
        return count, start, "slogan"  # 奋斗百年路, 走创业路: a road of speech (a route A至B is none, nor 创业南路)
    if _MONEY.search(rest):
        return count, start, "value"  # 亿元楼宇, 税收超亿元楼宇: a revenue class, not a place
    if rest.startswith(_SLOGANS):
        for word in SLOGAN_WORDS:
            if rest.startswith(word) and 0 < len(rest) - len(word) <= 2 and not DIGIT.search(rest) \
                    and not (mention.category != "road" and rest.endswith(("路", "街", "大道")))\
                    and not rest.endswith(NATURAL_PLACE_ENDINGS):
                return count, start, "slogan"  # (幸福路学校 is named by its street, 智慧湖公园 by its lake)
    if rest.startswith(_DEFINITE):
        for marker in _DEFINITE:
            if rest.startswith(marker) and (rest == marker or is_generic(rest[len(marker):])):
                return count, start, "definite"
    if _built_manner(rest):
        return count, start, "generic"  # 压缩式垃圾转运站, 下沉式广场: a kind of build, no name
    series = rest.rfind("系列")
    if series > 0 and (series + 2 == len(rest) or is_generic(rest[series + 2:])):
        return count, start, "generic"  # 绍兴“鲁迅”系列学校: the schools of a brand, no one place
    if rest == "中心" and mention.head in ("公园", "广场"):
        return count, start, "distinctive"  # 中心公园: the park of that name
    if mention.category == "park" and heads().get(rest, ("",))[0] == "park":
        return count, start, "generic"  # 公园绿地, 广场绿地: a park type before another is a kind of park, no name
    if is_generic(rest):
        if mention.category == "road" and mention.kind == "name" and len(rest) <= 3 \
                and not is_road_type(rest) and not (rest.endswith("新") and not rest.endswith("创新")) \
                and mention.head not in TYPE_WORDS \
                and not (any(word in rest for word in ABSTRACT_WORDS)
                         and (rest not in ABSTRACT_WORDS or (mention.stop or "").startswith("走"))):
            # 文化大道, 人民路, 建设路, 创新大道: a short ordinary word is a road name; only road-type
            # modifiers (农村公路, 背街小巷, 城市主干路) make a road a type, and a long run of
            # words is a metaphor (特色发展新路); one such word alone names a street (振兴街).
            return count, start, "distinctive"
        return count, start, "generic"
    if rest in POSITIONAL_WORDS and (count or mention.count) and (
            mention.category != "road" or mention.head in POSITIONAL_TYPE_ROAD_HEADS):
        # 环岛公路32公里 is a type, like 滨河绿道8公里; 滨江路 and 环岛路 stay names.
        return count, start, "generic"
    if len(rest) < mention.min_stem:
        return count, start, "short"
    return count, start, "distinctive"


def _numbered_street(norm, match, mention):
    """True when a count in 条 inside the stem numbers a street after a direction (西二条路, 东七条路:
    the streets of 牡丹江), the whole stem."""
    num = match.group("num")
    return match.group("unit") == "条" and mention.head in ("路", "街") and match.end() == mention.head_start \
        and not num[0].isdigit() and match.start("num") - 1 == mention.stem_start and norm[mention.stem_start] in "东西南北"


def _round_size(norm, match, start):
    """True when a count inside the stem is a round size of the place named (青山千亩公园, 九龙潭万亩
    田园综合体): a bare 百, 千 or 万 of 亩 after a name (two characters or more, no number)
    describes the place and counts none (一个千亩大湖 is no name)."""
    before = norm[start:match.start()]
    return match.group("unit") == "亩" and match.group("num") in ("百", "千", "万", "百万") \
        and len(before) >= 2 and HAN_RUN.fullmatch(before) is not None and NUMBER_CHAR_RE.search(before) is None


# A count listed before a length of the same works (完成13条、32.4公里水系整治): the count opens the
# phrase, right after a verb or a break.
_COUNT_LISTED = re.compile(rf"(?:{COUNT_RE.pattern})、$")


def _count_listed_before(norm, mention, length):
    """The count written before a length of the counted (13条 of 完成13条、32.4公里水系整治), else the
    length itself: the length is the size of what is counted, the count how many there are."""
    listed = _COUNT_LISTED.search(norm, max(0, length.start - 12), length.start)
    if listed is None or listed.group("unit") in LENGTH_UNITS \
            or not unit_fits(listed.group("unit"), mention.category, mention.head):
        return length
    if not (listed.start() == 0 or norm[listed.start() - 1] in HARD_BREAKS or verb_ending_at(norm, listed.start(), 0)):
        return length  # 改造小区5个、12公里管网: the count is of the noun before it
    value = parse_number(listed.group("num"))
    if value is None:
        return length
    return Count(value=value, unit=listed.group("unit"), start=listed.start(), end=listed.end() - 1)


# Two places joined by 至 (青山县至白石县): a route's two ends, its name.
_JOINED_JURISDICTIONS = re.compile(r"[\u4e00-\u9fff]{2,}至[\u4e00-\u9fff]{2,}")


def _named_block(text):
    """True when ``text`` is a named block, compound or park (金山北路片区, 挂榜小区; not 园区 alone)."""
    block = next((b for b in BLOCK_HEADS if text.endswith(b)), None)
    return block is not None and len(text) > len(block) and not is_generic(text[:-len(block)])


def _built_manner(rest):
    """True when a stem says only how a thing is built, maybe generic words after (分散式风力发电)."""
    manner = _MANNER.match(rest)
    return manner is not None and (manner.end() == len(rest) or is_generic(rest[manner.end():]))


def _names_its_ordinal(before):
    """True when ``before``, the stem before an ordinal (高屏 of 高屏第二条快速道路), names the series
    the ordinal ranks in: two to four Han characters, no jurisdiction (全县第一座) and no type word."""
    return 2 <= len(before) <= 4 and HAN_RUN.fullmatch(before) is not None \
        and not before.endswith(JURISDICTION_SUFFIXES) and not is_generic(before) \
        and not any(word in before for word in GENERIC_SORTED if len(word) > 1)


# A few characters between a count inside a stem and a type head: words that describe it
# (中心城区4条关键卡口道路), no name (a name would follow no count).
_ADJECTIVES_AFTER_COUNT = re.compile(r"[\u4e00-\u9fff]{1,4}")


def _counted_type_between(norm, pos, head_start):
    """True when ``norm[pos:head_start]``, between a count and a head, only describes the type
    counted: generic words, a few adjectives, or a rating and generic words (大杖子、梓木林3个35千伏变电站)."""
    rating = RATING_RE.match(norm, pos, head_start)  # (3个35千伏变电站)
    if rating is not None:
        pos = rating.end()
    return is_generic(norm[pos:head_start]) or _ADJECTIVES_AFTER_COUNT.fullmatch(norm, pos, head_start) is not None
