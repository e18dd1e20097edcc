"""Output names checked against what Windows allows: the planners who open geo's files (in QGIS, Excel) use it."""

from __future__ import annotations

# What Windows forbids in a file or folder name (and the control characters, below a space).
_FORBIDDEN = '<>:"|?*'
# Device names Windows reserves, with or without an extension: CON.csv is the console.
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}


def windows_name_problem(name: str) -> str | None:
    """What Windows refuses or changes in the file or folder name ``name`` (one part of a path), or None.

    Parameters
    ----------
    name : str
        The name geo is to write (``学校?.csv``), without the folders above it.

    Returns
    -------
    str or None
        ``holds ':', which Windows forbids in a file name`` and the like; None for a name Windows keeps.
    """
    bad = list(dict.fromkeys(char for char in name if char in _FORBIDDEN or ord(char) < 32))
    if bad:
        shown = " and ".join(", ".join(repr(char) for char in bad[:-1]).split(", ") + [repr(bad[-1])]) \
            if len(bad) > 1 else repr(bad[0])
        return f"holds {shown}, which Windows forbids in a file name"
    stem = name.split(".")[0].rstrip(" ")
    if stem.upper() in _RESERVED:
        return f"is named {stem}, a device Windows reserves (a file of that name is the device)"
    if name not in (".", "..") and name.endswith((" ", ".")):
        return f"ends in a {'space' if name.endswith(' ') else 'dot'}, which Windows drops from a file name"
    return None
