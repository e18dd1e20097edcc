"""Score the extraction stage against hand-labelled gold: recall, precision, category agreement.

Usage: python scripts/score_extract.py GOLD.csv REPORT.txt [--verbose]
       python scripts/score_extract.py --set DIR [--files F ...] [--labels GOLD2.csv] [--verbose]

``--set DIR`` scores a folder of real texts in the layout of shared/dev_reports (``DIR/*.txt``,
lines starting with ``#`` stripped, gold in ``DIR/gold.csv`` with the columns
file,name,category,geometry,must_locate,note) with the rules of that folder's ``score.py``: a
gold name matches a record name when equal after NFKC and space removal, or when one contains the
other and is at least 60% of its length; a ``*_count`` row matches any record stating that count
(quantity, group_total or a measure); ``optional`` rows are not scored; named precision is over
the named records. It prints per-file and pooled figures.

``--set DIR --labels GOLD2.csv`` scores a second, independent labelling of the same texts (same
columns) in place of the extractor, with the same rules: its ``yes`` rows are its named records,
its ``*_count`` rows its counted groups (optional rows left out). That is how far two labellers
agree, the most that can be asked of an extractor judged against one of them.

GOLD.csv columns: name,category,named,quantity_value. Named gold rows match extracted named
projects on the normalised name (OpenCC t2s + NFKC, spaces removed). Unnamed gold rows (counted
group records, whose names are descriptive) match extracted unnamed records on the quantity value.
Either way a record of the gold row's category is preferred (one name can be two projects). Each extracted record matches at most one gold row.
Category agreement is reported separately over the matched pairs. Always exits 0 on a completed
score (2 on unreadable input), so it can be used in a loop over passages.
"""

from __future__ import annotations

import argparse
import csv
import sys


def load_gold(path):
    """Gold rows as dicts: name, category, named (bool), quantity_value (float or None)."""
    from geo.io import read_text

    rows = []
    for row in csv.DictReader(read_text(path).splitlines()):
        value = (row.get("quantity_value") or "").strip()
        rows.append({
            "name": row["name"].strip(),
            "category": row["category"].strip(),
            "named": row["named"].strip().lower() in ("true", "1", "yes"),
            "quantity_value": float(value) if value else None,
        })
    return rows


def score(gold, features):
    """Match gold rows to extracted features.

    Returns
    -------
    dict
        gold, extracted, matched (counts), recall, precision, category_agreement (over matched
        pairs, None if none), pairs [(gold row, properties)], missed [gold rows],
        spurious [properties].
    """
    from geo.extract import normalise_name

    props = [f["properties"] for f in features]
    used = set()
    pairs, missed = [], []
    for row in gold:
        if row["named"]:
            key = normalise_name(row["name"])
            candidates = [i for i, p in enumerate(props) if i not in used and p["named"]
                          and normalise_name(p["name"]) == key]
        else:
            candidates = [i for i, p in enumerate(props) if i not in used and not p["named"]
                          and p.get("quantity") and float(p["quantity"]["value"]) == row["quantity_value"]]
        # One name can be two projects (a fishing port and a clinic of one village): pair
        # each gold row with a record of its own category first.
        same = [i for i in candidates if props[i]["category"] == row["category"]]
        match = (same or candidates or [None])[0]
        if match is None:
            missed.append(row)
        else:
            used.add(match)
            pairs.append((row, props[match]))
    spurious = [p for i, p in enumerate(props) if i not in used]
    agree = sum(1 for row, p in pairs if row["category"] == p["category"])
    return {
        "gold": len(gold), "extracted": len(props), "matched": len(pairs),
        "recall": len(pairs) / len(gold) if gold else 1.0,
        "precision": len(pairs) / len(props) if props else 1.0,
        "category_agreement": agree / len(pairs) if pairs else None,
        "pairs": pairs, "missed": missed, "spurious": spurious,
    }


def _nfkc(text):
    import unicodedata

    return unicodedata.normalize("NFKC", text or "").replace(" ", "").strip()


def _loose_match(gold_name, name):
    """The shared scorer's name match: equal, or one inside the other at >= 60% of its length."""
    g, n = _nfkc(gold_name), _nfkc(name)
    if not g or not n:
        return False
    return g == n or (g in n and len(g) >= 0.6 * len(n)) or (n in g and len(n) >= 0.6 * len(g))


def _stated_counts(props):
    out = set()
    for q in [props.get("quantity"), props.get("group_total")] + list(props.get("measures") or []):
        if isinstance(q, dict) and isinstance(q.get("value"), (int, float)):
            out.add(float(q["value"]))
    return out


def score_real(gold_rows, features):
    """Score one real text with the shared scorer's rules (see the module docstring).

    Returns
    -------
    dict
        found, scored (recall counts), named_hit, named (named-precision counts), missed
        (gold names), unmatched (named record names).
    """
    props = [f["properties"] for f in features]
    counts = set()
    for p in props:
        counts |= _stated_counts(p)
    found, missed = 0, []
    for row in gold_rows:
        if row["category"].endswith("_count"):
            want = float(row["geometry"].split("=")[1]) if "=" in row["geometry"] else None
            if want in counts:
                found += 1
            else:
                missed.append(row["name"])
        elif row.get("must_locate", "yes") != "optional":
            if any(_loose_match(row["name"], p["name"]) for p in props):
                found += 1
            else:
                missed.append(row["name"])
    named = [p["name"] for p in props if p.get("named") is not False]
    hits = [n for n in named if any(_loose_match(row["name"], n) for row in gold_rows)]
    return {"found": found, "scored": found + len(missed), "named_hit": len(hits), "named": len(named),
            "missed": missed, "unmatched": [n for n in named if n not in hits]}


def labels_as_features(rows):
    """A labelling's rows of one text as catalog features (see ``--labels``): each ``yes`` row a
    named record, each ``*_count`` row a counted group stating its count; optional rows left out."""
    features = []
    for row in rows:
        if row["category"].endswith("_count"):
            value = float(row["geometry"].split("=")[1]) if "=" in row["geometry"] else None
            props = {"name": row["name"], "named": False, "quantity": {"value": value}}
        elif row.get("must_locate", "yes") != "optional":
            props = {"name": row["name"], "named": True}
        else:
            continue
        features.append({"type": "Feature", "properties": props, "geometry": None})
    return features


def _gold_rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def score_set(folder, files=None, verbose=False, labels=None):
    """Score every text of a real-text folder; print per-file and pooled figures; return the totals.

    With ``labels`` (a second labelling's CSV) its rows are scored in place of the extractor.
    """
    from pathlib import Path

    from geo.extract import extract_projects, read_report

    folder = Path(folder)
    gold = _gold_rows(folder / "gold.csv")
    second = _gold_rows(labels) if labels else None
    paths = sorted(folder.glob("*.txt")) if not files else [folder / f for f in files]
    total = dict.fromkeys(("found", "scored", "named_hit", "named"), 0)
    for path in paths:
        if second is not None:
            features = labels_as_features([r for r in second if r["file"] == path.name])
        else:
            text = "\n".join(line for line in read_report(path).split("\n") if not line.startswith("#"))
            features = extract_projects(text)
        result = score_real([r for r in gold if r["file"] == path.name], features)
        for key in total:
            total[key] += result[key]
        print(f"{path.stem:<26} recall {result['found']:>3}/{result['scored']:<3} "
              f"{result['found'] / max(1, result['scored']):.3f}   named precision "
              f"{result['named_hit']:>3}/{result['named']:<3} {result['named_hit'] / max(1, result['named']):.3f}")
        if verbose:
            print("    missed: " + ", ".join(result["missed"]))
            print("    unmatched: " + ", ".join(result["unmatched"]))
    print(f"{'pooled':<26} recall {total['found']:>3}/{total['scored']:<3} "
          f"{total['found'] / max(1, total['scored']):.3f}   named precision "
          f"{total['named_hit']:>3}/{total['named']:<3} {total['named_hit'] / max(1, total['named']):.3f}")
    return total


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", help="gold CSV (name,category,named,quantity_value)")
    parser.add_argument("report", nargs="?", help="report text file (UTF-8, GB18030 or Big5)")
    parser.add_argument("--set", dest="folder", help="score a folder of real texts with DIR/gold.csv")
    parser.add_argument("--files", nargs="*", help="with --set: only these files of the folder")
    parser.add_argument("--labels", help="with --set: score this second labelling of the texts instead of the extractor")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses, extras and category disagreements")
    args = parser.parse_args(argv)
    if args.folder:
        score_set(args.folder, args.files, args.verbose, args.labels)
        return 0
    if not (args.gold and args.report):
        parser.error("give GOLD.csv REPORT.txt, or --set DIR")

    from geo.extract import extract_projects, read_report
    from geo.io import InputError

    try:
        gold = load_gold(args.gold)
        features = extract_projects(read_report(args.report))
    except (InputError, KeyError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    result = score(gold, features)
    agreement = result["category_agreement"]
    print(f"gold={result['gold']} extracted={result['extracted']} matched={result['matched']}")
    print(f"recall={result['recall']:.3f} precision={result['precision']:.3f} "
          f"category_agreement={'n/a' if agreement is None else format(agreement, '.3f')}")
    if args.verbose:
        for row in result["missed"]:
            print(f"missed: {row['name']} ({row['category']})")
        for p in result["spurious"]:
            print(f"extra: {p['name']} ({p['category']})")
        for row, p in result["pairs"]:
            if row["category"] != p["category"]:
                print(f"category: {row['name']} gold={row['category']} extracted={p['category']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
