"""OSM XML packed in a way osmium cannot unpack: bzip2 of several streams (pbzip2, lbzip2, the planet's files), read as one copy."""

from __future__ import annotations

import re
from pathlib import Path

# The start of a bzip2 stream after the first: its header ("BZh" and the block size) and the magic of its first
# block, or of its end (an empty stream). Ten bytes that compressed data holds by chance about once in 2^80.
_STREAM_START = re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)")
_PIECE_BYTES = 1 << 22


def is_multistream_bzip2(path) -> bool:
    """True when the bzip2 file ``path`` holds more than one stream (as parallel bzip2 writes it, the OSM
    planet's ``.osm.bz2`` among them), of which osmium unpacks only the first: it then stops with an XML
    error in the middle of the file (``unclosed token``). A search of the packed bytes, none unpacked."""
    tail = b""
    with open(path, "rb") as handle:
        handle.seek(1)  # the first stream's header is at the start
        while chunk := handle.read(_PIECE_BYTES):
            if _STREAM_START.search(tail + chunk):
                return True
            tail = chunk[-9:]
    return False


def single_stream_copy(path, folder) -> Path:
    """A gzip copy (fast to write, and osmium reads it) in ``folder`` of the multistream bzip2 file ``path``,
    unpacked by Python's reader, which reads every stream."""
    import bz2
    import gzip
    import shutil

    copy = Path(folder) / "extract.osm.gz"
    with bz2.open(path, "rb") as source, gzip.open(copy, "wb", compresslevel=1) as target:
        shutil.copyfileobj(source, target, _PIECE_BYTES)
    return copy
