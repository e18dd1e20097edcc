"""One run, one consistent set of outputs: the run lock, staging, and the all-or-nothing commit.

Every file a command writes goes first to a hidden staging folder beside its target
(see :func:`geo.io.atomic_path`); when the command has finished, all staged files are
moved into place together. A journal makes that last step resumable, and interrupts
(Ctrl-C, SIGTERM) are held back while it runs, so a run leaves either the complete old
set of outputs or the complete new one. A lock keeps two runs on the same folder from
interleaving; its file lives in the user's temporary folder, not among the outputs.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import os
import shutil
import signal
import threading
from pathlib import Path

from geo import settings

JOURNAL_NAME = ".geo-commit.json"
STAGE_PREFIX = ".geo-stage-"

_active: contextvars.ContextVar = contextvars.ContextVar("geo_output_set", default=None)
_COMMITTED: list = []  # roots whose new set this run has put in place


def committed() -> bool:
    """True once this run has put a new set of outputs in place.

    An interrupt after that moment (while the staging folder is cleaned up, the lock released or
    the summary printed) must not be reported as leaving the previous set intact.
    """
    return bool(_COMMITTED)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM, with whether the new outputs were already in place."""

    def __init__(self, committed: bool):
        super().__init__()
        self.committed = committed


@contextlib.contextmanager
def output_set(root, *, wait_s=None):
    """Stage every output written inside the block and commit them all at its end.

    Parameters
    ----------
    root : str or pathlib.Path
        The folder the run works on (``geo build --out-dir``, or the folder of the
        catalog for single stages). It holds the lock file and the commit journal.
    wait_s : float, optional
        How long to wait for another run holding the lock before giving up
        (default :data:`geo.settings.LOCK_WAIT_S`).

    Yields
    ------
    OutputSet
        The open set; :func:`geo.io.atomic_path` stages into it while it is active.

    Raises
    ------
    geo.io.InputError
        Another run holds the lock for longer than ``wait_s``.
    Interrupted
        Ctrl-C or SIGTERM: ``committed`` says whether the new set was already in place.
        Any other error leaves the previous outputs untouched.
    """
    from geo.io import ensure_output_dir

    if active() is not None:  # nested (a pipeline function called by a command): one set, one lock
        yield active()
        return
    root = ensure_output_dir(root).resolve()
    _COMMITTED.clear()
    with _run_lock(root, settings.LOCK_WAIT_S if wait_s is None else wait_s), _signals_as_interrupts():
        recover(root)
        outputs = OutputSet(root)
        token = _active.set(outputs)
        try:
            yield outputs
            outputs.commit()
        except KeyboardInterrupt as exc:
            raise Interrupted(committed=getattr(exc, "committed", False)) from None
        finally:
            _active.reset(token)
            outputs.discard()


def active():
    """The :class:`OutputSet` being written by this run, or None outside :func:`output_set`."""
    return _active.get()


def remove_output(path) -> None:
    """Delete an output file now, or at commit when a set is being written."""
    outputs = active()
    if outputs is not None:
        outputs.remove(path)
    else:
        with contextlib.suppress(FileNotFoundError):
            Path(path).unlink()


def place(source, target) -> None:
    """Move a finished file to ``target``: at commit inside an output set, else at once."""
    outputs = active()
    if outputs is None:
        os.replace(source, target)
        return
    os.replace(source, outputs.staged_path(target))


def will_exist(path) -> bool:
    """Whether ``path`` is there once the current run commits (staged, or on disk and kept)."""
    outputs = active()
    target = Path(os.path.abspath(path))
    if outputs is not None:
        if target in outputs._moves:
            return True
        if target in outputs._removes:
            return False
    return target.is_file()


def recover(root) -> bool:
    """Finish a commit that a crash or kill cut short; True if there was one."""
    journal = Path(root) / JOURNAL_NAME
    if not journal.exists():
        return False
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        plan = {"moves": [], "removes": []}
    _apply(plan)
    journal.unlink()
    for stage in {Path(source).parent for source, _ in plan.get("moves", [])}:
        shutil.rmtree(stage, ignore_errors=True)
    return True


class OutputSet:
    """Staged outputs of one run: targets, their staged copies, and files to delete."""

    def __init__(self, root: Path):
        self.root = root
        self._stages = {}   # target directory -> its staging folder
        self._moves = {}    # final path -> staged path
        self._removes = set()
        self._created = []  # folders made for this run's outputs, removed again if it fails

    def staged_path(self, target) -> Path:
        """Where to write ``target`` until commit (a short name in a folder beside it)."""
        target = Path(os.path.abspath(target))
        directory = target.parent
        stage = self._stages.get(directory)
        if stage is None:
            from geo.io import InputError, ensure_output_dir

            ensure_output_dir(directory)
            stage = directory / f"{STAGE_PREFIX}{os.getpid()}"
            try:
                stage.mkdir(exist_ok=True)
            except OSError as exc:
                raise InputError(directory, f"cannot write output there ({exc.strerror})") from None
            self._stages[directory] = stage
        self._removes.discard(target)
        staged = stage / f"{len(self._moves):04d}{_suffixes(target)}"
        self._moves[target] = staged
        return staged

    def made(self, folders) -> None:
        """Note folders created for this run's outputs: a run that fails removes them if empty."""
        self._created += [Path(os.path.abspath(f)) for f in folders]

    def remove(self, path) -> None:
        target = Path(os.path.abspath(path))
        self._moves.pop(target, None)
        if target.exists():
            self._removes.add(target)

    def targets(self) -> list:
        """Final paths of the files staged so far, in the order they were written."""
        return list(self._moves)

    def commit(self) -> None:
        """Move every staged file into place; interrupts wait until it is done."""
        plan = {"moves": [[str(s), str(t)] for t, s in self._moves.items() if s.exists()],
                "removes": sorted(str(p) for p in self._removes)}
        if not plan["moves"] and not plan["removes"]:
            return
        journal = self.root / JOURNAL_NAME
        with _interrupts_held() as pending:
            tmp = journal.with_name(journal.name + ".tmp")
            tmp.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, journal)  # from here on the new set wins, even after a crash
            _apply(plan)
            journal.unlink()
            _COMMITTED.append(str(self.root))
        if pending:
            raise Interrupted(committed=True)

    def discard(self) -> None:
        """Forget the staged files, and the folders made for them that are left empty."""
        for stage in self._stages.values():
            shutil.rmtree(stage, ignore_errors=True)
        self._stages.clear()
        for folder in sorted(set(self._created), key=lambda p: len(p.parts), reverse=True):
            with contextlib.suppress(OSError):
                folder.rmdir()
        self._created.clear()


def _suffixes(path: Path) -> str:
    # Keep the extension: GDAL drivers pick the format from it (.gpkg, .shp).
    return "".join(path.suffixes[-2:]) if path.suffix else ".tmp"


def _apply(plan) -> None:
    for source, target in plan.get("moves", []):
        if os.path.exists(source):
            os.replace(source, target)
    for target in plan.get("removes", []):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)


def lock_path(root) -> Path:
    """The lock file of an output folder: one per resolved folder, in the user's temporary folder."""
    import hashlib
    import tempfile

    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    digest = hashlib.sha256(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:20]
    return Path(tempfile.gettempdir()) / f"geo-locks-{user}" / f"{digest}.lock"


@contextlib.contextmanager
def _run_lock(root: Path, wait_s: float):
    from filelock import FileLock, Timeout

    from geo.io import InputError

    path = lock_path(root)
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        lock = FileLock(str(path))
        lock.acquire(timeout=0)
    except Timeout:
        if wait_s <= 0:
            raise InputError(root, "another geo run is writing to this folder; try again when it ends") from None
        try:
            lock.acquire(timeout=wait_s)
        except Timeout:
            raise InputError(root, f"another geo run has been writing to this folder for over {wait_s:g} s; "
                                   "try again when it ends") from None
    except OSError as exc:
        raise InputError(path, f"cannot create the run lock ({exc.strerror})") from None
    try:
        yield
    finally:
        lock.release()


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def _signals_as_interrupts():
    """SIGTERM behaves like Ctrl-C while outputs are written, so staging is cleaned up."""
    if not _in_main_thread():
        yield
        return

    def on_term(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _interrupts_held():
    """Hold Ctrl-C and SIGTERM until the block ends; yields a list that is non-empty if one came."""
    pending = []
    if not _in_main_thread():
        yield pending
        return
    handlers = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        handlers[signum] = signal.signal(signum, lambda number, frame: pending.append(number))
    try:
        yield pending
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
