"""How a gazetteer matches a name: suffix and road-code folds, a directional road relaxed, a note in brackets dropped, a name's head and category, and the holding, abbreviation and another-site tests."""

from __future__ import annotations

import functools
import re

from geo.names import normalise_name, rail_line, road_code

# Suffix spellings that name the same thing: 北园大街 is often written 北园街, and
# 济微公路 appears as 济微路, 京昆高速公路 (OSM) as 京昆高速. Folding them gives an exact-strength match.
# A hospital of Chinese medicine is officially a 中医医院 (卫健委 lists), in speech and reports a 中医院.
_SUFFIX_FOLDS = (("中医医院", "中医院"), ("大街", "街"), ("高速公路", "高速"), ("高速路", "高速"), ("公路", "路"), ("大道", "道"))
# A directional infix before the road suffix (水屯北路 vs 水屯路) usually names a
# different stretch of road; matching across it is only an approximation.
# A rural road named by its two ends, their 镇, 乡 or 村 written or not (清华镇至洪村公路, a road
# register's 清华至洪村公路; after the suffix folds): an end keeps two characters (洪村 is no 洪).
_TWO_ENDS = re.compile(r"(?P<from>.{2,}?)[镇乡村]?(?P<to>至|到)(?P<end>.{2,}?)[镇乡村]?(?P<kind>路|线)")
_DIRECTIONAL_ROAD = re.compile(r"^(.{2,}?)[东西南北中](路|街|大街|大道)$")


def fold_name(key: str) -> str:
    """The folded form of a matching form, under which spellings of one place meet.

    Parameters
    ----------
    key : str
        A name in its matching form (:func:`geo.names.normalise_name`).

    Returns
    -------
    str
        A road code or a metro line in one form (105国道, 国道G105线 -> g105; 济南轨道交通3号线 ->
        地铁3号线), a long road suffix short (大街 -> 街), a road named by its two ends without their
        镇, 乡, 村 (清华镇至洪村公路 -> 清华至洪村路); ``key`` itself otherwise.
    """
    code = road_code(key) or rail_line(key)
    if code is not None:
        return code.lower()
    for long, short in _SUFFIX_FOLDS:
        if key.endswith(long):
            key = key[: -len(long)] + short
            break
    ends = _TWO_ENDS.fullmatch(key)
    return "".join(ends.group("from", "to", "end", "kind")) if ends else key


def undirected_name(key: str):
    """The folded form of a road's name without the direction before its suffix (水屯北路 -> 水屯路).

    Parameters
    ----------
    key : str
        A name in its matching form.

    Returns
    -------
    str or None
        :func:`fold_name` of the name without its directional infix, an approximation (the infix
        usually names a different stretch of road); None when ``key`` has none.
    """
    m = _DIRECTIONAL_ROAD.match(key)
    return fold_name(m.group(1) + m.group(2)) if m else None


def name_without_note(name):
    """The name a bracketed status or works note ending ``name`` leaves (青山小学（新建）: the report's 青山小学).

    Parameters
    ----------
    name : str
        An entry's name as written (the entry keeps it).

    Returns
    -------
    tuple of str
        ``(name without its note,)`` when a note of modifiers.tsv's ``name_note`` (（新建）, (在建),
        （2024年新建）) ends ``name`` in brackets, else ``()``.
    """
    bracket = _BRACKETED_END.search(name)
    return (name[:bracket.start()],) if bracket and _name_notes().fullmatch(normalise_name(bracket.group())) else ()


@functools.lru_cache(maxsize=1)
def _name_notes():
    """A status or works note in brackets after a name (（新建）, (在建), （2024年新建）): modifiers.tsv's ``name_note``."""
    from geo import lexicon

    words = sorted(map(normalise_name, lexicon.words("name_note")), key=len, reverse=True)
    return re.compile(rf"(?:\d{{2,4}}年)?(?:{'|'.join(map(re.escape, words))})")


def bracketed_first_name(name, key):
    """The first name of an entry whose bracket ends its name by naming the place itself.

    Parameters
    ----------
    name : str
        The entry's name as written (实验小学（本部）, 湖南省人民医院（湖南师范大学第一附属医院）).
    key : str
        Its matching form.

    Returns
    -------
    str or None
        The matching form of the name before the bracket when the bracket names the main site
        (（本部）, （主校区）) or a second name of a category (A医院（B医院）) and ``key`` names no
        campus (A医院（东院）) nor a gate (A医院(东门)); else None.
    """
    bracket = _BRACKETED_END.search(name)
    if bracket is None:
        return None
    first, inside = normalise_name(name[:bracket.start()]), normalise_name(bracket.group())
    if _MAIN_SITE.fullmatch(inside) or (name_category(inside) and not _CAMPUS.search(key)):
        return first
    return None


@functools.lru_cache(maxsize=1)
def _heads():
    """{head: category code or None (a head whose category its context gives: 路, 站) or "stem" (one
    that takes its stem's: 院区, 楼)} of geo/data/lexicon/heads.tsv, and the longest head's length."""
    from geo import data, lexicon

    codes = set(data.category_codes())
    heads = {head: (category if category in codes or category == "stem" else None)
             for head, (category, kind, _) in lexicon.heads().items() if kind in ("facility", "name")}
    return heads, max(map(len, heads))


def name_category(key):
    """The category the head ending a place's name (in its matching form, :func:`geo.names.normalise_name`)
    gives (长沙市梅溪湖第二小学: school), a head that takes its stem's looked for before it
    (中南大学湘雅三医院（新院区）: 医院, health); None when the last head names none by itself (梅溪湖路: a road,
    whose category its works give) or the name has no head."""
    return _name_head(key)[1]


def _name_head(key):
    """(head, category) of :func:`name_category`; (None, None) when it gives none."""
    heads, longest = _heads()
    # 长郡梅溪湖中学本部: the main site is the place itself, its 本部 no head (the extraction's stem heads
    # 学本部, 园本部 would take the school's last character and leave 长郡梅溪湖中, read as a lake's)
    end = len(key.removesuffix(_MAIN_SITE_WORD)) or len(key)
    while end > 0:
        found = next((key[start:end] for start in range(max(0, end - longest), end) if key[start:end] in heads), None)
        if found is None or heads[found] != "stem":
            return (found, heads[found]) if found and heads[found] else (None, None)
        end -= len(found)
        while end > 0 and key[end - 1] in _SITE_MODIFIERS:  # 新院区, 东校区: the new, the east one
            end -= 1
    return None, None


_SITE_MODIFIERS = frozenset("新老东西南北中")
# The word that makes a name its place's main site when it ends the name unbracketed (实验小学本部).
_MAIN_SITE_WORD = "本部"


# What makes a place's name another site of the place the shorter name is (长郡梅溪湖中学（新校区）,
# 湘雅三医院东院区, 一中分校, 第四医院东院): a name inside it is not that site.
_CAMPUS = re.compile(r"(?:校区|院区|分校|分院|校址|院址|[东西南北]院)$")
# A second name in brackets after a list's first (湖南省人民医院（湖南师范大学第一附属医院）), a campus's, a gate's...
_BRACKETED_END = re.compile(r"\s*[（(][^（）()]+[）)]\s*$")
# Brackets saying an entry is the main site (长沙市实验小学（本部）): the place itself.
_MAIN_SITE = re.compile(r"(?:校?本部|主校区|主院区|总院|总部)")


def holds_same_place(entry, key, name):
    """Whether a name of an entry holds a looked-up name as the same place.

    Parameters
    ----------
    entry : geo.gazetteer.Entry
        The entry (its ``category`` says whether a column gave it).
    key : str
        The looked-up name, in its matching form.
    name : str
        One of the entry's matching names.

    Returns
    -------
    bool
        ``key`` is inside ``name`` after no ordinal, and ``name`` adds no campus or branch it does not
        name; of an entry whose category only its name gives (a planner's list), only qualified in
        front (长沙市梅溪湖第二小学, 中南大学湘雅三医院（新院区）), since a name carried on after it names
        another place (天桥区实验小学附属幼儿园).
    """
    return _inside(key, name) and not _another_site(key, name) and (entry.category is not None or name.endswith(key))


_ORDINALS = set("一二三四五六七八九十")


def _another_site(key, name):
    """``name`` holds ``key`` and adds a campus or branch (:data:`_CAMPUS`) it does not name."""
    return bool(_CAMPUS.search(name)) and not _CAMPUS.search(key)


_NUMBERING = _ORDINALS | set("第0123456789")


def _inside(key, name):
    """``key`` is inside ``name`` where no ordinal comes right before it: 人民医院 is not inside 第二人民医院,
    nor 一中 inside 十一中 (a numbered sister institution)."""
    start = name.find(key)
    while start >= 0:
        if start == 0 or name[start - 1] not in _NUMBERING:
            return True
        start = name.find(key, start + 1)
    return False


def is_abbreviation(entry, key, name):
    """Whether a looked-up name abbreviates a name of an entry.

    Parameters
    ----------
    entry : geo.gazetteer.Entry
        The entry (its ``category`` says whether a column gave it).
    key : str
        The looked-up name, in its matching form.
    name : str
        One of the entry's matching names.

    Returns
    -------
    bool
        ``key`` is ``name`` with characters left out but no ordinal (:func:`_abbreviates`) nor the ending
        of a road it is named after (:func:`_drops_road_ending`), and names no campus or branch ``name`` adds; of an entry whose category only its name gives, ending as
        it ends (区中医院, 长沙市岳麓区中医医院) or with its head's first character (区一中, 长沙市岳麓区第一中学).
    """
    if not _abbreviates(key, name) or _another_site(key, name) or _drops_road_ending(key, name):
        return False
    return entry.category is not None or name[-1:] == key[-1:] or key[-1:] == (_name_head(name)[0] or "")[:1]


# The ending of a road a facility is named after (白石路小学, 文昌大道中学); 街道 is a 街道's, no road's.
_ROAD_ENDING = re.compile(r"(?:大道|大街|路|街(?!道)|巷|胡同)")


def _drops_road_ending(short, long):
    """``short`` keeps the name of a road ``long`` is named after but leaves out its ending: 白石小学 for
    白石路小学, 文昌中学 for 文昌大道中学 (a school named after a place, 白石, is another than one named after
    the road): the characters of ``short`` taken leftmost in ``long``."""
    kept, at = set(), 0
    for char in short:
        at = long.index(char, at)
        kept.add(at)
        at += 1
    return any(found.start() - 1 in kept and not kept & set(range(found.start(), found.end()))
               for found in _ROAD_ENDING.finditer(long) if found.start() > 0)


def _abbreviates(short, long):
    """``short`` is ``long`` with characters left out, and leaves out no ordinal.

    天桥医院 abbreviates 济南市天桥区人民医院 but not 天桥区第二人民医院: an ordinal
    (二 of 第二, 三) is what tells sister institutions apart, so it is never dropped.
    """
    remaining = iter(long)
    if not all(char in remaining for char in short):
        return False
    return not ((set(long) - set(short)) & _ORDINALS)
