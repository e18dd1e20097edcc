"""Place names in one matching form: the one normaliser shared by extraction and gazetteer matching.

A name as written in a report (Traditional or Simplified, full-width or ASCII, with brackets,
quotes and spaces) and a gazetteer name are compared in their *matching form*: Traditional
characters converted to Simplified (one OpenCC converter for the whole project), NFKC
(full-width letters, digits and brackets to ASCII), and no spaces, quotes, brackets, dots or
dashes, Latin letters in lower case. So ``北园大街（东段）``, ``北園大街(東段)`` and
``北园大街东段`` are one name.

:func:`simplified_with_offsets` is the text-level form used by extraction: Simplified and NFKC
with a map from each character back to the original text, so rules match one form while names
and quotes keep what the report wrote.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Characters that never tell two names apart: spaces, quotes, brackets, middle dots, dashes.
_STRIP = re.compile(r"[\s\u3000\"'“”‘’《》「」『』〈〉（）()\[\]【】·•\-—–_~～]")


@functools.lru_cache(maxsize=1)
def _converter():
    """The OpenCC Traditional -> Simplified converter, or None without OpenCC."""
    try:
        import opencc
    except ImportError:  # matching then only works on Simplified text
        return None
    return opencc.OpenCC("t2s")


def _needs_conversion(text):
    """False for text that OpenCC cannot change: ASCII, or no CJK ideograph at all."""
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def to_simplified(text: str) -> str:
    """Traditional -> Simplified, one character for one character, so offsets stay valid.

    OpenCC converts phrases and is length-preserving for Chinese in practice; a line where it
    is not is converted character by character instead.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The text in Simplified characters, of the same length as ``text``.
    """
    converter = _converter()
    if converter is None or not _needs_conversion(text):
        return text
    out = []
    for line in text.split("\n"):
        converted = converter.convert(line) if _needs_conversion(line) else line
        if len(converted) != len(line):
            converted = "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in line)
        out.append(converted)
    return "\n".join(out)


def simplified_with_offsets(text: str):
    """(NFKC Simplified text, origin) where ``origin[i]`` is the index in ``text`` of character i.

    NFKC may expand one character into several (㈠ -> ``(一)``); all of them map back to it.
    NFKC comes first (compatibility ideographs become ordinary ones), then OpenCC.
    """
    if text.isascii():
        return text, list(range(len(text)))
    out, origin = [], []
    for index, char in enumerate(text):
        mapped = unicodedata.normalize("NFKC", char) if not char.isascii() else char
        if mapped == char or not mapped:
            out.append(char)
            origin.append(index)
        else:
            out.append(mapped)
            origin.extend([index] * len(mapped))
    return to_simplified("".join(out)), origin


@functools.lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The matching form of a place name.

    Parameters
    ----------
    name : str
        A name as written (report, gazetteer file, OSM tag).

    Returns
    -------
    str
        Simplified, NFKC, without spaces, quotes, brackets, dots or dashes, lower case:
        ``北園大街（東段）`` -> ``北园大街东段``.
    """
    simplified, _ = simplified_with_offsets(str(name))
    return _STRIP.sub("", simplified).lower()
