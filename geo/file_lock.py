"""A lock on a file held by one open of it at a time, for the run and commit locks of :mod:`geo.outputs`.

``flock`` on POSIX, ``msvcrt.locking`` on Windows: both are held by an open file, so a second
open in the same process waits like another process does, and both end with the process
that holds them (a crash leaves no stale lock). What the outputs need of the ``filelock``
package without its import, which cost every command 75-100 M instructions (logging, decimal,
secrets and its own thirty modules).
"""

from __future__ import annotations

import os
import time

POLL_S = 0.05  # how often a waiting run tries again


class Timeout(Exception):
    """The lock was still held by another open of its file when the wait ran out."""


class FileLock:
    """The lock of the file at ``path`` (created if missing; left in place on release)."""

    def __init__(self, path):
        self.path = os.fspath(path)
        self._fd = None

    def acquire(self, timeout: float = 0.0):
        """Take the lock, trying again every :data:`POLL_S` for up to ``timeout`` seconds.

        Raises
        ------
        Timeout
            Another open of the file still holds it.
        OSError
            The file cannot be opened (a folder that cannot be written).
        """
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + timeout
            while not _try_lock(fd):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Timeout(self.path)
                time.sleep(min(POLL_S, left))
        except BaseException:  # an interrupt while waiting too: nothing is held
            os.close(fd)
            raise
        self._fd = fd

    def release(self):
        """Give the lock up (closing the file releases it)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock(fd)
            finally:
                os.close(fd)


if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd):
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import errno
    import fcntl

    _HELD = frozenset({errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK})

    def _try_lock(fd) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in _HELD:
                return False
            raise
        return True

    def _unlock(fd):
        fcntl.flock(fd, fcntl.LOCK_UN)
