"""Estates listed before a housing or renewal type: housing projects, whatever the record model says.

A named estate (an estate ending: 花园, 家园, 苑, 小区…) whose list runs, within its clause, up to 等
or a count and a housing or renewal type (老旧小区, 老旧物业小区, 安置小区, 老旧厂房) is one of the
estates that type gathers (投入300万元建设青山花园、红水堡、白石湾3个老旧物业小区改造示范点), and so is
an estate right before such a type of its own (临水雅苑老旧厂房再利用). The record model weighs each item
of such a list by its own context and drops some; the list's type says what they are. A district or
county seat before the type (延庆区老旧小区改造) has no estate ending and is left to the model, and so
is an estate whose list-mate only is housing (青松小区、白石一号和清水园住宅小区建设: no 等, no count;
kept, it cost tagger_only three false names).
"""

from __future__ import annotations

import re

from geo.lexicon import ESTATE_ENDINGS, LISTED_HOUSING_BUILDINGS, LISTED_HOUSING_WORDS
from geo.lexicon_lookups import is_generic
from geo.extract.patterns import LIST_JOIN_CHARS, NUM
from geo.settings import LISTED_ESTATE_ITEM_CHARS, LISTED_ESTATE_ITEMS, LISTED_ESTATE_TYPE_INFIX_CHARS

# The housing or renewal type a list of estates closes with: a housing word (老旧, 棚改, 安置…), up to
# LISTED_ESTATE_TYPE_INFIX_CHARS more characters (物业), then the kind of building (小区, 厂房, 楼宇).
_HOUSING_TYPE = (rf"(?:{'|'.join(LISTED_HOUSING_WORDS)})[\u4e00-\u9fff]{{0,{LISTED_ESTATE_TYPE_INFIX_CHARS}}}?"
                 rf"(?:{'|'.join(LISTED_HOUSING_BUILDINGS)})")
# The list's other items (、红水堡, 、白石湾), then 等 and/or a count, then the type; or the type alone.
_LIST_TO_TYPE = re.compile(
    rf"(?:(?:[{LIST_JOIN_CHARS}][^{LIST_JOIN_CHARS},;。!?:\n]{{1,{LISTED_ESTATE_ITEM_CHARS}}}?){{0,{LISTED_ESTATE_ITEMS}}}?"
    rf"(?:等{NUM}个|等|{NUM}个))?{_HOUSING_TYPE}")


def estate_listed_before_housing(norm, record):
    """True for a named estate whose list, from the estate on, closes with a housing or renewal type.

    Parameters
    ----------
    norm : str
        The normalised text.
    record : geo.extract.model.Record
        A scored record of the sentence.

    Returns
    -------
    bool
    """
    if record.category != "area" or not record.named or not norm.endswith(ESTATE_ENDINGS, record.start, record.end):
        return False
    ending = next(e for e in ESTATE_ENDINGS if norm.endswith(e, record.start, record.end))
    stem = norm[record.start:record.end - len(ending)]
    if len(stem) < 2 or is_generic(stem):
        return False  # 高品质小区, 精品小区: a kind of estate, no name
    return _LIST_TO_TYPE.match(norm, record.end) is not None
