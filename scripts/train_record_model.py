#!/usr/bin/env python3
"""Train the record model (geo/data/record_model.json): how likely a named record is a project.

The model is a logistic regression over the keys of geo.extract.confidence (a record's, its
sentence's and, once the text is read, its report's: RECORD_, SENTENCE_ and DOCUMENT_TEMPLATES). Its
examples are the droppable named records the extractor makes from the labelled real texts (the
sets of scripts/train_name_tagger.py, less the passages written here and the rules' cases),
labelled 1 when the shared scorer's loose match pairs the name with a gold name of its text.

The tagger's reading of a text is part of a record's keys, and the shipped tagger was trained
on these texts: it knows them better than it will know a new report. So the sets are split into
``--folds`` folds (every n-th set by name), a tagger is trained without each fold, and a fold's
records are made with the tagger that never saw it. The script then prints cross-validated
figures (a model fitted without each fold scores that fold; a name is dropped when none of its
mentions in a text reaches the threshold) and writes the model fitted on every fold. Same sets,
same model::

  F=tests/fixtures/extract
  python scripts/train_record_model.py --dev ../shared/dev_reports --real $F/real \\
      --real2 $F/real2 --real2-files $(ls $F/real2/*.txt | xargs -n1 basename) \\
      --also $F/real3 $F/real4 $F/real5 $F/real6 $F/real7 $F/real8 $F/real9 $F/real10 $F/real11 \\
             $F/tagger_only/* \\
      -o geo/data/record_model.json

Needs ``pip install -e .[train]`` (python-crfsuite for the fold taggers, scikit-learn for the
regression); about seven minutes on two cores, the fold taggers kept in ``--models`` and
reused unless ``--retrain`` (they depend on the sets and the tagger's features only).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_name_tagger as tagger_training  # noqa: E402

C = 0.1          # inverse L2 strength of the regression
MIN_COUNT = 2    # keys seen fewer times in the examples get no weight
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    tagger_training.add_set_arguments(parser)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--models", default=str(Path(tempfile.gettempdir()) / "geo_record_folds"),
                        help="folder for the fold taggers (reused unless --retrain)")
    parser.add_argument("--retrain", action="store_true", help="train the fold taggers again")
    parser.add_argument("-o", "--output", default=str(ROOT / "geo" / "data" / "record_model.json"))
    args = parser.parse_args(argv)
    sets = tagger_training.labelled_sets(args)
    real = sorted(name for name in sets if name not in ("written", "cases"))
    folds = [real[k::args.folds] for k in range(args.folds)]
    models = Path(args.models)
    models.mkdir(parents=True, exist_ok=True)
    paths = [str(models / f"fold{k}-of-{args.folds}.npz") for k in range(args.folds)]
    todo = [k for k, path in enumerate(paths) if args.retrain or not Path(path).exists()]
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_train_fold_tagger, [args] * len(todo), [folds[k] for k in todo], [paths[k] for k in todo]))
    examples = [_examples(sets, fold, path) for fold, path in zip(folds, paths)]
    _print_cross_validation(examples)
    weights = _fit([e for fold in examples for e in fold])
    with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
        json.dump({"about": __doc__.splitlines()[0], "weights": weights}, handle, ensure_ascii=False,
                  indent=0, sort_keys=True)
        handle.write("\n")
    print(f"wrote {args.output}: {len(weights)} keys from {sum(map(len, examples))} records")
    return 0


def _train_fold_tagger(args, held_out, path):
    """Train a tagger on every labelled text but those of the ``held_out`` sets."""
    items = []
    for name, texts in tagger_training.labelled_sets(args).items():
        if name not in held_out:
            for _, _, text, rows in texts:
                norm, _, labels, _, _ = tagger_training.align(text, rows)
                items.extend(tagger_training.sequences(norm, labels))
    tagger_training.train(items, path)


class _Recorder:
    """Stands in for the model: keeps each record's keys (with its sentence's) and gives the
    record their index as its score."""

    def __init__(self):
        self.keys, self.shared = [], []

    def sentence_total(self, values):
        from geo.extract.confidence import SENTENCE_TEMPLATES, keys

        self.shared = ["bias"] + keys(SENTENCE_TEMPLATES, values)
        return 0.0

    def probability(self, values, offset=0.0):
        from geo.extract.confidence import RECORD_TEMPLATES, keys

        self.keys.append(self.shared + keys(RECORD_TEMPLATES, values))
        return float(len(self.keys) - 1)


def _examples(sets, held_out, tagger_path):
    """[(text id, name, keys, label)] of the droppable named records of the held-out sets."""
    from geo.extract import _records_of_sentences, confidence, tagger
    from geo.extract.mentions import forget_text
    from geo.extract.segment import sentences
    from geo.names import simplified_with_offsets
    from score_extract import _loose_match

    model = tagger.Model.load(tagger_path)
    out = []
    for set_name in held_out:
        for _, file_name, text, rows in sets[set_name]:
            norm, _ = tagger_training.normalised(text)
            spans = list(sentences(norm))
            recorder, shipped = _Recorder(), confidence.shipped_model
            confidence.shipped_model = lambda: recorder
            try:
                records = _records_of_sentences(norm, spans, tagger.tag_text(norm, spans, model))
            finally:
                confidence.shipped_model = shipped
                forget_text()
            gold = [simplified_with_offsets(r["name"])[0] for r in rows if not r["category"].endswith("_count")]
            scored = [r for r in records if r.confidence is not None]
            mentions = Counter(norm[r.start:r.end] for r in scored)
            for record in scored:
                name = norm[record.start:record.end]
                label = any(_loose_match(g, name) for g in gold)
                document = confidence.keys(confidence.DOCUMENT_TEMPLATES,
                                           confidence.document_values(mentions[name], record.category))
                out.append(((set_name, file_name), name, recorder.keys[int(record.confidence)] + document, label))
    return out


def _fit(examples):
    """{key: weight} of the regression fitted on the examples; the intercept goes to "bias"."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = defaultdict(int)
    for _, _, keys, _ in examples:
        for key in keys:
            counts[key] += 1
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([{k: 1 for k in keys if counts[k] >= MIN_COUNT} for _, _, keys, _ in examples])
    regression = LogisticRegression(C=C, max_iter=5000).fit(matrix, [label for *_, label in examples])
    weights = dict(zip(vectorizer.get_feature_names_out(), regression.coef_[0].tolist()))
    weights["bias"] = weights.get("bias", 0.0) + float(regression.intercept_[0])
    return {key: round(value, 4) for key, value in weights.items() if round(value, 4)}


def _print_cross_validation(examples):
    """Each fold scored by a model fitted on the others: records and names dropped per threshold."""
    best = defaultdict(float)
    scored = []
    for k, fold in enumerate(examples):
        weights = _fit([e for j, other in enumerate(examples) if j != k for e in other])
        for text, name, keys, label in fold:
            p = 1.0 / (1.0 + math.exp(-sum(weights.get(key, 0.0) for key in keys)))
            best[text, name] = max(best[text, name], p)
            scored.append((text, name, label))
    total, true = len(scored), sum(label for *_, label in scored)
    print(f"cross-validated: {total} droppable records, {true} of them projects ({true / total:.3f})")
    for threshold in THRESHOLDS:
        dropped = [(text, name, label) for text, name, label in scored if best[text, name] < threshold]
        lost = {(text, name) for text, name, label in dropped if label}
        kept_true = true - sum(label for *_, label in dropped)
        print(f"  threshold {threshold}: drops {len(dropped)} records ({len(dropped) - (true - kept_true)} not projects), "
              f"{len(lost)} project names lost; precision {true / total:.3f} -> {kept_true / (total - len(dropped)):.3f}")



if __name__ == "__main__":
    sys.exit(main())
