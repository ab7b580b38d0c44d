"""Checker speed: .docx documents checked per second, against a bare python-docx read.

Usage: python benchmarks/bench_check.py [--rounds 5] [--write benchmarks/RESULTS.md]

The files, built in a temporary folder in the same run:

* the five plans of ``corpus/`` as plain Word files (tests/forms.py ``text_to_docx``);
* the generator's six kinds (``render_docx_bytes``) from the bundled data.

vbhc = ``vbhc.check.check_file(path)``: open the file once, read its lines, parse the
plan, build the layout model, run every content and format check. Bare = python-docx
opening the same file and reading every paragraph's and cell's text. The ratio is vbhc
time / bare time (target ≤ 2×).
"""
from __future__ import annotations

import argparse
import platform
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests"))

from bench_generate import plan_for  # noqa: E402
from bench_readers import bare_docx  # noqa: E402
from forms import text_to_docx  # noqa: E402
from results_file import best, publish  # noqa: E402

from vbhc.check import check_file  # noqa: E402
from vbhc.generate.context import kinds  # noqa: E402
from vbhc.generate.render import render_docx_bytes  # noqa: E402


def build(folder: Path) -> dict[str, list[Path]]:
    plans = sorted((ROOT / "corpus").glob("*.txt"))
    plain = [text_to_docx(p.read_text(encoding="utf-8"), folder / f"{p.stem}.docx") for p in plans]
    generated = []
    for kind in kinds():
        data, _ = render_docx_bytes(plan_for(kind), kind)
        path = folder / f"{kind}.docx"
        path.write_bytes(data)
        generated.append(path)
    return {"corpus plans as plain .docx": plain, "generator output, 6 kinds": generated}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()
    lines = [
        "## Checker (`benchmarks/bench_check.py`, issue 7)",
        "",
        f"{date.today()}, Python {platform.python_version()}, one process on one core, best of 3 × {args.rounds} rounds. "
        "vbhc = `check_file`: read, parse, layout model, every content and format check. "
        "Baseline = python-docx opening the same file and reading every paragraph and cell. Target ≤ 2×.",
        "",
        "| files | count | baseline docs/s | vbhc docs/s | time ratio |",
        "|---|---:|---:|---:|---:|",
    ]
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        groups = build(Path(tmp))
        everything = [p for files in groups.values() for p in files]
        for label, files in [*groups.items(), ("all", everything)]:
            ours = best(lambda files=files: [check_file(p) for p in files], args.rounds) / len(files)
            base = best(lambda files=files: bare_docx(files), args.rounds) / len(files)
            ratios.append(ours / base)
            lines.append(f"| {label} | {len(files)} | {1 / base:.1f} | {1 / ours:.1f} | {ours / base:.2f}× |")
    lines.append("")
    overall = ratios[-1]
    lines.append(f"Overall {overall:.2f}×: target ≤ 2× {'met' if overall <= 2 else 'NOT met'}.")
    publish(lines, "check", args.write)


if __name__ == "__main__":
    main()
