"""Viterbi decoding of marked syllables over a trigram model with stupid backoff."""
from __future__ import annotations

import gzip
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..vn.names import starts_with_surname
from ..vn.text import fold, new_tone_placement, nfc
from .channel import channel_keys
from .places import place_names
from .quality import assess
from .tokens import GARBLED_SYLLABLE, SYLLABLE

__all__ = ["Model", "model", "restore_syllables", "restore_text"]

_BACKOFF = math.log(0.4)
_MAX_CANDIDATES = 8
_FLOOR = -20.0


@dataclass
class Model:
    """Syllable counts: unigrams, bigrams and trigrams (keys joined by spaces)."""

    uni: dict[str, int]
    bi: dict[str, int]
    tri: dict[str, int]
    total: int
    candidates: dict[str, tuple[str, ...]]   # folded key → marked forms, most frequent first

    def unigram(self, w: str) -> float:
        c = self.uni.get(w, 0)
        return math.log(c / self.total) if c else _FLOOR

    def score(self, u: str, v: str, w: str) -> float:
        """log S(w | u v) with stupid backoff (Brants et al. 2007)."""
        c = self.tri.get(f"{u} {v} {w}")
        if c:
            return math.log(c / self.bi[f"{u} {v}"]) if f"{u} {v}" in self.bi else math.log(c / max(self.uni.get(v, 1), 1))
        c = self.bi.get(f"{v} {w}")
        if c:
            base = self.uni.get(v) or self.bi.get(f"<s> {w}", 1)
            return _BACKOFF + math.log(c / max(base, c))
        return 2 * _BACKOFF + self.unigram(w)


@cache
def model() -> Model:
    """The shipped tables (loaded on first use: about a second)."""
    uni: dict[str, int] = {}
    bi: dict[str, int] = {}
    tri: dict[str, int] = {}
    tables = {"1": uni, "2": bi, "3": tri}
    with resources.files("vbhc.data").joinpath("restore.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            kind, key, count = line.rstrip("\n").split("\t")
            tables[kind][key] = int(count)
    by_key: dict[str, list[str]] = {}
    for w in sorted(uni, key=uni.__getitem__, reverse=True):
        by_key.setdefault(fold(w), []).append(w)
    candidates = {k: tuple(v[:_MAX_CANDIDATES]) for k, v in by_key.items()}
    return Model(uni, bi, tri, sum(uni.values()), candidates)


_VIETNAMESE_ONLY = frozenset("ăâđêôơưĂÂĐÊÔƠƯ") | frozenset(chr(c) for c in range(0x1EA0, 0x1EFA))


_EDIT_COST = 2.5   # log-score cost of one OCR substitution
_BEAM = 16         # Viterbi states kept per syllable (of up to 12 × 12)
_DAY = re.compile(r"^ng[a-z0-9&]{1,2}y$")  # "ngày", OCR'd "ngay", "ngdy"


def _options(token: str, m: Model, garbled: bool) -> tuple[tuple[str, float], ...]:
    """The lower-case forms a printed syllable may stand for, each with a cost.

    A syllable with Vietnamese marks is kept. In text OCR'd without Vietnamese data
    (``garbled``), Latin marks ("hién", "thé") and glyphs ("S6", "ngdy") are read through
    the OCR channel, each substitution costing ``_EDIT_COST``; in merely stripped text,
    only plain ASCII syllables are restored.
    """
    low = token.lower()
    if any(c in _VIETNAMESE_ONLY for c in token) or (not garbled and not token.isascii()):
        return ((low, 0.0),)
    key = fold(low)
    options: list[tuple[str, float]] = [(w, 0.0) for w in m.candidates.get(key, ())]
    if garbled:  # any word may be another one misread ("BINH" for ĐỊNH): let the model weigh both
        for k, edits in channel_keys(key, m.candidates):
            options.extend((w, edits * _EDIT_COST) for w in m.candidates[k][:3])
    if not options:
        return ((low, 0.0),)
    options.sort(key=lambda wc: (wc[1], -m.uni.get(wc[0], 0)))
    return tuple(options[:_MAX_CANDIDATES + 4])


def restore_syllables(
    tokens: list[str], garbled: bool = False, keep: frozenset[int] = frozenset(), fixed: dict[int, str] | None = None
) -> list[str]:
    """The most likely marked form of each syllable of one run (case kept as printed).

    Positions in ``keep`` stay as printed (people's names); ``fixed`` gives the syllables
    already known (place names from the gazetteer). Second-order Viterbi: the states are
    (previous, current) pairs."""
    m = model()
    fixed = fixed or {}
    options = [
        ((fixed[k].lower(), 0.0),) if k in fixed else ((t.lower(), 0.0),) if k in keep else _options(t, m, garbled)
        for k, t in enumerate(tokens)
    ]
    states: dict[tuple[str, str], tuple[float, list[str]]] = {("<s>", "<s>"): (0.0, [])}
    for opts in options:
        nxt: dict[tuple[str, str], tuple[float, list[str]]] = {}
        for (u, v), (score, path) in states.items():
            for w, cost in opts:
                s = score + m.score(u, v, w) - cost
                key = (v, w)
                if key not in nxt or s > nxt[key][0]:
                    nxt[key] = (s, [*path, w])
        if len(nxt) > _BEAM:
            nxt = dict(sorted(nxt.items(), key=lambda kv: kv[1][0], reverse=True)[:_BEAM])
        states = nxt
    best = max(states.values(), key=lambda sp: sp[0])[1]
    return [t if k in keep else _case_like(t, w) for k, (t, w) in enumerate(zip(tokens, best, strict=True))]


def _case_like(printed: str, word: str) -> str:
    letters = [c for c in printed if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if printed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _names(
    run: list[str], marked_names: dict[str, str], line_starts: frozenset[int] = frozenset()
) -> tuple[frozenset[int], dict[int, str]]:
    """People's names in a run: a family name and 2–4 more capitalised syllables on one
    line (two-syllable runs are mostly places: "Hà Nội"); at the start of a line only
    when the line holds nothing but capitalised words (a signer's name on its own line),
    not as the first word of a sentence. A name printed with marks elsewhere in the text
    takes that form; any other stays as printed.

    Returns the positions to keep as printed, and the positions given a marked form."""
    keep: set[int] = set()
    fixed: dict[int, str] = {}
    title = [t[:1].isupper() and not (len(t) > 1 and t.isupper()) for t in run]
    starts = sorted({0, *line_starts})
    for n, line_start in enumerate(starts):
        line_end = starts[n + 1] if n + 1 < len(starts) else len(run)
        k = line_start if all(title[line_start:line_end]) and line_end - line_start <= 5 else line_start + 1
        while k < line_end:
            if title[k] and starts_with_surname(run[k]):
                j = k + 1
                while j < line_end and j - k < 5 and title[j]:
                    j += 1
                if j - k >= 3:
                    marked = marked_names.get(fold(" ".join(run[k:j])))
                    if marked:
                        fixed.update(zip(range(k, j), marked.split(), strict=True))
                    else:
                        keep.update(range(k, j))
                k = j
            else:
                k += 1
    return frozenset(keep), fixed


def restore_text(text: str, garbled: bool | None = None) -> str:
    """``text`` with the marks of its unmarked syllables restored; everything else as is.

    ``garbled`` says the text was OCR'd without Vietnamese data; by default it is judged
    from the text (:func:`vbhc.restore.assess`). A person's name stays as printed unless
    the same name appears with marks elsewhere in the text.
    """
    text = new_tone_placement(nfc(text))
    if garbled is None:
        garbled = assess(text).verdict == "garbled"
    runs_found: list[list[tuple[int, int, str]]] = []
    run: list[tuple[int, int, str]] = []
    last = 0
    for mt in (GARBLED_SYLLABLE if garbled else SYLLABLE).finditer(text):
        if run and text[last:mt.start()].strip():
            runs_found.append(run)
            run = []
        run.append((mt.start(), mt.end(), mt.group()))
        last = mt.end()
    if run:
        runs_found.append(run)
    marked_names: dict[str, str] = {}
    for r in runs_found:
        words = [t for _, _, t in r]
        for i in range(len(words)):
            for j in range(i + 3, min(len(words), i + 5) + 1):
                span = words[i:j]
                if all(w[:1].isupper() for w in span) and not any(w.isascii() for w in span):
                    marked_names.setdefault(fold(" ".join(span)), " ".join(span))
    # Places first, over the whole text: a name met after "phường …" in the header settles
    # the same name before ", ngày" of the date line.
    known_places: dict[str, str] = {}
    places = [place_names([t for _, _, t in r], False, known_places) for r in runs_found]
    out: list[str] = []
    at = 0
    for n, r in enumerate(runs_found):
        tokens = [t for _, _, t in r]
        nxt = runs_found[n + 1] if n + 1 < len(runs_found) else None
        if nxt and text[r[-1][1]:nxt[0][0]].strip() == "," and _DAY.match(fold(nxt[0][2])):
            places[n] = {**place_names(tokens, True, known_places), **places[n]}
        breaks = frozenset(k for k in range(1, len(r)) if "\n" in text[r[k - 1][1]:r[k][0]])
        keep, named = _names(tokens, marked_names, breaks)
        words = restore_syllables(tokens, garbled, keep, {**places[n], **named})
        for (a, b, _), w in zip(r, words, strict=True):
            out.append(text[at:a])
            out.append(w)
            at = b
    out.append(text[at:])
    return "".join(out)
