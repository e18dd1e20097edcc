"""Numbers as written in reports and names: Arabic, Chinese numerals and full-width digits."""

from __future__ import annotations

import re


_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
# The characters of a number written in Chinese numerals (a regex character class's body).
NUMERALS = "".join(_CN_VALUES) + "".join(_CN_UNITS)


_INTEGER = re.compile(r"\d+")
_DECIMAL = re.compile(r"\d+\.\d+")


def format_number(value):
    return str(int(value)) if float(value).is_integer() else str(value)


def parse_number(text):
    """'13' -> 13, '1.5' -> 1.5, '十三' -> 13, '两' -> 2, '一百二十' -> 120, '一〇五' -> 105, '一点五' -> 1.5,
    '二十点二五' -> 20.25 (点 before the decimals, each a digit); a digit straight after 百 or 千 as said aloud:
    '一千五' -> 1500, '三百五' -> 350, '一千零五' -> 1005."""
    if not text:
        return None
    if _INTEGER.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)
    whole, point, decimals = text.partition("点")
    if point:
        value = parse_number(whole)
        if value is None or not decimals or not all(ch in _CN_VALUES for ch in decimals):
            return None
        return value + float("0." + "".join(str(_CN_VALUES[ch]) for ch in decimals))
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
    return total + (digit or 0) * _trailing_scale(text)


def _trailing_scale(text):
    """What a last digit written straight after 百 or 千 stands for, as said aloud: 一千五 is 1,500, 三百五 is 350
    (a tenth of that unit); after 十 or 零 (一千零五: 1,005), or alone, ones."""
    if len(text) >= 2 and text[-1] in _CN_VALUES and text[-2] in _CN_UNITS:
        return _CN_UNITS[text[-2]] // 10
    return 1


def last_place(text):
    """The place of the last digit of a number as :func:`parse_number` reads it: what 余 or 多 after it may add
    (三百余 -> 100: 300 to 400; 300余 -> 100; 二十五多 -> 1; 一点五余 -> 0.1; 十余 -> 10; 一千五余 -> 100), None when it reads none."""
    if parse_number(text) is None:
        return None
    whole, point, decimals = text.partition("点" if "点" in text else ".")
    if point:
        return 10.0 ** -len(decimals)
    if text[-1] in _CN_UNITS:
        return float(_CN_UNITS[text[-1]])
    if text[-1] in _CN_VALUES and _trailing_scale(text) > 1:  # 一千五余: 1,500 to 1,600
        return float(_trailing_scale(text))
    if text[-1] in _CN_VALUES or len(text.rstrip("0")) == 0:
        return 1.0
    return 10.0 ** (len(text) - len(text.rstrip("0")))
