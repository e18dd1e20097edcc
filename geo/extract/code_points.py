"""A long text's characters as an array of code points, for what is looked for a character at a time.

A pattern of one character class searched over the whole text is tried at every position (and one
with a look-behind at every character it opens with): over a long text, which characters it holds and
where a few of them stand are found faster by array operations, each answer the one the pattern gives.
"""

from __future__ import annotations

# Texts shorter than this are read by their patterns (the arrays cost more than they save).
ARRAY_MIN_CHARS = 4096


class CodePoints:
    """The code points of a text and the distinct characters it holds.

    Parameters
    ----------
    text : str
        The text (any length; worth it from :data:`ARRAY_MIN_CHARS` characters).

    Attributes
    ----------
    codes : numpy.ndarray
        The text's code points (uint32), one a character (a lone surrogate as its code point).
    chars : str
        The distinct characters of the text, in the order of their code points.
    """

    def __init__(self, text):
        import numpy as np

        self.codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        # (counted: a count per code point up to the text's highest, 65k of them without characters beyond the BMP)
        self.chars = "".join(map(chr, np.flatnonzero(np.bincount(self.codes)).tolist()))

    def holds(self, pattern):
        """True when a character of the text matches ``pattern`` (one character class)."""
        return pattern.search(self.chars) is not None

    def members(self, pattern):
        """The characters of the text that match ``pattern`` (one character class), as a string."""
        return "".join(pattern.findall(self.chars))

    def positions(self, pattern):
        """Where the characters matching ``pattern`` (one character class) stand, in order."""
        import numpy as np

        members = self.members(pattern)
        if not members:
            return []
        return np.flatnonzero(_any_of(self.codes, members)).tolist()

    def after(self, first, then):
        """The positions of the characters matching ``then`` right after one matching ``first`` (two
        character classes), in order: where ``first`` at the position before and ``then`` match."""
        import numpy as np

        firsts, thens = self.members(first), self.members(then)
        if not firsts or not thens:
            return []
        at = np.flatnonzero(_any_of(self.codes[:-1], firsts)) + 1
        return at[_any_of(self.codes[at], thens)].tolist()


def _any_of(codes, chars):
    """Which of ``codes`` are the code point of a character of ``chars``: a comparison a character
    when they are few (numpy's ``isin`` costs four times as much for seven), else ``isin``."""
    import numpy as np

    if len(chars) > _FEW:
        return np.isin(codes, [ord(char) for char in chars])
    found = codes == ord(chars[0])
    for char in chars[1:]:
        found |= codes == ord(char)
    return found


_FEW = 16
