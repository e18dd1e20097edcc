"""Output names Windows refuses, or reads as something else (geo.file_names): the planners who open the files use it."""

import pytest

from geo.data import REPORT_PATH
from test_cli import _entry_point


@pytest.mark.parametrize("name, said", [
    ("青山县:学校.geojson", "holds ':', which Windows forbids in a file name"),
    ("学校?.geojson", "holds '?', which Windows forbids in a file name"),
    ('白石路"改造".geojson', "holds '\"', which Windows forbids in a file name"),
    ("a<b>.geojson", "holds '<' and '>', which Windows forbids in a file name"),
    ("CON.geojson", "is named CON, a device Windows reserves (a file of that name is the device)"),
    ("aux.geojson", "is named aux, a device Windows reserves (a file of that name is the device)"),
    ("学校.geojson ", "ends in a space, which Windows drops from a file name")])
def test_an_output_name_windows_forbids_is_refused_before_the_run(tmp_path, monkeypatch, capsys, name, said):
    # Written as named: a file Windows cannot open or copy (on Windows, ':' wrote a hidden stream of a file
    # '青山县', CON the console, and '?' failed with 'OSError: [Errno 22] Invalid argument').
    monkeypatch.chdir(tmp_path)
    code, _, err = _entry_point(monkeypatch, capsys, ["extract", str(REPORT_PATH), "-o", name])
    assert code == 2 and err == \
        f"geo: error: --output: {name!r} {said}: the file could not be opened or copied there; name it otherwise\n"
    assert list(tmp_path.iterdir()) == []


def test_an_existing_output_and_folders_above_it_are_not_judged_by_their_names(tmp_path, monkeypatch, capsys):
    # A folder of the user's own (a mount named 'data:2') is where it is; the name geo writes is checked.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data:2").mkdir()
    code, _, err = _entry_point(monkeypatch, capsys, ["extract", str(REPORT_PATH), "-o", "data:2/projects.geojson"])
    assert code in (0, None) and (tmp_path / "data:2" / "projects.geojson").is_file(), err


@pytest.mark.parametrize("name", ["学校.", "学校 ", "lpt1.csv"])
def test_names_windows_changes_or_reserves_are_named(name):
    from geo.file_names import windows_name_problem

    assert windows_name_problem(name) is not None
    assert windows_name_problem("学校.csv") is None and windows_name_problem("CONTROL.csv") is None
