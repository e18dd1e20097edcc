"""Look-ups of words in text: a tuple of words with a set's ``in``, and an index of the words opening or ending at a position."""


class Words(tuple):
    """Words in order: a tuple (for ``str.startswith`` and ``str.endswith``) whose ``in`` looks
    the word up in a set instead of comparing it with every word.

    The first ``in`` gives the words a class of their own whose ``__contains__`` is their set's
    (a C call: a Python method would open a frame for each look-up, ~1,100 instructions against
    ~400; the rules ask 126k of them in 1 MB of text, of 27 lists). Lists are made once, at import.
    """

    def __new__(cls, items=()):
        self = super().__new__(cls, items)
        self._set = frozenset(self)
        return self

    def __contains__(self, word):
        self.__class__ = _set_answered(type(self), self._set)
        return word in self._set

    def __add__(self, other):
        return Words(tuple(self) + tuple(other))

    def __reduce__(self):
        return Words, (tuple(self),)


def _set_answered(cls, words):
    """A subclass of ``cls`` (same layout) whose ``in`` is ``words.__contains__``."""
    return type(cls.__name__, (cls,), {"__slots__": (), "__contains__": words.__contains__,
                                       "__module__": cls.__module__, "__qualname__": cls.__qualname__})


class WordIndex:
    """Constant-time look-up of the words of a set at a position: by length, longest first.

    The lengths tried at a position are those of the words starting (or ending) with the
    character there.
    """

    def __init__(self, items):
        self.words = frozenset(items)
        self.lengths = tuple(sorted({len(w) for w in self.words}, reverse=True))
        by_first, by_last = {}, {}
        for word in self.words:
            if word:
                by_first.setdefault(word[0], set()).add(len(word))
                by_last.setdefault(word[-1], set()).add(len(word))
        self.by_first = {c: tuple(sorted(n, reverse=True)) for c, n in by_first.items()}
        self.by_last = {c: tuple(sorted(n, reverse=True)) for c, n in by_last.items()}
        self.firsts = frozenset(self.by_first)
        self.lasts = frozenset(self.by_last)

    def at(self, text, pos):
        """The longest word starting at ``pos``, or None."""
        lengths = self.by_first.get(text[pos:pos + 1])
        if lengths is None:
            return None
        words = self.words
        for length in lengths:
            word = text[pos:pos + length]
            if word in words:
                return word
        return None

    def all_at(self, text, pos):
        """Every word starting at ``pos``, longest first."""
        lengths = self.by_first.get(text[pos:pos + 1])
        if lengths is None:
            return []
        return [text[pos:pos + n] for n in lengths if text[pos:pos + n] in self.words]

    def first_in(self, text, start=0, end=None):
        """(position, word) of the first word in ``text[start:end]``, longest at that position."""
        end = len(text) if end is None else end
        by_first, words = self.by_first, self.words
        for pos in range(start, end):
            lengths = by_first.get(text[pos])
            if lengths is None:
                continue
            for n in lengths:
                if pos + n <= end and text[pos:pos + n] in words:
                    return pos, text[pos:pos + n]
        return None

    def ending_at(self, text, pos, lo=0):
        """Words ending at ``pos`` and starting at or after ``lo``, longest first."""
        if pos < 1:
            return []
        lengths = self.by_last.get(text[pos - 1])
        if lengths is None:
            return []
        return [text[pos - n:pos] for n in lengths if pos - n >= lo and text[pos - n:pos] in self.words]

    def __contains__(self, word):
        return word in self.words

    def __iter__(self):
        return iter(sorted(self.words, key=lambda w: (-len(w), w)))
