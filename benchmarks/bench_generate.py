"""Generator speed: documents per second for each kind, against a bare docxtpl render.

Usage: python benchmarks/bench_generate.py [--rounds 20] [--write benchmarks/RESULTS.md]

For each kind it measures, in one run and on the same data (the bundled plan 004 for
``ke-hoach``, tests/data/generate/ho-so-xa-tan-loi.json for the award dossiers):

* vbhc: ``render_docx_bytes(plan, kind)``: required-field check, context building with
  the Vietnamese formatting, the sandboxed render, rule sizing, saving to bytes;
* bare: ``DocxTemplate(template).render(context)`` with docxtpl's default Jinja
  environment and the context already built, then saving to bytes.

The ratio is vbhc time / bare time (target ≤ 1.3×).
"""
from __future__ import annotations

import argparse
import io
import platform
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from docxtpl import DocxTemplate  # noqa: E402
from results_file import best, publish  # noqa: E402

import vbhc  # noqa: E402
from vbhc.generate.context import build_context, kinds  # noqa: E402
from vbhc.generate.inputs import load_data  # noqa: E402
from vbhc.generate.render import render_docx_bytes, template_path  # noqa: E402
from vbhc.model import Nominee  # noqa: E402


def plan_for(kind: str):
    if kind == "ke-hoach":
        return vbhc.parse_file(next((ROOT / "corpus").glob("004_*.txt")))
    plan = load_data(ROOT / "tests" / "data" / "generate" / "ho-so-xa-tan-loi.json")
    if kind == "bao-cao-ca-nhan":
        plan.report.subject = Nominee("individual", "Trần Văn Bình", "Chánh Văn phòng", "UBND xã Tân Lợi")
    return plan


def bare(kind: str, context: dict) -> bytes:
    doc = DocxTemplate(str(template_path(kind)))
    doc.render(context, autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()
    lines = [
        "## Generator (issue 6)",
        "",
        f"`python benchmarks/bench_generate.py --rounds {args.rounds}`, {date.today()}, Python {platform.python_version()}. "
        "vbhc = required-field check + context (formatting) + sandboxed render + rule sizing + save; "
        "bare = docxtpl's own render of the same template with the context already built, + save. Target ≤ 1.3×.",
        "",
        "| kind | vbhc docs/s | bare docxtpl docs/s | ratio (vbhc time / bare) |",
        "|---|---:|---:|---:|",
    ]
    ratios = []
    for kind in kinds():
        plan = plan_for(kind)
        context = build_context(plan, kind).values
        ours = best(lambda plan=plan, kind=kind: render_docx_bytes(plan, kind), args.rounds)
        base = best(lambda kind=kind, context=context: bare(kind, context), args.rounds)
        ratios.append(ours / base)
        lines.append(f"| {kind} | {1 / ours:.1f} | {1 / base:.1f} | {ours / base:.2f}× |")
    lines.append("")
    worst = max(ratios)
    lines.append(f"Worst ratio {worst:.2f}×: target ≤ 1.3× {'met' if worst <= 1.3 else 'NOT met'}.")
    publish(lines, "generate", args.write)


if __name__ == "__main__":
    main()
