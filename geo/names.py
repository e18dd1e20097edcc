"""Place names in one matching form: the one normaliser shared by extraction and gazetteer matching.

A name as written in a report (Traditional or Simplified, full-width or ASCII, with brackets,
quotes and spaces) and a gazetteer name are compared in their *matching form*: Traditional
characters converted to Simplified (one OpenCC converter for the whole project), NFKC
(full-width letters, digits and brackets to ASCII), and no spaces, quotes, brackets, dots or
dashes, Latin letters in lower case. So ``北园大街（东段）``, ``北園大街(東段)`` and
``北园大街东段`` are one name.

:func:`simplified_with_offsets` is the text-level form used by extraction: Simplified and NFKC
with a map from each character back to the original text, so rules match one form while names
and quotes keep what the report wrote.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Invisible format characters that web pages, editors and copies leave in text and that show
# nothing: a soft hyphen, the Arabic letter mark, the Mongolian vowel separator, zero-width spaces and
# joiners, left-to-right and right-to-left marks, bidirectional embeddings, overrides and isolates,
# the word joiner and invisible operators, a byte-order mark (zero-width no-break space). No part of
# a name: extraction drops them (geo.extract.segment.clean) and so does the matching form.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


# A zero-width non-joiner or joiner between two letters of a script that joins or forms conjuncts
# (Arabic, Hebrew, Syriac, the Indic scripts... U+0590 to U+1FFF, Arabic presentation forms): part of
# the spelling there (Persian کتاب‌خانه), shown as written. Between Han or Latin letters it is noise.
# A joiner between two pictographs (an emoji, after its variation selector or skin tone) makes them
# one emoji (👨‍👩‍👧, a family, not three people): kept too.
_JOINERS = re.compile("[\u200c\u200d]+")
_OTHER_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_JOINING_LETTER = re.compile("[\u0590-\u1fff\ufb1d-\ufdff\ufe70-\ufefc]")
# Emoji and pictographic symbols (Unicode's Extended_Pictographic, BMP ranges in brief).
PICTOGRAPH = re.compile("[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u25fe"
                        "\u2600-\u27bf\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff]")


def display_name(text) -> str:
    """A name as it is shown and written: without invisible characters (:data:`INVISIBLE`) and the
    spaces around it. A right-to-left override in a 街道 or place name shows it reversed on the maps;
    every name read from a file (districts, gazetteer, OSM) goes through this before it is kept. A
    joiner inside a word of a joining script (:data:`_JOINING_LETTER`) or an emoji sequence is kept,
    judged by its neighbours once the other invisible characters are gone."""
    text = _OTHER_INVISIBLE.sub("", str(text))
    if "\u200c" not in text and "\u200d" not in text:
        return text.strip()

    def joiners(match):
        before, after = text[max(match.start() - 1, 0):match.start()], text[match.end():match.end() + 1]
        if _JOINING_LETTER.fullmatch(before) and _JOINING_LETTER.fullmatch(after):
            return match.group()
        pictograph = text[:match.start()].rstrip("\ufe0f")[-1:]
        if match.group() == "\u200d" and PICTOGRAPH.fullmatch(pictograph) and PICTOGRAPH.fullmatch(after):
            return match.group()
        return ""

    return _JOINERS.sub(joiners, text).strip()


# Spaces between two Han characters (青松　街道, 白石 街道: a table's names aligned, a name typed in two parts).
_HAN_SPACES = re.compile(r"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")


def without_han_spaces(text) -> str:
    """``text`` without the spaces between two Han characters (a full-width space, a no-break space, blanks),
    which no Chinese name holds: 青松　街道 is shown 青松街道. Spaces beside other letters stay (Baishi Jiedao)."""
    return _HAN_SPACES.sub("", str(text))


# Characters that never tell two names apart: spaces, quotes, brackets, middle dots, dashes, invisible ones.
_STRIP = re.compile(r"[\s\u3000\"'“”‘’《》「」『』〈〉（）()\[\]【】·•\-—–_~～"
                    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Pinyin or a syllable inserted in brackets after a character by some web pages (環(huán)境,
# 區(qū)), or after a word, its syllables run together (公园(gōngyuán)站, 施工现场(shīgōngxiànchǎng)):
# in NFKC form, part of a name as written, never of its matching form; some pages close it after a
# space (樂(lè )). Longer than a syllable it
# carries a tone mark (a bracketed word of plain letters, 上海(shanghai), is no inserted pinyin).
# (Each pattern here and in geo.extract.segment opens with the character it must match, its
# look-behind after it: the scan then skips to that character instead of trying every position.)
_PINYIN_LETTER = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_TONE_MARK = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
INSERTED_PINYIN = re.compile(rf"\((?<=[\u4e00-\u9fff]\()(?:[{_PINYIN_LETTER}]{{1,6}}"
                             rf"|(?=[{_PINYIN_LETTER}]{{7,24}}\))[a-zü]*[{_TONE_MARK}][{_PINYIN_LETTER}]*) ?\)")
# Inserted pinyin a wrong decoding garbled (UTF-8 read as GBK and stored so): a ``?`` for the bytes it could
# not read, letters with a tone mark, the bracket, and one ASCII letter or mark where the bytes run on
# (``沈家?guī)X景區``, ``河?xùn)|文體廣場``). Between two Han characters it is cleaned as the pinyin is
# (geo.extract.segment.clean): the rules read 沈家景區, the name keeps what the page wrote.
GARBLED_PINYIN = re.compile(rf"\?(?<=[\u4e00-\u9fff]\?)(?=[{_PINYIN_LETTER}]{{0,5}}[{_TONE_MARK}])"
                            rf"[{_PINYIN_LETTER}]{{1,6}}\)[\x40-\x7e](?=[\u4e00-\u9fff])")


@functools.lru_cache(maxsize=1)
def _converter():
    """The OpenCC Traditional -> Simplified converter, or None without OpenCC."""
    try:
        import opencc
    except ImportError:  # matching then only works on Simplified text
        return None
    return opencc.OpenCC("t2s")


def warm():
    """Build the Traditional -> Simplified converter and its character table (and compile their
    patterns), and the map a long text is converted through, as the first conversion of a long
    text would."""
    _character_table()
    _code_points()


@functools.lru_cache(maxsize=1)
def _character_table():
    """(str.translate table, regex of characters whose conversion depends on a phrase, longest phrase).

    Built from OpenCC's own t2s dictionaries. Text converts character by character as OpenCC
    converts it, in C via ``str.translate``, except at those characters, which OpenCC converts
    within the words around them.
    """
    converter = _converter()
    if converter is None:
        return None
    from pathlib import Path

    import opencc

    folder = Path(opencc.__file__).parent / "dictionary"
    table, ambiguous = {}, set()
    for line in (folder / "TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        candidates = values.split()
        if len(key) != 1 or not candidates:
            continue
        if len(candidates) > 1:
            ambiguous.add(key)
        if len(candidates[0]) == 1 and candidates[0] != key:
            table[ord(key)] = candidates[0]
    _add_variant_forms(table, folder)
    phrases = {}  # character -> [(phrase, its index in the phrase, its conversion there)]
    for line in (folder / "TSPhrases.txt").read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        value = (values.split() or [key])[0]
        if len(value) != len(key):
            continue
        plain = key.translate(table)
        for index, (k, v, p) in enumerate(zip(key, value, plain)):
            if v != p:
                phrases.setdefault(k, []).append((key, index, v))
    for char in phrases:
        phrases[char].sort(key=lambda entry: -len(entry[0]))  # longest phrase first, as OpenCC
    ambiguous |= set(phrases)
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(ambiguous)) + "]") if ambiguous else None
    return table, pattern, phrases


def _add_variant_forms(table, folder):
    """Map the Hong Kong and Taiwan variant characters t2s leaves as they are (衞 of 衞生院, 敍).

    OpenCC's t2s dictionary converts the standard Traditional forms only; ``HKVariantsRev`` and
    ``TWVariantsRev`` give the standard form of a variant, whose Simplified form ``table`` holds.
    """
    for name in ("HKVariantsRev.txt", "TWVariantsRev.txt"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            standard = (values.split() or [""])[0]
            if len(key) == 1 and len(standard) == 1 and ord(key) not in table \
                    and table.get(ord(standard), key) != key:
                table[ord(key)] = table[ord(standard)]


# How a road's name ends (路, 大街, 胡同...): the one list for gazetteers and geocoding.
ROAD_NAME_ENDINGS = ("路", "街", "道", "线", "巷", "胡同")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def to_simplified(text: str) -> str:
    """Traditional -> Simplified, one character for one character, so offsets stay valid.

    OpenCC converts phrases and is length-preserving for Chinese in practice; a line where it
    is not is converted character by character instead. Lines whose characters have one
    Simplified form each are converted by table (the same result, much faster).

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The text in Simplified characters, of the same length as ``text``.
    """
    converter = _converter()
    if converter is None or not _CJK.search(text):
        return text
    table, phrased, phrases = _character_table()
    converted = _translated(text, table)
    if phrased is None or not phrased.search(text):
        return converted
    parts, done = [], 0
    for match in phrased.finditer(text):
        # A character whose conversion depends on a phrase (乾, 於, 著): the longest phrase of
        # OpenCC's dictionary around it decides; else its first candidate (already in place).
        i, char = match.start(), match.group()
        for phrase, index, value in phrases.get(char, ()):
            if text.startswith(phrase, i - index) and i >= index:
                parts += [converted[done:i], value]
                done = i + 1
                break
    return "".join(parts + [converted[done:]]) if parts else converted


def _translated(text, table):
    """``text.translate(table)`` for the one-for-one character table of :func:`_character_table`.

    ``str.translate`` looks every character up in the table; a long text without characters
    beyond the Basic Multilingual Plane goes through a numpy array of every code point there
    instead (a report's 350,000 characters: 17 ms -> 2 ms).
    """
    if len(text) < _ARRAY_MIN_CHARS:
        return text.translate(table)
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if codes.max() > 0xFFFF:
        return text.translate(table)
    return _code_points()[codes].tobytes().decode("utf-32-le", "surrogatepass")


_ARRAY_MIN_CHARS = 4096  # shorter texts (names) are translated: the array costs more than it saves


@functools.lru_cache(maxsize=1)
def _code_points():
    """Every code point of the Basic Multilingual Plane -> the one :func:`_character_table` converts it to."""
    import numpy as np

    table = _character_table()[0]
    points = np.arange(0x10000, dtype=np.uint32)
    keys = np.fromiter(table, dtype=np.int64, count=len(table))
    values = np.fromiter(map(ord, table.values()), dtype=np.uint32, count=len(table))
    basic = keys <= 0xFFFF
    points[keys[basic]] = values[basic]  # (set at once: one item at a time was 4 M instructions in each process)
    return points


# China's road codes: the letter of each road class (国道 G105, 省道 S243, 县道 X254, 乡道 Y008,
# 专用公路 Z, 村道 C), and a code as reports, gazetteers and OSM's ``ref`` tag write it: G105,
# G105线, 国道G105, 105国道, 国道105线 (after :func:`normalise_name`: lower case, no spaces).
ROAD_CLASS_LETTERS = {"国道": "g", "省道": "s", "县道": "x", "乡道": "y", "专用公路": "z", "村道": "c"}
_ROAD_CLASS = "|".join(ROAD_CLASS_LETTERS)
_ROAD_CODE = re.compile(rf"(?P<before>{_ROAD_CLASS})?(?P<letter>[gsxyzc])?(?P<number>\d{{1,4}})"
                        rf"(?P<branch>[a-z]\d{{0,2}})?(?P<after>{_ROAD_CLASS})?线?")


@functools.lru_cache(maxsize=65536)
def road_code(name: str):
    """The code a road's name consists of, in one form (``G105``), or None.

    Parameters
    ----------
    name : str
        A name as written or in its matching form: ``G105``, ``G105线``, ``国道G105线``,
        ``105国道``, ``国道105``, ``S1``, ``G15W3``.

    Returns
    -------
    str or None
        The class letter (from the letter written or the class word), the number and any
        branch, upper case; None when the name is more than a code (``G105济南段``,
        ``105路``), holds no class, or its letter and class word disagree (``S105国道``).
    """
    match = _ROAD_CODE.fullmatch(normalise_name(name))
    if match is None:
        return None
    classes = {ROAD_CLASS_LETTERS[w] for w in (match["before"], match["after"]) if w}
    letters = classes | ({match["letter"]} if match["letter"] else set())
    if len(letters) != 1 or (match["branch"] and not match["letter"]):
        return None
    return (letters.pop() + match["number"] + (match["branch"] or "")).upper()


# A road named by its code and its name (G2京沪高速, G104京福线): the name ends in a road word; a
# section (G104济南段) or a road of its own beside the coded one (G105连接线, G220改线) is no name.
_CODED_ROAD = re.compile(rf"(?P<code>{_ROAD_CODE.pattern})(?P<name>[\u4e00-\u9fff]{{2,}}?"
                         r"(?:高速公路|高速|公路|国道|省道|大道|大街|线|路|街))")
_NOT_ROAD_NAMES = ("连接线", "联络线", "支线", "改线", "复线", "辅道", "辅路")


def coded_road(name: str):
    """``(code, name)`` of a road written as its code and its name (``G2京沪高速``: ``("G2",
    "京沪高速")``), or None: a name that is a code alone, a code with a section (``G104济南段``),
    or with another road's word (``G105连接线``)."""
    match = _CODED_ROAD.fullmatch(normalise_name(name))
    if match is None or match["name"].endswith(_NOT_ROAD_NAMES):
        return None
    code = road_code(match["code"])
    return (code, match["name"]) if code else None


# A metro line as reports, gazetteers and OSM name it: 地铁3号线, 轨道交通3号线, 济南地铁3号线,
# 济南轨道交通R2线, 3号线, 温州市域铁路S2线 (after :func:`normalise_name`).
_RAIL_LINE = re.compile(r"(?:(?:[\u4e00-\u9fff]{2,3}?市?)?(?:城市)?(?:地铁|轨道交通|轨交|城轨|轻轨|市域铁路|市域轨道|城际铁路))?"
                        r"(?:(?P<number>\d{1,2})号|(?P<numeral>[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])号"
                        r"|(?P<letter>[a-z]\d{1,2})号?)线")


def rail_line(name: str):
    """The metro line a name consists of, in one form (``地铁3号线``, ``地铁R2线``), or None.

    A city's name before it (济南地铁3号线) and the word for a metro (地铁, 轨道交通, 轨交,
    城轨) are left out, so that a report's 轨道交通3号线 finds OSM's 济南地铁3号线; a
    station or a phase (地铁3号线二期, 王府庄站) is more than the line: None.
    """
    match = _RAIL_LINE.fullmatch(normalise_name(name))
    if match is None:
        return None
    if match["numeral"]:  # 地铁五号线 is 地铁5号线
        from geo.numbers import parse_number

        return f"地铁{parse_number(match['numeral'])}号线"
    # R2线 and R2号线 are one line; a numbered line keeps its 号 (3号线).
    return f"地铁{match['number']}号线" if match["number"] else f"地铁{match['letter'].upper()}线"


def line_station(name: str):
    """``(line, station)`` of a station named after its metro line, or None.

    ``地铁1号线王府庄站`` (also ``济南轨道交通1号线王府庄站``, ``1号线王府庄站``) is
    ``("地铁1号线", "王府庄站")``: the line in the form of :func:`rail_line`, the station with
    its 站 (two characters or more before it). A name that is only a line, or whose rest is no
    station (``地铁1号线二期``), is None.
    """
    key = normalise_name(name)
    match = _RAIL_LINE.match(key)
    station = key[match.end():] if match else ""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,}站", station):
        return None
    return rail_line(key[:match.end()]), station


# Enclosed list numbers (① ⑴ ⒈ Ⓐ): kept as marks by extraction, whose stems they end.
ENCLOSED_FIRST, ENCLOSED_LAST = "\u2460", "\u24ff"


def simplified_with_offsets(text: str):
    """(NFKC Simplified text, origin) where ``origin[i]`` is the index in ``text`` of character i
    (a sorted sequence: a ``range`` when every character maps to itself).

    NFKC may expand one character into several (㈠ -> ``(一)``); all of them map back to it.
    NFKC comes first (compatibility ideographs become ordinary ones), then OpenCC.
    """
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return to_simplified(text), range(len(text))
    changed = {}
    for char in _distinct(text):
        mapped = unicodedata.normalize("NFKC", char)
        if mapped != char and mapped and not ENCLOSED_FIRST <= char <= ENCLOSED_LAST:
            changed[char] = mapped  # ① stays a list mark (NFKC would make it the digit 1)
    normalised = _replaced(text, changed)
    expanding = [c for c, m in changed.items() if len(m) > 1]
    if not expanding:  # the usual case: full-width punctuation, one character for one
        return to_simplified(normalised), range(len(text))
    # Characters that NFKC expands (…, ㈠, ㎡): every output character maps back to its source.
    origin, done = [], 0
    for match in re.finditer("[" + "".join(re.escape(c) for c in expanding) + "]", text):
        origin.extend(range(done, match.start()))
        origin.extend([match.start()] * len(changed[match.group()]))
        done = match.end()
    origin.extend(range(done, len(text)))
    return to_simplified(normalised), origin


def _distinct(text):
    """The distinct characters of ``text``: a long text's counted by code point with numpy
    (a report's 350,000 characters: 9 ms for a set, 2 ms)."""
    if len(text) < _ARRAY_MIN_CHARS:
        return set(text)
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return map(chr, np.flatnonzero(np.bincount(codes)).tolist())


def _replaced(text, changed):
    """``text`` with each character of ``changed`` replaced by its value.

    A report changes only a few characters (full-width punctuation): one ``str.replace`` per
    character is many times faster than ``str.translate``, which looks every character up. One
    after the other they do the same, unless a value holds a character replaced after it.
    """
    if len(changed) > _MAX_REPLACED or any(char in value for value in changed.values() for char in changed):
        return text.translate(str.maketrans(changed))
    for char, value in changed.items():
        text = text.replace(char, value)
    return text


_MAX_REPLACED = 32  # characters replaced one by one; more are translated in one pass


@functools.lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The matching form of a place name.

    Parameters
    ----------
    name : str
        A name as written (report, gazetteer file, OSM tag).

    Returns
    -------
    str
        Simplified, NFKC, without inserted pinyin, spaces, quotes, brackets, dots, dashes or
        invisible characters (:data:`INVISIBLE`),
        lower case: ``北園大街（東段）`` -> ``北园大街东段``, ``開發(fā)路`` -> ``开发路``.
    """
    simplified, _ = simplified_with_offsets(str(name))
    return _STRIP.sub("", INSERTED_PINYIN.sub("", simplified)).lower()
