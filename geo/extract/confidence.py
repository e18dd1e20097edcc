"""How likely a named record is a project: a logistic model over its context, and the names it drops.

The rules and the tagger propose names; many of those in real text are places mentioned as
context (a river a road runs along, the village a reporter visited, a hospital a clinic is
partnered with). The model (``geo/data/record_model.json``, written by
``scripts/train_record_model.py`` from the labelled real texts, with the tagger's reading of
each text taken from a tagger that never saw it) weighs what is known of a record when its
sentence is done: its category, head, action, first and last characters, two characters on
each side, the stop word or verb on its left, whether the rules or the tagger found it, what the
tagger says of its characters, how many names are listed with it and how long and how full its
sentence is; once the report is read,
how many scored records carry the same name. A name is dropped from
the report when none of its mentions reaches :data:`geo.extract.patterns.RECORD_MIN_CONFIDENCE`. Members of counted groups and groups are
never dropped (their counts depend on them); a member of a list typed after 等 with no count and
no works of its own, in a sentence with no works, is weighed like any name (设有A馆、B馆等运动场馆:
the list only describes what is there). Without the model file every record stays.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
from collections import Counter
from pathlib import Path

from geo.extract.patterns import RECORD_MIN_CONFIDENCE
from geo.extract.routes import first_end
from geo.lexicon_lookups import ACTION_INDEX, stop_ending_at

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "record_model.json"
# What the model looks at, in the order of record_values / sentence_values; its keys are
# "template=value" (the value "" when there is none: act= for a record without action).
RECORD_TEMPLATES = ("cat", "act", "head", "l2", "f1", "len", "src", "stop", "lv", "p2", "n2", "out", "texact", "tover",
                    "nsib")
SENTENCE_TEMPLATES = ("slen", "nrec")
# Known once the whole report is read: how many scored records carry the name, alone and with
# the category (a place named again and again is more often a project than one named once).
DOCUMENT_TEMPLATES = ("nment", "nmcat")
# Bucket edges of the numbers a value is made of.
_OUTSIDE_EDGES = (0.05, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95)
_TAGGED_EDGES = (0.01, 0.3, 0.5, 0.7, 0.9)
_SENTENCE_EDGES = (15, 30, 60, 120, 250)
_RECORDS_EDGES = (2, 3, 5, 9)
_MENTIONS_EDGES = (2, 3)
_MAX_LENGTH = 14


def score_records(norm, records, tagging, sent_start, sent_end, added, model=None):
    """Set the ``confidence`` of each named record of a sentence that may be dropped.

    Parameters
    ----------
    norm : str
        The normalised text.
    records : list of Record
        The sentence's records, after the tagger's rules.
    tagging : geo.extract.tagger.Tagging
        The tagger's reading of the text.
    sent_start, sent_end : int
        The sentence.
    added : set of int
        ``id()`` of the records the tagger proposed (the others are the rules').
    model : Model, optional
        Default: the shipped model; without it nothing is scored.
    """
    model = model or shipped_model()
    scored = [record for record in records if droppable(record)]
    loose = [record for record in records if _loose_member(record)]
    if loose and ACTION_INDEX.first_in(norm, sent_start, sent_end) is None:  # (once a sentence: linear)
        scored += loose  # 馆内设有A馆、B馆等运动场馆: a list a sentence with no works describes
    if model is None or not scored:
        return
    shared = model.sentence_total(sentence_values(sent_start, sent_end, len(records)))
    listed = _listed_with(norm, records)
    for record in scored:
        values = record_values(norm, record, tagging, sent_start, sent_end, id(record) in added,
                               listed.get(id(record), 0))
        record.confidence = model.probability(values, shared)


def score_added(norm, records, added, tagging, sent_start, sent_end, model=None):
    """Set the ``confidence`` of records ``added`` to a sentence whose ``records`` are scored
    (the items a list holds between named places, geo.extract.sandwiched): each is weighed as a
    name the tagger proposed, with the sentence's records and those listed with it."""
    model = model or shipped_model()
    if model is None:
        return
    everything = records + added
    shared = model.sentence_total(sentence_values(sent_start, sent_end, len(everything)))
    listed = _listed_with(norm, everything)
    for record in added:
        values = record_values(norm, record, tagging, sent_start, sent_end, True, listed.get(id(record), 0))
        record.confidence = model.probability(values, shared)


_LIST_JOINS = frozenset(("、", "和", "与", "及"))
_MAX_LISTED = 3


def _listed_with(norm, records):
    """{id(record): how many other named records of the sentence are listed with it} (A、B和C:
    a name only a list separator parts from the next one), for the records in a list."""
    named = sorted((r for r in records if r.named), key=lambda r: r.start)
    runs = {}
    for a, b in zip(named, named[1:]):
        if norm[a.end:b.start] in _LIST_JOINS:
            run = runs.setdefault(id(a), [a])
            run.append(b)
            runs[id(b)] = run
    return {key: len(run) - 1 for key, run in runs.items()}


def _loose_member(record):
    """True for a named member of a list typed after 等 (设有A馆、B馆等运动场馆; 周边有A、B等口岸) with no
    works of its own, no count on its type, not all of a counted group (:attr:`Mention.full_count`) and
    no type of projects (等项目): in a sentence with no works it is what the list describes, for the
    model to weigh like any name (see :func:`score_records`)."""
    typed = record.mention.typed_by
    return record.named and typed is not None and record.action is None and not record.listed_members \
        and typed.count is None and not typed.full_count and typed.category != _PROJECTS_LISTED


_PROJECTS_LISTED = "members"  # the category of a list's type that names projects (等项目, 等工程)


def droppable(record):
    """True for a named record that is neither a counted group's member nor a group."""
    return record.named and record.mention.typed_by is None and not record.listed_members


def sentence_values(sent_start, sent_end, n_records):
    """The values of SENTENCE_TEMPLATES: how long the sentence is, how many records it has."""
    return (str(bisect.bisect_right(_SENTENCE_EDGES, sent_end - sent_start)),
            str(bisect.bisect_right(_RECORDS_EDGES, n_records)))


def document_values(mentions, category):
    """The values of DOCUMENT_TEMPLATES: the name's scored records in the report (1, 2, 3 or more),
    and that with the record's category."""
    bucket = str(bisect.bisect_right(_MENTIONS_EDGES, mentions))
    return bucket, f"{bucket}|{category}"


def record_values(norm, record, tagging, sent_start, sent_end, added, listed=0):
    """The values of RECORD_TEMPLATES for one record; see the module docstring. ``listed``: how
    many other names the sentence lists with it. A road cut at its route's 至 is weighed with the stop
    word before its route's first end (加快 of 加快大连至旅顺中部通道建设, not the route's own 至: see
    :func:`geo.extract.routes.first_end`, which gives it that start once the sentence is done)."""
    mention, start, end = record.mention, record.start, record.end
    stop = mention.stop or ""
    if stop == "至":
        first = first_end(norm, record, sent_start)
        if first < start:
            stop = stop_ending_at(norm, first, record.clause[0] if record.clause else sent_start) or ""
    exact, tagged = 0, 0.0  # a tagger name on exactly these characters; the surest one over them
    for s, e, confidence in tagging.names_in(start - 10, end):
        if e > start:
            if confidence > tagged:  # (max by a comparison: the builtin costs ten times as much a call)
                tagged = confidence
            exact = exact or (s == start and e == end)
    # (the bounds by comparisons: the min and max builtins cost ten times as much a call, thousands of records)
    length = end - start
    return (record.category, record.action or "", mention.head, norm[(end - 2 if length > 2 else start):end],
            norm[start:start + 1], _SMALL[length if length < _MAX_LENGTH else _MAX_LENGTH],
            "tag" if added else "rule", stop, mention.left_verb or "",
            norm[(start - 2 if start - 2 > sent_start else sent_start):start],
            norm[end:(end + 2 if end + 2 < sent_end else sent_end)],
            _SMALL[bisect.bisect_right(_OUTSIDE_EDGES, tagging.outside(start, end))], _SMALL[exact],
            _SMALL[bisect.bisect_right(_TAGGED_EDGES, tagged)], _SMALL[listed if listed < _MAX_LISTED else _MAX_LISTED])


_SMALL = [str(n) for n in range(_MAX_LENGTH + 1)]


def keys(templates, values):
    """The model's keys ("template=value") of these values."""
    return [f"{template}={value}" for template, value in zip(templates, values)]


def drop_unlikely(records, model=None):
    """The records less the named ones whose name (as written) no mention makes likely enough.

    Each score is first completed with what only the whole report tells (see
    DOCUMENT_TEMPLATES), then a name is kept when any of its records reaches the threshold.

    Parameters
    ----------
    records : list of Record
        The report's finished records (named), scored by :func:`score_records`.
    model : Model, optional
        Default: the shipped model; without it the scores stay as they are.

    Returns
    -------
    list of Record
    """
    model = model or shipped_model()
    scored = [r for r in records if r.confidence is not None]
    if model is not None:
        mentions = Counter(r.name for r in scored)
        extras = {}  # (mentions, category) -> the weights of its report's values: a few dozen for thousands of records
        for record in scored:
            key = (mentions[record.name], record.category)
            extra = extras.get(key)
            if extra is None:
                extra = extras[key] = model.document_weight(document_values(*key))
            record.confidence = _shifted(record.confidence, extra)
    best, kept = {}, set()
    for record in records:
        if record.listed_members:
            kept.update(map(id, record.listed_members))
        confidence = record.confidence
        if confidence is not None:  # (the higher by a comparison, as max would: no builtin call a record)
            previous = best.get(record.name, 0.0)
            best[record.name] = confidence if confidence > previous else previous
    return [r for r in records if r.confidence is None or best[r.name] >= RECORD_MIN_CONFIDENCE
            or id(r) in kept]


class Model:
    """Logistic weights by key: the probability that a record with these values is a project.

    ``weights`` maps "template=value" keys to weights, "bias" to the intercept; they are looked
    up as one table per template.
    """

    def __init__(self, weights):
        self.weights = weights
        self.bias = weights.get("bias", 0.0)
        tables = {}
        for key, weight in weights.items():
            template, _, value = key.partition("=")
            tables.setdefault(template, {})[value] = weight
        self._record = [tables.get(t, {}) for t in RECORD_TEMPLATES]
        self._sentence = [tables.get(t, {}) for t in SENTENCE_TEMPLATES]
        self._document = [tables.get(t, {}) for t in DOCUMENT_TEMPLATES]

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as handle:
            return cls(json.load(handle)["weights"])

    def sentence_total(self, values):
        """The intercept and the weights of a sentence's values (see :func:`sentence_values`)."""
        return self.bias + _weight_sum(self._sentence, values)

    def probability(self, values, offset=0.0):
        """The probability of a project, given a record's values and its sentence's total."""
        total = offset + _weight_sum(self._record, values)
        return 1.0 / (1.0 + math.exp(-total))

    def completed(self, probability, values):
        """A record's probability with the weights of its report's values added (see
        :func:`document_values`)."""
        return _shifted(probability, self.document_weight(values))

    def document_weight(self, values):
        """The sum of the weights of a report's values (see :func:`document_values`)."""
        return _weight_sum(self._document, values)


def _shifted(probability, extra):
    """``probability`` with ``extra`` added to its log-odds."""
    if not extra:
        return probability
    # (clamped to [1e-12, 1 - 1e-12] by comparisons, not min and max: thousands of records a report)
    p = _LOWEST if probability < _LOWEST else _HIGHEST if probability > _HIGHEST else probability
    return 1.0 / (1.0 + _exp(-(_log(p / (1.0 - p)) + extra)))


_LOWEST, _HIGHEST = 1e-12, 1.0 - 1e-12
_exp, _log = math.exp, math.log


def _weight_sum(tables, values):
    """The sum of the weights of ``values``, one per template's table (0.0 for a value the
    model has no weight for), looked up in C: a record is scored thousands of times."""
    return sum(map(dict.get, tables, values, _NO_WEIGHT))


_NO_WEIGHT = itertools.repeat(0.0)


@functools.lru_cache(maxsize=1)
def shipped_model():
    """The shipped model, read once; None without the file."""
    return Model.load(MODEL_PATH) if MODEL_PATH.exists() else None
