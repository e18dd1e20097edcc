"""CPython's regex compiler spared a per-character loop for character classes that compile to ranges.

The extractor's patterns hold the class of Chinese characters (``[\\u4e00-\\u9fff]``) some 140
times. To compile each, CPython's ``re._compiler._optimize_charset`` sets one byte per character
of the range in a Python loop (21,000 steps) only to find that the class is one range, which it
then keeps as written: about 0.1 s of every run's start-up, before any text is read (CPython
gh-149427 proposes slice assignment instead). :func:`install` puts a front on that function which
answers, without the loop, the classes whose answer follows from their ranges alone: no case
folding, and the literals and ranges of the class joining into at most two runs of the Basic
Multilingual Plane. The answer is the one CPython's function gives (a test compares both on every
class of the package's patterns); any other class goes to CPython's function, as does everything
when the function is not found or does not take the arguments this front was written for.
Importing this module puts the front in place (``geo.extract`` imports it before its patterns).
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
_PARAMETERS = ("charset", "iscased", "fixup", "fixes")


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
    front = _front(current)
    _sre_compiler._optimize_charset = front
    return True


def _front(original):
    """CPython's ``_optimize_charset`` with :func:`_runs_answer` in front of it."""

    def _optimize_charset(charset, iscased=None, fixup=None, fixes=None):
        answer = _runs_answer(charset) if fixup is None else None
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


install()
