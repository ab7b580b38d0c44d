"""Is a text clean, stripped of its diacritics, or garbled by OCR without Vietnamese data?"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import SYLLABLE

__all__ = ["TextQuality", "assess"]

# OCR without Vietnamese data prints digits and symbols inside words ("S6", "c4", "nhi€m",
# "¢6") and marks Vietnamese never uses (ä, ë, ï, ö, ü, ñ, ç …).
_GARBLE = re.compile(r"[^\W\d_][0-9€¢¥£©®&]|[0-9€¢¥£][^\W\d_]|[äëïöüÿñçåøæßÄËÏÖÜÑÇÅØÆ]|ﬂ|ﬁ")
_MARKED = re.compile(r"[^\x00-\x7f]")
MARKED_CLEAN = 0.35     # share of syllables with a mark in ordinary Vietnamese: about 0.6-0.8
GARBLED = 0.02          # share of words with OCR glyphs above which a text is garbled


@dataclass(frozen=True)
class TextQuality:
    """``verdict`` is "clean", "stripped" (diacritics lost) or "garbled" (OCR without
    Vietnamese data); the two shares it is judged on are kept."""

    verdict: str
    marked: float
    garbled: float
    syllables: int


def assess(text: str) -> TextQuality:
    """Judge ``text`` by the share of syllables with marks and of words with OCR glyphs."""
    syllables = SYLLABLE.findall(text)
    n = len(syllables) or 1
    marked = sum(1 for s in syllables if _MARKED.search(s)) / n
    words = text.split()
    garbled = sum(1 for w in words if _GARBLE.search(w)) / (len(words) or 1)
    if garbled >= GARBLED and marked < 0.6:
        verdict = "garbled"
    elif marked < MARKED_CLEAN:
        verdict = "stripped"
    else:
        verdict = "clean"
    return TextQuality(verdict, round(marked, 3), round(garbled, 3), len(syllables))
