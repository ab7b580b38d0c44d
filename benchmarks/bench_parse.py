"""Parse speed: plans per second on one core, as a ratio to reading and normalising.

Usage: python benchmarks/bench_parse.py [--rounds 40] [--write benchmarks/RESULTS.md]

Both measurements run in this process, on the same files, in the same run: the
baseline reads each file and normalises its text (vbhc.normalise); the parse reads each
file and runs the whole pipeline (vbhc.parse). The ratio says what segmentation and
extraction cost over the unavoidable first two stages.
"""
from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from results_file import publish

import vbhc
from vbhc.pipeline.read import read_text_file

ROOT = Path(__file__).resolve().parents[1]


def _time(fn, paths: list[Path], rounds: int) -> float:
    """Best-of-three seconds per document over ``rounds`` passes."""
    samples = []
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(rounds):
            for p in paths:
                fn(p)
        samples.append((time.perf_counter() - t0) / (rounds * len(paths)))
    return min(samples)


def baseline(path: Path) -> None:
    text, _ = read_text_file(path)
    vbhc.normalise(text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--write", type=Path, help="write the figures as Markdown to this file")
    args = ap.parse_args()
    paths = sorted(args.corpus.glob("*.txt"))
    if not paths:
        print(f"no .txt files in {args.corpus}", file=sys.stderr)
        return 2
    for p in paths:  # warm caches (compiled patterns, vocabulary)
        vbhc.parse(p)
    base = _time(baseline, paths, args.rounds)
    full = _time(vbhc.parse, paths, args.rounds)
    size = statistics.mean(p.stat().st_size for p in paths) / 1024
    rows = [
        ("read + normalise (baseline)", 1 / base, 1.0),
        ("full parse (vbhc.parse)", 1 / full, full / base),
    ]
    lines = [
        "## Parse speed (`benchmarks/bench_parse.py`)",
        "",
        f"{date.today().isoformat()}, Python {platform.python_version()}, one process on one core, "
        f"{len(paths)} plans of `corpus/` (mean {size:.1f} KiB) × {args.rounds} rounds, best of 3.",
        "",
        "| what | plans per second | time as a ratio to the baseline |",
        "|---|---:|---:|",
        *(f"| {name} | {rate:,.0f} | {ratio:.2f}× |" for name, rate, ratio in rows),
        "",
        f"Target (issue 2): ≥ 200 plans per second per core. Measured: {1 / full:,.0f}.",
        "",
    ]
    publish(lines, "parse", args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
