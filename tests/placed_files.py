"""placed.csv files as the map's panel writes them, and builds that read them (shared by the tests of placed rows and of a planner's review)."""

from __future__ import annotations

import hashlib

from click.testing import CliRunner

from geo.cli import main

HEADER = "name,category,lon,lat,wkt,datum,accuracy_m,source,method"


def placed_csv(folder, *rows, name="placed.csv"):
    """Write ``rows`` under the panel's header into ``folder/name``: UTF-8 with a BOM, CRLF line ends."""
    path = folder / name
    path.write_bytes(("\ufeff" + "\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8"))
    return path


def build(out_dir, *gazetteers):
    """``geo build`` of the default district into ``out_dir`` without a basemap, with ``gazetteers``."""
    args = ["build", "--out-dir", str(out_dir), "--basemap", "none"]
    for path in gazetteers:
        args += ["--gazetteer", str(path)]
    return CliRunner().invoke(main, args)


def digest(folder):
    """``{relative path: sha256}`` of every file under ``folder``: the outputs byte for byte."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def refused_line(built, tmp_path, *gazetteers):
    """The one line of error of ``geo build`` run with ``gazetteers`` over a copy of the outputs in
    ``built``, checking that it stopped (exit 2, no traceback) and left every output as it was."""
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = digest(out)
    result = build(out, *gazetteers)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.stderr
    assert digest(out) == before
    return lines[0]
