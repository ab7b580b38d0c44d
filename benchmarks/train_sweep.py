"""Run the parser over the real documents of ../shared/train and count what it finds.

Usage: python benchmarks/train_sweep.py [--train ../shared/train] [--show-missing FIELD]

For each corpus file (documents separated by a line "=====") it counts crashes
(unexpected exceptions: must be zero), documents refused as not administrative, and
documents where the number, the date, the issuer, the type, the title and the signer were
not found. The table it prints is the one in README.md.
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

import vbhc

FILES = ["tvpl_docs_2025.txt", "tvpl_full_texts.txt", "vbpl_local_docs.txt", "admin_prose.txt"]
FIELDS = ["number", "issue_date", "issuer", "doc_type", "title", "signer.name"]
BODY = ["references", "quotas", "deadlines", "campaign_period", "dossier"]


def documents(path: Path) -> list[str]:
    return [d for d in path.read_text(encoding="utf-8").split("\n\n=====\n\n") if d.strip()]


def value(plan: vbhc.Plan, field: str) -> object:
    obj: object = plan
    for part in field.split("."):
        obj = getattr(obj, part)
    return obj


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "train")
    ap.add_argument("--show-missing", metavar="FIELD", help="print the block indices where FIELD is missing")
    args = ap.parse_args()
    rows = []
    crashes = 0
    t0 = time.perf_counter()
    for name in FILES:
        path = args.train / name
        if not path.exists():
            print(f"skip {path}: not found", file=sys.stderr)
            continue
        counts: Counter[str] = Counter()
        for k, doc in enumerate(documents(path)):
            counts["documents"] += 1
            try:
                plan = vbhc.parse_text(doc, f"{name}#{k}")
            except vbhc.NotADocumentError:
                counts["not a document"] += 1
                continue
            except vbhc.InputError:
                counts["refused"] += 1
                continue
            except Exception:
                counts["crashes"] += 1
                crashes += 1
                traceback.print_exc()
                continue
            counts["parsed"] += 1
            for field in BODY:
                if value(plan, field):
                    counts[f"with {field}"] += 1
            counts["quotas with counts"] += bool([q for q in plan.quotas if q.collectives or q.individuals])
            for field in FIELDS:
                if value(plan, field) in (None, "", []):
                    counts[f"no {field}"] += 1
                    if args.show_missing == field:
                        print(f"  {name}#{k}: no {field}", file=sys.stderr)
        rows.append((name, counts))
    elapsed = time.perf_counter() - t0
    total = sum((c for _, c in rows), Counter())
    tables = [
        ["file", "documents", "parsed", "crashes", "not a document"] + [f"no {f}" for f in FIELDS],
        ["file", "parsed"] + [f"with {f}" for f in BODY[:2]] + ["quotas with counts"] + [f"with {f}" for f in BODY[2:]],
    ]
    for header in tables:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for name, c in rows:
            print("| " + " | ".join([f"`{name}`"] + [str(c[h]) for h in header[1:]]) + " |")
        print("| **total** | " + " | ".join(str(total[h]) for h in header[1:]) + " |")
        print()
    print(f"\n{total['documents']} documents in {elapsed:.1f} s", file=sys.stderr)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
