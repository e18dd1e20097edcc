"""Verb words inside names: a one-character stop after a lone character (、天有高中) is the name's;
in street names a verb's word after the town it is in (青山县建设路) or before a road's ending that goes
on (建设北路西棚户区, 新建街社区) names the street, no works; the use of a resource (固废综合利用产业园)
names the place that uses it (see stems.find_stem)."""

from __future__ import annotations

import re

from geo.lexicon_lookups import is_generic, multi_stop_ending_at, stop_ending_at

# A town named before a street (青山县|建设路): its own town, not a generic one (全市, 本区, 我县).
_TOWN_BEFORE_STREET = re.compile(r"(?<![本该各我全])[\u4e00-\u9fff][市县区镇]")
# What follows 路 or 街 in a word that is no street (路网, 路灯, 路面, 路段, 路口, 街区, 街道…).
_NOT_A_STREET_AFTER = frozenset("网灯面段口基边况区道巷景")


def street_after_jurisdiction(norm, word_start, head_start, lo):
    """True when the word at ``word_start`` (a verb's word: 建设) names a street after the town it
    is in (青山县建设路改造, 白石市建设路西段): the town ends right before it and the head is a
    street's ending, not a word opening with one (全市建设路网, 青山区新建路灯)."""
    if word_start - 2 < lo or not _TOWN_BEFORE_STREET.fullmatch(norm, word_start - 2, word_start):
        return False
    if is_generic(norm[word_start - 2:word_start]):
        return False  # 城区, 市区: no town of its own
    return norm.startswith(("大道", "大街", "大路"), head_start) or (
        norm[head_start] in "路街" and norm[head_start + 1:head_start + 2] not in _NOT_A_STREET_AFTER)


# What ends a road's name (北路, 大街), opening a stem that goes on after it: the verb word before it is
# the road's name (建设北路西棚户区), as is one before a street naming a community or compound (新建街社区).
ROAD_NAME_OPENING = re.compile(r"(?:[东西南北中](?:路|街|大街|大道)|大道|大街)(?=[\u4e00-\u9fff])|[路街巷](?=社区|小区)")

# The use of a resource right before a head (固废综合利用|产业园, 煤矸石资源化利用|电厂): the park or
# plant is named by what it uses, and 利用 is no verb that ends its stem.
USED_RESOURCE_END = re.compile(r"(?:综合|资源化|循环)利用$")

def one_character_before(norm, stop_start, lo):
    """True when one Han character, itself no stop word, stands between a list's 、 or a verb and
    the one-character stop at ``stop_start`` (育才高中、天有高中, 新建西有小学): a list item or a
    verb's object is no lone character, so the stop is inside the name."""
    if stop_start - 2 < lo or not "\u4e00" <= norm[stop_start - 1] <= "\u9fff" or stop_ending_at(norm, stop_start, lo):
        return False
    return norm[stop_start - 2] == "、" or multi_stop_ending_at(norm, stop_start - 1, lo)
