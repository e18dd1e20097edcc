"""Progress bars on stderr for long work (large inputs, many features): shown on a terminal, silent otherwise."""

from __future__ import annotations

import contextlib
import sys

from geo import settings


def enabled() -> bool:
    """Bars are drawn only when stderr is a terminal and progress is not turned off in settings."""
    return settings.PROGRESS and hasattr(sys.stderr, "isatty") and sys.stderr.isatty()


@contextlib.contextmanager
def bar(total, description: str, *, unit="B", threshold=None):
    """A tqdm bar for ``total`` units of work, or a no-op when small or not on a terminal.

    Parameters
    ----------
    total : int
        Units of work (bytes by default).
    description : str
        What is being done, e.g. "reading report.txt".
    unit : str, default "B"
        ``"B"`` scales to kB/MB; anything else counts items.
    threshold : int, optional
        Below this total no bar is drawn (default :data:`geo.settings.PROGRESS_MIN_BYTES`
        for bytes, :data:`geo.settings.PROGRESS_MIN_ITEMS` otherwise).

    Yields
    ------
    callable
        ``advance(n)``: n more units done.
    """
    if threshold is None:
        threshold = settings.PROGRESS_MIN_BYTES if unit == "B" else settings.PROGRESS_MIN_ITEMS
    if not total or total < threshold or not enabled():
        yield lambda n=1: None
        return
    from tqdm import tqdm

    with tqdm(total=total, desc=description, unit=unit, unit_scale=unit == "B", leave=False,
              file=sys.stderr, dynamic_ncols=True) as progress:
        yield progress.update


@contextlib.contextmanager
def counter(description: str, *, size_bytes: int, unit="objects"):
    """A running count (no known total) for streaming a large file, e.g. an OSM extract.

    Shown only when the file is at least :data:`geo.settings.PROGRESS_MIN_BYTES` and stderr
    is a terminal. Yields ``advance(n)``.
    """
    if size_bytes < settings.PROGRESS_MIN_BYTES or not enabled():
        yield lambda n=1: None
        return
    from tqdm import tqdm

    with tqdm(desc=description, unit=unit, unit_scale=True, leave=False, file=sys.stderr,
              dynamic_ncols=True, mininterval=0.5) as progress:
        yield progress.update
