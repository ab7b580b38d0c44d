"""Diacritic restoration: syllable accuracy and speed against baselines, in one run.

Usage: python benchmarks/bench_restore.py [--train ../shared/train] [--docs 40] [--ocr-docs 6]
                                          [--write benchmarks/RESULTS.md]

Test text: the documents the training script holds out (every 20th in-domain document of
../shared/train), which the shipped model never saw.

* stripped: each document with its marks removed, restored, compared syllable by syllable;
* eng-garbled: the first page of a few documents drawn as a 300 dpi image and read by
  `tesseract -l eng` (what OCR without Vietnamese data prints), restored, and aligned with
  the original: a syllable counts when it comes back with the right marks. OCR's own
  letter errors count against every method alike;
* baselines in the same run: the most frequent marked form of each syllable (no context),
  and pyvi's ViUtils.add_accents when pyvi is installed.
"""
from __future__ import annotations

import argparse
import difflib
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from results_file import publish  # noqa: E402

from vbhc.restore.decode import model, restore_text  # noqa: E402
from vbhc.restore.tokens import GARBLED_SYLLABLE, SYLLABLE  # noqa: E402
from vbhc.restore.train import documents  # noqa: E402
from vbhc.vn.text import fold, new_tone_placement, nfc, strip_marks  # noqa: E402


def unigram_baseline(text: str) -> str:
    m = model()

    def pick(mt):  # type: ignore[no-untyped-def]
        word = mt.group()
        if not word.isascii():
            return word
        best = m.candidates.get(fold(word), (word.lower(),))[0]
        return best.upper() if word.isupper() and len(word) > 1 else (best[:1].upper() + best[1:] if word[:1].isupper() else best)

    return SYLLABLE.sub(pick, text)


def pyvi_baseline():  # type: ignore[no-untyped-def]
    try:
        from pyvi import ViUtils
    except ImportError:
        return None
    def restore(text: str) -> str:
        out = []
        for line in text.split("\n"):
            try:
                out.append(ViUtils.add_accents(line))
            except (KeyError, IndexError, ValueError):  # pyvi fails on some inputs; keep the line
                out.append(line)
        return "\n".join(out)

    return restore


def accuracy_aligned(original: str, restored: str) -> float:
    """Share of the original's syllables that come back with the right marks, after
    aligning the two syllable sequences on their folded forms."""
    a = [w.lower() for w in SYLLABLE.findall(new_tone_placement(nfc(original)))]
    b = [w.lower() for w in SYLLABLE.findall(new_tone_placement(nfc(restored)))]
    matcher = difflib.SequenceMatcher(None, [fold(w) for w in a], [fold(w) for w in b], autojunk=False)
    good = 0
    for block in matcher.get_matching_blocks():
        good += sum(a[block.a + k] == b[block.b + k] for k in range(block.size))
    return good / max(len(a), 1)


def draw_page(text: str, path: Path) -> str:
    """Draw ``text`` on an A4 page at 300 dpi; return the part of it that fits."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf", 52)
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    y = 180
    drawn: list[str] = []
    for line in text.split("\n"):
        row = ""
        for w in line.split():
            if row and draw.textlength(row + " " + w, font=font) > 2050:
                if y > 3300:
                    break
                draw.text((250, y), row, font=font, fill=0)
                drawn.append(row)
                y += 70
                row = ""
            row = f"{row} {w}".strip()
        if y > 3300:
            break
        draw.text((250, y), row, font=font, fill=0)
        drawn.append(row)
        y += 70
    image.save(path, dpi=(300, 300))
    return "\n".join(drawn)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=ROOT.parent / "shared" / "train")
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--ocr-docs", type=int, default=6)
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()
    _, held = documents(args.train, 20, 0)
    held = [new_tone_placement(nfc(d))[:15_000] for d in held if len(d) > 2000][: args.docs]
    model()
    pyvi = pyvi_baseline()
    methods = {"vbhc (trigram, Viterbi)": lambda t: restore_text(t, garbled=False), "most frequent form (baseline)": unigram_baseline}
    if pyvi:
        methods["pyvi ViUtils.add_accents (baseline)"] = pyvi
    rows = []
    syllables = sum(len(SYLLABLE.findall(d)) for d in held)
    for name, fn in methods.items():
        t0 = time.perf_counter()
        restored = [fn(strip_marks(d)) for d in held]
        dt = time.perf_counter() - t0
        good = sum(sum(x.lower() == y.lower() for x, y in zip(SYLLABLE.findall(d), SYLLABLE.findall(r), strict=False)) for d, r in zip(held, restored, strict=True))
        rows.append(("stripped", name, good / syllables, syllables / dt))
    # eng-garbled OCR
    garbled: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, doc in enumerate(held[: args.ocr_docs]):
            png = Path(tmp) / f"p{k}.png"
            page = draw_page("\n".join(doc.split("\n")[:40])[:3500], png)
            env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
            ocr = subprocess.run(["tesseract", str(png), "-", "-l", "eng"], capture_output=True, text=True, check=True, env=env).stdout
            garbled.append((page, ocr))
    ocr_methods = {
        "vbhc (trigram, Viterbi, OCR channel)": lambda t: restore_text(t, garbled=True),
        "no restoration (the OCR text as is)": lambda t: t,
        "most frequent form (baseline)": unigram_baseline,
    }
    if pyvi:
        ocr_methods["pyvi ViUtils.add_accents (baseline)"] = pyvi
    for name, fn in ocr_methods.items():
        t0 = time.perf_counter()
        scores = [accuracy_aligned(page, fn(ocr)) for page, ocr in garbled]
        dt = time.perf_counter() - t0
        n = sum(len(GARBLED_SYLLABLE.findall(o)) for _, o in garbled)
        rows.append(("eng-garbled OCR", name, sum(scores) / len(scores), n / dt))
    lines = [
        "## Diacritic restoration (`benchmarks/bench_restore.py`)",
        "",
        f"{date.today().isoformat()}, Python {platform.python_version()}, one core. {len(held)} held-out documents "
        f"({syllables:,} syllables) stripped of their marks; first pages of {len(garbled)} of them drawn at 300 dpi and read "
        "by `tesseract -l eng`. Accuracy: share of the original's syllables that come back with the right marks.",
        "",
        "| input | method | syllable accuracy | syllables per second |",
        "|---|---|---:|---:|",
        *(f"| {a} | {b} | {c:.2%} | {d:,.0f} |" for a, b, c, d in rows),
        "",
        "Targets (issue 5): ≥ 97 % on stripped text, ≥ 90 % on eng-garbled OCR, ≥ 5,000 syllables per second per core.",
    ]
    publish(lines, "restore", args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
