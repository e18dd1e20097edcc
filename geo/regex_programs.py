"""Compiled regex programs kept between runs, so that a run does not parse and compile the extractor's patterns again.

The extractor compiles some 330 patterns when ``geo.extract`` is imported (the lexicon's words, the
Han classes, the rules' shapes): CPython's parser and compiler, in Python, take about 470 M
instructions for them, a third of the start-up of ``geo extract`` before any text is read, in both
processes' critical path. A compiled pattern is ``_sre.compile`` of a program (a list of integers,
the group names and the flags) that CPython's ``re._compiler.compile`` works out from the pattern;
:func:`install` puts a front on that function which keeps, for each pattern string and flags, the
program it was given, and answers a pattern of a program kept by a run before with
``_sre.compile`` of that program (4 M instructions for all of them, the file read included).

The programs are kept in one file per interpreter build (``sys.version`` and the regex engine's
``MAGIC``) in ``~/.cache/geo`` (where ``--online`` keeps Nominatim's answers), written whole through a temporary file
when a run compiled patterns the file did not hold, with the patterns the run used. A file that
cannot be read, is not of this interpreter or is malformed is ignored, and one that cannot be
written is not written: patterns are then compiled as CPython compiles them. The front checks
itself on patterns of groups, named groups, a Han class and case folding before it is put in place
(its patterns equal to CPython's: the same string, flags and program), and bytes patterns, debug
compiles and anything but a pattern string go to CPython's function.

:func:`derived` keeps other values worked out from patterns and word lists at start-up (the
extension gate's sets) the same way, beside the programs, under a hash of what they derive from.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

try:  # CPython 3.11+; 3.10 keeps them in sre_compile and sre_parse
    from re import _compiler as _sre_compiler, _parser as _sre_parser
except ImportError:  # pragma: no cover - depends on the interpreter
    import sre_compile as _sre_compiler
    import sre_parse as _sre_parser

_sre = getattr(_sre_compiler, "_sre", None)
_DEBUG = getattr(_sre_compiler, "SRE_FLAG_DEBUG", 128)
_BUILD = f"{sys.version}|{getattr(_sre, 'MAGIC', None)}|{getattr(_sre, 'CODESIZE', None)}"
# What the front checks itself on: groups, named groups and a Han class; case folding (of ASCII
# only: folding the Han class would take CPython's per-character loop, 30 M instructions a time).
_PROBES = ((r"(?P<name>[\u4e00-\u9fff]{2,8})(路|街)(?:\d+号)?|(?i:[a-z]+)\b", 0), (r"[a-c]+(x)", 2))

_programs: dict = {}  # (pattern, flags) -> (flags, code, groups, groupindex, indexgroup), read or compiled
_used: set = set()    # keys of the programs asked for while recording (see record)
_new: set = set()     # keys of those compiled, not read from the file
_recording = [False]  # from install to save, and from record to save: the package's start-up


def cache_path() -> Path | None:
    """The file of this interpreter build's programs; None where the user has no home folder (no
    ``HOME`` and no entry in the password database, as in some containers): no programs kept."""
    try:
        folder = Path.home() / ".cache" / "geo"
    except (RuntimeError, KeyError, OSError):
        return None
    return _path_in(folder, "regex-programs")


def _path_in(folder, name):
    """The file ``name`` of this interpreter build in ``folder``."""
    build = hashlib.sha1(_BUILD.encode("utf-8")).hexdigest()[:16]
    return folder / f"{name}-{sys.implementation.cache_tag}-{build}.marshal"


def install() -> bool:
    """Put the front on CPython's ``compile`` (once) and read the programs kept.

    Returns
    -------
    bool
        True when the front is in place; False when the interpreter's compiler has no such
        function or the front's pattern differs from CPython's (then nothing is changed).
    """
    original = getattr(_sre_compiler, "compile", None)
    if original is None or _sre is None:
        return False
    if getattr(original, "__wrapped__", None) is not None:
        return True
    front = _front(original)
    same = _same_patterns(front, original)
    _programs.clear()
    _used.clear()
    _new.clear()
    if not same:
        return False
    path = cache_path()
    _programs.update(_read(path) if path is not None else {})
    _sre_compiler.compile = front
    _recording[0] = True
    return True


def record():
    """Keep for the next run the patterns compiled from now to :func:`save` (besides those compiled
    from :func:`install` to the first save: the package's own, not a caller's)."""
    _recording[0] = True


def _same_patterns(front, original) -> bool:
    """True when ``front`` compiles :data:`_PROBES` as ``original`` does: the same string, flags and
    program (what patterns compare), groups and group names."""
    try:
        return all((a == b and a.groups == b.groups and a.groupindex == b.groupindex)
                   for a, b in ((front(p, f), original(p, f)) for p, f in _PROBES))
    except Exception:  # noqa: BLE001 - another interpreter's compiler: left as it is
        return False


def _front(original):
    """CPython's ``re._compiler.compile`` answering pattern strings from :data:`_programs`."""

    def compile(p, flags=0):
        if type(p) is not str or flags & _DEBUG:
            return original(p, flags)
        key = (p, int(flags))
        program = _programs.get(key)
        if program is None:
            program = _programs[key] = _program(p, int(flags))
            if _recording[0]:
                _new.add(key)
        if _recording[0]:
            _used.add(key)
        return _sre.compile(p, *program)

    compile.__wrapped__ = original
    compile.__doc__ = original.__doc__
    return compile


def _program(pattern, flags):
    """What CPython's ``compile`` gives ``_sre.compile`` for ``pattern`` (after the string)."""
    parsed = _sre_parser.parse(pattern, flags)
    code = [int(op) for op in _sre_compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _read(path) -> dict:
    """The programs of ``path``; none when it is missing, unreadable, malformed or of another build."""
    try:
        with open(path, "rb") as handle:  # read whole: marshal.load asks a file for each object (22 ms, not 1.5)
            build, programs = marshal.loads(handle.read())
        if build != _BUILD or not isinstance(programs, dict):
            return {}
        return programs
    except Exception:  # noqa: BLE001 - any file that is not this build's programs is no cache
        return {}


def save() -> bool:
    """Stop recording; write the programs recorded, when any of them was compiled (not in the file).

    Returns
    -------
    bool
        True when the file was written.
    """
    _recording[0] = False
    if not _new or getattr(_sre_compiler.compile, "__wrapped__", None) is None:
        return False
    path = cache_path()
    if path is None:
        return False
    programs = {key: _programs[key] for key in _used}
    if not _write(path, (_BUILD, programs)):
        return False
    _new.clear()
    return True


def _write(path, value) -> bool:
    """Write ``value`` (marshalled) to ``path`` whole, through a temporary file in its folder;
    False when the folder cannot be written (the next run works it out again)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                marshal.dump(value, out)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return False
    return True


def derived(name, sources, derive, valid):
    """``derive()``, kept between runs in ``~/.cache/geo`` (beside the programs, one file per
    interpreter build) under a hash of ``sources``: what it derives from, as strings.

    A file that cannot be read, is of another build, holds another hash or a value ``valid`` does
    not accept is ignored, and the value derived again and written (when the folder can be).

    Parameters
    ----------
    name : str
        The file's name (without build nor suffix).
    sources : iterable of str
        Everything the value derives from (word lists sorted, pattern strings and flags, the
        deriving module's source): another of them is another hash.
    derive : callable
        Works the value out (anything marshal keeps).
    valid : callable
        True for a value of the shape ``derive`` gives.
    """
    digest = hashlib.sha1()
    for source in sources:
        digest.update(source.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    key = digest.hexdigest()
    try:
        folder = Path.home() / ".cache" / "geo"
    except (RuntimeError, KeyError, OSError):
        return derive()
    path = _path_in(folder, name)
    try:
        with open(path, "rb") as handle:
            build, kept_key, value = marshal.loads(handle.read())
        if build == _BUILD and kept_key == key and valid(value):
            return value
    except Exception:  # noqa: BLE001 - any file that is not this value is no cache
        pass
    value = derive()
    _write(path, (_BUILD, key, value))
    return value


install()
