"""Place names in stripped or garbled text, restored from the gazetteer.

A level word ("thị xã", "phường", "TINH" …, as printed or OCR'd) followed by up to four
capitalised syllables is looked up among the units of that kind; so is the place before
", ngày" of a date line. A name matches on its folded key, or — for OCR — on a close key
(difflib ratio ≥ 0.8) when only one unit name is that close. Only a unique accented name
is used.
"""
from __future__ import annotations

import difflib
import re
from functools import cache

from .. import vocab
from ..gazetteer import units
from ..pipeline.anchors import anchors
from ..vn.fuzzy import fuzzy_pattern
from ..vn.text import fold

__all__ = ["place_names"]

_MAX_NAME = 4
_CLOSE = 0.8


@cache
def _level_pattern() -> re.Pattern[str]:
    levels = sorted(vocab.load("header")["levels"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(fuzzy_pattern(lv, vocab.ocr_letters()) for lv in levels) + r")$")


@cache
def _names_by_kind() -> dict[str, dict[str, set[str]]]:
    """folded kind → folded name → accented names ("" kind: every unit)."""
    out: dict[str, dict[str, set[str]]] = {}
    for u in units():
        for kind in (fold(u.kind), ""):
            out.setdefault(kind, {}).setdefault(fold(u.name), set()).add(u.name)
    return out


def _near(a: str, b: str) -> bool:
    """Same syllable count; each syllable equal but for one OCR-changed letter after the first."""
    sa, sb = a.split(), b.split()
    if len(sa) != len(sb):
        return False
    for x, y in zip(sa, sb, strict=True):
        if x == y:
            continue
        if x[:1] != y[:1] or abs(len(x) - len(y)) > 1 or difflib.SequenceMatcher(None, x, y).ratio() < 0.6:
            return False
    return sum(x != y for x, y in zip(sa, sb, strict=True)) <= 1


def _lookup(key: str, kind: str, known: dict[str, str] | None = None) -> str | None:
    """The accented name for a folded ``key`` of ``kind``: a name already met in the
    document first, else a unique gazetteer name, else a unique name one letter away."""
    if known and key in known:
        return known[key]
    return _gazetteer_name(key, kind)


@cache
def _gazetteer_name(key: str, kind: str) -> str | None:
    table = _names_by_kind().get(kind) or _names_by_kind()[""]
    names = table.get(key)
    if not names:
        close = [k for k in difflib.get_close_matches(key, table.keys(), n=3, cutoff=_CLOSE) if _near(key, k)]
        if len(close) != 1:
            return None
        names = table[close[0]]
    return next(iter(names)) if len(names) == 1 else None


def _kind_of(level_words: list[str]) -> str:
    joined = " ".join(fold(w) for w in level_words)
    for key in vocab.load("header")["levels"]:
        if re.fullmatch(fuzzy_pattern(key, vocab.ocr_letters()), joined):
            return key
    return joined


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def place_names(tokens: list[str], before_date: bool = False, known: dict[str, str] | None = None) -> dict[int, str]:
    """Replacements for the tokens of place names in one run: index → accented syllable.

    ``known`` maps folded names already resolved in the document to their accented form;
    names resolved here are added to it."""
    folded = [fold(t) for t in tokens]
    known = {} if known is None else known
    out: dict[int, str] = {}
    national = anchors().quoc_hieu.search(" ".join(folded))
    i = 0
    while i < len(tokens):
        if national and national.start() <= len(" ".join(folded[:i])) + (1 if i else 0) < national.end():
            i += 1  # "CỘNG HÒA XÃ HỘI …": the "xã" of the Quốc hiệu is no commune
            continue
        width = 2 if i + 1 < len(tokens) and _level_pattern().match(f"{folded[i]} {folded[i + 1]}") else (1 if _level_pattern().match(folded[i]) else 0)
        if width and i + width < len(tokens) and _capitalised(tokens[i + width]):
            kind = _kind_of(tokens[i:i + width])
            start = i + width
            stop = start
            while stop < len(tokens) and stop - start < _MAX_NAME and _capitalised(tokens[stop]):
                stop += 1
            for end in range(stop, start, -1):
                key = " ".join(folded[start:end])
                name = _lookup(key, kind, known)
                if name and len(name.split()) == end - start:
                    out.update(zip(range(start, end), name.split(), strict=True))
                    known[key] = known[fold(name)] = name
                    break
            i = max(stop, i + 1)
            continue
        i += 1
    if before_date:
        # "Ngd Nam, ngày …": the capitalised words that end the run name a place.
        start = len(tokens)
        while start > 0 and len(tokens) - start < _MAX_NAME and _capitalised(tokens[start - 1]):
            start -= 1
        for begin in range(start, len(tokens)):
            name = _lookup(" ".join(folded[begin:]), "", known)
            if name and len(name.split()) == len(tokens) - begin:
                out.update(zip(range(begin, len(tokens)), name.split(), strict=True))
                break
    return out
