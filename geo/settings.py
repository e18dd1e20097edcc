"""Every tunable of geo in one place: limits, tolerances in metres, rendering and output settings."""

from __future__ import annotations

# --- outputs, runs and rendering (lead)

# A second geo run on the same folder waits this long for the first to finish, then gives up.
LOCK_WAIT_S = 120.0
# Reports larger than this are refused. None: the GEO_MAX_REPORT_MB environment variable,
# else DEFAULT_MAX_REPORT_MB; --max-size sets it for one command.
MAX_REPORT_MB = None
DEFAULT_MAX_REPORT_MB = 50.0
# Progress bars (on stderr, only on a terminal) for inputs over this size or this many items.
PROGRESS = True
PROGRESS_MIN_BYTES = 5_000_000
PROGRESS_MIN_ITEMS = 2_000

