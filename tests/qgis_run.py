"""Real QGIS for the tests: a PyQGIS script run by the system Python, offscreen; the test is skipped without it
(fails instead when ``GEO_REQUIRE_QGIS`` is set, as under CI).

Debian's ``python3-qgis`` (QGIS 3.22 on bookworm) is built for the system Python, not the
project's virtual environment, so each check runs in a subprocess. The script sees the file
paths as ``sys.argv[1:]``, prints what the test compares, and may call ``log()`` to print what
QGIS wrote to its message log (the warnings a planner sees in the Log Messages panel).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

PYTHON = "/usr/bin/python3"

_PRELUDE = """
import os, sys
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
_messages = []
QgsApplication.messageLog().messageReceived.connect(lambda text, tag, level: _messages.append((tag, text)))

def log():
    for tag, text in _messages:
        print("LOG", tag, " ".join(text.split()))
    _messages.clear()

"""
_EPILOGUE = """
sys.stdout.flush()
os._exit(0)  # QGIS 3.22 can crash while tearing down offscreen; everything is printed by now
"""


def require_qgis() -> None:
    """Skip the test when PyQGIS is missing (fail instead under ``GEO_REQUIRE_QGIS``): call it before slow set-up."""
    probe = subprocess.run([PYTHON, "-c", "import qgis.core"], capture_output=True) if Path(PYTHON).exists() else None
    if probe is None or probe.returncode != 0:
        if os.environ.get("GEO_REQUIRE_QGIS"):
            pytest.fail("GEO_REQUIRE_QGIS is set but PyQGIS (Debian python3-qgis) is missing")
        pytest.skip("PyQGIS (Debian python3-qgis) is not installed")


def run_in_qgis(script: str, *args) -> list:
    """The lines ``script`` prints, run in real QGIS with ``args`` as ``sys.argv[1:]``."""
    require_qgis()
    result = subprocess.run([PYTHON, "-c", _PRELUDE + script + _EPILOGUE, *map(str, args)], capture_output=True,
                            text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr, result.stderr
    return result.stdout.splitlines()


def delimited_text_uri(path, **options) -> str:
    """The URI QGIS's Data Source Manager (Delimited Text) gives a CSV, with ``options`` such as
    ``wktField="wkt"`` or ``geomType="none"`` (detect field types on, as the dialog has it)."""
    from urllib.parse import quote

    query = {"type": "csv", "detectTypes": "yes", **options, "spatialIndex": "no", "subsetIndex": "no",
             "watchFile": "no"}
    return Path(path).resolve().as_uri() + "?" + "&".join(f"{k}={quote(str(v), safe=':')}" for k, v in query.items())
