"""geo.extract.brackets: the marks around a mention, and how far a range's brackets are looked for."""

import sys

from geo.extract.brackets import _printed_back, _printed_on


def _lines_run(function, *args):
    """How many lines of ``function`` run for ``function(*args)``, and its answer."""
    code, lines = function.__code__, [0]

    def trace(frame, event, arg):
        if frame.f_code is not code:
            return None
        if event == "line":
            lines[0] += 1
        return trace
    sys.settrace(trace)
    try:
        answer = function(*args)
    finally:
        sys.settrace(None)
    return lines[0], answer


def test_the_printed_reach_is_counted_a_stretch_at_a_time_over_a_padded_table():
    # A flattened table pads each character of a cell with a space: the reach of 24 printed characters
    # was walked a character at a time (48 steps, 3 lines each); a stretch of as many characters as
    # are still wanted at a time makes it a few steps.
    padded = "青 山 路 " * 20
    end = len(padded)
    lines, start = _lines_run(_printed_back, padded, end, 24)
    assert start == end - 48 and lines < 40
    lines, stop = _lines_run(_printed_on, padded, 0, 24)
    assert stop == 47 and lines < 40
