"""Every tunable of geo in one place: limits, tolerances in metres, rendering and output settings."""

from __future__ import annotations

# --- outputs, runs and rendering (lead)

# A second geo run on the same folder waits this long for the first to finish, then gives up.
LOCK_WAIT_S = 120.0
# Reports larger than this are refused (override with --max-size or GEO_MAX_REPORT_MB).
MAX_REPORT_MB = 50.0
