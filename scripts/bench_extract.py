#!/usr/bin/env python3
"""Extraction speed benchmark: `geo extract` on 100 KB and 1 MB of report text vs `jieba.lcut`.

Also times two crafted texts (one sentence listing a few items thousands of times, at 50 KB and
200 KB): their times should grow about fourfold, not sixteenfold (scripts/bench_lists.py times
more such lists, one per kind of item).

Targets (issue #10): extracting 1 MB of report text takes no more time than `jieba.lcut` on the
same text (both whole processes, measured in turns in the same run), and 1 MB takes at most 13x the time
of 100 KB (linear scaling). The text is all the report text in the repository, concatenated and
repeated to size: the bundled report excerpt, the real texts of tests/fixtures/extract/real and
the passages written in report style in tests/fixtures/extract. Prints medians of repeated runs and
the ratios. jieba is only needed for the comparison (`pip install -e .[bench]`); without it the
jieba line is skipped.

Usage: python scripts/bench_extract.py [--repeat N]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path

from bench import compile_package, interleaved_seconds, median_seconds  # scripts/bench.py: the same timing for every bench

ROOT = Path(__file__).resolve().parents[1]


def corpus_text(size_bytes):
    """Report text of about ``size_bytes`` UTF-8 bytes, cut at a line end."""
    parts = [(ROOT / "geo" / "data" / "tianqiao_work_report_excerpt.txt").read_text(encoding="utf-8")]
    fixtures = ROOT / "tests" / "fixtures" / "extract"
    parts += [p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("real/*.txt")) + sorted(fixtures.glob("*.txt"))]
    lines = [line for part in parts for line in part.splitlines() if line.strip() and not line.startswith("#")]
    out, size, index = [], 0, 0
    while size < size_bytes:
        line = lines[index % len(lines)]
        out.append(line)
        size += len(line.encode("utf-8")) + 1
        index += 1
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median is reported)")
    args = parser.parse_args()
    py = sys.executable
    compile_package(py)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        small, large = tmp / "report_100k.txt", tmp / "report_1m.txt"
        small.write_text(corpus_text(100_000), encoding="utf-8")
        large.write_text(corpus_text(1_000_000), encoding="utf-8")
        extract = lambda path: [py, "-m", "geo", "extract", str(path), "-o", str(tmp / "out.geojson")]  # noqa: E731
        t_small = median_seconds(extract(small), args.repeat)
        t_large = median_seconds(extract(large), args.repeat)
        print(f"geo extract 100 KB: {t_small:.2f} s (median of {args.repeat})")
        print(f"geo extract 1 MB:   {t_large:.2f} s (median of {args.repeat})")
        print(f"scaling 1 MB / 100 KB: {t_large / t_small:.1f}x (target <= 13x)")
        # A crafted text: one sentence listing the same few items thousands of times (rules that
        # look along a list must stay linear in it).
        for label, unit in (("list of roads", "青山路、"), ("list of counted types", "公厕、垃圾站等3座")):
            crafted = tmp / "crafted.txt"
            times = []
            for size, name in ((50_000, "50 KB"), (200_000, "200 KB")):
                crafted.write_text("改造" + unit * (size // len(unit.encode("utf-8"))) + "。\n", encoding="utf-8")
                times.append(median_seconds(extract(crafted), max(1, args.repeat // 2)))
                print(f"geo extract crafted {label}, {name}: {times[-1]:.2f} s")
            print(f"crafted {label}, 200 KB / 50 KB: {times[1] / times[0]:.1f}x (linear: about 4x, quadratic 16x)")
        if importlib.util.find_spec("jieba") is None:
            print("jieba not installed: comparison skipped (pip install jieba)")
            return 0
        code = ("import sys, jieba; jieba.setLogLevel(60); "
                "jieba.lcut(open(sys.argv[1], encoding='utf-8').read())")
        # Run in turns with geo extract on the same text: both see the machine as it is.
        t_geo, t_jieba, ratio = interleaved_seconds(extract(large), [py, "-c", code, str(large)], args.repeat)
        print(f"jieba.lcut 1 MB:    {t_jieba:.2f} s (median of {args.repeat}, in turns with geo extract 1 MB: "
              f"{t_geo:.2f} s)")
        print(f"geo extract / jieba.lcut on 1 MB: {t_geo / t_jieba:.2f}x, median of the turns' ratios "
              f"{ratio:.2f}x (target <= 1.0x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
