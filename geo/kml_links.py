"""KML NetworkLinks to documents at hand: a KMZ's doc.kml linking to KML documents the archive carries (Google Earth packs a local link's file into files/), a KML linking to a file beside it."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from geo.io import file_version, warn

_HREF = re.compile(rb"<href>\s*(.*?)\s*</href>", re.S)
_SCHEME = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]+:")  # http:, https:, ftp:, file: (a drive letter C: is one letter)
_ABSOLUTE = re.compile(r"\A(?:file:(?://)?/*)?(?:[A-Za-z]:)?[/\\]", re.I)  # file:///C:/…, C:\…, /home/…


def hrefs(document: bytes) -> list:
    """The ``<href>`` targets of a KML ``document``, as text (decoded in the codec its declaration names; XML's
    ``&amp;`` and percent escapes undone)."""
    from urllib.parse import unquote

    from geo.kml_encoding import declared_encoding

    codec = {"gbk": "gb18030", "gb2312": "gb18030", "gb18030": "gb18030", "big5": "big5hkscs"}.get(
        (declared_encoding(document) or "utf-8").lower(), "utf-8")
    return [unquote(href.decode(codec, "replace").replace("&amp;", "&")) for href in _HREF.findall(document)]


def archive_links(document: bytes, member: str, members) -> list | None:
    """The KML members of an archive that the link-only ``document`` (the archive's ``member``) links to, each
    resolved against the member's folder as Google Earth does (``files/jd.kml``); None when a link is remote, or
    names no KML document among ``members``."""
    folder = member.rpartition("/")[0]
    found = []
    for href in hrefs(document):
        if _SCHEME.match(href) or _ABSOLUTE.match(href):
            return None
        parts = [p for p in f"{folder}/{href.replace(chr(92), '/')}".split("/") if p not in ("", ".")]
        if ".." in parts:
            return None
        target = "/".join(parts)
        match = next((name for name in members if name.lower() == target.lower()), None)
        if match is None or not match.lower().endswith(".kml"):
            return None
        found.append(match)
    return list(dict.fromkeys(found)) or None


def files_linked(path, document: bytes) -> list | None:
    """The KML or KMZ files beside the KML ``path`` that its link-only ``document`` links to: a relative link to a
    file in its folder or below, or a link to another machine's path (Google Earth writes a local link's whole path,
    ``C:\\Users\\…\\边界.kml``) whose file name lies beside it (said in a warning); None when a link is a web address
    or names no such file."""
    path = Path(path)
    found, moved = [], []
    for href in hrefs(document):
        name = href.replace("\\", "/")
        if _ABSOLUTE.match(href) or name.lower().startswith("file:"):
            target, relative = path.parent / name.rpartition("/")[2], False
        elif _SCHEME.match(href):
            return None
        else:
            parts = [p for p in name.split("/") if p not in ("", ".")]
            if not parts or ".." in parts:
                return None
            target, relative = path.parent.joinpath(*parts), True
        if target.suffix.lower() not in (".kml", ".kmz") or not target.is_file() or target.resolve() == path.resolve():
            return None
        if not relative:
            moved.append((href, target.name))
        found.append(target)
    if moved:
        _say_moved(str(path), file_version(path), tuple(moved))
    return list(dict.fromkeys(found)) or None


@functools.lru_cache(maxsize=16)
def _say_moved(path, version, moved):
    """Said once per version of the KML (its links are looked at by every reading of it)."""
    shown = "、".join(f"{href[:80]} as {name}" for href, name in moved[:3])
    warn(f"{path}: holds only NetworkLinks to files on another computer; read the files of their names beside it "
         f"({shown})")


def missing_link(path, document: bytes):
    """What to do of the first link of ``document`` (the KML ``path``'s, or a KMZ's first document) that names a
    file geo does not read, when it is no web address: ``the file it names, 边界.kml, is not beside it: copy it with
    the KML, or give that file``; None for a web address (Google Earth fetches it)."""
    path = Path(path)
    for href in hrefs(document):
        name = href.replace("\\", "/")
        if _SCHEME.match(href) and not name.lower().startswith("file:"):
            continue
        shown = re.sub(r"[\x00-\x1f\x7f]", "", name.rpartition("/")[2])[:80]
        if path.suffix.lower() != ".kml":
            return f"the file it names, {shown}, is not in the archive: give that file"
        if ".." in name.split("/") and not _ABSOLUTE.match(href):
            return f"the file it names, {shown}, lies outside its folder, which geo does not follow: give that file"
        if not shown.lower().endswith((".kml", ".kmz")):
            return f"the file it names, {shown}, is no KML or KMZ: give that file"
        if not (path.parent / name).is_file() and not (path.parent / shown).is_file():
            return f"the file it names, {shown}, is not beside it: copy it with the KML, or give that file"
    return None
