"""Corpus build speed and memory: ``vbhc corpus build`` on 10,000 synthetic text plans.

Usage: python benchmarks/bench_corpus.py [--n 10000] [--workers 2] [--write benchmarks/RESULTS.md]

The plans are made by the project's generator (``synth_corpus.make_corpus``: 40 rendered
plans, each varied in number and date). Measured in the same run, on the same files:

* baseline = ``vbhc.parse_file`` on every file in one process, nothing stored: what a
  script without ``vbhc corpus`` would do;
* pool parse = the build's worker function (hash + parse + JSON) on ``--workers``
  processes, nothing stored: the parallel part alone;
* build = ``vbhc.corpus.build`` into a new database (parse, all tables, full-text index),
  sampling the resident memory of the build process and of its workers as it goes;
* rebuild = the same build again, every file unchanged (hashes only).

Target (issue 8): 10,000 plans in under 2 minutes on 2 cores, memory flat as the corpus grows.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results_file import publish
from synth_corpus import make_corpus

import vbhc
from vbhc.corpus import build, search, stats
from vbhc.corpus.build import parse_in_parallel, walk


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()
    n, workers = args.n, args.workers
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        t0 = time.perf_counter()
        make_corpus(folder, n, seed=2026)
        made = time.perf_counter() - t0
        files = walk(folder)
        print(f"{len(files)} plans made in {made:.1f} s", file=sys.stderr)

        t0 = time.perf_counter()
        for f in files:
            vbhc.parse_file(f, restore=True)
        baseline = time.perf_counter() - t0
        print(f"baseline {baseline:.1f} s", file=sys.stderr)

        t0 = time.perf_counter()
        for _ in parse_in_parallel([(str(f), None, True) for f in files], workers, None):
            pass
        pool = time.perf_counter() - t0
        print(f"pool parse {pool:.1f} s", file=sys.stderr)

        samples: list[tuple[int, float, float]] = []
        marks = {round(len(files) * k / 10) for k in range(1, 11)}

        def progress(done: int, total: int, _path: str) -> None:
            if done in marks:
                children = multiprocessing.active_children()
                samples.append((done, rss_mb(), sum(rss_mb(c.pid) for c in children) / max(1, len(children))))

        db = Path(tmp) / "corpus.sqlite"
        t0 = time.perf_counter()
        summary = build(folder, db, workers=workers, progress=progress)
        built = time.perf_counter() - t0
        assert summary.documents == len(files) and summary.errors == 0, summary
        t0 = time.perf_counter()
        again = build(folder, db, workers=workers)
        rebuilt = time.perf_counter() - t0
        assert again.unchanged == len(files)
        size = sum(p.stat().st_size for p in db.parent.glob("corpus.sqlite*")) / 1e6

        queries = ["thi dua", "thi đua", "Bằng khen", "giay khen", "cải cách hành chính", '"Nghị định số 98/2023/NĐ-CP"', "lao dong gioi", "xã"]
        t0 = time.perf_counter()
        for q in queries:
            search(db, q, limit=20)
        search_ms = (time.perf_counter() - t0) / len(queries) * 1000
        t0 = time.perf_counter()
        stats(db)
        stats_ms = (time.perf_counter() - t0) * 1000

    first, last = samples[0], samples[-1]
    growth_main = last[1] / first[1]
    growth_worker = last[2] / first[2] if first[2] else 1.0
    flat = growth_main <= 1.25 and growth_worker <= 1.25
    lines = [
        "## Corpus build (`benchmarks/bench_corpus.py`, issue 8)",
        "",
        f"{date.today().isoformat()}, Python {platform.python_version()}, {os.cpu_count()} cores, {workers} worker processes. "
        f"{len(files):,} synthetic text plans made by the generator (`benchmarks/synth_corpus.py`, {made:.1f} s to make). "
        "Baseline = `vbhc.parse_file` on every file in one process, nothing stored.",
        "",
        "| run | seconds | plans/s | time ratio to baseline |",
        "|---|---:|---:|---:|",
        f"| baseline: parse in one process, nothing stored | {baseline:.1f} | {len(files) / baseline:.0f} | 1.00× |",
        f"| pool parse: hash + parse on {workers} processes, nothing stored | {pool:.1f} | {len(files) / pool:.0f} | {pool / baseline:.2f}× |",
        f"| **`corpus build`, new database** (all tables + full-text index) | **{built:.1f}** | **{len(files) / built:.0f}** | **{built / baseline:.2f}×** |",
        f"| `corpus build` again, nothing changed | {rebuilt:.1f} | {len(files) / rebuilt:.0f} | {rebuilt / baseline:.3f}× |",
        "",
        f"Target: {len(files):,} plans in under 120 s: {'met' if built < 120 else 'NOT met'} ({built:.0f} s). "
        f"Storing and indexing cost {built / pool:.2f}× the parallel parse alone. Database {size:.0f} MB; "
        f"search {search_ms:.0f} ms a query (mean of {len(queries)}), stats {stats_ms:.0f} ms.",
        "",
        "Resident memory during the build (MB; workers: mean per process):",
        "",
        "| plans done | build process | each worker |",
        "|---:|---:|---:|",
        *[f"| {done:,} | {main_mb:.0f} | {worker_mb:.0f} |" for done, main_mb, worker_mb in samples],
        "",
        f"From {first[0]:,} to {last[0]:,} plans the build process grew {growth_main:.2f}× and each worker {growth_worker:.2f}×: "
        f"memory {'flat' if flat else 'NOT flat'} (limit 1.25×).",
    ]
    publish(lines, "corpus", args.write)


if __name__ == "__main__":
    main()
