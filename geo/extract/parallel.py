"""Work on long texts done in a forked worker process while this process goes on, on another core."""

from __future__ import annotations

import os
import pickle


def start(function, *args, parallel=True):
    """A :class:`Job` computing ``function(*args)``: in a forked child when ``parallel`` and the
    platform can fork, else in this process when its result is asked for.

    The child computes exactly what this process would and sends the result back pickled, so
    the result does not depend on where it ran; whatever goes wrong in the child, the result
    is computed in this process instead.
    """
    return Job(function, args, _fork(function, args) if parallel and hasattr(os, "fork") else None)


class Job:
    """The result of a function, computed in a forked child or on demand."""

    def __init__(self, function, args, child):
        self._function, self._args, self._child = function, args, child
        self._done, self._value = False, None

    def result(self):
        if not self._done:
            value = _collect(self._child) if self._child is not None else _FAILED
            self._child = None
            self._value = self._function(*self._args) if value is _FAILED else value
            self._done = True
        return self._value

    def cancel(self):
        """Stop waiting for the child (the caller failed): reap it and keep nothing."""
        if self._child is not None:
            pid, reader = self._child
            os.close(reader)
            _reap(pid)
            self._child = None


_FAILED = object()


def _fork(function, args):
    """(pid, read end of a pipe) of a child computing ``function(*args)``; None if fork fails."""
    try:
        reader, writer = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the child: compute, send, leave without running the parent's clean-up
        status = 1
        try:
            os.close(reader)
            payload = pickle.dumps(function(*args), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(writer, "wb") as handle:
                handle.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(writer)
    return pid, reader


def _collect(child):
    """What a child sent, or _FAILED."""
    pid, reader = child
    try:
        with os.fdopen(reader, "rb") as handle:
            payload = handle.read()
    finally:
        status = _reap(pid)
    if status != 0 or not payload:
        return _FAILED
    return pickle.loads(payload)


def _reap(pid):
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return -1
    return status
