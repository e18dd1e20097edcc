"""Score the extraction stage against a hand-labelled gold CSV: recall, precision, category agreement.

Usage: python scripts/score_extract.py GOLD.csv REPORT.txt [--verbose]

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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="gold CSV (name,category,named,quantity_value)")
    parser.add_argument("report", help="report text file (UTF-8 or GB18030)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses, extras and category disagreements")
    args = parser.parse_args(argv)

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
