#!/usr/bin/env python3
"""Long lists with no sentence end: extraction time of 50 KB and 200 KB of one unbroken list.

A real report may hold a list of a hundred villages in one sentence or a flattened table on one
line, and a hostile file may hold one of megabytes: rules that look along a list must stay linear
in it. Each input is an opening, one item repeated to size and a closing; the time of 200 KB should
be about 4x that of 50 KB (16x is quadratic). CPU time of `extract_file` in this process
(time.process_time, the least of N runs: the host's other load weighs less).

Usage: python scripts/bench_lists.py [--repeat N] [--only "NAME[;NAME]"]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# name: (opening, item repeated, closing)
LISTS = {
    "rivers": ("", "白沙河、", "。"),
    "rivers, works at the end": ("", "白沙河、", "红枫河综合治理。"),
    "rivers, flood duties at the end": ("做好", "白沙河、", "红枫河防汛工作。"),
    "rivers, commas": ("", "白沙河,", "。"),
    "rivers, 和": ("治理", "白沙河和", "红枫河。"),  # (before fd86a7e0: 500 of them took a minute)
    "villages": ("", "青山村、", "。"),
    "villages counted": ("改造", "青山村、", "白石村等10个村。"),
    "roads": ("", "白石路、", "。"),
    "roads, sections": ("整治", "青山路、", "白石路等路段沿线环境。"),
    "schools": ("", "青山小学、", "。"),
    "schools located": ("", "青山小学、", "白石小学等均位于新区。"),
    "estates": ("", "白石小区、", "。"),
    "parks as examples": ("以", "青山公园、", "白石公园等为代表。"),
    "works and semicolons": ("", "新建白石路;", "新建青山路。"),
}
SIZES = (50_000, 200_000)


def seconds(path, repeat):
    """The least CPU time of ``repeat`` extractions of ``path`` (a file with no projects counts too)."""
    from geo.extract import extract_file
    from geo.io import InputError

    best = None
    for _ in range(repeat):
        start = time.process_time()
        try:
            extract_file(path)
        except InputError:
            pass
        spent = time.process_time() - start
        best = spent if best is None else min(best, spent)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="runs per measurement (the least is reported)")
    parser.add_argument("--only", default="", help="names of LISTS to time, separated by semicolons")
    args = parser.parse_args()
    names = [name for name in LISTS if not args.only or name in args.only.split(";")]
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        warm.write_text("新建白石路。\n", encoding="utf-8")
        seconds(warm, 1)  # (the lexicon and the tagger load once)
        for name in names:
            opening, item, closing = LISTS[name]
            times = []
            for size in SIZES:
                path = Path(tmp) / f"list_{size}.txt"
                path.write_text(opening + item * (size // len(item.encode("utf-8"))) + closing + "\n", encoding="utf-8")
                times.append(seconds(path, args.repeat))
            print(f"{name:32s} 50 KB {times[0]:6.2f} s  200 KB {times[1]:6.2f} s  "
                  f"ratio {times[1] / times[0]:4.1f}x (linear about 4x, quadratic 16x)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
