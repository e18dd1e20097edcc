"""One run, one consistent set: staging and commit, the run lock, interrupts, concurrent builds, later-stage errors."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from geo import journal, outputs
from geo.cli import main
from geo.data import REPORT_PATH
from geo.atomic_files import write_text_atomic
from geo.io import InputError

GEO = [sys.executable, "-m", "geo"]
SET = ("projects.geojson", "layers", "maps_out")


def _snapshot(root):
    """{relative path: sha256} of every file under root, hidden files included."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(root).rglob("*")) if p.is_file()}


def _short_report(tmp_path):
    """The seed report cut to its first half: a build of it gives a different, smaller set."""
    text = REPORT_PATH.read_text(encoding="utf-8")
    path = tmp_path / "short_report.txt"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    return path


def _island_ids(page):
    match = re.search(r'<script type="application/json" id="geo-data">(.*?)</script>', page, flags=re.DOTALL)
    return {f["properties"]["id"] for spec in json.loads(match.group(1))["layers"]
            if spec["key"].startswith("projects:") for f in spec["data"]["features"]}


def assert_one_set(out):
    """The catalog, the layers and the project map come from the same run."""
    catalog = json.loads((out / "projects.geojson").read_text(encoding="utf-8"))
    located = {f["properties"]["id"] for f in catalog["features"] if f["geometry"] is not None}
    layered = set()
    for path in (out / "layers").glob("*.geojson"):
        if path.stem not in ("subdistricts", "district_outline"):
            layered |= {f["properties"]["id"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]}
    assert layered == located
    assert _island_ids((out / "maps_out" / "projects.html").read_text(encoding="utf-8")) == located
    assert not list(out.rglob(".geo-stage-*")) and not (out / outputs.JOURNAL_NAME).exists()
    return catalog["metadata"]["report"]


# --------------------------------------------------------------------------- staging and commit


def test_files_written_in_a_set_appear_only_at_commit(tmp_path):
    (tmp_path / "old.txt").write_text("old", encoding="utf-8")
    with outputs.output_set(tmp_path):
        write_text_atomic(tmp_path / "old.txt", "new")
        write_text_atomic(tmp_path / "sub" / "b.txt", "b")
        outputs.remove_output(tmp_path / "gone.txt")
        assert (tmp_path / "old.txt").read_text(encoding="utf-8") == "old"
        assert not (tmp_path / "sub" / "b.txt").exists()
        assert outputs.will_exist(tmp_path / "sub" / "b.txt")
    assert (tmp_path / "old.txt").read_text(encoding="utf-8") == "new"
    assert (tmp_path / "sub" / "b.txt").read_text(encoding="utf-8") == "b"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["b.txt", "old.txt", "sub"]


def test_an_error_inside_a_set_changes_nothing(tmp_path):
    (tmp_path / "a.txt").write_text("old", encoding="utf-8")
    before = _snapshot(tmp_path)
    with pytest.raises(RuntimeError):
        with outputs.output_set(tmp_path):
            write_text_atomic(tmp_path / "a.txt", "new")
            write_text_atomic(tmp_path / "b.txt", "b")
            raise RuntimeError("a later stage failed")
    assert _snapshot(tmp_path) == before


def test_an_error_inside_a_set_leaves_no_folder_it_made(tmp_path):
    with pytest.raises(RuntimeError):
        with outputs.output_set(tmp_path):
            write_text_atomic(tmp_path / "new" / "deeper" / "b.txt", "b")
            raise RuntimeError("a later stage failed")
    assert list(tmp_path.iterdir()) == []


def test_an_error_inside_a_set_leaves_no_folder_made_for_its_root(tmp_path):
    # geo extract bad.txt -o new/sub/projects.geojson: the set's own folder is made first.
    with pytest.raises(RuntimeError):
        with outputs.output_set(tmp_path / "new" / "sub"):
            write_text_atomic(tmp_path / "new" / "sub" / "b.txt", "b")
            raise RuntimeError("the report held no project")
    assert list(tmp_path.iterdir()) == []


def test_a_broken_symbolic_link_as_output_folder_is_named_in_one_line(tmp_path):
    (tmp_path / "maps_out").symlink_to(tmp_path / "nowhere")
    with pytest.raises(InputError, match="maps_out: is a broken symbolic link"):
        with outputs.output_set(tmp_path):
            write_text_atomic(tmp_path / "maps_out" / "index.html", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["maps_out"]


def test_an_interrupt_after_the_commit_is_reported_as_after_it(tmp_path, monkeypatch):
    """A Ctrl-C that lands after the new set is in place (while the staging folder is removed)
    must say the set is complete, not that the previous one is intact."""
    import click

    from geo.__main__ import INTERRUPTED, INTERRUPTED_AFTER
    from geo.cli_errors import handle_errors as _handle_errors

    def discard_interrupted(self):
        raise KeyboardInterrupt

    @click.command()
    @_handle_errors
    def build_then_interrupted():
        with outputs.output_set(tmp_path):
            write_text_atomic(tmp_path / "a.txt", "new")

    @click.command()
    @_handle_errors
    def interrupted_before():
        with outputs.output_set(tmp_path):
            write_text_atomic(tmp_path / "b.txt", "b")
            raise KeyboardInterrupt

    monkeypatch.setattr(outputs.OutputSet, "discard", discard_interrupted)
    result = CliRunner().invoke(build_then_interrupted)
    assert result.exit_code == 130
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "new"
    assert INTERRUPTED_AFTER in result.output and INTERRUPTED not in result.output
    monkeypatch.undo()
    result = CliRunner().invoke(interrupted_before)
    assert result.exit_code == 130 and INTERRUPTED in result.output
    assert not (tmp_path / "b.txt").exists()


def test_a_commit_cut_short_is_finished_by_the_next_run(tmp_path):
    stage = tmp_path / ".geo-stage-1"
    stage.mkdir()
    (stage / "0000.txt").write_text("new", encoding="utf-8")
    (tmp_path / "a.txt").write_text("old", encoding="utf-8")
    (tmp_path / "stale.txt").write_text("stale", encoding="utf-8")
    plan = {"moves": [[str(stage / "0000.txt"), str(tmp_path / "a.txt")]], "removes": [str(tmp_path / "stale.txt")]}
    (tmp_path / outputs.JOURNAL_NAME).write_text(json.dumps(plan), encoding="utf-8")
    with outputs.output_set(tmp_path):
        pass
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_a_second_run_on_the_same_folder_waits_then_refuses(tmp_path):
    with outputs.output_set(tmp_path):
        started = time.monotonic()
        with pytest.raises(InputError, match="another geo run"):
            with outputs._run_lock(tmp_path.resolve(), wait_s=0.3):
                pass
        assert time.monotonic() - started >= 0.3
    with outputs.output_set(tmp_path):  # released: the next run goes ahead
        pass
    assert not any(p.name.endswith(".lock") for p in tmp_path.iterdir())  # the lock lives elsewhere


def test_the_lock_of_another_process_is_waited_for_and_freed_by_its_death(tmp_path):
    from geo.file_lock import FileLock, Timeout

    path = tmp_path / "run.lock"
    holder = subprocess.Popen([sys.executable, "-c", "import sys; from geo.file_lock import FileLock; "
                               f"FileLock({str(path)!r}).acquire(); print('held', flush=True); sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        lock = FileLock(path)
        started = time.monotonic()
        with pytest.raises(Timeout):
            lock.acquire(timeout=0.2)
        assert time.monotonic() - started >= 0.2
        holder.kill()  # no clean-up: the system frees a dead process's lock
        holder.wait()
        lock.acquire(timeout=5)
        lock.release()
    finally:
        holder.kill()
        holder.wait()
    assert path.exists()  # left in place: every waiter locks the same file


def test_an_error_while_rendering_leaves_the_previous_build_whole(tmp_path, monkeypatch):
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--out-dir", str(tmp_path), "--basemap", "none"]).exit_code == 0
    before = _snapshot(tmp_path)

    def broken(*args, **kwargs):
        raise InputError(None, "a rendering problem")

    monkeypatch.setattr("geo.render.render_maps", broken)
    result = runner.invoke(main, ["build", "--out-dir", str(tmp_path), "--report", str(_short_report(tmp_path)),
                                  "--basemap", "none"])
    assert result.exit_code == 2 and "a rendering problem" in result.stderr
    (tmp_path / "short_report.txt").unlink()
    assert _snapshot(tmp_path) == before


def test_builds_from_different_folders_and_paths_are_byte_identical(tmp_path, monkeypatch):
    import shutil

    report = tmp_path / "in" / "report.txt"
    report.parent.mkdir()
    report.write_bytes(REPORT_PATH.read_bytes())
    districts = Path(__file__).resolve().parent / "bad_inputs" / "valid_districts.geojson"
    shutil.copy(districts, report.parent / "jd.geojson")
    fields = ["--name-field", "name", "--code-field", "code"]
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build", "--report", "in/report.txt", "--districts", "in/jd.geojson", *fields,
                                  "--out-dir", "a"])
    assert result.exit_code == 0, result.stderr
    monkeypatch.chdir(report.parent)
    result = runner.invoke(main, ["build", "--report", str(report), "--districts", str(report.parent / "jd.geojson"),
                                  *fields, "--out-dir", "../b/./"])
    assert result.exit_code == 0, result.stderr
    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")
    assert "in/jd.geojson" not in (tmp_path / "a" / "layers" / "subdistricts.geojson").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- processes: concurrency and signals


def _build(out, report, **kwargs):
    return subprocess.Popen(GEO + ["build", "--basemap", "none", "--out-dir", str(out), "--report", str(report)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def test_two_builds_at_once_leave_one_complete_set(tmp_path):
    short = _short_report(tmp_path)
    out = tmp_path / "out"
    for _ in range(3):
        runs = [_build(out, REPORT_PATH), _build(out, short)]
        for run in runs:
            _, err = run.communicate(timeout=300)
            assert run.returncode == 0, err
        assert assert_one_set(out) in (REPORT_PATH.name, short.name)


def _entry_point_loaded_s():
    """How long this machine takes to start Python and load geo's entry point (the earliest
    moment any program can handle Ctrl-C: before it, the interpreter itself is starting)."""
    times = []
    for _ in range(3):
        started = time.monotonic()
        subprocess.run([sys.executable, "-c", "import geo.__main__"], check=True)
        times.append(time.monotonic() - started)
    return sorted(times)[1]


def test_an_interrupt_python_cannot_pass_on_is_one_line_not_a_traceback():
    """An interrupt landing in a callback (the import lock's, a finaliser) is 'ignored' by Python
    with a traceback on stderr; geo reports it as an interrupt after the run, in one line."""
    script = (
        "import geo.__main__ as m\n"
        "class Held:\n"
        "    def __del__(self):\n"
        "        m._received.append(2)\n"
        "        raise KeyboardInterrupt\n"
        "def run():\n"
        "    Held()\n"
        "    return 0\n"
        "m._run = run\n"
        "m.run()\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    from geo.__main__ import INTERRUPTED_AFTER

    assert done.returncode == 130
    assert done.stderr == INTERRUPTED_AFTER + "\n"


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupt_while_the_entry_point_loads_is_one_line_not_a_traceback(signum):
    # The window before run() puts its handlers in place (``import signal`` alone takes some
    # milliseconds): the interrupt is sent there, deterministically, by the process itself.
    script = ("import os, sys\n"
              "sys.argv[0] = 'geo'\n"
              "import geo.__main__ as m\n"
              f"os.kill(os.getpid(), {int(signum)})\n"
              "m.run()\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    from geo.__main__ import INTERRUPTED

    assert done.returncode == 130 and done.stderr == INTERRUPTED + "\n", done.stderr


def test_importing_the_entry_point_leaves_the_importer_s_interrupts_alone():
    # A module importing geo.__main__ (a test, a wrapper) keeps Ctrl-C as it was.
    script = ("import signal\n"
              "before = signal.getsignal(signal.SIGINT)\n"
              "import geo.__main__\n"
              "print(signal.getsignal(signal.SIGINT) is before)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "True", done.stderr


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupt_at_any_moment_leaves_the_old_or_the_new_set(tmp_path, signum):
    import shutil

    short = _short_report(tmp_path)
    new, pristine, out = tmp_path / "new", tmp_path / "old", tmp_path / "out"
    assert _build(new, short).wait(timeout=300) == 0
    assert _build(pristine, REPORT_PATH).wait(timeout=300) == 0
    old = _snapshot(pristine)
    seen = set()
    loaded = _entry_point_loaded_s()
    for delay in (loaded + 0.02, loaded + 0.15, 0.8, 1.5, 2.4):
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(pristine, out)
        run = _build(out, short)
        time.sleep(delay)
        run.send_signal(signum)
        _, err = run.communicate(timeout=300)
        started = not (run.returncode == -signum and not err)  # SIGTERM's default action before geo loads
        if not started or ("Traceback" in err and f"{os.sep}geo{os.sep}" not in err.split("Traceback")[1]):
            assert _snapshot(out) == old
            continue  # the interpreter itself was still starting: no program can answer that
        assert "Traceback" not in err, err
        now = _snapshot(out)
        if run.returncode == 0 or err.endswith("new outputs were all in place (the set is complete)\n"):
            assert now == _snapshot(new), (delay, err)
            seen.add("new")
        else:
            assert run.returncode == 130 and "no output was changed" in err.splitlines()[-1], (delay, err)
            assert now == old, delay
            seen.add("old")
    assert "old" in seen  # at least one interrupt landed before the commit


# --------------------------------------------------------------------------- a target that cannot be replaced


class _Crash(BaseException):
    """A kill in the middle of the commit: nothing of geo's own clean-up runs after it."""


def _old_set(root):
    (root / "sub").mkdir(parents=True)
    for name, text in (("a.txt", "old a"), ("sub/b.txt", "old b"), ("z.txt", "old z"), ("stale.txt", "stale")):
        (root / name).write_text(text, encoding="utf-8")
    return _snapshot(root)


def _write_new_set(root):
    """a and sub/b replace old files, c is new, z last, stale is taken away."""
    with outputs.output_set(root):
        for name in ("a.txt", "c.txt", "sub/b.txt", "z.txt"):
            write_text_atomic(root / name, f"new {name}")
        outputs.remove_output(root / "stale.txt")


def _patched_replace(monkeypatch, blocked=None, when="in", crash_at=None):
    """os.replace failing like a file open in Excel for ``blocked`` (moving the new file ``in``, or
    moving a stale output ``aside``), and raising _Crash at call number ``crash_at``; returns the
    list of calls made."""
    real, calls = os.replace, []

    def replace(source, target):
        calls.append((str(source), str(target)))
        if crash_at is not None and len(calls) - 1 == crash_at:
            raise _Crash
        moving_aside = Path(source) == blocked
        moving_in = Path(target) == blocked and not str(source).endswith(".old")
        if blocked is not None and (moving_aside if when == "aside" else moving_in):
            raise PermissionError(1, "Operation not permitted")
        return real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def _leftovers(root):
    return [p.name for p in Path(root).rglob(".geo*")]


_REAL_REPLACE = os.replace


def _reset(root):
    import shutil

    shutil.rmtree(root, ignore_errors=True)
    _old_set(root)
    return root


def test_an_immutable_target_leaves_the_old_set(tmp_path):
    """The real thing where the file system allows it (root on ext4): chattr +i, as a file open on Windows."""
    import shutil

    before = _old_set(tmp_path)
    target = tmp_path / "sub" / "b.txt"
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(target)], capture_output=True).returncode:
        pytest.skip("chattr +i is not available here (needs root and a file system that supports it)")
    try:
        with pytest.raises(InputError, match=r"b\.txt: cannot replace \(Operation not permitted; is it open"):
            _write_new_set(tmp_path)
    finally:
        subprocess.run(["chattr", "-i", str(target)], check=True)
    assert _snapshot(tmp_path) == before
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("blocked, when", [("a.txt", "in"), ("sub/b.txt", "in"), ("z.txt", "in"),
                                           ("stale.txt", "aside")])
def test_a_target_that_cannot_be_replaced_leaves_the_old_set_byte_identical(tmp_path, monkeypatch, blocked, when):
    before = _old_set(tmp_path)
    _patched_replace(monkeypatch, tmp_path / blocked, when)
    with pytest.raises(InputError) as caught:
        _write_new_set(tmp_path)
    assert str(caught.value) == f"{tmp_path / blocked}: cannot replace (Operation not permitted; " \
                                "is it open in another program?)"
    assert _snapshot(tmp_path) == before
    assert _leftovers(tmp_path) == []


def _new_set(tmp_path):
    root = tmp_path / "reference"
    _old_set(root)
    _write_new_set(root)
    return _snapshot(root)


def test_a_commit_killed_at_any_step_is_finished_by_the_next_run(tmp_path, monkeypatch):
    old, new = _old_set(tmp_path / "old"), _new_set(tmp_path)
    calls = _patched_replace(monkeypatch)
    _write_new_set(_reset(tmp_path / "count"))
    for crash_at in range(len(calls)):
        root = _reset(tmp_path / f"run{crash_at}")
        _patched_replace(monkeypatch, crash_at=crash_at)
        with pytest.raises(_Crash):
            _write_new_set(root)
        monkeypatch.setattr(os, "replace", _REAL_REPLACE)
        with outputs.output_set(root):  # the next run
            pass
        assert _snapshot(root) in (old, new), crash_at
        assert _leftovers(root) == [], crash_at
    assert _snapshot(root) == new  # a kill after the journal: the new set wins


def test_a_roll_back_killed_at_any_step_is_finished_by_the_next_run(tmp_path, monkeypatch):
    old, new = _old_set(tmp_path / "old"), _new_set(tmp_path)
    calls = _patched_replace(monkeypatch, tmp_path / "count" / "z.txt")
    with pytest.raises(InputError):
        _write_new_set(_reset(tmp_path / "count"))
    failed = next(i for i, (_, target) in enumerate(calls) if target == str(tmp_path / "count" / "z.txt"))
    assert len(calls) > failed + 2  # the journal turned back, the old files before it put back
    for crash_at in range(failed + 1, len(calls)):
        root = _reset(tmp_path / f"run{crash_at}")
        _patched_replace(monkeypatch, root / "z.txt", crash_at=crash_at)
        with pytest.raises(_Crash):
            _write_new_set(root)
        state = json.loads((root / outputs.JOURNAL_NAME).read_text(encoding="utf-8"))["state"]
        assert state == (journal.FORWARD if crash_at == failed + 1 else journal.BACK)  # failed + 1 switches it
        monkeypatch.setattr(os, "replace", _REAL_REPLACE)
        with outputs.output_set(root):  # the next run (z.txt can be replaced again)
            pass
        assert _snapshot(root) == (new if state == journal.FORWARD else old), crash_at
        assert _leftovers(root) == [], crash_at


def test_an_old_file_that_cannot_be_put_back_is_restored_by_the_next_run(tmp_path, monkeypatch):
    old = _old_set(tmp_path)
    _patched_replace(monkeypatch, tmp_path / "z.txt")
    blocked_z = os.replace
    failures = []

    def restore_fails_once(source, target):
        if Path(target) == tmp_path / "a.txt" and str(source).endswith(".old") and not failures:
            failures.append(source)
            raise PermissionError(1, "Operation not permitted")
        return blocked_z(source, target)

    monkeypatch.setattr(os, "replace", restore_fails_once)
    with pytest.raises(InputError, match=r"a\.txt: cannot put the previous file back \(Operation not permitted\); "
                                         "the next geo run on this folder finishes restoring it"):
        _write_new_set(tmp_path)
    assert (tmp_path / outputs.JOURNAL_NAME).exists() and Path(failures[0]).exists()  # kept for the next run
    monkeypatch.setattr(os, "replace", _REAL_REPLACE)
    with outputs.output_set(tmp_path):
        pass
    assert _snapshot(tmp_path) == old and _leftovers(tmp_path) == []



def test_targets_are_never_missing_while_the_new_set_moves_in(tmp_path, monkeypatch):
    """Each old output stays in place until its new file replaces it in one rename."""
    _old_set(tmp_path)
    real, missing = os.replace, []

    def replace(source, target):
        for name in ("a.txt", "sub/b.txt", "z.txt"):
            if not (tmp_path / name).exists():
                missing.append(name)
        return real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    _write_new_set(tmp_path)
    assert missing == []


def test_old_files_are_copied_aside_where_hard_links_fail(tmp_path, monkeypatch):
    new, root = _new_set(tmp_path), tmp_path / "run"
    _old_set(root)

    def no_link(source, target):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    _write_new_set(root)
    assert _snapshot(root) == new and _leftovers(root) == []


def _dead_pid():
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except OSError:
            pass
        pid += 1


def test_a_commit_killed_midway_is_finished_before_a_build_checks_its_inputs(tmp_path, monkeypatch):
    old, new = _old_set(tmp_path / "old"), _new_set(tmp_path)
    root = _reset(tmp_path / "run")
    _patched_replace(monkeypatch, crash_at=3)  # in the middle of moving the new set in
    with pytest.raises(_Crash):
        _write_new_set(root)
    monkeypatch.setattr(os, "replace", _REAL_REPLACE)
    assert (root / outputs.JOURNAL_NAME).exists() and _snapshot(root) not in (old, new)
    result = CliRunner().invoke(main, ["build", "--out-dir", str(root), "--gazetteer", str(tmp_path / "none.csv")])
    assert result.exit_code == 2 and "none.csv" in result.stderr  # the build fails on its input...
    assert _snapshot(root) == new and _leftovers(root) == []      # ...after making the folder whole


@pytest.mark.parametrize("journal", ['{"moves": [5]}', '{"moves": [{"staged": 1}]}', '{"removes": [{"x": 1}]}',
                                     '[1, 2]', '{"state": "back", "moves": [[null, null]]}', "{not json"])
def test_a_journal_geo_never_writes_stops_the_run_in_one_line_and_is_kept(tmp_path, journal):
    # A damaged or hand-made .geo-commit.json stopped every run in its folder with a TypeError or a
    # KeyError naming nothing, or was dropped without a word.
    (tmp_path / outputs.JOURNAL_NAME).write_text(journal, encoding="utf-8")
    report = _short_report(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(report), "-o", str(tmp_path / "projects.geojson")])
    lines = result.stderr.splitlines()
    assert result.exit_code == 2 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith(f"geo: error: {tmp_path / outputs.JOURNAL_NAME}: "), lines[0]
    assert "not the commit journal of a geo run" in lines[0], lines[0]
    assert (tmp_path / outputs.JOURNAL_NAME).read_text(encoding="utf-8") == journal
    assert not (tmp_path / "projects.geojson").exists()


def test_a_folder_where_the_journal_is_written_stops_the_run_in_one_line(tmp_path):
    # A folder named .geo-commit.json.tmp (copied, or made by a tool) stopped every run with
    # "IsADirectoryError: ... (rerun with --verbose for details)".
    (tmp_path / f"{outputs.JOURNAL_NAME}.tmp").mkdir()
    report = _short_report(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(report), "-o", str(tmp_path / "projects.geojson")])
    lines = result.stderr.splitlines()
    assert result.exit_code == 2 and len(lines) == 1 and "Error" not in lines[0], result.stderr
    assert lines[0].startswith(f"geo: error: {tmp_path / outputs.JOURNAL_NAME}.tmp: "), lines[0]
    assert (tmp_path / f"{outputs.JOURNAL_NAME}.tmp").is_dir() and not (tmp_path / "projects.geojson").exists()


def test_a_journal_naming_files_beside_no_staging_folder_of_theirs_touches_none(tmp_path):
    # A .geo-commit.json in a folder handed on (a zip, a share) listed any file as a stale output:
    # the next geo run in that folder deleted it, wherever it was.
    victims = tmp_path / "elsewhere"
    victims.mkdir()
    for name in ("thesis.docx", "notes.txt", "plan.txt"):
        (victims / name).write_text(name, encoding="utf-8")
    root = tmp_path / "shared"
    stage = root / ".geo-stage-1"
    stage.mkdir(parents=True)
    (stage / "0000.txt").write_text("payload", encoding="utf-8")
    for plan in ({"removes": [str(victims / "thesis.docx")]},  # as earlier versions wrote a stale output
                 {"removes": [{"target": str(victims / "notes.txt"), "backup": str(stage / "r0000.old")}]},
                 {"moves": [{"staged": str(stage / "0000.txt"), "target": str(victims / "plan.txt"),
                             "backup": str(stage / "0000.txt.old"), "old": True}]}):
        (root / outputs.JOURNAL_NAME).write_text(json.dumps(plan), encoding="utf-8")
        with pytest.raises(InputError, match="not the commit journal of a geo run"):
            with outputs.output_set(root):
                pass
    # A staging folder that is a link to another folder: its files would be moved out of there.
    (root / ".geo-stage-2").symlink_to(victims, target_is_directory=True)
    plan = {"moves": [{"staged": str(root / ".geo-stage-2" / "plan.txt"), "target": str(root / "plan.txt"),
                       "backup": None, "old": False}]}
    (root / outputs.JOURNAL_NAME).write_text(json.dumps(plan), encoding="utf-8")
    with pytest.raises(InputError, match="not the commit journal of a geo run"):
        with outputs.output_set(root):
            pass
    assert {p.name: p.read_text(encoding="utf-8") for p in victims.iterdir()} == \
        {"thesis.docx": "thesis.docx", "notes.txt": "notes.txt", "plan.txt": "plan.txt"}


def test_staging_folders_of_killed_runs_are_removed_by_the_next_run(tmp_path):
    _old_set(tmp_path)
    dead, live = f"{outputs.STAGE_PREFIX}{_dead_pid()}", f"{outputs.STAGE_PREFIX}{os.getppid()}"
    for folder in (tmp_path / dead, tmp_path / "sub" / dead, tmp_path / live):
        folder.mkdir()
        (folder / "0001.geojson").write_text("{}", encoding="utf-8")
    _write_new_set(tmp_path)
    assert not (tmp_path / dead).exists() and not (tmp_path / "sub" / dead).exists()
    assert (tmp_path / live / "0001.geojson").exists()  # a running process's stage is left alone


@pytest.mark.parametrize("suffix", ["²", "٣", "99999999999999999999999", "-1", ""])
def test_a_folder_named_like_a_stage_of_no_process_id_is_left_alone(tmp_path, suffix):
    # .geo-stage-² or a number beyond any process id (a copied or hand-made folder) stopped every run
    # in that folder with a ValueError or an OverflowError naming nothing.
    _old_set(tmp_path)
    folder = tmp_path / f"{outputs.STAGE_PREFIX}{suffix}"
    folder.mkdir()
    (folder / "mine.txt").write_text("kept", encoding="utf-8")
    _write_new_set(tmp_path)
    assert (folder / "mine.txt").read_text(encoding="utf-8") == "kept"


# --------------------------------------------------------------------------- an output never overwrites an input


def test_a_catalog_written_over_its_own_report_is_refused_and_the_report_kept(tmp_path):
    report = tmp_path / "report"  # saved without an extension: no name says it is no catalog
    report.write_bytes(REPORT_PATH.read_bytes())
    result = CliRunner().invoke(main, ["extract", str(report), "-o", str(report)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "report" in result.output and "input" in result.output
    assert report.read_bytes() == REPORT_PATH.read_bytes()
    assert not list(tmp_path.glob(".geo-stage-*"))


def test_a_build_writing_over_its_report_is_refused_and_the_report_kept(tmp_path):
    report = tmp_path / "projects.geojson"  # a report saved under the catalog's name
    report.write_bytes(REPORT_PATH.read_bytes())
    result = CliRunner().invoke(main, ["build", "--report", str(report), "--basemap", "none", "--out-dir",
                                       str(tmp_path)])
    assert result.exit_code == 2
    assert "projects.geojson" in result.output.splitlines()[-1]
    assert report.read_bytes() == REPORT_PATH.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["projects.geojson"]


@pytest.mark.parametrize("target", ["projects.geojson", "layers/subdistricts.geojson", "jd.geojson"])
def test_coverage_written_over_a_file_it_reads_is_refused_and_the_file_kept(tmp_path, monkeypatch, target):
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["build", "--basemap", "none"]).exit_code == 0
    (tmp_path / "jd.geojson").write_bytes((tmp_path / "layers" / "subdistricts.geojson").read_bytes())
    before = _snapshot(tmp_path)
    result = CliRunner().invoke(main, ["coverage", "--districts", "jd.geojson", "--name-field", "name",
                                       "--code-field", "code", "--format", "csv", "-o", target])
    assert result.exit_code == 2, result.output
    assert target in result.output.splitlines()[-1] and "input" in result.output.splitlines()[-1]
    assert _snapshot(tmp_path) == before


def test_a_commit_killed_midway_is_finished_before_geo_layers_lists_the_layers(tmp_path, monkeypatch):
    # geo layers read the half-moved set a killed build left (old and new layers side by side).
    old, new = _old_set(tmp_path / "old"), _new_set(tmp_path)
    root = _reset(tmp_path / "run")
    _patched_replace(monkeypatch, crash_at=3)
    with pytest.raises(_Crash):
        _write_new_set(root)
    monkeypatch.setattr(os, "replace", _REAL_REPLACE)
    assert _snapshot(root) not in (old, new)
    result = CliRunner().invoke(main, ["layers", "--layers-dir", str(root / "sub")])
    assert "no layers found" in result.output  # sub/ holds none: said after the repair
    assert _snapshot(root) == new and _leftovers(root) == []


@pytest.mark.skipif(sys.getfilesystemencoding().lower() != "utf-8", reason="names of bytes need a UTF-8 file system")
def test_a_report_and_an_output_folder_named_in_gbk_bytes_are_read_and_written(tmp_path):
    # Unzipped from a Chinese Windows zip, the names are GBK bytes on a UTF-8 system: the lock
    # ("surrogates not allowed"), the journal and the catalog's report name failed on them.
    out = tmp_path / os.fsdecode("报告图".encode("gbk"))
    report = tmp_path / os.fsdecode("天桥区政府工作报告.txt".encode("gbk"))
    report.write_bytes(REPORT_PATH.read_bytes())
    result = CliRunner().invoke(main, ["build", "--report", str(report), "--basemap", "none", "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    catalog = json.loads((out / "projects.geojson").read_text(encoding="utf-8"))
    assert catalog["metadata"]["report"] == "天桥区政府工作报告.txt"
    import openpyxl

    notes = openpyxl.load_workbook(out / "maps_out" / "coverage.xlsx").worksheets[-1]
    assert "天桥区政府工作报告.txt" in {cell for row in notes.iter_rows(values_only=True) for cell in row}
    assert _leftovers(out) == []


@pytest.mark.skipif(sys.getfilesystemencoding().lower() != "utf-8", reason="names of bytes need a UTF-8 file system")
def test_a_catalog_written_under_a_name_of_gbk_bytes_is_reported_in_one_printable_line(tmp_path):
    # "wrote <name>" raised UnicodeEncodeError on a UTF-8 terminal after the commit: exit 2, outputs written.
    name = os.fsdecode("项目.geojson".encode("gbk"))
    result = CliRunner().invoke(main, ["extract", str(REPORT_PATH), "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {tmp_path}/\\udccf\\udcee") and (tmp_path / name).exists()


def test_runs_from_different_folders_writing_one_folder_commit_one_at_a_time(tmp_path, monkeypatch):
    # geo render -o shared/ from two projects: each run locked only its own folder, so their commits
    # could interleave in shared/ (one run's projects.html beside the other's coverage.html).
    monkeypatch.setattr(outputs.settings, "LOCK_WAIT_S", 0.3)
    shared = tmp_path / "shared"
    _old_set(shared)
    before = _snapshot(shared)
    with outputs._run_lock(shared.resolve(), 0, kind="commit"):  # another run moving its files into shared/
        with pytest.raises(InputError, match=r"shared: another geo run has been writing to this folder"):
            with outputs.output_set(tmp_path / "project"):
                write_text_atomic(shared / "a.txt", "new a")
                write_text_atomic(shared / "z.txt", "new z")
    assert _snapshot(shared) == before and _leftovers(shared) == []
    with outputs.output_set(tmp_path / "project"):  # once it is done, this run commits
        write_text_atomic(shared / "a.txt", "new a")
    assert (shared / "a.txt").read_text(encoding="utf-8") == "new a"


def _file_size_limited(limit):
    """For a child process: files it writes stop growing at ``limit`` bytes with an OSError (EFBIG), as
    on a disk or quota that is full, instead of the signal that would kill it."""
    def apply():
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_disk_too_full_for_the_outputs_is_named_in_one_line_and_the_old_set_stays(tmp_path):
    # The error said "OSError: [Errno 28] No space left on device (rerun with --verbose for details)",
    # naming no file: which folder was full, and whether anything was changed, was left to guess.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    subprocess.run(GEO + ["build", "--out-dir", str(tmp_path)], cwd=tmp_path, env=env, check=True, capture_output=True)
    before = _snapshot(tmp_path)
    done = subprocess.run(GEO + ["build", "--basemap", "none", "--out-dir", str(tmp_path)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, preexec_fn=_file_size_limited(50_000))
    assert done.returncode == 2
    assert re.fullmatch(rf"geo: error: {re.escape(str(tmp_path))}/\S+: cannot be written \(File too large\)\n",
                        done.stderr), done.stderr
    assert _snapshot(tmp_path) == before


def test_a_journal_that_cannot_be_written_is_named_in_one_line_and_nothing_moves(tmp_path):
    # A full disk at the commit (the journal is the last file a run writes) showed as "OSError: [Errno 27]
    # File too large", naming no file, and could leave the journal's .tmp behind.
    journal_file = tmp_path / ("j" * 252)  # its .tmp is a name the file system refuses, as a full disk refuses data
    with pytest.raises(InputError, match=r"cannot be written \(File name too long\): no output was changed"):
        journal.write_journal(journal_file, {"state": "forward", "moves": [], "removes": []})
    assert list(tmp_path.iterdir()) == []
