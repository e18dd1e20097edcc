"""JSON text of a user's file as Python values that every output can write, and JSON inside a JavaScript file's wrapper."""

from __future__ import annotations

import json
import re

# A \uD800-\uDFFF escape in JSON text. One that is half of no pair becomes a lone surrogate, which
# no UTF-8 file can hold: the first output to write it would fail.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(value):
    """``value`` (parsed JSON) with each lone surrogate of its strings and keys as U+FFFD, and their count.

    Walks without recursion: JSON nested as deep as the parser goes is walked too.
    """
    count = 0

    def fixed(text):
        nonlocal count
        text, found = _LONE_SURROGATE.subn("\ufffd", text)
        count += found
        return text

    root = [value]
    stack = [(root, 0)]
    while stack:
        container, key = stack.pop()
        item = container[key]
        if isinstance(item, str):
            container[key] = fixed(item)
        elif isinstance(item, list):
            stack.extend((item, index) for index in range(len(item)))
        elif isinstance(item, dict):
            if any(_LONE_SURROGATE.search(name) for name in item):
                renamed = {fixed(name): entry for name, entry in item.items()}
                item.clear()
                item.update(renamed)
            stack.extend((item, name) for name in item)
    return root[0], count


# The integers a 64-bit signed field holds, as GDAL reads them.
_INT64 = range(-2**63, 2**63)
# Members whose integers are coordinates: kept numbers, as reals, so the checks of coordinates judge them.
_COORDINATE_MEMBERS = ("coordinates", "bbox")


def wide_integers_as_text(value):
    """``value`` (parsed GeoJSON) with each integer past 64 bits (beyond ±2**63) outside its coordinates
    as its digits; ``{member name: [digits...]}`` of those, and whether any integer was changed. GDAL's
    reader refuses a file for an integer of 19 digits past 2**63 - 1 and reads longer ones as reals,
    losing their digits; the exports write such an integer as text too (:mod:`geo.export.tables`). One
    in ``coordinates`` or ``bbox`` becomes the real it is (a coordinate that far out is refused as such).
    Walks without recursion."""
    changed, reals = {}, False
    root = [value]
    stack = [(root, 0, None, False)]
    while stack:
        container, key, name, coordinate = stack.pop()
        item = container[key]
        if isinstance(item, int) and not isinstance(item, bool) and item not in _INT64:
            if coordinate:
                container[key], reals = float(item), True
            else:
                container[key] = str(item)
                changed.setdefault(name, []).append(container[key])
        elif isinstance(item, list):
            stack.extend((item, index, name, coordinate) for index in range(len(item)))
        elif isinstance(item, dict):
            stack.extend((item, member, member, coordinate or member in _COORDINATE_MEMBERS) for member in item)
    return root[0], changed, reals or bool(changed)


def load_json_text(text: str, path):
    """``json.loads(text)``, a lone surrogate escape (``\\ud800`` half of no pair) read as U+FFFD with
    a warning naming ``path``: it shows as text in every output, where it would stop the first
    write of it (``UnicodeEncodeError``, naming no file). Raises what ``json.loads`` raises."""
    return load_json_counting(text, path)[0]


def _json_int(digits: str):
    """A JSON integer as Python reads it; one of more digits than ``int()`` converts (4,300) as the
    float it is, infinite past 1e308, as ``json`` reads ``1e400``: the checks of finite numbers name it."""
    try:
        return int(digits)
    except ValueError:
        return float(digits)


def _loads(text: str):
    """``json.loads(text)``; an integer too long for ``int()`` (a ``ValueError`` naming no file) read by
    :func:`_json_int`, in a second parse made only then (a parse hook slows every integer)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except ValueError:
        return json.loads(text, parse_int=_json_int)


def load_json_counting(text: str, path):
    """:func:`load_json_text`, and how many lone surrogates it read as U+FFFD."""
    data = _loads(text)
    if _SURROGATE_ESCAPE.search(text) is None:
        return data, 0
    data, count = _without_lone_surrogates(data)
    if count:
        from geo.io import warn
        from geo.safe_text import one_line

        warn(f"{one_line(path) if path is not None else 'JSON text'}: {count} lone surrogate escape(s) (\\ud800 to "
             "\\udfff, half of no pair), which no UTF-8 file can hold, read as U+FFFD (\ufffd)")
    return data, count


def unwrapped_json(text: str):
    """The JSON text inside ``text`` when it is JavaScript holding one value, as web maps ship their data:
    ``var jiedao = {…};`` (Leaflet's examples), ``window.jiedao = {…}``, ``export default {…}``, ``module.exports =
    {…}``, a JSONP answer ``callback({…})`` or ECharts' ``echarts.registerMap('青山区', {…});``, after comment lines;
    None for any other text (JSON itself, a script that computes its value). Linear in the text: one parse of the
    value, by :meth:`json.JSONDecoder.raw_decode`."""
    opened = _JS_OPENING.match(text)
    if opened is None:
        return None
    try:
        _, end = json.JSONDecoder().raw_decode(text, opened.end())
    except ValueError:
        return None
    closing = r"\s*\)" if opened.group("call") else ""
    if not re.fullmatch(closing + _JS_CLOSING, text[end:], re.S):
        return None
    return text[opened.end():end]


# What JavaScript writes before the one value it holds: comments, then an assignment, an export or a call (a JSONP
# callback, ECharts' registerMap with the map's name first), up to the value's first bracket.
_JS_OPENING = re.compile(r"\ufeff?(?:\s*(?://[^\n]*|/\*.*?\*/))*\s*(?:(?:(?:var|let|const)\s+)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*"
                         r"\s*=|export\s+default|(?P<call>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*\(\s*"
                         r"(?:(?P<q>['\"])[^'\"\n]*(?P=q)\s*,\s*)?))\s*(?=[{\[])", re.S)
# What may follow the value: a semicolon, blanks and comments.
_JS_CLOSING = r"\s*;?(?:\s*(?://[^\n]*|/\*.*?\*/))*\s*"
