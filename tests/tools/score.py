# Copied verbatim from ../shared/tools/score.py so that a fresh clone (which has no ../shared)
# can score the parser against tests/data/gold. Keep it in sync; do not edit.
"""Score extracted plan fields against hand-written truth files.

Usage:
  score.py --truth TRUTH_DIR --pred PRED_DIR            # PRED_DIR/NAME.json beside TRUTH_DIR/NAME.json
  score.py --truth TRUTH_DIR --docs DOCS_DIR --cmd "vbhc parse --format json {path}"
           [--suffix .txt|.docx|.*] [--only seed_000,seed_002] [--fields number,issue_date]
           [--loose] [--min-f1 0.9] [--json] [--show-misses]

Example, the four clean seeds as they sit in ../shared:
  python3 ../shared/tools/score.py --truth ../shared/gold --docs ../shared/seeds \
      --only seed_000,seed_002,seed_003,seed_004 --show-misses \
      --cmd "python -m vbhc parse --format json {path}"

For every truth file NAME.json it finds the document DOCS_DIR/NAME<suffix> (for a truth
named seed_NNN it also accepts DOCS_DIR/NNN_*<suffix>, the seeds' own file names), or
the prediction PRED_DIR/NAME.json, runs the command on it (stdout must be the JSON
object of the plan, or a list whose first element is), compares field by field and
prints per-field precision, recall and F1, then one closing line:
"micro-F1 0.934 over N documents".
Values are compared bare: `"number": "263/KH-UBND"`, not an object around it.
--loose compares text with diacritics removed (for diacritic-stripped input).
Exit status 1 when --min-f1 is given and the micro-F1 is below it; 2 when no
document was found to score.

Only the standard library is used, so it runs before the project is installed.
"""
from __future__ import annotations

import argparse
import difflib
import json
import shlex
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

# Old-style tone placement ("hoà", "uỷ") and new-style ("hòa", "ủy") are the same word.
_TONE_VARIANTS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}


def norm(text, loose=False):
    if text is None:
        return None
    t = unicodedata.normalize("NFC", str(text)).lower()
    for old, new in _TONE_VARIANTS.items():
        t = t.replace(old, new)
    if loose:
        t = t.replace("đ", "d")
        t = "".join(c for c in unicodedata.normalize("NFD", t) if unicodedata.category(c) != "Mn")
    t = t.replace("–", "-").replace("—", "-")
    t = " ".join(t.replace("\u00a0", " ").split())
    return t.strip(" .;:,")


def norm_number(text, loose=False):
    t = norm(text, loose)
    return None if t is None else t.replace(" ", "")


def similar(a, b, threshold):
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= threshold


def get(d, dotted):
    for key in dotted.split("."):
        if not isinstance(d, dict):
            return None
        d = d.get(key)
    return d


def truth_scalar(t, field):
    """Truth files use flat keys for the signer; predictions use a nested signer object."""
    flat = {"signer.name": "signer_name", "signer.title": "signer_title", "signer.authority": "signing_authority"}
    if field in flat and field not in t:
        return t.get(flat[field])
    return get(t, field)


SCALARS = {
    # field: (normaliser, fuzzy threshold or None for exact)
    "doc_type": (norm, None),
    "number": (norm_number, None),
    "issue_date": (norm, None),
    "place": (norm, None),
    "issuer": (norm, 0.92),
    "parent_issuer": (norm, 0.92),
    "title": (norm, 0.90),
    "signer.name": (norm, None),
    "signer.title": (norm, None),
    "signer.authority": (norm, None),
    "campaign_period.start": (norm, None),
    "campaign_period.end": (norm, None),
}


# Fields the truth leaves null where the text states nothing explicit; a parser that infers a
# value there (e.g. a period's end from "giai đoạn 2021 - 2025") is not penalised.
OPTIONAL_WHEN_UNSTATED = {"campaign_period.start", "campaign_period.end"}


def list_items(doc, field, loose, is_truth):
    items = doc.get(field) or []
    out = []
    for it in items:
        if field == "references":
            key = norm_number(it.get("number") if isinstance(it, dict) else it, loose)
        elif field == "quotas":
            if not isinstance(it, dict):
                continue
            if it.get("collectives") is None and it.get("individuals") is None:
                continue  # a quota without counts ("số lượng do UBND tỉnh phân bổ") is not scored
            key = (norm(it.get("award"), True) or "", it.get("collectives"), it.get("individuals"))
        elif field == "deadlines":
            key = norm(it.get("date") if isinstance(it, dict) else it, loose)
            if key is None:
                continue  # relative deadlines ("10 ngày trước Hội nghị") carry no date to compare
        elif field == "recipients":
            key = norm(it, loose)
        elif field == "sections":
            if isinstance(it, dict):
                key = f"{norm(it.get('label'), loose)} {norm(it.get('heading'), loose)}"
            else:
                key = norm(it, loose)
        else:
            key = norm(json.dumps(it, ensure_ascii=False), loose)
        if key not in (None, "", "None"):
            out.append(key)
    return out


LISTS = {"references": None, "quotas": None, "deadlines": None, "recipients": 0.85, "sections": 0.85}


def match_lists(pred, truth, threshold):
    """Greedy one-to-one matching; exact unless a fuzzy threshold is given."""
    left = list(truth)
    tp = 0
    for p in pred:
        hit = None
        for i, t in enumerate(left):
            if p == t or (threshold and isinstance(p, str) and isinstance(t, str) and similar(p, t, threshold)):
                hit = i
                break
        if hit is not None:
            tp += 1
            left.pop(hit)
    return tp, len(pred) - tp, len(left)


def score_doc(pred, truth, loose, counts, misses, name, skip=frozenset()):
    for field, (fn, threshold) in SCALARS.items():
        if field in skip:
            continue
        t = fn(truth_scalar(truth, field), loose)
        p = fn(get(pred, field), loose)
        if t in (None, ""):
            if p not in (None, "") and field not in OPTIONAL_WHEN_UNSTATED:
                counts[field]["fp"] += 1
            continue
        if p in (None, ""):
            counts[field]["fn"] += 1
            misses.append(f"{name}: {field}: missing, want {t!r}")
        elif p == t or (threshold and similar(p, t, threshold)):
            counts[field]["tp"] += 1
        else:
            counts[field]["fp"] += 1
            counts[field]["fn"] += 1
            misses.append(f"{name}: {field}: got {p!r}, want {t!r}")
    for field, threshold in LISTS.items():
        if field in skip or field not in truth or truth.get(field) is None:
            continue
        t = list_items(truth, field, loose, True)
        p = list_items(pred, field, loose, False)
        tp, fp, fn = match_lists(p, t, threshold)
        counts[field]["tp"] += tp
        counts[field]["fp"] += fp
        counts[field]["fn"] += fn
        if fp or fn:
            misses.append(f"{name}: {field}: {tp} matched, {fp} extra, {fn} missed")


def f1(c):
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def predict(cmd, path):
    args = [a.replace("{path}", str(path)) for a in shlex.split(cmd)]
    run = subprocess.run(args, capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        raise RuntimeError(f"exit {run.returncode}: {run.stderr.strip()[-300:]}")
    data = json.loads(run.stdout)
    if isinstance(data, list):
        data = data[0] if data else {}
    return data


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--truth", required=True, type=Path)
    ap.add_argument("--pred", type=Path)
    ap.add_argument("--docs", type=Path)
    ap.add_argument("--cmd")
    ap.add_argument("--suffix", default=".txt")
    ap.add_argument("--only", help="comma-separated truth names to score")
    ap.add_argument("--fields", help="comma-separated fields to score (default: all)")
    ap.add_argument("--loose", action="store_true")
    ap.add_argument("--min-f1", type=float)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--skip-unreadable", action="store_true",
                    help="leave out fields a truth file lists under _not_in_text (handwritten, lost under a stamp)")
    a = ap.parse_args()

    counts = defaultdict(Counter)
    misses, failures, n = [], [], 0
    names = sorted(p.stem for p in a.truth.glob("*.json"))
    if a.only:
        wanted = set(a.only.split(","))
        names = [x for x in names if x in wanted]
    for name in names:
        truth = json.loads((a.truth / f"{name}.json").read_text(encoding="utf-8"))
        skip = set()
        if a.skip_unreadable:
            flat = {"signer_name": "signer.name", "signer_title": "signer.title", "signing_authority": "signer.authority"}
            for entry in truth.get("_not_in_text", []):
                field = entry.split()[0].split("[")[0]
                skip.add(flat.get(field, field))
        try:
            if a.pred:
                pred = json.loads((a.pred / f"{name}.json").read_text(encoding="utf-8"))
            else:
                doc = a.docs / f"{name}{a.suffix}"
                if a.suffix == ".*":  # any extension: originals kept as .pdf, .doc, .docx …
                    doc = next(iter(sorted(a.docs.glob(f"{name}.*"))), doc)
                if not doc.exists() and name.startswith("seed_"):
                    doc = next(iter(sorted(a.docs.glob(f"{name[5:]}_*{a.suffix}"))), doc)
                if not doc.exists():
                    continue
                pred = predict(a.cmd, doc)
        except Exception as e:  # a document that fails scores zero on every field it has
            failures.append(f"{name}: {e}")
            pred = {}
        n += 1
        if a.fields:
            wanted_fields = set(a.fields.split(","))
            skip |= {f for f in list(SCALARS) + list(LISTS) if f not in wanted_fields}
        score_doc(pred, truth, a.loose, counts, misses, name, skip)

    total = Counter()
    rows = []
    for field in list(SCALARS) + list(LISTS):
        c = counts.get(field)
        if not c:
            continue
        total.update(c)
        p, r, f = f1(c)
        rows.append((field, p, r, f, c["tp"], c["fp"], c["fn"]))
    _, _, micro = f1(total) if n else (0.0, 0.0, 0.0)
    if a.json:
        print(json.dumps({"documents": n, "micro_f1": micro, "fields": {r[0]: {"p": r[1], "r": r[2], "f1": r[3]} for r in rows},
                          "failures": failures}, ensure_ascii=False))
    else:
        print(f"{'field':24} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
        for field, p, r, f, tp, fp, fn in rows:
            print(f"{field:24} {p:6.3f} {r:6.3f} {f:6.3f} {tp:4} {fp:3} {fn:3}")
        for line in failures:
            print("FAILED", line)
        if a.show_misses:
            for line in misses:
                print("  miss", line)
        print(f"micro-F1 {micro:.3f} over {n} documents")
    if n == 0:
        sys.exit(2)
    if a.min_f1 is not None and micro < a.min_f1:
        sys.exit(1)


if __name__ == "__main__":
    main()
