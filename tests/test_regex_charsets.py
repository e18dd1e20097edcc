"""The front on CPython's character-class optimiser: the same answers, without the per-character loop."""

import json
import os
import random
import re
import subprocess
import sys
import textwrap

import pytest

from geo import regex_charsets

_compiler = regex_charsets._sre_compiler
_c = regex_charsets._sre_constants
ORIGINAL = _compiler._optimize_charset.__wrapped__


def _random_charset(rng):
    """A class as CPython's parser writes it: negation first, then literals, ranges and categories
    anywhere in ASCII, the Basic Multilingual Plane and above it."""
    charset = [(_c.NEGATE, None)] if rng.random() < 0.2 else []
    for _ in range(rng.randint(1, 5)):
        kind = rng.random()
        base = rng.choice([0, 0x20, 0xFF, 0x100, 0x4E00, 0x9FFF, 0xFFF0, 0xFFFF, 0x10000, 0x2A700])
        if kind < 0.4:
            charset.append((_c.LITERAL, base + rng.randint(0, 20)))
        elif kind < 0.85:
            low = base + rng.randint(0, 20)
            charset.append((_c.RANGE, (low, low + rng.choice([1, 2, 15, 300, 0x5200, 0x20000]))))
        else:
            charset.append((_c.CATEGORY, rng.choice([_c.CATEGORY_DIGIT, _c.CATEGORY_UNI_WORD, _c.CATEGORY_SPACE])))
    return charset


def test_the_front_answers_every_class_as_cpython_does():
    rng = random.Random(20261206)
    answered = 0
    for _ in range(3000):
        charset = _random_charset(rng)
        expected = ORIGINAL(list(charset))
        assert _compiler._optimize_charset(list(charset)) == expected, charset
        answered += regex_charsets._runs_answer(charset) is not None
        mapped = regex_charsets._map_answer(charset)
        assert mapped is None or mapped == expected, charset
    assert 500 < answered < 3000  # both sides of the front are exercised


def test_the_class_of_chinese_characters_is_answered_without_cpython_s_loop(monkeypatch):
    calls = []

    def counted(*args, **kwargs):
        calls.append(args[0])
        return ORIGINAL(*args, **kwargs)

    monkeypatch.setattr(_compiler, "_optimize_charset", regex_charsets._front(counted))
    re.compile("[\u4e00-\u9fff]{2,6}路|[^\u4e00-\u9fff\\d]")  # (not in re's cache: the pattern is new here)
    assert calls == []
    re.compile("[\u4e00-\u9fff“”、]+段")  # three runs (“” touch): CPython's bitmap, its map filled by slices
    re.compile("[路街巷道]{1,3}[a-z0-9_]")  # Han characters apart, and a Latin-1 bitmap
    assert calls == []


def test_case_folded_classes_go_to_cpython(monkeypatch):
    calls = []
    monkeypatch.setattr(_compiler, "_optimize_charset", regex_charsets._front(lambda *a, **k: calls.append(a) or ORIGINAL(*a, **k)))
    re.compile("[a-z\u4e00-\u9fff]x", re.IGNORECASE)
    assert len(calls) == 1


def test_install_keeps_to_runs_when_the_interpreter_writes_bitmaps_otherwise(monkeypatch):
    # A CPython whose bitmap differs from the one the front would write (here: every bitmap class
    # kept as written) is left to write its bitmaps; classes of one or two runs still go by the front.
    def other_bitmaps(charset, iscased=None, fixup=None, fixes=None):
        answer = regex_charsets._runs_answer(charset)
        return answer if answer is not None else (charset, False)

    monkeypatch.setattr(_compiler, "_optimize_charset", other_bitmaps)
    assert regex_charsets.install() is True
    front = _compiler._optimize_charset
    assert front.__wrapped__ is other_bitmaps
    assert front(list(regex_charsets._PROBE)) == (regex_charsets._PROBE, False)
    assert front([(_c.RANGE, (0x4E00, 0x9FFF))]) == ([(_c.RANGE, (0x4E00, 0x9FFF))], False)


def test_install_leaves_a_function_of_other_arguments_alone(monkeypatch):
    def other(charset, flags):
        return charset, False

    monkeypatch.setattr(_compiler, "_optimize_charset", other)
    assert regex_charsets.install() is False
    assert _compiler._optimize_charset is other


def test_every_class_the_package_compiles_gets_cpython_s_answer(tmp_path):
    # In a fresh interpreter: record every class CPython is asked to optimise while the package is
    # imported, its models loaded and a text extracted, then compare the front with CPython's
    # function on each.
    script = textwrap.dedent("""
        import json, sys
        try:
            from re import _compiler
        except ImportError:  # Python 3.10
            import sre_compile as _compiler
        original = _compiler._optimize_charset
        seen = []
        def recorded(charset, iscased=None, fixup=None, fixes=None):
            seen.append((list(charset), fixup is None))
            return original(charset, iscased, fixup, fixes)
        recorded.__wrapped__ = original  # the package's install() finds a front in place
        _compiler._optimize_charset = recorded
        import geo.extract
        from geo import regex_charsets
        geo.extract._load_models()
        geo.extract.extract_projects("新建青山路、白石路2条道路，改造青山小学3所。“十四五”期间建成G105青山段。")
        _compiler._optimize_charset = original
        answered = same = 0
        for charset, plain in seen:
            answer = (regex_charsets._runs_answer(charset) or regex_charsets._map_answer(charset)) if plain else None
            if answer is not None:
                answered += 1
                same += answer == original(charset)
        print(json.dumps([len(seen), answered, same]))
    """)
    # (HOME: no regex programs kept by a run before, which would spare the classes the optimiser)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         env={**os.environ, "HOME": str(tmp_path)})
    classes, answered, same = json.loads(out.stdout)
    assert classes > 500 and answered > 400
    assert same == answered


@pytest.mark.parametrize("pattern", ["[\u4e00-\u9fff]{2,8}(?:路|街)", "[^\u4e00-\u9fff0-9]", "[\U00020000-\U0002A6DF\u3400-\u4dbf]",
                                     "[\\d\u4e00-\u9fff]+号", "[、\u4e00-\u9fff]"])
def test_compiled_programs_are_cpython_s(pattern, monkeypatch):
    try:
        from re import _parser
    except ImportError:  # Python 3.10
        import sre_parse as _parser

    def program(optimise):
        monkeypatch.setattr(_compiler, "_optimize_charset", optimise)
        return _compiler._code(_parser.parse(pattern, 0), 0)

    assert program(regex_charsets._front(ORIGINAL)) == program(ORIGINAL)
