"""Regex programs kept between runs: CPython's patterns, without parsing and compiling them again."""

import json
import os
import re
import subprocess
import sys
import textwrap

import geo.extract  # noqa: F401 - its patterns go through the front
from geo.extract import extension_gate
from geo import regex_programs

_compiler = regex_programs._sre_compiler
ORIGINAL = _compiler.compile.__wrapped__

# In a fresh interpreter: import the extractor, extract a line, and say how many patterns were
# parsed after the front was put in place, whether the cache file is there, and the catalog's names.
RUN = textwrap.dedent("""
    import json, sys
    from geo import regex_programs
    parsed, gate = [], []
    real = regex_programs._sre_parser.parse

    def counted(*a, **k):
        # the extension gate reads its sources' first characters from their parse, by design, once a process
        (gate if sys._getframe(1).f_globals.get("__name__") == "geo.extract.extension_gate" else parsed).append(1)
        return real(*a, **k)

    regex_programs._sre_parser.parse = counted
    import geo.extract
    geo.extract._load_models()
    names = [f["properties"]["name"] for f in geo.extract.extract_projects("新建青山路、白石路2条道路，改造青山小学。")]
    print(json.dumps([len(parsed), regex_programs.cache_path().is_file(), names, len(gate)]))
""")


def _run(home):
    env = {**os.environ, "HOME": str(home)}
    out = subprocess.run([sys.executable, "-c", RUN], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.splitlines()[-1])


def test_every_program_kept_gives_cpython_s_pattern():
    assert len(regex_programs._programs) > 250  # the package's patterns, compiled or read
    for (pattern, flags), program in regex_programs._programs.items():
        kept, compiled = regex_programs._sre.compile(pattern, *program), ORIGINAL(pattern, flags)
        assert kept == compiled and kept.groupindex == compiled.groupindex and kept.groups == compiled.groups


def test_a_run_keeps_the_programs_and_the_next_parses_none_of_them(tmp_path):
    parsed, kept, names, gate = _run(tmp_path)
    assert parsed > 300 and kept
    assert 0 < gate <= len(extension_gate._extension_sources()[1])  # (the gate's own sources, each read once)
    again, kept, same, gate = _run(tmp_path)
    assert again < 10 and kept and same == names  # (only patterns the rules compile when they first run)
    assert gate == 0  # (the gate's sets kept with the programs: no source of theirs parsed again)
    assert "青山路" in names


def test_the_gate_s_sets_are_kept_and_a_corrupt_or_foreign_file_of_them_is_derived_again(tmp_path):
    # the sets the gate derives from its sources' parse are kept beside the programs; a file that is
    # not of them (corrupt, cut, of another hash or of another shape) is never trusted: they are
    # derived again (the same sets as a run without any cache) and the file written again
    _run(tmp_path)
    path = next((tmp_path / ".cache" / "geo").glob("extension-gate-*"))
    good = path.read_bytes()
    import marshal

    build, key, value = marshal.loads(good)
    for content in (b"not marshal", b"", good[:100], marshal.dumps((build, "another hash", value)),
                    marshal.dumps((build, key, (frozenset({"猫"}),) * 3)), marshal.dumps(("another build", key, value))):
        path.write_bytes(content)
        _, _, names, gate = _run(tmp_path)
        assert gate > 0 and "青山路" in names and marshal.loads(path.read_bytes()) == (build, key, value)


def test_the_patterns_a_part_compiles_on_first_use_are_compiled_and_kept_before_the_fork(tmp_path):
    # The converter's patterns, the characters a mention can end with, a cued head's lists: compiled
    # by _load_models (before the worker is forked) while recording, so that the next run's parts,
    # in both processes, parse none of them.
    script = ("import geo.extract\n"
              "from geo import regex_programs\n"
              "geo.extract._load_models()\n"
              "parsed = []\n"
              "real = regex_programs._sre_parser.parse\n"
              "regex_programs._sre_parser.parse = lambda *a, **k: parsed.append(a[0]) or real(*a, **k)\n"
              "geo.extract.extract_projects('青山变、白石变2座变电站扩建。白石路改造。')\n"
              "print(len(parsed))\n")
    env = {**os.environ, "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[-1] == "0"  # (no cache yet: all of them compiled before the text is read)
    assert _run(tmp_path)[1]  # (and kept)


def test_a_file_of_another_build_or_not_of_programs_is_no_cache(tmp_path):
    _run(tmp_path)
    path = next((tmp_path / ".cache" / "geo").glob("regex-programs-*"))
    for content in (b"not marshal", b"", path.read_bytes()[:1000]):
        path.write_bytes(content)
        parsed, kept, names, _ = _run(tmp_path)
        assert parsed > 300 and kept and "青山路" in names  # compiled as CPython compiles them, and kept again
    import marshal

    path.write_bytes(marshal.dumps(("another build", {("x", 0): (0, [1], 0, {}, ())})))
    assert regex_programs._read(path) == {}


def test_the_programs_file_is_read_whole_not_an_object_at_a_time(tmp_path, monkeypatch):
    # marshal.load(file) asks the file for every object it reads (22 ms of start-up for 440 KB);
    # read whole and loaded from bytes it is 1.5 ms
    import io
    import marshal

    path = tmp_path / "programs.marshal"
    programs = {(f"p{i}", 0): (0, list(range(40)), 0, {}, ()) for i in range(500)}
    path.write_bytes(marshal.dumps((regex_programs._BUILD, programs)))
    calls = []

    class Counted(io.FileIO):
        def read(self, *args):
            calls.append("read")
            return super().read(*args)

        def readinto(self, buffer):
            calls.append("readinto")
            return super().readinto(buffer)

    monkeypatch.setattr(regex_programs, "open", lambda p, mode="rb": Counted(p, mode), raising=False)
    assert regex_programs._read(path) == programs
    assert len(calls) <= 3


def test_a_cache_folder_that_cannot_be_written_is_no_error(tmp_path):
    home = tmp_path / "home"
    home.write_text("a file where the folder would be", encoding="utf-8")
    parsed, kept, names, _ = _run(home)
    assert parsed > 300 and not kept and "青山路" in names


def test_install_leaves_a_compiler_that_compiles_otherwise_alone(monkeypatch):
    def other(p, flags=0):  # (an interpreter whose programs the front would not write as it does)
        return ORIGINAL(p, flags | re.IGNORECASE)

    monkeypatch.setattr(_compiler, "compile", other)
    monkeypatch.setattr(regex_programs, "_programs", {})
    assert regex_programs.install() is False
    assert _compiler.compile is other


def test_the_package_s_patterns_are_the_same_strings_whatever_the_hash_seed(tmp_path):
    # A pattern joined from a set in its order would be another string (another key) in each run,
    # compiled again and the file written again every time.
    script = ("import hashlib, geo.extract\n"
              "from geo import regex_programs\n"
              "geo.extract._load_models()\n"
              "keys = sorted(repr(key) for key in regex_programs._used)\n"
              "print(len(keys), hashlib.sha1('\\n'.join(keys).encode('utf-8', 'surrogatepass')).hexdigest())\n")
    seen = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "HOME": str(tmp_path), "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
        assert out.returncode == 0, out.stderr
        seen.add(out.stdout.split()[-1])
    assert len(seen) == 1


def test_a_user_without_a_home_folder_extracts_with_no_programs_kept():
    # No HOME and no entry in the password database (a container's arbitrary user): Path.home()
    # raises, and the import of the extractor must not.
    script = ("import pathlib\n"
              "def no_home(cls=None):\n"
              "    raise RuntimeError('Could not determine home directory.')\n"
              "pathlib.Path.home = classmethod(no_home)\n"
              "import geo.extract\n"
              "from geo import regex_programs\n"
              "names = [f['properties']['name'] for f in geo.extract.extract_projects('改造青山小学。')]\n"
              "print(regex_programs.cache_path(), regex_programs.save(), names)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["None", "False", "['青山小学']"]
