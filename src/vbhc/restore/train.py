"""Build the restoration tables from a folder of Vietnamese text.

Usage: python -m vbhc.restore.train --train ../shared/train [--out src/vbhc/data/restore.tsv.gz]
                                    [--phapdien-mb 12] [--holdout-every 20]

Counts syllable unigrams, bigrams and trigrams (lower case, NFC, new-style tone marks)
inside runs of syllables that only spaces separate, then prunes them (bigrams seen twice,
trigrams three times) so the table ships at a few megabytes. Every ``--holdout-every``-th
document of each in-domain file is left out, so that ``benchmarks/bench_restore.py`` can
measure accuracy on text the model never saw. Only the tables are shipped, never the text.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import sys
from collections import Counter
from pathlib import Path

from .tokens import runs

IN_DOMAIN = ["tvpl_docs_2025.txt", "tvpl_full_texts.txt", "vbpl_local_docs.txt", "admin_prose.txt", "nd30_2020_vanthu.txt"]
SEPARATOR = "\n\n=====\n\n"


def documents(train: Path, holdout_every: int, phapdien_mb: int) -> tuple[list[str], list[str]]:
    """(training documents, held-out documents)."""
    kept, held = [], []
    for name in IN_DOMAIN:
        path = train / name
        if not path.exists():
            continue
        for k, doc in enumerate(path.read_text(encoding="utf-8").split(SEPARATOR)):
            (held if holdout_every and k % holdout_every == holdout_every - 1 else kept).append(doc)
    legal = train / "phapdien.txt"
    if legal.exists() and phapdien_mb:
        with legal.open(encoding="utf-8") as fh:
            kept.append(fh.read(phapdien_mb * 1_000_000))
    return kept, held


def count(texts: list[str]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    tri: Counter[str] = Counter()
    for text in texts:
        for run in runs(text):
            words = [w.lower() for w in run]
            uni.update(words)
            padded = ["<s>", *words]
            bi.update(f"{a} {b}" for a, b in itertools.pairwise(padded))
            tri.update(f"{a} {b} {c}" for a, b, c in zip(padded, padded[1:], padded[2:], strict=False))
    return uni, bi, tri


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=Path("../shared/train"))
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "restore.tsv.gz")
    ap.add_argument("--phapdien-mb", type=int, default=12)
    ap.add_argument("--holdout-every", type=int, default=20)
    ap.add_argument("--min-bigram", type=int, default=2)
    ap.add_argument("--min-trigram", type=int, default=3)
    args = ap.parse_args(argv)
    kept, held = documents(args.train, args.holdout_every, args.phapdien_mb)
    uni, bi, tri = count(kept)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"# vbhc restore tables: {len(kept)} documents, {len(held)} held out every {args.holdout_every}\n")
        for w, c in uni.most_common():
            if c >= 1:
                fh.write(f"1\t{w}\t{c}\n")
        for w, c in bi.most_common():
            if c >= args.min_bigram:
                fh.write(f"2\t{w}\t{c}\n")
        for w, c in tri.most_common():
            if c >= args.min_trigram:
                fh.write(f"3\t{w}\t{c}\n")
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.1f} MB, {len(uni)} syllables", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
