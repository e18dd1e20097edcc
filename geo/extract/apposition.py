"""A type in apposition before a name: an ordinal's description ending in a type of the name's own
kind, and where the name after it starts (市区第六座跨江大桥|伏龙大桥, 全县首家综合医院|青山医院); and
a branch named after the institution it belongs to (江苏省人民医院|重庆医院)."""

from __future__ import annotations

import re

from geo.lexicon import heads
from geo.lexicon_lookups import category_group, head_lengths_by_ending, is_generic
from geo.extract.patterns import HAN_RUN
from geo.settings import (APPOSITION_ORDINAL_REACH, APPOSITION_TYPE_MAX, APPOSITION_TYPE_MIN, PARENT_NAMED_CATEGORIES,
                          PARENT_NAMED_MAX_STEM, PARENT_NAMED_OWN_MIN)

_NAMED_KINDS = ("name", "facility")
# An ordinal or a first counting what the type says (第六座, 首个, 首家): the words describe, the name follows.
_ORDINAL_BEFORE = re.compile(r"(?:第[一二三四五六七八九十\d]{1,3}|首)[座个家所条处][\u4e00-\u9fff]*$")


def _head_at(table, norm, head_start):
    """(category, kind, least stem) of the longest head word opening at ``head_start``, or None."""
    for length in range(APPOSITION_TYPE_MAX, 0, -1):
        word = norm[head_start:head_start + length]
        if word in table:
            return table[word]
    return None


def _head_category_at(table, norm, head_start):
    """The category of the longest head word opening at ``head_start``, or None."""
    head = _head_at(table, norm, head_start)
    return head[0] if head else None


def _same_kind(type_category, category):
    """True when a type word of ``type_category`` can describe a name of ``category``: the same
    category, or both ways (城区首座高架桥|青山大道西延: a viaduct described, a road named)."""
    return type_category == category or category_group(type_category) == category_group(category) == "roads"


def _type_ending_at(table, norm, lo, pos, category):
    """True when a type word of ``category`` (two characters or more) ends at ``pos`` after an
    ordinal (第六座跨江|大桥)."""
    for length in range(APPOSITION_TYPE_MIN, min(APPOSITION_TYPE_MAX, pos - lo) + 1):
        word = norm[pos - length:pos]
        if word in table and _same_kind(table[word][0], category) and table[word][1] in _NAMED_KINDS:
            return _ORDINAL_BEFORE.search(norm, max(0, pos - length - APPOSITION_ORDINAL_REACH), pos - length) is not None
    return False


def name_after_inner_type(norm, lo, head_start):
    """Where a name starts after a type of its own kind inside a stem too long to be one
    (市区第六座跨白江大桥|伏龙大桥), or None.

    The last such type in ``norm[lo:head_start]`` counts; what follows it up to the head is a
    proper name of two characters or more (Han characters, no generic words).
    """
    table = heads()
    category = _head_category_at(table, norm, head_start)
    if category is None:
        return None
    for pos in range(head_start - 2, lo + 1, -1):
        if _type_ending_at(table, norm, lo, pos, category):
            name = norm[pos:head_start]
            ok = not is_generic(name) and all("\u4e00" <= c <= "\u9fff" for c in name)
            return pos if ok else None
    return None


def name_after_parent(norm, lo, overflow, head_start, min_stem, max_stem, stem_of):
    """Where the name of a hospital's or a school's branch named after the institution it belongs
    to starts, or None: the parent's name (a head of the same category, its own stem before it)
    opens the name (国家区域医疗中心江苏省人民医院重庆医院, 福建中医药大学附属康复医院长乐康复医疗中心).
    Only the categories of settings.PARENT_NAMED_CATEGORIES, Han characters only.

    Parameters
    ----------
    norm : str
        The normalised text.
    lo : int
        How far left the name may reach.
    overflow : int
        Where the stem scan left of the head ran past ``max_stem`` (no stop word between it and
        the head).
    head_start : int
        The facility's head.
    min_stem, max_stem : int
        The head's least stem and the longest stem of one name.
    stem_of : callable
        ``stem_of(norm, head_start, lo, min_stem, max_stem)`` -> (start, stop, stop start) or None:
        the parent's stem, found as any stem is (without this rule, so that it stays one level).

    Returns
    -------
    tuple or None
        (start, stop, stop start) of the whole name's stem.
    """
    table = heads()
    head = _head_at(table, norm, head_start)
    if head is None or head[0] not in PARENT_NAMED_CATEGORIES or head[1] != "facility":
        return None
    category = head[0]
    lengths = head_lengths_by_ending()
    # (right to left: the nearest parent head first; one farther left may hold a designation)
    for end in range(head_start - PARENT_NAMED_OWN_MIN, max(lo, overflow) - 1, -1):
        own = norm[end:head_start]
        if not HAN_RUN.fullmatch(norm, end, head_start):
            return None
        for length in lengths.get(norm[end - 2:end]) or lengths.get(norm[end - 1]) or ():
            word = norm[end - length:end]
            if end - length <= lo or word not in table or table[word][0] != category or table[word][1] != "facility":
                continue
            if is_generic(own):
                return None
            stem = stem_of(norm, end - length, lo, min_stem, max_stem)
            if stem is not None and end - length - stem[0] >= min_stem \
                    and head_start - stem[0] <= PARENT_NAMED_MAX_STEM and HAN_RUN.fullmatch(norm, stem[0], end):
                # (医院又名“市第二人民医院…: a quote or a mark inside is no one name)
                return stem  # (else a shorter head ending here: 医疗中心 of 国家区域医疗中心)
    return None


def ends_with_type(norm, lo, pos):
    """True when ``norm[lo:pos]`` ends with a type word of the kind of the head after the name at
    ``pos`` (跨江大桥 before 伏龙大桥): a type in apposition, none of the name."""
    table = heads()
    head_start = _name_head_start(table, norm, pos)
    if head_start is None:
        return False
    category = _head_category_at(table, norm, head_start)
    return category is not None and _type_ending_at(table, norm, lo, pos, category)


def _name_head_start(table, norm, pos, reach=12):
    """Where the first head word after ``pos`` starts (within ``reach``), or None."""
    for start in range(pos + 1, min(len(norm), pos + reach)):
        if any(norm[start:start + length] in table for length in range(1, APPOSITION_TYPE_MAX + 1)):
            return start
    return None
