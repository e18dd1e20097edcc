"""Numbers as written in reports and names: Arabic, Chinese numerals and full-width digits."""

from __future__ import annotations

import re


_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


_INTEGER = re.compile(r"\d+")
_DECIMAL = re.compile(r"\d+\.\d+")


def format_number(value):
    return str(int(value)) if float(value).is_integer() else str(value)


def parse_number(text):
    """'13' -> 13, '1.5' -> 1.5, '十三' -> 13, '两' -> 2, '一百二十' -> 120, '一〇五' -> 105."""
    if not text:
        return None
    if _INTEGER.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)
    if all(ch in _CN_VALUES for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + _CN_VALUES[ch]
        return value
    total, digit = 0, None
    for ch in text:
        if ch in _CN_VALUES:
            digit = _CN_VALUES[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)
