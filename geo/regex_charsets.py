"""CPython's regex compiler spared a per-character loop for character classes that compile to ranges.

The extractor's patterns hold the class of Chinese characters (``[\\u4e00-\\u9fff]``) some 140
times. To compile each, CPython's ``re._compiler._optimize_charset`` sets one byte per character
of the range in a Python loop (21,000 steps) only to find that the class is one range, which it
then keeps as written: about 0.1 s of every run's start-up, before any text is read (CPython
gh-149427 proposes slice assignment instead). :func:`install` puts a front on that function which
answers, without the loop, the classes whose answer follows from their ranges alone: no case
folding, and the literals and ranges of the class joining into at most two runs of the Basic
Multilingual Plane; and the classes of more runs without case folding (a list of Han characters,
``[路街巷道]``, or the Han range with a few marks), which CPython writes as a bitmap: their map is
filled a range at a time by slices and then compressed as CPython compresses it. The answer is the
one CPython's function gives (a test compares both on every class of the package's patterns, and
:func:`install` on one bitmap class before it uses the map); any other class goes to CPython's
function, as does everything when the function is not found or does not take the arguments this
front was written for. Importing this module puts the front in place (``geo.extract`` imports it
before its patterns).
"""

from __future__ import annotations

try:  # CPython 3.11+; 3.10 keeps the same function in sre_compile
    from re import _compiler as _sre_compiler, _constants as _sre_constants
except ImportError:  # pragma: no cover - depends on the interpreter
    import sre_compile as _sre_compiler
    import sre_constants as _sre_constants

_LITERAL, _RANGE, _NEGATE, _CATEGORY = (_sre_constants.LITERAL, _sre_constants.RANGE, _sre_constants.NEGATE,
                                        _sre_constants.CATEGORY)
_BMP_END = 0x10000  # CPython's map of a class's characters stops here; characters above go to its tail
_LATIN1_END = 0x100  # a map of no character beyond Latin-1 stays this long (a CHARSET, else a BIGCHARSET)
_PARAMETERS = ("charset", "iscased", "fixup", "fixes")
# The class a bitmap is checked on when the front is put in place: Latin-1 and Han runs, a Han range.
_PROBE = [(_LITERAL, 0x61), (_LITERAL, 0x63), (_RANGE, (0x4E00, 0x4E20)), (_LITERAL, 0x8DEF), (_LITERAL, 0x3001)]


def install() -> bool:
    """Put :func:`_optimize_charset` in front of CPython's function of that name (once).

    Returns
    -------
    bool
        True when the front is in place, False when the interpreter's regex compiler has no
        function of that name and arguments (then nothing is changed).
    """
    current = getattr(_sre_compiler, "_optimize_charset", None)
    if current is None:
        return False
    if getattr(current, "__wrapped__", None) is not None:
        return True
    code = getattr(current, "__code__", None)
    if code is None or code.co_varnames[:code.co_argcount] != _PARAMETERS:
        return False
    front = _front(current, bitmaps=_same_bitmap(current))
    _sre_compiler._optimize_charset = front
    return True


def _same_bitmap(original) -> bool:
    """True when CPython's function ``original`` writes the bitmap of :data:`_PROBE` as
    :func:`_map_answer` does (False when the helpers it uses are missing or differ)."""
    try:
        return _map_answer(list(_PROBE)) == original(list(_PROBE))
    except Exception:  # noqa: BLE001 - another interpreter's compiler: its own function writes bitmaps
        return False


def _front(original, bitmaps=True):
    """CPython's ``_optimize_charset`` with :func:`_runs_answer` in front of it and, with
    ``bitmaps``, :func:`_map_answer` for the classes of more runs."""

    def _optimize_charset(charset, iscased=None, fixup=None, fixes=None):
        answer = None
        if fixup is None:
            answer = _runs_answer(charset)
            if answer is None and bitmaps:
                answer = _map_answer(charset)
        return answer if answer is not None else original(charset, iscased, fixup, fixes)

    _optimize_charset.__wrapped__ = original
    _optimize_charset.__doc__ = original.__doc__
    return _optimize_charset


def _runs_answer(charset):
    """CPython's answer for a class without case folding whose literals and ranges join into at
    most two runs below U+10000, computed from the ranges; None for any other class.

    CPython marks the class's characters below U+10000 in a map, sends negation first and
    categories and characters above U+10000 (a range reaching past it whole) to a tail, and, when
    the marks form at most two runs, writes them as literals or ranges followed by the tail, kept
    only when shorter than the class as written (else the class is kept as written).
    """
    head, tail, spans = [], [], []
    for op, av in charset:
        if op is _LITERAL:
            if av >= _BMP_END:
                tail.append((op, av))
            else:
                spans.append((av, av + 1))
        elif op is _RANGE:
            low, high = av
            if low < _BMP_END:
                spans.append((low, min(high + 1, _BMP_END)))
            if high >= _BMP_END:
                tail.append((op, av))
        elif op is _NEGATE:
            head.append((op, av))
        elif op is _CATEGORY:
            tail.append((op, av))
        else:
            return None
    runs = _joined(spans)
    if runs is None:
        return None
    out = head + [(_LITERAL, p) if q - p == 1 else (_RANGE, (p, q - 1)) for p, q in runs] + tail
    return (out if len(out) < len(charset) else charset), False


def _joined(spans):
    """The runs (start, end) that half-open ``spans`` cover, joined where they touch or overlap,
    in order; None when there are more than two."""
    runs = []
    for low, high in sorted(spans):
        if high <= low:
            continue
        if runs and low <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], high))
        else:
            if len(runs) == 2:
                return None
            runs.append((low, high))
    return runs


def _map_answer(charset):
    """CPython's answer for a class without case folding, its map filled by slices; None for a
    class of other items than literals, ranges, negation and categories.

    As CPython does: the map holds Latin-1 until a character beyond it is marked, then the Basic
    Multilingual Plane; a literal above it, or a range reaching past it (after its characters
    within are marked), goes to the tail whole, with the categories, in the class's order. Marks of
    at most two runs are written as literals or ranges (:func:`_runs_answer` answers those first);
    more, as a CHARSET of Latin-1 or a BIGCHARSET of the plane's blocks of 256, equal blocks once.
    """
    out, tail = [], []
    charmap = bytearray(_LATIN1_END)
    for op, av in charset:
        if op is _NEGATE:
            out.append((op, av))
            continue
        if op is _CATEGORY:
            tail.append((op, av))
            continue
        if op is _LITERAL:
            low = high = av
        elif op is _RANGE:
            low, high = av
        else:
            return None
        if high >= _LATIN1_END and len(charmap) == _LATIN1_END:
            charmap += bytes(_BMP_END - _LATIN1_END)
        if high < _BMP_END:
            if low == high:
                charmap[low] = 1
            else:
                charmap[low:high + 1] = b"\x01" * (high + 1 - low)
            continue
        if low < _BMP_END:
            charmap[low:] = b"\x01" * (_BMP_END - low)
        tail.append((op, av))
    runs = _map_runs(charmap)
    if runs is not None:
        out += [(_LITERAL, p) if q - p == 1 else (_RANGE, (p, q - 1)) for p, q in runs] + tail
        return (out if len(out) < len(charset) else charset), False
    return out + [_bitmap(charmap)] + tail, False


def _map_runs(charmap):
    """The runs (start, end) of the marks of ``charmap`` when they are at most two, else None."""
    runs, q = [], 0
    while (p := charmap.find(1, q)) >= 0:
        if len(runs) == 2:
            return None
        q = charmap.find(0, p)
        runs.append((p, len(charmap) if q < 0 else q))
        if q < 0:
            break
    return runs


def _bitmap(charmap):
    """CPython's item for a map of more than two runs: a CHARSET of Latin-1's, else a BIGCHARSET.

    A BIGCHARSET numbers the distinct blocks of 256 characters in the order they come, and lists
    each block's number; blocks all marked or all unmarked come in runs, each run looked at once.
    """
    if len(charmap) == _LATIN1_END:
        return _sre_constants.CHARSET, _sre_compiler._mk_bitmap(charmap)
    charmap = bytes(charmap)
    numbers, mapping, data = {}, bytearray(256), bytearray()
    block = 0
    while block < 256:
        start = block * 256
        unlike = charmap.find(0 if charmap[start] else 1, start)  # the first character not as the block's first
        end = 256 if unlike < 0 else max(unlike // 256, block + 1)  # a run of like blocks, or one mixed block
        chunk = charmap[start:start + 256]
        if chunk not in numbers:
            numbers[chunk] = len(numbers)
            data += chunk
        mapping[block:end] = bytes((numbers[chunk],)) * (end - block)
        block = end
    data = _sre_compiler._mk_bitmap(data)
    data[0:0] = [len(numbers)] + _sre_compiler._bytes_to_codes(mapping)
    return _sre_constants.BIGCHARSET, data


install()
