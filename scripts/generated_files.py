"""Writing a generated data file, or checking it is up to date: what the scripts/make_*.py share."""

from __future__ import annotations

import argparse
from pathlib import Path


def write_or_check(description, path: Path, make_text, source: str) -> int:
    """Write ``make_text()`` to ``path``, or with ``--check`` only say whether the file already holds it.

    Parameters
    ----------
    description : str
        The script's one-line description, for ``--help``.
    path : Path
        The generated file, inside the repository.
    make_text : callable
        Returns the file's text.
    source : str
        What the file is made from, named when it differs (``pypinyin``).

    Returns
    -------
    int
        The exit code: 0 when written or up to date, 1 when ``--check`` finds the file differs.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="only say whether the file is up to date")
    args = parser.parse_args()
    text = make_text()
    shown = path.relative_to(Path(__file__).resolve().parents[1])
    if args.check:
        same = path.exists() and path.read_text(encoding="utf-8") == text
        print(f"{shown}: {'up to date' if same else 'differs from ' + source}")
        return 0 if same else 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {shown} ({len(text.encode('utf-8')):,} bytes)")
    return 0
