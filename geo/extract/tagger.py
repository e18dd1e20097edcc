"""A character CRF that marks project names in the normalised text: features, the shipped model, decoding.

The model (``geo/data/name_tagger.npz``, trained by ``scripts/train_name_tagger.py`` from the
labelled texts) labels each character B (a name starts), I (inside a name) or O. Its features
are integer keys computed for the whole text at once with numpy: the character and its
neighbours, bigrams and the trigram around it, the script class of the characters around it,
the lexicon roles of the words over and next to it (stop words, actions, followers, generic
modifiers, heads with their kind and category: geo/data/lexicon), and distances to the next
head end and from the last break. Decoding (forward-backward marginals, each character taking its most probable label) runs
in numpy over all sentences at once, so tagging costs a small fraction of the rules' time. The
model is read once, lazily; without it (or without numpy) no span is proposed and extraction is
the rules alone. Same text, same model: same labels.
"""

from __future__ import annotations

import array
import bisect
import functools
from pathlib import Path

LABELS = ("B", "I", "O")
MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "name_tagger.npz"

# Feature templates, in this order in the model file.
TEMPLATES = ("c", "p1", "n1", "p2", "n2", "bl", "br", "tri", "k", "k3", "m", "mp", "mn", "dh", "db")

# Character keys: the code point within the Basic Multilingual Plane; padding before and after
# the text, and any character beyond the plane, get keys of their own.
_PAD_BEFORE, _PAD_AFTER, _ASTRAL = 0x10000, 0x10001, 0x10002
_CHAR_BITS = 17
# Sentences decoded together: at most this many characters' worth of positions per batch.
_DECODE_CELLS = 1 << 18
# A "sentence" longer than this (a line of 3 MB without a full stop) is decoded in pieces this
# long: the decoder steps through a sentence one position at a time, so one long sentence would
# take minutes, while pieces of equal length are decoded side by side.
_MAX_DECODED = 1 << 12
# Templates with few possible keys, looked up in a dense table (the others by hash).
_DENSE = {"c": 1 << _CHAR_BITS, "p1": 1 << _CHAR_BITS, "n1": 1 << _CHAR_BITS, "p2": 1 << _CHAR_BITS,
          "n2": 1 << _CHAR_BITS, "k": 8, "k3": 512, "dh": 16, "db": 16}
# Script classes: Han, digit, Latin, space, punctuation or other, Chinese numeral, padding.
_HAN, _DIGIT, _LATIN, _SPACE, _OTHER, _NUMERAL, _PAD = range(7)
_NUMERALS = "零〇一二两三四五六七八九十百千"
# Characters that end a noun phrase: distances are counted from and to them.
_BREAKS = ",;:。!?、()[]{}<>|/…—·.\t\r\n \u3000“”\"'"


_MASK = (1 << 64) - 1
_HASH_BASE = 0x100000001B3  # FNV prime: a rolling hash of character codes, modulo 2**64
_MAX_WORD = 6               # lexicon words longer than this are not marked


def _word_hash(word):
    value = 0
    for char in word:
        value = (value * _HASH_BASE + ord(char)) & _MASK
    return value


def head_code_lists():
    """(kinds, categories) of heads in the order their codes count them: the shipped model's.

    A head's code is part of the model's features, so the order is the one the model was trained
    with (kept in its file); kinds and categories the lexicon gained since come after, with codes
    the model never saw (a new category in heads.tsv once renumbered the ones after it and
    changed names in every text).
    """
    from geo.lexicon import heads

    model = shipped_model()
    kinds, categories = model.head_codes if model is not None and model.head_codes else ((), ())
    table = heads().values()
    kinds += tuple(sorted({info[1] for info in table} - set(kinds)))
    categories += tuple(sorted({info[0] or "-" for info in table} - set(categories)))
    return kinds, categories


@functools.lru_cache(maxsize=1)
def _lexicon_table():
    """Per word length: (the words' hashes, role bits, head codes) of the lexicon words.

    Role bits: 1 stop word, 2 action, 4 follower, 8 generic modifier, 16 a word that ends in a
    head but is none (街道). Head code: 1 + kind * 64 + category (0 for no head; so for a head
    that is a common word too, 变).
    """
    import numpy as np

    from geo.lexicon import CUED_HEADS, heads
    from geo.lexicon_lookups import ACTIONS_SORTED, FOLLOWERS_SORTED, GENERIC_SORTED, STOPS

    roles, codes = {}, {}
    for bit, words in enumerate((STOPS, ACTIONS_SORTED, FOLLOWERS_SORTED, GENERIC_SORTED)):
        for word in words:
            roles[word] = roles.get(word, 0) | (1 << bit)
    table = heads()
    kinds, categories = head_code_lists()
    for head, info in table.items():
        if head in CUED_HEADS:
            continue  # 变: a common word, a head only where the rules find a cue (see headfit.cued)
        if info[1] == "none":
            roles[head] = roles.get(head, 0) | 16
        else:
            codes[head] = 1 + kinds.index(info[1]) * 64 + categories.index(info[0] or "-")
    by_length = {}
    for word in set(roles) | set(codes):
        if 1 <= len(word) <= _MAX_WORD:
            by_length.setdefault(len(word), []).append((_word_hash(word), roles.get(word, 0), codes.get(word, 0)))
    out = {}
    for length, rows in by_length.items():
        rows.sort()
        hashes, role_bits, head_codes = zip(*rows)
        out[length] = (_HashedKeys(np.array(hashes, dtype=np.uint64)), np.array(role_bits, dtype=np.int64),
                       np.array(head_codes, dtype=np.int64))
    return out


def _lexicon_marks(codes):
    """(marks, head_end): lexicon marks of every character and where a head ends.

    Marks, as bits: for each of the five roles (see :func:`_lexicon_table`) a word of that
    role starts here (bit 3r), goes on over here (3r + 1) or ends here (3r + 2); the code of
    the longest head ending here (bits 15-24); a head of two or more characters starts here
    (bit 25). Words may overlap.
    """
    import numpy as np

    n = len(codes)
    marks = np.zeros(n, dtype=np.int64)
    head_code = np.zeros(n, dtype=np.int64)
    inside = [np.zeros(n + 1, dtype=np.int64) for _ in range(5)]
    rolling = np.zeros(n, dtype=np.uint64)
    values = codes.astype(np.uint64)
    base = np.uint64(_HASH_BASE)
    table = _lexicon_table()
    with np.errstate(over="ignore"):
        for length in range(1, _MAX_WORD + 1):
            count = n - length + 1
            if count <= 0:
                break
            # The hash of the ``length`` characters starting at each position.
            rolling = rolling[:count] * base + values[length - 1:]
            if length not in table:
                continue
            keys, roles, heads = table[length]
            where = keys.rows(rolling)
            hit = np.flatnonzero(where < len(keys.known))
            if not len(hit):
                continue
            found_roles, found_heads = roles[where[hit]], heads[where[hit]]
            for role in range(5):
                mine = hit[(found_roles >> role) & 1 == 1]
                if not len(mine):
                    continue
                marks[mine] |= 1 << (3 * role)
                marks[mine + length - 1] |= 1 << (3 * role + 2)
                if length > 2:  # (the positions of ``mine`` are distinct: no need for np.add.at)
                    inside[role][mine + 1] += 1
                    inside[role][mine + length - 1] -= 1
            headed = found_heads > 0
            head_code[hit[headed] + length - 1] = found_heads[headed]  # longer heads overwrite
            if length > 1:
                marks[hit[headed]] |= 1 << 25
    for role in range(5):
        marks[np.cumsum(inside[role][:n]) > 0] |= 1 << (3 * role + 1)
    marks |= head_code << 15
    return marks, head_code > 0


@functools.lru_cache(maxsize=1)
def _char_tables():
    """(script class, is a break) of every character code feature_keys gives (0 to _ASTRAL)."""
    import numpy as np

    size = _ASTRAL + 1
    classes = np.full(size, _OTHER, dtype=np.int64)
    classes[0x4E00:0xA000] = _HAN
    classes[0x30:0x3A] = _DIGIT
    classes[0x41:0x5B] = _LATIN
    classes[0x61:0x7B] = _LATIN
    classes[[0x20, 0x3000, 0x09]] = _SPACE
    classes[[ord(c) for c in _NUMERALS]] = _NUMERAL
    breaking = np.zeros(size, dtype=bool)
    breaking[[ord(c) for c in _BREAKS]] = True
    return classes, breaking


def feature_keys(norm):
    """Integer feature keys of every character of ``norm``: {template: int64 array}."""
    import numpy as np

    n = len(norm)
    codes = np.frombuffer(norm.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
    codes[codes > 0xFFFF] = _ASTRAL

    def shifted(array, by, pad):
        out = np.full(n, pad, dtype=np.int64)
        if by > 0:
            out[by:] = array[:n - by]
        else:
            out[:n + by] = array[-by:]
        return out

    p1, n1 = shifted(codes, 1, _PAD_BEFORE), shifted(codes, -1, _PAD_AFTER)
    p2, n2 = shifted(codes, 2, _PAD_BEFORE), shifted(codes, -2, _PAD_AFTER)
    classes, breaking = _char_tables()
    klass = classes[codes]
    kp, kn = shifted(klass, 1, _PAD), shifted(klass, -1, _PAD)

    marks, head_end = _lexicon_marks(codes)

    breaks = breaking[codes]
    index = np.arange(n)
    last_break = np.maximum.accumulate(np.where(breaks, index, -1))
    from_break = np.minimum(index - last_break, 8)
    # Distance to the next head end on the right, unless a break comes first.
    stops = np.where(head_end | breaks, index, n)[::-1]
    next_stop = np.minimum.accumulate(stops)[::-1]
    to_head = np.where((next_stop < n) & head_end[np.minimum(next_stop, n - 1)],
                       np.minimum(next_stop - index, 8), 9)
    return {
        "c": codes, "p1": p1, "n1": n1, "p2": p2, "n2": n2,
        "bl": (p1 << _CHAR_BITS) | codes, "br": (codes << _CHAR_BITS) | n1,
        "tri": (p1 << (2 * _CHAR_BITS)) | (codes << _CHAR_BITS) | n1,
        "k": klass, "k3": kp * 64 + klass * 8 + kn,
        "m": marks, "mp": shifted(marks, 1, -1), "mn": shifted(marks, -1, -1),
        "dh": to_head, "db": from_break,
    }


def training_items(norm, keys, start, end):
    """Feature strings of ``norm[start:end]`` for python-crfsuite (``template=key``)."""
    columns = [[f"{t}={int(k)}" for k in keys[t][start:end]] for t in TEMPLATES]
    return [list(row) for row in zip(*columns)]


class Model:
    """A trained tagger: per template, the sorted known keys and their weights; transitions."""

    def __init__(self, tables, transitions, head_codes=None):
        import numpy as np

        self.tables = tables          # template -> (sorted int64 keys, float64 weights (k + 1, 3))
        self.transitions = transitions  # (3, 3) float64, from label x to label y
        self.head_codes = head_codes  # (kinds, categories) the head codes were counted in, or None
        self.dense = {}               # template -> row of every possible key (the last row: unknown)
        for t, size in _DENSE.items():
            known, _ = tables[t]
            rows = np.full(size, len(known), dtype=np.int32)
            rows[known] = np.arange(len(known), dtype=np.int32)
            self.dense[t] = rows
        self.hashed = {t: _HashedKeys(known) for t, (known, _) in tables.items() if t not in _DENSE}

    @classmethod
    def load(cls, path):
        import numpy as np

        with np.load(path) as data:
            # Each weight table gets a last row of zeros, the weights of an unknown key.
            tables = {t: (data[f"{t}.keys"], np.vstack([data[f"{t}.weights"].astype(np.float64), np.zeros((1, 3))]))
                      for t in TEMPLATES}
            transitions = data["transitions"].astype(np.float64)
            head_codes = None
            if "head.kinds" in data.files:
                head_codes = (tuple(str(k) for k in data["head.kinds"]), tuple(str(c) for c in data["head.categories"]))
        return cls(tables, transitions, head_codes)

    def save(self, path):
        import numpy as np

        arrays = {"transitions": self.transitions.astype(np.float32)}
        if self.head_codes:
            arrays["head.kinds"], arrays["head.categories"] = (np.array(list(v), dtype=str) for v in self.head_codes)
        for t in TEMPLATES:
            keys, weights = self.tables[t]
            arrays[f"{t}.keys"] = keys
            arrays[f"{t}.weights"] = weights[:len(keys)].astype(np.float32)
        with open(path, "wb") as handle:
            np.savez_compressed(handle, **arrays)

    @classmethod
    def from_crfsuite(cls, path):
        """The weights of a python-crfsuite model file."""
        import numpy as np
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        collected = {t: {} for t in TEMPLATES}
        for (attribute, label), weight in info.state_features.items():
            template, _, key = attribute.partition("=")
            row = collected[template].setdefault(int(key), [0.0, 0.0, 0.0])
            row[LABELS.index(label)] = weight
        tables = {}
        for t, rows in collected.items():
            keys = np.array(sorted(rows), dtype=np.int64)
            weights = np.array([rows[k] for k in keys.tolist()], dtype=np.float64).reshape(len(keys), 3)
            tables[t] = (keys, np.vstack([weights, np.zeros((1, 3))]))
        transitions = np.zeros((3, 3))
        for (a, b), weight in info.transitions.items():
            transitions[LABELS.index(a), LABELS.index(b)] = weight
        return cls(tables, transitions)

    def emissions(self, keys):
        """(n, 3) state scores of every character."""
        import numpy as np

        n = len(keys["c"])
        total = np.zeros((n, 3))
        rows = np.empty((n, 3))  # one buffer for the weights of every template (take fills it in place)
        for t in TEMPLATES:
            known, weights = self.tables[t]
            if t in self.dense:
                where = self.dense[t][keys[t]]
            elif not len(known):
                continue
            else:
                where = self.hashed[t].rows(keys[t])
            # (mode="clip": every row is in the table, and with out= only "raise" buffers a copy)
            total += weights.take(where, axis=0, out=rows, mode="clip")
        return total

    def tag(self, norm, sentences):
        """(labels, marginals) of the characters of ``sentences`` (spans of ``norm``).

        ``labels`` is an int8 array (0 B, 1 I, 2 O; O outside the sentences), ``marginals``
        an (n, 3) array of the label probabilities (1 for O outside the sentences).
        """
        import numpy as np

        n = len(norm)
        labels = np.full(n, 2, dtype=np.int8)
        marginals = np.zeros((n, 3))
        marginals[:, 2] = 1.0
        if not n or not sentences:
            return labels, marginals
        scores = self.emissions(feature_keys(norm))
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))  # each row's best label: 1
        # Sentences of similar length are decoded together, one position at a time, longest
        # first, so that the sentences still going on at a position are a prefix of the group.
        by_size = {}
        for start, end in _pieces(sentences, _MAX_DECODED):
            if end > start:
                by_size.setdefault((end - start - 1).bit_length(), []).append((start, end))
        for size_class in sorted(by_size):
            group = sorted(by_size[size_class], key=lambda span: (span[0] - span[1], span[0]))
            rows = max(1, _DECODE_CELLS >> size_class)
            for first in range(0, len(group), rows):
                self._decode(scores, group[first:first + rows], labels, marginals)
        return labels, marginals

    def _decode(self, scores, group, labels, marginals):
        """Forward-backward over sentences sorted by decreasing length (scaled, in probability space).

        ``scores`` holds the exponentiated state scores of every character.

        Each character takes its most probable label (posterior decoding).
        """
        import numpy as np

        lengths = np.array([end - start for start, end in group])
        size = int(lengths[0])
        # Position-major (size, m, 3) arrays: the rows of the sentences still going on at a
        # position are one contiguous block, which each step reads and writes in place.
        index = np.array([start for start, _ in group])[None, :] + np.arange(size)[:, None]
        valid = np.arange(size)[:, None] < lengths[None, :]
        emit = scores.take(np.where(valid, index, 0), axis=0, mode="clip")  # (size, m, 3), exp'd
        step = np.exp(self.transitions - self.transitions.max())      # from x to y
        back = step.T.copy()
        # live[t]: how many sentences are longer than t (a prefix of the group).
        live = np.searchsorted(-lengths, -np.arange(size), side="left")
        alpha = np.zeros((size, len(group), 3))
        alpha[0] = emit[0] / emit[0].sum(axis=1, keepdims=True)
        for t in range(1, size):
            k = live[t]
            forward = (alpha[t - 1, :k] @ step) * emit[t, :k]
            np.divide(forward, forward.sum(axis=1, keepdims=True), out=alpha[t, :k])
        beta = np.ones((size, len(group), 3))
        for t in range(size - 2, -1, -1):
            k = live[t + 1]
            backward = (emit[t + 1, :k] * beta[t + 1, :k]) @ back
            np.divide(backward, backward.sum(axis=1, keepdims=True), out=beta[t, :k])
        alpha *= beta
        probs = alpha[valid]
        probs /= probs.sum(axis=1, keepdims=True)
        flat = index[valid]
        marginals[flat] = probs
        labels[flat] = probs.argmax(axis=1)


def _pieces(spans, longest):
    """The (start, end) ``spans``, each cut into consecutive pieces of at most ``longest``
    characters (the last piece of a span takes the remainder)."""
    for start, end in spans:
        while end - start > longest:
            yield start, start + longest
            start += longest
        yield start, end


class _HashedKeys:
    """The rows of sorted int64 keys, looked up by a multiplicative hash (one random access per
    key instead of a binary search); keys that share a slot are looked up by binary search.

    There are about eight slots per key (2**10 to 2**18), so that few keys share one.
    """

    _MIN_BITS, _MAX_BITS, _SPARE_BITS = 10, 18, 3
    _MULTIPLIER = 0x9E3779B97F4A7C15  # 2**64 / golden ratio

    def __init__(self, known):
        import numpy as np

        self.known = known
        self.bits = min(self._MAX_BITS, max(self._MIN_BITS, len(known).bit_length() + self._SPARE_BITS))
        self.padded = np.append(known, np.zeros(1, dtype=known.dtype))
        slots = self._slots(known)
        self.table = np.full(1 << self.bits, len(known), dtype=np.int64)
        self.table[slots] = np.arange(len(known))
        # (counted, not sorted: np.unique sorted the slots of the model's 7,500 keys in each process)
        self.shared = np.bincount(slots.astype(np.intp), minlength=1 << self.bits) > 1

    def _slots(self, keys):
        import numpy as np

        with np.errstate(over="ignore"):
            return (keys.astype(np.uint64) * np.uint64(self._MULTIPLIER)) >> np.uint64(64 - self.bits)

    def rows(self, keys):
        """The row of each key in ``known``; ``len(known)`` for an unknown key."""
        import numpy as np

        slots = self._slots(keys)
        rows = self.table[slots]
        rows[self.padded[rows] != keys] = len(self.known)
        shared = np.flatnonzero(self.shared[slots])
        if len(shared):
            found = np.minimum(np.searchsorted(self.known, keys[shared]), len(self.known) - 1)
            found[self.known[found] != keys[shared]] = len(self.known)
            rows[shared] = found
        return rows


def warm():
    """Read the shipped model and build the tables tagging needs, as the first tagging would."""
    if shipped_model() is not None:
        _lexicon_table()
        _char_tables()


@functools.lru_cache(maxsize=1)
def shipped_model():
    """The model of geo/data, read once; None when the file is missing."""
    if not MODEL_PATH.exists():
        return None
    return Model.load(MODEL_PATH)


class Tagging:
    """What the tagger says about a stretch of text: the names it marks and how sure it is.

    ``names`` lists (start, end, confidence) in text order, confidence being the smallest
    probability of the labels along the name; :meth:`outside` is the mean probability that
    the characters of a span are in no name. Offsets index the whole text; the tagging covers
    the characters from ``offset`` on (``outside_sums`` is the running sum of that probability
    from there, an ``array('d')``).
    """

    def __init__(self, names, outside_sums, offset=0):
        self.names = names
        self.starts = [start for start, _, _ in names]
        self._outside = outside_sums
        self.offset = offset

    @classmethod
    def from_labels(cls, labels, marginals, offset=0):
        import numpy as np

        sums = array.array("d", np.concatenate(([0.0], np.cumsum(marginals[:, 2]))).tobytes())
        names = [(start + offset, end + offset, confidence) for start, end, confidence in name_spans(labels, marginals)]
        return cls(names, sums, offset)

    def names_in(self, start, end):
        """The names that start in ``[start, end)``."""
        return self.names[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]

    def outside(self, start, end):
        if end <= start:
            return 0.0
        return (self._outside[end - self.offset] - self._outside[start - self.offset]) / (end - start)


# Characters of context tagged around a stretch of sentences: more than any feature looks at
# (two neighbours, words of six characters), so a stretch is tagged as the whole text would be.
_CONTEXT = 8


def tag_text(norm, sentences, model=None):
    """The :class:`Tagging` of the ``sentences`` (spans of ``norm``, in order) by ``model``
    (default: the shipped one), or None without a model.

    Only the stretch of text from the first sentence to the last is looked at, with a few
    characters of context on each side: every feature of a character depends only on its
    sentence and its two neighbours, so the labels are those the whole text would get; a
    stretch longer than :data:`_TAGGED_AT_ONCE` characters is tagged a part at a time, its
    sentences cut where the tagger cuts them (:data:`_MAX_DECODED`).
    """
    model = model or shipped_model()
    if model is None:
        return None
    if not sentences:
        return Tagging([], array.array("d", [0.0]), 0)
    lo = max(0, sentences[0][0] - _CONTEXT)
    hi = min(len(norm), sentences[-1][1] + _CONTEXT)
    if hi - lo <= _TAGGED_AT_ONCE:
        local = [(start - lo, end - lo) for start, end in sentences]
        return Tagging.from_labels(*model.tag(norm[lo:hi], local), offset=lo)
    import numpy as np

    # A long text is tagged a stretch of sentences at a time: the tagger takes some 250 bytes a
    # character at once (its features and scores), 4 GB for a report of 50 MB on one line.
    labels = np.full(hi - lo, 2, dtype=np.int8)
    marginals = np.zeros((hi - lo, 3))
    marginals[:, 2] = 1.0
    for stretch in _stretches(_pieces(sentences, _MAX_DECODED), _TAGGED_AT_ONCE):
        start, end = stretch[0][0], stretch[-1][1]
        first, last = max(0, start - _CONTEXT), min(len(norm), end + _CONTEXT)
        part_labels, part_marginals = model.tag(norm[first:last], [(s - first, e - first) for s, e in stretch])
        labels[start - lo:end - lo] = part_labels[start - first:end - first]
        marginals[start - lo:end - lo] = part_marginals[start - first:end - first]
    return Tagging.from_labels(labels, marginals, offset=lo)


# Characters tagged at once (see :func:`tag_text`): a long text's sentences go a stretch at a time.
_TAGGED_AT_ONCE = 1 << 18


def _stretches(spans, most):
    """Lists of consecutive ``spans`` (in order, each at most ``most`` characters), each list spanning
    at most ``most`` characters from its first start to its last end."""
    stretch = []
    for span in spans:
        if stretch and span[1] - stretch[0][0] > most:
            yield stretch
            stretch = []
        stretch.append(span)
    if stretch:
        yield stretch


def name_spans(labels, marginals):
    """(start, end, confidence) of every name labelled, in text order.

    A name is a B followed by I's (an I after an O opens one too); its confidence is the
    smallest probability of the labels along it.
    """
    import numpy as np

    n = len(labels)
    if not n:
        return []
    inside = labels != 2
    previous = np.concatenate(([2], labels[:-1]))
    opens = inside & ((labels == 0) | (previous == 2))
    starts = np.flatnonzero(opens)
    # A name ends where the next one opens or where an O follows.
    ends_o = np.flatnonzero(inside & np.concatenate((labels[1:] == 2, [True]))) + 1
    boundaries = np.sort(np.concatenate((starts[1:], ends_o)))  # repeats do not change the next one
    ends = boundaries[np.searchsorted(boundaries, starts, side="right")]
    chosen = marginals[np.arange(n), labels.astype(np.int64)]
    if not len(starts):
        return []
    # The minimum of each name at once: reduceat over [start, end, next start, ...] (names do not
    # overlap; the slices between them are left out, and the text's end is no index reduceat takes).
    bounds = np.column_stack((starts, ends)).ravel()
    confidences = np.minimum.reduceat(chosen, bounds[:-1] if bounds[-1] == n else bounds)[0::2]
    return list(zip(starts.tolist(), ends.tolist(), confidences.tolist()))
