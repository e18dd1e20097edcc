"""Work on long texts done in a forked worker process while this process goes on, on another core."""

from __future__ import annotations

import os
import pickle


def start(function, *args, parallel=True, send=None):
    """A :class:`Job` computing ``function(*args)`` (``send(function(*args))`` if ``send`` is
    given): in a forked child when ``parallel`` and the platform can fork, else in this process
    when its result is asked for.

    The child computes exactly what this process would and sends the result back pickled, so
    the result does not depend on where it ran; whatever goes wrong in the child, the result
    is computed in this process instead. A child frees nothing it made: what ``function``
    returned and what ``send`` made of it are left to its exit.
    """
    work = (function, send)
    return Job(work, args, _fork(work, args) if parallel and hasattr(os, "fork") else None)


class Job:
    """The result of a function, computed in a forked child or on demand."""

    def __init__(self, work, args, child):
        self._work, self._args, self._child = work, args, child
        self._done, self._value = False, None

    def result(self):
        if not self._done:
            value = _collect(self._child) if self._child is not None else _FAILED
            self._child = None
            self._value = _computed(self._work, self._args)[-1] if value is _FAILED else value
            self._done = True
        return self._value

    def cancel(self):
        """Stop waiting for the child (the caller failed): reap it and keep nothing."""
        if self._child is not None:
            pid, reader, payload_fd = self._child
            os.close(reader)
            os.close(payload_fd)
            _reap(pid)
            self._child = None


_FAILED = object()


def _computed(work, args):
    """(what the function returned, what is sent of it): the same object twice without ``send``."""
    function, send = work
    value = function(*args)
    return value, value if send is None else send(value)


def _fork(work, args):
    """(pid, read end of a pipe, payload file) of a child computing ``work`` (see
    :func:`_computed`) of ``args``; None if fork fails.

    The child writes its pickled result to the payload file (memory, not disk, where the
    platform can), then its length to the pipe, and leaves: it never waits for this process to
    read, and this process, once it asks for the result, reads it whole at once instead of a
    pipe's buffer at a time, each waiting for the child to write the next.
    """
    opened = []
    try:
        opened.append(_payload_file())
        opened.extend(os.pipe())
        payload_fd, reader, writer = opened
        pid = os.fork()
    except OSError:
        for fd in opened:
            os.close(fd)
        return None
    if pid == 0:  # the child: compute, send, leave without running the parent's clean-up
        status = 1
        try:
            os.close(reader)
            # (kept to the exit, which frees nothing: freeing the records of 1 MB's half took 20 M instructions)
            computed = _computed(work, args)
            payload = pickle.dumps(computed[-1], protocol=pickle.HIGHEST_PROTOCOL)
            _write_all(payload_fd, payload)
            _write_all(writer, len(payload).to_bytes(_SIZE_BYTES, "little"))
            status = 0
        finally:
            os._exit(status)
    os.close(writer)
    return pid, reader, payload_fd


# The length of the child's payload, as it sends it through the pipe once the payload is written.
_SIZE_BYTES = 8


def _payload_file():
    """A file descriptor of an anonymous file for the child's payload: in memory (memfd) on
    Linux, else a temporary file already unlinked."""
    if hasattr(os, "memfd_create"):
        try:
            return os.memfd_create("geo-extract-part", os.MFD_CLOEXEC)
        except OSError:  # (a kernel or sandbox without memfd)
            pass
    import tempfile

    fd, path = tempfile.mkstemp(prefix="geo-extract-part-")
    os.unlink(path)
    return fd


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_all(fd, size, offset=None):
    """``size`` bytes of ``fd`` (from ``offset`` with pread, else read), fewer if it ends first."""
    chunks, got = [], 0
    while got < size:
        chunk = os.read(fd, size - got) if offset is None else os.pread(fd, size - got, offset + got)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _collect(child):
    """What a child sent, or _FAILED. The child is reaped after its payload is unpickled: its
    exit (freeing what it made) overlaps with that, on the other core."""
    pid, reader, payload_fd = child
    value = _FAILED
    try:
        sent = _read_all(reader, _SIZE_BYTES)  # (waits for the child to finish; nothing if it failed)
        if len(sent) == _SIZE_BYTES:
            size = int.from_bytes(sent, "little")
            payload = _read_all(payload_fd, size, offset=0)
            if size and len(payload) == size:
                value = pickle.loads(payload)
    finally:
        os.close(reader)
        os.close(payload_fd)
        status = _reap(pid)
    return value if status == 0 else _FAILED


def _reap(pid):
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return -1
    return status
