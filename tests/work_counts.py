"""Deterministic measures of work for the tests of inputs once slow: what was read, not how long it took.

A timed test fails on a loaded machine and passes on a fast one whatever the code does; the
tests that guard a path once quadratic (or a part drawn thousands of times) count instead:
the characters a search covered, the calls of a function, the bytes unpacked.
"""

from __future__ import annotations

import sys


class ReadText(str):
    """A text that records how many of its characters each search and slice covers.

    ``find``, ``rfind``, ``index`` and ``rindex`` add to ``read`` the characters they looked
    at up to their match (a search back to a clause's start without a match adds them all),
    ``count`` and ``text[a:b]`` the length of their range, ``startswith`` and ``endswith`` the
    length compared, ``text[i]`` one; everything else behaves as ``str``. Searches by regular
    expression are not counted.
    """

    read: int

    def __new__(cls, text):
        made = super().__new__(cls, text)
        made.read = 0
        return made

    def _range(self, start, end):
        start, end, _ = slice(start, end).indices(len(self))
        return start, max(start, end)

    def _covers(self, start, end):
        start, end = self._range(start, end)
        self.read += end - start

    def find(self, sub, start=None, end=None):
        found = super().find(sub, start, end)
        start, end = self._range(start, end)
        self.read += (found + len(sub) if found >= 0 else end) - start  # a search stops at its match
        return found

    def rfind(self, sub, start=None, end=None):
        found = super().rfind(sub, start, end)
        start, end = self._range(start, end)
        self.read += end - (found if found >= 0 else start)
        return found

    def index(self, sub, start=None, end=None):
        self.find(sub, start, end)
        return super().index(sub, start, end)

    def rindex(self, sub, start=None, end=None):
        self.rfind(sub, start, end)
        return super().rindex(sub, start, end)

    def count(self, sub, start=None, end=None):
        self._covers(start, end)
        return super().count(sub, start, end)

    def startswith(self, prefix, start=None, end=None):
        self._compared(prefix, start, end)
        return super().startswith(prefix, start, end)

    def endswith(self, suffix, start=None, end=None):
        self._compared(suffix, start, end)
        return super().endswith(suffix, start, end)

    def _compared(self, affixes, start, end):
        start, end = self._range(start, end)
        longest = max(map(len, affixes)) if isinstance(affixes, tuple) else len(affixes)
        self.read += min(end - start, longest)

    def __getitem__(self, key):
        if isinstance(key, slice):
            self._covers(key.start, key.stop)
        else:
            self.read += 1
        return super().__getitem__(key)


class LinesRun:
    """Counts the lines of one package's code run inside a ``with`` block (``sys.settrace``): every
    step of every loop and comprehension, wherever the work is done, and nothing of the C code it
    calls. Twice the input, about twice the lines: linear."""

    def __init__(self, package_dir):
        self.prefix = str(package_dir)
        self.count = 0

    def _local(self, frame, event, arg):
        if event == "line":
            self.count += 1
        return self._local

    def _call(self, frame, event, arg):
        return self._local if frame.f_code.co_filename.startswith(self.prefix) else None

    def __enter__(self):
        self._previous = sys.gettrace()
        sys.settrace(self._call)
        return self

    def __exit__(self, *exc):
        sys.settrace(self._previous)


class Calls:
    """Wraps a function for monkeypatching: counts its calls, keeps their arguments and results."""

    def __init__(self, function):
        self.function = function
        self.args: list = []
        self.results: list = []

    def __call__(self, *args, **kwargs):
        self.args.append(args)
        result = self.function(*args, **kwargs)
        self.results.append(result)
        return result

    @property
    def count(self) -> int:
        return len(self.args)


class DistanceWork:
    """Wraps ``shapely.dwithin`` for monkeypatching: adds up in ``vertices`` the vertices each test
    passes over. GEOS measures an unprepared first geometry's distance to the second over every
    vertex of both; a prepared one (``shapely.prepare``) searches its indexed edges, counted here
    as the second's vertices only. ``pairs`` counts the tests."""

    def __init__(self, function):
        self.function = function
        self.vertices = 0
        self.pairs = 0

    def __call__(self, a, b, distance, **kwargs):
        import numpy as np
        import shapely

        a_array, b_array = np.broadcast_arrays(np.asarray(a, dtype=object), np.asarray(b, dtype=object))
        count_a, count_b = shapely.get_num_coordinates(a_array), shapely.get_num_coordinates(b_array)
        prepared = shapely.is_prepared(a_array)
        self.vertices += int(np.where(prepared, count_b, count_a + count_b).sum())
        self.pairs += a_array.size
        return self.function(a, b, distance, **kwargs)


class OverlayWork:
    """Wraps a shapely set operation (``shapely.union``, ``shapely.difference``...) for monkeypatching:
    adds up in ``vertices`` the vertices of both operands of each call (an overlay nodes them all)."""

    def __init__(self, function):
        self.function = function
        self.vertices = 0

    def __call__(self, a, b, **kwargs):
        import numpy as np
        import shapely

        a_array, b_array = np.broadcast_arrays(np.asarray(a, dtype=object), np.asarray(b, dtype=object))
        self.vertices += int((shapely.get_num_coordinates(a_array) + shapely.get_num_coordinates(b_array)).sum())
        return self.function(a, b, **kwargs)


class SearchedSpan:
    """Wraps a compiled pattern for monkeypatching: adds up in ``read`` the characters each
    ``match``, ``search``, ``fullmatch`` or ``finditer`` may read (from its start to its end, the
    text's end when none is given), and counts the calls in ``calls``. A match that reads to the end
    of a clause from every mention of it adds up quadratically; one searched in a window, linearly."""

    def __init__(self, pattern):
        self.pattern = pattern
        self.read = 0
        self.calls = 0

    def _span(self, string, pos=0, endpos=None):
        self.calls += 1
        self.read += max(0, (len(string) if endpos is None else min(endpos, len(string))) - pos)

    def _counted(method):  # noqa: N805 (a helper of the class body, not a method)
        def call(self, string, *args):
            self._span(string, *args)
            return getattr(self.pattern, method)(string, *args)
        call.__name__ = method
        return call

    match, search, fullmatch, finditer = map(_counted, ("match", "search", "fullmatch", "finditer"))
    del _counted

    def __getattr__(self, name):
        return getattr(self.pattern, name)
