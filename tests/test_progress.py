"""Progress bars: drawn on a terminal for large inputs, silent otherwise, and never changing what is read."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from geo import progress, settings
from geo.io import read_bytes_limited
from geo.vectors import read_vector

CORPUS = Path(__file__).resolve().parent / "bad_inputs"


class _Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def terminal(monkeypatch):
    """geo.progress sees a terminal as stderr, and every input counts as large.

    Patched on geo.progress's own ``sys`` (pytest puts its capture back on ``sys.stderr``
    after fixtures run)."""
    import types

    stream = _Terminal()
    monkeypatch.setattr(progress, "sys", types.SimpleNamespace(stderr=stream))
    monkeypatch.setenv("COLUMNS", "120")  # a StringIO has no window size of its own
    monkeypatch.setattr(settings, "PROGRESS_MIN_BYTES", 1)
    return stream


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch, tmp_path):
    import types

    stream = io.StringIO()
    monkeypatch.setattr(progress, "sys", types.SimpleNamespace(stderr=stream))
    monkeypatch.setattr(settings, "PROGRESS_MIN_BYTES", 1)
    path = tmp_path / "r.txt"
    path.write_bytes("道路".encode() * 1000)
    assert read_bytes_limited(path) == path.read_bytes()
    assert stream.getvalue() == ""


def test_large_report_shows_a_bar_and_reads_the_same_bytes(terminal, tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes("改造提升北园大街。".encode() * 200_000)  # 5.4 MB
    assert read_bytes_limited(path) == path.read_bytes()
    assert "reading report.txt" in terminal.getvalue()


def test_large_districts_file_is_read_in_chunks_under_a_bar(terminal, monkeypatch):
    import geo.vectors

    path = CORPUS / "valid_districts.geojson"
    monkeypatch.setattr(progress, "enabled", lambda: False)
    plain = read_vector(path)
    monkeypatch.setattr(progress, "enabled", lambda: True)
    original = geo.vectors._read_dataframe
    monkeypatch.setattr(geo.vectors, "_read_dataframe", lambda p, kwargs: original(p, kwargs, chunk=1))
    chunked = read_vector(path)
    assert len(plain) > 1 and chunked.equals(plain) and chunked.crs == plain.crs
    assert f"reading {path.name}" in terminal.getvalue()


def test_osm_extract_shows_a_running_count(terminal):
    from geo.osm import load_osm

    fixture = Path(__file__).resolve().parent / "fixtures" / "mini_tianqiao.osm"
    load_osm(fixture)
    assert "reading mini_tianqiao.osm" in terminal.getvalue()
