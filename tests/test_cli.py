"""The command line as a whole: light --help, deterministic builds, and outputs that survive a SIGKILL.

Atomicity contract checked here: killing ``geo build`` at any moment leaves every
previous output either byte-identical or fully replaced by the complete new file, never
truncated. A SIGKILL skips all clean-up, so the temporary files of writes in flight may
remain; they are hidden dot-files (``.projects.geojson.k3j2x.geojson``, ``.school.xyz/``)
that no stage reads and that a later run does not mistake for outputs.
"""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = ["build", "extract", "geocode", "join", "coverage", "render", "layers", "export"]
HEAVY = ("geopandas", "folium", "pyproj", "shapely", "pyogrio", "pandas", "osmium")
OUTPUTS = ("projects.geojson", "layers", "maps_out")


def _geo(args, **kwargs):
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, timeout=300, **kwargs)


def _files(root):
    """Relative path -> bytes of every build output under ``root``."""
    found = {}
    for name in OUTPUTS:
        path = Path(root) / name
        items = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for item in items:
            found[str(item.relative_to(root))] = item.read_bytes()
    return found


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Two complete builds in different directories, by separate processes with different hash seeds."""
    dirs = []
    for seed in ("1", "2"):
        out = tmp_path_factory.mktemp(f"build{seed}")
        result = _geo(["build", "--out-dir", str(out)], env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        (out / "stderr.txt").write_text(result.stderr, encoding="utf-8")  # no output of the build's own
        dirs.append(out)
    return dirs


# --------------------------------------------------------------------------- --help stays light


def test_help_of_every_command_imports_no_heavy_library():
    script = (
        "import json, sys\n"
        "from geo.cli import main\n"
        "report = {}\n"
        f"for args in [[]] + [[c] for c in {COMMANDS!r}]:\n"
        "    try:\n"
        "        main(args + ['--help'], prog_name='geo')\n"
        "    except SystemExit as exc:\n"
        "        code = exc.code\n"
        f"    report[' '.join(args) or 'geo'] = [code, sorted(m for m in {HEAVY!r} if m in sys.modules)]\n"
        "print(json.dumps(report))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert set(report) == {"geo", *COMMANDS}
    assert {name: code for name, (code, _) in report.items()} == {name: 0 for name in report}
    assert {name: loaded for name, (_, loaded) in report.items() if loaded} == {}


def _extract_in_a_fresh_interpreter(tmp_path, text, printed, before="", after="", obj=None):
    """``geo extract`` of ``text`` through ``main`` in a new interpreter: ``before`` runs first, then the
    command (its result in ``code``), then ``after``; the value of the expression ``printed``, read back as
    JSON. The catalog, ``tmp_path / 'projects.geojson'``, is checked to hold the road 青山路."""
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    script = (
        "import gc, json, sys\n"
        "from geo.cli import main\n"
        f"{before}"
        f"code = main(['extract', {str(report)!r}, '-o', {str(tmp_path / 'projects.geojson')!r}], standalone_mode=False, "
        f"obj={obj!r})\n"
        f"{after}"
        f"print(json.dumps({printed}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "qing-shan-lu" in (tmp_path / "projects.geojson").read_text(encoding="utf-8")
    return json.loads(result.stdout.splitlines()[-1])


def test_extract_imports_no_heavy_library_nor_pypinyin_nor_filelock(tmp_path):
    # geo extract reads the bundled pinyin table for ids (pypinyin's import would cost 35 ms of it);
    # its outputs' lock is geo.file_lock's (filelock's import cost every run 75-100 M instructions)
    printed = f"[code, sorted(m for m in {HEAVY + ('pypinyin', 'filelock', 'logging')!r} if m in sys.modules)]"
    assert _extract_in_a_fresh_interpreter(tmp_path, "改造青山路。\n", printed) == [None, []]


@pytest.mark.parametrize("process_ends", [True, False])
def test_extract_runs_with_no_pass_of_the_cyclic_collector(tmp_path, process_ends):
    # Its passes would walk the modules, tables and models loaded, and the records kept, for
    # nothing; the collector is back on for a caller going on, left off when the process ends.
    before = (
        "passes, done = [], []\n"
        "def seen(phase, info):  # a pass once the command has begun (geo.pipeline is its first import)\n"
        "    if phase == 'start' and 'geo.pipeline' in sys.modules and not done:\n"
        "        passes.append(info['generation'])\n"
        "gc.callbacks.append(seen)\n"
    )
    code, passes, enabled = _extract_in_a_fresh_interpreter(
        tmp_path, "改造青山路。\n", "[code, passes, gc.isenabled()]", before=before, after="done.append(1)\n",
        obj={"process_ends": True} if process_ends else None)
    assert code is None and enabled is not process_ends
    # (once back on, one pass may walk it all: of the generation the collector's counters are at, which
    # any import before the command moves; at int36 a run from another folder made it [1])
    assert passes == [] if process_ends else len(passes) <= 1


@pytest.mark.parametrize("process_ends", [True, False])
def test_extract_leaves_its_records_to_the_end_of_a_process_that_ends_with_it(tmp_path, process_ends):
    # Freed one by one they were 10-15 ms of the serial end of 1 MB; os._exit frees nothing.
    code, alive = _extract_in_a_fresh_interpreter(
        tmp_path, "改造青山路。新建白石路小学。\n", "[code, sum(isinstance(o, Record) for o in gc.get_objects())]",
        before="from geo.extract.model import Record\n", after="gc.collect()\n",
        obj={"process_ends": True} if process_ends else None)
    assert code is None and (alive >= 2 if process_ends else alive == 0)


def test_help_through_the_module_entry_point_lists_every_command():
    result = _geo(["--help"])
    assert result.returncode == 0, result.stderr
    for command in COMMANDS:
        assert command in result.stdout


# --------------------------------------------------------------------------- determinism


def test_two_builds_are_byte_identical(builds):
    first, second = (_files(d) for d in builds)
    assert sorted(first) == sorted(second)
    assert any(name.startswith("layers/") for name in first) and any(n.startswith("maps_out/") for n in first)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []


def test_a_build_in_a_pipe_prints_no_stage_lines(builds):
    stderr = (builds[0] / "stderr.txt").read_text(encoding="utf-8")
    assert "extract: reading" not in stderr and "render:" not in stderr
    assert all(line.startswith("warning: ") for line in stderr.splitlines())


@pytest.mark.parametrize("args", [
    ["build", "--report", "/no/such\nreport\x1b[31m.txt", "--out-dir", "new"],
    ["export", "road_rebuild", "--subdistrict", "</script>\n\x1b[2J", "-o", "new/x.geojson"],
])
def test_errors_naming_a_value_with_line_breaks_or_escapes_are_one_line(args, builds):
    result = _geo(args, cwd=builds[0])
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "\x1b" not in result.stderr, result.stderr
    assert result.stderr.startswith("geo: error: ") and "Traceback" not in result.stderr


def test_outputs_do_not_embed_the_output_directory(builds):
    for name, data in _files(builds[0]).items():
        assert str(builds[0]).encode() not in data, name


# --------------------------------------------------------------------------- atomicity under SIGKILL


def _previous_outputs(build, target):
    """Copy a build into ``target``, changed by a trailing newline so 'old' and 'new' differ."""
    old = {}
    for name, data in _files(build).items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data + b"\n")
        old[name] = data + b"\n"
    return old


# Runs `geo build` (its arguments after the watched path) and SIGKILLs it the moment its commit has
# moved the watched output into place: os.replace wrapped in the process itself, so the kill lands
# between two renames of the commit however busy the machine.
_KILLED_AFTER_REPLACING = """
import os, runpy, signal, sys

watched = os.path.realpath(sys.argv.pop(1))
replace = os.replace


def replace_then_die(source, target, *args, **kwargs):
    replace(source, target, *args, **kwargs)
    if os.path.realpath(target) == watched:
        os.kill(os.getpid(), signal.SIGKILL)


os.replace = replace_then_die
sys.argv[0] = "geo"
runpy.run_module("geo", run_name="__main__", alter_sys=True)
"""


def _kill_build_when_replaced(out_dir, watched):
    """Run ``geo build`` on ``out_dir`` and SIGKILL it as soon as ``watched`` has been replaced;
    returns the exit code (``-SIGKILL``, or the build's own when it never replaced ``watched``).

    A watcher polling the file system from outside missed the replacement on a loaded machine:
    the commit's renames take microseconds, and by the watcher's next look the build had ended
    (``build ended (exit 0) without replacing maps_out/coverage.md``). The kill comes from inside
    the build, right after the rename, so it always lands in the middle of the commit.
    """
    process = subprocess.run([sys.executable, "-c", _KILLED_AFTER_REPLACING, str(Path(out_dir) / watched),
                              "build", "--out-dir", str(out_dir)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    return process.returncode


@pytest.mark.parametrize("watched", ["projects.geojson", "layers/subdistricts.geojson", "maps_out/coverage.md",
                                     "maps_out/projects.html", "maps_out/coverage.html"])
def test_sigkill_leaves_every_output_old_or_complete(builds, tmp_path, watched):
    new = _files(builds[0])
    target = tmp_path / "out"
    old = _previous_outputs(builds[0], target)
    returncode = _kill_build_when_replaced(target, watched)
    assert returncode == -signal.SIGKILL, f"build ended (exit {returncode}) without os.replace moving {watched} into place"
    after = {}
    for path in sorted(p for p in target.rglob("*") if p.is_file()):
        name = str(path.relative_to(target))
        if any(part.startswith(".") for part in Path(name).parts):
            continue  # a temporary file of a write the kill interrupted (see module docstring)
        after[name] = path.read_bytes()
    assert sorted(after) == sorted(old), "outputs appeared or vanished"
    broken = [name for name, data in after.items() if data not in (old[name], new[name])]
    assert broken == [], "truncated or invalid after SIGKILL"
    for name, data in after.items():
        if name.endswith(".geojson"):
            json.loads(data)
    # killed in the middle of the commit: the watched output new, some others still old
    assert after[watched] == new[watched] and any(after[name] == old[name] for name in after)


def test_temporaries_of_a_killed_build_are_hidden_and_ignored(builds, tmp_path):
    target = tmp_path / "out"
    _previous_outputs(builds[0], target)
    _kill_build_when_replaced(target, "layers/district_outline.geojson")
    visible = [p for p in target.rglob("*") if not any(s.startswith(".") for s in p.relative_to(target).parts)]
    expected = {target / n for n in _files(builds[0])} | {target / "layers", target / "maps_out"}
    assert set(visible) <= expected
    # What a kill during a layer write leaves behind, made certain: a half-written hidden temporary.
    (target / "layers" / ".school.geojson.k3j2x_9q.geojson").write_text('{"type":"FeatureCo', encoding="utf-8")
    from click.testing import CliRunner

    from geo.cli import main

    result = CliRunner().invoke(main, ["layers", "--layers-dir", str(target / "layers")])
    assert result.exit_code == 0, result.stderr
    listed = {line.split()[0] for line in result.output.splitlines()}
    assert listed == {Path(n).stem for n in _files(builds[0]) if n.startswith("layers/")}
    result = CliRunner().invoke(main, ["export", "all", "--format", "gpkg", "--layers-dir", str(target / "layers"),
                                       "-o", str(tmp_path / "all.gpkg")])
    assert result.exit_code == 0, result.stderr


# --------------------------------------------------------------------------- option errors: one line


def _entry_point(monkeypatch, capsys, args):
    """Run ``geo ARGS`` through the console entry point's own handling, in this process: (exit code, stdout, stderr)."""
    import types

    from geo.__main__ import _run

    monkeypatch.setattr(sys, "argv", ["geo", *args])
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))  # click names the program from it
    try:
        code = _run()
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("args, message", [
    (["export", "road_rebuild", "--format", "kmz"], "--format: 'kmz' is not one of 'geojson', 'gpkg', 'shp', 'csv', 'kml', 'xlsx'"),
    (["build", "--encoding", "latin-9"], "--encoding: 'latin-9' is not one of 'auto', 'utf-8', 'gb18030', 'big5'"),
    (["build", "--max-size", "0"], "--max-size: 0.0 is not in the range x>0"),
    (["extract"], "Missing argument 'REPORT' (see 'geo extract --help')"),
    (["build", "--bogus\n\x1b[2J"], "No such option '--bogus\\n\\x1b[2J' (see 'geo build --help')"),
])
def test_an_option_click_refuses_is_one_line_with_exit_code_2(monkeypatch, capsys, args, message):
    code, _, err = _entry_point(monkeypatch, capsys, args)
    assert code == 2
    assert err == f"geo: error: {message}\n"


@pytest.mark.parametrize("args, option", [(["extract", "-o", "-", "report.txt"], "--output"),
                                          (["coverage", "-o", "-"], "--output"),
                                          (["export", "projects", "-o", "-"], "--output"),
                                          (["render", "-o", "-"], "--out-dir"),
                                          (["build", "--out-dir", "-"], "--out-dir")])
def test_standard_output_as_an_output_is_refused_not_written_as_a_file_named_dash(monkeypatch, capsys, tmp_path,
                                                                                  args, option):
    # geo extract reads standard input as '-'; -o - wrote a file named '-' (coverage '-.txt', export '-.geojson').
    monkeypatch.chdir(tmp_path)
    Path("report.txt").write_text("一、加快北园大街改造。", encoding="utf-8")
    code, _, err = _entry_point(monkeypatch, capsys, args)
    assert code == 2
    assert err == (f"geo: error: {option}: '-' (standard output) is no file or folder: geo writes files, all at once "
                   "when the run ends; give a name\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


LONG_NAME = "路" * 90  # 270 bytes in UTF-8: more than a file's name may hold (255)


@pytest.mark.parametrize("args, named", [(["extract", "report.txt", "-o", f"{LONG_NAME}.geojson"], f"{LONG_NAME}.geojson"),
                                         (["extract", f"{LONG_NAME}.txt"], f"{LONG_NAME}.txt"),
                                         (["export", "school", "--format", "csv", "-o", f"{LONG_NAME}.csv"],
                                          f"{LONG_NAME}.csv"),
                                         (["geocode", "-p", "projects.geojson", "--layers-dir", LONG_NAME], LONG_NAME),
                                         (["build", "--out-dir", LONG_NAME], LONG_NAME)])  # the folder, checked first
def test_a_name_too_long_for_the_file_system_is_one_line_naming_it(monkeypatch, capsys, tmp_path, args, named):
    # 'geo: error: OSError: [Errno 36] File name too long: ... (rerun with --verbose for details)'.
    monkeypatch.chdir(tmp_path)
    Path("report.txt").write_text("一、加快北园大街改造。", encoding="utf-8")
    Path("layers").mkdir()
    code, _, err = _entry_point(monkeypatch, capsys, args)
    assert code == 2
    assert err == (f"geo: error: {named}: is too long a name (File name too long: a file's or folder's name holds 255 "
                   "bytes at most, 85 Chinese characters in UTF-8)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["layers", "report.txt"]


def test_an_unreadable_input_is_one_line_naming_it(monkeypatch, capsys, tmp_path):
    report = tmp_path / "unread.txt"
    report.write_text("一、加快北园大街改造。", encoding="utf-8")
    access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if str(p) == str(report) else access(p, mode, **kw))
    code, _, err = _entry_point(monkeypatch, capsys, ["build", "--report", str(report), "--out-dir", str(tmp_path / "o")])
    assert code == 2
    assert err == f"geo: error: {report}: permission denied (not readable)\n"
    assert not (tmp_path / "o" / "projects.geojson").exists()


def test_help_is_still_shown_in_full(monkeypatch, capsys):
    code, out, _ = _entry_point(monkeypatch, capsys, ["extract", "--help"])
    assert code == 0 and out.startswith("Usage: geo extract [OPTIONS] REPORT") and "--encoding" in out


@pytest.mark.parametrize("command", ["coverage", "render", "join"])
@pytest.mark.parametrize("layers", ["projects.geojson", "layrs"])
def test_a_layers_dir_that_is_a_file_or_missing_is_named_not_replaced_by_bundled_boundaries(tmp_path, monkeypatch,
                                                                                            command, layers):
    # geo render --layers-dir <a file or a typo> drew the bundled approximate 街道, not the official
    # ones geocode stored in layers/, without a word.
    from click.testing import CliRunner

    from geo.cli import main

    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["build", "--basemap", "none"]).exit_code == 0
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    result = CliRunner().invoke(main, [command, "--layers-dir", layers])
    if command == "join" and layers == "layrs":  # join writes the layers: a new folder is its output
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"geo: error: {layers}: ") and result.output.count("\n") == 1
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("args", [["render", "-o", "maps.html"], ["build", "--basemap", "none", "--out-dir", "out.geojson"]])
def test_an_output_folder_named_like_a_file_is_refused(tmp_path, monkeypatch, args):
    # geo render -o maps.html made a folder named maps.html holding index.html, projects.html...
    from click.testing import CliRunner

    from geo.cli import main

    monkeypatch.chdir(tmp_path)
    if args[0] == "render":
        assert CliRunner().invoke(main, ["build", "--basemap", "none"]).exit_code == 0
    before = sorted(p.name for p in tmp_path.iterdir())
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert f"{args[-1]}: names a file" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("name", ["projects.csv", "projects.xlsx", "projects.shp", "projects.gpkg"])
def test_a_catalog_named_as_another_format_is_refused(tmp_path, name):
    # geo extract report.txt -o projects.csv wrote GeoJSON into a .csv: Excel showed JSON text.
    from click.testing import CliRunner

    from geo.cli import main
    from geo.data import REPORT_PATH

    result = CliRunner().invoke(main, ["extract", str(REPORT_PATH), "-o", str(tmp_path / name)])
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "the catalog is GeoJSON" in result.output and "geo export projects" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("option", ["--district-name", "--name-field"])
def test_an_option_typed_in_gbk_on_argv_is_one_line_naming_it_and_the_gbk_text(monkeypatch, capsys, tmp_path, option):
    # A terminal or script in GBK on a UTF-8 system: 'geo: error: UnicodeEncodeError: ... surrogates not allowed'
    # once the outputs were being written (--district-name), or the name shown as '\udcb9\udcc4...'.
    import shutil

    monkeypatch.chdir(tmp_path)
    for name in ("valid_projects.geojson", "valid_districts.geojson"):
        shutil.copy(Path(__file__).parent / "bad_inputs" / name, name)
    typed = os.fsdecode("鼓楼区".encode("gbk"))  # as sys.argv holds the bytes b'\xb9\xc4\xc2\xa5\xc7\xf8'
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _, err = _entry_point(monkeypatch, capsys, ["geocode", "-p", "valid_projects.geojson", "--districts",
                                                      "valid_districts.geojson", "--name-field", "name", option, typed])
    assert code == 2
    assert err == (f"geo: error: {option}: holds bytes that are no UTF-8 (b'\\xb9\\xc4\\xc2\\xa5\\xc7\\xf8'); read as GBK "
                   "they are '鼓楼区': the terminal or script that passed it is not in UTF-8; type it in a UTF-8 "
                   "terminal, or save the script as UTF-8\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_warning_naming_a_10000_character_name_cuts_it_on_the_terminal_line(monkeypatch, capsys, tmp_path):
    # A hand-edited gazetteer's name of 10,000 characters made a warning line of 10 KB.
    import shutil

    monkeypatch.chdir(tmp_path)
    for name in ("valid_projects.geojson", "valid_districts.geojson"):
        shutil.copy(Path(__file__).parent / "bad_inputs" / name, name)
    Path("gaz.csv").write_text(f"name,lon,lat,datum\n{'校' * 10000},117.02,36.70,wgs84\n", encoding="utf-8")
    code, _, err = _entry_point(monkeypatch, capsys, ["geocode", "-p", "valid_projects.geojson", "--districts",
                                                      "valid_districts.geojson", "--name-field", "name", "--gazetteer",
                                                      "gaz.csv"])
    [warning] = [line for line in err.splitlines() if "校" in line]
    assert code == 0 and len(warning) < 600, len(warning)
    assert "校" * 150 in warning and "…(98" in warning and "more characters)" in warning


def test_a_reader_of_the_output_that_leaves_ends_the_run_without_a_word(tmp_path):
    """``geo extract … | head -0``: the summary line meets a closed pipe after the catalog is written;
    the run ends as a Unix tool does (no message, status 141), the catalog whole."""
    report = tmp_path / "report.txt"
    report.write_text("改造青山路、白石路2条道路。\n", encoding="utf-8")
    out = tmp_path / "projects.geojson"
    read, write = os.pipe()
    os.close(read)  # nobody reads: the first write to the pipe fails
    try:
        result = subprocess.run([sys.executable, "-m", "geo", "extract", str(report), "-o", str(out)],
                                stdout=write, stderr=subprocess.PIPE, text=True, timeout=300)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (141, "")
    assert [f["properties"]["name"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]] == ["白石路", "青山路"]
