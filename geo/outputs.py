"""One run, one consistent set of outputs: the run lock, staging, and the all-or-nothing commit.

Every file a command writes goes first to a hidden staging folder beside its target
(see :func:`geo.atomic_files.atomic_path`); when the command has finished, all staged files are
moved into place together. A journal (:mod:`geo.journal`) makes that last step resumable, and reversible
when a target cannot be replaced (a file open in another program); interrupts (Ctrl-C,
SIGTERM) are held back while it runs, so a run leaves either the complete old set of
outputs or the complete new one. A lock keeps two runs on the same folder from
interleaving; its file lives in the user's temporary folder, not among the outputs.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import shutil
import signal
import threading
from pathlib import Path

from geo import settings
from geo.journal import FORWARD, STAGE_PREFIX, Blocked, read_plan, run_plan, write_journal

JOURNAL_NAME = ".geo-commit.json"

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
        The open set; :func:`geo.atomic_files.atomic_path` stages into it while it is active.

    Raises
    ------
    geo.io.InputError
        Another run holds the lock for longer than ``wait_s``.
    Interrupted
        Ctrl-C or SIGTERM: ``committed`` says whether the new set was already in place.
        Any other error leaves the previous outputs untouched.
    """
    from geo.atomic_files import ensure_output_dir

    if active() is not None:  # nested (a pipeline function called by a command): one set, one lock
        yield active()
        return
    # The folders made for the root itself (-o new/sub/projects.geojson) go too when the run fails.
    missing = [p for p in [Path(root), *Path(root).parents] if not os.path.lexists(p)]
    root = ensure_output_dir(root).resolve()
    _COMMITTED.clear()
    with _run_lock(root, settings.LOCK_WAIT_S if wait_s is None else wait_s), _signals_as_interrupts():
        recover(root)
        _remove_abandoned_stages(root)
        outputs = OutputSet(root)
        outputs.made(missing)
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


def keep_inputs(paths, role: str) -> None:
    """Refuse, for the rest of this run, to write over or remove these input files.

    A command whose output is another kind of file than an input (a catalog over its
    report, a coverage table over the catalog) would destroy that input. Outside an
    output set this does nothing.

    Parameters
    ----------
    paths : iterable of path or None
        The input files (``None`` and paths that are no file are passed over; a QGIS-style
        ``file|layername=x`` counts as ``file``).
    role : str
        What the file is to this run, for the message (``"the report"``).
    """
    outputs = active()
    if outputs is not None:
        for path in paths:
            if path is not None:
                outputs.keep(str(path).split("|", 1)[0], role)


def check_not_input(path) -> None:
    """InputError when ``path`` is an input this run keeps (:func:`keep_inputs`): said before any
    other refusal of it as an output, which would hide that it is an input."""
    outputs = active()
    if outputs is not None:
        outputs._check_not_input(path)


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
    """Finish a commit that a crash or kill cut short; True if there was one.

    The journal says which way: forward (the new set was being moved in) or back (a
    target could not be replaced, and the old files were being put back). Should a
    target still refuse to be replaced, the old set is restored instead and this run
    goes on (its own commit will say which file is in the way).

    Raises
    ------
    geo.io.InputError
        An old file cannot be put back: the journal and staged files stay for the next run. A
        journal no geo run wrote (:func:`geo.journal.read_plan`): nothing is moved, it stays.
    """
    from geo.io import InputError

    journal = Path(root) / JOURNAL_NAME
    partial = journal.with_name(journal.name + ".tmp")
    try:
        partial.unlink()  # a journal cut short while written never counted
    except FileNotFoundError:
        pass
    except OSError as exc:  # a folder of that name: no journal geo writes
        raise InputError(partial, f"is where geo writes its commit journal, and cannot be removed ({exc.strerror}): "
                                  "delete or rename it") from None
    if not journal.exists():
        return False
    plan = read_plan(journal)
    with contextlib.suppress(Blocked):
        run_plan(journal, plan)
    return True


def finish_pending(root) -> bool:
    """Finish, under the run lock, a commit a killed run left in ``root``; True if there was one.

    For a run that reads and checks its inputs before it writes (``geo build``): the folder
    is whole again even if this run then fails on its inputs.
    """
    if not (Path(root) / JOURNAL_NAME).exists():
        return False
    with output_set(root):
        pass  # output_set recovers under the lock; nothing is staged, so nothing is committed
    return True


def _remove_abandoned_stages(root: Path) -> None:
    """Remove the staging folders that killed runs left in ``root`` and the folders inside it.

    Only folders named ``.geo-stage-<pid>`` whose process is gone, and only once no journal
    needs them (call after :func:`recover`).
    """
    if (root / JOURNAL_NAME).exists():
        return
    folders = [root] + [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")] if root.is_dir() else []
    for folder in folders:
        for stage in folder.glob(f"{STAGE_PREFIX}*"):
            pid = _stage_pid(stage.name)
            if stage.is_dir() and pid is not None and pid != os.getpid() and not _alive(pid):
                shutil.rmtree(stage, ignore_errors=True)


def _stage_pid(name):
    """The process id a staging folder's name ends in, or None when it ends in none (a folder of
    that name made by hand or copied: ``.geo-stage-²``, a number beyond any process id)."""
    pid = name[len(STAGE_PREFIX):]
    return int(pid) if pid.isascii() and pid.isdigit() and 0 < int(pid) < 2 ** 31 else None


def _alive(pid: int) -> bool:
    """Whether a process with this id runs (one we may not signal counts as running; on Windows,
    where signal 0 would end the process, every one does)."""
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class OutputSet:
    """Staged outputs of one run: targets, their staged copies, and files to delete."""

    def __init__(self, root: Path):
        self.root = root
        self._stages = {}   # target directory -> its staging folder
        self._moves = {}    # final path -> staged path
        self._removes = set()
        self._created = []  # folders made for this run's outputs, removed again if it fails
        self._inputs = {}   # (device, inode) of input files no output may replace -> their role

    def keep(self, path, role: str) -> None:
        """Note an input file that no output of this run may replace (see :func:`keep_inputs`)."""
        with contextlib.suppress(OSError):
            if os.path.isfile(path):
                stat = os.stat(path)
                self._inputs.setdefault((stat.st_dev, stat.st_ino), role)

    def _check_not_input(self, target) -> None:
        """InputError when ``target`` is (a link to) an input file this run keeps."""
        try:
            stat = os.stat(target)
        except OSError:
            return
        role = self._inputs.get((stat.st_dev, stat.st_ino))
        if role is not None:
            from geo.io import InputError

            raise InputError(target, f"is {role} this run reads: an output written over it would destroy that input "
                                     "(write the outputs elsewhere, or give a copy of it)")

    def staged_path(self, target) -> Path:
        """Where to write ``target`` until commit (a short name in a folder beside it)."""
        self._check_not_input(target)
        target = Path(os.path.abspath(target))
        stage = self._stage(target.parent)
        self._removes.discard(target)
        staged = stage / f"{len(self._moves):04d}{_suffixes(target)}"
        self._moves[target] = staged
        return staged

    def _stage(self, directory: Path) -> Path:
        """The staging folder of ``directory`` (made on first use): staged files and, at commit, old ones."""
        stage = self._stages.get(directory)
        if stage is None:
            from geo.atomic_files import ensure_output_dir
            from geo.io import InputError

            ensure_output_dir(directory)
            stage = directory / f"{STAGE_PREFIX}{os.getpid()}"
            try:
                stage.mkdir(exist_ok=True)
            except OSError as exc:
                raise InputError(directory, f"cannot write output there ({exc.strerror})") from None
            self._stages[directory] = stage
        return stage

    def made(self, folders) -> None:
        """Note folders created for this run's outputs: a run that fails removes them if empty."""
        self._created += [Path(os.path.abspath(f)) for f in folders]

    def remove(self, path) -> None:
        self._check_not_input(path)
        target = Path(os.path.abspath(path))
        self._moves.pop(target, None)
        if target.exists():
            self._removes.add(target)

    def targets(self) -> list:
        """Final paths of the files staged so far, in the order they were written."""
        return list(self._moves)

    def commit(self) -> None:
        """Move every staged file into place; interrupts wait until it is done.

        Raises
        ------
        geo.io.InputError
            A target cannot be replaced (open in another program, read-only): every file
            already moved is put back, so the folder holds the complete old set.
        """
        plan = self._plan()
        if not plan["moves"] and not plan["removes"]:
            return
        journal = self.root / JOURNAL_NAME
        folders = {Path(step["target"]).parent for step in plan["moves"] + plan["removes"]}
        with _commit_locks(folders, settings.LOCK_WAIT_S), _interrupts_held() as pending:
            write_journal(journal, plan)  # from here on the new set wins, even after a crash
            try:
                run_plan(journal, plan)
            except Blocked as blocked:
                raise blocked.error() from None
            _COMMITTED.append(str(self.root))
        if pending:
            raise Interrupted(committed=True)

    def _plan(self) -> dict:
        """The journal of this commit: each staged file with its target and where the old target goes aside."""
        moves = [{"staged": str(s), "target": str(t), "backup": f"{s}.old", "old": os.path.lexists(t)}
                 for t, s in self._moves.items() if s.exists()]
        removes = [{"target": str(t), "backup": str(self._stage(t.parent) / f"r{number:04d}.old")}
                   for number, t in enumerate(sorted(self._removes))]
        return {"state": FORWARD, "moves": moves, "removes": removes}

    def discard(self) -> None:
        """Forget the staged files, and the folders made for them that are left empty.

        While a journal remains (an old file could not be put back), the staging folders
        hold what the next run's :func:`recover` needs, and stay.
        """
        if not (self.root / JOURNAL_NAME).exists():
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


# --------------------------------------------------------------------------- the commit journal
#
# The journal (JOURNAL_NAME in the run's root) lists every step of a commit: each staged
# file with its target and a backup name in the same staging folder (same file system,
# so every move is an atomic rename), whether the target existed, and the stale outputs
# to take away. Going forward, each old target is first moved aside to its backup, then
# the new file moved in; stale outputs are moved aside too. Nothing old is deleted until
# every step is done. If a step fails, the journal is switched to "back" and each step
# is undone in reverse. Both directions only look at which files exist, so they can be
# run again from any point: a crash at any moment is finished by the next run's recover().

def lock_path(root, kind="run") -> Path:
    """The lock file of an output folder: one per resolved folder and kind, in the user's temporary folder.

    ``run`` is held by a run on its root folder from start to end; ``commit`` by a run moving its
    files into a folder, whatever its root (runs from two projects writing one folder).
    """
    import hashlib
    import tempfile

    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    digest = hashlib.sha256(os.fsencode(Path(root).resolve())).hexdigest()[:20]  # a name of GBK bytes too
    return Path(tempfile.gettempdir()) / f"geo-locks-{user}" / f"{digest}{'' if kind == 'run' else '.' + kind}.lock"


@contextlib.contextmanager
def _commit_locks(folders, wait_s: float):
    """Hold the commit lock of every folder (in sorted order: two commits never wait on each other)."""
    with contextlib.ExitStack() as stack:
        for folder in sorted({Path(f).resolve() for f in folders}):
            stack.enter_context(_run_lock(folder, wait_s, kind="commit"))
        yield


@contextlib.contextmanager
def _run_lock(root: Path, wait_s: float, kind="run"):
    from geo.file_lock import FileLock, Timeout
    from geo.io import InputError

    path = lock_path(root, kind)
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
