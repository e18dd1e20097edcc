#!/usr/bin/env python3
"""Vendor Leaflet.Editable for the map's placing panel: vendor_leaflet_editable.py [leaflet-editable-1.3.2.tgz]

Writes ``geo/render/static/vendor/leaflet.editable.js``: ``src/Leaflet.Editable.js`` of the
npm package leaflet-editable 1.3.2 (WTFPL) with its comments and whitespace stripped by
rjsmin (a tool needed only here: ``pip install rjsmin``), behind a header naming its source
and licence. Without an argument the package is fetched with ``npm pack``. The source file
is checked against its SHA-256, so the output is the same bytes on every machine.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "leaflet-editable@1.3.2"
SOURCE = "package/src/Leaflet.Editable.js"
SOURCE_SHA256 = "e8f0088a80d3e8b70bbd0b4c84f099b2d2eac2278c559f65a3743b8a9245e624"
OUTPUT = Path(__file__).resolve().parents[1] / "geo" / "render" / "static" / "vendor" / "leaflet.editable.js"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", nargs="?", type=Path, help="npm pack output (default: fetch it)")
    args = parser.parse_args()
    import rjsmin

    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.tarball
        if tarball is None:
            name = subprocess.run(["npm", "pack", PACKAGE], cwd=tmp, check=True, capture_output=True,
                                  text=True).stdout.split()[-1]
            tarball = Path(tmp) / name
        with tarfile.open(tarball) as archive:
            source = archive.extractfile(SOURCE).read()
    digest = hashlib.sha256(source).hexdigest()
    if digest != SOURCE_SHA256:
        raise SystemExit(f"{SOURCE} has SHA-256 {digest}, expected {SOURCE_SHA256}")
    header = ("/* Leaflet.Editable 1.3.2 (c) Yohan Boniface, WTFPL licence; "
              "https://github.com/Leaflet/Leaflet.Editable\n"
              f" * npm {PACKAGE} {SOURCE[len('package/'):]} (sha256 {SOURCE_SHA256[:16]}...), comments and\n"
              f" * whitespace stripped by rjsmin {rjsmin.__version__} (scripts/vendor_leaflet_editable.py) */\n")
    OUTPUT.write_text(header + rjsmin.jsmin(source.decode("utf-8")) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
